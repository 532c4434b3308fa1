//! The locales stage: one Fluent bundle per locale (read by `catalog`), and formatting
//! messages with the policy's values for a locale.
//!
//! There is no silent fallback between locales: a message missing or failing in one
//! locale is an error, never unmarked English text on a French page. The one fallback
//! (`fallback`) shows a fact a translation lacks in the reference's words, marked with
//! that language and under a notice: in `serve`, and where the policy opts in.

pub mod analysis;
pub mod catalog;
pub mod fallback;
pub mod formats;
pub mod layout;
pub mod stale;

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::policy::{Arg, Date, Name, Policy};
pub use catalog::{Catalog, LocaleSource};
pub use fallback::Fallback;
use formats::Formats;
pub use stale::Stale;

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
    /// The generated terms each bundle starts with (from the policy), by locale.
    terms: Vec<String>,
    /// The build day: a window's `$<name>-status` is its status on it (`on`).
    today: Date,
    /// The facts shown in the reference's text, per locale (`falling_back`).
    fallback: Fallback,
}

impl Locales {
    pub fn reference(&self) -> &Locale {
        &self.list[0]
    }

    pub fn get(&self, tag: &str) -> Option<&Locale> {
        self.list.iter().find(|l| l.tag == tag).map(|l| &**l)
    }

    /// These locales formatting for a site built on `day` (default: today, or
    /// `SOURCE_DATE_EPOCH`), which picks each window's status.
    pub fn on(mut self, day: Date) -> Locales {
        self.today = day;
        self
    }

    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|l| l.tag.as_str())
    }

    /// Formats message `id` (or its `attribute`) in `locale` with `args`. The result is
    /// Markdown: values from the policy are escaped so they can never become markup.
    pub fn format<K: AsRef<str>>(
        &self,
        locale: &Locale,
        id: &str,
        attribute: Option<&str>,
        args: &[(K, Arg)],
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
        // A fact's messages get every value in its scope (its version's, its block's…);
        // only those the message names are formatted (dates and lists cost ICU work).
        let passes = passed(locale.source.source(id).unwrap_or_default());
        let used: Vec<&(K, Arg)> = args.iter().filter(|(n, _)| passes(n.as_ref())).collect();
        let fluent_args = self.fluent_args(locale, &used)?;
        let mut errors = Vec::new();
        let text = locale
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if let Some(error) = errors.first() {
            let names: Vec<String> = args
                .iter()
                .map(|(n, _)| format!("${}", n.as_ref()))
                .collect();
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

    /// The values of `args` that message `id` can show in some locale: those its source
    /// names in any locale, or all of them where one references another message (which
    /// gets every value passed on). Two scopes that agree on these format alike.
    pub fn used_args<'a, K: AsRef<str>>(
        &self,
        id: &str,
        args: &'a [(K, Arg)],
    ) -> Vec<&'a (K, Arg)> {
        let passes: Vec<_> = self
            .list
            .iter()
            .map(|l| passed(l.source.source(id).unwrap_or_default()))
            .collect();
        args.iter()
            .filter(|(n, _)| passes.iter().any(|p| p(n.as_ref())))
            .collect()
    }

    /// Whether message `id` can show the same values given `a` as given `b` (their
    /// `used_args` are equal), its sources read once for both.
    pub fn same_used_args<K: AsRef<str> + PartialEq>(
        &self,
        id: &str,
        a: &[(K, Arg)],
        b: &[(K, Arg)],
    ) -> bool {
        let passes: Vec<_> = self
            .list
            .iter()
            .map(|l| passed(l.source.source(id).unwrap_or_default()))
            .collect();
        let shown = |(n, _): &&(K, Arg)| passes.iter().any(|p| p(n.as_ref()));
        a.iter().filter(shown).eq(b.iter().filter(shown))
    }

    /// Formats a message known to take no variables (page chrome).
    pub fn text(
        &self,
        locale: &Locale,
        id: &str,
        attribute: Option<&str>,
    ) -> Result<String, Diagnostic> {
        self.format::<&str>(locale, id, attribute, &[])
    }

    fn missing(&self, locale: &Locale, name: &str) -> Diagnostic {
        let id = name.split('.').next().unwrap_or(name);
        let dir = format!("locales/{}/", locale.tag);
        let d = Diagnostic::error(
            "PG0202",
            format!("message `{name}` is missing in locale `{}`", locale.tag),
        );
        let reference = &self.reference().tag;
        match self.reference().location(id).filter(|_| &locale.tag != reference) {
            Some(loc) => d
                .at(loc, format!("defined in `{reference}` here"))
                .help(format!("add `{name}` to a file in {dir} (translate the `{reference}` text)")),
            None => d.in_path(&dir).help(format!(
                "add a message `{name}` to a file in {dir}; every fact id, page and template key needs one"
            )),
        }
    }

    fn fluent_args<'a, K: AsRef<str>>(
        &self,
        locale: &'a Locale,
        args: &[&'a (K, Arg)],
    ) -> Result<FluentArgs<'a>, Diagnostic> {
        let mut out = FluentArgs::new();
        for (name, arg) in args.iter().copied() {
            let value: FluentValue = match arg {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Keyword(k) => FluentValue::from(k.as_str()),
                Arg::Status(bound) => FluentValue::from(bound.status_on(self.today).as_str()),
                Arg::Link {
                    target,
                    lang: Some(lang),
                } if !same_language(lang, &locale.tag) => {
                    self.link_in_language(locale, target, lang)?.into()
                }
                other => self.format_value(locale, other)?.into(),
            };
            out.set(name.as_ref(), value);
        }
        Ok(out)
    }

    /// A link destination (`[text]({ $link })`) to a page published in `lang` only, on
    /// a page of another language: the destination and, as the link's title, the
    /// locale's `link-language` hint ("(in English)") behind a mark, which
    /// `render::markdown` writes after the link.
    fn link_in_language(
        &self,
        locale: &Locale,
        target: &str,
        lang: &str,
    ) -> Result<String, Diagnostic> {
        let hint = self.format(
            locale,
            LINK_LANGUAGE,
            None,
            &[("language", Arg::Keyword(lang.to_owned()))],
        )?;
        Ok(format!(
            "{} \"{LANG_HINT}{lang}{LANG_TAG_END}{}\"",
            escape_markdown(target),
            escape_markdown(&hint)
        ))
    }

    /// One value alone as Markdown text in `locale` (a table cell).
    pub fn format_value(&self, locale: &Locale, arg: &Arg) -> Result<String, Diagnostic> {
        match arg {
            Arg::Duration(d) => {
                let unit = [
                    ("unit", Arg::Keyword(d.unit.as_str().to_owned())),
                    ("amount", Arg::Number(f64::from(d.amount))),
                ];
                self.format(locale, "duration", None, &unit)
            }
            other => Ok(self.text_of(locale, other)),
        }
    }

    /// A value other than a number, keyword or duration as Markdown text in `locale`
    /// (dates, names, labels, links), escaped so it can never become markup.
    pub fn text_of(&self, locale: &Locale, arg: &Arg) -> String {
        let reference = self.reference().tag.as_str();
        match arg {
            Arg::Date(d) => escape_markdown(&locale.formats.date(*d)),
            Arg::Month(m) => escape_markdown(&locale.formats.month(*m)),
            Arg::List { names, join } => {
                let names: Vec<String> = names
                    .iter()
                    .map(|n| name_in(n, &locale.tag, reference))
                    .collect();
                escape_markdown(&locale.formats.list(&names, *join))
            }
            Arg::Name(name) => escape_markdown(&name_in(name, &locale.tag, reference)),
            // A locale without its own text shows another's (the reference's first), in
            // that language: `markdown` turns the marks into `<span lang>`.
            Arg::Localized(map) => match map.get(&locale.tag) {
                Some(text) => escape_markdown(text),
                None => map
                    .get_key_value(reference)
                    .or_else(|| map.iter().next())
                    .map_or_else(String::new, |(tag, text)| {
                        in_language(tag, &escape_markdown(text))
                    }),
            },
            // A link destination (`[text]({ $link })`): escapes work inside it.
            Arg::Link { target, .. } => escape_markdown(target),
            Arg::Email(address) => {
                let address = escape_markdown(address);
                format!("[{address}](mailto:{address})")
            }
            Arg::Number(n) => locale.formats.number(*n),
            Arg::Keyword(k) => escape_markdown(k),
            Arg::Status(bound) => bound.status_on(self.today).as_str().to_owned(),
            Arg::Duration(d) => escape_markdown(&d.to_string()),
        }
    }
}

/// Whether a value named so reaches the message whose source is `source`: it names the
/// variable, or references another message (which gets every value passed on).
fn passed(source: &str) -> impl Fn(&str) -> bool + '_ {
    let (variables, references) = placeables(source);
    move |name| references || variables.contains(&name)
}

/// The variables a message's source names (`$name`), and whether it references another
/// message (`{ other }`, which gets every value passed on). One pass over the few
/// `{` and `$` of the text.
fn placeables(source: &str) -> (Vec<&str>, bool) {
    let bytes = source.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    let mut variables = Vec::new();
    let mut references = false;
    for at in memchr::memchr2_iter(b'$', b'{', bytes) {
        if bytes[at] == b'$' {
            let end = bytes[at + 1..]
                .iter()
                .position(|&c| !ident(c))
                .map_or(bytes.len(), |n| at + 1 + n);
            variables.push(&source[at + 1..end]);
        } else {
            let next = bytes[at + 1..].iter().find(|c| !c.is_ascii_whitespace());
            references |= next.is_some_and(|c| c.is_ascii_lowercase());
        }
    }
    (variables, references)
}

/// The message after a link to a page in another language ("(in English)"); it gets
/// `$language`, the tag of the linked page's language.
pub const LINK_LANGUAGE: &str = "link-language";

/// Whether two language tags name the same language (`en` and `en-GB` do): their
/// primary subtags are equal, ignoring case.
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or(t).to_ascii_lowercase();
    primary(a) == primary(b)
}

/// `name` as `locale` shows it (not escaped): its own form, else the reference
/// locale's, marked as written in that language (`in_language`).
pub fn name_in(name: &Name, locale: &str, reference: &str) -> String {
    match name.in_locale(locale, reference) {
        (text, None) => text.to_owned(),
        (text, Some(lang)) => in_language(lang, text),
    }
}

/// Marks Markdown `text` as written in `tag` (a fallback label on another language's
/// page). Private-use characters carry the mark through Fluent and Markdown;
/// `render::markdown` turns them into `<span lang="…">`, and drops them from plain text.
pub fn in_language(tag: &str, text: &str) -> String {
    format!("{LANG_OPEN}{tag}{LANG_TAG_END}{text}{LANG_CLOSE}")
}

/// The marks of `in_language`.
pub const LANG_OPEN: char = '\u{E000}';
pub const LANG_TAG_END: char = '\u{E001}';
pub const LANG_CLOSE: char = '\u{E002}';
/// Opens a link title that holds `LINK_LANGUAGE`'s hint: `LANG_HINT`, the tag,
/// `LANG_TAG_END`, the hint.
pub const LANG_HINT: char = '\u{E003}';

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

/// Fluent source for the policy's names in `locale`, as terms every message can use
/// (`{ -product-name }`, with the entity's grammar attributes for that locale), so
/// translations never retype a name. fluent-rs keeps messages and terms in one
/// namespace (`-x` and `x` collide), hence the `-name` suffix that keeps them apart
/// from the fact messages.
pub fn policy_terms(policy: &Policy, locale: &str) -> String {
    let mut out = String::new();
    for entity in &policy.entities {
        // A name with no form for this locale is the reference's, marked as such.
        let name = name_in(&entity.name, locale, &policy.reference_locale);
        out.push_str(&format!(
            "-{}-name = {{ \"{}\" }}\n",
            entity.id,
            fluent_string_literal(&escape_markdown(&name))
        ));
        for (attribute, value) in entity.grammar.get(locale).into_iter().flatten() {
            out.push_str(&format!("    .{attribute} = {value}\n"));
        }
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
    policy
        .entities
        .iter()
        .map(|e| format!("-{}-name", e.id))
        .collect()
}

/// Reads `locales/` and builds the bundles, failing on any problem in the files.
pub fn load(
    dir: &std::path::Path,
    shown_as: &std::path::Path,
    policy: &Policy,
) -> Result<Locales, Diagnostics> {
    let catalog = catalog::read(
        dir,
        shown_as,
        &reserved_terms(policy),
        &policy.reference_locale,
    )
    .map_err(|d| vec![d])?;
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
        let mut list = Vec::new();
        let mut errors = Vec::new();
        let mut all_terms = Vec::new();
        for source in &catalog.locales {
            let terms = policy_terms(policy, &source.tag);
            let known = previous.and_then(|p| {
                p.list
                    .iter()
                    .zip(&p.terms)
                    .find(|(l, t)| Arc::ptr_eq(&l.source, source) && **t == terms)
                    .map(|(l, _)| l.clone())
            });
            let built = known.map_or_else(|| bundle_for(source.clone(), &terms).map(Arc::new), Ok);
            all_terms.push(terms);
            match built {
                Ok(locale) => list.push(locale),
                Err(d) => errors.push(d),
            }
        }
        if errors.is_empty() {
            Ok(Locales {
                list,
                terms: all_terms,
                today: previous.map_or_else(Date::today, |p| p.today),
                fallback: Fallback::default(),
            })
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
    let langid: LanguageIdentifier = formats::language_id(&tag).map_err(bad_tag)?;
    let formats = Formats::new(&tag).map_err(bad_tag)?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) are for bidi UI strings; in HTML they only add
    // invisible characters around every value.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formats::number_formatter(&tag).map_err(bad_tag)?));
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
