//! Shapes of lines shared by several detectors: word counts in any script, prose vs. labels.

/// Words of a line: space-separated words, with each two CJK characters counted as one word
/// (Chinese, Japanese and Korean text has no spaces between words).
pub fn word_units(line: &str) -> usize {
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
