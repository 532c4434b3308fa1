//! The write stage: put a rendered site on disk atomically. Files are written to a
//! staging folder next to the output and swapped in, so a failed build (or a crash
//! mid-write) leaves the previous site untouched. On Linux the swap is one
//! `renameat2(RENAME_EXCHANGE)`: at every instant the output path holds either the whole
//! old site or the whole new one. Elsewhere (or on a file system without it) it is two
//! renames, and the output path is missing between them. Files are written as they
//! come (`Staging::put`, from any thread: `build` writes each page as it is rendered);
//! unchanged ones are hard-linked from the previous site rather than rewritten.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::render::Site;

/// Written at the root of every site we build; only folders holding it are replaced.
pub const MARKER: &str = ".policyglot-site";

/// Replaces `out` with `site`. Refuses to touch a non-empty folder that policyglot did
/// not create, so a mistyped `--out` never deletes someone's files.
pub fn write_site(site: &Site, out: &Path) -> Result<(), Diagnostic> {
    write_site_with(site, out, |_, _| Ok(()))
}

/// Like `write_site`, running `finish(staging, previous)` on the complete staged site
/// before it is swapped in (`previous` is the site being replaced, if any). Derived
/// files such as the search index are made there, so they are atomic with the pages.
pub fn write_site_with(
    site: &Site,
    out: &Path,
    finish: impl FnOnce(&Path, Option<&Path>) -> Result<(), Diagnostic>,
) -> Result<(), Diagnostic> {
    let staging = Staging::new(out)?;
    site.files
        .par_iter()
        .try_for_each(|(path, bytes)| staging.put(path, bytes))?;
    finish(staging.path(), staging.previous())?;
    staging.publish()
}

/// A site being written: a staging folder next to the output, filled file by file (from
/// any thread, in any order) and then swapped in whole by `publish`. Dropped without
/// `publish`, it is deleted and the output is untouched.
pub struct Staging {
    /// The output folder (a symbolic link given as the output is followed).
    out: PathBuf,
    parent: PathBuf,
    dir: tempfile::TempDir,
    /// Whether the output holds a site to replace (and to link unchanged files from).
    replaces: bool,
    /// The folders made in the staging folder so far.
    folders: Mutex<HashSet<PathBuf>>,
}

impl Staging {
    /// Checks that `out` may be replaced and makes the staging folder next to it.
    /// Refuses to touch a non-empty folder that policyglot did not create, so a
    /// mistyped `--out` never deletes someone's files.
    pub fn new(out: &Path) -> Result<Staging, Diagnostic> {
        // An output that is a symbolic link is followed: the folder it names is replaced
        // (atomically, next to it), and the link keeps naming the new site.
        let out = if fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink()) {
            fs::canonicalize(out).map_err(|e| {
                Diagnostic::error(
                    "PG0400",
                    format!("the output path is a symbolic link that cannot be followed: {e}"),
                )
                .in_path(out)
                .help("point the link at a folder (new, empty, or a site policyglot built), or pass --out with a folder path")
            })?
        } else {
            out.to_path_buf()
        };
        let io_error = |what: &str, e: io::Error| io_error(&out, what, e);
        if out.exists() {
            if !out.is_dir() {
                return Err(
                    Diagnostic::error("PG0400", "the output path is a file, not a folder")
                        .in_path(&out)
                        .help("pass --out with a folder path"),
                );
            }
            let empty = fs::read_dir(&out)
                .map_err(|e| io_error("read the output folder", e))?
                .next()
                .is_none();
            if !empty && !out.join(MARKER).is_file() {
                return Err(Diagnostic::error(
                    "PG0400",
                    "refusing to replace a non-empty folder that policyglot did not create",
                )
                .in_path(&out)
                .help(format!(
                    "pass --out with a new or empty folder; policyglot only replaces folders holding its `{MARKER}` marker"
                )));
            }
        }
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => Path::new(".").to_path_buf(),
        };
        fs::create_dir_all(&parent)
            .map_err(|e| io_error("create the output's parent folder", e))?;
        let dir = tempfile::Builder::new()
            .prefix(".policyglot-staging-")
            .tempdir_in(&parent)
            .map_err(|e| io_error("create a staging folder", e))?;
        Ok(Staging {
            replaces: out.is_dir(),
            out,
            parent,
            dir,
            folders: Mutex::new(HashSet::new()),
        })
    }

    /// The staging folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The site being replaced, if any.
    pub fn previous(&self) -> Option<&Path> {
        self.replaces.then_some(self.out.as_path())
    }

    /// Writes one file of the site (`path` relative to its root). A file whose bytes
    /// did not change is hard-linked from the previous site instead of written again
    /// (the previous site's files are never opened for writing, so it stays intact
    /// until the swap); it keeps its modification time, so syncing and reloading tools
    /// see only what changed.
    pub fn put(&self, path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        let io_error = |what: &str, e: io::Error| io_error(&self.out, what, e);
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty())
            && !self.folders.lock().expect("not poisoned").contains(folder)
        {
            fs::create_dir_all(self.path().join(folder))
                .map_err(|e| io_error("create a folder in the staging area", e))?;
            self.folders
                .lock()
                .expect("not poisoned")
                .insert(folder.to_path_buf());
        }
        let old = self.previous().map(|p| p.join(path));
        place(&self.path().join(path), old.as_deref(), bytes)
            .map_err(|e| io_error(&format!("write {}", path.display()), e))
    }

    /// Marks the staged site as policyglot's and swaps it in for the output.
    pub fn publish(self) -> Result<(), Diagnostic> {
        let io_error = |what: &str, e: io::Error| io_error(&self.out, what, e);
        fs::write(
            self.path().join(MARKER),
            "This folder is written by `policyglot build` and replaced on every build.\n",
        )
        .map_err(|e| io_error("write the site marker", e))?;
        let staged = self.dir.keep();
        let result = if self.out.exists() {
            swap(&staged, &self.out, &self.parent)
        } else {
            fs::rename(&staged, &self.out)
        };
        if let Err(e) = result {
            let _ = fs::remove_dir_all(&staged);
            return Err(io_error("move the new site into place", e));
        }
        sweep(&self.parent);
        Ok(())
    }
}

/// The error of a failed write into (or next to) the output `out`.
fn io_error(out: &Path, what: &str, e: io::Error) -> Diagnostic {
    Diagnostic::error("PG0401", format!("cannot {what}: {e}"))
        .in_path(out)
        .help("check that the output folder's parent exists and is writable")
}

/// Puts the folder `staged` at `out`, which exists, and deletes the previous site.
fn swap(staged: &Path, out: &Path, parent: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, staged, CWD, out, RenameFlags::EXCHANGE) {
            // `staged` now holds the previous site.
            Ok(()) => return remove_old(staged),
            // The kernel or the file system cannot exchange: two renames below.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    two_renames(staged, out, parent)
}

/// The portable swap: `rename` cannot replace a non-empty folder, so the old site is
/// moved aside first (the output path is missing until the second rename).
fn two_renames(staged: &Path, out: &Path, parent: &Path) -> io::Result<()> {
    let holder = tempfile::Builder::new()
        .prefix(OLD_PREFIX)
        .tempdir_in(parent)?
        .keep();
    let aside = holder.join("site");
    fs::rename(out, &aside)?;
    if let Err(e) = fs::rename(staged, out) {
        let _ = fs::rename(&aside, out);
        let _ = fs::remove_dir_all(&holder);
        return Err(e);
    }
    remove_old(&holder)
}

/// Where a previous site waits to be deleted (on the two-rename path).
const OLD_PREFIX: &str = ".policyglot-old-";

/// Deletes a replaced site. Its removal is tried twice (a file being created in it by
/// another program can make the first attempt fail); what remains is swept next time.
fn remove_old(dir: &Path) -> io::Result<()> {
    if fs::remove_dir_all(dir).is_err() {
        let _ = fs::remove_dir_all(dir);
    }
    Ok(())
}

/// Deletes previous sites left next to the output by an interrupted build.
fn sweep(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with(OLD_PREFIX)
            && entry.file_type().is_ok_and(|t| t.is_dir())
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Puts `bytes` at `target`, in a staging folder: a hard link to `old` (the same file in
/// the site being replaced) when that holds exactly these bytes, else a new file. The
/// previous site is never opened for writing, so it stays intact until the swap.
pub(crate) fn place(target: &Path, old: Option<&Path>, bytes: &[u8]) -> io::Result<()> {
    if let Some(old) = old
        && unchanged(old, bytes)
        && fs::hard_link(old, target).is_ok()
    {
        return Ok(());
    }
    fs::write(target, bytes)
}

/// Whether `old` is a regular file (not a link) holding exactly `bytes`.
fn unchanged(old: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(old).is_ok_and(|b| b == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn site(files: &[(&str, &str)]) -> Site {
        Site {
            files: files
                .iter()
                .map(|(p, b)| (PathBuf::from(p), b.as_bytes().to_vec()))
                .collect(),
            ..Site::default()
        }
    }

    #[test]
    fn unchanged_files_are_kept_and_changed_ones_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&site(&[("en/a.html", "A"), ("en/b.html", "B")]), &out).unwrap();
        let before = fs::metadata(out.join("en/a.html")).unwrap();
        // A reader holding the previous version of a changed file keeps its old bytes.
        let previous_b = out.join("en/b.html");
        let kept = dir.path().join("kept-b");
        fs::hard_link(&previous_b, &kept).unwrap();

        write_site(
            &site(&[("en/a.html", "A"), ("en/b.html", "B2"), ("c.html", "C")]),
            &out,
        )
        .unwrap();
        assert_eq!(fs::read_to_string(out.join("en/b.html")).unwrap(), "B2");
        assert_eq!(fs::read_to_string(out.join("c.html")).unwrap(), "C");
        assert_eq!(
            fs::read_to_string(&kept).unwrap(),
            "B",
            "old file not rewritten"
        );
        let after = fs::metadata(out.join("en/a.html")).unwrap();
        assert_eq!(before.modified().unwrap(), after.modified().unwrap());
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            assert_eq!(
                before.ino(),
                after.ino(),
                "unchanged file reused, not rewritten"
            );
        }
        // Nothing but the site is left next to it.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");

        // Files dropped from the site are gone.
        write_site(&site(&[("c.html", "C")]), &out).unwrap();
        assert!(!out.join("en").exists());
        assert!(out.join(MARKER).is_file());
    }

    #[test]
    fn files_put_from_many_threads_are_published_at_once_and_an_unpublished_staging_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&site(&[("en/a.html", "A")]), &out).unwrap();
        let staging = Staging::new(&out).unwrap();
        let paths: Vec<PathBuf> = (0..64)
            .map(|i| PathBuf::from(format!("l{}/p{i}.html", i % 4)))
            .collect();
        paths
            .par_iter()
            .try_for_each(|p| staging.put(p, p.to_string_lossy().as_bytes()))
            .unwrap();
        // Nothing shows before the swap.
        assert!(!out.join("l0").exists());
        staging.publish().unwrap();
        for p in &paths {
            assert_eq!(
                fs::read_to_string(out.join(p)).unwrap(),
                p.to_string_lossy()
            );
        }
        assert!(!out.join("en/a.html").exists());

        // A staging dropped unpublished (a failed build) is deleted; the site stays.
        let staging = Staging::new(&out).unwrap();
        staging.put(Path::new("l0/p0.html"), b"changed").unwrap();
        drop(staging);
        assert_eq!(
            fs::read_to_string(out.join("l0/p0.html")).unwrap(),
            "l0/p0.html"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["site"]);
    }

    #[test]
    fn the_portable_swap_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&site(&[("a.html", "A")]), &out).unwrap();
        let staged = dir.path().join("staged");
        fs::create_dir(&staged).unwrap();
        fs::write(staged.join("b.html"), "B").unwrap();
        fs::write(staged.join(MARKER), "").unwrap();
        // A leftover of an interrupted build is swept by the next one.
        fs::create_dir_all(dir.path().join(".policyglot-old-xyz/site")).unwrap();
        two_renames(&staged, &out, dir.path()).unwrap();
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "B");
        assert!(!out.join("a.html").exists());
        write_site(&site(&[("c.html", "C")]), &out).unwrap();
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["site"]);
    }
}
