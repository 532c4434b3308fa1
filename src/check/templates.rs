//! Text typed into a template instead of coming from a Fluent message: it would show in
//! one language on every page. Tera code, tags, entities and punctuation are fine.

use crate::diag::{Diagnostic, Diagnostics, SourceFile};

/// Attributes whose values readers see or hear.
const VISIBLE_ATTRIBUTES: [&str; 5] = [
    "alt",
    "title",
    "aria-label",
    "placeholder",
    "aria-description",
];

pub fn check(templates: &[SourceFile]) -> Diagnostics {
    let mut out = Vec::new();
    for file in templates {
        for (range, text) in visible_text(&file.text) {
            out.push(
                Diagnostic::error(
                    "PG0513",
                    format!("template text `{}` is not translated", text.trim()),
                )
                .at(file.span(range), "typed into the template")
                .help("move it to a message in every locale and write `{{ t(key=\"…\") }}` here"),
            );
        }
    }
    out
}

/// Byte ranges of literal, letter-bearing text in a Tera/HTML source.
fn visible_text(src: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let flush = |start: usize, end: usize, out: &mut Vec<(std::ops::Range<usize>, String)>| {
        let piece = &src[start..end];
        if piece.chars().any(char::is_alphabetic) {
            let offset = piece.len() - piece.trim_start().len();
            out.push((
                start + offset..start + piece.trim_end().len(),
                piece.to_owned(),
            ));
        }
    };
    while i < bytes.len() {
        let rest = &src[i..];
        let skip = if rest.starts_with("{{") {
            rest.find("}}").map(|e| e + 2)
        } else if rest.starts_with("{%") {
            rest.find("%}").map(|e| e + 2)
        } else if rest.starts_with("{#") {
            rest.find("#}").map(|e| e + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|e| e + 3)
        } else if rest.starts_with("<style") || rest.starts_with("<script") {
            let close = if rest.starts_with("<style") {
                "</style>"
            } else {
                "</script>"
            };
            rest.find(close).map(|e| e + close.len())
        } else if rest.starts_with('<') {
            let end = tag_end(rest);
            attributes(&rest[..end], i, &mut out);
            Some(end)
        } else if rest.starts_with('&') {
            rest.find(';').filter(|&e| e < 12).map(|e| e + 1)
        } else {
            None
        };
        match skip {
            Some(n) => {
                flush(text_start, i, &mut out);
                i += n;
                text_start = i;
            }
            // Plain text, up to the next byte that may open markup (all are ASCII).
            None => {
                i += memchr::memchr3(b'{', b'<', b'&', &bytes[i + 1..])
                    .map_or(bytes.len() - i, |n| n + 1)
            }
        }
    }
    flush(text_start, src.len(), &mut out);
    out
}

/// The end of a tag starting at 0, skipping `>` inside quotes and Tera expressions.
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    tag.len()
}

fn attributes(tag: &str, offset: usize, out: &mut Vec<(std::ops::Range<usize>, String)>) {
    // Each `name="` whose name is a visible attribute's, in the order they come.
    let bytes = tag.as_bytes();
    // An attribute name runs back to a space, quote or tag delimiter (HTML allows `_`,
    // `.`, `:` in names: `my_alt` is not `alt`).
    let is_name = |c: &u8| !c.is_ascii_whitespace() && !b"\"'<>/=".contains(c);
    let mut from = 0;
    for eq in memchr::memchr_iter(b'=', bytes) {
        if eq < from || bytes.get(eq + 1) != Some(&b'"') {
            continue;
        }
        let name_start = bytes[..eq]
            .iter()
            .rposition(|c| !is_name(c))
            .map_or(0, |p| p + 1);
        if !VISIBLE_ATTRIBUTES.contains(&&tag[name_start..eq]) {
            continue;
        }
        let start = eq + 2;
        let Some(len) = tag[start..].find('"') else {
            break;
        };
        let value = &tag[start..start + len];
        let literal: String = strip_tera(value);
        if literal.chars().any(char::is_alphabetic) {
            out.push((offset + start..offset + start + len, value.to_owned()));
        }
        from = start + len;
    }
}

fn strip_tera(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find("{{").or_else(|| rest.find("{%")) {
        out.push_str(&rest[..at]);
        let close = if rest[at..].starts_with("{{") {
            "}}"
        } else {
            "%}"
        };
        rest = rest[at..].find(close).map_or("", |e| &rest[at + e + 2..]);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<String> {
        visible_text(src)
            .into_iter()
            .map(|(_, t)| t.trim().to_owned())
            .collect()
    }

    #[test]
    fn code_tags_and_punctuation_are_not_text() {
        let src = "<!DOCTYPE html>\n<a href=\"{{ x }}\" class=\"b\">{{ t(key=\"k\") }}</a> · {% if a > b %}&nbsp;{% endif %}\n<style>p { color: red }</style>";
        assert!(found(src).is_empty(), "{:?}", found(src));
    }

    #[test]
    fn only_visible_attributes_by_their_whole_name_are_text() {
        let src = "<p data-alt=\"Not shown\" my_alt=\"No\" title=\"Shown\" x=\"1\" alt=\"Also\">é <b>Bold</b> &amp; done</p>";
        assert_eq!(found(src), ["Shown", "Also", "é", "Bold", "done"]);
    }

    #[test]
    fn literal_text_and_visible_attributes_are_found() {
        let src = "<h2>Related articles</h2>\n<nav aria-label=\"Languages\"><img alt=\"{{ t(key=\"x\") }}\"></nav>";
        assert_eq!(found(src), ["Related articles", "Languages"]);
    }
}
