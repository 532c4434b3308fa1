//! The locales stage: read `locales/<tag>/*.ftl` into one Fluent bundle per locale, check
//! each against the reference locale, and format messages with the policy's values.
//!
//! There is no fallback between locales: a message missing or failing in one locale is
//! an error, never English text on a French page.

pub mod formats;

use std::collections::BTreeMap;
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::policy::{Arg, Policy};
use formats::Formats;

/// The locale every other locale is checked against.
pub const REFERENCE_LOCALE: &str = "en";

/// Where a message is defined and which attributes it has.
#[derive(Debug, Clone)]
pub struct MessageInfo {
    pub file: usize,
    pub offset: usize,
    pub has_value: bool,
    pub attributes: Vec<String>,
}

/// One language: its bundle, its files, and an index of its messages.
pub struct Locale {
    pub tag: String,
    pub files: Vec<SourceFile>,
    pub messages: BTreeMap<String, MessageInfo>,
    bundle: FluentBundle<FluentResource>,
    formats: Formats,
}

impl Locale {
    pub fn location(&self, id: &str) -> Option<Location> {
        let info = self.messages.get(id)?;
        let file = &self.files[info.file];
        Some(file.span(info.offset..info.offset + id.len()))
    }

    pub fn has(&self, id: &str, attribute: Option<&str>) -> bool {
        self.messages.get(id).is_some_and(|m| match attribute {
            None => m.has_value,
            Some(a) => m.attributes.iter().any(|x| x == a),
        })
    }

    pub fn formats(&self) -> &Formats {
        &self.formats
    }
}

/// All locales, the reference first, the others in tag order.
pub struct Locales {
    pub list: Vec<Locale>,
}

impl Locales {
    pub fn reference(&self) -> &Locale {
        &self.list[0]
    }

    pub fn get(&self, tag: &str) -> Option<&Locale> {
        self.list.iter().find(|l| l.tag == tag)
    }

    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|l| l.tag.as_str())
    }

    /// Formats message `id` (or its `attribute`) in `locale` with `args`. The result is
    /// Markdown: values from the policy are escaped so they can never become markup.
    pub fn format(
        &self,
        locale: &Locale,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg)],
    ) -> Result<String, Diagnostic> {
        let name = match attribute {
            Some(a) => format!("{id}.{a}"),
            None => id.to_owned(),
        };
        let pattern = locale.bundle.get_message(id).and_then(|m| match attribute {
            Some(a) => m.get_attribute(a).map(|a| a.value()),
            None => m.value(),
        });
        let Some(pattern) = pattern else {
            return Err(self.missing(locale, &name));
        };
        let fluent_args = self.fluent_args(locale, args)?;
        let mut errors = Vec::new();
        let text = locale
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if let Some(error) = errors.first() {
            let names: Vec<String> = args.iter().map(|(n, _)| format!("${n}")).collect();
            let help = match error {
                FluentError::ResolverError(fluent_bundle::resolver::ResolverError::Reference(
                    fluent_bundle::resolver::errors::ReferenceKind::Variable { .. },
                )) => {
                    if names.is_empty() {
                        "this message gets no variables: remove the placeable".to_owned()
                    } else {
                        format!("this message gets these variables: {}", names.join(", "))
                    }
                }
                _ => "fix the reference or expression in this message".to_owned(),
            };
            let d = Diagnostic::error(
                "PG0203",
                format!(
                    "message `{name}` in `{}` cannot be formatted: {error}",
                    locale.tag
                ),
            )
            .help(help);
            return Err(match locale.location(id) {
                Some(loc) => d.at(loc, "in this message"),
                None => d,
            });
        }
        Ok(text.into_owned())
    }

    /// Formats a message known to take no variables (page chrome).
    pub fn text(
        &self,
        locale: &Locale,
        id: &str,
        attribute: Option<&str>,
    ) -> Result<String, Diagnostic> {
        self.format(locale, id, attribute, &[])
    }

    fn missing(&self, locale: &Locale, name: &str) -> Diagnostic {
        let id = name.split('.').next().unwrap_or(name);
        let dir = format!("locales/{}/", locale.tag);
        let d = Diagnostic::error(
            "PG0202",
            format!("message `{name}` is missing in locale `{}`", locale.tag),
        );
        match self.reference().location(id).filter(|_| locale.tag != REFERENCE_LOCALE) {
            Some(loc) => d
                .at(loc, format!("defined in `{REFERENCE_LOCALE}` here"))
                .help(format!("add `{name}` to a file in {dir} (translate the `{REFERENCE_LOCALE}` text)")),
            None => d.in_path(&dir).help(format!(
                "add a message `{name}` to a file in {dir}; every fact id, page and template key needs one"
            )),
        }
    }

    fn fluent_args<'a>(
        &self,
        locale: &'a Locale,
        args: &'a [(&str, Arg)],
    ) -> Result<FluentArgs<'a>, Diagnostic> {
        let mut out = FluentArgs::new();
        for (name, arg) in args {
            let value: FluentValue = match arg {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Keyword(k) => FluentValue::from(*k),
                Arg::Date(d) => escape_markdown(&locale.formats.date(*d)).into(),
                Arg::List { names, join } => {
                    escape_markdown(&locale.formats.list(names, *join)).into()
                }
                Arg::Localized(map) => {
                    let text = map
                        .get(&locale.tag)
                        .or_else(|| map.get(REFERENCE_LOCALE))
                        .cloned()
                        .unwrap_or_default();
                    escape_markdown(&text).into()
                }
                Arg::Duration(d) => {
                    let unit = [
                        ("unit", Arg::Keyword(d.unit.as_str())),
                        ("amount", Arg::Number(f64::from(d.amount))),
                    ];
                    self.format(locale, "duration", None, &unit)?.into()
                }
            };
            out.set(*name, value);
        }
        Ok(out)
    }
}

/// Backslash-escapes Markdown punctuation so a value renders as the literal text.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Fluent source for the policy's names, as terms every message can use
/// (`{ -product-name }`, `{ -tier-pro-name }`), so translations never retype a name.
/// fluent-rs keeps messages and terms in one namespace (`-x` and `x` collide), hence
/// the `-name` suffix that keeps them apart from the fact messages.
pub fn policy_terms(policy: &Policy) -> String {
    let mut out = String::new();
    let named = [&policy.organization, &policy.product]
        .into_iter()
        .map(|n| (&n.id, &n.name))
        .chain(policy.tiers.iter().map(|t| (&t.id, &t.name)));
    for (id, name) in named {
        out.push_str(&format!(
            "-{id}-name = {{ \"{}\" }}\n",
            fluent_string_literal(&escape_markdown(name))
        ));
    }
    out
}

fn fluent_string_literal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => "\\\"".to_owned(),
            '\\' => "\\\\".to_owned(),
            c if c.is_control() => format!("\\u{:04X}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// Loads every locale folder under `dir`. The reference locale must exist.
pub fn load(dir: &Path, shown_as: &Path, policy: &Policy) -> Result<Locales, Diagnostics> {
    let mut tags: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) => {
            return Err(vec![
                Diagnostic::error("PG0200", format!("cannot read the locales folder: {e}"))
                    .in_path(shown_as)
                    .help("create locales/<tag>/ folders (e.g. locales/en/) holding .ftl files"),
            ]);
        }
    };
    tags.sort();
    let Some(position) = tags.iter().position(|t| t == REFERENCE_LOCALE) else {
        return Err(vec![
            Diagnostic::error(
                "PG0201",
                format!("the reference locale `{REFERENCE_LOCALE}` is missing"),
            )
            .in_path(shown_as)
            .help(format!(
                "create {}/{REFERENCE_LOCALE}/ with the reference messages",
                shown_as.display()
            )),
        ]);
    };
    let reference = tags.remove(position);
    tags.insert(0, reference);

    let terms = policy_terms(policy);
    let mut errors = Vec::new();
    let mut list = Vec::new();
    for tag in tags {
        match load_locale(&dir.join(&tag), &shown_as.join(&tag), &tag, &terms) {
            Ok(locale) => list.push(locale),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let locales = Locales { list };
    let parity = check_parity(&locales);
    if parity.is_empty() {
        Ok(locales)
    } else {
        Err(parity)
    }
}

fn load_locale(dir: &Path, shown_as: &Path, tag: &str, terms: &str) -> Result<Locale, Diagnostics> {
    let bad_tag =
        |message: String| {
            vec![Diagnostic::error("PG0204", message).in_path(shown_as).help(
                "name each locale folder with a BCP 47 language tag, e.g. `fr`, `de`, `pt-BR`",
            )]
        };
    let langid: LanguageIdentifier = tag
        .parse()
        .map_err(|_| bad_tag(format!("`{tag}` is not a language tag")))?;
    let formats = Formats::new(tag).map_err(bad_tag)?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) are for bidi UI strings; in HTML they only add
    // invisible characters around every value.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formats::format_number));
    let generated =
        FluentResource::try_new(terms.to_owned()).expect("generated terms are valid Fluent");
    bundle
        .add_resource(generated)
        .expect("generated terms do not collide");

    let mut paths: Vec<_> = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ftl"))
        .map(|e| e.into_path())
        .collect();
    paths.sort();

    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut messages = BTreeMap::new();
    for path in paths {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        let shown = shown_as.join(relative);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(
                    Diagnostic::error("PG0205", format!("cannot read {}: {e}", shown.display()))
                        .in_path(&shown),
                );
                continue;
            }
        };
        let file = SourceFile::new(&shown, text.clone());
        let index = files.len();
        let resource = match FluentResource::try_new(text) {
            Ok(r) => r,
            Err((r, parse_errors)) => {
                for e in parse_errors {
                    errors.push(
                        Diagnostic::error("PG0206", format!("Fluent syntax error: {}", e.kind))
                            .at(file.span(e.pos.clone()), "here")
                            .help("fix the syntax; see https://projectfluent.org/fluent/guide/ (a `{` without its `}` or a missing `=` are the usual causes)"),
                    );
                }
                r
            }
        };
        for entry in resource.entries() {
            let (id, has_value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name, m.value.is_some(), &m.attributes),
                ast::Entry::Term(t) => (t.id.name, true, &t.attributes),
                _ => continue,
            };
            let key = match entry {
                ast::Entry::Term(_) => format!("-{id}"),
                _ => id.to_owned(),
            };
            let offset = definition_offset(&file.text, &key).unwrap_or(0);
            let info = MessageInfo {
                file: index,
                offset,
                has_value,
                attributes: attributes.iter().map(|a| a.id.name.to_owned()).collect(),
            };
            let here = file.span(offset..offset + key.len());
            let term = format!("-{} =", key.trim_start_matches('-'));
            if terms.starts_with(&term) || terms.contains(&format!("\n{term}")) {
                errors.push(
                    Diagnostic::error("PG0208", format!("`{key}` clashes with the term `{}` generated from the policy", term.trim_end_matches(" =")))
                        .at(here, "defined here")
                        .help("rename this entry: terms ending in `-name` carry the names in policy/policy.yaml and cannot be redefined"),
                );
                continue;
            }
            if let Some(first) = messages.get(&key) {
                let first: &MessageInfo = first;
                let first_file = if first.file == index {
                    &file
                } else {
                    &files[first.file]
                };
                let first_line = first_file.span(first.offset..first.offset).line;
                let again = definition_offsets(&file.text, &key)
                    .last()
                    .copied()
                    .unwrap_or(offset);
                errors.push(
                    Diagnostic::error(
                        "PG0207",
                        format!("`{key}` is defined twice in locale `{tag}`"),
                    )
                    .at(file.span(again..again + key.len()), "defined again here")
                    .help(format!(
                        "remove or rename one of them; the first is at {}:{first_line}",
                        first_file.path.display()
                    )),
                );
                continue;
            }
            messages.insert(key, info);
        }
        // Clashes were reported above with their locations; fluent keeps the first definition.
        let _ = bundle.add_resource(resource);
        files.push(file);
    }
    if errors.is_empty() {
        Ok(Locale {
            tag: tag.to_owned(),
            files,
            messages,
            bundle,
            formats,
        })
    } else {
        Err(errors)
    }
}

fn definition_offsets(text: &str, key: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            out.push(offset);
        }
        offset += line.len();
    }
    out
}

fn definition_offset(text: &str, key: &str) -> Option<usize> {
    definition_offsets(text, key).first().copied()
}

/// Every locale has exactly the reference's messages and attributes; missing ones are
/// errors (extra ones are reported by `check`, not here).
fn check_parity(locales: &Locales) -> Diagnostics {
    let reference = locales.reference();
    let mut out = Vec::new();
    for locale in &locales.list[1..] {
        for (id, info) in &reference.messages {
            let mut wanted: Vec<Option<&str>> =
                info.attributes.iter().map(|a| Some(a.as_str())).collect();
            if info.has_value {
                wanted.insert(0, None);
            }
            for attribute in wanted {
                if !locale.has(id, attribute) {
                    let name = attribute.map_or(id.clone(), |a| format!("{id}.{a}"));
                    out.push(locales.missing(locale, &name));
                }
            }
        }
    }
    out
}
