//! Every message a project needs before anything is rendered, and who needs it: each
//! `t()` call of the templates (file and line), the messages the renderer asks for on
//! the pages it generates and in the states it shows (a notice when a later version is
//! announced, when a translation is stale: needed whether or not that holds today), and
//! each fact and page of the policy. `check` compares every locale with it at once.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Location, SourceFile};
use crate::policy::{Id, Node, Policy, facts};

/// The variables every template message gets: the dates of the version in force.
const VERSION_DATES: &[&str] = &["announced", "effective", "updated"];
/// What a change's messages get: the day of the version, whether it is in force, and
/// what the day is (`effective`, or `announced` when its effective day is no source's).
const CHANGE_VARIABLES: &[&str] = &["date", "status", "dated"];

/// What the renderer asks for itself: (message, attribute, variables, who needs it).
pub const RENDERER: &[(&str, Option<&str>, &[&str], Requirer)] = &[
    (
        "language-name",
        None,
        &[],
        Requirer::Page("every page's language switcher"),
    ),
    (
        "site-title",
        None,
        VERSION_DATES,
        Requirer::Page("the language picker (index.html at the site root)"),
    ),
    (
        "choose-language",
        None,
        VERSION_DATES,
        Requirer::Page("the language picker (index.html at the site root)"),
    ),
    (
        "duration",
        None,
        &["amount", "unit"],
        Requirer::Page("every page showing a duration value"),
    ),
    (
        "changes-title",
        None,
        CHANGE_VARIABLES,
        Requirer::Page("each \"what changed\" page, and the policy history on the index"),
    ),
    (
        "changes-intro",
        None,
        CHANGE_VARIABLES,
        Requirer::Page("each \"what changed\" page"),
    ),
    (
        "changes-before",
        None,
        CHANGE_VARIABLES,
        Requirer::Page("each \"what changed\" page"),
    ),
    (
        "changes-after",
        None,
        CHANGE_VARIABLES,
        Requirer::Page("each \"what changed\" page"),
    ),
    (
        "changes-added",
        None,
        CHANGE_VARIABLES,
        Requirer::Page("each \"what changed\" page"),
    ),
    (
        "changes-removed",
        None,
        CHANGE_VARIABLES,
        Requirer::Page("each \"what changed\" page"),
    ),
    (
        super::views::UPCOMING_NOTICE,
        None,
        &["date", "dated"],
        Requirer::State("a later version of the policy is announced"),
    ),
    (
        super::views::UPCOMING_NOTICE,
        Some("link"),
        &["date", "dated"],
        Requirer::State("a later version of the policy is announced"),
    ),
    (
        crate::l10n::LINK_LANGUAGE,
        None,
        &["language"],
        Requirer::State("a link opens a page in another language (a `link` value with `lang`)"),
    ),
    (
        crate::l10n::fallback::UNTRANSLATED_NOTICE,
        None,
        &[],
        Requirer::State(
            "a fact has no message in a translation yet and shows the reference's text (in `serve`, or with `untranslated: show-reference`)",
        ),
    ),
    (
        super::views::STALE_NOTICE,
        None,
        &["changed"],
        Requirer::State("a translation is stale"),
    ),
    (
        super::views::STALE_NOTICE,
        Some("undated"),
        &[],
        Requirer::State("a translation is stale and no commit dates the change"),
    ),
    (
        super::views::STALE_NOTICE,
        Some("link"),
        &["changed"],
        Requirer::State("a translation is stale"),
    ),
];

/// Who needs a message.
#[derive(Debug, Clone)]
pub enum Requirer {
    /// A `t()` call in a template, at its key.
    Template(Location),
    /// A page the renderer generates.
    Page(&'static str),
    /// A state in which the renderer shows a notice.
    State(&'static str),
    /// A fact of the policy (its value or its `.title`).
    Fact(Id),
    /// A page of the policy (its `.title`).
    PolicyPage(Id),
}

impl Requirer {
    /// Who needs it, for a person: `templates/base.html:16`, `the language picker`, `the
    /// state "a translation is stale"`, `fact `x``.
    pub fn describe(&self) -> String {
        match self {
            Requirer::Template(at) => format!("{}:{}", at.file.path.display(), at.line),
            Requirer::Page(page) => (*page).to_owned(),
            Requirer::State(state) => format!("the state \"{state}\""),
            Requirer::Fact(id) => format!("fact `{id}` of the policy"),
            Requirer::PolicyPage(id) => format!("page `{id}` of the policy"),
        }
    }
}

/// Which part of a message is needed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Value,
    Attribute(String),
    /// A fact's sentence (its value) or its heading (`.title`), or both.
    ValueOrTitle,
}

/// One message a project needs.
#[derive(Debug, Clone)]
pub struct Need {
    pub id: String,
    pub part: Part,
    /// The variables it is given.
    pub variables: BTreeSet<String>,
    pub by: Requirer,
    /// False when the message is used if present but may be left out (an entity listed
    /// as an item shows its name without one).
    pub required: bool,
}

/// Every message `policy` and `templates` need, in a stable order (templates by file and
/// line, then the renderer's, then the policy's).
pub fn inventory(policy: &Policy, templates: &[&SourceFile]) -> Vec<Need> {
    let mut out = Vec::new();
    let strings = |names: &[&str]| names.iter().map(|v| (*v).to_owned()).collect();
    for file in templates {
        for (key, attribute, at) in calls(file) {
            out.push(Need {
                id: key,
                part: attribute.map_or(Part::Value, Part::Attribute),
                variables: strings(VERSION_DATES),
                by: Requirer::Template(at),
                required: true,
            });
        }
    }
    for (id, attribute, variables, by) in RENDERER {
        out.push(Need {
            id: (*id).to_owned(),
            part: attribute.map_or(Part::Value, |a| Part::Attribute(a.to_owned())),
            variables: strings(variables),
            by: by.clone(),
            required: true,
        });
    }
    for page in &policy.pages {
        out.push(Need {
            id: format!("page-{}", page.id),
            part: Part::Attribute("title".to_owned()),
            variables: strings(VERSION_DATES),
            by: Requirer::PolicyPage(page.id.clone()),
            required: true,
        });
    }
    // A fact in several versions needs its message once; it gets its values of any of them.
    let mut facts: BTreeMap<&str, (Need, bool)> = BTreeMap::new();
    for node in all_nodes(policy) {
        let (need, shows_name) = facts.entry(node.id.as_str()).or_insert_with(|| {
            let need = Need {
                id: node.id.to_string(),
                part: Part::ValueOrTitle,
                variables: BTreeSet::new(),
                by: Requirer::Fact(node.id.clone()),
                required: true,
            };
            (need, true)
        });
        need.variables
            .extend(node.args.iter().map(|(name, _)| name.clone()));
        // An entity listed as an item shows its name when it has no message.
        *shows_name &= node.entity.is_some();
    }
    out.extend(facts.into_values().map(|(mut need, shows_name)| {
        need.required = !shows_name;
        need
    }));
    out
}

fn all_nodes(policy: &Policy) -> impl Iterator<Item = &Node> {
    policy
        .versions
        .iter()
        .flat_map(|v| facts::blocks(policy, v))
        .flat_map(Node::walk)
}

/// The `t(key="…", attr="…")` calls of a template whose key is written out, with where
/// the key is. Only Tera code (`{{ … }}`, `{% … %}`) is read: text and comments are not
/// calls. A key computed at render time cannot be known here and is skipped.
pub fn calls(file: &SourceFile) -> Vec<(String, Option<String>, Location)> {
    let text = &*file.text;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(['{']).map(|i| from + i) {
        let close = match text.get(open..open + 2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            Some("{#") => "#}",
            _ => {
                from = open + 1;
                continue;
            }
        };
        let end = text[open + 2..]
            .find(close)
            .map_or(text.len(), |i| open + 2 + i);
        if close != "#}" {
            calls_in(file, open + 2..end, &mut out);
        }
        from = (end + 2).min(text.len());
    }
    out
}

/// The calls of `t()` in the code at `range` of `file`.
fn calls_in(
    file: &SourceFile,
    range: std::ops::Range<usize>,
    out: &mut Vec<(String, Option<String>, Location)>,
) {
    let code = &file.text[range.clone()];
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    for (at, _) in code.match_indices("t(") {
        if code[..at].chars().next_back().is_some_and(is_name) {
            continue;
        }
        let args_start = at + 2;
        let args_end = code[args_start..]
            .find(')')
            .map_or(code.len(), |i| args_start + i);
        let args = &code[args_start..args_end];
        let Some((key, key_at)) = literal_argument(args, "key") else {
            continue;
        };
        let attribute = literal_argument(args, "attr").map(|(a, _)| a);
        let start = range.start + args_start + key_at;
        out.push((key, attribute, file.span(start..start + 1)));
    }
}

/// The string literal given to `name=` in call arguments, and where its quote is.
fn literal_argument(args: &str, name: &str) -> Option<(String, usize)> {
    let mut from = 0;
    while let Some(i) = args[from..].find(name).map(|i| from + i) {
        from = i + name.len();
        let before = args[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = args[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let value = rest.trim_start();
        let quote_at = args.len() - value.len();
        let quote = value.chars().next()?;
        if !matches!(quote, '"' | '\'' | '`') {
            return None;
        }
        let len = value[1..].find(quote)?;
        return Some((value[1..1 + len].to_owned(), quote_at));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(src: &str) -> Vec<(String, Option<String>, usize)> {
        calls(&SourceFile::new("t.html", src))
            .into_iter()
            .map(|(k, a, at)| (k, a, at.line))
            .collect()
    }

    #[test]
    fn template_calls_are_found_with_their_line_and_attribute() {
        let src = "<p>t(key=\"not-code\")</p>\n{# {{ t(key=\"commented\") }} #}\n\
                   <a title=\"{{ t(key='x') }}\">{{ t( key = \"y\" , attr=\"title\") }}</a>\n\
                   {% if a %}{{ t(key=\"z\") | upper }}{% endif %}{{ not_t(key=\"no\") }}{{ t(key=k) }}";
        assert_eq!(
            keys(src),
            [
                ("x".to_owned(), None, 3),
                ("y".to_owned(), Some("title".to_owned()), 3),
                ("z".to_owned(), None, 4),
            ]
        );
    }
}
