//! Output is byte-identical for any `--jobs` and any run (summary.json's `time_ms` aside).

use crate::util::{assert_same_tree, code, stderr, tree, Dir};
use std::path::Path;

#[test]
fn jobs_1_and_jobs_4_give_identical_bytes_on_the_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let d = Dir::new();
    let c = corpus.to_str().unwrap();
    let o1 = d.run(&["clean", c, "--out", "one", "--jobs", "1"]);
    assert_eq!(code(&o1), 0, "{}", stderr(&o1));
    let o4 = d.run(&["clean", c, "--out", "four", "--jobs", "4"]);
    assert_eq!(code(&o4), 0, "{}", stderr(&o4));
    let again = d.run(&["clean", c, "--out", "again", "--jobs", "4"]);
    assert_eq!(code(&again), 0);
    let one = tree(&d.path().join("one"));
    assert!(one.len() > 10, "the corpus produced {} files", one.len());
    assert_same_tree(&one, &tree(&d.path().join("four")), "--jobs 1 vs --jobs 4");
    assert_same_tree(&one, &tree(&d.path().join("again")), "run vs run");
}
