use super::*;
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
