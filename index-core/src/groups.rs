//! Group gaps: how groups of units (by default LDCs and developed economies; UNCTAD compares
//! LDCs, other developing and developed economies) compare on the index and on every pillar.
//!
//! [`compare_groups`] summarises any number of groups on every compared node — members, units
//! scored, coverage, mean, median — and each group's mean as a share of another's
//! ([`NodeGroups::share`]); [`compare`] is the two-group view (difference and ratio) the
//! explorer's gap panel shows; [`GroupsComparison::extremes`] finds the largest and smallest
//! gap between any two groups on any node, which [`GroupsComparison::sentence`] puts in words.

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

/// Any number of groups on one framework node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeGroups {
    /// Framework node position.
    pub node: usize,
    /// Framework node id.
    pub id: String,
    /// Framework node name.
    pub name: String,
    /// Each group's figures, in the order the groups were given.
    pub groups: Vec<GroupSummary>,
}

impl NodeGroups {
    /// Group `i`'s mean as a share of group `j`'s: `mean(i) / mean(j)` (`None` when either
    /// has no mean, mean(j) is 0, or the quotient is not finite).
    pub fn share(&self, i: usize, j: usize) -> Option<f64> {
        let (x, y) = (self.groups.get(i)?.mean?, self.groups.get(j)?.mean?);
        (y != 0.0).then(|| x / y).filter(|r| r.is_finite())
    }
}

/// Any number of groups compared on the index and every pillar, in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupsComparison {
    /// The year.
    pub year: i32,
    /// The groups' ids, in the order given.
    pub groups: Vec<String>,
    /// The groups' names, in the same order.
    pub names: Vec<String>,
    /// The index first, then every pillar in framework order ([`compared_nodes`]).
    pub nodes: Vec<NodeGroups>,
}

/// The gap between two groups on one node, as the share of the lower mean in the higher
/// ([`GroupsComparison::extremes`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairGap {
    /// Position of the node in [`GroupsComparison::nodes`].
    pub at: usize,
    /// The group with the lower mean (position in [`GroupsComparison::groups`]).
    pub lower: usize,
    /// The group with the higher mean.
    pub higher: usize,
    /// `mean(lower) / mean(higher)`, in [0, 1] for non-negative scores.
    pub share: f64,
}

impl GroupsComparison {
    /// The largest and the smallest gap between any two groups on any node: the pairs whose
    /// lower mean is the smallest and the largest share of the higher one. Only pairs with two
    /// positive means count (a share of a negative or zero mean says nothing about a gap);
    /// `None` when no pair has them. Ties go to the earlier node, then the earlier pair.
    pub fn extremes(&self) -> Option<(PairGap, PairGap)> {
        let mut all = Vec::new();
        for (at, n) in self.nodes.iter().enumerate() {
            for (i, gi) in n.groups.iter().enumerate() {
                for (j, gj) in n.groups.iter().enumerate().skip(i + 1) {
                    let (Some(x), Some(y)) = (gi.mean, gj.mean) else {
                        continue;
                    };
                    if x <= 0.0 || y <= 0.0 {
                        continue;
                    }
                    let (lower, higher) = if x <= y { (i, j) } else { (j, i) };
                    if let Some(share) = n.share(lower, higher) {
                        all.push(PairGap {
                            at,
                            lower,
                            higher,
                            share,
                        });
                    }
                }
            }
        }
        let largest = all
            .iter()
            .copied()
            .reduce(|a, b| if b.share < a.share { b } else { a })?;
        let smallest = all
            .iter()
            .copied()
            .reduce(|a, b| if b.share > a.share { b } else { a })?;
        Some((largest, smallest))
    }

    /// The largest and smallest gap in words, computed from [`GroupsComparison::extremes`]:
    /// e.g. "The largest gap: Least developed countries score less than a third of what
    /// Developed economies score on Research and development (31 %). The smallest: …".
    /// `None` when there is no gap to state.
    pub fn sentence(&self) -> Option<String> {
        let (largest, smallest) = self.extremes()?;
        let name = |i: usize| self.names.get(i).map_or("?", String::as_str);
        let say = |g: &PairGap| {
            let what = match self.nodes.get(g.at) {
                Some(n) if g.at > 0 => n.name.as_str(),
                _ => "the index",
            };
            let (a, b, pct) = (name(g.lower), name(g.higher), 100.0 * g.share);
            match share_in_words(g.share) {
                Some(words) => format!("{a} score {words} what {b} score on {what} ({pct:.0} %)"),
                None => format!("{a} score {pct:.0} % of what {b} score on {what}"),
            }
        };
        Some(format!(
            "The largest gap: {}. The smallest: {}.",
            say(&largest),
            say(&smallest)
        ))
    }
}

/// A share below 90 % in words: "less than a quarter of", "less than a third of", "less than
/// half of", "less than two thirds of", "less than three quarters of", "less than 90 % of";
/// `None` from 90 % up (said as a percentage).
pub fn share_in_words(share: f64) -> Option<&'static str> {
    const STEPS: [(f64, &str); 6] = [
        (0.25, "less than a quarter of"),
        (1.0 / 3.0, "less than a third of"),
        (0.5, "less than half of"),
        (2.0 / 3.0, "less than two thirds of"),
        (0.75, "less than three quarters of"),
        (0.9, "less than 90 % of"),
    ];
    STEPS
        .iter()
        .find(|(limit, _)| share < *limit)
        .map(|(_, words)| *words)
}

/// Compares groups `ids` (any number, in that order) on the index and every pillar
/// ([`compared_nodes`]).
///
/// # Errors
/// [`Error::Unknown`] for a group the dataset does not have.
pub fn compare_groups(
    dataset: &Dataset,
    framework: &Framework,
    results: &Results,
    ids: &[&str],
) -> Result<GroupsComparison> {
    compare_groups_since(dataset, framework, results, ids, None)
}

/// [`compare_groups`], taking from `previous` — an earlier comparison of the same groups and
/// the results it was made from — the summaries of every node whose scores did not change
/// ([`Results::same_scores`]): a weight moved changes the scores of the nodes above it only, so
/// a slider step summarises those again and nothing else (on a flat index of 100 indicators,
/// one node in 101).
///
/// # Errors
/// As [`compare_groups`].
pub fn compare_groups_since(
    dataset: &Dataset,
    framework: &Framework,
    results: &Results,
    ids: &[&str],
    previous: Option<(&Results, &GroupsComparison)>,
) -> Result<GroupsComparison> {
    let members: Vec<Vec<usize>> = ids
        .iter()
        .map(|id| members(dataset, id))
        .collect::<Result<_>>()?;
    let found: Vec<&crate::dataset::Group> =
        ids.iter().filter_map(|id| dataset.group(id)).collect();
    // A group asked for again (an import without groups compares "all" with itself) is
    // summarised once: each position's first asking.
    let first: Vec<usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| ids.iter().position(|x| x == id).unwrap_or(i))
        .collect();
    let previous = previous.filter(|(_, p)| {
        p.year == results.year() && p.groups.iter().eq(found.iter().map(|g| &g.id))
    });
    let nodes = compared_nodes(framework)
        .into_iter()
        .enumerate()
        // (`compared_nodes` gives the framework's own positions: none is left out.)
        .filter_map(|(at, node)| {
            let spec = framework.node(node)?;
            let unchanged = previous.and_then(|(r, p)| {
                let same = p.nodes.get(at).filter(|n| n.node == node)?;
                results.same_scores(r, framework, node).then_some(same)
            });
            if let Some(same) = unchanged {
                return Some(same.clone());
            }
            let mut groups: Vec<GroupSummary> = Vec::with_capacity(members.len());
            for (m, &at) in members.iter().zip(&first) {
                let again = groups.get(at).cloned();
                groups.push(again.unwrap_or_else(|| summarise(results, m, node)));
            }
            Some(NodeGroups {
                node,
                id: spec.id.clone(),
                name: spec.name.clone(),
                groups,
            })
        })
        .collect();
    Ok(GroupsComparison {
        year: results.year(),
        groups: found.iter().map(|g| g.id.clone()).collect(),
        names: found.iter().map(|g| g.name.clone()).collect(),
        nodes,
    })
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
    let many = compare_groups(dataset, framework, results, &[a, b])?;
    // `compare_groups` gives one summary per group asked for: two here.
    Ok(many.pair(0, 1).unwrap_or_else(|| GroupComparison {
        year: many.year,
        a: a.to_string(),
        b: b.to_string(),
        nodes: Vec::new(),
    }))
}

impl GroupsComparison {
    /// The two-group view of groups `i` and `j` (positions in [`GroupsComparison::groups`]):
    /// the same figures as [`compare`] on those two groups, taken from this comparison rather
    /// than summarised again (the explorer compares every group once and reads the pair from
    /// it). `None` when either position is out of range.
    pub fn pair(&self, i: usize, j: usize) -> Option<GroupComparison> {
        let (a, b) = (self.groups.get(i)?, self.groups.get(j)?);
        let nodes = self
            .nodes
            .iter()
            .filter_map(|n| {
                let (sa, sb) = (n.groups.get(i)?.clone(), n.groups.get(j)?.clone());
                let difference = match (sa.mean, sb.mean) {
                    (Some(x), Some(y)) => Some(y - x).filter(|d| d.is_finite()),
                    _ => None,
                };
                Some(NodeGap {
                    node: n.node,
                    id: n.id.clone(),
                    ratio: n.share(i, j),
                    a: sa,
                    b: sb,
                    difference,
                })
            })
            .collect();
        Some(GroupComparison {
            year: self.year,
            a: a.clone(),
            b: b.clone(),
            nodes,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;
    use crate::dataset::fixture::dataset;
    use crate::dataset::Direction::Higher;
    use crate::framework::fixture::{agg, leaf};
    use crate::method::{Method, MethodSpec, Normalisation};
    use crate::pipeline::run;

    /// The results in 2020 with the values taken as published scores (no normalisation).
    fn published_scores(d: &crate::dataset::Dataset, f: &Framework) -> Results {
        let m = Method::new(MethodSpec {
            normalisation: Normalisation::None,
            ..MethodSpec::default()
        })
        .unwrap();
        run(d, f, &m, &f.weights(), 2020).unwrap()
    }

    /// Five units in three groups, two pillars `x` and `y` (published scores, no
    /// normalisation) under the index (their mean):
    /// LDC A (1, 4), B (3, 4); developing C (4, 6); developed D (8, 5), E (8, 7).
    fn three_groups() -> GroupsComparison {
        let (d, f) = (three_groups_data(), three_groups_framework());
        let r = published_scores(&d, &f);
        compare_groups(&d, &f, &r, &["LDC", "developing", "developed"]).unwrap()
    }

    /// The data of [`three_groups`].
    fn three_groups_data() -> Dataset {
        dataset(
            &[
                ("A", &["LDC"]),
                ("B", &["LDC"]),
                ("C", &["developing"]),
                ("D", &["developed"]),
                ("E", &["developed"]),
            ],
            &[
                (
                    "x",
                    Higher,
                    &[Some(1.0), Some(3.0), Some(4.0), Some(8.0), Some(8.0)],
                ),
                (
                    "y",
                    Higher,
                    &[Some(4.0), Some(4.0), Some(6.0), Some(5.0), Some(7.0)],
                ),
            ],
        )
    }

    /// The framework of [`three_groups`].
    fn three_groups_framework() -> Framework {
        Framework::new(vec![
            leaf("x", "idx", 1.0),
            leaf("y", "idx", 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap()
    }

    #[test]
    fn a_group_asked_for_again_has_the_same_figures() {
        let g = three_groups();
        // The same data and framework as `three_groups`, the groups asked for with repeats.
        let (d, f) = (three_groups_data(), three_groups_framework());
        let r = published_scores(&d, &f);
        let again = compare_groups(&d, &f, &r, &["developed", "LDC", "developed", "LDC"]).unwrap();
        assert_eq!(again.groups, ["developed", "LDC", "developed", "LDC"]);
        for (n, node) in again.nodes.iter().enumerate() {
            assert_eq!(
                node.groups[0], g.nodes[n].groups[2],
                "developed on {}",
                node.id
            );
            assert_eq!(node.groups[1], g.nodes[n].groups[0], "LDC on {}", node.id);
            assert_eq!(node.groups[2], node.groups[0]);
            assert_eq!(node.groups[3], node.groups[1]);
        }
    }

    #[test]
    fn three_groups_by_hand() {
        let g = three_groups();
        assert_eq!(g.groups, ["LDC", "developing", "developed"]);
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["idx", "x", "y"]);
        let means =
            |at: usize| -> Vec<Option<f64>> { g.nodes[at].groups.iter().map(|s| s.mean).collect() };
        // idx: LDC (2.5 + 3.5)/2 = 3, developing 5, developed (6.5 + 7.5)/2 = 7.
        assert_eq!(means(0), [Some(3.0), Some(5.0), Some(7.0)]);
        assert_eq!(means(1), [Some(2.0), Some(4.0), Some(8.0)]);
        assert_eq!(means(2), [Some(4.0), Some(6.0), Some(6.0)]);
        assert_eq!(g.nodes[1].share(0, 2), Some(0.25));
        assert_eq!(g.nodes[2].share(1, 2), Some(1.0));
        assert_eq!(g.nodes[0].groups[2].members, 2);
        // Largest gap: LDCs on x, 2/8; smallest: developing and developed on y, 6/6.
        let (largest, smallest) = g.extremes().unwrap();
        assert_eq!((largest.at, largest.lower, largest.higher), (1, 0, 2));
        assert_eq!((smallest.at, smallest.lower, smallest.higher), (2, 1, 2));
        assert_eq!(
            g.sentence().unwrap(),
            "The largest gap: LDC score less than a third of what developed score on x (25 %). \
             The smallest: developing score 100 % of what developed score on y."
        );
    }

    #[test]
    fn the_two_group_view_is_the_many_group_one() {
        let g = three_groups();
        let d = dataset(
            &[("A", &["LDC"]), ("D", &["developed"])],
            &[("x", Higher, &[Some(2.0), Some(8.0)])],
        );
        let f = Framework::new(vec![leaf("x", "idx", 1.0), agg("idx", None, 1.0)]).unwrap();
        let r = published_scores(&d, &f);
        let two = compare(&d, &f, &r, "LDC", "developed").unwrap();
        let idx = two.index().unwrap();
        assert_eq!((idx.a.mean, idx.b.mean), (Some(2.0), Some(8.0)));
        assert_eq!((idx.difference, idx.ratio), (Some(6.0), Some(0.25)));
        assert_eq!(two.a, "LDC");
        // Shares agree with the three-group comparison's on the same means.
        assert_eq!(g.nodes[1].share(0, 2), idx.ratio);
    }

    #[test]
    fn a_pair_read_from_every_group_is_the_pair_compared_alone() {
        let g = three_groups();
        // LDC against developed, from the three: x 2 vs 8, y 4 vs 6, idx 3 vs 7.
        let pair = g.pair(0, 2).unwrap();
        assert_eq!((pair.a.as_str(), pair.b.as_str()), ("LDC", "developed"));
        let gaps: Vec<(Option<f64>, Option<f64>)> =
            pair.nodes.iter().map(|n| (n.difference, n.ratio)).collect();
        assert_eq!(
            gaps,
            [
                (Some(4.0), Some(3.0 / 7.0)),
                (Some(6.0), Some(0.25)),
                (Some(2.0), Some(4.0 / 6.0))
            ]
        );
        assert_eq!(pair.nodes[2].b.members, 2);
        assert!(g.pair(0, 3).is_none());
    }

    #[test]
    fn shares_in_words() {
        assert_eq!(share_in_words(0.2), Some("less than a quarter of"));
        assert_eq!(share_in_words(0.25), Some("less than a third of"));
        assert_eq!(share_in_words(0.49), Some("less than half of"));
        assert_eq!(share_in_words(0.89), Some("less than 90 % of"));
        assert_eq!(share_in_words(0.9), None);
    }

    #[test]
    fn figures_of_huge_scores_are_finite_or_none() {
        // Means ±1e308: their difference overflows and is left out; means and medians are kept.
        let d = dataset(
            &[("A", &["LDC"]), ("B", &["LDC"]), ("C", &["dev"])],
            &[("x", Higher, &[Some(1e308), Some(1.7e308), Some(-1e308)])],
        );
        let f = Framework::new(vec![leaf("x", "idx", 1.0), agg("idx", None, 1.0)]).unwrap();
        let r = published_scores(&d, &f);
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
        let r = published_scores(&d, &f);
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

    /// A weight moved: the nodes above it are summarised again, every other node's summary is
    /// the earlier comparison's (seen by planting a mark in it), and the whole is the fresh
    /// comparison's.
    #[test]
    fn a_comparison_since_another_summarises_only_what_moved() {
        let d = dataset(
            &[("A", &["LDC"]), ("B", &["LDC"]), ("C", &["developed"])],
            &[
                ("x", Higher, &[Some(1.0), Some(3.0), Some(8.0)]),
                ("y", Higher, &[Some(4.0), Some(2.0), Some(6.0)]),
                ("z", Higher, &[Some(5.0), Some(7.0), Some(9.0)]),
            ],
        );
        // idx → p (x, y), z.
        let f = Framework::new(vec![
            leaf("x", "p", 1.0),
            leaf("y", "p", 1.0),
            agg("p", Some("idx"), 1.0),
            leaf("z", "idx", 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        let ids = ["LDC", "developed"];
        let before = published_scores(&d, &f);
        let weighted = |id: &str, w: f64| {
            let w = crate::framework::Weights::with_overrides(&f, &[(id.to_string(), w)].into())
                .unwrap();
            before.prepared.score(&f, &w).unwrap()
        };
        let mut planted = compare_groups(&d, &f, &before, &ids).unwrap();
        for node in &mut planted.nodes {
            node.groups[0].median = Some(-1.0);
        }
        let at = |c: &GroupsComparison, id: &str| c.nodes.iter().position(|n| n.id == id).unwrap();
        for (moved, again) in [("x", &["idx", "p"][..]), ("p", &["idx"]), ("z", &["idx"])] {
            let after = weighted(moved, 3.0);
            let fresh = compare_groups(&d, &f, &after, &ids).unwrap();
            let since =
                compare_groups_since(&d, &f, &after, &ids, Some((&before, &planted))).unwrap();
            for node in ["idx", "p", "z"] {
                let (s, n) = (&since.nodes[at(&since, node)], at(&fresh, node));
                if again.contains(&node) {
                    assert_eq!(s, &fresh.nodes[n], "{node} after {moved} moved");
                } else {
                    assert_eq!(s.groups[0].median, Some(-1.0), "{node} after {moved} moved");
                    assert_eq!(s.groups[1], fresh.nodes[n].groups[1]);
                }
            }
            // Other groups, or results prepared apart: nothing is taken from the earlier one.
            let other = compare_groups_since(
                &d,
                &f,
                &after,
                &["developed", "LDC"],
                Some((&before, &planted)),
            );
            assert_eq!(
                other.unwrap(),
                compare_groups(&d, &f, &after, &["developed", "LDC"]).unwrap()
            );
            let apart = published_scores(&d, &f);
            assert!(!apart.same_scores(&before, &f, f.position("z").unwrap()));
            let since =
                compare_groups_since(&d, &f, &apart, &ids, Some((&before, &planted))).unwrap();
            assert_eq!(since, compare_groups(&d, &f, &apart, &ids).unwrap());
        }
    }
}
