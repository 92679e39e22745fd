//! One module per view; [`page_for`] picks the view for a route.

mod article;
mod library;
mod not_found;

use super::SharedBundle;
use crate::route::Route;
use leptos::prelude::*;

/// The view for `route` over the loaded bundle.
pub fn page_for(route: Route, bundle: SharedBundle) -> AnyView {
    match route {
        Route::Article(id) => match bundle.bundle.articles.iter().position(|a| a.id == id) {
            Some(index) => view! { <article::ArticlePage bundle=bundle index=index /> }.into_any(),
            None => view! { <not_found::NotFound what=format!("article {id}") /> }.into_any(),
        },
        Route::Unknown(hash) => view! { <not_found::NotFound what=hash /> }.into_any(),
        _ => view! { <library::LibraryPage bundle=bundle /> }.into_any(),
    }
}
