//! Watching the project's inputs (`policy/`, `locales/`, `templates/` with its assets)
//! for changes, debounced so that one save is one rebuild. Reads (`Access` events, which
//! the server's own reads would cause) and editor droppings (swap files, backups) are
//! ignored; a folder deleted and created again (a `git checkout`) is watched again.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::diag::Diagnostic;

/// The folders whose files make the site.
pub const INPUTS: [&str; 3] = ["policy", "locales", "templates"];

/// How long a file must be quiet before it is rebuilt: long enough to merge an editor's
/// write-rename-chmod, short enough to keep save-to-reload well under 100 ms.
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
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    watched: BTreeSet<&'static str>,
}

impl Watcher {
    /// Watches the inputs under `root` (an absolute path) and sends relevant changes.
    pub fn start(root: &Path, send: mpsc::Sender<Message>) -> Result<Watcher, Diagnostic> {
        let events_root = root.to_path_buf();
        let debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let message = match result {
                Ok(events) => {
                    let mut changed: Vec<PathBuf> = events
                        .iter()
                        .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                        .flat_map(|e| e.paths.iter())
                        .filter_map(|p| relevant(&events_root, p))
                        .collect();
                    changed.sort();
                    changed.dedup();
                    if changed.is_empty() {
                        return;
                    }
                    Message::Changed(changed)
                }
                Err(errors) => Message::Trouble(errors.iter().map(|e| e.to_string()).collect()),
            };
            let _ = send.send(message);
        })
        .map_err(|e| cannot_watch(root, &e))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            debouncer,
            watched: BTreeSet::new(),
        };
        // The root itself, not recursively: to see an input folder appear again.
        watcher
            .debouncer
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
                let _ = self.debouncer.unwatch(&path);
                self.debouncer
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| cannot_watch(&path, &e))?;
                self.watched.insert(dir);
            }
        }
        Ok(())
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
