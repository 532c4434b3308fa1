//! Messages and names written to break out of an attribute: every template renders them
//! as text, or `check` refuses the template that would not.

use scraper::{Html, Selector};

use crate::support::Sandbox;

/// A French message that tries to close the attribute it is placed in (both quotes).
const BREAKOUT: &str = "Langue\" onfocus=\"alert(document.domain)\" autofocus=\"x' onmouseover='alert(document.domain)' x='";
/// An entity name that does the same from the policy (it reaches `site-title`).
const NAME: &str = "Claude\" autofocus onfocus=\"alert(document.domain)";

/// Attributes that carry an address.
const ADDRESSES: [&str; 6] = ["href", "src", "action", "formaction", "srcset", "poster"];

/// Every problem of one parsed page: an event handler or `autofocus` (none of ours has
/// one), a script or HTML document address, a script that is not one of the templates'
/// files.
fn hostile_markup(page: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for element in page.select(&Selector::parse("*").unwrap()) {
        let tag = element.value().name();
        for (name, value) in element.value().attrs() {
            if name.starts_with("on") || name == "autofocus" {
                found.push(format!("<{tag} {name}=\"{value}\">"));
            }
            let address: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if ADDRESSES.contains(&name)
                && (address.starts_with("javascript:") || address.starts_with("data:text/html"))
            {
                found.push(format!("<{tag} {name}=\"{value}\">"));
            }
        }
        if tag == "script" {
            let src = element.value().attr("src").unwrap_or_default();
            let ours = ["assets/pick-language.js", "../assets/search.js"].contains(&src);
            if !ours || !element.inner_html().is_empty() {
                found.push(format!("<script src=\"{src}\">{}", element.inner_html()));
            }
        }
    }
    found
}

/// Each message and attribute written on one line gets `payload` at its start.
fn poison(ftl: &str, payload: &str) -> String {
    ftl.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let is_entry = trimmed
                .strip_prefix('.')
                .unwrap_or(trimmed)
                .starts_with(|c: char| c.is_ascii_lowercase());
            match line.split_once(" = ") {
                Some((name, value)) if is_entry && !value.is_empty() => {
                    format!("{name} = {payload} {value}")
                }
                _ => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn hostile_messages_and_names_publish_no_event_handler_on_any_page() {
    let sandbox = Sandbox::real();
    for entry in std::fs::read_dir(sandbox.path("locales/fr")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut poisoned = poison(&text, BREAKOUT);
        // Periods are held to CLDR's units (`check::units`), so a poisoned `duration`
        // is refused before any page is built: it keeps its own text, and every fact
        // message around the periods carries the payload.
        if let Some(clean) = message(&text, "duration") {
            let dirty = message(&poisoned, "duration").unwrap();
            poisoned = poisoned.replacen(&dirty, &clean, 1);
        }
        std::fs::write(&path, poisoned).unwrap();
    }
    sandbox.edit(
        "policy/policy.yaml",
        "{ id: product, name: Claude }",
        &format!("{{ id: product, name: {:?} }}", NAME),
    );
    let site = sandbox.build_ok();
    let mut pages = 0;
    for (path, bytes) in &site.files {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let page = Html::parse_document(&String::from_utf8_lossy(bytes));
        assert_eq!(hostile_markup(&page), Vec::<String>::new(), "{path}");
    }
    assert!(pages > 20, "every page was read ({pages})");
    // The payloads did reach the attributes and titles, as text.
    let page = site.html("fr/index.html");
    let label = page.attr("nav.languages", "aria-label").unwrap();
    assert!(label.starts_with(BREAKOUT), "{label}");
    let title = page.text_of_css("title").unwrap();
    assert!(title.contains(NAME), "{title}");
    let feed_title = page
        .attr("link[type=\"application/atom+xml\"]", "title")
        .unwrap();
    assert!(feed_title.contains(NAME), "{feed_title}");
    let search = site.html("fr/search.html");
    let no_results = search.attr("#search-output", "data-no-results").unwrap();
    assert!(no_results.starts_with(BREAKOUT), "{no_results}");
}

#[test]
fn a_template_that_writes_html_into_an_attribute_is_refused_where_it_does() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "templates/base.html",
        "aria-label=\"{{ t(key=\"language-switcher\", plain=true) }}\"",
        "aria-label=\"{{ t(key=\"language-switcher\") }}\" data-x={{ lang }}",
    );
    sandbox.edit(
        "templates/page.html",
        "<h1>{{ page.title | safe }}</h1>",
        "<h1 title=\"{{ page.title | safe }}\"><script>var id = \"{{ page.id }}\";</script></h1>",
    );
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    let out = &run.stdout;
    for (message, at) in [
        (
            "error[PG0305]: `{{ t(key=\"language-switcher\") }}` writes HTML into the `aria-label` attribute: a quote in a message or value would end the attribute and add its own (an event handler)",
            "templates/base.html:22:36",
        ),
        (
            "error[PG0305]: `{{ lang }}` is the unquoted value of `data-x`: a space in it would add attributes",
            "templates/base.html:22:77",
        ),
        (
            "error[PG0305]: `{{ page.title | safe }}` writes HTML into the `title` attribute",
            "templates/page.html:7:12",
        ),
        (
            "error[PG0305]: `{{ page.id }}` is inside `<script>`, where HTML escaping does not stop script",
            "templates/page.html:7:55",
        ),
    ] {
        let found = out
            .find(message)
            .unwrap_or_else(|| panic!("{message}\n{out}"));
        assert!(
            out[found..].lines().nth(1).unwrap().ends_with(at),
            "{message} at {at}:\n{out}"
        );
    }
    assert!(
        out.contains("help: write `t(key=\"…\", plain=true)` here"),
        "{out}"
    );
    // What check refuses, build refuses, and writes nothing.
    assert!(!sandbox.build().success);
    assert!(!sandbox.path("site").exists());
}

/// The whole entry `id` of a Fluent file: its first line and the indented ones after it.
fn message(text: &str, id: &str) -> Option<String> {
    let mut lines = text
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{id} =")));
    let first = lines.next()?;
    let rest = lines.take_while(|l| l.starts_with(' '));
    Some(
        std::iter::once(first)
            .chain(rest)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Tera caps one `range()`, not a range inside a loop: two nested ranges of 100,000
/// would take 10^10 turns (found by the `templates` fuzz target's reproducer,
/// fuzz/reproducers/templates/nested-range-silent). The page's ranges share a budget.
#[test]
fn nested_ranges_in_a_template_end_in_a_located_error_not_a_hang() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "templates/root.html",
        "<main id=\"main\" class=\"wrap root\">",
        "<main id=\"main\" class=\"wrap root\">{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% endfor %}{% endfor %}",
    );
    let started = std::time::Instant::now();
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    // Not a timed test: a hang would not return at all; this bounds a slow budget.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    assert!(
        run.stdout.contains(
            "error[PG0304]: template rendering error: `range` would make 100000 numbers, and this page's ranges may make 1000000 in all"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--> templates/root.html:15:79"),
        "{}",
        run.stdout
    );
    assert!(!sandbox.build().success);
    assert!(!sandbox.path("site").exists());
    // A range within the budget still counts as Tera's does.
    sandbox.edit(
        "templates/root.html",
        "{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% endfor %}{% endfor %}",
        "<!-- {% for n in range(start=10, end=0, step_by=-3) %}{{ n }},{% endfor %}{% for n in range(end=7, step_by=2) %}{{ n }};{% endfor %} -->",
    );
    assert!(sandbox.build().success);
    let root = std::fs::read_to_string(sandbox.path("site/index.html")).unwrap();
    assert!(root.contains("<!-- 10,7,4,1,0;2;4;6; -->"), "{root}");
}
