//! `nav_crumbs`: navigation menus and breadcrumbs flattened into one line.
//!
//! **What it removes:** a line made of short segments joined by a separator with spaces around it
//! ("Home | News | Business | Sport", "Lantern Wire › Business › Food & Drink", "News » World").
//! **Why it is junk:** it is the site's menu or section path, the same on every page; no sentence
//! of an article is a list of two-word labels.
//! **Known false positives:** a content line that really is a short list with such separators (a
//! table row flattened by a scraper: "Goals | Assists | Minutes").
//! **Example:** `Home · News · Sport · What’s On · Jobs`.

pub const NAME: &str = "nav_crumbs";

crate::thread_regex!(
    /// Separators of menus and breadcrumbs, with whitespace on both sides.
    SEP = r"\s+(?:[›»>|·•/→▸▹►⟩〉⁄▪]|::)\s+");

/// Glyphs that are almost only used for breadcrumbs, so two segments are enough.
const CRUMB_GLYPHS: [char; 3] = ['›', '»', '→'];

/// Words a menu label may have.
const MAX_SEGMENT_WORDS: usize = 4;
/// The last segment of a breadcrumb may be a page title.
const MAX_LAST_SEGMENT_WORDS: usize = 14;

pub fn is_nav(line: &str) -> bool {
    let t = line.trim();
    // Cheap gate before the split: most lines have no separator at all.
    if !t.contains([
        '›', '»', '>', '|', '·', '•', '/', '→', ':', '▸', '▹', '►', '⟩', '〉', '⁄', '▪',
    ]) {
        return false;
    }
    let segments: Vec<&str> = SEP.split(t).into_iter().map(str::trim).collect();
    if segments.iter().any(|s| s.is_empty()) {
        return false;
    }
    let short = |s: &&str| {
        let w = s.split_whitespace().count();
        w <= MAX_SEGMENT_WORDS && !s.ends_with(['.', '!', '?', ';', ','])
    };
    let (last, rest) = segments
        .split_last()
        .expect("split yields at least one piece");
    let rest_short = rest.iter().all(short);
    let last_ok = short(last)
        || (last.split_whitespace().count() <= MAX_LAST_SEGMENT_WORDS
            && !last.ends_with(['.', '?', '!']));
    match segments.len() {
        0 | 1 => false,
        2 => rest_short && short(last) && t.contains(CRUMB_GLYPHS),
        _ => rest_short && last_ok,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_and_crumbs() {
        for junk in [
            "Home | News | Business | Sport | Weather",
            "Lantern Wire › Business › Food & Drink",
            "Home · News · Sport · What’s On · Jobs",
            "News » World",
            "Home > World > Europe > Belarus frees 52 political prisoners after US mediation",
        ] {
            assert!(is_nav(junk), "{junk}");
        }
        for content in [
            "Dam opens after ten years | City News",
            "The vote was 12 / 3 in favour, the clerk said.",
            "Prices rose 4% in March | and fell in April, the office said in a statement today.",
            "He said: “Home | News” was the old menu, which readers hated and complained about for years.",
            "and/or",
        ] {
            assert!(!is_nav(content), "{content}");
        }
    }
}
