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
        "          - { fact: safeguard-sensitive-data-filtering,",
        "          - encryption\n          - { fact: safeguard-sensitive-data-filtering,",
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
    // What the sources say of the old retention: deleted after 30 days; and of the new
    // one: still 30 days for those who decline (« comme actuellement »), a change of
    // wording, not a rule that went.
    let old_retention = changes
        .text_of_css("#retention-training-declined .before")
        .unwrap();
    assert!(
        old_retention.contains("We delete your conversations after 30 days"),
        "{old_retention}"
    );
    let declined = changes
        .text_of_css("#retention-training-declined .after")
        .unwrap();
    assert!(
        declined.contains("stays limited to 30 days, as before"),
        "{declined}"
    );
    // The choice and the deadline came with the announcement of August 28, 2025: the
    // page says the update stated them, not since when they hold.
    let choice = changes.text_of("training-choice").unwrap();
    assert!(choice.contains("Stated with the update"), "{choice}");
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
            _ => "Programm für ausgewählte Tester",
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
    // Proper names in another language (`Trust & Safety` on a German page) carry their
    // `lang` too, as they must; a label is what a page quotes, so an element in another
    // language right after an opening quotation mark is one.
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
                .filter(|e| {
                    let before: String = e
                        .prev_siblings()
                        .find_map(|n| n.value().as_text().map(|t| t.to_string()))
                        .unwrap_or_default();
                    let before = before.trim_end_matches(['\u{a0}', '\u{202f}', ' ']);
                    before.ends_with(['“', '„', '«', '"', '‘', '‚', '‹'])
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

/// The text of `locale`'s pages as a reader gets it, every page joined.
fn all_text(site: &Site, locale: &str) -> String {
    texts(site, locale)
        .into_iter()
        .map(|(_, text)| text.replace(['\u{a0}', '\u{202f}'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_page_says_more_than_its_sources() {
    let site = published("2026-12-07");
    // The French article says « n'utilisons pas »: nothing stronger, in any language.
    for (locale, never) in [("en", "never"), ("fr", "jamais"), ("de", "niemals")] {
        let text = all_text(&site, locale).to_lowercase();
        assert!(!text.contains(never), "{locale} says {never:?}");
    }
    // 28 August 2025 is the day the update was announced; no source gives a day it
    // took effect.
    for (locale, phrases) in [
        (
            "en",
            &[
                "took effect",
                "effective august",
                "from august 28, 2025, your",
            ][..],
        ),
        ("fr", &["en vigueur", "à compter du 28 août"][..]),
        ("de", &["in kraft", "gültig seit", "ab dem 28. august"][..]),
    ] {
        let text = all_text(&site, locale).to_lowercase();
        for phrase in phrases {
            assert!(!text.contains(phrase), "{locale} says {phrase:?}");
        }
    }
    for (locale, announced) in [
        ("en", "Update announced on August 28, 2025"),
        ("fr", "Mise à jour annoncée le 28 août 2025"),
        ("de", "Aktualisierung angekündigt am 28. August 2025"),
    ] {
        assert!(all_text(&site, locale).contains(announced), "{locale}");
    }
    // The 30 days stay for those who decline (« comme actuellement »): the what-changed
    // page rewords the fact, it does not say it stopped applying.
    for (locale, gone) in [
        ("en", "No longer"),
        ("fr", "Ne s’applique plus"),
        ("de", "nicht mehr"),
    ] {
        let page = site.html(&format!("{locale}/changes-consumer-terms-2025.html"));
        let declined = page.text_of("retention-training-declined").unwrap();
        assert!(!declined.contains(gone), "{locale}: {declined}");
        assert!(
            page.0
                .select(&scraper::Selector::parse(".change-removed").unwrap())
                .next()
                .is_none(),
            "{locale}: nothing is removed"
        );
    }
    // The filtering of sensitive data is reported with the update, not said to be new.
    let changes = site.html("en/changes-consumer-terms-2025.html");
    let filtering = changes
        .text_of("safeguard-sensitive-data-filtering")
        .unwrap();
    assert!(!filtering.contains("New"), "{filtering}");
    // The principles are the sources' words, not a quotation no source makes.
    let privacy =
        String::from_utf8(site.files["en/personal-data-in-training.html"].clone()).unwrap();
    assert!(!privacy.contains("<blockquote"), "no quotation block");
    assert!(!privacy.contains("Please choose"));
}

#[test]
fn the_reasons_for_the_update_privacy_by_design_and_its_scope_are_in_every_language() {
    let site = published("2026-12-07");
    let expected: [(&str, &[&str]); 3] = [
        (
            "en",
            &[
                "terms of use and privacy policy",
                "privacy by design",
                "more capable and useful AI models",
                "scams and abuse",
                "less likely to flag harmless conversations",
                "coding, analysis and reasoning skills",
                "Data from real interactions",
                "control over your data",
            ],
        ),
        (
            "fr",
            &[
                "conditions d’utilisation et de notre politique de confidentialité",
                "protection de la vie privée dès la conception",
                "plus performants et plus utiles",
                "arnaques et les abus",
                "moins susceptibles de signaler des conversations inoffensives",
                "programmation, en analyse et en raisonnement",
                "interactions réelles",
                "le contrôle de vos données",
            ],
        ),
        (
            "de",
            &[
                "Nutzungsbedingungen und unserer Datenschutzerklärung",
                "Datenschutz durch Technikgestaltung",
                "leistungsfähigere und nützlichere KI-Modelle",
                "Betrug und Missbrauch",
                "markieren seltener harmlose Gespräche",
                "Programmieren, Analysieren und logischen Denken",
                "echten Interaktionen",
                "Kontrolle über Ihre Daten",
            ],
        ),
    ];
    for (locale, phrases) in expected {
        let text = all_text(&site, locale);
        for phrase in phrases {
            assert!(text.contains(phrase), "{locale}: no {phrase:?}");
        }
        // The reasons sit in their block, dated by the announcement.
        let page = site.html(&format!("{locale}/conversations-and-training.html"));
        let reasons = page
            .text_of("update-reasons")
            .unwrap()
            .replace('\u{a0}', " ");
        assert!(reasons.contains("2025"), "{locale}: {reasons}");
    }
}

#[test]
fn names_in_another_language_carry_their_lang_without_quotes() {
    let site = published("2026-12-07");
    let spans = |path: &str, lang: &str| -> Vec<String> {
        let page = site.html(path);
        let selector = scraper::Selector::parse(&format!("article span[lang={lang}]")).unwrap();
        page.0
            .select(&selector)
            .map(|s| s.text().collect::<String>())
            .collect()
    };
    // German has no forms of Anthropic's English names: they are marked as English.
    let privacy = spans("de/personal-data-in-training.html", "en");
    for name in ["Trust Center", "Constitutional AI"] {
        assert!(privacy.iter().any(|s| s == name), "{name}: {privacy:?}");
    }
    let training = spans("de/conversations-and-training.html", "en");
    assert!(
        training.iter().any(|s| s == "Trust & Safety"),
        "{training:?}"
    );
    // French has its own forms (the French article's), English needs no mark.
    assert!(spans("fr/personal-data-in-training.html", "en").is_empty());
    assert!(spans("en/personal-data-in-training.html", "en").is_empty());
    let fr = site
        .html("fr/personal-data-in-training.html")
        .text_of("safeguard-constitution")
        .unwrap();
    assert!(fr.contains("IA constitutionnelle"), "{fr}");
    // A name is not quoted: no quotation mark right before a name marked in another
    // language.
    for locale in LOCALES {
        for page in site.pages_of(locale) {
            let html = String::from_utf8(site.files[&format!("{locale}/{page}")].clone()).unwrap();
            for name in ["Trust Center", "Trust &amp; Safety", "Constitutional AI"] {
                let marked = format!("<span lang=\"en\">{name}</span>");
                for (at, _) in html.match_indices(&marked) {
                    let before = html[..at].chars().next_back().unwrap();
                    assert!(
                        !"\"“”„«»‘’‚'".contains(before),
                        "{locale}/{page}: {name} quoted"
                    );
                }
            }
        }
    }
    // The French word order of the API's name comes from the policy.
    let scope = site
        .html("fr/personal-data-in-training.html")
        .text_of("article-scope")
        .unwrap();
    assert!(scope.contains("l’API Anthropic"), "{scope}");
}

#[test]
fn links_to_english_only_pages_say_so_in_other_languages() {
    let site = published("2026-12-07");
    for (locale, hint) in [("fr", "(en anglais)"), ("de", "(auf Englisch)")] {
        let page = site.html(&format!("{locale}/personal-data-in-training.html"));
        for id in [
            "rights",
            "rights-learn-more",
            "controller-rule",
            "safeguard-constitutional-ai",
        ] {
            let text = page.text_of(id).unwrap();
            assert!(text.contains(hint), "{locale} #{id}: {text}");
        }
        // The hint follows the link, outside it.
        let html = String::from_utf8(
            site.files[&format!("{locale}/personal-data-in-training.html")].clone(),
        )
        .unwrap();
        assert!(
            html.contains(&format!("</a> {hint}")) || html.contains(&format!("</a>\u{a0}{hint}")),
            "{locale}"
        );
        // The help center exists in every language: its link says nothing.
        let scope = page.text_of("article-scope").unwrap();
        assert!(!scope.contains(hint), "{locale}: {scope}");
    }
    // English pages link to English pages.
    let en = all_text(&site, "en");
    assert!(!en.contains("(in English)"), "{en}");
}

/// The levain fixture cites a passage of its own source text (sources/reglement.txt)
/// for each fact.
fn levain() -> Sandbox {
    Sandbox::project("levain", "fr")
}

#[test]
fn check_sources_finds_every_cited_passage_in_its_source() {
    let sandbox = levain();
    let run = sandbox.run(&["check", "--sources", "sources"]);
    assert!(run.success, "{}", run.stdout);
    assert!(!run.stdout.contains("PG054"), "{}", run.stdout);

    // A passage the source does not contain fails, located at the passage.
    sandbox.edit(
        "policy/policy.yaml",
        "nous enregistrons vos prénom",
        "nous vendons vos prénom",
    );
    let run = sandbox.run(&["check", "--sources", "sources"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let policy = sandbox.read("policy/policy.yaml");
    let line = policy
        .lines()
        .position(|l| l.contains("nous vendons vos prénom"))
        .unwrap();
    let col = policy
        .lines()
        .nth(line)
        .unwrap()
        .find("nous vendons")
        .unwrap();
    let col = policy.lines().nth(line).unwrap()[..col].chars().count() + 1;
    assert!(
        run.stdout.contains(
            "error[PG0542]: the passage cited for `donnees-collectees` is not in source `source-reglement` (reglement.txt)"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("policy/policy.yaml:{}:{col}", line + 1)),
        "{}",
        run.stdout
    );
    // Without --sources nothing is read, and nothing is guessed.
    let run = sandbox.run(&["check"]);
    assert!(!run.stdout.contains("PG054"), "{}", run.stdout);

    // A source file must stay inside the folder given.
    sandbox.edit(
        "policy/policy.yaml",
        "file: reglement.txt",
        "file: ../policy/policy.yaml",
    );
    let run = sandbox.run(&["check", "--sources", "sources", "--format", "json"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "PG0541")
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("is not a relative path inside the sources folder"),
        "{finding}"
    );
    assert_eq!(finding["file"], "policy/policy.yaml");
}

#[test]
fn the_shipped_policy_cites_its_sources_and_a_wrong_passage_fails() {
    // The sources' texts are distributed beside the repository, not in it.
    let seeds = std::path::Path::new(crate::support::REPO).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: {} is not here", seeds.display());
        return;
    }
    let seeds = seeds.to_str().unwrap();
    let sandbox = Sandbox::real();
    let run = sandbox.run(&["check", "--strict", "--sources", seeds]);
    assert!(run.success, "{}", run.stdout);
    sandbox.edit(
        "policy/policy.yaml",
        "passage: \"« modèles d'IA plus performants et utiles »\"",
        "passage: \"« modèles d'IA infaillibles »\"",
    );
    let run = sandbox.run(&["check", "--sources", seeds]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout.contains(
            "error[PG0542]: the passage cited for `reason-capable-models` is not in source `source-press-2025-08-28` (001_5c5baa67f43f6a82.txt)"
        ),
        "{}",
        run.stdout
    );
    let line = sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l.contains("infaillibles"))
        .unwrap()
        + 1;
    assert!(
        run.stdout.contains(&format!("policy/policy.yaml:{line}:")),
        "{}",
        run.stdout
    );
}

#[test]
fn passages_that_cannot_be_checked_are_warnings_located_at_the_source() {
    let sandbox = levain();
    // A fact credited without a passage.
    sandbox.edit(
        "policy/policy.yaml",
        "          - { fact: durees, passage:",
        "          - donnees-collectees\n          - { fact: durees, passage:",
    );
    let run = sandbox.run(&["check", "--sources", "sources"]);
    let policy = sandbox.read("policy/policy.yaml");
    let line_of = |needle: &str| policy.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert!(
        run.stdout.contains(
            "warning[PG0543]: fact `donnees-collectees` is credited to source `source-reglement` without a passage"
        ),
        "{}",
        run.stdout
    );
    let bare = line_of("          - donnees-collectees");
    assert!(
        run.stdout
            .contains(&format!("policy/policy.yaml:{bare}:13")),
        "{}",
        run.stdout
    );
    // A source with passages and no file to find them in.
    sandbox.edit("policy/policy.yaml", "        file: reglement.txt\n", "");
    let run = sandbox.run(&["check", "--sources", "sources"]);
    assert!(
        run.stdout.contains(
            "warning[PG0540]: source `source-reglement` cites passages but names no `file`: they cannot be checked"
        ),
        "{}",
        run.stdout
    );
    let policy = sandbox.read("policy/policy.yaml");
    let line = policy
        .lines()
        .position(|l| l.contains("id: source-reglement"))
        .unwrap()
        + 1;
    assert!(
        run.stdout
            .contains(&format!("policy/policy.yaml:{line}:13")),
        "{}",
        run.stdout
    );
}

#[test]
fn a_version_whose_effective_day_is_an_inference_needs_its_announcement() {
    let sandbox = Sandbox::real();
    sandbox.edit("policy/policy.yaml", "    announced: 2025-08-28\n", "");
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "error[PG0131]: version `consumer-terms-2025` has no stated `effective` date and no `announced` date"
        ),
        "{}",
        run.stdout
    );
    let line = sandbox
        .read("policy/policy.yaml")
        .lines()
        .position(|l| l.contains("- id: consumer-terms-2025"))
        .unwrap()
        + 1;
    assert!(
        run.stdout.contains(&format!("policy/policy.yaml:{line}:9")),
        "{}",
        run.stdout
    );
}
