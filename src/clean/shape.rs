//! Shapes of lines shared by several detectors: word counts in any script, prose vs. labels.

/// Lazy-DFA cache per regex and thread. The regex crate's default (2 MB) is too small for the
/// detectors' Unicode patterns (`[^.!?]{0,80}`, `\p{Lu}`): the cache filled and was cleared
/// many times per line and rebuilding states took a third of the run (measured with perf on
/// 10k generated docs: `determinize::next` 15%, `epsilon_closure` 9%). 16 MB is an upper bound,
/// not an allocation: a cache grows only as far as the lines searched need.
pub const DFA_CACHE_LIMIT: usize = 16 << 20;

/// A built-in pattern compiled once per thread (`thread_local!`), used like a `Regex`.
///
/// Why not one shared `Regex`: it hands out search caches from a pool, and every thread but
/// the pool's owner takes a mutex on each search. The detectors search every line many times,
/// so on 2 threads that lock was a visible share of the junk stage. A regex per thread owns its
/// caches outright.
pub struct ThreadRegex(pub &'static std::thread::LocalKey<regex::Regex>);

impl ThreadRegex {
    pub fn is_match(&self, text: &str) -> bool {
        self.0.with(|r| r.is_match(text))
    }

    pub fn is_match_at(&self, text: &str, start: usize) -> bool {
        self.0.with(|r| r.is_match_at(text, start))
    }

    /// The text of capture group `group`, if the regex matches.
    pub fn group<'t>(&self, text: &'t str, group: usize) -> Option<&'t str> {
        self.0.with(|r| {
            r.captures(text)
                .and_then(|c| c.get(group))
                .map(|m| m.as_str())
        })
    }

    /// Splits `text` by the regex's matches.
    pub fn split<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.0.with(|r| r.split(text).collect())
    }
}

/// `thread_regex!(NAME = r"pattern");`: a [`ThreadRegex`] static, with its doc comment.
#[macro_export]
macro_rules! thread_regex {
    ($(#[$attr:meta])* $name:ident = $pattern:expr) => {
        $(#[$attr])*
        static $name: $crate::clean::shape::ThreadRegex = {
            ::std::thread_local! {
                static REGEX: ::regex::Regex = $crate::clean::shape::regex($pattern);
            }
            $crate::clean::shape::ThreadRegex(&REGEX)
        };
    };
}

/// An ASCII-case-insensitive finder of fixed substrings: the cheap gate a detector runs before
/// its word-level checks or regexes (most lines contain none of its words).
pub fn finder<I, P>(patterns: I) -> aho_corasick::AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("valid built-in substrings")
}

/// A built-in detector pattern with [`DFA_CACHE_LIMIT`]. Panics on a bad pattern: the
/// patterns are constants, covered by the detectors' tests.
pub fn regex(pattern: &str) -> regex::Regex {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(DFA_CACHE_LIMIT)
        .build()
        .expect("valid built-in regex")
}

/// Words of a line: space-separated words, with each two CJK characters counted as one word
/// (Chinese, Japanese and Korean text has no spaces between words).
pub fn word_units(line: &str) -> usize {
    // Every CJK character is encoded from lead byte 0xE3 up: lines without one (most) skip the
    // per-character scan.
    if !line.bytes().any(|b| b >= 0xE3) {
        return line.split_whitespace().count();
    }
    let cjk = line.chars().filter(|&c| is_cjk(c)).count();
    let words = line
        .split_whitespace()
        .filter(|w| !w.chars().any(is_cjk))
        .count();
    words + cjk / 2
}

/// [`word_units`] counted no further than `cap + 1`: enough to compare with any threshold up
/// to `cap`, without walking the rest of a long paragraph (the detectors ask "at least N?" and
/// "at most N?" of every line, many times).
pub fn word_units_capped(line: &str, cap: usize) -> usize {
    if !line.bytes().any(|b| b >= 0xE3) {
        return line.split_whitespace().take(cap + 1).count();
    }
    word_units(line).min(cap + 1)
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// True when the line ends like a sentence (after closing quotes and brackets).
pub fn ends_like_sentence(line: &str) -> bool {
    line.trim()
        .trim_end_matches(['"', '”', '’', '\'', ')', '»', '」', '』', ']'])
        .ends_with(['.', '!', '?', '。', '！', '？', '…'])
}

/// A sentence of at least `min_units` words.
pub fn is_sentence(line: &str, min_units: usize) -> bool {
    ends_like_sentence(line) && word_units_capped(line, min_units) >= min_units
}

/// Words that report someone's statement ("said", "according", "dijo", "sagte"): a line with one
/// is news about what someone said, not the site talking (`reader_address`, `comment_rules`,
/// `provenance`). Compared with lowercased whole words.
pub const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "stated",
    "announced",
    "dijo",
    "afirmó",
    "disse",
    "afirmou",
    "déclaré",
    "sagte",
    "erklärte",
    "detto",
    "zei",
    "powiedział",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_sentences() {
        assert_eq!(word_units("政府周四宣布了新的经济措施。"), 6);
        assert_eq!(word_units("Three plain words"), 3);
        assert!(ends_like_sentence("He said “no.”"));
        assert!(!ends_like_sentence("Share on Facebook"));
        assert!(is_sentence("The dam opened on Monday.", 5));
        assert!(!is_sentence("It opened.", 5));
    }
}
