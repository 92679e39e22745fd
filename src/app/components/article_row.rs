//! One row of the article list.

use crate::app::components::article_meta::ArticleMeta;
use crate::app::reading::use_reading;
use crate::app::SharedBundle;
use crate::route::Route;
use leptos::prelude::*;

/// Title, meta line, thumbnail and excerpt of the article at `index`.
#[component]
pub fn ArticleRow(bundle: SharedBundle, index: usize) -> impl IntoView {
    let article = &bundle.bundle.articles[index];
    let href = Route::Article(article.id.clone()).href();
    let reading = use_reading();
    let id = article.id.clone();
    let is_unread = move || reading.0.with(|state| !state.is_read(&id));
    let (image_failed, set_image_failed) = signal(false);
    let thumbnail = article.list_image().map(|src| {
        let src = src.to_owned();
        view! {
            <img
                class="thumbnail"
                class:failed=move || image_failed.get()
                src=src
                alt=""
                loading="lazy"
                referrerpolicy="no-referrer"
                on:error=move |_| set_image_failed.set(true)
            />
        }
    });
    view! {
        <li class="article-row" class:unread=is_unread>
            <div class="row-text">
                <h2 class="row-title"><a href=href>{article.title.clone()}</a></h2>
                <ArticleMeta bundle=bundle.clone() index=index />
                <p class="excerpt">{article.excerpt.clone()}</p>
            </div>
            {thumbnail}
        </li>
    }
}
