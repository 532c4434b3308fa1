//! `policyglot status`: how far each translation is, per locale and per page — messages
//! up to date, stale and missing, and how many words of the reference's text are left to
//! translate — as text, Markdown (a job summary, a pull-request comment), JSON, or a
//! static HTML page written outside the reader site. Staleness is `check`'s own
//! (`check::stale`: confirmations and git history); nothing is rendered.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;

use crate::check::{recorded, stale};
use crate::diag::Diagnostic;
use crate::l10n::{Catalog, Stale};
use crate::policy::{Node, Policy, facts};
use crate::project::Project;
use crate::render::markdown::escape_html as esc;

/// The messages of one part of the site, as one locale has them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Messages of the reference locale in this part.
    pub messages: usize,
    /// Translated and not stale.
    pub translated: usize,
    pub stale: usize,
    pub missing: usize,
    /// Words of the reference text of the stale and missing messages.
    pub words_to_translate: usize,
}

/// One page of the policy (its title and its facts' messages), or the messages of no
/// page (`page: null`: the site chrome, templates, generated pages).
#[derive(Debug, Clone, Serialize)]
pub struct PageStatus {
    pub page: Option<String>,
    #[serde(flatten)]
    pub counts: Counts,
    pub stale_ids: Vec<String>,
    pub missing_ids: Vec<String>,
}

/// One translation: every reference message (`total`, each once), then by page.
#[derive(Debug, Clone, Serialize)]
pub struct LocaleStatus {
    pub locale: String,
    pub total: Counts,
    pub pages: Vec<PageStatus>,
}

/// The whole table (`policyglot-status/1`).
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub schema: &'static str,
    pub reference: String,
    pub locales: Vec<LocaleStatus>,
}

/// Reads the project's policy, locales and confirmations and tells each translation's
/// status. `Err` when it cannot be read at all (no policy, no locales folder).
pub fn of(project: &Project) -> Result<Status, Diagnostic> {
    let (policy, catalog) = crate::check::policy_and_catalog(project)?;
    let confirmed = stale::read(&project.root)?;
    let (stale, _) = stale::find(&project.root, &catalog, &confirmed);
    Ok(status(&policy, &catalog, &stale))
}

/// The status of every translation of `catalog` (see `of`).
pub fn status(policy: &Policy, catalog: &Catalog, stale: &Stale) -> Status {
    let reference = catalog.reference();
    let all: BTreeSet<&str> = reference.message_ids().collect();
    // Each page's messages: its title, and every fact of its blocks in any version
    // (an announced version's facts are to translate too), as the reference has them.
    let pages: Vec<(String, BTreeSet<&str>)> = policy
        .pages
        .iter()
        .map(|page| {
            let title = format!("page-{}", page.id);
            let mut ids: BTreeSet<&str> = all.get(title.as_str()).copied().into_iter().collect();
            for version in &policy.versions {
                for block in facts::blocks(policy, version)
                    .iter()
                    .filter(|b| page.blocks.contains(&b.id))
                {
                    ids.extend(
                        block
                            .walk()
                            .map(|n: &Node| n.id.as_str())
                            .filter_map(|id| all.get(id).copied()),
                    );
                }
            }
            (page.id.to_string(), ids)
        })
        .collect();
    let on_pages: BTreeSet<&str> = pages.iter().flat_map(|(_, ids)| ids).copied().collect();
    let shared: BTreeSet<&str> = all.difference(&on_pages).copied().collect();
    let words: std::collections::BTreeMap<&str, usize> = all
        .iter()
        .map(|id| (*id, word_count(&recorded::current(reference, id))))
        .collect();
    let locales = catalog
        .locales
        .iter()
        .filter(|l| l.tag != reference.tag)
        .map(|locale| {
            let part = |page: Option<String>, ids: &BTreeSet<&str>| {
                let mut out = PageStatus {
                    page,
                    counts: Counts {
                        messages: ids.len(),
                        ..Counts::default()
                    },
                    stale_ids: Vec::new(),
                    missing_ids: Vec::new(),
                };
                for id in ids {
                    if !locale.entries.contains_key(*id) {
                        out.counts.missing += 1;
                        out.missing_ids.push((*id).to_owned());
                    } else if stale.get(&locale.tag, id).is_some() {
                        out.counts.stale += 1;
                        out.stale_ids.push((*id).to_owned());
                    } else {
                        out.counts.translated += 1;
                        continue;
                    }
                    out.counts.words_to_translate += words[id];
                }
                out
            };
            let mut parts: Vec<PageStatus> = pages
                .iter()
                .map(|(page, ids)| part(Some(page.clone()), ids))
                .collect();
            parts.push(part(None, &shared));
            LocaleStatus {
                locale: locale.tag.clone(),
                total: part(None, &all).counts,
                pages: parts,
            }
        })
        .collect();
    Status {
        schema: "policyglot-status/1",
        reference: reference.tag.clone(),
        locales,
    }
}

/// The words of a message's text as a translator reads it (`recorded::readable`):
/// placeables (`{$period}`, `{-product-name}`), select syntax (`->`, `[key]`) and
/// attribute names are not words; text in every variant is.
pub fn word_count(text: &str) -> usize {
    let spaced = text.replace(['{', '}'], " ");
    spaced
        .split_whitespace()
        .map(|token| {
            // A variant key sits against its text: `*[other]Many`.
            let token = token.trim_start_matches('*');
            match token.strip_prefix('[').and_then(|t| t.split_once(']')) {
                Some((_, rest)) => rest,
                None => token,
            }
        })
        .filter(|t| !t.starts_with(['$', '-', '.']) && !t.ends_with("->"))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count()
}

/// What a part of a locale is called in the tables.
fn part_name(page: &PageStatus) -> &str {
    page.page
        .as_deref()
        .unwrap_or("(no page: site chrome, templates)")
}

/// The rows of a locale: its total first, then each page and the shared messages.
fn rows(locale: &LocaleStatus) -> impl Iterator<Item = (&str, &Counts)> {
    std::iter::once(("all", &locale.total))
        .chain(locale.pages.iter().map(|p| (part_name(p), &p.counts)))
}

/// A table for a terminal.
pub fn text(status: &Status) -> String {
    let width = status
        .locales
        .iter()
        .flat_map(|l| rows(l).map(|(name, _)| name.chars().count()))
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!(
        "translations of `{}`\nlocale  {:<width$}  messages  translated  stale  missing  words to translate\n",
        status.reference, "page"
    );
    for locale in &status.locales {
        for (name, c) in rows(locale) {
            out.push_str(&format!(
                "{:<6}  {name:<width$}  {:>8}  {:>10}  {:>5}  {:>7}  {:>18}\n",
                locale.locale, c.messages, c.translated, c.stale, c.missing, c.words_to_translate
            ));
        }
    }
    out
}

/// A Markdown table (a job summary, a pull-request comment); each page's stale and
/// missing messages are listed under it.
pub fn markdown(status: &Status) -> String {
    let cell = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace('<', "&lt;")
            .replace('`', "\\`")
    };
    let mut out = format!(
        "## Translation status (reference: {})\n\n",
        cell(&status.reference)
    );
    out.push_str(
        "| locale | page | messages | translated | stale | missing | words to translate |\n",
    );
    out.push_str("|---|---|---:|---:|---:|---:|---:|\n");
    for locale in &status.locales {
        for (name, c) in rows(locale) {
            let name = match name {
                "all" => "**all**".to_owned(),
                other => cell(other),
            };
            out.push_str(&format!(
                "| {} | {name} | {} | {} | {} | {} | {} |\n",
                cell(&locale.locale),
                c.messages,
                c.translated,
                c.stale,
                c.missing,
                c.words_to_translate
            ));
        }
    }
    let mut lists = String::new();
    for locale in &status.locales {
        for page in &locale.pages {
            for (what, ids) in [("stale", &page.stale_ids), ("missing", &page.missing_ids)] {
                if !ids.is_empty() {
                    let ids: Vec<String> = ids.iter().map(|id| cell(id)).collect();
                    lists.push_str(&format!(
                        "- {} · {} · {what}: {}\n",
                        cell(&locale.locale),
                        cell(part_name(page)),
                        ids.join(", ")
                    ));
                }
            }
        }
    }
    if !lists.is_empty() {
        out.push_str("\n### To translate\n\n");
        out.push_str(&lists);
    }
    out
}

/// One JSON document (`policyglot-status/1`).
pub fn json(status: &Status) -> String {
    serde_json::to_string_pretty(status).expect("plain data serializes") + "\n"
}

/// A static HTML page of the same tables, for publishing apart from the reader site.
/// Every text from the project is escaped.
pub fn html(status: &Status) -> String {
    let reference = esc(&status.reference);
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Translation status</title>\n<style>\n\
         body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}\n\
         table {{ border-collapse: collapse; width: 100%; margin-bottom: 2rem; }}\n\
         th, td {{ border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}\n\
         td.n, th.n {{ text-align: right; font-variant-numeric: tabular-nums; }}\n\
         tr.total td {{ font-weight: 600; }}\n\
         .ids {{ font-size: 0.85em; color: #555; }}\n</style>\n</head>\n<body>\n\
         <h1>Translation status</h1>\n<p>Reference locale: <code>{reference}</code>.</p>\n"
    );
    for locale in &status.locales {
        let tag = esc(&locale.locale);
        out.push_str(&format!(
            "<section id=\"locale-{tag}\">\n<h2><code>{tag}</code></h2>\n<table>\n\
             <thead><tr><th scope=\"col\">page</th><th scope=\"col\" class=\"n\">messages</th>\
             <th scope=\"col\" class=\"n\">translated</th><th scope=\"col\" class=\"n\">stale</th>\
             <th scope=\"col\" class=\"n\">missing</th><th scope=\"col\" class=\"n\">words to translate</th>\
             <th scope=\"col\">to translate</th></tr></thead>\n<tbody>\n"
        ));
        let row = |class: &str, name: &str, c: &Counts, ids: String| {
            format!(
                "<tr{class}><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"ids\">{ids}</td></tr>\n",
                esc(name),
                c.messages,
                c.translated,
                c.stale,
                c.missing,
                c.words_to_translate
            )
        };
        out.push_str(&row(
            " class=\"total\"",
            "all",
            &locale.total,
            String::new(),
        ));
        for page in &locale.pages {
            let mut ids = String::new();
            for (what, list) in [("stale", &page.stale_ids), ("missing", &page.missing_ids)] {
                if !list.is_empty() {
                    let list: Vec<String> = list.iter().map(|id| esc(id)).collect();
                    ids.push_str(&format!("<div>{what}: {}</div>", list.join(", ")));
                }
            }
            out.push_str(&row("", part_name(page), &page.counts, ids));
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Writes `html` to `path` (a new temporary file beside it, renamed over it), so a
/// reader of the page never sees half of it.
pub fn write_html(path: &Path, html: &str) -> Result<(), Diagnostic> {
    let failed = |e: std::io::Error| {
        Diagnostic::error(
            "PG0740",
            format!("cannot write the status page {}: {e}", path.display()),
        )
        .in_path(path)
        .help("name a file in a writable folder, outside the reader site (site/ is replaced by each build)")
    };
    if path.is_dir() {
        return Err(failed(std::io::Error::other("it is a folder")));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.policyglot-tmp"));
    let _ = std::fs::remove_file(&tmp);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| std::io::Write::write_all(&mut f, html.as_bytes()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_the_text_not_the_placeables() {
        assert_eq!(word_count("We keep it for {$period}."), 4);
        assert_eq!(word_count("{-product-name} Help Center"), 2);
        assert_eq!(
            word_count("{$n->*[other]{$n} items [one]One item }\n.title = Items"),
            4
        );
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn html_escapes_everything_from_the_project() {
        let status = Status {
            schema: "policyglot-status/1",
            reference: "en\"><script>".into(),
            locales: vec![LocaleStatus {
                locale: "fr<b>".into(),
                total: Counts::default(),
                pages: vec![PageStatus {
                    page: Some("<img src=x onerror=alert(1)>".into()),
                    counts: Counts::default(),
                    stale_ids: vec!["a&b".into()],
                    missing_ids: vec![],
                }],
            }],
        };
        let html = html(&status);
        assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("stale: a&amp;b"));
        let md = markdown(&status);
        assert!(!md.contains("<img") && md.contains("&lt;img"));
    }
}
