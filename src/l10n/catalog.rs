//! Reading `locales/`: every `.ftl` file of every locale, parsed tolerantly and indexed
//! (where each entry is, what it says), with the problems found on the way. Both `build`
//! (which stops on any problem) and `check` (which reports them all) start here.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::inputs::{Boundary, Refusal};
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use rayon::prelude::*;

use super::analysis::{self, Part};
use crate::diag::{self, Diagnostic, Diagnostics, Location, SourceFile};

/// Largest `.ftl` file read (bytes).
pub const MAX_FILE_BYTES: u64 = 2 << 20;
/// Most bytes of `.ftl` files in one locale folder.
pub const MAX_LOCALE_BYTES: u64 = 64 << 20;
/// Most bytes of `.ftl` files under `locales/` in all.
pub const MAX_TOTAL_BYTES: u64 = 512 << 20;
/// Deepest nesting of placeables, selects and call arguments in a Fluent file. The
/// Fluent parser is recursive: this is checked on the text before it runs, so a deep
/// file cannot overflow its stack.
pub const MAX_NESTING: usize = 32;

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
    /// The entry's parts, read from its syntax tree on first use: several checks read
    /// them, for this locale and (the reference) for every other.
    parts: OnceLock<Box<[Part]>>,
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

    /// The parts of entry `key` (value first, then attributes); none when it has no
    /// syntax tree.
    pub fn parts(&self, key: &str) -> &[Part] {
        let Some(e) = self.entries.get(key) else {
            return &[];
        };
        e.parts.get_or_init(|| {
            let ast = self.resources[e.file].get_entry(e.index);
            ast.map(analysis::parts).unwrap_or_default().into()
        })
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
    /// Findings about the folders: two folders for one tag (an error), and one warning
    /// per folder with no messages yet: it is no locale of the site (not checked, not
    /// built) until it has some.
    pub empty: Diagnostics,
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
        self.empty
            .iter()
            .chain(self.locales.iter().flat_map(|l| l.problems.iter()))
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
    let mut tags = locale_tags(dir, shown_as)?;
    let boundary = Boundary::of(dir, shown_as);
    // Language tags ignore case (`fr-CA` is `fr-ca`): two folders for one tag would both
    // publish, one over the other on a case-insensitive disk.
    let mut folders: BTreeMap<String, &str> = BTreeMap::new();
    let mut same_tag = Vec::new();
    for tag in &tags {
        let key = tag.to_ascii_lowercase().replace('_', "-");
        if let Some(first) = folders.insert(key, tag) {
            same_tag.push(
                Diagnostic::error(
                    "PG0210",
                    format!(
                        "locales/{tag}/ and locales/{first}/ are folders for the same language tag"
                    ),
                )
                .in_path(shown_as.join(tag))
                .help(format!(
                    "language tags ignore case: merge the two folders into one (e.g. {first}/)"
                )),
            );
        }
    }
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
    let locales = read_in_order(dir, shown_as, tags, reserved, previous, &boundary);
    // A folder just created for a new language (nothing in it, or only empty files) is
    // one warning, not one error per message it does not have yet.
    let (locales, empty): (Vec<_>, Vec<_>) = locales
        .into_iter()
        .enumerate()
        .partition(|(i, l)| *i == 0 || !l.entries.is_empty() || !l.problems.is_empty());
    let reference = &locales[0].1;
    let empty = same_tag
        .into_iter()
        .chain(empty.into_iter()
        .map(|(_, l)| {
            Diagnostic::warning(
                "PG0209",
                format!(
                    "`{}` has no messages yet: it is not a locale of the site until it has some (not checked, not built)",
                    l.dir.display()
                ),
            )
            .in_path(&l.dir)
            .help(format!(
                "copy the files of {}/ into {}/ and translate them (`check` then lists every message still missing), or remove the folder",
                reference.dir.display(),
                l.dir.display()
            ))
        }))
        .collect();
    Ok(Catalog {
        locales: locales.into_iter().map(|(_, l)| l).collect(),
        empty,
    })
}

/// The locale folders under `dir`, in tag order (hidden folders are never a language).
fn locale_tags(dir: &Path, shown_as: &Path) -> Result<Vec<String>, Diagnostic> {
    let mut tags: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            // `.cache/`, `.git/`, editor folders: never a language.
            .filter(|name| !name.starts_with('.'))
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
    Ok(tags)
}

/// Every locale folder under `dir`, read as `read` reads them but in tag order, with no
/// reference locale and no generated terms: for tools that work on the files alone
/// (`policyglot fmt`), whatever the policy says.
pub fn read_files(dir: &Path, shown_as: &Path) -> Result<Vec<Arc<LocaleSource>>, Diagnostic> {
    let tags = locale_tags(dir, shown_as)?;
    let boundary = Boundary::of(dir, shown_as);
    Ok(read_in_order(dir, shown_as, tags, &[], None, &boundary))
}

/// Reads the locale folders `tags` (in parallel), keeping each locale of `previous`
/// whose files are the same. Listed first, in order, so the size budgets are spent
/// deterministically.
fn read_in_order(
    dir: &Path,
    shown_as: &Path,
    tags: Vec<String>,
    reserved: &[String],
    previous: Option<&Catalog>,
    boundary: &Boundary,
) -> Vec<Arc<LocaleSource>> {
    let mut total = 0u64;
    let listed: Vec<(String, Listing)> = tags
        .into_iter()
        .map(|tag| {
            let listing = list(boundary, &dir.join(&tag), &shown_as.join(&tag), &mut total);
            (tag, listing)
        })
        .collect();
    listed
        .into_par_iter()
        .map(|(tag, listing)| {
            let known = previous.and_then(|p| p.locales.iter().find(|l| l.tag == tag));
            read_locale(
                &dir.join(&tag),
                &shown_as.join(&tag),
                tag,
                listing,
                reserved,
                known,
                boundary,
            )
        })
        .collect()
}

/// The `.ftl` files of a locale folder (links inside the project followed, hidden
/// entries skipped) that fit the size limits, and a problem for each that is refused
/// (`inputs::Boundary::walk`) or over a limit.
struct Listing {
    paths: Vec<PathBuf>,
    problems: Diagnostics,
}

fn list(boundary: &Boundary, dir: &Path, shown_as: &Path, total: &mut u64) -> Listing {
    let mut listing = Listing {
        paths: Vec::new(),
        problems: Vec::new(),
    };
    let shown = |path: &Path| shown_as.join(path.strip_prefix(dir).unwrap_or(path));
    let mut in_locale = 0u64;
    let walked = boundary.walk(dir, |p| p.extension().is_some_and(|x| x == "ftl"));
    for (path, refusal) in walked.refused {
        let path = shown(&path);
        listing.problems.push(
            Diagnostic::error("PG0205", format!("cannot read {}: {refusal}", path.display()))
                .in_path(&path)
                .help(match refusal {
                    Refusal::Walk(_) | Refusal::Io(_) => "fix or remove the link or file (a link must point to a readable .ftl file or folder in the project)",
                    _ => refusal.help(),
                }),
        );
    }
    for (file, size) in walked.files {
        let path = shown(&file);
        let over = if size > MAX_FILE_BYTES {
            Some(format!(
                "the file is {size} bytes, over the limit of {} MiB per file",
                MAX_FILE_BYTES >> 20
            ))
        } else if in_locale + size > MAX_LOCALE_BYTES {
            Some(format!(
                "the locale's files add up to more than {} MiB, the limit per locale",
                MAX_LOCALE_BYTES >> 20
            ))
        } else if *total + size > MAX_TOTAL_BYTES {
            Some(format!(
                "the files under locales/ add up to more than {} MiB, the limit in all",
                MAX_TOTAL_BYTES >> 20
            ))
        } else {
            None
        };
        if let Some(why) = over {
            listing.problems.push(
                Diagnostic::error("PG0205", format!("{} was not read: {why}", path.display()))
                    .in_path(&path)
                    .help("split the messages into smaller files, or remove what is not a translation"),
            );
            continue;
        }
        in_locale += size;
        *total += size;
        listing.paths.push(file);
    }
    listing
}

fn read_locale(
    dir: &Path,
    shown_as: &Path,
    tag: String,
    listing: Listing,
    reserved: &[String],
    known: Option<&Arc<LocaleSource>>,
    boundary: &Boundary,
) -> Arc<LocaleSource> {
    let paths = listing.paths;
    let texts: Vec<Result<Vec<u8>, Refusal>> = paths
        .par_iter()
        .map(|path| boundary.read(path, MAX_FILE_BYTES))
        .collect();
    let fingerprint = crate::memo::fingerprint(&(
        &tag,
        reserved,
        &paths,
        texts.iter().map(|t| t.as_deref().ok()).collect::<Vec<_>>(),
        listing
            .problems
            .iter()
            .map(|d| &d.message)
            .collect::<Vec<_>>(),
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
        problems: listing.problems,
        fingerprint,
    };
    // Files are decoded, measured and parsed in parallel, then indexed in order.
    let read: Vec<_> = paths
        .par_iter()
        .zip(texts)
        .map(|(path, bytes)| {
            let shown = shown_as.join(path.strip_prefix(dir).unwrap_or(path));
            let bytes = bytes.map_err(|refusal| {
                Diagnostic::error("PG0205", format!("cannot read {}: {refusal}", shown.display()))
                    .in_path(&shown)
                    .help(refusal.help())
            })?;
            let file = lone_carriage_returns_as_newlines(diag::decode(&shown, bytes, "PG0205")?);
            let mut problems: Diagnostics = diag::control_character(&file, "PG0206").into_iter().collect();
            if let Some(at) = too_deep(&file.text) {
                // Not parsed at all: its messages are reported missing until it is fixed.
                problems.push(
                    Diagnostic::error("PG0206", format!("Fluent placeables, selects or calls nested more than {MAX_NESTING} levels deep"))
                        .at(file.at_byte(at), "too deep")
                        .help("flatten the message: a translation needs a few levels of `{ … }` at most"),
                );
                return Ok((file, Err((FluentResource::try_new(String::new()).unwrap_or_else(|(r, _)| r), Vec::new())), problems));
            }
            let parsed = FluentResource::try_new(file.text.to_string());
            Ok((file, parsed, problems))
        })
        .collect::<Vec<Result<_, Diagnostic>>>();
    for read in read {
        let (file, parsed, problems) = match read {
            Ok(read) => read,
            Err(d) => {
                locale.problems.push(d);
                continue;
            }
        };
        locale.problems.extend(problems);
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

/// The byte offset where Fluent nesting first goes deeper than `MAX_NESTING`, read from
/// the text without recursion. It follows the parser's contexts (text, expressions,
/// string literals, select variants) closely enough to count every level the parser
/// would recurse into; it may count more around syntax errors, never fewer.
pub fn too_deep(text: &str) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum Frame {
        /// `{ … }`; `variants` once its `->` was seen (the rest is variant text).
        Placeable { variants: bool },
        /// A call's `( … )`.
        Call,
    }
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start {
            line_start = false;
            // A line `id =` can continue no placeable: the parser starts afresh there
            // or after it (an error inside an open placeable skips to the next entry).
            if starts_entry(&text[i..]) {
                frames.clear();
            } else if frames.is_empty() && b == b'#' {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                continue;
            }
        }
        let expression = matches!(
            frames.last(),
            Some(Frame::Call | Frame::Placeable { variants: false })
        );
        // Outside an expression only line starts and braces matter: skip the text
        // between them (most of a file) at memchr speed.
        if !expression && !matches!(b, b'\n' | b'{' | b'}') {
            i = memchr::memchr3(b'\n', b'{', b'}', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            continue;
        }
        match b {
            b'\n' => line_start = true,
            b'{' => {
                frames.push(Frame::Placeable { variants: false });
                if frames.len() > MAX_NESTING {
                    return Some(i);
                }
            }
            b'}' => {
                while let Some(frame) = frames.pop() {
                    if matches!(frame, Frame::Placeable { .. }) {
                        break;
                    }
                }
            }
            b'(' if expression => {
                frames.push(Frame::Call);
                if frames.len() > MAX_NESTING {
                    return Some(i);
                }
            }
            b')' if expression => {
                if matches!(frames.last(), Some(Frame::Call)) {
                    frames.pop();
                }
            }
            b'-' if expression && bytes.get(i + 1) == Some(&b'>') => {
                if let Some(Frame::Placeable { variants }) = frames.last_mut() {
                    *variants = true;
                }
            }
            b'"' if expression => {
                // A string literal ends at its closing quote or at the end of the line.
                i += 1;
                while i < bytes.len() && !matches!(bytes[i], b'"' | b'\n') {
                    i += if bytes[i] == b'\\' && bytes.get(i + 1).is_some_and(|&n| n != b'\n') {
                        2
                    } else {
                        1
                    };
                }
                if bytes.get(i) == Some(&b'\n') {
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether a line starts a message or term definition (`id =`, `-id =`).
fn starts_entry(line: &str) -> bool {
    let body = line.strip_prefix('-').unwrap_or(line);
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(body.len());
    body[len..].trim_start_matches([' ', '\t']).starts_with('=')
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
                parts: OnceLock::new(),
            },
        );
    }
}

/// A file saved with classic Mac OS line endings (a carriage return alone) read as the
/// lines its writer sees: Fluent ends lines at `\n` only, so such a file would be one
/// line and every message in it missing. Each lone `\r` becomes `\n`, one byte for one,
/// so every offset and location stays where it was; `\r\n` is left as it is.
fn lone_carriage_returns_as_newlines(file: SourceFile) -> SourceFile {
    let bytes = file.text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return file;
    }
    let text: String = file
        .text
        .char_indices()
        .map(|(i, c)| if c == '\r' && lone(i) { '\n' } else { c })
        .collect();
    SourceFile::new(file.path.clone(), text)
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

    #[test]
    fn nesting_is_measured_before_parsing() {
        let placeables = format!("a = {}x{}\n", "{ ".repeat(3000), " }".repeat(3000));
        assert_eq!(too_deep(&placeables), Some(4 + 2 * MAX_NESTING));
        let selects = format!(
            "a = {}x{}\n",
            "{ $n ->\n   *[other] ".repeat(2400),
            "\n}".repeat(2400)
        );
        assert!(too_deep(&selects).is_some());
        let calls = format!("a = {{ {}1{} }}\n", "NUMBER(".repeat(100), ")".repeat(100));
        assert!(too_deep(&calls).is_some());
        // Braces in string literals, parentheses and quotes in text, and many
        // messages one after the other are not nesting.
        let flat = format!(
            "{}b = (( \"quoted {{ $x }} (( text\n    .title = {{ \"}}\" }} {{ \"{{\" }}\nc = {{ $n ->\n    [one] ((( \"\n   *[other] {{ F(\"(\") }}\n}}\n",
            "a = { $x } { -t } ( [\n".repeat(200)
        );
        assert_eq!(too_deep(&flat), None);
        // Every real locale file passes.
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/locales")) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|x| x == "ftl") {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                assert_eq!(too_deep(&text), None, "{}", entry.path().display());
            }
        }
    }
}
