//! The viewer's side of search: the bundle's searchable text and its
//! [`SearchIndex`], built in short slices once the first list is up (so that
//! neither start-up nor the first keystroke waits for it), and the hits of
//! the last query, which the list and the navigation's counts share.

use crate::app::SharedBundle;
use crate::listing::{newest_first, Filter};
use crate::search::{Hit, Query, SearchIndex, SearchableArticle};
use leptos::prelude::*;
use std::sync::Arc;

/// How long one slice of index building may run before it yields to the
/// page: well under a frame, so typing and scrolling stay smooth.
const SLICE_MS: f64 = 8.0;

/// Shared through context; cheap to copy.
#[derive(Clone, Copy)]
pub struct SearchCache {
    prepared: StoredValue<Option<Prepared>>,
    last: StoredValue<Option<LastSearch>>,
}

/// A search over all articles of a bundle and what it found.
type LastSearch = (SharedBundle, String, Arc<Vec<Hit>>);

/// The searchable text and index of the first `searchable.len()` articles of
/// `bundle`, newest-first order included.
struct Prepared {
    bundle: SharedBundle,
    searchable: Vec<SearchableArticle>,
    index: SearchIndex,
    newest_first: Vec<usize>,
}

impl Prepared {
    fn new(bundle: &SharedBundle) -> Prepared {
        Prepared {
            bundle: bundle.clone(),
            searchable: Vec::with_capacity(bundle.bundle.articles.len()),
            index: SearchIndex::new(),
            newest_first: newest_first(&bundle.bundle.articles, &Filter::All),
        }
    }

    fn is_complete(&self) -> bool {
        self.searchable.len() == self.bundle.bundle.articles.len()
    }

    /// Indexes articles until all are done or `keep_going` says stop; returns
    /// whether all are done.
    fn advance(&mut self, keep_going: impl Fn() -> bool) -> bool {
        while let Some(article) = self.bundle.bundle.articles.get(self.searchable.len()) {
            let searchable = SearchableArticle::new(article);
            self.index.add(&searchable);
            self.searchable.push(searchable);
            if !keep_going() {
                break;
            }
        }
        self.is_complete()
    }
}

impl SearchCache {
    /// An empty cache; nothing is built until a bundle is prepared or searched.
    pub(super) fn new() -> SearchCache {
        SearchCache {
            prepared: StoredValue::new(None),
            last: StoredValue::new(None),
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

    /// Builds the index of `bundle` in slices of [`SLICE_MS`], yielding to
    /// the page between them. A search that comes first finishes the work
    /// itself.
    pub fn prepare_in_background(self, bundle: SharedBundle) {
        leptos::task::spawn_local(async move {
            loop {
                let started = js_sys::Date::now();
                let done = self.with_prepared(&bundle, |prepared| {
                    prepared.advance(|| js_sys::Date::now() - started < SLICE_MS)
                });
                if done != Some(false) {
                    break;
                }
                next_task().await;
            }
        });
    }

    /// Every article of `bundle` that `query` finds, best first.
    pub fn hits(self, bundle: &SharedBundle, query: &str) -> Arc<Vec<Hit>> {
        let cached = self.last.with_value(|last| {
            last.as_ref()
                .filter(|(b, q, _)| Arc::ptr_eq(b, bundle) && q == query)
                .map(|(_, _, hits)| hits.clone())
        });
        if let Some(cached) = cached {
            return cached;
        }
        let parsed = Query::parse(query);
        let hits = self
            .with_prepared(bundle, |prepared| {
                prepared.advance(|| true);
                prepared
                    .index
                    .search(&prepared.searchable, &prepared.newest_first, &parsed)
            })
            .unwrap_or_default();
        let hits = Arc::new(hits);
        self.last
            .set_value(Some((bundle.clone(), query.to_owned(), hits.clone())));
        hits
    }
}

/// Resolves in a later task (a zero-delay timer), letting the page handle
/// input and paint in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            // A timer that cannot be set leaves the promise pending: the
            // build stops, and the first search finishes it instead.
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
