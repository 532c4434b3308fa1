//! What the preview serves at one moment, as one immutable snapshot: the last good site
//! (with the live-reload script injected into its pages), the side-by-side pages, the
//! current findings and the state event sent to open pages. A rebuild makes a new
//! snapshot and swaps it in whole, so a request never sees half of two builds.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::check::Analysis;
use crate::diag::Diagnostic;

pub use super::build::{Finding, SiteData};
use super::side_by_side;

/// Prefix of every preview-only URL; no site file can live there (locale folders are
/// BCP 47 tags and assets live under `assets/`).
pub const PREVIEW: &str = "_preview";

/// A file as served: bytes and Content-Type.
#[derive(Debug, Clone)]
pub struct Served {
    pub bytes: Bytes,
    pub content_type: String,
}

/// Everything the preview serves at one moment.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Bumped by every rebuild that changed something.
    pub generation: u64,
    /// The last good site, as built (`None` until a build succeeds).
    pub site: Option<Arc<SiteData>>,
    /// Served files by key: the site (pages with the live script) and the preview pages.
    pub files: BTreeMap<String, Served>,
    /// The same files as built (no live script).
    raw: BTreeMap<String, Bytes>,
    /// The site's pages as the side-by-side view parsed them.
    parsed: side_by_side::Parsed,
    /// Content hash of each page (site and preview HTML, before injection).
    pub pages: BTreeMap<String, String>,
    /// One hash over every non-HTML file (a stylesheet change reloads every page).
    pub assets: String,
    /// Current findings, errors first.
    pub findings: Vec<Finding>,
    /// Whether the site served is the latest run's, errors or not (the preview renders
    /// despite missing translations of facts); false when it is the last good one.
    pub rebuilt: bool,
    /// The `state` event (JSON) open pages receive.
    pub event: String,
}

#[derive(Serialize)]
struct StateEvent<'a> {
    generation: u64,
    /// Whether a site has been built at all.
    built: bool,
    /// Whether the site is the latest run's (see `Snapshot::rebuilt`).
    rebuilt: bool,
    errors: Vec<&'a Finding>,
    warnings: usize,
    pages: &'a BTreeMap<String, String>,
    assets: &'a str,
}

/// What a rebuild changed, for the terminal.
#[derive(Debug, Default)]
pub struct Change {
    /// Site files added, removed or changed (keys).
    pub files: Vec<String>,
    /// The findings differ from the previous snapshot's.
    pub findings: bool,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && !self.findings
    }
}

/// The outcome of one `check::run`.
pub enum Outcome {
    Ran(Analysis),
    /// The checks could not run (no policy file, no locales folder).
    CouldNotRun(Diagnostic),
}

impl Snapshot {
    /// The snapshot after a rebuild: a new site when the build passed, else the previous
    /// one with the new findings; `None` when nothing changed.
    pub fn next(&self, outcome: Outcome) -> (Option<Snapshot>, Change) {
        let (site, diagnostics) = match outcome {
            Outcome::Ran(analysis) => (
                analysis.site.map(|s| Arc::new(SiteData::from_site(s))),
                analysis.findings,
            ),
            Outcome::CouldNotRun(d) => (None, vec![d]),
        };
        let rebuilt = site.is_some();
        let site = site.or_else(|| self.site.clone());
        let locales = site.as_ref().map(|s| s.locales.clone()).unwrap_or_default();
        let findings: Vec<Finding> = diagnostics
            .iter()
            .map(|d| Finding::new(d, &locales))
            .collect();
        let change = Change {
            files: changed_files(self.site.as_deref(), site.as_deref()),
            findings: findings != self.findings,
        };
        if change.is_empty() && self.generation > 0 {
            return (None, change);
        }
        (
            Some(self.assemble(self.generation + 1, site, findings, rebuilt)),
            change,
        )
    }

    /// The snapshot serving `site` with `findings`. Files whose bytes are the same as in
    /// `self` keep their hash, injected copy and parsed form: a rebuild pays only for
    /// what it changed.
    fn assemble(
        &self,
        generation: u64,
        site: Option<Arc<SiteData>>,
        findings: Vec<Finding>,
        rebuilt: bool,
    ) -> Snapshot {
        let mut raw: BTreeMap<String, Bytes> = BTreeMap::new();
        if let Some(site) = &site {
            raw.extend(site.files.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let (preview, parsed) = side_by_side::render(site.as_deref(), &findings, &self.parsed);
        for (key, html) in preview {
            raw.insert(format!("{PREVIEW}/{key}"), Bytes::from(html));
        }
        let unchanged = |key: &str, bytes: &Bytes| self.raw.get(key) == Some(bytes);
        let mut pages = BTreeMap::new();
        let mut assets = Sha256::new();
        for (key, bytes) in &raw {
            if !is_html(key) {
                assets.update(key.as_bytes());
                assets.update(bytes);
            } else if let Some(known) = self.pages.get(key).filter(|_| unchanged(key, bytes)) {
                pages.insert(key.clone(), known.clone());
            } else {
                pages.insert(key.clone(), hash(bytes));
            }
        }
        let assets = hex(&assets.finalize()[..8]);
        let files = raw
            .iter()
            .map(|(key, bytes)| {
                let content_type = content_type(key);
                let served = if !is_html(key) {
                    Served {
                        bytes: bytes.clone(),
                        content_type,
                    }
                } else if let Some(known) = self
                    .files
                    .get(key)
                    .filter(|_| assets == self.assets && unchanged(key, bytes))
                {
                    known.clone()
                } else {
                    let tag = live_script(key, &pages[key], &assets, &side_by_side_link(key));
                    Served {
                        bytes: inject(bytes, &tag),
                        content_type,
                    }
                };
                (key.clone(), served)
            })
            .collect();
        let mut snapshot = Snapshot {
            generation,
            site,
            files,
            raw,
            parsed,
            pages,
            assets,
            findings,
            rebuilt,
            event: String::new(),
        };
        snapshot.event = serde_json::to_string(&StateEvent {
            generation,
            built: snapshot.site.is_some(),
            rebuilt: snapshot.rebuilt,
            errors: snapshot.errors().collect(),
            warnings: snapshot.findings.len() - snapshot.errors().count(),
            pages: &snapshot.pages,
            assets: &snapshot.assets,
        })
        .expect("plain data serializes");
        snapshot
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }

    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == "warning")
            .count()
    }

    /// The live-reload script tag for a page the site does not have (404, 503), so that
    /// it reloads once the page exists.
    pub fn live_script_for_missing(&self, key: &str) -> String {
        live_script(key, "", &self.assets, &format!("/{PREVIEW}/index.html"))
    }
}

fn changed_files(old: Option<&SiteData>, new: Option<&SiteData>) -> Vec<String> {
    let empty = BTreeMap::new();
    let old = old.map_or(&empty, |s| &s.files);
    let new = new.map_or(&empty, |s| &s.files);
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(k, v)| old.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    changed.extend(old.keys().filter(|k| !new.contains_key(*k)).cloned());
    changed.sort();
    changed
}

pub fn is_html(key: &str) -> bool {
    key.ends_with(".html")
}

fn hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Content-Type by extension; text types are UTF-8.
pub fn content_type(key: &str) -> String {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let essence = mime.essence_str();
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(
            essence,
            "application/javascript" | "application/json" | "image/svg+xml"
        );
    if text {
        format!("{essence}; charset=utf-8")
    } else {
        essence.to_owned()
    }
}

/// Where a page's "side by side" link goes.
pub fn side_by_side_link(key: &str) -> String {
    let page = key.rsplit('/').next().unwrap_or(key);
    let in_locale = key.split('/').count() == 2 && !key.starts_with(PREVIEW);
    if in_locale && page != "index.html" {
        format!("/{PREVIEW}/{page}")
    } else {
        format!("/{PREVIEW}/index.html")
    }
}

fn attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The tag that makes a page live: it reloads when its hash changes and shows errors.
/// It depends only on the page and the assets, so an unchanged page is served with the
/// same bytes by every snapshot.
fn live_script(key: &str, hash: &str, assets: &str, side_by_side: &str) -> String {
    format!(
        "<script src=\"/{PREVIEW}/live.js\" data-page=\"{}\" data-hash=\"{}\" data-assets=\"{}\" data-side-by-side=\"{}\"></script>",
        attr(key),
        attr(hash),
        attr(assets),
        attr(side_by_side),
    )
}

/// Inserts `tag` before the last `</body>` (or at the end when there is none).
pub fn inject(html: &[u8], tag: &str) -> Bytes {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len() + 1);
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&html[at..]);
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let out = inject(b"<html><body><p>x</p></BODY></html>", "<script></script>");
        assert_eq!(
            std::str::from_utf8(&out).unwrap(),
            "<html><body><p>x</p><script></script>\n</BODY></html>"
        );
        let out = inject(b"<p>fragment</p>", "<s>");
        assert_eq!(std::str::from_utf8(&out).unwrap(), "<p>fragment</p><s>\n");
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("fr/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("assets/style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("assets/logo.svg"),
            "image/svg+xml; charset=utf-8"
        );
        assert_eq!(content_type("assets/logo.png"), "image/png");
        assert_eq!(content_type("assets/font.woff2"), "font/woff2");
        assert_eq!(content_type("assets/blob"), "application/octet-stream");
    }

    #[test]
    fn a_finding_names_its_locale_and_message() {
        let ftl = "# comment\nretention-feedback = Kept { $period }.\n    .title = Feedback\n";
        let file = SourceFile::new("locales/en/retention.ftl", ftl);
        let at_attribute = ftl.find(".title").unwrap();
        let d = Diagnostic::error("PG0501", "message `retention-feedback` is missing in `de`")
            .at(file.span(at_attribute..at_attribute + 6), "here")
            .help("fix it");
        let locales = ["en".to_owned(), "de".to_owned(), "fr".to_owned()];
        let f = Finding::new(&d, &locales);
        assert_eq!(f.locale.as_deref(), Some("de"));
        assert_eq!(f.subjects, ["retention-feedback"]);
        assert_eq!(f.position.as_deref(), Some("locales/en/retention.ftl:3:5"));
        assert!(f.rendered.starts_with("error[PG0501]"), "{}", f.rendered);
        assert!(f.rendered.contains("help: fix"), "{}", f.rendered);
        assert!(
            f.snippet.starts_with(" --> locales/en/retention.ftl:3:5"),
            "{}",
            f.snippet
        );
        assert!(
            f.snippet.contains("3 |     .title = Feedback"),
            "{}",
            f.snippet
        );
        assert!(!f.snippet.contains("help"), "{}", f.snippet);

        let d = Diagnostic::warning("PG0511", "`page-dates.title` is stale").at(
            SourceFile::new("locales/fr/site.ftl", "page-dates = x\n").span(0..4),
            "",
        );
        let f = Finding::new(&d, &locales);
        assert_eq!(f.locale.as_deref(), Some("fr"));
        assert_eq!(f.subjects, ["page-dates"]);
    }

    fn site(files: &[(&str, &str)]) -> Outcome {
        let site = crate::render::Site {
            files: files
                .iter()
                .map(|(k, v)| (k.into(), v.as_bytes().to_vec()))
                .collect(),
            pages_per_locale: files.len(),
            locales: vec!["en".into()],
        };
        Outcome::Ran(Analysis {
            site: Some(site),
            ..Analysis::default()
        })
    }

    #[test]
    fn a_rebuild_reuses_what_it_did_not_change() {
        let page = |body: &str| format!("<html><body><h1>{body}</h1></body></html>");
        let (first, _) = Snapshot::default().next(site(&[
            ("en/a.html", &page("A")),
            ("en/b.html", &page("B")),
            ("assets/style.css", "p {}"),
        ]));
        let first = first.unwrap();
        let (second, change) = first.next(site(&[
            ("en/a.html", &page("A")),
            ("en/b.html", &page("B, edited")),
            ("assets/style.css", "p {}"),
        ]));
        let second = second.unwrap();
        assert_eq!(change.files, ["en/b.html"]);
        let served = |s: &Snapshot, k: &str| s.files[k].bytes.clone();
        // The unchanged page is the very same buffer, not an equal copy.
        assert_eq!(
            served(&first, "en/a.html").as_ptr(),
            served(&second, "en/a.html").as_ptr()
        );
        assert_eq!(first.pages["en/a.html"], second.pages["en/a.html"]);
        assert_ne!(first.pages["en/b.html"], second.pages["en/b.html"]);
        assert!(String::from_utf8_lossy(&served(&second, "_preview/b.html")).contains("B, edited"));

        // A stylesheet change reaches every page's live script (to reload it).
        let (third, _) = second.next(site(&[
            ("en/a.html", &page("A")),
            ("en/b.html", &page("B, edited")),
            ("assets/style.css", "p { color: red }"),
        ]));
        let third = third.unwrap();
        assert_ne!(third.assets, second.assets);
        let a = String::from_utf8_lossy(&third.files["en/a.html"].bytes).into_owned();
        assert!(
            a.contains(&format!("data-assets=\"{}\"", third.assets)),
            "{a}"
        );
    }

    #[test]
    fn side_by_side_links() {
        assert_eq!(
            side_by_side_link("fr/data-retention.html"),
            "/_preview/data-retention.html"
        );
        assert_eq!(side_by_side_link("fr/index.html"), "/_preview/index.html");
        assert_eq!(side_by_side_link("index.html"), "/_preview/index.html");
        assert_eq!(
            side_by_side_link("_preview/data-retention.html"),
            "/_preview/index.html"
        );
    }
}
