//! The pipeline: load the policy, validate it, load the locales, check, render, write.
//! `run` is everything up to rendering (what `policyglot check` reports); `build` writes
//! its site when no check failed, so nothing `check` calls an error is ever published.
//! `Session` runs it again and again for `serve`, redoing only what an edit touched.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::check::{self, Analysis};
use crate::diag::{Diagnostic, Diagnostics, Severity, SourceFile};
use crate::l10n::{self, Catalog, LocaleSource, Locales};
use crate::memo::{Memo, Tally, fingerprint};
use crate::output;
use crate::policy::{self, Policy};
use crate::project::Project;
use crate::render::{self, Publication, Templates};
use crate::search;

/// How strict to be.
#[derive(Debug, Clone)]
pub struct Options {
    /// Treat warnings (stale or obsolete translations, orphaned messages…) as errors.
    pub strict: bool,
    /// The day and place of publication (which version is in force, absolute URLs).
    pub publication: Publication,
    /// The folder holding the texts of the policy's sources: each cited passage is
    /// looked up in its source's `file` there (`check --sources`). None: nothing is read.
    pub sources: Option<std::path::PathBuf>,
    /// The live preview (`serve`): a fact a translation has no message for yet is
    /// shown in the reference's text, marked and under a notice, whatever the policy's
    /// `untranslated:` says; its finding keeps the severity `check` gives it.
    pub preview: bool,
    /// Whether the site gets its Atom feeds. `check` renders the pages to hold the
    /// templates to them, but no check reads a feed, and making one cannot fail: it
    /// leaves them out (each feed's summaries parse a rendered page again).
    pub feeds: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            strict: false,
            publication: Publication {
                today: crate::policy::Date::today(),
                base_url: None,
            },
            sources: None,
            preview: false,
            feeds: true,
        }
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
    /// The fingerprint of the policy's text (its `fingerprint` also covers the
    /// product catalogs its labels were filled from).
    policy_text: u64,
    catalog: Option<Catalog>,
    locales: Option<Arc<Locales>>,
    templates: Option<Templates>,
    fluent: Memo<Diagnostics>,
    hand_typed: Memo<Diagnostics>,
    selectors: Memo<Diagnostics>,
    parity: Memo<Diagnostics>,
    coverage: Memo<Diagnostics>,
    rendered: render::Rendered,
}

impl Session {
    /// A session for a single run (`check::run`): it keeps nothing for a next one (a
    /// remembered copy of every finding would double a run's memory when there are
    /// 300,000 of them).
    pub fn once() -> Session {
        Session {
            rendered: render::Rendered::once(),
            fluent: Memo::forgetful(),
            hand_typed: Memo::forgetful(),
            selectors: Memo::forgetful(),
            parity: Memo::forgetful(),
            coverage: Memo::forgetful(),
            ..Session::default()
        }
    }

    /// One run; see `run`.
    pub fn run(&mut self, project: &Project, options: Options) -> Result<Analysis, Diagnostic> {
        self.run_to(project, options, None)
    }

    /// One run whose site, when rendered, goes to `sink` as it is made (the analysis
    /// then holds the site without its files), or into memory with `None`.
    fn run_to(
        &mut self,
        project: &Project,
        options: Options,
        sink: Option<&dyn render::Sink>,
    ) -> Result<Analysis, Diagnostic> {
        let mut analysis = Analysis::default();
        let policy_path = project.root.join(Project::POLICY);
        if !policy_path.is_file() {
            return Err(Diagnostic::error("PG0100", "there is no policy file")
                .in_path(Project::POLICY)
                .help("run policyglot in a project folder (holding policy/, locales/, templates/) or pass --root"));
        }
        // The templates and the confirmations do not depend on the policy: they are read
        // and parsed while it is, on another core (all three are sequential work that
        // every later stage waits for). Every message the templates need is known before
        // any locale is checked; a template that cannot be parsed is reported below.
        let previous = self.templates.take();
        let (loaded, (templates, confirmed)) = rayon::join(
            || self.policy(&project.root, &policy_path),
            || {
                rayon::join(
                    || {
                        Templates::reload(
                            &project.root.join(Project::TEMPLATES),
                            Path::new(Project::TEMPLATES),
                            previous,
                        )
                    },
                    || check::stale::read(&project.root),
                )
            },
        );
        let loaded = match loaded {
            Ok(loaded) => loaded,
            Err(d) => return self.stop(analysis, templates, Ok(vec![d]), options.strict),
        };
        let (policy, policy_file, problems) = &*loaded;
        if !problems.is_empty() {
            return self.stop(analysis, templates, Ok(problems.clone()), options.strict);
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
            Err(d) if d.code == "PG0200" => return self.stop(analysis, templates, Err(d), false),
            Err(d) => return self.stop(analysis, templates, Ok(vec![d]), options.strict),
        };
        self.catalog = Some(catalog.clone());
        let tags: Vec<&str> = catalog.locales.iter().map(|l| l.tag.as_str()).collect();
        analysis.findings.extend(catalog.problems().cloned());
        analysis.findings.extend(policy::validate::labels(
            policy,
            policy_file,
            &tags,
            &policy.reference_locale,
        ));
        if let Some(dir) = &options.sources {
            analysis
                .findings
                .extend(check::sources::check(policy, policy_file, dir));
        }
        let needs = {
            let sources: Vec<&SourceFile> = match &templates {
                Ok(t) => t.sources().collect(),
                Err(_) => Vec::new(),
            };
            render::required::inventory(policy, &sources)
        };
        analysis
            .findings
            .extend(self.check_each_locale(policy, &catalog, &reserved, &needs));

        let confirmed = match confirmed {
            Ok(c) => c,
            Err(d) => {
                analysis.findings.push(d);
                Default::default()
            }
        };
        let (stale, assumed) = check::stale::find(&project.root, &catalog, &confirmed);
        analysis.findings.extend(assumed);
        analysis
            .findings
            .extend(check::stale::findings(&catalog, &stale));
        analysis.summary = check::summarize(&catalog, &stale);

        let fallback = untranslated(policy, &catalog, &mut analysis, options.preview);
        let locales = match Locales::rebuild(&catalog, policy, self.locales.as_deref()) {
            Ok(l) => Arc::new(l.on(options.publication.today).falling_back(fallback)),
            Err(e) => return self.stop(analysis, templates, Ok(e), options.strict),
        };
        self.locales = Some(locales.clone());
        let mut templates = match templates {
            Ok(t) => t,
            Err(e) => return analysis.finish(e, options.strict),
        };
        templates.bind(
            locales.clone(),
            render::page_args(policy.in_force(options.publication.today)),
        );
        analysis.findings.extend(self.check_for_rendering(
            policy,
            policy_file,
            &catalog,
            &locales,
            &templates,
            &needs,
        ));

        // Render only what passed: a failure here is one the checks above could not foresee.
        if analysis.blocking_errors() == 0 {
            match self.render(policy, locales, &templates, &stale, &options, sink) {
                Ok(site) => analysis.site = Some(site),
                Err(e) => analysis.findings.extend(e),
            }
        }
        self.templates = Some(templates);
        analysis.finish(Vec::new(), options.strict)
    }

    /// Each locale's own checks, against the reference and the policy (Fluent, facts typed
    /// by hand, interface labels, selectors, windows, plurals): recomputed only for the
    /// locales whose inputs changed.
    fn check_each_locale(
        &mut self,
        policy: &Policy,
        catalog: &Catalog,
        reserved: &[String],
        needs: &[render::required::Need],
    ) -> Diagnostics {
        let en = catalog.reference();
        // Whether some locale has a message: what no locale has is checked by nobody.
        let exists = |id: &str| catalog.locales.iter().any(|l| l.entries.contains_key(id));
        let needed_by = check::required::needed_by(needs);
        let needs_key = fingerprint(&needed_by);
        let per_locale = |key: &dyn Fn(&LocaleSource) -> u64| {
            catalog
                .locales
                .iter()
                .map(|l| (l.tag.clone(), key(l), l.clone()))
                .collect()
        };
        let fluent = self.fluent.each_with(
            per_locale(&|l| {
                fingerprint(&(policy.fingerprint, en.fingerprint, l.fingerprint, needs_key))
            }),
            || {
                (
                    check::facts::given_variables(policy, &exists),
                    check::facts::described(policy, &exists),
                )
            },
            |(given, described), l| {
                check::locales::check(en, l, reserved, given, described, &needed_by)
            },
        );
        let hand_typed = self.hand_typed.each_with(
            per_locale(&|l| fingerprint(&(policy.fingerprint, l.fingerprint))),
            || check::facts::HandTyped::new(policy),
            |values, l| {
                let mut found = values.check(l);
                found.extend(check::interface::foreign_labels(policy, l));
                found
            },
        );
        let selectors = self.selectors.each_with(
            per_locale(&|l| fingerprint(&(policy.fingerprint, l.fingerprint))),
            || {
                let exists = |id: &str| catalog.locales.iter().any(|l| l.entries.contains_key(id));
                let keywords = check::facts::keyword_uses(policy, &exists);
                let windows = check::windows::Wordings::new(policy);
                (keywords, windows, check::plurals::number_uses(policy))
            },
            |(keywords, windows, numbers), l| {
                let mut out = check::facts::selectors(keywords, l);
                out.extend(windows.check(l));
                out.extend(check::plurals::check(numbers, l));
                out
            },
        );
        fluent
            .into_iter()
            .chain(hand_typed)
            .chain(selectors)
            .flatten()
            .collect()
    }

    /// What rendering needs, checked before it runs: the templates' coverage of the
    /// messages, every needed message in every locale, and the parity of each locale's
    /// facts with the reference. The first two run beside the third (independent work).
    fn check_for_rendering(
        &mut self,
        policy: &Policy,
        policy_file: &SourceFile,
        catalog: &Catalog,
        locales: &Arc<Locales>,
        templates: &Templates,
        needs: &[render::required::Need],
    ) -> Diagnostics {
        let en = catalog.reference();
        let key = fingerprint(&(policy.fingerprint, en.fingerprint, templates.fingerprint()));
        let (coverage, parity) = (&mut self.coverage, &mut self.parity);
        let (mut shared, parity) = rayon::join(
            || {
                let mut out = coverage.one("coverage", key, || {
                    let sources: Vec<_> = templates.sources().cloned().collect();
                    let mut out = check::facts::coverage(catalog, needs);
                    out.extend(check::templates::check(&sources));
                    out
                });
                // Every needed message, in every locale, before rendering.
                out.extend(check::required::check(needs, catalog, policy_file));
                out
            },
            || {
                parity.each_with(
                    locales
                        .list
                        .iter()
                        .map(|l| {
                            let key = (policy.fingerprint, en.fingerprint, l.source.fingerprint);
                            (l.tag.clone(), fingerprint(&key), l.clone())
                        })
                        .collect(),
                    || check::facts::Parity::new(policy, locales),
                    |parity, l| parity.check(locales, l),
                )
            },
        );
        shared.extend(parity.into_iter().flatten());
        shared
    }

    /// The site, pages and feeds (the feeds are made from the pages just rendered and
    /// this policy; in memory, only when `options.feeds`): in memory, or put into `sink`
    /// as it is rendered. A sink's site
    /// comes back without its files.
    fn render(
        &mut self,
        policy: &Policy,
        locales: Arc<Locales>,
        templates: &Templates,
        stale: &l10n::Stale,
        options: &Options,
        sink: Option<&dyn render::Sink>,
    ) -> Result<render::Site, Diagnostics> {
        let publication = &options.publication;
        let base_url = publication.base_url.as_deref();
        let Some(sink) = sink else {
            let mut site = render::render_site(
                policy,
                locales,
                templates,
                stale,
                publication,
                &mut self.rendered,
            )?;
            if options.feeds {
                crate::feed::add_feeds(&mut site, policy, base_url, publication.today);
            }
            return Ok(site);
        };
        // The feeds read a locale's pages other than its articles (its index, its "what
        // changed" pages): those few are kept as they pass, the articles are not.
        let articles: HashSet<String> = policy
            .pages
            .iter()
            .map(|p| format!("{}.html", p.id))
            .collect();
        let tags: HashSet<&str> = locales.tags().collect();
        let kept = Keeping {
            sink,
            keep: &|path: &Path| {
                let mut parts = path.iter();
                let (Some(tag), Some(file), None) = (parts.next(), parts.next(), parts.next())
                else {
                    return false;
                };
                tag.to_str().is_some_and(|t| tags.contains(t))
                    && file.to_str().is_some_and(|f| !articles.contains(f))
            },
            kept: Mutex::new(BTreeMap::new()),
        };
        let rendering = render::render_site_to(
            policy,
            locales.clone(),
            templates,
            stale,
            publication,
            &mut self.rendered,
            &kept,
        )?;
        let mut site = render::Site {
            files: kept.kept.into_inner().expect("not poisoned"),
            pages_per_locale: rendering.pages_per_locale,
            locales: rendering.locales,
        };
        // The feeds add files; the pages kept for them were put already (a feed that
        // changed one would make the build differ from the site `check` renders, which
        // `streaming::a_build_writes_the_site_that_check_renders_in_memory` compares).
        let rendered: Vec<std::path::PathBuf> = site.files.keys().cloned().collect();
        crate::feed::add_feeds(&mut site, policy, base_url, publication.today);
        for path in rendered {
            site.files.remove(&path);
        }
        for (path, bytes) in std::mem::take(&mut site.files) {
            sink.put(path, bytes).map_err(|d| vec![d])?;
        }
        Ok(site)
    }

    /// `build`, as one run of this session: the site is written to a staging folder as
    /// it is rendered, indexed there, and swapped in for `out` when nothing failed.
    pub fn build(
        &mut self,
        project: &Project,
        out: &Path,
        options: &Options,
        search: bool,
    ) -> Result<BuildReport, Diagnostics> {
        let started = Instant::now();
        let target = Target {
            out,
            staging: OnceLock::new(),
            noted: search.then(search::Noted::default),
            files: AtomicUsize::new(0),
        };
        let analysis = self
            .run_to(project, options.clone(), Some(&target))
            .map_err(|d| vec![d])?;
        if search && !self.rendered.remembers() {
            // A one-shot build indexes after every page is written: what the checks and
            // the render held (catalog, bundles, templates, per-locale results) is not
            // needed by the index, which is the largest part of such a build's memory.
            // The policy stays (`next_change`).
            self.forget_all_but_the_policy();
        }
        write(analysis, target, started)
    }

    /// Drops what the session remembers but the policy.
    fn forget_all_but_the_policy(&mut self) {
        let policy = self.policy.take();
        let policy_text = self.policy_text;
        *self = Session {
            policy,
            policy_text,
            rendered: render::Rendered::once(),
            ..Session::default()
        };
    }

    /// Ends a run before rendering with `findings` (or, with `Err`, as one that could not
    /// run at all); the templates parsed for it are kept for the next run (`serve`).
    fn stop(
        &mut self,
        analysis: Analysis,
        templates: Result<Templates, Diagnostics>,
        findings: Result<Diagnostics, Diagnostic>,
        strict: bool,
    ) -> Result<Analysis, Diagnostic> {
        self.templates = templates.ok();
        analysis.finish(findings?, strict)
    }

    /// The policy and its validation problems, parsed again only when its text or a
    /// product catalog it names changed (catalogs are read only when it names some).
    fn policy(
        &mut self,
        root: &Path,
        path: &Path,
    ) -> Result<Arc<(Policy, SourceFile, Diagnostics)>, Diagnostic> {
        let file = policy::load::read(path, Path::new(Project::POLICY))?;
        let text = fingerprint(&file.text);
        if let Some(known) = &self.policy
            && self.policy_text == text
        {
            let unchanged = known.0.interface.catalogs.is_empty()
                || fingerprint(&(text, policy::ui::read(&known.0, root).fingerprint))
                    == known.0.fingerprint;
            if unchanged {
                return Ok(known.clone());
            }
        }
        let mut policy = policy::load::parse(&file)?;
        // With no catalog named, nothing is read (a `{ ui: … }` label is then an error).
        let catalogs = policy::ui::read(&policy, root);
        let mut problems = policy::ui::resolve(&mut policy, &file, &catalogs);
        if !policy.interface.catalogs.is_empty() {
            policy.fingerprint = fingerprint(&(text, catalogs.fingerprint));
        }
        problems.extend(policy::validate::validate(&policy, &file));
        let loaded = Arc::new((policy, file, problems));
        self.policy = Some(loaded.clone());
        self.policy_text = text;
        Ok(loaded)
    }

    /// The next day the site changes by itself (`schedule::next_change`), from the policy
    /// this session last parsed; `None` when none is scheduled or no policy was parsed.
    pub fn next_change(&self, today: crate::policy::Date) -> Option<crate::schedule::NextChange> {
        let (policy, _, _) = &**self.policy.as_ref()?;
        crate::schedule::next_change(policy, today)
    }

    /// How many locales the last run rendered, and how many it reused.
    pub fn rendered(&self) -> Tally {
        self.rendered.last()
    }
}

/// The facts shown in the reference's text on each translation's pages: those a
/// translation has no message for, when the policy opts in (`untranslated:
/// show-reference`; their findings are then warnings) or in the preview (they stay what
/// `check` says, and `analysis` renders despite them); none otherwise.
fn untranslated(
    policy: &Policy,
    catalog: &Catalog,
    analysis: &mut Analysis,
    preview: bool,
) -> l10n::Fallback {
    let opted_in = policy.untranslated == policy::model::Untranslated::ShowReference;
    if !opted_in && !preview {
        return l10n::Fallback::default();
    }
    let fallback = check::untranslated::find(policy, catalog);
    if opted_in {
        check::untranslated::soften(&mut analysis.findings, &fallback, &policy.reference_locale);
    }
    if preview {
        analysis.previewed = fallback.clone();
    }
    fallback
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
    Session::once().build(project, out, options, search)
}

/// Where `build` puts its site: a staging folder next to the output, made when the first
/// file comes (so a run whose checks fail makes none) and swapped in by `write`; with
/// search, each page is also noted for the index (`search::Noted`).
struct Target<'o> {
    out: &'o Path,
    staging: OnceLock<Result<output::Staging, Diagnostic>>,
    noted: Option<search::Noted>,
    files: AtomicUsize,
}

impl Target<'_> {
    fn staging(&self) -> Result<&output::Staging, Diagnostic> {
        self.staging
            .get_or_init(|| output::Staging::new(self.out))
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl render::Sink for Target<'_> {
    fn put(&self, path: std::path::PathBuf, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let staging = self.staging()?;
        if let Some(noted) = &self.noted {
            noted.note(&path, &bytes);
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        staging.put(&path, &bytes)
    }
}

/// A sink that passes every file on, keeping a copy of those `keep` selects.
struct Keeping<'s> {
    sink: &'s dyn render::Sink,
    keep: &'s (dyn Fn(&Path) -> bool + Sync),
    kept: Mutex<BTreeMap<std::path::PathBuf, Vec<u8>>>,
}

impl render::Sink for Keeping<'_> {
    fn put(&self, path: std::path::PathBuf, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        if (self.keep)(&path) {
            self.kept
                .lock()
                .expect("not poisoned")
                .insert(path.clone(), bytes.clone());
        }
        self.sink.put(path, bytes)
    }
}

/// Publishes the site of a run no check failed, staged by `target` as it was rendered
/// (with its search index, made there from the staged pages), or says why not.
fn write(analysis: Analysis, target: Target, started: Instant) -> Result<BuildReport, Diagnostics> {
    let (errors, mut warnings): (Diagnostics, Diagnostics) = analysis
        .findings
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    // Notes (what `check` assumed) are for `check` to say, not a build's warnings.
    warnings.retain(|d| d.severity == Severity::Warning);
    if !errors.is_empty() {
        // The staging folder, if any, is deleted with `target`: nothing is published.
        return Err(errors);
    }
    // No check failed, so the site was rendered; if rendering found what no check
    // foresaw, its findings are errors above. Never a panic.
    let Some(site) = analysis.site else {
        return Err(vec![
            Diagnostic::error(
                "PG0003",
                "the site could not be rendered, and no check said why",
            )
            .help("this is a bug in policyglot: please report it with the project that shows it"),
        ]);
    };
    let notes = Vec::new();
    target.staging().map_err(|d| vec![d])?;
    let files = target.files.load(Ordering::Relaxed);
    let staging = target
        .staging
        .into_inner()
        .expect("made above")
        .map_err(|d| vec![d])?;
    // The search index reads the pages back from the staged site, one language after
    // another on each worker, and joins them there before the swap.
    if let Some(noted) = target.noted {
        search::Prepared::staged(noted, staging.path(), staging.previous())
            .and_then(|index| index.write(staging.path(), staging.previous()))
            .map_err(|d| vec![d])?;
    }
    staging.publish().map_err(|d| vec![d])?;
    Ok(BuildReport {
        pages_per_locale: site.pages_per_locale,
        locales: site.locales,
        files,
        warnings,
        notes,
        elapsed: started.elapsed(),
    })
}
