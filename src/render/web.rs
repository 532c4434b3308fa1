//! What browsers, search engines and machines expect besides pages: canonical and hreflang
//! links, `sitemap.xml`, `robots.txt` and `policy.json`.

use std::path::PathBuf;

use serde::Serialize;
use tera::Context;

use crate::diag::Diagnostics;
use crate::policy::{Policy, Version};

/// Absolute (with a base URL) or root-relative URLs of the site's pages.
pub struct Urls {
    base: String,
    absolute: bool,
    tags: Vec<String>,
}

#[derive(Serialize)]
struct Alternate {
    hreflang: String,
    href: String,
}

impl Urls {
    pub fn new(base_url: Option<&str>, tags: Vec<String>) -> Urls {
        let base = base_url.map_or_else(
            || "/".to_owned(),
            |b| format!("{}/", b.trim_end_matches('/')),
        );
        Urls {
            absolute: base_url.is_some(),
            base,
            tags,
        }
    }

    /// The URL of `path` (relative to the site root).
    pub fn url(&self, path: &str) -> String {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        format!("{}{path}", self.base)
    }

    /// The URL of the same page in every locale, plus `x-default` (the language picker).
    fn alternates(&self, file: &str) -> Vec<Alternate> {
        self.tags
            .iter()
            .map(|t| Alternate {
                hreflang: t.clone(),
                href: self.url(&format!("{t}/{file}")),
            })
            .chain(std::iter::once(Alternate {
                hreflang: "x-default".into(),
                href: self.url(""),
            }))
            .collect()
    }

    /// A template context for a page of `lang` at `file` (`root` is the way back to the
    /// site root: "../" from a locale folder, "" from the root).
    pub fn context(&self, lang: &str, root: &str, file: &str) -> Context {
        let mut context = Context::new();
        context.insert("lang", lang);
        context.insert("root", root);
        // For pages served at any path (404): links that work from everywhere.
        context.insert("base", &self.base);
        let own = if root.is_empty() {
            file.to_owned()
        } else {
            format!("{lang}/{file}")
        };
        context.insert("canonical", &self.url(&own));
        let alternates_of = if root.is_empty() { "index.html" } else { file };
        context.insert("alternates", &self.alternates(alternates_of));
        context
    }
}

#[derive(Serialize)]
struct PolicyDocument<'a> {
    schema: &'static str,
    /// Id of the version in force on the build date.
    in_force: &'a str,
    policy: &'a Policy,
}

/// `policy.json`, `robots.txt` and (with a base URL) `sitemap.xml`.
pub fn machine_files(
    policy: &Policy,
    version: &Version,
    urls: &Urls,
    first_pages: &[PathBuf],
) -> Result<Vec<(PathBuf, Vec<u8>)>, Diagnostics> {
    let mut out = Vec::new();
    let document = PolicyDocument {
        schema: "policyglot-policy/1",
        in_force: version.id.as_str(),
        policy,
    };
    let json = serde_json::to_string_pretty(&document).expect("the policy serializes") + "\n";
    out.push(("policy.json".into(), json.into_bytes()));

    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if urls.absolute {
        robots.push_str(&format!("Sitemap: {}\n", urls.url("sitemap.xml")));
        out.push((
            "sitemap.xml".into(),
            sitemap(urls, first_pages).into_bytes(),
        ));
    }
    out.push(("robots.txt".into(), robots.into_bytes()));
    Ok(out)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Every page of every locale with its alternates (sitemaps.org + Google's xhtml:link),
/// from the first locale's files (`first_pages`, relative to its folder, in path order).
fn sitemap(urls: &Urls, first_pages: &[PathBuf]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let files: Vec<String> = first_pages
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|f| f.ends_with(".html") && f != "404.html")
        .collect();
    for file in &files {
        for tag in &urls.tags {
            xml.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                xml_escape(&urls.url(&format!("{tag}/{file}")))
            ));
            for alt in urls.alternates(file) {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    alt.hreflang,
                    xml_escape(&alt.href)
                ));
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}
