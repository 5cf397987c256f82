//! The best and worst ranks any weights of the pillars allow, and the benefit-of-the-doubt
//! scores, as the page shows them (the worker's [`index_worker::protocol::Ranges`]): table
//! rows, a sentence, and for the followed unit the weights that give its best rank, ready to
//! apply. Pure, so tested natively.

use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use index_worker::protocol::{Ranges, WeightRange};

use super::robustness::OfScenario;
use crate::format;
use crate::i18n::messages::{self, Msg};
use crate::i18n::{t, t_with, Arg};

/// The ranges asked for, run, and what they were asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct RangesRun {
    /// The bundle.
    pub bundle: String,
    /// The scenario, without the unit followed.
    pub scenario: Scenario,
    /// The weights allowed.
    pub range: WeightRange,
    /// Milliseconds from the request to the answer.
    pub elapsed_ms: f64,
    /// The worker's result.
    pub result: Ranges,
}

impl OfScenario for RangesRun {
    fn bundle_id(&self) -> &str {
        &self.bundle
    }
    fn asked(&self) -> &Scenario {
        &self.scenario
    }
}

/// The ranges offered, with labels and form values.
pub const OFFERED: [(WeightRange, Msg, &str); 2] = [
    (WeightRange::Any, messages::ANY_WEIGHTS, "any"),
    (WeightRange::HalfToDouble, messages::HALF_TO_DOUBLE, "half"),
];

/// The range of a form value (any weights for one not offered).
pub fn range_of(value: &str) -> WeightRange {
    OFFERED
        .iter()
        .find(|(_, _, v)| *v == value)
        .map_or(WeightRange::Any, |(r, _, _)| *r)
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeRow {
    /// ISO3 code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Rank under the scenario (among the units taking part).
    pub rank: u32,
    /// Best rank, "≤ 3 (not proven; 2 possible)" when not proven.
    pub best: String,
    /// Worst rank, likewise.
    pub worst: String,
    /// Benefit-of-the-doubt score and rank ("0.912 (4)"), or "–".
    pub bod: String,
}

/// A bound in words: the rank, and when not proven the limit proven.
fn bound(rank: u32, limit: u32) -> String {
    if rank == limit {
        rank.to_string()
    } else {
        t_with(
            &messages::NOT_RULED_OUT,
            &[
                ("rank", rank.to_string().into()),
                ("limit", limit.to_string().into()),
            ],
        )
    }
}

/// The table's rows, in nominal rank order.
pub fn rows(bundle: &Bundle, r: &Ranges) -> Vec<RangeRow> {
    let units = bundle.dataset().units();
    r.codes
        .iter()
        .zip(&r.rows)
        .enumerate()
        .map(
            |(i, (code, &[rank, best, best_limit, worst, worst_limit]))| RangeRow {
                code: code.clone(),
                name: units
                    .iter()
                    .find(|u| &u.code == code)
                    .map_or_else(|| code.clone(), crate::i18n::label),
                rank,
                best: bound(best, best_limit),
                worst: bound(worst, worst_limit),
                bod: r
                    .bod
                    .get(i)
                    .filter(|(score, _)| score.is_finite())
                    .map_or_else(
                        || "–".to_string(),
                        |(score, rank)| format!("{} ({rank})", format::score(*score)),
                    ),
            },
        )
        .collect()
}

/// Unit `code`'s best and worst possible rank, for the ranking table's column: "1–7" ("3" when
/// one rank; a bound not proven marked "≤"/"≥" with the limit that is).
pub fn bounds_of(r: &Ranges, code: &str) -> Option<String> {
    let i = r.codes.iter().position(|c| c == code)?;
    let [_, best, best_limit, worst, worst_limit] = *r.rows.get(i)?;
    let best = if best == best_limit {
        best.to_string()
    } else {
        format!("{best_limit}?")
    };
    let worst = if worst == worst_limit {
        worst.to_string()
    } else {
        format!("{worst_limit}?")
    };
    Some(if best == worst {
        best
    } else {
        format!("{best}–{worst}")
    })
}

/// The run in one sentence: what was solved, how long it took, how much is proven.
pub fn sentence(bundle: &Bundle, run: &RangesRun) -> String {
    let r = &run.result;
    let unproven = r
        .rows
        .iter()
        .filter(|x| x[1] != x[2] || x[3] != x[4])
        .count();
    let range = OFFERED
        .iter()
        .find(|(w, _, _)| *w == run.range)
        .map_or_else(String::new, |(_, label, _)| t(label));
    let names: Vec<String> = r.criteria.iter().map(|id| node_name(bundle, id)).collect();
    let mut args: Vec<(&str, Arg)> = vec![
        ("count", r.codes.len().into()),
        ("range", range.into()),
        ("pillars", names.join(", ").into()),
        ("pillar_count", r.criteria.len().to_string().into()),
        ("seconds", format!("{:.1}", run.elapsed_ms / 1000.0).into()),
    ];
    let mut said = if unproven == 0 {
        t_with(&messages::RANGES_ALL_PROVEN, &args)
    } else {
        args.push(("unproven", unproven.to_string().into()));
        t_with(&messages::RANGES_NOT_PROVEN, &args)
    };
    if !r.left_out.is_empty() {
        said.push(' ');
        said.push_str(&t_with(
            &messages::RANGES_LEFT_OUT,
            &[("count", r.left_out.len().into())],
        ));
    }
    if !r.note.is_empty() {
        said.push(' ');
        said.push_str(&t_with(
            &messages::BOD_NOT_AVAILABLE,
            &[("why", r.note.clone().into())],
        ));
    }
    said
}

/// A node's name, or its id.
fn node_name(bundle: &Bundle, id: &str) -> String {
    let fw = bundle.framework();
    fw.position(id)
        .and_then(|p| fw.node(p))
        .map_or_else(|| id.to_string(), |n| n.name.clone())
}

/// For unit `code`: a sentence on its best rank and the shares that give it, and those shares
/// as node weights (`(node, weight)`, each pillar its share and each aggregate between the
/// root and the pillars the sum of its pillars' shares), ready for
/// [`crate::state::Inputs::set_weights`].
pub fn best_weights(
    bundle: &Bundle,
    r: &Ranges,
    code: &str,
) -> Option<(String, Vec<(usize, f64)>)> {
    let i = r.codes.iter().position(|c| c == code)?;
    let [rank, best, best_limit, ..] = *r.rows.get(i)?;
    let shares = r.best_shares.get(i)?;
    let fw = bundle.framework();
    let root = fw.root();
    let mut weights: Vec<(usize, f64)> = Vec::new();
    let mut add = |node: usize, share: f64| match weights.iter_mut().find(|(n, _)| *n == node) {
        Some((_, w)) => *w += share,
        None => weights.push((node, share)),
    };
    for (id, share) in r.criteria.iter().zip(shares) {
        let mut node = fw.position(id)?;
        while node != root {
            add(node, *share);
            node = fw.parent(node)?;
        }
    }
    let name = bundle
        .dataset()
        .units()
        .iter()
        .find(|u| u.code == code)
        .map_or_else(|| code.to_string(), crate::i18n::label);
    let mix: Vec<String> = r
        .criteria
        .iter()
        .zip(shares)
        .map(|(id, s)| format!("{} {}", node_name(bundle, id), format::percent(*s)))
        .collect();
    let mut args: Vec<(&str, Arg)> = vec![
        ("name", name.into()),
        ("rank", rank.to_string().into()),
        ("best", best.to_string().into()),
        ("weights", mix.join(", ").into()),
    ];
    let sentence = if best == best_limit {
        t_with(&messages::BEST_RANK_WITH, &args)
    } else {
        args.push(("limit", best_limit.to_string().into()));
        t_with(&messages::BEST_RANK_NOT_PROVEN_WITH, &args)
    };
    Some((sentence, weights))
}

/// For unit `code`, its benefit-of-the-doubt score in words: the score and rank, and each
/// pillar's share of the score under the weights most favourable to it, the pillars it leaves
/// out named ("Kenya scores 0.412 (rank 98) under the weights most favourable to it: Skills
/// 62 %, ICT deployment 38 %; Research and development, … weigh nothing.").
pub fn bod_sentence(bundle: &Bundle, r: &Ranges, code: &str) -> Option<String> {
    let i = r.codes.iter().position(|c| c == code)?;
    let (score, rank) = *r.bod.get(i)?;
    if !score.is_finite() {
        return None;
    }
    let name = bundle
        .dataset()
        .units()
        .iter()
        .find(|u| u.code == code)
        .map_or_else(|| code.to_string(), crate::i18n::label);
    let shares = r.bod_shares.get(i).filter(|s| !s.is_empty());
    let mut used: Vec<(String, f64)> = Vec::new();
    let mut unused: Vec<String> = Vec::new();
    for (id, share) in r.criteria.iter().zip(shares.into_iter().flatten()) {
        if *share > 0.0005 {
            used.push((node_name(bundle, id), *share));
        } else {
            unused.push(node_name(bundle, id));
        }
    }
    used.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mix: Vec<String> = used
        .iter()
        .map(|(n, s)| format!("{n} {}", format::percent(*s)))
        .collect();
    let args = [
        ("name", Arg::from(name)),
        ("score", format::score(score).into()),
        ("rank", rank.to_string().into()),
        ("shares", mix.join(", ").into()),
        ("unused", unused.join(", ").into()),
    ];
    let said = match (mix.is_empty(), unused.len()) {
        (true, _) => t_with(&messages::BOD_SCORES, &args),
        (false, 0) => t_with(&messages::BOD_SCORES_MADE_OF, &args),
        (false, 1) => t_with(&messages::BOD_SCORES_ONE_UNUSED, &args),
        (false, _) => t_with(&messages::BOD_SCORES_UNUSED, &args),
    };
    Some(said)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn ranges() -> Ranges {
        Ranges {
            criteria: vec!["x".into(), "y".into()],
            codes: vec!["AAA".into(), "BBB".into()],
            rows: vec![[1, 1, 1, 2, 2], [2, 1, 1, 3, 2]],
            best_shares: vec![vec![1.0, 0.0], vec![0.25, 0.75]],
            bod: vec![(1.0, 1), (0.5, 2)],
            bod_shares: vec![vec![1.0, 0.0], vec![0.4, 0.6]],
            left_out: vec![("CCC".into(), "no score for `p2`".into())],
            note: String::new(),
        }
    }

    #[test]
    fn rows_and_sentences_say_what_is_proven() {
        let b = fixtures::bundle("2023");
        let r = ranges();
        let rows = rows(&b, &r);
        assert_eq!(rows[0].best, "1");
        assert_eq!(rows[1].worst, "3 (2 not ruled out)");
        assert_eq!(rows[1].bod, "0.500 (2)");
        assert_eq!(bounds_of(&r, "AAA").as_deref(), Some("1–2"));
        assert_eq!(
            bounds_of(&r, "BBB").as_deref(),
            Some("1–2?"),
            "a worst rank not proven"
        );
        assert_eq!(bounds_of(&r, "QQQ"), None);
        let run = RangesRun {
            bundle: "test".into(),
            scenario: Scenario::default(),
            range: WeightRange::Any,
            elapsed_ms: 1234.0,
            result: r.clone(),
        };
        let said = sentence(&b, &run);
        assert!(
            said.starts_with("Best and worst ranks of 2 units under any weights of "),
            "{said}"
        );
        assert!(
            said.contains("(2; 1.2 s): 1 units with a bound not proven"),
            "{said}"
        );
        assert!(
            said.ends_with(" 1 units without a score on every pillar are left out."),
            "{said}"
        );
    }

    #[test]
    fn the_best_weights_are_node_weights_summing_up_the_tree() {
        let b = fixtures::bundle("2023");
        let fw = b.framework();
        let r = ranges();
        let (said, weights) = best_weights(&b, &r, "BBB").unwrap();
        assert!(
            said.contains("ranks 2 under these weights; its best possible rank is 1, with "),
            "{said}"
        );
        assert!(said.ends_with(", with Node x 25 %, Node y 75 %."), "{said}");
        let p1 = fw.position("x").unwrap();
        let p2 = fw.position("y").unwrap();
        assert!(weights.contains(&(p1, 0.25)) && weights.contains(&(p2, 0.75)));
        assert!(weights.iter().all(|(n, _)| *n != fw.root()));
        assert_eq!(best_weights(&b, &r, "QQQ"), None);
        assert_eq!(
            bod_sentence(&b, &r, "AAA").unwrap(),
            "Benefit of the doubt: Alpha scores 1.000 (rank 1) under the weights most favourable \
             to it, its score made of Node x 100 %; Node y weighs nothing."
        );
        assert_eq!(
            bod_sentence(&b, &r, "BBB").unwrap(),
            "Benefit of the doubt: =HYPERLINK(\"http://x\") scores 0.500 (rank 2) under the \
             weights most favourable to it, its score made of Node y 60 %, Node x 40 %."
        );
        assert_eq!(range_of("half"), WeightRange::HalfToDouble);
        assert_eq!(range_of("?"), WeightRange::Any);
    }
}
