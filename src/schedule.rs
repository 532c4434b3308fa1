//! When the published site changes by itself: the next day a version of the policy takes
//! effect after the build date. A site built before that day announces the change as
//! upcoming; rebuilt on or after it, it shows the new version in force (the publish
//! workflow builds daily for this).

use crate::policy::{Date, Policy};

/// The first `effective` date of a version strictly after `today`, if any.
pub fn next_change(policy: &Policy, today: Date) -> Option<Date> {
    policy
        .versions
        .iter()
        .filter_map(|v| v.effective)
        .filter(|day| *day > today)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_next_effective_date_after_today() {
        let file = SourceFile::new("policy.yaml", include_str!("../policy/policy.yaml"));
        let mut policy = crate::policy::load::parse(&file).unwrap();
        let last = policy.versions.last().unwrap().effective.unwrap();
        let before = Date { day: 1, ..last };
        assert!(before < last);
        assert_eq!(next_change(&policy, before), Some(last));
        // On the day itself the version is in force: nothing is pending.
        assert_eq!(next_change(&policy, last), None);
        // The nearest of several later versions, whatever their order.
        let mut later = policy.versions.last().unwrap().clone();
        later.effective = Some(day("2030-01-01"));
        policy.versions.insert(0, later);
        assert_eq!(next_change(&policy, before), Some(last));
        assert_eq!(next_change(&policy, last), Some(day("2030-01-01")));
    }
}
