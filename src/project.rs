//! Where a project's inputs live: the layout every stage reads its files from.

use std::path::PathBuf;

/// Where a project's inputs live, relative to its root.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
}

impl Project {
    pub const POLICY: &str = "policy/policy.yaml";
    pub const LOCALES: &str = "locales";
    pub const TEMPLATES: &str = "templates";

    pub fn new(root: impl Into<PathBuf>) -> Project {
        Project { root: root.into() }
    }
}
