//! The render stage: every page of every locale, in memory. Messages become HTML
//! fragments here; Tera templates lay them out. No file is written in this stage.

pub mod markdown;
mod templates;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

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

/// Renders the root page, an index per locale and every page in every locale.
pub fn render_site(
    policy: &Policy,
    locales: Arc<Locales>,
    templates: &Templates,
    stale: &Stale,
) -> Result<Site, Diagnostics> {
    let blocks = facts::blocks(policy, policy.current());
    let render = |name: &str, context: &Context| templates.render(name, context);

    let mut site = Site {
        pages_per_locale: policy.pages.len() + 1,
        locales: locales.tags().map(str::to_owned).collect(),
        ..Site::default()
    };
    let mut errors = Vec::new();
    let mut root_locales = Vec::new();

    for locale in &locales.list {
        let result = (|| -> Result<(), Diagnostics> {
            let text = |id: &str, attribute: Option<&str>| {
                locales.text(locale, id, attribute).map_err(|d| vec![d])
            };
            let links = |file: &str| -> Vec<LocaleLink> {
                locales
                    .list
                    .iter()
                    .map(|other| LocaleLink {
                        tag: other.tag.clone(),
                        name: locales
                            .text(other, "language-name", None)
                            .map(|t| markdown::plain(&t))
                            .unwrap_or_default(),
                        href: format!("../{}/{file}", other.tag),
                        current: other.tag == locale.tag,
                    })
                    .collect()
            };
            let mut pages = Vec::new();
            for spec in &policy.pages {
                let id = format!("page-{}", spec.id);
                let lede = if locale.has(&id, None) {
                    markdown::block(&text(&id, None)?)
                } else {
                    String::new()
                };
                pages.push(PageLink {
                    id: spec.id.to_string(),
                    href: format!("{}.html", spec.id),
                    title: markdown::inline(&text(&id, Some("title"))?),
                    lede,
                });
            }
            for (spec, link) in policy.pages.iter().zip(&pages) {
                let views = spec
                    .blocks
                    .iter()
                    .map(|id| {
                        let node = facts::find(&blocks, id.as_str())
                            .expect("validated: page blocks exist");
                        let mut view = block_view(&locales, locale, node, NodeKind::Block)?;
                        view.stale = stale_notice(&locales, locale, node, stale, &link.href)?;
                        Ok(view)
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|d| vec![d])?;
                let mut context = Context::new();
                context.insert("lang", &locale.tag);
                context.insert("page", link);
                context.insert(
                    "title",
                    &markdown::plain(&text(&format!("page-{}", spec.id), Some("title"))?),
                );
                context.insert("blocks", &views);
                context.insert("pages", &pages);
                context.insert("locales", &links(&link.href));
                context.insert("root", "../");
                let html = render("page.html", &context)?;
                site.files.insert(
                    PathBuf::from(&locale.tag).join(&link.href),
                    html.into_bytes(),
                );
            }
            let mut context = Context::new();
            context.insert("lang", &locale.tag);
            context.insert("pages", &pages);
            context.insert("locales", &links("index.html"));
            context.insert("root", "../");
            let html = render("index.html", &context)?;
            site.files.insert(
                PathBuf::from(&locale.tag).join("index.html"),
                html.into_bytes(),
            );
            root_locales.push(RootLocale {
                tag: locale.tag.clone(),
                name: markdown::plain(&text("language-name", None)?),
                href: format!("{}/index.html", locale.tag),
                title: markdown::plain(&text("site-title", None)?),
                choose: markdown::plain(&text("choose-language", None)?),
            });
            Ok(())
        })();
        if let Err(mut e) = result {
            errors.append(&mut e);
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

fn block_view(
    locales: &Locales,
    locale: &Locale,
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
        let text = locales.format(locale, id, None, &node.args)?;
        match kind {
            NodeKind::Block | NodeKind::Note => markdown::block(&text),
            NodeKind::Item | NodeKind::Quote => markdown::inline(&text),
        }
    } else {
        String::new()
    };
    let (mut items, mut notes) = (Vec::new(), Vec::new());
    for child in &node.children {
        let view = block_view(locales, locale, child, child.kind)?;
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
    kwargs: &Kwargs,
    state: &State,
) -> Result<Value, Diagnostic> {
    let lang: String = state.get("lang").ok().flatten().unwrap_or_default();
    let locale = locales.get(&lang).ok_or_else(|| {
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
