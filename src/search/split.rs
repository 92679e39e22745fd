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
use crate::bundle::split::IndexShardFile;
use crate::bundle::BundleError;
use rustc_hash::FxHashMap;

/// What a search needs before it can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchStep {
    /// The hits, as [`super::search`] ranks them (`index` is the article's
    /// position in the reader's articles): all of them, or, when the search
    /// was limited, at least the first `limit` of them.
    Found(Found),
    /// These index shards (positions in the manifest's `index_shards`).
    IndexShards(Vec<usize>),
    /// The bodies of these articles (positions in the reader's articles).
    Bodies(Vec<usize>),
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

/// A split bundle's search state: see the module documentation.
#[derive(Debug)]
pub struct SplitSearch {
    /// Titles, authors and categories by article number (empty for a
    /// number whose article was not read).
    searchable: Vec<SearchableArticle>,
    /// Their index, with the absorbed shards' postings.
    index: SearchIndex,
    /// The absorbed shards' postings alone: which bodies may hold a term.
    bodies: SearchIndex,
    table: ShardTable,
    absorbed: Vec<bool>,
    /// The whole searchable text of articles whose bodies were handed in,
    /// by number.
    full: FxHashMap<u32, SearchableArticle>,
    /// The query the texts in `full` were handed in for.
    full_for: Option<Query>,
    /// Each article's number (by position in the reader's articles).
    numbers: Vec<u32>,
    /// Each number's article position, when it was read.
    positions: Vec<Option<usize>>,
}

/// Full texts kept for confirming: beyond this many, they are let go when
/// another query comes (never during one, which could then not finish).
const FULL_TEXTS_KEPT: usize = 2_000;

impl SplitSearch {
    /// The search state for `articles` (as read from the manifest and its
    /// article shards, in any order) of a bundle that numbers `total`
    /// articles (read or skipped), whose index shards are `index_shards`.
    pub fn new(articles: &[Article], total: usize, index_shards: &[IndexShardFile]) -> SplitSearch {
        let numbers: Vec<u32> = articles
            .iter()
            .enumerate()
            .map(|(position, article)| article.number.unwrap_or(position as u32))
            .collect();
        let len = numbers
            .iter()
            .map(|&number| number as usize + 1)
            .max()
            .unwrap_or(0)
            .max(total);
        let mut positions = vec![None; len];
        for (position, &number) in numbers.iter().enumerate() {
            positions[number as usize] = Some(position);
        }
        let searchable: Vec<SearchableArticle> = positions
            .iter()
            .map(|position| match position {
                Some(at) => without_body(&articles[*at]),
                None => SearchableArticle::from_text("", "", "", ""),
            })
            .collect();
        let mut bodies = SearchIndex::new();
        for _ in 0..len {
            bodies.add_fields(&[]);
        }
        SplitSearch {
            index: SearchIndex::build(&searchable),
            bodies,
            searchable,
            table: ShardTable::new(index_shards.iter().map(|s| s.first_key.clone()).collect()),
            absorbed: vec![false; index_shards.len()],
            full: FxHashMap::default(),
            full_for: None,
            numbers,
            positions,
        }
    }

    /// The articles among `candidates` (positions in the reader's articles,
    /// newest first) that `query` finds, or what is needed first. With a
    /// `limit`, bodies are asked for only as far as the first `limit` hits
    /// need them (a page of results costs a few body shards, not all of
    /// them), and the hits after the first unchecked article are left out.
    pub fn search(&mut self, candidates: &[usize], query: &Query, limit: usize) -> SearchStep {
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
        let by_number: Vec<usize> = candidates
            .iter()
            .filter_map(|&position| self.numbers.get(position))
            .map(|&number| number as usize)
            .collect();
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
        let position = |number: usize| self.positions.get(number).copied().flatten();
        if !missing.is_empty() {
            return SearchStep::Bodies(missing.into_iter().filter_map(position).collect());
        }
        SearchStep::Found(Found {
            hits: hits
                .into_iter()
                .filter_map(|hit| {
                    Some(Hit {
                        index: position(hit.index)?,
                        ..hit
                    })
                })
                .collect(),
            unchecked,
        })
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
            let known = self.positions.get(number as usize).copied().flatten();
            if known.is_none() {
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
            self.full.get(&number).map(|full| full.contains(&term.text))
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

    /// Takes in the body of the article at `position` of `articles` (the
    /// reader's, as given to [`new`](Self::new)).
    pub fn add_body(&mut self, articles: &[Article], position: usize, body_html: &str) {
        let (Some(article), Some(&number)) = (articles.get(position), self.numbers.get(position))
        else {
            return;
        };
        let full = SearchableArticle::from_text(
            &article.title,
            article.author.as_deref().unwrap_or(""),
            &category_names(article),
            &body_text(body_html),
        );
        self.full.insert(number, full);
    }
}

/// The text of a body as a split bundle's index holds it: what
/// [`SearchableArticle`] reads of the body, normalized, as one field.
pub fn indexed_body(body_html: &str) -> String {
    normalize(&body_text(body_html))
}

/// What every reader of a split bundle can search before any body.
fn without_body(article: &Article) -> SearchableArticle {
    SearchableArticle::from_text(
        &article.title,
        article.author.as_deref().unwrap_or(""),
        &category_names(article),
        "",
    )
}

#[cfg(test)]
mod tests;
