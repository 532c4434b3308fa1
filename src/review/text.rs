//! What a reader reads on a rendered page: its title and its text as paragraphs (one per
//! heading, paragraph, list item, quotation or table cell), whitespace collapsed, the
//! way a browser lays it out.

use scraper::{ElementRef, Html, Node, Selector};

/// A page's title and paragraphs, each with the id of the innermost element around it
/// that has one (a fact block or item: the same in every locale, so a link to it works).
#[derive(Default)]
pub struct PageText {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub anchors: Vec<Option<String>>,
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
    let mut reader = Reader::default();
    reader.walk(document.root_element());
    reader.flush();
    PageText {
        title,
        paragraphs: reader.paragraphs,
        anchors: reader.anchors,
    }
}

/// The walk over a page: the text of the paragraph being read, the ids around it.
#[derive(Default)]
struct Reader {
    current: String,
    ids: Vec<String>,
    paragraphs: Vec<String>,
    anchors: Vec<Option<String>>,
}

impl Reader {
    fn walk(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.current.push_str(text),
                Node::Element(e) if HIDDEN.contains(&e.name()) => {}
                // Without scripts a reader sees what `<noscript>` holds, which the parser
                // keeps as raw text: read it as the HTML it is.
                Node::Element(e) if e.name() == "noscript" => {
                    let raw: String = child
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                        .collect();
                    self.flush();
                    self.walk(Html::parse_fragment(&raw).root_element());
                    self.flush();
                }
                Node::Element(e) => {
                    let block = BLOCKS.contains(&e.name());
                    if block {
                        self.flush();
                    }
                    let id = e.id().map(str::to_owned);
                    let has_id = id.is_some();
                    self.ids.extend(id);
                    if let Some(inner) = ElementRef::wrap(child) {
                        self.walk(inner);
                    }
                    if block {
                        self.flush();
                    }
                    if has_id {
                        self.ids.pop();
                    }
                }
                _ => {}
            }
        }
    }

    fn flush(&mut self) {
        let text = collapse(&self.current);
        if !text.is_empty() {
            self.paragraphs.push(text);
            self.anchors.push(self.ids.last().cloned());
        }
        self.current.clear();
    }
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
             <p>One <em>two</em>\n three</p><ul><li id=\"a\">a<ul><li id=\"b\">b</li></ul></li></ul>\
             <noscript><p>No <a href=\"x\">script</a>&nbsp;:</p></noscript>\
             <script>x()</script></body></html>",
        );
        assert_eq!(page.title, "Title");
        assert_eq!(page.anchors[2..4], [Some("a".into()), Some("b".into())]);
        assert_eq!(
            page.paragraphs,
            ["Title", "One two three", "a", "b", "No script :"]
        );
    }
}
