//! The .ftl catalog and the Fluent checks: the input replaces the French site.ftl of
//! the real project; reading the catalog never panics or overflows, every problem
//! renders, and the whole check agrees with build.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use policyglot::l10n::catalog;

mod common;

fuzz_target!(|data: &[u8]| {
    let root = common::project();
    std::fs::write(root.join("locales/fr/site.ftl"), data).unwrap();
    let reserved = ["-product-name".to_owned(), "-organization-name".to_owned()];
    if let Ok(catalog) = catalog::read(&root.join("locales"), Path::new("locales"), &reserved, "en")
    {
        for d in catalog.problems() {
            let _ = d.render(false);
        }
    }
    common::check_agrees_with_build(root);
});
