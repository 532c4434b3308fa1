//! Stale translations, Fluent's missing "fuzzy": `locales/confirmed.yaml` records, per
//! translation, a hash of the reference source it was confirmed against. When the reference
//! text changes, its translations are stale until `policyglot confirm` records the new hash.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::diag::{Diagnostic, Diagnostics, SourceFile};
use crate::l10n::{Catalog, Stale};
use crate::policy::Date;

/// Where the confirmations live, relative to the project root.
pub const LOCK_FILE: &str = "locales/confirmed.yaml";

const HEADER: &str = "# policyglot: for each translation, a hash of the reference locale's message it was confirmed\n\
# against. Written by `policyglot confirm <locale> [message…]`; do not edit by hand.\n";

/// locale -> message id -> hash of the reference source.
pub type Confirmations = BTreeMap<String, BTreeMap<String, String>>;

/// The hash recorded for a reference message: its source, trailing spaces ignored.
pub fn hash(source: &str) -> String {
    let normalized: Vec<&str> = source.lines().map(str::trim_end).collect();
    let digest = Sha256::digest(normalized.join("\n").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Reads the confirmations; a missing file means nothing is confirmed yet.
pub fn read(root: &Path) -> Result<Confirmations, Diagnostic> {
    let path = root.join(LOCK_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Confirmations::new());
    };
    serde_yaml::from_str::<Option<Confirmations>>(&text).map(Option::unwrap_or_default).map_err(|e| {
        let file = SourceFile::new(LOCK_FILE, text.clone());
        let d = Diagnostic::error("PG0520", format!("cannot read the confirmations: {e}"))
            .help("restore the file from version control, or delete it and confirm the translations again");
        match e.location() {
            Some(l) => d.at(file.at_line_col(l.line(), l.column()), "here"),
            None => d.in_path(LOCK_FILE),
        }
    })
}

/// Which translations are stale. Dates come from `git blame` of the reference file (the
/// day the message's lines last changed), or today when git cannot tell.
pub fn find(root: &Path, catalog: &Catalog, confirmed: &Confirmations) -> Stale {
    let en = catalog.reference();
    let mut stale = Stale::default();
    let mut blame_cache: BTreeMap<usize, Option<Vec<i64>>> = BTreeMap::new();
    // Each reference message is hashed once, not once per locale.
    let hashes: BTreeMap<&str, String> = en
        .message_ids()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|id| (id, hash(en.source(id).expect("indexed"))))
        .collect();
    for locale in &catalog.locales[1..] {
        let recorded = confirmed.get(&locale.tag);
        for id in en
            .message_ids()
            .filter(|id| locale.entries.contains_key(*id))
        {
            let current = &hashes[id];
            if recorded.and_then(|r| r.get(id)) == Some(current) {
                continue;
            }
            let entry = &en.entries[id];
            let times = blame_cache
                .entry(entry.file)
                .or_insert_with(|| blame(root, &en.files[entry.file]));
            let file = &en.files[entry.file];
            let first = file.span(entry.range.clone()).line;
            let last = first
                + file.text[entry.range.clone()]
                    .lines()
                    .count()
                    .saturating_sub(1);
            let changed = times
                .as_ref()
                .and_then(|t| {
                    t.get(first - 1..last.min(t.len()))
                        .and_then(|s| s.iter().max().copied())
                })
                .map_or_else(Date::today, Date::from_unix);
            stale
                .by_locale
                .entry(locale.tag.clone())
                .or_default()
                .insert(id.to_owned(), changed);
        }
    }
    stale
}

/// Warnings for stale translations (errors with `--strict`).
pub fn findings(catalog: &Catalog, stale: &Stale) -> Diagnostics {
    let mut out = Vec::new();
    for (tag, messages) in &stale.by_locale {
        let locale = catalog.get(tag).expect("stale locales exist");
        let reference = &catalog.reference().tag;
        for (id, changed) in messages {
            out.push(
                Diagnostic::warning("PG0511", format!("`{id}` in `{tag}` is stale: the `{reference}` text changed on {changed} and this translation was not confirmed since"))
                    .at(locale.location(id).expect("indexed"), format!("translated from an older `{reference}` text"))
                    .help(format!("compare it with the `{reference}` text, update it if needed, then run `policyglot confirm {tag} {id}`")),
            );
        }
    }
    out
}

/// Records the current reference text of `ids` (all messages when empty) as confirmed
/// for `locale`. Returns how many confirmations changed.
pub fn confirm(
    root: &Path,
    catalog: &Catalog,
    locale: &str,
    ids: &[String],
) -> Result<usize, Diagnostic> {
    let en = catalog.reference();
    let Some(target) = catalog.get(locale).filter(|l| l.tag != en.tag) else {
        let known: Vec<&str> = catalog.locales[1..]
            .iter()
            .map(|l| l.tag.as_str())
            .collect();
        return Err(Diagnostic::error(
            "PG0521",
            format!("`{locale}` is not a translated locale of this project"),
        )
        .help(format!("confirm one of: {}", known.join(", "))));
    };
    for id in ids {
        if !target.entries.contains_key(id) || !en.entries.contains_key(id) {
            return Err(Diagnostic::error(
                "PG0522",
                format!("`{locale}` has no message `{id}` to confirm"),
            )
            .help("translate the message first; only existing translations can be confirmed"));
        }
    }
    let mut confirmed = read(root)?;
    let record = confirmed.entry(locale.to_owned()).or_default();
    let mut changed = 0;
    for id in en
        .message_ids()
        .filter(|id| target.entries.contains_key(*id))
    {
        if !ids.is_empty() && !ids.iter().any(|x| x == id) {
            continue;
        }
        let h = hash(en.source(id).expect("indexed"));
        if record.get(id) != Some(&h) {
            record.insert(id.to_owned(), h);
            changed += 1;
        }
    }
    // Forget messages that no longer exist in the reference.
    record.retain(|id, _| en.entries.contains_key(id));
    let yaml = serde_yaml::to_string(&confirmed).expect("maps of strings serialize");
    let path = root.join(LOCK_FILE);
    let tmp = path.with_extension("yaml.tmp");
    std::fs::write(&tmp, format!("{HEADER}{yaml}"))
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            Diagnostic::error("PG0523", format!("cannot write the confirmations: {e}"))
                .in_path(LOCK_FILE)
                .help("check that locales/ is writable")
        })?;
    Ok(changed)
}

/// Committer time (Unix seconds) of each line of a file, from `git blame`.
fn blame(root: &Path, file: &SourceFile) -> Option<Vec<i64>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["blame", "--porcelain", "--"])
        .arg(&file.path)
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let text = String::from_utf8(output.stdout).ok()?;
    let mut times_by_commit: BTreeMap<&str, i64> = BTreeMap::new();
    let mut lines: Vec<i64> = Vec::new();
    let mut current: Option<(&str, usize)> = None;
    for line in text.lines() {
        if line.starts_with('\t') {
            if let Some((sha, final_line)) = current.take() {
                let time = times_by_commit.get(sha).copied().unwrap_or(0);
                if lines.len() < final_line {
                    lines.resize(final_line, 0);
                }
                lines[final_line - 1] = time;
            }
        } else if let Some(time) = line.strip_prefix("committer-time ") {
            if let Some((sha, _)) = current {
                times_by_commit.insert(sha, time.parse().unwrap_or(0));
            }
        } else {
            let mut fields = line.split(' ');
            if let (Some(sha), Some(_), Some(final_line)) =
                (fields.next(), fields.next(), fields.next())
                && sha.len() == 40
                && sha.chars().all(|c| c.is_ascii_hexdigit())
            {
                current = final_line.parse().ok().map(|n| (sha, n));
            }
        }
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_ignore_trailing_spaces_only() {
        assert_eq!(
            hash("a = b  \n    .title = T"),
            hash("a = b\n    .title = T")
        );
        assert_ne!(hash("a = b"), hash("a = c"));
        assert_eq!(hash("a = b").len(), 16);
    }
}
