//! Reading `policy.yaml` into the typed model, turning serde_yaml's errors into
//! located diagnostics.

use std::path::Path;

use crate::diag::{Diagnostic, SourceFile};
use crate::policy::model::Policy;

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
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostic::error("PG0100", format!("cannot read the policy file: {e}"))
            .in_path(shown_as)
            .help("run policyglot from the project root, or pass --root; the policy lives in policy/policy.yaml")
    })?;
    Ok(SourceFile::new(shown_as, text))
}

/// Parses policy text that is already in memory (used by `load` and by tests).
pub fn parse(file: &SourceFile) -> Result<Policy, Diagnostic> {
    let mut policy: Policy = serde_yaml::from_str(&file.text).map_err(|e| yaml_error(file, &e))?;
    policy.fingerprint = crate::memo::fingerprint(&file.text);
    Ok(policy)
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
    } else if message.contains("invalid date") || message.contains("invalid id") {
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
}
