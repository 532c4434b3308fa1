//! policyglot compiles one structured YAML policy into consistent multilingual
//! help-center pages: facts live once in `policy/`, sentences in `locales/`, layout in
//! `templates/`. See ARCHITECTURE.md for the data flow.

pub mod diag;
pub mod feed;
pub mod fmt;
pub mod init;
pub mod inputs;
pub mod interface;
pub mod l10n;
pub mod memo;
pub mod output;
pub mod pipeline;
pub mod policy;
pub mod project;
pub mod render;
pub mod review;
pub mod scan;
pub mod schedule;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod status;
pub mod wdiff;

pub use pipeline::{BuildReport, build};
pub use project::Project;
pub mod check;
