//! Exit codes, messages and refusals of `storysift clean`.

use crate::util::{code, stderr, Dir};

const ARTICLE: &str =
    "Dam opens after ten years\n\nThe new dam opened on Monday, officials said.\nRead More\n";

#[test]
fn success_when_every_input_is_read() {
    let d = Dir::new();
    d.write("in/a.txt", ARTICLE);
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    assert!(o.stdout.is_empty(), "nothing but results on stdout");
    assert_eq!(
        d.read("out/docs/a.txt.txt"),
        "Dam opens after ten years\nThe new dam opened on Monday, officials said.\n"
    );
}

#[test]
fn binary_file_is_reported_and_the_rest_is_written() {
    let d = Dir::new();
    d.write("in/a.txt", ARTICLE);
    d.write("in/b.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00binary");
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "storysift: in/b.txt: binary file (NUL byte at offset 7), skipped\n"
    );
    assert!(d.path().join("out/docs/a.txt.txt").is_file());
    assert!(!d.path().join("out/docs/b.txt.txt").exists());
    let summary: serde_json::Value = serde_json::from_str(&d.read("out/summary.json")).unwrap();
    assert_eq!(summary["errors"], 1);
    assert_eq!(summary["problems"][0]["path"], "in/b.txt");
}

#[test]
fn malformed_jsonl_line_is_named_and_other_lines_are_read() {
    let d = Dir::new();
    d.write(
        "in/batch.jsonl",
        "{\"id\":\"one\",\"text\":\"A headline for one\\nBody of one.\"}\n{\"id\":\"two\",\"text\":\n{\"id\":\"three\",\"text\":\"Body of three.\"}\n",
    );
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(
        err.starts_with("storysift: in/batch.jsonl:2: invalid JSON: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    assert_eq!(
        d.read("out/docs/one.txt"),
        "A headline for one\nBody of one.\n"
    );
    assert_eq!(d.read("out/docs/three.txt"), "Body of three.\n");
}

#[test]
fn jsonl_id_that_escapes_is_refused() {
    let d = Dir::new();
    d.write("in/x.jsonl", "{\"id\":\"../../etc/evil\",\"text\":\"x\"}\n");
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("in/x.jsonl:1: id \"../../etc/evil\": must not contain"),
        "{}",
        stderr(&o)
    );
    assert!(!d.path().join("etc").exists());
}

#[test]
fn missing_input_is_reported_with_its_path() {
    let d = Dir::new();
    d.write("in/a.txt", ARTICLE);
    let o = d.run(&["clean", "in", "nope.txt", "--out", "out"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "storysift: nope.txt: no such file or directory\n"
    );
    assert!(d.path().join("out/docs/a.txt.txt").is_file());
}

#[test]
fn bad_rules_file_names_line_and_key_and_writes_nothing() {
    let d = Dir::new();
    d.write("in/a.txt", ARTICLE);
    d.write(
        "rules.toml",
        "version = 1\n\n[dedup]\nmin_chars = 20\ntreshold = 3\n",
    );
    let o = d.run(&["clean", "in", "--out", "out", "--rules", "rules.toml"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.starts_with("storysift: rules.toml:5:1: unknown field `treshold`"),
        "{err}"
    );
    assert!(!d.path().join("out").exists(), "nothing written");

    d.write("bad-regex.toml", "[[rule]]\nname = \"x\"\nregex = 'a(b'\n");
    let o = d.run(&["clean", "in", "--out", "out", "--rules", "bad-regex.toml"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).starts_with(
            "storysift: bad-regex.toml:3:9: key \"regex\" of rule \"x\": invalid regex"
        ),
        "{}",
        stderr(&o)
    );

    let o = d.run(&["clean", "in", "--out", "out", "--rules", "missing.toml"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "storysift: missing.toml: no such file or directory\n"
    );
}

#[test]
fn user_rules_replace_the_default() {
    let d = Dir::new();
    d.write(
        "in/a.txt",
        "Dam opens after ten years\nThe new dam opened on Monday.\nSource link\nZZZ-SITE-FOOTER\n",
    );
    d.write(
        "rules.toml",
        "version = 1\n[[rule]]\nname = \"site_footer\"\nliteral = \"zzz-site-footer\"\n",
    );
    let o = d.run(&["clean", "in", "--out", "out", "--rules", "rules.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        d.read("out/docs/a.txt.txt"),
        "Dam opens after ten years\nThe new dam opened on Monday.\nSource link\n"
    );
    assert!(d
        .read("out/decisions.jsonl")
        .contains("\"rule\":\"site_footer\""));
}

#[test]
fn bad_flags_exit_2() {
    let d = Dir::new();
    assert_eq!(code(&d.run(&["clean", "in"])), 2, "--out is required");
    assert_eq!(
        code(&d.run(&["clean", "in", "--out", "o", "--jobs", "0"])),
        2
    );
    assert_eq!(code(&d.run(&["frobnicate"])), 2);
}

#[test]
fn out_inside_input_is_refused() {
    let d = Dir::new();
    d.write("in/a.txt", ARTICLE);
    let o = d.run(&["clean", "in", "--out", "in/out"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("--out in/out is inside the input in"),
        "{}",
        stderr(&o)
    );
    assert!(!d.path().join("in/out").exists());
    let o = d.run(&["clean", "in", "--out", "."]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("is inside --out"), "{}", stderr(&o));
}

#[test]
fn existing_output_is_replaced_but_a_foreign_directory_is_not() {
    let d = Dir::new();
    d.write("in/a.txt", ARTICLE);
    assert_eq!(code(&d.run(&["clean", "in", "--out", "out"])), 0);
    d.write("out/docs/stale.txt", "from an old run");
    assert_eq!(code(&d.run(&["clean", "in", "--out", "out"])), 0);
    assert!(
        !d.path().join("out/docs/stale.txt").exists(),
        "old output fully replaced"
    );
    let leftovers: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary directories left: {leftovers:?}"
    );

    d.write("mine/thesis.tex", "precious");
    let o = d.run(&["clean", "in", "--out", "mine"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("not a storysift output"),
        "{}",
        stderr(&o)
    );
    assert_eq!(d.read("mine/thesis.tex"), "precious");
}

#[test]
fn input_files_are_never_modified() {
    let d = Dir::new();
    d.write("in/a.txt", ARTICLE);
    d.write(
        "in/b.html",
        "<html><body><h1>Dam</h1><p>Body text here.</p></body></html>",
    );
    let before = crate::util::tree(&d.path().join("in"));
    assert_eq!(code(&d.run(&["clean", "in", "--out", "out"])), 0);
    assert_eq!(before, crate::util::tree(&d.path().join("in")));
}

#[test]
fn stdin_reads_jsonl() {
    let d = Dir::new();
    // Two shared paragraphs: one alone is not enough evidence for a story.
    let input = b"{\"id\":\"s/1\",\"text\":\"Headline of the first one\\nSame paragraph in both documents here.\\nA second paragraph both of them carry.\"}\n\
                  {\"id\":\"s/2\",\"text\":\"Headline of the second\\nSame paragraph in both documents here.\\nA second paragraph both of them carry.\"}\n";
    let o = d.run_stdin(&["clean", "-", "--out", "out"], Some(input));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        d.read("out/docs/s/2.txt"),
        "Headline of the second\nSame paragraph in both documents here.\nA second paragraph both of them carry.\n"
    );
    assert_eq!(
        d.read("out/decisions.jsonl"),
        "{\"doc\":\"s/2\",\"line\":2,\"text\":\"Same paragraph in both documents here.\",\"action\":\"duplicate\",\"rule\":\"exact\",\"kept\":{\"doc\":\"s/1\",\"line\":2,\"text\":\"Same paragraph in both documents here.\"}}\n\
         {\"doc\":\"s/2\",\"line\":3,\"text\":\"A second paragraph both of them carry.\",\"action\":\"duplicate\",\"rule\":\"exact\",\"kept\":{\"doc\":\"s/1\",\"line\":3,\"text\":\"A second paragraph both of them carry.\"}}\n"
    );
    assert_eq!(
        d.read("out/stories.jsonl").lines().count(),
        1,
        "one story from the shared paragraphs"
    );
}

#[test]
fn duplicate_ids_from_two_inputs_are_reported() {
    let d = Dir::new();
    d.write("x/a.txt", ARTICLE);
    d.write("y/a.txt", ARTICLE);
    let o = d.run(&["clean", "x", "y", "--out", "out"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "storysift: y/a.txt: document id \"a.txt\" already read from x/a.txt; skipped\n"
    );
}

#[test]
fn explain_shows_every_line_with_its_rule() {
    let d = Dir::new();
    d.write("a.txt", ARTICLE);
    let o = d.run(&["explain", "a.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "== a.txt\n1  title  Dam opens after ten years\n2  blank\n\
         3  keep   The new dam opened on Monday, officials said.\n4  junk   Read More  [read_more]\n"
    );
    let o = d.run(&["explain", "missing.txt"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "storysift: missing.txt: no such file or directory\n"
    );
}

#[test]
fn rules_check_and_print() {
    let d = Dir::new();
    d.write("mine.toml", "extends = \"default\"\n[[rule]]\nname = \"herald_footer\"\nliteral = \"The Herald\"\nsites = [\"herald/**\"]\n");
    let o = d.run(&["rules", "check", "mine.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("mine.toml: ok ("));
    let o = d.run(&["rules", "print", "--rules", "mine.toml"]);
    assert_eq!(code(&o), 0);
    let printed = String::from_utf8_lossy(&o.stdout);
    assert!(printed.contains("name = \"herald_footer\""), "{printed}");
    assert!(
        printed.contains("name = \"continue_marker\""),
        "built-in rules follow the user's"
    );
    // The printed rules are themselves a valid rules file.
    d.write("printed.toml", printed.as_bytes());
    assert_eq!(code(&d.run(&["rules", "check", "printed.toml"])), 0);

    d.write("bad.toml", "[detectors.related_feed]\ntreshold = 3\n");
    let o = d.run(&["rules", "check", "bad.toml"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).starts_with("storysift: bad.toml:2:1: unknown field `treshold`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn site_rules_apply_per_folder() {
    let d = Dir::new();
    let body = "A headline about the dam\nThe dam opened on Monday, officials said in a statement.\nThe Herald\n";
    d.write("in/herald/a.txt", body);
    d.write("in/gazette/a.txt", body);
    d.write("r.toml", "extends = \"default\"\n[[rule]]\nname = \"herald_footer\"\nliteral = \"The Herald\"\nsites = [\"herald/**\"]\n[detectors.edge_chrome]\nenabled = false\n");
    assert_eq!(
        code(&d.run(&["clean", "in", "--out", "out", "--rules", "r.toml"])),
        0
    );
    assert!(!d.read("out/docs/herald/a.txt.txt").contains("The Herald"));
    assert!(d.read("out/docs/gazette/a.txt.txt").contains("The Herald"));
}
