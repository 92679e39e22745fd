//! The article list for a filter (all, a category, an author, a tag), one
//! page at a time so the DOM stays small whatever the bundle's size.

use crate::app::components::article_list::ArticleList;
use crate::app::components::list_filters::ListFilters;
use crate::app::components::page_heading::PageHeading;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::SearchCache;
use crate::app::SharedBundle;
use crate::listing::{newest_first, retain_filtered, Filter};
use crate::route::SearchState;
use crate::search::Query;
use leptos::prelude::*;

/// The articles of `filter` that `search` admits, in the order the list
/// shows them (rank with a text query, newest first without).
fn order_for(bundle: &SharedBundle, filter: &Filter, search: &SearchState) -> Vec<usize> {
    let articles = &bundle.bundle.articles;
    let mut order: Vec<usize> = if Query::parse(&search.text).is_empty() {
        newest_first(articles, filter)
    } else {
        // The hits over all articles, in rank order, narrowed to the filter:
        // the same as searching the filter's articles (ranking is stable).
        expect_context::<SearchCache>()
            .hits(bundle, &search.text)
            .iter()
            .map(|hit| hit.index)
            .filter(|&index| filter.matches(&articles[index]))
            .collect()
    };
    use_reading()
        .0
        .with_untracked(|state| retain_filtered(&mut order, articles, search, state));
    order
}

/// The list page; it stays while the search changes, and its list follows.
#[component]
pub fn LibraryPage(
    bundle: SharedBundle,
    filter: Filter,
    search: Memo<SearchState>,
) -> impl IntoView {
    let order = Memo::new({
        let bundle = bundle.clone();
        let filter = filter.clone();
        move |_| search.with(|search| order_for(&bundle, &filter, search))
    });
    let is_search = move || search.with(SearchState::is_active);
    let skipped = bundle.skipped.len();
    let prefs = use_prefs();
    let locale = move || prefs.locale.get();
    let count = move || {
        let total = order.with(Vec::len);
        if is_search() {
            locale().matches(total)
        } else {
            locale().article_count(total)
        }
    };
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
            <p class="list-count" role="status">{count}</p>
            <ListFilters search=search />
            {(skipped > 0).then(|| view! {
                <p class="folio-notice" role="status">{move || locale().skipped(skipped)}</p>
            })}
            <ArticleList bundle=bundle order=order search=search />
        </section>
    }
}
