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
//! How they are checked: property tests (`tests.rs` here, on random columns with ties, gaps,
//! constants and tiny and huge magnitudes within [`crate::method::limits`]) compare each kernel
//! with its plain counterpart, to the bit (`to_bits`, NaN in the same places) wherever the
//! kernel does the same arithmetic in the same order. Two kernels reassociate sums by design,
//! and are checked to the bit on what they decide (counts, extremes, which values are replaced,
//! every value written) and within a stated relative bound on the sums themselves: the lane
//! sums ([`lanes`]) and winsorisation's recombined moments ([`winsorise`]). Over the whole
//! pipeline, `tests/properties.rs` checks that `prepare` is its steps in order, to the bit.
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
