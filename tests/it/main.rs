//! One integration-test binary over fixture projects (see support.rs).

mod support;

mod build;
mod check;
mod errors;
mod generality;
mod quality;
mod safety;
mod search;
mod site;
mod tidy;
