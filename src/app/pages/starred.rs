//! The reader's starred articles, and the export of the reading state.

use crate::app::components::article_list::ArticleList;
use crate::app::components::list_filters::ListFilters;
use crate::app::components::page_heading::PageHeading;
use crate::app::components::search_status::SearchStatusNotice;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::{SearchCache, SharedBundle};
use crate::listing::{newest_first_where, retain_filtered};
use crate::route::SearchState;
use crate::search::Query;
use leptos::prelude::*;

/// Starred articles, newest first, or the search's hits among them.
#[component]
pub fn StarredPage(bundle: SharedBundle, search: SearchState) -> impl IntoView {
    let prefs = use_prefs();
    let reading = use_reading();
    let locale = move || prefs.locale.get();
    let articles = &bundle.bundle.articles;
    let order: Vec<usize> = reading.0.with_untracked(|state| {
        let mut order = if Query::parse(&search.text).is_empty() {
            newest_first_where(articles, |a| state.is_starred(&a.id))
        } else {
            expect_context::<SearchCache>()
                .hits(&bundle, &search.text)
                .iter()
                .map(|hit| hit.index)
                .filter(|&index| state.is_starred(&articles[index].id))
                .collect()
        };
        retain_filtered(&mut order, articles, &search, state);
        order
    });
    let total = order.len();
    let is_search = !Query::parse(&search.text).is_empty() || search.has_filters();
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
