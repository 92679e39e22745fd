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
use super::index::Plan;
use super::matcher::{category_names, ranked, SearchableArticle};
use super::normalize::normalize;
use super::query::Term;
use super::text::body_text;
use super::{Hit, Query, SearchIndex};
use crate::article::Article;
use crate::bundle::BundleError;
use crate::script::is_cjk;
use rustc_hash::FxHashMap;
use std::collections::VecDeque;

pub mod schedule;

/// What a search needs before it can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchStep {
    /// The hits, as [`super::search`] ranks them (`index` is the article's
    /// number): all of them, or, when the search was limited, at least the
    /// first `limit` of them.
    Found(Found),
    /// These index shards (positions in the manifest's `index_shards`).
    IndexShards(Vec<usize>),
    /// The bodies of these articles (numbers, in the order of the
    /// ranking), and what is certain before them.
    Bodies {
        /// The hits up to the first article whose body is needed.
        so_far: Found,
        /// The articles whose bodies are needed.
        needed: Vec<u32>,
    },
}

/// What a searcher reports as its count of unchecked articles when a file
/// it needed could not be fetched: the search stopped, its results are
/// incomplete (the viewer's search module and its status line share this).
pub const STOPPED: u32 = u32::MAX;

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    /// Their index (of the first `index.len()` numbers until
    /// [`index_titles`](Self::index_titles) is complete).
    index: SearchIndex,
    /// The absorbed index shards' postings: which bodies may hold a term.
    /// A search plans over both indexes as one.
    bodies: SearchIndex,
    table: ShardTable,
    absorbed: Vec<bool>,
    /// The last query searched for.
    query: Query,
    /// Of articles whose bodies were handed in since that query came:
    /// whether their whole text contains each of its terms. This outlives
    /// `full`'s limit, so a query that must read more bodies than `full`
    /// keeps still finishes.
    contains: FxHashMap<u32, Box<[bool]>>,
    /// The plain text of the last bodies handed in (for snippets), most
    /// recent last.
    texts: VecDeque<(u32, String)>,
    /// The whole searchable text of bodies handed in, so that later queries
    /// need not fetch them again, up to [`FULL_TEXT_BYTES`]: oldest first.
    full: FxHashMap<u32, SearchableArticle>,
    full_order: VecDeque<u32>,
    full_bytes: usize,
    /// [`FULL_TEXT_BYTES`] (smaller in tests).
    full_limit: usize,
    /// Counts changes to `index` and `bodies`: a [`Planned`] made before
    /// the last change is stale.
    generation: u64,
    /// The last search's plan, kept for the next round of the same query.
    planned: Option<Planned>,
}

/// What the index says of one query over one list of candidates, and what
/// the bodies handed in since have decided: bodies change neither the plan
/// nor the ranking, so each round of fetched bodies decides only the
/// articles left undecided instead of planning, ranking and confirming all
/// over again (at 100,000 articles, tens of milliseconds per round).
#[derive(Debug)]
struct Planned {
    query: Query,
    candidates: Vec<u32>,
    generation: u64,
    plan: Plan,
    /// The candidates that may match, ranked as if all of them did.
    possible: Vec<Hit>,
    /// Whether each of `possible` matches, once known.
    decided: Vec<Option<bool>>,
    /// Per unsure term: which bodies may hold it (ascending numbers).
    in_bodies: FxHashMap<String, Vec<u32>>,
}

/// Bodies' plain texts kept for snippets: 20 body shards' worth, about
/// 5 MB of feed posts.
const TEXTS_KEPT: usize = 1_000;

/// Searchable text kept across queries: about 10,000 feed posts' worth, so
/// a bundle of that size is fetched once; a larger one keeps the texts of
/// the articles fetched last.
const FULL_TEXT_BYTES: usize = 64 << 20;

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
            index: SearchIndex::new(),
            bodies,
            searchable,
            known,
            absorbed: vec![false; first_keys.len()],
            table: ShardTable::new(first_keys),
            query: Query::default(),
            contains: FxHashMap::default(),
            texts: VecDeque::new(),
            full: FxHashMap::default(),
            full_order: VecDeque::new(),
            full_bytes: 0,
            full_limit: FULL_TEXT_BYTES,
            generation: 0,
            planned: None,
        }
    }

    /// The articles among `candidates` (numbers, newest first) that
    /// `query` finds, or what is needed first. Bodies are asked for only as
    /// far as the first `limit` hits need them (a page of results costs a
    /// few body shards, not all of them), and hits after the first
    /// unchecked article are left out (`usize::MAX`: all hits).
    pub fn search(&mut self, candidates: &[u32], query: &Query, limit: usize) -> SearchStep {
        self.index_titles(usize::MAX);
        if &self.query != query {
            self.query = query.clone();
            self.contains.clear();
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
        let mut planned = match self.planned.take() {
            Some(planned)
                if planned.generation == self.generation
                    && &planned.query == query
                    && planned.candidates == candidates =>
            {
                planned
            }
            _ => self.plan(candidates, query),
        };
        let found = self.decide(&mut planned, limit);
        self.planned = Some(planned);
        found
    }

    /// The plan of `query` over `candidates`, nothing decided yet.
    fn plan(&self, candidates: &[u32], query: &Query) -> Planned {
        let by_number: Vec<usize> = candidates.iter().map(|&number| number as usize).collect();
        let plan = self
            .index
            .plan_with(&self.bodies, query, self.searchable.len());
        let mut is_possible = vec![false; self.searchable.len()];
        for &number in &plan.possible {
            is_possible[number as usize] = true;
        }
        // A title can hold a term only where the index of titles, authors
        // and categories has the term's keys: no other title need be read.
        // (A one-character term's hits are mostly in bodies: reading all
        // their titles was a third of a cold query at 100,000 articles.)
        let mut title_may_hold = vec![false; self.searchable.len()];
        for term in query.required() {
            for number in self.index.may_contain(&term.text) {
                if let Some(may) = title_may_hold.get_mut(number as usize) {
                    *may = true;
                }
            }
        }
        // The ranking if every possible article matched: the hits are
        // these, in this order, less those that do not.
        let possible = ranked(
            &self.searchable,
            &by_number,
            query,
            |number, _| is_possible[number],
            |number| title_may_hold[number],
        );
        Planned {
            query: query.clone(),
            candidates: candidates.to_vec(),
            generation: self.generation,
            plan,
            decided: vec![None; possible.len()],
            possible,
            in_bodies: FxHashMap::default(),
        }
    }

    /// Decides `planned`'s articles in rank order, as far as `limit` hits
    /// need: the hits, or the bodies that would decide more.
    fn decide(&self, planned: &mut Planned, limit: usize) -> SearchStep {
        let Planned {
            plan,
            possible,
            decided,
            in_bodies,
            ..
        } = planned;
        let mut confirm = self.confirmer(in_bodies);
        let mut hits = Vec::with_capacity(possible.len());
        let mut missing = Vec::new();
        // Where the first article whose body is needed was, and how many
        // hits come before it: those are certain.
        let mut first_unknown: Option<(usize, usize)> = None;
        let mut unchecked = 0;
        for (at, hit) in possible.iter().enumerate() {
            let decision = match decided[at] {
                Some(known) => Some(known),
                None => {
                    decided[at] = plan.decide(hit.index as u32, &mut confirm);
                    decided[at]
                }
            };
            match decision {
                Some(true) => hits.push(*hit),
                Some(false) => {}
                None if hits.len() + missing.len() < limit => {
                    first_unknown.get_or_insert((at, hits.len()));
                    missing.push(hit.index as u32);
                }
                None => {
                    unchecked = possible.len() - at;
                    break;
                }
            }
        }
        if let Some((at, certain)) = first_unknown {
            hits.truncate(certain);
            let so_far = Found {
                hits,
                unchecked: possible.len() - at,
            };
            return SearchStep::Bodies {
                so_far,
                needed: missing,
            };
        }
        SearchStep::Found(Found { hits, unchecked })
    }

    /// Whether an article contains a term the index cannot decide: `None`
    /// when that needs its body and the body is not here. `in_bodies`
    /// keeps which bodies may hold each term.
    fn confirmer<'a>(
        &'a self,
        in_bodies: &'a mut FxHashMap<String, Vec<u32>>,
    ) -> impl FnMut(u32, &Term) -> Option<bool> + 'a {
        // A term in the title, author or categories needs no body: they
        // begin the whole text, so it occurs there too. Nor does a term
        // whose keys the body lacks, unless it has a space (a phrase may
        // run from the categories into the body).
        move |number: u32, term: &Term| {
            if !self.known.get(number as usize).copied().unwrap_or(false) {
                return Some(false);
            }
            if self.searchable[number as usize].contains(&term.text) {
                return Some(true);
            }
            if !term.text.contains(' ') {
                // Looked up before inserting: `entry` would copy the term
                // for every article checked.
                if !in_bodies.contains_key(&term.text) {
                    let may = self.bodies.may_contain(&term.text);
                    in_bodies.insert(term.text.clone(), may);
                }
                let may = in_bodies.get(&term.text).map_or(&[][..], Vec::as_slice);
                if may.binary_search(&number).is_err() {
                    return Some(false);
                }
            }
            if let Some(full) = self.full.get(&number) {
                return Some(full.contains(&term.text));
            }
            let at = self.query.terms.iter().position(|t| t == term)?;
            self.contains.get(&number)?.get(at).copied()
        }
    }

    /// How many article numbers the bundle has.
    pub fn articles(&self) -> usize {
        self.searchable.len()
    }

    /// Does the work of searching `query` among `candidates` with what is
    /// here (planning, ranking, deciding) and forgets the answer, leaving
    /// the state as it was; the number of hits it found without bodies.
    ///
    /// Why: a browser runs wasm first in a baseline compiler and optimizes
    /// a function only once it has run for a while. At 100,000 articles
    /// the first query's search took one task of 35 to 50 ms in Chromium,
    /// whatever the query, and later ones 17 to 25 ms. Rehearsing a slice
    /// of the candidates at a time while the page is idle moves that first
    /// run out of a keystroke. Call it once the titles are indexed
    /// ([`index_titles`](Self::index_titles)): it reads only what is here.
    pub fn rehearse(&self, candidates: &[u32], query: &Query) -> usize {
        let mut planned = self.plan(candidates, query);
        match self.decide(&mut planned, usize::MAX) {
            SearchStep::Found(found) => found.hits.len(),
            SearchStep::Bodies { so_far, .. } => so_far.hits.len(),
            SearchStep::IndexShards(_) => 0,
        }
    }

    /// A query for [`rehearse`](Self::rehearse) from the first title that
    /// has a CJK character: that character and, when one follows, the
    /// pair they make (both kinds of exact lookup); else the first word
    /// of the first title that has one; else no term.
    pub fn rehearsal_query(&self) -> Query {
        let titles = || self.searchable.iter().map(|article| article.fields()[0]);
        let cjk = titles().find_map(|title| {
            let chars: Vec<char> = title.chars().collect();
            let at = chars.iter().position(|&c| is_cjk(c))?;
            Some(match chars.get(at + 1).filter(|&&c| is_cjk(c)) {
                Some(&next) => format!("{} {}{next}", chars[at], chars[at]),
                None => chars[at].to_string(),
            })
        });
        let word = || {
            titles().find_map(|title| {
                title
                    .split(|c: char| !c.is_alphanumeric())
                    .find(|word| !word.is_empty())
                    .map(str::to_owned)
            })
        };
        Query::parse(&cjk.or_else(word).unwrap_or_default())
    }

    /// Indexes the titles, authors and categories of up to `count` more
    /// articles; whether all are. A search indexes whatever is left first,
    /// so calling this beforehand, a slice at a time, only keeps that work
    /// (about 380 ms at 100,000 articles in the browser) out of a keystroke.
    pub fn index_titles(&mut self, count: usize) -> bool {
        let from = self.index.len();
        let to = from.saturating_add(count).min(self.searchable.len());
        for article in &self.searchable[from..to] {
            self.index.add(article);
        }
        if to > from {
            self.generation += 1;
        }
        to == self.searchable.len()
    }

    /// Takes in index shard `shard` (a position in the manifest's list).
    ///
    /// # Errors
    /// When it is not a valid index shard for this bundle; nothing of it
    /// is kept then.
    pub fn absorb_index_shard(&mut self, shard: usize, json: &str) -> Result<(), BundleError> {
        self.bodies.absorb_shard(json)?;
        self.generation += 1;
        if let Some(done) = self.absorbed.get_mut(shard) {
            *done = true;
        }
        Ok(())
    }

    /// Takes in the body of article `number`, for the last query searched
    /// for and later ones.
    pub fn add_body(&mut self, number: u32, body_html: &str) {
        self.add_text(number, body_text(body_html));
    }

    /// [`add_body`](Self::add_body), keeping the body's plain text for
    /// [`body_text`](Self::body_text) too (the last [`TEXTS_KEPT`]).
    pub fn add_body_for_snippet(&mut self, number: u32, body_html: &str) {
        let text = body_text(body_html);
        self.add_text(number, text.clone());
        self.texts.retain(|(kept, _)| *kept != number);
        if self.texts.len() == TEXTS_KEPT {
            self.texts.pop_front();
        }
        self.texts.push_back((number, text));
    }

    fn add_text(&mut self, number: u32, text: String) {
        let Some(meta) = self.searchable.get(number as usize) else {
            return;
        };
        let full = meta.with_body(&text);
        let contains = self.query.terms.iter();
        let contains = contains.map(|term| full.contains(&term.text)).collect();
        self.contains.insert(number, contains);
        self.keep_full(number, full);
    }

    /// Keeps `full` for later queries, letting the oldest go beyond
    /// [`FULL_TEXT_BYTES`].
    fn keep_full(&mut self, number: u32, full: SearchableArticle) {
        let bytes = full.text_len();
        if let Some(old) = self.full.insert(number, full) {
            self.full_bytes -= old.text_len();
        } else {
            self.full_order.push_back(number);
        }
        self.full_bytes += bytes;
        while self.full_bytes > self.full_limit {
            let Some(oldest) = self.full_order.pop_front() else {
                break;
            };
            if let Some(gone) = self.full.remove(&oldest) {
                self.full_bytes -= gone.text_len();
            }
        }
    }

    /// The plain text of article `number`'s body, if it was handed in
    /// lately for a snippet.
    pub fn body_text(&self, number: u32) -> Option<&str> {
        self.texts
            .iter()
            .find(|(kept, _)| *kept == number)
            .map(|(_, text)| text.as_str())
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
