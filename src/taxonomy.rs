//! The bundle's navigation data: the category tree and the authors, with
//! article counts, computed once so the viewer never rebuilds them.
//!
//! Hexo semantics: an article belongs to every level of each of its category
//! paths, and the same name under two parents is two categories.

mod tally;

pub use tally::{NavCounts, NavTally};

use crate::article::Article;
use serde::{Deserialize, Serialize};
// Hash maps while counting (the order comes from sorting the result by count,
// then name): the viewer recounts on every keystroke of a search.
use rustc_hash::FxHashMap;

/// One category and everything under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryNode {
    /// The category's own name (one level).
    pub name: String,
    /// Articles in this category or any category below it, each counted once.
    pub count: usize,
    /// Sub-categories, most articles first, then by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<CategoryNode>,
}

/// A name (an author, a tag) and the number of articles that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameCount {
    /// The author (or tag) as written.
    pub name: String,
    /// Articles by this author (with this tag).
    pub count: usize,
}

/// Category paths are cut to this many levels (front matter and bundles
/// alike): real hierarchies have three, and depth costs quadratic work.
pub const MAX_CATEGORY_DEPTH: usize = 16;

/// A category tree being counted; names are borrowed from the articles, so
/// counting allocates only for names not seen before (the viewer recounts
/// on every keystroke of a search).
#[derive(Default)]
struct Builder<'a> {
    count: usize,
    children: FxHashMap<&'a str, Builder<'a>>,
}

impl<'a> Builder<'a> {
    /// Counts one article in every prefix of `path`.
    fn add_path(&mut self, path: &'a [String]) {
        let mut node = self;
        for name in path {
            node = node.children.entry(name).or_default();
            node.count += 1;
        }
    }

    /// Counts one article once in the prefix `prefix`.
    fn add_prefix(&mut self, prefix: &'a [String]) {
        let mut node = self;
        for name in prefix {
            node = node.children.entry(name).or_default();
        }
        node.count += 1;
    }

    fn into_nodes(self) -> Vec<CategoryNode> {
        let mut nodes: Vec<CategoryNode> = self
            .children
            .into_iter()
            .map(|(name, child)| CategoryNode {
                name: name.to_owned(),
                count: child.count,
                children: child.into_nodes(),
            })
            .collect();
        nodes.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        nodes
    }
}

/// The category forest of `articles`.
///
/// ```
/// use folio::taxonomy::category_tree;
/// let mut article = folio::article::Article::default();
/// article.categories = vec![vec!["新媒体".into(), "观察者网".into(), "首页".into()]];
/// let tree = category_tree(&[article]);
/// assert_eq!(tree[0].name, "新媒体");
/// assert_eq!(tree[0].children[0].children[0].count, 1);
/// ```
pub fn category_tree(articles: &[Article]) -> Vec<CategoryNode> {
    category_tree_of(articles)
}

/// The category forest of some articles (the matches of a search, say).
pub fn category_tree_of<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<CategoryNode> {
    tree_of(&mut articles.into_iter())
}

// The generic front doors above hand over a `dyn` iterator so that this
// code (and its sort) exists once in the viewer's wasm, not once per caller.
fn tree_of(articles: &mut dyn Iterator<Item = &Article>) -> Vec<CategoryNode> {
    let mut root = Builder::default();
    let mut prefixes: Vec<&[String]> = Vec::new();
    for article in articles {
        match article.categories.as_slice() {
            [] => {}
            // Most articles have one path: every prefix of it is distinct.
            [path] => root.add_path(path),
            // Two paths sharing a prefix count the article once at that prefix.
            paths => {
                prefixes.clear();
                prefixes.extend(
                    paths
                        .iter()
                        .flat_map(|path| (1..=path.len()).map(move |depth| &path[..depth])),
                );
                prefixes.sort_unstable();
                prefixes.dedup();
                for prefix in &prefixes {
                    root.add_prefix(prefix);
                }
            }
        }
    }
    root.into_nodes()
}

/// The count at `path` in a forest, 0 when the path is not in it.
pub fn count_at(forest: &[CategoryNode], path: &[String]) -> usize {
    let Some((first, rest)) = path.split_first() else {
        return 0;
    };
    match forest.iter().find(|node| &node.name == first) {
        Some(node) if rest.is_empty() => node.count,
        Some(node) => count_at(&node.children, rest),
        None => 0,
    }
}

/// Authors of `articles`, most articles first, then by name.
pub fn author_counts(articles: &[Article]) -> Vec<NameCount> {
    author_counts_of(articles)
}

/// Authors of some articles, most articles first, then by name.
pub fn author_counts_of<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<NameCount> {
    name_counts(&mut articles.into_iter().filter_map(|a| a.author.as_deref()))
}

/// Tags of some articles, most articles first, then by name.
pub fn tag_counts_of<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<NameCount> {
    name_counts(
        &mut articles
            .into_iter()
            .flat_map(|a| a.tags.iter().map(String::as_str)),
    )
}

fn name_counts(names: &mut dyn Iterator<Item = &str>) -> Vec<NameCount> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    let mut named: Vec<NameCount> = counts
        .into_iter()
        .map(|(name, count)| NameCount {
            name: name.to_owned(),
            count,
        })
        .collect();
    named.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article with these category paths and author (also for `tally`'s tests).
    pub(super) fn article(paths: &[&[&str]], author: Option<&str>) -> Article {
        Article {
            categories: paths
                .iter()
                .map(|path| path.iter().map(|s| s.to_string()).collect())
                .collect(),
            author: author.map(str::to_owned),
            ..Article::default()
        }
    }

    #[test]
    fn counts_at_every_level_once_per_article() {
        let articles = [
            article(&[&["新媒体", "观察者网", "首页"]], Some("观察者网")),
            article(&[&["新媒体", "cnBeta"]], Some("cnBeta")),
            article(
                &[&["新媒体", "cnBeta", "最新"], &["新媒体", "cnBeta", "热门"]],
                Some("cnBeta"),
            ),
            article(&[&["编程", "首页"]], None),
        ];
        let tree = category_tree(&articles);
        assert_eq!(tree.len(), 2);
        assert_eq!((tree[0].name.as_str(), tree[0].count), ("新媒体", 3));
        let cnbeta = &tree[0].children[0];
        assert_eq!((cnbeta.name.as_str(), cnbeta.count), ("cnBeta", 2));
        assert_eq!(cnbeta.children.len(), 2);
        // The same name under two parents is two categories.
        assert_eq!(tree[1].children[0].name, "首页");
        assert_eq!(tree[1].children[0].count, 1);
        assert_eq!(tree[0].children[1].children[0].name, "首页");
    }

    #[test]
    fn counts_of_a_subset_and_lookups() {
        let articles = [
            article(&[&["新媒体", "观察者网"]], None),
            article(&[&["新媒体", "cnBeta"]], None),
            article(&[&["编程"]], None),
        ];
        let forest = category_tree_of([&articles[0], &articles[2]]);
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(count_at(&forest, &path(&["新媒体"])), 1);
        assert_eq!(count_at(&forest, &path(&["新媒体", "观察者网"])), 1);
        assert_eq!(count_at(&forest, &path(&["新媒体", "cnBeta"])), 0);
        assert_eq!(count_at(&forest, &path(&["编程"])), 1);
        assert_eq!(count_at(&forest, &[]), 0);
    }

    #[test]
    fn authors_by_count() {
        let articles = [
            article(&[], Some("b")),
            article(&[], Some("a")),
            article(&[], Some("b")),
            article(&[], None),
        ];
        let authors = author_counts(&articles);
        assert_eq!(
            authors,
            vec![
                NameCount {
                    name: "b".into(),
                    count: 2
                },
                NameCount {
                    name: "a".into(),
                    count: 1
                }
            ]
        );
    }

    #[test]
    fn tags_by_count_once_per_article_tag() {
        let mut first = article(&[], None);
        first.tags = vec!["rust".into(), "wasm".into()];
        let mut second = article(&[], None);
        second.tags = vec!["rust".into()];
        let untagged = article(&[], None);
        let tags = tag_counts_of([&first, &second, &untagged]);
        let named: Vec<(&str, usize)> = tags.iter().map(|t| (t.name.as_str(), t.count)).collect();
        assert_eq!(named, [("rust", 2), ("wasm", 1)]);
    }
}
