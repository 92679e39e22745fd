//! The line under a title: author, date, reading time, categories.

use crate::age::age;
use crate::app::SharedBundle;
use crate::route::Route;
use leptos::prelude::*;

/// A date for display: relative when recent ("3 hours ago"), else the day.
pub fn display_date(date: &str) -> String {
    let then = js_sys::Date::parse(date);
    if then.is_nan() {
        return date.to_owned();
    }
    age(then, js_sys::Date::now())
        .english()
        .unwrap_or_else(|| date.get(..10).unwrap_or(date).to_owned())
}

/// Author (a link to their articles), date, reading time and category paths
/// of the article at `index`.
#[component]
pub fn ArticleMeta(bundle: SharedBundle, index: usize) -> impl IntoView {
    let article = &bundle.bundle.articles[index];
    let author = article.author.clone().map(|name| {
        let href = Route::Author(name.clone()).href();
        view! { <a class="author" href=href>{name}</a> }
    });
    let date = article.date.clone().map(|date| {
        view! { <time datetime=date.clone()>{display_date(&date)}</time> }
    });
    let categories: Vec<_> = article
        .categories
        .iter()
        .map(|path| {
            let links: Vec<_> = (1..=path.len())
                .map(|depth| {
                    let name = path[depth - 1].clone();
                    let href = Route::Category(path[..depth].to_vec()).href();
                    view! { <a href=href>{name}</a> }
                })
                .collect();
            view! { <span class="category-path">{links}</span> }
        })
        .collect();
    view! {
        <p class="meta">
            {author}
            {date}
            <span class="reading-time">{format!("{} min read", article.reading_minutes.max(1))}</span>
            {categories}
        </p>
    }
}
