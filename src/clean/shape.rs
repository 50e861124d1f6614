//! Shapes of lines shared by several detectors: word counts in any script, prose vs. labels.

/// Lazy-DFA cache per regex and thread. The regex crate's default (2 MB) is too small for the
/// detectors' Unicode patterns (`[^.!?]{0,80}`, `\p{Lu}`): the cache filled and was cleared
/// many times per line and rebuilding states took a third of the run (measured with perf on
/// 10k generated docs: `determinize::next` 15%, `epsilon_closure` 9%). 16 MB is an upper bound,
/// not an allocation: a cache grows only as far as the lines searched need.
pub const DFA_CACHE_LIMIT: usize = 16 << 20;

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
    ends_like_sentence(line) && word_units(line) >= min_units
}

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
