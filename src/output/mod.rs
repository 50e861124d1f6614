//! Output stage: the files of the output contract, written into a fresh directory that replaces
//! `--out` only when everything is written ([`atomic`]).
//!
//! Each file has its own writer over any `io::Write` ([`docs`], [`stories`], [`decisions`],
//! [`summary`]), so tests can check bytes without touching the disk. Entry point: [`write`].

pub mod atomic;
pub mod decisions;
pub mod docs;
pub mod stories;
pub mod summary;

use crate::model::{CleanDoc, Decision, Story};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Everything a run produces, in output order.
pub struct Results<'a> {
    /// Cleaned documents, sorted by id.
    pub docs: &'a [CleanDoc],
    /// Stories, ordered by their first document.
    pub stories: &'a [Story],
    /// Decisions sorted by (doc id, line).
    pub decisions: &'a [Decision],
    pub summary: &'a summary::Summary,
}

/// Write all output files under `dir` (a fresh directory).
pub fn write_into(dir: &Path, r: &Results) -> Result<()> {
    std::fs::create_dir_all(dir.join("docs")).context("creating docs/")?;
    std::fs::create_dir_all(dir.join("stories")).context("creating stories/")?;
    // Creating files is most of the cost of writing (inode allocation in the kernel), so the
    // documents are written in parallel; each file's bytes do not depend on the order.
    r.docs.par_iter().try_for_each(|d| {
        let path = dir.join("docs").join(format!("{}.txt", d.doc.id));
        create_file(&path, |w| docs::write(w, d))
    })?;
    for s in r.stories {
        let path = dir.join("stories").join(format!("{}.txt", s.id));
        create_file(&path, |w| stories::write_text(w, s))?;
    }
    create_file(&dir.join("stories.jsonl"), |w| {
        stories::write_jsonl(w, r.stories)
    })?;
    create_file(&dir.join("decisions.jsonl"), |w| {
        decisions::write(w, r.decisions)
    })?;
    create_file(&dir.join("summary.json"), |w| summary::write(w, r.summary))?;
    Ok(())
}

/// Write the outputs to `out` atomically: into a temporary sibling directory, then renamed.
pub fn write(out: &Path, r: &Results) -> Result<()> {
    atomic::replace_dir(out, |tmp| write_into(tmp, r))
}

fn create_file(path: &Path, f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating directory {}", parent.display()))?;
    }
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut w = BufWriter::new(file);
    f(&mut w)
        .and_then(|_| w.flush())
        .with_context(|| format!("writing {}", path.display()))
}
