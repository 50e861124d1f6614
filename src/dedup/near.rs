//! Near-duplicate and paraphrase links across documents: candidate pairs from
//! [`super::index`] (MinHash bands for copies, edits and cuts; shared rare words for
//! paraphrases), every candidate verified, then each group of copies linked to one kept
//! paragraph, the original wording.
//!
//! Why not the `simhash` crate the project first named: it hashes whitespace-split words,
//! unweighted, with SipHash, and offers no index. A paraphrase keeps a paragraph's rare words
//! (names, numbers, unusual stems) and swaps its common ones, so common words must weigh less,
//! and a folder of a million paragraphs needs an index, not all pairs. This stage had its own
//! IDF-weighted simhash with a Hamming index for a while; [`super::index`] says why MinHash
//! bands replaced it (measured: the same links on the tuning corpus, the seeds and
//! `eval-links`, 6 fewer correct links of 27,725 at `bench-dedup` 100k, 5 s saved at 1M
//! paragraphs; and few-word edits moved the simhash out of the index's reach).
//!
//! Candidates are only candidates: [`verify`] decides, on the features (numbers and names must
//! agree, stems must overlap), and says how: `truncated`, `near` (duplicate) or `paraphrase`.

use super::features::Features;
use super::fingerprint::DocPrint;
use super::index::Link;
use crate::model::LineRef;
use ahash::{AHashMap, AHashSet};

/// Thresholds (`[dedup]` in rules.toml).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub min_chars: usize,
    /// Unused: the simhash route it bounded is gone (see [`super::index`]); still read, so
    /// rules files that set it load.
    pub max_hamming: u32,
    /// Shared content stems over the smaller set, for a paraphrase.
    pub min_containment: f64,
    /// Shared content stems over the union, for a paraphrase.
    pub min_jaccard: f64,
    /// Word 3-shingles shared over the union, for a near-duplicate.
    pub min_shingle_jaccard: f64,
    /// Rare words: a word in more paragraphs than this is not an anchor.
    pub max_anchor_df: u32,
    /// Share of a paragraph's content words in sentences that a longer paragraph restates, for
    /// a paragraph that restates part of another.
    pub min_sentence_cover: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_chars: 25,
            max_hamming: 6,
            min_containment: 0.5,
            min_jaccard: 0.3,
            min_shingle_jaccard: 0.5,
            max_anchor_df: 64,
            min_sentence_cover: 0.8,
        }
    }
}

pub const EXACT: &str = super::index::EXACT;
/// At most a quarter of the shorter paragraph's names may be missing from the longer one.
const MAX_MISSING_NAMES_DIVISOR: usize = 4;
pub const TRUNCATED: &str = "truncated";
pub const NEAR: &str = "near";
pub const PARAPHRASE: &str = "paraphrase";
/// The shorter paragraph restates some sentences of the longer one, and nothing else.
pub const CONTAINED: &str = "contained";
/// A sentence is restated in another paragraph when this share of its content words is there.
const SENTENCE_MATCH: f64 = 0.5;
/// Sentences with fewer content words than this take no part in sentence alignment ("52 is a
/// lot.", a spinner's stray "“.”.").
const SENTENCE_MIN_STEMS: usize = 3;

/// Stems shared over the union from which two paragraphs count as using the same words, and
/// must then keep their order ([`order_kept`]) to link. Measured on PAWS dev, the generated spun
/// pairs and seed 000: spun copies keep at most about half of the stems (seed 000: 0.18-0.53),
/// PAWS's pairs keep 0.7-1.0.
const SAME_WORDS: f64 = 0.6;
/// Least share of adjacencies kept ([`order_kept`]) for paragraphs using the same words. PAWS
/// dev: the median non-paraphrase keeps 0.56, the median paraphrase 1.0; 99% of the generated
/// spun and edited pairs keep at least 0.8.
const MIN_ORDER_KEPT: f64 = 0.8;
/// Order is judged on at least this many words shared once.
const ORDER_MIN_WORDS: usize = 4;

/// How two paragraphs relate, with a score in 0..=1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Verdict {
    pub method: &'static str,
    pub score: f64,
}

/// One paragraph taking part.
struct Para<'a> {
    doc: usize,
    line: usize,
    hash: u64,
    chars: usize,
    spun: bool,
    f: &'a Features,
}

/// Link every paragraph that repeats, edits, truncates or restates another to the kept copy of
/// its group. `docs` sorted by id; links come out sorted by (doc, line).
pub fn find(docs: &[DocPrint], s: Settings) -> Vec<Link> {
    let paras: Vec<Para> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            let title = doc.title.as_ref().map(|t| t.line);
            doc.paragraphs
                .iter()
                .filter(move |p| p.chars >= s.min_chars && Some(p.line) != title)
                .map(move |p| Para {
                    doc: d,
                    line: p.line,
                    hash: p.hash,
                    chars: p.chars,
                    spun: doc.spun_from.is_some_and(|m| p.line > m),
                    f: &p.features,
                })
        })
        .collect();
    let n = paras.len();
    let mut uf = UnionFind::new(n);

    // Exact copies: equal normalized text.
    let mut by_hash: AHashMap<u64, usize> = AHashMap::new();
    for (i, p) in paras.iter().enumerate() {
        match by_hash.get(&p.hash) {
            Some(&j) => uf.union(i, j),
            None => {
                by_hash.insert(p.hash, i);
            }
        }
    }

    let names = FolderNames::of(paras.iter().map(|p| p.f));

    // Candidates among distinct texts only (one representative per exact text: a line copied
    // into thousands of documents would otherwise fill one bucket with thousands of
    // identical hashes, quadratic), each pair once (smaller index first), in sorted order.
    let mut reps: Vec<usize> = by_hash.values().copied().collect();
    reps.sort_unstable();
    let rep_features: Vec<&Features> = reps.iter().map(|&i| paras[i].f).collect();
    // Sorted pairs of representatives; `reps` is ascending, so the mapped pairs stay sorted.
    let pairs: Vec<(u32, u32)> = super::index::candidates(&rep_features, s)
        .into_iter()
        .map(|(a, b)| (reps[a as usize] as u32, reps[b as usize] as u32))
        .collect();
    // Verification is independent per pair: in parallel, collected in pair order.
    use rayon::prelude::*;
    let verified: Vec<((u32, u32), Verdict)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (pa, pb) = (&paras[a as usize], &paras[b as usize]);
            if pa.hash == pb.hash {
                return None;
            }
            verify(pa.f, pb.f, &names, s).map(|v| ((a, b), v))
        })
        .collect();
    let verified = resolve_parts(verified, &paras);
    let (verified, composite) = prune_composites(verified, &paras);
    let mut method: AHashMap<(u32, u32), Verdict> = AHashMap::new();
    for ((a, b), v) in verified {
        uf.union(a as usize, b as usize);
        method.insert((a, b), v);
    }

    // Groups, and the kept copy of each: the original wording.
    // Per paragraph: (copies in close wording, all verified neighbours).
    let mut degree = vec![(0usize, 0usize); n];
    for (&(a, b), v) in &method {
        let close = usize::from(v.method != PARAPHRASE);
        for x in [a as usize, b as usize] {
            degree[x].0 += close;
            degree[x].1 += 1;
        }
    }
    let mut groups: AHashMap<usize, Vec<usize>> = AHashMap::new();
    for i in 0..n {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|m| m.len() > 1).collect();
    groups.sort_unstable();
    let mut links = Vec::new();
    for mut members in groups {
        // Copies join through each other (a cut copy agrees with the original and with a copy
        // whose later number changed), so a group is linked to its kept paragraph only where
        // the two verify directly; the rest form groups of their own, round by round.
        while members.len() > 1 {
            let kept = choose_kept(&members, &paras, &degree, &composite, docs);
            let mut rest = Vec::new();
            for &m in members.iter().filter(|&&m| m != kept) {
                let how = if paras[m].hash == paras[kept].hash {
                    Some(Verdict {
                        method: EXACT,
                        score: 1.0,
                    })
                } else {
                    let pair = (m.min(kept) as u32, m.max(kept) as u32);
                    method
                        .get(&pair)
                        .copied()
                        .or_else(|| verify(paras[m].f, paras[kept].f, &names, s))
                };
                match how {
                    Some(how) => links.push(Link {
                        from: line_ref(docs, &paras[m]),
                        kept: line_ref(docs, &paras[kept]),
                        method: how.method.into(),
                        // An exact copy needs no score.
                        score_milli: (how.method != EXACT)
                            .then(|| (how.score * 1000.0).round() as u16),
                    }),
                    None => rest.push(m),
                }
            }
            members = rest;
        }
    }
    links.sort();
    links
}

/// Verified pairs, less the `contained` links where the part is not the whole's lead.
///
/// A paragraph that restates one later sentence of a longer paragraph is usually another
/// paragraph that happens to repeat a detail ("... spoke on condition of anonymity"), not a copy.
/// A part links when it restates the whole's first sentence (a cut or condensed copy), or when
/// it and the paragraph next to it in its document restate the whole between them, lead
/// included (a spinner split the paragraph in two).
fn resolve_parts(verified: Verified, paras: &[Para]) -> Verified {
    // (part, whole, sentences of the whole the part restates, the whole's restatable sentences)
    let parts: Vec<(u32, u32, u64, u64)> = verified
        .iter()
        .filter(|(_, v)| v.method == CONTAINED)
        .map(|&((a, b), _)| {
            let (p, w) = if paras[a as usize].f.stems.len() <= paras[b as usize].f.stems.len() {
                (a, b)
            } else {
                (b, a)
            };
            let whole = paras[w as usize].f;
            (
                p,
                w,
                sentences_restated(whole, &paras[p as usize].f.stems),
                sentences_restated(whole, &whole.stems),
            )
        })
        .collect();
    let lead = |bits: u64, all: u64| all != 0 && bits & (1 << all.trailing_zeros()) != 0;
    let mut drop: AHashSet<(u32, u32)> = AHashSet::new();
    for &(p, w, bits, all) in &parts {
        if lead(bits, all) {
            continue;
        }
        let pp = &paras[p as usize];
        let split = parts.iter().any(|&(q, w2, qbits, _)| {
            let pq = &paras[q as usize];
            w2 == w
                && q != p
                && pq.doc == pp.doc
                && pq.line.abs_diff(pp.line) <= 2
                && lead(qbits, all)
                && ((bits | qbits) & all).count_ones() * 4 >= all.count_ones() * 3
        });
        if !split {
            drop.insert((p.min(w), p.max(w)));
        }
    }
    verified
        .into_iter()
        .filter(|(pair, _)| !drop.contains(pair))
        .collect()
}

/// Verified pairs, less the links of paragraphs that merge two others.
///
/// A scraper or a spinner sometimes joins the sentences of two paragraphs into one ("He said the
/// prisoners left ... fear Almost 1,200 political prisoners remain ..."). That paragraph verifies
/// against both, and would join two groups (two facts) through itself. A paragraph is such a
/// merge when two paragraphs that do not verify against each other each restate a different
/// part of its sentences; it keeps only its links to the paragraphs that restate its earliest
/// restated sentence, and it is never the kept copy (returned in the set).
type Verified = Vec<((u32, u32), Verdict)>;
fn prune_composites(verified: Verified, paras: &[Para]) -> (Verified, AHashSet<usize>) {
    let linked: AHashSet<(u32, u32)> = verified.iter().map(|&(p, _)| p).collect();
    // Per possible merge: the neighbours that restate only some of its sentences, as bit sets.
    let mut partial: AHashMap<u32, Vec<(u32, u64)>> = AHashMap::new();
    for &((a, b), _) in &verified {
        for (c, x) in [(a, b), (b, a)] {
            let whole = paras[c as usize].f;
            if whole.sentences.len() < 2 {
                continue;
            }
            let all = sentences_restated(whole, &whole.stems);
            let bits = sentences_restated(whole, &paras[x as usize].f.stems);
            if bits != 0 && bits != all {
                partial.entry(c).or_default().push((x, bits));
            }
        }
    }
    let mut drop: AHashSet<(u32, u32)> = AHashSet::new();
    let mut composite = AHashSet::new();
    let mut merges: Vec<(u32, Vec<(u32, u64)>)> =
        partial.into_iter().filter(|(_, v)| v.len() >= 2).collect();
    merges.sort_unstable();
    for (c, parts) in merges {
        let is_merge = parts.iter().enumerate().any(|(i, &(x, bx))| {
            parts[i + 1..]
                .iter()
                .any(|&(y, by)| bx & by == 0 && !linked.contains(&(x.min(y), x.max(y))))
        });
        if !is_merge {
            continue;
        }
        composite.insert(c as usize);
        let first = parts
            .iter()
            .map(|&(_, bits)| bits.trailing_zeros())
            .min()
            .unwrap_or(0);
        for &(x, bits) in &parts {
            if bits >> first & 1 == 0 {
                drop.insert((c.min(x), c.max(x)));
            }
        }
    }
    let kept = verified
        .into_iter()
        .filter(|(p, _)| !drop.contains(p))
        .collect();
    (kept, composite)
}

/// The original wording of a group: outside a spinner's block, not a merge of two paragraphs, not a cut copy (a cut prefix
/// agrees with everything, a changed later number included), then the wording most copies
/// share closely (exact, edited or cut copies: outlets republish the original, a spinner's
/// copy stands alone), then the copy most others verify against, the longest, and the first
/// by (doc, line).
fn choose_kept(
    members: &[usize],
    paras: &[Para],
    degree: &[(usize, usize)],
    composite: &AHashSet<usize>,
    docs: &[DocPrint],
) -> usize {
    // Per distinct text: how many copies, and whether it is a cut copy of another member.
    // (Computed once per text: a group may hold a line copied into thousands of documents.)
    let mut copies: AHashMap<u64, usize> = AHashMap::new();
    let mut distinct: Vec<usize> = Vec::new();
    for &m in members {
        let c = copies.entry(paras[m].hash).or_default();
        if *c == 0 {
            distinct.push(m);
        }
        *c += 1;
    }
    let cut: AHashSet<u64> = distinct
        .iter()
        .filter(|&&i| {
            distinct.iter().any(|&j| {
                paras[j].chars > paras[i].chars && is_prefix(&paras[i].f.words, &paras[j].f.words)
            })
        })
        .map(|&i| paras[i].hash)
        .collect();
    let copies = |i: usize| copies[&paras[i].hash];
    let truncated = |i: usize| cut.contains(&paras[i].hash);
    let key = |i: usize| {
        (
            paras[i].spun,
            composite.contains(&i),
            truncated(i),
            std::cmp::Reverse(degree[i].0 + copies(i)),
            std::cmp::Reverse(degree[i].1),
            std::cmp::Reverse(paras[i].chars),
            &docs[paras[i].doc].doc,
            paras[i].line,
        )
    };
    *members
        .iter()
        .min_by(|&&a, &&b| key(a).cmp(&key(b)))
        .expect("groups are not empty")
}

fn line_ref(docs: &[DocPrint], p: &Para) -> LineRef {
    LineRef {
        doc: docs[p.doc].doc.clone(),
        line: p.line,
    }
}

/// What the folder says about capitalised words (as name keys, see `features`).
#[derive(Clone, Debug, Default)]
pub struct FolderNames {
    /// Words the folder writes capitalised in mid-sentence: a sentence's first word is a name
    /// when it is one of them ("Lithuania freed ..." is not "Belarus freed ...", but "Officials
    /// said" may become "Authorities said").
    pub proper: AHashSet<u32>,
    /// Those of them the folder also writes in lower case. Inside a run of capitalised words
    /// they are common words in a name ("Marine Accident Board", "Kestrow County Council"): a
    /// spinner swaps them for synonyms as it swaps any word ("Marine Crash Board", "Kestrow
    /// Region Council"), so two paragraphs that differ in them have not named different people
    /// or places. Alone ("the Senate", "House") they still count: on the generated pairs,
    /// exempting those too linked four more same-topic paragraphs of different articles.
    /// "Belarus" and "Lithuania" are never written in lower case, and stay names.
    pub common: AHashSet<u32>,
}

impl FolderNames {
    pub fn of<'a>(paragraphs: impl Iterator<Item = &'a Features>) -> Self {
        let mut proper = AHashSet::new();
        let mut lower = AHashSet::new();
        for f in paragraphs {
            proper.extend(f.names.iter().copied());
            // Every word's key is in `prefixes`; the capitalised ones are also in `names` or
            // `initials` (all three sorted). Function words do not count: "us" does not make
            // "US" a common word.
            let stop = &*super::features::STOP_KEYS;
            lower.extend(f.prefixes.iter().copied().filter(|k| {
                f.names.binary_search(k).is_err()
                    && f.initials.binary_search(k).is_err()
                    && !stop.contains(k)
            }));
        }
        let common = proper.intersection(&lower).copied().collect();
        FolderNames { proper, common }
    }
}

/// Whether two paragraphs say the same thing, and how. `None`: they must not be linked.
pub fn verify(a: &Features, b: &Features, names: &FolderNames, s: Settings) -> Option<Verdict> {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    if short.words.len() < 4 {
        return None;
    }
    // Cheapest test first: every link needs most of the smaller paragraph's content stems (a
    // cut or edited copy has nearly all of them), and most candidates fail here.
    let inter = sorted_intersection(&a.stems, &b.stems);
    let smaller = a.stems.len().min(b.stems.len());
    if smaller > 0 && (inter as f64) < s.min_containment * smaller as f64 {
        return None;
    }
    // Facts must agree: every number and name of the shorter paragraph is in the longer one
    // ("52" never links to "25", "Belarus" never to "Lithuania").
    let long_words: AHashSet<u32> = long.words.iter().copied().collect();
    let short_words: AHashSet<u32> = short.words.iter().copied().collect();
    // Numbers, strictly: every number of the shorter paragraph is in the longer one, and for
    // two paragraphs of about one length, both ways.
    let similar_length = short.words.len() * 10 >= long.words.len() * 8;
    if !short.numbers.iter().all(|n| long_words.contains(n))
        || (similar_length && !long.numbers.iter().all(|n| short_words.contains(n)))
    {
        return None;
    }
    // Names: a sentence's subject that the folder knows as a name must be there; of the other
    // names a restatement may drop some (a spinner garbles capitals, a rewrite narrows the
    // scope), but not swap one for another: two paragraphs of about one length that each
    // name someone the other does not are about different people or places.
    let long_keys: AHashSet<u32> = long.prefixes.iter().copied().collect();
    let short_keys: AHashSet<u32> = short.prefixes.iter().copied().collect();
    let missing = |f: &Features, other: &AHashSet<u32>| {
        f.names
            .iter()
            .filter(|n| {
                let run = f.run_acronym(**n);
                // Present, as itself or as its run's initials ("United States" -> "US"), or a
                // common word inside a name.
                let found = other.contains(n)
                    || run.is_some_and(|a| other.contains(&a))
                    || (run.is_some() && names.common.contains(n));
                !found
            })
            .count()
    };
    let subject_missing = |f: &Features, other: &AHashSet<u32>| {
        f.initials
            .iter()
            .any(|n| names.proper.contains(n) && !other.contains(n))
    };
    let (ms, ml) = (missing(short, &long_keys), missing(long, &short_keys));
    // A subject may be dropped ("Nauseda said" -> "He said"), not swapped: a missing subject
    // rejects when the other side names someone this side does not.
    let (ss, sl) = (
        subject_missing(short, &long_keys),
        subject_missing(long, &short_keys),
    );
    if (ss && (ml > 0 || sl))
        || (similar_length && sl && (ms > 0 || ss))
        || ms > short.names.len() / MAX_MISSING_NAMES_DIVISOR
        || (similar_length && ms > 0 && ml > 0 && (short.names.len() < 5 || ms.max(ml) > 1))
    {
        return None;
    }
    if short.words.len() >= 8 && is_prefix(&short.words, &long.words) {
        return Some(Verdict {
            method: TRUNCATED,
            score: short.words.len() as f64 / long.words.len() as f64,
        });
    }
    // Same words, another order: "flights from Vilnius to Riga" is not "flights from Riga to
    // Vilnius" (PAWS's traps). A rewrite that keeps most of the content words keeps their order
    // too, or moves whole clauses; a spinner that reorders within clauses also swaps words for
    // synonyms (seed 000 keeps at most about half of the original's stems), so the test applies
    // only where most stems are shared.
    // Two halves swapped ("X, as Y" -> "Y, as X") break one adjacency and always pass.
    let union = a.stems.len() + b.stems.len() - inter;
    let (broken, adjacent) = adjacencies(a, b);
    let order = if adjacent == 0 {
        1.0
    } else {
        1.0 - broken as f64 / adjacent as f64
    };
    if union > 0
        && inter as f64 >= SAME_WORDS * union as f64
        && broken >= 2
        && order < MIN_ORDER_KEPT
    {
        return None;
    }
    let shingles = jaccard(&shingles3(&a.words), &shingles3(&b.words));
    if shingles >= s.min_shingle_jaccard {
        return Some(Verdict {
            method: NEAR,
            score: shingles,
        });
    }
    if smaller < 4 || union == 0 {
        return None;
    }
    let containment = inter as f64 / smaller as f64;
    let jac = inter as f64 / union as f64;
    if containment >= s.min_containment && jac >= s.min_jaccard {
        // The score ranks how surely the two say one thing: shared words, in the same order.
        return Some(Verdict {
            method: PARAPHRASE,
            score: containment * order,
        });
    }
    // A paragraph that restates some sentences of a longer one (a spinner splits a paragraph in
    // two; a scraper merges two): every sentence of the part must be in the whole, the whole may
    // say more. The overlap over the union is small, so the bar on the part is higher.
    let (part, whole) = if a.stems.len() <= b.stems.len() {
        (a, b)
    } else {
        (b, a)
    };
    // A part claims to be restated whole: all of its names are in the whole.
    let whole_keys = if std::ptr::eq(whole, long) {
        &long_keys
    } else {
        &short_keys
    };
    if whole.sentences.len() < 2 || missing(part, whole_keys) > 0 {
        return None;
    }
    let cover = sentence_cover(part, &whole.stems);
    (containment >= s.min_containment && cover >= s.min_sentence_cover).then_some(Verdict {
        method: CONTAINED,
        score: cover,
    })
}

/// Share of the content words that both paragraphs use once whose neighbour among them stays
/// their neighbour (in either direction): 1.0 when the shared words come in one order, lower as
/// they are shuffled. A clause moved whole breaks two adjacencies; a word swapped with a distant
/// one breaks up to four. 1.0 when fewer than [`ORDER_MIN_WORDS`] words are shared once.
pub fn order_kept(a: &Features, b: &Features) -> f64 {
    let (broken, total) = adjacencies(a, b);
    if total == 0 {
        1.0
    } else {
        1.0 - broken as f64 / total as f64
    }
}

/// (broken, all) adjacencies between the content words both paragraphs use once (see
/// [`order_kept`]); (0, 0) when fewer than [`ORDER_MIN_WORDS`] are shared once.
fn adjacencies(a: &Features, b: &Features) -> (usize, usize) {
    let once = |seq: &[u32]| {
        let mut v: Vec<(u32, u32)> = seq
            .iter()
            .enumerate()
            .map(|(i, &w)| (w, i as u32))
            .collect();
        v.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(v.len());
        let mut i = 0;
        while i < v.len() {
            let mut j = i + 1;
            while j < v.len() && v[j].0 == v[i].0 {
                j += 1;
            }
            if j == i + 1 {
                out.push(v[i]);
            }
            i = j;
        }
        out
    };
    let (oa, ob) = (once(&a.seq), once(&b.seq));
    // (position in a, position in b) of each word used once in both.
    let mut common: Vec<(u32, u32)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < oa.len() && j < ob.len() {
        match oa[i].0.cmp(&ob[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common.push((oa[i].1, ob[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    if common.len() < ORDER_MIN_WORDS {
        return (0, 0);
    }
    common.sort_unstable();
    let mut by_b: Vec<u32> = common.iter().map(|c| c.1).collect();
    by_b.sort_unstable();
    let rank: Vec<usize> = common
        .iter()
        .map(|c| by_b.binary_search(&c.1).expect("present"))
        .collect();
    let broken = rank.windows(2).filter(|w| w[0].abs_diff(w[1]) != 1).count();
    (broken, rank.len() - 1)
}

/// Share of `part`'s content words that sit in sentences restated in `whole` (each sentence with
/// at least [`SENTENCE_MATCH`] of its distinct content words among `whole_stems`, sorted).
/// Sentences too short to judge are left out of both counts; 0 when none is long enough.
pub fn sentence_cover(part: &Features, whole_stems: &[u32]) -> f64 {
    let (mut covered, mut total) = (0usize, 0usize);
    for sentence in part.sentence_slices() {
        let (n, found) = distinct_found(sentence, whole_stems);
        if n < SENTENCE_MIN_STEMS {
            continue;
        }
        total += n;
        if found as f64 >= SENTENCE_MATCH * n as f64 {
            covered += n;
        }
    }
    if total == 0 {
        0.0
    } else {
        covered as f64 / total as f64
    }
}

/// Distinct words of `sentence`, and how many of them are in `sorted`.
fn distinct_found(sentence: &[u32], sorted: &[u32]) -> (usize, usize) {
    let mut words: Vec<u32> = sentence.to_vec();
    words.sort_unstable();
    words.dedup();
    let found = words
        .iter()
        .filter(|w| sorted.binary_search(w).is_ok())
        .count();
    (words.len(), found)
}

/// Which sentences of `whole` are restated in `part` (a bit per sentence, the first 64).
fn sentences_restated(whole: &Features, part_stems: &[u32]) -> u64 {
    let mut bits = 0u64;
    for (i, sentence) in whole.sentence_slices().enumerate().take(64) {
        let (n, found) = distinct_found(sentence, part_stems);
        if n >= SENTENCE_MIN_STEMS && found as f64 >= SENTENCE_MATCH * n as f64 {
            bits |= 1 << i;
        }
    }
    bits
}

/// Word 3-shingle Jaccard of two paragraphs (order-sensitive; the PAWS baseline's measure).
pub fn shingle_jaccard(a: &Features, b: &Features) -> f64 {
    jaccard(&shingles3(&a.words), &shingles3(&b.words))
}

/// Content-stem Jaccard of two paragraphs (order-blind).
pub fn stem_jaccard(a: &Features, b: &Features) -> f64 {
    let inter = sorted_intersection(&a.stems, &b.stems);
    let union = a.stems.len() + b.stems.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn is_prefix(short: &[u32], long: &[u32]) -> bool {
    short.len() < long.len() && long.starts_with(short)
}

fn shingles3(words: &[u32]) -> Vec<u64> {
    let mut v: Vec<u64> = words
        .windows(3)
        .map(|w| (u64::from(w[0]) << 32 | u64::from(w[1])).rotate_left(17) ^ u64::from(w[2]))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let inter = sorted_intersection(a, b);
    inter as f64 / (a.len() + b.len() - inter) as f64
}

fn sorted_intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::features;
    use super::*;

    fn v(a: &str, b: &str) -> Option<&'static str> {
        let names = FolderNames {
            proper: ["belarus", "lithuania"]
                .map(super::super::features::name_key)
                .into_iter()
                .collect(),
            common: AHashSet::new(),
        };
        verify(&features(a), &features(b), &names, Settings::default()).map(|v| v.method)
    }

    const ORIGINAL: &str = "Belarus freed 52 political prisoners on Thursday as the United States lifted sanctions on the national airline, officials said.";

    #[test]
    fn copies_edits_and_cuts_link() {
        assert_eq!(
            v(ORIGINAL, "Belarus freed 52 political prisoners on Thursday as the United States lifted sanctions on its national airline, officials said."),
            Some(NEAR)
        );
        assert_eq!(
            v(
                ORIGINAL,
                "Belarus freed 52 political prisoners on Thursday as the United States lifted"
            ),
            Some(TRUNCATED)
        );
        assert_eq!(
            v(ORIGINAL, "On Thursday Belarus released 52 political detainees as the United States eased sanctions against the national carrier, officials said."),
            Some(PARAPHRASE)
        );
    }

    #[test]
    fn acronyms_and_dropped_subjects_link() {
        // "U.S." is "United States"; a dateline is no evidence either way.
        assert_eq!(
            v(
                "VILNIUS, Lithuania (AP) — Belarus freed 52 political prisoners on Thursday, as the United States announced it was lifting some sanctions on the isolated country's national airline.",
                "VILNIUS, Lithuania (AP) — The U.S. said it was removing some sanctions on the national airline of the isolated nation, while Belarus released 52 political prisoners on Thursday."
            ),
            Some(PARAPHRASE)
        );
        // A name replaced by a pronoun is dropped, not swapped.
        assert!(v(
            "Lithuania said the prisoners left behind barbed wire, barred windows and constant fear in the camps.",
            "It said the prisoners left behind barbed wire, barred windows and constant fear in the camps."
        )
        .is_some());
        // The same dateline does not make two facts one.
        assert_eq!(
            v(
                "VILNIUS, Lithuania (AP) — Belarus freed 52 political prisoners on Thursday, as the United States announced it was lifting some sanctions on the isolated country's national airline.",
                "VILNIUS, Lithuania (AP) — Belarus has freed 52 prisoners, and they have crossed into Lithuania, the Lithuanian president said Thursday."
            ),
            None
        );
    }

    const WHOLE: &str = "Lukashenko's reelection in August 2020 was widely seen as rigged and set off the largest protests in the country's history, with marches in every regional capital and strikes at state factories for several weeks. In the crackdown that followed, tens of thousands were detained and many were beaten by police. Prominent opposition figures fled the country or were imprisoned.";

    #[test]
    fn a_paragraph_restating_sentences_of_a_longer_one_is_contained() {
        assert_eq!(
            v(
                "During the subsequent crackdown, police beat many of the tens of thousands of people who were detained. Prominent opposition leaders were imprisoned or fled the country.",
                WHOLE
            ),
            Some(CONTAINED)
        );
        // One sentence of it is not enough when the part says more.
        assert_eq!(
            v(
                "Police beat many of the tens of thousands who were detained. The new stadium in Minsk will open next spring with a concert by the national orchestra.",
                WHOLE
            ),
            None
        );
    }

    fn para(doc: &str, line: usize, text: &str) -> DocPrint {
        let f = features(text);
        DocPrint {
            doc: doc.into(),
            paragraphs: vec![crate::dedup::ParaPrint {
                line,
                hash: crate::dedup::fingerprint::hash_str(&crate::dedup::normalize(text)),
                chars: text.chars().count(),
                features: f,
            }],
            ..DocPrint::default()
        }
    }

    #[test]
    fn a_merge_of_two_paragraphs_does_not_join_their_groups() {
        // c merges a's and b's sentences: it links to a (its first sentence), and b stays with
        // d, its own restatement.
        let a = "Nauseda said the freed prisoners had left behind barbed wire, barred windows and constant fear at the camps.";
        let b = "Almost 1,200 political prisoners remain behind bars in Belarus, according to the rights group Viasna.";
        let c = "Nauseda said the freed prisoners had left behind barbed wire, barred windows and constant fear at the camps. Almost 1,200 political prisoners remain behind bars in Belarus, according to Viasna.";
        let d = "According to Viasna, there are still nearly 1,200 political prisoners behind bars in Belarus.";
        let docs = vec![
            para("a", 1, a),
            para("b", 1, b),
            para("c", 1, c),
            para("d", 1, d),
        ];
        let links = find(&docs, Settings::default());
        let pairs: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (l.from.doc.as_str(), l.kept.doc.as_str()))
            .collect();
        assert!(pairs.contains(&("c", "a")), "{pairs:?}");
        assert!(pairs.contains(&("d", "b")), "{pairs:?}");
        assert!(!pairs.iter().any(|p| p.1 == "c"), "{pairs:?}");
    }

    #[test]
    fn a_common_word_swapped_inside_a_name_is_no_other_name() {
        let orig = "The fire was put out by the ship’s own sprinkler system within 40 minutes, according to the Marine Accident Board, which has opened an investigation.";
        let spun = "The blaze was snuffed out by the vessel’s very own sprinkler system within 40 mins, according to the Marine Crash Board, which has actually opened up an investigation.";
        let other = "The fire was put out by the ship’s own sprinkler system within 40 minutes, according to the Marine Safety Board, which has opened an investigation.";
        // The folder writes "accident" and "crash" in lower case elsewhere, "safety" nowhere.
        let elsewhere = "Nobody was hurt in the crash, and the accident is the first on the line.";
        let f = [orig, spun, other, elsewhere].map(features);
        let names = FolderNames::of(f.iter());
        let s = Settings::default();
        assert_eq!(
            verify(&f[0], &f[1], &names, s).map(|v| v.method),
            Some(PARAPHRASE)
        );
        // "Safety" is only ever a name here: another board, not a spinner's synonym.
        assert_eq!(verify(&f[1], &f[2], &names, s).map(|v| v.method), None);
        // Without the lower-case evidence, "Crash" and "Accident" are two names.
        let bare = FolderNames::of(f[..3].iter());
        assert_eq!(verify(&f[0], &f[1], &bare, s).map(|v| v.method), None);
    }

    #[test]
    fn different_facts_never_link() {
        // A number changed.
        assert_eq!(
            v(ORIGINAL, "Belarus freed 25 political prisoners on Thursday as the United States lifted sanctions on the national airline, officials said."),
            None
        );
        // Another country.
        assert_eq!(
            v(ORIGINAL, "Lithuania freed 52 political prisoners on Thursday as the United States lifted sanctions on the national airline, officials said."),
            None
        );
        // Same topic, another fact.
        assert_eq!(
            v(ORIGINAL, "The prisoners were taken by bus to the Lithuanian border, where relatives waited for them."),
            None
        );
    }

    #[test]
    fn same_words_in_another_order_do_not_link() {
        // PAWS-style traps: the words stay, who did what to whom changes.
        let flight = "The daily flight from Vilnius to Riga was cancelled after the storm, and the airline said it would refund passengers.";
        assert_eq!(
            v(flight, "The daily flight from Riga to Vilnius was cancelled after the storm, and the airline said it would refund passengers."),
            None
        );
        assert_eq!(
            v("The council approved the budget of the school before the mayor rejected the plan of the library in March.",
              "The mayor approved the plan of the school before the council rejected the budget of the library in March."),
            None
        );
        // Clauses moved whole keep their words' order: still a restatement.
        assert!(v(flight, "The airline said it would refund passengers, and the daily flight from Vilnius to Riga was cancelled after the storm.").is_some());
        assert!(
            v("Belarus freed 52 political prisoners on Thursday after talks in Minsk, as the United States lifted sanctions on the national airline of the isolated country.",
              "As the United States lifted sanctions on the national airline of the isolated country, Belarus freed 52 political prisoners after talks in Minsk on Thursday.")
            .is_some());
    }

    #[test]
    fn order_kept_counts_broken_adjacencies() {
        let f = |t: &str| features(t);
        let a = f("alpha bravo charlie delta echo foxtrot golf hotel");
        assert_eq!(order_kept(&a, &a), 1.0);
        // Two blocks swapped: one adjacency of seven broken.
        let moved = f("echo foxtrot golf hotel alpha bravo charlie delta");
        assert!((order_kept(&a, &moved) - 6.0 / 7.0).abs() < 1e-9);
        // An adjacent pair reversed breaks the adjacencies at its two ends, not its own.
        let swapped = f("alpha bravo delta charlie echo foxtrot golf hotel");
        assert!((order_kept(&a, &swapped) - 5.0 / 7.0).abs() < 1e-9);
        // Scrambled.
        let scrambled = f("charlie golf alpha echo hotel bravo foxtrot delta");
        assert!(order_kept(&a, &scrambled) < 0.5);
    }
}
