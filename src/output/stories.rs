//! `stories/<id>.txt` (title, then paragraphs with a blank line between) and `stories.jsonl`.

use crate::model::{LineRef, Story};
use serde::Serialize;
use std::io::{self, Write};

pub fn write_text(w: &mut dyn Write, s: &Story) -> io::Result<()> {
    writeln!(w, "{}", s.title)?;
    for (_, p) in &s.paragraphs {
        writeln!(w)?;
        writeln!(w, "{p}")?;
    }
    Ok(())
}

/// One line of `stories.jsonl`: the contract's fields, then where the title and each paragraph
/// came from.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    docs: &'a [String],
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_from: Option<&'a LineRef>,
    paragraphs: Vec<&'a LineRef>,
}

pub fn write_jsonl(w: &mut dyn Write, stories: &[Story]) -> io::Result<()> {
    for s in stories {
        let row = Row {
            id: &s.id,
            title: &s.title,
            docs: &s.docs,
            file: format!("stories/{}.txt", s.id),
            title_from: s.title_from.as_ref(),
            paragraphs: s.paragraphs.iter().map(|(r, _)| r).collect(),
        };
        serde_json::to_writer(&mut *w, &row)?;
        writeln!(w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_text_and_row() {
        let r = |l| LineRef {
            doc: "a.txt".into(),
            line: l,
        };
        let s = Story {
            id: "dam-opens-0000abcd".into(),
            title: "Dam opens".into(),
            title_from: Some(r(1)),
            docs: vec!["a.txt".into()],
            paragraphs: vec![(r(2), "One.".into()), (r(3), "Two.".into())],
        };
        let mut out = Vec::new();
        write_text(&mut out, &s).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Dam opens\n\nOne.\n\nTwo.\n"
        );
        let mut out = Vec::new();
        write_jsonl(&mut out, std::slice::from_ref(&s)).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"id\":\"dam-opens-0000abcd\",\"title\":\"Dam opens\",\"docs\":[\"a.txt\"],\
             \"file\":\"stories/dam-opens-0000abcd.txt\",\"title_from\":{\"doc\":\"a.txt\",\"line\":1},\
             \"paragraphs\":[{\"doc\":\"a.txt\",\"line\":2},{\"doc\":\"a.txt\",\"line\":3}]}\n"
        );
    }
}
