//! The `policyglot` command line: parses arguments and dispatches; the work is in the library.

#[cfg(feature = "serve")]
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use policyglot::Project;
use policyglot::check::{self, report};
use policyglot::diag::Diagnostic;
use policyglot::pipeline;
use policyglot::policy::Date;

#[derive(Parser)]
#[command(
    version,
    about = "Compile one YAML policy into consistent multilingual help pages"
)]
struct Cli {
    /// Project root holding policy/, locales/ and templates/.
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// The day the site describes (YYYY-MM-DD): picks the version in force and announces
    /// later ones. Default: today, or SOURCE_DATE_EPOCH when set.
    #[arg(long, global = true, value_parser = parse_date)]
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
    Build {
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
    },
    /// Check the policy, translations and templates for drift; write nothing.
    /// Exit status: 0 clean, 1 errors found, 2 could not run.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings (stale translations, obsolete or orphaned messages…) as errors.
        #[arg(long)]
        strict: bool,
        /// Check only this locale (repeatable): its findings and those every locale
        /// shares (policy, templates); the summary shows its row.
        #[arg(long = "locale", value_name = "TAG")]
        locales: Vec<String>,
        /// The folder holding the texts of the policy's sources (each source's `file`):
        /// every passage a source cites for a fact must be in its text. Without it,
        /// nothing is read.
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Start a new project: a policy skeleton (one page, one fact, one version), the
    /// reference locale's messages, the templates and assets. It passes `check --strict`
    /// and builds at once. Refuses a folder that already holds a project (exit 2).
    Init {
        /// The folder to write the project into, created when missing (default: --root,
        /// the current folder).
        dir: Option<PathBuf>,
        /// Add a locale (repeatable), e.g. `fr`: its site chrome comes translated when
        /// policyglot has it (de, en, fr); the project's own messages are left for its
        /// translator, and `check` lists them.
        #[arg(long = "locale", value_name = "TAG")]
        locales: Vec<String>,
        /// The reference locale: the one messages are written in first.
        #[arg(long, value_name = "TAG", default_value = "en")]
        reference: String,
    },
    /// What readers will read differently: builds the site as of REV (from git) and as
    /// of REV2 (default: the working tree) in memory, with the same --today, and prints
    /// each page whose text changed, per locale, with the words removed and added.
    /// Exit status: 0 compared (changes or not), 2 could not compare.
    Diff {
        /// The earlier revision: a commit, branch or tag, e.g. `HEAD~1` or `main`.
        #[arg(value_name = "REV")]
        old: String,
        /// The later revision (default: the files on disk, committed or not).
        #[arg(value_name = "REV2")]
        new: Option<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
    },
    /// Print the JSON Schema of policy.yaml (policy/policy.schema.json is a copy of it).
    Schema,
    /// Print a shell completion script, e.g. `policyglot completions bash > ~/.local/share/bash-completion/completions/policyglot`.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `policyglot man | man -l -`.
    Man,
    /// Confirm that a locale's translations match the current reference-locale text (clears stale).
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
enum DiffFormat {
    Human,
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
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

/// Writes to standard output, through anstream: colour is kept only where wanted
/// (a terminal, unless NO_COLOR or CLICOLOR=0; anywhere with CLICOLOR_FORCE), stripped
/// otherwise. A reader that went away (`policyglot check | head`) is not an error worth
/// a panic: the rest of the output is simply not wanted.
fn print_out(text: &str) {
    use std::io::Write;
    let mut stdout = anstream::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write the output: {e}");
    }
}

/// Writes to standard error, colour as for `print_out`.
fn print_err(text: &str) {
    use std::io::Write;
    let mut stderr = anstream::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
}

/// `label: text` on standard error, the label in its colour.
fn say(level: Level, text: &str) {
    let (label, style) = match level {
        Level::Error => ("error", AnsiColor::Red.on_default().bold()),
        Level::Warning => ("warning", AnsiColor::Yellow.on_default().bold()),
        Level::Note => ("note", Style::new().bold()),
    };
    print_err(&format!("{style}{label}{style:#}: {text}\n"));
}

#[derive(Clone, Copy)]
enum Level {
    Error,
    Warning,
    Note,
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        print_err(&format!("{}\n\n", d.render(true)));
    }
}

/// `policyglot check`: the report on stdout in `format` (JSON: always one document, also
/// when the checks cannot run), and with `--format github` the Markdown job summary when
/// GitHub Actions asks for one (`GITHUB_STEP_SUMMARY`). Exit 0 clean, 1 errors, 2 could
/// not run.
fn check_command(
    project: &Project,
    options: pipeline::Options,
    format: Format,
    locales: &[String],
    human: &report::HumanOptions,
) -> ExitCode {
    let today = options.publication.today;
    let mut session = pipeline::Session::once();
    let result = session.run(project, options);
    let next_change = session.next_change(today);
    end_of_process(session);
    let result = result.and_then(|mut analysis| {
        report::select_locales(&mut analysis, locales)?;
        Ok(analysis)
    });
    let (analysis, code) = match result {
        Ok(analysis) => {
            let code = if analysis.errors() > 0 { 1 } else { 0 };
            (analysis, code)
        }
        Err(why) => {
            if let Format::Json = format {
                print_out(&report::json_could_not_run(&why));
                return ExitCode::from(2);
            }
            let analysis = check::Analysis {
                findings: vec![why],
                summary: Vec::new(),
                site: None,
            };
            (analysis, 2)
        }
    };
    match format {
        Format::Human if code == 2 => print_diagnostics(&analysis.findings),
        Format::Human => print_out(&report::human(&analysis, human)),
        Format::Json => print_out(&report::json(&analysis, next_change)),
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

/// Makes the main thread one of rayon's workers for a one-shot command, so the
/// pipeline's parallel parts start on it rather than being handed to an idle worker and
/// back, and one worker fewer is started. At least two threads: work another thread
/// hands to the pool (the search index's) always has a worker to run it while the main
/// thread waits for that thread (so `RAYON_NUM_THREADS=1` gets two). `serve` keeps the
/// default pool, whose every worker serves its rebuilds.
fn main_thread_works() {
    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n: &usize| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(2)
        .max(2);
    // Fails when the pool already exists or a thread cannot be started: rayon's default
    // pool is used then.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .use_current_thread()
        .build_global();
}

/// Leaves what a one-shot command computed for the system to reclaim: the process ends
/// right after, and freeing a session's parsed catalogs, bundles and templates (or a
/// rendered site) one allocation at a time would cost a small project's `check` several
/// percent of its run.
fn end_of_process<T>(computed: T) {
    std::mem::forget(computed);
}

/// Appends `text` to `file` (GitHub gives each step its summary file to append to).
fn append(file: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)?
        .write_all(text.as_bytes())
}

/// How the human report is printed, from --quiet and --verbose.
fn human_options(quiet: bool, verbose: bool) -> report::HumanOptions {
    report::HumanOptions {
        styled: true,
        errors_only: quiet,
        per_code: if verbose {
            usize::MAX
        } else {
            report::FINDINGS_PER_CODE
        },
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Command::Build { .. } | Command::Check { .. }) {
        main_thread_works();
    }
    let project = Project::new(&cli.root);
    let mut options = pipeline::Options::default();
    if let Some(today) = cli.today {
        options.publication.today = today;
    }
    let today = options.publication.today;
    match cli.command {
        Command::Build {
            out,
            base_url,
            no_search,
        } => {
            let out = out.unwrap_or_else(|| cli.root.join("site"));
            // An empty value (an unset CI variable) means no base URL.
            options.publication.base_url = base_url.filter(|u| !u.is_empty());
            let mut session = pipeline::Session::once();
            let built = session.build(&project, &out, &options, !no_search);
            let next_change = session.next_change(today);
            end_of_process(session);
            match built {
                Ok(_) if cli.quiet => ExitCode::SUCCESS,
                Ok(report) => {
                    print_out(&format!(
                        "built {} pages per locale × {} locales ({}) into {} in {} ms\n",
                        report.pages_per_locale,
                        report.locales.len(),
                        report.locales.join(", "),
                        out.display(),
                        report.elapsed.as_millis()
                    ));
                    if let Some(day) = next_change {
                        print_out(&format!(
                            "next change: {day}, when a later version of the policy takes effect; build again on that day\n"
                        ));
                    }
                    for note in &report.notes {
                        say(Level::Note, note);
                    }
                    if cli.verbose {
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
                    print_diagnostics(&diagnostics);
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
        Command::Check {
            format,
            strict,
            locales,
            sources,
        } => check_command(
            &project,
            pipeline::Options {
                strict,
                sources,
                ..options
            },
            format,
            &locales,
            &human_options(cli.quiet, cli.verbose),
        ),
        #[cfg(feature = "serve")]
        Command::Serve { port, bind, open } => {
            let options = policyglot::serve::Options {
                port,
                bind,
                open,
                today: cli.today,
            };
            match policyglot::serve::run(&project, &options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    print_diagnostics(&[d]);
                    ExitCode::from(2)
                }
            }
        }
        Command::Init {
            dir,
            locales,
            reference,
        } => {
            let dir = dir.unwrap_or(cli.root);
            let init = policyglot::init::Options {
                reference,
                locales,
                effective: today,
            };
            match policyglot::init::init(&dir, &init) {
                Ok(_) if cli.quiet => ExitCode::SUCCESS,
                Ok(written) => {
                    print_out(&written.summary(&dir));
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diagnostics(&[d]);
                    ExitCode::from(2)
                }
            }
        }
        Command::Diff { old, new, format } => {
            use policyglot::review::{self, Side};
            let new = new.map_or(Side::WorkingTree, Side::Revision);
            match review::review(&project, &Side::Revision(old), &new, &options) {
                Ok(review) => {
                    let format = match format {
                        DiffFormat::Human => review::Format::Human,
                        DiffFormat::Markdown => review::Format::Markdown,
                        DiffFormat::Json => review::Format::Json,
                    };
                    print_out(&review.render(format));
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => {
                    print_diagnostics(&diagnostics);
                    ExitCode::from(2)
                }
            }
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "policyglot", &mut out);
            print_out(&String::from_utf8_lossy(&out));
            ExitCode::SUCCESS
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => {
                    print_out(&String::from_utf8_lossy(&out));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    say(Level::Error, &format!("cannot render the manual page: {e}"));
                    ExitCode::from(2)
                }
            }
        }
        Command::Schema => {
            print_out(&policyglot::policy::schema::json_schema());
            ExitCode::SUCCESS
        }
        Command::Confirm { locale, messages } => {
            match check::confirm(&project, &locale, &messages) {
                Ok(_) if cli.quiet => ExitCode::SUCCESS,
                Ok(changed) => {
                    print_out(&format!(
                        "confirmed {changed} translation(s) of `{locale}` against the current reference text\n"
                    ));
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diagnostics(&[d]);
                    ExitCode::from(2)
                }
            }
        }
    }
}
