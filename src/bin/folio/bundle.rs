//! `folio bundle`: posts folder in, bundle file out, every file accounted for.

use crate::args::BundleArgs;
use anyhow::Context;
use folio::bundler::split::{write_split_bundle, ShardSizes, MANIFEST};
use folio::bundler::{bundle_folder_with_progress, write_bundle, Progress, Report, Severity};
use folio::date::parse_zone;
use folio::post::PostOptions;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use notify_debouncer_mini::new_debouncer;
use notify_debouncer_mini::notify::RecursiveMode;
use serde::Serialize;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;
use std::time::Instant;

/// The machine-readable account of a run (`--json`, `--report`).
#[derive(Serialize)]
struct Summary<'a> {
    output: String,
    bundled: usize,
    warnings: usize,
    errors: usize,
    ignored: usize,
    seconds: f64,
    entries: &'a [folio::bundler::ReportEntry],
}

impl<'a> Summary<'a> {
    fn new(report: &'a Report, args: &BundleArgs, seconds: f64) -> Self {
        Summary {
            output: if args.split {
                args.output.join(MANIFEST)
            } else {
                args.output.clone()
            }
            .display()
            .to_string(),
            bundled: report.bundled,
            warnings: report.count(Severity::Warning),
            errors: report.count(Severity::Error),
            ignored: report.count(Severity::Ignored),
            seconds,
            entries: &report.entries,
        }
    }
}

pub fn run(args: &BundleArgs) -> anyhow::Result<ExitCode> {
    let Some(zone) = parse_zone(&args.timezone) else {
        eprintln!(
            "folio: --timezone {:?} is not a zone; use UTC, an offset such as +08:00, or a name such as Asia/Shanghai",
            args.timezone
        );
        return Ok(ExitCode::from(2));
    };
    let options = PostOptions {
        zone,
        strict: args.strict,
    };
    let code = run_once(args, &options)?;
    if args.watch && code != ExitCode::from(2) {
        return watch(args, &options);
    }
    Ok(code)
}

/// Rebuilds whenever a post under the folder changes, until interrupted.
fn watch(args: &BundleArgs, options: &PostOptions) -> anyhow::Result<ExitCode> {
    let (events, changes) = std::sync::mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(300), events)
        .context("starting to watch the posts folder")?;
    debouncer
        .watcher()
        .watch(&args.posts_dir, RecursiveMode::Recursive)
        .with_context(|| format!("watching {}", args.posts_dir.display()))?;
    eprintln!(
        "folio: watching {} for changes (Ctrl-C stops)",
        args.posts_dir.display()
    );
    for change in changes {
        match change {
            // Only posts count: the bundle and its temporary file may live in
            // the same folder, and writing them must not trigger a rebuild.
            Ok(events)
                if events
                    .iter()
                    .any(|e| e.path.extension().is_some_and(|x| x == "md")) =>
            {
                run_once(args, options)?;
            }
            Ok(_) => {}
            Err(err) => eprintln!("folio: watching {} failed: {err}", args.posts_dir.display()),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One bundling run: read, write, report.
fn run_once(args: &BundleArgs, options: &PostOptions) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    if std::io::stderr().is_terminal() && !args.quiet && !args.json {
        // indicatif draws at most a few times a second, so a run that ends
        // within a moment shows (almost) nothing.
        bar.set_draw_target(ProgressDrawTarget::stderr());
    }
    let progress = BarProgress(bar);
    let outcome = bundle_folder_with_progress(&args.posts_dir, options, &progress);
    progress.0.finish_and_clear();
    let (mut bundle, report) = match outcome {
        Ok(result) => result,
        Err(err) => {
            eprintln!("folio: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    bundle.timezone = options.zone.name();
    if args.split {
        let sizes = ShardSizes {
            articles: args.articles_per_shard as usize,
            bodies: args.bodies_per_shard as usize,
        };
        write_split_bundle(bundle, &args.output, sizes).map(drop)
    } else {
        write_bundle(&bundle, &args.output)
    }
    .with_context(|| format!("writing {}", args.output.display()))?;

    let summary = Summary::new(&report, args, started.elapsed().as_secs_f64());
    if let Some(path) = &args.report {
        let json = serde_json::to_string_pretty(&summary)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("writing the report {}", path.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        print_text(&report, &summary, args.quiet);
    }
    Ok(if summary.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Draws `folio bundle`'s progress on stderr.
struct BarProgress(ProgressBar);

impl Progress for BarProgress {
    fn start(&self, total: usize) {
        self.0.set_length(total as u64);
        self.0.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} posts, {per_sec}, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    }

    fn advance(&self) {
        self.0.inc(1);
    }
}

fn print_text(report: &Report, summary: &Summary<'_>, quiet: bool) {
    for entry in &report.entries {
        if quiet && entry.severity != Severity::Error {
            continue;
        }
        let label = match entry.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Ignored => "ignored",
        };
        let place = match entry.line {
            Some(line) => format!("{}:{line}", entry.file),
            None => entry.file.clone(),
        };
        eprintln!("{label}: {place}: {}", entry.message);
    }
    if !quiet {
        eprintln!(
            "{} bundled, {} warnings, {} errors in {:.2} s -> {}",
            summary.bundled, summary.warnings, summary.errors, summary.seconds, summary.output
        );
    }
}
