//! Keyboard shortcuts (Miniflux's): `j`/`k` next/previous, `o`/Enter open,
//! `Esc`/`u` back to the list, `?` help.

use crate::app::router::Router;
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Handles one key press; does nothing while the reader types in a field or
/// holds a modifier (browser and system shortcuts keep working).
pub fn handle(
    event: &web_sys::KeyboardEvent,
    root: NodeRef<leptos::html::Div>,
    route: Memo<Route>,
    router: Router,
    set_help_open: WriteSignal<bool>,
) {
    if event.ctrl_key() || event.meta_key() || event.alt_key() || is_typing(event) {
        return;
    }
    let Some(root) = root.get_untracked() else {
        return;
    };
    let key = event.key();
    let handled = match (key.as_str(), route.get_untracked()) {
        ("/", _) => focus(&root, ".search input"),
        ("?", _) => {
            set_help_open.update(|open| *open = !*open);
            true
        }
        ("Escape", _) if close_help(&root, set_help_open) => true,
        ("Escape" | "u", Route::Article(_)) => {
            router.go(&router.last_list());
            true
        }
        ("j" | "k", Route::Article(_)) => step_reader(&root, key == "j"),
        ("j" | "k", _) => step_list(&root, key == "j"),
        ("o", _) => click(&root, ".article-row.selected .row-title a"),
        ("f", Route::Article(_)) => click(&root, ".reader .star"),
        _ => false,
    };
    if handled {
        event.prevent_default();
    }
}

fn is_typing(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.has_attribute("contenteditable")
        })
}

fn close_help(root: &web_sys::HtmlDivElement, set_help_open: WriteSignal<bool>) -> bool {
    let is_open = root.query_selector(".help").ok().flatten().is_some();
    if is_open {
        set_help_open.set(false);
    }
    is_open
}

/// Moves the list selection down (`j`) or up (`k`) and focuses its link.
fn step_list(root: &web_sys::HtmlDivElement, down: bool) -> bool {
    let Ok(rows) = root.query_selector_all(".article-row") else {
        return false;
    };
    let count = rows.length();
    if count == 0 {
        return false;
    }
    let selected = (0..count).find(|&i: &u32| {
        rows.item(i)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|row| row.class_list().contains("selected"))
    });
    let next = match (selected, down) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(count - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    for i in 0..count {
        if let Some(row) = rows
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        {
            let _ = row.class_list().toggle_with_force("selected", i == next);
            if i == next {
                if let Some(link) = row.query_selector(".row-title a").ok().flatten() {
                    let _ = link.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        }
    }
    true
}

/// Focuses the element `selector` names, if there is one.
fn focus(root: &web_sys::HtmlDivElement, selector: &str) -> bool {
    match root.query_selector(selector).ok().flatten() {
        Some(element) => element
            .unchecked_into::<web_sys::HtmlElement>()
            .focus()
            .is_ok(),
        None => false,
    }
}

/// Clicks the element `selector` names, if there is one.
fn click(root: &web_sys::HtmlDivElement, selector: &str) -> bool {
    match root.query_selector(selector).ok().flatten() {
        Some(element) => {
            element.unchecked_into::<web_sys::HtmlElement>().click();
            true
        }
        None => false,
    }
}

/// In the reader, `j` opens the next (older) article and `k` the previous (newer).
fn step_reader(root: &web_sys::HtmlDivElement, older: bool) -> bool {
    // Following the reader's own neighbour links keeps one definition of order
    // (`listing::neighbours`).
    let selector = if older {
        ".neighbours .older"
    } else {
        ".neighbours .newer"
    };
    click(root, selector)
}
