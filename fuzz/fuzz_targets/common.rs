//! Shared by the targets: a copy of the real project in a temporary folder (made once
//! per process), and the check-vs-build agreement every whole check must satisfy.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use policyglot::Project;
use policyglot::pipeline;

/// The repository's real project (policy, locales, templates), copied once.
pub fn project() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let root = tempfile::tempdir().unwrap().keep();
        for part in ["policy", "locales", "templates"] {
            for entry in walkdir::WalkDir::new(repo.join(part)) {
                let entry = entry.unwrap();
                let to = root.join(entry.path().strip_prefix(repo).unwrap());
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&to).unwrap();
                } else {
                    std::fs::copy(entry.path(), &to).unwrap();
                }
            }
        }
        root
    })
}

/// Runs the whole check on `root` and asserts what `build` relies on: whatever `check`
/// passes (no error), it has rendered, so `build` publishes it. Never panics otherwise.
pub fn check_agrees_with_build(root: &Path) {
    if let Ok(analysis) = pipeline::run(&Project::new(root), pipeline::Options::default()) {
        if analysis.errors() == 0 {
            assert!(
                analysis.site.is_some(),
                "check passed with 0 errors but rendered no site: build would fail"
            );
        }
    }
}
