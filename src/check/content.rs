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

/// Writes a pattern: text with its whitespace folded (a run holding a blank line is a
/// paragraph break, any other run one space, none at either end), placeables in a fixed
/// form. A string literal placed alone (`{ "-" }`) is the text it stands for.
fn pattern(p: &ast::Pattern<&str>) -> String {
    let mut out = String::new();
    let mut text = String::new();
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
            } => text.push_str(&unescape_unicode_to_string(value)),
            ast::PatternElement::Placeable { expression } => {
                fold(&text, &mut out);
                text.clear();
                out.push('{');
                expression_of(expression, &mut out);
                out.push('}');
            }
        }
    }
    fold(&text, &mut out);
    // Folding cannot see the pattern's end across placeables: trim the result's.
    let trimmed = out.trim_end_matches([' ', '\n']).len();
    out.truncate(trimmed);
    out
}

/// Appends `text` with each run of spaces, tabs and line breaks folded (see `pattern`),
/// none at the start of the output. Other spaces (a no-break space) are content: they
/// decide where a line may break.
fn fold(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    // Most text is one line with single spaces: already folded, but for its ends.
    if memchr::memchr3(b'\n', b'\t', b'\r', bytes).is_none()
        && memchr::memmem::find(bytes, b"  ").is_none()
    {
        let text = match out.is_empty() {
            true => text.trim_start_matches(' '),
            false => text,
        };
        out.push_str(text);
        return;
    }
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let mut at = 0;
    while at < bytes.len() {
        // ASCII bytes never occur inside a multibyte character: the slices are whole.
        let word = bytes[at..]
            .iter()
            .position(blank)
            .map_or(bytes.len(), |n| at + n);
        out.push_str(&text[at..word]);
        let run = bytes[word..]
            .iter()
            .position(|b| !blank(b))
            .map_or(bytes.len(), |n| word + n);
        if run > word && !out.is_empty() {
            let breaks = bytes[word..run].iter().filter(|&&b| b == b'\n').count();
            out.push_str(if breaks > 1 { "\n\n" } else { " " });
        }
        at = run;
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
            // A blank line is a paragraph break on the page.
            "m = { $n ->\n    [one] One\n\n      item\n   *[other] { $n } items\n}\n    .title = Items\n",
        ] {
            assert_ne!(content(other), base, "{other:?}");
        }
        assert_eq!(hash_of(&base).len(), 16);
        assert_eq!(in_source("m = x\n", "n"), None);
        assert_eq!(
            in_source("-t = T\n    .g = f\n", "-t").unwrap(),
            "T\u{1}.g=f"
        );
    }
}
