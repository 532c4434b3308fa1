//! Text as a reader reads it, for finding facts typed by hand: case folded, NFKC
//! normalized (full-width letters and digits, ligatures), invisible format characters
//! dropped (zero-width joiners, soft hyphens), non-ASCII letters replaced by their UTS #39
//! confusable skeleton (a Cyrillic "е" reads as "e"), and every decimal digit of any
//! script as its ASCII digit ("٥" and "５" read as "5"). Each folded byte remembers
//! where it came from, so a finding points at what was typed.

use unicode_normalization::UnicodeNormalization;

/// A folded text and where each of its bytes came from in the original.
pub struct Folded {
    pub text: String,
    /// Where the folded text's pieces start: (folded offset, original offset, whether
    /// the piece is a run of ASCII, which maps byte for byte). A piece that is not ASCII
    /// is one original character's folding. Empty: an ASCII text, mapped to itself.
    pieces: Vec<(usize, usize, bool)>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut folded = Folded {
            text: String::new(),
            pieces: Vec::new(),
            original_len: original.len(),
        };
        if original.is_ascii() {
            folded.text = original.to_ascii_lowercase();
            return folded;
        }
        // Decomposed accents grow a text (é: 2 bytes, e + U+0301: 3).
        let text = &mut folded.text;
        text.reserve(original.len() * 3 / 2);
        let mut at = 0;
        while at < original.len() {
            // A run of ASCII, the most of any text, folds byte for byte in one go.
            let run = original.as_bytes()[at..]
                .iter()
                .take_while(|b| b.is_ascii())
                .count();
            if run > 0 {
                folded.pieces.push((text.len(), at, true));
                text.push_str(&original[at..at + run]);
                let len = text.len();
                text[len - run..].make_ascii_lowercase();
                at += run;
                continue;
            }
            let c = original[at..].chars().next().expect("not at the end");
            folded.pieces.push((text.len(), at, false));
            fold_char(c, text);
            at += c.len_utf8();
        }
        folded
    }

    /// The original byte range that folded bytes `start..end` came from: from the
    /// character the first came from to the end of the one the last came from.
    pub fn original(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        if self.pieces.is_empty() {
            return start..end;
        }
        // The piece holding folded byte `i`, and its index.
        let piece = |i: usize| self.pieces.partition_point(|p| p.0 <= i) - 1;
        let first = self.pieces[piece(start)];
        let from = match first.2 {
            true => first.1 + (start - first.0),
            false => first.1,
        };
        let last_at = piece(end - 1);
        let last = self.pieces[last_at];
        let to = match last.2 {
            true => last.1 + (end - last.0),
            false => self
                .pieces
                .get(last_at + 1)
                .map_or(self.original_len, |next| next.1),
        };
        from..to
    }
}

/// `text` folded alone (a name or a number in words, to search for).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Latin letters with accents, the usual non-ASCII of European texts, each folded the
    // first time a text holds it (a text holds a dozen of them, the table 464); the few
    // others a text repeats (’, no-break spaces) once per thread.
    const LATIN_END: usize = 0x250;
    static LATIN: [std::sync::OnceLock<Box<str>>; LATIN_END - 0x80] =
        [const { std::sync::OnceLock::new() }; LATIN_END - 0x80];
    if (c as usize) < LATIN_END {
        out.push_str(LATIN[c as usize - 0x80].get_or_init(|| fold_new(c).into_boxed_str()));
        return;
    }
    thread_local! {
        static FOLDED: std::cell::RefCell<std::collections::HashMap<char, Box<str>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    FOLDED.with(|cache| {
        let mut cache = cache.borrow_mut();
        let folded = cache
            .entry(c)
            .or_insert_with(|| fold_new(c).into_boxed_str());
        out.push_str(folded);
    });
}

fn fold_new(c: char) -> String {
    let mut out = String::new();
    if let Some(d) = decimal_digit(c) {
        out.push(char::from(b'0' + d));
        return out;
    }
    for n in std::iter::once(c).nfkc() {
        if n.is_ascii() {
            out.push(n.to_ascii_lowercase());
        } else {
            // The skeleton drops default-ignorable characters (ZWJ, soft hyphen…).
            let s: String = unicode_security::skeleton(n.encode_utf8(&mut [0; 4])).collect();
            out.extend(s.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// The value of a decimal digit of any script (Unicode general category Nd). Decimal
/// digits come in runs of ten, zero first (Unicode guarantees it for Nd), so the value is
/// how far the run's zero lies back; the zero is the first of the run that is not preceded
/// by a digit ten places on (adjacent runs, such as the mathematical digits, are folded
/// to ASCII by NFKC before this is asked).
pub fn decimal_digit(c: char) -> Option<u8> {
    use icu::properties::CodePointMapData;
    use icu::properties::props::GeneralCategory;
    if c.is_ascii() {
        return c.is_ascii_digit().then(|| c as u8 - b'0');
    }
    // No script's digits come before the Arabic-Indic ones: Latin letters, the usual
    // non-ASCII of a text, are answered without a lookup.
    if (c as u32) < 0x0660 {
        return None;
    }
    let categories = CodePointMapData::<GeneralCategory>::new();
    let is_digit = |c: u32| {
        char::from_u32(c).is_some_and(|c| categories.get(c) == GeneralCategory::DecimalNumber)
    };
    let code = c as u32;
    if !is_digit(code) || std::iter::once(c).nfkc().any(|n| n.is_ascii_digit()) {
        return None;
    }
    let back = (1..=9).take_while(|k| is_digit(code - k)).count() as u8;
    Some(back)
}

/// Whether `c` continues a word or a number (so a match next to it is part of a longer
/// one: "vingt-deux" holds no "deux", "15" no "5").
pub fn is_word(c: char) -> bool {
    continues(c) || c == '-' || c == '_'
}

/// Whether `c` is a letter or digit that joins what is next to it into one word: not in
/// the scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar), where
/// "5年" and "和Mirabel" are a value beside a word.
pub fn continues(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(c as u32,
            0x0E00..=0x0EFF // Thai, Lao
            | 0x1000..=0x109F // Myanmar
            | 0x1780..=0x17FF // Khmer
            | 0x3040..=0x30FF // Hiragana, Katakana
            | 0x3400..=0x4DBF // CJK Extension A
            | 0x4E00..=0x9FFF // CJK Unified Ideographs
            | 0xF900..=0xFAFF // CJK Compatibility Ideographs
            | 0x20000..=0x3FFFF) // CJK Extensions B onwards
}

/// The first whole-word occurrence of the folded `needle` (`finder` searches for it) in
/// `haystack`, as an original byte range.
pub fn find_word(
    haystack: &Folded,
    finder: &memchr::memmem::Finder,
) -> Option<std::ops::Range<usize>> {
    let needle = finder.needle();
    if needle.is_empty() {
        return None;
    }
    let text = haystack.text.as_str();
    finder
        .find_iter(text.as_bytes())
        .find(|&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + needle.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
        .map(|i| haystack.original(i, i + needle.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder(needle: &str) -> memchr::memmem::Finder<'_> {
        memchr::memmem::Finder::new(needle.as_bytes())
    }

    #[test]
    fn a_match_maps_back_to_the_characters_it_came_from() {
        // ASCII runs, a full-width letter, a ligature (one character, two folded
        // bytes), an accent and a joiner (folded to nothing) side by side.
        let original = "x Ｌumen ﬁne Café\u{200D}s end";
        let folded = Folded::new(original);
        // The accent is kept, decomposed (the skeleton's form).
        assert_eq!(folded.text, "x lumen fine cafe\u{301}s end");
        let at = |needle: &str| {
            let i = folded.text.find(needle).expect(needle);
            &original[folded.original(i, i + needle.len())]
        };
        assert_eq!(at("lumen"), "Ｌumen");
        assert_eq!(at("fine"), "ﬁne");
        assert_eq!(at("f"), "ﬁ", "half a ligature is the whole character");
        assert_eq!(
            at("cafe"),
            "Café",
            "half an accented letter is the whole letter"
        );
        assert_eq!(at("cafe\u{301}s"), "Café\u{200D}s");
        assert_eq!(at("end"), "end");
        assert_eq!(at("x"), "x");
    }

    #[test]
    fn names_fold_through_case_joiners_and_confusables() {
        let name = fold("Lumen Studio");
        for typed in [
            "lumen studio",
            "Lu\u{200D}men Studio",
            "Lum\u{0435}n Studio",
            "ＬＵＭＥＮ Studio",
        ] {
            let folded = Folded::new(&format!("Try {typed} now"));
            let found = find_word(&folded, &finder(&name)).expect(typed);
            assert_eq!(&format!("Try {typed} now")[found], typed);
        }
        assert!(find_word(&Folded::new("Lumen Studios"), &finder(&name)).is_none());
    }

    #[test]
    fn digits_of_any_script_read_as_ascii() {
        assert_eq!(decimal_digit('٥'), Some(5));
        assert_eq!(decimal_digit('۰'), Some(0));
        assert_eq!(decimal_digit('९'), Some(9));
        assert_eq!(decimal_digit('a'), None);
        assert_eq!(fold("٥ ans, ５ ans"), "5 ans, 5 ans");
        let text = "pendant ٤٨ heures";
        let found = find_word(&Folded::new(text), &finder("48")).unwrap();
        assert_eq!(&text[found], "٤٨");
        assert!(find_word(&Folded::new("vingt-deux"), &finder("deux")).is_none());
        assert!(find_word(&Folded::new("保存期間は5年です"), &finder("5")).is_some());
    }
}
