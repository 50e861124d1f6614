//! JSONL documents: one `{"id": ..., "text": ...}` or `{"id": ..., "html": ...}` object per line.
//!
//! A malformed line is reported with its line number and skipped; the other lines are read. Ids
//! become file names under `docs/`, so an id that could escape the output folder (absolute, `..`,
//! empty parts, NUL) is refused with a message rather than written somewhere unexpected.

use crate::error::InputProblem;
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
}

/// The body of one JSONL record.
pub enum Body {
    Text(String),
    Html(String),
}

/// Parse one JSONL line (1-based `line` for messages). `Ok(None)` for a blank line.
pub fn parse_line(
    path: &str,
    line: usize,
    s: &str,
) -> Result<Option<(String, Body)>, InputProblem> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let err = |m: String| InputProblem::error(path, Some(line), m);
    let rec: Record = serde_json::from_str(s).map_err(|e| err(format!("invalid JSON: {e}")))?;
    let id = match rec.id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        other => {
            return Err(err(format!(
                "\"id\" must be a string or number, got {other}"
            )))
        }
    };
    check_id(&id).map_err(|m| err(format!("id {id:?}: {m}")))?;
    let body = match (rec.text, rec.html) {
        (Some(t), None) => Body::Text(t),
        (None, Some(h)) => Body::Html(h),
        (Some(_), Some(_)) => return Err(err("has both \"text\" and \"html\"; give one".into())),
        (None, None) => return Err(err("needs a \"text\" or an \"html\" field".into())),
    };
    Ok(Some((id, body)))
}

/// An id must be a relative path made of normal parts, since it names a file under `docs/`.
pub fn check_id(id: &str) -> Result<(), &'static str> {
    if id.is_empty() {
        return Err("empty id");
    }
    if id.contains('\0') {
        return Err("contains a NUL byte");
    }
    if id.starts_with('/') || id.contains('\\') || id.as_bytes().get(1) == Some(&b':') {
        return Err("must be a relative path with / separators");
    }
    if id.split('/').any(|p| p.is_empty() || p == "." || p == "..") {
        return Err("must not contain empty, \".\" or \"..\" path parts");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_html_records() {
        let (id, b) = parse_line("f", 1, r#"{"id":"a/1","text":"x\ny"}"#)
            .unwrap()
            .unwrap();
        assert_eq!(id, "a/1");
        assert!(matches!(b, Body::Text(t) if t == "x\ny"));
        let (id, b) = parse_line("f", 2, r#"{"id":7,"html":"<p>x</p>"}"#)
            .unwrap()
            .unwrap();
        assert_eq!(id, "7");
        assert!(matches!(b, Body::Html(_)));
        assert!(parse_line("f", 3, "   ").unwrap().is_none());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = parse_line("in.jsonl", 4, "{not json").err().unwrap();
        assert!(e.to_string().starts_with("in.jsonl:4: invalid JSON"), "{e}");
        let e = parse_line("in.jsonl", 5, r#"{"id":"x"}"#).err().unwrap();
        assert_eq!(
            e.to_string(),
            "in.jsonl:5: needs a \"text\" or an \"html\" field"
        );
    }

    #[test]
    fn ids_that_escape_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "c:\\x",
            "a\0b",
            ".",
        ] {
            assert!(check_id(bad).is_err(), "{bad:?}");
        }
        assert!(check_id("site/2024/story-1").is_ok());
    }
}
