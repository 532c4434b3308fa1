//! Every language says the same facts: plural keys and units held to CLDR, parity on what
//! each fact says once formatted (not on its digits), and policy numbers written out in
//! words. Each fault is planted in a copy of a four-locale fixture or of the shipped
//! project, and must be an error at the place it was typed.

use serde_json::Value;

use crate::support::{REPO, Sandbox, copy_dir};

/// One finding of `check --format json`.
#[derive(Debug)]
struct Finding {
    severity: String,
    code: String,
    message: String,
    file: String,
    line: u64,
    column: u64,
}

fn findings(sandbox: &Sandbox) -> Vec<Finding> {
    let run = sandbox.run(&["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| Finding {
            severity: f["severity"].as_str().unwrap_or_default().to_owned(),
            code: f["code"].as_str().unwrap_or_default().to_owned(),
            message: f["message"].as_str().unwrap_or_default().to_owned(),
            file: f["file"].as_str().unwrap_or_default().to_owned(),
            line: f["line"].as_u64().unwrap_or_default(),
            column: f["column"].as_u64().unwrap_or_default(),
        })
        .collect()
}

/// The 1-based line and column (in characters) of the `nth` occurrence of `needle`.
fn position(text: &str, needle: &str, nth: usize) -> (u64, u64) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` not found"))
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
    (line, column)
}

/// Asserts an error with `code` at the `nth` occurrence of `needle` in `file`, whose
/// message contains `says`.
fn assert_error_at(
    sandbox: &Sandbox,
    code: &str,
    file: &str,
    needle: &str,
    nth: usize,
    says: &str,
) {
    let (line, column) = position(&sandbox.read(file), needle, nth);
    let all = findings(sandbox);
    assert!(
        all.iter().any(|f| f.code == code
            && f.severity == "error"
            && f.file == file
            && f.line == line
            && f.column == column
            && f.message.contains(says)),
        "no {code} error at {file}:{line}:{column} saying `{says}`; found:\n{all:#?}"
    );
}

/// The 1-based line of `file` that starts with `start` (a message's first line).
fn line_of(sandbox: &Sandbox, file: &str, start: &str) -> u64 {
    let line = sandbox
        .read(file)
        .lines()
        .position(|l| l.starts_with(start));
    line.unwrap_or_else(|| panic!("no line starts with `{start}` in {file}")) as u64 + 1
}

/// Replaces the `nth` occurrence of `from` in a file.
fn replace_nth(sandbox: &Sandbox, file: &str, from: &str, nth: usize, to: &str) {
    let text = sandbox.read(file);
    let at = text
        .match_indices(from)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{from}` not in {file}"))
        .0;
    sandbox.write(
        file,
        &format!("{}{to}{}", &text[..at], &text[at + from.len()..]),
    );
}

/// The aurora fixture (en, fr, de, es) as a project.
fn aurora() -> Sandbox {
    Sandbox::project("aurora", "en")
}

#[test]
fn the_fixtures_and_the_shipped_project_are_clean_under_strict() {
    let with_spanish = Sandbox::real();
    copy_dir(
        &std::path::Path::new(REPO).join("tests/fixtures/locale-es/es"),
        &with_spanish.path("locales/es"),
    );
    // The Spanish copy quotes the French labels; the product has no Spanish interface.
    with_spanish.edit(
        "policy/policy.yaml",
        "  describe: [en, de]\n",
        "  describe: [en, de]\n  none: [es]\n",
    );
    for sandbox in [
        Sandbox::real(),
        with_spanish,
        aurora(),
        Sandbox::project("levain", "fr"),
    ] {
        let run = sandbox.run(&["check", "--strict"]);
        assert!(run.success, "{}{}", run.stdout, run.stderr);
    }
}

#[test]
fn a_plural_key_that_is_no_cldr_category_is_an_error_at_the_key() {
    let sandbox = aurora();
    let file = "locales/es/site.ftl";
    let years = sandbox.read(file).find("[years]").unwrap();
    let one = sandbox.read(file)[years..].find("[one]").unwrap() + years;
    let text = sandbox.read(file);
    sandbox.write(file, &format!("{}[uno]{}", &text[..one], &text[one + 5..]));
    let nth = sandbox.read(file).matches("[uno]").count() - 1;
    assert_error_at(
        &sandbox,
        "PG0545",
        file,
        "[uno]",
        nth,
        "no plural category of `es`",
    );
    // The lacking `[one]` is a warning only: no period of this policy is one year.
    let all = findings(&sandbox);
    let missing = all.iter().find(|f| f.code == "PG0514").expect("PG0514");
    assert_eq!(missing.severity, "warning", "{missing:?}");
    assert!(
        missing
            .message
            .contains("no value the policy gives `$amount`"),
        "{missing:?}"
    );
}

#[test]
fn a_missing_category_a_policy_value_reaches_is_an_error() {
    let sandbox = aurora();
    // A period of one day: `[one]` of days is reached.
    sandbox.edit(
        "policy/policy.yaml",
        "kept-for: { duration: 30 days }",
        "kept-for: { duration: 1 day }",
    );
    let file = "locales/de/site.ftl";
    let text = sandbox.read(file);
    let days = text.find("*[days]").unwrap();
    let one = text[days..].find("[one]").unwrap() + days;
    let line_end = text[one..].find('\n').unwrap() + one + 1;
    sandbox.write(
        file,
        &format!("{}{}", &text[..one], &text[line_end..]).replace("     \n", "\n"),
    );
    let all = findings(&sandbox);
    assert!(
        all.iter().any(|f| f.code == "PG0514"
            && f.severity == "error"
            && f.file == file
            && f.message.contains("the policy's 1 falls to `[other]`")),
        "{all:#?}"
    );
}

#[test]
fn a_period_in_another_unit_is_an_error_naming_cldr_s() {
    let sandbox = aurora();
    sandbox.edit(
        "policy/policy.yaml",
        "kept-for: { duration: 90 days }",
        "kept-for: { duration: 2 years }",
    );
    let file = "locales/es/site.ftl";
    let text = sandbox.read(file);
    let years = text.find("[years]").unwrap();
    let plural = text[years..].find("años").unwrap() + years;
    sandbox.write(
        file,
        &format!("{}meses{}", &text[..plural], &text[plural + "años".len()..]),
    );
    let nth = sandbox.read(file)[..plural].matches("meses").count();
    assert_error_at(
        &sandbox,
        "PG0546",
        file,
        "meses",
        nth,
        "writes 2 years as `2\u{a0}meses`, with the word for months: CLDR writes `2 años`",
    );
}

#[test]
fn a_german_case_of_the_unit_is_cldr_s_unit() {
    let sandbox = aurora();
    replace_nth(&sandbox, "locales/de/site.ftl", "Tage\n", 0, "Tagen\n");
    let all = findings(&sandbox);
    assert!(!all.iter().any(|f| f.code == "PG0546"), "{all:#?}");
    let run = sandbox.run(&["check", "--strict"]);
    assert!(run.success, "{}", run.stdout);
}

#[test]
fn numbers_in_words_are_hand_typed_facts_at_the_word() {
    let sandbox = aurora();
    sandbox.edit(
        "policy/policy.yaml",
        "kept-for: { duration: 30 days }",
        "kept-for: { duration: 2 days }",
    );
    sandbox.edit(
        "policy/policy.yaml",
        "kept-for: { duration: 90 days }",
        "kept-for: { duration: 5 years }",
    );
    let de = "locales/de/aurora.ftl";
    replace_nth(
        &sandbox,
        de,
        "nach der Transkription.",
        0,
        "nach der Transkription, spätestens nach zwei Tagen und achtundvierzig Stunden.",
    );
    let fr = "locales/fr/aurora.ftl";
    let voice = sandbox
        .read(fr)
        .lines()
        .find(|l| l.starts_with("voice-notes ="))
        .unwrap()
        .to_owned();
    sandbox.edit(
        fr,
        &voice,
        &format!("{voice} Vos notes restent cinq ans sur nos serveurs."),
    );
    assert_error_at(
        &sandbox,
        "PG0508",
        de,
        "zwei",
        0,
        "the number 2 in words (`zwei`)",
    );
    assert_error_at(
        &sandbox,
        "PG0508",
        de,
        "achtundvierzig",
        0,
        "the number 48 in words",
    );
    assert_error_at(
        &sandbox,
        "PG0508",
        fr,
        "cinq",
        0,
        "the number 5 in words (`cinq`)",
    );
    // "un" and "une" are articles: never the number 1.
    let all = findings(&sandbox);
    assert!(
        !all.iter().any(|f| f.message.contains("number 1 in words")),
        "{all:#?}"
    );
}

#[test]
fn names_and_digits_are_found_whatever_their_case_joiners_look_alikes_or_script() {
    let fr = "locales/fr/aurora.ftl";
    let voice = aurora()
        .read(fr)
        .lines()
        .find(|l| l.starts_with("voice-notes ="))
        .unwrap()
        .to_owned();
    // Lumenfield, the organization: in lower case, with a zero-width joiner, with a
    // Cyrillic "е"; and 48 in Arabic-Indic digits, 5 as a string literal.
    for (typed, says) in [
        ("lumenfield", "the name `Lumenfield` (as `lumenfield`)"),
        ("Lumen\u{200D}field", "the name `Lumenfield`"),
        ("Lum\u{0435}nfield", "the name `Lumenfield`"),
        ("٤٨ heures", "the number `48`"),
        ("{ \"5\" } appareils", "the number `5`"),
        ("５ appareils", "the number `5`"),
    ] {
        let copy = aurora();
        copy.edit(fr, &voice, &format!("{voice} {typed}."));
        let needle = typed
            .trim_start_matches("{ \"")
            .split(['\"', ' '])
            .next()
            .unwrap();
        assert_error_at(&copy, "PG0508", fr, needle, 0, says);
    }
}

#[test]
fn a_literal_an_extra_entity_or_a_number_key_do_not_say_what_english_says() {
    let fr = "locales/fr/aurora.ftl";
    // The audio is kept 48 hours: a literal instead of the value, an entity English
    // does not name, then a number key.
    for (from, to, says) in [
        (
            "{ $audio-kept }",
            "{ 48 } heures",
            "it shows `$audio-kept` (`48\u{a0}heures`) nowhere where `en` shows it once; it states 48 that no value gives",
        ),
        (
            "{ $audio-kept }",
            "{ $audio-kept } chez { -organization-name }",
            "it names `Lumenfield` (`{ -organization-name }`) once where `en` names it nowhere",
        ),
    ] {
        let sandbox = aurora();
        replace_nth(&sandbox, fr, from, 0, to);
        let line = line_of(&sandbox, fr, "voice-notes =");
        let all = findings(&sandbox);
        assert!(
            all.iter().any(|f| f.code == "PG0512"
                && f.file == fr
                && f.line == line
                && f.message.contains(says)),
            "{all:#?}"
        );
    }
    // A number key in the locale's `duration`: 48 hours read as minutes.
    let sandbox = aurora();
    let site = "locales/fr/site.ftl";
    replace_nth(
        &sandbox,
        site,
        "[hours]\n            { $amount ->\n",
        0,
        "[hours]\n            { $amount ->\n                [48] { $amount } minutes\n",
    );
    let nth = sandbox.read(site)[..sandbox.read(site).find("[48]").unwrap()]
        .matches("minutes")
        .count();
    assert_error_at(
        &sandbox,
        "PG0546",
        site,
        "minutes",
        nth,
        "writes 48 hours as `48 minutes`, with the word for minutes",
    );
}

#[test]
fn the_shipped_french_years_saying_mois_and_a_term_standing_in_for_the_period() {
    let sandbox = Sandbox::real();
    let site = "locales/fr/site.ftl";
    let text = sandbox.read(site);
    let years = text.find("[years]").unwrap();
    let plural = text[years..].find("ans\n").unwrap() + years;
    sandbox.write(
        site,
        &format!("{}mois{}", &text[..plural], &text[plural + 3..]),
    );
    let nth = sandbox.read(site)[..plural].matches("mois").count();
    assert_error_at(
        &sandbox,
        "PG0546",
        site,
        "mois",
        nth,
        "writes 5 years as `5\u{a0}mois`, with the word for months: CLDR writes `5 ans`",
    );

    // The `[months]` and `[years]` keys swapped: five years read "5 mois".
    let sandbox = Sandbox::real();
    let text = sandbox.read(site);
    let swapped = text
        .replacen("[months]", "[tmp]", 1)
        .replacen("[years]", "[months]", 1)
        .replacen("[tmp]", "[years]", 1);
    sandbox.write(site, &swapped);
    assert!(
        findings(&sandbox).iter().any(|f| f.code == "PG0546"
            && f.file == site
            && f.message.contains("writes 5 years as `5\u{a0}mois`")),
        "swapped keys"
    );

    let sandbox = Sandbox::real();
    let file = "locales/fr/retention.ftl";
    let allowed = sandbox
        .read(file)
        .lines()
        .find(|l| l.starts_with("retention-training-allowed ="))
        .unwrap()
        .to_owned();
    sandbox.edit(
        file,
        &allowed,
        &allowed.replace("{ $period }", "{ -duree }"),
    );
    let text = sandbox.read(file);
    sandbox.write(file, &format!("{text}\n-duree = 5 mois\n"));
    assert_error_at(
        &sandbox,
        "PG0508",
        file,
        "5 mois",
        0,
        "`-duree` in `fr` types the number `5`",
    );
    let line = line_of(&sandbox, file, "retention-training-allowed =");
    let all = findings(&sandbox);
    assert!(
        all.iter().any(|f| f.code == "PG0512"
            && f.severity == "error"
            && f.file == file
            && f.line == line
            && f.message
                .contains("it shows `$period` (`5\u{a0}ans`) nowhere where `en` shows it once")),
        "{all:#?}"
    );
}

#[test]
fn a_swapped_entity_is_an_error_at_the_translation() {
    let sandbox = Sandbox::real();
    let file = "locales/fr/personal-data.ftl";
    replace_nth(
        &sandbox,
        file,
        "{ -tier-free-name }",
        0,
        "{ -tier-work-name }",
    );
    let line = line_of(&sandbox, file, "article-scope =");
    let all = findings(&sandbox);
    assert!(
        all.iter().any(|f| f.code == "PG0512"
            && f.severity == "error"
            && f.file == file
            && (f.line, f.column) == (line, 1)
            && f.message.contains(
                "it names `Claude Free` (`{ -tier-free-name }`) nowhere where `en` names it once"
            )
            && f.message
                .contains("`Claude for Work` (`{ -tier-work-name }`) 2 times")),
        "{all:#?}"
    );
}

#[test]
fn a_value_that_would_shadow_a_generated_count_is_an_error_at_it() {
    let sandbox = aurora();
    sandbox.edit(
        "policy/policy.yaml",
        "values: { devices: { number: 5 } }",
        "values: { devices: { number: 5 }, count: { number: 7 } }",
    );
    let (line, column) = position(&sandbox.read("policy/policy.yaml"), "count:", 0);
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    assert!(
        run.stdout.contains("error[PG0133]: the value `count` of `plans-covered` has the name of a value policyglot generates (the number of items of a fact's list)")
            && run.stdout.contains(&format!("policy/policy.yaml:{line}:{column}")),
        "{}{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn another_entity_in_a_page_message_is_an_error_at_its_reference() {
    let sandbox = aurora();
    let fr = "locales/fr/aurora.ftl";
    sandbox.edit(
        fr,
        "site-title = Centre d’aide { -product-name }",
        "site-title = Centre d’aide { -organization-name }",
    );
    assert_error_at(
        &sandbox,
        "PG0517",
        fr,
        "-organization-name",
        0,
        "`site-title` names the entity `-organization-name` where the reference names `-product-name`",
    );
}
