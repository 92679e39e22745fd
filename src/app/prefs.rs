//! The reader's preferences (theme, interface language, text size), shared
//! through context and remembered in `localStorage` when it is available.

use crate::i18n::Locale;
use leptos::prelude::*;

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

    fn from_str(value: &str) -> Option<Theme> {
        match value {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Reading text sizes in pixels, smallest first.
pub const TEXT_SIZES: [u32; 5] = [15, 17, 19, 21, 24];
const DEFAULT_TEXT_SIZE: usize = 1;

const THEME_KEY: &str = "folio:theme";
const LOCALE_KEY: &str = "folio:lang";
const TEXT_SIZE_KEY: &str = "folio:text-size";

/// The preferences as signals, provided as context by the app.
#[derive(Debug, Clone, Copy)]
pub struct Prefs {
    /// Colour theme.
    pub theme: RwSignal<Theme>,
    /// Interface language.
    pub locale: RwSignal<Locale>,
    /// Index into [`TEXT_SIZES`].
    pub text_size: RwSignal<usize>,
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be disabled (privacy settings, sandboxed frames): then
    // preferences simply are not remembered.
    window().local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

fn save(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

impl Prefs {
    /// Remembered preferences, else the browser's language, the system theme
    /// and the default text size.
    pub fn load() -> Prefs {
        let theme = load(THEME_KEY)
            .and_then(|v| Theme::from_str(&v))
            .unwrap_or(Theme::Auto);
        let locale = load(LOCALE_KEY)
            .or_else(|| window().navigator().language())
            .map_or(Locale::En, |tag| Locale::from_tag(&tag));
        let text_size = load(TEXT_SIZE_KEY)
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|i| *i < TEXT_SIZES.len())
            .unwrap_or(DEFAULT_TEXT_SIZE);
        Prefs {
            theme: RwSignal::new(theme),
            locale: RwSignal::new(locale),
            text_size: RwSignal::new(text_size),
        }
    }

    /// Moves to the next theme and remembers it.
    pub fn cycle_theme(self) {
        let next = self.theme.get_untracked().next();
        save(THEME_KEY, next.as_str());
        self.theme.set(next);
    }

    /// Switches the interface language and remembers it.
    pub fn switch_locale(self) {
        let next = self.locale.get_untracked().other();
        save(LOCALE_KEY, next.tag());
        self.locale.set(next);
    }

    /// Makes reading text one step larger (`+1`) or smaller (`-1`), within bounds.
    pub fn step_text_size(self, larger: bool) {
        let now = self.text_size.get_untracked();
        let next = if larger {
            (now + 1).min(TEXT_SIZES.len() - 1)
        } else {
            now.saturating_sub(1)
        };
        save(TEXT_SIZE_KEY, &next.to_string());
        self.text_size.set(next);
    }
}

/// The preferences from context.
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}
