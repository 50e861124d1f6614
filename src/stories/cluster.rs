//! Grouping documents into stories with union-find.
//!
//! Two documents join when their similarity ([`similarity`]: TF-IDF cosine over content stems
//! and numbers, plus `number_weight` times the cosine of their numbers alone) reaches
//! `min_similarity`, or `min_linked_similarity` when they also share an identical headline of at
//! least `min_title_words` words or at least `min_shared_paragraphs` merged paragraphs (duplicate
//! and paraphrase links). A paragraph or headline found in more than `max_shared_docs` documents
//! is boilerplate that escaped the junk stage (a site footer, "Home | Site"), not evidence of one
//! story, so it lowers no bar.
//!
//! Why the numbers count twice: two stories about one company a week apart (a closure, then a
//! fire at the same plant) share its name, its town and its people, and on `corpus/` their
//! cosine reached 0.38 while some rewrites of one story stayed at 0.32. The event's numbers (the
//! 210 jobs, the 62,000 drones, the £85 million) are what the versions of one story repeat and the
//! other event does not: with them counted again, the tune part's same-story pairs that join
//! nothing else score at least 0.52 and its hardest different-story pair 0.53 (below the 0.55
//! default).

use super::similarity;
use crate::dedup::{DocPrint, Link};
use ahash::AHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Settings of the grouping (`[stories]` in rules.toml).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub max_shared_docs: usize,
    pub min_title_words: usize,
    pub min_shared_paragraphs: usize,
    pub min_similarity: f32,
    pub min_linked_similarity: f32,
    pub number_weight: f32,
    pub max_term_docs: usize,
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

    // Shared lines lower the bar, they do not clear it: a junk line no detector caught (a
    // footer, a feed item) can be shared by documents of different stories, and a short headline
    // ("Police appeal for witnesses") by two different events. So a shared headline, or at least
    // `min_shared_paragraphs` merged paragraphs, joins two documents when their similarity
    // reaches `min_linked_similarity`; without them it must reach `min_similarity`. Pairs are
    // kept in sorted sets, so the unions happen in a fixed order (the result would not depend on
    // it anyway: roots are the smallest index).
    let mut pair_count: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut linked: BTreeSet<(usize, usize)> = BTreeSet::new();
    for ((kind, _), members) in &sets {
        let mut distinct = members.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 2 || distinct.len() > s.max_shared_docs {
            continue;
        }
        for &m in &distinct[1..] {
            if *kind == 1 {
                linked.insert((distinct[0], m));
            } else {
                *pair_count.entry((distinct[0], m)).or_default() += 1;
            }
        }
    }
    linked.extend(
        pair_count
            .into_iter()
            .filter(|&(_, n)| n >= s.min_shared_paragraphs)
            .map(|(pair, _)| pair),
    );

    let vectors = similarity::vectors(docs, s.max_term_docs);
    let mut uf = UnionFind::new(docs.len());
    for (a, b) in linked {
        if vectors[a].similarity(&vectors[b], s.number_weight) >= s.min_linked_similarity {
            uf.union(a, b);
        }
    }
    for (a, b, score) in similarity::candidate_pairs(&vectors, s.number_weight, s.min_similarity) {
        if score >= s.min_similarity {
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

    const SETTINGS: Settings = Settings {
        max_shared_docs: 50,
        min_title_words: 3,
        min_shared_paragraphs: 2,
        min_similarity: 0.55,
        min_linked_similarity: 0.4,
        number_weight: 0.5,
        max_term_docs: 200,
    };

    /// A document: its headline (hashed as given, to make two headlines equal) and paragraphs.
    fn doc(id: &str, title: u64, paragraphs: &[&str]) -> DocPrint {
        let print = |line: usize, t: &str| ParaPrint {
            line,
            hash: crate::dedup::fingerprint::hash_str(t),
            chars: t.len(),
            features: crate::dedup::features::features(t),
        };
        let head = ParaPrint {
            hash: title,
            ..print(1, "")
        };
        let mut all = vec![head.clone()];
        all.extend(paragraphs.iter().enumerate().map(|(i, t)| print(i + 2, t)));
        DocPrint {
            doc: id.into(),
            title: Some(head),
            title_words: 5,
            paragraphs: all,
            ..Default::default()
        }
    }

    fn link(from: &str, kept: &str, line: usize) -> Link {
        Link {
            from: LineRef {
                doc: from.into(),
                line,
            },
            kept: LineRef {
                doc: kept.into(),
                line,
            },
            method: "exact".into(),
            score_milli: None,
        }
    }

    const RECALL: &str = "Marlow Foods is recalling 40,000 jars of mango chutney from shops in Denby after customers found glass fragments.";
    const RECALL_2: &str = "The 40,000 jars carry best-before dates in June 2026; shoppers can return them to any store for a refund.";
    const SPUN: &str = "Customers found shards of glass, so Marlow Foods is calling back 40,000 jars of its mango chutney sold in Denby.";
    const SPUN_2: &str = "Shoppers may take the 40,000 jars, best before June 2026, back to any shop and get their money back.";
    const JOBS: &str = "Marlow Foods will close its Denby packing line in March, putting 120 jobs at risk, the company told staff.";
    const JOBS_2: &str = "Union officials said the 120 workers at the Denby plant had been told of the closure at a meeting on Monday.";
    const FOOTER: &str = "Denby Courier is published by Denby Media Ltd, registered in England.";
    const FOOTER_2: &str =
        "Send us your news: write to the Denby Courier newsdesk any day of the week.";

    #[test]
    fn a_rewrite_joins_and_another_event_at_the_same_company_stays_apart() {
        let docs = [
            doc("a-recall", 1, &[RECALL, RECALL_2]),
            doc("b-spun", 2, &[SPUN, SPUN_2]),
            doc("c-jobs", 3, &[JOBS, JOBS_2]),
        ];
        assert_eq!(group(&docs, &[], SETTINGS), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn shared_lines_lower_the_bar_but_do_not_clear_it() {
        // Two shared footer lines (junk no detector caught) do not join two different stories.
        const TRAM: &str = "The new tram line from Denby station to the hospital opens on Saturday after two years of works.";
        let docs = [
            doc("a", 1, &[RECALL, RECALL_2, FOOTER, FOOTER_2]),
            doc("b", 2, &[JOBS, JOBS_2, FOOTER, FOOTER_2]),
            doc("c", 3, &[TRAM, FOOTER, FOOTER_2]),
        ];
        let links = [link("b", "a", 4), link("b", "a", 5)];
        assert_eq!(
            group(&docs, &links, SETTINGS),
            vec![vec![0], vec![1], vec![2]]
        );
        let lax = Settings {
            min_linked_similarity: 0.0,
            ..SETTINGS
        };
        assert_eq!(group(&docs, &links, lax), vec![vec![0, 1], vec![2]]);
        // Nor does an identical short headline ("Police appeal for witnesses") on its own.
        let docs = [
            doc("a", 7, &[RECALL, RECALL_2]),
            doc("b", 7, &[JOBS, JOBS_2]),
        ];
        assert_eq!(group(&docs, &[], SETTINGS), vec![vec![0], vec![1]]);
        // With an identical headline, a pair below `min_similarity` but above
        // `min_linked_similarity` joins.
        let docs = [
            doc("a", 7, &[RECALL, RECALL_2]),
            doc("b", 7, &[SPUN, SPUN_2]),
        ];
        let strict = Settings {
            min_similarity: 2.0,
            ..SETTINGS
        };
        assert_eq!(group(&docs, &[], strict), vec![vec![0, 1]]);
        let no_title = [
            doc("a", 7, &[RECALL, RECALL_2]),
            doc("b", 8, &[SPUN, SPUN_2]),
        ];
        assert_eq!(group(&no_title, &[], strict), vec![vec![0], vec![1]]);
    }

    #[test]
    fn boilerplate_shared_by_too_many_documents_lowers_no_bar() {
        let docs = [
            doc("a", 7, &[RECALL, RECALL_2]),
            doc("b", 7, &[SPUN, SPUN_2]),
            doc("c", 7, &[JOBS, JOBS_2]),
        ];
        let strict = Settings {
            min_similarity: 2.0,
            max_shared_docs: 2,
            ..SETTINGS
        };
        assert_eq!(group(&docs, &[], strict), vec![vec![0], vec![1], vec![2]]);
    }
}
