//! The reader: one article, its body rendered through the browser sanitizer.

use crate::app::components::article_meta::ArticleMeta;
use crate::app::components::highlighted::Highlighted;
use crate::app::components::page_heading::PageHeading;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::sanitize::sanitize;
use crate::app::SharedBundle;
use crate::article::{Article, BodyFormat};
use crate::listing::{neighbours, newest_first, Filter};
use crate::route::Route;
use crate::search::matcher::highlight;
use crate::search::Query;
use leptos::prelude::*;

/// The article at `index` in the bundle, with links to its neighbours in the
/// full list (newer, older).
#[component]
pub fn ArticlePage(bundle: SharedBundle, index: usize, query: String) -> impl IntoView {
    let prefs = use_prefs();
    let text = move || prefs.locale.get().text();
    let articles = &bundle.bundle.articles;
    let article = &articles[index];
    let order = newest_first(articles, &Filter::All);
    let (newer, older) = neighbours(&order, index);
    let neighbour = |at: Option<usize>, older: bool| {
        let class = if older { "older" } else { "newer" };
        let label = move || if older { text().older } else { text().newer };
        at.map(|i| {
            let other = &articles[i];
            view! {
                <a class=class href=Route::Article(other.id.clone()).href()>
                    <span class="neighbour-label">{label}</span>
                    <span class="neighbour-title">{other.title.clone()}</span>
                </a>
            }
        })
    };
    let head_image = article.head_image_to_show().map(str::to_owned).map(|src| {
        view! { <img class="head-image" src=src alt="" loading="lazy" referrerpolicy="no-referrer" /> }
    });
    // Opened from a search: the title shows what matched.
    let title = highlight(&article.title, &Query::parse(&query));
    let reading = use_reading();
    let id = article.id.clone();
    reading.update(|state| state.mark_read(&id));
    let is_starred = {
        let id = id.clone();
        move || reading.0.with(|state| state.is_starred(&id))
    };
    let star_label = {
        let is_starred = is_starred.clone();
        move || text().star[usize::from(is_starred())]
    };
    view! {
        <article class="reader" lang=article.lang.clone()>
            <PageHeading><Highlighted runs=title /></PageHeading>
            <ArticleMeta bundle=bundle.clone() index=index />
            <button
                type="button"
                class="star"
                aria-pressed=move || is_starred().to_string()
                on:click=move |_| reading.toggle_star(&id)
            >
                {star_label}
            </button>
            {article.notable_removals().map(|removed| view! {
                <p class="removed-notice">{move || text().removed_for_safety} {removed}</p>
            })}
            {head_image}
            <div class="article-body" inner_html=render_body(article)></div>
            {article.original_link().map(str::to_owned).map(|link| view! {
                <p class="original"><a href=link rel="noopener noreferrer">{move || text().read_original}</a></p>
            })}
            <nav class="neighbours" aria-label=move || text().neighbours>
                {neighbour(newer, false)}
                {neighbour(older, true)}
            </nav>
        </article>
    }
}

/// The body as safe HTML.
///
/// Markdown bodies (which `folio bundle` never writes) are shown as their
/// source text for now: pulldown-cmark costs 55 KB brotli in this wasm, more
/// than the size budget leaves, so rendering them is to move into a lazily
/// loaded module (see BENCHMARKS.md).
fn render_body(article: &Article) -> String {
    match article.body_format {
        BodyFormat::Html => sanitize(&article.body).into_string(),
        BodyFormat::Markdown => {
            let source = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.create_element("pre").ok());
            match source {
                Some(pre) => {
                    pre.set_text_content(Some(&article.body));
                    sanitize(&pre.outer_html()).into_string()
                }
                None => String::new(),
            }
        }
    }
}
