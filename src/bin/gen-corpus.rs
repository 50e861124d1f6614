//! `gen-corpus`: writes a deterministic folder of scraped-looking news documents, and its ground
//! truth, for benchmarking storysift at any size (10k to 1M documents).
//!
//! Why: the five seeds and the 295 Wikinews articles are far too small to time storysift or to
//! measure dedup recall/precision at scale, and hand-labelling scraped data does not scale either.
//! This generator builds *stories* from the real Wikinews text (and, past the 295 real articles,
//! from paragraphs synthesized by a word-level Markov chain over it), publishes each story as
//! several documents on different sites (a wire original, verbatim republishes, rewrites with light
//! word edits, truncations, cuts, reordering and own paragraphs), wraps every document in the junk
//! scrapers leave behind (repeated headlines, continue/ad markers, photo captions, bylines, dates,
//! share bars, related-article feeds quoting other stories, per-site footers, ...) and records for
//! every line what it is. Duplicates exist only where the generator put them, and the truth says
//! where.
//!
//! Determinism: every document is a pure function of (seed, story index, document index): each
//! story, site and document has its own splitmix64 stream derived from the seed, and the only
//! sequential step (the plan: which story has how many documents on which site) is cheap. So the
//! output is byte-identical for a given seed and source, whatever `--jobs` is.
//!
//! Output layout (`--out DIR`):
//!
//! ```text
//! DIR/input/site-NNN/BBB/SSSSSS_HASH.txt   the documents (what storysift reads); at most
//!                                          FILES_PER_DIR files per directory; a few sites
//!                                          save files without extension, a few use CRLF
//! DIR/truth.jsonl     one object per document, in story order (see below)
//! DIR/stories.jsonl   one object per story: {"story","title","docs","wire","groups"}
//! DIR/manifest.json   parameters and counts (docs, bytes, lines, junk by kind, edits by kind)
//! ```
//!
//! The truth lives next to the input folder, never inside it, so storysift does not read it.
//! A `truth.jsonl` object: `{"doc": id (path relative to DIR/input), "story", "role":
//! wire|republish|rewrite|single, "site", "outlet", "wire": the story's wire doc id (the document
//! itself for wire and single docs), ["crlf": true], ["reordered": true], ["partial": true],
//! "lines": [...]}` where `lines[i]` labels line i+1 of the file (lines split on LF, CR dropped):
//!
//! - `{"label":"title"}`: the first headline line; later repeats are junk `repeated_headline`.
//! - `{"label":"blank"}`: empty or whitespace-only (NBSP included).
//! - `{"label":"junk","kind":K}` plus `"trap":true` when the text repeats another story's
//!   headline, and `"ref":story` for related-article items. Kinds are the seed gold's
//!   (`../shared/eval/seeds-gold.spec`) plus `share_bar`, `tags`, `newsletter`, `site_footer`.
//! - `{"label":"content","group":G}`: a paragraph in its original wording (wire and single docs).
//!   `G` = `sNNNNNNN.gKK`, paragraph KK of story sNNNNNNN; an outlet's own paragraph (exists once)
//!   is `sNNNNNNN.dD.oK` (document slot D of the story).
//! - `{"label":"content","group":G,"edit":E,"of":L}`: a copy of the paragraph at line L of the
//!   `wire` document, E = `verbatim` | `typography` (quotes, spaces) | `words` (with `"n"`: 1-5
//!   word substitutions/insertions/deletions/swaps) | `truncated` (a prefix) | `cut` (a span
//!   removed from the middle) | `spun` (machine-paraphrased by the spinner, `--spin` only).
//!
//! Spinning (`--spin PCT`, off by default): that share of the rewrite documents become spun
//! copies, like the second half of seed 000: headline and every paragraph machine-paraphrased by
//! [`spin::Spinner`] (WordNet synonyms, clause reordering, sentence splits and merges, artifacts;
//! rates in [`spin::SpinRates`]), their truth object marked `"spun":true`. Which documents are
//! spun and how comes from streams of their own, so with `--spin 0` the output is byte-identical
//! to what this generator wrote before it had a spinner. The synonym table is built once by
//! `scripts/fetch-wordnet` (see docs/spinner.md).
//!
//! `gen-corpus pairs` writes a labelled paraphrase / near-duplicate evaluation set instead (see
//! the `pairs` module); `gen-corpus spin` spins the lines of standard input.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use flate2::read::GzDecoder;
use rayon::prelude::*;

// Modules live in src/bin/gen_corpus/ (a folder Cargo does not take for a binary of its own).
#[path = "gen_corpus/pairs.rs"]
mod pairs;
#[path = "gen_corpus/spin.rs"]
mod spin;
#[path = "gen_corpus/text.rs"]
mod text;

use text::{capitalize_first, edit_words, ends_sentence, fixed_hasher, Chain, Rng};

/// Generate a deterministic scraped-news benchmark folder with ground truth.
#[derive(Parser, Debug)]
#[command(
    name = "gen-corpus",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    corpus: Args,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Write a labelled paraphrase / near-duplicate evaluation set from the Wikinews paragraphs:
    /// originals, spun, edited and truncated copies, number-changed and same-topic traps, as
    /// documents for `storysift clean` plus a gold file (score with scripts/score-links).
    Pairs(pairs::PairsArgs),
    /// Spin each line of standard input (blank lines stay blank) to standard output: to look at
    /// the spinner, or to make spun test data from any text.
    Spin(SpinArgs),
}

#[derive(clap::Args, Debug)]
struct SpinArgs {
    /// Seed; line N is spun with its own stream (seed, N), so one line's spin does not depend
    /// on the others.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The spinner's synonym table, written by scripts/fetch-wordnet.
    #[arg(long, default_value = DEFAULT_WORDNET)]
    wordnet: PathBuf,
    /// Also print what the spinner did to each line, on standard error.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    rates: spin::SpinRates,
}

/// `gen-corpus spin`.
fn spin_stdin(args: &SpinArgs) -> Result<()> {
    let thesaurus = spin::Thesaurus::load(&args.wordnet)?;
    let spinner = spin::Spinner::new(&thesaurus, args.rates.clone());
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line.context("reading standard input")?;
        if line.trim().is_empty() {
            writeln!(out, "{line}")?;
            continue;
        }
        let mut rng = Rng::new(args.seed, Stream::Spin, (1 << 41) | n as u64);
        let (spun, rep) = spinner.spin(&line, &mut rng);
        writeln!(out, "{spun}")?;
        if args.explain {
            eprintln!("line {}: {}", n + 1, rep.ops().join(", "));
        }
    }
    out.flush()?;
    Ok(())
}

/// Where `scripts/fetch-wordnet` puts the synonym table in this checkout.
const DEFAULT_WORDNET: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/wordnet/synonyms.tsv");

#[derive(clap::Args, Debug)]
struct Args {
    /// Number of documents to write.
    #[arg(long, default_value_t = 10_000)]
    docs: usize,
    /// Seed; the output is byte-identical for a given seed and source.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output folder; documents go to DIR/input, truth to DIR/truth.jsonl.
    #[arg(long, required = true)]
    out: Option<PathBuf>,
    /// The Wikinews JSONL.gz the text is built from.
    #[arg(
        long,
        default_value = "../shared/data/news-text/wikinews-2019-2020.jsonl.gz"
    )]
    source: PathBuf,
    /// Number of sites (default: docs/250, clamped to 24..=999).
    #[arg(long)]
    sites: Option<usize>,
    /// Worker threads (0 = all cores). Does not change the output.
    #[arg(long, default_value_t = 0)]
    jobs: usize,
    /// Replace an existing DIR/input, DIR/truth.jsonl, DIR/stories.jsonl, DIR/manifest.json.
    #[arg(long)]
    force: bool,
    /// Percent of rewrite documents that are spun copies (headline and paragraphs
    /// machine-paraphrased, like seed 000). 0 = off, and the output is what it was before the
    /// spinner existed. Needs the synonym table (scripts/fetch-wordnet).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=100))]
    spin: u8,
    /// The spinner's synonym table, written by scripts/fetch-wordnet.
    #[arg(long, default_value = DEFAULT_WORDNET)]
    wordnet: PathBuf,
    #[command(flatten)]
    spin_rates: spin::SpinRates,
}

impl Args {
    fn out(&self) -> &Path {
        self.out
            .as_deref()
            .expect("clap requires --out when no subcommand is given")
    }
}

/// Version of the generated data, written to manifest.json. Bump it whenever a given seed would
/// produce different bytes: `scripts/bench` regenerates a cached corpus whose format differs.
const FORMAT: u32 = 1;
/// Bound on files per directory, so the folder stays easy on filesystems and `ls`.
const FILES_PER_DIR: usize = 500;
/// Stories generated (and written) per parallel batch; bounds memory at 1M docs.
const STORIES_PER_BATCH: usize = 4096;

/// Errors go to stderr as `gen-corpus: message: cause` (no backtrace, whatever RUST_BACKTRACE
/// says), exit status 2.
fn main() {
    if let Err(e) = run() {
        eprintln!("gen-corpus: {e:#}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Pairs(p)) => return pairs::run(&p),
        Some(Command::Spin(s)) => return spin_stdin(&s),
        None => {}
    }
    let args = cli.corpus;
    if args.docs == 0 {
        bail!("--docs must be at least 1");
    }
    if args.jobs > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs)
            .build_global()
            .context("building the thread pool")?;
    }
    let t0 = Instant::now();
    let source = Source::load(&args.source)?;
    let n_sites = args.sites.unwrap_or(args.docs / 250).clamp(24, 999);
    let plan = Plan::build(args.seed, args.docs, n_sites, source.articles.len());
    let thesaurus = match args.spin {
        0 => None,
        _ => Some(spin::Thesaurus::load(&args.wordnet)?),
    };
    let spin = thesaurus.as_ref().map(|t| SpinCtx {
        pct: args.spin as usize,
        spinner: spin::Spinner::new(t, args.spin_rates.clone()),
    });
    let ctx = Ctx {
        seed: args.seed,
        source: &source,
        plan: &plan,
        spin,
    };
    let stats = write_corpus(&ctx, &args)?;
    eprintln!(
        "gen-corpus: {} docs, {} stories, {} sites, {:.1} MB, {} lines in {:.1}s -> {}",
        plan.docs.len(),
        plan.stories.len(),
        plan.sites.len(),
        stats.bytes as f64 / 1e6,
        stats.lines,
        t0.elapsed().as_secs_f64(),
        args.out().display()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix64, one independent stream per (purpose, index).
// ---------------------------------------------------------------------------------------------

/// Purposes of the random streams; mixing them into the seed keeps e.g. a story's title
/// independent of how many random numbers its documents draw.
#[derive(Clone, Copy)]
#[repr(u64)]
enum Stream {
    Plan = 1,
    Site = 2,
    StoryShape = 3,
    Title = 4,
    Paragraph = 5,
    Doc = 6,
    Perm = 7,
    FileName = 8,
    /// Which rewrite documents are spun, and the spinner's choices in them (`--spin`).
    Spin = 9,
    /// `gen-corpus pairs`.
    Pairs = 10,
}

impl From<Stream> for u64 {
    fn from(s: Stream) -> u64 {
        s as u64
    }
}

// ---------------------------------------------------------------------------------------------
// Source text: real articles and a Markov chain over their paragraphs.
// ---------------------------------------------------------------------------------------------

struct Article {
    title: String,
    paras: Vec<String>,
}

struct Source {
    articles: Vec<Article>,
    chain: Chain,
}

/// Longest real article used as one story: longer ones (interviews) would make 20 KB documents.
const MAX_REAL_PARAS: usize = 20;

impl Source {
    fn load(path: &Path) -> Result<Source> {
        let file = File::open(path).with_context(|| format!("opening `{}`", path.display()))?;
        let reader = BufReader::new(GzDecoder::new(file));
        let mut seen = HashSet::new();
        let mut articles = Vec::new();
        let mut all_paras = Vec::new();
        for (i, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("reading `{}`", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&line)
                .with_context(|| format!("`{}` line {}", path.display(), i + 1))?;
            let title = v["title"].as_str().unwrap_or("").trim().to_string();
            let text = v["text"].as_str().unwrap_or("");
            let mut paras = Vec::new();
            for p in text.lines() {
                let p = p.trim();
                // Keep only body paragraphs: datelines, "Image: ..." captions and table rows
                // would be unlabelled junk, and repeated interview questions would be
                // duplicates the generator did not put there.
                if p.split_whitespace().count() < 8
                    || p.contains("Image:")
                    || p.contains('█')
                    || !seen.insert(dedup_key(p))
                {
                    continue;
                }
                paras.push(p.to_string());
            }
            all_paras.extend(paras.iter().cloned());
            if paras.len() >= 2 && !title.is_empty() {
                paras.truncate(MAX_REAL_PARAS);
                articles.push(Article { title, paras });
            }
        }
        if all_paras.is_empty() {
            bail!("`{}` has no usable paragraphs", path.display());
        }
        let chain = Chain::build(&all_paras);
        Ok(Source { articles, chain })
    }
}

/// The words of a paragraph, lowercased: source paragraphs that differ only in spacing or case
/// (repeated interview questions) count as one.
fn dedup_key(p: &str) -> String {
    p.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// The plan: stories, their documents, sites. The only sequential part; cheap.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Wire,
    Republish,
    Rewrite,
    Single,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Wire => "wire",
            Role::Republish => "republish",
            Role::Rewrite => "rewrite",
            Role::Single => "single",
        }
    }
}

struct StoryPlan {
    first_doc: usize,
    n_docs: usize,
}

struct DocPlan {
    role: Role,
    site: usize,
    /// The document's number within its site (gives its directory and file name).
    seq: usize,
}

struct Plan {
    stories: Vec<StoryPlan>,
    docs: Vec<DocPlan>,
    sites: Vec<Site>,
    /// Stories 0..n_real tell real Wikinews articles, in this (seeded) order.
    real_order: Vec<usize>,
}

impl Plan {
    fn build(seed: u64, n_docs: usize, n_sites: usize, n_articles: usize) -> Plan {
        let n_wire_sites = (n_sites / 25).max(2);
        let sites: Vec<Site> = (0..n_sites)
            .map(|i| Site::new(seed, i, i < n_wire_sites))
            .collect();
        let mut per_site = vec![0usize; n_sites];
        let mut rng = Rng::new(seed, Stream::Plan, 0);
        let mut stories = Vec::new();
        let mut docs: Vec<DocPlan> = Vec::with_capacity(n_docs);
        while docs.len() < n_docs {
            // ~30% single-document stories, the rest 2..=16 documents (mean ~4.5).
            let want = if rng.pct(30) {
                1
            } else {
                let mut n = 2;
                while n < 16 && rng.pct(72) {
                    n += 1;
                }
                n
            };
            let n = want.min(n_docs - docs.len());
            let first_doc = docs.len();
            let mut used: Vec<usize> = Vec::with_capacity(n);
            for k in 0..n {
                let role = match (want, k) {
                    (1, _) => Role::Single,
                    (_, 0) => Role::Wire,
                    _ if rng.pct(35) => Role::Republish,
                    _ => Role::Rewrite,
                };
                let mut site = 0;
                // An outlet publishes a story once: retry a few times for an unused site.
                for _ in 0..8 {
                    site = if role == Role::Wire {
                        rng.below(n_wire_sites)
                    } else {
                        // Skewed towards low site numbers: a few big outlets, a long tail.
                        let u = rng.below(1 << 16);
                        n_wire_sites + (u * u * (n_sites - n_wire_sites)) / (1 << 32)
                    };
                    if !used.contains(&site) {
                        break;
                    }
                }
                used.push(site);
                docs.push(DocPlan {
                    role,
                    site,
                    seq: per_site[site],
                });
                per_site[site] += 1;
            }
            stories.push(StoryPlan {
                first_doc,
                n_docs: n,
            });
        }
        let mut real_order: Vec<usize> = (0..n_articles).collect();
        let mut prng = Rng::new(seed, Stream::Perm, 0);
        for i in (1..real_order.len()).rev() {
            real_order.swap(i, prng.below(i + 1));
        }
        Plan {
            stories,
            docs,
            sites,
            real_order,
        }
    }

    fn doc_path(&self, seed: u64, doc: usize) -> String {
        let d = &self.docs[doc];
        let site = &self.sites[d.site];
        let h = Rng::new(seed, Stream::FileName, doc as u64).next_u64();
        let mut p = format!(
            "site-{:03}/{:03}/{:06}_{:016x}",
            d.site,
            d.seq / FILES_PER_DIR,
            d.seq,
            h
        );
        if !site.ext.is_empty() {
            p.push('.');
            p.push_str(site.ext);
        }
        p
    }
}

// ---------------------------------------------------------------------------------------------
// Sites: each has a fixed scraping style (which junk it leaves, in which wording).
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Blank,
    /// Blank lines, some of them spaces or NBSP (seed 001).
    Mixed,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quotes {
    Keep,
    Curly,
    Straight,
}

/// Tail blocks, in a per-site order.
#[derive(Clone, Copy)]
enum Tail {
    Tags,
    Breadcrumb,
    Disclaimer,
    CommentPolicy,
    ReadMore,
    SourceLink,
    VisitCounter,
    Newsletter,
    Related,
}

struct Site {
    name: String,
    ext: &'static str,
    crlf: bool,
    final_newline: bool,
    sep: Sep,
    quotes: Quotes,
    title_suffix: Option<String>,
    no_title: bool,
    source_label: Option<&'static str>,
    byline: Option<usize>,
    last_updated: Option<usize>,
    max_headline_repeats: usize,
    share: Vec<&'static str>,
    font: bool,
    language_link: Option<&'static str>,
    image_credit: Option<usize>,
    caption: Option<usize>,
    captions_on_top: bool,
    continue_marker: Option<&'static str>,
    standfirst_pct: usize,
    section: &'static str,
    tail: Vec<Tail>,
    breadcrumb: usize,
    read_more: &'static str,
    source_link: &'static str,
    disclaimer: String,
    comment_policy: String,
    visit_counter: usize,
    newsletter: String,
    related_header: String,
    footer: Vec<String>,
    tail_ui: Option<&'static str>,
}

const AGENCIES: &[&str] = &["AP", "Reuters", "AFP", "dpa", "PA", "ANI", "Xinhua", "EFE"];
const PLACES: &[&str] = &[
    "Harbor",
    "Lakeside",
    "Riverton",
    "Northfield",
    "Westbrook",
    "Oakdale",
    "Kingsport",
    "Fairview",
    "Millbrook",
    "Ashford",
    "Bayside",
    "Cedar Falls",
    "Elmwood",
    "Granite City",
    "Highland",
    "Ironwood",
    "Juniper",
    "Kenmore",
    "Lowell",
    "Marston",
    "Newport",
    "Oxley",
    "Pinecrest",
    "Queensbury",
    "Redmond",
    "Stanton",
    "Thornbury",
    "Union",
    "Valley",
    "Whitby",
    "Yorkton",
    "Zephyr",
    "Capital",
    "Metro",
    "Coastal",
    "Global",
    "Continental",
    "Pacific",
    "Atlantic",
    "Midland",
];
const REGIONS: &[&str] = &[
    "Lithuania",
    "Ohio",
    "Kenya",
    "Brazil",
    "Japan",
    "Ontario",
    "Bavaria",
    "Queensland",
    "Chile",
    "Texas",
    "Poland",
    "India",
    "Norway",
    "Morocco",
    "Wales",
    "Vietnam",
    "Peru",
    "Alberta",
];
const MASTHEADS: &[&str] = &[
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Gazette",
    "Chronicle",
    "Daily",
    "News",
    "Observer",
    "Courier",
    "Journal",
    "Sentinel",
    "Express",
    "Standard",
    "Independent",
    "Today",
    "Wire",
    "Insider",
    "Report",
    "Dispatch",
];
const SECTIONS: &[&str] = &[
    "World",
    "Politics",
    "Business",
    "Science",
    "Sports",
    "Health",
    "Technology",
    "Europe",
    "Asia",
    "Americas",
    "Africa",
    "Local",
    "Nation",
    "Culture",
    "Environment",
];
const FIRST_NAMES: &[&str] = &[
    "Anna", "James", "Maria", "David", "Sofia", "Michael", "Elena", "John", "Laura", "Peter",
    "Fatima", "Ahmed", "Yuki", "Chen", "Olga", "Carlos", "Priya", "Tom", "Sarah", "Lucas", "Amira",
    "Jonas", "Mei", "Daniel", "Irina", "Kwame", "Nora", "Pablo", "Hana", "Samuel",
];
const LAST_NAMES: &[&str] = &[
    "Smith",
    "Novak",
    "Garcia",
    "Müller",
    "Kowalski",
    "Ivanova",
    "Tanaka",
    "Okafor",
    "Rossi",
    "Silva",
    "Nguyen",
    "Johansson",
    "Petrov",
    "Haddad",
    "Kim",
    "Brown",
    "Dubois",
    "Costa",
    "Jensen",
    "Moreau",
    "Singh",
    "Walsh",
    "Fischer",
    "Lopez",
    "Mensah",
    "Berg",
    "Khan",
    "Patel",
    "Romero",
    "Weber",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const CONTINUE_MARKERS: &[&str] = &[
    "ARTICLE CONTINUES BELOW",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Continue reading the main story",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Article continues after this advertisement",
    "- Advertisement -",
    "Ad",
    "Continue Reading Below",
    "Story continues below",
    "Sponsored",
];
const SHARE_WORDS: &[&str] = &[
    "Share",
    "Tweet",
    "Share on Facebook",
    "Share on Twitter",
    "Email",
    "WhatsApp",
    "Share this article",
    "Copy link",
    "LinkedIn",
    "Share this:",
    "Facebook Twitter WhatsApp Email",
    "Click to share on Twitter (Opens in new window)",
    "Listen to this article",
    "Print",
];
const LANGUAGE_LINKS: &[&str] = &[
    "阅读中文版 (Read Chinese Version)",
    "Leer en español",
    "Lire en français",
    "Auf Deutsch lesen",
    "Read in English",
    "हिंदी में पढ़ें",
    "Читать на русском",
    "Ler em português",
    "日本語で読む",
];
const READ_MORE: &[&str] = &[
    "Read More",
    "Read more",
    "READ MORE:",
    "Continue Reading",
    "Read the full story",
    "Click here to read more",
    "Read more »",
    "Read full article",
    "Keep reading",
];
const SOURCE_LINKS: &[&str] = &[
    "Source link",
    "Source",
    "Original source",
    "Link to original article",
    "Source: wire services",
    "View original post",
];
const STRAY_UI: &[&str] = &[
    "scroll to top",
    ".",
    "×",
    "Back to top",
    "Loading...",
    "Skip to content",
];
const RELATED_HEADERS: &[&str] = &[
    "Related Article",
    "Related Articles",
    "Related Stories",
    "Related",
    "You may also like",
    "Read next",
    "Recommended",
    "Also read",
    "Trending Now",
    "More Stories",
    "Latest News",
];
const ALT_TEXTS: &[&str] = &[
    "a man looking down with sky behind him",
    "people walking past a government building",
    "a woman speaking at a podium",
    "firefighters at the scene",
    "a crowd holding signs",
    "aerial view of the city",
    "a police car parked outside",
    "two men shaking hands",
    "file photo",
    "a child looking out of a window",
];

impl Site {
    fn new(seed: u64, i: usize, wire: bool) -> Site {
        let mut r = Rng::new(seed, Stream::Site, i as u64);
        let name = if wire {
            format!(
                "{} {}",
                r.pick(AGENCIES),
                r.pick(&["News", "Wire", "Newswire"])
            )
        } else if r.pct(50) {
            format!("The {} {}", r.pick(PLACES), r.pick(MASTHEADS))
        } else {
            format!("{} {}", r.pick(PLACES), r.pick(MASTHEADS))
        };
        let section = *r.pick(SECTIONS);
        let title_suffix = r.pct(30).then(|| match r.below(3) {
            0 => format!(" | {section} News"),
            1 => format!(" - {name}"),
            _ => format!(" | {name}"),
        });
        let mut tail = vec![
            Tail::Tags,
            Tail::Breadcrumb,
            Tail::Disclaimer,
            Tail::CommentPolicy,
            Tail::ReadMore,
            Tail::SourceLink,
            Tail::VisitCounter,
            Tail::Newsletter,
            Tail::Related,
        ];
        tail.retain(|_| r.pct(40));
        for k in (1..tail.len()).rev() {
            tail.swap(k, r.below(k + 1));
        }
        let n_share = if r.pct(45) { r.range(1, 4) } else { 0 };
        let share = (0..n_share).map(|_| *r.pick(SHARE_WORDS)).collect();
        let disclaimer = match r.below(6) {
            0 => "Disclaimer: This content is aggregated from public sources online. Please verify information independently. If you believe your rights have been infringed, contact us for removal.".to_string(),
            1 => "This story has been published from a wire agency feed without modifications to the text. Only the headline has been changed.".to_string(),
            2 => format!("(This story has not been edited by {name} staff and is auto-generated from a syndicated feed.)"),
            3 => "Disclaimer: The views expressed above are the author's own and do not necessarily reflect those of this publication.".to_string(),
            4 => "Note: This article was automatically published from a news agency feed.".to_string(),
            _ => format!("{name} is not responsible for the accuracy of third-party content reproduced here."),
        };
        let comment_policy = match r.below(6) {
            0 => format!("Disclaimer: Comments reflect users' views, not {name}'s. Please keep discussions respectful and constructive. Abusive, defamatory, or illegal comments will be removed."),
            1 => "We welcome comments that advance the story. All comments are moderated before they appear.".to_string(),
            2 => "Comments are closed.".to_string(),
            3 => "Join the conversation: please read our community guidelines before commenting.".to_string(),
            4 => "Leave a Reply Cancel reply".to_string(),
            _ => "You must be logged in to post a comment.".to_string(),
        };
        let newsletter = match r.below(6) {
            0 => "Sign up for our daily newsletter".to_string(),
            1 => "Get the latest news delivered to your inbox every morning.".to_string(),
            2 => format!("Subscribe to {name} for unlimited access"),
            3 => "Follow us on Google News".to_string(),
            4 => format!("Join the {name} WhatsApp channel"),
            _ => format!("Download the {name} app for breaking news alerts"),
        };
        let related_header = match r.below(5) {
            0 => format!("More from {name}"),
            _ => r.pick(RELATED_HEADERS).to_string(),
        };
        let year = 1995 + r.below(25);
        let footer_pool = [
            format!("© {} {name}. All rights reserved.", 2019 + r.below(2)),
            format!("{name} is not responsible for the content of external sites."),
            format!("Copyright {} {name} Media Group", 2019 + r.below(2)),
            "About Us | Contact | Privacy Policy | Terms of Use".to_string(),
            format!("{name} — independent news since {year}"),
            format!("Contact the newsroom: news@{}.example", slug(&name)),
        ];
        let n_footer = r.below(4);
        let footer = (0..n_footer)
            .map(|_| r.pick(&footer_pool).clone())
            .collect::<Vec<_>>();
        Site {
            ext: if r.pct(5) { "" } else { "txt" },
            crlf: r.pct(5),
            final_newline: r.pct(90),
            sep: match r.below(10) {
                0..=3 => Sep::None,
                4..=8 => Sep::Blank,
                _ => Sep::Mixed,
            },
            quotes: if wire {
                Quotes::Keep
            } else {
                match r.below(10) {
                    0..=5 => Quotes::Keep,
                    6..=8 => Quotes::Curly,
                    _ => Quotes::Straight,
                }
            },
            title_suffix,
            no_title: r.pct(5),
            source_label: r.pct(15).then(|| {
                *r.pick(&[
                    "AP News",
                    "Reuters",
                    "AFP",
                    "Associated Press",
                    "AP",
                    "Agencies",
                ])
            }),
            byline: r.pct(55).then(|| r.below(7)),
            last_updated: r.pct(35).then(|| r.below(4)),
            max_headline_repeats: if r.pct(20) { r.range(1, 3) } else { 0 },
            share,
            font: r.pct(10),
            language_link: r.pct(8).then(|| *r.pick(LANGUAGE_LINKS)),
            image_credit: r.pct(20).then(|| r.below(4)),
            caption: r.pct(40).then(|| r.below(6)),
            captions_on_top: r.pct(30),
            continue_marker: r.pct(35).then(|| *r.pick(CONTINUE_MARKERS)),
            standfirst_pct: if r.pct(15) { 60 } else { 0 },
            section,
            tail,
            breadcrumb: r.below(3),
            read_more: r.pick_str(READ_MORE),
            source_link: r.pick_str(SOURCE_LINKS),
            disclaimer,
            comment_policy,
            visit_counter: r.below(5),
            newsletter,
            related_header,
            footer,
            tail_ui: r.pct(15).then(|| *r.pick(STRAY_UI)),
            name,
        }
    }
}

fn slug(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

// ---------------------------------------------------------------------------------------------
// Lines and labels.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Junk {
    RepeatedHeadline,
    ContinueMarker,
    PhotoCaption,
    ImageCredit,
    BylineMeta,
    LastUpdated,
    StrayUi,
    Disclaimer,
    CommentPolicy,
    ReadMore,
    SourceLink,
    VisitCounter,
    RelatedHeader,
    RelatedItem,
    Breadcrumb,
    LanguageLink,
    SourceLabel,
    ShareBar,
    Tags,
    Newsletter,
    SiteFooter,
}

impl Junk {
    fn name(self) -> &'static str {
        match self {
            Junk::RepeatedHeadline => "repeated_headline",
            Junk::ContinueMarker => "continue_marker",
            Junk::PhotoCaption => "photo_caption",
            Junk::ImageCredit => "image_credit",
            Junk::BylineMeta => "byline_meta",
            Junk::LastUpdated => "last_updated",
            Junk::StrayUi => "stray_ui",
            Junk::Disclaimer => "disclaimer",
            Junk::CommentPolicy => "comment_policy",
            Junk::ReadMore => "read_more",
            Junk::SourceLink => "source_link",
            Junk::VisitCounter => "visit_counter",
            Junk::RelatedHeader => "related_header",
            Junk::RelatedItem => "related_item",
            Junk::Breadcrumb => "breadcrumb",
            Junk::LanguageLink => "language_link",
            Junk::SourceLabel => "source_label",
            Junk::ShareBar => "share_bar",
            Junk::Tags => "tags",
            Junk::Newsletter => "newsletter",
            Junk::SiteFooter => "site_footer",
        }
    }
}

/// How a copied paragraph differs from its original. A later spinner (synonym substitution,
/// clause reordering) is one more variant here plus one more `edit_*` function below.
#[derive(Clone, Copy)]
enum Edit {
    Verbatim,
    Typography,
    Words(u8),
    Truncated,
    Cut,
    Spun,
}

impl Edit {
    fn name(self) -> &'static str {
        match self {
            Edit::Verbatim => "verbatim",
            Edit::Typography => "typography",
            Edit::Words(_) => "words",
            Edit::Truncated => "truncated",
            Edit::Cut => "cut",
            Edit::Spun => "spun",
        }
    }
}

#[derive(Clone, Copy)]
enum Group {
    /// Paragraph k of the story.
    Para(usize),
    /// An outlet's own paragraph: (document slot in the story, k).
    Own(usize, usize),
}

enum Label {
    Title,
    Blank,
    Junk {
        kind: Junk,
        trap: bool,
        refers: Option<usize>,
    },
    Content {
        group: Group,
        /// None: original wording. Some: a copy of the paragraph at wire line `of`.
        edit: Option<Edit>,
    },
}

struct Line {
    text: String,
    label: Label,
}

impl Line {
    fn junk(kind: Junk, text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            label: Label::Junk {
                kind,
                trap: false,
                refers: None,
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Story text.
// ---------------------------------------------------------------------------------------------

struct Ctx<'a> {
    seed: u64,
    source: &'a Source,
    plan: &'a Plan,
    /// `--spin`: None when off.
    spin: Option<SpinCtx<'a>>,
}

struct SpinCtx<'a> {
    /// Percent of rewrite documents spun.
    pct: usize,
    spinner: spin::Spinner<'a>,
}

impl SpinCtx<'_> {
    /// Whether document `doc` (a rewrite) is a spun copy: its own stream, so the choice moves
    /// no other random number.
    fn picks(&self, seed: u64, doc: usize) -> bool {
        Rng::new(seed, Stream::Spin, doc as u64).pct(self.pct)
    }
}

struct StoryText {
    title: String,
    paras: Vec<String>,
}

impl Ctx<'_> {
    fn real_article(&self, story: usize) -> Option<&Article> {
        self.plan
            .real_order
            .get(story)
            .map(|&i| &self.source.articles[i])
    }

    fn story_len(&self, story: usize) -> usize {
        match self.real_article(story) {
            Some(a) => a.paras.len(),
            None => Rng::new(self.seed, Stream::StoryShape, story as u64).range(4, 16),
        }
    }

    fn story_title(&self, story: usize) -> String {
        match self.real_article(story) {
            Some(a) => a.title.clone(),
            None => {
                let mut r = Rng::new(self.seed, Stream::Title, story as u64);
                self.source.chain.title(&mut r)
            }
        }
    }

    /// Paragraph k of a story, computable on its own (related feeds quote other stories' leads).
    fn story_paragraph(&self, story: usize, k: usize) -> String {
        if let Some(a) = self.real_article(story) {
            return a.paras[k].clone();
        }
        let index = ((story as u64) << 8) | k as u64;
        let mut r = Rng::new(self.seed, Stream::Paragraph, index);
        let mut p = self.source.chain.paragraph(&mut r);
        // About half of the wire leads open with an agency dateline, as AP copy does.
        if k == 0 && r.pct(50) {
            let city = r.pick(PLACES).to_uppercase();
            let region = r.pick(REGIONS);
            let agency = r.pick(AGENCIES);
            p = format!("{city}, {region} ({agency}) — {p}");
        }
        p
    }

    fn story_text(&self, story: usize) -> StoryText {
        StoryText {
            title: self.story_title(story),
            paras: (0..self.story_len(story))
                .map(|k| self.story_paragraph(story, k))
                .collect(),
        }
    }

    fn other_story(&self, rng: &mut Rng, story: usize) -> usize {
        let n = self.plan.stories.len();
        if n == 1 {
            return story;
        }
        let o = rng.below(n - 1);
        if o >= story {
            o + 1
        } else {
            o
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Edit operations, one function each (the spinner will be another).
// ---------------------------------------------------------------------------------------------

/// Picks how a rewrite copies one paragraph.
fn choose_rewrite_edit(rng: &mut Rng) -> Edit {
    match rng.below(100) {
        0..=44 => Edit::Verbatim,
        45..=54 => Edit::Typography,
        55..=79 => Edit::Words(rng.range(1, 5) as u8),
        80..=91 => Edit::Truncated,
        _ => Edit::Cut,
    }
}

/// Applies `edit`; returns the text and the edit that really happened (an edit that cannot change
/// this paragraph, e.g. typography without quotes, degrades to verbatim).
fn apply_edit(edit: Edit, text: &str, rng: &mut Rng, chain: &Chain, site: &Site) -> (String, Edit) {
    let out = match edit {
        Edit::Verbatim => None,
        Edit::Typography => Some(edit_typography(text, rng, site.quotes)),
        Edit::Words(n) => edit_words(text, rng, chain, n as usize),
        Edit::Truncated => edit_truncate(text, rng),
        Edit::Cut => edit_cut(text, rng),
        // Spun copies are made whole-document by spun_body(), never chosen per paragraph here.
        Edit::Spun => None,
    };
    match out {
        Some(t) if t != text && !t.trim().is_empty() => (t, edit),
        _ => (text.to_string(), Edit::Verbatim),
    }
}

/// Quote and space changes a CMS makes: straight <-> curly quotes, a doubled space, NBSP.
fn edit_typography(text: &str, rng: &mut Rng, quotes: Quotes) -> String {
    let quotes = match quotes {
        Quotes::Keep if rng.pct(50) => Quotes::Curly,
        Quotes::Keep => Quotes::Straight,
        q => q,
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut open = true;
    for c in text.chars() {
        match (quotes, c) {
            (Quotes::Curly, '\'') => out.push('’'),
            (Quotes::Curly, '"') => {
                out.push(if open { '“' } else { '”' });
                open = !open;
            }
            (Quotes::Straight, '’' | '‘') => out.push('\''),
            (Quotes::Straight, '“' | '”') => out.push('"'),
            _ => out.push(c),
        }
    }
    if out == text {
        // No quotes to change: a doubled space or an NBSP after a sentence, as CMSs leave.
        let spaces: Vec<usize> = out.match_indices(' ').map(|(i, _)| i).collect();
        if !spaces.is_empty() {
            let at = spaces[rng.below(spaces.len())];
            let with = if rng.pct(50) { "  " } else { "\u{a0}" };
            out.replace_range(at..at + 1, with);
        }
    }
    out
}

/// A prefix: at a sentence end when there is one, else mid-sentence as a scraper cuts.
fn edit_truncate(text: &str, rng: &mut Rng) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() < 14 {
        return None;
    }
    // At least 10 words: short prefixes (a 5-word first sentence) recur across stories.
    let ends: Vec<usize> = (9..words.len() - 1)
        .filter(|&i| ends_sentence(words[i]))
        .collect();
    let keep = if !ends.is_empty() && rng.pct(50) {
        ends[rng.below(ends.len())] + 1
    } else {
        rng.range((words.len() * 2 / 5).max(10), words.len() * 17 / 20)
    };
    Some(words[..keep].join(" "))
}

/// A span of 2-8 words removed from the middle (seed 002: "In June, Belarus , a key ...").
fn edit_cut(text: &str, rng: &mut Rng) -> Option<String> {
    let mut words: Vec<&str> = text.split(' ').collect();
    if words.len() < 12 {
        return None;
    }
    let len = rng.range(2, 8);
    let at = rng.range(1, words.len() - len - 1);
    words.drain(at..at + len);
    Some(words.join(" "))
}

/// Title Case as some outlets restyle a headline (seed 003).
fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "and", "or", "for", "on", "at",
    ];
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && SMALL.contains(&w) {
                w.to_string()
            } else {
                capitalize_first(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// Junk line makers (wordings vary per site and per document).
// ---------------------------------------------------------------------------------------------

struct DateParts {
    weekday: &'static str,
    month: usize,
    day: usize,
    year: usize,
    hour: usize,
    minute: usize,
}

fn story_date(seed: u64, story: usize) -> DateParts {
    // Its own index in the StoryShape stream (story indices stay far below 2^40), so the date
    // does not depend on how many numbers the story length drew.
    let mut r = Rng::new(seed, Stream::StoryShape, story as u64 ^ (1 << 40));
    DateParts {
        weekday: r.pick_str(WEEKDAYS),
        month: r.below(12),
        day: r.range(1, 28),
        year: 2019 + r.below(2),
        hour: r.below(24),
        minute: r.below(60),
    }
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

fn byline_lines(style: usize, rng: &mut Rng, d: &DateParts, site: &Site) -> Vec<String> {
    let m = MONTHS[d.month];
    match style {
        0 => vec![
            "  • Admin".to_string(),
            format!("  • {} {m}, {:02}:{:02}", d.day, d.hour, d.minute),
            format!("  • {}", site.section),
        ],
        1 => vec![format!("By {}", person(rng))],
        2 => vec![
            format!("By {}, {}", person(rng), rng.pick(AGENCIES)),
            format!("{m} {}, {}", d.day, d.year),
        ],
        3 => vec![format!("{} | {}", person(rng), site.name)],
        4 => vec![format!(
            "Posted on {m} {}, {} by {}",
            d.day,
            d.year,
            rng.pick(FIRST_NAMES).to_lowercase()
        )],
        5 => vec![format!("{}, {m} {}, {}", d.weekday, d.day, d.year)],
        _ => vec![
            format!("{} Staff", site.name),
            format!("Published {} {} {}", d.day, &m[..3], d.year),
        ],
    }
}

fn last_updated_line(style: usize, d: &DateParts) -> String {
    let m = MONTHS[d.month];
    match style {
        0 => "Last Updated:".to_string(),
        1 => format!(
            "Last Updated: {m} {:02}, {}, {:02}:{:02} IST",
            d.day, d.year, d.hour, d.minute
        ),
        2 => format!(
            "Updated {}:{:02} {} ET",
            (d.hour % 12) + 1,
            d.minute,
            if d.hour < 12 { "AM" } else { "PM" }
        ),
        _ => format!(
            "{}-{:02}-{:02} {:02}:{:02}",
            d.year,
            d.month + 1,
            d.day,
            d.hour,
            d.minute
        ),
    }
}

/// A photo caption with its credit. Half of them quote the start of a story paragraph, as
/// outlets caption with the lead (seed 004), so they look like content.
fn caption_line(style: usize, rng: &mut Rng, story: &StoryText, d: &DateParts) -> String {
    let body = if rng.pct(50) {
        let p = &story.paras[rng.below(story.paras.len())];
        let words: Vec<&str> = p.split(' ').take(rng.range(8, 18)).collect();
        words
            .join(" ")
            .trim_end_matches([',', '.', ';', ':'])
            .to_string()
    } else {
        let who = person(rng);
        let place = rng.pick(PLACES);
        match rng.below(4) {
            0 => format!("{who} speaks to reporters in {place}"),
            1 => format!("Rescue workers at the scene in {place} on {}", d.weekday),
            2 => format!(
                "Protesters gather outside the parliament building in {place}, {} {}, {}",
                MONTHS[d.month], d.day, d.year
            ),
            _ => format!("{who} arrives for a meeting in {place}"),
        }
    };
    let who = person(rng);
    let agency = rng.pick(AGENCIES);
    match style {
        0 => format!("FILE - {body}. ({agency} Photo/{who}, File)"),
        1 => format!("{body} (Image: {agency})"),
        2 => format!("{body}. Photo: {who}/Getty Images"),
        3 => format!("{body} | Photo Credit: {agency}"),
        4 => format!("{body}. ({agency}/{who})"),
        _ => format!("{body}. Credit: {who} / {agency}"),
    }
}

fn image_credit_line(style: usize, rng: &mut Rng) -> String {
    match style {
        0 => format!("Image from {} News", rng.pick(AGENCIES)),
        1 => format!("Image: {}.", person(rng)),
        2 => format!("Photo: {}", rng.pick(AGENCIES)),
        _ => "Image source, Getty Images".to_string(),
    }
}

fn visit_counter_line(style: usize, rng: &mut Rng) -> String {
    let n = rng.range(1, 25_000);
    match style {
        0 => format!(
            "Visited {n} times, {} visit(s) today",
            rng.range(1, n.min(50))
        ),
        1 => format!("Views: {n}"),
        2 => format!("{n} views"),
        3 => format!("Post Views: {n}"),
        _ => format!("This article has been read {n} times."),
    }
}

fn tags_line(rng: &mut Rng, title: &str, site: &Site) -> String {
    let words: Vec<&str> = title
        .split(' ')
        .filter(|w| w.len() > 4 && w.chars().next().is_some_and(char::is_uppercase))
        .take(4)
        .collect();
    match rng.below(3) {
        0 if !words.is_empty() => format!("Tags: {}", words.join(", ")),
        1 if !words.is_empty() => format!("Topics: {}", words.join(" ")),
        _ => format!("Filed under: {}", site.section),
    }
}

fn breadcrumb_line(style: usize, site: &Site, headline: &str) -> String {
    match style {
        0 => format!("News {} {headline}", site.section.to_lowercase()),
        1 => format!("Home > {} > {headline}", site.section),
        _ => format!("Home » News » {}", site.section),
    }
}

/// A related-article feed: header, then items about other stories (their headlines, sometimes
/// twice; teasers from their leads; image alt text). Headlines here are deliberate traps: exact
/// repeats of other stories' titles.
fn related_feed(ctx: &Ctx, rng: &mut Rng, story: usize, site: &Site, out: &mut Vec<Line>) {
    out.push(Line::junk(Junk::RelatedHeader, site.related_header.clone()));
    for _ in 0..rng.range(2, 5) {
        let other = ctx.other_story(rng, story);
        let item = |text: String, trap: bool| Line {
            text,
            label: Label::Junk {
                kind: Junk::RelatedItem,
                trap,
                refers: Some(other),
            },
        };
        if rng.pct(25) {
            out.push(item(rng.pick(ALT_TEXTS).to_string(), false));
        }
        let title = ctx.story_title(other);
        out.push(item(title.clone(), true));
        if rng.pct(30) {
            out.push(item(title, true));
        }
        if rng.pct(60) {
            let lead = ctx.story_paragraph(other, 0);
            let words: Vec<&str> = lead.split(' ').collect();
            let n = rng.range(12, 30).min(words.len().saturating_sub(2)).max(1);
            out.push(item(format!("{}…", words[..n].join(" ")), false));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Documents.
// ---------------------------------------------------------------------------------------------

/// What one story's generation returns: truth lines, its stories.jsonl line, counts.
#[derive(Default)]
struct Stats {
    docs: u64,
    bytes: u64,
    lines: u64,
    labels: BTreeMap<&'static str, u64>,
    junk: BTreeMap<&'static str, u64>,
    edits: BTreeMap<&'static str, u64>,
    groups: u64,
    roles: BTreeMap<&'static str, u64>,
}

impl Stats {
    fn merge(mut self, o: Stats) -> Stats {
        self.docs += o.docs;
        self.bytes += o.bytes;
        self.lines += o.lines;
        self.groups += o.groups;
        for (m, om) in [
            (&mut self.labels, o.labels),
            (&mut self.junk, o.junk),
            (&mut self.edits, o.edits),
            (&mut self.roles, o.roles),
        ] {
            for (k, v) in om {
                *m.entry(k).or_default() += v;
            }
        }
        self
    }
}

struct StoryOut {
    truth: String,
    story_line: String,
    files: Vec<(String, Vec<u8>)>,
    stats: Stats,
}

/// The body paragraphs a document carries, and how their order and extent differ from the wire.
struct Body {
    /// (group, text, edit); edit None = original wording.
    paras: Vec<(Group, String, Option<Edit>)>,
    reordered: bool,
    partial: bool,
}

fn body_for_role(
    ctx: &Ctx,
    rng: &mut Rng,
    role: Role,
    story: &StoryText,
    site: &Site,
    slot: usize,
) -> Body {
    let chain = &ctx.source.chain;
    let (mut reordered, mut partial) = (false, false);
    let all = || (0..story.paras.len()).map(|k| (Group::Para(k), story.paras[k].clone()));
    let paras = match role {
        Role::Wire | Role::Single => all().map(|(g, t)| (g, t, None)).collect(),
        Role::Republish => {
            let mut body: Vec<_> = all()
                .map(|(g, t)| {
                    let want = if site.quotes == Quotes::Keep {
                        Edit::Verbatim
                    } else {
                        Edit::Typography
                    };
                    let (t, e) = apply_edit(want, &t, rng, chain, site);
                    (g, t, Some(e))
                })
                .collect();
            // Some republishers cut the story after a few paragraphs.
            if body.len() > 3 && rng.pct(15) {
                body.truncate(rng.range(2, body.len() - 1));
                partial = true;
            }
            body
        }
        Role::Rewrite => {
            let mut body: Vec<_> = Vec::new();
            for (k, (g, t)) in all().enumerate() {
                // Keep the lead; drop about a fifth of the rest.
                if k > 0 && rng.pct(20) {
                    continue;
                }
                let (t, e) = apply_edit(choose_rewrite_edit(rng), &t, rng, chain, site);
                body.push((g, t, Some(e)));
            }
            if body.len() > 3 && rng.pct(25) {
                reorder(rng, &mut body);
                reordered = true;
            }
            for k in 0..rng.below(3) {
                let at = rng.range(1, body.len());
                body.insert(
                    at,
                    (Group::Own(slot, k), chain.paragraph(rng), None::<Edit>),
                );
            }
            body
        }
    };
    Body {
        paras,
        reordered,
        partial,
    }
}

/// A spun copy of the whole story (seed 000's second half): the headline and every paragraph
/// machine-paraphrased, about one in ten non-lead paragraphs left out. A paragraph the spinner
/// could not change is labelled verbatim.
fn spun_body(ctx: &Ctx, spin: &SpinCtx, doc: usize, story: &StoryText) -> (StoryText, Body) {
    let mut r = Rng::new(ctx.seed, Stream::Spin, doc as u64 | (1 << 40));
    let title = spin.spinner.spin_words(&story.title, &mut r);
    let mut paras = Vec::with_capacity(story.paras.len());
    for (k, p) in story.paras.iter().enumerate() {
        if k > 0 && r.pct(10) {
            continue;
        }
        let (t, _) = spin.spinner.spin(p, &mut r);
        let edit = if t == *p { Edit::Verbatim } else { Edit::Spun };
        paras.push((Group::Para(k), t, Some(edit)));
    }
    let text = StoryText {
        title,
        paras: story.paras.clone(),
    };
    (
        text,
        Body {
            paras,
            reordered: false,
            partial: false,
        },
    )
}

/// Moves one non-lead paragraph elsewhere, or swaps two neighbours.
fn reorder<T>(rng: &mut Rng, body: &mut [T]) {
    if rng.pct(50) {
        let i = rng.range(1, body.len() - 2);
        body.swap(i, i + 1);
    } else {
        let from = rng.range(1, body.len() - 1);
        let to = rng.range(1, body.len() - 1);
        if from < to {
            body[from..=to].rotate_left(1);
        } else {
            body[to..=from].rotate_right(1);
        }
    }
}

/// Generates all documents of one story (wire first, so copies can point at its lines).
fn gen_story(ctx: &Ctx, sid: usize) -> StoryOut {
    let plan = &ctx.plan.stories[sid];
    let story = ctx.story_text(sid);
    let date = story_date(ctx.seed, sid);
    let mut wire_lines: Vec<u32> = vec![0; story.paras.len()];
    let wire_doc = ctx.plan.doc_path(ctx.seed, plan.first_doc);
    let mut out = StoryOut {
        truth: String::new(),
        story_line: String::new(),
        files: Vec::with_capacity(plan.n_docs),
        stats: Stats::default(),
    };
    let mut doc_ids = Vec::with_capacity(plan.n_docs);
    let mut own_groups = 0u64;
    for slot in 0..plan.n_docs {
        let doc = plan.first_doc + slot;
        let dp = &ctx.plan.docs[doc];
        let site = &ctx.plan.sites[dp.site];
        let mut rng = Rng::new(ctx.seed, Stream::Doc, doc as u64);
        let spun = match &ctx.spin {
            Some(s) if dp.role == Role::Rewrite && s.picks(ctx.seed, doc) => {
                Some(spun_body(ctx, s, doc, &story))
            }
            _ => None,
        };
        let (spun_text, body) = match spun {
            Some((t, b)) => (Some(t), b),
            None => (
                None,
                body_for_role(ctx, &mut rng, dp.role, &story, site, slot),
            ),
        };
        let (reordered, partial) = (body.reordered, body.partial);
        own_groups += body
            .paras
            .iter()
            .filter(|b| matches!(b.0, Group::Own(..)))
            .count() as u64;
        let info = StoryInfo {
            sid,
            text: spun_text.as_ref().unwrap_or(&story),
            date: &date,
        };
        // A spun copy's headline is already spun: compose() keeps a republished headline as is.
        let role = match spun_text {
            Some(_) => Role::Republish,
            None => dp.role,
        };
        let lines = compose(ctx, &mut rng, &info, site, role, body.paras);
        let laid = with_separators(&lines, site, &mut rng);
        let id = ctx.plan.doc_path(ctx.seed, doc);
        let is_origin = matches!(dp.role, Role::Wire | Role::Single);
        if is_origin {
            // Record where each paragraph stands in the original, for the copies' "of".
            for (n, (_, l)) in laid.iter().enumerate() {
                if let Label::Content {
                    group: Group::Para(k),
                    edit: None,
                } = l.label
                {
                    wire_lines[k] = n as u32 + 1;
                }
            }
        }
        let meta = DocMeta {
            id: &id,
            story: sid,
            plan: dp,
            site,
            wire_doc: if is_origin { &id } else { &wire_doc },
            reordered,
            partial,
            spun: spun_text.is_some(),
        };
        let (bytes, truth) = render_doc(&meta, &laid, &wire_lines, &mut out.stats);
        out.truth.push_str(&truth);
        out.files.push((id.clone(), bytes));
        doc_ids.push(id);
    }
    out.stats.groups = story.paras.len() as u64 + own_groups;
    let _ = write!(
        out.story_line,
        "{{\"story\":\"s{sid:07}\",\"title\":{},\"docs\":[",
        json_str(&story.title)
    );
    for (i, d) in doc_ids.iter().enumerate() {
        if i > 0 {
            out.story_line.push(',');
        }
        let _ = write!(out.story_line, "\"{d}\"");
    }
    let _ = writeln!(
        out.story_line,
        "],\"wire\":\"{wire_doc}\",\"groups\":{}}}",
        story.paras.len()
    );
    out
}

/// Lays out one document: header junk, title, body with inserted junk, tail junk.
/// What a document needs to know about its story.
struct StoryInfo<'a> {
    sid: usize,
    text: &'a StoryText,
    date: &'a DateParts,
}

fn compose(
    ctx: &Ctx,
    rng: &mut Rng,
    info: &StoryInfo,
    site: &Site,
    role: Role,
    body: Vec<(Group, String, Option<Edit>)>,
) -> Vec<Line> {
    let StoryInfo {
        sid,
        text: story,
        date,
    } = *info;
    let mut lines: Vec<Line> = Vec::with_capacity(48);
    let headline = match role {
        Role::Rewrite => match rng.below(10) {
            0..=2 => {
                let n = rng.range(1, 2);
                edit_words(&story.title, rng, &ctx.source.chain, n)
                    .unwrap_or_else(|| story.title.clone())
            }
            3..=4 => title_case(&story.title),
            _ => story.title.clone(),
        },
        _ => story.title.clone(),
    };
    let mut captions = Vec::new();
    if let (Some(style), true) = (site.caption, rng.pct(80)) {
        let c = caption_line(style, rng, story, date);
        captions.push(c.clone());
        if rng.pct(60) {
            captions.push(c);
        }
    }
    if let Some(s) = site.source_label {
        lines.push(Line::junk(Junk::SourceLabel, s));
    }
    if site.captions_on_top {
        for c in captions.drain(..) {
            lines.push(Line::junk(Junk::PhotoCaption, c));
        }
    }
    if !site.no_title {
        let mut t = headline.clone();
        if let Some(sfx) = &site.title_suffix {
            t.push_str(sfx);
        }
        lines.push(Line {
            text: t,
            label: Label::Title,
        });
    }
    if let (Some(style), true) = (site.byline, rng.pct(90)) {
        for b in byline_lines(style, rng, date, site) {
            lines.push(Line::junk(Junk::BylineMeta, b));
        }
    }
    if let Some(style) = site.last_updated {
        lines.push(Line::junk(
            Junk::LastUpdated,
            last_updated_line(style, date),
        ));
    }
    if !site.no_title {
        for _ in 0..rng.below(site.max_headline_repeats + 1) {
            lines.push(Line::junk(Junk::RepeatedHeadline, headline.clone()));
        }
    }
    for s in &site.share {
        lines.push(Line::junk(Junk::ShareBar, *s));
    }
    if let Some(l) = site.language_link {
        lines.push(Line::junk(Junk::LanguageLink, l));
    }
    if let Some(style) = site.image_credit {
        lines.push(Line::junk(Junk::ImageCredit, image_credit_line(style, rng)));
    }
    // A lead paragraph shown as standfirst above the body, then again in it (seed 004).
    let standfirst = rng.pct(site.standfirst_pct);
    if let (true, Some((g, t, e))) = (standfirst, body.first()) {
        lines.push(Line {
            text: t.clone(),
            label: Label::Content {
                group: *g,
                edit: *e,
            },
        });
    }
    for c in captions.drain(..) {
        lines.push(Line::junk(Junk::PhotoCaption, c));
    }
    if site.font {
        lines.push(Line::junk(Junk::StrayUi, "font"));
    }
    let n_markers = match site.continue_marker {
        Some(_) => rng.range(1, 3),
        None => 0,
    };
    let marker_at: Vec<usize> = (0..n_markers)
        .map(|_| rng.range(1, body.len().max(1)))
        .collect();
    for (i, (g, t, e)) in body.into_iter().enumerate() {
        for &m in &marker_at {
            if m == i {
                lines.push(Line::junk(
                    Junk::ContinueMarker,
                    site.continue_marker.unwrap_or_default(),
                ));
            }
        }
        // The standfirst's second showing is the copy; the first stays the original.
        let edit = if standfirst && i == 0 {
            Some(e.unwrap_or(Edit::Verbatim))
        } else {
            e
        };
        lines.push(Line {
            text: t,
            label: Label::Content { group: g, edit },
        });
    }
    for tail in &site.tail {
        if !rng.pct(85) {
            continue;
        }
        match tail {
            Tail::Tags => lines.push(Line::junk(Junk::Tags, tags_line(rng, &headline, site))),
            Tail::Breadcrumb => lines.push(Line::junk(
                Junk::Breadcrumb,
                breadcrumb_line(site.breadcrumb, site, &headline),
            )),
            Tail::Disclaimer => lines.push(Line::junk(Junk::Disclaimer, site.disclaimer.clone())),
            Tail::CommentPolicy => {
                lines.push(Line::junk(Junk::CommentPolicy, site.comment_policy.clone()))
            }
            Tail::ReadMore => lines.push(Line::junk(Junk::ReadMore, site.read_more)),
            Tail::SourceLink => lines.push(Line::junk(Junk::SourceLink, site.source_link)),
            Tail::VisitCounter => lines.push(Line::junk(
                Junk::VisitCounter,
                visit_counter_line(site.visit_counter, rng),
            )),
            Tail::Newsletter => lines.push(Line::junk(Junk::Newsletter, site.newsletter.clone())),
            Tail::Related => related_feed(ctx, rng, sid, site, &mut lines),
        }
    }
    for f in &site.footer {
        lines.push(Line::junk(Junk::SiteFooter, f.clone()));
    }
    if let Some(ui) = site.tail_ui {
        lines.push(Line::junk(Junk::StrayUi, ui));
    }
    lines
}

static BLANK: Line = Line {
    text: String::new(),
    label: Label::Blank,
};

/// The document's lines with the site's blank-line separators, as (text override, line).
/// `rng` only chooses the whitespace of Mixed separators.
fn with_separators<'a>(
    lines: &'a [Line],
    site: &Site,
    rng: &mut Rng,
) -> Vec<(Option<&'static str>, &'a Line)> {
    let mut out = Vec::with_capacity(lines.len() * 2);
    for (i, l) in lines.iter().enumerate() {
        if i > 0 && site.sep != Sep::None {
            let ws = match site.sep {
                Sep::Mixed => match rng.below(6) {
                    0 => Some(" "),
                    1 => Some("\u{a0}"),
                    _ => None,
                },
                _ => None,
            };
            out.push((ws, &BLANK));
        }
        out.push((None, l));
    }
    out
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialize")
}

/// Who a document is, for its truth line.
struct DocMeta<'a> {
    id: &'a str,
    story: usize,
    plan: &'a DocPlan,
    site: &'a Site,
    /// The story's wire document (the document itself for wire and single documents).
    wire_doc: &'a str,
    reordered: bool,
    partial: bool,
    spun: bool,
}

/// Serializes the document text and its truth line; counts into `stats`.
fn render_doc(
    meta: &DocMeta,
    laid: &[(Option<&str>, &Line)],
    wire_lines: &[u32],
    stats: &mut Stats,
) -> (Vec<u8>, String) {
    let DocMeta {
        id,
        story: sid,
        plan: dp,
        site,
        wire_doc,
        reordered,
        partial,
        spun,
    } = *meta;
    let eol = if site.crlf { "\r\n" } else { "\n" };
    let mut text = String::with_capacity(4096);
    let mut truth = String::with_capacity(1024);
    let _ = write!(
        truth,
        "{{\"doc\":\"{id}\",\"story\":\"s{sid:07}\",\"role\":\"{}\",\"site\":\"site-{:03}\",\"outlet\":{},\"wire\":\"{wire_doc}\"",
        dp.role.name(),
        dp.site,
        json_str(&site.name)
    );
    if site.crlf {
        truth.push_str(",\"crlf\":true");
    }
    if reordered {
        truth.push_str(",\"reordered\":true");
    }
    if partial {
        truth.push_str(",\"partial\":true");
    }
    if spun {
        truth.push_str(",\"spun\":true");
    }
    truth.push_str(",\"lines\":[");
    for (i, (ws, l)) in laid.iter().enumerate() {
        if i > 0 {
            text.push_str(eol);
            truth.push(',');
        }
        text.push_str(ws.unwrap_or(&l.text));
        match &l.label {
            Label::Title => {
                truth.push_str("{\"label\":\"title\"}");
                *stats.labels.entry("title").or_default() += 1;
            }
            Label::Blank => {
                truth.push_str("{\"label\":\"blank\"}");
                *stats.labels.entry("blank").or_default() += 1;
            }
            Label::Junk { kind, trap, refers } => {
                let _ = write!(truth, "{{\"label\":\"junk\",\"kind\":\"{}\"", kind.name());
                if *trap {
                    truth.push_str(",\"trap\":true");
                }
                if let Some(r) = refers {
                    let _ = write!(truth, ",\"ref\":\"s{r:07}\"");
                }
                truth.push('}');
                *stats.labels.entry("junk").or_default() += 1;
                *stats.junk.entry(kind.name()).or_default() += 1;
            }
            Label::Content { group, edit } => {
                match group {
                    Group::Para(k) => {
                        let _ = write!(
                            truth,
                            "{{\"label\":\"content\",\"group\":\"s{sid:07}.g{k:02}\""
                        );
                    }
                    Group::Own(d, k) => {
                        let _ = write!(
                            truth,
                            "{{\"label\":\"content\",\"group\":\"s{sid:07}.d{d}.o{k}\""
                        );
                    }
                }
                if let Some(e) = edit {
                    let _ = write!(truth, ",\"edit\":\"{}\"", e.name());
                    if let Edit::Words(n) = e {
                        let _ = write!(truth, ",\"n\":{n}");
                    }
                    if let Group::Para(k) = group {
                        let _ = write!(truth, ",\"of\":{}", wire_lines[*k]);
                    }
                    *stats.edits.entry(e.name()).or_default() += 1;
                } else {
                    *stats.edits.entry("original").or_default() += 1;
                }
                truth.push('}');
                *stats.labels.entry("content").or_default() += 1;
            }
        }
    }
    if site.final_newline {
        text.push_str(eol);
    }
    truth.push_str("]}\n");
    stats.docs += 1;
    stats.bytes += text.len() as u64;
    stats.lines += laid.len() as u64;
    *stats.roles.entry(dp.role.name()).or_default() += 1;
    (text.into_bytes(), truth)
}

// ---------------------------------------------------------------------------------------------
// Writing.
// ---------------------------------------------------------------------------------------------

fn write_corpus(ctx: &Ctx, args: &Args) -> Result<Stats> {
    let out = args.out();
    let input = out.join("input");
    let generated = [
        out.join("truth.jsonl"),
        out.join("stories.jsonl"),
        out.join("manifest.json"),
    ];
    if input.exists() || generated.iter().any(|p| p.exists()) {
        if !args.force {
            bail!(
                "`{}` already holds a corpus (input/ or truth files); pass --force to replace it",
                out.display()
            );
        }
        if input.exists() {
            fs::remove_dir_all(&input)
                .with_context(|| format!("removing `{}`", input.display()))?;
        }
        for p in &generated {
            if p.exists() {
                fs::remove_file(p).with_context(|| format!("removing `{}`", p.display()))?;
            }
        }
    }
    // Create every directory up front so the parallel writers only create files.
    let mut dirs: Vec<(usize, usize)> = ctx
        .plan
        .docs
        .iter()
        .map(|d| (d.site, d.seq / FILES_PER_DIR))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    for (site, bucket) in dirs {
        let d = input.join(format!("site-{site:03}/{bucket:03}"));
        fs::create_dir_all(&d).with_context(|| format!("creating `{}`", d.display()))?;
    }
    let mut truth = BufWriter::with_capacity(1 << 20, create(&out.join("truth.jsonl"))?);
    let mut stories = BufWriter::new(create(&out.join("stories.jsonl"))?);
    let mut stats = Stats::default();
    let n = ctx.plan.stories.len();
    for batch in (0..n).step_by(STORIES_PER_BATCH) {
        let end = (batch + STORIES_PER_BATCH).min(n);
        let results: Vec<Result<StoryOut>> = (batch..end)
            .into_par_iter()
            .map(|sid| {
                let mut s = gen_story(ctx, sid);
                for (id, bytes) in s.files.drain(..) {
                    let p = input.join(&id);
                    fs::write(&p, bytes).with_context(|| format!("writing `{}`", p.display()))?;
                }
                Ok(s)
            })
            .collect();
        for r in results {
            let s = r?;
            truth.write_all(s.truth.as_bytes())?;
            stories.write_all(s.story_line.as_bytes())?;
            stats = stats.merge(s.stats);
        }
    }
    truth.flush()?;
    stories.flush()?;
    write_manifest(ctx, args, &stats)?;
    Ok(stats)
}

fn create(p: &Path) -> Result<File> {
    File::create(p).with_context(|| format!("creating `{}`", p.display()))
}

fn write_manifest(ctx: &Ctx, args: &Args, stats: &Stats) -> Result<()> {
    let source_name = args
        .source
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let real = ctx.plan.real_order.len().min(ctx.plan.stories.len());
    let mut m = serde_json::json!({
        "generator": "gen-corpus",
        "format": FORMAT,
        "seed": args.seed,
        "source": source_name,
        "docs": stats.docs,
        "stories": ctx.plan.stories.len(),
        "real_stories": real,
        "sites": ctx.plan.sites.len(),
        "bytes": stats.bytes,
        "lines": stats.lines,
        "groups": stats.groups,
        "roles": stats.roles,
        "labels": stats.labels,
        "junk": stats.junk,
        "content": stats.edits,
        "input": "input",
        "truth": "truth.jsonl",
        "stories_file": "stories.jsonl",
    });
    // Only when on, so a corpus without spinning has the manifest it always had.
    if let Some(s) = &ctx.spin {
        m["spin"] = serde_json::json!({"docs_pct": s.pct, "rates": args.spin_rates.to_json()});
    }
    let p = args.out().join("manifest.json");
    fs::write(&p, serde_json::to_string_pretty(&m)? + "\n")
        .with_context(|| format!("writing `{}`", p.display()))
}
