//! `other_headline`: a line that is another document's headline.
//!
//! **What it removes:** a kept line below a document's own headline that is, word for word (after
//! normalisation), the headline of another document of the run, when that headline differs from
//! the document's own.
//! **Why it is junk:** an article does not quote another article's headline as a paragraph; a
//! line like that is a link to the other story: a related-articles box whose header the scraper
//! dropped, a "next story" teaser, a "most read" entry. The folder itself is the evidence, so
//! this works for headlines in any wording and any language.
//! **Known false positives:** a headline that is also a sentence of another article (a quoted
//! slogan used as a headline). Documents without a headline are left alone: their first line may
//! be their headline, shared with a copy.
//! **Misses:** teasers of stories that are not in the folder (the `related_feed` and `edge_chrome`
//! detectors look at their shape instead).
//! **Example:** `Grellham council approves £180m Quayside stadium despite traffic fears` under
//! an article about a ferry, when another document of the folder has that headline.
//!
//! A cross-document step over fingerprints, like [`super::site_boilerplate`].

use crate::dedup::DocPrint;
use ahash::AHashSet;

pub const NAME: &str = "other_headline";

/// For each document (same order as `docs`), the line numbers that are other documents' headlines.
pub fn find(docs: &[DocPrint]) -> Vec<Vec<usize>> {
    let titles: AHashSet<u64> = docs
        .iter()
        .filter_map(|d| d.title.as_ref().map(|t| t.hash))
        .collect();
    docs.iter()
        .map(|d| {
            let Some(own) = d.title.as_ref() else {
                return Vec::new();
            };
            d.paragraphs
                .iter()
                .filter(|p| p.line > own.line && p.hash != own.hash && titles.contains(&p.hash))
                .map(|p| p.line)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::fingerprint::ParaPrint;

    fn print(doc: &str, title: Option<u64>, lines: &[u64]) -> DocPrint {
        let paragraphs: Vec<ParaPrint> = lines
            .iter()
            .enumerate()
            .map(|(i, &hash)| ParaPrint {
                line: i + 1,
                hash,
                chars: 40,
                ..Default::default()
            })
            .collect();
        DocPrint {
            doc: doc.into(),
            title: title.map(|h| ParaPrint {
                line: 1,
                hash: h,
                chars: 40,
                ..Default::default()
            }),
            title_words: 6,
            paragraphs,
            junk: Vec::new(),
            spun_from: None,
        }
    }

    #[test]
    fn another_documents_headline_below_the_own_one() {
        let docs = [
            print("a", Some(1), &[1, 10, 11, 2]),
            print("b", Some(2), &[2, 20, 1]),
            // No headline of its own: its first line may be a copy's headline.
            print("c", None, &[2, 30]),
            // The same headline as `a`: a copy, not a link.
            print("d", Some(1), &[1, 10, 1]),
        ];
        assert_eq!(find(&docs), [vec![4], vec![3], vec![], vec![]]);
    }
}
