//! The view for a route or article that does not exist.

use crate::app::components::page_heading::PageHeading;
use crate::app::prefs::use_prefs;
use crate::route::Route;
use leptos::prelude::*;

/// Says what was not found (an article id, or `None` for an unknown page)
/// and offers the way back.
#[component]
pub fn NotFound(article_id: Option<String>) -> impl IntoView {
    let prefs = use_prefs();
    let locale = move || prefs.locale.get();
    view! {
        <section class="not-found">
            <PageHeading>{move || locale().text().not_found}</PageHeading>
            <p>{move || locale().nothing_here(article_id.as_deref())}</p>
            <a href=Route::Library.href()>{move || locale().text().back_to_list}</a>
        </section>
    }
}
