//! `storysift explain FILE`: every line of a document with its decision and the rule behind it.
//!
//! Runs the per-document stages only (read, decode, extract, clean), so it answers "why did this
//! line go?" for the rules and the one-document detectors. Output goes to any `io::Write`; colour
//! (ANSI) only when asked for or on a terminal.

use crate::cli::{ColorChoice, ExplainArgs};
use crate::error::{ExitStatus, Severity};
use crate::input::{self, Format, Source};
use crate::model::{CleanDoc, Verdict};
use crate::pipeline::{load_rules, Fatal};
use std::io::{self, IsTerminal, Write};

pub fn run(args: &ExplainArgs) -> Result<ExitStatus, Fatal> {
    let rules = load_rules(args.rules.as_deref())?;
    let path = &args.file;
    let meta = std::fs::metadata(path).map_err(|e| {
        Fatal(format!(
            "{}: {}",
            path.display(),
            input::walk::io_reason(&e)
        ))
    })?;
    if !meta.is_file() {
        return Err(Fatal(format!(
            "{}: not a file; explain shows one document file",
            path.display()
        )));
    }
    let source = Source {
        id: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: Some(path.clone()),
        format: input::walk::format_of(path).unwrap_or(Format::Text),
    };
    let loaded = input::read(&source);
    let mut status = ExitStatus::Success;
    for p in &loaded.problems {
        eprintln!("storysift: {p}");
        if p.severity == Severity::Error {
            status = ExitStatus::InputErrors;
        }
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for doc in loaded.docs {
        let clean = crate::clean::apply(doc, &rules);
        let written = write(&mut out, &clean, color).and_then(|_| out.flush());
        if let Err(e) = written {
            // A closed pipe (`| head`) is a normal way to stop reading.
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(status);
            }
            return Err(Fatal(format!("writing to stdout: {e}")));
        }
    }
    Ok(status)
}

/// One line per input line: number, decision, rule, text.
pub fn write(w: &mut dyn Write, c: &CleanDoc, color: bool) -> io::Result<()> {
    let (red, green, dim, bold, reset) = if color {
        ("\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    writeln!(w, "{bold}== {}{reset}", c.doc.id)?;
    let width = c.doc.lines.len().to_string().len();
    for (i, (line, v)) in c.doc.lines.iter().zip(&c.verdicts).enumerate() {
        let n = i + 1;
        let text = line.trim();
        match v {
            Verdict::Blank => writeln!(w, "{dim}{n:>width$}  blank{reset}")?,
            Verdict::Keep if c.title_line == Some(n) => {
                writeln!(w, "{n:>width$}  {green}title{reset}  {bold}{text}{reset}")?
            }
            Verdict::Keep => writeln!(w, "{n:>width$}  {green}keep{reset}   {text}")?,
            Verdict::Junk { rule } => writeln!(
                w,
                "{n:>width$}  {red}junk{reset}   {dim}{text}{reset}  {red}[{rule}]{reset}"
            )?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::rules::Rules;

    #[test]
    fn each_line_with_its_decision() {
        let doc = Document::from_text(
            "a.txt",
            "Dam opens after ten years\n\nThe dam opened on Monday, officials said.\nRead More\n",
        );
        let c = crate::clean::apply(doc, &Rules::default());
        let mut out = Vec::new();
        write(&mut out, &c, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "== a.txt\n\
             1  title  Dam opens after ten years\n\
             2  blank\n\
             3  keep   The dam opened on Monday, officials said.\n\
             4  junk   Read More  [read_more]\n"
        );
    }
}
