//! Ranking: competition ranking ("1224"), best score first.

/// Ranks scores, highest first, ties sharing the best rank and the next rank skipped
/// (1, 2, 2, 4). Missing scores get no rank.
///
/// ```
/// use index_core::rank::competition_ranks;
/// let r = competition_ranks(&[Some(0.5), Some(0.9), None, Some(0.5), Some(0.1)]);
/// assert_eq!(r, vec![Some(2), Some(1), None, Some(2), Some(4)]);
/// ```
pub fn competition_ranks(scores: &[Option<f64>]) -> Vec<Option<u32>> {
    ranks_and_order(scores).0
}

/// [`competition_ranks`], and the units with a score in rank order (ties in position order):
/// the one sort that ranks them also orders them, so a table in rank order is not sorted
/// again.
///
/// ```
/// use index_core::rank::ranks_and_order;
/// let (ranks, order) = ranks_and_order(&[Some(0.5), Some(0.9), None, Some(0.5)]);
/// assert_eq!(ranks, vec![Some(2), Some(1), None, Some(2)]);
/// assert_eq!(order, vec![1, 0, 3]);
/// ```
pub fn ranks_and_order(scores: &[Option<f64>]) -> (Vec<Option<u32>>, Vec<usize>) {
    let (scored, values): (Vec<usize>, Vec<f64>) = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .unzip();
    let value = |i: usize| values.get(i).copied().unwrap_or(f64::NAN);
    let order: Vec<usize> =
        crate::order::permutation(values.len(), &mut |a, b| value(b).total_cmp(&value(a)))
            .into_iter()
            .filter_map(|i| scored.get(i).copied())
            .collect();
    let mut ranks = vec![None; scores.len()];
    let (mut rank, mut previous) = (0u32, None);
    for (pos, &u) in order.iter().enumerate() {
        let score = scores.get(u).copied().flatten();
        if previous != score {
            rank = u32::try_from(pos + 1).unwrap_or(u32::MAX);
        }
        previous = score;
        if let Some(r) = ranks.get_mut(u) {
            *r = Some(rank);
        }
    }
    (ranks, order)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;

    #[test]
    fn ties_share_the_best_rank() {
        let r = competition_ranks(&[Some(1.0), Some(3.0), Some(3.0), Some(2.0), Some(3.0)]);
        assert_eq!(r, vec![Some(5), Some(1), Some(1), Some(4), Some(1)]);
        assert!(competition_ranks(&[]).is_empty());
    }

    /// The order is the ranks', ties and all in position order, and only the scored units.
    #[test]
    fn the_order_is_the_ranks() {
        let scores = [
            Some(2.0),
            None,
            Some(3.0),
            Some(2.0),
            Some(-1.0),
            None,
            Some(3.0),
        ];
        let (ranks, order) = ranks_and_order(&scores);
        assert_eq!(order, [2, 6, 0, 3, 4]);
        let mut by_rank: Vec<usize> = (0..scores.len()).filter(|u| ranks[*u].is_some()).collect();
        by_rank.sort_by_key(|u| ranks[*u]);
        assert_eq!(order, by_rank);
    }
}
