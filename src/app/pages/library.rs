//! The article list for a filter (all, a category, an author, a tag), one
//! page at a time so the DOM stays small whatever the bundle's size.

use crate::app::components::article_list::ArticleList;
use crate::app::components::page_heading::PageHeading;
use crate::app::prefs::use_prefs;
use crate::app::SearchCache;
use crate::app::SharedBundle;
use crate::i18n::Locale;
use crate::listing::{newest_first, Filter};
use crate::route::Route;
use crate::search::Query;
use leptos::prelude::*;

/// Heading and breadcrumb for a filter.
fn breadcrumb(filter: &Filter, locale: Locale) -> (String, Vec<(String, String)>) {
    let all_articles = locale.text().all_articles.to_owned();
    let all = (all_articles.clone(), Route::Library.href());
    match filter {
        Filter::All => (all_articles, vec![]),
        Filter::Category(path) => {
            let mut crumbs = vec![all];
            crumbs.extend((1..path.len()).map(|depth| {
                (
                    path[depth - 1].clone(),
                    Route::Category(path[..depth].to_vec()).href(),
                )
            }));
            (path.last().cloned().unwrap_or_default(), crumbs)
        }
        Filter::Author(name) => (name.clone(), vec![all]),
        Filter::Tag(name) => (format!("#{name}"), vec![all]),
    }
}

/// The list page.
#[component]
pub fn LibraryPage(bundle: SharedBundle, filter: Filter, query: String) -> impl IntoView {
    let is_search = !Query::parse(&query).is_empty();
    let order: Vec<usize> = if is_search {
        // The hits over all articles, in rank order, narrowed to the filter:
        // the same as searching the filter's articles (ranking is stable).
        let articles = &bundle.bundle.articles;
        expect_context::<SearchCache>()
            .hits(&bundle, &query)
            .iter()
            .map(|hit| hit.index)
            .filter(|&index| filter.matches(&articles[index]))
            .collect()
    } else {
        newest_first(&bundle.bundle.articles, &filter)
    };
    let total = order.len();
    let skipped = bundle.skipped.len();
    let prefs = use_prefs();
    let locale = move || prefs.locale.get();
    let filter = StoredValue::new(filter);
    let heading = move || filter.with_value(|filter| breadcrumb(filter, locale()).0);
    let crumbs = move || {
        let crumbs = filter.with_value(|filter| breadcrumb(filter, locale()).1);
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
            {(skipped > 0).then(|| view! {
                <p class="folio-notice" role="status">{move || locale().skipped(skipped)}</p>
            })}
            <ArticleList bundle=bundle order=order query=query />
        </section>
    }
}
