//! `decisions.jsonl`: one object per removed or merged line, in (doc id, line) order.

use crate::model::Decision;
use std::io::{self, Write};

pub fn write(w: &mut dyn Write, decisions: &[Decision]) -> io::Result<()> {
    for d in decisions {
        serde_json::to_writer(&mut *w, d)?;
        writeln!(w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, KeptLine};

    #[test]
    fn junk_and_duplicate_lines() {
        let ds = [
            Decision {
                doc: "a".into(),
                line: 3,
                text: "Read More".into(),
                action: Action::Junk,
                rule: "read_more".into(),
                kept: None,
                score: None,
            },
            Decision {
                doc: "b".into(),
                line: 2,
                text: "Same paragraph.".into(),
                action: Action::Duplicate,
                rule: "exact".into(),
                kept: Some(KeptLine {
                    doc: "a".into(),
                    line: 1,
                    text: "Same paragraph.".into(),
                }),
                score: None,
            },
        ];
        let mut out = Vec::new();
        write(&mut out, &ds).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"doc\":\"a\",\"line\":3,\"text\":\"Read More\",\"action\":\"junk\",\"rule\":\"read_more\"}\n\
             {\"doc\":\"b\",\"line\":2,\"text\":\"Same paragraph.\",\"action\":\"duplicate\",\"rule\":\"exact\",\
             \"kept\":{\"doc\":\"a\",\"line\":1,\"text\":\"Same paragraph.\"}}\n"
        );
    }
}
