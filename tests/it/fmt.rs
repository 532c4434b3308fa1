//! `policyglot fmt`: the canonical layout of `.ftl` files, as Python's fluent.syntax
//! serializer (translate-toolkit's engine, so Weblate's) writes it; what readers read
//! never changes.

use std::process::Command;

use crate::support::Sandbox;

/// Each `.ftl` file under `locales/` whose parse-and-serialize by Python's fluent.syntax
/// differs from its bytes.
fn python_round_trip_differs(sandbox: &Sandbox) -> Vec<String> {
    let script = "import glob, sys\n\
                  from fluent.syntax import parse, serialize\n\
                  for f in sorted(glob.glob(sys.argv[1] + '/locales/*/*.ftl')):\n\
                  \x20   s = open(f, encoding='utf-8').read()\n\
                  \x20   if serialize(parse(s), with_junk=True) != s: print(f)\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(sandbox.root())
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "fmt tests need Python's fluent.syntax (`pip install fluent.syntax`; scripts/test installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The real project with one French file in a hand-made layout, and no confirmations
/// (so the site does not depend on the bytes of the English files).
fn messy() -> Sandbox {
    let sandbox = Sandbox::real();
    std::fs::remove_file(sandbox.path("locales/confirmed.yaml")).unwrap();
    let file = "locales/fr/coverage.ftl";
    let text = sandbox.read(file);
    let messy = text.replace(" = ", "=").replace('\n', "\n\n");
    sandbox.write(file, &messy);
    sandbox
}

#[test]
fn check_lists_what_fmt_rewrites_and_the_site_reads_the_same() {
    let sandbox = messy();
    let before = sandbox.build_ok();
    let messy = sandbox.read("locales/fr/coverage.ftl");

    let check = sandbox.run(&["fmt", "--check"]);
    assert_eq!(check.code, Some(1), "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("locales/fr/coverage.ftl is not in the canonical layout"),
        "{}",
        check.stderr
    );
    // The change is shown as a unified diff, and nothing is written.
    assert!(
        check.stdout.contains("+++ locales/fr/coverage.ftl"),
        "{}",
        check.stdout
    );
    assert_eq!(sandbox.read("locales/fr/coverage.ftl"), messy);

    let fmt = sandbox.run(&["fmt"]);
    assert!(fmt.success, "{}", fmt.stderr);
    assert!(
        fmt.stdout.contains("formatted locales/fr/coverage.ftl"),
        "{}",
        fmt.stdout
    );
    assert!(python_round_trip_differs(&sandbox).is_empty());
    let again = sandbox.run(&["fmt", "--check"]);
    assert!(again.success, "{}{}", again.stdout, again.stderr);
    assert_eq!(again.stdout, "", "nothing left to change");

    // Only the layout changed: every page reads exactly as before.
    std::fs::remove_dir_all(sandbox.path("site")).unwrap();
    assert_eq!(sandbox.build_ok(), before);
}

#[test]
fn a_file_with_a_syntax_error_is_located_and_left_as_it_is() {
    let sandbox = messy();
    let broken = "locales/de/coverage.ftl";
    let text = sandbox.read(broken).replacen(" = ", " = { $oops\n", 1);
    sandbox.write(broken, &text);

    let fmt = sandbox.run(&["fmt"]);
    assert_eq!(fmt.code, Some(1), "{}", fmt.stderr);
    assert!(fmt.stderr.contains("error[PG0206]"), "{}", fmt.stderr);
    assert!(
        fmt.stderr.contains("locales/de/coverage.ftl:"),
        "located: {}",
        fmt.stderr
    );
    assert_eq!(
        sandbox.read(broken),
        text,
        "a broken file is never rewritten"
    );
    // The other files are formatted all the same.
    assert!(
        fmt.stdout.contains("formatted locales/fr/coverage.ftl"),
        "{}",
        fmt.stdout
    );
}

#[test]
fn one_locale_alone_and_an_unknown_one_is_refused() {
    let sandbox = messy();
    let messy = sandbox.read("locales/fr/coverage.ftl");
    let de = sandbox.run(&["fmt", "--locale", "de"]);
    assert!(de.success, "{}", de.stderr);
    assert_eq!(
        sandbox.read("locales/fr/coverage.ftl"),
        messy,
        "French is left alone"
    );
    let de = sandbox.run(&["fmt", "--check", "--locale", "de"]);
    assert!(de.success, "German is formatted: {}", de.stderr);
    let fr = sandbox.run(&["fmt", "--check", "--locale", "fr"]);
    assert_eq!(fr.code, Some(1));
    let xx = sandbox.run(&["fmt", "--locale", "xx"]);
    assert_eq!(xx.code, Some(2));
    assert!(
        xx.stderr.contains("there is no locale `xx`"),
        "{}",
        xx.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_linked_file_is_not_replaced_by_a_copy() {
    let sandbox = messy();
    let target = sandbox.path("locales/fr/coverage.ftl");
    let outside = sandbox.path("shared-coverage.ftl");
    std::fs::rename(&target, &outside).unwrap();
    std::os::unix::fs::symlink(&outside, &target).unwrap();
    let fmt = sandbox.run(&["fmt"]);
    assert_eq!(fmt.code, Some(1), "{}", fmt.stderr);
    assert!(fmt.stderr.contains("symbolic link"), "{}", fmt.stderr);
    assert!(
        std::fs::symlink_metadata(&target)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// The shipped locales are in the canonical layout: `fmt --check` passes, and Python's
/// fluent.syntax (translate-toolkit's serializer) gives every file back byte for byte.
#[test]
fn the_shipped_locales_survive_a_translation_platform_round_trip() {
    let sandbox = Sandbox::real();
    let check = sandbox.run(&["fmt", "--check"]);
    assert!(check.success, "{}{}", check.stdout, check.stderr);
    assert_eq!(python_round_trip_differs(&sandbox), Vec::<String>::new());
}

/// Every file `init` and `add-locale` write is in the canonical layout, whatever the
/// reference and the added locales (with chrome, without, or a reference without text).
#[test]
fn init_and_add_locale_write_the_canonical_layout() {
    for args in [
        &["--locale", "fr", "--locale", "de"][..],
        &["--reference", "fr", "--locale", "en"],
        &["--reference", "es", "--locale", "pt-BR"],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p");
        let mut init = vec!["init", project.to_str().unwrap()];
        init.extend_from_slice(args);
        let run = crate::support::run_in(dir.path(), &init);
        assert!(run.success, "{args:?}: {}", run.stderr);
        let root = project.to_str().unwrap();
        let added = crate::support::run_in(dir.path(), &["--root", root, "add-locale", "it"]);
        assert!(added.success, "{args:?}: {}", added.stderr);
        let check = crate::support::run_in(dir.path(), &["--root", root, "fmt", "--check"]);
        assert!(check.success, "{args:?}: {}{}", check.stdout, check.stderr);
    }
}
