//! When the published site changes by itself: the next day after the build date that a
//! version of the policy takes effect or a window of a fact opens or closes
//! (`policy::time`). A site built before that day announces the change as upcoming, or
//! words the window as it stands; rebuilt on or after it, it shows the new version in
//! force, the window's new status (the publish workflow builds daily for this).

use crate::policy::time::Status;
use crate::policy::{Arg, Date, Id, Node, Policy, facts};

/// The next day the site changes by itself, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextChange {
    pub day: Date,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// This version takes effect.
    Version(Id),
    /// A window of this fact takes this status.
    Window { fact: Id, status: Status },
}

impl std::fmt::Display for NextChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.reason {
            Reason::Version(id) => write!(
                f,
                "{}, when a later version of the policy takes effect (`{id}`)",
                self.day
            ),
            Reason::Window { fact, status } => write!(
                f,
                "{}, when a window of fact `{fact}` becomes {}",
                self.day,
                status.as_str()
            ),
        }
    }
}

/// The first day strictly after `today` on which a version takes effect or a window
/// changes status (its `from`, the day after its `until`, on a day its version is in
/// force), if any. On a tie, the version is named.
pub fn next_change(policy: &Policy, today: Date) -> Option<NextChange> {
    let versions = policy.versions.iter().filter_map(|v| {
        let day = v.effective.filter(|d| *d > today)?;
        Some(NextChange {
            day,
            reason: Reason::Version(v.id.clone()),
        })
    });
    let mut windows = Vec::new();
    for version in &policy.versions {
        for node in facts::blocks(policy, version).iter().flat_map(Node::walk) {
            for (_, arg) in node.args.iter() {
                let Arg::Status(bound) = arg else { continue };
                windows.extend(
                    bound
                        .window
                        .flips()
                        .filter(|day| *day > today && bound.span.contains(*day))
                        .map(|day| NextChange {
                            day,
                            reason: Reason::Window {
                                fact: node.id.clone(),
                                status: bound.window.status_on(day),
                            },
                        }),
                );
            }
        }
    }
    versions
        .chain(windows)
        .min_by_key(|c| (c.day, !matches!(c.reason, Reason::Version(_))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    const POLICY: &str = "
pages: [{ id: home, blocks: [notice] }]
versions:
  - id: first
    blocks:
      - id: notice
        # Its days fall after this version's span: they change nothing it shows.
        values: { early: { window: { from: 2031-01-01 } } }
  - id: second
    effective: 2030-01-01
    blocks:
      - id: notice
        values: { sale: { window: { from: 2030-02-01, until: 2030-02-10 } } }
";

    #[test]
    fn the_next_effective_date_or_window_day_after_today() {
        let file = SourceFile::new("policy.yaml", POLICY);
        let policy = crate::policy::load::parse(&file).unwrap();
        let next = |today: &str| next_change(&policy, day(today));
        let version = next("2029-06-01").unwrap();
        assert_eq!(version.day, day("2030-01-01"));
        assert_eq!(
            version.reason,
            Reason::Version(Id::parse("second").unwrap())
        );
        // On the day itself the version is in force: its window opens next…
        let opens = next("2030-01-01").unwrap();
        assert_eq!(opens.day, day("2030-02-01"));
        assert_eq!(
            opens.to_string(),
            "2030-02-01, when a window of fact `notice` becomes open"
        );
        // …and closes the day after its last day; then nothing is pending (the first
        // version's window lies outside the days it is in force).
        assert_eq!(next("2030-02-01").unwrap().day, day("2030-02-11"));
        assert_eq!(next("2030-02-10").unwrap().day, day("2030-02-11"));
        assert_eq!(next("2030-02-11"), None);
    }

    #[test]
    fn the_shipped_policy_changes_the_day_after_its_deadline() {
        let file = SourceFile::new("policy.yaml", include_str!("../policy/policy.yaml"));
        let policy = crate::policy::load::parse(&file).unwrap();
        let next = next_change(&policy, day("2025-09-01")).unwrap();
        assert_eq!(next.day, day("2025-09-29"));
        assert_eq!(next_change(&policy, day("2026-12-07")), None);
    }
}
