//! `policyglot check`: clean on the real repository; every planted defect class found at
//! its file and line in every output format; stale translations flagged, shown on the
//! published page, and cleared by `confirm`.

use serde::Deserialize;

use crate::support::{REPO, Sandbox};

#[derive(Deserialize)]
struct Defect {
    class: String,
    code: String,
    #[serde(default)]
    strict: bool,
    edits: Vec<Edit>,
    expect: Expect,
}

#[derive(Deserialize)]
struct Edit {
    file: String,
    find: Option<String>,
    replace: Option<String>,
    append: Option<String>,
    delete_line: Option<String>,
}

#[derive(Deserialize)]
struct Expect {
    file: String,
    line_of: String,
}

fn defects() -> Vec<Defect> {
    let text = std::fs::read_to_string(format!("{REPO}/tests/fixtures/defects.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn plant(sandbox: &Sandbox, defect: &Defect) {
    for edit in &defect.edits {
        if let Some(text) = &edit.append {
            let old = sandbox.read(&edit.file);
            sandbox.write(&edit.file, &format!("{old}{text}"));
        } else if let Some(prefix) = &edit.delete_line {
            let old = sandbox.read(&edit.file);
            assert_eq!(
                old.lines()
                    .filter(|l| l.starts_with(prefix.as_str()))
                    .count(),
                1,
                "{prefix}"
            );
            let kept: Vec<&str> = old
                .lines()
                .filter(|l| !l.starts_with(prefix.as_str()))
                .collect();
            sandbox.write(&edit.file, &(kept.join("\n") + "\n"));
        } else {
            sandbox.edit(
                &edit.file,
                edit.find.as_deref().unwrap(),
                edit.replace.as_deref().unwrap(),
            );
        }
    }
}

fn expected_line(sandbox: &Sandbox, expect: &Expect) -> usize {
    let text = sandbox.read(&expect.file);
    text.lines()
        .position(|l| l.contains(expect.line_of.as_str()))
        .unwrap_or_else(|| panic!("{:?} not in {}", expect.line_of, expect.file))
        + 1
}

fn check(sandbox: &Sandbox, format: &str, strict: bool) -> crate::support::Run {
    let mut args = vec!["check", "--format", format];
    if strict {
        args.push("--strict");
    }
    sandbox.run(&args)
}

#[test]
fn the_real_repository_is_clean() {
    let run = Sandbox::real().run(&["check"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("check: 0 error(s), 0 warning(s)"),
        "{}",
        run.stdout
    );
    for locale in ["en", "fr", "de"] {
        let row = run
            .stdout
            .lines()
            .find(|l| l.starts_with(locale))
            .unwrap_or_else(|| panic!("no summary row for {locale}:\n{}", run.stdout));
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cells[1], cells[2], "all translated: {row}");
        assert_eq!(&cells[3..], ["0", "0", "0"], "{row}");
    }
}

#[test]
fn every_planted_defect_is_found_at_its_line_in_every_format() {
    for defect in defects() {
        let sandbox = Sandbox::real();
        plant(&sandbox, &defect);
        let line = expected_line(&sandbox, &defect.expect);
        let at = format!("{}:{line}:", defect.expect.file);
        let label = format!("{} ({})", defect.class, defect.code);

        let run = check(&sandbox, "json", defect.strict);
        assert_eq!(run.code, Some(1), "{label}: exit 1\n{}", run.stdout);
        let report: serde_json::Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{label}: json: {e}\n{}", run.stdout));
        assert_eq!(report["schema"], "policyglot-check/1");
        let found = report["findings"].as_array().unwrap().iter().any(|f| {
            f["code"] == defect.code.as_str()
                && f["class"] == defect.class.as_str()
                && f["file"] == defect.expect.file.as_str()
                && f["line"] == line
                && f["severity"] == "error"
                && f["help"].as_str().is_some_and(|h| !h.is_empty())
        });
        assert!(found, "{label}: expected at {at}\n{}", run.stdout);

        let human = check(&sandbox, "human", defect.strict);
        assert_eq!(human.code, Some(1), "{label}");
        assert!(
            human.stdout.contains(&format!("[{}]", defect.code)) && human.stdout.contains(&at),
            "{label}: {at}\n{}",
            human.stdout
        );

        let github = check(&sandbox, "github", defect.strict);
        assert!(
            github
                .stdout
                .contains(&format!("::error file={},line={line},", defect.expect.file)),
            "{label}\n{}",
            github.stdout
        );

        // Errors stop the build; warnings (checked with --strict) do not.
        let build = sandbox.build();
        if defect.strict {
            assert!(
                build.success,
                "{label}: warnings must not stop a build\n{}",
                build.stderr
            );
        } else {
            assert!(
                !build.success && build.stderr.contains(&defect.code),
                "{label}: build must refuse\n{}",
                build.stderr
            );
        }
    }
}

#[test]
fn json_findings_name_their_class_and_the_summary_counts() {
    let sandbox = Sandbox::real();
    let text = sandbox.read("locales/de/retention.ftl");
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("retention-feedback ="))
        .collect();
    sandbox.write("locales/de/retention.ftl", &kept.join("\n"));
    let run = sandbox.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["errors"], 1, "{}", run.stdout);
    let de = report["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "de")
        .unwrap();
    assert_eq!(de["missing"], 1);
    assert_eq!(
        de["translated"].as_u64().unwrap() + 1,
        de["messages"].as_u64().unwrap()
    );
}

#[test]
fn a_changed_english_message_is_stale_until_confirmed() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "locales/en/retention.ftl",
        "we keep it, with the conversation it concerns,",
        "we keep it, together with the conversation it concerns,",
    );
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(0), "stale is a warning");
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let stale: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["class"] == "stale-translation")
        .map(|f| f["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        stale,
        ["locales/de/retention.ftl", "locales/fr/retention.ftl"]
    );

    // Published with a notice on the block, in fr and de only, linking to the English block;
    // without git nothing dates the change, and the notice invents no day.
    let site = sandbox.build_ok();
    for (locale, words) in [
        (
            "fr",
            "Le texte anglais de cette section a été modifié\u{202f};",
        ),
        ("de", "Der englische Text dieses Abschnitts wurde geändert;"),
    ] {
        let page = site.html(&format!("{locale}/data-retention.html"));
        let notice = page
            .0
            .select(&scraper::Selector::parse("#retention .stale-notice").unwrap())
            .next();
        let notice = notice.unwrap_or_else(|| panic!("{locale}: no notice on #retention"));
        let text: String = notice.text().collect();
        assert!(text.contains(words), "{locale}: {text}");
        let link = notice
            .select(&scraper::Selector::parse("a").unwrap())
            .next()
            .unwrap();
        assert_eq!(
            link.value().attr("href"),
            Some("../en/data-retention.html#retention")
        );
        // Blocks whose English did not change carry no notice.
        let others = page
            .0
            .select(&scraper::Selector::parse(".stale-notice").unwrap())
            .count();
        assert_eq!(others, 1, "{locale}");
        let feedback = site.html(&format!("{locale}/feedback.html"));
        assert!(
            feedback
                .0
                .select(&scraper::Selector::parse("#retention-feedback .stale-notice").unwrap())
                .next()
                .is_some()
        );
    }
    assert!(
        !String::from_utf8_lossy(&site.files["en/data-retention.html"]).contains("stale-notice")
    );

    // Confirming one locale clears it there only; confirming one message clears the other.
    let confirm = sandbox.run(&["confirm", "fr"]);
    assert!(confirm.success, "{}", confirm.stderr);
    assert!(
        confirm
            .stdout
            .contains("confirmed 1 translation(s) of `fr`"),
        "{}",
        confirm.stdout
    );
    let site = sandbox.build_ok();
    assert!(
        !String::from_utf8_lossy(&site.files["fr/data-retention.html"]).contains("stale-notice")
    );
    assert!(
        String::from_utf8_lossy(&site.files["de/data-retention.html"]).contains("stale-notice")
    );
    assert!(
        sandbox
            .run(&["confirm", "de", "retention-feedback"])
            .success
    );
    let site = sandbox.build_ok();
    assert!(
        !String::from_utf8_lossy(&site.files["de/data-retention.html"]).contains("stale-notice")
    );
    let run = sandbox.run(&["check", "--strict"]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
}

#[test]
fn confirm_refuses_unknown_locales_and_messages() {
    let sandbox = Sandbox::real();
    let run = sandbox.run(&["confirm", "it"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("`it` is not a translated locale"),
        "{}",
        run.stderr
    );
    let run = sandbox.run(&["confirm", "fr", "no-such-message"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("no message `no-such-message`"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_exits_2_when_it_cannot_run() {
    let empty = tempfile::TempDir::new().unwrap();
    let run = crate::support::Run::from(
        std::process::Command::new(env!("CARGO_BIN_EXE_policyglot"))
            .args(["--root"])
            .arg(empty.path())
            .arg("check")
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("no policy file"), "{}", run.stderr);
}

/// `check --by-locale`: each locale's findings under its own heading (the reference
/// first, then by tag), those every locale shares before them, the summary once.
#[test]
fn by_locale_groups_each_translator_s_findings() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "locales/fr/retention.ftl",
        "nous les conservons pendant { $period }.",
        "nous les conservons longtemps.",
    );
    std::fs::remove_file(sandbox.path("locales/de/coverage.ftl")).unwrap();
    let run = sandbox.run(&["check", "--by-locale"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let out = &run.stdout;
    let de = out
        .find("== locale `de`")
        .unwrap_or_else(|| panic!("{out}"));
    let fr = out
        .find("== locale `fr`")
        .unwrap_or_else(|| panic!("{out}"));
    assert!(de < fr, "{out}");
    let (german, french) = (&out[de..fr], &out[fr..]);
    assert!(
        german.contains("locales/de/") || german.contains("`de`"),
        "{german}"
    );
    assert!(!german.contains("locales/fr/"), "{german}");
    assert!(french.contains("locales/fr/retention.ftl"), "{french}");
    assert!(!french.contains("in `de`"), "{french}");
    assert_eq!(
        out.matches("locale  messages").count(),
        1,
        "one summary: {out}"
    );
    assert!(
        out.trim_end().ends_with("warning(s)") || out.contains("note(s)"),
        "{out}"
    );
}
