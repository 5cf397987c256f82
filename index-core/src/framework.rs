//! The framework: a tree from indicators through pillars (any depth) to the index, each node
//! weighted relative to its siblings.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The largest weight a node may have (weights only matter relative to their siblings'): sums
/// of weights stay far from overflow, so every share is a true share.
pub const MAX_WEIGHT: f64 = 1e6;

/// Whether `w` is a valid weight: finite, in [0, [`MAX_WEIGHT`]].
pub(crate) fn weight_ok(w: f64) -> bool {
    (0.0..=MAX_WEIGHT).contains(&w)
}

/// What a framework node is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum NodeKind {
    /// A leaf: the indicator of the same id, optionally divided by a denominator indicator.
    Indicator {
        /// Id of the dataset indicator to divide by (COINr's `Denominator` column), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        denominator: Option<String>,
    },
    /// A pillar, sub-index or the index: aggregates its children.
    #[default]
    Aggregate,
}

/// One node as written in a framework file: COINr's `iMeta` row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "NodeRecord")]
pub struct NodeSpec {
    /// Id. For an indicator node it is the dataset indicator's id.
    pub id: String,
    /// Label shown to people.
    pub name: String,
    /// Parent node; `None` for the root (the index).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Weight relative to its siblings (only ratios matter), in [0, [`MAX_WEIGHT`]].
    pub weight: f64,
    /// Leaf or aggregate.
    #[serde(flatten)]
    pub kind: NodeKind,
}

/// A [`NodeSpec`] as read: one flat record, `kind` naming the [`NodeKind`]. (serde's reading of
/// the flattened, tagged `kind` buffers every value first and made the wasm larger; writing is
/// serde's, in the same shape.)
#[derive(Deserialize)]
struct NodeRecord {
    id: String,
    name: String,
    #[serde(default)]
    parent: Option<String>,
    weight: f64,
    kind: String,
    #[serde(default)]
    denominator: Option<String>,
}

impl TryFrom<NodeRecord> for NodeSpec {
    type Error = String;
    fn try_from(r: NodeRecord) -> std::result::Result<Self, String> {
        let kind = match r.kind.as_str() {
            "indicator" => NodeKind::Indicator {
                denominator: r.denominator,
            },
            "aggregate" => NodeKind::Aggregate,
            other => {
                return Err(crate::method::unknown_variant(
                    other,
                    &["indicator", "aggregate"],
                ))
            }
        };
        Ok(NodeSpec {
            id: r.id,
            name: r.name,
            parent: r.parent,
            weight: r.weight,
            kind,
        })
    }
}

/// A validated framework tree.
///
/// Invariants, checked by [`Framework::new`]: ids unique; exactly one root; every parent exists
/// and is an aggregate; no cycles; every aggregate has children; indicators have none; weights
/// in [0, [`MAX_WEIGHT`]]; siblings not all weighted zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<NodeSpec>", into = "Vec<NodeSpec>")]
pub struct Framework {
    specs: Vec<NodeSpec>,
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    level: Vec<u8>,
    root: usize,
    /// Aggregates ordered so that children come before parents.
    order: Vec<usize>,
    /// Leaves in spec order.
    leaves: Vec<usize>,
    index: HashMap<String, usize>,
    /// The tree's identity (see [`Framework::identity`]).
    identity: u64,
}

impl TryFrom<Vec<NodeSpec>> for Framework {
    type Error = Error;
    fn try_from(specs: Vec<NodeSpec>) -> Result<Self> {
        Framework::new(specs)
    }
}

impl From<Framework> for Vec<NodeSpec> {
    fn from(f: Framework) -> Self {
        f.specs
    }
}

impl Framework {
    /// Validates `specs` into a tree.
    ///
    /// # Errors
    /// [`Error::DuplicateId`], [`Error::Unknown`] (parent), [`Error::Roots`], [`Error::Cycle`],
    /// [`Error::BadNode`] (an indicator with children, an aggregate without), [`Error::BadWeight`],
    /// [`Error::ZeroWeights`].
    ///
    /// ```
    /// use index_core::framework::{Framework, NodeSpec, NodeKind};
    /// let leaf = |id: &str| NodeSpec { id: id.into(), name: id.into(), parent: Some("idx".into()),
    ///     weight: 1.0, kind: NodeKind::Indicator { denominator: None } };
    /// let root = NodeSpec { id: "idx".into(), name: "Index".into(), parent: None, weight: 1.0,
    ///     kind: NodeKind::Aggregate };
    /// let f = Framework::new(vec![leaf("a"), leaf("b"), root]).unwrap();
    /// assert_eq!(f.depth(), 2);
    /// ```
    pub fn new(specs: Vec<NodeSpec>) -> Result<Self> {
        let mut index = HashMap::with_capacity(specs.len());
        for (i, s) in specs.iter().enumerate() {
            if s.id.is_empty() || s.id.contains([',', ':']) {
                return Err(Error::BadNode {
                    node: s.id.clone(),
                    problem: "a node id must be non-empty and may not contain `,` or `:` (they \
                              separate weights in links)"
                        .into(),
                });
            }
            if index.insert(s.id.clone(), i).is_some() {
                return Err(Error::DuplicateId {
                    kind: "node",
                    id: s.id.clone(),
                });
            }
            if !weight_ok(s.weight) {
                return Err(Error::BadWeight {
                    node: s.id.clone(),
                    weight: s.weight,
                });
            }
        }
        let n = specs.len();
        // Every position below comes from `index` or an enumeration of `specs`, so it is below
        // n; the lookups are `get`s all the same, none of them can miss.
        let mut parent = Vec::with_capacity(n);
        let mut children = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, s) in specs.iter().enumerate() {
            match &s.parent {
                None => {
                    roots.push(i);
                    parent.push(None);
                }
                Some(p) => {
                    let pi = *index.get(p).ok_or_else(|| Error::Unknown {
                        what: "parent node",
                        id: p.clone(),
                        by: format!("node `{}`", s.id),
                    })?;
                    parent.push(Some(pi));
                    if let Some(siblings) = children.get_mut(pi) {
                        siblings.push(i);
                    }
                }
            }
        }
        let &[root] = roots.as_slice() else {
            return Err(Error::Roots {
                found: roots.len(),
                roots: roots
                    .iter()
                    .filter_map(|r| specs.get(*r))
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        };
        // Every node must reach the root by following parents, within n steps.
        for (start, spec) in specs.iter().enumerate() {
            let mut at = start;
            let mut steps = 0;
            while let Some(p) = parent.get(at).copied().flatten() {
                at = p;
                steps += 1;
                if steps > n {
                    return Err(Error::Cycle {
                        node: spec.id.clone(),
                    });
                }
            }
            if at != root {
                return Err(Error::Cycle {
                    node: spec.id.clone(),
                });
            }
        }
        for (s, kids) in specs.iter().zip(&children) {
            match (&s.kind, kids.is_empty()) {
                (NodeKind::Indicator { .. }, false) => {
                    return Err(Error::BadNode {
                        node: s.id.clone(),
                        problem: "an indicator cannot have children".into(),
                    })
                }
                (NodeKind::Aggregate, true) => {
                    return Err(Error::BadNode {
                        node: s.id.clone(),
                        problem: "an aggregate needs at least one child".into(),
                    })
                }
                _ => {}
            }
            if !kids.is_empty()
                && kids
                    .iter()
                    .all(|c| specs.get(*c).is_some_and(|c| c.weight == 0.0))
            {
                return Err(Error::ZeroWeights {
                    parent: s.id.clone(),
                });
            }
        }
        // Post-order from the root: children before parents; levels from the leaves up.
        let mut order = Vec::new();
        let mut level = vec![1u8; n];
        let mut stack = vec![(root, false)];
        while let Some((node, expanded)) = stack.pop() {
            let kids = children.get(node).map(Vec::as_slice).unwrap_or_default();
            if expanded {
                let node_level = kids
                    .iter()
                    .map(|c| level.get(*c).copied().unwrap_or(1).saturating_add(1))
                    .max()
                    .unwrap_or(1);
                if let Some(slot) = level.get_mut(node) {
                    *slot = node_level;
                }
                if !kids.is_empty() {
                    order.push(node);
                }
            } else {
                stack.push((node, true));
                for c in kids.iter().rev() {
                    stack.push((*c, false));
                }
            }
        }
        let leaves = children
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_empty())
            .map(|(i, _)| i)
            .collect();
        let identity = identity(&specs);
        Ok(Framework {
            identity,
            specs,
            parent,
            children,
            level,
            root,
            order,
            leaves,
            index,
        })
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.specs.len()
    }
    /// Always false: a valid framework has at least a root and a leaf.
    pub fn is_empty(&self) -> bool {
        self.specs.is_empty()
    }
    /// The node specs, in their original order.
    pub fn nodes(&self) -> &[NodeSpec] {
        &self.specs
    }
    /// Position of a node by id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
    /// The node at `pos`.
    pub fn node(&self, pos: usize) -> Option<&NodeSpec> {
        self.specs.get(pos)
    }
    /// The root (index) node's position.
    pub fn root(&self) -> usize {
        self.root
    }
    /// Children of node `pos`.
    pub fn children(&self, pos: usize) -> &[usize] {
        self.children.get(pos).map_or(&[], Vec::as_slice)
    }
    /// Parent of node `pos`.
    pub fn parent(&self, pos: usize) -> Option<usize> {
        self.parent.get(pos).copied().flatten()
    }
    /// Level of node `pos`: 1 for indicators, 1 + the highest child level for aggregates
    /// (COINr's numbering: the index has the highest level).
    pub fn level(&self, pos: usize) -> u8 {
        self.level.get(pos).copied().unwrap_or(1)
    }
    /// Number of levels (the root's level).
    pub fn depth(&self) -> u8 {
        self.level(self.root)
    }
    /// Indicator (leaf) nodes, in spec order.
    pub fn leaves(&self) -> &[usize] {
        &self.leaves
    }
    /// Aggregate nodes with every child before its parent (the order to aggregate in).
    pub fn aggregation_order(&self) -> &[usize] {
        &self.order
    }
    /// The pillars: the root's children.
    pub fn pillars(&self) -> &[usize] {
        self.children(self.root)
    }
    /// Whether weights can change anything: some node has two or more children to weigh
    /// against each other. A framework of one indicator under the index (an index published
    /// only as an overall score) has nothing to re-weight.
    pub fn is_reweightable(&self) -> bool {
        self.children.iter().any(|c| c.len() >= 2)
    }
    /// The framework's own (published) weights.
    pub fn weights(&self) -> Weights {
        Weights {
            values: self.specs.iter().map(|s| s.weight).collect(),
            framework: self.identity,
        }
    }
    /// The tree's identity: a 64-bit FNV-1a hash of each node's id, parent and kind, in order.
    /// Two frameworks with the same nodes in the same places (whatever their published weights,
    /// names or denominators) have the same identity, and take the same [`Weights`].
    pub fn identity(&self) -> u64 {
        self.identity
    }
    /// The root's children and, recursively, every aggregate, in display order (pre-order).
    pub fn aggregates_preorder(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![self.root];
        while let Some(n) = stack.pop() {
            let kids = self.children(n);
            if !kids.is_empty() {
                out.push(n);
                for c in kids.iter().rev() {
                    stack.push(*c);
                }
            }
        }
        out
    }
}

/// FNV-1a over each node's id, parent and kind (see [`Framework::identity`]).
fn identity(specs: &[NodeSpec]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for s in specs {
        eat(s.id.as_bytes());
        eat(&[0xff]);
        eat(s.parent.as_deref().unwrap_or_default().as_bytes());
        eat(&[0xff]);
        eat(match s.kind {
            NodeKind::Indicator { .. } => b"i",
            NodeKind::Aggregate => b"a",
        });
        eat(&[0xfe]);
    }
    h
}

/// One weight per framework node, relative to siblings, bound to the framework it was made for
/// (by its [`Framework::identity`]): each in [0, [`MAX_WEIGHT`]], and no aggregate with all
/// children at zero. Scoring with the weights of another framework is an error
/// ([`Error::OtherFramework`]), not a ranking of the wrong numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    values: Vec<f64>,
    framework: u64,
}

impl Weights {
    /// The framework's weights with some replaced, by node id.
    ///
    /// # Errors
    /// [`Error::UnknownWeights`] for ids not in the framework (their count and the first few),
    /// [`Error::BadWeight`], [`Error::ZeroWeights`].
    pub fn with_overrides(
        framework: &Framework,
        overrides: &BTreeMap<String, f64>,
    ) -> Result<Self> {
        let mut w = framework.weights().values;
        let mut unknown = Vec::new();
        let mut count = 0;
        for (id, value) in overrides {
            match framework.position(id).and_then(|p| w.get_mut(p)) {
                Some(slot) => *slot = *value,
                None => {
                    count += 1;
                    if unknown.len() < crate::error::UNKNOWN_EXAMPLES {
                        unknown.push(crate::error::excerpt(id).into_owned());
                    }
                }
            }
        }
        if count > 0 {
            return Err(Error::UnknownWeights {
                count,
                examples: unknown,
            });
        }
        Weights::new(framework, w)
    }

    /// Weights given in framework node order.
    ///
    /// # Errors
    /// Wrong length ([`Error::Shape`]), [`Error::BadWeight`] (a weight outside
    /// [0, [`MAX_WEIGHT`]]), [`Error::ZeroWeights`].
    ///
    /// ```
    /// use index_core::builtin;
    /// use index_core::framework::Weights;
    /// let f = builtin::ftri().unwrap().framework;
    /// assert!(Weights::new(&f, vec![1.0; 6]).is_ok());
    /// let e = Weights::new(&f, vec![1e308; 6]).unwrap_err();
    /// assert_eq!(e.to_string(), "weight of `ftri` must be a number from 0 to 1000000, got 1e308");
    /// ```
    pub fn new(framework: &Framework, weights: Vec<f64>) -> Result<Self> {
        if weights.len() != framework.len() {
            return Err(Error::Shape(format!(
                "{} weights for {} framework nodes",
                weights.len(),
                framework.len()
            )));
        }
        for (spec, w) in framework.nodes().iter().zip(&weights) {
            if !weight_ok(*w) {
                return Err(Error::BadWeight {
                    node: spec.id.clone(),
                    weight: *w,
                });
            }
        }
        for &agg in framework.aggregation_order() {
            if framework
                .children(agg)
                .iter()
                .all(|c| weights.get(*c).is_none_or(|w| *w == 0.0))
            {
                return Err(Error::ZeroWeights {
                    parent: framework
                        .node(agg)
                        .map(|n| n.id.clone())
                        .unwrap_or_default(),
                });
            }
        }
        Ok(Weights {
            values: weights,
            framework: framework.identity,
        })
    }

    /// Whether these weights were made for `framework` (a framework of the same
    /// [`Framework::identity`]).
    pub fn fits(&self, framework: &Framework) -> bool {
        self.framework == framework.identity
    }

    /// Weight of node `pos` (0 when out of range).
    pub fn get(&self, pos: usize) -> f64 {
        self.values.get(pos).copied().unwrap_or(0.0)
    }

    /// All weights in node order.
    pub fn as_slice(&self) -> &[f64] {
        &self.values
    }

    /// Share of node `pos` among its siblings, in [0, 1].
    pub fn share(&self, framework: &Framework, pos: usize) -> f64 {
        let Some(parent) = framework.parent(pos) else {
            return 1.0;
        };
        let total: f64 = framework
            .children(parent)
            .iter()
            .map(|c| self.get(*c))
            .sum();
        if total > 0.0 {
            self.get(pos) / total
        } else {
            0.0
        }
    }

    /// The weights that differ from the framework's own, by node id.
    pub fn overrides(&self, framework: &Framework) -> BTreeMap<String, f64> {
        framework
            .nodes()
            .iter()
            .zip(&self.values)
            .filter(|(s, w)| s.weight != **w)
            .map(|(s, w)| (s.id.clone(), *w))
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    //! Framework builders for tests.
    use super::*;

    /// A leaf under `parent`.
    pub fn leaf(id: &str, parent: &str, weight: f64) -> NodeSpec {
        NodeSpec {
            id: id.into(),
            name: id.into(),
            parent: Some(parent.into()),
            weight,
            kind: NodeKind::Indicator { denominator: None },
        }
    }
    /// An aggregate under `parent` (`None` for the root).
    pub fn agg(id: &str, parent: Option<&str>, weight: f64) -> NodeSpec {
        NodeSpec {
            id: id.into(),
            name: id.into(),
            parent: parent.map(Into::into),
            weight,
            kind: NodeKind::Aggregate,
        }
    }
    /// Indicators x and y under pillar p, z under pillar q, the index `idx` of p and q; every
    /// weight 1.
    pub fn two_pillars() -> Framework {
        Framework::new(vec![
            leaf("x", "p", 1.0),
            leaf("y", "p", 1.0),
            leaf("z", "q", 1.0),
            agg("p", Some("idx"), 1.0),
            agg("q", Some("idx"), 1.0),
            agg("idx", None, 1.0),
        ])
        .expect("a valid framework")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::fixture::*;
    use super::*;

    #[test]
    fn node_specs_read_back_what_serde_writes() {
        let specs = vec![
            NodeSpec {
                id: "gnipc".into(),
                name: "GNI per capita".into(),
                parent: Some("income".into()),
                weight: 1.0,
                kind: NodeKind::Indicator {
                    denominator: Some("pop".into()),
                },
            },
            NodeSpec {
                id: "income".into(),
                name: "Income".into(),
                parent: None,
                weight: 2.0,
                kind: NodeKind::Aggregate,
            },
        ];
        let json = serde_json::to_string(&specs).unwrap();
        assert!(
            json.contains(r#""kind":"indicator","denominator":"pop""#),
            "{json}"
        );
        let back: Vec<NodeSpec> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, specs);
        let e = serde_json::from_str::<NodeSpec>(
            r#"{"id": "a", "name": "A", "weight": 1, "kind": "pillar"}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("unknown variant `pillar`"), "{e}");
    }

    #[track_caller]
    fn check_err(specs: Vec<NodeSpec>, expected: Error) {
        assert_eq!(Framework::new(specs).unwrap_err(), expected);
    }

    #[test]
    fn levels_and_order() {
        let f = Framework::new(vec![
            leaf("a", "p1", 1.0),
            leaf("b", "p1", 1.0),
            leaf("c", "p2", 1.0),
            agg("p1", Some("idx"), 1.0),
            agg("p2", Some("idx"), 2.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        assert_eq!(f.depth(), 3);
        assert_eq!(f.level(f.position("p1").unwrap()), 2);
        let order: Vec<&str> = f
            .aggregation_order()
            .iter()
            .map(|i| f.nodes()[*i].id.as_str())
            .collect();
        assert_eq!(order, ["p1", "p2", "idx"]);
        let w = f.weights();
        assert!((w.share(&f, f.position("p2").unwrap()) - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn validation_names_what_is_wrong() {
        assert!(matches!(
            Framework::new(vec![leaf("a:b", "idx", 1.0), agg("idx", None, 1.0)]),
            Err(Error::BadNode { ref node, .. }) if node == "a:b"
        ));
        check_err(
            vec![
                leaf("a", "idx", 1.0),
                leaf("a", "idx", 1.0),
                agg("idx", None, 1.0),
            ],
            Error::DuplicateId {
                kind: "node",
                id: "a".into(),
            },
        );
        check_err(
            vec![leaf("a", "idx", -1.0), agg("idx", None, 1.0)],
            Error::BadWeight {
                node: "a".into(),
                weight: -1.0,
            },
        );
        check_err(
            vec![
                leaf("a", "idx", 0.0),
                leaf("b", "idx", 0.0),
                agg("idx", None, 1.0),
            ],
            Error::ZeroWeights {
                parent: "idx".into(),
            },
        );
        check_err(
            vec![leaf("a", "zz", 1.0), agg("idx", None, 1.0)],
            Error::Unknown {
                what: "parent node",
                id: "zz".into(),
                by: "node `a`".into(),
            },
        );
        check_err(
            vec![
                leaf("a", "p", 1.0),
                agg("p", Some("q"), 1.0),
                agg("q", Some("p"), 1.0),
                agg("idx", None, 1.0),
            ],
            Error::Cycle { node: "a".into() },
        );
        check_err(
            vec![
                leaf("a", "idx", 1.0),
                agg("idx", None, 1.0),
                agg("other", None, 1.0),
            ],
            Error::Roots {
                found: 2,
                roots: "idx, other".into(),
            },
        );
        check_err(
            vec![
                leaf("a", "idx", 1.0),
                agg("p", Some("idx"), 1.0),
                agg("idx", None, 1.0),
            ],
            Error::BadNode {
                node: "p".into(),
                problem: "an aggregate needs at least one child".into(),
            },
        );
        assert!(matches!(
            Framework::new(vec![leaf("a", "idx", f64::NAN), agg("idx", None, 1.0)]),
            Err(Error::BadWeight { ref node, .. }) if node == "a"
        ));
    }

    #[test]
    fn weight_overrides_are_validated() {
        let f = Framework::new(vec![
            leaf("a", "idx", 1.0),
            leaf("b", "idx", 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        let mut o = BTreeMap::new();
        o.insert("a".to_string(), 3.0);
        let w = Weights::with_overrides(&f, &o).unwrap();
        assert_eq!(w.as_slice(), &[3.0, 1.0, 1.0]);
        assert_eq!(w.overrides(&f), o);
        o.insert("b".into(), f64::INFINITY);
        assert!(matches!(
            Weights::with_overrides(&f, &o),
            Err(Error::BadWeight { .. })
        ));
        o.insert("b".into(), 0.0);
        o.insert("a".into(), 0.0);
        assert_eq!(
            Weights::with_overrides(&f, &o).unwrap_err(),
            Error::ZeroWeights {
                parent: "idx".into()
            }
        );
        o.clear();
        o.insert("nope".into(), 1.0);
        assert_eq!(
            Weights::with_overrides(&f, &o).unwrap_err(),
            Error::UnknownWeights {
                count: 1,
                examples: vec!["nope".into()]
            }
        );
    }

    #[test]
    fn weights_are_bounded_so_shares_stay_shares() {
        let f = Framework::new(vec![
            leaf("a", "idx", 1.0),
            leaf("b", "idx", 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        assert!(Weights::new(&f, vec![MAX_WEIGHT, 1.0, 1.0]).is_ok());
        let e = Weights::new(&f, vec![1e308, 1e308, 1.0]).unwrap_err();
        assert_eq!(
            e,
            Error::BadWeight {
                node: "a".into(),
                weight: 1e308
            }
        );
        assert_eq!(
            e.to_string(),
            "weight of `a` must be a number from 0 to 1000000, got 1e308"
        );
        check_err(
            vec![leaf("a", "idx", 2e6), agg("idx", None, 1.0)],
            Error::BadWeight {
                node: "a".into(),
                weight: 2e6,
            },
        );
        let e = serde_json::from_str::<Framework>(
            r#"[{"id": "a", "name": "A", "parent": "idx", "weight": 1e308, "kind": "indicator"},
                {"id": "idx", "name": "I", "weight": 1, "kind": "aggregate"}]"#,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("got 1e308"), "{e}");
    }

    #[test]
    fn weights_know_their_framework() {
        let f = Framework::new(vec![
            leaf("a", "idx", 1.0),
            leaf("b", "idx", 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        let same_tree = Framework::new(vec![
            leaf("a", "idx", 5.0),
            leaf("b", "idx", 2.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        let renamed = Framework::new(vec![
            leaf("a", "idx", 1.0),
            leaf("c", "idx", 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        assert!(f.weights().fits(&f));
        assert!(
            f.weights().fits(&same_tree),
            "published weights do not matter"
        );
        assert!(!f.weights().fits(&renamed));
        assert_ne!(f.identity(), renamed.identity());
    }
}
