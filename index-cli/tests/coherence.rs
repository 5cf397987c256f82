//! `index coherence` on the real shared data (FTRI, the JRC's ASEM example).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeMap;

mod common;
use common::{index, scenario_file};

fn json(args: &[&str]) -> serde_json::Value {
    let (ok, out, err) = index(args);
    assert!(ok, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// Checks a correlation row's `r` (`pearson`, `spearman`, `r_index`): in [−1, 1] and no note,
/// or null with a note.
#[track_caller]
fn check_correlation(row: &serde_json::Value, key: &str, units: u64) {
    assert!(row["n"].as_u64().unwrap() <= units, "{row}");
    match row[key].as_f64() {
        Some(r) => {
            assert!((-1.0..=1.0).contains(&r), "{row}");
            assert!(row["note"].is_null(), "{row}");
        }
        None => assert!(row["note"].is_string(), "{row}"),
    }
}

/// Sums of `key` over the rows of `rows` with each parent.
fn sums_by_parent(rows: &[serde_json::Value], key: &str) -> BTreeMap<String, f64> {
    let mut sums = BTreeMap::new();
    for w in rows {
        *sums
            .entry(w["parent"].as_str().unwrap().to_string())
            .or_insert(0.0) += w[key].as_f64().unwrap();
    }
    sums
}

#[test]
fn asem_every_table_in_json() {
    let v = json(&["coherence", "--bundle", "asem", "--format", "json"]);
    assert_eq!(v["bundle"], "asem");
    // 49 indicators (49·48/2 pairs), 8 pillars (28), 2 sub-indices (1); then each indicator with
    // its pillar, sub-index and index (49·3), each pillar with two (8·2), each sub-index with one.
    let correlations = v["correlations"].as_array().unwrap();
    assert_eq!(correlations.len(), 1176 + 28 + 1 + 147 + 16 + 2);
    for c in correlations {
        check_correlation(c, "pearson", 51);
        check_correlation(c, "spearman", 51);
        // Flags as the rules say.
        let r = c["pearson"].as_f64();
        let flags: Vec<&str> = c["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        let siblings = c["relation"] == "siblings";
        let same_level = siblings || c["relation"] == "same_level";
        assert_eq!(
            flags.contains(&"negative_within"),
            siblings && r.unwrap() < 0.0,
            "{c}"
        );
        assert_eq!(
            flags.contains(&"near_duplicate"),
            same_level && r.unwrap().abs() > 0.92,
            "{c}"
        );
    }
    // How pairs stand: an indicator with its pillar and the index, the two sub-indices.
    let find = |a: &str, b: &str| {
        correlations
            .iter()
            .find(|c| c["a"] == a && c["b"] == b)
            .unwrap_or_else(|| panic!("{a}, {b}"))
    };
    assert_eq!(find("LPI", "Physical")["relation"], "parent");
    assert_eq!(find("LPI", "Index")["relation"], "ancestor");
    assert_eq!(find("Conn", "Sust")["relation"], "siblings");

    // α: the index, 2 sub-indices, 8 pillars; at most 1; every unit a complete case (imputed).
    let alpha = v["alpha"].as_array().unwrap();
    assert_eq!(alpha.len(), 11);
    assert_eq!(alpha[0]["node"], "Index");
    for a in alpha {
        assert!(a["alpha"].as_f64().unwrap() <= 1.0, "{a}");
        assert_eq!(a["n"], 51, "{a}");
        assert_eq!(
            a["k"].as_u64().unwrap() as usize,
            a["children"].as_array().unwrap().len()
        );
    }

    // Weights: nominal and effective shares each add up to 1 among siblings.
    let weights = v["weights"].as_array().unwrap();
    assert_eq!(weights.len(), 49 + 8 + 2);
    for key in ["nominal_share", "effective_share"] {
        for (parent, sum) in sums_by_parent(weights, key) {
            assert!((sum - 1.0).abs() < 1e-9, "{key} under {parent}: {sum}");
        }
    }
    for w in weights {
        check_correlation(w, "r_index", 51);
        let r = w["r_index"].as_f64().unwrap();
        assert!((w["importance"].as_f64().unwrap() - r * r).abs() < 1e-15);
    }

    // Leave one out: every indicator, pillar and sub-index.
    let loo = v["leave_one_out"].as_array().unwrap();
    assert_eq!(loo.len(), 59);
    for s in loo {
        assert_eq!(s["compared"], 51, "{s}");
        let (median, mean, max) = (
            s["median_abs_change"].as_f64().unwrap(),
            s["mean_abs_change"].as_f64().unwrap(),
            s["max_abs_change"].as_f64().unwrap(),
        );
        assert!(median <= max && mean <= max, "{s}");
        assert_eq!(
            s["most_moved_by"].as_i64().unwrap().unsigned_abs() as f64,
            max
        );
    }

    // Strengths: every unit, best first, a row per indicator listed; at least 3 of each kind
    // (ties can add more), the strengths ranked no worse than the weaknesses.
    let strengths = v["strengths"].as_array().unwrap();
    assert_eq!(strengths[0]["rank"], 1);
    let mut by_unit: BTreeMap<&str, (Vec<u64>, Vec<u64>)> = BTreeMap::new();
    for s in strengths {
        let lists = by_unit.entry(s["code"].as_str().unwrap()).or_default();
        let rank = s["indicator_rank"].as_u64().unwrap();
        match s["kind"].as_str().unwrap() {
            "strength" => lists.0.push(rank),
            "weakness" => lists.1.push(rank),
            other => panic!("{other}"),
        }
    }
    assert_eq!(by_unit.len(), 51);
    for (code, (best, worst)) in by_unit {
        assert!(best.len() >= 3 && worst.len() >= 3, "{code}");
        assert!(best.windows(2).all(|w| w[0] <= w[1]), "{code}");
        assert!(worst.windows(2).all(|w| w[0] >= w[1]), "{code}");
        assert!(best.last() <= worst.last(), "{code}");
    }
}

#[test]
fn csv_gives_one_table_per_what() {
    for (what, header) in [
        ("correlations", "a,b,relation,n,pearson,spearman,flags,note"),
        ("alpha", "node,name,children,k,n,alpha,note"),
        (
            "weights",
            "node,name,parent,nominal_share,nominal_overall,r_index,importance,effective_share,n,note",
        ),
        (
            "leave-one-out",
            "node,name,also_removed,compared,unranked,median_abs_change,mean_abs_change,max_abs_change,most_moved,most_moved_by,note",
        ),
        (
            "strengths",
            "code,name,rank,kind,indicator,indicator_name,indicator_rank,of",
        ),
    ] {
        let (ok, out, err) = index(&["coherence", "--bundle", "ftri", "--what", what]);
        assert!(ok, "{what}: {err}");
        assert_eq!(out.lines().next().unwrap(), header, "{what}");
    }
    // The default table is the correlations: 10 pairs of blocks, 5 blocks with the index.
    let (ok, out, _) = index(&["coherence", "--bundle", "ftri"]);
    assert!(ok);
    assert_eq!(out.lines().count(), 1 + 10 + 5);
    assert!(out.contains("\nict,skills,siblings,166,"), "{out}");
    // JSON with --what: that table only.
    let v = json(&[
        "coherence",
        "--bundle",
        "ftri",
        "--format",
        "json",
        "--what",
        "alpha",
    ]);
    assert!(v["alpha"].is_array() && v.get("correlations").is_none());
    assert_eq!(v["alpha"][0]["k"], 5);
}

#[test]
fn ftri_leave_one_out_of_a_block_weighted_zero_changes_nothing() {
    let s = scenario_file(
        "rd-zero.json",
        r#"{"format": 2, "bundle": "ftri", "weights": {"rd": 0}}"#,
    );
    let (ok, out, err) = index(&[
        "coherence",
        "--scenario",
        s.to_str().unwrap(),
        "--what",
        "leave-one-out",
    ]);
    assert!(ok, "{err}");
    let rd = out.lines().find(|l| l.starts_with("rd,")).unwrap();
    assert_eq!(
        rd.split(',').collect::<Vec<_>>()[3..8],
        ["166", "0", "0.0000", "0.0000", "0"],
        "{rd}"
    );
    // Removing another block does move units.
    let ict = out.lines().find(|l| l.starts_with("ict,")).unwrap();
    assert_ne!(ict.split(',').nth(7), Some("0"), "{ict}");
}

#[test]
fn ftri_strengths_of_one_unit_and_refusals() {
    let (ok, out, err) = index(&[
        "coherence",
        "--bundle",
        "ftri",
        "--what",
        "strengths",
        "--unit",
        "KEN",
        "--top",
        "2",
    ]);
    assert!(ok, "{err}");
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert!(rows.iter().all(|r| r[0] == "KEN"));
    let kind = |k: &str| rows.iter().filter(|r| r[3] == k).count();
    assert_eq!((kind("strength"), kind("weakness")), (2, 2), "{out}");

    let (ok, _, err) = index(&["coherence", "--bundle", "ftri", "--unit", "XXX"]);
    assert!(!ok);
    assert!(err.contains("no unit `XXX`"), "{err}");
    let (ok, _, err) = index(&["coherence", "--bundle", "ftri", "--top", "0"]);
    assert!(!ok);
    assert!(err.contains("--top"), "{err}");
    // An index published as one score: one child, no α, nothing to leave out.
    let (ok, out, err) = index(&["coherence", "--bundle", "ftri-2025", "--what", "alpha"]);
    assert!(ok, "{err}");
    assert!(out.contains(",1,169,,only one child"), "{out}");
    let (ok, out, err) = index(&[
        "coherence",
        "--bundle",
        "ftri-2025",
        "--what",
        "leave-one-out",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("nothing of the index would be left"), "{out}");
}
