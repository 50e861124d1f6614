//! The `[[rule]]` entries of `rules.toml`: literal and regex rules applied to each line.
//!
//! **What it removes:** whatever the user's (or the default) rules describe; the default set covers
//! continuation and ad markers, credits, bylines, counters, widget words, disclaimers and the like.
//! **Why it is junk:** each default rule describes a kind of line by its shape (a marker alone on
//! its line, a credit in parentheses at the end of a caption), which article prose does not have.
//! **Known false positives:** an all-caps one-word subhead is taken for a marker
//! (`spinner_marker`); a "By ..." line without a full stop that is really prose (`byline_meta`).

use crate::model::Verdict;
use crate::rules::Rules;

/// The verdict of the line rules for one non-blank line.
pub fn check(line: &str, doc_id: &str, rules: &Rules) -> Verdict {
    match rules.match_line(line, doc_id) {
        Some(rule) => Verdict::Junk {
            rule: rule.to_string(),
        },
        None => Verdict::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_of(line: &str) -> Option<String> {
        match check(line, "doc.txt", &Rules::default()) {
            Verdict::Junk { rule } => Some(rule),
            _ => None,
        }
    }

    #[test]
    fn default_rules_on_junk_and_look_alike_content() {
        let cases: &[(&str, Option<&str>)] = &[
            ("ARTICLE CONTINUES BELOW", Some("continue_marker")),
            (
                "Story continues after advertisement",
                Some("continue_marker"),
            ),
            ("SKIP ADVERTISEMENT", Some("advertisement")),
            ("Read More", Some("read_more")),
            ("Source link", Some("source_link")),
            ("AP News", Some("source_label")),
            ("Visited 1 times, 1 visit(s) today", Some("visit_counter")),
            ("Last Updated:", Some("last_updated")),
            ("Updated: 3 March 2024, 10:05 IST", Some("last_updated")),
            ("  • 11 September, 18:16", Some("byline_meta")),
            ("By Jane Doe and John Roe", Some("byline_meta")),
            ("4 min read", Some("reading_time")),
            ("Comments (12)", Some("comment_counter")),
            (
                "FILE - A man walks past the plant, March 1, 2024. (AP Photo/Jo Roe, File)",
                Some("photo_caption"),
            ),
            (
                "The crowd gathered at noon (Image: AP)",
                Some("photo_caption"),
            ),
            ("Image from AP News", Some("image_credit")),
            ("阅读中文版 (Read Chinese Version)", Some("language_link")),
            (
                "Disclaimer: This content is aggregated from public sources.",
                Some("disclaimer"),
            ),
            (
                "© 2024 Example Media. All rights reserved.",
                Some("copyright"),
            ),
            (
                "We use cookies to improve your experience.",
                Some("cookie_banner"),
            ),
            ("Follow us on Google News", Some("follow_us")),
            ("Share on Facebook", Some("share_widget")),
            ("Related Article", Some("related_header")),
            ("font", Some("stray_ui")),
            ("scroll to top", Some("stray_ui")),
            (".", Some("stray_ui")),
            ("NEUTRAL", Some("spinner_marker")),
            // Content that looks like junk.
            (
                "Updated figures show the dam cost $4 million more than planned.",
                None,
            ),
            (
                "By Tuesday, the water had reached the second floor of the school.",
                None,
            ),
            (
                "A photo of the mayor, taken in 2019, shows her at the site.",
                None,
            ),
            (
                "Read more about the plan on the council's website, she said.",
                None,
            ),
            ("The advertisement ran in three newspapers last week.", None),
            ("Share prices fell 4% on Monday.", None),
            ("Dissent has long been suppressed by Lukashenko.", None),
        ];
        for (line, want) in cases {
            assert_eq!(rule_of(line).as_deref(), *want, "{line}");
        }
    }
}
