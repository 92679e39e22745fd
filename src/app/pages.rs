//! One module per view; [`page_for`] picks the view for a route.

mod article;
mod library;
mod not_found;
mod starred;

use super::prefs::use_prefs;
use super::{SearchCache, SharedBundle};
use crate::listing::Filter;
use crate::route::{Route, SearchState};
use leptos::prelude::*;

/// The current search, for a view that shows its results: the view is
/// made again when the search changes, and when indexing completes (its
/// results were partial until then).
pub fn searched(search: Memo<SearchState>) -> SearchState {
    let search = search.get();
    expect_context::<SearchCache>().track_completion(&search.text);
    search
}

/// The view for `route` over the loaded bundle, made again when `search`
/// changes (a route change makes a new one anyway).
pub fn page_for(route: Route, search: Memo<SearchState>, bundle: SharedBundle) -> AnyView {
    if let Some(filter) = Filter::from_route(&route) {
        return (move || {
            let search = searched(search);
            view! { <library::LibraryPage bundle=bundle.clone() filter=filter.clone() search=search /> }
        })
        .into_any();
    }
    match route {
        Route::Starred => {
            (move || view! { <starred::StarredPage bundle=bundle.clone() search=searched(search) /> })
                .into_any()
        }
        Route::Article(id) => match bundle.bundle.articles.iter().position(|a| a.id == id) {
            Some(index) => (move || {
                view! { <article::ArticlePage bundle=bundle.clone() index=index search=search.get() /> }
            })
            .into_any(),
            // A split bundle's older articles may still be on their way.
            None if !bundle.is_complete() => view! {
                <p class="folio-loading" role="status">{move || use_prefs().locale.get().text().loading}</p>
            }
            .into_any(),
            None => view! { <not_found::NotFound article_id=Some(id) /> }.into_any(),
        },
        _ => view! { <not_found::NotFound article_id=None /> }.into_any(),
    }
}
