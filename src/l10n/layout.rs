//! The canonical layout of a `.ftl` file: the one the Fluent serializer writes
//! (fluent-syntax's, which writes what Python's `fluent.syntax` writes, the engine of
//! translate-toolkit and so of Weblate and Pontoon). A file in this layout comes back
//! byte for byte from a round trip through a translation platform, so such a round trip
//! is never a noisy diff.

use fluent_syntax::ast::{Entry, Resource};
use fluent_syntax::{parser, serializer};

/// Why a file cannot be put in the canonical layout.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The file has syntax errors (junk): rewriting it would have to guess.
    Syntax,
    /// The serialized text would not parse to the same syntax tree: formatting would
    /// change what a message says. Never expected; refused rather than written.
    Meaning,
}

/// `source` in the canonical layout (equal to `source` when it already is).
pub fn canonical(source: &str) -> Result<String, Refused> {
    let resource = parser::parse(source).map_err(|_| Refused::Syntax)?;
    if resource
        .body
        .iter()
        .any(|e| matches!(e, Entry::Junk { .. }))
    {
        return Err(Refused::Syntax);
    }
    let text = serializer::serialize(&resource);
    if text == source {
        return Ok(text);
    }
    // The guard that formatting only moves whitespace: the syntax trees must be equal
    // (they hold no positions, so layout alone never makes them differ).
    let again: Resource<&str> = parser::parse(text.as_str()).map_err(|_| Refused::Meaning)?;
    if again != resource {
        return Err(Refused::Meaning);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_select_on_the_first_line_moves_to_its_own() {
        let source = "choice = { $n ->\n    [one] one\n   *[other] many\n}\n";
        assert_eq!(
            canonical(source).unwrap(),
            "choice =\n    { $n ->\n        [one] one\n       *[other] many\n    }\n"
        );
    }

    #[test]
    fn canonical_text_is_a_fixed_point_and_keeps_comments() {
        let source =
            "### Resource\n\n## Group\n\n# About a\na = A { -b }\n    .title = T\n-b = B\n";
        let once = canonical(source).unwrap();
        // Python's fluent.syntax writes the same: two blank lines before a group comment.
        assert_eq!(
            once,
            "### Resource\n\n\n## Group\n\n# About a\na = A { -b }\n    .title = T\n-b = B\n"
        );
        assert_eq!(canonical(&once).unwrap(), once);
    }

    #[test]
    fn blank_lines_and_indentation_are_normalized_not_the_text() {
        let source = "a=Hello\n\n\n\nb =\n        several\n        lines\n";
        assert_eq!(
            canonical(source).unwrap(),
            "a = Hello\nb =\n    several\n    lines\n"
        );
    }

    #[test]
    fn a_file_with_a_syntax_error_is_refused() {
        assert_eq!(canonical("a = { $x\n"), Err(Refused::Syntax));
        assert_eq!(canonical("= no id\n"), Err(Refused::Syntax));
    }
}
