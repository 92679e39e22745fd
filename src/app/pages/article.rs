//! The reader: one article, its body rendered through the browser sanitizer.

use crate::app::bodies::use_bodies;
use crate::app::components::article_meta::ArticleMeta;
use crate::app::components::page_heading::PageHeading;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::SharedBundle;
use crate::app::{markdown, marks, sanitize};
use crate::article::BodyFormat;
use crate::list_markup::Marked;
use crate::listing::{neighbours, newest_first, Filter};
use crate::route::{Route, SearchState};
use crate::sanitize::SafeHtml;
use crate::search::matcher::highlight;
use crate::search::Query;
use leptos::prelude::*;
use maud::Render;

/// The article at `index` in the bundle, with links to its neighbours in the
/// full list (newer, older).
#[component]
pub fn ArticlePage(bundle: SharedBundle, index: usize, search: SearchState) -> impl IntoView {
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
        view! { <img class="head-image" alt="" loading="lazy" referrerpolicy="no-referrer" src=src /> }
    });
    // Opened from a search: the title shows what matched.
    let query = Query::parse(&search.text);
    let title = Marked(&highlight(&article.title, &query))
        .render()
        .into_string();
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
            <PageHeading><span inner_html=title></span></PageHeading>
            {
                let bundle = bundle.clone();
                move || {
                    let locale = prefs.locale.get();
                    view! { <ArticleMeta bundle=bundle.clone() index=index locale=locale query=query.clone() /> }
                }
            }
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
            <ArticleBody bundle=bundle.clone() index=index query=search.text.clone() />
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

/// The body, once the browser's sanitizer is loaded (at once when it is
/// already: it starts loading when the first list is shown), for a markdown
/// body once the markdown module is too, and in a split bundle once its body
/// shard has arrived.
#[component]
fn ArticleBody(bundle: SharedBundle, index: usize, query: String) -> impl IntoView {
    let prefs = use_prefs();
    let article = &bundle.bundle.articles[index];
    if matches!(article.body_format, BodyFormat::Html) && article.body_shard.is_none() {
        if let Some(html) = sanitize::sanitize(&article.body) {
            return view! { <BodyHtml html=html query=query /> }.into_any();
        }
    }
    let bodies = use_bodies();
    // A signal set by a task rather than a resource under <Suspense>: the
    // same behaviour, without the async machinery in the first list's wasm.
    let body = RwSignal::new(None::<Result<SafeHtml, String>>);
    leptos::task::spawn_local(async move {
        let html = async {
            let body = bodies.body(&bundle, index).await?;
            sanitize::load().await?;
            let html = match bundle.bundle.articles[index].body_format {
                BodyFormat::Html => sanitize::sanitize(&body),
                BodyFormat::Markdown => sanitize::sanitize(&markdown::load().await?.to_html(&body)),
            };
            html.ok_or_else(|| "the sanitizer is not loaded".to_owned())
        };
        // The reader may be gone by now; then nobody listens.
        let _ = body.try_set(Some(html.await));
    });
    let failed = move |error: String| {
        let text = move || prefs.locale.get().text().body_failed;
        view! { <p class="folio-error" role="alert">{text} " (" {error} ")"</p> }
    };
    let shown = move || match body.get() {
        None => view! { <div class="article-body" aria-busy="true"></div> }.into_any(),
        Some(Ok(html)) => view! { <BodyHtml html=html query=query.clone() /> }.into_any(),
        Some(Err(error)) => failed(error).into_any(),
    };
    shown.into_any()
}

/// Sanitized body markup (only [`SafeHtml`] reaches `inner_html`), with the
/// search's matches marked when the reader came from a search.
#[component]
fn BodyHtml(html: SafeHtml, query: String) -> impl IntoView {
    let body = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(body) = body.get() {
            marks::mark_matches(&body, &Query::parse(&query));
        }
    });
    view! { <div class="article-body" inner_html=html.into_string() node_ref=body></div> }
}
