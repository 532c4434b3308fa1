//! `policyglot man`: the manual pages (roff) from the clap definition: `policyglot(1)`
//! and one `policyglot-<command>(1)` per subcommand, each with its EXIT STATUS and
//! ENVIRONMENT, which clap does not know.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap_mangen::Man;
use roff::{Roff, bold, roman};

use super::{Level, print_out, say};

#[derive(clap::Args)]
pub struct Args {
    /// The subcommand whose page to print, e.g. `check` (default: policyglot(1)).
    command: Option<String>,
    /// Write every page (policyglot.1 and policyglot-<command>.1) into DIR instead of
    /// printing one, e.g. `--out ~/.local/share/man/man1`.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    out: Option<PathBuf>,
}

pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "the page was printed or written"),
    (2, "it could not be"),
];

/// What each page says about the process's end, besides clap's own status 2 for
/// arguments it cannot parse.
fn exit_status(command: &str) -> &'static [(u8, &'static str)] {
    match command {
        "add-locale" => super::add_locale::EXIT_STATUS,
        "build" => super::build::EXIT_STATUS,
        "check" => super::check::EXIT_STATUS,
        "init" => super::init::EXIT_STATUS,
        "diff" => super::diff::EXIT_STATUS,
        "fmt" => super::fmt::EXIT_STATUS,
        "confirm" => super::confirm::EXIT_STATUS,
        "status" => super::status::EXIT_STATUS,
        #[cfg(feature = "serve")]
        "serve" => super::serve::EXIT_STATUS,
        "man" => EXIT_STATUS,
        "policyglot" => &[
            (0, "the command succeeded"),
            (1, "the command found errors (see each command's page)"),
            (2, "the command could not run (see each command's page)"),
        ],
        _ => &[(0, "always")],
    }
}

/// Variables every command reads.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "When set and not empty, no colour, whatever else is set.",
    ),
    ("CLICOLOR", "0: no colour, not even on a terminal."),
    (
        "CLICOLOR_FORCE",
        "Set and not 0: colour even in a pipe or a file (NO_COLOR still wins).",
    ),
    (
        "SOURCE_DATE_EPOCH",
        "The day the site describes when --today is not given (seconds since 1970, as for reproducible builds).",
    ),
];

/// Variables one command reads, besides `ENVIRONMENT`.
fn environment(command: &str) -> &'static [(&'static str, &'static str)] {
    match command {
        "build" => &[
            (
                "POLICYGLOT_BASE_URL",
                "The site's absolute address, when --base-url is not given.",
            ),
            (
                "RAYON_NUM_THREADS",
                "How many threads (at least two); default: one per core.",
            ),
        ],
        "check" => &[
            (
                "GITHUB_STEP_SUMMARY",
                "With --format github: the file the Markdown job summary is appended to (set by GitHub Actions).",
            ),
            (
                "RAYON_NUM_THREADS",
                "How many threads (at least two); default: one per core.",
            ),
        ],
        _ => &[],
    }
}

pub fn run(args: Args, cli: clap::Command) -> ExitCode {
    let mut cli = cli.disable_help_subcommand(true);
    cli.build();
    let pages: Vec<clap::Command> = std::iter::once(cli.clone())
        .chain(cli.get_subcommands().cloned())
        .collect();
    if let Some(dir) = args.out {
        return match pages.iter().try_for_each(|cmd| write_page(cmd, &dir)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                say(
                    Level::Error,
                    &format!("cannot write the manual pages into {}: {e}", dir.display()),
                );
                ExitCode::from(2)
            }
        };
    }
    let wanted = args.command.as_deref().unwrap_or("policyglot");
    let Some(cmd) = pages.iter().find(|c| c.get_name() == wanted) else {
        let names: Vec<&str> = pages[1..].iter().map(clap::Command::get_name).collect();
        say(
            Level::Error,
            &format!(
                "there is no command `{wanted}`: one of {}",
                names.join(", ")
            ),
        );
        return ExitCode::from(2);
    };
    match page(cmd) {
        Ok(text) => {
            print_out(&text);
            ExitCode::SUCCESS
        }
        Err(e) => {
            say(Level::Error, &format!("cannot render the manual page: {e}"));
            ExitCode::from(2)
        }
    }
}

fn write_page(cmd: &clap::Command, dir: &Path) -> std::io::Result<()> {
    let name = cmd.get_display_name().unwrap_or(cmd.get_name());
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(format!("{name}.1")), page(cmd)?)
}

/// One page: clap_mangen's sections, then EXIT STATUS, ENVIRONMENT and SEE ALSO.
fn page(cmd: &clap::Command) -> std::io::Result<String> {
    // Every page names the program and its version in its footer, as the top page does.
    let man = Man::new(cmd.clone()).source(format!("policyglot {}", env!("CARGO_PKG_VERSION")));
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut out)?;
    }
    let name = cmd.get_name();
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    // Status 2 is also clap's, for arguments it cannot parse: said once, with the
    // command's own meaning of 2 when it has one.
    const USAGE: &str = "the arguments cannot be parsed";
    let statuses = exit_status(name);
    let usage = (!statuses.iter().any(|(code, _)| *code == 2)).then_some((2, USAGE));
    for (code, meaning) in statuses.iter().copied().chain(usage) {
        let meaning = if code == 2 && meaning != USAGE {
            format!("{meaning}; or {USAGE}")
        } else {
            meaning.to_owned()
        };
        roff.control("TP", [] as [&str; 0])
            .text([bold(code.to_string())])
            .text([roman(meaning)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (var, meaning) in ENVIRONMENT.iter().chain(environment(name)) {
        roff.control("TP", [] as [&str; 0])
            .text([bold(*var)])
            .text([roman(*meaning)]);
    }
    roff.control("SH", ["SEE ALSO"]);
    let see: Vec<String> = if cmd.has_subcommands() {
        cmd.get_subcommands()
            .filter_map(|s| s.get_display_name().map(|n| format!("{n}(1)")))
            .collect()
    } else {
        vec!["policyglot(1)".to_owned()]
    };
    roff.text([roman(see.join(", "))]);
    roff.to_writer(&mut out)?;
    // clap_mangen's version section unwraps the command's version, which only the top
    // command has (subcommands' pages carry it in their title line).
    if cmd.get_version().is_some() {
        man.render_version_section(&mut out)?;
    }
    String::from_utf8(out).map_err(std::io::Error::other)
}
