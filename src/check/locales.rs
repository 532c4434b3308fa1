//! Fluent checks of every locale against the reference: what Mozilla's compare-locales
//! checks for `.ftl` (missing and obsolete messages and attributes, references, plural
//! variants, duplicates, mojibake), plus variables, which it does not compare.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diag::{Diagnostic, Diagnostics};
use crate::l10n::LocaleSource;
use crate::l10n::analysis::{self, Part};

/// The variables each fact message is given (`check::facts::given_variables`): a
/// variable the reference uses but is not given is its own error, never one that
/// translations are told to copy.
pub type Given = std::collections::BTreeMap<String, BTreeSet<String>>;

/// The locales whose messages describe the product's controls in words instead of
/// quoting their labels (`interface: describe:`), and each message's label variables
/// (`check::facts::described`): such a locale may leave a label variable out, and when
/// the reference does, a translation may still quote its own label.
#[derive(Debug, Default)]
pub struct Described {
    pub locales: BTreeSet<String>,
    pub labels: Given,
}

impl Described {
    fn may_skip(&self, locale: &str, id: &str, variable: &str) -> bool {
        self.locales.contains(locale) && self.labels.get(id).is_some_and(|l| l.contains(variable))
    }
}

/// Findings for `locale` (the reference included: references, duplicates, mojibake);
/// `generated_terms` are defined by the policy; `needed_by` says who needs each message
/// (`check::required::needed_by`), named when one is missing.
pub fn check(
    reference: &LocaleSource,
    locale: &LocaleSource,
    generated_terms: &[String],
    given: &Given,
    described: &Described,
    needed_by: &BTreeMap<String, String>,
) -> Diagnostics {
    let mut out = Vec::new();
    references(locale, generated_terms, &mut out);
    reference_graph(locale, &mut out);
    duplicates_and_mojibake(locale, &mut out);
    if locale.tag != reference.tag {
        against_reference(
            reference,
            locale,
            generated_terms,
            given,
            described,
            needed_by,
            &mut out,
        );
    }
    out
}

fn against_reference(
    en: &LocaleSource,
    l: &LocaleSource,
    generated_terms: &[String],
    given: &Given,
    described: &Described,
    needed_by: &BTreeMap<String, String>,
    out: &mut Diagnostics,
) {
    let dir = l.dir.display();
    for id in en.message_ids() {
        if !l.entries.contains_key(id) {
            let who = needed_by
                .get(id)
                .map_or_else(String::new, |who| format!(", needed by {who}"));
            out.push(
                Diagnostic::error(
                    "PG0501",
                    format!("message `{id}` is missing in `{}`{who}", l.tag),
                )
                .at(
                    en.location(id).expect("indexed"),
                    format!("defined in `{}` here", en.tag),
                )
                .help(format!(
                    "add `{id}` to a file in {dir}/, translating the `{}` text",
                    en.tag
                )),
            );
        }
    }
    for id in l.message_ids() {
        if !en.entries.contains_key(id) {
            out.push(
                Diagnostic::warning(
                    "PG0502",
                    format!(
                        "message `{id}` is obsolete: `{}` has no such message",
                        en.tag
                    ),
                )
                .at(l.location(id).expect("indexed"), "not in the reference")
                .help(format!(
                    "remove it, or add `{id}` to {}/ first if it is new",
                    en.dir.display()
                )),
            );
        }
    }
    for id in l.message_ids().filter(|id| en.entries.contains_key(*id)) {
        if en.ast(id).is_none() || l.ast(id).is_none() {
            continue;
        }
        let (en_parts, l_parts) = (en.parts(id), l.parts(id));
        let here = || l.location(id).expect("indexed");
        for p in en_parts {
            if !l_parts.iter().any(|q| q.attribute == p.attribute) {
                out.push(
                    Diagnostic::error(
                        "PG0503",
                        format!("`{}` is missing in `{}`", part_name(id, p), l.tag),
                    )
                    .at(here(), "in this message")
                    .help(format!(
                        "add the {} as in `{}`",
                        part_kind(p),
                        en.tag
                    )),
                );
            }
        }
        for q in l_parts {
            let Some(p) = en_parts.iter().find(|p| p.attribute == q.attribute) else {
                out.push(
                    Diagnostic::error(
                        "PG0504",
                        format!(
                            "`{}` is obsolete: `{}` has no such {}",
                            part_name(id, q),
                            en.tag,
                            part_kind(q)
                        ),
                    )
                    .at(
                        q.attribute.as_ref().map_or_else(here, |a| {
                            l.locate_in(id, &format!(".{a}")).expect("indexed")
                        }),
                        "not in the reference",
                    )
                    .help(format!("remove it, or add it to `{}` first", en.tag)),
                );
                continue;
            };
            // A reference that uses a variable its fact does not give is reported there,
            // once: its translations are not compared with a broken original.
            let broken = given
                .get(id)
                .is_some_and(|given| !p.variables.is_subset(given));
            if !broken {
                variables(id, (p, q), (en, l), described, out);
            }
            reference_parity(id, p, q, l, generated_terms, out);
        }
    }
}

fn part_name(id: &str, p: &Part) -> String {
    match &p.attribute {
        Some(a) => format!("{id}.{a}"),
        None => id.to_owned(),
    }
}

fn part_kind(p: &Part) -> &'static str {
    if p.attribute.is_some() {
        "attribute"
    } else {
        "value"
    }
}

/// A translation must use exactly the variables the reference uses in the same part:
/// an extra one renders as an error, a missing one silently drops a fact.
fn variables(
    id: &str,
    (en, l): (&Part, &Part),
    (reference, locale): (&LocaleSource, &LocaleSource),
    described: &Described,
    out: &mut Diagnostics,
) {
    for v in l.variables.difference(&en.variables) {
        if described.may_skip(&reference.tag, id, v) {
            continue;
        }
        let known: Vec<String> = en.variables.iter().map(|v| format!("${v}")).collect();
        out.push(
            Diagnostic::error(
                "PG0506",
                format!(
                    "`{}` uses `${v}`, which the reference does not pass",
                    part_name(id, l)
                ),
            )
            .at(
                locale.locate_in(id, &format!("${v}")).expect("indexed"),
                "unknown variable",
            )
            .help(if known.is_empty() {
                "this message gets no variables: write the text without it".to_owned()
            } else {
                format!("use one of {}", known.join(", "))
            }),
        );
    }
    for v in en.variables.difference(&l.variables) {
        if described.may_skip(&locale.tag, id, v) {
            continue;
        }
        out.push(
            Diagnostic::error("PG0507", format!("`{}` drops `${v}`, which the reference uses", part_name(id, l)))
                .at(locale.location(id).expect("indexed"), "in this message")
                .help(format!("use `{{ ${v} }}` (or select on it): its value comes from the policy and must not be lost or retyped")),
        );
    }
}

/// compare-locales' "missing/obsolete message/term reference" warnings, per part; one
/// entity's name in the place of another's (`{ -tier-work-name }` where the reference has
/// `{ -tier-free-name }`) is an error: the sentence now states another fact.
fn reference_parity(
    id: &str,
    en: &Part,
    l: &Part,
    locale: &LocaleSource,
    generated_terms: &[String],
    out: &mut Diagnostics,
) {
    let generated = |r: &String| generated_terms.contains(r);
    for (kind, en_refs, l_refs) in [
        ("message", &en.messages, &l.messages),
        ("term", &en.terms, &l.terms),
    ] {
        let dropped: Vec<&String> = en_refs.difference(l_refs).collect();
        for r in &dropped {
            out.push(
                Diagnostic::warning(
                    "PG0517",
                    format!(
                        "`{}` does not reference the {kind} `{r}` that the reference uses",
                        part_name(id, l)
                    ),
                )
                .at(locale.location(id).expect("indexed"), "in this message")
                .help(format!(
                    "write `{{ {r} }}` where the name belongs instead of retyping it"
                )),
            );
        }
        let instead: Vec<String> = dropped
            .iter()
            .filter(|r| generated(r))
            .map(|r| format!("`{r}`"))
            .collect();
        for r in l_refs.difference(en_refs) {
            if generated(r) && !instead.is_empty() {
                out.push(
                    Diagnostic::error(
                        "PG0517",
                        format!(
                            "`{}` names the entity `{r}` where the reference names {}: another fact",
                            part_name(id, l),
                            instead.join(", ")
                        ),
                    )
                    .at(locale.locate_in(id, r).expect("indexed"), "another entity")
                    .help(format!("write {} here, as the reference does", instead.join(" or "))),
                );
                continue;
            }
            out.push(
                Diagnostic::warning(
                    "PG0517",
                    format!(
                        "`{}` references the {kind} `{r}` that the reference does not use",
                        part_name(id, l)
                    ),
                )
                .at(locale.locate_in(id, r).expect("indexed"), "extra reference")
                .help("check that the translation says what the reference says"),
            );
        }
    }
}

/// References to messages or terms that exist nowhere.
fn references(locale: &LocaleSource, generated_terms: &[String], out: &mut Diagnostics) {
    for key in locale.entries.keys() {
        for part in locale.parts(key) {
            for m in &part.messages {
                if !locale.entries.contains_key(m) {
                    out.push(
                        Diagnostic::error(
                            "PG0505",
                            format!(
                                "`{key}` references the message `{m}`, which `{}` does not define",
                                locale.tag
                            ),
                        )
                        .at(
                            locale.locate_in(key, m).expect("indexed"),
                            "unknown message",
                        )
                        .help("fix the id, or define the message"),
                    );
                }
            }
            for t in &part.terms {
                if !locale.entries.contains_key(t) && !generated_terms.contains(t) {
                    let names: Vec<&str> = generated_terms.iter().map(String::as_str).collect();
                    out.push(
                        Diagnostic::error(
                            "PG0505",
                            format!("`{key}` references the term `{t}`, which is not defined"),
                        )
                        .at(locale.locate_in(key, t).expect("indexed"), "unknown term")
                        .help(format!("the policy defines {}", names.join(", "))),
                    );
                }
            }
        }
    }
}

/// fluent-bundle's limit on the placeables one formatting resolves (`MAX_PLACEABLES`).
const MAX_PLACEABLES: u32 = 100;

/// A part (value or attribute) of an entry: the entry key and the attribute name.
type Node = (String, Option<String>);

/// What fluent-bundle refuses when formatting, found before it formats: a message or
/// attribute that refers to itself, directly or through others (a cyclic reference), a
/// reference to a value or attribute the entry lacks, and references that expand to
/// more placeables than it resolves. Each would fail the build; here it fails `check`.
fn reference_graph(locale: &LocaleSource, out: &mut Diagnostics) {
    let mut edges: BTreeMap<Node, Vec<Node>> = BTreeMap::new();
    for key in locale.entries.keys() {
        for part in locale.parts(key) {
            let mut targets = Vec::new();
            for (k, attribute) in part.targets.iter().cloned() {
                if !locale.entries.contains_key(&k) {
                    continue; // unknown or generated: reported (or fine) elsewhere
                }
                if locale.has(&k, attribute.as_deref()) {
                    targets.push((k, attribute));
                    continue;
                }
                let what = match &attribute {
                    Some(a) => format!("`{k}.{a}`, but `{k}` has no attribute `.{a}`"),
                    None => format!("`{k}`, which has no value (only attributes)"),
                };
                let needle = attribute.as_ref().map_or(k.clone(), |a| format!("{k}.{a}"));
                out.push(
                    Diagnostic::error(
                        "PG0505",
                        format!(
                            "`{}` references {what}",
                            node_name(&(key.clone(), part.attribute.clone()))
                        ),
                    )
                    .at(
                        locate_reference(locale, key, &needle),
                        "cannot be formatted",
                    )
                    .help("reference a part the entry has, or add it"),
                );
            }
            edges.insert((key.clone(), part.attribute.clone()), targets);
        }
    }
    // Depth-first over every part (iteratively: a chain of references may be long),
    // recording the order parts finish in and reporting each cycle once.
    let mut state: HashMap<&Node, bool> = HashMap::with_capacity(edges.len()); // false: on the path, true: done
    let mut finished: Vec<&Node> = Vec::new();
    let mut cycles = 0;
    for start in edges.keys() {
        if state.contains_key(start) {
            continue;
        }
        state.insert(start, false);
        let mut path: Vec<(&Node, usize)> = vec![(start, 0)];
        while let Some(&(node, next)) = path.last() {
            let Some(target) = edges[node].get(next) else {
                state.insert(node, true);
                finished.push(node);
                path.pop();
                continue;
            };
            path.last_mut().expect("not empty").1 += 1;
            let Some((target, _)) = edges.get_key_value(target) else {
                continue;
            };
            match state.get(target) {
                None => {
                    state.insert(target, false);
                    path.push((target, 0));
                }
                Some(false) => {
                    cycles += 1;
                    let from = path
                        .iter()
                        .position(|(n, _)| *n == target)
                        .expect("on the path");
                    let names: Vec<String> = path[from..]
                        .iter()
                        .map(|(n, _)| node_name(n))
                        .chain([node_name(target)])
                        .collect();
                    let message = if names.len() == 2 {
                        format!("`{}` refers to itself in `{}`", names[0], locale.tag)
                    } else {
                        format!(
                            "`{}` refer to each other in a cycle in `{}`",
                            names.join("` → `"),
                            locale.tag
                        )
                    };
                    out.push(
                        Diagnostic::error("PG0505", message)
                            .at(locate_reference(locale, &node.0, &node_name(target)), "this reference closes the cycle")
                            .help("a message cannot include itself: write the text here, or reference another message"),
                    );
                }
                Some(true) => {}
            }
        }
    }
    if cycles > 0 {
        return; // the placeable counts below assume no cycle
    }
    // Placeables each part resolves, its references included, in finishing order (the
    // parts it references come first).
    let mut count: HashMap<&Node, u32> = HashMap::with_capacity(finished.len());
    for node in finished {
        let Some(pattern) = locale
            .ast(&node.0)
            .and_then(|e| analysis::pattern_of(e, node.1.as_deref()))
        else {
            continue;
        };
        let n = analysis::placeables(pattern, &mut |k, a| {
            count
                .get(&(k.to_owned(), a.map(str::to_owned)))
                .copied()
                .unwrap_or(0)
        });
        if n > MAX_PLACEABLES {
            out.push(
                Diagnostic::error(
                    "PG0505",
                    format!(
                        "`{}` expands to {n} placeables through its references; Fluent formats at most {MAX_PLACEABLES}",
                        node_name(node)
                    ),
                )
                .at(locale.location(&node.0).expect("indexed"), "cannot be formatted")
                .help("write the text with fewer references: each `{ message }` brings every placeable of that message"),
            );
        }
        count.insert(node, n);
    }
}

fn node_name((key, attribute): &Node) -> String {
    match attribute {
        Some(a) => format!("{key}.{a}"),
        None => key.clone(),
    }
}

/// Where `needle` is referenced in the entry `key`: after its `=`, so that a reference
/// to itself is not found at its own id.
pub(crate) fn locate_reference(
    locale: &LocaleSource,
    key: &str,
    needle: &str,
) -> crate::diag::Location {
    let e = &locale.entries[key];
    let file = &locale.files[e.file];
    let source = &file.text[e.range.clone()];
    let body = source.find('=').map_or(0, |i| i + 1);
    match source[body..].find(needle) {
        Some(at) => {
            let start = e.range.start + body + at;
            file.span(start..start + needle.len())
        }
        None => locale.location(key).expect("indexed"),
    }
}

fn duplicates_and_mojibake(locale: &LocaleSource, out: &mut Diagnostics) {
    for key in locale.entries.keys() {
        let Some(entry) = locale.ast(key) else {
            continue;
        };
        for a in analysis::duplicate_attributes(entry) {
            out.push(
                Diagnostic::warning(
                    "PG0516",
                    format!("`{key}` defines the attribute `.{a}` twice"),
                )
                .at(
                    locale.locate_in(key, &format!(".{a}")).expect("indexed"),
                    "here",
                )
                .help("keep one: only the first is used"),
            );
        }
        let entry_info = &locale.entries[key];
        let file = &locale.files[entry_info.file];
        for (at, k) in duplicate_variant_keys(locale.source(key).unwrap_or_default()) {
            let start = entry_info.range.start + at;
            out.push(
                Diagnostic::warning(
                    "PG0516",
                    format!("`{key}` has the variant `[{k}]` more than once in one select"),
                )
                .at(
                    file.span(start..start + k.len() + 2),
                    "duplicated variant key",
                )
                .help("keep one: only the first is used"),
            );
        }
        if locale.source(key).is_some_and(|s| s.contains('\u{FFFD}')) {
            out.push(
                Diagnostic::warning(
                    "PG0515",
                    format!("`{key}` contains U+FFFD, a sign of broken encoding"),
                )
                .at(
                    locale.locate_in(key, "\u{FFFD}").expect("indexed"),
                    "replacement character",
                )
                .help("retype the damaged characters and save the file as UTF-8"),
            );
        }
    }
}

/// Offsets of every occurrence of a variant key that appears more than once in the same
/// select expression.
fn duplicate_variant_keys(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (_, keys) in select_keys(source) {
        for (at, key) in &keys {
            if keys.iter().filter(|(_, k)| k == key).count() > 1 {
                out.push((*at, key.clone()));
            }
        }
    }
    out.sort();
    out
}

/// A select's variant keys, each with the offset of its `[`.
pub(crate) type Keys = Vec<(usize, String)>;

/// Every select expression of an entry's source, in the order their `->` appear (the
/// order `analysis::parts` lists them in), each with the offset of its `->` and its
/// variant keys with the offsets of their `[` (the syntax tree has no positions, so this
/// reads the source).
pub(crate) fn select_keys(source: &str) -> Vec<(usize, Keys)> {
    if !source.contains("->") {
        return Vec::new(); // no select expression
    }
    // Open selects: the brace depth they live at, their `->` and their keys.
    let mut open: Vec<(usize, usize, Keys)> = Vec::new();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut line_start = true;
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => {
                while open.last().is_some_and(|(d, _, _)| *d >= depth) {
                    let (_, arrow, keys) = open.pop().expect("checked");
                    out.push((arrow, keys));
                }
                depth = depth.saturating_sub(1);
            }
            '-' if chars.peek().is_some_and(|(_, n)| *n == '>') => {
                open.push((depth, i, Vec::new()))
            }
            '[' if line_start => {
                if let (Some(end), Some((_, _, keys))) = (source[i..].find(']'), open.last_mut()) {
                    keys.push((i, source[i + 1..i + end].trim().to_owned()));
                }
            }
            _ => {}
        }
        if c == '\n' {
            line_start = true;
        } else if !(c.is_whitespace() || c == '*') {
            line_start = false;
        }
    }
    out.extend(open.into_iter().map(|(_, arrow, keys)| (arrow, keys)));
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_per_select() {
        let src = "d = { $u ->\n    [a] { $n ->\n        [one] x\n        [one] y\n       *[other] z\n    }\n    [b] { $n ->\n        [one] w\n       *[other] v\n    }\n   *[c] q\n}";
        let found = duplicate_variant_keys(src);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|(_, k)| k == "one"));
        assert_eq!(&src[found[0].0..found[0].0 + 5], "[one]");
    }
}
