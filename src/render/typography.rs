//! Locale typography, applied to every rendered page so that no writer has to type it:
//! French no-break spaces (narrow before `;` `!` `?`, and inside « », a no-break space
//! before `:` and between a day and its month), German „…“ quotes and day–month
//! spaces. It works on the text of the HTML only: tags, attributes, entities, scripts
//! and code are left as they are.

use std::borrow::Cow;

/// U+202F NARROW NO-BREAK SPACE, French before `;` `!` `?` and inside « ».
const NARROW: char = '\u{202F}';
/// U+00A0 NO-BREAK SPACE, French before `:`, and inside dates.
const NBSP: char = '\u{A0}';

/// Elements whose text is not prose, with their closing tags.
const VERBATIM: [(&str, &str); 4] = [
    ("script", "/script"),
    ("style", "/style"),
    ("code", "/code"),
    ("pre", "/pre"),
];

/// The bytes a French rule starts from: digits (dates), `;` `!` `?` `:`, 0xC2 (the lead
/// byte of « », U+00A0) and 0xE2 (of ›).
const FRENCH_TRIGGERS: [bool; 256] = triggers(b";!?:\xC2\xE2");
/// The bytes a German rule starts from: digits (dates), `"`, `&` (`&quot;`), and 0xE2,
/// the lead byte of “ ” „ ›.
const GERMAN_TRIGGERS: [bool; 256] = triggers(b"\"&\xE2");

/// A byte table: the digits and `bytes` are set.
const fn triggers(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut digit = b'0';
    while digit <= b'9' {
        table[digit as usize] = true;
        digit += 1;
    }
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const GERMAN_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// The rules of a language, from its BCP 47 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typography {
    French,
    German,
    /// Nothing to do (the text is written as the language writes it).
    Plain,
}

impl Typography {
    pub fn of(tag: &str) -> Typography {
        match tag.split('-').next().unwrap_or(tag) {
            "fr" => Typography::French,
            "de" => Typography::German,
            _ => Typography::Plain,
        }
    }

    /// `apply` to UTF-8 bytes (a rendered page): validated only when a rule applies.
    pub fn apply_bytes(self, html: &[u8]) -> Cow<'_, [u8]> {
        if self == Typography::Plain {
            return Cow::Borrowed(html);
        }
        match simdutf8::basic::from_utf8(html) {
            Ok(text) => match self.apply(text) {
                Cow::Borrowed(_) => Cow::Borrowed(html),
                Cow::Owned(typeset) => Cow::Owned(typeset.into_bytes()),
            },
            // Not text: nothing to set.
            Err(_) => Cow::Borrowed(html),
        }
    }

    /// `html` with the language's typography applied to its text.
    pub fn apply(self, html: &str) -> Cow<'_, str> {
        if self == Typography::Plain {
            return Cow::Borrowed(html);
        }
        let mut out = String::with_capacity(html.len() + html.len() / 32);
        let mut rest = html;
        // Inside <script>, <style>, <code> or <pre>, text is not prose.
        let mut verbatim: Option<&'static str> = None;
        // Whether a German quotation is open: quotes often wrap markup (`„<span>…</span>“`).
        let mut quoting = false;
        while !rest.is_empty() {
            if let Some(tag_start) = rest.strip_prefix('<') {
                let end = memchr::memchr(b'>', tag_start.as_bytes()).map_or(rest.len(), |i| i + 2);
                let tag = &rest[..end];
                // Only tags whose name starts like a verbatim element's are read (most are
                // `a`, `p`, `li`, `span`…: one byte decides).
                let first = tag.as_bytes().get(1).map(u8::to_ascii_lowercase);
                let name = match first {
                    Some(b's' | b'c' | b'p' | b'/') => {
                        let len = tag[1..]
                            .bytes()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == b'/')
                            .count();
                        &tag[1..1 + len]
                    }
                    _ => "",
                };
                match verbatim {
                    Some(closing) if name.eq_ignore_ascii_case(closing) => verbatim = None,
                    None => {
                        verbatim = VERBATIM
                            .iter()
                            .find(|(open, _)| name.eq_ignore_ascii_case(open))
                            .map(|(_, closing)| *closing)
                    }
                    _ => {}
                }
                out.push_str(tag);
                rest = &rest[end..];
                continue;
            }
            let end = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
            let text = &rest[..end];
            // Most runs (the spaces between tags, plain sentences) hold nothing any rule
            // changes: they are copied without the per-character passes.
            if verbatim.is_some() || !self.may_change(text) {
                out.push_str(text);
            } else {
                out.push_str(&self.text(text, &mut quoting));
            }
            rest = &rest[end..];
        }
        Cow::Owned(out)
    }

    /// Whether a rule could change `text`: it holds a byte some rule starts from (a
    /// digit for a date; punctuation or the lead byte of a quotation mark or no-break
    /// space). A cheap test that may say yes for nothing, never no for something.
    fn may_change(self, text: &str) -> bool {
        let table = match self {
            Typography::French => &FRENCH_TRIGGERS,
            Typography::German => &GERMAN_TRIGGERS,
            Typography::Plain => return false,
        };
        text.bytes().any(|b| table[usize::from(b)])
    }

    /// One run of HTML text (entities kept as they are).
    fn text(self, text: &str, quoting: &mut bool) -> String {
        let spaced = match self {
            Typography::French => french(text),
            Typography::German => german_quotes(text, quoting),
            Typography::Plain => text.to_owned(),
        };
        let months: &[&str] = match self {
            Typography::French => &FRENCH_MONTHS,
            Typography::German => &GERMAN_MONTHS,
            Typography::Plain => &[],
        };
        let dated = day_and_month(&spaced, months);
        // A menu path ("Paramètres › Confidentialité") never breaks at its separators.
        if dated.contains(" › ") {
            dated.replace(" › ", "\u{A0}›\u{A0}")
        } else {
            dated
        }
    }
}

/// French spacing around `; ! ? :` and « ». A space a writer typed becomes the right
/// no-break space; a missing one is added after a word.
fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Entities (`&amp;`, `&#39;`) are copied whole: their `;` is not punctuation.
        if c == '&'
            && let Some(len) = entity_len(&chars[i..])
        {
            out.extend(&chars[i..i + len]);
            i += len;
            continue;
        }
        let space = match c {
            ';' | '!' | '?' => Some(NARROW),
            ':' => Some(NBSP),
            '»' => Some(NARROW),
            _ => None,
        };
        if let Some(space) = space {
            let previous = out.chars().next_back();
            let next = chars.get(i + 1).copied();
            // `10:30`, `https://`, `?!`: not prose punctuation.
            let skip = (c == ':'
                && (previous.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
                    || next == Some('/')))
                || previous.is_some_and(|p| "!?;:".contains(p) && c != '»');
            if !skip {
                match previous {
                    Some(' ') | Some(NBSP) | Some(NARROW) => {
                        out.pop();
                        out.push(space);
                    }
                    Some(p) if p.is_alphanumeric() || ")’”\"»*".contains(p) => out.push(space),
                    _ => {}
                }
            }
            out.push(c);
            i += 1;
            continue;
        }
        out.push(c);
        if c == '«' {
            match chars.get(i + 1) {
                Some(' ') | Some(&NBSP) => {
                    out.push(NARROW);
                    i += 1;
                }
                Some(&NARROW) | None => {}
                Some(_) => out.push(NARROW),
            }
        }
        i += 1;
    }
    out
}

/// The length of the entity reference starting at `chars[0]` (`&…;`), if it is one.
fn entity_len(chars: &[char]) -> Option<usize> {
    let end = chars.iter().take(12).position(|c| *c == ';')?;
    let body = &chars[1..end];
    let valid = !body.is_empty()
        && (body.iter().all(|c| c.is_ascii_alphanumeric())
            || body[0] == '#' && body[1..].iter().all(|c| c.is_ascii_alphanumeric()));
    valid.then_some(end + 1)
}

/// German quotation marks: “…” and "…" become „…“.
fn german_quotes(text: &str, open: &mut bool) -> String {
    let text = text.replace("&quot;", "\"");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '“' if !*open => {
                out.push('„');
                *open = true;
            }
            '”' | '“' => {
                out.push('“');
                *open = false;
            }
            '"' => {
                out.push(if *open { '“' } else { '„' });
                *open = !*open;
            }
            '„' => {
                out.push(c);
                *open = true;
            }
            c => out.push(c),
        }
    }
    out
}

/// A no-break space between a day and its month ("28 septembre", "1er octobre",
/// "28. September"), so a date never breaks across lines.
fn day_and_month(text: &str, months: &[&str]) -> String {
    if months.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(' ') {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let after = &after[1..];
        // Only a word ending in a digit, `.` or `er` can be a day: test that first.
        let candidate =
            before.ends_with(|c: char| c.is_ascii_digit() || c == '.') || before.ends_with("er");
        let day = before
            .rsplit(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e' || c == 'r'))
            .next()
            .unwrap_or("");
        let is_day = candidate && {
            let digits = day.trim_end_matches('.').trim_end_matches("er");
            !digits.is_empty()
                && digits.len() <= 2
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (day == digits || day == format!("{digits}.") || day == format!("{digits}er"))
        };
        let is_month = is_day
            && months.iter().any(|m| {
                after.starts_with(m)
                    && !after[m.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
            });
        // And between a month and its year ("28 août 2025"): a date is read as one unit.
        let is_year = after.len() >= 4
            && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && !after.as_bytes().get(4).is_some_and(u8::is_ascii_digit)
            && months.iter().any(|m| {
                before.ends_with(m)
                    && !before[..before.len() - m.len()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)
            });
        out.push(if is_day && is_month || is_year {
            NBSP
        } else {
            ' '
        });
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(html: &str) -> String {
        Typography::French.apply(html).into_owned()
    }

    #[test]
    fn french_punctuation_gets_its_no_break_spaces() {
        assert_eq!(fr("Vos droits ?"), "Vos droits\u{202F}?");
        assert_eq!(fr("Vos droits?"), "Vos droits\u{202F}?");
        assert_eq!(
            fr("vous pouvez : lire ; écrire !"),
            "vous pouvez\u{A0}: lire\u{202F}; écrire\u{202F}!"
        );
        assert_eq!(fr("« Aider »"), "«\u{202F}Aider\u{202F}»");
        assert_eq!(fr("«Aider»"), "«\u{202F}Aider\u{202F}»");
        // Emphasis or a link right before the mark keeps its space outside the tag.
        assert_eq!(fr("<strong>ici</strong> :"), "<strong>ici</strong>\u{A0}:");
    }

    #[test]
    fn markup_entities_and_addresses_are_left_alone() {
        let html =
            r#"<a href="https://x.fr/a?b=1;c">Trust &amp; Safety</a> à 10:30 <code>a ? b</code>"#;
        assert_eq!(fr(html), html);
        assert_eq!(
            fr("<script>if (a) { b(); }</script>"),
            "<script>if (a) { b(); }</script>"
        );
    }

    #[test]
    fn dates_never_break_inside() {
        assert_eq!(fr("le 28 septembre 2025"), "le 28\u{A0}septembre\u{A0}2025");
        assert_eq!(fr("le 1er octobre"), "le 1er\u{A0}octobre");
        assert_eq!(fr("28 sept"), "28 sept");
        // Not a day: a count of months.
        assert_eq!(fr("2025 mars"), "2025 mars");
        // The year stays with its month too; a number after a month that is no year does not.
        assert_eq!(
            fr("le 28 août 2025, puis"),
            "le 28\u{A0}août\u{A0}2025, puis"
        );
        assert_eq!(fr("en mars 2026"), "en mars\u{A0}2026");
        assert_eq!(fr("fin mai 12 jours"), "fin mai 12 jours");
        assert_eq!(fr("Remai 2025"), "Remai 2025");
        assert_eq!(
            Typography::German
                .apply("am 28. September 2025")
                .into_owned(),
            "am 28.\u{A0}September\u{A0}2025"
        );
    }

    #[test]
    fn menu_paths_never_break_at_their_separators() {
        assert_eq!(
            fr("dans le menu Paramètres › Confidentialité."),
            "dans le menu Paramètres\u{A0}›\u{A0}Confidentialité."
        );
        assert_eq!(
            Typography::German
                .apply("unter Einstellungen › Datenschutz")
                .into_owned(),
            "unter Einstellungen\u{A0}›\u{A0}Datenschutz"
        );
    }

    #[test]
    fn german_quotes_are_low_high() {
        assert_eq!(
            Typography::German.apply("die Einstellung “Help improve Claude” und &quot;x&quot;"),
            "die Einstellung „Help improve Claude“ und „x“"
        );
        assert_eq!(
            Typography::German.apply("„schon richtig“"),
            "„schon richtig“"
        );
    }

    #[test]
    fn other_languages_are_untouched() {
        assert_eq!(
            Typography::of("en").apply("Why? Because: 28 September"),
            "Why? Because: 28 September"
        );
        assert_eq!(Typography::of("fr-CA"), Typography::French);
    }
}
