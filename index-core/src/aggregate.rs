//! Aggregation: forming each pillar's, sub-index's and the index's score from its children
//! (COINr `Aggregate`), level by level from the indicators up.

use crate::framework::{Framework, Weights};
use crate::matrix::{finite_or_missing, Matrix};
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

/// [`aggregate`] over any [`NodeColumns`].
pub(crate) fn aggregate_into(
    scores: &mut impl NodeColumns,
    framework: &Framework,
    weights: &Weights,
    method: &Method,
) {
    let rows = scores.rows();
    let floor = method.floor;
    let mut sum_w = vec![0.0; rows];
    let mut acc = vec![0.0; rows];
    let mut present = vec![0.0f64; rows]; // a count, kept as f64 so the loops vectorise
    for &parent in framework.aggregation_order() {
        let how = method.aggregation_at(framework.level(parent));
        sum_w.iter_mut().for_each(|v| *v = 0.0);
        acc.iter_mut().for_each(|v| *v = 0.0);
        present.iter_mut().for_each(|v| *v = 0.0);
        let mut weighted_children = 0u32;
        for &child in framework.children(parent) {
            let w = weights.get(child);
            if w <= 0.0 {
                continue;
            }
            weighted_children += 1;
            let col = scores.column(child);
            let sums = (&mut sum_w[..], &mut present[..], &mut acc[..]);
            match how {
                // A missing child adds w · 0 = +0.0, as `accumulate` does, without a select.
                Aggregation::Arithmetic => {
                    let (sum_w, present, acc) = sums;
                    for (((&x, s), p), a) in col.iter().zip(sum_w).zip(present).zip(acc) {
                        let here = f64::from(u8::from(x.is_finite()));
                        *s += w * here;
                        *p += here;
                        *a += w * if here > 0.0 { x } else { 0.0 };
                    }
                }
                Aggregation::Geometric => accumulate(col, w, sums, |x| w * x.max(floor).ln()),
                Aggregation::Harmonic => accumulate(col, w, sums, |x| w / x.max(floor)),
            }
        }
        let min_share = method.min_child_share;
        let out = scores.column_mut(parent);
        for (u, out) in out.iter_mut().enumerate().take(rows) {
            let enough =
                present[u] > 0.0 && present[u] + 1e-9 >= min_share * f64::from(weighted_children);
            *out = if enough {
                finite_or_missing(match how {
                    Aggregation::Arithmetic => acc[u] / sum_w[u],
                    Aggregation::Geometric => (acc[u] / sum_w[u]).exp(),
                    Aggregation::Harmonic => sum_w[u] / acc[u],
                })
            } else {
                f64::NAN
            };
        }
    }
}

/// Adds one child's column (weight `w`) to the running sums of weights, counts and `term`s.
/// Branch-free so that it vectorises: a missing child adds +0.0, which leaves the sums (never
/// −0.0, as they start at +0.0) exactly as they were.
#[inline(always)]
fn accumulate(
    col: &[f64],
    w: f64,
    (sum_w, present, acc): (&mut [f64], &mut [f64], &mut [f64]),
    term: impl Fn(f64) -> f64,
) {
    for (((&x, s), p), a) in col.iter().zip(sum_w).zip(present).zip(acc) {
        let here = x.is_finite();
        *s += if here { w } else { 0.0 };
        *p += if here { 1.0 } else { 0.0 };
        *a += if here { term(x) } else { 0.0 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::fixture::{agg, leaf};

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
        let m = Method {
            min_child_share: 1.0,
            ..Method::default()
        };
        check(&m, &[[Some(40.0), None, Some(20.0)]], &[None]);
        let half = Method {
            min_child_share: 0.5,
            ..Method::default()
        };
        check(&half, &[[Some(40.0), None, Some(20.0)]], &[Some(30.0)]);
    }

    #[test]
    fn geometric_and_harmonic_with_floor() {
        let mut m = Method::default();
        m.set_aggregation_everywhere(Aggregation::Geometric);
        // p = exp((ln 10 + 3 ln 1000)/4) = 10^(2.5) = 316.227…; q = 100; idx = sqrt(31622.7…)
        let p = 10f64.powf(2.5);
        check(
            &m,
            &[[Some(10.0), Some(1000.0), Some(100.0)]],
            &[Some((p * 100.0).sqrt())],
        );
        // a zero is raised to the floor (1.0): p = exp(3 ln 16 / 4) = 8
        check(&m, &[[Some(0.0), Some(16.0), Some(8.0)]], &[Some(8.0)]);
        m.set_aggregation_everywhere(Aggregation::Harmonic);
        // p = 4 / (1/2 + 3/6) = 4; q = 4; idx = 4
        check(&m, &[[Some(2.0), Some(6.0), Some(4.0)]], &[Some(4.0)]);
    }

    #[test]
    fn per_level_choice() {
        let mut m = Method::default();
        m.levels.insert(3, Aggregation::Geometric);
        // p = (1·10+3·50)/4 = 40, q = 90, idx = sqrt(3600) = 60
        check(&m, &[[Some(10.0), Some(50.0), Some(90.0)]], &[Some(60.0)]);
    }
}
