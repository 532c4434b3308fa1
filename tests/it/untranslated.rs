//! A fact written in the reference locale and not yet translated: `build` refuses it
//! unless the policy opts in (`untranslated: show-reference`), then publishes the
//! reference text marked with its language under a "not yet translated" notice; `check`
//! reports the missing message either way (an error, or a warning with the opt-in).

use crate::support::Sandbox;

/// Brightwave (English and German) with a new block and an item in it, written in
/// English only.
pub fn with_an_english_only_fact() -> Sandbox {
    let sandbox = Sandbox::fixture("brightwave");
    sandbox.edit(
        "policy/policy.yaml",
        "blocks: [chat-rule, chat-cases, chat-choice]",
        "blocks: [chat-rule, chat-cases, chat-choice, writers-first]",
    );
    sandbox.edit(
        "policy/policy.yaml",
        "chat-cases, chat-choice, keeping,",
        "chat-cases, chat-choice, writers-first, keeping,",
    );
    sandbox.edit(
        "policy/policy.yaml",
        "      - business-customers\n",
        "      - business-customers\n      - id: writers-first\n        items: [writers-first-step]\n",
    );
    sandbox.write(
        "locales/en/writers.ftl",
        "writers-first = Writers write first, and translators follow.\n    .title = Writers first\nwriters-first-step = Each new sentence shows at once.\n",
    );
    sandbox
}

fn opt_in(sandbox: &Sandbox) {
    sandbox.edit(
        "policy/policy.yaml",
        "keywords:\n",
        "untranslated: show-reference\nkeywords:\n",
    );
}

fn missing(report: &serde_json::Value) -> Vec<(String, String, String, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PG0501")
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
                f["file"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn build_refuses_an_untranslated_fact_by_default() {
    let sandbox = with_an_english_only_fact();
    let check = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(check.code, Some(1), "{}", check.stdout);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let found = missing(&report);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "error");
    assert!(
        found[0]
            .1
            .starts_with("message `writers-first` is missing in `de`"),
        "{found:?}"
    );
    assert_eq!(
        (found[0].2.as_str(), found[0].3),
        ("locales/en/writers.ftl", 1)
    );
    assert_eq!(
        (found[1].2.as_str(), found[1].3),
        ("locales/en/writers.ftl", 3)
    );
    let build = sandbox.build();
    assert!(!build.success, "{}", build.stderr);
    assert!(build.stderr.contains("error[PG0501]"), "{}", build.stderr);
    assert!(!sandbox.path("site").exists(), "nothing is published");
}

#[test]
fn with_the_policy_setting_the_page_shows_the_reference_text_marked_with_a_notice() {
    let sandbox = with_an_english_only_fact();
    opt_in(&sandbox);
    let check = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(check.code, Some(0), "{}", check.stdout);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let found = missing(&report);
    assert_eq!(found.len(), 2, "check still reports both: {found:?}");
    assert!(found.iter().all(|f| f.0 == "warning"), "{found:?}");
    let strict = sandbox.run(&["check", "--strict"]);
    assert_eq!(strict.code, Some(1), "--strict refuses the warnings");

    let site = sandbox.build_ok();
    let de = site.html("de/chats.html");
    assert_eq!(
        de.text_of_css("#writers-first h2 [lang=\"en\"]").as_deref(),
        Some("Writers first")
    );
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
    assert_eq!(
        de.text_of_css("#writers-first .untranslated-notice")
            .as_deref(),
        Some(
            "Noch nicht übersetzt: Dieser Teil wird in der Originalsprache angezeigt, bis die Übersetzung vorliegt."
        ),
        "the notice is in the page's language"
    );
    assert_eq!(de.attr("html", "lang").as_deref(), Some("de"));
    // Translated blocks carry no notice, and the reference's own page none at all.
    assert_eq!(
        de.0.select(&scraper::Selector::parse(".untranslated-notice").unwrap())
            .count(),
        1
    );
    let en = site.html("en/chats.html");
    assert_eq!(
        en.text_of_css("#writers-first")
            .as_deref()
            .map(|t| t.contains("Writers write first")),
        Some(true)
    );
    assert!(en.text_of_css(".untranslated-notice").is_none());
    assert!(en.text_of_css("#writers-first [lang]").is_none());
    // The marked text and the notice are valid HTML.
    let problems = crate::quality::nu_problems(&sandbox.path("site/de"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_translation_written_later_replaces_the_reference_text_and_its_notice() {
    let sandbox = with_an_english_only_fact();
    opt_in(&sandbox);
    sandbox.write(
        "locales/de/writers.ftl",
        "writers-first = Zuerst wird geschrieben, dann übersetzt.\n    .title = Erst schreiben\nwriters-first-step = Jeder neue Satz erscheint sofort.\n",
    );
    let site = sandbox.build_ok();
    let de = site.html("de/chats.html");
    assert!(de.text_of_css(".untranslated-notice").is_none());
    assert!(de.text_of_css("#writers-first [lang]").is_none());
    assert_eq!(
        de.text_of_css("#writers-first h2").as_deref(),
        Some("Erst schreiben")
    );
}

#[test]
fn the_setting_is_in_the_schema() {
    let sandbox = Sandbox::fixture("brightwave");
    let schema = sandbox.run(&["schema"]);
    assert!(schema.success, "{}", schema.stderr);
    let schema: serde_json::Value = serde_json::from_str(&schema.stdout).unwrap();
    let text = schema.to_string();
    assert!(
        schema["properties"]["untranslated"].is_object(),
        "{}",
        &text[..text.len().min(400)]
    );
    assert!(text.contains("show-reference") && text.contains("refuse"));
}
