//! A stale finding shows what changed: the reference text as it was when the
//! translation was confirmed (kept beside the confirmation, so no git is needed) or last
//! committed (from git history), and as it is now, the changed words marked, in the human
//! report, `--format json`, `--format github` and the side-by-side view.

use crate::support::{Sandbox, git};

const FILE: &str = "locales/en/feedback.ftl";
const OLD: &str = "feedback-not-combined = We don’t combine your feedback";
const NEW: &str = "feedback-not-combined = We never combine your feedback";
const BEFORE: &str =
    "We don’t combine your feedback with your other conversations with {-product-name}.";
const AFTER: &str =
    "We never combine your feedback with your other conversations with {-product-name}.";

fn stale_findings(sandbox: &Sandbox) -> Vec<serde_json::Value> {
    let run = sandbox.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PG0511")
        .cloned()
        .collect()
}

fn assert_change(finding: &serde_json::Value, before: Option<&str>) {
    let change = &finding["reference_change"];
    assert_eq!(change["before"].as_str(), before, "{finding}");
    assert_eq!(change["after"], AFTER, "{finding}");
    let words: Vec<(String, String)> = change["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["change"].as_str().unwrap().to_owned(),
                w["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let changed: Vec<&(String, String)> = words.iter().filter(|(c, _)| c != "same").collect();
    match before {
        Some(_) => assert_eq!(
            changed,
            [
                &("removed".to_owned(), "don’t".to_owned()),
                &("added".to_owned(), "never".to_owned())
            ],
            "{words:?}"
        ),
        None => assert_eq!(changed, [&("added".to_owned(), AFTER.to_owned())]),
    }
}

#[test]
fn without_git_the_confirmed_text_shows_what_changed_in_every_format() {
    let sandbox = Sandbox::real();
    // The shipped confirmations keep their texts.
    assert!(
        sandbox
            .read("locales/confirmed-texts.yaml")
            .contains(&format!("{BEFORE}\n")),
        "the text confirmed for feedback-not-combined is kept"
    );
    sandbox.edit(FILE, OLD, NEW);
    let stale = stale_findings(&sandbox);
    assert_eq!(stale.len(), 2, "{stale:?}");
    for finding in &stale {
        assert_change(finding, Some(BEFORE));
    }

    let human = sandbox.run(&["check"]);
    assert!(
        human.stdout.contains(
            "then: We [-don’t-] combine your feedback with your other conversations with {-product-name}."
        ),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains(
            "now:  We {+never+} combine your feedback with your other conversations with {-product-name}."
        ),
        "{}",
        human.stdout
    );

    let github = sandbox.run(&["check", "--format", "github"]);
    let line = github
        .stdout
        .lines()
        .find(|l| l.contains("PG0511") && l.contains("locales/fr/feedback.ftl"))
        .unwrap_or_else(|| panic!("{}", github.stdout));
    assert!(
        line.contains("%0Athen: We [-don’t-] combine")
            && line.contains("%0Anow: We {+never+} combine"),
        "{line}"
    );

    // Confirmed again: no longer stale, and the new text is what is kept.
    let run = sandbox.run(&["confirm", "fr", "feedback-not-combined"]);
    assert!(run.success, "{}", run.stderr);
    let texts = sandbox.read("locales/confirmed-texts.yaml");
    assert!(texts.contains(&format!("{AFTER}\n")), "{texts}");
    assert!(
        texts.contains(&format!("{BEFORE}\n")),
        "German is still confirmed against the old text"
    );
    let run = sandbox.run(&["confirm", "de", "feedback-not-combined"]);
    assert!(run.success, "{}", run.stderr);
    let texts = sandbox.read("locales/confirmed-texts.yaml");
    assert!(
        !texts.contains(&format!("{BEFORE}\n")),
        "a text no confirmation names is dropped"
    );
    assert!(stale_findings(&sandbox).is_empty());
}

#[test]
fn a_confirmation_that_kept_no_text_says_so() {
    let sandbox = Sandbox::real();
    std::fs::remove_file(sandbox.path("locales/confirmed-texts.yaml")).unwrap();
    sandbox.edit(FILE, OLD, NEW);
    let stale = stale_findings(&sandbox);
    assert_eq!(stale.len(), 2);
    for finding in &stale {
        assert_change(finding, None);
    }
    let human = sandbox.run(&["check"]);
    assert!(
        human.stdout.contains("then: not recorded"),
        "{}",
        human.stdout
    );
}

#[test]
fn with_git_the_text_the_translation_was_committed_against_shows() {
    let sandbox = Sandbox::real();
    // No confirmation at all: git history alone decides, and tells the earlier text.
    std::fs::remove_file(sandbox.path("locales/confirmed.yaml")).unwrap();
    std::fs::remove_file(sandbox.path("locales/confirmed-texts.yaml")).unwrap();
    git(&sandbox, &["init", "-q"]);
    git(&sandbox, &["add", "-A"]);
    git(&sandbox, &["commit", "-q", "-m", "the project"]);
    sandbox.edit(FILE, OLD, NEW);
    git(
        &sandbox,
        &["commit", "-q", "-a", "-m", "the English changes"],
    );
    let stale = stale_findings(&sandbox);
    assert_eq!(stale.len(), 2, "{stale:?}");
    for finding in &stale {
        assert_change(finding, Some(BEFORE));
    }
}

#[cfg(all(feature = "serve", unix))]
#[test]
fn the_side_by_side_view_marks_the_changed_words() {
    let sandbox = Sandbox::real();
    sandbox.edit(FILE, OLD, NEW);
    let server = crate::serve::harness::Server::start(sandbox.root(), &[]);
    let html = server.get("/_preview/feedback.html").text();
    let doc = scraper::Html::parse_document(&html);
    let css =
        "tr[data-row=\"feedback\"] td[data-locale=\"fr\"] li[data-code=\"PG0511\"] .pg-change";
    let change = doc
        .select(&scraper::Selector::parse(css).unwrap())
        .next()
        .unwrap_or_else(|| panic!("no {css} in {html}"));
    let pick = |sel: &str| -> Vec<String> {
        change
            .select(&scraper::Selector::parse(sel).unwrap())
            .map(|e| e.text().collect())
            .collect()
    };
    assert_eq!(pick(".pg-then del"), ["don’t"]);
    assert_eq!(pick(".pg-now ins"), ["never"]);
}
