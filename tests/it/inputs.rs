//! Inputs stay inside the project: a link out of it, a FIFO or a device is refused with
//! an error naming the path only (never a line of the target), nothing blocks, `init`
//! writes through no link and `--out` as a link is followed.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::support::{Run, Sandbox, Site, policyglot, run_in};

/// A file outside the project whose every line is a marker no output may show: valid
/// Fluent, then a syntax error (either would be quoted if it were read).
fn secret() -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("secret.ftl");
    std::fs::write(
        &path,
        "language-switcher = SECRET-LINE-ONE\nSECRET-LINE-TWO = { unclosed\nSECRET_ENV=SECRET-LINE-THREE\n",
    )
    .unwrap();
    (dir, path)
}

fn output(run: &Run) -> String {
    format!("{}{}", run.stdout, run.stderr)
}

fn assert_quotes_nothing_of(run: &Run, target: &Path) {
    let out = output(run);
    assert!(
        !out.contains("SECRET"),
        "a line of the target shows:\n{out}"
    );
    assert!(
        !out.contains(&*target.parent().unwrap().to_string_lossy()),
        "the target's path shows:\n{out}"
    );
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

/// Runs `check` and kills it if it has not returned after 20 seconds.
fn check_within(sandbox: &Sandbox) -> (Run, Duration) {
    let started = Instant::now();
    let mut child = policyglot(sandbox.root())
        .args(["--root"])
        .arg(sandbox.root())
        .arg("check")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("check did not return in 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let elapsed = started.elapsed();
    (Run::from(child.wait_with_output().unwrap()), elapsed)
}

#[test]
fn a_ftl_link_out_of_the_project_is_refused_and_none_of_its_lines_are_printed() {
    let sandbox = Sandbox::real();
    let (_dir, target) = secret();
    symlink(&target, sandbox.path("locales/fr/x.ftl")).unwrap();
    for args in [&["check"][..], &["check", "--format", "json"], &["build"]] {
        let run = sandbox.run(args);
        assert!(!run.success, "{args:?}");
        assert_quotes_nothing_of(&run, &target);
        let out = output(&run);
        assert!(
            out.contains("cannot read locales/fr/x.ftl: refused: it is a symbolic link (or inside one) that leads outside the project"),
            "{out}"
        );
    }
    assert!(!sandbox.path("site").exists());
}

#[test]
fn a_folder_link_out_of_the_project_is_refused_without_listing_it() {
    let sandbox = Sandbox::real();
    let (dir, target) = secret();
    symlink(dir.path(), sandbox.path("locales/fr/more")).unwrap();
    symlink(dir.path(), sandbox.path("templates/parts")).unwrap();
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    assert_quotes_nothing_of(&run, &target);
    let out = output(&run);
    assert!(
        out.contains("cannot read locales/fr/more: refused"),
        "{out}"
    );
    assert!(
        out.contains("cannot read templates/parts: refused"),
        "{out}"
    );
    assert!(
        !out.contains("secret.ftl"),
        "a file name of the target: {out}"
    );
}

#[test]
fn the_policy_and_a_template_as_links_out_of_the_project_are_refused() {
    let sandbox = Sandbox::real();
    let outside = TempDir::new().unwrap();
    let policy = outside.path().join("policy.yaml");
    std::fs::rename(sandbox.path("policy/policy.yaml"), &policy).unwrap();
    symlink(&policy, sandbox.path("policy/policy.yaml")).unwrap();
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    let out = output(&run);
    assert!(
        out.contains("error[PG0100]: cannot read the policy file: refused: it is a symbolic link"),
        "{out}"
    );
    assert!(out.contains("policy/policy.yaml"), "{out}");
    assert!(!out.contains(&*outside.path().to_string_lossy()), "{out}");

    let sandbox = Sandbox::real();
    let (_dir, target) = secret();
    symlink(&target, sandbox.path("templates/x.html")).unwrap();
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    assert_quotes_nothing_of(&run, &target);
    assert!(
        output(&run).contains("error[PG0300]: cannot read templates/x.html: refused"),
        "{}",
        output(&run)
    );
}

#[test]
fn links_inside_the_project_are_followed() {
    let sandbox = Sandbox::real();
    std::fs::create_dir_all(sandbox.path("shared")).unwrap();
    std::fs::rename(
        sandbox.path("locales/fr/site.ftl"),
        sandbox.path("shared/fr-site.ftl"),
    )
    .unwrap();
    symlink(
        "../../shared/fr-site.ftl",
        sandbox.path("locales/fr/site.ftl"),
    )
    .unwrap();
    let site = sandbox.build_ok();
    assert_eq!(
        site.html("fr/index.html")
            .attr("nav.languages", "aria-label")
            .as_deref(),
        Some("Langue")
    );
}

#[test]
fn a_fifo_as_confirmations_or_messages_is_an_error_at_once() {
    let sandbox = Sandbox::real();
    std::fs::remove_file(sandbox.path("locales/confirmed.yaml")).unwrap();
    mkfifo(&sandbox.path("locales/confirmed.yaml"));
    let (run, elapsed) = check_within(&sandbox);
    assert!(!run.success);
    assert!(
        output(&run).contains("error[PG0520]: cannot read the confirmations: refused: it is a FIFO (named pipe), not a regular file"),
        "{}",
        output(&run)
    );
    // A hang is forever; a debug binary checks the real project in well under this.
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");

    let sandbox = Sandbox::real();
    mkfifo(&sandbox.path("locales/fr/pipe.ftl"));
    let (run, _) = check_within(&sandbox);
    assert!(!run.success);
    assert!(
        output(&run).contains("error[PG0205]: cannot read locales/fr/pipe.ftl: refused: it is a FIFO (named pipe), not a regular file"),
        "{}",
        output(&run)
    );
}

#[test]
fn a_device_as_a_template_is_refused() {
    let sandbox = Sandbox::real();
    symlink("/dev/zero", sandbox.path("templates/zero.html")).unwrap();
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    // /dev is outside the project: the link is refused before the device is opened.
    assert!(
        output(&run).contains("cannot read templates/zero.html: refused"),
        "{}",
        output(&run)
    );
}

#[test]
fn init_writes_through_no_link_dangling_or_not() {
    let outside = TempDir::new().unwrap();
    for dangling in [true, false] {
        let dir = TempDir::new().unwrap();
        let target = outside.path().join(format!("templates-{dangling}"));
        if !dangling {
            std::fs::create_dir(&target).unwrap();
        }
        symlink(&target, dir.path().join("templates")).unwrap();
        let run = run_in(dir.path(), &["init", "--today", "2026-03-01"]);
        assert!(!run.success, "dangling: {dangling}");
        assert!(
            run.stderr.contains("error[PG0704]:")
                && run
                    .stderr
                    .contains("templates is a symbolic link: `init` does not write through links"),
            "{}",
            run.stderr
        );
        assert!(!dir.path().join("policy").exists(), "nothing was written");
        assert!(
            !target.exists() || std::fs::read_dir(&target).unwrap().next().is_none(),
            "nothing written through the link"
        );
    }
    // A dangling link where a file goes.
    let dir = TempDir::new().unwrap();
    std::fs::create_dir_all(dir.path().join("policy")).unwrap();
    let target = outside.path().join("written.yaml");
    symlink(&target, dir.path().join("policy/policy.yaml")).unwrap();
    let run = run_in(dir.path(), &["init"]);
    assert!(!run.success);
    assert!(
        run.stderr.contains("policy/policy.yaml is a symbolic link"),
        "{}",
        run.stderr
    );
    assert!(!target.exists());
}

#[test]
fn out_as_a_link_replaces_the_folder_it_names_and_stays_a_link() {
    let sandbox = Sandbox::real();
    let real = TempDir::new().unwrap();
    let public = real.path().join("public");
    std::fs::create_dir(&public).unwrap();
    symlink(&public, sandbox.path("out")).unwrap();
    for _ in 0..2 {
        let run = sandbox.run(&["build", "--no-search", "--out", "out"]);
        assert!(run.success, "{}", run.stderr);
        assert!(
            std::fs::symlink_metadata(sandbox.path("out"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let site = Site::read(&public);
        assert!(
            site.files.contains_key("fr/index.html"),
            "built at the target"
        );
        // Staging folders were next to the target, and are gone.
        let leftovers: Vec<_> = std::fs::read_dir(real.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(leftovers, ["public"]);
    }
    // A link to nothing is refused.
    symlink(real.path().join("none/deeper"), sandbox.path("nowhere")).unwrap();
    let run = sandbox.run(&["build", "--no-search", "--out", "nowhere"]);
    assert!(!run.success);
    assert!(
        run.stderr
            .contains("the output path is a symbolic link that cannot be followed"),
        "{}",
        run.stderr
    );
}

#[test]
fn confirm_writes_through_no_link_left_at_its_temporary_file() {
    let sandbox = Sandbox::real();
    let outside = TempDir::new().unwrap();
    let target = outside.path().join("victim.txt");
    std::fs::write(&target, "untouched\n").unwrap();
    symlink(&target, sandbox.path("locales/confirmed.yaml.tmp")).unwrap();
    let run = sandbox.run(&["confirm", "fr"]);
    assert!(run.success, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "untouched\n");
    assert!(sandbox.read("locales/confirmed.yaml").contains("fr:"));
    assert!(!sandbox.path("locales/confirmed.yaml.tmp").exists());
}
