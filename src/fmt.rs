//! `policyglot fmt`: every `.ftl` file under `locales/` put in the canonical layout
//! (`l10n::layout`), so that translators' tools, which write that layout, leave the
//! files as they found them. `--check` only says which files are not in it.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::Project;
use crate::diag::{Diagnostic, Diagnostics};
use crate::l10n::catalog;
use crate::l10n::layout::{self, Refused};

/// A file whose layout is not the canonical one.
pub struct Change {
    /// As shown to users, relative to the project root (`locales/fr/site.ftl`).
    pub path: PathBuf,
    pub before: String,
    pub after: String,
}

/// What formatting the project's locales found.
pub struct Plan {
    /// The files to rewrite, in path order.
    pub changes: Vec<Change>,
    /// Files that cannot be formatted (syntax errors, unreadable), with why; they are
    /// left as they are.
    pub problems: Diagnostics,
    /// How many `.ftl` files were read.
    pub files: usize,
}

/// Reads every `.ftl` file of the project (or of `locales` only, when given) through
/// the same reader as `check` (size limits, links, encodings) and works out each one's
/// canonical layout. Writes nothing.
pub fn plan(project: &Project, locales: &[String]) -> Result<Plan, Diagnostic> {
    let shown = Path::new(Project::LOCALES);
    let mut read = catalog::read_files(&project.root.join(shown), shown)?;
    if let Some(unknown) = locales.iter().find(|t| !read.iter().any(|l| &l.tag == *t)) {
        return Err(Diagnostic::error(
            "PG0730",
            format!("there is no locale `{unknown}` under locales/"),
        )
        .in_path(shown)
        .help("name a folder of locales/ (e.g. `--locale fr`), or leave --locale out to format every locale"));
    }
    if !locales.is_empty() {
        read.retain(|l| locales.contains(&l.tag));
    }
    let mut plan = Plan {
        changes: Vec::new(),
        problems: Vec::new(),
        files: 0,
    };
    for locale in &read {
        plan.files += locale.files.len();
        // Only problems that make a file unreadable or unparsable matter here: a
        // message defined twice is `check`'s business, and formatting keeps both.
        let syntax: Vec<&Diagnostic> = locale
            .problems
            .iter()
            .filter(|d| matches!(d.code, "PG0205" | "PG0206"))
            .collect();
        plan.problems.extend(
            syntax
                .iter()
                .filter(|d| d.location.is_none())
                .map(|d| (*d).clone()),
        );
        let outcomes: Vec<_> = locale
            .files
            .par_iter()
            .map(|file| (file, layout::canonical(&file.text)))
            .collect();
        for (file, outcome) in outcomes {
            match outcome {
                Ok(after) if after == *file.text => {}
                Ok(after) => plan.changes.push(Change {
                    path: file.path.clone(),
                    before: file.text.to_string(),
                    after,
                }),
                Err(Refused::Syntax) => {
                    let located = syntax.iter().filter(|d| {
                        d.location.as_ref().is_some_and(|l| l.file.path == file.path)
                    });
                    let mut any = false;
                    for d in located {
                        plan.problems.push((*d).clone());
                        any = true;
                    }
                    if !any {
                        plan.problems.push(
                            Diagnostic::error(
                                "PG0206",
                                format!("{} has a Fluent syntax error", file.path.display()),
                            )
                            .in_path(&file.path)
                            .help("fix the syntax (`policyglot check` locates it); files with errors are not formatted"),
                        );
                    }
                }
                Err(Refused::Meaning) => plan.problems.push(
                    Diagnostic::error(
                        "PG0731",
                        format!(
                            "{} was not formatted: its canonical layout would not read the same",
                            file.path.display()
                        ),
                    )
                    .in_path(&file.path)
                    .help("leave the file as it is and report this (with the file) as a policyglot bug"),
                ),
            }
        }
    }
    plan.changes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(plan)
}

/// Writes each changed file in its canonical layout: a temporary file beside it, then
/// a rename, so an interrupted run leaves every file whole (old or new).
pub fn write(project: &Project, changes: &[Change]) -> Result<(), Diagnostic> {
    changes.par_iter().try_for_each(|change| {
        let path = project.root.join(&change.path);
        let fail = |e: std::io::Error| {
            Diagnostic::error(
                "PG0730",
                format!("cannot write {}: {e}", change.path.display()),
            )
            .in_path(&change.path)
            .help("make the file and its folder writable")
        };
        // A link is not replaced by a file, nor written through: its target may be
        // shared with another project or locale.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(fail(std::io::Error::other(
                "it is a symbolic link; format the file it points to in its own project",
            )));
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::Builder::new()
            .prefix(".policyglot-fmt-")
            .tempfile_in(dir)
            .map_err(fail)?;
        std::io::Write::write_all(&mut tmp, change.after.as_bytes()).map_err(fail)?;
        // Keep the file's permissions: a rename would otherwise give it the temporary
        // file's (owner-only).
        if let Ok(meta) = std::fs::metadata(&path) {
            let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
        }
        tmp.persist(&path).map_err(|e| fail(e.error))?;
        Ok(())
    })
}
