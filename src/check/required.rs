//! Every message the project needs (`render::required`), looked for in every locale in
//! one run, before anything is rendered: each missing one is a finding naming who needs
//! it (a template and line, a generated page, a state, a fact or page of the policy).
//! A translation lacking what the reference has is reported by the comparison with the
//! reference (PG0501, which also names who needs it); here are what the reference lacks,
//! in it and in each translation lacking it too.

use std::collections::{BTreeMap, HashSet};

use crate::diag::{Diagnostic, Diagnostics, SourceFile};
use crate::l10n::{Catalog, LocaleSource};
use crate::policy::validate::Locator;
use crate::render::required::{Need, Part, Requirer};

/// How many requirers a finding names before counting the rest.
const NAMED: usize = 3;

/// Who needs each message, for a person (`templates/base.html:16, the language picker
/// and 2 more`), by message id.
pub fn needed_by(needs: &[Need]) -> BTreeMap<String, String> {
    let mut by: BTreeMap<&str, Vec<&Requirer>> = BTreeMap::new();
    for need in needs.iter().filter(|n| n.required) {
        by.entry(need.id.as_str()).or_default().push(&need.by);
    }
    by.into_iter()
        .map(|(id, requirers)| (id.to_owned(), describe(&requirers)))
        .collect()
}

fn describe(requirers: &[&Requirer]) -> String {
    let mut names: Vec<String> = Vec::new();
    for r in requirers {
        let name = r.describe();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.len() {
        n if n > NAMED => format!("{} and {} more", names[..NAMED].join(", "), n - NAMED),
        _ => names.join(", "),
    }
}

fn has(locale: &LocaleSource, id: &str, part: &Part) -> bool {
    match part {
        Part::Value => locale.has(id, None),
        Part::Attribute(a) => locale.has(id, Some(a)),
        Part::ValueOrTitle => locale.has(id, None) || locale.has(id, Some("title")),
    }
}

/// The findings: each needed message (or part) the reference lacks, in the reference and
/// in each translation that lacks it too; facts and pages of the policy in the reference
/// only (translations follow the reference).
pub fn check(needs: &[Need], catalog: &Catalog, policy_file: &SourceFile) -> Diagnostics {
    let en = catalog.reference();
    // (id, part) -> who needs it, in inventory order.
    let mut wanted: BTreeMap<(&str, &Part), Vec<&Need>> = BTreeMap::new();
    for need in needs.iter().filter(|n| n.required) {
        if !has(en, &need.id, &need.part) {
            wanted.entry((&need.id, &need.part)).or_default().push(need);
        }
    }
    // The policy's text is indexed once for every fact and page located in it.
    let policy = Locator::new(policy_file);
    let mut out = collisions(needs, &policy);
    for locale in &catalog.locales {
        // A message missing whole is one finding, not one per part.
        let mut reported: HashSet<&str> = HashSet::new();
        for ((id, part), needs) in &wanted {
            if has(locale, id, part) || reported.contains(id) {
                continue;
            }
            let of_policy = needs
                .iter()
                .any(|n| matches!(n.by, Requirer::Fact(_) | Requirer::PolicyPage(_)));
            if of_policy && locale.tag != en.tag {
                continue;
            }
            let whole = !locale.entries.contains_key(*id);
            if whole {
                reported.insert(id);
            }
            out.push(finding(locale, en, id, part, whole, needs, &policy));
        }
    }
    out
}

/// Facts and pages of the policy whose id is a message the site needs for itself (a
/// template's, the renderer's: `duration`, `stale-notice`): one message cannot be both,
/// and the fact would be worded by the other's text. Located at the fact's id.
fn collisions(needs: &[Need], policy: &Locator) -> Diagnostics {
    let mut own: BTreeMap<&str, Vec<&Requirer>> = BTreeMap::new();
    for need in needs {
        if !matches!(need.by, Requirer::Fact(_) | Requirer::PolicyPage(_)) {
            own.entry(need.id.as_str()).or_default().push(&need.by);
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for need in needs {
        let (Requirer::Fact(id) | Requirer::PolicyPage(id)) = &need.by else {
            continue;
        };
        let Some(users) = own.get(need.id.as_str()) else {
            continue;
        };
        if !seen.insert(id.as_str()) {
            continue;
        }
        let what = match need.by {
            Requirer::Fact(_) => "fact",
            _ => "page",
        };
        out.push(
            Diagnostic::error(
                "PG0547",
                format!(
                    "{what} `{id}` has the id of a message the site needs for itself (needed by {})",
                    describe(users)
                ),
            )
            .at(policy.definition(id, 0), "this id")
            .help(format!(
                "rename the {what} (and its messages): `{}` is the site's own message, and the {what}'s would be worded by it",
                need.id
            )),
        );
    }
    out
}

fn finding(
    locale: &LocaleSource,
    en: &LocaleSource,
    id: &str,
    part: &Part,
    whole: bool,
    needs: &[&Need],
    policy: &Locator,
) -> Diagnostic {
    let dir = locale.dir.display();
    let tag = &locale.tag;
    match &needs[0].by {
        Requirer::Fact(fact) => {
            Diagnostic::error("PG0509", format!("fact `{fact}` has no message in `{tag}`"))
                .at(policy.definition(fact, 0), "defined here")
                .help(format!("add `{id} = …` (its sentence) to a file in {dir}/"))
        }
        Requirer::PolicyPage(page) => Diagnostic::error(
            "PG0509",
            format!("page `{page}` has no `{id}.title` message in `{tag}`"),
        )
        .at(policy.definition(page, 0), "page defined here")
        .help(format!(
            "add `{id} = summary` with `    .title = Title` to a file in {dir}/"
        )),
        _ => {
            let requirers: Vec<&Requirer> = needs.iter().map(|n| &n.by).collect();
            let who = describe(&requirers);
            let (what, help) = match (whole, part) {
                (false, Part::Attribute(a)) => (
                    format!("attribute `{id}.{a}` is missing in locale `{tag}`"),
                    format!("add `    .{a} = …` under `{id}` in {dir}/"),
                ),
                _ => (
                    format!("message `{id}` is missing in locale `{tag}`"),
                    format!("add `{id} = …` to a file in {dir}/"),
                ),
            };
            let d = Diagnostic::error("PG0530", format!("{what}, needed by {who}")).help(
                match locale.tag == en.tag {
                    true => help,
                    false => format!("{help}, and to {}/ first", en.dir.display()),
                },
            );
            let template = needs.iter().find_map(|n| match &n.by {
                Requirer::Template(at) => Some(at.clone()),
                _ => None,
            });
            match (template, locale.location(id)) {
                (_, Some(at)) if !whole => d.at(at, "this message"),
                (Some(at), _) => d.at(at, "needs it"),
                _ => d.in_path(&locale.dir),
            }
        }
    }
}
