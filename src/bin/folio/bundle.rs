//! `folio bundle`: posts folder in, bundle file out, every file accounted for.

use crate::args::BundleArgs;
use anyhow::Context;
use folio::bundler::{bundle_folder, write_bundle, Severity};
use folio::date::parse_zone;
use folio::post::PostOptions;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &BundleArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let Some(zone) = parse_zone(&args.timezone) else {
        eprintln!(
            "folio: --timezone {:?} is not a zone; use UTC or an offset such as +08:00",
            args.timezone
        );
        return Ok(ExitCode::from(2));
    };
    let (bundle, report) = match bundle_folder(&args.posts_dir, &PostOptions { zone }) {
        Ok(result) => result,
        Err(err) => {
            eprintln!("folio: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    write_bundle(&bundle, &args.output)
        .with_context(|| format!("writing {}", args.output.display()))?;

    for entry in &report.entries {
        if args.quiet && entry.severity != Severity::Error {
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
    let errors = report.count(Severity::Error);
    if !args.quiet {
        eprintln!(
            "{} bundled, {} warnings, {} errors in {:.2} s -> {}",
            report.bundled,
            report.count(Severity::Warning),
            errors,
            started.elapsed().as_secs_f64(),
            args.output.display()
        );
    }
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
