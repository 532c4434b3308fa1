//! What the policy makes the site write, checked before anything is written, so that
//! what `check` passes `build` writes: every page's and version's file name fits a file
//! system's limit, no page shows a fact twice (its HTML ids would repeat), and names
//! have something to show.

use std::collections::{BTreeSet, HashMap};

use crate::diag::{Diagnostic, Diagnostics, SourceFile};
use crate::policy::Node;
use crate::policy::model::Policy;
use crate::policy::validate::locate_definition;

/// The longest file name common file systems take (ext4, APFS, NTFS: 255 bytes).
const NAME_MAX: usize = 255;

/// Whether `text` shows anything: not only spaces and characters that render as nothing
/// (format characters such as U+200B ZERO WIDTH SPACE, joiners, direction marks, the
/// soft hyphen, variation selectors, tags, Hangul fillers).
pub fn visible(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && !invisible(c))
}

/// Characters with no glyph of their own (Unicode's default-ignorable code points and
/// the blank fillers that render as space).
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// A page id or version id whose file (`<id>.html`, `changes-<id>.html`) is longer than
/// a file name can be.
pub fn file_names(policy: &Policy, file: &SourceFile) -> Diagnostics {
    let pages = policy
        .pages
        .iter()
        .map(|p| (&p.id, format!("{}.html", p.id)));
    let versions = policy
        .versions
        .iter()
        .map(|v| (&v.id, format!("changes-{}.html", v.id)));
    pages
        .chain(versions)
        .filter(|(_, name)| name.len() > NAME_MAX)
        .map(|(id, name)| {
            Diagnostic::error(
                "PG0132",
                format!(
                    "id `{}…` ({} characters) makes a file name of {} bytes, over the limit of {NAME_MAX}",
                    &id.as_str()[..24.min(id.as_str().len())],
                    id.as_str().len(),
                    name.len()
                ),
            )
            .at(locate_definition(file, id), "too long for a file name")
            .help("shorten the id: it names the page's file (`<id>.html`, `changes-<id>.html`)")
        })
        .collect()
}

/// A page that shows a fact twice in some version: a block listed twice, or a block
/// beside one of its own items (or a fact under it). Reported once per page and fact,
/// at the later listing.
/// `indexes` are each version's facts by id (`facts::index`).
pub fn pages_show_each_fact_once(
    policy: &Policy,
    file: &SourceFile,
    indexes: &[HashMap<&str, &Node>],
) -> Diagnostics {
    let mut out = Vec::new();
    let mut reported = BTreeSet::new();
    for index in indexes {
        for page in &policy.pages {
            // Each fact id shown so far, with the listed block that shows it.
            let mut shown: HashMap<&str, &str> = HashMap::new();
            for (at, listed) in page.blocks.iter().enumerate() {
                let Some(node) = index.get(listed.as_str()) else {
                    continue;
                };
                // Entity items repeat entity ids by design (their elements carry none).
                let mut again = None;
                for n in node.walk().filter(|n| n.entity.is_none()) {
                    if let Some(first) = shown.insert(n.id.as_str(), listed.as_str()) {
                        again = again.or(Some((n, first)));
                    }
                }
                // One finding per listing: the first fact it shows again.
                if let Some((n, first)) = again
                    && reported.insert((page.id.as_str(), at))
                {
                    let message = if first == listed.as_str() {
                        format!("page `{}` lists `{listed}` twice", page.id)
                    } else if n.id == *listed {
                        format!(
                            "page `{}` shows `{listed}` twice: on its own and inside `{first}`",
                            page.id
                        )
                    } else {
                        format!(
                            "page `{}` shows `{}` twice: inside `{first}` and inside `{listed}`",
                            page.id, n.id
                        )
                    };
                    let nth = page.blocks[..at].iter().filter(|b| *b == listed).count();
                    out.push(
                        Diagnostic::error("PG0130", message)
                            .at(listing(file, &page.id, listed.as_str(), nth), "shown again here")
                            .help(format!(
                                "list each fact once per page (the HTML id `{}` would repeat): remove this entry, or the one that holds it",
                                n.id
                            )),
                    );
                }
            }
        }
    }
    out
}

/// Where page `page` lists `block` for the `nth` time (0-based), after its definition.
fn listing(
    file: &SourceFile,
    page: &crate::policy::Id,
    block: &str,
    nth: usize,
) -> crate::diag::Location {
    let defined = locate_definition(file, page);
    let text = &*file.text;
    let from = defined.range.end;
    let is_id = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    let found = text[from..]
        .match_indices(block)
        .map(|(i, _)| from + i)
        .filter(|&i| {
            !text
                .as_bytes()
                .get(i.wrapping_sub(1))
                .is_some_and(|&b| is_id(b))
                && !text
                    .as_bytes()
                    .get(i + block.len())
                    .is_some_and(|&b| is_id(b))
        })
        .nth(nth);
    match found {
        Some(at) => file.span(at..at + block.len()),
        None => defined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_only_names_are_not_visible() {
        for empty in [
            "",
            "  ",
            "\u{200B}",
            "\u{200B}\u{200D} \u{FEFF}",
            "\u{00AD}",
            "\u{3000}",
        ] {
            assert!(!visible(empty), "{empty:?}");
        }
        for shown in ["A", "\u{200B}A", "é", "日本"] {
            assert!(visible(shown), "{shown:?}");
        }
    }
}
