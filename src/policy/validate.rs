//! Semantic checks the types cannot express: unique ids, references that resolve,
//! versions in date order, every block on a page. Each finding is located in the YAML.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::policy::facts::{self, Node};
use crate::policy::model::{Id, Policy};

/// Checks a parsed policy. An empty result means every invariant downstream relies on holds.
pub fn validate(policy: &Policy, file: &SourceFile) -> Diagnostics {
    let mut out = Vec::new();
    let locate = Locator { file };

    if policy.versions.is_empty() {
        out.push(
            Diagnostic::error("PG0110", "the policy has no version")
                .in_path(&file.path)
                .help("add at least one entry under `versions:` with its facts"),
        );
        return out;
    }
    for (i, version) in policy.versions.iter().enumerate() {
        if i > 0 && version.effective.is_none() {
            out.push(
                Diagnostic::error(
                    "PG0119",
                    format!("version `{}` has no `effective` date", version.id),
                )
                .at(locate.definition(&version.id, 0), "this version")
                .help("add `effective: YYYY-MM-DD`; only the first version may leave it out"),
            );
        }
    }
    for pair in policy.versions.windows(2) {
        if let (Some(before), Some(after)) = (pair[0].effective, pair[1].effective)
            && after <= before
        {
            out.push(
                Diagnostic::error(
                    "PG0111",
                    format!(
                        "version `{}` takes effect on {after}, not after the version before it ({before})",
                        pair[1].id
                    ),
                )
                .at(locate.definition(&pair[1].id, 0), "out of order")
                .help("list versions oldest first, each with a later `effective` date"),
            );
        }
    }

    // Ids shared by every version: organization, product, tiers. Pages have their own
    // namespace (their messages are `page-<id>`).
    let global: Vec<&Id> = [&policy.organization.id, &policy.product.id]
        .into_iter()
        .chain(policy.tiers.iter().map(|t| &t.id))
        .collect();
    out.extend(duplicates(&global, &locate));
    out.extend(duplicates(
        &policy.pages.iter().map(|p| &p.id).collect::<Vec<_>>(),
        &locate,
    ));

    let tiers: BTreeSet<&str> = policy.tiers.iter().map(|t| t.id.as_str()).collect();
    let known_tiers = || tiers.iter().copied().collect::<Vec<_>>().join(", ");
    let check_tier = |id: &Id, out: &mut Diagnostics| {
        if !tiers.contains(id.as_str()) {
            out.push(
                Diagnostic::error("PG0113", format!("unknown tier `{id}`"))
                    .at(locate.reference(id), "not defined under `tiers:`")
                    .help(format!(
                        "use one of the defined tiers ({}), or define `{id}` under `tiers:`",
                        known_tiers()
                    )),
            );
        }
    };
    for tier in &policy.tiers {
        for id in &tier.used_with {
            check_tier(id, &mut out);
        }
    }

    for version in &policy.versions {
        for list in [&version.coverage.covered, &version.coverage.not_covered] {
            for id in &list.tiers {
                check_tier(id, &mut out);
            }
        }
        let blocks = facts::blocks(policy, version);
        let mut ids: Vec<&Id> = global.clone();
        ids.push(&version.id);
        ids.extend(version.sources.iter().map(|s| &s.id));
        // Tier nodes repeat the tier ids by design; count each node id once per tree.
        let tier_ids: BTreeSet<&Id> = policy.tiers.iter().map(|t| &t.id).collect();
        ids.extend(
            blocks
                .iter()
                .flat_map(Node::walk)
                .map(|n| &n.id)
                .filter(|id| !tier_ids.contains(id)),
        );
        out.extend(duplicates(&ids, &locate));

        let index = facts::index(&blocks);
        for source in &version.sources {
            for id in &source.facts {
                if !index.contains_key(id.as_str()) {
                    out.push(
                        Diagnostic::error(
                            "PG0114",
                            format!("source `{}` names an unknown fact `{id}`", source.id),
                        )
                        .at(locate.reference(id), "no fact has this id")
                        .help("use the id of a fact of this version"),
                    );
                }
            }
        }
    }

    // Pages are shared by every version: a page block must exist in some version (a
    // version without it simply does not show it), and every version's blocks must be
    // on some page.
    let trees: Vec<Vec<Node>> = policy
        .versions
        .iter()
        .map(|v| facts::blocks(policy, v))
        .collect();
    let indexes: Vec<_> = trees.iter().map(|t| facts::index(t)).collect();
    let mut shown = BTreeSet::new();
    for page in &policy.pages {
        for id in &page.blocks {
            let found: Vec<&Node> = indexes
                .iter()
                .filter_map(|ix| ix.get(id.as_str()).copied())
                .collect();
            if found.is_empty() {
                out.push(
                    Diagnostic::error(
                        "PG0115",
                        format!("page `{}` shows an unknown block `{id}`", page.id),
                    )
                    .at(locate.reference(id), "no fact has this id")
                    .help("list ids of facts defined under `versions:`"),
                );
            }
            for node in found {
                shown.extend(node.walk().map(|n| n.id.as_str()));
            }
        }
    }
    let mut reported = BTreeSet::new();
    for block in trees.iter().flatten() {
        if !shown.contains(block.id.as_str()) && reported.insert(block.id.as_str()) {
            out.push(
                Diagnostic::error(
                    "PG0116",
                    format!("fact block `{}` is shown on no page", block.id),
                )
                .at(locate.definition(&block.id, 0), "defined here")
                .help(format!(
                    "add `{}` to the `blocks:` of a page under `pages:`",
                    block.id
                )),
            );
        }
    }
    out
}

/// Checks the per-language labels against the locales that exist: each must have the
/// reference locale's text, and no key may name a locale the site does not have (a typo
/// such as `fr-FR` would otherwise silently show the reference label).
pub fn labels(
    policy: &Policy,
    file: &SourceFile,
    locales: &[&str],
    reference: &str,
) -> Diagnostics {
    let locate = Locator { file };
    let mut out = Vec::new();
    for version in &policy.versions {
        for node in facts::blocks(policy, version).iter().flat_map(Node::walk) {
            for (name, arg) in &node.args {
                let crate::policy::Arg::Localized(map) = arg else {
                    continue;
                };
                if !map.contains_key(reference) {
                    out.push(
                        Diagnostic::error("PG0117", format!("a `{name}` label has no `{reference}` text"))
                            .at(locate.definition(&node.id, 0), "in this fact")
                            .help(format!("add `{reference}: …`: languages without their own text show the `{reference}` one")),
                    );
                }
                for key in map.keys().filter(|k| !locales.contains(&k.as_str())) {
                    let at = locate.tokens(key).next().map_or_else(
                        || locate.definition(&node.id, 0),
                        |i| file.span(i..i + key.len()),
                    );
                    out.push(
                        Diagnostic::error("PG0118", format!("a `{name}` label has text for `{key}`, which is not a locale of this site"))
                            .at(at, "unknown locale")
                            .help(format!("use one of the folders under locales/: {}", locales.join(", "))),
                    );
                }
            }
        }
    }
    // The same map is passed to several nodes: report each problem once.
    let mut seen = BTreeSet::new();
    out.retain(|d| seen.insert((d.code, d.position())));
    out
}

fn duplicates(ids: &[&Id], locate: &Locator) -> Diagnostics {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for id in ids {
        let count = seen.entry(id.as_str()).or_default();
        *count += 1;
        if *count == 2 {
            out.push(
                Diagnostic::error("PG0112", format!("duplicate id `{id}`"))
                    .at(locate.definition(id, 1), "defined again here")
                    .help(format!(
                        "ids must be unique: rename one of the two `{id}` (the first is at line {})",
                        locate.definition(id, 0).line
                    )),
            );
        }
    }
    out
}

/// Where `id` is defined in the policy file (its first `id: …` line).
pub fn locate_definition(file: &SourceFile, id: &Id) -> Location {
    Locator { file }.definition(id, 0)
}

/// Finds where a value sits in the YAML text. serde_yaml keeps no positions for values
/// that parsed fine, so on the error path we search the source for the token.
struct Locator<'a> {
    file: &'a SourceFile,
}

impl Locator<'_> {
    /// The `nth` (0-based) `id: <value>` definition of `id`.
    fn definition(&self, id: &Id, nth: usize) -> Location {
        self.tokens(id.as_str())
            .filter(|&start| {
                let line_start = self.file.text[..start].rfind('\n').map_or(0, |i| i + 1);
                let before = self.file.text[line_start..start].trim_end();
                before.ends_with("id:")
            })
            .nth(nth)
            .or_else(|| self.tokens(id.as_str()).next())
            .map_or_else(
                || self.file.span(0..0),
                |start| self.file.span(start..start + id.as_str().len()),
            )
    }

    /// The first occurrence of `id` used as a value (a reference).
    fn reference(&self, id: &Id) -> Location {
        self.tokens(id.as_str())
            .find(|&start| {
                let line_start = self.file.text[..start].rfind('\n').map_or(0, |i| i + 1);
                !self.file.text[line_start..start]
                    .trim_end()
                    .ends_with("id:")
            })
            .map_or_else(
                || self.definition(id, 0),
                |start| self.file.span(start..start + id.as_str().len()),
            )
    }

    /// Byte offsets of `token` as a whole word outside comments.
    fn tokens<'s>(&'s self, token: &'s str) -> impl Iterator<Item = usize> + 's {
        let text = &*self.file.text;
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        text.match_indices(token).map(|(i, _)| i).filter(move |&i| {
            let line_start = text[..i].rfind('\n').map_or(0, |j| j + 1);
            let in_comment = text[line_start..i].contains('#');
            let before = text[..i].chars().next_back();
            let after = text[i + token.len()..].chars().next();
            !in_comment && !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
    }
}
