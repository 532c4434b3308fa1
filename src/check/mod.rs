//! The drift guard: every check of a project's inputs (Fluent against the reference,
//! facts against the policy, staleness, template text), and what they found
//! (`Analysis`). `pipeline` runs them; `check` itself writes nothing.

pub mod content;
pub mod facts;
pub mod fold;
pub mod history;
pub mod interface;
pub mod links;
pub mod locales;
pub mod plurals;
pub mod recorded;
pub mod report;
pub mod required;
pub mod sources;
pub mod stale;
pub mod templates;
pub mod units;
pub mod untranslated;
pub mod windows;

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::l10n::{self, Catalog, Stale};
use crate::policy;
use crate::project::Project;
use crate::render::Site;

/// Translation progress of one locale.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LocaleSummary {
    pub locale: String,
    /// Messages in the reference locale.
    pub messages: usize,
    pub translated: usize,
    pub missing: usize,
    pub stale: usize,
    pub obsolete: usize,
}

/// Everything `check` learned; `site` is the rendered site when nothing failed.
#[derive(Debug, Default)]
pub struct Analysis {
    pub findings: Diagnostics,
    pub summary: Vec<LocaleSummary>,
    pub site: Option<Site>,
    /// In the preview only (`serve`): the facts its pages show in the reference's text,
    /// whose missing-message errors do not keep the site from rendering.
    pub previewed: l10n::Fallback,
}

impl Analysis {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Errors that keep the site from rendering: every error but, in the preview, the
    /// missing messages of facts shown in the reference's text (`previewed`).
    pub fn blocking_errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter(|d| !untranslated::explained(d, &self.previewed))
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn notes(&self) -> usize {
        self.count(Severity::Note)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

impl Analysis {
    /// Adds `more` findings and settles the analysis: with `strict`, warnings become
    /// errors; duplicates and formatting failures a static check explained are dropped;
    /// errors first; no site when any error remains.
    pub fn finish(mut self, more: Diagnostics, strict: bool) -> Result<Analysis, Diagnostic> {
        self.findings.extend(more);
        if strict {
            // Notes say what was assumed; they are never a failure.
            for d in self
                .findings
                .iter_mut()
                .filter(|d| d.severity == Severity::Warning)
            {
                d.severity = Severity::Error;
            }
            if self.findings.iter().any(|d| d.code == "PG0511") {
                self.site = None;
            }
        }
        // A formatting failure (PG0203) at a place a static check already reported as an
        // error adds nothing (a warning there explains nothing, and dropping the failure
        // would let `check` pass what `build` cannot render); likewise one finding per
        // code, place and message. Decided on borrowed keys, sorted, so that 300,000
        // findings are neither copied nor compared pairwise.
        let keep = {
            let findings = &self.findings;
            let explained: std::collections::HashSet<Place> = findings
                .iter()
                .filter(|d| d.code.starts_with("PG05") && d.severity == Severity::Error)
                .map(Place::of)
                .collect();
            let mut order: Vec<usize> = (0..findings.len()).collect();
            let key = |&i: &usize| {
                let d = &findings[i];
                (d.code, Place::of(d), d.message.as_str())
            };
            // Stable: the first of equal findings is kept.
            order.sort_by(|a, b| key(a).cmp(&key(b)));
            let mut keep = vec![true; findings.len()];
            for pair in order.windows(2) {
                if key(&pair[0]) == key(&pair[1]) {
                    keep[pair[1]] = false;
                }
            }
            for (i, d) in findings.iter().enumerate() {
                if d.code == "PG0203" && explained.contains(&Place::of(d)) {
                    keep[i] = false;
                }
            }
            keep
        };
        let mut keep = keep.into_iter();
        self.findings
            .retain(|_| keep.next().expect("one flag per finding"));
        self.findings.sort_by_key(|d| std::cmp::Reverse(d.severity));
        if self.blocking_errors() > 0 {
            self.site = None;
        }
        Ok(self)
    }
}

/// Where a finding is, as `Diagnostic::position` prints it, without making the text.
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Place<'a> {
    Nowhere,
    At(&'a std::path::Path, usize, usize),
    In(&'a std::path::Path),
}

impl<'a> Place<'a> {
    fn of(d: &'a Diagnostic) -> Place<'a> {
        match (&d.location, &d.path) {
            (Some(l), _) => Place::At(&l.file.path, l.line, l.col),
            (None, Some(p)) => Place::In(p),
            (None, None) => Place::Nowhere,
        }
    }
}

/// `policyglot confirm`: records the current reference-locale text of `messages` (all when empty)
/// as the source of `locale`'s translations. Returns how many confirmations changed.
pub fn confirm(project: &Project, locale: &str, messages: &[String]) -> Result<usize, Diagnostic> {
    let (_, catalog) = policy_and_catalog(project)?;
    stale::confirm(&project.root, &catalog, locale, messages)
}

/// The project's policy and its locales' messages, read for a command that needs no
/// other check (`confirm`, `status`). `Err`: either cannot be read at all.
pub fn policy_and_catalog(
    project: &Project,
) -> Result<(crate::policy::Policy, Catalog), Diagnostic> {
    let (policy, _) = policy::load::load(
        &project.root.join(Project::POLICY),
        Path::new(Project::POLICY),
    )?;
    let catalog = l10n::catalog::read(
        &project.root.join(Project::LOCALES),
        Path::new(Project::LOCALES),
        &l10n::reserved_terms(&policy),
        &policy.reference_locale,
    )?;
    Ok((policy, catalog))
}

pub fn summarize(catalog: &Catalog, stale: &Stale) -> Vec<LocaleSummary> {
    let en = catalog.reference();
    let reference: Vec<&str> = en.message_ids().collect();
    catalog
        .locales
        .iter()
        .map(|l| {
            let translated = reference
                .iter()
                .filter(|id| l.entries.contains_key(**id))
                .count();
            LocaleSummary {
                locale: l.tag.clone(),
                messages: reference.len(),
                translated,
                missing: reference.len() - translated,
                stale: stale.count(&l.tag),
                obsolete: l
                    .message_ids()
                    .filter(|id| !en.entries.contains_key(*id))
                    .count(),
            }
        })
        .collect()
}
