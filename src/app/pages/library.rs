//! The article list for a filter (all, a category, an author, a tag), one
//! page at a time so the DOM stays small whatever the bundle's size.

use crate::app::components::article_list::ArticleList;
use crate::app::components::list_filters::ListFilters;
use crate::app::components::page_heading::PageHeading;
use crate::app::components::search_status::SearchStatusNotice;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::SearchCache;
use crate::app::SharedBundle;
use crate::article::Article;
use crate::listing::{listed, Filter};
use crate::route::SearchState;
use leptos::prelude::*;

/// The list page.
#[component]
pub fn LibraryPage(bundle: SharedBundle, filter: Filter, search: SearchState) -> impl IntoView {
    let is_search = search.is_active();
    // The hits over all articles, in rank order, narrowed to the filter: the
    // same as searching the filter's articles (ranking is stable).
    let hits = search
        .has_text()
        .then(|| expect_context::<SearchCache>().hits(&bundle, &search.text));
    let order = use_reading().0.with_untracked(|state| {
        let keep = |article: &Article| filter.matches(article);
        listed(
            &bundle.bundle.articles,
            hits.as_deref().map(Vec::as_slice),
            keep,
            &search,
            state,
        )
    });
    let total = order.len();
    let skipped = bundle.skipped.len();
    let pending = bundle.shards.pending();
    let prefs = use_prefs();
    let locale = move || prefs.locale.get();
    let filter = StoredValue::new(filter);
    let heading_and_breadcrumb = move || {
        filter.with_value(|filter| filter.heading_and_breadcrumb(locale().text().all_articles))
    };
    let heading = move || heading_and_breadcrumb().0;
    let crumbs = move || {
        let crumbs = heading_and_breadcrumb().1;
        (!crumbs.is_empty()).then(|| {
            let items: Vec<_> = crumbs
                .into_iter()
                .map(|(name, href)| view! { <li><a href=href>{name}</a></li> })
                .collect();
            view! { <nav class="breadcrumb" aria-label=locale().text().breadcrumb><ol>{items}</ol></nav> }
        })
    };
    view! {
        <section class="library">
            {crumbs}
            <PageHeading>{heading}</PageHeading>
            <p class="list-count" role="status">
                {move || if is_search { locale().matches(total) } else { locale().article_count(total) }}
            </p>
            <SearchStatusNotice text=search.text.clone() />
            <ListFilters search=search.clone() />
            {(skipped > 0).then(|| view! {
                <p class="folio-notice" role="status">{move || locale().skipped(skipped)}</p>
            })}
            {(pending > 0).then(|| view! {
                <p class="folio-notice loading-more" role="status">{move || locale().loading_more(pending)}</p>
            })}
            <ArticleList bundle=bundle order=order search=search />
        </section>
    }
}
