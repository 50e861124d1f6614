//! `gen-corpus pairs`: a labelled paraphrase / near-duplicate evaluation set, as documents for
//! `storysift clean` and a gold file for `scripts/score-links`.
//!
//! For each original paragraph (the Wikinews paragraphs of `../shared/data/news-text/`, in a
//! seeded article order; past them, if `--pairs` asks for more and `--real-only` is not given,
//! paragraphs of synthetic articles from the Markov chain) it writes:
//!
//! | kind | what | should link to the original |
//! | --- | --- | --- |
//! | `spun` | machine-paraphrased by the spinner ([`super::spin`]) | yes |
//! | `edited` | 1-5 word substitutions/insertions/deletions/swaps | yes |
//! | `truncated` | a prefix of at least 10 words, as a scraper cuts | yes |
//! | `number` | verbatim but for one number ("52" -> "25") | no (trap) |
//! | `topic` | a paragraph of the most similar other article, sharing words but not the fact | no (trap) |
//!
//! Documents (`DIR/input/<article>/<8 hex>.txt`; names are random so that file order says nothing
//! about which one is the original): per article, the original (headline + its paragraphs), a spun
//! copy (spun headline + spun paragraphs, like seed 000's second half) and three rewrites (the
//! headline + edited, truncated and number-changed copies dealt over them, one of each per
//! original, with the topic distractors among them). Every document is headline, blank line,
//! paragraphs separated by blank lines. All documents of an article share a story.
//!
//! `DIR/gold.jsonl`, one JSON object per line (documented in docs/spinner.md):
//!
//! - `{"type":"header", "format":1, "generator":"gen-corpus pairs", "seed", "source", "pairs",
//!   "originals", "articles", "docs", "kinds":{kind: count}, "spin":{rates}}` (first line)
//! - `{"type":"line", "doc", "line", "group", "kind", "real"}` for every non-blank line: lines
//!   with the same `group` say the same thing (a copy has its original's group; a number trap has
//!   a group of its own; a topic distractor has the group of the paragraph it really is).
//!   `kind`: `title` | `original` | `spun` | `edited` | `truncated` | `number` | `topic`.
//! - `{"type":"pair", "kind", "link": true|false, "copy":{"doc","line"}, "orig":{"doc","line"},
//!   "real", ...}` one per labelled pair, plus by kind: `"ops"` (spun: the spinner's operations),
//!   `"n"` (edited: word edits), `"from"`/`"to"` (number), `"similarity"` and `"overlap"`
//!   (topic: the articles' TF-IDF cosine, the paragraphs' content-word Jaccard).
//!
//! Deterministic: each article draws from its own stream, so a given seed makes the same bytes,
//! and a smaller `--pairs` is a prefix of a larger one (but for the last article).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use super::spin::{SpinRates, SpinReport, Spinner, Thesaurus};
use super::text::shingles;
use super::{edit_truncate, edit_words, json_str, Chain, Rng, Source, Stream, DEFAULT_WORDNET};

#[derive(clap::Args, Debug)]
pub struct PairsArgs {
    /// Number of labelled pairs (copies and traps, each against its original) to write.
    #[arg(long, default_value_t = 1000)]
    pairs: usize,
    /// Seed; the output is byte-identical for a given seed, source and synonym table.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output folder: DIR/input (documents for storysift), DIR/gold.jsonl.
    #[arg(long)]
    out: PathBuf,
    /// The Wikinews JSONL.gz the originals come from.
    #[arg(
        long,
        default_value = "../shared/data/news-text/wikinews-2019-2020.jsonl.gz"
    )]
    source: PathBuf,
    /// The spinner's synonym table, written by scripts/fetch-wordnet.
    #[arg(long, default_value = DEFAULT_WORDNET)]
    wordnet: PathBuf,
    /// Only real Wikinews paragraphs: stop when they run out (about 9k pairs) instead of going on
    /// with paragraphs of synthetic articles.
    #[arg(long)]
    real_only: bool,
    /// Replace an existing DIR/input and DIR/gold.jsonl.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    spin_rates: SpinRates,
}

/// One article the originals come from.
struct Article {
    /// `w123` (Wikinews article 123 of the source) or `x00045` (synthetic).
    key: String,
    title: String,
    paras: Vec<String>,
    real: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Spun,
    Edited,
    Truncated,
    Number,
    Topic,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Spun => "spun",
            Kind::Edited => "edited",
            Kind::Truncated => "truncated",
            Kind::Number => "number",
            Kind::Topic => "topic",
        }
    }
    fn links(self) -> bool {
        matches!(self, Kind::Spun | Kind::Edited | Kind::Truncated)
    }
}

/// A copy or trap of one original, before it has a place.
struct Variant {
    kind: Kind,
    text: String,
    group: String,
    /// Extra fields of its pair record (`,"ops":[...]` etc.).
    extra: String,
}

/// A line of a document being laid out.
struct DocLine {
    text: String,
    group: String,
    kind: &'static str,
    /// For copies: (original's paragraph index, kind, extra) -> a pair record.
    pair: Option<(usize, Kind, String)>,
}

pub fn run(args: &PairsArgs) -> Result<()> {
    if args.pairs == 0 {
        bail!("--pairs must be at least 1");
    }
    let t0 = Instant::now();
    let source = Source::load(&args.source)?;
    let thesaurus = Thesaurus::load(&args.wordnet)?;
    let spinner = Spinner::new(&thesaurus, args.spin_rates.clone());
    let input = args.out.join("input");
    let gold_path = args.out.join("gold.jsonl");
    if input.exists() || gold_path.exists() {
        if !args.force {
            bail!(
                "`{}` already holds a pair set (input/ or gold.jsonl); pass --force to replace it",
                args.out.display()
            );
        }
        if input.exists() {
            fs::remove_dir_all(&input)
                .with_context(|| format!("removing `{}`", input.display()))?;
        }
        if gold_path.exists() {
            fs::remove_file(&gold_path)
                .with_context(|| format!("removing `{}`", gold_path.display()))?;
        }
    }
    fs::create_dir_all(&input).with_context(|| format!("creating `{}`", input.display()))?;

    let mut articles = real_articles(&source, args.seed);
    let n_real = articles.len();
    let mut topics = Topics::default();
    topics.add(&articles, 0..n_real);
    let mut gold_lines = String::new();
    let mut gold_pairs = String::new();
    let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (mut n_pairs, mut n_originals, mut n_docs, mut n_articles) = (0usize, 0usize, 0usize, 0);
    let mut next = 0usize;
    while n_pairs < args.pairs {
        if next == articles.len() {
            if args.real_only {
                eprintln!(
                    "gen-corpus pairs: the real paragraphs ran out at {n_pairs} pairs (--real-only)"
                );
                break;
            }
            // Synthetic articles, a batch at a time: their topic neighbours are in the batch.
            let start = articles.len();
            for i in 0..SYNTHETIC_BATCH {
                articles.push(synthetic_article(
                    &source.chain,
                    args.seed,
                    start - n_real + i,
                ));
            }
            topics.add(&articles, start..start + SYNTHETIC_BATCH);
        }
        let a = next;
        next += 1;
        let mut rng = Rng::new(args.seed, Stream::Pairs, a as u64);
        let want = args.pairs - n_pairs;
        let Some(set) = article_set(
            &articles,
            a,
            &topics,
            &spinner,
            &source.chain,
            &mut rng,
            want,
        ) else {
            continue;
        };
        let dir = input.join(&articles[a].key);
        fs::create_dir_all(&dir).with_context(|| format!("creating `{}`", dir.display()))?;
        let names = doc_names(&mut rng, set.docs.len());
        // Where each original paragraph stands: (doc id, line).
        let orig_id = format!("{}/{}.txt", articles[a].key, names[0]);
        for (d, doc) in set.docs.iter().enumerate() {
            let id = format!("{}/{}.txt", articles[a].key, names[d]);
            let mut text = String::with_capacity(4096);
            for (i, l) in doc.iter().enumerate() {
                let line = 1 + 2 * i;
                if i > 0 {
                    text.push_str("\n\n");
                }
                text.push_str(&l.text);
                let _ = writeln!(
                    gold_lines,
                    "{{\"type\":\"line\",\"doc\":{},\"line\":{line},\"group\":{},\"kind\":\"{}\",\"real\":{}}}",
                    json_str(&id),
                    json_str(&l.group),
                    l.kind,
                    articles[a].real
                );
                if let Some((k, kind, extra)) = &l.pair {
                    let _ = writeln!(
                        gold_pairs,
                        "{{\"type\":\"pair\",\"kind\":\"{}\",\"link\":{},\"copy\":{{\"doc\":{},\"line\":{line}}},\"orig\":{{\"doc\":{},\"line\":{}}},\"real\":{}{extra}}}",
                        kind.name(),
                        kind.links(),
                        json_str(&id),
                        json_str(&orig_id),
                        3 + 2 * k,
                        articles[a].real
                    );
                    *kinds.entry(kind.name()).or_default() += 1;
                    n_pairs += 1;
                }
            }
            text.push('\n');
            let p = input.join(&id);
            fs::write(&p, text).with_context(|| format!("writing `{}`", p.display()))?;
        }
        n_docs += set.docs.len();
        n_originals += set.originals;
        n_articles += 1;
    }
    let header = serde_json::json!({
        "type": "header",
        "format": 1,
        "generator": "gen-corpus pairs",
        "seed": args.seed,
        "source": args.source.file_name().map(|s| s.to_string_lossy().into_owned()),
        "pairs": n_pairs,
        "originals": n_originals,
        "articles": n_articles,
        "docs": n_docs,
        "kinds": kinds,
        "spin": args.spin_rates.to_json(),
    });
    let mut gold = serde_json::to_string(&header)? + "\n";
    gold.push_str(&gold_lines);
    gold.push_str(&gold_pairs);
    fs::write(&gold_path, gold).with_context(|| format!("writing `{}`", gold_path.display()))?;
    eprintln!(
        "gen-corpus pairs: {n_pairs} pairs ({}) from {n_originals} originals in {n_articles} articles, {n_docs} docs in {:.1}s -> {}",
        kinds
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", "),
        t0.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(())
}

/// The real articles, in a seeded order.
fn real_articles(source: &Source, seed: u64) -> Vec<Article> {
    let mut order: Vec<usize> = (0..source.articles.len()).collect();
    let mut r = Rng::new(seed, Stream::Pairs, u64::MAX);
    for i in (1..order.len()).rev() {
        order.swap(i, r.below(i + 1));
    }
    order
        .into_iter()
        .map(|i| Article {
            key: format!("w{i:03}"),
            title: source.articles[i].title.clone(),
            paras: source.articles[i].paras.clone(),
            real: true,
        })
        .collect()
}

fn synthetic_article(chain: &Chain, seed: u64, i: usize) -> Article {
    let mut r = Rng::new(seed, Stream::Pairs, (1 << 40) | i as u64);
    let n = r.range(4, 12);
    Article {
        key: format!("x{i:05}"),
        title: chain.title(&mut r),
        paras: (0..n).map(|_| chain.paragraph(&mut r)).collect(),
        real: false,
    }
}

/// Random 8-hex-digit document names, distinct.
fn doc_names(rng: &mut Rng, n: usize) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let name = format!("{:08x}", rng.next_u64() as u32);
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

/// An article's documents: index 0 is the original.
struct ArticleSet {
    docs: Vec<Vec<DocLine>>,
    originals: usize,
}

/// Builds the documents of article `a`, with at most `want` pairs.
fn article_set(
    articles: &[Article],
    a: usize,
    topics: &Topics,
    spinner: &Spinner,
    chain: &Chain,
    rng: &mut Rng,
    want: usize,
) -> Option<ArticleSet> {
    let art = &articles[a];
    let group = |k: usize| topics.group(articles, a, k);
    let title_group = format!("{}.title", art.key);
    let mut used_distractors: HashSet<(usize, usize)> = HashSet::new();
    let mut originals: Vec<DocLine> = Vec::new();
    let mut spun_doc: Vec<DocLine> = Vec::new();
    let mut rewrites: [Vec<DocLine>; 3] = Default::default();
    let mut count = 0;
    for (k, p) in art.paras.iter().enumerate() {
        if count >= want {
            break;
        }
        let mut copies: Vec<Variant> = Vec::with_capacity(5);
        let (spun, rep) = spinner.spin(p, rng);
        if spun != *p {
            copies.push(Variant {
                kind: Kind::Spun,
                text: spun,
                group: group(k),
                extra: ops_field(&rep),
            });
        }
        let n = rng.range(1, 5);
        if let Some(t) = edit_words(p, rng, chain, n).filter(|t| t != p) {
            copies.push(Variant {
                kind: Kind::Edited,
                text: t,
                group: group(k),
                extra: format!(",\"n\":{n}"),
            });
        }
        if let Some(t) = edit_truncate(p, rng) {
            copies.push(Variant {
                kind: Kind::Truncated,
                text: t,
                group: group(k),
                extra: String::new(),
            });
        }
        if let Some((t, from, to)) = change_number(p, rng) {
            copies.push(Variant {
                kind: Kind::Number,
                text: t,
                group: format!("{}.n", group(k)),
                extra: format!(",\"from\":{},\"to\":{}", json_str(&from), json_str(&to)),
            });
        }
        if let Some((b, q, sim, overlap)) = topics.distractor(articles, a, k, &used_distractors) {
            used_distractors.insert((b, q));
            copies.push(Variant {
                kind: Kind::Topic,
                text: articles[b].paras[q].clone(),
                group: topics.group(articles, b, q),
                extra: format!(",\"similarity\":{sim:.3},\"overlap\":{overlap:.3}"),
            });
        }
        if copies.is_empty() {
            continue;
        }
        copies.truncate(want - count);
        count += copies.len();
        let idx = originals.len();
        originals.push(DocLine {
            text: p.clone(),
            group: group(k),
            kind: "original",
            pair: None,
        });
        // One rewrite gets each of edited/truncated/number, in a random deal; the topic
        // distractor goes into a random rewrite, after what that rewrite has of this paragraph.
        let mut deal = [0usize, 1, 2];
        for i in (1..3).rev() {
            deal.swap(i, rng.below(i + 1));
        }
        let topic_to = rng.below(3);
        let mut slot = 0;
        let mut topic: Option<DocLine> = None;
        for c in copies {
            let line = DocLine {
                text: c.text,
                group: c.group,
                kind: c.kind.name(),
                pair: Some((idx, c.kind, c.extra)),
            };
            match c.kind {
                Kind::Spun => spun_doc.push(line),
                Kind::Topic => topic = Some(line),
                _ => {
                    rewrites[deal[slot]].push(line);
                    slot += 1;
                }
            }
        }
        if let Some(t) = topic {
            rewrites[topic_to].push(t);
        }
    }
    if originals.is_empty() {
        return None;
    }
    let title = |text: String| DocLine {
        text,
        group: title_group.clone(),
        kind: "title",
        pair: None,
    };
    let mut docs = Vec::with_capacity(5);
    let n_originals = originals.len();
    for (i, body) in std::iter::once(originals)
        .chain(std::iter::once(spun_doc))
        .chain(rewrites)
        .enumerate()
    {
        if body.is_empty() {
            continue;
        }
        let t = if i == 1 {
            spinner.spin_words(&art.title, rng)
        } else {
            art.title.clone()
        };
        let mut doc = vec![title(t)];
        doc.extend(body);
        docs.push(doc);
    }
    // Paragraph indices in pair records count the original document's body lines.
    Some(ArticleSet {
        docs,
        originals: n_originals,
    })
}

fn ops_field(rep: &SpinReport) -> String {
    let ops: Vec<String> = rep.ops().iter().map(|o| format!("\"{o}\"")).collect();
    format!(",\"ops\":[{}]", ops.join(","))
}

/// Changes one number of the text ("52" -> "25", "1,200" -> "1,300"): (text, from, to). Years
/// are changed only when there is no other number.
fn change_number(text: &str, rng: &mut Rng) -> Option<(String, String, String)> {
    let b = text.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    let is_year = |&(s, e): &(usize, usize)| {
        e - s == 4 && (text[s..e].starts_with("19") || text[s..e].starts_with("20"))
    };
    let others: Vec<(usize, usize)> = runs.iter().copied().filter(|r| !is_year(r)).collect();
    let pool = if others.is_empty() { runs } else { others };
    if pool.is_empty() {
        return None;
    }
    let (s, e) = pool[rng.below(pool.len())];
    let from = &text[s..e];
    let d: Vec<u8> = from.bytes().collect();
    // Swap two different digits without making a leading zero; else change one digit.
    let mut swaps: Vec<(usize, usize)> = Vec::new();
    for x in 0..d.len() {
        for y in x + 1..d.len() {
            if d[x] != d[y] && !(x == 0 && d[y] == b'0' && d.len() > 1) {
                swaps.push((x, y));
            }
        }
    }
    let mut to = d.clone();
    if !swaps.is_empty() && rng.pct(70) {
        let (x, y) = swaps[rng.below(swaps.len())];
        to.swap(x, y);
    } else {
        let at = if d.len() > 1 { rng.below(d.len()) } else { 0 };
        let old = d[at] - b'0';
        let lo = u8::from(at == 0 && d.len() > 1);
        let mut new = old;
        while new == old {
            new = lo + rng.below(usize::from(10 - lo)) as u8;
        }
        to[at] = b'0' + new;
    }
    let to = String::from_utf8(to).expect("ASCII digits");
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..s]);
    out.push_str(&to);
    out.push_str(&text[e..]);
    Some((out, from.to_string(), to))
}

/// Topic neighbours: the most similar other articles by TF-IDF cosine of their words, and in them
/// the paragraph sharing most words with a given one (without being a copy of it).
#[derive(Default)]
struct Topics {
    /// Per article: its paragraphs' content-word sets.
    words: Vec<Vec<HashSet<String>>>,
    /// Per article: its NEIGHBOURS most similar articles, (article, cosine), most similar first.
    neighbours: Vec<Vec<(usize, f32)>>,
    /// (article, paragraph) -> the group of a source paragraph that is a near copy of another
    /// one (Wikinews follow-ups repeat paragraphs, with a word changed or a sentence added).
    aliases: HashMap<(usize, usize), String>,
}

/// Words too common to say anything about a topic.
const TOPIC_STOP: &[&str] = &[
    "that", "this", "with", "from", "have", "were", "been", "their", "they", "which", "would",
    "said", "also", "there", "about", "after", "when", "more", "than", "some", "other", "into",
    "over", "will", "could", "what", "where", "while", "being", "them", "then", "these", "those",
    "such", "only", "both", "most", "many", "made", "make", "first", "last", "year", "years",
];

fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !TOPIC_STOP.contains(&w.as_str()))
        .collect()
}

fn jaccard<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f32 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    }
}

/// Real articles are compared with every other real article; synthetic ones (no topics to
/// speak of) with the synthetic articles of their batch only, which keeps it linear.
const SYNTHETIC_BATCH: usize = 32;
/// Articles a paragraph's topic distractor may come from.
const NEIGHBOURS: usize = 3;

impl Topics {
    /// Adds the articles of `range`, each compared with the others of the range.
    fn add(&mut self, articles: &[Article], range: std::ops::Range<usize>) {
        assert_eq!(self.words.len(), range.start, "articles are added in order");
        let batch = &articles[range.clone()];
        self.words.extend(
            batch
                .iter()
                .map(|a| a.paras.iter().map(|p| content_words(p)).collect::<Vec<_>>()),
        );
        // TF-IDF vectors over each article's words.
        let mut df: HashMap<&str, usize> = HashMap::new();
        let bags: Vec<HashMap<&str, usize>> = batch
            .iter()
            .map(|a| {
                let mut bag: HashMap<&str, usize> = HashMap::new();
                for p in &a.paras {
                    for w in p.split(|c: char| !c.is_alphanumeric()) {
                        if w.chars().count() >= 4 {
                            *bag.entry(w).or_default() += 1;
                        }
                    }
                }
                for w in bag.keys() {
                    *df.entry(w).or_default() += 1;
                }
                bag
            })
            .collect();
        let n = batch.len() as f32;
        let vecs: Vec<BTreeMap<&str, f32>> = bags
            .iter()
            .map(|bag| {
                let mut v: BTreeMap<&str, f32> = bag
                    .iter()
                    .filter(|(w, _)| !TOPIC_STOP.contains(&w.to_lowercase().as_str()))
                    .map(|(w, &tf)| (*w, (1.0 + (tf as f32).ln()) * (n / df[w] as f32).ln()))
                    .collect();
                let norm = v.values().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                v.values_mut().for_each(|x| *x /= norm);
                v
            })
            .collect();
        let cos = |a: usize, b: usize| -> f32 {
            let (x, y) = if vecs[a].len() < vecs[b].len() {
                (&vecs[a], &vecs[b])
            } else {
                (&vecs[b], &vecs[a])
            };
            x.iter().filter_map(|(w, v)| y.get(w).map(|u| u * v)).sum()
        };
        if batch.iter().all(|a| a.real) {
            self.find_aliases(articles, range.clone());
        }
        for a in 0..batch.len() {
            let mut near: Vec<(usize, f32)> = (0..batch.len())
                .filter(|&b| b != a)
                .map(|b| (range.start + b, cos(a, b)))
                .filter(|&(_, c)| c > 0.0)
                .collect();
            // Most similar first; ties go to the lower index (a stable sort keeps index order).
            near.sort_by(|x, y| y.1.total_cmp(&x.1));
            near.truncate(NEIGHBOURS);
            self.neighbours.push(near);
        }
    }

    /// The gold group of paragraph `k` of article `a`.
    fn group(&self, articles: &[Article], a: usize, k: usize) -> String {
        match self.aliases.get(&(a, k)) {
            Some(g) => g.clone(),
            None => format!("{}.p{k:02}", articles[a].key),
        }
    }

    /// Joins source paragraphs of different articles that are near copies (word 3-shingle
    /// containment >= 0.5, e.g. one a prefix of the other): they say the same thing, so their
    /// copies must share a group (else a truncated copy of one, identical to the other, would be
    /// a "wrong" link). Each joined set is named after its smallest member's group.
    fn find_aliases(&mut self, articles: &[Article], range: std::ops::Range<usize>) {
        let ids: Vec<(usize, usize)> = range
            .flat_map(|a| (0..articles[a].paras.len()).map(move |k| (a, k)))
            .collect();
        let sets: Vec<HashSet<String>> = ids
            .iter()
            .map(|&(a, k)| shingles(&articles[a].paras[k]))
            .collect();
        let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, set) in sets.iter().enumerate() {
            for sh in set {
                index.entry(sh.as_str()).or_default().push(i);
            }
        }
        let mut parent: Vec<usize> = (0..ids.len()).collect();
        fn root(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for i in 0..ids.len() {
            let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
            for sh in &sets[i] {
                for &j in &index[sh.as_str()] {
                    if j > i && ids[j].0 != ids[i].0 {
                        *shared.entry(j).or_default() += 1;
                    }
                }
            }
            for (j, n) in shared {
                let smaller = sets[i].len().min(sets[j].len()).max(1);
                if n * 2 >= smaller {
                    let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..ids.len() {
            let r = root(&mut parent, i);
            members.entry(r).or_default().push(i);
        }
        for m in members.values().filter(|m| m.len() > 1) {
            let name = m
                .iter()
                .map(|&i| format!("{}.p{:02}", articles[ids[i].0].key, ids[i].1))
                .min()
                .expect("non-empty");
            for &i in m {
                self.aliases.insert(ids[i], name.clone());
            }
        }
    }

    /// The paragraph of a neighbour article sharing most content words with paragraph `k` of
    /// `a`, not used yet, and different enough to be another fact: content-word Jaccard at most
    /// 0.45 and word 3-shingle Jaccard below 0.2 (Wikinews follow-ups repeat background
    /// paragraphs; those are copies, not traps). (article, paragraph, the articles' cosine, the
    /// paragraphs' content-word Jaccard).
    fn distractor(
        &self,
        articles: &[Article],
        a: usize,
        k: usize,
        used: &HashSet<(usize, usize)>,
    ) -> Option<(usize, usize, f32, f32)> {
        let mine = &self.words[a][k];
        let mut best: Option<(usize, usize, f32, f32)> = None;
        for &(b, sim) in &self.neighbours[a] {
            for (q, theirs) in self.words[b].iter().enumerate() {
                if used.contains(&(b, q)) {
                    continue;
                }
                let j = jaccard(mine, theirs);
                if j > 0.45 || j <= 0.0 || best.is_some_and(|x| x.3 >= j) {
                    continue;
                }
                if jaccard(
                    &shingles(&articles[a].paras[k]),
                    &shingles(&articles[b].paras[q]),
                ) >= 0.2
                {
                    continue;
                }
                best = Some((b, q, sim, j));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_change_swaps_digits_or_changes_one() {
        for seed in 0..50 {
            let (t, from, to) =
                change_number("Belarus freed 52 prisoners in 2025.", &mut Rng(seed)).unwrap();
            assert_eq!(from, "52");
            assert!(
                to == "25" || (to.len() == 2 && to != "52" && !to.starts_with('0')),
                "{to}"
            );
            assert_eq!(t, format!("Belarus freed {to} prisoners in 2025."));
        }
        // Only a year: the year changes.
        let (_, from, to) = change_number("It opened in 1996 and closed.", &mut Rng(3)).unwrap();
        assert_eq!(from, "1996");
        assert_ne!(to, "1996");
        assert!(change_number("No digits here.", &mut Rng(1)).is_none());
        let (_, from, to) = change_number("Only 7 left.", &mut Rng(1)).unwrap();
        assert_eq!(from, "7");
        assert_ne!(to, "7");
    }

    #[test]
    fn distractor_is_similar_but_not_a_copy() {
        let art = |key: &str, paras: &[&str]| Article {
            key: key.to_string(),
            title: "t".to_string(),
            paras: paras.iter().map(|s| s.to_string()).collect(),
            real: true,
        };
        let arts = vec![
            art(
                "w000",
                &["Flooding in Jakarta forced thousands of residents from their homes on Monday."],
            ),
            art(
                "w001",
                &[
                    "Flooding in Jakarta forced thousands of residents from their homes on Monday night.",
                    "Jakarta officials said flooding damaged roads and thousands of homes near the river.",
                    "The football season starts in August.",
                ],
            ),
            // A third article, so that words the first two share have a positive IDF.
            art(
                "w002",
                &["The orchestra opened its season with a concert in Vienna on Sunday."],
            ),
        ];
        let mut t = Topics::default();
        t.add(&arts, 0..3);
        assert_eq!(t.neighbours[0].first().map(|n| n.0), Some(1));
        // Paragraph 0 of w001 is a copy (shingles), paragraph 2 shares nothing: paragraph 1.
        let d = t
            .distractor(&arts, 0, 0, &HashSet::new())
            .map(|(b, q, _, _)| (b, q));
        assert_eq!(d, Some((1, 1)));
    }
}
