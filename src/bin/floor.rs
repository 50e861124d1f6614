//! `floor`: the lower bound that storysift's run time is compared against.
//!
//! It does the part of `storysift clean` that no implementation can skip: walk the inputs the way
//! storysift does (directories recursively, in sorted order, the same extensions), read every file,
//! split it into lines (LF or CRLF) and hash each line with a seeded ahash, on `--jobs` rayon
//! threads. The hashes are folded into one number that is printed, so the compiler cannot drop
//! the work. Nothing else: no decoding, no HTML, no JSON, no output files. `scripts/bench` reports
//! storysift's time as a ratio to this program's time on the same folder, which cancels most of the
//! machine (disk, page cache, core count) out of the comparison.
//!
//! Output (stdout, one line): `files=N lines=N bytes=N fold=HEX`. Exit code 1 when some input
//! could not be read (each reported on stderr), as storysift does.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Parser;
use rayon::prelude::*;

/// Read, split and hash every line of the inputs storysift would read; print one number.
#[derive(Parser, Debug)]
#[command(name = "floor")]
struct Args {
    /// Files or directories (walked recursively, in sorted order).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Worker threads (0 = all cores), as `storysift --jobs`.
    #[arg(long, default_value_t = 0)]
    jobs: usize,
}

/// Extensions storysift reads (CONTRACT.md); files without an extension are text too.
const EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "jsonl"];

fn main() {
    match run() {
        Ok(0) => {}
        Ok(_) => std::process::exit(1),
        Err(e) => {
            eprintln!("floor: {e:#}");
            std::process::exit(2);
        }
    }
}

/// Returns the number of inputs that could not be read.
fn run() -> Result<usize> {
    let args = Args::parse();
    if args.jobs > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs)
            .build_global()
            .context("building the thread pool")?;
    }
    let mut errors = 0;
    let files = collect_files(&args.inputs, &mut errors);
    // Seeded, so the printed number is the same in every run (ahash is otherwise randomized).
    let hasher = ahash::RandomState::with_seeds(
        0x9E37_79B9_7F4A_7C15,
        0xBF58_476D_1CE4_E5B9,
        0x94D0_49BB_1331_11EB,
        0x2545_F491_4F6C_DD1D,
    );
    let totals = files
        .par_iter()
        .map(|path| match fs::read(path) {
            Ok(bytes) => {
                let (fold, lines) = hash_lines(&hasher, &bytes);
                Totals {
                    files: 1,
                    lines,
                    bytes: bytes.len() as u64,
                    fold,
                    errors: 0,
                }
            }
            Err(e) => {
                eprintln!("floor: {}: {e}", path.display());
                Totals {
                    errors: 1,
                    ..Totals::default()
                }
            }
        })
        .reduce(Totals::default, Totals::add);
    println!(
        "files={} lines={} bytes={} fold={:016x}",
        totals.files, totals.lines, totals.bytes, totals.fold
    );
    Ok(errors + totals.errors)
}

#[derive(Default, Clone, Copy)]
struct Totals {
    files: u64,
    lines: u64,
    bytes: u64,
    fold: u64,
    errors: usize,
}

impl Totals {
    /// Commutative and associative, so the result does not depend on the thread count.
    fn add(self, o: Totals) -> Totals {
        Totals {
            files: self.files + o.files,
            lines: self.lines + o.lines,
            bytes: self.bytes + o.bytes,
            fold: self.fold.wrapping_add(o.fold),
            errors: self.errors + o.errors,
        }
    }
}

/// Hashes each line (LF or CRLF ended; no empty line after a final LF) and folds the hashes in
/// order; returns (fold, line count).
fn hash_lines(hasher: &ahash::RandomState, bytes: &[u8]) -> (u64, u64) {
    if bytes.is_empty() {
        return (0, 0);
    }
    let mut fold = 0u64;
    let mut lines = 0u64;
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    for line in body.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        fold = fold.rotate_left(7) ^ hasher.hash_one(line);
        lines += 1;
    }
    (fold, lines)
}

/// The inputs in storysift's order: a file given directly is read whatever its extension;
/// directories are walked recursively, sorted by name, keeping storysift's extensions.
fn collect_files(inputs: &[PathBuf], errors: &mut usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_file() {
            files.push(input.clone());
            continue;
        }
        for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() && has_text_extension(e.path()) => {
                    files.push(e.into_path());
                }
                Ok(_) => {}
                Err(e) => {
                    eprintln!("floor: {e}");
                    *errors += 1;
                }
            }
        }
    }
    files
}

fn has_text_extension(p: &Path) -> bool {
    match p.extension() {
        None => true,
        Some(ext) => {
            let ext = ext.to_string_lossy();
            EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
        }
    }
}
