//! Semantic checks the types cannot express: unique ids, references that resolve
//! (entities, keywords, links), list shapes and depth, versions in date order, every
//! block on a page. Each finding is located in the YAML.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diag::{Diagnostic, Diagnostics, Location, SourceFile};
use crate::policy::facts::{self, Node};
use crate::policy::model::{Fact, Policy, Version};
use crate::policy::value::{Id, Name, Value, Values};

/// How deep facts may nest: a block, its items, their items. Templates lay out this many
/// levels, and help articles need no more.
pub const MAX_DEPTH: usize = 3;

/// Page ids the site generates itself (`changes-<version>` too): an article may not take them.
const GENERATED_PAGES: [&str; 3] = ["index", "search", "404"];

/// Checks a parsed policy. An empty result means every invariant downstream relies on holds.
pub fn validate(policy: &Policy, file: &SourceFile) -> Diagnostics {
    let mut out = Vec::new();
    let locate = Locator::new(file);

    if policy.versions.is_empty() {
        out.push(
            Diagnostic::error("PG0110", "the policy has no version")
                .in_path(&file.path)
                .help("add at least one entry under `versions:` with its facts"),
        );
        return out;
    }
    for (i, version) in policy.versions.iter().enumerate() {
        if i > 0 && version.effective.is_none() {
            out.push(
                Diagnostic::error(
                    "PG0119",
                    format!("version `{}` has no `effective` date", version.id),
                )
                .at(locate.definition(&version.id, 0), "this version")
                .help("add `effective: YYYY-MM-DD`; only the first version may leave it out"),
            );
        }
    }
    if let Some(id) = &policy.site_id
        && !is_uri(id)
    {
        let at = file.text.find("site_id:").unwrap_or(0);
        out.push(
            Diagnostic::error("PG0134", format!("`site_id` `{id}` is not a URI"))
                .at(file.span(at..at + "site_id".len()), "here")
                .help("write a URI with its scheme and no spaces, e.g. `tag:example.org,2026:help` or a `urn:uuid:…`; feed readers compare ids as text"),
        );
    }
    // Checked here, at its value: the catalog would otherwise look for a folder of that
    // name and report it missing, as if creating it could help.
    let reference = policy.reference_locale.as_str();
    let tag_error = match icu::locale::Locale::try_from_str(reference) {
        Ok(_) if crate::policy::value::is_language_tag(reference) => None,
        Ok(_) => Some("it cannot name a folder".to_owned()),
        Err(e) => Some(e.to_string()),
    };
    if let Some(why) = tag_error {
        let key = locate.tokens_raw("reference_locale:").next();
        let at = key.map_or_else(
            || file.span(0..0),
            |k| {
                let after = k + "reference_locale:".len();
                let rest = &file.text[after..];
                let start = after + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
                let end = start + file.text[start..].find(['\n', '#']).unwrap_or(0);
                file.span(start..start + file.text[start..end].trim_end().len())
            },
        );
        out.push(
            Diagnostic::error(
                "PG0135",
                format!("`reference_locale` `{reference}` is not a valid BCP 47 language tag ({why})"),
            )
            .at(at, "not a language tag")
            .help("write the BCP 47 tag of the language the policy is written in, e.g. `en`, `fr`, `pt-BR`; its messages live in locales/<tag>/"),
        );
    }
    for version in &policy.versions {
        if !version.effective_stated && version.announced.is_none() {
            out.push(
                Diagnostic::error(
                    "PG0131",
                    format!(
                        "version `{}` has no stated `effective` date and no `announced` date",
                        version.id
                    ),
                )
                .at(locate.definition(&version.id, 0), "this version")
                .help("add `announced: YYYY-MM-DD` (the day a source gives for the change): pages date the version by it when its effective day is an inference"),
            );
        }
    }
    out.extend(generated_names(policy, file));
    for pair in policy.versions.windows(2) {
        if let (Some(before), Some(after)) = (pair[0].effective, pair[1].effective)
            && after <= before
        {
            out.push(
                Diagnostic::error(
                    "PG0111",
                    format!(
                        "version `{}` takes effect on {after}, not after the version before it ({before})",
                        pair[1].id
                    ),
                )
                .at(locate.definition(&pair[1].id, 0), "out of order")
                .help("list versions oldest first, each with a later `effective` date"),
            );
        }
    }

    // Ids shared by every version: entities and versions. Pages have their own
    // namespace (their messages are `page-<id>`).
    let global: Vec<&Id> = policy
        .entities
        .iter()
        .map(|e| &e.id)
        .chain(policy.versions.iter().map(|v| &v.id))
        .collect();
    out.extend(duplicates(&global, &locate));
    out.extend(duplicates(
        &policy.pages.iter().map(|p| &p.id).collect::<Vec<_>>(),
        &locate,
    ));
    for page in &policy.pages {
        let id = page.id.as_str();
        if GENERATED_PAGES.contains(&id) || id.starts_with("changes-") {
            out.push(
                Diagnostic::error(
                    "PG0126",
                    format!("page id `{id}` is the name of a page the site generates"),
                )
                .at(locate.definition(&page.id, 0), "taken by a generated page")
                .help("rename the page: `index`, `search`, `404` and `changes-…` are generated for every locale"),
            );
        }
    }
    out.extend(entities_and_keywords(policy, &locate));
    out.extend(super::published::file_names(policy, file));

    for version in &policy.versions {
        let pages = facts::pages_of(policy, version);
        let mut facts = Facts {
            policy,
            locate: &locate,
            pages: &pages,
            out: &mut out,
        };
        facts.values(&version.values, 0);
        for block in &version.blocks {
            facts.fact(block, 1);
        }
        // An entity's values reach messages as a fact's do: checked as they are, once
        // for every version (a link must name a fact each version shows), each finding
        // reported once.
        let mut entity_findings = Vec::new();
        let mut entity_values = Facts {
            policy,
            locate: &locate,
            pages: &pages,
            out: &mut entity_findings,
        };
        for entity in &policy.entities {
            entity_values.values(&entity.values, 0);
        }
        for finding in entity_findings {
            let at = |d: &Diagnostic| d.location.as_ref().map(|l| l.range.clone());
            if !out
                .iter()
                .any(|d| d.message == finding.message && at(d) == at(&finding))
            {
                out.push(finding);
            }
        }
        let blocks = facts::blocks(policy, version);
        let mut ids: Vec<&Id> = global.clone();
        ids.extend(version.sources.iter().map(|s| &s.id));
        // Entity items repeat the entity ids by design; count each node id once per tree.
        ids.extend(
            blocks
                .iter()
                .flat_map(Node::walk)
                .filter(|n| n.entity.is_none())
                .map(|n| &n.id),
        );
        out.extend(duplicates(&ids, &locate));

        out.extend(unsourced(policy, version, blocks, &locate));
        let index = facts::index(blocks);
        for source in &version.sources {
            for id in source.fact_ids() {
                if !index.contains_key(id.as_str()) {
                    out.push(
                        Diagnostic::error(
                            "PG0114",
                            format!("source `{}` names an unknown fact `{id}`", source.id),
                        )
                        .at(locate.reference(id), "no fact has this id")
                        .help("use the id of a fact of this version"),
                    );
                }
            }
            if let Some(url) = &source.url
                && let Err(why) = web_address(url)
            {
                out.push(bad_link(&locate, url, &why, None));
            }
        }
    }

    // Pages are shared by every version: a page block must exist in some version (a
    // version without it simply does not show it), and every version's blocks must be
    // on some page.
    // A page may show any fact, not only a top-level block (a retention period on the
    // feedback page): what it shows is that fact and everything under it.
    let trees: Vec<&[Node]> = policy
        .versions
        .iter()
        .map(|v| facts::blocks(policy, v))
        .collect();
    let indexes: Vec<_> = trees.iter().map(|t| facts::index(t)).collect();
    out.extend(super::published::pages_show_each_fact_once(
        policy, file, &indexes,
    ));
    let mut shown = BTreeSet::new();
    for page in &policy.pages {
        for id in &page.blocks {
            let found: Vec<&Node> = indexes
                .iter()
                .filter_map(|ix| ix.get(id.as_str()).copied())
                .collect();
            if found.is_empty() {
                out.push(
                    Diagnostic::error(
                        "PG0115",
                        format!("page `{}` shows an unknown block `{id}`", page.id),
                    )
                    .at(locate.reference(id), "no fact has this id")
                    .help("list ids of facts defined under a version's `blocks:`"),
                );
            }
            for node in found {
                shown.extend(node.walk().map(|n| n.id.as_str()));
            }
        }
    }
    let mut reported = BTreeSet::new();
    for block in trees.iter().copied().flatten() {
        if !shown.contains(block.id.as_str()) && reported.insert(block.id.as_str()) {
            out.push(
                Diagnostic::error(
                    "PG0116",
                    format!("fact block `{}` is shown on no page", block.id),
                )
                .at(locate.definition(&block.id, 0), "defined here")
                .help(format!(
                    "add `{}` to the `blocks:` of a page under `pages:`",
                    block.id
                )),
            );
        }
    }
    out
}

/// In a version that names its sources, every fact a page shows is supported by one:
/// listed by a source itself, or inside a fact a source lists.
fn unsourced(policy: &Policy, version: &Version, blocks: &[Node], locate: &Locator) -> Diagnostics {
    /// Every fact of the tree that no source supports, itself or through a fact around it.
    fn walk<'a>(
        node: &'a Node,
        sourced: &BTreeSet<&str>,
        covered: bool,
        out: &mut BTreeSet<&'a str>,
    ) {
        let covered = covered || sourced.contains(node.id.as_str());
        if !covered {
            out.insert(node.id.as_str());
        }
        for child in &node.children {
            walk(child, sourced, covered, out);
        }
    }
    if version.sources.is_empty() {
        return Vec::new();
    }
    let sourced: BTreeSet<&str> = version
        .sources
        .iter()
        .flat_map(|s| s.fact_ids().map(Id::as_str))
        .collect();
    let mut unsupported = BTreeSet::new();
    for block in blocks {
        walk(block, &sourced, false, &mut unsupported);
    }
    let index = facts::index(blocks);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for id in policy.pages.iter().flat_map(|p| &p.blocks) {
        let Some(node) = index.get(id.as_str()) else {
            continue;
        };
        for node in node.walk() {
            if !unsupported.contains(node.id.as_str()) || !seen.insert(node.id.as_str()) {
                continue;
            }
            out.push(
                Diagnostic::error(
                    "PG0128",
                    format!(
                        "fact `{}` of version `{}` is supported by no source",
                        node.id, version.id
                    ),
                )
                .at(locate.definition(&node.id, 0), "shown on a page, sourced nowhere")
                .help(format!(
                    "add `{}` (or a fact around it) to the `facts:` of the source that states it, under this version's `sources:`; an editorial inference belongs to the source it is inferred from, with a comment saying so",
                    node.id
                )),
            );
        }
    }
    out
}

/// Entity names that can be shown, grammar attributes, keyword sets without overlaps.
fn entities_and_keywords(policy: &Policy, locate: &Locator) -> Diagnostics {
    let mut out = Vec::new();
    let reference = policy.reference_locale.as_str();
    for entity in &policy.entities {
        let here = || locate.definition(&entity.id, 0);
        if entity
            .name
            .forms()
            .iter()
            .any(|f| !super::published::visible(f))
        {
            out.push(
                Diagnostic::error(
                    "PG0127",
                    format!(
                        "entity `{}` has an empty name (or one of spaces and invisible characters only)",
                        entity.id
                    ),
                )
                .at(here(), "this entity")
                .help("write the name as readers see it, e.g. `name: Acme Pro`"),
            );
        }
        if let Name::PerLocale(map) = &entity.name
            && !map.contains_key(reference)
        {
            out.push(
                Diagnostic::error(
                    "PG0117",
                    format!("entity `{}` has no `{reference}` name", entity.id),
                )
                .at(here(), "this entity")
                .help(format!("add `{reference}: …` to its `name:`: languages without their own form show the `{reference}` one")),
            );
        }
    }
    let mut owner: BTreeMap<&str, &Id> = BTreeMap::new();
    for (set, values) in &policy.keywords {
        for value in values {
            if let Some(other) = owner.insert(value.as_str(), set)
                && other != set
            {
                out.push(
                    Diagnostic::error(
                        "PG0120",
                        format!("keyword `{value}` is in two sets, `{other}` and `{set}`"),
                    )
                    .at(locate.reference(value), "in two sets")
                    .help("give each keyword one set: a `{ keyword: … }` value names its set by its value"),
                );
            }
        }
    }
    out
}

/// Checks the facts of one version as written: list shapes, depth, values.
struct Facts<'a, 'l> {
    policy: &'a Policy,
    locate: &'a Locator<'l>,
    pages: &'a HashMap<Id, Id>,
    out: &'a mut Diagnostics,
}

impl Facts<'_, '_> {
    fn fact(&mut self, fact: &Fact, depth: usize) {
        let lists: Vec<&str> = [
            ("items", !fact.items.is_empty()),
            ("steps", !fact.steps.is_empty()),
            ("quotes", !fact.quotes.is_empty()),
            ("table", fact.table.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, has)| has.then_some(name))
        .collect();
        if lists.len() > 1 {
            self.out.push(
                Diagnostic::error(
                    "PG0123",
                    format!("fact `{}` has {} lists: {}", fact.id, lists.len(), lists.join(", ")),
                )
                .at(self.locate.definition(&fact.id, 0), "one list per fact")
                .help("keep one list (`items`, `steps`, `quotes` or `table`) and move the others into facts of their own; `notes` may follow any list"),
            );
        }
        if let Some(table) = &fact.table {
            if table.columns.is_empty() {
                self.out.push(
                    Diagnostic::error("PG0123", format!("the table of `{}` has no columns", fact.id))
                        .at(self.locate.definition(&fact.id, 0), "this fact")
                        .help("name its columns, the first for the rows' sentences: `columns: [category, kept-for]`"),
                );
            }
            for row in &table.rows {
                for column in table.columns.iter().skip(1) {
                    if row
                        .values
                        .get(column)
                        .is_some_and(|v| matches!(v, Value::Keyword(_)))
                    {
                        self.out.push(
                            Diagnostic::error("PG0123", format!("row `{}` shows the keyword `{column}` in a table cell", row.id))
                                .at(self.locate.definition(&row.id, 0), "this row")
                                .help(format!("a keyword is selected on, never shown: give the row's message a `.{column}` attribute that selects on it")),
                        );
                    }
                }
            }
        }
        let has_children = fact.lists().iter().any(|(_, l)| !l.is_empty());
        if depth >= MAX_DEPTH && has_children {
            self.out.push(
                Diagnostic::error(
                    "PG0124",
                    format!("fact `{}` nests lists deeper than {MAX_DEPTH} levels", fact.id),
                )
                .at(self.locate.definition(&fact.id, 0), "too deep")
                .help("a block, its items and their items are the levels pages lay out: move this list into a block of its own"),
            );
        }
        self.values(&fact.values, depth);
        for (_, list) in fact.lists() {
            for child in list {
                self.fact(child, depth + 1);
            }
        }
    }

    fn values(&mut self, values: &Values, _depth: usize) {
        let reserved = |name: &str| {
            name == "count"
                || ["announced", "effective", "updated"].contains(&name)
                || name
                    .strip_suffix("-count")
                    .is_some_and(|base| values.keys().any(|k| k.as_str() == base))
                || values.iter().any(|(base, value)| {
                    matches!(value, Value::Window(_))
                        && crate::policy::time::Window::variables(base.as_str())
                            .iter()
                            .any(|generated| generated == name)
                })
        };
        for (name, value) in values {
            if reserved(name.as_str()) {
                self.out.push(
                    Diagnostic::error("PG0125", format!("`{name}` is a value policyglot gives every message itself"))
                        .at(self.locate.reference_key(name), "reserved name")
                        .help("rename the value: `count`, `<list>-count`, `<window>-status`, `-from`, `-until` and the version's `effective`, `announced` and `updated` dates are generated"),
                );
            }
            match value {
                Value::Entities { ids, .. } => ids.iter().for_each(|id| self.entity(id)),
                Value::Entity(id) => self.entity(id),
                Value::Keyword(k) => {
                    if self.policy.keyword_set(k.as_str()).is_none() {
                        let sets: Vec<String> = self
                            .policy
                            .keywords
                            .iter()
                            .map(|(set, values)| {
                                let values: Vec<&str> = values.iter().map(Id::as_str).collect();
                                format!("{set}: {}", values.join(", "))
                            })
                            .collect();
                        self.out.push(
                            Diagnostic::error("PG0120", format!("keyword `{k}` is in no keyword set"))
                                .at(self.locate.reference(k), "not declared under `keywords:`")
                                .help(if sets.is_empty() {
                                    format!("declare its set at the top of the policy: `keywords: {{ my-set: [{k}, …] }}`")
                                } else {
                                    format!("use a declared keyword ({}), or add `{k}` to a set under `keywords:`", sets.join("; "))
                                }),
                        );
                    }
                }
                Value::Link { target, .. } => match Id::parse(target) {
                    Ok(id) => {
                        if !self.pages.contains_key(&id) {
                            self.out.push(
                                Diagnostic::error("PG0121", format!("link to `{id}`, which no page of this version shows"))
                                    .at(self.locate.reference(&id), "no fact shown on a page has this id")
                                    .help("link to the id of a fact on a page, or write a full address with its scheme (`https://…`)"),
                            );
                        }
                    }
                    Err(_) => {
                        if let Err(why) = web_address(target) {
                            self.out
                                .push(bad_link(self.locate, target, &why, Some(name)));
                        }
                    }
                },
                Value::Email(address) => {
                    if let Err(why) = email_address(address) {
                        self.out
                            .push(bad_link(self.locate, address, &why, Some(name)));
                    }
                }
                Value::Date(_)
                | Value::Month(_)
                | Value::Duration(_)
                | Value::Number(_)
                | Value::Label { .. }
                | Value::Window(_) => {}
            }
        }
    }

    fn entity(&mut self, id: &Id) {
        if self.policy.entity(id.as_str()).is_none() {
            let known: Vec<&str> = self.policy.entities.iter().map(|e| e.id.as_str()).collect();
            self.out.push(
                Diagnostic::error("PG0113", format!("unknown entity `{id}`"))
                    .at(self.locate.reference(id), "not defined under `entities:`")
                    .help(format!(
                        "use one of the defined entities ({}), or define `{id}` under `entities:`",
                        known.join(", ")
                    )),
            );
        }
    }
}

/// A web address readers can follow: absolute, with a scheme browsers open.
fn web_address(text: &str) -> Result<(), String> {
    let url =
        url::Url::parse(text).map_err(|e| format!("`{text}` is not a valid address ({e})"))?;
    match url.scheme() {
        "https" | "http" => {
            if url
                .host_str()
                .is_none_or(|h| !h.contains('.') && h != "localhost")
            {
                return Err(format!("`{text}` has no host name"));
            }
            Ok(())
        }
        "mailto" => email_address(url.path()),
        "tel" => Ok(()),
        other => Err(format!(
            "`{text}` uses the scheme `{other}:`, which readers' browsers do not open as a page"
        )),
    }
}

fn email_address(text: &str) -> Result<(), String> {
    let valid = text.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !text
                .chars()
                .any(|c| c.is_whitespace() || "<>()[],;:\\\"".contains(c))
            && !domain.contains('@')
    });
    if valid {
        Ok(())
    } else {
        Err(format!("`{text}` is not an email address"))
    }
}

/// A bad link or address, at its text; when the YAML wrote it with escapes (`\x3a`,
/// `\/`) its parsed text is not in the file, and it is located at its value's key
/// (`name`), else at the first key of `fallback`.
fn bad_link(locate: &Locator, text: &str, why: &str, name: Option<&Id>) -> Diagnostic {
    let found = locate.tokens_raw(text).next();
    let at = match (found, name) {
        (Some(i), _) => locate.file.span(i..i + text.len()),
        (None, Some(name)) => locate.reference_key(name),
        (None, None) => locate
            .tokens_raw("url:")
            .next()
            .map_or_else(|| locate.file.span(0..0), |i| locate.file.span(i..i + 3)),
    };
    Diagnostic::error("PG0121", format!("bad link: {why}"))
        .at(at, "here")
        .help("write a full address (`https://example.com/privacy`, `mailto:privacy@example.com`) or the id of a fact shown on a page")
}

/// Checks the per-language texts against the locales that exist: labels and names must
/// have the reference locale's text, and no key may name a locale the site does not
/// have (a typo such as `fr-FR` would otherwise silently show the reference text).
pub fn labels(
    policy: &Policy,
    file: &SourceFile,
    locales: &[&str],
    reference: &str,
) -> Diagnostics {
    let locate = Locator::new(file);
    let mut out = Vec::new();
    // (what, its owner, the value holding it, its locales)
    let mut maps: Vec<(String, &Id, Option<&Id>, Vec<&String>)> = Vec::new();
    for version in &policy.versions {
        let known: BTreeSet<&str> = version.sources.iter().map(|s| s.id.as_str()).collect();
        for_each_value(version, &mut |owner, name, value| {
            let Value::Label { text, sources, ui } = value else {
                return;
            };
            // A catalog label's texts come from the product's catalogs, which
            // `policy::ui` checked when it filled them in.
            if text.is_empty() && ui.is_none() {
                out.push(
                    Diagnostic::error("PG0117", format!("the `{name}` label has no text"))
                        .at(locate.definition(owner, 0), "in this fact")
                        .help(format!("give the label as the product shows it, in the language a source gives it: `label: {{ {reference}: … }}`")),
                );
            }
            for (locale, source) in sources {
                if !text.contains_key(locale) {
                    out.push(
                        Diagnostic::error("PG0117", format!("the `{name}` label names a source for `{locale}`, which has no text"))
                            .at(locate.reference(source), "no text for this locale")
                            .help(format!("add the `{locale}` text under `label:`, or remove this source")),
                    );
                }
                if !known.contains(source.as_str()) {
                    out.push(
                        Diagnostic::error(
                            "PG0114",
                            format!("the `{name}` label names an unknown source `{source}`"),
                        )
                        .at(locate.reference(source), "not a source of this version")
                        .help("use the id of a source under this version's `sources:`"),
                    );
                }
            }
            // Invent no label: in a version that names its sources, each text says
            // which one it comes from.
            if !version.sources.is_empty() && ui.is_none() {
                for locale in text.keys().filter(|l| !sources.contains_key(*l)) {
                    out.push(
                        Diagnostic::warning("PG0129", format!("the `{name}` label's `{locale}` text comes from no source"))
                            .at(locate.tokens(locale).next().map_or_else(|| locate.definition(owner, 0), |i| file.span(i..i + locale.len())), "no source")
                            .help(format!("name the source that shows this text (`sources: {{ {locale}: source-id }}`), or remove the text: a locale without its own shows a sourced one, marked with its language")),
                    );
                }
            }
            // A catalog label's locales are the catalogs', checked once below.
            if ui.is_none() {
                maps.push((
                    format!("the `{name}` label"),
                    owner,
                    Some(name),
                    text.keys().collect(),
                ));
            }
        });
    }
    let interface = &policy.interface;
    let after = file.text.find("interface:").unwrap_or(0);
    for (what, tags) in [
        (
            "names a catalog",
            interface.catalogs.keys().collect::<Vec<_>>(),
        ),
        ("says `describe`", interface.describe.iter().collect()),
        ("says `none`", interface.none.iter().collect()),
    ] {
        for tag in tags.into_iter().filter(|t| !locales.contains(&t.as_str())) {
            out.push(
                Diagnostic::warning(
                    "PG0118",
                    format!("`interface:` {what} for `{tag}`, which is not a locale of this site (yet)"),
                )
                .at(crate::interface::locate(file, tag, after), "no such locale")
                .help(format!(
                    "create locales/{tag}/ with its messages to publish that language, or fix the tag if it is a typo (the locales: {})",
                    locales.join(", ")
                )),
            );
        }
    }
    for entity in &policy.entities {
        if let Name::PerLocale(map) = &entity.name {
            maps.push((
                format!("the name of `{}`", entity.id),
                &entity.id,
                None,
                map.keys().collect(),
            ));
        }
        maps.push((
            format!("the grammar of `{}`", entity.id),
            &entity.id,
            None,
            entity.grammar.keys().collect(),
        ));
    }
    for (what, owner, value, keys) in maps {
        for key in keys.into_iter().filter(|k| !locales.contains(&k.as_str())) {
            // The key's first occurrence after its owner and value (a tag such as `fr`
            // occurs all over a policy).
            let mut from = locate.definition(owner, 0).range.start;
            if let Some(value) = value {
                from = locate
                    .tokens(value.as_str())
                    .find(|&i| i >= from)
                    .unwrap_or(from);
            }
            let at = locate
                .tokens(key)
                .find(|&i| i >= from)
                .or_else(|| locate.tokens(key).next())
                .map_or_else(
                    || locate.definition(owner, 0),
                    |i| file.span(i..i + key.len()),
                );
            // A warning: a writer builds the reference locale first, with the labels of
            // languages to come already in the policy; they show once the folder exists.
            out.push(
                Diagnostic::warning(
                    "PG0118",
                    format!("{what} has text for `{key}`, which is not a locale of this site (yet): it is not shown"),
                )
                .at(at, "no such locale")
                .help(format!(
                    "create locales/{key}/ with its messages to publish that language, or fix the tag if it is a typo (the locales: {})",
                    locales.join(", ")
                )),
            );
        }
    }
    // Versions share labels through anchors: report each problem once.
    let mut seen = BTreeSet::new();
    out.retain(|d| seen.insert((d.code, d.position())));
    out
}

/// A value named like one policyglot generates (`count` on a fact with a list,
/// `<list>-count` beside an entity list, a version's dates) would shadow it for every fact inside: "7 plans"
/// where the list holds two, in every language at once, so no parity check could see it.
fn generated_names(policy: &Policy, file: &SourceFile) -> Diagnostics {
    let mut lists = BTreeSet::new();
    for version in &policy.versions {
        for_each_value(version, &mut |_, name, value| {
            if matches!(value, Value::Entities { .. }) {
                lists.insert(format!("{name}-count"));
            }
        });
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for version in &policy.versions {
        for_each_value(version, &mut |owner, name, _| {
            let name = name.as_str();
            let generated = if name == "count" {
                "the number of items of a fact's list".to_owned()
            } else if ["effective", "announced", "updated"].contains(&name) {
                format!("the version's `{name}` date")
            } else if lists.contains(name) {
                format!(
                    "the length of the entity list `{}`",
                    name.trim_end_matches("-count")
                )
            } else {
                return;
            };
            if !seen.insert((owner.to_string(), name.to_owned())) {
                return;
            }
            let key = format!("{name}:");
            let at = file
                .text
                .match_indices(&key)
                .map(|(i, _)| i)
                .find(|&i| {
                    !file.text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
                })
                .map_or_else(|| file.span(0..0), |i| file.span(i..i + name.len()));
            out.push(
                Diagnostic::error(
                    "PG0133",
                    format!("the value `{name}` of `{owner}` has the name of a value policyglot generates ({generated}), which it would replace"),
                )
                .at(at, "shadows a generated value")
                .help("rename the value: a count of listed entities or items comes from the list itself, so it cannot drift from it"),
            );
        });
    }
    out
}

/// Calls `f(fact id, value name, value)` for every value of `version` (version values
/// are owned by the version's id).
fn for_each_value<'v>(version: &'v Version, f: &mut impl FnMut(&'v Id, &'v Id, &'v Value)) {
    fn walk<'v>(fact: &'v Fact, f: &mut impl FnMut(&'v Id, &'v Id, &'v Value)) {
        for (name, value) in &fact.values {
            f(&fact.id, name, value);
        }
        for (_, list) in fact.lists() {
            for child in list {
                walk(child, f);
            }
        }
    }
    for (name, value) in &version.values {
        f(&version.id, name, value);
    }
    for block in &version.blocks {
        walk(block, f);
    }
}

fn duplicates(ids: &[&Id], locate: &Locator) -> Diagnostics {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for id in ids {
        let count = seen.entry(id.as_str()).or_default();
        *count += 1;
        if *count == 2 {
            out.push(
                Diagnostic::error("PG0112", format!("duplicate id `{id}`"))
                    .at(locate.definition(id, 1), "defined again here")
                    .help(format!(
                        "ids must be unique: rename one of the two `{id}` (the first is at line {})",
                        locate.definition(id, 0).line
                    )),
            );
        }
    }
    out
}

/// Where `id` is defined in the policy file (its first `id: …` line). For one lookup;
/// a caller locating many ids keeps one [`Locator`], which indexes the text once.
pub fn locate_definition(file: &SourceFile, id: &Id) -> Location {
    Locator::new(file).definition(id, 0)
}

/// Finds where a value sits in the YAML text. serde_yaml keeps no positions for values
/// that parsed fine, so on the error path we search the source for the token. The text
/// is indexed on the first search (each word's offsets, each line's start and where its
/// comment begins), so a policy with 100,000 findings is read once, not once per
/// finding, and a long line (a flow list of 100,000 ids) is not rescanned per match.
pub struct Locator<'a> {
    file: &'a SourceFile,
    index: std::sync::OnceLock<Index<'a>>,
}

/// The words of a text outside comments, and its lines.
struct Index<'a> {
    /// Each maximal run of word characters outside comments, with its offsets in order.
    words: HashMap<&'a str, Vec<usize>>,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// Byte offset where each line's code ends: its first `#`, or its end.
    code_ends: Vec<usize>,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

impl<'a> Index<'a> {
    fn new(text: &'a str) -> Index<'a> {
        let bytes = text.as_bytes();
        let mut index = Index {
            words: HashMap::new(),
            line_starts: Vec::new(),
            code_ends: Vec::new(),
        };
        let mut start = 0;
        while start <= bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
            let code_end = memchr::memchr(b'#', &bytes[start..end]).map_or(end, |i| start + i);
            index.line_starts.push(start);
            index.code_ends.push(code_end);
            let mut i = start;
            while i < code_end {
                if !is_word_byte(bytes[i]) {
                    i += 1;
                    continue;
                }
                let from = i;
                while i < code_end && is_word_byte(bytes[i]) {
                    i += 1;
                }
                index.words.entry(&text[from..i]).or_default().push(from);
            }
            start = end + 1;
        }
        index
    }

    /// The start of the line holding `offset`.
    fn line_start(&self, offset: usize) -> usize {
        self.line_starts[self.line_starts.partition_point(|&s| s <= offset) - 1]
    }

    fn in_comment(&self, offset: usize) -> bool {
        offset >= self.code_ends[self.line_starts.partition_point(|&s| s <= offset) - 1]
    }
}

impl<'a> Locator<'a> {
    pub fn new(file: &'a SourceFile) -> Locator<'a> {
        Locator {
            file,
            index: std::sync::OnceLock::new(),
        }
    }

    fn index(&self) -> &Index<'a> {
        self.index.get_or_init(|| Index::new(&self.file.text))
    }

    /// The text of the line holding `offset`, up to it.
    fn before(&self, offset: usize) -> &'a str {
        let text: &'a str = &self.file.text;
        &text[self.index().line_start(offset)..offset]
    }

    /// The `nth` (0-based) definition of `id`: `id: <id>`, a bare `- <id>` list item, or
    /// a bare id in a one-line fact list (`items: [a, <id>]`).
    pub fn definition(&self, id: &Id, nth: usize) -> Location {
        const LISTS: [&str; 5] = ["items:", "steps:", "quotes:", "notes:", "rows:"];
        self.tokens(id.as_str())
            .filter(|&start| {
                let before = self.before(start).trim_end();
                let in_flow_list = before
                    .trim_start()
                    .trim_start_matches("- ")
                    .split_once('[')
                    .is_some_and(|(key, _)| LISTS.contains(&key.trim()));
                before.ends_with("id:") || before.trim_start() == "-" || in_flow_list
            })
            .nth(nth)
            .or_else(|| self.tokens(id.as_str()).next())
            .map_or_else(
                || self.file.span(0..0),
                |start| self.file.span(start..start + id.as_str().len()),
            )
    }

    /// The first occurrence of `id` used as a value (a reference).
    fn reference(&self, id: &Id) -> Location {
        self.tokens(id.as_str())
            .find(|&start| !self.before(start).trim_end().ends_with("id:"))
            .map_or_else(
                || self.definition(id, 0),
                |start| self.file.span(start..start + id.as_str().len()),
            )
    }

    /// Where the value `name` is given (`name: { … }`).
    fn reference_key(&self, name: &Id) -> Location {
        self.tokens(name.as_str())
            .find(|&start| self.file.text[start + name.as_str().len()..].starts_with(':'))
            .map_or_else(
                || self.file.span(0..0),
                |start| self.file.span(start..start + name.as_str().len()),
            )
    }

    /// Byte offsets of `text` anywhere outside comments (addresses are not words).
    fn tokens_raw<'s>(&'s self, token: &'s str) -> impl Iterator<Item = usize> + 's {
        let text = &*self.file.text;
        text.match_indices(token)
            .map(|(i, _)| i)
            .filter(move |&i| !self.index().in_comment(i))
    }

    /// Byte offsets of `token` as a whole word outside comments, in order.
    fn tokens<'s>(&'s self, token: &'s str) -> Box<dyn Iterator<Item = usize> + 's> {
        if !token.is_empty() && token.bytes().all(is_word_byte) {
            let found = self.index().words.get(token).map_or(&[][..], Vec::as_slice);
            return Box::new(found.iter().copied());
        }
        let text = &*self.file.text;
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        Box::new(text.match_indices(token).map(|(i, _)| i).filter(move |&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + token.len()..].chars().next();
            !self.index().in_comment(i)
                && !before.is_some_and(is_word)
                && !after.is_some_and(is_word)
        }))
    }
}

/// A URI as feeds need an id: a scheme (a letter, then letters, digits, `+`, `-`, `.`),
/// a colon, and something after it, with no white space or control character.
fn is_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}
