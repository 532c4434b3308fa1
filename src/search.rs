//! The search index: Pagefind (a well-kept static search tool with per-language
//! stemming) indexes the staged site before it is published. The index is reused when
//! no page's HTML changed, so rebuilding an unchanged site costs nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::diag::Diagnostic;
use crate::render::Site;

/// Where Pagefind writes its bundle, relative to the site root.
pub const BUNDLE: &str = "pagefind";
/// Inside the bundle: the hash of the pages it indexed.
const KEY_FILE: &str = ".policyglot-pages";

/// A Pagefind executable.
#[derive(Debug, Clone)]
pub struct Indexer {
    program: PathBuf,
}

impl Indexer {
    /// `POLICYGLOT_PAGEFIND`, else the project's `node_modules/.bin/pagefind` (from
    /// `npm install`), else `pagefind` on the PATH.
    pub fn find(project_root: &Path) -> Option<Indexer> {
        let candidates = [
            std::env::var_os("POLICYGLOT_PAGEFIND").map(PathBuf::from),
            Some(project_root.join("node_modules/.bin/pagefind")),
            Some(PathBuf::from("pagefind")),
        ];
        // Found by looking, not by running it: a build that reuses its index starts no process.
        let locate = |name: PathBuf| -> Option<PathBuf> {
            if name.components().count() > 1 {
                return name.is_file().then_some(name);
            }
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|dir| dir.join(&name))
                .find(|p| p.is_file())
        };
        candidates
            .into_iter()
            .flatten()
            .find_map(locate)
            .map(|program| Indexer { program })
    }

    /// Indexes the site staged at `staging`, or reuses the index of `previous` when it was
    /// made from the same pages.
    pub fn index(
        &self,
        site: &Site,
        staging: &Path,
        previous: Option<&Path>,
    ) -> Result<(), Diagnostic> {
        let key = pages_key(site);
        let bundle = staging.join(BUNDLE);
        if let Some(previous) = previous.map(|p| p.join(BUNDLE))
            && fs::read_to_string(previous.join(KEY_FILE)).is_ok_and(|k| k == key)
        {
            copy_dir(&previous, &bundle)
                .map_err(|e| failure(format!("cannot reuse the previous search index: {e}")))?;
            return Ok(());
        }
        let output = Command::new(&self.program)
            .arg("--site")
            .arg(staging)
            .arg("--output-subdir")
            .arg(BUNDLE)
            .arg("--silent")
            .output()
            .map_err(|e| failure(format!("cannot run {}: {e}", self.program.display())))?;
        if !output.status.success() {
            return Err(failure(format!(
                "Pagefind failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            )));
        }
        fs::write(bundle.join(KEY_FILE), key)
            .map_err(|e| failure(format!("cannot write the search index: {e}")))
    }
}

fn failure(message: String) -> Diagnostic {
    Diagnostic::error("PG0402", message)
        .in_path(BUNDLE)
        .help("run `npm install` in the project to install Pagefind, or build with --no-search")
}

/// A hash of every page's HTML: the index only depends on them.
fn pages_key(site: &Site) -> String {
    let mut hasher = Sha256::new();
    for (path, bytes) in site
        .files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|x| x == "html"))
    {
        hasher.update(path.to_string_lossy().as_bytes());
        hasher.update([0]);
        hasher.update(bytes);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Copies a folder, hard-linking files where the file system allows.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry?;
        let target = to.join(entry.path().strip_prefix(from).expect("walked from `from`"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else if fs::hard_link(entry.path(), &target).is_err() {
            // The previous site is replaced, never written to: sharing its files is safe.
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
