//! A revision's project inputs, read from git into a temporary folder (or the working
//! tree's, copied), so both sides of a review are built the same way.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

use crate::diag::Diagnostic;
use crate::project::Project;

/// What a side holds: the inputs `build` reads (`policy/`, `locales/`, `templates/`).
const INPUTS: [&str; 3] = ["policy", Project::LOCALES, Project::TEMPLATES];

/// Where a project sits in its git repository.
pub struct Repository {
    /// The repository's top folder.
    top: PathBuf,
    /// The project folder relative to `top`, `/`-separated with a trailing `/` (or empty).
    prefix: String,
}

impl Repository {
    /// The repository holding `root`; an error when `root` is in none (or git is missing).
    pub fn of(root: &Path) -> Result<Repository, Diagnostic> {
        let not_a_repository = |why: String| {
            Diagnostic::error("PG0710", format!("{} is not in a git repository: {why}", root.display()))
                .in_path(root)
                .help("`diff` reads the earlier revision from git: run it in a project under git (or pass --root)")
        };
        let top = git(root, &["rev-parse", "--show-toplevel"]).map_err(not_a_repository)?;
        let prefix = git(root, &["rev-parse", "--show-prefix"]).map_err(not_a_repository)?;
        Ok(Repository {
            top: PathBuf::from(top.trim_end_matches(['\n', '\r'])),
            prefix: prefix.trim_end_matches(['\n', '\r']).to_owned(),
        })
    }

    /// The full commit id `rev` names; an error naming `rev` when it names none.
    pub fn resolve(&self, rev: &str) -> Result<String, Diagnostic> {
        let spec = format!("{rev}^{{commit}}");
        git(&self.top, &["rev-parse", "--verify", "--quiet", "--end-of-options", &spec])
            .map(|id| id.trim().to_owned())
            .map_err(|_| {
                Diagnostic::error("PG0711", format!("`{rev}` is not a revision of this repository"))
                    .help("give a commit, branch or tag git knows, e.g. `HEAD~1`, `main` or a commit id (`git log --oneline` lists them)")
            })
    }

    /// Writes the project's inputs as they are at `commit` into a new temporary folder.
    pub fn checkout(&self, commit: &str) -> Result<TempDir, Diagnostic> {
        let failed = |why: String| {
            Diagnostic::error(
                "PG0712",
                format!("cannot read revision {commit} from git: {why}"),
            )
            .help("check that the repository is readable (`git status`) and try again")
        };
        let dir = TempDir::new().map_err(|e| failed(format!("no temporary folder: {e}")))?;
        self.write_paths(commit, INPUTS.iter().copied(), dir.path())
            .map_err(failed)?;
        // The product catalogs the revision's policy names are inputs too (`diff` shows
        // the pages a changed catalog changes); they may live anywhere in the project.
        let catalogs = catalog_paths(dir.path());
        if !catalogs.is_empty() {
            self.write_paths(commit, catalogs.iter().map(String::as_str), dir.path())
                .map_err(failed)?;
        }
        Ok(dir)
    }

    /// Writes the files under `paths` (project-relative) as they are at `commit` into `dir`.
    fn write_paths<'p>(
        &self,
        commit: &str,
        paths: impl Iterator<Item = &'p str>,
        dir: &Path,
    ) -> Result<(), String> {
        let paths: Vec<String> = paths.map(|p| format!("{}{p}", self.prefix)).collect();
        let mut args = vec!["ls-tree", "-r", "-z", "--full-tree", commit, "--"];
        args.extend(paths.iter().map(String::as_str));
        let listing = git(&self.top, &args)?;
        // `<mode> <type> <id>\t<path>`; only files (blobs), never submodules.
        let entries: Vec<(&str, &str, &str)> = listing
            .split('\0')
            .filter_map(|line| {
                let (meta, path) = line.split_once('\t')?;
                let mut meta = meta.split(' ');
                let (mode, kind, id) = (meta.next()?, meta.next()?, meta.next()?);
                (kind == "blob").then_some((mode, id, path.strip_prefix(&self.prefix)?))
            })
            .collect();
        let blobs = cat_blobs(&self.top, entries.iter().map(|(_, id, _)| *id))?;
        for ((mode, _, path), bytes) in entries.iter().zip(blobs) {
            write_entry(&dir.join(path), mode, &bytes).map_err(|e| format!("{path}: {e}"))?;
        }
        Ok(())
    }
}

/// The product catalogs the policy in `dir` names, each a path inside the project
/// (`interface::inside` refuses the others when the side is built); none when the
/// policy does not parse (building the side says why).
fn catalog_paths(dir: &Path) -> Vec<String> {
    let Ok((policy, _)) =
        crate::policy::load::load(&dir.join(Project::POLICY), Path::new(Project::POLICY))
    else {
        return Vec::new();
    };
    policy
        .interface
        .catalogs
        .values()
        .map(|c| c.path().to_owned())
        .filter(|p| crate::interface::is_project_path(p))
        .collect()
}

/// Copies the project's inputs as they are on disk into a new temporary folder.
pub fn copy_working_tree(root: &Path) -> Result<TempDir, Diagnostic> {
    let failed = |path: &Path, e: &dyn std::fmt::Display| {
        Diagnostic::error("PG0712", format!("cannot read the working tree: {e}"))
            .in_path(path)
            .help("check that the project's files are readable")
    };
    let dir = TempDir::new().map_err(|e| failed(root, &e))?;
    for input in INPUTS {
        let from = root.join(input);
        if !from.exists() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&from).follow_links(true) {
            let entry = entry.map_err(|e| failed(&from, &e))?;
            let relative = entry.path().strip_prefix(root).expect("under the root");
            let target = dir.path().join(relative);
            let copied = if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target)
            } else {
                std::fs::copy(entry.path(), &target).map(drop)
            };
            copied.map_err(|e| failed(entry.path(), &e))?;
        }
    }
    for relative in catalog_paths(dir.path()) {
        // Only a file that stays inside the project is copied: the side then reports a
        // refused one as missing, and never reads a file outside.
        let Ok(from) = crate::interface::inside(root, &relative) else {
            continue;
        };
        let target = dir.path().join(&relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| failed(parent, &e))?;
        }
        std::fs::copy(&from, &target).map_err(|e| failed(&from, &e))?;
    }
    Ok(dir)
}

/// One file of a tree: a regular file, or a symbolic link where links exist.
fn write_entry(target: &Path, mode: &str, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    #[cfg(unix)]
    if mode == "120000" {
        let link = String::from_utf8_lossy(bytes).into_owned();
        return std::os::unix::fs::symlink(link, target);
    }
    let _ = mode;
    std::fs::write(target, bytes)
}

/// The contents of `ids`, in order, from one `git cat-file --batch`.
fn cat_blobs<'a>(top: &Path, ids: impl Iterator<Item = &'a str>) -> Result<Vec<Vec<u8>>, String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let ids: Vec<&str> = ids.collect();
    let mut stdin = child.stdin.take().expect("piped");
    let request: String = ids.iter().map(|id| format!("{id}\n")).collect();
    // Written from another thread: git answers while it reads, and a full pipe would
    // otherwise stop both.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let mut blobs = Vec::with_capacity(ids.len());
    for id in &ids {
        let mut header = String::new();
        out.read_line(&mut header).map_err(|e| e.to_string())?;
        // `<id> blob <size>`, then the bytes and a newline.
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("git did not return {id}: {}", header.trim()))?;
        let mut bytes = vec![0; size + 1];
        out.read_exact(&mut bytes).map_err(|e| e.to_string())?;
        bytes.pop();
        blobs.push(bytes);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(blobs)
}

/// Runs git in `dir` and returns its standard output, or its error message.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        String::from_utf8(output.stdout).map_err(|e| e.to_string())
    } else {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        Err(if message.is_empty() {
            format!("git {} failed", args.join(" "))
        } else {
            message
        })
    }
}
