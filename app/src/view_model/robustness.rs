//! The uncertainty analysis as the page shows it: what the person chose to vary (as an
//! [`index_core::uncertainty::Plan`]), and the worker's result
//! ([`index_worker::protocol::Robustness`]) as table rows, a sentence, the gaps' intervals and
//! the sensitivity table. Pure, so tested natively.

use index_core::bundle::Bundle;
use index_core::method::{Aggregation, Normalisation};
use index_core::scenario::Scenario;
use index_core::uncertainty::{Plan, WeightNoise, WIDE_INTERVAL};
use index_worker::protocol::Robustness;

use super::{group_short, memberships};
use crate::charts::{Membership, RankSpan, RankSpans};
use crate::format;
use crate::i18n::messages;
use crate::i18n::{t, t_with, Arg};

/// How the weights vary, as the panel offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightChoice {
    /// Weights as they are.
    Fixed,
    /// Each weight within ± this many per cent of itself.
    Relative(u8),
    /// Any weights: shares uniform on the simplex.
    Simplex,
}

impl WeightChoice {
    /// The choices offered, in order, with their form values.
    pub const OFFERED: [(WeightChoice, &'static str); 5] = [
        (WeightChoice::Relative(10), "10"),
        (WeightChoice::Relative(25), "25"),
        (WeightChoice::Relative(50), "50"),
        (WeightChoice::Simplex, "simplex"),
        (WeightChoice::Fixed, "fixed"),
    ];

    /// The choice of a form value (the default, ±25 %, for one not offered).
    pub fn from_value(value: &str) -> WeightChoice {
        Self::OFFERED
            .iter()
            .find(|(_, v)| *v == value)
            .map_or(WeightChoice::Relative(25), |(c, _)| *c)
    }

    /// Its label in the panel's form, in the language shown ("±25 %", "any weights").
    pub fn label(self) -> String {
        match self {
            WeightChoice::Relative(p) => format!("±{p} %"),
            WeightChoice::Simplex => t(&messages::ANY_WEIGHTS),
            WeightChoice::Fixed => t(&messages::WEIGHTS_AS_THEY_ARE),
        }
    }
}

/// The draws offered.
pub const DRAWS_OFFERED: [u32; 3] = [1_000, 10_000, 50_000];

/// Bootstrap replicates of the sensitivity indices' intervals.
pub const BOOTSTRAP: u32 = 100;

/// What the person chose to vary: the panel's form.
#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    /// The weights.
    pub weights: WeightChoice,
    /// Normalisation drawn from min–max and percentile ranks.
    pub normalisation: bool,
    /// Aggregation drawn from arithmetic and geometric means.
    pub aggregation: bool,
    /// The winsorisation limit drawn from 0 to 5 values.
    pub winsorisation: bool,
    /// Imputation on or off.
    pub imputation: bool,
    /// Draws.
    pub draws: u32,
    /// The seed.
    pub seed: u64,
    /// Also the sensitivity analysis (a design of `draws` rows: more runs).
    pub sensitivity: bool,
}

impl Default for Choices {
    /// Weights ±25 %, 10 000 draws, seed 1, as the CLI's defaults.
    fn default() -> Self {
        Choices {
            weights: WeightChoice::Relative(25),
            normalisation: false,
            aggregation: false,
            winsorisation: false,
            imputation: false,
            draws: 10_000,
            seed: 1,
            sensitivity: false,
        }
    }
}

impl Choices {
    /// The plan these choices make (checked by the engine when it runs).
    pub fn plan(&self) -> Plan {
        Plan {
            draws: self.draws,
            seed: self.seed,
            weights: match self.weights {
                WeightChoice::Fixed => None,
                WeightChoice::Relative(p) => Some(WeightNoise::Relative {
                    p: f64::from(p) / 100.0,
                }),
                WeightChoice::Simplex => Some(WeightNoise::Simplex),
            },
            normalisations: if self.normalisation {
                vec![
                    Normalisation::MinMax {
                        low: 0.0,
                        high: 100.0,
                    },
                    Normalisation::PercentileRank {
                        low: 0.0,
                        high: 100.0,
                    },
                ]
            } else {
                Vec::new()
            },
            aggregations: if self.aggregation {
                vec![Aggregation::Arithmetic, Aggregation::Geometric]
            } else {
                Vec::new()
            },
            winsorisation: self.winsorisation.then_some((0, 5)),
            imputation: self.imputation,
        }
    }

    /// The bootstrap replicates to ask for, if the sensitivity analysis is wanted.
    pub fn bootstrap(&self) -> Option<u32> {
        self.sensitivity.then_some(BOOTSTRAP)
    }
}

/// A finished analysis, with what it was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The bundle it ran on.
    pub bundle: String,
    /// The scenario it ran on, without the followed unit (which changes no figure).
    pub scenario: Scenario,
    /// What varied.
    pub plan: Plan,
    /// Milliseconds from the request to the answer.
    pub elapsed_ms: f64,
    /// The worker's result.
    pub result: Robustness,
}

/// A result the worker computed for one bundle and scenario (an uncertainty analysis, the best
/// and worst ranks): what the panels and the ranking's columns need to know whether it is
/// still the page's.
pub trait OfScenario {
    /// The bundle it is of.
    fn bundle_id(&self) -> &str;
    /// The scenario it is of, without the unit followed ([`key`]).
    fn asked(&self) -> &Scenario;
    /// Whether the page now shows another scenario (weights, method, year or groups changed;
    /// a unit followed does not count).
    fn is_stale(&self, now: &Scenario) -> bool {
        key(now) != *self.asked()
    }
}

impl OfScenario for Analysis {
    fn bundle_id(&self) -> &str {
        &self.bundle
    }
    fn asked(&self) -> &Scenario {
        &self.scenario
    }
}

/// The part of a scenario an analysis depends on.
pub fn key(scenario: &Scenario) -> Scenario {
    Scenario {
        selection: None,
        name: String::new(),
        ..scenario.clone()
    }
}

/// One unit's row of the intervals table.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalRow {
    /// ISO3 code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Rank under the scenario.
    pub nominal: u32,
    /// Median rank over the draws.
    pub median: u32,
    /// 5–95 % interval, "3–11" ("3" when one rank).
    pub interval: String,
    /// Best and worst rank drawn, "1–14".
    pub range: String,
    /// Its interval spans more than [`WIDE_INTERVAL`] places.
    pub wide: bool,
}

/// "a–b", or "a" when they are one rank.
pub fn span(a: u32, b: u32) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

/// The table's rows, in nominal rank order.
pub fn rows(bundle: &Bundle, r: &Robustness) -> Vec<IntervalRow> {
    let units = bundle.dataset().units();
    r.codes
        .iter()
        .zip(&r.ranks)
        .map(
            |(code, &[nominal, median, q05, q95, best, worst, _])| IntervalRow {
                code: code.clone(),
                name: units
                    .iter()
                    .find(|u| &u.code == code)
                    .map_or_else(|| code.clone(), crate::i18n::label),
                nominal,
                median,
                interval: span(q05, q95),
                range: span(best, worst),
                wide: q95.saturating_sub(q05) > WIDE_INTERVAL,
            },
        )
        .collect()
}

/// The chart of every unit's ranks over the draws, in nominal order, coloured by the two groups
/// compared (`groups`), the unit `selected` named.
pub fn rank_spans(
    bundle: &Bundle,
    r: &Robustness,
    groups: &[String; 2],
    selected: Option<&str>,
) -> RankSpans {
    let ds = bundle.dataset();
    let membership = memberships(bundle, groups);
    RankSpans {
        spans: r
            .codes
            .iter()
            .zip(&r.ranks)
            .map(|(code, &[nominal, median, q05, q95, ..])| RankSpan {
                code: code.clone(),
                nominal,
                median,
                q05,
                q95,
                membership: ds
                    .unit_position(code)
                    .map_or(Membership::Other, &membership),
                wide: q95.saturating_sub(q05) > WIDE_INTERVAL,
                selected: selected == Some(code.as_str()),
            })
            .collect(),
        names: [
            group_short(bundle, &groups[0]),
            group_short(bundle, &groups[1]),
        ],
    }
}

/// The interval of the unit `code`, for the ranking table's column: ("3–11", wide).
pub fn interval_of(r: &Robustness, code: &str) -> Option<(String, bool)> {
    let i = r.codes.iter().position(|c| c == code)?;
    let [_, _, q05, q95, ..] = *r.ranks.get(i)?;
    Some((span(q05, q95), q95.saturating_sub(q05) > WIDE_INTERVAL))
}

/// The analysis in one sentence: "10 000 draws varying weights ±25 % (seed 1, 0.8 s): 12 of
/// 166 economies' rank moves over more than 20 places in 90 % of draws."
pub fn sentence(a: &Analysis) -> String {
    let r = &a.result;
    let wide = r
        .ranks
        .iter()
        .filter(|x| x[3].saturating_sub(x[2]) > WIDE_INTERVAL)
        .count();
    let mut said = t_with(
        &messages::ROB_SENTENCE,
        &[
            ("draws", thousands(r.draws).into()),
            ("varying", a.plan.describe().into()),
            ("seed", a.plan.seed.to_string().into()),
            ("seconds", format!("{:.1}", a.elapsed_ms / 1000.0).into()),
            ("wide", wide.to_string().into()),
            ("count", r.ranks.len().into()),
            ("places", WIDE_INTERVAL.to_string().into()),
        ],
    );
    if r.failed > 0 {
        said.push(' ');
        said.push_str(&t_with(
            &messages::ROB_FAILED_DRAWS,
            &[("draws", thousands(r.failed).into())],
        ));
    }
    said
}

/// `n` with thin spaces between thousands ("10 000").
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// Each pair of groups' gap in words: "LDCs − developed: −0.43; 90 % of draws between −0.45 and
/// −0.42", or why it is not compared across draws.
pub fn gap_lines(bundle: &Bundle, r: &Robustness) -> Vec<String> {
    r.gaps
        .iter()
        .map(|(a, b, nominal, _, q05, q95, same_scale)| {
            let pair = format!("{} − {}", group_short(bundle, a), group_short(bundle, b));
            match (nominal, q05, q95, same_scale) {
                (Some(n), Some(lo), Some(hi), true) => t_with(
                    &messages::ROB_GAP,
                    &[
                        ("pair", pair.into()),
                        ("gap", format::signed(*n).into()),
                        ("low", format::signed(*lo).into()),
                        ("high", format::signed(*hi).into()),
                    ],
                ),
                (Some(n), _, _, false) => t_with(
                    &messages::ROB_GAP_SCALES,
                    &[("pair", pair.into()), ("gap", format::signed(*n).into())],
                ),
                _ => t_with(&messages::ROB_GAP_NONE, &[("pair", pair.into())]),
            }
        })
        .collect()
}

/// How likely each rank is for unit `code`: (rank, share of the scored draws), from its best
/// rank drawn to its worst; `None` when the analysis has no counts for it.
pub fn rank_shares(r: &Robustness, code: &str) -> Option<Vec<(u32, f64)>> {
    let i = r.codes.iter().position(|c| c == code)?;
    let (best, counts) = r.acceptability.get(i)?;
    let total: u32 = counts.iter().sum();
    (total > 0).then(|| {
        counts
            .iter()
            .zip(*best..)
            .map(|(c, rank)| (rank, f64::from(*c) / f64::from(total)))
            .collect()
    })
}

/// The followed unit's ranks in words: "Sweden ranks 2nd under these weights; over the draws it
/// ranks 2nd in 76 % of them (its most likely rank) and between 1 and 3 in all."
pub fn rank_sentence(name: &str, nominal: u32, shares: &[(u32, f64)]) -> String {
    let Some((likeliest, share)) =
        shares
            .iter()
            .copied()
            .fold(None, |best: Option<(u32, f64)>, x| match best {
                Some(b) if b.1 >= x.1 => Some(b),
                _ => Some(x),
            })
    else {
        return String::new();
    };
    let (first, last) = (
        shares.first().map_or(0, |x| x.0),
        shares.last().map_or(0, |x| x.0),
    );
    let args: [(&str, Arg); 5] = [
        ("name", name.into()),
        ("rank", nominal.to_string().into()),
        ("likeliest", likeliest.to_string().into()),
        ("share", format::percent(share).into()),
        ("first", first.to_string().into()),
    ];
    if first == last {
        t_with(&messages::ROB_RANKS_ONE, &args)
    } else {
        let mut args = args.to_vec();
        args.push(("last", last.to_string().into()));
        t_with(&messages::ROB_RANKS_BETWEEN, &args)
    }
}

/// The units the followed one (`code`) does not keep its nominal order against in every draw
/// ranking both: (code, nominal rank, share of those draws ranking `code` above it, share
/// ranking it above `code`), by nominal rank (the pairs are listed in that order, the units by
/// nominal rank). Empty when `code` keeps its place against all.
pub fn rivals(r: &Robustness, code: &str) -> Vec<(String, u32, f64, f64)> {
    let Some(i) = r.codes.iter().position(|c| c == code) else {
        return Vec::new();
    };
    let i = i as u32;
    let share = |x: u16| f64::from(x) / 10_000.0;
    r.pairs
        .iter()
        .filter_map(|&(a, b, a_above, b_above)| {
            let (other, above, below) = if a == i {
                (b, a_above, b_above)
            } else if b == i {
                (a, b_above, a_above)
            } else {
                return None;
            };
            let at = usize::try_from(other).ok()?;
            Some((
                r.codes.get(at)?.clone(),
                r.ranks.get(at)?[0],
                share(above),
                share(below),
            ))
        })
        .collect()
}

/// The sensitivity table's rows: (input, first-order index with its interval, total effect
/// with its interval), largest total effect first.
pub fn sensitivity_rows(r: &Robustness) -> Vec<[String; 3]> {
    let mut rows: Vec<_> = r.sensitivity.iter().collect();
    rows.sort_by(|a, b| b.4.total_cmp(&a.4));
    let share = |x: f64, lo: f64, hi: f64| {
        format!(
            "{} ({}–{})",
            format::percent(x.max(0.0)),
            format::percent(lo.max(0.0)),
            format::percent(hi.max(0.0))
        )
    };
    rows.into_iter()
        .map(|(name, s, s05, s95, t, t05, t95)| {
            [name.clone(), share(*s, *s05, *s95), share(*t, *t05, *t95)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn analysis() -> Analysis {
        Analysis {
            bundle: "test".into(),
            scenario: Scenario::default(),
            plan: Choices::default().plan(),
            elapsed_ms: 812.0,
            result: Robustness {
                draws: 10_000,
                failed: 0,
                codes: vec!["AAA".into(), "BBB".into(), "ZZZ".into()],
                ranks: vec![
                    [1, 1, 1, 1, 1, 1, 0],
                    [2, 3, 2, 30, 1, 40, 0],
                    [3, 2, 1, 3, 1, 3, 0],
                ],
                gaps: vec![(
                    "LDC".into(),
                    "developed".into(),
                    Some(-0.43),
                    Some(-0.43),
                    Some(-0.45),
                    Some(-0.42),
                    true,
                )],
                sensitivity: vec![
                    ("weights".into(), 0.1, 0.05, 0.15, 0.2, 0.18, 0.22),
                    ("aggregation".into(), 0.7, 0.65, 0.75, 0.8, 0.78, 0.82),
                ],
                acceptability: vec![
                    (1, vec![10_000]),
                    (1, vec![2, 7_498, 2_500]),
                    (1, vec![1, 2, 3]),
                ],
                pairs: vec![(0, 1, 9_998, 2), (1, 2, 2_500, 7_500)],
            },
        }
    }

    #[test]
    fn rank_spans_follow_the_table() {
        let b = fixtures::bundle("2023");
        let a = analysis();
        let groups = ["LDC".to_string(), "developed".to_string()];
        let chart = rank_spans(&b, &a.result, &groups, Some("BBB"));
        let spans: Vec<_> = chart
            .spans
            .iter()
            .map(|s| {
                (
                    s.code.as_str(),
                    s.nominal,
                    s.median,
                    s.q05,
                    s.q95,
                    s.wide,
                    s.selected,
                )
            })
            .collect();
        assert_eq!(
            spans,
            [
                ("AAA", 1, 1, 1, 1, false, false),
                ("BBB", 2, 3, 2, 30, true, true),
                ("ZZZ", 3, 2, 1, 3, false, false)
            ]
        );
    }

    #[test]
    fn rivals_are_the_pairs_of_the_followed_unit_from_its_side() {
        let a = analysis();
        assert_eq!(
            rivals(&a.result, "BBB"),
            vec![
                ("AAA".to_string(), 1, 0.0002, 0.9998),
                ("ZZZ".to_string(), 3, 0.25, 0.75)
            ]
        );
        assert_eq!(
            rivals(&a.result, "ZZZ"),
            vec![("BBB".to_string(), 2, 0.75, 0.25)]
        );
        assert!(rivals(&a.result, "XXX").is_empty(), "not in the analysis");
    }

    #[test]
    fn rows_sentence_and_gaps_read_the_result() {
        let b = fixtures::bundle("2023");
        let a = analysis();
        let rows = rows(&b, &a.result);
        assert_eq!(rows[0].interval, "1");
        assert_eq!(
            (rows[1].interval.as_str(), rows[1].range.as_str()),
            ("2–30", "1–40")
        );
        assert!(rows[1].wide && !rows[2].wide);
        assert_eq!(
            rows[2].name, "ZZZ",
            "a code the bundle does not know shows as itself"
        );
        assert_eq!(interval_of(&a.result, "BBB"), Some(("2–30".into(), true)));
        assert_eq!(interval_of(&a.result, "QQQ"), None);
        assert_eq!(
            sentence(&a),
            "10\u{202f}000 draws varying weights ±25 % (seed 1, 0.8 s): 1 of 3 units' rank spans \
             more than 20 places in the middle 90 % of draws."
        );
        let gaps = gap_lines(&b, &a.result);
        assert!(
            gaps[0].ends_with(": −0.430; in 90 % of draws between −0.450 and −0.420."),
            "{}",
            gaps[0]
        );
        let shares = rank_shares(&a.result, "BBB").unwrap();
        assert_eq!(shares.iter().map(|x| x.0).collect::<Vec<_>>(), [1, 2, 3]);
        assert!((shares[1].1 - 0.7498).abs() < 1e-12);
        assert_eq!(
            rank_sentence("Beta", 2, &shares),
            "Beta ranks 2 under these choices; over the draws its most likely rank is 2 (75 % of \
             draws), and it ranks between 1 and 3 in all."
        );
        assert_eq!(
            rank_sentence("Alpha", 1, &rank_shares(&a.result, "AAA").unwrap()),
            "Alpha ranks 1 under these choices; over the draws its most likely rank is 1 (100 % of \
             draws), and it ranks 1 in all."
        );
        assert_eq!(rank_shares(&a.result, "QQQ"), None);
        let s = sensitivity_rows(&a.result);
        assert_eq!(s[0][0], "aggregation");
        assert_eq!(s[0][2], "80 % (78 %–82 %)");
    }

    #[test]
    fn an_analysis_goes_stale_when_the_scenario_changes_but_not_the_unit_followed() {
        let a = analysis();
        let mut now = Scenario {
            selection: Some("AAA".into()),
            ..Scenario::default()
        };
        assert!(!a.is_stale(&now));
        now.weights.insert("x".into(), 2.0);
        assert!(a.is_stale(&now));
    }

    #[test]
    fn choices_make_the_plan() {
        let c = Choices {
            weights: WeightChoice::from_value("simplex"),
            aggregation: true,
            winsorisation: true,
            ..Choices::default()
        };
        let p = c.plan();
        assert_eq!(p.weights, Some(WeightNoise::Simplex));
        assert_eq!(p.aggregations.len(), 2);
        assert_eq!(p.winsorisation, Some((0, 5)));
        assert!(p.check().is_ok());
        assert_eq!(
            WeightChoice::from_value("nonsense"),
            WeightChoice::Relative(25)
        );
        let nothing = Choices {
            weights: WeightChoice::Fixed,
            ..Choices::default()
        };
        assert!(nothing.plan().check().is_err(), "nothing varies");
        assert_eq!(thousands(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(thousands(999), "999");
    }
}
