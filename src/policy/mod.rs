//! The policy stage: load `policy/policy.yaml` into typed facts, validate them, and
//! flatten a version into the fact tree that pages render.

pub mod diff;
pub mod facts;
pub mod load;
pub mod model;
pub mod published;
pub mod schema;
pub mod time;
pub mod ui;
pub mod validate;
pub mod value;

pub use facts::{Arg, Args, Node, NodeKind};
pub use model::{Policy, Version};
pub use value::{Date, Duration, Id, Join, Localized, Month, Name, TimeUnit, Value, Values};
