//! Message text (Markdown) to HTML. Raw HTML in a message or a value is shown as text,
//! and the result is sanitized again, so nothing from a translation can run as script.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, html};

use crate::l10n::{LANG_CLOSE, LANG_OPEN, LANG_TAG_END};

fn events(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    // Raw HTML is never markup here: it becomes visible, escaped text.
    Parser::new_ext(markdown, Options::empty()).map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        e => e,
    })
}

fn sanitize(html: &str) -> String {
    // Built once: a default Builder allocates its tag and attribute sets.
    static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut builder = ammonia::Builder::default();
        builder.link_rel(Some("noopener noreferrer"));
        builder
    });
    CLEANER.clean(html).to_string()
}

/// Paragraphs, lists and emphasis as block HTML.
pub fn block(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, events(markdown));
    sanitize(&language_spans(out.trim_end()))
}

/// Whether `text` holds a mark of `l10n::in_language` (U+E000–U+E002, UTF-8 `EE 80 8x`):
/// found by byte, as every fragment is tested and few hold one.
fn has_marks(text: &str) -> bool {
    const MARKS: [char; 3] = [LANG_OPEN, LANG_TAG_END, LANG_CLOSE];
    // The two bytes the three marks' encodings start with.
    memchr::memmem::find_iter(text.as_bytes(), b"\xEE\x80").any(|at| text[at..].starts_with(MARKS))
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
    out
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
    fn inline_strips_the_paragraph() {
        assert_eq!(inline("A *b*"), "A <em>b</em>");
        assert_eq!(plain("A *b* \\<c\\>"), "A b <c>");
    }
}
