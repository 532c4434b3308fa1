//! What `check` passes, `build` writes: the model's gaps that used to pass `check` and
//! publish something broken (or fail `build`) are located errors.

use serde_json::Value;

use crate::support::Sandbox;

/// The findings of `check --format json` as (code, "file:line:col", message).
fn findings(sandbox: &Sandbox) -> Vec<(String, String, String)> {
    let run = sandbox.run(&["check", "--format", "json"]);
    assert!(!run.success, "check passed:\n{}", run.stdout);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                format!(
                    "{}:{}:{}",
                    f["file"].as_str().unwrap_or(""),
                    f["line"],
                    f["column"]
                ),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The 1-based line of `policy/policy.yaml` that holds `text`, and the column of it.
fn position(sandbox: &Sandbox, text: &str) -> String {
    let policy = sandbox.read("policy/policy.yaml");
    let (line, content) = policy
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(text))
        .unwrap_or_else(|| panic!("no {text:?}"));
    format!(
        "policy/policy.yaml:{}:{}",
        line + 1,
        content.find(text).unwrap() + 1
    )
}

fn has(found: &[(String, String, String)], code: &str, at: &str, message: &str) {
    assert!(
        found
            .iter()
            .any(|(c, l, m)| c == code && l == at && m == message),
        "no {code} at {at}: {message}\nfound: {found:#?}"
    );
}

#[test]
fn entity_values_are_checked_as_fact_values_are() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "  - { id: product, name: Claude }",
        "  - { id: product, name: Claude, values: { home: { link: \"javascript:alert(1)\" }, count: { number: 3 }, kind: { keyword: nope }, owner: { entity: nobody } } }",
    );
    let found = findings(&sandbox);
    has(
        &found,
        "PG0121",
        &position(&sandbox, "javascript:alert(1)"),
        "bad link: `javascript:alert(1)` uses the scheme `javascript:`, which readers' browsers do not open as a page",
    );
    has(
        &found,
        "PG0125",
        &position(&sandbox, "count:"),
        "`count` is a value policyglot gives every message itself",
    );
    has(
        &found,
        "PG0120",
        &position(&sandbox, "nope"),
        "keyword `nope` is in no keyword set",
    );
    has(
        &found,
        "PG0113",
        &position(&sandbox, "nobody"),
        "unknown entity `nobody`",
    );
    // Each once, though the policy has two versions.
    assert_eq!(found.iter().filter(|f| f.0 == "PG0113").count(), 1);
}

#[test]
fn a_page_that_shows_a_fact_twice_is_refused_at_the_second_listing() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "    blocks: [retention]",
        "    blocks: [retention, retention, retention-feedback]",
    );
    let found = findings(&sandbox);
    let line = position(&sandbox, "[retention, retention");
    let line = line.rsplit_once(':').unwrap().0;
    has(
        &found,
        "PG0130",
        &format!("{line}:25"),
        "page `data-retention` lists `retention` twice",
    );
    has(
        &found,
        "PG0130",
        &format!("{line}:36"),
        "page `data-retention` shows `retention-feedback` twice: on its own and inside `retention`",
    );
}

#[test]
fn an_invisible_only_entity_name_is_refused() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "  - { id: tier-gov, name: Claude Gov }",
        "  - { id: tier-gov, name: \"\\u200B\\u2060 \" }",
    );
    let found = findings(&sandbox);
    has(
        &found,
        "PG0127",
        &position(&sandbox, "tier-gov, name"),
        "entity `tier-gov` has an empty name (or one of spaces and invisible characters only)",
    );
}

#[test]
fn a_page_id_too_long_for_a_file_name_fails_check_not_build() {
    let sandbox = Sandbox::real();
    let long = format!("feedback-{}", "x".repeat(251));
    let policy = sandbox
        .read("policy/policy.yaml")
        .replace("  - id: feedback\n", &format!("  - id: {long}\n"));
    sandbox.write("policy/policy.yaml", &policy);
    sandbox.edit(
        "locales/en/pages.ftl",
        "page-feedback",
        &format!("page-{long}"),
    );
    let found = findings(&sandbox);
    has(
        &found,
        "PG0132",
        &position(&sandbox, &long),
        "id `feedback-xxxxxxxxxxxxxxx…` (260 characters) makes a file name of 265 bytes, over the limit of 255",
    );
    let build = sandbox.build();
    assert!(!build.success);
    assert!(
        !build.stderr.contains("File name too long"),
        "{}",
        build.stderr
    );
}

#[test]
fn two_folders_for_one_language_tag_are_refused() {
    let sandbox = Sandbox::real();
    crate::support::copy_dir(&sandbox.path("locales/fr"), &sandbox.path("locales/FR"));
    let found = findings(&sandbox);
    has(
        &found,
        "PG0210",
        "locales/fr:null:null",
        "locales/fr/ and locales/FR/ are folders for the same language tag",
    );
}
