//! One integration-test binary over fixture projects (see support.rs).

mod support;

mod build;
mod check;
mod errors;
mod generality;
mod safety;
#[cfg(feature = "serve")]
mod serve;
mod tidy;
