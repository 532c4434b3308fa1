//! The policy's value types: ids, dates, durations, and the typed values a fact carries
//! for its messages (`values:`). Each validates while parsing, so a typo is a located
//! error; references (entities, keywords, fact links) are resolved by `validate`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, de};

/// Text given per language, keyed by locale tag (a setting's label, a translated plan
/// name). A locale without its own text shows the reference locale's.
pub type Localized = BTreeMap<String, String>;

/// A fact's named values, by variable name: its messages get each as `$name`.
pub type Values = BTreeMap<Id, Value>;

/// A typed value a fact's messages receive, already localized when they get it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(with = "ValueSpec")]
pub enum Value {
    /// A calendar date, written in each language's long form.
    Date(Date),
    /// A month of a year, for facts a source dates no closer ("from the end of
    /// September 2025"), written as the language writes a month and year.
    Month(Month),
    /// A length of time, written by the locale's `duration` message.
    Duration(Duration),
    /// A number, with the locale's digits and separators.
    Number(f64),
    /// One value of a keyword set declared under `keywords:`; messages select on it.
    Keyword(Id),
    /// Names of declared entities, joined as the language joins a list.
    Entities { ids: Vec<Id>, join: Join },
    /// The name of one declared entity.
    Entity(Id),
    /// Text of the product's interface, per language, with the source each text was
    /// taken from (by locale). Written `{ ui: key }`, `ui` is the key in the product's
    /// catalogs and `text` is filled from them when the policy is loaded.
    Label {
        text: Localized,
        sources: BTreeMap<String, Id>,
        #[serde(skip_serializing_if = "Option::is_none")]
        ui: Option<String>,
    },
    /// A web address (`https://…`, `mailto:…`) or the id of a fact shown on the site,
    /// with the language of the page it opens when that page exists in one language
    /// only (pages in other languages say so after the link).
    Link {
        target: String,
        lang: Option<String>,
    },
    /// An email address, shown as a link.
    Email(String),
    /// Days a fact holds (`policy::time`): its messages get `$<name>-status` (upcoming,
    /// open or passed on the build day) and its `$<name>-from` / `$<name>-until` dates.
    Window(super::time::Window),
}

/// How an entity list is joined: "A, B and C" or "A, B or C".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Join {
    #[default]
    And,
    Or,
}

impl Value {
    /// What the value is, as `values:` spells its type.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Date(_) => "date",
            Value::Month(_) => "month",
            Value::Duration(_) => "duration",
            Value::Number(_) => "number",
            Value::Keyword(_) => "keyword",
            Value::Entities { .. } => "entities",
            Value::Entity(_) => "entity",
            Value::Label { ui: Some(_), .. } => "ui",
            Value::Label { .. } => "label",
            Value::Link { .. } => "link",
            Value::Email(_) => "email",
            Value::Window(_) => "window",
        }
    }
}

/// `values:` as written: a map with exactly one type key (`{ date: 2025-09-28 }`,
/// `{ entities: [a, b], join: or }`).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ValueSpec {
    /// A calendar date, `YYYY-MM-DD`.
    date: Option<Date>,
    /// A month of a year, `YYYY-MM`.
    month: Option<Month>,
    /// A length of time: `48 hours`, `30 days`, `5 years`.
    duration: Option<Duration>,
    /// A number.
    number: Option<f64>,
    /// A value of a keyword set declared under `keywords:`.
    keyword: Option<Id>,
    /// Ids of entities declared under `entities:`.
    entities: Option<Vec<Id>>,
    /// How `entities` are joined: `and` (default) or `or`.
    join: Option<Join>,
    /// The id of one declared entity.
    entity: Option<Id>,
    /// Interface text per locale tag (`en: Settings`).
    label: Option<Localized>,
    /// With `label`: the source each locale's text was taken from (`fr: source-id`).
    sources: Option<BTreeMap<String, Id>>,
    /// Interface text by its key in the product's string catalogs (`interface:
    /// catalogs:`): each locale shows the product's own text for it.
    ui: Option<String>,
    /// A URL with its scheme, or the id of a fact shown on a page.
    link: Option<String>,
    /// With `link`: the BCP 47 tag of the only language the linked page is published
    /// in (`en`); pages in another language add "(in English)" after the link.
    lang: Option<String>,
    /// An email address.
    email: Option<String>,
    /// Days a fact holds: `{ from: YYYY-MM-DD, until: YYYY-MM-DD }` (both included;
    /// a deadline has only `until`).
    window: Option<super::time::Window>,
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spec = ValueSpec::deserialize(d)?;
        let join = spec.join;
        let mut found = Vec::new();
        if let Some(v) = spec.date {
            found.push(Value::Date(v));
        }
        if let Some(v) = spec.month {
            found.push(Value::Month(v));
        }
        if let Some(v) = spec.duration {
            found.push(Value::Duration(v));
        }
        if let Some(v) = spec.number {
            if !v.is_finite() {
                return Err(de::Error::custom("a `number` must be finite"));
            }
            found.push(Value::Number(v));
        }
        if let Some(v) = spec.keyword {
            found.push(Value::Keyword(v));
        }
        if let Some(ids) = spec.entities {
            found.push(Value::Entities {
                ids,
                join: join.unwrap_or_default(),
            });
        } else if join.is_some() {
            return Err(de::Error::custom(
                "`join` goes with `entities`: write `{ entities: [a, b], join: or }`",
            ));
        }
        if let Some(v) = spec.entity {
            found.push(Value::Entity(v));
        }
        match (spec.label, spec.sources) {
            (Some(text), sources) => found.push(Value::Label {
                text,
                sources: sources.unwrap_or_default(),
                ui: None,
            }),
            (None, Some(_)) => {
                return Err(de::Error::custom(
                    "`sources` goes with `label`: write `{ label: { fr: … }, sources: { fr: source-id } }`",
                ));
            }
            (None, None) => {}
        }
        if let Some(key) = spec.ui {
            if key.trim().is_empty() {
                return Err(de::Error::custom(
                    "`ui` names a key of the product's catalogs: `{ ui: settings.privacy.title }`",
                ));
            }
            found.push(Value::Label {
                text: Localized::new(),
                sources: BTreeMap::new(),
                ui: Some(key),
            });
        }
        match (spec.link, spec.lang) {
            (Some(target), lang) => {
                if let Some(tag) = &lang
                    && !is_language_tag(tag)
                {
                    return Err(de::Error::custom(format!(
                        "`{tag}` is not a language tag: write the BCP 47 tag of the linked page's language, e.g. `lang: en`"
                    )));
                }
                found.push(Value::Link { target, lang });
            }
            (None, Some(_)) => {
                return Err(de::Error::custom(
                    "`lang` goes with `link`: write `{ link: https://…, lang: en }`",
                ));
            }
            (None, None) => {}
        }
        if let Some(v) = spec.email {
            found.push(Value::Email(v));
        }
        if let Some(v) = spec.window {
            found.push(Value::Window(v));
        }
        match found.len() {
            1 => Ok(found.pop().expect("one")),
            0 => Err(de::Error::custom(
                "a value needs its type: one of `date`, `month`, `duration`, `number`, `keyword`, `entities`, `entity`, `label`, `ui`, `link`, `email`, `window` (e.g. `{ duration: 30 days }`)",
            )),
            _ => Err(de::Error::custom(format!(
                "a value has one type, this one has {}: split it into several named values",
                found
                    .iter()
                    .map(|v| format!("`{}`", v.type_name()))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ))),
        }
    }
}

/// Whether `tag` has the shape of a BCP 47 language tag (`en`, `pt-BR`): ASCII letters,
/// digits and hyphens, starting with a letter, at most 35 characters (what a `lang`
/// attribute may hold as written).
pub fn is_language_tag(tag: &str) -> bool {
    tag.len() <= 35
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.split('-').all(|part| {
            !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// A name that may differ per language: one text for all, or a map of locale tag to
/// text (`{ en: Students, fr: Étudiants }`) in which the reference locale is required.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Name {
    Same(String),
    PerLocale(Localized),
}

impl Name {
    /// The text `locale` shows: its own form, else the reference locale's.
    pub fn for_locale<'a>(&'a self, locale: &str, reference: &str) -> &'a str {
        match self {
            Name::Same(text) => text,
            Name::PerLocale(map) => map
                .get(locale)
                .or_else(|| map.get(reference))
                .map_or("", String::as_str),
        }
    }

    /// The text `locale` shows, and the locale it is written in when that is not
    /// `locale` (a map without `locale`'s form shows the reference locale's).
    pub fn in_locale<'a>(&'a self, locale: &str, reference: &'a str) -> (&'a str, Option<&'a str>) {
        match self {
            Name::Same(text) => (text, None),
            Name::PerLocale(map) => match map.get(locale) {
                Some(text) => (text, None),
                None => (
                    map.get(reference).map_or("", String::as_str),
                    Some(reference),
                ),
            },
        }
    }

    /// Every form, for checks that look for a name typed by hand.
    pub fn forms(&self) -> Vec<&str> {
        match self {
            Name::Same(text) => vec![text.as_str()],
            Name::PerLocale(map) => map.values().map(String::as_str).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Name;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a name, or a map of locale tag to name (`{ en: Students, fr: Étudiants }`)",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
                Ok(Name::Same(v.to_owned()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Name, A::Error> {
                Localized::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(Name::PerLocale)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A stable identifier: lowercase ASCII letters, digits and single hyphens, starting
/// with a letter, so it is a valid HTML id, Fluent message id and variable name as is.
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
        // Digits only: `+025` or ` 25` would parse as numbers but are not ISO years.
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
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

/// A month of a year (ISO 8601, `YYYY-MM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    pub fn parse(s: &str) -> Result<Month, String> {
        // A month is its first day's date without the day: the same rules, one message.
        let date = Date::parse(&format!("{s}-01"))
            .map_err(|_| format!("invalid month `{s}`: write it as YYYY-MM, e.g. 2025-09"))?;
        Ok(Month {
            year: date.year,
            month: date.month,
        })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl JsonSchema for Month {
    fn schema_name() -> Cow<'static, str> {
        "Month".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "description": "A month of a year, YYYY-MM." })
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Month::parse(&s).map_err(de::Error::custom)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A length of time: a whole number of a unit, written `48 hours` or `1 year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    pub amount: u32,
    pub unit: TimeUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl TimeUnit {
    pub const ALL: [TimeUnit; 6] = [
        TimeUnit::Minutes,
        TimeUnit::Hours,
        TimeUnit::Days,
        TimeUnit::Weeks,
        TimeUnit::Months,
        TimeUnit::Years,
    ];

    /// The selector value the locales' `duration` message matches on.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Minutes => "minutes",
            TimeUnit::Hours => "hours",
            TimeUnit::Days => "days",
            TimeUnit::Weeks => "weeks",
            TimeUnit::Months => "months",
            TimeUnit::Years => "years",
        }
    }
}

impl Duration {
    pub fn parse(s: &str) -> Result<Duration, String> {
        let bad = |why: &str| {
            format!(
                "invalid duration `{s}`: {why}; write a whole number and a unit, e.g. `48 hours`, `30 days`, `5 years`"
            )
        };
        let mut words = s.split_whitespace();
        let (Some(amount), Some(unit), None) = (words.next(), words.next(), words.next()) else {
            return Err(bad("expected two words"));
        };
        if !amount.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("the amount is not a whole number"));
        }
        let amount: u32 = amount.parse().map_err(|_| bad("the amount is too large"))?;
        let unit = TimeUnit::ALL
            .into_iter()
            .find(|u| unit == u.as_str() || unit == u.as_str().trim_end_matches('s'))
            .ok_or_else(|| bad("the unit is not minutes, hours, days, weeks, months or years"))?;
        Ok(Duration { amount, unit })
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit.as_str())
    }
}

impl Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Duration::parse(&s).map_err(de::Error::custom)
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]+ (minute|hour|day|week|month|year)s?$",
            "description": "A length of time: a whole number and a unit (minutes, hours, days, weeks, months, years), e.g. `48 hours`."
        })
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
        // Signs and spaces parse as numbers but are not ISO 8601 years.
        assert!(Date::parse("+025-09-28").is_err());
        assert!(Date::parse(" 025-09-28").is_err());
    }

    #[test]
    fn months_must_exist() {
        assert_eq!(Month::parse("2025-09").unwrap().to_string(), "2025-09");
        assert!(Month::parse("2025-13").unwrap_err().contains("YYYY-MM"));
        assert!(Month::parse("2025-09-01").is_err());
        assert!(Month::parse("25-09").is_err());
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

    #[test]
    fn durations_have_a_whole_amount_and_a_unit() {
        let d = Duration::parse("48 hours").unwrap();
        assert_eq!((d.amount, d.unit), (48, TimeUnit::Hours));
        assert_eq!(Duration::parse("1 year").unwrap().unit, TimeUnit::Years);
        assert_eq!(
            Duration::parse("90 minutes").unwrap().to_string(),
            "90 minutes"
        );
        assert!(Duration::parse("2.5 days").is_err());
        assert!(Duration::parse("5 fortnights").is_err());
        assert!(Duration::parse("5").is_err());
    }

    #[test]
    fn a_value_has_exactly_one_type() {
        let parse = |s: &str| serde_yaml::from_str::<Value>(s).map_err(|e| e.to_string());
        assert_eq!(
            parse("{ duration: 48 hours }").unwrap(),
            Value::Duration(Duration::parse("48 hours").unwrap())
        );
        assert!(matches!(
            parse("{ entities: [a, b], join: or }").unwrap(),
            Value::Entities { join: Join::Or, .. }
        ));
        assert!(
            parse("{ date: 2025-01-01, number: 3 }")
                .unwrap_err()
                .contains("one type")
        );
        assert!(
            parse("{ join: or }")
                .unwrap_err()
                .contains("goes with `entities`")
        );
        assert!(
            parse("{ colour: red }")
                .unwrap_err()
                .contains("unknown field `colour`")
        );
    }

    #[test]
    fn a_link_may_name_the_language_of_its_page() {
        let parse = |s: &str| serde_yaml::from_str::<Value>(s).map_err(|e| e.to_string());
        assert_eq!(
            parse("{ link: \"https://example.com/\", lang: pt-BR }").unwrap(),
            Value::Link {
                target: "https://example.com/".into(),
                lang: Some("pt-BR".into())
            }
        );
        assert!(
            parse("{ lang: en }")
                .unwrap_err()
                .contains("`lang` goes with `link`")
        );
        assert!(
            parse("{ link: \"https://example.com/\", lang: \"en\\\" x\" }")
                .unwrap_err()
                .contains("is not a language tag")
        );
        assert!(!is_language_tag("-en") && !is_language_tag("") && is_language_tag("zh-Hant-TW"));
    }
}
