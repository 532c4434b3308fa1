//! The side-by-side view (preview only): each page in every locale as columns, one row
//! per fact block lined up by its id (`<section id>`, the same in every language), with
//! `check` findings shown and highlighted on the block and item they concern. Also an
//! overview page listing every page and the findings tied to no block.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::sync::Arc;

use axum::body::Bytes;
use scraper::{ElementRef, Html, Selector};

use super::build::{Finding, SiteData};

const STYLE: &str = include_str!("preview.css");

/// The preview pages, keyed relative to `/_preview/`: `index.html` (the overview) and
/// `<page>.html` for every page of the reference locale.
/// `parsed` holds the pages parsed by the previous call; the pages parsed by this one are
/// returned for the next, so a rebuild parses only the pages it changed.
pub fn render(
    site: Option<&SiteData>,
    findings: &[Finding],
    parsed: &Parsed,
) -> (BTreeMap<String, Vec<u8>>, Parsed) {
    let mut out = BTreeMap::new();
    let Some(site) = site else {
        out.insert(
            "index.html".to_owned(),
            overview(&[], &[], findings).into_bytes(),
        );
        return (out, Parsed::default());
    };
    let parsed = parsed.update(site);
    let pages = page_names(site, &parsed);
    let mut placed = BTreeSet::new();
    let mut views = Vec::new();
    for name in &pages {
        let view = PageView::new(site, name, &parsed);
        let attributed = view.attribute(findings);
        placed.extend(attributed.iter().map(|a| a.finding));
        views.push((view, attributed));
    }
    for (view, attributed) in &views {
        out.insert(
            view.name.clone(),
            view.html(&views, attributed, findings).into_bytes(),
        );
    }
    let unplaced: Vec<&Finding> = findings
        .iter()
        .enumerate()
        .filter(|(i, _)| !placed.contains(i))
        .map(|(_, f)| f)
        .collect();
    // Every page has a view (so every page's preview link works), but the overview lists
    // only pages with fact blocks: search and 404 pages have nothing to compare.
    let summaries: Vec<Summary> = views
        .iter()
        .filter(|(v, _)| v.rows.len() > 1)
        .map(|(v, a)| Summary::new(v, a, &site.locales))
        .collect();
    out.insert(
        "index.html".to_owned(),
        overview(&summaries, &site.locales, findings)
            .replace("<!--unplaced-->", &or_none(findings_list(&unplaced)))
            .into_bytes(),
    );
    (out, parsed)
}

/// What the side-by-side view needs of one built page.
#[derive(Debug, Default)]
pub struct Page {
    /// The page's own language name, as its language switcher shows it.
    language: Option<String>,
    /// Plain text of the `h1`.
    title: Option<String>,
    /// HTML of the `h1` and the lede.
    head: String,
    /// Fact blocks: id, HTML, and every element id inside.
    blocks: Vec<(String, String, BTreeSet<String>)>,
    /// Link targets, fragments dropped, in document order.
    links: Vec<String>,
}

impl Page {
    fn parse(tag: &str, bytes: &[u8]) -> Page {
        let doc = Html::parse_document(&String::from_utf8_lossy(bytes));
        let h1 = doc.select(&selector("h1")).next();
        let mut head = String::new();
        if let Some(h1) = h1 {
            head.push_str(&h1.html());
        }
        if let Some(lede) = doc.select(&selector(".lede")).next() {
            head.push_str(&lede.html());
        }
        Page {
            language: doc
                .select(&selector(&format!("a[hreflang=\"{tag}\"]")))
                .next()
                .map(|a| a.text().collect::<String>().trim().to_owned())
                .filter(|t| !t.is_empty()),
            title: h1.map(plain_text),
            head,
            // Titled blocks are sections, untitled ones divs; both carry the fact id.
            blocks: doc
                .select(&selector("section[id], div.fact-block[id]"))
                .map(|block| {
                    let ids = block
                        .select(&selector("[id]"))
                        .map(|inner| inner.value().id().unwrap_or_default().to_owned())
                        .collect();
                    (
                        block.value().id().unwrap_or_default().to_owned(),
                        block.html(),
                        ids,
                    )
                })
                .collect(),
            links: doc
                .select(&selector("a[href]"))
                .map(|a| {
                    let href = a.value().attr("href").unwrap_or_default();
                    href.split('#').next().unwrap_or_default().to_owned()
                })
                .collect(),
        }
    }
}

/// Parsed HTML pages of a site by file key, with the bytes they were parsed from.
#[derive(Debug, Default)]
pub struct Parsed(BTreeMap<String, (Bytes, Arc<Page>)>);

impl Parsed {
    /// Every HTML page of `site` in a locale folder, parsed again only when its bytes
    /// changed.
    fn update(&self, site: &SiteData) -> Parsed {
        let mut pages = BTreeMap::new();
        for (key, bytes) in &site.files {
            let Some((tag, name)) = key.split_once('/') else {
                continue;
            };
            if !name.ends_with(".html") || name.contains('/') {
                continue;
            }
            let page = match self.0.get(key) {
                Some((before, page)) if before == bytes => page.clone(),
                _ => Arc::new(Page::parse(tag, bytes)),
            };
            pages.insert(key.clone(), (bytes.clone(), page));
        }
        Parsed(pages)
    }

    fn get(&self, key: &str) -> Option<&Page> {
        self.0.get(key).map(|(_, page)| &**page)
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

/// Article pages of the reference locale, in the order its index links to them.
fn page_names(site: &SiteData, parsed: &Parsed) -> Vec<String> {
    let Some(reference) = site.locales.first() else {
        return Vec::new();
    };
    let prefix = format!("{reference}/");
    let all: Vec<String> = site
        .files
        .keys()
        .filter_map(|k| k.strip_prefix(&prefix))
        .filter(|n| n.ends_with(".html") && *n != "index.html" && !n.contains('/'))
        .map(str::to_owned)
        .collect();
    let mut ordered: Vec<String> = Vec::new();
    if let Some(index) = parsed.get(&format!("{prefix}index.html")) {
        for href in &index.links {
            if all.contains(href) && !ordered.contains(href) {
                ordered.push(href.clone());
            }
        }
    }
    for name in all {
        if !ordered.contains(&name) {
            ordered.push(name);
        }
    }
    ordered
}

/// One row: a block (or the page title) in every locale.
struct Row {
    id: String,
    /// Per locale (site order): the block's HTML, if the locale has it.
    cells: Vec<Option<String>>,
    /// Every element id inside the row, in any locale.
    ids: BTreeSet<String>,
}

/// One page in every locale, parsed.
struct PageView {
    name: String,
    locales: Vec<String>,
    /// Language names as each locale's page shows them in its switcher.
    language_names: Vec<String>,
    /// Plain-text title in the reference locale.
    title: String,
    rows: Vec<Row>,
}

/// A finding placed on a row of a page.
struct Attributed<'a> {
    finding: usize,
    row: usize,
    /// The element id it concerns (the block or an item in it).
    element: String,
    /// `None`: every locale (a policy finding).
    locale: Option<usize>,
    f: &'a Finding,
}

impl PageView {
    fn new(site: &SiteData, name: &str, parsed: &Parsed) -> PageView {
        let mut view = PageView {
            name: name.to_owned(),
            locales: site.locales.clone(),
            language_names: Vec::new(),
            title: String::new(),
            rows: Vec::new(),
        };
        let page_id = name.trim_end_matches(".html");
        let title_row = format!("page-{page_id}");
        let n = site.locales.len();
        let mut title = Row {
            id: title_row.clone(),
            cells: vec![None; n],
            ids: BTreeSet::from([title_row]),
        };
        let mut rows: Vec<Row> = Vec::new();
        for (i, tag) in site.locales.iter().enumerate() {
            let Some(page) = parsed.get(&format!("{tag}/{name}")) else {
                view.language_names.push(tag.clone());
                continue;
            };
            view.language_names
                .push(page.language.clone().unwrap_or_else(|| tag.clone()));
            if i == 0 {
                view.title = page.title.clone().unwrap_or_else(|| page_id.to_owned());
            }
            title.cells[i] = Some(page.head.clone());
            for (id, html, ids) in &page.blocks {
                let at = match rows.iter().position(|r| &r.id == id) {
                    Some(at) => at,
                    None => {
                        rows.push(Row {
                            id: id.clone(),
                            cells: vec![None; n],
                            ids: BTreeSet::from([id.clone()]),
                        });
                        rows.len() - 1
                    }
                };
                let row = &mut rows[at];
                row.cells[i] = Some(html.clone());
                row.ids.extend(ids.iter().cloned());
            }
        }
        view.rows.push(title);
        view.rows.extend(rows);
        view
    }

    /// The findings that concern a block or item of this page.
    fn attribute<'a>(&self, findings: &'a [Finding]) -> Vec<Attributed<'a>> {
        let mut placed = Vec::new();
        for (index, f) in findings.iter().enumerate() {
            let hit = f.subjects.iter().find_map(|s| {
                self.rows
                    .iter()
                    .position(|r| r.ids.contains(s))
                    .map(|row| (row, s.clone()))
            });
            if let Some((row, element)) = hit {
                let locale = f
                    .locale
                    .as_ref()
                    .and_then(|l| self.locales.iter().position(|x| x == l));
                placed.push(Attributed {
                    finding: index,
                    row,
                    element,
                    locale,
                    f,
                });
            }
        }
        placed
    }

    fn html(
        &self,
        all: &[(PageView, Vec<Attributed>)],
        attributed: &[Attributed],
        findings: &[Finding],
    ) -> String {
        let mut highlight = String::new();
        for a in attributed {
            if !is_css_ident(&a.element) || a.element == self.rows[a.row].id {
                continue;
            }
            let cell = match a.locale {
                Some(i) => format!("td[data-locale=\"{}\"]", self.locales[i]),
                None => "td[data-locale]".to_owned(),
            };
            let _ = writeln!(
                highlight,
                "{cell} [id=\"{}\"] {{ outline: 3px solid var(--pg-{}); outline-offset: 2px; background: var(--pg-{}-bg); }}",
                a.element, a.f.severity, a.f.severity
            );
        }
        let mut html = head(&format!("{} · side by side", self.title), &highlight);
        let (errors, warnings) = count(attributed.iter().map(|a| a.f));
        let _ = write!(
            html,
            "<header class=\"pg-header\"><nav class=\"pg-nav\"><a href=\"index.html\">All pages</a>{}</nav>\
             <h1>{} <span class=\"pg-muted\">side by side</span></h1>\
             <p class=\"pg-status\">{}</p></header>",
            all.iter()
                .map(|(v, _)| {
                    let current = if v.name == self.name {
                        " aria-current=\"page\""
                    } else {
                        ""
                    };
                    format!(
                        " <a href=\"{}\"{current}>{}</a>",
                        esc(&v.name),
                        esc(&v.title)
                    )
                })
                .collect::<String>(),
            esc(&self.title),
            status(errors, warnings, findings.len() - attributed.len()),
        );
        html.push_str("<table class=\"pg-grid\"><colgroup><col class=\"pg-col-id\">");
        for _ in &self.locales {
            html.push_str("<col>");
        }
        html.push_str("</colgroup><thead><tr><th scope=\"col\">id</th>");
        for (tag, name) in self.locales.iter().zip(&self.language_names) {
            let _ = write!(
                html,
                "<th scope=\"col\" lang=\"{tag}\"><a href=\"../{tag}/{}\">{}</a> <code>{tag}</code></th>",
                esc(&self.name),
                esc(name)
            );
        }
        html.push_str("</tr></thead><tbody>");
        for (r, row) in self.rows.iter().enumerate() {
            let _ = write!(
                html,
                "<tr id=\"row-{}\" data-row=\"{}\"><th scope=\"row\"><code>{}</code></th>",
                esc(&row.id),
                esc(&row.id),
                esc(&row.id)
            );
            for (i, (tag, cell)) in self.locales.iter().zip(&row.cells).enumerate() {
                let here: Vec<&Finding> = attributed
                    .iter()
                    .filter(|a| a.row == r && a.locale.is_none_or(|l| l == i))
                    .map(|a| a.f)
                    .collect();
                let class = if here.iter().any(|f| f.is_error()) {
                    " class=\"pg-cell-error\""
                } else if !here.is_empty() {
                    " class=\"pg-cell-warning\""
                } else {
                    ""
                };
                let _ = write!(html, "<td lang=\"{tag}\" data-locale=\"{tag}\"{class}>");
                html.push_str(&findings_list(&here));
                match cell {
                    Some(block) => html.push_str(block),
                    None => html.push_str(
                        "<p class=\"pg-absent\">No element with this id in this locale.</p>",
                    ),
                }
                html.push_str("</td>");
            }
            html.push_str("</tr>");
        }
        html.push_str("</tbody></table></body></html>\n");
        html
    }
}

/// Per page, per locale finding counts for the overview.
struct Summary {
    name: String,
    title: String,
    /// Per locale (site order): errors, warnings.
    counts: Vec<(usize, usize)>,
}

impl Summary {
    fn new(view: &PageView, attributed: &[Attributed], locales: &[String]) -> Summary {
        let counts = (0..locales.len())
            .map(|i| {
                count(
                    attributed
                        .iter()
                        .filter(|a| a.locale.is_none_or(|l| l == i))
                        .map(|a| a.f),
                )
            })
            .collect();
        Summary {
            name: view.name.clone(),
            title: view.title.clone(),
            counts,
        }
    }
}

fn overview(summaries: &[Summary], locales: &[String], findings: &[Finding]) -> String {
    let mut html = head("Side by side · all pages", "");
    let (errors, warnings) = count(findings.iter());
    let _ = write!(
        html,
        "<header class=\"pg-header\"><h1>Side by side <span class=\"pg-muted\">all pages</span></h1><p class=\"pg-status\">{}</p></header>",
        if summaries.is_empty() {
            "No site has been built yet: fix the errors below.".to_owned()
        } else {
            status(errors, warnings, 0)
        }
    );
    if !summaries.is_empty() {
        html.push_str("<table class=\"pg-overview\"><thead><tr><th scope=\"col\">page</th>");
        for tag in locales {
            let _ = write!(html, "<th scope=\"col\"><code>{tag}</code></th>");
        }
        html.push_str("</tr></thead><tbody>");
        for s in summaries {
            let _ = write!(
                html,
                "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th>",
                esc(&s.name),
                esc(&s.title)
            );
            for (e, w) in &s.counts {
                let text = match (e, w) {
                    (0, 0) => "✓".to_owned(),
                    (e, w) => format!("{e} error(s), {w} warning(s)"),
                };
                let class = if *e > 0 {
                    "pg-error-text"
                } else if *w > 0 {
                    "pg-warning-text"
                } else {
                    "pg-ok-text"
                };
                let _ = write!(html, "<td class=\"{class}\">{text}</td>");
            }
            html.push_str("</tr>");
        }
        html.push_str("</tbody></table>");
    }
    html.push_str("<h2>Findings not tied to a block</h2>");
    if summaries.is_empty() {
        html.push_str(&or_none(findings_list(
            &findings.iter().collect::<Vec<_>>(),
        )));
    } else {
        html.push_str("<!--unplaced-->");
    }
    html.push_str("</body></html>\n");
    html
}

fn head(title: &str, extra_style: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"stylesheet\" href=\"../assets/style.css\">\n<style>\n{STYLE}\n{extra_style}</style>\n</head>\n<body class=\"pg-preview\">\n",
        esc(title)
    )
}

fn status(errors: usize, warnings: usize, elsewhere: usize) -> String {
    let mut s = if errors + warnings == 0 {
        "No finding on this page.".to_owned()
    } else {
        format!("{errors} error(s), {warnings} warning(s).")
    };
    if elsewhere > 0 {
        let _ = write!(
            s,
            " {elsewhere} other finding(s) on other pages or tied to no block: see <a href=\"index.html\">all pages</a>."
        );
    }
    s
}

fn count<'a>(findings: impl Iterator<Item = &'a Finding>) -> (usize, usize) {
    findings.fold(
        (0, 0),
        |(e, w), f| {
            if f.is_error() { (e + 1, w) } else { (e, w + 1) }
        },
    )
}

fn findings_list(findings: &[&Finding]) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let mut html = String::from("<ul class=\"pg-findings\">");
    for f in findings {
        let _ = write!(
            html,
            "<li class=\"pg-{}\" data-code=\"{}\"><span class=\"pg-code\">{} {}</span> {}",
            f.severity,
            f.code,
            f.severity,
            f.code,
            esc(&f.message)
        );
        if let Some(p) = &f.position {
            let _ = write!(html, " <span class=\"pg-where\">{}</span>", esc(p));
        }
        if let Some(change) = &f.change {
            html.push_str(&change_html(change));
        }
        if let Some(h) = &f.help {
            let _ = write!(html, "<div class=\"pg-help\">help: {}</div>", esc(h));
        }
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    html
}

/// The reference text then (its removed words struck) and now (its added words marked).
fn change_html(change: &super::build::Change) -> String {
    let side = |kind: &str, tag: &str| -> String {
        change
            .words
            .iter()
            .filter(|w| w.change == "same" || w.change == kind)
            .map(|w| match w.change {
                "same" => esc(&w.text),
                _ => format!("<{tag}>{}</{tag}>", esc(&w.text)),
            })
            .collect()
    };
    let then = match change.before_known {
        true => side("removed", "del"),
        false => "<em>not recorded</em>".to_owned(),
    };
    format!(
        "<div class=\"pg-change\"><div class=\"pg-then\">then: {then}</div><div class=\"pg-now\">now: {}</div></div>",
        side("added", "ins")
    )
}

fn or_none(list: String) -> String {
    if list.is_empty() {
        "<p>None.</p>".to_owned()
    } else {
        list
    }
}

fn plain_text(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_css_ident(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

pub use crate::render::markdown::escape_html as esc;

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Bytes;

    fn page(lang: &str, sections: &[(&str, &str)]) -> Bytes {
        let mut html = format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><body><nav><a hreflang=\"{lang}\">{lang}-name</a></nav><h1>Title {lang}</h1>"
        );
        for (id, text) in sections {
            html.push_str(&format!(
                "<section id=\"{id}\"><p>{text}</p><ul><li id=\"{id}-item\">item</li></ul></section>"
            ));
        }
        html.push_str("</body></html>");
        Bytes::from(html)
    }

    fn finding(code: &'static str, severity: &'static str, locale: &str, subject: &str) -> Finding {
        Finding {
            severity,
            code,
            message: format!("`{subject}` <b>in</b> `{locale}`"),
            file: None,
            line: None,
            column: None,
            position: Some(format!("locales/{locale}/x.ftl:3:1")),
            help: Some("fix it".into()),
            rendered: String::new(),
            snippet: String::new(),
            locale: Some(locale.into()),
            subjects: vec![subject.into()],
            change: None,
        }
    }

    #[test]
    fn blocks_line_up_by_id_and_findings_land_on_their_cell() {
        let mut site = SiteData {
            locales: vec!["en".into(), "fr".into()],
            ..SiteData::default()
        };
        site.files.insert(
            "en/p.html".into(),
            page("en", &[("a", "A en"), ("b", "B en")]),
        );
        // French has the blocks in another order and one extra.
        site.files.insert(
            "fr/p.html".into(),
            page("fr", &[("b", "B fr"), ("extra", "X fr"), ("a", "A fr")]),
        );
        let findings = vec![
            finding("PG0511", "warning", "fr", "b-item"),
            finding("PG0101", "error", "en", "elsewhere"),
        ];
        let (out, _) = render(Some(&site), &findings, &Parsed::default());
        let doc = Html::parse_document(std::str::from_utf8(&out["p.html"]).unwrap());
        let rows: Vec<_> = doc
            .select(&selector("tr[data-row]"))
            .map(|r| r.value().attr("data-row").unwrap().to_owned())
            .collect();
        assert_eq!(rows, ["page-p", "a", "b", "extra"]);
        let cell = |row: &str, tag: &str| {
            let css = format!("tr[data-row=\"{row}\"] td[data-locale=\"{tag}\"]");
            doc.select(&selector(&css)).next().unwrap()
        };
        assert!(plain_text(cell("a", "fr")).contains("A fr"));
        assert!(plain_text(cell("b", "en")).contains("B en"));
        assert!(plain_text(cell("extra", "en")).contains("No element with this id"));
        let flagged = cell("b", "fr");
        assert_eq!(flagged.value().attr("class"), Some("pg-cell-warning"));
        assert!(plain_text(flagged).contains("PG0511 `b-item` <b>in</b> `fr`"));
        assert!(cell("b", "en").value().attr("class").is_none());
        assert!(
            doc.html()
                .contains("td[data-locale=\"fr\"] [id=\"b-item\"] { outline")
        );
        let index = String::from_utf8(out["index.html"].clone()).unwrap();
        assert!(index.contains("PG0101"), "unplaced findings are listed");
        assert!(
            !index.contains("PG0511"),
            "placed findings are on their page"
        );
        assert!(index.contains("<a href=\"p.html\">Title en</a>"), "{index}");
    }
}
