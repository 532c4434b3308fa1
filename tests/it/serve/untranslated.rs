//! The preview follows the writer: a fact written in the reference locale and in no
//! translation yet shows at once on the reference's pages and, in the reference's text
//! marked with its language under a "not yet translated" notice, on every other
//! locale's; the missing message stays an error in the overlay (the policy does not opt
//! in, so `build` would refuse it) and sits on its block in the side-by-side view.

use scraper::{Html, Selector};

use crate::support::Page;
use crate::untranslated::with_an_english_only_fact;

use super::harness::{Server, without_live_script};

#[test]
fn a_new_english_fact_shows_in_every_locale_with_the_notice() {
    let sandbox = with_an_english_only_fact();
    let server = Server::start(sandbox.root(), &[]);
    let mut events = server.events();
    let state = events.wait_for("the first build", |s| s["built"] == true);
    let errors = state["errors"].as_array().unwrap();
    let missing: Vec<&str> = errors
        .iter()
        .filter(|e| e["code"] == "PG0501")
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert_eq!(missing.len(), 2, "the overlay lists both: {errors:?}");
    assert_eq!(state["rebuilt"], true, "the pages are this run's: {state}");
    server.wait_for_output(
        "the reference text shows where a translation is missing (build would refuse it)",
    );
    assert!(missing[0].starts_with("message `writers-first` is missing in `de`"));
    assert!(
        errors.iter().all(|e| e["code"] == "PG0501"),
        "nothing else: {errors:?}"
    );

    let en = Page(Html::parse_document(&without_live_script(
        &server.get("/en/chats.html").text(),
    )));
    assert_eq!(
        en.text_of_css("#writers-first h2").as_deref(),
        Some("Writers first")
    );
    assert!(en.text_of_css(".untranslated-notice").is_none());

    let response = server.get("/de/chats.html");
    assert_eq!(response.status, 200);
    let de = Page(Html::parse_document(&without_live_script(&response.text())));
    assert_eq!(
        de.text_of_css("#writers-first > div[lang=\"en\"]")
            .as_deref(),
        Some("Writers write first, and translators follow.")
    );
    assert_eq!(
        de.text_of_css("#writers-first-step > span[lang=\"en\"]")
            .as_deref(),
        Some("Each new sentence shows at once.")
    );
    assert!(
        de.text_of_css("#writers-first .untranslated-notice")
            .unwrap()
            .starts_with("Noch nicht übersetzt"),
    );

    // The side-by-side view: the finding on the block's row, in the German column.
    let side = Html::parse_document(&server.get("/_preview/chats.html").text());
    let css = "tr[data-row=\"writers-first\"] td[data-locale=\"de\"] li[data-code]";
    let codes: Vec<&str> = side
        .select(&Selector::parse(css).unwrap())
        .map(|li| li.value().attr("data-code").unwrap())
        .collect();
    assert!(codes.contains(&"PG0501"), "{codes:?}");

    // Translated while serving: the German text replaces the English, the error goes.
    sandbox.write(
        "locales/de/writers.ftl",
        "writers-first = Zuerst wird geschrieben, dann übersetzt.\n    .title = Erst schreiben\nwriters-first-step = Jeder neue Satz erscheint sofort.\n",
    );
    events.wait_for("the translation", |s| {
        s["errors"].as_array().is_some_and(Vec::is_empty)
    });
    let de = Page(Html::parse_document(&without_live_script(
        &server.get("/de/chats.html").text(),
    )));
    assert_eq!(
        de.text_of_css("#writers-first h2").as_deref(),
        Some("Erst schreiben")
    );
    assert!(de.text_of_css(".untranslated-notice").is_none());

    // A broken input still keeps the last good site, and says so.
    sandbox.edit(
        "policy/policy.yaml",
        "blocks: [keeping]",
        "blocks: [keeping",
    );
    let state = events.wait_for("the broken policy", |s| {
        s["errors"].as_array().is_some_and(|e| !e.is_empty())
    });
    assert_eq!(state["rebuilt"], false, "{state}");
}
