//! The line under a title: author, date, reading time, categories, tags.

use crate::age::age;
use crate::app::components::highlighted::Highlighted;
use crate::app::SharedBundle;
use crate::i18n::Locale;
use crate::route::Route;
use crate::search::matcher::highlight;
use crate::search::Query;
use leptos::prelude::*;

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

/// Author (a link to their articles), date, reading time and category paths
/// of the article at `index`, in `locale`'s words, with the matches of
/// `query` marked in the author and category names (a search matches those
/// too). Static text: whoever shows it renders it again when the language
/// changes (a list shows 25 of these per keystroke, and each reactive text
/// would be an effect to make and dispose of).
#[component]
pub fn ArticleMeta(
    bundle: SharedBundle,
    index: usize,
    locale: Locale,
    #[prop(optional)] query: Query,
) -> impl IntoView {
    let article = &bundle.bundle.articles[index];
    let minutes = article.reading_minutes.max(1);
    let marked = |name: &str| highlight(name, &query);
    let author = article.author.as_deref().map(|name| {
        let href = Route::Author(name.to_owned()).href();
        view! { <a class="author" href=href><Highlighted runs=marked(name) /></a> }
    });
    let date = article.date.clone().map(|date| {
        let shown = display_date(&date, locale);
        view! { <time datetime=date>{shown}</time> }
    });
    let categories: Vec<_> = article
        .categories
        .iter()
        .map(|path| {
            let links: Vec<_> = (1..=path.len())
                .map(|depth| {
                    let name = marked(&path[depth - 1]);
                    let href = Route::Category(path[..depth].to_vec()).href();
                    view! { <a href=href><Highlighted runs=name /></a> }
                })
                .collect();
            view! { <span class="category-path">{links}</span> }
        })
        .collect();
    let tags: Vec<_> = article
        .tags
        .iter()
        .map(|tag| {
            let href = Route::Tag(tag.clone()).href();
            view! { <a class="tag" href=href>"#" {tag.clone()}</a> }
        })
        .collect();
    view! {
        <p class="meta">
            {author}
            {date}
            <span class="reading-time">{locale.reading_time(minutes)}</span>
            {categories}
            {tags}
        </p>
    }
}
