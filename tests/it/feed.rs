//! The Atom feed of each locale, read by a real feed parser (Python's feedparser, which
//! `scripts/test` installs): one entry per "what changed" page, in the locale's language,
//! linked from the locale's index; absolute links with a base URL.

use std::process::Command;

use serde_json::Value;

use crate::support::Sandbox;

/// The feed at `path` as feedparser reads it: bozo flag, version, title, entries.
fn parse(path: &std::path::Path) -> Value {
    let script = "import feedparser, json, sys\n\
                  d = feedparser.parse(sys.argv[1])\n\
                  print(json.dumps({'bozo': bool(d.bozo), 'error': str(d.get('bozo_exception', '')), 'version': d.version, \
                  'title': d.feed.get('title'), 'language': d.feed.get('language'), \
                  'entries': [{'title': e.title, 'link': e.link, 'id': e.id, 'updated': e.updated, \
                  'published': e.get('published'), 'summary': e.get('summary'), \
                  'tags': [t.term for t in e.get('tags', [])]} for e in d.entries]}))";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "feed tests need Python's feedparser (`pip install feedparser`; scripts/test installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn each_locale_has_a_valid_atom_feed_of_its_changes_pages() {
    let sandbox = Sandbox::real();
    let site = sandbox.build_ok();
    for (locale, title) in [
        ("en", "What the update announced on August 28, 2025 changes"),
        (
            "fr",
            "Ce que change la mise à jour annoncée le 28\u{a0}août\u{a0}2025",
        ),
        (
            "de",
            "Was sich mit der am 28.\u{a0}August\u{a0}2025 angekündigten Aktualisierung ändert",
        ),
    ] {
        let feed = parse(&sandbox.path(&format!("site/feeds/{locale}.xml")));
        assert_eq!(feed["bozo"], false, "{locale}: {feed}");
        assert_eq!(feed["version"], "atom10", "{locale}");
        assert_eq!(feed["language"], locale);
        // One entry per "what changed" page of the locale.
        let changes: Vec<String> = site
            .pages_of(locale)
            .into_iter()
            .filter(|p| p.starts_with("changes-"))
            .collect();
        let entries = feed["entries"].as_array().unwrap();
        assert_eq!(entries.len(), changes.len(), "{locale}: {feed}");
        assert!(!entries.is_empty());
        let entry = &entries[0];
        assert_eq!(entry["title"], title, "{locale}: in its language");
        assert_eq!(entry["updated"], "2025-08-28T00:00:00Z");
        let link = entry["link"].as_str().unwrap();
        assert!(
            changes.iter().any(|c| format!("../{locale}/{c}") == link),
            "{locale}: {link} is a changes page: {changes:?}"
        );
        // The index says where the feed is.
        let index = site.html(&format!("{locale}/index.html"));
        assert_eq!(
            index
                .attr("link[rel=alternate][type=\"application/atom+xml\"]", "href")
                .as_deref(),
            Some(format!("../feeds/{locale}.xml").as_str())
        );
    }

    // With a base URL, ids and links are absolute.
    let run = sandbox.run(&["build", "--base-url", "https://help.example.com/privacy/"]);
    assert!(run.success, "{}", run.stderr);
    let feed = parse(&sandbox.path("site/feeds/fr.xml"));
    assert_eq!(feed["bozo"], false, "{feed}");
    let entry = &feed["entries"][0];
    assert_eq!(
        entry["link"],
        "https://help.example.com/privacy/fr/changes-consumer-terms-2025.html"
    );
    assert_eq!(entry["id"], entry["link"]);
}

/// Names and titles are plain text, escaped once: feed readers show `R&D <Labs>` as
/// written, not `R&amp;D` or markup.
#[test]
fn an_organization_named_with_markup_characters_reads_as_written() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "{ id: product, name: Claude }",
        "{ id: product, name: \"R&D <Labs>\" }",
    );
    let site = sandbox.build_ok();
    let title = site.html("en/index.html").text_of_css("title").unwrap();
    assert!(title.contains("R&D <Labs> Help Center"), "{title}");
    let xml = sandbox.read("site/feeds/en.xml");
    assert!(!xml.contains("&amp;amp;"), "escaped twice: {xml}");
    let feed = parse(&sandbox.path("site/feeds/en.xml"));
    assert_eq!(feed["bozo"], false, "{feed}");
    assert!(
        feed["title"]
            .as_str()
            .unwrap()
            .contains("R&D <Labs> Help Center"),
        "{feed}"
    );
}

/// Without a base URL, each site's feeds carry its own id (`site_id`, which `init`
/// writes): two new projects never share one; a `site_id` that is no URI is an error
/// at its line.
#[test]
fn two_new_projects_have_different_feed_ids_and_a_bad_site_id_is_located() {
    let ids: Vec<String> = (0..2)
        .map(|_| {
            let dir = tempfile::tempdir().unwrap();
            let init = crate::support::run_in(dir.path(), &["init", "--today", "2026-03-01"]);
            assert!(init.success, "{}", init.stderr);
            let policy = std::fs::read_to_string(dir.path().join("policy/policy.yaml")).unwrap();
            assert!(policy.contains("\nsite_id: urn:uuid:"), "{policy}");
            let build = crate::support::run_in(dir.path(), &["build", "--no-search"]);
            assert!(build.success, "{}", build.stderr);
            let feed = parse(&dir.path().join("site/feeds/en.xml"));
            assert_eq!(feed["bozo"], false, "{feed}");
            let xml = std::fs::read_to_string(dir.path().join("site/feeds/en.xml")).unwrap();
            let id = xml
                .split("<id>")
                .nth(1)
                .unwrap()
                .split("</id>")
                .next()
                .unwrap();
            assert!(id.starts_with("urn:uuid:"), "{id}");
            id.to_owned()
        })
        .collect();
    assert_ne!(ids[0], ids[1]);

    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "reference_locale: en\n",
        "reference_locale: en\nsite_id: not a uri\n",
    );
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout
            .contains("error[PG0134]: `site_id` `not a uri` is not a URI"),
        "{}",
        run.stdout
    );
    let line = sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l.starts_with("site_id:"))
        .unwrap()
        + 1;
    assert!(
        run.stdout.contains(&format!("policy/policy.yaml:{line}:1")),
        "{}",
        run.stdout
    );
}

/// Each entry's summary says what changed, in the locale's language, as its page does:
/// the page's introduction, then each heading of the changes it lists; plain text
/// escaped once.
#[test]
fn each_entry_summarizes_what_changed_in_its_language() {
    let sandbox = Sandbox::real();
    let site = sandbox.build_ok();
    for locale in ["en", "fr", "de"] {
        let feed = parse(&sandbox.path(&format!("site/feeds/{locale}.xml")));
        assert_eq!(feed["bozo"], false, "{locale}: {feed}");
        let entry = &feed["entries"][0];
        let summary = entry["summary"].as_str().unwrap();
        let page = site.html(&format!("{locale}/changes-consumer-terms-2025.html"));
        // As a reader reads it: ASCII white space collapsed, no-break spaces kept.
        let ascii = |text: String| {
            text.split(|c: char| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let intro = ascii(
            page.0
                .select(&scraper::Selector::parse(".lede").unwrap())
                .next()
                .unwrap()
                .text()
                .collect(),
        );
        assert!(summary.starts_with(&intro), "{locale}: {summary}");
        let headings: Vec<String> = page
            .0
            .select(&scraper::Selector::parse(".change-group > h2").unwrap())
            .map(|h| ascii(h.text().collect()))
            .collect();
        assert!(headings.len() > 2, "{locale}: {headings:?}");
        for heading in &headings {
            assert!(
                summary.contains(heading.as_str()),
                "{locale}: {heading} in {summary}"
            );
        }
        assert!(!summary.contains('<'), "plain text: {summary}");
    }
    let en = parse(&sandbox.path("site/feeds/en.xml"));
    assert!(
        en["entries"][0]["summary"]
            .as_str()
            .unwrap()
            .contains("How long we keep your data"),
        "{en}"
    );
    // Escaped once: a heading with markup characters reads as written.
    sandbox.edit(
        "locales/en/retention.ftl",
        "    .title = How long we keep your data",
        "    .title = How long R&D <Labs> keeps your data",
    );
    sandbox.build_ok();
    let xml = sandbox.read("site/feeds/en.xml");
    assert!(
        !xml.contains("&amp;amp;") && !xml.contains("&amp;lt;"),
        "{xml}"
    );
    let feed = parse(&sandbox.path("site/feeds/en.xml"));
    let summary = feed["entries"][0]["summary"].as_str().unwrap();
    assert!(summary.contains("R&D <Labs>"), "{summary}");
}

/// A version announced ahead is an entry from its announcement, marked as announced,
/// never dated in the future; it is updated on the day it takes effect. Before it is
/// announced there is no entry.
#[test]
fn an_announced_version_is_dated_by_its_announcement_never_in_the_future() {
    let sandbox = Sandbox::real();
    // The update takes effect a month after it was announced, as a source says.
    sandbox.edit(
        "policy/policy.yaml",
        "    effective: 2025-08-28\n    effective_stated: false\n",
        "    effective: 2025-09-28\n",
    );
    let entry_on = |today: &str| -> Option<Value> {
        let run = sandbox.run(&["build", "--no-search", "--today", today]);
        assert!(run.success, "{today}: {}", run.stderr);
        let feed = parse(&sandbox.path("site/feeds/en.xml"));
        assert_eq!(feed["bozo"], false, "{today}: {feed}");
        let entries = feed["entries"].as_array().unwrap();
        assert!(entries.len() <= 1, "{entries:?}");
        entries.first().cloned()
    };
    let announced = entry_on("2025-09-01").expect("an entry once announced");
    assert_eq!(announced["updated"], "2025-08-28T00:00:00Z");
    assert_eq!(announced["published"], "2025-08-28T00:00:00Z");
    assert_eq!(announced["tags"], serde_json::json!(["announced"]));
    assert_eq!(announced["title"], "What changes on September 28, 2025");

    let in_force = entry_on("2025-10-01").expect("an entry in force");
    assert_eq!(
        in_force["updated"], "2025-09-28T00:00:00Z",
        "updated when in force"
    );
    assert_eq!(in_force["published"], "2025-08-28T00:00:00Z");
    assert_eq!(in_force["tags"], serde_json::json!([]));
    assert_eq!(in_force["id"], announced["id"], "the same entry");

    assert!(
        entry_on("2025-08-20").is_none(),
        "not announced yet: no entry"
    );
    for day in ["2025-09-01", "2025-10-01"] {
        sandbox.run(&["build", "--no-search", "--today", day]);
        let xml = sandbox.read("site/feeds/en.xml");
        for updated in xml.split("<updated>").skip(1) {
            assert!(updated[..10] <= *day, "{day}: dated in the future: {xml}");
        }
    }
}
