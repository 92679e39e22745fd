//! Scroll positions per view (by location hash) in `sessionStorage`, so a
//! reload or Back returns the reader to where they were in a long list.

use leptos::prelude::*;

const PREFIX: &str = "folio:scroll:";

fn key() -> String {
    format!("{PREFIX}{}", window().location().hash().unwrap_or_default())
}

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Saves the current view's scroll position.
pub fn remember() {
    if let (Some(storage), Ok(y)) = (storage(), window().scroll_y()) {
        let _ = storage.set_item(&key(), &(y.round() as i64).to_string());
    }
}

/// Scrolls to the current view's saved position, or to the top.
pub fn restore() {
    let y = storage()
        .and_then(|storage| storage.get_item(&key()).ok().flatten())
        // Whole pixels as integers: parsing floats would add to the wasm.
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(0);
    window().scroll_to_with_x_and_y(0.0, f64::from(y));
}
