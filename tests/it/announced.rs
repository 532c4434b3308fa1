//! Every change is announced: a value of any kind that a fact shows (a table cell, a
//! note, a quotation, a link target, an entity list, an interface label) changed between
//! two versions is listed on the "what changed" page with the value before and after,
//! and the block it is in carries the upcoming-change notice, in every locale that reads
//! it differently. Each heading shows once on that page, each removed fact once.

use std::collections::BTreeSet;

use scraper::Selector;

use crate::support::{LOCALES, Page, Sandbox, Site};

const CHANGES: &str = "changes-stride-2026.html";

/// The stride fixture built as of `today`, after `check --strict` passed.
fn stride(today: &str) -> Site {
    let sandbox = Sandbox::project("stride", "en");
    let check = sandbox.run(&["check", "--strict", "--today", today]);
    assert!(check.success, "{}{}", check.stdout, check.stderr);
    let run = sandbox.run(&["build", "--no-search", "--today", today]);
    assert!(run.success, "{}", run.stderr);
    sandbox.site()
}

fn texts(page: &Page, css: &str) -> Vec<String> {
    page.0
        .select(&Selector::parse(css).unwrap())
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The page's change-group headings, each once, and every change's id once.
fn assert_each_heading_and_change_once(page: &Page, what: &str) {
    let headings = texts(page, "article h2");
    let unique: BTreeSet<&String> = headings.iter().collect();
    assert_eq!(unique.len(), headings.len(), "{what}: {headings:?}");
    let ids = page.all_attrs("article .change", "id");
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{what}: {ids:?}");
}

#[test]
fn a_changed_table_cell_is_announced_before_and_after_in_four_locales() {
    let cells = [
        ("en", "1 year", "2 years", "90 days", "Kept for"),
        ("de", "1 Jahr", "2 Jahre", "90 Tage", "Aufbewahrungsdauer"),
        ("es", "1 año", "2 años", "90 días", "Se conservan durante"),
        ("fr", "1 an", "2 ans", "90 jours", "Conservées pendant"),
    ];
    let upcoming = stride("2025-06-01");
    let past = stride("2026-06-01");
    for (locale, old, new, gone, heading) in cells {
        for (site, when) in [(&upcoming, "upcoming"), (&past, "past")] {
            let page = site.html(&format!("{locale}/{CHANGES}"));
            let what = format!("{locale} {when}");
            assert!(
                page.attr("#data-runs", "class")
                    .is_some_and(|c| c.contains("change-changed")),
                "{what}"
            );
            // The row is shown in its table, with the column headings, before and after.
            assert_eq!(
                page.text_of_css("#data-runs .before td").as_deref(),
                Some(old),
                "{what}"
            );
            assert_eq!(
                page.text_of_css("#data-runs .after td").as_deref(),
                Some(new),
                "{what}"
            );
            assert_eq!(
                texts(&page, "#data-runs .after th[scope=col]")[1],
                heading,
                "{what}"
            );
            // The unchanged row is not listed; the removed one is, once, with its value,
            // under the table's heading (the first group), not under a repeated one.
            assert!(page.text_of("data-heart-rate").is_none(), "{what}");
            assert_eq!(
                page.text_of_css("#data-locations.change-removed .before td")
                    .as_deref(),
                Some(gone),
                "{what}"
            );
            let first_group = page.all_attrs("article .change-group:first-of-type .change", "id");
            assert_eq!(
                first_group,
                ["data-runs", "data-locations", "kept-backups"],
                "{what}"
            );
            assert_each_heading_and_change_once(&page, &what);
        }
        // Before the change, the table's block announces it and links to the row.
        let article = upcoming.html(&format!("{locale}/what-we-keep.html"));
        assert_eq!(
            article
                .attr("#kept-data .upcoming-notice a", "href")
                .as_deref(),
            Some("changes-stride-2026.html#data-runs"),
            "{locale}"
        );
        assert!(
            article
                .text_of_css("#kept-data .upcoming-notice")
                .is_some_and(|t| t.contains("2026")),
            "{locale}"
        );
        // The article itself shows the version in force: the old cell.
        assert_eq!(
            article.text_of_css("#data-runs td").as_deref(),
            Some(old),
            "{locale}"
        );
    }
}

#[test]
fn notes_quotes_links_entity_lists_and_labels_are_compared_in_every_locale() {
    let site = stride("2025-06-01");
    let want = [
        (
            "en",
            ["35 days", "60 days"],
            ["30 days", "14 days"],
            ["Profile › Export", "Settings › Download my data"],
        ),
        (
            "de",
            ["35 Tage", "60 Tage"],
            ["30 Tage", "14 Tage"],
            ["", ""],
        ),
        (
            "es",
            ["35 días", "60 días"],
            ["30 días", "14 días"],
            ["Perfil › Exportar", "Ajustes › Descargar mis datos"],
        ),
        (
            "fr",
            ["35 jours", "60 jours"],
            ["30 jours", "14 jours"],
            ["Profil › Exporter", "Réglages › Télécharger mes données"],
        ),
    ];
    for (locale, note, quote, label) in want {
        let page = site.html(&format!("{locale}/{CHANGES}"));
        let side = |id: &str, side: &str| {
            page.text_of_css(&format!("#{id} .{side}"))
                .unwrap_or_else(|| panic!("{locale}: #{id} .{side}"))
        };
        for (id, [old, new]) in [("kept-backups", note), ("commitment-deletion", quote)] {
            assert!(
                side(id, "before").contains(old),
                "{locale} {id}: {}",
                side(id, "before")
            );
            assert!(
                side(id, "after").contains(new),
                "{locale} {id}: {}",
                side(id, "after")
            );
            assert!(!side(id, "after").contains(old), "{locale} {id}");
        }
        // A link target: the same words, another address.
        assert_eq!(
            page.all_attrs("#help a", "href"),
            [
                "https://fernhill.example/help",
                "https://fernhill.example/support"
            ],
            "{locale}"
        );
        // An entity list that gains a name.
        assert!(
            !side("processors", "before").contains("Atlas Maps"),
            "{locale}"
        );
        assert!(
            side("processors", "after").contains("Atlas Maps"),
            "{locale}"
        );
        // An interface label, changed in every language but German: German readers read
        // no change, so it is not announced to them.
        let who = site.html(&format!("{locale}/what-we-keep.html"));
        if locale == "de" {
            assert!(page.text_of("exports").is_none(), "{locale}");
            assert!(who.text_of_css("#exports .upcoming-notice").is_none());
        } else {
            assert!(side("exports", "before").contains(label[0]), "{locale}");
            assert!(side("exports", "after").contains(label[1]), "{locale}");
            assert_eq!(
                who.attr("#exports .upcoming-notice a", "href").as_deref(),
                Some("changes-stride-2026.html#exports"),
                "{locale}"
            );
        }
        // Each block of the other page announces its change.
        let other = site.html(&format!("{locale}/who-helps-us.html"));
        for (block, anchor) in [
            ("processors", "processors"),
            ("commitments", "commitment-deletion"),
            ("help", "help"),
        ] {
            assert_eq!(
                other
                    .attr(&format!("#{block} .upcoming-notice a"), "href")
                    .as_deref(),
                Some(format!("{CHANGES}#{anchor}").as_str()),
                "{locale} {block}"
            );
        }
        assert_each_heading_and_change_once(&page, locale);
    }
}

/// The shipped policy, its 2025 version written with another Trust Center address (a
/// link in a note) and one more covered product (an entity list): both are announced,
/// before and after, in every language, and the untouched policy lists each heading and
/// change once.
#[test]
fn a_changed_link_and_entity_list_in_the_shipped_policy_are_announced() {
    let untouched = Sandbox::real();
    let run = untouched.run(&["build", "--no-search", "--today", "2025-08-01"]);
    assert!(run.success, "{}", run.stderr);
    for locale in LOCALES {
        let page = untouched
            .site()
            .html(&format!("{locale}/changes-consumer-terms-2025.html"));
        assert_each_heading_and_change_once(&page, locale);
        assert!(page.text_of("rights-learn-more").is_none(), "{locale}");
    }

    let sandbox = Sandbox::real();
    let rights = "      - *rights\n";
    let text = sandbox.read("policy/policy.yaml");
    assert_eq!(text.matches(rights).count(), 1);
    sandbox.edit(
        "policy/policy.yaml",
        rights,
        "      - id: rights\n        values:\n          privacy-policy: *privacy-policy\n          trust-center: { link: \"https://trust.anthropic.com/privacy\" }\n        items: [right-copy, right-object, right-delete]\n        notes: [rights-limits, rights-learn-more]\n",
    );
    sandbox.edit(
        "policy/policy.yaml",
        "        values: *covered-tiers\n",
        "        values:\n          covered: { entities: [tier-free, tier-pro, tier-max, tier-claude-code, tier-work] }\n",
    );
    let run = sandbox.run(&["build", "--no-search", "--today", "2025-08-01"]);
    assert!(run.success, "{}", run.stderr);
    let site = sandbox.site();
    for locale in LOCALES {
        let page = site.html(&format!("{locale}/changes-consumer-terms-2025.html"));
        assert_eq!(
            page.all_attrs("#rights-learn-more a", "href")
                .into_iter()
                .filter(|h| h.contains("trust"))
                .collect::<Vec<_>>(),
            [
                "https://trust.anthropic.com/",
                "https://trust.anthropic.com/privacy"
            ],
            "{locale}"
        );
        let rule = page.text_of_css("#training-rule .after").unwrap();
        assert!(rule.contains("Claude for Work"), "{locale}: {rule}");
        assert!(
            !page
                .text_of_css("#training-rule .before")
                .unwrap()
                .contains("Claude for Work"),
            "{locale}"
        );
        assert_each_heading_and_change_once(&page, locale);
        let article = site.html(&format!("{locale}/personal-data-in-training.html"));
        assert_eq!(
            article
                .attr("#rights .upcoming-notice a", "href")
                .as_deref(),
            Some("changes-consumer-terms-2025.html#rights-learn-more"),
            "{locale}"
        );
    }
}
