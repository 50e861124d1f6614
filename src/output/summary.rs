//! `summary.json`: counts of the run and time per stage.
//!
//! Everything in it is byte-identical from run to run and for any `--jobs`, except `time_ms`, which
//! is wall time and is documented as the one varying field.

use crate::error::InputProblem;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub version: u32,
    /// Files found and read.
    pub inputs: Inputs,
    pub documents: usize,
    pub lines: Lines,
    /// Junk lines per rule or detector name (sorted by name).
    pub removed_by_rule: BTreeMap<String, usize>,
    pub merges: Merges,
    pub stories: Stories,
    pub errors: usize,
    pub warnings: usize,
    /// Every input problem, in input order.
    pub problems: Vec<InputProblem>,
    /// Wall time per stage in milliseconds (varies between runs).
    pub time_ms: BTreeMap<String, u64>,
}

#[derive(Debug, Default, Serialize)]
pub struct Inputs {
    pub sources: usize,
    /// Files in input folders that are not an input format (`.md`, images, ...).
    pub ignored_files: usize,
    pub bytes: u64,
}

#[derive(Debug, Default, Serialize)]
pub struct Lines {
    pub total: usize,
    pub blank: usize,
    pub kept: usize,
    pub junk: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct Merges {
    pub duplicate: usize,
    pub paraphrase: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct Stories {
    pub total: usize,
    /// Stories of more than one document.
    pub multi_document: usize,
}

pub fn write(w: &mut dyn Write, s: &Summary) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, s)?;
    writeln!(w)
}
