//! One module per view; [`page_for`] picks the view for a route.

mod article;
mod library;
mod not_found;
mod starred;

use super::SharedBundle;
use crate::listing::Filter;
use crate::route::{Route, SearchState};
use leptos::prelude::*;

/// The view for `route` over the loaded bundle. Lists follow `search` as it
/// changes (their rows stay where they still match); the reader is made
/// again for each search it is opened from.
pub fn page_for(route: Route, search: Memo<SearchState>, bundle: SharedBundle) -> AnyView {
    if let Some(filter) = Filter::from_route(&route) {
        return view! { <library::LibraryPage bundle=bundle filter=filter search=search /> }
            .into_any();
    }
    match route {
        Route::Starred => view! { <starred::StarredPage bundle=bundle search=search /> }.into_any(),
        Route::Article(id) => match bundle.bundle.articles.iter().position(|a| a.id == id) {
            Some(index) => (move || {
                view! { <article::ArticlePage bundle=bundle.clone() index=index search=search.get() /> }
            })
            .into_any(),
            None => view! { <not_found::NotFound article_id=Some(id) /> }.into_any(),
        },
        _ => view! { <not_found::NotFound article_id=None /> }.into_any(),
    }
}
