//! What changed between two versions, fact by fact: computed from the fact trees, never
//! written by hand, so a "what changed" page cannot disagree with the policy.

use std::collections::HashMap;

use super::facts::{self, Node, NodeKind};
use super::model::{Policy, Version};
use super::value::Id;

/// One fact that differs between two versions (children are compared separately).
#[derive(Debug, Clone)]
pub enum Change {
    /// Same id, other values. `columns` are those of the table each is a row of, before
    /// and after (empty for a fact that is no row): a row shows its values as cells.
    Changed {
        before: Node,
        after: Node,
        columns: [Vec<Id>; 2],
    },
    /// Only in the newer version.
    Added(Node),
    /// Only in the older version.
    Removed(Node),
}

impl Change {
    pub fn id(&self) -> &str {
        match self {
            Change::Changed { after: n, .. } | Change::Added(n) | Change::Removed(n) => {
                n.id.as_str()
            }
        }
    }
}

/// A node without its children: a change to a list item is not a change to its list.
fn shallow(node: &Node) -> Node {
    Node {
        children: Vec::new(),
        ..node.clone()
    }
}

/// The columns of the table each row of `blocks` is in, by row id.
fn rows(blocks: &[Node]) -> HashMap<&str, &[Id]> {
    let mut out = HashMap::new();
    for node in blocks.iter().flat_map(Node::walk) {
        if !node.columns.is_empty() {
            for row in node.children.iter().filter(|c| c.kind == NodeKind::Row) {
                out.entry(row.id.as_str())
                    .or_insert(node.columns.as_slice());
            }
        }
    }
    out
}

/// The facts whose values differ from `before` to `after`, in the newer version's order,
/// each removed fact right after the fact that preceded it in the older version (so it is
/// listed with the facts around it, under their heading). Values include those a fact
/// inherits (the version's dates and values): the renderer keeps the changes that read
/// differently.
pub fn diff(policy: &Policy, before: &Version, after: &Version) -> Vec<Change> {
    let old = facts::blocks(policy, before);
    let new = facts::blocks(policy, after);
    // Looked up by id once per fact of each version: an index, not a walk per fact.
    let (old_index, new_index) = (facts::index(old), facts::index(new));
    let (old_rows, new_rows) = (rows(old), rows(new));
    // Each removed fact, under the id of the nearest fact before it that stays (`None`
    // when none does).
    let mut removed: HashMap<Option<&str>, Vec<Change>> = HashMap::new();
    let mut kept = None;
    for node in old.iter().flat_map(Node::walk) {
        if new_index.contains_key(node.id.as_str()) {
            kept = Some(node.id.as_str());
        } else {
            removed
                .entry(kept)
                .or_default()
                .push(Change::Removed(shallow(node)));
        }
    }
    let mut out = removed.remove(&None).unwrap_or_default();
    for node in new.iter().flat_map(Node::walk) {
        let id = node.id.as_str();
        match old_index.get(id) {
            None => out.push(Change::Added(shallow(node))),
            Some(prev) if prev.args != node.args || prev.entity != node.entity => {
                let columns = |rows: &HashMap<&str, &[Id]>| {
                    rows.get(id).map_or_else(Vec::new, |c| c.to_vec())
                };
                out.push(Change::Changed {
                    before: shallow(prev),
                    after: shallow(node),
                    columns: [columns(&old_rows), columns(&new_rows)],
                })
            }
            Some(_) => {}
        }
        if let Some(gone) = removed.remove(&Some(id)) {
            out.extend(gone);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;
    use crate::policy::load;

    fn real_policy() -> Policy {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/policy/policy.yaml"))
                .unwrap();
        load::parse(&SourceFile::new("policy.yaml", text)).unwrap()
    }

    #[test]
    fn the_opt_out_version_changes_the_default_and_the_retention() {
        let policy = real_policy();
        let [before, after] = &policy.versions[..] else {
            panic!("two versions")
        };
        let changes = diff(&policy, before, after);
        let changed: Vec<&str> = changes
            .iter()
            .filter(|c| matches!(c, Change::Changed { .. }))
            .map(Change::id)
            .collect();
        assert!(changed.contains(&"training-rule"), "{changed:?}");
        // Every fact also gets the version's dates and `$default`, so the raw diff lists
        // facts whose sentences read the same; the "what changed" page keeps only those
        // whose reference text differs (tests/it/site.rs checks what it lists).
        let removed: Vec<&str> = changes
            .iter()
            .filter(|c| matches!(c, Change::Removed(_)))
            .map(Change::id)
            .collect();
        // The 30 days stay for those who decline: the same fact, reworded, not removed.
        assert!(removed.is_empty(), "{removed:?}");
        assert!(
            changed.contains(&"retention-training-declined"),
            "{changed:?}"
        );
        let added: Vec<&str> = changes
            .iter()
            .filter(|c| matches!(c, Change::Added(_)))
            .map(Change::id)
            .collect();
        for id in [
            "training-choice",
            "choice-deadline",
            "retention-training-allowed",
            "retention-longer-from",
            "update-reasons",
        ] {
            assert!(added.contains(&id), "{added:?}");
        }
    }
}
