//! The line under a title: author, date, reading time, categories, tags.

use crate::age::age;
use crate::app::SharedBundle;
use crate::article::Article;
use crate::i18n::Locale;
use crate::list_markup::MetaLine;
use crate::search::Query;
use leptos::prelude::*;
use maud::Render;

/// A date for display: relative when recent ("3 hours ago"), else the day.
pub fn display_date(date: &str, locale: Locale) -> String {
    let then = js_sys::Date::parse(date);
    if then.is_nan() {
        return date.to_owned();
    }
    locale
        .age(age(then, js_sys::Date::now()))
        .unwrap_or_else(|| date.get(..10).unwrap_or(date).to_owned())
}

/// The meta line of `article`, in `locale`'s words, with the matches of
/// `query` marked in the author and category names (a search matches
/// those too).
pub fn meta_line<'a>(article: &'a Article, locale: Locale, query: &'a Query) -> MetaLine<'a> {
    MetaLine {
        article,
        shown_date: article
            .date
            .as_deref()
            .map(|date| display_date(date, locale)),
        reading_time: locale.reading_time(article.reading_minutes.max(1)),
        query,
    }
}

/// Author (a link to their articles), date, reading time and category paths
/// of the article at `index` (`meta_line`). Static HTML: whoever shows it
/// renders it again when the language changes.
#[component]
pub fn ArticleMeta(
    bundle: SharedBundle,
    index: usize,
    locale: Locale,
    #[prop(optional)] query: Query,
) -> impl IntoView {
    let article = &bundle.bundle.articles[index];
    let html = meta_line(article, locale, &query).render().into_string();
    view! { <p class="meta" inner_html=html></p> }
}
