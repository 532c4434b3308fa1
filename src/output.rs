//! The write stage: put a rendered site on disk atomically. Files are written to a
//! staging folder next to the output and swapped in with renames, so a failed build
//! (or a crash mid-write) leaves the previous site untouched.

use std::fs;
use std::io;
use std::path::Path;

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
    let io_error = |what: &str, e: io::Error| {
        Diagnostic::error("PG0401", format!("cannot {what}: {e}"))
            .in_path(out)
            .help("check that the output folder's parent exists and is writable")
    };
    if out.exists() {
        if !out.is_dir() {
            return Err(
                Diagnostic::error("PG0400", "the output path is a file, not a folder")
                    .in_path(out)
                    .help("pass --out with a folder path"),
            );
        }
        let empty = fs::read_dir(out)
            .map_err(|e| io_error("read the output folder", e))?
            .next()
            .is_none();
        if !empty && !out.join(MARKER).is_file() {
            return Err(Diagnostic::error(
                "PG0400",
                "refusing to replace a non-empty folder that policyglot did not create",
            )
            .in_path(out)
            .help(format!(
                "pass --out with a new or empty folder; policyglot only replaces folders holding its `{MARKER}` marker"
            )));
        }
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    fs::create_dir_all(&parent).map_err(|e| io_error("create the output's parent folder", e))?;
    let staging = tempfile::Builder::new()
        .prefix(".policyglot-staging-")
        .tempdir_in(&parent)
        .map_err(|e| io_error("create a staging folder", e))?;
    for (path, bytes) in &site.files {
        let target = staging.path().join(path);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)
                .map_err(|e| io_error("create a folder in the staging area", e))?;
        }
        fs::write(&target, bytes).map_err(|e| io_error(&format!("write {}", path.display()), e))?;
    }
    fs::write(
        staging.path().join(MARKER),
        "This folder is written by `policyglot build` and replaced on every build.\n",
    )
    .map_err(|e| io_error("write the site marker", e))?;

    finish(staging.path(), out.is_dir().then_some(out))?;

    // `rename` cannot replace a non-empty folder: move the old site aside first.
    let staged = staging.keep();
    let old = if out.exists() {
        let aside = tempfile::Builder::new()
            .prefix(".policyglot-old-")
            .tempdir_in(&parent)
            .map_err(|e| io_error("create a folder for the previous site", e))?
            .keep();
        let aside = aside.join("site");
        fs::rename(out, &aside).map_err(|e| io_error("move the previous site aside", e))?;
        Some(aside)
    } else {
        None
    };
    if let Err(e) = fs::rename(&staged, out) {
        if let Some(old) = &old {
            let _ = fs::rename(old, out);
        }
        let _ = fs::remove_dir_all(&staged);
        return Err(io_error("move the new site into place", e));
    }
    if let Some(old) = old
        && let Some(holder) = old.parent()
    {
        let _ = fs::remove_dir_all(holder);
    }
    Ok(())
}
