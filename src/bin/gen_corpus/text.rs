//! Text generation shared by `gen-corpus` and `bench-dedup` (each includes this file as a
//! module): the splitmix64 random streams, the word-level Markov chain, word edits, and word
//! 3-shingles. One copy, so that the benchmark's paragraphs and copies are the ones
//! `gen-corpus` makes.

use std::collections::HashMap;
use std::fmt::Write as _;

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix64, one independent stream per (purpose, index). Each program names
// its purposes (a `Stream` enum convertible to u64).
// ---------------------------------------------------------------------------------------------

pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for test data.
pub struct Rng(pub u64);

impl Rng {
    pub fn new(seed: u64, stream: impl Into<u64>, index: u64) -> Rng {
        let s = mix64(seed ^ 0x5EED_0000_0000_0000)
            ^ mix64((stream.into()).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ mix64(index));
        Rng(mix64(s))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }
    /// Uniform in 0..n (n > 0), by multiply-shift (no modulo bias worth caring about).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
    /// Uniform in lo..=hi.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability pct/100.
    pub fn pct(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn pick_str(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Word-level Markov chain.
// ---------------------------------------------------------------------------------------------

/// Word-level Markov chain, order 2 with back-off to order 1.
///
/// Why back-off: on 214k words most word pairs occur once, so a pure order-2 chain copies the
/// source verbatim for long runs and unrelated synthetic paragraphs would share long spans (false
/// near-duplicates). Using order 2 only where a pair has at least two distinct successors keeps
/// local fluency and breaks those runs.
pub struct Chain {
    words: Vec<String>,
    ids: HashMap<String, u32, ahash::RandomState>,
    ends: Vec<bool>,
    /// Sentence-initial words, with repetition (so sampling follows their frequency).
    starts: Vec<u32>,
    succ1_off: Vec<u32>,
    succ1: Vec<u32>,
    /// Whether a word has at least two distinct successors.
    varied1: Vec<bool>,
    succ2: HashMap<u64, (u32, u32), ahash::RandomState>,
    succ2_flat: Vec<u32>,
}

/// Abbreviations whose final period does not end a sentence.
const NOT_ENDS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "No.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.",
    "Col.", "Sgt.", "Inc.", "Co.", "Corp.", "vs.", "Prof.", "Mt.", "Jan.", "Feb.", "Aug.", "Sept.",
    "Oct.", "Nov.", "Dec.", "[...]", "...", "a.m.", "p.m.", "U.S.", "U.K.", "U.N.", "D.C.", "e.g.",
    "i.e.",
];

/// Longest run of words that each have one possible successor. Rare words and foreign-language
/// passages have unique successor chains; following them would copy the source verbatim into
/// many unrelated paragraphs (false near-duplicates), so the chain jumps after this many.
const MAX_FORCED: usize = 3;

pub fn ends_sentence(tok: &str) -> bool {
    if NOT_ENDS.contains(&tok) {
        return false;
    }
    let t = tok.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    // Single capital initials ("A.", "J.") are names, not sentence ends.
    if t.len() == 2 && t.as_bytes()[0].is_ascii_uppercase() && t.ends_with('.') {
        return false;
    }
    t.ends_with(['.', '!', '?'])
}

pub fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Fixed seeds: the chain's map is only looked up, never iterated, but fixed seeds keep even
/// its memory layout reproducible.
pub fn fixed_hasher() -> ahash::RandomState {
    ahash::RandomState::with_seeds(0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344)
}

impl Chain {
    pub fn build(paras: &[String]) -> Chain {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut seqs: Vec<Vec<u32>> = Vec::with_capacity(paras.len());
        for p in paras {
            // Non-Latin paragraphs have unique word chains the generator would copy verbatim.
            let ascii = p.bytes().filter(u8::is_ascii_alphabetic).count();
            if ascii * 2 < p.len() {
                continue;
            }
            // Interview speaker tags ("((WN))  ...", "((WSS)) : ...") would leak mid-sentence.
            let seq = p
                .split_whitespace()
                .filter(|w| !w.starts_with("((") && !w.ends_with("))") && *w != ":")
                .map(|w| {
                    *ids.entry(w).or_insert_with(|| {
                        words.push(w.to_string());
                        (words.len() - 1) as u32
                    })
                })
                .collect();
            seqs.push(seq);
        }
        let ends: Vec<bool> = words.iter().map(|w| ends_sentence(w)).collect();
        let mut word_ids = HashMap::with_hasher(fixed_hasher());
        word_ids.extend(ids.into_iter().map(|(w, i)| (w.to_string(), i)));
        let mut starts = Vec::new();
        let mut pairs = Vec::new();
        let mut triples = Vec::new();
        for seq in &seqs {
            for (i, &w) in seq.iter().enumerate() {
                if i == 0 || ends[seq[i - 1] as usize] {
                    starts.push(w);
                }
                if i + 1 < seq.len() {
                    pairs.push((w, seq[i + 1]));
                }
                if i + 2 < seq.len() {
                    triples.push((pair_key(w, seq[i + 1]), seq[i + 2]));
                }
            }
        }
        pairs.sort_unstable();
        let mut succ1_off = vec![0u32; words.len() + 1];
        for &(a, _) in &pairs {
            succ1_off[a as usize + 1] += 1;
        }
        for i in 0..words.len() {
            succ1_off[i + 1] += succ1_off[i];
        }
        let succ1: Vec<u32> = pairs.iter().map(|&(_, b)| b).collect();
        let varied1 = (0..words.len())
            .map(|w| {
                let s = &succ1[succ1_off[w] as usize..succ1_off[w + 1] as usize];
                s.iter().any(|&x| x != s[0])
            })
            .collect();
        triples.sort_unstable();
        let mut succ2 = HashMap::with_hasher(fixed_hasher());
        let mut succ2_flat = Vec::new();
        for group in triples.chunk_by(|x, y| x.0 == y.0) {
            if group.iter().any(|t| t.1 != group[0].1) {
                let start = succ2_flat.len() as u32;
                succ2_flat.extend(group.iter().map(|t| t.1));
                succ2.insert(group[0].0, (start, group.len() as u32));
            }
        }
        Chain {
            words,
            ids: word_ids,
            ends,
            starts,
            succ1_off,
            succ1,
            varied1,
            succ2,
            succ2_flat,
        }
    }

    pub fn next1(&self, rng: &mut Rng, w: u32) -> Option<u32> {
        let (s, e) = (
            self.succ1_off[w as usize] as usize,
            self.succ1_off[w as usize + 1] as usize,
        );
        (e > s).then(|| self.succ1[s + rng.below(e - s)])
    }

    /// One sentence of word ids (6 to 60 words; may run over a short real sentence end).
    pub fn sentence(&self, rng: &mut Rng, out: &mut Vec<u32>) {
        let start = out.len();
        let mut prev = *rng.pick(&self.starts);
        let mut prev2: Option<u32> = None;
        let mut forced = 0;
        out.push(prev);
        loop {
            let n = out.len() - start;
            if (self.ends[prev as usize] && n >= 6) || n >= 60 {
                break;
            }
            let next = match prev2.and_then(|p2| self.succ2.get(&pair_key(p2, prev))) {
                Some(&(s, len)) => {
                    forced = 0;
                    Some(self.succ2_flat[s as usize + rng.below(len as usize)])
                }
                None if forced >= MAX_FORCED => {
                    // Jump to a frequency-weighted word: see MAX_FORCED.
                    forced = 0;
                    Some(self.succ1[rng.below(self.succ1.len())])
                }
                None => {
                    forced = if self.varied1[prev as usize] {
                        0
                    } else {
                        forced + 1
                    };
                    self.next1(rng, prev)
                }
            };
            match next {
                Some(w) => {
                    out.push(w);
                    prev2 = Some(prev);
                    prev = w;
                }
                // A dead end (a word seen only paragraph-final) this early would make a 2-word
                // "sentence" that collides across stories: start another sentence instead.
                None if n < 6 => {
                    prev = *rng.pick(&self.starts);
                    prev2 = None;
                    out.push(prev);
                }
                None => break,
            }
        }
    }

    /// Renders word ids as text, substituting numbers (more distinct text per paragraph) and
    /// closing the last sentence with a period if the chain stopped mid-sentence.
    pub fn render(&self, rng: &mut Rng, ids: &[u32], out: &mut String) {
        for (i, &w) in ids.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            push_with_new_numbers(rng, &self.words[w as usize], out);
        }
        if ids.last().is_some_and(|&last| !self.ends[last as usize]) {
            let trimmed = out
                .trim_end_matches([',', ';', ':', '-', '—', '–', ' '])
                .len();
            out.truncate(trimmed);
            out.push('.');
        }
    }

    /// A synthetic paragraph of 1-4 sentences.
    pub fn paragraph(&self, rng: &mut Rng) -> String {
        let n = match rng.below(100) {
            0..=24 => 1,
            25..=64 => 2,
            65..=89 => 3,
            _ => 4,
        };
        let mut out = String::with_capacity(320);
        let mut ids = Vec::with_capacity(32);
        let mut words = 0;
        let mut i = 0;
        // At least 14 words: short one-sentence paragraphs would collide across a 1M corpus.
        while i < n || words < 14 {
            ids.clear();
            self.sentence(rng, &mut ids);
            if i > 0 {
                out.push(' ');
            }
            self.render(rng, &ids, &mut out);
            words += ids.len();
            i += 1;
        }
        out
    }

    /// A synthetic headline: the start of a sentence, cut to 6-12 words, no trailing stopword.
    pub fn title(&self, rng: &mut Rng) -> String {
        const STOP: &[&str] = &[
            "the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with",
            "that", "from", "as", "is", "was", "but", "his", "her", "their", "its",
        ];
        let mut ids = Vec::new();
        loop {
            ids.clear();
            self.sentence(rng, &mut ids);
            ids.truncate(rng.range(6, 12));
            let mut words: Vec<String> = Vec::with_capacity(ids.len());
            for &w in &ids {
                let mut s = String::new();
                push_with_new_numbers(rng, &self.words[w as usize], &mut s);
                let s = s
                    .trim_matches(['"', '“', '”', '(', ')', '[', ']'])
                    .to_string();
                if s.chars().any(char::is_alphanumeric) {
                    words.push(s);
                }
            }
            while let Some(last) = words.last_mut() {
                *last = last
                    .trim_end_matches(['.', ',', ';', ':', '’', '\'', '?', '!', '—'])
                    .to_string();
                if last.is_empty() || STOP.contains(&last.as_str()) {
                    words.pop();
                } else {
                    break;
                }
            }
            // Short titles collide across stories; draw again (rarely needed).
            if words.len() >= 4 {
                return capitalize_first(&words.join(" "));
            }
        }
    }

    /// A plausible word to put after `prev` (its chain successor, punctuation stripped), for word
    /// edits; a frequency-weighted word when `prev` is not in the vocabulary.
    pub fn word_after(&self, rng: &mut Rng, prev: &str) -> String {
        let id = self
            .ids
            .get(prev)
            .and_then(|&p| self.next1(rng, p))
            .unwrap_or_else(|| self.succ1[rng.below(self.succ1.len())]);
        let t = self.words[id as usize].trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_empty() { "the" } else { t }.to_string()
    }
}

pub fn capitalize_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Copies `tok`, replacing each run of digits by a random run of the same length (four-digit
/// years stay years).
pub fn push_with_new_numbers(rng: &mut Rng, tok: &str, out: &mut String) {
    if !tok.bytes().any(|b| b.is_ascii_digit()) {
        out.push_str(tok);
        return;
    }
    let b = tok.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && !b[i].is_ascii_digit() {
                i += 1;
            }
            out.push_str(&tok[start..i]);
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let run = &tok[start..i];
        if run.len() == 4 && (run.starts_with("19") || run.starts_with("20")) {
            let _ = write!(out, "{}", 1990 + rng.below(35));
        } else {
            for (k, c) in run.bytes().enumerate() {
                let d = if k == 0 && run.len() > 1 && c != b'0' {
                    1 + rng.below(9)
                } else {
                    rng.below(10)
                };
                out.push((b'0' + d as u8) as char);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Edits and shingles.
// ---------------------------------------------------------------------------------------------

/// `n` word-level edits: substitute, insert, delete, or swap two neighbours.
pub fn edit_words(text: &str, rng: &mut Rng, chain: &Chain, n: usize) -> Option<String> {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    if words.len() < 6 {
        return None;
    }
    for _ in 0..n {
        let i = rng.range(1, words.len() - 2);
        match rng.below(4) {
            0 => {
                let w = chain.word_after(rng, &words[i - 1]);
                // Keep the punctuation glued to the replaced word.
                let tail: String = words[i]
                    .chars()
                    .rev()
                    .take_while(|c| !c.is_alphanumeric())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                words[i] = w + &tail;
            }
            1 => {
                let w = chain.word_after(rng, &words[i - 1]);
                words.insert(i, w);
            }
            2 if words.len() > 6 => {
                words.remove(i);
            }
            _ => words.swap(i, i + 1),
        }
    }
    Some(words.join(" "))
}

/// The word 3-shingles of a text: lowercased alphanumeric runs, joined by a space.
pub fn shingles<S: FromIterator<String>>(text: &str) -> S {
    let w: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    w.windows(3).map(|s| s.join(" ")).collect()
}
