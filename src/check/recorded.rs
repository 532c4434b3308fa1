//! The reference texts translations were confirmed against, kept beside their hashes
//! (`locales/confirmed-texts.yaml`: hash → text, as `policyglot confirm` recorded it),
//! so a stale finding can show what the translator read then and what changed since,
//! with or without git. Keyed by hash, a text confirmed in several locales is kept once,
//! and one no confirmation names any more is dropped by the next `confirm`.
//!
//! Only shown, never decisive: staleness is decided by the hashes in `confirmed.yaml`
//! (`check::stale`). A file that cannot be read costs the texts, not the check.

use std::collections::BTreeMap;
use std::path::Path;

use super::content;
use crate::diag::Diagnostic;
use crate::l10n::LocaleSource;

/// Where the texts live, relative to the project root.
pub const TEXTS_FILE: &str = "locales/confirmed-texts.yaml";

const HEADER: &str = "# policyglot: the reference text each hash in confirmed.yaml stands for, to show a\n\
# translator what changed since. Written by `policyglot confirm`; do not edit by hand.\n";

/// The largest file read (a few hundred bytes a message).
const MAX_BYTES: u64 = 64 << 20;

/// Hash (as in `confirmed.yaml`) → the reference text it was made from (`readable`).
pub type Texts = BTreeMap<String, String>;

/// A message's content as a translator reads it: its value, then each attribute on a
/// line of its own (`.title = …`), from the canonical content (`check::content`).
pub fn readable(canonical: &str) -> String {
    // Select variants end with U+0002 in the canonical form: a space reads them apart.
    let canonical = canonical.replace('\u{2}', " ");
    let mut parts = canonical.split('\u{1}');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for attribute in parts {
        let (name, text) = attribute.split_once('=').unwrap_or((attribute, ""));
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{name} = {text}"));
    }
    out
}

/// The current text of reference message `id`, as `readable` writes it.
pub fn current(reference: &LocaleSource, id: &str) -> String {
    match reference.ast(id).and_then(content::of_entry) {
        Some(canonical) => readable(&canonical),
        None => reference
            .source(id)
            .unwrap_or_default()
            .trim_end()
            .to_owned(),
    }
}

/// The recorded texts; none when the file is missing or cannot be read (then the
/// second value says why, as a warning).
pub fn read(root: &Path) -> (Texts, Option<Diagnostic>) {
    let path = root.join(TEXTS_FILE);
    let unreadable = |why: String| {
        Diagnostic::warning(
            "PG0525",
            format!("cannot read the confirmed reference texts: {why}"),
        )
        .in_path(TEXTS_FILE)
        .help("stale findings then show the current text only; restore the file from version control, or run `policyglot confirm` again after reviewing")
    };
    let bytes = match crate::inputs::Boundary::new(root).read(&path, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(refusal) if refusal.is_missing() => return (Texts::new(), None),
        Err(refusal) => return (Texts::new(), Some(unreadable(refusal.to_string()))),
    };
    match std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_yaml::from_str::<Option<Texts>>(text).map_err(|e| e.to_string()))
    {
        Ok(texts) => (texts.unwrap_or_default(), None),
        Err(why) => (Texts::new(), Some(unreadable(why))),
    }
}

/// The file's new contents: `texts` plus the text of each of `confirmed` (hash, text),
/// keeping only the hashes some confirmation still names (`named`).
pub fn updated(
    mut texts: Texts,
    confirmed: impl IntoIterator<Item = (String, String)>,
    named: &std::collections::BTreeSet<&str>,
) -> String {
    texts.extend(confirmed);
    texts.retain(|hash, _| named.contains(hash.as_str()));
    let yaml = serde_yaml::to_string(&texts).expect("maps of strings serialize");
    format!("{HEADER}{yaml}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_read_on_lines_of_their_own() {
        assert_eq!(
            readable("Keep it.\u{1}.title=Keeping"),
            "Keep it.\n.title = Keeping"
        );
        assert_eq!(
            readable("\u{1}.title=Only a title"),
            ".title = Only a title"
        );
        assert_eq!(readable("Plain"), "Plain");
        assert_eq!(
            readable("{$n->*[other]Many\u{2}[one]One\u{2}}"),
            "{$n->*[other]Many [one]One }"
        );
    }

    #[test]
    fn only_named_hashes_are_kept() {
        let old: Texts = [
            ("a".to_owned(), "gone".to_owned()),
            ("b".to_owned(), "kept".to_owned()),
        ]
        .into_iter()
        .collect();
        let named = ["b", "c"].into_iter().collect();
        let text = updated(old, [("c".to_owned(), "new".to_owned())], &named);
        let back: Texts = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back["b"], "kept");
        assert_eq!(back["c"], "new");
        assert!(text.starts_with("# policyglot"));
    }
}
