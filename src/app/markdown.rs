//! Markdown bodies in the viewer: rendered by the `folio-markdown` wasm
//! module (pulldown-cmark, `src/bin/folio-markdown.rs`), which is imported
//! the first time a markdown body is opened (`super::lazy`), then sanitized
//! like any body. `folio bundle` writes HTML bodies, so most readers never
//! load it.

use super::lazy::{self, Lazy};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The loaded `folio-markdown` module.
    pub type MarkdownModule;

    #[wasm_bindgen(method, js_name = renderMarkdown)]
    fn render_markdown(this: &MarkdownModule, source: &str) -> String;
}

/// Loads the markdown module (once); the error says what failed.
pub async fn load() -> Result<MarkdownModule, String> {
    lazy::import(Lazy::Markdown)
        .await
        .map(JsCast::unchecked_into)
}

impl MarkdownModule {
    /// `source` as (unsanitized) HTML.
    pub fn to_html(&self, source: &str) -> String {
        self.render_markdown(source)
    }
}
