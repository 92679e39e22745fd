//! A [`SearchIndex`] cut into shards by key, as a split bundle carries the
//! index of its bodies (`docs/bundle-format.md`, "The search index").
//!
//! Keys are written as text: a CJK character (`中`), a pair of them (`中俄`)
//! or a word of other scripts (`linux`); the two kinds never collide, since
//! words hold no CJK character. Shards hold runs of keys in string order,
//! so one key is in exactly one shard, found from the shards' first keys,
//! and a word prefix is a run of shards. Postings are article numbers
//! (positions in the bundle, oldest first), ascending, written as the first
//! number then the gaps, in the base-32 text of [`write_numbers`]: small
//! numbers, mostly one character each, which compress well.

use super::{distinct_keys, gram_key, keys_of, union, Postings, SearchIndex};
use crate::bundle::BundleError;
use crate::script::is_cjk;
use crate::search::Query;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `format` of an index shard.
pub const INDEX_FORMAT: &str = "folio-index";

/// One shard as written: its first key and its JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexShard {
    /// The smallest key in the shard.
    pub first_key: String,
    /// The shard document.
    pub json: String,
}

/// An index shard document.
#[derive(Serialize, Deserialize)]
struct ShardDocument<'a> {
    #[serde(borrow)]
    format: &'a str,
    /// Key to postings, gap-coded by [`write_numbers`].
    keys: BTreeMap<String, String>,
}

/// The first digit value of a number's last digit (`]`, U+005D, is 0) and
/// of the digits before it (`#`, U+0023, is 0): two runs of 32 characters
/// without `"` and `\`, so that no digit needs an escape in JSON.
const LAST_DIGIT: u8 = b']';
const LEADING_DIGIT: u8 = b'#';

/// `numbers` as text: each in base 32, most significant digit first, its
/// last digit one of `]`…`|` and any before it `#`…`B`, so numbers need
/// no separator. A gap below 32 is one character: against JSON arrays of
/// decimals, brotli packs a bundle's index shards 16% smaller (1,000
/// generated articles: 313 → 264 KB, near the 266 KB that any coding of
/// the postings, one key at a time, needs at least).
///
/// ```
/// use folio::search::index::shards::{read_numbers, write_numbers};
/// assert_eq!(write_numbers([3, 1, 40]), "`^$e");
/// assert_eq!(read_numbers("`^$e"), Some(vec![3, 1, 40]));
/// ```
pub fn write_numbers(numbers: impl IntoIterator<Item = u32>) -> String {
    let mut text = String::new();
    let mut digits = Vec::with_capacity(7);
    for mut number in numbers {
        digits.clear();
        digits.push(LAST_DIGIT + (number % 32) as u8);
        number /= 32;
        while number > 0 {
            digits.push(LEADING_DIGIT + (number % 32) as u8);
            number /= 32;
        }
        text.extend(digits.iter().rev().map(|&digit| char::from(digit)));
    }
    text
}

/// The numbers [`write_numbers`] wrote, or `None` when `text` has another
/// character, ends inside a number, or holds one over `u32::MAX`.
pub fn read_numbers(text: &str) -> Option<Vec<u32>> {
    let mut numbers = Vec::with_capacity(text.len());
    let mut number: u32 = 0;
    let mut inside = false;
    for byte in text.bytes() {
        let (digit, last) = match byte {
            b']'..=b'|' => (byte - LAST_DIGIT, true),
            b'#'..=b'B' => (byte - LEADING_DIGIT, false),
            _ => return None,
        };
        number = number.checked_mul(32)?.checked_add(u32::from(digit))?;
        inside = !last;
        if last {
            numbers.push(number);
            number = 0;
        }
    }
    (!inside).then_some(numbers)
}

/// The text form of a gram key.
fn gram_text(key: u64) -> String {
    let first = char::from_u32((key >> 21) as u32);
    let second = char::from_u32((key & 0x1F_FFFF) as u32).filter(|&c| c != '\0');
    first.into_iter().chain(second).collect()
}

/// The gram key of `text` when it is one or two CJK characters.
fn gram_of_text(text: &str) -> Option<u64> {
    let mut chars = text.chars();
    let first = chars.next().filter(|&c| is_cjk(c))?;
    match (chars.next(), chars.next()) {
        (None, _) => Some(gram_key(first, None)),
        (Some(second), None) if is_cjk(second) => Some(gram_key(first, Some(second))),
        _ => None,
    }
}

/// Builds the index of a bundle's bodies and cuts it into shards: the
/// bundler's side of [`SearchIndex`], with the same keys, whose postings
/// are kept gap-coded in bytes while it grows (a 100,000-post bundle has
/// some 60 million postings: a quarter of the memory as `u32`s, and no
/// doubling of long lists).
#[derive(Debug, Default)]
pub struct IndexWriter {
    len: u32,
    grams: FxHashMap<u64, GapBytes>,
    words: FxHashMap<Box<str>, GapBytes>,
}

/// An article's search keys, each once ([`IndexWriter::add_keys`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleKeys {
    grams: Vec<u64>,
    words: Vec<Box<str>>,
}

impl ArticleKeys {
    /// The keys of an article's normalized `fields`.
    pub fn of(fields: &[&str]) -> ArticleKeys {
        let (grams, words) = distinct_keys(fields);
        ArticleKeys {
            grams,
            words: words.into_iter().map(Box::from).collect(),
        }
    }
}

/// Ascending postings as LEB128 gaps.
#[derive(Debug, Default)]
struct GapBytes {
    bytes: Vec<u8>,
    last: Option<u32>,
}

impl GapBytes {
    fn push(&mut self, number: u32) {
        let mut gap = number - self.last.unwrap_or(0);
        self.last = Some(number);
        loop {
            let low = (gap & 0x7F) as u8;
            gap >>= 7;
            if gap == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    fn gaps(&self) -> Vec<u32> {
        let mut gaps = Vec::new();
        let (mut value, mut shift) = (0u32, 0);
        for &byte in &self.bytes {
            value |= u32::from(byte & 0x7F) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                gaps.push(value);
                (value, shift) = (0, 0);
            }
        }
        gaps
    }
}

impl IndexWriter {
    /// An empty index.
    pub fn new() -> IndexWriter {
        IndexWriter::default()
    }

    /// Adds the next article (numbered from 0 in the order they come) as
    /// normalized fields, as [`SearchIndex::add_fields`] does.
    pub fn add_fields(&mut self, fields: &[&str]) {
        self.add_keys(ArticleKeys::of(fields));
    }

    /// Adds the next article by its keys, which callers can find for many
    /// articles at once on several threads.
    pub fn add_keys(&mut self, keys: ArticleKeys) {
        let number = self.len;
        for gram in keys.grams {
            self.grams.entry(gram).or_default().push(number);
        }
        for word in keys.words {
            self.words.entry(word).or_default().push(number);
        }
        self.len = self.len.saturating_add(1);
    }

    /// The index as shards of about `max_bytes` of JSON each (a key whose
    /// postings are longer gets a shard of its own), in key order.
    pub fn to_shards(&self, max_bytes: usize) -> Vec<IndexShard> {
        let mut shards = Vec::new();
        let _: Result<(), std::convert::Infallible> = self.each_shard(max_bytes, |shard| {
            shards.push(shard);
            Ok(())
        });
        shards
    }

    /// [`to_shards`](Self::to_shards), handing each shard to `write` as it
    /// is cut, so that the shards' text is never all held at once.
    ///
    /// # Errors
    /// The first error `write` returns; no shard is cut after it.
    pub fn each_shard<E>(
        &self,
        max_bytes: usize,
        mut write: impl FnMut(IndexShard) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut keys: Vec<(String, &GapBytes)> = self
            .grams
            .iter()
            .map(|(&key, postings)| (gram_text(key), postings))
            .chain(
                self.words
                    .iter()
                    .map(|(word, postings)| (word.to_string(), postings)),
            )
            .collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut current: BTreeMap<String, String> = BTreeMap::new();
        let mut bytes = 0;
        let cut = |current: &mut BTreeMap<String, String>| {
            let first_key = current.keys().next()?.clone();
            let document = ShardDocument {
                format: INDEX_FORMAT,
                keys: std::mem::take(current),
            };
            // A map of strings to strings always serializes.
            let json = serde_json::to_string(&document).unwrap_or_default();
            Some(IndexShard { first_key, json })
        };
        for (key, postings) in keys {
            let postings = write_numbers(postings.gaps());
            // The key, the postings, quotes, a colon and a comma.
            let size = key.len() + postings.len() + 6;
            if bytes + size > max_bytes {
                if let Some(shard) = cut(&mut current) {
                    write(shard)?;
                }
                bytes = 0;
            }
            bytes += size;
            current.insert(key, postings);
        }
        match cut(&mut current) {
            Some(shard) => write(shard),
            None => Ok(()),
        }
    }
}

impl SearchIndex {
    /// Takes in an index shard: its postings join this index's (a key's
    /// articles are those of either). The index must already number every
    /// article the shard names ([`len`](Self::len)).
    ///
    /// # Errors
    /// When `json` is not an index shard, or names an article this index
    /// does not have, or its postings are not ascending: the key is named,
    /// and the index is left as it was.
    pub fn absorb_shard(&mut self, json: &str) -> Result<(), BundleError> {
        let document: ShardDocument = serde_json::from_str(json).map_err(|err| {
            if err.is_data() {
                BundleError::WrongType {
                    path: "keys".to_owned(),
                    message: err.to_string(),
                }
            } else {
                BundleError::NotJson(err)
            }
        })?;
        if document.format != INDEX_FORMAT {
            return Err(BundleError::NotABundle(format!(
                "\"format\" is {:?}, an index shard's is \"{INDEX_FORMAT}\"",
                document.format
            )));
        }
        // Everything is checked before anything is merged: a bad shard
        // leaves the index as it was.
        let mut decoded = Vec::with_capacity(document.keys.len());
        for (key, gaps) in document.keys {
            let postings = read_numbers(&gaps)
                .and_then(|gaps| self.postings_from_gaps(&gaps))
                .ok_or_else(|| BundleError::WrongType {
                    path: format!("keys.{key}"),
                    message: format!(
                        "postings must be ascending article numbers below {}, gap-coded in base 32 (docs/bundle-format.md)",
                        self.len
                    ),
                })?;
            decoded.push((key, postings));
        }
        for (key, postings) in decoded {
            let merged = match gram_of_text(&key) {
                Some(gram) => self.grams.entry(gram).or_default(),
                None => self.words.entry(key.into_boxed_str()).or_default(),
            };
            *merged = union(merged, &postings);
        }
        Ok(())
    }

    /// Gap-coded postings decoded, or `None` when they are not strictly
    /// ascending numbers below [`len`](Self::len).
    fn postings_from_gaps(&self, gaps: &[u32]) -> Option<Postings> {
        let mut postings = Vec::with_capacity(gaps.len());
        let mut previous: Option<u32> = None;
        for &gap in gaps {
            let number = match previous {
                None => gap,
                Some(_) if gap == 0 => return None,
                Some(previous) => previous.checked_add(gap)?,
            };
            if number as usize >= self.len {
                return None;
            }
            postings.push(number);
            previous = Some(number);
        }
        Some(postings)
    }
}

/// The shards of a split bundle's index, by their first keys: which of them
/// a query needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShardTable {
    first_keys: Vec<String>,
}

impl ShardTable {
    /// The table of shards whose first keys are `first_keys`, in order.
    pub fn new(first_keys: Vec<String>) -> ShardTable {
        ShardTable { first_keys }
    }

    /// The shards (positions in the table, ascending) that hold every key
    /// `query` looks up: with them absorbed, the index answers `query` as
    /// the whole index would.
    pub fn needed(&self, query: &Query) -> Vec<usize> {
        let mut needed = Vec::new();
        for term in &query.terms {
            let keys = keys_of(&term.text);
            needed.extend(
                keys.grams
                    .into_iter()
                    .filter_map(|gram| self.holding(&gram_text(gram))),
            );
            for prefix in keys.prefixes {
                // A prefix sorting before every first key may still begin
                // the very first one ("li" before "linear").
                let first = match self.holding(prefix) {
                    Some(first) => first,
                    None if self
                        .first_keys
                        .first()
                        .is_some_and(|k| k.starts_with(prefix)) =>
                    {
                        0
                    }
                    None => continue,
                };
                // Every key at or after `prefix` that does not start with
                // it sorts after all keys that do.
                let last = self.first_keys[first + 1..]
                    .iter()
                    .take_while(|key| key.starts_with(prefix))
                    .count();
                needed.extend(first..=first + last);
            }
        }
        needed.sort_unstable();
        needed.dedup();
        needed
    }

    /// The shard whose keys would include `key`: the last one whose first
    /// key is not after it (none when `key` sorts before every shard).
    fn holding(&self, key: &str) -> Option<usize> {
        self.first_keys
            .partition_point(|first| first.as_str() <= key)
            .checked_sub(1)
    }
}

#[cfg(test)]
mod tests;
