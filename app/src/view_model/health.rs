//! The index's own health as the page shows it (the worker's [`Health`]: the JRC's statistical
//! audit of one scored year): the correlation heat map over every node (Pearson or Spearman,
//! the flagged pairs marked), its table alternative, Cronbach's α per aggregate, nominal against
//! effective weights, and the rank shifts when each node is left out. Pure, so tested natively.

use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use index_worker::protocol::Health;

use super::robustness::OfScenario;
use crate::charts::HeatMap;
use crate::format;
use crate::i18n::messages;
use crate::i18n::{t, t_with, Arg};

/// A health check asked for, and what it was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthRun {
    /// The bundle.
    pub bundle: String,
    /// The scenario, without the unit followed.
    pub scenario: Scenario,
    /// Milliseconds from the request to the answer.
    pub elapsed_ms: f64,
    /// The worker's result.
    pub result: Health,
}

impl OfScenario for HealthRun {
    fn bundle_id(&self) -> &str {
        &self.bundle
    }
    fn asked(&self) -> &Scenario {
        &self.scenario
    }
}

/// The health check ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthView {
    /// The heat map's title.
    pub title: String,
    /// The findings in one sentence: the flagged pairs, the α below 0.7.
    pub sentence: String,
    /// The heat map.
    pub heat: HeatMap,
    /// The heat map's table alternative: every pair, flagged ones first: (a, b, how they
    /// stand, coefficient, flag).
    pub pairs: Vec<[String; 5]>,
    /// One row per node, the index first: name, nominal share of its parent, effective share
    /// among its siblings, correlation with the index, Cronbach's α of its children (or why
    /// none), median and largest rank change when it is left out (or why none).
    pub nodes: Vec<Vec<String>>,
}

/// A framework position's name.
fn name(bundle: &Bundle, node: u32) -> String {
    let fw = bundle.framework();
    usize::try_from(node)
        .ok()
        .and_then(|n| fw.node(n))
        .map_or_else(|| format!("#{node}"), |n| n.name.clone())
}

/// An optional coefficient ("0.912", "–").
fn coefficient(r: Option<f64>) -> String {
    r.map_or_else(|| "–".into(), |r| format!("{r:.3}").replace('-', "−"))
}

/// The flags of a pair in words.
fn flag_text(bits: u8) -> String {
    match bits & 3 {
        1 => t(&messages::NEGATIVE_WITHIN_PARENT),
        2 => t(&messages::NEAR_DUPLICATES),
        3 => t(&messages::NEGATIVE_AND_NEAR_DUPLICATES),
        _ => String::new(),
    }
}

/// The view of `h`, with Spearman's ρ when `spearman`, else Pearson's r.
pub fn health_view(bundle: &Bundle, h: &Health, spearman: bool) -> HealthView {
    let fw = bundle.framework();
    let coef = |p: &index_worker::protocol::PairRow| if spearman { p.4 } else { p.3 };
    // Every node: indicators, then aggregates, the index last.
    let root = fw.root();
    let mut nodes: Vec<usize> = fw.leaves().to_vec();
    nodes.extend((0..fw.len()).filter(|&n| n != root && !fw.children(n).is_empty()));
    nodes.push(root);
    let n = nodes.len();
    let at = |node: u32| {
        nodes
            .iter()
            .position(|&x| Some(x) == usize::try_from(node).ok())
    };
    let mut cells = vec![None; n * n];
    let mut flagged = vec![false; n * n];
    for i in 0..n {
        if let Some(c) = cells.get_mut(i * n + i) {
            *c = Some(1.0);
        }
    }
    for p in &h.pairs {
        let (Some(i), Some(j)) = (at(p.0), at(p.1)) else {
            continue;
        };
        for k in [i * n + j, j * n + i] {
            if let Some(c) = cells.get_mut(k) {
                *c = coef(p);
            }
            if let Some(f) = flagged.get_mut(k) {
                *f = p.5 != 0;
            }
        }
    }
    let relation = |r: u8| {
        t(match r {
            0 => &messages::SIBLINGS,
            1 => &messages::SAME_LEVEL,
            2 => &messages::PARENT,
            _ => &messages::ANCESTOR,
        })
    };
    let mut pairs: Vec<(bool, [String; 5])> = h
        .pairs
        .iter()
        .map(|p| {
            (
                p.5 == 0,
                [
                    name(bundle, p.0),
                    name(bundle, p.1),
                    relation(p.2),
                    coefficient(coef(p)),
                    flag_text(p.5),
                ],
            )
        })
        .collect();
    index_core::order::sort_by_key(&mut pairs, |p| p.0);
    let flags = h.pairs.iter().filter(|p| p.5 != 0).count();
    let low: Vec<String> = h
        .alphas
        .iter()
        .filter(|a| a.1.is_some_and(|x| x < 0.7))
        .map(|a| name(bundle, a.0))
        .collect();
    let mut args: Vec<(&str, Arg)> = vec![
        ("title", bundle.title().into()),
        ("year", h.year.to_string().into()),
        ("flags", flags.to_string().into()),
        ("count", h.pairs.len().into()),
    ];
    let sentence = if low.is_empty() {
        t_with(&messages::HEALTH_SENTENCE, &args)
    } else {
        args.push(("low", low.join(", ").into()));
        t_with(&messages::HEALTH_SENTENCE_LOW, &args)
    };
    HealthView {
        title: t_with(
            &messages::CORRELATIONS_TITLE,
            &[
                (
                    "coefficient",
                    t(if spearman {
                        &messages::SPEARMAN
                    } else {
                        &messages::PEARSON
                    })
                    .into(),
                ),
                ("year", h.year.to_string().into()),
            ],
        ),
        sentence,
        heat: HeatMap {
            labels: nodes
                .iter()
                .map(|&x| fw.node(x).map(|s| s.name.clone()).unwrap_or_default())
                .collect(),
            cells,
            flagged,
        },
        pairs: pairs.into_iter().map(|p| p.1).collect(),
        nodes: std::iter::once(root)
            .chain(h.weights.iter().filter_map(|w| usize::try_from(w.0).ok()))
            .map(|node| {
                let is = |x: u32| usize::try_from(x).ok() == Some(node);
                let w = h.weights.iter().find(|w| is(w.0));
                let a = h.alphas.iter().find(|a| is(a.0));
                let r = h.removals.iter().find(|r| is(r.0));
                let (median, largest) = match r {
                    Some((_, Some((median, _, max)), _)) => (format!("{median}"), max.to_string()),
                    Some((_, None, why)) => (why.clone(), String::new()),
                    None => ("–".into(), String::new()),
                };
                vec![
                    fw.node(node).map(|n| n.name.clone()).unwrap_or_default(),
                    w.map_or_else(|| "–".into(), |w| format::percent(w.1)),
                    w.and_then(|w| w.4)
                        .map_or_else(|| "–".into(), format::percent),
                    w.map_or_else(|| "–".into(), |w| coefficient(w.3)),
                    a.map_or_else(String::new, |a| {
                        a.1.map_or_else(|| a.4.clone(), |x| coefficient(Some(x)))
                    }),
                    median,
                    largest,
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

    use super::*;
    use crate::fixtures::bundle;

    #[test]
    fn the_heat_map_is_symmetric_and_holds_the_workers_coefficients() {
        let b = bundle("2024");
        let s = Scenario {
            bundle: "test".into(),
            ..Scenario::default()
        };
        let h = index_worker::jobs::health(&b, &s).unwrap();
        for spearman in [false, true] {
            let v = health_view(&b, &h, spearman);
            // x, y, then the index.
            assert_eq!(v.heat.labels, ["Node x", "Node y", "Node idx"]);
            let n = v.heat.labels.len();
            for i in 0..n {
                assert_eq!(v.heat.cells[i * n + i], Some(1.0));
                for j in 0..n {
                    assert_eq!(v.heat.cells[i * n + j], v.heat.cells[j * n + i]);
                }
            }
            let xy = h.pairs.iter().find(|p| (p.0, p.1) == (1, 2)).unwrap();
            assert_eq!(v.heat.cells[1], if spearman { xy.4 } else { xy.3 });
            assert_eq!(v.pairs.len(), h.pairs.len());
        }
        let v = health_view(&b, &h, false);
        assert!(
            v.sentence.starts_with("Test index in 2020: "),
            "{}",
            v.sentence
        );
        // The index, then x and y: α only for the index, each indicator half the weight.
        assert_eq!(v.nodes.len(), 3);
        assert_eq!(v.nodes[0][0], "Node idx");
        assert_eq!(v.nodes[0][1], "–");
        assert_eq!(v.nodes[0][4], coefficient(h.alphas[0].1));
        assert_eq!(v.nodes[1][1], "50 %");
        assert_eq!(v.nodes[1][4], "");
        let x = &h.removals[0];
        assert_eq!(
            v.nodes[1][6],
            x.1.unwrap().2.to_string(),
            "largest change without x"
        );
    }

    #[test]
    fn flagged_pairs_come_first_and_say_why() {
        let b = bundle("2024");
        let h = Health {
            year: 2020,
            pairs: vec![
                (1, 2, 0, Some(0.5), Some(0.4), 0),
                (1, 0, 3, Some(-0.95), Some(-0.9), 3),
            ],
            alphas: vec![(0, None, 2, 2, "too few".into())],
            weights: vec![(1, 0.5, 0.5, Some(0.9), None)],
            removals: vec![(1, None, "nothing of the index would be left".into())],
        };
        let v = health_view(&b, &h, false);
        assert_eq!(v.pairs[0][3], "−0.950");
        assert_eq!(v.pairs[0][4], "negative within its parent; near-duplicates");
        assert_eq!(v.pairs[1][4], "");
        assert!(v.heat.flagged[2] && v.heat.flagged[2 * 3]);
        assert!(
            v.sentence.contains("1 of 2 correlations flagged"),
            "{}",
            v.sentence
        );
        assert_eq!(v.nodes[0][4], "too few");
        assert_eq!(v.nodes[1][5], "nothing of the index would be left");
        assert_eq!(v.nodes[1][2], "–", "no effective share");
    }
}
