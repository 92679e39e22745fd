//! A paged list of articles: one page of rows in the DOM, whatever the total.

use crate::app::components::article_row::ArticleRow;
use crate::app::prefs::use_prefs;
use crate::app::SharedBundle;
use crate::listing::page_window;
use crate::route::SearchState;
use leptos::prelude::*;

/// The rows of `order` (bundle indices), a page at a time, with a pager.
/// Rows are keyed by article: one that is still listed after the search
/// changes keeps its element (and its loaded thumbnail); only its marks
/// change.
#[component]
pub fn ArticleList(
    bundle: SharedBundle,
    order: Memo<Vec<usize>>,
    search: Memo<SearchState>,
) -> impl IntoView {
    let prefs = use_prefs();
    let locale = move || prefs.locale.get();
    let (page, set_page) = signal(0usize);
    // New results start on their first page.
    Effect::new(move |_| {
        order.track();
        if page.get_untracked() != 0 {
            set_page.set(0);
        }
    });
    let total = move || order.with(Vec::len);
    let window = move || page_window(total(), page.get());
    let rows = move || {
        let window = window();
        order.with(|order| order[window.start..window.end].to_vec())
    };
    let pager = move || {
        let window = window();
        (window.pages > 1).then(|| {
            view! {
                <nav class="pager" aria-label=locale().text().pages>
                    <button type="button" disabled={window.page == 0} on:click=move |_| set_page.set(window.page - 1)>
                        {locale().text().newer}
                    </button>
                    <span>{locale().range(window.start + 1, window.end, total())}</span>
                    <button type="button" disabled={window.page + 1 >= window.pages} on:click=move |_| set_page.set(window.page + 1)>
                        {locale().text().older}
                    </button>
                </nav>
            }
        })
    };
    view! {
        <ol class="article-list">
            <For each=rows key=|index| *index let:index>
                <ArticleRow bundle=bundle.clone() index=index search=search />
            </For>
        </ol>
        {pager}
    }
}
