//! `policyglot status`: per locale and per page, the messages translated, stale and
//! missing and the words left to translate, in each format, on the shipped project with
//! a stale message (an English edit after the confirmations) and a missing one planted.

use crate::support::Sandbox;

fn planted() -> Sandbox {
    let sandbox = Sandbox::real();
    // Stale in fr and de (10 words): the English changed after both were confirmed.
    sandbox.edit(
        "locales/en/feedback.ftl",
        "feedback-not-combined = We don’t combine",
        "feedback-not-combined = We never combine",
    );
    // Missing in fr (16 words in English).
    let fr = sandbox.read("locales/fr/retention.ftl");
    let line = fr
        .lines()
        .find(|l| l.starts_with("retention-training-allowed ="))
        .unwrap()
        .to_owned();
    sandbox.write(
        "locales/fr/retention.ftl",
        &fr.replace(&format!("{line}\n"), ""),
    );
    sandbox
}

fn json(sandbox: &Sandbox) -> serde_json::Value {
    let run = sandbox.run(&["status", "--format", "json"]);
    assert!(run.success, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn counts(v: &serde_json::Value) -> [u64; 5] {
    [
        "messages",
        "translated",
        "stale",
        "missing",
        "words_to_translate",
    ]
    .map(|k| v[k].as_u64().unwrap_or_else(|| panic!("{k} in {v}")))
}

fn page<'a>(locale: &'a serde_json::Value, id: Option<&str>) -> &'a serde_json::Value {
    locale["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["page"].as_str() == id)
        .unwrap_or_else(|| panic!("no page {id:?}"))
}

#[test]
fn the_numbers_per_locale_and_page() {
    let sandbox = planted();
    let status = json(&sandbox);
    assert_eq!(status["schema"], "policyglot-status/1");
    assert_eq!(status["reference"], "en");
    let locales = status["locales"].as_array().unwrap();
    let tags: Vec<&str> = locales
        .iter()
        .map(|l| l["locale"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["de", "fr"], "translations only, in the site's order");
    let (de, fr) = (&locales[0], &locales[1]);
    assert_eq!(counts(&fr["total"]), [103, 101, 1, 1, 26]);
    assert_eq!(counts(&de["total"]), [103, 102, 1, 0, 10]);
    assert_eq!(counts(page(fr, Some("data-retention"))), [6, 5, 0, 1, 16]);
    assert_eq!(
        page(fr, Some("data-retention"))["missing_ids"],
        serde_json::json!(["retention-training-allowed"])
    );
    assert_eq!(counts(page(fr, Some("feedback"))), [7, 6, 1, 0, 10]);
    assert_eq!(
        page(fr, Some("feedback"))["stale_ids"],
        serde_json::json!(["feedback-not-combined"])
    );
    assert_eq!(counts(page(de, Some("feedback"))), [7, 6, 1, 0, 10]);
    assert_eq!(counts(page(de, Some("data-retention"))), [6, 6, 0, 0, 0]);
    // The messages of no page: the chrome, the templates' texts.
    assert_eq!(counts(page(fr, None)), [35, 35, 0, 0, 0]);
    // Each part's messages add up; a block shown on two pages counts on each.
    for locale in locales {
        for p in locale["pages"].as_array().unwrap() {
            let [messages, translated, stale, missing, _] = counts(p);
            assert_eq!(messages, translated + stale + missing, "{p}");
        }
    }
}

#[test]
fn text_and_markdown_show_the_same_rows() {
    let sandbox = planted();
    let text = sandbox.run(&["status"]);
    assert!(text.success, "{}", text.stderr);
    let row = |locale: &str, page: &str| -> Vec<String> {
        text.stdout
            .lines()
            .find(|l| {
                let mut cells = l.split_whitespace();
                cells.next() == Some(locale) && cells.next() == Some(page)
            })
            .unwrap_or_else(|| panic!("no row {locale} {page} in\n{}", text.stdout))
            .split_whitespace()
            .skip(2)
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(row("fr", "all"), ["103", "101", "1", "1", "26"]);
    assert_eq!(row("fr", "data-retention"), ["6", "5", "0", "1", "16"]);
    assert_eq!(row("de", "feedback"), ["7", "6", "1", "0", "10"]);

    let md = sandbox.run(&["status", "--format", "markdown"]);
    assert!(md.success);
    assert!(
        md.stdout
            .starts_with("## Translation status (reference: en)\n")
    );
    assert!(
        md.stdout.contains(
            "| locale | page | messages | translated | stale | missing | words to translate |"
        ),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| fr | **all** | 103 | 101 | 1 | 1 | 26 |"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| fr | data-retention | 6 | 5 | 0 | 1 | 16 |")
    );
    assert!(
        md.stdout
            .contains("- fr · data-retention · missing: retention-training-allowed\n"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("- de · feedback · stale: feedback-not-combined\n")
    );
}

#[test]
fn the_html_page_is_written_outside_the_site_and_parses() {
    let sandbox = planted();
    let file = sandbox.path("status.html");
    let run = sandbox.run(&["status", "--html", file.to_str().unwrap(), "--quiet"]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stdout.is_empty(),
        "--quiet prints nothing: {}",
        run.stdout
    );
    assert!(!sandbox.path("site").exists(), "nothing is built");
    let html = std::fs::read_to_string(&file).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let cells = |css: &str| -> Vec<String> {
        doc.select(&scraper::Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(cells("h2"), ["de", "fr"]);
    let total = cells("#locale-fr tr.total td");
    assert_eq!(total[..6], ["all", "103", "101", "1", "1", "26"]);
    assert!(
        cells("#locale-fr td.ids")
            .iter()
            .any(|c| c == "missing: retention-training-allowed"),
        "{html}"
    );
    let dir = sandbox.path("status-page");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(&file, dir.join("status.html")).unwrap();
    let problems = crate::quality::nu_problems(&dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // A folder is no file to write: could not run, nothing written.
    let run = sandbox.run(&["status", "--html", sandbox.root().to_str().unwrap()]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("PG0740"), "{}", run.stderr);
}

#[test]
fn a_folder_with_no_project_cannot_be_read() {
    let dir = tempfile::TempDir::new().unwrap();
    let run = crate::support::run_in(dir.path(), &["status"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("PG0100"), "{}", run.stderr);
}
