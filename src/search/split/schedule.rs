//! What a reader of a split bundle fetches next for a query, and when it
//! stops to ask: a policy over [`SplitSearch`]'s answers. The viewer's
//! search module does the fetching; what to fetch, and how much, is
//! decided here, where `cargo test` reaches it.
//!
//! `folio search` does without it: it reads every file a query needs.

use super::{Found, SearchStep, SplitSearch};
use crate::search::Query;

/// How much one query may fetch before the reader asks for more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchPolicy {
    /// Hits made certain before the reader asks for all of them.
    pub first_hits: usize,
    /// Bodies fetched to decide matches before the reader asks: a round of
    /// body shards starts only while fewer were fetched for the query.
    pub bodies_before_asking: usize,
    /// Of the first hits, how many have their bodies fetched for snippets
    /// when the search itself needed none. Title hits are not fetched for.
    pub snippets_wanted: usize,
    /// Body shards fetched per round: the list shows what they settle
    /// before the next round.
    pub shards_per_round: usize,
}

impl FetchPolicy {
    /// The viewer's policy, measured at 100,000 feed posts (BENCHMARKS.md):
    /// - 200 first hits: eight pages of the list. Beyond them, a term the
    ///   index cannot decide could mean fetching every body of the bundle
    ///   (100 MB).
    /// - 200 bodies before asking (4 shards at the default 50 bodies per
    ///   shard, about 200 KB). Without it, a phrase whose character pairs
    ///   are common but which itself is rare read up to 1,512 of 2,000
    ///   body shards (72 MB) to find its first 200 hits: 8 of
    ///   bench-search's 200 queries read 568 shards or more, the rest none.
    /// - 6 snippets: about a screen of the list. Each can cost a body
    ///   shard of about 48 KB (brotli); with ten, title hits included, a
    ///   query's data p95 was 549 KB against 76 KB without, and with six,
    ///   title hits left out, 212 KB.
    /// - 2 shards per round.
    pub const VIEWER: FetchPolicy = FetchPolicy {
        first_hits: 200,
        bodies_before_asking: 200,
        snippets_wanted: 6,
        shards_per_round: 2,
    };
}

/// Where the articles' bodies are: each article's body shard, and each
/// shard's articles (so that a fetched shard finds its 50 articles without
/// walking all 100,000).
#[derive(Debug, Clone, Default)]
pub struct BodyShards {
    shard_of: Vec<Option<u32>>,
    articles: Vec<Vec<u32>>,
}

impl BodyShards {
    /// No article placed yet, for `articles` article numbers and `shards`
    /// body shards.
    pub fn new(articles: usize, shards: usize) -> BodyShards {
        BodyShards {
            shard_of: vec![None; articles],
            articles: vec![Vec::new(); shards],
        }
    }

    /// Records that article `number`'s body is in `shard`; ignored when
    /// either is out of range (the bundle said more than it listed).
    pub fn place(&mut self, number: u32, shard: u32) {
        let (Some(slot), Some(articles)) = (
            self.shard_of.get_mut(number as usize),
            self.articles.get_mut(shard as usize),
        ) else {
            return;
        };
        *slot = Some(shard);
        articles.push(number);
    }

    /// The body shard of article `number`, if it was placed.
    pub fn shard_of(&self, number: u32) -> Option<u32> {
        self.shard_of.get(number as usize).copied().flatten()
    }

    /// The articles placed in `shard`, in the order they were placed.
    pub fn articles_in(&self, shard: u32) -> &[u32] {
        self.articles.get(shard as usize).map_or(&[], Vec::as_slice)
    }
}

/// What a search wants fetched to go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// These index shards (positions in the manifest's list).
    IndexShards(Vec<usize>),
    /// The bodies of these articles, whose match is undecided, most wanted
    /// first.
    Bodies(Vec<u32>),
    /// The bodies of these first hits, to cut their snippets from.
    Snippets(Vec<u32>),
}

/// A fetch to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// These index shards.
    IndexShards(Vec<usize>),
    /// These body shards, every body of which goes to the search (they cost
    /// nothing more now, and later articles of the ranking need them) with
    /// its text kept for snippets (the first hits are among them).
    Bodies(Vec<u32>),
    /// These body shards, for the snippets of `articles`: only their texts
    /// are kept, so that fetching for snippets cannot push out the ones
    /// fetched before.
    Snippets {
        /// The body shards.
        shards: Vec<u32>,
        /// The articles whose snippets are wanted.
        articles: Vec<u32>,
    },
}

impl Fetch {
    /// The body shards it fetches (none for index shards).
    pub fn body_shards(&self) -> &[u32] {
        match self {
            Fetch::IndexShards(_) => &[],
            Fetch::Bodies(shards) | Fetch::Snippets { shards, .. } => shards,
        }
    }

    /// Hands article `number`'s `body`, fetched by this, to `search`,
    /// keeping its plain text when it is for a snippet.
    pub fn hand_in(&self, search: &mut SplitSearch, number: u32, body: &str) {
        match self.keeps_text(number) {
            true => search.add_body_for_snippet(number, body),
            false => search.add_body(number, body),
        }
    }

    /// Whether the plain text of article `number`'s body, fetched by this,
    /// is kept for its snippet.
    pub fn keeps_text(&self, number: u32) -> bool {
        match self {
            Fetch::IndexShards(_) => false,
            Fetch::Bodies(_) => true,
            Fetch::Snippets { articles, .. } => articles.contains(&number),
        }
    }
}

/// Why a search cannot go on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Stuck {
    /// The search still needs bodies, and every body shard the bundle
    /// places them in was fetched for this query: the bundle places those
    /// articles in no body shard it lists, or their shards did not give
    /// them.
    #[error("the bodies it needs are in no body shard it has not fetched already")]
    BodiesNotInShards,
}

/// One reader's fetches for its last query: see the module documentation.
#[derive(Debug, Clone)]
pub struct FetchSchedule {
    policy: FetchPolicy,
    query: Query,
    /// How many hits to make certain: the policy's first hits, or all of
    /// them once the reader asked ([`check_all`](Self::check_all)).
    limit: usize,
    /// Body shards fetched for the query to decide matches, and for
    /// snippets: neither fetches one twice for a query (whatever asks for
    /// it again would loop).
    for_matches: Vec<u32>,
    for_snippets: Vec<u32>,
}

impl FetchSchedule {
    /// A schedule with `policy`, no query yet.
    pub fn new(policy: FetchPolicy) -> FetchSchedule {
        FetchSchedule {
            policy,
            query: Query::default(),
            limit: policy.first_hits,
            for_matches: Vec::new(),
            for_snippets: Vec::new(),
        }
    }

    /// The limit to search `query` with ([`SplitSearch::search`]). A query
    /// other than the last starts afresh: the policy's first hits, nothing
    /// fetched for it yet.
    pub fn limit_for(&mut self, query: &Query) -> usize {
        if &self.query != query {
            self.query = query.clone();
            self.limit = self.policy.first_hits;
            self.for_matches.clear();
            self.for_snippets.clear();
        }
        self.limit
    }

    /// Makes the last query check every candidate, however many bodies
    /// that fetches.
    pub fn check_all(&mut self) {
        self.limit = usize::MAX;
    }

    /// What is certain of a search's `step` over `candidates` articles, and
    /// what it wants fetched: the index shards or bodies it asked for, or,
    /// once it has its hits, the bodies of the first hits that match in
    /// the body only and whose texts `search` does not have.
    pub fn answer(
        &self,
        step: SearchStep,
        search: &SplitSearch,
        shards: &BodyShards,
        candidates: usize,
    ) -> (Found, Option<Wanted>) {
        match step {
            SearchStep::Found(found) => {
                let first = found.hits.iter().take(self.policy.snippets_wanted);
                let snippets: Vec<u32> = first
                    .filter(|hit| !hit.in_title)
                    .filter_map(|hit| u32::try_from(hit.index).ok())
                    .filter(|&number| search.body_text(number).is_none())
                    .filter(|&number| shards.shard_of(number).is_some())
                    .collect();
                let wanted = (!snippets.is_empty()).then_some(Wanted::Snippets(snippets));
                (found, wanted)
            }
            SearchStep::IndexShards(needed) => {
                // Until they come, any candidate may match.
                let nothing_yet = Found {
                    hits: Vec::new(),
                    unchecked: candidates,
                };
                (nothing_yet, Some(Wanted::IndexShards(needed)))
            }
            SearchStep::Bodies { so_far, needed } => (so_far, Some(Wanted::Bodies(needed))),
        }
    }

    /// Bodies fetched for the last query to decide matches.
    pub fn bodies_fetched(&self, shards: &BodyShards) -> usize {
        let fetched = self.for_matches.iter();
        fetched.map(|&shard| shards.articles_in(shard).len()).sum()
    }

    /// Whether the last query fetched as many bodies as it may before the
    /// reader asks for all.
    pub fn waits_for_reader(&self, shards: &BodyShards) -> bool {
        self.limit != usize::MAX && self.bodies_fetched(shards) >= self.policy.bodies_before_asking
    }

    /// The fetch that serves `wanted` next, its body shards counted as
    /// fetched for the query; none when the query waits for the reader or
    /// the wanted snippets' shards were all fetched already (those rows
    /// keep their excerpts).
    ///
    /// # Errors
    /// [`Stuck`] when the bodies wanted to decide matches are in no shard
    /// that was not fetched already.
    pub fn start(&mut self, wanted: Wanted, shards: &BodyShards) -> Result<Option<Fetch>, Stuck> {
        match wanted {
            Wanted::IndexShards(needed) => Ok(Some(Fetch::IndexShards(needed))),
            Wanted::Bodies(_) if self.waits_for_reader(shards) => Ok(None),
            Wanted::Bodies(articles) => {
                let round = self.round(&articles, shards, |schedule| &mut schedule.for_matches);
                match round.is_empty() {
                    true => Err(Stuck::BodiesNotInShards),
                    false => Ok(Some(Fetch::Bodies(round))),
                }
            }
            Wanted::Snippets(articles) => {
                let round = self.round(&articles, shards, |schedule| &mut schedule.for_snippets);
                Ok((!round.is_empty()).then_some(Fetch::Snippets {
                    shards: round,
                    articles,
                }))
            }
        }
    }

    /// The next round's body shards for `articles`, in their order, that
    /// `done` has not had; added to it.
    fn round(
        &mut self,
        articles: &[u32],
        shards: &BodyShards,
        done: impl FnOnce(&mut FetchSchedule) -> &mut Vec<u32>,
    ) -> Vec<u32> {
        let per_round = self.policy.shards_per_round;
        let done = done(self);
        let mut round: Vec<u32> = Vec::new();
        for shard in articles
            .iter()
            .filter_map(|&number| shards.shard_of(number))
        {
            if round.len() == per_round {
                break;
            }
            if !round.contains(&shard) && !done.contains(&shard) {
                round.push(shard);
            }
        }
        done.extend(&round);
        round
    }
}

#[cfg(test)]
mod tests;
