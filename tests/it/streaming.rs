//! `build` writes each page as it is rendered (never the whole site in memory): the site
//! it writes is the one `check` renders in memory, file for file, and a build that fails
//! while writing publishes nothing and leaves no staging folder behind.

use std::path::Path;

use policyglot::pipeline::{self, Options};
use policyglot::policy::Date;
use policyglot::render::Publication;

use crate::support::{Sandbox, Site};

const TODAY: &str = "2025-10-01";
const BASE: &str = "https://help.example.org/privacy/";

/// The site `pipeline::run` renders in memory for the sandbox, by path.
fn in_memory(sandbox: &Sandbox, base_url: Option<&str>) -> Site {
    let options = Options {
        publication: Publication {
            today: Date::parse(TODAY).unwrap(),
            base_url: base_url.map(str::to_owned),
        },
        ..Options::default()
    };
    let analysis = pipeline::run(&policyglot::Project::new(sandbox.root()), options).unwrap();
    assert_eq!(analysis.errors(), 0, "{:?}", analysis.findings);
    let site = analysis.site.expect("rendered");
    Site {
        files: site
            .files
            .into_iter()
            .map(|(path, bytes)| (path.to_string_lossy().replace('\\', "/"), bytes))
            .collect(),
    }
}

/// The files of a built site but its marker.
fn built(dir: &Path) -> Site {
    let mut site = Site::read(dir);
    site.files.remove(policyglot::output::MARKER);
    site
}

fn assert_same(streamed: &Site, memory: &Site, what: &str) {
    assert_eq!(
        streamed.files.keys().collect::<Vec<_>>(),
        memory.files.keys().collect::<Vec<_>>(),
        "{what}: the same files"
    );
    for (path, bytes) in &memory.files {
        assert!(
            streamed.files[path] == *bytes,
            "{what}: {path} differs from the page rendered in memory"
        );
    }
}

#[test]
fn a_build_writes_the_site_that_check_renders_in_memory() {
    // The real project, and a fixture written in French first, with four locales; with a base
    // URL (sitemap, absolute feeds) and without.
    for (name, sandbox) in [
        ("real", Sandbox::real()),
        ("levain", Sandbox::project("levain", "fr")),
    ] {
        for base in [None, Some(BASE)] {
            let mut args = vec!["--today", TODAY, "build", "--no-search"];
            if let Some(base) = base {
                args.extend(["--base-url", base]);
            }
            let run = sandbox.run(&args);
            assert!(run.success, "{name}: {}", run.stderr);
            let streamed = built(&sandbox.path("site"));
            let memory = in_memory(&sandbox, base);
            assert!(memory.files.keys().any(|p| p.starts_with("feeds/")));
            assert_eq!(
                memory.files.contains_key("sitemap.xml"),
                base.is_some(),
                "{name}: a sitemap with a base URL only"
            );
            assert_same(&streamed, &memory, name);
        }
    }
}

#[test]
fn a_build_with_search_writes_the_same_pages_and_indexes_them_from_the_staged_site() {
    let sandbox = Sandbox::real();
    let run = sandbox.run(&["--today", TODAY, "build"]);
    assert!(run.success, "{}", run.stderr);
    let mut streamed = built(&sandbox.path("site"));
    let bundle: Vec<String> = streamed
        .files
        .keys()
        .filter(|p| p.starts_with("pagefind/"))
        .cloned()
        .collect();
    // Every language indexed, each with its pages (read back from the staging folder).
    let entry: serde_json::Value =
        serde_json::from_slice(&streamed.files["pagefind/pagefind-entry.json"]).unwrap();
    for tag in ["en", "fr", "de"] {
        assert!(
            entry["languages"][tag]["page_count"].as_u64() > Some(0),
            "{tag}: {entry}"
        );
    }
    for path in bundle {
        streamed.files.remove(&path);
    }
    assert_same(&streamed, &in_memory(&sandbox, None), "with search");
}

#[test]
fn a_build_that_cannot_write_its_output_publishes_nothing_and_leaves_no_staging_folder() {
    let sandbox = Sandbox::real();
    // A folder policyglot did not make: the first page rendered is refused, after every
    // check passed.
    sandbox.write("public/notes.txt", "mine");
    let run = sandbox.run(&["build", "--out", "public"]);
    assert!(!run.success);
    assert!(run.stderr.contains("PG0400"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("refusing to replace a non-empty folder that policyglot did not create"),
        "{}",
        run.stderr
    );
    assert_eq!(
        Site::read(&sandbox.path("public"))
            .files
            .keys()
            .collect::<Vec<_>>(),
        ["notes.txt"]
    );
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".policyglot"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A check that fails is reported before anything about the output: the staging
    // folder is only made once the checks passed and the first page is rendered.
    sandbox.edit(
        "locales/fr/retention.ftl",
        "retention-feedback =",
        "retention-feedback-x =",
    );
    let run = sandbox.run(&["build", "--out", "public"]);
    assert!(!run.success);
    assert!(run.stderr.contains("PG0501"), "{}", run.stderr);
    assert!(!run.stderr.contains("PG0400"), "{}", run.stderr);
}
