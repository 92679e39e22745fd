//! The viewer's search module: a third wasm, imported once the first list is
//! shown (`src/app/search_cache.rs`), that holds the bundle's searchable
//! text and its index (`folio::search::index`). Keeping them here keeps the
//! first list's download within its budget; the main wasm hands articles
//! over as strings and gets back the hits.

#[cfg(target_arch = "wasm32")]
mod exports {
    use folio::search::matcher::{snippet, to_alternating};
    use folio::search::text::body_text;
    use folio::search::{Hit, Query, SearchIndex, SearchableArticle};
    use wasm_bindgen::prelude::*;

    /// The searchable text and index of one viewer's bundle, and each
    /// article's plain body text for search snippets (a split bundle's
    /// viewer has no bodies of its own to cut them from).
    #[wasm_bindgen]
    #[derive(Default)]
    pub struct Searcher {
        searchable: Vec<SearchableArticle>,
        index: SearchIndex,
        texts: Vec<Box<str>>,
    }

    /// Characters either side of the first match in a snippet.
    const SNIPPET_RADIUS: usize = 60;

    #[wasm_bindgen]
    impl Searcher {
        /// An empty searcher.
        #[wasm_bindgen(constructor)]
        pub fn new() -> Searcher {
            Searcher::default()
        }

        /// Adds the next article (the searcher numbers them in the order
        /// they come), as `SearchableArticle::from_parts` takes it.
        pub fn add(&mut self, title: &str, author: &str, categories: &str, body_html: &str) {
            let text = body_text(body_html);
            let article = SearchableArticle::from_text(title, author, categories, &text);
            self.index.add(&article);
            self.searchable.push(article);
            self.texts.push(text.into_boxed_str());
        }

        /// The articles among `candidates` (the searcher's numbers, in list
        /// order) that `query` finds, best first, each as `Hit::packed`.
        pub fn search(&self, query: &str, candidates: &[u32]) -> Vec<u32> {
            let candidates: Vec<usize> = candidates.iter().map(|&i| i as usize).collect();
            self.index
                .search(&self.searchable, &candidates, &Query::parse(query))
                .into_iter()
                .map(Hit::packed)
                .collect()
        }

        /// The body around the first match of `query` in article `number`,
        /// as runs that alternate unmarked and marked, starting unmarked
        /// (possibly empty); no runs when the body has no match.
        pub fn snippet(&self, number: u32, query: &str) -> Vec<String> {
            let Some(text) = self.texts.get(number as usize) else {
                return Vec::new();
            };
            let Some(runs) = snippet(text, &Query::parse(query), SNIPPET_RADIUS) else {
                return Vec::new();
            };
            to_alternating(runs)
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        eprintln!("folio-search is part of the browser viewer: build it with `trunk build`");
        std::process::exit(2);
    }
}
