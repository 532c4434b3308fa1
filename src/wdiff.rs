//! Word diffs: two texts as runs of words that stayed, went and came (similar's word
//! tokenizer), as `diff` shows a paragraph that reads differently and a stale finding
//! shows how its reference text changed.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A run of words that stayed (`same`), went (`removed`) or came (`added`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    pub change: &'static str,
    pub text: String,
}

/// `old` and `new` as runs of same, removed and added words. A change is shown whole:
/// the words it removes, then those it adds (`[-a b-]{+c d+}`, not `[-a-]{+c+} [-b-]{+d+}`).
pub fn words(old: &str, new: &str) -> Vec<Words> {
    let diff = TextDiff::from_words(old, new);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out: Vec<Words> = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for (i, (tag, value)) in tokens.iter().enumerate() {
        let changed =
            |t: Option<&(ChangeTag, &str)>| t.is_some_and(|(t, _)| *t != ChangeTag::Equal);
        // A space between two changes belongs to the change on both sides.
        let inside = *tag == ChangeTag::Equal
            && value.trim().is_empty()
            && i > 0
            && changed(tokens.get(i - 1))
            && changed(tokens.get(i + 1));
        match tag {
            _ if inside => {
                removed.push_str(value);
                added.push_str(value);
            }
            ChangeTag::Delete => removed.push_str(value),
            ChangeTag::Insert => added.push_str(value),
            ChangeTag::Equal => {
                flush_change(&mut out, &mut removed, &mut added);
                push(&mut out, "same", value);
            }
        }
    }
    flush_change(&mut out, &mut removed, &mut added);
    out
}

fn flush_change(out: &mut Vec<Words>, removed: &mut String, added: &mut String) {
    // A change of only spaces on one side (all words were added) shows no marker.
    for (kind, text) in [("removed", &mut *removed), ("added", &mut *added)] {
        if !text.trim().is_empty() {
            push(out, kind, text);
        } else if !text.is_empty() && kind == "added" {
            push(out, "same", text);
        }
        text.clear();
    }
}

fn push(out: &mut Vec<Words>, change: &'static str, text: &str) {
    match out.last_mut() {
        Some(last) if last.change == change => last.text.push_str(text),
        _ => out.push(Words {
            change,
            text: text.to_owned(),
        }),
    }
}

/// `words` written in one line, as `git diff --word-diff` does: `[-removed-]{+added+}`.
pub fn marked(words: &[Words]) -> String {
    words
        .iter()
        .map(|w| match w.change {
            "removed" => format!("[-{}-]", w.text),
            "added" => format!("{{+{}+}}", w.text),
            _ => w.text.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_run_is_marked_whole() {
        let w = words("keep it for 30 days", "keep it for up to 5 years");
        assert_eq!(marked(&w), "keep it for [-30 days-]{+up to 5 years+}");
        assert_eq!(marked(&words("same", "same")), "same");
    }
}
