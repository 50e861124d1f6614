//! Junk stage: decide for every line of a document whether it is article text or junk, and which
//! line is the headline.
//!
//! Entry point: [`apply`], a pure function of (document, rules), so it runs per document in
//! parallel here and per partition on other engines. The order of work:
//! 1. blank lines are blank (whitespace-only, NBSP included);
//! 2. the line rules of `rules.toml` ([`line_rules`]);
//!    and the one-line detectors ([`nav_crumbs`], [`timestamp`], [`reader_address`], [`comment_rules`],
//!    [`meta_line`], [`provenance`]);
//! 3. the headline: the first kept line when it looks like one ([`title`]);
//! 4. detectors that use the whole document ([`repeated_headline`], [`related_feed`],
//!    [`page_chrome`], [`edge_chrome`]).
//!
//! [`site_boilerplate`] and [`other_headline`] need every document, so they run later, over
//! fingerprints ([`apply_cross_document`]).

pub mod comment_rules;
pub mod edge_chrome;
pub mod line_rules;
pub mod meta_line;
pub mod nav_crumbs;
pub mod other_headline;
pub mod page_chrome;
pub mod provenance;
pub mod reader_address;
pub mod related_feed;
pub mod repeated_headline;
pub mod shape;
pub mod site_boilerplate;
pub mod timestamp;
pub mod title;

use crate::model::{is_blank, CleanDoc, Document, Verdict};
use crate::rules::Rules;

/// Clean one document.
pub fn apply(doc: Document, rules: &Rules) -> CleanDoc {
    let mut verdicts: Vec<Verdict> = doc
        .lines
        .iter()
        .map(|l| {
            if is_blank(l) {
                Verdict::Blank
            } else {
                check_line(l, &doc.id, rules)
            }
        })
        .collect();
    let title_line = title::find(&doc.lines, &verdicts, doc.headline);
    if rules.repeated_headline {
        repeated_headline::mark(&doc.lines, title_line, &mut verdicts);
    }
    if let Some(s) = rules.related_feed {
        related_feed::mark(&doc.lines, &mut verdicts, title_line, s);
    }
    if let Some(s) = rules.page_chrome {
        page_chrome::mark(&doc.lines, &mut verdicts, title_line, s);
    }
    if let Some(s) = rules.edge_chrome {
        edge_chrome::mark(&doc.lines, &mut verdicts, title_line, s);
    }
    CleanDoc {
        doc,
        verdicts,
        title_line,
    }
}

/// The verdict of the one-line checks: the user's rules first (they name the decision), then the
/// built-in line detectors.
fn check_line(line: &str, doc_id: &str, rules: &Rules) -> Verdict {
    let junk = |name: &str| Verdict::Junk { rule: name.into() };
    match line_rules::check(line, doc_id, rules) {
        Verdict::Keep if rules.nav_crumbs && nav_crumbs::is_nav(line) => junk(nav_crumbs::NAME),
        Verdict::Keep if rules.timestamp && timestamp::is_timestamp(line) => junk(timestamp::NAME),
        Verdict::Keep if rules.reader_address && reader_address::is_reader_address(line) => {
            junk(reader_address::NAME)
        }
        Verdict::Keep if rules.comment_rules && comment_rules::is_comment_rules(line) => {
            junk(comment_rules::NAME)
        }
        Verdict::Keep if rules.meta_line => match meta_line::check(line) {
            Some(name) => junk(name),
            None if rules.provenance => provenance::check(line).map_or(Verdict::Keep, junk),
            None => Verdict::Keep,
        },
        Verdict::Keep if rules.provenance => provenance::check(line).map_or(Verdict::Keep, junk),
        v => v,
    }
}

/// The cross-document junk steps: remove site boilerplate and other documents' headlines, found
/// over all documents' fingerprints, from the documents and from their fingerprints.
pub fn apply_cross_document(
    docs: &mut [CleanDoc],
    prints: &mut [crate::dedup::DocPrint],
    rules: &Rules,
) {
    if let Some(s) = rules.site_boilerplate {
        let found = site_boilerplate::find(prints, s);
        mark_found(docs, prints, &found, site_boilerplate::NAME);
    }
    if rules.other_headline {
        let found = other_headline::find(prints);
        mark_found(docs, prints, &found, other_headline::NAME);
    }
}

fn mark_found(
    docs: &mut [CleanDoc],
    prints: &mut [crate::dedup::DocPrint],
    found: &[Vec<usize>],
    name: &str,
) {
    for ((doc, print), lines) in docs.iter_mut().zip(prints.iter_mut()).zip(found) {
        if lines.is_empty() {
            continue;
        }
        for &l in lines {
            doc.verdicts[l - 1] = Verdict::Junk { rule: name.into() };
        }
        print.paragraphs.retain(|p| !lines.contains(&p.line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_like_document() {
        let doc = Document::from_text(
            "x.txt",
            "Dam opens after ten years | City News\n\u{a0}\nLast Updated:\nfont\n\
             The dam opened on Monday, officials said.\nNews city Dam opens after ten years\nRead More\n",
        );
        let c = apply(doc, &Rules::default());
        let names: Vec<String> = c
            .verdicts
            .iter()
            .map(|v| match v {
                Verdict::Blank => "blank".into(),
                Verdict::Keep => "keep".into(),
                Verdict::Junk { rule } => rule.clone(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "keep",
                "blank",
                "last_updated",
                "stray_ui",
                "keep",
                "repeated_headline",
                "read_more"
            ]
        );
        assert_eq!(c.title_line, Some(1));
    }
}
