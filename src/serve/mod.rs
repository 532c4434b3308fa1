//! `policyglot serve`: a live preview for writers and translators. Builds the site in
//! memory (never on disk), serves it over HTTP on loopback, rebuilds on every change of
//! the inputs, and makes open pages reload by themselves or show the build errors.
//! Broken input never stops the server: the last good site keeps being served.

mod build;
mod connections;
mod paths;
mod search;
mod server;
mod side_by_side;
mod state;
mod terminal;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use tokio::sync::watch as channel;

use crate::check;
use crate::diag::{Diagnostic, Severity};
use crate::pipeline::{self, Session};
use crate::project::Project;
use state::{Outcome, Snapshot};

/// The port used when none is given.
pub const DEFAULT_PORT: u16 = 8000;

/// How to serve.
#[derive(Debug, Clone)]
pub struct Options {
    /// 0 picks any free port (printed on start).
    pub port: u16,
    pub bind: IpAddr,
    /// Open the preview in the system's browser once it is served.
    pub open: bool,
    /// The day the preview describes (which version is in force, which are announced);
    /// `None`: each rebuild's today, as `build` without --today.
    pub today: Option<crate::policy::Date>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            port: DEFAULT_PORT,
            bind: IpAddr::from([127, 0, 0, 1]),
            open: false,
            today: None,
        }
    }
}

/// Serves `project` until Ctrl-C (or SIGTERM). `Err` when it cannot start: no project
/// there, the address is taken, the inputs cannot be watched.
pub fn run(project: &Project, options: &Options) -> Result<(), Diagnostic> {
    let root = project.root.canonicalize().map_err(|e| {
        Diagnostic::error("PG0100", format!("cannot open the project folder: {e}"))
            .in_path(&project.root)
            .help("pass --root with the folder holding policy/, locales/ and templates/")
    })?;
    let target = Target {
        project: Project::new(root.clone()),
        today: options.today,
    };
    // anstream's rules: a terminal, NO_COLOR, CLICOLOR, CLICOLOR_FORCE.
    let colour = anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never;
    let out = terminal::Terminal::new(colour);

    let started = Instant::now();
    let mut session = Session::default();
    let outcome = match guarded_check(&mut session, &target, Path::new(".")) {
        Ok(Ok(analysis)) => Outcome::Ran(analysis),
        // Nothing to build at all (no policy file, no locales folder): a wrong folder.
        Ok(Err(d)) => return Err(d),
        Err(panic) => Outcome::CouldNotRun(panic),
    };
    let elapsed = started.elapsed();
    out.diagnostics(&errors(&outcome));
    let (first, _) = Snapshot::default().next(outcome);
    let first = first.expect("the first build always makes a snapshot");
    out.first_build(&first, elapsed);
    let (mut search, search_files) = search::Search::new();
    update_search(&mut search, &first, &out);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            Diagnostic::error("PG0602", format!("cannot start the server runtime: {e}"))
                .help("this is an operating-system limit (threads, file descriptors); free some and retry")
        })?;
    let state = Served {
        first,
        search,
        search_files,
    };
    runtime.block_on(serve(root, target, session, state, options, out))
}

/// What the server starts with: the first snapshot and its search bundle.
struct Served {
    first: Snapshot,
    search: search::Search,
    search_files: channel::Receiver<Arc<search::Files>>,
}

/// Indexes the snapshot's site for search; a failure is reported, the previous index stays.
fn update_search(search: &mut search::Search, snapshot: &Snapshot, out: &terminal::Terminal) {
    if let Some(site) = &snapshot.site
        && let Err(d) = search.update(site)
    {
        out.warn(&d.render(false));
    }
}

async fn serve(
    root: PathBuf,
    target: Target,
    session: Session,
    state: Served,
    options: &Options,
    out: terminal::Terminal,
) -> Result<(), Diagnostic> {
    let Served {
        first,
        search,
        search_files,
    } = state;
    let address = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| cannot_bind(address, &e))?;
    let address = listener
        .local_addr()
        .map_err(|e| cannot_bind(address, &e))?;

    let (publish, snapshot) = channel::channel(Arc::new(first));
    let (stop_tx, stop_rx) = channel::channel(false);
    let (send, receive) = mpsc::channel();
    let watcher = watch::Watcher::start(&root, send.clone())?;
    let rebuilds = std::thread::Builder::new()
        .name("policyglot-rebuild".into())
        .spawn(move || rebuild_loop(&target, session, watcher, receive, publish, search, out))
        .map_err(|e| {
            Diagnostic::error("PG0602", format!("cannot start the rebuild thread: {e}"))
                .help("this is an operating-system limit (threads); free some and retry")
        })?;

    let app = server::router(server::AppState {
        snapshot,
        search: search_files,
        shutdown: stop_rx.clone(),
        loopback_only: options.bind.is_loopback(),
    });
    let server = tokio::spawn(connections::serve(listener, app, stop_rx));

    out.serving(address, options.bind.is_loopback());
    if options.open {
        let url = format!("http://{}/", browsable(address));
        if let Err(e) = opener::open_browser(&url) {
            out.warn(&format!(
                "could not open a browser ({e}); open {url} yourself"
            ));
        }
    }

    shutdown_signal().await;
    out.stopping();
    stop_tx.send_replace(true);
    let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    let _ = send.send(watch::Message::Stop);
    let _ = tokio::task::spawn_blocking(move || rebuilds.join()).await;
    out.stopped();
    Ok(())
}

fn cannot_bind(address: SocketAddr, e: &std::io::Error) -> Diagnostic {
    let help = if e.kind() == std::io::ErrorKind::AddrInUse {
        format!(
            "another program listens on port {}: pass --port with another port, or --port 0 for any free one",
            address.port()
        )
    } else {
        "pass --bind with an address of this machine (127.0.0.1 is the default) and --port with a free port".to_owned()
    };
    Diagnostic::error("PG0600", format!("cannot listen on {address}: {e}")).help(help)
}

/// The address to type in a browser (an unspecified bind is reachable on loopback).
fn browsable(address: SocketAddr) -> SocketAddr {
    if address.ip().is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), address.port())
    } else {
        address
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Rebuilds after every batch of changes and publishes the new snapshot, until `Stop`.
fn rebuild_loop(
    target: &Target,
    mut session: Session,
    mut watcher: watch::Watcher,
    receive: mpsc::Receiver<watch::Message>,
    publish: channel::Sender<Arc<Snapshot>>,
    mut search: search::Search,
    out: terminal::Terminal,
) {
    while let Ok(message) = receive.recv() {
        let mut changed = match message {
            watch::Message::Changed(paths) => paths,
            watch::Message::Trouble(errors) => {
                for e in errors {
                    out.warn(&format!("file watcher: {e}"));
                }
                continue;
            }
            watch::Message::Stop => return,
        };
        // Merge whatever else arrived meanwhile into this rebuild.
        while let Ok(more) = receive.try_recv() {
            match more {
                watch::Message::Changed(paths) => changed.extend(paths),
                watch::Message::Trouble(_) => {}
                watch::Message::Stop => return,
            }
        }
        changed.sort();
        changed.dedup();
        if let Err(d) = watcher.refresh(&changed) {
            out.warn(&d.render(false));
        }
        let current = publish.borrow().clone();
        // A bug in the preview itself must not end the rebuilds: report it, go on.
        let rebuilt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rebuild(&mut session, target, &current, &changed, &out)
        }));
        match rebuilt {
            Ok(Some(next)) => {
                let next = Arc::new(next);
                publish.send_replace(Arc::clone(&next));
                // After publishing: the new pages do not wait for their search index.
                update_search(&mut search, &next, &out);
            }
            Ok(None) => {}
            Err(_) => {
                // Whatever the session remembered may be half-updated: start afresh.
                session = Session::default();
                out.warn("internal error in the preview (a bug: please report it); the previous state is still served");
            }
        }
    }
}

/// One rebuild; `None` when nothing changed. Never panics on bad input: a panic inside
/// the pipeline becomes an error shown like any other.
fn rebuild(
    session: &mut Session,
    target: &Target,
    current: &Snapshot,
    changed: &[PathBuf],
    out: &terminal::Terminal,
) -> Option<Snapshot> {
    let started = Instant::now();
    let blame = changed.first().map_or(Path::new("."), PathBuf::as_path);
    let outcome = match guarded_check(session, target, blame) {
        Ok(Ok(analysis)) => Outcome::Ran(analysis),
        Ok(Err(d)) | Err(d) => Outcome::CouldNotRun(d),
    };
    let elapsed = started.elapsed();
    out.diagnostics(&errors(&outcome));
    let (next, change) = current.next(outcome);
    out.rebuilt(
        changed,
        current,
        next.as_ref(),
        &change,
        elapsed,
        session.rendered(),
    );
    next
}

/// `pipeline::run`, with a panic inside the pipeline turned into an error (`Err`) that the
/// pages and the terminal show like any other, instead of the end of the server.
fn guarded_check(
    session: &mut Session,
    target: &Target,
    blame: &Path,
) -> Result<Result<check::Analysis, Diagnostic>, Diagnostic> {
    // After a panic, what the session remembered may be half-updated: it starts afresh.
    let run = std::panic::AssertUnwindSafe(|| session.run(&target.project, target.options()));
    std::panic::catch_unwind(run).map_err(|panic| {
        *session = Session::default();
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        Diagnostic::error("PG0603", format!("internal error while building: {what}"))
            .in_path(blame)
            .help("this is a bug in policyglot: please report it with the change that caused it; undoing the change restores the preview")
    })
}

/// What each rebuild builds: the project, as of the day asked for.
struct Target {
    project: Project,
    /// `--today`; `None`: the day of each rebuild.
    today: Option<crate::policy::Date>,
}

impl Target {
    fn options(&self) -> pipeline::Options {
        // The preview shows a fact no translation has yet in the reference's words.
        let mut options = pipeline::Options {
            preview: true,
            ..pipeline::Options::default()
        };
        if let Some(today) = self.today {
            options.publication.today = today;
        }
        options
    }
}

/// Errors among the findings of an outcome.
fn errors(outcome: &Outcome) -> Vec<&Diagnostic> {
    match outcome {
        Outcome::Ran(a) => a
            .findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect(),
        Outcome::CouldNotRun(d) => vec![d],
    }
}
