//! The published site as readers and search engines see it: versions and what changed,
//! localized dates, languages on the web (hreflang, sitemap), links that resolve.

use std::collections::BTreeSet;

use scraper::Selector;

use crate::support::{LOCALES, Sandbox, Site};

const BASE: &str = "https://help.example.com/privacy/";

fn published(sandbox: &Sandbox, today: &str) -> Site {
    let run = sandbox.run(&["--today", today, "build", "--base-url", BASE]);
    assert!(run.success, "{}", run.stderr);
    sandbox.site()
}

fn text(site: &Site, path: &str) -> String {
    String::from_utf8(site.files[path].clone()).unwrap()
}

#[test]
fn the_what_changed_page_lists_old_and_new_values_in_every_language() {
    let site = published(&Sandbox::real(), "2026-01-01");
    let expected = [
        // Dated by the announcement: no source gives the day the version took effect.
        (
            "en",
            "What the update announced on August 28, 2025 changes",
            ["after 30 days", "up to 5 years"],
            ["only if they are flagged", "unless you turn this off"],
        ),
        (
            "fr",
            "Ce que change la mise à jour annoncée le 28 août 2025",
            ["au bout de 30 jours", "jusqu’à 5 ans"],
            [
                "que si elles sont signalées",
                "sauf si vous désactivez l’option correspondante",
            ],
        ),
        (
            "de",
            "Was sich mit der am 28. August 2025 angekündigten Aktualisierung ändert",
            ["30 Tage lang und löschen sie danach", "bis zu 5 Jahre"],
            [
                "nur dann für das Training",
                "es sei denn, Sie deaktivieren diese Option",
            ],
        ),
    ];
    for (locale, title, [old_retention, new_retention], [old_rule, new_rule]) in expected {
        let page = site.html(&format!("{locale}/changes-consumer-terms-2025.html"));
        let h1 = page
            .0
            .select(&Selector::parse("h1").unwrap())
            .next()
            .unwrap()
            .text()
            .collect::<String>();
        assert_eq!(h1.split_whitespace().collect::<Vec<_>>().join(" "), title);
        // The old rule deleted every conversation after 30 days; the new one keeps
        // those it may use for up to 5 years (a fact that came) and the 30 days for
        // the others (the same fact, reworded: nothing went).
        let class = |id: &str| page.attr(&format!("#{id}"), "class").unwrap_or_default();
        assert!(
            class("retention-training-declined").contains("change-changed"),
            "{locale}: {}",
            class("retention-training-declined")
        );
        assert!(
            page.0
                .select(&Selector::parse(".change-removed").unwrap())
                .next()
                .is_none(),
            "{locale}"
        );
        assert!(
            class("retention-training-allowed").contains("change-added"),
            "{locale}"
        );
        let gone = page
            .text_of_css("#retention-training-declined .before")
            .unwrap();
        let came = page
            .text_of_css("#retention-training-allowed .after")
            .unwrap();
        assert!(gone.contains(old_retention), "{locale}: {gone}");
        assert!(came.contains(new_retention), "{locale}: {came}");
        let old = page
            .text_of_css("#training-rule .before")
            .unwrap_or_else(|| panic!("{locale}: #training-rule .before"));
        let new = page.text_of_css("#training-rule .after").unwrap();
        assert!(
            old.contains(old_rule) && new.contains(new_rule),
            "{locale} #training-rule: {old} / {new}"
        );
        // Facts that did not change are not listed.
        assert!(page.text_of("retention-feedback").is_none(), "{locale}");
        assert!(page.text_of("about-training").is_none(), "{locale}");
        // Pages the change affects link to it; the index lists it under the history.
        let rule_page = site.html(&format!("{locale}/conversations-and-training.html"));
        assert!(
            rule_page
                .all_attrs(".change-link a", "href")
                .contains(&"changes-consumer-terms-2025.html".to_owned())
        );
        assert!(
            site.html(&format!("{locale}/index.html"))
                .all_attrs(".history a", "href")
                .contains(&"changes-consumer-terms-2025.html".to_owned())
        );
        let about = site.html(&format!("{locale}/feedback.html"));
        assert!(
            about.all_attrs(".change-link a", "href").is_empty(),
            "{locale}: the feedback page did not change"
        );
    }
}

#[test]
fn changing_a_value_in_either_version_changes_the_what_changed_page() {
    let sandbox = Sandbox::real();
    let before = published(&sandbox, "2026-01-01");
    sandbox.edit(
        "policy/policy.yaml",
        "period: { duration: 5 years }",
        "period: { duration: 6 years }",
    );
    let newer = published(&sandbox, "2026-01-01");
    sandbox.edit(
        "policy/policy.yaml",
        "id: retention-training-declined\n            values: { period: { duration: 30 days } }",
        "id: retention-training-declined\n            values: { period: { duration: 14 days } }",
    );
    let older = published(&sandbox, "2026-01-01");
    for locale in LOCALES {
        let path = format!("{locale}/changes-consumer-terms-2025.html");
        assert_ne!(
            before.files[&path], newer.files[&path],
            "{locale}: new value"
        );
        assert_ne!(
            newer.files[&path], older.files[&path],
            "{locale}: old value"
        );
    }
    let page = older.html("en/changes-consumer-terms-2025.html");
    assert!(
        page.text_of_css("#retention-training-declined .before")
            .unwrap()
            .contains("14 days")
    );
    assert!(
        page.text_of_css("#retention-training-allowed .after")
            .unwrap()
            .contains("6 years")
    );
}

#[test]
fn an_announced_version_is_shown_as_upcoming_before_its_date() {
    let site = published(&Sandbox::real(), "2025-08-01");
    let en = site.html("en/data-retention.html");
    // The opt-in version is in force: 30 days, and a notice announces the change.
    assert!(
        en.text_of("retention-training-declined")
            .unwrap()
            .contains("after 30 days")
    );
    // The update is known by its announcement: the notice names no effective day.
    let notice = en.text_of_css("#retention .upcoming-notice").unwrap();
    assert!(
        notice.contains("This section changes with the update announced on August 28, 2025."),
        "{notice}"
    );
    assert_eq!(
        en.attr("#retention .upcoming-notice a", "href").as_deref(),
        Some("changes-consumer-terms-2025.html#retention")
    );
    let fr = site.html("fr/changes-consumer-terms-2025.html");
    assert!(
        fr.text_of_css("h1")
            .unwrap()
            .contains("Ce que change la mise à jour annoncée le 28 août 2025")
    );
    // A block that gains a fact is announced too, linking to the added fact.
    let privacy = site.html("en/personal-data-in-training.html");
    assert_eq!(
        privacy
            .attr("#safeguards .upcoming-notice a", "href")
            .as_deref(),
        Some("changes-consumer-terms-2025.html#safeguard-sensitive-data-filtering")
    );
    // The choice did not exist before the change: its block is not on the page yet.
    assert!(
        site.html("en/conversations-and-training.html")
            .text_of("training-choice")
            .is_none()
    );
    let rule = site
        .html("de/conversations-and-training.html")
        .text_of("training-rule")
        .unwrap();
    assert!(rule.contains("nur dann für das Training"), "{rule}");
}

#[test]
fn every_page_has_complete_hreflang_and_the_sitemap_lists_them() {
    let site = published(&Sandbox::real(), "2026-01-01");
    let sitemap = text(&site, "sitemap.xml");
    let mut pages = 0;
    for locale in LOCALES {
        for file in site
            .pages_of(locale)
            .into_iter()
            .filter(|f| f != "404.html")
        {
            pages += 1;
            let page = site.html(&format!("{locale}/{file}"));
            let own = format!(
                "{BASE}{locale}/{}",
                if file == "index.html" { "" } else { &file }
            );
            assert_eq!(
                page.attr("link[rel=canonical]", "href").as_deref(),
                Some(own.as_str())
            );
            let mut langs = page.all_attrs("link[rel=alternate]", "hreflang");
            langs.sort();
            assert_eq!(langs, ["de", "en", "fr", "x-default"], "{locale}/{file}");
            // The language alternates (an index also has its Atom feed: tests/it/feed.rs).
            for href in page.all_attrs("link[rel=alternate][hreflang]", "href") {
                let path = href.strip_prefix(BASE).unwrap();
                let path = if path.is_empty() || path.ends_with('/') {
                    format!("{path}index.html")
                } else {
                    path.to_owned()
                };
                assert!(
                    site.files.contains_key(&path),
                    "{locale}/{file}: alternate {href} does not exist"
                );
            }
            assert!(
                sitemap.contains(&format!("<loc>{own}</loc>")),
                "sitemap lacks {own}"
            );
        }
    }
    assert_eq!(sitemap.matches("<url>").count(), pages);
    assert_eq!(sitemap.matches("hreflang=\"x-default\"").count(), pages);
    assert!(text(&site, "robots.txt").contains(&format!("Sitemap: {BASE}sitemap.xml")));
}

#[test]
fn every_internal_link_and_fragment_resolves() {
    let sandbox = Sandbox::real();
    let site = published(&sandbox, "2026-01-01");
    let policy = sandbox.read("policy/policy.yaml");
    let policy_addresses: BTreeSet<String> = policy
        .match_indices("link: \"")
        .map(|(at, m)| {
            let rest = &policy[at + m.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect();
    assert!(policy_addresses.len() >= 4, "{policy_addresses:?}");
    let mut checked = 0;
    for (path, _) in site.files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = site.html(path);
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        for attr in ["href", "src"] {
            for link in page.all_attrs(&format!("[{attr}]"), attr) {
                if link.starts_with("https://") || link.starts_with("http://") {
                    // Outside the site, only the addresses the policy gives.
                    assert!(
                        link.starts_with(BASE) || policy_addresses.contains(&link),
                        "{path}: external link {link}"
                    );
                    continue;
                }
                if link.starts_with("mailto:") {
                    continue;
                }
                let (target, fragment) = link
                    .split_once('#')
                    .map_or((link.as_str(), None), |(t, f)| (t, Some(f)));
                let resolved = if target.is_empty() {
                    path.clone()
                } else {
                    resolve(dir, target)
                };
                assert!(
                    site.files.contains_key(&resolved),
                    "{path}: {link} -> {resolved} does not exist"
                );
                if let Some(fragment) = fragment {
                    let ids: BTreeSet<String> = site.html(&resolved).ids().into_iter().collect();
                    assert!(
                        ids.contains(fragment),
                        "{path}: {link}: no #{fragment} in {resolved}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "only {checked} links checked");
}

fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in target.trim_start_matches('/').split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if joined.is_empty() || target.ends_with('/') {
        format!("{joined}/index.html")
            .trim_start_matches('/')
            .to_owned()
    } else {
        joined
    }
}

#[test]
fn the_machine_readable_policy_and_localized_404() {
    let site = published(&Sandbox::real(), "2026-01-01");
    let json: serde_json::Value = serde_json::from_slice(&site.files["policy.json"]).unwrap();
    assert_eq!(json["schema"], "policyglot-policy/1");
    assert_eq!(json["in_force"], "consumer-terms-2025");
    let versions = json["policy"]["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    let retention = versions[1]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "retention")
        .unwrap();
    assert_eq!(
        retention["items"][0]["values"]["period"]["duration"],
        "5 years"
    );
    assert_eq!(versions[0]["values"]["default"]["keyword"], "opt-in");
    for (locale, title) in [
        ("en", "Page not found"),
        ("fr", "Page introuvable"),
        ("de", "Seite nicht gefunden"),
    ] {
        let page = site.html(&format!("{locale}/404.html"));
        assert_eq!(page.text_of_css("h1").as_deref(), Some(title));
        assert_eq!(
            page.attr("meta[name=robots]", "content").as_deref(),
            Some("noindex")
        );
        // Served at any missing path: its links start from the site root.
        assert!(
            page.all_attrs("a", "href")
                .iter()
                .all(|h| h.starts_with(BASE) || h.starts_with('#')),
            "{locale}"
        );
    }
    assert_eq!(site.files["404.html"], site.files["en/404.html"]);
}
