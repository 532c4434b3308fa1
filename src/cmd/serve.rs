//! `policyglot serve`: the live preview.

use std::net::IpAddr;
use std::process::ExitCode;

use super::{Globals, print_diagnostics};

#[derive(clap::Args)]
pub struct Args {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = policyglot::serve::DEFAULT_PORT)]
    port: u16,
    /// Address to listen on. Anything but loopback exposes the preview to your network.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    open: bool,
}

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    let options = policyglot::serve::Options {
        port: args.port,
        bind: args.bind,
        open: args.open,
        today: globals.today,
    };
    match policyglot::serve::run(&globals.project(), &options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            print_diagnostics(&[d]);
            ExitCode::from(2)
        }
    }
}
