//! The article model: one post as the bundle carries it and the viewer shows it.
//!
//! Plain data with no I/O, shared by the bundler (which builds articles from
//! posts) and the viewer (which reads them from a bundle). Field names are the
//! bundle's wire names; see `docs/bundle-format.md`.

use serde::{Deserialize, Serialize};

/// One article of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the same post gives the same id on every run.
    pub id: String,
    /// Title as the post's front matter gives it, entities decoded.
    pub title: String,
    /// Category paths, each a list of names from the root down
    /// (`[["新媒体", "观察者网", "首页"]]`).
    #[serde(default)]
    pub categories: Vec<Vec<String>>,
    /// Flat tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The author, usually the site's name for feed-generated posts.
    #[serde(default)]
    pub author: Option<String>,
    /// Publication time, RFC 3339 in UTC (`2022-02-05T11:48:54Z`), or `None`.
    #[serde(default)]
    pub date: Option<String>,
    /// Head image URL.
    #[serde(default)]
    pub headimg: Option<String>,
    /// Thumbnail URL for lists.
    #[serde(default)]
    pub thumbnail: Option<String>,
    /// The body as HTML.
    pub body: String,
    /// The post's path relative to the posts folder, with `/` separators.
    pub source: String,
}

impl Article {
    /// The first category path, which lists show as the article's place.
    pub fn primary_category(&self) -> Option<&[String]> {
        self.categories.first().map(Vec::as_slice)
    }
}
