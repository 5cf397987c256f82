//! Comparing saved scenarios of one dataset: the rank-change table (largest move first), the
//! gap between the compared groups under each, the slope chart, and whether an explanation
//! from the worker (each unit's largest cause) is of the first and last scenarios compared —
//! pure functions over the engine, tested natively.

use index_core::bundle::Bundle;
use index_core::compare::rank_moves;
use index_core::groups;
use index_core::pipeline::Results;

use crate::charts::{Membership, Slope, Slopes};
use crate::persist::Saved;
use crate::view_model::explain::ExplainRun;
use crate::view_model::robustness::key;
use crate::view_model::{group_short, memberships};

/// Units highlighted in the slope chart: the largest movers.
const HIGHLIGHT: usize = 8;

/// One row of the rank-change table.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// ISO3 code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Rank under each scenario.
    pub ranks: Vec<Option<u32>>,
    /// Rank under the first minus rank under the last (positive = up).
    pub change: Option<i64>,
    /// Largest distance between two of its ranks.
    pub largest: u32,
    /// Group.
    pub membership: Membership,
}

/// The gap under one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioGap {
    /// Scenario name.
    pub name: String,
    /// Mean index of group a.
    pub a: Option<f64>,
    /// Mean index of group b.
    pub b: Option<f64>,
    /// b − a.
    pub gap: Option<f64>,
}

/// A comparison ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Scenario names, in order.
    pub names: Vec<String>,
    /// Rank-change rows, largest move first.
    pub rows: Vec<CompareRow>,
    /// The gap under each scenario.
    pub gaps: Vec<ScenarioGap>,
    /// Short names of the two groups.
    pub group_names: [String; 2],
    /// The slope chart.
    pub slopes: Slopes,
    /// Scenarios left out, with the reason.
    pub problems: Vec<String>,
}

/// Compares `scenarios` (all for `bundle`) on groups `pair`.
pub fn compare(bundle: &Bundle, scenarios: &[Saved], pair: &[String; 2]) -> Comparison {
    let mut names = Vec::new();
    let mut results: Vec<Results> = Vec::new();
    let mut problems = Vec::new();
    for s in scenarios {
        let name = if s.scenario.name.is_empty() {
            format!("#{}", s.id)
        } else {
            s.scenario.name.clone()
        };
        let run = s.scenario.resolve(bundle).and_then(|r| r.run(bundle));
        match run {
            Ok(r) => {
                names.push(name);
                results.push(r);
            }
            Err(e) => problems.push(format!("“{name}” left out: {e}")),
        }
    }
    let refs: Vec<&Results> = results.iter().collect();
    let ds = bundle.dataset();
    let membership = memberships(bundle, pair);
    let rows: Vec<CompareRow> = rank_moves(&refs)
        .into_iter()
        .map(|m| CompareRow {
            code: ds.units()[m.unit].code.clone(),
            name: crate::i18n::label(&ds.units()[m.unit]),
            membership: membership(m.unit),
            ranks: m.ranks,
            change: m.change,
            largest: m.largest_move,
        })
        .collect();
    let gaps = names
        .iter()
        .zip(&results)
        .map(|(name, r)| {
            let idx = groups::compare(ds, bundle.framework(), r, &pair[0], &pair[1])
                .ok()
                .and_then(|c| c.index().cloned());
            ScenarioGap {
                name: name.clone(),
                a: idx.as_ref().and_then(|i| i.a.mean),
                b: idx.as_ref().and_then(|i| i.b.mean),
                gap: idx.and_then(|i| i.difference),
            }
        })
        .collect();
    let max_rank = rows
        .iter()
        .flat_map(|r| r.ranks.iter().flatten().copied())
        .max()
        .unwrap_or(1);
    let slopes = Slopes {
        scenarios: names.clone(),
        lines: rows
            .iter()
            .enumerate()
            .map(|(i, r)| Slope {
                code: r.code.clone(),
                ranks: r.ranks.clone(),
                membership: r.membership,
                highlight: i < HIGHLIGHT && r.largest > 0,
            })
            .collect(),
        max_rank,
    };
    Comparison {
        names,
        rows,
        gaps,
        group_names: [group_short(bundle, &pair[0]), group_short(bundle, &pair[1])],
        slopes,
        problems,
    }
}

/// Whether `run` explains the change from the first to the last of `compared` (on bundle
/// `bundle`): the scenarios' names and followed units aside, the same scenarios.
pub fn explains(run: &ExplainRun, bundle: &str, compared: &[Saved]) -> bool {
    match (compared.first(), compared.last()) {
        (Some(first), Some(last)) if compared.len() >= 2 => {
            run.bundle == bundle
                && run.from.as_ref() == Some(&key(&first.scenario))
                && run.scenario == key(&last.scenario)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

    use std::collections::BTreeMap;

    use index_core::scenario::Scenario;

    use super::*;
    use crate::fixtures::{bundle, results};

    fn saved(id: u64, name: &str, weights: &[(&str, f64)], year: Option<i32>) -> Saved {
        Saved {
            id,
            scenario: Scenario {
                name: name.into(),
                bundle: "test".into(),
                year,
                weights: weights
                    .iter()
                    .map(|(k, v)| (k.to_string(), *v))
                    .collect::<BTreeMap<_, _>>(),
                ..Scenario::default()
            },
        }
    }

    #[test]
    fn ranks_under_each_scenario_largest_move_first() {
        let b = bundle("2024");
        let pair = ["LDC".to_string(), "developed".to_string()];
        let c = compare(
            &b,
            &[
                saved(1, "Published", &[], None),
                saved(2, "", &[("y", 0.0)], None),
            ],
            &pair,
        );
        assert_eq!(c.names, ["Published", "#2"]);
        assert!(c.problems.is_empty());
        // Every unit ranked (EEE has no data in 2020), largest move first, ranks as the engine
        // gives them.
        let published = results(&b, 2020);
        assert_eq!(c.rows.len(), published.ranked());
        assert!(c.rows.windows(2).all(|w| w[0].largest >= w[1].largest));
        for row in &c.rows {
            let u = b.dataset().unit_position(&row.code).unwrap();
            assert_eq!(row.ranks[0], published.rank(u), "{}", row.code);
        }
        assert!(c.rows[0].largest > 0, "weighting x alone swaps BBB and CCC");
        // The gap under the published weights is the group comparison's.
        let cmp =
            groups::compare(b.dataset(), b.framework(), &published, &pair[0], &pair[1]).unwrap();
        assert_eq!(c.gaps[0].gap, cmp.index().and_then(|i| i.difference));
        assert_eq!(c.slopes.lines.len(), c.rows.len());
    }

    #[test]
    fn an_explanation_is_of_the_first_and_last_scenarios_compared() {
        let b = bundle("2024");
        let (first, last) = (
            saved(1, "Published", &[], None),
            saved(2, "Only x", &[("y", 0.0)], None),
        );
        let e = index_worker::jobs::explain(&b, Some(&first.scenario), &last.scenario).unwrap();
        let run = ExplainRun {
            bundle: "test".into(),
            from: Some(key(&first.scenario)),
            scenario: key(&last.scenario),
            elapsed_ms: 1.0,
            result: e,
        };
        let middle = saved(3, "Other", &[("x", 2.0)], None);
        assert!(explains(&run, "test", &[first.clone(), last.clone()]));
        assert!(explains(
            &run,
            "test",
            &[first.clone(), middle.clone(), last.clone()]
        ));
        // Renamed: still the same scenarios.
        let mut renamed = last.clone();
        renamed.scenario.name = "Renamed".into();
        assert!(explains(&run, "test", &[first.clone(), renamed]));
        assert!(
            !explains(&run, "test", &[last.clone(), first.clone()]),
            "reversed"
        );
        assert!(!explains(&run, "test", &[first.clone(), middle]));
        assert!(!explains(&run, "other", &[first.clone(), last]));
        assert!(!explains(&run, "test", &[first]));
    }

    #[test]
    fn a_scenario_the_bundle_refuses_is_left_out_with_the_reason() {
        let b = bundle("2024");
        let pair = ["LDC".to_string(), "developed".to_string()];
        let c = compare(
            &b,
            &[
                saved(1, "Published", &[], None),
                saved(2, "Far future", &[], Some(2099)),
            ],
            &pair,
        );
        assert_eq!(c.names, ["Published"]);
        assert_eq!(c.problems.len(), 1);
        assert!(
            c.problems[0].starts_with("“Far future” left out"),
            "{:?}",
            c.problems
        );
    }
}
