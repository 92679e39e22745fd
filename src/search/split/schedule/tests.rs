use super::*;
use crate::article::Article;
use crate::search::index::shards::{IndexShard, IndexWriter};
use crate::search::matcher::search as scan;
use crate::search::split::{indexed_body, meta_of};
use crate::search::{Hit, SearchableArticle};

const POLICY: FetchPolicy = FetchPolicy::VIEWER;

/// `articles` numbers, 50 to a body shard in order.
fn fifty_to_a_shard(articles: u32) -> BodyShards {
    let shard_count = articles.div_ceil(50);
    let mut shards = BodyShards::new(articles as usize, shard_count as usize);
    for number in 0..articles {
        shards.place(number, number / 50);
    }
    shards
}

fn body_hit(index: usize) -> Hit {
    Hit {
        index,
        in_title: false,
    }
}

#[test]
fn a_new_query_starts_afresh_and_check_all_lifts_the_limit() {
    let mut schedule = FetchSchedule::new(POLICY);
    let first = Query::parse("中俄");
    assert_eq!(schedule.limit_for(&first), 200);
    schedule.check_all();
    assert_eq!(schedule.limit_for(&first), usize::MAX, "same query");
    assert_eq!(schedule.limit_for(&Query::parse("俄")), 200, "new query");
}

#[test]
fn bodies_come_two_shards_a_round_until_200_then_after_check_all() {
    let shards = fifty_to_a_shard(1_000);
    let mut schedule = FetchSchedule::new(POLICY);
    schedule.limit_for(&Query::parse("中俄关系"));
    // Newest first: the last shards first, each shard asked for once.
    let wanted = || Wanted::Bodies((0..1_000).rev().collect());
    let mut rounds = Vec::new();
    while let Some(fetch) = schedule.start(wanted(), &shards).unwrap() {
        rounds.push(fetch);
    }
    assert_eq!(
        rounds,
        [Fetch::Bodies(vec![19, 18]), Fetch::Bodies(vec![17, 16])]
    );
    assert_eq!(schedule.bodies_fetched(&shards), 200);
    assert!(schedule.waits_for_reader(&shards));

    schedule.check_all();
    assert!(!schedule.waits_for_reader(&shards));
    assert_eq!(
        schedule.start(wanted(), &shards),
        Ok(Some(Fetch::Bodies(vec![15, 14])))
    );

    // Another query may fetch the same shards again.
    schedule.limit_for(&Query::parse("俄关系"));
    assert_eq!(
        schedule.start(wanted(), &shards),
        Ok(Some(Fetch::Bodies(vec![19, 18])))
    );
}

#[test]
fn bodies_wanted_again_from_shards_already_fetched_are_stuck() {
    let shards = fifty_to_a_shard(100);
    let mut schedule = FetchSchedule::new(POLICY);
    schedule.limit_for(&Query::parse("中俄关系"));
    let wanted = || Wanted::Bodies(vec![3, 60]);
    assert_eq!(
        schedule.start(wanted(), &shards),
        Ok(Some(Fetch::Bodies(vec![0, 1])))
    );
    assert_eq!(
        schedule.start(wanted(), &shards),
        Err(Stuck::BodiesNotInShards)
    );
}

#[test]
fn snippets_are_wanted_for_the_first_six_hits_that_match_in_the_body_only() {
    let shards = fifty_to_a_shard(400);
    let search = SplitSearch::new(Vec::new(), Vec::new());
    let mut schedule = FetchSchedule::new(POLICY);
    schedule.limit_for(&Query::parse("中俄"));
    let mut hits: Vec<Hit> = [399, 398, 350, 120].map(body_hit).to_vec();
    hits.insert(
        1,
        Hit {
            index: 397,
            in_title: true,
        },
    );
    // 500 was never placed in a shard; the seventh hit is past the six.
    hits.extend([500, 121, 0].map(body_hit));
    let found = Found { hits, unchecked: 0 };
    let (answer, wanted) = schedule.answer(SearchStep::Found(found.clone()), &search, &shards, 400);
    assert_eq!(answer, found);
    let wanted = wanted.unwrap();
    assert_eq!(wanted, Wanted::Snippets(vec![399, 398, 350, 120]));

    let fetch = schedule.start(wanted.clone(), &shards).unwrap().unwrap();
    assert_eq!(
        fetch,
        Fetch::Snippets {
            shards: vec![7, 2],
            articles: vec![399, 398, 350, 120]
        }
    );
    assert!(fetch.keeps_text(350) && !fetch.keeps_text(351));
    // Fetching for snippets neither counts against the bodies budget nor
    // fetches a shard twice: the rows whose bodies did not come keep
    // their excerpts.
    assert_eq!(schedule.bodies_fetched(&shards), 0);
    assert_eq!(schedule.start(wanted, &shards), Ok(None));
}

#[test]
fn until_the_index_shards_come_every_candidate_may_match() {
    let schedule = FetchSchedule::new(POLICY);
    let search = SplitSearch::new(Vec::new(), Vec::new());
    let (found, wanted) = schedule.answer(
        SearchStep::IndexShards(vec![3]),
        &search,
        &BodyShards::default(),
        1_234,
    );
    assert_eq!((found.hits.len(), found.unchecked), (0, 1_234));
    assert_eq!(wanted, Some(Wanted::IndexShards(vec![3])));
}

/// A split bundle of 330 articles, 50 bodies to a shard: every body has the
/// character pairs of 中俄关系, one in ten the phrase itself, so the index
/// cannot decide it and each match needs its body.
struct PairsBundle {
    articles: Vec<Article>,
    index: Vec<IndexShard>,
    bodies: BodyShards,
}

impl PairsBundle {
    fn new() -> PairsBundle {
        let articles: Vec<Article> = (0..330)
            .map(|number| Article {
                title: match number % 10 {
                    3 => "要闻速递".to_owned(),
                    _ => format!("第{number}篇"),
                },
                body: match number % 10 {
                    0 => "<p>中俄关系</p>".to_owned(),
                    _ => "<p>中俄 俄关 关系</p>".to_owned(),
                },
                ..Article::default()
            })
            .collect();
        let mut writer = IndexWriter::new();
        for article in &articles {
            writer.add_fields(&[&indexed_body(&article.body)]);
        }
        PairsBundle {
            index: writer.to_shards(3_000),
            bodies: fifty_to_a_shard(330),
            articles,
        }
    }

    fn search(&self) -> SplitSearch {
        let meta = self.articles.iter().map(|a| Some(meta_of(a))).collect();
        let first_keys = self.index.iter().map(|s| s.first_key.clone()).collect();
        SplitSearch::new(meta, first_keys)
    }

    /// Searches as the viewer does, fetching what the schedule starts,
    /// until it starts nothing: what was found then, and the body shards
    /// fetched, a round per fetch.
    fn drive(
        &self,
        search: &mut SplitSearch,
        schedule: &mut FetchSchedule,
        query: &Query,
    ) -> (Found, Vec<Vec<u32>>) {
        let candidates: Vec<u32> = (0..330).rev().collect();
        let mut rounds = Vec::new();
        loop {
            let limit = schedule.limit_for(query);
            let step = search.search(&candidates, query, limit);
            let (found, wanted) = schedule.answer(step, search, &self.bodies, candidates.len());
            let Some(fetch) = wanted.and_then(|w| schedule.start(w, &self.bodies).unwrap()) else {
                return (found, rounds);
            };
            if let Fetch::IndexShards(needed) = &fetch {
                for &shard in needed {
                    search
                        .absorb_index_shard(shard, &self.index[shard].json)
                        .unwrap();
                }
            }
            if !fetch.body_shards().is_empty() {
                rounds.push(fetch.body_shards().to_vec());
            }
            for &shard in fetch.body_shards() {
                for &number in self.bodies.articles_in(shard) {
                    let body = &self.articles[number as usize].body;
                    fetch.hand_in(search, number, body);
                }
            }
        }
    }
}

#[test]
fn a_phrase_the_index_cannot_decide_stops_after_200_bodies_until_the_reader_asks() {
    let bundle = PairsBundle::new();
    let mut search = bundle.search();
    let mut schedule = FetchSchedule::new(POLICY);
    let query = Query::parse("中俄关系");

    let (found, rounds) = bundle.drive(&mut search, &mut schedule, &query);
    // Newest first, two shards a round: 6 and 5 (80 bodies), 4 and 3 (180,
    // under 200), 2 and 1: stop at 280 bodies.
    assert_eq!(rounds, [[6, 5], [4, 3], [2, 1]]);
    assert_eq!(schedule.bodies_fetched(&bundle.bodies), 280);
    assert!(schedule.waits_for_reader(&bundle.bodies));
    assert_eq!((found.hits.len(), found.unchecked), (28, 50));

    schedule.check_all();
    let (found, rounds) = bundle.drive(&mut search, &mut schedule, &query);
    assert_eq!(rounds, [[0]]);
    assert_eq!(found.unchecked, 0);
    let full: Vec<SearchableArticle> = bundle.articles.iter().map(SearchableArticle::new).collect();
    let reference: Vec<usize> = (0..330).rev().collect();
    assert_eq!(found.hits, scan(&full, &reference, &query));
    assert_eq!(found.hits.len(), 33);
}

#[test]
fn a_query_the_index_decides_fetches_one_shard_for_its_first_snippets() {
    let bundle = PairsBundle::new();
    let mut search = bundle.search();
    let mut schedule = FetchSchedule::new(POLICY);

    // 中俄 is in every body: the first six hits' bodies are in shard 6.
    let (found, rounds) = bundle.drive(&mut search, &mut schedule, &Query::parse("中俄"));
    assert_eq!((found.hits.len(), found.unchecked), (330, 0));
    assert_eq!(rounds, [[6]]);
    assert!(search.body_text(329).is_some() && search.body_text(324).is_some());
    assert_eq!(search.body_text(323), None, "only the snippets' texts kept");

    // Title hits fetch no body for their snippets.
    let (found, rounds) = bundle.drive(&mut search, &mut schedule, &Query::parse("要闻"));
    assert_eq!(found.hits.len(), 33);
    assert!(found.hits.iter().all(|hit| hit.in_title));
    assert!(rounds.is_empty());
}
