//! The `folio` command line: argument parsing and dispatch; each subcommand
//! lives in its own module with a `run(args) -> anyhow::Result<ExitCode>`.

mod args;
mod bundle;
mod search;

use args::{Args, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(err) => {
            let usage_error = err.use_stderr();
            // --help and --version print to stdout and succeed.
            let _ = err.print();
            return if usage_error {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let outcome = match &args.command {
        Command::Bundle(bundle_args) => bundle::run(bundle_args),
        Command::Search(search_args) => search::run(search_args),
    };
    outcome.unwrap_or_else(|err| {
        eprintln!("folio: {err:#}");
        ExitCode::from(2)
    })
}
