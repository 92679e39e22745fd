use super::*;
use crate::article::Article;
use crate::search::index::tests::{generated_corpus, sampled_query, Rng};
use crate::search::index::Unconfirmed;
use crate::search::matcher::{category_names, search};
use crate::search::normalize::normalize;
use crate::search::query::Term;
use crate::search::text::body_text;
use crate::search::SearchableArticle;
use std::collections::HashMap;

/// What a split bundle's reader has before any body: titles, authors and
/// categories.
fn without_body(article: &Article) -> SearchableArticle {
    SearchableArticle::from_text(
        &article.title,
        article.author.as_deref().unwrap_or(""),
        &category_names(article),
        "",
    )
}

/// The bundler's index: bodies alone, one field each; and the same as a
/// reader's index.
fn body_index(articles: &[Article]) -> (IndexWriter, SearchIndex) {
    let mut writer = IndexWriter::new();
    let mut index = SearchIndex::new();
    for article in articles {
        let text = normalize(&body_text(&article.body));
        writer.add_fields(&[&text]);
        index.add_fields(&[&text]);
    }
    (writer, index)
}

#[test]
fn a_split_index_finds_what_the_scan_finds() {
    let mut rng = Rng(0x5EED_5A4D);
    let articles = generated_corpus(&mut rng, 300);
    let full: Vec<_> = articles.iter().map(SearchableArticle::new).collect();
    let partial: Vec<_> = articles.iter().map(without_body).collect();
    let partial_index = SearchIndex::build(&partial);
    let shards = body_index(&articles).0.to_shards(1_000);
    assert!(
        shards.len() > 20,
        "small shards, so queries span several: {}",
        shards.len()
    );
    let table = ShardTable::new(shards.iter().map(|s| s.first_key.clone()).collect());
    let candidates: Vec<usize> = (0..articles.len()).rev().collect();

    let (mut confirmed, mut decided_by_index, mut found_some) = (0, 0, 0);
    for _ in 0..300 {
        let text = sampled_query(&mut rng, &articles);
        let query = Query::parse(&text);
        let mut index = partial_index.clone();
        for &shard in &table.needed(&query) {
            index.absorb_shard(&shards[shard].json).unwrap();
        }
        let expected = search(&full, &candidates, &query);
        let no_texts = |_: u32, _: &Term| None;
        let hits = match index.search_confirming(&partial, &candidates, &query, no_texts) {
            Ok(hits) => {
                decided_by_index += 1;
                hits
            }
            Err(Unconfirmed(needed)) => {
                confirmed += 1;
                let given: HashMap<u32, &SearchableArticle> =
                    needed.iter().map(|&n| (n, &full[n as usize])).collect();
                let texts = |n: u32, term: &Term| given.get(&n).map(|a| a.contains(&term.text));
                index
                    .search_confirming(&partial, &candidates, &query, texts)
                    .unwrap_or_else(|err| panic!("{text:?}: still missing {err:?}"))
            }
        };
        assert_eq!(hits, expected, "query {text:?}");
        found_some += usize::from(!hits.is_empty());
    }
    // The sample exercises both paths, and mostly finds something.
    assert!(
        confirmed > 30 && decided_by_index > 30,
        "{confirmed} / {decided_by_index}"
    );
    assert!(
        found_some > 150,
        "{found_some} of 300 queries found something"
    );
}

#[test]
fn shards_hold_the_whole_index() {
    let mut rng = Rng(7);
    let articles = generated_corpus(&mut rng, 120);
    let (writer, whole) = body_index(&articles);
    let shards = writer.to_shards(1_500);
    let keys: Vec<&str> = shards.iter().map(|s| s.first_key.as_str()).collect();
    assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
    let mut rebuilt = SearchIndex::new();
    for _ in &articles {
        rebuilt.add_fields(&[]);
    }
    for shard in &shards {
        rebuilt.absorb_shard(&shard.json).unwrap();
    }
    assert_eq!(rebuilt, whole);
}

#[test]
fn shards_are_written_gap_coded_with_their_format() {
    let mut index = IndexWriter::new();
    for body in ["中俄 linux", "", "中 linear", "俄"] {
        index.add_fields(&[body]);
    }
    let shards = index.to_shards(1_000_000);
    assert_eq!(shards.len(), 1);
    assert_eq!(shards[0].first_key, "linear");
    assert_eq!(
        shards[0].json,
        r#"{"format":"folio-index","keys":{"linear":"_","linux":"]","中":"]_","中俄":"]","俄":"]`"}}"#
    );
}

#[test]
fn a_query_needs_the_shards_of_its_keys_and_prefix_runs() {
    let table = ShardTable::new(
        ["b", "lia", "linux", "lio", "m", "中", "俄"]
            .map(str::to_owned)
            .to_vec(),
    );
    let needed = |query: &str| table.needed(&Query::parse(query));
    assert_eq!(needed("linux"), [2]);
    // Shard 0 holds everything from "b" to before "lia": "li", "libc"…
    assert_eq!(needed("li"), [0, 1, 2, 3], "every shard that may hold li…");
    assert_eq!(needed("lin"), [1, 2], "lin… from shard 1 (after lia) and 2");
    assert_eq!(
        needed("abc"),
        Vec::<usize>::new(),
        "before every shard: absent"
    );
    // A prefix that sorts before the first shard's first key may still be
    // a prefix of it: "l" sorts before "lia", yet "lia", "linux"… start with it.
    let after_l = ShardTable::new(["lia", "linux", "m"].map(str::to_owned).to_vec());
    assert_eq!(after_l.needed(&Query::parse("l")), [0, 1]);
    assert_eq!(after_l.needed(&Query::parse("li")), [0, 1]);
    assert_eq!(after_l.needed(&Query::parse("k")), Vec::<usize>::new());
    assert_eq!(needed("中俄关系"), [5, 6], "中俄 in 5, 俄关 and 关系 in 6");
    assert_eq!(needed("-linux m"), [2, 4], "excluded terms need theirs too");
    assert_eq!(
        needed("..."),
        Vec::<usize>::new(),
        "punctuation looks nothing up"
    );
}

#[test]
fn bad_shards_are_refused_with_the_key_named() {
    let mut index = SearchIndex::new();
    for _ in 0..3 {
        index.add_fields(&[""]);
    }
    let refused = |json: &str| index.clone().absorb_shard(json).unwrap_err().to_string();
    assert!(refused("{").starts_with("not JSON"));
    assert!(refused(r#"{"format":"folio","keys":{}}"#).contains("folio-index"));
    assert!(refused(r#"{"format":"folio-index","keys":[]}"#).starts_with("keys:"));
    // Version 1's decimal arrays are not postings.
    let decimal = refused(r#"{"format":"folio-index","keys":{"中俄":[0,2]}}"#);
    assert!(decimal.starts_with("keys:"), "{decimal}");
    // 0 then 3; 1 then 0; u32::MAX then 1; a character outside the coding;
    // a number cut short.
    for bad in [r#""]`""#, r#""^]""#, r#""&BBBBB|^""#, r#""]!""#, r#""]#""#] {
        let json = format!(r#"{{"format":"folio-index","keys":{{"中俄":{bad}}}}}"#);
        let message = refused(&json);
        assert!(message.starts_with("keys.中俄: "), "{bad}: {message}");
        assert!(message.contains("below 3"), "{message}");
    }
    let mut index = index.clone();
    index
        .absorb_shard(r#"{"format":"folio-index","keys":{"中俄":"]_"}}"#)
        .unwrap();
    assert_eq!(index.may_contain("中俄"), [0, 2]);
    // Escaped keys and digits read as plain ones (Python's json, for one,
    // escapes every character outside ASCII).
    let mut escaped = SearchIndex::new();
    for _ in 0..3 {
        escaped.add_fields(&[""]);
    }
    escaped
        .absorb_shard(r#"{"format":"folio-index","keys":{"\u4e2d\u4fc4":"\u005d\u005f"}}"#)
        .unwrap();
    assert_eq!(escaped.may_contain("中俄"), [0, 2]);
}

proptest::proptest! {
    #[test]
    fn numbers_survive_the_text_coding(numbers in proptest::collection::vec(proptest::num::u32::ANY, 0..40)) {
        let text = write_numbers(numbers.iter().copied());
        proptest::prop_assert!(text.bytes().all(|b| (b'#'..=b'B').contains(&b) || (b']'..=b'|').contains(&b)));
        proptest::prop_assert_eq!(read_numbers(&text), Some(numbers));
    }
}

#[test]
fn the_text_coding_has_one_character_for_gaps_below_32() {
    assert_eq!(write_numbers([0, 31, 32, 1023, 1024]), "]|$]B|$#]");
    assert_eq!(write_numbers([u32::MAX]), "&BBBBB|");
    assert_eq!(read_numbers("'#####]"), None, "2^32 overflows");
    assert_eq!(read_numbers(""), Some(vec![]));
}

#[test]
fn gaps_of_every_size_survive_the_byte_coding() {
    let numbers = [0, 1, 127, 128, 255, 16_384, 70_000, 2_097_152, u32::MAX - 1];
    let mut postings = GapBytes::default();
    for number in numbers {
        postings.push(number);
    }
    let mut decoded = Vec::new();
    let mut at = 0;
    for gap in postings.gaps() {
        at += gap;
        decoded.push(at);
    }
    assert_eq!(decoded, numbers);
}
