//! The side-by-side view: every page in every locale, fact blocks lined up by id, with
//! `check` findings (missing, stale, hand-typed) on the block and locale they concern;
//! reachable from every served page, absent from the published build.

use scraper::{ElementRef, Html, Selector};

use crate::support::{LOCALES, Page, Sandbox};

use super::harness::Server;

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn cell<'a>(doc: &'a Html, row: &str, locale: &str) -> ElementRef<'a> {
    let css = format!("tr[data-row=\"{row}\"] td[data-locale=\"{locale}\"]");
    select(doc, &css)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no cell {css}"))
}

fn codes(cell: ElementRef) -> Vec<String> {
    cell.select(&Selector::parse("li[data-code]").unwrap())
        .map(|li| li.value().attr("data-code").unwrap().to_owned())
        .collect()
}

#[test]
fn blocks_line_up_by_id_in_every_locale() {
    let sandbox = Sandbox::real();
    let built = sandbox.build_ok();
    let server = Server::start(sandbox.root(), &[]);
    let response = server.get("/_preview/data-retention.html");
    assert_eq!(response.status, 200);
    let doc = Html::parse_document(&response.text());
    let headers: Vec<String> = select(&doc, "thead th").into_iter().map(text).collect();
    assert_eq!(
        headers,
        ["id", "English en", "Deutsch de", "Français fr"].map(String::from),
        "columns in the site's order (the reference, then by tag), named by each locale"
    );
    let en = built.html("en/data-retention.html");
    let sections = en.all_attrs("section[id]", "id");
    let rows: Vec<String> = select(&doc, "tr[data-row]")
        .into_iter()
        .map(|r| r.value().attr("data-row").unwrap().to_owned())
        .collect();
    let mut expected = vec!["page-data-retention".to_owned()];
    expected.extend(sections.iter().cloned());
    assert_eq!(rows, expected);
    for locale in LOCALES {
        let page = built.html(&format!("{locale}/data-retention.html"));
        for id in &sections {
            let cell = cell(&doc, id, locale);
            assert_eq!(cell.value().attr("lang"), Some(locale));
            let inner = Page(Html::parse_fragment(&cell.html()));
            // The block and each item in it, with the page's own text.
            let inside =
                Selector::parse(&format!("section[id=\"{id}\"], section[id=\"{id}\"] [id]"))
                    .unwrap();
            let ids: Vec<&str> = page
                .0
                .select(&inside)
                .filter_map(|e| e.value().id())
                .collect();
            assert!(ids.len() > 1, "{locale} {id} has items");
            for element in ids {
                assert_eq!(
                    inner.text_of(element),
                    page.text_of(element),
                    "{locale} {element}"
                );
            }
        }
        let title = cell(&doc, "page-data-retention", locale);
        let h1 = page
            .0
            .select(&Selector::parse("h1").unwrap())
            .next()
            .unwrap();
        assert!(text(title).contains(&text(h1)), "{locale} title");
    }
    assert!(
        codes(cell(&doc, "retention", "fr")).is_empty(),
        "clean project"
    );
}

#[test]
fn findings_are_shown_on_the_block_and_locale_they_concern() {
    let sandbox = Sandbox::real();
    let server = Server::start(sandbox.root(), &[]);
    let mut events = server.events();
    events.next_state();
    // Hand-typed fact in French, a message missing in German, and an English change
    // that makes the French and German translations of another message stale.
    // (In both variants of the message: a variable kept in one is not dropped.)
    sandbox.edit(
        "locales/fr/retention.ftl",
        "nous les conservons pendant { $period }.",
        "nous les conservons pendant 30 jours.",
    );
    sandbox.edit(
        "locales/fr/retention.ftl",
        "au bout de { $period }.",
        "au bout de 30 jours.",
    );
    let de = sandbox.read("locales/de/retention.ftl");
    let kept: Vec<&str> = de
        .lines()
        .filter(|l| !l.starts_with("retention-training-allowed"))
        .collect();
    sandbox.write("locales/de/retention.ftl", &(kept.join("\n") + "\n"));
    sandbox.edit(
        "locales/en/retention.ftl",
        "we keep it, with the conversation it concerns,",
        "we keep it, together with the conversation it concerns,",
    );
    events.wait_for("the three findings", |s| {
        let errors = s["errors"].as_array().unwrap();
        ["PG0501", "PG0508"]
            .iter()
            .all(|c| errors.iter().any(|e| e["code"] == *c))
            && s["warnings"].as_u64() == Some(2)
    });

    let doc = Html::parse_document(&server.get("/_preview/data-retention.html").text());
    let fr = cell(&doc, "retention", "fr");
    assert_eq!(fr.value().attr("class"), Some("pg-cell-error"));
    let fr_codes = codes(fr);
    for code in ["PG0508", "PG0507", "PG0511"] {
        assert!(
            fr_codes.contains(&code.to_owned()),
            "fr has {code}: {fr_codes:?}"
        );
    }
    assert!(
        text(fr).contains("`retention-training-declined` in `fr` types the number `30`"),
        "{}",
        text(fr)
    );
    let line = sandbox
        .read("locales/fr/retention.ftl")
        .lines()
        .position(|l| l.starts_with("retention-training-declined"))
        .unwrap()
        + 1;
    assert!(
        text(fr).contains(&format!("locales/fr/retention.ftl:{line}:")),
        "with its position"
    );
    let de = cell(&doc, "retention", "de");
    assert_eq!(de.value().attr("class"), Some("pg-cell-error"));
    let de_codes = codes(de);
    assert!(de_codes.contains(&"PG0501".to_owned()), "{de_codes:?}");
    assert!(text(de).contains("`retention-training-allowed` is missing in `de`"));
    assert!(de_codes.contains(&"PG0511".to_owned()), "{de_codes:?}");
    let en = cell(&doc, "retention", "en");
    assert_eq!(en.value().attr("class"), None, "English is fine");
    assert!(codes(en).is_empty());
    // The item each finding concerns is outlined in its own column only.
    let style = select(&doc, "style")
        .into_iter()
        .map(|s| s.inner_html())
        .collect::<String>();
    for rule in [
        "td[data-locale=\"fr\"] [id=\"retention-training-declined\"]",
        "td[data-locale=\"de\"] [id=\"retention-training-allowed\"]",
        "td[data-locale=\"fr\"] [id=\"retention-feedback\"]",
        "td[data-locale=\"de\"] [id=\"retention-feedback\"]",
    ] {
        assert!(style.contains(rule), "{rule} in {style}");
    }
    assert!(!style.contains("td[data-locale=\"en\"]"));

    // On the feedback page, the stale message is a block of its own: a warning there.
    let doc = Html::parse_document(&server.get("/_preview/feedback.html").text());
    let stale = cell(&doc, "retention-feedback", "fr");
    assert_eq!(stale.value().attr("class"), Some("pg-cell-warning"));
    assert_eq!(codes(stale), ["PG0511"]);
    assert!(codes(cell(&doc, "feedback", "fr")).is_empty());

    // The overview counts them per page and locale.
    let overview = Html::parse_document(&server.get("/_preview/index.html").text());
    let row = select(&overview, "tbody tr")
        .into_iter()
        .find(|r| r.html().contains("href=\"data-retention.html\""))
        .unwrap();
    let columns: Vec<String> = select(&overview, "thead th")
        .into_iter()
        .map(text)
        .collect();
    let cells: Vec<String> = row
        .select(&Selector::parse("td").unwrap())
        .map(text)
        .collect();
    let count = |tag: &str| &cells[columns.iter().position(|c| c == tag).unwrap() - 1];
    assert_eq!(count("en"), "✓", "{columns:?} {cells:?}");
    assert_eq!(
        // The typed "30 jours": hand-typed (PG0508), `$period` dropped (PG0507), and
        // the fact no longer showing its period (PG0512).
        count("fr"),
        "3 error(s), 1 warning(s)",
        "{columns:?} {cells:?}"
    );
    assert_eq!(
        count("de"),
        "1 error(s), 1 warning(s)",
        "{columns:?} {cells:?}"
    );
}

#[test]
fn every_served_page_links_to_its_side_by_side_view() {
    let sandbox = Sandbox::real();
    let built = sandbox.build_ok();
    let server = Server::start(sandbox.root(), &[]);
    for key in built.files.keys().filter(|k| k.ends_with(".html")) {
        let html = server.get(&format!("/{key}")).text();
        let page = Page(Html::parse_document(&html));
        let link = page
            .attr("script[data-side-by-side]", "data-side-by-side")
            .unwrap_or_else(|| panic!("/{key} has no side-by-side link"));
        let name = key.rsplit('/').next().unwrap();
        let expected = if key.contains('/') && name != "index.html" {
            format!("/_preview/{name}")
        } else {
            "/_preview/index.html".to_owned()
        };
        assert_eq!(link, expected, "{key}");
        let view = server.get(&link);
        assert_eq!(view.status, 200, "{link}");
        let doc = Html::parse_document(&view.text());
        let title = text(select(&doc, "title")[0]).to_lowercase();
        assert!(title.contains("side by side"), "{link}: {title}");
    }
    let overview = Page(Html::parse_document(
        &server.get("/_preview/index.html").text(),
    ));
    let links = overview.all_attrs("tbody a", "href");
    assert_eq!(
        links,
        [
            "personal-data-in-training.html",
            "conversations-and-training.html",
            "data-retention.html",
            "covered-products.html",
            "feedback.html",
            "changes-consumer-terms-2025.html"
        ],
        "every page with fact blocks, in the site's order"
    );
}
