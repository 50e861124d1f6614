//! What the near-duplicate and paraphrase stage knows of a paragraph: its word sequence, its
//! stemmed content words, its numbers and its names, each word as a seeded 32-bit hash.
//!
//! Per paragraph and pure, so it runs where the documents are; the cross-document step
//! ([`super::near`]) sees only these hashes. 32 bits: a paragraph has a few dozen words, and a
//! collision between two different words of two candidate paragraphs only nudges a score.

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The features of one paragraph. Vectors of hashes; `stems`, `numbers` and `names` sorted and
/// without repeats, `words` in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Features {
    /// Every word, lowercased, in order (for truncation and word-shingle checks).
    pub words: Vec<u32>,
    /// Stems of the content words (stop words left out).
    pub stems: Vec<u32>,
    /// Numbers, with thousands separators removed ("1,200" = "1200").
    pub numbers: Vec<u32>,
    /// Capitalised words that do not start a sentence: names of people, places, bodies.
    pub names: Vec<u32>,
    /// Capitalised words that start a sentence (a name or just a first word: the folder decides,
    /// see `near::find`).
    pub initials: Vec<u32>,
    /// Every word's first five letters: names and initials are compared on these, so that
    /// "Belarus" finds "Belarusian" and "Lithuania" "Lithuanian" (but "Belarus" not "Lithuania").
    /// Also the initials of each run of capitalised words, so that "United States" finds "U.S."
    /// and "US", and "European Union" "EU".
    pub prefixes: Vec<u32>,
    /// The content stems and numbers in text order, repeats kept: sentence alignment compares
    /// the paragraphs' sentences on these.
    pub seq: Vec<u32>,
    /// Where each sentence starts in `seq` (the first at 0).
    pub sentences: Vec<u32>,
    /// (name key, initials of its run) for names in a run of capitalised words: "United" and
    /// "States" are present where "U.S." is.
    pub runs: Vec<(u32, u32)>,
}

impl Features {
    /// A number: a word, a content word and a number.
    fn push_number(&mut self, h: u32) {
        self.numbers.push(h);
        self.words.push(h);
        self.seq.push(h);
    }

    /// The initials of the run of capitalised words that `name` is part of, if any.
    pub fn run_acronym(&self, name: u32) -> Option<u32> {
        self.runs.iter().find(|r| r.0 == name).map(|r| r.1)
    }

    /// The content stems and numbers of each sentence, in order.
    pub fn sentence_slices(&self) -> impl Iterator<Item = &[u32]> + '_ {
        let ends = self
            .sentences
            .iter()
            .skip(1)
            .map(|&e| e as usize)
            .chain(std::iter::once(self.seq.len()));
        self.sentences
            .iter()
            .zip(ends)
            .map(|(&s, e)| &self.seq[s as usize..e])
    }
}

/// The key names are compared on: the first five characters, lowercased.
pub fn name_key(lower: &str) -> u32 {
    let end = lower.char_indices().nth(5).map_or(lower.len(), |(i, _)| i);
    hash32(&lower[..end])
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// English function words: they carry no fact, and spinners swap them freely.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it",
    "its", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her",
    "their", "our", "them", "him", "who", "which", "what", "when", "where", "after", "before",
    "also", "not", "no", "will", "would", "can", "could", "said", "says", "say", "about", "into",
    "than", "then", "there", "over", "more", "most", "some", "such", "up", "out", "so", "if",
    "while", "during", "all", "any", "other", "one", "do", "did", "does", "may", "might", "just",
    "us",
];

/// The name keys of [`STOP`]: a capitalised "US" or "WHO" is a name even though the folder
/// writes "us" and "who" in lower case.
pub static STOP_KEYS: LazyLock<ahash::AHashSet<u32>> =
    LazyLock::new(|| STOP.iter().map(|w| name_key(w)).collect());

/// [`STOP`] as a set: a word is looked up once, not compared with each stop word.
static STOP_SET: LazyLock<ahash::AHashSet<&'static str>> =
    LazyLock::new(|| STOP.iter().copied().collect());

thread_local! {
    /// Stems already computed on this thread: words repeat across a folder, and the Snowball
    /// stemmer was a quarter of the duplicate stage's time. Bounded: cleared when full.
    static STEMS: std::cell::RefCell<ahash::AHashMap<String, u32>> =
        std::cell::RefCell::new(ahash::AHashMap::new());
}

/// Most distinct words a thread's stem cache holds before it starts over.
const STEM_CACHE_WORDS: usize = 200_000;

/// The hash of a lowercase word's English stem.
fn stem_hash(lower: &str) -> u32 {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(&h) = cache.get(lower) {
            return h;
        }
        if cache.len() >= STEM_CACHE_WORDS {
            cache.clear();
        }
        let h = hash32(&STEMMER.stem(lower));
        cache.insert(lower.to_string(), h);
        h
    })
}

/// Seeded FNV-1a, 32 bits: stable across runs, machines and versions (a fingerprint users may
/// store, and Spark executors must agree on).
pub fn hash32(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ 0x5107_5157;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Features of one paragraph's text.
pub fn features(text: &str) -> Features {
    // Sized for the text up front (about one word per six bytes), trimmed at the end: growing
    // four vectors by doubling cost a dozen reallocations a paragraph.
    let words = text.len() / 5 + 4;
    let mut f = Features {
        words: Vec::with_capacity(words),
        stems: Vec::with_capacity(words),
        prefixes: Vec::with_capacity(words),
        seq: Vec::with_capacity(words),
        ..Features::default()
    };
    let mut sentence_start = true;
    // Initials of the current run of capitalised words ("United States" -> "us").
    let mut run = String::new();
    let mut run_keys: Vec<u32> = Vec::new();
    let mut lower = String::new();
    let end_run = |run: &mut String, run_keys: &mut Vec<u32>, f: &mut Features| {
        if run_keys.len() >= 2 {
            let acronym = hash32(run);
            f.prefixes.push(acronym);
            f.runs.extend(run_keys.iter().map(|&k| (k, acronym)));
        }
        run.clear();
        run_keys.clear();
    };
    for chunk in strip_dateline(text).split_whitespace() {
        if sentence_start && f.sentences.last() != Some(&(f.seq.len() as u32)) {
            f.sentences.push(f.seq.len() as u32);
        }
        // "said." ends a sentence, "U.S." and "Mr." (one letter or two before the dot) do not;
        // nor does a spinner's "prisons.”." stop being an end for its stray quote and dot.
        let tail = ['"', '”', '’', '\'', ')', ']', '»', '.', '!', '?'];
        let core = chunk.trim_end_matches(tail);
        let ends = chunk[core.len()..].contains(['.', '!', '?'])
            && core.chars().count() > 2
            && !core.contains('.');
        for raw in chunk.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == ',')) {
            let word = raw.trim_matches(['.', ',']);
            if word.is_empty() {
                continue;
            }
            let first = word.chars().next().unwrap_or(' ');
            if first.is_ascii_digit() {
                let n: String = word.chars().filter(|c| *c != ',').collect();
                f.push_number(hash32(&n));
                sentence_start = false;
                end_run(&mut run, &mut run_keys, &mut f);
                continue;
            }
            // "U.S.", "U.K.": the letters are the name ("US"), compared as one word.
            // "US", "EU" in capitals too (but not a one-letter word: "A", "I").
            let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
            let capitals = word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
            let acronym = (dotted || capitals).then(|| word.replace('.', "").to_lowercase());
            // "U.S." is one word; "home,where" (a spinner's missing space) two.
            for w in word.split(',').filter(|w| !w.is_empty()) {
                // Lowercased into one buffer (a fresh String per word was a tenth of the time).
                lower.clear();
                match &acronym {
                    Some(a) => lower.push_str(a),
                    None if w.is_ascii() => {
                        lower.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())))
                    }
                    None => lower.push_str(&w.to_lowercase()),
                }
                let lower = lower.as_str();
                // Spinners spell numbers out ("14" -> "Fourteen"): a number is a number.
                if let Some(n) = number_word(lower) {
                    f.push_number(hash32(n));
                    sentence_start = false;
                    end_run(&mut run, &mut run_keys, &mut f);
                    continue;
                }
                f.words.push(hash32(lower));
                let key = name_key(lower);
                f.prefixes.push(key);
                let stop = acronym.is_none() && STOP_SET.contains(lower);
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                if capital && !stop {
                    if sentence_start {
                        f.initials.push(key);
                    } else {
                        f.names.push(key);
                    }
                    run.extend(lower.chars().next());
                    run_keys.push(key);
                } else {
                    end_run(&mut run, &mut run_keys, &mut f);
                }
                if !stop && lower.chars().count() > 1 {
                    let h = stem_hash(lower);
                    f.stems.push(h);
                    f.seq.push(h);
                }
                sentence_start = false;
            }
            if raw.ends_with(',') {
                end_run(&mut run, &mut run_keys, &mut f);
            }
        }
        if ends {
            sentence_start = true;
            end_run(&mut run, &mut run_keys, &mut f);
        }
    }
    end_run(&mut run, &mut run_keys, &mut f);
    for v in [
        &mut f.stems,
        &mut f.numbers,
        &mut f.names,
        &mut f.initials,
        &mut f.prefixes,
    ] {
        v.sort_unstable();
        v.dedup();
    }
    // A folder holds a million of these until the cross-document step: no spare capacity
    // (pushing leaves up to half of each vector unused; 1,149 bytes a paragraph allocated
    // against 844 used at bench-dedup's 1M).
    for v in [
        &mut f.words,
        &mut f.stems,
        &mut f.numbers,
        &mut f.names,
        &mut f.initials,
        &mut f.prefixes,
        &mut f.seq,
        &mut f.sentences,
    ] {
        v.shrink_to_fit();
    }
    f.runs.shrink_to_fit();
    f
}

/// The paragraph without a wire dateline ("VILNIUS, Lithuania (AP) — "): every copy of a
/// story's lead carries the same dateline, whatever fact the paragraph states, so its words are
/// no evidence that two paragraphs say the same thing.
fn strip_dateline(text: &str) -> &str {
    for dash in [" — ", " – ", " -- "] {
        if let Some(at) = text.find(dash) {
            let head = &text[..at];
            let words = head.split_whitespace().count();
            // The dateline starts with a place in capitals: "VILNIUS," or "NEW YORK (AP)".
            let first = head.split_whitespace().next().unwrap_or("");
            let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
            if (1..=6).contains(&words)
                && letters.len() >= 3
                && letters.iter().all(|c| c.is_uppercase())
            {
                return &text[at + dash.len()..];
            }
        }
    }
    text
}

/// The digits of a number written as a word, up to twenty and the tens.
fn number_word(w: &str) -> Option<&'static str> {
    // Every number word starts with one of these and has 3 to 9 letters.
    if !(3..=9).contains(&w.len()) || !matches!(w.as_bytes()[0], b't' | b'f' | b's' | b'e' | b'n') {
        return None;
    }
    const WORDS: &[(&str, &str)] = &[
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("ten", "10"),
        ("eleven", "11"),
        ("twelve", "12"),
        ("thirteen", "13"),
        ("fourteen", "14"),
        ("fifteen", "15"),
        ("sixteen", "16"),
        ("seventeen", "17"),
        ("eighteen", "18"),
        ("nineteen", "19"),
        ("twenty", "20"),
        ("thirty", "30"),
        ("forty", "40"),
        ("fifty", "50"),
        ("sixty", "60"),
        ("seventy", "70"),
        ("eighty", "80"),
        ("ninety", "90"),
    ];
    WORDS.iter().find(|(word, _)| *word == w).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_names_and_stems() {
        let f = features(
            "Belarus freed 52 political prisoners on Thursday, officials in Vilnius said.",
        );
        assert!(f.numbers.contains(&hash32("52")));
        assert!(f.names.contains(&name_key("vilnius")));
        assert!(f.names.contains(&name_key("thursday")));
        // The first word starts a sentence: not counted as a name.
        assert!(!f.names.contains(&name_key("belarus")));
        assert!(f.initials.contains(&name_key("belarus")));
        assert!(f.stems.contains(&hash32(&STEMMER.stem("prisoners"))));
        assert!(!f.stems.contains(&hash32("the")));
        let g = features("The company paid 1,200 pounds.");
        assert!(g.numbers.contains(&hash32("1200")));
        assert_eq!(
            features("Fourteen foreigners").numbers,
            features("14 foreigners").numbers
        );
    }

    #[test]
    fn stems_match_inflections() {
        let a = features("The prisoners were released");
        let b = features("a prisoner is releasing");
        assert_eq!(a.stems, b.stems);
    }

    #[test]
    fn a_stray_quote_and_dot_still_end_a_sentence() {
        // The spinner's "prisons.”." ends its sentence: "According" is a sentence's first
        // word, not a name mid-sentence.
        let f = features(
            "They remain in Belarusian prisons.”. According to him, the inmates were left.",
        );
        let according = name_key("according");
        assert!(f.initials.contains(&according));
        assert!(!f.names.contains(&according));
        assert_eq!(f.sentences.len(), 2);
        // "U.S." still does not.
        let g = features("The U.S. Treasury lifted the sanctions.");
        assert!(g.names.contains(&name_key("treasury")));
    }
}
