//! The viewer: a thin Leptos layer over the core (wasm32 only).
//!
//! [`mount`] finds the host element, reads its options and mounts [`App`]
//! into it. The app keeps the route in a signal fed by `hashchange`, loads the
//! bundle once through [`fetch`], and hands both to one page per route.

mod components;
mod fetch;
mod keyboard;
mod pages;
mod prefs;
mod reading;
mod sanitize;
mod scroll;

use crate::listing::{newest_first, Filter};
use crate::route::Route;
use crate::search::{search, Hit, Query, SearchableArticle};
use components::category_nav::CategoryNav;
use components::help::Help;
use components::page_heading::Navigated;
use components::search_box::SearchBox;
use fetch::{fetch_bundle, FetchError};
use leptos::prelude::*;
use prefs::{use_prefs, Prefs};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The attribute that marks the element the viewer mounts into.
const HOST_SELECTOR: &str = "[data-folio]";
/// The bundle loaded when the host element names none.
const DEFAULT_BUNDLE_URL: &str = "bundle.json";

/// Mounts the viewer into the page's `[data-folio]` element.
///
/// The bundle URL is the host element's `data-bundle` attribute, never the
/// page's query string: a link must not be able to point the viewer at a
/// bundle of someone else's choosing.
pub fn mount() {
    let document = document();
    let Some(host) = document.query_selector(HOST_SELECTOR).ok().flatten() else {
        leptos::logging::error!("folio: no element matching {HOST_SELECTOR} to mount into");
        return;
    };
    let bundle_url = host
        .get_attribute("data-bundle")
        .filter(|url| !url.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_BUNDLE_URL.to_owned());
    let host: web_sys::HtmlElement = host.unchecked_into();
    install_panic_message(host.clone());
    leptos::mount::mount_to(host, move || view! { <App bundle_url=bundle_url /> }).forget();
}

/// Turns a panic into the viewer's failure message (and the console log):
/// with `panic = "abort"` the wasm instance stops right after, so the message
/// is built with plain DOM calls, text only, and offers a reload.
fn install_panic_message(host: web_sys::HtmlElement) {
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        let document = document();
        let (Ok(section), Ok(heading), Ok(detail), Ok(reload)) = (
            document.create_element("section"),
            document.create_element("h1"),
            document.create_element("p"),
            document.create_element("a"),
        ) else {
            return;
        };
        let _ = section.set_attribute("class", "folio-error");
        let _ = section.set_attribute("role", "alert");
        heading.set_text_content(Some("folio stopped because of an internal error"));
        detail.set_text_content(Some(&info.to_string()));
        let _ = reload.set_attribute("href", "");
        reload.set_text_content(Some("Reload"));
        let _ = section.append_with_node_3(&heading, &detail, &reload);
        let wrapper = document.create_element("div").ok();
        if let Some(wrapper) = wrapper {
            let _ = wrapper.set_attribute("class", "folio");
            let _ = wrapper.append_child(&section);
            host.set_text_content(None);
            let _ = host.append_child(&wrapper);
        }
    }));
}

/// The route named by the page's current hash.
fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// The search in the page's current hash.
fn current_query() -> String {
    crate::route::query_of(&window().location().hash().unwrap_or_default())
}

/// The searchable form of the loaded bundle, built on the first search, and
/// the hits of the last search over all articles, so the list and the
/// navigation's counts share one scan.
#[derive(Clone, Copy)]
pub struct SearchCache {
    searchable: StoredValue<Option<(SharedBundle, Arc<Vec<SearchableArticle>>)>>,
    last: StoredValue<Option<LastSearch>>,
}

/// A search over all articles of a bundle and what it found.
type LastSearch = (SharedBundle, String, Arc<Vec<Hit>>);

impl SearchCache {
    fn new() -> SearchCache {
        SearchCache {
            searchable: StoredValue::new(None),
            last: StoredValue::new(None),
        }
    }

    fn searchable(self, bundle: &SharedBundle) -> Arc<Vec<SearchableArticle>> {
        let cached = self.searchable.with_value(|cache| {
            cache
                .as_ref()
                .filter(|(b, _)| Arc::ptr_eq(b, bundle))
                .map(|(_, s)| s.clone())
        });
        if let Some(cached) = cached {
            return cached;
        }
        let searchable: Arc<Vec<_>> = Arc::new(
            bundle
                .bundle
                .articles
                .iter()
                .map(SearchableArticle::new)
                .collect(),
        );
        self.searchable
            .set_value(Some((bundle.clone(), searchable.clone())));
        searchable
    }

    /// Every article of `bundle` that `query` finds, best first.
    pub fn hits(self, bundle: &SharedBundle, query: &str) -> Arc<Vec<Hit>> {
        let cached = self.last.with_value(|last| {
            last.as_ref()
                .filter(|(b, q, _)| Arc::ptr_eq(b, bundle) && q == query)
                .map(|(_, _, hits)| hits.clone())
        });
        if let Some(cached) = cached {
            return cached;
        }
        let all = newest_first(&bundle.bundle.articles, &Filter::All);
        let hits = Arc::new(search(&self.searchable(bundle), &all, &Query::parse(query)));
        self.last
            .set_value(Some((bundle.clone(), query.to_owned(), hits.clone())));
        hits
    }
}

/// The loaded bundle as the pages share it.
pub type SharedBundle = Arc<crate::bundle::LoadedBundle>;

/// The whole viewer: header, navigation, then the page for the current route.
#[component]
pub fn App(bundle_url: String) -> impl IntoView {
    let prefs = Prefs::load();
    provide_context(prefs);
    provide_context(reading::Reading::load());
    let navigated = RwSignal::new(false);
    provide_context(Navigated(navigated));
    let (route, set_route) = signal(current_route());
    let (query, set_query) = signal(current_query());
    provide_context(SearchCache::new());
    let (nav_open, set_nav_open) = signal(false);
    let (help_open, set_help_open) = signal(false);
    // The list the reader came from (its whole hash, search included), for
    // Esc/u in the reader and for searching from the reader.
    let current_hash = || window().location().hash().unwrap_or_default();
    let last_list = RwSignal::new(if route.get_untracked().is_list() {
        current_hash()
    } else {
        Route::Library.href()
    });
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = current_route();
        if now.is_list() {
            last_list.set(current_hash());
        }
        // Focus moves to the new view's heading only when the view changed:
        // a search typed in the field keeps the focus in the field.
        if now != route.get_untracked() {
            navigated.set(true);
        }
        set_query.set(current_query());
        set_route.set(now);
        set_nav_open.set(false);
    });
    on_cleanup(move || hash_listener.remove());

    let root = NodeRef::<leptos::html::Div>::new();
    let scroll_listener = window_event_listener(leptos::ev::scroll, |_| scroll::remember());
    on_cleanup(move || scroll_listener.remove());
    let key_listener = window_event_listener(leptos::ev::keydown, move |event| {
        keyboard::handle(&event, root, route, last_list, set_help_open);
    });
    on_cleanup(move || key_listener.remove());

    let progress = RwSignal::new(None::<fetch::Progress>);
    let bundle = LocalResource::new(move || {
        progress.set(None);
        fetch_bundle(bundle_url.clone(), move |received| {
            progress.set(Some(received))
        })
    });
    let retry = move |_| bundle.refetch();
    let text = move || prefs.locale.get().text();

    view! {
        <div
            class="folio"
            data-theme=move || prefs.theme.get().as_str()
            data-text-size=move || prefs.text_size.get().to_string()
            lang=move || prefs.locale.get().tag()
            node_ref=root
        >
            <header class="folio-header">
                <button
                    type="button"
                    class="nav-toggle"
                    aria-expanded=move || nav_open.get().to_string()
                    aria-controls="folio-nav"
                    on:click=move |_| set_nav_open.update(|open| *open = !*open)
                >
                    {move || text().open_categories}
                </button>
                <a class="folio-brand" href=Route::Library.href()>"folio"</a>
                <SearchBox query=query set_query=set_query list=last_list route=route />
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
            <Suspense fallback=move || view! { <Skeleton progress=progress /> }>
                {move || {
                    bundle
                        .get()
                        .map(|loaded| match loaded {
                            Ok(loaded) => {
                                let current = route.get();
                                let search = query.get();
                                view! {
                                    <div class="folio-layout">
                                        <nav id="folio-nav" class="folio-nav" class:open=move || nav_open.get() aria-label=move || text().categories>
                                            <CategoryNav bundle=loaded.clone() current=current.clone() query=search.clone() />
                                        </nav>
                                        <main class="folio-main">{pages::page_for(current, search, loaded)}</main>
                                    </div>
                                }
                                .into_any()
                            }
                            Err(err) => view! {
                                <main class="folio-main"><LoadFailed error=err on_retry=retry /></main>
                            }
                            .into_any(),
                        })
                }}
            </Suspense>
            <Show when=move || help_open.get()>
                <Help on_close=move || set_help_open.set(false) />
            </Show>
        </div>
    }
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
