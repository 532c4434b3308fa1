//! The GitHub side: this repository's workflows and action, and the publish workflow
//! `init` writes, pass the workflow and action schemas (action-validator, which
//! `scripts/test` installs with npm); the action installs a release binary only when its
//! SHA-256 matches the release's SHA256SUMS.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{REPO, run_in};

fn validator() -> PathBuf {
    let path = Path::new(REPO).join("node_modules/.bin/action-validator");
    assert!(
        path.exists(),
        "node_modules/.bin/action-validator is missing: run `npm install` in the repository"
    );
    path
}

/// action-validator's verdict on one workflow or action file.
fn validate(file: &Path) {
    let out = Command::new(validator()).arg(file).output().unwrap();
    assert!(
        out.status.success(),
        "{}: {}{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_repository_s_workflows_and_action_pass_their_schemas() {
    validate(&Path::new(REPO).join("action.yml"));
    for entry in std::fs::read_dir(Path::new(REPO).join(".github/workflows")).unwrap() {
        validate(&entry.unwrap().path());
    }
    // The validator does reject a broken file (a misspelt key).
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yml");
    std::fs::write(
        &broken,
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n",
    )
    .unwrap();
    assert!(
        !Command::new(validator())
            .arg(&broken)
            .output()
            .unwrap()
            .status
            .success()
    );
}

#[test]
fn init_writes_a_publish_workflow_that_uses_the_action_and_compiles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let init = run_in(dir.path(), &["init", "--today", "2026-03-01"]);
    assert!(init.success, "{}", init.stderr);
    let file = dir.path().join(".github/workflows/publish.yml");
    validate(&file);
    let workflow = std::fs::read_to_string(&file).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        workflow.contains(&format!("/policyglot@v{version}\n")),
        "the action at this version: {workflow}"
    );
    assert!(!workflow.contains("cargo"), "{workflow}");
    assert!(workflow.contains("schedule:"), "rebuilt daily: {workflow}");
    assert!(
        init.stdout.contains(".github/workflows/publish.yml"),
        "{}",
        init.stdout
    );
}

/// The action's install step, run as the runner runs it, against a fake `gh` that
/// serves a release from a folder: a binary whose archive matches SHA256SUMS is put on
/// the PATH; a tampered archive, or one SHA256SUMS does not list, is refused.
#[test]
#[cfg(unix)]
fn the_action_installs_only_a_release_whose_checksum_matches() {
    let action: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(Path::new(REPO).join("action.yml")).unwrap())
            .unwrap();
    let install = action["runs"]["steps"][0]["run"]
        .as_str()
        .unwrap()
        .to_owned();

    let run = |tamper: &str| -> (bool, String, String) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let tag = "v9.9.9";
        let name = format!("policyglot-{tag}-x86_64-unknown-linux-musl");
        // The release: an archive holding a `policyglot`, and its SHA256SUMS.
        let release = root.join("release");
        std::fs::create_dir_all(release.join(&name)).unwrap();
        std::fs::write(
            release.join(&name).join("policyglot"),
            "#!/bin/sh\necho fake\n",
        )
        .unwrap();
        let sh = |script: &str, cwd: &Path| {
            let out = Command::new("bash")
                .arg("-c")
                .arg(script)
                .current_dir(cwd)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{script}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        sh(
            &format!("tar czf {name}.tar.gz {name} && sha256sum {name}.tar.gz > SHA256SUMS"),
            &release,
        );
        match tamper {
            "archive" => sh(&format!("echo extra >> {name}.tar.gz"), &release),
            "unlisted" => sh("printf '' > SHA256SUMS", &release),
            _ => {}
        }
        // `gh release download TAG --repo R --pattern A --pattern B --clobber`.
        let bin = root.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let gh = bin.join("gh");
        std::fs::write(
            &gh,
            format!(
                "#!/bin/sh\n[ \"$1 $2\" = \"release download\" ] || exit 3\necho \"$@\" >> {log}\n\
                 while [ $# -gt 0 ]; do [ \"$1\" = --pattern ] && cp {release}/\"$2\" .; shift; done\n",
                log = root.join("gh.log").display(),
                release = release.display()
            ),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&gh, std::fs::Permissions::from_mode(0o755)).unwrap();
        // Where the runner checks the action out.
        let action_path = root.join("work/_actions/acme/policyglot").join(tag);
        std::fs::create_dir_all(&action_path).unwrap();
        let github_path = root.join("github_path");
        std::fs::write(&github_path, "").unwrap();
        let out = Command::new("bash")
            .arg("-c")
            .arg(&install)
            .env(
                "PATH",
                format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
            )
            .env("GITHUB_ACTION_PATH", &action_path)
            .env("GITHUB_PATH", &github_path)
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("RUNNER_TEMP", root.join("tmp"))
            .env("VERSION", "")
            .env("REPOSITORY", "")
            .env("ACTION_REPOSITORY", "")
            .env("ACTION_REF", "")
            .output()
            .unwrap();
        let log = std::fs::read_to_string(root.join("gh.log")).unwrap_or_default();
        let added = std::fs::read_to_string(&github_path).unwrap();
        let installed = added
            .lines()
            .next()
            .is_some_and(|d| Path::new(d).join("policyglot").is_file());
        assert_eq!(installed, out.status.success(), "{added}");
        (
            out.status.success(),
            log,
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };

    let (ok, log, output) = run("");
    assert!(ok, "{output}");
    // The repository and tag come from where the runner put the action.
    assert!(
        log.contains("release download v9.9.9 --repo acme/policyglot"),
        "{log}"
    );
    assert!(output.contains("SHA-256 verified"), "{output}");

    let (ok, _, output) = run("archive");
    assert!(!ok, "a tampered archive is refused: {output}");
    assert!(output.contains(": FAILED"), "by the checksum: {output}");
    let (ok, _, output) = run("unlisted");
    assert!(
        !ok,
        "an archive SHA256SUMS does not list is refused: {output}"
    );
    assert!(
        output.contains("is not listed in the release's SHA256SUMS"),
        "{output}"
    );
}
