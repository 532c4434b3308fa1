//! When each line of a project file was last written, as git records it: one
//! `git blame --porcelain` per file, asked for only when needed and kept for the run.
//! Lines edited in the working tree (or in a file git does not track) are "not committed
//! yet": newer than any commit, with no date, so the result never depends on the clock.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use rayon::prelude::*;

/// A commit id (its 20 bytes).
pub type Commit = [u8; 20];

/// When a line (or a whole message, its newest line) was last written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// In a commit: its committer time (Unix seconds) and its id.
    Committed { time: i64, commit: Commit },
    /// In no commit yet: a working-tree edit, or a file git does not track.
    Uncommitted,
}

/// The git history of a project, or nothing when the project is not in a git work tree
/// (or git is not installed).
pub struct History {
    root: PathBuf,
    blames: BTreeMap<PathBuf, Vec<Written>>,
    /// `git merge-base --is-ancestor` answers, for commits with the same time.
    ancestry: Mutex<HashMap<(Commit, Commit), bool>>,
    /// Files as a commit holds them (`git show`), read once each.
    files: Mutex<HashMap<(Commit, PathBuf), Option<String>>>,
}

impl History {
    /// The history of the work tree holding `root`, if any.
    pub fn open(root: &Path) -> Option<History> {
        let inside = git(root)
            .args(["rev-parse", "--is-inside-work-tree"])
            .output()
            .ok()
            .filter(|o| o.status.success())?;
        (String::from_utf8_lossy(&inside.stdout).trim() == "true").then(|| History {
            root: root.to_path_buf(),
            blames: BTreeMap::new(),
            ancestry: Mutex::default(),
            files: Mutex::default(),
        })
    }

    /// Blames each of `files` (paths relative to the root) not blamed yet, in parallel.
    pub fn blame_all<'f>(&mut self, files: impl IntoIterator<Item = &'f Path>) {
        let wanted: Vec<&Path> = files
            .into_iter()
            .filter(|f| !self.blames.contains_key(*f))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let blamed: Vec<(PathBuf, Vec<Written>)> = wanted
            .into_par_iter()
            .map(|file| (file.to_path_buf(), blame(&self.root, file)))
            .collect();
        self.blames.extend(blamed);
    }

    /// When lines `first..=last` (1-based) of `file` were last written: their newest.
    /// A line the blame does not cover (the file changed since) is not committed yet.
    pub fn written(&self, file: &Path, first: usize, last: usize) -> Written {
        let Some(lines) = self.blames.get(file) else {
            return Written::Uncommitted;
        };
        let mut newest: Option<Written> = None;
        for line in first..=last {
            let w = lines.get(line - 1).copied().unwrap_or(Written::Uncommitted);
            newest = Some(match newest {
                Some(n) if !self.newer(w, n) => n,
                _ => w,
            });
        }
        newest.unwrap_or(Written::Uncommitted)
    }

    /// Whether `a` was written after `b`: by committer time, and for two commits of the
    /// same second by ancestry (`b` an ancestor of `a`). Uncommitted lines are newer than
    /// every commit, and not newer than each other.
    pub fn newer(&self, a: Written, b: Written) -> bool {
        match (a, b) {
            (Written::Uncommitted, Written::Committed { .. }) => true,
            (
                Written::Committed {
                    time: ta,
                    commit: ca,
                },
                Written::Committed {
                    time: tb,
                    commit: cb,
                },
            ) if ta == tb => ca != cb && self.is_ancestor(cb, ca),
            (Written::Committed { time: ta, .. }, Written::Committed { time: tb, .. }) => ta > tb,
            _ => false,
        }
    }

    /// The text of `file` (relative to the root) as `commit` holds it, if it does.
    pub fn file_at(&self, commit: Commit, file: &Path) -> Option<String> {
        let key = (commit, file.to_path_buf());
        if let Some(known) = self.files.lock().expect("not poisoned").get(&key) {
            return known.clone();
        }
        // `<commit>:./<path>`: the path from the root, wherever the repository starts.
        let spec = format!("{}:./{}", hex(&commit), file.to_string_lossy());
        let text = git(&self.root)
            .args(["show", &spec])
            .output()
            .ok()
            .filter(|o| o.status.success())
            // No larger than the catalog reads a locale file.
            .filter(|o| o.stdout.len() as u64 <= crate::l10n::catalog::MAX_FILE_BYTES)
            .and_then(|o| String::from_utf8(o.stdout).ok());
        self.files
            .lock()
            .expect("not poisoned")
            .insert(key, text.clone());
        text
    }

    fn is_ancestor(&self, ancestor: Commit, of: Commit) -> bool {
        let key = (ancestor, of);
        if let Some(known) = self.ancestry.lock().expect("not poisoned").get(&key) {
            return *known;
        }
        let answer = git(&self.root)
            .args(["merge-base", "--is-ancestor", &hex(&ancestor), &hex(&of)])
            .status()
            .is_ok_and(|s| s.success());
        self.ancestry
            .lock()
            .expect("not poisoned")
            .insert(key, answer);
        answer
    }
}

fn git(root: &Path) -> Command {
    let mut command = Command::new("git");
    command.arg("-C").arg(root);
    command
}

fn hex(commit: &Commit) -> String {
    commit.iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_commit(text: &str) -> Option<Commit> {
    if text.len() != 40 {
        return None;
    }
    let mut out = [0u8; 20];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// When each line of `file` was last written. A file git cannot blame (untracked, or a
/// repository with no commit yet) is uncommitted throughout: an empty list.
fn blame(root: &Path, file: &Path) -> Vec<Written> {
    // `-M -C`: lines moved within the file, or from another file changed in the same
    // commit, keep the commit that wrote them: moving a message is not changing its text.
    let output = git(root)
        .args(["blame", "--porcelain", "-M", "-C", "--"])
        .arg(file)
        .output()
        .ok()
        .filter(|o| o.status.success());
    let Some(output) = output else {
        return Vec::new();
    };
    parse_porcelain(&String::from_utf8_lossy(&output.stdout))
}

/// Reads `git blame --porcelain`: a header `<commit> <orig-line> <final-line> [<count>]`
/// per line, the commit's fields the first time it appears, then the line after a tab.
/// The all-zero commit is git's "Not Committed Yet".
fn parse_porcelain(text: &str) -> Vec<Written> {
    let mut times: HashMap<Commit, i64> = HashMap::new();
    let mut lines: Vec<Written> = Vec::new();
    let mut current: Option<(Commit, usize)> = None;
    let mut pending: Vec<(Commit, usize)> = Vec::new();
    for line in text.lines() {
        if line.starts_with('\t') {
            if let Some(at) = current.take() {
                pending.push(at);
            }
        } else if let Some(time) = line.strip_prefix("committer-time ") {
            if let Some((commit, _)) = current {
                times.insert(commit, time.trim().parse().unwrap_or(0));
            }
        } else {
            let mut fields = line.split(' ');
            if let (Some(commit), Some(_), Some(final_line)) =
                (fields.next(), fields.next(), fields.next())
                && let Some(commit) = parse_commit(commit)
                && let Ok(n) = final_line.parse::<usize>()
            {
                current = Some((commit, n));
            }
        }
    }
    for (commit, n) in pending {
        if lines.len() < n {
            lines.resize(n, Written::Uncommitted);
        }
        lines[n - 1] = match times.get(&commit) {
            Some(&time) if commit != [0u8; 20] => Written::Committed { time, commit },
            _ => Written::Uncommitted,
        };
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porcelain_lines_get_their_commit_time_and_working_tree_edits_none() {
        let a = "1".repeat(40);
        let zero = "0".repeat(40);
        let text = format!(
            "{a} 1 1 2\nauthor A\ncommitter-time 1700000000\nfilename x.ftl\n\tone = 1\n\
             {a} 2 2\n\ttwo = 2\n\
             {zero} 3 3 1\nauthor Not Committed Yet\ncommitter-time 1800000000\nfilename x.ftl\n\tthree = 3\n"
        );
        let lines = parse_porcelain(&text);
        let commit = parse_commit(&a).unwrap();
        assert_eq!(
            lines,
            [
                Written::Committed {
                    time: 1_700_000_000,
                    commit
                },
                Written::Committed {
                    time: 1_700_000_000,
                    commit
                },
                Written::Uncommitted,
            ]
        );
    }
}
