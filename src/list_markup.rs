//! The HTML of a list's rows and of an article's meta line, built as one
//! string with maud, which escapes every value spliced in: titles, names
//! and URLs come from the bundle, and nothing in them may become markup.
//!
//! Why a string and not a Leptos view per row: a list is made again on
//! every keystroke, and a view per row cost about 40 calls from wasm into
//! the DOM (elements, attributes, texts, a listener): about 9 ms of a
//! 12.5 ms keystroke at 10,000 articles on the ninth session's machine,
//! with disposing of the last list's views. One `innerHTML` lets the
//! browser's parser make the same elements (3.9 ms there).

use crate::article::Article;
use crate::route::Route;
use crate::search::matcher::highlight;
use crate::search::Query;
use maud::{html, Render};

/// Text cut into runs (`search::highlight`, `search::snippet`), the
/// matches in `<mark>`.
pub struct Marked<'a>(pub &'a [(String, bool)]);

impl Render for Marked<'_> {
    fn render_to(&self, out: &mut String) {
        for (text, is_match) in self.0 {
            match is_match {
                true => html! { mark { (text) } }.render_to(out),
                false => text.as_str().render_to(out),
            }
        }
    }
}

/// The inside of an article's meta line: author (a link to their
/// articles), date, reading time, category paths (a link per level) and
/// tags, the matches of `query` marked in the author and category names.
pub struct MetaLine<'a> {
    /// Whose line it is.
    pub article: &'a Article,
    /// The date as shown (relative or the day, in the reader's language);
    /// the article's own date goes in `datetime`.
    pub shown_date: Option<String>,
    /// "3 min read", in the reader's language.
    pub reading_time: String,
    /// The search whose matches are marked (blank: none).
    pub query: &'a Query,
}

impl Render for MetaLine<'_> {
    fn render_to(&self, out: &mut String) {
        let article = self.article;
        let marked = |name: &str| {
            let runs = highlight(name, self.query);
            html! { (Marked(&runs)) }
        };
        html! {
            @if let Some(name) = &article.author {
                a.author href=(Route::Author(name.clone()).href()) { (marked(name)) }
            }
            @if let (Some(date), Some(shown)) = (&article.date, &self.shown_date) {
                time datetime=(date) { (shown) }
            }
            span.reading-time { (self.reading_time) }
            @for path in &article.categories {
                span.category-path {
                    @for depth in 1..=path.len() {
                        a href=(Route::Category(path[..depth].to_vec()).href()) {
                            (marked(&path[depth - 1]))
                        }
                    }
                }
            }
            @for tag in &article.tags {
                a.tag href=(Route::Tag(tag.clone()).href()) { "#" (tag) }
            }
        }
        .render_to(out);
    }
}

/// One row of an article list: title (a link to the article), meta line,
/// excerpt or snippet, thumbnail; the matches of the meta line's query
/// marked in the title and the excerpt.
pub struct Row<'a> {
    /// The link to the article, keeping the list's search.
    pub href: String,
    /// Runs cut around the first match in the body (`search::snippet`),
    /// shown instead of the excerpt when there is one.
    pub snippet: Option<Vec<(String, bool)>>,
    /// The line under the title; its article and query are the row's.
    pub meta: MetaLine<'a>,
    /// Whether the reader has not opened the article yet.
    pub unread: bool,
}

impl Render for Row<'_> {
    fn render_to(&self, out: &mut String) {
        let MetaLine { article, query, .. } = self.meta;
        let title = highlight(&article.title, query);
        let excerpt = match &self.snippet {
            Some(snippet) => html! { (Marked(snippet)) },
            None => html! { (Marked(&highlight(&article.excerpt, query))) },
        };
        html! {
            li.article-row.unread[self.unread] {
                div.row-text {
                    h2.row-title { a href=(self.href) { (Marked(&title)) } }
                    p.meta { (self.meta) }
                    p.excerpt { (excerpt) }
                }
                @if let Some(src) = article.list_image() {
                    img.thumbnail alt="" loading="lazy" referrerpolicy="no-referrer" src=(src);
                }
            }
        }
        .render_to(out);
    }
}

#[cfg(test)]
mod tests;
