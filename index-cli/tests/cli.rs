//! The `index` command on the real shared data and on small scenario files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::process::Command;

mod common;
use common::{index, scenario_file};

#[test]
fn hdi_2022_matches_undp_and_lists_unscored_units_last_with_the_reason() {
    let (ok, out, err) = index(&["rank", "--bundle", "hdi", "--year", "2022", "--digits", "3"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "code,name,score,rank,health,education,income,note"
    );
    // HDR 2023/24 published values, to three decimals.
    assert!(
        lines[1].starts_with("CHE,Switzerland,0.967,1,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("NOR,Norway,0.966,2,"), "{}", lines[2]);
    assert!(lines[3].starts_with("ISL,Iceland,0.959,3,"), "{}", lines[3]);
    let last = lines.last().unwrap();
    assert!(last.ends_with("too few values for a score"), "{last}");
    // Ranked rows come before every unranked row.
    let first_unranked = lines.iter().position(|l| l.contains(",,")).unwrap();
    assert!(lines[first_unranked..]
        .iter()
        .all(|l| l.split(',').nth(3) == Some("")));
}

#[test]
fn a_scenario_file_changes_the_ranking_and_compare_reports_the_moves() {
    let base = scenario_file(
        "base.json",
        r#"{"format": 2, "name": "published", "bundle": "ftri"}"#,
    );
    let rd = scenario_file(
        "rd.json",
        r#"{"format": 2, "name": "R&D x3", "bundle": "ftri", "weights": {"rd": 3}}"#,
    );
    let (ok, plain, err) = index(&["rank", "--bundle", "ftri", "--format", "json"]);
    assert!(ok, "{err}");
    let (ok, same, _) = index(&[
        "rank",
        "--scenario",
        base.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(ok);
    assert_eq!(plain, same, "the published scenario is the default view");
    let (ok, table, err) = index(&[
        "compare",
        "-s",
        base.to_str().unwrap(),
        "-s",
        rd.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&table).unwrap();
    let moves = v["moves"].as_array().unwrap();
    let first = &moves[0];
    let largest = first["largest_move"].as_u64().unwrap();
    assert!(largest > 0);
    assert!(moves
        .windows(2)
        .all(|w| w[0]["largest_move"].as_u64() >= w[1]["largest_move"].as_u64()));
    let ranks = first["ranks"].as_array().unwrap();
    let (a, b) = (ranks[0].as_i64().unwrap(), ranks[1].as_i64().unwrap());
    assert_eq!(first["change"].as_i64().unwrap(), a - b);
    assert_eq!(v["gaps"].as_array().unwrap().len(), 2);
}

#[test]
fn gaps_compare_ldcs_with_developed_economies() {
    let (ok, out, err) = index(&["gaps", "--bundle", "ftri", "--format", "csv"]);
    assert!(ok, "{err}");
    let index_row = out.lines().nth(1).unwrap();
    let cells: Vec<&str> = index_row.split(',').collect();
    assert_eq!(&cells[..3], &["2021", "ftri", "LDC"]);
    let (a, b, gap): (f64, f64, f64) = (
        cells[5].parse().unwrap(),
        cells[10].parse().unwrap(),
        cells[12].parse().unwrap(),
    );
    assert!(a < b);
    assert!((gap - (b - a)).abs() < 1e-3);
}

#[test]
fn errors_name_what_is_wrong() {
    let (ok, _, err) = index(&["rank", "--bundle", "nope"]);
    assert!(!ok);
    assert!(err.contains("nope") && err.contains("ftri"), "{err}");
    let bad = scenario_file(
        "bad.json",
        r#"{"format": 1, "bundle": "ftri", "weights": {"rd": -2}}"#,
    );
    let (ok, _, err) = index(&["rank", "--scenario", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("rd") && err.contains("-2"), "{err}");
    let future = scenario_file("future.json", r#"{"format": 9, "bundle": "ftri"}"#);
    let (ok, _, err) = index(&["rank", "--scenario", future.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("format version 9"), "{err}");
    let (ok, _, err) = index(&["gaps", "--bundle", "ftri", "--groups", "LDC,martians"]);
    assert!(!ok);
    assert!(err.contains("martians"), "{err}");
}

#[test]
fn a_scenario_over_the_limits_fails_at_once_naming_the_field_and_the_limit() {
    let bad = scenario_file(
        "carry.json",
        r#"{"format": 1, "bundle": "ftri", "method": {"carry_forward": 4000000000}}"#,
    );
    let (ok, _, err) = index(&["rank", "--scenario", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("carry_forward: 4000000000 is over the limit of 50 years"),
        "{err}"
    );
    let huge = scenario_file(
        "huge.json",
        r#"{"format": 1, "bundle": "ftri", "weights": {"ict": 1e308, "skills": 1e308,
            "rd": 1e308, "industry": 1e308, "finance": 1e308}}"#,
    );
    let (ok, _, err) = index(&["rank", "--scenario", huge.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("from 0 to 1000000, got 1e308"), "{err}");
}

#[test]
fn a_byte_order_mark_is_read_as_browsers_read_it() {
    let plain = r#"{"format": 1, "bundle": "ftri", "weights": {"rd": 3}}"#;
    let with_bom = scenario_file("bom.json", &format!("\u{feff}{plain}"));
    let without = scenario_file("no-bom.json", plain);
    let (ok, a, err) = index(&["rank", "--scenario", with_bom.to_str().unwrap()]);
    assert!(ok, "{err}");
    let (ok, b, err) = index(&["rank", "--scenario", without.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(a, b);
}

#[test]
fn oversized_input_is_refused_without_reading_it_all() {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_index"))
        .args(["rank", "--bundle", "ftri", "--scenario", "/dev/stdin"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Writes until the reader stops reading (a broken pipe ends it), at most 64 MiB.
    let writer = std::thread::spawn(move || {
        let block = vec![b' '; 1 << 16];
        let mut written = 0usize;
        while written < 64 << 20 && stdin.write_all(&block).is_ok() {
            written += block.len();
        }
        written
    });
    let out = child.wait_with_output().unwrap();
    let written = writer.join().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(
        err.contains("/dev/stdin is larger than 1 MiB, the most read for a scenario file"),
        "{err}"
    );
    assert!(written < 64 << 20, "the reader stopped reading");
}

#[test]
fn a_negative_year_is_a_year() {
    let (ok, _, err) = index(&["rank", "--bundle", "hdi", "--year", "-1"]);
    assert!(!ok);
    assert!(err.contains("there is no data for -1"), "{err}");
}

/// `index performers` as (code, rank, expected_rank, difference, index_rank) rows, from CSV or
/// JSON, with stderr.
type PerformerRow = (String, i64, i64, i64, i64);

fn performers_csv(args: &[&str]) -> (Vec<PerformerRow>, String) {
    let (ok, out, err) = index(&[&["performers"], args].concat());
    assert!(ok, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "code",
            "name",
            "rank",
            "expected_rank",
            "difference",
            "index_rank"
        ]
    );
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let n = |i: usize| r[i].parse::<i64>().unwrap();
            (r[0].to_string(), n(2), n(3), n(4), n(5))
        })
        .collect();
    (rows, err)
}

#[test]
fn performers_rank_every_scored_unit_with_gdp_against_its_income() {
    let (rows, err) = performers_csv(&["--bundle", "ftri"]);
    assert!(rows.len() > 100, "{}", rows.len());
    for (code, rank, expected, difference, _) in &rows {
        assert_eq!(*difference, expected - rank, "{code}");
    }
    // Largest over-performer first.
    assert!(rows.windows(2).all(|w| w[0].3 >= w[1].3));
    // Both ranks are over the units compared: 1..n each (FTRI 2019 has no ties).
    for pick in [|r: &PerformerRow| r.1, |r: &PerformerRow| r.2] {
        let mut ranks: Vec<i64> = rows.iter().map(pick).collect();
        ranks.sort_unstable();
        assert_eq!(ranks, (1..=rows.len() as i64).collect::<Vec<_>>());
    }

    // The JSON says the same, and lists the scored units left out, which stderr names.
    let (ok, out, json_err) = index(&["performers", "--bundle", "ftri", "--format", "json"]);
    assert!(ok, "{json_err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let from_json: Vec<PerformerRow> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let n = |k: &str| u[k].as_i64().unwrap();
            let code = u["code"].as_str().unwrap().to_string();
            (
                code,
                n("rank"),
                n("expected_rank"),
                n("difference"),
                n("index_rank"),
            )
        })
        .collect();
    assert_eq!(from_json, rows);
    let left: Vec<&str> = v["without_gdp"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap())
        .collect();
    assert_eq!(v["fit"]["n"].as_u64(), Some(rows.len() as u64));
    assert!(v["fit"]["slope"].as_f64().unwrap() > 0.0, "richer, higher");
    if left.is_empty() {
        assert!(err.is_empty(), "{err}");
    } else {
        let total = rows.len() + left.len();
        assert!(
            err.starts_with(&format!(
                "note: {} of {total} scored units left out",
                left.len()
            )),
            "{err}"
        );
        assert!(left.iter().all(|code| err.contains(code)), "{err}");
    }

    // `index_rank` is `index rank`'s rank, and every unit it ranks is in one list or the other.
    let (ok, ranking, err) = index(&["rank", "--bundle", "ftri", "--format", "json"]);
    assert!(ok, "{err}");
    let ranking: serde_json::Value = serde_json::from_str(&ranking).unwrap();
    let ranked: Vec<(String, i64)> = ranking["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| Some((u["code"].as_str()?.to_string(), u["rank"].as_i64()?)))
        .collect();
    assert_eq!(ranked.len(), rows.len() + left.len());
    for (code, _, _, _, index_rank) in &rows {
        assert!(ranked.contains(&(code.clone(), *index_rank)), "{code}");
    }
}

#[test]
fn performers_follow_the_scenario_and_the_year() {
    let rd = scenario_file(
        "performers-rd.json",
        r#"{"format": 2, "name": "R&D x3", "bundle": "ftri", "weights": {"rd": 3}}"#,
    );
    let (plain, _) = performers_csv(&["--bundle", "ftri"]);
    let (weighted, _) = performers_csv(&["--scenario", rd.to_str().unwrap()]);
    assert_ne!(plain, weighted, "the weights move the actual ranks");
    let ranks = |rows: &[PerformerRow]| {
        let mut r: Vec<(String, i64)> = rows.iter().map(|r| (r.0.clone(), r.2)).collect();
        r.sort();
        r
    };
    assert_eq!(ranks(&plain), ranks(&weighted), "not the expected ones");
    let (ok, _, err) = index(&["performers", "--bundle", "hdi", "--year", "1890"]);
    assert!(!ok);
    assert!(err.contains("there is no data for 1890"), "{err}");
}

#[test]
fn a_version_1_file_opens_the_edition_it_was_made_for() {
    // Format 1's `ftri` was UNCTAD's TIR 2021 edition, now `ftri-2021`; `ftri` is the TIR 2023
    // release. An old file ranks what it ranked.
    let old = scenario_file(
        "v1-ftri.json",
        r#"{"format": 1, "bundle": "ftri", "weights": {"rd": 3}}"#,
    );
    let new = scenario_file(
        "v2-ftri-2021.json",
        r#"{"format": 2, "bundle": "ftri-2021", "weights": {"rd": 3}}"#,
    );
    let (ok, a, err) = index(&["rank", "--scenario", old.to_str().unwrap()]);
    assert!(ok, "{err}");
    let (ok, b, err) = index(&["rank", "--scenario", new.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(a, b);
    let (ok, c, _) = index(&["rank", "--bundle", "ftri", "--year", "2019"]);
    assert!(ok);
    assert_ne!(a, c, "the TIR 2023 release revised 2019");
}

#[test]
fn gaps_of_three_groups_give_shares_and_the_extremes_in_words() {
    let (ok, out, err) = index(&[
        "gaps",
        "--bundle",
        "ftri",
        "--groups",
        "LDC,developing,developed",
        "--format",
        "csv",
        "--digits",
        "6",
    ]);
    assert!(ok, "{err}");
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "year",
            "node",
            "group",
            "members",
            "scored",
            "mean",
            "median",
            "share_of_LDC",
            "share_of_developing",
            "share_of_developed"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    // Six nodes (the index and five blocks) × three groups.
    assert_eq!(rows.len(), 18);
    let num = |row: &csv::StringRecord, i: usize| row[i].parse::<f64>().unwrap();
    // The three groups never overlap and hold every unit of the TIR 2023 release.
    let members: f64 = rows[..3].iter().map(|row| num(row, 3)).sum();
    assert_eq!(members, 166.0);
    for node in rows.chunks(3) {
        for (i, row) in node.iter().enumerate() {
            for (j, other) in node.iter().enumerate() {
                let share = num(row, 7 + j);
                let want = num(row, 5) / num(other, 5);
                assert!((share - want).abs() < 1e-4 * want, "{row:?} vs {other:?}");
                if i == j {
                    assert!((share - 1.0).abs() < 1e-9);
                }
            }
        }
    }
    assert!(
        err.starts_with("note: 2021: The largest gap: Least developed countries (LDCs) score"),
        "{err}"
    );
    // The same figures as JSON, with the sentence.
    let (ok, json, _) = index(&[
        "gaps",
        "--bundle",
        "ftri",
        "--groups",
        "LDC,developing,developed",
        "--format",
        "json",
    ]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v[0]["groups"],
        serde_json::json!(["LDC", "developing", "developed"])
    );
    assert!(v[0]["sentence"].as_str().unwrap().contains("The smallest:"));
    let (ok, _, err) = index(&["gaps", "--bundle", "ftri", "--groups", "LDC"]);
    assert!(!ok);
    assert!(err.contains("two or more group ids"), "{err}");
}

/// `index uncertainty` rows as (code, rank, median, q05, q95).
fn uncertainty_csv(args: &[&str]) -> (Vec<(String, [u32; 4])>, String) {
    let (ok, out, err) = index(&[&["uncertainty"], args].concat());
    assert!(ok, "{err}");
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("code,name,rank,median_rank,q05,q95"));
    let rows = lines
        .map(|line| {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(line.as_bytes());
            let rec = r.records().next().unwrap().unwrap();
            let n = |i: usize| rec[i].parse::<u32>().unwrap();
            (rec[0].to_string(), [n(2), n(3), n(4), n(5)])
        })
        .collect();
    (rows, err)
}

#[test]
fn uncertainty_without_variation_is_the_ranking_itself() {
    let (rows, err) =
        uncertainty_csv(&["--bundle", "ftri", "--draws", "64", "--weight-noise", "0"]);
    let (ok, ranking, _) = index(&["rank", "--bundle", "ftri"]);
    assert!(ok);
    let ranked = ranking
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(3).is_some_and(|r| !r.is_empty()))
        .count();
    assert_eq!(rows.len(), ranked);
    for (code, [rank, median, q05, q95]) in &rows {
        assert_eq!([*median, *q05, *q95], [*rank; 3], "{code}");
    }
    assert!(
        err.contains("64 draws (seed 1) varying weights ±0 %"),
        "{err}"
    );
    assert!(err.contains("0 of 166 units' 5–95 % interval"), "{err}");
}

#[test]
fn uncertainty_is_the_same_for_the_same_seed_and_brackets_the_median() {
    let args = [
        "--bundle",
        "ftri",
        "--draws",
        "512",
        "--simplex",
        "--seed",
        "9",
    ];
    let (a, err) = uncertainty_csv(&args);
    let (b, _) = uncertainty_csv(&args);
    assert_eq!(a, b);
    let (c, _) = uncertainty_csv(&[
        "--bundle",
        "ftri",
        "--draws",
        "512",
        "--simplex",
        "--seed",
        "10",
    ]);
    assert_ne!(a, c);
    assert!(a.iter().all(|(_, [_, m, lo, hi])| lo <= m && m <= hi));
    assert!(a.iter().any(|(_, [_, _, lo, hi])| hi - lo > 20));
    assert!(err.contains("gap LDC − developed"), "{err}");
}

#[test]
fn uncertainty_options_are_checked_and_sensitivity_finds_what_matters() {
    let (ok, _, err) = index(&[
        "uncertainty",
        "--bundle",
        "ftri",
        "--vary",
        "weights,colour",
    ]);
    assert!(!ok);
    assert!(
        err.contains("`colour` is not an input; choose from weights, normalisation"),
        "{err}"
    );
    let (ok, _, err) = index(&["uncertainty", "--bundle", "ftri", "--draws", "70000"]);
    assert!(!ok);
    assert!(
        err.contains("draws must be from 1 to 65536, got 70000"),
        "{err}"
    );
    let (ok, out, err) = index(&[
        "uncertainty",
        "--bundle",
        "ftri",
        "--vary",
        "weights,imputation",
        "--draws",
        "256",
        "--sensitivity",
        "--bootstrap",
        "50",
    ]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "input,first_order,first_q05,first_q95,total_effect,total_q05,total_q95"
    );
    // FTRI's blocks have no gaps to fill: imputation on or off changes no rank.
    assert_eq!(
        lines[2],
        "imputation,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000"
    );
    assert!(lines[1].starts_with("weights,"));
    assert!(err.contains("1024 runs"), "{err}");
}

#[test]
fn uncertainty_json_gives_each_ranks_probability_and_pairs_add_up() {
    let (ok, out, err) = index(&[
        "uncertainty",
        "--bundle",
        "ftri",
        "--draws",
        "2000",
        "--simplex",
        "--format",
        "json",
        "--pair",
        "SWE,KOR",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for u in v["units"].as_array().unwrap() {
        let acc = u["acceptability"].as_array().unwrap();
        let total: f64 = acc.iter().map(|x| x[1].as_f64().unwrap()).sum();
        assert!((total - 1.0).abs() < 1e-9, "{}: {total}", u["code"]);
        let ranks: Vec<u64> = acc.iter().map(|x| x[0].as_u64().unwrap()).collect();
        assert_eq!(
            ranks.first(),
            u["best_drawn"].as_u64().as_ref(),
            "{}",
            u["code"]
        );
        assert_eq!(
            ranks.last(),
            u["worst_drawn"].as_u64().as_ref(),
            "{}",
            u["code"]
        );
    }
    let ab = v["pair"]["a_above_b"].as_f64().unwrap();
    let (ok, out, _) = index(&[
        "uncertainty",
        "--bundle",
        "ftri",
        "--draws",
        "2000",
        "--simplex",
        "--format",
        "json",
        "--pair",
        "KOR,SWE",
    ]);
    assert!(ok);
    let w: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ba = w["pair"]["a_above_b"].as_f64().unwrap();
    // Ties aside (none between two continuous scores), one of the two ranks above the other.
    assert!((ab + ba - 1.0).abs() < 1e-9, "{ab} + {ba}");
    assert!(ab > 0.0 && ba > 0.0, "under any weights both orders occur");
}

/// The PCI's `ict` scores of `index rank` for `year` with `args` (JSON, full precision).
fn ict_scores(year: &str, args: &[&str]) -> Vec<f64> {
    let mut all = vec![
        "rank", "--bundle", "pci", "--year", year, "--format", "json",
    ];
    all.extend_from_slice(args);
    let (ok, out, err) = index(&all);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["pillars"]["ict"].as_f64())
        .collect()
}

#[test]
fn normalising_across_years_pools_every_year_of_the_bundle() {
    // Min-max 0–100 on the PCI's categories (UNCTAD's scores, not rescaled each year; FTRI's
    // blocks are, 0–1 in every year, so pooling them changes nothing): within each year every
    // year's best is 100; over all years only the best of all years is, so 0 and 100 are each
    // reached in some year, and some year's best is below 100.
    let minmax = scenario_file(
        "minmax.json",
        r#"{"format": 2, "bundle": "pci", "method": {"normalisation": {"type": "min_max", "low": 0, "high": 100}}}"#,
    );
    let pooled = scenario_file(
        "pooled.json",
        r#"{"format": 2, "bundle": "pci", "method": {"normalisation": {"type": "min_max", "low": 0, "high": 100}, "normalise_over": "all_years"}}"#,
    );
    let (ok, out, err) = index(&["gaps", "--bundle", "pci", "--all-years", "--format", "csv"]);
    assert!(ok, "{err}");
    let mut years: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    years.dedup();
    assert!(years.len() > 5, "{years:?}");
    let max = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let (mut lowest, mut highest, mut below) = (f64::INFINITY, f64::NEG_INFINITY, 0);
    for year in &years {
        let m = minmax.to_str().unwrap();
        let within = ict_scores(year, &["--scenario", m]);
        assert!(
            (max(&within) - 100.0).abs() < 1e-9,
            "{year}: {}",
            max(&within)
        );
        let across = ict_scores(year, &["--scenario", m, "--normalise-across-years"]);
        // The flag and the scenario's choice are one thing.
        let p = pooled.to_str().unwrap();
        assert_eq!(across, ict_scores(year, &["--scenario", p]), "{year}");
        assert_eq!(across.len(), within.len());
        lowest = lowest.min(min(&across));
        highest = highest.max(max(&across));
        if max(&across) < 100.0 - 1e-9 {
            below += 1;
        }
    }
    assert!(
        lowest.abs() < 1e-9 && (highest - 100.0).abs() < 1e-9,
        "{lowest} {highest}"
    );
    assert!(below > 0, "some year's best is below the best of all years");
}

#[test]
fn rank_all_years_for_one_unit_is_each_years_ranking() {
    // Min-max on the PCI's categories, over all years: the years prepared together (pooled
    // once) give each year's figures as ranking that year alone does.
    let pooled = scenario_file(
        "pooled-pci.json",
        r#"{"format": 2, "bundle": "pci", "method": {"normalisation": {"type": "min_max", "low": 0, "high": 100}}}"#,
    );
    let s = pooled.to_str().unwrap();
    for extra in [&[][..], &["--normalise-across-years"][..]] {
        let mut args = vec!["rank", "--scenario", s, "--all-years", "--unit", "KEN"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--format", "json"]);
        let (ok, out, err) = index(&args);
        assert!(ok, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let years = v["years"].as_array().unwrap();
        assert!(years.len() > 5, "{}", years.len());
        for y in [&years[0], &years[years.len() / 2], &years[years.len() - 1]] {
            assert_eq!(y["units"].as_array().unwrap().len(), 1);
            let row = &y["units"][0];
            assert_eq!(row["code"], "KEN");
            let year = y["year"].as_i64().unwrap().to_string();
            let mut one = vec!["rank", "--scenario", s, "--year", &year];
            one.extend_from_slice(extra);
            one.extend_from_slice(&["--format", "json"]);
            let (ok, out, err) = index(&one);
            assert!(ok, "{err}");
            let w: serde_json::Value = serde_json::from_str(&out).unwrap();
            let same = w["units"]
                .as_array()
                .unwrap()
                .iter()
                .find(|u| u["code"] == "KEN")
                .unwrap();
            assert_eq!(row, same, "{year} {extra:?}");
        }
    }
    let (ok, _, err) = index(&["rank", "--bundle", "pci", "--all-years", "--unit", "XXX"]);
    assert!(!ok);
    assert!(err.contains("bundle `pci` has no unit `XXX`"), "{err}");
    // Every unit of every year, a year column first.
    let (ok, out, err) = index(&["rank", "--bundle", "pci", "--all-years"]);
    assert!(ok, "{err}");
    let header = out.lines().next().unwrap();
    assert!(header.starts_with("year,code,name,score,rank,"), "{header}");
    assert!(out.lines().count() > 156 * 5);
}
