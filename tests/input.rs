//! Inputs in many encodings and formats, through the binary, checked on `docs/`.

use crate::util::{code, stderr, Dir};

fn encode(text: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (b, _, bad) = enc.encode(text);
    assert!(!bad);
    b.into_owned()
}

#[test]
fn legacy_encodings_come_out_as_utf8() {
    let d = Dir::new();
    let fr = "Le barrage ouvre après dix ans\nLe président a déclaré que l’économie était « très forte » cette année, malgré les critiques.\n";
    let ja = "新しいダムが完成した\n政府は木曜日、新しい経済対策を発表した。首相は記者会見で、物価の上昇に対応するため追加の予算を組むと述べた。\n";
    let zh = "新水坝启用\n政府周四宣布了新的经济措施。总理在新闻发布会上表示，为了应对物价上涨，将编制额外的预算。\n";
    d.write("in/fr.txt", encode(fr, encoding_rs::WINDOWS_1252));
    d.write("in/ja.txt", encode(ja, encoding_rs::SHIFT_JIS));
    d.write("in/zh.txt", encode(zh, encoding_rs::GBK));
    let mut le = vec![0xFF, 0xFE];
    le.extend(fr.encode_utf16().flat_map(u16::to_le_bytes));
    d.write("in/utf16le.txt", le);
    let be: Vec<u8> = fr.encode_utf16().flat_map(u16::to_be_bytes).collect();
    d.write("in/utf16be-nobom.txt", be);
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(d.read("out/docs/fr.txt.txt"), fr);
    assert_eq!(d.read("out/docs/ja.txt.txt"), ja);
    assert_eq!(d.read("out/docs/zh.txt.txt"), zh);
    assert_eq!(d.read("out/docs/utf16le.txt.txt"), fr);
    assert_eq!(d.read("out/docs/utf16be-nobom.txt.txt"), fr);
}

#[test]
fn crlf_nbsp_and_whitespace_lines_are_blank() {
    let d = Dir::new();
    d.write(
        "in/a.txt",
        "Dam opens after ten years\r\n\u{a0}\r\n   \t\r\nThe dam opened.\r\n",
    );
    assert_eq!(code(&d.run(&["clean", "in", "--out", "out"])), 0);
    assert_eq!(
        d.read("out/docs/a.txt.txt"),
        "Dam opens after ten years\nThe dam opened.\n"
    );
    let summary: serde_json::Value = serde_json::from_str(&d.read("out/summary.json")).unwrap();
    assert_eq!(summary["lines"]["blank"], 2);
}

#[test]
fn damaged_utf8_is_a_warning_naming_the_line() {
    let d = Dir::new();
    let mut b = "Un titre économique\nUne ligne correcte, déjà vue.\n"
        .as_bytes()
        .to_vec();
    b.extend_from_slice(b"Une ligne cass\xE9e au milieu.\n");
    d.write("in/a.txt", b);
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stderr(&o),
        "storysift: in/a.txt:3: warning: invalid UTF-8 bytes replaced with U+FFFD\n"
    );
    assert!(d
        .read("out/docs/a.txt.txt")
        .contains("Une ligne cass\u{FFFD}e au milieu."));
}

#[test]
fn html_meta_charset_and_sniffed_extensionless_page() {
    let d = Dir::new();
    let page = "<!DOCTYPE html><html><head><meta charset=\"windows-1251\"><title>Плотина | Сайт</title></head>\
                <body><nav>Главная</nav><h1>Плотина открыта</h1><p>Новая плотина открылась в понедельник.</p>\
                <script>alert(1)</script></body></html>";
    d.write("in/ru.html", encode(page, encoding_rs::WINDOWS_1251));
    d.write(
        "in/page",
        "<!doctype html><html><body><h1>Dam opens</h1><p>Body text.</p></body></html>",
    );
    d.write(
        "in/broken.htm",
        "<html><body><h1>Broken <b>page</h1><p>Unclosed <div>text<p>the last line.",
    );
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        d.read("out/docs/ru.html.txt"),
        "Плотина открыта\nНовая плотина открылась в понедельник.\n"
    );
    assert_eq!(d.read("out/docs/page.txt"), "Dam opens\nBody text.\n");
    assert_eq!(
        d.read("out/docs/broken.htm.txt"),
        "Broken page\nUnclosed\ntext\nthe last line.\n"
    );
}

#[test]
fn empty_and_whitespace_files_are_documents_with_no_lines() {
    let d = Dir::new();
    d.write("in/empty.txt", "");
    d.write("in/blank.txt", "\n\n  \n");
    let o = d.run(&["clean", "in", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(d.read("out/docs/empty.txt.txt"), "");
    assert_eq!(d.read("out/docs/blank.txt.txt"), "");
}
