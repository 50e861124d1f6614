//! Whole runs on small fixtures, every output file compared byte for byte with
//! `tests/fixtures/<case>/expected/`. After an intended change, regenerate with
//! `STORYSIFT_BLESS=1 cargo test golden` and review the diff in git.

use crate::util::{assert_same_tree, code, stderr, tree, Dir};
use std::path::Path;

fn check(case: &str) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case);
    let d = Dir::new();
    let input = fixture.join("input");
    let mut args = vec![
        "clean",
        input.to_str().unwrap(),
        "--out",
        "out",
        "--jobs",
        "2",
    ];
    let rules = fixture.join("rules.toml");
    if rules.is_file() {
        args.extend(["--rules", rules.to_str().unwrap()]);
    }
    let o = d.run(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let got = tree(&d.path().join("out"));
    let expected = fixture.join("expected");
    if std::env::var_os("STORYSIFT_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&expected);
        for (rel, bytes) in &got {
            let p = expected.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
        return;
    }
    assert_same_tree(&tree(&expected), &got, case);
}

/// The five seed files: junk rules, the headline detector, exact duplicates within a document.
#[test]
fn seeds() {
    check("seeds");
}

/// Two outlets and a republished wire copy: exact duplicates across documents join a story; an
/// HTML page and a JSONL document go through the same stages.
#[test]
fn two_outlets() {
    check("two_outlets");
}
