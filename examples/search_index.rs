//! Native timings of the search index against the reference scan, on a
//! bundle: time to prepare the searchable text, to build the index, and per
//! query for both (with a check that they agree).
//!
//! ```sh
//! cargo run --release --example search_index -- target/bench/bundle-10000.json
//! ```
//!
//! Queries: 200 substrings of 1–4 characters sampled from the articles'
//! titles (fixed seed), so they mostly hit, as typed queries do.

use folio::listing::{newest_first, Filter};
use folio::search::{search, Query, SearchIndex, SearchableArticle};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: search_index BUNDLE.json")?;
    let loaded = folio::bundle::parse(&std::fs::read_to_string(&path)?)?;
    let articles = &loaded.bundle.articles;

    let started = Instant::now();
    let searchable: Vec<_> = articles.iter().map(SearchableArticle::new).collect();
    let prepare = started.elapsed();
    let started = Instant::now();
    let index = SearchIndex::build(&searchable);
    let build = started.elapsed();

    let mut state: u64 = 0x5EED;
    let mut below = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    };
    let queries: Vec<String> = (0..200)
        .map(|_| {
            let title: Vec<char> = articles[below(articles.len())].title.chars().collect();
            let length = 1 + below(4);
            let start = below(title.len().saturating_sub(length).max(1));
            title.iter().skip(start).take(length).collect()
        })
        .collect();
    let candidates = newest_first(articles, &Filter::All);
    let (mut scan_ms, mut index_ms) = (Vec::new(), Vec::new());
    for text in &queries {
        let query = Query::parse(text);
        let started = Instant::now();
        let expected = search(&searchable, &candidates, &query);
        scan_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        let found = index.search(&searchable, &candidates, &query);
        index_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        if found != expected {
            return Err(format!("index and scan disagree on {text:?}").into());
        }
    }
    let percentiles = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        (times[times.len() / 2], times[times.len() * 95 / 100])
    };
    let (scan_p50, scan_p95) = percentiles(&mut scan_ms);
    let (index_p50, index_p95) = percentiles(&mut index_ms);
    println!(
        "{} articles: searchable text {:.0} ms, index {:.0} ms; per query scan p50 {scan_p50:.2} / p95 {scan_p95:.2} ms, index p50 {index_p50:.2} / p95 {index_p95:.2} ms",
        articles.len(),
        prepare.as_secs_f64() * 1000.0,
        build.as_secs_f64() * 1000.0,
    );
    Ok(())
}
