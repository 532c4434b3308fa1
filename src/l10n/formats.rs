//! Locale data for the values messages receive: dates, numbers and lists through ICU4X
//! (CLDR), because fluent-rs has no DATETIME() and its NUMBER() ignores locale rules;
//! and what `check` holds translations to: CLDR's names of time units (ICU4X's duration
//! formatter) and numbers spelled out in words (num2words).

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

use crate::policy::{Date, Join, Month, TimeUnit};

/// The language identifier of a BCP 47 locale tag, as Fluent and its plural rules take
/// one: the tag without its extensions (`ar-u-nu-latn` is `ar` with Latin digits, which
/// the formatters here honour; Fluent's identifiers have no room for extensions).
pub fn language_id(tag: &str) -> Result<LanguageIdentifier, String> {
    let locale = Locale::try_from_str(tag)
        .map_err(|e| format!("`{tag}` is not a valid BCP 47 language tag ({e})"))?;
    locale
        .id
        .to_string()
        .parse()
        .map_err(|e| format!("`{tag}` is not a valid BCP 47 language tag ({e})"))
}

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
    /// CLDR's long duration format ("5 years", "5 ans"); `None` where ICU4X has no data.
    durations: Option<icu_experimental::duration::DurationFormatter>,
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
            durations: duration_formatter(&locale),
            locale,
        })
    }

    /// `amount` of `unit` as CLDR writes it in this locale's long style ("5 years",
    /// "5 ans", "5 Jahre"), or `None` without data for the locale.
    pub fn cldr_duration(&self, amount: u32, unit: TimeUnit) -> Option<String> {
        use icu_experimental::duration::Duration;
        let amount = u64::from(amount);
        let mut d = Duration::default();
        match unit {
            TimeUnit::Minutes => d.minutes = amount,
            TimeUnit::Hours => d.hours = amount,
            TimeUnit::Days => d.days = amount,
            TimeUnit::Weeks => d.weeks = amount,
            TimeUnit::Months => d.months = amount,
            TimeUnit::Years => d.years = amount,
        }
        Some(self.durations.as_ref()?.format(&d).to_string())
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

/// `n` in words as `tag` writes it ("achtundvierzig", "quarante-huit"), with the
/// spellings a writer may use as well (hyphens or spaces, German "hundert" for
/// "einhundert", Spanish feminine and apocopated forms); empty where the language
/// has no spell-out data.
pub fn in_words(tag: &str, n: u64) -> Vec<String> {
    let Some(lang) = spellout(tag) else {
        return Vec::new();
    };
    let Ok(base) = lang.to_cardinal(&num_bigint::BigInt::from(n)) else {
        return Vec::new();
    };
    let mut out = vec![base.clone(), base.replace('-', " "), base.replace(' ', "-")];
    for (from, to) in [
        ("einhundert", "hundert"),
        ("eintausend", "tausend"),
        ("uno", "un"),
        ("uno", "una"),
        ("ientos", "ientas"),
        ("veintiuno", "veintiún"),
    ] {
        if base.contains(from) {
            out.push(base.replacen(from, to, 1));
        }
    }
    out.sort();
    out.dedup();
    out
}

fn duration_formatter(locale: &Locale) -> Option<icu_experimental::duration::DurationFormatter> {
    use icu_experimental::duration::options::{BaseStyle, DurationFormatterOptions};
    use icu_experimental::duration::{DurationFormatter, ValidatedDurationFormatterOptions};
    let mut options = DurationFormatterOptions::default();
    options.base = BaseStyle::Long;
    let options = ValidatedDurationFormatterOptions::validate(options).ok()?;
    DurationFormatter::try_new(locale.into(), options).ok()
}

/// num2words's language for `tag` (`fr-CA` as `fr_CA`, else its language).
fn spellout(tag: &str) -> Option<&'static (dyn num2words2_core::base::Lang + Sync)> {
    num2words2_core::get_lang_by_key(&tag.replace('-', "_"))
        .or_else(|| num2words2_core::get_lang_by_key(tag.split('-').next()?))
}

/// The numbering systems a locale tag may ask for (`-u-nu-…`): the decimal systems of
/// CLDR's living scripts. Fluent keys its formatters by language identifier, which has
/// no room for the extension, so each system gets a formatter of its own (`Numbering`).
const NUMBERING: [&str; 24] = [
    "arab", "arabext", "beng", "deva", "fullwide", "gujr", "guru", "hanidec", "java", "khmr",
    "knda", "laoo", "latn", "mlym", "mong", "mymr", "orya", "sinh", "tamldec", "telu", "thai",
    "tibt", "olck", "limb",
];

/// ICU's decimal formatter, memoized per bundle by fluent's memoizer; `NU` is the index
/// of the tag's numbering system in `NUMBERING`, or `usize::MAX` for the locale's own.
struct IcuNumbers<const NU: usize>(DecimalFormatter);

impl<const NU: usize> Memoizable for IcuNumbers<NU> {
    type Args = ();
    type Error = String;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, String> {
        let mut tag = lang.to_string();
        if let Some(system) = NUMBERING.get(NU) {
            tag = format!("{tag}-u-nu-{system}");
        }
        let locale = Locale::try_from_str(&tag).map_err(|e| e.to_string())?;
        DecimalFormatter::try_new((&locale).into(), Default::default())
            .map(IcuNumbers)
            .map_err(|e| e.to_string())
    }
}

/// Fluent's formatter hook: numbers are written with the locale's digits, grouping and
/// decimal separator (fr "1 234,5", de "1.234,5", fa "۱۲۳", `th-u-nu-thai` "๑๒๓").
/// Other values keep Fluent's default.
fn format_number<M: MemoizerKind, const NU: usize>(
    value: &FluentValue,
    intls: &M,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let decimal = Decimal::try_from_str(&n.as_string()).ok()?;
    intls
        .with_try_get_threadsafe::<IcuNumbers<NU>, _, _>((), |f| f.0.format(&decimal).to_string())
        .ok()
}

/// Fluent's number formatter hook, as `FluentBundle::set_formatter` takes it.
pub type NumberFormatter<M> = fn(&FluentValue, &M) -> Option<String>;

/// A Fluent number formatter for `tag`'s numbering system (its `-u-nu-…`, else the
/// locale's own); an error for a system policyglot cannot write.
pub fn number_formatter<M: MemoizerKind>(tag: &str) -> Result<NumberFormatter<M>, String> {
    macro_rules! systems {
        ($($i:literal)*) => { [$(format_number::<M, $i> as NumberFormatter<M>),*] };
    }
    let formatters = systems!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23);
    let locale = Locale::try_from_str(tag)
        .map_err(|e| format!("`{tag}` is not a valid BCP 47 language tag ({e})"))?;
    let key = icu::locale::extensions::unicode::key!("nu");
    let Some(system) = locale.extensions.unicode.keywords.get(&key) else {
        return Ok(format_number::<M, { usize::MAX }>);
    };
    let system = system.to_string();
    match NUMBERING.iter().position(|s| *s == system) {
        Some(i) => Ok(formatters[i]),
        None => Err(format!(
            "`{tag}` asks for the numbering system `{system}`, which policyglot cannot write (it writes {})",
            NUMBERING.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_tags_numbering_system_and_grouping() {
        use intl_memoizer::concurrent::IntlLangMemoizer;
        let format = |tag: &str, n: f64| {
            let f = number_formatter::<IntlLangMemoizer>(tag).unwrap();
            let intls = IntlLangMemoizer::new(language_id(tag).unwrap());
            f(&FluentValue::from(n), &intls).unwrap()
        };
        assert_eq!(format("en-IN", 1234567.0), "12,34,567");
        assert_eq!(format("fa", 123.0), "۱۲۳");
        assert_eq!(format("th-u-nu-thai", 123.0), "๑๒๓");
        assert_eq!(format("th", 123.0), "123");
        assert_eq!(format("ar-u-nu-latn", 123.0), "123");
        assert!(number_formatter::<IntlLangMemoizer>("fr-u-nu-roman").is_err());
        assert_eq!(language_id("ar-u-nu-latn").unwrap().to_string(), "ar");
    }

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
    fn durations_and_words_come_from_cldr_and_num2words() {
        let cases = [
            ("en", "5 years", "forty-eight"),
            ("fr", "5 ans", "quarante-huit"),
            ("de", "5 Jahre", "achtundvierzig"),
            ("es", "5 años", "cuarenta y ocho"),
        ];
        for (tag, years, words) in cases {
            let f = Formats::new(tag).unwrap();
            assert_eq!(f.cldr_duration(5, TimeUnit::Years).as_deref(), Some(years));
            assert!(in_words(tag, 48).contains(&words.to_owned()), "{tag}");
        }
        let de = Formats::new("de").unwrap();
        assert_eq!(
            de.cldr_duration(1, TimeUnit::Days).as_deref(),
            Some("1 Tag")
        );
        assert!(in_words("de", 100).contains(&"hundert".to_owned()));
        assert!(in_words("fr", 21).contains(&"vingt et un".to_owned()));
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
