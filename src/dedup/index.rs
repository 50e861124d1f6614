//! Candidate pairs for the near-duplicate stage, and the [`Link`] type it emits.
//!
//! [`super::near::find`] reads candidates -> verify -> groups; this module is the first step:
//! which pairs of paragraphs (one per distinct text) are worth handing to
//! [`super::near::verify`]. Candidates are only candidates, the verifier decides; a route must
//! not miss a pair the verifier would accept, nor propose so many that the cost grows faster
//! than the folder. Two routes, unioned by [`candidates`]:
//!
//! - **MinHash bands** (`minhash_candidates`), for near-duplicates: copies with a few words
//!   edited, cut copies. Each paragraph's tokens (content stems and numbers) are banded
//!   `BANDS` times on the `ROWS` smallest values under a seeded permutation; paragraphs that
//!   share a band key are kept when their token Jaccard is at least `MIN_JACCARD`. On
//!   `bench-dedup`'s generated copies (1-5 word edits, cuts keeping >= 60% of the words) 99.8%
//!   of the pairs the verifier accepts have a token Jaccard >= 0.5, and 4 rows keep the buckets
//!   small on a vocabulary where every stem is common (a Markov chain over 3,720 paragraphs: at
//!   1M paragraphs a paragraph's rarest token is in a median 313 paragraphs, only 12% of
//!   paragraphs have one in 64 or fewer, and the median token of a paragraph is in 11,778, so
//!   neither rare-word caps nor prefix filtering on the rarer half of the tokens stay small).
//!   3 rows made buckets grow with the folder (42M bucket pairs at 1M against 10M with 4).
//!   Work is linear in the paragraphs: keys, one sort per band, bucket pairs.
//! - **Rare-word anchors** (`anchor_candidates`), for paraphrases that share few words but the
//!   rare ones (names, numbers, unusual stems): two shared words among each paragraph's
//!   rarest, each in at most `max_anchor_df` paragraphs.
//!
//! Why no simhash. The project first named the `simhash` crate; it hashes whitespace-split
//! words, unweighted, with SipHash, and offers no index. A paraphrase keeps a paragraph's rare
//! words and swaps its common ones, so common words must weigh less (IDF over the folder), and
//! a folder of a million paragraphs needs an index, not all pairs. Until the MinHash bands, this
//! stage had its own simhash for that: stems, names and numbers weighted by IDF, and a Hamming
//! index of 28 tables keyed on pairs of 8-bit blocks (any two hashes within 6 bits share a key
//! in one table). It was dropped, measured: with the bands and the anchors in place it found no
//! link they miss on the tuning corpus, the seeds or `scripts/eval-links --pairs 3000
//! --real-only` (output identical with and without it), and 6 more correct links of 27,725 at
//! `bench-dedup` 100k (recall 0.9184 against 0.9182), while at 1M it cost 5.0 s
//! single-threaded (simhash 2.65 s, the index 2.36 s with a quadratic term: a 16-bit key puts
//! N/65,536 hashes in a bucket), and a few word edits move a 64-bit simhash of a 20-60 word
//! paragraph more than 6 bits (recall 0.57 at 1M when it was the near-duplicate route).
//! `max_hamming` in `[dedup]` is read and ignored.

use super::features::Features;
use super::near::Settings;
use crate::model::LineRef;
use ahash::AHashMap;
use rayon::prelude::*;
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

/// Pairs of paragraphs to verify, as indices into `paras` (one paragraph per distinct text),
/// each pair once with the smaller index first, sorted. The same for any thread count.
pub fn candidates(paras: &[&Features], s: Settings) -> Vec<(u32, u32)> {
    let table = TokenTable::new(paras);
    let mut pairs: Vec<u64> = minhash_candidates(&table);
    drop(table);
    let df = document_frequency(paras);
    pairs.extend(
        anchor_candidates(paras, &df, s.max_anchor_df)
            .into_iter()
            .map(|(a, b)| u64::from(a) << 32 | u64::from(b)),
    );
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|p| ((p >> 32) as u32, p as u32))
        .collect()
}

/// MinHash bands, and the values each band is keyed on.
const BANDS: usize = 40;
const ROWS: usize = 4;
/// Band pairs are kept at this token Jaccard or more.
const MIN_JACCARD: f64 = 0.5;
/// In a bucket, each paragraph is paired with at most this many that follow it. Buckets stay
/// small on text (279 at most at `bench-dedup` 1M), but thousands of variants of one line that
/// differ only in stop words or punctuation share every band: they still join each other
/// through their neighbours, and the cost stays linear.
const MAX_BUCKET_REACH: usize = 1000;
/// Fixed seed of the band permutations (seeded hashing: the same candidates in every run).
const MINHASH_SEED: u64 = 0x5107_5157_d1ce_ba5e;
/// Bands keyed in one pass over the paragraphs (each paragraph's tokens read once for this many
/// bands; the keys of one block are held, `4 * BLOCK` bytes a paragraph).
const BLOCK: usize = 8;

/// The tokens a paragraph is banded on: its content stems and its numbers (names are stems too;
/// whether a word counts as a name depends on its neighbours, which an edit changes).
fn tokens(f: &Features) -> impl Iterator<Item = u32> + '_ {
    f.stems
        .iter()
        .copied()
        .chain(f.numbers.iter().map(|&x| x ^ NUMBER_SALT))
}

/// Every paragraph's [`tokens`], sorted, in one flat array (paragraph `i`:
/// `tok[off[i]..off[i + 1]]`): the band keys read them in order and a Jaccard check reads two
/// short runs, where the `Features` vectors are scattered over the heap.
struct TokenTable {
    off: Vec<u64>,
    tok: Vec<u32>,
}

impl TokenTable {
    fn new(paras: &[&Features]) -> TokenTable {
        let chunks: Vec<(Vec<u32>, Vec<u32>)> = paras
            .par_chunks(4096)
            .map(|chunk| {
                let (mut lens, mut tok) = (Vec::with_capacity(chunk.len()), Vec::new());
                for f in chunk {
                    let start = tok.len();
                    tok.extend(tokens(f));
                    tok[start..].sort_unstable();
                    lens.push((tok.len() - start) as u32);
                }
                (lens, tok)
            })
            .collect();
        let mut off = Vec::with_capacity(paras.len() + 1);
        off.push(0u64);
        let mut tok = Vec::with_capacity(chunks.iter().map(|c| c.1.len()).sum());
        for (lens, t) in chunks {
            for len in lens {
                off.push(off[off.len() - 1] + u64::from(len));
            }
            tok.extend_from_slice(&t);
        }
        TokenTable { off, tok }
    }

    fn get(&self, i: usize) -> &[u32] {
        &self.tok[self.off[i] as usize..self.off[i + 1] as usize]
    }

    fn len(&self) -> usize {
        self.off.len() - 1
    }
}

/// The keys of bands `first..first + BLOCK` of one paragraph: per band, the [`ROWS`] smallest
/// values of the tokens under the permutation `x -> (a * mix(x)) >> 32` (multiply-shift over a
/// seeded 64-bit mix of the token), mixed into 32 bits.
fn band_keys(tokens: &[u32], mult: &[u64; BLOCK]) -> [u32; BLOCK] {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { band_keys_avx2(tokens, mult) };
    }
    band_keys_generic(tokens, mult)
}

/// [`band_keys`] compiled for AVX2 (the eight bands' min/max network in one vector register):
/// the same integer arithmetic, so the same keys (bench-dedup 300k, one thread: find CPU 3.85 ->
/// 3.47 s).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn band_keys_avx2(tokens: &[u32], mult: &[u64; BLOCK]) -> [u32; BLOCK] {
    band_keys_generic(tokens, mult)
}

#[inline(always)]
fn band_keys_generic(tokens: &[u32], mult: &[u64; BLOCK]) -> [u32; BLOCK] {
    // Per band the smallest values, ascending (tokens are distinct, and so, but for a 32-bit
    // collision, are their values).
    let mut low = [[i32::MAX; BLOCK]; ROWS];
    for &x in tokens {
        let m = splitmix64(u64::from(x) ^ MINHASH_SEED);
        let mut v = [0i32; BLOCK];
        for (v, a) in v.iter_mut().zip(mult) {
            *v = (a.wrapping_mul(m) >> 32) as i32;
        }
        // Insert into each band's ascending list, branch-free: min/max down the rows.
        for row in low.iter_mut() {
            for (l, v) in row.iter_mut().zip(v.iter_mut()) {
                let (lo, hi) = ((*l).min(*v), (*l).max(*v));
                *l = lo;
                *v = hi;
            }
        }
    }
    let mut keys = [0u32; BLOCK];
    for (band, key) in keys.iter_mut().enumerate() {
        *key = low.iter().fold(MINHASH_SEED, |acc, row| {
            splitmix64(acc ^ u64::from(row[band] as u32))
        }) as u32;
    }
    keys
}

/// Jaccard similarity of two sorted token lists.
fn jaccard(x: &[u32], y: &[u32]) -> f64 {
    let inter = sorted_intersection(x, y);
    let union = x.len() + y.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn sorted_intersection(x: &[u32], y: &[u32]) -> usize {
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter
}

/// Pairs that share a MinHash band and whose token Jaccard is at least [`MIN_JACCARD`], packed
/// `a << 32 | b` with `a < b`, sorted, each once.
fn minhash_candidates(table: &TokenTable) -> Vec<u64> {
    let n = table.len();
    let mut pairs: Vec<u64> = Vec::new();
    let mut deduped = 0;
    // Per band: (key << 32 | paragraph), sorted, so that a bucket is a run of equal keys.
    let mut entries: Vec<u64> = Vec::with_capacity(n);
    let mut keys: Vec<[u32; BLOCK]> = Vec::new();
    for band in 0..BANDS {
        let col = band % BLOCK;
        if col == 0 {
            let mut mult = [0u64; BLOCK];
            for (k, m) in mult.iter_mut().enumerate() {
                *m = splitmix64(MINHASH_SEED ^ (band + k) as u64) | 1;
            }
            keys.clear();
            keys.par_extend(
                (0..n)
                    .into_par_iter()
                    .map(|i| band_keys(table.get(i), &mult)),
            );
        }
        entries.clear();
        entries.par_extend(
            keys.par_iter()
                .enumerate()
                .filter(|&(i, _)| !table.get(i).is_empty())
                .map(|(i, k)| u64::from(k[col]) << 32 | i as u64),
        );
        entries.par_sort_unstable();
        // Chunks of whole buckets, scanned in parallel.
        let mut bounds = vec![0];
        let step = entries.len() / 64 + 1;
        while bounds[bounds.len() - 1] < entries.len() {
            let mut end = (bounds[bounds.len() - 1] + step).min(entries.len());
            while end < entries.len() && entries[end] >> 32 == entries[end - 1] >> 32 {
                end += 1;
            }
            bounds.push(end);
        }
        let (keys, entries) = (&keys, &entries);
        let found: Vec<Vec<u64>> = bounds
            .par_windows(2)
            .map(|w| bucket_pairs(&entries[w[0]..w[1]], table, keys, col))
            .collect();
        pairs.extend(found.into_iter().flatten());
        // The same pair is met in several blocks: dedup whenever the list has doubled.
        if pairs.len() > 2 * deduped.max(1 << 16) {
            pairs.par_sort_unstable();
            pairs.dedup();
            deduped = pairs.len();
        }
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs kept from a run of whole buckets of band `col` of the current block.
fn bucket_pairs(
    entries: &[u64],
    table: &TokenTable,
    keys: &[[u32; BLOCK]],
    col: usize,
) -> Vec<u64> {
    let mut out = Vec::new();
    for bucket in entries.chunk_by(|a, b| a >> 32 == b >> 32) {
        for (k, &x) in bucket.iter().enumerate() {
            let x = (x & 0xffff_ffff) as usize;
            let (kx, tx) = (&keys[x][..col], table.get(x));
            let end = bucket.len().min(k + 1 + MAX_BUCKET_REACH);
            for &y in &bucket[k + 1..end] {
                let y = (y & 0xffff_ffff) as usize;
                // Met in an earlier band of this block: judged there.
                if kx.iter().zip(&keys[y][..col]).any(|(a, b)| a == b) {
                    continue;
                }
                let ty = table.get(y);
                // Size bound first: the Jaccard is at most the smaller over the larger.
                let (lo, hi) = (tx.len().min(ty.len()), tx.len().max(ty.len()));
                if (lo as f64) < MIN_JACCARD * hi as f64 {
                    continue;
                }
                if jaccard(tx, ty) >= MIN_JACCARD {
                    out.push((x as u64) << 32 | y as u64);
                }
            }
        }
    }
    out
}

/// Salts that keep a name, a number and a stem with the same spelling apart.
const NAME_SALT: u32 = 0x9e37_79b9;
const NUMBER_SALT: u32 = 0x85eb_ca6b;

/// The weighted features of a paragraph: stems, names and numbers, each once.
fn weighted(f: &Features) -> impl Iterator<Item = u32> + '_ {
    f.stems
        .iter()
        .copied()
        .chain(f.names.iter().map(|&x| x ^ NAME_SALT))
        .chain(f.numbers.iter().map(|&x| x ^ NUMBER_SALT))
}

/// In how many paragraphs each feature occurs.
fn document_frequency(paras: &[&Features]) -> AHashMap<u32, u32> {
    let mut df: AHashMap<u32, u32> = AHashMap::new();
    for f in paras {
        for x in weighted(f) {
            *df.entry(x).or_default() += 1;
        }
    }
    df
}

/// A fixed 64-bit mix (seeded hashing: the same feature gives the same bits in every run).
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The second route, for paraphrases that share too few words for simhash: paragraphs that
/// share two of their rarest words (names, numbers, unusual stems, each in at most
/// `max_df` paragraphs). Buckets are small because the words are rare.
fn anchor_candidates(paras: &[&Features], df: &AHashMap<u32, u32>, max_df: u32) -> Vec<(u32, u32)> {
    const ANCHORS: usize = 10;
    let mut buckets: AHashMap<u32, Vec<u32>> = AHashMap::new();
    for (i, f) in paras.iter().enumerate() {
        let mut rare: Vec<(u32, u32)> = weighted(f)
            .map(|x| (df.get(&x).copied().unwrap_or(1), x))
            .filter(|&(d, _)| d >= 2 && d <= max_df)
            .collect();
        rare.sort_unstable();
        for &(_, x) in rare.iter().take(ANCHORS) {
            buckets.entry(x).or_default().push(i as u32);
        }
    }
    let mut shared: AHashMap<(u32, u32), u8> = AHashMap::new();
    for bucket in buckets.values() {
        for (k, &i) in bucket.iter().enumerate() {
            for &j in &bucket[k + 1..] {
                let e = shared.entry((i.min(j), i.max(j))).or_default();
                *e = e.saturating_add(1);
            }
        }
    }
    shared
        .into_iter()
        .filter(|&(_, c)| c >= 2)
        .map(|(pair, _)| pair)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::features::features;
    use super::*;

    const ORIGINAL: &str = "The council voted on Tuesday to close the old river bridge for repairs after engineers found cracks in two of its steel supports.";

    /// Unrelated paragraphs around the pairs under test: a few hundred, from a tiny vocabulary
    /// so that they share words (and band keys) with each other.
    fn noise(n: usize) -> Vec<String> {
        const WORDS: &[&str] = &[
            "council", "bridge", "river", "police", "school", "budget", "mayor", "report",
            "minister", "hospital", "market", "storm", "court", "election", "workers", "company",
            "road", "water", "season", "team", "village", "museum", "train", "festival",
        ];
        (0..n)
            .map(|i| {
                let mut x = splitmix64(i as u64);
                let words: Vec<&str> = (0..14)
                    .map(|_| {
                        x = splitmix64(x);
                        WORDS[(x % WORDS.len() as u64) as usize]
                    })
                    .collect();
                format!("The {} said.", words.join(" and "))
            })
            .collect()
    }

    fn candidates_of(texts: &[String]) -> Vec<(u32, u32)> {
        let f: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let refs: Vec<&Features> = f.iter().collect();
        candidates(&refs, Settings::default())
    }

    #[test]
    fn edited_and_cut_copies_are_candidates() {
        let mut texts = noise(300);
        let edited = ORIGINAL
            .replace("old river", "old")
            .replace("found", "discovered");
        let cut = ORIGINAL.split(' ').take(15).collect::<Vec<_>>().join(" ");
        texts.insert(10, ORIGINAL.to_string());
        texts.insert(150, edited);
        texts.push(cut);
        let last = texts.len() as u32 - 1;
        let pairs = candidates_of(&texts);
        assert!(pairs.contains(&(10, 150)), "edited copy");
        assert!(pairs.contains(&(10, last)), "cut copy");
        assert!(pairs.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
        assert!(pairs.iter().all(|&(a, b)| a < b));
    }

    #[test]
    fn candidates_do_not_depend_on_the_thread_count() {
        let mut texts = noise(2000);
        texts.push(ORIGINAL.to_string());
        texts.push(ORIGINAL.replace("Tuesday", "Monday"));
        let run = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool")
                .install(|| candidates_of(&texts))
        };
        let one = run(1);
        assert!(!one.is_empty());
        assert_eq!(one, run(3));
    }
}
