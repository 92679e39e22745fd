//! The search field. Its text lives in the URL hash (`?q=`), so a search can
//! be shared, bookmarked, reloaded, and stepped through with Back/Forward.

use crate::app::prefs::use_prefs;
use crate::route::{with_query, Route};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Replaces the current history entry's hash and tells the app, which
/// listens to `hashchange` (`replaceState` does not fire it).
fn replace_hash(hash: &str) {
    let window = window();
    let replaced = window.history().and_then(|history| {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
    });
    if replaced.is_ok() {
        if let Ok(event) = web_sys::HashChangeEvent::new("hashchange") {
            let _ = window.dispatch_event(&event);
        }
    } else {
        let _ = window.location().set_hash(hash);
    }
}

/// A search field over the list the reader is in (`route`), or, from the
/// reader, over the list they came from (`list`, a hash).
#[component]
pub fn SearchBox(
    query: ReadSignal<String>,
    set_query: WriteSignal<String>,
    list: RwSignal<String>,
    route: ReadSignal<Route>,
) -> impl IntoView {
    let prefs = use_prefs();
    let text = move || prefs.locale.get().text();
    let submit = move |value: String| {
        // Searching from the reader searches the list it came from.
        let base = match route.get_untracked() {
            Route::Article(_) | Route::Unknown(_) => Route::parse(&list.get_untracked()),
            other => other,
        };
        let hash = with_query(&base, &value);
        let was_searching = !query.get_untracked().is_empty();
        // The field shows what was typed at once; waiting for `hashchange`
        // (asynchronous) would write an older value back over later keys.
        set_query.set(value.clone());
        // A new search is a history entry; refining or clearing it only
        // replaces that entry, so Back leaves the search instead of undoing
        // one keystroke at a time.
        let searching = was_searching && route.get_untracked().is_list();
        if searching {
            replace_hash(&hash);
        } else if !value.trim().is_empty() {
            let _ = window().location().set_hash(&hash);
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        // While an input method composes (pinyin, kana), the text is not
        // what the reader means yet; compositionend delivers it.
        let composing = event
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(web_sys::InputEvent::is_composing);
        if !composing {
            submit(event_target_value(&event));
        }
    };
    let on_composed = move |event: leptos::ev::CompositionEvent| submit(event_target_value(&event));
    view! {
        <form class="search" role="search" on:submit=move |event| event.prevent_default()>
            <label class="visually-hidden" for="folio-search">{move || text().search}</label>
            <input
                id="folio-search"
                type="search"
                autocomplete="off"
                placeholder=move || text().search_placeholder
                prop:value=move || query.get()
                on:input=on_input
                on:compositionend=on_composed
            />
        </form>
    }
}
