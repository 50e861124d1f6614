//! The spinner: machine paraphrase of a paragraph the way article spinners do it, after the
//! second half of seed 000 (`../shared/seeds/000_*.txt`, after `NEUTRAL`).
//!
//! What seed 000 shows, and what [`Spinner::spin`] does for each:
//!
//! - synonyms from a thesaurus, with no sense disambiguation ("freed" -> "released", "many" ->
//!   "numerous"): [`Thesaurus`] (built from WordNet by `scripts/fetch-wordnet`) plus a small
//!   table of function-word phrases WordNet lacks ("more than" -> "over", "before" -> "prior to");
//! - clause reordering: a leading subordinate clause or "According to X," moved to the end, a
//!   trailing ", as ..." moved to the front, ", X said." made "X said ...", and back; and
//!   possessives turned around ("the isolated country’s national airline" -> "the national
//!   airline of the isolated country");
//! - sentence splits at ", and" / ", but" / ";" and merges of two short sentences;
//! - small numbers written as words ("14 foreigners" -> "Fourteen foreigners");
//! - artifacts: a broken abbreviation ("U. S. ."), stray or doubled quotes ("agreement.”." and
//!   "“.”."), a mangled figure ("1,2 00"), a stray initial before a name ("A. Donald Trump"), a
//!   sentence that starts in lowercase ("52 is a lot. a huge number.").
//!
//! Names and numbers are left alone (except by the artifacts and the number words), so a spun
//! copy still carries the facts of its original: that is what a verifier may lean on, and what
//! the number-changed traps of `gen-corpus pairs` take away.
//!
//! Deterministic: the output is a pure function of (text, table, rates, random stream). Every
//! rate is a percentage ([`SpinRates`]); a rate of 0 turns its operation off.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::{capitalize_first, ends_sentence, fixed_hasher, Rng};

/// Surface form -> synonyms, inflected like it (`scripts/fetch-wordnet` writes the table).
pub struct Thesaurus {
    map: HashMap<Box<str>, Box<[Box<str>]>, ahash::RandomState>,
}

impl Thesaurus {
    /// Reads a table written by `scripts/fetch-wordnet`; a clear error when it is not there.
    pub fn load(path: &Path) -> Result<Thesaurus> {
        let text = match fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
                "the spinner's synonym table `{}` does not exist: run scripts/fetch-wordnet \
                 once (it downloads WordNet from the npm registry into target/wordnet/), or \
                 pass --wordnet PATH",
                path.display()
            ),
            Err(e) => return Err(e).with_context(|| format!("reading `{}`", path.display())),
        };
        let t = Thesaurus::parse(&text);
        if t.map.is_empty() {
            anyhow::bail!(
                "`{}` has no synonyms: rebuild it with scripts/fetch-wordnet --force",
                path.display()
            );
        }
        Ok(t)
    }

    /// Parses `surface<TAB>synonym<TAB>...` lines; `#` lines are comments.
    pub fn parse(text: &str) -> Thesaurus {
        let mut map = HashMap::with_hasher(fixed_hasher());
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let Some(word) = parts.next().filter(|w| !w.is_empty()) else {
                continue;
            };
            let syns: Box<[Box<str>]> = parts.filter(|s| !s.is_empty()).map(Box::from).collect();
            if !syns.is_empty() {
                map.insert(Box::from(word), syns);
            }
        }
        Thesaurus { map }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.map.len()
    }

    fn get(&self, word: &str) -> Option<&[Box<str>]> {
        self.map.get(word).map(|s| &s[..])
    }
}

/// How much the spinner changes, each in percent. The defaults make text about as changed as
/// seed 000's spun half: most sentences differ in several words, about half are reordered.
#[derive(clap::Args, Clone, Debug)]
pub struct SpinRates {
    /// Spinner: percent of replaceable words (not names, numbers or function words) replaced by a
    /// synonym.
    #[arg(long = "spin-synonyms", default_value_t = 40, value_parser = pct)]
    pub synonyms: usize,
    /// Spinner: percent of sentences with a movable clause that get it moved (and of possessives
    /// turned into "the Y of X").
    #[arg(long = "spin-reorder", default_value_t = 60, value_parser = pct)]
    pub reorder: usize,
    /// Spinner: percent of long sentences with a split point (", and", ", but", ";") split in two.
    #[arg(long = "spin-split", default_value_t = 30, value_parser = pct)]
    pub split: usize,
    /// Spinner: percent of pairs of short neighbouring sentences merged into one.
    #[arg(long = "spin-merge", default_value_t = 20, value_parser = pct)]
    pub merge: usize,
    /// Spinner: percent of small numbers (0-20) written as words.
    #[arg(long = "spin-numbers", default_value_t = 30, value_parser = pct)]
    pub numbers: usize,
    /// Spinner: percent of paragraphs given one artifact ("U. S. .", a stray quote, "1,2 00", ...).
    #[arg(long = "spin-artifacts", default_value_t = 15, value_parser = pct)]
    pub artifacts: usize,
}

fn pct(s: &str) -> std::result::Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n <= 100 => Ok(n),
        _ => Err(format!("`{s}` is not a percentage (0-100)")),
    }
}

impl Default for SpinRates {
    fn default() -> SpinRates {
        SpinRates {
            synonyms: 40,
            reorder: 60,
            split: 30,
            merge: 20,
            numbers: 30,
            artifacts: 15,
        }
    }
}

impl SpinRates {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "synonyms": self.synonyms,
            "reorder": self.reorder,
            "split": self.split,
            "merge": self.merge,
            "numbers": self.numbers,
            "artifacts": self.artifacts,
        })
    }
}

/// What one call of [`Spinner::spin`] did.
#[derive(Default, Clone, Debug, PartialEq, Eq)]
pub struct SpinReport {
    /// Words and phrases replaced.
    pub synonyms: u32,
    pub reordered: u32,
    /// "X's Y" made "the Y of X".
    pub possessive: u32,
    pub split: u32,
    pub merged: u32,
    /// Numbers written as words.
    pub numbers: u32,
    pub artifact: Option<&'static str>,
}

impl SpinReport {
    /// The operations that happened, by name, in a fixed order (for truth and gold files).
    pub fn ops(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        for (n, name) in [
            (self.synonyms, "synonyms"),
            (self.reordered, "reorder"),
            (self.possessive, "possessive"),
            (self.split, "split"),
            (self.merged, "merge"),
            (self.numbers, "numbers"),
        ] {
            if n > 0 {
                v.push(name);
            }
        }
        if let Some(a) = self.artifact {
            v.push(a);
        }
        v
    }
}

pub struct Spinner<'a> {
    thesaurus: &'a Thesaurus,
    rates: SpinRates,
}

/// Phrases WordNet has no synonyms for (function words), as spinners' own tables have them.
/// (source words, replacements, a next word that forbids it).
const PHRASES: &[(&[&str], &[&str], &[&str])] = &[
    (&["more", "than"], &["over", "in excess of"], &[]),
    (&["according", "to"], &["as stated by", "as per"], &[]),
    (&["in", "order", "to"], &["to", "so as to"], &[]),
    (&["as", "well", "as"], &["along with", "together with"], &[]),
    (&["a", "lot", "of"], &["plenty of", "a great deal of"], &[]),
    (&["because"], &["since", "as"], &["of"]),
    (&["however"], &["nevertheless", "nonetheless"], &[]),
    (&["after"], &["following"], &[]),
    (&["before"], &["prior to", "ahead of"], &[]),
    (&["also"], &["additionally", "likewise"], &[]),
    (&["many"], &["numerous", "several"], &["of"]),
    (&["several"], &["multiple", "various"], &["of"]),
    (&["despite"], &["in spite of", "regardless of"], &[]),
    (&["during"], &["throughout", "in the course of"], &[]),
    (&["including"], &["such as", "among them"], &[]),
    (&["until"], &["till", "up until"], &[]),
    (&["among"], &["amongst"], &[]),
    (&["whether"], &["if"], &[]),
];

/// Words that start a clause and can be moved with it (the clause runs to the first comma).
const LEADERS: &[&str] = &[
    "after",
    "before",
    "when",
    "while",
    "although",
    "though",
    "because",
    "since",
    "as",
    "if",
    "following",
    "during",
    "despite",
    "until",
    "once",
    "unlike",
    "in",
    "on",
    "at",
    "by",
    "last",
    "earlier",
    "later",
    "according",
];
/// Words that start a trailing clause that can go to the front.
const TRAILERS: &[&str] = &[
    "as",
    "while",
    "after",
    "before",
    "when",
    "although",
    "though",
    "because",
    "following",
    "according",
];
/// Verbs of saying, for attribution clauses.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "noted",
    "wrote",
    "reported",
    "announced",
    "declared",
    "warned",
];
/// Sentence-initial words that are lowercased when moved into a sentence (other capitalized
/// words are kept: they are usually names, and a name must survive the spin).
const LOWERABLE: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "some",
    "many",
    "most",
    "several",
    "police",
    "officials",
    "authorities",
    "witnesses",
    "experts",
    "analysts",
    "residents",
    "investigators",
    "prosecutors",
    "researchers",
    "scientists",
    "critics",
    "sources",
    "one",
    "two",
    "both",
    "all",
    "other",
    "each",
];
/// Month abbreviations; the full names are the generator's `MONTHS`.
const MONTH_ABBREVS: &[&str] = &["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/// A month name or abbreviation, as written or (`any_case`) in any case.
fn is_month(w: &str, any_case: bool) -> bool {
    crate::MONTHS.iter().chain(MONTH_ABBREVS).any(|m| {
        if any_case {
            m.eq_ignore_ascii_case(w)
        } else {
            *m == w
        }
    })
}
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const QUOTES: &[char] = &['"', '“', '”', '‘', '’', '\''];
const OPEN_PUNCT: &[char] = &['"', '“', '‘', '\'', '(', '['];
const CLOSE_PUNCT: &[char] = &[
    '.', ',', ';', ':', '!', '?', '"', '”', '’', '\'', ')', ']', '…',
];

/// A token split into leading punctuation, the word, and trailing punctuation.
struct Parts<'t> {
    lead: &'t str,
    core: &'t str,
    tail: &'t str,
}

fn parts(tok: &str) -> Parts<'_> {
    let start = tok.len() - tok.trim_start_matches(OPEN_PUNCT).len();
    let rest = &tok[start..];
    let core_len = rest.trim_end_matches(CLOSE_PUNCT).len();
    Parts {
        lead: &tok[..start],
        core: &rest[..core_len],
        tail: &rest[core_len..],
    }
}

fn has_quote(tokens: &[String]) -> bool {
    tokens.iter().any(|t| t.contains(QUOTES))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Lowercases a word moved away from the start of a sentence, if it is a common word.
fn demote(tok: &str) -> String {
    let p = parts(tok);
    if LOWERABLE.contains(&p.core.to_lowercase().as_str()) && p.core != "I" {
        format!("{}{}{}", p.lead, lower_first(p.core), p.tail)
    } else {
        tok.to_string()
    }
}

fn promote(tok: &str) -> String {
    let p = parts(tok);
    format!("{}{}{}", p.lead, capitalize_first(p.core), p.tail)
}

/// Splits the end punctuation ('.', '!', '?', possibly with closing quotes) off a sentence.
fn take_end(tokens: &mut [String]) -> String {
    let Some(last) = tokens.last_mut() else {
        return String::new();
    };
    let keep = last.trim_end_matches(['.', '!', '?']).len();
    let end = last[keep..].to_string();
    last.truncate(keep);
    end
}

fn strip_comma(tok: &mut String) {
    if tok.ends_with(',') {
        tok.pop();
    }
}

fn core_lower(tok: &str) -> String {
    parts(tok).core.to_lowercase()
}

impl<'a> Spinner<'a> {
    pub fn new(thesaurus: &'a Thesaurus, rates: SpinRates) -> Spinner<'a> {
        Spinner { thesaurus, rates }
    }

    /// Spins one paragraph. A paragraph the spinner cannot change comes back unchanged.
    pub fn spin(&self, text: &str, rng: &mut Rng) -> (String, SpinReport) {
        let mut rep = SpinReport::default();
        let mut tokens: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        // An agency dateline ("VILNIUS, Lithuania (AP) —") stays in front, untouched.
        let dateline = tokens
            .iter()
            .take(10)
            .position(|t| matches!(t.as_str(), "—" | "–" | "--" | "-"))
            .filter(|&i| i > 0 && tokens[i - 1].ends_with(')'))
            .map_or(0, |i| i + 1);
        let head: Vec<String> = tokens.drain(..dateline).collect();
        let mut sentences = split_sentences(tokens);
        for s in &mut sentences {
            if rng.pct(self.rates.reorder) && self.reorder(s, rng) {
                rep.reordered += 1;
            }
            rep.possessive += flip_possessives(s, rng, self.rates.reorder);
        }
        sentences = self.merge(sentences, rng, &mut rep);
        sentences = self.split(sentences, rng, &mut rep);
        let lower_words = lowercase_words(text);
        for s in &mut sentences {
            self.substitute(s, rng, &lower_words, &mut rep);
        }
        let mut out = head;
        out.extend(sentences.into_iter().flatten());
        if rep.ops().is_empty() {
            // Nothing happened at these rates: replace the first replaceable word, so a copy
            // labelled spun differs from its original whenever the table allows.
            self.substitute_first(&mut out, rng, &lower_words, &mut rep);
        }
        if rng.pct(self.rates.artifacts) {
            rep.artifact = artifact(&mut out, rng);
        }
        (out.join(" "), rep)
    }

    /// Synonyms only (for headlines).
    pub fn spin_words(&self, text: &str, rng: &mut Rng) -> String {
        let mut tokens: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        let mut rep = SpinReport::default();
        self.substitute(&mut tokens, rng, &lowercase_words(text), &mut rep);
        tokens.join(" ")
    }

    /// Moves one clause of a sentence (see the module docs); false when none fits.
    fn reorder(&self, s: &mut Vec<String>, rng: &mut Rng) -> bool {
        let mut options: Vec<Vec<String>> = Vec::with_capacity(4);
        if !has_quote(s) {
            options.extend(leading_clause_to_end(s));
            options.extend(trailing_clause_to_front(s));
            options.extend(attribution_to_front(s, rng));
            options.extend(attribution_to_end(s));
        } else {
            options.extend(quote_inversion(s));
        }
        if options.is_empty() {
            return false;
        }
        *s = options.swap_remove(rng.below(options.len()));
        true
    }

    fn merge(
        &self,
        sentences: Vec<Vec<String>>,
        rng: &mut Rng,
        rep: &mut SpinReport,
    ) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::with_capacity(sentences.len());
        let mut merged_last = false;
        for s in sentences {
            let can = !merged_last
                && out.last().is_some_and(|p: &Vec<String>| {
                    p.len() <= 14
                        && s.len() <= 14
                        && p.last()
                            .is_some_and(|t| t.ends_with('.') && !t.ends_with(".."))
                        && !has_quote(p)
                        && !has_quote(&s)
                });
            if can && rng.pct(self.rates.merge) {
                let prev = out.last_mut().expect("checked above");
                let last = prev.last_mut().expect("non-empty sentence");
                last.pop();
                let mut rest = s.into_iter();
                let first = rest.next().map(|t| demote(&t)).unwrap_or_default();
                if rng.pct(60) {
                    last.push(',');
                    prev.push("and".to_string());
                } else {
                    last.push(';');
                }
                prev.push(first);
                prev.extend(rest);
                rep.merged += 1;
                merged_last = true;
            } else {
                out.push(s);
                merged_last = false;
            }
        }
        out
    }

    fn split(
        &self,
        sentences: Vec<Vec<String>>,
        rng: &mut Rng,
        rep: &mut SpinReport,
    ) -> Vec<Vec<String>> {
        let mut out = Vec::with_capacity(sentences.len() + 2);
        for s in sentences {
            if s.len() < 16 || has_quote(&s) {
                out.push(s);
                continue;
            }
            let points: Vec<usize> = (5..s.len().saturating_sub(6))
                .filter(|&i| {
                    let next = core_lower(&s[i + 1]);
                    s[i].ends_with(';')
                        || (s[i].ends_with(',') && matches!(next.as_str(), "and" | "but" | "which"))
                })
                .collect();
            if points.is_empty() || !rng.pct(self.rates.split) {
                out.push(s);
                continue;
            }
            let at = points[rng.below(points.len())];
            let mut left = s;
            let mut right = left.split_off(at + 1);
            let last = left.last_mut().expect("split after word 5");
            last.pop();
            last.push('.');
            match core_lower(&right[0]).as_str() {
                "and" => {
                    right.remove(0);
                }
                "but" => {
                    right[0] = if rng.pct(50) {
                        "However,".to_string()
                    } else {
                        "But".to_string()
                    };
                }
                "which" => right[0] = "This".to_string(),
                _ => {}
            }
            if let Some(f) = right.first_mut() {
                *f = promote(f);
            }
            out.push(left);
            out.push(right);
            rep.split += 1;
        }
        out
    }

    /// Synonyms, phrases and number words over one sentence.
    fn substitute(
        &self,
        s: &mut Vec<String>,
        rng: &mut Rng,
        lower_words: &[String],
        rep: &mut SpinReport,
    ) {
        let mut i = 0;
        while i < s.len() {
            if let Some(n) = self.try_phrase(s, i, rng, self.rates.synonyms, rep) {
                i += n;
                continue;
            }
            self.try_number(s, i, rng, rep);
            self.try_word(s, i, rng, lower_words, self.rates.synonyms, rep);
            i += 1;
        }
    }

    /// Replaces the first replaceable word of the paragraph (rate 100, once).
    fn substitute_first(
        &self,
        s: &mut [String],
        rng: &mut Rng,
        lower_words: &[String],
        rep: &mut SpinReport,
    ) {
        for i in 0..s.len() {
            if self.try_word(s, i, rng, lower_words, 100, rep) {
                return;
            }
        }
    }

    fn try_phrase(
        &self,
        s: &mut Vec<String>,
        i: usize,
        rng: &mut Rng,
        rate: usize,
        rep: &mut SpinReport,
    ) -> Option<usize> {
        for (src, reps, not_before) in PHRASES {
            let n = src.len();
            if i + n > s.len() {
                continue;
            }
            // Inner words must have no punctuation; the first may open, the last may close.
            let ok = (0..n).all(|k| {
                let p = parts(&s[i + k]);
                p.core.eq_ignore_ascii_case(src[k])
                    && (k == 0 || p.lead.is_empty())
                    && (k + 1 == n || p.tail.is_empty())
            });
            if !ok {
                continue;
            }
            if s.get(i + n)
                .is_some_and(|nx| not_before.contains(&core_lower(nx).as_str()))
            {
                return None;
            }
            if !rng.pct(rate) {
                return Some(n);
            }
            let first = parts(&s[i]);
            let capital = first.core.starts_with(|c: char| c.is_uppercase());
            let lead = first.lead.to_string();
            let tail = parts(&s[i + n - 1]).tail.to_string();
            let mut with = reps[rng.below(reps.len())].to_string();
            if capital {
                with = capitalize_first(&with);
            }
            let mut words: Vec<String> = with.split(' ').map(str::to_string).collect();
            words[0] = format!("{lead}{}", words[0]);
            let last = words.len() - 1;
            words[last].push_str(&tail);
            let m = words.len();
            s.splice(i..i + n, words);
            rep.synonyms += 1;
            return Some(m);
        }
        None
    }

    fn try_number(&self, s: &mut [String], i: usize, rng: &mut Rng, rep: &mut SpinReport) {
        let p = parts(&s[i]);
        if p.core.is_empty() || p.core.len() > 2 || !p.core.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        let n: usize = p.core.parse().expect("digits");
        if n > 20 || !p.lead.is_empty() || !(p.tail.is_empty() || p.tail == "," || p.tail == ".") {
            return;
        }
        let prev = i.checked_sub(1).map(|j| s[j].as_str());
        let next = s.get(i + 1).map(|t| core_lower(t));
        // Dates ("May 4"), money, and names with a number ("Falcon 9", "Apollo 11") keep digits.
        if prev.is_some_and(|w| {
            is_month(w, false)
                || w.ends_with(['$', '£', '€'])
                || (w.starts_with(|c: char| c.is_uppercase())
                    && !LOWERABLE.contains(&w.to_lowercase().as_str()))
        }) || next.as_deref().is_some_and(|w| {
            matches!(w, "a.m" | "p.m" | "percent" | "per" | "%" | "am" | "pm") || is_month(w, true)
        }) {
            return;
        }
        if !rng.pct(self.rates.numbers) {
            return;
        }
        let word = NUMBER_WORDS[n];
        let word = if i == 0 {
            capitalize_first(word)
        } else {
            word.to_string()
        };
        s[i] = format!("{word}{}", p.tail);
        rep.numbers += 1;
    }

    fn try_word(
        &self,
        s: &mut [String],
        i: usize,
        rng: &mut Rng,
        lower_words: &[String],
        rate: usize,
        rep: &mut SpinReport,
    ) -> bool {
        let p = parts(&s[i]);
        let (core, poss) = match p.core.strip_suffix("’s").or(p.core.strip_suffix("'s")) {
            Some(c) => (c, &p.core[c.len()..]),
            None => (p.core, ""),
        };
        if core.len() < 3 || !core.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        let capital = core.as_bytes()[0].is_ascii_uppercase();
        if core[1..].bytes().any(|b| b.is_ascii_uppercase()) {
            return false;
        }
        let lower = core.to_ascii_lowercase();
        // A capitalized word is a name unless it starts the sentence and the text also has it in
        // lowercase ("Police ... police"): names must survive the spin.
        if capital && (i > 0 || lower_words.binary_search(&lower).is_err()) {
            return false;
        }
        let Some(syns) = self.thesaurus.get(&lower) else {
            return false;
        };
        if !rng.pct(rate) {
            return false;
        }
        let syn = &syns[rng.below(syns.len())];
        let syn = if capital {
            capitalize_first(syn)
        } else {
            syn.to_string()
        };
        let vowel = syn.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
        s[i] = format!("{}{syn}{poss}{}", p.lead, p.tail);
        // "a" / "an" before the new word.
        if i > 0 {
            let prev = &s[i - 1];
            let fixed = match prev.as_str() {
                "a" | "an" => Some(if vowel { "an" } else { "a" }),
                "A" | "An" => Some(if vowel { "An" } else { "A" }),
                _ => None,
            };
            if let Some(f) = fixed {
                s[i - 1] = f.to_string();
            }
        }
        rep.synonyms += 1;
        true
    }
}

/// The lowercase words of a text (to tell "Police" at a sentence start from a name).
fn lowercase_words(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && w.as_bytes()[0].is_ascii_lowercase())
        .map(str::to_string)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Splits tokens into sentences at tokens that end one (abbreviations and initials do not).
fn split_sentences(tokens: Vec<String>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for t in tokens {
        let end = ends_sentence(&t);
        cur.push(t);
        if end {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// "After a visit in June, Belarus released 13 people." -> "Belarus released 13 people after a
/// visit in June." ("According to X, Y." -> "Y, according to X.")
fn leading_clause_to_end(s: &[String]) -> Option<Vec<String>> {
    let first = core_lower(s.first()?);
    if !LEADERS.contains(&first.as_str()) {
        return None;
    }
    let according = first == "according";
    if according && s.get(1).map(|t| core_lower(t)).as_deref() != Some("to") {
        return None;
    }
    let c = s.iter().position(|t| t.ends_with(','))?;
    if !(2..=12).contains(&c) || s.len() - c - 1 < 4 {
        return None;
    }
    let mut s = s.to_vec();
    let end = take_end(&mut s);
    if end.is_empty() {
        return None;
    }
    let mut intro: Vec<String> = s.drain(..=c).collect();
    strip_comma(intro.last_mut()?);
    intro[0] = lower_first(&intro[0]);
    s[0] = promote(&s[0]);
    if according {
        s.last_mut()?.push(',');
    } else {
        strip_comma(s.last_mut()?);
    }
    s.extend(intro);
    s.last_mut()?.push_str(&end);
    Some(s)
}

/// "Belarus freed 52 prisoners, as the US lifted sanctions." -> "As the US lifted sanctions,
/// Belarus freed 52 prisoners."
fn trailing_clause_to_front(s: &[String]) -> Option<Vec<String>> {
    let c = (4..s.len().saturating_sub(3))
        .find(|&i| s[i].ends_with(',') && TRAILERS.contains(&core_lower(&s[i + 1]).as_str()))?;
    if core_lower(&s[c + 1]) == "according" && core_lower(s.get(c + 2)?) != "to" {
        return None;
    }
    let mut s = s.to_vec();
    let end = take_end(&mut s);
    if end.is_empty() {
        return None;
    }
    let mut tail: Vec<String> = s.drain(c + 1..).collect();
    strip_comma(s.last_mut()?);
    tail[0] = promote(&tail[0]);
    tail.last_mut()?.push(',');
    s[0] = demote(&s[0]);
    tail.extend(s);
    tail.last_mut()?.push_str(&end);
    Some(tail)
}

/// "The plan is dead, the minister said." -> "The minister said (that) the plan is dead."
fn attribution_to_front(s: &[String], rng: &mut Rng) -> Option<Vec<String>> {
    let c = s.iter().rposition(|t| t.ends_with(','))?;
    let tail_len = s.len() - c - 1;
    if c < 4 || !(2..=6).contains(&tail_len) {
        return None;
    }
    let verb = (c + 1..s.len()).find(|&i| SPEECH.contains(&core_lower(&s[i]).as_str()))?;
    if s[c + 1..s.len() - 1].iter().any(|t| t.ends_with(',')) {
        return None;
    }
    let mut s = s.to_vec();
    let end = take_end(&mut s);
    if end.is_empty() {
        return None;
    }
    let mut tail: Vec<String> = s.drain(c + 1..).collect();
    strip_comma(s.last_mut()?);
    // ", said the minister" -> "the minister said".
    if verb == c + 1 {
        let v = tail.remove(0);
        tail.push(v);
    }
    tail[0] = promote(&tail[0]);
    if rng.pct(50) {
        tail.push("that".to_string());
    }
    s[0] = demote(&s[0]);
    tail.extend(s);
    tail.last_mut()?.push_str(&end);
    Some(tail)
}

/// "Police said the fire started at night." -> "The fire started at night, police said."
fn attribution_to_end(s: &[String]) -> Option<Vec<String>> {
    let k = (1..=5.min(s.len().saturating_sub(1)))
        .find(|&i| SPEECH.contains(&core_lower(&s[i]).as_str()))?;
    // The speaker and the verb are plain words ("Police said", not "Police, who said").
    if s[..=k].iter().any(|t| !parts(t).tail.is_empty()) {
        return None;
    }
    let mut body_start = k + 1;
    if s.get(body_start).map(|t| core_lower(t)).as_deref() == Some("that") {
        body_start += 1;
    }
    if s.len() - body_start < 5 {
        return None;
    }
    // "X said on Monday ..." is not followed by the statement, and "X told" has an object first
    // ("told the AP ...") unless "that" follows.
    let next = core_lower(&s[body_start]);
    let told = core_lower(&s[k]) == "told";
    if body_start == k + 1
        && (told || matches!(next.as_str(), "on" | "in" | "at" | "to" | "last" | "this"))
    {
        return None;
    }
    let mut s = s.to_vec();
    let end = take_end(&mut s);
    if end.is_empty() {
        return None;
    }
    let mut attr: Vec<String> = s.drain(..body_start).collect();
    if core_lower(attr.last()?) == "that" {
        attr.pop();
    }
    attr[0] = demote(&attr[0]);
    s[0] = promote(&s[0]);
    s.last_mut()?.push(',');
    s.extend(attr);
    s.last_mut()?.push_str(&end);
    Some(s)
}

/// Words after which a possessive's head noun ends ("the country’s president has ..."): the
/// flip needs to know where "Y" stops, and a word not in this list may be a verb ("shares fell").
const NP_FOLLOWERS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "as", "that",
    "which", "who", "is", "was", "are", "were", "has", "had", "have", "will", "would", "could",
    "should", "can", "may", "might", "said", "says", "told", "after", "before", "during", "since",
    "while", "when", "if", "than",
];

/// Plain lowercase word without punctuation around it.
fn plain_lower(tok: &str) -> bool {
    tok.len() >= 2 && tok.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

/// "the isolated country’s national airline." -> "the national airline of the isolated
/// country.", each possessive with probability `rate`; returns how many were turned.
fn flip_possessives(s: &mut Vec<String>, rng: &mut Rng, rate: usize) -> u32 {
    let mut n = 0;
    let mut i = 0;
    while i + 1 < s.len() {
        if let Some((start, end, with)) = possessive_at(s, i) {
            if rng.pct(rate) {
                let len = with.len();
                s.splice(start..end, with);
                n += 1;
                i = start + len;
                continue;
            }
        }
        i += 1;
    }
    n
}

/// The flip of the possessive at token `i`, if the phrase around it is clear enough:
/// (start, end, replacement tokens).
fn possessive_at(s: &[String], i: usize) -> Option<(usize, usize, Vec<String>)> {
    let owner = s[i].strip_suffix("’s").or(s[i].strip_suffix("'s"))?;
    if owner.len() < 2 || !owner.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let is_det = |t: &str| matches!(t, "the" | "The" | "a" | "A" | "an" | "An");
    // X: a name (capitalized words) or "the [adjective] noun".
    let start = if owner.as_bytes()[0].is_ascii_uppercase() {
        let mut j = i;
        while j > 0
            && s[j - 1].len() > 1
            && s[j - 1].as_bytes()[0].is_ascii_uppercase()
            && s[j - 1].bytes().all(|b| b.is_ascii_alphabetic())
            && !is_det(&s[j - 1])
        {
            j -= 1;
        }
        j
    } else if i >= 1 && is_det(&s[i - 1]) {
        i - 1
    } else if i >= 2 && is_det(&s[i - 2]) && plain_lower(&s[i - 1]) {
        i - 2
    } else {
        return None;
    };
    // Y: one or two plain words, ending at punctuation or before a function word.
    let mut end = i + 1;
    let mut tail = String::new();
    while end < s.len() && end - i <= 2 {
        let p = parts(&s[end]);
        if !p.lead.is_empty() || !plain_lower(p.core) || NP_FOLLOWERS.contains(&p.core) {
            return None;
        }
        end += 1;
        if !p.tail.is_empty() {
            tail = p.tail.to_string();
            break;
        }
        if s.get(end)
            .is_some_and(|t| NP_FOLLOWERS.contains(&core_lower(t).as_str()))
        {
            break;
        }
        if end - i > 2 {
            return None;
        }
    }
    if end == i + 1 || (tail.is_empty() && end >= s.len()) {
        return None;
    }
    let mut out = vec![if start == 0 { "The" } else { "the" }.to_string()];
    for t in &s[i + 1..end] {
        out.push(parts(t).core.to_string());
    }
    out.push("of".to_string());
    for (k, t) in s[start..i].iter().enumerate() {
        out.push(if k == 0 && start == 0 && is_det(t) {
            t.to_lowercase()
        } else {
            t.clone()
        });
    }
    out.push(format!("{owner}{tail}"));
    Some((start, end, out))
}

/// `“We cannot stop,” Nauseda wrote.` -> `Nauseda wrote, “We cannot stop.”`
fn quote_inversion(s: &[String]) -> Option<Vec<String>> {
    if !s.first()?.starts_with(['“', '"']) {
        return None;
    }
    let q = s
        .iter()
        .position(|t| t.ends_with(",”") || t.ends_with(",\""))?;
    let tail_len = s.len() - q - 1;
    if !(2..=5).contains(&tail_len) || !s.last()?.ends_with('.') {
        return None;
    }
    let verb = (q + 1..s.len()).find(|&i| SPEECH.contains(&core_lower(&s[i]).as_str()))?;
    if has_quote(&s[q + 1..]) || s[1..q].iter().any(|t| t.contains(['“', '”', '"'])) {
        return None;
    }
    let mut s = s.to_vec();
    let _ = take_end(&mut s);
    let mut tail: Vec<String> = s.drain(q + 1..).collect();
    if verb == q + 1 {
        let v = tail.remove(0);
        tail.push(v);
    }
    tail[0] = promote(&tail[0]);
    tail.last_mut()?.push(',');
    let close = s.last_mut()?;
    let quote_char = close.pop()?;
    close.pop(); // the comma
    close.push('.');
    close.push(quote_char);
    tail.extend(s);
    Some(tail)
}

/// Applies one artifact of those that fit the paragraph; returns its name.
fn artifact(tokens: &mut Vec<String>, rng: &mut Rng) -> Option<&'static str> {
    let abbrev: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            let c = parts(&tokens[i]).core.to_string() + parts(&tokens[i]).tail;
            let b = c.trim_end_matches([',', ';', ':']);
            b.len() >= 4
                && b.len() % 2 == 0
                && b.as_bytes()
                    .chunks(2)
                    .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
        })
        .collect();
    let quote_end: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].ends_with(".”") || tokens[i].ends_with(".\""))
        .collect();
    let big_numbers: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            let c = parts(&tokens[i]).core;
            c.bytes().filter(u8::is_ascii_digit).count() >= 3
                && c.bytes().all(|b| b.is_ascii_digit() || b == b',')
                && c.as_bytes()[0].is_ascii_digit()
        })
        .collect();
    let names: Vec<usize> = (1..tokens.len().saturating_sub(1))
        .filter(|&i| {
            let a = &tokens[i];
            let b = &tokens[i + 1];
            !ends_sentence(&tokens[i - 1])
                && a.len() > 2
                && a.bytes().all(|c| c.is_ascii_alphabetic())
                && a.as_bytes()[0].is_ascii_uppercase()
                && a[1..].bytes().all(|c| c.is_ascii_lowercase())
                && b.as_bytes()[0].is_ascii_uppercase()
                && b.len() > 2
                && b[1..]
                    .bytes()
                    .take_while(u8::is_ascii_alphabetic)
                    .all(|c| c.is_ascii_lowercase())
        })
        .collect();
    let starts: Vec<usize> = (1..tokens.len())
        .filter(|&i| {
            ends_sentence(&tokens[i - 1])
                && LOWERABLE.contains(&core_lower(&tokens[i]).as_str())
                && tokens[i].as_bytes()[0].is_ascii_uppercase()
        })
        .collect();
    let mut kinds: Vec<&'static str> = vec!["stray_quote"];
    if !abbrev.is_empty() {
        kinds.push("abbrev");
    }
    if !quote_end.is_empty() {
        kinds.push("quote_period");
    }
    if !big_numbers.is_empty() {
        kinds.push("number_mangle");
    }
    if !names.is_empty() {
        kinds.push("initial");
    }
    if !starts.is_empty() {
        kinds.push("lowercase_start");
    }
    let kind = kinds[rng.below(kinds.len())];
    match kind {
        "abbrev" => {
            // "U.S." -> "U. S. .", keeping what followed it ("U.S.," -> "U. S. .,").
            let i = abbrev[rng.below(abbrev.len())];
            let t = &tokens[i];
            let p = parts(t);
            let body = format!("{}{}", p.core, p.tail);
            let letters = body.trim_end_matches([',', ';', ':']);
            let after = &body[letters.len()..];
            let spaced: Vec<String> = letters
                .split('.')
                .filter(|l| !l.is_empty())
                .map(|l| format!("{l}."))
                .collect();
            tokens[i] = format!("{}{} .{after}", p.lead, spaced.join(" "));
        }
        "quote_period" => {
            let i = quote_end[rng.below(quote_end.len())];
            tokens[i].push('.');
        }
        "number_mangle" => {
            let i = big_numbers[rng.below(big_numbers.len())];
            let p = parts(&tokens[i]);
            let core = p.core;
            // After the first digit past a comma ("1,2 00"), else inside the digits ("20 19").
            let at = match core.find(',') {
                Some(c) if c + 2 < core.len() => c + 2,
                _ => 1 + rng.below(core.len() - 1),
            };
            tokens[i] = format!("{}{} {}{}", p.lead, &core[..at], &core[at..], p.tail);
        }
        "initial" => {
            let i = names[rng.below(names.len())];
            let letter = ["A.", "S.", "J.", "U."][rng.below(4)];
            tokens.insert(i, letter.to_string());
        }
        "lowercase_start" => {
            let i = starts[rng.below(starts.len())];
            tokens[i] = lower_first(&tokens[i]);
        }
        _ => {
            // "stray_quote": a lone closing quote mark sentence at the end ("“.”."), or a doubled
            // quote mark after a word.
            if rng.pct(60) {
                tokens.push("“.”.".to_string());
            } else {
                let i = rng.below(tokens.len());
                tokens[i].push('”');
            }
        }
    }
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence as the spinner's word list.
    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    /// A tiny inline table: the spinner's mechanics do not need WordNet.
    const TABLE: &str = "# test table\nfreed\treleased\nprisoners\tcaptives\tinmates\n\
        announced\tdeclared\nlifting\tremoving\nsanctions\tpenalties\ncountry\tnation\n\
        national\tnationwide\nairline\tcarrier\nisolated\tsecluded\nwarned\tcautioned\n\
        leader\tchief\nvisit\ttrip\nsenior\telder\nreleased\tfreed\npolice\tconstabulary\n";

    fn spinner(t: &Thesaurus, rates: SpinRates) -> Spinner<'_> {
        Spinner::new(t, rates)
    }

    fn off() -> SpinRates {
        SpinRates {
            synonyms: 0,
            reorder: 0,
            split: 0,
            merge: 0,
            numbers: 0,
            artifacts: 0,
        }
    }

    const LEAD: &str = "VILNIUS, Lithuania (AP) — Belarus freed 52 political prisoners on Thursday, as the United States announced it was lifting some sanctions on the isolated country’s national airline.";

    #[test]
    fn parse_skips_comments_and_empty_rows() {
        let t = Thesaurus::parse("# c\nword\n\nfreed\treleased\tliberated\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t.get("freed").unwrap().len(), 2);
    }

    #[test]
    fn missing_table_names_the_script() {
        let err = Thesaurus::load(Path::new("/nonexistent/synonyms.tsv"))
            .err()
            .expect("missing file is an error")
            .to_string();
        assert!(err.contains("scripts/fetch-wordnet"), "{err}");
    }

    #[test]
    fn synonyms_keep_names_numbers_and_punctuation() {
        let t = Thesaurus::parse(TABLE);
        let s = spinner(
            &t,
            SpinRates {
                synonyms: 100,
                ..off()
            },
        );
        let (out, rep) = s.spin(LEAD, &mut Rng(1));
        assert_eq!(
            out,
            "VILNIUS, Lithuania (AP) — Belarus released 52 political captives on Thursday, as the United States declared it was removing some penalties on the secluded nation’s nationwide carrier."
                .replace("captives", if out.contains("inmates") { "inmates" } else { "captives" })
        );
        assert_eq!(rep.synonyms, 9);
        assert_eq!(rep.ops(), vec!["synonyms"]);
    }

    #[test]
    fn same_seed_same_output() {
        let t = Thesaurus::parse(TABLE);
        let s = spinner(&t, SpinRates::default());
        let a = s.spin(LEAD, &mut Rng(7));
        let b = s.spin(LEAD, &mut Rng(7));
        assert_eq!(a, b);
    }

    #[test]
    fn article_agrees_with_the_new_word() {
        let t = Thesaurus::parse("visit\tencounter\n");
        let s = spinner(
            &t,
            SpinRates {
                synonyms: 100,
                ..off()
            },
        );
        let (out, _) = s.spin("He made a visit to the capital last week.", &mut Rng(3));
        assert_eq!(out, "He made an encounter to the capital last week.");
    }

    #[test]
    fn sentence_initial_names_are_not_replaced() {
        let t = Thesaurus::parse("police\tconstabulary\ntrump\toutdo\n");
        let s = spinner(
            &t,
            SpinRates {
                synonyms: 100,
                ..off()
            },
        );
        let (out, _) = s.spin(
            "Trump met the mayor. Police said the police station closed.",
            &mut Rng(3),
        );
        assert_eq!(
            out,
            "Trump met the mayor. Constabulary said the constabulary station closed."
        );
    }

    #[test]
    fn leading_clause_moves_to_the_end() {
        let s = words(
            "After a visit by a senior U.S. envoy in June, Belarus released 13 other people.",
        );
        let out = leading_clause_to_end(&s).unwrap().join(" ");
        assert_eq!(
            out,
            "Belarus released 13 other people after a visit by a senior U.S. envoy in June."
        );
        let s = words("According to Viasna, almost 1,200 political prisoners remain behind bars.");
        assert_eq!(
            leading_clause_to_end(&s).unwrap().join(" "),
            "Almost 1,200 political prisoners remain behind bars, according to Viasna."
        );
    }

    #[test]
    fn trailing_clause_moves_to_the_front() {
        let s = words("Belarus freed 52 political prisoners on Thursday, as the United States lifted some sanctions.");
        assert_eq!(
            trailing_clause_to_front(&s).unwrap().join(" "),
            "As the United States lifted some sanctions, Belarus freed 52 political prisoners on Thursday."
        );
    }

    #[test]
    fn attribution_moves_both_ways() {
        let s = words("The fire started in the kitchen at night, the chief said.");
        let out = attribution_to_front(&s, &mut Rng(1)).unwrap().join(" ");
        assert!(
            out == "The chief said the fire started in the kitchen at night."
                || out == "The chief said that the fire started in the kitchen at night.",
            "{out}"
        );
        let s = words("Police said the fire started in the kitchen at night.");
        assert_eq!(
            attribution_to_end(&s).unwrap().join(" "),
            "The fire started in the kitchen at night, police said."
        );
        let s = words("The fire started in the kitchen at night, said Chief Ann Smith.");
        let out = attribution_to_front(&s, &mut Rng(2)).unwrap().join(" ");
        assert!(out.starts_with("Chief Ann Smith said "), "{out}");
    }

    #[test]
    fn possessives_turn_around_where_the_phrase_is_clear() {
        let flip = |text: &str| {
            let mut s: Vec<String> = text.split(' ').map(str::to_string).collect();
            flip_possessives(&mut s, &mut Rng(1), 100);
            s.join(" ")
        };
        assert_eq!(
            flip("They lifted sanctions on the isolated country’s national airline."),
            "They lifted sanctions on the national airline of the isolated country."
        );
        assert_eq!(
            flip("The country’s president has ruled for 30 years."),
            "The president of the country has ruled for 30 years."
        );
        assert_eq!(
            flip("One of Alexander Lukashenko’s rivals, Statkevich, ran in 2010."),
            "One of the rivals of Alexander Lukashenko, Statkevich, ran in 2010."
        );
        // "shares fell": where the noun phrase ends is unclear, so nothing moves.
        assert_eq!(
            flip("The company’s shares fell sharply on Monday."),
            "The company’s shares fell sharply on Monday."
        );
    }

    #[test]
    fn quote_inversion_moves_the_speaker_first() {
        let s = words("“We cannot stop until they see freedom,” Nauseda wrote.");
        assert_eq!(
            quote_inversion(&s).unwrap().join(" "),
            "Nauseda wrote, “We cannot stop until they see freedom.”"
        );
    }

    #[test]
    fn splits_and_merges() {
        let t = Thesaurus::parse("");
        let s = spinner(
            &t,
            SpinRates {
                split: 100,
                ..off()
            },
        );
        let (out, rep) = s.spin(
            "The storm destroyed dozens of homes along the northern coast on Monday, and the rescue teams searched the ruins for survivors until late at night.",
            &mut Rng(5),
        );
        assert_eq!(
            out,
            "The storm destroyed dozens of homes along the northern coast on Monday. The rescue teams searched the ruins for survivors until late at night."
        );
        assert_eq!(rep.split, 1);
        let s = spinner(
            &t,
            SpinRates {
                merge: 100,
                ..off()
            },
        );
        let (out, rep) = s.spin(
            "The bridge closed on Monday. It reopened on Friday.",
            &mut Rng(5),
        );
        assert!(
            out == "The bridge closed on Monday, and it reopened on Friday."
                || out == "The bridge closed on Monday; it reopened on Friday.",
            "{out}"
        );
        assert_eq!(rep.merged, 1);
    }

    #[test]
    fn small_numbers_become_words_but_dates_do_not() {
        let t = Thesaurus::parse("");
        let s = spinner(
            &t,
            SpinRates {
                numbers: 100,
                ..off()
            },
        );
        let (out, _) = s.spin(
            "14 foreigners and 3 doctors left on May 4 at 5 p.m. with 52 others on Falcon 9.",
            &mut Rng(1),
        );
        assert_eq!(
            out,
            "Fourteen foreigners and three doctors left on May 4 at 5 p.m. with 52 others on Falcon 9."
        );
    }

    #[test]
    fn artifacts_seen_in_seed_000() {
        let mut seen = std::collections::BTreeSet::new();
        let text = "A U.S. official said almost 1,200 people, including Donald Trump, heard “it is over.” He left.";
        for seed in 0..200 {
            let mut toks: Vec<String> = text.split(' ').map(str::to_string).collect();
            let kind = artifact(&mut toks, &mut Rng(seed)).unwrap();
            let out = toks.join(" ");
            match kind {
                "abbrev" => assert!(out.contains("A U. S. . official"), "{out}"),
                "number_mangle" => assert!(out.contains("1,2 00"), "{out}"),
                "quote_period" => assert!(out.contains("over.”."), "{out}"),
                "initial" => assert!(
                    out.contains(". Donald Trump") || out.contains(". Trump"),
                    "{out}"
                ),
                "lowercase_start" => assert!(out.ends_with(" he left."), "{out}"),
                "stray_quote" => assert!(
                    out.ends_with("“.”.") || out.matches('”').count() == 2,
                    "{out}"
                ),
                k => panic!("unknown artifact {k}"),
            }
            seen.insert(kind);
        }
        assert_eq!(seen.len(), 6, "{seen:?}");
    }

    #[test]
    fn unchangeable_paragraph_comes_back_as_is() {
        let t = Thesaurus::parse("");
        let s = spinner(&t, off());
        let (out, rep) = s.spin("Nothing to see here, really.", &mut Rng(1));
        assert_eq!(out, "Nothing to see here, really.");
        assert!(rep.ops().is_empty());
    }

    #[test]
    fn low_rate_still_changes_one_word() {
        let t = Thesaurus::parse(TABLE);
        let s = spinner(&t, off());
        let (out, rep) = s.spin("The leader warned them.", &mut Rng(1));
        assert_eq!(out, "The chief warned them.");
        assert_eq!(rep.synonyms, 1);
    }
}
