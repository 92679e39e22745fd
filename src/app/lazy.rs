//! What the viewer fetches only when it needs it: DOMPurify (the reader's
//! sanitizer), the `folio-search` wasm module (search text and index), the
//! `folio-markdown` one, and a split bundle's body shards. None is part of
//! what loads before the first list.
//!
//! The files sit beside the glue, which is two folders above this inline
//! snippet (`snippets/<crate>-<hash>/`), so the snippet names them relative
//! to itself; `make dist` rewrites these names to the hashed ones
//! (`scripts/dist.mjs` fails if it finds them nowhere).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

// One import per module, shared by every caller; a failed one is forgotten
// so that a retry fetches again. A wasm module is also initialized.
#[wasm_bindgen(inline_js = r#"
const FILES = {
  purifier: { js: "../../purify.es.mjs" },
  markdown: { js: "../../folio-markdown.js", wasm: "../../folio-markdown_bg.wasm" },
  search: { js: "../../folio-search.js", wasm: "../../folio-search_bg.wasm" },
};
const loading = new Map();
export function importLazy(name) {
  if (!loading.has(name)) {
    const files = FILES[name];
    const module = import(new URL(files.js, import.meta.url).href)
      .then(async (module) => {
        if (files.wasm) await module.default({ module_or_path: new URL(files.wasm, import.meta.url) });
        return module;
      })
      .catch((error) => {
        loading.delete(name);
        throw error;
      });
    loading.set(name, module);
  }
  return loading.get(name);
}
export async function fetchBodies(file, bundle) {
  const url = new URL(file, new URL(bundle, document.baseURI)).href;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const bodies = (await response.json())?.bodies;
  if (typeof bodies !== "object" || bodies === null) throw new Error(`${url} is not a body shard`);
  return bodies;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = importLazy)]
    fn import_lazy(name: &str) -> js_sys::Promise;

    /// The `bodies` object of body shard `file` of the bundle at `bundle`
    /// (both as given: relative to the bundle, and to the page). The
    /// browser fetches and parses it: bodies are only ever looked up by id
    /// and handed to the sanitizer, and reading them in Rust would weigh on
    /// the main wasm, which is at its size budget.
    #[wasm_bindgen(js_name = fetchBodies, catch)]
    pub async fn fetch_bodies(file: &str, bundle: &str) -> Result<JsValue, JsValue>;
}

/// A module the viewer loads on demand.
#[derive(Debug, Clone, Copy)]
pub enum Lazy {
    /// DOMPurify (`purify.es.mjs`).
    Purifier,
    /// The markdown renderer (`folio-markdown.js` and its wasm).
    Markdown,
    /// The search text and index (`folio-search.js` and its wasm).
    Search,
}

impl Lazy {
    fn name(self) -> &'static str {
        match self {
            Lazy::Purifier => "purifier",
            Lazy::Markdown => "markdown",
            Lazy::Search => "search",
        }
    }

    fn described(self) -> &'static str {
        match self {
            Lazy::Purifier => "the sanitizer (purify.es.mjs)",
            Lazy::Markdown => "the markdown renderer (folio-markdown.js)",
            Lazy::Search => "the search module (folio-search.js)",
        }
    }
}

/// Imports `module` (once; later calls share the import); the error says
/// which module failed and why.
pub async fn import(module: Lazy) -> Result<JsValue, String> {
    JsFuture::from(import_lazy(module.name()))
        .await
        .map_err(|error| {
            let reason = error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .unwrap_or_default();
            format!("{} could not be loaded: {reason}", module.described())
        })
}
