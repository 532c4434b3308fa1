//! The `policyglot` command line: parses arguments and dispatches; the work is in the library.

use std::io::IsTerminal;
#[cfg(feature = "serve")]
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use policyglot::check::{self, report};
use policyglot::diag::Diagnostic;
use policyglot::{Project, build};

#[derive(Parser)]
#[command(
    version,
    about = "Compile one YAML policy into consistent multilingual help pages"
)]
struct Cli {
    /// Project root holding policy/, locales/ and templates/.
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check, then build the static site (nothing is written if a check fails).
    Build {
        /// Output folder (replaced atomically; never a folder policyglot did not create).
        #[arg(long, default_value = "site")]
        out: PathBuf,
    },
    /// Check the policy, translations and templates for drift; write nothing.
    /// Exit status: 0 clean, 1 errors found, 2 could not run.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings (stale translations, obsolete or orphaned messages…) as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Confirm that a locale's translations match the current English text (clears stale).
    Confirm {
        /// The locale to confirm, e.g. `fr`.
        locale: String,
        /// Message ids to confirm; all of the locale's messages when none is given.
        messages: Vec<String>,
    },
    /// Live preview: build in memory, serve on http://127.0.0.1:8000/, rebuild on every
    /// change; open pages reload by themselves and show build errors in an overlay.
    #[cfg(feature = "serve")]
    Serve {
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = policyglot::serve::DEFAULT_PORT)]
        port: u16,
        /// Address to listen on. Anything but loopback exposes the preview to your network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let styled = std::io::stderr().is_terminal();
    for d in diagnostics {
        eprintln!("{}\n", d.render(styled));
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let project = Project::new(&cli.root);
    match cli.command {
        Command::Build { out } => {
            let out = if out.is_absolute() {
                out
            } else {
                cli.root.join(out)
            };
            match build(&project, &out) {
                Ok(report) => {
                    println!(
                        "built {} pages per locale × {} locales ({}) into {} in {} ms",
                        report.pages_per_locale,
                        report.locales.len(),
                        report.locales.join(", "),
                        out.display(),
                        report.elapsed.as_millis()
                    );
                    if !report.warnings.is_empty() {
                        eprintln!(
                            "warning: {} warning(s), e.g. stale translations (published with a notice); run `policyglot check` for details",
                            report.warnings.len()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => {
                    print_diagnostics(&diagnostics);
                    eprintln!(
                        "error: build failed with {} error(s); the previous site was left untouched",
                        diagnostics.len()
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { format, strict } => {
            match check::run(&project, check::Options { strict }) {
                Ok(analysis) => {
                    let text = match format {
                        Format::Human => report::human(&analysis, std::io::stdout().is_terminal()),
                        Format::Json => report::json(&analysis),
                        Format::Github => report::github(&analysis),
                    };
                    print!("{text}");
                    if analysis.errors() > 0 {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(d) => {
                    print_diagnostics(&[d]);
                    ExitCode::from(2)
                }
            }
        }
        #[cfg(feature = "serve")]
        Command::Serve { port, bind, open } => {
            let options = policyglot::serve::Options { port, bind, open };
            match policyglot::serve::run(&project, &options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    print_diagnostics(&[d]);
                    ExitCode::from(2)
                }
            }
        }
        Command::Confirm { locale, messages } => match check::confirm(&project, &locale, &messages)
        {
            Ok(changed) => {
                println!(
                    "confirmed {changed} translation(s) of `{locale}` against the current English text"
                );
                ExitCode::SUCCESS
            }
            Err(d) => {
                print_diagnostics(&[d]);
                ExitCode::from(2)
            }
        },
    }
}
