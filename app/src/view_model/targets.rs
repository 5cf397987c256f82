//! "What would it take?" as the page shows it: the worker's [`TargetAnswer`] (the smallest
//! improvement of one indicator, or of several together, that lifts the followed unit to a rank
//! or past a rival) as a sentence in each indicator's own unit, a status in words, a table
//! (current, needed, change, best and worst observed) and the reasons the answer depends on the
//! rest of the data; and the panel's choices (the indicators, the rivals). Pure, so tested
//! natively.

use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use index_core::target::TargetStatus;
use index_worker::protocol::{TargetAnswer, TargetGoal, TargetMove};

use super::explain::signed;
use super::robustness::OfScenario;
use crate::i18n::messages::{self, Msg};
use crate::i18n::{t as tr, t_with, Arg};

/// The table's header: one row per indicator.
pub const HEADER: [Msg; 7] = [
    messages::INDICATOR,
    messages::UNIT,
    messages::CURRENT,
    messages::NEEDED,
    messages::CHANGE,
    messages::BEST_OBSERVED,
    messages::WORST_OBSERVED,
];

/// The most indicators the sentence names (the table gives every one).
const NAMED: usize = 5;

/// A target asked for, and what it was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRun {
    /// The bundle.
    pub bundle: String,
    /// The scenario, without the unit followed.
    pub scenario: Scenario,
    /// Milliseconds from the request to the answer.
    pub elapsed_ms: f64,
    /// The worker's result (it names its unit, goal and indicators).
    pub result: TargetAnswer,
}

impl OfScenario for TargetRun {
    fn bundle_id(&self) -> &str {
        &self.bundle
    }
    fn asked(&self) -> &Scenario {
        &self.scenario
    }
}

impl TargetRun {
    /// Whether the result answers these choices: the unit followed, the goal and the
    /// indicators, in order.
    pub fn answers(&self, unit: &str, goal: &TargetGoal, indicators: &[String]) -> bool {
        let r = &self.result;
        r.unit == unit
            && r.goal == *goal
            && r.moves.len() == indicators.len()
            && r.moves.iter().zip(indicators).all(|(m, id)| m.0 == *id)
    }

    /// How it was computed, in words: "Computed with 32 runs of the whole pipeline in 85 ms."
    pub fn effort(&self) -> String {
        let runs = self.result.runs;
        t_with(
            if runs == 1 {
                &messages::EFFORT_ONE_RUN
            } else {
                &messages::EFFORT_RUNS
            },
            &[
                ("count", runs.into()),
                ("ms", format!("{:.0}", self.elapsed_ms.max(0.0)).into()),
            ],
        )
    }
}

/// The answer, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetView {
    /// The status in a few words ("Reached", "Already there", "Out of reach within the
    /// observed range").
    pub status: String,
    /// The answer in one sentence, each change in its indicator's own unit.
    pub sentence: String,
    /// Table: one row per indicator ([`HEADER`]).
    pub rows: Vec<Vec<String>>,
    /// Why the answer depends on the rest of the data, one line per indicator and reason
    /// (empty when it does not).
    pub depends: Vec<String>,
    /// What else to know (values carried forward; a score that is not monotone here).
    pub notes: Vec<String>,
}

/// The framework's indicators, in framework order, as `(id, name)` for the choices.
pub fn indicator_choices(bundle: &Bundle) -> Vec<(String, String)> {
    let fw = bundle.framework();
    fw.leaves()
        .iter()
        .filter_map(|&l| fw.node(l))
        .map(|n| {
            let name = bundle
                .dataset()
                .indicator(&n.id)
                .map_or_else(|| n.name.clone(), |i| i.name.clone());
            (n.id.clone(), name)
        })
        .collect()
}

/// The units one can choose to pass: every unit but `followed`, by name, as `(code, name)`.
pub fn rival_choices(bundle: &Bundle, followed: Option<&str>) -> Vec<(String, String)> {
    let mut units: Vec<(String, String)> = bundle
        .dataset()
        .units()
        .iter()
        .filter(|u| Some(u.code.as_str()) != followed)
        .map(|u| (u.code.clone(), crate::i18n::label(u)))
        .collect();
    index_core::order::sort_by(&mut units, |a, b| a.1.cmp(&b.1));
    units
}

/// Decimals that show a value to about 1/1 000 of its indicator's observed range (0 to 10).
fn decimals(range: f64) -> usize {
    if range > 0.0 && range.is_finite() {
        // (clamped to 0–10, so the cast is exact)
        (3.0 - range.log10().floor()).clamp(0.0, 10.0) as usize
    } else {
        3
    }
}

/// `x` with `d` decimals and a true minus sign.
fn plain(x: f64, d: usize) -> String {
    let text = format!("{x:.d$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.trim_start_matches(['0', '.']).is_empty() => rest.to_string(),
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}

/// Unit `code`'s name in `bundle` (the code when it is not there).
fn unit_name(bundle: &Bundle, code: &str) -> String {
    bundle
        .dataset()
        .units()
        .iter()
        .find(|u| u.code == code)
        .map_or_else(|| code.to_string(), crate::i18n::label)
}

/// One move's change in its own unit: "+0.238 score 0–1 (ICT deployment)".
fn change_text(bundle: &Bundle, m: &TargetMove) -> String {
    let d = decimals((m.4 - m.5).abs());
    let (name, unit) = bundle
        .dataset()
        .indicator(&m.0)
        .map_or((m.0.as_str(), ""), |i| (i.name.as_str(), i.unit.as_str()));
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    format!("{}{unit} ({name})", signed(m.3, d))
}

/// The moves in a sentence: at most [`NAMED`] (the FTRI's five blocks), then how many more.
fn listed(bundle: &Bundle, moves: &[TargetMove]) -> String {
    let named: Vec<String> = moves
        .iter()
        .take(NAMED)
        .map(|m| change_text(bundle, m))
        .collect();
    let more = moves.len().saturating_sub(NAMED);
    match more {
        0 => match named.split_last() {
            Some((last, rest)) if !rest.is_empty() => t_with(
                &messages::LIST_AND,
                &[
                    ("items", rest.join(", ").into()),
                    ("last", last.clone().into()),
                ],
            ),
            _ => named.join(""),
        },
        1 => t_with(
            &messages::AND_ONE_MORE_INDICATOR,
            &[("items", named.join(", ").into())],
        ),
        n => t_with(
            &messages::AND_MORE_INDICATORS,
            &[("items", named.join(", ").into()), ("count", n.into())],
        ),
    }
}

/// A rank or "unranked".
fn rank(r: Option<u32>) -> String {
    r.map_or_else(
        || tr(&messages::UNRANKED),
        |r| t_with(&messages::RANK_N, &[("rank", r.to_string().into())]),
    )
}

/// A score or "no score".
fn score(s: Option<f64>) -> String {
    s.map_or_else(|| tr(&messages::NO_SCORE), index_core::display::score)
}

/// The answer `t` for people.
///
/// # Errors
/// Why there is nothing to show: an answer without indicators (the engine never gives one).
pub fn target_view(bundle: &Bundle, t: &TargetAnswer) -> Result<TargetView, String> {
    let name = unit_name(bundle, &t.unit);
    if t.moves.is_empty() {
        return Err(t_with(
            &messages::NO_INDICATOR_CHOSEN,
            &[("name", name.into())],
        ));
    }
    let (before, after) = (t.before, t.after);
    let several = t.moves.len() > 1;
    let chosen = if several {
        t_with(
            &messages::THE_CHOSEN_INDICATORS,
            &[("count", t.moves.len().into())],
        )
    } else {
        tr(&messages::THE_CHOSEN_INDICATOR)
    };
    let mut args: Vec<(&str, Arg)> = vec![("name", name.into())];
    if let TargetGoal::Rank(r) = &t.goal {
        args.push(("rank", r.to_string().into()));
    }
    if let TargetGoal::Past(code) = &t.goal {
        args.push(("other", unit_name(bundle, code).into()));
    }
    let (status, sentence) = match (t.status, &t.goal) {
        (TargetStatus::AlreadyThere, TargetGoal::Rank(_)) => {
            args.push(("now", rank(before.1).into()));
            (
                tr(&messages::ALREADY_THERE),
                t_with(&messages::ALREADY_AT_RANK, &args),
            )
        }
        (TargetStatus::AlreadyThere, TargetGoal::Past(_)) => {
            args.push(("score", score(before.0).into()));
            args.push(("their", score(before.2).into()));
            (
                tr(&messages::ALREADY_THERE),
                t_with(&messages::ALREADY_AHEAD, &args),
            )
        }
        (TargetStatus::Reached, goal) => {
            args.push(("moves", listed(bundle, &t.moves).into()));
            args.push(("share", format!("{:.1}", 100.0 * t.share).into()));
            let said = match goal {
                TargetGoal::Rank(_) => {
                    args.push(("now", rank(before.1).into()));
                    if several {
                        &messages::REACH_RANK_CLOSING
                    } else {
                        &messages::REACH_RANK_WITH
                    }
                }
                TargetGoal::Past(_) => {
                    args.push(("score", score(after.0).into()));
                    args.push(("their", score(after.2).into()));
                    args.push(("now", score(before.0).into()));
                    if several {
                        &messages::PASS_CLOSING
                    } else {
                        &messages::PASS_WITH
                    }
                }
            };
            (tr(&messages::REACHED), t_with(said, &args))
        }
        (TargetStatus::OutOfReach, goal) => {
            args.push(("chosen", chosen.into()));
            let said = match goal {
                TargetGoal::Rank(_) => {
                    args.push(("best", rank(after.1).into()));
                    &messages::OUT_OF_REACH_RANK
                }
                TargetGoal::Past(_) => {
                    args.push(("score", score(after.0).into()));
                    args.push(("their", score(after.2).into()));
                    &messages::OUT_OF_REACH_PAST
                }
            };
            (tr(&messages::OUT_OF_REACH), t_with(said, &args))
        }
    };
    let rows = t
        .moves
        .iter()
        .map(|m| {
            let d = decimals((m.4 - m.5).abs());
            let ind = bundle.dataset().indicator(&m.0);
            let current = match m.6 {
                Some(year) => format!("{} ({year})", plain(m.1, d)),
                None => plain(m.1, d),
            };
            vec![
                ind.map_or_else(|| m.0.clone(), |i| i.name.clone()),
                ind.map_or_else(String::new, |i| i.unit.clone()),
                current,
                plain(m.2, d),
                signed(m.3, d),
                plain(m.4, d),
                plain(m.5, d),
            ]
        })
        .collect();
    let depends = t
        .depends
        .iter()
        .map(|(id, why)| {
            let ind = bundle
                .dataset()
                .indicator(id)
                .map_or(id.as_str(), |i| i.name.as_str());
            format!("{ind}: {why}")
        })
        .collect();
    let mut notes = Vec::new();
    if t.moves.iter().any(|m| m.6.is_some()) {
        notes.push(tr(&messages::CARRIED_FORWARD_NOTE));
    }
    if !t.monotone {
        notes.push(tr(&messages::NOT_MONOTONE_NOTE));
    }
    Ok(TargetView {
        status,
        sentence,
        rows,
        depends,
        notes,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

    use index_core::scenario::Scenario;

    use super::*;
    use crate::fixtures::{bundle, bundle_with_gdp};

    /// The worker's answer for `unit` on the fixture bundle (2020, min–max: CCC first, then
    /// BBB, DDD, AAA; EEE unscored).
    fn answer(unit: &str, indicators: &[&str], goal: TargetGoal) -> TargetAnswer {
        let ids: Vec<String> = indicators.iter().map(|s| s.to_string()).collect();
        index_worker::jobs::target(&bundle("2024"), &Scenario::default(), unit, &ids, &goal)
            .unwrap()
    }

    #[test]
    fn a_target_reached_reads_in_the_indicators_own_unit() {
        let b = bundle("2024");
        let t = answer("AAA", &["x"], TargetGoal::Rank(3));
        assert_eq!(t.status, TargetStatus::Reached);
        let v = target_view(&b, &t).unwrap();
        assert_eq!(v.status, "Reached");
        let m = &t.moves[0];
        // x's observed range is 1 to 5: three decimals of it.
        let change = format!("+{:.3}", m.3);
        assert_eq!(
            v.sentence,
            format!("Alpha would reach rank 3 (now rank 4) with {change} index (Indicator x).")
        );
        assert_eq!(HEADER.len(), v.rows[0].len());
        assert_eq!(
            v.rows,
            [vec![
                "Indicator x".to_string(),
                "index".into(),
                "1.000".into(),
                format!("{:.3}", m.2),
                change,
                "5.000".into(),
                "1.000".into(),
            ]]
        );
        assert!((m.1 + m.3 - m.2).abs() < 1e-12, "needed = current + change");
        // Two indicators: the share of each gap closed, then each change.
        let both = answer("AAA", &["x", "y"], TargetGoal::Past("CCC".into()));
        let v = target_view(&b, &both).unwrap();
        assert!(
            v.sentence.starts_with("Alpha would pass -Charlie (score ")
                && v.sentence
                    .contains("% of each indicator's gap to the best observed value: +")
                && v.sentence.contains(" index (Indicator x) and +")
                && v.sentence.ends_with(" index (Indicator y)."),
            "{}",
            v.sentence
        );
        assert_eq!(v.rows.len(), 2);
    }

    #[test]
    fn already_there_and_out_of_reach_say_so() {
        let b = bundle("2024");
        let top = answer("CCC", &["x"], TargetGoal::Rank(3));
        assert_eq!(top.status, TargetStatus::AlreadyThere);
        let v = target_view(&b, &top).unwrap();
        assert_eq!(v.status, "Already there");
        assert_eq!(
            v.sentence,
            "-Charlie is already at rank 1, within rank 3: nothing to improve."
        );
        assert_eq!(v.rows[0][4], "0", "no change");
        let ahead = answer("CCC", &["x"], TargetGoal::Past("AAA".into()));
        let v = target_view(&b, &ahead).unwrap();
        assert!(
            v.sentence.contains("is already ahead of Alpha (score "),
            "{}",
            v.sentence
        );
        // At the best x observed AAA scores 0.5, CCC 0.75: x alone cannot lift AAA to 1.
        let far = answer("AAA", &["x"], TargetGoal::Rank(1));
        assert_eq!(far.status, TargetStatus::OutOfReach);
        let v = target_view(&b, &far).unwrap();
        assert_eq!(v.status, "Out of reach within the observed range");
        assert_eq!(
            v.sentence,
            "Alpha would not get rank 1 even with the chosen indicator at the best value any country has: it would be at rank 3 at best."
        );
        assert_eq!(v.rows[0][3], v.rows[0][5], "needed: the best observed");
    }

    #[test]
    fn units_signs_carried_values_and_dependence_are_spelled_out() {
        // A made-up answer in dollars, lower being better for once, carried from 2019.
        let b = bundle_with_gdp();
        let t = TargetAnswer {
            unit: "AAA".into(),
            goal: TargetGoal::Rank(1),
            status: TargetStatus::Reached,
            share: 0.25,
            short_by: 1e-7,
            monotone: false,
            runs: 30,
            before: (Some(0.2), Some(3), None),
            after: (Some(0.6), Some(1), None),
            moves: vec![
                (
                    "gdppc_ppp".into(),
                    1_000.0,
                    13_250.0,
                    12_250.0,
                    50_000.0,
                    800.0,
                    Some(2019),
                ),
                ("x".into(), 2.0, 1.5, -0.5, 0.0, 4.0, None),
            ],
            depends: vec![(
                "x".into(),
                "the min–max bounds move with the unit's value".into(),
            )],
        };
        let v = target_view(&b, &t).unwrap();
        assert_eq!(
            v.sentence,
            "Alpha would reach rank 1 (now rank 3) by closing 25.0 % of each indicator's gap to the best observed value: +12250 current international $ (GDP per capita, PPP) and −0.500 index (Indicator x)."
        );
        assert_eq!(v.rows[0][2], "1000 (2019)");
        assert_eq!(v.rows[1][4], "−0.500");
        assert_eq!(
            v.depends,
            ["Indicator x: the min–max bounds move with the unit's value"]
        );
        assert_eq!(v.notes.len(), 2, "carried forward; not monotone");
        // Many indicators: five named, the rest counted.
        let mut many = t.clone();
        many.moves = (0..7).map(|_| t.moves[1].clone()).collect();
        let v = target_view(&b, &many).unwrap();
        assert!(
            v.sentence
                .ends_with(", and 2 more indicators (see the table)."),
            "{}",
            v.sentence
        );
        many.moves.clear();
        assert!(target_view(&b, &many).is_err());
    }

    #[test]
    fn choices_and_whether_a_run_answers_them() {
        let b = bundle("2024");
        assert_eq!(
            indicator_choices(&b),
            [
                ("x".to_string(), "Indicator x".to_string()),
                ("y".into(), "Indicator y".into())
            ]
        );
        let rivals: Vec<String> = rival_choices(&b, Some("AAA"))
            .into_iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(
            rivals,
            ["CCC", "BBB", "DDD", "EEE"],
            "by name, the followed left out"
        );
        let run = TargetRun {
            bundle: "test".into(),
            scenario: Scenario::default(),
            elapsed_ms: 1.0,
            result: answer("AAA", &["x", "y"], TargetGoal::Rank(2)),
        };
        let both = ["x".to_string(), "y".into()];
        assert!(run.answers("AAA", &TargetGoal::Rank(2), &both));
        assert!(!run.answers("BBB", &TargetGoal::Rank(2), &both));
        assert!(!run.answers("AAA", &TargetGoal::Rank(3), &both));
        assert!(!run.answers("AAA", &TargetGoal::Rank(2), &both[..1]));
        assert_eq!(
            run.effort(),
            format!(
                "Computed with {} runs of the whole pipeline in 1 ms.",
                run.result.runs
            )
        );
        assert!(run.result.runs > 1, "a scan at least");
        assert_eq!(plain(-0.0001, 2), "0.00");
        assert_eq!(decimals(80.0), 2);
        assert_eq!(decimals(1.0), 3);
    }
}
