//! One file per subcommand (as mdBook lays out its binary): each holds its arguments and
//! its `run`; this module holds what they share: the global options and how output and
//! diagnostics reach the terminal.

use std::path::PathBuf;

use anstyle::{AnsiColor, Style};
use policyglot::Project;
use policyglot::diag::Diagnostic;
use policyglot::pipeline;
use policyglot::policy::Date;

pub mod add_locale;
pub mod build;
pub mod check;
pub mod completions;
pub mod confirm;
pub mod diff;
pub mod fmt;
pub mod init;
pub mod man;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod status;

/// The options every subcommand takes (`--root`, `--today`, `--quiet`, `--verbose`).
pub struct Globals {
    pub root: PathBuf,
    pub today: Option<Date>,
    pub quiet: bool,
    pub verbose: bool,
}

impl Globals {
    pub fn project(&self) -> Project {
        Project::new(&self.root)
    }

    /// The pipeline's options: the day from `--today` (default today, or
    /// SOURCE_DATE_EPOCH), everything else at its default.
    pub fn options(&self) -> pipeline::Options {
        let mut options = pipeline::Options::default();
        if let Some(today) = self.today {
            options.publication.today = today;
        }
        options
    }
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

/// Writes to standard output, through anstream: colour is kept only where wanted
/// (a terminal, unless NO_COLOR or CLICOLOR=0; anywhere with CLICOLOR_FORCE), stripped
/// otherwise. A reader that went away (`policyglot check | head`) is not an error worth
/// a panic: the rest of the output is simply not wanted.
pub fn print_out(text: &str) {
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
pub fn print_err(text: &str) {
    use std::io::Write;
    let mut stderr = anstream::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
}

/// `label: text` on standard error, the label in its colour.
pub fn say(level: Level, text: &str) {
    let (label, style) = match level {
        Level::Error => ("error", AnsiColor::Red.on_default().bold()),
        Level::Warning => ("warning", AnsiColor::Yellow.on_default().bold()),
        Level::Note => ("note", Style::new().bold()),
    };
    print_err(&format!("{style}{label}{style:#}: {text}\n"));
}

#[derive(Clone, Copy)]
pub enum Level {
    Error,
    Warning,
    Note,
}

pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        print_err(&format!("{}\n\n", d.render(true)));
    }
}

/// Makes the main thread one of rayon's workers for a one-shot command, so the
/// pipeline's parallel parts start on it rather than being handed to an idle worker and
/// back, and one worker fewer is started. At least two threads: work another thread
/// hands to the pool (the search index's) always has a worker to run it while the main
/// thread waits for that thread (so `RAYON_NUM_THREADS=1` gets two). `serve` keeps the
/// default pool, whose every worker serves its rebuilds.
pub fn main_thread_works() {
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
pub fn end_of_process<T>(computed: T) {
    std::mem::forget(computed);
}
