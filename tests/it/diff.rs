//! `policyglot diff`: between two commits of a fixture, the pages whose text a reader
//! sees changed, per locale, with the words removed and added, and nothing else; clear
//! errors (exit 2) when a side cannot be read or built.

use std::process::Command;

use crate::support::{Sandbox, git};

const TODAY: &str = "2026-06-01";
const AURORA: [&str; 4] = ["de", "en", "es", "fr"];

/// The aurora fixture in git: a first commit, then one with its devices limit changed.
fn two_commits() -> Sandbox {
    let sandbox = Sandbox::project("aurora", "en");
    git(&sandbox, &["init", "-q"]);
    git(&sandbox, &["add", "-A"]);
    git(&sandbox, &["commit", "-q", "-m", "first"]);
    sandbox.edit(
        "policy/policy.yaml",
        "devices: { number: 5 }",
        "devices: { number: 6 }",
    );
    git(&sandbox, &["commit", "-q", "-a", "-m", "six devices"]);
    sandbox
}

#[test]
fn names_the_changed_page_and_value_in_each_locale_and_nothing_else() {
    let sandbox = two_commits();
    let run = sandbox.run(&[
        "diff", "HEAD~1", "HEAD", "--today", TODAY, "--format", "json",
    ]);
    assert!(run.success, "{}", run.stderr);
    let review: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(review["schema"], "policyglot-diff/1");
    let locales = review["locales"].as_array().unwrap();
    let tags: Vec<&str> = locales
        .iter()
        .map(|l| l["locale"].as_str().unwrap())
        .collect();
    assert_eq!(tags, AURORA, "every locale, and no page of none");
    for locale in locales {
        let tag = locale["locale"].as_str().unwrap();
        let pages = locale["pages"].as_array().unwrap();
        let paths: Vec<&str> = pages.iter().map(|p| p["path"].as_str().unwrap()).collect();
        // Only the page that shows the value: not the other articles, the index, the
        // "what changed" pages (the fact is the same in both versions) or search.
        assert_eq!(paths, [format!("{tag}/plans.html")], "{tag}");
        let paragraphs = pages[0]["paragraphs"].as_array().unwrap();
        assert_eq!(paragraphs.len(), 1, "{tag}: {paragraphs:?}");
        assert_eq!(paragraphs[0]["change"], "changed");
        assert_eq!(
            paragraphs[0]["at"], "plans-covered",
            "the fact block it is in"
        );
        let words = paragraphs[0]["words"].as_array().unwrap();
        let of = |kind: &str| -> Vec<&str> {
            words
                .iter()
                .filter(|w| w["change"] == kind)
                .map(|w| w["text"].as_str().unwrap())
                .collect()
        };
        assert_eq!(of("removed"), ["5"], "{tag}: {words:?}");
        assert_eq!(of("added"), ["6"], "{tag}: {words:?}");
    }

    // The same for a person: page title and path, the words marked in the sentence.
    let run = sandbox.run(&["diff", "HEAD~1", "HEAD", "--today", TODAY]);
    assert!(run.success, "{}", run.stderr);
    let out = &run.stdout;
    assert_eq!(out.matches("[-5-]{+6+}").count(), 4, "{out}");
    for tag in AURORA {
        assert!(out.contains(&format!("Locale `{tag}`")), "{out}");
        assert!(out.contains(&format!("— {tag}/plans.html")), "{out}");
    }
    assert!(out.contains("up to [-5-]{+6+} devices"), "{out}");
    assert_eq!(out.matches("    #plans-covered\n").count(), 4, "{out}");
    for unchanged in [
        "what-we-keep",
        "index.html",
        "contact.html",
        "changes-",
        "search.html",
    ] {
        assert!(
            !out.contains(unchanged),
            "{unchanged} did not change: {out}"
        );
    }
    let markdown = sandbox.run(&[
        "diff", "HEAD~1", "HEAD", "--today", TODAY, "--format", "markdown",
    ]);
    assert!(
        markdown.stdout.contains("up to ~~5~~**6** devices"),
        "{}",
        markdown.stdout
    );
}

#[test]
fn compares_with_the_working_tree_by_default_and_says_when_nothing_changed() {
    let sandbox = two_commits();
    let run = sandbox.run(&["diff", "HEAD", "--today", TODAY]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stdout.contains("no page reads differently"),
        "{}",
        run.stdout
    );
    sandbox.edit(
        "locales/fr/aurora.ftl",
        "beta-program =",
        "beta-program = Nouveau :",
    );
    let run = sandbox.run(&["diff", "HEAD", "--today", "2025-06-01"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stdout.contains("HEAD → the working tree"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Locale `fr`"), "{}", run.stdout);
    assert!(!run.stdout.contains("Locale `en`"), "{}", run.stdout);
}

#[test]
fn errors_say_what_is_wrong_and_exit_2() {
    let outside_git = Sandbox::project("aurora", "en");
    let run = outside_git.run(&["diff", "HEAD"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("is not in a git repository"),
        "{}",
        run.stderr
    );

    let sandbox = two_commits();
    let run = sandbox.run(&["diff", "no-such-rev"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`no-such-rev` is not a revision of this repository"),
        "{}",
        run.stderr
    );

    // A side that does not pass check: its errors, located, then which side it is.
    sandbox.edit(
        "locales/en/aurora.ftl",
        "beta-program =",
        "beta-program-x =",
    );
    git(&sandbox, &["commit", "-q", "-a", "-m", "broken"]);
    let run = sandbox.run(&["diff", "HEAD~1", "HEAD", "--today", TODAY]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("locales/en/aurora.ftl:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("the site as of HEAD cannot be built"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn reads_a_project_in_a_subfolder_of_its_repository() {
    let repo = tempfile::TempDir::new().unwrap();
    let run = crate::support::run_in(repo.path(), &["init", "help", "--today", "2026-01-05"]);
    assert!(run.success, "{}", run.stderr);
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .arg("-C")
            .arg(repo.path())
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "new help center"]);
    let policy = repo.path().join("help/policy/policy.yaml");
    let text = std::fs::read_to_string(&policy).unwrap();
    std::fs::write(
        &policy,
        text.replace("duration: 2 days", "duration: 1 week"),
    )
    .unwrap();
    let run = crate::support::run_in(&repo.path().join("help"), &["diff", "HEAD"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("We answer every message within [-2 days.-]{+1 week.+}"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("1 page(s) read differently in 1 locale(s)"),
        "{}",
        run.stdout
    );
}

/// A revision that commits `locales/fr/x.ftl -> /etc/passwd` (or any link out of its
/// inputs): `diff` refuses it, naming the path only, and reads nothing through it; a
/// link to another of the revision's files is read as that file.
#[cfg(unix)]
#[test]
fn a_committed_link_is_never_followed_out_of_the_revision() {
    let sandbox = two_commits();
    let outside = tempfile::TempDir::new().unwrap();
    let secret = outside.path().join("secret.ftl");
    std::fs::write(&secret, "aurora-title = SECRET-LINE\nSECRET = { oops\n").unwrap();
    for target in [
        secret.to_str().unwrap(),
        "/etc/passwd",
        "../../../outside.ftl",
    ] {
        let link = sandbox.path("locales/fr/x.ftl");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(target, &link).unwrap();
        git(&sandbox, &["add", "-A"]);
        git(&sandbox, &["commit", "-q", "-m", "a link"]);
        // The link is gone from the working tree: only the revision holds it.
        std::fs::remove_file(&link).unwrap();
        let run = sandbox.run(&["diff", "HEAD~1", "HEAD", "--today", TODAY]);
        assert_eq!(run.code, Some(2), "{target}: {}", run.stderr);
        let out = format!("{}{}", run.stdout, run.stderr);
        assert!(
            out.contains("error[PG0714]: locales/fr/x.ftl at revision")
                && out.contains("is a symbolic link that leads outside the project's inputs"),
            "{target}: {out}"
        );
        for line in std::fs::read_to_string("/etc/passwd")
            .unwrap_or_default()
            .lines()
        {
            assert!(!out.contains(line), "{target}: /etc/passwd shows: {out}");
        }
        assert!(!out.contains("SECRET"), "{target}: {out}");
        git(&sandbox, &["rm", "-q", "--cached", "locales/fr/x.ftl"]);
        git(&sandbox, &["commit", "-q", "-m", "no link"]);
    }
    // A link to another file of the revision's inputs is read as that file (a hidden
    // folder: not a locale's own file, so the German messages exist through the link only).
    std::fs::create_dir_all(sandbox.path("locales/.shared")).unwrap();
    std::fs::rename(
        sandbox.path("locales/de/aurora.ftl"),
        sandbox.path("locales/.shared/de.ftl"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../.shared/de.ftl", sandbox.path("locales/de/aurora.ftl")).unwrap();
    git(&sandbox, &["add", "-A"]);
    git(&sandbox, &["commit", "-q", "-m", "German through a link"]);
    let run = sandbox.run(&[
        "diff", "HEAD~1", "HEAD", "--today", TODAY, "--format", "json",
    ]);
    assert!(run.success, "{}", run.stderr);
    let review: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(
        review["locales"].as_array().unwrap().is_empty(),
        "the same German text: {review}"
    );
}
