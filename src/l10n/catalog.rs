//! Reading `locales/`: every `.ftl` file of every locale, parsed tolerantly and indexed
//! (where each entry is, what it says), with the problems found on the way. Both `build`
//! (which stops on any problem) and `check` (which reports them all) start here.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics, Location, SourceFile};

/// Where an entry (message or term) is defined.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `LocaleSource::files`.
    pub file: usize,
    /// Index of the entry in its parsed resource.
    pub index: usize,
    /// Byte range of the entry's source (its id to the end of its last line).
    pub range: Range<usize>,
    pub has_value: bool,
    pub attributes: Vec<String>,
}

/// One locale folder, read.
pub struct LocaleSource {
    pub tag: String,
    /// The folder as shown to users (`locales/fr`).
    pub dir: PathBuf,
    pub files: Vec<SourceFile>,
    /// Parsed files, parallel to `files` (partial when a file has syntax errors).
    pub resources: Vec<Arc<FluentResource>>,
    /// Entries by id (`-id` for terms); the first definition wins.
    pub entries: BTreeMap<String, Entry>,
    /// Syntax errors, ids defined twice, clashes with generated terms.
    pub problems: Diagnostics,
    /// A fingerprint of the folder's files and the reserved terms (`memo::fingerprint`):
    /// what is computed from this locale is reused while it is the same.
    pub fingerprint: u64,
}

impl LocaleSource {
    /// The location of an entry's id.
    pub fn location(&self, key: &str) -> Option<Location> {
        let e = self.entries.get(key)?;
        Some(self.files[e.file].span(e.range.start..e.range.start + key.len()))
    }

    /// The entry's source text.
    pub fn source(&self, key: &str) -> Option<&str> {
        let e = self.entries.get(key)?;
        Some(&self.files[e.file].text[e.range.clone()])
    }

    /// The entry's syntax tree.
    pub fn ast(&self, key: &str) -> Option<&ast::Entry<&str>> {
        let e = self.entries.get(key)?;
        self.resources[e.file].get_entry(e.index)
    }

    /// The location of the first `needle` inside an entry, or of the entry itself.
    pub fn locate_in(&self, key: &str, needle: &str) -> Option<Location> {
        let e = self.entries.get(key)?;
        let file = &self.files[e.file];
        match file.text[e.range.clone()].find(needle) {
            Some(at) => {
                let start = e.range.start + at;
                Some(file.span(start..start + needle.len()))
            }
            None => self.location(key),
        }
    }

    /// Whether the message has a value (`attribute` None) or that attribute.
    pub fn has(&self, key: &str, attribute: Option<&str>) -> bool {
        self.entries.get(key).is_some_and(|m| match attribute {
            None => m.has_value,
            Some(a) => m.attributes.iter().any(|x| x == a),
        })
    }

    /// Message ids (terms excluded).
    pub fn message_ids(&self) -> impl Iterator<Item = &str> {
        self.entries
            .keys()
            .map(String::as_str)
            .filter(|k| !k.starts_with('-'))
    }
}

/// Every locale, the reference first, the others in tag order.
#[derive(Clone)]
pub struct Catalog {
    /// Shared with the bundles built from them (`l10n::Locales`).
    pub locales: Vec<Arc<LocaleSource>>,
}

impl Catalog {
    pub fn reference(&self) -> &LocaleSource {
        &self.locales[0]
    }

    pub fn get(&self, tag: &str) -> Option<&LocaleSource> {
        self.locales.iter().find(|l| l.tag == tag).map(|l| &**l)
    }

    /// Every problem found while reading.
    pub fn problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.locales.iter().flat_map(|l| l.problems.iter())
    }
}

/// Reads every locale folder under `dir`. Fails only when there is nothing to read (no
/// folder, no reference locale); problems inside files are recorded per locale.
/// `reserved` lists generated term ids (`-product-name`) that files may not define.
/// Reads every locale under `dir`; `reference` (the policy's `reference_locale`) comes
/// first, and must exist.
pub fn read(
    dir: &Path,
    shown_as: &Path,
    reserved: &[String],
    reference: &str,
) -> Result<Catalog, Diagnostic> {
    reread(dir, shown_as, reserved, reference, None)
}

/// `read`, keeping each locale of `previous` whose files are the same (same `Arc`): only
/// changed locales are parsed and indexed again.
pub fn reread(
    dir: &Path,
    shown_as: &Path,
    reserved: &[String],
    reference: &str,
    previous: Option<&Catalog>,
) -> Result<Catalog, Diagnostic> {
    let mut tags: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) => {
            return Err(Diagnostic::error(
                "PG0200",
                format!("cannot read the locales folder: {e}"),
            )
            .in_path(shown_as)
            .help("create locales/<tag>/ folders (e.g. locales/en/) holding .ftl files"));
        }
    };
    tags.sort();
    let Some(position) = tags.iter().position(|t| t == reference) else {
        return Err(Diagnostic::error(
            "PG0201",
            format!("the reference locale `{reference}` is missing"),
        )
        .in_path(shown_as)
        .help(format!(
            "create {}/{reference}/ with the reference messages, or set `reference_locale:` in policy/policy.yaml to the locale the policy is written in",
            shown_as.display()
        )));
    };
    let reference = tags.remove(position);
    tags.insert(0, reference);
    let locales = tags
        .into_par_iter()
        .map(|tag| {
            let known = previous.and_then(|p| p.locales.iter().find(|l| l.tag == tag));
            read_locale(&dir.join(&tag), &shown_as.join(&tag), tag, reserved, known)
        })
        .collect();
    Ok(Catalog { locales })
}

fn read_locale(
    dir: &Path,
    shown_as: &Path,
    tag: String,
    reserved: &[String],
    known: Option<&Arc<LocaleSource>>,
) -> Arc<LocaleSource> {
    let paths: Vec<PathBuf> = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ftl"))
        .map(|e| e.into_path())
        .collect();
    let texts: Vec<std::io::Result<String>> =
        paths.par_iter().map(std::fs::read_to_string).collect();
    let fingerprint = crate::memo::fingerprint(&(
        &tag,
        reserved,
        &paths,
        texts.iter().map(|t| t.as_deref().ok()).collect::<Vec<_>>(),
    ));
    if let Some(known) = known.filter(|k| k.fingerprint == fingerprint) {
        return known.clone();
    }
    let mut locale = LocaleSource {
        tag,
        dir: shown_as.to_path_buf(),
        files: Vec::new(),
        resources: Vec::new(),
        entries: BTreeMap::new(),
        problems: Vec::new(),
        fingerprint,
    };
    // Files are parsed in parallel, then indexed in order.
    let read: Vec<_> = texts
        .into_par_iter()
        .map(|text| {
            text.map(|text| {
                let parsed = FluentResource::try_new(text.clone());
                (text, parsed)
            })
        })
        .collect();
    for (path, read) in paths.iter().zip(read) {
        let shown = shown_as.join(path.strip_prefix(dir).unwrap_or(path));
        let (text, parsed) = match read {
            Ok(read) => read,
            Err(e) => {
                locale.problems.push(
                    Diagnostic::error("PG0205", format!("cannot read {}: {e}", shown.display()))
                        .in_path(&shown)
                        .help("make the file readable UTF-8 text"),
                );
                continue;
            }
        };
        let file = SourceFile::new(&shown, text);
        let resource = match parsed {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    locale.problems.push(
                        Diagnostic::error("PG0206", format!("Fluent syntax error: {}", e.kind))
                            .at(file.span(e.pos.clone()), "here")
                            .help("fix the syntax (see https://projectfluent.org/fluent/guide/): an unclosed `{`, a missing `=` or an unindented continuation line are the usual causes"),
                    );
                }
                r
            }
        };
        index_file(&mut locale, &file, &resource, reserved);
        locale.files.push(file);
        locale.resources.push(Arc::new(resource));
    }
    Arc::new(locale)
}

fn index_file(
    locale: &mut LocaleSource,
    file: &SourceFile,
    resource: &FluentResource,
    reserved: &[String],
) {
    let index = locale.files.len();
    let starts = entry_starts(&file.text);
    let definitions = definitions(&file.text);
    // How many entries of each key came before (a key defined twice has two definitions).
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (position, entry) in resource.entries().enumerate() {
        let (key, has_value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_owned(), m.value.is_some(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), true, &t.attributes),
            _ => continue,
        };
        let nth = seen.entry(key.clone()).or_default();
        let start = definitions
            .get(key.as_str())
            .and_then(|at| at.get(*nth))
            .copied()
            .unwrap_or(0);
        *nth += 1;
        let end = starts
            .get(starts.partition_point(|&s| s <= start))
            .copied()
            .unwrap_or(file.text.len());
        let range = start..start + file.text[start..end].trim_end().len();
        // Located only when reported: a line:col costs a scan of the file up to it.
        let here = || file.span(start..start + key.len());
        let bare = key.trim_start_matches('-');
        if reserved.iter().any(|r| r.trim_start_matches('-') == bare) {
            locale.problems.push(
                Diagnostic::error("PG0208", format!("`{key}` clashes with the term `-{bare}` generated from the policy"))
                    .at(here(), "defined here")
                    .help("rename this entry: terms ending in `-name` carry the names in policy/policy.yaml and cannot be redefined"),
            );
            continue;
        }
        if let Some(first) = locale.entries.get(&key) {
            let first_file = if first.file == index {
                file
            } else {
                &locale.files[first.file]
            };
            let first_line = first_file.span(first.range.clone()).line;
            locale.problems.push(
                Diagnostic::error(
                    "PG0207",
                    format!("`{key}` is defined twice in locale `{}`", locale.tag),
                )
                .at(here(), "defined again here")
                .help(format!(
                    "remove or rename one of them; the first is at {}:{first_line}",
                    first_file.path.display()
                )),
            );
            continue;
        }
        let attributes = attributes.iter().map(|a| a.id.name.to_owned()).collect();
        locale.entries.insert(
            key,
            Entry {
                file: index,
                index: position,
                range,
                has_value,
                attributes,
            },
        );
    }
}

/// Byte offsets of the lines that start `key = …`, by key, in file order.
fn definitions(text: &str) -> HashMap<&str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for start in line_starts(text) {
        let line = &text[start..];
        let body = line.strip_prefix('-').unwrap_or(line);
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(body.len());
        let key_len = line.len() - body.len() + len;
        if line[key_len..]
            .trim_start_matches([' ', '\t'])
            .starts_with('=')
        {
            out.entry(&line[..key_len]).or_default().push(start);
        }
    }
    out
}

/// Offsets where a new top-level item (entry, comment, junk) starts: a line whose first
/// character is neither a space nor a closing brace.
fn entry_starts(text: &str) -> Vec<usize> {
    line_starts(text)
        .filter(|&s| {
            text[s..].starts_with(|c: char| !c.is_whitespace() && c != '}' && c != '*' && c != '[')
        })
        .collect()
}

fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(move |&s| s < text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(text: &str) -> LocaleSource {
        let mut l = LocaleSource {
            tag: "fr".into(),
            dir: "locales/fr".into(),
            files: Vec::new(),
            resources: Vec::new(),
            entries: BTreeMap::new(),
            problems: Vec::new(),
            fingerprint: 0,
        };
        let file = SourceFile::new("locales/fr/a.ftl", text);
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        index_file(&mut l, &file, &resource, &["-product-name".into()]);
        l.files.push(file);
        l.resources.push(Arc::new(resource));
        l
    }

    #[test]
    fn entries_span_their_lines_only() {
        let l = locale(
            "# c\na = x\n    .title = T\nb = { $n ->\n    [one] o\n   *[other] p\n}\n\n# next\nc = z\n",
        );
        assert_eq!(l.source("a"), Some("a = x\n    .title = T"));
        assert_eq!(
            l.source("b"),
            Some("b = { $n ->\n    [one] o\n   *[other] p\n}")
        );
        assert_eq!(l.location("c").unwrap().line, 10);
        assert!(l.has("a", Some("title")) && !l.has("b", Some("title")));
    }

    #[test]
    fn duplicates_and_reserved_terms_are_problems() {
        let l = locale("a = x\nb = y\na = z\n-product-name = P\n");
        let codes: Vec<_> = l
            .problems
            .iter()
            .map(|d| (d.code, d.location.as_ref().unwrap().line))
            .collect();
        assert_eq!(codes, [("PG0207", 3), ("PG0208", 4)]);
        assert_eq!(l.source("a"), Some("a = x"));
    }
}
