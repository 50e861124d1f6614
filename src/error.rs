//! Exit codes and the input problems that are reported without stopping the batch.
//!
//! A file that cannot be read or decoded is an [`InputProblem`] with severity `Error`: it is printed
//! as `storysift: PATH[:LINE]: reason`, the rest of the batch runs, and the exit code becomes 1. A
//! `Warning` (bytes replaced while decoding, say) is printed the same way but leaves the exit code
//! alone, because the document was read and processed.

use serde::Serialize;
use std::fmt;

/// The process exit code, written down once (README "Exit codes").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Every input was processed.
    Success,
    /// Some inputs could not be read; they were reported and the rest was written.
    InputErrors,
    /// Usage or rules error: nothing was written.
    Usage,
}

impl ExitStatus {
    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::InputErrors => 1,
            ExitStatus::Usage => 2,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A problem with one input file (or one line of a JSONL file).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct InputProblem {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl InputProblem {
    pub fn error(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        InputProblem {
            path: path.into(),
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(
        path: impl Into<String>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        InputProblem {
            path: path.into(),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        write!(f, ": {}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_the_documented_ones() {
        assert_eq!(ExitStatus::Success.code(), 0);
        assert_eq!(ExitStatus::InputErrors.code(), 1);
        assert_eq!(ExitStatus::Usage.code(), 2);
    }

    #[test]
    fn problem_names_path_and_line() {
        let p = InputProblem::error("a/b.jsonl", Some(3), "invalid JSON");
        assert_eq!(p.to_string(), "a/b.jsonl:3: invalid JSON");
        let w = InputProblem::warning("x.txt", Some(7), "invalid UTF-8 replaced");
        assert_eq!(w.to_string(), "x.txt:7: warning: invalid UTF-8 replaced");
    }
}
