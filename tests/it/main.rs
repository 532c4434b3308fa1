//! One integration-test binary over fixture projects (see support.rs).

mod support;

mod build;
mod check;
mod ci;
mod cli;
mod content;
mod diff;
mod docs;
mod errors;
mod feed;
mod generality;
mod incremental;
mod init;
mod limits;
mod locales;
mod model;
mod parity;
mod quality;
mod required;
mod safety;
mod search;
mod site;
mod stale;
// Unix only: the tests use symlinks and send SIGINT.
#[cfg(all(feature = "serve", unix))]
mod serve;
mod tidy;
