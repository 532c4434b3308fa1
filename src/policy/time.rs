//! Time-bound facts: a window of days (`{ window: { from: …, until: … } }`, a deadline
//! being a window with only `until`) and its status on a day, which messages select on.
//!
//! A fact of a version is worded as of the build day, or, on a page that shows a version
//! not in force that day (a "what changed" page), as of the nearest day that version is
//! in force: so the statuses a site can show are those of the days of each version's
//! span, and `check` asks a wording for each of them, no more.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize, de};

use super::model::{Policy, Version};
use super::value::Date;

/// Days a fact holds: from `from` through `until`, both included; either may be left out
/// (a window with no start has always been open; with no end it never closes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// The first day the fact holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The last day it holds (a deadline's day: choosing on it is still in time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

impl<'de> Deserialize<'de> for Window {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            from: Option<Date>,
            until: Option<Date>,
        }
        let Written { from, until } = Written::deserialize(d)?;
        match (from, until) {
            (None, None) => Err(de::Error::custom(
                "a window needs `from`, `until` or both (e.g. `{ window: { until: 2025-09-28 } }` for a deadline)",
            )),
            (Some(f), Some(u)) if u < f => Err(de::Error::custom(format!(
                "this window ends ({u}) before it starts ({f}): `until` is the last day, on or after `from`"
            ))),
            _ => Ok(Window { from, until }),
        }
    }
}

/// Where the build day stands relative to a window: the value of `$<name>-status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Before `from`: the window has not opened yet.
    Upcoming,
    /// From `from` through `until`: the fact holds (a deadline not yet passed).
    Open,
    /// After `until`: the window has closed (a deadline passed).
    Passed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Upcoming, Status::Open, Status::Passed];

    /// The selector value messages match on.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Open => "open",
            Status::Passed => "passed",
        }
    }
}

impl Window {
    /// The window's status on `day`.
    pub fn status_on(&self, day: Date) -> Status {
        match (self.from, self.until) {
            (Some(from), _) if day < from => Status::Upcoming,
            (_, Some(until)) if day > until => Status::Passed,
            _ => Status::Open,
        }
    }

    /// The days its status changes: `from`, and the day after `until`.
    pub fn flips(&self) -> impl Iterator<Item = Date> {
        [self.from, self.until.map(Date::next)]
            .into_iter()
            .flatten()
    }

    /// The generated variables beside a window value named `name`.
    pub fn variables(name: &str) -> [String; 3] {
        ["status", "from", "until"].map(|part| format!("{name}-{part}"))
    }
}

/// The days a version is in force, both included: from its `effective` date (always,
/// for a first version without one) to the day before the next version's (forever, for
/// the last version).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub first: Option<Date>,
    pub last: Option<Date>,
}

impl Span {
    /// The span of `version` in `policy` (validation orders effective dates strictly).
    pub fn of(policy: &Policy, version: &Version) -> Span {
        let at = policy.versions.iter().position(|v| v.id == version.id);
        let next = at.and_then(|i| policy.versions.get(i + 1));
        Span {
            first: version.effective,
            last: next.and_then(|v| v.effective).map(Date::previous),
        }
    }

    /// The day of this span nearest to `day`.
    pub fn clamp(&self, day: Date) -> Date {
        match (self.first, self.last) {
            (Some(first), _) if day < first => first,
            (_, Some(last)) if day > last => last,
            _ => day,
        }
    }

    pub fn contains(&self, day: Date) -> bool {
        self.clamp(day) == day
    }

    /// One day of each stretch of this span over which no window of `windows` changes
    /// status: its first day, then each day a window flips inside it. Every status
    /// combination the span can show is the one on one of these days.
    pub fn sample_days(&self, windows: &[Window]) -> Vec<Date> {
        let flips: BTreeSet<Date> = windows.iter().flat_map(Window::flips).collect();
        let start = self.first.unwrap_or_else(|| {
            let before_any = flips.first().map_or(Date::EPOCH, |d| d.previous());
            self.last.map_or(before_any, |last| before_any.min(last))
        });
        std::iter::once(start)
            .chain(
                flips
                    .into_iter()
                    .filter(|d| *d > start && self.contains(*d)),
            )
            .collect()
    }

    /// The statuses `window` takes on the days of this span, each with the first day it
    /// does (`None`: since always).
    pub fn reachable(&self, window: &Window) -> Vec<(Status, Option<Date>)> {
        let mut out: Vec<(Status, Option<Date>)> = Vec::new();
        for (i, day) in self.sample_days(&[*window]).into_iter().enumerate() {
            let status = window.status_on(day);
            if !out.iter().any(|(s, _)| *s == status) {
                let since = if i == 0 { self.first } else { Some(day) };
                out.push((status, since));
            }
        }
        out
    }
}

/// A window as a fact's messages get it: with the span of its version, so a page that
/// shows the version on another day words it as of the nearest day it is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeBound {
    pub window: Window,
    pub span: Span,
}

impl TimeBound {
    /// The status shown on a site built on `today`.
    pub fn status_on(&self, today: Date) -> Status {
        self.window.status_on(self.span.clamp(today))
    }
}

impl Date {
    /// 1970-01-01.
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    pub fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn plus_days(self, n: i64) -> Date {
        Date::from_unix((self.days() + n) * 86_400)
    }

    /// The day after.
    pub fn next(self) -> Date {
        self.plus_days(1)
    }

    /// The day before.
    pub fn previous(self) -> Date {
        self.plus_days(-1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn window(from: Option<&str>, until: Option<&str>) -> Window {
        Window {
            from: from.map(day),
            until: until.map(day),
        }
    }

    #[test]
    fn days_round_trip_across_months_and_leap_years() {
        assert_eq!(day("1970-01-01").days(), 0);
        assert_eq!(day("2025-09-28").days(), 1_759_017_600 / 86_400);
        assert_eq!(day("2025-09-30").next(), day("2025-10-01"));
        assert_eq!(day("2024-02-28").next(), day("2024-02-29"));
        assert_eq!(day("2025-03-01").previous(), day("2025-02-28"));
        assert_eq!(day("2026-01-01").previous(), day("2025-12-31"));
    }

    #[test]
    fn a_window_is_upcoming_open_then_passed_with_both_ends_included() {
        let w = window(Some("2025-08-28"), Some("2025-09-28"));
        assert_eq!(w.status_on(day("2025-08-27")), Status::Upcoming);
        assert_eq!(w.status_on(day("2025-08-28")), Status::Open);
        assert_eq!(w.status_on(day("2025-09-28")), Status::Open);
        assert_eq!(w.status_on(day("2025-09-29")), Status::Passed);
        let flips: Vec<Date> = w.flips().collect();
        assert_eq!(flips, [day("2025-08-28"), day("2025-09-29")]);
        // A deadline has always been open until it passes.
        let deadline = window(None, Some("2025-09-28"));
        assert_eq!(deadline.status_on(day("1999-01-01")), Status::Open);
        assert_eq!(deadline.status_on(day("2025-09-29")), Status::Passed);
    }

    #[test]
    fn a_span_reaches_only_the_statuses_of_its_days() {
        let w = window(Some("2025-08-28"), Some("2025-09-28"));
        let statuses = |span: Span| -> Vec<&str> {
            span.reachable(&w).iter().map(|(s, _)| s.as_str()).collect()
        };
        let forever = Span {
            first: None,
            last: None,
        };
        assert_eq!(statuses(forever), ["upcoming", "open", "passed"]);
        // A version that starts the day the window opens never shows it upcoming.
        let from_opening = Span {
            first: Some(day("2025-08-28")),
            last: None,
        };
        assert_eq!(
            from_opening.reachable(&w),
            [
                (Status::Open, Some(day("2025-08-28"))),
                (Status::Passed, Some(day("2025-09-29")))
            ]
        );
        // A window wholly before its version: only `passed`.
        let later = Span {
            first: Some(day("2026-01-01")),
            last: None,
        };
        assert_eq!(statuses(later), ["passed"]);
        // A version that ended before the window opened: only `upcoming`.
        let earlier = Span {
            first: None,
            last: Some(day("2025-08-27")),
        };
        assert_eq!(statuses(earlier), ["upcoming"]);
        assert_eq!(earlier.clamp(day("2026-12-07")), day("2025-08-27"));
        assert_eq!(later.clamp(day("2025-01-01")), day("2026-01-01"));
    }
}
