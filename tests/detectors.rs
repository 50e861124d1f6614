//! Detector fixtures: `tests/fixtures/clean/<detector>.txt` (and the `site_boilerplate/` folder),
//! each a set of documents whose every line carries the verdict the junk stage must give it.
//!
//! Fixture format (the comment header of every fixture repeats it):
//!
//! ```text
//! # a comment                         lines starting with `#` are not document lines
//!                                     empty lines are spacing, not document lines
//! --- doc <id>                        starts a new document (before the first one: id `<fixture>`)
//! title | Ferry halted after fire     a kept line that must be the document's headline
//! keep | By noon it had receded.      a kept line (article text)
//! junk timestamp | 14.03.2025 10:03   a line removed by exactly that rule or detector
//! junk | Sign in | Register           a line removed by any rule or detector
//! blank |                             a blank line (whitespace after `| ` is kept: `blank | \u{a0}`)
//! known keep | Serves 4                a known miss: the right verdict, which the stage does not
//!                                     give yet (the test fails once it does: drop `known` then)
//! ```
//!
//! The expectation is everything before the first `|`; the document line is everything after it,
//! less one space. A document with no `title` line must get no headline (`title_line == None`).
//!
//! The stages run as `pipeline::process` runs them: [`clean::apply`] per document; for the
//! site_boilerplate folder also [`dedup::fingerprint`], documents sorted by id and
//! [`clean::apply_cross_document`]. Every mismatch of a fixture is reported in one message.

use std::fmt;
use std::path::{Path, PathBuf};
use storysift::clean;
use storysift::dedup;
use storysift::model::{CleanDoc, Document, Verdict};
use storysift::rules::Rules;

/// What a fixture line expects.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Expect {
    Blank,
    Keep,
    Title,
    /// Junk by the named rule or detector, or by any (`None`).
    Junk(Option<String>),
}

impl fmt::Display for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expect::Blank => f.write_str("blank"),
            Expect::Keep => f.write_str("keep"),
            Expect::Title => f.write_str("title"),
            Expect::Junk(None) => f.write_str("junk (any rule)"),
            Expect::Junk(Some(r)) => write!(f, "junk {r}"),
        }
    }
}

/// One document line of a fixture.
struct Case {
    /// Where it is written: fixture file and 1-based line.
    at: String,
    expect: Expect,
    text: String,
    /// A known miss: `expect` is right, and the stage does not give it yet.
    known: bool,
}

/// One document of a fixture.
struct FixtureDoc {
    id: String,
    cases: Vec<Case>,
}

impl FixtureDoc {
    /// The document as the input stage would hand it over.
    fn document(&self) -> Document {
        let mut text: String = self
            .cases
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        // A final newline, so that a trailing blank line stays a line.
        text.push('\n');
        let doc = Document::from_text(self.id.clone(), &text);
        assert_eq!(
            doc.lines.len(),
            self.cases.len(),
            "{}: fixture lines and document lines differ in number",
            self.id
        );
        doc
    }
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean")
}

/// Parse a fixture file into documents; `default_id` names a document without a `--- doc` line.
fn parse(path: &Path, default_id: &str) -> Vec<FixtureDoc> {
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let shown = path
        .strip_prefix(fixture_dir())
        .unwrap_or(path)
        .display()
        .to_string();
    let mut docs: Vec<FixtureDoc> = Vec::new();
    for (i, raw) in source.lines().enumerate() {
        let at = format!("{shown}:{}", i + 1);
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        if let Some(id) = raw.strip_prefix("--- doc ") {
            docs.push(FixtureDoc {
                id: id.trim().to_string(),
                cases: Vec::new(),
            });
            continue;
        }
        let (head, text) = raw
            .split_once('|')
            .unwrap_or_else(|| panic!("{at}: no `|` between expectation and text: {raw:?}"));
        let text = text.strip_prefix(' ').unwrap_or(text).to_string();
        let mut words: Vec<&str> = head.split_whitespace().collect();
        let known = words.first() == Some(&"known");
        if known {
            words.remove(0);
        }
        let expect = match words.as_slice() {
            ["blank"] => Expect::Blank,
            ["keep"] => Expect::Keep,
            ["title"] => Expect::Title,
            ["junk"] => Expect::Junk(None),
            ["junk", rule] => Expect::Junk(Some(rule.to_string())),
            _ => panic!("{at}: unknown expectation {head:?} (blank, keep, title, junk [RULE])"),
        };
        let blank = text.chars().all(char::is_whitespace);
        assert_eq!(
            blank,
            expect == Expect::Blank,
            "{at}: only `blank` lines may be (and must be) whitespace"
        );
        if docs.is_empty() {
            docs.push(FixtureDoc {
                id: default_id.to_string(),
                cases: Vec::new(),
            });
        }
        docs.last_mut().expect("a document").cases.push(Case {
            at,
            expect,
            text,
            known,
        });
    }
    docs.retain(|d| !d.cases.is_empty());
    assert!(!docs.is_empty(), "{shown}: no document lines");
    for d in &docs {
        let titles = d.cases.iter().filter(|c| c.expect == Expect::Title).count();
        assert!(
            titles <= 1,
            "{shown}: doc {} has {titles} title lines",
            d.id
        );
    }
    docs
}

/// What the stage did to line `n` (1-based) of a cleaned document, in the fixture's words.
fn got(c: &CleanDoc, n: usize) -> Expect {
    match &c.verdicts[n - 1] {
        Verdict::Blank => Expect::Blank,
        Verdict::Keep if c.title_line == Some(n) => Expect::Title,
        Verdict::Keep => Expect::Keep,
        Verdict::Junk { rule } => Expect::Junk(Some(rule.clone())),
    }
}

fn matches(want: &Expect, got: &Expect) -> bool {
    match (want, got) {
        (Expect::Junk(None), Expect::Junk(_)) => true,
        (w, g) => w == g,
    }
}

/// Compare every line of every document; panic with all mismatches at once.
fn compare(what: &str, fixtures: &[FixtureDoc], cleaned: &[CleanDoc]) {
    let mut bad = Vec::new();
    let mut lines = 0;
    for (f, c) in fixtures.iter().zip(cleaned) {
        assert_eq!(f.id, c.doc.id);
        for (k, case) in f.cases.iter().enumerate() {
            lines += 1;
            let g = got(c, k + 1);
            let ok = matches(&case.expect, &g);
            if case.known && ok {
                bad.push(format!(
                    "  {} (doc {} line {}): a known miss now passes (drop `known`): {:?}",
                    case.at,
                    f.id,
                    k + 1,
                    case.text
                ));
            } else if !case.known && !ok {
                bad.push(format!(
                    "  {} (doc {} line {}): expected {}, got {}: {:?}",
                    case.at,
                    f.id,
                    k + 1,
                    case.expect,
                    g,
                    case.text
                ));
            }
        }
        let want_title = f.cases.iter().any(|c| c.expect == Expect::Title);
        let title_known = c
            .title_line
            .and_then(|t| f.cases.get(t - 1))
            .is_some_and(|case| case.known);
        if !want_title && c.title_line.is_some() && !title_known {
            // Reported on the line too (it expected `keep`), but say why.
            bad.push(format!(
                "  doc {}: expected no headline, got line {:?}",
                f.id, c.title_line
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{what}: {} of {lines} fixture lines differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// A per-document fixture: `clean::apply` on each of its documents.
fn check_file(detector: &str) {
    let path = fixture_dir().join(format!("{detector}.txt"));
    let fixtures = parse(&path, detector);
    let rules = Rules::default();
    let cleaned: Vec<CleanDoc> = fixtures
        .iter()
        .map(|f| clean::apply(f.document(), &rules))
        .collect();
    compare(detector, &fixtures, &cleaned);
}

#[test]
fn nav_crumbs() {
    check_file("nav_crumbs");
}

#[test]
fn provenance() {
    check_file("provenance");
}

#[test]
fn timestamp() {
    check_file("timestamp");
}

#[test]
fn reader_address() {
    check_file("reader_address");
}

#[test]
fn meta_line() {
    check_file("meta_line");
}

#[test]
fn repeated_headline() {
    check_file("repeated_headline");
}

#[test]
fn related_feed() {
    check_file("related_feed");
}

#[test]
fn page_chrome() {
    check_file("page_chrome");
}

#[test]
fn edge_chrome() {
    check_file("edge_chrome");
}

#[test]
fn title() {
    check_file("title");
}

/// Every line rule of the default rules.toml, by name, on junk and look-alike content; the fixture
/// must name each rule at least once.
#[test]
fn line_rules() {
    let path = fixture_dir().join("line_rules.txt");
    let fixtures = parse(&path, "line_rules");
    let covered: Vec<&str> = fixtures
        .iter()
        .flat_map(|f| &f.cases)
        .filter_map(|c| match &c.expect {
            Expect::Junk(Some(r)) => Some(r.as_str()),
            _ => None,
        })
        .collect();
    let rules = Rules::default();
    let missing: std::collections::BTreeSet<&str> = rules
        .line_rules
        .iter()
        .map(|r| r.name.as_str())
        .filter(|n| !covered.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "line_rules.txt has no `junk NAME` case for the rules {missing:?} of rules.toml"
    );
    let cleaned: Vec<CleanDoc> = fixtures
        .iter()
        .map(|f| clean::apply(f.document(), &rules))
        .collect();
    compare("line_rules", &fixtures, &cleaned);
}

/// The site_boilerplate folder: every `.txt` file under it is one document, its id the path
/// relative to the folder (so its site is its directory), run through the per-document stage and
/// then the cross-document step, as the pipeline does.
#[test]
fn site_boilerplate() {
    let root = fixture_dir().join("site_boilerplate");
    let mut files: Vec<(String, PathBuf)> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|e| e.expect("readable fixture folder"))
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            let id = e
                .path()
                .strip_prefix(&root)
                .expect("under the folder")
                .to_string_lossy()
                .replace('\\', "/");
            (id, e.path().to_path_buf())
        })
        .collect();
    // The pipeline sorts documents by id before the cross-document steps.
    files.sort();
    let fixtures: Vec<FixtureDoc> = files
        .iter()
        .map(|(id, path)| {
            let mut docs = parse(path, id);
            assert_eq!(docs.len(), 1, "{id}: one document per file");
            docs.pop().expect("one document")
        })
        .collect();
    let rules = Rules::default();
    let (mut cleaned, mut prints): (Vec<CleanDoc>, Vec<dedup::DocPrint>) = fixtures
        .iter()
        .map(|f| {
            let c = clean::apply(f.document(), &rules);
            let p = dedup::fingerprint(&c);
            (c, p)
        })
        .unzip();
    clean::apply_cross_document(&mut cleaned, &mut prints, &rules);
    compare("site_boilerplate", &fixtures, &cleaned);
}
