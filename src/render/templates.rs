//! Loading `templates/` into Tera and mapping Tera's errors to located diagnostics.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use tera::{ErrorKind, Kwargs, State, Tera, Value};

use crate::diag::{Diagnostic, Diagnostics, SourceFile};
use crate::inputs::{Boundary, Refusal};
use crate::l10n::Locales;

thread_local! {
    /// Formatting failures inside `t()`, recorded with their own location in the `.ftl`
    /// (more useful than Tera's wrapper error). Per thread: `t()` runs on the thread that
    /// renders the page, so pages rendered in parallel never see each other's failures.
    static FAILURES: RefCell<Diagnostics> = const { RefCell::new(Vec::new()) };
}

thread_local! {
    /// How many more numbers `range()` may make in the page being rendered (reset at
    /// each page): Tera caps one range, not a range inside a loop, so two nested
    /// `range(end=100000)` would take 10^10 turns.
    static RANGE_LEFT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The numbers every `range()` of one page may make together.
const RANGE_BUDGET: u64 = 1_000_000;

/// The largest page a template may write (the overview of a 30,000-page site is some
/// 125 MiB): beyond it the render stops, so a loop that writes cannot fill the memory.
const MAX_PAGE_BYTES: usize = 512 << 20;

/// Tera's `range(start=0, end, step_by=1)`, each number counted against the page's
/// budget.
fn budgeted_range(kwargs: Kwargs, _: &State) -> tera::TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `step_by` argument of 0",
        ));
    }
    if start > end && step > 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `start` argument greater than the `end` one",
        ));
    }
    // The count, without overflow: the span divided by the step, rounded up.
    let span = if step > 0 {
        end.checked_sub(start)
    } else {
        start.checked_sub(end)
    };
    let len = span
        .filter(|s| *s > 0)
        .map_or(0, |s| (s.unsigned_abs() - 1) / step.unsigned_abs() + 1);
    let left = RANGE_LEFT.get();
    if len > u128::from(left) {
        return Err(tera::Error::message(format!(
            "`range` would make {len} numbers, and this page's ranges may make {RANGE_BUDGET} in all ({left} left): a range inside a loop repeats for every turn of the loop"
        )));
    }
    RANGE_LEFT.set(left - len as u64);
    let mut out = Vec::with_capacity(len as usize);
    let mut n = start;
    for _ in 0..len {
        out.push(n);
        n += step;
    }
    Ok(out)
}

/// The page's bytes, refused past `MAX_PAGE_BYTES`.
struct CappedPage(Vec<u8>);

impl std::io::Write for CappedPage {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + bytes.len() > MAX_PAGE_BYTES {
            return Err(std::io::Error::other(format!(
                "the page would be larger than {} MiB",
                MAX_PAGE_BYTES >> 20
            )));
        }
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `t()` results by (locale, key, attribute, plain): the same chrome appears on every page.
pub(super) type Translations = RwLock<HashMap<(String, String, Option<String>, bool), Value>>;

/// The largest template or asset file read (a page layout, a script, a style sheet).
const MAX_TEMPLATE_BYTES: u64 = 16 << 20;

/// The parsed templates plus the static assets shipped next to them (`templates/assets/`).
pub struct Templates {
    tera: Tera,
    sources: BTreeMap<String, SourceFile>,
    assets: BTreeMap<PathBuf, Vec<u8>>,
    /// A fingerprint of the sources and assets (`memo::fingerprint`).
    fingerprint: u64,
}

impl Templates {
    /// Reads every `*.html` template and every file under `assets/`, with `t()` bound to
    /// `locales` and the page-wide variables `common`.
    pub fn load(
        dir: &Path,
        shown_as: &Path,
        locales: Arc<Locales>,
        common: crate::policy::Args,
    ) -> Result<Templates, Diagnostics> {
        let mut templates = Templates::reload(dir, shown_as, None)?;
        templates.bind(locales, common);
        Ok(templates)
    }

    /// Reads the templates and assets, and parses them unless they are the same as
    /// `previous`'s (then `previous` comes back). `bind` them before rendering.
    pub fn reload(
        dir: &Path,
        shown_as: &Path,
        previous: Option<Templates>,
    ) -> Result<Templates, Diagnostics> {
        let mut sources = BTreeMap::new();
        let mut assets = BTreeMap::new();
        let mut errors = Vec::new();
        let boundary = Boundary::of(dir, shown_as);
        let is_input = |path: &Path| {
            let relative = path.strip_prefix(dir).unwrap_or(path);
            relative.starts_with("assets") || relative.extension().is_some_and(|x| x == "html")
        };
        let walked = boundary.walk(dir, is_input);
        for (path, refusal) in walked.refused {
            let shown = shown_as.join(path.strip_prefix(dir).unwrap_or(&path));
            errors.push(
                Diagnostic::error(
                    "PG0300",
                    format!("cannot read {}: {refusal}", shown.display()),
                )
                .in_path(&shown)
                .help(refusal.help()),
            );
        }
        for (path, _) in walked.files {
            let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
            let shown = shown_as.join(&relative);
            let unreadable = |what: &str, refusal: Refusal| {
                Diagnostic::error("PG0300", format!("cannot read {what}: {refusal}"))
                    .in_path(&shown)
                    .help(refusal.help())
            };
            let bytes = match boundary.read(&path, MAX_TEMPLATE_BYTES) {
                Ok(bytes) => bytes,
                Err(refusal) => {
                    errors.push(unreadable("file", refusal));
                    continue;
                }
            };
            if let Ok(asset) = relative.strip_prefix("assets") {
                assets.insert(asset.to_path_buf(), bytes);
            } else {
                match crate::diag::decode(&shown, bytes, "PG0300") {
                    Ok(file) => {
                        let name = relative.to_string_lossy().replace('\\', "/");
                        sources.insert(name, file);
                    }
                    Err(d) => errors.push(d),
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let fingerprint = crate::memo::fingerprint(&(
            sources
                .iter()
                .map(|(name, file)| (name, &file.text))
                .collect::<Vec<_>>(),
            &assets,
        ));
        if let Some(previous) = previous.filter(|p| p.fingerprint == fingerprint) {
            return Ok(previous);
        }
        let mut templates = Templates {
            tera: Tera::new(),
            sources,
            assets,
            fingerprint,
        };
        templates.tera.register_function("range", budgeted_range);
        // Tera checks at parse time that every function called exists; `bind` replaces
        // this stand-in with the real `t()`.
        templates
            .tera
            .register_function("t", |_: Kwargs, _: &State| -> tera::TeraResult<Value> {
                Err(tera::Error::message(
                    "t() called before the templates were bound to locales",
                ))
            });
        let raw: Vec<(String, String)> = templates
            .sources
            .iter()
            .map(|(n, f)| (n.clone(), f.text.to_string()))
            .collect();
        if let Err(e) = templates.tera.add_raw_templates(raw) {
            return Err(vec![templates.diagnostic(&e)]);
        }
        for required in ["page.html", "index.html", "root.html"] {
            if !templates.sources.contains_key(required) {
                errors.push(
                    Diagnostic::error("PG0303", format!("template `{required}` is missing"))
                        .in_path(shown_as.join(required))
                        .help("every site needs page.html (an article), index.html (a locale's index) and root.html (the language picker)"),
                );
            }
        }
        // Where each template writes messages and values (text, attributes, scripts).
        errors.extend(super::contexts::check(&templates.sources));
        if errors.is_empty() {
            Ok(templates)
        } else {
            Err(errors)
        }
    }

    /// Binds `t()` to `locales`, with the page-wide variables `common`.
    pub fn bind(&mut self, locales: Arc<Locales>, common: crate::policy::Args) {
        // A fresh cache per binding: cached texts belong to the locales they came from.
        let cache = Translations::default();
        self.tera
            .register_function("t", move |kwargs: Kwargs, state: &State| {
                super::translate(&locales, &common, &cache, &kwargs, state).map_err(|d| {
                    let message = d.message.clone();
                    FAILURES.with_borrow_mut(|f| f.push(d));
                    tera::Error::message(message)
                })
            });
    }

    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The template files, for checks that read their text.
    pub fn sources(&self) -> impl Iterator<Item = &SourceFile> {
        self.sources.values()
    }

    pub fn assets(&self) -> &BTreeMap<PathBuf, Vec<u8>> {
        &self.assets
    }

    /// Renders one template, reporting a failed `t()` at its message in the `.ftl`. The
    /// bytes are UTF-8 (Tera writes only strings): they are kept as bytes, so a page
    /// that needs no more work is never validated again.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<Vec<u8>, Diagnostics> {
        let mut html = CappedPage(Vec::with_capacity(16 * 1024));
        RANGE_LEFT.set(RANGE_BUDGET);
        self.tera
            .render_to(name, context, &mut html)
            .map(|()| html.0)
            .map_err(|e| {
                let mut recorded = FAILURES.take();
                if recorded.is_empty() {
                    recorded.push(self.diagnostic(&e));
                }
                recorded
            })
    }

    /// Turns a Tera error into a diagnostic at the template's line and column. Tera
    /// often wraps the located report (an unknown filter, a failing include) in another
    /// error: the chain is followed to it. Loops of `extends` or `include` and a missing
    /// parent carry template names only: the tag naming them is found in the source.
    pub fn diagnostic(&self, e: &tera::Error) -> Diagnostic {
        let help =
            "fix the template at this position (Tera syntax: https://keats.github.io/tera/docs/)";
        let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
        while let Some(error) = current {
            if let Some(e) = error.downcast_ref::<tera::Error>() {
                match e.kind() {
                    ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                        let kind = if matches!(e.kind(), ErrorKind::SyntaxError(_)) {
                            "syntax"
                        } else {
                            "rendering"
                        };
                        let d = Diagnostic::error(
                            "PG0304",
                            format!("template {kind} error: {}", report.message()),
                        )
                        .help(help);
                        return match self.sources.get(report.filename()) {
                            Some(file) => {
                                let span = report.span();
                                let loc = file.at_line_col(span.start_line, span.start_col + 1);
                                d.at(loc, "here")
                            }
                            None => d,
                        };
                    }
                    ErrorKind::CircularExtend {
                        tpl,
                        inheritance_chain,
                    } => {
                        let next = inheritance_chain.iter().skip_while(|t| *t != tpl).nth(1);
                        return self.at_tag(
                            format!(
                                "templates extend each other in a loop: {}",
                                inheritance_chain.join(" → ")
                            ),
                            tpl,
                            "extends",
                            next.map(String::as_str),
                            "make one of them extend a template that extends nothing",
                        );
                    }
                    ErrorKind::CircularInclude { tpl, include_chain } => {
                        let next = include_chain.get(1).map(String::as_str);
                        return self.at_tag(
                            format!(
                                "templates include each other in a loop: {}",
                                include_chain.join(" → ")
                            ),
                            tpl,
                            "include",
                            next,
                            "remove one of the includes: a template cannot contain itself",
                        );
                    }
                    ErrorKind::MissingParent { current, parent } => {
                        return self.at_tag(
                            format!(
                                "template `{current}` extends `{parent}`, which does not exist"
                            ),
                            current,
                            "extends",
                            Some(parent),
                            "fix the name in `extends`, or add the template to templates/",
                        );
                    }
                    _ => {}
                }
            }
            current = error.source();
        }
        // Tera checks references (filters, tests, functions, includes) after parsing and
        // joins its located reports into one message: read the first one back.
        let text = e.to_string();
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        let message = first
            .trim_start_matches("error: ")
            .trim_start_matches("error: ");
        let located = text.lines().find_map(|l| {
            let (name, rest) = l.trim().strip_prefix("--> ")?.split_once(':')?;
            let (line, col) = rest.split_once(':')?;
            let file = self.sources.get(name)?;
            Some(file.at_line_col(line.trim().parse().ok()?, col.trim().parse().ok()?))
        });
        match located {
            Some(loc) => Diagnostic::error("PG0304", format!("template error: {message}"))
                .at(loc, "here")
                .help(help),
            None => Diagnostic::error("PG0304", format!("template error: {e}"))
                .help("check the template names used in extends/include"),
        }
    }

    /// A diagnostic at the `{% tag "name" %}` of template `tpl` (or at its first `tag`).
    fn at_tag(
        &self,
        message: String,
        tpl: &str,
        tag: &str,
        name: Option<&str>,
        help: &str,
    ) -> Diagnostic {
        let d = Diagnostic::error("PG0304", message).help(help);
        let Some(file) = self.sources.get(tpl) else {
            return d.in_path(tpl);
        };
        let text = &file.text;
        let found = memchr::memmem::find_iter(text.as_bytes(), tag.as_bytes())
            .find(|&at| {
                name.is_none_or(|n| text[at..].lines().next().is_some_and(|l| l.contains(n)))
            })
            .or_else(|| text.find(tag));
        match found {
            Some(at) => d.at(file.span(at..at + tag.len()), "here"),
            None => d.in_path(&file.path),
        }
    }
}
