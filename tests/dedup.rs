//! Near-duplicate and paraphrase links through the whole pipeline: which copies link to which
//! kept paragraph, by which method, and which look-alikes never link.

use crate::util::{code, stderr, Dir};

const ORIGINAL: &str = "Belarus freed 52 political prisoners on Thursday as the United States lifted sanctions on the national airline Belavia, officials in Vilnius said.";

/// `(from doc, from line) -> (kept doc, kept line, method)` for every merge decision.
fn links(d: &Dir) -> Vec<(String, u64, String, u64, String)> {
    d.read("out/decisions.jsonl")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["action"] != "junk")
        .map(|v| {
            (
                v["doc"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
                v["kept"]["doc"].as_str().unwrap().to_string(),
                v["kept"]["line"].as_u64().unwrap(),
                v["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn copies_link_to_the_original_and_look_alikes_do_not() {
    let d = Dir::new();
    let doc = |headline: &str, para: &str| format!("{headline}\n\n{para}\n");
    d.write(
        "in/a-original.txt",
        doc("Belarus frees prisoners", ORIGINAL),
    );
    d.write(
        "in/b-edited.txt",
        doc(
            "Prisoners freed in Belarus",
            &ORIGINAL.replace("the national airline", "its national airline"),
        ),
    );
    d.write(
        "in/c-truncated.txt",
        doc("Belarus releases 52", "Belarus freed 52 political prisoners on Thursday as the United States lifted sanctions"),
    );
    d.write(
        "in/d-spun.txt",
        doc(
            "Belarus lets prisoners go",
            "On Thursday Belarus released 52 political detainees as the United States eased sanctions against the national carrier Belavia, officials in Vilnius said.",
        ),
    );
    d.write(
        "in/e-number.txt",
        doc("Belarus frees 25", &ORIGINAL.replace("52", "25")),
    );
    d.write(
        "in/f-other-fact.txt",
        doc(
            "Prisoners cross the border",
            "The freed political prisoners were taken by bus to the Lithuanian border on Thursday, where relatives from Vilnius waited for them.",
        ),
    );
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let got = links(&d);
    let to_original = |doc: &str, method: &str| {
        got.iter()
            .any(|(f, _, k, kl, m)| f == doc && k == "a-original.txt" && *kl == 3 && m == method)
    };
    assert!(to_original("b-edited.txt", "near"), "{got:?}");
    assert!(to_original("c-truncated.txt", "truncated"), "{got:?}");
    assert!(to_original("d-spun.txt", "paraphrase"), "{got:?}");
    for never in ["e-number.txt", "f-other-fact.txt"] {
        assert!(
            !got.iter().any(|(f, _, k, _, _)| f == never || k == never),
            "{never} must not link: {got:?}"
        );
    }
    // The decisions name the action by method.
    let decisions = d.read("out/decisions.jsonl");
    assert!(decisions.contains("\"action\":\"paraphrase\",\"rule\":\"paraphrase\""));
    assert!(decisions.contains("\"action\":\"duplicate\",\"rule\":\"truncated\""));
}

#[test]
fn links_are_the_same_for_any_jobs() {
    let d = Dir::new();
    for i in 0..12 {
        let para = ORIGINAL.replace("Thursday", ["Monday", "Tuesday", "Friday"][i % 3]);
        d.write(
            &format!("in/{i:02}.txt"),
            format!("Headline number {i}\n\n{para}\n"),
        );
    }
    assert_eq!(
        code(&d.run(&["clean", "in", "--out", "one", "--jobs", "1"])),
        0
    );
    assert_eq!(
        code(&d.run(&["clean", "in", "--out", "four", "--jobs", "4"])),
        0
    );
    assert_eq!(
        d.read("one/decisions.jsonl"),
        d.read("four/decisions.jsonl")
    );
    assert!(d
        .read("one/decisions.jsonl")
        .contains("\"action\":\"duplicate\""));
}
