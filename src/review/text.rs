//! What a reader reads on a rendered page: its title and its text as paragraphs (one per
//! heading, paragraph, list item, quotation or table cell), whitespace collapsed, the
//! way a browser lays it out.

use scraper::{ElementRef, Html, Node, Selector};

/// A page's title and paragraphs.
pub struct PageText {
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// Elements a browser starts a new line for; their text is a paragraph of its own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "br",
];

/// Elements whose content no reader sees.
const HIDDEN: &[&str] = &["script", "style", "template", "head"];

pub fn read(html: &str) -> PageText {
    let document = Html::parse_document(html);
    let title = ["h1", "title"]
        .iter()
        .find_map(|css| {
            let selector = Selector::parse(css).expect("a valid selector");
            document
                .select(&selector)
                .next()
                .map(|e| collapse(&e.text().collect::<String>()))
        })
        .unwrap_or_default();
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    walk(document.root_element(), &mut current, &mut paragraphs);
    flush(&mut current, &mut paragraphs);
    PageText { title, paragraphs }
}

fn walk(element: ElementRef<'_>, current: &mut String, out: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => current.push_str(text),
            Node::Element(e) if HIDDEN.contains(&e.name()) => {}
            // Without scripts a reader sees what `<noscript>` holds, which the parser keeps
            // as raw text: read it as the HTML it is.
            Node::Element(e) if e.name() == "noscript" => {
                let raw: String = child
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                    .collect();
                flush(current, out);
                walk(Html::parse_fragment(&raw).root_element(), current, out);
                flush(current, out);
            }
            Node::Element(e) => {
                let block = BLOCKS.contains(&e.name());
                if block {
                    flush(current, out);
                }
                if let Some(inner) = ElementRef::wrap(child) {
                    walk(inner, current, out);
                }
                if block {
                    flush(current, out);
                }
            }
            _ => {}
        }
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let text = collapse(current);
    if !text.is_empty() {
        out.push(text);
    }
    current.clear();
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_follow_the_blocks_a_reader_sees() {
        let page = read(
            "<html><head><title>T</title><style>p{}</style></head><body><h1>Title</h1>\
             <p>One <em>two</em>\n three</p><ul><li>a<ul><li>b</li></ul></li></ul>\
             <noscript><p>No <a href=\"x\">script</a>&nbsp;:</p></noscript>\
             <script>x()</script></body></html>",
        );
        assert_eq!(page.title, "Title");
        assert_eq!(
            page.paragraphs,
            ["Title", "One two three", "a", "b", "No script :"]
        );
    }
}
