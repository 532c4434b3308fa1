//! The policy loader and validation: any text is parsed (or refused with a located
//! diagnostic) without a panic; text that parses is checked as the project's policy,
//! with the check-vs-build agreement.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policyglot::diag::SourceFile;
use policyglot::policy::load;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = SourceFile::new("policy/policy.yaml", text);
    match load::parse(&file) {
        Err(d) => {
            let _ = d.render(false);
        }
        Ok(_) => {
            let root = common::project();
            std::fs::write(root.join("policy/policy.yaml"), text).unwrap();
            common::check_agrees_with_build(root);
        }
    }
});
