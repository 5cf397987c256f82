//! `index explain` and `index target` on the real shared data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;
use common::{index, scenario_file};

/// Checks that every split unit's parts add up to its change in score (to 1e-9) and in rank.
#[track_caller]
fn check_sums(json: &str) -> usize {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut split = 0;
    for u in v["units"].as_array().unwrap() {
        if !u["split"].as_bool().unwrap() {
            assert!(u["score_parts"].as_array().unwrap().is_empty());
            continue;
        }
        split += 1;
        let sum = |key: &str| -> f64 {
            u[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_f64().unwrap())
                .sum()
        };
        let whole = u["score_to"].as_f64().unwrap() - u["score_from"].as_f64().unwrap();
        assert!((sum("score_parts") - whole).abs() < 1e-9, "{u}");
        let moved = u["rank_to"].as_f64().unwrap() - u["rank_from"].as_f64().unwrap();
        assert!((sum("rank_parts") - moved).abs() < 1e-9, "{u}");
    }
    split
}

#[test]
fn explain_splits_each_units_change_among_the_changes_on_ftri() {
    let from = scenario_file(
        "from.json",
        r#"{"format": 2, "bundle": "ftri", "weights": {"ict": 2}}"#,
    );
    let to = scenario_file(
        "to.json",
        r#"{"format": 2, "bundle": "ftri", "weights": {"rd": 3, "finance": 0.5},
            "method": {"aggregation": "geometric",
                       "normalisation": {"type": "min_max", "low": 0, "high": 1}}}"#,
    );
    let (from, to) = (from.to_str().unwrap(), to.to_str().unwrap());
    let (ok, json, err) = index(&[
        "explain", "--bundle", "ftri", "--from", from, "--to", to, "--format", "json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let names: Vec<&str> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "normalisation",
            "aggregation",
            "weight:ict",
            "weight:rd",
            "weight:finance"
        ]
    );
    assert_eq!(v["estimate"], "exact");
    assert_eq!(v["scorings"], 32);
    assert_eq!(v["preparations"], 4);
    assert!(check_sums(&json) > 100);

    // The CSV: the columns the issue names, then one per change.
    let (ok, csv, err) = index(&["explain", "--bundle", "ftri", "--from", from, "--to", to]);
    assert!(ok, "{err}");
    assert_eq!(
        csv.lines().next().unwrap(),
        "code,name,score_from,score_to,rank_from,rank_to,normalisation,aggregation,weight:ict,weight:rd,weight:finance"
    );

    // Sampled orders: the parts still add up, each with its standard error.
    let (ok, json, err) = index(&[
        "explain",
        "--to",
        to,
        "--exact-up-to",
        "0",
        "--permutations",
        "40",
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    assert!(check_sums(&json) > 100);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["estimate"]["sampled"]["permutations"], 40);
    let first = &v["units"][0];
    assert_eq!(first["score_errors"].as_array().unwrap().len(), 4);

    // One unit, step by step.
    let (ok, text, err) = index(&["explain", "--to", to, "--unit", "KEN", "--format", "text"]);
    assert!(ok, "{err}");
    assert!(text.starts_with("KEN (Kenya): "), "{text}");
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(text.contains("weight:rd: 1 → 3"), "{text}");

    let (ok, _, err) = index(&["explain", "--to", to, "--unit", "XXX"]);
    assert!(!ok);
    assert!(err.contains("no unit `XXX`"), "{err}");
}

#[test]
fn target_finds_what_kenya_needs_on_ftri() {
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec![
            "target", "--bundle", "ftri", "--unit", "KEN", "--format", "json",
        ];
        all.extend_from_slice(args);
        let (ok, out, err) = index(&all);
        assert!(ok, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let v = json(&["--rank", "80", "--indicators", "rd"]);
    assert_eq!(v["status"], "reached");
    let before = v["before"]["rank"].as_u64().unwrap();
    let after = v["after"]["rank"].as_u64().unwrap();
    assert!(before > 80 && after <= 80, "{v}");
    let rd = &v["moves"][0];
    let (current, needed) = (
        rd["current"].as_f64().unwrap(),
        rd["needed"].as_f64().unwrap(),
    );
    assert!(current < needed && needed <= rd["best_observed"].as_f64().unwrap());
    assert!((rd["change"].as_f64().unwrap() - (needed - current)).abs() < 1e-12);
    // FTRI's blocks are scores taken as they are: nothing moves with Kenya's value.
    assert_eq!(v["depends_on_data"], false);
    assert_eq!(v["monotone"], true);

    // Every block together closes less of each gap than R&D alone.
    let all = json(&["--rank", "80"]);
    assert_eq!(all["moves"].as_array().unwrap().len(), 5);
    assert!(all["share_of_gaps"].as_f64().unwrap() < v["share_of_gaps"].as_f64().unwrap());

    let top = json(&["--rank", "1", "--indicators", "rd"]);
    assert_eq!(top["status"], "out of reach within the observed range");
    assert!(top["after"]["rank"].as_u64().unwrap() > 1);

    let there = json(&["--rank", "166"]);
    assert_eq!(there["status"], "already there");
    assert_eq!(there["runs"], 0);

    // In text, a line per indicator and the summary.
    let (ok, text, err) = index(&[
        "target",
        "--bundle",
        "ftri",
        "--unit",
        "KEN",
        "--past",
        "ZAF",
        "-i",
        "rd,skills",
    ]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("Research and development: +"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("KEN (Kenya) past ZAF: reached"),
        "{text}"
    );

    let (ok, _, err) = index(&[
        "target", "--bundle", "ftri", "--unit", "KEN", "--rank", "3", "-i", "nope",
    ]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "index: target: `nope` is not one of the indicators of bundle `ftri`"
    );
}
