//! Message text (Markdown) to HTML. Raw HTML in a message or a value is shown as text,
//! and the result is sanitized again, so nothing from a translation can run as script.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, html};

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
    sanitize(out.trim_end())
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

/// The text alone, for `<title>` and attributes.
pub fn plain(markdown: &str) -> String {
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
    fn inline_strips_the_paragraph() {
        assert_eq!(inline("A *b*"), "A <em>b</em>");
        assert_eq!(plain("A *b* \\<c\\>"), "A b <c>");
    }
}
