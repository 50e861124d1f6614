//! Bytes to text: BOM, declared HTML charset, UTF-8, then a detector's guess; binary files refused.
//!
//! The order follows what browsers do (the WHATWG encoding sniffing algorithm, simplified): a byte
//! order mark wins; for HTML, a `<meta charset>` in the first kilobytes comes next; then UTF-8 when
//! the bytes are valid UTF-8; else `chardetng`'s guess, which is the detector Firefox uses and knows
//! the legacy encodings scraped pages come in (Windows-1252, Shift_JIS, GBK, EUC-KR, KOI8-R, ...).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// Decoded text plus what the decoder had to do to get it.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used, by its WHATWG name ("UTF-8", "windows-1252", ...).
    pub encoding: &'static str,
    /// 1-based line numbers where bytes had to be replaced with U+FFFD.
    pub replaced_lines: Vec<usize>,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary file (NUL byte at offset {offset}), skipped")]
    Binary { offset: usize },
}

/// How many leading bytes are searched for a `<meta charset>` (browsers use 1024; pages with long
/// heads put it later, and a wrong guess costs more than the scan).
const META_PRESCAN: usize = 4096;

/// Decode `bytes`. `html` enables the `<meta charset>` step.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(enc, &bytes[bom_len..]));
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return Ok(decode_with(enc, bytes));
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    if html {
        if let Some(enc) = meta_charset(bytes) {
            return Ok(decode_with(enc, bytes));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            replaced_lines: Vec::new(),
        });
    }
    // Mostly-valid UTF-8 with a few broken bytes is a damaged UTF-8 file, not a legacy encoding:
    // decoding it as Windows-1252 would garble every correct character to save a few bad ones.
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if valid_multibyte >= 2 * invalid {
        return Ok(decode_with(UTF_8, bytes));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(decode_with(enc, bytes))
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let replaced_lines = if text.contains('\u{FFFD}') && !bytes_contain_replacement(bytes, enc) {
        text.split('\n')
            .enumerate()
            .filter(|(_, l)| l.contains('\u{FFFD}'))
            .map(|(i, _)| i + 1)
            .collect()
    } else {
        Vec::new()
    };
    Decoded {
        text,
        encoding: enc.name(),
        replaced_lines,
    }
}

/// A U+FFFD that was in the input already is not a decoding problem.
fn bytes_contain_replacement(bytes: &[u8], enc: &'static Encoding) -> bool {
    enc == UTF_8 && bytes.windows(3).any(|w| w == "\u{FFFD}".as_bytes())
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// UTF-16 without a BOM: text in it has a NUL in every other byte (for Latin-script text), on the
/// odd offsets for little-endian and the even ones for big-endian.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Most units have a zero high byte, and the other byte is rarely zero.
    if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

static META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("valid regex")
});

/// The charset a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">` declares.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN)];
    let label = META.captures(head)?.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    // A page that declares UTF-16 in ASCII bytes is not UTF-16 (WHATWG: treat as UTF-8).
    if enc == UTF_16LE || enc == UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

/// (valid multi-byte UTF-8 sequences, invalid bytes) in `bytes`.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                valid += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                let bad = e.error_len().unwrap_or(rest.len()).max(1);
                invalid += 1;
                bytes = &rest[bad.min(rest.len())..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(text: &str, e: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = e.encode(text);
        assert!(!unmappable, "test text must be encodable in {}", e.name());
        bytes.into_owned()
    }

    #[test]
    fn utf8_boms_and_utf16_boms() {
        let mut b = b"\xEF\xBB\xBFhello".to_vec();
        assert_eq!(decode(&b, false).unwrap().text, "hello");
        b = vec![0xFF, 0xFE];
        b.extend("héllo\nwörld".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&b, false).unwrap().text, "héllo\nwörld");
        b = vec![0xFE, 0xFF];
        b.extend("héllo".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&b, false).unwrap().text, "héllo");
    }

    #[test]
    fn utf16_without_bom_is_sniffed() {
        let le: Vec<u8> = "A plain line of text\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&le, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("A plain line of text\n", "UTF-16LE")
        );
        let be: Vec<u8> = "Another line"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be, false).unwrap().text, "Another line");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01".to_vec();
        assert!(matches!(decode(&b, false), Err(DecodeError::Binary { .. })));
    }

    #[test]
    fn legacy_encodings_are_guessed() {
        let cases: &[(&str, &'static Encoding)] = &[
            (
                "Le président a déclaré que l’économie française était « très forte » cette année, \
                 malgré les critiques répétées des syndicats et de l’opposition.",
                encoding_rs::WINDOWS_1252,
            ),
            (
                "政府は木曜日、新しい経済対策を発表した。首相は記者会見で、物価の上昇に対応するため\
                 に追加の予算を組むと述べた。野党はこの計画を批判している。",
                encoding_rs::SHIFT_JIS,
            ),
            (
                "政府周四宣布了新的经济措施。总理在新闻发布会上表示，为了应对物价上涨，\
                 将编制额外的预算。反对党批评了这项计划。",
                encoding_rs::GBK,
            ),
            (
                "Правительство в четверг объявило о новых экономических мерах. Премьер-министр \
                 заявил, что бюджет будет увеличен.",
                encoding_rs::WINDOWS_1251,
            ),
        ];
        for (text, e) in cases {
            let d = decode(&enc(text, e), false).unwrap();
            assert_eq!(d.text, *text, "{}", e.name());
            assert!(d.replaced_lines.is_empty());
        }
    }

    #[test]
    fn meta_charset_wins_over_guessing_for_html() {
        let html =
            "<html><head><meta charset=\"windows-1251\"></head><body><p>Привет</p></body></html>";
        let d = decode(&enc(html, encoding_rs::WINDOWS_1251), true).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (html, "windows-1251"));
        let http_equiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>café</p>";
        let d = decode(&enc(http_equiv, encoding_rs::WINDOWS_1252), true).unwrap();
        assert_eq!(d.text, http_equiv);
    }

    #[test]
    fn damaged_utf8_stays_utf8_and_names_the_line() {
        let mut b = "première ligne é\nla deuxième \u{e8}".as_bytes().to_vec();
        b.extend_from_slice(b" bad \xE9 byte\n");
        b.extend_from_slice("troisième".as_bytes());
        let d = decode(&b, false).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replaced_lines, vec![2]);
        assert!(d.text.starts_with("première ligne é\n"));
    }
}
