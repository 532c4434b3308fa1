//! The templates and the confirmations: the input is sections, each opened by a line
//! `%% <file>` naming a template (`templates/<name>.html`, an existing one or a new
//! one) or `locales/confirmed.yaml` / `locales/confirmed-texts.yaml`, written over the
//! real project (every file not named keeps its real text; new templates are removed
//! again before the next input). The confirmations' reader and the whole check (the
//! templates' contexts, every `t()` call, rendering every page) never panic or hang,
//! and whatever `check` passes, `build` must render.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

mod common;

/// The files an input may replace besides templates, and the templates folder.
const CONFIRMATIONS: [&str; 2] = ["locales/confirmed.yaml", "locales/confirmed-texts.yaml"];
const TEMPLATES: &str = "templates";

/// The real text of every file an input may replace: the top-level templates and the
/// confirmations, relative to the project.
fn originals() -> &'static [(PathBuf, Vec<u8>)] {
    static FILES: OnceLock<Vec<(PathBuf, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = common::project();
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(TEMPLATES))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_file())
            .map(|path| path.strip_prefix(root).unwrap().to_owned())
            .collect();
        files.extend(CONFIRMATIONS.iter().map(PathBuf::from));
        files
            .into_iter()
            .map(|file| {
                let bytes = std::fs::read(root.join(&file)).unwrap();
                (file, bytes)
            })
            .collect()
    })
}

/// Whether `name` (the text after `%% `) is a file the input may write.
fn writable(name: &str) -> bool {
    if CONFIRMATIONS.contains(&name) {
        return true;
    }
    name.strip_prefix("templates/")
        .and_then(|file| file.strip_suffix(".html"))
        .is_some_and(|stem| {
            (1..=32).contains(&stem.len())
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Puts back the real files and removes any template an earlier input added.
fn restore(root: &Path) {
    let originals = originals();
    for entry in std::fs::read_dir(root.join(TEMPLATES)).unwrap() {
        let path = entry.unwrap().path();
        let known = originals.iter().any(|(file, _)| root.join(file) == path);
        if !known && path.is_file() {
            std::fs::remove_file(&path).unwrap();
        }
    }
    for (file, bytes) in originals {
        std::fs::write(root.join(file), bytes).unwrap();
    }
}

/// The sections of `data`: (file named by its `%%` line, its bytes). Bytes before the
/// first such line, and sections naming a file the input may not write, are dropped.
fn sections(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut sections: Vec<(String, Vec<u8>)> = Vec::new();
    let mut current: Option<(String, Vec<u8>)> = None;
    for line in data.split_inclusive(|&b| b == b'\n') {
        if let Some(header) = line.strip_prefix(b"%% ") {
            sections.extend(current.take());
            let name = String::from_utf8_lossy(header).trim_end().to_owned();
            current = writable(&name).then(|| (name, Vec::new()));
        } else if let Some((_, bytes)) = current.as_mut() {
            bytes.extend_from_slice(line);
        }
    }
    sections.extend(current);
    sections
}

fuzz_target!(|data: &[u8]| {
    let root = common::project();
    restore(root);
    for (file, bytes) in sections(data) {
        std::fs::write(root.join(file), bytes).unwrap();
    }
    // The reader `check::stale` uses, on its own: a refusal is a located error.
    if let Err(diagnostic) = policyglot::check::stale::read(root) {
        let _ = diagnostic.render(false);
    }
    common::check_agrees_with_build(root);
});
