use super::*;
use crate::article::Article;
use crate::bundle::{parse, Bundle};
use serde_json::json;

fn article(id: &str, day: u32, author: &str) -> Article {
    Article {
        id: id.to_owned(),
        title: format!("标题 {id}"),
        categories: vec![vec!["新媒体".into(), author.into()]],
        author: Some(author.into()),
        date: Some(format!("2026-01-{day:02}T00:00:00Z")),
        source: format!("{id}.md"),
        body_shard: Some(0),
        ..Article::default()
    }
}

/// A shard document holding `articles`, as read.
fn shard(articles: &[Article]) -> LoadedBundle {
    parse(&Bundle::new(articles.to_vec()).to_json().unwrap()).unwrap()
}

/// A manifest over `all` whose newest `inline` articles are in it and the
/// rest in shards of `counts` (oldest first).
fn manifest(all: &[Article], inline: usize, counts: &[usize]) -> String {
    let whole = Bundle::new(all.to_vec());
    let shards: Vec<_> = counts
        .iter()
        .enumerate()
        .map(|(n, count)| json!({"file": format!("articles/{n}.json"), "count": count}))
        .collect();
    json!({
        "format": "folio-bundle",
        "version": 2,
        "layout": "split",
        "timezone": "+08:00",
        "categories": whole.categories,
        "authors": whole.authors,
        "tags": [{"name": "from the manifest", "count": 1}],
        "articles": &all[all.len() - inline..],
        "article_shards": shards,
        "body_shards": [{"file": "bodies/0.json", "count": all.len()}],
    })
    .to_string()
}

fn five() -> Vec<Article> {
    vec![
        article("a", 1, "甲"),
        article("b", 2, "乙"),
        article("c", 3, "甲"),
        article("d", 4, "甲"),
        article("e", 5, "乙"),
    ]
}

#[test]
fn a_single_file_has_no_shards() {
    let loaded = shard(&five());
    assert!(!loaded.shards.is_split());
    assert!(loaded.is_complete());
    assert_eq!(loaded.shards.next(), None);
    assert!(loaded.shards.body_shards.is_empty());
}

#[test]
fn a_manifest_is_a_bundle_with_the_newest_articles_and_shards_to_fetch() {
    let all = five();
    let mut loaded = parse(&manifest(&all, 1, &[2, 2])).unwrap();
    assert!(loaded.shards.is_split());
    assert_eq!(loaded.bundle.articles.len(), 1);
    assert_eq!(loaded.bundle.articles[0].id, "e");
    assert_eq!(loaded.bundle.timezone, "+08:00");
    assert_eq!(loaded.shards.pending(), 4);
    assert!(!loaded.is_complete());
    assert_eq!(loaded.shards.body_shards, ["bodies/0.json"]);
    // Counts describe the whole collection while the rest loads.
    assert_eq!(loaded.bundle.authors[0].count, 3);
    assert_eq!(loaded.tags[0].name, "from the manifest");

    // Newest shard first.
    assert_eq!(loaded.shards.next().unwrap().file, "articles/1.json");
    loaded.absorb_shard(Ok(shard(&all[2..4])));
    assert_eq!(loaded.shards.pending(), 2);
    assert!(
        loaded.bundle.articles.capacity() >= 5,
        "room for every article was made at once"
    );
    assert_eq!(loaded.shards.next().unwrap().file, "articles/0.json");
    loaded.absorb_shard(Ok(shard(&all[..2])));
    assert!(loaded.is_complete());
    assert_eq!(loaded.shards.next(), None);
    let ids: Vec<&str> = loaded
        .bundle
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    assert!(loaded.skipped.is_empty());
    assert_eq!(loaded.tags[0].name, "from the manifest");
    // Absorbing past the end changes nothing.
    loaded.absorb_shard(Ok(shard(&all[..1])));
    assert_eq!(loaded.bundle.articles.len(), 5);
}

fn ids(loaded: &LoadedBundle) -> Vec<&str> {
    loaded
        .bundle
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect()
}

#[test]
fn shards_of_any_size_end_in_bundle_order_and_overlapping_ones_are_sorted() {
    let all: Vec<Article> = (1..=10)
        .map(|day| article(&format!("{}", char::from(b'a' + day as u8 - 1)), day, "甲"))
        .collect();
    let mut loaded = parse(&manifest(&all, 2, &[3, 1, 4])).unwrap();
    loaded.absorb_shard(Ok(shard(&all[4..8])));
    loaded.absorb_shard(Ok(shard(&all[3..4])));
    loaded.absorb_shard(Ok(shard(&all[..3])));
    assert_eq!(
        ids(&loaded),
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    );

    // Shards whose dates overlap (written by hand): sorted all the same.
    let mut loaded = parse(&manifest(&all, 2, &[4, 4])).unwrap();
    loaded.absorb_shard(Ok(shard(&[&all[..2], &all[6..8]].concat())));
    loaded.absorb_shard(Ok(shard(&all[2..6])));
    assert_eq!(
        ids(&loaded),
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    );
}

/// The path taken when shards do not overlap: reversing the runs alone puts
/// them in order (no sort), whatever their lengths; out-of-range starts
/// (a manifest that says more than it holds) reverse what there is.
#[test]
fn reversing_runs_keeps_each_run_in_its_order() {
    // Runs of 2, 3, 0 and 1, newest run first.
    let mut runs = [8, 9, 5, 6, 7, 4];
    super::reverse_runs(&mut runs, &[2, 5, 5]);
    assert_eq!(runs, [4, 5, 6, 7, 8, 9]);
    let mut one_run = [1, 2, 3];
    super::reverse_runs(&mut one_run, &[]);
    assert_eq!(one_run, [1, 2, 3]);
    let mut beyond = [3, 1, 2];
    super::reverse_runs(&mut beyond, &[1, 7]);
    assert_eq!(beyond, [1, 2, 3]);
}

#[test]
fn a_failed_shard_is_skipped_by_name_and_counts_follow() {
    let all = five();
    let mut loaded = parse(&manifest(&all, 1, &[2, 2])).unwrap();
    loaded.absorb_shard(Ok(shard(&all[2..4])));
    loaded.absorb_shard(Err("HTTP 404".into()));
    assert!(loaded.is_complete());
    assert_eq!(loaded.bundle.articles.len(), 3);
    assert_eq!(loaded.skipped.len(), 2);
    assert_eq!(loaded.skipped[0].path, "articles/0.json");
    assert_eq!(loaded.skipped[0].message, "HTTP 404");
    // Recomputed from what was read: 甲 twice (c, d), 乙 once (e).
    let authors: Vec<(&str, usize)> = loaded
        .bundle
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.count))
        .collect();
    assert_eq!(authors, [("甲", 2), ("乙", 1)]);
    assert!(loaded.tags.is_empty());
}

#[test]
fn an_article_a_shard_cannot_read_is_named_with_the_shard() {
    let all = five();
    let mut loaded = parse(&manifest(&all, 4, &[1])).unwrap();
    let broken = r#"{"format":"folio-bundle","version":1,"articles":[
        {"id":"a","title":7,"body":"","source":"a.md","body_shard":0}]}"#;
    loaded.absorb_shard(Ok(parse(broken).unwrap()));
    assert_eq!(loaded.bundle.articles.len(), 4);
    assert_eq!(loaded.skipped[0].path, "articles/0.json: articles[0].title");
    assert_eq!(loaded.bundle.authors.len(), 2);
}

#[test]
fn split_fields_that_are_wrong_say_so() {
    let all = five();
    let unknown = manifest(&all, 5, &[]).replace("\"split\"", "\"sharded\"");
    let err = parse(&unknown).unwrap_err().to_string();
    assert!(err.contains("\"layout\" is \"sharded\""), "{err}");
    let bad = manifest(&all, 5, &[])
        .replace("\"article_shards\":[]", "\"article_shards\":[{\"file\":3}]");
    let err = parse(&bad).unwrap_err().to_string();
    assert!(err.starts_with("article_shards: expected a list"), "{err}");
    // A bundle is untrusted: its shards stay in its folder.
    for file in [
        "https://evil.example/a.json",
        "/etc/passwd",
        "../secrets.json",
        "articles/../../x.json",
        "articles//a.json",
        "a\\b.json",
        "",
    ] {
        let escaping = manifest(&all, 5, &[]).replace(
            "\"article_shards\":[]",
            &format!(
                "\"article_shards\":[{{\"file\":{},\"count\":1}}]",
                json!(file)
            ),
        );
        let err = parse(&escaping).unwrap_err().to_string();
        assert!(
            err.starts_with("article_shards[0].file: must be a path inside"),
            "{file}: {err}"
        );
    }
    let fine = manifest(&all, 5, &[]).replace(
        "\"article_shards\":[]",
        "\"article_shards\":[{\"file\":\"articles/0000-0123456789abcdef.json\",\"count\":1}]",
    );
    assert!(parse(&fine).is_ok());
}

#[test]
fn body_shards_map_ids_to_bodies() {
    let shard = read_body_shard(r#"{"bodies":{"a":"<p>一</p>","b":""}}"#).unwrap();
    assert_eq!(shard.bodies["a"], "<p>一</p>");
    assert!(read_body_shard(r#"{"bodies":["x"]}"#)
        .unwrap_err()
        .to_string()
        .starts_with("bodies:"));
    assert!(matches!(read_body_shard("{"), Err(BundleError::NotJson(_))));
}

#[test]
fn article_numbers_are_used_only_when_they_name_each_article_once() {
    let numbered = |numbers: &[Option<u32>]| -> Vec<crate::article::Article> {
        numbers
            .iter()
            .map(|&number| crate::article::Article {
                number,
                ..Default::default()
            })
            .collect()
    };
    let numbers = |list: &[Option<u32>], total| article_numbers(&numbered(list), total);
    assert_eq!(
        numbers(&[Some(2), Some(0), Some(1)], 3),
        Some(vec![2, 0, 1])
    );
    // One skipped: its number is missing, the others still fit.
    assert_eq!(numbers(&[Some(2), Some(0)], 3), Some(vec![2, 0]));
    assert_eq!(numbers(&[Some(0), None], 2), None, "one without");
    assert_eq!(numbers(&[Some(0), Some(0)], 2), None, "two alike");
    assert_eq!(
        numbers(&[Some(0), Some(4_000_000_000)], 2),
        None,
        "out of range"
    );
    assert_eq!(numbers(&[], 0), Some(vec![]));
}

#[test]
fn counts_a_manifest_cannot_keep_are_not_believed() {
    // Counts past any real bundle: no overflow, no memory claimed for them,
    // and the articles that are there load.
    let all = five();
    let mut loaded = parse(&manifest(&all, 1, &[usize::MAX, usize::MAX])).unwrap();
    assert_eq!(loaded.shards.pending(), usize::MAX);
    loaded.absorb_shard(Ok(shard(&all[2..4])));
    assert!(loaded.bundle.articles.capacity() <= MOST_RESERVED + 1);
    loaded.absorb_shard(Ok(shard(&all[..2])));
    assert!(loaded.is_complete());
    assert_eq!(loaded.bundle.articles.len(), 5);
}
