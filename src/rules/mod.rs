//! Rules: `rules.toml` parsed ([`schema`]), checked and compiled into matchers ([`compile`]).
//!
//! The top-level `rules.toml` of the repository is the default; it is embedded in the binary, and
//! `--rules FILE` replaces it. Problems are reported as [`Error`], which carries the file, line,
//! column and key, and are found at load time, before any input is read.

pub mod compile;
pub mod schema;

pub use compile::{LineRule, Rules};

use std::fmt;

/// The default rules, embedded at build time from the repository's `rules.toml`.
pub const DEFAULT_RULES: &str = include_str!("../../rules.toml");

/// A problem in a rules file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub file: String,
    /// 1-based line and column, when the problem has a position.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// An error at byte offset `at` of `source`.
    pub fn at(file: &str, source: &str, at: Option<usize>, message: impl Into<String>) -> Error {
        Error {
            file: file.to_string(),
            position: at.map(|offset| line_col(source, offset)),
            message: message.into(),
        }
    }
}

/// 1-based (line, column in characters) of a byte offset.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Load and compile a rules file from disk.
pub fn load(path: &std::path::Path) -> Result<Rules, Error> {
    let shown = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|e| Error {
        file: shown.clone(),
        position: None,
        message: crate::input::walk::io_reason(&e),
    })?;
    Rules::parse(&shown, &source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        let s = "a = 1\nbé = 2\n";
        assert_eq!(line_col(s, 0), (1, 1));
        assert_eq!(line_col(s, 6), (2, 1));
        assert_eq!(line_col(s, 9), (2, 3));
    }
}
