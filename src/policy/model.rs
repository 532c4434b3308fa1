//! The policy's typed data model: every fact, with a stable id, as `policy.yaml` spells it.
//!
//! Unknown fields are rejected everywhere (`deny_unknown_fields`), and the scalar types
//! (`Id`, `Date`, `Duration`) validate while parsing, so a typo is a located error.

use std::collections::BTreeMap;
use std::fmt;

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, de};

/// The whole `policy.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub organization: Named,
    pub product: Named,
    /// Every product tier the policy talks about.
    pub tiers: Vec<Tier>,
    /// The help articles, in reading order.
    pub pages: Vec<PageSpec>,
    /// The policy's versions, oldest first; the one in force on the build date is shown.
    pub versions: Vec<Version>,
    /// A fingerprint of the text this policy was parsed from (`memo::fingerprint`):
    /// results computed from it are reused while it is the same.
    #[serde(skip)]
    #[schemars(skip)]
    pub fingerprint: u64,
}

impl Policy {
    /// The latest version (validation guarantees there is one and that versions are in
    /// date order).
    pub fn current(&self) -> &Version {
        self.versions
            .last()
            .expect("validated: at least one version")
    }

    /// The version in force on `day`: the last one that took effect on or before it (the
    /// first version when none has started yet).
    pub fn in_force(&self, day: Date) -> &Version {
        self.versions
            .iter()
            .rev()
            .find(|v| v.effective.is_none_or(|e| e <= day))
            .unwrap_or(&self.versions[0])
    }

    /// The version before `version`, if any.
    pub fn previous(&self, version: &Version) -> Option<&Version> {
        let at = self.versions.iter().position(|v| v.id == version.id)?;
        at.checked_sub(1).map(|i| &self.versions[i])
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.id.as_str() == id)
    }
}

/// A named entity whose name is a fact (a brand, a product).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub id: Id,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: Id,
    pub name: String,
    pub segment: Segment,
    /// This tier is covered only when used through accounts of these tiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used_with: Vec<Id>,
    /// Plan names sold under this tier (e.g. Team, Enterprise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Segment {
    Consumer,
    Commercial,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    pub id: Id,
    /// Ids of the fact blocks shown on this page, in order.
    pub blocks: Vec<Id>,
}

/// One version of the policy, with every fact it states.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub id: Id,
    /// The day this version takes effect. Only the first version may leave it out, when
    /// its start was never published (it is then in force until the next one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The day it was announced, when that differs from `effective`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<Date>,
    /// The day the published text was last updated, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// The published texts this version's facts come from.
    pub sources: Vec<Source>,
    pub about_training: Fact,
    pub data_sources: FactGroup,
    pub personal_data_use: PersonalDataUse,
    pub safeguards: Safeguards,
    pub training: Training,
    pub retention: Retention,
    pub coverage: Coverage,
    pub feedback: FactGroup,
    pub rights: Rights,
    pub controller_rule: Fact,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub title: String,
    pub kind: SourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// BCP 47 tag of the language the source was published in.
    pub language: String,
    /// Ids of the facts taken from this source.
    pub facts: Vec<Id>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Announcement,
    HelpArticle,
    Press,
}

/// A fact stated by its sentence alone (the sentence lives in the locales).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: Id,
}

/// A heading and intro with a list of facts.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactGroup {
    pub id: Id,
    pub items: Vec<Fact>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalDataUse {
    pub id: Id,
    /// What personal data in training data is never used for.
    pub never_used_for: Vec<Fact>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Safeguards {
    pub id: Id,
    pub items: Vec<Safeguard>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Safeguard {
    pub id: Id,
    /// Quoted principles (their wording lives in the locales, as a quotation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Fact>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Training {
    pub rule: TrainingRule,
    pub exceptions: FactGroup,
    /// How users choose (absent in versions that offered no choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<Choice>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingRule {
    pub id: Id,
    /// Whether conversations are used unless the user opts out, or only if they opt in.
    pub default: TrainingDefault,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TrainingDefault {
    OptIn,
    OptOut,
}

impl TrainingDefault {
    /// The selector value messages match on.
    pub fn as_str(self) -> &'static str {
        match self {
            TrainingDefault::OptIn => "opt-in",
            TrainingDefault::OptOut => "opt-out",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: Id,
    pub setting: Setting,
    pub steps: Vec<ChoiceStep>,
}

/// The product setting through which users choose.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    /// The setting's label as the product's interface shows it, per language.
    pub label: Localized,
    /// Where the setting lives in the product, per language.
    pub location: Localized,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceStep {
    pub id: Id,
    /// Title of the prompt shown to existing users, per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Localized>,
    /// Date by which the choice must be made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    pub id: Id,
    pub periods: Vec<RetentionPeriod>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionPeriod {
    pub id: Id,
    pub period: Duration,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    pub id: Id,
    pub covered: TierList,
    pub not_covered: TierList,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierList {
    pub id: Id,
    pub tiers: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rights {
    pub id: Id,
    pub items: Vec<Fact>,
    /// Limits on the rights and where to learn more, said after the list.
    pub notes: Vec<Fact>,
}

/// Text that differs per language because the product itself shows it so (a setting's
/// label). Keyed by locale; locales without an entry show the reference locale's text.
pub type Localized = BTreeMap<String, String>;

/// A stable identifier: lowercase ASCII letters, digits and single hyphens, starting
/// with a letter, so it is a valid HTML id and Fluent message id as is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn parse(s: &str) -> Result<Id, String> {
        let valid = s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.ends_with('-')
            && !s.contains("--");
        if valid {
            Ok(Id(s.to_owned()))
        } else {
            Err(format!(
                "invalid id `{s}`: use lowercase letters, digits and single hyphens, starting with a letter (e.g. `retention-feedback`)"
            ))
        }
    }
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[a-z](-?[a-z0-9])*$",
            "description": "A stable id: lowercase letters, digits and single hyphens, starting with a letter. The messages of a fact share its id."
        })
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Id::parse(&s).map_err(de::Error::custom)
    }
}

/// A calendar date (ISO 8601, `YYYY-MM-DD`), checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || format!("invalid date `{s}`: write it as YYYY-MM-DD, e.g. 2025-09-28");
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (year, month, day) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(format!("invalid date `{s}`: there is no month {month}")),
        };
        if day == 0 || day > days_in_month {
            return Err(format!(
                "invalid date `{s}`: month {month} of {year} has {days_in_month} days"
            ));
        }
        Ok(Date { year, month, day })
    }
}

impl Date {
    /// The UTC calendar date of a Unix time (Howard Hinnant's days-to-civil).
    pub fn from_unix(seconds: i64) -> Date {
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today (UTC), or the day of `SOURCE_DATE_EPOCH` when set, for reproducible builds.
    pub fn today() -> Date {
        let seconds = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64)
            });
        Date::from_unix(seconds)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date", "description": "A calendar date, YYYY-MM-DD." })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(de::Error::custom)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A length of time: a whole number of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    pub amount: u32,
    pub unit: TimeUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TimeUnit {
    Days,
    Weeks,
    Months,
    Years,
}

impl TimeUnit {
    /// The selector value the locales' `duration` message matches on.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Days => "days",
            TimeUnit::Weeks => "weeks",
            TimeUnit::Months => "months",
            TimeUnit::Years => "years",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert_eq!(Date::parse("2025-09-28").unwrap().to_string(), "2025-09-28");
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(
            Date::parse("2025-02-29")
                .unwrap_err()
                .contains("has 28 days")
        );
        assert!(Date::parse("2025-13-01").is_err());
        assert!(Date::parse("28/09/2025").is_err());
    }

    #[test]
    fn unix_times_become_dates() {
        assert_eq!(Date::from_unix(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix(1_759_017_600).to_string(), "2025-09-28");
        assert_eq!(Date::from_unix(951_782_400).to_string(), "2000-02-29");
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(Id::parse("retention-feedback").is_ok());
        assert!(Id::parse("Retention").is_err());
        assert!(Id::parse("9lives").is_err());
        assert!(Id::parse("a--b").is_err());
        assert!(Id::parse("a b").is_err());
    }
}
