use super::*;
use crate::search::index::shards::{IndexShard, IndexWriter};
use crate::search::index::tests::{generated_corpus, sampled_query, Rng};
use crate::search::matcher::search;

/// A corpus numbered in order, its index shards, and a search state that
/// has every article but `unread` before any shard.
fn split_corpus(
    seed: u64,
    count: usize,
    unread: Option<usize>,
) -> (Vec<Article>, Vec<IndexShard>, SplitSearch) {
    let mut rng = Rng(seed);
    let corpus = generated_corpus(&mut rng, count);
    let shards = index_shards(&corpus, 3_000);
    let split = fresh(&corpus, &shards, unread);
    (corpus, shards, split)
}

/// The index shards of `corpus`' bodies, cut at about `shard_bytes`.
fn index_shards(corpus: &[Article], shard_bytes: usize) -> Vec<IndexShard> {
    let mut writer = IndexWriter::new();
    for article in corpus {
        writer.add_fields(&[&indexed_body(&article.body)]);
    }
    writer.to_shards(shard_bytes)
}

/// Articles titled 标题 whose bodies are `texts`, a paragraph each.
fn with_bodies(texts: &[&str]) -> Vec<Article> {
    texts
        .iter()
        .map(|text| Article {
            title: "标题".to_owned(),
            body: format!("<p>{text}</p>"),
            ..Article::default()
        })
        .collect()
}

/// Asserts that each query of `cases`, searched afresh from `shards` over
/// every article of `corpus` newest first, finds what the scan finds: the
/// articles the case names, in that order.
fn assert_finds(corpus: &[Article], shards: &[IndexShard], cases: &[(&str, &[usize])]) {
    let full: Vec<SearchableArticle> = corpus.iter().map(SearchableArticle::new).collect();
    let candidates: Vec<u32> = (0..corpus.len() as u32).rev().collect();
    let reference: Vec<usize> = (0..corpus.len()).rev().collect();
    for &(text, expected) in cases {
        let query = Query::parse(text);
        let mut split = fresh(corpus, shards, None);
        let (hits, _) = answered(&mut split, corpus, shards, &candidates, &query);
        assert_eq!(hits, search(&full, &reference, &query), "{text:?}");
        let found: Vec<usize> = hits.iter().map(|hit| hit.index).collect();
        assert_eq!(found, expected, "{text:?}");
    }
}

fn fresh(corpus: &[Article], shards: &[IndexShard], unread: Option<usize>) -> SplitSearch {
    let meta = corpus
        .iter()
        .enumerate()
        .map(|(number, article)| (Some(number) != unread).then(|| meta_of(article)))
        .collect();
    SplitSearch::new(meta, shards.iter().map(|s| s.first_key.clone()).collect())
}

/// Answers `search`'s requests from `shards` and `articles`' bodies until it
/// has the hits; also says how many bodies it needed.
fn answered(
    split: &mut SplitSearch,
    articles: &[Article],
    shards: &[IndexShard],
    candidates: &[u32],
    query: &Query,
) -> (Vec<Hit>, usize) {
    let (found, bodies) = answered_up_to(split, articles, shards, candidates, query, usize::MAX);
    assert_eq!(found.unchecked, 0);
    (found.hits, bodies)
}

/// [`answered`] with a limit.
fn answered_up_to(
    split: &mut SplitSearch,
    articles: &[Article],
    shards: &[IndexShard],
    candidates: &[u32],
    query: &Query,
    limit: usize,
) -> (Found, usize) {
    let mut bodies = 0;
    let mut partial: Vec<Found> = Vec::new();
    // Each round fetches at least one body the last did not have.
    for _ in 0..articles.len() + 2 {
        match split.search(candidates, query, limit) {
            SearchStep::Found(found) => {
                // What was certain on the way is the start of the answer.
                for so_far in partial {
                    assert!(found.hits.starts_with(&so_far.hits), "{query:?}");
                    assert!(so_far.hits.len() + so_far.unchecked >= found.hits.len());
                }
                return (found, bodies);
            }
            SearchStep::IndexShards(needed) => {
                for shard in needed {
                    split
                        .absorb_index_shard(shard, &shards[shard].json)
                        .unwrap();
                }
            }
            SearchStep::Bodies { so_far, needed } => {
                partial.push(so_far);
                bodies += needed.len();
                for number in needed {
                    split.add_body(number, &articles[number as usize].body);
                }
            }
        }
    }
    panic!("no answer after index shards and bodies");
}

#[test]
fn finds_what_the_scan_finds_from_the_index_shards_and_the_bodies_it_asks_for() {
    // One article could not be read: it is never a candidate.
    let (corpus, shards, mut split) = split_corpus(0x5EED_0011, 300, Some(40));
    let mut rng = Rng(0x5EED_0012);
    let full: Vec<SearchableArticle> = corpus.iter().map(SearchableArticle::new).collect();
    let candidates: Vec<u32> = (0..300).rev().filter(|&n| n != 40).collect();
    let reference: Vec<usize> = candidates.iter().map(|&n| n as usize).collect();

    let mut with_bodies = 0;
    for _ in 0..300 {
        let text = sampled_query(&mut rng, &corpus);
        let query = Query::parse(&text);
        let (hits, bodies) = answered(&mut split, &corpus, &shards, &candidates, &query);
        assert_eq!(hits, search(&full, &reference, &query), "query {text:?}");
        with_bodies += usize::from(bodies > 0);
    }
    // Bodies are kept across queries, so only the first queries of each
    // kind ask; but some must have.
    assert!(with_bodies >= 5, "{with_bodies} queries needed bodies");

    // One or two CJK characters and single word prefixes are decided by
    // the index alone.
    let mut split = fresh(&corpus, &shards, Some(40));
    for text in ["中俄", "俄", "linu", "wimax -中俄"] {
        let query = Query::parse(text);
        let (hits, bodies) = answered(&mut split, &corpus, &shards, &candidates, &query);
        assert_eq!(hits, search(&full, &reference, &query), "query {text:?}");
        assert!(!hits.is_empty(), "{text:?} finds something");
        assert_eq!(bodies, 0, "{text:?} needs no body");
    }
}

#[test]
fn an_unreadable_index_shard_is_refused_and_asked_for_again() {
    let article = Article {
        title: "t".to_owned(),
        body: "<p>中俄关系</p>".to_owned(),
        ..Article::default()
    };
    let mut split = SplitSearch::new(vec![Some(meta_of(&article))], vec!["中".to_owned()]);
    let query = Query::parse("中俄");
    let all = usize::MAX;
    assert_eq!(
        split.search(&[0], &query, all),
        SearchStep::IndexShards(vec![0])
    );
    let bad = r#"{"format":"folio-index","keys":{"中俄":"^"}}"#;
    assert!(split.absorb_index_shard(0, bad).is_err());
    assert_eq!(
        split.search(&[0], &query, all),
        SearchStep::IndexShards(vec![0])
    );
    let good = r#"{"format":"folio-index","keys":{"中俄":"]"}}"#;
    split.absorb_index_shard(0, good).unwrap();
    let found = split.search(&[0], &query, all);
    assert_eq!(
        found,
        SearchStep::Found(Found {
            hits: vec![Hit {
                index: 0,
                in_title: false
            }],
            unchecked: 0
        })
    );
}

#[test]
fn a_limited_search_gives_the_first_hits_exactly_for_fewer_bodies() {
    let (corpus, shards, _) = split_corpus(0x5EED_0022, 400, None);
    let mut rng = Rng(0x5EED_0023);
    let full: Vec<SearchableArticle> = corpus.iter().map(SearchableArticle::new).collect();
    let candidates: Vec<u32> = (0..400).rev().collect();
    let reference: Vec<usize> = candidates.iter().map(|&n| n as usize).collect();
    let (mut fewer_bodies, mut cut_short) = (0, 0);
    for _ in 0..100 {
        let text = sampled_query(&mut rng, &corpus);
        let query = Query::parse(&text);
        let expected = search(&full, &reference, &query);
        // Each on its own, so that no body is left over from another query.
        let mut limited = fresh(&corpus, &shards, None);
        let (found, bodies) =
            answered_up_to(&mut limited, &corpus, &shards, &candidates, &query, 5);
        let mut whole = fresh(&corpus, &shards, None);
        let (_, all_bodies) = answered(&mut whole, &corpus, &shards, &candidates, &query);

        assert_eq!(
            found.hits,
            expected[..found.hits.len()],
            "{text:?}: a prefix"
        );
        assert!(
            found.hits.len() >= expected.len().min(5),
            "{text:?}: at least 5"
        );
        assert!(
            found.hits.len() + found.unchecked >= expected.len(),
            "{text:?}: a bound"
        );
        if found.unchecked == 0 {
            assert_eq!(found.hits, expected, "{text:?}: complete");
        }
        assert!(bodies <= all_bodies, "{text:?}");
        fewer_bodies += usize::from(bodies < all_bodies);
        cut_short += usize::from(found.unchecked > 0);
    }
    // About a tenth of the sample reads fewer bodies for its first hits.
    assert!(
        fewer_bodies >= 5 && cut_short >= 5,
        "{fewer_bodies} {cut_short}"
    );
}

#[test]
fn a_body_joins_the_title_author_and_categories_as_from_text_does() {
    for (author, categories, body) in [
        ("观察者网", "新媒体 首页", "中俄 关系"),
        ("", "", "  body  "),
        ("a", "", ""),
        ("", "c", " \n "),
        ("  ", " x ", "y"),
    ] {
        let meta = SearchableArticle::from_text("T", author, categories, "");
        assert_eq!(
            meta.with_body(body),
            SearchableArticle::from_text("T", author, categories, body),
            "{author:?} {categories:?} {body:?}"
        );
    }
}

#[test]
fn bodies_are_kept_for_later_queries_up_to_a_size() {
    let (corpus, shards, mut split) = split_corpus(0x5EED_0033, 60, None);
    let candidates: Vec<u32> = (0..60).rev().collect();
    // A phrase is always checked on the bodies of its candidates.
    let query = Query::parse("\"中俄 关系\"");
    let (_, first) = answered(&mut split, &corpus, &shards, &candidates, &query);
    let other = Query::parse("\"关系 中俄\"");
    let (_, again) = answered(&mut split, &corpus, &shards, &candidates, &other);
    assert!(first > 0, "the first phrase reads bodies");
    assert_eq!(again, 0, "the second finds them kept");

    // With room for a few bodies only, the oldest are let go.
    let mut small = fresh(&corpus, &shards, None);
    small.full_limit = 2_000;
    let (_, first) = answered(&mut small, &corpus, &shards, &candidates, &query);
    let (_, again) = answered(&mut small, &corpus, &shards, &candidates, &other);
    assert!(first > 0 && again > 0, "{first} {again}");
    assert!(small.full_bytes <= 2_000 && !small.full.is_empty());
}

#[test]
fn titles_indexed_a_slice_at_a_time_search_as_all_at_once() {
    let (corpus, shards, mut sliced) = split_corpus(0x5EED_0031, 120, None);
    let mut at_once = fresh(&corpus, &shards, None);
    let mut slices = 1;
    while !sliced.index_titles(50) {
        slices += 1;
    }
    assert_eq!(slices, 3, "120 titles in slices of 50");
    assert!(sliced.index_titles(50), "nothing is left");
    let candidates: Vec<u32> = (0..120).rev().collect();
    let same_hits = |one: &mut SplitSearch, other: &mut SplitSearch| {
        let mut rng = Rng(0x5EED_0032);
        for _ in 0..40 {
            let text = sampled_query(&mut rng, &corpus);
            let query = Query::parse(&text);
            let one_hits = answered(one, &corpus, &shards, &candidates, &query);
            let other_hits = answered(other, &corpus, &shards, &candidates, &query);
            assert_eq!(one_hits.0, other_hits.0, "query {text:?}");
        }
    };
    same_hits(&mut sliced, &mut at_once);
    // Index shards taken in before the titles are all indexed: the bodies'
    // postings are kept apart from the titles', so neither order matters.
    let mut early = fresh(&corpus, &shards, None);
    assert!(!early.index_titles(10));
    for (shard, json) in shards.iter().enumerate() {
        early.absorb_index_shard(shard, &json.json).unwrap();
    }
    assert!(!early.index_titles(10), "absorbing indexes no title");
    same_hits(&mut early, &mut at_once);
}

#[test]
fn rounds_of_one_query_keep_its_plan_and_new_candidates_replan_it() {
    let (corpus, shards, _) = split_corpus(0x5EED_0041, 300, None);
    let full: Vec<SearchableArticle> = corpus.iter().map(SearchableArticle::new).collect();
    let all: Vec<u32> = (0..300).rev().collect();
    let even: Vec<u32> = all.iter().copied().filter(|n| n % 2 == 0).collect();
    let mut rng = Rng(0x5EED_0042);
    let mut kept_across_rounds = 0;
    for _ in 0..100 {
        let text = sampled_query(&mut rng, &corpus);
        let query = Query::parse(&text);
        let mut split = fresh(&corpus, &shards, None);
        // Rounds over every candidate, as far as a first page needs ...
        let mut decided_before = 0;
        for _ in 0..8 {
            match split.search(&all, &query, 1) {
                SearchStep::IndexShards(needed) => {
                    for shard in needed {
                        split
                            .absorb_index_shard(shard, &shards[shard].json)
                            .unwrap();
                    }
                }
                SearchStep::Bodies { needed, .. } => {
                    let planned = split.planned.as_ref().expect("a plan is kept");
                    let decided = planned.decided.iter().flatten().count();
                    assert!(decided >= decided_before, "{text:?}: decisions are kept");
                    kept_across_rounds += usize::from(decided_before > 0);
                    decided_before = decided;
                    for number in needed {
                        split.add_body(number, &corpus[number as usize].body);
                    }
                }
                SearchStep::Found(_) => break,
            }
        }
        // ... then the reader narrows the list: the answer is for the new
        // candidates, not the plan of the old ones.
        let (hits, _) = answered(&mut split, &corpus, &shards, &even, &query);
        let reference: Vec<usize> = even.iter().map(|&n| n as usize).collect();
        assert_eq!(hits, search(&full, &reference, &query), "query {text:?}");
    }
    assert!(
        kept_across_rounds >= 5,
        "{kept_across_rounds} queries took several rounds"
    );
}

#[test]
fn a_phrase_from_the_categories_into_the_body_is_found() {
    // Its keys are half in the titles' index, half in the bodies': the
    // plan must take both indexes as one.
    let article = Article {
        title: "标题".to_owned(),
        categories: vec![vec!["新媒体".to_owned(), "首页".to_owned()]],
        body: "<p>中俄关系</p>".to_owned(),
        ..Article::default()
    };
    let corpus = vec![article];
    let shards = index_shards(&corpus, 3_000);
    let full: Vec<SearchableArticle> = corpus.iter().map(SearchableArticle::new).collect();
    for text in [
        "\"首页 中俄\"",
        "\"媒体 首页 中俄关\"",
        "首页 中俄",
        "\"首页 俄中\"",
    ] {
        let query = Query::parse(text);
        let mut split = fresh(&corpus, &shards, None);
        let (hits, _) = answered(&mut split, &corpus, &shards, &[0], &query);
        assert_eq!(hits, search(&full, &[0], &query), "{text:?}");
        assert_eq!(hits.len(), usize::from(text != "\"首页 俄中\""), "{text:?}");
    }
}

#[test]
fn width_forms_accents_and_final_sigma_fold_alike_in_the_index_shards_and_the_query() {
    let corpus = with_bodies(&[
        "ｶﾞｲﾄﾞﾌﾞｯｸ ｻｰﾋﾞｽ",
        "ガイドブック",
        "Cafe\u{301} ＬＩＮＵＸ",
        "café linux",
        "Η οδός",
    ]);
    let shards = index_shards(&corpus, 3_000);
    assert_finds(
        &corpus,
        &shards,
        &[
            ("ΟΔΟΣ", &[4]),
            ("οδοσ", &[4]),
            ("ガイド", &[1, 0]),
            ("ｶﾞｲﾄﾞ", &[1, 0]),
            ("サービス", &[0]),
            ("café", &[3, 2]),
            ("cafe\u{301} linux", &[3, 2]),
            ("ｌｉｎ", &[3, 2]),
        ],
    );
}

#[test]
fn a_prefix_of_the_first_shards_first_key_finds_its_words() {
    // "linear" is the index's first key: "li" sorts before it, and before
    // every shard, yet begins it.
    let corpus = with_bodies(&["linear 中俄", "linux", "中俄 mint"]);
    // Shards of one key each, so that "li…" spans two of them.
    let shards = index_shards(&corpus, 1);
    assert_eq!(shards[0].first_key, "linear");
    let cases: &[(&str, &[usize])] = &[("li", &[1, 0]), ("l", &[1, 0]), ("lin -中俄", &[1])];
    assert_finds(&corpus, &shards, cases);
}

#[test]
fn a_rehearsal_finds_what_the_search_finds_and_changes_nothing() {
    let (corpus, shards, mut split) = split_corpus(23, 300, None);
    let query = split.rehearsal_query();
    let term = corpus
        .iter()
        .find_map(|article| article.title.chars().find(|&c| is_cjk(c)))
        .unwrap();
    assert!(
        query.terms.iter().any(|t| t.text == term.to_string()),
        "{query:?}"
    );
    let candidates: Vec<u32> = (0..corpus.len() as u32).collect();
    // Before any shard, only what the titles, authors and categories show
    // (at least the title the query was taken from).
    split.index_titles(usize::MAX);
    let before = split.rehearse(&candidates, &query);
    let (hits, _) = answered(&mut split, &corpus, &shards, &candidates, &query);
    assert!(
        1 <= before && before <= hits.len(),
        "{before} of {}",
        hits.len()
    );
    assert!(!hits.is_empty());
    // With every shard and body here, all of them; and a search after it
    // answers as before.
    let (first, second) = candidates.split_at(100);
    let rehearsed = split.rehearse(first, &query) + split.rehearse(second, &query);
    assert_eq!(rehearsed, hits.len());
    let (again, bodies) = answered(&mut split, &corpus, &shards, &candidates, &query);
    assert_eq!((again, bodies), (hits, 0));
}
