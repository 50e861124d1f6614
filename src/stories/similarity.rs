//! How much two documents tell the same story, from their kept paragraphs' fingerprints alone.
//!
//! Each document becomes a TF-IDF vector over its content stems and numbers: a term's weight is
//! `(1 + ln tf) * ln(1 + N / df)`, with `tf` the number of the document's paragraphs that hold it
//! and `df` the number of documents of the folder that do. Versions of one story share its rare
//! words (the names, the numbers, the event's nouns) even when no paragraph survived word for
//! word: the seeds' four rewrites share few verified paragraphs but most of their names. Two
//! stories about one company share its name and town, but not the event's words and numbers, so
//! their cosine stays lower. Measured on `corpus/` (tune part): same-story pairs mostly above 0.35,
//! the hardest different-story pairs (same company, same town) up to 0.37; see `[stories]` in
//! rules.toml for the thresholds this is used with.
//!
//! Candidate pairs come from an inverted index over each document's heaviest shared terms, so a
//! folder of a million documents does not compare every pair: two documents of one story share
//! at least one of their `TOP_TERMS` heaviest terms that some other document also holds. A term
//! in more than `max_term_docs` documents proposes nothing (it is a common word of the folder, or
//! the story is large enough that its duplicate links join it anyway).

use crate::dedup::DocPrint;
use ahash::AHashMap;

/// The heaviest terms of a document that propose candidates.
const TOP_TERMS: usize = 24;

/// Keys two documents must share to be compared: one shared heavy word is often a common name
/// of the folder (a town), two are the story's.
const MIN_SHARED_KEYS: usize = 2;

/// Numbers and stems are hashed apart: "2025" the number and a stem that happens to hash the
/// same must not meet.
const NUMBER_TAG: u32 = 0x9e37_79b9;

/// The smallest folder size IDF is computed for (see [`vectors`]).
const MIN_IDF_DOCS: f32 = 100.0;

/// A document as a sparse unit vector: (term, weight), sorted by term.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocVector {
    terms: Vec<(u32, f32)>,
    /// The heaviest terms that other documents also hold (at most `TOP_TERMS`): the ones that
    /// propose candidate pairs.
    keys: Vec<u32>,
    /// The numbers alone, as their own unit vector.
    numbers: Vec<(u32, f32)>,
}

impl DocVector {
    /// Cosine of the term vectors.
    pub fn cosine(&self, other: &DocVector) -> f32 {
        dot(&self.terms, &other.terms)
    }

    /// Cosine of the number vectors (0 when either has no number).
    pub fn number_cosine(&self, other: &DocVector) -> f32 {
        dot(&self.numbers, &other.numbers)
    }

    /// The grouping's score: the term cosine plus `number_weight` times the number cosine.
    pub fn similarity(&self, other: &DocVector, number_weight: f32) -> f32 {
        self.cosine(other) + number_weight * self.number_cosine(other)
    }
}

/// Dot product of two sparse vectors sorted by term (a merge walk).
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Term counts of one document: in how many of its paragraphs each term occurs. The headline
/// counts like a paragraph.
fn term_counts(d: &DocPrint) -> Vec<(u32, u32)> {
    let mut counts: AHashMap<u32, u32> = AHashMap::new();
    for p in &d.paragraphs {
        let f = &p.features;
        for &t in &f.stems {
            *counts.entry(t).or_default() += 1;
        }
        for &n in &f.numbers {
            *counts.entry(n ^ NUMBER_TAG).or_default() += 1;
        }
    }
    let mut v: Vec<(u32, u32)> = counts.into_iter().collect();
    v.sort_unstable();
    v
}

/// The TF-IDF vectors of a folder's documents (same order as `docs`). A term held by more than
/// `max_term_docs` documents is weighed but proposes no pair.
pub fn vectors(docs: &[DocPrint], max_term_docs: usize) -> Vec<DocVector> {
    let counts: Vec<Vec<(u32, u32)>> = docs.iter().map(term_counts).collect();
    let mut df: AHashMap<u32, u32> = AHashMap::new();
    for c in &counts {
        for &(t, _) in c {
            *df.entry(t).or_default() += 1;
        }
    }
    // A folder of a few documents cannot say how rare a word is: in the five seed files, all
    // about one story, the story's own words ("Belarus", "52") are in every file and would weigh
    // least. IDF is computed as if the folder had at least `MIN_IDF_DOCS` documents, the missing
    // ones without the word; from that size on it is the folder's own.
    let n = (docs.len() as f32).max(MIN_IDF_DOCS);
    counts
        .into_iter()
        .zip(docs)
        .map(|(c, d)| {
            let weight = |(t, tf): (u32, u32)| {
                let idf = (1.0 + n / df[&t] as f32).ln();
                (t, (1.0 + (tf as f32).ln()) * idf)
            };
            let terms: Vec<(u32, f32)> = c.into_iter().map(weight).collect();
            let mut keys: Vec<(u32, f32)> = terms
                .iter()
                .filter(|t| (2..=max_term_docs as u32).contains(&df[&t.0]))
                .copied()
                .collect();
            // Heaviest first; ties by term, so the choice depends on nothing but content.
            keys.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let keys = keys.into_iter().take(TOP_TERMS).map(|t| t.0).collect();
            let mut numbers: Vec<u32> = d
                .paragraphs
                .iter()
                .flat_map(|p| p.features.numbers.iter().map(|&x| x ^ NUMBER_TAG))
                .collect();
            numbers.sort_unstable();
            let numbers: Vec<(u32, f32)> = terms
                .iter()
                .filter(|t| numbers.binary_search(&t.0).is_ok())
                .copied()
                .collect();
            DocVector {
                keys,
                terms: unit(terms),
                numbers: unit(numbers),
            }
        })
        .collect()
}

/// Scale a vector to length 1 (an empty one stays empty).
fn unit(mut v: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in &mut v {
            x.1 /= norm;
        }
    }
    v
}

/// Pairs of documents (i < j, sorted) that share at least `MIN_SHARED_KEYS` of their keys and
/// whose [`DocVector::similarity`] reaches `floor`, each with that similarity.
///
/// Per document, in parallel: count the later documents met in its keys' postings, and compare
/// only those met often enough. Nothing quadratic is materialised: at 100k generated documents,
/// listing every pair that shares one key first held 3 GB.
pub fn candidate_pairs(
    vectors: &[DocVector],
    number_weight: f32,
    floor: f32,
) -> Vec<(usize, usize, f32)> {
    use rayon::prelude::*;
    let mut postings: AHashMap<u32, Vec<u32>> = AHashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        for &t in &v.keys {
            postings.entry(t).or_default().push(i as u32);
        }
    }
    (0..vectors.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut met: Vec<u32> = vectors[i]
                .keys
                .iter()
                .flat_map(|t| postings[t].iter().copied().filter(|&j| j as usize > i))
                .collect();
            met.sort_unstable();
            let mut found = Vec::new();
            let mut k = 0;
            while k < met.len() {
                let j = met[k];
                let run = met[k..].iter().take_while(|&&x| x == j).count();
                k += run;
                if run < MIN_SHARED_KEYS {
                    continue;
                }
                let j = j as usize;
                let score = vectors[i].similarity(&vectors[j], number_weight);
                if score >= floor {
                    found.push((i, j, score));
                }
            }
            found.into_iter()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::ParaPrint;

    fn doc(id: &str, paragraphs: &[&str]) -> DocPrint {
        DocPrint {
            doc: id.into(),
            paragraphs: paragraphs
                .iter()
                .enumerate()
                .map(|(i, t)| ParaPrint {
                    line: i + 1,
                    features: crate::dedup::features::features(t),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn rewrites_of_one_story_are_closer_than_two_stories_about_one_company() {
        let docs = [
            doc(
                "wire",
                &[
                    "Marlow Foods recalls 40,000 jars of chutney over glass fears",
                    "Marlow Foods is recalling 40,000 jars of its mango chutney after customers found glass fragments, the company said.",
                ],
            ),
            doc(
                "rewrite",
                &[
                    "Chutney jars recalled by Marlow Foods",
                    "Glass fragments found by shoppers have led Marlow Foods to recall 40,000 jars of mango chutney.",
                ],
            ),
            doc(
                "other",
                &[
                    "Marlow Foods to cut 120 jobs at Denby factory",
                    "Marlow Foods will close its Denby packing line in March, putting 120 jobs at risk, the company said.",
                ],
            ),
        ];
        let v = vectors(&docs, 10);
        let same = v[0].cosine(&v[1]);
        let other = v[0].cosine(&v[2]).max(v[1].cosine(&v[2]));
        assert!(same > 0.5, "same story: {same}");
        assert!(other < same / 2.0, "other story {other} vs same {same}");
        assert!((v[0].cosine(&v[0]) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn candidates_need_a_shared_heavy_term_and_skip_common_ones() {
        let docs = [
            doc("a", &["Ostrelby bakery closes with 210 jobs lost"]),
            doc("b", &["The Ostrelby bakery will close, 210 jobs"]),
            doc("c", &["Tram line opens in Carrowmere"]),
        ];
        let pairs = candidate_pairs(&vectors(&docs, 10), 0.5, 0.0);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (0, 1));
        // Every shared term is in two documents: a cap of one proposes nothing.
        assert!(candidate_pairs(&vectors(&docs, 1), 0.5, 0.0).is_empty());
    }
}
