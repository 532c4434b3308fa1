//! `policyglot diff`: what readers will read differently between two revisions.

use std::process::ExitCode;

use clap::ValueEnum;
use policyglot::review::{self, Side};

use super::{Globals, print_diagnostics, print_out};

#[derive(clap::Args)]
pub struct Args {
    /// The earlier revision: a commit, branch or tag, e.g. `HEAD~1` or `main`.
    #[arg(value_name = "REV")]
    old: String,
    /// The later revision (default: the files on disk, committed or not).
    #[arg(value_name = "REV2")]
    new: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Markdown,
    Json,
}

/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        0,
        "the two revisions were compared, whether or not a page changed",
    ),
    (
        2,
        "they could not be compared (not a git repository, an unknown revision, a side that does not pass check)",
    ),
];

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    let new = args.new.map_or(Side::WorkingTree, Side::Revision);
    match review::review(
        &globals.project(),
        &Side::Revision(args.old),
        &new,
        &globals.options(),
    ) {
        Ok(review) => {
            let format = match args.format {
                Format::Human => review::Format::Human,
                Format::Markdown => review::Format::Markdown,
                Format::Json => review::Format::Json,
            };
            print_out(&review.render(format));
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            print_diagnostics(&diagnostics);
            ExitCode::from(2)
        }
    }
}
