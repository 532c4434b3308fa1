//! Checks only policyglot can make, because it knows the policy: facts typed by hand into
//! a translation, policy items without messages, messages nothing uses, and rendered
//! parity (every language states the same numbers in each fact block).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::fold;
use crate::diag::{Diagnostic, Diagnostics};
use crate::l10n::{self, Catalog, Locale, LocaleSource, Locales};
use crate::policy::{Arg, Node, Policy, facts};
use crate::render::markdown;
use crate::render::required::{self, Need};

/// The blocks of every version.
fn all_nodes(policy: &Policy) -> Vec<&Node> {
    policy
        .versions
        .iter()
        .flat_map(|v| facts::blocks(policy, v))
        .collect()
}

/// A value a translation might retype, and what to write instead.
struct Restated {
    text: String,
    /// Searches for `text` folded (`check::fold`), built once: every message of every
    /// locale is searched.
    finder: memchr::memmem::Finder<'static>,
    instead: String,
    /// What the value is, when more than a number or a name (an interface label).
    what: Option<&'static str>,
}

/// A policy number a translation might write out in words, in one locale's spellings.
struct InWords {
    value: u64,
    /// Searches for its folded spellings ("achtundvierzig"), longest first.
    words: Vec<memchr::memmem::Finder<'static>>,
    instead: String,
}

/// Numbers whose words are too ambiguous to read as a hand-typed fact: every word for 1
/// is also an article or a pronoun ("un", "ein", "una", "one of"), and a few words for
/// other numbers are common words of their language as well (French "neuf", new; German
/// "Acht", heed, and "Elf", an elf or a team). Anything else spelled out that equals a
/// policy value is a fact typed by hand.
fn ambiguous_in_words(tag: &str, value: u64, word: &str) -> bool {
    let language = tag.split('-').next().unwrap_or(tag);
    value == 1 || matches!((language, word), ("fr", "neuf") | ("de", "acht" | "elf"))
}

/// The values `locale` would show that a translation might retype: every entity's name
/// in the locale's form, and every value of every fact as the locale receives it; and
/// the policy's whole numbers (values, counts, periods), to find in words.
fn restated_values(policy: &Policy, locale: &str) -> (Vec<Restated>, Vec<InWords>) {
    let reference = policy.reference_locale.as_str();
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut numbers: BTreeMap<u64, String> = BTreeMap::new();
    let mut labels: BTreeSet<String> = BTreeSet::new();
    // The first place a value comes from is the one the help names; the same value recurs
    // in many facts, so what to write instead is only spelled out for the first.
    let mut add = |text: &str, instead: &dyn Fn() -> String| {
        // An empty name is reported by validation; it matches everywhere, so skip it.
        if !text.trim().is_empty() && !out.contains_key(text) {
            out.insert(text.to_owned(), instead());
        }
    };
    for entity in &policy.entities {
        add(entity.name.for_locale(locale, reference), &|| {
            format!("{{ -{}-name }}", entity.id)
        });
    }
    for node in all_nodes(policy).into_iter().flat_map(Node::walk) {
        for (name, arg) in node.args.iter() {
            let var = || format!("{{ ${name} }}");
            let mut number = |n: u64| {
                numbers.entry(n).or_insert_with(var);
            };
            match arg {
                Arg::Number(n) => {
                    if n.fract() == 0.0 && (0.0..1e12).contains(n) {
                        number(*n as u64);
                    }
                    add(&n.to_string(), &var)
                }
                Arg::Duration(d) => {
                    number(u64::from(d.amount));
                    add(&d.amount.to_string(), &var)
                }
                Arg::Date(d) => {
                    add(&d.year.to_string(), &var);
                    add(&d.day.to_string(), &var);
                }
                Arg::Month(m) => add(&m.year.to_string(), &var),
                Arg::Localized(map) => {
                    if let Some(text) = map.get(locale).or_else(|| map.get(reference)) {
                        add(text, &var);
                        labels.insert(text.clone());
                    }
                }
                Arg::List { names, .. } => names
                    .iter()
                    .for_each(|n| add(n.for_locale(locale, reference), &var)),
                Arg::Name(n) => add(n.for_locale(locale, reference), &var),
                Arg::Link { target, .. } if target.contains(':') => add(target, &var),
                Arg::Email(address) => add(address, &var),
                Arg::Link { .. } | Arg::Keyword(_) | Arg::Status(_) => {}
            }
        }
    }
    let restated = out
        .into_iter()
        .map(|(text, instead)| Restated {
            finder: memchr::memmem::Finder::new(fold::fold(&text).as_bytes()).into_owned(),
            what: labels.contains(&text).then_some("interface label"),
            text,
            instead,
        })
        .collect();
    let in_words = numbers
        .into_iter()
        .filter_map(|(value, instead)| {
            let mut words: Vec<String> = l10n::formats::in_words(locale, value)
                .iter()
                .map(|w| fold::fold(w))
                .filter(|w| !ambiguous_in_words(locale, value, w))
                .collect();
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            words.dedup();
            let words = words
                .iter()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect::<Vec<_>>();
            (!words.is_empty()).then_some(InWords {
                value,
                words,
                instead,
            })
        })
        .collect();
    (restated, in_words)
}

/// Numbers, dates, durations, names and addresses from the policy typed into a
/// locale's text (messages and terms), in digits of any script, in words, or as a name
/// in another case, with an invisible character or a look-alike letter (`check::fold`).
pub struct HandTyped<'p> {
    policy: &'p Policy,
}

impl HandTyped<'_> {
    pub fn new(policy: &Policy) -> HandTyped<'_> {
        HandTyped { policy }
    }

    /// The findings in one locale.
    pub fn check(&self, locale: &LocaleSource) -> Diagnostics {
        let (values, in_words) = restated_values(self.policy, &locale.tag);
        let mut out = Vec::new();
        for id in locale.entries.keys() {
            let text: String = locale
                .parts(id)
                .iter()
                .flat_map(|p| p.text.iter())
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("\u{1}");
            if text.trim().is_empty() {
                continue;
            }
            let folded = fold::Folded::new(&text);
            // Most needles hold a byte the text lacks (a digit, most often): skipped
            // without a search.
            let mut present = [false; 256];
            folded
                .text
                .bytes()
                .for_each(|b| present[usize::from(b)] = true);
            let may_hold = |finder: &memchr::memmem::Finder| {
                finder.needle().iter().all(|&b| present[usize::from(b)])
            };
            let mut found = |typed: &str, what: String, instead: &str| {
                out.push(
                    Diagnostic::error(
                        "PG0508",
                        format!(
                            "`{id}` in `{}` types {what}, which comes from the policy",
                            locale.tag
                        ),
                    )
                    .at(
                        super::locales::locate_reference(locale, id, typed),
                        "typed by hand",
                    )
                    .help(format!(
                        "write `{instead}` instead, so the text follows policy.yaml"
                    )),
                );
            };
            for v in values.iter().filter(|v| may_hold(&v.finder)) {
                let Some(at) = fold::find_word(&folded, &v.finder) else {
                    continue;
                };
                let typed = &text[at];
                let kind = if let Some(what) = v.what {
                    what
                } else if v.text.chars().all(|c| c.is_ascii_digit()) {
                    "number"
                } else {
                    "name"
                };
                let what = if typed == v.text {
                    format!("the {kind} `{}`", v.text)
                } else {
                    format!("the {kind} `{}` (as `{}`)", v.text, typed.escape_debug())
                };
                found(typed, what, &v.instead);
            }
            for n in &in_words {
                let Some(at) = n
                    .words
                    .iter()
                    .filter(|w| may_hold(w))
                    .find_map(|w| fold::find_word(&folded, w))
                else {
                    continue;
                };
                let typed = &text[at];
                found(
                    typed,
                    format!("the number {} in words (`{typed}`)", n.value),
                    &n.instead,
                );
            }
        }
        out
    }
}

/// The keyword values the policy passes to each message that `exists` (a message no
/// locale has selects on nothing), by message id and variable (a duration's unit reaches
/// the `duration` message as `$unit`).
pub fn keyword_uses(
    policy: &Policy,
    exists: &dyn Fn(&str) -> bool,
) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let mut out: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for node in all_nodes(policy).into_iter().flat_map(Node::walk) {
        let exists = exists(node.id.as_str());
        for (name, arg) in node.args.iter() {
            match arg {
                Arg::Keyword(k) if exists => {
                    out.entry(node.id.to_string())
                        .or_default()
                        .entry(name.clone())
                        .or_default()
                        .insert(k.clone());
                }
                Arg::Duration(d) => {
                    out.entry("duration".to_owned())
                        .or_default()
                        .entry("unit".to_owned())
                        .or_default()
                        .insert(d.unit.as_str().to_owned());
                }
                _ => {}
            }
        }
    }
    out
}

/// A select over a policy value must have a variant for every value the policy passes:
/// a mistyped key (`[year]` for `[years]`) would send the value to the default variant
/// and state another fact ("5 jours" for 5 years) with no other check noticing.
pub fn selectors(
    uses: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
    locale: &LocaleSource,
) -> Diagnostics {
    let mut out = Vec::new();
    for (id, variables) in uses {
        for part in locale.parts(id) {
            for select in &part.selects {
                let Some(values) = select.variable.as_ref().and_then(|v| variables.get(v)) else {
                    continue;
                };
                for value in values.iter().filter(|v| !select.keys.contains(v)) {
                    let variable = select.variable.as_deref().unwrap_or_default();
                    let name = match &part.attribute {
                        Some(a) => format!("{id}.{a}"),
                        None => id.clone(),
                    };
                    out.push(
                        Diagnostic::error(
                            "PG0519",
                            format!(
                                "`{name}` in `{}` has no variant `[{value}]` for `${variable}`: the policy's `{value}` falls to the default `[{}]`",
                                locale.tag, select.default
                            ),
                        )
                        .at(
                            locale
                                .locate_in(id, &format!("[{}]", select.default))
                                .or_else(|| locale.location(id))
                                .expect("indexed"),
                            "the default variant",
                        )
                        .help(format!(
                            "add a `[{value}]` variant (keys here: {}); a mistyped key is the usual cause",
                            select.keys.iter().map(|k| format!("[{k}]")).collect::<Vec<_>>().join(" ")
                        )),
                    );
                }
            }
        }
    }
    out
}

/// The variables each fact's messages get: its values in any version (a version may
/// lack a value that only another variant uses).
pub fn given_variables(policy: &Policy, exists: &dyn Fn(&str) -> bool) -> super::locales::Given {
    let mut given = super::locales::Given::new();
    let nodes = all_nodes(policy).into_iter().flat_map(Node::walk);
    // A fact whose message no locale has is given nothing anyone checks.
    for node in nodes.filter(|n| exists(n.id.as_str())) {
        given
            .entry(node.id.to_string())
            .or_default()
            .extend(node.args.iter().map(|(name, _)| name.clone()));
    }
    given
}

/// The locales that describe controls instead of quoting labels, and the label
/// variables each fact message that `exists` is given (`check::locales::Described`).
pub fn described(policy: &Policy, exists: &dyn Fn(&str) -> bool) -> super::locales::Described {
    let mut labels = super::locales::Given::new();
    let nodes = match policy.interface.describe.is_empty() {
        true => Vec::new(),
        false => all_nodes(policy),
    };
    for node in nodes
        .into_iter()
        .flat_map(Node::walk)
        .filter(|n| exists(n.id.as_str()))
    {
        let quoted = node
            .args
            .iter()
            .filter(|(_, arg)| matches!(arg, Arg::Localized(_)))
            .map(|(name, _)| name.clone());
        labels
            .entry(node.id.to_string())
            .or_default()
            .extend(quoted);
    }
    super::locales::Described {
        locales: policy.interface.describe.iter().cloned().collect(),
        labels,
    }
}

/// Every reference message is used by something (`render::required`: a template, the
/// renderer, a fact, a page), and uses only the variables it is given: a misused variable
/// is an error here, once, not in every translation.
pub fn coverage(catalog: &Catalog, needs: &[Need]) -> Diagnostics {
    let en = catalog.reference();
    let mut out = Vec::new();
    // What each message gets, and what each of its parts gets where the inventory says
    // (`stale-notice.undated` gets no `$changed`: it is shown when no day is known).
    let mut wanted: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut per_part: BTreeMap<(&str, Option<&str>), BTreeSet<&str>> = BTreeMap::new();
    let facts: BTreeSet<&str> = needs
        .iter()
        .filter(|n| matches!(n.by, required::Requirer::Fact(_)))
        .map(|n| n.id.as_str())
        .collect();
    for need in needs {
        let variables = need.variables.iter().map(String::as_str);
        wanted
            .entry(need.id.as_str())
            .or_default()
            .extend(variables.clone());
        let part = match &need.part {
            required::Part::Value => Some(None),
            required::Part::Attribute(a) => Some(Some(a.as_str())),
            required::Part::ValueOrTitle => None,
        };
        if let Some(part) = part {
            per_part
                .entry((need.id.as_str(), part))
                .or_default()
                .extend(variables);
        }
    }
    for id in en.message_ids() {
        let Some(given) = wanted.get(id) else {
            out.push(
                Diagnostic::warning(
                    "PG0510",
                    format!("message `{id}` is used by no fact, page or template"),
                )
                .at(en.location(id).expect("indexed"), "orphaned")
                .help("remove it from every locale, or give the policy a fact with this id"),
            );
            continue;
        };
        for part in en.parts(id) {
            let given = per_part
                .get(&(id, part.attribute.as_deref()))
                .unwrap_or(given);
            for variable in part
                .variables
                .iter()
                .filter(|v| !given.contains(v.as_str()))
            {
                let name = match &part.attribute {
                    Some(a) => format!("{id}.{a}"),
                    None => id.to_owned(),
                };
                let known: Vec<String> = given.iter().map(|v| format!("${v}")).collect();
                let gets = match known.is_empty() {
                    true => format!("`{name}` gets no variables"),
                    false => format!("`{name}` gets {}", known.join(", ")),
                };
                let (what, help) = match facts.contains(id) {
                    true => (
                        "its fact does not give",
                        format!(
                            "{gets}: write the text without it, or give the fact a value named `{variable}` in policy.yaml"
                        ),
                    ),
                    // A template's or the renderer's message: what it gets is fixed.
                    false => (
                        "it is not given",
                        format!("{gets}: write the text without it"),
                    ),
                };
                out.push(
                    Diagnostic::error(
                        "PG0518",
                        format!("`{name}` uses `${variable}`, which {what}"),
                    )
                    .at(
                        en.locate_in(id, &format!("${variable}"))
                            .unwrap_or_else(|| en.location(id).expect("indexed")),
                        "unknown variable",
                    )
                    .help(help),
                );
            }
        }
    }
    out
}

/// What one part of a fact says once formatted: how often each value it is given shows
/// (by variable, as the locale formats it: "5 ans", "1er octobre 2025", "A, B et C"), how
/// often each entity is named (a translation may name one less often, never more), the links it makes to the policy's addresses, and the
/// numbers no value accounts for (digits of any script). Two locales say the same when
/// all four agree; digits alone would miss "5 mois" for "5 ans", a swapped name, or a
/// number typed as a literal beside the value.
#[derive(Debug, Default, PartialEq, Clone)]
struct Says {
    values: BTreeMap<String, usize>,
    names: BTreeMap<String, usize>,
    links: Vec<String>,
    numbers: Vec<String>,
    /// The periods and numbers whose text lacks their amount ("plusieurs années" for 5
    /// years): the locale's `duration` message or a selector dropped it.
    amountless: Vec<String>,
}

/// An entity's name as one locale writes it, with its searcher built once: every part
/// of every fact is searched for every name.
struct EntityName {
    id: String,
    finder: memchr::memmem::Finder<'static>,
}

impl EntityName {
    fn text(&self) -> &str {
        std::str::from_utf8(self.finder.needle()).expect("built from a str")
    }
}

/// The entities' names in one locale, longest first.
fn entity_names(policy: &Policy, locale: &str) -> Vec<EntityName> {
    let mut out: Vec<EntityName> = policy
        .entities
        .iter()
        .map(|e| {
            let name = e.name.for_locale(locale, &policy.reference_locale);
            (
                e.id.to_string(),
                markdown::plain(&l10n::escape_markdown(name)),
            )
        })
        .filter(|(_, name)| !name.trim().is_empty())
        .map(|(id, name)| EntityName {
            id,
            finder: memchr::memmem::Finder::new(name.as_bytes()).into_owned(),
        })
        .collect();
    out.sort_by_key(|name| std::cmp::Reverse(name.finder.needle().len()));
    out
}

/// Counts and blanks out each whole-word occurrence of `needle` in `text` (blanking
/// keeps lengths, so a longer value found first is never counted again as a shorter one).
fn take_all(text: &mut String, finder: &memchr::memmem::Finder) -> usize {
    let needle = finder.needle();
    if needle.is_empty() {
        return 0;
    }
    let mut count = 0;
    let mut from = 0;
    while let Some(i) = finder.find(&text.as_bytes()[from..]).map(|i| from + i) {
        let end = i + needle.len();
        let before = text[..i].chars().next_back();
        let after = text[end..].chars().next();
        // A hyphen joins a compound ("Claude-Modelle" names Claude), so only letters
        // and digits continue a value ("15 years" holds no "5 years").
        if !before.is_some_and(fold::continues) && !after.is_some_and(fold::continues) {
            count += 1;
            text.replace_range(i..end, &"\u{1}".repeat(needle.len()));
        }
        from = end;
    }
    count
}

/// A value as one locale shows it alone: its plain text, and whether a period's text
/// lacks its amount. `None`: it cannot be formatted (reported elsewhere) or shows nothing.
type Shown = Option<(String, bool)>;

/// How `locale` shows each of `values`, each formatted once for all the facts that show it.
fn shown_values(values: &[Arg], locales: &Locales, locale: &Locale) -> Vec<Shown> {
    values
        .par_iter()
        .map(|arg| {
            if matches!(arg, Arg::Keyword(_) | Arg::Link { .. } | Arg::Status(_)) {
                return None;
            }
            let text = markdown::plain(&locales.format_value(locale, arg).ok()?);
            if text.trim().is_empty() {
                return None;
            }
            let amountless = match arg {
                Arg::Duration(d) => !text.contains(&locale.formats().number(f64::from(d.amount))),
                _ => false,
            };
            Some((text, amountless))
        })
        .collect()
}

fn says(markdown_text: &str, args: &[(&(String, Arg), &Shown)], names: &[EntityName]) -> Says {
    let mut out = Says::default();
    let policy_link = |target: &str| {
        args.iter().any(|((_, arg), _)| match arg {
            Arg::Link { target: link, .. } => link == target,
            Arg::Email(address) => target.strip_prefix("mailto:") == Some(address.as_str()),
            _ => false,
        })
    };
    if args
        .iter()
        .any(|((_, arg), _)| matches!(arg, Arg::Link { .. } | Arg::Email(_)))
    {
        out.links = markdown::link_targets(markdown_text)
            .into_iter()
            .filter(|target| policy_link(target))
            .map(|target| format!("a link to {target}"))
            .collect();
        out.links.sort();
    }
    let mut rest = markdown::plain(markdown_text);
    // Each value as this locale writes it, longest first (a date holds a number).
    let mut values: Vec<(String, &String)> = Vec::with_capacity(args.len());
    for ((name, arg), shown) in args {
        let Some((text, amountless)) = shown else {
            continue;
        };
        if *amountless && let Arg::Duration(d) = arg {
            out.amountless.push(format!(
                "`${name}` reads `{text}`, without its amount {}",
                d.amount
            ));
        }
        values.push((format!("${name}"), text));
    }
    values.sort_by_key(|(_, text)| std::cmp::Reverse(text.len()));
    for (key, text) in values {
        let n = take_all(&mut rest, &memchr::memmem::Finder::new(text.as_bytes()));
        *out.values.entry(key).or_default() += n;
    }
    for name in names {
        let n = take_all(&mut rest, &name.finder);
        if n > 0 {
            out.names.insert(name.id.clone(), n);
        }
    }
    // What is left: numbers no value gives, in digits of any script (most texts have no
    // digit: skipped by a byte scan, since no script's digits come before U+0660, whose
    // UTF-8 starts with 0xD9).
    let mut number = String::new();
    let no_digit =
        crate::scan::first_byte(rest.as_bytes(), |b| crate::scan::digit(b) | (b >= 0xD9)).is_none();
    if !no_digit {
        for c in rest.chars().chain(std::iter::once(' ')) {
            match fold::decimal_digit(c) {
                Some(d) => number.push(char::from(b'0' + d)),
                None if !number.is_empty() => out.numbers.push(std::mem::take(&mut number)),
                None => {}
            }
        }
    }
    out.numbers.sort();
    out
}

/// What the reference says in one part of a message (`None`: its value).
type PartSays = (Option<String>, Says);

/// Each value a fact's messages can show, as its index in the fact's values and in
/// `Parity::values`.
type Used = Vec<(usize, usize)>;

/// After formatting with the policy's values, each part a reader sees of each fact (its
/// value and every attribute: titles, table cells, headings) says the same in every
/// language: the same values, names, links and numbers (`Says`). Catches a selector
/// branch that drops a value, a wrong unit or entity, and a number or term standing in
/// for a value, which no syntax check can see.
pub struct Parity {
    /// Every fact of every version, once per distinct set of values, with the values its
    /// messages can show, and what the reference says in each part of its message.
    nodes: Vec<(Node, Used, Vec<PartSays>)>,
    /// Every distinct value some fact shows, formatted once per locale.
    values: Vec<Arg>,
    names: std::collections::HashMap<String, Vec<EntityName>>,
    /// The policy's periods, held to CLDR in every locale (`check::units`).
    durations: Vec<crate::policy::Duration>,
    /// The locales that describe controls instead of quoting their labels
    /// (`interface: describe:`): between one of them and another locale, label values
    /// are not counted (one quotes what the other says in words).
    describing: BTreeSet<String>,
}

impl Parity {
    pub fn new(policy: &Policy, locales: &Locales) -> Parity {
        // The same fact showing the same values in two versions is checked once: every
        // fact's scope holds its version's dates, which most of its messages never show.
        let mut seen = std::collections::HashSet::new();
        let reference = &locales.reference().source;
        // A fact with a window is compared as worded for each status it can show.
        let nodes: Vec<(Node, Vec<usize>)> = all_nodes(policy)
            .into_iter()
            .flat_map(Node::walk)
            .flat_map(super::windows::as_worded)
            .filter_map(|node| {
                // A fact with no reference message has nothing to compare (its missing
                // message is a finding of its own): not copied, not formatted.
                if !reference.entries.contains_key(node.id.as_str()) {
                    return None;
                }
                let shown = locales.used_args(node.id.as_str(), &node.args);
                if !seen.insert((node.id.to_string(), format!("{shown:?}"))) {
                    return None;
                }
                let used = node
                    .args
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| shown.iter().any(|s| std::ptr::eq(*s, *a)))
                    .map(|(i, _)| i)
                    .collect();
                Some((
                    Node {
                        children: Vec::new(),
                        ..node.into_owned()
                    },
                    used,
                ))
            })
            .collect();
        let names: std::collections::HashMap<String, Vec<EntityName>> = locales
            .tags()
            .map(|tag| (tag.to_owned(), entity_names(policy, tag)))
            .collect();
        let en = locales.reference();
        let reference_names = &names[&en.tag];
        // The distinct values shown, by their text (an `Arg` is not `Hash`: it holds f64).
        let mut values: Vec<Arg> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let nodes: Vec<(Node, Used)> = nodes
            .into_iter()
            .map(|(node, used)| {
                let used = used
                    .into_iter()
                    .map(|i| {
                        let arg = &node.args[i].1;
                        let at = *index.entry(format!("{arg:?}")).or_insert_with(|| {
                            values.push(arg.clone());
                            values.len() - 1
                        });
                        (i, at)
                    })
                    .collect();
                (node, used)
            })
            .collect();
        let shown = shown_values(&values, locales, en);
        let nodes = nodes
            .into_par_iter()
            .map(|(node, used)| {
                let args: Vec<_> = used
                    .iter()
                    .map(|&(i, v)| (&node.args[i], &shown[v]))
                    .collect();
                let want = en
                    .source
                    .parts(node.id.as_str())
                    .iter()
                    .filter_map(|part| {
                        let text = locales
                            .format(en, node.id.as_str(), part.attribute.as_deref(), &node.args)
                            .ok()?;
                        Some((part.attribute.clone(), says(&text, &args, reference_names)))
                    })
                    .collect();
                (node, used, want)
            })
            .collect();
        Parity {
            nodes,
            values,
            names,
            durations: super::units::durations(policy),
            describing: policy.interface.describe.iter().cloned().collect(),
        }
    }

    /// The findings in `locale`: its periods against CLDR, and its facts against the
    /// reference (none in the reference itself).
    pub fn check(&self, locales: &Locales, locale: &Locale) -> Diagnostics {
        let mut out = super::units::check(&self.durations, locales, locale);
        if locale.tag == locales.reference().tag {
            return out;
        }
        let names = &self.names[&locale.tag];
        let shown = shown_values(&self.values, locales, locale);
        let labels_differ = self.describing.contains(&locale.tag)
            || self.describing.contains(&locales.reference().tag);
        // Nodes are independent: compared in parallel, reported in tree order.
        let parity: Diagnostics = self
            .nodes
            .par_iter()
            .flat_map_iter(|(node, used, want)| {
                let args: Vec<_> = used
                    .iter()
                    .map(|&(i, v)| (&node.args[i], &shown[v]))
                    .collect();
                node_parity(locales, locale, node, &args, want, names, labels_differ)
            })
            .collect();
        out.extend(parity);
        out
    }
}

fn node_parity(
    locales: &Locales,
    locale: &Locale,
    node: &Node,
    args: &[(&(String, Arg), &Shown)],
    reference: &[PartSays],
    names: &[EntityName],
    labels_differ: bool,
) -> Diagnostics {
    let mut out = Vec::new();
    let id = node.id.as_str();
    // Label values, where one side describes the control instead of quoting it.
    let labels: Vec<String> = match labels_differ {
        true => node
            .args
            .iter()
            .filter(|(_, arg)| matches!(arg, Arg::Localized(_)))
            .map(|(name, _)| format!("${name}"))
            .collect(),
        false => Vec::new(),
    };
    let without_labels = |says: &Says| {
        let mut says = says.clone();
        for label in &labels {
            says.values.remove(label);
        }
        says
    };
    // How a value (`$name`) or an entity (its id) reads in this locale, for a finding.
    let shown = |key: &str| -> String {
        let value = args.iter().find_map(|((name, _), shown)| {
            let (text, _) = shown.as_ref()?;
            (key.strip_prefix('$') == Some(name.as_str())).then(|| text.clone())
        });
        value
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.id == key)
                    .map(|n| n.text().to_owned())
            })
            .unwrap_or_default()
    };
    for (part, want) in reference {
        // A part this locale lacks or cannot format is reported as such by other checks.
        let part = part.as_deref();
        if !locale.has(id, part) {
            continue;
        }
        match locales.format(locale, id, part, &node.args) {
            Ok(text) => {
                let mut got = says(&text, args, names);
                let mut want = want;
                let trimmed;
                if !labels.is_empty() {
                    got = without_labels(&got);
                    trimmed = without_labels(want);
                    want = &trimmed;
                }
                if !same(&got, want) {
                    let name = part.map_or_else(|| id.to_owned(), |a| format!("{id}.{a}"));
                    let at = match part {
                        Some(a) => super::locales::locate_reference(
                            locale.source.as_ref(),
                            id,
                            &format!(".{a}"),
                        ),
                        None => locale.location(id).expect("indexed"),
                    };
                    out.push(
                        Diagnostic::error(
                            "PG0512",
                            format!(
                                "`{name}` in `{}` does not say what `{}` says: {}",
                                locale.tag,
                                locales.reference().tag,
                                differences(&got, want, &locales.reference().tag, &shown)
                            ),
                        )
                        .at(at, "rendered with the policy's values")
                        .help(parity_help(node)),
                    );
                }
            }
            Err(d) => out.push(d),
        }
    }
    out
}

fn same(a: &Says, b: &Says) -> bool {
    // A translation may name an entity less often ("comme le nôtre" for "such as
    // Claude": PG0517 warns), never more often, nor one the reference does not name.
    let names_fit = a
        .names
        .iter()
        .all(|(k, n)| *n <= b.names.get(k).copied().unwrap_or(0));
    a.values == b.values
        && names_fit
        && a.links == b.links
        && a.numbers == b.numbers
        && a.amountless == b.amountless
}

/// What `got` says differently from `want`, in words.
fn differences(got: &Says, want: &Says, reference: &str, shown: &dyn Fn(&str) -> String) -> String {
    let mut out = Vec::new();
    let count = |m: &BTreeMap<String, usize>, k: &str| m.get(k).copied().unwrap_or(0);
    let keys: BTreeSet<&String> = got.values.keys().chain(want.values.keys()).collect();
    for key in keys {
        let (g, w) = (count(&got.values, key), count(&want.values, key));
        if g != w {
            let shown = shown(key);
            out.push(format!(
                "it shows `{key}` (`{shown}`) {} where `{reference}` shows it {}",
                times(g),
                times(w)
            ));
        }
    }
    let keys: BTreeSet<&String> = got.names.keys().chain(want.names.keys()).collect();
    for key in keys {
        let (g, w) = (count(&got.names, key), count(&want.names, key));
        if g != w {
            let shown = shown(key);
            out.push(format!(
                "it names `{shown}` (`{{ -{key}-name }}`) {} where `{reference}` names it {}",
                times(g),
                times(w)
            ));
        }
    }
    out.extend(got.amountless.iter().cloned());
    if got.numbers != want.numbers {
        out.push(format!(
            "it states {} that no value gives where `{reference}` states {}",
            list(&got.numbers),
            list(&want.numbers)
        ));
    }
    if got.links != want.links {
        out.push(format!(
            "it makes {} where `{reference}` makes {}",
            list(&got.links),
            list(&want.links)
        ));
    }
    out.join("; ")
}

fn times(n: usize) -> String {
    match n {
        0 => "nowhere".to_owned(),
        1 => "once".to_owned(),
        n => format!("{n} times"),
    }
}

fn parity_help(node: &Node) -> String {
    let mut help =
        "every variant must show the same values, names and numbers as the reference, each through its placeable (`{ $value }`, `{ -entity-name }`), never typed or given by a term: check this message's selectors"
            .to_owned();
    if node.args.iter().any(|(_, a)| matches!(a, Arg::Duration(_))) {
        help.push_str(" and the locale's `duration` message, which writes its periods");
    }
    help
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}
