//! An Atom feed per locale (`feeds/<lang>.xml`, beside the locale folders, which hold
//! pages only) of the policy's versions: one entry per "what changed" page, in the
//! locale's language (titles taken from the rendered pages), so readers and journalists
//! can follow changes. Each locale's index links to it (`<link rel="alternate"
//! type="application/atom+xml">`, in `templates/index.html`).
//!
//! Each entry's summary says what changed, as its page does: the page's introduction
//! (`.lede`) and each group of changes it lists (its heading, or the changed text of a
//! group without one), in plain text. A version announced ahead is an entry from the day
//! it was announced, marked so (`<category term="announced">`), updated on the day it
//! takes effect: never dated in the future, where feed readers would pin it on top (or
//! hide it) until that day. One with no announcement day, or announced after the build
//! day, is left out until the day it takes effect (or is announced).

use std::path::{Path, PathBuf};

use scraper::Html;

use crate::policy::{Date, Policy};
use crate::render::Site;

/// The folder of the feeds, at the site root.
pub const FOLDER: &str = "feeds";

/// Adds `feeds/<lang>.xml` to `site` for each of its locales. `base_url` (the site's
/// absolute address, when known) makes the ids and links absolute; without it links are
/// relative to the feed and ids are `tag:` URIs.
/// `today` is the build day: a version in force from a later day is announced.
pub fn add_feeds(site: &mut Site, policy: &Policy, base_url: Option<&str>, today: Date) {
    let feeds: Vec<(PathBuf, Vec<u8>)> = site
        .locales
        .iter()
        .map(|lang| {
            let xml = feed(site, policy, lang, base_url, today);
            (
                Path::new(FOLDER).join(format!("{lang}.xml")),
                xml.into_bytes(),
            )
        })
        .collect();
    site.files.extend(feeds);
}

/// One entry per version that has a "what changed" page (every version but the first).
fn feed(site: &Site, policy: &Policy, lang: &str, base_url: Option<&str>, today: Date) -> String {
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
        let upcoming = version.effective.is_some_and(|effective| effective > today);
        // Announced ahead: dated by its announcement, or left out until its day.
        let day = match upcoming {
            true => match version.announced.filter(|a| *a <= today) {
                Some(announced) => Some(announced),
                None => continue,
            },
            false => version.shown_date(),
        };
        let path = format!("{lang}/{file}");
        let mut entry = format!(
            "<entry>\n<id>{}</id>\n<title>{}</title>\n<updated>{}</updated>\n",
            esc(&id(&path)),
            esc(&heading),
            timestamp(day),
        );
        if let Some(announced) = version.announced.filter(|a| Some(*a) <= day) {
            entry.push_str(&format!(
                "<published>{}</published>\n",
                timestamp(Some(announced))
            ));
        }
        if upcoming {
            entry.push_str("<category term=\"announced\"/>\n");
        }
        if let Some(summary) = summary_of(&page) {
            entry.push_str(&format!(
                "<summary type=\"text\">{}</summary>\n",
                esc(&summary)
            ));
        }
        entry.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{}\"/>\n</entry>\n",
            esc(&format!("{root}{path}")),
        ));
        entries.push((day, entry));
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
    let text = collapse(&fragment.root_element().text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

/// What a "what changed" page says changed, as plain text: its introduction, then each
/// group of changes (its heading, or, for a group without one, each change's new text,
/// else its old), one line each. `None` when the page has no introduction (a project's
/// own template without `.lede`).
fn summary_of(page: &str) -> Option<String> {
    let start = page.find("<article")?;
    let end = page[start..].find("</article>")? + start;
    let article = Html::parse_fragment(&page[start..end]);
    let select = |css: &str| scraper::Selector::parse(css).expect("a valid selector");
    let plain = |e: scraper::ElementRef| {
        let text: String = e.text().collect();
        collapse(&text)
    };
    let intro = article.select(&select(".lede")).next().map(plain)?;
    let mut lines = vec![intro];
    for group in article.select(&select(".change-group")) {
        match group.select(&select("h2")).next() {
            Some(heading) => lines.push(plain(heading)),
            None => {
                for change in group.select(&select(".change")) {
                    let side = change
                        .select(&select(".after"))
                        .next()
                        .or_else(|| change.select(&select(".before")).next());
                    // The side's text without its label ("With the update").
                    let text = side.map(|side| {
                        let label = side.select(&select(".change-label")).next().map(plain);
                        let all = plain(side);
                        match label {
                            Some(label) => {
                                all.strip_prefix(&label).unwrap_or(&all).trim().to_owned()
                            }
                            None => all,
                        }
                    });
                    lines.extend(text.filter(|t| !t.is_empty()));
                }
            }
        }
    }
    lines.retain(|l| !l.is_empty());
    Some(lines.join("\n"))
}

/// Text with runs of ASCII white space as one space (the no-break spaces of French and
/// German typography stay).
fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
