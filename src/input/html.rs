//! HTML to lines: the text blocks of a page (headline, headings, paragraphs, list items, ...).
//!
//! This is the basic extractor: it walks the DOM that `scraper` (html5ever) builds, drops what is
//! never article text (scripts, styles, templates, forms, navigation, footers, asides, and
//! elements whose class, id or role names furniture: share bars, related boxes, cookie
//! dialogs, comments), and flushes
//! one line per block element. Which blocks are boilerplate is left to the junk stage, like the
//! lines of a text file. The walk is iterative (`traverse`), so deeply nested pages cannot overflow
//! the stack.

use scraper::node::Node;
use scraper::{Html, Selector};
use std::sync::LazyLock;

/// Elements whose whole subtree is dropped: never visible text, or page chrome around the article.
const SKIP: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "head", "iframe", "object", "form",
    "button", "select", "textarea", "nav", "footer", "aside", "canvas", "video", "audio",
];

/// Class and id words of page furniture, whatever the element: a subtree with one of these words
/// (split on non-alphanumerics, so `article-share__bar` has `share`) is dropped. These names are
/// conventions of web templates (Readability relies on the same), not the wording of any page, so
/// they hold across sites and languages. Kept to the unambiguous ones: on the article-extraction
/// benchmark pages broader lists (`sidebar`, `menu`, `widget`, `banner`, `promo`) cut article text.
const CHROME_NAMES: &[&str] = &[
    "share",
    "related",
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "advertisement",
    "outbrain",
    "taboola",
    "paywall",
    "comments",
    "disqus",
    "breadcrumb",
    "breadcrumbs",
    "sponsored",
];

/// Class and id words of the article's container: they outweigh a furniture word on the same
/// element.
const CONTENT_NAMES: &[&str] = &[
    "content", "article", "body", "entry", "story", "post", "text",
];

/// ARIA roles of furniture (`banner` and `complementary` are left: headers hold the `<h1>`, and
/// sites mark pull quotes complementary).
const ROLE_CHROME: &[&str] = &[
    "navigation",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
];

/// Elements that end a line before and after them.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "details",
    "summary",
    "hr",
    "br",
    "body",
    "center",
    "fieldset",
    "legend",
    "picture",
];

static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("valid selector"));
static OG_TITLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(r#"meta[property="og:title"]"#).expect("valid selector"));
static TITLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("title").expect("valid selector"));

/// What extraction yields: the page's text blocks in document order, and which is the headline.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    pub lines: Vec<String>,
    /// 1-based line of the headline: the first `<h1>` when its text is a block of the page, else
    /// `og:title` or `<title>`, put in front as line 1.
    pub headline: Option<usize>,
}

/// Extract the text blocks of an HTML page.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut lines = Vec::new();
    let mut buf = String::new();
    let mut skip = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip > 0 || SKIP.contains(&name) || is_hidden(e) || is_chrome(e) {
                        skip += 1;
                    } else if BLOCK.contains(&name) {
                        flush(&mut buf, &mut lines);
                    }
                }
                Node::Text(t) if skip == 0 => buf.push_str(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip > 0 {
                        skip -= 1;
                    } else if BLOCK.contains(&e.name()) {
                        flush(&mut buf, &mut lines);
                    }
                }
            }
        }
    }
    flush(&mut buf, &mut lines);

    let h1 = doc
        .select(&H1)
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty());
    let mut headline = None;
    match h1.as_ref().and_then(|h| lines.iter().position(|l| l == h)) {
        Some(i) => headline = Some(i + 1),
        None => {
            let head = h1
                .or_else(|| {
                    doc.select(&OG_TITLE)
                        .filter_map(|e| e.value().attr("content"))
                        .map(collapse)
                        .find(|t| !t.is_empty())
                })
                .or_else(|| {
                    doc.select(&TITLE)
                        .map(|e| collapse(&e.text().collect::<String>()))
                        .find(|t| !t.is_empty())
                });
            if let Some(h) = head {
                lines.insert(0, h);
                headline = Some(1);
            }
        }
    }
    Page { lines, headline }
}

/// Page furniture by its class, id or ARIA role. `body`, `html`, `main` and `article` are never
/// dropped this way: a template may put a stray class on the article's own container.
fn is_chrome(e: &scraper::node::Element) -> bool {
    if matches!(e.name(), "body" | "html" | "main" | "article") {
        return false;
    }
    let words = || {
        e.attr("class")
            .into_iter()
            .chain(e.attr("id"))
            .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
    };
    // The article's own container may carry a furniture word too (`entry-content article-body
    // paywall-body`, `story-body sponsored`): a content word in its names keeps it.
    if words().any(|w| CONTENT_NAMES.iter().any(|c| w.eq_ignore_ascii_case(c))) {
        return false;
    }
    if e.attr("role")
        .is_some_and(|r| ROLE_CHROME.contains(&r.trim()))
    {
        return true;
    }
    let names = e.attr("class").into_iter().chain(e.attr("id"));
    names
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| CHROME_NAMES.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// `hidden` and `aria-hidden="true"` elements are not shown to readers.
fn is_hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true")
}

fn flush(buf: &mut String, lines: &mut Vec<String>) {
    let line = collapse(buf);
    if !line.is_empty() {
        lines.push(line);
    }
    buf.clear();
}

/// Runs of whitespace (NBSP included) to one space, trimmed.
fn collapse(s: &str) -> String {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_in_order_without_scripts_or_chrome() {
        let html = r#"<!doctype html><html><head><title>Dam opens | Site</title>
            <style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
            <body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
            <article><h1>Dam opens</h1><p>The new dam opened on <b>Monday</b>,
            officials said.</p><ul><li>First item</li><li>Second</li></ul>
            <blockquote>A quote.</blockquote><noscript>Enable JS</noscript>
            <template><p>hidden</p></template></article>
            <footer>© 2024 Site</footer></body></html>"#;
        assert_eq!(
            extract(html).lines,
            vec![
                "Dam opens",
                "The new dam opened on Monday, officials said.",
                "First item",
                "Second",
                "A quote."
            ]
        );
    }

    #[test]
    fn the_h1_is_the_headline_where_it_stands() {
        let html = "<body><div>Masthead of the site</div><h1>Dam opens</h1><p>Body.</p></body>";
        let page = extract(html);
        assert_eq!(
            page.lines,
            vec!["Masthead of the site", "Dam opens", "Body."]
        );
        assert_eq!(page.headline, Some(2));
    }

    #[test]
    fn title_put_in_front_when_there_is_no_h1() {
        let html = "<html><head><title>Only a title</title></head><body><p>Body.</p></body></html>";
        let page = extract(html);
        assert_eq!(page.lines, vec!["Only a title", "Body."]);
        assert_eq!(page.headline, Some(1));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // html5ever checks element scopes by walking the stack of open elements, so parsing n nested
        // blocks is quadratic; this depth is enough to show our walk does not recurse.
        let depth = 3_000;
        let html = format!(
            "{}<p>deep</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(extract(&html).lines, vec!["deep"]);
    }

    #[test]
    fn malformed_markup_still_yields_text() {
        let html = "<p>unclosed <b>bold <i>both</p><p>next";
        assert_eq!(extract(html).lines, vec!["unclosed bold both", "next"]);
    }

    #[test]
    fn furniture_by_class_id_or_role_is_dropped() {
        let html = r#"<body><article class="article-body">
            <h1>Dam opens</h1>
            <div class="c-share__bar">Share on Facebook</div>
            <p>The dam opened on Monday.</p>
            <div id="cookie-consent">We use cookies.</div>
            <section class="related-stories"><h2>More</h2><p>Other story</p></section>
            <div role="dialog">Sign up now</div>
            <p class="shared-history">Both towns shared the cost.</p>
            <div class="entry-content paywall-body"><p>Work starts in May.</p>
              <div class="paywall-prompt">Subscribe to keep reading</div></div>
            </article></body>"#;
        assert_eq!(
            extract(html).lines,
            vec![
                "Dam opens",
                "The dam opened on Monday.",
                "Both towns shared the cost.",
                "Work starts in May."
            ]
        );
    }
}
