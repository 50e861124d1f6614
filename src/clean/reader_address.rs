//! `reader_address`: the site talking to the reader about the site.
//!
//! **What it removes:** a line that addresses the reader ("you", "your", "we", "our") and speaks
//! of the site's machinery: cookies, subscriptions, newsletters, accounts, comments and their
//! moderation, notifications, apps, ad blockers, terms and privacy. At least
//! [`MIN_SITE_TERMS`] different such terms must occur, the line must have no quotation marks (a
//! quoted person may say "you"), and it must be at most [`MAX_WORDS`] words long.
//! **Why it is junk:** cookie banners, newsletter and paywall boxes, comment policies and app
//! prompts are written to the reader in the second person about the website; news prose is about
//! the world, in the third person. The pair of signals holds for wordings no rule lists.
//! A line without "you" or "we" needs [`MIN_SITE_TERMS_IMPERSONAL`] terms, at most 30 words and
//! no reporting verb ("said", "according"): a cookie line in the third person.
//! **Known false positives:** a consumer-advice article about cookies or subscriptions written in
//! the second person ("If you cancel your subscription, your account...").
//! A price for a period (`£1 a week`, `€5/month`) counts as one term: it is a subscription offer;
//! an imperative ("Become a ...", "Download the ...") may start any sentence of the line.
//! **Example:** `We use cookies to personalise content. By continuing you agree to our policy.`

pub const NAME: &str = "reader_address";

/// Different site-machinery terms a line needs.
pub const MIN_SITE_TERMS: usize = 2;
/// Longer lines are article prose, whatever they mention.
pub const MAX_WORDS: usize = 80;

const READER: &[&str] = &[
    "you", "your", "you're", "yours", "you'll", "you've", "you'd", "we", "our", "us", "we're",
    "we've", "we'll",
    // French, Spanish, Italian, Portuguese, German (not "Sie"/"ihr": also "she", "her")
    "vous", "votre", "vos", "nous", "notre", "nos", "tu", "ton", "ta", "tes", "usted", "ustedes",
    "nosotros", "nuestro", "nuestra", "nuestros", "voi", "vostro", "vostra", "noi", "nostro",
    "nostra", "você", "vocês", "nosso", "nossa", "wir", "unser", "unsere", "unseren", "euch",
];

/// Verbs that start a call to action.
const IMPERATIVES: &[&str] = &[
    "subscribe",
    "download",
    "sign-up",
    "sign-in",
    "log-in",
    "join",
    "follow",
    "unlock",
    "get",
    "install",
    "register",
    "click",
    "tap",
    "enable",
    "disable",
    "allow",
    "accept",
    "upgrade",
    "support",
    "donate",
    "become",
    "try",
    "start",
    "enter",
    "share",
    "listen",
    "watch",
    "stay",
];

/// Words that follow a call-to-action verb.
const AFTER_IMPERATIVE: &[&str] = &[
    "the",
    "our",
    "us",
    "to",
    "for",
    "now",
    "up",
    "in",
    "it",
    "this",
    "free",
    "today",
    "here",
    "unlimited",
    "all",
    "your",
    "a",
    "an",
    "and",
    "on",
    "with",
    "more",
    "independent",
];

/// Without a reader pronoun, this many different site terms are needed ("X and its partners
/// place cookies for analytics. Manage choices · Allow all").
pub const MIN_SITE_TERMS_IMPERSONAL: usize = 3;
/// ... in a line of at most this many words, with no reporting verb
/// ([`super::shape::REPORTING`]).
const MAX_WORDS_IMPERSONAL: usize = 30;

/// Word stems of a website's machinery (matched as word prefixes).
const SITE_TERMS: &[&str] = &[
    // other languages: subscribe, sign up, free (articles), mail, log in
    "abonn",
    "assinant",
    "sessão",
    "cadastr",
    "suscri",
    "iscri",
    "inscri",
    "anmeld",
    "gratuit",
    "mail",
    "connexion",
    "cookie",
    "subscri",
    "newsletter",
    "inbox",
    "e-mail",
    "email",
    "sign-up",
    "signup",
    "login",
    "log",
    "log-in",
    "account",
    "password",
    "register",
    "registration",
    "premium",
    "paywall",
    "unlock",
    "trial",
    "membership",
    "member",
    "comment",
    "discussion",
    "moderat",
    "notification",
    "app",
    "download",
    "browser",
    "javascript",
    "adblock",
    "ad-block",
    "blocker",
    "privacy",
    "terms",
    "consent",
    "preferences",
    "settings",
    "policy",
    "click",
    "tap",
    "website",
    "site",
    "bookmark",
    "feed",
    "alert",
    "podcast",
    "listen",
    "audio",
    "player",
    "donat",
    "support",
    "journalism",
    "advertis",
    "article",
    "guideline",
    "reading",
    "below",
    "analytic",
    "choices",
    "allow",
    "accept",
    // the site's own channels
    "youtube",
    "channel",
    "facebook",
    "instagram",
    "tiktok",
    "whatsapp",
    "telegram",
    // consent-platform wording
    "device",
    "personalis",
    "personaliz",
    "identifier",
    "ads",
    // comment policies
    "abusive",
    "off-topic",
    "offensive",
    "third-party",
    "replies",
    "spam",
    "insult",
    "delete",
    // paywalls
    "non-member",
    "unlimited",
    "anytime",
    "limit",
    "sign-in",
];

/// Two-word terms, joined with a hyphen before matching ("sign in" is the term "sign-in").
const PHRASES: &[(&str, &str)] = &[
    ("sign in", "sign-in"),
    ("sign up", "sign-up"),
    ("log in", "log-in"),
];

crate::thread_regex!(
    /// A price and a period: `£1 a week`, `€5/month`, `$4.99 per month`, `2,99 €/mês`,
    /// `1 € el primer mes`, `9 € par mois`.
    PRICE_PER_PERIOD = r"(?i)(?:[€£$¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?[€£$¥₹])\s*(?:/|a|an|per|each|every|por|par|pro|al|ao|el|la|le|il|o|im|en)?\s*(?:(?:first|primer|primeiro|premier|primo|ersten?)\s+)?(?:week|month|year|semana|mes|mês|mois|semaine|an|monat|woche|jahr|mese|settimana|anno|maand|jaar|miesiąc|månad|år)"
);

static TERM_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        super::shape::finder(SITE_TERMS.iter().chain(PHRASES.iter().map(|(p, _)| p)))
    });

pub fn is_reader_address(line: &str) -> bool {
    if line.contains(['"', '“', '”', '«', '»', '„']) {
        return false;
    }
    let is_sep = |c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-');
    // Count before allocating: most lines are longer than any reader address.
    let n = line
        .split(is_sep)
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS + 1)
        .count();
    if n == 0 || n > MAX_WORDS {
        return false;
    }
    // Cheap gate: the terms as substrings anywhere, ASCII case-insensitive, are a superset of
    // the terms as word prefixes below; most lines have fewer than needed.
    let mut seen = [false; SITE_TERMS.len() + PHRASES.len()];
    let word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    for m in TERM_FINDER.find_overlapping_iter(line) {
        // Where the word-level test below could match: at a word start, and for short terms
        // at a word end too (an optional plural "s" aside).
        let starts_word = !line[..m.start()].chars().next_back().is_some_and(word_char);
        let short = m.len() <= 4;
        let mut after = line[m.end()..].chars();
        let ends_word = match after.next() {
            None => true,
            Some('s') => !after.next().is_some_and(word_char),
            Some(c) => !word_char(c),
        };
        if starts_word && (!short || ends_word) {
            seen[m.pattern().as_usize()] = true;
        }
    }
    // A price for a period ("£1 a week", "€5 a month", "2,99 €/mês") is a subscription offer:
    // it counts as one term.
    let offer =
        usize::from(line.contains(['€', '£', '$', '¥', '₹']) && PRICE_PER_PERIOD.is_match(line));
    if seen.iter().filter(|&&s| s).count() + offer < MIN_SITE_TERMS {
        return false;
    }
    let mut lower = line.to_lowercase().replace('’', "'");
    for (phrase, term) in PHRASES {
        if lower.contains(phrase) {
            lower = lower.replace(phrase, term);
        }
    }
    let words: Vec<&str> = lower.split(is_sep).filter(|w| !w.is_empty()).collect();
    let found = SITE_TERMS
        .iter()
        .filter(|t| words.iter().any(|w| matches_term(w, t)))
        .count()
        + offer;
    // An imperative at the start addresses the reader as much as "you" does ("Download the X
    // app", "Subscribe to ...", "Unlock unlimited access").
    // The second word tells the imperative ("Download the app") from a noun ("Download figures
    // for the app jumped").
    // At the start of any sentence of the line ("... chip in. Become a supporter ...").
    let imperative = lower.split(['.', '!', '?', ':']).any(|sentence| {
        let mut w = sentence.split(is_sep).filter(|w| !w.is_empty());
        w.next().is_some_and(|w| IMPERATIVES.contains(&w))
            && w.next().is_some_and(|w| AFTER_IMPERATIVE.contains(&w))
    });
    if imperative || words.iter().any(|w| READER.contains(w)) {
        return found >= MIN_SITE_TERMS;
    }
    found >= MIN_SITE_TERMS_IMPERSONAL
        && words.len() <= MAX_WORDS_IMPERSONAL
        && !words.iter().any(|w| super::shape::REPORTING.contains(w))
}

/// Short terms match whole words ("app", "tap", "site"); longer ones are stems ("subscri...").
fn matches_term(word: &str, term: &str) -> bool {
    if term.len() <= 4 {
        word == term || word.strip_prefix(term).is_some_and(|r| r == "s")
    } else {
        word.starts_with(term)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_boxes_in_many_wordings() {
        for junk in [
            "We use cookies to personalise content and ads. By continuing you accept our policy.",
            "Get the Morning Roll in your inbox — sign up for our free daily newsletter.",
            "Subscribe to keep reading: unlock unlimited access for your first month.",
            "Comments are moderated; we remove posts that break our community rules before you see them... join the comment section.",
            "Please disable your ad blocker or whitelist our site to continue.",
            "Listen to this article in our app — download it free.",
            "You have reached your limit of free articles. Log in or subscribe.",
            "Never miss a story from us: enter your email address below.",
            "You’ve read 2 of 4 free articles. Subscribe to keep reading.",
            "Site and its partners place cookies for analytics. Manage choices · Allow all",
            "This letter stays free because some readers chip in. Become a supporter for €5 a month →",
        ] {
            assert!(is_reader_address(junk), "{junk}");
        }
    }

    #[test]
    fn news_prose_and_quotes_stay() {
        for content in [
            "The company said subscribers would be refunded and accounts restored by Friday.",
            "“If you have bought these dumplings, please return them to the store,” the regulator said on its website.",
            "Our reporter visited the plant on Tuesday, where workers were cleaning the lines.",
            "The app lets drivers pay tolls without stopping, the agency said.",
            "We will rebuild the school below the hill, the mayor promised.",
            "The company said it would allow users to accept or decline analytics cookies.",
            "Our streaming service will cost £5 a month from April, the company said.",
        ] {
            assert!(!is_reader_address(content), "{content}");
        }
    }
}
