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

use crate::route::Route;
use components::category_nav::CategoryNav;
use components::help::Help;
use components::page_heading::Navigated;
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
    console_error_panic_hook::set_once();
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
    leptos::mount::mount_to(host, move || view! { <App bundle_url=bundle_url /> }).forget();
}

/// The route named by the page's current hash.
fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
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
    let (nav_open, set_nav_open) = signal(false);
    let (help_open, set_help_open) = signal(false);
    // The list the reader came from, for Esc/u in the reader.
    let last_list = RwSignal::new(Route::Library);
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = current_route();
        if crate::listing::Filter::from_route(&now).is_some() {
            last_list.set(now.clone());
        }
        navigated.set(true);
        set_route.set(now);
        set_nav_open.set(false);
    });
    on_cleanup(move || hash_listener.remove());

    let root = NodeRef::<leptos::html::Div>::new();
    let key_listener = window_event_listener(leptos::ev::keydown, move |event| {
        keyboard::handle(&event, root, route, last_list, set_help_open);
    });
    on_cleanup(move || key_listener.remove());

    let bundle = LocalResource::new(move || fetch_bundle(bundle_url.clone()));
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
            <Suspense fallback=|| view! { <Skeleton /> }>
                {move || {
                    bundle
                        .get()
                        .map(|loaded| match loaded {
                            Ok(loaded) => {
                                let current = route.get();
                                view! {
                                    <div class="folio-layout">
                                        <nav id="folio-nav" class="folio-nav" class:open=move || nav_open.get() aria-label=move || text().categories>
                                            <CategoryNav bundle=loaded.clone() current=current.clone() />
                                        </nav>
                                        <main class="folio-main">{pages::page_for(current, loaded)}</main>
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

/// Grey placeholder rows while the bundle loads.
#[component]
fn Skeleton() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <main class="folio-main" aria-busy="true">
            <p class="folio-loading" role="status">{move || prefs.locale.get().text().loading}</p>
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
