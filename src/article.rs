//! The article model: one post as the bundle carries it and the viewer shows it.
//!
//! Plain data with no I/O, shared by the bundler (which builds articles from
//! posts) and the viewer (which reads them from a bundle). Field names are the
//! bundle's wire names; see `docs/bundle-format.md`.

mod compact;

pub use compact::{ExtraFields, Removals};
use serde::{Deserialize, Serialize};

/// One article of a bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// The body: HTML, or markdown when [`Article::body_format`] says so.
    pub body: String,
    /// How `body` is written. The bundler always writes HTML; other tools may
    /// write markdown, which the viewer for now shows as source text.
    #[serde(default, skip_serializing_if = "BodyFormat::is_html")]
    pub body_format: BodyFormat,
    /// The post's path relative to the posts folder, with `/` separators.
    pub source: String,
    /// The original article's URL, when the post names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Last update, RFC 3339 in UTC, when the post says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Plain-text start of the body for lists.
    #[serde(default)]
    pub excerpt: String,
    /// Estimated reading time in minutes, at least 1.
    #[serde(default)]
    pub reading_minutes: u32,
    /// Non-whitespace characters of the body text.
    #[serde(default)]
    pub chars: u32,
    /// Whitespace-separated words of the body text.
    #[serde(default)]
    pub words: u32,
    /// Language guess (`zh`, `ja`, `en`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The body's first image, given when there is no `headimg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_image: Option<String>,
    /// What the sanitize policy removed from the body, by kind.
    #[serde(default, skip_serializing_if = "Removals::is_empty")]
    pub removed: Removals,
    /// Front-matter keys folio does not use, kept as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<ExtraFields>,
    /// In the split layout only: which body shard holds the body (an index
    /// into the manifest's `body_shards`); `body` is then empty here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_shard: Option<u32>,
    /// In the split layout only: the article's position in the bundle,
    /// oldest first, which is how the search index's postings name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
}

/// The markup of an article body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    /// HTML (the default, and all that `folio bundle` writes).
    #[default]
    Html,
    /// CommonMark with GFM tables and strikethrough.
    Markdown,
}

impl BodyFormat {
    /// Whether this is [`BodyFormat::Html`].
    pub fn is_html(&self) -> bool {
        *self == BodyFormat::Html
    }
}

impl Article {
    /// The first category path, which lists show as the article's place.
    pub fn primary_category(&self) -> Option<&[String]> {
        self.categories.first().map(Vec::as_slice)
    }

    /// The head image the reader should show above the body: none when the
    /// body already starts with it (feed posts repeat their first image as
    /// `headimg`), and none when there is none.
    pub fn head_image_to_show(&self) -> Option<&str> {
        let head = self.headimg.as_deref()?;
        let escaped = head.replace('&', "&amp;");
        let in_body = self.body.contains(head) || self.body.contains(&escaped);
        (!in_body).then_some(head)
    }

    /// The post's original URL when it is one a link may carry: `link` is
    /// shown outside the sanitized body, and a bundle is untrusted.
    pub fn original_link(&self) -> Option<&str> {
        self.link
            .as_deref()
            .filter(|link| link.starts_with("https://") || link.starts_with("http://"))
            .filter(|link| crate::sanitize::policy::is_allowed_url("a", "href", link))
    }

    /// What the bundler's sanitizer removed that a reader should know about
    /// ("1 × iframe, 2 × script"); `None` when nothing notable was.
    pub fn notable_removals(&self) -> Option<String> {
        let parts: Vec<String> = self
            .removed
            .iter()
            .filter(|&(kind, _)| crate::sanitize::policy::is_notable_removal(kind))
            .map(|(kind, count)| format!("{count} × {kind}"))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The image for a list row: the thumbnail, else the head image, else the
    /// body's first image.
    pub fn list_image(&self) -> Option<&str> {
        self.thumbnail
            .as_deref()
            .or(self.headimg.as_deref())
            .or(self.first_image.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_offered_as_the_original() {
        let with_link = |link: &str| Article {
            link: Some(link.to_owned()),
            ..Article::default()
        };
        assert_eq!(
            with_link("https://e.com/a").original_link(),
            Some("https://e.com/a")
        );
        assert_eq!(with_link("javascript:alert(1)").original_link(), None);
        assert_eq!(with_link("data:text/html,x").original_link(), None);
        assert_eq!(with_link("/relative").original_link(), None);
        assert_eq!(Article::default().original_link(), None);
    }

    #[test]
    fn removals_worth_a_notice() {
        let removed = |kinds: &[(&str, u32)]| Article {
            removed: kinds.iter().map(|(k, n)| (k.to_string(), *n)).collect(),
            ..Article::default()
        };
        assert_eq!(
            removed(&[("comment", 3), ("style-attribute", 9)]).notable_removals(),
            None
        );
        assert_eq!(
            removed(&[("script", 2), ("comment", 1), ("iframe", 1)])
                .notable_removals()
                .as_deref(),
            Some("1 × iframe, 2 × script")
        );
    }

    #[test]
    fn head_image_is_not_shown_twice() {
        let article = |headimg: &str, body: &str| Article {
            headimg: Some(headimg.to_owned()),
            body: body.to_owned(),
            ..Article::default()
        };
        let url = "https://i.example/a.jpg?w=1&h=2";
        assert_eq!(article(url, "<p>text</p>").head_image_to_show(), Some(url));
        assert_eq!(
            article(url, "<img src=\"https://i.example/a.jpg?w=1&amp;h=2\">").head_image_to_show(),
            None
        );
        assert_eq!(Article::default().head_image_to_show(), None);
    }
}
