//! One row of the article list.

use crate::app::components::article_meta::ArticleMeta;
use crate::app::components::highlighted::Highlighted;
use crate::app::reading::use_reading;
use crate::app::SearchCache;
use crate::app::SharedBundle;
use crate::i18n::Locale;
use crate::route::{with_search, Route, SearchState};
use crate::search::matcher::highlight;
use crate::search::Query;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Title, meta line, thumbnail and excerpt of the article at `index`; with
/// a search (`query` is `search`'s text, parsed once for the whole list),
/// matches are marked, and the excerpt becomes a snippet around
/// the first match in the body where the search module has that body (for
/// the first hits that match in the body only, it fetches it).
#[component]
pub fn ArticleRow(
    bundle: SharedBundle,
    index: usize,
    search: SearchState,
    query: Query,
    locale: Locale,
) -> impl IntoView {
    let article = &bundle.bundle.articles[index];
    let href = with_search(&Route::Article(article.id.clone()), &search);
    let title = highlight(&article.title, &query);
    let snippet = (!query.is_empty())
        .then(|| expect_context::<SearchCache>().snippet(&bundle, index, &search.text))
        .flatten();
    let excerpt = snippet.unwrap_or_else(|| highlight(&article.excerpt, &query));
    // Read untracked: the list renders its rows again when what was read
    // changes (`ArticleList`), so a row keeps no effect of its own.
    let is_unread = use_reading()
        .0
        .with_untracked(|state| !state.is_read(&article.id));
    let thumbnail = article.list_image().map(|src| {
        let src = src.to_owned();
        view! {
            // `src` last: setting it starts loading the image, and an image
            // attribute set after it (the referrer policy, lazy loading)
            // starts it again (measured: 5 ms of a 50-row list at 10,000).
            <img
                class="thumbnail"
                alt=""
                loading="lazy"
                referrerpolicy="no-referrer"
                src=src
                on:error=hide_failed_image
            />
        }
    });
    view! {
        <li class="article-row" class:unread=is_unread>
            <div class="row-text">
                <h2 class="row-title"><a href=href><Highlighted runs=title /></a></h2>
                <ArticleMeta bundle=bundle.clone() index=index locale=locale query=query />
                <p class="excerpt"><Highlighted runs=excerpt /></p>
            </div>
            {thumbnail}
        </li>
    }
}

/// Marks a thumbnail that could not load, which the stylesheet hides: on
/// the element itself, instead of a signal and an effect per row.
fn hide_failed_image(event: web_sys::ErrorEvent) {
    let image = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
    if let Some(image) = image {
        let _ = image.class_list().add_1("failed");
    }
}
