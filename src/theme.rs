//! The viewer's colour themes.

use crate::i18n::Locale;

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

impl Theme {
    /// The value of the root's `data-theme` attribute (and of storage).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn index(self) -> usize {
        match self {
            Theme::Auto => 0,
            Theme::Light => 1,
            Theme::Dark => 2,
        }
    }

    /// The toggle's text: what the theme is now.
    pub fn label(self, locale: Locale) -> &'static str {
        locale.text().themes[self.index()]
    }

    /// The theme after this one in the toggle's cycle.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    /// Reads a theme name (`auto`, `light`, `dark`).
    pub fn from_name(value: &str) -> Option<Theme> {
        match value {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}
