//! Which translations are stale: the result of `check::stale` (confirmations and git
//! history), kept here because pages show it (a notice on each stale block).

use std::collections::BTreeMap;

use crate::policy::Date;

/// Stale messages per locale, each with the day its reference text changed: `None` when
/// no commit dates the change (an uncommitted edit, or a project without git history),
/// never a day made up from the clock.
#[derive(Debug, Default, Clone)]
pub struct Stale {
    pub by_locale: BTreeMap<String, BTreeMap<String, Option<Date>>>,
    /// For stale messages whose earlier reference text is known (recorded with its
    /// confirmation, or from git history): that text, as a translator reads it.
    pub before: BTreeMap<String, BTreeMap<String, String>>,
}

impl Stale {
    /// `Some(changed)` when `id` is stale in `locale`.
    pub fn get(&self, locale: &str, id: &str) -> Option<Option<Date>> {
        self.by_locale.get(locale).and_then(|m| m.get(id)).copied()
    }

    pub fn count(&self, locale: &str) -> usize {
        self.by_locale.get(locale).map_or(0, BTreeMap::len)
    }
}
