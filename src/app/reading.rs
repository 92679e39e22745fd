//! The reader's read and starred articles, as a signal shared through
//! context and saved to `localStorage` on every change.

use crate::reading_state::ReadingState;
use leptos::prelude::*;

const STORAGE_KEY: &str = "folio:reading-state";

/// The shared reading state.
#[derive(Debug, Clone, Copy)]
pub struct Reading(pub RwSignal<ReadingState>);

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl Reading {
    /// The stored state, or an empty one.
    pub fn load() -> Reading {
        let state = storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|json| ReadingState::from_json(&json))
            .unwrap_or_default();
        Reading(RwSignal::new(state))
    }

    /// Changes the state and saves it.
    pub fn update(self, change: impl FnOnce(&mut ReadingState) -> bool) {
        let mut changed = false;
        self.0.update(|state| changed = change(state));
        if changed {
            if let Some(storage) = storage() {
                let _ =
                    storage.set_item(STORAGE_KEY, &self.0.with_untracked(ReadingState::to_json));
            }
        }
    }

    /// Stars or unstars an article.
    pub fn toggle_star(self, id: &str) {
        self.update(|state| {
            state.toggle_star(id);
            true
        });
    }

    /// Offers the state as a JSON file download.
    pub fn export(self) {
        let json = self.0.with_untracked(ReadingState::to_json);
        let parts = js_sys::Array::of1(&json.into());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Ok(link) = document().create_element("a") {
            let _ = link.set_attribute("href", &url);
            let _ = link.set_attribute("download", "folio-reading-state.json");
            if let Some(link) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&link) {
                link.click();
            }
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// The reading state from context.
pub fn use_reading() -> Reading {
    expect_context::<Reading>()
}
