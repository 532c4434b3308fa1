//! The `policyglot` command line: parses arguments and dispatches; the work is in the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
    /// Build the static site.
    Build {
        /// Output folder (replaced atomically; never a folder policyglot did not create).
        #[arg(long, default_value = "site")]
        out: PathBuf,
    },
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
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => {
                    let styled = std::io::stderr().is_terminal();
                    for d in &diagnostics {
                        eprintln!("{}\n", d.render(styled));
                    }
                    eprintln!(
                        "error: build failed with {} error(s); the previous site was left untouched",
                        diagnostics.len()
                    );
                    ExitCode::FAILURE
                }
            }
        }
    }
}
