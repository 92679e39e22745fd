//! Search: what a query matches, and in which order.
//!
//! One definition for the command line (`folio search`) and the viewer, so
//! both show the same ids in the same order. This is the reference matcher:
//! a scan over normalized text. An index (bundler-built, per the search
//! issue) must return exactly what this returns.
//!
//! - [`normalize`]: case, accents, full-width forms folded; CJK untouched.
//! - [`query`]: terms, `"quoted phrases"`, `-excluded` terms.
//! - [`matcher`]: CJK terms match as substrings; other terms as words or
//!   word prefixes; ranking puts title hits first, then newer articles.
//! - [`index`]: the same results from postings instead of a scan.
//! - [`split`]: the same over a split bundle, from the index shards and
//!   bodies a query needs.

pub mod index;
pub mod matcher;
pub mod normalize;
pub mod query;
pub mod split;
pub mod text;

pub use index::SearchIndex;
pub use matcher::{search, Hit, SearchableArticle};
pub use query::Query;
