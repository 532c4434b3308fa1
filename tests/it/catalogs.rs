//! The product's interface strings as a source: `{ ui: key }` labels read from the
//! product's catalogs (tests/fixtures/kestrel: JSON, gettext, Apple string catalog and
//! Android resources, one per locale), each locale showing the product's own words, and
//! every fault in a catalog or its use a located finding.

use serde_json::Value;

use crate::support::{Sandbox, Site, git};

const TODAY: &str = "2026-06-01";

fn kestrel() -> Sandbox {
    Sandbox::project("kestrel", "en")
}

/// `check --format json` (with `args`): its exit code and findings.
fn findings(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, Vec<Value>) {
    let mut all = vec!["check", "--format", "json", "--today", TODAY];
    all.extend_from_slice(args);
    let run = sandbox.run(&all);
    let report: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    (run.code, report["findings"].as_array().unwrap().clone())
}

/// The one finding with `code`.
fn the(findings: &[Value], code: &str) -> Value {
    let found: Vec<&Value> = findings.iter().filter(|f| f["code"] == code).collect();
    assert_eq!(found.len(), 1, "one {code} in {findings:#?}");
    found[0].clone()
}

/// 1-based line and column (in characters) of the first `needle` in `file`, after the
/// first `after`.
fn position(sandbox: &Sandbox, file: &str, after: &str, needle: &str) -> (u64, u64) {
    let text = sandbox.read(file);
    let from = text
        .find(after)
        .unwrap_or_else(|| panic!("{after} in {file}"));
    let at = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, col as u64)
}

fn assert_at(finding: &Value, file: &str, (line, col): (u64, u64)) {
    assert_eq!(
        (
            finding["file"].as_str(),
            finding["line"].as_u64(),
            finding["column"].as_u64()
        ),
        (Some(file), Some(line), Some(col)),
        "{finding:#}"
    );
}

fn strict_site(sandbox: &Sandbox) -> Site {
    let check = sandbox.run(&["check", "--strict", "--today", TODAY]);
    assert!(check.success, "{}{}", check.stdout, check.stderr);
    let run = sandbox.run(&["build", "--no-search", "--today", TODAY]);
    assert!(run.success, "{}", run.stderr);
    sandbox.site()
}

fn step(site: &Site, locale: &str, id: &str) -> String {
    site.html(&format!("{locale}/backups.html"))
        .text_of(id)
        .unwrap_or_else(|| panic!("{locale}: no #{id}"))
        .replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn each_locale_shows_the_products_own_label_from_its_catalog() {
    let site = strict_site(&kestrel());
    for (locale, settings, backup) in [
        (
            "en",
            "Open “Settings”.",
            "Turn off “Back up notes to Kestrel Cloud”.",
        ),
        (
            "fr",
            "Ouvrez « Réglages ».",
            "Désactivez « Sauvegarder les notes dans Kestrel Cloud ».",
        ),
        (
            "de",
            "Öffnen Sie „Einstellungen“.",
            "Schalten Sie „Notizen in Kestrel Cloud sichern“ aus.",
        ),
        (
            "es",
            "Abre «Ajustes».",
            "Desactiva «Guardar copia de las notas en Kestrel Cloud».",
        ),
    ] {
        assert_eq!(step(&site, locale, "backup-open"), settings, "{locale}");
        assert_eq!(step(&site, locale, "backup-turn-off"), backup, "{locale}");
        let page = site.html(&format!("{locale}/backups.html"));
        assert_eq!(
            page.attr("main [lang]", "lang"),
            None,
            "{locale}: no label in another language"
        );
    }
}

#[test]
fn a_key_missing_in_one_catalog_is_an_error_at_the_key_naming_the_catalog() {
    let sandbox = kestrel();
    sandbox.edit(
        "interface/fr.po",
        "msgid \"settings.backup.toggle\"\nmsgstr \"Sauvegarder les notes dans Kestrel Cloud\"\n",
        "",
    );
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let missing = the(&found, "PG0140");
    assert_eq!(missing["severity"], "error");
    assert_eq!(
        missing["message"],
        "the key `settings.backup.toggle` is not in the `fr` catalog interface/fr.po"
    );
    assert_at(
        &missing,
        "policy/policy.yaml",
        position(
            &sandbox,
            "policy/policy.yaml",
            "backup: {",
            "settings.backup.toggle",
        ),
    );
    assert!(sandbox.run(&["build", "--no-search"]).code == Some(1));

    // An empty string is no label either.
    let sandbox = kestrel();
    sandbox.edit(
        "interface/en.json",
        "\"Back up notes to Kestrel Cloud\"",
        "\"\"",
    );
    let (_, found) = findings(&sandbox, &[]);
    assert_eq!(
        the(&found, "PG0140")["message"],
        "the key `settings.backup.toggle` is not in the `en` catalog interface/en.json (its text is empty)"
    );
}

#[test]
fn a_catalog_label_typed_by_hand_is_an_error_in_the_translation() {
    let sandbox = kestrel();
    sandbox.edit(
        "locales/fr/kestrel.ftl",
        "Ouvrez « { $settings } ».",
        "Ouvrez « Réglages ».",
    );
    let (code, findings) = findings(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let typed = the(&findings, "PG0508");
    assert_eq!(
        typed["message"],
        "`backup-open` in `fr` types the interface label `Réglages`, which comes from the policy"
    );
    assert_at(
        &typed,
        "locales/fr/kestrel.ftl",
        position(
            &sandbox,
            "locales/fr/kestrel.ftl",
            "backup-open",
            "Réglages",
        ),
    );
    assert!(
        typed["help"].as_str().unwrap().contains("{ $settings }"),
        "{typed}"
    );
}

#[test]
fn a_label_in_another_language_than_its_page_warns_unless_the_product_has_none() {
    let sandbox = kestrel();
    sandbox.edit(
        "policy/policy.yaml",
        "    es: interface/values-es/strings.xml\n",
        "",
    );
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(0), "a warning: {found:#?}");
    let foreign: Vec<&Value> = found.iter().filter(|f| f["code"] == "PG0544").collect();
    assert_eq!(foreign.len(), 2, "{found:#?}");
    let backup = foreign
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("`backup-turn-off`"))
        .unwrap();
    assert_eq!(
        backup["message"],
        "`backup-turn-off` in `es` quotes the `backup` label, which has no `es` text: the `es` page shows the `en` label “Back up notes to Kestrel Cloud”"
    );
    assert_at(
        backup,
        "locales/es/kestrel.ftl",
        position(
            &sandbox,
            "locales/es/kestrel.ftl",
            "backup-turn-off",
            "$backup",
        ),
    );
    let (strict, _) = findings(&sandbox, &["--strict"]);
    assert_eq!(strict, Some(1), "an error under --strict");

    // The product has no Spanish interface: quoting the English one is right.
    sandbox.edit(
        "policy/policy.yaml",
        "interface:\n",
        "interface:\n  none: [es]\n",
    );
    let site = strict_site(&sandbox);
    let page = site.html("es/backups.html");
    assert_eq!(
        page.attr("#backup-turn-off span[lang]", "lang").as_deref(),
        Some("en")
    );
    assert!(step(&site, "es", "backup-turn-off").contains("Back up notes to Kestrel Cloud"));
}

#[test]
fn a_locale_that_describes_the_control_may_leave_the_label_out() {
    let sandbox = kestrel();
    sandbox.edit(
        "policy/policy.yaml",
        "    es: interface/values-es/strings.xml\n",
        "",
    );
    sandbox.edit(
        "locales/es/kestrel.ftl",
        "backup-turn-off = Desactiva «{ $backup }».",
        "backup-turn-off = Desactiva la copia de seguridad en la nube.",
    );
    // Without `describe`, leaving the label out drops a value the reference uses.
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(1));
    the(&found, "PG0507");
    sandbox.edit(
        "policy/policy.yaml",
        "interface:\n",
        "interface:\n  describe: [es]\n",
    );
    sandbox.edit(
        "locales/es/kestrel.ftl",
        "backup-open = Abre «{ $settings }».",
        "backup-open = Abre los ajustes de la aplicación.",
    );
    let site = strict_site(&sandbox);
    assert_eq!(
        step(&site, "es", "backup-turn-off"),
        "Desactiva la copia de seguridad en la nube."
    );
}

#[test]
fn a_placeholder_string_quoted_as_a_label_is_an_error_at_the_key() {
    let sandbox = kestrel();
    sandbox.edit(
        "policy/policy.yaml",
        "backup: { ui: settings.backup.toggle }",
        "backup: { ui: settings.backup.count }",
    );
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let placeholders: Vec<&Value> = found.iter().filter(|f| f["code"] == "PG0143").collect();
    // en ({{count}}), fr (%d), es (%1$d); the German catalog has no such key.
    assert_eq!(placeholders.len(), 3, "{found:#?}");
    let fr = placeholders
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("`fr`"))
        .unwrap();
    assert_eq!(
        fr["message"],
        "the `fr` text of `settings.backup.count` in interface/fr.po holds a placeholder (%d): the product fills it in, so it is not a label readers see"
    );
    assert_at(
        fr,
        "policy/policy.yaml",
        position(
            &sandbox,
            "policy/policy.yaml",
            "backup: {",
            "settings.backup.count",
        ),
    );
    assert!(found.iter().any(|f| {
        f["code"] == "PG0140"
            && f["message"]
                .as_str()
                .unwrap()
                .contains("interface/Localizable.xcstrings")
    }));
}

#[test]
fn a_catalog_that_does_not_parse_is_an_error_at_its_line_and_column() {
    let sandbox = kestrel();
    sandbox.edit(
        "interface/en.json",
        "\"title\": \"Settings\",",
        "\"title\" \"Settings\",",
    );
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let broken = the(&found, "PG0142");
    assert!(
        broken["message"].as_str().unwrap().starts_with(
            "the catalog interface/en.json does not parse as JSON (.json): expected `:`"
        ),
        "{broken}"
    );
    assert_at(&broken, "interface/en.json", (3, 13));

    let sandbox = kestrel();
    sandbox.edit(
        "interface/values-es/strings.xml",
        "<string name=\"settings.title\">Ajustes</string>",
        "<string name=\"settings.title\">Ajustes</strin>",
    );
    let (_, found) = findings(&sandbox, &[]);
    let broken = the(&found, "PG0142");
    assert_eq!(broken["file"], "interface/values-es/strings.xml");
    assert_eq!(broken["line"], 3, "{broken}");

    let sandbox = kestrel();
    sandbox.edit(
        "interface/fr.po",
        "msgid \"settings.title\"",
        "msgid \"settings.title",
    );
    let (_, found) = findings(&sandbox, &[]);
    let broken = the(&found, "PG0142");
    assert_at(
        &broken,
        "interface/fr.po",
        position(&sandbox, "interface/fr.po", "", "msgid \"settings.title"),
    );
}

#[test]
fn a_catalog_outside_the_project_is_refused_at_its_path() {
    let sandbox = kestrel();
    sandbox.write("../kestrel-outside.po", "msgid \"a\"\nmsgstr \"b\"\n");
    sandbox.edit(
        "policy/policy.yaml",
        "fr: interface/fr.po",
        "fr: ../kestrel-outside.po",
    );
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let refused = the(&found, "PG0141");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("`../kestrel-outside.po` is not a path inside the project"),
        "{refused}"
    );
    assert_at(
        &refused,
        "policy/policy.yaml",
        position(
            &sandbox,
            "policy/policy.yaml",
            "catalogs:",
            "../kestrel-outside.po",
        ),
    );
    std::fs::remove_file(sandbox.path("../kestrel-outside.po")).unwrap();
}

#[cfg(unix)]
#[test]
fn a_catalog_linked_out_of_the_project_is_refused_and_never_read() {
    let sandbox = kestrel();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.po"),
        "msgid \"settings.title\"\nmsgstr \"SECRET\"\n",
    )
    .unwrap();
    std::fs::remove_file(sandbox.path("interface/fr.po")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.po"),
        sandbox.path("interface/fr.po"),
    )
    .unwrap();
    let run = sandbox.run(&["check", "--today", TODAY]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.contains("error[PG0141]: the `fr` catalog cannot be used: `interface/fr.po` leads outside the project"), "{}", run.stdout);
    assert!(!run.stdout.contains("SECRET"));
}

#[test]
fn a_catalog_larger_than_the_limit_is_refused_without_being_read() {
    let sandbox = kestrel();
    let big = std::fs::File::create(sandbox.path("interface/en.json")).unwrap();
    big.set_len(policyglot::interface::MAX_CATALOG_BYTES + 1)
        .unwrap();
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let refused = the(&found, "PG0141");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("larger than 8 MiB"),
        "{refused}"
    );
}

#[test]
fn a_ui_label_without_catalogs_or_in_an_unknown_format_is_located() {
    let sandbox = kestrel();
    sandbox.edit(
        "policy/policy.yaml",
        "en: interface/en.json",
        "en: interface/en.yaml",
    );
    let (_, found) = findings(&sandbox, &[]);
    let refused = the(&found, "PG0141");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("`interface/en.yaml` is not a catalog format"),
        "{refused}"
    );
    assert!(
        refused["help"].as_str().unwrap().contains(".xcstrings"),
        "{refused}"
    );

    let sandbox = kestrel();
    let policy = sandbox.read("policy/policy.yaml");
    let start = policy.find("interface:\n").unwrap();
    let end = policy.find("entities:").unwrap();
    sandbox.write(
        "policy/policy.yaml",
        &format!("{}{}", &policy[..start], &policy[end..]),
    );
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let none: Vec<&Value> = found.iter().filter(|f| f["code"] == "PG0140").collect();
    assert_eq!(none.len(), 2, "{found:#?}");
    assert!(
        none[0]["message"]
            .as_str()
            .unwrap()
            .contains("the policy names no catalog")
    );
}

#[test]
fn a_catalog_change_shows_in_diff_as_the_pages_whose_text_changes() {
    let sandbox = kestrel();
    git(&sandbox, &["init", "-q"]);
    git(&sandbox, &["add", "-A"]);
    git(&sandbox, &["commit", "-q", "-m", "first"]);
    sandbox.edit(
        "interface/fr.po",
        "msgstr \"Réglages\"",
        "msgstr \"Paramètres\"",
    );
    git(
        &sandbox,
        &["commit", "-q", "-a", "-m", "the app renames its settings"],
    );

    let run = sandbox.run(&[
        "diff", "HEAD~1", "HEAD", "--today", TODAY, "--format", "json",
    ]);
    assert!(run.success, "{}", run.stderr);
    let review: Value = serde_json::from_str(&run.stdout).unwrap();
    let changed: Vec<String> = review["locales"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["pages"].as_array().unwrap().iter())
        .map(|p| p["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(changed, ["fr/backups.html"], "{review:#}");
    assert!(
        run.stdout.contains("Paramètres") && run.stdout.contains("Réglages"),
        "{}",
        run.stdout
    );

    // The working tree against HEAD: the same catalog, edited on disk.
    sandbox.edit(
        "interface/fr.po",
        "msgstr \"Paramètres\"",
        "msgstr \"Préférences\"",
    );
    let run = sandbox.run(&["diff", "HEAD", "--today", TODAY]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stdout.contains("[-Paramètres-]{+Préférences+}"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("fr/backups.html"), "{}", run.stdout);
}

#[test]
fn a_session_follows_a_catalog_edit_as_a_fresh_run_does() {
    use policyglot::Project;
    use policyglot::pipeline::{self, Session};
    let sandbox = kestrel();
    let project = Project::new(sandbox.root());
    let options = || pipeline::Options {
        publication: policyglot::render::Publication {
            today: policyglot::policy::Date::parse(TODAY).unwrap(),
            base_url: None,
        },
        ..Default::default()
    };
    let page = |analysis: policyglot::check::Analysis| {
        let site = analysis.site.expect("rendered");
        let bytes = &site.files[std::path::Path::new("fr/backups.html")];
        String::from_utf8(bytes.clone()).unwrap()
    };
    let mut session = Session::default();
    assert!(page(session.run(&project, options()).unwrap()).contains("Réglages"));
    // The policy is the same; only its catalog changed, and the session sees it.
    sandbox.edit(
        "interface/fr.po",
        "msgstr \"Réglages\"",
        "msgstr \"Préférences\"",
    );
    let after = page(session.run(&project, options()).unwrap());
    assert!(after.contains("Préférences") && !after.contains("Réglages"));
    assert_eq!(after, page(pipeline::run(&project, options()).unwrap()));
}

#[test]
fn a_catalog_for_a_locale_the_site_lacks_is_a_warning_at_its_tag() {
    let sandbox = kestrel();
    std::fs::remove_dir_all(sandbox.path("locales/es")).unwrap();
    let (code, found) = findings(&sandbox, &[]);
    assert_eq!(code, Some(0), "{found:#?}");
    let unknown = the(&found, "PG0118");
    assert_eq!(
        unknown["message"],
        "`interface:` names a catalog for `es`, which is not a locale of this site (yet)"
    );
    assert_at(
        &unknown,
        "policy/policy.yaml",
        position(&sandbox, "policy/policy.yaml", "catalogs:", "es: interface"),
    );
}
