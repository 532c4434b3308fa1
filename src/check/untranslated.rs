//! Facts a translation has no message for yet, and what their missing-message findings
//! (PG0501) mean when pages show the reference's text in their place (`l10n::fallback`):
//! with the policy's `untranslated: show-reference` they are warnings, and `build`
//! publishes the marked reference text; without it they stay errors, and only `serve`
//! (the preview) renders the pages all the same.

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::l10n::{Catalog, Fallback};
use crate::policy::{Node, Policy, facts};

/// The facts of any version whose message the reference has (value or title) and a
/// translation lacks whole: each is shown in the reference's words on that
/// translation's pages.
pub fn find(policy: &Policy, catalog: &Catalog) -> Fallback {
    let reference = catalog.reference();
    let mut ids: Vec<&str> = policy
        .versions
        .iter()
        .flat_map(|v| facts::blocks(policy, v))
        .flat_map(Node::walk)
        .map(|n| n.id.as_str())
        .filter(|id| reference.entries.contains_key(*id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut fallback = Fallback::default();
    for locale in catalog.locales.iter().filter(|l| l.tag != reference.tag) {
        let missing: std::collections::BTreeSet<String> = ids
            .iter()
            .filter(|id| !locale.entries.contains_key(**id))
            .map(|id| (*id).to_owned())
            .collect();
        if !missing.is_empty() {
            fallback.by_locale.insert(locale.tag.clone(), missing);
        }
    }
    fallback
}

/// Whether `d` is the missing-message finding of a fact `fallback` shows in the
/// reference's text (`check::locales` words it "message `id` is missing in `tag`").
pub fn explained(d: &Diagnostic, fallback: &Fallback) -> bool {
    if d.code != "PG0501" {
        return false;
    }
    let mut quoted = d.message.split('`').skip(1).step_by(2);
    let (Some(id), Some(tag)) = (quoted.next(), quoted.next()) else {
        return false;
    };
    d.message
        .starts_with(&format!("message `{id}` is missing in `{tag}`"))
        && fallback.get(tag, id)
}

/// With the policy's fallback on, each missing fact message `fallback` explains is a
/// warning saying what pages show meanwhile (it stays a finding: `check` reports it).
pub fn soften(findings: &mut Diagnostics, fallback: &Fallback, reference: &str) {
    for d in findings.iter_mut().filter(|d| explained(d, fallback)) {
        d.severity = Severity::Warning;
        let help = d.help.as_deref().unwrap_or_default().to_owned();
        d.help = Some(
            format!(
                "{help}; until then its pages show the `{reference}` text with a \"not yet translated\" notice (`untranslated: show-reference` in the policy)"
            )
            .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::catalog;

    #[test]
    fn the_finding_of_check_locales_is_recognized() {
        // The wording `explained` reads is check::locales': if it changes, this fails.
        let root = std::env::temp_dir().join(format!("pg-untranslated-{}", std::process::id()));
        for (tag, text) in [
            ("en", "new-fact = A new fact.\nold = Old.\n"),
            ("fr", "old = Vieux.\n"),
        ] {
            std::fs::create_dir_all(root.join(tag)).unwrap();
            std::fs::write(root.join(tag).join("m.ftl"), text).unwrap();
        }
        let catalog = catalog::read(&root, std::path::Path::new("locales"), &[], "en").unwrap();
        std::fs::remove_dir_all(&root).unwrap();
        let (en, fr) = (catalog.reference(), &catalog.locales[1]);
        let findings = crate::check::locales::check(
            en,
            fr,
            &[],
            &Default::default(),
            &Default::default(),
            &Default::default(),
        );
        let missing: Vec<&Diagnostic> = findings.iter().filter(|d| d.code == "PG0501").collect();
        assert_eq!(missing.len(), 1, "{findings:?}");
        let mut fallback = Fallback::default();
        assert!(!explained(missing[0], &fallback));
        fallback
            .by_locale
            .entry("fr".to_owned())
            .or_default()
            .insert("new-fact".to_owned());
        assert!(explained(missing[0], &fallback));
        let mut softened = findings.clone();
        soften(&mut softened, &fallback, "en");
        let d = softened.iter().find(|d| d.code == "PG0501").unwrap();
        assert_eq!(d.severity, Severity::Warning);
        assert!(d.help.as_deref().unwrap().contains("not yet translated"));
    }
}
