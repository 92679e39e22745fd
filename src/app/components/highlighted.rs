//! Text with the search's matches wrapped in `<mark>`.

use leptos::prelude::*;

/// Renders runs from `search::highlight`/`search::snippet`.
#[component]
pub fn Highlighted(runs: Vec<(String, bool)>) -> impl IntoView {
    runs.into_iter()
        .map(|(text, is_match)| {
            if is_match {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect::<Vec<_>>()
}
