//! Markdown to HTML: CommonMark with GFM tables and strikethrough
//! (pulldown-cmark), for the bundler and for the viewer. The output is not
//! safe: it passes raw HTML and `javascript:` links through, so it always
//! goes through the sanitizer next. In the browser this lives in its own
//! wasm module (`src/bin/folio-markdown.rs`), loaded only when a markdown
//! body is opened: in the main wasm it would cost 55 KB brotli (BENCHMARKS.md).

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
