//! Low-discrepancy sample points for uncertainty and sensitivity analysis.
//!
//! Points come from the Sobol sequence with Owen scrambling (Burley 2020, "Practical Hash-based
//! Owen Scrambling", through the `sobol_burley` crate): quasi-random points that fill the unit
//! cube more evenly than independent draws, so that an estimate settles with fewer of them, yet
//! each seed gives a statistically independent sequence. A point depends only on its index, its
//! dimension and the seed, so the same seed gives the same points natively and in the browser.
//!
//! ```
//! use index_core::sample::Sobol;
//! let s = Sobol::new(3, 42).unwrap();
//! let mut p = [0.0; 3];
//! s.point(7, &mut p);
//! assert!(p.iter().all(|x| (0.0..1.0).contains(x)));
//! let mut q = [0.0; 3];
//! Sobol::new(3, 42).unwrap().point(7, &mut q);
//! assert_eq!(p, q);
//! ```

use crate::error::{Error, Result};

/// The most points one sequence gives (the crate's limit, 2¹⁶).
pub const MAX_POINTS: u32 = 1 << 16;
/// The most dimensions one sequence has (the crate's limit).
pub const MAX_DIMENSIONS: usize = sobol_burley::NUM_DIMENSIONS as usize;

/// An Owen-scrambled Sobol sequence in `dims` dimensions, seeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sobol {
    dims: usize,
    seed: u32,
}

impl Sobol {
    /// A sequence of `dims` dimensions (1 to [`MAX_DIMENSIONS`]), seeded by [`fold`]`(seed)`.
    ///
    /// # Errors
    /// [`Error::Sampling`] for 0 or more than [`MAX_DIMENSIONS`] dimensions.
    pub fn new(dims: usize, seed: u64) -> Result<Self> {
        if dims == 0 || dims > MAX_DIMENSIONS {
            return Err(Error::Sampling(format!(
                "{dims} uncertain inputs; the sampler takes 1 to {MAX_DIMENSIONS}"
            )));
        }
        Ok(Sobol {
            dims,
            seed: fold(seed),
        })
    }

    /// The number of dimensions.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Writes point `index` into `out` (its first `dims` slots; the rest are left as they are),
    /// each coordinate in [0, 1). Indices wrap at [`MAX_POINTS`]; callers bound their counts
    /// by it.
    pub fn point(&self, index: u32, out: &mut [f64]) {
        for (d, slot) in out.iter_mut().take(self.dims).enumerate() {
            *slot = coordinate(index, d, self.seed);
        }
    }

    /// Coordinate `dim` of point `index`, in [0, 1) — the value [`Sobol::point`] writes in slot
    /// `dim` — or `None` when `dim` is not below [`Sobol::dims`]. Indices wrap at
    /// [`MAX_POINTS`] as in [`Sobol::point`].
    ///
    /// ```
    /// use index_core::sample::Sobol;
    /// let s = Sobol::new(3, 42).unwrap();
    /// let mut p = [0.0; 3];
    /// s.point(9, &mut p);
    /// assert_eq!(s.coordinate(9, 2), Some(p[2]));
    /// assert_eq!(s.coordinate(9, 3), None);
    /// ```
    pub fn coordinate(&self, index: u32, dim: usize) -> Option<f64> {
        (dim < self.dims).then(|| coordinate(index, dim, self.seed))
    }
}

/// The 32-bit seed of the sampler for a 64-bit seed: both halves count (the low half alone
/// would make seeds 1 and 2³² + 1 equal).
pub fn fold(seed: u64) -> u32 {
    (seed as u32) ^ ((seed >> 32) as u32).rotate_left(16)
}

/// Coordinate `dim` of point `index` of the sequence seeded `seed` (32-bit), in [0, 1), for
/// any number of dimensions: past [`MAX_DIMENSIONS`], each further block of dimensions is
/// another, independently seeded, sequence (points are stratified within a block, and only
/// randomly associated across blocks). Indices wrap at [`MAX_POINTS`].
pub fn coordinate(index: u32, dim: usize, seed: u32) -> f64 {
    let block = (dim / MAX_DIMENSIONS) as u32;
    // `dim % MAX_DIMENSIONS < NUM_DIMENSIONS`, so `sample` cannot panic.
    let d = (dim % MAX_DIMENSIONS) as u32;
    let seed = seed ^ block.wrapping_mul(0x9E37_79B9);
    f64::from(sobol_burley::sample(index % MAX_POINTS, d, seed))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;

    #[test]
    fn dimensions_are_bounded() {
        assert!(Sobol::new(0, 1).is_err());
        assert!(Sobol::new(MAX_DIMENSIONS + 1, 1).is_err());
        assert!(Sobol::new(MAX_DIMENSIONS, 1).is_ok());
    }

    #[test]
    fn points_are_stratified() {
        // The first 2^k points of a Sobol sequence put exactly one point in each of the 2^k
        // equal intervals of every dimension; scrambling keeps this.
        let s = Sobol::new(4, 7).unwrap();
        let mut seen = vec![[false; 64]; 4];
        let mut p = [0.0; 4];
        for i in 0..64 {
            s.point(i, &mut p);
            for (d, x) in p.iter().enumerate() {
                let cell = (x * 64.0) as usize;
                assert!(!seen[d][cell], "dimension {d}, cell {cell} twice");
                seen[d][cell] = true;
            }
        }
    }

    #[test]
    fn seeds_differ_in_both_halves() {
        let mut a = [0.0; 2];
        let mut b = [0.0; 2];
        Sobol::new(2, 1).unwrap().point(3, &mut a);
        Sobol::new(2, 1 + (1 << 32)).unwrap().point(3, &mut b);
        assert_ne!(a, b);
    }

    /// The same seed gives the same points wherever it runs: pinned, so that a change of the
    /// crate or of the seed folding shows here (the browser's points are checked against the
    /// CLI's end to end).
    #[test]
    fn points_are_pinned() {
        let mut p = [0.0; 3];
        Sobol::new(3, 2026).unwrap().point(5, &mut p);
        let text: Vec<String> = p.iter().map(|x| format!("{x:.6}")).collect();
        assert_eq!(text.join(" "), "0.343735 0.658839 0.531361");
    }
}
