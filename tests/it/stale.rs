//! Stale means stale: a translation is stale only when its reference text changed after
//! the translation was last written or confirmed. With git, from its history (commits
//! with fixed dates here); without git, deterministically, saying what was assumed.

use std::process::Command;

use crate::support::Sandbox;

/// Runs git in the sandbox, committing as a fixed person on a fixed day.
fn git(sandbox: &Sandbox, day: &str, args: &[&str]) {
    let date = format!("{day}T12:00:00Z");
    let output = Command::new("git")
        .arg("-C")
        .arg(sandbox.root())
        .args([
            "-c",
            "user.name=Writer",
            "-c",
            "user.email=writer@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git is installed");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn commit(sandbox: &Sandbox, day: &str, message: &str) {
    git(sandbox, day, &["add", "-A"]);
    git(sandbox, day, &["commit", "-q", "-m", message]);
}

/// `check --format json`: (stale findings as (locale file, message id, message), the
/// per-locale stale counts, every finding's code and severity).
struct Report {
    stale: Vec<(String, String)>,
    messages: Vec<String>,
    counts: Vec<(String, u64)>,
    notes: Vec<String>,
    errors: u64,
}

fn check(sandbox: &Sandbox) -> Report {
    let run = sandbox.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}{}", run.stdout, run.stderr);
    });
    let findings = report["findings"].as_array().unwrap();
    let stale = findings.iter().filter(|f| f["code"] == "PG0511");
    Report {
        stale: stale
            .clone()
            .map(|f| {
                let message = f["message"].as_str().unwrap();
                let id = message.split('`').nth(1).unwrap().to_owned();
                (f["file"].as_str().unwrap().to_owned(), id)
            })
            .collect(),
        messages: stale
            .map(|f| f["message"].as_str().unwrap().to_owned())
            .collect(),
        counts: report["locales"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["locale"].as_str().unwrap().to_owned(),
                    l["stale"].as_u64().unwrap(),
                )
            })
            .collect(),
        notes: findings
            .iter()
            .filter(|f| f["severity"] == "note")
            .map(|f| format!("{} {}", f["code"], f["message"]))
            .collect(),
        errors: report["errors"].as_u64().unwrap(),
    }
}

const NEW_FACT: [(&str, &str); 3] = [
    (
        "en",
        "feedback-reviewed = People on our team may read the feedback you send.\n",
    ),
    (
        "fr",
        "feedback-reviewed = Des membres de notre équipe peuvent lire les commentaires que vous envoyez.\n",
    ),
    (
        "de",
        "feedback-reviewed = Mitglieder unseres Teams können das Feedback lesen, das Sie senden.\n",
    ),
];

#[test]
fn with_git_only_a_later_edit_of_the_reference_makes_a_translation_stale() {
    let sandbox = Sandbox::real();
    // No confirmation at all: git history alone decides.
    std::fs::remove_file(sandbox.path("locales/confirmed.yaml")).unwrap();
    git(&sandbox, "2025-01-01", &["init", "-q"]);
    commit(&sandbox, "2025-01-01", "the project");
    let report = check(&sandbox);
    assert_eq!(report.errors, 0);
    assert!(report.stale.is_empty(), "{:?}", report.messages);
    assert!(report.notes.is_empty(), "git answers: {:?}", report.notes);

    // A fact added with its three translations in one commit: nothing is stale.
    sandbox.edit(
        "policy/policy.yaml",
        "feedback-uses, feedback-not-combined]",
        "feedback-uses, feedback-not-combined, feedback-reviewed]",
    );
    for (tag, message) in NEW_FACT {
        let file = format!("locales/{tag}/feedback.ftl");
        let text = sandbox.read(&file);
        sandbox.write(&file, &format!("{text}{message}"));
    }
    commit(&sandbox, "2025-02-01", "a new fact, translated");
    let report = check(&sandbox);
    assert_eq!(report.errors, 0);
    assert!(report.stale.is_empty(), "{:?}", report.messages);
    assert_eq!(
        report.counts,
        [("en".into(), 0), ("de".into(), 0), ("fr".into(), 0)]
    );

    // A later commit edits its English text: exactly that message is stale, in fr and de,
    // dated by the commit.
    sandbox.edit(
        "locales/en/feedback.ftl",
        "may read the feedback",
        "may read and discuss the feedback",
    );
    commit(&sandbox, "2025-03-10", "reworded in English");
    let report = check(&sandbox);
    assert_eq!(
        report.stale,
        [
            (
                "locales/de/feedback.ftl".to_owned(),
                "feedback-reviewed".to_owned()
            ),
            (
                "locales/fr/feedback.ftl".to_owned(),
                "feedback-reviewed".to_owned()
            ),
        ]
    );
    assert!(
        report
            .messages
            .iter()
            .all(|m| m.contains("changed on 2025-03-10")),
        "{:?}",
        report.messages
    );
    assert_eq!(
        report.counts,
        [("en".into(), 0), ("de".into(), 1), ("fr".into(), 1)]
    );
    let site = sandbox.build_ok();
    let notice = site
        .html("fr/feedback.html")
        .text_of_css("#feedback .stale-notice")
        .expect("a notice on the French block");
    assert!(
        notice.contains("a été modifié le 10 mars 2025"),
        "dated by the commit: {notice}"
    );

    // The translator updates the French in a later commit: French is current again.
    sandbox.edit(
        "locales/fr/feedback.ftl",
        "peuvent lire les commentaires",
        "peuvent lire et commenter les commentaires",
    );
    commit(&sandbox, "2025-03-12", "French follows");
    let report = check(&sandbox);
    assert_eq!(
        report.stale,
        [(
            "locales/de/feedback.ftl".to_owned(),
            "feedback-reviewed".to_owned()
        )]
    );

    // An English edit not committed yet is newer than every commit: stale, undated; the
    // page says so without inventing a day.
    sandbox.edit(
        "locales/en/feedback.ftl",
        "We don’t combine your feedback",
        "We never combine your feedback",
    );
    let report = check(&sandbox);
    let ids: Vec<&str> = report.stale.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "feedback-not-combined",
            "feedback-reviewed",
            "feedback-not-combined"
        ]
    );
    assert!(
        report
            .messages
            .iter()
            .filter(|m| m.contains("feedback-not-combined"))
            .all(|m| m.contains("no commit dates the change")),
        "{:?}",
        report.messages
    );
    let site = sandbox.build_ok();
    let notice = site
        .html("fr/feedback.html")
        .text_of_css("#feedback .stale-notice")
        .unwrap();
    assert!(
        notice.starts_with("Le texte anglais de cette section a été modifié ;"),
        "{notice}"
    );

    // A confirmation clears it for that exact English text.
    assert!(sandbox.run(&["confirm", "de"]).success);
    let report = check(&sandbox);
    let files: Vec<&str> = report.stale.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["locales/fr/feedback.ftl"], "{:?}", report.messages);
}

#[test]
fn a_new_locale_and_a_new_project_in_git_are_current() {
    let sandbox = Sandbox::real();
    std::fs::remove_file(sandbox.path("locales/confirmed.yaml")).unwrap();
    // A project never committed (the files untracked), then committed in one go.
    git(&sandbox, "2025-01-01", &["init", "-q"]);
    assert!(check(&sandbox).stale.is_empty());
    commit(&sandbox, "2025-01-01", "the project");
    // A locale added later, after English changed: it was written after that change.
    sandbox.edit(
        "locales/en/feedback.ftl",
        "We don’t combine your feedback",
        "We never combine your feedback",
    );
    commit(&sandbox, "2025-02-01", "English");
    crate::support::copy_dir(
        &crate::support::Sandbox::fixture("locale-es").path("es"),
        &sandbox.path("locales/es"),
    );
    commit(&sandbox, "2025-03-01", "Spanish");
    let report = check(&sandbox);
    let stale: Vec<&str> = report.stale.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        stale,
        ["locales/de/feedback.ftl", "locales/fr/feedback.ftl"],
        "only the older translations of the edited message: {:?}",
        report.messages
    );
}

#[test]
fn without_git_a_fresh_project_is_current_and_check_says_what_it_assumed() {
    let sandbox = Sandbox::real();
    std::fs::remove_file(sandbox.path("locales/confirmed.yaml")).unwrap();
    let report = check(&sandbox);
    assert!(report.stale.is_empty(), "{:?}", report.messages);
    assert_eq!(
        report.counts,
        [("en".into(), 0), ("de".into(), 0), ("fr".into(), 0)]
    );
    assert_eq!(report.notes.len(), 1, "said once: {:?}", report.notes);
    assert!(
        report.notes[0].contains("PG0524")
            && report.notes[0].contains("no git history")
            && report.notes[0].contains("`de`, `fr`"),
        "{:?}",
        report.notes
    );
    // A note is no failure, even with --strict, and the human report gives the fix.
    let strict = sandbox.run(&["check", "--strict"]);
    assert_eq!(strict.code, Some(0), "{}", strict.stdout);
    assert!(strict.stdout.contains("note[PG0524]"), "{}", strict.stdout);
    assert!(
        strict.stdout.contains("policyglot confirm de"),
        "{}",
        strict.stdout
    );
    // Nothing published as "being reviewed".
    let site = sandbox.build_ok();
    for page in site.pages_of("fr") {
        let html = String::from_utf8_lossy(&site.files[&format!("fr/{page}")]).into_owned();
        assert!(!html.contains("stale-notice"), "fr/{page}");
    }
}

#[test]
fn moving_a_reference_message_to_another_file_does_not_make_it_stale() {
    let sandbox = Sandbox::real();
    std::fs::remove_file(sandbox.path("locales/confirmed.yaml")).unwrap();
    git(&sandbox, "2025-01-01", &["init", "-q"]);
    commit(&sandbox, "2025-01-01", "the project");
    // The English `feedback-not-combined` moves to a new file, word for word.
    let text = sandbox.read("locales/en/feedback.ftl");
    let line = text
        .lines()
        .find(|l| l.starts_with("feedback-not-combined ="))
        .unwrap()
        .to_owned();
    sandbox.edit("locales/en/feedback.ftl", &format!("{line}\n"), "");
    sandbox.write("locales/en/moved.ftl", &format!("{line}\n"));
    commit(&sandbox, "2025-02-01", "reorganized");
    let report = check(&sandbox);
    assert!(report.stale.is_empty(), "{:?}", report.messages);
    // Its text changing afterwards is a change.
    sandbox.edit(
        "locales/en/moved.ftl",
        "We don’t combine",
        "We never combine",
    );
    commit(&sandbox, "2025-03-01", "reworded");
    let ids: Vec<String> = check(&sandbox)
        .stale
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    assert_eq!(ids, ["feedback-not-combined", "feedback-not-combined"]);
}

/// The English message `id` in `file`: its lines, from `id =` to the last indented one.
fn message_lines(sandbox: &Sandbox, file: &str, id: &str) -> String {
    let text = sandbox.read(file);
    let start = text
        .find(&format!("\n{id} ="))
        .unwrap_or_else(|| panic!("{id} in {file}"))
        + 1;
    let end = text[start..]
        .match_indices('\n')
        .map(|(at, _)| start + at + 1)
        .find(|&at| !text[at..].starts_with(' ') || at == text.len())
        .unwrap_or(text.len());
    text[start..end].to_owned()
}

/// Re-indents every continuation line of `id` (select variants, attributes, closing
/// brace) four spaces deeper, and edits the comment above it: nothing a reader sees.
fn reindent(sandbox: &Sandbox, file: &str, id: &str) {
    let lines = message_lines(sandbox, file, id);
    let deeper = lines.replace("\n ", "\n     ");
    assert_ne!(deeper, lines, "{id} has continuation lines");
    sandbox.edit(file, &lines, &format!("# Reviewed for layout.\n{deeper}"));
}

/// Changes the last word of `id`'s `.title`: a change every reader sees.
fn reword(sandbox: &Sandbox, file: &str, id: &str) {
    let lines = message_lines(sandbox, file, id);
    let title = lines
        .lines()
        .find(|l| l.trim_start().starts_with(".title ="))
        .unwrap_or_else(|| panic!("{id} has a .title"));
    let (head, _) = title.rsplit_once(' ').unwrap();
    let reworded = lines.replace(title, &format!("{head} records"));
    sandbox.edit(file, &lines, &reworded);
}

const REINDENTED: (&str, &str) = ("locales/en/retention.ftl", "retention");

/// `report` finds `id` of `REINDENTED` stale in German and French, and nothing else.
fn assert_stale_in_every_translation(report: &Report, id: &str) {
    assert_eq!(
        report.stale,
        [
            ("locales/de/retention.ftl".to_owned(), id.to_owned()),
            ("locales/fr/retention.ftl".to_owned(), id.to_owned()),
        ],
        "{:?}",
        report.messages
    );
}

#[test]
fn with_git_re_indenting_an_english_message_marks_nothing_stale_and_a_word_does() {
    let sandbox = Sandbox::real();
    std::fs::remove_file(sandbox.path("locales/confirmed.yaml")).unwrap();
    git(&sandbox, "2025-01-01", &["init", "-q"]);
    commit(&sandbox, "2025-01-01", "the project");
    let (file, id) = REINDENTED;
    // Re-indented (and its comment edited) in a later commit: every line of the English
    // message is newer than its translations, and none of it reads differently.
    reindent(&sandbox, file, id);
    commit(&sandbox, "2025-02-01", "layout");
    let report = check(&sandbox);
    assert_eq!(report.errors, 0);
    assert!(report.stale.is_empty(), "{:?}", report.messages);
    // Again, not committed yet: still nothing stale.
    reindent(&sandbox, file, id);
    let report = check(&sandbox);
    assert!(report.stale.is_empty(), "{:?}", report.messages);
    commit(&sandbox, "2025-02-15", "more layout");
    // One word changed: stale in every translation, dated by its commit.
    reword(&sandbox, file, id);
    commit(&sandbox, "2025-03-10", "reworded");
    let report = check(&sandbox);
    assert_stale_in_every_translation(&report, id);
    assert!(
        report
            .messages
            .iter()
            .all(|m| m.contains("changed on 2025-03-10")),
        "{:?}",
        report.messages
    );
}

#[test]
fn with_confirmations_re_indenting_an_english_message_marks_nothing_stale_and_a_word_does() {
    // No git: the shipped confirmations alone decide.
    let sandbox = Sandbox::real();
    let (file, id) = REINDENTED;
    reindent(&sandbox, file, id);
    let strict = sandbox.run(&["check", "--strict"]);
    assert_eq!(strict.code, Some(0), "{}", strict.stdout);
    assert!(check(&sandbox).stale.is_empty());
    reword(&sandbox, file, id);
    let report = check(&sandbox);
    assert_stale_in_every_translation(&report, id);
    // Confirmed again, it is current.
    assert!(sandbox.run(&["confirm", "fr"]).success);
    assert!(sandbox.run(&["confirm", "de"]).success);
    assert!(check(&sandbox).stale.is_empty());
}

/// A confirmation written by an older policyglot (a hash of the message's source bytes)
/// still confirms the text it was made against; `confirm` rewrites it as a hash of the
/// content, and a re-indented message keeps it confirmed from then on.
#[test]
fn a_confirmation_of_the_source_bytes_still_holds_and_confirm_upgrades_it() {
    let sandbox = Sandbox::real();
    let (file, id) = REINDENTED;
    let legacy = policyglot::check::stale::legacy_hash(&message_lines(&sandbox, file, id));
    let confirmed = sandbox.read("locales/confirmed.yaml");
    let line = confirmed
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{id}:")))
        .unwrap()
        .to_owned();
    let current = line.rsplit(' ').next().unwrap().to_owned();
    assert_ne!(current, legacy, "the shipped file holds content hashes");
    // The first locale's (de) entry, as an older version wrote it.
    sandbox.write(
        "locales/confirmed.yaml",
        &confirmed.replacen(
            &format!("{line}\n"),
            &format!("{}{legacy}\n", line.strip_suffix(current.as_str()).unwrap()),
            1,
        ),
    );
    assert!(check(&sandbox).stale.is_empty());
    // Re-indented, the old hash no longer matches the bytes: stale (no git to ask).
    reindent(&sandbox, file, id);
    assert_eq!(
        check(&sandbox).stale,
        [("locales/de/retention.ftl".to_owned(), id.to_owned())]
    );
    assert!(sandbox.run(&["confirm", "de", id]).success);
    assert_eq!(sandbox.read("locales/confirmed.yaml"), confirmed);
    reindent(&sandbox, file, id);
    assert!(check(&sandbox).stale.is_empty());
}
