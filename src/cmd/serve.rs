//! `policyglot serve`: the live preview.

use std::net::{IpAddr, ToSocketAddrs};
use std::process::ExitCode;

use super::{Globals, print_diagnostics};

#[derive(clap::Args)]
pub struct Args {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = policyglot::serve::DEFAULT_PORT)]
    port: u16,
    /// Address or host name to listen on (`localhost`, `::1`, `0.0.0.0`). Anything but
    /// loopback exposes the preview to your network.
    #[arg(long, default_value = "127.0.0.1", value_parser = parse_bind)]
    bind: IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    open: bool,
}

/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "stopped by Ctrl-C"),
    (
        2,
        "the preview could not start (the port is taken, the inputs cannot be watched)",
    ),
];

/// An IP address as written, or a host name's first address (IPv4 first, so
/// `localhost` is 127.0.0.1 as the default is).
fn parse_bind(text: &str) -> Result<IpAddr, String> {
    if let Ok(ip) = text.parse() {
        return Ok(ip);
    }
    let mut addresses: Vec<IpAddr> = (text, 0)
        .to_socket_addrs()
        .map_err(|e| {
            format!("`{text}` is neither an IP address nor a host name this machine resolves: {e}")
        })?
        .map(|a| a.ip())
        .collect();
    addresses.sort_by_key(|ip| !ip.is_ipv4());
    addresses
        .first()
        .copied()
        .ok_or_else(|| format!("the host name `{text}` has no address"))
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
