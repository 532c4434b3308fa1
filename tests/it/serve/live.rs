//! The preview serves exactly what `build` publishes (plus its live script), rebuilds on
//! an edit and tells open pages which of them changed, and survives broken input by
//! serving the last good site while reporting the error with its file and line.

use crate::support::{Sandbox, Site};

use super::harness::{Server, page_hash, without_live_script};

const FR_PAGE: &str = "fr/data-retention.html";
const FR_FILE: &str = "locales/fr/retention.ftl";
const FR_OLD: &str = "nous les conservons pendant { $period }.";
const FR_NEW: &str = "nous les gardons pendant { $period } au maximum.";

/// Breaks the YAML (an unclosed flow sequence) and returns the line it points at.
pub fn break_policy(sandbox: &Sandbox) -> usize {
    sandbox.edit(
        "policy/policy.yaml",
        "    blocks: [retention]",
        "    blocks: [retention",
    );
    sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l == "    blocks: [retention")
        .unwrap()
        + 1
}

pub fn fix_policy(sandbox: &Sandbox) {
    sandbox.edit(
        "policy/policy.yaml",
        "    blocks: [retention\n",
        "    blocks: [retention]\n",
    );
}

#[test]
fn serves_what_build_publishes_plus_the_live_script() {
    let sandbox = Sandbox::real();
    let built = sandbox.build_ok();
    let server = Server::start(sandbox.root(), &[]);
    assert!(built.files.len() > 15, "{:?}", built.files.keys());
    // The search bundle too, byte for byte (`serve` indexes the same pages in memory);
    // only the build's bookkeeping files are not part of what is served.
    assert!(built.files.contains_key("pagefind/pagefind.js"));
    let bookkeeping = [".policyglot-site", "pagefind/.policyglot-pages"];
    for (key, bytes) in built
        .files
        .iter()
        .filter(|(k, _)| !bookkeeping.contains(&k.as_str()))
    {
        let response = server.get(&format!("/{key}"));
        assert_eq!(response.status, 200, "/{key}");
        assert_eq!(response.header("cache-control"), Some("no-store"));
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
        let expected_type = match key.rsplit('.').next() {
            Some("html") => "text/html; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            Some("js") => "text/javascript; charset=utf-8",
            Some("json") => "application/json; charset=utf-8",
            Some("txt") => "text/plain; charset=utf-8",
            // The Atom feeds.
            Some("xml") => "text/xml; charset=utf-8",
            // Pagefind's compressed index, fragments and WebAssembly.
            Some("pagefind" | "pf_meta" | "pf_index" | "pf_fragment") => "application/octet-stream",
            other => panic!("unexpected file type {other:?} in the site"),
        };
        assert_eq!(
            response.header("content-type"),
            Some(expected_type),
            "{key}"
        );
        if key.ends_with(".html") {
            let html = response.text();
            assert!(
                html.contains(&format!("data-page=\"{key}\"")),
                "{key} names itself for the reload check"
            );
            assert_eq!(
                without_live_script(&html),
                String::from_utf8_lossy(bytes),
                "/{key} is the published page plus the live script"
            );
        } else {
            assert_eq!(&response.body, bytes, "/{key}");
        }
    }
    // The published build carries none of the preview.
    for (key, bytes) in &built.files {
        assert!(
            !String::from_utf8_lossy(bytes).contains("_preview"),
            "{key} of the published build mentions the preview"
        );
    }
    // Serving wrote nothing next to the project.
    assert_eq!(Site::read(&sandbox.path("site")), built);
}

#[test]
fn folders_redirect_to_their_index_and_unknown_paths_get_the_404_page() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let root = server.get("/");
    assert_eq!(root.status, 200);
    assert!(root.text().contains("<html lang=\"en\">"));
    assert!(root.text().contains("data-page=\"index.html\""));

    let folder = server.get("/fr");
    assert_eq!(folder.status, 308);
    assert_eq!(folder.header("location"), Some("/fr/"));
    let index = server.get("/fr/");
    assert_eq!(index.status, 200);
    assert!(index.text().contains("<html lang=\"fr\">"));
    assert!(index.text().contains("data-page=\"fr/index.html\""));

    let missing = server.get("/fr/no-such-page.html?x=1");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let text = missing.text();
    assert!(text.contains("<code>/fr/no-such-page.html</code> is not a file of the built site"));
    assert!(
        text.contains("href=\"/fr/data-retention.html\""),
        "lists the pages"
    );
    assert!(
        text.contains("data-page=\"fr/no-such-page.html\" data-hash=\"\""),
        "reloads once the page exists"
    );

    for script in ["/_preview/live.js", "/_preview/live-worker.js"] {
        let response = server.get(script);
        assert_eq!(response.status, 200, "{script}");
        assert_eq!(
            response.header("content-type"),
            Some("text/javascript; charset=utf-8")
        );
        assert!(response.text().contains("/_preview/events"), "{script}");
    }

    let post = super::harness::request(server.addr, "POST", "/fr/");
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), Some("GET, HEAD"));
    let head = super::harness::request(server.addr, "HEAD", "/fr/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[test]
fn an_edit_rebuilds_and_reloads_only_the_pages_it_changes() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let mut events = server.events();
    let before = events.next_state().unwrap();
    assert_eq!(before["errors"], serde_json::json!([]));
    let page = server.get(&format!("/{FR_PAGE}")).text();
    assert!(page.contains(&format!("data-hash=\"{}\"", page_hash(&before, FR_PAGE))));
    assert!(page.contains("nous les conservons pendant"));

    sandbox.edit(FR_FILE, FR_OLD, FR_NEW);
    let after = events.wait_for("the French page to change", |s| {
        page_hash(s, FR_PAGE) != page_hash(&before, FR_PAGE)
    });
    let page = server.get(&format!("/{FR_PAGE}")).text();
    assert!(
        page.contains("nous les gardons pendant 30&nbsp;jours au maximum."),
        "{page}"
    );
    assert!(page.contains(&format!("data-hash=\"{}\"", page_hash(&after, FR_PAGE))));
    for unchanged in [
        "en/data-retention.html",
        "de/data-retention.html",
        "fr/feedback.html",
    ] {
        assert_eq!(
            page_hash(&after, unchanged),
            page_hash(&before, unchanged),
            "{unchanged} does not reload"
        );
    }
    assert_eq!(after["assets"], before["assets"]);
    // The side-by-side view of that page shows the new text too, so it reloads.
    assert_ne!(
        page_hash(&after, "_preview/data-retention.html"),
        page_hash(&before, "_preview/data-retention.html")
    );
    server.wait_for_output("locales/fr/retention.ftl changed: rebuilt in");
    // Only French was rendered again (the other locales' pages were reused); the
    // period is new in the 2025 version, so its "what changed" page shows it too.
    server.wait_for_output(
        "(1 of 3 locale(s) re-rendered), 2 file(s) changed: fr/changes-consumer-terms-2025.html, fr/data-retention.html",
    );

    // A stylesheet change reloads every page (through the assets hash).
    sandbox.edit(
        "templates/assets/style.css",
        "--bg: #fbfaf8;",
        "--bg: #ffffff;",
    );
    let styled = events.wait_for("the assets to change", |s| s["assets"] != after["assets"]);
    assert_eq!(page_hash(&styled, FR_PAGE), page_hash(&after, FR_PAGE));
    assert!(
        server
            .get("/assets/style.css")
            .text()
            .contains("--bg: #ffffff;")
    );
}

#[test]
fn broken_input_keeps_the_last_good_site_and_reports_file_and_line() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let mut events = server.events();
    let good = events.next_state().unwrap();
    let page = server.get(&format!("/{FR_PAGE}"));

    let line = break_policy(&sandbox);
    let broken = events.wait_for("an error", |s| !s["errors"].as_array().unwrap().is_empty());
    let error = &broken["errors"][0];
    assert_eq!(error["file"], "policy/policy.yaml");
    assert_eq!(error["line"], line);
    assert_eq!(error["code"], "PG0101");
    assert_eq!(
        error["position"],
        format!("policy/policy.yaml:{line}:13").as_str()
    );
    assert!(
        error["message"].as_str().unwrap().contains("invalid id"),
        "{error}"
    );
    assert!(!error["help"].as_str().unwrap().is_empty());
    assert!(
        error["rendered"]
            .as_str()
            .unwrap()
            .contains("    blocks: [retention"),
        "quotes the line: {error}"
    );
    // Same site pages as before: no page reloads into an error (only the side-by-side
    // views, which show the findings, change).
    for (key, hash) in good["pages"].as_object().unwrap() {
        if !key.starts_with("_preview/") {
            assert_eq!(&broken["pages"][key], hash, "{key}");
        }
    }
    let still = server.get(&format!("/{FR_PAGE}"));
    assert_eq!(still.status, 200);
    assert_eq!(still.body, page.body, "the last good page, byte for byte");
    // The terminal shows the same error.
    server.wait_for_output(&format!("--> policy/policy.yaml:{line}:13"));
    server.wait_for_output("still serving the last good site");

    // Other edits while broken change nothing served...
    sandbox.edit(FR_FILE, FR_OLD, FR_NEW);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(server.get(&format!("/{FR_PAGE}")).body, page.body);

    // ...until the input is fixed: the error goes and the edit shows.
    fix_policy(&sandbox);
    let fixed = events.wait_for("the errors to go", |s| {
        s["errors"].as_array().unwrap().is_empty()
    });
    assert_ne!(page_hash(&fixed, FR_PAGE), page_hash(&good, FR_PAGE));
    assert!(
        server
            .get(&format!("/{FR_PAGE}"))
            .text()
            .contains("nous les gardons")
    );
    server.wait_for_output("fixed: rebuilt in");
}

#[test]
fn a_broken_first_build_serves_the_errors_until_fixed() {
    let sandbox = Sandbox::real();
    let line = break_policy(&sandbox);
    let server = Server::start(sandbox.root(), &[]);
    server.wait_for_output("no site to show yet");
    let page = server.get(&format!("/{FR_PAGE}"));
    assert_eq!(page.status, 503);
    let text = page.text();
    assert!(text.contains("the site has not been built yet"), "{text}");
    assert!(
        text.contains("<script src=\"/_preview/live.js\""),
        "shows the overlay"
    );
    let mut events = server.events();
    let state = events.next_state().unwrap();
    assert_eq!(state["built"], false);
    assert_eq!(state["errors"][0]["line"], line);
    // The side-by-side overview lists the errors too.
    let overview = server.get("/_preview/index.html");
    assert_eq!(overview.status, 200);
    assert!(overview.text().contains("No site has been built yet"));
    assert!(
        overview
            .text()
            .contains(&format!("policy/policy.yaml:{line}:13"))
    );

    fix_policy(&sandbox);
    let state = events.wait_for("a site", |s| s["built"] == true);
    assert_eq!(state["errors"], serde_json::json!([]));
    assert!(!page_hash(&state, FR_PAGE).is_empty());
    assert_eq!(server.get(&format!("/{FR_PAGE}")).status, 200);
}

#[test]
fn a_deleted_and_restored_input_folder_is_watched_again() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let mut events = server.events();
    let good = events.next_state().unwrap();
    std::fs::rename(sandbox.path("locales"), sandbox.path("locales.moved")).unwrap();
    let gone = events.wait_for("an error", |s| !s["errors"].as_array().unwrap().is_empty());
    assert_eq!(gone["errors"][0]["code"], "PG0200", "{gone}");
    assert_eq!(
        server.get(&format!("/{FR_PAGE}")).status,
        200,
        "still served"
    );
    std::fs::rename(sandbox.path("locales.moved"), sandbox.path("locales")).unwrap();
    events.wait_for("the errors to go", |s| {
        s["errors"].as_array().unwrap().is_empty()
    });
    // Edits inside the restored folder are seen.
    sandbox.edit(FR_FILE, FR_OLD, FR_NEW);
    events.wait_for("the French page to change", |s| {
        page_hash(s, FR_PAGE) != page_hash(&good, FR_PAGE)
    });
    assert!(
        server
            .get(&format!("/{FR_PAGE}"))
            .text()
            .contains("nous les gardons")
    );
}

#[test]
fn a_save_by_rename_is_one_rebuild_and_editor_droppings_are_none() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let mut events = server.events();
    let before = events.next_state().unwrap();
    // Swap and backup files come and go without a rebuild.
    sandbox.write("locales/fr/.retention.ftl.swp", "junk = {");
    sandbox.write("locales/fr/retention.ftl~", "junk = {");
    // Like many editors: write a temporary file, then rename it over the original.
    let text = sandbox.read(FR_FILE).replace(FR_OLD, FR_NEW);
    sandbox.write("locales/fr/retention.ftl.tmp", &text);
    std::fs::rename(
        sandbox.path("locales/fr/retention.ftl.tmp"),
        sandbox.path(FR_FILE),
    )
    .unwrap();
    let after = events.wait_for("the French page to change", |s| {
        page_hash(s, FR_PAGE) != page_hash(&before, FR_PAGE)
    });
    assert_eq!(after["errors"], serde_json::json!([]));
    assert!(
        server
            .get(&format!("/{FR_PAGE}"))
            .text()
            .contains("nous les gardons")
    );
    server.wait_for_output("locales/fr/retention.ftl changed: rebuilt in");
    assert!(!server.stdout().contains(".swp"), "{}", server.stdout());
    assert!(
        !server.stdout().contains("retention.ftl~"),
        "{}",
        server.stdout()
    );
}

#[test]
fn previews_an_announced_version_with_today() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &["--today", "2025-08-01"]);
    let page = server.get("/en/data-retention.html").text();
    assert!(
        page.contains("This section changes with the update announced on August 28, 2025."),
        "the announced version is previewed: {page}"
    );
    let page = crate::support::Page(scraper::Html::parse_document(&page));
    assert!(
        page.text_of("retention-training-declined")
            .is_some_and(|t| t.contains("after 30 days")),
        "the version in force then"
    );
    drop(server);
    let server = Server::start(sandbox.root(), &[]);
    let page = server.get("/en/data-retention.html").text();
    assert!(
        !page.contains("upcoming-notice"),
        "in force today: no notice"
    );
}

#[test]
fn words_a_deadline_as_of_today() {
    // The shipped deadline (2025-09-28) as `build --today` words it, in the preview too.
    let sandbox = Sandbox::real();
    for (today, said) in [
        (
            "2025-09-01",
            "Existing users must make their choice by September 28, 2025",
        ),
        (
            "2025-09-29",
            "Existing users had to make their choice by September 28, 2025",
        ),
    ] {
        let server = Server::start(sandbox.root(), &["--today", today]);
        let page = server.get("/en/conversations-and-training.html").text();
        let page = crate::support::Page(scraper::Html::parse_document(&page));
        let deadline = page.text_of("choice-deadline").unwrap_or_default();
        assert!(deadline.contains(said), "{today}: {deadline}");
    }
}
