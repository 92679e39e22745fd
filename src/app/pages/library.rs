//! The article list: newest first, one link per article.

use crate::app::SharedBundle;
use crate::route::Route;
use leptos::prelude::*;

/// Every article of the bundle, newest first.
#[component]
pub fn LibraryPage(bundle: SharedBundle) -> impl IntoView {
    let skipped = bundle.skipped.len();
    let rows: Vec<_> = bundle
        .bundle
        .articles
        .iter()
        .rev()
        .map(|article| {
            let href = Route::Article(article.id.clone()).href();
            let date = article
                .date
                .as_deref()
                .map(|d| d.get(..10).unwrap_or(d).to_owned());
            view! {
                <li class="article-row">
                    <a href=href>{article.title.clone()}</a>
                    {date.map(|d| view! { <time>{d}</time> })}
                </li>
            }
        })
        .collect();
    view! {
        <section class="library">
            <h1>"All articles"</h1>
            {(skipped > 0).then(|| view! {
                <p class="folio-notice" role="status">{format!("{skipped} malformed articles were skipped")}</p>
            })}
            <ol class="article-list">{rows}</ol>
        </section>
    }
}
