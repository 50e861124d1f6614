//! `comment_rules`: a site's rules for its comment section or forum.
//!
//! **What it removes:** a line of at most [`MAX_WORDS`] words that names the comments (or posts,
//! replies, messages, a thread or board) and at least [`MIN_TERMS`] different words of
//! moderation (moderators, removal, approval, rules, insults, spam, closing, checking before
//! publication, the authors' responsibility), in the present or future tense or as a rule
//! ("may", "will", "are", "no ...", "be civil"), with no quotation and no reporting verb.
//! Words in English, Spanish, Portuguese, French, German, Italian, Dutch and Polish.
//! **Why it is junk:** a comment policy is the site's house rules, printed under every article;
//! it says nothing about the story. News about moderation reports it: someone "said" it, in the
//! past tense, with quotes ("Facebook removed 2 million posts that broke its rules").
//! **Known false positives:** an explainer in the present tense about a platform's moderation
//! ("Posts that break the rules are removed by moderators within a day") without attribution.
//! **Example:** `Comments close after 48 hours and every comment is read by an editor before it
//! appears.`; `Moderamos los mensajes antes de publicarlos. No se admiten insultos.`

pub const NAME: &str = "comment_rules";

/// Longer lines are article prose.
pub const MAX_WORDS: usize = 50;
/// Different moderation words a line needs.
pub const MIN_TERMS: usize = 2;

/// What the rules are about (whole words).
const COMMENTS: &[&str] = &[
    "comment",
    "comments",
    "reply",
    "replies",
    "post",
    "posts",
    "message",
    "messages",
    "thread",
    "threads",
    "forum",
    "board",
    "discussion",
    "comentario",
    "comentarios",
    "comentário",
    "comentários",
    "mensaje",
    "mensajes",
    "mensagem",
    "mensagens",
    "commentaire",
    "commentaires",
    "kommentar",
    "kommentare",
    "beitrag",
    "beiträge",
    "commento",
    "commenti",
    "reactie",
    "reacties",
    "komentarz",
    "komentarze",
    "komentarzy",
];

/// Moderation (word prefixes).
const MODERATION: &[&str] = &[
    "moder",
    "remov",
    "delet",
    "apag",
    "borr",
    "elimin",
    "supprim",
    "lösch",
    "rimoss",
    "verwijder",
    "usuw",
    "approv",
    "aprob",
    "aprov",
    "rule",
    "regla",
    "règle",
    "regel",
    "regol",
    "guideline",
    "insult",
    "spam",
    "abus",
    "offens",
    "civil",
    "attack",
    "harass",
    "switch",
    "lock",
    "clos",
    "check",
    "editor",
    "appear",
    "live",
    "publi",
    "responsab",
    "responsib",
    "admit",
    "admiten",
    "pre-mod",
];

/// Present, future or rule-like wording (whole words).
const RULE_CUES: &[&str] = &[
    "may", "will", "must", "are", "is", "please", "be", "no", "not", "our", "we", "you", "your",
    "cannot", "can't", "won't", "não", "são", "serão", "é", "se", "son", "serán", "es", "sont",
    "seront", "nous", "vous", "sind", "werden", "wir", "ihre", "sono", "vengono", "zijn", "worden",
    "są", "będą",
];

/// [`COMMENTS`] as substrings, for a cheap first test (most lines name no comments).
static COMMENT_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        super::shape::finder([
            "comment",
            "repl",
            "post",
            "messag",
            "mensag",
            "mensaj",
            "thread",
            "forum",
            "board",
            "discussion",
            "comentári",
            "comentari",
            "kommentar",
            "beitr",
            "reactie",
            "komentar",
        ])
    });

pub fn is_comment_rules(line: &str) -> bool {
    if line.contains(['"', '“', '”', '«', '»', '„']) || !COMMENT_FINDER.is_match(line) {
        return false;
    }
    let words: Vec<String> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS + 1)
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return false;
    }
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if !has(COMMENTS) || !has(RULE_CUES) || has(super::shape::REPORTING) {
        return false;
    }
    let terms = MODERATION
        .iter()
        .filter(|t| words.iter().any(|w| w.starts_with(*t)))
        .count();
    terms >= MIN_TERMS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn house_rules_in_several_languages() {
        for line in [
            "Comments close after 48 hours and every comment is read by an editor before it appears.",
            "Replies to reposted items wait for a moderator and may be removed without notice.",
            "Board rules: no personal attacks, no home addresses, no spam. Moderators may lock any thread.",
            "Moderamos los mensajes antes de publicarlos. No se admiten insultos, datos personales ni publicidad.",
            "Os comentários publicados são da exclusiva responsabilidade dos seus autores. O jornal reserva-se o direito de apagar comentários ofensivos.",
        ] {
            assert!(is_comment_rules(line), "{line}");
        }
    }

    #[test]
    fn news_about_moderation_stays() {
        for line in [
            "Facebook removed 2 million posts that broke its rules on hate speech last year.",
            "The council said it would moderate comments on its page and remove abusive posts.",
            "“We remove any comment that breaks our rules,” the company's head of safety said.",
            "Residents posted comments on the council's website before the meeting closed.",
        ] {
            assert!(!is_comment_rules(line), "{line}");
        }
    }
}
