//! The fact tree: a version of the policy as nodes with an id, a layout kind and the
//! typed values their messages get. Everything downstream (render, check, diff) reads
//! this tree, never the YAML model.
//!
//! A node's values are its scope: the version's dates and `values`, then those of every
//! fact around it, then its own (the nearest wins), plus the generated ones: `$count`
//! on a fact with a list, `$<name>-count` beside each entity list, `$<name>-status`,
//! `-from` and `-until` beside each window (`policy::time`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use crate::policy::model::{Fact, ListKind, Policy, Version};
use crate::policy::time::{Span, Status, TimeBound};
use crate::policy::value::{Date, Duration, Id, Join, Localized, Month, Name, Value};

/// How a node is laid out. Templates switch on this; the text comes from the locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// A top-level fact block: a `<section>` with an optional heading and intro.
    Block,
    /// A fact in a bulleted list.
    Item,
    /// A fact in a numbered list.
    Step,
    /// A quotation.
    Quote,
    /// A row of a table.
    Row,
    /// A paragraph that follows a fact's list.
    Note,
}

impl NodeKind {
    fn of(list: ListKind) -> NodeKind {
        match list {
            ListKind::Items => NodeKind::Item,
            ListKind::Steps => NodeKind::Step,
            ListKind::Quotes => NodeKind::Quote,
            ListKind::Rows => NodeKind::Row,
            ListKind::Notes => NodeKind::Note,
        }
    }

    /// Whether the node's sentence is block HTML (paragraphs) rather than inline text.
    pub fn is_block(self) -> bool {
        matches!(self, NodeKind::Block | NodeKind::Note)
    }
}

/// A typed value passed to a message. Formatting per locale happens in `l10n`.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Number(f64),
    Date(Date),
    /// A month of a year, written as the locale writes one ("September 2025").
    Month(Month),
    Duration(Duration),
    /// A selector value, such as `opt-out` (translations select on it, never show it).
    Keyword(String),
    /// Names joined per locale ("A, B and C").
    List {
        names: Vec<Name>,
        join: Join,
    },
    /// One name, in the locale's form.
    Name(Name),
    /// Text the product shows per language (a setting label).
    Localized(Localized),
    /// A link target: an absolute URL, or `page.html#fact` inside the site; with the
    /// language of the page it opens when that page is in one language only.
    Link {
        target: String,
        lang: Option<String>,
    },
    /// An email address, shown as a `mailto:` link.
    Email(String),
    /// A window's status, a selector value (`upcoming`, `open`, `passed`) that depends on
    /// the build day: `l10n` resolves it (`TimeBound::status_on`).
    Status(TimeBound),
}

/// Values by variable name, in name order.
pub type Args = Vec<(String, Arg)>;

/// A node's values, by variable name, in name order. Shared: the items of a list that
/// bring no values of their own hold their parent's scope, not a copy each (100,000
/// items would otherwise hold 100,000 copies of their version's dates).
pub type NodeArgs = std::sync::Arc<[(String, Arg)]>;

/// One fact with its id, its values and its children.
#[derive(Debug, Clone)]
pub struct Node {
    pub id: Id,
    pub kind: NodeKind,
    pub args: NodeArgs,
    pub children: Vec<Node>,
    /// The columns of the table its `Row` children make.
    pub columns: Vec<Id>,
    /// The entity this node lists: without a message of its own it shows this name.
    pub entity: Option<Name>,
}

impl Node {
    /// This node and all its descendants, depth first.
    pub fn walk(&self) -> Box<dyn Iterator<Item = &Node> + '_> {
        Box::new(std::iter::once(self).chain(self.children.iter().flat_map(Node::walk)))
    }

    /// The value named `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, a)| a)
    }
}

/// `node` with each window's status as a keyword, as `status` words it, and without its
/// list: itself when it has no window (most nodes).
pub fn resolved(node: &Node, status: impl Fn(&TimeBound) -> Status) -> Cow<'_, Node> {
    if !node.args.iter().any(|(_, a)| matches!(a, Arg::Status(_))) {
        return Cow::Borrowed(node);
    }
    let args = node
        .args
        .iter()
        .map(|(name, arg)| match arg {
            Arg::Status(bound) => (
                name.clone(),
                Arg::Keyword(status(bound).as_str().to_owned()),
            ),
            other => (name.clone(), other.clone()),
        })
        .collect::<Vec<_>>()
        .into();
    Cow::Owned(Node {
        id: node.id.clone(),
        kind: node.kind,
        args,
        children: Vec::new(),
        columns: node.columns.clone(),
        entity: node.entity.clone(),
    })
}

/// Finds a node by id anywhere in the tree.
pub fn find<'a>(blocks: &'a [Node], id: &str) -> Option<&'a Node> {
    blocks
        .iter()
        .flat_map(Node::walk)
        .find(|n| n.id.as_str() == id)
}

/// Every node by id, for many lookups: the same answers as `find` (the first node in
/// walk order wins), without walking the tree each time.
pub fn index(blocks: &[Node]) -> HashMap<&str, &Node> {
    let mut out = HashMap::new();
    for node in blocks.iter().flat_map(Node::walk) {
        out.entry(node.id.as_str()).or_insert(node);
    }
    out
}

/// The version's dates, which every fact and template message gets.
pub fn version_dates(version: &Version) -> Args {
    [
        ("announced", version.announced),
        ("effective", version.effective),
        ("updated", version.updated),
    ]
    .into_iter()
    .filter_map(|(name, date)| date.map(|d| (name.to_owned(), Arg::Date(d))))
    .collect()
}

/// The page each fact of `version` is shown on (the first page listing it or a fact
/// around it), for links to facts.
pub fn pages_of(policy: &Policy, version: &Version) -> HashMap<Id, Id> {
    fn under<'a>(fact: &'a Fact, out: &mut Vec<&'a Fact>) {
        out.push(fact);
        for (_, list) in fact.lists() {
            for child in list {
                under(child, out);
            }
        }
    }
    let mut all = Vec::new();
    for block in &version.blocks {
        under(block, &mut all);
    }
    let mut out = HashMap::new();
    for page in &policy.pages {
        for shown in all.iter().filter(|f| page.blocks.contains(&f.id)) {
            let mut ids = Vec::new();
            under(shown, &mut ids);
            for fact in ids {
                out.entry(fact.id.clone())
                    .or_insert_with(|| page.id.clone());
            }
        }
    }
    out
}

/// The blocks of one version, in the policy's order (built once per policy).
pub fn blocks<'p>(policy: &'p Policy, version: &Version) -> &'p [Node] {
    let trees = policy
        .trees
        .get_or_init(|| policy.versions.iter().map(|v| build(policy, v)).collect());
    let at = policy
        .versions
        .iter()
        .position(|v| std::ptr::eq(v, version))
        .or_else(|| policy.versions.iter().position(|v| v.id == version.id))
        .expect("a version of this policy");
    &trees[at]
}

fn build(policy: &Policy, version: &Version) -> Vec<Node> {
    let builder = Builder {
        policy,
        pages: pages_of(policy, version),
        span: Span::of(policy, version),
    };
    let mut scope: BTreeMap<String, Arg> = version_dates(version).into_iter().collect();
    builder.add_values(&mut scope, &version.values);
    let inherited = std::sync::OnceLock::new();
    version
        .blocks
        .iter()
        .map(|fact| builder.node(fact, NodeKind::Block, &scope, &inherited))
        .collect()
}

struct Builder<'p> {
    policy: &'p Policy,
    pages: HashMap<Id, Id>,
    /// The days the version is in force, which its windows are worded within.
    span: Span,
}

impl Builder<'_> {
    /// The node of `fact` in `outer`'s scope; `inherited` is that scope as a node holds
    /// it (without `$count`), made once for all the facts of a list that add nothing.
    fn node(
        &self,
        fact: &Fact,
        kind: NodeKind,
        outer: &BTreeMap<String, Arg>,
        inherited: &std::sync::OnceLock<NodeArgs>,
    ) -> Node {
        let entity = self.policy.entity(fact.id.as_str());
        let listed = fact
            .lists()
            .into_iter()
            .filter(|(kind, _)| *kind != ListKind::Notes)
            .map(|(_, list)| list.len())
            .sum::<usize>();
        let adds = !fact.values.is_empty() || entity.is_some_and(|e| !e.values.is_empty());
        let mut scope = Cow::Borrowed(outer);
        if adds || listed > 0 {
            let scope = scope.to_mut();
            if let Some(entity) = entity {
                self.add_values(scope, &entity.values);
            }
            self.add_values(scope, &fact.values);
            if listed > 0 {
                scope.insert("count".to_owned(), Arg::Number(listed as f64));
            } else {
                // `$count` belongs to the fact that has the list, not to its items.
                scope.remove("count");
            }
        }
        let own = |scope: &BTreeMap<String, Arg>| -> NodeArgs {
            scope
                .iter()
                .filter(|(name, _)| listed > 0 || name.as_str() != "count")
                .map(|(name, arg)| (name.clone(), arg.clone()))
                .collect::<Vec<_>>()
                .into()
        };
        let args = match &scope {
            Cow::Borrowed(outer) => inherited.get_or_init(|| own(outer)).clone(),
            Cow::Owned(scope) => own(scope),
        };
        let shared = std::sync::OnceLock::new();
        let children = fact
            .lists()
            .into_iter()
            .flat_map(|(list, facts)| facts.iter().map(move |child| (NodeKind::of(list), child)))
            .map(|(kind, child)| self.node(child, kind, &scope, &shared))
            .collect();
        Node {
            id: fact.id.clone(),
            kind,
            args,
            children,
            columns: fact
                .table
                .as_ref()
                .map_or_else(Vec::new, |t| t.columns.clone()),
            entity: entity.map(|e| e.name.clone()),
        }
    }

    fn add_values(&self, scope: &mut BTreeMap<String, Arg>, values: &crate::policy::Values) {
        for (name, value) in values {
            if let Value::Entities { ids, .. } = value {
                scope.insert(format!("{name}-count"), Arg::Number(ids.len() as f64));
            }
            // A window is its status and its days, under names of their own.
            if let Value::Window(window) = value {
                let [status, from, until] = crate::policy::time::Window::variables(name.as_str());
                let bound = TimeBound {
                    window: *window,
                    span: self.span,
                };
                scope.insert(status, Arg::Status(bound));
                for (variable, day) in [(from, window.from), (until, window.until)] {
                    match day {
                        Some(day) => scope.insert(variable, Arg::Date(day)),
                        None => scope.remove(&variable),
                    };
                }
                continue;
            }
            scope.insert(name.to_string(), self.arg(value));
        }
    }

    fn name(&self, id: &Id) -> Name {
        self.policy
            .entity(id.as_str())
            .map_or_else(|| Name::Same(id.to_string()), |e| e.name.clone())
    }

    fn arg(&self, value: &Value) -> Arg {
        match value {
            Value::Date(d) => Arg::Date(*d),
            Value::Month(m) => Arg::Month(*m),
            Value::Duration(d) => Arg::Duration(*d),
            Value::Number(n) => Arg::Number(*n),
            Value::Keyword(k) => Arg::Keyword(k.to_string()),
            Value::Entities { ids, join } => Arg::List {
                names: ids.iter().map(|id| self.name(id)).collect(),
                join: *join,
            },
            Value::Entity(id) => Arg::Name(self.name(id)),
            Value::Label { text, .. } => Arg::Localized(text.clone()),
            Value::Link { target, lang } => Arg::Link {
                target: match Id::parse(target) {
                    // A fact id: the page that shows it, at the fact (validate reports a
                    // fact on no page).
                    Ok(id) => match self.pages.get(&id) {
                        Some(page) => format!("{page}.html#{id}"),
                        None => format!("#{id}"),
                    },
                    Err(_) => target.clone(),
                },
                lang: lang.clone(),
            },
            Value::Email(address) => Arg::Email(address.clone()),
            Value::Window(window) => Arg::Status(TimeBound {
                window: *window,
                span: self.span,
            }),
        }
    }
}
