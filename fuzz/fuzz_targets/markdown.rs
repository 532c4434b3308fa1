//! Message Markdown to HTML: whenever `block` writes a text without the sanitizer
//! (`trusted_block`), it writes the very bytes the sanitizer would, so skipping it never
//! lets through what it would remove nor changes a page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policyglot::render::markdown;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(trusted) = markdown::trusted_block(text) {
        assert_eq!(trusted, markdown::sanitized_block(text), "{text:?}");
    }
});
