//! Finding duplicates across documents: each normalized paragraph is linked to its first
//! occurrence in (doc id, line) order.
//!
//! The kept copy is chosen by that stable key, never by which thread saw it first, so the result is
//! the same for any `--jobs`. The first-seen table is a hash map, but it is only probed while the
//! documents are walked in sorted order; nothing is emitted in map order.

use super::fingerprint::DocPrint;
use crate::model::LineRef;
use ahash::AHashMap;
use serde::{Deserialize, Serialize};

/// A merged line and the line it duplicates.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Link {
    pub from: LineRef,
    pub kept: LineRef,
    /// How the link was found (`exact`: equal after normalization; `near`, `truncated`,
    /// `paraphrase`: see [`super::near`]).
    pub method: String,
    /// The verifier's score for near links, in thousandths (an integer, so links compare and
    /// sort exactly).
    pub score_milli: Option<u16>,
}

pub const EXACT: &str = "exact";

/// Link every repeated paragraph of at least `min_chars` characters to its first occurrence.
/// `docs` must be sorted by doc id; links come out in (doc id, line) order.
pub fn find(docs: &[DocPrint], min_chars: usize) -> Vec<Link> {
    debug_assert!(docs.windows(2).all(|w| w[0].doc < w[1].doc));
    let mut first: AHashMap<u64, LineRef> = AHashMap::new();
    let mut links = Vec::new();
    for d in docs {
        for p in &d.paragraphs {
            if p.chars < min_chars {
                continue;
            }
            let here = LineRef {
                doc: d.doc.clone(),
                line: p.line,
            };
            match first.get(&p.hash) {
                Some(kept) => links.push(Link {
                    from: here,
                    kept: kept.clone(),
                    method: EXACT.into(),
                    score_milli: None,
                }),
                None => {
                    first.insert(p.hash, here);
                }
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::ParaPrint;

    fn doc(id: &str, hashes: &[u64]) -> DocPrint {
        DocPrint {
            doc: id.into(),
            title: None,
            title_words: 0,
            junk: vec![],
            spun_from: None,
            paragraphs: hashes
                .iter()
                .enumerate()
                .map(|(i, &h)| ParaPrint {
                    line: i + 1,
                    hash: h,
                    chars: 40,
                    ..Default::default()
                })
                .collect(),
        }
    }

    #[test]
    fn later_copies_point_at_the_first_in_id_order() {
        let docs = [doc("a", &[1, 2, 1]), doc("b", &[3, 2]), doc("c", &[1])];
        let got: Vec<(String, usize, String, usize)> = find(&docs, 25)
            .into_iter()
            .map(|l| (l.from.doc, l.from.line, l.kept.doc, l.kept.line))
            .collect();
        assert_eq!(
            got,
            [
                ("a".into(), 3, "a".into(), 1),
                ("b".into(), 2, "a".into(), 2),
                ("c".into(), 1, "a".into(), 1)
            ]
        );
    }

    #[test]
    fn short_lines_are_never_merged() {
        let mut d = doc("a", &[1, 1]);
        d.paragraphs[1].chars = 10;
        d.paragraphs[0].chars = 10;
        assert!(find(&[d], 25).is_empty());
    }
}
