//! `policyglot add-locale <tag>`: a new locale in an existing project.

use std::process::ExitCode;

use super::{Globals, print_diagnostics, print_out};

#[derive(clap::Args)]
pub struct Args {
    /// The locale to add, e.g. `es` or `pt-BR`.
    tag: String,
}

/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        0,
        "the locale was added (what is left to translate is listed)",
    ),
    (
        2,
        "nothing was written: no project, not a language tag, the locale exists, or locales/ is not writable",
    ),
];

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    match policyglot::init::add_locale(&globals.root, &args.tag) {
        Ok(_) if globals.quiet => ExitCode::SUCCESS,
        Ok(added) => {
            print_out(&added.summary());
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_diagnostics(&[d]);
            ExitCode::from(2)
        }
    }
}
