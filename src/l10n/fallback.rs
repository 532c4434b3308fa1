//! Facts a translation has no message for yet, shown in the reference locale's words:
//! in `serve` always (writers see their text before translators follow), in a build
//! only when the policy says `untranslated: show-reference`. Which facts is decided by
//! `check::untranslated`; pages show them here (`render::views`), marked with the
//! reference's language and under the `untranslated-notice` of the page's locale.

use std::collections::{BTreeMap, BTreeSet};

use super::{Locale, Locales};

/// The message of the notice on a block shown (wholly or partly) in the reference text.
pub const UNTRANSLATED_NOTICE: &str = "untranslated-notice";

/// Per locale, the facts whose message it lacks and the reference has, shown in the
/// reference's text. Empty when the fallback is off.
#[derive(Debug, Default, Clone, Hash, PartialEq, Eq)]
pub struct Fallback {
    pub by_locale: BTreeMap<String, BTreeSet<String>>,
}

impl Fallback {
    /// Whether `locale` shows fact `id` in the reference's text.
    pub fn get(&self, locale: &str, id: &str) -> bool {
        self.by_locale
            .get(locale)
            .is_some_and(|ids| ids.contains(id))
    }

    pub fn is_empty(&self) -> bool {
        self.by_locale.values().all(BTreeSet::is_empty)
    }

    pub fn count(&self, locale: &str) -> usize {
        self.by_locale.get(locale).map_or(0, BTreeSet::len)
    }
}

impl Locales {
    /// These locales showing the facts of `fallback` in the reference's text.
    pub fn falling_back(mut self, fallback: Fallback) -> Locales {
        self.fallback = fallback;
        self
    }

    /// The facts shown in the reference's text, per locale.
    pub fn fallback(&self) -> &Fallback {
        &self.fallback
    }

    /// The locale whose message words fact `id` on `locale`'s pages, and the language
    /// tag to mark it with when that is not `locale` (the reference, for a fact `locale`
    /// has no message for yet).
    pub fn speaker<'a>(&'a self, locale: &'a Locale, id: &str) -> (&'a Locale, Option<&'a str>) {
        if self.fallback.get(&locale.tag, id) {
            let reference = self.reference();
            (reference, Some(reference.tag.as_str()))
        } else {
            (locale, None)
        }
    }
}

/// Inline HTML marked as written in `lang` (a locale tag: letters, digits and hyphens,
/// checked when the locale was loaded; escaped all the same).
pub fn inline_in(lang: &str, html: &str) -> String {
    format!("<span lang=\"{}\">{html}</span>", attribute(lang))
}

/// Block HTML marked as written in `lang`.
pub fn block_in(lang: &str, html: &str) -> String {
    format!("<div lang=\"{}\">{html}</div>", attribute(lang))
}

fn attribute(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '"' => "&quot;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '\'' => "&#39;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_html_escapes_the_tag() {
        assert_eq!(
            inline_in("en", "<em>x</em>"),
            "<span lang=\"en\"><em>x</em></span>"
        );
        assert_eq!(
            block_in("e\"n", "<p>x</p>"),
            "<div lang=\"e&quot;n\"><p>x</p></div>"
        );
    }

    #[test]
    fn a_fallback_names_its_facts_per_locale() {
        let mut fallback = Fallback::default();
        assert!(fallback.is_empty());
        fallback
            .by_locale
            .entry("fr".to_owned())
            .or_default()
            .insert("new-fact".to_owned());
        assert!(fallback.get("fr", "new-fact"));
        assert!(!fallback.get("de", "new-fact"));
        assert!(!fallback.get("fr", "other"));
        assert_eq!(fallback.count("fr"), 1);
    }
}
