//! Winsorisation at speed: a column's ends (its most extreme distinct values, with their
//! counts) and the moments of the values between them, so that each winsorising step changes
//! only an end and recombines the moments in O(`max_winsorised`) instead of recomputing them
//! over the whole column.
//!
//! Plain counterpart: [`crate::treat::winsorise_literally`], the rule applied to the whole column
//! step by step. The values replaced, the ends reached and the counts are the same to the bit;
//! the skewness and kurtosis after a step are recombined from sums, so they differ from those
//! recomputed over the column in the last digits (the property tests bound it).

use crate::kernels::lanes;
use crate::stats;

/// Above this many distinct values kept at each end, the ends are found by sorting the column
/// rather than by insertion into short sorted lists.
const SORT_ABOVE: usize = 16;

/// A column as winsorising sees it: its distinct values at both ends with their counts, which
/// the steps change, and the moments of the values between them (the *core*), which no step
/// reaches.
///
/// A step at one end replaces the extreme by the next value in, so it merges the two outermost
/// entries of that end. The count replaced by the latest step at an end is at least the number
/// of steps taken there, and the rule stops once the two latest counts add up to the limit, so
/// there are at most `max(limit, 1)` steps in all: keeping `max(limit, 1) + 1` distinct values
/// at each end, every step finds its next value among them and the core is never touched.
///
/// The moments after a step combine the core's sums of powers of deviations from a shift `c`
/// (one of its values when that is within two standard deviations of its mean, else the mean,
/// so that little cancels: see [`lanes::about_mean`]) with the entries, about the new mean `m`,
/// with `δ = c − m`:
///
/// `Σ(x − m)^p = Σₖ C(p, k) δ^(p−k) Σ(x − c)^k` over the core, plus `Σ count·(v − m)^p` over
/// the entries, every deviation taken from `c` (not from `m`, which is only as exact as a sum).
///
/// Values whose powers could overflow are scaled by a power of two first (exactly; skewness and
/// kurtosis are scale-free), as [`stats::skew_kurtosis`] does.
///
/// Winsorising mostly stays at one end (the skewness rarely changes sign), so only the end of
/// the first step is tracked at first, the core then reaching to the other end of the column;
/// the first step at the other end tracks both ends afresh and replays the steps taken.
#[derive(Debug, Clone)]
pub(crate) struct Ends {
    /// Distinct present values, ascending, with their counts: `entries[..split]` the low end and
    /// `entries[split..]` the high end when there is a core between them; with no core, every
    /// distinct value.
    entries: Vec<(f64, usize)>,
    split: usize,
    core: Core,
    /// Which ends `entries` holds when there is a core.
    sides: Sides,
    /// The column's smallest and largest values (before any step).
    lo: f64,
    hi: f64,
    /// Present values.
    n: usize,
    /// Distinct values kept at an end.
    keep: usize,
    /// Power of two the values are multiplied by for the moments.
    scale: f64,
    /// The steps taken (high end or not), to replay.
    taken: Vec<bool>,
}

/// The ends of a column that [`Ends`] tracks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sides {
    Both,
    High,
    Low,
}

/// Count of the core's values, and sums of powers (1st to 4th) of their deviations from `shift`
/// (one of them, or their mean), all scaled.
#[derive(Debug, Clone, Copy, Default)]
struct Core {
    n: usize,
    shift: f64,
    c1: f64,
    c2: f64,
    c3: f64,
    c4: f64,
}

impl Ends {
    /// The ends of `col`, which has `n` present values, for at most `max(limit, 1)` steps, the
    /// first at the high end or not.
    pub(crate) fn of(col: &[f64], n: usize, limit: usize, high_first: bool) -> Self {
        let keep = limit.max(1).saturating_add(1);
        let mut ends = if keep > SORT_ABOVE || keep.saturating_mul(2) >= n {
            Self::sorted(col, n, keep)
        } else if high_first {
            Self::tracked_one::<true>(col, n, keep)
        } else {
            Self::tracked_one::<false>(col, n, keep)
        };
        ends.measure_core(col);
        ends
    }

    /// Ends holding `entries` (every distinct value when there is no core).
    fn new(entries: Vec<(f64, usize)>, split: usize, sides: Sides, n: usize, keep: usize) -> Self {
        let (lo, hi) = match (entries.first(), entries.last()) {
            (Some(l), Some(h)) => (l.0, h.0),
            _ => (f64::NAN, f64::NAN),
        };
        Ends {
            entries,
            split,
            core: Core::default(),
            sides,
            lo,
            hi,
            n,
            keep,
            scale: 1.0,
            taken: Vec::new(),
        }
    }

    /// Every distinct value, from a sorted copy.
    fn sorted(col: &[f64], n: usize, keep: usize) -> Self {
        let mut values: Vec<f64> = col.iter().copied().filter(|v| v.is_finite()).collect();
        values.sort_unstable_by(f64::total_cmp);
        let mut entries: Vec<(f64, usize)> = Vec::new();
        for v in values {
            match entries.last_mut() {
                Some(last) if last.0 == v => last.1 += 1,
                _ => entries.push((v, 1)),
            }
        }
        Ends::new(entries, 0, Sides::Both, n, keep)
    }

    /// The `keep` highest (`HIGH`) or lowest distinct values in one pass, kept in a short sorted
    /// list that most values pass by with one comparison, and the column's smallest and largest
    /// values.
    fn tracked_one<const HIGH: bool>(col: &[f64], n: usize, keep: usize) -> Self {
        let mut end = Extremes::<HIGH>::new(keep);
        let mut edge = end.edge();
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for &v in col {
            // NaN fails every comparison; infinities are tested for on the rare way in only.
            let enters = if HIGH { v >= edge } else { v <= edge };
            if enters && v.is_finite() {
                end.add(v);
                edge = end.edge();
            }
            lo = if v < lo && v.is_finite() { v } else { lo };
            hi = if v > hi && v.is_finite() { v } else { hi };
        }
        let mut entries = end.kept().to_vec();
        if HIGH {
            entries.reverse();
        }
        let full = entries.len() == end.keep;
        let (sides, split) = match (full, HIGH) {
            // Fewer distinct values than kept: the list holds them all (no core).
            (false, _) => (Sides::Both, 0),
            (true, true) => (Sides::High, 0),
            (true, false) => (Sides::Low, entries.len()),
        };
        let mut ends = Ends::new(entries, split, sides, n, keep);
        if full {
            (ends.lo, ends.hi) = (lo, hi);
        }
        ends
    }

    /// The `keep` highest and lowest distinct values in one pass, each end kept in a short
    /// sorted list that most values pass by with one comparison.
    fn tracked_both(col: &[f64], n: usize, keep: usize) -> Self {
        let (mut top, mut bottom) = (Extremes::<true>::new(keep), Extremes::<false>::new(keep));
        let (mut high_edge, mut low_edge) = (top.edge(), bottom.edge());
        // NaN fails both comparisons; testing for infinities only on the rare way in keeps the
        // loop to two comparisons a value.
        for &v in col {
            if v >= high_edge && v.is_finite() {
                top.add(v);
                high_edge = top.edge();
            }
            if v <= low_edge && v.is_finite() {
                bottom.add(v);
                low_edge = bottom.edge();
            }
        }
        // `high` descending, `low` ascending.
        let (high, mut low) = (top.kept().to_vec(), bottom.kept().to_vec());
        let keep = top.keep;
        let full = high.len() == keep && low.len() == keep;
        let (Some(&(inner_high, _)), Some(&(inner_low, _))) = (high.last(), low.last()) else {
            return Ends::sorted(col, n, keep); // no values: nothing to track
        };
        if full && inner_low < inner_high {
            // Disjoint ends (with the core, possibly empty, between them).
            let split = low.len();
            low.extend(high.iter().rev());
            Ends::new(low, split, Sides::Both, n, keep)
        } else {
            // Few distinct values: the two lists overlap and together hold them all.
            low.retain(|(v, _)| *v < inner_high);
            low.extend(high.iter().rev());
            Ends::new(low, 0, Sides::Both, n, keep)
        }
    }

    /// Tracks both ends afresh (at the first step at an end not tracked yet) and replays the
    /// steps taken: the same values, now with both ends at hand.
    fn track_both(&mut self, col: &[f64]) {
        let mut both = Ends::tracked_both(col, self.n, self.keep);
        both.measure_core(col);
        for &high_side in &self.taken {
            both.step_tracked(high_side);
        }
        *self = both;
    }

    /// Whether there are values between the two ends (which the steps never reach).
    fn has_core(&self) -> bool {
        self.core.n > 0
    }

    /// Chooses the scale and measures the core (one pass, or two; only when there is one).
    fn measure_core(&mut self, col: &[f64]) {
        let (lo, hi) = (self.lo, self.hi);
        let (nf, range, big) = (self.n as f64, hi - lo, lo.abs().max(hi.abs()));
        // Sums of up to n powers of deviations of at most `range`, recombined with a few terms
        // of the same size, and n values of at most `big`.
        let fits = (range * range * (range * range) * nf * 64.0).is_finite()
            && (big * nf * 16.0).is_finite();
        if !fits {
            let k = (big.log2().ceil() as i32).max(0);
            self.scale = 0.5f64.powi(k);
        }
        // The core lies strictly between the ends' innermost values (or the column's end, for
        // an end not tracked).
        let inner_low = self.split.checked_sub(1).and_then(|i| self.entries.get(i));
        let inner_high = self.entries.get(self.split);
        let (low_edge, high_edge) = match (self.sides, inner_low, inner_high) {
            (Sides::Both, Some(l), Some(h)) => (l.0, h.0),
            (Sides::High, _, Some(h)) => (f64::NEG_INFINITY, h.0),
            (Sides::Low, Some(l), _) => (l.0, f64::INFINITY),
            _ => return, // every distinct value is an entry: no core
        };
        let s = self.scale;
        // One pass about the first core value, if that is close enough to the mean (see
        // `lanes::about_mean`); else two, about the mean.
        let Some(first) = col.iter().find(|x| **x > low_edge && **x < high_edge) else {
            self.sides = Sides::Both; // no values between the ends: the entries are all
            return;
        };
        let shift = first * s;
        let (n, sums) = lanes::shifted_sums_between(col, low_edge, high_edge, s, shift);
        self.core = if lanes::about_mean(n, sums).is_some() {
            let [c1, c2, c3, c4] = sums;
            Core {
                n,
                shift,
                c1,
                c2,
                c3,
                c4,
            }
        } else {
            let (n, sum) = lanes::count_sum_between(col, low_edge, high_edge, s);
            let mean = sum / n as f64;
            let [c1, c2, c3, c4] = lanes::power_sums_between(col, low_edge, high_edge, s, mean);
            Core {
                n,
                shift: mean,
                c1,
                c2,
                c3,
                c4,
            }
        };
    }

    /// The lowest and highest present values now (unscaled).
    pub(crate) fn bounds(&self) -> (f64, f64) {
        let (first, last) = (self.entries.first(), self.entries.last());
        let low = match (self.has_core() && self.sides == Sides::High, first) {
            (false, Some(e)) => e.0,
            _ => self.lo,
        };
        let high = match (self.has_core() && self.sides == Sides::Low, last) {
            (false, Some(e)) => e.0,
            _ => self.hi,
        };
        (low, high)
    }

    /// One step: at the high end, every value equal to the maximum is replaced by the largest
    /// value strictly below it; at the low end, the minimum by the smallest value strictly above
    /// it. Returns how many values were replaced, `None` when there is no such value. `col` is
    /// the column the ends were found in, for an end not tracked yet.
    pub(crate) fn step(&mut self, high_side: bool, col: &[f64]) -> Option<usize> {
        let untracked = if high_side { Sides::Low } else { Sides::High };
        if self.has_core() && self.sides == untracked {
            self.track_both(col);
        }
        let replaced = self.step_tracked(high_side)?;
        self.taken.push(high_side);
        Some(replaced)
    }

    /// [`Ends::step`] at an end that is tracked.
    fn step_tracked(&mut self, high_side: bool) -> Option<usize> {
        let core = self.has_core();
        if high_side {
            let len = self.entries.len();
            let room = if core { len - self.split.min(len) } else { len };
            if room < 2 {
                return None;
            }
            let (_, count) = self.entries.pop()?;
            let next = self.entries.last_mut()?;
            next.1 += count;
            Some(count)
        } else {
            let room = if core { self.split } else { self.entries.len() };
            if room < 2 {
                return None;
            }
            let (_, count) = self.entries.remove(0);
            let next = self.entries.first_mut()?;
            next.1 += count;
            self.split = self.split.saturating_sub(1);
            Some(count)
        }
    }

    /// Type-2 skewness and kurtosis of the values now, as [`stats::skew_kurtosis`] defines them.
    pub(crate) fn skew_kurtosis(&self) -> Option<(f64, f64)> {
        let s = self.scale;
        let c = &self.core;
        // Everything relative to a value `r` of the column (the core's shift, else the first
        // entry), never to the mean itself: for values far from 0 against their spread, the
        // deviations are then exact or nearly, where the mean is only as good as a sum of big
        // numbers.
        let r = if self.has_core() {
            c.shift
        } else {
            self.entries.first().map_or(0.0, |e| e.0 * s)
        };
        let core_sum = if self.has_core() { c.c1 } else { 0.0 };
        let s1 = self
            .entries
            .iter()
            .fold(core_sum, |acc, &(v, k)| acc + k as f64 * (v * s - r));
        let d = s1 / self.n as f64; // mean − r
        let m = r + d;
        let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
        if self.has_core() {
            // x − m = (x − shift) + e, e = −d.
            let (e, nc) = (-d, c.n as f64);
            let e2 = e * e;
            m2 = c.c2 + 2.0 * e * c.c1 + nc * e2;
            m3 = c.c3 + 3.0 * e * c.c2 + 3.0 * e2 * c.c1 + nc * e2 * e;
            m4 = c.c4 + 4.0 * e * c.c3 + 6.0 * e2 * c.c2 + 4.0 * e2 * e * c.c1 + nc * e2 * e2;
        }
        for &(v, k) in &self.entries {
            let (x, k) = ((v * s - r) - d, k as f64);
            let x2 = x * x;
            m2 += k * x2;
            m3 += k * x2 * x;
            m4 += k * x2 * x2;
        }
        match stats::from_sums(self.n, m, m2, m3, m4)? {
            Some(sk) => Some(sk),
            None => Some((0.0, 0.0)), // cannot happen: the scale keeps every sum finite
        }
    }
}

/// The first `keep` (at most [`SORT_ABOVE`]) distinct values of a column in descending order
/// (`HIGH`) or ascending, with their counts, in a fixed array: most values pass by with one
/// comparison against [`Extremes::edge`], and the few that enter shift at most `keep` entries.
struct Extremes<const HIGH: bool> {
    items: [(f64, usize); SORT_ABOVE],
    len: usize,
    keep: usize,
}

impl<const HIGH: bool> Extremes<HIGH> {
    fn new(keep: usize) -> Self {
        Extremes {
            items: [(0.0, 0); SORT_ABOVE],
            len: 0,
            keep: keep.clamp(1, SORT_ABOVE),
        }
    }

    /// Whether `a` comes before `b`.
    fn before(a: f64, b: f64) -> bool {
        if HIGH {
            a > b
        } else {
            a < b
        }
    }

    /// The value a later one must reach to enter: the last kept once `keep` are, else anything.
    fn edge(&self) -> f64 {
        match self.kept().last() {
            Some(&(v, _)) if self.len == self.keep => v,
            _ if HIGH => f64::NEG_INFINITY,
            _ => f64::INFINITY,
        }
    }

    /// The values kept, in order, with their counts.
    fn kept(&self) -> &[(f64, usize)] {
        // len ≤ keep ≤ SORT_ABOVE, the array's length: never the empty fallback.
        self.items.get(..self.len).unwrap_or_default()
    }

    /// Counts `v` (which reaches the edge) in, dropping the last value when one too many.
    fn add(&mut self, v: f64) {
        // Where `v` goes: after the last kept value it does not come before (scanning back from
        // the end, as few comparisons as the values it passes).
        let kept = self.items.get_mut(..self.len).unwrap_or_default();
        let i = kept
            .iter()
            .rposition(|e| !Self::before(v, e.0))
            .map_or(0, |j| j + 1);
        if let Some(e) = i.checked_sub(1).and_then(|j| kept.get_mut(j)) {
            if e.0 == v {
                e.1 += 1;
                return;
            }
        }
        if i >= self.keep {
            return; // beyond the edge: not kept (the caller does not send such values)
        }
        // i ≤ len and i < keep, so i ≤ end < keep ≤ SORT_ABOVE: the window is within the array
        // and holds at least the slot for `v`. Shifting it right by one drops its last entry
        // (beyond `len`, or the one too many).
        let end = self.len.min(self.keep - 1);
        if let Some(window) = self.items.get_mut(i..=end) {
            window.rotate_right(1);
            if let Some(first) = window.first_mut() {
                *first = (v, 1);
            }
            self.len = end + 1;
        }
    }
}
