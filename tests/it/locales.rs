//! Languages on the way: a locale folder with no messages yet is one warning and is not
//! built; policy text for a locale that has no folder is a warning, so the reference
//! locale can be built alone first. `--strict` still refuses both.

use crate::support::Sandbox;

fn json(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = sandbox.run(&all);
    (run.code, serde_json::from_str(&run.stdout).unwrap())
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_locale_folder_with_no_messages_yet_is_one_warning_and_is_not_built() {
    let sandbox = Sandbox::real();
    // A new language just started: its folder and an empty file.
    sandbox.write("locales/es/site.ftl", "");
    std::fs::create_dir_all(sandbox.path("locales/it")).unwrap();
    let (code, report) = json(&sandbox, &[]);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(codes(&report), ["PG0209", "PG0209"], "{report}");
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings[0]["severity"], "warning");
    assert_eq!(findings[0]["file"], "locales/es");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("`locales/es` has no messages yet"),
        "{}",
        findings[0]
    );
    assert!(
        findings[0]["help"]
            .as_str()
            .unwrap()
            .contains("copy the files of locales/en/ into locales/es/"),
        "{}",
        findings[0]
    );
    let locales: Vec<&str> = report["locales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["locale"].as_str().unwrap())
        .collect();
    assert_eq!(locales, ["en", "de", "fr"]);

    let site = sandbox.build_ok();
    assert!(site.pages_of("es").is_empty() && site.pages_of("it").is_empty());
    assert!(!site.pages_of("fr").is_empty());
    // The language switcher does not offer a language with no pages.
    let index = String::from_utf8_lossy(&site.files["en/index.html"]).into_owned();
    assert!(!index.contains("../es/"), "{index}");

    let strict = sandbox.run(&["check", "--strict"]);
    assert_eq!(strict.code, Some(1), "{}", strict.stdout);
    assert!(strict.stdout.contains("error[PG0209]"), "{}", strict.stdout);

    // Its first message makes it a locale, with every other one listed as missing.
    sandbox.write("locales/es/site.ftl", "language-name = Español\n");
    let (code, report) = json(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let missing = codes(&report).iter().filter(|c| *c == "PG0501").count();
    let messages = report["locales"][0]["messages"].as_u64().unwrap() as usize;
    assert_eq!(missing, messages - 1, "every message but one, in one run");
}

#[test]
fn the_reference_locale_builds_alone_while_the_policy_has_text_for_other_languages() {
    let sandbox = Sandbox::real();
    let french = sandbox.read("policy/policy.yaml");
    let line = french
        .lines()
        .position(|l| l.contains("fr: Aider à améliorer Claude"))
        .unwrap()
        + 1;
    for tag in ["fr", "de"] {
        std::fs::remove_dir_all(sandbox.path(&format!("locales/{tag}"))).unwrap();
    }
    let (code, report) = json(&sandbox, &[]);
    assert_eq!(code, Some(0), "{report}");
    let findings = report["findings"].as_array().unwrap();
    let labels: Vec<&serde_json::Value> =
        findings.iter().filter(|f| f["code"] == "PG0118").collect();
    assert!(!labels.is_empty(), "{report}");
    assert!(labels.iter().all(|f| f["severity"] == "warning"));
    let at_line = labels
        .iter()
        .find(|f| f["line"] == line)
        .unwrap_or_else(|| panic!("one at policy/policy.yaml:{line}: {labels:?}"));
    assert_eq!(at_line["file"], "policy/policy.yaml");
    assert!(
        at_line["message"]
            .as_str()
            .unwrap()
            .contains("has text for `fr`, which is not a locale of this site (yet)"),
        "{at_line}"
    );
    assert!(
        at_line["help"]
            .as_str()
            .unwrap()
            .contains("create locales/fr/"),
        "{at_line}"
    );
    // Reported once, although versions share the label through an anchor.
    let positions: std::collections::BTreeSet<String> = labels
        .iter()
        .map(|f| format!("{}:{}", f["line"], f["column"]))
        .collect();
    assert_eq!(positions.len(), labels.len());

    let site = sandbox.build_ok();
    assert!(!site.pages_of("en").is_empty());
    assert!(site.pages_of("fr").is_empty() && site.pages_of("de").is_empty());
    assert_eq!(sandbox.run(&["check", "--strict"]).code, Some(1));
}

#[test]
fn a_mistyped_locale_in_a_label_is_still_named() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "{ fr: Aider à améliorer Claude }\n        sources: { fr: source-press-2025-08-28 }",
        "{ fr-FR: Aider à améliorer Claude }\n        sources: { fr-FR: source-press-2025-08-28 }",
    );
    let line = sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l.contains("fr-FR: Aider"))
        .unwrap()
        + 1;
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert_eq!(
        run.stdout.matches("warning[PG0118]").count(),
        1,
        "reported once:\n{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("has text for `fr-FR`, which is not a locale of this site"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("fix the tag if it is a typo (the locales: en, de, fr)")
    );
    assert!(
        run.stdout.contains(&format!("policy/policy.yaml:{line}:")),
        "{}",
        run.stdout
    );
    let strict = sandbox.run(&["check", "--strict"]);
    assert_eq!(strict.code, Some(1));
}
