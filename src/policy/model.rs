//! The policy's typed data model: `policy.yaml` as written. The model knows general
//! building blocks (facts with values, lists, steps, quotations, notes, tables), never
//! one policy's sections: a policy declares its own entities, keyword sets and facts.
//!
//! Unknown fields are rejected everywhere (`deny_unknown_fields`) and values validate
//! while parsing (`value`), so a typo is a located error.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, de};

pub use super::value::{Date, Duration, Id, Join, Localized, Name, TimeUnit, Value, Values};

/// The whole `policy.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The locale the policy is written in first: every other locale is checked against
    /// its messages. A BCP 47 tag naming a folder under `locales/`.
    #[serde(default = "default_reference_locale")]
    pub reference_locale: String,
    /// A stable identifier of this help center, written once by `policyglot init` (a URI,
    /// e.g. `urn:uuid:…`): the feeds' ids when the site's address
    /// (`--base-url`) is not given, so no two sites' feeds share an id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_id: Option<String>,
    /// What a page shows for a fact whose message a translation does not have yet:
    /// `refuse` (the default: `check` calls it an error and nothing is built) or
    /// `show-reference` (the reference locale's text, marked with its language, under
    /// a "not yet translated" notice; `check` warns). `serve` always previews the
    /// second way, so writers see their text before it is translated.
    #[serde(default, skip_serializing_if = "Untranslated::is_refuse")]
    pub untranslated: Untranslated,
    /// Keyword sets, by name: the values a `{ keyword: … }` may take (e.g.
    /// `training-default: [opt-in, opt-out]`). Messages select on them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keywords: BTreeMap<Id, Vec<Id>>,
    /// Everything the policy names: the organization, products, plans, partners… Each
    /// gets a Fluent term `-<id>-name` in every locale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// The product's interface: its string catalogs per locale (the source of
    /// `{ ui: key }` labels), and the locales whose pages quote no label of their own.
    #[serde(default, skip_serializing_if = "Interface::is_empty")]
    pub interface: Interface,
    /// The help articles, in reading order.
    pub pages: Vec<PageSpec>,
    /// The policy's versions, oldest first; the one in force on the build date is shown.
    pub versions: Vec<Version>,
    /// A fingerprint of the text this policy was parsed from (`memo::fingerprint`):
    /// results computed from it are reused while it is the same.
    #[serde(skip)]
    #[schemars(skip)]
    pub fingerprint: u64,
    /// Each version's fact tree, built once on first use (`facts::blocks`): validation,
    /// every check, the diff and the renderer all read the same trees.
    #[serde(skip)]
    #[schemars(skip)]
    pub trees: std::sync::OnceLock<Vec<Vec<super::facts::Node>>>,
}

/// What a page shows for a fact a translation has no message for (`untranslated:`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Untranslated {
    /// Nothing is published: the missing message is an error.
    #[default]
    Refuse,
    /// The reference locale's text, marked with its language, under a notice.
    ShowReference,
}

impl Untranslated {
    fn is_refuse(&self) -> bool {
        *self == Untranslated::Refuse
    }
}

fn stated() -> bool {
    true
}

fn is_stated(stated: &bool) -> bool {
    *stated
}

fn default_reference_locale() -> String {
    "en".to_owned()
}

impl Version {
    /// The day pages date this version by: its `effective` day when a source states
    /// it, else the day it was announced.
    pub fn shown_date(&self) -> Option<Date> {
        if self.effective_stated {
            self.effective.or(self.announced)
        } else {
            self.announced
        }
    }
}

impl Policy {
    /// The latest version (validation guarantees there is one).
    pub fn current(&self) -> &Version {
        self.versions
            .last()
            .expect("validated: at least one version")
    }

    /// The version in force on `day`: the last one that took effect on or before it (the
    /// first version when none has started yet).
    pub fn in_force(&self, day: Date) -> &Version {
        self.versions
            .iter()
            .rev()
            .find(|v| v.effective.is_none_or(|e| e <= day))
            .unwrap_or(&self.versions[0])
    }

    /// The version before `version`, if any.
    pub fn previous(&self, version: &Version) -> Option<&Version> {
        let at = self.versions.iter().position(|v| v.id == version.id)?;
        at.checked_sub(1).map(|i| &self.versions[i])
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id.as_str() == id)
    }

    /// The keyword set `value` belongs to.
    pub fn keyword_set(&self, value: &str) -> Option<&Id> {
        self.keywords
            .iter()
            .find(|(_, values)| values.iter().any(|v| v.as_str() == value))
            .map(|(name, _)| name)
    }
}

/// The product's interface as the policy knows it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    /// The product's string catalog per locale tag, relative to the project folder
    /// (`en: interface/en.json`), or `{ path, language }` for a file that holds several
    /// languages (`.xcstrings`, XLIFF) read in another tag than the locale's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub catalogs: BTreeMap<String, CatalogSpec>,
    /// Locales whose messages describe the product's controls in words instead of
    /// quoting their labels (no catalog or source gives that language's labels): their
    /// messages may leave label variables out, and the reference's leaving them out
    /// does not stop a translation from quoting its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub describe: Vec<String>,
    /// Locales the product has no interface in: their pages quote another language's
    /// label, marked with its language, and that is no warning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none: Vec<String>,
}

impl Interface {
    fn is_empty(&self) -> bool {
        self.catalogs.is_empty() && self.describe.is_empty() && self.none.is_empty()
    }

    /// Whether `locale`'s messages describe controls rather than quote their labels.
    pub fn describes(&self, locale: &str) -> bool {
        self.describe.iter().any(|l| l == locale)
    }

    /// Whether the product has no interface in `locale`.
    pub fn has_none(&self, locale: &str) -> bool {
        self.none.iter().any(|l| l == locale)
    }
}

/// Where one locale's interface strings are.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum CatalogSpec {
    /// The file, relative to the project folder; read in the locale's own tag.
    Path(String),
    /// The file, and the language to read in it (`.xcstrings` and XLIFF hold several).
    File { path: String, language: String },
}

impl CatalogSpec {
    pub fn path(&self) -> &str {
        match self {
            CatalogSpec::Path(path) | CatalogSpec::File { path, .. } => path,
        }
    }

    /// The language to read: the given one, else `locale`.
    pub fn language<'a>(&'a self, locale: &'a str) -> &'a str {
        match self {
            CatalogSpec::Path(_) => locale,
            CatalogSpec::File { language, .. } => language,
        }
    }
}

impl<'de> Deserialize<'de> for CatalogSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            path: String,
            language: String,
        }
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = CatalogSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a catalog path (`interface/en.json`), or `{ path: …, language: … }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CatalogSpec, E> {
                Ok(CatalogSpec::Path(v.to_owned()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<CatalogSpec, A::Error> {
                File::deserialize(de::value::MapAccessDeserializer::new(map)).map(|f| {
                    CatalogSpec::File {
                        path: f.path,
                        language: f.language,
                    }
                })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// Something the policy names (a brand, a product, a plan).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: Id,
    /// Its name, the same in every language or per locale.
    pub name: Name,
    /// Attributes of its Fluent term, per locale, for grammar (`fr: { elision: vowel }`
    /// gives `{ -<id>-name.elision }`, which a message can select on).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub grammar: BTreeMap<String, BTreeMap<Id, Id>>,
    /// Values its messages get when it is listed as an item.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: Values,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    pub id: Id,
    /// Ids of the fact blocks shown on this page, in order.
    pub blocks: Vec<Id>,
}

/// One version of the policy, with every fact it states.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub id: Id,
    /// The day this version takes effect. Only the first version may leave it out, when
    /// its start was never published (it is then in force until the next one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The day it was announced, when that differs from `effective` (or when
    /// `effective` is not stated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<Date>,
    /// Whether a published text states the `effective` day (the default). `false` when
    /// it is the writer's inference, kept only to pick the version in force: pages then
    /// date the version by its `announced` day, which it must have, and never say it
    /// took effect on a day.
    #[serde(default = "stated", skip_serializing_if = "is_stated")]
    pub effective_stated: bool,
    /// The day the published text was last updated, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// The published texts this version's facts come from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Values every fact of this version gets (besides the version's dates).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: Values,
    /// The version's fact blocks: the sections pages show.
    #[serde(deserialize_with = "listed")]
    #[schemars(with = "Vec<FactOrId>")]
    pub blocks: Vec<Fact>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub title: String,
    /// What the source is (`help-article`, `press`, `announcement`…): free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Where it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// BCP 47 tag of the language the source was published in.
    pub language: String,
    /// The file that holds the source's text, relative to the folder given to
    /// `check --sources` (never read otherwise): the passages of `facts` are looked up
    /// in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The facts taken from this source: a fact id, or `{ fact, passage }` with the
    /// source's own words the fact rests on (a few words, in the source's language; one
    /// or a list), which `check --sources` finds in `file`.
    #[schemars(with = "Vec<CitedSpec>")]
    pub facts: Vec<Cited>,
}

impl Source {
    /// The ids of the facts this source supports.
    pub fn fact_ids(&self) -> impl Iterator<Item = &Id> {
        self.facts.iter().map(|c| &c.id)
    }
}

/// A fact a source supports, with the passages of the source it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub id: Id,
    /// Short quotations of the source, in its language (none: the fact is credited
    /// without one).
    pub passages: Vec<String>,
}

/// One passage, or several.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
enum Passages {
    One(String),
    Several(Vec<String>),
}

/// A cited fact as written: a bare fact id, or a map with its passage.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct CitedMap {
    /// The fact's id.
    fact: Id,
    /// The words of the source the fact rests on, as the source writes them (case,
    /// spacing and typographic quotes and apostrophes may differ), or a list of them.
    passage: Passages,
}

#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum CitedSpec {
    Id(Id),
    Cited(CitedMap),
}

impl<'de> Deserialize<'de> for Cited {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Cited;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a fact id, or `{ fact: fact-id, passage: \"the source's words\" }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cited, E> {
                Id::parse(v)
                    .map(|id| Cited {
                        id,
                        passages: Vec::new(),
                    })
                    .map_err(E::custom)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Cited, A::Error> {
                let cited = CitedMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let passages = match cited.passage {
                    Passages::One(p) => vec![p],
                    Passages::Several(list) => list,
                };
                if passages.is_empty() || passages.iter().any(|p| p.trim().is_empty()) {
                    return Err(de::Error::custom(format!(
                        "the passage of `{}` is empty: quote the words of the source the fact rests on",
                        cited.fact
                    )));
                }
                Ok(Cited {
                    id: cited.fact,
                    passages,
                })
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl Serialize for Cited {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self.passages.as_slice() {
            [] => self.id.serialize(s),
            passages => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("fact", &self.id)?;
                match passages {
                    [one] => map.serialize_entry("passage", one)?,
                    several => map.serialize_entry("passage", several)?,
                }
                map.end()
            }
        }
    }
}

/// One fact: its sentence lives in the locales under its id; the policy holds its values
/// and what is listed under it. In a list, a fact with nothing but its id can be written
/// as the bare id (`- right-copy`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// The fact's id (its messages share it). When it is an entity's id, the fact lists
    /// that entity: it gets the entity's values, and shows the entity's name unless the
    /// locales give the id a message.
    pub id: Id,
    /// Values its messages get, by variable name, besides those of the facts around it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: Values,
    /// A bulleted list under the fact.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "listed"
    )]
    #[schemars(with = "Vec<FactOrId>")]
    pub items: Vec<Fact>,
    /// A numbered list of steps under the fact.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "listed"
    )]
    #[schemars(with = "Vec<FactOrId>")]
    pub steps: Vec<Fact>,
    /// Quotations under the fact (their wording lives in the locales).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "listed"
    )]
    #[schemars(with = "Vec<FactOrId>")]
    pub quotes: Vec<Fact>,
    /// A table under the fact: one row per fact, one column per name in `columns`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// Paragraphs after the list.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "listed"
    )]
    #[schemars(with = "Vec<FactOrId>")]
    pub notes: Vec<Fact>,
}

/// A table of values. The first column shows each row's sentence; every other column
/// shows the row's attribute of that name when its message has one, else its value.
/// Column headings are attributes of the table fact's message, named like the columns.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub columns: Vec<Id>,
    #[serde(deserialize_with = "listed")]
    #[schemars(with = "Vec<FactOrId>")]
    pub rows: Vec<Fact>,
}

/// A listed fact as written: a map, or a bare id (`- right-copy`).
enum FactOrId {
    Id(Id),
    Fact(Box<Fact>),
}

impl<'de> Deserialize<'de> for FactOrId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = FactOrId;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a fact (`id: …` with its values and lists) or a bare fact or entity id",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FactOrId, E> {
                Id::parse(v).map(FactOrId::Id).map_err(E::custom)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<FactOrId, A::Error> {
                Fact::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|f| FactOrId::Fact(Box::new(f)))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl JsonSchema for FactOrId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FactOrId".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let id = generator.subschema_for::<Id>();
        let fact = generator.subschema_for::<Fact>();
        schemars::json_schema!({ "anyOf": [id, fact] })
    }
}

/// A list of facts, each a map or a bare id.
fn listed<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Fact>, D::Error> {
    let list = Vec::<FactOrId>::deserialize(d)?;
    Ok(list
        .into_iter()
        .map(|f| match f {
            FactOrId::Id(id) => Fact::bare(id),
            FactOrId::Fact(f) => *f,
        })
        .collect())
}

impl Fact {
    /// A fact with nothing but its id.
    pub fn bare(id: Id) -> Fact {
        Fact {
            id,
            values: Values::new(),
            items: Vec::new(),
            steps: Vec::new(),
            quotes: Vec::new(),
            table: None,
            notes: Vec::new(),
        }
    }

    /// Every child list with the kind of node it makes, in page order (notes last).
    pub fn lists(&self) -> [(ListKind, &[Fact]); 5] {
        [
            (ListKind::Items, &self.items[..]),
            (ListKind::Steps, &self.steps[..]),
            (ListKind::Quotes, &self.quotes[..]),
            (
                ListKind::Rows,
                self.table.as_ref().map_or(&[][..], |t| &t.rows[..]),
            ),
            (ListKind::Notes, &self.notes[..]),
        ]
    }
}

/// Which list a fact sits in; it decides how the fact is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Items,
    Steps,
    Quotes,
    Rows,
    Notes,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_cites_facts_bare_or_with_passages() {
        let facts: Vec<Cited> = serde_yaml::from_str(
            "[a, { fact: b, passage: one }, { fact: c, passage: [two, three] }]",
        )
        .unwrap();
        let passages: Vec<(&str, usize)> = facts
            .iter()
            .map(|c| (c.id.as_str(), c.passages.len()))
            .collect();
        assert_eq!(passages, [("a", 0), ("b", 1), ("c", 2)]);
        // Written back as read.
        assert_eq!(
            serde_yaml::to_string(&facts).unwrap(),
            "- a\n- fact: b\n  passage: one\n- fact: c\n  passage:\n  - two\n  - three\n"
        );
        let empty = serde_yaml::from_str::<Vec<Cited>>("[{ fact: b, passage: \" \" }]");
        assert!(empty.unwrap_err().to_string().contains("is empty"));
        let typo = serde_yaml::from_str::<Vec<Cited>>("[{ fact: b, pasage: x }]");
        assert!(typo.unwrap_err().to_string().contains("unknown field"));
    }
}
