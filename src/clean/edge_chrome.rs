//! `edge_chrome`: label-like lines before the article's first sentence and after its last.
//!
//! **What it removes:** short lines that are not sentences (at most `max_edge_words` words) between
//! the headline and the first paragraph of prose, and after the last paragraph of prose. The article's prose paragraphs are the anchors: lines of at least
//! `anchor_words` words that end like a sentence (or twice as long, for paragraphs a scraper cut);
//! a document needs two of them.
//! Every kept line above the headline goes too, whatever its shape: nothing of the article comes
//! before its headline.
//! **Why it is junk:** what a scraper picks up around an article's prose is page furniture: the
//! byline, date, reading time, source label and section tag above it; share bars, tags, "read
//! the full story", counters, other stories' headlines and footers below it. Article text at the
//! edges is sentences; furniture is labels. Wording does not matter, only position and shape.
//! **Known false positives:** a short closing line without a full stop ("More details to
//! follow"); a short standfirst without a full stop above the first paragraph (longer ones, and
//! long paragraphs a scraper cut before their full stop, are kept).
//! Below the last paragraph, headline-length non-sentences (up to 20 words) go too: other
//! stories' headlines without a related header; the document's last line, or the line right
//! after the last paragraph, stays when it reads like a paragraph a scraper cut (a comma, or a
//! short lower-case last word).
//! **Misses:** long labels above the first paragraph.
//! **Example:** `By Petra Olund, Lantern Wire business reporter` above the first paragraph;
//! `Tweet` / `Email` / `Views: 2,981` below the last.

use super::shape::{is_sentence, word_units_capped};
use crate::model::Verdict;

pub const NAME: &str = "edge_chrome";

/// A line that ends like a sentence and has at least this many words is article text at an edge.
pub const EDGE_SENTENCE_WORDS: usize = 3;

#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub anchor_words: usize,
    pub max_edge_words: usize,
}

pub fn mark(lines: &[String], verdicts: &mut [Verdict], title_line: Option<usize>, s: Settings) {
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(verdicts[i], Verdict::Keep) && Some(i + 1) != title_line)
        .collect();
    let anchors: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| is_anchor(&lines[i], s))
        .collect();
    // Above the headline there is only page furniture: site name, tagline, menus, cookie line.
    if let Some(t) = title_line {
        for &i in kept.iter().filter(|&&i| i + 1 < t) {
            verdicts[i] = Verdict::Junk { rule: NAME.into() };
        }
    }
    if anchors.len() < 2 {
        return;
    }
    // A sentence right under the headline with a block of labels below it is a standfirst:
    // the body starts at the next paragraph, so the labels (byline, date, claps, "Listen")
    // are still edges. (A lead paragraph is followed by the body, not by a block.)
    let under_title = title_line.and_then(|t| kept.iter().copied().find(|&i| i + 1 > t));
    let between: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&k| k > anchors[0] && k < anchors[1])
        .collect();
    let first = if anchors.len() >= 3
        && Some(anchors[0]) == under_title
        && between.len() >= STANDFIRST_GAP
        && between
            .iter()
            .all(|&k| word_units_capped(&lines[k], MAX_BLOCK_LABEL_WORDS) <= MAX_BLOCK_LABEL_WORDS)
    {
        anchors[1]
    } else {
        anchors[0]
    };
    let last = anchors[anchors.len() - 1];
    // The headline's subtitle (a dek: "Nine years of petitions, one timetable change") stays.
    let dek = title_line.and_then(|t| dek_line(lines, &kept, t - 1, &anchors));
    let last_line = kept.last().copied();
    let after_last = kept.iter().copied().find(|&i| i > last);
    for &i in &kept {
        let line = &lines[i];
        let sentence = is_sentence(line, EDGE_SENTENCE_WORDS);
        let units = word_units_capped(line, MAX_TAIL_HEADLINE_WORDS.max(MIN_CUT_WORDS));
        // Long non-sentences at either edge stay: a standfirst without a full stop above, a
        // paragraph the scraper cut short below. But below the prose, a headline-length line
        // is another story's headline (a feed without a header) unless it is the document's
        // last line and reads like a cut sentence.
        let junk = !sentence
            && ((i < first || i > last) && units <= s.max_edge_words
                || i > last
                    && units <= MAX_TAIL_HEADLINE_WORDS
                    && !((Some(i) == last_line || Some(i) == after_last)
                        && (looks_cut(line) || units >= MIN_CUT_WORDS)));
        if junk && Some(i) != dek {
            verdicts[i] = Verdict::Junk { rule: NAME.into() };
        }
    }
}

/// The headline's dek among `kept` (0-based line indices): the first kept line under the
/// headline when it is a phrase of several words; else, within the next few kept lines (a
/// byline, a date or a label may come first), a phrase that shares at least two words with the
/// article's first paragraphs (`body`), the evidence that it summarises the article.
pub fn dek_line(lines: &[String], kept: &[usize], title: usize, body: &[usize]) -> Option<usize> {
    let is_phrase = |i: usize| {
        let line = lines[i].trim();
        word_units_capped(line, DEK_WORDS) >= DEK_WORDS
            && !line.to_lowercase().starts_with("by ")
            && !is_sentence(line, DEK_WORDS)
            && line
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| {
                    w.chars().count() >= 4
                        && w.chars().all(char::is_lowercase)
                        && !ROLE_WORDS.contains(w)
                })
                .count()
                >= 2
    };
    let words = |i: usize| -> Vec<String> {
        lines[i]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 5)
            .map(|w| w.to_lowercase().chars().take(5).collect())
            .collect()
    };
    let below: Vec<usize> = kept.iter().copied().filter(|&i| i > title).collect();
    let &first = below.first()?;
    if is_phrase(first) && !body.contains(&first) {
        return Some(first);
    }
    let lead: std::collections::HashSet<String> = body
        .iter()
        .filter(|&&i| i > title)
        .take(3)
        .flat_map(|&i| words(i))
        .collect();
    below
        .iter()
        .copied()
        .take(DEK_SEARCH)
        .take_while(|i| !body.contains(i))
        .find(|&i| is_phrase(i) && words(i).iter().filter(|w| lead.contains(*w)).count() >= 2)
}

/// Kept lines under the headline searched for a dek.
const DEK_SEARCH: usize = 5;

/// A paragraph cut mid-sentence by a scraper: it has a clause break (a comma or semicolon) or
/// stops on a short lower-case word ("... retiring after eleven years at the").
fn looks_cut(line: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or("");
    line.contains([',', ';']) || (last.chars().count() <= 3 && last.chars().all(char::is_lowercase))
}

/// Kept lines between a standfirst and the body, each a label of at most
/// [`MAX_BLOCK_LABEL_WORDS`] words (a list under the lead is longer and stays).
const STANDFIRST_GAP: usize = 3;
const MAX_BLOCK_LABEL_WORDS: usize = 4;
/// Words of a byline's role, which a dek is not made of.
const ROLE_WORDS: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "staff",
    "desk",
    "contributor",
    "columnist",
    "photographer",
    "chief",
    "senior",
    "political",
    "business",
    "news",
];
/// A dek has at least this many words, two of them lower-case words of four letters or more.
const DEK_WORDS: usize = 5;

/// The last line, or the line right after the last paragraph, with this many words is a
/// paragraph a scraper cut, whatever its last word.
const MIN_CUT_WORDS: usize = 12;

/// Below the last paragraph, a non-sentence of up to this many words is a headline.
const MAX_TAIL_HEADLINE_WORDS: usize = 20;

/// An article paragraph: a sentence of `anchor_words`, or a line twice as long that a scraper cut
/// before its full stop.
fn is_anchor(line: &str, s: Settings) -> bool {
    is_sentence(line, s.anchor_words)
        || word_units_capped(line, 2 * s.anchor_words) >= 2 * s.anchor_words
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Settings = Settings {
        anchor_words: 8,
        max_edge_words: 8,
    };

    fn run(text: &str) -> Vec<usize> {
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let mut v = vec![Verdict::Keep; lines.len()];
        mark(&lines, &mut v, Some(1), S);
        (0..lines.len())
            .filter(|&i| v[i] != Verdict::Keep)
            .map(|i| i + 1)
            .collect()
    }

    #[test]
    fn labels_around_the_prose_go_sentences_and_subheads_stay() {
        let text = "Bridge closes for a year of repairs\n\
                    By Petra Olund, Wire transport reporter\n\
                    3 min read\n\
                    The council will close the bridge from April after engineers found corrosion in its cables.\n\
                    What happens next\n\
                    A diversion will add up to 25 minutes to journeys at peak times, the council said.\n\
                    Nobody was hurt.\n\
                    Tweet\n\
                    Views: 2,981\n\
                    Six easy swaps for a cheaper shop\n\
                    Varga, 47, succeeds Roland Metcalfe, who is retiring after eleven years at the\n";
        assert_eq!(run(text), [2, 3, 8, 9, 10]);
    }

    #[test]
    fn a_long_standfirst_without_a_full_stop_stays() {
        let text = "Bridge closes for a year of repairs\n\
                    The 94-year-old crossing carries 18,000 vehicles a day and has no easy replacement\n\
                    The council will close the bridge from April after engineers found corrosion in its cables.\n\
                    A diversion will add up to 25 minutes to journeys at peak times, the council said.\n";
        assert!(run(text).is_empty());
    }

    #[test]
    fn documents_without_two_prose_paragraphs_are_left_alone() {
        assert!(run("A headline\nA label\nOne sentence that is long enough to count as prose here.\nTweet\n").is_empty());
    }
}
