//! One integration-test binary over fixture projects (see support.rs).

mod support;

mod announced;
mod bcp47;
mod build;
mod catalogs;
mod check;
mod ci;
mod cli;
mod content;
mod diff;
mod docs;
mod errors;
mod feed;
mod fmt;
mod gaps;
mod generality;
mod hostile;
mod incremental;
mod init;
#[cfg(unix)]
mod inputs;
mod limits;
mod links;
mod locales;
mod located;
mod model;
mod parity;
mod quality;
mod required;
mod safety;
mod scale;
mod search;
mod site;
mod stale;
mod stale_change;
mod status;
mod streaming;
// Unix only: the tests use symlinks and send SIGINT.
#[cfg(all(feature = "serve", unix))]
mod serve;
mod tidy;
mod time_bound;
mod untranslated;
mod workflows;
mod yaml_keys;
