//! One reader per catalog format, each on the format's own crate (fluent-syntax,
//! serde_json, poreader, quick-xml): text in, key → `Entry` out, or where it broke.

use std::collections::BTreeMap;

use quick_xml::events::{BytesStart, Event};
use serde::Deserialize;

use super::{Entry, Format};

/// Where a file broke: a byte offset, or a 1-based line and column.
#[derive(Debug)]
pub enum At {
    Byte(usize),
    LineCol(usize, usize),
}

/// A parse failure: what is wrong, and where.
#[derive(Debug)]
pub struct Broken {
    pub message: String,
    pub at: At,
}

type Parsed = Result<BTreeMap<String, Entry>, Broken>;

/// Deepest nesting of `{` and `(` read in a Fluent catalog (the locales' own limit).
const MAX_FLUENT_NESTING: usize = 32;

/// Reads `text` in `format`; `language` picks the language of a file that holds several.
pub fn parse(format: Format, text: &str, language: &str) -> Parsed {
    match format {
        Format::Fluent => fluent(text),
        Format::Json => json(text),
        Format::Po => po(text),
        Format::Xliff => xliff(text, language),
        Format::Android => android(text),
        Format::XcStrings => xcstrings(text, language),
    }
}

/// Whether a file's language tag is `language`, or its primary language when the file
/// names one region (`fr-FR` for `fr`) or none (`fr` for `fr-CA`).
fn same_language(file: &str, language: &str) -> bool {
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    file.eq_ignore_ascii_case(language) || primary(file) == primary(language)
}

/// Fluent: each message's value by its id, each attribute as `id.attribute`. A
/// placeable (a variable, a term, a select) is marked: the text is not fixed.
fn fluent(text: &str) -> Parsed {
    use fluent_syntax::ast;
    // fluent-syntax parses nesting by recursion: a hostile file would overflow the
    // stack. A label nests nothing, so braces and calls are counted as they come (text
    // and string literals alike, which can only count more levels, never fewer).
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' | b'(' => depth += 1,
            b'}' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_FLUENT_NESTING {
            return Err(Broken {
                message: format!(
                    "placeables or calls nested more than {MAX_FLUENT_NESTING} levels deep"
                ),
                at: At::Byte(i),
            });
        }
    }
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((_, errors)) => {
            let e = &errors[0];
            return Err(Broken {
                message: e.kind.to_string(),
                at: At::Byte(e.pos.start),
            });
        }
    };
    fn pattern(p: &ast::Pattern<&str>) -> Entry {
        let mut text = String::new();
        let mut marked = None;
        for element in &p.elements {
            match element {
                ast::PatternElement::TextElement { value } => text.push_str(value),
                ast::PatternElement::Placeable { expression } => match expression {
                    ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                        text.push_str(value)
                    }
                    _ => {
                        text.push_str("{…}");
                        marked.get_or_insert_with(|| "a Fluent placeable `{ … }`".to_owned());
                    }
                },
            }
        }
        Entry { text, marked }
    }
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                out.insert(m.id.name.to_owned(), pattern(value));
            }
            for a in &m.attributes {
                out.insert(format!("{}.{}", m.id.name, a.id.name), pattern(&a.value));
            }
        }
    }
    Ok(out)
}

/// JSON as i18next and FormatJS write it: nested objects are joined with `.`
/// (`{"settings": {"title": …}}` is `settings.title`), flat keys stay as written, and
/// an object with a `defaultMessage` (FormatJS's extracted messages) or a `message`
/// (Chrome's `messages.json`) is that string.
fn json(text: &str) -> Parsed {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Broken {
        message: e.to_string(),
        at: At::LineCol(e.line(), e.column()),
    })?;
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, Entry>) {
        let key = |k: &str| {
            if prefix.is_empty() {
                k.to_owned()
            } else {
                format!("{prefix}.{k}")
            }
        };
        let serde_json::Value::Object(map) = value else {
            return;
        };
        for (k, v) in map {
            match v {
                serde_json::Value::String(s) => {
                    out.insert(key(k), Entry::text(s.as_str()));
                }
                serde_json::Value::Object(inner) => {
                    match ["defaultMessage", "message"]
                        .iter()
                        .find_map(|m| inner.get(*m))
                    {
                        Some(serde_json::Value::String(s)) => {
                            out.insert(key(k), Entry::text(s.as_str()));
                        }
                        _ => walk(&key(k), v, out),
                    }
                }
                _ => {}
            }
        }
    }
    if !value.is_object() {
        return Err(Broken {
            message: "a catalog is an object of keys to strings".to_owned(),
            at: At::LineCol(1, 1),
        });
    }
    let mut out = BTreeMap::new();
    walk("", &value, &mut out);
    Ok(out)
}

/// gettext: each translated entry's `msgstr` by its `msgid` (`<msgctxt>|<msgid>` with
/// a context). Fuzzy and untranslated entries are not the product's text yet; an entry
/// with plural forms is marked (its text depends on a number).
fn po(text: &str) -> Parsed {
    let lines: Vec<&str> = text.lines().collect();
    let located = |e: poreader::error::Error| {
        let (line, message) = match &e {
            poreader::error::Error::Parse(line, got, _) => {
                // poreader counts the line after the one it stopped on; the line that
                // holds what it got is the one to show.
                let line = [line.saturating_sub(1), *line]
                    .into_iter()
                    .find(|&l| l >= 1 && lines.get(l - 1).is_some_and(|t| t.trim() == got.trim()))
                    .unwrap_or(*line);
                (line, format!("unexpected `{got}`"))
            }
            poreader::error::Error::Unexpected(line, m) => (*line, m.clone()),
            poreader::error::Error::Io(line, err) => (*line, err.to_string()),
            poreader::error::Error::PluralForms(m) => (1, format!("bad Plural-Forms header: {m}")),
        };
        Broken {
            message,
            at: At::LineCol(line.max(1), 1),
        }
    };
    let parser = poreader::PoParser::new();
    let reader = parser.parse(text.as_bytes()).map_err(located)?;
    let mut out = BTreeMap::new();
    for unit in reader {
        let unit = unit.map_err(located)?;
        let message = unit.message();
        if unit.is_obsolete()
            || unit.state() != poreader::State::Final
            || message.get_id().is_empty()
        {
            continue;
        }
        let key = match unit.context() {
            Some(context) => format!("{context}|{}", message.get_id()),
            None => message.get_id().to_owned(),
        };
        let mut entry = Entry::text(message.get_text());
        if message.is_plural() {
            entry.marked = Some("plural forms (`msgid_plural`)".to_owned());
        }
        out.insert(key, entry);
    }
    Ok(out)
}

fn xml_error(reader: &quick_xml::Reader<&[u8]>, e: impl std::fmt::Display) -> Broken {
    Broken {
        message: e.to_string(),
        at: At::Byte(reader.error_position() as usize),
    }
}

fn attribute(
    reader: &quick_xml::Reader<&[u8]>,
    element: &BytesStart,
    name: &[u8],
) -> Result<Option<String>, Broken> {
    for a in element.attributes() {
        let a = a.map_err(|e| xml_error(reader, e))?;
        if a.key.local_name().as_ref() == name {
            let value = a.unescape_value().map_err(|e| xml_error(reader, e))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// The text inside the element just opened, up to its end: character and predefined
/// entity references resolved, CDATA kept. An element inside it that is a placeholder
/// in the format (`placeholders`, by local name) marks the entry; other inline markup
/// (`<b>`, XLIFF `<g>`) keeps its text.
fn element_text(
    reader: &mut quick_xml::Reader<&[u8]>,
    placeholders: &[&[u8]],
) -> Result<Entry, Broken> {
    let mut entry = Entry::text("");
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| xml_error(reader, e))?;
        match event {
            Event::Text(t) => entry
                .text
                .push_str(&t.decode().map_err(|e| xml_error(reader, e))?),
            Event::CData(t) => entry
                .text
                .push_str(&t.decode().map_err(|e| xml_error(reader, e))?),
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| xml_error(reader, e))? {
                    entry.text.push(c);
                } else {
                    let name = r.decode().map_err(|e| xml_error(reader, e))?;
                    match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(s) => entry.text.push_str(s),
                        None => {
                            return Err(xml_error(reader, format!("unknown entity `&{name};`")));
                        }
                    }
                }
            }
            Event::Empty(e) => mark(&mut entry, &e, placeholders),
            Event::Start(e) => {
                mark(&mut entry, &e, placeholders);
                depth += 1;
            }
            Event::End(_) if depth == 0 => return Ok(entry),
            Event::End(_) => depth -= 1,
            Event::Eof => return Err(xml_error(reader, "the file ends inside an element")),
            _ => {}
        }
    }
}

/// Marks `entry` when `element` is one of the format's inline placeholders.
fn mark(entry: &mut Entry, element: &BytesStart, placeholders: &[&[u8]]) {
    let name = element.local_name();
    if entry.marked.is_none() && placeholders.contains(&name.as_ref()) {
        let name = String::from_utf8_lossy(name.as_ref()).into_owned();
        entry.marked = Some(format!("an inline `<{name}>` placeholder"));
    }
}

fn xml_reader(text: &str) -> quick_xml::Reader<&[u8]> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    reader
}

/// XLIFF 1.2 (`<trans-unit id>`, languages on `<file>`) and 2.x (`<unit id>` with
/// `<segment>`s, languages on `<xliff>`): each unit's text in `language`, the target's
/// when `language` is the file's target language, the source's when it is the source
/// language. Inline codes (`<x/>`, `<ph/>`, `<bx/>`, `<ex/>`, `<sc/>`, `<ec/>`) mark it.
fn xliff(text: &str, language: &str) -> Parsed {
    const CODES: [&[u8]; 7] = [b"x", b"ph", b"bx", b"ex", b"sc", b"ec", b"bpt"];
    let mut reader = xml_reader(text);
    let mut out = BTreeMap::new();
    // Which side to read: decided by the languages the file (or its <file>) declares.
    let mut side: Option<&'static [u8]> = None;
    let mut unit: Option<String> = None;
    let mut languages = (String::new(), String::new());
    let mut wrong_language = None;
    loop {
        let event = reader.read_event().map_err(|e| xml_error(&reader, e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"xliff" | b"file" => {
                    let (source, target) = if e.local_name().as_ref() == b"xliff" {
                        (b"srcLang".as_slice(), b"trgLang".as_slice())
                    } else {
                        (b"source-language".as_slice(), b"target-language".as_slice())
                    };
                    let source = attribute(&reader, &e, source)?;
                    let target = attribute(&reader, &e, target)?;
                    if source.is_some() || target.is_some() {
                        languages = (source.unwrap_or_default(), target.unwrap_or_default());
                        side = if same_language(&languages.1, language) {
                            Some(b"target")
                        } else if same_language(&languages.0, language) {
                            Some(b"source")
                        } else {
                            wrong_language.get_or_insert(reader.buffer_position() as usize);
                            None
                        };
                    }
                }
                b"trans-unit" | b"unit" => {
                    unit = attribute(&reader, &e, b"id")?;
                }
                name @ (b"source" | b"target") => {
                    let entry = element_text(&mut reader, &CODES)?;
                    if let (Some(id), Some(side)) = (&unit, side)
                        && name == side
                    {
                        // 2.x units may have several segments: their texts join.
                        let slot = out.entry(id.clone()).or_insert_with(|| Entry::text(""));
                        let slot: &mut Entry = slot;
                        slot.text.push_str(&entry.text);
                        if slot.marked.is_none() {
                            slot.marked = entry.marked;
                        }
                    }
                }
                _ => {}
            },
            Event::End(e) if matches!(e.local_name().as_ref(), b"trans-unit" | b"unit") => {
                unit = None;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if out.is_empty()
        && let Some(at) = wrong_language
    {
        return Err(Broken {
            message: format!(
                "this file translates `{}` into `{}`, it has no `{language}` text",
                languages.0, languages.1
            ),
            at: At::Byte(at.saturating_sub(1)),
        });
    }
    Ok(out)
}

/// Android `res/values*/strings.xml`: each `<string name>` as Android shows it (outer
/// quotes and backslash escapes resolved). `<xliff:g>` marks a placeholder; plurals and
/// string arrays are not single labels and are left out.
fn android(text: &str) -> Parsed {
    let mut reader = xml_reader(text);
    let mut out = BTreeMap::new();
    loop {
        let event = reader.read_event().map_err(|e| xml_error(&reader, e))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"string" => {
                let name = attribute(&reader, &e, b"name")?;
                let mut entry = element_text(&mut reader, &[b"g"])?;
                entry.text = android_unescape(&entry.text);
                if let Some(name) = name {
                    out.insert(name, entry);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Android's string rules: inside double quotes text is kept as is, outside them runs
/// of white space collapse to one space; `\n`, `\t`, `\'`, `\"`, `\\`, `\@`, `\?` and
/// `\uXXXX` are escapes.
fn android_unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut quoted = false;
    let mut space = false;
    let mut chars = raw.trim().chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(c);
                    }
                }
                Some(other) => out.push(other),
                None => {}
            },
            c if c.is_whitespace() && !quoted => {
                if !space {
                    out.push(' ');
                }
                space = true;
                continue;
            }
            c => out.push(c),
        }
        space = false;
    }
    out
}

#[derive(Deserialize)]
struct XcStrings {
    #[serde(rename = "sourceLanguage")]
    source_language: String,
    #[serde(default)]
    strings: BTreeMap<String, XcString>,
}

#[derive(Deserialize)]
struct XcString {
    #[serde(default)]
    localizations: BTreeMap<String, XcLocalization>,
}

#[derive(Deserialize)]
struct XcLocalization {
    #[serde(rename = "stringUnit")]
    string_unit: Option<XcUnit>,
    variations: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct XcUnit {
    #[serde(default)]
    state: String,
    value: String,
}

/// Apple's `.xcstrings` (JSON, every language in one file): each key's `stringUnit`
/// value in `language`; in the source language a key with no localization is its own
/// text (as Xcode shows it). A string that varies (plurals, devices) is marked; one
/// whose state is `new` is not translated yet.
fn xcstrings(text: &str, language: &str) -> Parsed {
    let catalog: XcStrings = serde_json::from_str(text).map_err(|e| Broken {
        message: e.to_string(),
        at: At::LineCol(e.line(), e.column()),
    })?;
    let mut out = BTreeMap::new();
    let source = same_language(&catalog.source_language, language);
    for (key, string) in catalog.strings {
        let localization = string
            .localizations
            .iter()
            .find(|(tag, _)| tag.eq_ignore_ascii_case(language))
            .or_else(|| {
                string
                    .localizations
                    .iter()
                    .find(|(tag, _)| same_language(tag, language))
            })
            .map(|(_, l)| l);
        let entry = match localization {
            Some(XcLocalization {
                string_unit: Some(unit),
                ..
            }) if unit.state != "new" => Entry::text(unit.value.as_str()),
            Some(XcLocalization {
                variations: Some(_),
                ..
            }) => Entry {
                text: String::new(),
                marked: Some("variations (plural or device forms)".to_owned()),
            },
            Some(_) => continue,
            None if source => Entry::text(key.as_str()),
            None => continue,
        };
        out.insert(key, entry);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(parsed: &Parsed, key: &str) -> String {
        match parsed {
            Ok(map) => map
                .get(key)
                .map_or_else(|| format!("<no {key}>"), |e| e.text.clone()),
            Err(b) => format!("<broken: {}>", b.message),
        }
    }

    fn broken_at(parsed: Parsed, source: &str) -> (usize, usize) {
        let Err(b) = parsed else { panic!("parsed") };
        match b.at {
            At::LineCol(l, c) => (l, c),
            At::Byte(offset) => {
                let before = &source[..offset];
                (
                    before.matches('\n').count() + 1,
                    before.rsplit('\n').next().unwrap().chars().count() + 1,
                )
            }
        }
    }

    #[test]
    fn fluent_messages_and_attributes_with_placeables_marked() {
        let src = "settings-privacy = Confidentialité\n    .help = Aider à améliorer { -brand }\nwelcome = Bonjour { $name }\nquoted = { \"«\" }Oui{ \"»\" }\n";
        let parsed = fluent(src);
        assert_eq!(text(&parsed, "settings-privacy"), "Confidentialité");
        let map = parsed.unwrap();
        assert!(map["settings-privacy.help"].marked.is_some());
        assert!(map["welcome"].marked.is_some());
        assert_eq!(map["quoted"].text, "«Oui»");
        assert!(map["quoted"].marked.is_none());
        let broken = "ok = fine\nbad = { $\n";
        assert_eq!(broken_at(fluent(broken), broken).0, 2);
        // Nesting that would overflow the parser's stack is refused before parsing.
        let deep = format!("ok = fine\ndeep = {}", "{ ".repeat(100_000));
        let Err(b) = fluent(&deep) else {
            panic!("parsed")
        };
        assert!(
            b.message.contains("nested more than 32 levels"),
            "{}",
            b.message
        );
        assert_eq!(broken_at(fluent(&deep), &deep).0, 2);
    }

    #[test]
    fn json_flat_nested_and_formatjs_keys() {
        let src = r#"{"settings": {"privacy": {"help_improve": "Help improve Claude"}}, "menu.file": "File", "greeting": {"defaultMessage": "Hello {name}", "description": "x"}, "n": 3}"#;
        let parsed = json(src);
        assert_eq!(
            text(&parsed, "settings.privacy.help_improve"),
            "Help improve Claude"
        );
        assert_eq!(text(&parsed, "menu.file"), "File");
        assert_eq!(text(&parsed, "greeting"), "Hello {name}");
        assert_eq!(parsed.as_ref().unwrap().get("n"), None);
        assert_eq!(broken_at(json("{\"a\": }"), ""), (1, 7));
        assert!(json("[1]").is_err());
    }

    #[test]
    fn po_translated_entries_by_msgid_and_context() {
        let src = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\nmsgid \"Help improve\"\nmsgstr \"Verbessern \\\"helfen\\\"\"\n\nmsgctxt \"menu\"\nmsgid \"File\"\nmsgstr \"Datei\"\n\n#, fuzzy\nmsgid \"Draft\"\nmsgstr \"Entwurf\"\n\nmsgid \"Empty\"\nmsgstr \"\"\n\nmsgid \"One file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"Eine Datei\"\nmsgstr[1] \"%d Dateien\"\n";
        let parsed = po(src);
        assert_eq!(text(&parsed, "Help improve"), "Verbessern \"helfen\"");
        assert_eq!(text(&parsed, "menu|File"), "Datei");
        assert_eq!(text(&parsed, "Draft"), "<no Draft>");
        assert_eq!(text(&parsed, "Empty"), "<no Empty>");
        assert!(parsed.unwrap()["One file"].marked.is_some());
        let broken = "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\nmsgstr \"d\"\n";
        assert_eq!(broken_at(po(broken), broken), (4, 1));
    }

    #[test]
    fn xliff_1_2_and_2_read_the_side_in_the_language() {
        let v1 = r#"<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="app"><body>
<trans-unit id="settings.privacy"><source>Privacy</source><target>Confidentialit&#233; &amp; s&#xE9;curit&eacute;</target></trans-unit>
<trans-unit id="count"><source>Files</source><target>Fichiers <x id="1"/></target></trans-unit>
</body></file></xliff>"#;
        assert_eq!(
            text(&xliff(v1, "fr"), "settings.privacy"),
            "<broken: unknown entity `&eacute;`>"
        );
        let v1 = v1.replace("&eacute;", "é");
        assert_eq!(text(&xliff(&v1, "en"), "settings.privacy"), "Privacy");
        let fr = xliff(&v1, "fr");
        assert_eq!(text(&fr, "settings.privacy"), "Confidentialité & sécurité");
        assert!(fr.unwrap()["count"].marked.is_some());
        assert!(xliff(&v1, "de").is_err());
        let v2 = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file id="f"><group id="g"><unit id="settings.help"><segment><source>Help improve</source><target>Helfen Sie,</target></segment><segment><source> Claude</source><target> Claude zu verbessern</target></segment></unit></group><unit id="ph"><segment><source>Hi <ph id="1"/></source><target>Hallo <ph id="1"/></target></segment></unit></file></xliff>"#;
        let de = xliff(v2, "de");
        assert_eq!(
            text(&de, "settings.help"),
            "Helfen Sie, Claude zu verbessern"
        );
        assert!(de.unwrap()["ph"].marked.is_some());
        assert_eq!(
            text(&xliff(v2, "en"), "settings.help"),
            "Help improve Claude"
        );
        let broken = "<xliff version=\"2.0\" srcLang=\"en\">\n<file><unit id=\"a\"></file></xliff>";
        assert_eq!(broken_at(xliff(broken, "en"), broken).0, 2);
    }

    #[test]
    fn android_strings_with_escapes_and_placeholders() {
        let src = r#"<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="help_improve">Aider à améliorer Claude</string>
    <string name="apostrophe">L\'onglet   « Confidentialité »</string>
    <string name="quoted">"  deux  espaces "</string>
    <string name="greeting">Bonjour <xliff:g id="name">%1$s</xliff:g></string>
    <string name="bold">Les <b>paramètres</b></string>
    <plurals name="files"><item quantity="one">un fichier</item></plurals>
</resources>"#;
        let parsed = android(src);
        assert_eq!(text(&parsed, "help_improve"), "Aider à améliorer Claude");
        assert_eq!(text(&parsed, "apostrophe"), "L'onglet « Confidentialité »");
        assert_eq!(text(&parsed, "quoted"), "  deux  espaces ");
        assert_eq!(text(&parsed, "bold"), "Les paramètres");
        let map = parsed.unwrap();
        assert!(map["greeting"].marked.is_some());
        assert!(!map.contains_key("files"));
        let broken = "<resources>\n  <string name=\"a\">x</strin>\n</resources>";
        assert_eq!(broken_at(android(broken), broken).0, 2);
    }

    #[test]
    fn xcstrings_per_language_with_the_source_key_as_text() {
        let src = r#"{"sourceLanguage": "en", "version": "1.0", "strings": {
  "Help improve Claude": {"localizations": {"de": {"stringUnit": {"state": "translated", "value": "Claude verbessern"}}, "fr": {"stringUnit": {"state": "new", "value": ""}}}},
  "settings.privacy": {"localizations": {"en": {"stringUnit": {"state": "translated", "value": "Privacy"}}, "de-DE": {"stringUnit": {"state": "translated", "value": "Datenschutz"}}}},
  "files": {"localizations": {"de": {"variations": {"plural": {}}}}}
}}"#;
        assert_eq!(
            text(&xcstrings(src, "de"), "Help improve Claude"),
            "Claude verbessern"
        );
        assert_eq!(
            text(&xcstrings(src, "de"), "settings.privacy"),
            "Datenschutz"
        );
        assert_eq!(
            text(&xcstrings(src, "en"), "Help improve Claude"),
            "Help improve Claude"
        );
        assert_eq!(text(&xcstrings(src, "en"), "settings.privacy"), "Privacy");
        assert_eq!(
            text(&xcstrings(src, "fr"), "Help improve Claude"),
            "<no Help improve Claude>"
        );
        assert!(xcstrings(src, "de").unwrap()["files"].marked.is_some());
        assert_eq!(broken_at(xcstrings("{\"strings\": {}}", "en"), "").0, 1);
    }
}
