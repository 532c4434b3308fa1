//! The synthetic project generator shared by `examples/synth` and `benches/stages.rs`:
//! N topics (safeguard items with a ~600-word Markdown message each, and one page per
//! topic) in L locales, in the format of `policy/policy.yaml`, with the repository's
//! templates; optionally the same pages as Hugo, Zola and mdBook sources.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use policyglot::policy::TimeUnit;
use policyglot::render::related;
use policyglot::render::required::RENDERER;
use unic_langid::LanguageIdentifier;

/// What to generate.
pub struct Options {
    /// Number of topics (safeguard items, one page each).
    pub topics: usize,
    /// Number of locales, `en` first (at most 21).
    pub locales: usize,
    /// Words per topic message (approximate).
    pub words: usize,
    /// Project folder to create (replaced if it holds a previous synthetic project).
    pub out: PathBuf,
    /// Also write equivalent Hugo, Zola and mdBook sources under `<out>/peers/`.
    pub peers: bool,
}

/// Pages per locale: the topics, the fixed pages and the index.
pub fn pages_per_locale(topics: usize) -> usize {
    topics + FIXED_PAGES.len() + 1
}

/// Real BCP 47 tags with CLDR data in ICU4X, and their own names.
const LOCALES: [(&str, &str); 21] = [
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("pt", "Português"),
    ("sv", "Svenska"),
    ("da", "Dansk"),
    ("fi", "Suomi"),
    ("pl", "Polski"),
    ("cs", "Čeština"),
    ("ro", "Română"),
    ("hu", "Magyar"),
    ("el", "Ελληνικά"),
    ("tr", "Türkçe"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("zh", "中文"),
    ("ru", "Русский"),
    ("uk", "Українська"),
];

/// Pages before the topic pages: (page id, blocks).
const FIXED_PAGES: [(&str, &[&str]); 6] = [
    (
        "about-data",
        &[
            "about-training",
            "data-sources",
            "personal-data-use",
            "rights",
            "controller-rule",
        ],
    ),
    (
        "conversations",
        &["training-rule", "training-exceptions", "training-choice"],
    ),
    ("retention-periods", &["retention"]),
    ("covered-products", &["coverage"]),
    ("feedback", &["feedback"]),
    ("safeguards-overview", &["safeguards"]),
];

/// splitmix64: small, deterministic, good enough for filler text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// A locale's pseudo-language: a vocabulary and how sentences are punctuated.
struct Language {
    tag: &'static str,
    name: &'static str,
    words: Vec<String>,
    /// Whether words are separated by spaces (not in Japanese and Chinese).
    spaced: bool,
    full_stop: &'static str,
    categories: Vec<&'static str>,
}

fn syllables(tag: &str) -> (Vec<String>, bool, &'static str) {
    let latin = |extra: &str| -> Vec<String> {
        let consonants: Vec<char> = "bcdfghklmnprstvz".chars().chain(extra.chars()).collect();
        let vowels = ['a', 'e', 'i', 'o', 'u'];
        let mut out = Vec::new();
        for c in &consonants {
            for v in vowels {
                out.push(format!("{c}{v}"));
            }
        }
        for v in extra.chars().filter(|c| !c.is_ascii()) {
            out.push(format!("l{v}"));
            out.push(format!("{v}n"));
        }
        out
    };
    let range = |from: u32, to: u32, step: u32| -> Vec<String> {
        (from..=to)
            .step_by(step as usize)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect()
    };
    match tag {
        "el" => (
            "αβγδεζηθικλμνξοπρστυφχψω"
                .chars()
                .flat_map(|c| ["α", "ε", "ο", "ι"].map(|v| format!("{c}{v}")))
                .collect(),
            true,
            ".",
        ),
        "ru" | "uk" => (
            "бвгдклмнпрстфхшч"
                .chars()
                .flat_map(|c| ["а", "о", "е", "и", "у"].map(|v| format!("{c}{v}")))
                .chain(if tag == "uk" {
                    vec!["ї".into(), "є".into()]
                } else {
                    vec!["ы".into(), "ё".into()]
                })
                .collect(),
            true,
            ".",
        ),
        "ja" => (range(0x3042, 0x3093, 1), false, "。"),
        "zh" => (range(0x4E00, 0x9FA5, 97), false, "。"),
        "ko" => (range(0xAC00, 0xD7A3, 61), true, "."),
        "fr" => (latin("éèàçê"), true, "."),
        "de" => (latin("äöüß"), true, "."),
        "es" => (latin("ñáéíóú"), true, "."),
        "it" => (latin("àèìò"), true, "."),
        "pt" => (latin("ãçéõâ"), true, "."),
        "sv" | "fi" => (latin("åäö"), true, "."),
        "da" => (latin("æøå"), true, "."),
        "pl" => (latin("ąęłśżź"), true, "."),
        "cs" => (latin("čřšžěý"), true, "."),
        "ro" => (latin("ăâîșț"), true, "."),
        "hu" => (latin("áéőűö"), true, "."),
        "tr" => (latin("çğışöü"), true, "."),
        _ => (latin("wy"), true, "."),
    }
}

/// The plural categories Fluent selects for `tag` (the same sampling `check` does).
fn plural_categories(tag: &str) -> Vec<&'static str> {
    let langid: LanguageIdentifier = tag.parse().expect("valid tag");
    let rules = PluralRules::create(langid, PluralRuleType::CARDINAL).expect("plural rules");
    let mut out: Vec<&'static str> = Vec::new();
    let samples = (0..=200u32)
        .map(|n| n.to_string())
        .chain(["0.5", "1.5", "1000000", "1e6"].map(String::from));
    for n in samples {
        let name = match rules.select(n.as_str()) {
            Ok(PluralCategory::ZERO) => "zero",
            Ok(PluralCategory::ONE) => "one",
            Ok(PluralCategory::TWO) => "two",
            Ok(PluralCategory::FEW) => "few",
            Ok(PluralCategory::MANY) => "many",
            _ => "other",
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out.retain(|c| *c != "other");
    out
}

impl Language {
    fn new(tag: &'static str, name: &'static str) -> Language {
        let (syll, spaced, full_stop) = syllables(tag);
        let mut rng = Rng(tag.bytes().fold(7, |h, b| h * 31 + u64::from(b)));
        let mut words: Vec<String> = (0..600)
            .map(|_| {
                let n = if spaced {
                    rng.range(1, 4)
                } else {
                    rng.range(1, 3)
                };
                (0..n)
                    .map(|_| syll[rng.below(syll.len())].as_str())
                    .collect()
            })
            .collect();
        words.sort();
        words.dedup();
        Language {
            tag,
            name,
            words,
            spaced,
            full_stop,
            categories: plural_categories(tag),
        }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        &self.words[rng.below(self.words.len())]
    }

    fn join(&self, words: &[String]) -> String {
        words.join(if self.spaced { " " } else { "" })
    }

    /// `n` words, the first capitalized, no final punctuation.
    fn phrase(&self, rng: &mut Rng, n: usize) -> String {
        let words: Vec<String> = (0..n).map(|_| self.word(rng).to_owned()).collect();
        capitalize(&self.join(&words))
    }

    fn sentence(&self, rng: &mut Rng, n: usize) -> String {
        format!("{}{}", self.phrase(rng, n), self.full_stop)
    }

    /// A paragraph of about `words` words; `marks` adds emphasis, strong text and a link.
    fn paragraph(&self, rng: &mut Rng, words: usize, link: Option<&str>) -> String {
        let mut sentences = Vec::new();
        let mut left = words;
        while left > 0 {
            let n = rng.range(8, 16).min(left);
            left -= n;
            let mut w: Vec<String> = (0..n).map(|_| self.word(rng).to_owned()).collect();
            w[0] = capitalize(&w[0]);
            if sentences.len() == 1 && n > 4 {
                w[2] = format!("*{}*", w[2]);
                w[n - 2] = format!("**{}**", w[n - 2]);
            }
            if let (2, Some(href)) = (sentences.len(), link)
                && n > 4
            {
                w[1] = format!("[{} {}]({href})", w[1], w[2]);
                w.remove(2);
            }
            sentences.push(format!("{}{}", self.join(&w), self.full_stop));
        }
        sentences.join(if self.spaced { " " } else { "" })
    }

    /// A topic's Markdown body, as lines: paragraphs, a list, paragraphs (~`words` words).
    fn topic_body(&self, rng: &mut Rng, words: usize, next: &str) -> Vec<String> {
        let per = words / 6;
        let mut lines = vec![
            self.paragraph(rng, per, None),
            String::new(),
            self.paragraph(rng, per, Some(next)),
            String::new(),
        ];
        for _ in 0..6 {
            lines.push(format!("- {}", self.phrase(rng, per / 6)));
        }
        lines.push(String::new());
        for i in 0..3 {
            if i > 0 {
                lines.push(String::new());
            }
            lines.push(self.paragraph(rng, per, None));
        }
        lines
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A Fluent message whose value is several lines (Markdown), plus attributes.
fn message(id: &str, lines: &[String], attributes: &[(&str, String)]) -> String {
    if let [line] = lines {
        let mut out = format!("{id} = {line}\n");
        for (name, value) in attributes {
            writeln!(out, "    .{name} = {value}").unwrap();
        }
        return out;
    }
    let mut out = format!("{id} =");
    for line in lines {
        if line.is_empty() {
            out.push('\n');
        } else {
            write!(out, "\n    {line}").unwrap();
        }
    }
    out.push('\n');
    for (name, value) in attributes {
        writeln!(out, "    .{name} = {value}").unwrap();
    }
    out
}

fn single(id: &str, value: &str, title: Option<String>) -> String {
    let attrs: Vec<(&str, String)> = title.into_iter().map(|t| ("title", t)).collect();
    message(id, &[value.to_owned()], &attrs)
}

fn topic_id(i: usize) -> String {
    format!("topic-{:05}", i + 1)
}

/// Every page id in reading order.
fn page_ids(topics: usize) -> Vec<String> {
    FIXED_PAGES
        .iter()
        .map(|(id, _)| (*id).to_owned())
        .chain((0..topics).map(topic_id))
        .collect()
}

fn policy_yaml(topics: usize) -> String {
    let mut y = String::from(
        r#"# A synthetic policy written by `cargo run --example synth`, for benchmarks.
keywords:
  training-default: [opt-in, opt-out]
entities:
  - { id: organization, name: Quillon }
  - { id: product, name: Mirabel }
  - { id: tier-solo, name: Mirabel Solo }
  - { id: tier-duo, name: Mirabel Duo }
  - id: tier-crew
    name: Mirabel Crew
    values:
      plans: { entities: [plan-atelier, plan-guild] }
  - { id: plan-atelier, name: Atelierplan }
  - { id: plan-guild, name: Guildplan }
pages:
"#,
    );
    for (id, blocks) in FIXED_PAGES {
        writeln!(y, "  - id: {id}\n    blocks: [{}]", blocks.join(", ")).unwrap();
    }
    for i in 0..topics {
        writeln!(y, "  - id: {0}\n    blocks: [{0}]", topic_id(i)).unwrap();
    }
    y.push_str(
        "versions:\n  - id: synthetic-terms\n    effective: 2025-09-28\n    announced: 2025-08-28\n    updated: 2025-08-28\n    sources:\n      - id: source-synthetic\n        title: Synthetic source\n        kind: help-article\n        language: en\n        facts: [about-training, data-sources, personal-data-use, safeguards, training-rule, training-exceptions, training-choice, retention, coverage, feedback, rights, controller-rule]\n    values:\n      default: { keyword: opt-out }\n      setting: { label: { en: Improve the assistant }, sources: { en: source-synthetic } }\n      location: { label: { en: Settings › Privacy }, sources: { en: source-synthetic } }\n    blocks:\n      - about-training\n      - id: data-sources\n        items: [source-web, source-licensed, source-users]\n      - id: personal-data-use\n        items: [never-profiles, never-sell]\n      - id: safeguards\n        items:\n",
    );
    for i in 0..topics {
        writeln!(y, "          - {}", topic_id(i)).unwrap();
    }
    y.push_str(
        "      - id: training-rule\n        values:\n          covered: { entities: [tier-solo, tier-duo] }\n      - id: training-exceptions\n        items: [exception-safety, exception-feedback]\n      - id: training-choice\n        items:\n          - choice-at-signup\n          - id: choice-deadline\n            values: { deadline: { date: 2025-09-28 } }\n      - id: retention\n        items:\n          - id: retention-allowed\n            values: { period: { duration: 5 years } }\n          - id: retention-declined\n            values: { period: { duration: 30 days } }\n      - id: coverage\n        items:\n          - id: coverage-covered\n            values: { tiers: { entities: [tier-solo, tier-duo] } }\n            items: [tier-solo, tier-duo]\n          - id: coverage-not-covered\n            values: { tiers: { entities: [tier-crew] } }\n            items: [tier-crew]\n      - id: feedback\n        items: [feedback-stored, feedback-used]\n      - id: rights\n        items: [right-copy, right-delete]\n        notes: [rights-limits]\n      - controller-rule\n",
    );
    y
}

/// Site chrome and the fixed facts of one locale.
fn fixed_messages(lang: &Language, rng: &mut Rng) -> (String, String) {
    let s = |rng: &mut Rng, n: usize| lang.sentence(rng, n);
    let p = |rng: &mut Rng, n: usize| lang.phrase(rng, n);
    let sp = if lang.spaced { " " } else { "" };
    let mut site = String::from("### Site chrome (synthetic).\n\n");
    site += &single("language-name", lang.name, None);
    site += &single(
        "site-title",
        &format!("{{ -product-name }}{sp}{}", p(rng, 2)),
        None,
    );
    for id in ["skip-to-content", "choose-language"] {
        site += &single(id, &s(rng, 5), None);
    }
    for id in ["language-switcher", "breadcrumb-label", "related-articles"] {
        site += &single(id, &p(rng, 2), None);
    }
    site += &single("index-title", &p(rng, 4), None);
    site += &single(
        "index-intro",
        &format!(
            "{}{sp}{{ -organization-name }}{sp}{}{sp}{{ -product-name }}{}",
            p(rng, 6),
            lang.join(&[lang.word(rng).into(), lang.word(rng).into()]),
            lang.full_stop
        ),
        None,
    );
    site += &single(
        "footer-note",
        &format!("{{ -organization-name }} · {}", p(rng, 3)),
        None,
    );
    site += &single(
        "page-updated",
        &format!("{} {{ $updated }}", p(rng, 1)),
        None,
    );
    site += &single(
        "page-effective",
        &format!("{} {{ $effective }}", p(rng, 1)),
        None,
    );
    // Said after a link to a page in another language; no draw, so the rest of the
    // content does not depend on it.
    site += "link-language =\n    { $language ->\n       *[other] ({ $language })\n    }\n";
    // Shown over a fact a translation has no message for yet (in `serve`); no draw either.
    site += "untranslated-notice = …\n";
    site += &single(
        "page-announced",
        &format!("{} {{ $announced }}", p(rng, 1)),
        None,
    );
    for id in [
        "search-link",
        "search-title",
        "search-label",
        "search-button",
        "search-results",
        "policy-history",
        "not-found-title",
    ] {
        site += &single(id, &p(rng, 2), None);
    }
    for id in [
        "search-no-results",
        "search-unavailable",
        "search-noscript",
        "not-found-text",
    ] {
        site += &single(id, &s(rng, 8), None);
    }
    site += &message(
        "upcoming-notice",
        &[format!("{} {{ $date }}{sp}{}", p(rng, 2), s(rng, 3))],
        &[("link", p(rng, 3))],
    );
    // The "what changed" messages select on whether the change is past or upcoming.
    for (id, ..) in RENDERER
        .iter()
        .filter(|(m, attribute, ..)| m.starts_with("changes-") && attribute.is_none())
    {
        site += &format!(
            "{id} = {{ $status ->\n        [upcoming] {} {{ $date }}\n       *[past] {} {{ $date }}\n    }}\n",
            p(rng, 3),
            p(rng, 3)
        );
    }
    // Durations with every plural category the locale has, each in CLDR's unit for the
    // locale (`check` holds the `duration` message to it): the form for 1 under `[one]`,
    // for 2 under `[two]` and `[few]`, for 30 under `[other]`, for 5 elsewhere. The pseudo-words are still drawn,
    // so the rest of the content does not depend on this.
    let formats = policyglot::l10n::formats::Formats::new(lang.tag).expect("a known locale");
    let mut duration = String::from("duration = { $unit ->\n");
    for (i, (unit, time_unit)) in [
        ("weeks", TimeUnit::Weeks),
        ("months", TimeUnit::Months),
        ("years", TimeUnit::Years),
        ("days", TimeUnit::Days),
    ]
    .into_iter()
    .enumerate()
    {
        let in_cldr = |amount: u32| {
            let text = formats.cldr_duration(amount, time_unit).unwrap_or_default();
            let number = formats.number(f64::from(amount));
            text.replacen(&number, "", 1).trim().to_owned()
        };
        let key = if i == 3 {
            format!("   *[{unit}]")
        } else {
            format!("    [{unit}]")
        };
        if lang.categories.is_empty() {
            let _ = lang.word(rng);
            writeln!(duration, "{key} {{ $amount }}{sp}{}", in_cldr(5)).unwrap();
        } else {
            writeln!(duration, "{key} {{ $amount ->").unwrap();
            for c in &lang.categories {
                let _ = lang.word(rng);
                let amount = match *c {
                    "one" => 1,
                    "two" | "few" => 2,
                    _ => 5,
                };
                // (`[other]` below: 30, as Romanian's "30 de zile" differs from "5 zile".)
                writeln!(
                    duration,
                    "        [{c}] {{ $amount }}{sp}{}",
                    in_cldr(amount)
                )
                .unwrap();
            }
            let _ = lang.word(rng);
            writeln!(duration, "       *[other] {{ $amount }}{sp}{}", in_cldr(30)).unwrap();
            duration.push_str("    }\n");
        }
    }
    duration.push_str("}\n");
    site += &duration;
    site += &message(
        "stale-notice",
        &[format!("{} {{ $changed }}{sp}{}", p(rng, 4), s(rng, 4))],
        &[("undated", s(rng, 6)), ("link", p(rng, 3))],
    );

    let t = |rng: &mut Rng| Some(lang.phrase(rng, 4));
    let mut f = String::from("### Fixed facts (synthetic).\n\n");
    f += &single("about-training", &s(rng, 30), t(rng));
    f += &single(
        "data-sources",
        &format!("{} {{ $count }}{sp}{}", p(rng, 12), s(rng, 3)),
        t(rng),
    );
    for id in [
        "source-web",
        "source-licensed",
        "source-users",
        "never-profiles",
        "never-sell",
        "exception-safety",
        "feedback-stored",
        "feedback-used",
        "right-copy",
        "right-delete",
        "choice-at-signup",
    ] {
        f += &single(id, &p(rng, 6), None);
    }
    f += &single(
        "choice-deadline",
        &format!("{} {{ $deadline }}{sp}{}", p(rng, 4), s(rng, 2)),
        None,
    );
    for id in ["personal-data-use", "safeguards", "feedback", "rights"] {
        f += &single(id, &s(rng, 20), t(rng));
    }
    f += &single("rights-limits", &s(rng, 25), None);
    f += &single(
        "controller-rule",
        &format!(
            "{}{sp}{{ -organization-name }}{sp}{}",
            p(rng, 10),
            s(rng, 10)
        ),
        t(rng),
    );
    f += &message(
        "training-rule",
        &[
            "{ $default ->".into(),
            format!("    [opt-in] {}", s(rng, 12)),
            format!("   *[opt-out] {}", s(rng, 12)),
            format!("}}{sp}{}{sp}{{ $covered }}{}", p(rng, 5), lang.full_stop),
        ],
        &[("title", p(rng, 4))],
    );
    f += &single("training-exceptions", &s(rng, 15), t(rng));
    f += &single(
        "exception-feedback",
        &format!("{}{sp}“{{ $setting }}”{}", p(rng, 8), lang.full_stop),
        None,
    );
    f += &single(
        "training-choice",
        &format!(
            "{}{sp}“{{ $setting }}”{sp}{}{sp}{{ $location }}{}",
            p(rng, 6),
            lang.word(rng),
            lang.full_stop
        ),
        t(rng),
    );
    f += &single("retention", &s(rng, 15), t(rng));
    for id in ["retention-allowed", "retention-declined"] {
        f += &single(
            id,
            &format!("{}{sp}{{ $period }}{}", p(rng, 8), lang.full_stop),
            None,
        );
    }
    f += &single("coverage", &s(rng, 15), t(rng));
    for id in ["coverage-covered", "coverage-not-covered"] {
        f += &single(id, &format!("{}: {{ $tiers }}", p(rng, 4)), None);
    }
    for tier in ["tier-solo", "tier-duo", "tier-crew"] {
        f += &single(tier, &format!("{{ -{tier}-name }}"), None);
    }
    (site, f)
}

/// The topic texts of one locale: (title, lede, body lines) per topic.
fn topic_texts(lang: &Language, topics: usize, words: usize) -> Vec<(String, String, Vec<String>)> {
    let mut rng = Rng(lang.tag.bytes().fold(1, |h, b| h * 131 + u64::from(b)));
    (0..topics)
        .map(|i| {
            let next = format!("{}.html", topic_id((i + 1) % topics));
            (
                lang.phrase(&mut rng, 5),
                lang.sentence(&mut rng, 14),
                lang.topic_body(&mut rng, words, &next),
            )
        })
        .collect()
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("has a parent")).expect("create folder");
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create folder");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The same site for the peers: per language, every page's title, lede and Markdown.
#[derive(Default)]
struct Peers {
    /// (tag, name, pages as (id, title, lede, markdown))
    languages: Vec<(&'static str, &'static str, Vec<PeerPage>)>,
}

struct PeerPage {
    id: String,
    title: String,
    lede: String,
    markdown: String,
}

impl Peers {
    fn add(
        &mut self,
        lang: &Language,
        fixed: Vec<(String, String)>,
        topics: Vec<(String, String, Vec<String>)>,
    ) {
        let mut rng = Rng(99);
        let mut pages = Vec::new();
        let body = |lines: &[String]| lines.join("\n");
        // Fixed pages: a few short sections, like the policy's fixed blocks.
        for ((id, blocks), (title, lede)) in FIXED_PAGES.iter().zip(fixed) {
            let markdown = if *id == "safeguards-overview" {
                // The overview lists every topic's text, as the policy's safeguards block does.
                let mut md = format!(
                    "## {}\n\n{}\n\n",
                    lang.phrase(&mut rng, 4),
                    lang.sentence(&mut rng, 20)
                );
                for (_, _, lines) in &topics {
                    md += &format!("{}\n\n", body(lines));
                }
                md
            } else {
                blocks
                    .iter()
                    .map(|_| {
                        format!(
                            "## {}\n\n{}\n\n- {}\n- {}\n",
                            lang.phrase(&mut rng, 4),
                            lang.sentence(&mut rng, 25),
                            lang.phrase(&mut rng, 6),
                            lang.phrase(&mut rng, 6)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            pages.push(PeerPage {
                id: (*id).to_owned(),
                title,
                lede,
                markdown,
            });
        }
        for (i, (title, lede, lines)) in topics.into_iter().enumerate() {
            pages.push(PeerPage {
                id: topic_id(i),
                markdown: format!("## {title}\n\n{}\n", body(&lines)),
                title,
                lede,
            });
        }
        self.languages.push((lang.tag, lang.name, pages));
    }

    fn write(&self, dir: &Path, topics: usize) {
        // Hugo: one multilingual site, one content folder per language, flat .html URLs.
        let hugo = dir.join("hugo");
        let mut config = String::from(
            "baseURL = \"https://example.org/\"\ntitle = \"Help\"\ndefaultContentLanguage = \"en\"\ndefaultContentLanguageInSubdir = true\nuglyURLs = true\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n",
        );
        for (weight, (tag, name, pages)) in self.languages.iter().enumerate() {
            writeln!(
                config,
                "[languages.{tag}]\nweight = {}\nlabel = \"{name}\"\ncontentDir = \"content/{tag}\"",
                weight + 1
            )
            .unwrap();
            write(
                &hugo.join(format!("content/{tag}/_index.md")),
                &format!("---\ntitle: \"{}\"\n---\n", pages[0].title),
            );
        }
        for (tag, page, text) in self.pages_with_front_matter(topics, Generator::Hugo) {
            write(&hugo.join(format!("content/{tag}/{}.md", page.id)), &text);
        }
        write(&hugo.join("hugo.toml"), &config);
        write(&hugo.join("layouts/_default/baseof.html"), HUGO_BASE);
        write(&hugo.join("layouts/_default/single.html"), HUGO_SINGLE);
        write(&hugo.join("layouts/_default/list.html"), HUGO_LIST);
        write(&hugo.join("layouts/index.html"), HUGO_LIST);

        // Zola: one multilingual site, `x.md` and `x.fr.md` side by side; the first language
        // is the default, at the root. Sitemap and robots.txt off as in Hugo (feeds, search
        // index, Sass and taxonomies are off unless asked for; its 404 page cannot be). The
        // Markdown is Hugo's to the byte, so its link to the next topic (`topic-00002.html`)
        // misses on Zola's folder URLs; the chrome's links are Zola's own.
        let zola = dir.join("zola");
        let mut config = String::from(
            "base_url = \"https://example.org\"\ntitle = \"Help\"\ngenerate_sitemap = false\ngenerate_robots_txt = false\n",
        );
        // the language switcher's order and labels, as Hugo's language weights and labels
        let mut labels = String::from("[extra]\nlanguages = [\n");
        let default = self.languages[0].0;
        // what goes before `.md` in a translation's file name: `_index.fr.md`
        let suffix = |tag: &str| {
            if tag == default {
                String::new()
            } else {
                format!(".{tag}")
            }
        };
        for (tag, name, pages) in &self.languages {
            if *tag == default {
                writeln!(config, "default_language = \"{tag}\"").unwrap();
            } else {
                // a language's own options replace the top level's: the title too
                writeln!(config, "[languages.{tag}]\ntitle = \"Help\"").unwrap();
            }
            writeln!(labels, "  {{tag = \"{tag}\", label = \"{name}\"}},").unwrap();
            write(
                &zola.join(format!("content/_index{}.md", suffix(tag))),
                &format!("---\ntitle: \"{}\"\nsort_by: weight\n---\n", pages[0].title),
            );
        }
        labels.push_str("]\n");
        for (tag, page, text) in self.pages_with_front_matter(topics, Generator::Zola) {
            write(
                &zola.join(format!("content/{}{}.md", page.id, suffix(tag))),
                &text,
            );
        }
        write(&zola.join("config.toml"), &(config + &labels));
        write(&zola.join("templates/base.html"), ZOLA_BASE);
        write(&zola.join("templates/page.html"), ZOLA_PAGE);
        write(&zola.join("templates/index.html"), ZOLA_INDEX);

        // mdBook: one book per language (it has no multilingual mode).
        for (tag, _, pages) in &self.languages {
            let book = dir.join("mdbook").join(tag);
            write(
                &book.join("book.toml"),
                &format!(
                    "[book]\ntitle = \"{}\"\nlanguage = \"{tag}\"\n\n[output.html]\n[output.html.print]\nenable = false\n[output.html.search]\nenable = false\n",
                    pages[0].title
                ),
            );
            let mut summary = format!("# Summary\n\n[{}](index.md)\n\n", pages[0].title);
            let mut index = format!("# {}\n\n", pages[0].title);
            for page in pages {
                writeln!(summary, "- [{}]({}.md)", page.title, page.id).unwrap();
                writeln!(index, "- [{}]({}.md): {}", page.title, page.id, page.lede).unwrap();
                write(
                    &book.join(format!("src/{}.md", page.id)),
                    &format!("# {}\n\n{}\n\n{}", page.title, page.lede, page.markdown),
                );
            }
            write(&book.join("src/SUMMARY.md"), &summary);
            write(&book.join("src/index.md"), &index);
        }
    }

    /// Every page of every language with its Markdown behind the YAML front matter Hugo and
    /// Zola both read: title, lede, weight (reading order), date and the related list (the
    /// pages policyglot lists beside it).
    fn pages_with_front_matter(
        &self,
        topics: usize,
        generator: Generator,
    ) -> impl Iterator<Item = (&str, &PeerPage, String)> {
        let count = topics + FIXED_PAGES.len();
        let ids = page_ids(topics);
        // Zola drops front-matter keys it does not know: the lede is its description, and
        // the list goes under `extra` (sequence items may sit at their key's indentation).
        let (lede, related_key) = match generator {
            Generator::Hugo => ("summary", "related:"),
            Generator::Zola => ("description", "extra:\n  related:"),
        };
        self.languages.iter().flat_map(move |(tag, _, pages)| {
            let ids = ids.clone();
            pages.iter().enumerate().map(move |(i, page)| {
                let mut text = format!(
                    "---\ntitle: \"{}\"\n{lede}: \"{}\"\nweight: {}\ndate: 2025-08-28\n{related_key}\n",
                    page.title,
                    page.lede,
                    i + 1
                );
                for j in related(count, i) {
                    writeln!(
                        text,
                        "  - {{href: \"{}\", title: \"{}\"}}",
                        generator.href(&ids[j]),
                        pages[j].title
                    )
                    .unwrap();
                }
                write!(text, "---\n{}", page.markdown).unwrap();
                (*tag, page, text)
            })
        })
    }
}

/// Which peer a page is written for.
#[derive(Clone, Copy)]
enum Generator {
    Hugo,
    Zola,
}

impl Generator {
    /// A link from one page to the page `id` of the same language.
    fn href(self, id: &str) -> String {
        match self {
            // uglyURLs: every page of a language is a file in the same folder
            Generator::Hugo => format!("{id}.html"),
            // every page is a folder (`topic-00001/index.html`) beside its siblings
            Generator::Zola => format!("../{id}/"),
        }
    }
}

const HUGO_BASE: &str = r#"<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header class="site-header"><a class="brand" href="index.html">{{ .Site.Title }}</a>
<nav class="languages"><ul>
{{- range .AllTranslations }}
<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.Label }}</a></li>
{{- end }}
</ul></nav></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer class="site-footer">{{ .Site.Title }}</footer>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}
<nav class="breadcrumb"><a href="index.html">{{ .Site.Title }}</a></nav>
<article class="article">
<h1>{{ .Title }}</h1>
<p class="dates">{{ .Date.Format "2006-01-02" }}</p>
<div class="lede">{{ .Summary }}</div>
{{ .Content }}
</article>
<aside class="related"><ul>
{{- range .Params.related }}
<li><a href="{{ .href }}">{{ .title }}</a></li>
{{- end }}
</ul></aside>
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="cards">
{{- range .RegularPages }}
<li class="card"><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Summary }}</p></li>
{{- end }}
</ul>
{{ end }}
"#;

// The Hugo layouts' elements in Tera. Zola's permalinks are absolute (Hugo's relative);
// the home link is looked up, as Zola has no relative form for it. URLs are `safe` because
// Tera's HTML escaping would also turn every `/` into `&#x2F;`, which Hugo does not do.
const ZOLA_BASE: &str = r#"<!DOCTYPE html>
{%- if page %}{% set item = page %}{% else %}{% set item = section %}{% endif %}
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ item.title }} · {{ config.title }}</title>
<link rel="stylesheet" href="{{ get_url(path="style.css") | safe }}">
</head>
<body>
<header class="site-header"><a class="brand" href="{{ get_url(path="@/_index.md", lang=lang) | safe }}">{{ config.title }}</a>
<nav class="languages"><ul>
{%- for l in config.extra.languages %}
{%- set t = item.translations | filter(attribute="lang", value=l.tag) | first %}
<li><a href="{{ t.permalink | safe }}" hreflang="{{ l.tag }}">{{ l.label }}</a></li>
{%- endfor %}
</ul></nav></header>
<main id="main">{% block main %}{% endblock %}</main>
<footer class="site-footer">{{ config.title }}</footer>
</body>
</html>
"#;

const ZOLA_PAGE: &str = r#"{% extends "base.html" %}
{% block main %}
<nav class="breadcrumb"><a href="{{ get_url(path="@/_index.md", lang=lang) | safe }}">{{ config.title }}</a></nav>
<article class="article">
<h1>{{ page.title }}</h1>
<p class="dates">{{ page.date | date(format="%Y-%m-%d") }}</p>
<div class="lede">{{ page.description }}</div>
{{ page.content | safe }}
</article>
<aside class="related"><ul>
{%- for r in page.extra.related %}
<li><a href="{{ r.href | safe }}">{{ r.title }}</a></li>
{%- endfor %}
</ul></aside>
{% endblock %}
"#;

const ZOLA_INDEX: &str = r#"{% extends "base.html" %}
{% block main %}
<h1>{{ section.title }}</h1>
<ul class="cards">
{%- for p in section.pages %}
<li class="card"><a href="{{ p.permalink | safe }}">{{ p.title }}</a><p>{{ p.description }}</p></li>
{%- endfor %}
</ul>
{% endblock %}
"#;

/// Writes the project described by `args` (and its peers' sources with `args.peers`).
pub fn write_project(args: &Options) {
    assert!(
        (1..=LOCALES.len()).contains(&args.locales),
        "--locales must be 1 to {}",
        LOCALES.len()
    );
    assert!(args.topics >= 1, "--topics must be at least 1");
    if args.out.exists() {
        assert!(
            args.out.join("policy/policy.yaml").exists(),
            "{} exists and is not a synthetic project",
            args.out.display()
        );
        fs::remove_dir_all(&args.out).expect("remove the previous project");
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("templates"), &args.out.join("templates"));
    write(
        &args.out.join("policy/policy.yaml"),
        &policy_yaml(args.topics),
    );

    let langs: Vec<Language> = LOCALES[..args.locales]
        .iter()
        .map(|(tag, name)| Language::new(tag, name))
        .collect();
    let mut peers = Peers::default();
    for lang in &langs {
        let dir = args.out.join("locales").join(lang.tag);
        let mut rng = Rng(lang.tag.bytes().fold(3, |h, b| h * 37 + u64::from(b)));
        let (site, fixed) = fixed_messages(lang, &mut rng);
        write(&dir.join("site.ftl"), &site);
        write(&dir.join("facts.ftl"), &fixed);
        let texts = topic_texts(lang, args.topics, args.words);
        let mut pages = String::from("### Pages (synthetic).\n\n");
        let mut fixed_titles = Vec::new();
        for (id, _) in FIXED_PAGES {
            let title = lang.phrase(&mut rng, 4);
            let lede = lang.sentence(&mut rng, 14);
            pages += &single(&format!("page-{id}"), &lede, Some(title.clone()));
            fixed_titles.push((title, lede));
        }
        for (i, (title, lede, _)) in texts.iter().enumerate() {
            pages += &single(&format!("page-{}", topic_id(i)), lede, Some(title.clone()));
        }
        write(&dir.join("pages.ftl"), &pages);
        for (chunk, group) in texts.chunks(100).enumerate() {
            let mut ftl = String::from("### Topics (synthetic).\n\n");
            for (j, (title, _, body)) in group.iter().enumerate() {
                let id = topic_id(chunk * 100 + j);
                ftl += &message(&id, body, &[("title", title.clone())]);
                ftl.push('\n');
            }
            write(&dir.join(format!("topics-{chunk:03}.ftl")), &ftl);
        }
        if args.peers {
            peers.add(lang, fixed_titles, texts);
        }
    }
    // Every translation confirmed against the current English text (no stale warnings).
    let project = policyglot::Project::new(&args.out);
    for lang in &langs[1..] {
        policyglot::check::confirm(&project, lang.tag, &[])
            .unwrap_or_else(|d| panic!("confirm {}: {}", lang.tag, d.render(false)));
    }
    if args.peers {
        peers.write(&args.out.join("peers"), args.topics);
    }
}
