//! `provenance`: a note about the text itself, where it came from and who wrote it.
//!
//! **What it removes** (two decision names):
//! - `provenance`: the text speaking of itself or of its publication: `This story was produced
//!   by X and is shared through Y`, `(This story has not been edited by X staff and is
//!   auto-published from a syndicated feed.)`, `This article has been updated.`, `The post X
//!   appeared first on Y.`, `(With inputs from X)`, `Editor's note: ...`, a press-release
//!   `SOURCE X` line.
//! - `disclaimer`: the publisher disowning what it carries (`X does not verify their content`,
//!   `The issuer is solely responsible`) and a press release's legal caveat (`forward-looking
//!   statements`, `undertakes no obligation to update`), in a line that names what is carried.
//! - `author_bio`: the box about the reporter: `About the author`, `Ann Lee covers transport for
//!   the Herald. Reach her at ann@herald.example`.
//!
//! **Why it is junk:** the article is about the world; a sentence whose subject is "this
//! story/article/post" and whose verb is a publishing verb is about the page. A bio names the
//! reporter, a beat and a way to reach them.
//! **Known false positives:** a news sentence about a law's article ("This article was
//! published in the gazette...") would go: the demonstrative "this" plus a publishing verb is the
//! whole test. "Smith covers the costs for the council" with a reach/for-the cue would go as a bio.
//! **Example:** `This story was produced by NewsChannel 6 and is shared with Beacon readers.`

pub const NAME: &str = "provenance";
pub const BIO: &str = "author_bio";
pub const SPONSOR_NOTE: &str = "sponsor_note";
pub const DISCLAIMER: &str = "disclaimer";

/// A machine note is short; a longer line is an article about automation.
const MAX_MACHINE_WORDS: usize = 40;

/// Longer lines are article prose.
const MAX_WORDS: usize = 60;
/// ... but a press release's legal caveat may run this long.
const MAX_DISCLAIMER_WORDS: usize = 160;

crate::thread_regex!(
    /// "this story ... produced/published/shared/..." within one clause.
    SELF_NOTE = r"(?xi)
        ^ [\s(\[*]* (?: note \s* : \s* )?
        (?: (?: this | the \s+ above | the \s+ following )
            \s+ (?: story | article | post | report | piece | content | item | feature | press \s+ release | news \s+ item | text | video | page | summary | version )
          | story | text | content | report )
        \b [^.;:]*?
        \b (?: produced | published | shared | carried | edited | appeared | syndicated | republished
             | distributed | auto-\w+ | automatically | generated | sourced | provided | supplied
             | imported | updated | corrected | translated | contributed | reproduced | reprinted
             | aggregated | originally | first \s+ (?: published | appeared ) )
        \b"
);

crate::thread_regex!(
    /// Fixed provenance shapes of publishing tools and wires.
    TOOL_NOTE = r"(?x)
          ^ (?i: the \s+ post ) \s .+ \s (?i: appeared \s+ first \s+ on ) \s .+ $
        | ^ [(\[]? (?i: with \s+ inputs? \s+ from | inputs? \s+ from | with \s+ agency \s+ inputs? ) \b .* $
        | ^ (?i: editor[’']?s? \s* note | editors[’'] \s* note ) \b
        | ^ SOURCE \s+ \p{Lu} [^.!?]{1,80} $
        | ^ (?: [\p{L}-]+ \s+ ){0,2} (?i: provided | supplied | distributed ) \s+ by \s+ \p{Lu} [^.!?]{0,60} $"
);

crate::thread_regex!(
    /// A publisher disowning what it carries: `X distributes releases ... and does not verify
    /// their content`, `The issuer is solely responsible`, `accepts no responsibility for`; and
    /// the standard legal caveat of a press release (`undertakes no obligation to update`,
    /// `actual results may differ materially`).
    DISCLAIM = r"(?i)\b(?:do(?:es)?\s+not\s+(?:verify|endorse|guarantee|warrant)|(?:is|are)\s+solely\s+responsible|accepts?\s+no\s+(?:responsibility|liability)|(?:is|are)\s+not\s+responsible\s+for|undertakes?\s+no\s+obligation|(?:actual\s+)?results\s+(?:may|could|might)\s+differ\s+materially|forward-looking\s+statements?)\b"
);

crate::thread_regex!(
    /// A note that software made or moved the text: an automation word and a word for the text
    /// (`newsquilt pulls stories automatically from partner wires and publishes them unedited`,
    /// `Diese Kurzfassung wurde automatisch ... erzeugt`, `This text was reworded by software`).
    MACHINE = r"(?i)\b(?:automatically|automatic|automated|auto-\w+|automatisch\w*|automáticamente|automatiquement|automaticamente|software|unedited|as\s+supplied|as\s+received|without\s+editing|unverändert|ungeprüft)\b"
);
crate::thread_regex!(
    TEXT_WORD = r"(?i)\b(?:stor(?:y|ies)|articles?|texts?|headlines?|posts?|content|reports?|feeds?|wires?|artikel\w*|text\w*|kurzfassung|meldung\w*|beitr[aä]g\w*|nachricht\w*|noticias?|art[ií]culos?|textos?|dépêches?|contenus?)\b"
);

crate::thread_regex!(
    /// Words for what a publisher carries, besides [`TEXT_WORD`]'s.
    RELEASE_WORD = r"(?i)\b(?:releases?|announcements?|statements?|materials?|information|opinions?|views?)\b"
);

/// Substrings one of [`DISCLAIM`]'s phrases needs: a cheap gate before it (it searches the
/// whole of lines up to 160 words, with Unicode word boundaries).
static DISCLAIM_STEMS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        super::shape::finder([
            "verify",
            "endorse",
            "guarantee",
            "warrant",
            "solely",
            "responsib",
            "liabilit",
            "obligation",
            "materially",
            "forward-looking",
        ])
    });

/// Substrings one of [`MACHINE`]'s words needs: a cheap gate before it (its Unicode word
/// boundaries make it slow on non-ASCII text).
static MACHINE_STEMS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        super::shape::finder([
            "automat",
            "auto-",
            "software",
            "unedited",
            "as supplied",
            "as received",
            "without editing",
            "unverändert",
            "ungeprüft",
        ])
    });

crate::thread_regex!(
    /// The text announcing its sponsor: `Today’s letter is sponsored by X: 10% off ...`.
    SPONSOR = r"(?i)^(?:brought\s+to\s+you\s+by|presented\s+by|sponsored\s+by)\s+\p{Lu}|^(?:this|today[’']?s|the|our)\s+(?:letter|newsletter|episode|post|story|article|issue|edition|podcast|briefing|video|series|section|page)\s+(?:is|was|comes)\s+(?:sponsored|brought\s+to\s+you|presented|supported|made\s+possible)\s+by\b");

crate::thread_regex!(
    /// A reporter's bio: a name, then a beat.
    BIO_START = r"^(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}(?:covers|writes\s+about|reports\s+on|is\s+(?:an?|the|our)\s+(?:[\p{L}-]+\s+){0,4}(?:reporter|correspondent|editor|writer|journalist|columnist|producer|photographer))\b"
);

crate::thread_regex!(
    BIO_CUE = r"(?i)\b(?:reach|contact|email|e-mail|follow)\s+(?:him|her|them|me)\b|[\w.+-]+@[\w-]+\.[\w.]+|\bjoined\s+(?:the\s+)?\p{Lu}|\bfor\s+the\s+\p{Lu}"
);

crate::thread_regex!(
    BIO_HEADER =
        r"(?i)^about\s+(?:the\s+)?(?:author|reporter|writer|contributor|journalist)s?\s*:?$"
);

/// The decision name for a provenance note or a bio, if the line is one.
pub fn check(line: &str) -> Option<&'static str> {
    let t = line.trim();
    let words = t.split_whitespace().take(MAX_DISCLAIMER_WORDS + 1).count();
    // A quoted person may disown things too; a note quotes nobody.
    let quoted = t.contains(['“', '”', '"', '«', '»', '„']);
    // A legal caveat runs longer than any other note.
    if words <= MAX_DISCLAIMER_WORDS
        && !quoted
        && DISCLAIM_STEMS.is_match(t)
        && DISCLAIM.is_match(t)
        && (TEXT_WORD.is_match(t) || RELEASE_WORD.is_match(t))
    {
        return Some(DISCLAIMER);
    }
    if t.is_empty() || words > MAX_WORDS {
        return None;
    }
    if SELF_NOTE.is_match(t) || TOOL_NOTE.is_match(t) {
        return Some(NAME);
    }
    if SPONSOR.is_match(t) {
        return Some(SPONSOR_NOTE);
    }
    if !quoted
        && t.split_whitespace().count() <= MAX_MACHINE_WORDS
        && MACHINE_STEMS.is_match(t)
        && MACHINE.is_match(t)
        && TEXT_WORD.is_match(t)
        && !t
            .split(|c: char| !c.is_alphabetic())
            .any(|w| super::shape::REPORTING.contains(&w.to_lowercase().as_str()))
    {
        return Some(NAME);
    }
    if BIO_HEADER.is_match(t) || (BIO_START.is_match(t) && BIO_CUE.is_match(t)) {
        return Some(BIO);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_about_the_text() {
        for line in [
            "This story was produced by NewsChannel 6 and is shared with Beacon readers through the Tamsey Valley News Partnership.",
            "(This story has not been edited by NewsBazaar Live staff and is auto-published from a syndicated news agency feed.)",
            "This article has been updated with a statement from the council.",
            "The post Pelloran plans £85m plant appeared first on Harlbury Evening Post.",
            "(With inputs from Harlbury Evening Post)",
            "Editor's note: Press releases are carried exactly as received.",
            "SOURCE Pelloran Energy",
            "Story supplied by marlhaven.example under licence",
            "Automatically imported: headline and text exactly as supplied by the agency.",
            "newsquilt pulls stories automatically from partner wires and publishes them unedited.",
            "This text was reworded by software from a news agency report and may contain errors.",
            "Diese Kurzfassung wurde automatisch aus unserem Nachrichtenticker erzeugt.",
        ] {
            assert_eq!(check(line), Some(NAME), "{line}");
        }
        for line in [
            "About the author",
            "Tobias Wrenfield covers public safety and the courts for the Beacon. Reach him at tobias@beacon.example.",
            "Tom Hallard covers business and the docks for the Harlbury Evening Post. He joined the Post in 2019.",
        ] {
            assert_eq!(check(line), Some(BIO), "{line}");
        }
        for line in [
            "News provided by Calder Mills plc",
            "Quayside Wire carries releases for its members and does not verify their content.",
            "Forward-Looking Statements",
            "This release contains statements about future events; actual results may differ materially, and the company undertakes no obligation to update them.",
        ] {
            assert!(matches!(check(line), Some(DISCLAIMER | NAME)), "{line}");
        }
    }

    #[test]
    fn news_about_publications_stays() {
        for line in [
            "The report was published by the council on Monday.",
            "This week the company published its annual results, showing a 4% rise in sales.",
            "Source code for the app was shared on GitHub, the researchers said.",
            "The post office on Mill Street will close in June.",
            "Smith covers the cost of the repairs, the insurer said.",
            "About 200 people attended.",
            "The software automatically flagged stories that mentioned the company, the regulator said.",
            "Story time at the library is cancelled this week.",
            "The festival is sponsored by the council and three local firms.",
            "The regulator said the bank does not verify the identity of every customer.",
            "“We are not responsible for the delays,” the rail operator’s statement said.",
            "The water was provided by the fire brigade after the mains burst.",
        ] {
            assert_eq!(check(line), None, "{line}");
        }
    }
}
