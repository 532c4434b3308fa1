//! Locale data for the values messages receive: dates, numbers and lists through ICU4X
//! (CLDR), because fluent-rs has no DATETIME() and its NUMBER() ignores locale rules.

use fluent_bundle::FluentValue;
use fluent_bundle::memoizer::MemoizerKind;
use icu::datetime::DateTimeFormatter;
use icu::datetime::fieldsets::{YM, YMD};
use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use icu::list::ListFormatter;
use icu::list::options::{ListFormatterOptions, ListLength};
use icu::locale::Locale;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::policy::{Date, Join, Month};

/// The formatters of one locale, built once per build.
pub struct Formats {
    dates: DateTimeFormatter<YMD>,
    /// Months and years, made on first use: few policies have one.
    months: std::sync::OnceLock<Result<DateTimeFormatter<YM>, String>>,
    locale: Locale,
    /// French writes the first of a month as an ordinal ("1er octobre"), which CLDR's
    /// date patterns cannot express.
    first_as_ordinal: bool,
    and: ListFormatter,
    or: ListFormatter,
    numbers: DecimalFormatter,
}

impl Formats {
    pub fn new(tag: &str) -> Result<Formats, String> {
        let locale = Locale::try_from_str(tag)
            .map_err(|e| format!("`{tag}` is not a valid BCP 47 language tag ({e})"))?;
        let options = || ListFormatterOptions::default().with_length(ListLength::Wide);
        Ok(Formats {
            dates: DateTimeFormatter::try_new((&locale).into(), YMD::long())
                .map_err(|e| format!("no date format for `{tag}`: {e}"))?,
            first_as_ordinal: locale.id.language.as_str() == "fr",
            and: ListFormatter::try_new_and((&locale).into(), options())
                .map_err(|e| format!("no list format for `{tag}`: {e}"))?,
            or: ListFormatter::try_new_or((&locale).into(), options())
                .map_err(|e| format!("no list format for `{tag}`: {e}"))?,
            numbers: DecimalFormatter::try_new((&locale).into(), Default::default())
                .map_err(|e| format!("no number format for `{tag}`: {e}"))?,
            months: std::sync::OnceLock::new(),
            locale,
        })
    }

    /// A long date as the locale writes it ("September 28, 2025", "28 septembre 2025").
    pub fn date(&self, date: Date) -> String {
        let iso = icu::calendar::Date::try_new_iso(date.year, date.month, date.day)
            .expect("validated when the policy was parsed");
        let text = self.dates.format(&iso).to_string();
        match text.strip_prefix("1 ") {
            Some(rest) if self.first_as_ordinal && date.day == 1 => format!("1er {rest}"),
            _ => text,
        }
    }

    /// A month and year as the locale writes them ("September 2025", "septembre 2025").
    pub fn month(&self, month: Month) -> String {
        let formatter = self.months.get_or_init(|| {
            DateTimeFormatter::try_new((&self.locale).into(), YM::long())
                .map_err(|e| format!("{e}"))
        });
        let iso = icu::calendar::Date::try_new_iso(month.year, month.month, 1)
            .expect("validated when the policy was parsed");
        match formatter {
            Ok(f) => f.format(&iso).to_string(),
            // Every locale with a date format has this one (CLDR data is compiled in).
            Err(_) => month.to_string(),
        }
    }

    /// A number as the locale writes it alone (a table cell): fr "1 234,5".
    pub fn number(&self, n: f64) -> String {
        match Decimal::try_from_str(&n.to_string()) {
            Ok(decimal) => self.numbers.format(&decimal).to_string(),
            Err(_) => n.to_string(),
        }
    }

    /// Names joined as the locale joins them ("A, B and C", "A, B ou C").
    pub fn list(&self, names: &[String], join: Join) -> String {
        let formatter = match join {
            Join::And => &self.and,
            Join::Or => &self.or,
        };
        formatter.format_to_string(names.iter())
    }
}

/// ICU's decimal formatter, memoized per bundle by fluent's memoizer.
struct IcuNumbers(DecimalFormatter);

impl Memoizable for IcuNumbers {
    type Args = ();
    type Error = String;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, String> {
        let locale = Locale::try_from_str(&lang.to_string()).map_err(|e| e.to_string())?;
        DecimalFormatter::try_new((&locale).into(), Default::default())
            .map(IcuNumbers)
            .map_err(|e| e.to_string())
    }
}

/// Fluent's formatter hook: numbers are written with the locale's digits, grouping and
/// decimal separator (fr "1 234,5", de "1.234,5"). Other values keep Fluent's default.
pub fn format_number<M: MemoizerKind>(value: &FluentValue, intls: &M) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let decimal = Decimal::try_from_str(&n.as_string()).ok()?;
    intls
        .with_try_get_threadsafe::<IcuNumbers, _, _>((), |f| f.0.format(&decimal).to_string())
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_use_cldr_patterns() {
        let d = Date::parse("2025-09-28").unwrap();
        assert_eq!(Formats::new("fr").unwrap().date(d), "28 septembre 2025");
        assert_eq!(Formats::new("de").unwrap().date(d), "28. September 2025");
        assert_eq!(Formats::new("en").unwrap().date(d), "September 28, 2025");
        assert_eq!(Formats::new("en-GB").unwrap().date(d), "28 September 2025");
        let first = Date::parse("2025-10-01").unwrap();
        assert_eq!(Formats::new("fr").unwrap().date(first), "1er octobre 2025");
        assert_eq!(
            Formats::new("fr-CA").unwrap().date(first),
            "1er octobre 2025"
        );
        assert_eq!(Formats::new("de").unwrap().date(first), "1. Oktober 2025");
        let eleventh = Date::parse("2025-10-11").unwrap();
        assert_eq!(
            Formats::new("fr").unwrap().date(eleventh),
            "11 octobre 2025"
        );
    }

    #[test]
    fn months_use_cldr_patterns() {
        let m = Month::parse("2025-09").unwrap();
        assert_eq!(Formats::new("en").unwrap().month(m), "September 2025");
        assert_eq!(Formats::new("fr").unwrap().month(m), "septembre 2025");
        assert_eq!(Formats::new("de").unwrap().month(m), "September 2025");
    }

    #[test]
    fn lists_use_the_locale_conjunction() {
        let names: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        assert_eq!(
            Formats::new("fr").unwrap().list(&names, Join::And),
            "A, B et C"
        );
        assert_eq!(
            Formats::new("de").unwrap().list(&names, Join::Or),
            "A, B oder C"
        );
    }
}
