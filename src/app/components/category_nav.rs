//! The category tree (type › site › channel) with counts, authors and tags.

use crate::app::prefs::use_prefs;
use crate::app::SharedBundle;
use crate::route::Route;
use crate::taxonomy::CategoryNode;
use leptos::prelude::*;

/// Navigation for the whole bundle; `current` is highlighted and its
/// ancestors are open.
#[component]
pub fn CategoryNav(bundle: SharedBundle, current: Route) -> impl IntoView {
    let prefs = use_prefs();
    let text = move || prefs.locale.get().text();
    let total = bundle.bundle.articles.len();
    let current_path = match &current {
        Route::Category(path) => path.clone(),
        _ => Vec::new(),
    };
    let is_all = current == Route::Library;
    let tree = nodes(&bundle.bundle.categories, &[], &current_path);
    let authors: Vec<_> = bundle
        .bundle
        .authors
        .iter()
        .take(30)
        .map(|author| {
            let route = Route::Author(author.name.clone());
            let is_current = route == current;
            view! {
                <li>
                    <a href=route.href() class:current=is_current aria-current=is_current.then_some("page")>
                        <span class="name">{author.name.clone()}</span>
                        <span class="count">{author.count}</span>
                    </a>
                </li>
            }
        })
        .collect();
    view! {
        <div class="category-nav">
            <a class="all-articles" href=Route::Library.href() class:current=is_all aria-current=is_all.then_some("page")>
                <span class="name">{move || text().all_articles}</span>
                <span class="count">{total}</span>
            </a>
            <h2 class="nav-heading">{move || text().categories}</h2>
            <ul class="tree">{tree}</ul>
            <h2 class="nav-heading">{move || text().authors}</h2>
            <ul class="authors">{authors}</ul>
        </div>
    }
}

fn nodes(nodes: &[CategoryNode], parent: &[String], current: &[String]) -> Vec<AnyView> {
    nodes
        .iter()
        .map(|node| {
            let mut path = parent.to_vec();
            path.push(node.name.clone());
            let is_current = path == current;
            let is_open = current.starts_with(&path);
            let link = view! {
                <a href=Route::Category(path.clone()).href() class:current=is_current aria-current=is_current.then_some("page")>
                    <span class="name">{node.name.clone()}</span>
                    <span class="count">{node.count}</span>
                </a>
            };
            if node.children.is_empty() {
                view! { <li>{link}</li> }.into_any()
            } else {
                let children = self::nodes(&node.children, &path, current);
                view! {
                    <li>
                        <details open=is_open>
                            <summary>{link}</summary>
                            <ul>{children}</ul>
                        </details>
                    </li>
                }
                .into_any()
            }
        })
        .collect()
}
