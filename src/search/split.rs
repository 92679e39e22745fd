//! Search over a split bundle without its bodies: the index of what every
//! reader has (titles, authors, categories), the bundle's index shards a
//! query needs, and the bodies of only those articles whose match the
//! index cannot decide alone. The results are those of
//! [`super::matcher::search`] over the whole bundle.
//!
//! The reader drives it: [`SplitSearch::search`] answers, or says which
//! index shards or bodies it needs; the reader fetches them (files for
//! `folio search`, requests for the viewer), hands them in, and asks again.

use super::index::shards::ShardTable;
use super::matcher::{category_names, ranked, SearchableArticle};
use super::normalize::normalize;
use super::query::Term;
use super::text::body_text;
use super::{Hit, Query, SearchIndex};
use crate::article::Article;
use crate::bundle::BundleError;
use rustc_hash::FxHashMap;

/// What a search needs before it can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchStep {
    /// The hits, as [`super::search`] ranks them (`index` is the article's
    /// number): all of them, or, when the search
    /// was limited, at least the first `limit` of them.
    Found(Found),
    /// These index shards (positions in the manifest's `index_shards`).
    IndexShards(Vec<usize>),
    /// The bodies of these articles (numbers).
    Bodies(Vec<u32>),
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The first hits, exactly as a search over the whole bundle would
    /// rank them.
    pub hits: Vec<Hit>,
    /// How many more articles may match after them (their bodies were not
    /// checked); 0 when `hits` are all of them.
    pub unchecked: usize,
}

/// A split bundle's search state: see the module documentation. Articles
/// are named by their `number` (their position in the bundle).
#[derive(Debug)]
pub struct SplitSearch {
    /// Titles, authors and categories by article number (empty for a
    /// number whose article was not read).
    searchable: Vec<SearchableArticle>,
    /// Which numbers have an article.
    known: Vec<bool>,
    /// Their index, with the absorbed shards' postings.
    index: SearchIndex,
    /// The absorbed shards' postings alone: which bodies may hold a term.
    bodies: SearchIndex,
    table: ShardTable,
    absorbed: Vec<bool>,
    /// The whole searchable text of articles whose bodies were handed in,
    /// and their bodies' plain text (for snippets), by number.
    full: FxHashMap<u32, (SearchableArticle, String)>,
    /// The query the texts in `full` were handed in for.
    full_for: Option<Query>,
}

/// Full texts kept for confirming: beyond this many, they are let go when
/// another query comes (never during one, which could then not finish).
const FULL_TEXTS_KEPT: usize = 2_000;

impl SplitSearch {
    /// The search state for a bundle whose articles, by number, have the
    /// titles, authors and categories `meta` ([`meta_of`]; `None` for an
    /// article that was not read), and whose index shards begin with
    /// `first_keys`.
    pub fn new(meta: Vec<Option<SearchableArticle>>, first_keys: Vec<String>) -> SplitSearch {
        let known: Vec<bool> = meta.iter().map(Option::is_some).collect();
        let searchable: Vec<SearchableArticle> = meta
            .into_iter()
            .map(|article| article.unwrap_or_else(|| SearchableArticle::from_text("", "", "", "")))
            .collect();
        let mut bodies = SearchIndex::new();
        for _ in 0..searchable.len() {
            bodies.add_fields(&[]);
        }
        SplitSearch {
            index: SearchIndex::build(&searchable),
            bodies,
            searchable,
            known,
            absorbed: vec![false; first_keys.len()],
            table: ShardTable::new(first_keys),
            full: FxHashMap::default(),
            full_for: None,
        }
    }

    /// The articles among `candidates` (numbers, newest first) that
    /// `query` finds, or what is needed first. With a
    /// `limit`, bodies are asked for only as far as the first `limit` hits
    /// need them (a page of results costs a few body shards, not all of
    /// them), and the hits after the first unchecked article are left out.
    pub fn search(&mut self, candidates: &[u32], query: &Query, limit: usize) -> SearchStep {
        if self.full_for.as_ref() != Some(query) {
            if self.full.len() > FULL_TEXTS_KEPT {
                self.full.clear();
            }
            self.full_for = Some(query.clone());
        }
        let missing: Vec<usize> = self
            .table
            .needed(query)
            .into_iter()
            .filter(|&shard| !self.absorbed[shard])
            .collect();
        if !missing.is_empty() {
            return SearchStep::IndexShards(missing);
        }
        let by_number: Vec<usize> = candidates.iter().map(|&number| number as usize).collect();
        let plan = self.index.plan(query, self.searchable.len());
        let mut is_possible = vec![false; self.searchable.len()];
        for &number in &plan.possible {
            is_possible[number as usize] = true;
        }
        // The ranking if every possible article matched: the hits are
        // these, in this order, less those that do not.
        let possible = ranked(&self.searchable, &by_number, query, |number, _| {
            is_possible[number]
        });
        let mut confirm = self.confirmer();
        let (mut hits, mut missing) = (Vec::new(), Vec::new());
        let mut unchecked = 0;
        for (at, hit) in possible.iter().enumerate() {
            match plan.decide(hit.index as u32, &mut confirm) {
                Some(true) => hits.push(*hit),
                Some(false) => {}
                None if hits.len() + missing.len() < limit => missing.push(hit.index),
                None => {
                    unchecked = possible.len() - at;
                    break;
                }
            }
        }
        if !missing.is_empty() {
            return SearchStep::Bodies(missing.into_iter().map(|n| n as u32).collect());
        }
        SearchStep::Found(Found { hits, unchecked })
    }

    /// Whether an article contains a term the index cannot decide: `None`
    /// when that needs its body and the body is not here.
    fn confirmer(&self) -> impl FnMut(u32, &Term) -> Option<bool> + '_ {
        // A term in the title, author or categories needs no body: they
        // begin the whole text, so it occurs there too. Nor does a term
        // whose keys the body lacks, unless it has a space (a phrase may
        // run from the categories into the body).
        let mut in_bodies: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        move |number: u32, term: &Term| {
            if !self.known.get(number as usize).copied().unwrap_or(false) {
                return Some(false);
            }
            if self.searchable[number as usize].contains(&term.text) {
                return Some(true);
            }
            if !term.text.contains(' ') {
                let may = in_bodies
                    .entry(term.text.clone())
                    .or_insert_with(|| self.bodies.may_contain(&term.text));
                if may.binary_search(&number).is_err() {
                    return Some(false);
                }
            }
            self.full
                .get(&number)
                .map(|(full, _)| full.contains(&term.text))
        }
    }

    /// Takes in index shard `shard` (a position in the manifest's list).
    ///
    /// # Errors
    /// When it is not a valid index shard for this bundle; nothing of it
    /// is kept then.
    pub fn absorb_index_shard(&mut self, shard: usize, json: &str) -> Result<(), BundleError> {
        self.bodies.absorb_shard(json)?;
        // Cannot fail: the same numbers were just accepted.
        self.index.absorb_shard(json)?;
        if let Some(done) = self.absorbed.get_mut(shard) {
            *done = true;
        }
        Ok(())
    }

    /// Takes in the body of article `number`.
    pub fn add_body(&mut self, number: u32, body_html: &str) {
        let Some(meta) = self.searchable.get(number as usize) else {
            return;
        };
        let text = body_text(body_html);
        let full = meta.with_body(&text);
        self.full.insert(number, (full, text));
    }

    /// The plain text of article `number`'s body, if it was handed in.
    pub fn body_text(&self, number: u32) -> Option<&str> {
        self.full.get(&number).map(|(_, text)| text.as_str())
    }
}

/// The text of a body as a split bundle's index holds it: what
/// [`SearchableArticle`] reads of the body, normalized, as one field.
pub fn indexed_body(body_html: &str) -> String {
    normalize(&body_text(body_html))
}

/// What every reader of a split bundle can search before any body: its
/// title, author and categories.
pub fn meta_of(article: &Article) -> SearchableArticle {
    SearchableArticle::from_text(
        &article.title,
        article.author.as_deref().unwrap_or(""),
        &category_names(article),
        "",
    )
}

#[cfg(test)]
mod tests;
