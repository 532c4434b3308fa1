//! `policyglot fmt`: the project's `.ftl` files in the canonical layout.

use std::process::ExitCode;

use similar::TextDiff;

use super::{Globals, Level, print_diagnostics, print_out, say};

#[derive(clap::Args)]
pub struct Args {
    /// Write nothing: list the files not in the canonical layout, with the change
    /// formatting would make (exit 1 when there is one).
    #[arg(long)]
    check: bool,
    /// Format only this locale (repeatable).
    #[arg(long = "locale", value_name = "TAG")]
    locales: Vec<String>,
}

/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        0,
        "every file is in the canonical layout (or was put in it)",
    ),
    (
        1,
        "a file is not in it (with --check), or cannot be formatted (a syntax error)",
    ),
    (2, "the locales could not be read, or no such locale"),
];

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    let project = globals.project();
    let plan = match policyglot::fmt::plan(&project, &args.locales) {
        Ok(plan) => plan,
        Err(d) => {
            print_diagnostics(&[d]);
            return ExitCode::from(2);
        }
    };
    print_diagnostics(&plan.problems);
    let mut failed = !plan.problems.is_empty();
    if args.check {
        for change in &plan.changes {
            let path = change.path.display().to_string();
            say(
                Level::Error,
                &format!("{path} is not in the canonical layout (`policyglot fmt` rewrites it)"),
            );
            if !globals.quiet {
                let diff = TextDiff::from_lines(&change.before, &change.after);
                print_out(
                    &diff
                        .unified_diff()
                        .context_radius(2)
                        .header(&path, &path)
                        .to_string(),
                );
            }
        }
        failed |= !plan.changes.is_empty();
    } else if let Err(d) = policyglot::fmt::write(&project, &plan.changes) {
        print_diagnostics(&[d]);
        return ExitCode::FAILURE;
    } else if !globals.quiet {
        for change in &plan.changes {
            print_out(&format!("formatted {}\n", change.path.display()));
        }
        print_out(&format!(
            "{} of {} file(s) reformatted\n",
            plan.changes.len(),
            plan.files
        ));
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
