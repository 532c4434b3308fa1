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
