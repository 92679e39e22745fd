//! The viewer: a thin Leptos layer over the core (wasm32 only).
//!
//! [`mount`] finds the host element, reads its options and mounts [`App`]
//! into it. The app keeps the route in a signal fed by `hashchange`, loads the
//! bundle once through [`fetch`], and hands both to one page per route.

mod fetch;
mod pages;

use crate::route::Route;
use fetch::{fetch_bundle, FetchError};
use leptos::prelude::*;
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

/// The whole viewer: header, then the page for the current route.
#[component]
pub fn App(bundle_url: String) -> impl IntoView {
    let (route, set_route) = signal(current_route());
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(current_route());
    });
    on_cleanup(move || hash_listener.remove());

    let bundle = LocalResource::new(move || fetch_bundle(bundle_url.clone()));

    view! {
        <div class="folio">
            <header class="folio-header" role="banner">
                <a class="folio-brand" href=Route::Library.href()>"folio"</a>
            </header>
            <main class="folio-main">
                <Suspense fallback=|| view! { <p class="folio-loading">"Loading…"</p> }>
                    {move || {
                        bundle
                            .get()
                            .map(|loaded| match loaded {
                                Ok(loaded) => pages::page_for(route.get(), loaded).into_any(),
                                Err(err) => view! { <LoadFailed error=err /> }.into_any(),
                            })
                    }}
                </Suspense>
            </main>
        </div>
    }
}

/// What the reader sees when the bundle cannot be loaded.
#[component]
fn LoadFailed(error: FetchError) -> impl IntoView {
    view! {
        <section class="folio-error" role="alert">
            <h1>"The articles could not be loaded"</h1>
            <p>{error.to_string()}</p>
        </section>
    }
}

/// The loaded bundle as the pages share it.
pub type SharedBundle = Arc<crate::bundle::LoadedBundle>;
