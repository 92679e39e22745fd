//! The search field. Its text lives in the URL hash (`?q=`), so a search can
//! be shared, bookmarked, reloaded, and stepped through with Back/Forward.

use crate::app::prefs::use_prefs;
use crate::app::router::use_router;
use crate::route::{with_search, Route, SearchState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A search field over the list the reader is in (`route`), or, from the
/// reader, over the list they came from.
#[component]
pub fn SearchBox(search: Memo<SearchState>, route: Memo<Route>) -> impl IntoView {
    let prefs = use_prefs();
    let router = use_router();
    let text = move || prefs.locale.get().text();
    let submit = move |value: String| {
        // Searching from the reader searches the list it came from.
        let base = match route.get_untracked() {
            Route::Article(_) | Route::Unknown(_) => Route::parse(&router.last_list()),
            other => other,
        };
        let current = search.get_untracked();
        let hash = with_search(&base, &current.with_text(&value));
        let was_searching = !current.text.is_empty();
        // A new search is a history entry; refining or clearing it only
        // replaces that entry, so Back leaves the search instead of undoing
        // one keystroke at a time.
        let searching = was_searching && route.get_untracked().is_list();
        // The router moves at once, so the field never shows an older
        // value over keys typed since.
        if searching {
            router.replace(&hash);
        } else if !value.trim().is_empty() {
            router.go(&hash);
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
            <label>
                <span class="visually-hidden">{move || text().search}</span>
                <input
                    type="search"
                    autocomplete="off"
                    placeholder=move || text().search_placeholder
                    prop:value=move || search.with(|search| search.text.clone())
                    on:input=on_input
                    on:compositionend=on_composed
                />
            </label>
        </form>
    }
}
