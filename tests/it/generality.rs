//! policyglot is a tool, not this one policy: another company's policy and a new locale
//! build with no code change.

use crate::support::{REPO, Sandbox, copy_dir};

#[test]
fn a_fictional_company_builds_with_its_own_tiers_and_periods() {
    let sandbox = Sandbox::fixture("brightwave");
    let site = sandbox.build_ok();
    for locale in ["en", "de"] {
        let retention = site.html(&format!("{locale}/keeping-data.html"));
        let want = if locale == "en" {
            ["90 days", "18 months"]
        } else {
            ["90 Tage", "18 Monate"]
        };
        assert!(
            retention
                .text_of("keep-chats-shared")
                .unwrap()
                .contains(want[0])
        );
        assert!(retention.text_of("keep-ratings").unwrap().contains(want[1]));
        let products = site.html(&format!("{locale}/plans.html"));
        assert!(
            products
                .text_of("plan-lumen-home")
                .unwrap()
                .contains("Lumen Home")
        );
        assert!(
            products
                .text_of("plans-excluded")
                .unwrap()
                .contains("Lumen Studio")
        );
    }
    assert!(
        !site
            .files
            .keys()
            .any(|k| k.contains("claude") || k.starts_with("fr/"))
    );
}

#[test]
fn a_fourth_locale_builds_from_a_folder_alone() {
    let sandbox = Sandbox::real();
    copy_dir(
        &std::path::Path::new(REPO).join("tests/fixtures/locale-es/es"),
        &sandbox.path("locales/es"),
    );
    let run = sandbox.build();
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stdout.contains("4 locales (en, de, es, fr)"),
        "{}",
        run.stdout
    );
    let site = sandbox.site();
    assert_eq!(site.pages_of("es"), site.pages_of("en"));
    let page = site.html("es/data-retention.html");
    assert_eq!(page.attr("html", "lang").as_deref(), Some("es"));
    assert!(
        page.text_of("retention-training-allowed")
            .unwrap()
            .contains("5 años")
    );
    let update = site
        .html("es/conversations-and-training.html")
        .text_of("update-reasons")
        .unwrap();
    assert!(update.contains("28 de agosto de 2025"), "{update}");
    // Every other locale now links to the Spanish page too.
    let links = site
        .html("fr/data-retention.html")
        .all_attrs("nav.languages a", "href");
    assert!(
        links.contains(&"../es/data-retention.html".to_owned()),
        "{links:?}"
    );
}

#[test]
fn dates_with_numeric_months_state_the_same_values() {
    // Japanese, Korean and Chinese long dates write the month as a number
    // ("2025年9月28日"): rendered parity compares the date, not its digits. The English
    // sentences are copied as they are; only the date formats differ.
    let sandbox = Sandbox::real();
    for tag in ["ja", "ko", "zh"] {
        copy_dir(
            &sandbox.path("locales/en"),
            &sandbox.path(&format!("locales/{tag}")),
        );
    }
    let run = sandbox.run(&["check", "--format", "json"]);
    assert!(!run.stdout.contains("PG0512"), "{}", run.stdout);
    // The copies keep English plural keys (`[one]`: Japanese, Korean and Chinese have
    // only `other`) and English units ("30 days"): those checks, and only those, object.
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    for finding in json["findings"].as_array().unwrap() {
        let code = finding["code"].as_str().unwrap();
        assert!(
            finding["severity"] != "error" || ["PG0545", "PG0546"].contains(&code),
            "{finding}"
        );
    }

    // A variant that drops the date is still caught, in those locales too.
    sandbox.edit(
        "locales/ja/training.ftl",
        "must make their choice by { $deadline-until } to keep",
        "must make their choice soon to keep",
    );
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    assert!(
        run.stdout
            .contains("`choice-deadline` in `ja` does not say what `en` says: it shows `$deadline-until` (`2025年9月28日`) nowhere where `en` shows it once"),
        "{}",
        run.stdout
    );
}
