//! The category tree (type › site › channel) with counts, the authors and
//! the tags.

use crate::app::pages::searched;
use crate::app::prefs::use_prefs;
use crate::app::reading::use_reading;
use crate::app::{SearchCache, SharedBundle};
use crate::listing::listed;
use crate::route::{with_search, Route, SearchState};
use crate::taxonomy::{CategoryNode, NameCount, NavCounts, NavTally};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// Counts while a search is active: of the matching articles only.
fn search_counts<'a>(
    bundle: &SharedBundle,
    search: &SearchState,
    tally: &'a NavTally,
) -> NavCounts<'a> {
    let hits = search
        .has_text()
        .then(|| expect_context::<SearchCache>().hits(bundle, &search.text));
    let order = use_reading().0.with_untracked(|state| {
        listed(
            &bundle.bundle.articles,
            hits.as_deref().map(Vec::as_slice),
            |_| true,
            search,
            state,
        )
    });
    tally.count(&mut order.into_iter())
}

/// The search the navigation follows: `search` (and the completion of its
/// results), set again only after the list has been painted. A keystroke's
/// frame then holds the new list alone, the counts follow in the next task,
/// and keystrokes faster than that rebuild the navigation once.
pub fn search_after_paint(search: Memo<SearchState>) -> ReadSignal<SearchState> {
    let (after_paint, set_after_paint) = signal(search.get_untracked());
    let scheduled = StoredValue::new(false);
    Effect::new(move |ran_before: Option<()>| {
        searched(search);
        if ran_before.is_none() || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        // A timeout from the frame callback runs after that frame's paint.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    scheduled.try_set_value(false);
                    if let Some(latest) = search.try_get_untracked() {
                        set_after_paint.try_set(latest);
                    }
                },
                Duration::ZERO,
            )
        });
    });
    after_paint
}

/// Navigation for the whole bundle; `current` is highlighted and its
/// ancestors are open. With a search (`search`), links keep it and counts
/// are of the matching articles.
#[component]
pub fn CategoryNav(
    bundle: SharedBundle,
    current: Route,
    search: SearchState,
    memory: NavMemory,
) -> impl IntoView {
    // Inside a category, an author or tag narrows it (`#/c/…?author=…`);
    // elsewhere each leads to that author's or tag's own list.
    let category_route = match &current {
        Route::Category(path) => Some(path.clone()),
        _ => None,
    };
    let in_category = category_route.is_some();
    // Without a search the bundle's own counts are shown: no tally needed
    // (the first list does not wait for it). A category page's authors and
    // tags are counted once the tally is made (after the first list).
    let tally = match (search.is_active(), in_category) {
        (true, _) => Some(memory.tally_of(&bundle)),
        (false, true) => memory.made_tally(&bundle),
        (false, false) => None,
    };
    // Each link counts what it lists: a chosen category, author or tag does
    // not narrow the links of its own kind (beside each author, what
    // choosing that one instead gives, not 0), and inside a category the
    // authors and tags count the category's articles.
    let unchosen = |unchoose: fn(&mut SearchState)| {
        let mut other = search.clone();
        unchoose(&mut other);
        other
    };
    let category_links = unchosen(|s| s.category = None);
    let within = |mut other: SearchState| {
        other.category = category_route.clone().or(other.category);
        other
    };
    let author_links = unchosen(|s| s.author = None);
    let tag_links = unchosen(|s| s.tag = None);
    let wanted = [
        search.is_active().then(|| search.clone()),
        search.category.is_some().then(|| category_links.clone()),
        (search.author.is_some() || in_category).then(|| within(author_links.clone())),
        (search.tag.is_some() || in_category).then(|| within(tag_links.clone())),
    ];
    // Each distinct state counted once (on a category page the authors'
    // and the tags' are the same).
    let mut distinct: Vec<&SearchState> = Vec::new();
    let slots = wanted.each_ref().map(|state| {
        let state = state.as_ref()?;
        Some(match distinct.iter().position(|seen| *seen == state) {
            Some(at) => at,
            None => {
                distinct.push(state);
                distinct.len() - 1
            }
        })
    });
    let made: Vec<NavCounts> = match tally.as_deref() {
        Some(tally) => distinct
            .iter()
            .map(|state| search_counts(&bundle, state, tally))
            .collect(),
        None => Vec::new(),
    };
    let [counts, category_counts, author_counts, tag_counts] =
        slots.map(|slot| slot.and_then(|at| made.get(at)));
    let prefs = use_prefs();
    let reading = use_reading();
    let text = move || prefs.locale.get().text();
    let total = counts.map_or(bundle.bundle.articles.len(), NavCounts::total);
    let current_path = match &current {
        Route::Category(path) => path.clone(),
        _ => search.category.clone().unwrap_or_default(),
    };
    let is_all = current == Route::Library && !search.has_places();
    let tree = nodes(
        &bundle.bundle.categories,
        &[],
        &current_path,
        &category_links,
        category_counts.or(counts),
        memory.opened,
    );
    // The 30 most used of each: a long tail of names helps nobody find
    // anything in a sidebar (search does that).
    let named_links = |all: &[NameCount],
                       counts: Option<&NavCounts>,
                       count_of: &dyn Fn(&NavCounts, &str) -> usize,
                       route: fn(String) -> Route,
                       unchosen: &SearchState,
                       chosen: fn(&mut SearchState) -> &mut Option<String>| {
        let chosen_name = chosen(&mut search.clone()).take();
        all.iter()
            .take(30)
            .map(|named| {
                let name = &named.name;
                let route = route(name.clone());
                let is_chosen = chosen_name.as_ref() == Some(name);
                let href = if in_category {
                    // The chosen one again undoes the choice.
                    let mut narrowed = unchosen.clone();
                    *chosen(&mut narrowed) = (!is_chosen).then(|| name.clone());
                    with_search(&current, &narrowed)
                } else {
                    with_search(&route, unchosen)
                };
                let count = counts.map_or(named.count, |counts| count_of(counts, name));
                view! {
                    <li>
                        <NavLink href=href name=name.clone() count=count is_current=route == current || is_chosen />
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let authors = named_links(
        &bundle.bundle.authors,
        author_counts.or(counts),
        &|c, name| c.author(name),
        Route::Author,
        &author_links,
        |s| &mut s.author,
    );
    let tags = named_links(
        &bundle.tags,
        tag_counts.or(counts),
        &|c, name| c.tag(name),
        Route::Tag,
        &tag_links,
        |s| &mut s.tag,
    );
    let tags = (!tags.is_empty()).then(|| {
        view! {
            <h2 class="nav-heading">{move || text().tags}</h2>
            <ul class="authors tags">{tags}</ul>
        }
    });
    view! {
        <div class="category-nav">
            <NavLink href=with_search(&Route::Library, &search) name=text().all_articles.to_owned() count=total is_current=is_all />
            <a href=Route::Starred.href() class="starred-link" class:current=current == Route::Starred aria-current=(current == Route::Starred).then_some("page")>
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

/// What the navigation keeps across its rebuilds (it is made again for
/// every search and route); made once per viewer.
#[derive(Clone, Copy)]
pub struct NavMemory {
    /// The category paths whose branches the reader opened by hand, so
    /// that what the reader opened stays open while they type.
    opened: StoredValue<Vec<Vec<String>>>,
    /// The bundle's articles' places, found once per bundle (counting a
    /// search's matches by names took 39 ms at 100,000 natively); shared
    /// with a navigation only once complete.
    tally: StoredValue<Option<(SharedBundle, Arc<NavTally>)>, LocalStorage>,
    /// Whether the tally of the current bundle is made: a category page
    /// shown before it was counts its authors and tags once it is.
    made: RwSignal<bool>,
}

/// Articles tallied per task while the reader is not waiting (37 ms for
/// 100,000 natively; made in one go, the bundle's longest task while
/// indexing was 121 ms, and 52 ms once sliced).
const TALLY_SLICE: usize = 5_000;

impl Default for NavMemory {
    /// Nothing opened, nothing counted yet.
    fn default() -> NavMemory {
        NavMemory {
            opened: StoredValue::new(Vec::new()),
            tally: StoredValue::new_local(None),
            made: RwSignal::new(false),
        }
    }
}

impl NavMemory {
    /// Tallies `bundle`'s articles a slice per task, so that the first
    /// search does not wait for it.
    pub fn prepare_later(self, bundle: SharedBundle) {
        set_timeout(
            move || match self.tally_some(&bundle, TALLY_SLICE) {
                Some(false) => {
                    if self.made.get_untracked() {
                        self.made.set(false);
                    }
                    self.prepare_later(bundle);
                }
                Some(true) if !self.made.get_untracked() => self.made.set(true),
                _ => {}
            },
            Duration::ZERO,
        );
    }

    /// Whether the tally is made, tracked: a navigation made in a closure
    /// that asks is made again once it is.
    pub fn is_made(self) -> bool {
        self.made.get()
    }

    /// The whole tally of `bundle` if it is made already.
    fn made_tally(self, bundle: &SharedBundle) -> Option<Arc<NavTally>> {
        self.tally
            .try_with_value(|tally| match tally {
                Some((of, made))
                    if Arc::ptr_eq(of, bundle) && made.len() >= bundle.bundle.articles.len() =>
                {
                    Some(made.clone())
                }
                _ => None,
            })
            .flatten()
    }

    /// The whole tally of `bundle`, finishing it now if need be.
    fn tally_of(self, bundle: &SharedBundle) -> Arc<NavTally> {
        self.tally_some(bundle, usize::MAX);
        let made = self
            .tally
            .try_with_value(|tally| tally.as_ref().map(|(_, made)| made.clone()));
        // Only a viewer being unmounted has none; it shows nothing more.
        made.flatten().unwrap_or_default()
    }

    /// Tallies up to `count` more articles of `bundle` (afresh for another
    /// bundle); whether the tally is complete, `None` once the viewer is gone.
    fn tally_some(self, bundle: &SharedBundle, count: usize) -> Option<bool> {
        self.tally.try_update_value(|tally| {
            let (_, made) = match tally {
                Some((of, made)) if Arc::ptr_eq(of, bundle) => tally.as_mut()?,
                _ => tally.insert((bundle.clone(), Arc::default())),
            };
            // Not shared until complete: only `tally_of` hands it out.
            match Arc::get_mut(made) {
                Some(making) => Some(making.extend_up_to(&bundle.bundle.articles, count)),
                None => Some(true),
            }
        })?
    }
}

type OpenedBranches = StoredValue<Vec<Vec<String>>>;

fn nodes(
    nodes: &[CategoryNode],
    parent: &[String],
    current: &[String],
    search: &SearchState,
    counts: Option<&NavCounts>,
    opened: OpenedBranches,
) -> Vec<AnyView> {
    nodes
        .iter()
        .map(|node| {
            let mut path = parent.to_vec();
            path.push(node.name.clone());
            let is_current = path == current;
            let count = counts.map_or(node.count, |counts| counts.category(&path));
            let link = view! {
                <NavLink href=with_search(&Route::Category(path.clone()), search) name=node.name.clone() count=count is_current=is_current />
            };
            if node.children.is_empty() {
                return view! { <li class="leaf">{link}</li> }.into_any();
            }
            // A button beside the link, not a <summary> around it: a link
            // inside a disclosure control is a nested interactive control.
            let by_hand = opened.with_value(|opened| opened.contains(&path));
            let (open, set_open) = signal(by_hand || current.starts_with(&path));
            let children = self::nodes(&node.children, &path, current, search, counts, opened);
            let toggle = move |_| {
                let now_open = !open.get_untracked();
                set_open.set(now_open);
                opened.update_value(|opened| {
                    opened.retain(|p| *p != path);
                    if now_open {
                        opened.push(path.clone());
                    }
                });
            };
            view! {
                <li>
                    <div class="branch">
                        <button
                            type="button"
                            class="twisty"
                            aria-expanded=move || open.get().to_string()
                            aria-label=node.name.clone()
                            on:click=toggle
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
