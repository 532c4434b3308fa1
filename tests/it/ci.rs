//! What CI gets from `check`: GitHub annotations whose paths exist from the repository
//! root (the project in a subfolder), the Markdown job summary listing every finding,
//! one JSON document even when the checks cannot run, `--locale`, and the human
//! report's cap per diagnostic code.

use std::path::Path;
use std::process::Command;

use crate::support::{Run, Sandbox, copy_dir};

/// `policyglot <args>` run from `cwd` with exactly `env` among the GitHub variables.
fn run_in(cwd: &Path, args: &[&str], env: &[(&str, &Path)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_policyglot"));
    command
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("GITHUB_WORKSPACE")
        .envs(env.iter().map(|(k, v)| (*k, *v)))
        .current_dir(cwd)
        .args(args);
    Run::from(command.output().unwrap())
}

/// Removes two French files: 35 messages missing in `fr` (PG0501), more than GitHub's
/// 10 annotations and the human report's 20 per code.
/// How many messages `many_missing` leaves missing in French.
const MISSING: usize = 35;

fn many_missing(sandbox: &Sandbox) {
    for file in ["locales/fr/retention.ftl", "locales/fr/personal-data.ftl"] {
        std::fs::remove_file(sandbox.path(file)).unwrap();
    }
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", run.stdout))
}

/// `file=` of each annotation.
fn annotated_files(github: &str) -> Vec<String> {
    github
        .lines()
        .filter(|l| l.starts_with("::"))
        .map(|l| {
            let command = l.split("::").nth(1).unwrap();
            let (_, properties) = command.split_once(' ').unwrap();
            properties
                .split(',')
                .find_map(|p| p.strip_prefix("file="))
                .unwrap_or_else(|| panic!("no file in {l}"))
                .to_owned()
        })
        .collect()
}

#[test]
fn annotations_name_files_from_the_repository_root() {
    // A repository whose project sits in `help/`.
    let repo = tempfile::TempDir::new().unwrap();
    let project = repo.path().join("help");
    let real = Sandbox::real();
    many_missing(&real);
    copy_dir(real.root(), &project);
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(repo.path())
        .status()
        .unwrap();
    assert!(git.success());

    // From the repository root, from the project itself, and from elsewhere.
    let elsewhere = tempfile::TempDir::new().unwrap();
    for cwd in [repo.path(), project.as_path(), elsewhere.path()] {
        let root = project.to_str().unwrap();
        let run = run_in(cwd, &["--root", root, "check", "--format", "github"], &[]);
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        let files = annotated_files(&run.stdout);
        assert_eq!(files.len(), MISSING, "{}", run.stdout);
        for file in &files {
            assert!(file.starts_with("help/locales/"), "{file}");
            assert!(repo.path().join(file).is_file(), "{file} from the root");
        }
        // Where the span is known, its end too.
        assert!(
            run.stdout
                .lines()
                .filter(|l| l.starts_with("::error"))
                .all(|l| l.contains(",endLine=") && l.contains(",endColumn=")),
            "{}",
            run.stdout
        );
    }

    // In GitHub Actions the workspace is the root, git or not.
    std::fs::remove_dir_all(repo.path().join(".git")).unwrap();
    let run = run_in(
        elsewhere.path(),
        &[
            "--root",
            project.to_str().unwrap(),
            "check",
            "--format",
            "github",
        ],
        &[("GITHUB_WORKSPACE", repo.path())],
    );
    let files = annotated_files(&run.stdout);
    assert!(!files.is_empty());
    assert!(
        files.iter().all(|f| repo.path().join(f).is_file()),
        "{files:?}"
    );
}

#[test]
fn the_job_summary_lists_every_finding_and_the_locale_table() {
    let sandbox = Sandbox::real();
    many_missing(&sandbox);
    let summary = sandbox.path("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let root = sandbox.root().to_str().unwrap();
    let run = run_in(
        sandbox.root(),
        &["--root", root, "check", "--format", "github"],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!(run.code, Some(1));
    let text = sandbox.read("summary.md");
    assert!(text.starts_with("earlier step\n"), "appended, not replaced");
    assert!(
        text.contains(&format!(
            "## policyglot check: {MISSING} error(s), 0 warning(s)"
        )),
        "{text}"
    );
    assert!(text.contains("| fr | 103 | 68 | 35 | 0 | 0 |"), "{text}");
    let report = json(&sandbox.run(&["check", "--format", "json"]));
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), MISSING);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("| error |"))
        .collect();
    assert_eq!(rows.len(), findings.len(), "{text}");
    for f in findings {
        let place = format!(
            "`{}:{}:{}`",
            f["file"].as_str().unwrap(),
            f["line"],
            f["column"]
        );
        let message = f["message"].as_str().unwrap();
        assert!(
            rows.iter()
                .any(|r| r.contains(&place) && r.contains(message)),
            "{place} {message} in\n{text}"
        );
    }
    // Not written by the other formats.
    std::fs::remove_file(&summary).unwrap();
    run_in(
        sandbox.root(),
        &["--root", root, "check", "--format", "json"],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert!(!summary.exists());
}

#[test]
fn json_is_one_document_also_when_check_cannot_run() {
    let empty = tempfile::TempDir::new().unwrap();
    let run = run_in(
        empty.path(),
        &["--root", ".", "check", "--format", "json"],
        &[],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    let report = json(&run);
    assert_eq!(report["schema"], "policyglot-check/1");
    assert_eq!(report["ran"], false);
    assert_eq!(report["errors"], 1);
    let finding = &report["findings"][0];
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("no policy file"),
        "{report}"
    );
    assert!(finding["help"].as_str().is_some_and(|h| !h.is_empty()));
    assert_eq!(report["locales"], serde_json::json!([]));
    // And when it runs, `ran` is true.
    let sandbox = Sandbox::real();
    assert_eq!(
        json(&sandbox.run(&["check", "--format", "json"]))["ran"],
        true
    );
}

#[test]
fn locale_selects_the_findings_and_rows_of_one_or_more_locales() {
    let sandbox = Sandbox::real();
    // One error in French, one in German.
    sandbox.edit(
        "locales/fr/retention.ftl",
        "nous les conservons pendant { $period }.",
        "nous les conservons longtemps.",
    );
    let german = sandbox.read("locales/de/retention.ftl");
    let line = german
        .lines()
        .find(|l| l.contains("{ $period }"))
        .unwrap()
        .to_owned();
    sandbox.edit(
        "locales/de/retention.ftl",
        &line,
        &line.replace("{ $period }", "lange"),
    );
    let locales_of = |args: &[&str]| -> (Vec<String>, Vec<String>) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let report = json(&sandbox.run(&all));
        let files = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["file"].as_str().unwrap().to_owned())
            .collect();
        let rows = report["locales"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["locale"].as_str().unwrap().to_owned())
            .collect();
        (files, rows)
    };
    let (all, rows) = locales_of(&[]);
    let is = |locale: &str| format!("locales/{locale}/retention.ftl");
    assert!(
        all.contains(&is("fr")) && all.contains(&is("de")),
        "{all:?}"
    );
    assert_eq!(rows, ["en", "de", "fr"]);
    let (files, rows) = locales_of(&["--locale", "fr"]);
    assert!(
        !files.is_empty() && files.iter().all(|f| *f == is("fr")),
        "{files:?}"
    );
    assert_eq!(rows, ["fr"]);
    let (files, rows) = locales_of(&["--locale", "fr", "--locale", "de"]);
    assert_eq!(files, all);
    assert_eq!(rows, ["de", "fr"]);
    let (files, _) = locales_of(&["--locale", "en"]);
    assert!(files.is_empty(), "{files:?}");

    let human = sandbox.run(&["check", "--locale", "de"]);
    assert_eq!(human.code, Some(1));
    assert!(human.stdout.contains("locales/de/retention.ftl"));
    assert!(!human.stdout.contains("locales/fr/"), "{}", human.stdout);

    let unknown = sandbox.run(&["check", "--locale", "xx"]);
    assert_eq!(unknown.code, Some(2));
    assert!(
        unknown.stderr.contains("no locale `xx`") && unknown.stderr.contains("en, de, fr"),
        "{}",
        unknown.stderr
    );
    let unknown = sandbox.run(&["check", "--locale", "xx", "--format", "json"]);
    assert_eq!(unknown.code, Some(2));
    assert_eq!(json(&unknown)["ran"], false);
}

#[test]
fn the_human_report_caps_each_code_and_counts_the_rest() {
    let sandbox = Sandbox::real();
    many_missing(&sandbox);
    let human = sandbox.run(&["check"]);
    assert_eq!(human.code, Some(1));
    assert_eq!(human.stdout.matches("error[PG0501]").count(), 20);
    assert!(
        human.stdout.contains(&format!(
            "… and {} more PG0501 (`--verbose` or `--format json` lists every one)",
            MISSING - 20
        )),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .contains(&format!("check: {MISSING} error(s), 0 warning(s)"))
    );
    let verbose = sandbox.run(&["check", "--verbose"]);
    assert_eq!(verbose.stdout.matches("error[PG0501]").count(), MISSING);
    assert!(!verbose.stdout.contains("more PG0501"));
}

#[test]
fn build_and_json_name_the_next_day_the_site_changes() {
    let sandbox = Sandbox::real();
    // The real policy's last version takes effect on 2025-08-28.
    let before = sandbox.run(&["--today", "2025-08-01", "build"]);
    assert!(before.success, "{}", before.stderr);
    assert!(
        before.stdout.contains("next change: 2025-08-28,"),
        "{}",
        before.stdout
    );
    let report = json(&sandbox.run(&["--today", "2025-08-01", "check", "--format", "json"]));
    assert_eq!(report["next_change"], "2025-08-28");

    // From then, the deadline for existing users is pending: its day after flips the
    // pages, so the site changes again on 2025-09-29.
    let during = sandbox.run(&["--today", "2025-08-28", "build"]);
    assert!(during.success);
    assert!(
        during
            .stdout
            .contains("next change: 2025-09-29, when a window of fact `"),
        "{}",
        during.stdout
    );
    let report = json(&sandbox.run(&["--today", "2025-09-28", "check", "--format", "json"]));
    assert_eq!(report["next_change"], "2025-09-29");

    let after = sandbox.run(&["--today", "2025-09-29", "build"]);
    assert!(after.success);
    assert!(!after.stdout.contains("next change"), "{}", after.stdout);
    let report = json(&sandbox.run(&["--today", "2025-09-29", "check", "--format", "json"]));
    assert_eq!(report["next_change"], serde_json::Value::Null);
    let quiet = sandbox.run(&["--today", "2025-08-01", "build", "--quiet"]);
    assert_eq!(quiet.stdout, "", "--quiet says nothing on success");
}
