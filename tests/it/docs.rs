//! docs/writing-policies.md stays true: its examples are built as one project, and
//! every "on the page" claim it makes is checked on the built site.

use crate::support::{REPO, Sandbox};

/// The fenced blocks of `markdown` whose info string is exactly `info`.
fn blocks<'a>(markdown: &'a str, info: &str) -> Vec<&'a str> {
    let fence = format!("```{info}\n");
    markdown
        .match_indices(&fence)
        .map(|(at, _)| {
            let body = &markdown[at + fence.len()..];
            &body[..body.find("```").expect("closed fence")]
        })
        .collect()
}

/// The product catalogs the page shows (```` ```json catalog interface/en.json ````, in a
/// list item, so indented): each path with its text, dedented.
fn catalogs(markdown: &str) -> Vec<(String, String)> {
    markdown
        .match_indices("```")
        .filter_map(|(at, _)| {
            let line = markdown[at + 3..].lines().next()?;
            let (_, path) = line.split_once(" catalog ")?;
            let body = &markdown[at + 3 + line.len() + 1..];
            let body = &body[..body.find("```").expect("closed fence")];
            let text: String = body
                .lines()
                .map(|l| format!("{}\n", l.strip_prefix("  ").unwrap_or(l)))
                .collect();
            Some((path.trim().to_owned(), text))
        })
        .collect()
}

fn doc() -> String {
    std::fs::read_to_string(std::path::Path::new(REPO).join("docs/writing-policies.md")).unwrap()
}

#[test]
fn each_catalog_format_reads_as_the_page_says() {
    let doc = doc();
    let dir = tempfile::tempdir().unwrap();
    let files = catalogs(&doc);
    assert!(files.len() >= 8, "{files:?}");
    for (path, text) in &files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let claims: Vec<&str> = doc
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("<!-- catalog: ")?
                .strip_suffix(" -->")
        })
        .collect();
    let mut formats = std::collections::BTreeSet::new();
    for claim in &claims {
        let (path, rest) = claim.split_once(' ').unwrap();
        let (language, rest) = rest.split_once(' ').unwrap();
        let (key, want) = rest.split_once(" = ").unwrap();
        let strings = policyglot::interface::read(dir.path(), path, language)
            .unwrap_or_else(|e| panic!("{path}: {e:?}"));
        let entry = strings
            .entries
            .get(key)
            .unwrap_or_else(|| panic!("{path}: no {key}"));
        assert_eq!(entry.text, want.trim_matches('"'), "{claim}");
        formats.insert(policyglot::interface::Format::of(path).unwrap().name());
    }
    assert_eq!(
        formats.len(),
        6,
        "every format has its example: {formats:?}"
    );
    assert_eq!(claims.len(), files.len() + 1, "every example is checked");
}

#[test]
fn the_writers_reference_builds_and_says_what_it_shows() {
    let doc = doc();
    let mut policy = blocks(&doc, "yaml policy-head").concat();
    for block in blocks(&doc, "yaml") {
        for line in block.lines() {
            policy.push_str(&format!("      {line}\n"));
        }
    }
    let messages = blocks(&doc, "ftl").concat();
    assert!(messages.contains("categories ="), "the examples were found");

    let sandbox = Sandbox::fixture("brightwave");
    for dir in ["locales/de", "locales/en"] {
        std::fs::remove_dir_all(sandbox.path(dir)).unwrap();
    }
    sandbox.write("policy/policy.yaml", &policy);
    for (path, text) in catalogs(&doc) {
        sandbox.write(&path, &text);
    }
    // Each locale's own chrome: its `duration` message is held to CLDR's units.
    let chrome = |tag: &str| {
        std::fs::read_to_string(std::path::Path::new(REPO).join(format!("locales/{tag}/site.ftl")))
            .unwrap()
    };
    let project = "site-title = { -product-name } Help\nindex-title = Privacy\nindex-intro = About your data.\nfooter-note = { -organization-name }\nstale-notice = The English text changed on { $changed }.\n    .undated = The English text changed.\n    .link = Read it\npage-guide = The guide.\n    .title = Guide\n";
    // French, the other locale the examples name, as a copy: enough for the build.
    for tag in ["en", "fr"] {
        sandbox.write(&format!("locales/{tag}/site.ftl"), &chrome(tag));
        sandbox.write(
            &format!("locales/{tag}/doc.ftl"),
            &format!("{project}{messages}"),
        );
    }
    let run = sandbox.run(&["build", "--no-search", "--today", "2026-06-01"]);
    assert!(run.success, "{}\n{policy}", run.stderr);
    let page = sandbox.site().html("en/guide.html");

    let claims: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("<!-- on the page: ")?.strip_suffix(" -->"))
        .collect();
    assert!(claims.len() >= 10, "{claims:?}");
    for claim in claims {
        let (id, rest) = claim.split_once(' ').unwrap();
        let id = id.trim_start_matches('#');
        let (verb, quoted) = rest.split_once(' ').unwrap();
        let want = quoted.trim_matches('"');
        match verb {
            "contains" => {
                let text = page
                    .text_of(id)
                    .unwrap_or_else(|| panic!("no #{id}"))
                    .replace('\u{a0}', " ");
                assert!(text.contains(want), "#{id}: {text:?} lacks {want:?}");
            }
            "links" => {
                let want = want.trim_start_matches("to \"");
                let links = page.all_attrs(&format!("#{id} a"), "href");
                assert!(links.iter().any(|l| l == want), "#{id}: {links:?}");
            }
            other => panic!("unknown claim `{other}` in {claim}"),
        }
    }
}
