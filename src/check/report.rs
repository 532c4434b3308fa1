//! Presenting findings: rustc-style text with a per-locale summary, a JSON document
//! (schema `policyglot-check/1`, documented in README.md), or GitHub workflow commands.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Analysis, LocaleSummary};
use crate::diag::{Diagnostic, Severity};

/// The stable name of a finding's class, by code.
pub fn class(code: &str) -> &'static str {
    match code {
        "PG0100" | "PG0101" => "policy-syntax",
        c if c.starts_with("PG011") => "policy-invalid",
        "PG0200" | "PG0201" | "PG0204" | "PG0205" => "locale-setup",
        "PG0206" => "fluent-syntax",
        "PG0207" => "duplicate-id",
        "PG0208" => "generated-term-clash",
        "PG0202" | "PG0501" => "missing-message",
        "PG0502" => "obsolete-message",
        "PG0503" => "missing-attribute",
        "PG0504" => "obsolete-attribute",
        "PG0505" => "unknown-reference",
        "PG0203" | "PG0506" | "PG0507" => "variable-mismatch",
        "PG0508" => "hand-typed-fact",
        "PG0509" => "policy-coverage",
        "PG0510" => "orphaned-message",
        "PG0511" => "stale-translation",
        "PG0512" => "rendered-parity",
        "PG0513" => "template-text",
        "PG0514" => "missing-plural-category",
        "PG0515" => "encoding",
        "PG0516" => "duplicate-variant",
        "PG0517" => "reference-mismatch",
        c if c.starts_with("PG052") => "confirmations",
        c if c.starts_with("PG03") => "template-error",
        _ => "other",
    }
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// How many findings of one code the human report prints (JSON keeps every one).
pub const FINDINGS_PER_CODE: usize = 20;

/// How `human` prints.
#[derive(Debug, Clone)]
pub struct HumanOptions {
    /// Colour (ANSI); the caller's stream strips it where unwanted.
    pub styled: bool,
    /// Only error findings: no warnings, no summary (`--quiet`).
    pub errors_only: bool,
    /// At most this many findings per diagnostic code; the rest are counted.
    pub per_code: usize,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            styled: false,
            errors_only: false,
            per_code: FINDINGS_PER_CODE,
        }
    }
}

/// Findings as rustc prints them (at most `per_code` of each code, then a count of the
/// rest), then the per-locale summary.
pub fn human(analysis: &Analysis, options: &HumanOptions) -> String {
    let mut out = String::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for d in analysis
        .findings
        .iter()
        .filter(|d| !options.errors_only || d.severity == Severity::Error)
    {
        let count = seen.entry(d.code).or_default();
        *count += 1;
        if *count <= options.per_code {
            out.push_str(&d.render(options.styled));
            out.push_str("\n\n");
        }
    }
    for (code, count) in &seen {
        if *count > options.per_code {
            out.push_str(&format!(
                "… and {} more {code} (`--verbose` or `--format json` lists every one)\n",
                thousands(count - options.per_code)
            ));
        }
    }
    if options.errors_only {
        return out;
    }
    if seen.values().any(|n| *n > options.per_code) {
        out.push('\n');
    }
    if !analysis.summary.is_empty() {
        out.push_str("locale  messages  translated  missing  stale  obsolete\n");
        for s in &analysis.summary {
            out.push_str(&format!(
                "{:<6}  {:>8}  {:>10}  {:>7}  {:>5}  {:>8}\n",
                s.locale, s.messages, s.translated, s.missing, s.stale, s.obsolete
            ));
        }
    }
    out.push_str(&format!(
        "check: {} error(s), {} warning(s)\n",
        analysis.errors(),
        analysis.warnings()
    ));
    out
}

/// `7980` as `7,980`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    errors: usize,
    warnings: usize,
    findings: Vec<JsonFinding<'a>>,
    locales: &'a [LocaleSummary],
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'static str,
    class: &'static str,
    code: &'static str,
    message: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<&'a str>,
}

/// One JSON document (see README.md, "check --format json").
pub fn json(analysis: &Analysis) -> String {
    let report = JsonReport {
        schema: "policyglot-check/1",
        errors: analysis.errors(),
        warnings: analysis.warnings(),
        findings: analysis
            .findings
            .iter()
            .map(|d| JsonFinding {
                severity: severity(d),
                class: class(d.code),
                code: d.code,
                message: &d.message,
                file: d
                    .location
                    .as_ref()
                    .map(|l| l.file.path.display().to_string())
                    .or_else(|| d.path.as_ref().map(|p| p.display().to_string())),
                line: d.location.as_ref().map(|l| l.line),
                column: d.location.as_ref().map(|l| l.col),
                help: d.help.as_deref(),
            })
            .collect(),
        locales: &analysis.summary,
    };
    serde_json::to_string_pretty(&report).expect("plain data serializes") + "\n"
}

/// GitHub Actions workflow commands: each finding becomes an annotation on its line.
pub fn github(analysis: &Analysis) -> String {
    let escape_data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let escape_property = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for d in &analysis.findings {
        let mut properties = Vec::new();
        if let Some(l) = &d.location {
            properties.push(format!(
                "file={}",
                escape_property(&l.file.path.display().to_string())
            ));
            properties.push(format!("line={}", l.line));
            properties.push(format!("col={}", l.col));
        } else if let Some(p) = &d.path {
            properties.push(format!(
                "file={}",
                escape_property(&p.display().to_string())
            ));
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("{} {}", d.code, class(d.code)))
        ));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{} {}::{}\n",
            severity(d),
            properties.join(","),
            escape_data(&message)
        ));
    }
    for s in &analysis.summary {
        out.push_str(&format!(
            "{}: {}/{} translated, {} missing, {} stale, {} obsolete\n",
            s.locale, s.translated, s.messages, s.missing, s.stale, s.obsolete
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(980), "980");
        assert_eq!(thousands(7980), "7,980");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
