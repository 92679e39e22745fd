//! The viewer: a thin Leptos layer over the core (wasm32 only).
//!
//! [`mount`] puts one [`App`] into each host element, with the options the
//! host gave (`crate::embed`). The app keeps its location in a [`Router`]
//! (the page's hash, or memory when embedded), loads the bundle once through
//! [`fetch`], and hands both to one page per route.

mod bodies;
mod components;
mod events;
mod fetch;
mod keyboard;
mod lazy;
mod markdown;
mod marks;
pub mod mount;
mod pages;
mod prefs;
mod reading;
mod router;
mod sanitize;
mod scroll;
pub mod search_cache;

use crate::embed::ViewerOptions;
use crate::route::{Route, SearchState};
use components::category_nav::{search_after_paint, CategoryNav, NavMemory};
use components::help::Help;
use components::search_box::SearchBox;
use fetch::{load_bundle, FetchError};
use leptos::prelude::*;
use prefs::{use_prefs, Prefs};
use router::Router;
use std::cell::Cell;
use std::sync::Arc;
use wasm_bindgen::JsValue;

pub use search_cache::SearchCache;

/// The loaded bundle as the pages share it.
pub type SharedBundle = Arc<crate::bundle::LoadedBundle>;

/// The bundle as far as it has loaded: `None` until the first view can be
/// shown, then the first articles of a split bundle, then all of them.
type CurrentBundle = RwSignal<Option<Result<SharedBundle, FetchError>>>;

thread_local! {
    /// Numbers the viewers on a page, so that their element ids differ.
    static VIEWERS: Cell<u32> = const { Cell::new(0) };
}

/// One viewer: header, navigation, then the page for the current route.
/// `host` is the element it is mounted in (its events go there).
#[component]
pub fn App(options: ViewerOptions, host: web_sys::HtmlElement) -> impl IntoView {
    let prefs = Prefs::load(options.theme, options.locale);
    provide_context(prefs);
    provide_context(reading::Reading::load());
    let root = NodeRef::<leptos::html::Div>::new();
    let router = Router::new(options.routing, &options.start, root);
    provide_context(router);
    let search_cache = SearchCache::new();
    provide_context(search_cache);
    let route = Memo::new(move |_| Route::parse(&router.location()));
    let search = Memo::new(move |_| SearchState::of(&router.location()));
    let nav_id = VIEWERS.with(|count| {
        count.set(count.get() + 1);
        format!("folio-nav-{}", count.get())
    });
    let (nav_open, set_nav_open) = signal(false);
    let (help_open, set_help_open) = signal(false);
    Effect::new(move |_| {
        route.track();
        set_nav_open.set(false);
    });

    // A viewer that owns its page follows the page's hash and listens to the
    // whole window; an embedded one only to events inside its element.
    if let Some(listener) = router.follow_page_hash() {
        on_cleanup(move || listener.remove());
    }
    if router.owns_page() {
        let scroll = window_event_listener(leptos::ev::scroll, move |_| router.remember_scroll());
        let keys = window_event_listener(leptos::ev::keydown, move |event| {
            keyboard::handle(&event, root, route, router, set_help_open);
        });
        on_cleanup(move || {
            scroll.remove();
            keys.remove();
        });
    }
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if !router.owns_page() {
            keyboard::handle(&event, root, route, router, set_help_open);
        }
    };

    let progress = RwSignal::new(None::<fetch::Progress>);
    let bundle_url = options.bundle_url.clone();
    provide_context(bodies::Bodies::new(bundle_url.clone()));
    let bundle: CurrentBundle = RwSignal::new(None);
    let load = move || start_loading(bundle_url.clone(), bundle, progress);
    load();
    let retry = move |_| load();
    // Outlives the navigation's rebuilds (per search, and when a split
    // bundle's older articles arrive): opened branches, the counting tally.
    let nav_memory = NavMemory::default();
    let text = move || prefs.locale.get().text();
    announce(&host, bundle, route);
    after_first_view(bundle, search_cache);

    view! {
        <div
            class="folio"
            data-theme=move || prefs.theme.get().as_str()
            data-text-size=move || prefs.text_size.get().to_string()
            data-routing=if router.owns_page() { "hash" } else { "none" }
            data-search=move || search_cache.status().as_str()
            data-height=options.height.clone()
            style:height=options.height.clone()
            tabindex=(!router.owns_page()).then_some("-1")
            lang=move || prefs.locale.get().tag()
            node_ref=root
            on:click=move |event| router.follow_link(&event)
            on:keydown=on_keydown
        >
            <header class="folio-header">
                <button
                    type="button"
                    class="nav-toggle"
                    aria-expanded=move || nav_open.get().to_string()
                    aria-controls=nav_id.clone()
                    on:click=move |_| set_nav_open.update(|open| *open = !*open)
                >
                    {move || text().open_categories}
                </button>
                <a class="folio-brand" href=Route::Library.href()>"folio"</a>
                <SearchBox search=search route=route />
                <div class="folio-tools">
                    <button type="button" class="text-smaller" on:click=move |_| prefs.step_text_size(false)>
                        {move || text().text_size[0]}
                    </button>
                    <button type="button" class="text-larger" on:click=move |_| prefs.step_text_size(true)>
                        {move || text().text_size[1]}
                    </button>
                    <button type="button" class="language-switch" on:click=move |_| prefs.switch_locale()>
                        {move || text().other_language}
                    </button>
                    <button type="button" class="theme-toggle" on:click=move |_| prefs.cycle_theme()>
                        {move || prefs.theme.get().label(prefs.locale.get())}
                    </button>
                </div>
            </header>
            {move || {
                match bundle.get() {
                    None => view! { <Skeleton progress=progress /> }.into_any(),
                    Some(Ok(loaded)) => {
                        if loaded.is_complete() {
                            nav_memory.prepare_later(loaded.clone());
                        }
                        let page_bundle = loaded.clone();
                        let page = move || pages::page_for(route.get(), search, page_bundle.clone());
                        let nav_search = search_after_paint(search);
                        let nav = move || {
                            let current = route.get();
                            // A category page counts its authors and tags
                            // from the tally: again once it is made.
                            if matches!(current, Route::Category(_)) {
                                nav_memory.is_made();
                            }
                            view! { <CategoryNav bundle=loaded.clone() current=current search=nav_search.get() memory=nav_memory /> }
                        };
                        view! {
                            <div class="folio-layout">
                                <nav id=nav_id.clone() class="folio-nav" class:open=move || nav_open.get() aria-label=move || text().categories>
                                    {nav}
                                </nav>
                                <main class="folio-main">{page}</main>
                            </div>
                        }
                        .into_any()
                    }
                    Some(Err(err)) => view! {
                        <main class="folio-main"><LoadFailed error=err on_retry=retry.clone() /></main>
                    }
                    .into_any(),
                }
            }}
            <Show when=move || help_open.get()>
                <Help on_close=move || set_help_open.set(false) />
            </Show>
        </div>
    }
}

/// Loads the bundle at `url` into `bundle`: the first view's articles, then,
/// for a split bundle, all of them (one more render, not one per shard).
fn start_loading(url: String, bundle: CurrentBundle, progress: RwSignal<Option<fetch::Progress>>) {
    bundle.set(None);
    progress.set(None);
    leptos::task::spawn_local(async move {
        let loaded = load_bundle(
            &url,
            &|received| {
                let _ = progress.try_set(Some(received));
            },
            &|loaded| {
                let _ = bundle.try_set(Some(Ok(loaded)));
            },
            &|| !bundle.is_disposed(),
        )
        .await;
        if let Err(err) = loaded {
            let _ = bundle.try_set(Some(Err(err)));
        }
    });
}

/// Once the first view is up, prepares what later steps need and the first
/// list does not: the reader's sanitizer, so that opening an article does
/// not wait for it, and, once every article is in, the search index, so
/// that typing does not wait.
fn after_first_view(bundle: CurrentBundle, search_cache: SearchCache) {
    Effect::new(move |done: Option<(bool, bool)>| {
        let (mut purifier, mut search) = done.unwrap_or_default();
        let Some(Ok(loaded)) = bundle.get() else {
            return (purifier, search);
        };
        if !purifier {
            purifier = true;
            leptos::task::spawn_local(async {
                if let Err(error) = sanitize::load().await {
                    leptos::logging::warn!("folio: {error}");
                }
            });
        }
        if !search && loaded.is_complete() {
            search = true;
            search_cache.prepare_in_background(loaded);
        }
        (purifier, search)
    });
}

/// Tells the host page when every article has loaded and when an article
/// opens (`events`).
fn announce(host: &web_sys::HtmlElement, bundle: CurrentBundle, route: Memo<Route>) {
    let ready_host = host.clone();
    Effect::new(move |announced: Option<bool>| {
        if announced == Some(true) {
            return true;
        }
        let Some(Ok(loaded)) = bundle
            .get()
            .filter(|loaded| loaded.as_ref().is_ok_and(|loaded| loaded.is_complete()))
        else {
            return false;
        };
        events::emit(
            &ready_host,
            events::READY,
            &[
                (
                    "articles",
                    JsValue::from(loaded.bundle.articles.len() as u32),
                ),
                ("skipped", JsValue::from(loaded.skipped.len() as u32)),
            ],
        );
        true
    });
    let open_host = host.clone();
    // Returns the article announced, so that the same opening is not
    // announced again when a split bundle's older articles arrive.
    Effect::new(move |announced: Option<Option<String>>| {
        let Route::Article(id) = route.get() else {
            return None;
        };
        let Some(Ok(loaded)) = bundle.get() else {
            return None;
        };
        if announced.flatten().as_ref() == Some(&id) {
            return Some(id);
        }
        let article = loaded.bundle.articles.iter().find(|a| a.id == id)?;
        events::emit(
            &open_host,
            events::ARTICLE_OPEN,
            &[
                ("id", JsValue::from_str(&article.id)),
                ("title", JsValue::from_str(&article.title)),
            ],
        );
        Some(id)
    });
}

/// Grey placeholder rows while the bundle loads, with progress once bytes
/// arrive (a large bundle takes more than a moment).
#[component]
fn Skeleton(progress: RwSignal<Option<fetch::Progress>>) -> impl IntoView {
    let prefs = use_prefs();
    let received = move || {
        progress.get().map(|(received, total)| {
            // Integer tenths: float formatting would add ~20 KB to the wasm.
            let megabytes = |bytes: u64| {
                let tenths = bytes * 10 / 1_048_576;
                format!("{}.{} MB", tenths / 10, tenths % 10)
            };
            let label = match total {
                Some(total) => format!("{} / {}", megabytes(received), megabytes(total)),
                None => megabytes(received),
            };
            view! {
                <progress max=total.map(|t| t.to_string()) value=received.to_string()></progress>
                <span class="received">{label}</span>
            }
        })
    };
    view! {
        <main class="folio-main" aria-busy="true">
            <p class="folio-loading" role="status">{move || prefs.locale.get().text().loading} " " {received}</p>
            <ul class="skeleton">{(0..6).map(|_| view! { <li></li> }).collect::<Vec<_>>()}</ul>
        </main>
    }
}

/// What the reader sees when the bundle cannot be loaded, with a way to retry.
#[component]
fn LoadFailed(
    error: FetchError,
    on_retry: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let prefs = use_prefs();
    let text = move || prefs.locale.get().text();
    view! {
        <section class="folio-error" role="alert">
            <h1>{move || text().load_failed}</h1>
            <p>{error.to_string()}</p>
            <button type="button" on:click=on_retry>{move || text().retry}</button>
        </section>
    }
}
