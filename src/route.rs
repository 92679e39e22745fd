//! The viewer's routes: the public deep-link contract, by URL hash.
//!
//! | hash | view |
//! | --- | --- |
//! | `#/` | all articles |
//! | `#/c/<level>/<level>/…` | one category, each level URL-encoded |
//! | `#/a/<id>` | one article |
//! | `#/author/<name>` | articles by one author |
//! | `#/tag/<name>` | articles with one tag |
//! | `#/starred` | the reader's starred articles |
//!
//! Any route may carry a search after `?`: `#/?q=中俄`, `#/c/新媒体?q=linux`,
//! a category, author or tag that narrows the list further,
//! `&c=新媒体/观察者网&author=观察者网&tag=rust` (so `#/c/新媒体?author=…`
//! is one author's articles in a category), a date range,
//! `&from=2026-11-01&to=2026-11-20` (days, UTC, both included), and the
//! reader's own marks, `&unread=1`, `&starred=1` ([`SearchState`],
//! [`with_search`]).
//!
//! Parsing and building live here together so that every link the viewer
//! writes is one it can read back (`Route::parse(&r.href()) == r`).

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

/// Characters escaped in a route segment: everything that would end or split
/// the segment, plus what browsers rewrite in a hash.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// A place in the viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Every article.
    Library,
    /// Articles under a category path (root first).
    Category(Vec<String>),
    /// Articles by one author.
    Author(String),
    /// Articles with one tag.
    Tag(String),
    /// One article by id.
    Article(String),
    /// The reader's starred articles.
    Starred,
    /// A hash that names no view.
    Unknown(String),
}

impl Route {
    /// Reads a location hash (`#/a/xyz`, or without the `#`).
    ///
    /// ```
    /// use folio::route::Route;
    /// assert_eq!(
    ///     Route::parse("#/c/%E6%96%B0%E5%AA%92%E4%BD%93/cnBeta"),
    ///     Route::Category(vec!["新媒体".into(), "cnBeta".into()])
    /// );
    /// ```
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        // The query part belongs to filters (search issue); routes ignore it.
        let path = path.split('?').next().unwrap_or("");
        let path = path.strip_prefix('/').unwrap_or(path);
        let segments: Vec<String> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(decode)
            .collect();
        match segments.as_slice() {
            [] => Route::Library,
            [kind, rest @ ..] if kind == "c" && !rest.is_empty() => Route::Category(rest.to_vec()),
            [kind, id] if kind == "a" => Route::Article(id.clone()),
            [kind, name] if kind == "author" => Route::Author(name.clone()),
            [kind, name] if kind == "tag" => Route::Tag(name.clone()),
            [kind] if kind == "starred" => Route::Starred,
            _ => Route::Unknown(hash.to_owned()),
        }
    }

    /// Whether the route shows a list of articles (which a search narrows).
    pub fn is_list(&self) -> bool {
        !matches!(self, Route::Article(_) | Route::Unknown(_))
    }

    /// The list "clear all" leads to from this one, with `search` in it:
    /// every article, or the starred ones from the starred view (a view,
    /// not a filter); `None` when nothing narrows the list.
    ///
    /// ```
    /// use folio::route::{Route, SearchState};
    /// let none = SearchState::default();
    /// let typed = none.with_text("中俄");
    /// assert_eq!(Route::Author("示例日报".into()).cleared(&none), Some(Route::Library));
    /// assert_eq!(Route::Starred.cleared(&typed), Some(Route::Starred));
    /// assert_eq!(Route::Starred.cleared(&none), None);
    /// assert_eq!(Route::Library.cleared(&none), None);
    /// ```
    pub fn cleared(&self, search: &SearchState) -> Option<Route> {
        match self {
            Route::Category(_) | Route::Author(_) | Route::Tag(_) => Some(Route::Library),
            Route::Library | Route::Starred if search.is_active() => Some(self.clone()),
            _ => None,
        }
    }

    /// The hash for this route, with the leading `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Library | Route::Unknown(_) => "#/".to_owned(),
            Route::Category(path) => {
                let levels: Vec<String> = path.iter().map(|level| encode(level)).collect();
                format!("#/c/{}", levels.join("/"))
            }
            Route::Author(name) => format!("#/author/{}", encode(name)),
            Route::Tag(name) => format!("#/tag/{}", encode(name)),
            Route::Article(id) => format!("#/a/{}", encode(id)),
            Route::Starred => "#/starred".to_owned(),
        }
    }
}

/// Characters escaped in a query value (`&`, `=`, `+` and `#` would change
/// its meaning).
const QUERY_VALUE: &AsciiSet = &SEGMENT.add(b'&').add(b'=').add(b'+');

/// What narrows a list besides its route: the search text, a category,
/// author or tag, a date range and the reader's marks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    /// The search as typed (`q=`).
    pub text: String,
    /// Only articles under this category path, root first (`c=`, levels
    /// joined by `/`, each percent-encoded as in a route).
    pub category: Option<Vec<String>>,
    /// Only articles by this author (`author=`).
    pub author: Option<String>,
    /// Only articles with this tag (`tag=`).
    pub tag: Option<String>,
    /// First day shown, `YYYY-MM-DD` (UTC), if any (`from=`).
    pub from: Option<String>,
    /// Last day shown, `YYYY-MM-DD` (UTC), if any (`to=`).
    pub to: Option<String>,
    /// Only articles the reader has not opened (`unread=1`).
    pub unread: bool,
    /// Only articles the reader starred (`starred=1`).
    pub starred: bool,
}

impl SearchState {
    /// The search state in a hash; parameters it does not know, and days
    /// that are not `YYYY-MM-DD`, are ignored.
    ///
    /// ```
    /// use folio::route::SearchState;
    /// let state = SearchState::of("#/c/a?q=%E4%B8%AD%E4%BF%84&from=2026-11-01&to=nonsense");
    /// assert_eq!(state.text, "中俄");
    /// assert_eq!(state.from.as_deref(), Some("2026-11-01"));
    /// assert_eq!(state.to, None);
    /// let narrowed = SearchState::of("#/?c=新媒体/a%2Fb&author=观察者网");
    /// assert_eq!(narrowed.category, Some(vec!["新媒体".into(), "a/b".into()]));
    /// assert_eq!(narrowed.author.as_deref(), Some("观察者网"));
    /// ```
    pub fn of(hash: &str) -> SearchState {
        let mut state = SearchState::default();
        let Some((_, params)) = hash.split_once('?') else {
            return state;
        };
        for (key, raw) in params.split('&').filter_map(|pair| pair.split_once('=')) {
            let value = decode(&raw.replace('+', " "));
            match key {
                "q" => state.text = value,
                "c" => {
                    let path: Vec<String> = raw
                        .split('/')
                        .map(|level| decode(&level.replace('+', " ")))
                        .filter(|level| !level.is_empty())
                        .collect();
                    state.category = Some(path).filter(|path| !path.is_empty());
                }
                "author" => state.author = Some(value).filter(|name| !name.is_empty()),
                "tag" => state.tag = Some(value).filter(|name| !name.is_empty()),
                "from" if is_day(&value) => state.from = Some(value),
                "to" if is_day(&value) => state.to = Some(value),
                "unread" => state.unread = value == "1",
                "starred" => state.starred = value == "1",
                _ => {}
            }
        }
        state
    }

    /// Whether the text is a query (not empty, nor only spaces and quotes).
    pub fn has_text(&self) -> bool {
        !crate::search::Query::parse(&self.text).is_empty()
    }

    /// Whether the list shows matches rather than everything: a query or
    /// another filter.
    pub fn is_active(&self) -> bool {
        self.has_text() || self.has_filters()
    }

    /// Whether a date range is set.
    pub fn has_dates(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether anything besides the text narrows the list (a category,
    /// author or tag, dates, unread, starred).
    pub fn has_filters(&self) -> bool {
        self.has_places() || self.has_dates() || self.unread || self.starred
    }

    /// Whether a category, author or tag narrows the list.
    pub fn has_places(&self) -> bool {
        self.category.is_some() || self.author.is_some() || self.tag.is_some()
    }

    /// Whether an article the reader has (`is_read`) or has not opened, and
    /// has or has not starred, passes the unread and starred filters.
    pub fn admits_marks(&self, is_read: bool, is_starred: bool) -> bool {
        (!self.unread || !is_read) && (!self.starred || is_starred)
    }

    /// Whether an article dated `date` (RFC 3339, UTC, as bundles write
    /// it) is inside the date range. Undated articles are outside any range.
    ///
    /// ```
    /// use folio::route::SearchState;
    /// let week = SearchState::of("#/?from=2026-11-16&to=2026-11-22");
    /// assert!(week.admits(Some("2026-11-22T23:59:59Z")));
    /// assert!(!week.admits(Some("2026-11-23T00:00:00Z")));
    /// assert!(!week.admits(None));
    /// assert!(SearchState::default().admits(None));
    /// ```
    pub fn admits(&self, date: Option<&str>) -> bool {
        if !self.has_dates() {
            return true;
        }
        let Some(day) = date.and_then(|date| date.get(..10)) else {
            return false;
        };
        self.from.as_deref().is_none_or(|from| day >= from)
            && self.to.as_deref().is_none_or(|to| day <= to)
    }

    /// The same state with other search text.
    pub fn with_text(&self, text: &str) -> SearchState {
        SearchState {
            text: text.to_owned(),
            ..self.clone()
        }
    }
}

/// Whether `value` is a day as `YYYY-MM-DD` (digits in place; the range
/// check is the string comparison, so `2026-13-45` is simply after December).
pub fn is_day(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// The search in a hash (`q=` after `?`), decoded; empty when there is none.
///
/// ```
/// assert_eq!(folio::route::query_of("#/c/a?q=%E4%B8%AD%E4%BF%84"), "中俄");
/// assert_eq!(folio::route::query_of("#/"), "");
/// ```
pub fn query_of(hash: &str) -> String {
    SearchState::of(hash).text
}

/// `route`'s hash with the search `query` (none when it is blank).
pub fn with_query(route: &Route, query: &str) -> String {
    with_search(route, &SearchState::default().with_text(query))
}

/// `route`'s hash with `state` (blank parts left out).
pub fn with_search(route: &Route, state: &SearchState) -> String {
    let mut params = Vec::new();
    if !state.text.trim().is_empty() {
        params.push(format!(
            "q={}",
            utf8_percent_encode(&state.text, QUERY_VALUE)
        ));
    }
    if let Some(path) = &state.category {
        let levels: Vec<String> = path
            .iter()
            .map(|level| utf8_percent_encode(level, QUERY_VALUE).to_string())
            .collect();
        params.push(format!("c={}", levels.join("/")));
    }
    if let Some(author) = &state.author {
        params.push(format!(
            "author={}",
            utf8_percent_encode(author, QUERY_VALUE)
        ));
    }
    if let Some(tag) = &state.tag {
        params.push(format!("tag={}", utf8_percent_encode(tag, QUERY_VALUE)));
    }
    if let Some(from) = &state.from {
        params.push(format!("from={from}"));
    }
    if let Some(to) = &state.to {
        params.push(format!("to={to}"));
    }
    if state.unread {
        params.push("unread=1".to_owned());
    }
    if state.starred {
        params.push("starred=1".to_owned());
    }
    let href = route.href();
    if params.is_empty() {
        href
    } else {
        format!("{href}?{}", params.join("&"))
    }
}

fn encode(segment: &str) -> String {
    utf8_percent_encode(segment, SEGMENT).to_string()
}

fn decode(segment: &str) -> String {
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_parse() {
        let cases = [
            ("", Route::Library),
            ("#", Route::Library),
            ("#/", Route::Library),
            ("#/a/0123abcd", Route::Article("0123abcd".into())),
            (
                "#/author/%E8%A7%82%E5%AF%9F%E8%80%85%E7%BD%91",
                Route::Author("观察者网".into()),
            ),
            ("#/tag/rust", Route::Tag("rust".into())),
            ("#/starred", Route::Starred),
            (
                "#/c/新媒体/观察者网/首页",
                Route::Category(vec!["新媒体".into(), "观察者网".into(), "首页".into()]),
            ),
            ("#/c/a%2Fb", Route::Category(vec!["a/b".into()])),
            ("#/?q=x", Route::Library),
            ("#/nowhere", Route::Unknown("#/nowhere".into())),
            ("#/a/", Route::Unknown("#/a/".into())),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::parse(hash), expected, "{hash}");
        }
    }

    #[test]
    fn lists_are_the_routes_a_search_narrows() {
        assert!(Route::Library.is_list() && Route::Starred.is_list());
        assert!(Route::Category(vec!["a".into()]).is_list());
        assert!(!Route::Article("x".into()).is_list() && !Route::Unknown("#/x".into()).is_list());
    }

    #[test]
    fn queries_ride_along_with_any_route() {
        let category = Route::Category(vec!["新媒体".into()]);
        for query in ["中俄", "linux -bsd", "\"a & b\" = c+d", "100% #1?"] {
            let hash = with_query(&category, query);
            assert_eq!(Route::parse(&hash), category, "{hash}");
            assert_eq!(query_of(&hash), query, "{hash}");
        }
        assert_eq!(with_query(&Route::Library, "  "), "#/");
        assert_eq!(query_of("#/?q=a+b"), "a b", "form-style spaces");
    }

    #[test]
    fn every_route_reads_back_its_own_href() {
        let routes = [
            Route::Library,
            Route::Article("abc".into()),
            Route::Author("Simons Foundation - 文章".into()),
            Route::Tag("C#".into()),
            Route::Starred,
            Route::Category(vec!["新媒体".into(), "cnBeta - 最新".into()]),
            Route::Category(vec!["100% / 50%?".into(), "— 推荐".into()]),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn date_ranges_ride_along_and_read_back() {
        let state = SearchState {
            text: "中俄 -美国".into(),
            category: Some(vec!["新媒体".into(), "100% / 50%?".into()]),
            author: Some("A & B = C+D #1".into()),
            tag: Some("C#".into()),
            from: Some("2026-11-01".into()),
            to: Some("2026-11-20".into()),
            unread: true,
            starred: true,
        };
        let category = Route::Category(vec!["新媒体".into()]);
        let hash = with_search(&category, &state);
        assert_eq!(Route::parse(&hash), category);
        assert_eq!(SearchState::of(&hash), state);
        let only_from = SearchState {
            from: Some("2026-11-01".into()),
            ..SearchState::default()
        };
        assert_eq!(
            with_search(&Route::Library, &only_from),
            "#/?from=2026-11-01"
        );
        assert!(!SearchState::of("#/?from=2026-1-01&to=20261101").has_dates());
        assert!(is_day("2026-11-01") && !is_day("2026-11-1") && !is_day("２026-11-01"));
        let places = SearchState::of("#/c/x?c=&author=&tag=");
        assert!(
            !places.has_places() && !places.has_filters(),
            "empty values narrow nothing"
        );
        assert!(SearchState::of("#/?tag=rust").has_filters());
        let unread = SearchState::of("#/?unread=1&starred=0");
        assert!(unread.unread && !unread.starred && unread.has_filters());
        assert!(unread.admits_marks(false, false) && !unread.admits_marks(true, true));
        let starred = SearchState::of("#/?starred=1");
        assert!(starred.admits_marks(true, true) && !starred.admits_marks(false, false));
    }
}
