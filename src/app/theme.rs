//! Light, dark, or the system's choice; remembered in `localStorage`.

/// The viewer's colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

const STORAGE_KEY: &str = "folio:theme";

impl Theme {
    /// The value of the root's `data-theme` attribute (and of storage).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The toggle's text: what the theme is now.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "◐ Auto",
            Theme::Light => "☀ Light",
            Theme::Dark => "☾ Dark",
        }
    }

    /// The theme after this one in the toggle's cycle.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    fn storage() -> Option<web_sys::Storage> {
        // Storage can be disabled (privacy settings, sandboxed frames): then
        // the theme simply is not remembered.
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// The remembered theme, or [`Theme::Auto`].
    pub fn load() -> Theme {
        match Self::storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .as_deref()
        {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// Remembers this theme.
    pub fn save(self) {
        if let Some(storage) = Self::storage() {
            let _ = storage.set_item(STORAGE_KEY, self.as_str());
        }
    }
}
