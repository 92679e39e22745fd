//! The category tree (type › site › channel) with counts, the authors and
//! the tags.

use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::{SearchCache, SharedBundle};
use crate::listing::retain_filtered;
use crate::route::{with_search, Route, SearchState};
use crate::search::Query;
use crate::taxonomy::{
    author_counts_of, category_tree_of, count_at, tag_counts_of, CategoryNode, NameCount,
};
use leptos::prelude::*;

/// Counts while a search is active: of the matching articles only.
#[derive(PartialEq)]
struct SearchCounts {
    total: usize,
    categories: Vec<CategoryNode>,
    authors: Vec<NameCount>,
    tags: Vec<NameCount>,
}

fn search_counts(bundle: &SharedBundle, search: &SearchState) -> Option<SearchCounts> {
    if !search.is_active() {
        return None;
    }
    let has_text = !Query::parse(&search.text).is_empty();
    let articles = &bundle.bundle.articles;
    let mut order: Vec<usize> = if has_text {
        expect_context::<SearchCache>()
            .hits(bundle, &search.text)
            .iter()
            .map(|hit| hit.index)
            .collect()
    } else {
        (0..articles.len()).collect()
    };
    use_reading()
        .0
        .with_untracked(|state| retain_filtered(&mut order, articles, search, state));
    let matched: Vec<&crate::article::Article> = order.iter().map(|&i| &articles[i]).collect();
    Some(SearchCounts {
        total: matched.len(),
        categories: category_tree_of(matched.iter().copied()),
        authors: author_counts_of(matched.iter().copied()),
        tags: tag_counts_of(matched.iter().copied()),
    })
}

/// Navigation for the whole bundle, made once and kept while the reader
/// moves and types (so branches they opened stay open): `current` is
/// highlighted and its ancestors open; with a search, links keep it and
/// counts are of the matching articles.
#[component]
pub fn CategoryNav(
    bundle: SharedBundle,
    current: Memo<Route>,
    search: Memo<SearchState>,
) -> impl IntoView {
    let counts = Memo::new({
        let bundle = bundle.clone();
        move |_| search.with(|search| search_counts(&bundle, search))
    });
    let prefs = use_prefs();
    let reading = use_reading();
    let text = move || prefs.locale.get().text();
    let all_count = bundle.bundle.articles.len();
    let total = move || counts.with(|c| c.as_ref().map_or(all_count, |c| c.total));
    let tree = nodes(&bundle.bundle.categories, &[], current, search, counts);
    // The 30 most used of each: a long tail of names helps nobody find
    // anything in a sidebar (search does that).
    let named_links = |all: &[NameCount],
                       matching: fn(&SearchCounts) -> &Vec<NameCount>,
                       route: fn(String) -> Route| {
        all.iter()
            .take(30)
            .map(|named| {
                let route = route(named.name.clone());
                let name = named.name.clone();
                let count = named.count;
                let count = move || {
                    counts.with(|c| {
                        c.as_ref().map_or(count, |c| {
                            matching(c)
                                .iter()
                                .find(|m| m.name == name)
                                .map_or(0, |m| m.count)
                        })
                    })
                };
                view! {
                    <li>
                        <NavLink route=route name=named.name.clone() count=count current=current search=search />
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let authors = named_links(&bundle.bundle.authors, |c| &c.authors, Route::Author);
    let tags = named_links(&bundle.tags, |c| &c.tags, Route::Tag);
    let tags = (!tags.is_empty()).then(|| {
        view! {
            <h2 class="nav-heading">{move || text().tags}</h2>
            <ul class="authors tags">{tags}</ul>
        }
    });
    let is_starred = move || current.with(|route| *route == Route::Starred);
    view! {
        <div class="category-nav">
            <NavLink route=Route::Library name=text().all_articles.to_owned() count=total current=current search=search />
            <a href=Route::Starred.href() class="starred-link" class:current=is_starred aria-current=move || is_starred().then_some("page")>
                <span class="name">{move || text().starred}</span>
                <span class="count">{move || reading.0.with(|state| state.starred.len())}</span>
            </a>
            <h2 class="nav-heading">{move || text().categories}</h2>
            <ul class="tree">{tree}</ul>
            <h2 class="nav-heading">{move || text().authors}</h2>
            <ul class="authors">{authors}</ul>
            {tags}
        </div>
    }
}

/// A link to `route` that keeps the search, with its name and count, marked
/// when it is where the reader is.
#[component]
fn NavLink(
    route: Route,
    name: String,
    count: impl Fn() -> usize + Send + Sync + 'static,
    current: Memo<Route>,
    search: Memo<SearchState>,
) -> impl IntoView {
    let route = StoredValue::new(route);
    let href = move || route.with_value(|route| search.with(|search| with_search(route, search)));
    let is_current = move || route.with_value(|route| current.with(|current| current == route));
    view! {
        <a href=href class:current=is_current aria-current=move || is_current().then_some("page")>
            <span class="name">{name}</span>
            <span class="count">{count}</span>
        </a>
    }
}

fn nodes(
    nodes: &[CategoryNode],
    parent: &[String],
    current: Memo<Route>,
    search: Memo<SearchState>,
    counts: Memo<Option<SearchCounts>>,
) -> Vec<AnyView> {
    nodes
        .iter()
        .map(|node| {
            let mut path = parent.to_vec();
            path.push(node.name.clone());
            let count = node.count;
            let count = {
                let path = path.clone();
                move || counts.with(|c| c.as_ref().map_or(count, |c| count_at(&c.categories, &path)))
            };
            let link = view! {
                <NavLink route=Route::Category(path.clone()) name=node.name.clone() count=count current=current search=search />
            };
            if node.children.is_empty() {
                return view! { <li class="leaf">{link}</li> }.into_any();
            }
            // A button beside the link, not a <summary> around it: a link
            // inside a disclosure control is a nested interactive control.
            // Open where the reader is; what they open stays open.
            let (open, set_open) = signal(false);
            let leads_here = {
                let path = path.clone();
                move || current.with(|route| matches!(route, Route::Category(at) if at.starts_with(&path)))
            };
            Effect::new(move |_| {
                if leads_here() {
                    set_open.set(true);
                }
            });
            let children = self::nodes(&node.children, &path, current, search, counts);
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
