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

#[inline(always)]
fn fill(children: &[(&[f64], f64)], rule: &Rule, out: &mut [f64]) {
    for (block, chunk) in out.chunks_mut(ROWS).enumerate() {
        let start = block * ROWS;
        let (mut sum_w, mut present, mut acc) = ([0.0; ROWS], [0.0f64; ROWS], [0.0; ROWS]);
        for &(col, w) in children {
            // This block's values of the child (missing where it has none).
            let xs: [f64; ROWS] = match col.get(start..start + ROWS) {
                Some(&[a, b, c, d]) => [a, b, c, d],
                _ => std::array::from_fn(|i| col.get(start + i).copied().unwrap_or(f64::NAN)),
            };
            let lanes = sum_w.iter_mut().zip(&mut present).zip(&mut acc);
            for (((sum_w, present), acc), x) in lanes.zip(xs) {
                let here = x.is_finite();
                *sum_w += if here { w } else { 0.0 };
                *present += if here { 1.0 } else { 0.0 };
                *acc += if here { rule.term(w, x) } else { 0.0 };
            }
        }
        for (((o, present), sum_w), acc) in chunk.iter_mut().zip(present).zip(sum_w).zip(acc) {
            *o = if rule.enough(present, children.len()) {
                finite_or_missing(rule.finish(sum_w, acc))
            } else {
                f64::NAN
            };
        }
    }
}
