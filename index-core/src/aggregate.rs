//! Aggregation: forming each pillar's, sub-index's and the index's score from its children
//! (COINr `Aggregate`), level by level from the indicators up.

use crate::framework::{Framework, Weights};
use crate::kernels;
use crate::matrix::Matrix;
use crate::method::{Aggregation, Method};

/// Fills the aggregate columns of `scores` (one column per framework node, indicator columns
/// already holding normalised values) in [`Framework::aggregation_order`].
///
/// For unit `u` and parent `p` with children `c` of weight `w_c > 0` and score `x_c` present:
///
/// - arithmetic: `Σ w_c x_c / Σ w_c`
/// - geometric: `exp(Σ w_c ln max(x_c, floor) / Σ w_c)`
/// - harmonic: `Σ w_c / Σ (w_c / max(x_c, floor))`
///
/// with sums over the children present (missing ones are left out and the weights re-normalised
/// over the rest). The parent is missing when no child with positive weight is present, or when
/// the present share is below `method.min_child_share`. Children with weight 0 take no part.
pub fn aggregate(scores: &mut Matrix, framework: &Framework, weights: &Weights, method: &Method) {
    aggregate_into(scores, framework, weights, method);
}

/// Where aggregation reads each node's scores and writes each parent's: one table of every node
/// ([`aggregate`]), or the indicators' normalised values beside a table of the aggregates only
/// (what [`crate::pipeline::Prepared::score`] keeps, so that a weight change copies nothing).
pub(crate) trait NodeColumns {
    /// Number of units.
    fn rows(&self) -> usize;
    /// Node `node`'s column (NaN = missing); empty when it has none.
    fn column(&self, node: usize) -> &[f64];
    /// Node `node`'s column to write; empty when it has none.
    fn column_mut(&mut self, node: usize) -> &mut [f64];
}

impl NodeColumns for Matrix {
    fn rows(&self) -> usize {
        Matrix::rows(self)
    }
    fn column(&self, node: usize) -> &[f64] {
        self.col_raw(node)
    }
    fn column_mut(&mut self, node: usize) -> &mut [f64] {
        self.col_raw_mut(node)
    }
}

/// [`aggregate`] over any [`NodeColumns`]: each parent in turn, its rows a block at a time
/// ([`crate::kernels::aggregate::parent_into`]).
pub(crate) fn aggregate_into(
    scores: &mut impl NodeColumns,
    framework: &Framework,
    weights: &Weights,
    method: &Method,
) {
    let rows = scores.rows();
    let mut out = vec![f64::NAN; rows];
    for &parent in framework.aggregation_order() {
        let rule = Rule::of(method, framework.level(parent));
        let children: Vec<(&[f64], f64)> = framework
            .children(parent)
            .iter()
            .map(|&c| (scores.column(c), weights.get(c)))
            .filter(|(_, w)| *w > 0.0)
            .collect();
        kernels::aggregate::parent_into(&children, &rule, &mut out);
        let parent_col = scores.column_mut(parent);
        let n = parent_col.len().min(rows);
        // n ≤ both lengths (out has `rows` values): the two `get`s always succeed.
        if let (Some(dst), Some(src)) = (parent_col.get_mut(..n), out.get(..n)) {
            dst.copy_from_slice(src);
        }
    }
}

/// How one parent is formed from its children: the mean, the floor of geometric and harmonic
/// means, and the share of children (with positive weight) that must be present.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rule {
    /// Arithmetic, geometric or harmonic.
    pub(crate) how: Aggregation,
    /// Scores below it count as it under geometric and harmonic means.
    pub(crate) floor: f64,
    /// Least share of the children present.
    pub(crate) min_child_share: f64,
}

impl Rule {
    /// The rule `method` sets at framework level `level`.
    pub(crate) fn of(method: &Method, level: u8) -> Self {
        Rule {
            how: method.aggregation_at(level),
            floor: method.floor(),
            min_child_share: method.min_child_share(),
        }
    }

    /// The term child score `x` of weight `w` adds to the sum the mean divides by `Σ w`.
    #[inline(always)]
    pub(crate) fn term(&self, w: f64, x: f64) -> f64 {
        match self.how {
            Aggregation::Arithmetic => w * x,
            Aggregation::Geometric => w * x.max(self.floor).ln(),
            Aggregation::Harmonic => w / x.max(self.floor),
        }
    }

    /// The mean from `Σ w` and `Σ term(w, x)` over the children present.
    #[inline(always)]
    pub(crate) fn finish(&self, sum_w: f64, sum: f64) -> f64 {
        match self.how {
            Aggregation::Arithmetic => sum / sum_w,
            Aggregation::Geometric => (sum / sum_w).exp(),
            Aggregation::Harmonic => sum_w / sum,
        }
    }

    /// Whether `present` of `children` (with positive weight) are enough: at least one, and at
    /// least `min_child_share` of them (with 1e-9 of slack).
    #[inline(always)]
    pub(crate) fn enough(&self, present: f64, children: usize) -> bool {
        present > 0.0 && present + 1e-9 >= self.min_child_share * children as f64
    }
}

/// One unit's score of a parent, the formulas applied literally: `children` are its children's
/// (score, weight), weights positive, NaN for a missing score; NaN when too few are present or
/// the result is not finite. The reference the kernel ([`kernels::aggregate::parent_into`]) is
/// checked against.
#[cfg(test)]
pub(crate) fn unit_score(children: &[(f64, f64)], rule: &Rule) -> f64 {
    let (mut sum_w, mut present, mut sum) = (0.0, 0.0, 0.0);
    for &(x, w) in children.iter().filter(|(x, _)| x.is_finite()) {
        sum_w += w;
        present += 1.0;
        sum += rule.term(w, x);
    }
    if rule.enough(present, children.len()) {
        crate::matrix::finite_or_missing(rule.finish(sum_w, sum))
    } else {
        f64::NAN
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::fixture::{agg, leaf};
    use crate::method::MethodSpec;

    fn tree() -> Framework {
        Framework::new(vec![
            leaf("a", "p", 1.0),
            leaf("b", "p", 3.0),
            leaf("c", "q", 1.0),
            agg("p", Some("idx"), 1.0),
            agg("q", Some("idx"), 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap()
    }

    #[track_caller]
    fn check(method: &Method, rows: &[[Option<f64>; 3]], expected_idx: &[Option<f64>]) {
        let f = tree();
        let mut m = Matrix::missing(rows.len(), f.len());
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                m.set(r, c, *v);
            }
        }
        aggregate(&mut m, &f, &f.weights(), method);
        let got: Vec<Option<f64>> = m.column(f.root()).collect();
        for (g, e) in got.iter().zip(expected_idx) {
            match (g, e) {
                (Some(g), Some(e)) => {
                    assert!((g - e).abs() < 1e-9, "got {got:?}, want {expected_idx:?}")
                }
                _ => assert_eq!(
                    g.is_none(),
                    e.is_none(),
                    "got {got:?}, want {expected_idx:?}"
                ),
            }
        }
    }

    #[test]
    fn arithmetic_reweights_over_present_children() {
        let m = Method::default();
        // p = (1·40 + 3·80)/4 = 70; q = 20; idx = 45.
        check(&m, &[[Some(40.0), Some(80.0), Some(20.0)]], &[Some(45.0)]);
        // b missing: p = 40; idx = 30.
        check(&m, &[[Some(40.0), None, Some(20.0)]], &[Some(30.0)]);
        // q missing entirely: idx = p = 70.
        check(&m, &[[Some(40.0), Some(80.0), None]], &[Some(70.0)]);
        check(&m, &[[None, None, None]], &[None]);
    }

    #[test]
    fn minimum_share_of_children() {
        let m = Method::new(MethodSpec {
            min_child_share: 1.0,
            ..MethodSpec::default()
        })
        .unwrap();
        check(&m, &[[Some(40.0), None, Some(20.0)]], &[None]);
        let half = Method::new(MethodSpec {
            min_child_share: 0.5,
            ..MethodSpec::default()
        })
        .unwrap();
        check(&half, &[[Some(40.0), None, Some(20.0)]], &[Some(30.0)]);
    }

    #[test]
    fn geometric_and_harmonic_with_floor() {
        let m = Method::default().with_aggregation_everywhere(Aggregation::Geometric);
        // p = exp((ln 10 + 3 ln 1000)/4) = 10^(2.5) = 316.227…; q = 100; idx = sqrt(31622.7…)
        let p = 10f64.powf(2.5);
        check(
            &m,
            &[[Some(10.0), Some(1000.0), Some(100.0)]],
            &[Some((p * 100.0).sqrt())],
        );
        // a zero is raised to the floor (1.0): p = exp(3 ln 16 / 4) = 8
        check(&m, &[[Some(0.0), Some(16.0), Some(8.0)]], &[Some(8.0)]);
        let m = m.with_aggregation_everywhere(Aggregation::Harmonic);
        // p = 4 / (1/2 + 3/6) = 4; q = 4; idx = 4
        check(&m, &[[Some(2.0), Some(6.0), Some(4.0)]], &[Some(4.0)]);
    }

    #[test]
    fn per_level_choice() {
        let mut spec = MethodSpec::default();
        spec.levels.insert(3, Aggregation::Geometric);
        let m = Method::new(spec).unwrap();
        // p = (1·10+3·50)/4 = 40, q = 90, idx = sqrt(3600) = 60
        check(&m, &[[Some(10.0), Some(50.0), Some(90.0)]], &[Some(60.0)]);
    }
}
