//! The drift guard: every check of a project's inputs, run without writing anything.
//! `policyglot check` reports the findings; `policyglot build` runs the same checks and
//! publishes only when none is an error.

mod analysis;
pub mod facts;
pub mod locales;
pub mod report;
pub mod stale;
pub mod templates;

use std::path::Path;
use std::sync::Arc;

use crate::build::Project;
use crate::diag::{Diagnostic, Diagnostics, Severity, SourceFile};
use crate::l10n::{self, Catalog, LocaleSource, Locales};
use crate::memo::{Memo, Tally, fingerprint};
use crate::policy;
use crate::policy::Policy;
use crate::render::{self, Publication, Site, Templates};
pub use stale::Stale;

/// How strict to be.
#[derive(Debug, Clone)]
pub struct Options {
    /// Treat warnings (stale or obsolete translations, orphaned messages…) as errors.
    pub strict: bool,
    /// The day and place of publication (which version is in force, absolute URLs).
    pub publication: Publication,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            strict: false,
            publication: Publication {
                today: crate::policy::Date::today(),
                base_url: None,
            },
        }
    }
}

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
}

impl Analysis {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

/// Runs every check and, when none fails, renders the site in memory. `Err` means the
/// checks could not run at all (no policy file, no locales folder).
pub fn run(project: &Project, options: Options) -> Result<Analysis, Diagnostic> {
    Session::once().run(project, options)
}

/// Runs of the checks on one project, one after the other, as `serve` makes them: each
/// run reads every input again but recomputes only what depends on inputs that changed
/// (see `memo`), so a one-message edit re-checks and re-renders one locale. A fresh
/// session computes everything, through the same code: `run` is one run of
/// `Session::once()`.
#[derive(Default)]
pub struct Session {
    /// The policy, its file and its validation problems.
    policy: Option<Arc<(Policy, SourceFile, Diagnostics)>>,
    catalog: Option<Catalog>,
    locales: Option<Arc<Locales>>,
    templates: Option<Templates>,
    fluent: Memo<Diagnostics>,
    hand_typed: Memo<Diagnostics>,
    parity: Memo<Diagnostics>,
    coverage: Memo<Diagnostics>,
    rendered: render::Rendered,
}

impl Session {
    /// A session for a single run (`check::run`): it keeps nothing for a next one.
    pub fn once() -> Session {
        Session {
            rendered: render::Rendered::once(),
            ..Session::default()
        }
    }

    /// One run; see `run`.
    pub fn run(&mut self, project: &Project, options: Options) -> Result<Analysis, Diagnostic> {
        let mut analysis = Analysis::default();
        let policy_path = project.root.join(Project::POLICY);
        if !policy_path.is_file() {
            return Err(Diagnostic::error("PG0100", "there is no policy file")
                .in_path(Project::POLICY)
                .help("run policyglot in a project folder (holding policy/, locales/, templates/) or pass --root"));
        }
        let loaded = match self.policy(&policy_path) {
            Ok(loaded) => loaded,
            Err(d) => return analysis.finish(vec![d], options),
        };
        let (policy, policy_file, problems) = &*loaded;
        if !problems.is_empty() {
            return analysis.finish(problems.clone(), options);
        }
        let reserved = l10n::reserved_terms(policy);
        let catalog = match l10n::catalog::reread(
            &project.root.join(Project::LOCALES),
            Path::new(Project::LOCALES),
            &reserved,
            &policy.reference_locale,
            self.catalog.as_ref(),
        ) {
            Ok(c) => c,
            // No locales folder at all: nothing to check.
            Err(d) if d.code == "PG0200" => return Err(d),
            Err(d) => return analysis.finish(vec![d], options),
        };
        self.catalog = Some(catalog.clone());
        let en = catalog.reference();
        let tags: Vec<&str> = catalog.locales.iter().map(|l| l.tag.as_str()).collect();
        analysis.findings.extend(catalog.problems().cloned());
        analysis.findings.extend(policy::validate::labels(
            policy,
            policy_file,
            &tags,
            &policy.reference_locale,
        ));
        let per_locale = |key: &dyn Fn(&LocaleSource) -> u64| {
            catalog
                .locales
                .iter()
                .map(|l| (l.tag.clone(), key(l), l.clone()))
                .collect()
        };
        let fluent = self.fluent.each(
            per_locale(&|l| fingerprint(&(en.fingerprint, l.fingerprint))),
            |l| locales::check(en, l, &reserved),
        );
        analysis.findings.extend(fluent.into_iter().flatten());
        let hand_typed = self.hand_typed.each_with(
            per_locale(&|l| fingerprint(&(policy.fingerprint, l.fingerprint))),
            || facts::HandTyped::new(policy),
            |values, l| values.check(l),
        );
        analysis.findings.extend(hand_typed.into_iter().flatten());

        let confirmed = match stale::read(&project.root) {
            Ok(c) => c,
            Err(d) => {
                analysis.findings.push(d);
                Default::default()
            }
        };
        let stale = stale::find(&project.root, &catalog, &confirmed);
        analysis.findings.extend(stale::findings(&catalog, &stale));
        analysis.summary = summarize(&catalog, &stale);

        let locales = match Locales::rebuild(&catalog, policy, self.locales.as_deref()) {
            Ok(l) => Arc::new(l),
            Err(e) => return analysis.finish(e, options),
        };
        self.locales = Some(locales.clone());
        let mut templates = match Templates::reload(
            &project.root.join(Project::TEMPLATES),
            Path::new(Project::TEMPLATES),
            self.templates.take(),
        ) {
            Ok(t) => t,
            Err(e) => return analysis.finish(e, options),
        };
        templates.bind(
            locales.clone(),
            render::page_args(policy.in_force(options.publication.today)),
        );
        let key = fingerprint(&(policy.fingerprint, en.fingerprint, templates.fingerprint()));
        analysis
            .findings
            .extend(self.coverage.one("coverage", key, || {
                let sources: Vec<_> = templates.sources().cloned().collect();
                let mut out = facts::coverage(policy, policy_file, &catalog, &sources);
                out.extend(templates::check(&sources));
                out
            }));
        let parity = self.parity.each_with(
            locales
                .list
                .iter()
                .map(|l| {
                    let key = (policy.fingerprint, en.fingerprint, l.source.fingerprint);
                    (l.tag.clone(), fingerprint(&key), l.clone())
                })
                .collect(),
            || facts::Parity::new(policy, &locales),
            |parity, l| parity.check(&locales, l),
        );
        analysis.findings.extend(parity.into_iter().flatten());

        // Render only what passed: a failure here is one the checks above could not foresee.
        if analysis.errors() == 0 {
            match render::render_site(
                policy,
                locales,
                &templates,
                &stale,
                &options.publication,
                &mut self.rendered,
            ) {
                Ok(site) => analysis.site = Some(site),
                Err(e) => analysis.findings.extend(e),
            }
        }
        self.templates = Some(templates);
        analysis.finish(Vec::new(), options)
    }

    /// The policy and its validation problems, parsed again only when its text changed.
    fn policy(
        &mut self,
        path: &Path,
    ) -> Result<Arc<(Policy, SourceFile, Diagnostics)>, Diagnostic> {
        let file = policy::load::read(path, Path::new(Project::POLICY))?;
        if let Some(known) = &self.policy
            && known.0.fingerprint == fingerprint(&file.text)
        {
            return Ok(known.clone());
        }
        let policy = policy::load::parse(&file)?;
        let problems = policy::validate::validate(&policy, &file);
        let loaded = Arc::new((policy, file, problems));
        self.policy = Some(loaded.clone());
        Ok(loaded)
    }

    /// How many locales the last run rendered, and how many it reused.
    pub fn rendered(&self) -> Tally {
        self.rendered.last()
    }
}

impl Analysis {
    fn finish(mut self, more: Diagnostics, options: Options) -> Result<Analysis, Diagnostic> {
        self.findings.extend(more);
        if options.strict {
            for d in &mut self.findings {
                d.severity = Severity::Error;
            }
            if self.findings.iter().any(|d| d.code == "PG0511") {
                self.site = None;
            }
        }
        // A formatting failure (PG0203) at a place a static check already explained adds
        // nothing; likewise one finding per code, place and message.
        let explained: std::collections::BTreeSet<Option<String>> = self
            .findings
            .iter()
            .filter(|d| d.code.starts_with("PG05"))
            .map(|d| d.position())
            .collect();
        self.findings
            .retain(|d| d.code != "PG0203" || !explained.contains(&d.position()));
        let mut seen = std::collections::BTreeSet::new();
        self.findings
            .retain(|d| seen.insert((d.code, d.position(), d.message.clone())));
        self.findings.sort_by_key(|d| std::cmp::Reverse(d.severity));
        if self.errors() > 0 {
            self.site = None;
        }
        Ok(self)
    }
}

/// `policyglot confirm`: records the current English text of `messages` (all when empty)
/// as the source of `locale`'s translations. Returns how many confirmations changed.
pub fn confirm(project: &Project, locale: &str, messages: &[String]) -> Result<usize, Diagnostic> {
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
    stale::confirm(&project.root, &catalog, locale, messages)
}

fn summarize(catalog: &Catalog, stale: &Stale) -> Vec<LocaleSummary> {
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
