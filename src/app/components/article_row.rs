//! One row of the article list, as HTML (`list_markup`): the list makes all
//! its rows in one `innerHTML`.

use crate::app::components::article_meta::meta_line;
use crate::app::reading::use_reading;
use crate::app::SearchCache;
use crate::app::SharedBundle;
use crate::i18n::Locale;
use crate::list_markup::Row;
use crate::route::{with_search, Route, SearchState};
use crate::search::Query;
use leptos::prelude::*;
use maud::Render;

/// Appends to `html` the row of the article at `index`: title, meta line,
/// thumbnail and excerpt; with a search (`query` is `search`'s text, parsed
/// once for the whole list), matches are marked, and the excerpt becomes a
/// snippet around the first match in the body where the search module has
/// that body (for the first hits that match in the body only, it fetches
/// it).
pub fn render_row(
    html: &mut String,
    bundle: &SharedBundle,
    index: usize,
    search: &SearchState,
    query: &Query,
    locale: Locale,
) {
    let article = &bundle.bundle.articles[index];
    let snippet = (!query.is_empty())
        .then(|| expect_context::<SearchCache>().snippet(bundle, index, &search.text))
        .flatten();
    // Read untracked: the list renders its rows again when what was read
    // changes (`ArticleList`).
    let unread = use_reading()
        .0
        .with_untracked(|state| !state.is_read(&article.id));
    Row {
        href: with_search(&Route::Article(article.id.clone()), search),
        snippet,
        meta: meta_line(article, locale, query),
        unread,
    }
    .render_to(html);
}
