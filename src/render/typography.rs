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

    /// `html` with the language's typography applied to its text. Borrowed when no rule
    /// changed anything; otherwise the text between changed runs is copied in one piece.
    pub fn apply(self, html: &str) -> Cow<'_, str> {
        if self == Typography::Plain {
            return Cow::Borrowed(html);
        }
        let bytes = html.as_bytes();
        let mut out: Option<String> = None;
        // `html[..copied]` is in `out` (when there is one).
        let mut copied = 0;
        let mut at = 0;
        // Inside <script>, <style>, <code> or <pre>, text is not prose.
        let mut verbatim: Option<&'static str> = None;
        // Inside a `<span lang>` or `<div lang>` of another language (a name or a fact
        // shown in the reference's words), text follows that language's rules, not
        // these: the element, and how deep its own kind nests in it.
        let mut foreign: Option<(&'static str, usize)> = None;
        // Whether a German quotation is open: quotes often wrap markup (`„<span>…</span>“`).
        let mut quoting = false;
        while at < bytes.len() {
            if bytes[at] == b'<' {
                let end = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
                let tag = &html[at..end];
                // Only tags whose name starts like a verbatim element's are read (most are
                // `a`, `p`, `li`, `span`…: one byte decides).
                let first = tag.as_bytes().get(1).map(u8::to_ascii_lowercase);
                let name = match first {
                    Some(b's' | b'c' | b'p' | b'd' | b'/') => {
                        let len = tag[1..]
                            .bytes()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == b'/')
                            .count();
                        &tag[1..1 + len]
                    }
                    _ => "",
                };
                if let Some((element, depth)) = &mut foreign {
                    if name.eq_ignore_ascii_case(element) {
                        *depth += 1;
                    } else if name
                        .strip_prefix('/')
                        .is_some_and(|n| n.eq_ignore_ascii_case(element))
                    {
                        *depth -= 1;
                        if *depth == 0 {
                            foreign = None;
                        }
                    }
                } else if verbatim.is_none()
                    && let Some(element) = self.foreign_element(name, tag)
                {
                    foreign = Some((element, 1));
                }
                match verbatim {
                    Some(closing) if name.eq_ignore_ascii_case(closing) => verbatim = None,
                    None if !name.is_empty() => {
                        verbatim = VERBATIM
                            .iter()
                            .find(|(open, _)| name.eq_ignore_ascii_case(open))
                            .map(|(_, closing)| *closing)
                    }
                    _ => {}
                }
                at = end;
                continue;
            }
            let end = memchr::memchr(b'<', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            let text = &html[at..end];
            // Most runs (the spaces between tags, plain sentences) hold nothing any rule
            // changes: they stay where they are, copied later with their neighbours.
            if verbatim.is_none() && foreign.is_none() && self.may_change(text) {
                let out =
                    out.get_or_insert_with(|| String::with_capacity(html.len() + html.len() / 32));
                out.push_str(&html[copied..at]);
                self.text(text, &mut quoting, out);
                copied = end;
            }
            at = end;
        }
        match out {
            None => Cow::Borrowed(html),
            Some(mut out) => {
                out.push_str(&html[copied..]);
                Cow::Owned(out)
            }
        }
    }

    /// The element `tag` opens (`span` or `div`, named `name`) when it marks its text as
    /// written in a language other than this one (`lang="en"` on a French page).
    fn foreign_element(self, name: &str, tag: &str) -> Option<&'static str> {
        let element = ["span", "div"]
            .into_iter()
            .find(|e| name.eq_ignore_ascii_case(e))?;
        let at = tag.find(" lang=\"")? + " lang=\"".len();
        let lang = &tag[at..at + tag[at..].find('"')?];
        let own = match self {
            Typography::French => "fr",
            Typography::German => "de",
            Typography::Plain => return None,
        };
        (!crate::l10n::same_language(lang, own)).then_some(element)
    }

    /// Whether a rule could change `text`: it holds a byte some rule starts from (a
    /// digit for a date; punctuation or the lead byte of a quotation mark or no-break
    /// space). A cheap test that may say yes for nothing, never no for something.
    fn may_change(self, text: &str) -> bool {
        let found = match self {
            // `; ! ? :`, 0xC2 (the lead byte of « », U+00A0) and 0xE2 (of ›).
            Typography::French => crate::scan::first_byte(text.as_bytes(), |b| {
                crate::scan::digit(b)
                    | (b == b';')
                    | (b == b'!')
                    | (b == b'?')
                    | (b == b':')
                    | (b == 0xC2)
                    | (b == 0xE2)
            }),
            // `"`, `&` (`&quot;`), and 0xE2, the lead byte of “ ” „ ›.
            Typography::German => crate::scan::first_byte(text.as_bytes(), |b| {
                crate::scan::digit(b) | (b == b'"') | (b == b'&') | (b == 0xE2)
            }),
            Typography::Plain => None,
        };
        found.is_some()
    }

    /// One run of HTML text (entities kept as they are), typeset onto `out`.
    fn text(self, text: &str, quoting: &mut bool, out: &mut String) {
        let start = out.len();
        let months: &[&str] = match self {
            Typography::French => {
                french(text, out);
                &FRENCH_MONTHS
            }
            Typography::German => {
                german_quotes(text, quoting, out);
                &GERMAN_MONTHS
            }
            Typography::Plain => {
                out.push_str(text);
                return;
            }
        };
        if let Some(dated) = day_and_month(&out[start..], months) {
            out.truncate(start);
            out.push_str(&dated);
        }
        // A menu path ("Paramètres › Confidentialité") never breaks at its separators.
        if out[start..].contains(" › ") {
            let joined = out[start..].replace(" › ", "\u{A0}›\u{A0}");
            out.truncate(start);
            out.push_str(&joined);
        }
    }
}

/// French spacing around `; ! ? :` and « », onto `out`. A space a writer typed becomes
/// the right no-break space; a missing one is added after a word. Text between the bytes
/// a rule starts from (`&` of an entity, the marks, 0xC2 leading « and ») is copied whole.
fn french(text: &str, out: &mut String) {
    let start = out.len();
    let bytes = text.as_bytes();
    let trigger =
        |b: u8| (b == b'&') | (b == b';') | (b == b'!') | (b == b'?') | (b == b':') | (b == 0xC2);
    let mut i = 0;
    while let Some(n) = crate::scan::first_byte(&bytes[i..], trigger) {
        out.push_str(&text[i..i + n]);
        i += n;
        let c = text[i..].chars().next().expect("at a character");
        // Entities (`&amp;`, `&#39;`) are copied whole: their `;` is not punctuation.
        if c == '&'
            && let Some(len) = entity_len(&bytes[i..])
        {
            out.push_str(&text[i..i + len]);
            i += len;
            continue;
        }
        let next = text[i + c.len_utf8()..].chars().next();
        let space = match c {
            ';' | '!' | '?' => Some(NARROW),
            ':' => Some(NBSP),
            '»' => Some(NARROW),
            _ => None,
        };
        if let Some(space) = space {
            let previous = out[start..].chars().next_back();
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
        }
        out.push(c);
        i += c.len_utf8();
        if c == '«' {
            match next {
                Some(' ') | Some(NBSP) => {
                    out.push(NARROW);
                    i += next.map_or(0, char::len_utf8);
                }
                Some(NARROW) | None => {}
                Some(_) => out.push(NARROW),
            }
        }
    }
    out.push_str(&text[i..]);
}

/// The length of the entity reference starting at `bytes[0]` (`&…;`), if it is one.
fn entity_len(bytes: &[u8]) -> Option<usize> {
    let end = bytes.iter().take(12).position(|c| *c == b';')?;
    let body = &bytes[1..end];
    let valid = !body.is_empty()
        && (body.iter().all(u8::is_ascii_alphanumeric)
            || body[0] == b'#' && body[1..].iter().all(u8::is_ascii_alphanumeric));
    valid.then_some(end + 1)
}

/// German quotation marks onto `out`: “…”, "…" and &quot;…&quot; become „…“.
fn german_quotes(text: &str, open: &mut bool, out: &mut String) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // `"`, the `&` of `&quot;`, and 0xE2, the lead byte of “ ” „.
    while let Some(n) = memchr::memchr3(b'"', b'&', 0xE2, &bytes[i..]) {
        out.push_str(&text[i..i + n]);
        i += n;
        let c = if bytes[i..].starts_with(b"&quot;") {
            i += "&quot;".len();
            '"'
        } else {
            let c = text[i..].chars().next().expect("at a character");
            i += c.len_utf8();
            c
        };
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
    out.push_str(&text[i..]);
}

/// `text` with a no-break space between a day and its month ("28 septembre",
/// "1er octobre", "28. September") and between a month and its year, so a date never
/// breaks across lines; `None` when no space changes. Only a space next to a digit can:
/// the spaces up to three bytes after a digit (`28 `, `28. `, `1er `) and the one before.
fn day_and_month(text: &str, months: &[&str]) -> Option<String> {
    let bytes = text.as_bytes();
    let mut joined: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(n) = crate::scan::first_byte(&bytes[at..], crate::scan::digit) {
        let d = at + n;
        let candidates = [d.checked_sub(1), Some(d + 1), Some(d + 2), Some(d + 3)];
        for space in candidates.into_iter().flatten() {
            if bytes.get(space) == Some(&b' ')
                && joined.last() != Some(&space)
                && joins(text, space, months)
            {
                joined.push(space);
            }
        }
        at = d + 1;
    }
    if joined.is_empty() {
        return None;
    }
    joined.sort_unstable();
    joined.dedup();
    let mut out = String::with_capacity(text.len() + joined.len());
    let mut from = 0;
    for space in joined {
        out.push_str(&text[from..space]);
        out.push(NBSP);
        from = space + 1;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// Whether the space at `space` in `text` joins a day and its month, or a month and its
/// year.
fn joins(text: &str, space: usize, months: &[&str]) -> bool {
    // The word before (since the previous space) and the text after.
    let before = &text[text[..space].rfind(' ').map_or(0, |p| p + 1)..space];
    let after = &text[space + 1..];
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
    is_day && is_month || is_year
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
    fn text_in_another_language_keeps_its_own_rules() {
        let html = "<p>Note : <span lang=\"en\">Note: <span>yes!</span> ok?</span> oui !</p>\
                    <div lang=\"en\"><p>Writers: first!</p><div>x?</div></div><p>Fin ?</p>\
                    <span lang=\"fr-CA\">Là !</span>";
        let set = Typography::French.apply(html);
        assert!(
            set.contains("<span lang=\"en\">Note: <span>yes!</span> ok?</span>"),
            "{set}"
        );
        assert!(
            set.contains("<p>Writers: first!</p><div>x?</div></div>"),
            "{set}"
        );
        assert!(
            set.contains("Note\u{a0}:") && set.contains("oui\u{202f}!"),
            "{set}"
        );
        assert!(
            set.contains("Fin\u{202f}?") && set.contains("Là\u{202f}!"),
            "{set}"
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
