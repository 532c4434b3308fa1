//! Nothing from the policy, a translation or Markdown can inject markup, and the build
//! never replaces a folder it did not create.

use scraper::Selector;

use crate::support::{LOCALES, Sandbox, Site};

fn assert_inert(site: &Site) {
    for (path, bytes) in &site.files {
        if !path.ends_with(".html") {
            continue;
        }
        let page = site.html(path);
        // The only scripts are the templates' own files under assets/.
        for script in page.0.select(&Selector::parse("script").unwrap()) {
            let src = script.value().attr("src").unwrap_or_default();
            assert!(
                src.contains("assets/") && script.inner_html().is_empty(),
                "{path}: inline or foreign script"
            );
        }
        for css in [
            "img",
            "iframe",
            "[onerror]",
            "[onclick]",
            "a[href^=\"javascript\"]",
        ] {
            let found = page.0.select(&Selector::parse(css).unwrap()).count();
            assert_eq!(found, 0, "{path} has {css}");
        }
        assert!(
            !String::from_utf8_lossy(bytes).contains("alert(document.domain)</script>"),
            "{path}"
        );
    }
}

#[test]
fn script_in_a_policy_value_is_inert() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "policy/policy.yaml",
        "name: Claude Pro",
        "name: \"Claude <script>alert(document.domain)</script> Pro\"",
    );
    sandbox.edit(
        "policy/policy.yaml",
        "fr: Aider à améliorer Claude",
        "fr: \"<img src=x onerror=alert(document.domain)>\"",
    );
    let site = sandbox.build_ok();
    assert_inert(&site);
    for locale in LOCALES {
        let text = site
            .html(&format!("{locale}/covered-products.html"))
            .text_of("tier-pro")
            .unwrap();
        assert_eq!(
            text, "Claude <script>alert(document.domain)</script> Pro",
            "shown as text in {locale}"
        );
    }
    let text = site
        .html("fr/conversations-and-training.html")
        .text_of("training-choice")
        .unwrap();
    assert!(
        text.contains("<img src=x onerror=alert(document.domain)>"),
        "{text}"
    );
}

#[test]
fn script_in_a_translation_is_inert() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "locales/fr/retention.ftl",
        "pendant { $period }.",
        "pendant { $period }. <script>alert(document.domain)</script> <img src=x onerror=alert(document.domain)> [lien](javascript:alert(document.domain)) <a href=\"javascript:alert(document.domain)\" onclick=\"x()\">a</a>",
    );
    let site = sandbox.build_ok();
    assert_inert(&site);
    let text = site
        .html("fr/data-retention.html")
        .text_of("retention-training-declined")
        .unwrap();
    assert!(
        text.contains("<script>alert(document.domain)</script>"),
        "visible, not executed: {text}"
    );
}

#[test]
fn refuses_a_non_empty_folder_it_did_not_create() {
    let sandbox = Sandbox::real();
    sandbox.write("precious/notes.txt", "do not delete");
    let run = sandbox.run(&["build", "--out", "precious"]);
    assert!(!run.success);
    assert!(
        run.stderr
            .contains("refusing to replace a non-empty folder"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("precious"), "{}", run.stderr);
    let left = Site::read(&sandbox.path("precious"));
    assert_eq!(left.files.keys().collect::<Vec<_>>(), ["notes.txt"]);
    assert_eq!(sandbox.read("precious/notes.txt"), "do not delete");
}

#[test]
fn refuses_a_file_as_output() {
    let sandbox = Sandbox::real();
    sandbox.write("out.html", "x");
    let run = sandbox.run(&["build", "--out", "out.html"]);
    assert!(!run.success);
    assert_eq!(sandbox.read("out.html"), "x");
}

#[test]
fn builds_into_an_empty_folder_and_replaces_its_own_output() {
    let sandbox = Sandbox::real();
    std::fs::create_dir_all(sandbox.path("public")).unwrap();
    assert!(sandbox.run(&["build", "--out", "public"]).success);
    // A stale file from an older build disappears: the site is replaced, not merged.
    sandbox.write("public/en/old-page.html", "stale");
    assert!(sandbox.run(&["build", "--out", "public"]).success);
    let site = Site::read(&sandbox.path("public"));
    assert!(!site.files.contains_key("en/old-page.html"));
    assert!(site.files.contains_key("en/index.html"));
    // No staging or old folders are left next to it.
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".policyglot"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
