//! Where the viewer is: its location, a route hash such as `#/c/新媒体?q=中俄`
//! (`crate::route`), kept in the page's URL hash when the viewer owns the
//! page (`data-routing="hash"`) or in memory when it is embedded, so that an
//! embedded viewer never touches its host's URL, history or scroll.
//!
//! Every change of location goes through [`Router::arrive`], which also keeps
//! the list the reader came from and whether the view changed (focus moves
//! to the new view's heading only then).

use crate::app::scroll;
use crate::embed::Routing;
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The viewer's location and the state that follows it; shared as context.
#[derive(Debug, Clone, Copy)]
pub struct Router {
    routing: Routing,
    location: RwSignal<String>,
    last_list: RwSignal<String>,
    navigated: RwSignal<bool>,
    root: NodeRef<leptos::html::Div>,
}

impl Router {
    /// A router starting at `start`, or, with hash routing, at the page's
    /// hash when it names a view. `root` is the viewer's element (the scroll
    /// container of an embedded viewer with a fixed height).
    pub fn new(routing: Routing, start: &Route, root: NodeRef<leptos::html::Div>) -> Router {
        let location = match routing {
            Routing::Hash => Some(page_hash())
                .filter(|hash| !hash.trim_start_matches(['#', '/']).is_empty())
                .unwrap_or_else(|| start.href()),
            Routing::Memory => start.href(),
        };
        let route = Route::parse(&location);
        let last_list = if route.is_list() {
            location.clone()
        } else {
            start.href()
        };
        Router {
            routing,
            location: RwSignal::new(location),
            last_list: RwSignal::new(last_list),
            navigated: RwSignal::new(false),
            root,
        }
    }

    /// Whether the viewer owns its page: it then keeps its location in the
    /// URL hash and listens to the whole window (keys, scroll).
    pub fn owns_page(self) -> bool {
        self.routing == Routing::Hash
    }

    /// The current location (tracked).
    pub fn location(self) -> String {
        self.location.get()
    }

    /// The current location, untracked (for event handlers).
    pub fn location_untracked(self) -> String {
        self.location.get_untracked()
    }

    /// The hash of the list the reader came from (for Esc and for searching
    /// from the reader).
    pub fn last_list(self) -> String {
        self.last_list.get_untracked()
    }

    /// Moves to `location` as a new step (a history entry when the viewer
    /// owns the page).
    pub fn go(self, location: &str) {
        if self.owns_page() {
            // The view follows at once; the `hashchange` that follows finds
            // the location already there.
            let _ = window().location().set_hash(location);
        }
        self.arrive(location.to_owned());
    }

    /// Moves to `location` in place of the current step (refining a search).
    pub fn replace(self, location: &str) {
        if self.owns_page() {
            let replaced = window().history().and_then(|history| {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(location))
            });
            if replaced.is_err() {
                let _ = window().location().set_hash(location);
            }
        }
        self.arrive(location.to_owned());
    }

    /// Follows the page's hash (Back, Forward, a typed URL) while the viewer
    /// owns the page; does nothing for an embedded viewer.
    pub fn follow_page_hash(self) -> Option<WindowListenerHandle> {
        self.owns_page().then(|| {
            window_event_listener(leptos::ev::hashchange, move |_| self.arrive(page_hash()))
        })
    }

    /// In an embedded viewer, a click on one of its own route links (`#/…`)
    /// moves the viewer instead of the host page's hash. Plain left clicks
    /// only: a modified click keeps the browser's meaning.
    pub fn follow_link(self, event: &web_sys::MouseEvent) {
        if self.owns_page()
            || event.default_prevented()
            || event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href^='#/']").ok().flatten());
        if let Some(href) = link.and_then(|link| link.get_attribute("href")) {
            event.prevent_default();
            self.go(&href);
        }
    }

    /// Takes the flag set when the view changed (not when only the search
    /// did): the new view's heading takes focus once.
    pub fn take_navigated(self) -> bool {
        let navigated = self.navigated.get_untracked();
        if navigated {
            self.navigated.set(false);
        }
        navigated
    }

    /// Remembers how far the current view is scrolled (page owners only:
    /// an embedded viewer does not watch the host's scroll).
    pub fn remember_scroll(self) {
        if self.owns_page() {
            scroll::remember_window(&self.location.get_untracked());
        }
    }

    /// Scrolls to where the reader left the current view: the window when
    /// the viewer owns the page, else only the viewer's own box.
    pub fn restore_scroll(self) {
        if self.owns_page() {
            scroll::restore_window(&self.location.get_untracked());
        } else if let Some(root) = self.root.get_untracked() {
            root.set_scroll_top(0);
        }
    }

    fn arrive(self, location: String) {
        if location == self.location.get_untracked() {
            return;
        }
        let route = Route::parse(&location);
        if route.is_list() {
            self.last_list.set(location.clone());
        }
        if route != Route::parse(&self.location.get_untracked()) {
            self.navigated.set(true);
        }
        self.location.set(location);
    }
}

/// The page's hash; `#/` when it has none.
fn page_hash() -> String {
    let hash = window().location().hash().unwrap_or_default();
    if hash.is_empty() {
        "#/".to_owned()
    } else {
        hash
    }
}

/// The router from context.
pub fn use_router() -> Router {
    expect_context::<Router>()
}
