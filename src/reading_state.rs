//! What the reader has read and starred, kept by the viewer in
//! `localStorage` and exportable as JSON.
//!
//! Stored by article id, which the bundler keeps stable across runs, so the
//! state survives a rebuilt bundle.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The `format` of an exported reading state.
pub const FORMAT: &str = "folio-reading-state";

/// Read and starred article ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    /// Always [`FORMAT`] when written.
    #[serde(default = "format")]
    pub format: String,
    /// Ids of articles the reader opened.
    #[serde(default)]
    pub read: BTreeSet<String>,
    /// Ids of articles the reader starred.
    #[serde(default)]
    pub starred: BTreeSet<String>,
}

fn format() -> String {
    FORMAT.to_owned()
}

impl ReadingState {
    /// Reads a stored state; anything unreadable is an empty state, since a
    /// damaged entry in storage must not keep the viewer from starting.
    pub fn from_json(json: &str) -> ReadingState {
        serde_json::from_str(json).unwrap_or_default()
    }

    /// The state as JSON for storage and export.
    pub fn to_json(&self) -> String {
        let mut state = self.clone();
        state.format = format();
        serde_json::to_string_pretty(&state).unwrap_or_default()
    }

    /// Marks an article read; returns whether that changed anything.
    pub fn mark_read(&mut self, id: &str) -> bool {
        self.read.insert(id.to_owned())
    }

    /// Stars or unstars an article.
    pub fn toggle_star(&mut self, id: &str) {
        if !self.starred.remove(id) {
            self.starred.insert(id.to_owned());
        }
    }

    /// Whether the article was opened.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains(id)
    }

    /// Whether the article is starred.
    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.contains(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_damage() {
        let mut state = ReadingState::default();
        assert!(state.mark_read("a"));
        assert!(!state.mark_read("a"));
        state.toggle_star("b");
        state.toggle_star("c");
        state.toggle_star("c");
        let json = state.to_json();
        assert!(
            json.contains("\"format\": \"folio-reading-state\""),
            "{json}"
        );
        let back = ReadingState::from_json(&json);
        assert!(back.is_read("a") && !back.is_read("b"));
        assert!(back.is_starred("b") && !back.is_starred("c"));
        assert_eq!(
            ReadingState::from_json("{not json"),
            ReadingState::default()
        );
        assert_eq!(ReadingState::from_json("{\"read\":[\"x\"]}").read.len(), 1);
    }
}
