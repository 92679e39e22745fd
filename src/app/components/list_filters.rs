//! What narrows a list besides the search text: a date range (two day
//! fields and quick picks, "last 7 days") and the reader's own marks (unread
//! only, starred only), kept in the location (`from=`/`to=`, `unread=1`,
//! `starred=1`) with the search, so they can be bookmarked and stepped
//! through with Back.

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

/// Day fields, quick picks and the unread/starred toggles. They follow
/// `search` and act on its current value, so they stay put (and keep the
/// focus) while it changes.
#[component]
pub fn ListFilters(search: Memo<SearchState>) -> impl IntoView {
    let prefs = use_prefs();
    // Taken here, not in the handlers: context is the component's.
    let router = use_router();
    let text = move || prefs.locale.get().text();
    let change = move |edit: &dyn Fn(&mut SearchState)| {
        let mut next = search.get_untracked();
        edit(&mut next);
        apply(router, next);
    };
    let set_day = move |is_from: bool, value: String| {
        let day = Some(value).filter(|value| is_day(value));
        change(&|next| {
            if is_from {
                next.from = day.clone();
            } else {
                next.to = day.clone();
            }
        });
    };
    let set_from = move |event: leptos::ev::Event| set_day(true, event_target_value(&event));
    let set_to = move |event: leptos::ev::Event| set_day(false, event_target_value(&event));
    let picks: Vec<_> = RECENT_DAYS
        .iter()
        .enumerate()
        .map(|(at, &days)| {
            let pick = move |_| {
                change(&|next| {
                    next.from = Some(days_ago(days - 1));
                    next.to = None;
                })
            };
            view! { <button type="button" on:click=pick>{move || text().recent[at]}</button> }
        })
        .collect();
    let toggle = |label: fn(&'static crate::i18n::Text) -> &'static str,
                  is_on: fn(&SearchState) -> bool,
                  flip: fn(&mut SearchState)| {
        view! {
            <button
                type="button"
                class="mark-filter"
                aria-pressed=move || search.with(is_on).to_string()
                on:click=move |_| change(&flip)
            >
                {move || label(text())}
            </button>
        }
    };
    let unread = toggle(|t| t.unread_only, |s| s.unread, |s| s.unread = !s.unread);
    let starred = toggle(
        |t| t.starred_only,
        |s| s.starred,
        |s| s.starred = !s.starred,
    );
    let clear = move || {
        search.with(SearchState::has_dates).then(|| {
            let any_time = move |_| {
                change(&|next| {
                    next.from = None;
                    next.to = None;
                })
            };
            view! { <button type="button" class="any-time" on:click=any_time>{move || text().any_time}</button> }
        })
    };
    let day = move |pick: fn(&SearchState) -> &Option<String>| {
        move || search.with(|search| pick(search).clone().unwrap_or_default())
    };
    view! {
        <div class="list-filters" role="group" aria-label=move || text().filters>
            <label>
                <span>{move || text().date_from}</span>
                <input type="date" prop:value=day(|s| &s.from) on:change=set_from />
            </label>
            <label>
                <span>{move || text().date_to}</span>
                <input type="date" prop:value=day(|s| &s.to) on:change=set_to />
            </label>
            {picks}
            {clear}
            {unread}
            {starred}
        </div>
    }
}
