//! The real policy builds into consistent pages: same pages, same fact ids, same values
//! in every language.

use std::path::Path;

use policyglot::diag::SourceFile;
use policyglot::policy::{facts, load};

use crate::support::{LOCALES, REPO, Sandbox, Site};

fn real_site() -> Site {
    Sandbox::real().build_ok()
}

#[test]
fn every_locale_has_the_same_pages() {
    let site = real_site();
    let en = site.pages_of("en");
    assert!(en.contains(&"index.html".to_owned()));
    // 5 articles, the index, one "what changed" page, search, the 404 page.
    assert_eq!(en.len(), 9, "{en:?}");
    for locale in LOCALES {
        assert_eq!(site.pages_of(locale), en, "pages of {locale}");
    }
    assert!(
        site.files.contains_key("index.html"),
        "root language picker"
    );
    assert!(site.files.contains_key("assets/style.css"));
}

#[test]
fn every_fact_id_is_an_element_on_its_page_in_every_locale() {
    let text = std::fs::read_to_string(Path::new(REPO).join("policy/policy.yaml")).unwrap();
    let policy = load::parse(&SourceFile::new("policy.yaml", text)).unwrap();
    let blocks = facts::blocks(&policy, policy.current());
    let site = real_site();
    let mut seen = std::collections::BTreeSet::new();
    for page in &policy.pages {
        for locale in LOCALES {
            let html = site.html(&format!("{locale}/{}.html", page.id));
            let ids = html.ids();
            for block in &page.blocks {
                let node = facts::find(blocks, block.as_str()).unwrap();
                for n in node.walk() {
                    assert!(
                        ids.contains(&n.id.to_string()),
                        "{locale}/{}.html lacks id {}",
                        page.id,
                        n.id
                    );
                    seen.insert(n.id.to_string());
                }
            }
            assert_eq!(html.attr("html", "lang").as_deref(), Some(locale));
        }
    }
    for node in blocks.iter().flat_map(|b| b.walk()) {
        assert!(
            seen.contains(node.id.as_str()),
            "fact {} is on no page",
            node.id
        );
    }
}

/// (page, element id, [en, fr, de] text each element must contain)
const FACTS: &[(&str, &str, [&str; 3])] = &[
    (
        "data-retention",
        "retention-training-allowed",
        ["up to 5 years", "jusqu’à 5 ans", "bis zu 5 Jahre"],
    ),
    (
        "data-retention",
        "retention-training-declined",
        ["30 days", "30 jours", "30 Tage"],
    ),
    (
        "data-retention",
        "retention-feedback",
        ["10 years", "10 ans", "10 Jahre"],
    ),
    (
        "feedback",
        "retention-feedback",
        ["10 years", "10 ans", "10 Jahre"],
    ),
    (
        "conversations-and-training",
        "update-reasons",
        ["August 28, 2025", "28 août 2025", "28. August 2025"],
    ),
    (
        "conversations-and-training",
        "choice-deadline",
        [
            "September 28, 2025",
            "28 septembre 2025",
            "28. September 2025",
        ],
    ),
    (
        "conversations-and-training",
        "training-rule",
        [
            "Claude Free, Claude Pro, Claude Max, and Claude Code",
            "Claude Free, Claude Pro, Claude Max et Claude Code",
            "Claude Free, Claude Pro, Claude Max und Claude Code",
        ],
    ),
    (
        "conversations-and-training",
        "exception-your-choice",
        [
            "The setting that allows it is on",
            "Aider à améliorer Claude",
            "Die Einstellung, die das erlaubt, ist aktiviert",
        ],
    ),
    (
        "conversations-and-training",
        "choice-existing-users",
        [
            "a pop-up about the updated consumer terms and policies",
            "Mises à jour des conditions et politiques consommateur",
            "zu den aktualisierten Verbraucherbedingungen und -richtlinien",
        ],
    ),
    (
        "personal-data-in-training",
        "data-sources",
        [
            "the following sources",
            "des sources suivantes",
            "den folgenden Quellen",
        ],
    ),
    (
        "covered-products",
        "tier-claude-code",
        ["Claude Code", "Claude Code", "Claude Code"],
    ),
    (
        "covered-products",
        "tier-work",
        ["Claude for Work", "Claude for Work", "Claude for Work"],
    ),
    (
        "covered-products",
        "coverage-not-covered",
        ["Claude Gov", "Claude Gov", "Claude Gov"],
    ),
];

#[test]
fn policy_values_appear_in_their_blocks_in_every_language() {
    let site = real_site();
    for (page, id, expected) in FACTS {
        for (locale, want) in LOCALES.iter().zip(expected) {
            let text = site
                .html(&format!("{locale}/{page}.html"))
                .text_of(id)
                .unwrap_or_else(|| panic!("{locale}/{page}.html has no #{id}"));
            assert!(
                text.contains(want),
                "{locale}/{page}.html #{id}: expected {want:?} in {text:?}"
            );
        }
    }
}

#[test]
fn page_dates_are_localized_absolute_dates() {
    let site = real_site();
    let expected = [
        // The day the sources give: the update's announcement, never an effective day.
        ("en", "Update announced on August 28, 2025"),
        ("fr", "Mise à jour annoncée le 28 août 2025"),
        ("de", "Aktualisierung angekündigt am 28. August 2025"),
    ];
    for (locale, want) in expected {
        let html = String::from_utf8(site.files[&format!("{locale}/data-retention.html")].clone())
            .unwrap();
        let flat: String = html.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(want), "{locale}: {want}");
    }
}

#[test]
fn no_translation_types_a_digit() {
    for entry in walkdir::WalkDir::new(Path::new(REPO).join("locales")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|x| x != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            // Placeables hold variables and terms, never literal facts.
            let mut depth = 0;
            let outside: String = line
                .chars()
                .filter(|&c| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => return depth == 0,
                    }
                    false
                })
                .collect();
            assert!(
                !outside.chars().any(|c| c.is_ascii_digit()),
                "{}:{} types a digit: {line}",
                entry.path().display(),
                n + 1
            );
        }
    }
}

#[test]
fn changing_one_value_changes_every_language_and_nothing_else() {
    let sandbox = Sandbox::real();
    let before = sandbox.build_ok();
    sandbox.edit(
        "policy/policy.yaml",
        "id: retention-training-declined\n            values: { period: { duration: 30 days } }",
        "id: retention-training-declined\n            values: { period: { duration: 45 days } }",
    );
    let after = sandbox.build_ok();
    // The search index follows the pages (tests/it/search.rs); it is not counted here.
    let changed: Vec<&String> = after
        .files
        .keys()
        .filter(|k| !k.starts_with("pagefind/"))
        .filter(|k| before.files.get(*k) != after.files.get(*k))
        .collect();
    // The pages stating it (the period is new in the 2025 version, so its "what
    // changed" page states it too), and the machine-readable policy; nothing else.
    assert_eq!(
        changed,
        [
            "de/changes-consumer-terms-2025.html",
            "de/data-retention.html",
            "en/changes-consumer-terms-2025.html",
            "en/data-retention.html",
            "fr/changes-consumer-terms-2025.html",
            "fr/data-retention.html",
            "policy.json"
        ]
    );
    for (locale, want) in [("en", "45 days"), ("fr", "45 jours"), ("de", "45 Tage")] {
        let path = format!("{locale}/data-retention.html");
        assert!(
            after
                .html(&path)
                .text_of("retention-training-declined")
                .unwrap()
                .contains(want)
        );
        // Nothing but the value changed: putting 30 back gives the old page, byte for byte.
        let old = String::from_utf8(before.files[&path].clone()).unwrap();
        assert!(!old.contains("45"));
        let new = String::from_utf8(after.files[&path].clone()).unwrap();
        assert_eq!(new.replace("45", "30"), old, "{path}");
    }
}

#[test]
fn builds_are_deterministic() {
    let sandbox = Sandbox::real();
    let first = sandbox.build_ok();
    let run = sandbox.run(&["build", "--out", "second"]);
    assert!(run.success, "{}", run.stderr);
    assert_eq!(Site::read(&sandbox.path("second")), first);
}

#[test]
fn success_prints_one_summary_line() {
    let run = Sandbox::real().build();
    assert!(run.success, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(
        lines[0].contains("9 pages")
            && lines[0].contains("3 locales (en, de, fr)")
            && lines[0].contains("site")
            && lines[0].contains(" ms"),
        "{}",
        lines[0]
    );
}

#[test]
fn each_page_links_to_itself_in_the_other_languages() {
    let site = real_site();
    for locale in LOCALES {
        for page in site
            .pages_of(locale)
            .into_iter()
            .filter(|p| p != "404.html")
        {
            let html = site.html(&format!("{locale}/{page}"));
            let mut links = html.all_attrs("nav.languages a", "href");
            links.sort();
            let mut want: Vec<String> = LOCALES.iter().map(|l| format!("../{l}/{page}")).collect();
            want.sort();
            assert_eq!(links, want, "{locale}/{page}");
        }
    }
    let root = site.html("index.html");
    let mut links = root.all_attrs("a", "href");
    links.sort();
    assert_eq!(links, ["de/index.html", "en/index.html", "fr/index.html"]);
}

#[test]
fn an_explicit_out_is_relative_to_the_current_folder_the_default_is_in_the_project() {
    let sandbox = Sandbox::real();
    let elsewhere = tempfile::TempDir::new().unwrap();
    let root = sandbox.root().to_str().unwrap();
    let run = crate::support::run_in(
        elsewhere.path(),
        &["--root", root, "build", "--no-search", "--out", "public"],
    );
    assert!(run.success, "{}", run.stderr);
    assert!(elsewhere.path().join("public/en/index.html").is_file());
    assert!(!sandbox.path("public").exists(), "not relative to --root");
    assert!(!sandbox.path("site").exists());

    let run = crate::support::run_in(elsewhere.path(), &["--root", root, "build", "--no-search"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        sandbox.path("site/en/index.html").is_file(),
        "default: the project's site/"
    );
    assert!(!elsewhere.path().join("site").exists());
}
