//! The canonical text of one story: a title, then each paragraph once, in the article's order.
//!
//! The fullest version (most kept paragraphs; ties by doc id) gives the order. Paragraphs that only
//! other versions have are inserted where they stand there: after the last paragraph they share
//! with the text built so far (or before the first shared one, for a version's opening lines). A
//! paragraph is "the same" when its normalized fingerprint is equal, so each appears once, in the
//! first copy met in that order.

use crate::dedup::{normalize, DocPrint};
use crate::model::{CleanDoc, LineRef, Story};

/// Build the story made of `members` (indices into `docs`/`prints`, sorted).
/// Merged paragraphs: (doc id, line) of a duplicate or paraphrase -> (doc index, line) of the
/// paragraph kept for it. Built once for all stories ([`merged`]).
pub type Merged = ahash::AHashMap<(String, usize), (usize, usize)>;

/// The kept paragraph of every merged line, from the dedup stage's links.
pub fn merged(links: &[crate::dedup::Link], prints: &[DocPrint]) -> Merged {
    let index: ahash::AHashMap<&str, usize> = prints
        .iter()
        .enumerate()
        .map(|(i, p)| (p.doc.as_str(), i))
        .collect();
    links
        .iter()
        .filter_map(|l| {
            let &k = index.get(l.kept.doc.as_str())?;
            Some(((l.from.doc.clone(), l.from.line), (k, l.kept.line)))
        })
        .collect()
}

pub fn build(members: &[usize], docs: &[CleanDoc], prints: &[DocPrint], merged: &Merged) -> Story {
    // A merged paragraph counts as its kept paragraph: each fact once, and in the kept (original)
    // wording when the kept paragraph is in this story.
    let in_story = |d: usize| members.contains(&d);
    let hash_of = |d: usize, line: usize| {
        prints[d]
            .paragraphs
            .iter()
            .find(|p| p.line == line)
            .map(|p| p.hash)
    };
    let resolve = |i: usize, line: usize, own: u64| -> (u64, usize, usize) {
        match merged.get(&(prints[i].doc.clone(), line)) {
            Some(&(k, kl)) if in_story(k) => (hash_of(k, kl).unwrap_or(own), k, kl),
            _ => (own, i, line),
        }
    };
    // Fullest version first.
    let mut order: Vec<usize> = members.to_vec();
    let body_len = |i: usize| prints[i].paragraphs.len() - usize::from(prints[i].title.is_some());
    order.sort_by(|&a, &b| {
        body_len(b)
            .cmp(&body_len(a))
            .then(prints[a].doc.cmp(&prints[b].doc))
    });

    // Prefer a headline without a site suffix ("Dam opens" over "Dam opens | Herald"): it names
    // the story rather than one outlet's copy of it.
    let bare = |i: usize| {
        let t = docs[i].title().unwrap_or("");
        crate::clean::repeated_headline::strip_site_suffix(t) == t
    };
    let titled = order
        .iter()
        .copied()
        .filter(|&i| prints[i].title.is_some())
        .min_by_key(|&i| !bare(i));
    let (title, title_from, title_hash) = match titled {
        Some(i) => {
            let t = prints[i].title.as_ref().expect("checked is_some");
            // The story's title names the story, not one outlet: a site suffix goes.
            let line = docs[i].doc.lines[t.line - 1].trim();
            let text = crate::clean::repeated_headline::strip_site_suffix(line)
                .trim()
                .to_string();
            (text, Some(line_ref(prints, i, t.line)), Some(t.hash))
        }
        None => (String::new(), None, None),
    };

    // (fingerprint, source line, text)
    let mut text: Vec<(u64, LineRef, String)> = Vec::new();
    for &i in &order {
        let mut anchor: Option<usize> = None;
        let mut pending: Vec<(u64, LineRef, String)> = Vec::new();
        let own_title = prints[i].title.as_ref().map(|t| t.line);
        for p in &prints[i].paragraphs {
            // Headlines are not paragraphs: the story has one title, and the other versions'
            // headlines say the same thing again.
            if Some(p.hash) == title_hash || Some(p.line) == own_title {
                continue;
            }
            let (key, src_doc, src_line) = resolve(i, p.line, p.hash);
            match text.iter().position(|(h, _, _)| *h == key) {
                Some(pos) => {
                    // The version's opening lines go before its first shared paragraph.
                    if anchor.is_none() && !pending.is_empty() {
                        let n = pending.len();
                        text.splice(pos..pos, pending.drain(..));
                        anchor = Some(pos + n);
                    } else {
                        anchor = Some(pos);
                    }
                }
                None => {
                    if pending.iter().any(|(h, _, _)| *h == key) {
                        continue;
                    }
                    let item = (
                        key,
                        line_ref(prints, src_doc, src_line),
                        docs[src_doc].doc.lines[src_line - 1].trim().to_string(),
                    );
                    match anchor {
                        Some(a) => {
                            text.insert(a + 1, item);
                            anchor = Some(a + 1);
                        }
                        None => pending.push(item),
                    }
                }
            }
        }
        text.append(&mut pending);
    }

    let (title, title_from) = if title.is_empty() && !text.is_empty() {
        // No version has a headline line: the first paragraph stands as the title.
        let (_, from, t) = text.remove(0);
        (t, Some(from))
    } else {
        (title, title_from)
    };
    let mut ids: Vec<String> = members.iter().map(|&i| prints[i].doc.clone()).collect();
    ids.sort();
    Story {
        id: story_id(&title, &ids),
        title,
        title_from,
        docs: ids,
        paragraphs: text.into_iter().map(|(_, r, t)| (r, t)).collect(),
    }
}

fn line_ref(prints: &[DocPrint], i: usize, line: usize) -> LineRef {
    LineRef {
        doc: prints[i].doc.clone(),
        line,
    }
}

/// A readable, stable story id: a slug of the title and a hash of the member doc ids.
///
/// FNV-1a, not ahash: the id names a file users keep and compare across versions and machines, and
/// ahash promises no stable output across versions or platforms.
pub fn story_id(title: &str, doc_ids: &[String]) -> String {
    let norm = normalize(title);
    let slug: Vec<String> = norm
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(String::from)
        .collect();
    let mut slug = slug.join("-");
    slug.truncate(60);
    let slug = slug.trim_end_matches('-');
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for id in doc_ids {
        for b in id.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let slug = if slug.is_empty() { "story" } else { slug };
    format!("{slug}-{:08x}", h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean;
    use crate::dedup::fingerprint;
    use crate::model::Document;
    use crate::rules::Rules;

    fn prep(docs: &[(&str, &str)]) -> (Vec<CleanDoc>, Vec<DocPrint>) {
        let rules = Rules::default();
        let c: Vec<CleanDoc> = docs
            .iter()
            .map(|(id, t)| clean::apply(Document::from_text(*id, t), &rules))
            .collect();
        let p = c.iter().map(fingerprint).collect();
        (c, p)
    }

    #[test]
    fn paragraphs_only_in_other_versions_go_where_they_stand() {
        let (c, p) = prep(&[
            ("a", "Dam opens after ten years\nFirst paragraph of the wire.\nSecond paragraph.\nThird paragraph here.\n"),
            ("b", "Dam opens after ten years\nAn opening line of b.\nSecond paragraph.\nA line only b has.\nThird paragraph here.\n"),
        ]);
        let s = build(&[0, 1], &c, &p, &Merged::default());
        let texts: Vec<&str> = s.paragraphs.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(s.title, "Dam opens after ten years");
        assert_eq!(
            texts,
            // b is the fullest version, so its order leads; a's opening line goes before the
            // first paragraph a shares with it.
            [
                "An opening line of b.",
                "First paragraph of the wire.",
                "Second paragraph.",
                "A line only b has.",
                "Third paragraph here."
            ]
        );
        assert_eq!(
            s.paragraphs[3].0,
            LineRef {
                doc: "b".into(),
                line: 4
            }
        );
    }

    #[test]
    fn ids_are_stable_and_readable() {
        let ids = vec!["a.txt".to_string(), "b.txt".to_string()];
        let id = story_id("Belarus frees 52 political prisoners | World", &ids);
        assert!(
            id.starts_with("belarus-frees-52-political-prisoners-world-"),
            "{id}"
        );
        assert_eq!(
            id,
            story_id("Belarus frees 52 political prisoners | World", &ids)
        );
        assert!(story_id("政府が発表", &ids).starts_with("story-"));
    }
}
