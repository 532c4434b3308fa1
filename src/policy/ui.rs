//! `{ ui: key }` labels, filled in from the product's string catalogs (`interface`) when
//! the policy is loaded: each locale with a catalog gets the product's own text for the
//! key. A key missing in a catalog, a string with a placeholder (the product fills it in
//! at run time, so it is not what a reader sees), a catalog path that is refused and a
//! catalog that does not parse are errors, located where the writer fixes them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, SourceFile};
use crate::interface::{self, Failure, Strings};
use crate::policy::model::{Fact, Policy};
use crate::policy::value::Value;

/// The catalogs a policy names, as read from disk (by locale tag).
pub struct Catalogs {
    /// What was read: every file's text, so a changed catalog changes the policy's
    /// fingerprint and everything computed from it is redone.
    pub fingerprint: u64,
    read: BTreeMap<String, Result<Strings, Failure>>,
}

/// Reads every catalog `policy` names (none, and no file touched, when it names none).
pub fn read(policy: &Policy, root: &Path) -> Catalogs {
    let read: BTreeMap<String, Result<Strings, Failure>> = policy
        .interface
        .catalogs
        .iter()
        .map(|(locale, spec)| {
            (
                locale.clone(),
                interface::read(root, spec.path(), spec.language(locale)),
            )
        })
        .collect();
    let fingerprint = crate::memo::fingerprint(
        &read
            .iter()
            .map(|(locale, r)| match r {
                Ok(s) => (locale.as_str(), &*s.file.text),
                Err(_) => (locale.as_str(), ""),
            })
            .collect::<Vec<_>>(),
    );
    Catalogs { fingerprint, read }
}

/// Fills every `{ ui: key }` label of `policy` from `catalogs`; returns the problems.
pub fn resolve(policy: &mut Policy, file: &SourceFile, catalogs: &Catalogs) -> Diagnostics {
    let mut out = Vec::new();
    let after = file.text.find("interface:").unwrap_or(0);
    for (locale, read) in &catalogs.read {
        match read {
            Ok(_) => {}
            Err(Failure::Path { why, help }) => {
                let path = policy.interface.catalogs[locale].path();
                out.push(
                    Diagnostic::error(
                        "PG0141",
                        format!("the `{locale}` catalog cannot be used: {why}"),
                    )
                    .at(interface::locate(file, path, after), "this catalog")
                    .help(help.clone()),
                );
            }
            Err(Failure::Content(d)) => out.push((**d).clone()),
        }
    }
    let mut seen = BTreeSet::new();
    let mut labels = |value: &mut Value| {
        let Value::Label {
            text,
            ui: Some(key),
            ..
        } = value
        else {
            return;
        };
        let at = || key_location(file, key);
        if catalogs.read.is_empty() && seen.insert((key.clone(), String::new())) {
            out.push(
                Diagnostic::error("PG0140", format!("the label `{key}` names a catalog key, and the policy names no catalog"))
                    .at(at(), "a key of the product's catalogs")
                    .help("name the product's string catalogs per locale under `interface: catalogs:` (`en: interface/en.json`), or write the label's text: `{ label: { en: … } }`"),
            );
        }
        for (locale, read) in &catalogs.read {
            let Ok(strings) = read else { continue };
            let catalog = strings.file.path.display();
            let first = seen.insert((key.clone(), locale.clone()));
            // An empty string is no label: the product shows nothing there.
            let entry = strings
                .entries
                .get(key.as_str())
                .filter(|e| !e.text.trim().is_empty() || e.marked.is_some());
            match entry {
                Some(entry) => match entry.placeholder() {
                    Some(placeholder) if first => out.push(
                        Diagnostic::error(
                            "PG0143",
                            format!(
                                "the `{locale}` text of `{key}` in {catalog} holds a placeholder ({placeholder}): the product fills it in, so it is not a label readers see"
                            ),
                        )
                        .at(at(), "quoted as a label")
                        .help("quote a catalog string without placeholders (the label itself), or write the sentence in the messages with the value it needs"),
                    ),
                    Some(_) => {}
                    None => {
                        text.insert(locale.clone(), entry.text.clone());
                    }
                },
                None if first => out.push(
                    Diagnostic::error(
                        "PG0140",
                        format!("the key `{key}` is not in the `{locale}` catalog {catalog}{}", if strings.entries.contains_key(key.as_str()) { " (its text is empty)" } else { "" }),
                    )
                    .at(at(), format!("not in {catalog}"))
                    .help(format!(
                        "check the key against {catalog} (keys are written as the catalog's format names them), or add the string to the product's `{locale}` catalog"
                    )),
                ),
                None => {}
            }
        }
    };
    for_each_value(policy, &mut labels);
    out
}

/// Where `key` is written as a `ui:` value (`ui: key`, quoted or not), else its first
/// occurrence as a token.
fn key_location(file: &SourceFile, key: &str) -> crate::diag::Location {
    let text = &*file.text;
    text.match_indices(key)
        .map(|(i, _)| i)
        .find(|&i| {
            text[..i]
                .trim_end_matches(['"', '\''])
                .trim_end()
                .ends_with("ui:")
                && !text[i + key.len()..]
                    .starts_with(|c: char| c.is_alphanumeric() || "-_.".contains(c))
        })
        .map_or_else(
            || interface::locate(file, key, 0),
            |i| file.span(i..i + key.len()),
        )
}

/// Calls `f` on every value of `policy`: versions, their facts at every depth, entities.
fn for_each_value(policy: &mut Policy, f: &mut impl FnMut(&mut Value)) {
    fn walk(fact: &mut Fact, f: &mut impl FnMut(&mut Value)) {
        fact.values.values_mut().for_each(&mut *f);
        let rows = fact.table.as_mut().map_or(&mut [][..], |t| &mut t.rows[..]);
        for child in rows.iter_mut() {
            walk(child, f);
        }
        for list in [
            &mut fact.items,
            &mut fact.steps,
            &mut fact.quotes,
            &mut fact.notes,
        ] {
            for child in list.iter_mut() {
                walk(child, f);
            }
        }
    }
    for entity in &mut policy.entities {
        entity.values.values_mut().for_each(&mut *f);
    }
    for version in &mut policy.versions {
        version.values.values_mut().for_each(&mut *f);
        for block in &mut version.blocks {
            walk(block, f);
        }
    }
}
