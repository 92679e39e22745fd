//! The keyboard help overlay (`?`).

use crate::app::prefs::use_prefs;
use leptos::prelude::*;

/// A modal list of shortcuts; `on_close` hides it.
#[component]
pub fn Help(on_close: impl Fn() + Clone + 'static) -> impl IntoView {
    let prefs = use_prefs();
    let text = prefs.locale.get_untracked().text();
    let close = NodeRef::<leptos::html::Button>::new();
    // Focus the close button so Enter/Space or Esc closes it at once.
    Effect::new(move |_| {
        if let Some(button) = close.get() {
            let _ = button.focus();
        }
    });
    let rows: Vec<_> = text
        .shortcuts
        .iter()
        .map(
            |(key, what)| view! { <tr><th scope="row"><kbd>{*key}</kbd></th><td>{*what}</td></tr> },
        )
        .collect();
    view! {
        <div class="help-backdrop">
            <div class="help" role="dialog" aria-modal="true" aria-label=text.keyboard>
                <h2>{text.keyboard}</h2>
                <table>{rows}</table>
                <button type="button" node_ref=close on:click=move |_| on_close()>{text.close}</button>
            </div>
        </div>
    }
}
