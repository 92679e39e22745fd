//! Command-line arguments. Doc comments here are the `--help` text.

use clap::{Args as ClapArgs, Parser, Subcommand};
use std::path::PathBuf;

/// folio: read a folder of feed-generated Hexo posts anywhere.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn a folder of Hexo posts into a JSON bundle for the viewer: one
    /// file, or with --split a folder of shards for large collections.
    ///
    /// Every file is accounted for: bundled, or reported with its path, line and
    /// reason. Exit status: 0 when every post was bundled, 1 when some were
    /// skipped (the bundle is still written), 2 on bad usage or an unreadable folder.
    Bundle(BundleArgs),
    /// Search a bundle as the viewer does: prints the ids and titles it would
    /// list, in the same order (exit status 1 when nothing matches).
    ///
    /// CJK terms match anywhere (中俄 finds 中俄关系); other terms match words or
    /// word prefixes (linu finds Linux). Terms are ANDed; "quoted phrases" match
    /// as written; -term excludes.
    Search(SearchArgs),
}

#[derive(Debug, ClapArgs)]
pub struct SearchArgs {
    /// The bundle to search: a file, or a split bundle's bundle.json.
    pub bundle: PathBuf,
    /// What to search for (quote it in the shell when it has spaces).
    pub query: String,
    /// Only articles under this category path, levels joined by `/`
    /// (e.g. 新媒体/观察者网).
    #[arg(long, value_name = "PATH")]
    pub category: Option<String>,
    /// Only articles by this author.
    #[arg(long)]
    pub author: Option<String>,
    /// Only articles with this tag.
    #[arg(long)]
    pub tag: Option<String>,
    /// Only articles dated this day or later (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DAY", value_parser = day)]
    pub from: Option<String>,
    /// Only articles dated this day or earlier (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DAY", value_parser = day)]
    pub to: Option<String>,
    /// Print only the first N results (on a split bundle, only the bodies
    /// they need are read).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// Print a JSON array of {id, title} instead of lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, ClapArgs)]
pub struct BundleArgs {
    /// The folder of posts (searched recursively for `.md` files).
    pub posts_dir: PathBuf,
    /// Where to write the bundle: a file, or with --split a folder.
    #[arg(short, long, value_name = "BUNDLE")]
    pub output: PathBuf,
    /// Write the split layout for large collections: OUTPUT is a folder that
    /// gets bundle.json (the manifest, the URL the viewer loads) and shards
    /// of articles and bodies the viewer fetches as needed.
    #[arg(long)]
    pub split: bool,
    /// With --split: articles per article shard. bundle.json holds the
    /// newest N to 2N-1 articles, all the first list needs (500 of feed
    /// posts are about 60 KB brotli).
    #[arg(long, default_value_t = 500, value_name = "N", requires = "split", value_parser = clap::value_parser!(u32).range(1..))]
    pub articles_per_shard: u32,
    /// With --split: bodies per body shard. Opening an article fetches its
    /// whole shard; 50 is about 50 KB brotli for feed posts.
    #[arg(long, default_value_t = 50, value_name = "N", requires = "split", value_parser = clap::value_parser!(u32).range(1..))]
    pub bodies_per_shard: u32,
    /// The zone for dates written without one: UTC, an offset like +08:00, or
    /// an IANA name like Asia/Shanghai. The bundle records it.
    #[arg(long, default_value = "UTC", value_name = "ZONE")]
    pub timezone: String,
    /// Print only errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Treat warnings as errors: a post with anything guessed is not bundled.
    #[arg(long)]
    pub strict: bool,
    /// Also write the full report (every warning, error and ignored file) as JSON.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Print the report as JSON on stdout instead of text on stderr.
    #[arg(long)]
    pub json: bool,
    /// After the first run, rebuild whenever a post changes (Ctrl-C stops).
    #[arg(long)]
    pub watch: bool,
}

/// A day as the viewer's `from=`/`to=` take it.
fn day(value: &str) -> Result<String, String> {
    if folio::route::is_day(value) {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "{value:?} is not a day: write it as YYYY-MM-DD, e.g. 2026-11-01"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn arguments_are_consistent() {
        Args::command().debug_assert();
    }
}
