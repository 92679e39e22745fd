//! Mounting viewers into host pages: every `[data-folio]` element at start-up
//! ([`mount_all`]), or one element from a host's script ([`mount_with`],
//! behind `folio.mount()`), each with its own state, so several viewers on one
//! page work independently.

use super::App;
use crate::embed::ViewerOptions;
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use std::sync::Once;
use wasm_bindgen::JsCast;

/// The attribute that marks an element to mount a viewer into.
const HOST_SELECTOR: &str = "[data-folio]";
/// Set on an element while a viewer is mounted in it, so that a page which
/// loads folio twice (two script tags, two copies) still gets one viewer per
/// element.
const MOUNTED_ATTRIBUTE: &str = "data-folio-mounted";

thread_local! {
    /// The elements with a mounted viewer, for the panic message.
    static HOSTS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// A viewer mounted in a host element, until [`MountedViewer::unmount`].
pub struct MountedViewer {
    host: web_sys::HtmlElement,
    /// Leptos' unmount handle: dropping it removes the viewer's nodes and runs
    /// its cleanups (which remove its listeners).
    handle: Option<Box<dyn Any>>,
}

impl MountedViewer {
    /// Removes the viewer, its nodes and its listeners; the element is left
    /// as the host page had it. Unmounting twice does nothing.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            drop(handle);
            let _ = self.host.remove_attribute(MOUNTED_ATTRIBUTE);
            HOSTS.with(|hosts| hosts.borrow_mut().retain(|host| host != &self.host));
        }
    }
}

/// Reads a viewer's options from its element's `data-*` attributes.
pub fn options_of(element: &web_sys::Element) -> ViewerOptions {
    let (options, warnings) =
        ViewerOptions::read(|name| element.get_attribute(&format!("data-{name}")));
    for warning in warnings {
        leptos::logging::warn!("{warning}");
    }
    options
}

/// Mounts a viewer into every `[data-folio]` element that has none yet.
pub fn mount_all() {
    let Ok(elements) = document().query_selector_all(HOST_SELECTOR) else {
        return;
    };
    for index in 0..elements.length() {
        let Some(element) = elements
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let options = options_of(&element);
        if let Some(viewer) = mount_with(element, options) {
            // Viewers mounted from markup live as long as the page.
            std::mem::forget(viewer);
        }
    }
}

/// Mounts a viewer into `host` with `options`; `None` when the element
/// already has one.
///
/// The bundle URL comes from the options (the element's `data-bundle`),
/// never from the page's query string: a link must not be able to point the
/// viewer at a bundle of someone else's choosing.
pub fn mount_with(host: web_sys::HtmlElement, options: ViewerOptions) -> Option<MountedViewer> {
    if host.has_attribute(MOUNTED_ATTRIBUTE) {
        return None;
    }
    let _ = host.set_attribute(MOUNTED_ATTRIBUTE, "");
    install_panic_message();
    HOSTS.with(|hosts| hosts.borrow_mut().push(host.clone()));
    let element = host.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <App options=options host=element /> }
    });
    Some(MountedViewer {
        host,
        handle: Some(Box::new(handle)),
    })
}

/// Turns a panic into the viewer's failure message (and the console log) in
/// every mounted viewer: with `panic = "abort"` the wasm instance stops right
/// after, so the message is built with plain DOM calls, text only, and
/// offers a reload.
fn install_panic_message() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            let hosts = HOSTS.with(|hosts| hosts.borrow().clone());
            for host in hosts {
                show_failure(&host, &info.to_string());
            }
        }));
    });
}

fn show_failure(host: &web_sys::HtmlElement, detail_text: &str) {
    let document = document();
    let (Ok(wrapper), Ok(section), Ok(heading), Ok(detail), Ok(reload)) = (
        document.create_element("div"),
        document.create_element("section"),
        document.create_element("h1"),
        document.create_element("p"),
        document.create_element("a"),
    ) else {
        return;
    };
    let _ = wrapper.set_attribute("class", "folio");
    let _ = section.set_attribute("class", "folio-error");
    let _ = section.set_attribute("role", "alert");
    heading.set_text_content(Some("folio stopped because of an internal error"));
    detail.set_text_content(Some(detail_text));
    let _ = reload.set_attribute("href", "");
    reload.set_text_content(Some("Reload"));
    let _ = section.append_with_node_3(&heading, &detail, &reload);
    let _ = wrapper.append_child(&section);
    host.set_text_content(None);
    let _ = host.append_child(&wrapper);
}
