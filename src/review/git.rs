//! A revision's project inputs, read from git into a temporary folder (or the working
//! tree's, copied), so both sides of a review are built the same way.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

use crate::diag::Diagnostic;
use crate::inputs::Boundary;
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
        let dir =
            TempDir::new().map_err(|e| failed(commit, format!("no temporary folder: {e}")))?;
        self.write_paths(commit, INPUTS.iter().copied(), dir.path())?;
        // The product catalogs the revision's policy names are inputs too (`diff` shows
        // the pages a changed catalog changes); they may live anywhere in the project.
        let catalogs = catalog_paths(dir.path());
        if !catalogs.is_empty() {
            self.write_paths(commit, catalogs.iter().map(String::as_str), dir.path())?;
        }
        Ok(dir)
    }

    /// Writes the files under `paths` (project-relative) as they are at `commit` into
    /// `dir`. A link is never written as one (it would be read through on this machine):
    /// it becomes a copy of the file it names among the same paths, and one that leads
    /// elsewhere is refused.
    fn write_paths<'p>(
        &self,
        commit: &str,
        paths: impl Iterator<Item = &'p str>,
        dir: &Path,
    ) -> Result<(), Diagnostic> {
        let paths: Vec<String> = paths.map(|p| format!("{}{p}", self.prefix)).collect();
        let mut args = vec!["ls-tree", "-r", "-z", "--full-tree", commit, "--"];
        args.extend(paths.iter().map(String::as_str));
        let listing = git(&self.top, &args).map_err(|e| failed(commit, e))?;
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
        let blobs = cat_blobs(&self.top, entries.iter().map(|(_, id, _)| *id))
            .map_err(|e| failed(commit, e))?;
        let index: HashMap<&str, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, (_, _, path))| (*path, i))
            .collect();
        for (i, (_, _, path)) in entries.iter().enumerate() {
            let bytes = &blobs[linked(&entries, &index, &blobs, i).ok_or_else(|| {
                Diagnostic::error(
                    "PG0714",
                    format!("{path} at revision {commit} is a symbolic link that leads outside the project's inputs"),
                )
                .in_path(path)
                .help("`diff` never follows a link out of a revision's policy/, locales/ and templates/: commit the file itself instead of a link")
            })?];
            write_file(&dir.join(path), bytes)
                .map_err(|e| failed(commit, format!("{path}: {e}")))?;
        }
        Ok(())
    }
}

/// The error of a revision git could not give.
fn failed(commit: &str, why: String) -> Diagnostic {
    Diagnostic::error(
        "PG0712",
        format!("cannot read revision {commit} from git: {why}"),
    )
    .help("check that the repository is readable (`git status`) and try again")
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

/// The most links followed from one entry to the file it names.
const MAX_LINKS: usize = 8;

/// The entry whose bytes entry `at` holds: itself for a file, the file a link names
/// (followed through at most `MAX_LINKS` links) when it is one of `entries`; `None` for
/// a link that leaves them (an absolute target, `..` above the project, a file that is
/// not an input) or loops.
fn linked(
    entries: &[(&str, &str, &str)],
    index: &HashMap<&str, usize>,
    blobs: &[Vec<u8>],
    mut at: usize,
) -> Option<usize> {
    for _ in 0..=MAX_LINKS {
        let (mode, _, path) = entries[at];
        if mode != "120000" {
            return Some(at);
        }
        let target = std::str::from_utf8(&blobs[at]).ok()?;
        if target.starts_with('/') || target.contains('\\') {
            return None;
        }
        let mut parts: Vec<&str> = path.split('/').collect();
        parts.pop();
        for part in target.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                part => parts.push(part),
            }
        }
        at = *index.get(parts.join("/").as_str())?;
    }
    None
}

/// Copies the project's inputs as they are on disk into a new temporary folder, through
/// the guarded reader: links inside the project become copies, and a link that leaves
/// it or a file that is not a regular one is refused, as `check` refuses them.
pub fn copy_working_tree(root: &Path) -> Result<TempDir, Diagnostic> {
    let failed = |path: &Path, e: &dyn std::fmt::Display| {
        Diagnostic::error("PG0712", format!("cannot read the working tree: {e}"))
            .in_path(path)
            .help("check that the project's files are readable")
    };
    let dir = TempDir::new().map_err(|e| failed(root, &e))?;
    let boundary = Boundary::new(root);
    for input in INPUTS {
        let from = root.join(input);
        let walked = boundary.walk(&from, |_| true);
        if let Some((path, refusal)) = walked.refused.into_iter().next() {
            let shown = path.strip_prefix(root).unwrap_or(&path);
            return Err(Diagnostic::error(
                "PG0714",
                format!("cannot read {}: {refusal}", shown.display()),
            )
            .in_path(shown)
            .help(refusal.help()));
        }
        for (path, _) in walked.files {
            let relative = path.strip_prefix(root).expect("under the root");
            let (mut file, _) = boundary.open(&path).map_err(|e| failed(relative, &e))?;
            let target = dir.path().join(relative);
            // Streamed: the readers' own limits apply to the copy, as in `check`.
            target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::File::create(&target))
                .and_then(|mut out| std::io::copy(&mut file, &mut out))
                .map_err(|e| failed(relative, &e))?;
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

/// One file of a side's tree, its folders created.
fn write_file(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
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
