//! The view for a route or article that does not exist.

use crate::route::Route;
use leptos::prelude::*;

/// Says what was not found and offers the way back.
#[component]
pub fn NotFound(what: String) -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Not found"</h1>
            <p>{format!("There is no {what} in this bundle.")}</p>
            <a href=Route::Library.href()>"Back to all articles"</a>
        </section>
    }
}
