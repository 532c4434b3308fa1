//! The policy stage: load `policy/policy.yaml` into typed facts, validate them, and
//! flatten a version into the fact tree that pages render.

pub mod diff;
pub mod facts;
pub mod load;
pub mod model;
pub mod schema;
pub mod validate;

pub use facts::{Arg, Join, Node, NodeKind};
pub use model::{Date, Duration, Id, Policy, TimeUnit, Version};
