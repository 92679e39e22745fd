//! What the article list shows: which articles, in which order, which page,
//! and an article's neighbours. DOM-free, so the viewer stays a thin layer.

use crate::article::Article;
use crate::reading_state::ReadingState;
use crate::route::{Route, SearchState};
use crate::search::Hit;

/// Rows per page of the list: three or four screens of it on a desktop,
/// few enough that a keystroke's new list is made and laid out within a
/// frame or two. Rendering the rows is most of a keystroke's work: at
/// 10,000 articles, on a machine where 50 rows gave a warm p95 of 26–50 ms
/// and tasks over 50 ms in most runs, 25 gave 18–28 ms and none (single
/// runs, alternating; BENCHMARKS.md).
pub const PAGE_SIZE: usize = 25;

/// Which articles a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Every article.
    All,
    /// Articles with a category path starting with this one.
    Category(Vec<String>),
    /// Articles by this author.
    Author(String),
    /// Articles with this tag.
    Tag(String),
}

impl Filter {
    /// The filter a list route names; `None` for routes that are not lists.
    pub fn from_route(route: &Route) -> Option<Filter> {
        match route {
            Route::Library => Some(Filter::All),
            Route::Category(path) => Some(Filter::Category(path.clone())),
            Route::Author(name) => Some(Filter::Author(name.clone())),
            Route::Tag(name) => Some(Filter::Tag(name.clone())),
            // Starred depends on the reader's state, not on the bundle: the
            // viewer lists it with `newest_first_where`.
            Route::Article(_) | Route::Starred | Route::Unknown(_) => None,
        }
    }

    /// The list's heading, and the links above it that lead back up (the
    /// breadcrumb: all articles, then each parent category), as (text, hash).
    /// `all_articles` is the interface's name for the whole list.
    ///
    /// ```
    /// use folio::listing::Filter;
    /// let filter = Filter::Category(vec!["新媒体".into(), "观察者网".into()]);
    /// let (heading, crumbs) = filter.heading_and_breadcrumb("All articles");
    /// assert_eq!(heading, "观察者网");
    /// assert_eq!(crumbs[1], ("新媒体".to_owned(), "#/c/%E6%96%B0%E5%AA%92%E4%BD%93".to_owned()));
    /// ```
    pub fn heading_and_breadcrumb(&self, all_articles: &str) -> (String, Vec<(String, String)>) {
        let all = (all_articles.to_owned(), Route::Library.href());
        match self {
            Filter::All => (all_articles.to_owned(), vec![]),
            Filter::Category(path) => {
                let mut crumbs = vec![all];
                crumbs.extend((1..path.len()).map(|depth| {
                    (
                        path[depth - 1].clone(),
                        Route::Category(path[..depth].to_vec()).href(),
                    )
                }));
                (path.last().cloned().unwrap_or_default(), crumbs)
            }
            Filter::Author(name) => (name.clone(), vec![all]),
            Filter::Tag(name) => (format!("#{name}"), vec![all]),
        }
    }

    /// Whether `article` belongs in the list.
    pub fn matches(&self, article: &Article) -> bool {
        match self {
            Filter::All => true,
            Filter::Category(path) => article
                .categories
                .iter()
                .any(|candidate| candidate.starts_with(path)),
            Filter::Author(name) => article.author.as_deref() == Some(name.as_str()),
            Filter::Tag(name) => article.tags.iter().any(|tag| tag == name),
        }
    }
}

/// Indices of the articles `filter` keeps, newest first.
pub fn newest_first(articles: &[Article], filter: &Filter) -> Vec<usize> {
    newest_first_where(articles, |article| filter.matches(article))
}

/// Indices of the articles `keep` accepts, newest first. `articles` is in
/// bundle order (oldest first), so this is a reversed scan with no sorting.
pub fn newest_first_where(articles: &[Article], keep: impl Fn(&Article) -> bool) -> Vec<usize> {
    (0..articles.len())
        .rev()
        .filter(|&index| keep(&articles[index]))
        .collect()
}

/// The articles a list shows (bundle indices), in its order: with a text
/// search its `hits`, ranked; otherwise every article, newest first. Either
/// way only those `keep` accepts (the list's category, author or tag, or
/// starred) that pass the search's other filters.
pub fn listed(
    articles: &[Article],
    hits: Option<&[Hit]>,
    keep: impl Fn(&Article) -> bool,
    search: &SearchState,
    reading: &ReadingState,
) -> Vec<usize> {
    let mut order = match hits {
        Some(hits) => hits
            .iter()
            .map(|hit| hit.index)
            .filter(|&index| keep(&articles[index]))
            .collect(),
        None => newest_first_where(articles, keep),
    };
    retain_filtered(&mut order, articles, search, reading);
    order
}

/// The category, author and tag `search` narrows a list to (`c=`,
/// `author=`, `tag=`), as filters an article must all pass.
pub fn place_filters(search: &SearchState) -> Vec<Filter> {
    let category = search.category.clone().map(Filter::Category);
    let author = search.author.clone().map(Filter::Author);
    let tag = search.tag.clone().map(Filter::Tag);
    [category, author, tag].into_iter().flatten().collect()
}

/// Keeps in `order` (bundle indices) the articles that pass `search`'s
/// filters besides its text: its category, author and tag, the date range,
/// and unread/starred as `reading` says. The text is matched elsewhere
/// (`search::search`).
pub fn retain_filtered(
    order: &mut Vec<usize>,
    articles: &[Article],
    search: &SearchState,
    reading: &ReadingState,
) {
    if !search.has_filters() {
        return;
    }
    let places = place_filters(search);
    order.retain(|&index| {
        let article = &articles[index];
        places.iter().all(|place| place.matches(article))
            && search.admits(article.date.as_deref())
            && search.admits_marks(
                reading.is_read(&article.id),
                reading.is_starred(&article.id),
            )
    });
}

/// One page of a list of `total` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageWindow {
    /// Zero-based page number, clamped to the last page.
    pub page: usize,
    /// First row (inclusive).
    pub start: usize,
    /// Last row (exclusive).
    pub end: usize,
    /// Number of pages (at least 1).
    pub pages: usize,
}

/// The rows of page `page` (clamped to the last page).
///
/// ```
/// let window = folio::listing::page_window(60, 9);
/// assert_eq!((window.page, window.start, window.end, window.pages), (2, 50, 60, 3));
/// ```
pub fn page_window(total: usize, page: usize) -> PageWindow {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.min(pages - 1);
    let start = page * PAGE_SIZE;
    PageWindow {
        page,
        start,
        end: (start + PAGE_SIZE).min(total),
        pages,
    }
}

/// The articles before and after `index` in `order` (newer, older).
pub fn neighbours(order: &[usize], index: usize) -> (Option<usize>, Option<usize>) {
    match order.iter().position(|&i| i == index) {
        Some(at) => (
            at.checked_sub(1).map(|before| order[before]),
            order.get(at + 1).copied(),
        ),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_breadcrumbs_lead_back_up() {
        let all = "All";
        assert_eq!(
            Filter::All.heading_and_breadcrumb(all),
            ("All".into(), vec![])
        );
        let (heading, crumbs) =
            Filter::Category(vec!["a".into(), "b".into(), "c".into()]).heading_and_breadcrumb(all);
        assert_eq!(heading, "c");
        assert_eq!(
            crumbs,
            [
                ("All".to_owned(), "#/".to_owned()),
                ("a".to_owned(), "#/c/a".to_owned()),
                ("b".to_owned(), "#/c/a/b".to_owned()),
            ]
        );
        let (heading, crumbs) = Filter::Tag("rust".into()).heading_and_breadcrumb(all);
        assert_eq!((heading.as_str(), crumbs.len()), ("#rust", 1));
        let (heading, _) = Filter::Author("示例日报".into()).heading_and_breadcrumb(all);
        assert_eq!(heading, "示例日报");
    }

    fn article(categories: &[&[&str]], author: &str, tags: &[&str]) -> Article {
        Article {
            categories: categories
                .iter()
                .map(|path| path.iter().map(|s| s.to_string()).collect())
                .collect(),
            author: Some(author.to_owned()),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn filters_select_and_order_newest_first() {
        let articles = [
            article(&[&["新媒体", "观察者网", "首页"]], "观察者网", &[]),
            article(&[&["新媒体", "cnBeta"]], "cnBeta", &["linux"]),
            article(&[&["编程", "首页"]], "掘金", &["linux"]),
        ];
        let cases = [
            (Filter::All, vec![2, 1, 0]),
            (Filter::Category(vec!["新媒体".into()]), vec![1, 0]),
            (
                Filter::Category(vec!["新媒体".into(), "观察者网".into()]),
                vec![0],
            ),
            (Filter::Category(vec!["首页".into()]), vec![]),
            (Filter::Author("cnBeta".into()), vec![1]),
            (Filter::Tag("linux".into()), vec![2, 1]),
        ];
        for (filter, expected) in cases {
            assert_eq!(newest_first(&articles, &filter), expected, "{filter:?}");
        }
    }

    #[test]
    fn a_category_author_and_tag_narrow_any_list_together() {
        let articles = [
            article(&[&["新媒体", "观察者网", "首页"]], "观察者网", &[]),
            article(&[&["新媒体", "cnBeta"]], "cnBeta", &["linux"]),
            article(&[&["编程", "首页"]], "掘金", &["linux"]),
            article(&[&["新媒体", "观察者网"]], "cnBeta", &["linux"]),
        ];
        let reading = ReadingState::default();
        let narrowed = |hash: &str| {
            let mut order = newest_first(&articles, &Filter::All);
            retain_filtered(&mut order, &articles, &SearchState::of(hash), &reading);
            order
        };
        assert_eq!(narrowed("#/?c=新媒体"), [3, 1, 0]);
        assert_eq!(narrowed("#/?c=新媒体&author=cnBeta"), [3, 1]);
        assert_eq!(narrowed("#/?c=新媒体/观察者网&author=cnBeta"), [3]);
        assert_eq!(narrowed("#/?author=cnBeta&tag=linux"), [3, 1]);
        assert_eq!(narrowed("#/?tag=linux&c=编程"), [2]);
        assert_eq!(narrowed("#/?author=nobody"), Vec::<usize>::new());
    }

    #[test]
    fn pages_are_clamped() {
        assert_eq!(
            page_window(0, 0),
            PageWindow {
                page: 0,
                start: 0,
                end: 0,
                pages: 1
            }
        );
        assert_eq!(
            page_window(PAGE_SIZE, 1),
            PageWindow {
                page: 0,
                start: 0,
                end: PAGE_SIZE,
                pages: 1
            }
        );
        assert_eq!(
            page_window(10_000, 3).end - page_window(10_000, 3).start,
            PAGE_SIZE
        );
    }

    #[test]
    fn neighbours_in_list_order() {
        let order = [5, 3, 9];
        assert_eq!(neighbours(&order, 5), (None, Some(3)));
        assert_eq!(neighbours(&order, 3), (Some(5), Some(9)));
        assert_eq!(neighbours(&order, 9), (Some(3), None));
        assert_eq!(neighbours(&order, 7), (None, None));
    }

    #[test]
    fn list_routes_have_filters() {
        assert_eq!(Filter::from_route(&Route::Library), Some(Filter::All));
        assert_eq!(Filter::from_route(&Route::Article("x".into())), None);
    }

    #[test]
    fn filters_besides_the_text_narrow_an_order() {
        let dated = |id: &str, date: &str| Article {
            id: id.to_owned(),
            date: Some(date.to_owned()),
            ..Article::default()
        };
        let articles = [
            dated("a", "2026-11-01T08:00:00Z"),
            dated("b", "2026-11-10T08:00:00Z"),
            dated("c", "2026-11-20T08:00:00Z"),
        ];
        let mut reading = ReadingState::default();
        reading.mark_read("b");
        reading.toggle_star("c");
        let narrowed = |hash: &str| {
            let mut order = vec![2, 1, 0];
            retain_filtered(&mut order, &articles, &SearchState::of(hash), &reading);
            order
        };
        assert_eq!(narrowed("#/?q=anything"), [2, 1, 0]);
        assert_eq!(narrowed("#/?from=2026-11-05"), [2, 1]);
        assert_eq!(narrowed("#/?to=2026-11-10&unread=1"), [0]);
        assert_eq!(narrowed("#/?starred=1"), [2]);
    }

    #[test]
    fn a_list_is_its_hits_or_everything_newest_first_then_narrowed() {
        let article = |id: &str, author: &str, day: u32| Article {
            id: id.to_owned(),
            author: Some(author.to_owned()),
            date: Some(format!("2026-11-{day:02}T08:00:00Z")),
            ..Article::default()
        };
        let articles = [
            article("a", "甲", 1),
            article("b", "乙", 2),
            article("c", "甲", 3),
        ];
        let reading = ReadingState::default();
        let by = |author: &'static str| move |a: &Article| a.author.as_deref() == Some(author);
        let everything = SearchState::default();
        assert_eq!(
            listed(&articles, None, |_| true, &everything, &reading),
            [2, 1, 0]
        );
        assert_eq!(
            listed(&articles, None, by("甲"), &everything, &reading),
            [2, 0]
        );
        // Hits keep their rank order (title hits first), not date order.
        let hits = [
            Hit {
                index: 0,
                in_title: true,
            },
            Hit {
                index: 2,
                in_title: false,
            },
            Hit {
                index: 1,
                in_title: false,
            },
        ];
        assert_eq!(
            listed(&articles, Some(&hits), by("甲"), &everything, &reading),
            [0, 2]
        );
        let from_the_2nd = SearchState::of("#/?q=x&from=2026-11-02");
        assert_eq!(
            listed(&articles, Some(&hits), |_| true, &from_the_2nd, &reading),
            [2, 1]
        );
    }
}
