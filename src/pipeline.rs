//! The stages in order, readable from top to bottom:
//!
//! 1. load the rules and check the paths (problems here: exit 2, nothing written);
//! 2. walk the inputs;
//! 3. per source, in parallel: read + decode + extract, clean, fingerprint;
//! 4. back in (doc id) order: find duplicates, group stories, build canonical texts;
//! 5. write everything atomically; report input problems; exit 0 or 1.
//!
//! Parallel stages collect into vectors in input order (rayon's indexed `collect` keeps order) and
//! everything after them works on sorted data, so the output does not depend on `--jobs`.

use crate::cli::{CleanArgs, Cli, Command, RulesCommand};
use crate::dedup::{self, DocPrint};
use crate::error::{ExitStatus, InputProblem, Severity};
use crate::model::{Action, CleanDoc, Decision, KeptLine, LineRef, Verdict};
use crate::output::summary::Summary;
use crate::rules::{self, Rules};
use crate::{clean, input, output, stories};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Run a parsed command line; messages go to stderr.
pub fn run(cli: Cli) -> ExitStatus {
    let result = match cli.command {
        Command::Clean(args) => clean_command(&args),
        Command::Explain(args) => crate::explain::run(&args),
        Command::Rules(RulesCommand::Print { rules }) => load_rules(rules.as_deref()).map(|r| {
            print!("{}", r.effective_toml);
            ExitStatus::Success
        }),
        Command::Rules(RulesCommand::Check { file }) => load_rules(Some(&file)).map(|r| {
            println!("{}: ok ({} line rules)", file.display(), r.line_rules.len());
            ExitStatus::Success
        }),
    };
    match result {
        Ok(status) => status,
        Err(Fatal(msg)) => {
            eprintln!("storysift: {msg}");
            ExitStatus::Usage
        }
    }
}

/// The rules from `path`, or the built-in ones.
pub fn load_rules(path: Option<&Path>) -> Result<Rules, Fatal> {
    match path {
        Some(p) => rules::load(p).map_err(|e| Fatal(e.to_string())),
        None => Ok(Rules::default()),
    }
}

/// An error that stops the run before anything is written.
#[derive(Debug)]
pub struct Fatal(pub String);

fn clean_command(args: &CleanArgs) -> Result<ExitStatus, Fatal> {
    let rules = load_rules(args.rules.as_deref())?;
    check_paths(&args.inputs, &args.out).map_err(Fatal)?;
    output::atomic::check_replaceable(&args.out).map_err(Fatal)?;
    let jobs = args
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Fatal(format!("cannot start {jobs} worker threads: {e}")))?;
    let run = pool.install(|| process(&args.inputs, &rules));

    for p in &run.summary.problems {
        eprintln!("storysift: {p}");
    }
    let results = output::Results {
        docs: &run.docs,
        stories: &run.stories,
        decisions: &run.decisions,
        summary: &run.summary,
    };
    pool.install(|| output::write(&args.out, &results))
        .map_err(|e| Fatal(format!("{e:#}")))?;
    Ok(if run.summary.errors > 0 {
        ExitStatus::InputErrors
    } else {
        ExitStatus::Success
    })
}

/// Everything a run computes, ready to write.
pub struct Run {
    pub docs: Vec<CleanDoc>,
    pub stories: Vec<crate::model::Story>,
    pub decisions: Vec<Decision>,
    pub summary: Summary,
}

/// Run every stage but the writing. Call inside the thread pool that should do the work.
pub fn process(inputs: &[PathBuf], rules: &Rules) -> Run {
    let mut summary = Summary {
        version: 1,
        ..Summary::default()
    };
    let mut timer = Timer::new();

    let walk = input::walk(inputs);
    let mut problems = walk.problems;
    summary.inputs.sources = walk.sources.len();
    summary.inputs.ignored_files = walk.ignored;
    timer.lap("walk");

    // Per source, in parallel: read, clean, fingerprint.
    let per_source: Vec<(input::Loaded, Vec<(CleanDoc, DocPrint)>)> = walk
        .sources
        .par_iter()
        .map(|s| {
            // A bug on one input must not stop the batch (ruff does the same per file): the
            // source is reported as an internal error and skipped.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| per_source(s, rules)))
                .unwrap_or_else(|panic| {
                    let what = panic_message(&panic);
                    let problem = InputProblem::error(
                        s.display(),
                        None,
                        format!("internal error, file skipped (a bug in storysift; please report it): {what}"),
                    );
                    let loaded = input::Loaded {
                        problems: vec![problem],
                        ..input::Loaded::default()
                    };
                    (loaded, Vec::new())
                })
        })
        .collect();
    timer.lap("read_clean_fingerprint");

    let mut docs: Vec<(CleanDoc, DocPrint)> = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (source, (loaded, ds)) in walk.sources.iter().zip(per_source) {
        summary.inputs.bytes += loaded.bytes;
        problems.extend(loaded.problems);
        for (c, p) in ds {
            // Two inputs can yield the same id (`a.txt` under two folders, a JSONL id twice); the
            // first one read wins and the other is reported, since both would be `docs/<id>.txt`.
            if let Some(first) = seen.get(&c.doc.id) {
                problems.push(InputProblem::error(
                    source.display(),
                    None,
                    format!(
                        "document id {:?} already read from {first}; skipped",
                        c.doc.id
                    ),
                ));
                continue;
            }
            seen.insert(c.doc.id.clone(), source.display());
            docs.push((c, p));
        }
    }
    docs.sort_by(|a, b| a.0.doc.id.cmp(&b.0.doc.id));
    let (mut docs, mut prints): (Vec<CleanDoc>, Vec<DocPrint>) = docs.into_iter().unzip();
    clean::apply_cross_document(&mut docs, &mut prints, rules);
    timer.lap("cross_document_junk");

    let links = dedup::near::find(&prints, rules.dedup);
    timer.lap("dedup");

    let settings = stories::cluster::Settings {
        max_shared_docs: rules.stories_max_shared_docs,
        min_title_words: rules.stories_min_title_words,
        min_shared_paragraphs: rules.stories_min_shared_paragraphs,
        min_similarity: rules.stories_min_similarity,
        min_linked_similarity: rules.stories_min_linked_similarity,
        number_weight: rules.stories_number_weight,
        max_term_docs: rules.stories_max_term_docs,
    };
    let groups = stories::group(&prints, &links, settings);
    let merged = stories::canonical::merged(&links, &prints);
    let stories: Vec<_> = groups
        .par_iter()
        .map(|g| stories::canonical::build(g, &docs, &prints, &merged))
        .collect();
    timer.lap("stories");

    let decisions = decisions(&docs, &links);

    summary.documents = docs.len();
    for d in &docs {
        summary.lines.total += d.verdicts.len();
        for v in &d.verdicts {
            match v {
                Verdict::Blank => summary.lines.blank += 1,
                Verdict::Keep => summary.lines.kept += 1,
                Verdict::Junk { rule } => {
                    summary.lines.junk += 1;
                    *summary.removed_by_rule.entry(rule.clone()).or_default() += 1;
                }
            }
        }
    }
    summary.merges.duplicate = links.len();
    summary.stories.total = stories.len();
    summary.stories.multi_document = stories.iter().filter(|s| s.docs.len() > 1).count();
    summary.errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    summary.warnings = problems.len() - summary.errors;
    summary.problems = problems;
    timer.lap("summary");
    summary.time_ms = timer.laps;

    Run {
        docs,
        stories,
        decisions,
        summary,
    }
}

/// The per-document stages for one source: read, clean, fingerprint.
fn per_source(s: &input::Source, rules: &Rules) -> (input::Loaded, Vec<(CleanDoc, DocPrint)>) {
    let mut loaded = input::read(s);
    let docs = std::mem::take(&mut loaded.docs)
        .into_iter()
        .map(|d| {
            let c = clean::apply(d, rules);
            let p = dedup::fingerprint(&c);
            (c, p)
        })
        .collect();
    (loaded, docs)
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Junk verdicts and duplicate links as decisions, in (doc id, line) order.
fn decisions(docs: &[CleanDoc], links: &[dedup::Link]) -> Vec<Decision> {
    let mut out = Vec::new();
    let by_id: HashMap<&str, &CleanDoc> = docs.iter().map(|d| (d.doc.id.as_str(), d)).collect();
    let kept_text = |r: &LineRef| {
        by_id
            .get(r.doc.as_str())
            .and_then(|d| d.doc.lines.get(r.line - 1))
            .map_or_else(String::new, |l| l.trim().to_string())
    };
    let mut links = links.iter().peekable();
    for d in docs {
        for (i, v) in d.verdicts.iter().enumerate() {
            let line = i + 1;
            if let Verdict::Junk { rule } = v {
                out.push(Decision {
                    doc: d.doc.id.clone(),
                    line,
                    text: d.doc.lines[i].trim().to_string(),
                    action: Action::Junk,
                    rule: rule.clone(),
                    kept: None,
                    score: None,
                });
            }
            // Links are sorted the same way as this walk, so they are merged in step.
            while let Some(l) = links.next_if(|l| l.from.doc == d.doc.id && l.from.line == line) {
                out.push(Decision {
                    doc: d.doc.id.clone(),
                    line,
                    text: d.doc.lines[i].trim().to_string(),
                    action: if l.method == dedup::near::PARAPHRASE
                        || l.method == dedup::near::CONTAINED
                    {
                        Action::Paraphrase
                    } else {
                        Action::Duplicate
                    },
                    rule: l.method.clone(),
                    kept: Some(KeptLine {
                        doc: l.kept.doc.clone(),
                        line: l.kept.line,
                        text: kept_text(&l.kept),
                    }),
                    score: l.score_milli.map(|m| f64::from(m) / 1000.0),
                });
            }
        }
    }
    out
}

/// Refuse an `--out` inside an input (the run would read its own output next time, and writing
/// into an input folder is never allowed) and an input inside `--out` (replacing `--out` would
/// delete it).
fn check_paths(inputs: &[PathBuf], out: &Path) -> Result<(), String> {
    let out_abs = resolve(out);
    for input in inputs {
        if input.as_os_str() == "-" {
            continue;
        }
        let in_abs = resolve(input);
        if out_abs.starts_with(&in_abs) {
            return Err(format!(
                "--out {} is inside the input {}; storysift never writes into its input. \
                 Choose an output directory outside it",
                out.display(),
                input.display()
            ));
        }
        if in_abs.starts_with(&out_abs) {
            return Err(format!(
                "the input {} is inside --out {}, which would be replaced. \
                 Choose an output directory outside the input",
                input.display(),
                out.display()
            ));
        }
    }
    Ok(())
}

/// An absolute path with symlinks resolved as far as the path exists.
fn resolve(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            return rest
                .iter()
                .rev()
                .fold(c, |acc: PathBuf, part| acc.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return abs,
        }
    }
}

struct Timer {
    last: Instant,
    laps: BTreeMap<String, u64>,
}

impl Timer {
    fn new() -> Self {
        Timer {
            last: Instant::now(),
            laps: BTreeMap::new(),
        }
    }

    fn lap(&mut self, stage: &str) {
        let now = Instant::now();
        self.laps
            .insert(stage.to_string(), (now - self.last).as_millis() as u64);
        self.last = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_inside_input_and_input_inside_out_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let input = d.path().join("in");
        std::fs::create_dir(&input).unwrap();
        assert!(
            check_paths(std::slice::from_ref(&input), &input.join("out"))
                .unwrap_err()
                .contains("inside the input")
        );
        assert!(check_paths(std::slice::from_ref(&input), d.path())
            .unwrap_err()
            .contains("would be replaced"));
        assert!(check_paths(std::slice::from_ref(&input), &d.path().join("out")).is_ok());
        assert!(
            check_paths(std::slice::from_ref(&input), &d.path().join("in2")).is_ok(),
            "a name prefix is not a parent"
        );
    }
}
