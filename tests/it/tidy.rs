//! Repository hygiene that a reviewer would otherwise have to remember.

use crate::support::REPO;

#[test]
fn every_source_file_says_what_it_owns() {
    for entry in walkdir::WalkDir::new(std::path::Path::new(REPO).join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                text.starts_with("//!"),
                "{} must start with a `//!` line",
                entry.path().display()
            );
        }
    }
}

#[test]
fn every_dependency_is_justified() {
    let manifest = std::fs::read_to_string(std::path::Path::new(REPO).join("Cargo.toml")).unwrap();
    let mut previous = "";
    let mut in_deps = false;
    for line in manifest.lines() {
        if line.starts_with('[') {
            in_deps = line.contains("dependencies");
        } else if in_deps && !line.trim().is_empty() && !line.starts_with('#') {
            assert!(
                previous.starts_with('#'),
                "dependency without a justification comment: {line}"
            );
        }
        previous = line;
    }
}

#[test]
fn the_committed_json_schema_is_current() {
    let run = crate::support::Sandbox::real().run(&["schema"]);
    assert!(run.success);
    let committed =
        std::fs::read_to_string(std::path::Path::new(REPO).join("policy/policy.schema.json"))
            .unwrap();
    assert_eq!(
        run.stdout, committed,
        "run `cargo run -- schema > policy/policy.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    // Unknown fields are errors for editors too, and typed values carry their rules.
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["$defs"]["Date"]["format"], "date");
    assert!(schema["$defs"]["Id"]["pattern"].is_string());
    let units = schema["$defs"]["Duration"]["pattern"].to_string();
    assert!(
        units.contains("year") && units.contains("day") && units.contains("hour"),
        "{units}"
    );
    let policy =
        std::fs::read_to_string(std::path::Path::new(REPO).join("policy/policy.yaml")).unwrap();
    assert!(policy.starts_with("# yaml-language-server: $schema=policy.schema.json"));
}
