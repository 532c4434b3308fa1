//! The render stage: every page of every locale. Messages become HTML fragments here;
//! Tera templates lay them out. Pages are handed to a `Sink` as they are rendered (to
//! memory for `check` and `serve`, to `output`'s staging folder for `build`), so the
//! whole site need not be held at once. No file is written in this stage.

mod contexts;
pub mod markdown;
pub mod required;
mod templates;
pub mod typography;
mod views;
mod web;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Value};

use crate::diag::{Diagnostic, Diagnostics};
use crate::l10n::Stale;
use crate::l10n::{Locale, Locales};
use crate::memo::{Memo, Tally, fingerprint};
use crate::policy::{Arg, Date, Node, Policy, Version, facts};
pub use templates::Templates;
use views::{
    ChangeSet, Fragments, block_view, change_sets, change_views, group_changes, stale_notice,
    untranslated_notice, upcoming_notice,
};

/// The rendered site: output path (relative to the site root) to bytes.
#[derive(Debug, Default)]
pub struct Site {
    pub files: BTreeMap<PathBuf, Vec<u8>>,
    /// Pages per locale: articles, index, "what changed" pages, 404.
    pub pages_per_locale: usize,
    pub locales: Vec<String>,
}

/// Where the files of a site go as they are rendered (`render_site_to`).
pub trait Sink: Sync {
    /// Takes one file of the site, by path relative to the site root. Called from
    /// several threads at once, in no particular order; an error stops the rendering.
    fn put(&self, path: PathBuf, bytes: Vec<u8>) -> Result<(), Diagnostic>;
}

/// A site held in memory: every file put is kept.
impl Sink for Mutex<BTreeMap<PathBuf, Vec<u8>>> {
    fn put(&self, path: PathBuf, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.lock().expect("not poisoned").insert(path, bytes);
        Ok(())
    }
}

/// What rendering a site into a `Sink` says about it.
#[derive(Debug, Default)]
pub struct Rendering {
    /// Pages per locale: articles, index, "what changed" pages, 404.
    pub pages_per_locale: usize,
    pub locales: Vec<String>,
    /// How many files were put.
    pub files: usize,
}

/// Counts what goes through to the sink, and keeps what the site-wide files need: the
/// reference locale's pages (the sitemap lists them) and its 404 page (the root's).
struct Tracked<'s> {
    sink: &'s dyn Sink,
    /// The first locale: its pages are counted and listed in the sitemap.
    first: &'s str,
    /// The reference locale: its 404 page is the root's.
    reference: &'s str,
    files: AtomicUsize,
    first_pages: Mutex<Vec<PathBuf>>,
    reference_404: Mutex<Option<Vec<u8>>>,
}

impl Sink for Tracked<'_> {
    fn put(&self, path: PathBuf, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        if path.strip_prefix(self.reference).ok() == Some(Path::new("404.html")) {
            *self.reference_404.lock().expect("not poisoned") = Some(bytes.clone());
        }
        if let Ok(inside) = path.strip_prefix(self.first) {
            self.first_pages
                .lock()
                .expect("not poisoned")
                .push(inside.to_path_buf());
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.sink.put(path, bytes)
    }
}

/// Where and when the site is published.
#[derive(Debug, Clone, Hash)]
pub struct Publication {
    /// The day the site describes: it picks the version in force and announces later ones.
    pub today: Date,
    /// Absolute URL of the site root (`https://help.example.com/privacy/`), for canonical
    /// links, hreflang alternates and the sitemap. Without it, links are root-relative and
    /// no sitemap is written (the sitemap protocol needs absolute URLs).
    pub base_url: Option<String>,
}

#[derive(Debug, Serialize)]
struct PageLink {
    id: String,
    href: String,
    title: String,
    lede: String,
}

#[derive(Debug, Serialize)]
struct LocaleLink {
    tag: String,
    name: String,
    href: String,
    current: bool,
}

#[derive(Debug, Serialize)]
struct ChangeLink {
    href: String,
    /// Inline HTML of `changes-title`.
    title: String,
}

#[derive(Debug, Clone, Serialize)]
struct RootLocale {
    tag: String,
    name: String,
    href: String,
    title: String,
    choose: String,
}

/// How many pages a page's "related" list shows: its neighbours in reading order (every
/// page on sites this small or smaller), so a page's size does not grow with the site.
pub const RELATED_PAGES: usize = 12;

/// The pages listed beside page `i` of `count`: a window of `RELATED_PAGES` around it.
pub fn related(count: usize, i: usize) -> std::ops::Range<usize> {
    if count <= RELATED_PAGES {
        return 0..count;
    }
    let start = i
        .saturating_sub(RELATED_PAGES / 2)
        .min(count - RELATED_PAGES);
    start..start + RELATED_PAGES
}

/// Where a locale's pages go as they are rendered.
type Put<'p> = &'p (dyn Fn(PathBuf, Vec<u8>) -> Result<(), Diagnostics> + Sync);

/// One locale's pages (path, bytes) and its entry on the root page.
type LocaleOutput = (Vec<(PathBuf, Vec<u8>)>, RootLocale);

/// Each locale's pages as rendered by earlier calls of `render_site`: a locale is
/// rendered again only when something its pages show changed (its messages, the policy,
/// the templates, the reference locale, a language name, its stale notices).
#[derive(Default)]
pub struct Rendered(Memo<Result<Arc<LocaleOutput>, Diagnostics>>);

impl Rendered {
    /// For a single render: nothing is kept, so the pages move into the site uncopied.
    pub fn once() -> Rendered {
        Rendered(Memo::forgetful())
    }

    /// How many locales the last render rendered, and how many it reused.
    pub fn last(&self) -> Tally {
        self.0.last
    }

    /// Whether the pages rendered are kept for a next run (`serve`), not for one only.
    pub fn remembers(&self) -> bool {
        self.0.remembers()
    }
}

/// Variables every template message gets: the dates of the version in force.
pub fn page_args(version: &Version) -> crate::policy::Args {
    facts::version_dates(version)
}

/// Renders every page of every locale, the root pages and the machine-readable files,
/// into memory.
pub fn render_site(
    policy: &Policy,
    locales: Arc<Locales>,
    templates: &Templates,
    stale: &Stale,
    publication: &Publication,
    rendered: &mut Rendered,
) -> Result<Site, Diagnostics> {
    let files = Mutex::new(BTreeMap::new());
    let rendering = render_site_to(
        policy,
        locales,
        templates,
        stale,
        publication,
        rendered,
        &files,
    )?;
    Ok(Site {
        files: files.into_inner().expect("not poisoned"),
        pages_per_locale: rendering.pages_per_locale,
        locales: rendering.locales,
    })
}

/// Renders every page of every locale, the root pages and the machine-readable files,
/// handing each file to `sink` as soon as it is made: only the pages being rendered
/// are held (with a `Rendered` that remembers, for `serve`, each locale's pages are
/// also kept for the next run). On an error, what was put already is to be discarded.
pub fn render_site_to(
    policy: &Policy,
    locales: Arc<Locales>,
    templates: &Templates,
    stale: &Stale,
    publication: &Publication,
    rendered: &mut Rendered,
    sink: &dyn Sink,
) -> Result<Rendering, Diagnostics> {
    let version = policy.in_force(publication.today);
    let blocks = facts::blocks(policy, version);
    let nodes = facts::index(blocks);
    let mut sets = change_sets(policy, publication.today);
    // A fact whose values changed but that no message shows differently (a value only
    // another variant uses, a version date it does not name) did not change for readers;
    // each locale then keeps the changes its own wording shows (`views::in_locale`).
    for set in &mut sets {
        set.changes
            .retain(|c| views::may_read_differently(&locales, c));
    }
    let urls = web::Urls::new(
        publication.base_url.as_deref(),
        locales.tags().map(str::to_owned).collect(),
    );
    let tags: Vec<String> = locales.tags().map(str::to_owned).collect();
    let reference = locales.reference();
    let tracked = Tracked {
        sink,
        first: &tags[0],
        reference: &reference.tag,
        files: AtomicUsize::new(0),
        first_pages: Mutex::new(Vec::new()),
        reference_404: Mutex::new(None),
    };
    // Every page's language switcher names every locale in its own language.
    let names: Vec<(&str, String)> = locales
        .list
        .iter()
        .map(|l| {
            (
                l.tag.as_str(),
                locales.text(l, "language-name", None).unwrap_or_default(),
            )
        })
        .collect();
    let shared = fingerprint(&(
        policy.fingerprint,
        templates.fingerprint(),
        publication,
        locales.reference().source.fingerprint,
        &names,
    ));
    let language_names: Vec<(&str, String)> = names
        .iter()
        .map(|(tag, name)| (*tag, markdown::plain(name)))
        .collect();
    let work: Vec<_> = locales
        .list
        .iter()
        .map(|l| {
            let key = fingerprint(&(shared, l.source.fingerprint, stale.by_locale.get(&l.tag)));
            (l.tag.clone(), key, l.clone())
        })
        .collect();
    let remember = rendered.0.remembers();
    let render_locale = |locale: &Arc<Locale>| {
        let sets = views::in_locale(&locales, locale, &sets);
        let pages = LocalePages {
            policy,
            locales: &locales,
            locale,
            version,
            nodes: &nodes,
            fragments: views::fragments(blocks),
            sets: &sets,
            stale,
            urls: &urls,
            templates,
            language_names: &language_names,
        };
        let files = Mutex::new(Vec::new());
        let put = |path: PathBuf, bytes: Vec<u8>| -> Result<(), Diagnostics> {
            if remember {
                files.lock().expect("not poisoned").push((path, bytes));
                Ok(())
            } else {
                tracked.put(path, bytes).map_err(|d| vec![d])
            }
        };
        pages
            .render_all(&put)
            .map(|root| Arc::new((files.into_inner().expect("not poisoned"), root)))
    };
    let outputs = if remember {
        // Locales are independent: rendered in parallel, each kept for the next run
        // and put below.
        rendered.0.each(work, render_locale)
    } else {
        // Nothing to keep: each page is put as it is made, and locales are rendered one
        // after another (their articles in parallel), so only one locale's fragments
        // and pages in flight are held at a time, not every locale's.
        rendered.0.last = Tally {
            computed: work.len(),
            reused: 0,
        };
        work.iter()
            .map(|(_, _, locale)| render_locale(locale))
            .collect()
    };
    let mut errors = Vec::new();
    let mut root_locales = Vec::new();
    for output in outputs {
        match output {
            Ok(output) => {
                for (path, bytes) in &output.0 {
                    if let Err(e) = tracked.put(path.clone(), bytes.clone()) {
                        errors.push(e);
                    }
                }
                root_locales.push(output.1.clone());
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut first_pages = std::mem::take(&mut *tracked.first_pages.lock().expect("not poisoned"));
    first_pages.sort();
    let pages_per_locale = first_pages.len();

    // Language-neutral pages: the language picker and the 404 of the site root.
    let mut context = urls.context(&reference.tag, "", "index.html");
    context.insert("locales", &root_locales);
    let put = |path: PathBuf, bytes: Vec<u8>| tracked.put(path, bytes).map_err(|d| vec![d]);
    put(
        "index.html".into(),
        templates.render("root.html", &context)?,
    )?;
    // The root 404 is the reference locale's, which links every language from the root.
    let root_404 = tracked
        .reference_404
        .lock()
        .expect("not poisoned")
        .take()
        .expect("rendered above");
    put("404.html".into(), root_404)?;

    for (path, bytes) in web::machine_files(policy, version, &urls, &first_pages)? {
        put(path, bytes)?;
    }
    for (path, bytes) in templates.assets() {
        put(PathBuf::from("assets").join(path), bytes.clone())?;
    }
    let files = tracked.files.load(Ordering::Relaxed);
    drop(tracked);
    Ok(Rendering {
        pages_per_locale,
        locales: tags,
        files,
    })
}

/// Everything needed to render one locale's pages.
struct LocalePages<'a> {
    policy: &'a Policy,
    locales: &'a Locales,
    locale: &'a Locale,
    version: &'a Version,
    /// The version's fact nodes by id.
    nodes: &'a HashMap<&'a str, &'a Node>,
    fragments: Fragments,
    sets: &'a [ChangeSet<'a>],
    stale: &'a Stale,
    urls: &'a web::Urls,
    templates: &'a Templates,
    /// Every locale's tag and name in its own language, as plain text (the language
    /// switcher of every page: made once, not once per page).
    language_names: &'a [(&'a str, String)],
}

impl LocalePages<'_> {
    fn text(&self, id: &str, attribute: Option<&str>) -> Result<String, Diagnostics> {
        self.locales
            .text(self.locale, id, attribute)
            .map_err(|d| vec![d])
    }

    fn format(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg)],
    ) -> Result<String, Diagnostics> {
        self.locales
            .format(self.locale, id, attribute, args)
            .map_err(|d| vec![d])
    }

    /// The language switcher: every locale by its own name, linking to `href(tag)`.
    fn locale_links(&self, href: impl Fn(&str) -> String) -> Vec<LocaleLink> {
        self.language_names
            .iter()
            .map(|(tag, name)| LocaleLink {
                tag: (*tag).to_owned(),
                name: name.clone(),
                href: href(tag),
                current: *tag == self.locale.tag,
            })
            .collect()
    }

    /// The context every page of this locale starts from.
    fn context(&self, file: &str) -> Context {
        let mut context = self.urls.context(&self.locale.tag, "../", file);
        context.insert(
            "locales",
            &self.locale_links(|tag| format!("../{tag}/{file}")),
        );
        context.insert("reference", &self.locales.reference().tag);
        context.insert("has_updated", &self.version.updated.is_some());
        context.insert(
            "has_effective",
            &(self.version.effective.is_some() && self.version.effective_stated),
        );
        context.insert("has_announced", &self.version.announced.is_some());
        context
    }

    /// The page `file` of this locale, rendered from `template`.
    fn page(
        &self,
        file: &str,
        template: &str,
        context: &Context,
    ) -> Result<(PathBuf, Vec<u8>), Diagnostics> {
        let html = self.templates.render(template, context)?;
        // Typography is the language's, whoever wrote the text: messages and values alike.
        let mut html = match typography::Typography::of(&self.locale.tag).apply_bytes(&html) {
            Cow::Borrowed(_) => html,
            Cow::Owned(typeset) => typeset,
        };
        // A page may be held until the site is written (`serve`): not with a buffer's
        // spare room.
        html.shrink_to_fit();
        Ok((PathBuf::from(&self.locale.tag).join(file), html))
    }

    fn write(
        &self,
        put: Put,
        file: &str,
        template: &str,
        context: &Context,
    ) -> Result<(), Diagnostics> {
        let (path, html) = self.page(file, template, context)?;
        put(path, html)
    }

    fn change_link(&self, set: &ChangeSet) -> Result<ChangeLink, Diagnostics> {
        let args = set.args();
        Ok(ChangeLink {
            href: set.file(),
            title: markdown::inline(&self.format("changes-title", None, &args)?),
        })
    }

    /// One article: its fact blocks with their notices, and the "what changed" links of
    /// the versions that touch them.
    fn article(
        &self,
        spec: &crate::policy::model::PageSpec,
        link: &PageLink,
        related: &[PageLink],
        all_changes: &[ChangeLink],
    ) -> Result<(PathBuf, Vec<u8>), Diagnostics> {
        let mut views = Vec::new();
        let mut changes = Vec::new();
        // A version without one of the page's blocks simply does not show it.
        for node in spec
            .blocks
            .iter()
            .filter_map(|id| self.nodes.get(id.as_str()))
        {
            let mut view = block_view(self.locales, self.locale, &self.fragments, node, &[])
                .map_err(|d| vec![d])?;
            view.stale = stale_notice(self.locales, self.locale, node, self.stale, &link.href)
                .map_err(|d| vec![d])?;
            view.upcoming =
                upcoming_notice(self.locales, self.locale, node, self.sets).map_err(|d| vec![d])?;
            view.untranslated =
                untranslated_notice(self.locales, self.locale, node).map_err(|d| vec![d])?;
            views.push(view);
            for (set, change) in self.sets.iter().zip(all_changes) {
                let shown =
                    set.upcoming || Some(set.version.id.as_str()) == Some(self.version.id.as_str());
                if shown
                    && set.touches(node)
                    && !changes.iter().any(|c: &&ChangeLink| c.href == change.href)
                {
                    changes.push(change);
                }
            }
        }
        let mut context = self.context(&link.href);
        context.insert("page", link);
        context.insert(
            "title",
            &markdown::plain(&self.text(&format!("page-{}", spec.id), Some("title"))?),
        );
        context.insert("blocks", &views);
        context.insert("pages", related);
        context.insert("changes", &changes);
        self.page(&link.href, "page.html", &context)
    }

    /// Renders this locale's pages, each handed to `put` when made; returns its entry on
    /// the root page.
    fn render_all(&self, put: Put) -> Result<RootLocale, Diagnostics> {
        let mut pages = Vec::new();
        for spec in &self.policy.pages {
            let id = format!("page-{}", spec.id);
            let lede = if self.locale.has(&id, None) {
                markdown::block(&self.text(&id, None)?)
            } else {
                String::new()
            };
            pages.push(PageLink {
                id: spec.id.to_string(),
                href: format!("{}.html", spec.id),
                title: markdown::inline(&self.text(&id, Some("title"))?),
                lede,
            });
        }
        let all_changes = self
            .sets
            .iter()
            .map(|s| self.change_link(s))
            .collect::<Result<Vec<_>, _>>()?;

        // Articles are independent: rendered in parallel (one locale re-rendered alone
        // in `serve` still uses every core), each put as soon as it is made.
        self.policy
            .pages
            .par_iter()
            .zip(&pages)
            .enumerate()
            .try_for_each(|(i, (spec, link))| {
                let (path, html) =
                    self.article(spec, link, &pages[related(pages.len(), i)], &all_changes)?;
                put(path, html)
            })?;

        for (set, change) in self.sets.iter().zip(&all_changes) {
            let args = set.args();
            let mut context = self.context(&change.href);
            context.insert(
                "title",
                &markdown::plain(&self.format("changes-title", None, &args)?),
            );
            context.insert("heading", &change.title);
            context.insert(
                "intro",
                &markdown::block(&self.format("changes-intro", None, &args)?),
            );
            let labels: BTreeMap<&str, String> = [
                ("before", "changes-before"),
                ("after", "changes-after"),
                ("added", "changes-added"),
                ("removed", "changes-removed"),
            ]
            .into_iter()
            .map(|(key, id)| Ok((key, markdown::inline(&self.format(id, None, &args)?))))
            .collect::<Result<_, Diagnostics>>()?;
            context.insert("labels", &labels);
            context.insert(
                "changes",
                &group_changes(
                    change_views(self.policy, self.locales, self.locale, set)
                        .map_err(|d| vec![d])?,
                ),
            );
            context.insert("pages", &pages[related(pages.len(), 0)]);
            self.write(put, &change.href, "changes.html", &context)?;
        }

        let context = self.context("search.html");
        self.write(put, "search.html", "search.html", &context)?;

        let mut context = self.context("index.html");
        context.insert("pages", &pages);
        context.insert("changes", &all_changes);
        self.write(put, "index.html", "index.html", &context)?;

        // A 404 page is served at whatever path was missing: every link is from the root.
        let mut context = self.context("404.html");
        let base = self.urls.url("");
        context.insert("root", &base);
        context.insert("home", &format!("{base}{}/index.html", self.locale.tag));
        context.insert(
            "search_href",
            &format!("{base}{}/search.html", self.locale.tag),
        );
        context.insert(
            "locales",
            &self.locale_links(|tag| format!("{base}{tag}/index.html")),
        );
        self.write(put, "404.html", "404.html", &context)?;

        Ok(RootLocale {
            tag: self.locale.tag.clone(),
            name: markdown::plain(&self.text("language-name", None)?),
            href: format!("{}/index.html", self.locale.tag),
            title: markdown::plain(&self.text("site-title", None)?),
            choose: markdown::plain(&self.text("choose-language", None)?),
        })
    }
}

/// The Tera function `t(key=..., attr=..., plain=true)`: a message of the page's locale
/// (from the `lang` context variable) as safe inline HTML, or with `plain=true` as plain
/// text that Tera escapes (for attributes and `<title>`), with the version's dates as
/// variables.
/// Every page asks for the same few messages, so results are cached per build.
fn translate(
    locales: &Locales,
    common: &[(String, Arg)],
    cache: &templates::Translations,
    kwargs: &Kwargs,
    state: &State,
) -> Result<Value, Diagnostic> {
    let lang: String = state.get("lang").ok().flatten().unwrap_or_default();
    let key: Option<String> = kwargs.get("key").ok().flatten();
    let attr: Option<String> = kwargs.get("attr").ok().flatten();
    let plain = kwargs.get::<bool>("plain").ok().flatten().unwrap_or(false);
    let cache_key = (lang, key.unwrap_or_default(), attr, plain);
    if let Some(value) = cache.read().expect("not poisoned").get(&cache_key) {
        return Ok(value.clone());
    }
    let value = translate_uncached(locales, common, kwargs, &cache_key.0, plain)?;
    cache
        .write()
        .expect("not poisoned")
        .insert(cache_key, value.clone());
    Ok(value)
}

fn translate_uncached(
    locales: &Locales,
    common: &[(String, Arg)],
    kwargs: &Kwargs,
    lang: &str,
    plain: bool,
) -> Result<Value, Diagnostic> {
    let locale = locales.get(lang).ok_or_else(|| {
        Diagnostic::error(
            "PG0301",
            format!("template called t() with unknown locale `{lang}`"),
        )
    })?;
    let key: String = kwargs.get("key").ok().flatten().ok_or_else(|| {
        Diagnostic::error("PG0302", "t() needs a `key` argument")
            .help("call it as t(key=\"message-id\")")
    })?;
    let attr: Option<String> = kwargs.get("attr").ok().flatten();
    let text = locales.format(locale, &key, attr.as_deref(), common)?;
    if plain {
        // Plain text, not marked safe: Tera escapes it (quotes too), for attributes and
        // `<title>` (`render::contexts` refuses HTML there).
        return Ok(Value::from(markdown::plain(&text)));
    }
    Ok(Value::safe_string(&markdown::inline(&text)))
}
