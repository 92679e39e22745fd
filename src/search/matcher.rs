//! The reference matcher: which articles a query finds, best first, and
//! where in a text the terms are (for highlighting).

use super::normalize::{normalize, normalize_with_offsets};
use super::query::Query;
use super::text::body_text;
use crate::article::Article;
use crate::script::is_cjk;

/// An article's searchable text, normalized once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchableArticle {
    title: String,
    rest: String,
}

impl SearchableArticle {
    /// Title, author, categories and body text of `article`, normalized.
    pub fn new(article: &Article) -> SearchableArticle {
        SearchableArticle::from_parts(
            &article.title,
            article.author.as_deref().unwrap_or(""),
            &category_names(article),
            &article.body,
        )
    }

    /// The same from the parts of an article: `categories` are the names
    /// of all its category paths, space-separated ([`category_names`]), and
    /// `body_html` its body. For the viewer's search module, which gets
    /// articles as strings.
    pub fn from_parts(
        title: &str,
        author: &str,
        categories: &str,
        body_html: &str,
    ) -> SearchableArticle {
        SearchableArticle::from_text(title, author, categories, &body_text(body_html))
    }

    /// The same with the body already as plain text ([`body_text`]).
    pub fn from_text(title: &str, author: &str, categories: &str, body: &str) -> SearchableArticle {
        let rest = format!("{author}\n{categories}\n{body}");
        SearchableArticle {
            title: normalize(title),
            rest: normalize(&rest),
        }
    }

    /// The same article with `body` (plain text, [`body_text`]) after its
    /// author and categories: what [`from_text`](Self::from_text) gives
    /// with the body, since normalizing folds the line break between them
    /// into one space.
    pub fn with_body(&self, body: &str) -> SearchableArticle {
        let body = normalize(body);
        let rest = match (self.rest.is_empty(), body.is_empty()) {
            (_, true) => self.rest.clone(),
            (true, false) => body,
            (false, false) => format!("{} {body}", self.rest),
        };
        SearchableArticle {
            title: self.title.clone(),
            rest,
        }
    }

    /// The bytes of text it holds.
    pub fn text_len(&self) -> usize {
        self.title.len() + self.rest.len()
    }

    /// Whether the normalized `term` [occurs] in one of the fields.
    pub fn contains(&self, term: &str) -> bool {
        self.fields().iter().any(|field| occurs(field, term))
    }

    /// The normalized title, then everything else: a term matches when it
    /// occurs in one of them (never across the two).
    pub(super) fn fields(&self) -> [&str; 2] {
        [&self.title, &self.rest]
    }
}

impl Hit {
    /// The hit as one number, `index * 2 + in_title`: how the viewer's
    /// search module hands hits back across the wasm boundary.
    pub fn packed(self) -> u32 {
        (self.index as u32) << 1 | u32::from(self.in_title)
    }

    /// The hit from [`Hit::packed`]'s number.
    ///
    /// ```
    /// use folio::search::Hit;
    /// let hit = Hit { index: 70_000, in_title: true };
    /// assert_eq!(Hit::unpacked(hit.packed()), hit);
    /// ```
    pub fn unpacked(packed: u32) -> Hit {
        Hit {
            index: (packed >> 1) as usize,
            in_title: packed & 1 == 1,
        }
    }
}

/// The names of all `article`'s category paths, space-separated, as search
/// reads them.
pub fn category_names(article: &Article) -> String {
    let names: Vec<&str> = article
        .categories
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    names.join(" ")
}

/// One found article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the article in the bundle.
    pub index: usize,
    /// Whether a term was found in the title (such hits rank first).
    pub in_title: bool,
}

/// Whether the normalized `term` occurs in the normalized `field` as search
/// means it: anywhere for CJK terms (substring semantics, so `俄关` finds
/// `中俄关系`), at the start of a word for others (`linu` finds `Linux` but
/// not `minix`... nor `alinux`).
pub fn occurs(field: &str, term: &str) -> bool {
    first_occurrence(field, term).is_some()
}

fn first_occurrence(field: &str, term: &str) -> Option<usize> {
    if term.is_empty() {
        return None;
    }
    let mut chars = term.chars();
    if let (Some(only), None) = (chars.next(), chars.next()) {
        if is_cjk(only) {
            // A `char` pattern looks for its last byte with memchr; a `&str`
            // one sets up a two-way searcher for every field it is given
            // (in wasm, the largest part of a cold one-character query's
            // search at 100,000 articles when every hit's title was read).
            return field.find(only);
        }
    }
    if term.chars().any(is_cjk) {
        return field.find(term);
    }
    field
        .match_indices(term)
        .map(|(at, _)| at)
        .find(|&at| is_word_start(field, at))
}

/// A word starts after the text's start, a non-alphanumeric character, or a
/// CJK character (`准备向WiMAX说`: `wimax` starts a word).
fn is_word_start(field: &str, at: usize) -> bool {
    field[..at]
        .chars()
        .next_back()
        .is_none_or(|before| !before.is_alphanumeric() || is_cjk(before))
}

/// The articles among `candidates` (bundle indices, newest first) that match
/// `query`: every required term somewhere, no excluded term anywhere. Title
/// hits come first, each group keeping the candidates' order.
pub fn search(searchable: &[SearchableArticle], candidates: &[usize], query: &Query) -> Vec<Hit> {
    let matches = |_, article: &SearchableArticle| {
        let found = |text: &str| occurs(&article.title, text) || occurs(&article.rest, text);
        query.required().all(|term| found(&term.text))
            && !query.excluded().any(|term| found(&term.text))
    };
    ranked(searchable, candidates, query, matches, |_| true)
}

/// The ranking, shared by the scan and the index: the articles among
/// `candidates` that `matches` (index, article) admits, title hits first,
/// each group keeping the candidates' order. A title is read only where
/// `title_may_hold` (index) allows a term in it: a split search knows from
/// its index of titles which can.
pub(super) fn ranked(
    searchable: &[SearchableArticle],
    candidates: &[usize],
    query: &Query,
    matches: impl Fn(usize, &SearchableArticle) -> bool,
    title_may_hold: impl Fn(usize) -> bool,
) -> Vec<Hit> {
    let mut title_hits = Vec::new();
    // Most hits are not title hits: one allocation instead of a dozen
    // growing copies when a common term finds most of a large bundle.
    let mut other_hits = Vec::with_capacity(candidates.len());
    for &index in candidates {
        let Some(article) = searchable.get(index) else {
            continue;
        };
        if !matches(index, article) {
            continue;
        }
        let in_title = title_may_hold(index)
            && query
                .required()
                .any(|term| occurs(&article.title, &term.text));
        let hit = Hit { index, in_title };
        if in_title {
            title_hits.push(hit);
        } else {
            other_hits.push(hit);
        }
    }
    if title_hits.is_empty() {
        return other_hits;
    }
    title_hits.append(&mut other_hits);
    title_hits
}

/// `text` cut into runs, each marked when it is a match of a required term,
/// for `<mark>`ing titles and snippets. Without a required term, `text`
/// unmarked (one run, none when empty) and not normalized (a list calls this for every
/// title, excerpt and name it shows, search or not).
pub fn highlight(text: &str, query: &Query) -> Vec<(String, bool)> {
    if query.required().next().is_none() {
        return match text.is_empty() {
            true => Vec::new(),
            false => vec![(text.to_owned(), false)],
        };
    }
    let (normalized, offsets) = normalize_with_offsets(text);
    let mut marked = vec![false; text.len()];
    for term in query.required() {
        let mut from = 0;
        while let Some(found) = first_occurrence(&normalized[from..], &term.text) {
            let start = from + found;
            let end = start + term.text.len();
            let original_start = offsets[start];
            let original_end = offsets.get(end).copied().unwrap_or(text.len());
            marked[original_start..original_end]
                .iter_mut()
                .for_each(|m| *m = true);
            from = start + term.text.chars().next().map_or(1, char::len_utf8);
        }
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (at, c) in text.char_indices() {
        let is_marked = marked[at];
        match runs.last_mut() {
            Some((run, mark)) if *mark == is_marked => run.push(c),
            _ => runs.push((c.to_string(), is_marked)),
        }
    }
    runs
}

/// Marked runs as the search module hands them across the wasm boundary:
/// plain strings alternating unmarked and marked, starting unmarked (the
/// first possibly empty). [`from_alternating`] turns them back.
///
/// ```
/// use folio::search::matcher::{from_alternating, to_alternating};
/// let runs = vec![("中俄".to_owned(), true), ("关系".to_owned(), false)];
/// assert_eq!(to_alternating(runs.clone()), ["", "中俄", "关系"]);
/// assert_eq!(from_alternating(to_alternating(runs.clone())), runs);
/// ```
pub fn to_alternating(runs: Vec<(String, bool)>) -> Vec<String> {
    let mut alternating: Vec<String> = Vec::with_capacity(runs.len() + 1);
    for (run, marked) in runs {
        let next_is_marked = alternating.len() % 2 == 1;
        if next_is_marked == marked {
            alternating.push(run);
        } else if let Some(last) = alternating.last_mut() {
            last.push_str(&run);
        } else {
            alternating.push(String::new());
            alternating.push(run);
        }
    }
    alternating
}

/// The runs [`to_alternating`] was given (empty runs left out).
pub fn from_alternating(alternating: Vec<String>) -> Vec<(String, bool)> {
    alternating
        .into_iter()
        .enumerate()
        .filter(|(_, run)| !run.is_empty())
        .map(|(at, run)| (run, at % 2 == 1))
        .collect()
}

/// About `radius` characters either side of the first match in `text`, with
/// `…` where cut, highlighted; `None` when no required term is in `text`.
pub fn snippet(text: &str, query: &Query, radius: usize) -> Option<Vec<(String, bool)>> {
    let (normalized, offsets) = normalize_with_offsets(text);
    let first = query
        .required()
        .filter_map(|term| first_occurrence(&normalized, &term.text))
        .min()?;
    let hit = offsets[first];
    let start = text[..hit]
        .char_indices()
        .rev()
        .nth(radius.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    let end = text[hit..]
        .char_indices()
        .nth(radius * 2)
        .map_or(text.len(), |(at, _)| hit + at);
    let mut runs = highlight(&text[start..end], query);
    if start > 0 {
        runs.insert(0, ("…".to_owned(), false));
    }
    if end < text.len() {
        runs.push(("…".to_owned(), false));
    }
    Some(runs)
}

#[cfg(test)]
mod tests;
