//! Input stage: find the files ([`walk`]), read and decode them ([`decode`]), extract HTML
//! ([`html`]) and split JSONL ([`jsonl`]) into [`Document`]s.
//!
//! Entry point: [`read`], a pure function of one [`Source`] that returns its documents and any
//! problems, so the pipeline can run it on many sources in parallel and report problems in order.

pub mod decode;
pub mod html;
pub mod jsonl;
pub mod walk;

pub use walk::{walk, Format, Source, Walk};

use crate::error::InputProblem;
use crate::model::{Document, Kind};
use std::io::{BufRead, Read};

/// The documents of one source and what went wrong reading it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<Document>,
    pub problems: Vec<InputProblem>,
    /// Bytes read.
    pub bytes: u64,
}

/// Read one source into documents. Never panics on bad input: problems are returned.
pub fn read(source: &Source) -> Loaded {
    let shown = source.display();
    if source.format == Format::Jsonl {
        return match &source.path {
            Some(p) => match std::fs::File::open(p) {
                Ok(f) => read_jsonl(&shown, std::io::BufReader::new(f)),
                Err(e) => failed(&shown, walk::io_reason(&e)),
            },
            None => read_jsonl(&shown, std::io::stdin().lock()),
        };
    }
    let bytes = match &source.path {
        Some(p) => std::fs::read(p),
        None => {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).map(|_| b)
        }
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return failed(&shown, walk::io_reason(&e)),
    };
    let html = match source.format {
        Format::Html => true,
        Format::Sniff => looks_like_html(&bytes),
        _ => false,
    };
    let mut loaded = Loaded {
        bytes: bytes.len() as u64,
        ..Loaded::default()
    };
    match decode::decode(&bytes, html) {
        Ok(d) => {
            if !d.replaced_lines.is_empty() {
                loaded.problems.push(replaced_warning(&shown, &d, html));
            }
            loaded.docs.push(make_doc(source.id.clone(), &d.text, html));
        }
        Err(e) => loaded
            .problems
            .push(InputProblem::error(&shown, None, e.to_string())),
    }
    loaded
}

fn failed(shown: &str, reason: String) -> Loaded {
    Loaded {
        problems: vec![InputProblem::error(shown, None, reason)],
        ..Loaded::default()
    }
}

fn replaced_warning(shown: &str, d: &decode::Decoded, html: bool) -> InputProblem {
    // HTML lines are extracted blocks, so only the first input line is worth naming.
    let n = d.replaced_lines.len();
    let msg = if n == 1 || html {
        format!("invalid {} bytes replaced with U+FFFD", d.encoding)
    } else {
        format!(
            "invalid {} bytes replaced with U+FFFD on {n} lines",
            d.encoding
        )
    };
    InputProblem::warning(shown, d.replaced_lines.first().copied(), msg)
}

fn make_doc(id: String, text: &str, html: bool) -> Document {
    if html {
        let page = html::extract(text);
        Document {
            id,
            kind: Kind::Html,
            lines: page.lines,
            headline: page.headline,
        }
    } else {
        Document::from_text(id, text)
    }
}

/// A file without extension is HTML when it starts (after a BOM and whitespace) like a page.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let head: Vec<u8> = b[start..b.len().min(start + 15)].to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

fn read_jsonl(shown: &str, mut reader: impl BufRead) -> Loaded {
    let mut loaded = Loaded::default();
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(len) => loaded.bytes += len as u64,
            Err(e) => {
                loaded
                    .problems
                    .push(InputProblem::error(shown, Some(n + 1), walk::io_reason(&e)));
                break;
            }
        }
        n += 1;
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s.strip_prefix('\u{FEFF}').unwrap_or(s),
            Err(e) => {
                let msg = format!("not valid UTF-8 at byte {} of the line", e.valid_up_to());
                loaded
                    .problems
                    .push(InputProblem::error(shown, Some(n), msg));
                continue;
            }
        };
        match jsonl::parse_line(shown, n, line) {
            Ok(Some((id, body))) => loaded.docs.push(match body {
                jsonl::Body::Text(t) => make_doc(id, &t, false),
                jsonl::Body::Html(h) => make_doc(id, &h, true),
            }),
            Ok(None) => {}
            Err(p) => loaded.problems.push(p),
        }
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_without_extension() {
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"\xEF\xBB\xBF<html lang=en>"));
        assert!(!looks_like_html(b"Headline\n<p>not a page</p>"));
    }

    #[test]
    fn jsonl_reports_bad_lines_and_keeps_the_rest() {
        let input = "{\"id\":\"a\",\"text\":\"one\\ntwo\"}\n{broken\n\n{\"id\":\"b\",\"html\":\"<p>x</p>\"}\n";
        let l = read_jsonl("in.jsonl", input.as_bytes());
        let ids: Vec<_> = l.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(l.docs[0].lines, ["one", "two"]);
        assert_eq!(l.docs[1].kind, Kind::Html);
        assert_eq!(l.problems.len(), 1);
        assert_eq!(l.problems[0].line, Some(2));
    }
}
