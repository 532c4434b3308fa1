//! What templates receive: fact blocks, notices and change lists as HTML fragments, built
//! from the fact tree and the locale's messages.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use super::markdown;
use crate::diag::Diagnostic;
use crate::l10n::Stale;
use crate::l10n::{Locale, Locales, fallback};
use crate::policy::diff::Change;
use crate::policy::{Arg, Date, Node, NodeKind, Policy, Version, facts};

/// A fact block ready for a template: ids, kinds and HTML fragments.
#[derive(Debug, Serialize)]
pub struct BlockView {
    pub id: String,
    pub kind: NodeKind,
    /// Inline HTML of the `.title` attribute, when the message has one.
    pub title: Option<String>,
    /// HTML of the message value (block HTML for blocks and notes, inline otherwise).
    pub html: String,
    /// Listed children: items, steps, quotes or table rows (`list` says which).
    pub items: Vec<BlockView>,
    /// The kind of the listed children, when there are any.
    pub list: Option<NodeKind>,
    /// A table's column headings (inline HTML), when the children are rows.
    pub columns: Vec<String>,
    /// A row's cells after its first (inline HTML), one per further column.
    pub cells: Vec<String>,
    /// Paragraphs after the list.
    pub notes: Vec<BlockView>,
    /// Shown when the block's translation is stale (its reference text changed since).
    pub stale: Option<Notice>,
    /// Shown when an announced version changes this block.
    pub upcoming: Option<Notice>,
    /// Inline HTML of the notice shown when the block (or a fact in it) is in the
    /// reference's text, its translation not written yet (`l10n::fallback`).
    pub untranslated: Option<String>,
}

/// A one-line notice with a link.
#[derive(Debug, Serialize)]
pub struct Notice {
    /// Inline HTML of the notice message.
    pub text: String,
    /// Inline HTML of its `.link` attribute.
    pub link: String,
    pub href: String,
}

/// One version change, as a page.
#[derive(Clone)]
pub struct ChangeSet<'p> {
    pub version: &'p Version,
    pub date: Date,
    /// Shared between the locales' copies of the set (`in_locale`), not copied.
    pub changes: Vec<Arc<Change>>,
    /// Not yet in force on the build date.
    pub upcoming: bool,
    /// For each added fact, the facts around it in its version (the blocks it joins):
    /// a block of the version before is touched when a fact is added inside it.
    pub added_within: Vec<(String, Vec<String>)>,
}

impl ChangeSet<'_> {
    pub fn file(&self) -> String {
        format!("changes-{}.html", self.version.id)
    }

    pub fn touches(&self, node: &Node) -> bool {
        self.anchor(node).is_some()
    }

    /// The id of the first change within `node` (a fact it holds that changes or goes,
    /// or one added inside it), where its notice links on the "what changed" page.
    pub fn anchor(&self, node: &Node) -> Option<&str> {
        let changed = node.walk().find_map(|n| {
            self.changes
                .iter()
                .map(|c| c.id())
                .find(|id| *id == n.id.as_str())
        });
        changed.or_else(|| {
            self.added_within
                .iter()
                .find(|(_, around)| {
                    node.walk()
                        .any(|n| around.iter().any(|a| a == n.id.as_str()))
                })
                .map(|(id, _)| id.as_str())
        })
    }

    /// The selector value of `changes-*` messages.
    pub fn status(&self) -> &'static str {
        if self.upcoming { "upcoming" } else { "past" }
    }

    /// What `date` is, for `changes-*` messages: `effective` (the day the version takes
    /// effect) or `announced` (the day it was announced; its effective day is no
    /// source's).
    pub fn dated(&self) -> &'static str {
        if self.version.effective_stated {
            "effective"
        } else {
            "announced"
        }
    }

    /// The values every `changes-*` message gets.
    pub fn args(&self) -> [(&'static str, Arg); 3] {
        [
            ("date", Arg::Date(self.date)),
            ("status", Arg::Keyword(self.status().to_owned())),
            ("dated", Arg::Keyword(self.dated().to_owned())),
        ]
    }
}

/// Every version change of the policy, oldest first.
pub fn change_sets(policy: &Policy, today: Date) -> Vec<ChangeSet<'_>> {
    policy
        .versions
        .iter()
        .filter_map(|v| {
            let previous = policy.previous(v)?;
            let effective = v.effective?;
            // Pages say the day a source gives: the effective day, or the announcement
            // when the effective day is an inference (which still decides `upcoming`).
            let date = v.shown_date().unwrap_or(effective);
            let changes: Vec<Arc<Change>> = crate::policy::diff::diff(policy, previous, v)
                .into_iter()
                .map(Arc::new)
                .collect();
            let added_within = changes
                .iter()
                .filter_map(|c| match &**c {
                    Change::Added(node) => {
                        let path = path_to(facts::blocks(policy, v), node.id.as_str())?;
                        let around = path[..path.len() - 1]
                            .iter()
                            .map(|n| n.id.to_string())
                            .collect();
                        Some((node.id.to_string(), around))
                    }
                    _ => None,
                })
                .collect();
            Some(ChangeSet {
                version: v,
                date,
                changes,
                upcoming: effective > today,
                added_within,
            })
        })
        .collect()
}

pub fn block_view(
    locales: &Locales,
    page_locale: &Locale,
    fragments: &Fragments,
    node: &Node,
    columns: &[crate::policy::Id],
) -> Result<BlockView, Diagnostic> {
    let id = node.id.as_str();
    // A fact this locale has no message for yet is worded by the reference, marked so.
    let (locale, foreign) = locales.speaker(page_locale, id);
    let title = if locale.has(id, Some("title")) {
        Some(marked_inline(
            foreign,
            markdown::inline(&locales.format(locale, id, Some("title"), &node.args)?),
        ))
    } else {
        None
    };
    // Without a message of its own, an entity listed as an item shows its name; any
    // other fact without a value or a title is reported as a missing message.
    let html = match (&node.entity, &title) {
        _ if locale.has(id, None) => fact_html(locales, locale, fragments, node)?,
        (Some(name), None) => markdown::inline(&crate::l10n::escape_markdown(
            &crate::l10n::name_in(name, &locale.tag, &locales.reference().tag),
        )),
        (None, None) => fact_html(locales, locale, fragments, node)?,
        (_, Some(_)) => String::new(),
    };
    let html = match node.kind.is_block() {
        true => marked_block(foreign, html),
        false => marked_inline(foreign, html),
    };
    // This fact's attribute `name`, as inline HTML.
    let attribute = |name: &str| -> Result<String, Diagnostic> {
        Ok(marked_inline(
            foreign,
            markdown::inline(&locales.format(locale, id, Some(name), &node.args)?),
        ))
    };
    // A row's further cells: its attribute named like the column, else that value.
    let cells = columns
        .iter()
        .skip(1)
        .map(|column| match node.arg(column.as_str()) {
            _ if locale.has(id, Some(column.as_str())) => attribute(column.as_str()),
            Some(arg) => Ok(marked_inline(
                foreign,
                markdown::inline(&locales.format_value(locale, arg)?),
            )),
            None => Ok(String::new()),
        })
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    // A table's column headings: its attributes named like the columns.
    let headings = node
        .columns
        .iter()
        .map(|column| attribute(column.as_str()))
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    let (mut items, mut notes) = (Vec::new(), Vec::new());
    let mut list = None;
    for child in &node.children {
        let view = block_view(locales, page_locale, fragments, child, &node.columns)?;
        if child.kind == NodeKind::Note {
            notes.push(view)
        } else {
            list = Some(child.kind);
            items.push(view)
        }
    }
    Ok(BlockView {
        id: id.to_owned(),
        kind: node.kind,
        title,
        html,
        items,
        list,
        columns: headings,
        cells,
        notes,
        stale: None,
        upcoming: None,
        untranslated: None,
    })
}

/// Inline HTML marked as written in `lang`, when it is another language's (not empty).
fn marked_inline(lang: Option<&str>, html: String) -> String {
    match lang {
        Some(lang) if !html.is_empty() => fallback::inline_in(lang, &html),
        _ => html,
    }
}

/// Block HTML marked as written in `lang`, when it is another language's (not empty).
fn marked_block(lang: Option<&str>, html: String) -> String {
    match lang {
        Some(lang) if !html.is_empty() => fallback::block_in(lang, &html),
        _ => html,
    }
}

/// The notice on a block that shows a fact in the reference's text, its translation
/// not written yet (any fact of the block): `untranslated-notice`, in the page's locale.
pub fn untranslated_notice(
    locales: &Locales,
    locale: &Locale,
    node: &Node,
) -> Result<Option<String>, Diagnostic> {
    let fallback = locales.fallback();
    if !node
        .walk()
        .any(|n| fallback.get(&locale.tag, n.id.as_str()))
    {
        return Ok(None);
    }
    let text = locales.text(locale, fallback::UNTRANSLATED_NOTICE, None)?;
    Ok(Some(markdown::inline(&text)))
}

/// The HTML of a fact's sentence: block HTML for blocks and notes, inline otherwise.
/// The block HTML of each node's message in one locale, made once: a fact shown on
/// several pages (a topic in its section's list and on its own page) is formatted and
/// sanitized once. Keyed by node address: the same node always has the same values.
pub type Fragments = HashMap<usize, OnceLock<Result<String, Diagnostic>>>;

/// An empty cell for every node of `blocks`.
pub fn fragments(blocks: &[Node]) -> Fragments {
    blocks
        .iter()
        .flat_map(Node::walk)
        .map(|n| (std::ptr::from_ref(n) as usize, OnceLock::new()))
        .collect()
}

fn fact_html(
    locales: &Locales,
    locale: &Locale,
    fragments: &Fragments,
    node: &Node,
) -> Result<String, Diagnostic> {
    let block = || {
        locales
            .format(locale, node.id.as_str(), None, &node.args)
            .map(|text| markdown::block(&text))
    };
    let html = match fragments.get(&(std::ptr::from_ref(node) as usize)) {
        Some(cell) => cell.get_or_init(block).clone()?,
        None => block()?,
    };
    Ok(if node.kind.is_block() {
        html
    } else {
        markdown::inline_of_block(html)
    })
}

/// A notice: the text of message `id` (its value, or attribute `text`), and its `.link`.
fn notice(
    locales: &Locales,
    locale: &Locale,
    (id, text): (&str, Option<&str>),
    args: &[(&str, Arg)],
    href: String,
) -> Result<Notice, Diagnostic> {
    Ok(Notice {
        text: markdown::inline(&locales.format(locale, id, text, args)?),
        link: markdown::inline(&locales.format(locale, id, Some("link"), args)?),
        href,
    })
}

/// The notice on a block whose translation is stale in `locale` (any message of the
/// block), dated with the latest change of the reference text: `stale-notice` with
/// `$changed`, or its `.undated` text when no commit dates a change (an uncommitted edit
/// is newer than any dated one).
pub fn stale_notice(
    locales: &Locales,
    locale: &Locale,
    node: &Node,
    stale: &Stale,
    page_href: &str,
) -> Result<Option<Notice>, Diagnostic> {
    let changes: Vec<Option<Date>> = node
        .walk()
        .filter_map(|n| stale.get(&locale.tag, n.id.as_str()))
        .collect();
    if changes.is_empty() {
        return Ok(None);
    }
    let href = format!("../{}/{page_href}#{}", locales.reference().tag, node.id);
    let latest = match changes.contains(&None) {
        true => None,
        false => changes.into_iter().flatten().max(),
    };
    match latest {
        Some(changed) => notice(
            locales,
            locale,
            (STALE_NOTICE, None),
            &[("changed", Arg::Date(changed))],
            href,
        ),
        None => notice(locales, locale, (STALE_NOTICE, Some("undated")), &[], href),
    }
    .map(Some)
}

/// The message of the notice on a stale translation.
pub const STALE_NOTICE: &str = "stale-notice";
/// The message of the notice on a block a later version changes.
pub const UPCOMING_NOTICE: &str = "upcoming-notice";

/// The notice on a block that an announced version will change.
pub fn upcoming_notice(
    locales: &Locales,
    locale: &Locale,
    node: &Node,
    sets: &[ChangeSet],
) -> Result<Option<Notice>, Diagnostic> {
    let Some(set) = sets.iter().find(|s| s.upcoming && s.touches(node)) else {
        return Ok(None);
    };
    let href = format!(
        "{}#{}",
        set.file(),
        set.anchor(node).unwrap_or(node.id.as_str())
    );
    notice(
        locales,
        locale,
        (UPCOMING_NOTICE, None),
        &[
            ("date", Arg::Date(set.date)),
            ("dated", Arg::Keyword(set.dated().to_owned())),
        ],
        href,
    )
    .map(Some)
}

/// Whether a changed fact may read differently in some locale: a value that one of its
/// messages names in some locale differs, or a cell of its row, or its name. Every fact
/// gets its version's dates and values, so most facts' values differ between any two
/// versions; this keeps the few whose text can differ, without formatting anything.
/// Added and removed facts always count.
pub fn may_read_differently(locales: &Locales, change: &Change) -> bool {
    let Change::Changed {
        before,
        after,
        columns: [old_columns, new_columns],
    } = change
    else {
        return true;
    };
    let id = after.id.as_str();
    let cell =
        |column: &crate::policy::Id| before.arg(column.as_str()) != after.arg(column.as_str());
    before.entity != after.entity
        || old_columns != new_columns
        || new_columns.iter().skip(1).any(cell)
        || !locales.same_used_args(id, &before.args, &after.args)
}

/// Whether a changed fact reads differently in `locale`: in its sentence, any attribute
/// of its message (its heading, a cell it words itself), a cell showing one of its
/// values, or its name (added and removed facts always do). A change that only another
/// language's wording shows (a label changed in one language) is announced in that
/// language alone; one no wording shows (a value only another variant uses) nowhere.
/// Both sides are worded on `day`, the day of the change, so a window that merely
/// changes status as one version follows another is no change of the policy.
pub fn reads_differently(locales: &Locales, locale: &Locale, change: &Change, day: Date) -> bool {
    let Change::Changed {
        before,
        after,
        columns: [old_columns, new_columns],
    } = change
    else {
        return true;
    };
    let on_day = |node| facts::resolved(node, |bound| bound.window.status_on(day));
    shown(locales, locale, &on_day(before), old_columns)
        != shown(locales, locale, &on_day(after), new_columns)
}

/// Everything `node` shows a reader of `locale`, as text: its message's value and every
/// attribute, then its row's cells (`columns` after the first) that show a value alone,
/// then its name when it shows its entity's name. A message that fails to format reads
/// as empty here: the error is reported where the page is rendered.
fn shown(
    locales: &Locales,
    locale: &Locale,
    node: &Node,
    columns: &[crate::policy::Id],
) -> Vec<String> {
    let id = node.id.as_str();
    let parts = locale.source.parts(id);
    let mut out: Vec<String> = parts
        .iter()
        .map(|part| {
            locales
                .format(locale, id, part.attribute.as_deref(), &node.args)
                .unwrap_or_default()
        })
        .collect();
    for column in columns.iter().skip(1) {
        if !locale.has(id, Some(column.as_str())) {
            let cell = node
                .arg(column.as_str())
                .map(|arg| locales.format_value(locale, arg).unwrap_or_default());
            out.push(cell.unwrap_or_default());
        }
    }
    if let (Some(name), false) = (&node.entity, locale.has(id, None)) {
        out.push(
            name.for_locale(&locale.tag, &locales.reference().tag)
                .to_owned(),
        );
    }
    out
}

/// `sets` as `locale` reads them: each keeps the changes that read differently in it.
pub fn in_locale<'p>(
    locales: &Locales,
    locale: &Locale,
    sets: &[ChangeSet<'p>],
) -> Vec<ChangeSet<'p>> {
    sets.iter()
        .map(|set| ChangeSet {
            changes: set
                .changes
                .iter()
                .filter(|c| reads_differently(locales, locale, c, set.date))
                .cloned()
                .collect(),
            ..set.clone()
        })
        .collect()
}

/// The changed facts under one heading.
#[derive(Debug, Serialize)]
pub struct ChangeGroup {
    /// Inline HTML of the heading.
    pub heading: String,
    pub changes: Vec<ChangeView>,
}

/// Groups changes by heading, in the order each heading first comes, so every heading
/// shows once on the page (a removed fact joins the facts of its block, wherever the
/// diff placed it).
pub fn group_changes(views: Vec<ChangeView>) -> Vec<ChangeGroup> {
    let mut groups: Vec<ChangeGroup> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for view in views {
        match at.get(&view.heading) {
            Some(&i) => groups[i].changes.push(view),
            None => {
                at.insert(view.heading.clone(), groups.len());
                groups.push(ChangeGroup {
                    heading: view.heading.clone(),
                    changes: vec![view],
                });
            }
        }
    }
    groups
}

/// One changed fact on a "what changed" page.
#[derive(Debug, Serialize)]
pub struct ChangeView {
    pub id: String,
    /// "changed", "added" or "removed".
    pub kind: &'static str,
    /// Inline HTML of the heading: the fact's title or that of its block.
    pub heading: String,
    /// The fact as it was (block HTML), for changed and removed facts.
    pub before: Option<String>,
    /// The fact as it is from the change, for changed and added facts.
    pub after: Option<String>,
    /// The list (and notes) under the fact before and after, when it has one: a
    /// sentence that introduces a list ("How long we keep your data:") does not read
    /// alone, so the page shows it with what it introduces.
    pub before_list: Option<BlockView>,
    pub after_list: Option<BlockView>,
}

/// The changed facts of `set`, as the locale words them before and after.
pub fn change_views(
    policy: &Policy,
    locales: &Locales,
    locale: &Locale,
    set: &ChangeSet,
) -> Result<Vec<ChangeView>, Diagnostic> {
    let previous = policy
        .previous(set.version)
        .expect("change sets have a previous version");
    let page_locale = locale;
    // A fact's heading: its own title, or that of the nearest block around it.
    let heading = |version: &Version, node: &Node| -> Result<String, Diagnostic> {
        let blocks = facts::blocks(policy, version);
        let path = path_to(blocks, node.id.as_str()).unwrap_or_default();
        let titled = path.iter().rev().find_map(|n| {
            let (speaker, lang) = locales.speaker(page_locale, n.id.as_str());
            speaker
                .has(n.id.as_str(), Some("title"))
                .then_some((n, speaker, lang))
        });
        match titled {
            Some((titled, speaker, lang)) => Ok(marked_inline(
                lang,
                markdown::inline(&locales.format(
                    speaker,
                    titled.id.as_str(),
                    Some("title"),
                    &titled.args,
                )?),
            )),
            None => Ok(String::new()),
        }
    };
    let sentence = |node: &Node| -> Result<String, Diagnostic> {
        let (locale, lang) = locales.speaker(page_locale, node.id.as_str());
        let html = if locale.has(node.id.as_str(), None) {
            let block = Node {
                kind: NodeKind::Block,
                ..node.clone()
            };
            fact_html(locales, locale, &Fragments::new(), &block)?
        } else {
            markdown::block(&locales.format(locale, node.id.as_str(), Some("title"), &node.args)?)
        };
        Ok(marked_block(lang, html))
    };
    // Changes hold facts without their lists; the list is the version's.
    let list = |version: &Version, node: &Node| -> Result<Option<BlockView>, Diagnostic> {
        match facts::find(facts::blocks(policy, version), node.id.as_str()) {
            Some(full) if !full.children.is_empty() => {
                block_view(locales, locale, &Fragments::new(), full, &[]).map(Some)
            }
            _ => Ok(None),
        }
    };
    // What a changed fact reads as on one side: its sentence and its list; a row of a
    // table, inside its table (the table's sentence, its column headings, this row alone).
    let side =
        |version: &Version, node: &Node| -> Result<(String, Option<BlockView>), Diagnostic> {
            let path = match node.kind {
                NodeKind::Row => path_to(facts::blocks(policy, version), node.id.as_str()),
                _ => None,
            };
            if let Some([.., table, row]) = path.as_deref() {
                let alone = Node {
                    id: table.id.clone(),
                    kind: table.kind,
                    args: table.args.clone(),
                    children: vec![(*row).clone()],
                    columns: table.columns.clone(),
                    entity: table.entity.clone(),
                };
                let view = block_view(locales, locale, &Fragments::new(), &alone, &[])?;
                let (speaker, _) = locales.speaker(page_locale, table.id.as_str());
                let intro = match speaker.has(table.id.as_str(), None) {
                    true => sentence(table)?,
                    false => sentence(row)?,
                };
                return Ok((intro, Some(view)));
            }
            Ok((sentence(node)?, list(version, node)?))
        };
    // A fact added or removed with its list shows the whole list: the facts inside it
    // are not listed again on their own. (Inside a changed fact they are: each says
    // which fact came or went.)
    let shown: Vec<(&Version, &str)> = set
        .changes
        .iter()
        .filter_map(|change| match &**change {
            Change::Added(node) => Some((set.version, node.id.as_str())),
            Change::Removed(node) => Some((previous, node.id.as_str())),
            Change::Changed { .. } => None,
        })
        .collect();
    let inside_shown = |version: &Version, id: &str| {
        path_to(facts::blocks(policy, version), id).is_some_and(|path| {
            path[..path.len() - 1].iter().any(|ancestor| {
                shown
                    .iter()
                    .any(|(v, shown)| std::ptr::eq(*v, version) && *shown == ancestor.id.as_str())
            })
        })
    };
    set.changes
        .iter()
        .filter(|change| match &***change {
            Change::Added(node) => !inside_shown(set.version, node.id.as_str()),
            Change::Removed(node) => !inside_shown(previous, node.id.as_str()),
            Change::Changed { .. } => true,
        })
        .map(|change| {
            Ok(match &**change {
                Change::Changed { before, after, .. } => {
                    let (old_text, old_list) = side(previous, before)?;
                    let (new_text, new_list) = side(set.version, after)?;
                    ChangeView {
                        id: after.id.to_string(),
                        kind: "changed",
                        heading: heading(set.version, after)?,
                        before: Some(old_text),
                        after: Some(new_text),
                        before_list: old_list,
                        after_list: new_list,
                    }
                }
                Change::Added(node) => {
                    let (text, list) = side(set.version, node)?;
                    ChangeView {
                        id: node.id.to_string(),
                        kind: "added",
                        heading: heading(set.version, node)?,
                        before: None,
                        after: Some(text),
                        before_list: None,
                        after_list: list,
                    }
                }
                Change::Removed(node) => {
                    let (text, list) = side(previous, node)?;
                    ChangeView {
                        id: node.id.to_string(),
                        kind: "removed",
                        heading: heading(previous, node)?,
                        before: Some(text),
                        after: None,
                        before_list: list,
                        after_list: None,
                    }
                }
            })
        })
        .collect()
}

/// The nodes from a top-level block down to the node with `id`.
fn path_to<'a>(nodes: &'a [Node], id: &str) -> Option<Vec<&'a Node>> {
    for node in nodes {
        if node.id.as_str() == id {
            return Some(vec![node]);
        }
        if let Some(mut path) = path_to(&node.children, id) {
            path.insert(0, node);
            return Some(path);
        }
    }
    None
}
