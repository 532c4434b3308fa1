//! Watching the project's inputs (`policy/`, `locales/`, `templates/` with its assets)
//! for changes, settled so that one save is one rebuild. Reads (`Access` events, which
//! the server's own reads would cause) and editor droppings (swap files, backups) are
//! ignored; a folder deleted and created again (a `git checkout`) is watched again.
//!
//! A fixed debounce would cost every save its whole quiet period. Instead, a change is
//! *finished* when the writer closed the file (inotify's close-after-write), renamed it
//! into place, or removed it; a batch whose changes are all finished is rebuilt after
//! `SETTLE` of quiet (enough to merge a `git checkout`'s burst), and only a file still
//! being written (or a platform without close events) waits the full `DEBOUNCE`.
//! notify's debouncer crates only know the fixed wait, hence this small state machine.

use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::diag::Diagnostic;

/// The folders whose files make the site.
pub const INPUTS: [&str; 3] = ["policy", "locales", "templates"];

/// Quiet needed after finished changes: merges a burst of writes (a checkout, a
/// save-all) into one rebuild, while a single save waits next to nothing.
pub const SETTLE: Duration = Duration::from_millis(2);

/// Quiet needed while a file may still be being written (no close event seen yet): long
/// enough to merge an editor's write-rename-chmod.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// What the watcher tells the rebuild loop.
pub enum Message {
    /// Inputs changed (project-relative paths).
    Changed(Vec<PathBuf>),
    /// The watcher reported errors (a lost event queue, a folder it cannot read).
    Trouble(Vec<String>),
    /// Stop watching.
    Stop,
}

/// A running watcher; events arrive on the channel given to `start`.
pub struct Watcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    watched: BTreeSet<&'static str>,
}

impl Watcher {
    /// Watches the inputs under `root` (an absolute path) and sends relevant changes.
    pub fn start(root: &Path, send: mpsc::Sender<Message>) -> Result<Watcher, Diagnostic> {
        let (events, raw) = mpsc::channel();
        let watcher = notify::recommended_watcher(events).map_err(|e| cannot_watch(root, &e))?;
        let events_root = root.to_path_buf();
        std::thread::Builder::new()
            .name("policyglot-watch".into())
            .spawn(move || settle(&events_root, &raw, &send))
            .map_err(|e| cannot_watch(root, &e))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            watcher,
            watched: BTreeSet::new(),
        };
        // The root itself, not recursively: to see an input folder appear again.
        watcher
            .watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| cannot_watch(root, &e))?;
        watcher.refresh(&[])?;
        Ok(watcher)
    }

    /// Watches input folders that (re)appeared; `changed` are the paths just reported.
    pub fn refresh(&mut self, changed: &[PathBuf]) -> Result<(), Diagnostic> {
        for dir in INPUTS {
            let path = self.root.join(dir);
            let recreated = changed.iter().any(|c| c == Path::new(dir));
            if !path.is_dir() {
                self.watched.remove(dir);
            } else if recreated || !self.watched.contains(dir) {
                let _ = self.watcher.unwatch(&path);
                self.watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| cannot_watch(&path, &e))?;
                self.watched.insert(dir);
            }
        }
        Ok(())
    }
}

/// Whether an event ends a change (the file is complete on disk) or may be followed by
/// more writes to the same file; `None` for events that change nothing (reads).
fn finishes(kind: &EventKind) -> Option<bool> {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Some(true),
        EventKind::Access(_) => None,
        EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any | ModifyKind::Other)
        | EventKind::Create(_)
        | EventKind::Any
        | EventKind::Other => Some(false),
        // Renamed into place (or away), attributes set, removed: nothing more to wait for.
        EventKind::Modify(ModifyKind::Name(_) | ModifyKind::Metadata(_)) | EventKind::Remove(_) => {
            Some(true)
        }
    }
}

/// Changed paths waiting to be reported, each finished or not.
#[derive(Default)]
struct Batch {
    paths: BTreeMap<PathBuf, bool>,
    last: Option<Instant>,
}

impl Batch {
    fn add(&mut self, path: PathBuf, finished: bool, at: Instant) {
        // A finished change stays finished only until the file is written again.
        self.paths.insert(path, finished);
        self.last = Some(at);
    }

    /// When the batch is due: `SETTLE` after the last event if every change finished,
    /// else `DEBOUNCE`.
    fn due(&self) -> Option<Instant> {
        let quiet = if self.paths.values().all(|f| *f) {
            SETTLE
        } else {
            DEBOUNCE
        };
        self.last.map(|last| last + quiet)
    }

    fn take(&mut self) -> Vec<PathBuf> {
        self.last = None;
        std::mem::take(&mut self.paths).into_keys().collect()
    }
}

/// Turns raw events into settled batches until either channel closes.
fn settle(root: &Path, raw: &mpsc::Receiver<notify::Result<Event>>, send: &mpsc::Sender<Message>) {
    let mut batch = Batch::default();
    loop {
        let received = match batch.due() {
            None => raw.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
            Some(due) => raw.recv_timeout(due.saturating_duration_since(Instant::now())),
        };
        let sent = match received {
            Ok(Ok(event)) => {
                if let Some(finished) = finishes(&event.kind) {
                    let now = Instant::now();
                    for path in event.paths.iter().filter_map(|p| relevant(root, p)) {
                        batch.add(path, finished, now);
                    }
                }
                Ok(())
            }
            Ok(Err(e)) => send.send(Message::Trouble(vec![e.to_string()])),
            Err(mpsc::RecvTimeoutError::Timeout) => send.send(Message::Changed(batch.take())),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if sent.is_err() {
            return;
        }
    }
}

fn cannot_watch(path: &Path, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error("PG0601", format!("cannot watch for changes: {e}"))
        .in_path(path)
        .help("check that the folder is readable; on Linux, a full inotify table is raised with `sysctl fs.inotify.max_user_watches=524288`")
}

/// The project-relative path of a changed file, if it is an input of the site.
pub fn relevant(root: &Path, path: &Path) -> Option<PathBuf> {
    let relative = path.strip_prefix(root).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    if !INPUTS.contains(&first) {
        return None;
    }
    let name = relative.file_name()?.to_string_lossy();
    let junk = name.starts_with('.')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak"]
            .iter()
            .any(|x| name.ends_with(x));
    (!junk).then(|| relative.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, RemoveKind};

    #[test]
    fn a_closed_write_settles_fast_an_open_one_waits() {
        let t0 = Instant::now();
        let path = || PathBuf::from("locales/fr/site.ftl");
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let close = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let mut batch = Batch::default();
        assert_eq!(batch.due(), None);
        batch.add(path(), finishes(&write).unwrap(), t0);
        assert_eq!(batch.due(), Some(t0 + DEBOUNCE));
        let t1 = t0 + Duration::from_millis(1);
        batch.add(path(), finishes(&close).unwrap(), t1);
        assert_eq!(batch.due(), Some(t1 + SETTLE));
        // Another file still open keeps the whole batch waiting.
        let created = EventKind::Create(CreateKind::File);
        batch.add("locales/fr/new.ftl".into(), finishes(&created).unwrap(), t1);
        assert_eq!(batch.due(), Some(t1 + DEBOUNCE));
        assert_eq!(batch.take().len(), 2);
        assert_eq!(batch.due(), None);

        let removed = EventKind::Remove(RemoveKind::File);
        batch.add(path(), finishes(&removed).unwrap(), t0);
        assert_eq!(batch.due(), Some(t0 + SETTLE));
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert_eq!(finishes(&read), None);
    }

    #[test]
    fn only_inputs_count() {
        let root = Path::new("/p");
        let r = |p: &str| relevant(root, Path::new(p)).map(|p| p.display().to_string());
        assert_eq!(
            r("/p/locales/fr/site.ftl").as_deref(),
            Some("locales/fr/site.ftl")
        );
        assert_eq!(
            r("/p/policy/policy.yaml").as_deref(),
            Some("policy/policy.yaml")
        );
        assert_eq!(
            r("/p/templates/assets/style.css").as_deref(),
            Some("templates/assets/style.css")
        );
        assert_eq!(r("/p/templates").as_deref(), Some("templates"));
        for ignored in [
            "/p/site/en/index.html",
            "/p/target/debug/x",
            "/p/Cargo.toml",
            "/p/locales/fr/.site.ftl.swp",
            "/p/locales/fr/site.ftl~",
            "/p/locales/fr/4913",
            "/p/policy/.#policy.yaml",
            "/elsewhere/policy/policy.yaml",
        ] {
            assert_eq!(r(ignored), None, "{ignored}");
        }
    }
}
