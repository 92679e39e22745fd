//! Scroll positions per view (by location) in `sessionStorage`, so a reload
//! or Back returns the reader to where they were in a long list. Only for a
//! viewer that owns its page (`Router::owns_page`).

use leptos::prelude::*;

const PREFIX: &str = "folio:scroll:";

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Saves the window's scroll position for the view at `location`.
pub fn remember_window(location: &str) {
    if let (Some(storage), Ok(y)) = (storage(), window().scroll_y()) {
        let _ = storage.set_item(
            &format!("{PREFIX}{location}"),
            &(y.round() as i64).to_string(),
        );
    }
}

/// Scrolls the window to the saved position of the view at `location`, or
/// to the top.
pub fn restore_window(location: &str) {
    let y = storage()
        .and_then(|storage| {
            storage
                .get_item(&format!("{PREFIX}{location}"))
                .ok()
                .flatten()
        })
        // Whole pixels as integers: parsing floats would add to the wasm.
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(0);
    window().scroll_to_with_x_and_y(0.0, f64::from(y));
}
