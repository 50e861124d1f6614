//! Finding the input files: directories walked recursively in sorted order, with their doc ids.
//!
//! A document's id is its path relative to the INPUT directory it was found under (`a/b.txt`, with
//! `/` separators on every platform); a file given directly is named by its file name. Hidden files
//! and folders (a leading `.`) are skipped, as ripgrep and fd do, so a `.git` folder inside a scraped
//! tree is not read as articles. Symbolic links are not followed: a link could leave the input tree
//! or loop.

use crate::error::InputProblem;
use std::path::{Path, PathBuf};

/// How a file's bytes become a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    /// No extension: text unless it starts like an HTML page.
    Sniff,
}

/// One input to read: a file with its id, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The doc id (for JSONL files: the file's own relative path; its documents have their own ids).
    pub id: String,
    pub path: Option<PathBuf>,
    pub format: Format,
}

impl Source {
    /// The path as shown in messages.
    pub fn display(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "<stdin>".to_string(),
        }
    }
}

/// What the walk found: the sources in order, the problems, and how many files were not inputs.
#[derive(Debug, Default)]
pub struct Walk {
    pub sources: Vec<Source>,
    pub problems: Vec<InputProblem>,
    /// Files skipped because their extension is not an input format (`README.md`, images, ...).
    pub ignored: usize,
}

/// The format for a file name found in a directory walk; `None` for files that are not inputs.
pub fn format_of(path: &Path) -> Option<Format> {
    match path.extension().and_then(|e| e.to_str()) {
        None => Some(Format::Sniff),
        Some(ext) => match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" => Some(Format::Jsonl),
            _ => None,
        },
    }
}

/// Walk every input in the order given; `-` is standard input (JSONL).
pub fn walk(inputs: &[PathBuf]) -> Walk {
    let mut out = Walk::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.sources.push(Source {
                id: "-".into(),
                path: None,
                format: Format::Jsonl,
            });
            continue;
        }
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                out.problems.push(InputProblem::error(
                    input.display().to_string(),
                    None,
                    io_reason(&e),
                ));
                continue;
            }
        };
        if meta.is_file() {
            // A file named on the command line is read even with an unknown extension: the user
            // asked for it.
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| input.display().to_string());
            out.sources.push(Source {
                id: name,
                path: Some(input.clone()),
                format: format_of(input).unwrap_or(Format::Text),
            });
            continue;
        }
        walk_dir(input, &mut out);
    }
    out
}

fn walk_dir(root: &Path, out: &mut Walk) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                let reason = e.io_error().map(io_reason).unwrap_or_else(|| e.to_string());
                out.problems.push(InputProblem::error(path, None, reason));
                continue;
            }
        };
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        if ft.is_symlink() {
            out.problems.push(InputProblem::warning(
                entry.path().display().to_string(),
                None,
                "symbolic link not followed",
            ));
            continue;
        }
        let Some(format) = format_of(entry.path()) else {
            out.ignored += 1;
            continue;
        };
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let id = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.sources.push(Source {
            id,
            path: Some(entry.into_path()),
            format,
        });
    }
}

/// An io::Error as a short reason, without the "(os error 2)" noise.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of(Path::new("a/b.txt")), Some(Format::Text));
        assert_eq!(format_of(Path::new("a/b.TEXT")), Some(Format::Text));
        assert_eq!(format_of(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(format_of(Path::new("b.jsonl")), Some(Format::Jsonl));
        assert_eq!(format_of(Path::new("page")), Some(Format::Sniff));
        assert_eq!(format_of(Path::new("README.md")), None);
    }

    #[test]
    fn walk_is_sorted_relative_and_skips_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("b/c")).unwrap();
        std::fs::create_dir_all(d.join(".git")).unwrap();
        for f in [
            "b/c/z.txt",
            "b/a.html",
            "a.txt",
            "notes.md",
            ".git/HEAD",
            "page",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let w = walk(&[d.to_path_buf()]);
        let ids: Vec<_> = w.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "b/a.html", "b/c/z.txt", "page"]);
        assert_eq!(w.ignored, 1);
        assert!(w.problems.is_empty());
    }

    #[test]
    fn missing_input_is_a_problem_not_a_panic() {
        let w = walk(&[PathBuf::from("/definitely/not/here")]);
        assert!(w.sources.is_empty());
        assert_eq!(w.problems[0].message, "no such file or directory");
    }
}
