//! The paraphrase verifier on PAWS (word-scrambled sentence pairs, human labels): how often it
//! links what PAWS calls "not a paraphrase" (same words, another meaning), AUC of its score, and
//! the word 3-shingle Jaccard baseline measured the same way.
//!
//!     cargo run --release --bin eval-paws [-- FILE.tsv.gz]   (default: ../shared/data/paraphrase/paws-dev.tsv.gz)

use std::io::BufRead;
use storysift::dedup::features::features;
use storysift::dedup::near::{
    order_kept, shingle_jaccard, stem_jaccard, verify, FolderNames, Settings,
};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/paraphrase/paws-dev.tsv.gz".into());
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("eval-paws: {path}: {e}");
        std::process::exit(2)
    });
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    // (label, verifier links?, verifier score, baseline score)
    let mut rows: Vec<(bool, bool, f64, f64)> = Vec::new();
    for line in reader.lines().skip(1) {
        let line = line.expect("readable gzip text");
        let mut cols = line.split('\t');
        let (Some(label), Some(a), Some(b)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let (fa, fb) = (features(a), features(b));
        // One pair is a folder of two sentences: their mid-sentence names are the known names.
        let names = FolderNames::of([&fa, &fb].into_iter());
        let verdict = verify(&fa, &fb, &names, Settings::default());
        // Rank: verified pairs above unverified ones, each group by its similarity (for the
        // unverified ones the verifier's two measures: shared stems, and their order kept).
        let score = match verdict {
            Some(v) => 1.0 + v.score,
            None => stem_jaccard(&fa, &fb) * order_kept(&fa, &fb),
        };
        rows.push((
            label == "1",
            verdict.is_some(),
            score,
            shingle_jaccard(&fa, &fb),
        ));
    }
    let pos = rows.iter().filter(|r| r.0).count();
    let linked = rows.iter().filter(|r| r.1).count();
    let tp = rows.iter().filter(|r| r.0 && r.1).count();
    let precision = tp as f64 / linked.max(1) as f64;
    let recall = tp as f64 / pos.max(1) as f64;
    println!("{path}: {} pairs, {pos} paraphrases", rows.len());
    println!(
        "verifier links {linked}: precision {precision:.3}, recall {recall:.3}, F1 {:.3}; non-paraphrases linked {} of {}",
        2.0 * precision * recall / (precision + recall).max(f64::EPSILON),
        linked - tp,
        rows.len() - pos
    );
    println!("AUC verifier score {:.3}", auc(&rows, |r| r.2));
    println!(
        "AUC word 3-shingle Jaccard (baseline) {:.3}",
        auc(&rows, |r| r.3)
    );
}

/// Area under the ROC curve: the chance a random paraphrase outscores a random
/// non-paraphrase (ties count half).
fn auc(rows: &[(bool, bool, f64, f64)], score: impl Fn(&(bool, bool, f64, f64)) -> f64) -> f64 {
    let mut v: Vec<(f64, bool)> = rows.iter().map(|r| (score(r), r.0)).collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < v.len() {
        let mut j = i;
        while j < v.len() && v[j].0 == v[i].0 {
            j += 1;
        }
        let mid = (i + j + 1) as f64 / 2.0; // average 1-based rank of the tie block
        rank_sum += mid * v[i..j].iter().filter(|x| x.1).count() as f64;
        i = j;
    }
    let p = v.iter().filter(|x| x.1).count() as f64;
    let n = v.len() as f64 - p;
    (rank_sum - p * (p + 1.0) / 2.0) / (p * n)
}
