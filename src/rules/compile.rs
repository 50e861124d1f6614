//! Compiled rules: the line rules built once into one literal table and a list of regexes, shared
//! read-only by every worker thread, plus the resolved detector and stage settings.

use super::schema::{RuleSpec, RulesFile};
use super::Error;
use ahash::AHashMap;
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::Regex;

/// User regexes are compiled with this size cap (the regex crate's own default), so a pattern
/// cannot eat the machine's memory. The regex crate matches in linear time, so no pattern can make
/// matching blow up either.
const REGEX_SIZE_LIMIT: usize = 10 << 20;

/// Longest pattern accepted, in bytes: a line rule is a description of a line, not a word list.
const MAX_PATTERN_LEN: usize = 4096;

/// One line rule, compiled.
#[derive(Debug, Clone)]
pub struct LineRule {
    pub name: String,
    pub matcher: Matcher,
    /// The doc ids the rule applies to; `None`: every document.
    pub sites: Option<GlobSet>,
}

impl LineRule {
    fn applies_to(&self, doc_id: &str) -> bool {
        self.sites.as_ref().is_none_or(|g| g.is_match(doc_id))
    }
}

#[derive(Debug, Clone)]
pub enum Matcher {
    Literal(String),
    Regex(Regex),
}

/// The effective rules and settings of a run.
#[derive(Debug, Clone)]
pub struct Rules {
    pub line_rules: Vec<LineRule>,
    /// Normalized lowercase literal text -> indices of the rules with it, in file order.
    literals: AHashMap<String, Vec<usize>>,
    /// Indices of the regex rules, in file order.
    ///
    /// Tried one by one rather than as one `RegexSet`: a set must report every match, which with
    /// Unicode word boundaries (`\b` on non-ASCII text) runs the slowest engine (the PikeVM) over
    /// all patterns at once; single regexes use their fast engines, and the search stops at the
    /// first match. Measured on 1,000 generated documents: the set took 55% of the run.
    regex_rule: Vec<usize>,
    /// Bytes of the longest literal (lowercasing never shortens text by much: a longer line
    /// cannot equal one; the slack covers the few letters whose lowercase is shorter).
    longest_literal: usize,
    /// Unique per compiled `Rules` (see [`Rules::with_thread_regexes`]).
    id: u64,
    pub repeated_headline: bool,
    pub nav_crumbs: bool,
    pub timestamp: bool,
    pub reader_address: bool,
    pub comment_rules: bool,
    pub meta_line: bool,
    pub provenance: bool,
    pub other_headline: bool,
    pub edge_chrome: Option<crate::clean::edge_chrome::Settings>,
    /// `None` when the detector is switched off.
    pub related_feed: Option<crate::clean::related_feed::Settings>,
    pub site_boilerplate: Option<crate::clean::site_boilerplate::Settings>,
    pub page_chrome: Option<crate::clean::page_chrome::Settings>,
    pub dedup: crate::dedup::near::Settings,
    pub stories_max_shared_docs: usize,
    pub stories_min_title_words: usize,
    pub stories_min_shared_paragraphs: usize,
    pub stories_min_similarity: f32,
    pub stories_min_linked_similarity: f32,
    pub stories_number_weight: f32,
    pub stories_max_term_docs: usize,
    /// The effective rules as TOML (after `extends`), for `storysift rules print`.
    pub effective_toml: String,
}

/// The built-in rules, compiled once per process (compiling the regex set is the slow part).
static BUILT_IN: std::sync::LazyLock<Rules> = std::sync::LazyLock::new(|| {
    Rules::parse("rules.toml (built in)", super::DEFAULT_RULES)
        .expect("the built-in rules.toml is valid (checked by a unit test)")
});

impl Default for Rules {
    /// The embedded default `rules.toml`. Cloning is cheap: compiled regexes are shared.
    fn default() -> Self {
        BUILT_IN.clone()
    }
}

impl Rules {
    /// Parse and check a rules file; `file` is the name used in messages.
    pub fn parse(file: &str, source: &str) -> Result<Rules, Error> {
        let mut raw: RulesFile = toml::from_str(source)
            .map_err(|e| Error::at(file, source, e.span().map(|s| s.start), e.message().trim()))?;
        if *raw.version.get_ref() != 1 {
            return Err(Error::at(
                file,
                source,
                Some(raw.version.span().start),
                format!(
                    "unsupported version {}; this storysift reads version 1",
                    raw.version.get_ref()
                ),
            ));
        }
        let mut line_rules = Vec::with_capacity(raw.rules.len());
        for spec in &raw.rules {
            line_rules.push(compile_rule(file, source, spec)?);
        }
        if let Some(base) = raw.extends.take() {
            if base.get_ref() != "default" {
                return Err(Error::at(
                    file,
                    source,
                    Some(base.span().start),
                    format!(
                        "key \"extends\": unknown rule set {:?}; the only one is \"default\"",
                        base.get_ref()
                    ),
                ));
            }
            // The user's rules first (they name the decision), then the built-in ones; detector
            // and stage settings are the user's, whose unset keys have the built-in defaults.
            let default: RulesFile =
                toml::from_str(super::DEFAULT_RULES).expect("built-in rules parse");
            for spec in &default.rules {
                line_rules.push(compile_rule(
                    "rules.toml (built in)",
                    super::DEFAULT_RULES,
                    spec,
                )?);
            }
            raw.rules.extend(default.rules);
        }
        let mut literals = AHashMap::new();
        let mut regex_rule = Vec::new();
        for (i, r) in line_rules.iter().enumerate() {
            match &r.matcher {
                Matcher::Literal(l) => literals.entry(l.clone()).or_insert_with(Vec::new).push(i),
                Matcher::Regex(_) => regex_rule.push(i),
            }
        }
        let longest_literal = literals.keys().map(|l| 2 * l.len()).max().unwrap_or(0);
        let effective_toml = toml::to_string(&raw).expect("rules serialize to TOML");
        let d = &raw.detectors;
        Ok(Rules {
            line_rules,
            literals,
            regex_rule,
            longest_literal,
            id: NEXT_RULES_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            repeated_headline: d.repeated_headline.enabled,
            nav_crumbs: d.nav_crumbs.enabled,
            timestamp: d.timestamp.enabled,
            reader_address: d.reader_address.enabled,
            comment_rules: d.comment_rules.enabled,
            meta_line: d.meta_line.enabled,
            provenance: d.provenance.enabled,
            other_headline: d.other_headline.enabled,
            edge_chrome: d
                .edge_chrome
                .enabled
                .then_some(crate::clean::edge_chrome::Settings {
                    anchor_words: d.edge_chrome.anchor_words,
                    max_edge_words: d.edge_chrome.max_edge_words,
                }),
            related_feed: d
                .related_feed
                .enabled
                .then_some(crate::clean::related_feed::Settings {
                    stop_min_words: d.related_feed.stop_min_words,
                    stop_overlap: d.related_feed.stop_overlap,
                }),
            page_chrome: d
                .page_chrome
                .enabled
                .then_some(crate::clean::page_chrome::Settings {
                    min_lines: d.page_chrome.min_lines,
                    min_short_share: d.page_chrome.min_short_share,
                    short_line_cost: d.page_chrome.short_line_cost,
                    keep_ratio: d.page_chrome.keep_ratio,
                }),
            site_boilerplate: d.site_boilerplate.enabled.then_some(
                crate::clean::site_boilerplate::Settings {
                    min_docs: d.site_boilerplate.min_docs,
                    min_stories: d.site_boilerplate.min_stories,
                },
            ),
            dedup: crate::dedup::near::Settings {
                min_chars: raw.dedup.min_chars,
                max_hamming: raw.dedup.max_hamming.min(6),
                min_containment: raw.dedup.min_containment,
                min_jaccard: raw.dedup.min_jaccard,
                min_shingle_jaccard: raw.dedup.min_shingle_jaccard,
                max_anchor_df: raw.dedup.max_anchor_df,
                min_sentence_cover: raw.dedup.min_sentence_cover,
            },
            stories_max_shared_docs: raw.stories.max_shared_docs,
            stories_min_title_words: raw.stories.min_title_words,
            stories_min_shared_paragraphs: raw.stories.min_shared_paragraphs,
            stories_min_similarity: raw.stories.min_similarity,
            stories_min_linked_similarity: raw.stories.min_linked_similarity,
            stories_number_weight: raw.stories.number_weight,
            stories_max_term_docs: raw.stories.max_term_docs,
            effective_toml,
        })
    }

    /// The first line rule (in file order) that applies to `doc_id` and matches `line`, by name.
    pub fn match_line(&self, line: &str, doc_id: &str) -> Option<&str> {
        let norm = normalize_for_rules(line);
        let applies = |&i: &usize| self.line_rules[i].applies_to(doc_id);
        // Lowercasing is only worth it for a line that could equal a literal.
        let mut best = if norm.len() <= self.longest_literal {
            self.literals
                .get(&norm.to_lowercase())
                .and_then(|rs| rs.iter().copied().find(applies))
        } else {
            None
        };
        // Only rules before the literal hit can still win.
        let limit = best.unwrap_or(usize::MAX);
        let hit = self.with_thread_regexes(|regexes| {
            self.regex_rule
                .iter()
                .zip(regexes)
                .take_while(|(&i, _)| i < limit)
                .filter(|(i, _)| applies(i))
                .find(|(_, re)| re.is_match(&norm))
                .map(|(&i, _)| i)
        });
        best = hit.or(best);
        best.map(|i| self.line_rules[i].name.as_str())
    }
}

thread_local! {
    /// This thread's clones of the regex rules of one `Rules` (by its id).
    static THREAD_REGEXES: std::cell::RefCell<(u64, Vec<Regex>)> =
        const { std::cell::RefCell::new((0, Vec::new())) };
}

/// Ids for `Rules` values, so that a thread's regex clones are never used with other rules.
static NEXT_RULES_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Rules {
    /// Runs `f` with this thread's clones of the regex rules (in `regex_rule` order). A `Regex`
    /// shared by threads hands its search caches out from a pool, and every thread but the
    /// first takes the pool's slow path, a mutex, on each search: with 40 rules per line that
    /// was most of the rules' time on 2 threads. A clone shares the compiled program and gets a
    /// pool of its own, which its thread then owns.
    fn with_thread_regexes<T>(&self, f: impl FnOnce(&[Regex]) -> T) -> T {
        THREAD_REGEXES.with(|cell| {
            let mut local = cell.borrow_mut();
            if local.0 != self.id {
                let clones = self
                    .regex_rule
                    .iter()
                    .map(|&i| match &self.line_rules[i].matcher {
                        Matcher::Regex(re) => re.clone(),
                        Matcher::Literal(_) => unreachable!("regex_rule holds regex rules"),
                    })
                    .collect();
                *local = (self.id, clones);
            }
            f(&local.1)
        })
    }
}

/// What rules see of a line: trimmed, with every run of whitespace (NBSP too) one space.
pub fn normalize_for_rules(line: &str) -> std::borrow::Cow<'_, str> {
    // Most lines are already normal: single ASCII spaces, nothing at the ends.
    let b = line.as_bytes();
    let mut normal = !b.is_empty() && b[0] != b' ' && b[b.len() - 1] != b' ';
    let mut prev_space = false;
    let mut ascii = true;
    for &c in b {
        if c >= 0x80 {
            ascii = false;
        } else if c == b' ' {
            normal &= !prev_space;
        } else if c.is_ascii_whitespace() {
            normal = false;
        }
        prev_space = c == b' ';
    }
    // Non-ASCII whitespace (NBSP, thin spaces, ideographic space) needs the char test.
    normal &= ascii || !line.chars().any(|c| c.is_whitespace() && !c.is_ascii());
    if normal {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    for w in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

fn compile_rule(file: &str, source: &str, spec: &RuleSpec) -> Result<LineRule, Error> {
    let name = spec.name.get_ref().trim();
    let err =
        |span: std::ops::Range<usize>, m: String| Error::at(file, source, Some(span.start), m);
    if name.is_empty() {
        return Err(err(
            spec.name.span(),
            "key \"name\": must not be empty".into(),
        ));
    }
    let matcher = match (&spec.literal, &spec.regex) {
        (Some(l), None) => {
            let text = normalize_for_rules(l.get_ref()).to_lowercase();
            if text.is_empty() {
                return Err(err(
                    l.span(),
                    format!("key \"literal\" of rule {name:?}: must not be empty"),
                ));
            }
            Matcher::Literal(text)
        }
        (None, Some(r)) => {
            if r.get_ref().len() > MAX_PATTERN_LEN {
                return Err(err(
                    r.span(),
                    format!(
                        "key \"regex\" of rule {name:?}: pattern is {} bytes, more than the {MAX_PATTERN_LEN} allowed; split it into several rules",
                        r.get_ref().len()
                    ),
                ));
            }
            let re = regex::RegexBuilder::new(r.get_ref())
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(crate::clean::shape::DFA_CACHE_LIMIT)
                .build()
                .map_err(|e| {
                    let detail = e
                        .to_string()
                        .lines()
                        .last()
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    err(
                        r.span(),
                        format!("key \"regex\" of rule {name:?}: invalid regex: {detail}"),
                    )
                })?;
            Matcher::Regex(re)
        }
        (Some(_), Some(_)) => {
            return Err(err(
                spec.name.span(),
                format!("rule {name:?}: give \"literal\" or \"regex\", not both"),
            ))
        }
        (None, None) => {
            return Err(err(
                spec.name.span(),
                format!("rule {name:?}: needs a \"literal\" or a \"regex\" key"),
            ))
        }
    };
    let sites = match &spec.sites {
        None => None,
        Some(globs) => {
            let mut b = GlobSetBuilder::new();
            for g in globs {
                let glob = Glob::new(g.get_ref()).map_err(|e| {
                    err(
                        g.span(),
                        format!(
                            "key \"sites\" of rule {name:?}: bad glob {:?}: {}",
                            g.get_ref(),
                            e.kind()
                        ),
                    )
                })?;
                b.add(glob);
            }
            Some(
                b.build()
                    .map_err(|e| err(spec.name.span(), format!("rule {name:?}: {e}")))?,
            )
        }
    };
    Ok(LineRule {
        name: name.to_string(),
        matcher,
        sites,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_rules_are_valid() {
        let r = Rules::default();
        assert!(!r.line_rules.is_empty());
    }

    #[test]
    fn first_rule_in_file_order_names_the_match() {
        let r = Rules::parse(
            "t.toml",
            "[[rule]]\nname = \"a\"\nregex = '^Read'\n[[rule]]\nname = \"b\"\nliteral = \"read  MORE\"\n",
        )
        .unwrap();
        assert_eq!(r.match_line("  Read\u{a0}more ", "d"), Some("a"));
        assert_eq!(r.match_line("Reading is fun", "d"), Some("a"));
        assert_eq!(r.match_line("nothing", "d"), None);
        let r = Rules::parse(
            "t.toml",
            "[[rule]]\nname = \"b\"\nliteral = \"read  MORE\"\n",
        )
        .unwrap();
        assert_eq!(r.match_line("Read more", "d"), Some("b"));
    }

    #[test]
    fn site_rules_apply_to_their_documents_only() {
        let r = Rules::parse(
            "t.toml",
            "[[rule]]\nname = \"herald_footer\"\nliteral = \"The Herald\"\nsites = [\"herald/**\"]\n",
        )
        .unwrap();
        assert_eq!(
            r.match_line("The Herald", "herald/2024/a.txt"),
            Some("herald_footer")
        );
        assert_eq!(r.match_line("The Herald", "gazette/a.txt"), None);
        let e = Rules::parse(
            "t.toml",
            "[[rule]]\nname = \"x\"\nliteral = \"y\"\nsites = [\"a/[\"]\n",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("t.toml:4:10: key \"sites\" of rule \"x\": bad glob"),
            "{e}"
        );
    }

    #[test]
    fn extends_default_puts_user_rules_first_then_the_built_in_ones() {
        let r = Rules::parse(
            "t.toml",
            "extends = \"default\"\n[[rule]]\nname = \"mine\"\nliteral = \"read more\"\n",
        )
        .unwrap();
        assert_eq!(r.match_line("Read More", "d"), Some("mine"));
        assert_eq!(
            r.match_line("ARTICLE CONTINUES BELOW", "d"),
            Some("continue_marker")
        );
        assert!(r.effective_toml.contains("name = \"continue_marker\""));
        let e = Rules::parse("t.toml", "extends = \"strict\"\n").unwrap_err();
        assert!(e.to_string().contains("the only one is \"default\""), "{e}");
    }

    #[test]
    fn built_in_file_settings_equal_the_schema_defaults() {
        // rules.toml documents each default; this keeps the file and the code from drifting.
        let from_file = Rules::default();
        let from_code = Rules::parse("empty.toml", "").unwrap();
        assert_eq!(
            format!("{:?}", from_file.related_feed),
            format!("{:?}", from_code.related_feed)
        );
        assert_eq!(
            format!("{:?}", from_file.page_chrome),
            format!("{:?}", from_code.page_chrome)
        );
        assert_eq!(
            format!("{:?}", from_file.edge_chrome),
            format!("{:?}", from_code.edge_chrome)
        );
        assert_eq!(
            format!("{:?}", from_file.site_boilerplate),
            format!("{:?}", from_code.site_boilerplate)
        );
        assert_eq!(from_file.dedup.min_chars, from_code.dedup.min_chars);
        assert_eq!(
            from_file.stories_max_shared_docs,
            from_code.stories_max_shared_docs
        );
        assert_eq!(
            from_file.stories_min_title_words,
            from_code.stories_min_title_words
        );
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let e = Rules::parse("r.toml", "[dedup]\nmin_chars = 3\ntreshold = 2\n").unwrap_err();
        assert_eq!(e.position, Some((3, 1)));
        assert!(
            e.to_string()
                .starts_with("r.toml:3:1: unknown field `treshold`"),
            "{e}"
        );

        let e =
            Rules::parse("r.toml", "[[rule]]\nname = \"x\"\nregex = '(unclosed'\n").unwrap_err();
        assert_eq!(e.position, Some((3, 9)));
        assert!(e.message.contains("invalid regex"), "{e}");

        let e = Rules::parse("r.toml", "[dedup]\nmin_chars = \"ten\"\n").unwrap_err();
        assert_eq!(e.position, Some((2, 13)));

        let e = Rules::parse("r.toml", "[[rule]]\nname = \"x\"\n").unwrap_err();
        assert!(
            e.message.contains("needs a \"literal\" or a \"regex\""),
            "{e}"
        );
    }

    #[test]
    fn huge_regex_is_refused_not_compiled() {
        let src = format!(
            "[[rule]]\nname = \"big\"\nregex = '{}'\n",
            "(a|b|c|d)".repeat(20_000)
        );
        let e = Rules::parse("r.toml", &src).unwrap_err();
        assert!(e.message.contains("more than the 4096 allowed"), "{e}");
        let src = "[[rule]]\nname = \"big\"\nregex = '\\w{1000}\\w{1000}'\n";
        let e = Rules::parse("r.toml", src).unwrap_err();
        assert!(e.message.contains("size limit"), "{e}");
    }
}
