//! `check --sources DIR`: each passage a source cites for a fact is in the text of that
//! source (the `file` it names, inside DIR), compared with whitespace, case and
//! typographic quotes and apostrophes normalized. Nothing is read without `--sources`,
//! and nothing outside DIR: a `file` is a relative path that stays inside it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::policy::Policy;
use crate::policy::model::Source;

/// The largest source text read (a help article or a press story is a few kilobytes).
pub const MAX_SOURCE_BYTES: u64 = 4 << 20;

/// Every finding of the passages of `policy` (parsed from `file`) against the texts in
/// `dir`. Sources repeated across versions (YAML anchors) are checked once.
pub fn check(policy: &Policy, file: &SourceFile, dir: &Path) -> Diagnostics {
    let mut out = Vec::new();
    let mut texts: BTreeMap<String, Result<String, String>> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for source in policy.versions.iter().flat_map(|v| &v.sources) {
        let key = (
            source.id.as_str(),
            source.file.as_deref(),
            source.facts.iter().map(|c| &c.passages).collect::<Vec<_>>(),
        );
        if !seen.insert(format!("{key:?}")) {
            continue;
        }
        let Some(name) = &source.file else {
            if source.facts.iter().any(|c| !c.passages.is_empty()) {
                out.push(
                    Diagnostic::warning(
                        "PG0540",
                        format!(
                            "source `{}` cites passages but names no `file`: they cannot be checked",
                            source.id
                        ),
                    )
                    .at(locate_source(file, source), "this source")
                    .help("add `file: <name>` (the source's text, relative to the folder given to --sources)"),
                );
            }
            continue;
        };
        let text = texts
            .entry(name.clone())
            .or_insert_with(|| read(dir, name).map(|t| normalize(&t)));
        let text = match text {
            Ok(text) => text,
            Err(why) => {
                out.push(
                    Diagnostic::error(
                        "PG0541",
                        format!("the text of source `{}` cannot be read: {why}", source.id),
                    )
                    .at(locate_after(file, source, name), "this file")
                    .help(format!(
                        "put the source's text at {} (a regular file inside the --sources folder), or fix `file:`",
                        dir.join(name).display()
                    )),
                );
                continue;
            }
        };
        for cited in &source.facts {
            if cited.passages.is_empty() {
                out.push(
                    Diagnostic::warning(
                        "PG0543",
                        format!(
                            "fact `{}` is credited to source `{}` without a passage",
                            cited.id, source.id
                        ),
                    )
                    .at(locate_bare(file, source, cited.id.as_str()), "no passage")
                    .help(format!(
                        "write `{{ fact: {}, passage: \"…\" }}` with the words of the source the fact rests on",
                        cited.id
                    )),
                );
            }
            for passage in &cited.passages {
                if !text.contains(&normalize(passage)) {
                    out.push(
                        Diagnostic::error(
                            "PG0542",
                            format!(
                                "the passage cited for `{}` is not in source `{}` ({name})",
                                cited.id, source.id
                            ),
                        )
                        .at(locate_after(file, source, passage), "not in the source")
                        .help("quote the source's own words (case, spacing and typographic quotes may differ), or credit the fact to the source that says it"),
                    );
                }
            }
        }
    }
    out
}

/// The text of `name` inside `dir`: a relative path without `..`, resolving (symlinks
/// too) to a regular file inside `dir`, of at most `MAX_SOURCE_BYTES`, in UTF-8.
fn read(dir: &Path, name: &str) -> Result<String, String> {
    let relative = Path::new(name);
    if relative.as_os_str().is_empty()
        || !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!(
            "`{name}` is not a relative path inside the sources folder"
        ));
    }
    let root = dir.canonicalize().map_err(|e| {
        format!(
            "the sources folder {} cannot be opened ({e})",
            dir.display()
        )
    })?;
    let path: PathBuf = root
        .join(relative)
        .canonicalize()
        .map_err(|e| format!("{} ({e})", dir.join(name).display()))?;
    if !path.starts_with(&root) {
        return Err(format!("`{name}` leads outside the sources folder"));
    }
    let meta = std::fs::metadata(&path).map_err(|e| format!("{} ({e})", path.display()))?;
    if !meta.is_file() {
        return Err(format!(
            "{} is not a regular file",
            dir.join(name).display()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{} ({e})", dir.join(name).display()))?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(format!(
            "{} is larger than {} MiB",
            dir.join(name).display(),
            MAX_SOURCE_BYTES >> 20
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", dir.join(name).display()))
}

/// `text` as passages are compared: lowercase, every run of whitespace one space,
/// typographic apostrophes `'` and quotation marks `"`, and no space inside guillemets
/// (« x » and "x" are the same words).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // After an opening guillemet, whitespace is typography.
    let mut opened = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !opened && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        opened = false;
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => {
                out.push('\'')
            }
            '\u{AB}' | '\u{2039}' => {
                out.push('"');
                opened = true;
            }
            '\u{BB}' | '\u{203A}' => {
                if out.ends_with(' ') {
                    out.pop();
                }
                out.push('"');
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => out.push('"'),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Where `source` is defined in the policy (its `id:`), else the file's start.
fn locate_source(file: &SourceFile, source: &Source) -> Location {
    let token = format!("id: {}", source.id);
    match file.text.find(&token) {
        Some(at) => file.span(at + 4..at + token.len()),
        None => file.span(0..0),
    }
}

/// The first occurrence of `what` after the definition of `source` in the policy (a
/// passage, a fact id, a file name), else the source itself.
fn locate_after(file: &SourceFile, source: &Source, what: &str) -> Location {
    let from = file.text.find(&format!("id: {}", source.id)).unwrap_or(0);
    match file.text[from..].find(what) {
        Some(at) => file.span(from + at..from + at + what.len()),
        None => locate_source(file, source),
    }
}

/// Where fact `id` is credited to `source` without a passage: a bare `- id` item or an
/// id in a flow list (`facts: [a, id]`) after the source's definition, else the first
/// occurrence after it.
fn locate_bare(file: &SourceFile, source: &Source, id: &str) -> Location {
    let text = &*file.text;
    let from = text.find(&format!("id: {}", source.id)).unwrap_or(0);
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let bare = text[from..]
        .match_indices(id)
        .map(|(at, _)| from + at)
        .filter(|&at| !text[..at].ends_with(is_word) && !text[at + id.len()..].starts_with(is_word))
        .find(|&at| {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let before = text[line_start..at].trim();
            before == "-"
                || before.ends_with('[')
                || (before.ends_with(',') && before.contains("facts:"))
        });
    match bare {
        Some(at) => file.span(at..at + id.len()),
        None => locate_after(file, source, id),
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn passages_compare_without_typography() {
        assert_eq!(
            normalize("  L’option\u{a0}«\u{202f}Aider »  "),
            "l'option \"aider\""
        );
        assert_eq!(normalize("l'option \"Aider\""), "l'option \"aider\"");
        assert_eq!(normalize("“Aidez-nous”"), "\"aidez-nous\"");
        assert_eq!(normalize("a\n\n  b"), "a b");
    }
}
