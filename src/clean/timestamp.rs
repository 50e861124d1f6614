//! `timestamp`: a line that is only a date, a time, or a "Published / Updated" stamp.
//!
//! **What it removes:** lines whose every token is a number, a month or weekday name, a time-zone
//! or a stamp word ("updated", "published", "ago"), with at least one digit: "14.03.2025 10:03",
//! "22 March 2025 · Updated 18:20", "Mon, 3 Feb 2025 09:00 GMT", "5 hours ago".
//! **Why it is junk:** page metadata; the article's own dates are inside sentences.
//! **Known false positives:** a dateline that stands alone as a paragraph of a chronology ("1997"),
//! and English-only month names: "3 März 2025" is not recognized.
//! **Example:** `• 11 September, 18:16` (after its bullet).

pub const NAME: &str = "timestamp";

/// At most this many tokens: a stamp is short.
const MAX_TOKENS: usize = 20;

const WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "first",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "cet",
    "cest",
    "bst",
    "ist",
    "et",
    "pt",
    "jst",
    "kst",
    "aest",
    "hrs",
    "h",
    "ago",
    "uhr",
    "um",
    "le",
    "à",
    "de",
    "del",
    "el",
    "a",
    "las",
    "min",
    "mins",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "yesterday",
    "today",
    "of",
    "st",
    "nd",
    "rd",
    "th",
];

pub fn is_timestamp(line: &str) -> bool {
    let raw = || {
        line.split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '·' | '|' | '•' | '–' | '—' | '(' | ')')
        })
        .map(|t| t.trim_matches(|c: char| c == '.' || c == ':' || c == '-'))
        .filter(|t| !t.is_empty())
    };
    // Count before allocating: most lines are longer than a timestamp.
    let n = raw().take(MAX_TOKENS + 1).count();
    if n == 0 || n > MAX_TOKENS {
        return false;
    }
    if mostly_date_and_time(raw()) {
        return true;
    }
    let mut digits = false;
    for t in raw().map(str::to_lowercase) {
        let t = &t;
        // Numbers, dates and times, ISO 8601 included ("2025-03-14t09:12:00+00:00" lowercased).
        let numeric = t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, '.' | ':' | '/' | '-' | '+' | 't' | 'z')
            });
        if numeric || is_ordinal(t) {
            digits = true;
        } else if !WORDS.contains(&t.as_str()) {
            return false;
        }
    }
    digits
}

/// A dateline in words no list has (`Filed 07:42 BST, Tue 16 Sep 2025 · Amended 13:05 BST`,
/// `Eilmeldung · erstellt am 12.06.2025, 15:10 Uhr · ergänzt 15:34 Uhr`): at least two clock
/// times or full dates, and at most [`MAX_UNKNOWN_SHARE`] of the tokens outside the date and
/// time vocabulary. One time in a phrase ("9.30am Registration opens") is not enough.
fn mostly_date_and_time<'a>(tokens: impl Iterator<Item = &'a str>) -> bool {
    let (mut n, mut stamps, mut unknown) = (0usize, 0usize, 0usize);
    // A month name and a year count as one more date ("15 oct. 2025").
    let (mut month, mut year) = (false, false);
    for t in tokens {
        n += 1;
        month |= MONTHS.iter().any(|m| m.eq_ignore_ascii_case(t));
        year |= t.len() == 4
            && (t.starts_with("19") || t.starts_with("20"))
            && t.chars().all(|c| c.is_ascii_digit());
        if is_clock_or_date(t) {
            stamps += 1;
        } else if !(t.chars().all(|c| c.is_ascii_digit())
            || WORDS.iter().any(|w| w.eq_ignore_ascii_case(t)))
        {
            unknown += 1;
        }
    }
    stamps + usize::from(month && year) >= 2 && (unknown as f64) <= MAX_UNKNOWN_SHARE * n as f64
}

/// Month names and abbreviations in the languages the WORDS list does not cover.
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ene", "abr", "ago", "dic", "janv", "févr", "avr", "juil", "déc", "mär", "okt", "dez", "mai",
];

/// Share of a dateline's tokens that may be words of no list (verbs like "filed", "ergänzt").
const MAX_UNKNOWN_SHARE: f64 = 0.4;

/// `07:42`, `15.10`, `18h42`, `12.06.2025`, `16/09/2025`, `2025-09-16`.
fn is_clock_or_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split([':', '.', '/', '-', 'h']).collect();
    parts.len() >= 2
        && parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
}

/// "1st", "22nd", "3rd", "14th".
fn is_ordinal(t: &str) -> bool {
    let d = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !d.is_empty()
        && d.len() < t.len()
        && d.chars().all(|c| c.is_ascii_digit())
        && matches!(&t[d.len()..], "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_and_sentences() {
        for junk in [
            "14.03.2025 10:03",
            "22 March 2025 · Updated 18:20",
            "Mon, 3 Feb 2025 09:00 GMT",
            "5 hours ago",
            "11 September, 18:16",
            "2025-03-14T09:12:00+00:00",
            "March 3rd, 2025",
        ] {
            assert!(is_timestamp(junk), "{junk}");
        }
        for content in [
            "On March 3, the council voted 7-2.",
            "March",
            "Friday, the court ruled.",
            "The 52 prisoners crossed at 18:16 on Thursday.",
        ] {
            assert!(!is_timestamp(content), "{content}");
        }
    }
}
