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
//! **Known false positives:** a consumer-advice article about cookies or subscriptions written in
//! the second person ("If you cancel your subscription, your account...").
//! **Example:** `We use cookies to personalise content. By continuing you agree to our policy.`

pub const NAME: &str = "reader_address";

/// Different site-machinery terms a line needs.
pub const MIN_SITE_TERMS: usize = 2;
/// Longer lines are article prose, whatever they mention.
pub const MAX_WORDS: usize = 80;

const READER: &[&str] = &[
    "you", "your", "you're", "yours", "you'll", "we", "our", "us", "we're", "we've",
];

/// Word stems of a website's machinery (matched as word prefixes).
const SITE_TERMS: &[&str] = &[
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
    "alerts",
    "podcast",
    "listen",
    "audio",
    "player",
    "donat",
    "support",
    "journalism",
    "advertis",
];

pub fn is_reader_address(line: &str) -> bool {
    if line.contains(['"', '“', '”', '«', '»', '„']) {
        return false;
    }
    let words: Vec<String> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return false;
    }
    if !words.iter().any(|w| READER.contains(&w.as_str())) {
        return false;
    }
    let mut found: Vec<&str> = SITE_TERMS
        .iter()
        .copied()
        .filter(|t| words.iter().any(|w| matches_term(w, t)))
        .collect();
    found.dedup();
    found.len() >= MIN_SITE_TERMS
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
        ] {
            assert!(!is_reader_address(content), "{content}");
        }
    }
}
