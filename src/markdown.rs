//! Markdown to HTML for the bundler: CommonMark with GFM tables and
//! strikethrough (pulldown-cmark). The output is not safe: it passes raw HTML
//! and `javascript:` links through, so it always goes through the sanitizer
//! next. Native only for now: in the wasm it would cost 55 KB brotli (see
//! BENCHMARKS.md), so the viewer shows markdown bodies as source text.

use pulldown_cmark::{html, Options, Parser};

/// Renders CommonMark (with GFM tables and strikethrough) to unsanitized HTML.
///
/// ```
/// assert_eq!(folio::markdown::to_html("~~old~~ *new*"), "<p><del>old</del> <em>new</em></p>\n");
/// ```
pub fn to_html(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}
