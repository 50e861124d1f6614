//! The data passed between stages: [`Document`], [`Verdict`], [`Decision`], [`Story`].
//!
//! Everything here is plain data that serializes, so that the cross-document stages can run on
//! other engines (a later Spark job) over the same values the CLI uses.

use serde::{Deserialize, Serialize};

/// What kind of input a document came from; it decides how its lines were made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Plain scraped text: the lines are the input lines.
    Text,
    /// HTML: the lines are the text blocks extraction yields, in document order.
    Html,
}

/// One input document after decoding (and extraction, for HTML).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the INPUT directory it was found under, a file name, or a JSONL `id`.
    pub id: String,
    pub kind: Kind,
    /// The document's lines, untrimmed, without line terminators. Line `n` is `lines[n - 1]`.
    pub lines: Vec<String>,
    /// The headline's line number when the input marks it (an HTML page's `<h1>`); text files
    /// have none, and the junk stage finds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<usize>,
}

impl Document {
    /// A text document from decoded text, split on LF or CRLF (a final newline adds no line).
    pub fn from_text(id: impl Into<String>, text: &str) -> Document {
        Document {
            id: id.into(),
            kind: Kind::Text,
            lines: split_lines(text),
            headline: None,
        }
    }
}

/// Split on LF, drop a trailing CR from each line, and drop the empty piece after a final LF.
pub fn split_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// True when a line has nothing but whitespace (Unicode whitespace, so NBSP counts too).
pub fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// A line of one document, numbered from 1.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineRef {
    pub doc: String,
    pub line: usize,
}

/// The line a duplicate or paraphrase was merged into. `text` extends the contract's `{doc, line}`:
/// an HTML document's line numbers count extracted blocks, which a reader of `docs/` cannot see, so
/// the kept text is what lets a user (or a scorer) find the kept copy without re-extracting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptLine {
    pub doc: String,
    pub line: usize,
    pub text: String,
}

/// The per-line outcome of the junk stage, for one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Empty or whitespace-only.
    Blank,
    /// Article text, kept.
    Keep,
    /// Junk, removed by the named rule or detector.
    Junk { rule: String },
}

/// What happened to a removed or merged line (`decisions.jsonl`'s `action`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Junk,
    Duplicate,
    Paraphrase,
}

/// One line of `decisions.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub doc: String,
    pub line: usize,
    pub text: String,
    pub action: Action,
    /// Junk: the rule or detector name. Duplicate/paraphrase: the method that decided.
    pub rule: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub kept: Option<KeptLine>,
    /// Duplicate/paraphrase: the verifier's score (0..=1), when a near method decided.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub score: Option<f64>,
}

/// A document after the junk stage: what the per-document stages hand to the rest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanDoc {
    pub doc: Document,
    /// One verdict per line, same length as `doc.lines`.
    pub verdicts: Vec<Verdict>,
    /// The headline line (1-based), if the document has one.
    pub title_line: Option<usize>,
}

impl CleanDoc {
    /// The kept (non-blank, non-junk) lines as (line number, text).
    pub fn kept(&self) -> impl Iterator<Item = (usize, &str)> {
        self.doc
            .lines
            .iter()
            .zip(&self.verdicts)
            .enumerate()
            .filter(|(_, (_, v))| matches!(v, Verdict::Keep))
            .map(|(i, (l, _))| (i + 1, l.as_str()))
    }

    /// The headline text, trimmed.
    pub fn title(&self) -> Option<&str> {
        self.title_line.map(|n| self.doc.lines[n - 1].trim())
    }
}

/// One story: a group of documents and its canonical text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    /// Where the title came from.
    pub title_from: Option<LineRef>,
    /// Document ids, sorted.
    pub docs: Vec<String>,
    /// Canonical paragraphs in order, each a verbatim (trimmed) line, with where it came from.
    pub paragraphs: Vec<(LineRef, String)>,
}
