//! Broken inputs: each gives a located, actionable error, a non-zero exit, and leaves the
//! previous site exactly as it was.

use crate::support::Sandbox;

/// 1-based line of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not found"))
        + 1
}

/// Builds once, breaks the project with `breakage`, builds again and checks the failure.
/// Returns stderr for extra assertions.
fn assert_build_fails(breakage: impl FnOnce(&Sandbox), expected: &[String]) -> String {
    let sandbox = Sandbox::real();
    let before = sandbox.build_ok();
    breakage(&sandbox);
    let run = sandbox.build();
    assert!(!run.success, "build should fail");
    assert_eq!(run.code, Some(1));
    for want in expected {
        assert!(
            run.stderr.contains(want.as_str()),
            "expected {want:?} in:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("help:"),
        "every error says how to fix it:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(
        sandbox.site(),
        before,
        "the previous site must be untouched"
    );
    run.stderr
}

fn edited_line(sandbox: &Sandbox, file: &str, needle: &str) -> String {
    format!("{file}:{}:", line_of(&sandbox.read(file), needle))
}

#[test]
fn invalid_yaml() {
    let line = line_of(
        &Sandbox::real().read("policy/policy.yaml"),
        "{ id: organization, name: Anthropic }",
    );
    let stderr = assert_build_fails(
        |s| {
            s.edit(
                "policy/policy.yaml",
                "{ id: organization, name: Anthropic }",
                "{ id: organization, name: [Anthropic }",
            )
        },
        &["error[PG0101]".into()],
    );
    // libyaml notices an unclosed flow sequence at the line after it opens.
    assert!(
        (line..=line + 2).any(|l| stderr.contains(&format!("policy/policy.yaml:{l}:"))),
        "{stderr}"
    );
}

#[test]
fn unknown_field() {
    let sandbox_line = {
        let s = Sandbox::real();
        s.edit(
            "policy/policy.yaml",
            "{ id: product, name: Claude }",
            "{ id: product, name: Claude, colour: red }",
        );
        edited_line(&s, "policy/policy.yaml", "colour: red")
    };
    assert_build_fails(
        |s| {
            s.edit(
                "policy/policy.yaml",
                "{ id: product, name: Claude }",
                "{ id: product, name: Claude, colour: red }",
            )
        },
        &["unknown field `colour`".into(), sandbox_line],
    );
}

#[test]
fn invalid_date() {
    let line = {
        let s = Sandbox::real();
        s.edit(
            "policy/policy.yaml",
            "effective: 2025-08-28",
            "effective: 2025-08-32",
        );
        edited_line(&s, "policy/policy.yaml", "effective: 2025-08-32")
    };
    assert_build_fails(
        |s| {
            s.edit(
                "policy/policy.yaml",
                "effective: 2025-08-28",
                "effective: 2025-08-32",
            )
        },
        &["invalid date `2025-08-32`".into(), line],
    );
}

#[test]
fn duplicate_id() {
    let from = "items: [right-copy, right-object, right-delete]";
    let to = "items: [right-copy, right-object, right-copy]";
    let line = {
        let s = Sandbox::real();
        s.edit("policy/policy.yaml", from, to);
        edited_line(&s, "policy/policy.yaml", to)
    };
    let stderr = assert_build_fails(
        |s| s.edit("policy/policy.yaml", from, to),
        &["duplicate id `right-copy`".into(), line.clone()],
    );
    // The second definition is the one reported, in the list where it is written.
    let col = to.rfind("right-copy").unwrap() + 1;
    let indent = Sandbox::real()
        .read("policy/policy.yaml")
        .lines()
        .find(|l| l.contains(from))
        .map(|l| l.find(from).unwrap())
        .unwrap();
    assert!(
        stderr.contains(&format!("{line}{}", indent + col)),
        "{stderr}"
    );
}

#[test]
fn unknown_entity_reference() {
    let from = "covered: { entities: [tier-free, tier-pro, tier-max, tier-claude-code] }";
    let to = "covered: { entities: [tier-free, tier-pro, tier-platinum, tier-claude-code] }";
    let line = {
        let s = Sandbox::real();
        s.edit("policy/policy.yaml", from, to);
        edited_line(&s, "policy/policy.yaml", "tier-platinum")
    };
    assert_build_fails(
        |s| s.edit("policy/policy.yaml", from, to),
        &["unknown entity `tier-platinum`".into(), line],
    );
}

#[test]
fn message_missing_in_one_language() {
    let en_line = edited_line(
        &Sandbox::real(),
        "locales/en/retention.ftl",
        "retention-feedback =",
    );
    let stderr = assert_build_fails(
        |s| {
            let text = s.read("locales/de/retention.ftl");
            let kept: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with("retention-feedback ="))
                .collect();
            s.write("locales/de/retention.ftl", &kept.join("\n"));
        },
        &[
            "message `retention-feedback` is missing in `de`".into(),
            en_line,
            "locales/de/".into(),
        ],
    );
    assert!(
        !stderr.contains("locale `fr`"),
        "only de is broken:\n{stderr}"
    );
}

#[test]
fn fluent_syntax_error() {
    let stderr = assert_build_fails(
        |s| {
            let text = s.read("locales/fr/retention.ftl");
            s.write(
                "locales/fr/retention.ftl",
                &format!("{text}\ncassé = {{ $x\n"),
            );
        },
        &[
            "Fluent syntax error".into(),
            "locales/fr/retention.ftl:".into(),
        ],
    );
    // The reported line is the broken one (after the existing lines).
    let sandbox = Sandbox::real();
    let lines = sandbox.read("locales/fr/retention.ftl").lines().count();
    assert!(
        (lines + 1..=lines + 3).any(|l| stderr.contains(&format!("locales/fr/retention.ftl:{l}:"))),
        "{stderr}"
    );
}

#[test]
fn unknown_variable_in_a_translation() {
    let line = {
        let s = Sandbox::real();
        s.edit(
            "locales/fr/retention.ftl",
            "pendant { $period }",
            "pendant { $periode }",
        );
        edited_line(&s, "locales/fr/retention.ftl", "$periode")
    };
    assert_build_fails(
        |s| {
            s.edit(
                "locales/fr/retention.ftl",
                "pendant { $period }",
                "pendant { $periode }",
            )
        },
        &["retention-training-declined".into(), line, "$period".into()],
    );
}

#[test]
fn template_error() {
    let stderr = assert_build_fails(
        |s| {
            s.edit(
                "templates/page.html",
                "<h1>{{ page.title | safe }}</h1>",
                "<h1>{{ page.title | safe </h1>",
            )
        },
        &["template".into(), "templates/page.html:".into()],
    );
    let line = line_of(
        &Sandbox::real().read("templates/page.html"),
        "<h1>{{ page.title",
    );
    assert!(
        stderr.contains(&format!("templates/page.html:{line}:")),
        "{stderr}"
    );
}

#[test]
fn template_calling_a_missing_message() {
    let en_missing = assert_build_fails(
        |s| {
            s.edit(
                "templates/related.html",
                "{{ t(key=\"related-articles\") }}",
                "{{ t(key=\"related-articlez\") }}",
            )
        },
        &["message `related-articlez` is missing in locale `en`".into()],
    );
    assert!(en_missing.contains("locales/en/"), "{en_missing}");
}

#[test]
fn a_reader_that_goes_away_is_not_a_crash() {
    // `policyglot check --format json | head -c 1`: the pipe closes before the output is
    // written. The exit code still tells the check's outcome, and nothing panics.
    let sandbox = Sandbox::real();
    for args in [&["check", "--format", "json"][..], &["schema"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_policyglot"))
            .arg("--root")
            .arg(sandbox.root())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// `check` on a copy of the real project after `edit`: fails (exit 1, no panic) and
/// reports `want` at the last line holding `needle` in `file` (for a duplicate, the
/// second definition).
fn check_reports(file: &str, from: &str, to: &str, needle: &str, want: &str) {
    let sandbox = Sandbox::real();
    sandbox.edit(file, from, to);
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let text = sandbox.read(file);
    let lines: Vec<&str> = text.lines().collect();
    let line = lines.iter().rposition(|l| l.contains(needle)).unwrap() + 1;
    assert!(
        run.stdout.contains(want) && run.stdout.contains(&format!("{file}:{line}:")),
        "expected {want:?} at {file}:{line}:\n{}",
        run.stdout
    );
    let build = sandbox.run(&["build", "--no-search"]);
    assert_eq!(build.code, Some(1), "check and build agree");
}

#[test]
fn an_empty_name_is_an_error_not_a_crash() {
    check_reports(
        "policy/policy.yaml",
        "{ id: tier-pro, name: Claude Pro }",
        "{ id: tier-pro, name: \"\" }",
        "id: tier-pro",
        "error[PG0127]: entity `tier-pro` has an empty name",
    );
}

#[test]
fn a_mistyped_variant_key_cannot_turn_years_into_days() {
    check_reports(
        "locales/fr/site.ftl",
        "        [years]\n",
        "        [year]\n",
        "*[days]",
        "error[PG0519]: `duration` in `fr` has no variant `[years]` for `$unit`",
    );
}

#[test]
fn a_duplicate_version_id_is_an_error() {
    check_reports(
        "policy/policy.yaml",
        "  - id: consumer-terms-2025\n",
        "  - id: consumer-terms-opt-in\n",
        "  - id: consumer-terms-opt-in",
        "error[PG0112]: duplicate id `consumer-terms-opt-in`",
    );
}

#[test]
fn a_year_with_a_sign_is_not_a_date() {
    check_reports(
        "policy/policy.yaml",
        "effective: 2025-08-28",
        "effective: +025-08-28",
        "effective: +025-08-28",
        "invalid date `+025-08-28`",
    );
}

#[test]
fn a_page_id_taken_by_a_generated_page_is_a_located_error() {
    let policy =
        std::fs::read_to_string(format!("{}/policy/policy.yaml", crate::support::REPO)).unwrap();
    let line = line_of(&policy, "  - id: feedback");
    for id in ["search", "index", "changes-consumer-terms-2025"] {
        let stderr = assert_build_fails(
            |s| {
                s.edit(
                    "policy/policy.yaml",
                    "  - id: feedback\n",
                    &format!("  - id: {id}\n"),
                )
            },
            &[
                format!("error[PG0126]: page id `{id}` is the name of a page the site generates"),
                format!("--> policy/policy.yaml:{line}:9"),
                "rename the page".to_owned(),
            ],
        );
        assert!(
            stderr.contains(&format!("{line} |   - id: {id}")),
            "{stderr}"
        );
    }
}
