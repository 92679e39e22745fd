//! The category tree (type › site › channel) with counts, and the authors.

use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::SharedBundle;
use crate::route::Route;
use crate::taxonomy::CategoryNode;
use leptos::prelude::*;

/// Navigation for the whole bundle; `current` is highlighted and its
/// ancestors are open.
#[component]
pub fn CategoryNav(bundle: SharedBundle, current: Route) -> impl IntoView {
    let prefs = use_prefs();
    let reading = use_reading();
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
                    <NavLink href=route.href() name=author.name.clone() count=author.count is_current=is_current />
                </li>
            }
        })
        .collect();
    view! {
        <div class="category-nav">
            <NavLink href=Route::Library.href() name=text().all_articles.to_owned() count=total is_current=is_all />
            <a href=Route::Starred.href() class="starred-link" class:current=current == Route::Starred aria-current=(current == Route::Starred).then_some("page")>
                <span class="name">{move || text().starred}</span>
                <span class="count">{move || reading.0.with(|state| state.starred.len())}</span>
            </a>
            <h2 class="nav-heading">{move || text().categories}</h2>
            <ul class="tree">{tree}</ul>
            <h2 class="nav-heading">{move || text().authors}</h2>
            <ul class="authors">{authors}</ul>
        </div>
    }
}

/// A name and its count, marked when it is where the reader is.
#[component]
fn NavLink(href: String, name: String, count: usize, is_current: bool) -> impl IntoView {
    view! {
        <a href=href class:current=is_current aria-current=is_current.then_some("page")>
            <span class="name">{name}</span>
            <span class="count">{count}</span>
        </a>
    }
}

fn nodes(nodes: &[CategoryNode], parent: &[String], current: &[String]) -> Vec<AnyView> {
    nodes
        .iter()
        .map(|node| {
            let mut path = parent.to_vec();
            path.push(node.name.clone());
            let is_current = path == current;
            let link = view! {
                <NavLink href=Route::Category(path.clone()).href() name=node.name.clone() count=node.count is_current=is_current />
            };
            if node.children.is_empty() {
                return view! { <li class="leaf">{link}</li> }.into_any();
            }
            // A button beside the link, not a <summary> around it: a link
            // inside a disclosure control is a nested interactive control.
            let (open, set_open) = signal(current.starts_with(&path));
            let children = self::nodes(&node.children, &path, current);
            view! {
                <li>
                    <div class="branch">
                        <button
                            type="button"
                            class="twisty"
                            aria-expanded=move || open.get().to_string()
                            aria-label=node.name.clone()
                            on:click=move |_| set_open.update(|open| *open = !*open)
                        >
                            {move || if open.get() { "▾" } else { "▸" }}
                        </button>
                        {link}
                    </div>
                    <ul class:closed=move || !open.get()>{children}</ul>
                </li>
            }
            .into_any()
        })
        .collect()
}
