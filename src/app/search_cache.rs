//! The viewer's side of search. The searchable text and index live in the
//! `folio-search` wasm module (`src/bin/folio-search.rs`), imported once the
//! first list is up (it is not part of the first list's budget) and fed the
//! bundle's articles, newest first, in slices of a few milliseconds, so
//! neither start-up nor typing waits for it; a split bundle's bodies are
//! fetched for it one body shard at a time. A search before it is complete
//! covers the articles indexed so far and says so; the lists search again
//! when it completes. The hits of the last query are kept: the list and the
//! navigation's counts share them.

use crate::app::bodies::use_bodies;
use crate::app::lazy::{self, Lazy};
use crate::app::SharedBundle;
use crate::bundle::split::article_numbers;
use crate::event_loop::next_task;
use crate::listing::{newest_first, Filter};
use crate::search::matcher::{category_names, from_alternating};
use crate::search::{Hit, Query};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long one slice of indexing may run before it yields to the page:
/// well under a frame, so typing and scrolling stay smooth.
const SLICE_MS: f64 = 8.0;

#[wasm_bindgen]
extern "C" {
    /// The loaded `folio-search` module.
    type SearchModule;

    #[wasm_bindgen(method, getter = Searcher)]
    fn searcher_class(this: &SearchModule) -> js_sys::Function;

    /// One bundle's searchable text and index, in the search module.
    type Searcher;

    #[wasm_bindgen(method)]
    fn add(this: &Searcher, title: &str, author: &str, categories: &str, body_html: &str);

    #[wasm_bindgen(method)]
    fn split(
        this: &Searcher,
        bundle: &str,
        total: u32,
        index_files: &str,
        first_keys: &str,
        body_files: &str,
        on_change: &js_sys::Function,
    );

    #[wasm_bindgen(method, js_name = addSplit)]
    fn add_split(
        this: &Searcher,
        number: u32,
        id: &str,
        body_shard: u32,
        title: &str,
        author: &str,
        categories: &str,
    );

    /// Indexes what was added for up to `budget_ms`; whether it is done.
    #[wasm_bindgen(method)]
    fn prepare(this: &Searcher, budget_ms: f64) -> bool;

    #[wasm_bindgen(method)]
    fn search(this: &Searcher, query: &str, candidates: &[u32]) -> Vec<u32>;

    /// How many articles the last search left unchecked (split mode).
    #[wasm_bindgen(method)]
    fn more(this: &Searcher) -> u32;

    #[wasm_bindgen(method, js_name = checkAll)]
    fn check_all(this: &Searcher);

    #[wasm_bindgen(method)]
    fn snippet(this: &Searcher, number: u32, query: &str) -> Vec<String>;

    /// Releases its memory in the module.
    #[wasm_bindgen(method)]
    fn free(this: &Searcher);
}

/// Where preparing search stands, for the list to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchStatus {
    /// `done` of `total` articles indexed (0 while the module loads).
    Indexing { done: usize, total: usize },
    /// Every article is indexed.
    Ready,
    /// The module could not be loaded or started: why.
    Failed(String),
}

impl SearchStatus {
    /// `indexing`, `ready` or `failed`: the viewer's `data-search`
    /// attribute, for hosts and tests that wait for search.
    pub fn as_str(&self) -> &'static str {
        match self {
            SearchStatus::Indexing { .. } => "indexing",
            SearchStatus::Ready => "ready",
            SearchStatus::Failed(_) => "failed",
        }
    }
}

/// Shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct SearchCache {
    prepared: StoredValue<Option<Prepared>, LocalStorage>,
    last: StoredValue<Option<LastSearch>>,
    status: RwSignal<SearchStatus>,
    /// Whether indexing is complete: the one change lists search again for.
    ready: RwSignal<bool>,
    /// Bumped when the search module fetched shards that can change a
    /// split bundle's results: lists search again.
    fetched: RwSignal<u32>,
}

/// A search over all articles of a bundle and what it found; with the
/// `fetched` count it was made at when its results were not final (they
/// stand until a fetch can change them: the list and the navigation then
/// share one search per round of fetched shards, not one each).
type LastSearch = (SharedBundle, String, Option<u32>, Arc<Vec<Hit>>);

/// The search module's state for `bundle`.
struct Prepared {
    bundle: SharedBundle,
    searcher: Option<Searcher>,
    /// Every article, newest first: the order articles are handed to the
    /// searcher (so a search while indexing covers the newest), which is
    /// also the order of the hits.
    newest: Vec<u32>,
    /// The searcher's number of each article (bundle order): its place in
    /// `newest`, or in a split bundle with an index, its `number` (which
    /// the index names it by).
    numbers: Vec<u32>,
    /// The article of each of the searcher's numbers: `numbers` inverted
    /// (`u32::MAX` for a number whose article was not read).
    articles: Vec<u32>,
    /// Whether the searcher fetches the index shards and bodies it needs
    /// (a split bundle with an index) instead of being handed bodies.
    split: bool,
    /// A split searcher's candidates for every search: the numbers of
    /// `newest`, in list order (made once, not per keystroke).
    split_candidates: Vec<u32>,
    /// How many articles of `order` the searcher has.
    added: usize,
}

/// Where handing articles to the searcher stopped.
enum Advanced {
    /// This many articles are in; more are waiting for the next slice.
    Paused(usize),
    /// Every article is in.
    Done,
    /// There is no searcher: the state was started afresh for another
    /// bundle, and this indexing run has nothing left to do.
    Superseded,
}

impl Prepared {
    fn new(bundle: &SharedBundle) -> Prepared {
        let articles = &bundle.bundle.articles;
        let newest: Vec<u32> = newest_first(articles, &Filter::All)
            .into_iter()
            .map(|index| index as u32)
            .collect();
        // Numbers run over every article of the bundle, read or skipped.
        let total = articles.len() + bundle.skipped.len();
        let split_numbers = (!bundle.shards.index_shards.is_empty())
            .then(|| article_numbers(articles, total))
            .flatten();
        let split = split_numbers.is_some();
        let numbers = split_numbers.unwrap_or_else(|| {
            let mut places = vec![0; newest.len()];
            for (place, &index) in newest.iter().enumerate() {
                places[index as usize] = place as u32;
            }
            places
        });
        let split_candidates = match split {
            true => newest.iter().map(|&i| numbers[i as usize]).collect(),
            false => Vec::new(),
        };
        let mut by_number = vec![u32::MAX; total];
        for (index, &number) in numbers.iter().enumerate() {
            by_number[number as usize] = index as u32;
        }
        Prepared {
            bundle: bundle.clone(),
            searcher: None,
            newest,
            numbers,
            articles: by_number,
            split,
            split_candidates,
            added: 0,
        }
    }

    /// Puts the searcher in split mode ([`Prepared::split`]), calling
    /// `on_change` when it fetched something.
    fn start_split(&self, bundle_url: &str, on_change: &js_sys::Function) {
        let (Some(searcher), true) = (&self.searcher, self.split) else {
            return;
        };
        let shards = &self.bundle.shards;
        let lines = |items: &mut dyn Iterator<Item = &str>| {
            let mut text = String::new();
            for item in items {
                text.push_str(item);
                text.push('\n');
            }
            text
        };
        searcher.split(
            bundle_url,
            self.articles.len() as u32,
            &lines(&mut shards.index_shards.iter().map(|s| s.file.as_str())),
            &lines(&mut shards.index_shards.iter().map(|s| s.first_key.as_str())),
            &lines(&mut shards.body_shards.iter().map(String::as_str)),
            on_change,
        );
    }

    /// Hands articles to the searcher until all are in and indexed, or
    /// `keep_going` says stop (`budget_ms` after `started`).
    fn advance(&mut self, started: f64, budget_ms: f64) -> Advanced {
        let keep_going = || js_sys::Date::now() - started < budget_ms;
        let Some(searcher) = &self.searcher else {
            return Advanced::Superseded;
        };
        while let Some(&index) = self.newest.get(self.added) {
            let article = &self.bundle.bundle.articles[index as usize];
            let (title, author) = (&article.title, article.author.as_deref().unwrap_or(""));
            if self.split {
                // Titles, authors and categories only: the module fetches
                // the index shards and bodies a query needs.
                let number = self.numbers[index as usize];
                let shard = article.body_shard.unwrap_or(u32::MAX);
                let categories = category_names(article);
                searcher.add_split(number, &article.id, shard, title, author, &categories);
                self.added += 1;
                if !keep_going() {
                    return Advanced::Paused(self.added);
                }
                continue;
            }
            // A split bundle without an index (written before folio had
            // one) has no bodies here: its titles, authors and categories
            // are searched.
            let body = &article.body;
            searcher.add(title, author, &category_names(article), body);
            self.added += 1;
            if !keep_going() {
                return Advanced::Paused(self.added);
            }
        }
        let left = budget_ms - (js_sys::Date::now() - started);
        match searcher.prepare(left.max(0.0)) {
            true => Advanced::Done,
            false => Advanced::Paused(self.added),
        }
    }
}

impl Drop for Prepared {
    fn drop(&mut self) {
        if let Some(searcher) = self.searcher.take() {
            searcher.free();
        }
    }
}

impl SearchCache {
    pub(super) fn new() -> SearchCache {
        SearchCache {
            prepared: StoredValue::new_local(None),
            last: StoredValue::new(None),
            status: RwSignal::new(SearchStatus::Indexing { done: 0, total: 0 }),
            ready: RwSignal::new(false),
            fetched: RwSignal::new(0),
        }
    }

    /// Runs `with` on the prepared state of `bundle`, starting it afresh if
    /// it belongs to another bundle; `None` once the viewer is gone.
    fn with_prepared<R>(
        self,
        bundle: &SharedBundle,
        with: impl FnOnce(&mut Prepared) -> R,
    ) -> Option<R> {
        self.prepared.try_update_value(|prepared| {
            let current = prepared
                .as_ref()
                .is_some_and(|p| Arc::ptr_eq(&p.bundle, bundle));
            if !current {
                *prepared = Some(Prepared::new(bundle));
            }
            prepared.as_mut().map(with)
        })?
    }

    /// Where preparing search stands (tracked).
    pub fn status(self) -> SearchStatus {
        self.status.get()
    }

    /// Imports the search module and indexes `bundle` in slices of
    /// [`SLICE_MS`], yielding to the page between them (and waiting for
    /// body shards of a split bundle). Call it where the viewer's context is.
    pub fn prepare_in_background(self, bundle: SharedBundle) {
        let total = bundle.bundle.articles.len();
        self.status.set(SearchStatus::Indexing { done: 0, total });
        let bundle_url = use_bodies().absolute_url();
        leptos::task::spawn_local(async move {
            let searcher = match start_searcher().await {
                Ok(searcher) => searcher,
                Err(reason) => {
                    leptos::logging::warn!("folio: {reason}");
                    let _ = self.status.try_set(SearchStatus::Failed(reason));
                    return;
                }
            };
            let fetched = self.fetched;
            let on_change = Closure::<dyn Fn()>::new(move || {
                let _ = fetched.try_update(|n| *n += 1);
            })
            .into_js_value()
            .unchecked_into::<js_sys::Function>();
            if self
                .with_prepared(&bundle, |prepared| {
                    prepared.searcher = Some(searcher);
                    prepared.start_split(&bundle_url, &on_change);
                })
                .is_none()
            {
                return;
            }
            loop {
                let started = js_sys::Date::now();
                let Some(advanced) =
                    self.with_prepared(&bundle, |prepared| prepared.advance(started, SLICE_MS))
                else {
                    return;
                };
                match advanced {
                    Advanced::Superseded => return,
                    Advanced::Done => {
                        let _ = self.status.try_set(SearchStatus::Ready);
                        let _ = self.ready.try_set(true);
                        return;
                    }
                    Advanced::Paused(done) => {
                        let _ = self.status.try_set(SearchStatus::Indexing { done, total });
                        next_task().await;
                    }
                }
            }
        });
    }

    /// The body of article `index` of `bundle` around the first match of
    /// `query`, marked; `None` when the body has no match or the article is
    /// not indexed yet (the list then shows the excerpt).
    pub fn snippet(
        self,
        bundle: &SharedBundle,
        index: usize,
        query: &str,
    ) -> Option<Vec<(String, bool)>> {
        let alternating = self
            .with_prepared(bundle, |prepared| {
                let number = *prepared.numbers.get(index)?;
                let searcher = prepared.searcher.as_ref()?;
                let indexed = prepared.split || (number as usize) < prepared.added;
                indexed.then(|| searcher.snippet(number, query))
            })
            .flatten()?;
        (!alternating.is_empty()).then(|| from_alternating(alternating))
    }

    /// Makes the calling view run again when indexing completes, if it
    /// shows the results of `query` (they are partial until then).
    pub fn track_completion(self, query: &str) {
        if !Query::parse(query).is_empty() {
            self.ready.track();
            self.fetched.track();
        }
    }

    /// Makes the last query check every candidate (a split bundle's
    /// search otherwise stops once its first results are certain).
    pub fn check_all(self) {
        self.prepared.with_value(|prepared| {
            if let Some(searcher) = prepared.as_ref().and_then(|p| p.searcher.as_ref()) {
                searcher.check_all();
            }
        });
        self.fetched.update(|n| *n += 1);
    }

    /// How many articles the last search left to check (a split bundle's
    /// bodies being fetched), [`STOPPED`](crate::search::split::STOPPED) when a file could not be fetched;
    /// tracked.
    pub fn unchecked(self) -> u32 {
        self.fetched.track();
        self.prepared
            .try_with_value(|prepared| {
                let prepared = prepared.as_ref()?;
                Some(prepared.searcher.as_ref()?.more())
            })
            .flatten()
            .unwrap_or(0)
    }

    /// Every article of `bundle` that `query` finds, best first: of those
    /// indexed so far until indexing completes ([`track_completion`](Self::track_completion)).
    pub fn hits(self, bundle: &SharedBundle, query: &str) -> Arc<Vec<Hit>> {
        let ready = self.ready.get_untracked();
        let fetched = self.fetched.get_untracked();
        let cached = self.last.with_value(|last| {
            last.as_ref()
                .filter(|(b, q, made_at, _)| {
                    Arc::ptr_eq(b, bundle) && q == query && made_at.is_none_or(|at| at == fetched)
                })
                .map(|(_, _, _, hits)| hits.clone())
        });
        if let Some(cached) = cached.filter(|_| ready) {
            return cached;
        }
        let (found, complete) = self
            .with_prepared(bundle, |prepared| {
                let searcher = prepared.searcher.as_ref()?;
                if prepared.split && !ready {
                    // The module builds its index of titles, authors and
                    // categories once it has them all.
                    return None;
                }
                // In list order: the searcher's own numbering is newest
                // first, so its first `added` articles (every article of
                // a split bundle, numbered by the bundle).
                let indexed: Vec<u32>;
                let candidates = match prepared.split {
                    true => &prepared.split_candidates,
                    false => {
                        indexed = (0..prepared.added as u32).collect();
                        &indexed
                    }
                };
                let hits = searcher.search(query, candidates).into_iter();
                let hits = hits.filter_map(|packed| {
                    let hit = Hit::unpacked(packed);
                    let index = *prepared.articles.get(hit.index)?;
                    (index != u32::MAX).then_some(Hit {
                        index: index as usize,
                        ..hit
                    })
                });
                Some((hits.collect::<Vec<_>>(), ready && searcher.more() == 0))
            })
            .flatten()
            .unwrap_or_default();
        let hits: Arc<Vec<Hit>> = Arc::new(found);
        if ready {
            let made_at = (!complete).then_some(fetched);
            self.last.set_value(Some((
                bundle.clone(),
                query.to_owned(),
                made_at,
                hits.clone(),
            )));
        }
        hits
    }
}

/// Imports the search module and makes a searcher.
async fn start_searcher() -> Result<Searcher, String> {
    let module: SearchModule = lazy::import(Lazy::Search).await?.unchecked_into();
    js_sys::Reflect::construct(&module.searcher_class(), &js_sys::Array::new())
        .map(JsCast::unchecked_into)
        .map_err(|_| "the search module (folio-search.js) did not start".to_owned())
}
