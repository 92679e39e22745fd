//! The split layout: one bundle as a manifest that holds the newest
//! articles, article shards with the older ones, and body shards, so that a
//! viewer shows the newest articles after one request of a few tens of
//! kilobytes, whatever the collection's size.
//!
//! The manifest is a bundle document ([`super::parse`] reads it) with
//! `"layout": "split"`, the shard lists, and tags; its articles, and those of
//! the article shards (bundle documents too), have an empty `body` and a
//! `body_shard`; body shards map ids to bodies. `docs/bundle-format.md` is
//! the prose half of this module; the writer is `crate::bundler::split`.

use super::{BundleError, LoadedBundle, SkippedArticle};
use crate::article::Article;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// The value of the manifest's `layout` field.
pub const LAYOUT: &str = "split";

/// One shard file, relative to the manifest, and how many articles it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardFile {
    /// Path relative to the manifest's URL (`articles/0003-1a2b3c4d5e6f7a8b.json`).
    pub file: String,
    /// How many articles it holds.
    pub count: usize,
}

/// One index shard file, relative to the manifest, and the first search key
/// it holds (shards are in key order: `crate::search::index::shards`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexShardFile {
    /// Path relative to the manifest's URL (`index/0003-1a2b3c4d5e6f7a8b.json`).
    pub file: String,
    /// The smallest key in the shard.
    pub first_key: String,
}

/// A body shard: article id to body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyShard {
    /// Bodies by article id.
    pub bodies: BTreeMap<String, String>,
}

/// A split bundle's shards as a reader works through them; empty for a
/// single file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shards {
    split: bool,
    /// Article shards, oldest articles first, as the manifest lists them.
    article_shards: Vec<ShardFile>,
    /// How many article shards have been absorbed (newest first).
    absorbed: usize,
    /// Where each absorbed shard's articles begin in the bundle's list,
    /// after the manifest's own (see [`LoadedBundle::absorb_shard`]).
    run_starts: Vec<usize>,
    /// Whether the manifest's category tree, authors and tags must be
    /// recomputed once every shard is in (something was skipped, or they
    /// were malformed).
    recount: bool,
    /// The body shard files that articles' `body_shard` indexes.
    pub body_shards: Vec<String>,
    /// The search index's shards, in key order (none in bundles written
    /// before the index existed: search then reads the bodies).
    pub index_shards: Vec<IndexShardFile>,
}

impl Shards {
    /// Reads the split layout's fields of a bundle document.
    pub(super) fn read(
        layout: Option<serde_json::Value>,
        article_shards: Option<&RawValue>,
        body_shards: Option<&RawValue>,
        index_shards: Option<&RawValue>,
    ) -> Result<Shards, BundleError> {
        match layout {
            None => return Ok(Shards::default()),
            Some(serde_json::Value::String(layout)) if layout == LAYOUT => {}
            Some(other) => {
                return Err(BundleError::NotABundle(format!(
                    "\"layout\" is {}, this viewer reads single files and \"{LAYOUT}\"",
                    super::json_value_in_brief(&other)
                )))
            }
        }
        let article_shards: Vec<ShardFile> =
            list(article_shards, "article_shards", "{\"file\", \"count\"}")?;
        check_inside(article_shards.iter().map(|s| &s.file), "article_shards")?;
        let body_shards: Vec<ShardFile> =
            list(body_shards, "body_shards", "{\"file\", \"count\"}")?;
        check_inside(body_shards.iter().map(|s| &s.file), "body_shards")?;
        let index_shards: Vec<IndexShardFile> =
            list(index_shards, "index_shards", "{\"file\", \"first_key\"}")?;
        check_inside(index_shards.iter().map(|s| &s.file), "index_shards")?;
        Ok(Shards {
            split: true,
            article_shards,
            absorbed: 0,
            run_starts: Vec::new(),
            recount: false,
            body_shards: body_shards.into_iter().map(|shard| shard.file).collect(),
            index_shards,
        })
    }

    /// Whether the bundle is in the split layout.
    pub fn is_split(&self) -> bool {
        self.split
    }

    /// The next article shard to fetch: the newest not absorbed yet.
    pub fn next(&self) -> Option<&ShardFile> {
        let left = self.article_shards.len() - self.absorbed;
        left.checked_sub(1)
            .and_then(|newest| self.article_shards.get(newest))
    }

    /// How many articles are in shards not absorbed yet.
    pub fn pending(&self) -> usize {
        let left = self.article_shards.len() - self.absorbed;
        self.article_shards[..left]
            .iter()
            .fold(0, |sum, shard| sum.saturating_add(shard.count))
    }
}

/// The most articles room is made for before they arrive: the counts are
/// the manifest's word, and a wrong one must not claim the page's memory.
const MOST_RESERVED: usize = 1_000_000;

impl LoadedBundle {
    /// Takes in the article shard [`Shards::next`] named, as read (or why it
    /// could not be): its articles join the bundle; a shard that failed
    /// counts its articles as skipped, by the shard's file name, and so do
    /// articles it could not read. Once the last shard is in, the articles
    /// are in bundle order, and the counts are recomputed from what was read
    /// if anything was skipped.
    pub fn absorb_shard(&mut self, outcome: Result<LoadedBundle, String>) {
        let Some(shard) = self.shards.next().cloned() else {
            return;
        };
        if self.shards.absorbed == 0 {
            // Room for every article at once: growing by doubling held the
            // old and the new list together (for 100,000 articles, room for
            // 65,536 and 131,072 at once, in a wasm memory that never
            // shrinks).
            let coming = self.shards.pending().min(MOST_RESERVED);
            // Not enough memory for it: the list grows as it would have.
            let _ = self.bundle.articles.try_reserve_exact(coming);
        }
        self.shards.absorbed += 1;
        match outcome {
            Ok(read) => {
                self.skipped
                    .extend(read.skipped.into_iter().map(|skip| SkippedArticle {
                        path: format!("{}: {}", shard.file, skip.path),
                        ..skip
                    }));
                let start = self.bundle.articles.len();
                self.shards.run_starts.push(start);
                self.bundle.articles.extend(read.bundle.articles);
            }
            Err(message) => self
                .skipped
                .extend((0..shard.count).map(|index| SkippedArticle {
                    index,
                    path: shard.file.clone(),
                    message: message.clone(),
                })),
        }
        self.shards.recount |= !self.skipped.is_empty();
        if self.shards.next().is_none() {
            let runs = std::mem::take(&mut self.shards.run_starts);
            put_runs_in_order(&mut self.bundle.articles, &runs);
            if self.shards.recount {
                self.recount();
            }
        }
    }

    /// Marks the manifest's counts as unusable: recomputed once every shard
    /// is in.
    pub(super) fn recount_when_complete(&mut self) {
        self.shards.recount = true;
    }
}

/// Puts `articles` in bundle order. They are runs, each in bundle order and
/// newest run first: the manifest's own articles from 0, then one run per
/// absorbed shard from each of `shard_starts` (shards are fetched newest
/// first). Reversing the runs ([`reverse_runs`]) puts them in order in two
/// passes, where a stable sort of 100,000 articles merged 200 runs (a task
/// of 64–96 ms in the viewer on the eighth session's machine). Runs that
/// overlap, from a bundle written by hand, are sorted after all.
fn put_runs_in_order(articles: &mut [Article], shard_starts: &[usize]) {
    reverse_runs(articles, shard_starts);
    if !articles.is_sorted_by(|a, b| super::bundle_order(a, b).is_le()) {
        super::sort_oldest_first(articles);
    }
}

/// Reverses the order of the runs of `articles` (from 0 and from each of
/// `shard_starts`) while keeping each run's own order: the whole list,
/// then each run.
fn reverse_runs<T>(articles: &mut [T], shard_starts: &[usize]) {
    let total = articles.len();
    articles.reverse();
    // The run that was at `start..end` is now at `total - end..total - start`.
    let starts = std::iter::once(0).chain(shard_starts.iter().copied());
    let ends = shard_starts.iter().copied().chain(std::iter::once(total));
    for (start, end) in starts.zip(ends) {
        if let Some(run) = articles.get_mut(total.saturating_sub(end)..total.saturating_sub(start))
        {
            run.reverse();
        }
    }
}

/// A manifest's list of shards at `path`, whose entries are `shape`.
fn list<T: serde::de::DeserializeOwned>(
    raw: Option<&RawValue>,
    path: &str,
    shape: &str,
) -> Result<Vec<T>, BundleError> {
    serde_json::from_str(raw.map_or("[]", RawValue::get)).map_err(|err| BundleError::WrongType {
        path: path.to_owned(),
        message: format!("expected a list of {shape} ({err})"),
    })
}

/// Refuses the first shard file of the list at `path` that is not
/// [inside](is_inside) the manifest's folder, naming it.
fn check_inside<'a>(
    files: impl Iterator<Item = &'a String>,
    path: &str,
) -> Result<(), BundleError> {
    match files.enumerate().find(|(_, file)| !is_inside(file)) {
        Some((at, _)) => Err(BundleError::WrongType {
            path: format!("{path}[{at}].file"),
            message: "must be a path inside the bundle's folder (no scheme, no leading /, no ..)"
                .to_owned(),
        }),
        None => Ok(()),
    }
}

/// Whether a shard's `file` stays inside the manifest's folder: a bundle is
/// untrusted, and its shard names must not send a viewer to another site or
/// `folio search` to another folder.
fn is_inside(file: &str) -> bool {
    !file.is_empty()
        && !file.starts_with('/')
        && !file.contains(['\\', ':', '?', '#'])
        && file
            .split('/')
            .all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}

/// The `number`s of a split bundle's `articles` (as read, in any order),
/// when the index can be trusted to name them: every article has one, all
/// are below `total` (the articles read plus those skipped) and no two are
/// alike. `None` otherwise; a bundle is untrusted, and a wild number must
/// not make a reader allocate for it.
pub fn article_numbers(articles: &[crate::article::Article], total: usize) -> Option<Vec<u32>> {
    let mut seen = vec![false; total];
    articles
        .iter()
        .map(|article| {
            let number = article.number?;
            let slot = seen.get_mut(number as usize)?;
            (!std::mem::replace(slot, true)).then_some(number)
        })
        .collect()
}

/// Reads a body shard.
///
/// # Errors
/// When it is not JSON or not an object of `bodies` by id.
pub fn read_body_shard(json: &str) -> Result<BodyShard, BundleError> {
    serde_json::from_str(json).map_err(|err| {
        if err.is_data() {
            BundleError::WrongType {
                path: "bodies".to_owned(),
                message: err.to_string(),
            }
        } else {
            BundleError::NotJson(err)
        }
    })
}

#[cfg(test)]
mod tests;
