//! Diagnostics: one located, actionable error type shared by every pipeline stage,
//! rendered rustc-style (with a source snippet) for people.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A file the pipeline read, kept so that diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to the user (relative to the project root when possible).
    pub path: PathBuf,
    pub text: Arc<str>,
    /// Byte offsets where each line starts, and how many characters precede each
    /// `CHUNK` of bytes, computed on the first location asked for: a file with
    /// thousands of findings is scanned once, not once per finding (nor once per finding
    /// on its line, for a line of a megabyte).
    lines: Arc<OnceLock<Lines>>,
}

#[derive(Debug, Default)]
struct Lines {
    starts: Vec<usize>,
    /// Characters before byte `i * CHUNK`, for each chunk and the end.
    chars: Vec<usize>,
}

/// Characters in UTF-8 bytes (any range: a continuation byte starts none).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Bytes between two character counts kept: a column is counted over at most this many.
const CHUNK: usize = 256;

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            lines: Arc::default(),
        }
    }

    fn lines(&self) -> &Lines {
        self.lines.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut chars = Vec::with_capacity(bytes.len() / CHUNK + 2);
            let mut before = 0;
            for chunk in bytes.chunks(CHUNK) {
                chars.push(before);
                before += chars_in(chunk);
            }
            chars.push(before);
            Lines {
                starts: std::iter::once(0)
                    .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
                    .collect(),
                chars,
            }
        })
    }

    fn line_starts(&self) -> &[usize] {
        &self.lines().starts
    }

    /// Characters before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        self.lines().chars[chunk] + chars_in(&self.text.as_bytes()[chunk * CHUNK..offset])
    }

    /// 1-based line and column (in characters) of a byte offset on a char boundary.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset);
        let start = starts[line - 1];
        (
            line,
            self.chars_before(offset) - self.chars_before(start) + 1,
        )
    }

    /// The whole lines covering `range` (at most 20 of them) and the first one's number.
    fn window(&self, range: &Range<usize>) -> (Range<usize>, usize) {
        let starts = self.line_starts();
        let first = starts.partition_point(|&s| s <= range.start).max(1);
        let last = starts
            .partition_point(|&s| s <= range.end.saturating_sub(1).max(range.start))
            .clamp(first, first + 19);
        let end = starts.get(last).map_or(self.text.len(), |&s| {
            s.saturating_sub(1).max(starts[first - 1])
        });
        (
            starts[first - 1]..end.max(range.end.min(self.text.len())),
            first,
        )
    }

    /// The location of a byte offset (a char boundary is found) with the length of the
    /// character there, for byte positions given by decoders and scanners.
    pub fn at_byte(&self, offset: usize) -> Location {
        let start = floor_char_boundary(&self.text, offset);
        let end = start + self.text[start..].chars().next().map_or(0, char::len_utf8);
        self.span(start..end)
    }

    /// A location covering `range` (byte offsets, snapped to char boundaries so a
    /// parser offset inside a multibyte character never panics).
    pub fn span(&self, range: Range<usize>) -> Location {
        let start = floor_char_boundary(&self.text, range.start);
        let end = floor_char_boundary(&self.text, range.end.max(start));
        let (line, col) = self.line_col(start);
        Location {
            file: self.clone(),
            range: start..end,
            line,
            col,
        }
    }

    /// A location at 1-based `line` and `col` (columns count characters).
    pub fn at_line_col(&self, line: usize, col: usize) -> Location {
        let starts = self.line_starts();
        let line_start = starts[line.clamp(1, starts.len()) - 1];
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

/// Turns a file's bytes into its text: a leading UTF-8 byte-order mark is dropped (editors
/// on Windows write one; it is not content), invalid UTF-8 is an error at the first bad
/// byte's line and column (`code` names the stage's "unreadable file" code).
pub fn decode(
    shown_as: &Path,
    bytes: Vec<u8>,
    code: &'static str,
) -> Result<SourceFile, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    // Validated with SIMD first (every input file passes here), then copied: cheaper
    // than the standard library's validation on text that is not all ASCII.
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(SourceFile::new(shown_as, text.to_owned()));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(shown_as, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bad = e.as_bytes()[at];
            // Shown with the bad bytes replaced, so the snippet and columns stay readable.
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = SourceFile::new(shown_as, text);
            let location = file.at_byte(String::from_utf8_lossy(&e.as_bytes()[..at]).len());
            Err(Diagnostic::error(
                code,
                format!("{} is not valid UTF-8: byte 0x{bad:02X} at byte offset {at}", shown_as.display()),
            )
            .at(location, "not UTF-8")
            .help("save the file as UTF-8 (retype the character shown here, it was probably written in another encoding)"))
        }
    }
}

/// The byte offset and value of the first control character other than tab, line feed
/// and carriage return (NUL included): invisible in editors, dropped or mangled in pages.
pub fn first_control(text: &str) -> Option<(usize, char)> {
    let is_control = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
            || matches!(c, '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
    };
    // Every file is scanned, so bytes first: a character is decoded only at a byte that
    // can start one of these (an ASCII control; 0xC2 leads U+0080–U+009F, 0xEF leads
    // U+FEFF–U+FFFF). Neither lead byte is ever a continuation byte.
    // As comparisons, for the block test of `scan::first_byte`.
    let candidate = |b: u8| {
        (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')
            | (b == 0x7F)
            | (b == 0xC2)
            | (b == 0xEF)
    };
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(n) = crate::scan::first_byte(&bytes[from..], candidate) {
        let at = from + n;
        let c = text[at..].chars().next()?;
        if is_control(c) {
            return Some((at, c));
        }
        from = at + 1;
    }
    None
}

/// An error at the first control character of `file`, if it has one.
pub fn control_character(file: &SourceFile, code: &'static str) -> Option<Diagnostic> {
    let (at, c) = first_control(&file.text)?;
    let name = match c {
        '\0' => "the control character NUL (U+0000)".to_owned(),
        '\u{FEFF}' => "a byte-order mark (U+FEFF) inside the text".to_owned(),
        c => format!("the control character U+{:04X}", c as u32),
    };
    Some(
        Diagnostic::error(code, format!("{name} in {}", file.path.display()))
            .at(file.at_byte(at), "invisible control character")
            .help("delete it: only tabs and line breaks may appear as control characters (a NUL or similar usually comes from a copy-paste or a binary editor)"),
    )
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
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
    /// What the reader should know (an assumption made): never fails a check, even
    /// `--strict`.
    Note,
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
    /// How the text a finding is about changed (a stale translation's reference text).
    pub change: Option<Box<TextChange>>,
}

/// A text as it was and as it is: the reference text a stale translation was written or
/// confirmed against, and the current one. `before` is `None` when nothing recorded it
/// (no git history and a confirmation kept no text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    pub before: Option<String>,
    pub after: String,
}

impl TextChange {
    /// The two texts as runs of same, removed and added words (`before` missing: all
    /// of `after` is new).
    pub fn words(&self) -> Vec<crate::wdiff::Words> {
        crate::wdiff::words(self.before.as_deref().unwrap_or_default(), &self.after)
    }

    /// `before` with the words that went marked `[-…-]`; `None` when not recorded.
    pub fn before_marked(&self) -> Option<String> {
        self.before.as_ref().map(|_| self.side("removed"))
    }

    /// `after` with the words that came marked `{+…+}`.
    pub fn after_marked(&self) -> String {
        self.side("added")
    }

    /// One side of the word diff: the words that stayed and those of `kind`, marked.
    fn side(&self, kind: &str) -> String {
        let kept: Vec<crate::wdiff::Words> = self
            .words()
            .into_iter()
            .filter(|w| w.change == "same" || w.change == kind)
            .collect();
        crate::wdiff::marked(&kept)
    }
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
            change: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
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

    /// Says how the text the finding is about changed (see `TextChange`).
    pub fn changed(mut self, before: Option<String>, after: String) -> Self {
        self.change = Some(Box::new(TextChange { before, after }));
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
            Severity::Note => Level::NOTE,
        };
        let title = level.primary_title(self.message.as_str()).id(self.code);
        let mut group = match &self.location {
            Some(loc) => {
                // Only the lines the span covers are handed over: rendering is then
                // proportional to them, not to the file (thousands of findings in a
                // large file would otherwise each scan all of it).
                let (window, line_start) = loc.file.window(&loc.range);
                let span = loc.range.start - window.start..loc.range.end - window.start;
                Group::with_title(title).element(
                    Snippet::source(&loc.file.text[window])
                        .line_start(line_start)
                        .path(loc.file.path.to_string_lossy().into_owned())
                        .annotation(
                            AnnotationKind::Primary
                                .span(span)
                                .label(self.label.as_str()),
                        ),
                )
            }
            None => {
                let group = Group::with_title(title);
                match &self.path {
                    Some(p) => group.element(Level::NOTE.message(format!("in {}", p.display()))),
                    None => group,
                }
            }
        };
        if let Some(change) = &self.change {
            let then = change.before_marked().unwrap_or_else(|| {
                "not recorded (no git history, and the confirmation kept no text)".to_owned()
            });
            group = group.element(Level::NOTE.message(format!("then: {then}")));
            let now = format!("now:  {}", change.after_marked());
            group = group.element(Level::NOTE.message(now));
        }
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
    fn columns_count_characters_on_long_lines() {
        // Multibyte characters on both sides of several chunk boundaries, a line of its own.
        let line = "é".repeat(300) + "x" + &"ab".repeat(200) + "€y";
        let text = format!("first\n{line}\nlast");
        let file = SourceFile::new("p", text.as_str());
        for needle in ["x", "€", "y", "last"] {
            let offset = text.find(needle).unwrap();
            let start = text[..offset].rfind('\n').unwrap() + 1;
            let want = text[start..offset].chars().count() + 1;
            assert_eq!(file.span(offset..offset + 1).col, want, "{needle}");
        }
        assert_eq!(file.span(text.len()..text.len()).col, 5);
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

    #[test]
    fn control_characters_are_found_at_their_byte_among_multibyte_text() {
        let plain = |text: &str| {
            text.char_indices().find(|&(_, c)| {
                (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
                    || matches!(c, '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
            })
        };
        for text in [
            "« droits » 28\u{a0}septembre\t\r\n\u{85}ok",
            "ﬁn ﬂ \u{FFFD} é\u{0}",
            "é\u{9F}x",
            "texte\u{FEFF}",
            "\u{7F}",
            "\u{FFFF}",
            "no control here: « » \u{a0} \u{202f} ﬁ",
        ] {
            assert_eq!(first_control(text), plain(text), "{text:?}");
        }
    }
}
