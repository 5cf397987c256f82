//! Group gaps: how two groups of units (by default LDCs and developed economies) compare on the
//! index and on every pillar.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::framework::Framework;
use crate::pipeline::Results;
use crate::stats::{mean, median};

/// One group's figures on one framework node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSummary {
    /// Members of the group in the dataset.
    pub members: usize,
    /// Members with a score on this node.
    pub scored: usize,
    /// `scored / members` (0 when the group is empty).
    pub coverage: f64,
    /// Mean score of the members scored.
    pub mean: Option<f64>,
    /// Median score of the members scored.
    pub median: Option<f64>,
}

/// The comparison on one framework node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeGap {
    /// Framework node position.
    pub node: usize,
    /// Framework node id.
    pub id: String,
    /// First group (e.g. LDCs).
    pub a: GroupSummary,
    /// Second group (e.g. developed economies).
    pub b: GroupSummary,
    /// `mean(b) − mean(a)`: how far group a is behind group b.
    pub difference: Option<f64>,
    /// `mean(a) / mean(b)` (`None` when mean(b) is 0).
    pub ratio: Option<f64>,
}

/// The comparison of two groups on the index and every aggregate, in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupComparison {
    /// The year.
    pub year: i32,
    /// First group's id.
    pub a: String,
    /// Second group's id.
    pub b: String,
    /// The index first, then every pillar in framework order ([`compared_nodes`]).
    pub nodes: Vec<NodeGap>,
}

impl GroupComparison {
    /// The index's gap.
    pub fn index(&self) -> Option<&NodeGap> {
        self.nodes.first()
    }
    /// The gap on node `id`.
    pub fn node(&self, id: &str) -> Option<&NodeGap> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

fn summarise(results: &Results, members: &[usize], node: usize) -> GroupSummary {
    let column = results.node_column(node);
    let active = &results.prepared.active;
    let mut scores: Vec<f64> = Vec::with_capacity(members.len());
    scores.extend(
        members
            .iter()
            .filter(|u| active.get(**u).copied().unwrap_or(false))
            .filter_map(|u| column.get(*u).copied().filter(|x| x.is_finite())),
    );
    GroupSummary {
        members: members.len(),
        scored: scores.len(),
        coverage: if members.is_empty() {
            0.0
        } else {
            scores.len() as f64 / members.len() as f64
        },
        mean: mean(scores.iter().copied()),
        median: median(scores),
    }
}

/// Members of group `id` (unit positions), resolving the id as [`Dataset::group`] does.
///
/// # Errors
/// [`Error::Unknown`] when the dataset has no such group.
pub fn members(dataset: &Dataset, id: &str) -> Result<Vec<usize>> {
    let group = dataset.group(id).ok_or_else(|| Error::Unknown {
        what: "group",
        id: id.to_string(),
        by: "the group comparison".into(),
    })?;
    Ok((0..dataset.units().len())
        .filter(|u| dataset.in_group(*u, &group.id))
        .collect())
}

/// The nodes a comparison covers, in display order (pre-order from the index): every aggregate,
/// and the index's direct children even when they are indicators (an index of published pillar
/// scores, like the FTRI's five blocks, has leaves as pillars).
pub fn compared_nodes(framework: &Framework) -> Vec<usize> {
    let root = framework.root();
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        let children = framework.children(n);
        if !children.is_empty() || framework.parent(n) == Some(root) {
            out.push(n);
        }
        for c in children.iter().rev() {
            stack.push(*c);
        }
    }
    out
}

/// Compares groups `a` and `b` on the index and every pillar ([`compared_nodes`]).
///
/// # Errors
/// [`Error::Unknown`] for a group the dataset does not have.
pub fn compare(
    dataset: &Dataset,
    framework: &Framework,
    results: &Results,
    a: &str,
    b: &str,
) -> Result<GroupComparison> {
    let (ma, mb) = (members(dataset, a)?, members(dataset, b)?);
    let nodes = compared_nodes(framework)
        .into_iter()
        .map(|node| {
            let (sa, sb) = (summarise(results, &ma, node), summarise(results, &mb, node));
            let difference = match (sa.mean, sb.mean) {
                (Some(x), Some(y)) => Some(y - x).filter(|d| d.is_finite()),
                _ => None,
            };
            let ratio = match (sa.mean, sb.mean) {
                (Some(x), Some(y)) if y != 0.0 => Some(x / y).filter(|r| r.is_finite()),
                _ => None,
            };
            NodeGap {
                node,
                id: framework.nodes()[node].id.clone(),
                a: sa,
                b: sb,
                difference,
                ratio,
            }
        })
        .collect();
    Ok(GroupComparison {
        year: results.year(),
        a: dataset
            .group(a)
            .map_or_else(|| a.to_string(), |g| g.id.clone()),
        b: dataset
            .group(b)
            .map_or_else(|| b.to_string(), |g| g.id.clone()),
        nodes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::fixture::dataset;
    use crate::dataset::Direction::Higher;
    use crate::framework::fixture::{agg, leaf};
    use crate::method::{Method, MethodSpec, Normalisation};
    use crate::pipeline::run;

    #[test]
    fn figures_of_huge_scores_are_finite_or_none() {
        // Means ±1e308: their difference overflows and is left out; means and medians are kept.
        let d = dataset(
            &[("A", &["LDC"]), ("B", &["LDC"]), ("C", &["dev"])],
            &[("x", Higher, &[Some(1e308), Some(1.7e308), Some(-1e308)])],
        );
        let f = Framework::new(vec![leaf("x", "idx", 1.0), agg("idx", None, 1.0)]).unwrap();
        let m = Method::new(MethodSpec {
            normalisation: Normalisation::None,
            ..MethodSpec::default()
        })
        .unwrap();
        let r = run(&d, &f, &m, &f.weights(), 2020).unwrap();
        let g = compare(&d, &f, &r, "LDC", "dev").unwrap();
        let idx = g.index().unwrap();
        assert_eq!(idx.a.mean, Some(1.35e308));
        assert_eq!(idx.a.median, Some(1.35e308));
        assert_eq!(idx.difference, None);
        assert!(idx.ratio.is_some_and(f64::is_finite));
    }

    #[test]
    fn gap_by_hand() {
        let d = dataset(
            &[
                ("A", &["LDC"]),
                ("B", &["LDC"]),
                ("C", &["dev"]),
                ("D", &["dev"]),
                ("E", &["LDC"]),
            ],
            &[(
                "x",
                Higher,
                &[Some(10.0), Some(20.0), Some(60.0), Some(80.0), None],
            )],
        );
        let f = Framework::new(vec![leaf("x", "idx", 1.0), agg("idx", None, 1.0)]).unwrap();
        let m = Method::new(MethodSpec {
            normalisation: Normalisation::None,
            ..MethodSpec::default()
        })
        .unwrap();
        let r = run(&d, &f, &m, &f.weights(), 2020).unwrap();
        let g = compare(&d, &f, &r, "ldc", "dev").unwrap();
        assert_eq!(g.a, "LDC", "ids resolve ignoring case");
        let idx = g.index().unwrap();
        assert_eq!(idx.a.members, 3);
        assert_eq!(idx.a.scored, 2);
        assert!((idx.a.coverage - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(idx.a.mean, Some(15.0));
        assert_eq!(idx.b.median, Some(70.0));
        assert_eq!(idx.difference, Some(55.0));
        assert_eq!(idx.ratio, Some(15.0 / 70.0));
        assert!(matches!(
            compare(&d, &f, &r, "LDC", "nope"),
            Err(Error::Unknown { .. })
        ));
    }
}
