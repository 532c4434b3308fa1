//! Terminal and CLI conventions: colour follows NO_COLOR / CLICOLOR / CLICOLOR_FORCE
//! (anstream's rules), `--quiet` and `--verbose`, shell completions that bash really
//! loads, the manual page, and how the Linux executable is linked.

use std::process::Command;

use crate::support::{Run, Sandbox};

/// `policyglot --root <sandbox> <args>` with exactly these colour variables set.
fn run_coloured(sandbox: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_policyglot"));
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
        command.env_remove(var);
    }
    command
        .envs(env.iter().copied())
        .arg("--root")
        .arg(sandbox.root())
        .args(args);
    Run::from(command.output().unwrap())
}

/// A copy of the real project with one error (a French message drops `$period`).
fn broken() -> Sandbox {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "locales/fr/retention.ftl",
        "nous les conservons jusqu’à { $period }.",
        "nous les conservons longtemps.",
    );
    sandbox
}

const ESC: char = '\u{1b}';

#[test]
fn colour_follows_no_color_and_clicolor() {
    let sandbox = broken();
    let forced = run_coloured(&sandbox, &["check"], &[("CLICOLOR_FORCE", "1")]);
    assert_eq!(forced.code, Some(1));
    assert!(forced.stdout.contains(ESC), "CLICOLOR_FORCE colours a pipe");
    assert!(forced.stdout.contains("PG0507"), "{}", forced.stdout);
    let built = run_coloured(&sandbox, &["build"], &[("CLICOLOR_FORCE", "1")]);
    assert!(built.stderr.contains(ESC), "{}", built.stderr);

    for env in [
        vec![("NO_COLOR", "1")],
        // NO_COLOR wins over CLICOLOR_FORCE.
        vec![("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")],
        vec![("CLICOLOR", "0")],
        // `0` is not forcing (bixense.com/clicolors: "CLICOLOR_FORCE != 0").
        vec![("CLICOLOR_FORCE", "0")],
        // Not a terminal, nothing forced: plain.
        vec![],
    ] {
        for args in [&["check"][..], &["build"], &["check", "--strict"]] {
            let run = run_coloured(&sandbox, args, &env);
            assert!(run.stdout.contains("PG0507") || run.stderr.contains("PG0507"));
            assert!(
                !run.stdout.contains(ESC) && !run.stderr.contains(ESC),
                "{env:?} {args:?}:\n{}{}",
                run.stdout,
                run.stderr
            );
        }
    }
}

#[test]
fn quiet_prints_only_errors_and_verbose_every_warning() {
    let sandbox = Sandbox::real();
    // A stale translation: a warning that does not stop the build.
    sandbox.edit(
        "locales/en/retention.ftl",
        "depends on your choice",
        "depends on what you choose",
    );
    let plain = sandbox.run(&["build"]);
    assert!(plain.success, "{}", plain.stderr);
    assert!(plain.stdout.starts_with("built "), "{}", plain.stdout);
    assert!(plain.stderr.contains("warning(s)"), "{}", plain.stderr);
    assert!(!plain.stderr.contains("PG0511"), "{}", plain.stderr);

    let quiet = sandbox.run(&["build", "--quiet"]);
    assert!(quiet.success);
    assert_eq!((quiet.stdout.as_str(), quiet.stderr.as_str()), ("", ""));

    let verbose = sandbox.run(&["--verbose", "build"]);
    assert!(verbose.success);
    assert!(
        verbose.stderr.contains("warning[PG0511]"),
        "{}",
        verbose.stderr
    );

    let check = sandbox.run(&["check", "-q"]);
    assert_eq!(check.code, Some(0));
    assert_eq!(check.stdout, "", "no errors, nothing to say");
    let broken = broken();
    let check = broken.run(&["check", "-q"]);
    assert_eq!(check.code, Some(1));
    assert!(check.stdout.contains("error[PG0507]"), "{}", check.stdout);
    assert!(!check.stdout.contains("locale  messages"), "no summary");

    let both = sandbox.run(&["check", "--quiet", "--verbose"]);
    assert_eq!(both.code, Some(2), "clap refuses the pair: {}", both.stderr);
}

#[test]
fn bash_loads_the_completions_and_completes_subcommands_and_options() {
    let sandbox = Sandbox::real();
    let script = sandbox.run(&["completions", "bash"]);
    assert!(script.success, "{}", script.stderr);
    sandbox.write("policyglot.bash", &script.stdout);
    // What bash does on <Tab>: the completion function fills COMPREPLY.
    let complete = |line: &str| -> Vec<String> {
        let words: Vec<&str> = line.split(' ').collect();
        let program = format!(
            "source policyglot.bash || exit 9\n\
             complete -p policyglot >/dev/null || exit 8\n\
             COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}\n\
             _policyglot policyglot '{last}' '{previous}'\n\
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            words = words
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(" "),
            cword = words.len() - 1,
            last = words[words.len() - 1],
            previous = words[words.len() - 2],
        );
        let out = Command::new("bash")
            .arg("--norc")
            .arg("-c")
            .arg(program)
            .current_dir(sandbox.root())
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    };
    let subcommands = complete("policyglot c");
    for want in ["check", "completions", "confirm"] {
        assert!(subcommands.iter().any(|w| w == want), "{subcommands:?}");
    }
    assert!(!subcommands.iter().any(|w| w == "build"), "{subcommands:?}");
    let options = complete("policyglot check --");
    for want in ["--format", "--strict", "--quiet"] {
        assert!(options.iter().any(|w| w == want), "{options:?}");
    }

    for (shell, marker) in [
        ("zsh", "#compdef policyglot"),
        ("fish", "complete -c policyglot"),
    ] {
        let script = sandbox.run(&["completions", shell]);
        assert!(script.success, "{}", script.stderr);
        assert!(script.stdout.contains(marker), "{shell}: {}", script.stdout);
        assert!(script.stdout.contains("serve"), "{shell}");
    }
}

#[test]
fn the_manual_page_documents_every_subcommand() {
    let sandbox = Sandbox::real();
    let man = sandbox.run(&["man"]);
    assert!(man.success, "{}", man.stderr);
    assert!(man.stdout.starts_with(".ie"), "roff: {}", &man.stdout[..40]);
    assert!(man.stdout.contains(".TH policyglot 1"), "{}", man.stdout);
    for subcommand in ["build", "check", "serve", "confirm", "completions"] {
        assert!(
            man.stdout.contains(&format!("policyglot\\-{subcommand}")),
            "{subcommand} in:\n{}",
            man.stdout
        );
    }
    assert!(man.stdout.contains("\\-\\-quiet"), "{}", man.stdout);
}

/// Every page the main page refers to exists (`man --out`), each with the sections
/// clap does not write: EXIT STATUS (with the command's own codes) and ENVIRONMENT.
#[test]
fn each_subcommand_has_its_own_page_with_exit_status_and_environment() {
    let sandbox = Sandbox::real();
    let out = sandbox.path("man1");
    let run = sandbox.run(&["man", "--out", out.to_str().unwrap()]);
    assert!(run.success, "{}", run.stderr);
    let main = sandbox.read("man1/policyglot.1");
    let mut referred = 0;
    for name in [
        "build",
        "add-locale",
        "check",
        "init",
        "diff",
        "fmt",
        "confirm",
        "schema",
        "completions",
        "man",
    ] {
        let roff = name.replace('-', "\\-");
        assert!(main.contains(&format!("policyglot\\-{roff}(1)")), "{name}");
        let page = sandbox.read(&format!("man1/policyglot-{name}.1"));
        assert!(page.contains(&format!(".TH policyglot-{name} 1")), "{page}");
        assert!(page.contains(".SH \"EXIT STATUS\""), "{name}: {page}");
        assert!(page.contains(".SH ENVIRONMENT"), "{name}: {page}");
        assert!(page.contains("NO_COLOR") && page.contains("SOURCE_DATE_EPOCH"));
        assert!(page.contains("policyglot(1)"), "SEE ALSO: {page}");
        referred += 1;
    }
    assert_eq!(referred, 10);
    // Each page says what its own statuses mean.
    let check = sandbox.read("man1/policyglot-check.1");
    assert!(check.contains("errors were found"), "{check}");
    assert!(check.contains("GITHUB_STEP_SUMMARY"), "{check}");
    let build = sandbox.read("man1/policyglot-build.1");
    assert!(build.contains("POLICYGLOT_BASE_URL"), "{build}");
    // One page alone, by name, and a name that is no command.
    let one = sandbox.run(&["man", "fmt"]);
    assert!(
        one.success && one.stdout.contains(".TH policyglot-fmt 1"),
        "{}",
        one.stdout
    );
    let none = sandbox.run(&["man", "nope"]);
    assert_eq!(none.code, Some(2));
    assert!(
        none.stderr.contains("there is no command `nope`"),
        "{}",
        none.stderr
    );
}

/// build.rs links the Linux executable at a fixed address: ELF type `ET_EXEC` (2), not
/// the `ET_DYN` (3) of a position-independent one, whose start-up relocations cost a
/// small `check` a tenth of its time (BENCHMARKS.md).
#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_linux_executable_is_linked_at_a_fixed_address() {
    use std::io::Read;
    if option_env!("POLICYGLOT_PIE") == Some("1") {
        return; // a PIE was asked for
    }
    let mut header = [0u8; 18];
    std::fs::File::open(env!("CARGO_BIN_EXE_policyglot"))
        .and_then(|mut f| f.read_exact(&mut header))
        .unwrap();
    assert_eq!(&header[..4], b"\x7fELF");
    assert_eq!(
        u16::from_le_bytes([header[16], header[17]]),
        2,
        "not ET_EXEC"
    );
}
