//! A paged list of articles: one page of rows in the DOM, whatever the total.

use crate::app::components::article_row::ArticleRow;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::SharedBundle;
use crate::listing::page_window;
use crate::route::SearchState;
use crate::search::Query;
use leptos::prelude::*;

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
    // Rows are static: a new language, or an article read, renders the page
    // of rows again (both are rare while a list is shown), instead of every
    // row keeping effects of its own, which each keystroke's list made and
    // disposed of.
    let rows = move || {
        let window = page_window(total, page.get());
        let locale = prefs.locale.get();
        reading.0.track();
        order[window.start..window.end]
            .iter()
            .map(|&index| {
                view! {
                    <ArticleRow
                        bundle=bundle.clone()
                        index=index
                        search=search.clone()
                        query=query.clone()
                        locale=locale
                    />
                }
            })
            .collect::<Vec<_>>()
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
        <ol class="article-list">{rows}</ol>
        {pager}
    }
}
