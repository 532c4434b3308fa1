//! `policyglot status`: each translation's progress, per locale and per page.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use policyglot::status;

use super::{Globals, print_diagnostics, print_out};

#[derive(clap::Args)]
pub struct Args {
    /// How to print the table: for a terminal, as Markdown (a job summary or a
    /// pull-request comment) or as one JSON document (`policyglot-status/1`).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also write the table as a static HTML page to FILE (outside the reader site:
    /// `build` replaces site/ whole).
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
}

/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        0,
        "the status was printed (and written), however much is left to translate",
    ),
    (
        2,
        "it could not be (no policy, no locales folder, unreadable confirmations, the HTML file not writable)",
    ),
];

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    let status = match status::of(&globals.project()) {
        Ok(status) => status,
        Err(d) => {
            print_diagnostics(&[d]);
            return ExitCode::from(2);
        }
    };
    if let Some(file) = &args.html
        && let Err(d) = status::write_html(file, &status::html(&status))
    {
        print_diagnostics(&[d]);
        return ExitCode::from(2);
    }
    if !globals.quiet {
        print_out(&match args.format {
            Format::Text => status::text(&status),
            Format::Markdown => status::markdown(&status),
            Format::Json => status::json(&status),
        });
    }
    ExitCode::SUCCESS
}
