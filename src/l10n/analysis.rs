//! What a Fluent message contains, read from its syntax tree: per part (the value and
//! each attribute), the variables, references, literal text and plural selectors.

use std::collections::BTreeSet;

use fluent_syntax::ast;

/// One part of a message: its value (`attribute` None) or one attribute.
#[derive(Debug, Default, Clone)]
pub struct Part {
    pub attribute: Option<String>,
    pub variables: BTreeSet<String>,
    pub messages: BTreeSet<String>,
    pub terms: BTreeSet<String>,
    pub functions: BTreeSet<String>,
    /// Literal text, and literal placeables (`{ "5" }`), other placeables excluded
    /// (where a hand-typed fact would hide).
    pub text: Vec<String>,
    /// Variant keys of each select expression.
    pub selects: Vec<Select>,
    /// What each message or term reference resolves to: the entry key (`-t` for a
    /// term) and the attribute, if any (`{ m.title }`).
    pub targets: BTreeSet<(String, Option<String>)>,
}

#[derive(Debug, Clone)]
pub struct Select {
    /// The variable selected on, when the selector is one (`{ $unit -> … }`).
    pub variable: Option<String>,
    pub keys: Vec<String>,
    /// The key of the default (`*`) variant.
    pub default: String,
}

/// The parts of a message or term entry, value first.
pub fn parts(entry: &ast::Entry<&str>) -> Vec<Part> {
    let (value, attributes) = match entry {
        ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    if let Some(value) = value {
        let mut part = Part::default();
        pattern(value, &mut part);
        out.push(part);
    }
    for attribute in attributes {
        let mut part = Part {
            attribute: Some(attribute.id.name.to_owned()),
            ..Part::default()
        };
        pattern(&attribute.value, &mut part);
        out.push(part);
    }
    out
}

/// Attribute names that appear more than once in an entry.
pub fn duplicate_attributes(entry: &ast::Entry<&str>) -> Vec<String> {
    let attributes = match entry {
        ast::Entry::Message(m) => &m.attributes,
        ast::Entry::Term(t) => &t.attributes,
        _ => return Vec::new(),
    };
    let mut seen = BTreeSet::new();
    attributes
        .iter()
        .map(|a| a.id.name.to_owned())
        .filter(|n| !seen.insert(n.clone()))
        .collect()
}

/// How many placeables formatting `p` resolves at most (the most of any one variant of a
/// select), counting those of the referenced messages and terms through `referenced`.
/// fluent-bundle refuses to format a message past 100 (its "billion laughs" guard).
pub fn placeables(
    p: &ast::Pattern<&str>,
    referenced: &mut dyn FnMut(&str, Option<&str>) -> u32,
) -> u32 {
    let mut total = 0u32;
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            total = total
                .saturating_add(1)
                .saturating_add(expression_placeables(expression, referenced));
        }
    }
    total
}

fn expression_placeables(
    e: &ast::Expression<&str>,
    referenced: &mut dyn FnMut(&str, Option<&str>) -> u32,
) -> u32 {
    match e {
        ast::Expression::Inline(inline) => inline_placeables(inline, referenced),
        ast::Expression::Select { selector, variants } => {
            let selected = variants
                .iter()
                .map(|v| placeables(&v.value, referenced))
                .max()
                .unwrap_or(0);
            inline_placeables(selector, referenced).saturating_add(selected)
        }
    }
}

fn inline_placeables(
    e: &ast::InlineExpression<&str>,
    referenced: &mut dyn FnMut(&str, Option<&str>) -> u32,
) -> u32 {
    let args = |args: Option<&ast::CallArguments<&str>>,
                referenced: &mut dyn FnMut(&str, Option<&str>) -> u32| {
        args.map_or(0, |a| {
            a.positional
                .iter()
                .chain(a.named.iter().map(|n| &n.value))
                .fold(0u32, |sum, x| {
                    sum.saturating_add(inline_placeables(x, referenced))
                })
        })
    };
    match e {
        ast::InlineExpression::MessageReference { id, attribute } => {
            referenced(id.name, attribute.as_ref().map(|a| a.name))
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => referenced(&format!("-{}", id.name), attribute.as_ref().map(|a| a.name))
            .saturating_add(args(arguments.as_ref(), referenced)),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            args(Some(arguments), referenced)
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_placeables(expression, referenced)
        }
        _ => 0,
    }
}

/// The pattern of an entry's value (`attribute` None) or of one of its attributes.
pub fn pattern_of<'a>(
    entry: &'a ast::Entry<&'a str>,
    attribute: Option<&str>,
) -> Option<&'a ast::Pattern<&'a str>> {
    let (value, attributes) = match entry {
        ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return None,
    };
    match attribute {
        None => value,
        Some(name) => attributes
            .iter()
            .find(|a| a.id.name == name)
            .map(|a| &a.value),
    }
}

fn pattern(p: &ast::Pattern<&str>, part: &mut Part) {
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => part.text.push((*value).to_owned()),
            // A literal placeable shows as text (`{ "5" } ans`, `{ 5 } mois`).
            ast::PatternElement::Placeable {
                expression:
                    ast::Expression::Inline(
                        ast::InlineExpression::StringLiteral { value }
                        | ast::InlineExpression::NumberLiteral { value },
                    ),
            } => part.text.push((*value).to_owned()),
            ast::PatternElement::Placeable { expression } => expression_of(expression, part),
        }
    }
}

fn expression_of(e: &ast::Expression<&str>, part: &mut Part) {
    match e {
        ast::Expression::Inline(inline) => inline_of(inline, part),
        ast::Expression::Select { selector, variants } => {
            inline_of(selector, part);
            let key = |v: &ast::Variant<&str>| match &v.key {
                ast::VariantKey::Identifier { name } => (*name).to_owned(),
                ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
            };
            part.selects.push(Select {
                variable: match selector {
                    ast::InlineExpression::VariableReference { id } => Some(id.name.to_owned()),
                    _ => None,
                },
                keys: variants.iter().map(key).collect(),
                default: variants
                    .iter()
                    .find(|v| v.default)
                    .map(key)
                    .unwrap_or_default(),
            });
            for v in variants {
                pattern(&v.value, part);
            }
        }
    }
}

fn inline_of(e: &ast::InlineExpression<&str>, part: &mut Part) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            part.variables.insert(id.name.to_owned());
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            part.messages.insert(id.name.to_owned());
            part.targets.insert((
                id.name.to_owned(),
                attribute.as_ref().map(|a| a.name.to_owned()),
            ));
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            part.terms.insert(format!("-{}", id.name));
            part.targets.insert((
                format!("-{}", id.name),
                attribute.as_ref().map(|a| a.name.to_owned()),
            ));
            if let Some(args) = arguments {
                call_args(args, part);
            }
        }
        ast::InlineExpression::FunctionReference { id, arguments } => {
            part.functions.insert(id.name.to_owned());
            call_args(arguments, part);
        }
        ast::InlineExpression::Placeable { expression } => expression_of(expression, part),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn call_args(args: &ast::CallArguments<&str>, part: &mut Part) {
    for a in &args.positional {
        inline_of(a, part);
    }
    for a in &args.named {
        inline_of(&a.value, part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;

    #[test]
    fn selectors_count_as_variable_uses() {
        let r = FluentResource::try_new(
            "a = { $n ->\n    [one] one { -t } { b }\n   *[other] { $n } x\n}\n    .title = T { $m }\n".to_owned(),
        )
        .unwrap();
        let parts = parts(r.get_entry(0).unwrap());
        assert_eq!(parts.len(), 2);
        assert!(parts[0].variables.contains("n"));
        assert!(parts[0].terms.contains("-t") && parts[0].messages.contains("b"));
        assert_eq!(parts[0].selects[0].keys, ["one", "other"]);
        assert_eq!(parts[1].attribute.as_deref(), Some("title"));
        assert!(parts[1].variables.contains("m"));
    }
}
