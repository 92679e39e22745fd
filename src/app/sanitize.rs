//! The browser's enforcer of the sanitize policy: DOMPurify, configured from
//! the same tables as the bundler's ammonia (`crate::sanitize::policy`).
//!
//! A bundle is untrusted even though the bundler sanitized it: the viewer
//! runs inside other people's pages. This module is the only way the viewer
//! turns bundle HTML into markup ([`sanitize`] returns [`SafeHtml`], the only
//! type the reader passes to `inner_html`).
//!
//! DOMPurify is only needed once an article is opened, so it is not part of
//! what loads before the first list: [`load`] imports it (`super::lazy`;
//! Trunk copies `purify.es.mjs` beside the glue), and the app starts that as
//! soon as the list is shown.

use super::lazy::{self, Lazy};
use crate::sanitize::policy::{self, FORCED_ATTRIBUTES, LINK_REL};
use crate::sanitize::SafeHtml;
use js_sys::{Array, Object, Reflect};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type Purifier;

    #[wasm_bindgen(method)]
    fn sanitize(this: &Purifier, html: &str, config: &JsValue) -> String;

    #[wasm_bindgen(method, js_name = addHook)]
    fn add_hook(this: &Purifier, name: &str, hook: &js_sys::Function);
}

/// DOMPurify's per-attribute hook data (`uponSanitizeAttribute`).
#[wasm_bindgen]
extern "C" {
    type AttributeHookData;

    #[wasm_bindgen(method, getter, js_name = attrName)]
    fn attr_name(this: &AttributeHookData) -> String;

    #[wasm_bindgen(method, getter, js_name = attrValue)]
    fn attr_value(this: &AttributeHookData) -> String;

    #[wasm_bindgen(method, setter, js_name = keepAttr)]
    fn set_keep_attr(this: &AttributeHookData, keep: bool);
}

thread_local! {
    /// DOMPurify with its hooks installed, and the configuration to pass it.
    static PURIFIER: OnceCell<(Purifier, JsValue)> = const { OnceCell::new() };
}

/// Whether [`sanitize`] can work now.
pub fn is_loaded() -> bool {
    PURIFIER.with(|cell| cell.get().is_some())
}

/// Loads and configures DOMPurify, once; the error says what failed.
pub async fn load() -> Result<(), String> {
    if is_loaded() {
        return Ok(());
    }
    let module = lazy::import(Lazy::Purifier).await?;
    let purifier: Purifier = Reflect::get(&module, &JsValue::from_str("default"))
        .map_err(|_| "the sanitizer (purify.es.mjs) has no default export".to_owned())?
        .unchecked_into();
    PURIFIER.with(|cell| {
        if cell.get().is_none() {
            let config = configure(&purifier);
            let _ = cell.set((purifier, config));
        }
    });
    Ok(())
}

/// Sanitizes untrusted article HTML for rendering; `None` until [`load`]
/// has finished.
pub fn sanitize(html: &str) -> Option<SafeHtml> {
    PURIFIER.with(|cell| {
        cell.get()
            .map(|(purifier, config)| SafeHtml::from_sanitizer(purifier.sanitize(html, config)))
    })
}

fn strings(items: impl IntoIterator<Item = &'static str>) -> Array {
    items.into_iter().map(JsValue::from_str).collect()
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a plain property on a fresh Object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

/// Builds the DOMPurify configuration from the policy tables and installs
/// the hooks that enforce what a flat configuration cannot express:
/// attributes per tag, URL rules, iframe hosts, tracking pixels and the
/// attributes every image, frame, medium and link is given.
fn configure(purifier: &Purifier) -> JsValue {
    let mut attributes: Vec<&'static str> = policy::GENERIC_ATTRIBUTES.to_vec();
    for (_, tag_attributes) in policy::TAG_ATTRIBUTES {
        attributes.extend_from_slice(tag_attributes);
    }
    attributes.extend(FORCED_ATTRIBUTES.iter().map(|(_, attribute, _)| *attribute));
    attributes.push("rel");

    let config = Object::new();
    set(
        &config,
        "ALLOWED_TAGS",
        strings(policy::ALLOWED_TAGS.iter().copied()),
    );
    set(&config, "ALLOWED_ATTR", strings(attributes));
    set(
        &config,
        "FORBID_CONTENTS",
        strings(policy::DROPPED_WITH_CONTENT.iter().copied()),
    );
    set(&config, "ALLOW_DATA_ATTR", false);
    set(&config, "ALLOW_ARIA_ATTR", false);
    set(&config, "ALLOW_UNKNOWN_PROTOCOLS", false);
    set(&config, "WHOLE_DOCUMENT", false);
    // `target` would let a link open in the host's named frames.
    set(&config, "FORBID_ATTR", strings(["target", "style"]));

    {
        let check_attribute = Closure::<dyn Fn(web_sys::Element, AttributeHookData)>::new(
            |node: web_sys::Element, data: AttributeHookData| {
                let tag = node.tag_name().to_ascii_lowercase();
                let name = data.attr_name();
                let is_forced = FORCED_ATTRIBUTES
                    .iter()
                    .any(|(t, a, _)| *t == tag && *a == name);
                let allowed = (policy::is_allowed_attribute(&tag, &name)
                    || is_forced
                    || (tag == "a" && name == "rel"))
                    && !policy::is_event_handler(&name)
                    && match (tag.as_str(), name.as_str()) {
                        ("iframe", "src") => policy::is_allowed_iframe_src(&data.attr_value()),
                        // In the browser a relative URL would point into the
                        // page that shows the viewer (`is_page_relative`).
                        (_, "srcset") => policy::srcset_urls(&data.attr_value()).all(|url| {
                            policy::is_allowed_url(&tag, "src", url)
                                && !policy::is_page_relative(url)
                        }),
                        _ if policy::URL_ATTRIBUTES.contains(&name.as_str()) => {
                            let url = data.attr_value();
                            policy::is_allowed_url(&tag, &name, &url)
                                && !policy::is_page_relative(&url)
                        }
                        _ => true,
                    };
                data.set_keep_attr(allowed);
            },
        );
        purifier.add_hook(
            "uponSanitizeAttribute",
            check_attribute.as_ref().unchecked_ref(),
        );
        check_attribute.forget();

        let finish_element = Closure::<dyn Fn(web_sys::Element)>::new(|node: web_sys::Element| {
            let tag = node.tag_name().to_ascii_lowercase();
            let is_unplayable_frame = tag == "iframe"
                && !node
                    .get_attribute("src")
                    .is_some_and(|src| policy::is_allowed_iframe_src(&src));
            let is_pixel = tag == "img"
                && policy::is_tracking_pixel(
                    node.get_attribute("width").as_deref(),
                    node.get_attribute("height").as_deref(),
                );
            if is_unplayable_frame || is_pixel {
                node.remove();
                return;
            }
            for (_, attribute, value) in FORCED_ATTRIBUTES.iter().filter(|(t, _, _)| *t == tag) {
                let _ = node.set_attribute(attribute, value);
            }
            if tag == "a" {
                let _ = node.set_attribute("rel", LINK_REL);
            }
        });
        purifier.add_hook(
            "afterSanitizeAttributes",
            finish_element.as_ref().unchecked_ref(),
        );
        finish_element.forget();
    }
    config.into()
}
