//! The article list for a filter (all, a category, an author, a tag), one
//! page at a time so the DOM stays small whatever the bundle's size.

use crate::app::components::article_row::ArticleRow;
use crate::app::SharedBundle;
use crate::listing::{newest_first, page_window, Filter};
use crate::route::Route;
use leptos::prelude::*;

/// Heading and breadcrumb for a filter.
fn breadcrumb(filter: &Filter) -> (String, Vec<(String, String)>) {
    let all = ("All articles".to_owned(), Route::Library.href());
    match filter {
        Filter::All => ("All articles".to_owned(), vec![]),
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
        Filter::Author(name) => (
            name.clone(),
            vec![all, ("Authors".to_owned(), Route::Library.href())],
        ),
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
    let (heading, crumbs) = breadcrumb(&filter);
    let crumbs: Vec<_> = crumbs
        .into_iter()
        .map(|(name, href)| view! { <li><a href=href>{name}</a></li> })
        .collect();
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
                <nav class="pager" aria-label="Pages">
                    <button type="button" disabled={window.page == 0} on:click=move |_| set_page.set(window.page - 1)>
                        "← Newer"
                    </button>
                    <span>{format!("{}–{} of {}", window.start + 1, window.end, total)}</span>
                    <button type="button" disabled={window.page + 1 >= window.pages} on:click=move |_| set_page.set(window.page + 1)>
                        "Older →"
                    </button>
                </nav>
            }
        })
    };
    view! {
        <section class="library">
            {(!crumbs.is_empty()).then(|| view! {
                <nav class="breadcrumb" aria-label="Breadcrumb"><ol>{crumbs}</ol></nav>
            })}
            <h1 tabindex="-1">{heading}</h1>
            <p class="list-count">{format!("{total} articles")}</p>
            {(skipped > 0).then(|| view! {
                <p class="folio-notice" role="status">
                    {format!("{skipped} malformed articles in this bundle were skipped")}
                </p>
            })}
            <ol class="article-list">{rows}</ol>
            {pager}
        </section>
    }
}
