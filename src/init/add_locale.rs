//! `policyglot add-locale`: a new locale in an existing project: its folder with the
//! site chrome (policyglot's translation where it has one, confirmed as `init` does),
//! and the list of every message still to write, by the reference file it comes from.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CHROME, CHROME_REFERENCE, chrome, valid_tag};
use crate::check;
use crate::diag::Diagnostic;
use crate::l10n;
use crate::policy;
use crate::project::Project;

/// What `add_locale` wrote, and what is left to translate.
#[derive(Debug)]
pub struct Added {
    pub tag: String,
    /// The chrome file written (`locales/<tag>/site.ftl`), relative to the project.
    pub file: PathBuf,
    /// Whether the chrome came translated (and confirmed).
    pub translated_chrome: bool,
    /// The reference locale.
    pub reference: String,
    /// Each reference file with the ids of its entries the new locale still lacks.
    pub to_write: Vec<(PathBuf, Vec<String>)>,
}

/// Adds locale `tag` to the project at `dir`. Refuses, writing nothing, when there is
/// no project, the tag is no language tag, or the locale (in any letter case) exists.
pub fn add_locale(dir: &Path, tag: &str) -> Result<Added, Diagnostic> {
    valid_tag(tag)?;
    let project = Project::new(dir);
    let (policy, _) = policy::load::load(&dir.join(Project::POLICY), Path::new(Project::POLICY))?;
    let locales = dir.join(Project::LOCALES);
    let existing = std::fs::read_dir(&locales).map_err(|e| {
        Diagnostic::error("PG0703", format!("cannot read {}: {e}", locales.display()))
            .in_path(Project::LOCALES)
            .help("run add-locale in a project folder (one `policyglot init` made), or pass --root")
    })?;
    if let Some(same) = existing
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.eq_ignore_ascii_case(tag))
    {
        return Err(Diagnostic::error(
            "PG0703",
            format!("the project already has the locale `{same}`"),
        )
        .in_path(Path::new(Project::LOCALES).join(&same))
        .help("nothing was written: `policyglot check --locale <tag>` lists what an existing locale still lacks"));
    }
    let file = Path::new(Project::LOCALES).join(tag).join("site.ftl");
    let target = dir.join(&file);
    let written = std::fs::create_dir_all(target.parent().expect("a folder"))
        // `create_new`: never through a link, never over a file.
        .and_then(|()| {
            std::fs::File::options()
                .write(true)
                .create_new(true)
                .open(&target)
        })
        .and_then(|mut f| f.write_all(&chrome(tag)));
    written.map_err(|e| {
        Diagnostic::error("PG0701", format!("cannot write {}: {e}", file.display()))
            .in_path(&file)
            .help("check that locales/ is writable")
    })?;
    let translated_chrome = CHROME.iter().any(|(t, _)| *t == tag);
    if translated_chrome && policy.reference_locale == CHROME_REFERENCE {
        check::confirm(&project, tag, &[])?;
    }
    let catalog = l10n::catalog::read(
        &locales,
        Path::new(Project::LOCALES),
        &l10n::reserved_terms(&policy),
        &policy.reference_locale,
    )?;
    let reference = catalog.reference();
    let new = catalog.get(tag);
    let mut to_write: Vec<(PathBuf, Vec<String>)> = Vec::new();
    for (id, entry) in &reference.entries {
        if new.is_some_and(|l| l.entries.contains_key(id)) {
            continue;
        }
        let path = &reference.files[entry.file].path;
        match to_write.iter_mut().find(|(p, _)| p == path) {
            Some((_, ids)) => ids.push(id.clone()),
            None => to_write.push((path.clone(), vec![id.clone()])),
        }
    }
    to_write.sort();
    Ok(Added {
        tag: tag.to_owned(),
        file,
        translated_chrome,
        reference: policy.reference_locale.clone(),
        to_write,
    })
}

impl Added {
    /// What was written, and every message to write next, by file.
    pub fn summary(&self) -> String {
        let tag = &self.tag;
        let mut out = format!(
            "added {} ({})\n",
            self.file.display(),
            if self.translated_chrome {
                "the site chrome, translated by policyglot".to_owned()
            } else {
                format!("the site chrome, to translate: policyglot has no translation into `{tag}`")
            }
        );
        let count: usize = self.to_write.iter().map(|(_, ids)| ids.len()).sum();
        if count == 0 {
            out.push_str("every message has its translation\n");
            return out;
        }
        out.push_str(&format!(
            "still to write in locales/{tag}/: {count} message(s), translated from `{}`:\n",
            self.reference
        ));
        for (path, ids) in &self.to_write {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            out.push_str(&format!(
                "  locales/{tag}/{name} (from {}): {}\n",
                path.display(),
                ids.join(", ")
            ));
        }
        out.push_str(&format!(
            "then, once they are written: `policyglot check --locale {tag}` checks them, `policyglot confirm {tag}` records their review\n"
        ));
        out
    }
}
