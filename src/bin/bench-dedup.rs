//! `bench-dedup`: the near-duplicate stage alone, at scale: generate N labelled paragraphs, compute
//! their fingerprints and features, run [`storysift::dedup::near::find`] over them, and score the
//! links against the truth (issue 5's scale target; `scripts/bench-dedup` runs it and writes the
//! BENCHMARKS.md rows).
//!
//! The paragraphs. Originals are the real Wikinews paragraphs of
//! `../shared/data/news-text/wikinews-2019-2020.jsonl.gz` (filtered as `gen-corpus` does: at
//! least 8 words, no captions or tables, no exact repeats; about 5k), then synthetic paragraphs of
//! 1-4 sentences from a word-level Markov chain over them (order 2 with back-off: `gen-corpus`'s
//! `Chain`, shared through `src/bin/gen_corpus/text.rs`, numbers redrawn). `--dup-pct` percent of the N paragraphs (default 30)
//! are copies of a uniformly drawn original: 75% with 1-5 word edits (substitute, insert, delete,
//! swap two neighbours: `gen-corpus`'s `edit_words`), 25% a cut prefix keeping at least 60% of the
//! words (originals of at least 10 words; shorter ones get word edits). Several copies of one
//! original are possible. Positions are shuffled, and every `--per-doc` consecutive paragraphs
//! (default 10) form one [`DocPrint`] (`d00000000`, lines 1..K, no headline), as the pipeline
//! hands documents to `find`.
//!
//! The truth: a copy is in its original's group. Real paragraphs that are near copies of each
//! other (Wikinews follow-ups repeat background; word 3-shingle containment >= 0.5, as
//! `gen-corpus pairs` groups them) share a group. Synthetic originals are not grouped: when the
//! Markov chain happens to make two near-identical paragraphs, a link between them counts as wrong,
//! and the summary says how many of the wrong links join texts that share half of their word
//! 3-shingles ("generator near-copies").
//!
//! Scores. A link `from -> kept` is correct when both are in one truth group. Truth duplicates =
//! N - number of groups (each group of g paragraphs needs g-1 links); recall = correct links /
//! truth duplicates; precision = correct links / links; false merges = distinct pairs of truth
//! groups joined by a wrong link. Per kind, a copy is found when correct links connect it to its
//! original.
//!
//! Determinism: every paragraph is a pure function of (seed, index); generation runs on rayon in
//! chunks, so the texts (and the truth) are the same for any `--jobs`, and memory holds the
//! texts of one chunk only, plus the fingerprints.
//!
//! Phases, timed separately (std::time::Instant, wall): `gen` (not part of the stage), `hash`
//! (normalize + seeded hash + char count per paragraph, as `dedup::fingerprint` does), `features`
//! (`dedup::features::features`), both on rayon; `find`. Memory: VmRSS before `find` and VmHWM
//! during it (the peak is reset through /proc/self/clear_refs when the kernel allows it); the
//! whole process's peak is what `/usr/bin/time -v` says (scripts/bench-dedup).
//!
//! Output: one JSON line on stdout, a human summary on stderr.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ahash::{AHashMap, AHashSet};
use anyhow::{bail, Context, Result};
use clap::Parser;
use flate2::read::GzDecoder;
use rayon::prelude::*;
use storysift::dedup::features::{features, Features};
use storysift::dedup::fingerprint::hash_str;
use storysift::dedup::{near, normalize, DocPrint, ParaPrint};

// gen-corpus's random streams, Markov chain, word edits and shingles: one copy for both programs.
#[path = "gen_corpus/text.rs"]
#[allow(dead_code)] // headlines and the spinner's helpers are gen-corpus's alone
mod text;
use text::{shingles, Chain, Rng};

/// Generate labelled near-duplicate paragraphs, run the dedup stage on them, score and time it.
#[derive(Parser, Debug)]
#[command(name = "bench-dedup")]
struct Args {
    /// Paragraphs to generate (originals and copies).
    #[arg(long, default_value_t = 100_000)]
    paras: usize,
    /// Seed; a given seed, source and N give the same paragraphs.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Percent of the paragraphs that are copies of an original (word edits or a cut prefix).
    #[arg(long, default_value_t = 30)]
    dup_pct: u32,
    /// Paragraphs per document handed to `near::find` (lines 1..K of one DocPrint).
    #[arg(long, default_value_t = 10)]
    per_doc: usize,
    /// The Wikinews JSONL.gz the originals and the Markov chain come from.
    #[arg(long, default_value = DEFAULT_SOURCE)]
    source: PathBuf,
    /// Also write the paragraphs, in position order, as JSONL
    /// (`{"i", "group", "kind", "text"}`) for scripts/bench-dedup-datasketch.py.
    #[arg(long)]
    dump: Option<PathBuf>,
    /// Only generate (and --dump); no fingerprints, no find.
    #[arg(long)]
    gen_only: bool,
    /// Print up to this many missed copies and wrong links, with their texts, on stderr.
    #[arg(long, default_value_t = 0)]
    examples: usize,
    /// Worker threads (0 = all cores).
    #[arg(long, default_value_t = 0)]
    jobs: usize,
}

const DEFAULT_SOURCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/news-text/wikinews-2019-2020.jsonl.gz"
);

/// Paragraphs generated (and fingerprinted) per chunk, in documents: bounds the texts held.
const CHUNK_DOCS: usize = 8192;

fn main() {
    if let Err(e) = run() {
        eprintln!("bench-dedup: {e:#}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    let args = Args::parse();
    if args.paras == 0 || args.per_doc == 0 || args.dup_pct >= 100 {
        bail!("--paras and --per-doc must be at least 1, --dup-pct below 100");
    }
    if args.jobs > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs)
            .build_global()
            .context("building the thread pool")?;
    }
    let t_load = Instant::now();
    let gen = Generator::load(&args)?;
    let load_s = t_load.elapsed().as_secs_f64();
    let truth = Truth::plan(&gen, args.paras);
    let n = args.paras;

    let mut dump = match &args.dump {
        Some(p) => Some(BufWriter::new(
            File::create(p).with_context(|| format!("creating `{}`", p.display()))?,
        )),
        None => None,
    };
    let mut kinds = vec![0u8; n];
    let mut docs: Vec<DocPrint> = Vec::with_capacity(n.div_ceil(args.per_doc));
    let (mut t_gen, mut t_hash, mut t_feat) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    // CPU seconds of the stage (hash + features, find): on a shared machine wall time also
    // measures the neighbours; CPU time that grows linearly while wall time does not says so.
    let mut cpu_features = 0.0;
    let chunk = CHUNK_DOCS * args.per_doc;
    for start in (0..n).step_by(chunk) {
        let end = (start + chunk).min(n);
        let t = Instant::now();
        let texts: Vec<(String, u8)> = (start..end)
            .into_par_iter()
            .map(|p| gen.text(truth.slot[p] as usize))
            .collect();
        t_gen += t.elapsed();
        for (k, (text, kind)) in texts.iter().enumerate() {
            kinds[start + k] = *kind;
            if let Some(out) = dump.as_mut() {
                let line = serde_json::json!({
                    "i": start + k,
                    "group": truth.group[start + k],
                    "kind": kind_name(*kind),
                    "text": text,
                });
                writeln!(out, "{line}").context("writing --dump")?;
            }
        }
        if args.gen_only {
            continue;
        }
        let (t, c) = (Instant::now(), cpu_seconds());
        let hashes: Vec<(u64, usize)> = texts
            .par_iter()
            .map(|(text, _)| {
                let norm = normalize(text);
                (hash_str(&norm), norm.chars().count())
            })
            .collect();
        t_hash += t.elapsed();
        let t = Instant::now();
        let feats: Vec<Features> = texts.par_iter().map(|(text, _)| features(text)).collect();
        t_feat += t.elapsed();
        cpu_features += cpu_seconds() - c;
        drop(texts);
        for (k, ((hash, chars), f)) in hashes.into_iter().zip(feats).enumerate() {
            let p = start + k;
            if p % args.per_doc == 0 {
                docs.push(DocPrint {
                    doc: doc_id(p / args.per_doc),
                    ..DocPrint::default()
                });
            }
            let doc = docs.last_mut().expect("a document per per_doc paragraphs");
            doc.paragraphs.push(ParaPrint {
                line: p % args.per_doc + 1,
                hash,
                chars,
                features: f,
            });
        }
    }
    if let Some(mut out) = dump {
        out.flush().context("writing --dump")?;
    }
    if args.gen_only {
        eprintln!(
            "bench-dedup: generated {n} paragraphs in {:.2} s (source {:.2} s)",
            t_gen.as_secs_f64(),
            load_s
        );
        return Ok(());
    }

    let (print_len, print_cap, print_blocks) = fingerprint_bytes(&docs);
    let settings = storysift::pipeline::load_rules(None)
        .map_err(|e| anyhow::anyhow!("built-in rules: {}", e.0))?
        .dedup;
    let rss_before = proc_status_mb("VmRSS:");
    let peak_reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let (t, c) = (Instant::now(), cpu_seconds());
    let links = near::find(&docs, settings);
    let t_find = t.elapsed();
    let cpu_find = cpu_seconds() - c;
    let find_peak = if peak_reset {
        proc_status_mb("VmHWM:")
    } else {
        None
    };

    let score = Score::of(&links, &truth, &kinds, &docs, &gen, settings, &args);
    let features_s = (t_hash + t_feat).as_secs_f64();
    let find_s = t_find.as_secs_f64();
    let total_s = features_s + find_s;
    let mut methods: std::collections::BTreeMap<&str, usize> = Default::default();
    for l in &links {
        *methods.entry(l.method.as_str()).or_default() += 1;
    }
    let json = serde_json::json!({
        "paras": n,
        "docs": docs.len(),
        "per_doc": args.per_doc,
        "seed": args.seed,
        "dup_pct": args.dup_pct,
        "threads": rayon::current_num_threads(),
        "real_originals": gen.real.len().min(gen.originals),
        "originals": gen.originals,
        "groups": score.groups,
        "truth_dups": score.truth_dups,
        "copies_below_min_chars": score.short_copies,
        "gen_s": round3(t_gen.as_secs_f64()),
        "hash_s": round3(t_hash.as_secs_f64()),
        "features_only_s": round3(t_feat.as_secs_f64()),
        "features_s": round3(features_s),
        "find_s": round3(find_s),
        "total_s": round3(total_s),
        "paras_per_s": (n as f64 / total_s).round(),
        "features_cpu_s": round3(cpu_features),
        "find_cpu_s": round3(cpu_find),
        "links": links.len(),
        "links_by_method": methods,
        "correct": score.correct,
        "wrong": score.wrong,
        "recall": round4(score.recall()),
        "precision": round4(score.precision(links.len())),
        "false_merges": score.false_merges,
        "wrong_generator_near_copies": score.wrong_near_copies,
        "found_by_kind": score.by_kind_json(),
        "missed_copies_verify_accepts": score.missed_verified,
        "fingerprint_bytes_per_para": (print_cap as f64 / n as f64).round(),
        "fingerprint_used_bytes_per_para": (print_len as f64 / n as f64).round(),
        "fingerprint_heap_blocks_per_para": round1(print_blocks as f64 / n as f64),
        "rss_before_find_mb": rss_before.map(round1),
        "find_peak_rss_mb": find_peak.map(round1),
    });
    eprintln!(
        "bench-dedup: {n} paragraphs ({} originals, {} real; {} truth duplicates in {} groups), \
         {} docs of {}, {} threads",
        gen.originals,
        gen.real.len().min(gen.originals),
        score.truth_dups,
        score.groups,
        docs.len(),
        args.per_doc,
        rayon::current_num_threads()
    );
    eprintln!(
        "  time     gen {:.2} s (not counted) | hash {:.2} s + features {:.2} s = {:.2} s | find {:.2} s | \
         stage {:.2} s = {:.0} paragraphs/s",
        t_gen.as_secs_f64(),
        t_hash.as_secs_f64(),
        t_feat.as_secs_f64(),
        features_s,
        find_s,
        total_s,
        n as f64 / total_s
    );
    eprintln!(
        "  cpu      features {cpu_features:.2} s, find {cpu_find:.2} s (all threads, user + system)"
    );
    eprintln!(
        "  links    {} ({}): {} correct, {} wrong ({} between generator near-copies), \
         {} false merges",
        links.len(),
        methods
            .iter()
            .map(|(m, c)| format!("{m} {c}"))
            .collect::<Vec<_>>()
            .join(", "),
        score.correct,
        score.wrong,
        score.wrong_near_copies,
        score.false_merges
    );
    eprintln!(
        "  score    recall {:.4}  precision {:.4}  ({} copies under min_chars)",
        score.recall(),
        score.precision(links.len()),
        score.short_copies
    );
    eprintln!("  by kind  {}", score.by_kind_text());
    eprintln!(
        "  missed   {} copies not connected to their original; near::verify accepts {} of them \
         against it (so the candidates or the grouping lost them)",
        score.missed(),
        score.missed_verified
    );
    eprintln!(
        "  memory   fingerprints {:.0} bytes/paragraph allocated ({:.0} used, {:.1} heap blocks) | \
         RSS before find {} MB, peak during find {} MB",
        print_cap as f64 / n as f64,
        print_len as f64 / n as f64,
        print_blocks as f64 / n as f64,
        rss_before.map_or("?".into(), |m| format!("{m:.0}")),
        find_peak.map_or("? (clear_refs refused)".into(), |m| format!("{m:.0}"))
    );
    println!("{json}");
    Ok(())
}

/// What the paragraph fingerprints take: (bytes used, bytes allocated, heap blocks), each a
/// ParaPrint plus its feature vectors' heap (length or capacity; glibc adds 8-16 bytes a block).
fn fingerprint_bytes(docs: &[DocPrint]) -> (usize, usize, usize) {
    let (mut used, mut allocated, mut blocks) = (0, 0, 0);
    for p in docs.iter().flat_map(|d| &d.paragraphs) {
        let f = &p.features;
        // (length, capacity, element size) of each vector.
        let vecs = [
            (f.words.len(), f.words.capacity(), 4),
            (f.stems.len(), f.stems.capacity(), 4),
            (f.numbers.len(), f.numbers.capacity(), 4),
            (f.names.len(), f.names.capacity(), 4),
            (f.initials.len(), f.initials.capacity(), 4),
            (f.prefixes.len(), f.prefixes.capacity(), 4),
            (f.seq.len(), f.seq.capacity(), 4),
            (f.sentences.len(), f.sentences.capacity(), 4),
            (f.runs.len(), f.runs.capacity(), 8),
        ];
        let size = std::mem::size_of::<ParaPrint>();
        used += size + vecs.iter().map(|v| v.0 * v.2).sum::<usize>();
        allocated += size + vecs.iter().map(|v| v.1 * v.2).sum::<usize>();
        blocks += vecs.iter().filter(|v| v.1 > 0).count();
    }
    (used, allocated, blocks)
}

fn doc_id(d: usize) -> String {
    format!("d{d:08}")
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// User + system CPU seconds of this process so far, all threads (`/proc/self/stat`, in
/// USER_HZ = 100 ticks a second, as on every Linux the project runs on); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The command name (field 2) may hold spaces; the fields after its ')' are plain.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    f.get(11).unwrap_or(&0.0) / 100.0 + f.get(12).unwrap_or(&0.0) / 100.0
}

/// A `/proc/self/status` field in MB (Linux only).
fn proc_status_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

// ---------------------------------------------------------------------------------------------
// Kinds of paragraphs.
// ---------------------------------------------------------------------------------------------

/// `kinds[p]`: 0 an original, 1..=5 a copy with that many word edits, [`TRUNCATED`] a cut prefix.
const ORIGINAL: u8 = 0;
const TRUNCATED: u8 = 6;
const KINDS: usize = 7;

fn kind_name(k: u8) -> String {
    match k {
        ORIGINAL => "original".into(),
        TRUNCATED => "truncated".into(),
        n => format!("words{n}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The truth: which slot sits at which position, and its group.
// ---------------------------------------------------------------------------------------------

struct Truth {
    /// Position -> slot: slots 0..originals are originals, the rest copies.
    slot: Vec<u32>,
    /// Position -> truth group.
    group: Vec<u32>,
    /// Position -> the position of the original it copies (itself for an original).
    source: Vec<u32>,
}

impl Truth {
    fn plan(gen: &Generator, n: usize) -> Truth {
        let mut slot: Vec<u32> = (0..n as u32).collect();
        let mut r = Rng::new(gen.seed, Stream::Shuffle, 0);
        for i in (1..n).rev() {
            slot.swap(i, r.below(i + 1));
        }
        let mut pos = vec![0u32; n];
        for (p, &s) in slot.iter().enumerate() {
            pos[s as usize] = p as u32;
        }
        let origin = |s: usize| {
            if s < gen.originals {
                s
            } else {
                gen.copy_source(s - gen.originals)
            }
        };
        let group = slot
            .iter()
            .map(|&s| gen.group_of(origin(s as usize)))
            .collect();
        let source = slot.iter().map(|&s| pos[origin(s as usize)]).collect();
        Truth {
            slot,
            group,
            source,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring.
// ---------------------------------------------------------------------------------------------

struct Score {
    groups: usize,
    truth_dups: usize,
    correct: usize,
    wrong: usize,
    false_merges: usize,
    wrong_near_copies: usize,
    short_copies: usize,
    /// Missed copies that `near::verify` accepts against their original (lost before or after
    /// verification: no candidate, or the grouping).
    missed_verified: usize,
    /// Per kind: (copies, found).
    by_kind: [(usize, usize); KINDS],
}

impl Score {
    fn of(
        links: &[storysift::dedup::Link],
        truth: &Truth,
        kinds: &[u8],
        docs: &[DocPrint],
        gen: &Generator,
        settings: near::Settings,
        args: &Args,
    ) -> Score {
        let n = truth.group.len();
        let at = |r: &storysift::model::LineRef| -> usize {
            let d: usize = r.doc[1..]
                .parse()
                .expect("bench-dedup doc ids are d + number");
            d * args.per_doc + r.line - 1
        };
        let groups = truth.group.iter().collect::<AHashSet<_>>().len();
        let mut parent: Vec<u32> = (0..n as u32).collect();
        let (mut correct, mut wrong, mut wrong_near_copies) = (0, 0, 0);
        let mut merged: AHashSet<(u32, u32)> = AHashSet::new();
        let mut wrong_examples = Vec::new();
        for l in links {
            let (a, b) = (at(&l.from), at(&l.kept));
            let (ga, gb) = (truth.group[a], truth.group[b]);
            if ga == gb {
                correct += 1;
                union(&mut parent, a, b);
            } else {
                wrong += 1;
                merged.insert((ga.min(gb), ga.max(gb)));
                let (ta, tb) = (gen.text_at(truth, a), gen.text_at(truth, b));
                let near_copy = shingle_containment(&ta, &tb) >= 0.5;
                wrong_near_copies += usize::from(near_copy);
                if wrong_examples.len() < args.examples {
                    wrong_examples.push(format!(
                        "wrong link ({}, {:?}{}):\n  from [{}] {ta}\n  kept [{}] {tb}",
                        l.method,
                        l.score_milli,
                        if near_copy {
                            ", generator near-copy"
                        } else {
                            ""
                        },
                        kind_name(kinds[a]),
                        kind_name(kinds[b])
                    ));
                }
            }
        }
        // What find's verifier says about each missed copy and its original: accepted means the
        // candidate generation (or the grouping) lost the pair, rejected means the verifier did.
        let names = near::FolderNames::of(
            docs.iter()
                .flat_map(|d| &d.paragraphs)
                .filter(|p| p.chars >= settings.min_chars)
                .map(|p| &p.features),
        );
        let para = |p: usize| &docs[p / args.per_doc].paragraphs[p % args.per_doc];
        let mut by_kind = [(0, 0); KINDS];
        let (mut short_copies, mut missed_verified) = (0, 0);
        let mut missed = Vec::new();
        for (p, &k) in kinds.iter().enumerate() {
            if k == ORIGINAL {
                continue;
            }
            let found = root(&mut parent, p) == root(&mut parent, truth.source[p] as usize);
            by_kind[k as usize].0 += 1;
            by_kind[k as usize].1 += usize::from(found);
            short_copies += usize::from(para(p).chars < settings.min_chars);
            if found {
                continue;
            }
            let src = truth.source[p] as usize;
            let verdict = near::verify(&para(p).features, &para(src).features, &names, settings);
            missed_verified += usize::from(verdict.is_some());
            if missed.len() < args.examples {
                missed.push(format!(
                    "missed [{}] (verify: {}):\n  copy {}\n  orig {}",
                    kind_name(k),
                    verdict.map_or("rejects", |v| v.method),
                    gen.text_at(truth, p),
                    gen.text_at(truth, truth.source[p] as usize)
                ));
            }
        }
        for e in missed.iter().chain(&wrong_examples) {
            eprintln!("{e}");
        }
        Score {
            groups,
            truth_dups: n - groups,
            correct,
            wrong,
            false_merges: merged.len(),
            wrong_near_copies,
            short_copies,
            missed_verified,
            by_kind,
        }
    }

    fn missed(&self) -> usize {
        self.by_kind.iter().map(|&(c, f)| c - f).sum()
    }

    fn recall(&self) -> f64 {
        if self.truth_dups == 0 {
            1.0
        } else {
            self.correct as f64 / self.truth_dups as f64
        }
    }

    fn precision(&self, links: usize) -> f64 {
        if links == 0 {
            1.0
        } else {
            self.correct as f64 / links as f64
        }
    }

    fn by_kind_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        for (k, &(copies, found)) in self.by_kind.iter().enumerate().skip(1) {
            m.insert(
                kind_name(k as u8),
                serde_json::json!({ "copies": copies, "found": found }),
            );
        }
        serde_json::Value::Object(m)
    }

    fn by_kind_text(&self) -> String {
        let mut s = String::new();
        for (k, &(copies, found)) in self.by_kind.iter().enumerate().skip(1) {
            let share = if copies == 0 {
                1.0
            } else {
                found as f64 / copies as f64
            };
            let _ = write!(s, "{} {found}/{copies} ({share:.4})  ", kind_name(k as u8));
        }
        s.trim_end().to_string()
    }
}

fn root(parent: &mut [u32], mut x: usize) -> usize {
    while parent[x] as usize != x {
        parent[x] = parent[parent[x] as usize];
        x = parent[x] as usize;
    }
    x
}

fn union(parent: &mut [u32], a: usize, b: usize) {
    let (ra, rb) = (root(parent, a), root(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb) as u32;
    }
}

/// Shared word 3-shingles over the smaller paragraph's.
fn shingle_containment(a: &str, b: &str) -> f64 {
    let (a, b) = (
        shingles::<AHashSet<String>>(a),
        shingles::<AHashSet<String>>(b),
    );
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / smaller as f64
}

// ---------------------------------------------------------------------------------------------
// The generator.
// ---------------------------------------------------------------------------------------------

struct Generator {
    seed: u64,
    /// Real paragraphs, in file order.
    real: Vec<String>,
    /// Per real paragraph: the smallest index of its set of near copies (its truth group).
    real_group: Vec<u32>,
    chain: Chain,
    /// Originals among the N paragraphs (real ones first).
    originals: usize,
}

impl Generator {
    fn load(args: &Args) -> Result<Generator> {
        let real = load_paragraphs(&args.source)?;
        let chain = Chain::build(&real);
        let copies = (args.paras as u64 * u64::from(args.dup_pct) / 100) as usize;
        let real_group = near_copy_sets(&real);
        Ok(Generator {
            seed: args.seed,
            real,
            real_group,
            chain,
            originals: (args.paras - copies).max(1),
        })
    }

    fn group_of(&self, original: usize) -> u32 {
        match self.real_group.get(original) {
            Some(&g) => g,
            None => original as u32,
        }
    }

    fn original(&self, s: usize) -> String {
        match self.real.get(s) {
            Some(p) => p.clone(),
            None => self
                .chain
                .paragraph(&mut Rng::new(self.seed, Stream::Original, s as u64)),
        }
    }

    fn copy_rng(&self, c: usize) -> Rng {
        Rng::new(self.seed, Stream::Copy, c as u64)
    }

    /// The original that copy `c` copies (its stream's first draw).
    fn copy_source(&self, c: usize) -> usize {
        self.copy_rng(c).below(self.originals)
    }

    /// The text and kind of slot `s`.
    fn text(&self, s: usize) -> (String, u8) {
        if s < self.originals {
            return (self.original(s), ORIGINAL);
        }
        let mut r = self.copy_rng(s - self.originals);
        let text = self.original(r.below(self.originals));
        let words: Vec<&str> = text.split(' ').collect();
        if words.len() >= 10 && r.pct(25) {
            // A cut prefix, at least 60% of the words.
            let keep = r.range((words.len() * 3).div_ceil(5), words.len() - 1);
            return (words[..keep].join(" "), TRUNCATED);
        }
        let n = r.range(1, 5);
        (edit_words(&text, &mut r, &self.chain, n), n as u8)
    }

    fn text_at(&self, truth: &Truth, p: usize) -> String {
        self.text(truth.slot[p] as usize).0
    }
}

/// The Wikinews paragraphs, filtered as `gen-corpus` filters them: body paragraphs of at least 8
/// words, no "Image:" captions or table rows, no repeats (same words, any case or spacing).
fn load_paragraphs(path: &Path) -> Result<Vec<String>> {
    let file = File::open(path).with_context(|| format!("opening `{}`", path.display()))?;
    let mut seen = AHashSet::new();
    let mut out = Vec::new();
    for (i, line) in BufReader::new(GzDecoder::new(file)).lines().enumerate() {
        let line = line.with_context(|| format!("reading `{}`", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("`{}` line {}", path.display(), i + 1))?;
        for p in v["text"].as_str().unwrap_or("").lines() {
            let p = p.trim();
            if p.split_whitespace().count() < 8 || p.contains("Image:") || p.contains('█') {
                continue;
            }
            let key: Vec<String> = p
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if seen.insert(key.join(" ")) {
                out.push(p.to_string());
            }
        }
    }
    if out.is_empty() {
        bail!("`{}` has no usable paragraphs", path.display());
    }
    Ok(out)
}

/// Per paragraph, the smallest index of its set of near copies (word 3-shingle containment >= 0.5
/// with some member, transitively), as `gen-corpus pairs` groups its sources.
fn near_copy_sets(paras: &[String]) -> Vec<u32> {
    let sets: Vec<AHashSet<String>> = paras.par_iter().map(|p| shingles(p)).collect();
    let mut index: AHashMap<&str, Vec<u32>> = AHashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for sh in set {
            index.entry(sh.as_str()).or_default().push(i as u32);
        }
    }
    let mut parent: Vec<u32> = (0..paras.len() as u32).collect();
    for (i, set) in sets.iter().enumerate() {
        let mut shared: AHashMap<u32, usize> = AHashMap::new();
        for sh in set {
            for &j in &index[sh.as_str()] {
                if j as usize > i {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        for (j, c) in shared {
            let smaller = set.len().min(sets[j as usize].len()).max(1);
            if c * 2 >= smaller {
                union(&mut parent, i, j as usize);
            }
        }
    }
    (0..paras.len())
        .map(|i| root(&mut parent, i) as u32)
        .collect()
}

/// `n` word-level edits: substitute, insert, delete, or swap two neighbours (`gen-corpus`'s
/// `edit_words`, the "1-5 word edits" of its rewrites); a paragraph under 6 words unchanged.
fn edit_words(text: &str, rng: &mut Rng, chain: &Chain, n: usize) -> String {
    text::edit_words(text, rng, chain, n).unwrap_or_else(|| text.to_string())
}

// ---------------------------------------------------------------------------------------------
// Random streams of this program (the generator is gen-corpus's: gen_corpus/text.rs).
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
#[repr(u64)]
enum Stream {
    Original = 101,
    Copy = 102,
    Shuffle = 103,
}

impl From<Stream> for u64 {
    fn from(s: Stream) -> u64 {
        s as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_chain() -> Chain {
        Chain::build(&[
            "The council voted on Tuesday to close the old bridge for repairs.".to_string(),
            "The mayor said the bridge would reopen in 2021 after the work.".to_string(),
        ])
    }

    #[test]
    fn word_edits_change_at_most_n_words_and_never_the_first() {
        let chain = tiny_chain();
        let text = "The council voted on Tuesday to close the old bridge for repairs.";
        for i in 0..50 {
            let mut r = Rng::new(1, Stream::Copy, i);
            let out = edit_words(text, &mut r, &chain, 3);
            let (a, b) = (text.split(' ').count(), out.split(' ').count());
            assert!(a.abs_diff(b) <= 3, "{out}");
            assert!(
                out.starts_with("The "),
                "the first word is never edited: {out}"
            );
        }
    }

    #[test]
    fn generation_is_a_function_of_seed_and_index() {
        let chain = tiny_chain();
        let a = chain.paragraph(&mut Rng::new(7, Stream::Original, 42));
        let b = chain.paragraph(&mut Rng::new(7, Stream::Original, 42));
        assert_eq!(a, b);
        assert!(a.split(' ').count() >= 14);
    }

    #[test]
    fn near_copy_sets_join_prefixes() {
        let paras = [
            "one two three four five six seven eight nine ten",
            "one two three four five six seven",
            "alpha beta gamma delta epsilon zeta eta theta",
        ]
        .map(String::from);
        assert_eq!(near_copy_sets(&paras), vec![0, 0, 2]);
    }
}
