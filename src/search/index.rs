//! An inverted index over [`SearchableArticle`]s that finds exactly what the
//! reference matcher ([`super::matcher::search`]) finds, without scanning
//! every article's text.
//!
//! What it holds, per article:
//! - every CJK character (for one-character queries) and every pair of
//!   adjacent CJK characters (bigrams): a CJK term can only occur where all
//!   its adjacent pairs occur, so intersecting their postings leaves few
//!   articles to confirm with a substring check;
//! - every word of other scripts (a maximal run of letters and digits that
//!   are not CJK), kept sorted so that a prefix is a range of words.
//!
//! A lookup says whether its articles are *exactly* those that contain the
//! term (one CJK character, two CJK characters, or one word prefix) or only a
//! superset; a superset is confirmed against the text with
//! [`super::matcher::occurs`], the reference rule itself. That is what makes
//! the results equal to the brute-force scan by construction; the tests
//! check it on random texts and queries anyway.
//!
//! The index is built one article at a time ([`SearchIndex::add`]), so the
//! viewer can build it in short slices between frames.
//!
//! A split bundle carries the index of its bodies, built by the bundler and
//! cut into shards by key ([`shards`]); a reader builds the index of what it
//! has (titles, authors, categories), takes the shards a query needs into a
//! second index ([`SearchIndex::absorb_shard`]), plans over both as one
//! ([`SearchIndex::plan_with`]), and confirms inexact terms on the texts of
//! the candidates alone.

pub mod shards;

use super::matcher::{ranked, Hit, SearchableArticle};
use super::query::{Query, Term};
use crate::script::is_cjk;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Postings: indices of the articles that contain a key, ascending, no repeats.
type Postings = Vec<u32>;

/// The inverted index of a bundle's searchable text.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SearchIndex {
    /// How many articles have been added (they are `0..len`).
    len: usize,
    /// CJK characters and bigrams ([`gram_key`]) to the articles containing them.
    grams: FxHashMap<u64, Postings>,
    /// Words of other scripts to the articles containing them.
    words: BTreeMap<Box<str>, Postings>,
}

/// The articles a term may occur in, and whether they all do.
struct Lookup {
    articles: Postings,
    exact: bool,
}

/// What the index must look up for one term: the same for a whole index
/// and for choosing the shards of a split one. Nothing to look up means
/// any article may contain the term.
#[derive(Debug, Default, PartialEq, Eq)]
struct Keys<'a> {
    /// CJK characters or bigrams, all of which must be present.
    grams: Vec<u64>,
    /// Word prefixes, each of which must begin a word.
    prefixes: Vec<&'a str>,
}

/// What the index alone says of a query ([`SearchIndex::plan`]).
/// It owns its terms, so that a split search can keep it across the rounds
/// of fetched bodies of one query.
#[derive(Debug)]
pub struct Plan {
    /// The articles that may match, ascending: no other article does.
    pub possible: Postings,
    /// Required terms the index cannot decide alone.
    unsure: Vec<Term>,
    /// Excluded terms it cannot decide alone, with the possible articles
    /// that may contain them.
    unsure_excluded: Vec<(Term, Postings)>,
}

impl Plan {
    /// Whether `index`, one of the [`possible`](Plan::possible) articles,
    /// matches: `confirm` answers whether it contains a term (`None`: its
    /// text is missing, and then so is the decision, unless another term
    /// already rules it out).
    pub fn decide(
        &self,
        index: u32,
        confirm: &mut impl FnMut(u32, &Term) -> Option<bool>,
    ) -> Option<bool> {
        let mut unknown = false;
        for term in &self.unsure {
            match confirm(index, term) {
                Some(false) => return Some(false),
                None => unknown = true,
                Some(true) => {}
            }
        }
        for (term, may) in &self.unsure_excluded {
            if may.binary_search(&index).is_ok() {
                match confirm(index, term) {
                    Some(true) => return Some(false),
                    None => unknown = true,
                    Some(false) => {}
                }
            }
        }
        (!unknown).then_some(true)
    }
}

/// Articles whose full text a search needs, to confirm a term the index
/// cannot decide alone, and was not given ([`SearchIndex::search_confirming`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconfirmed(pub Vec<u32>);

/// One key for a CJK character (`second` = `None`) or a pair of them.
fn gram_key(first: char, second: Option<char>) -> u64 {
    // Characters fit in 21 bits; 0 marks "no second character" (NUL is
    // never CJK).
    (u64::from(first) << 21) | second.map_or(0, u64::from)
}

/// Adds the CJK characters and bigrams of `field` to `grams` and its words
/// to `words` (repeats included; the caller removes them).
fn collect_keys<'a>(field: &'a str, grams: &mut Vec<u64>, words: &mut Vec<&'a str>) {
    let mut previous: Option<char> = None;
    let mut word_start: Option<usize> = None;
    for (at, c) in field.char_indices() {
        if is_cjk(c) {
            grams.push(gram_key(c, None));
            if let Some(before) = previous.filter(|&p| is_cjk(p)) {
                grams.push(gram_key(before, Some(c)));
            }
        }
        match (is_word_char(c), word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(start)) => {
                words.push(&field[start..at]);
                word_start = None;
            }
            _ => {}
        }
        previous = Some(c);
    }
    if let Some(start) = word_start {
        words.push(&field[start..]);
    }
}

/// The keys of an article's `fields`, each once: far fewer map lookups for
/// the caller than one per character.
fn distinct_keys<'a>(fields: &[&'a str]) -> (Vec<u64>, Vec<&'a str>) {
    let mut grams = Vec::new();
    let mut words = Vec::new();
    for field in fields {
        collect_keys(field, &mut grams, &mut words);
    }
    grams.sort_unstable();
    grams.dedup();
    words.sort_unstable();
    words.dedup();
    (grams, words)
}

/// A character that belongs to a word of a non-CJK script: the complement
/// of what [`occurs`] accepts before a word start.
fn is_word_char(c: char) -> bool {
    // CJK first: it is a range check, is_alphanumeric a table lookup.
    !is_cjk(c) && c.is_alphanumeric()
}

impl SearchIndex {
    /// An empty index.
    pub fn new() -> SearchIndex {
        SearchIndex::default()
    }

    /// The index of `searchable`, built in one go.
    pub fn build(searchable: &[SearchableArticle]) -> SearchIndex {
        let mut index = SearchIndex::new();
        for article in searchable {
            index.add(article);
        }
        index
    }

    /// How many articles are indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds the next article (its index is [`len`](Self::len) before the call).
    pub fn add(&mut self, article: &SearchableArticle) {
        self.add_fields(&article.fields());
    }

    /// Adds the next article as normalized fields (a term never matches
    /// across two fields): how the bundler indexes bodies alone.
    pub fn add_fields(&mut self, fields: &[&str]) {
        let Ok(id) = u32::try_from(self.len) else {
            // Over four billion articles: no bundle gets here; refusing to
            // index more keeps the postings' type small.
            return;
        };
        let (grams, words) = distinct_keys(fields);
        for gram in grams {
            self.grams.entry(gram).or_default().push(id);
        }
        for word in words {
            match self.words.get_mut(word) {
                Some(postings) => postings.push(id),
                None => {
                    self.words.insert(word.into(), vec![id]);
                }
            }
        }
        self.len += 1;
    }

    /// The articles among `candidates` (indices of `searchable`, newest
    /// first) that `query` finds, ranked: the same as
    /// [`super::matcher::search`] over the same arguments, when this index
    /// was built from `searchable`.
    pub fn search(
        &self,
        searchable: &[SearchableArticle],
        candidates: &[usize],
        query: &Query,
    ) -> Vec<Hit> {
        let in_text = |index: u32, term: &Term| {
            Some(
                searchable
                    .get(index as usize)
                    .is_some_and(|article| article.contains(&term.text)),
            )
        };
        self.search_confirming(searchable, candidates, query, in_text)
            .unwrap_or_default()
    }

    /// [`search`](Self::search) where `searchable` may hold less than the
    /// index (a split bundle's titles, authors and categories, while the
    /// index also has the bodies' keys): whether an article contains a
    /// term the index cannot decide alone is asked of `confirm`, which
    /// answers `None` when it does not have the article's text. The
    /// answer is then which articles' texts are needed: fetch them and ask
    /// again.
    ///
    /// # Errors
    /// [`Unconfirmed`], with every article whose text is missing.
    pub fn search_confirming(
        &self,
        searchable: &[SearchableArticle],
        candidates: &[usize],
        query: &Query,
        mut confirm: impl FnMut(u32, &Term) -> Option<bool>,
    ) -> Result<Vec<Hit>, Unconfirmed> {
        let indexed = self.len.min(searchable.len());
        let plan = self.plan(query, indexed);
        let mut missing = Vec::new();
        let mut is_found = vec![false; indexed];
        for &index in &plan.possible {
            match plan.decide(index, &mut confirm) {
                Some(matches) => is_found[index as usize] = matches,
                None => missing.push(index),
            }
        }
        if !missing.is_empty() {
            return Err(Unconfirmed(missing));
        }
        let is_found = |index, _: &SearchableArticle| is_found.get(index).copied().unwrap_or(false);
        Ok(ranked(searchable, candidates, query, is_found, |_| true))
    }

    /// What the index alone says of `query` over its first `indexed`
    /// articles: which may match, and what is left to confirm for them.
    pub fn plan(&self, query: &Query, indexed: usize) -> Plan {
        plan_in(&[self], query, indexed)
    }

    /// [`plan`](Self::plan) over the keys of this index and `more` together,
    /// as if one index held both (a split bundle's titles, authors and
    /// categories here, its bodies' postings from index shards in `more`):
    /// the shards' postings are kept once, not merged into a copy.
    pub fn plan_with(&self, more: &SearchIndex, query: &Query, indexed: usize) -> Plan {
        plan_in(&[self, more], query, indexed)
    }

    /// The articles that may contain the normalized `term` (ascending): no
    /// other article does.
    pub fn may_contain(&self, term: &str) -> Vec<u32> {
        lookup(&[self], term).articles
    }

    /// The articles containing a word that starts with `prefix`.
    fn with_prefix(&self, prefix: &str) -> Postings {
        let mut lists = self
            .words
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(|(word, _)| word.starts_with(prefix))
            .map(|(_, postings)| postings);
        let Some(first) = lists.next() else {
            return Vec::new();
        };
        let Some(second) = lists.next() else {
            return first.clone();
        };
        let mut member = vec![false; self.len];
        for &id in first.iter().chain(second).chain(lists.flatten()) {
            member[id as usize] = true;
        }
        (0..self.len as u32)
            .filter(|&id| member[id as usize])
            .collect()
    }
}

/// [`SearchIndex::plan`] over `indexes` taken as one.
fn plan_in(indexes: &[&SearchIndex], query: &Query, indexed: usize) -> Plan {
    // Required terms: intersect what the index says, starting from the
    // rarest term; the inexact ones are left to confirm.
    let mut lookups: Vec<(Lookup, &Term)> = query
        .required()
        .map(|term| (lookup(indexes, &term.text), term))
        .collect();
    let rarest = (0..lookups.len()).min_by_key(|&at| lookups[at].0.articles.len());
    // The rarest list is taken, not copied, and not intersected with
    // itself: a one-character term's list can hold most of the bundle.
    let mut possible: Postings = match rarest {
        Some(at) => std::mem::take(&mut lookups[at].0.articles),
        None => (0..indexed as u32).collect(),
    };
    possible.retain(|&index| (index as usize) < indexed);
    for (at, (lookup, _)) in lookups.iter().enumerate() {
        if Some(at) != rarest {
            possible = intersect(&possible, &lookup.articles);
        }
    }
    let unsure = lookups
        .iter()
        .filter(|(lookup, _)| !lookup.exact)
        .map(|&(_, term)| term.clone())
        .collect();
    // Excluded terms: an exact one removes its articles now; an
    // inexact one, those it is confirmed in.
    let mut unsure_excluded = Vec::new();
    for term in query.excluded() {
        let lookup = lookup(indexes, &term.text);
        let present = intersect(&possible, &lookup.articles);
        if lookup.exact {
            possible = difference(&possible, &present);
        } else if !present.is_empty() {
            unsure_excluded.push((term.clone(), present));
        }
    }
    Plan {
        possible,
        unsure,
        unsure_excluded,
    }
}

/// The articles of `indexes` (taken as one: a key's postings are the union
/// of its postings in each) that may contain the normalized `term`.
fn lookup(indexes: &[&SearchIndex], term: &str) -> Lookup {
    let keys = keys_of(term);
    let mut lists: Vec<Cow<'_, [u32]>> = Vec::new();
    for key in &keys.grams {
        lists.push(union_of(indexes.iter().map(|index| {
            index.grams.get(key).map_or(Cow::Borrowed(&[][..]), |list| {
                Cow::Borrowed(list.as_slice())
            })
        })));
    }
    for prefix in &keys.prefixes {
        lists.push(union_of(
            indexes
                .iter()
                .map(|index| Cow::Owned(index.with_prefix(prefix))),
        ));
    }
    let len = indexes.iter().map(|index| index.len).max().unwrap_or(0);
    // The shortest list is taken out and the others are intersected into
    // it; intersecting it with itself would be a second copy for nothing.
    let shortest = (0..lists.len()).min_by_key(|&at| lists[at].len());
    let articles = match shortest {
        None => (0..len as u32).collect(),
        Some(at) => {
            let shortest = lists.swap_remove(at).into_owned();
            lists
                .iter()
                .fold(shortest, |found, list| intersect(&found, list))
        }
    };
    Lookup {
        articles,
        exact: is_exact(term),
    }
}

/// The union of ascending lists, borrowing the one list that is not empty
/// (a key that only one index has, the usual case).
fn union_of<'a>(lists: impl Iterator<Item = Cow<'a, [u32]>>) -> Cow<'a, [u32]> {
    lists.fold(Cow::Borrowed(&[][..]), |so_far, list| {
        if so_far.is_empty() {
            list
        } else if list.is_empty() {
            so_far
        } else {
            Cow::Owned(union(&so_far, &list))
        }
    })
}

/// What to look up for the normalized `term`.
///
/// A CJK term occurs as a substring, so all its adjacent CJK pairs (or,
/// without a pair, all its CJK characters) occur in the same field. A term
/// of other scripts occurs at a word start; each run of word characters in
/// it then begins a word of the text (the first because the term starts
/// there, the others because a non-word character precedes them), so each
/// run is a prefix of an indexed word. In a CJK term the same holds for
/// every run but one that starts the term, which may fall inside a word
/// (`5g网络` occurs in `a5g网络`).
fn keys_of(term: &str) -> Keys<'_> {
    let chars: Vec<char> = term.chars().collect();
    let has_cjk = chars.iter().any(|&c| is_cjk(c));
    let mut runs = term.split(|c: char| !is_word_char(c));
    if has_cjk && term.starts_with(is_word_char) {
        runs.next();
    }
    let prefixes: Vec<&str> = runs.filter(|run| !run.is_empty()).collect();
    if !has_cjk {
        return Keys {
            grams: Vec::new(),
            prefixes,
        };
    }
    let pairs: Vec<u64> = chars
        .windows(2)
        .filter(|pair| is_cjk(pair[0]) && is_cjk(pair[1]))
        .map(|pair| gram_key(pair[0], Some(pair[1])))
        .collect();
    let grams = if pairs.is_empty() {
        chars
            .iter()
            .filter(|&&c| is_cjk(c))
            .map(|&c| gram_key(c, None))
            .collect()
    } else {
        pairs
    };
    Keys { grams, prefixes }
}

/// Whether the articles [`keys_of`] finds for `term` are exactly those that
/// contain it: one or two CJK characters, or one word prefix.
fn is_exact(term: &str) -> bool {
    let chars: Vec<char> = term.chars().collect();
    if chars.iter().any(|&c| is_cjk(c)) {
        chars.len() <= 2 && chars.iter().all(|&c| is_cjk(c))
    } else {
        chars.iter().all(|&c| is_word_char(c)) && !chars.is_empty()
    }
}

/// Ascending `a` ∩ ascending `b`. Lists of similar length are merged in
/// one walk; a short list against a long one (one-character postings can
/// cover most of a bundle) walks the short one and binary-searches the
/// rest of the long one. (Binary searching lists of similar length made
/// this the search module's costliest function at 100,000 articles: 18 ms
/// of self time per query in a browser profile; merging, 4 ms.)
fn intersect(a: &[u32], b: &[u32]) -> Postings {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(short.len());
    if long.len() / 16 <= short.len() {
        let (mut i, mut j) = (0, 0);
        while let (Some(&x), Some(&y)) = (short.get(i), long.get(j)) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    out.push(x);
                    i += 1;
                    j += 1;
                }
            }
        }
        return out;
    }
    let mut rest = long;
    for &id in short {
        match rest.binary_search(&id) {
            Ok(at) => {
                out.push(id);
                rest = &rest[at + 1..];
            }
            Err(at) => rest = &rest[at..],
        }
        if rest.is_empty() {
            break;
        }
    }
    out
}

/// Ascending `a` ∪ ascending `b`.
fn union(a: &[u32], b: &[u32]) -> Postings {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => {
                out.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(x);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Ascending `a` without the ids in ascending `b`.
fn difference(a: &[u32], b: &[u32]) -> Postings {
    a.iter()
        .copied()
        .filter(|id| b.binary_search(id).is_err())
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
