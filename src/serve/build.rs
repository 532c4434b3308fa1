//! One build as the preview holds it: the site's files by key, and each finding as
//! open pages and the side-by-side view show it. Both the snapshot (`state`) and the
//! side-by-side view (`side_by_side`) read these; neither reads the other's.

use std::collections::BTreeMap;

use axum::body::Bytes;
use serde::Serialize;

use crate::diag::{Diagnostic, Severity};

/// A successfully built site: file key (`fr/index.html`) to bytes, and its locales
/// (the reference first).
#[derive(Debug, Default)]
pub struct SiteData {
    pub files: BTreeMap<String, Bytes>,
    pub locales: Vec<String>,
    pub pages_per_locale: usize,
}

impl SiteData {
    pub fn from_site(site: crate::render::Site) -> SiteData {
        SiteData {
            files: site
                .files
                .into_iter()
                .map(|(path, bytes)| {
                    let key = path
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    (key, Bytes::from(bytes))
                })
                .collect(),
            locales: site.locales,
            pages_per_locale: site.pages_per_locale,
        }
    }
}

/// A finding as open pages and the side-by-side view see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// `file:line:col`, or the file alone.
    pub position: Option<String>,
    pub help: Option<String>,
    /// The diagnostic as the terminal shows it (rustc style, no colours).
    pub rendered: String,
    /// Just the quoted source with its markers (`rendered` without title and help).
    pub snippet: String,
    /// The locale it concerns, when it concerns one.
    pub locale: Option<String>,
    /// Ids it may concern, most precise first (the message at its location, then ids
    /// quoted in its text); the side-by-side view highlights the first one on a page.
    pub subjects: Vec<String>,
    /// How the reference text changed (a stale translation): the words that stayed,
    /// went and came, and whether the earlier text is known at all.
    pub change: Option<Change>,
}

/// A finding's text change, word by word (see `diag::TextChange`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub before_known: bool,
    pub words: Vec<crate::wdiff::Words>,
}

impl Finding {
    pub fn new(d: &Diagnostic, locales: &[String]) -> Finding {
        let file = d
            .location
            .as_ref()
            .map(|l| l.file.path.to_string_lossy().replace('\\', "/"))
            .or_else(|| {
                d.path
                    .as_ref()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
            });
        let quoted = quoted(&d.message);
        // "message `x` is missing in `de`" sits at the English message but concerns `de`.
        let locale = crate::check::report::locale_of(d, locales);
        let mut subjects = Vec::new();
        if let Some(l) = &d.location
            && l.file.path.extension().is_some_and(|x| x == "ftl")
            && let Some(id) = fluent_entry_at(&l.file.text, l.range.start)
        {
            subjects.push(id.to_owned());
        }
        for q in quoted {
            let id = q.split('.').next().unwrap_or(q);
            let is_locale = locales.iter().any(|l| l == id);
            if !id.is_empty() && !is_locale && !subjects.iter().any(|s| s == id) {
                subjects.push(id.to_owned());
            }
        }
        let rendered = d.render(false);
        Finding {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            },
            code: d.code,
            message: d.message.clone(),
            line: d.location.as_ref().map(|l| l.line),
            column: d.location.as_ref().map(|l| l.col),
            position: d.position(),
            file,
            help: d.help.as_deref().map(str::to_owned),
            snippet: snippet(&rendered),
            rendered,
            locale,
            subjects,
            change: d.change.as_deref().map(|c| Change {
                before_known: c.before.is_some(),
                words: c.words(),
            }),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == "error"
    }
}

/// The source lines of a rendered diagnostic: no title line, no `= help:` line.
fn snippet(rendered: &str) -> String {
    let body: Vec<&str> = rendered
        .lines()
        .skip(1)
        .filter(|l| !l.trim_start().starts_with("= help:"))
        .collect();
    if body.iter().any(|l| l.contains('|')) {
        body.join("\n").trim_end().to_owned()
    } else {
        String::new()
    }
}

/// The `backtick-quoted` parts of a message.
fn quoted(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// The id of the Fluent message or term whose source holds byte `offset`: entries start
/// at column 0 (`id =`), their continuation lines are indented.
fn fluent_entry_at(text: &str, offset: usize) -> Option<&str> {
    let offset = offset.min(text.len());
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    for line in text[..line_end].lines().rev() {
        let Some(first) = line.chars().next() else {
            continue;
        };
        if first.is_whitespace() || first == '#' || first == '[' || first == '*' {
            continue;
        }
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let valid = id
            .trim_start_matches('-')
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        return (valid && !id.is_empty()).then_some(id);
    }
    None
}
