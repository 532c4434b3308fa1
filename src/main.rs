//! The `policyglot` command line: parses arguments and dispatches to the subcommand's
//! file under `cmd/`; the work is in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use policyglot::policy::Date;

mod cmd;

#[derive(Parser)]
#[command(
    version,
    about = "Compile one YAML policy into consistent multilingual help pages"
)]
struct Cli {
    /// Project root holding policy/, locales/ and templates/.
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// The day the site describes (YYYY-MM-DD): picks the version in force, announces
    /// later ones and words each time-bound fact (upcoming, open or passed). Default:
    /// today, or SOURCE_DATE_EPOCH when set.
    #[arg(long, global = true, value_parser = cmd::parse_date)]
    today: Option<Date>,
    /// Print only errors (build: nothing on success; check: error findings, no summary).
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more: every warning in full after a build, every finding of check.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check, then build the static site (nothing is written if a check fails).
    Build(cmd::build::Args),
    /// Check the policy, translations and templates for drift; write nothing.
    /// Exit status: 0 clean, 1 errors found, 2 could not run.
    Check(cmd::check::Args),
    /// Start a new project: a policy skeleton (one page, one fact, one version), the
    /// reference locale's messages, the templates and assets. It passes `check --strict`
    /// and builds at once. Refuses a folder that already holds a project (exit 2).
    Init(cmd::init::Args),
    /// Add a locale to an existing project: its folder with the site chrome (translated
    /// when policyglot has it: de, en, fr), and the list of every message still to write,
    /// by file. Exit status: 0 added, 2 nothing written.
    AddLocale(cmd::add_locale::Args),
    /// What readers will read differently: builds the site as of REV (from git) and as
    /// of REV2 (default: the working tree) in memory, with the same --today, and prints
    /// each page whose text changed, per locale, with the words removed and added.
    /// Exit status: 0 compared (changes or not), 2 could not compare.
    Diff(cmd::diff::Args),
    /// Put every .ftl file under locales/ in the canonical layout: the one Fluent's
    /// serializer writes, as translation platforms (translate-toolkit, so Weblate) write
    /// files back, so their round trips change nothing. Files with syntax errors are
    /// left as they are. Exit status: 0 done (or, with --check, nothing to change), 1 a
    /// file needs formatting or cannot be formatted, 2 could not run.
    Fmt(cmd::fmt::Args),
    /// Print the JSON Schema of policy.yaml (policy/policy.schema.json is a copy of it).
    Schema,
    /// Print a shell completion script, e.g. `policyglot completions bash > ~/.local/share/bash-completion/completions/policyglot`.
    Completions(cmd::completions::Args),
    /// Print a manual page (roff), e.g. `policyglot man check | man -l -`, or write them
    /// all with `--out DIR`.
    Man(cmd::man::Args),
    /// Confirm that a locale's translations match the current reference-locale text (clears stale).
    Confirm(cmd::confirm::Args),
    /// How far each translation is, per locale and page: messages translated, stale and
    /// missing, and the words left to translate; as text, Markdown or JSON, and with
    /// --html FILE as a static page. Exit status: 0 printed, 2 could not run.
    Status(cmd::status::Args),
    /// Live preview: build in memory, serve on http://127.0.0.1:8000/, rebuild on every
    /// change; open pages reload by themselves and show build errors in an overlay.
    #[cfg(feature = "serve")]
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    // CLICOLOR_FORCE forces colour when set and not `0` (bixense.com/clicolors);
    // anstream forces it for any non-empty value, `0` included. Unset here, `0` reads as
    // not set, as the convention says.
    if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v == "0") {
        // SAFETY: the first statement of the program: no other thread exists yet that
        // could read the environment at the same time.
        unsafe { std::env::remove_var("CLICOLOR_FORCE") };
    }
    let cli = Cli::parse();
    if matches!(cli.command, Command::Build(_) | Command::Check(_)) {
        cmd::main_thread_works();
    }
    let globals = cmd::Globals {
        root: cli.root,
        today: cli.today,
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::Build(args) => cmd::build::run(&globals, args),
        Command::Check(args) => cmd::check::run(&globals, args),
        Command::Init(args) => cmd::init::run(&globals, args),
        Command::AddLocale(args) => cmd::add_locale::run(&globals, args),
        Command::Diff(args) => cmd::diff::run(&globals, args),
        Command::Fmt(args) => cmd::fmt::run(&globals, args),
        Command::Schema => cmd::schema::run(),
        Command::Completions(args) => cmd::completions::run(args, Cli::command()),
        Command::Man(args) => cmd::man::run(args, Cli::command()),
        Command::Confirm(args) => cmd::confirm::run(&globals, args),
        Command::Status(args) => cmd::status::run(&globals, args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => cmd::serve::run(&globals, args),
    }
}
