//! The reader: one article.

use crate::app::SharedBundle;
use crate::route::Route;
use leptos::prelude::*;

/// The article at `index` in the bundle.
///
/// Until the browser-side sanitizer lands, the body is shown as text, never
/// parsed as HTML: a bundle is untrusted input.
#[component]
pub fn ArticlePage(bundle: SharedBundle, index: usize) -> impl IntoView {
    let article = &bundle.bundle.articles[index];
    let categories = article
        .primary_category()
        .map(|path| path.join(" › "))
        .unwrap_or_default();
    view! {
        <article class="reader">
            <a class="back" href=Route::Library.href()>"← All articles"</a>
            <h1>{article.title.clone()}</h1>
            <p class="meta">
                {article.author.clone()} " " {article.date.clone()} " " {categories}
            </p>
            <div class="body-text">{article.body.clone()}</div>
        </article>
    }
}
