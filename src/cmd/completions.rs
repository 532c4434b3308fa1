//! `policyglot completions <shell>`: a completion script from the clap definition.

use std::process::ExitCode;

use super::print_out;

#[derive(clap::Args)]
pub struct Args {
    /// The shell to complete in.
    shell: clap_complete::Shell,
}

pub fn run(args: Args, mut cli: clap::Command) -> ExitCode {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cli, "policyglot", &mut out);
    print_out(&String::from_utf8_lossy(&out));
    ExitCode::SUCCESS
}
