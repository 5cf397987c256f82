//! Aggregation at speed: a parent's rows a block of [`ROWS`] at a time, every child's values
//! for the block summed in registers before the parent's are written, so that each child's
//! column is read once, in order.
//!
//! Plain counterpart: [`crate::aggregate::unit_score`], one unit at a time over its children
//! present. The sums are the same, in the same order (the children's), so the scores are the
//! same to the bit: a missing child adds +0.0 here, which leaves a sum that starts at +0.0 (and
//! so is never −0.0) exactly as it was.

use crate::aggregate::Rule;
use crate::matrix::finite_or_missing;
use crate::method::Aggregation;

/// Rows aggregated together.
const ROWS: usize = 4;

/// Writes to `out` a parent's score for every row from `children` (each child's column and its
/// weight, all positive), as [`Rule`] says; NaN where too few children are present.
pub(crate) fn parent_into(children: &[(&[f64], f64)], rule: &Rule, out: &mut [f64]) {
    // One copy of the loop per mean, with the mean known inside it.
    match rule.how {
        Aggregation::Arithmetic => fill(
            children,
            &Rule {
                how: Aggregation::Arithmetic,
                ..*rule
            },
            out,
        ),
        Aggregation::Geometric => fill(
            children,
            &Rule {
                how: Aggregation::Geometric,
                ..*rule
            },
            out,
        ),
        Aggregation::Harmonic => fill(
            children,
            &Rule {
                how: Aggregation::Harmonic,
                ..*rule
            },
            out,
        ),
    }
}

/// One row's running sums over the children present: Σ w, their count, Σ term(w, x).
#[derive(Clone, Copy)]
struct Lane {
    sum_w: f64,
    present: f64,
    acc: f64,
}

impl Lane {
    const EMPTY: Lane = Lane {
        sum_w: 0.0,
        present: 0.0,
        acc: 0.0,
    };

    /// Adds child score `x` of weight `w` (nothing — +0.0 — when it is missing).
    #[inline(always)]
    fn add(&mut self, rule: &Rule, w: f64, x: f64) {
        let here = x.is_finite();
        self.sum_w += if here { w } else { 0.0 };
        self.present += if here { 1.0 } else { 0.0 };
        self.acc += if here { rule.term(w, x) } else { 0.0 };
    }

    /// The parent's score, NaN when too few of `children` are present.
    #[inline(always)]
    fn finish(&self, rule: &Rule, children: usize) -> f64 {
        if rule.enough(self.present, children) {
            finite_or_missing(rule.finish(self.sum_w, self.acc))
        } else {
            f64::NAN
        }
    }
}

#[inline(always)]
fn fill(children: &[(&[f64], f64)], rule: &Rule, out: &mut [f64]) {
    for (block, chunk) in out.chunks_mut(ROWS).enumerate() {
        let start = block * ROWS;
        // The four lanes by name, not zipped iterators: the size-optimised wasm build
        // (opt-level "z") calls iterator adapters instead of inlining them, several times slower.
        let [mut l0, mut l1, mut l2, mut l3] = [Lane::EMPTY; ROWS];
        for &(col, w) in children {
            // This block's values of the child (missing where it has none).
            let [x0, x1, x2, x3]: [f64; ROWS] = match col.get(start..start + ROWS) {
                Some(&[a, b, c, d]) => [a, b, c, d],
                _ => std::array::from_fn(|i| col.get(start + i).copied().unwrap_or(f64::NAN)),
            };
            l0.add(rule, w, x0);
            l1.add(rule, w, x1);
            l2.add(rule, w, x2);
            l3.add(rule, w, x3);
        }
        match chunk {
            [o0, o1, o2, o3] => {
                *o0 = l0.finish(rule, children.len());
                *o1 = l1.finish(rule, children.len());
                *o2 = l2.finish(rule, children.len());
                *o3 = l3.finish(rule, children.len());
            }
            // The last block, shorter.
            rest => {
                for (o, lane) in rest.iter_mut().zip([l0, l1, l2]) {
                    *o = lane.finish(rule, children.len());
                }
            }
        }
    }
}
