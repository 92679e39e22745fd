//! Sanitizing: untrusted article HTML in, [`SafeHtml`] out, under the one
//! policy of [`policy`].
//!
//! Natively (the bundler) the policy is enforced by `ammonia`, after a
//! counting pass (`lol_html`) that removes what ammonia cannot judge alone
//! (tracking pixels, frames from other hosts) and records what the policy
//! removed, by kind. In the browser, `app/sanitize.rs` enforces the same
//! tables with DOMPurify. [`SafeHtml`] can only be made by those two.

pub mod policy;

use std::collections::BTreeMap;

/// HTML that has been through the sanitize policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Wraps the output of a sanitizer that enforces [`policy`]; only the two
    /// enforcers call this.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        expect(dead_code, reason = "the browser enforcer calls it")
    )]
    pub(crate) fn from_sanitizer(html: String) -> Self {
        SafeHtml(html)
    }

    /// The HTML.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// What the policy removed from one body, by kind (`script`, `event-handler`,
/// `style-attribute`, `unsafe-url`, `iframe`, `tracking-pixel`, `comment`,
/// `form`, …).
pub type Removed = BTreeMap<String, u32>;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{clean, Cleaned};
