use super::*;
use crate::search::SearchableArticle;
use std::collections::BTreeMap;
use std::fs;

fn articles(count: usize) -> Vec<Article> {
    (0..count)
        .map(|n| Article {
            id: format!("{n:016x}"),
            title: format!("第{n}篇"),
            categories: vec![vec!["新媒体".into(), format!("站点{}", n % 3)]],
            tags: vec![format!("标签{}", n % 2)],
            author: Some(format!("站点{}", n % 3)),
            date: Some(format!("2026-01-{:02}T00:00:00Z", 1 + n % 28)),
            body: format!("<p>正文 {n}</p>"),
            source: format!("{n}.md"),
            ..Article::default()
        })
        .collect()
}

fn sizes(articles: usize, bodies: usize) -> ShardSizes {
    ShardSizes { articles, bodies }
}

/// Every file under `folder`, by relative path.
fn files(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry.path().strip_prefix(folder).unwrap();
            (
                relative.to_string_lossy().replace('\\', "/"),
                fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

/// Reads a split bundle back with `read_split_bundle`, checking that the
/// manifest alone holds the newest articles and nothing was skipped.
fn read_back(folder: &Path) -> Vec<Article> {
    let manifest = folder.join(MANIFEST);
    let mut loaded = crate::bundle::parse(&fs::read_to_string(&manifest).unwrap()).unwrap();
    assert!(loaded.shards.is_split());
    read_split_bundle(&manifest, &mut loaded).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert!(loaded.is_complete());
    loaded.bundle.articles
}

#[test]
fn a_split_bundle_reads_back_as_the_single_file_one() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = Bundle::new(articles(23));
    let sorted = crate::bundle::parse(&bundle.to_json().unwrap()).unwrap();
    let written = write_split_bundle(bundle, dir.path(), sizes(10, 4)).unwrap();
    // The newest 13 (between one and two shards' worth) are in the manifest.
    assert_eq!(written.in_manifest, 13);
    let counts: Vec<usize> = written.article_shards.iter().map(|s| s.count).collect();
    assert_eq!(counts, [10]);
    assert_eq!(written.body_shards.len(), 6);
    assert_eq!(read_back(dir.path()), sorted.bundle.articles);
    // Neither the manifest nor article shards carry bodies.
    for file in [MANIFEST, written.article_shards[0].file.as_str()] {
        let text = fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(!text.contains("正文"), "{text}");
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join(MANIFEST)).unwrap()).unwrap();
    assert_eq!(manifest["layout"], "split");
    assert_eq!(manifest["tags"].as_array().unwrap().len(), 2);
    // Articles carry their numbers, which the index's postings name.
    let numbers: Vec<&serde_json::Value> = manifest["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| &article["number"])
        .collect();
    assert_eq!(numbers, (10..23).collect::<Vec<u32>>());
    assert!(!written.index_shards.is_empty());
    assert_eq!(
        manifest["index_shards"][0]["file"],
        written.index_shards[0].file
    );
}

#[test]
fn the_same_bundle_gives_the_same_files() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    write_split_bundle(Bundle::new(articles(30)), one.path(), sizes(8, 5)).unwrap();
    write_split_bundle(Bundle::new(articles(30)), two.path(), sizes(8, 5)).unwrap();
    assert_eq!(files(one.path()), files(two.path()));
}

#[test]
fn a_rebuild_with_newer_posts_keeps_older_shards_and_removes_stale_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut posts = articles(20);
    for (n, post) in posts.iter_mut().enumerate() {
        post.date = Some(format!("2026-01-{:02}T00:00:00Z", 1 + n));
    }
    write_split_bundle(Bundle::new(posts.clone()), dir.path(), sizes(8, 5)).unwrap();
    let before = files(dir.path());
    fs::write(dir.path().join("articles/stray.txt"), "not ours").unwrap();

    let mut newer = articles(21).pop().unwrap();
    newer.date = Some("2026-02-01T00:00:00Z".into());
    posts.push(newer);
    write_split_bundle(Bundle::new(posts.clone()), dir.path(), sizes(8, 5)).unwrap();
    let after = files(dir.path());

    // A newer post goes into the manifest: the shards of older articles are
    // the same files, untouched.
    let kept: Vec<&String> = before.keys().filter(|f| after.contains_key(*f)).collect();
    assert_eq!(
        kept.iter().filter(|f| f.starts_with("articles/")).count(),
        1,
        "{kept:?}"
    );
    assert_eq!(
        kept.iter().filter(|f| f.starts_with("bodies/")).count(),
        4,
        "{kept:?}"
    );
    assert_eq!(read_back(dir.path()).len(), 21);

    // Without the oldest post every shard changes: the old files are
    // removed, files that are not shards are left alone.
    posts.remove(0);
    write_split_bundle(Bundle::new(posts), dir.path(), sizes(8, 5)).unwrap();
    let last = files(dir.path());
    assert!(after
        .keys()
        .filter(|f| f.ends_with(".json") && *f != MANIFEST)
        .all(|f| !last.contains_key(f)));
    assert!(last.contains_key("articles/stray.txt"));
    assert_eq!(read_back(dir.path()).len(), 20);
}

#[test]
fn an_unwritable_folder_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taken");
    fs::write(&file, "a file, not a folder").unwrap();
    let err = write_split_bundle(Bundle::new(articles(1)), &file, ShardSizes::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("taken"), "{err}");
}

#[test]
fn a_missing_body_shard_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let written = write_split_bundle(Bundle::new(articles(12)), dir.path(), sizes(5, 5)).unwrap();
    fs::remove_file(dir.path().join(&written.body_shards[1].file)).unwrap();
    let manifest = dir.path().join(MANIFEST);
    let mut loaded = crate::bundle::parse(&fs::read_to_string(&manifest).unwrap()).unwrap();
    let err = read_split_bundle(&manifest, &mut loaded)
        .unwrap_err()
        .to_string();
    assert!(err.contains(&written.body_shards[1].file), "{err}");
}

#[test]
fn a_search_reads_only_the_index_shards_and_bodies_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let all = articles(23);
    write_split_bundle(Bundle::new(all.clone()), dir.path(), sizes(10, 4)).unwrap();
    let manifest = dir.path().join(MANIFEST);
    let mut loaded = crate::bundle::parse(&fs::read_to_string(&manifest).unwrap()).unwrap();
    read_article_shards(&manifest, &mut loaded);
    let articles = &loaded.bundle.articles;
    let candidates = crate::listing::newest_first(articles, &crate::listing::Filter::All);
    let full: Vec<_> = articles
        .iter()
        .map(|article| {
            let body = &all.iter().find(|a| a.id == article.id).unwrap().body;
            SearchableArticle::new(&Article {
                body: body.clone(),
                ..article.clone()
            })
        })
        .collect();
    // Query, then how many body shards it may read: none where the index
    // decides, or the term is in a title, or a body cannot have it.
    let cases = [
        ("正文", 0),
        ("第1篇", 0),
        ("正文 1", 0),
        ("-正文", 0),
        // A phrase with a space is confirmed on the bodies of the articles
        // that have both of its words: 22 alone, in the last body shard.
        ("\"正文 22\"", 1),
        // Categories and authors end in 0–2, so "1" is in a third of them
        // and in the bodies of 1 and 10–19: every body shard is read.
        ("\"正文 1\"", 6),
    ];
    for (text, body_shards) in cases {
        let query = Query::parse(text);
        let (found, reads) =
            search_split(&manifest, &loaded, &candidates, &query, usize::MAX).unwrap();
        let hits = found.hits;
        assert_eq!(
            hits,
            crate::search::search(&full, &candidates, &query),
            "{text}"
        );
        assert_eq!(reads.body_shards.len(), body_shards, "{text}: {reads:?}");
        assert!(!reads.index_shards.is_empty() || text.is_empty(), "{text}");
    }
    let query = Query::parse("\"正文 22\"");
    let phrase = search_split(&manifest, &loaded, &candidates, &query, usize::MAX);
    assert_eq!(phrase.unwrap().0.hits.len(), 1);
}

#[test]
fn a_search_names_an_index_shard_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let written = write_split_bundle(Bundle::new(articles(5)), dir.path(), sizes(10, 4)).unwrap();
    let manifest = dir.path().join(MANIFEST);
    let loaded = crate::bundle::parse(&fs::read_to_string(&manifest).unwrap()).unwrap();
    let shard = &written.index_shards[0].file;
    fs::write(
        dir.path().join(shard),
        "{\"format\":\"folio-index\",\"keys\":{\"正文\":\"f\"}}",
    )
    .unwrap();
    let err = search_split(&manifest, &loaded, &[0], &Query::parse("正文"), 1).unwrap_err();
    let message = err.to_string();
    assert!(message.contains(shard.as_str()), "{message}");
    assert!(message.contains("keys.正文"), "{message}");
}

#[test]
fn a_search_refuses_articles_whose_numbers_cannot_be_trusted() {
    let dir = tempfile::tempdir().unwrap();
    write_split_bundle(Bundle::new(articles(5)), dir.path(), sizes(10, 4)).unwrap();
    let manifest = dir.path().join(MANIFEST);
    let text = fs::read_to_string(&manifest).unwrap();
    // One article numbered far beyond the bundle.
    let tampered = text.replacen("\"number\":1", "\"number\":4000000000", 1);
    assert_ne!(tampered, text);
    fs::write(&manifest, tampered).unwrap();
    let loaded = crate::bundle::parse(&fs::read_to_string(&manifest).unwrap()).unwrap();
    let err = search_split(&manifest, &loaded, &[0], &Query::parse("正文"), 1).unwrap_err();
    assert!(err.to_string().contains("rebuild it"), "{err}");
}
