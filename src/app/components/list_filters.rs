//! What narrows a list besides the search text: a category, author or tag
//! on top of the list's own (each shown with a button that removes it), a
//! date range (two day fields and quick picks, "last 7 days") and the
//! reader's own marks (unread only, starred only), kept in the location
//! (`c=`, `author=`, `tag=`, `from=`/`to=`, `unread=1`, `starred=1`) with
//! the search, so they can be bookmarked and stepped through with Back; and
//! the one "clear all" that resets them, the search and the category,
//! author or tag.

use crate::app::prefs::use_prefs;
use crate::app::router::{use_router, Router};
use crate::route::{is_day, with_search, Route, SearchState};
use leptos::prelude::*;

/// Days back from today for the quick picks (today included).
const RECENT_DAYS: [u32; 3] = [7, 30, 365];

/// The UTC day `days` before today, as `YYYY-MM-DD`.
fn days_ago(days: u32) -> String {
    let millis = js_sys::Date::now() - f64::from(days) * 86_400_000.0;
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    String::from(date.to_iso_string())
        .chars()
        .take(10)
        .collect()
}

/// Moves the current list to `state` (a new history step).
fn apply(router: Router, state: SearchState) {
    let route = Route::parse(&router.location_untracked());
    router.go(&with_search(&route, &state));
}

/// Day fields, quick picks, the unread/starred toggles, and "clear all"
/// when anything narrows the list.
#[component]
pub fn ListFilters(search: SearchState) -> impl IntoView {
    let prefs = use_prefs();
    // Taken here, not in the handlers: context is the component's.
    let router = use_router();
    let text = move || prefs.locale.get().text();
    let set_day = {
        let search = search.clone();
        move |is_from: bool, value: String| {
            let day = Some(value).filter(|value| is_day(value));
            let mut next = search.clone();
            if is_from {
                next.from = day;
            } else {
                next.to = day;
            }
            apply(router, next);
        }
    };
    let set_from = {
        let set_day = set_day.clone();
        move |event: leptos::ev::Event| set_day(true, event_target_value(&event))
    };
    let set_to = move |event: leptos::ev::Event| set_day(false, event_target_value(&event));
    let picks: Vec<_> = RECENT_DAYS
        .iter()
        .enumerate()
        .map(|(at, &days)| {
            let search = search.clone();
            let pick = move |_| {
                apply(
                    router,
                    SearchState {
                        from: Some(days_ago(days - 1)),
                        to: None,
                        ..search.clone()
                    },
                )
            };
            view! { <button type="button" on:click=pick>{move || text().recent[at]}</button> }
        })
        .collect();
    let toggle = |label: fn(&'static crate::i18n::Text) -> &'static str,
                  on: bool,
                  flip: fn(&mut SearchState)| {
        let search = search.clone();
        let click = move |_| {
            let mut next = search.clone();
            flip(&mut next);
            apply(router, next);
        };
        view! {
            <button type="button" class="mark-filter" aria-pressed=on.to_string() on:click=click>
                {move || label(text())}
            </button>
        }
    };
    let unread = toggle(|t| t.unread_only, search.unread, |s| s.unread = !s.unread);
    let starred = toggle(
        |t| t.starred_only,
        search.starred,
        |s| s.starred = !s.starred,
    );
    // Each narrowing by a category, author or tag, with its remove button.
    let places: Vec<_> = [
        (0, search.category.as_ref().map(|path| path.join(" › "))),
        (1, search.author.clone()),
        (2, search.tag.clone()),
    ]
    .into_iter()
    .filter_map(|(kind, name)| Some((kind, name?)))
    .map(|(kind, name)| {
        let mut without = search.clone();
        match kind {
            0 => without.category = None,
            1 => without.author = None,
            _ => without.tag = None,
        }
        let remove = move |_| apply(router, without.clone());
        let shown = name.clone();
        view! {
            <button type="button" class="place-filter" on:click=remove
                aria-label=move || format!("{} {}{}", text().remove_filter, text().place_kinds[kind], name)>
                {move || format!("{}{shown} ×", text().place_kinds[kind])}
            </button>
        }
    })
    .collect();
    let clear = search.has_dates().then(|| {
        let search = search.clone();
        let any_time = move |_| {
            apply(
                router,
                SearchState {
                    from: None,
                    to: None,
                    ..search.clone()
                },
            )
        };
        view! { <button type="button" class="any-time" on:click=any_time>{move || text().any_time}</button> }
    });
    // One control undoes every narrowing at once: the text, the dates, the
    // marks, and the category, author or tag.
    let route = Route::parse(&router.location_untracked());
    let clear_all = route.cleared(&search).map(|unfiltered| {
        // The route alone: no search, no filters.
        let href = unfiltered.href();
        view! {
            <button type="button" class="clear-all" on:click=move |_| router.go(&href)>
                {move || text().clear_all}
            </button>
        }
    });
    view! {
        <div class="list-filters" role="group" aria-label=move || text().filters>
            {places}
            <label>
                <span>{move || text().date_from}</span>
                <input type="date" prop:value=search.from.clone().unwrap_or_default() on:change=set_from />
            </label>
            <label>
                <span>{move || text().date_to}</span>
                <input type="date" prop:value=search.to.clone().unwrap_or_default() on:change=set_to />
            </label>
            {picks}
            {clear}
            {unread}
            {starred}
            {clear_all}
        </div>
    }
}
