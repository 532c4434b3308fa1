//! Reading `policy.yaml` into the typed model, turning serde_yaml's errors into
//! located diagnostics. Before serde_yaml sees the text, it is measured against the
//! limits below with a streaming parser (no tree is built), so a hostile file (aliases
//! that expand a billion times, thousands of nesting levels) is rejected at the line
//! that crosses a limit instead of exhausting time or memory.

use std::path::Path;

use saphyr_parser::{Event, Parser};

use crate::diag::{self, Diagnostic, SourceFile};
use crate::policy::model::Policy;

/// Largest policy file read (bytes).
pub const MAX_POLICY_BYTES: usize = 4 << 20;
/// Deepest nesting of mappings and sequences.
pub const MAX_DEPTH: usize = 64;
/// Most nodes (scalars, mappings, sequences) the document may hold once every alias is
/// expanded: serde_yaml builds each copy, so this bounds the work an alias can multiply.
pub const MAX_EXPANDED_NODES: u64 = 1_000_000;
/// Most bytes of scalar text once every alias is expanded.
pub const MAX_EXPANDED_BYTES: u64 = 32 << 20;
/// Longest single value (bytes): names, labels and URLs are short.
pub const MAX_VALUE_BYTES: usize = 64 << 10;

/// Parses the policy file. Syntax errors, type errors and unknown fields come back as
/// one diagnostic pointing at the offending line and column.
pub fn load(path: &Path, shown_as: &Path) -> Result<(Policy, SourceFile), Diagnostic> {
    let file = read(path, shown_as)?;
    match parse(&file) {
        Ok(policy) => Ok((policy, file)),
        Err(d) => Err(d),
    }
}

/// Reads the policy file's text.
pub fn read(path: &Path, shown_as: &Path) -> Result<SourceFile, Diagnostic> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::error("PG0100", format!("cannot read the policy file: {e}"))
            .in_path(shown_as)
            .help("run policyglot from the project root, or pass --root; the policy lives in policy/policy.yaml")
    };
    let boundary = crate::inputs::Boundary::of(path, shown_as);
    let bytes = match boundary.read(path, MAX_POLICY_BYTES as u64) {
        Ok(bytes) => bytes,
        Err(crate::inputs::Refusal::TooLarge(_)) => return Err(too_large(shown_as)),
        Err(crate::inputs::Refusal::Io(e)) => return Err(unreadable(e)),
        Err(refusal) => {
            return Err(Diagnostic::error(
                "PG0100",
                format!("cannot read the policy file: {refusal}"),
            )
            .in_path(shown_as)
            .help(refusal.help()));
        }
    };
    diag::decode(shown_as, bytes, "PG0101")
}

fn too_large(shown_as: &Path) -> Diagnostic {
    Diagnostic::error(
        "PG0100",
        format!(
            "the policy file is larger than {} MiB, the limit",
            MAX_POLICY_BYTES >> 20
        ),
    )
    .in_path(shown_as)
    .help("a policy holds facts, not texts: move long texts to the locales, or split what is not policy out of the file")
}

/// Parses policy text that is already in memory (used by `load` and by tests).
pub fn parse(file: &SourceFile) -> Result<Policy, Diagnostic> {
    if file.text.len() > MAX_POLICY_BYTES {
        return Err(too_large(&file.path));
    }
    if let Some(d) = diag::control_character(file, "PG0101") {
        return Err(d);
    }
    measure(file)?;
    let mut policy: Policy = serde_yaml::from_str(&file.text).map_err(|e| yaml_error(file, &e))?;
    policy.fingerprint = crate::memo::fingerprint(&file.text);
    Ok(policy)
}

/// Streams the YAML events once, checking depth, tags, value length and the size of
/// the document with aliases expanded. Syntax errors are left to serde_yaml, whose
/// messages carry the field path.
fn measure(file: &SourceFile) -> Result<(), Diagnostic> {
    let limit = |span: &saphyr_parser::Span, message: String, help: &str| {
        Diagnostic::error("PG0101", format!("invalid policy: {message}"))
            .at(
                file.at_line_col(span.start.line(), span.start.col() + 1),
                "here",
            )
            .help(help.to_owned())
    };
    let mut size = Size::default();
    let mut keys = Keys::default();
    for event in Parser::new_from_str(&file.text) {
        let (event, span) = match event {
            Ok(event) => event,
            Err(e) if e.info().contains("recursion limit") => {
                let at = e.marker();
                return Err(too_deep(file.at_line_col(at.line(), at.col() + 1)));
            }
            Err(e) => {
                // serde_yaml's errors carry the field path: leave the rest to it (it
                // was measured up to here). When an alias follows, which could expand
                // unmeasured, its error is shown only if it finds one, and the text is
                // refused at this parser's error otherwise.
                let at = e.marker();
                let offset = file
                    .text
                    .char_indices()
                    .nth(at.index())
                    .map_or(file.text.len(), |(i, _)| i);
                if has_alias(&file.text[offset..]) {
                    if let Err(e) = serde_yaml::from_str::<Policy>(&file.text) {
                        return Err(yaml_error(file, &e));
                    }
                    return Err(Diagnostic::error(
                        "PG0101",
                        format!("invalid policy: {}", e.info()),
                    )
                    .at(file.at_line_col(at.line(), at.col() + 1), "here")
                    .help("fix the YAML syntax at this position"));
                }
                return Ok(());
            }
        };
        let tag = match &event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, tag)
            | Event::MappingStart(_, tag) => tag.as_ref(),
            _ => None,
        };
        if let Some(tag) = tag {
            return Err(limit(
                &span,
                format!("YAML tag `{}{}`", tag.handle, tag.suffix),
                "remove the tag: policy.yaml uses plain values only, and a tag would be ignored",
            ));
        }
        if let Some(d) = keys.see(&event, &span, file) {
            return Err(d);
        }
        let (total_nodes, total_bytes) = match event {
            Event::Scalar(value, _, anchor, _) => {
                if value.len() > MAX_VALUE_BYTES {
                    return Err(limit(
                        &span,
                        format!(
                            "a value of {} bytes (the limit is {} KiB)",
                            value.len(),
                            MAX_VALUE_BYTES >> 10
                        ),
                        "shorten the value: sentences live in the locales, the policy holds names, dates and numbers",
                    ));
                }
                size.record(anchor, (1, value.len() as u64));
                size.add(1, value.len() as u64)
            }
            Event::Alias(id) => {
                let (n, b) = size.anchors.get(&id).copied().unwrap_or((1, 0));
                size.add(n, b)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if size.open.len() >= MAX_DEPTH {
                    return Err(too_deep(
                        file.at_line_col(span.start.line(), span.start.col() + 1),
                    ));
                }
                let total = size.add(1, 0);
                size.open.push((anchor, 1, 0));
                total
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, n, b)) = size.open.pop() {
                    size.record(anchor, (n, b));
                    // The collection's own node was counted in its parent when it opened.
                    if let Some(top) = size.open.last_mut() {
                        top.1 += n - 1;
                        top.2 += b;
                    }
                }
                (size.nodes, size.bytes)
            }
            _ => (size.nodes, size.bytes),
        };
        if total_nodes > MAX_EXPANDED_NODES || total_bytes > MAX_EXPANDED_BYTES {
            return Err(limit(
                &span,
                format!(
                    "with its aliases expanded, the document would exceed {MAX_EXPANDED_NODES} values or {} MiB of text",
                    MAX_EXPANDED_BYTES >> 20
                ),
                "use fewer aliases (`*name`), or anchor smaller parts: each alias repeats everything its anchor holds",
            ));
        }
    }
    Ok(())
}

/// Whether `text` may hold an alias (`*name` after a space, `[`, `{` or `,`): a
/// conservative guess, used only past a point where the measuring parser gave up.
fn has_alias(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'*', bytes).any(|i| {
        let before = i.checked_sub(1).map_or(b' ', |j| bytes[j]);
        let after = bytes.get(i + 1).copied().unwrap_or(b' ');
        matches!(before, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',') && !after.is_ascii_whitespace()
    })
}

fn too_deep(at: crate::diag::Location) -> Diagnostic {
    Diagnostic::error(
        "PG0101",
        format!("invalid policy: more than {MAX_DEPTH} levels of nesting"),
    )
    .at(at, "too deep")
    .help("flatten the structure: the policy's schema is a few levels deep")
}

/// The keys of each mapping open as `measure` streams the document, to find a key
/// written twice in one mapping where it is (serde_yaml reports a duplicate at the
/// mapping, and names the field only as a word to search for).
#[derive(Default)]
struct Keys<'a> {
    /// Per open collection: for a mapping, whether the next node is a key, and the plain
    /// keys so far with the location of each (borrowed from the text where the parser
    /// could); `None` for a sequence.
    open: Vec<Option<(bool, KeysSeen<'a>)>>,
}

/// The keys of one mapping and where each is (line, column): a list while it is short
/// (most mappings have a few keys, and comparing them costs less than hashing), a hash
/// map once it is long, so a mapping of many keys is not compared key by key.
#[derive(Default)]
struct KeysSeen<'a> {
    few: Vec<(std::borrow::Cow<'a, str>, (usize, usize))>,
    many: std::collections::HashMap<std::borrow::Cow<'a, str>, (usize, usize)>,
}

impl<'a> KeysSeen<'a> {
    const FEW: usize = 16;

    /// Where `key` was seen first, or records it at `at`.
    // A `Cow`, not a `&str`: a key borrowed from the text is kept without a copy.
    #[allow(clippy::ptr_arg)]
    fn seen_or_add(
        &mut self,
        key: &std::borrow::Cow<'a, str>,
        at: (usize, usize),
    ) -> Option<(usize, usize)> {
        if self.few.len() < Self::FEW {
            if let Some((_, first)) = self.few.iter().find(|(k, _)| k == key) {
                return Some(*first);
            }
            self.few.push((key.clone(), at));
            if self.few.len() == Self::FEW {
                self.many.extend(self.few.iter().cloned());
            }
            return None;
        }
        match self.many.get(key) {
            Some(first) => Some(*first),
            None => {
                self.many.insert(key.clone(), at);
                None
            }
        }
    }
}

impl<'a> Keys<'a> {
    /// Takes one event; a scalar key already in its mapping is an error at it.
    fn see(
        &mut self,
        event: &Event<'a>,
        span: &saphyr_parser::Span,
        file: &SourceFile,
    ) -> Option<Diagnostic> {
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(_)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        // Whether this node is a key of the mapping around it (and flip to its value).
        let as_key = match self.open.last_mut() {
            Some(Some((expect_key, _))) if is_node => {
                let key = *expect_key;
                *expect_key = !key;
                key
            }
            _ => false,
        };
        let mut duplicate = None;
        if let (true, Event::Scalar(value, ..)) = (as_key, event) {
            let at = (span.start.line(), span.start.col() + 1);
            if let Some(Some((_, seen))) = self.open.last_mut()
                && let Some(first) = seen.seen_or_add(value, at)
            {
                duplicate = Some((value.as_ref(), first, at));
            }
        }
        match event {
            Event::MappingStart(..) => self.open.push(Some((true, Default::default()))),
            Event::SequenceStart(..) => self.open.push(None),
            Event::MappingEnd | Event::SequenceEnd => {
                self.open.pop();
            }
            _ => {}
        }
        let (key, (first_line, first_col), (line, col)) = duplicate?;
        Some(
            Diagnostic::error(
                "PG0101",
                format!("invalid policy: the key `{key}` appears twice in one mapping (first at line {first_line}, column {first_col})"),
            )
            .at(key_at(file, key, line, col), "written again here")
            .help(format!(
                "a mapping holds each key once, and the second `{key}` would replace the first: merge the two (keep everything under one `{key}:`), or rename one if it belongs elsewhere"
            )),
        )
    }
}

/// The location of a key at `line`:`col`: the key itself when written plain, else its
/// first character (a quote).
fn key_at(file: &SourceFile, key: &str, line: usize, col: usize) -> crate::diag::Location {
    let start = file.at_line_col(line, col).range.start;
    match file.text[start..].starts_with(key) && !key.is_empty() {
        true => file.span(start..start + key.len()),
        false => file.at_line_col(line, col),
    }
}

/// The document's size as `measure` streams it: nodes and scalar bytes, with aliases
/// counted as everything their anchor holds.
#[derive(Default)]
struct Size {
    nodes: u64,
    bytes: u64,
    /// Expanded (nodes, bytes) of each anchored node, by anchor id.
    anchors: std::collections::HashMap<usize, (u64, u64)>,
    /// Open collections: anchor id and expanded (nodes, bytes) so far.
    open: Vec<(usize, u64, u64)>,
}

impl Size {
    fn add(&mut self, nodes: u64, bytes: u64) -> (u64, u64) {
        self.nodes = self.nodes.saturating_add(nodes);
        self.bytes = self.bytes.saturating_add(bytes);
        if let Some(top) = self.open.last_mut() {
            top.1 = top.1.saturating_add(nodes);
            top.2 = top.2.saturating_add(bytes);
        }
        (self.nodes, self.bytes)
    }

    fn record(&mut self, anchor: usize, size: (u64, u64)) {
        if anchor > 0 {
            self.anchors.insert(anchor, size);
        }
    }
}

fn yaml_error(file: &SourceFile, e: &serde_yaml::Error) -> Diagnostic {
    let full = e.to_string();
    // serde_yaml appends " at line L column C"; we show the position ourselves.
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m)
        .to_owned();
    let help = if message.contains("unknown field") {
        "remove or rename the field; the expected fields are listed above (`policyglot schema` will print them all)"
    } else if message.contains("unknown variant") {
        "use one of the values listed above"
    } else if message.contains("missing field") {
        "add the field to this mapping"
    } else if message.contains("invalid type") {
        "change the value to the expected type"
    } else if message.contains("invalid date")
        || message.contains("invalid id")
        || message.contains("invalid month")
        || message.contains("window")
    {
        "fix the value as described"
    } else {
        "fix the YAML syntax at this position (indentation, a missing `:` or an unclosed quote are the usual causes)"
    };
    let d = Diagnostic::error("PG0101", format!("invalid policy: {message}")).help(help);
    // Errors raised by our own value types (dates, ids) quote the offending value, and
    // serde_yaml gives them no position or only the enclosing mapping's: point at the value.
    let quoted = message.split('`').nth(1).filter(|v| !v.is_empty());
    let line_start = |line: usize| -> usize {
        file.text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum()
    };
    let search_from = e.location().map_or(0, |loc| line_start(loc.line()));
    let value = quoted.and_then(|v| {
        file.text[search_from..]
            .find(v)
            .map(|at| search_from + at..search_from + at + v.len())
    });
    match (value, e.location()) {
        (Some(range), _) => d.at(file.span(range), "here"),
        (None, Some(loc)) => d.at(file.at_line_col(loc.line(), loc.column()), "here"),
        (None, None) => d.in_path(&file.path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> Diagnostic {
        parse(&SourceFile::new("policy.yaml", text)).unwrap_err()
    }

    #[test]
    fn syntax_error_is_located() {
        let d = err("organization: {id: org\nproduct: [");
        assert!(d.location.is_some(), "{d}");
        assert!(d.message.starts_with("invalid policy"), "{d}");
    }

    #[test]
    fn invalid_values_are_located_too() {
        let d = err("entities:\n  - id: Org\n    name: X\n");
        assert!(d.message.contains("invalid id `Org`"), "{d}");
        assert_eq!(
            d.location.as_ref().map(|l| (l.line, l.col)),
            Some((2, 9)),
            "{d}"
        );
    }

    #[test]
    fn unknown_field_is_named_and_located() {
        let d = err("entities:\n  - id: org\n    name: X\n    colour: red\n");
        assert!(d.message.contains("unknown field `colour`"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, 4, "{d}");
    }

    /// A billion-laughs document: each level repeats the previous one ten times.
    pub(crate) fn alias_bomb(levels: usize) -> String {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..levels {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        text
    }

    #[test]
    fn alias_expansion_is_bounded_and_located() {
        let start = std::time::Instant::now();
        let d = err(&alias_bomb(9));
        assert!(d.message.contains("aliases expanded"), "{d}");
        // 10^6 values are crossed on the line of the sixth level (a5).
        assert_eq!(d.location.as_ref().unwrap().line, 6, "{d}");
        assert!(start.elapsed().as_secs() < 2, "{:?}", start.elapsed());
    }

    #[test]
    fn a_few_aliases_are_fine() {
        // An anchored section reused by later versions must still be read (and then
        // fail on the schema, not on a limit).
        let d = err(&alias_bomb(3));
        assert!(!d.message.contains("aliases"), "{d}");
    }

    #[test]
    fn deep_nesting_is_located() {
        let text = format!(
            "organization:\n  id: {}{}\n",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let d = err(&text);
        assert!(d.message.contains("levels of nesting"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, 2, "{d}");
        // Block nesting too (each level indented one more).
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
        }
        let d = err(&text);
        assert!(d.message.contains("levels of nesting"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, MAX_DEPTH + 1, "{d}");
    }

    /// A key written twice in one mapping is reported at the second one, whatever
    /// comments, flow mappings or nesting surround it; the same key in two mappings is
    /// no error.
    #[test]
    fn a_duplicate_key_is_located_at_the_duplicate() {
        for (text, line, col, key) in [
            (
                "# pages: in a comment\npages: []\nversions: []\n# pages again\npages: []\n",
                5,
                1,
                "pages",
            ),
            (
                "entities:\n  - id: org\n    # name: here too\n    name: X\n    name: Y\n",
                5,
                5,
                "name",
            ),
            (
                "entities:\n  - {id: org, name: X, name: Y}\n",
                2,
                24,
                "name",
            ),
            (
                "keywords:\n  a: [x]\n  b: [y]\n  # a comment\n  a: [z]\n",
                5,
                3,
                "a",
            ),
            (
                "versions:\n  - id: v\n    values: {n: {number: 1}}\n    values: {}\n",
                4,
                5,
                "values",
            ),
        ] {
            let d = err(text);
            assert!(
                d.message
                    .contains(&format!("the key `{key}` appears twice")),
                "{text:?}: {d}"
            );
            let at = d.location.as_ref().unwrap();
            assert_eq!((at.line, at.col), (line, col), "{text:?}: {d}");
            assert_eq!(&at.file.text[at.range.clone()], key, "{text:?}");
            assert!(d.help.as_deref().unwrap().contains("merge the two"), "{d}");
        }
        // Past the first keys of a long mapping too.
        let mut long = String::from("keywords:\n");
        for i in 0..40 {
            long.push_str(&format!("  k{i}: [x]\n"));
        }
        long.push_str("  k3: [y]\n  k30: [z]\n");
        let d = err(&long);
        assert!(
            d.message
                .contains("the key `k3` appears twice in one mapping (first at line 5,"),
            "{d}"
        );
        assert_eq!(d.location.as_ref().unwrap().line, 42, "{d}");
        // The same key in sibling mappings, or a key equal to a value, is fine (the
        // document then fails on the schema, not as a duplicate).
        let d = err("entities:\n  - {id: a, name: a}\n  - {id: b, name: b}\nname: x\n");
        assert!(!d.message.contains("appears twice"), "{d}");
    }

    #[test]
    fn tags_are_refused_where_they_are() {
        let d = err("organization:\n  id: !secret org\n  name: X\n");
        assert!(d.message.contains("YAML tag `!secret`"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, 2, "{d}");
    }

    #[test]
    fn control_characters_are_located() {
        let d = err("organization:\n  id: org\n  name: Ex\u{0}ample\n");
        assert!(d.message.contains("NUL"), "{d}");
        let loc = d.location.as_ref().unwrap();
        assert_eq!((loc.line, loc.col), (3, 11), "{d}");
    }

    #[test]
    fn long_values_are_refused() {
        let d = err(&format!(
            "organization:\n  id: org\n  name: {}\n",
            "x".repeat(MAX_VALUE_BYTES + 1)
        ));
        assert!(d.message.contains("KiB"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, 3, "{d}");
    }

    #[test]
    fn invalid_utf8_and_bom_on_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("policy.yaml");
        std::fs::write(&path, b"organization:\n  id: org\n  name: caf\xE9\n").unwrap();
        let d = read(&path, Path::new("policy/policy.yaml")).unwrap_err();
        assert!(d.message.contains("not valid UTF-8"), "{d}");
        let loc = d.location.as_ref().unwrap();
        assert_eq!((loc.line, loc.col), (3, 12), "{d}");
        assert!(!d.help.as_deref().unwrap().contains("--root"), "{d}");
        std::fs::write(&path, b"\xEF\xBB\xBForganization: 1\n").unwrap();
        let file = read(&path, Path::new("policy/policy.yaml")).unwrap();
        assert!(file.text.starts_with("organization"));
        std::fs::write(&path, vec![b'#'; MAX_POLICY_BYTES + 1]).unwrap();
        let d = read(&path, Path::new("policy/policy.yaml")).unwrap_err();
        assert!(d.message.contains("larger than 4 MiB"), "{d}");
    }
}
