//! Message Markdown to HTML: whenever `block` writes a text without the sanitizer
//! (`trusted_block`), it writes the very bytes the sanitizer would, so skipping it never
//! lets through what it would remove nor changes a page. And in every context the
//! templates use (`render::contexts`): the HTML of `t()` in text content, the plain text
//! of `t(…, plain=true)` in a double- and a single-quoted attribute and in `<title>`,
//! each through Tera as a page renders it, the parsed page holds only the elements and
//! attributes the template wrote and the message's inline markup, no event handler, no
//! script, and every link address is one the sanitizer keeps.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policyglot::render::markdown;
use scraper::{Html, Selector};

/// What a template writes around the message, as the shipped ones do.
const PAGE: &str = "<!DOCTYPE html><html><head><title>{{ plain }} · x</title></head><body>\
<nav aria-label=\"{{ plain }}\" data-x='{{ plain }}'><p id=\"m\">{{ html | safe }}</p></nav></body></html>";

/// Elements that run or load active content, or submit: none may come from a message.
const ACTIVE: [&str; 16] = [
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "base", "link", "meta", "svg", "math",
];

/// Whether an address would run script or open a document of its own.
fn scriptable(address: &str) -> bool {
    let address: String = address
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| address.starts_with(s))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(trusted) = markdown::trusted_block(text) {
        assert_eq!(trusted, markdown::sanitized_block(text), "{text:?}");
    }
    // A control character other than tab and line breaks never reaches a page: every
    // input file holding one is refused at that character (`diag::first_control`,
    // PG0101, PG0206). The HTML reader would mangle it in an attribute (NUL becomes
    // U+FFFD), so the page checks below hold for the texts that can reach them.
    if policyglot::diag::first_control(text).is_some() {
        return;
    }
    let plain = markdown::plain(text);
    let html = markdown::inline(text);
    let mut context = tera::Context::new();
    context.insert("plain", &plain);
    context.insert("html", &html);
    let page = tera::Tera::one_off(PAGE, &context, true).expect("renders");
    let parsed = Html::parse_document(&page);
    let nav = parsed
        .select(&Selector::parse("nav").unwrap())
        .next()
        .expect("the template's nav");
    // The attributes hold the whole text, decoded, and nothing was added beside them.
    let attributes: Vec<(&str, &str)> = nav.value().attrs().collect();
    assert_eq!(attributes.len(), 2, "{text:?}: {page}");
    assert!(
        attributes.iter().all(|(_, v)| *v == plain),
        "{text:?}: {page}"
    );
    let title: String = parsed
        .select(&Selector::parse("title").unwrap())
        .flat_map(|t| t.text())
        .collect();
    assert_eq!(title, format!("{plain} · x"), "{text:?}");
    for element in parsed.select(&Selector::parse("*").unwrap()) {
        let name = element.value().name();
        assert!(!ACTIVE.contains(&name), "{text:?}: <{name}> in {page}");
        for (attribute, value) in element.value().attrs() {
            assert!(
                !attribute.starts_with("on")
                    && !["style", "srcdoc", "formaction"].contains(&attribute),
                "{text:?}: {attribute} in {page}"
            );
            if ["href", "src", "cite", "action", "poster", "srcset"].contains(&attribute) {
                assert!(!scriptable(value), "{text:?}: {attribute}={value}");
            }
        }
    }
});
