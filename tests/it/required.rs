//! Every message a project needs is known before rendering, with who needs it: one
//! `check` run lists every missing one, in the reference and in each translation,
//! conditional ones (notices shown only in some states) included; `build` agrees.

use std::collections::BTreeSet;

use crate::support::Sandbox;

/// The message ids defined in a `.ftl` text.
fn ids(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| {
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_owned)
        .collect()
}

/// PG0530 findings of `check --format json`: (locale folder in the help, id, message, file).
fn required_findings(sandbox: &Sandbox) -> (Option<i32>, Vec<serde_json::Value>) {
    let run = sandbox.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PG0530")
        .cloned()
        .collect();
    (run.code, findings)
}

fn id_of(finding: &serde_json::Value) -> String {
    finding["message"]
        .as_str()
        .unwrap()
        .split('`')
        .nth(1)
        .unwrap()
        .to_owned()
}

/// `file:line` of the first line of a template holding `needle`.
fn template_line(sandbox: &Sandbox, template: &str, needle: &str) -> String {
    let text = sandbox.read(&format!("templates/{template}"));
    let line = text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    format!("templates/{template}:{line}")
}

#[test]
fn without_the_site_chrome_one_check_names_every_missing_message_and_who_needs_it() {
    let sandbox = Sandbox::real();
    let chrome = ids(&sandbox.read("locales/en/site.ftl"));
    assert!(chrome.len() > 20, "{chrome:?}");
    // Gone from the reference and from French: both are reported, in one run.
    for tag in ["en", "fr"] {
        std::fs::remove_file(sandbox.path(&format!("locales/{tag}/site.ftl"))).unwrap();
    }
    let (code, findings) = required_findings(&sandbox);
    assert_eq!(code, Some(1));
    for tag in ["en", "fr"] {
        let missing: BTreeSet<String> = findings
            .iter()
            .filter(|f| {
                f["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("in locale `{tag}`"))
            })
            .map(id_of)
            .collect();
        assert_eq!(missing, chrome, "{tag}: every message of site.ftl, once");
    }
    assert_eq!(findings.len(), 2 * chrome.len(), "one finding per message");
    // German still has them: nothing is missing there.
    assert!(
        !findings
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("`de`"))
    );
    // Each names who needs it: a template and line, a generated page, or a state.
    let by = |id: &str| -> String {
        let f = findings
            .iter()
            .find(|f| id_of(f) == id && f["message"].as_str().unwrap().contains("`en`"))
            .unwrap_or_else(|| panic!("no finding for {id}"));
        f["message"].as_str().unwrap().to_owned()
    };
    let skip = template_line(&sandbox, "base.html", "skip-to-content");
    assert!(by("skip-to-content").ends_with(&format!("needed by {skip}")));
    let not_found = [
        template_line(&sandbox, "404.html", "{% block title %}"),
        template_line(&sandbox, "404.html", "<h1>"),
    ];
    assert!(
        by("not-found-title").ends_with(&format!("needed by {}, {}", not_found[0], not_found[1])),
        "{}",
        by("not-found-title")
    );
    assert!(
        by("upcoming-notice")
            .ends_with("needed by the state \"a later version of the policy is announced\"")
    );
    assert!(by("changes-intro").ends_with("needed by each \"what changed\" page"));
    assert!(by("choose-language").contains("language picker"));
    for f in &findings {
        let message = f["message"].as_str().unwrap();
        assert!(message.contains(", needed by "), "{message}");
        assert!(f["help"].as_str().unwrap().contains("locales/"), "{f}");
    }
    // A template's message is located at the call.
    let located = findings
        .iter()
        .find(|f| id_of(f) == "skip-to-content")
        .unwrap();
    assert_eq!(located["file"], "templates/base.html");

    // The human report prints every one too (other codes stop at 20 and count the rest).
    let human = sandbox.run(&["check"]);
    assert_eq!(
        human.stdout.matches("error[PG0530]").count(),
        findings.len(),
        "{}",
        human.stdout
    );
    assert!(!human.stdout.contains("more PG0530"), "{}", human.stdout);

    // `build` fails on the same findings, and publishes nothing.
    let run = sandbox.build();
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr.matches("error[PG0530]").count(),
        findings.len(),
        "{}",
        run.stderr
    );
    assert!(!sandbox.path("site").exists());
}

#[test]
fn a_notice_needed_only_in_some_states_is_required_today() {
    let sandbox = Sandbox::real();
    // No translation is stale in this project: the notice is needed all the same.
    let text = sandbox.read("locales/en/pages.ftl");
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            !l.starts_with("stale-notice")
                && !l.starts_with("    .undated")
                && !l.starts_with("    .link = Read the English")
        })
        .collect();
    sandbox.write("locales/en/pages.ftl", &kept.join("\n"));
    assert!(
        !sandbox
            .read("locales/en/pages.ftl")
            .contains("stale-notice")
    );
    let (code, findings) = required_findings(&sandbox);
    assert_eq!(code, Some(1), "check fails at once");
    let messages: Vec<&str> = findings
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "message `stale-notice` is missing in locale `en`, needed by the state \"a translation is stale\""
        ]
    );
    // An attribute alone is named as such.
    let sandbox = Sandbox::real();
    sandbox.edit(
        "locales/en/pages.ftl",
        "    .undated = The English text of this section changed; this translation is being reviewed.\n",
        "",
    );
    let (code, findings) = required_findings(&sandbox);
    assert_eq!(code, Some(1));
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("attribute `stale-notice.undated` is missing in locale `en`"),
        "{}",
        findings[0]
    );
    assert_eq!(findings[0]["file"], "locales/en/pages.ftl");
}

#[test]
fn a_translation_missing_a_message_is_told_who_needs_it() {
    let sandbox = Sandbox::real();
    let text = sandbox.read("locales/fr/site.ftl");
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("search-title ="))
        .collect();
    sandbox.write("locales/fr/site.ftl", &kept.join("\n"));
    let run = sandbox.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let missing: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PG0501")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    let at = [
        template_line(&sandbox, "search.html", "{% block title %}"),
        template_line(&sandbox, "search.html", "<h1>"),
    ];
    assert_eq!(
        missing,
        [format!(
            "message `search-title` is missing in `fr`, needed by {}, {}",
            at[0], at[1]
        )]
    );
}

#[test]
fn each_part_of_a_notice_may_use_only_what_it_is_given() {
    // `.undated` is shown when no day is known: a `$changed` there would fail only in
    // that state, so `check` refuses it today.
    let sandbox = Sandbox::real();
    sandbox.edit(
        "locales/en/pages.ftl",
        "    .undated = The English text of this section changed; this translation",
        "    .undated = The English text of this section changed on { $changed }; this translation",
    );
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(1));
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let errors: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "PG0518")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["file"], "locales/en/pages.ftl");
    assert_eq!(
        errors[0]["message"],
        "`stale-notice.undated` uses `$changed`, which it is not given"
    );
    assert_eq!(
        errors[0]["help"],
        "`stale-notice.undated` gets no variables: write the text without it"
    );
    // The dated text and the link get `$changed`.
    assert!(
        sandbox
            .read("locales/en/pages.ftl")
            .contains("changed on { $changed }; this translation is being reviewed.\n    .undated")
    );
}
