//! Writes a bundle in the split layout (`folio bundle --split`), the format
//! `crate::bundle::split` reads and `docs/bundle-format.md` specifies.
//!
//! The manifest holds the newest articles; older ones are cut into article
//! shards from the oldest end, so shards never change when newer posts
//! arrive. Shard files are named by a hash of their content, so a file name
//! always means the same bytes: a host can cache shards forever, a rebuild
//! rewrites only the shards that changed, and the manifest, written last and
//! atomically, switches readers from the old set to the new one in one step.
//! Files of the old set are removed after that.
//!
//! The index of the bodies' search keys is cut into index shards by key
//! (`crate::search::index::shards`), so a viewer fetches the few a query
//! needs instead of every body.

use super::{write_atomically, BundlerError};
use crate::article::Article;
use crate::bundle::split::{
    article_numbers, read_body_shard, BodyShard, IndexShardFile, ShardFile, LAYOUT,
};
use crate::bundle::{Bundle, LoadedBundle, FORMAT, VERSION};
use crate::search::index::shards::{ArticleKeys, IndexWriter};
use crate::search::split::{indexed_body, meta_of, Found, SearchStep, SplitSearch};
use crate::search::{Hit, Query};
use crate::taxonomy::{tag_counts_of, CategoryNode, NameCount};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::Path;

/// The manifest's file name inside the output folder.
pub const MANIFEST: &str = "bundle.json";
const ARTICLES_DIR: &str = "articles";
const BODIES_DIR: &str = "bodies";
const INDEX_DIR: &str = "index";
const SHARD_DIRS: [&str; 3] = [ARTICLES_DIR, BODIES_DIR, INDEX_DIR];

/// About this much JSON per index shard: about 21 KB brotli, so a query of
/// a few keys stays within a few hundred kilobytes. (Base-32 postings
/// compress about 2.5:1; the decimal arrays before them took 96 KB of JSON
/// for the same 21 KB.)
const INDEX_SHARD_BYTES: usize = 52 * 1024;

/// How many articles go into one shard of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardSizes {
    /// Article metadata per shard. The manifest holds between this many and
    /// twice this many of the newest articles (all of them when there are
    /// fewer): the first list needs nothing else.
    pub articles: usize,
    /// Bodies per shard: opening an article downloads its whole shard.
    pub bodies: usize,
}

impl Default for ShardSizes {
    /// 500 articles' metadata is about 60 KB brotli for feed posts; 50
    /// bodies about 50 KB.
    fn default() -> Self {
        ShardSizes {
            articles: 500,
            bodies: 50,
        }
    }
}

/// What [`write_split_bundle`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitSummary {
    /// Articles in the manifest itself.
    pub in_manifest: usize,
    /// Article shards, oldest articles first.
    pub article_shards: Vec<ShardFile>,
    /// Body shards.
    pub body_shards: Vec<ShardFile>,
    /// Index shards, in key order.
    pub index_shards: Vec<IndexShardFile>,
}

/// The manifest as written: a bundle document with the split fields.
#[derive(Serialize)]
struct ManifestDocument<'a> {
    format: &'static str,
    version: u64,
    layout: &'static str,
    timezone: &'a str,
    categories: &'a [CategoryNode],
    authors: &'a [NameCount],
    tags: &'a [NameCount],
    articles: &'a [Article],
    article_shards: &'a [ShardFile],
    body_shards: &'a [ShardFile],
    index_shards: &'a [IndexShardFile],
}

/// An article shard as written: a bundle document without bodies.
#[derive(Serialize)]
struct ArticleShard<'a> {
    format: &'static str,
    version: u64,
    articles: &'a [Article],
}

/// Writes `bundle` into `folder` as a manifest ([`MANIFEST`]) with article
/// and body shards beside it, then removes shard files the new manifest no
/// longer names.
///
/// # Errors
/// When the folder or a file in it cannot be written. The previous manifest
/// and its shards stay readable until the new manifest replaces it.
pub fn write_split_bundle(
    mut bundle: Bundle,
    folder: &Path,
    sizes: ShardSizes,
) -> Result<SplitSummary, BundlerError> {
    for dir in SHARD_DIRS {
        let path = folder.join(dir);
        std::fs::create_dir_all(&path).map_err(|source| BundlerError::Write { path, source })?;
    }
    let tags = tag_counts_of(&bundle.articles);
    for (number, article) in bundle.articles.iter_mut().enumerate() {
        article.number = Some(u32::try_from(number).unwrap_or(u32::MAX));
    }
    // Bodies leave the bundle one shard at a time, indexed on the way, so
    // the index grows as the bodies are let go instead of on top of them.
    let mut index = IndexWriter::new();
    let mut body_shards = Vec::new();
    for (number, chunk) in bundle.articles.chunks_mut(sizes.bodies.max(1)).enumerate() {
        let keys: Vec<ArticleKeys> = chunk
            .par_iter()
            .map(|article| ArticleKeys::of(&[&indexed_body(&article.body)]))
            .collect();
        for article_keys in keys {
            index.add_keys(article_keys);
        }
        let shard = u32::try_from(number).unwrap_or(u32::MAX);
        let bodies = chunk
            .iter_mut()
            .map(|article| {
                article.body_shard = Some(shard);
                (article.id.clone(), std::mem::take(&mut article.body))
            })
            .collect();
        let json = to_json(&BodyShard { bodies }, folder)?;
        body_shards.push(write_shard(folder, BODIES_DIR, number, &json, chunk.len())?);
    }
    let mut index_shards = Vec::new();
    index.each_shard(INDEX_SHARD_BYTES, |shard| {
        let written = write_shard(folder, INDEX_DIR, index_shards.len(), &shard.json, 0)?;
        index_shards.push(IndexShardFile {
            file: written.file,
            first_key: shard.first_key,
        });
        Ok::<(), BundlerError>(())
    })?;
    drop(index);
    let per_shard = sizes.articles.max(1);
    let in_shards = bundle.articles.len().saturating_sub(per_shard) / per_shard * per_shard;
    let (older, newest) = bundle.articles.split_at(in_shards);
    let mut article_shards = Vec::new();
    for (number, chunk) in older.chunks(per_shard).enumerate() {
        let document = ArticleShard {
            format: FORMAT,
            version: VERSION,
            articles: chunk,
        };
        let json = to_json(&document, folder)?;
        article_shards.push(write_shard(
            folder,
            ARTICLES_DIR,
            number,
            &json,
            chunk.len(),
        )?);
    }
    let manifest = ManifestDocument {
        format: FORMAT,
        version: VERSION,
        layout: LAYOUT,
        timezone: &bundle.timezone,
        categories: &bundle.categories,
        authors: &bundle.authors,
        tags: &tags,
        articles: newest,
        article_shards: &article_shards,
        body_shards: &body_shards,
        index_shards: &index_shards,
    };
    let json = to_json(&manifest, folder)?;
    write_atomically(&folder.join(MANIFEST), |file| {
        std::io::Write::write_all(file, json.as_bytes())
    })?;
    let summary = SplitSummary {
        in_manifest: newest.len(),
        article_shards,
        body_shards,
        index_shards,
    };
    remove_unlisted(folder, &summary)?;
    Ok(summary)
}

/// Reads the article shards of a split bundle whose manifest at `manifest`
/// was read into `loaded` (one that cannot be read counts its articles as
/// skipped, as in the viewer): every article is then there, without its
/// body. Does nothing for a single-file bundle.
pub fn read_article_shards(manifest: &Path, loaded: &mut LoadedBundle) {
    let folder = manifest.parent().unwrap_or(Path::new("."));
    while let Some(shard) = loaded.shards.next() {
        let path = folder.join(&shard.file);
        let outcome = std::fs::read_to_string(&path)
            .map_err(|err| format!("{}: {err}", path.display()))
            .and_then(|json| crate::bundle::parse(&json).map_err(|err| err.to_string()));
        loaded.absorb_shard(outcome);
    }
}

/// Completes a split bundle read from its manifest at `manifest`: reads its
/// article shards ([`read_article_shards`]) and puts every article's body
/// back from its body shard, so that the result is what the single-file
/// bundle would have given.
///
/// # Errors
/// When a body shard cannot be read, naming it.
pub fn read_split_bundle(manifest: &Path, loaded: &mut LoadedBundle) -> Result<(), BundlerError> {
    read_article_shards(manifest, loaded);
    let mut bodies = BodyFiles::new(manifest, &loaded.shards.body_shards);
    for article in &mut loaded.bundle.articles {
        if article.body_shard.is_some() {
            article.body = bodies.body_of(article)?;
        }
        // What only the split layout has.
        article.body_shard = None;
        article.number = None;
    }
    Ok(())
}

/// Which files a search over a split bundle read besides the manifest and
/// article shards: what a viewer would have fetched for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchReads {
    /// Index shards, as positions in the manifest's `index_shards`.
    pub index_shards: Vec<usize>,
    /// Body shards, as positions in the manifest's `body_shards`.
    pub body_shards: Vec<u32>,
}

/// The hits of `query` among `candidates` (positions in `loaded`'s articles,
/// newest first) of a split bundle with an index, read with
/// [`read_article_shards`]: from the index shards the query needs and the
/// bodies the index cannot decide alone ([`crate::search::split`]); the
/// same hits as a search over the whole bundle, or with a `limit`, at least
/// their first `limit` (`usize::MAX`: all).
///
/// # Errors
/// When a file the search needs cannot be read or is malformed, naming it.
pub fn search_split(
    manifest: &Path,
    loaded: &LoadedBundle,
    candidates: &[usize],
    query: &Query,
    limit: usize,
) -> Result<(Found, SearchReads), BundlerError> {
    let folder = manifest.parent().unwrap_or(Path::new("."));
    let articles = &loaded.bundle.articles;
    // Numbers run over every article, read or skipped.
    let total = articles.len() + loaded.skipped.len();
    let numbers = article_numbers(articles, total).ok_or_else(|| {
        unreadable(
            manifest,
            "its articles' numbers do not name each article once: rebuild it with folio bundle --split"
                .to_owned(),
        )
    })?;
    let mut positions: Vec<Option<usize>> = vec![None; total];
    let mut meta = vec![None; total];
    for (position, &number) in numbers.iter().enumerate() {
        positions[number as usize] = Some(position);
        meta[number as usize] = Some(meta_of(&articles[position]));
    }
    let first_keys = loaded
        .shards
        .index_shards
        .iter()
        .map(|s| s.first_key.clone());
    let mut search = SplitSearch::new(meta, first_keys.collect());
    let by_number: Vec<u32> = candidates.iter().map(|&p| numbers[p]).collect();
    let mut bodies = BodyFiles::new(manifest, &loaded.shards.body_shards);
    let mut reads = SearchReads::default();
    loop {
        match search.search(&by_number, query, limit) {
            SearchStep::Found(found) => {
                reads.body_shards = bodies.read.iter().copied().collect();
                let hits = found
                    .hits
                    .into_iter()
                    .filter_map(|hit| {
                        let index = positions.get(hit.index).copied().flatten()?;
                        Some(Hit { index, ..hit })
                    })
                    .collect();
                let found = Found { hits, ..found };
                return Ok((found, reads));
            }
            SearchStep::IndexShards(needed) => {
                for shard in needed {
                    let path = folder.join(&loaded.shards.index_shards[shard].file);
                    let json = std::fs::read_to_string(&path)
                        .map_err(|err| unreadable(&path, err.to_string()))?;
                    search
                        .absorb_index_shard(shard, &json)
                        .map_err(|err| unreadable(&path, err.to_string()))?;
                    reads.index_shards.push(shard);
                }
            }
            SearchStep::Bodies { needed, .. } => {
                for number in needed {
                    let Some(position) = positions.get(number as usize).copied().flatten() else {
                        continue;
                    };
                    let body = bodies.body_of(&articles[position])?;
                    search.add_body(number, &body);
                }
            }
        }
    }
}

/// A split bundle's body shards, each read from its file when an article
/// first needs it.
struct BodyFiles<'a> {
    manifest: &'a Path,
    files: &'a [String],
    loaded: Vec<Option<BodyShard>>,
    /// Which shards were read.
    read: std::collections::BTreeSet<u32>,
}

impl<'a> BodyFiles<'a> {
    fn new(manifest: &'a Path, files: &'a [String]) -> BodyFiles<'a> {
        BodyFiles {
            manifest,
            files,
            loaded: vec![None; files.len()],
            read: Default::default(),
        }
    }

    /// The body of `article` from its body shard (its own `body` in a
    /// single-file bundle); empty when the shard does not have it. Each
    /// body is handed out once (moved out of its shard, so a whole bundle's
    /// bodies are never held twice).
    fn body_of(&mut self, article: &Article) -> Result<String, BundlerError> {
        let Some(number) = article.body_shard else {
            return Ok(article.body.clone());
        };
        let Some(slot) = self.loaded.get_mut(number as usize) else {
            return Err(unreadable(
                self.manifest,
                format!(
                    "article {} names body shard {number}, which is not listed",
                    article.id
                ),
            ));
        };
        if slot.is_none() {
            let folder = self.manifest.parent().unwrap_or(Path::new("."));
            let path = folder.join(&self.files[number as usize]);
            let json =
                std::fs::read_to_string(&path).map_err(|err| unreadable(&path, err.to_string()))?;
            *slot = Some(read_body_shard(&json).map_err(|err| unreadable(&path, err.to_string()))?);
            self.read.insert(number);
        }
        Ok(slot
            .as_mut()
            .and_then(|shard| shard.bodies.remove(&article.id))
            .unwrap_or_default())
    }
}

fn unreadable(path: &Path, message: String) -> BundlerError {
    BundlerError::Read {
        path: path.to_owned(),
        message,
    }
}

fn to_json(value: &impl Serialize, folder: &Path) -> Result<String, BundlerError> {
    serde_json::to_string(value).map_err(|err| BundlerError::Write {
        path: folder.to_owned(),
        source: std::io::Error::other(err),
    })
}

/// Writes one shard under a content-named file (unless that file is there
/// already, which means it holds these bytes).
fn write_shard(
    folder: &Path,
    dir: &str,
    number: usize,
    json: &str,
    count: usize,
) -> Result<ShardFile, BundlerError> {
    let digest = Sha256::digest(json.as_bytes());
    // 16 hex digits, as `make dist` names its hashed files (the hosting
    // rules in docs/hosting.md cache such names for a year).
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let file = format!("{dir}/{number:04}-{hash}.json");
    let path = folder.join(&file);
    if !path.is_file() {
        write_atomically(&path, |out| std::io::Write::write_all(out, json.as_bytes()))?;
    }
    Ok(ShardFile { file, count })
}

/// Removes `.json` files in the shard folders that `manifest` does not name:
/// shards of an earlier run.
fn remove_unlisted(folder: &Path, manifest: &SplitSummary) -> Result<(), BundlerError> {
    let listed: HashSet<&str> = manifest
        .article_shards
        .iter()
        .chain(&manifest.body_shards)
        .map(|shard| shard.file.as_str())
        .chain(
            manifest
                .index_shards
                .iter()
                .map(|shard| shard.file.as_str()),
        )
        .collect();
    for dir in SHARD_DIRS {
        let path = folder.join(dir);
        let entries = std::fs::read_dir(&path).map_err(|source| BundlerError::Write {
            path: path.clone(),
            source,
        })?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") && !listed.contains(format!("{dir}/{name}").as_str()) {
                std::fs::remove_file(entry.path()).map_err(|source| BundlerError::Write {
                    path: entry.path(),
                    source,
                })?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
