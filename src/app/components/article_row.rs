//! One row of the article list.

use crate::app::components::article_meta::ArticleMeta;
use crate::app::components::highlighted::Highlighted;
use crate::app::reading::use_reading;
use crate::app::SharedBundle;
use crate::route::{with_search, Route, SearchState};
use crate::search::matcher::{highlight, snippet};
use crate::search::text::body_text;
use crate::search::Query;
use leptos::prelude::*;

/// Characters either side of the first match in a search snippet.
const SNIPPET_RADIUS: usize = 60;

/// Marked runs of a row's title and of its excerpt (or snippet).
type RowText = (Vec<(String, bool)>, Vec<(String, bool)>);

/// Title, meta line, thumbnail and excerpt of the article at `index`; with
/// a search, matches are marked and the excerpt becomes a snippet around the
/// first match in the body. The row follows `search` while it stays listed.
#[component]
pub fn ArticleRow(bundle: SharedBundle, index: usize, search: Memo<SearchState>) -> impl IntoView {
    let article = &bundle.bundle.articles[index];
    let id = StoredValue::new(article.id.clone());
    let href = move || {
        id.with_value(|id| search.with(|search| with_search(&Route::Article(id.clone()), search)))
    };
    let text = Memo::new({
        let bundle = bundle.clone();
        move |_| -> RowText {
            let article = &bundle.bundle.articles[index];
            let parsed = search.with(|search| Query::parse(&search.text));
            if parsed.is_empty() {
                return (
                    vec![(article.title.clone(), false)],
                    vec![(article.excerpt.clone(), false)],
                );
            }
            (
                highlight(&article.title, &parsed),
                snippet(&body_text(&article.body), &parsed, SNIPPET_RADIUS)
                    .unwrap_or_else(|| vec![(article.excerpt.clone(), false)]),
            )
        }
    });
    let title = move || view! { <Highlighted runs=text.with(|text| text.0.clone()) /> };
    let excerpt = move || view! { <Highlighted runs=text.with(|text| text.1.clone()) /> };
    let reading = use_reading();
    let is_unread = move || id.with_value(|id| reading.0.with(|state| !state.is_read(id)));
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
                <h2 class="row-title"><a href=href>{title}</a></h2>
                <ArticleMeta bundle=bundle.clone() index=index />
                <p class="excerpt">{excerpt}</p>
            </div>
            {thumbnail}
        </li>
    }
}
