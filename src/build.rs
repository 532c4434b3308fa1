//! The pipeline: load policy -> validate -> load locales -> render -> write. `build`
//! runs every stage; each stage stops the build with all the diagnostics it found.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diag::Diagnostics;
use crate::l10n::{self, Locales};
use crate::output;
use crate::policy::{self, Policy};
use crate::render::{self, Site, Templates};

/// Where a project's inputs live, relative to its root.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
}

impl Project {
    pub fn new(root: impl Into<PathBuf>) -> Project {
        Project { root: root.into() }
    }

    pub const POLICY: &str = "policy/policy.yaml";
    pub const LOCALES: &str = "locales";
    pub const TEMPLATES: &str = "templates";

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }
}

/// Everything the renderer needs, loaded and checked.
pub struct Inputs {
    pub policy: Policy,
    pub locales: Arc<Locales>,
    pub templates: Templates,
}

/// Runs the load and validate stages.
pub fn load(project: &Project) -> Result<Inputs, Diagnostics> {
    let (policy, file) =
        policy::load::load(&project.path(Project::POLICY), Path::new(Project::POLICY))
            .map_err(|d| vec![d])?;
    let problems = policy::validate::validate(&policy, &file);
    if !problems.is_empty() {
        return Err(problems);
    }
    let locales = l10n::load(
        &project.path(Project::LOCALES),
        Path::new(Project::LOCALES),
        &policy,
    )?;
    let tags: Vec<&str> = locales.tags().collect();
    let problems = policy::validate::labels(&policy, &file, &tags, l10n::REFERENCE_LOCALE);
    if !problems.is_empty() {
        return Err(problems);
    }
    let locales = Arc::new(locales);
    let templates = Templates::load(
        &project.path(Project::TEMPLATES),
        Path::new(Project::TEMPLATES),
        locales.clone(),
        render::page_args(&policy),
    )?;
    Ok(Inputs {
        policy,
        locales,
        templates,
    })
}

/// Loads and renders the whole site in memory.
pub fn render(project: &Project) -> Result<Site, Diagnostics> {
    let inputs = load(project)?;
    render::render_site(&inputs.policy, inputs.locales.clone(), &inputs.templates)
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages_per_locale: usize,
    pub locales: Vec<String>,
    pub files: usize,
    pub elapsed: Duration,
}

/// Builds the site of `project` into `out`, atomically.
pub fn build(project: &Project, out: &Path) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let site = render(project)?;
    output::write_site(&site, out).map_err(|d| vec![d])?;
    Ok(BuildReport {
        pages_per_locale: site.pages_per_locale,
        locales: site.locales,
        files: site.files.len(),
        elapsed: started.elapsed(),
    })
}
