//! Paragraph fingerprints: a seeded 64-bit ahash of each kept line's normalized text.
//!
//! Normalization makes copies that differ only in presentation equal: Unicode NFC, case, runs of
//! whitespace, and the quote and dash variants that publishing systems swap ("smart" quotes).

use crate::model::CleanDoc;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// Fixed seeds: the same text gets the same fingerprint in every run and on every thread. ahash's
/// default `RandomState` draws random keys per process, which would make output order-dependent.
static HASHER: LazyLock<ahash::RandomState> = LazyLock::new(|| {
    ahash::RandomState::with_seeds(
        0x5107_5157_0000_0001,
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
    )
});

/// The fingerprint of one kept line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParaPrint {
    /// 1-based line number in the document.
    pub line: usize,
    /// Hash of the normalized text.
    pub hash: u64,
    /// Length of the normalized text in characters.
    pub chars: usize,
    /// Words, stems, numbers and names, for the near-duplicate and paraphrase stage.
    pub features: super::features::Features,
}

/// Everything the cross-document stages need to know about one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocPrint {
    pub doc: String,
    /// The headline's line and fingerprint, if the document has one.
    pub title: Option<ParaPrint>,
    /// Words in the headline (without a site suffix).
    pub title_words: usize,
    /// Every kept line, the headline included, in line order.
    pub paragraphs: Vec<ParaPrint>,
    /// Hashes of the lines the per-document junk stage removed: a line that recurs across a site
    /// is evidence of boilerplate wherever it was already caught.
    pub junk: Vec<u64>,
    /// The line of a spinner's marker ("NEUTRAL", "FORMAL"), if the document has one: the lines
    /// after it are machine-paraphrased, never the wording to keep.
    pub spun_from: Option<usize>,
}

/// The rule that names a spinner's marker line (rules.toml).
pub const SPINNER_MARKER: &str = "spinner_marker";

/// Fingerprint the kept lines of one cleaned document.
pub fn fingerprint(clean: &CleanDoc) -> DocPrint {
    let paragraphs: Vec<ParaPrint> = clean
        .kept()
        .map(|(line, text)| {
            let norm = normalize(text);
            ParaPrint {
                line,
                hash: hash_str(&norm),
                chars: norm.chars().count(),
                features: super::features::features(text),
            }
        })
        .collect();
    let title = clean
        .title_line
        .and_then(|t| paragraphs.iter().find(|p| p.line == t).cloned());
    let title_words = clean.title().map_or(0, |t| {
        crate::clean::repeated_headline::strip_site_suffix(t)
            .split_whitespace()
            .count()
    });
    let junk = clean
        .doc
        .lines
        .iter()
        .zip(&clean.verdicts)
        .filter(|(_, v)| matches!(v, crate::model::Verdict::Junk { .. }))
        .map(|(l, _)| hash_str(&normalize(l)))
        .collect();
    DocPrint {
        doc: clean.doc.id.clone(),
        title,
        title_words,
        paragraphs,
        junk,
        spun_from: clean
            .verdicts
            .iter()
            .position(
                |v| matches!(v, crate::model::Verdict::Junk { rule } if rule == SPINNER_MARKER),
            )
            .map(|i| i + 1),
    }
}

/// The seeded hash used for fingerprints.
pub fn hash_str(s: &str) -> u64 {
    HASHER.hash_one(s)
}

/// Text as compared for duplicates: NFC, lowercase, unified quotes and dashes, single spaces.
pub fn normalize(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text);
    }
    // Most lines are NFC already; the quick check skips the (costly) recomposition for them.
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        fold(text.chars())
    } else {
        fold(text.nfc())
    }
}

/// [`fold`] for ASCII text (most lines), byte by byte: the same output.
fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for b in text.bytes() {
        // char::is_whitespace on ASCII: tab, newline, vertical tab, form feed, return, space.
        if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(match b {
                b'`' => '\'',
                b => char::from(b.to_ascii_lowercase()),
            });
        }
    }
    out
}

fn fold(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in chars.flat_map(char::to_lowercase) {
        let c = match c {
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_differences_normalize_away() {
        assert_eq!(
            normalize("  “Hello”\u{a0} World — it’s  here "),
            normalize("\"hello\" world - it's here")
        );
        assert_ne!(normalize("52 prisoners"), normalize("25 prisoners"));
        // The ASCII path folds as the general one does.
        for text in [
            "  A\tB\u{b}C\u{c}`D`\r\n e  ",
            "Plain TEXT, with `ticks`.",
            "",
            "   ",
        ] {
            assert_eq!(normalize(text), fold(text.chars()), "{text:?}");
        }
        // NFC: e + combining acute equals the precomposed é.
        assert_eq!(
            hash_str(&normalize("cafe\u{301}")),
            hash_str(&normalize("café"))
        );
    }

    #[test]
    fn hash_is_seeded_and_stable_within_a_build() {
        assert_eq!(hash_str("abc"), hash_str("abc"));
        assert_ne!(hash_str("abc"), hash_str("abd"));
    }
}
