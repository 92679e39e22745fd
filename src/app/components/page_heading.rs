//! The one `h1` of a view, focused when the reader navigated to the view (not
//! on first load, so an embedding page keeps its focus), and the view's
//! scroll position, restored when the reader comes back to it.

use crate::app::router::use_router;
use leptos::prelude::*;

/// A focusable `h1` that takes focus after a navigation, so screen readers
/// and keyboard users start at the top of what changed.
#[component]
pub fn PageHeading(children: Children) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let router = use_router();
    Effect::new(move |_| {
        if let Some(element) = heading.get() {
            if router.take_navigated() {
                // Without preventScroll, focusing would scroll a host page.
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element.focus_with_options(&options);
            }
            router.restore_scroll();
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{children()}</h1> }
}
