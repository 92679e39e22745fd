//! The article list for a filter (all, a category, an author, a tag), one
//! page at a time so the DOM stays small whatever the bundle's size.

use crate::app::components::article_row::ArticleRow;
use crate::app::prefs::use_prefs;
use crate::app::SharedBundle;
use crate::i18n::Locale;
use crate::listing::{newest_first, page_window, Filter};
use crate::route::Route;
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
pub fn LibraryPage(bundle: SharedBundle, filter: Filter) -> impl IntoView {
    let order = newest_first(&bundle.bundle.articles, &filter);
    let total = order.len();
    let skipped = bundle.skipped.len();
    let (page, set_page) = signal(0usize);
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
    let rows = move || {
        let window = page_window(total, page.get());
        order[window.start..window.end]
            .iter()
            .map(|&index| view! { <ArticleRow bundle=bundle.clone() index=index /> })
            .collect::<Vec<_>>()
    };
    let pager = move || {
        let window = page_window(total, page.get());
        (window.pages > 1).then(|| {
            view! {
                <nav class="pager" aria-label=locale().text().pages>
                    <button type="button" disabled={window.page == 0} on:click=move |_| set_page.set(window.page - 1)>
                        {locale().text().newer}
                    </button>
                    <span>{locale().range(window.start + 1, window.end, total)}</span>
                    <button type="button" disabled={window.page + 1 >= window.pages} on:click=move |_| set_page.set(window.page + 1)>
                        {locale().text().older}
                    </button>
                </nav>
            }
        })
    };
    view! {
        <section class="library">
            {crumbs}
            <h1 tabindex="-1">{heading}</h1>
            <p class="list-count">{move || locale().article_count(total)}</p>
            {(skipped > 0).then(|| view! {
                <p class="folio-notice" role="status">{move || locale().skipped(skipped)}</p>
            })}
            <ol class="article-list">{rows}</ol>
            {pager}
        </section>
    }
}
