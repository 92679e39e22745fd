//! One row of the article list.

use crate::app::components::article_meta::ArticleMeta;
use crate::app::components::highlighted::Highlighted;
use crate::app::reading::use_reading;
use crate::app::SearchCache;
use crate::app::SharedBundle;
use crate::route::{with_search, Route, SearchState};
use crate::search::matcher::highlight;
use crate::search::Query;
use leptos::prelude::*;

/// Title, meta line, thumbnail and excerpt of the article at `index`; with
/// a search, matches are marked, and the excerpt becomes a snippet around
/// the first match in the body where the search module has that body (for
/// the first hits that match in the body only, it fetches it).
#[component]
pub fn ArticleRow(bundle: SharedBundle, index: usize, search: SearchState) -> impl IntoView {
    let article = &bundle.bundle.articles[index];
    let href = with_search(&Route::Article(article.id.clone()), &search);
    let parsed = Query::parse(&search.text);
    let (title, excerpt) = if parsed.is_empty() {
        (
            vec![(article.title.clone(), false)],
            vec![(article.excerpt.clone(), false)],
        )
    } else {
        (
            highlight(&article.title, &parsed),
            expect_context::<SearchCache>()
                .snippet(&bundle, index, &search.text)
                .unwrap_or_else(|| highlight(&article.excerpt, &parsed)),
        )
    };
    let reading = use_reading();
    let id = article.id.clone();
    let is_unread = move || reading.0.with(|state| !state.is_read(&id));
    let (image_failed, set_image_failed) = signal(false);
    let thumbnail = article.list_image().map(|src| {
        let src = src.to_owned();
        view! {
            // `src` last: setting it starts loading the image, and an image
            // attribute set after it (the referrer policy, lazy loading)
            // starts it again (measured: 5 ms of a 50-row list at 10,000).
            <img
                class="thumbnail"
                class:failed=move || image_failed.get()
                alt=""
                loading="lazy"
                referrerpolicy="no-referrer"
                src=src
                on:error=move |_| set_image_failed.set(true)
            />
        }
    });
    view! {
        <li class="article-row" class:unread=is_unread>
            <div class="row-text">
                <h2 class="row-title"><a href=href><Highlighted runs=title /></a></h2>
                <ArticleMeta bundle=bundle.clone() index=index />
                <p class="excerpt"><Highlighted runs=excerpt /></p>
            </div>
            {thumbnail}
        </li>
    }
}
