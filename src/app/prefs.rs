//! The reader's preferences (theme, interface language, text size), shared
//! through context and remembered in `localStorage` when it is available.

use crate::i18n::Locale;
use crate::theme::Theme;
use leptos::prelude::*;

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
    /// Whether the theme is the reader's to remember (the host set none).
    remember_theme: bool,
    /// Whether the language is the reader's to remember (the host set none).
    remember_locale: bool,
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
    /// The theme and language the host page chose, if it did (they are then
    /// neither read from nor written to storage: a host's choice wins over
    /// what the reader picked in another viewer), else remembered ones, else
    /// the system theme and the browser's language; the remembered text size.
    pub fn load(host_theme: Option<Theme>, host_locale: Option<Locale>) -> Prefs {
        let theme = host_theme
            .or_else(|| load(THEME_KEY).and_then(|v| Theme::from_name(&v)))
            .unwrap_or(Theme::Auto);
        let locale = host_locale.unwrap_or_else(|| {
            load(LOCALE_KEY)
                .or_else(|| window().navigator().language())
                .map_or(Locale::En, |tag| Locale::from_tag(&tag))
        });
        let text_size = load(TEXT_SIZE_KEY)
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|i| *i < TEXT_SIZES.len())
            .unwrap_or(DEFAULT_TEXT_SIZE);
        Prefs {
            theme: RwSignal::new(theme),
            locale: RwSignal::new(locale),
            text_size: RwSignal::new(text_size),
            remember_theme: host_theme.is_none(),
            remember_locale: host_locale.is_none(),
        }
    }

    /// Moves to the next theme and remembers it.
    pub fn cycle_theme(self) {
        let next = self.theme.get_untracked().next();
        if self.remember_theme {
            save(THEME_KEY, next.as_str());
        }
        self.theme.set(next);
    }

    /// Switches the interface language and remembers it.
    pub fn switch_locale(self) {
        let next = self.locale.get_untracked().other();
        if self.remember_locale {
            save(LOCALE_KEY, next.tag());
        }
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
