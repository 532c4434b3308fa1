//! The fact tree: a version of the policy flattened into blocks of located facts, each
//! with the typed values its sentence needs. This is the only place that knows how the
//! schema's sections become page blocks; everything downstream is generic.

use crate::policy::model::{Date, Duration, Id, Localized, Policy, TierList, Version};

/// How a node is laid out. Templates switch on this; the text comes from the locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// A top-level fact block: a `<section>` with an optional heading and intro.
    Block,
    /// A fact in a block's list.
    Item,
    /// A quotation (e.g. a principle quoted verbatim).
    Quote,
    /// A paragraph that follows a block's list.
    Note,
}

/// A typed value passed to a message. Formatting per locale happens in `l10n`.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Number(f64),
    Date(Date),
    Duration(Duration),
    /// A selector value, such as `opt-out` (translations select on it, never show it).
    Keyword(&'static str),
    /// A list of names joined per locale ("A, B and C").
    List {
        names: Vec<String>,
        join: Join,
    },
    /// Text the product shows per language (a setting label).
    Localized(Localized),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    And,
    Or,
}

/// One fact (or group of facts) with its id, its values and its children.
#[derive(Debug, Clone)]
pub struct Node {
    pub id: Id,
    pub kind: NodeKind,
    pub args: Vec<(&'static str, Arg)>,
    pub children: Vec<Node>,
}

impl Node {
    fn new(id: &Id, kind: NodeKind) -> Node {
        Node {
            id: id.clone(),
            kind,
            args: Vec::new(),
            children: Vec::new(),
        }
    }

    fn arg(mut self, name: &'static str, value: Arg) -> Node {
        self.args.push((name, value));
        self
    }

    fn children(mut self, children: impl IntoIterator<Item = Node>) -> Node {
        self.children.extend(children);
        self
    }

    /// This node and all its descendants, depth first.
    pub fn walk(&self) -> Box<dyn Iterator<Item = &Node> + '_> {
        Box::new(std::iter::once(self).chain(self.children.iter().flat_map(Node::walk)))
    }
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
pub fn index(blocks: &[Node]) -> std::collections::HashMap<&str, &Node> {
    let mut out = std::collections::HashMap::new();
    for node in blocks.iter().flat_map(Node::walk) {
        out.entry(node.id.as_str()).or_insert(node);
    }
    out
}

fn items<'a, T: 'a>(
    list: impl IntoIterator<Item = &'a T>,
    id: impl Fn(&T) -> &Id,
    kind: NodeKind,
) -> Vec<Node> {
    list.into_iter().map(|x| Node::new(id(x), kind)).collect()
}

/// The blocks of one version, in schema order.
pub fn blocks(policy: &Policy, v: &Version) -> Vec<Node> {
    let tier_names = |ids: &[Id], join| Arg::List {
        names: ids
            .iter()
            .filter_map(|id| policy.tier(id.as_str()))
            .map(|t| t.name.clone())
            .collect(),
        join,
    };
    let tier_list = |list: &TierList| {
        Node::new(&list.id, NodeKind::Item)
            .arg("count", Arg::Number(list.tiers.len() as f64))
            .arg("tiers", tier_names(&list.tiers, Join::And))
            .children(
                list.tiers
                    .iter()
                    .filter_map(|id| policy.tier(id.as_str()))
                    .map(|t| {
                        let mut node = Node::new(&t.id, NodeKind::Item);
                        if !t.used_with.is_empty() {
                            node = node.arg("used-with", tier_names(&t.used_with, Join::Or));
                        }
                        if !t.plans.is_empty() {
                            node = node.arg(
                                "plans",
                                Arg::List {
                                    names: t.plans.clone(),
                                    join: Join::And,
                                },
                            );
                        }
                        node
                    }),
            )
    };
    let training = &v.training;
    let default = Arg::Keyword(training.rule.default.as_str());
    let setting = training
        .choice
        .as_ref()
        .map(|c| Arg::Localized(c.setting.label.clone()));
    let location = training
        .choice
        .as_ref()
        .map(|c| Arg::Localized(c.setting.location.clone()));
    let with = |node: Node, name: &'static str, value: &Option<Arg>| match value {
        Some(value) => node.arg(name, value.clone()),
        None => node,
    };
    let mut blocks = vec![
        Node::new(&v.about_training.id, NodeKind::Block),
        Node::new(&v.data_sources.id, NodeKind::Block)
            .arg("count", Arg::Number(v.data_sources.items.len() as f64))
            .children(items(&v.data_sources.items, |f| &f.id, NodeKind::Item)),
        Node::new(&v.personal_data_use.id, NodeKind::Block).children(items(
            &v.personal_data_use.never_used_for,
            |f| &f.id,
            NodeKind::Item,
        )),
        Node::new(&v.safeguards.id, NodeKind::Block).children(v.safeguards.items.iter().map(|s| {
            Node::new(&s.id, NodeKind::Item).children(items(&s.quotes, |q| &q.id, NodeKind::Quote))
        })),
        with(
            Node::new(&training.rule.id, NodeKind::Block).arg("default", default.clone()),
            "effective",
            &v.effective.map(Arg::Date),
        )
        .arg("covered", tier_names(&v.coverage.covered.tiers, Join::And)),
        Node::new(&training.exceptions.id, NodeKind::Block)
            .arg("default", default.clone())
            .children(training.exceptions.items.iter().map(|f| {
                with(
                    Node::new(&f.id, NodeKind::Item).arg("default", default.clone()),
                    "setting",
                    &setting,
                )
            })),
        Node::new(&v.retention.id, NodeKind::Block).children(
            v.retention
                .periods
                .iter()
                .map(|p| Node::new(&p.id, NodeKind::Item).arg("period", Arg::Duration(p.period))),
        ),
        Node::new(&v.coverage.id, NodeKind::Block).children([
            tier_list(&v.coverage.covered),
            tier_list(&v.coverage.not_covered),
        ]),
        Node::new(&v.feedback.id, NodeKind::Block).children(items(
            &v.feedback.items,
            |f| &f.id,
            NodeKind::Item,
        )),
        Node::new(&v.rights.id, NodeKind::Block)
            .children(items(&v.rights.items, |f| &f.id, NodeKind::Item))
            .children(items(&v.rights.notes, |f| &f.id, NodeKind::Note)),
        Node::new(&v.controller_rule.id, NodeKind::Block),
    ];
    if let Some(choice) = &training.choice {
        let choice_node = Node::new(&choice.id, NodeKind::Block)
            .arg("setting", setting.clone().expect("choice has a setting"))
            .arg("location", location.clone().expect("choice has a location"))
            .children(choice.steps.iter().map(|step| {
                let mut node = with(
                    with(Node::new(&step.id, NodeKind::Item), "setting", &setting),
                    "location",
                    &location,
                );
                if let Some(prompt) = &step.prompt {
                    node = node.arg("prompt", Arg::Localized(prompt.clone()));
                }
                if let Some(deadline) = step.deadline {
                    node = node.arg("deadline", Arg::Date(deadline));
                }
                node
            }));
        // After the exceptions, where readers look for how to choose.
        let at = blocks
            .iter()
            .position(|b| b.id == training.exceptions.id)
            .map_or(blocks.len(), |i| i + 1);
        blocks.insert(at, choice_node);
    }
    blocks
}
