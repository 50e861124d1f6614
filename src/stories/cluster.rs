//! Grouping documents into stories with union-find.
//!
//! Two documents join when they share at least `min_shared_paragraphs` merged paragraphs
//! (duplicate links) or an identical headline of at least `min_title_words` words. A paragraph or headline found in more than
//! `max_shared_docs` documents is boilerplate that escaped the junk stage (a site footer, "Home |
//! Site"), not evidence of one story, so it joins nothing.

use crate::dedup::{DocPrint, Link};
use ahash::AHashMap;
use std::collections::BTreeMap;

/// Settings of the grouping (`[stories]` in rules.toml).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub max_shared_docs: usize,
    pub min_title_words: usize,
    pub min_shared_paragraphs: usize,
}

/// Union-find over document indices, with path halving and union by smaller root (so the root of
/// a set is its smallest index, which keeps the result independent of union order).
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }
}

/// Group documents (sorted by id) into stories: lists of document indices, each sorted, the list
/// ordered by its first document.
pub fn group(docs: &[DocPrint], links: &[Link], s: Settings) -> Vec<Vec<usize>> {
    let index: AHashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.doc.as_str(), i))
        .collect();

    // Evidence sets: the documents that hold one paragraph or one headline. Built by walking in
    // sorted order, so each member list is sorted and deduplicated by construction.
    let mut sets: AHashMap<(u8, u64), Vec<usize>> = AHashMap::new();
    for l in links {
        let (Some(&a), Some(&b)) = (
            index.get(l.kept.doc.as_str()),
            index.get(l.from.doc.as_str()),
        ) else {
            continue;
        };
        let key = (0, (a as u64) << 32 | l.kept.line as u64);
        let members = sets.entry(key).or_insert_with(|| vec![a]);
        if members.last() != Some(&b) {
            members.push(b);
        }
    }
    for (i, d) in docs.iter().enumerate() {
        if let Some(t) = &d.title {
            if d.title_words >= s.min_title_words {
                sets.entry((1, t.hash)).or_default().push(i);
            }
        }
    }

    // One shared line is weak evidence: a junk line no detector caught (a footer, a feed item)
    // can be shared by documents of different stories. Paragraph evidence joins two documents
    // only when they share at least `min_shared_paragraphs` paragraphs; an identical headline
    // joins them on its own. Pairs are counted in a BTreeMap, so the unions happen in a fixed
    // order (the result would not depend on it anyway: roots are the smallest index).
    let mut pair_count: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut uf = UnionFind::new(docs.len());
    for ((kind, _), members) in &sets {
        let mut distinct = members.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 2 || distinct.len() > s.max_shared_docs {
            continue;
        }
        for &m in &distinct[1..] {
            if *kind == 1 {
                uf.union(distinct[0], m);
            } else {
                *pair_count.entry((distinct[0], m)).or_default() += 1;
            }
        }
    }
    for (&(a, b), &n) in &pair_count {
        if n >= s.min_shared_paragraphs {
            uf.union(a, b);
        }
    }

    let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for i in 0..docs.len() {
        let r = uf.find(i);
        by_root[r].push(i);
    }
    by_root.into_iter().filter(|g| !g.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::ParaPrint;
    use crate::model::LineRef;

    fn doc(id: &str, title: Option<u64>) -> DocPrint {
        DocPrint {
            doc: id.into(),
            title: title.map(|h| ParaPrint {
                line: 1,
                hash: h,
                chars: 30,
                ..Default::default()
            }),
            title_words: 5,
            paragraphs: vec![],
            junk: vec![],
            spun_from: None,
        }
    }

    fn link(from: &str, kept: &str) -> Link {
        Link {
            from: LineRef {
                doc: from.into(),
                line: 2,
            },
            kept: LineRef {
                doc: kept.into(),
                line: 2,
            },
            method: "exact".into(),
            score_milli: None,
        }
    }

    #[test]
    fn shared_paragraph_or_headline_joins_the_rest_stay_single() {
        let docs = [
            doc("a", Some(7)),
            doc("b", None),
            doc("c", Some(7)),
            doc("d", Some(9)),
        ];
        let links = [link("b", "a")];
        let s = Settings {
            max_shared_docs: 50,
            min_title_words: 3,
            min_shared_paragraphs: 1,
        };
        assert_eq!(group(&docs, &links, s), vec![vec![0, 1, 2], vec![3]]);
        let two = Settings {
            min_shared_paragraphs: 2,
            ..s
        };
        assert_eq!(
            group(&docs, &links, two),
            vec![vec![0, 2], vec![1], vec![3]]
        );
        let mut second = link("b", "a");
        second.from.line = 3;
        second.kept.line = 3;
        assert_eq!(
            group(&docs, &[link("b", "a"), second], two),
            vec![vec![0, 1, 2], vec![3]]
        );
    }

    #[test]
    fn boilerplate_shared_by_too_many_documents_joins_nothing() {
        let docs = [doc("a", None), doc("b", None), doc("c", None)];
        let links = [link("b", "a"), link("c", "a")];
        let s = Settings {
            max_shared_docs: 2,
            min_title_words: 3,
            min_shared_paragraphs: 1,
        };
        assert_eq!(group(&docs, &links, s), vec![vec![0], vec![1], vec![2]]);
    }
}
