//! `meta_line`: one line of page metadata, recognised by its shape: a caption that ends in a
//! credit, a `Label: Name` field, a byline, a counter, a relative time, a row of UI words.
//!
//! **What it removes** (each a decision name of its own):
//! - `caption_credit`: a line that ends in a photo credit, `... Picture: Ann Lee/Agency`,
//!   `... (Photo by X)`, `... Credit: X`, in a few languages' credit words.
//! - `field_label`: `Via: Grellham Gazette`, `Source: Reuters`, `Tags: ferry, fire, harbour`: one
//!   to three label words, a colon, and a value that is a short name or a comma list (capitalised
//!   or a list: `Timeline: how the fire spread`, a subheading, stays).
//! - `byline`: `By X`, `Posted by X in Y`, `Reporting by X; Editing by Y`, `Von X`, `Por X`: a
//!   short line that starts with such words and is not a sentence (`By noon the water had
//!   receded.` is one).
//! - `counter`: a short line that counts the page's readers, views, comments or shares
//!   (`This story has been read 41 times`, `Join the conversation (7)`, `1.2k shares`).
//! - `relative_time`: a short line with `5 hours ago`, `2 days ago`.
//! - `ui_words`: a short line (at most [`MAX_UI_WORDS`] words, not a sentence) whose words are
//!   more than half UI words: buttons and widgets (`Post to X`, `Send via WhatsApp`, `— AD —`,
//!   `Scroll to continue with content`).
//!
//! **Why it is junk:** these are the page's furniture; their shape, not their wording, says so:
//! none of them is a sentence, all are short, and each carries its kind's sign (a credit word at
//! the end, a label and a colon, a count noun and a number, a UI word list).
//! **Known false positives:** a subheading made of UI words ("Share prices" stays: half is not
//! more than half; "Play on" would go); a one-line chronology entry "By 2030: Net zero".
//! **Example:** `Smoke rises over the harbour on Sunday. Picture: Iain Tolley/Coastline Dispatch`.

use super::shape::{ends_like_sentence, word_units};
use std::sync::LazyLock;

/// Lines longer than this are prose, whatever they contain (captions may be long: they are
/// checked by their end).
const MAX_META_WORDS: usize = 14;
/// The longest credit [`CREDIT_END`] looks for (its name part is unbounded in the pattern: a
/// counted repetition of a Unicode class, `[^.!?]{0,80}`, made a lazy DFA too big for its
/// cache, and the regex fell back to its slowest engine, 13 µs a line; the tail bounds it
/// instead): prefix, agency, credit words, an 80-character
/// name, closing bracket, with room to spare.
const CREDIT_TAIL_CHARS: usize = 120;
/// Verbs and objects of a continuation marker ("Story continues below", "Keep scrolling for
/// the rest of this story", "Der Artikel wird nach der Werbung fortgesetzt").
const CONTINUE_VERBS: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "resumes",
    "resume",
    "scroll",
    "scrolling",
    "keep",
    "fortgesetzt",
    "weiterlesen",
    "weiter",
    "continúa",
    "continua",
    "sigue",
    "suite",
];
const CONTINUE_OBJECTS: &[&str] = &[
    "overleaf",
    "anuncio",
    "story",
    "article",
    "reading",
    "below",
    "beneath",
    "after",
    "more",
    "content",
    "rest",
    "artikel",
    "werbung",
    "anzeige",
    "artículo",
    "publicidad",
];

/// Markers, link labels and continuation lines have at most this many words.
const MAX_MARKER_WORDS: usize = 12;

/// Arrows that end a link's label ("Full story on Marlhaven Newswire ›", "Carry on reading ⟶").
const ARROWS: &[char] = &['→', '⟶', '›', '»', '▶', '➜', '➔', '⇒', '↗', '⟩', '>'];

/// Decorations that frame a marker line on both ends ("— report continues —", "» dispatch
/// resumes «", "~ more after this ~", "▼ Keep scrolling ▼"). Quotes and brackets are not among
/// them: a quotation is framed by its marks.
const FRAMES: &[char] = &[
    '—', '–', '-', '~', '»', '«', '▼', '▲', '►', '◄', '*', '•', '·', '|', '=', '_', '+', '#', '→',
    '←', '›', '‹', '★', '☆', '◆', '■', '□', '❖', '⏬', '⏩', '⬇', '↓', '▶', '◀',
];

crate::thread_regex!(
    /// A credit in brackets before its caption: `[credit: Ann Lee / Herald] Workers arrive...`,
    /// `(P. Tennant for Varrow Post) Swimmers queue...`.
    CREDIT_LEAD = r"^[\[(]\s*(?i:(?:photo|picture|image|credit|foto|bild)s?\s*:?\s*)?\p{Lu}[^()\[\]]{0,60}(?:\s/\s|\sfor\s|/)[^()\[\]]{1,60}[\])]\s+\S"
);

/// A label in capitals with a separator: `VARROW POST · REGIONAL WIRE` (a headline in capitals
/// has no such separator).
fn is_caps_label(t: &str) -> bool {
    t.contains(['·', '•', '|'])
        && t.chars().any(char::is_alphabetic)
        && !t.chars().any(char::is_lowercase)
        && t.split_whitespace().count() <= 8
}

/// The last word is a web address or a bare domain or path: `Copied from
/// ktbr4.example/news/local`, `Origin URL: https://...`.
fn ends_with_domain(t: &str) -> bool {
    let last = t.split_whitespace().last().unwrap_or("");
    if last.starts_with("http://") || last.starts_with("https://") {
        return last.len() < t.len(); // a URL alone is a `url_line`
    }
    let host = last.split('/').next().unwrap_or("");
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()))
}

/// A line that is a web address and nothing else (a print view's source URL, a bare link).
fn is_url_line(t: &str) -> bool {
    !t.contains(char::is_whitespace)
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

/// A short line framed by decorations on both ends.
fn is_framed(t: &str) -> bool {
    t.chars().count() >= 3
        && t.starts_with(FRAMES)
        && t.ends_with(FRAMES)
        && t.chars().any(char::is_alphabetic)
}

/// A number alone, with a symbol and maybe a k/M suffix: `👏 1.1K`, `♡ 212`, `👁 310`.
fn is_bare_count(t: &str) -> bool {
    let core = t.trim_matches(|c: char| !c.is_alphanumeric());
    let rest = t.replace(core, "");
    let number = core.trim_end_matches(['k', 'K', 'm', 'M']);
    !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && rest.chars().all(|c| !c.is_alphanumeric())
        && !rest.trim().is_empty()
}

crate::thread_regex!(
    /// An advertising label before its ad copy: `Sponsored · Fix your boiler ...`, `Anzeige: ...`.
    AD_LABEL = r"(?i)^(?:sponsored|gesponsert|anzeige|werbung|advertisement|advert|promoted|paid post|paid content|partner content|patrocinado|contenido patrocinado|espacio patrocinado|publicidad|publicité|sponsorisé|contenu sponsorisé|annonce)\s*(?:[·:|–—-]|by\b)\s*\S"
);

/// Media teasers (a label or a running time) may carry a headline-length text.
const MAX_MEDIA_WORDS: usize = 25;
/// A row of UI words is short.
pub const MAX_UI_WORDS: usize = 6;

crate::thread_regex!(
    CREDIT_END = r"(?x)
        (?: [(\[]\s* | [.!?]\s+ | ^ | \s[-–—|]\s )
        (?: [A-Z]{2,8}\s+ )?
        (?i: photo(?:graph)?s? | pictures? | pics? | images? | credits? | fotos? | bild | photos?\s+credit
          | illustration | graphic | video | foto\s+di | imagen | aufnahmen? | bildnachweis | fotografía
          | crédito
          | (?: photo(?:graph)?s? | pictures? | images? ) \s+ (?: supplied | provided | released | handed\s+out ) )
        \s* (?i: : | / | by | von | di | de | via | courtesy\s+(?:of\s+)? ) \s*
        [\p{Lu}@] \.? (?: [^.!?] | \p{Lu}\. )* [)\]]? \.? $
        | (?: [.!?]\s+ | \s[-–—|]\s ) (?i: photos? | pictures? | images? | fotos? | bild ) \s+
          \p{Lu}[\p{L}.]*\s?/\s?(?: [^.!?/] | \p{Lu}\. )+ $
        | (?: [.!?]\s+ | \s[-–—|]\s ) © \s* [\p{Lu}@][^.!?]* $"
);

crate::thread_regex!(FIELD = r"^(?:[\p{Lu}][\p{L}]*)(?:[ -][\p{L}]+){0,2}\s*:\s+(\S.*)$");

crate::thread_regex!(
    BYLINE = // "Posted by" and the like take any name (a user handle too); a bare "By" needs a
        // capital after it ("By noon" is prose).
        r"^(?:[•·|—–(-]\s*)?(?:(?i:(?:posted|written|filed|words|reporting|reported|report|story|text|photos?|edited|compiled|interview|additional reporting|produced|published)\s+by)\s*:?\s+\S|(?i:by|von|por|par|di|door|av|af)\s*:?\s+[\p{Lu}@\p{Lo}])"
);

/// The credit words of [`CREDIT_END`] and [`CREDIT_INLINE`], as substrings.
static CREDIT_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    super::shape::finder([
        "photo",
        "pic",
        "image",
        "imagen",
        "credit",
        "foto",
        "bild",
        "illustration",
        "graphic",
        "video",
        "aufnahme",
        "©",
        "crédito",
    ])
});

crate::thread_regex!(
    /// A credit glued to its caption by an extractor, without punctuation: `... on Tuesday
    /// morning Photograph: Reader submitted`. The credit word is capitalised and has a colon.
    CREDIT_INLINE =
        r"\s(?:Photo(?:graph)?|Picture|Image|Credit|Foto|Bild|Video)s?\s*:\s*[\p{Lu}@][^.!?:]*$"
);

crate::thread_regex!(
    /// A caption's credit in brackets at the end: `(Ann Lee / Agency)`, `[Ann Lee/Agency]`, `(File photo)`,
    /// `(Representational image)`: a name, a slash and a source, or a media word with at most one
    /// qualifier.
    CREDIT_PAREN = r"(?x)
        [(\[] \s* (?:
            [\p{Lu}][\p{L}.'’-]* (?: \s+ [\p{Lu}][\p{L}.'’-]* ){0,3} \s* / \s* [^()/]{2,}
          | (?i: (?: [\p{L}]+ \s+ )? (?: photo(?:graph)? | image | picture | pic | foto | video | file ) s? )
        ) \s* [)\]] \.? $"
);

crate::thread_regex!(
    /// A media teaser: a label in capitals (`VIDEO ABOVE:`, `▶ WATCH:`, `LISTEN |`) or a running
    /// time at the end (`... (2:14)`).
    MEDIA = r"^(?:[▶►▷⏵]\s*)?(?:VIDEO|WATCH|LISTEN|AUDIO|PHOTOS|GALLERY|PODCAST|IN PICTURES)(?:\s+[A-Z]+)?\s*[:|–—-]\s"
);

crate::thread_regex!(
    /// ... or a running time at the end. (Two regexes: one anchored at each end searches only
    /// there; one regex with both alternatives scanned every line through.)
    DURATION = r"\(\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)$");

crate::thread_regex!(
    /// A teaser for another page behind a label: `RELATED: ...`, `Also Read: ...`, `Don't miss:
    /// ...`, `ALSO READ | ...`. The labels are the closed set sites use for inline links.
    TEASER = r"(?i)^[\s>»›•·▶►-]*(?:related(?: (?:article|story|stories|content|news|coverage|reading))?|also read|read also|also see|see also|read more|more|don'?t miss|do not miss|must read|recommended|suggested|trending|popular|up next|read next|next|previous|more on this(?: story)?|more from [\p{L} ]{1,30}|latest|top stories|editor'?s picks?|watch|listen|relacionado|relacionada|lee también|te puede interesar|lire aussi|à lire aussi|voir aussi|mehr zum thema|auch interessant|lesen sie auch)\s*(?::|\||–|—|»|›|>|▸|►)\s*\S"
);

crate::thread_regex!(
    /// A reading or listening time: `Est. read: 3 minutes`, `4 min listen`, `Around 4 minutes to read`.
    READING_TIME = r"(?i)\b\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?|minutos?|minuten|m)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+minutes?\b"
);

crate::thread_regex!(COUNT_PAREN = r"\(\s*\d[\d,.]*\s*\)\s*$");

crate::thread_regex!(
    RELATIVE = r"(?i)\b\d+\s*(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b"
);

/// Nouns that count a page's audience or interactions.
const COUNT_NOUNS: &[&str] = &[
    "times",
    "views",
    "view",
    "reads",
    "visits",
    "visit",
    "comments",
    "comment",
    "shares",
    "likes",
    "responses",
    "claps",
    "highlights",
    "replies",
    "reactions",
    "readers",
    "votes",
    "visitors",
    "viewers",
    "lecturas",
    "visitas",
    "opiniones",
    "comentarios",
    "lectures",
    "vues",
    "commentaires",
    "aufrufe",
    "kommentare",
    // Portuguese, Spanish, French, Italian, Dutch, Polish, Scandinavian, Finnish, Turkish
    "vezes",
    "veces",
    "fois",
    "volte",
    "keer",
    "razy",
    "gånger",
    "ganger",
    "kertaa",
    "kez",
    "leituras",
    "visualizações",
    "visualizaciones",
    "visualizzazioni",
    "letture",
    "commenti",
    "comentários",
    "weergaven",
    "reacties",
    "wyświetleń",
    "wyświetlenia",
    "komentarzy",
    "komentarze",
    "visningar",
    "kommentarer",
    "görüntülenme",
    "okunma",
    "yorum",
    "conversation",
    "discussion",
];

/// Words of buttons, widgets and page furniture, with the social networks share bars name.
const UI_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "post",
    "send",
    "email",
    "e-mail",
    "print",
    "copy",
    "link",
    "whatsapp",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "reddit",
    "telegram",
    "pinterest",
    "messenger",
    "bluesky",
    "threads",
    "mastodon",
    "flipboard",
    "scroll",
    "continue",
    "continues",
    "content",
    "advertisement",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "skip",
    "subscribe",
    "login",
    "sign",
    "menu",
    "search",
    "close",
    "listen",
    "play",
    "pause",
    "audio",
    "save",
    "bookmark",
    "comment",
    "comments",
    "reply",
    "replies",
    "quote",
    "report",
    "flag",
    "show",
    "older",
    "newer",
    "top",
    "back",
    "expand",
    "collapse",
    "gallery",
    "download",
    "app",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "advt",
    "paid",
    "partner",
    "promoted",
    "promotion",
    "advertorial",
    "sponsor",
    "click",
    "tap",
    "here",
    "more",
    "read",
    "create",
    "account",
    "register",
    "highlighted",
];

/// Words that never count either way in a UI row.
const FILLER: &[&str] = &[
    "to", "on", "via", "with", "in", "the", "a", "an", "this", "of", "and", "or", "for", "by",
    "up", "all",
];

/// The decision name for a metadata line, if it is one.
pub fn check(line: &str) -> Option<&'static str> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let bracket_end = t.ends_with(')') || t.ends_with(").") || t.ends_with(']');
    // Cheap gate: every credit but `(Name / Source)` names a credit word.
    let credit_word = CREDIT_WORDS.is_match(t);
    if credit_word && credit_end(t)
        || (bracket_end && CREDIT_PAREN.is_match(t))
        || (credit_word && t.contains(':') && CREDIT_INLINE.is_match(t))
    {
        return Some("caption_credit");
    }
    let units = super::shape::word_units_capped(t, MAX_MEDIA_WORDS);
    if units <= MAX_MEDIA_WORDS && (MEDIA.is_match(t) || bracket_end && DURATION.is_match(t)) {
        return Some("media_label");
    }
    if units <= MAX_META_WORDS + 6 && is_social_links(t) {
        return Some("social_links");
    }
    if units > MAX_META_WORDS {
        return None;
    }
    // An ellipsis ends a cut label ("Click to expand...", "Loading…"), not a sentence.
    let sentence = ends_like_sentence(t) && !t.ends_with("...") && !t.ends_with('…');
    if TEASER.is_match(t) && !(sentence && units > 10) {
        return Some("teaser");
    }
    if AD_LABEL.is_match(t) {
        return Some("ad_label");
    }
    if is_caps_label(t) {
        return Some("source_label");
    }
    if units <= 8 && !sentence && ends_with_domain(t) {
        return Some("link_label");
    }
    if is_bare_count(t) {
        return Some("counter");
    }
    let lower = t.to_lowercase();
    if lower.contains("opens in") && (lower.contains("new window") || lower.contains("new tab")) {
        return Some("ui_words");
    }
    if !sentence && is_field(t) {
        return Some("field_label");
    }
    if !sentence && BYLINE.is_match(t) {
        return Some("byline");
    }
    if !sentence && RELATIVE.is_match(t) {
        return Some("relative_time");
    }
    if is_url_line(t) {
        return Some("url_line");
    }
    if CREDIT_LEAD.is_match(t) {
        return Some("caption_credit");
    }
    if !sentence && units <= MAX_MARKER_WORDS {
        if is_framed(t) {
            return Some("marker_line");
        }
        if t.ends_with(ARROWS) {
            return Some("link_label");
        }
    }
    if sentence || units > MAX_MARKER_WORDS {
        return None;
    }
    let words = lower_words(t);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(CONTINUE_VERBS) && (has(CONTINUE_OBJECTS) || t.contains(['↓', '⬇', '▼'])) {
        return Some("continue_marker");
    }
    if units > 8 {
        return None;
    }
    if units <= 7
        && READING_TIME.is_match(t)
        && has(&[
            "read",
            "reading",
            "listen",
            "listening",
            "lesezeit",
            "lectura",
            "lecture",
            "lee",
            "leer",
            "lesen",
            "lire",
            "oír",
            "escuchar",
        ])
    {
        return Some("reading_time");
    }
    if is_counter(t, &words) {
        return Some("counter");
    }
    if units <= MAX_UI_WORDS && is_ui_row(&words) {
        return Some("ui_words");
    }
    None
}

/// [`CREDIT_END`] searched over the line's last [`CREDIT_TAIL_CHARS`] characters only: a
/// credit is at most that long, and an unanchored search over a whole paragraph, on every line,
/// cost more than all other meta checks together. `is_match_at` keeps `^` at the line's start.
fn credit_end(t: &str) -> bool {
    let start = t
        .char_indices()
        .rev()
        .nth(CREDIT_TAIL_CHARS)
        .map_or(0, |(i, _)| i);
    CREDIT_END.is_match_at(t, start)
}

/// `Label: value` where the value is a name or a list, not a phrase that starts in lower case.
fn is_field(t: &str) -> bool {
    let Some(value) = FIELD.group(t, 1) else {
        return false;
    };
    let first = value.chars().next().unwrap_or(' ');
    let list = value.contains(',') || value.contains(';');
    let name = first.is_uppercase() || first == '@' || first == '#';
    // An all-capitals line is a kicker headline ("FERRY FIRE: 212 ASHORE"), and a value of more
    // than four words is a phrase ("In pictures: Storm Ilse hits the coast").
    let shouting = !t.chars().any(char::is_lowercase);
    !shouting && (list || (name && word_units(value) <= 4))
}

/// Links to the site's social accounts: two networks and a handle or a follow word
/// (`Stay in the loop: X is on Facebook, Instagram and TikTok — @xnews`). A headline about two
/// networks ("Facebook and Instagram down for hours") has neither.
fn is_social_links(t: &str) -> bool {
    // Cheap gate: no network name anywhere, no social links.
    if !NETWORK_FINDER.is_match(t) {
        return false;
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '@' || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let networks = words.iter().filter(|w| NETWORKS.contains(w)).count();
    let handle = words.iter().any(|w| w.len() > 2 && w.starts_with('@'));
    let cue = words.iter().any(|w| {
        matches!(
            *w,
            "follow" | "us" | "join" | "connect" | "find" | "like" | "loop"
        )
    });
    networks >= 2 && (handle || cue) || (networks >= 1 && handle && !ends_like_sentence(t))
}

static NETWORK_FINDER: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| super::shape::finder(NETWORKS));

/// Social networks sites link to.
const NETWORKS: &[&str] = &[
    "facebook",
    "instagram",
    "tiktok",
    "twitter",
    "youtube",
    "linkedin",
    "whatsapp",
    "telegram",
    "threads",
    "bluesky",
    "mastodon",
    "snapchat",
    "pinterest",
    "reddit",
    "flipboard",
];

fn is_counter(t: &str, words: &[String]) -> bool {
    let has_count_noun = words.iter().any(|w| COUNT_NOUNS.contains(&w.as_str()));
    let has_number = t.chars().any(|c| c.is_ascii_digit());
    (has_count_noun && has_number) || (COUNT_PAREN.is_match(t) && word_units(t) <= 5)
}

fn is_ui_row(words: &[String]) -> bool {
    let counted: Vec<&String> = words
        .iter()
        .filter(|w| !FILLER.contains(&w.as_str()))
        .collect();
    let ui = counted
        .iter()
        .filter(|w| UI_WORDS.contains(&w.as_str()))
        .count();
    !counted.is_empty() && 2 * ui > counted.len()
}

fn lower_words(t: &str) -> Vec<String> {
    t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty() && *w != "-")
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_lines_by_kind() {
        for (line, kind) in [
            (
                "Smoke rises over the harbour on Sunday. Picture: Iain Tolley/Coastline Dispatch",
                "caption_credit",
            ),
            (
                "Firefighters at the scene (Photo by Ana Ruiz/Agency)",
                "caption_credit",
            ),
            ("Via: Grellham Gazette", "field_label"),
            ("Source: Reuters", "field_label"),
            ("Tags: ferry, fire, harbour", "field_label"),
            ("Posted by newsmeld_bot in Regional", "byline"),
            ("By Petra Olund and Sam Reyes", "byline"),
            ("Reporting by Ann Lee; Editing by Tom Roe", "byline"),
            ("This story has been read 41 times", "counter"),
            ("Join the conversation (7)", "counter"),
            ("1,204 views", "counter"),
            ("5 hours ago", "relative_time"),
            ("Updated 2 days ago by the desk", "relative_time"),
            ("Post to X", "ui_words"),
            ("Send via WhatsApp", "ui_words"),
            ("— AD —", "marker_line"),
            ("Scroll to continue with content", "continue_marker"),
            ("Est. read: 3 minutes", "reading_time"),
            ("» dispatch resumes «", "marker_line"),
            ("⏬ rest of the post below ⏬", "marker_line"),
            ("Click to expand...", "ui_words"),
            ("https://varrowpost.example/2025/07/sallowford-lido-reopens", "url_line"),
            ("Se lee en 3 minutos", "reading_time"),
            ("2.318 lecturas", "counter"),
            ("[credit: Lena Quist / Varrow Post] Night-shift workers arrive at the gate", "caption_credit"),
            ("(P. Tennant for Varrow Post) Swimmers queue at the turnstiles on Friday morning.", "caption_credit"),
            ("VARROW POST · REGIONAL WIRE", "source_label"),
            ("Copied from ktbr4.example/news/local", "link_label"),
            ("Origin URL: https://wenlowecho.example/emergencies/tanner-road-fire", "link_label"),
            ("Smoke over Tanner Road late on Friday — pic by J. Okafor, Wenlow Echo", "caption_credit"),
            ("Mill Lane, where Kestby has made tiles since 1958 [pic: R. Denholm / Wenlow Echo]", "caption_credit"),
            ("Relacionado ▸ Los regantes reclaman obras urgentes", "teaser"),
            ("~ more after this ~", "marker_line"),
            ("Full story on Marlhaven Newswire ›", "link_label"),
            ("Read Hanna’s full letter at The Valley Letter →", "link_label"),
            ("👏 1.1K", "counter"),
            ("♡ 212", "counter"),
            ("8 responses", "counter"),
            ("Sponsored · Fix your boiler before winter from £9.99 a month", "ad_label"),
            ("Der Artikel wird nach der Werbung fortgesetzt", "continue_marker"),
            ("Ebbridge Gold bottles on a shelf on Tuesday. © MNW / Hal Brecken", "caption_credit"),
            ("Seit August 2023 ohne Wasser: das Becken. Aufnahme: Jörg Hallwachs/WT", "caption_credit"),
            ("Bottles on the line in Ebbridge. Picture supplied by Penhallow Cider", "caption_credit"),
            ("Around 4 minutes to read", "reading_time"),
            ("Keep scrolling for more ↓", "continue_marker"),
            ("— Story continues beneath sponsor message —", "marker_line"),
            ("PAID PARTNER CONTENT", "ui_words"),
            ("Click here to read more", "ui_words"),
            ("Click to share on WhatsApp (Opens in new window)", "ui_words"),
            ("RELATED: Tamsey County jobless rate ticks up to 4.8%", "teaser"),
            ("Also Read: Gold prices ease for second day as dollar firms", "teaser"),
            ("Don't miss: The Harlbury beer gardens that catch the evening sun", "teaser"),
            ("VIDEO ABOVE: Janelle Okafor-Reyes reports from the Weir Lane gate (2:14)", "media_label"),
            ("▶ WATCH: Flames visible from Route 9 as crews fight the fire (1:48)", "media_label"),
            ("Stay in the loop: NewsChannel 6 is on Facebook, Instagram and TikTok — @tamsey6news", "social_links"),
            ("Firefighters pour water onto the roof late Monday. (Leon Achterberg / Quillford Beacon)", "caption_credit"),
            ("Container cranes at the port of Sallowmead (File photo)", "caption_credit"),
            ("Smoke over the estate on Tuesday morning Photograph: Reader submitted", "caption_credit"),
            ("Written By: Web Desk | Edited By: Anusha Venkat", "byline"),
            ("(Reporting by Nadia Ferrante; Editing by Giles Okafor)", "byline"),
            ("Topics: #Sallowmead #Strike #Shipping", "field_label"),
        ] {
            assert_eq!(check(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn look_alike_content_stays() {
        for line in [
            "By noon the water had receded.",
            "By the time crews arrived, the roof had collapsed",
            "Timeline: how the fire spread",
            "The photo shows the ferry listing to port, the coastguard said.",
            "Shares fell 12% in early trading.",
            "Share prices",
            "What happens next",
            "She had read the report 41 times before the hearing.",
            "Local bakery sells 3,000 cookies for charity",
            "Inchmarrow lighthouse logbooks donated to Grellham museum",
            "Warning: the ferry will not sail until further notice, the operator said.",
            "FERRY FIRE: 212 PASSENGERS BROUGHT ASHORE",
            "In pictures: Storm Ilse hits the estuary",
            "More details to follow",
            "Watch manager Colm Rivers said the crews would stay overnight.",
            "Facebook and Instagram down for hours",
            "In a post on Facebook at 9.30am, the fire station asked people to stay away.",
            "Related concerns about the sprinkler system were raised in 2023.",
            "The minutes of the meeting were read aloud",
            "Chrome adds new tab groups",
            "Paid leave for carers",
            "(Reuters) Shares rose 3% in early trading on Monday.",
            "FIRE / RESCUE",
            "Keep calm and carry on",
            "Video Games Are Getting Longer",
            "“Yes — absolutely —”",
            "2025",
            "The sponsored walk raised £4,000 for the hospice.",
        ] {
            assert_eq!(check(line), None, "{line}");
        }
    }
}
