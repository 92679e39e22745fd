//! The viewer's search module: a third wasm, imported once the first list is
//! shown (`src/app/search_cache.rs`), that holds the bundle's searchable
//! text and its index (`folio::search::index`). Keeping them here keeps the
//! first list's download within its budget; the main wasm hands articles
//! over as strings and gets back the hits.

#[cfg(target_arch = "wasm32")]
mod exports {
    use folio::search::{Hit, Query, SearchIndex, SearchableArticle};
    use wasm_bindgen::prelude::*;

    /// The searchable text and index of one viewer's bundle.
    #[wasm_bindgen]
    #[derive(Default)]
    pub struct Searcher {
        searchable: Vec<SearchableArticle>,
        index: SearchIndex,
    }

    #[wasm_bindgen]
    impl Searcher {
        /// An empty searcher.
        #[wasm_bindgen(constructor)]
        pub fn new() -> Searcher {
            Searcher::default()
        }

        /// Adds the next article of the bundle (bundle order), as
        /// `SearchableArticle::from_parts` takes it.
        pub fn add(&mut self, title: &str, author: &str, categories: &str, body_html: &str) {
            let article = SearchableArticle::from_parts(title, author, categories, body_html);
            self.index.add(&article);
            self.searchable.push(article);
        }

        /// The articles among `candidates` (bundle indices, in list order)
        /// that `query` finds, best first, each as `Hit::packed`.
        pub fn search(&self, query: &str, candidates: &[u32]) -> Vec<u32> {
            let candidates: Vec<usize> = candidates.iter().map(|&i| i as usize).collect();
            self.index
                .search(&self.searchable, &candidates, &Query::parse(query))
                .into_iter()
                .map(Hit::packed)
                .collect()
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
