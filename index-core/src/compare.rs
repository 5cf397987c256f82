//! Comparing scenarios: how each unit's rank moves between two to four sets of results of the
//! same dataset (different weights, methods or years).

use serde::Serialize;

use crate::pipeline::Results;

/// One unit's ranks under each scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankMove {
    /// Unit position in the dataset.
    pub unit: usize,
    /// Rank under each scenario, in the order given (`None`: not ranked there).
    pub ranks: Vec<Option<u32>>,
    /// Rank under the last scenario minus rank under the first, sign flipped so that a
    /// positive number is a move up (`None` when either is unranked).
    pub change: Option<i64>,
    /// The largest distance between any two of its ranks (0 when ranked at most once).
    pub largest_move: u32,
}

/// The rank-change table of `results` (two or more, of the same dataset): one row per unit
/// ranked in at least one scenario, sorted by largest move (descending), then by rank under
/// the first scenario, then by unit position.
///
/// ```
/// # use index_core::compare::rank_moves;
/// // (see the tests for a worked example)
/// assert!(rank_moves(&[]).is_empty());
/// ```
pub fn rank_moves(results: &[&Results]) -> Vec<RankMove> {
    let units = results.iter().map(|r| r.units()).min().unwrap_or(0);
    let mut rows: Vec<RankMove> = (0..units)
        .filter_map(|u| {
            let ranks: Vec<Option<u32>> = results.iter().map(|r| r.rank(u)).collect();
            let present: Vec<u32> = ranks.iter().flatten().copied().collect();
            let (lo, hi) = (present.iter().min()?, present.iter().max()?);
            let change = match (
                ranks.first().copied().flatten(),
                ranks.last().copied().flatten(),
            ) {
                (Some(a), Some(b)) => Some(i64::from(a) - i64::from(b)),
                _ => None,
            };
            Some(RankMove {
                unit: u,
                largest_move: hi - lo,
                change,
                ranks,
            })
        })
        .collect();
    crate::order::sort_by(&mut rows, |a, b| {
        b.largest_move
            .cmp(&a.largest_move)
            .then(
                a.ranks
                    .first()
                    .copied()
                    .flatten()
                    .unwrap_or(u32::MAX)
                    .cmp(&b.ranks.first().copied().flatten().unwrap_or(u32::MAX)),
            )
            .then(a.unit.cmp(&b.unit))
    });
    rows
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use super::*;
    use crate::dataset::fixture::dataset;
    use crate::dataset::Direction::Higher;
    use crate::framework::fixture::{agg, leaf};
    use crate::framework::{Framework, Weights};
    use crate::method::{Method, MethodSpec, Normalisation};
    use crate::pipeline::prepare;

    #[test]
    fn largest_moves_first() {
        // x favours A > B > C, y favours C > B > A; D has no data.
        let d = dataset(
            &[("A", &[]), ("B", &[]), ("C", &[]), ("D", &[])],
            &[
                ("x", Higher, &[Some(3.0), Some(2.0), Some(1.0), None]),
                ("y", Higher, &[Some(1.0), Some(2.1), Some(3.0), None]),
            ],
        );
        let f = Framework::new(vec![
            leaf("x", "idx", 1.0),
            leaf("y", "idx", 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        let m = Method::new(MethodSpec {
            normalisation: Normalisation::None,
            ..MethodSpec::default()
        })
        .unwrap();
        let p = Arc::new(prepare(&d, &f, &m, 2020).unwrap());
        let only = |id: &str| {
            let mut o = BTreeMap::new();
            o.insert(id.to_string(), 0.0);
            p.score(&f, &Weights::with_overrides(&f, &o).unwrap())
                .unwrap()
        };
        let (only_y, only_x) = (only("x"), only("y"));
        let rows = rank_moves(&[&only_x, &only_y]);
        type Row = (usize, Vec<Option<u32>>, Option<i64>, u32);
        let table: Vec<Row> = rows
            .iter()
            .map(|r| (r.unit, r.ranks.clone(), r.change, r.largest_move))
            .collect();
        assert_eq!(
            table,
            vec![
                (0, vec![Some(1), Some(3)], Some(-2), 2),
                (2, vec![Some(3), Some(1)], Some(2), 2),
                (1, vec![Some(2), Some(2)], Some(0), 0),
            ],
            "D, never ranked, is left out"
        );
    }
}
