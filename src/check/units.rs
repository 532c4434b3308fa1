//! Every period of the policy, as each locale's `duration` message writes it, held to
//! CLDR's name of the unit in that language (ICU4X's duration formatter, long style).
//!
//! The locale's message stays what renders a period, because grammar may need more
//! than CLDR's nominative ("innerhalb von zwei Tagen" takes German's dative); so the
//! rule is: the text must be CLDR's form for the amount ("5 ans"), or an inflection of
//! the unit (a word that extends the stem CLDR's forms share: "Tagen" for "Tag"/"Tage"),
//! and never another unit's or another number's form ("2 meses" for 2 years, "1 años").

use std::collections::BTreeSet;

use crate::diag::{Diagnostic, Diagnostics};
use crate::l10n::{Locale, Locales};
use crate::policy::{Arg, Duration, Node, Policy, TimeUnit, facts};
use crate::render::markdown;

/// The policy's distinct periods, in every version.
pub fn durations(policy: &Policy) -> Vec<Duration> {
    let mut out: Vec<Duration> = Vec::new();
    for version in &policy.versions {
        for node in facts::blocks(policy, version).iter().flat_map(Node::walk) {
            for (_, arg) in node.args.iter() {
                if let Arg::Duration(d) = arg
                    && !out.contains(d)
                {
                    out.push(*d);
                }
            }
        }
    }
    out.sort_by_key(|d| (d.unit.as_str(), d.amount));
    out
}

/// The words of `text` around the amount, spaces of any kind made one, lower case.
fn unit_words(text: &str, amount: &str) -> String {
    let rest = text.replacen(amount, " ", 1);
    rest.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The sample amounts whose CLDR forms give a unit's forms (singular, dual or few, plural).
const SAMPLES: [u32; 3] = [1, 2, 5];

pub fn check(durations: &[Duration], locales: &Locales, locale: &Locale) -> Diagnostics {
    let formats = locale.formats();
    let cldr = |amount: u32, unit: TimeUnit| {
        let text = formats.cldr_duration(amount, unit)?;
        Some(unit_words(&text, &formats.number(f64::from(amount))))
    };
    let mut out = Vec::new();
    for d in durations {
        let Some(want) = cldr(d.amount, d.unit) else {
            return out; // no CLDR data for this locale
        };
        // A message that cannot be formatted is reported by the message checks.
        let Ok(text) = locales.format_value(locale, &Arg::Duration(*d)) else {
            continue;
        };
        let text = markdown::plain(&text);
        let amount = formats.number(f64::from(d.amount));
        let got = unit_words(&text, &amount);
        let problem = if !text.contains(&amount) {
            Some(format!("without its amount in digits (`{amount}`)"))
        } else if got == want {
            None
        } else {
            // What is wrong, only looked for when something is (CLDR's other units and
            // forms cost a formatting each).
            let forms: BTreeSet<String> = SAMPLES.iter().filter_map(|n| cldr(*n, d.unit)).collect();
            let stem = common_prefix(&forms);
            let other_unit = TimeUnit::ALL
                .into_iter()
                .filter(|u| *u != d.unit)
                .find(|u| {
                    std::iter::once(d.amount)
                        .chain(SAMPLES)
                        .any(|n| cldr(n, *u).as_deref() == Some(got.as_str()))
                });
            if let Some(unit) = other_unit {
                Some(format!("with the word for {}", unit.as_str()))
            } else if forms.contains(&got) {
                Some("with the unit's form for another number".to_owned())
            } else if stem.chars().count() >= 2 && !got.starts_with(&stem) {
                Some("with a word that is not this unit's".to_owned())
            } else {
                None
            }
        };
        let Some(problem) = problem else { continue };
        let cldr_text = formats.cldr_duration(d.amount, d.unit).unwrap_or_default();
        out.push(
            Diagnostic::error(
                "PG0546",
                format!(
                    "`duration` in `{}` writes {d} as `{text}`, {problem}: CLDR writes `{cldr_text}` (the unit `{want}`)",
                    locale.tag
                ),
            )
            .at(locate(locale, d.unit, &text, &amount), "renders this period")
            .help(format!(
                "write the `[{}]` variant with `{{ $amount }}` and CLDR's word for the unit, `{want}` here (an inflection the sentence needs, such as German `Tagen`, is fine)",
                d.unit.as_str()
            )),
        );
    }
    out
}

/// Where the wrong word is: in the variant for the unit of the `duration` message, or
/// that variant, or the message.
fn locate(locale: &Locale, unit: TimeUnit, text: &str, amount: &str) -> crate::diag::Location {
    let source = locale.source.source("duration").unwrap_or_default();
    let key = format!("[{}]", unit.as_str());
    let Some(variant) = source.find(&key) else {
        return locale.location("duration").expect("formatted, so defined");
    };
    let word = text
        .replacen(amount, " ", 1)
        .split_whitespace()
        .last()
        .map(str::to_owned)
        .unwrap_or_default();
    match (!word.is_empty())
        .then(|| source[variant..].find(&word))
        .flatten()
    {
        Some(at) => super::plurals::at_offset(&locale.source, "duration", variant + at, word.len()),
        None => super::plurals::at_offset(&locale.source, "duration", variant, key.len()),
    }
}

fn common_prefix(forms: &BTreeSet<String>) -> String {
    let mut iter = forms.iter();
    let Some(first) = iter.next() else {
        return String::new();
    };
    let mut prefix: Vec<char> = first.chars().collect();
    for form in iter {
        let n = prefix
            .iter()
            .zip(form.chars())
            .take_while(|(a, b)| **a == *b)
            .count();
        prefix.truncate(n);
    }
    prefix.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_what_the_forms_share() {
        let forms: BTreeSet<String> = ["tag", "tage"].map(String::from).into();
        assert_eq!(common_prefix(&forms), "tag");
        assert_eq!(unit_words("5\u{a0}años", "5"), "años");
        assert_eq!(unit_words("1 000 000 de años", "1 000 000"), "de años");
    }
}
