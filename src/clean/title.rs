//! Which line is the headline.
//!
//! A headline is short (at most [`MAX_WORDS`] words and [`MAX_CHARS`] characters) and does not end
//! like a sentence. In a text document the headline is one of the headline-shaped lines above the
//! first prose paragraph; scrapers often put a site name, a source label, a tagline or a cookie
//! line above it. The one chosen is the candidate the article itself confirms: repeated further
//! down while sharing words with the lead (a masthead repeated in the footer shares none), else
//! the earliest most of whose content words are in the first prose paragraphs (a headline
//! summarises its lead; a site's name or tagline does not; a standfirst shares more words only
//! because it is longer), else the one sharing the most. Short all-capitals labels are never
//! candidates. Questions and exclamations are headline-shaped; a line ending in a full stop, colon
//! or comma is not.
//! A document that starts with its lead paragraph (wire copy often does) has no headline line, and
//! then `None` is right: the story title comes from another version.

use super::shape::is_sentence;
use crate::model::Verdict;
use std::collections::HashSet;

pub const MAX_WORDS: usize = 30;
pub const MAX_CHARS: usize = 250;
/// A sentence of this many words is a prose paragraph: the headline is above the first one.
pub const PROSE_WORDS: usize = 8;
/// Headline candidates looked at, at most (a menu of many lines may stand above the headline).
const MAX_CANDIDATES: usize = 40;
/// Prose paragraphs a candidate is compared with.
const LEAD_PARAGRAPHS: usize = 2;
/// Content words a candidate must share with the lead to be chosen over the first one.
const MIN_SHARED: usize = 2;

/// The 1-based line number of the headline, if the document has one: the line the input marked
/// (`hint`, an HTML `<h1>`) when it is kept, else the best-confirmed headline-shaped line above
/// the first prose paragraph.
pub fn find(lines: &[String], verdicts: &[Verdict], hint: Option<usize>) -> Option<usize> {
    if let Some(h) = hint.filter(|&h| matches!(verdicts.get(h - 1), Some(Verdict::Keep))) {
        return Some(h);
    }
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(verdicts[i], Verdict::Keep))
        .collect();
    // The body starts at the first prose paragraph that another follows within two kept lines:
    // a lone prose line above the headline is a consent or cookie text, a standfirst box, a
    // provenance note (whole-page dumps start with those).
    let prose_at = |k: usize| is_prose(&lines[kept[k]]);
    let first_prose = (0..kept.len())
        .find(|&k| prose_at(k) && (k + 1..kept.len().min(k + 3)).any(prose_at))
        .or_else(|| (0..kept.len()).find(|&k| prose_at(k)))
        .unwrap_or(kept.len());
    if first_prose == kept.len() {
        // No prose to confirm anything: the first kept line, if it is shaped like a headline.
        let &i = kept.first()?;
        return looks_like_headline(&lines[i]).then_some(i + 1);
    }
    let candidates: Vec<usize> = kept[..first_prose]
        .iter()
        .copied()
        .take(MAX_CANDIDATES)
        .filter(|&i| looks_like_headline(&lines[i]) && !is_label(&lines[i]))
        .collect();
    let &first = candidates.first()?;
    if candidates.len() == 1 {
        return Some(first + 1);
    }
    let lead: HashSet<String> = kept[first_prose..]
        .iter()
        .filter(|&&i| is_prose(&lines[i]))
        .take(LEAD_PARAGRAPHS)
        .flat_map(|&i| content_words(&lines[i]))
        .collect();
    // Only lines as long as a candidate (give or take whitespace) can repeat one: folding every
    // line of the body to compare was a visible share of the junk stage.
    let lens: Vec<usize> = candidates.iter().map(|&i| lines[i].trim().len()).collect();
    let later: HashSet<String> = kept[first_prose..]
        .iter()
        .filter(|&&i| {
            let n = lines[i].trim().len();
            lens.iter().any(|&c| n + 8 >= c && n <= c + 8)
        })
        .map(|&i| norm(&lines[i]))
        .collect();
    let words = |i: usize| -> HashSet<String> { content_words(&lines[i]).into_iter().collect() };
    let shared = |i: usize| words(i).intersection(&lead).count();
    // A repeat further down confirms a candidate that is about the article (a masthead repeated
    // in the footer shares no word with the lead, or one of many: a tagline names the region).
    if let Some(&i) = candidates
        .iter()
        .find(|&&i| later.contains(&norm(&lines[i])) && 3 * shared(i) >= words(i).len().max(1))
    {
        return Some(i + 1);
    }
    // Else the earliest candidate that is mostly about the lead (a standfirst below the headline
    // shares more words only because it is longer; a tagline shares a word or two of many), else
    // the one sharing the most.
    // (Tried in session 3: letting a later candidate win when it shares more words and a
    // larger share of its own, to pass over a masthead with a tagline. It picks captions and
    // image alt text between the headline and the lead, and the headline above them is lost.)
    // Among those, a later one wins only when it is clearly more about the lead (a masthead
    // whose tagline names the region shares half its words; the headline below it, most):
    // a quarter of its words more.
    let share = |i: usize| shared(i) as f64 / words(i).len().max(1) as f64;
    let mostly: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| shared(i) >= MIN_SHARED && 2 * shared(i) >= words(i).len())
        .collect();
    let chosen = mostly
        .first()
        .map(|&earliest| {
            mostly
                .iter()
                .copied()
                .filter(|&i| share(i) >= share(earliest) + 0.25)
                .max_by(|&a, &b| share(a).total_cmp(&share(b)).then(b.cmp(&a)))
                .unwrap_or(earliest)
        })
        .or_else(|| candidates.iter().rev().copied().max_by_key(|&i| shared(i)))
        .unwrap_or(first);
    Some(chosen + 1)
}

/// A source label or site name in capitals ("COASTLINE DISPATCH"), not a headline.
fn is_label(line: &str) -> bool {
    !line.chars().any(char::is_lowercase) && line.split_whitespace().count() <= 3
}

fn is_prose(line: &str) -> bool {
    is_sentence(line, PROSE_WORDS) || super::shape::word_units_capped(line, MAX_WORDS) > MAX_WORDS
}

fn norm(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Lowercased words of at least four letters, cut to their first five letters (a crude stem
/// that matches "suspends" with "suspended" in any Latin-script language); CJK text gives
/// character pairs.
fn content_words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in line.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = w.chars().flat_map(char::to_lowercase).collect();
        if chars.iter().any(|&c| super::shape::is_cjk(c)) {
            out.extend(chars.windows(2).map(|p| p.iter().collect::<String>()));
        } else if chars.len() >= 4 && !chars.iter().all(|c| c.is_ascii_digit()) {
            out.push(chars.iter().take(5).collect());
        }
    }
    out
}

pub fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    // A widget row ("⚽ Pell 61’ · ⚽ Dunmore 23’", "👁 12.4K views") starts with a pictograph.
    if t.chars().next().is_some_and(is_pictograph) {
        return false;
    }
    let words = t.split_whitespace().count();
    let ends_like_sentence = t
        .trim_end_matches(['"', '”', '’', '\'', ')', '»'])
        .ends_with(['.', ':', ';', ',', '。']);
    (1..=MAX_WORDS).contains(&words) && t.chars().count() <= MAX_CHARS && !ends_like_sentence
}

/// Emoji and symbol pictographs (U+2600-27BF, U+1F000-1FAFF).
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1faff}')
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

    /// The headline `find` picks when every line is kept.
    fn pick(lines: &[&str]) -> Option<usize> {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        find(&lines, &vec![Verdict::Keep; lines.len()], None)
    }

    #[test]
    fn the_lead_confirms_the_headline_under_a_label_or_tagline() {
        let doc = [
            "COASTLINE DISPATCH",
            "Grellham Gazette: the voice of the estuary",
            "Ferry service suspended after engine-room fire",
            "GRELLHAM — The ferry service was suspended after a fire in the engine room on Sunday.",
        ];
        assert_eq!(pick(&doc), Some(3));
        // Repetition further down beats word overlap.
        let doc = [
            "Site news",
            "Dam opens after ten years",
            "The dam that took ten years to build opened on Monday, the site said.",
            "Dam opens after ten years",
        ];
        assert_eq!(pick(&doc), Some(2));
    }
}
