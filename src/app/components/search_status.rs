//! Says when a search's results are not final: the index is still being
//! built (results so far cover part of the bundle), a split bundle's bodies
//! are still being checked, or search could not start at all.

use crate::app::prefs::use_prefs;
use crate::app::search_cache::{SearchCache, SearchStatus};
use crate::search::split::STOPPED;
use crate::search::Query;
use leptos::prelude::*;

/// Why a split bundle's search stopped (the console names the file).
const STOPPED_REASON: &str = "a file of the bundle could not be fetched, results are incomplete";

/// A notice under the list's count while the search `text` is not empty
/// and search is not ready.
#[component]
pub fn SearchStatusNotice(text: String) -> impl IntoView {
    let cache = expect_context::<SearchCache>();
    let prefs = use_prefs();
    let has_text = !Query::parse(&text).is_empty();
    let message = Memo::new(move |_| {
        if !has_text {
            return None;
        }
        let locale = prefs.locale.get();
        match cache.status() {
            SearchStatus::Ready => match cache.unchecked() {
                0 => None,
                STOPPED => Some((locale.search_failed(STOPPED_REASON), true)),
                unchecked => Some((locale.checking(unchecked as usize), false)),
            },
            SearchStatus::Indexing { done, total } => Some((locale.indexing(done, total), false)),
            SearchStatus::Failed(reason) => Some((locale.search_failed(&reason), true)),
        }
    });
    // Made once per appearance, so a screen reader hears the progress as
    // one live region rather than a new one per slice.
    let failed = Memo::new(move |_| message.with(|m| m.as_ref().map(|(_, failed)| *failed)));
    // A split bundle's search makes its first results certain; checking
    // every candidate can mean fetching every body, so the reader asks.
    let check_all = move || {
        let unchecked = cache.unchecked();
        (unchecked > 0 && unchecked < STOPPED).then(|| {
            let label = move || prefs.locale.get().text().check_all;
            view! { <button type="button" class="check-all" on:click=move |_| cache.check_all()>{label}</button> }
        })
    };
    move || {
        failed.get().map(|failed| {
            let text = move || message.with(|m| m.as_ref().map(|(text, _)| text.clone()));
            view! {
                <p class="folio-notice search-status" role=if failed { "alert" } else { "status" }>{text} " " {check_all}</p>
            }
        })
    }
}
