//! `repeated_headline`: the headline again after its first occurrence.
//!
//! **What it removes:** a later line that is the headline verbatim, the headline with or without a
//! site suffix ("Dam opens | City News" / "Dam opens"), or a breadcrumb that ends in or holds it
//! ("News city Dam opens"), in any case.
//! **Why it is junk:** scrapers pick up the headline from the page title, the breadcrumb and share
//! boxes; the reader has it once already, as the title.
//! **Known false positives:** a body line that quotes the whole headline with a few words around it
//! (at most [`MAX_EXTRA_CHARS`] extra characters) is taken for a breadcrumb.
//! **Example:** `Belarus Frees 52 Political Prisoners` (title) ... `News world Belarus Frees 52
//! Political Prisoners` (removed).

use crate::model::Verdict;

/// A line may hold this many characters besides the headline and still be a repeat of it.
pub const MAX_EXTRA_CHARS: usize = 40;

pub const NAME: &str = "repeated_headline";

/// Mark repeats of the headline on `title_line` as junk.
pub fn mark(lines: &[String], title_line: Option<usize>, verdicts: &mut [Verdict]) {
    let Some(t) = title_line else { return };
    let full = fold(&lines[t - 1]);
    let core = fold(strip_site_suffix(&lines[t - 1]));
    if core.chars().count() < 8 {
        return;
    }
    for (i, v) in verdicts.iter_mut().enumerate().skip(t) {
        if !matches!(v, Verdict::Keep) {
            continue;
        }
        // Cheap length gate before folding: a repeat holds the headline and at most
        // MAX_EXTRA_CHARS more (4 bytes a character at most), or is a cut copy of it.
        let raw = lines[i].trim();
        if raw.len() > full.len() + 4 * MAX_EXTRA_CHARS + 8
            || raw.len() + 8 < core.len().min(MIN_CUT_CHARS)
        {
            continue;
        }
        let l = fold(raw);
        let repeat = l == full
            || l == core
            || (l.contains(&core) && l.chars().count() <= core.chars().count() + MAX_EXTRA_CHARS)
            || is_cut_copy(&lines[i], &core);
        if repeat {
            *v = Verdict::Junk { rule: NAME.into() };
        }
    }
}

/// The headline without a trailing site name: "Dam opens | City News" -> "Dam opens".
pub fn strip_site_suffix(title: &str) -> &str {
    let t = title.trim();
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            // A site name is short; a long tail is part of the headline ("A - B" in a title).
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return head.trim();
            }
        }
    }
    t
}

/// A cut copy keeps at least this many characters of the headline.
const MIN_CUT_CHARS: usize = 20;

/// The headline cut short and marked so, maybe with a site suffix: "Black smoke from blaze at
/// Brindlecote recycling yard closes… | newsquilt reworded".
fn is_cut_copy(line: &str, core: &str) -> bool {
    let head = strip_site_suffix(line);
    let Some(cut) = head
        .strip_suffix('…')
        .or_else(|| head.strip_suffix("..."))
        .map(fold)
    else {
        return false;
    };
    cut.chars().count() >= MIN_CUT_CHARS && core.starts_with(cut.trim_end())
}

/// Lowercase with whitespace runs collapsed, for comparing lines.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_with_suffix_and_breadcrumb() {
        let lines: Vec<String> = [
            "Dam Opens After Ten Years | City News",
            "The dam opened on Monday after ten years of work, the council said.",
            "Dam opens after ten years",
            "News city Dam Opens After Ten Years",
            "Dam Opens After Ten Years | City News",
            "Dam opens after ten ye… | City News",
            "Officials said the dam opens after ten years of planning and four years of building work by the county.",
        ]
        .map(String::from)
        .to_vec();
        let mut v = vec![Verdict::Keep; lines.len()];
        mark(&lines, Some(1), &mut v);
        let junk: Vec<usize> = v
            .iter()
            .enumerate()
            .filter(|(_, v)| matches!(v, Verdict::Junk { .. }))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(junk, [3, 4, 5, 6]);
    }

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site_suffix("Belarus frees 52 prisoners | World News"),
            "Belarus frees 52 prisoners"
        );
        assert_eq!(strip_site_suffix("Dam opens - BBC"), "Dam opens - BBC");
        assert_eq!(
            strip_site_suffix("No suffix here at all"),
            "No suffix here at all"
        );
    }
}
