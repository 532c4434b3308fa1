//! Message text (Markdown) to HTML. Raw HTML in a message or a value is shown as text,
//! and the result is sanitized again, so nothing from a translation can run as script.
//! Most texts hold nothing the sanitizer would remove: those are written directly as the
//! sanitizer would write them (see `trusted_block`), which is most of a build's work saved.

use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use crate::l10n::{LANG_CLOSE, LANG_HINT, LANG_OPEN, LANG_TAG_END};

fn events(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    // A link whose title holds a language hint (`l10n::LANG_HINT`: the linked page is
    // in another language) loses the title and is followed by the hint, " (in
    // English)"; links cannot nest, so one pending hint is enough.
    let mut hint: Option<String> = None;
    // Raw HTML is never markup here: it becomes visible, escaped text.
    Parser::new_ext(markdown, Options::empty()).flat_map(move |e| {
        let e = match e {
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if title.starts_with(LANG_HINT) => {
                hint = title
                    .split_once(LANG_TAG_END)
                    .map(|(_, text)| format!(" {text}"));
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title: CowStr::Borrowed(""),
                    id,
                })
            }
            e => e,
        };
        let after = match e {
            Event::End(TagEnd::Link) => hint.take().map(|h| Event::Text(h.into())),
            _ => None,
        };
        std::iter::once(e).chain(after)
    })
}

/// The `rel` the sanitizer gives every link.
const LINK_REL: &str = "noopener noreferrer";

/// Built once: a default Builder allocates its tag and attribute sets.
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder.link_rel(Some(LINK_REL));
    builder
});

/// The schemes the sanitizer keeps in a link.
static SCHEMES: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| CLEANER.clone_url_schemes());

fn sanitize(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// Paragraphs, lists and emphasis as block HTML.
pub fn block(markdown: &str) -> String {
    trusted_block(markdown).unwrap_or_else(|| sanitized_block(markdown))
}

/// `block` through the sanitizer, whatever the text: the reference `trusted_block` must
/// match byte for byte (tests and the `markdown` fuzz target compare them).
pub fn sanitized_block(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, events(markdown));
    sanitize(&language_spans(out.trim_end()))
}

/// `block` without the sanitizer, for a text in which it would remove nothing: none of
/// the elements Markdown makes here carries a script (raw HTML is already text), so only
/// a link's address can, and a text whose every link the sanitizer keeps (a relative
/// address, or a scheme it allows) is written as the sanitizer writes it: its escaping,
/// `<br>` and `<hr>` without a slash, no code-block class, `rel` on links. `None` for any
/// other text (an image, a link it would strip or inside another, a language mark, a
/// carriage return, NUL): the sanitizer decides those.
pub fn trusted_block(markdown: &str) -> Option<String> {
    // The HTML reader turns carriage returns into line feeds and drops NUL from text.
    if memchr::memchr2(b'\r', 0, markdown.as_bytes()).is_some() || has_marks(markdown) {
        return None;
    }
    let mut trusted = true;
    let mut rules = false;
    // An autolink inside a link's text nests one link in another, which the HTML reader
    // splits in two: such a text is the sanitizer's.
    let mut in_link = false;
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    let written = events(markdown).map(|e| match e {
        Event::Text(text) => Event::InlineHtml(escaped(&text, false).into()),
        Event::Code(code) => {
            Event::InlineHtml(format!("<code>{}</code>", escaped(&code, false)).into())
        }
        Event::HardBreak => Event::InlineHtml(CowStr::Borrowed("<br>\n")),
        // Kept as the writer's own event, which decides the newline before it.
        Event::Rule => {
            rules = true;
            Event::Rule
        }
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) => match kept_address(link_type, &dest_url).filter(|_| !in_link) {
            Some(href) => {
                in_link = true;
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!(" title=\"{}\"", escaped(&title, true))
                };
                Event::InlineHtml(
                    format!(
                        "<a href=\"{}\"{title} rel=\"{LINK_REL}\">",
                        escaped(&href, true)
                    )
                    .into(),
                )
            }
            None => {
                trusted = false;
                Event::Text(CowStr::Borrowed(""))
            }
        },
        Event::End(TagEnd::Link) => {
            in_link = false;
            Event::End(TagEnd::Link)
        }
        Event::Start(Tag::Image { .. }) => {
            trusted = false;
            Event::Text(CowStr::Borrowed(""))
        }
        e => e,
    });
    html::push_html(&mut out, written);
    if !trusted {
        return None;
    }
    if rules {
        // Text is escaped here, so only a rule writes this.
        out = out.replace("<hr />", "<hr>");
    }
    out.truncate(out.trim_end().len());
    // Fragments are kept for the whole run (each is made once per locale).
    out.shrink_to_fit();
    Some(out)
}

/// The address a link's `href` holds once the HTML is read (the Markdown writer's
/// percent-encoding, entities decoded), if the sanitizer keeps it: a relative address,
/// or an absolute one it parses with an allowed scheme.
fn kept_address(link_type: LinkType, dest_url: &str) -> Option<String> {
    let mut href = String::with_capacity(dest_url.len() + 7);
    if link_type == LinkType::Email {
        href.push_str("mailto:");
    }
    pulldown_cmark_escape::escape_href(&mut href, dest_url).ok()?;
    let href = href.replace("&amp;", "&").replace("&#x27;", "'");
    let kept = match url::Url::parse(&href) {
        Ok(url) => SCHEMES.contains(url.scheme()),
        Err(e) => e == url::ParseError::RelativeUrlWithoutBase,
    };
    kept.then_some(href)
}

/// Escapes text for HTML content and for attributes in either quote (pages outside
/// the reader site: the preview's views, the status page).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped as the sanitizer's HTML writer escapes it: `&`, `<`, `>` and U+00A0
/// (as `&nbsp;`), and `"` inside an attribute. Found by byte (SIMD), as every text of
/// every page passes here.
fn escaped(text: &str, attribute: bool) -> String {
    let bytes = text.as_bytes();
    let quote_or_lt = if attribute { b'"' } else { b'<' };
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let special = memchr::memchr3(quote_or_lt, b'<', b'>', rest).unwrap_or(rest.len());
        let next = at + memchr::memchr2(b'&', 0xC2, &rest[..special]).unwrap_or(special);
        out.push_str(&text[at..next]);
        let Some(&byte) = bytes.get(next) else { break };
        // 0xC2 leads a two-byte character: U+00A0 is escaped, the others are not.
        let (replacement, len) = match byte {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            _ if bytes.get(next + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => (&text[next..next + 2], 2),
        };
        out.push_str(replacement);
        at = next + len;
    }
    out
}

/// Whether `text` holds a mark of `l10n::in_language` (U+E000–U+E002, UTF-8 `EE 80 8x`):
/// found by byte, as every fragment is tested and few hold one.
fn has_marks(text: &str) -> bool {
    const MARKS: [char; 3] = [LANG_OPEN, LANG_TAG_END, LANG_CLOSE];
    // The byte the three marks' encodings start with.
    // (A byte search: a substring searcher costs more to set up than most texts take.)
    memchr::memchr_iter(0xEE, text.as_bytes()).any(|at| text[at..].starts_with(MARKS))
}

/// Text marked by `l10n::in_language` as `<span lang="…">`; a stray or malformed mark (a
/// translation can type the characters) is dropped.
fn language_spans(html: &str) -> String {
    if !has_marks(html) {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 32);
    let mut rest = html;
    let mut open = 0usize;
    while let Some(at) = rest.find([LANG_OPEN, LANG_CLOSE, LANG_TAG_END]) {
        out.push_str(&rest[..at]);
        let mark = rest[at..].chars().next().expect("found");
        rest = &rest[at + mark.len_utf8()..];
        match mark {
            LANG_OPEN => {
                let tag_end = rest.find(LANG_TAG_END);
                let tag = tag_end.map(|end| &rest[..end]);
                if let Some(tag) = tag.filter(|t| {
                    !t.is_empty()
                        && t.len() <= 35
                        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                }) {
                    out.push_str(&format!("<span lang=\"{tag}\">"));
                    open += 1;
                    rest = &rest[tag.len() + LANG_TAG_END.len_utf8()..];
                }
            }
            LANG_CLOSE if open > 0 => {
                out.push_str("</span>");
                open -= 1;
            }
            _ => {}
        }
    }
    out.push_str(rest);
    for _ in 0..open {
        out.push_str("</span>");
    }
    out
}

/// One paragraph's inline HTML, without the `<p>` around it (for headings and list items).
pub fn inline(markdown: &str) -> String {
    inline_of_block(block(markdown))
}

/// `inline` from the `block` HTML of the same Markdown.
pub fn inline_of_block(html: String) -> String {
    match html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html,
    }
}

/// The text alone, for `<title>` and attributes (language marks dropped).
pub fn plain(markdown: &str) -> String {
    if is_plain(markdown) {
        return markdown.replace('\n', " ");
    }
    let mut out = String::new();
    for e in events(markdown) {
        match e {
            Event::Text(t) | Event::Code(t) if !has_marks(&t) => out.push_str(&t),
            Event::Text(t) | Event::Code(t) => out.extend(
                t.split([LANG_OPEN, LANG_CLOSE])
                    .map(|part| part.rsplit(LANG_TAG_END).next().unwrap_or(part)),
            ),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    // Line endings as CommonMark reads them (a raw HTML block keeps its CRs as text,
    // which an attribute would read as line feeds) and NUL as U+FFFD, as the spec
    // replaces it: the text is what a reader of the attribute gets.
    if out.contains(['\r', '\0']) {
        out = out
            .replace("\r\n", "\n")
            .replace(['\r'], "\n")
            .replace('\0', "\u{FFFD}");
    }
    out
}

/// Whether `markdown` is one paragraph of text that CommonMark leaves as it is, its
/// line breaks read as spaces (most messages' values and titles): no byte that can start
/// inline markup, an entity or an escape (`\\ ` * _ [ ] < & !`), no control character
/// but line feeds, and on each line no leading or trailing whitespace and no block
/// marker first (`#`, `>`, `-`, `+`, `=`, `~`, `|`, a digit, which can start a list);
/// no language mark. Parsing it would give it back.
fn is_plain(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    let line_is_plain = |line: &[u8]| {
        let (Some(&first), Some(&last)) = (line.first(), line.last()) else {
            return false; // an empty line ends the paragraph
        };
        !matches!(
            first,
            b'#' | b'>' | b'-' | b'+' | b'=' | b'~' | b'|' | b' ' | b'0'..=b'9'
        ) && last != b' '
    };
    crate::scan::first_byte(bytes, |b| {
        ((b < 0x20) & (b != b'\n'))
            | (b == b'\\')
            | (b == b'`')
            | (b == b'*')
            | (b == b'_')
            | (b == b'[')
            | (b == b']')
            | (b == b'<')
            | (b == b'&')
            | (b == b'!')
            | (b == 0x7F)
    })
    .is_none()
        && bytes.split(|&b| b == b'\n').all(line_is_plain)
        && !has_marks(markdown)
}

/// The targets of the links a text makes, in order.
pub fn link_targets(markdown: &str) -> Vec<String> {
    events(markdown)
        .filter_map(|e| match e {
            Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `plain` by the parser alone, to hold the fast path to.
    fn parsed_plain(markdown: &str) -> String {
        let mut out = String::new();
        for e in events(markdown) {
            match e {
                Event::Text(t) | Event::Code(t) => out.push_str(&t),
                Event::SoftBreak | Event::HardBreak => out.push(' '),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn text_taken_as_plain_is_what_the_parser_gives() {
        // Every string of up to four characters over an alphabet of markup, spaces,
        // digits and letters: wherever the fast path takes a text, the parser agrees.
        let alphabet: Vec<char> = "a1 .#>-+=~|*_`[]()<>&!\\\n\t:'\"é\u{a0}".chars().collect();
        let mut taken = 0;
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            for text in &texts {
                if is_plain(text) {
                    taken += 1;
                    assert_eq!(plain(text), parsed_plain(text), "{text:?}");
                }
            }
        }
        assert!(taken > 10_000, "{taken}");
        for text in [
            "Kept for 30 days.",
            "Claude (Pro, Max) — 5 ans",
            "a.b: c; d?",
        ] {
            assert!(is_plain(text), "{text}");
            assert_eq!(plain(text), parsed_plain(text));
        }
        for text in [
            "1. list",
            "# title",
            "a *b*",
            "a &amp; b",
            " lead",
            "trail ",
        ] {
            assert!(!is_plain(text), "{text}");
        }
    }

    #[test]
    fn plain_text_has_the_line_endings_and_characters_an_attribute_reads() {
        // A raw HTML block keeps its carriage returns as text (the `markdown` fuzz
        // target's fuzz/reproducers/markdown/carriage-returns-in-plain-attribute).
        let text = plain("<p>p>lxlp\r\r\n\rx");
        assert!(!text.contains('\r'), "{text:?}");
        assert_eq!(plain("a\0b"), "a\u{FFFD}b");
    }

    #[test]
    fn raw_html_becomes_text() {
        let html = block("Hello <script>alert(1)</script> **you**");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>you</strong>"), "{html}");
    }

    #[test]
    fn script_links_are_removed() {
        let html = block("[click](javascript:alert(1))");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn escaped_values_make_working_links() {
        // How a link value reaches a message: Markdown-escaped, as every value.
        let target = crate::l10n::escape_markdown("https://example.com/a_b?x=(1)&y=2#top");
        let html = inline(&format!("see [our policy]({target})"));
        assert_eq!(
            html,
            "see <a href=\"https://example.com/a_b?x=(1)&amp;y=2#top\" rel=\"noopener noreferrer\">our policy</a>"
        );
        assert_eq!(
            link_targets(&format!("[a]({target})")),
            ["https://example.com/a_b?x=(1)&y=2#top"]
        );
    }

    #[test]
    fn text_in_another_language_is_marked_with_its_lang() {
        let label = crate::l10n::in_language("fr", "Aider à améliorer Claude");
        assert_eq!(
            inline(&format!("the “{label}” setting")),
            "the “<span lang=\"fr\">Aider à améliorer Claude</span>” setting"
        );
        assert_eq!(
            plain(&format!("the “{label}” setting")),
            "the “Aider à améliorer Claude” setting"
        );
        // Marks typed into a translation do not make markup.
        let forged = format!("{LANG_OPEN}x\" onclick=\"alert(1){LANG_TAG_END}y{LANG_CLOSE}");
        assert!(!inline(&forged).contains("<span"), "{}", inline(&forged));
    }

    #[test]
    fn a_link_to_a_page_in_another_language_says_so_after_it() {
        let title = format!("{LANG_HINT}en{LANG_TAG_END}\\(in English\\)");
        let markdown = format!("see our [guide](https://guide.example.com/ \"{title}\").");
        let html = inline(&markdown);
        assert_eq!(
            html,
            "see our <a href=\"https://guide.example.com/\" rel=\"noopener noreferrer\">guide</a> (in English)."
        );
        assert_eq!(sanitized_block(&markdown), format!("<p>{html}</p>"));
        assert_eq!(plain(&markdown), "see our guide (in English).");
        assert_eq!(link_targets(&markdown), ["https://guide.example.com/"]);
    }

    /// The texts `trusted_block` must write exactly as the sanitizer does, and those it
    /// must leave to it.
    const TRUSTED: &[&str] = &[
        "Plain words.",
        "A & B < C > D \"quoted\" it's\u{A0}: 10\u{A0}%",
        "*em* **strong** `code & <tag>` \\*not em\\*",
        "Line one  \nline two\\\nthree",
        "# Title\n\n## Sub *em*\n\nText\n\n---\n\n> quoted\n> more\n\n1. one\n2. two\n\n3. three\n\n7. seven\n   - nested\n\n     para",
        "- a\n- b\n\n- loose\n\n  second",
        // Found by the fuzzer: a rule inside a list item starts on its own line.
        "* + * * + ***\n* ---\n\ntext\n***",
        "```rust\nfn main() { x < y && z }\n```\n\n    indented <code>",
        "[rel](data-retention.html#kept) [root](/) [up](../fr/index.html) [frag](#top) [q](?a=1&b='2')",
        "[abs](https://example.com/a_b?x=(1)&y=2#top \"A \\\"title\\\" & <more>\") [mail](mailto:privacy@example.com) <https://example.org/x?y=1&z> <privacy@example.com>",
        "[spaces](<https://example.com/a b>) [unicode](https://exämple.com/é\u{A0}) [tel](tel:+33123)",
        "Raw <b>html</b> and <script>alert(1)</script> stay text\n\n<div>\nblock html\n</div>",
        "&copy; &amp; &#x27; &#60;b&#62; &nbsp; entities",
        "",
        "   ",
        "Trailing NBSP\u{A0}",
    ];
    const UNTRUSTED: &[&str] = &[
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](data:text/html,hi)",
        "[x](http://[::1)",
        "![alt](https://example.com/i.png)",
        "line\r\nbreak",
        // Found by the fuzzer: a link inside a link's text.
        "[a <x@example.com> b](https://example.com/)",
        // Found by the fuzzer: the reader drops NUL from text.
        "a\u{1}\u{0}\u{0}b",
    ];

    #[test]
    fn trusted_texts_are_written_as_the_sanitizer_writes_them() {
        for markdown in TRUSTED {
            assert_eq!(
                trusted_block(markdown).as_deref(),
                Some(sanitized_block(markdown).as_str()),
                "{markdown:?}"
            );
        }
        for markdown in UNTRUSTED {
            assert_eq!(trusted_block(markdown), None, "{markdown:?}");
            assert_eq!(block(markdown), sanitized_block(markdown));
        }
        let marked = crate::l10n::in_language("fr", "Paramètres");
        assert_eq!(trusted_block(&marked), None);
    }

    /// Every message of the project and of the test fixtures, as text: the same bytes
    /// either way.
    #[test]
    fn every_message_we_ship_is_written_as_the_sanitizer_writes_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut trusted = 0;
        for folder in ["locales", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root.join(folder)) {
                let entry = entry.unwrap();
                if entry.path().extension().is_none_or(|x| x != "ftl") {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap();
                // An entry starts at a line that is not indented.
                let mut entries: Vec<String> = Vec::new();
                for line in text.lines() {
                    match entries.last_mut() {
                        Some(entry) if line.starts_with(' ') || line.is_empty() => {
                            entry.push('\n');
                            entry.push_str(line.trim_start());
                        }
                        _ => {
                            entries.push(line.split_once(" = ").map_or(line, |(_, m)| m).to_owned())
                        }
                    }
                }
                for markdown in &entries {
                    if let Some(html) = trusted_block(markdown) {
                        assert_eq!(html, sanitized_block(markdown), "{markdown:?}");
                        trusted += 1;
                    }
                }
            }
        }
        assert!(trusted > 500, "only {trusted} messages were compared");
    }

    #[test]
    fn inline_strips_the_paragraph() {
        assert_eq!(inline("A *b*"), "A <em>b</em>");
        assert_eq!(plain("A *b* \\<c\\>"), "A b <c>");
    }
}
