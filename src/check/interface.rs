//! Interface labels on the pages: a message that quotes a label its locale has no text
//! for shows another language's label (marked with that language), which a reader of
//! the page cannot find in their own interface. A warning (an error with `--strict`),
//! unless the policy says the product has no interface in that language
//! (`interface: none:`).

use std::collections::BTreeSet;

use crate::diag::{Diagnostic, Diagnostics};
use crate::l10n::LocaleSource;
use crate::policy::{Arg, Node, Policy, facts};

/// The findings in one locale.
pub fn foreign_labels(policy: &Policy, locale: &LocaleSource) -> Diagnostics {
    let tag = locale.tag.as_str();
    let mut out = Vec::new();
    if policy.interface.has_none(tag) {
        return out;
    }
    let reference = policy.reference_locale.as_str();
    let mut seen = BTreeSet::new();
    let nodes = policy
        .versions
        .iter()
        .flat_map(|v| facts::blocks(policy, v))
        .flat_map(Node::walk);
    for node in nodes {
        for (name, arg) in node.args.iter() {
            let Arg::Localized(text) = arg else { continue };
            if text.contains_key(tag) {
                continue;
            }
            // What the page would show instead: the reference's text, else the first.
            let Some((shown, label)) = text.get_key_value(reference).or_else(|| text.iter().next())
            else {
                continue;
            };
            // A label of the same language (`en` on an `en-IN` page) is not foreign.
            if same_language(shown, tag) {
                continue;
            }
            let id = node.id.as_str();
            let quotes = locale
                .parts(id)
                .iter()
                .any(|p| p.variables.contains(name.as_str()));
            if !quotes || !seen.insert((id, name)) {
                continue;
            }
            let own = format!(
                "a `{tag}` catalog under `interface: catalogs:`, or `label: {{ {tag}: … }}` with its source"
            );
            let help = if policy.interface.describes(tag) {
                format!(
                    "`{tag}` is listed under `interface: describe:`: describe the control in words, without `{{ ${name} }}`, or give the label its `{tag}` text ({own})"
                )
            } else {
                format!(
                    "give the label its `{tag}` text ({own}), or describe the control in words, without `{{ ${name} }}`, and list `{tag}` under `interface: describe:`; if the product has no `{tag}` interface, list `{tag}` under `interface: none:`"
                )
            };
            out.push(
                Diagnostic::warning(
                    "PG0544",
                    format!(
                        "`{id}` in `{tag}` quotes the `{name}` label, which has no `{tag}` text: the `{tag}` page shows the `{shown}` label “{label}”"
                    ),
                )
                .at(
                    locale.locate_in(id, &format!("${name}")).expect("indexed"),
                    "a label in another language",
                )
                .help(help),
            );
        }
    }
    out
}

/// Whether two locale tags name the same language (`fr`, `fr-AF`; `en-IN`, `en-GB`).
fn same_language(a: &str, b: &str) -> bool {
    let language = |t: &str| t.split(['-', '_']).next().unwrap_or(t).to_ascii_lowercase();
    language(a) == language(b)
}
