//! `policyglot serve`, run as a process on copies of the real project and driven over
//! raw HTTP and its event stream: what it serves, how it rebuilds, how it fails.

pub mod harness;

mod hostile;
mod live;
mod load;
mod process;
mod safety;
mod side_by_side;
mod untranslated;
