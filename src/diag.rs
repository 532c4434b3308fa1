//! Diagnostics: one located, actionable error type shared by every pipeline stage,
//! rendered rustc-style (with a source snippet) for people.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A file the pipeline read, kept so that diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to the user (relative to the project root when possible).
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// A location covering `range` (byte offsets, snapped to char boundaries so a
    /// parser offset inside a multibyte character never panics).
    pub fn span(&self, range: Range<usize>) -> Location {
        let start = floor_char_boundary(&self.text, range.start);
        let end = floor_char_boundary(&self.text, range.end.max(start));
        let (line, col) = line_col(&self.text, start);
        Location {
            file: self.clone(),
            range: start..end,
            line,
            col,
        }
    }

    /// A location at 1-based `line` and `col` (columns count characters).
    pub fn at_line_col(&self, line: usize, col: usize) -> Location {
        let line_start: usize = self
            .text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let line_text = self.text[line_start..].lines().next().unwrap_or("");
        let offset = line_start
            + line_text
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i);
        let end = offset + self.text[offset..].chars().next().map_or(0, char::len_utf8);
        self.span(offset..end)
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Where a diagnostic points: a file, a byte range in it, and the 1-based line:col.
#[derive(Debug, Clone)]
pub struct Location {
    pub file: SourceFile,
    pub range: Range<usize>,
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One finding: what is wrong, where, and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code (`PG0101`...), documented in README.md.
    pub code: &'static str,
    pub message: String,
    pub location: Option<Box<Location>>,
    /// Short text under the caret.
    pub label: String,
    /// How to fix it.
    pub help: Option<Box<str>>,
    /// A plain path when there is no source to quote (a missing file, a folder).
    pub path: Option<Box<Path>>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            label: String::new(),
            help: None,
            path: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, location: Location, label: impl Into<String>) -> Self {
        self.location = Some(Box::new(location));
        self.label = label.into();
        self
    }

    pub fn in_path(mut self, path: impl AsRef<Path>) -> Self {
        self.path = Some(path.as_ref().into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    /// `file:line:col` (or just the path) for one-line summaries and tests.
    pub fn position(&self) -> Option<String> {
        match (&self.location, &self.path) {
            (Some(l), _) => Some(format!("{}:{}:{}", l.file.path.display(), l.line, l.col)),
            (None, Some(p)) => Some(p.display().to_string()),
            (None, None) => None,
        }
    }

    /// rustc-style text, with colours when `styled`.
    pub fn render(&self, styled: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str()).id(self.code);
        let mut group = match &self.location {
            Some(loc) => Group::with_title(title).element(
                Snippet::source(&*loc.file.text)
                    .path(loc.file.path.to_string_lossy().into_owned())
                    .annotation(
                        AnnotationKind::Primary
                            .span(loc.range.clone())
                            .label(self.label.as_str()),
                    ),
            ),
            None => {
                let group = Group::with_title(title);
                match &self.path {
                    Some(p) => group.element(Level::NOTE.message(format!("in {}", p.display()))),
                    None => group,
                }
            }
        };
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(&**help));
        }
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group])
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// The result of a stage that can report several problems at once.
pub type Diagnostics = Vec<Diagnostic>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_inside_a_multibyte_character_snap_back() {
        let file = SourceFile::new("x.ftl", "a = é\nb = {");
        // byte 5 is inside "é" (bytes 4..6)
        let loc = file.span(5..6);
        assert_eq!((loc.line, loc.col), (1, 5));
        let loc = file.span(11..11);
        assert_eq!((loc.line, loc.col), (2, 5));
    }

    #[test]
    fn line_col_round_trips() {
        let file = SourceFile::new("p.yaml", "a: 1\nbé: 2\n");
        let loc = file.at_line_col(2, 3);
        assert_eq!((loc.line, loc.col), (2, 3));
        assert_eq!(&file.text[loc.range.clone()], ":");
    }

    #[test]
    fn renders_file_line_col_and_help() {
        let file = SourceFile::new("policy/policy.yaml", "id: x\nid: x\n");
        let d = Diagnostic::error("PG0001", "duplicate id `x`")
            .at(file.span(10..11), "second definition")
            .help("rename one of them");
        let text = d.render(false);
        assert!(text.contains("error[PG0001]: duplicate id `x`"), "{text}");
        assert!(text.contains("policy/policy.yaml:2:5"), "{text}");
        assert!(text.contains("help: rename one of them"), "{text}");
    }
}
