//! The reader's starred articles, and the export of the reading state.

use crate::app::components::article_list::ArticleList;
use crate::app::components::list_filters::ListFilters;
use crate::app::components::page_heading::PageHeading;
use crate::app::components::search_status::SearchStatusNotice;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::{SearchCache, SharedBundle};
use crate::article::Article;
use crate::listing::listed;
use crate::route::SearchState;
use leptos::prelude::*;

/// Starred articles, newest first, or the search's hits among them.
#[component]
pub fn StarredPage(bundle: SharedBundle, search: SearchState) -> impl IntoView {
    let prefs = use_prefs();
    let reading = use_reading();
    let locale = move || prefs.locale.get();
    let hits = search
        .has_text()
        .then(|| expect_context::<SearchCache>().hits(&bundle, &search.text));
    let order = reading.0.with_untracked(|state| {
        let keep = |article: &Article| state.is_starred(&article.id);
        listed(
            &bundle.bundle.articles,
            hits.as_deref().map(Vec::as_slice),
            keep,
            &search,
            state,
        )
    });
    let total = order.len();
    let is_search = search.is_active();
    view! {
        <section class="library">
            <PageHeading>{move || locale().text().starred}</PageHeading>
            <p class="list-count" role="status">
                {move || if is_search { locale().matches(total) } else { locale().article_count(total) }}
            </p>
            <SearchStatusNotice text=search.text.clone() />
            <ListFilters search=search.clone() />
            <p>
                <button type="button" class="export" on:click=move |_| reading.export()>
                    {move || locale().text().export_state}
                </button>
            </p>
            <ArticleList bundle=bundle order=order search=search />
        </section>
    }
}
