//! Presenting findings: rustc-style text with a per-locale summary, a JSON document
//! (schema `policyglot-check/1`, documented in README.md), or GitHub workflow commands.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use super::{Analysis, LocaleSummary};
use crate::diag::{Diagnostic, Severity};
use crate::policy::Date;

/// The stable name of a finding's class, by code.
pub fn class(code: &str) -> &'static str {
    match code {
        "PG0100" | "PG0101" => "policy-syntax",
        c if c.starts_with("PG014") => "interface-catalog",
        c if c.starts_with("PG011") => "policy-invalid",
        "PG0200" | "PG0201" | "PG0204" | "PG0205" | "PG0209" => "locale-setup",
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
        "PG0545" => "unknown-plural-key",
        "PG0546" => "cldr-unit",
        "PG0547" => "message-collision",
        "PG0530" => "required-message",
        "PG0544" => "foreign-label",
        c if c.starts_with("PG052") => "confirmations",
        c if c.starts_with("PG03") => "template-error",
        _ => "other",
    }
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// How many findings of one code the human report prints (JSON keeps every one).
pub const FINDINGS_PER_CODE: usize = 20;

/// Codes the human report prints in full: a missing required message (PG0530) is one
/// per message the project needs and locale, a bounded list of fixes to make, and the
/// point of the finding is that one run names every one.
const PRINTED_IN_FULL: [&str; 1] = ["PG0530"];

/// How many findings of `code` the human report prints.
fn cap(code: &str, per_code: usize) -> usize {
    match PRINTED_IN_FULL.contains(&code) {
        true => usize::MAX,
        false => per_code,
    }
}

/// How `human` prints.
#[derive(Debug, Clone)]
pub struct HumanOptions {
    /// Colour (ANSI); the caller's stream strips it where unwanted.
    pub styled: bool,
    /// Only error findings: no warnings, no summary (`--quiet`).
    pub errors_only: bool,
    /// At most this many findings per diagnostic code; the rest are counted.
    pub per_code: usize,
    /// Findings under a heading per locale (`by_locale`), the cap counted per locale.
    pub by_locale: bool,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            styled: false,
            by_locale: false,
            errors_only: false,
            per_code: FINDINGS_PER_CODE,
        }
    }
}

/// Findings printed as `check` prints them, capped per code unless `verbose`: what a
/// failed `build` prints (100,000 findings, each quoting its line, would otherwise take
/// minutes to print).
pub fn findings_capped(findings: &[Diagnostic], styled: bool, verbose: bool) -> String {
    let options = HumanOptions {
        styled,
        per_code: if verbose {
            usize::MAX
        } else {
            FINDINGS_PER_CODE
        },
        ..HumanOptions::default()
    };
    findings_text(findings, &options)
}

/// The findings of one report (or one locale's part of it), capped per code.
fn findings_text(findings: &[Diagnostic], options: &HumanOptions) -> String {
    let mut out = String::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for d in findings
        .iter()
        .filter(|d| !options.errors_only || d.severity == Severity::Error)
    {
        let count = seen.entry(d.code).or_default();
        *count += 1;
        if *count <= cap(d.code, options.per_code) {
            out.push_str(&d.render(options.styled));
            out.push_str("\n\n");
        }
    }
    let mut over = false;
    for (code, count) in &seen {
        if *count > cap(code, options.per_code) {
            over = true;
            out.push_str(&format!(
                "… and {} more {code} (`--verbose` or `--format json` lists every one)\n",
                thousands(count - options.per_code)
            ));
        }
    }
    if over && !options.errors_only {
        out.push('\n');
    }
    out
}

/// Findings as rustc prints them (at most `per_code` of each code, then a count of the
/// rest; with `by_locale`, under a heading per locale), then the per-locale summary.
pub fn human(analysis: &Analysis, options: &HumanOptions) -> String {
    let mut out = String::new();
    if options.by_locale {
        for (locale, findings) in by_locale(analysis) {
            let part = findings_text(&findings, options);
            if part.is_empty() {
                continue;
            }
            match locale {
                Some(tag) => out.push_str(&format!("== locale `{tag}`\n\n")),
                None => out.push_str("== every locale (policy, templates)\n\n"),
            }
            out.push_str(&part);
        }
    } else {
        out.push_str(&findings_text(&analysis.findings, options));
    }
    if options.errors_only {
        return out;
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
        "check: {} error(s), {} warning(s)",
        analysis.errors(),
        analysis.warnings()
    ));
    match analysis.notes() {
        0 => out.push('\n'),
        n => out.push_str(&format!(", {n} note(s)\n")),
    }
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
    /// False when the checks could not run (exit 2): `findings` then holds why.
    ran: bool,
    /// The next day the published site changes by itself (a later version takes effect).
    next_change: Option<Date>,
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
    /// How the reference text changed, for a stale translation (PG0511).
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_change: Option<JsonChange<'a>>,
}

/// The reference text a translation was written or confirmed against (`null` when
/// nothing recorded it), the current one, and the words that changed.
#[derive(Serialize)]
struct JsonChange<'a> {
    before: Option<&'a str>,
    after: &'a str,
    words: Vec<crate::wdiff::Words>,
}

/// One JSON document (see README.md, "check --format json").
/// `next_change`: see `crate::schedule::next_change`.
pub fn json(analysis: &Analysis, next_change: Option<Date>) -> String {
    json_document(true, &analysis.findings, &analysis.summary, next_change)
}

/// The JSON document when the checks could not run (exit 2): `ran` is false and the
/// one finding says why, so a script reading the output always gets a document.
pub fn json_could_not_run(why: &Diagnostic) -> String {
    json_document(false, std::slice::from_ref(why), &[], None)
}

fn json_document(
    ran: bool,
    findings: &[Diagnostic],
    locales: &[LocaleSummary],
    next_change: Option<Date>,
) -> String {
    let report = JsonReport {
        schema: "policyglot-check/1",
        ran,
        next_change,
        errors: findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        warnings: findings
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count(),
        findings: findings
            .iter()
            .map(|d| JsonFinding {
                severity: severity(d),
                class: class(d.code),
                code: d.code,
                message: &d.message,
                file: file_of(d).map(|f| slashed(&f)),
                line: d.location.as_ref().map(|l| l.line),
                column: d.location.as_ref().map(|l| l.col),
                help: d.help.as_deref(),
                reference_change: d.change.as_deref().map(|c| JsonChange {
                    before: c.before.as_deref(),
                    after: &c.after,
                    words: c.words(),
                }),
            })
            .collect(),
        locales,
    };
    serde_json::to_string_pretty(&report).expect("plain data serializes") + "\n"
}

/// The file a finding is in: its location's, else its path.
fn file_of(d: &Diagnostic) -> Option<PathBuf> {
    d.location
        .as_ref()
        .map(|l| l.file.path.clone())
        .or_else(|| d.path.as_deref().map(Path::to_path_buf))
}

/// A path with `/` separators, whatever the platform (GitHub and JSON readers expect them).
fn slashed(path: &Path) -> String {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The locale a finding concerns, when it concerns one: a locale quoted in its message
/// ("message `x` is missing in `de`" sits at the English message but concerns `de`),
/// else the locale folder its file is in.
pub fn locale_of(d: &Diagnostic, locales: &[String]) -> Option<String> {
    let quoted = d.message.split('`').skip(1).step_by(2);
    quoted
        .into_iter()
        .find(|q| locales.iter().any(|l| l == q))
        .map(str::to_owned)
        .or_else(|| {
            let file = slashed(&file_of(d)?);
            let (tag, _) = file.strip_prefix("locales/")?.split_once('/')?;
            Some(tag.to_owned())
        })
}

/// The findings by locale (`check --by-locale`): those no locale owns (the policy, the
/// templates, which every locale shares) first, then each locale's in the summary's
/// order (the reference first); inside a group, the report's order. A translator reads
/// their own group alone.
pub fn by_locale(analysis: &Analysis) -> Vec<(Option<String>, crate::diag::Diagnostics)> {
    let locales: Vec<String> = analysis.summary.iter().map(|s| s.locale.clone()).collect();
    let mut groups: Vec<(Option<String>, crate::diag::Diagnostics)> = std::iter::once(None)
        .chain(locales.iter().cloned().map(Some))
        .map(|l| (l, Vec::new()))
        .collect();
    for d in &analysis.findings {
        let owner = locale_of(d, &locales);
        if let Some((_, group)) = groups.iter_mut().find(|(l, _)| *l == owner) {
            group.push(d.clone());
        }
    }
    groups.retain(|(_, g)| !g.is_empty());
    groups
}

/// Keeps what concerns `selected` locales (`check --locale fr`): findings of those
/// locales, and those of no locale (the policy, the templates), which every locale
/// shares; the summary keeps their rows. `Err` names a locale the project does not have.
pub fn select_locales(analysis: &mut Analysis, selected: &[String]) -> Result<(), Diagnostic> {
    if selected.is_empty() {
        return Ok(());
    }
    let locales: Vec<String> = analysis.summary.iter().map(|s| s.locale.clone()).collect();
    if let Some(unknown) = selected.iter().find(|l| !locales.contains(l)) {
        return Err(
            Diagnostic::error("PG0204", format!("the project has no locale `{unknown}`"))
                .in_path("locales")
                .help(format!("pass --locale with one of: {}", locales.join(", "))),
        );
    }
    analysis
        .findings
        .retain(|d| locale_of(d, &locales).is_none_or(|l| selected.contains(&l)));
    analysis.summary.retain(|s| selected.contains(&s.locale));
    Ok(())
}

/// Where annotation paths start: the project root's folder inside the repository, from
/// `GITHUB_WORKSPACE` (in GitHub Actions) or `git rev-parse --show-toplevel`; empty
/// when the project is not inside either (paths then stay relative to the project).
pub fn repository_prefix(root: &Path) -> PathBuf {
    let Ok(root) = root.canonicalize() else {
        return PathBuf::new();
    };
    let workspace = std::env::var_os("GITHUB_WORKSPACE")
        .filter(|w| !w.is_empty())
        .map(PathBuf::from);
    let toplevel = || {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(&root)
            .args(["rev-parse", "--show-toplevel"])
            .output()
            .ok()
            .filter(|o| o.status.success())?;
        let text = String::from_utf8(out.stdout).ok()?;
        Some(PathBuf::from(text.trim_end_matches(['\n', '\r'])))
    };
    workspace
        .into_iter()
        .chain(std::iter::from_fn(toplevel).take(1))
        .filter_map(|base| base.canonicalize().ok())
        .find_map(|base| root.strip_prefix(&base).ok().map(Path::to_path_buf))
        .unwrap_or_default()
}

/// GitHub Actions workflow commands: each finding becomes an annotation on its lines,
/// its path prefixed with `prefix` (see `repository_prefix`) so that it names the file
/// from the repository root.
pub fn github(analysis: &Analysis, prefix: &Path) -> String {
    let escape_data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let escape_property = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for d in &analysis.findings {
        let mut properties = Vec::new();
        if let Some(file) = file_of(d) {
            properties.push(format!(
                "file={}",
                escape_property(&slashed(&prefix.join(file)))
            ));
        }
        if let Some(l) = &d.location {
            properties.push(format!("line={}", l.line));
            properties.push(format!("col={}", l.col));
            // The end of the span, when it has one: its last character.
            if l.range.end > l.range.start {
                let last = l.file.text[..l.range.end]
                    .char_indices()
                    .next_back()
                    .map_or(l.range.start, |(i, _)| i.max(l.range.start));
                let end = l.file.span(last..last);
                properties.push(format!("endLine={}", end.line));
                if end.line == l.line {
                    properties.push(format!("endColumn={}", end.col));
                }
            }
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("{} {}", d.code, class(d.code)))
        ));
        let mut message = d.message.clone();
        message.push_str(&change_lines(d));
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{} {}::{}\n",
            // GitHub's workflow command for a note is `notice`.
            match d.severity {
                Severity::Note => "notice",
                _ => severity(d),
            },
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

/// How a finding's text changed, as lines to append to its message (`then:` with the
/// removed words marked `[-…-]`, `now:` with the added ones `{+…+}`); empty when it
/// carries no change.
fn change_lines(d: &Diagnostic) -> String {
    let Some(change) = &d.change else {
        return String::new();
    };
    let then = change
        .before_marked()
        .unwrap_or_else(|| "(not recorded)".to_owned());
    format!("\nthen: {then}\nnow: {}", change.after_marked())
}

/// The Markdown job summary (`$GITHUB_STEP_SUMMARY`): totals (or `verdict`, e.g. "could
/// not run"), the per-locale table and every finding (GitHub shows only 10 annotations
/// of each kind per step; none is lost here). `prefix` as for `github`.
pub fn step_summary(analysis: &Analysis, prefix: &Path, verdict: Option<&str>) -> String {
    let totals = format!(
        "{} error(s), {} warning(s)",
        analysis.errors(),
        analysis.warnings()
    );
    summary_markdown(
        &analysis.findings,
        &analysis.summary,
        prefix,
        verdict.unwrap_or(&totals),
    )
}

fn summary_markdown(
    findings: &[Diagnostic],
    locales: &[LocaleSummary],
    prefix: &Path,
    verdict: &str,
) -> String {
    let cell = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace('<', "&lt;")
            .replace('\n', "<br>")
    };
    let mut out = format!("## policyglot check: {verdict}\n\n");
    if !locales.is_empty() {
        out.push_str("| locale | messages | translated | missing | stale | obsolete |\n");
        out.push_str("|---|---:|---:|---:|---:|---:|\n");
        for s in locales {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                cell(&s.locale),
                s.messages,
                s.translated,
                s.missing,
                s.stale,
                s.obsolete
            ));
        }
        out.push('\n');
    }
    if !findings.is_empty() {
        out.push_str("| severity | code | where | message | help |\n");
        out.push_str("|---|---|---|---|---|\n");
        for d in findings {
            let place = file_of(d).map_or_else(String::new, |f| {
                let file = slashed(&prefix.join(f));
                match &d.location {
                    Some(l) => format!("`{file}:{}:{}`", l.line, l.col),
                    None => format!("`{file}`"),
                }
            });
            out.push_str(&format!(
                "| {} | {} {} | {} | {} | {} |\n",
                severity(d),
                d.code,
                class(d.code),
                place,
                cell(&format!("{}{}", d.message, change_lines(d))),
                cell(d.help.as_deref().unwrap_or(""))
            ));
        }
        out.push('\n');
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
