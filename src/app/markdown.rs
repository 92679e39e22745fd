//! Markdown bodies in the viewer: rendered by the `folio-markdown` wasm
//! module (pulldown-cmark, `src/bin/folio-markdown.rs`), which is imported
//! the first time a markdown body is opened, then sanitized like any body.
//! `folio bundle` writes HTML bodies, so most readers never load it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

// Like the sanitizer's snippet: two folders below the glue, beside which
// Trunk writes folio-markdown.js and its wasm. One import for all callers; a
// failed one is forgotten so that a retry fetches again.
#[wasm_bindgen(inline_js = r#"
let loading;
export function importMarkdown() {
  loading ??= import(new URL("../../folio-markdown.js", import.meta.url).href)
    .then(async (module) => {
      await module.default({ module_or_path: new URL("../../folio-markdown_bg.wasm", import.meta.url) });
      return module;
    })
    .catch((error) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = importMarkdown)]
    fn import_markdown() -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// The loaded `folio-markdown` module.
    pub type MarkdownModule;

    #[wasm_bindgen(method, js_name = renderMarkdown)]
    fn render_markdown(this: &MarkdownModule, source: &str) -> String;
}

/// Loads the markdown module (once); the error says what failed.
pub async fn load() -> Result<MarkdownModule, String> {
    JsFuture::from(import_markdown())
        .await
        .map(JsCast::unchecked_into)
        .map_err(|error| {
            let reason = error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .unwrap_or_default();
            format!("the markdown renderer (folio-markdown.js) could not be loaded: {reason}")
        })
}

impl MarkdownModule {
    /// `source` as (unsanitized) HTML.
    pub fn to_html(&self, source: &str) -> String {
        self.render_markdown(source)
    }
}
