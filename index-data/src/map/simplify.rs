//! Line simplification by Visvalingam–Whyatt (M. Visvalingam and J. D. Whyatt, "Line
//! generalisation by repeated elimination of points", *The Cartographic Journal* 30(1), 1993):
//! repeatedly drop the interior point whose triangle with its two neighbours has the smallest
//! area, while that area is below a threshold; after each drop the neighbours' triangles are
//! recomputed. A point's area is never taken as smaller than the last area dropped (so a point
//! whose triangle shrinks once its neighbour goes is not dropped before points that mattered
//! less — the usual guard, as in mbostock's and Mapshaper's implementations).
//!
//! The two ends of a line are always kept, so lines that share their ends (TopoJSON's arcs,
//! each a stretch of border between two junctions) stay joined, and a border two countries
//! share is simplified once, the same for both. Not done: the guard against a simplified line
//! crossing another (at the thresholds used here, a few square pixels, crossings are rare and
//! below a pixel).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A point's candidacy for removal: its triangle's area when last computed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    area: f64,
    point: usize,
    /// The point's version when this was pushed: older candidates are stale.
    version: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    // The smallest area first (BinaryHeap is a max-heap), then the lowest position, so the
    // result does not depend on the heap's order among equals.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .area
            .total_cmp(&self.area)
            .then(other.point.cmp(&self.point))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Twice the area of the triangle `a b c`, absolute.
fn triangle(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    ((b.0 - a.0) * (c.1 - a.1) - (c.0 - a.0) * (b.1 - a.1)).abs() / 2.0
}

/// `line` without the points whose effective area (see the module) is below `min_area`,
/// keeping both ends and at least `keep` points in all (a closed ring needs 4: three corners
/// and the end that repeats the start). Lines of at most `keep` points come back whole.
pub fn visvalingam(line: &[(f64, f64)], min_area: f64, keep: usize) -> Vec<(f64, f64)> {
    line.iter()
        .zip(kept(line, min_area, keep))
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

/// Which points of `line` [`visvalingam`] keeps, one flag per point (to keep the same points of
/// another rendering of the line, e.g. its longitudes and latitudes).
pub fn kept(line: &[(f64, f64)], min_area: f64, keep: usize) -> Vec<bool> {
    let n = line.len();
    if n <= keep.max(2) {
        return vec![true; n];
    }
    // A doubly linked list over positions; `usize::MAX` for none.
    let mut prev: Vec<usize> = (0..n).map(|i| i.wrapping_sub(1)).collect();
    let mut next: Vec<usize> = (1..=n).collect();
    let mut version = vec![0u32; n];
    let mut removed = vec![false; n];
    let at = |i: usize| line.get(i).copied();
    let area_of = |p: usize, i: usize, q: usize| match (at(p), at(i), at(q)) {
        (Some(a), Some(b), Some(c)) => triangle(a, b, c),
        _ => f64::INFINITY,
    };
    let mut heap = BinaryHeap::with_capacity(n);
    for i in 1..n - 1 {
        heap.push(Candidate {
            area: area_of(i - 1, i, i + 1),
            point: i,
            version: 0,
        });
    }
    let (mut left, mut floor) = (n, 0.0f64);
    while let Some(c) = heap.pop() {
        if left <= keep {
            break;
        }
        if version.get(c.point) != Some(&c.version) || removed.get(c.point) == Some(&true) {
            continue; // stale
        }
        let area = c.area.max(floor);
        if area >= min_area {
            break;
        }
        floor = area;
        let (p, q) = (
            prev.get(c.point).copied().unwrap_or(usize::MAX),
            next.get(c.point).copied().unwrap_or(usize::MAX),
        );
        if let Some(r) = removed.get_mut(c.point) {
            *r = true;
        }
        left -= 1;
        if let Some(x) = next.get_mut(p) {
            *x = q;
        }
        if let Some(x) = prev.get_mut(q) {
            *x = p;
        }
        // The neighbours' triangles change (the ends have none).
        for j in [p, q] {
            let (pj, qj) = (
                prev.get(j).copied().unwrap_or(usize::MAX),
                next.get(j).copied().unwrap_or(usize::MAX),
            );
            if j == 0 || j >= n - 1 || pj >= n || qj >= n {
                continue;
            }
            if let Some(v) = version.get_mut(j) {
                *v += 1;
                heap.push(Candidate {
                    area: area_of(pj, j, qj),
                    point: j,
                    version: *v,
                });
            }
        }
    }
    removed.into_iter().map(|r| !r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        let line = [(0.0, 0.0), (1.0, 0.1), (2.0, 5.0), (3.0, 0.0), (4.0, 0.0)];
        // Nothing is below an area of 0.
        assert_eq!(visvalingam(&line, 0.0, 2), line);
        // (1, 0.1): triangle with (0, 0) and (2, 5) = |1·5 − 2·0.1|/2 = 2.4;
        // (3, 0): with (2, 5) and (4, 0) = |1·(−5) − 2·(−5)|/2 = 2.5; (2, 5): 4.95.
        assert_eq!(
            visvalingam(&line, 2.45, 2),
            [(0.0, 0.0), (2.0, 5.0), (3.0, 0.0), (4.0, 0.0)]
        );
        // Then (3, 0) (2.5); (2, 5) is left, its triangle with the ends 10.
        assert_eq!(
            visvalingam(&line, 3.0, 2),
            [(0.0, 0.0), (2.0, 5.0), (4.0, 0.0)]
        );
        assert_eq!(visvalingam(&line, 100.0, 2), [(0.0, 0.0), (4.0, 0.0)]);
        // `keep` stops it.
        assert_eq!(visvalingam(&line, 100.0, 3).len(), 3);
    }

    #[test]
    fn ends_are_kept_and_points_only_removed() {
        let ring: Vec<(f64, f64)> = (0..=64)
            .map(|i| {
                let a = f64::from(i) / 64.0 * std::f64::consts::TAU;
                (a.cos() * 10.0, a.sin() * 10.0)
            })
            .collect();
        for threshold in [0.0, 0.01, 0.5, 3.0, 1e9] {
            let s = visvalingam(&ring, threshold, 4);
            assert_eq!(s.first(), ring.first());
            assert_eq!(s.last(), ring.last());
            assert!(s.len() >= 4 && s.len() <= ring.len(), "{}", s.len());
            // A subsequence of the input.
            let mut it = ring.iter();
            assert!(s.iter().all(|p| it.any(|q| q == p)));
        }
        // Larger thresholds drop more.
        let sizes: Vec<usize> = [0.0, 0.01, 0.5, 3.0]
            .iter()
            .map(|t| visvalingam(&ring, *t, 4).len())
            .collect();
        assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
        assert!(sizes[3] < sizes[0]);
    }
}
