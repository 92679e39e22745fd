//! The one `h1` of a view, focused when the reader navigated to the view (not
//! on first load, so an embedding page keeps its focus), and the view's
//! scroll position, restored when the reader comes back to it.

use leptos::prelude::*;

/// Set when the reader moved to another view (not when only the search
/// changed); the next heading takes focus and clears it. Provided by the app.
#[derive(Debug, Clone, Copy)]
pub struct Navigated(pub RwSignal<bool>);

/// A focusable `h1` that takes focus after a navigation, so screen readers
/// and keyboard users start at the top of what changed.
#[component]
pub fn PageHeading(children: Children) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let navigated = use_context::<Navigated>().map(|Navigated(flag)| flag);
    Effect::new(move |_| {
        if let Some(element) = heading.get() {
            if let Some(flag) = navigated.filter(|flag| flag.get_untracked()) {
                flag.set(false);
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element.focus_with_options(&options);
            }
            crate::app::scroll::restore();
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{children()}</h1> }
}
