//! Runs queries over a split bundle the way a viewer with its index would,
//! and says what each one read: for `scripts/bench-index.mjs`, which turns
//! that into bytes per query.
//!
//! ```sh
//! printf '中俄\nlinux\n' | cargo run --release --example split_search -- target/bench/split-10000 [TEXT_DIR]
//! ```
//!
//! Prints one JSON line per query, run three times (for its first page of
//! hits, `PAGE_SIZE`; for all; for the viewer's first hits, `FetchPolicy::VIEWER`):
//! the hits, the index and body shard files read (relative to the folder),
//! and how long it took natively, every file read from disk for the query
//! alone. With `TEXT_DIR`, first writes
//! the plain body text the index was built from there, 50 articles per
//! file, so its compressed size can be compared with the index's.

use folio::bundler::split::{read_article_shards, read_split_bundle, search_split, MANIFEST};
use folio::listing::{newest_first, Filter, PAGE_SIZE};
use folio::search::split::schedule::FetchPolicy;
use folio::search::text::body_text;
use folio::search::Query;
use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(args.next().ok_or("usage: split_search FOLDER [TEXT_DIR]")?);
    let manifest = folder.join(MANIFEST);
    let read = || -> Result<_, Box<dyn std::error::Error>> {
        Ok(folio::bundle::parse(&std::fs::read_to_string(&manifest)?)?)
    };
    if let Some(text_dir) = args.next() {
        write_texts(&manifest, read()?, &PathBuf::from(text_dir))?;
    }
    let mut loaded = read()?;
    read_article_shards(&manifest, &mut loaded);
    let candidates = newest_first(&loaded.bundle.articles, &Filter::All);
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let query = Query::parse(&line);
        let mut runs = Vec::new();
        for limit in [PAGE_SIZE, usize::MAX, FetchPolicy::VIEWER.first_hits] {
            let started = Instant::now();
            let (found, reads) = search_split(&manifest, &loaded, &candidates, &query, limit)?;
            // The viewer then cuts snippets from the bodies of its first
            // hits: which body shard holds each, and whether it is a title hit.
            let first_hits: Vec<serde_json::Value> = found
                .hits
                .iter()
                .take(FetchPolicy::VIEWER.snippets_wanted)
                .map(|hit| {
                    let shard = loaded.bundle.articles[hit.index].body_shard;
                    let file = shard.map(|i| loaded.shards.body_shards[i as usize].as_str());
                    serde_json::json!({ "body_shard": file, "in_title": hit.in_title })
                })
                .collect();
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let index: Vec<&str> = reads
                .index_shards
                .iter()
                .map(|&i| loaded.shards.index_shards[i].file.as_str())
                .collect();
            let bodies: Vec<&str> = reads
                .body_shards
                .iter()
                .map(|&i| loaded.shards.body_shards[i as usize].as_str())
                .collect();
            runs.push(serde_json::json!({
                "hits": found.hits.len(),
                "unchecked": found.unchecked,
                "index": index,
                "bodies": bodies,
                "first_hits": first_hits,
                "ms": ms,
            }));
        }
        println!(
            "{}",
            serde_json::json!({ "query": line, "page_size": PAGE_SIZE, "first_page": runs[0], "all": runs[1], "viewer": runs[2] })
        );
    }
    Ok(())
}

/// The plain text of every body, 50 articles per file (`NNNN.txt`), as
/// `folio bundle --split` puts them in body shards by default.
fn write_texts(
    manifest: &std::path::Path,
    mut loaded: folio::bundle::LoadedBundle,
    dir: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error>> {
    read_split_bundle(manifest, &mut loaded)?;
    std::fs::create_dir_all(dir)?;
    for (number, chunk) in loaded.bundle.articles.chunks(50).enumerate() {
        let text: Vec<String> = chunk.iter().map(|a| body_text(&a.body)).collect();
        std::fs::write(dir.join(format!("{number:04}.txt")), text.join("\n"))?;
    }
    Ok(())
}
