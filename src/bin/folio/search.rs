//! `folio search`: the viewer's search, on the command line.

use crate::args::SearchArgs;
use anyhow::Context;
use folio::bundler::split;
use folio::listing::{newest_first, retain_filtered, Filter};
use folio::reading_state::ReadingState;
use folio::route::SearchState;
use folio::search::{search, Query, SearchableArticle};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct Found<'a> {
    id: &'a str,
    title: &'a str,
}

pub fn run(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.bundle)
        .with_context(|| format!("reading {}", args.bundle.display()))?;
    let mut loaded = folio::bundle::parse(&text)
        .with_context(|| format!("reading {}", args.bundle.display()))?;
    // A split bundle's manifest: the articles are in the files beside it;
    // with an index, only the bodies a query needs are read.
    let indexed = !loaded.shards.index_shards.is_empty();
    if indexed {
        split::read_article_shards(&args.bundle, &mut loaded);
    } else {
        split::read_split_bundle(&args.bundle, &mut loaded)?;
    }
    for skipped in &loaded.skipped {
        eprintln!("folio: skipped {}: {}", skipped.path, skipped.message);
    }
    let articles = &loaded.bundle.articles;
    // The viewer's `c=`, `author=`, `tag=`, `from=` and `to=` rules; reading marks
    // live in a browser, so there are none here.
    let narrowing = SearchState {
        category: args.category.as_ref().and_then(|path| {
            let levels: Vec<String> = path
                .split('/')
                .filter(|level| !level.is_empty())
                .map(str::to_owned)
                .collect();
            (!levels.is_empty()).then_some(levels)
        }),
        author: args.author.clone().filter(|name| !name.is_empty()),
        tag: args.tag.clone().filter(|name| !name.is_empty()),
        from: args.from.clone(),
        to: args.to.clone(),
        ..SearchState::default()
    };
    let mut candidates = newest_first(articles, &Filter::All);
    retain_filtered(
        &mut candidates,
        articles,
        &narrowing,
        &ReadingState::default(),
    );
    let query = Query::parse(&args.query);
    let limit = args.limit.map_or(usize::MAX, |n| n as usize);
    let mut hits = if indexed {
        split::search_split(&args.bundle, &loaded, &candidates, &query, limit)?
            .0
            .hits
    } else {
        let searchable: Vec<SearchableArticle> =
            articles.iter().map(SearchableArticle::new).collect();
        search(&searchable, &candidates, &query)
    };
    hits.truncate(limit);
    let found: Vec<Found> = hits
        .iter()
        .map(|hit| Found {
            id: &articles[hit.index].id,
            title: &articles[hit.index].title,
        })
        .collect();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&found)?);
    } else {
        for item in &found {
            println!("{}\t{}", item.id, item.title);
        }
    }
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
