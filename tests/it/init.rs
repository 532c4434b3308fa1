//! `policyglot init`: a new project, written by the binary into a folder outside this
//! repository, passes `check --strict` and builds at once; added locales get the chrome
//! translated and `check` lists the rest in one run; an existing project is never touched.

use std::path::Path;

use tempfile::TempDir;

use crate::support::{REPO, Run, Sandbox, Site, run_in};

/// A folder outside the repository (the system's temporary folder).
fn outside() -> TempDir {
    let dir = TempDir::new().unwrap();
    assert!(!dir.path().starts_with(REPO), "{}", dir.path().display());
    dir
}

fn ok(run: &Run, what: &str) {
    assert!(run.success, "{what}:\n{}{}", run.stdout, run.stderr);
}

#[test]
fn a_new_project_passes_check_strict_and_builds_at_once() {
    let dir = outside();
    let init = run_in(dir.path(), &["init", "--today", "2026-03-01"]);
    ok(&init, "init");
    // It says what it wrote and what to run next.
    for said in [
        "policy/policy.yaml",
        "locales/en/site.ftl",
        "templates/base.html",
        "policyglot check --strict",
        "policyglot build",
    ] {
        assert!(init.stdout.contains(said), "{said}: {}", init.stdout);
    }
    ok(
        &run_in(dir.path(), &["check", "--strict"]),
        "check --strict",
    );
    ok(&run_in(dir.path(), &["build", "--no-search"]), "build");
    let site = Site::read(&dir.path().join("site"));
    let page = site.html("en/contact-us.html");
    assert_eq!(
        page.text_of("response-time").as_deref(),
        Some("How soon we answer We answer every message within 2 days.")
    );
    assert_eq!(page.text_of_css("h1").as_deref(), Some("Contacting us"));
    assert!(
        site.html("en/contact-us.html")
            .text_of_css(".dates")
            .is_some_and(|t| t.contains("March 1, 2026")),
        "the first version takes effect on init's day"
    );
    // The templates are the repository's own, byte for byte: they cannot drift.
    let theirs = Site::read(&dir.path().join("templates"));
    let ours = Site::read(&Path::new(REPO).join("templates"));
    assert_eq!(theirs, ours);
    assert_eq!(
        std::fs::read(dir.path().join("locales/en/site.ftl")).unwrap(),
        std::fs::read(Path::new(REPO).join("locales/en/site.ftl")).unwrap()
    );
}

#[test]
fn another_reference_locale_starts_from_its_own_chrome() {
    let dir = outside();
    ok(&run_in(dir.path(), &["init", "--reference", "de"]), "init");
    assert!(
        std::fs::read_to_string(dir.path().join("policy/policy.yaml"))
            .unwrap()
            .contains("\nreference_locale: de\n")
    );
    ok(
        &run_in(dir.path(), &["check", "--strict"]),
        "check --strict",
    );
    ok(&run_in(dir.path(), &["build", "--no-search"]), "build");
    let site = Site::read(&dir.path().join("site"));
    assert!(
        site.html("de/contact-us.html")
            .text_of("response-time")
            .is_some_and(|t| t.contains("2 Tage")),
        "the period is formatted by the German chrome"
    );
}

/// The French translation of the skeleton's own messages, as its translator would add it.
const FRENCH: &str = "site-title = Centre d’aide { -organization-name }
index-title = Articles d’aide
index-intro = Ce que fait { -organization-name } de vos messages, et comment nous joindre.
footer-note = { -organization-name } · Centre d’aide
page-contact-us = Comment nous joindre, et sous quel délai nous répondons.
    .title = Nous contacter
stale-notice = Le texte original de cette section a changé le { $changed } ; cette traduction est en cours de relecture.
    .undated = Le texte original de cette section a changé ; cette traduction est en cours de relecture.
    .link = Lire la version originale
response-time = Nous répondons à chaque message sous { $reply-within }.
    .title = Sous quel délai nous répondons
";

#[test]
fn an_added_locale_gets_its_chrome_and_check_lists_the_rest_in_one_run() {
    let dir = outside();
    ok(
        &run_in(dir.path(), &["init", "site", "--locale", "fr"]),
        "init",
    );
    let project = dir.path().join("site");
    assert_eq!(
        std::fs::read(project.join("locales/fr/site.ftl")).unwrap(),
        std::fs::read(Path::new(REPO).join("locales/fr/site.ftl")).unwrap()
    );
    let root = project.to_str().unwrap();
    let check = run_in(dir.path(), &["--root", root, "check", "--format", "json"]);
    assert_eq!(check.code, Some(1), "{}{}", check.stdout, check.stderr);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let mut missing: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["code"], "PG0501", "only missing messages: {f}");
            f["message"].as_str().unwrap().to_owned()
        })
        .collect();
    missing.sort();
    let expected: Vec<String> = [
        "footer-note",
        "index-intro",
        "index-title",
        "page-contact-us",
        "response-time",
        "site-title",
        "stale-notice",
    ]
    .iter()
    .map(|id| format!("message `{id}` is missing in `fr`, needed by "))
    .collect();
    assert_eq!(missing.len(), expected.len(), "{missing:?}");
    for (got, want) in missing.iter().zip(&expected) {
        assert!(
            got.starts_with(want),
            "the project's own messages, all at once, each with who needs it: {got}"
        );
    }
    assert_eq!(report["warnings"], 0, "the translated chrome is not stale");

    std::fs::write(project.join("locales/fr/pages.ftl"), FRENCH).unwrap();
    ok(
        &run_in(dir.path(), &["--root", root, "confirm", "fr"]),
        "confirm",
    );
    ok(
        &run_in(dir.path(), &["--root", root, "check", "--strict"]),
        "check --strict",
    );
    let build = run_in(dir.path(), &["--root", root, "build", "--no-search"]);
    ok(&build, "build");
    assert!(
        build.stdout.contains("2 locales (en, fr)"),
        "{}",
        build.stdout
    );
    let site = Site::read(&project.join("site"));
    assert!(
        site.html("fr/contact-us.html")
            .text_of("response-time")
            .is_some_and(|t| t.contains("Nous répondons à chaque message sous 2 jours")),
    );
    assert!(
        site.html("en/contact-us.html")
            .text_of("response-time")
            .is_some_and(|t| t.contains("within 2 days"))
    );
}

#[test]
fn a_locale_without_chrome_leaves_everything_to_translate() {
    let dir = outside();
    ok(&run_in(dir.path(), &["init", "--locale", "pt-BR"]), "init");
    // A locale with no messages yet is one warning with the fix, not built.
    let check = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(check.code, Some(0), "{}", check.stderr);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "PG0209");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("locales/pt-BR")
    );
    let strict = run_in(dir.path(), &["check", "--strict"]);
    assert_eq!(strict.code, Some(1), "{}", strict.stdout);
    // Once it has a message, every other one is listed as missing in one run.
    std::fs::write(
        dir.path().join("locales/pt-BR/site.ftl"),
        "language-name = Português (Brasil)\n",
    )
    .unwrap();
    let check = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(check.code, Some(1), "{}", check.stderr);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let row = report["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "pt-BR")
        .cloned()
        .unwrap();
    let en = report["locales"][0].clone();
    assert_eq!(en["locale"], "en");
    assert_eq!(row["messages"], en["messages"]);
    assert_eq!(row["translated"], 1, "{row}");
    assert_eq!(
        row["missing"].as_u64().unwrap() + 1,
        row["messages"].as_u64().unwrap(),
        "{row}"
    );
}

#[test]
fn refuses_an_existing_project_and_touches_nothing() {
    let sandbox = Sandbox::real();
    let before = Site::read(sandbox.root());
    let run = sandbox.run(&["init"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("already holds a policyglot project"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(Site::read(sandbox.root()), before);

    // Nor any file it would write: a folder with templates of its own keeps them.
    let dir = outside();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/base.html"), "mine").unwrap();
    let run = run_in(dir.path(), &["init"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("would be overwritten"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("policy").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("templates/base.html")).unwrap(),
        "mine"
    );

    let run = run_in(dir.path(), &["init", "--locale", "not a tag"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("is not a language tag"),
        "{}",
        run.stderr
    );
}

/// `add-locale` in an existing project: the folder with its chrome, and every message
/// still to write, by file, in one run; writing exactly those makes `check --strict`
/// clean. A locale that exists (in any letter case) is refused, nothing written.
#[test]
fn add_locale_lists_every_message_to_write_and_then_builds_clean() {
    let sandbox = crate::support::Sandbox::project("aurora", "en");
    let spanish = sandbox.read("locales/es/aurora.ftl");
    let chrome = sandbox.read("locales/es/site.ftl");
    std::fs::remove_dir_all(sandbox.path("locales/es")).unwrap();

    let added = sandbox.run(&["add-locale", "es"]);
    ok(&added, "add-locale");
    assert!(
        added
            .stdout
            .contains("added locales/es/site.ftl (the site chrome, to translate"),
        "{}",
        added.stdout
    );
    // Every entry of the Spanish files is listed, under the file it belongs in.
    for (file, text) in [("aurora.ftl", &spanish), ("site.ftl", &chrome)] {
        let line = added
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("  locales/es/{file} (from locales/en/{file}): ")))
            .unwrap_or_else(|| panic!("{file}: {}", added.stdout));
        let listed: Vec<&str> = line.rsplit(": ").next().unwrap().split(", ").collect();
        let defined: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-'))
            .filter_map(|l| l.split(" =").next())
            .collect();
        assert_eq!(
            listed.len(),
            defined.len(),
            "{file}: {listed:?} {defined:?}"
        );
        for id in defined {
            assert!(listed.contains(&id), "{file}: {id} in {listed:?}");
        }
    }

    // Written as listed, the locale checks clean.
    sandbox.write("locales/es/aurora.ftl", &spanish);
    sandbox.write("locales/es/site.ftl", &chrome);
    ok(&sandbox.run(&["confirm", "es"]), "confirm");
    ok(&sandbox.run(&["check", "--strict"]), "check --strict");

    let again = sandbox.run(&["add-locale", "ES"]);
    assert_eq!(again.code, Some(2));
    assert!(
        again.stderr.contains("already has the locale `es`"),
        "{}",
        again.stderr
    );
    assert_eq!(
        sandbox.read("locales/es/aurora.ftl"),
        spanish,
        "nothing written"
    );
    let bad = sandbox.run(&["add-locale", "../x"]);
    assert_eq!(bad.code, Some(2));
    assert!(
        bad.stderr.contains("is not a language tag"),
        "{}",
        bad.stderr
    );
}

/// A locale policyglot has chrome for comes with it, confirmed: only the project's own
/// messages are listed.
#[test]
fn add_locale_brings_the_chrome_policyglot_has() {
    let sandbox = crate::support::Sandbox::project("aurora", "en");
    std::fs::remove_dir_all(sandbox.path("locales/fr")).unwrap();
    let added = sandbox.run(&["add-locale", "fr"]);
    ok(&added, "add-locale");
    assert!(
        added.stdout.contains("translated by policyglot"),
        "{}",
        added.stdout
    );
    assert_eq!(
        sandbox.read("locales/fr/site.ftl"),
        std::fs::read_to_string(Path::new(REPO).join("locales/fr/site.ftl")).unwrap()
    );
    assert!(
        !added.stdout.contains("locales/fr/site.ftl (from"),
        "{}",
        added.stdout
    );
    assert!(
        added
            .stdout
            .contains("locales/fr/aurora.ftl (from locales/en/aurora.ftl)"),
        "{}",
        added.stdout
    );
}
/// The lines of a Fluent file that carry words: message texts (after ` = `) and comments
/// of more than two words outside placeables.
fn worded_lines(text: &str) -> Vec<String> {
    let words = |line: &str| {
        let mut depth = 0;
        let outside: String = line
            .chars()
            .filter(|c| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0 && *c != '}'
            })
            .collect();
        outside
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    text.lines()
        .map(|l| l.split_once(" = ").map_or(l, |(_, text)| text).trim())
        .filter(|l| words(l) > 2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_french_reference_is_written_in_french_and_english_is_left_to_translate() {
    let dir = outside();
    let init = run_in(
        dir.path(),
        &[
            "init",
            "--reference",
            "fr",
            "--locale",
            "en",
            "--today",
            "2026-03-01",
        ],
    );
    ok(&init, "init");
    let english: Vec<String> = [
        "src/init/en/pages.ftl",
        "src/init/en/facts.ftl",
        "locales/en/site.ftl",
    ]
    .iter()
    .flat_map(|f| worded_lines(&std::fs::read_to_string(Path::new(REPO).join(f)).unwrap()))
    .collect();
    assert!(english.len() > 10);
    let french = dir.path().join("locales/fr");
    let mut files = 0;
    for entry in std::fs::read_dir(&french).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        files += 1;
        for line in &english {
            assert!(
                !text.contains(line.as_str()),
                "English in {}: {line}",
                path.display()
            );
        }
    }
    assert_eq!(files, 3, "site.ftl, pages.ftl and facts.ftl");
    let facts = std::fs::read_to_string(french.join("facts.ftl")).unwrap();
    assert!(
        facts.contains(
            "response-time = Nous répondons à chaque message dans un délai de { $reply-within }."
        ),
        "{facts}"
    );
    // English gets its chrome, confirmed against the French; the project's own
    // messages are left to translate, and `check` lists exactly those.
    let check = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(check.code, Some(1), "{}{}", check.stdout, check.stderr);
    let report: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 7, "{findings:#?}");
    for f in findings {
        assert_eq!(f["code"], "PG0501", "{f}");
        assert!(
            f["message"]
                .as_str()
                .unwrap()
                .contains("is missing in `en`"),
            "{f}"
        );
    }
    // Translated (here: the English policyglot carries) and confirmed, it builds.
    for file in ["pages.ftl", "facts.ftl"] {
        let text = std::fs::read_to_string(Path::new(REPO).join("src/init/en").join(file))
            .unwrap()
            .replace("{{reference}}", "fr");
        std::fs::write(dir.path().join("locales/en").join(file), text).unwrap();
    }
    ok(&run_in(dir.path(), &["confirm", "en"]), "confirm");
    ok(
        &run_in(dir.path(), &["check", "--strict"]),
        "check --strict",
    );
    ok(&run_in(dir.path(), &["build", "--no-search"]), "build");
    let site = Site::read(&dir.path().join("site"));
    let page = site.html("fr/contact-us.html");
    assert_eq!(
        page.text_of("response-time")
            .map(|t| t.replace('\u{202f}', " "))
            .as_deref(),
        Some(
            "Dans quel délai nous répondons Nous répondons à chaque message dans un délai de 2 jours."
        )
    );
    assert_eq!(page.text_of_css("h1").as_deref(), Some("Nous contacter"));
    assert!(
        site.html("en/contact-us.html")
            .text_of("response-time")
            .is_some_and(|t| t.contains("within 2 days"))
    );
}

#[test]
fn a_german_reference_is_written_in_german() {
    let dir = outside();
    ok(&run_in(dir.path(), &["init", "--reference", "de"]), "init");
    for (file, german) in [
        (
            "pages.ftl",
            "page-contact-us = Wie Sie uns erreichen und wie schnell wir antworten.",
        ),
        (
            "facts.ftl",
            "response-time = Wir beantworten jede Nachricht spätestens { $reply-within } nach ihrem Eingang.",
        ),
    ] {
        let text = std::fs::read_to_string(dir.path().join("locales/de").join(file)).unwrap();
        assert!(text.contains(german), "{file}: {text}");
    }
    ok(
        &run_in(dir.path(), &["check", "--strict"]),
        "check --strict",
    );
}

#[test]
fn a_reference_without_text_says_which_files_to_write_and_holds_no_other_language() {
    let dir = outside();
    let init = run_in(dir.path(), &["init", "--reference", "es"]);
    ok(&init, "init");
    assert!(
        init.stdout.contains(
            "write site.ftl, pages.ftl, facts.ftl in locales/es/: policyglot has no text in this language yet"
        ),
        "{}",
        init.stdout
    );
    // Not one message in another language passed off as Spanish: the English is there as
    // comments to write from.
    for file in ["site.ftl", "pages.ftl", "facts.ftl"] {
        let text = std::fs::read_to_string(dir.path().join("locales/es").join(file)).unwrap();
        assert!(
            text.lines().all(|l| l.is_empty() || l.starts_with('#')),
            "{file}: {text}"
        );
    }
    let facts = std::fs::read_to_string(dir.path().join("locales/es/facts.ftl")).unwrap();
    assert!(facts.contains("# response-time = We answer every message within { $reply-within }."));
    let site = std::fs::read_to_string(dir.path().join("locales/es/site.ftl")).unwrap();
    assert!(site.contains("`es`, the reference locale"), "{site}");
    assert!(site.contains("# search-title = "), "{site}");
    let check = run_in(dir.path(), &["check"]);
    assert_eq!(check.code, Some(1), "{}{}", check.stdout, check.stderr);
}
