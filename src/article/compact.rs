//! Two article fields that the list never reads, held compactly: a viewer
//! keeps 100,000 articles in memory, and as `BTreeMap`s these two cost a
//! B-tree leaf node each, with room for 11 entries, for the one or two that
//! feed posts carry. Natively, 100,000 loaded articles took 209 MB with the
//! maps and take 125 MB with these (the viewer's wasm memory at search
//! ready did not move: BENCHMARKS.md). On the wire they are the same JSON
//! objects as before.

use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;

/// What the sanitize policy removed from a body: a count by kind, in kind
/// order, each kind once (`{"script": 2, "style-attribute": 9}`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removals(Vec<(Box<str>, u32)>);

impl Removals {
    /// Whether nothing was removed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many kinds of thing were removed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The count for `kind`, if anything of that kind was removed.
    pub fn get(&self, kind: &str) -> Option<u32> {
        let at = self.0.binary_search_by(|(k, _)| (**k).cmp(kind)).ok()?;
        Some(self.0[at].1)
    }

    /// Kinds and counts, in kind order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.0.iter().map(|(kind, count)| (&**kind, *count))
    }
}

impl<K: Into<Box<str>>> FromIterator<(K, u32)> for Removals {
    /// Sorted by kind; of a kind given twice, the last count is kept (as a
    /// map would keep it).
    fn from_iter<I: IntoIterator<Item = (K, u32)>>(pairs: I) -> Removals {
        let mut pairs: Vec<(Box<str>, u32)> =
            pairs.into_iter().map(|(k, n)| (k.into(), n)).collect();
        // Stable: equal kinds stay in the order given, so the one kept
        // takes the count of the last.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        pairs.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 = later.1;
            }
            same
        });
        pairs.shrink_to_fit();
        Removals(pairs)
    }
}

impl Serialize for Removals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Removals {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Removals, D::Error> {
        struct Counts;
        impl<'de> Visitor<'de> for Counts {
            type Value = Removals;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of counts by kind")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Removals, A::Error> {
                let mut pairs: Vec<(String, u32)> = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(pairs.into_iter().collect())
            }
        }
        deserializer.deserialize_map(Counts)
    }
}

/// Front-matter keys folio does not use, kept as the JSON object they were
/// written as (nothing reads them but a second implementation, so the
/// viewer keeps their text instead of a tree of values).
#[derive(Debug, Clone)]
pub struct ExtraFields(Box<RawValue>);

impl ExtraFields {
    /// The fields of `object`, or `None` when there are none.
    ///
    /// # Errors
    /// When a value cannot be written as JSON (a map with non-string keys).
    pub fn from_fields<T: Serialize>(object: &T) -> Result<Option<ExtraFields>, serde_json::Error> {
        let raw = serde_json::value::to_raw_value(object)?;
        Ok((raw.get() != "{}").then_some(ExtraFields(raw)))
    }

    /// The fields as a JSON object's text.
    pub fn json(&self) -> &str {
        self.0.get()
    }

    /// The fields as JSON values, by key.
    pub fn to_map(&self) -> serde_json::Map<String, serde_json::Value> {
        // An `ExtraFields` only ever holds an object's valid JSON.
        serde_json::from_str(self.json()).unwrap_or_default()
    }
}

impl PartialEq for ExtraFields {
    /// The same fields and values, whatever their order or spacing.
    fn eq(&self, other: &ExtraFields) -> bool {
        self.json() == other.json() || self.to_map() == other.to_map()
    }
}

impl Serialize for ExtraFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ExtraFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ExtraFields, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        if !raw.get().trim_start().starts_with('{') {
            return Err(D::Error::invalid_type(
                serde::de::Unexpected::Other(raw.get()),
                &"an object of front-matter keys",
            ));
        }
        Ok(ExtraFields(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_read_and_write_the_same_object() {
        let json = r#"{"comment":1,"script":5,"style-attribute":3}"#;
        let removals: Removals = serde_json::from_str(json).unwrap();
        assert_eq!(removals.len(), 3);
        assert_eq!(removals.get("script"), Some(5));
        assert_eq!(removals.get("iframe"), None);
        assert_eq!(serde_json::to_string(&removals).unwrap(), json);
    }

    #[test]
    fn removals_are_sorted_and_keep_a_kinds_last_count() {
        let removals: Removals = [("z", 1), ("a", 2), ("z", 3)].into_iter().collect();
        let pairs: Vec<(&str, u32)> = removals.iter().collect();
        assert_eq!(pairs, [("a", 2), ("z", 3)]);
        let from_json: Removals = serde_json::from_str(r#"{"b":1,"a":2,"b":7}"#).unwrap();
        assert_eq!(from_json.iter().collect::<Vec<_>>(), [("a", 2), ("b", 7)]);
    }

    #[test]
    fn removals_that_are_not_counts_are_refused() {
        assert!(serde_json::from_str::<Removals>(r#"{"script":-1}"#).is_err());
        assert!(serde_json::from_str::<Removals>(r#"["script"]"#).is_err());
    }

    #[test]
    fn extra_fields_keep_their_json() {
        let json = r#"{"comments":false,"layout":"post","sticky":3}"#;
        let extra: ExtraFields = serde_json::from_str(json).unwrap();
        assert_eq!(extra.json(), json);
        assert_eq!(serde_json::to_string(&extra).unwrap(), json);
        assert_eq!(extra.to_map()["sticky"], serde_json::json!(3));
        let spaced: ExtraFields =
            serde_json::from_str(r#"{ "sticky": 3, "layout": "post", "comments": false }"#)
                .unwrap();
        assert_eq!(extra, spaced);
    }

    #[test]
    fn extra_fields_must_be_an_object() {
        for json in ["5", "\"x\"", "[1]", "null"] {
            let err = serde_json::from_str::<ExtraFields>(json).unwrap_err();
            assert!(err.to_string().contains("an object"), "{json}: {err}");
        }
    }

    #[test]
    fn no_fields_are_none() {
        let empty = serde_json::Map::new();
        assert!(ExtraFields::from_fields(&empty).unwrap().is_none());
        let fields = serde_json::json!({"comments": false});
        let extra = ExtraFields::from_fields(&fields).unwrap().unwrap();
        assert_eq!(extra.json(), r#"{"comments":false}"#);
    }
}
