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

use super::{write_atomically, BundlerError};
use crate::article::Article;
use crate::bundle::split::{read_body_shard, BodyShard, ShardFile, LAYOUT};
use crate::bundle::{Bundle, LoadedBundle, FORMAT, VERSION};
use crate::taxonomy::{tag_counts_of, CategoryNode, NameCount};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::Path;

/// The manifest's file name inside the output folder.
pub const MANIFEST: &str = "bundle.json";
const ARTICLES_DIR: &str = "articles";
const BODIES_DIR: &str = "bodies";

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
    for dir in [ARTICLES_DIR, BODIES_DIR] {
        let path = folder.join(dir);
        std::fs::create_dir_all(&path).map_err(|source| BundlerError::Write { path, source })?;
    }
    let tags = tag_counts_of(&bundle.articles);
    let mut body_shards = Vec::new();
    for (number, chunk) in bundle.articles.chunks_mut(sizes.bodies.max(1)).enumerate() {
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
    };
    let json = to_json(&manifest, folder)?;
    write_atomically(&folder.join(MANIFEST), |file| {
        std::io::Write::write_all(file, json.as_bytes())
    })?;
    let summary = SplitSummary {
        in_manifest: newest.len(),
        article_shards,
        body_shards,
    };
    remove_unlisted(folder, &summary)?;
    Ok(summary)
}

/// Completes a split bundle read from its manifest at `manifest`: reads its
/// article shards (one that cannot be read counts its articles as skipped,
/// as in the viewer) and puts every article's body back from its body shard,
/// so that the result is what the single-file bundle would have given.
///
/// # Errors
/// When a body shard cannot be read, naming it.
pub fn read_split_bundle(manifest: &Path, loaded: &mut LoadedBundle) -> Result<(), BundlerError> {
    let folder = manifest.parent().unwrap_or(Path::new("."));
    while let Some(shard) = loaded.shards.next() {
        let path = folder.join(&shard.file);
        let outcome = std::fs::read_to_string(&path)
            .map_err(|err| format!("{}: {err}", path.display()))
            .and_then(|json| crate::bundle::parse(&json).map_err(|err| err.to_string()));
        loaded.absorb_shard(outcome);
    }
    let mut bodies: Vec<Option<BodyShard>> = vec![None; loaded.shards.body_shards.len()];
    for article in &mut loaded.bundle.articles {
        let Some(number) = article.body_shard.take() else {
            continue;
        };
        let unreadable = |path: &Path, message: String| BundlerError::Read {
            path: path.to_owned(),
            message,
        };
        let Some(slot) = bodies.get_mut(number as usize) else {
            return Err(unreadable(
                manifest,
                format!(
                    "article {} names body shard {number}, which is not listed",
                    article.id
                ),
            ));
        };
        if slot.is_none() {
            let path = folder.join(&loaded.shards.body_shards[number as usize]);
            let json =
                std::fs::read_to_string(&path).map_err(|err| unreadable(&path, err.to_string()))?;
            *slot = Some(read_body_shard(&json).map_err(|err| unreadable(&path, err.to_string()))?);
        }
        if let Some(shard) = slot {
            article.body = shard.bodies.remove(&article.id).unwrap_or_default();
        }
    }
    Ok(())
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
        .collect();
    for dir in [ARTICLES_DIR, BODIES_DIR] {
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
