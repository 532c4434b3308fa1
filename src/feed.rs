//! An Atom feed per locale (`feeds/<lang>.xml`, beside the locale folders, which hold
//! pages only) of the policy's versions: one entry per "what changed" page, in the
//! locale's language (titles taken from the rendered pages), so readers and journalists
//! can follow changes. Each locale's index links to it (`<link rel="alternate"
//! type="application/atom+xml">`, in `templates/index.html`).

use std::path::{Path, PathBuf};

use scraper::Html;

use crate::policy::{Date, Policy};
use crate::render::Site;

/// The folder of the feeds, at the site root.
pub const FOLDER: &str = "feeds";

/// Adds `feeds/<lang>.xml` to `site` for each of its locales. `base_url` (the site's
/// absolute address, when known) makes the ids and links absolute; without it links are
/// relative to the feed and ids are `tag:` URIs.
pub fn add_feeds(site: &mut Site, policy: &Policy, base_url: Option<&str>) {
    let feeds: Vec<(PathBuf, Vec<u8>)> = site
        .locales
        .iter()
        .map(|lang| {
            let xml = feed(site, policy, lang, base_url);
            (
                Path::new(FOLDER).join(format!("{lang}.xml")),
                xml.into_bytes(),
            )
        })
        .collect();
    site.files.extend(feeds);
}

/// One entry per version that has a "what changed" page (every version but the first).
fn feed(site: &Site, policy: &Policy, lang: &str, base_url: Option<&str>) -> String {
    // The site root: absolute, or relative to the feed (`feeds/<lang>.xml`).
    let root = base_url.map_or_else(
        || "../".to_owned(),
        |b| format!("{}/", b.trim_end_matches('/')),
    );
    let id = |path: &str| match (base_url, &policy.site_id) {
        (Some(_), _) => format!("{root}{path}"),
        // The site's own id (`init` writes one), the path inside it as a fragment (a
        // `urn:uuid:` takes no path).
        (None, Some(site)) => format!("{site}#{path}"),
        // A policy without one: its first version names it for as long as it exists.
        (None, None) => format!(
            "tag:policyglot,2025:{}/{path}",
            policy.versions[0].id.as_str()
        ),
    };
    let html = |file: &str| {
        site.files
            .get(&Path::new(lang).join(file))
            .map(|b| String::from_utf8_lossy(b).into_owned())
    };
    let title = html("index.html")
        .and_then(|page| text_of(&page, "<title>", "</title>"))
        .unwrap_or_else(|| policy.versions[0].id.to_string());
    let mut entries = Vec::new();
    for version in policy.versions.iter().skip(1) {
        let file = format!("changes-{}.html", version.id.as_str());
        let Some(page) = html(&file) else { continue };
        let heading = text_of(&page, "<h1>", "</h1>").unwrap_or_else(|| version.id.to_string());
        let day = version.shown_date();
        let path = format!("{lang}/{file}");
        entries.push((
            day,
            format!(
                "<entry>\n<id>{}</id>\n<title>{}</title>\n<updated>{}</updated>\n\
                 <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{}\"/>\n</entry>\n",
                esc(&id(&path)),
                esc(&heading),
                timestamp(day),
                esc(&format!("{root}{path}")),
            ),
        ));
    }
    let updated = entries.iter().filter_map(|(d, _)| *d).max();
    let own = format!("{FOLDER}/{lang}.xml");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<id>{}</id>\n\
         <title>{}</title>\n<updated>{}</updated>\n<author><name>{}</name></author>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&id(&own)),
        esc(&title),
        timestamp(updated),
        // The policy names no author field of its own: the help center, as titled.
        esc(&title),
        esc(&format!("{root}{own}")),
        esc(&format!("{root}{lang}/index.html")),
    );
    // Newest first, as feed readers expect.
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (_, entry) in entries {
        xml.push_str(&entry);
    }
    xml.push_str("</feed>\n");
    xml
}

/// The text between the first `open` and the next `close` of a page, as a reader reads
/// it (entities decoded, markup dropped, line breaks and runs of spaces collapsed):
/// feeds carry plain text, escaped once. Only that fragment is parsed, not the page.
fn text_of(page: &str, open: &str, close: &str) -> Option<String> {
    let start = page.find(open)? + open.len();
    let end = page[start..].find(close)? + start;
    let fragment = Html::parse_fragment(&page[start..end]);
    let text: String = fragment.root_element().text().collect();
    // ASCII white space only: the no-break spaces of French and German typography stay.
    let text = text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

/// An Atom date (RFC 3339) for a day; the Unix epoch when none is known.
fn timestamp(day: Option<Date>) -> String {
    match day {
        Some(d) => format!("{d}T00:00:00Z"),
        None => "1970-01-01T00:00:00Z".to_owned(),
    }
}

/// XML-escapes text: titles and names are plain text (Atom's default `type="text"`).
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
