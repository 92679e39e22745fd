//! The search field. Its text lives in the URL hash (`?q=`), so a search can
//! be shared, bookmarked, reloaded, and stepped through with Back/Forward.

use crate::app::prefs::use_prefs;
use crate::route::{with_query, Route};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A search field over the list the reader is in (`list`).
#[component]
pub fn SearchBox(
    query: ReadSignal<String>,
    list: RwSignal<Route>,
    route: ReadSignal<Route>,
) -> impl IntoView {
    let prefs = use_prefs();
    let text = move || prefs.locale.get().text();
    let submit = move |value: String| {
        // Searching from the reader searches the list it came from.
        let base = match route.get_untracked() {
            Route::Article(_) | Route::Unknown(_) => list.get_untracked(),
            other => other,
        };
        let _ = window().location().set_hash(&with_query(&base, &value));
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
