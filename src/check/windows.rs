//! Time-bound facts (`policy::time`): every status of a window that the site can reach
//! has its own wording in every locale, so a deadline never reads as ahead once it has
//! passed; and the facts worded as of each day that matters, for the checks that format.
//!
//! Reachable: a fact of a version is worded as of a day that version is in force (the
//! build day, or the nearest such day on a "what changed" page), so the statuses to word
//! are those its window takes on the days of its version's span, over every version.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Diagnostics};
use crate::l10n::LocaleSource;
use crate::policy::model::Fact;
use crate::policy::time::{Span, Status, Window};
use crate::policy::{Arg, Date, Id, Node, Policy, Value, facts};

/// When a status is first reached: the day (`None`: since always) and the version.
type Since = (Option<Date>, Id);

/// One window variable of one fact's messages, over every version that shows the fact.
#[derive(Debug, Default)]
struct Wording {
    /// Every status it reaches, with when it first does.
    reachable: BTreeMap<Status, Since>,
    /// The fact declares the window itself (its own `values:`), rather than being inside
    /// a fact that does: its messages must word the statuses even if they show no date.
    declared: bool,
}

/// What each time-bound fact's messages must word, by message id and window name.
pub struct Wordings {
    needs: BTreeMap<(String, String), Wording>,
}

impl Wordings {
    pub fn new(policy: &Policy) -> Wordings {
        let mut needs: BTreeMap<(String, String), Wording> = BTreeMap::new();
        for version in &policy.versions {
            let mut declared = BTreeSet::new();
            for fact in &version.blocks {
                declarations(fact, &mut declared);
            }
            let span = Span::of(policy, version);
            for node in facts::blocks(policy, version).iter().flat_map(Node::walk) {
                for (name, arg) in node.args.iter() {
                    let (Arg::Status(bound), Some(window)) = (arg, name.strip_suffix("-status"))
                    else {
                        continue;
                    };
                    let key = (node.id.to_string(), window.to_owned());
                    let wording = needs.entry(key.clone()).or_default();
                    wording.declared |= declared.contains(&key);
                    for (status, since) in span.reachable(&bound.window) {
                        let first = wording
                            .reachable
                            .entry(status)
                            .or_insert((since, version.id.clone()));
                        if since < first.0 {
                            *first = (since, version.id.clone());
                        }
                    }
                }
            }
        }
        Wordings { needs }
    }

    /// The findings in one locale: a message that shows a window (or whose fact declares
    /// one) reaching two statuses or more with no select on `$<window>-status`, and a
    /// select on it without a variant for a reachable status.
    pub fn check(&self, locale: &LocaleSource) -> Diagnostics {
        let mut out = Vec::new();
        for ((id, window), wording) in &self.needs {
            let parts = locale.parts(id);
            if parts.is_empty() {
                continue;
            }
            let variables = Window::variables(window);
            let status = &variables[0];
            let shows = parts
                .iter()
                .any(|p| variables.iter().any(|v| p.variables.contains(v)));
            if !(wording.declared || shows) {
                continue;
            }
            let selects: Vec<_> = parts
                .iter()
                .flat_map(|p| p.selects.iter())
                .filter(|s| s.variable.as_deref() == Some(status.as_str()))
                .collect();
            let missing: Vec<(&Status, &Since)> = match selects.is_empty() {
                // One reachable status needs no select: its one wording is that status's.
                true if wording.reachable.len() < 2 => Vec::new(),
                true => wording.reachable.iter().collect(),
                false => wording
                    .reachable
                    .iter()
                    .filter(|(s, _)| {
                        selects
                            .iter()
                            .any(|sel| !sel.keys.iter().any(|k| k == s.as_str()))
                    })
                    .collect(),
            };
            if missing.is_empty() {
                continue;
            }
            let names = |list: &[(&Status, &Since)]| -> String {
                list.iter()
                    .map(|(s, (since, version))| match since {
                        Some(day) => format!("`{}` (from {day}, version `{version}`)", s.as_str()),
                        None => format!("`{}` (version `{version}`)", s.as_str()),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let keys: Vec<String> = wording
                .reachable
                .keys()
                .map(|s| format!("[{}]", s.as_str()))
                .collect();
            let (location, label) = match selects.first() {
                Some(select) => (
                    locale.locate_in(id, &format!("[{}]", select.default)),
                    "the default variant",
                ),
                None => (locale.location(id), "one wording for every status"),
            };
            out.push(
                Diagnostic::error(
                    "PG0531",
                    format!(
                        "`{id}` in `{}` has no wording for ${status} {}, which the site reaches",
                        locale.tag,
                        names(&missing)
                    ),
                )
                .at(location.expect("indexed"), label)
                .help(format!(
                    "select on the window's status with a variant for each status it reaches: `{{ ${status} -> {} … }}` (`*` marks the default)",
                    keys.join(" … ")
                )),
            );
        }
        out
    }
}

/// The (fact, window) pairs a fact and those under it declare in their own `values:`.
fn declarations(fact: &Fact, out: &mut BTreeSet<(String, String)>) {
    for (name, value) in &fact.values {
        if matches!(value, Value::Window(_)) {
            out.insert((fact.id.to_string(), name.to_string()));
        }
    }
    for (_, list) in fact.lists() {
        for child in list {
            declarations(child, out);
        }
    }
}

/// `node` as worded on each day its span can show that differs (its windows' statuses
/// as keywords, its list left out), for checks that format facts without a build day:
/// one copy per combination of statuses; the node itself when it has no window.
pub fn as_worded(node: &Node) -> Vec<Cow<'_, Node>> {
    let bounds: Vec<_> = node
        .args
        .iter()
        .filter_map(|(_, arg)| match arg {
            Arg::Status(bound) => Some(*bound),
            _ => None,
        })
        .collect();
    let Some(first) = bounds.first() else {
        return vec![Cow::Borrowed(node)];
    };
    let windows: Vec<Window> = bounds.iter().map(|b| b.window).collect();
    first
        .span
        .sample_days(&windows)
        .into_iter()
        .map(|day| facts::resolved(node, |bound| bound.status_on(day)))
        .collect()
}
