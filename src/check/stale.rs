//! Stale translations, Fluent's missing "fuzzy": a translation is stale when its reference
//! text changed after it was last written (git history, `check::history`) or confirmed
//! (`locales/confirmed.yaml`: per translation, a hash of the reference source it was
//! confirmed against, recorded by `policyglot confirm`).

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::history::{History, Written};
use crate::diag::{Diagnostic, Diagnostics, SourceFile};
use crate::l10n::{Catalog, LocaleSource, Stale};
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

/// Which translations are stale, and what was assumed to decide it.
///
/// A translation is stale when the reference text changed after the translation was last
/// written or confirmed. A confirmation recorded for the current reference text clears it
/// at once. Otherwise, with git, the newest line of the reference message is compared
/// with the newest line of the translation (`check::history`): a message added with its
/// translations, a new locale and a new project are current; a later edit of the
/// reference makes its translations stale, dated by that commit (undated while the edit
/// is not committed). Without git nothing says when a text was written: a translation
/// with no confirmation is taken as current (one note says so), and one confirmed
/// against another reference text is stale, undated.
pub fn find(root: &Path, catalog: &Catalog, confirmed: &Confirmations) -> (Stale, Diagnostics) {
    let en = catalog.reference();
    // Each reference message is hashed once, not once per locale.
    let hashes: BTreeMap<&str, String> = en
        .message_ids()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|id| (id, hash(en.source(id).expect("indexed"))))
        .collect();
    // Translations no confirmation clears, with whether one was recorded at all.
    let mut open: Vec<(&LocaleSource, &str, bool)> = Vec::new();
    for locale in &catalog.locales[1..] {
        let recorded = confirmed.get(&locale.tag);
        for id in en
            .message_ids()
            .filter(|id| locale.entries.contains_key(*id))
        {
            match recorded.and_then(|r| r.get(id)) {
                Some(h) if *h == hashes[id] => {}
                Some(_) => open.push((locale, id, true)),
                None => open.push((locale, id, false)),
            }
        }
    }
    let mut stale = Stale::default();
    let mut mark = |tag: &str, id: &str, changed: Option<Date>| {
        stale
            .by_locale
            .entry(tag.to_owned())
            .or_default()
            .insert(id.to_owned(), changed);
    };
    let history = (!open.is_empty()).then(|| History::open(root)).flatten();
    let Some(mut history) = history else {
        let assumed: Vec<&str> = open
            .iter()
            .filter(|(_, _, recorded)| !recorded)
            .map(|(l, _, _)| l.tag.as_str())
            .collect();
        for (locale, id, _) in open.iter().filter(|(_, _, recorded)| *recorded) {
            mark(&locale.tag, id, None);
        }
        return (stale, assumption(&assumed).into_iter().collect());
    };
    history.blame_all(
        open.iter()
            .flat_map(|(l, id, _)| [file_of(en, id), file_of(l, id)]),
    );
    for (locale, id, _) in open {
        let reference = written(&history, en, id);
        if history.newer(reference, written(&history, locale, id)) {
            let changed = match reference {
                Written::Committed { time, .. } => Some(Date::from_unix(time)),
                Written::Uncommitted => None,
            };
            mark(&locale.tag, id, changed);
        }
    }
    (stale, Vec::new())
}

/// The file (relative to the project root) defining `id` in `locale`.
fn file_of<'l>(locale: &'l LocaleSource, id: &str) -> &'l Path {
    &locale.files[locale.entries[id].file].path
}

/// When the lines of `id` in `locale` were last written.
fn written(history: &History, locale: &LocaleSource, id: &str) -> Written {
    let entry = &locale.entries[id];
    let file = &locale.files[entry.file];
    let first = file.span(entry.range.clone()).line;
    let last = first
        + file.text[entry.range.clone()]
            .lines()
            .count()
            .saturating_sub(1);
    history.written(&file.path, first, last)
}

/// The note saying that, without git, unconfirmed translations were taken as current.
fn assumption(tags: &[&str]) -> Option<Diagnostic> {
    let count = tags.len();
    let mut locales: Vec<&str> = tags.to_vec();
    locales.dedup();
    let first = locales.first()?;
    Some(
        Diagnostic::note(
            "PG0524",
            format!(
                "no git history: {count} translation(s) in {} with no confirmation were taken as current",
                locales.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
            ),
        )
        .in_path(LOCK_FILE)
        .help(format!(
            "once reviewed, run `policyglot confirm {first}` (and each other locale) to record the text each translates; or keep the project in git, where a translation is stale only when its reference text changed in a later commit"
        )),
    )
}

/// Warnings for stale translations (errors with `--strict`).
pub fn findings(catalog: &Catalog, stale: &Stale) -> Diagnostics {
    let mut out = Vec::new();
    for (tag, messages) in &stale.by_locale {
        let locale = catalog.get(tag).expect("stale locales exist");
        let reference = &catalog.reference().tag;
        for (id, changed) in messages {
            let when = match changed {
                Some(day) => format!("changed on {day}"),
                None => "changed (no commit dates the change yet)".to_owned(),
            };
            out.push(
                Diagnostic::warning("PG0511", format!("`{id}` in `{tag}` is stale: the `{reference}` text {when}, after this translation was last written or confirmed"))
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
