//! `related_feed`: the list of other stories under a "Related" / "You may also like" header.
//!
//! **What it removes:** every kept line after a related-feed header (a line the `related_header`
//! rule removed) up to the end of the document, or up to the point where the article resumes:
//! two prose lines in a row (sentences of at least `stop_min_words` words), or one long line most
//! of whose words (`stop_overlap`) occur in the article above the header, or one prose line that
//! quotes someone (double quotation marks). A feed alternates
//! headlines, single teasers and image alt text; it never runs two paragraphs of prose, and its
//! lines share few words with the article, even when they mention the same person.
//! **Why it is junk:** the feed advertises other pages; its lines are other stories' text, and they
//! would join unrelated stories together.
//! **Known false positives:** an article that continues after an inline "Related" box with short
//! paragraphs on a new subtopic loses them up to its next long on-topic paragraph.
//! **Example:** `Related Article` / `Young fans and critics debate his political legacy` / ...

use crate::model::Verdict;
use ahash::AHashSet;

pub const NAME: &str = "related_item";
/// The line rule whose matches open a feed.
pub const HEADER_RULE: &str = "related_header";

/// Settings (`[detectors.related_feed]`).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub stop_min_words: usize,
    pub stop_overlap: f64,
}

/// `title_line`: the document's headline (1-based). A feed above it (a "Latest" menu over the
/// article) ends there: the headline and the article start.
pub fn mark(lines: &[String], verdicts: &mut [Verdict], title_line: Option<usize>, s: Settings) {
    explicit(lines, verdicts, title_line, s);
    implicit(lines, verdicts, title_line, s);
}

/// Feeds under a header that the `related_header` rule removed.
fn explicit(lines: &[String], verdicts: &mut [Verdict], title_line: Option<usize>, s: Settings) {
    let Some(header) = verdicts
        .iter()
        .position(|v| matches!(v, Verdict::Junk { rule } if rule == HEADER_RULE))
    else {
        return;
    };
    if let Some(t) = title_line.map(|t| t - 1).filter(|&t| t > header) {
        feed(&lines[..t], &mut verdicts[..t], s);
        explicit(&lines[t + 1..], &mut verdicts[t + 1..], None, s);
        return;
    }
    feed_from(lines, verdicts, header, s);
}

/// Feeds under a header in a wording no rule knows ("Elsewhere on TideWrap", "Readers also
/// opened"), found by shape: below two paragraphs of the article, a short label followed by two
/// lines about other things, the first of them headline-like (a capitalised phrase without a
/// full stop), the second a headline or a teaser, the label right after a paragraph. A subhead
/// is followed by a paragraph on the article's subject, a fact box's lines share its words or
/// follow its own heading; neither opens a feed.
fn implicit(lines: &[String], verdicts: &mut [Verdict], title_line: Option<usize>, s: Settings) {
    let kept = |v: &Verdict| matches!(v, Verdict::Keep);
    let prose: Vec<bool> = lines.iter().map(|l| is_prose(l, s)).collect();
    // Kept paragraphs above line `i`, and the kept line right above it. A feed only removes
    // lines below its header, so neither changes behind the scan.
    let (mut paragraphs, mut above) = (0, None);
    for i in title_line.unwrap_or(0)..lines.len() {
        if !kept(&verdicts[i]) {
            continue;
        }
        let mut below = (i + 1..lines.len()).filter(|&x| kept(&verdicts[x]));
        let (Some(j), Some(j2)) = (below.next(), below.next()) else {
            return;
        };
        // The header comes right after a paragraph (junk lines aside): a label under another
        // label is a list's item or a fact box's line. Its first item is right under it.
        let opens_feed = paragraphs >= 2
            && above.is_some_and(|a: usize| prose[a])
            && verdicts[i + 1..j]
                .iter()
                .all(|v| matches!(v, Verdict::Blank))
            && is_label(&lines[i])
            && is_headline_like(&lines[j])
            && (is_headline_like(&lines[j2]) || prose[j2])
            && {
                let article: AHashSet<String> = (0..i)
                    .filter(|&a| kept(&verdicts[a]))
                    .flat_map(|a| content_words(&lines[a]))
                    .collect();
                let off_topic = |line: &str| {
                    let words = content_words(line);
                    let shared = words.iter().filter(|w| article.contains(*w)).count();
                    (shared as f64) < s.stop_overlap * words.len().max(1) as f64
                };
                off_topic(&lines[j]) && off_topic(&lines[j2])
            };
        if opens_feed {
            verdicts[i] = Verdict::Junk { rule: NAME.into() };
            feed_from(lines, verdicts, i, s);
            continue;
        }
        paragraphs += usize::from(prose[i]);
        above = Some(i);
    }
}

/// A feed's header: one to [`MAX_HEADER_WORDS`] words, not a sentence.
fn is_label(line: &str) -> bool {
    let t = line.trim();
    let n = t.split_whitespace().count();
    (1..=MAX_HEADER_WORDS).contains(&n) && !t.ends_with(['.', '!', '?', ',', ';'])
}

/// Words of an implicit feed header.
const MAX_HEADER_WORDS: usize = 6;

/// Another story's headline: a phrase of 6 to 16 words that starts with a capital or a digit
/// and does not end with a full stop (a list's items, "Bread, milk and eggs", are shorter).
fn is_headline_like(line: &str) -> bool {
    let t = line.trim();
    let n = t.split_whitespace().count();
    (6..=16).contains(&n)
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with(['.', ',', ';', ':'])
}

/// The feed opened by the header at `header`, in a stretch without the headline.
fn feed(lines: &[String], verdicts: &mut [Verdict], s: Settings) {
    if let Some(header) = verdicts
        .iter()
        .position(|v| matches!(v, Verdict::Junk { rule } if rule == HEADER_RULE))
    {
        feed_from(lines, verdicts, header, s);
    }
}

fn feed_from(lines: &[String], verdicts: &mut [Verdict], header: usize, s: Settings) {
    let article: AHashSet<String> = lines[..header]
        .iter()
        .zip(&verdicts[..header])
        .filter(|(_, v)| matches!(v, Verdict::Keep))
        .flat_map(|(l, _)| content_words(l))
        .collect();
    let kept: Vec<usize> = (header + 1..lines.len())
        .filter(|&i| matches!(verdicts[i], Verdict::Keep))
        .collect();
    for (k, &i) in kept.iter().enumerate() {
        let on_topic = {
            let words = content_words(&lines[i]);
            let shared = words.iter().filter(|w| article.contains(*w)).count();
            shared as f64 >= s.stop_overlap * words.len().max(1) as f64
        };
        let long = lines[i].split_whitespace().count() >= s.stop_min_words;
        let prose = is_prose(&lines[i], s);
        let prose_pair = prose && kept.get(k + 1).is_some_and(|&j| is_prose(&lines[j], s));
        if (long && on_topic) || prose_pair || (prose && reports_speech(&lines[i])) {
            // The article resumes; a later header can open another feed.
            feed(&lines[i..], &mut verdicts[i..], s);
            return;
        }
        verdicts[i] = Verdict::Junk { rule: NAME.into() };
    }
}

/// A line that quotes someone word for word. News paragraphs quote people all the time; feed
/// teasers are summaries in the site's voice ("..., its owners said on Friday" happens, a
/// direct quotation rarely does), so a prose line with a quotation ends an inline box ("ALSO
/// READ" and one headline, mid-article).
fn reports_speech(line: &str) -> bool {
    line.contains(['“', '”', '"', '«', '»', '„'])
}

/// A sentence-like paragraph: long enough and ending like a sentence.
fn is_prose(line: &str, s: Settings) -> bool {
    super::shape::is_sentence(line, s.stop_min_words)
}

/// Lowercased words of four or more letters or digits: a language-neutral stand-in for content
/// words (short function words are mostly under four letters).
fn content_words(line: &str) -> Vec<String> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, header_at: usize) -> Vec<usize> {
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let mut v = vec![Verdict::Keep; lines.len()];
        v[header_at - 1] = Verdict::Junk {
            rule: HEADER_RULE.into(),
        };
        mark(
            &lines,
            &mut v,
            None,
            Settings {
                stop_min_words: 12,
                stop_overlap: 0.5,
            },
        );
        v.iter()
            .enumerate()
            .filter(|(_, v)| matches!(v, Verdict::Junk { rule } if rule == NAME))
            .map(|(i, _)| i + 1)
            .collect()
    }

    #[test]
    fn feed_to_the_end_even_when_items_share_a_name() {
        let text = "Trump meets Lukashenko envoy in Minsk\n\
                    President Donald Trump's envoy met the Belarusian leader in Minsk on Thursday.\n\
                    Related Article\n\
                    Young fans and critics debate his political legacy\n\
                    Trump, 79, called out for droopy face at memorial\n\
                    President Donald Trump was sporting a droopy face as he ventured outside the White House.\n";
        assert_eq!(run(text, 3), [4, 5, 6]);
    }

    #[test]
    fn a_feed_above_the_headline_ends_at_the_headline() {
        let lines: Vec<String> = "Latest\nForecast\nRoads\nLorry fire shuts bypass for nine hours\nTom Ashdown Traffic Reporter\nThe bypass was closed in both directions for nine hours on Wednesday.\n"
            .lines()
            .map(String::from)
            .collect();
        let mut v = vec![Verdict::Keep; lines.len()];
        v[0] = Verdict::Junk {
            rule: HEADER_RULE.into(),
        };
        let s = Settings {
            stop_min_words: 12,
            stop_overlap: 0.5,
        };
        mark(&lines, &mut v, Some(4), s);
        let junk: Vec<usize> = (0..v.len())
            .filter(|&i| matches!(&v[i], Verdict::Junk { rule } if rule == NAME))
            .map(|i| i + 1)
            .collect();
        assert_eq!(junk, [2, 3]);
    }

    #[test]
    fn two_prose_paragraphs_in_a_row_end_the_feed() {
        let text = "Council approves the new riverside flood barrier plan\n\
                    The council approved the riverside flood barrier plan on Tuesday after a long debate.\n\
                    More stories\n\
                    Six easy swaps for a cheaper weekly shop\n\
                    Work on the first section will start in June, and the contractor expects it to take a year.\n\
                    Residents of the lower town, who were flooded twice in five years, welcomed the decision.\n";
        assert_eq!(run(text, 3), [4]);
    }

    #[test]
    fn article_resuming_after_an_inline_box_is_kept() {
        let text = "Council approves the new riverside flood barrier plan\n\
                    The council approved the riverside flood barrier plan on Tuesday after a long debate.\n\
                    Read also\n\
                    Six easy swaps for a cheaper weekly shop\n\
                    The riverside flood barrier plan was approved after the council debate on Tuesday evening, officials said.\n";
        assert_eq!(run(text, 3), [4]);
    }
}
