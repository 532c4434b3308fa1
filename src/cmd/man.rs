//! `policyglot man`: the manual page (roff) from the clap definition.

use std::process::ExitCode;

use super::{Level, print_out, say};

pub fn run(cli: clap::Command) -> ExitCode {
    let mut out = Vec::new();
    match clap_mangen::Man::new(cli).render(&mut out) {
        Ok(()) => {
            print_out(&String::from_utf8_lossy(&out));
            ExitCode::SUCCESS
        }
        Err(e) => {
            say(Level::Error, &format!("cannot render the manual page: {e}"));
            ExitCode::from(2)
        }
    }
}
