//! `docs/<doc id>.txt`: the document without its junk, every kept line verbatim (trimmed), one per
//! line, in input order. Duplicate lines stay: they are removed from stories, not from documents.

use crate::model::CleanDoc;
use std::io::{self, Write};

pub fn write(w: &mut dyn Write, d: &CleanDoc) -> io::Result<()> {
    for (_, line) in d.kept() {
        writeln!(w, "{}", line.trim())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Verdict};

    #[test]
    fn kept_lines_trimmed_in_order() {
        let d = CleanDoc {
            doc: Document::from_text("a", "  Title \n\nJunk\n Body line.\r\n"),
            verdicts: vec![
                Verdict::Keep,
                Verdict::Blank,
                Verdict::Junk { rule: "x".into() },
                Verdict::Keep,
            ],
            title_line: Some(1),
        };
        let mut out = Vec::new();
        write(&mut out, &d).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "Title\nBody line.\n");
    }
}
