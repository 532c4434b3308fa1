//! Which translations are stale: the result of `check::stale` (confirmations and git
//! history), kept here because pages show it (a notice on each stale block).

use std::collections::BTreeMap;

use crate::policy::Date;

/// Stale messages per locale, with the day the reference text last changed.
#[derive(Debug, Default, Clone)]
pub struct Stale {
    pub by_locale: BTreeMap<String, BTreeMap<String, Date>>,
}

impl Stale {
    pub fn get(&self, locale: &str, id: &str) -> Option<Date> {
        self.by_locale.get(locale).and_then(|m| m.get(id)).copied()
    }

    pub fn count(&self, locale: &str) -> usize {
        self.by_locale.get(locale).map_or(0, BTreeMap::len)
    }
}
