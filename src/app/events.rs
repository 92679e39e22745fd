//! The events a viewer sends to its host page, dispatched on the host
//! element (they bubble, so a page may listen on `document`):
//!
//! | event | when | `detail` |
//! | --- | --- | --- |
//! | `folio:ready` | every article is loaded and shown (a split bundle's older shards too) | `{ articles, skipped }` |
//! | `folio:article-open` | an article is opened | `{ id, title }` |

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// Sent once every article of the bundle is loaded.
pub const READY: &str = "folio:ready";
/// Sent when the reader opens an article.
pub const ARTICLE_OPEN: &str = "folio:article-open";

/// Dispatches `name` on `host` with `detail`'s fields.
pub fn emit(host: &web_sys::HtmlElement, name: &str, detail: &[(&str, JsValue)]) {
    let fields = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&fields, &JsValue::from_str(key), value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&fields);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
