//! `policyglot init`: start a new project that passes `check --strict` and builds at once.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Globals, print_diagnostics, print_out};

#[derive(clap::Args)]
pub struct Args {
    /// The folder to write the project into, created when missing (default: --root,
    /// the current folder).
    dir: Option<PathBuf>,
    /// Add a locale (repeatable), e.g. `fr`: its site chrome comes translated when
    /// policyglot has it (de, en, fr); the project's own messages are left for its
    /// translator, and `check` lists them.
    #[arg(long = "locale", value_name = "TAG")]
    locales: Vec<String>,
    /// The reference locale: the one messages are written in first.
    #[arg(long, value_name = "TAG", default_value = "en")]
    reference: String,
}

/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "the project was written"),
    (
        2,
        "nothing was written: the folder already holds a project, a locale is not a language tag, or a file cannot be written",
    ),
];

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    let dir = args.dir.unwrap_or_else(|| globals.root.clone());
    let init = policyglot::init::Options {
        reference: args.reference,
        locales: args.locales,
        effective: globals.options().publication.today,
    };
    match policyglot::init::init(&dir, &init) {
        Ok(_) if globals.quiet => ExitCode::SUCCESS,
        Ok(written) => {
            print_out(&written.summary(&dir));
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_diagnostics(&[d]);
            ExitCode::from(2)
        }
    }
}
