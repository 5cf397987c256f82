//! Why a unit moved, as the page shows it (the worker's [`Explanation`], the Shapley split of
//! every unit's change between two scenarios): the followed unit's waterfall (chart data,
//! title, sentence, table alternative, source line) and, for the scenario comparison, each
//! unit's largest cause. Pure, so tested natively.

use index_core::attribution::largest_part as largest;
use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use index_worker::protocol::{Explanation, UnitChange};

use super::robustness::{thousands, OfScenario};
use crate::charts::Waterfall;
use crate::i18n::messages;
use crate::i18n::{t, t_with, Arg};

/// An explanation asked for, and what it was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainRun {
    /// The bundle.
    pub bundle: String,
    /// The scenario changed from, without the unit followed (`None`: the published one).
    pub from: Option<Scenario>,
    /// The scenario changed to, without the unit followed.
    pub scenario: Scenario,
    /// Milliseconds from the request to the answer.
    pub elapsed_ms: f64,
    /// The worker's result.
    pub result: Explanation,
}

impl OfScenario for ExplainRun {
    fn bundle_id(&self) -> &str {
        &self.bundle
    }
    fn asked(&self) -> &Scenario {
        &self.scenario
    }
}

/// The followed unit's waterfall, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct WaterfallView {
    /// Title: whose change, between what.
    pub title: String,
    /// The change in one sentence, the largest parts named (and the sampling error, if any).
    pub sentence: String,
    /// Description for screen readers.
    pub label: String,
    /// The chart's data.
    pub data: Waterfall,
    /// Table alternative: header.
    pub header: Vec<String>,
    /// Table alternative: rows (one per change, then the total).
    pub rows: Vec<Vec<String>>,
}

/// Change `name` (`weight:rd`, `normalisation`…) for people: "R&D weight", "Normalisation".
pub fn change_label(bundle: &Bundle, name: &str) -> String {
    let node = |id: &str| {
        let fw = bundle.framework();
        fw.position(id)
            .and_then(|p| fw.node(p))
            .map_or_else(|| id.to_string(), |n| n.name.clone())
    };
    let part = match name {
        "year" => Some(&messages::YEAR),
        "normalisation" => Some(&messages::NORMALISATION),
        "normalise_over" => Some(&messages::NORMALISE_OVER),
        "aggregation" => Some(&messages::AGGREGATION),
        "treatment" => Some(&messages::CHANGE_TREATMENT),
        "imputation" => Some(&messages::CHANGE_IMPUTATION),
        "screen" => Some(&messages::CHANGE_SCREEN),
        "carry_forward" => Some(&messages::CHANGE_CARRY_FORWARD),
        "denominate" => Some(&messages::CHANGE_DENOMINATE),
        _ => None,
    };
    if let Some(id) = name.strip_prefix("weight:") {
        t_with(&messages::NODE_WEIGHT, &[("node", node(id).into())])
    } else if let Some(id) = name.strip_prefix("weights:") {
        t_with(&messages::WEIGHTS_WITHIN, &[("node", node(id).into())])
    } else if let Some(m) = part {
        t(m)
    } else {
        let text = name.replace('_', " ");
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        })
    }
}

/// A label inside a sentence: its first letter lower-cased, unless the word is an acronym
/// ("Normalisation" → "normalisation", "ICT deployment weight" stays).
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if b.is_lowercase() => {
            a.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    }
}

/// Decimals that show three significant digits of `largest` (at least 1, at most 10).
fn decimals(largest: f64) -> usize {
    if largest > 0.0 && largest.is_finite() {
        // (clamped to 1–10, so the cast is exact)
        (2.0 - largest.log10().floor()).clamp(1.0, 10.0) as usize
    } else {
        3
    }
}

/// `x` with a sign and `d` decimals ("+0.0240", "−0.0031", "0" when it rounds to 0).
pub fn signed(x: f64, d: usize) -> String {
    let text = format!("{:.*}", d, x.abs());
    crate::i18n::number(if text.trim_start_matches(['0', '.']).is_empty() {
        "0".into()
    } else if x > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    })
}

/// How the parts were computed, in words ("" when exact), with the largest standard error
/// written with `d` decimals.
fn sampled_note(e: &Explanation, error: Option<f64>, d: usize) -> String {
    if e.sampled == 0 {
        return String::new();
    }
    let mut args: Vec<(&str, Arg)> = vec![
        ("count", e.changes.len().into()),
        ("orders", thousands(e.sampled).into()),
    ];
    let note = match error {
        Some(s) => {
            args.push(("largest", format!("{s:.d$}").into()));
            t_with(&messages::SAMPLED_NOTE_LARGEST, &args)
        }
        None => t_with(&messages::SAMPLED_NOTE, &args),
    };
    format!(" {note}")
}

/// Unit `code`'s change in `e`, if the unit is in it.
fn unit_of<'a>(e: &'a Explanation, code: &str) -> Option<&'a UnitChange> {
    let u = e.codes.iter().position(|c| c == code)?;
    e.units.get(u)
}

/// The waterfall of unit `code` (named `name`) from `from` to `to` (the scenarios' names,
/// e.g. "the published scenario", "the view shown").
///
/// # Errors
/// Why there is nothing to draw, for people: the unit is not in the result, there are no
/// changes, or its change cannot be split (no score at one end, or under some mixture).
pub fn waterfall(
    bundle: &Bundle,
    e: &Explanation,
    code: &str,
    from: &str,
    to: &str,
) -> Result<WaterfallView, String> {
    let name = bundle
        .dataset()
        .units()
        .iter()
        .find(|u| u.code == code)
        .map_or_else(|| code.to_string(), crate::i18n::label);
    let (score_from, score_to, rank_from, rank_to, why, parts, rank_parts, errors, _) =
        unit_of(e, code).ok_or_else(|| {
            t_with(
                &messages::NOT_IN_EXPLANATION,
                &[("name", name.clone().into())],
            )
        })?;
    if e.changes.is_empty() {
        return Err(t_with(
            &messages::NOTHING_DIFFERS,
            &[("from", from.into()), ("to", to.into())],
        ));
    }
    let (Some(s0), Some(s1), true) = (*score_from, *score_to, why.is_empty()) else {
        return Err(format!("{name}: {why}."));
    };
    let total = s1 - s0;
    let largest = parts.iter().fold(total.abs(), |m, p| m.max(p.abs()));
    let d = decimals(largest);
    let labels: Vec<String> = e
        .changes
        .iter()
        .map(|(n, _, _)| change_label(bundle, n))
        .collect();
    let ranks = |a: &Option<u32>, b: &Option<u32>| match (a, b) {
        (Some(a), Some(b)) => t_with(
            &messages::RANK_FROM_TO,
            &[("from", a.to_string().into()), ("to", b.to_string().into())],
        ),
        _ => t(&messages::UNRANKED_AT_ONE_END),
    };
    // The parts by size, largest first, for the sentence: the two largest named.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    index_core::order::sort_by(&mut order, |a, b| {
        let size = |i: &usize| parts.get(*i).map_or(0.0, |p| p.abs());
        size(b).total_cmp(&size(a))
    });
    let named: Vec<String> = order
        .iter()
        .take(2)
        .filter_map(|&i| {
            let p = *parts.get(i)?;
            Some(t_with(
                &messages::CHANGE_FOR,
                &[
                    ("change", in_sentence(labels.get(i)?).into()),
                    ("part", signed(p, d).into()),
                ],
            ))
        })
        .collect();
    let rest = parts.len().saturating_sub(named.len());
    let rest_sum: f64 = order.iter().skip(2).filter_map(|&i| parts.get(i)).sum();
    let largest_error = errors.iter().copied().reduce(f64::max);
    // Errors with two significant digits, and no fewer decimals than the parts.
    let de = largest_error.map_or(d, |x| decimals(x).saturating_sub(1).max(d));
    let mut args: Vec<(&str, Arg)> = vec![
        ("total", signed(total, d).into()),
        ("name", name.clone().into()),
        ("from", index_core::display::score(s0).into()),
        ("to", index_core::display::score(s1).into()),
        ("ranks", ranks(rank_from, rank_to).into()),
        ("rest", signed(rest_sum, d).into()),
        ("count", rest.into()),
    ];
    let one = named.len() < 2;
    args.extend(
        ["first", "second"]
            .into_iter()
            .zip(named.into_iter().map(Arg::from)),
    );
    let said = match (one, rest) {
        (true, _) => &messages::EXPLAIN_ONE_PART,
        (_, 0) => &messages::EXPLAIN_TWO_PARTS,
        (_, 1) => &messages::EXPLAIN_ONE_OTHER,
        _ => &messages::EXPLAIN_OTHERS,
    };
    let sentence = format!(
        "{}{}",
        t_with(said, &args),
        sampled_note(e, largest_error, de)
    );
    let sampled = !errors.is_empty();
    let mut header = vec![
        t(&messages::CHANGE),
        t(&messages::FROM),
        t(&messages::TO),
        t(&messages::PART_OF_SCORE_CHANGE),
        t(&messages::PART_OF_RANK_CHANGE),
    ];
    if sampled {
        header.push(t(&messages::STANDARD_ERROR));
    }
    let mut rows: Vec<Vec<String>> = e
        .changes
        .iter()
        .zip(&labels)
        .enumerate()
        .map(|(i, ((_, f, t), label))| {
            let mut row = vec![
                label.clone(),
                f.clone(),
                t.clone(),
                signed(parts.get(i).copied().unwrap_or(0.0), d),
                signed(rank_parts.get(i).copied().unwrap_or(0.0), 1),
            ];
            if sampled {
                row.push(format!("±{:.*}", de, errors.get(i).copied().unwrap_or(0.0)));
            }
            row
        })
        .collect();
    let rank_total = match (rank_from, rank_to) {
        (Some(a), Some(b)) => signed(f64::from(*b) - f64::from(*a), 0),
        _ => "–".into(),
    };
    let mut last = vec![
        t(&messages::TOTAL),
        index_core::display::score(s0),
        index_core::display::score(s1),
        signed(total, d),
        rank_total,
    ];
    if sampled {
        last.push(String::new());
    }
    rows.push(last);
    Ok(WaterfallView {
        title: t_with(
            &messages::WHY_MOVED,
            &[
                ("name", name.clone().into()),
                ("from", from.into()),
                ("to", to.into()),
            ],
        ),
        sentence,
        label: t_with(&messages::WATERFALL_LABEL, &[("name", name.into())]),
        data: Waterfall {
            steps: labels.into_iter().zip(parts.iter().copied()).collect(),
            total: t(&messages::TOTAL_CHANGE),
        },
        header,
        rows,
    })
}

/// Each unit's largest cause of its change in `e`: `(code, "R&D weight (−0.024)")`, for the
/// units whose change is split and not zero.
pub fn largest_causes(bundle: &Bundle, e: &Explanation) -> Vec<(String, String)> {
    e.codes
        .iter()
        .zip(&e.units)
        .filter_map(|(code, u)| {
            let parts = &u.5;
            let i = largest(parts)?;
            let d = decimals(parts.iter().fold(0.0, |m: f64, p| m.max(p.abs())));
            let (name, _, _) = e.changes.get(i)?;
            Some((
                code.clone(),
                format!(
                    "{} ({})",
                    change_label(bundle, name),
                    signed(*parts.get(i)?, d)
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

    use index_core::attribution::{attribute, Plan};
    use index_core::method::Aggregation;
    use index_core::scenario::{MethodChoice, Resolved};

    use super::*;
    use crate::fixtures::bundle;

    fn changed() -> Scenario {
        let mut s = Scenario {
            bundle: "test".into(),
            method: MethodChoice {
                aggregation: Some(Aggregation::Geometric),
                ..MethodChoice::default()
            },
            ..Scenario::default()
        };
        s.weights.insert("x".into(), 3.0);
        s
    }

    #[test]
    fn the_waterfall_is_the_workers_parts_and_they_add_up() {
        let b = bundle("2024");
        let to = changed();
        let e = index_worker::jobs::explain(&b, None, &to).unwrap();
        let want = attribute(
            &b,
            &Resolved::defaults(&b),
            &to.resolve(&b).unwrap(),
            &Plan::default(),
        )
        .unwrap();
        for code in ["AAA", "BBB", "CCC", "DDD"] {
            let v = waterfall(&b, &e, code, "the published scenario", "the view shown").unwrap();
            let u = &want.units[b.dataset().unit_position(code).unwrap()];
            let parts: Vec<f64> = v.data.steps.iter().map(|s| s.1).collect();
            assert_eq!(
                parts, u.score,
                "{code}: the engine's parts, figure by figure"
            );
            let whole = u.score_to.unwrap() - u.score_from.unwrap();
            assert!((parts.iter().sum::<f64>() - whole).abs() < 1e-9, "{code}");
            assert_eq!(v.rows.len(), 3, "two changes and the total");
            assert_eq!(v.rows[2][0], "Total");
            assert_eq!(v.header.len(), 5, "exact: no error column");
        }
        let v = waterfall(&b, &e, "AAA", "the published scenario", "the view shown").unwrap();
        let labels: Vec<&str> = v.data.steps.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(labels, ["Aggregation", "Node x weight"]);
        assert_eq!(
            v.title,
            "Why Alpha moved from the published scenario to the view shown"
        );
        assert!(
            v.sentence.starts_with("Of the ") && v.sentence.contains("the aggregation for"),
            "{}",
            v.sentence
        );
        assert_eq!(v.rows[0][1..3], ["default".to_string(), "geometric".into()]);
        // EEE has no score in 2020: said in place, no chart.
        let e_eee = waterfall(&b, &e, "EEE", "a", "b").unwrap_err();
        assert_eq!(e_eee, "Echo: no score in either scenario.");
        assert!(waterfall(&b, &e, "ZZZ", "a", "b").is_err());
        // Nothing changed: nothing to draw.
        let none = index_worker::jobs::explain(&b, Some(&to), &to).unwrap();
        assert_eq!(
            waterfall(&b, &none, "AAA", "A", "B").unwrap_err(),
            "Nothing differs between A and B."
        );
    }

    #[test]
    fn sampled_parts_state_their_error() {
        let b = bundle("2024");
        let mut e = index_worker::jobs::explain(&b, None, &changed()).unwrap();
        e.sampled = 1000;
        for u in &mut e.units {
            if !u.5.is_empty() {
                u.7 = vec![0.0012, 0.0004];
            }
        }
        let v = waterfall(&b, &e, "AAA", "a", "b").unwrap();
        assert!(
            v.sentence.contains("1\u{202f}000 sampled orders"),
            "{}",
            v.sentence
        );
        assert!(v.sentence.contains("the largest ±0.0012"), "{}", v.sentence);
        assert_eq!(v.header.last().unwrap(), "Standard error");
        assert!(v.rows[0].last().unwrap().starts_with('±'));
    }

    #[test]
    fn largest_causes_name_the_largest_part() {
        let b = bundle("2024");
        let e = index_worker::jobs::explain(&b, None, &changed()).unwrap();
        let causes = largest_causes(&b, &e);
        for (code, cause) in &causes {
            let u = &e.units[e.codes.iter().position(|c| c == code).unwrap()];
            let i = largest(&u.5).unwrap();
            assert!(
                cause.starts_with(&change_label(&b, &e.changes[i].0)),
                "{cause}"
            );
            assert!(u.5.iter().all(|p| p.abs() <= u.5[i].abs()));
        }
        assert!(
            !causes.iter().any(|(c, _)| c == "EEE"),
            "unscored: no cause"
        );
        assert_eq!(largest(&[0.0, -0.3, 0.3]), Some(1), "the first of equals");
        assert_eq!(largest(&[0.0, 0.0]), None);
    }

    #[test]
    fn changes_and_numbers_read_well() {
        let b = bundle("2024");
        assert_eq!(change_label(&b, "weight:x"), "Node x weight");
        assert_eq!(change_label(&b, "weights:idx"), "Weights within Node idx");
        assert_eq!(change_label(&b, "carry_forward"), "Carry forward");
        assert_eq!(in_sentence("Normalisation"), "normalisation");
        assert_eq!(
            in_sentence("ICT deployment weight"),
            "ICT deployment weight"
        );
        assert_eq!(signed(-0.031, decimals(0.031)), "−0.0310");
        assert_eq!(signed(3.2, decimals(3.2)), "+3.20");
        assert_eq!(signed(0.00001, 3), "0");
    }
}
