//! The locales stage: one Fluent bundle per locale (read by `catalog`), and formatting
//! messages with the policy's values for a locale.
//!
//! There is no fallback between locales: a message missing or failing in one locale is
//! an error, never English text on a French page.

pub mod catalog;
pub mod formats;

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::policy::{Arg, Policy};
pub use catalog::{Catalog, LocaleSource, REFERENCE_LOCALE};
use formats::Formats;

/// One language ready to format: its source index, its bundle and its formatters.
pub struct Locale {
    pub tag: String,
    pub source: Arc<LocaleSource>,
    bundle: FluentBundle<Arc<FluentResource>>,
    formats: Formats,
}

impl Locale {
    pub fn location(&self, id: &str) -> Option<Location> {
        self.source.location(id)
    }

    pub fn has(&self, id: &str, attribute: Option<&str>) -> bool {
        self.source.has(id, attribute)
    }

    pub fn formats(&self) -> &Formats {
        &self.formats
    }
}

/// All locales, the reference first, the others in tag order.
pub struct Locales {
    pub list: Vec<Arc<Locale>>,
    /// The generated terms every bundle starts with (from the policy).
    terms: String,
}

impl Locales {
    pub fn reference(&self) -> &Locale {
        &self.list[0]
    }

    pub fn get(&self, tag: &str) -> Option<&Locale> {
        self.list.iter().find(|l| l.tag == tag).map(|l| &**l)
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

/// The ids of the terms generated by `policy_terms`, which files may not redefine.
pub fn reserved_terms(policy: &Policy) -> Vec<String> {
    [&policy.organization.id, &policy.product.id]
        .into_iter()
        .chain(policy.tiers.iter().map(|t| &t.id))
        .map(|id| format!("-{id}-name"))
        .collect()
}

/// Reads `locales/` and builds the bundles, failing on any problem in the files.
pub fn load(
    dir: &std::path::Path,
    shown_as: &std::path::Path,
    policy: &Policy,
) -> Result<Locales, Diagnostics> {
    let catalog = catalog::read(dir, shown_as, &reserved_terms(policy)).map_err(|d| vec![d])?;
    let problems: Diagnostics = catalog.problems().cloned().collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Locales::new(&catalog, policy)
}

impl Locales {
    /// Builds one bundle per locale of `catalog` (partial files included: problems in the
    /// files are the caller's to report).
    pub fn new(catalog: &Catalog, policy: &Policy) -> Result<Locales, Diagnostics> {
        Locales::rebuild(catalog, policy, None)
    }

    /// `new`, keeping each bundle of `previous` built from the same source (the same
    /// `Arc`, as `catalog::reread` keeps it) with the same generated terms.
    pub fn rebuild(
        catalog: &Catalog,
        policy: &Policy,
        previous: Option<&Locales>,
    ) -> Result<Locales, Diagnostics> {
        let terms = policy_terms(policy);
        let previous = previous.filter(|p| p.terms == terms);
        let mut list = Vec::new();
        let mut errors = Vec::new();
        for source in &catalog.locales {
            let known = previous.and_then(|p| {
                p.list
                    .iter()
                    .find(|l| Arc::ptr_eq(&l.source, source))
                    .cloned()
            });
            match known.map_or_else(|| bundle_for(source.clone(), &terms).map(Arc::new), Ok) {
                Ok(locale) => list.push(locale),
                Err(d) => errors.push(d),
            }
        }
        if errors.is_empty() {
            Ok(Locales { list, terms })
        } else {
            Err(errors)
        }
    }
}

fn bundle_for(source: Arc<LocaleSource>, terms: &str) -> Result<Locale, Diagnostic> {
    let bad_tag = |message: String| {
        Diagnostic::error("PG0204", message)
            .in_path(&source.dir)
            .help("name each locale folder with a BCP 47 language tag, e.g. `fr`, `de`, `pt-BR`")
    };
    let tag = source.tag.clone();
    let langid: LanguageIdentifier = tag
        .parse()
        .map_err(|_| bad_tag(format!("`{tag}` is not a language tag")))?;
    let formats = Formats::new(&tag).map_err(bad_tag)?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) are for bidi UI strings; in HTML they only add
    // invisible characters around every value.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formats::format_number));
    let generated =
        FluentResource::try_new(terms.to_owned()).expect("generated terms are valid Fluent");
    bundle
        .add_resource(Arc::new(generated))
        .expect("generated terms come first");
    for resource in &source.resources {
        // Clashes were recorded by the catalog with their locations; the first wins here too.
        let _ = bundle.add_resource(resource.clone());
    }
    Ok(Locale {
        tag,
        source,
        bundle,
        formats,
    })
}
