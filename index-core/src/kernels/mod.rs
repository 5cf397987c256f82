//! The engine's speed: the fused, vectorised kernels that make 50 000 units fast, kept out of the
//! step modules so that those read like the Handbook.
//!
//! Each kernel does what a step module's plain, literal implementation does, organised for the
//! machine: several sums kept in lanes that become vector registers, counts in integers, one
//! sweep over a column doing every step it can while the column is in cache, rows aggregated a
//! block at a time, only a column's gaps revisited, winsorisation tracking a column's ends
//! instead of recomputing it. Every kernel has its plain counterpart in a step module (named in
//! the kernel's doc), and the step's public entry points call the kernel.
//!
//! How they are checked: property tests (`tests.rs` here) compare each kernel with its plain
//! counterpart on random columns with ties, gaps, constants, and tiny and huge values (to
//! ±`f64::MAX`), and method parameters within [`crate::method::limits`]: to the bit (`to_bits`,
//! NaN in the same places) wherever the kernel does the same arithmetic in the same order
//! ([`gaps`], [`aggregate`]). Two kernels reassociate sums by design: [`lanes`] and
//! [`winsorise`] are checked to the bit on what they decide (counts, extremes, how many values a
//! step replaces, the ends reached, every value written, but for the sign of a zero) and on sums
//! that are exact in any order; otherwise their sums within the bound of the order of summation,
//! and skewness and kurtosis within 1e-9 (relative) for everyday magnitudes (|x| ≤ 1e12: where
//! the spread is rounding noise against the values, either order may read a column as
//! constant). [`sweep`] is checked over the whole pipeline: `tests/properties.rs` ("prepare is
//! its steps in order") rebuilds every stage with the public steps and compares, to the bit.
//!
//! | kernel | what it holds | plain counterpart |
//! |---|---|---|
//! | [`lanes`] | count, sums, power sums, extremes of a column in independent lanes; one-pass skewness and kurtosis | [`crate::stats`] |
//! | [`winsorise`] | a column's ends and core moments, so each winsorising step costs O(limit) | [`crate::treat`] |
//! | [`gaps`] | imputation's slot means in one pass, then only the gaps filled | [`crate::impute`] |
//! | [`sweep`] | each raw column counted, copied, denominated and imputed in one sweep; screening's counts as integers | [`crate::denominate`], [`crate::impute`], [`crate::screen`] (the steps in order) |
//! | [`aggregate`] | a parent's rows a block at a time, children summed in registers | [`crate::aggregate`] |

pub(crate) mod aggregate;
pub(crate) mod gaps;
pub(crate) mod lanes;
pub(crate) mod sweep;
pub(crate) mod winsorise;

#[cfg(test)]
mod tests;
