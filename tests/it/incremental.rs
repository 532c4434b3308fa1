//! A `pipeline::Session` (what `serve` rebuilds with) recomputes only what an edit touches,
//! and what it produces is exactly what a fresh run produces, edit after edit.

use policyglot::Project;
use policyglot::check::Analysis;
use policyglot::memo::Tally;
use policyglot::pipeline::{self, Session};

use crate::support::Sandbox;

/// A site's files by path.
type Files = Vec<(String, Vec<u8>)>;

/// What a run yields, comparable: every finding as shown, and the site's files.
fn outcome(analysis: Analysis) -> (Vec<String>, Option<Files>) {
    let findings = analysis.findings.iter().map(|d| d.render(false)).collect();
    let site = analysis.site.map(|s| {
        s.files
            .into_iter()
            .map(|(path, bytes)| (path.display().to_string(), bytes))
            .collect()
    });
    (findings, site)
}

/// Runs the session after an edit, checks it against a fresh run, returns what it
/// re-rendered.
fn rerun(session: &mut Session, project: &Project, what: &str) -> Tally {
    let incremental = outcome(session.run(project, pipeline::Options::default()).unwrap());
    let fresh = outcome(pipeline::run(project, pipeline::Options::default()).unwrap());
    assert_eq!(incremental.0, fresh.0, "findings after {what}");
    assert!(
        incremental.1 == fresh.1,
        "the site after {what} differs from a fresh build's"
    );
    session.rendered()
}

const FR: &str = "locales/fr/retention.ftl";
const FR_TEXT: &str = "nous les conservons pendant { $period }.";

#[test]
fn an_edit_recomputes_only_what_it_touches_and_matches_a_fresh_run() {
    let sandbox = Sandbox::real();
    let project = Project::new(sandbox.root());
    let mut session = Session::default();
    let all = Tally {
        computed: 3,
        reused: 0,
    };
    let one = Tally {
        computed: 1,
        reused: 2,
    };
    assert_eq!(rerun(&mut session, &project, "the first run"), all);
    let none = Tally {
        computed: 0,
        reused: 3,
    };
    assert_eq!(rerun(&mut session, &project, "no edit"), none);

    // One French message: French alone is checked and rendered again.
    sandbox.edit(FR, FR_TEXT, "nous les gardons pendant { $period }.");
    assert_eq!(rerun(&mut session, &project, "a French edit"), one);

    // A German language name shows on every locale's language switcher.
    sandbox.edit(
        "locales/de/site.ftl",
        "language-name = Deutsch",
        "language-name = Deutsch (DE)",
    );
    assert_eq!(rerun(&mut session, &project, "a language name"), all);

    // A broken French file: the same errors as a fresh run, no site; fixed, French again.
    sandbox.edit(
        FR,
        "nous les gardons pendant { $period }.",
        "nous les gardons pendant { $period .",
    );
    rerun(&mut session, &project, "a syntax error");
    sandbox.edit(FR, "nous les gardons pendant { $period .", FR_TEXT);
    assert_eq!(rerun(&mut session, &project, "the fix"), one);

    // English is the reference (other locales' stale notices and checks follow it), the
    // policy and the templates feed every page: each re-renders everything.
    for (file, from, to) in [
        (
            "locales/en/retention.ftl",
            "we keep them for up to { $period }.",
            "we retain them for up to { $period }.",
        ),
        (
            "policy/policy.yaml",
            "id: retention-training-declined\n            values: { period: { duration: 30 days } }",
            "id: retention-training-declined\n            values: { period: { duration: 45 days } }",
        ),
        (
            "templates/base.html",
            "<main id=\"main\" class=\"wrap\">",
            "<main id=\"main\" class=\"wrap page\">",
        ),
    ] {
        sandbox.edit(file, from, to);
        assert_eq!(rerun(&mut session, &project, file), all);
    }

    // A new locale folder joins; removing it leaves the others untouched.
    crate::support::copy_dir(&sandbox.path("locales/fr"), &sandbox.path("locales/fr-CA"));
    rerun(&mut session, &project, "a new locale");
    std::fs::remove_dir_all(sandbox.path("locales/fr-CA")).unwrap();
    rerun(&mut session, &project, "a removed locale");
}
