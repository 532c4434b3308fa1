//! `policyglot build`: check, then write the static site (nothing is written if a check
//! fails).

use std::path::PathBuf;
use std::process::ExitCode;

use policyglot::pipeline;

use super::{Globals, Level, end_of_process, print_diagnostics, print_err, print_out, say};

#[derive(clap::Args)]
pub struct Args {
    /// Output folder, relative to the current folder like any path argument (default:
    /// `site` in the project folder, --root). Swapped in at once: atomically on Linux,
    /// by two renames elsewhere; never a folder policyglot did not create.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Absolute URL the site is published at, for canonical and hreflang links and
    /// sitemap.xml (written only with it).
    #[arg(long, env = "POLICYGLOT_BASE_URL", value_parser = parse_base_url)]
    base_url: Option<String>,
    /// Skip the search index (Pagefind), e.g. for quick previews.
    #[arg(long)]
    no_search: bool,
}

fn parse_base_url(s: &str) -> Result<String, String> {
    if s.is_empty() || s.starts_with("https://") || s.starts_with("http://") {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "`{s}` is not an absolute URL: write it as https://host/path/"
        ))
    }
}

/// How the process ends (the manual page's EXIT STATUS).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "the site was built and swapped in"),
    (
        1,
        "a check failed or the site could not be written; the previous site is untouched",
    ),
];

pub fn run(globals: &Globals, args: Args) -> ExitCode {
    let out = args.out.unwrap_or_else(|| globals.root.join("site"));
    let mut options = globals.options();
    let today = options.publication.today;
    // An empty value (an unset CI variable) means no base URL.
    options.publication.base_url = args.base_url.filter(|u| !u.is_empty());
    let mut session = pipeline::Session::once();
    let built = session.build(&globals.project(), &out, &options, !args.no_search);
    let next_change = session.next_change(today);
    end_of_process(session);
    match built {
        Ok(_) if globals.quiet => ExitCode::SUCCESS,
        Ok(report) => {
            print_out(&format!(
                "built {} pages per locale × {} locales ({}) into {} in {} ms\n",
                report.pages_per_locale,
                report.locales.len(),
                report.locales.join(", "),
                out.display(),
                report.elapsed.as_millis()
            ));
            if let Some(change) = next_change {
                print_out(&format!("next change: {change}; build again on that day\n"));
            }
            for note in &report.notes {
                say(Level::Note, note);
            }
            if globals.verbose {
                print_diagnostics(&report.warnings);
            } else if !report.warnings.is_empty() {
                say(
                    Level::Warning,
                    &format!(
                        "{} warning(s), e.g. stale translations (published with a notice); run `policyglot check` or `build --verbose` for details",
                        report.warnings.len()
                    ),
                );
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            print_err(&policyglot::check::report::findings_capped(
                &diagnostics,
                true,
                globals.verbose,
            ));
            say(
                Level::Error,
                &format!(
                    "build failed with {} error(s); the previous site was left untouched",
                    diagnostics.len()
                ),
            );
            ExitCode::FAILURE
        }
    }
}
