//! `site_boilerplate`: lines that recur across the documents of one site folder.
//!
//! **What it removes:** a kept line found in at least `min_docs` documents of the same folder
//! (counting the documents where an earlier rule or detector already removed it) (the
//! doc id's directory: one scraped site), when those documents belong to at least `min_stories`
//! different stories. Two documents are of one story here when most of the smaller one's long
//! paragraphs (at least [`SAME_STORY_CONTAINMENT`] of those of [`LONG_CHARS`] or more; all its
//! lines if it has none) are also in the other: copies of an article share nearly everything,
//! different articles of a site share only the site's furniture, which is mostly short.
//! **Why it is junk:** a line every page of a site carries (a footer, a source label, a subscribe
//! box in a wording no rule knows) is the site's furniture, not any one article's text. Counting
//! per site and requiring several stories is the evidence: an article paragraph that copies of one
//! story share is content, and stays.
//! **Known false positives:** a fact box a site repeats verbatim under several different stories.
//! Misses: long furniture (a disclaimer paragraph) on pages with one or two long paragraphs can
//! make two articles look like copies.
//! **Example:** `LANTERN WIRE` under three different stories of `sites/dailyroll/`.
//!
//! This is a cross-document step: it reads fingerprints only, so it runs after the per-document
//! stages, wherever those ran.

use crate::dedup::DocPrint;
use ahash::{AHashMap, AHashSet};
use std::collections::BTreeMap;

pub const NAME: &str = "site_boilerplate";

/// Share of the smaller document's lines the larger must hold for the two to be one story.
pub const SAME_STORY_CONTAINMENT: f64 = 0.5;
/// Paragraphs of at least this many characters are what the same-story test compares.
pub const LONG_CHARS: usize = 100;

#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub min_docs: usize,
    pub min_stories: usize,
}

/// The site of a document: the directory part of its id ("" for a top-level document).
pub fn site_of(doc_id: &str) -> &str {
    doc_id.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// For each document (same order as `docs`), the line numbers that are site boilerplate.
pub fn find(docs: &[DocPrint], s: Settings) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); docs.len()];
    let mut sites: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        sites.entry(site_of(&d.doc)).or_default().push(i);
    }
    for members in sites.values() {
        if members.len() < s.min_docs {
            continue;
        }
        // hash -> the member positions (into `members`) that hold it, each once.
        let mut holders: AHashMap<u64, Vec<usize>> = AHashMap::new();
        for (m, &i) in members.iter().enumerate() {
            let title = docs[i].title.as_ref().map(|t| t.line);
            let kept = docs[i]
                .paragraphs
                .iter()
                .filter(|p| Some(p.line) != title)
                .map(|p| p.hash);
            for hash in kept.chain(docs[i].junk.iter().copied()) {
                let h = holders.entry(hash).or_default();
                if h.last() != Some(&m) {
                    h.push(m);
                }
            }
        }
        let recurring: AHashSet<u64> = holders
            .iter()
            .filter(|(_, h)| h.len() >= s.min_docs)
            .map(|(&k, _)| k)
            .collect();
        if recurring.is_empty() {
            continue;
        }
        // Each member's set of paragraphs (titles excluded), for the same-story test: the long
        // ones when it has any, since furniture is mostly short and article paragraphs long, so
        // short pages whose furniture outnumbers their text are still told apart.
        let sets: Vec<AHashSet<u64>> = members
            .iter()
            .map(|&i| {
                let title = docs[i].title.as_ref().map(|t| t.line);
                let body = || {
                    docs[i]
                        .paragraphs
                        .iter()
                        .filter(move |p| Some(p.line) != title)
                };
                let long: AHashSet<u64> = body()
                    .filter(|p| p.chars >= LONG_CHARS)
                    .map(|p| p.hash)
                    .collect();
                if long.is_empty() {
                    body().map(|p| p.hash).collect()
                } else {
                    long
                }
            })
            .collect();
        let same_story = |a: usize, b: usize| {
            let (x, y) = (&sets[a], &sets[b]);
            let shared = x.intersection(y).count();
            shared > 0 && shared as f64 >= SAME_STORY_CONTAINMENT * x.len().min(y.len()) as f64
        };
        let boiler: AHashSet<u64> = recurring
            .into_iter()
            .filter(|hash| {
                // Greedy: one representative per story found so far; stop as soon as there are
                // enough stories, so a footer on every page costs a few comparisons, not n².
                let mut reps: Vec<usize> = Vec::new();
                for &m in &holders[hash] {
                    if !reps.iter().any(|&r| same_story(r, m)) {
                        reps.push(m);
                        if reps.len() >= s.min_stories {
                            return true;
                        }
                    }
                }
                false
            })
            .collect();
        for &i in members {
            let title = docs[i].title.as_ref().map(|t| t.line);
            out[i] = docs[i]
                .paragraphs
                .iter()
                .filter(|p| Some(p.line) != title && boiler.contains(&p.hash))
                .map(|p| p.line)
                .collect();
        }
    }
    out
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
                .map(|(i, &hash)| ParaPrint {
                    line: i + 1,
                    hash,
                    chars: 80,
                    ..Default::default()
                })
                .collect(),
        }
    }

    const S: Settings = Settings {
        min_docs: 3,
        min_stories: 2,
    };

    #[test]
    fn a_footer_on_three_stories_of_one_site_goes() {
        let docs = [
            doc("site/a.txt", &[10, 11, 99]),
            doc("site/b.txt", &[20, 21, 99]),
            doc("site/c.txt", &[30, 99]),
            doc("other/d.txt", &[40, 99]),
        ];
        assert_eq!(find(&docs, S), vec![vec![3], vec![3], vec![2], vec![]]);
    }

    #[test]
    fn a_paragraph_shared_by_copies_of_one_story_stays() {
        // Three copies of one story: they share paragraph 11 as well, so 99 is their content.
        let docs = [
            doc("site/a.txt", &[10, 11, 99]),
            doc("site/b.txt", &[11, 99]),
            doc("site/c.txt", &[11, 99, 12]),
        ];
        assert_eq!(find(&docs, S), vec![Vec::<usize>::new(); 3]);
    }

    #[test]
    fn sites_are_directories() {
        assert_eq!(site_of("sites/dailyroll/x.txt"), "sites/dailyroll");
        assert_eq!(site_of("top.txt"), "");
    }
}
