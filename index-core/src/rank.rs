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
    // Sorted as (score, position) pairs, which keeps each comparison to the pair at hand.
    let mut order: Vec<(f64, usize)> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (s, i)))
        .collect();
    crate::order::sort_by(&mut order, |a, b| b.0.total_cmp(&a.0));
    let mut ranks = vec![None; scores.len()];
    let (mut rank, mut previous) = (0u32, None);
    for (pos, &(score, i)) in order.iter().enumerate() {
        if previous != Some(score) {
            rank = u32::try_from(pos + 1).unwrap_or(u32::MAX);
        }
        previous = Some(score);
        if let Some(r) = ranks.get_mut(i) {
            *r = Some(rank);
        }
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_the_best_rank() {
        let r = competition_ranks(&[Some(1.0), Some(3.0), Some(3.0), Some(2.0), Some(3.0)]);
        assert_eq!(r, vec![Some(5), Some(1), Some(1), Some(4), Some(1)]);
        assert!(competition_ranks(&[]).is_empty());
    }
}
