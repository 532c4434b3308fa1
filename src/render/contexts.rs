//! Where each `{{ … }}` of a template lands in the HTML it writes (text, a quoted
//! attribute value, a tag, a script), and the placements where a message or a value
//! could write markup of its own. Tera escapes every plain value for text and quoted
//! attributes alike (`& < > " '`); what it does not escape is HTML marked safe (`t()`,
//! `| safe`, a component), and no HTML escaping protects a script, a style, an event
//! handler, an address or an unquoted attribute. So, checked before any page renders:
//!
//! - HTML (`t()` without `plain=true`, `| safe`, a component, `super()`, a variable
//!   `set` from one of those) only in text content: not in an attribute, `<title>` or
//!   `<textarea>`;
//! - no `{{ … }}` at all in `<script>`/`<style>`, an `on…`/`style`/`srcdoc` attribute,
//!   a tag's name, an attribute's name or an unquoted value; no `{% include %}` inside
//!   a tag;
//! - no message (`t()`, plain or not) in an address attribute (`href`, `src`, …): a
//!   translation could make it a `javascript:` link.
//!
//! A child template's `{% block %}` starts where its parent's block sits (the `title`
//! block of `base.html` is inside `<title>`), so a block is checked in its real context.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diag::{Diagnostic, Diagnostics, SourceFile};

/// Attributes whose value is an address: a message there could be a `javascript:` link.
const ADDRESS_ATTRIBUTES: [&str; 16] = [
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "cite",
    "poster",
    "data",
    "background",
    "ping",
    "xlink:href",
    "longdesc",
    "manifest",
    "codebase",
    "archive",
    "usemap",
];

/// Elements whose content is script or style (`<` does not open a tag inside).
const RAW_TEXT: [&str; 6] = ["script", "style", "xmp", "iframe", "noembed", "noframes"];
/// Elements whose content is text only, markup shown as written.
const RCDATA: [&str; 2] = ["title", "textarea"];

/// Where the scanner is in the HTML, at a byte of the template.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Html {
    Text,
    Comment,
    /// `<!DOCTYPE …>`, `<?…>`: up to the next `>`.
    Bogus,
    /// Inside an element whose text is raw (`script`) or escaped text only (`title`).
    Raw {
        tag: String,
        rcdata: bool,
    },
    /// A tag's name (`end` for a closing tag).
    TagName {
        name: String,
        end: bool,
    },
    /// Between attributes, or after a name (`=` may follow).
    BetweenAttributes {
        tag: String,
        end: bool,
    },
    AttributeName {
        tag: String,
        name: String,
    },
    AfterAttributeName {
        tag: String,
        name: String,
    },
    BeforeValue {
        tag: String,
        name: String,
    },
    Value {
        tag: String,
        name: String,
        quote: Option<u8>,
    },
}

impl Html {
    /// The state after byte `i` of the HTML `text`.
    fn step(self, text: &[u8], i: usize) -> Html {
        let (byte, rest) = (text[i], &text[i + 1..]);
        let space = byte.is_ascii_whitespace();
        match self {
            Html::Text => match byte {
                b'<' if rest.starts_with(b"!--") => Html::Comment,
                b'<' if rest.first().is_some_and(u8::is_ascii_alphabetic) => Html::TagName {
                    name: String::new(),
                    end: false,
                },
                b'<' if rest.first() == Some(&b'/')
                    && rest.get(1).is_some_and(u8::is_ascii_alphabetic) =>
                {
                    Html::TagName {
                        name: String::new(),
                        end: true,
                    }
                }
                b'<' if matches!(rest.first(), Some(b'!' | b'?')) => Html::Bogus,
                _ => Html::Text,
            },
            Html::Comment => {
                // `-->` or `--!>` (and so `<!-->`, an empty comment).
                let before = &text[..i];
                if byte == b'>' && (before.ends_with(b"--") || before.ends_with(b"--!")) {
                    Html::Text
                } else {
                    Html::Comment
                }
            }
            Html::Bogus => {
                if byte == b'>' {
                    Html::Text
                } else {
                    Html::Bogus
                }
            }
            Html::Raw { tag, rcdata } => {
                if byte == b'<' && closes(rest, &tag) {
                    Html::TagName {
                        name: String::new(),
                        end: true,
                    }
                } else {
                    Html::Raw { tag, rcdata }
                }
            }
            Html::TagName { mut name, end } => match byte {
                b'/' if !end && name.is_empty() => Html::TagName { name, end: true },
                b'>' => after_tag(name, end),
                b'/' => Html::BetweenAttributes { tag: name, end },
                _ if space => Html::BetweenAttributes { tag: name, end },
                _ => {
                    name.push(byte.to_ascii_lowercase() as char);
                    Html::TagName { name, end }
                }
            },
            Html::BetweenAttributes { tag, end } => match byte {
                b'>' => after_tag(tag, end),
                b'/' => Html::BetweenAttributes { tag, end },
                _ if space => Html::BetweenAttributes { tag, end },
                _ => Html::AttributeName {
                    tag,
                    name: (byte.to_ascii_lowercase() as char).to_string(),
                },
            },
            Html::AttributeName { tag, mut name } => match byte {
                b'>' => after_tag(tag, false),
                b'/' => Html::BetweenAttributes { tag, end: false },
                b'=' => Html::BeforeValue { tag, name },
                _ if space => Html::AfterAttributeName { tag, name },
                _ => {
                    name.push(byte.to_ascii_lowercase() as char);
                    Html::AttributeName { tag, name }
                }
            },
            Html::AfterAttributeName { tag, name } => match byte {
                b'>' => after_tag(tag, false),
                b'/' => Html::BetweenAttributes { tag, end: false },
                b'=' => Html::BeforeValue { tag, name },
                _ if space => Html::AfterAttributeName { tag, name },
                _ => Html::AttributeName {
                    tag,
                    name: (byte.to_ascii_lowercase() as char).to_string(),
                },
            },
            Html::BeforeValue { tag, name } => match byte {
                b'>' => after_tag(tag, false),
                b'"' | b'\'' => Html::Value {
                    tag,
                    name,
                    quote: Some(byte),
                },
                _ if space => Html::BeforeValue { tag, name },
                _ => Html::Value {
                    tag,
                    name,
                    quote: None,
                },
            },
            Html::Value { tag, name, quote } => match quote {
                Some(q) if byte == q => Html::BetweenAttributes { tag, end: false },
                None if byte == b'>' => after_tag(tag, false),
                None if space => Html::BetweenAttributes { tag, end: false },
                _ => Html::Value { tag, name, quote },
            },
        }
    }
}

/// Whether `rest` (after a `<`) is `/tag` followed by a delimiter.
fn closes(rest: &[u8], tag: &str) -> bool {
    rest.first() == Some(&b'/')
        && rest.len() > tag.len()
        && rest[1..=tag.len()].eq_ignore_ascii_case(tag.as_bytes())
        && rest
            .get(tag.len() + 1)
            .is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
}

/// The state after a tag's `>`.
fn after_tag(tag: String, end: bool) -> Html {
    if end {
        return Html::Text;
    }
    if RAW_TEXT.contains(&tag.as_str()) {
        Html::Raw { tag, rcdata: false }
    } else if RCDATA.contains(&tag.as_str()) {
        Html::Raw { tag, rcdata: true }
    } else {
        Html::Text
    }
}

/// What an expression can write.
struct Expression<'a> {
    code: &'a str,
    /// HTML marked safe (Tera does not escape it).
    html: bool,
    /// A call of `t()`, plain or not.
    message: bool,
}

/// Checks every template's placements (see the module comment).
pub fn check(sources: &BTreeMap<String, SourceFile>) -> Diagnostics {
    let html_variables = html_variables(sources);
    let mut checker = Checker {
        sources,
        html_variables,
        blocks: HashMap::new(),
        visiting: HashSet::new(),
        out: Vec::new(),
    };
    for name in sources.keys() {
        checker.scan(name);
    }
    checker.out
}

struct Checker<'a> {
    sources: &'a BTreeMap<String, SourceFile>,
    /// Names `set` from HTML (`{% set x = t(key="a") %}`, `{% set x %}…{% endset %}`).
    html_variables: HashSet<String>,
    /// Each scanned template's blocks and the HTML state each starts in.
    blocks: HashMap<String, HashMap<String, Html>>,
    visiting: HashSet<String>,
    out: Diagnostics,
}

impl Checker<'_> {
    /// Scans one template (its parent first), recording where its blocks start.
    fn scan(&mut self, name: &str) {
        if self.blocks.contains_key(name) || !self.visiting.insert(name.to_owned()) {
            return;
        }
        let Some(file) = self.sources.get(name) else {
            return;
        };
        let text: &str = &file.text;
        let parent = extends(text);
        let inherited = match &parent {
            Some(parent) => {
                self.scan(parent);
                self.blocks.get(parent).cloned().unwrap_or_default()
            }
            None => HashMap::new(),
        };
        let mut blocks = HashMap::new();
        let mut state = Html::Text;
        // The state to return to after each open `block` / `component`.
        let mut stack: Vec<Html> = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let tera = bytes[i] == b'{' && matches!(bytes.get(i + 1), Some(b'{' | b'%' | b'#'));
            if !tera {
                // Runs no state leaves (text up to a `<`, a quoted value up to its quote,
                // a comment up to a `>`) are skipped at once, up to the next Tera tag.
                let stop = match &state {
                    Html::Text | Html::Raw { .. } => Some(b'<'),
                    Html::Comment | Html::Bogus => Some(b'>'),
                    Html::Value { quote: Some(q), .. } => Some(*q),
                    _ => None,
                };
                let run = stop.map_or(0, |stop| {
                    memchr::memchr2(stop, b'{', &bytes[i..]).unwrap_or(bytes.len() - i)
                });
                if run > 0 {
                    i += run;
                    continue;
                }
                state = state.step(bytes, i);
                i += 1;
                continue;
            }
            let (end, code) = tera_end(text, i);
            match bytes[i + 1] {
                b'{' => {
                    self.expression(file, i, code, &state);
                    // What it writes starts an unquoted value after a `=`.
                    if let Html::BeforeValue { tag, name } = state {
                        state = Html::Value {
                            tag,
                            name,
                            quote: None,
                        };
                    }
                }
                b'%' => {
                    let statement = code.trim();
                    let mut words = statement.split_whitespace();
                    match words.next().unwrap_or_default() {
                        "block" => {
                            let block = words.next().unwrap_or_default().to_owned();
                            stack.push(state.clone());
                            if let Some(start) = inherited.get(&block) {
                                state = start.clone();
                            }
                            blocks.insert(block, state.clone());
                        }
                        "component" => {
                            stack.push(state.clone());
                            state = Html::Text;
                        }
                        "endblock" | "endcomponent" => {
                            let saved = stack.pop().unwrap_or(Html::Text);
                            // In a parent, what follows a block continues from it; a
                            // child's text outside blocks is never written.
                            if parent.is_some() || statement.starts_with("endcomponent") {
                                state = saved;
                            }
                        }
                        "include" if state != Html::Text => self.out.push(
                            Diagnostic::error(
                                "PG0305",
                                "`{% include %}` inside a tag: the included template is checked as text, not as this tag's attributes",
                            )
                            .at(file.span(i..end), "included here")
                            .help("include it in text content, or write the attributes in this template"),
                        ),
                        "raw" => {
                            // Raw text is HTML as written, up to `{% endraw %}`.
                            let close = text[end..]
                                .find("endraw")
                                .and_then(|at| text[end + at..].find("%}").map(|e| end + at + e + 2))
                                .unwrap_or(text.len());
                            for at in end..close {
                                state = state.step(bytes, at);
                            }
                            i = close;
                            continue;
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            i = end;
        }
        self.visiting.remove(name);
        self.blocks.insert(name.to_owned(), blocks);
    }

    /// Checks one `{{ … }}` (`code` is what is inside) at byte `at` in state `state`.
    fn expression(&mut self, file: &SourceFile, at: usize, code: &str, state: &Html) {
        let code = code.trim_matches(|c: char| c == '-' || c == '+').trim();
        let e = Expression {
            code,
            html: writes_html(code, &self.html_variables),
            message: calls_t(code).next().is_some(),
        };
        let shown = if e.code.chars().count() > 60 {
            format!("{}…", e.code.chars().take(60).collect::<String>())
        } else {
            e.code.to_owned()
        };
        let fault = match state {
            Html::Text | Html::Comment | Html::Bogus => None,
            Html::Raw { tag, rcdata: true } if e.html => Some((
                format!(
                    "`{{{{ {shown} }}}}` writes HTML into `<{tag}>`, which shows markup as text"
                ),
                HTML_HELP,
            )),
            Html::Raw { rcdata: true, .. } => None,
            Html::Raw { tag, .. } => Some((
                format!(
                    "`{{{{ {shown} }}}}` is inside `<{tag}>`, where HTML escaping does not stop script"
                ),
                SCRIPT_HELP,
            )),
            Html::Value {
                name,
                quote: Some(_),
                ..
            } if name.starts_with("on") || name == "style" || name == "srcdoc" => Some((
                format!(
                    "`{{{{ {shown} }}}}` is in the `{name}` attribute, where HTML escaping does not stop script"
                ),
                SCRIPT_HELP,
            )),
            Html::Value {
                name,
                quote: Some(_),
                ..
            } if e.html => Some((
                format!(
                    "`{{{{ {shown} }}}}` writes HTML into the `{name}` attribute: a quote in a message or value would end the attribute and add its own (an event handler)"
                ),
                HTML_HELP,
            )),
            Html::Value {
                name,
                quote: Some(_),
                ..
            } if e.message && ADDRESS_ATTRIBUTES.contains(&name.as_str()) => Some((
                format!(
                    "a message is the address in the `{name}` attribute: a translation could make it a `javascript:` link"
                ),
                "take addresses from the policy (a link value) or write them in the template",
            )),
            Html::Value { quote: Some(_), .. } => None,
            Html::Value {
                name, quote: None, ..
            }
            | Html::BeforeValue { name, .. } => Some((
                format!(
                    "`{{{{ {shown} }}}}` is the unquoted value of `{name}`: a space in it would add attributes"
                ),
                QUOTE_HELP,
            )),
            Html::TagName { .. }
            | Html::BetweenAttributes { .. }
            | Html::AttributeName { .. }
            | Html::AfterAttributeName { .. } => Some((
                format!(
                    "`{{{{ {shown} }}}}` is inside a tag, outside a quoted attribute value: its text could add attributes"
                ),
                QUOTE_HELP,
            )),
        };
        if let Some((message, help)) = fault {
            self.out.push(
                Diagnostic::error("PG0305", message)
                    .at(file.span(at..at + 2), "placed here")
                    .help(help),
            );
        }
    }
}

const HTML_HELP: &str = "write `t(key=\"…\", plain=true)` here (the message as plain text, which Tera escapes), and no `| safe`";
const SCRIPT_HELP: &str =
    "put the value in a `data-` attribute (quoted) and read it from a script file";
const QUOTE_HELP: &str = "put it inside a quoted attribute value: name=\"{{ … }}\"";

/// The parent named by `{% extends "…" %}`, if the template has one.
fn extends(text: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = text[from..].find("{%").map(|a| from + a) {
        let (end, code) = tera_end(text, at);
        let code = code.trim_matches(|c: char| c == '-' || c == '+').trim();
        if let Some(rest) = code.strip_prefix("extends") {
            let name = rest
                .trim()
                .trim_matches(|c| c == '"' || c == '\'' || c == '`');
            return Some(name.to_owned());
        }
        from = end;
    }
    None
}

/// The end of the Tera tag opening at `at` (after its closing delimiter) and the code
/// inside it. Strings are skipped, and braces counted (a component call's `{x}`).
fn tera_end(text: &str, at: usize) -> (usize, &str) {
    let bytes = text.as_bytes();
    let close = match bytes[at + 1] {
        b'{' => b'}',
        b'%' => b'%',
        _ => b'#',
    };
    let start = at + 2;
    let mut i = start;
    let mut depth = 0usize;
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if close != b'#' && matches!(b, b'"' | b'\'' | b'`') => quote = Some(b),
            None if close != b'#' && b == b'{' => depth += 1,
            None if b == b'}' && depth > 0 => depth -= 1,
            None if b == close && bytes.get(i + 1) == Some(&b'}') && depth == 0 => {
                return (i + 2, &text[start..i]);
            }
            None => {}
        }
        i += 1;
    }
    (text.len(), &text[start..])
}

/// The argument lists of each `t(…)` call in `code`.
fn calls_t(code: &str) -> impl Iterator<Item = &str> {
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    code.match_indices("t(").filter_map(move |(at, _)| {
        if code[..at].chars().next_back().is_some_and(is_name) {
            return None;
        }
        let args = &code[at + 2..];
        let mut depth = 0usize;
        let mut quote = None;
        for (i, c) in args.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'' | '`') => quote = Some(c),
                (None, '(') => depth += 1,
                (None, ')') if depth == 0 => return Some(&args[..i]),
                (None, ')') => depth -= 1,
                _ => {}
            }
        }
        Some(args)
    })
}

/// Whether `t()`'s arguments ask for plain text.
fn is_plain(args: &str) -> bool {
    args.split(',').any(|arg| {
        arg.split_once('=')
            .is_some_and(|(name, value)| name.trim() == "plain" && value.trim() == "true")
    })
}

/// The identifiers of `code` outside strings (each path's first name only).
fn identifiers(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        if matches!(b, b'"' | b'\'' | b'`') {
            quote = Some(b);
            i += 1;
            continue;
        }
        if b.is_ascii_alphabetic() || b == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            if start == 0 || bytes[start - 1] != b'.' {
                out.push(&code[start..i]);
            }
            continue;
        }
        i += 1;
    }
    out
}

/// Whether the expression `code` writes HTML marked safe.
fn writes_html(code: &str, html_variables: &HashSet<String>) -> bool {
    let code = code.trim();
    if code.starts_with('<') || code.contains("super(") {
        return true;
    }
    if calls_t(code).any(|args| !is_plain(args)) {
        return true;
    }
    // A filter `safe` after a `|` (outside strings: `identifiers` skips them).
    let names = identifiers(code);
    if names.contains(&"safe") && code.contains('|') {
        return true;
    }
    names.iter().any(|n| html_variables.contains(*n))
}

/// Every name a template `set`s from HTML, in any template (`set_global` reaches all).
fn html_variables(sources: &BTreeMap<String, SourceFile>) -> HashSet<String> {
    let mut out = HashSet::new();
    // Repeated until no new name: a variable set from another HTML variable is HTML.
    loop {
        let before = out.len();
        for file in sources.values() {
            let text: &str = &file.text;
            let mut from = 0;
            while let Some(at) = text[from..].find("{%").map(|a| from + a) {
                let (end, code) = tera_end(text, at);
                from = end;
                let code = code.trim_matches(|c: char| c == '-' || c == '+').trim();
                let Some(rest) = code
                    .strip_prefix("set_global")
                    .or_else(|| code.strip_prefix("set"))
                else {
                    continue;
                };
                let (name, value) = match rest.split_once('=') {
                    Some((name, value)) => (name.trim(), Some(value)),
                    None => (rest.trim(), None),
                };
                // `{% set x %}…{% endset %}` captures rendered HTML.
                if value.is_none_or(|v| writes_html(v, &out)) && !name.is_empty() {
                    out.insert(name.to_owned());
                }
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faults(files: &[(&str, &str)]) -> Vec<(String, usize, usize)> {
        let sources = files
            .iter()
            .map(|(n, t)| (n.to_string(), SourceFile::new(*n, *t)))
            .collect();
        check(&sources)
            .into_iter()
            .map(|d| {
                let at = d.location.as_ref().expect("located");
                (d.message, at.line, at.col)
            })
            .collect()
    }

    #[test]
    fn html_in_text_and_plain_text_in_quoted_attributes_pass() {
        let src = "<!DOCTYPE html>\n<nav aria-label=\"{{ t(key='a', plain=true) }}\" class=x>\
                   {{ t(key='b') }}<!-- {{ t(key='c') }} --></nav>\n\
                   <li{% if ids %} id=\"{{ item.id }}\"{% endif %}>{{ item.html | safe }}{{ <f.list node={item} /> }}</li>\
                   <a href=\"{{ p.href }}\" title='{{ t(key=\"d\", plain=true) | upper }}'>x</a>";
        assert_eq!(faults(&[("a.html", src)]), []);
    }

    #[test]
    fn html_in_attributes_script_and_unquoted_values_are_refused_where_they_are() {
        let src = "<nav aria-label=\"{{ t(key='a') }}\">\n\
                   <p title=\"{{ x | safe }}\" data-x='{{ y|safe }}'>\n\
                   <a href=\"{{ t(key='u', plain=true) }}\" onclick=\"go('{{ id }}')\">\n\
                   <div class={{ c }} {{ extra }}>\n\
                   <script>var x = \"{{ v }}\";</script><style>{{ s }}</style>\n\
                   <textarea>{{ t(key='z') }}</textarea>{{ t(key='ok') }}";
        let found = faults(&[("a.html", src)]);
        let at: Vec<(usize, usize)> = found.iter().map(|(_, l, c)| (*l, *c)).collect();
        assert_eq!(
            at,
            [
                (1, 18),
                (2, 11),
                (2, 35),
                (3, 10),
                (3, 53),
                (4, 12),
                (4, 20),
                (5, 18),
                (5, 43),
                (6, 11)
            ],
            "{found:#?}"
        );
        assert!(
            found[0]
                .0
                .contains("writes HTML into the `aria-label` attribute")
        );
        assert!(found[3].0.contains("address in the `href` attribute"));
        assert!(found[4].0.contains("`onclick` attribute"));
        assert!(found[5].0.contains("unquoted value of `class`"));
        assert!(found[6].0.contains("inside a tag"));
        assert!(found[7].0.contains("inside `<script>`"));
        assert!(found[9].0.contains("into `<textarea>`"));
    }

    #[test]
    fn a_child_block_is_checked_where_its_parent_places_it() {
        let base =
            "<title>{% block title %}{% endblock %}</title><body>{% block content %}{% endblock %}";
        let page = "{% extends \"base.html\" %}{% block title %}{{ t(key='a') }}{% endblock %}\n\
                    {% block content %}<p>{{ t(key='b') }}</p>{% endblock %}";
        let found = faults(&[("base.html", base), ("page.html", page)]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!((found[0].1, found[0].2), (1, 43));
        assert!(found[0].0.contains("`<title>`"));
    }

    #[test]
    fn html_set_into_a_variable_is_still_html() {
        let src = "{% set label = t(key='a') %}{% set again = label %}{% set text = t(key='b', plain=true) %}\
                   <a title=\"{{ again }}\" aria-label=\"{{ text }}\">{% set cap %}<b>x</b>{% endset %}\
                   <i title=\"{{ cap }}\"></i>";
        let found = faults(&[("a.html", src)]);
        assert_eq!(found.len(), 2, "{found:#?}");
    }

    #[test]
    fn comments_end_only_at_their_close() {
        let src = "<!-- a > {{ t(key='x') }} --> <b title=\"{{ t(key='y') }}\">";
        assert_eq!(faults(&[("a.html", src)]).len(), 1);
    }
}
