use super::*;
use crate::search::index::tests::{generated_corpus, sampled_query, Rng};
use crate::search::matcher::search;

/// Answers `search`'s requests from `shards` and `articles`' bodies until it
/// has the hits; also says how many bodies it needed.
fn answered(
    split: &mut SplitSearch,
    articles: &[Article],
    shards: &[crate::search::index::shards::IndexShard],
    candidates: &[usize],
    query: &Query,
) -> (Vec<Hit>, usize) {
    let mut bodies = 0;
    for _ in 0..3 {
        match split.search(candidates, query) {
            SearchStep::Found(hits) => return (hits, bodies),
            SearchStep::IndexShards(needed) => {
                for shard in needed {
                    split
                        .absorb_index_shard(shard, &shards[shard].json)
                        .unwrap();
                }
            }
            SearchStep::Bodies(needed) => {
                bodies += needed.len();
                for position in needed {
                    split.add_body(articles, position, &articles[position].body);
                }
            }
        }
    }
    panic!("no answer after index shards and bodies");
}

#[test]
fn finds_what_the_scan_finds_from_the_index_shards_and_the_bodies_it_asks_for() {
    let mut rng = Rng(0x5EED_0011);
    let mut corpus = generated_corpus(&mut rng, 300);
    for (number, article) in corpus.iter_mut().enumerate() {
        article.number = Some(number as u32);
    }
    let mut index = crate::search::index::shards::IndexWriter::new();
    for article in &corpus {
        index.add_fields(&[&indexed_body(&article.body)]);
    }
    let shards = index.to_shards(3_000);
    let files: Vec<IndexShardFile> = shards
        .iter()
        .map(|shard| IndexShardFile {
            file: String::new(),
            first_key: shard.first_key.clone(),
        })
        .collect();
    // The reader has them newest first, as shards arrive, and one of them
    // could not be read.
    let mut articles: Vec<Article> = corpus.iter().rev().cloned().collect();
    articles.remove(40);
    let mut split = SplitSearch::new(&articles, corpus.len(), &files);
    let full: Vec<SearchableArticle> = articles.iter().map(SearchableArticle::new).collect();
    let candidates: Vec<usize> = (0..articles.len()).collect();

    let mut with_bodies = 0;
    for _ in 0..300 {
        let text = sampled_query(&mut rng, &corpus);
        let query = Query::parse(&text);
        let (hits, bodies) = answered(&mut split, &articles, &shards, &candidates, &query);
        assert_eq!(hits, search(&full, &candidates, &query), "query {text:?}");
        with_bodies += usize::from(bodies > 0);
    }
    // Bodies are kept across queries, so only the first queries of each
    // kind ask; but some must have.
    assert!(with_bodies >= 5, "{with_bodies} queries needed bodies");

    // One or two CJK characters and single word prefixes are decided by
    // the index alone.
    let mut split = SplitSearch::new(&articles, corpus.len(), &files);
    for text in ["中俄", "俄", "linu", "wimax -中俄"] {
        let query = Query::parse(text);
        let (hits, bodies) = answered(&mut split, &articles, &shards, &candidates, &query);
        assert_eq!(hits, search(&full, &candidates, &query), "query {text:?}");
        assert!(!hits.is_empty(), "{text:?} finds something");
        assert_eq!(bodies, 0, "{text:?} needs no body");
    }
}

#[test]
fn an_unreadable_index_shard_is_refused_and_asked_for_again() {
    let articles = vec![Article {
        title: "t".to_owned(),
        body: "<p>中俄关系</p>".to_owned(),
        ..Article::default()
    }];
    let files = [IndexShardFile {
        file: "index/0000.json".to_owned(),
        first_key: "中".to_owned(),
    }];
    let mut split = SplitSearch::new(&articles, 1, &files);
    let query = Query::parse("中俄");
    assert_eq!(split.search(&[0], &query), SearchStep::IndexShards(vec![0]));
    let bad = r#"{"format":"folio-index","keys":{"中俄":[1]}}"#;
    assert!(split.absorb_index_shard(0, bad).is_err());
    assert_eq!(split.search(&[0], &query), SearchStep::IndexShards(vec![0]));
    let good = r#"{"format":"folio-index","keys":{"中俄":[0]}}"#;
    split.absorb_index_shard(0, good).unwrap();
    let found = split.search(&[0], &query);
    assert_eq!(
        found,
        SearchStep::Found(vec![Hit {
            index: 0,
            in_title: false
        }])
    );
}
