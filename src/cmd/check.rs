//! `policyglot check`: every check, nothing written; the report for people, as JSON or
//! for GitHub (annotations and the job summary).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use policyglot::check::{self, report};
use policyglot::pipeline;

use super::{Globals, Level, end_of_process, print_diagnostics, print_out, say};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings (stale translations, obsolete or orphaned messages…) as errors.
    #[arg(long)]
    strict: bool,
    /// Check only this locale (repeatable): its findings and those every locale
    /// shares (policy, templates); the summary shows its row.
    #[arg(long = "locale", value_name = "TAG")]
    locales: Vec<String>,
    /// Group the human report by locale: the findings every locale shares, then each
    /// locale's under its own heading (a translator reads their own part).
    #[arg(long)]
    by_locale: bool,
    /// Also ask every external address the site links to over HTTP (HEAD, then GET;
    /// redirects followed): a warning, located where the address is written, for each
    /// that answers an error or nothing. Off by default: `check` fetches nothing.
    #[arg(long)]
    links: bool,
    /// The folder holding the texts of the policy's sources (each source's `file`):
    /// every passage a source cites for a fact must be in its text. Without it,
    /// nothing is read.
    #[arg(long, value_name = "DIR")]
    sources: Option<PathBuf>,
    /// With --links: the longest wait for one address, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, requires = "links")]
    link_timeout: u64,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

/// The report on stdout in the chosen format (JSON: always one document, also when the
/// checks cannot run), and with `--format github` the Markdown job summary when GitHub
/// Actions asks for one (`GITHUB_STEP_SUMMARY`). Exit 0 clean, 1 errors, 2 could not run.
/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "no error (warnings only, or nothing)"),
    (
        1,
        "errors were found (with --strict, warnings count as errors)",
    ),
    (
        2,
        "the checks could not run (no policy, no locales folder…)",
    ),
];

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    let project = globals.project();
    let options = pipeline::Options {
        strict: args.strict,
        sources: args.sources.clone(),
        feeds: false,
        ..globals.options()
    };
    let today = options.publication.today;
    let mut session = pipeline::Session::once();
    let result = session.run(&project, options);
    let next_change = session.next_change(today);
    end_of_process(session);
    let result = result.and_then(|mut analysis| {
        if args.links {
            check_links(&mut analysis, &project, &args);
        }
        report::select_locales(&mut analysis, &args.locales)?;
        Ok(analysis)
    });
    let (analysis, code) = match result {
        Ok(analysis) => {
            let code = if analysis.errors() > 0 { 1 } else { 0 };
            (analysis, code)
        }
        Err(why) => {
            if let Format::Json = args.format {
                print_out(&report::json_could_not_run(&why));
                return ExitCode::from(2);
            }
            let analysis = check::Analysis {
                findings: vec![why],
                ..Default::default()
            };
            (analysis, 2)
        }
    };
    match args.format {
        Format::Human if code == 2 => print_diagnostics(&analysis.findings),
        Format::Human => print_out(&report::human(
            &analysis,
            &report::HumanOptions {
                by_locale: args.by_locale,
                ..human_options(globals)
            },
        )),
        Format::Json => print_out(&report::json(&analysis, next_change.map(|c| c.day))),
        Format::Github => {
            let prefix = report::repository_prefix(&project.root);
            print_out(&report::github(&analysis, &prefix));
            if let Some(file) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|f| !f.is_empty()) {
                let verdict = (code == 2).then_some("could not run");
                let text = report::step_summary(&analysis, &prefix, verdict);
                if let Err(e) = append(&PathBuf::from(&file), &text) {
                    say(
                        Level::Warning,
                        &format!(
                            "cannot write the job summary to {}: {e}",
                            PathBuf::from(file).display()
                        ),
                    );
                }
            }
        }
    }
    end_of_process(analysis);
    ExitCode::from(code)
}

/// Adds the findings of the link check (`--links`) to `analysis`: errors under
/// `--strict`, as every warning is; a note when there is no site to take links from.
fn check_links(analysis: &mut check::Analysis, project: &policyglot::Project, args: &Args) {
    let Some(site) = &analysis.site else {
        analysis.findings.push(
            policyglot::diag::Diagnostic::note(
                "PG0550",
                "links were not checked: the site cannot be built until the errors above are fixed",
            )
            .in_path(policyglot::Project::POLICY)
            .help("fix the errors, then run `check --links` again"),
        );
        return;
    };
    let options = check::links::Options {
        timeout: std::time::Duration::from_secs(args.link_timeout.max(1)),
        ..check::links::Options::default()
    };
    let mut found = check::links::check(site, project, &options);
    if args.strict {
        for d in &mut found {
            d.severity = policyglot::diag::Severity::Error;
        }
    }
    analysis.findings.extend(found);
}

/// How the human report is printed, from --quiet and --verbose.
fn human_options(globals: &Globals) -> report::HumanOptions {
    report::HumanOptions {
        styled: true,
        errors_only: globals.quiet,
        per_code: if globals.verbose {
            usize::MAX
        } else {
            report::FINDINGS_PER_CODE
        },
        by_locale: false,
    }
}

/// Appends `text` to `file` (GitHub gives each step its summary file to append to).
fn append(file: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)?
        .write_all(text.as_bytes())
}
