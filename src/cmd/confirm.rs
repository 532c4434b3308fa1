//! `policyglot confirm <locale>`: a locale's translations reviewed against the current
//! reference text (clears stale).

use std::process::ExitCode;

use policyglot::check;

use super::{Globals, print_diagnostics, print_out};

#[derive(clap::Args)]
pub struct Args {
    /// The locale to confirm, e.g. `fr`.
    locale: String,
    /// Message ids to confirm; all of the locale's messages when none is given.
    messages: Vec<String>,
}

/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "the confirmations were written"),
    (
        2,
        "they could not be (unknown locale or message, locales/confirmed.yaml unreadable or not writable)",
    ),
];

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    match check::confirm(&globals.project(), &args.locale, &args.messages) {
        Ok(_) if globals.quiet => ExitCode::SUCCESS,
        Ok(changed) => {
            print_out(&format!(
                "confirmed {changed} translation(s) of `{}` against the current reference text\n",
                args.locale
            ));
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_diagnostics(&[d]);
            ExitCode::from(2)
        }
    }
}
