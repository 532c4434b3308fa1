//! Stale translations, Fluent's missing "fuzzy": a translation is stale when its reference
//! text changed after it was last written (git history, `check::history`) or confirmed
//! (`locales/confirmed.yaml`: per translation, a hash of the reference source it was
//! confirmed against, recorded by `policyglot confirm`).

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use saphyr_parser::{Event, Parser, ScalarStyle};
use sha2::{Digest, Sha256};

use super::history::{History, Written};
use super::{content, recorded};
use crate::diag::{Diagnostic, Diagnostics, SourceFile};
use crate::l10n::{Catalog, LocaleSource, Stale};
use crate::policy::Date;

/// Where the confirmations live, relative to the project root.
pub const LOCK_FILE: &str = "locales/confirmed.yaml";

const HEADER: &str = "# policyglot: for each translation, a hash of the reference locale's message it was confirmed\n\
# against. Written by `policyglot confirm <locale> [message…]`; do not edit by hand.\n";

/// locale -> message id -> hash of the reference source.
pub type Confirmations = BTreeMap<String, BTreeMap<String, String>>;

/// The hash recorded for a reference message: of its content as parsed
/// (`check::content`: layout and comments left out), so re-indenting a message or
/// editing its comment leaves its translations confirmed.
pub fn hash(source: &LocaleSource, id: &str) -> String {
    match source.ast(id).and_then(content::of_entry) {
        Some(text) => content::hash_of(&text),
        None => legacy_hash(source.source(id).unwrap_or_default()),
    }
}

/// The hash confirmations recorded before they hashed content: the message's source,
/// trailing spaces ignored. Still accepted when it matches the current source, so a
/// project confirmed by an older policyglot stays confirmed (`confirm` rewrites it).
pub fn legacy_hash(source: &str) -> String {
    let normalized: Vec<&str> = source.lines().map(str::trim_end).collect();
    let digest = Sha256::digest(normalized.join("\n").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The largest `confirmed.yaml` read: some 40 bytes a message, so far more than any
/// project's messages (the locales' own limit is 512 MiB in all).
const MAX_CONFIRMATIONS_BYTES: u64 = 64 << 20;

/// Whether `recorded` confirms the current text of reference message `id`, whose
/// content hash is `current`.
fn confirms(recorded: &str, current: &str, reference: &LocaleSource, id: &str) -> bool {
    recorded == current || recorded == legacy_hash(reference.source(id).unwrap_or_default())
}

/// Reads the confirmations; a missing file means nothing is confirmed yet.
pub fn read(root: &Path) -> Result<Confirmations, Diagnostic> {
    let path = root.join(LOCK_FILE);
    let bytes = match crate::inputs::Boundary::new(root).read(&path, MAX_CONFIRMATIONS_BYTES) {
        Ok(bytes) => bytes,
        Err(refusal) if refusal.is_missing() => return Ok(Confirmations::new()),
        Err(refusal) => {
            return Err(Diagnostic::error(
                "PG0520",
                format!("cannot read the confirmations: {refusal}"),
            )
            .in_path(LOCK_FILE)
            .help(match refusal {
                crate::inputs::Refusal::TooLarge(_) => {
                    "the file holds one short line per translated message: restore it from version control"
                }
                _ => refusal.help(),
            }));
        }
    };
    parse(&crate::diag::decode(Path::new(LOCK_FILE), bytes, "PG0520")?)
}

/// The confirmations in `file`: one document, a mapping of locale tags to mappings of
/// message ids to hashes (an empty or `null` document is none, an empty locale entry
/// has none; a repeated key's last entry counts, as serde_yaml reads it), nothing else:
/// no sequence, deeper mapping, alias or tag. Streamed with the parser that measures
/// policy.yaml rather than deserialized with serde_yaml, whose event loader costs some
/// 300 instructions a byte: the file grows with every translated message, and every
/// `check` reads it.
fn parse(file: &SourceFile) -> Result<Confirmations, Diagnostic> {
    let error = |line: usize, col: usize, what: &str| {
        Diagnostic::error("PG0520", format!("cannot read the confirmations: {what}"))
            .at(file.at_line_col(line, col), "here")
            .help("restore the file from version control, or delete it and confirm the translations again")
    };
    let mut out = Confirmations::new();
    // The mappings open: 0 before the document's, 1 in it (keys are locales), 2 in a
    // locale's (keys are message ids); a key read and waiting for its value.
    let mut depth = 0u8;
    let mut locale = String::new();
    let mut key: Option<String> = None;
    let mut documents = 0;
    for event in Parser::new_from_str(&file.text) {
        let (event, span) = event.map_err(|e| {
            let at = e.marker();
            error(at.line(), at.col() + 1, e.info())
        })?;
        let (line, col) = (span.start.line(), span.start.col() + 1);
        match event {
            Event::DocumentStart(_) if documents > 0 => {
                return Err(error(
                    line,
                    col,
                    "a second document (`---`): the file holds one",
                ));
            }
            Event::DocumentStart(_) => documents += 1,
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
            Event::Scalar(_, _, _, Some(_))
            | Event::MappingStart(_, Some(_))
            | Event::SequenceStart(_, Some(_)) => {
                return Err(error(
                    line,
                    col,
                    "a YAML tag (the file holds plain values only)",
                ));
            }
            Event::Alias(_) => return Err(error(line, col, "an alias (`*name`)")),
            Event::SequenceStart(..) | Event::SequenceEnd => {
                return Err(error(
                    line,
                    col,
                    "a list, where a mapping or a hash belongs",
                ));
            }
            Event::MappingStart(..) => match (depth, key.take()) {
                (0, _) => depth = 1,
                (1, Some(tag)) => {
                    out.insert(tag.clone(), BTreeMap::new());
                    locale = tag;
                    depth = 2;
                }
                _ => {
                    return Err(error(
                        line,
                        col,
                        "a mapping, where a locale tag or a hash belongs",
                    ));
                }
            },
            Event::MappingEnd => depth -= 1,
            Event::Scalar(value, style, ..) => match (depth, key.take()) {
                // The whole document is one scalar: only a plain "nothing" is a valid one.
                (0, _)
                    if style == ScalarStyle::Plain
                        && matches!(value.as_ref(), "" | "~" | "null" | "Null" | "NULL") => {}
                (0, _) => {
                    return Err(error(
                        line,
                        col,
                        "a value, where a mapping of locales belongs",
                    ));
                }
                (_, None) => key = Some(value.into_owned()),
                // `de:` with nothing after it: a locale with no confirmation left.
                (1, Some(tag)) if style == ScalarStyle::Plain && value.is_empty() => {
                    out.insert(tag, BTreeMap::new());
                }
                (1, Some(tag)) => {
                    return Err(error(
                        line,
                        col,
                        &format!(
                            "`{tag}` holds a value, where a mapping of message ids to hashes belongs"
                        ),
                    ));
                }
                // Depth 2: the locale's mapping was made when it opened.
                (_, Some(id)) => {
                    if let Some(hashes) = out.get_mut(&locale) {
                        hashes.insert(id, value.into_owned());
                    }
                }
            },
        }
    }
    Ok(out)
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
        .map(|id| (id, hash(en, id)))
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
                Some(h) if confirms(h, &hashes[id], en, id) => {}
                Some(_) => open.push((locale, id, true)),
                None => open.push((locale, id, false)),
            }
        }
    }
    let mut stale = Stale::default();
    // The texts confirmations recorded, read only when a confirmation is out of date.
    let (texts, unreadable) = match open.iter().any(|(_, _, recorded)| *recorded) {
        true => recorded::read(root),
        false => Default::default(),
    };
    // A stale translation, with the reference text it was confirmed against (when its
    // confirmation kept it), else as the translation's commit held it (`then`).
    let mut mark = |tag: &str, id: &str, changed: Option<Date>, then: Option<String>| {
        let confirmed_then = confirmed
            .get(tag)
            .and_then(|r| r.get(id))
            .and_then(|hash| texts.get(hash))
            .cloned();
        stale
            .by_locale
            .entry(tag.to_owned())
            .or_default()
            .insert(id.to_owned(), changed);
        if let Some(text) = confirmed_then.or_else(|| then.as_deref().map(recorded::readable)) {
            stale
                .before
                .entry(tag.to_owned())
                .or_default()
                .insert(id.to_owned(), text);
        }
    };
    let history = (!open.is_empty()).then(|| History::open(root)).flatten();
    let Some(mut history) = history else {
        let assumed: Vec<&str> = open
            .iter()
            .filter(|(_, _, recorded)| !recorded)
            .map(|(l, _, _)| l.tag.as_str())
            .collect();
        for (locale, id, _) in open.iter().filter(|(_, _, recorded)| *recorded) {
            mark(&locale.tag, id, None, None);
        }
        let mut notes: Diagnostics = assumption(&assumed).into_iter().collect();
        notes.extend(unreadable);
        return (stale, notes);
    };
    history.blame_all(
        open.iter()
            .flat_map(|(l, id, _)| [file_of(en, id), file_of(l, id)]),
    );
    for (locale, id, _) in open {
        let reference = written(&history, en, id);
        let translation = written(&history, locale, id);
        if !history.newer(reference, translation) {
            continue;
        }
        // Its lines are newer, but a re-indented message or a reflowed line reads the
        // same: stale only when its content differs from what it was then (a message
        // the translation's commit did not hold, moved or new, counts as changed).
        let then = content_then(&history, en, id, translation);
        if then
            .as_deref()
            .is_none_or(|then| content::hash_of(then) != hashes[id])
        {
            let changed = match reference {
                Written::Committed { time, .. } => Some(Date::from_unix(time)),
                Written::Uncommitted => None,
            };
            mark(&locale.tag, id, changed, then);
        }
    }
    (stale, unreadable.into_iter().collect())
}

/// The content of reference message `id` when the translation was last written: read
/// from the reference file as the translation's commit holds it (then the locale's
/// other files: moved and edited in one commit); `None` when the translation is not
/// committed or that commit held no such message.
fn content_then(
    history: &History,
    reference: &LocaleSource,
    id: &str,
    translation: Written,
) -> Option<String> {
    let Written::Committed { commit, .. } = translation else {
        return None;
    };
    let file = file_of(reference, id);
    let others = reference.files.iter().map(|f| f.path.as_path());
    std::iter::once(file)
        .chain(others.filter(|f| *f != file))
        .find_map(|f| content::in_source(&history.file_at(commit, f)?, id))
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
            let before = stale.before.get(tag).and_then(|m| m.get(id)).cloned();
            let now = recorded::current(catalog.reference(), id);
            let when = match changed {
                Some(day) => format!("changed on {day}"),
                None => "changed (no commit dates the change yet)".to_owned(),
            };
            out.push(
                Diagnostic::warning("PG0511", format!("`{id}` in `{tag}` is stale: the `{reference}` text {when}, after this translation was last written or confirmed"))
                    .at(locale.location(id).expect("indexed"), format!("translated from an older `{reference}` text"))
                    .help(format!("compare it with the `{reference}` text, update it if needed, then run `policyglot confirm {tag} {id}`"))
                    .changed(before, now),
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
        let h = hash(en, id);
        if record.get(id) != Some(&h) {
            record.insert(id.to_owned(), h);
            changed += 1;
        }
    }
    // Confirmations an older policyglot recorded as a hash of the source, of the current
    // text, are the same confirmations: rewritten as content hashes.
    for (id, recorded) in record.iter_mut() {
        if en.entries.contains_key(id) {
            let current = hash(en, id);
            if *recorded != current && confirms(recorded, &current, en, id) {
                *recorded = current;
            }
        }
    }
    // Forget messages that no longer exist in the reference.
    record.retain(|id, _| en.entries.contains_key(id));
    let yaml = serde_yaml::to_string(&confirmed).expect("maps of strings serialize");
    // The text each current confirmation stands for, to show what changed once its
    // reference changes (`check::recorded`); written first, so a confirmation never
    // names a hash whose text was not kept.
    let named: std::collections::BTreeSet<&str> = confirmed
        .values()
        .flat_map(|r| r.values().map(String::as_str))
        .collect();
    let kept = confirmed
        .get(locale)
        .into_iter()
        .flatten()
        .filter(|(id, h)| en.entries.contains_key(id.as_str()) && **h == hash(en, id))
        .map(|(id, h)| (h.clone(), recorded::current(en, id)));
    let (texts, _) = recorded::read(root);
    write_new(
        root,
        recorded::TEXTS_FILE,
        &recorded::updated(texts, kept, &named),
    )?;
    write_new(root, LOCK_FILE, &format!("{HEADER}{yaml}"))?;
    Ok(changed)
}

/// Writes `contents` to `relative` (under `root`) as a new file (a leftover temporary
/// file, or a link someone placed there, is removed, never written through), then
/// renamed over the old one.
fn write_new(root: &Path, relative: &str, contents: &str) -> Result<(), Diagnostic> {
    let path = root.join(relative);
    let tmp = path.with_extension("yaml.tmp");
    // Written as a new file (a leftover, or a link someone placed there, is removed,
    // never written through), then renamed over the old one.
    let written = match std::fs::remove_file(&tmp) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    };
    written
        .and_then(|()| {
            use std::io::Write;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)?
                .write_all(contents.as_bytes())
        })
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            Diagnostic::error("PG0523", format!("cannot write the confirmations: {e}"))
                .in_path(relative)
                .help("check that locales/ is writable")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn confirmations(text: &str) -> Result<Confirmations, Diagnostic> {
        parse(&SourceFile::new(LOCK_FILE, text))
    }

    #[test]
    fn confirmations_read_as_serde_yaml_reads_them() {
        let shipped = include_str!("../../locales/confirmed.yaml");
        let expected: Confirmations = serde_yaml::from_str(shipped).unwrap();
        assert!(expected.values().map(BTreeMap::len).sum::<usize>() > 100);
        assert_eq!(confirmations(shipped).unwrap(), expected);
        // Quoted, flow-style and number-like hashes are the text written.
        let text = "de: {a: '0123', b: \"1e10\"}\nfr:\n  a: 12345678\n";
        let read = confirmations(text).unwrap();
        assert_eq!(read, serde_yaml::from_str::<Confirmations>(text).unwrap());
        assert_eq!(read["de"]["b"], "1e10");
        assert_eq!(read["fr"]["a"], "12345678");
        for nothing in ["", "# only a comment\n", "~\n", "null\n", "---\n"] {
            assert_eq!(
                confirmations(nothing).unwrap(),
                Confirmations::new(),
                "{nothing:?}"
            );
        }
        assert_eq!(confirmations("de: {}\n").unwrap()["de"], BTreeMap::new());
        // An emptied locale, and a repeated key (a merge resolved by hand): as serde_yaml.
        for text in [
            "de:\nfr:\n  a: x\n",
            "de: {a: x}\nde: {b: y}\n",
            "de: {a: x, a: y}\n",
        ] {
            let expected: Confirmations = serde_yaml::from_str(text).unwrap();
            assert_eq!(confirmations(text).unwrap(), expected, "{text:?}");
        }
        assert_eq!(confirmations("de:\n").unwrap()["de"], BTreeMap::new());
    }

    #[test]
    fn a_confirmations_file_of_another_shape_is_a_located_error() {
        for (text, line, what) in [
            ("de:\n  a: 1\n  b: [x]\n", 3, "a list"),
            ("de:\n  a:\n    b: c\n", 3, "a mapping, where"),
            ("de: x\n", 1, "`de` holds a value"),
            ("- de\n", 1, "a list"),
            (
                "just text\n",
                1,
                "a value, where a mapping of locales belongs",
            ),
            ("de: &h {a: b}\nfr: *h\n", 2, "an alias"),
            ("de: !!map {a: b}\n", 1, "a YAML tag"),
            ("de:\n  a: b\n c: d\n", 3, "cannot read"),
            ("de: {a: x}\n---\nfr: {b: y}\n", 2, "a second document"),
            ("''\n", 1, "a value, where a mapping of locales belongs"),
            ("de: ''\n", 1, "`de` holds a value"),
        ] {
            let d = confirmations(text).expect_err(text);
            assert_eq!(d.code, "PG0520");
            assert!(d.message.contains(what), "{text:?}: {}", d.message);
            assert_eq!(
                d.location.as_ref().map(|l| l.line),
                Some(line),
                "{text:?}: {d:?}"
            );
        }
    }

    #[test]
    fn legacy_hashes_ignore_trailing_spaces_only() {
        assert_eq!(
            legacy_hash("a = b  \n    .title = T"),
            legacy_hash("a = b\n    .title = T")
        );
        assert_ne!(legacy_hash("a = b"), legacy_hash("a = c"));
        assert_eq!(legacy_hash("a = b").len(), 16);
    }
}
