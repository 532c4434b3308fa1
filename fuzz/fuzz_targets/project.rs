//! The whole check on a project assembled from the input: up to three parts separated
//! by a line `%%`, written over the policy, the English site.ftl and the French
//! site.ftl of the real project (a missing part keeps the real file). Whatever `check`
//! passes, `build` must render.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

const FILES: [&str; 3] = [
    "policy/policy.yaml",
    "locales/en/site.ftl",
    "locales/fr/site.ftl",
];

fuzz_target!(|data: &[u8]| {
    let root = common::project();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let mut parts =
        data.split_inclusive(|&b| b == b'\n')
            .fold(vec![Vec::new()], |mut parts, line| {
                if line == b"%%\n" {
                    parts.push(Vec::new());
                } else {
                    parts.last_mut().unwrap().extend_from_slice(line);
                }
                parts
            });
    parts.resize(FILES.len(), Vec::new());
    for (file, part) in FILES.iter().zip(&parts) {
        let bytes = if part.is_empty() {
            std::fs::read(repo.join(file)).unwrap()
        } else {
            part.clone()
        };
        std::fs::write(root.join(file), bytes).unwrap();
    }
    common::check_agrees_with_build(root);
});
