//! The viewer's search module: a third wasm, imported once the first list is
//! shown (`src/app/search_cache.rs`). Keeping search here keeps the first
//! list's download within its budget; the main wasm hands articles over as
//! strings and gets back the hits.
//!
//! Two modes:
//! - whole: the module holds every article's searchable text and its index
//!   (`folio::search::index`), fed article by article with their bodies;
//! - split: for a split bundle with an index, it holds titles, authors and
//!   categories only, and fetches itself the index shards and bodies a query
//!   needs (`folio::search::split`), telling the viewer when it has more.

#[cfg(target_arch = "wasm32")]
mod exports {
    use folio::bundle::split::read_body_shard;
    use folio::event_loop::next_task;
    use folio::search::matcher::{snippet, to_alternating};
    use folio::search::split::schedule::{BodyShards, Fetch, FetchPolicy, FetchSchedule};
    use folio::search::split::{SplitSearch, STOPPED};
    use folio::search::text::body_text;
    use folio::search::{Hit, Query, SearchIndex, SearchableArticle};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;

    /// The searchable text and index of one viewer's bundle.
    #[wasm_bindgen]
    #[derive(Default)]
    pub struct Searcher {
        whole: Whole,
        split: Option<Rc<RefCell<Split>>>,
    }

    /// Whole mode: every article's text, its index, and each article's
    /// plain body text for search snippets (a split bundle without an
    /// index gives the viewer no bodies of its own to cut them from).
    #[derive(Default)]
    struct Whole {
        searchable: Vec<SearchableArticle>,
        index: SearchIndex,
        texts: Vec<Box<str>>,
    }

    /// Split mode: see the module documentation.
    struct Split {
        /// The manifest's URL, which shard files are relative to.
        bundle: String,
        index_files: Vec<String>,
        first_keys: Vec<String>,
        body_files: Vec<String>,
        /// By article number, until the first search builds `search`.
        meta: Vec<Option<SearchableArticle>>,
        /// By article number: its id, which names its body in its shard.
        ids: Vec<Option<String>>,
        body_shards: BodyShards,
        search: Option<SplitSearch>,
        /// What the last query fetched, and what it fetches next.
        schedule: FetchSchedule,
        /// Called when a fetch brought something a search can use.
        on_change: js_sys::Function,
        fetching: bool,
        /// How many articles the last search left unchecked.
        unchecked: u32,
        /// The query for which a fetch failed, if one did: searches for it
        /// then answer with what is certain, and fetch nothing more.
        failed_for: Option<Query>,
        /// The candidates rehearsed so far ([`SplitSearch::rehearse`]),
        /// and the query rehearsed (chosen once: it reads the titles).
        rehearsed: usize,
        rehearsal: Option<Query>,
    }

    /// Candidates per rehearsal call. Each call still plans over the whole
    /// bundle; `prepare`'s budget is checked between calls (at 100,000
    /// articles its slices ran 12 ms in a loading profile, none over 50).
    const REHEARSAL_SLICE: usize = 10_000;

    /// Characters either side of the first match in a snippet.
    const SNIPPET_RADIUS: usize = 60;

    /// How long the module may read fetched bodies before it lets the page
    /// have a turn.
    const SLICE_MS: f64 = 8.0;

    #[wasm_bindgen]
    impl Searcher {
        /// An empty searcher, in whole mode.
        #[wasm_bindgen(constructor)]
        pub fn new() -> Searcher {
            Searcher::default()
        }

        /// Adds the next article (the searcher numbers them in the order
        /// they come), as `SearchableArticle::from_parts` takes it.
        pub fn add(&mut self, title: &str, author: &str, categories: &str, body_html: &str) {
            let whole = &mut self.whole;
            let text = body_text(body_html);
            let article = SearchableArticle::from_text(title, author, categories, &text);
            whole.index.add(&article);
            whole.searchable.push(article);
            whole.texts.push(text.into_boxed_str());
        }

        /// Switches to split mode for the split bundle at `bundle` (an
        /// absolute URL) with `total` article numbers, whose index shard
        /// files, their first keys and body shard files are given one per
        /// line. `on_change` is called whenever fetched shards can change
        /// a search's answer.
        pub fn split(
            &mut self,
            bundle: &str,
            total: u32,
            index_files: &str,
            first_keys: &str,
            body_files: &str,
            on_change: js_sys::Function,
        ) {
            let lines = |text: &str| -> Vec<String> {
                text.split('\n')
                    .filter(|line| !line.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            let body_files = lines(body_files);
            self.split = Some(Rc::new(RefCell::new(Split {
                bundle: bundle.to_owned(),
                index_files: lines(index_files),
                first_keys: lines(first_keys),
                body_shards: BodyShards::new(total as usize, body_files.len()),
                body_files,
                meta: vec![None; total as usize],
                ids: vec![None; total as usize],
                search: None,
                schedule: FetchSchedule::new(FetchPolicy::VIEWER),
                on_change,
                fetching: false,
                unchecked: 0,
                failed_for: None,
                rehearsed: 0,
                rehearsal: None,
            })));
        }

        /// Adds article `number` of a split bundle: its id, body shard,
        /// and what search reads before any body.
        #[wasm_bindgen(js_name = addSplit)]
        #[allow(clippy::too_many_arguments)]
        pub fn add_split(
            &mut self,
            number: u32,
            id: &str,
            body_shard: u32,
            title: &str,
            author: &str,
            categories: &str,
        ) {
            let Some(split) = &self.split else { return };
            let mut split = split.borrow_mut();
            let at = number as usize;
            if at < split.meta.len() {
                split.meta[at] = Some(SearchableArticle::from_text(title, author, categories, ""));
                split.ids[at] = Some(id.to_owned());
                split.body_shards.place(number, body_shard);
            }
        }

        /// In split mode, once every article is added: indexes their
        /// titles, authors and categories, then rehearses a search over
        /// all of them ([`SplitSearch::rehearse`]), for up to `budget_ms`;
        /// whether that is done (the first search would otherwise do it
        /// all at once, in a keystroke). Always done otherwise.
        pub fn prepare(&self, budget_ms: f64) -> bool {
            let Some(split) = &self.split else {
                return true;
            };
            let started = js_sys::Date::now();
            let mut split = split.borrow_mut();
            let split = &mut *split;
            let search = split_search(&mut split.search, &mut split.meta, &split.first_keys);
            // Slices of 500 articles take about 2 ms.
            while !search.index_titles(500) {
                if js_sys::Date::now() - started >= budget_ms {
                    return false;
                }
            }
            let total = search.articles();
            let query = split
                .rehearsal
                .get_or_insert_with(|| search.rehearsal_query());
            while split.rehearsed < total {
                let to = (split.rehearsed + REHEARSAL_SLICE).min(total);
                let candidates: Vec<u32> = (split.rehearsed as u32..to as u32).collect();
                std::hint::black_box(search.rehearse(&candidates, query));
                split.rehearsed = to;
                if js_sys::Date::now() - started >= budget_ms {
                    return split.rehearsed == total;
                }
            }
            true
        }

        /// The articles among `candidates` (the searcher's numbers, in list
        /// order) that `query` finds, best first, each as `Hit::packed`.
        /// In split mode, those that are certain so far; [`more`](Self::more)
        /// says whether others may follow once fetched shards arrive.
        pub fn search(&self, query: &str, candidates: &[u32]) -> Vec<u32> {
            let query = Query::parse(query);
            let hits = match &self.split {
                Some(split) => search_split(split, candidates, &query),
                None => {
                    let candidates: Vec<usize> = candidates.iter().map(|&i| i as usize).collect();
                    let whole = &self.whole;
                    whole.index.search(&whole.searchable, &candidates, &query)
                }
            };
            hits.into_iter().map(Hit::packed).collect()
        }

        /// Makes the next searches for the last query check every
        /// candidate, not only as many as its first hits need.
        #[wasm_bindgen(js_name = checkAll)]
        pub fn check_all(&self) {
            if let Some(split) = &self.split {
                split.borrow_mut().schedule.check_all();
            }
        }

        /// How many articles the last search left unchecked (split mode:
        /// their bodies are being fetched, or wait for [`check_all`](Self::check_all)),
        /// or [`STOPPED`] when a file it needed could not be fetched (the
        /// console says which).
        pub fn more(&self) -> u32 {
            self.split
                .as_ref()
                .map_or(0, |split| split.borrow().unchecked)
        }

        /// The body around the first match of `query` in article `number`,
        /// as runs that alternate unmarked and marked, starting unmarked
        /// (possibly empty); no runs when the body has no match or is not
        /// here (split mode fetches the bodies of the first hits).
        pub fn snippet(&self, number: u32, query: &str) -> Vec<String> {
            let query = Query::parse(query);
            let runs = match &self.split {
                Some(split) => {
                    let split = split.borrow();
                    let text = split.search.as_ref().and_then(|s| s.body_text(number));
                    text.and_then(|text| snippet(text, &query, SNIPPET_RADIUS))
                }
                None => {
                    let text = self.whole.texts.get(number as usize);
                    text.and_then(|text| snippet(text, &query, SNIPPET_RADIUS))
                }
            };
            runs.map(to_alternating).unwrap_or_default()
        }
    }

    /// The split search state (`split.search`), made from the articles
    /// added so far on first use.
    fn split_search<'a>(
        search: &'a mut Option<SplitSearch>,
        meta: &mut Vec<Option<SearchableArticle>>,
        first_keys: &[String],
    ) -> &'a mut SplitSearch {
        search.get_or_insert_with(|| SplitSearch::new(std::mem::take(meta), first_keys.to_vec()))
    }

    /// A split search's certain hits, starting the fetch of whatever would
    /// settle more of them.
    fn search_split(state: &Rc<RefCell<Split>>, candidates: &[u32], query: &Query) -> Vec<Hit> {
        let mut split = state.borrow_mut();
        let split = &mut *split;
        let search = split_search(&mut split.search, &mut split.meta, &split.first_keys);
        let limit = split.schedule.limit_for(query);
        let step = search.search(candidates, query, limit);
        let shards = &split.body_shards;
        let (found, wanted) = split
            .schedule
            .answer(step, search, shards, candidates.len());
        // A failed fetch is tried again when the query changes.
        if split.failed_for.as_ref() != Some(query) {
            split.failed_for = None;
        }
        if let Some(wanted) = wanted.filter(|_| !split.fetching && split.failed_for.is_none()) {
            match split.schedule.start(wanted, shards) {
                Ok(Some(fetch)) => {
                    split.fetching = true;
                    wasm_bindgen_futures::spawn_local(fetch_for_search(
                        state.clone(),
                        fetch,
                        query.clone(),
                    ));
                }
                Ok(None) => {}
                Err(stuck) => {
                    web_sys::console::warn_1(&format!("folio: search stopped: {stuck}").into());
                    split.failed_for = Some(query.clone());
                }
            }
        }
        split.unchecked = match found.unchecked {
            0 => 0,
            _ if split.failed_for.is_some() => STOPPED,
            unchecked => u32::try_from(unchecked)
                .unwrap_or(STOPPED - 1)
                .min(STOPPED - 1),
        };
        found.hits
    }

    /// Fetches what `fetch` names into the split state for `query`, then
    /// tells the viewer. A failure stops `query`, not whatever the reader
    /// typed while it was fetched.
    async fn fetch_for_search(state: Rc<RefCell<Split>>, fetch: Fetch, query: Query) {
        let outcome = match &fetch {
            Fetch::IndexShards(shards) => fetch_index_shards(&state, shards).await,
            Fetch::Bodies(_) | Fetch::Snippets { .. } => fetch_bodies(&state, &fetch).await,
        };
        let on_change = {
            let mut split = state.borrow_mut();
            split.fetching = false;
            if let Err(reason) = outcome {
                web_sys::console::warn_1(&format!("folio: search stopped: {reason}").into());
                split.failed_for = Some(query);
            }
            split.on_change.clone()
        };
        let _ = on_change.call0(&JsValue::NULL);
    }

    async fn fetch_index_shards(
        state: &Rc<RefCell<Split>>,
        shards: &[usize],
    ) -> Result<(), String> {
        for &shard in shards {
            let url = shard_url(state, |split| split.index_files.get(shard).cloned())?;
            let json = fetch_text(&url).await?;
            {
                let mut split = state.borrow_mut();
                let search = split.search.as_mut().ok_or("no search")?;
                search
                    .absorb_index_shard(shard, &json)
                    .map_err(|err| format!("{url}: {err}"))?;
            }
            // The viewer searches again when told: in a task of its own.
            next_task().await;
        }
        Ok(())
    }

    /// Fetches the body shards of `fetch` and hands all their bodies to the
    /// search, keeping the texts that `fetch` keeps for snippets.
    async fn fetch_bodies(state: &Rc<RefCell<Split>>, fetch: &Fetch) -> Result<(), String> {
        for &shard in fetch.body_shards() {
            let url = shard_url(state, |split| split.body_files.get(shard as usize).cloned())?;
            let json = fetch_text(&url).await?;
            let bodies = read_body_shard(&json).map_err(|err| format!("{url}: {err}"))?;
            let in_shard = state.borrow().body_shards.articles_in(shard).to_vec();
            let mut next = 0;
            while next < in_shard.len() {
                // A slice at a time (text of the HTML, normalized, checked
                // for each term), so that a keystroke never waits for a
                // whole shard's 50 bodies.
                let started = js_sys::Date::now();
                {
                    let mut split = state.borrow_mut();
                    let split = &mut *split;
                    let Some(search) = split.search.as_mut() else {
                        break;
                    };
                    while js_sys::Date::now() - started < SLICE_MS {
                        let Some(&number) = in_shard.get(next) else {
                            break;
                        };
                        next += 1;
                        let Some(Some(id)) = split.ids.get(number as usize) else {
                            continue;
                        };
                        let body = bodies.bodies.get(id).map_or("", String::as_str);
                        fetch.hand_in(search, number, body);
                    }
                }
                next_task().await;
            }
        }
        Ok(())
    }

    /// The absolute URL of the shard file `file` picks.
    fn shard_url(
        state: &Rc<RefCell<Split>>,
        file: impl FnOnce(&Split) -> Option<String>,
    ) -> Result<String, String> {
        let split = state.borrow();
        let file = file(&split).ok_or("the bundle lists no such shard")?;
        web_sys::Url::new_with_base(&file, &split.bundle)
            .map(|url| url.href())
            .map_err(|_| format!("{file} is not a URL"))
    }

    async fn fetch_text(url: &str) -> Result<String, String> {
        let response = gloo_net::http::Request::get(url)
            .send()
            .await
            .map_err(|err| format!("{url}: {err}"))?;
        if !response.ok() {
            return Err(format!("{url} answered HTTP {}", response.status()));
        }
        response.text().await.map_err(|err| format!("{url}: {err}"))
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        eprintln!("folio-search is part of the browser viewer: build it with `trunk build`");
        std::process::exit(2);
    }
}
