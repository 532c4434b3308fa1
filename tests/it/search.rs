//! Search in a real headless Chromium: the Pagefind index built in-process with the site
//! (no Node, no npm) finds inflected French and German words and links to the fact block
//! that matched.

use scraper::{Html, Selector};

use crate::support::{Sandbox, rendered_dom, serve};

fn first_result(base: &str, locale: &str, query: &str) -> (String, String) {
    // Pagefind loads its index asynchronously; on a busy machine one snapshot of the page
    // can come before the results, so take a few.
    for _ in 0..5 {
        let url = format!("{base}/{locale}/search.html?q={query}");
        let dom = Html::parse_document(&rendered_dom(&url));
        if let Some(link) = dom
            .select(&Selector::parse("#search-results li a").unwrap())
            .next()
        {
            return (
                link.value().attr("href").unwrap().to_owned(),
                link.text().collect(),
            );
        }
    }
    panic!("{locale}: no result for {query}");
}

#[test]
fn inflected_words_find_the_retention_block_in_french_and_german() {
    let sandbox = Sandbox::real();
    // Nothing on PATH: the index is made in-process, no `node`, `npm` or `pagefind` needed.
    let nothing = tempfile::TempDir::new().unwrap();
    let run = sandbox.run_with(&["build"], &[("PATH", nothing.path())]);
    assert!(run.success, "{}", run.stderr);
    assert!(
        sandbox.path("site/pagefind/pagefind.js").exists(),
        "the build made a search index"
    );
    let base = serve(sandbox.path("site"));
    // "conservées" is not in the French pages (they say "conservons", "conservez-vous").
    let (href, title) = first_result(&base, "fr", "conserv%C3%A9es");
    assert!(
        href.ends_with("/fr/data-retention.html#retention"),
        "{href}"
    );
    assert!(title.contains("Combien de temps"), "{title}");
    // "speichert" is not in the German pages (they say "speichern", "gespeichert").
    let (href, _) = first_result(&base, "de", "speichert");
    assert!(
        href.ends_with("/de/data-retention.html#retention"),
        "{href}"
    );
    // Each language searches its own pages only.
    let (href, _) = first_result(&base, "en", "keeping");
    assert!(href.contains("/en/"), "{href}");
}

#[test]
fn an_unchanged_site_reuses_its_search_index() {
    let sandbox = Sandbox::real();
    assert!(sandbox.build().success);
    let first = sandbox.site();
    assert!(sandbox.build().success);
    assert_eq!(sandbox.site(), first, "same pages, same index");
    sandbox.edit(
        "locales/en/retention.ftl",
        "depends on your choice",
        "depends on what you choose",
    );
    assert!(sandbox.build().success);
    let changed = sandbox.site();
    let index_files = |site: &crate::support::Site| -> Vec<String> {
        site.files
            .keys()
            .filter(|k| k.starts_with("pagefind/"))
            .cloned()
            .collect()
    };
    assert_ne!(
        index_files(&changed),
        index_files(&first),
        "a changed page is re-indexed"
    );
}

/// Pagefind needs a current folder: a deleted one is an error the user can act on, the
/// previous site untouched, never a crash.
#[cfg(unix)]
#[test]
fn a_deleted_current_folder_is_an_error_not_a_crash() {
    let sandbox = Sandbox::real();
    let gone = sandbox.path("gone");
    std::fs::create_dir(&gone).unwrap();
    let run = crate::support::Run::from(
        std::process::Command::new("sh")
            .args([
                "-c",
                "cd \"$1\" && rmdir \"$1\" && exec \"$2\" --root \"$3\" build",
            ])
            .arg("sh")
            .arg(&gone)
            .arg(env!("CARGO_BIN_EXE_policyglot"))
            .arg(sandbox.root())
            .env("NO_COLOR", "1")
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("error[PG0402]"), "{}", run.stderr);
    assert!(run.stderr.contains("current folder"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!sandbox.path("site").exists(), "nothing published");
}

/// A re-index after a page changed hard-links what Pagefind gives back unchanged (its
/// script, styles and WebAssembly, the fragments of unchanged pages) from the site it
/// replaces, and the result is byte for byte what a build from scratch writes.
#[cfg(unix)]
#[test]
fn a_changed_site_links_the_unchanged_part_of_its_index() {
    use std::os::unix::fs::MetadataExt;
    let sandbox = Sandbox::real();
    sandbox.build_ok();
    let inode = |file: &str| {
        std::fs::metadata(sandbox.path(&format!("site/pagefind/{file}")))
            .unwrap()
            .ino()
    };
    let statics = ["pagefind.js", "pagefind-ui.js", "wasm.fr.pagefind"];
    let before: Vec<u64> = statics.iter().map(|f| inode(f)).collect();
    let entry = sandbox.read("site/pagefind/pagefind-entry.json");
    sandbox.edit(
        "locales/fr/retention.ftl",
        "nous les conservons pendant",
        "nous les gardons pendant",
    );
    let changed = sandbox.build_ok();
    assert_ne!(
        sandbox.read("site/pagefind/pagefind-entry.json"),
        entry,
        "the French pages were indexed again"
    );
    let after: Vec<u64> = statics.iter().map(|f| inode(f)).collect();
    assert_eq!(after, before, "{statics:?} linked, not written again");
    let run = sandbox.run(&["build", "--out", "fresh"]);
    assert!(run.success, "{}", run.stderr);
    assert_eq!(
        changed,
        crate::support::Site::read(&sandbox.path("fresh")),
        "the same site as a build from scratch"
    );
}

#[test]
fn a_change_in_one_locale_reindexes_only_that_locale() {
    let sandbox = Sandbox::real();
    sandbox.build_ok();
    let bundle = sandbox.path("site/pagefind");
    let files = |prefix: &str| -> Vec<std::path::PathBuf> {
        walkdir::WalkDir::new(&bundle)
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.starts_with(&format!("{prefix}_")) || name.contains(&format!(".{prefix}_"))
            })
            .collect()
    };
    // A mark planted in an English and a German fragment of the built site: a build
    // that indexes those languages again would write Pagefind's bytes over it.
    let planted: Vec<_> = ["en", "de"]
        .iter()
        .map(|l| {
            let fragment = files(l)
                .into_iter()
                .find(|p| p.extension().is_some_and(|x| x == "pf_fragment"))
                .unwrap();
            std::fs::remove_file(&fragment).unwrap();
            std::fs::write(&fragment, "planted").unwrap();
            fragment
        })
        .collect();
    let french: Vec<_> = files("fr");
    sandbox.edit(
        "locales/fr/retention.ftl",
        "nous les conservons pendant",
        "nous les gardons pendant",
    );
    sandbox.build_ok();
    for fragment in &planted {
        assert_eq!(
            std::fs::read_to_string(fragment).unwrap(),
            "planted",
            "{fragment:?}: its language was indexed again"
        );
    }
    assert_ne!(files("fr"), french, "the French index was made again");
}
