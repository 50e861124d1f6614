//! The rules file as it is written: serde structs that mirror `rules.toml` key for key.
//!
//! Every struct denies unknown keys, so a typo (`treshold`) is an error that names the key instead
//! of a setting silently ignored. Defaults live here, next to the field they belong to, and are the
//! ones `rules.toml` documents.

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// The whole file.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// Format version; only 1 exists.
    #[serde(default = "one")]
    pub version: Spanned<u32>,
    /// `"default"`: this file's rules come first, then the built-in rules. Without it the file
    /// replaces the built-in rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<Spanned<String>>,
    /// Line rules, tried in file order; the first that matches names the decision.
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleSpec>,
    #[serde(default)]
    pub detectors: DetectorsSpec,
    #[serde(default)]
    pub dedup: DedupSpec,
    #[serde(default)]
    pub stories: StoriesSpec,
}

fn one() -> Spanned<u32> {
    Spanned::new(0..0, 1)
}

/// One `[[rule]]`: a name and exactly one matcher.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// The name `decisions.jsonl` reports for lines this rule removes.
    pub name: Spanned<String>,
    /// The whole line, compared case-insensitively after trimming and collapsing whitespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<Spanned<String>>,
    /// A regular expression searched in the trimmed, whitespace-collapsed line (anchor it yourself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<Spanned<String>>,
    /// Globs over doc ids (`"news18/**"`, `"**/*.html"`): the rule applies only to those
    /// documents. Without it the rule is global.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DetectorsSpec {
    #[serde(default)]
    pub repeated_headline: Toggle,
    #[serde(default)]
    pub nav_crumbs: Toggle,
    #[serde(default)]
    pub timestamp: Toggle,
    #[serde(default)]
    pub reader_address: Toggle,
    #[serde(default)]
    pub comment_rules: Toggle,
    #[serde(default)]
    pub meta_line: Toggle,
    #[serde(default)]
    pub provenance: Toggle,
    #[serde(default)]
    pub other_headline: Toggle,
    #[serde(default)]
    pub edge_chrome: EdgeChromeSpec,
    #[serde(default)]
    pub related_feed: RelatedFeedSpec,
    #[serde(default)]
    pub site_boilerplate: SiteBoilerplateSpec,
    #[serde(default)]
    pub page_chrome: PageChromeSpec,
}

/// `[detectors.page_chrome]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageChromeSpec {
    #[serde(default = "yes")]
    pub enabled: bool,
    /// Only documents with at least this many kept lines are treated as whole-page dumps.
    #[serde(default = "PageChromeSpec::default_min_lines")]
    pub min_lines: usize,
    /// ... and at least this share of them short (not prose).
    #[serde(default = "PageChromeSpec::default_min_short_share")]
    pub min_short_share: f64,
    /// What a short line costs inside the article block, in words of prose.
    #[serde(default = "PageChromeSpec::default_short_line_cost")]
    pub short_line_cost: f64,
    /// Other stretches of prose stay when they score this share of the best one.
    #[serde(default = "PageChromeSpec::default_keep_ratio")]
    pub keep_ratio: f64,
}

impl PageChromeSpec {
    fn default_min_lines() -> usize {
        30
    }
    fn default_min_short_share() -> f64 {
        0.5
    }
    fn default_short_line_cost() -> f64 {
        4.0
    }
    fn default_keep_ratio() -> f64 {
        0.3
    }
}

impl Default for PageChromeSpec {
    fn default() -> Self {
        PageChromeSpec {
            enabled: true,
            min_lines: Self::default_min_lines(),
            min_short_share: Self::default_min_short_share(),
            short_line_cost: Self::default_short_line_cost(),
            keep_ratio: Self::default_keep_ratio(),
        }
    }
}

/// `[detectors.edge_chrome]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeChromeSpec {
    #[serde(default = "yes")]
    pub enabled: bool,
    /// A sentence of at least this many words is an article paragraph (an anchor).
    #[serde(default = "EdgeChromeSpec::default_anchor_words")]
    pub anchor_words: usize,
    /// Only non-sentences of at most this many words are removed at the edges.
    #[serde(default = "EdgeChromeSpec::default_max_edge_words")]
    pub max_edge_words: usize,
}

impl EdgeChromeSpec {
    fn default_anchor_words() -> usize {
        8
    }
    fn default_max_edge_words() -> usize {
        8
    }
}

impl Default for EdgeChromeSpec {
    fn default() -> Self {
        EdgeChromeSpec {
            enabled: true,
            anchor_words: Self::default_anchor_words(),
            max_edge_words: Self::default_max_edge_words(),
        }
    }
}

/// `[detectors.related_feed]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedFeedSpec {
    #[serde(default = "yes")]
    pub enabled: bool,
    /// A line this long (in words) that shares enough words with the article ends the feed.
    #[serde(default = "RelatedFeedSpec::default_stop_min_words")]
    pub stop_min_words: usize,
    /// Share of a line's content words found in the article above the feed that ends the feed.
    #[serde(default = "RelatedFeedSpec::default_stop_overlap")]
    pub stop_overlap: f64,
}

impl RelatedFeedSpec {
    fn default_stop_min_words() -> usize {
        12
    }
    fn default_stop_overlap() -> f64 {
        0.5
    }
}

impl Default for RelatedFeedSpec {
    fn default() -> Self {
        RelatedFeedSpec {
            enabled: true,
            stop_min_words: Self::default_stop_min_words(),
            stop_overlap: Self::default_stop_overlap(),
        }
    }
}

/// `[detectors.site_boilerplate]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteBoilerplateSpec {
    #[serde(default = "yes")]
    pub enabled: bool,
    /// A line must recur in at least this many documents of one site folder.
    #[serde(default = "SiteBoilerplateSpec::default_min_docs")]
    pub min_docs: usize,
    /// ... and those documents must tell at least this many different stories.
    #[serde(default = "SiteBoilerplateSpec::default_min_stories")]
    pub min_stories: usize,
}

impl SiteBoilerplateSpec {
    fn default_min_docs() -> usize {
        3
    }
    fn default_min_stories() -> usize {
        2
    }
}

impl Default for SiteBoilerplateSpec {
    fn default() -> Self {
        SiteBoilerplateSpec {
            enabled: true,
            min_docs: Self::default_min_docs(),
            min_stories: Self::default_min_stories(),
        }
    }
}

/// A detector switch.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Toggle {
    #[serde(default = "yes")]
    pub enabled: bool,
}

impl Default for Toggle {
    fn default() -> Self {
        Toggle { enabled: true }
    }
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DedupSpec {
    /// Lines shorter than this (in characters, after normalizing) are never merged.
    #[serde(default = "DedupSpec::default_min_chars")]
    pub min_chars: usize,
    #[serde(default = "DedupSpec::default_max_hamming")]
    pub max_hamming: u32,
    #[serde(default = "DedupSpec::default_min_containment")]
    pub min_containment: f64,
    #[serde(default = "DedupSpec::default_min_jaccard")]
    pub min_jaccard: f64,
    #[serde(default = "DedupSpec::default_min_shingle_jaccard")]
    pub min_shingle_jaccard: f64,
    #[serde(default = "DedupSpec::default_max_anchor_df")]
    pub max_anchor_df: u32,
    #[serde(default = "DedupSpec::default_min_sentence_cover")]
    pub min_sentence_cover: f64,
}

impl DedupSpec {
    fn default_min_chars() -> usize {
        25
    }
    fn default_max_hamming() -> u32 {
        crate::dedup::near::Settings::default().max_hamming
    }
    fn default_min_containment() -> f64 {
        crate::dedup::near::Settings::default().min_containment
    }
    fn default_min_jaccard() -> f64 {
        crate::dedup::near::Settings::default().min_jaccard
    }
    fn default_min_shingle_jaccard() -> f64 {
        crate::dedup::near::Settings::default().min_shingle_jaccard
    }
    fn default_max_anchor_df() -> u32 {
        crate::dedup::near::Settings::default().max_anchor_df
    }
    fn default_min_sentence_cover() -> f64 {
        crate::dedup::near::Settings::default().min_sentence_cover
    }
}

impl Default for DedupSpec {
    fn default() -> Self {
        DedupSpec {
            min_chars: Self::default_min_chars(),
            max_hamming: Self::default_max_hamming(),
            min_containment: Self::default_min_containment(),
            min_jaccard: Self::default_min_jaccard(),
            min_shingle_jaccard: Self::default_min_shingle_jaccard(),
            max_anchor_df: Self::default_max_anchor_df(),
            min_sentence_cover: Self::default_min_sentence_cover(),
        }
    }
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StoriesSpec {
    /// A paragraph found in more documents than this is boilerplate, not story evidence.
    #[serde(default = "StoriesSpec::default_max_shared_docs")]
    pub max_shared_docs: usize,
    /// Identical headlines join documents only when they have at least this many words.
    #[serde(default = "StoriesSpec::default_min_title_words")]
    pub min_title_words: usize,
    /// Shared paragraphs two documents need to be joined (without an identical headline).
    #[serde(default = "StoriesSpec::default_min_shared_paragraphs")]
    pub min_shared_paragraphs: usize,
    /// Documents whose similarity reaches this tell one story.
    #[serde(default = "StoriesSpec::default_min_similarity")]
    pub min_similarity: f32,
    /// The bar for documents that share a headline or `min_shared_paragraphs` paragraphs.
    #[serde(default = "StoriesSpec::default_min_linked_similarity")]
    pub min_linked_similarity: f32,
    /// Weight of the number cosine in the similarity.
    #[serde(default = "StoriesSpec::default_number_weight")]
    pub number_weight: f32,
    /// A term in more documents than this proposes no candidate pair.
    #[serde(default = "StoriesSpec::default_max_term_docs")]
    pub max_term_docs: usize,
}

impl StoriesSpec {
    fn default_max_shared_docs() -> usize {
        50
    }
    fn default_min_title_words() -> usize {
        3
    }
    fn default_min_shared_paragraphs() -> usize {
        2
    }
    fn default_min_similarity() -> f32 {
        0.55
    }
    fn default_min_linked_similarity() -> f32 {
        0.4
    }
    fn default_number_weight() -> f32 {
        0.5
    }
    fn default_max_term_docs() -> usize {
        64
    }
}

impl Default for StoriesSpec {
    fn default() -> Self {
        StoriesSpec {
            max_shared_docs: Self::default_max_shared_docs(),
            min_title_words: Self::default_min_title_words(),
            min_shared_paragraphs: Self::default_min_shared_paragraphs(),
            min_similarity: Self::default_min_similarity(),
            min_linked_similarity: Self::default_min_linked_similarity(),
            number_weight: Self::default_number_weight(),
            max_term_docs: Self::default_max_term_docs(),
        }
    }
}
