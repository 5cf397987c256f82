//! Sorting through one compiled sort.
//!
//! The standard library's sorts are generic over the element type *and* the comparison: every
//! closure passed to `sort_by` compiles a whole copy of the sort algorithm, a few KB each. In the
//! WebAssembly build, which people download, that added up to about 55 KB. So the engine and the
//! app sort through this module: a permutation of positions is sorted once, by one comparison
//! called through a `dyn` pointer, and then applied. The sorts are stable.
//!
//! (Sorting plain `f64` columns by [`f64::total_cmp`], which the outlier treatment does for
//! every indicator, keeps the standard sort: it is one instantiation and the hottest sort.)

use std::cmp::Ordering;

/// Positions `0..n` in the order `cmp` gives them, ties kept in position order.
///
/// This is the single compiled sort; everything else here is built on it.
pub fn permutation(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

/// Sorts `items` by `cmp`, stably (like `slice::sort_by`).
///
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c')];
/// index_core::order::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, vec![(1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let view: &[T] = items;
        permutation(view.len(), &mut |a, b| match (view.get(a), view.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` by the key `key` gives each, stably (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably (like `slice::sort`).
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// Sorts `items` in their natural order and removes repeats (like `sort` then `dedup`).
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort(items);
    items.dedup();
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sort_by_is_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_dedup_is_sort_then_dedup(v in proptest::collection::vec(any::<i16>(), 0..200)) {
            let mut ours = v.clone();
            sort_dedup(&mut ours);
            let mut std = v;
            std.sort();
            std.dedup();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn permutation_keeps_ties_in_position_order() {
        let keys = [3, 1, 3, 1];
        let p = permutation(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
        assert_eq!(p, vec![1, 3, 0, 2]);
    }
}
