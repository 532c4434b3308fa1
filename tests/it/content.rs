//! The shipped help center says what its sources say: every fact a page shows is
//! sourced, statements the sources do not support are gone, the facts they give are
//! there with working links, and French and German typography is the tool's.

use crate::support::{LOCALES, Sandbox, Site};

fn published(today: &str) -> Site {
    let sandbox = Sandbox::real();
    let run = sandbox.run(&["--today", today, "build", "--no-search"]);
    assert!(run.success, "{}", run.stderr);
    sandbox.site()
}

/// Every page of `locale`, as text (whitespace collapsed).
fn texts(site: &Site, locale: &str) -> Vec<(String, String)> {
    site.pages_of(locale)
        .into_iter()
        .map(|page| {
            let path = format!("{locale}/{page}");
            let text = site.html(&path).text_of_css("body").unwrap();
            (path, text)
        })
        .collect()
}

#[test]
fn a_fact_no_source_supports_fails_the_check() {
    let sandbox = Sandbox::real();
    // A new block on a page, in the newest version, that no source lists.
    sandbox.edit(
        "policy/policy.yaml",
        "      - *controller-rule\n",
        "      - *controller-rule\n      - id: encryption\n        items: [encryption-at-rest]\n",
    );
    sandbox.edit(
        "policy/policy.yaml",
        "blocks: [feedback, retention-feedback]",
        "blocks: [feedback, retention-feedback, encryption]",
    );
    for tag in ["en", "fr", "de"] {
        let file = format!("locales/{tag}/feedback.ftl");
        let text = sandbox.read(&file);
        sandbox.write(
            &file,
            &format!("{text}encryption = We encrypt it:\nencryption-at-rest = at rest\n"),
        );
    }
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    let line = sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l.contains("id: encryption"))
        .unwrap()
        + 1;
    for id in ["encryption", "encryption-at-rest"] {
        assert!(
            run.stdout.contains(&format!(
                "error[PG0128]: fact `{id}` of version `consumer-terms-2025` is supported by no source"
            )),
            "{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains(&format!("policy/policy.yaml:{line}:")),
        "{}",
        run.stdout
    );
    // Listing the block in a source supports it and everything under it.
    sandbox.edit(
        "policy/policy.yaml",
        "facts: [training-rule, exception-your-choice, training-choice, retention, coverage, safeguard-sensitive-data-filtering]",
        "facts: [training-rule, exception-your-choice, training-choice, retention, coverage, safeguard-sensitive-data-filtering, encryption]",
    );
    let run = sandbox.run(&["check"]);
    assert!(!run.stdout.contains("PG0128"), "{}", run.stdout);
}

#[test]
fn statements_the_sources_do_not_support_are_gone() {
    let site = published("2026-01-01");
    let unsupported = [
        "both your new conversations and your existing ones",
        "both new and existing",
        "Team and Enterprise",
        "when used with a",
        "what allows a model",
        "took effect on September 28",
        "New since September 28",
        "only in the cases below",
        "Before September 28, 2025",
    ];
    for (path, text) in texts(&site, "en") {
        for phrase in unsupported {
            assert!(!text.contains(phrase), "{path} still says {phrase:?}");
        }
    }
    // New *or* existing conversations (the source), never the whole history, in every
    // language.
    for (locale, phrase) in [("fr", "aussi bien"), ("de", "sowohl")] {
        for (path, text) in texts(&site, locale) {
            assert!(!text.contains(phrase), "{path} says {phrase:?}");
        }
    }
    let changes = site.html("en/changes-consumer-terms-2025.html");
    // The old rule reads alone: it names its cases instead of pointing "below".
    let old_rule = changes.text_of_css("#training-rule .before").unwrap();
    assert!(
        old_rule.contains("flagged for a Trust & Safety review"),
        "{old_rule}"
    );
    // A sentence that introduces a list is shown with its list, before and after.
    let block = changes.text_of_css("#retention .before").unwrap();
    assert!(
        block.contains("How long we keep your data")
            && block.contains("We delete your conversations after 30 days"),
        "{block}"
    );
    let block = changes.text_of_css("#retention .after").unwrap();
    assert!(block.contains("for up to 5 years"), "{block}");
    // What the sources say of the old retention: deleted after 30 days.
    let old_retention = changes
        .text_of_css("#retention-conversations .before")
        .unwrap();
    assert!(
        old_retention.contains("We delete your conversations after 30 days"),
        "{old_retention}"
    );
    // The choice and the deadline came with the announcement of August 28, 2025.
    let choice = changes.text_of("training-choice").unwrap();
    assert!(choice.contains("New since August 28, 2025"), "{choice}");
    // Its items are shown inside it, not listed again on their own.
    assert!(choice.contains("by September 28, 2025"), "{choice}");
    assert!(changes.text_of("choice-deadline").is_none());
}

#[test]
fn the_facts_the_sources_give_are_there_with_their_links_in_every_language() {
    let site = published("2026-01-01");
    for locale in LOCALES {
        let page = site.html(&format!("{locale}/personal-data-in-training.html"));
        let links = page.all_attrs("article a", "href");
        for address in [
            "https://www.anthropic.com/legal/privacy",
            "https://trust.anthropic.com/",
            "https://www.anthropic.com/news/claudes-constitution",
            "https://privacy.anthropic.com/",
        ] {
            assert!(
                links.iter().any(|l| l == address),
                "{locale}: no link to {address}: {links:?}"
            );
        }
        assert!(page.text_of("article-scope").is_some(), "{locale}");
        // The trusted-tester program, the example of opting in, is the old rule's.
        let changes = site.html(&format!("{locale}/changes-consumer-terms-2025.html"));
        let opt_in = changes
            .text_of_css("#exception-your-choice .before")
            .unwrap();
        let tester = match locale {
            "en" => "trusted tester program",
            "fr" => "testeurs de confiance",
            _ => "vertrauenswürdige Tester",
        };
        assert!(opt_in.contains(tester), "{locale}: {opt_in}");
    }
    let fr = site
        .html("fr/personal-data-in-training.html")
        .text_of("rights-learn-more")
        .unwrap();
    assert!(fr.contains("Centre de confiance"), "{fr}");
}

#[test]
fn french_pages_never_break_a_date_or_before_a_punctuation_mark() {
    let site = published("2026-01-01");
    let months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let mut checked = 0;
    for page in site.pages_of("fr") {
        let html = String::from_utf8(site.files[&format!("fr/{page}")].clone()).unwrap();
        // The text between tags, outside scripts and styles.
        let mut text = String::new();
        let mut rest = html.as_str();
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            text.push('\n');
            let tag = &rest[open..];
            let skip_to = ["<script", "<style"]
                .iter()
                .find(|t| tag.starts_with(**t))
                .map(|t| format!("</{}", &t[1..]));
            rest = match skip_to.and_then(|end| tag.find(&end)) {
                Some(end) => &tag[end..],
                None => &tag[tag.find('>').map_or(tag.len(), |i| i + 1)..],
            };
        }
        for mark in [" ;", " :", " !", " ?", " »", "« "] {
            assert!(
                !text.contains(mark),
                "fr/{page}: breaking space in {mark:?}"
            );
        }
        for month in months {
            for (at, _) in text.match_indices(&format!(" {month}")) {
                let before = text[..at].chars().next_back().unwrap_or(' ');
                assert!(
                    !before.is_ascii_digit() && !text[..at].ends_with("1er"),
                    "fr/{page}: a date breaks before {month}"
                );
                checked += 1;
            }
            for (at, _) in text.match_indices(&format!("{month} ")) {
                let after = &text.as_bytes()[at + month.len() + 1..];
                assert!(
                    !(after.len() >= 4 && after[..4].iter().all(u8::is_ascii_digit)),
                    "fr/{page}: a date breaks before its year after {month}"
                );
            }
        }
        checked += text.matches('\u{202F}').count();
    }
    assert!(
        checked > 10,
        "the pages hold dates and punctuation to check"
    );
    // The same typography reaches values (dates) and messages alike.
    let retention = String::from_utf8(site.files["fr/data-retention.html"].clone()).unwrap();
    assert!(retention.contains("28\u{a0}août\u{a0}2025"), "a date value");
    let title = site
        .html("fr/data-retention.html")
        .text_of_css("h1")
        .unwrap();
    assert!(title.ends_with('?'));
    assert!(retention.contains("données\u{202F}?"), "a message");
    let de = String::from_utf8(site.files["de/conversations-and-training.html"].clone()).unwrap();
    assert!(de.contains("28.\u{a0}August\u{a0}2025"), "German dates too");
}

#[test]
fn no_page_quotes_an_interface_label_in_another_language_than_its_own() {
    let site = published("2026-12-07");
    // Language pickers name each language in itself (`<a hreflang lang>`): not labels.
    let marked = scraper::Selector::parse("body [lang]").unwrap();
    let picker = scraper::Selector::parse("a[hreflang]").unwrap();
    let mut pages = 0;
    for locale in LOCALES {
        for (path, bytes) in site
            .files
            .iter()
            .filter(|(p, _)| p.starts_with(&format!("{locale}/")) && p.ends_with(".html"))
        {
            let page = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
            let foreign: Vec<String> = page
                .select(&marked)
                .filter(|e| e.value().attr("lang") != Some(locale))
                .filter(|e| {
                    e.value().attr("hreflang").is_none() && e.select(&picker).next().is_none()
                })
                .map(|e| e.html())
                .collect();
            assert!(foreign.is_empty(), "{path}: {foreign:?}");
            pages += 1;
        }
    }
    assert!(pages >= 27, "{pages} pages");
    // The sources give the French interface only: French pages quote it as their own
    // text; English and German ones describe the controls in words.
    let text = |locale: &str| {
        site.html(&format!("{locale}/conversations-and-training.html"))
            .text_of("training-choice")
            .unwrap()
            .replace(['\u{a0}', '\u{202f}'], " ")
    };
    let fr = text("fr");
    for label in [
        "« Aider à améliorer Claude »",
        "« Mises à jour des conditions et politiques consommateur »",
        "Paramètres › Confidentialité",
    ] {
        assert!(fr.contains(label), "fr: {fr}");
    }
    for locale in ["en", "de"] {
        let text = text(locale);
        for french in ["Aider", "Paramètres", "Mises à jour"] {
            assert!(!text.contains(french), "{locale}: {text}");
        }
    }
    assert!(text("en").contains("a pop-up about the updated consumer terms and policies"));
    assert!(text("de").contains("in Ihren Einstellungen im Bereich Datenschutz deaktivieren"));

    // A label text no source gives is reported, with the locale it is in.
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "label: { fr: Aider à améliorer Claude }",
        "label: { en: Help improve Claude, fr: Aider à améliorer Claude }",
    );
    let run = sandbox.run(&["check"]);
    assert!(
        run.stdout
            .contains("warning[PG0129]: the `setting` label's `en` text comes from no source"),
        "{}",
        run.stdout
    );
}
