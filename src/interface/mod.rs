//! The product's own interface strings: the string catalogs a product ships (Fluent,
//! JSON as i18next and FormatJS write it, gettext `.po`, XLIFF 1.2 and 2.x, Android
//! `strings.xml`, Apple `.xcstrings`), read as untrusted input into key → text, so a
//! policy's `{ ui: key }` label shows each locale the product's own words.
//!
//! A catalog is read only when the policy names it; its path must stay inside the
//! project (no `..`, no absolute path, no symbolic link leading out), it must be a
//! regular file of at most `MAX_CATALOG_BYTES`, and a file that does not parse is an
//! error at its line and column. The format readers are in `formats`.

mod formats;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Component, Path};

use crate::diag::{self, Diagnostic, Location, SourceFile};

/// Largest catalog file read (bytes): a product's strings for one locale are far smaller.
pub const MAX_CATALOG_BYTES: u64 = 8 << 20;

/// A catalog format, from the file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Fluent,
    Json,
    Po,
    Xliff,
    Android,
    XcStrings,
}

impl Format {
    /// The format a path's extension names, if any.
    pub fn of(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "ftl" => Format::Fluent,
            "json" => Format::Json,
            "po" => Format::Po,
            "xlf" | "xliff" => Format::Xliff,
            "xml" => Format::Android,
            "xcstrings" => Format::XcStrings,
            _ => return None,
        })
    }

    /// How the docs and messages name it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Fluent => "Fluent (.ftl)",
            Format::Json => "JSON (.json)",
            Format::Po => "gettext (.po)",
            Format::Xliff => "XLIFF (.xlf, .xliff)",
            Format::Android => "Android resources (.xml)",
            Format::XcStrings => "Apple string catalog (.xcstrings)",
        }
    }
}

/// Every format, for help texts.
pub const FORMATS: &str = ".ftl (Fluent), .json (flat or nested, i18next / FormatJS), .po (gettext), .xlf or .xliff (XLIFF 1.2 and 2.x), .xml (Android strings.xml), .xcstrings (Apple string catalog)";

/// One string of a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The text the product shows.
    pub text: String,
    /// A placeholder or variant the text holds that the catalog's own format marks as
    /// such (a Fluent placeable, an XLIFF `<x/>`, plural variants); plain-text
    /// placeholders (`{count}`, `%s`) are found by `placeholder`.
    pub marked: Option<String>,
}

impl Entry {
    fn text(text: impl Into<String>) -> Entry {
        Entry {
            text: text.into(),
            marked: None,
        }
    }

    /// The placeholder this string holds, if any: the product fills it in at run time,
    /// so the string is not the text a reader sees.
    pub fn placeholder(&self) -> Option<String> {
        self.marked
            .clone()
            .or_else(|| placeholder(&self.text).map(str::to_owned))
    }
}

/// A catalog read: its file (for locations) and its strings by key.
#[derive(Debug, Clone)]
pub struct Strings {
    pub file: SourceFile,
    pub entries: BTreeMap<String, Entry>,
}

/// Why a catalog could not be read: about the path (located at it in the policy), or
/// about the file's content (located in the file).
#[derive(Debug)]
pub enum Failure {
    /// The path itself is refused or unreadable: what is wrong, and how to fix it.
    Path { why: String, help: String },
    /// The file does not parse (or is not UTF-8): a diagnostic located in it.
    Content(Box<Diagnostic>),
}

/// Reads the catalog at `relative` (from the project's `root`) for `language`: the
/// locale's tag, or the language a multi-language file (`.xcstrings`, XLIFF) is read in.
pub fn read(root: &Path, relative: &str, language: &str) -> Result<Strings, Failure> {
    let format = Format::of(relative).ok_or_else(|| Failure::Path {
        why: format!("`{relative}` is not a catalog format policyglot reads"),
        help: format!("name a catalog file by its extension: {FORMATS}"),
    })?;
    let path = inside(root, relative)?;
    let mut bytes = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(MAX_CATALOG_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Failure::Path {
            why: format!("cannot read `{relative}`: {e}"),
            help: "check the path (relative to the project folder) and that the file is readable"
                .to_owned(),
        })?;
    if bytes.len() as u64 > MAX_CATALOG_BYTES {
        return Err(Failure::Path {
            why: format!(
                "`{relative}` is larger than {} MiB, the limit for a catalog",
                MAX_CATALOG_BYTES >> 20
            ),
            help: "name the catalog of the product's interface strings, one locale's file"
                .to_owned(),
        });
    }
    let file = diag::decode(Path::new(relative), bytes, "PG0142")
        .map_err(|d| Failure::Content(Box::new(d)))?;
    let entries = formats::parse(format, &file.text, language).map_err(|e| {
        let at = match e.at {
            formats::At::Byte(offset) => file.at_byte(offset),
            formats::At::LineCol(line, col) => file.at_line_col(line, col),
        };
        Failure::Content(Box::new(
            Diagnostic::error(
                "PG0142",
                format!(
                    "the catalog {relative} does not parse as {}: {}",
                    format.name(),
                    e.message
                ),
            )
            .at(at, "here")
            .help(
                "fix the file as the product's own tools would read it, or name the right file in the policy's `interface: catalogs:`",
            ),
        ))
    })?;
    Ok(Strings { file, entries })
}

/// Whether `relative` is written as a path inside a project: not empty, no absolute
/// path or drive, no `..`, no backslash (a separator on Windows only).
pub fn is_project_path(relative: &str) -> bool {
    !relative.is_empty()
        && !relative.contains('\\')
        && Path::new(relative)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// The file `relative` names, if it stays inside `root`: no absolute path or `..`, and
/// no symbolic link whose target leaves the project; a regular file.
pub fn inside(root: &Path, relative: &str) -> Result<std::path::PathBuf, Failure> {
    let outside = |why: String| {
        Failure::Path {
        why,
        help: "keep the product's catalogs inside the project folder (copy them in, e.g. under `interface/`), and name them relative to it".to_owned(),
    }
    };
    let given = Path::new(relative);
    if !is_project_path(relative) {
        return Err(outside(format!(
            "`{relative}` is not a path inside the project (a catalog is named relative to the project folder, without `..`)"
        )));
    }
    let path = root.join(given);
    let unreadable = |e: std::io::Error| {
        Failure::Path {
        why: format!("cannot read `{relative}`: {e}"),
        help: "check the path: catalogs are named relative to the project folder (the one holding policy/)".to_owned(),
    }
    };
    let real = path.canonicalize().map_err(unreadable)?;
    let real_root = root.canonicalize().map_err(unreadable)?;
    if !real.starts_with(&real_root) {
        return Err(outside(format!(
            "`{relative}` leads outside the project (a symbolic link to {})",
            real.display()
        )));
    }
    let meta = std::fs::metadata(&real).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Failure::Path {
            why: format!("`{relative}` is not a regular file"),
            help: "name a catalog file, not a folder or a device".to_owned(),
        });
    }
    Ok(real)
}

/// The first placeholder in `text` a product fills in at run time: `{name}`, `{0}`,
/// ICU `{count, plural, …}`, i18next `{{name}}`, printf `%s`, `%d`, `%1$@`, `%(name)s`.
/// `%%` and a brace not followed by a name are plain text.
pub fn placeholder(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                let inner = if bytes.get(i + 1) == Some(&b'{') {
                    i + 2
                } else {
                    i + 1
                };
                let name_end = bytes[inner..]
                    .iter()
                    .position(|b| {
                        !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.' || *b == b'-')
                    })
                    .map_or(bytes.len(), |n| inner + n);
                if name_end > inner
                    && let Some(close) = bytes[name_end..].iter().position(|b| *b == b'}')
                {
                    let end = name_end + close + 1;
                    let end = if bytes.get(end) == Some(&b'}') {
                        end + 1
                    } else {
                        end
                    };
                    return Some(&text[i..end]);
                }
            }
            b'%' => {
                if bytes.get(i + 1) == Some(&b'%') {
                    i += 2;
                    continue;
                }
                if let Some(end) = printf_end(bytes, i + 1) {
                    return Some(&text[i..end]);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The end of a printf conversion starting after its `%`: `(name)`, an argument
/// position `1$`, flags, width, precision, length, then the conversion character.
fn printf_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    if bytes.get(i) == Some(&b'(') {
        i += bytes[i..].iter().position(|b| *b == b')')? + 1;
    } else {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && bytes.get(i + digits) == Some(&b'$') {
            i += digits + 1;
        }
    }
    i += bytes[i..]
        .iter()
        .take_while(|b| b"-+#0123456789.".contains(b))
        .count();
    i += bytes[i..]
        .iter()
        .take_while(|b| b"hlqLjzt".contains(b))
        .count();
    bytes
        .get(i)
        .filter(|b| b"diouxXeEfFgGcspaA@".contains(b))
        .map(|_| i + 1)
}

/// Where `needle` first occurs in `file` as a whole token after byte `from` (the path
/// or key a finding is about), else the file's start.
pub fn locate(file: &SourceFile, needle: &str, from: usize) -> Location {
    let text = &*file.text;
    let token = |i: usize| {
        let before = text[..i].chars().next_back();
        let after = text[i + needle.len()..].chars().next();
        let word = |c: char| c.is_alphanumeric() || "-_./".contains(c);
        !before.is_some_and(word) && !after.is_some_and(word)
    };
    let found = |start: usize| {
        text.get(start..)?
            .match_indices(needle)
            .map(|(i, _)| start + i)
            .find(|&i| token(i))
    };
    match (!needle.is_empty())
        .then(|| found(from).or_else(|| found(0)))
        .flatten()
    {
        Some(i) => file.span(i..i + needle.len()),
        None => file.span(0..0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_of_every_convention_are_found_and_plain_text_is_not() {
        for (text, found) in [
            ("{count} files", Some("{count}")),
            ("Hello {{name}}!", Some("{{name}}")),
            ("Delete %s?", Some("%s")),
            ("%1$@ shared %2$@", Some("%1$@")),
            ("%d items", Some("%d")),
            ("%(user)s left", Some("%(user)s")),
            (
                "{n, plural, one {# file} other {# files}}",
                Some("{n, plural, one {# file}"),
            ),
            ("100% private", None),
            ("50%% off", None),
            ("Settings › Privacy", None),
            ("a { b", None),
            ("Help improve Claude", None),
        ] {
            assert_eq!(placeholder(text), found, "{text}");
        }
    }

    #[test]
    fn a_path_must_stay_inside_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        std::fs::create_dir_all(root.join("ui")).unwrap();
        std::fs::write(dir.path().join("secret.json"), "{}").unwrap();
        std::fs::write(root.join("ui/en.json"), r#"{"a": "b"}"#).unwrap();
        assert!(read(&root, "ui/en.json", "en").is_ok());
        for bad in [
            "../secret.json",
            "/etc/passwd.json",
            "ui/../../secret.json",
            "",
        ] {
            let Err(Failure::Path { why, .. }) = read(&root, bad, "en") else {
                panic!("{bad} was read");
            };
            assert!(
                why.contains("not a path inside") || why.contains("not a catalog format"),
                "{why}"
            );
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.json"), root.join("ui/fr.json"))
                .unwrap();
            let Err(Failure::Path { why, .. }) = read(&root, "ui/fr.json", "fr") else {
                panic!("the link was followed");
            };
            assert!(why.contains("leads outside the project"), "{why}");
        }
        std::fs::create_dir_all(root.join("ui/dir.json")).unwrap();
        let Err(Failure::Path { why, .. }) = read(&root, "ui/dir.json", "en") else {
            panic!("a folder was read");
        };
        assert!(why.contains("not a regular file"), "{why}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_without_reading_it_whole() {
        let dir = tempfile::tempdir().unwrap();
        let big = std::fs::File::create(dir.path().join("big.json")).unwrap();
        big.set_len(MAX_CATALOG_BYTES + 10).unwrap();
        let Err(Failure::Path { why, .. }) = read(dir.path(), "big.json", "en") else {
            panic!("read");
        };
        assert!(why.contains("larger than 8 MiB"), "{why}");
    }

    #[test]
    fn a_broken_file_is_an_error_at_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("en.json"),
            "{\n  \"a\": \"b\",\n  \"c\" \"d\"\n}\n",
        )
        .unwrap();
        let Err(Failure::Content(d)) = read(dir.path(), "en.json", "en") else {
            panic!("parsed");
        };
        assert_eq!(d.code, "PG0142");
        assert_eq!(
            d.position().as_deref(),
            Some("en.json:3:7"),
            "{}",
            d.message
        );
        assert!(
            d.message.contains("does not parse as JSON"),
            "{}",
            d.message
        );
    }
}
