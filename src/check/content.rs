//! What a reader is given of a Fluent message, as one canonical text: its parsed value
//! and attributes with the layout left out (indentation, line breaks and runs of spaces
//! inside a paragraph, comments, the order of attributes and of select variants, a string
//! literal standing for plain text). Two sources with the same content format alike on
//! every page, so staleness compares this, never the bytes (`check::stale`).

use std::fmt::Write;

use fluent_syntax::ast;
use fluent_syntax::unicode::unescape_unicode_to_string;
use sha2::{Digest, Sha256};

use crate::l10n::catalog::too_deep;

/// The canonical content of a message or term entry; `None` for comments and junk.
pub fn of_entry(entry: &ast::Entry<&str>) -> Option<String> {
    let (value, attributes) = match entry {
        ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return None,
    };
    let mut out = value.map(pattern).unwrap_or_default();
    let mut attributes: Vec<(&str, String)> = attributes
        .iter()
        .map(|a| (a.id.name, pattern(&a.value)))
        .collect();
    attributes.sort();
    for (name, text) in attributes {
        let _ = write!(out, "\u{1}.{name}={text}");
    }
    Some(out)
}

/// The hash recorded for a confirmation: the first 8 bytes of the SHA-256 of the
/// canonical content, in hex.
pub fn hash_of(content: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(content.as_bytes());
    digest[..8]
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// The canonical content of entry `key` (`-id` for a term) in Fluent source `text`, as
/// an older revision of a file holds it; `None` when the file has no such entry or
/// nests deeper than the parser is allowed to recurse.
pub fn in_source(text: &str, key: &str) -> Option<String> {
    if too_deep(text).is_some() {
        return None;
    }
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource.body.iter().find_map(|entry| {
        let id = match entry {
            ast::Entry::Message(m) => m.id.name.to_owned(),
            ast::Entry::Term(t) => format!("-{}", t.id.name),
            _ => return None,
        };
        (id == key).then(|| of_entry(entry)).flatten()
    })
}

/// Writes a pattern: its text with the layout folded (see `Fold`), placeables in a fixed
/// form. A string literal placed alone (`{ "-" }`) is the text it stands for.
fn pattern(p: &ast::Pattern<&str>) -> String {
    let mut out = String::new();
    let mut text = String::new();
    let mut fold = Fold::default();
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
            } => text.push_str(&unescape_unicode_to_string(value)),
            ast::PatternElement::Placeable { expression } => {
                fold.text(&text, &mut out);
                text.clear();
                out.push('{');
                expression_of(expression, &mut out);
                out.push('}');
            }
        }
    }
    fold.text(&text, &mut out);
    // The pattern's end, whatever it ends with: no trailing blank.
    let trimmed = out.trim_end_matches([' ', '\n']).len();
    out.truncate(trimmed);
    out
}

/// Folds the layout out of a pattern's text, keeping what Markdown reads (messages are
/// Markdown): within a line, a run of spaces or tabs is one space and none ends a line;
/// a blank line is one paragraph break, however many there are; a single line break
/// between two lines of prose (each starting with a letter, indented less than a code
/// block) is a space, as Markdown reads it. Any other line break stays, with the next
/// line's indentation: before a list item, a heading, a quote, a table row or a code
/// line, it is structure. A no-break space is content: it decides where a line breaks.
struct Fold {
    /// Whether the line written last is prose (it starts with a letter or a placeable).
    prose: bool,
}

impl Default for Fold {
    fn default() -> Self {
        Fold { prose: true }
    }
}

impl Fold {
    fn text(&mut self, text: &str, out: &mut String) {
        let bytes = text.as_bytes();
        // Most text is one line with single spaces: already folded.
        let simple = memchr::memchr3(b'\n', b'\t', b'\r', bytes).is_none()
            && memchr::memmem::find(bytes, b"  ").is_none();
        let line_start = out.is_empty() || out.ends_with([' ', '\n']);
        if simple && !(line_start && text.starts_with(' ')) {
            if out.is_empty() {
                self.prose = text.is_empty() || continued(text);
            }
            out.push_str(text);
            return;
        }
        let mut lines = text.split('\n').peekable();
        let head = lines.next().unwrap_or_default();
        let head = head.strip_suffix('\r').unwrap_or(head);
        if out.is_empty() {
            let body = head.trim_start_matches([' ', '\t']);
            self.prose = body.is_empty() || continued(body);
        }
        inline(head, lines.peek().is_some(), out);
        let mut breaks = 0;
        while let Some(raw) = lines.next() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let last = lines.peek().is_none();
            let body = line.trim_start_matches([' ', '\t']);
            breaks += 1;
            if body.is_empty() && !last {
                continue;
            }
            let indent = &line[..line.len() - body.len()];
            // An empty body at the end: the line starts with a placeable, an inline value.
            let prose =
                body.is_empty() || (indent.len() < 4 && body.starts_with(char::is_alphabetic));
            if breaks == 1 && self.prose && prose {
                out.push(' ');
            } else {
                out.push_str(if breaks > 1 { "\n\n" } else { "\n" });
                out.push_str(indent);
            }
            self.prose = body.is_empty() || (indent.len() < 4 && continued(body));
            breaks = 0;
            inline(body, !last, out);
        }
    }
}

/// Whether a line of prose may follow this one on the next line as its continuation:
/// it is prose, or a list item or quotation whose text is (Markdown joins the two).
fn continued(body: &str) -> bool {
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let text = match body.as_bytes() {
        [b'-' | b'*' | b'+' | b'>', b' ', ..] => &body[2..],
        _ if digits > 0 && body[digits..].starts_with(['.', ')']) => &body[digits + 1..],
        _ => body,
    };
    text.trim_start_matches(' ')
        .starts_with(char::is_alphabetic)
}

/// Appends the text of one line with each run of spaces and tabs as one space: none at
/// the start of a line, none at its end when a line break follows (`ends_line`); one
/// before or after a placeable on the same line.
fn inline(text: &str, ends_line: bool, out: &mut String) {
    let blank = [' ', '\t'];
    let body = text.trim_matches(blank);
    let at_line_start = out.is_empty() || out.ends_with([' ', '\n']);
    if text.starts_with(blank) && !at_line_start && (!body.is_empty() || !ends_line) {
        out.push(' ');
    }
    let bytes = body.as_bytes();
    if memchr::memchr(b'\t', bytes).is_none() && memchr::memmem::find(bytes, b"  ").is_none() {
        out.push_str(body);
    } else {
        for (i, word) in body.split(blank).filter(|w| !w.is_empty()).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    if !body.is_empty() && !ends_line && text.ends_with(blank) {
        out.push(' ');
    }
}

fn expression_of(e: &ast::Expression<&str>, out: &mut String) {
    match e {
        ast::Expression::Inline(inline) => inline_of(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_of(selector, out);
            out.push_str("->");
            let mut written: Vec<String> = variants
                .iter()
                .map(|v| {
                    let mut text = String::from(if v.default { "*[" } else { "[" });
                    match &v.key {
                        ast::VariantKey::Identifier { name } => text.push_str(name),
                        ast::VariantKey::NumberLiteral { value } => text.push_str(value),
                    }
                    text.push(']');
                    text.push_str(&pattern(&v.value));
                    text.push('\u{2}');
                    text
                })
                .collect();
            written.sort();
            out.extend(written);
        }
    }
}

fn inline_of(e: &ast::InlineExpression<&str>, out: &mut String) {
    let call = |args: &ast::CallArguments<&str>, out: &mut String| {
        out.push('(');
        for arg in &args.positional {
            inline_of(arg, out);
            out.push(',');
        }
        for named in &args.named {
            out.push_str(named.name.name);
            out.push(':');
            inline_of(&named.value, out);
            out.push(',');
        }
        out.push(')');
    };
    match e {
        ast::InlineExpression::StringLiteral { value } => {
            let _ = write!(out, "{:?}", unescape_unicode_to_string(value));
        }
        ast::InlineExpression::NumberLiteral { value } => out.push_str(value),
        ast::InlineExpression::FunctionReference { id, arguments } => {
            out.push_str(id.name);
            call(arguments, out);
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            out.push_str(id.name);
            if let Some(a) = attribute {
                out.push('.');
                out.push_str(a.name);
            }
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            out.push('-');
            out.push_str(id.name);
            if let Some(a) = attribute {
                out.push('.');
                out.push_str(a.name);
            }
            if let Some(args) = arguments {
                call(args, out);
            }
        }
        ast::InlineExpression::VariableReference { id } => {
            out.push('$');
            out.push_str(id.name);
        }
        ast::InlineExpression::Placeable { expression } => {
            out.push('{');
            expression_of(expression, out);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(source: &str) -> String {
        in_source(source, "m").unwrap_or_else(|| panic!("{source:?}"))
    }

    #[test]
    fn layout_and_comments_are_not_content() {
        let base = content(
            "m = { $n ->\n    [one] One item\n   *[other] { $n } items\n}\n    .title = Items\n",
        );
        for same in [
            // Re-indented variants, and the closing brace.
            "m = { $n ->\n        [one] One item\n       *[other] { $n } items\n    }\n    .title = Items\n",
            // A line break inside a sentence, and spaces around placeables.
            "m = {$n ->\n    [one] One\n      item\n   *[other] {$n} items\n}\n    .title = Items\n",
            // A comment above it, attributes and variants in another order.
            "# Variables: $n\nm = { $n ->\n   *[other] { $n } items\n    [one] One item\n}\n    .title =   Items  \n",
            // A string literal that stands for its text.
            "m = { $n ->\n    [one] One{\" \"}item\n   *[other] { $n } items\n}\n    .title = Items\n",
        ] {
            assert_eq!(content(same), base, "{same:?}");
        }
        for other in [
            "m = { $n ->\n    [one] One thing\n   *[other] { $n } items\n}\n    .title = Items\n",
            "m = { $n ->\n    [one] One item\n    *[other] { $n } items\n}\n    .title = Things\n",
            "m = { $n ->\n   *[one] One item\n    [other] { $n } items\n}\n    .title = Items\n",
            "m = { $m ->\n    [one] One item\n   *[other] { $m } items\n}\n    .title = Items\n",
            // A no-break space decides where a line may break.
            "m = { $n ->\n    [one] One\u{a0}item\n   *[other] { $n } items\n}\n    .title = Items\n",
            // A line break before a list item is structure.
            "m = { $n ->\n    [one] One\n      - item\n   *[other] { $n } items\n}\n    .title = Items\n",
            // A blank line is a paragraph break on the page.
            "m = { $n ->\n    [one] One\n\n      item\n   *[other] { $n } items\n}\n    .title = Items\n",
        ] {
            assert_ne!(content(other), base, "{other:?}");
        }
        // Markdown text: reflowed prose and re-indented lists are the same; a list item
        // joined to the line before it, a heading's line joined to the next are not.
        let text = content(
            "m =\n    Our rules:\n\n    - keep it\n      short\n    - be kind\n\n    # Later\n    Then more.\n",
        );
        for same in [
            "m = Our rules:\n\n\n    - keep it short\n    - be kind\n\n    # Later\n    Then more.\n",
            "m =\n        Our rules:\n\n        - keep it\n          short\n        - be   kind\n\n        # Later\n        Then more.\n",
        ] {
            assert_eq!(content(same), text, "{same:?}");
        }
        for other in [
            "m = Our rules: - keep it short\n    - be kind\n\n    # Later\n    Then more.\n",
            "m = Our rules:\n\n    - keep it short - be kind\n\n    # Later\n    Then more.\n",
            "m = Our rules:\n\n    - keep it short\n    - be kind\n\n    # Later Then more.\n",
        ] {
            assert_ne!(content(other), text, "{other:?}");
        }
        assert_eq!(hash_of(&base).len(), 16);
        assert_eq!(in_source("m = x\n", "n"), None);
        assert_eq!(
            in_source("-t = T\n    .g = f\n", "-t").unwrap(),
            "T\u{1}.g=f"
        );
    }
}
