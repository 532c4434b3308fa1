//! Checks only policyglot can make, because it knows the policy: facts typed by hand into
//! a translation, policy items without messages, messages nothing uses, and rendered
//! parity (every language states the same numbers in each fact block).

use std::collections::{BTreeMap, BTreeSet};

use memchr::memmem;
use rayon::prelude::*;

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
    instead: String,
    /// What the value is, when more than a number or a name (an interface label).
    what: Option<&'static str>,
    /// Searches for `text` (built once: every message of every locale is searched).
    finder: memmem::Finder<'static>,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The values `locale` would show that a translation might retype: every entity's name
/// in the locale's form, and every value of every fact as the locale receives it.
fn restated_values(policy: &Policy, locale: &str) -> Vec<Restated> {
    let reference = policy.reference_locale.as_str();
    let mut out: BTreeMap<String, String> = BTreeMap::new();
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
        for (name, arg) in &node.args {
            let var = || format!("{{ ${name} }}");
            match arg {
                Arg::Number(n) => add(&n.to_string(), &var),
                Arg::Duration(d) => add(&d.amount.to_string(), &var),
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
    out.into_iter()
        .map(|(text, instead)| Restated {
            finder: memmem::Finder::new(text.as_bytes()).into_owned(),
            what: labels.contains(&text).then_some("interface label"),
            text,
            instead,
        })
        .collect()
}

/// Whether `value` occurs in `text` as a whole word or number.
fn contains_token(text: &str, value: &Restated) -> bool {
    value.finder.find_iter(text.as_bytes()).any(|i| {
        let before = text[..i].chars().next_back();
        let after = text[i + value.text.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// Numbers, dates, durations, names and addresses from the policy typed into a
/// locale's text.
pub struct HandTyped<'p> {
    policy: &'p Policy,
}

impl HandTyped<'_> {
    pub fn new(policy: &Policy) -> HandTyped<'_> {
        HandTyped { policy }
    }

    /// The findings in one locale.
    pub fn check(&self, locale: &LocaleSource) -> Diagnostics {
        let values = restated_values(self.policy, &locale.tag);
        let mut out = Vec::new();
        for id in locale.message_ids() {
            let text: String = locale
                .parts(id)
                .iter()
                .flat_map(|p| p.text.iter())
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("\u{1}");
            for v in values.iter().filter(|v| contains_token(&text, v)) {
                let what = if let Some(what) = v.what {
                    what
                } else if v.text.chars().all(|c| c.is_ascii_digit()) {
                    "number"
                } else {
                    "name"
                };
                out.push(
                    Diagnostic::error(
                        "PG0508",
                        format!(
                            "`{id}` in `{}` types the {what} `{}`, which comes from the policy",
                            locale.tag, v.text
                        ),
                    )
                    .at(
                        locale.locate_in(id, &v.text).expect("indexed"),
                        "typed by hand",
                    )
                    .help(format!(
                        "write `{}` instead, so the text follows policy.yaml",
                        v.instead
                    )),
                );
            }
        }
        out
    }
}

/// The keyword values the policy passes to each message, by message id and variable
/// (a duration's unit reaches the `duration` message as `$unit`).
pub fn keyword_uses(policy: &Policy) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let mut out: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for node in all_nodes(policy).into_iter().flat_map(Node::walk) {
        for (name, arg) in &node.args {
            match arg {
                Arg::Keyword(k) => {
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
pub fn given_variables(policy: &Policy) -> super::locales::Given {
    let mut given = super::locales::Given::new();
    for node in all_nodes(policy).into_iter().flat_map(Node::walk) {
        given
            .entry(node.id.to_string())
            .or_default()
            .extend(node.args.iter().map(|(name, _)| name.clone()));
    }
    given
}

/// The locales that describe controls instead of quoting labels, and the label
/// variables each fact message is given (`check::locales::Described`).
pub fn described(policy: &Policy) -> super::locales::Described {
    let mut labels = super::locales::Given::new();
    let nodes = match policy.interface.describe.is_empty() {
        true => Vec::new(),
        false => all_nodes(policy),
    };
    for node in nodes.into_iter().flat_map(Node::walk) {
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

/// The values a text formatted in `locale` states: each link it makes to one of the
/// policy's addresses, each of the policy's dates and months as the locale writes it
/// (its ISO form), then every other number. A date is not compared digit by digit because
/// languages differ there: "September 28, 2025" has two numbers, "2025年9月28日" three.
fn stated(markdown_text: &str, locale: &Locale, args: &[(String, Arg)]) -> Vec<String> {
    let policy_link = |target: &str| {
        args.iter().any(|(_, arg)| match arg {
            Arg::Link { target: link, .. } => link == target,
            Arg::Email(address) => target.strip_prefix("mailto:") == Some(address.as_str()),
            _ => false,
        })
    };
    let links = args
        .iter()
        .any(|(_, arg)| matches!(arg, Arg::Link { .. } | Arg::Email(_)));
    let mut out: Vec<String> = if links {
        markdown::link_targets(markdown_text)
            .into_iter()
            .filter(|target| policy_link(target))
            .map(|target| format!("a link to {target}"))
            .collect()
    } else {
        Vec::new()
    };
    let mut rest = markdown::plain(markdown_text);
    // Every fact gets its version's dates; most messages show none of them, nor any digit.
    let has_digits = crate::scan::first_byte(rest.as_bytes(), crate::scan::digit).is_some();
    for (_, arg) in args {
        let year = match arg {
            Arg::Date(date) => date.year,
            Arg::Month(month) => month.year,
            _ => continue,
        };
        if has_digits && rest.contains(&year.to_string()) {
            let (written, iso) = match arg {
                Arg::Date(date) => (locale.formats().date(*date), date.to_string()),
                Arg::Month(month) => (locale.formats().month(*month), month.to_string()),
                _ => continue,
            };
            let written = markdown::plain(&l10n::escape_markdown(&written));
            let times = rest.matches(written.as_str()).count();
            rest = rest.replace(written.as_str(), " ");
            out.extend(std::iter::repeat_n(iso, times));
        }
    }
    // Runs of ASCII digits, found by byte (a digit byte is never part of a longer
    // UTF-8 sequence): texts run to kilobytes, and most of their bytes are letters.
    let bytes = rest.as_bytes();
    let mut at = 0;
    while let Some(start) = crate::scan::first_byte(&bytes[at..], crate::scan::digit) {
        let start = at + start;
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| start + n);
        out.push(rest[start..end].to_owned());
        at = end;
    }
    out.sort();
    out
}

/// After formatting with the policy's values, each fact states the same numbers (and so
/// the same dates, durations, counts) in every language. Catches a selector branch that
/// drops a value, which no syntax check can see.
pub struct Parity {
    /// Every fact of every version, once per distinct set of values, with what the
    /// reference states in its value and its title (`None`: no such message).
    nodes: Vec<(Node, [Option<Vec<String>>; 2])>,
}

/// The parts of a fact message that are compared: its value and its title.
const PARTS: [Option<&str>; 2] = [None, Some("title")];

impl Parity {
    pub fn new(policy: &Policy, locales: &Locales) -> Parity {
        // The same fact showing the same values in two versions is checked once: every
        // fact's scope holds its version's dates, which most of its messages never show.
        let mut seen = std::collections::HashSet::new();
        // A fact with a window is compared as worded for each status it can show.
        let nodes: Vec<Node> = all_nodes(policy)
            .into_iter()
            .flat_map(Node::walk)
            .flat_map(super::windows::as_worded)
            .filter(|node| {
                let shown = locales.used_args(node.id.as_str(), &node.args);
                seen.insert((node.id.to_string(), format!("{shown:?}")))
            })
            .map(|node| Node {
                children: Vec::new(),
                ..node.into_owned()
            })
            .collect();
        let en = locales.reference();
        let nodes = nodes
            .into_par_iter()
            .map(|node| {
                let want = PARTS.map(|part| {
                    if !en.has(node.id.as_str(), part) {
                        return None;
                    }
                    let text = locales
                        .format(en, node.id.as_str(), part, &node.args)
                        .ok()?;
                    Some(stated(&text, en, &node.args))
                });
                (node, want)
            })
            .collect();
        Parity { nodes }
    }

    /// The findings in `locale` (none in the reference itself).
    pub fn check(&self, locales: &Locales, locale: &Locale) -> Diagnostics {
        if locale.tag == locales.reference().tag {
            return Vec::new();
        }
        // Nodes are independent: compared in parallel, reported in tree order.
        self.nodes
            .par_iter()
            .flat_map_iter(|(node, want)| node_parity(locales, locale, node, want))
            .collect()
    }
}

fn node_parity(
    locales: &Locales,
    locale: &Locale,
    node: &Node,
    reference: &[Option<Vec<String>>; 2],
) -> Diagnostics {
    let mut out = Vec::new();
    for (part, want) in PARTS.into_iter().zip(reference) {
        // A message the reference lacks or cannot format, or this locale lacks, is
        // reported as such by other checks.
        let Some(want) = want else { continue };
        if !locale.has(node.id.as_str(), part) {
            continue;
        }
        match locales.format(locale, node.id.as_str(), part, &node.args) {
            Ok(text) => {
                let got = stated(&text, locale, &node.args);
                if &got != want {
                    out.push(
                        Diagnostic::error(
                            "PG0512",
                            format!(
                                "`{}` states {} in `{}` but {} in `{}`",
                                node.id,
                                list(&got),
                                locale.tag,
                                list(want),
                                locales.reference().tag
                            ),
                        )
                        .at(
                            locale.location(node.id.as_str()).expect("indexed"),
                            "rendered with the policy's values",
                        )
                        .help(parity_help(node)),
                    );
                }
            }
            Err(d) => out.push(d),
        }
    }
    out
}

fn parity_help(node: &Node) -> String {
    let mut help =
        "every variant must show the same values as the reference: check this message's selectors"
            .to_owned();
    if node.args.iter().any(|(_, a)| matches!(a, Arg::Duration(_))) {
        help.push_str(" and the locale's `duration` message, which writes its periods");
    }
    help
}

fn list(numbers: &[String]) -> String {
    if numbers.is_empty() {
        "no number".to_owned()
    } else {
        numbers.join(", ")
    }
}
