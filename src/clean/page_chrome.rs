//! `page_chrome`: the menus, link lists, footers and "most read" boxes around the article in a
//! whole-page text dump.
//!
//! **What it removes:** in a document that looks like a dump of a whole page (at least
//! `min_lines` kept lines, most of them short), the kept lines outside the article's block. The
//! block is found by line density, as jusText and boilerpipe do on HTML blocks: each prose line
//! (a sentence of at least [`PROSE_UNITS`] words) scores its length, every other line costs
//! `short_line_cost`, and the article is the stretch with the best total (a maximum-sum segment).
//! Other stretches stay when they score at least `keep_ratio` of the best (an article split by a
//! widget). Works in any language: words are counted by spaces, or by characters for Chinese,
//! Japanese and Korean.
//! **Why it is junk:** navigation, link lists and footers are runs of short lines; an article is a
//! run of long ones.
//! The headline and a prose-length line right under it (its standfirst) always stay.
//! **Known false positives:** a short article (a few lines) inside a page full of long teasers;
//! short paragraphs (subheads, one-line quotes) at the edges of the block.
//! **Example:** the 150 lines of menus and headline lists around a two-paragraph news item.

use super::shape::{is_sentence, word_units};
use crate::model::Verdict;

pub const NAME: &str = "page_chrome";

/// A line with at least this many words (word units) that ends like a sentence is prose.
pub const PROSE_UNITS: usize = 10;

#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub min_lines: usize,
    pub min_short_share: f64,
    pub short_line_cost: f64,
    pub keep_ratio: f64,
}

fn is_prose(line: &str) -> bool {
    is_sentence(line, PROSE_UNITS)
        || super::shape::word_units_capped(line, 2 * PROSE_UNITS) >= 2 * PROSE_UNITS
}

pub fn mark(lines: &[String], verdicts: &mut [Verdict], title_line: Option<usize>, s: Settings) {
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(verdicts[i], Verdict::Keep))
        .collect();
    if kept.len() < s.min_lines {
        return;
    }
    let weights: Vec<f64> = kept
        .iter()
        .map(|&i| {
            if is_prose(&lines[i]) {
                word_units(&lines[i]) as f64
            } else {
                -s.short_line_cost
            }
        })
        .collect();
    let short = weights.iter().filter(|w| **w < 0.0).count();
    if (short as f64) < s.min_short_share * kept.len() as f64 {
        return;
    }
    // Positive stretches: (start, end inclusive, best sum), Kadane with resets.
    let mut segments: Vec<(usize, usize, f64)> = Vec::new();
    let (mut cur, mut start) = (0.0f64, 0usize);
    for (k, &w) in weights.iter().enumerate() {
        if cur <= 0.0 {
            cur = 0.0;
            start = k;
        }
        cur += w;
        if cur > 0.0 {
            match segments.last_mut() {
                Some(seg) if seg.0 == start => {
                    if cur > seg.2 {
                        seg.1 = k;
                        seg.2 = cur;
                    }
                }
                _ => segments.push((start, k, cur)),
            }
        }
    }
    let best = segments.iter().map(|s| s.2).fold(0.0, f64::max);
    if best <= 0.0 {
        return;
    }
    let mut keep = vec![false; kept.len()];
    for &(a, b, score) in &segments {
        if score >= s.keep_ratio * best {
            keep[a..=b].iter_mut().for_each(|k| *k = true);
        }
    }
    // The line right under the headline, when it is as long as prose, is its standfirst
    // (often without a full stop): the headline vouches for it.
    let standfirst = title_line.and_then(|t| {
        kept.iter()
            .copied()
            .find(|&i| i + 1 > t)
            .filter(|&i| word_units(&lines[i]) >= PROSE_UNITS)
    });
    // So is a dek a few lines under it (after a byline or a date) that shares words with the
    // article.
    let prose: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| is_prose(&lines[i]))
        .collect();
    let dek = title_line.and_then(|t| super::edge_chrome::dek_line(lines, &kept, t - 1, &prose));
    for (k, &i) in kept.iter().enumerate() {
        if !keep[k] && Some(i + 1) != title_line && Some(i) != standfirst && Some(i) != dek {
            verdicts[i] = Verdict::Junk { rule: NAME.into() };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Settings = Settings {
        min_lines: 10,
        min_short_share: 0.5,
        short_line_cost: 4.0,
        keep_ratio: 0.3,
    };

    #[test]
    fn article_block_kept_menus_and_lists_removed() {
        let mut lines: Vec<String> =
            vec!["Son of former president stabbed in Berlin - The Post".into()];
        lines.extend(["Login", "Log Out", "World News", "Opinion"].map(String::from));
        lines.push("The son of the former president was stabbed to death on Tuesday evening during a lecture, police said.".into());
        lines.push("A subhead".into());
        lines.push("The attacker, a 57-year-old man, was arrested at the scene and is being questioned by detectives.".into());
        for i in 0..12 {
            lines.push(format!("Other headline number {i}"));
            lines.push("By STAFF".into());
        }
        let mut v = vec![Verdict::Keep; lines.len()];
        mark(&lines, &mut v, Some(1), S);
        let kept: Vec<usize> = (0..lines.len())
            .filter(|&i| v[i] == Verdict::Keep)
            .map(|i| i + 1)
            .collect();
        assert_eq!(kept, [1, 6, 7, 8]);
    }

    #[test]
    fn ordinary_articles_are_left_alone() {
        let lines: Vec<String> = (0..12)
            .map(|i| {
                format!("Paragraph {i} of the article says something long enough to be prose here.")
            })
            .collect();
        let mut v = vec![Verdict::Keep; lines.len()];
        mark(&lines, &mut v, None, S);
        assert!(v.iter().all(|x| *x == Verdict::Keep));
    }

    #[test]
    fn cjk_prose_counts_characters() {
        assert!(is_prose(
            "政府周四宣布了新的经济措施。总理在新闻发布会上表示，为了应对物价上涨。"
        ));
    }
}
