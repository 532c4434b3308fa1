//! Errors located where the fault is, with help naming it (issue 27, point 7).

use crate::support::Sandbox;

#[test]
fn an_invalid_reference_locale_is_reported_at_its_value_not_as_a_missing_folder() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "reference_locale: en\n",
        "reference_locale: english language\n",
    );
    let line = sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l.starts_with("reference_locale:"))
        .unwrap()
        + 1;
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(
        out.contains("error[PG0135]: `reference_locale` `english language` is not a valid BCP 47 language tag"),
        "{out}"
    );
    assert!(
        out.contains(&format!("--> policy/policy.yaml:{line}:19")),
        "{out}"
    );
    assert!(
        out.contains("help: write the BCP 47 tag of the language the policy is written in"),
        "{out}"
    );
    assert!(!out.contains("PG0201"), "{out}");
}

#[test]
fn a_locale_file_with_classic_mac_line_endings_is_read_line_by_line() {
    let sandbox = Sandbox::real();
    let file = "locales/fr/retention.ftl";
    let text = sandbox.read(file);
    sandbox.write(file, &text.replace('\n', "\r"));
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("PG0501"), "{}", run.stdout);
    // A fault in such a file is at its own line.
    let line = text
        .lines()
        .position(|l| l.starts_with("retention-feedback ="))
        .unwrap();
    let broken: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| match i == line {
            true => "retention-feedback = { ]".to_owned(),
            false => l.to_owned(),
        })
        .collect();
    sandbox.write(file, &broken.join("\r"));
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("--> {file}:{}:", line + 1)),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("error[PG0206]: Fluent syntax error"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_fact_named_like_a_message_of_the_site_is_reported_at_its_id() {
    let sandbox = Sandbox::real();
    let policy = sandbox.read("policy/policy.yaml");
    let renamed = policy.replace("about-training", "duration");
    sandbox.write("policy/policy.yaml", &renamed);
    let line = renamed
        .lines()
        .position(|l| l.trim() == "- duration")
        .unwrap()
        + 1;
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "error[PG0547]: fact `duration` has the id of a message the site needs for itself (needed by every page showing a duration value)"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("--> policy/policy.yaml:{line}:9")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("help: rename the fact (and its messages)"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_bad_link_written_with_a_yaml_escape_is_located_at_its_value() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        r#"commercial-help: { link: "https://privacy.anthropic.com/" }"#,
        r#"commercial-help: { link: "javascript\x3aalert(1)" }"#,
    );
    let line = sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l.contains(r"javascript\x3a"))
        .unwrap()
        + 1;
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "error[PG0121]: bad link: `javascript:alert(1)` uses the scheme `javascript:`"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("--> policy/policy.yaml:{line}:11")),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("policy/policy.yaml:1:1"),
        "{}",
        run.stdout
    );
}
