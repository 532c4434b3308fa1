//! The render stage: every page of every locale, in memory. Messages become HTML
//! fragments here; Tera templates lay them out. No file is written in this stage.

pub mod markdown;
mod templates;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Value};

use crate::check::Stale;
use crate::diag::{Diagnostic, Diagnostics};
use crate::l10n::REFERENCE_LOCALE;
use crate::l10n::{Locale, Locales};
use crate::policy::{Arg, Node, NodeKind, Policy, facts};
pub use templates::Templates;

/// The rendered site: output path (relative to the site root) to bytes.
#[derive(Debug, Default)]
pub struct Site {
    pub files: BTreeMap<PathBuf, Vec<u8>>,
    /// Help articles per locale (plus each locale's index page).
    pub pages_per_locale: usize,
    pub locales: Vec<String>,
}

/// A fact block ready for a template: ids, kinds and HTML fragments.
#[derive(Debug, Serialize)]
struct BlockView {
    id: String,
    kind: NodeKind,
    /// Inline HTML of the `.title` attribute, when the message has one.
    title: Option<String>,
    /// HTML of the message value (block HTML for blocks and notes, inline otherwise).
    html: String,
    /// Listed children (facts, quotes, tiers).
    items: Vec<BlockView>,
    /// Paragraphs after the list.
    notes: Vec<BlockView>,
    /// Shown when the block's translation is stale (its English text changed since).
    stale: Option<StaleNotice>,
}

#[derive(Debug, Serialize)]
struct StaleNotice {
    /// Inline HTML of `stale-notice`.
    text: String,
    /// Inline HTML of `stale-notice.link`.
    link: String,
    /// The same block in the reference locale.
    href: String,
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
struct RootLocale {
    tag: String,
    name: String,
    href: String,
    title: String,
    choose: String,
}

/// Variables every template message gets: the dates of the version in force.
pub fn page_args(policy: &Policy) -> Vec<(&'static str, Arg)> {
    let version = policy.current();
    let mut args = vec![
        ("effective", Arg::Date(version.effective)),
        ("updated", Arg::Date(version.updated)),
    ];
    if let Some(announced) = version.announced {
        args.push(("announced", Arg::Date(announced)));
    }
    args
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

/// One locale's pages (path, bytes) and its entry on the root page.
type LocaleOutput = (Vec<(PathBuf, Vec<u8>)>, RootLocale);

/// Renders the root page, an index per locale and every page in every locale. Locales,
/// and pages within a locale, are rendered in parallel; the result does not depend on it.
pub fn render_site(
    policy: &Policy,
    locales: Arc<Locales>,
    templates: &Templates,
    stale: &Stale,
) -> Result<Site, Diagnostics> {
    let blocks = facts::blocks(policy, policy.current());
    let nodes = facts::index(&blocks);
    let render = |name: &str, context: &Context| templates.render(name, context);

    let mut site = Site {
        pages_per_locale: policy.pages.len() + 1,
        locales: locales.tags().map(str::to_owned).collect(),
        ..Site::default()
    };
    // Every page's language switcher names every locale: format the names once.
    let names: Vec<String> = locales
        .list
        .iter()
        .map(|l| {
            locales
                .text(l, "language-name", None)
                .map(|t| markdown::plain(&t))
                .unwrap_or_default()
        })
        .collect();

    let render_locale = |locale: &Locale| -> Result<LocaleOutput, Diagnostics> {
        let text = |id: &str, attribute: Option<&str>| {
            locales.text(locale, id, attribute).map_err(|d| vec![d])
        };
        let links = |file: &str| -> Vec<LocaleLink> {
            locales
                .list
                .iter()
                .zip(&names)
                .map(|(other, name)| LocaleLink {
                    tag: other.tag.clone(),
                    name: name.clone(),
                    href: format!("../{}/{file}", other.tag),
                    current: other.tag == locale.tag,
                })
                .collect()
        };
        let fragments = fragments(&blocks);
        let pages = policy
            .pages
            .par_iter()
            .map(|spec| {
                let id = format!("page-{}", spec.id);
                let lede = if locale.has(&id, None) {
                    markdown::block(&text(&id, None)?)
                } else {
                    String::new()
                };
                Ok(PageLink {
                    id: spec.id.to_string(),
                    href: format!("{}.html", spec.id),
                    title: markdown::inline(&text(&id, Some("title"))?),
                    lede,
                })
            })
            .collect::<Vec<Result<_, Diagnostics>>>()
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
        // Serialized once: each page's context shares them (tera values are ref-counted).
        let page_values: Vec<Value> = pages.iter().map(Value::from_serializable).collect();
        let rendered = policy
            .pages
            .par_iter()
            .zip(&pages)
            .enumerate()
            .map(|(i, (spec, link))| {
                let views = spec
                    .blocks
                    .iter()
                    .map(|id| {
                        let node = *nodes
                            .get(id.as_str())
                            .expect("validated: page blocks exist");
                        let mut view =
                            block_view(&locales, locale, &fragments, node, NodeKind::Block)?;
                        view.stale = stale_notice(&locales, locale, node, stale, &link.href)?;
                        Ok(view)
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|d| vec![d])?;
                let mut context = Context::new();
                context.insert("lang", &locale.tag);
                context.insert_value("page", page_values[i].clone());
                context.insert(
                    "title",
                    &markdown::plain(&text(&format!("page-{}", spec.id), Some("title"))?),
                );
                context.insert("blocks", &views);
                context.insert_value("pages", Value::from(&page_values[related(pages.len(), i)]));
                context.insert("locales", &links(&link.href));
                context.insert("root", "../");
                let html = render("page.html", &context)?;
                Ok((
                    PathBuf::from(&locale.tag).join(&link.href),
                    html.into_bytes(),
                ))
            })
            .collect::<Vec<Result<_, Diagnostics>>>();
        // As a sequential render would: the first failing page of the locale is reported.
        let mut files = rendered.into_iter().collect::<Result<Vec<_>, _>>()?;
        let mut context = Context::new();
        context.insert("lang", &locale.tag);
        context.insert_value("pages", Value::from(&page_values[..]));
        context.insert("locales", &links("index.html"));
        context.insert("root", "../");
        let html = render("index.html", &context)?;
        files.push((
            PathBuf::from(&locale.tag).join("index.html"),
            html.into_bytes(),
        ));
        let root = RootLocale {
            tag: locale.tag.clone(),
            name: markdown::plain(&text("language-name", None)?),
            href: format!("{}/index.html", locale.tag),
            title: markdown::plain(&text("site-title", None)?),
            choose: markdown::plain(&text("choose-language", None)?),
        };
        Ok((files, root))
    };
    let results: Vec<Result<LocaleOutput, Diagnostics>> =
        locales.list.par_iter().map(render_locale).collect();

    let mut errors = Vec::new();
    let mut root_locales = Vec::new();
    for result in results {
        match result {
            Ok((files, root)) => {
                site.files.extend(files);
                root_locales.push(root);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut context = Context::new();
    context.insert("lang", &locales.reference().tag);
    context.insert("locales", &root_locales);
    context.insert("root", "");
    let html = render("root.html", &context)?;
    site.files
        .insert(PathBuf::from("index.html"), html.into_bytes());
    for (path, bytes) in templates.assets() {
        site.files
            .insert(PathBuf::from("assets").join(path), bytes.clone());
    }
    Ok(site)
}

/// The block HTML of each node's message in one locale, made once: a fact shown on
/// several pages (a topic in its section's list and on its own page) is formatted and
/// sanitized once. Keyed by node address: the same node always has the same values.
type Fragments = HashMap<usize, OnceLock<Result<String, Diagnostic>>>;

fn fragments(blocks: &[Node]) -> Fragments {
    blocks
        .iter()
        .flat_map(Node::walk)
        .map(|n| (std::ptr::from_ref(n) as usize, OnceLock::new()))
        .collect()
}

fn block_view(
    locales: &Locales,
    locale: &Locale,
    fragments: &Fragments,
    node: &Node,
    kind: NodeKind,
) -> Result<BlockView, Diagnostic> {
    let id = node.id.as_str();
    let title = if locale.has(id, Some("title")) {
        Some(markdown::inline(&locales.format(
            locale,
            id,
            Some("title"),
            &node.args,
        )?))
    } else {
        None
    };
    let has_value = locale.has(id, None);
    if !has_value && title.is_none() {
        // Neither a value nor a title: report it as a missing message.
        locales.format(locale, id, None, &node.args)?;
    }
    let html = if has_value {
        let block = || {
            locales
                .format(locale, id, None, &node.args)
                .map(|text| markdown::block(&text))
        };
        let html = match fragments.get(&(std::ptr::from_ref(node) as usize)) {
            Some(cell) => cell.get_or_init(block).clone()?,
            None => block()?,
        };
        match kind {
            NodeKind::Block | NodeKind::Note => html,
            NodeKind::Item | NodeKind::Quote => markdown::inline_of_block(html),
        }
    } else {
        String::new()
    };
    let (mut items, mut notes) = (Vec::new(), Vec::new());
    for child in &node.children {
        let view = block_view(locales, locale, fragments, child, child.kind)?;
        if child.kind == NodeKind::Note {
            notes.push(view)
        } else {
            items.push(view)
        }
    }
    Ok(BlockView {
        id: id.to_owned(),
        kind,
        title,
        html,
        items,
        notes,
        stale: None,
    })
}

/// The notice on a block whose translation is stale in `locale` (any message of the
/// block), dated with the latest change of the English text.
fn stale_notice(
    locales: &Locales,
    locale: &Locale,
    node: &Node,
    stale: &Stale,
    page_href: &str,
) -> Result<Option<StaleNotice>, Diagnostic> {
    let Some(changed) = node
        .walk()
        .filter_map(|n| stale.get(&locale.tag, n.id.as_str()))
        .max()
    else {
        return Ok(None);
    };
    let args = [("changed", Arg::Date(changed))];
    Ok(Some(StaleNotice {
        text: markdown::inline(&locales.format(locale, "stale-notice", None, &args)?),
        link: markdown::inline(&locales.format(locale, "stale-notice", Some("link"), &args)?),
        href: format!("../{REFERENCE_LOCALE}/{page_href}#{}", node.id),
    }))
}

/// The Tera function `t(key=..., attr=...)`: a message of the page's locale (from the
/// `lang` context variable) as safe inline HTML, with the version's dates as variables.
fn translate(
    locales: &Locales,
    common: &[(&'static str, Arg)],
    cache: &templates::Translations,
    kwargs: &Kwargs,
    state: &State,
) -> Result<Value, Diagnostic> {
    let lang: String = state.get("lang").ok().flatten().unwrap_or_default();
    let key: Option<String> = kwargs.get("key").ok().flatten();
    let attr: Option<String> = kwargs.get("attr").ok().flatten();
    let cache_key = (lang, key.unwrap_or_default(), attr);
    if let Some(value) = cache.read().expect("not poisoned").get(&cache_key) {
        return Ok(value.clone());
    }
    let value = translate_uncached(locales, common, kwargs, &cache_key.0)?;
    cache
        .write()
        .expect("not poisoned")
        .insert(cache_key, value.clone());
    Ok(value)
}

fn translate_uncached(
    locales: &Locales,
    common: &[(&'static str, Arg)],
    kwargs: &Kwargs,
    lang: &str,
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
    Ok(Value::safe_string(&markdown::inline(&text)))
}
