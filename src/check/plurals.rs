//! Plural selectors against CLDR. A select on a number matches only the locale's plural
//! categories (or an exact number), so a key that is none of them (`[uno]` for `[one]`)
//! is never chosen, and a category the selector lacks sends its numbers to the default
//! variant ("1 años"). The categories a key may name are CLDR's for the locale, from
//! ICU4X and from intl_pluralrules (fluent-bundle's own, older CLDR data: French
//! `many` is in the first only); the categories a selector must have are those
//! fluent-bundle can select, since it is what formats the page.

use std::collections::{BTreeMap, BTreeSet};

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::l10n::LocaleSource;
use crate::policy::{Arg, Node, Policy, facts};

/// The numbers the policy passes to each message, by message id and variable (a
/// duration's amount reaches the `duration` message as `$amount`), each by its text.
pub type NumberUses = BTreeMap<String, BTreeMap<String, BTreeMap<String, f64>>>;

pub fn number_uses(policy: &Policy) -> NumberUses {
    let mut out = NumberUses::new();
    let mut add = |id: &str, variable: &str, n: f64| {
        out.entry(id.to_owned())
            .or_default()
            .entry(variable.to_owned())
            .or_default()
            .insert(n.to_string(), n);
    };
    for version in &policy.versions {
        for node in facts::blocks(policy, version).iter().flat_map(Node::walk) {
            for (name, arg) in node.args.iter() {
                match arg {
                    Arg::Number(n) => add(node.id.as_str(), name, *n),
                    Arg::Duration(d) => add("duration", "amount", f64::from(d.amount)),
                    _ => {}
                }
            }
        }
    }
    out
}

/// The plural categories of a locale: those fluent-bundle selects, and every one CLDR
/// (ICU4X) knows for it.
struct Categories {
    rules: Option<PluralRules>,
    selected: BTreeSet<&'static str>,
    known: BTreeSet<&'static str>,
}

fn name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

impl Categories {
    fn new(tag: &str) -> Categories {
        let rules = crate::l10n::formats::language_id(tag)
            .ok()
            .and_then(|l| PluralRules::create(l, PluralRuleType::CARDINAL).ok());
        // intl_pluralrules lists no categories: sample integers, decimals and millions.
        let selected: BTreeSet<&'static str> = match &rules {
            Some(rules) => (0..=200u32)
                .map(|n| n.to_string())
                .chain(["0.5", "1.5", "1000000", "1e6"].map(String::from))
                .filter_map(|n| rules.select(n.as_str()).ok())
                .map(name)
                .collect(),
            None => BTreeSet::new(),
        };
        let mut known = selected.clone();
        known.insert("other");
        if let Ok(locale) = icu::locale::Locale::try_from_str(tag)
            && let Ok(icu) = icu::plurals::PluralRules::try_new_cardinal((&locale).into())
        {
            use icu::plurals::PluralCategory as C;
            known.extend(icu.categories().map(|c| match c {
                C::Zero => "zero",
                C::One => "one",
                C::Two => "two",
                C::Few => "few",
                C::Many => "many",
                C::Other => "other",
            }));
        }
        Categories {
            rules,
            selected,
            known,
        }
    }

    fn of(&self, n: f64) -> Option<&'static str> {
        let rules = self.rules.as_ref()?;
        rules.select(n.to_string().as_str()).ok().map(name)
    }
}

const CLDR: [&str; 5] = ["zero", "one", "two", "few", "many"];

/// The findings in one locale.
pub fn check(uses: &NumberUses, locale: &LocaleSource) -> Diagnostics {
    let categories = Categories::new(&locale.tag);
    if categories.selected.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for id in locale.message_ids() {
        let parts = locale.parts(id);
        let selects: Vec<_> = parts.iter().flat_map(|p| p.selects.iter()).collect();
        if selects.is_empty() {
            continue;
        }
        // The keys' offsets, read from the source only for a finding. The scan and the
        // syntax tree list selects in the same order; if text that looks like `->` made
        // them disagree, findings point at the message instead.
        let count = selects.len();
        let spans = std::cell::OnceCell::new();
        let spans = || {
            spans
                .get_or_init(|| {
                    let spans = super::locales::select_keys(locale.source(id).unwrap_or_default());
                    (spans.len() == count).then_some(spans)
                })
                .as_ref()
        };
        for (i, select) in selects.into_iter().enumerate() {
            let values = select.variable.as_ref().and_then(|v| uses.get(id)?.get(v));
            let plural = values.is_some() || select.keys.iter().any(|k| CLDR.contains(&k.as_str()));
            if !plural {
                continue;
            }
            let at = |key: &str| -> Location {
                let offset = spans()
                    .map(|s| &s[i].1)
                    .and_then(|keys| keys.iter().find(|(_, k)| k == key).map(|(o, _)| *o));
                match offset {
                    Some(o) => at_offset(locale, id, o, key.len() + 2),
                    None => super::locales::locate_reference(locale, id, &format!("[{key}]")),
                }
            };
            let selector = select
                .variable
                .as_ref()
                .map_or_else(|| "a number".to_owned(), |v| format!("`${v}`"));
            for key in &select.keys {
                if categories.known.contains(key.as_str()) || key.parse::<f64>().is_ok() {
                    continue;
                }
                let known: Vec<String> =
                    categories.known.iter().map(|c| format!("[{c}]")).collect();
                out.push(
                    Diagnostic::error(
                        "PG0545",
                        format!(
                            "`{id}` in `{}` has the variant `[{key}]` in a plural select on {selector}, and `{key}` is no plural category of `{}`: no number ever selects it",
                            locale.tag, locale.tag
                        ),
                    )
                    .at(at(key), "not a CLDR plural category")
                    .help(format!(
                        "name the variant after one of `{}`'s categories, {} (the English names, in every language), or an exact number",
                        locale.tag,
                        known.join(" ")
                    )),
                );
            }
            for category in categories
                .selected
                .iter()
                .filter(|c| **c != "other" && !select.keys.iter().any(|k| k == *c))
            {
                let reached: Vec<&String> = values
                    .into_iter()
                    .flatten()
                    .filter(|(_, n)| categories.of(**n) == Some(*category))
                    .map(|(text, _)| text)
                    .collect();
                let default = &select.default;
                let d = if reached.is_empty() {
                    let why = match values {
                        Some(_) => format!(
                            "no value the policy gives {selector} is in it today, so nothing falls there yet"
                        ),
                        None => "the policy gives this message no number, so which values reach it is not known".to_owned(),
                    };
                    Diagnostic::warning(
                        "PG0514",
                        format!(
                            "a plural select on {selector} in `{id}` lacks `[{category}]`, a category of `{}`: {why}",
                            locale.tag
                        ),
                    )
                } else {
                    let list: Vec<&str> = reached.iter().map(|s| s.as_str()).collect();
                    Diagnostic::error(
                        "PG0514",
                        format!(
                            "a plural select on {selector} in `{id}` lacks `[{category}]`, a category of `{}`: the policy's {} falls to `[{default}]`",
                            locale.tag,
                            list.join(", ")
                        ),
                    )
                };
                out.push(
                    d.at(at(default), "the default variant")
                        .help(format!(
                            "add a `[{category}]` variant: in `{}`, numbers in this category otherwise read as `[{default}]`",
                            locale.tag
                        )),
                );
            }
        }
    }
    out
}

/// The location of `len` bytes at `offset` in the source of entry `key`.
pub(crate) fn at_offset(locale: &LocaleSource, key: &str, offset: usize, len: usize) -> Location {
    let e = &locale.entries[key];
    let start = e.range.start + offset;
    locale.files[e.file].span(start..start + len)
}
