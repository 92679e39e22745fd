//! The bundle: the JSON file the bundler writes and the viewer loads.
//!
//! This module is the specification's code half (`docs/bundle-format.md` is the
//! prose half). Reading is tolerant per article: a bundle with a few malformed
//! articles still yields the others, and says which were skipped and why, with
//! the JSON path of the offending field.

use crate::article::Article;
use crate::taxonomy::{author_counts, category_tree, tag_counts_of, CategoryNode, NameCount};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub mod split;

/// The value of the top-level `format` field.
pub const FORMAT: &str = "folio-bundle";
/// The newest bundle version, which this build writes for the split
/// layout (single files: [`SINGLE_FILE_VERSION`]).
///
/// Version 2 changed only the split layout's index: its keys (search's
/// text folding now folds half-width forms and decomposed accents,
/// `src/search/normalize.rs`) and the coding of its postings
/// (`src/search/index/shards.rs`). So this build also reads version 1
/// bundles, except split ones with an index: [`BundleError::StaleIndex`].
pub const VERSION: u64 = 2;
/// The version single-file bundles are written as: version 2 changed only
/// the split layout, so a single-file bundle is still a version 1 bundle,
/// and saying so lets viewers from before version 2 read it.
pub const SINGLE_FILE_VERSION: u64 = 1;

/// A whole bundle as written to disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`SINGLE_FILE_VERSION`] for single-file bundles this build writes,
    /// [`VERSION`] for a split bundle's manifest and shards.
    pub version: u64,
    /// The zone in which dates written without one were read (`UTC`, `+08:00`).
    #[serde(default = "utc")]
    pub timezone: String,
    /// The category tree with article counts at every level.
    #[serde(default)]
    pub categories: Vec<CategoryNode>,
    /// Authors with article counts.
    #[serde(default)]
    pub authors: Vec<NameCount>,
    /// Articles, oldest first (sorted by date, then id).
    pub articles: Vec<Article>,
}

fn utc() -> String {
    "UTC".to_owned()
}

impl Bundle {
    /// A single-file bundle of the current format holding `articles`, with
    /// its category tree and authors computed.
    pub fn new(articles: Vec<Article>) -> Self {
        Bundle {
            format: FORMAT.to_owned(),
            version: SINGLE_FILE_VERSION,
            timezone: utc(),
            categories: category_tree(&articles),
            authors: author_counts(&articles),
            articles,
        }
    }

    fn new_without_taxonomy(articles: Vec<Article>) -> Self {
        Bundle {
            format: FORMAT.to_owned(),
            version: SINGLE_FILE_VERSION,
            timezone: utc(),
            categories: Vec::new(),
            authors: Vec::new(),
            articles,
        }
    }

    /// Serializes the bundle as compact JSON.
    ///
    /// # Errors
    /// Only if serialization itself fails, which plain data never does.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

/// A bundle read from JSON, with the articles that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedBundle {
    /// Every article that was well-formed, in bundle order.
    pub bundle: Bundle,
    /// Articles left out, with the reason for each.
    pub skipped: Vec<SkippedArticle>,
    /// The articles' tags with counts, most used first (single-file bundles
    /// carry no tag list; the viewer's navigation needs one).
    pub tags: Vec<NameCount>,
    /// A split bundle's shards (none for a single file).
    pub shards: split::Shards,
}

impl LoadedBundle {
    /// Whether every article the bundle lists has been read (or skipped).
    pub fn is_complete(&self) -> bool {
        self.shards.pending() == 0
    }

    /// Recomputes the category tree, authors and tags from the articles read.
    fn recount(&mut self) {
        self.bundle.categories = category_tree(&self.bundle.articles);
        self.bundle.authors = author_counts(&self.bundle.articles);
        self.tags = tag_counts_of(&self.bundle.articles);
    }
}

/// An article the reader left out of a [`LoadedBundle`].
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedArticle {
    /// Position in the bundle's `articles` array.
    pub index: usize,
    /// JSON path of the field at fault, e.g. `articles[3].title`.
    pub path: String,
    /// What was wrong with it.
    pub message: String,
}

/// Why a bundle could not be read at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// The text is not JSON.
    #[error("not JSON: {0}")]
    NotJson(#[source] serde_json::Error),
    /// JSON, but not a folio bundle.
    #[error("not a folio bundle: {0}")]
    NotABundle(String),
    /// A folio bundle of a version this build cannot read.
    #[error("unsupported bundle version {found} (this viewer reads versions 1 to {VERSION})")]
    UnsupportedVersion {
        /// The version the bundle declares.
        found: String,
    },
    /// A version 1 split bundle with an index, which this build cannot
    /// search ([`VERSION`]).
    #[error("this split bundle is version 1, whose search index this viewer cannot read: rebuild it with `folio bundle --split`")]
    StaleIndex,
    /// A top-level field has the wrong type.
    #[error("{path}: {message}")]
    WrongType {
        /// JSON path of the field.
        path: String,
        /// What was wrong with it.
        message: String,
    },
}

#[derive(Deserialize)]
struct Envelope<'a> {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    layout: Option<serde_json::Value>,
    timezone: Option<String>,
    #[serde(borrow)]
    tags: Option<&'a RawValue>,
    #[serde(borrow)]
    article_shards: Option<&'a RawValue>,
    #[serde(borrow)]
    body_shards: Option<&'a RawValue>,
    #[serde(borrow)]
    index_shards: Option<&'a RawValue>,
    #[serde(borrow)]
    categories: Option<&'a RawValue>,
    #[serde(borrow)]
    authors: Option<&'a RawValue>,
    #[serde(borrow)]
    articles: Option<&'a RawValue>,
}

/// Reads a bundle, keeping every well-formed article.
///
/// # Errors
/// When the text is not JSON, is not a folio bundle, has an unsupported
/// version, or its `articles` is not an array. Malformed single articles are
/// not errors: they are listed in [`LoadedBundle::skipped`].
///
/// ```
/// let json = r#"{"format":"folio-bundle","version":1,"articles":[
///   {"id":"a","title":"Hello","body":"<p>hi</p>","source":"hello.md"},
///   {"id":"b","title":42,"body":"","source":"b.md"}]}"#;
/// let loaded = folio::bundle::parse(json).unwrap();
/// assert_eq!(loaded.bundle.articles.len(), 1);
/// assert_eq!(loaded.skipped[0].path, "articles[1].title");
/// ```
pub fn parse(json: &str) -> Result<LoadedBundle, BundleError> {
    let envelope: Envelope = serde_json::from_str(json).map_err(|err| {
        if err.is_data() {
            BundleError::NotABundle("the top level is not an object".to_owned())
        } else {
            BundleError::NotJson(err)
        }
    })?;
    match envelope.format {
        Some(serde_json::Value::String(format)) if format == FORMAT => {}
        Some(other) => {
            return Err(BundleError::NotABundle(format!(
                "\"format\" is {}, expected \"{FORMAT}\"",
                json_value_in_brief(&other)
            )))
        }
        None => return Err(BundleError::NotABundle("no \"format\" field".to_owned())),
    }
    let version = match envelope.version {
        Some(serde_json::Value::Number(n)) if matches!(n.as_u64(), Some(1 | VERSION)) => n.as_u64(),
        Some(other) => {
            return Err(BundleError::UnsupportedVersion {
                found: json_value_in_brief(&other),
            })
        }
        None => {
            return Err(BundleError::UnsupportedVersion {
                found: "none".to_owned(),
            })
        }
    };
    let shards = split::Shards::read(
        envelope.layout,
        envelope.article_shards,
        envelope.body_shards,
        envelope.index_shards,
    )?;
    if version == Some(1) && !shards.index_shards.is_empty() {
        return Err(BundleError::StaleIndex);
    }
    let raw_articles: Vec<&RawValue> = match envelope.articles {
        Some(raw) => serde_json::from_str(raw.get()).map_err(|err| BundleError::WrongType {
            path: "articles".to_owned(),
            message: format!("expected an array ({err})"),
        })?,
        None => {
            return Err(BundleError::WrongType {
                path: "articles".to_owned(),
                message: "missing".to_owned(),
            })
        }
    };
    let mut articles = Vec::with_capacity(raw_articles.len());
    let mut skipped = Vec::new();
    for (index, raw) in raw_articles.into_iter().enumerate() {
        let mut deserializer = serde_json::Deserializer::from_str(raw.get());
        match serde_path_to_error::deserialize::<_, Article>(&mut deserializer) {
            Ok(article) => articles.push(article),
            Err(err) => {
                let field = err.path().to_string();
                let path = if field == "." {
                    format!("articles[{index}]")
                } else {
                    format!("articles[{index}].{field}")
                };
                skipped.push(SkippedArticle {
                    index,
                    path,
                    message: err.into_inner().to_string(),
                });
            }
        }
    }
    // Another tool's bundle may be in any order and have any depth: the
    // viewer relies on oldest-first order and bounded category paths.
    for article in &mut articles {
        for path in &mut article.categories {
            path.truncate(crate::taxonomy::MAX_CATEGORY_DEPTH);
        }
    }
    sort_oldest_first(&mut articles);
    let mut bundle = Bundle::new_without_taxonomy(articles);
    if let Some(timezone) = envelope.timezone {
        bundle.timezone = timezone;
    }
    // The bundle's own tree and authors (and a split manifest's tags) are
    // used when every article was read and they are well-formed; otherwise
    // they are recomputed from the articles actually read, so counts never
    // include skipped ones.
    let mut loaded = LoadedBundle {
        bundle,
        skipped,
        tags: Vec::new(),
        shards,
    };
    let given = (
        read_optional::<Vec<CategoryNode>>(envelope.categories),
        read_optional::<Vec<NameCount>>(envelope.authors),
        match envelope.tags {
            Some(tags) => read_optional::<Vec<NameCount>>(Some(tags)),
            None if !loaded.shards.is_split() => Some(tag_counts_of(&loaded.bundle.articles)),
            None => None,
        },
    );
    match given {
        (Some(categories), Some(authors), Some(tags)) if loaded.skipped.is_empty() => {
            loaded.bundle.categories = categories;
            loaded.bundle.authors = authors;
            loaded.tags = tags;
        }
        _ => {
            loaded.recount();
            loaded.recount_when_complete();
        }
    }
    Ok(loaded)
}

/// Sorts articles into bundle order ([`bundle_order`]).
fn sort_oldest_first(articles: &mut [Article]) {
    articles.sort_by(bundle_order);
}

/// Bundle order: by date (missing dates first), then id.
fn bundle_order(a: &Article, b: &Article) -> std::cmp::Ordering {
    a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
}

/// A header value as an error message shows it: strings and integers as
/// written, other values by their kind. Not `Value`'s `Display`, which
/// would bring float formatting into the viewer's wasm for one message.
fn json_value_in_brief(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::String(text) => format!("\"{text}\""),
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(n), _) => n.to_string(),
            (_, Some(n)) => n.to_string(),
            _ => "a fractional number".to_owned(),
        },
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

fn read_optional<T: serde::de::DeserializeOwned>(raw: Option<&RawValue>) -> Option<T> {
    raw.and_then(|raw| serde_json::from_str(raw.get()).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str) -> Article {
        Article {
            id: id.to_owned(),
            title: format!("标题 {id}"),
            categories: vec![vec!["新媒体".into(), "观察者网".into(), "首页".into()]],
            tags: vec![],
            author: Some("观察者网".into()),
            date: Some("2022-02-05T11:48:54Z".into()),
            headimg: None,
            thumbnail: None,
            body: "<p>正文</p>".into(),
            source: format!("{id}.md"),
            ..Article::default()
        }
    }

    #[test]
    fn round_trips_through_json() {
        let bundle = Bundle::new(vec![article("a"), article("b")]);
        let loaded = parse(&bundle.to_json().unwrap()).unwrap();
        assert_eq!(loaded.bundle, bundle);
        assert!(loaded.skipped.is_empty());
    }

    #[test]
    fn wire_names_are_the_documented_ones() {
        let json = Bundle::new(vec![article("a")]).to_json().unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format"], "folio-bundle");
        assert_eq!(
            value["version"], 1,
            "single files are unchanged since version 1"
        );
        let first = &value["articles"][0];
        for key in [
            "id",
            "title",
            "categories",
            "tags",
            "author",
            "date",
            "headimg",
            "thumbnail",
            "body",
            "source",
        ] {
            assert!(first.get(key).is_some(), "article lacks {key}: {first}");
        }
        assert_eq!(first["categories"][0][2], "首页");
    }

    #[test]
    fn malformed_articles_are_skipped_with_their_path() {
        let json = r#"{"format":"folio-bundle","version":1,"articles":[
            {"id":"a","title":"ok","body":"","source":"a.md"},
            {"id":"b","title":"bad","categories":[["x", 3]],"body":"","source":"b.md"},
            "not an object",
            {"id":"d","title":"ok too","body":"","source":"d.md"}]}"#;
        let loaded = parse(json).unwrap();
        let ids: Vec<_> = loaded
            .bundle
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "d"]);
        assert_eq!(loaded.skipped.len(), 2);
        assert_eq!(loaded.skipped[0].index, 1);
        assert_eq!(loaded.skipped[0].path, "articles[1].categories[0][1]");
        assert_eq!(loaded.skipped[1].path, "articles[2]");
    }

    #[test]
    fn articles_come_out_oldest_first_whatever_the_file_order() {
        let json = r#"{"format":"folio-bundle","version":1,"articles":[
            {"id":"b","title":"new","date":"2022-01-01T00:00:00Z","body":"","source":"b.md"},
            {"id":"a","title":"old","date":"2020-01-01T00:00:00Z","body":"","source":"a.md"}]}"#;
        let ids: Vec<_> = parse(json)
            .unwrap()
            .bundle
            .articles
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn version_1_reads_where_nothing_it_holds_changed() {
        let single = r#"{"format":"folio-bundle","version":1,"articles":[
            {"id":"a","title":"ok","body":"","source":"a.md"}]}"#;
        assert_eq!(parse(single).unwrap().bundle.articles.len(), 1);
        let split_without_index = r#"{"format":"folio-bundle","version":1,"layout":"split",
            "articles":[{"id":"a","title":"ok","body":"","source":"a.md","body_shard":0,"number":0}],
            "body_shards":[{"file":"bodies/0.json","count":1}]}"#;
        let loaded = parse(split_without_index).unwrap();
        assert!(loaded.shards.is_split());
        assert!(loaded.shards.index_shards.is_empty());
    }

    #[test]
    fn whole_bundle_errors_say_what_failed() {
        let cases = [
            (
                "{\"format\":\"folio-bundle\",\"version\":1,\"articles\":[",
                "not JSON",
            ),
            ("[1,2]", "not a folio bundle"),
            (
                "{\"format\":\"other\",\"version\":1,\"articles\":[]}",
                "not a folio bundle",
            ),
            (
                "{\"format\":\"folio-bundle\",\"version\":3,\"articles\":[]}",
                "unsupported bundle version 3 (this viewer reads versions 1 to 2)",
            ),
            (
                "{\"format\":\"folio-bundle\",\"version\":1,\"layout\":\"split\",\"articles\":[],
                  \"index_shards\":[{\"file\":\"index/0.json\",\"first_key\":\"\"}]}",
                "this split bundle is version 1",
            ),
            (
                "{\"format\":\"folio-bundle\",\"version\":1,\"articles\":{}}",
                "articles: expected an array",
            ),
            (
                "{\"format\":\"folio-bundle\",\"version\":1}",
                "articles: missing",
            ),
        ];
        for (json, expected) in cases {
            let err = parse(json).expect_err(json).to_string();
            assert!(
                err.starts_with(expected),
                "{json}: got {err:?}, expected {expected:?}"
            );
        }
    }
}
