//! What `serve` prints: the address, each rebuild (which input changed, how long it
//! took, which pages changed), the same errors the open pages show (rustc style), and a
//! loud warning when the preview is reachable from other machines.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::diag::Diagnostic;

use super::state::{Change, PREVIEW, Snapshot};
use super::watch::INPUTS;
use crate::memo::Tally;

/// `println!` that cannot panic: a stdout whose reader went away (`serve | head -1`, a
/// closed terminal) loses the line, never the server.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// `eprintln!` that cannot panic, as `say!`.
macro_rules! shout {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Status lines go to stdout, diagnostics and warnings to stderr.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    styled: bool,
}

impl Terminal {
    pub fn new(styled: bool) -> Terminal {
        Terminal { styled }
    }

    pub fn diagnostics(&self, errors: &[&Diagnostic]) {
        for d in errors {
            shout!("{}\n", d.render(self.styled));
        }
    }

    pub fn first_build(&self, snapshot: &Snapshot, elapsed: Duration) {
        match (&snapshot.site, snapshot.errors().count()) {
            (Some(site), 0) => say!(
                "built {} pages per locale × {} locales ({}) in memory in {} ms",
                site.pages_per_locale,
                site.locales.len(),
                site.locales.join(", "),
                elapsed.as_millis()
            ),
            (Some(site), errors) if snapshot.rebuilt => shout!(
                "built {} pages per locale × {} locales ({}) in memory in {} ms, with {errors} error(s): the reference text shows where a translation is missing (build would refuse it)",
                site.pages_per_locale,
                site.locales.len(),
                site.locales.join(", "),
                elapsed.as_millis()
            ),
            (_, errors) => shout!(
                "error: {errors} error(s); no site to show yet: the pages show the errors until they are fixed"
            ),
        }
        self.warnings(snapshot, None);
    }

    pub fn rebuilt(
        &self,
        inputs: &[PathBuf],
        before: &Snapshot,
        after: Option<&Snapshot>,
        change: &Change,
        elapsed: Duration,
        rendered: Tally,
    ) {
        let now = after.unwrap_or(before);
        let what = match inputs {
            [] => "inputs".to_owned(),
            [one] => one.display().to_string(),
            [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
        };
        let errors = now.errors().count();
        if errors > 0 {
            let serving = if now.rebuilt {
                "serving it with the reference text where a translation is missing (build would refuse it)"
            } else if now.site.is_some() {
                "still serving the last good site"
            } else {
                "no site to show yet"
            };
            shout!(
                "{what} changed: {errors} error(s) in {} ms; {serving} (open pages show the errors)",
                elapsed.as_millis()
            );
        } else {
            let fixed = if before.errors().next().is_some() {
                "fixed: "
            } else {
                ""
            };
            let pages = match change.files.as_slice() {
                [] => "no page changed".to_owned(),
                files => {
                    let shown: Vec<&str> = files.iter().take(4).map(String::as_str).collect();
                    let more = files.len().saturating_sub(shown.len());
                    let more = if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    };
                    format!(
                        "{} file(s) changed: {}{more}",
                        files.len(),
                        shown.join(", ")
                    )
                }
            };
            let locales = rendered.computed + rendered.reused;
            say!(
                "{what} changed: {fixed}rebuilt in {} ms ({} of {locales} locale(s) re-rendered), {pages}",
                elapsed.as_millis(),
                rendered.computed,
            );
        }
        if after.is_some() {
            self.warnings(now, Some(before));
        }
    }

    /// The warning count, when it changed.
    fn warnings(&self, now: &Snapshot, before: Option<&Snapshot>) {
        let count = now.warnings();
        if before.is_some_and(|b| b.warnings() == count) || (before.is_none() && count == 0) {
            return;
        }
        shout!(
            "{count} warning(s) (stale or obsolete translations, orphaned messages…): see /{PREVIEW}/index.html or run `policyglot check`"
        );
    }

    pub fn serving(&self, address: SocketAddr, loopback: bool) {
        if !loopback {
            shout!(
                "\nWARNING: listening on {address}, which other machines on your network can reach.\n\
                 WARNING: the preview has no authentication; it shows unpublished drafts and your file paths.\n\
                 WARNING: leave out --bind (127.0.0.1) unless you mean to share it.\n"
            );
        }
        let shown = if address.ip().is_unspecified() {
            SocketAddr::new([127, 0, 0, 1].into(), address.port())
        } else {
            address
        };
        say!("serving http://{shown}/ · side by side: http://{shown}/{PREVIEW}/index.html");
        say!(
            "watching {}/ (nothing is written to disk); press Ctrl-C to stop",
            INPUTS.join("/, ")
        );
    }

    pub fn warn(&self, message: &str) {
        shout!("warning: {message}");
    }

    pub fn stopping(&self) {
        say!("stopping…");
    }

    pub fn stopped(&self) {
        say!("stopped");
    }
}
