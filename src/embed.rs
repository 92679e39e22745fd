//! How a viewer is embedded: the options a host page gives as `data-*`
//! attributes on the viewer's element, or as an object to `folio.mount()`.
//!
//! | attribute | option | values | default |
//! | --- | --- | --- | --- |
//! | `data-bundle` | `bundle` | URL of a bundle | `bundle.json` |
//! | `data-category` | `category` | category path, levels joined by `/` | all articles |
//! | `data-theme` | `theme` | `auto`, `light`, `dark` | remembered, else `auto` |
//! | `data-lang` | `lang` | `zh`, `en` (any BCP 47 tag) | remembered, else the browser's |
//! | `data-height` | `height` | a CSS length (`600px`, `80vh`, `40rem`) or pixels | the content's height |
//! | `data-routing` | `routing` | `hash`, `none` | `none` |
//!
//! Parsing lives here, without a DOM, so that both front doors read options
//! the same way and the rules are tested natively. A bad value never stops
//! the viewer: it is reported ([`OptionWarning`]) and the default used.

use crate::i18n::Locale;
use crate::route::Route;
use crate::theme::Theme;
use std::fmt;

/// The bundle loaded when the host names none.
pub const DEFAULT_BUNDLE_URL: &str = "bundle.json";

/// The option names, in the order the table above gives them.
pub const OPTION_NAMES: [&str; 6] = ["bundle", "category", "theme", "lang", "height", "routing"];

/// Where a viewer keeps the view it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routing {
    /// In the page's URL hash: deep links, Back and Forward, reload. Only for
    /// a viewer that owns its page (the hosted `index.html`).
    Hash,
    /// In memory: the host page's URL, history and scroll are left alone.
    Memory,
}

/// A viewer's options, read from its host element or a `mount()` call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewerOptions {
    /// The bundle to load, relative to the host page.
    pub bundle_url: String,
    /// The view shown first (and, with hash routing, when the hash is empty).
    pub start: Route,
    /// A theme the host chose; the reader's toggle then lasts for the visit.
    pub theme: Option<Theme>,
    /// An interface language the host chose; likewise not remembered.
    pub locale: Option<Locale>,
    /// A fixed height (a CSS length): the viewer scrolls inside it.
    pub height: Option<String>,
    /// Where the current view is kept.
    pub routing: Routing,
}

/// An option whose value was not understood; the default was used instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionWarning {
    /// The option's name (`theme`; `data-theme` as an attribute).
    pub option: &'static str,
    /// The value given.
    pub value: String,
    /// What the option accepts.
    pub expected: &'static str,
}

impl fmt::Display for OptionWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            // Quoted by hand: `{:?}` would bring Debug escaping into the wasm.
            "folio: ignored {}=\"{}\" (data-{} on the element): expected {}",
            self.option, self.value, self.option, self.expected
        )
    }
}

impl Default for ViewerOptions {
    fn default() -> ViewerOptions {
        ViewerOptions {
            bundle_url: DEFAULT_BUNDLE_URL.to_owned(),
            start: Route::Library,
            theme: None,
            locale: None,
            height: None,
            routing: Routing::Memory,
        }
    }
}

impl ViewerOptions {
    /// Reads options through `get`, which returns the value given for an
    /// option name (see [`OPTION_NAMES`]), if any. Blank values count as not
    /// given.
    ///
    /// ```
    /// use folio::embed::{Routing, ViewerOptions};
    /// use folio::route::Route;
    /// let (options, warnings) = ViewerOptions::read(|name| match name {
    ///     "category" => Some("新媒体/观察者网".to_owned()),
    ///     "routing" => Some("hash".to_owned()),
    ///     _ => None,
    /// });
    /// assert!(warnings.is_empty());
    /// assert_eq!(options.start, Route::Category(vec!["新媒体".into(), "观察者网".into()]));
    /// assert_eq!(options.routing, Routing::Hash);
    /// assert_eq!(options.bundle_url, "bundle.json");
    /// ```
    pub fn read(get: impl Fn(&str) -> Option<String>) -> (ViewerOptions, Vec<OptionWarning>) {
        let given = |name: &str| {
            get(name)
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
        };
        let mut warnings = Vec::new();
        let mut options = ViewerOptions::default();
        if let Some(url) = given("bundle") {
            options.bundle_url = url;
        }
        if let Some(path) = given("category") {
            let levels: Vec<String> = path
                .split(['/', '›'])
                .map(str::trim)
                .filter(|level| !level.is_empty())
                .map(str::to_owned)
                .collect();
            if !levels.is_empty() {
                options.start = Route::Category(levels);
            }
        }
        if let Some(value) = given("theme") {
            match Theme::from_name(&value.to_ascii_lowercase()) {
                Some(theme) => options.theme = Some(theme),
                None => warnings.push(warning("theme", value, "auto, light or dark")),
            }
        }
        if let Some(value) = given("lang") {
            let primary = value.split(['-', '_']).next().unwrap_or("");
            if primary.eq_ignore_ascii_case("zh") || primary.eq_ignore_ascii_case("en") {
                options.locale = Some(Locale::from_tag(&value));
            } else {
                warnings.push(warning("lang", value, "zh or en (a language tag)"));
            }
        }
        if let Some(value) = given("height") {
            match css_length(&value) {
                Some(length) => options.height = Some(length),
                None => warnings.push(warning(
                    "height",
                    value,
                    "a CSS length such as 600px, 80vh or 40rem, or a number of pixels",
                )),
            }
        }
        if let Some(value) = given("routing") {
            match value.to_ascii_lowercase().as_str() {
                "hash" => options.routing = Routing::Hash,
                "none" | "memory" => options.routing = Routing::Memory,
                _ => warnings.push(warning("routing", value, "hash or none")),
            }
        }
        (options, warnings)
    }
}

fn warning(option: &'static str, value: String, expected: &'static str) -> OptionWarning {
    OptionWarning {
        option,
        value,
        expected,
    }
}

/// Units a fixed height may use.
const LENGTH_UNITS: [&str; 8] = ["px", "vh", "dvh", "svh", "lvh", "rem", "em", "%"];

/// A positive CSS length (`600px`, `80vh`, `12.5rem`); a bare number is pixels.
fn css_length(value: &str) -> Option<String> {
    let value = value.to_ascii_lowercase();
    let split = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(split);
    let well_formed = !number.is_empty()
        && number.matches('.').count() <= 1
        && number != "."
        && number.chars().any(|c| c.is_ascii_digit() && c != '0');
    if !well_formed {
        return None;
    }
    match unit {
        "" => Some(format!("{number}px")),
        unit if LENGTH_UNITS.contains(&unit) => Some(value.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> (ViewerOptions, Vec<OptionWarning>) {
        ViewerOptions::read(|name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn nothing_given_means_the_defaults() {
        let (options, warnings) = read(&[]);
        assert_eq!(options, ViewerOptions::default());
        assert_eq!(options.routing, Routing::Memory);
        assert!(warnings.is_empty());
    }

    #[test]
    fn every_option_is_read() {
        let (options, warnings) = read(&[
            ("bundle", " data/other.json "),
            ("category", "新媒体 › 观察者网 ›"),
            ("theme", "Dark"),
            ("lang", "zh-Hans"),
            ("height", "600"),
            ("routing", "hash"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(options.bundle_url, "data/other.json");
        assert_eq!(
            options.start,
            Route::Category(vec!["新媒体".into(), "观察者网".into()])
        );
        assert_eq!(options.theme, Some(Theme::Dark));
        assert_eq!(options.locale, Some(Locale::Zh));
        assert_eq!(options.height.as_deref(), Some("600px"));
        assert_eq!(options.routing, Routing::Hash);
    }

    #[test]
    fn bad_values_are_reported_and_the_defaults_kept() {
        let (options, warnings) = read(&[
            ("theme", "purple"),
            ("lang", "fr"),
            ("height", "100px; background: red"),
            ("routing", "history"),
            ("category", " / "),
            ("bundle", "   "),
        ]);
        assert_eq!(options, ViewerOptions::default());
        let names: Vec<_> = warnings.iter().map(|w| w.option).collect();
        assert_eq!(names, ["theme", "lang", "height", "routing"]);
        let message = warnings[2].to_string();
        assert!(message.contains("data-height"), "{message}");
        assert!(message.contains("600px"), "{message}");
    }

    #[test]
    fn heights_are_positive_css_lengths() {
        for (given, read) in [
            ("480", Some("480px")),
            ("80vh", Some("80vh")),
            ("12.5REM", Some("12.5rem")),
            ("100%", Some("100%")),
            ("0", None),
            ("-5px", None),
            ("1.2.3px", None),
            ("px", None),
            ("10pt", None),
            ("calc(100vh - 2px)", None),
        ] {
            assert_eq!(css_length(given).as_deref(), read, "{given}");
        }
    }
}
