//! The pipeline: load policy -> validate -> load locales -> check -> render -> write.
//! Everything up to rendering is `check::run`; `build` publishes its site when no check
//! failed, so nothing `check` calls an error is ever published.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::check::{self, Options};
use crate::diag::{Diagnostics, Severity};
use crate::output;
use crate::search;

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

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages_per_locale: usize,
    pub locales: Vec<String>,
    pub files: usize,
    /// Warnings `check` found (stale translations…); they do not stop a build.
    pub warnings: Diagnostics,
    /// Things the user should know (a skipped search index).
    pub notes: Vec<String>,
    pub elapsed: Duration,
}

/// Checks `project`, and when no check fails, replaces `out` with its site atomically.
/// With `search`, the site gets a Pagefind index (see `search`).
pub fn build(
    project: &Project,
    out: &Path,
    options: &Options,
    search: bool,
) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let analysis = check::run(project, options.clone()).map_err(|d| vec![d])?;
    let (errors, warnings): (Diagnostics, Diagnostics) = analysis
        .findings
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut site = analysis
        .site
        .expect("a site is rendered when no check failed");
    crate::feed::add_to(&mut site, project, options.publication.base_url.as_deref());
    let notes = Vec::new();
    output::write_site_with(&site, out, |staging, previous| match search {
        true => search::write_index(&site, staging, previous),
        false => Ok(()),
    })
    .map_err(|d| vec![d])?;
    Ok(BuildReport {
        pages_per_locale: site.pages_per_locale,
        locales: site.locales,
        files: site.files.len(),
        warnings,
        notes,
        elapsed: started.elapsed(),
    })
}
