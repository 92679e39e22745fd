//! A paged list of articles: one page of rows in the DOM, whatever the total.

use crate::app::components::article_row::render_row;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::SharedBundle;
use crate::listing::page_window;
use crate::route::SearchState;
use crate::search::Query;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The rows of `order` (bundle indices), a page at a time, with a pager.
#[component]
pub fn ArticleList(
    bundle: SharedBundle,
    order: Vec<usize>,
    #[prop(optional)] search: SearchState,
) -> impl IntoView {
    let prefs = use_prefs();
    let locale = move || prefs.locale.get();
    let total = order.len();
    let (page, set_page) = signal(0usize);
    let reading = use_reading();
    let query = Query::parse(&search.text);
    // Rows are static HTML (`list_markup`): a new language, or an article
    // read, renders the page of rows again (both are rare while a list is
    // shown).
    let rows = move || {
        let window = page_window(total, page.get());
        let locale = prefs.locale.get();
        reading.0.track();
        let mut html = String::new();
        for &index in &order[window.start..window.end] {
            render_row(&mut html, &bundle, index, &search, &query, locale);
        }
        html
    };
    let pager = move || {
        let window = page_window(total, page.get());
        (window.pages > 1).then(|| {
            view! {
                <nav class="pager" aria-label=locale().text().pages>
                    <button type="button" disabled={window.page == 0} on:click=move |_| set_page.set(window.page - 1)>
                        {locale().text().newer}
                    </button>
                    <span>{locale().range(window.start + 1, window.end, total)}</span>
                    <button type="button" disabled={window.page + 1 >= window.pages} on:click=move |_| set_page.set(window.page + 1)>
                        {locale().text().older}
                    </button>
                </nav>
            }
        })
    };
    view! {
        // Image errors do not bubble: caught on their way down.
        <ol class="article-list" inner_html=rows on:error:capture=hide_failed_image></ol>
        {pager}
    }
}

/// Marks a thumbnail that could not load, which the stylesheet hides.
fn hide_failed_image(event: web_sys::ErrorEvent) {
    let image = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .filter(|element| element.class_list().contains("thumbnail"));
    if let Some(image) = image {
        let _ = image.class_list().add_1("failed");
    }
}
