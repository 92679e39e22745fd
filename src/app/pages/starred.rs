//! The reader's starred articles, and the export of the reading state.

use crate::app::components::article_list::ArticleList;
use crate::app::components::page_heading::PageHeading;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::SharedBundle;
use crate::listing::newest_first_where;
use leptos::prelude::*;

/// Starred articles, newest first.
#[component]
pub fn StarredPage(bundle: SharedBundle) -> impl IntoView {
    let prefs = use_prefs();
    let reading = use_reading();
    let locale = move || prefs.locale.get();
    let order = reading.0.with_untracked(|state| {
        newest_first_where(&bundle.bundle.articles, |a| state.is_starred(&a.id))
    });
    let total = order.len();
    view! {
        <section class="library">
            <PageHeading>{move || locale().text().starred}</PageHeading>
            <p class="list-count">{move || locale().article_count(total)}</p>
            <p>
                <button type="button" class="export" on:click=move |_| reading.export()>
                    {move || locale().text().export_state}
                </button>
            </p>
            <ArticleList bundle=bundle order=order />
        </section>
    }
}
