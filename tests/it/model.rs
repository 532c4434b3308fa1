//! The open policy model: policies unlike the shipped one (their own sections, value
//! types, reference locale) build clean in four locales with no code change, and say
//! each of their facts on the pages of every locale.

use crate::support::{Sandbox, Site};

const AURORA: [&str; 4] = ["en", "de", "es", "fr"];

/// Builds a fixture project as of `today` after `check --strict` passed.
fn strict_build(sandbox: &Sandbox, today: &str) -> Site {
    let check = sandbox.run(&["check", "--strict", "--today", today]);
    assert!(
        check.success,
        "check --strict:\n{}{}",
        check.stdout, check.stderr
    );
    let run = sandbox.run(&["build", "--no-search", "--today", today]);
    assert!(run.success, "{}", run.stderr);
    sandbox.site()
}

fn text(site: &Site, page: &str, id: &str) -> String {
    site.html(page)
        .text_of(id)
        .unwrap_or_else(|| panic!("no #{id} on {page}"))
}

#[test]
fn a_table_of_periods_in_hours_and_days_in_every_locale() {
    let site = strict_build(&Sandbox::project("aurora", "en"), "2026-06-01");
    let want = [
        ("en", ["30 days", "48 hours"], "Kept for"),
        ("de", ["30 Tage", "48 Stunden"], "Aufbewahrt für"),
        ("es", ["30 días", "48 horas"], "Se conservan durante"),
        ("fr", ["30 jours", "48 heures"], "Conservées pendant"),
    ];
    for (locale, [days, hours], heading) in want {
        let page = format!("{locale}/what-we-keep.html");
        let html = site.html(&page);
        assert_eq!(
            html.text_of_css("#data-categories th[scope=col]:nth-child(2)")
                .as_deref(),
            Some(heading),
            "{locale}"
        );
        let cell = |row: &str| {
            html.text_of_css(&format!("#{row} td"))
                .unwrap()
                .replace('\u{a0}', " ")
        };
        assert_eq!(cell("category-notes"), days, "{locale}");
        assert_eq!(cell("category-voice"), hours, "{locale}");
        // The same value, shared in the policy, in a sentence.
        assert!(
            text(&site, &page, "voice-notes")
                .replace('\u{a0}', " ")
                .contains(hours),
            "{locale}"
        );
    }
}

#[test]
fn links_emails_steps_and_translated_plan_names_in_every_locale() {
    let site = strict_build(&Sandbox::project("aurora", "en"), "2026-06-01");
    for locale in AURORA {
        let contact = site.html(&format!("{locale}/contact.html"));
        let links = contact.all_attrs("#contact a", "href");
        assert_eq!(
            links,
            [
                "mailto:privacy@lumenfield.example",
                "https://lumenfield.example/privacy",
                // A link to a fact: its page, in the reader's language.
                "what-we-keep.html#data-categories",
            ],
            "{locale}"
        );
        assert!(
            text(&site, &format!("{locale}/contact.html"), "contact-email")
                .contains("privacy@lumenfield.example")
        );
        let steps = site.html(&format!("{locale}/delete-your-data.html"));
        assert_eq!(
            steps.all_attrs("#deletion-steps ol.steps > li", "id"),
            ["step-open-menu", "step-choose-scope", "step-confirm"],
            "{locale}"
        );
        let plans = text(&site, &format!("{locale}/plans.html"), "plans-covered");
        assert!(
            plans.contains('3') && plans.contains('5'),
            "{locale}: {plans}"
        );
    }
    let student = |locale: &str| text(&site, &format!("{locale}/plans.html"), "plan-students");
    assert_eq!(student("en"), "Aurora for Students");
    assert_eq!(student("fr"), "Aurora pour les étudiants");
    assert_eq!(student("de"), "Aurora für Studierende");
    assert_eq!(student("es"), "Aurora para estudiantes");
    // Interface labels per locale.
    assert!(
        text(&site, "de/delete-your-data.html", "step-open-menu").contains("Einstellungen › Konto")
    );
    // The product's grammar attribute for French elision.
    let footer = site.html("fr/contact.html").text_of_css("footer").unwrap();
    assert!(footer.contains("Confidentialité d’Aurora"), "{footer}");
}

#[test]
fn a_version_that_adds_and_drops_sections_shows_both_in_every_locale() {
    let before = strict_build(&Sandbox::project("aurora", "en"), "2025-06-01");
    let after = strict_build(&Sandbox::project("aurora", "en"), "2026-06-01");
    for locale in AURORA {
        let page = format!("{locale}/assistant.html");
        let (old, new) = (before.html(&page), after.html(&page));
        assert!(old.text_of("beta-program").is_some() && old.text_of("private-mode").is_none());
        assert!(new.text_of("beta-program").is_none() && new.text_of("private-mode").is_some());
        for (site, status) in [(&before, "upcoming"), (&after, "past")] {
            let changes = site.html(&format!("{locale}/changes-aurora-2026.html"));
            let kind = |id: &str| changes.attr(&format!("#{id}"), "class").unwrap_or_default();
            assert!(
                kind("private-mode").contains("change-added"),
                "{locale} {status}"
            );
            assert!(
                kind("beta-program").contains("change-removed"),
                "{locale} {status}"
            );
            assert!(
                kind("assistant-sharing").contains("change-changed"),
                "{locale} {status}"
            );
            // Facts whose sentences read the same are not listed.
            assert!(
                changes.text_of("data-categories").is_none(),
                "{locale} {status}"
            );
        }
    }
    assert!(text(&after, "en/changes-aurora-2026.html", "private-mode").contains("private mode"));
}

#[test]
fn a_policy_written_in_french_first_builds_in_four_locales() {
    let sandbox = Sandbox::project("levain", "fr");
    let site = strict_build(&sandbox, "2026-06-01");
    let want = [
        ("fr", "3 ans", "18 mois"),
        ("en", "3 years", "18 months"),
        ("de", "3 Jahre", "18 Monate"),
        ("es", "3 años", "18 meses"),
    ];
    for (locale, years, months) in want {
        let page = format!("{locale}/conservation.html");
        let purchases = text(&site, &page, "duree-achats").replace('\u{a0}', " ");
        let account = text(&site, &page, "duree-compte-inactif").replace('\u{a0}', " ");
        assert!(purchases.contains(years), "{locale}: {purchases}");
        assert!(account.contains(months), "{locale}: {account}");
        let rights = site.html(&format!("{locale}/vos-droits.html"));
        assert_eq!(
            rights.all_attrs("#droits a", "href"),
            [
                "mailto:dpo@levain.example",
                "https://www.cnil.fr/fr/adresser-une-plainte"
            ],
            "{locale}"
        );
    }
    // No training rule, no covered products: nothing of the shipped policy appears.
    assert!(!site.files.keys().any(|k| k.contains("training")));

    // Every other locale is checked against French.
    sandbox.edit(
        "locales/de/levain.ftl",
        "droit-acces = eine Kopie Ihrer Daten erhalten,\n",
        "",
    );
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    assert!(
        run.stdout
            .contains("message `droit-acces` is missing in `de`")
            && run.stdout.contains("defined in `fr` here"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_reference_message_that_misuses_a_variable_is_one_error_at_its_line() {
    let sandbox = Sandbox::project("aurora", "en");
    sandbox.edit(
        "locales/en/aurora.ftl",
        "We delete the audio { $audio-kept } after",
        "We delete the audio { $audio-kep } after",
    );
    let run = sandbox.run(&["check", "--format", "json"]);
    assert!(!run.success);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let errors: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["code"], "PG0518");
    assert_eq!(errors[0]["file"], "locales/en/aurora.ftl");
    let line = sandbox
        .read("locales/en/aurora.ftl")
        .lines()
        .position(|l| l.contains("{ $audio-kep }"))
        .unwrap()
        + 1;
    assert_eq!(errors[0]["line"], line);
    assert!(errors[0]["help"].as_str().unwrap().contains("$audio-kept"));
}

#[test]
fn bad_links_unknown_keywords_and_misplaced_lists_are_located() {
    let cases = [
        (
            "{ link: \"https://lumenfield.example/privacy\" }",
            "{ link: \"htps:/lumenfield\" }",
            "htps:/lumenfield",
            "PG0121",
        ),
        (
            "what-we-keep: { link: data-categories }",
            "what-we-keep: { link: data-kategories }",
            "data-kategories",
            "PG0121",
        ),
        (
            "sharing: { keyword: never }",
            "sharing: { keyword: nevr }",
            "nevr",
            "PG0120",
        ),
        (
            "{ kept-for: { duration: 30 days } }",
            "{ kept-for: { duration: 30 dayz } }",
            "30 dayz",
            "PG0101",
        ),
    ];
    for (from, to, token, code) in cases {
        let sandbox = Sandbox::project("aurora", "en");
        sandbox.edit("policy/policy.yaml", from, to);
        let text = sandbox.read("policy/policy.yaml");
        let line = text.lines().position(|l| l.contains(token)).unwrap() + 1;
        let run = sandbox.run(&["check"]);
        assert!(!run.success, "{to}");
        assert!(
            run.stdout.contains(&format!("error[{code}]"))
                && run.stdout.contains(&format!("policy/policy.yaml:{line}:")),
            "{to}:\n{}",
            run.stdout
        );
    }
}

/// README's "Adding things": a fact added inside an anchored block is in every version
/// that reuses it, so it is not "new"; one written in the newest version alone is new
/// since that version, on its "what changed" page.
#[test]
fn a_fact_added_through_an_anchor_is_not_new_and_one_in_the_newest_version_alone_is() {
    let sandbox = Sandbox::project("aurora", "en");
    sandbox.edit(
        "policy/policy.yaml",
        "items: [contact-email, contact-policy]",
        "items: [contact-email, contact-policy, contact-hours]",
    );
    sandbox.edit(
        "policy/policy.yaml",
        "    blocks: [contact]",
        "    blocks: [contact, contact-response]",
    );
    sandbox.edit(
        "policy/policy.yaml",
        "      - private-mode\n",
        "      - private-mode\n      - contact-response\n",
    );
    for locale in AURORA {
        let file = format!("locales/{locale}/aurora.ftl");
        let text = sandbox.read(&file);
        sandbox.write(
            &file,
            &format!("{text}\ncontact-hours = We answer on working days.\ncontact-response = We answer every request.\n"),
        );
    }
    let run = sandbox.run(&["build", "--no-search", "--today", "2026-06-01"]);
    assert!(run.success, "{}", run.stderr);
    let site = sandbox.site();
    for locale in AURORA {
        let contact = site.html(&format!("{locale}/contact.html"));
        assert!(contact.text_of("contact-hours").is_some(), "{locale}");
        assert!(contact.text_of("contact-response").is_some(), "{locale}");
        let changes = site.html(&format!("{locale}/changes-aurora-2026.html"));
        assert!(
            changes.text_of("contact-hours").is_none(),
            "{locale}: in both versions through the anchor, so not new"
        );
        assert!(
            changes
                .attr("#contact-response", "class")
                .is_some_and(|c| c.contains("change-added")),
            "{locale}: written in the newest version alone, so new since it"
        );
    }
    let en = site.html("en/changes-aurora-2026.html");
    assert!(
        en.text_of("contact-response")
            .is_some_and(|t| t.contains("New since March 1, 2026")),
        "{:?}",
        en.text_of("contact-response")
    );
}
