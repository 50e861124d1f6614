//! Which line is the headline: the first kept line, when it is shaped like a headline.
//!
//! A headline is short (at most [`MAX_WORDS`] words and [`MAX_CHARS`] characters) and does not end
//! like a sentence. A document that starts with its lead paragraph (wire copy often does) has no
//! headline line, and then `None` is right: the story title comes from another version.

use crate::model::Verdict;

pub const MAX_WORDS: usize = 30;
pub const MAX_CHARS: usize = 250;

/// The 1-based line number of the headline, if the document has one: the line the input marked
/// (`hint`, an HTML `<h1>`) when it is kept, else the first kept line if it looks like one.
pub fn find(lines: &[String], verdicts: &[Verdict], hint: Option<usize>) -> Option<usize> {
    if let Some(h) = hint.filter(|&h| matches!(verdicts.get(h - 1), Some(Verdict::Keep))) {
        return Some(h);
    }
    let i = verdicts.iter().position(|v| matches!(v, Verdict::Keep))?;
    looks_like_headline(&lines[i]).then_some(i + 1)
}

pub fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let ends_like_sentence = t
        .trim_end_matches(['"', '”', '’', '\'', ')', '»'])
        .ends_with(['.', '!', '?', ':', ';', ',', '。', '！', '？']);
    (1..=MAX_WORDS).contains(&words) && t.chars().count() <= MAX_CHARS && !ends_like_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_shapes() {
        assert!(looks_like_headline(
            "Belarus frees 52 political prisoners after US mediation"
        ));
        assert!(looks_like_headline("Dam opens | World News"));
        assert!(!looks_like_headline(
            "VILNIUS, Lithuania (AP) — Belarus has freed 52 prisoners."
        ));
        assert!(!looks_like_headline("“We will rebuild,” she said."));
    }

    #[test]
    fn first_kept_line_only() {
        let lines: Vec<String> = ["Junk", "A Headline Here", "Body."]
            .map(String::from)
            .to_vec();
        let v = [
            Verdict::Junk { rule: "x".into() },
            Verdict::Keep,
            Verdict::Keep,
        ];
        assert_eq!(find(&lines, &v, None), Some(2));
        assert_eq!(find(&lines, &v, Some(3)), Some(3));
        let v = [
            Verdict::Junk { rule: "x".into() },
            Verdict::Blank,
            Verdict::Keep,
        ];
        assert_eq!(find(&lines, &v, None), None);
    }
}
