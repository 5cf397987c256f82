//! `index bounds` and `index bod` on the real shared data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;
use common::index;

fn csv_rows(out: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn bounds_hold_each_units_rank_and_narrow_as_the_shares_do() {
    // FTRI's five building blocks, each share between 0.15 and 0.25 (quick to prove).
    let args = [
        "bounds",
        "--bundle",
        "ftri",
        "--min-share",
        "0.15",
        "--max-share",
        "0.25",
    ];
    let (ok, out, err) = index(&args);
    assert!(ok, "{err}");
    let (header, rows) = csv_rows(&out);
    assert_eq!(
        header,
        ["code", "name", "rank", "best_rank", "worst_rank", "proven"]
    );
    assert!(rows.len() > 100, "{}", rows.len());
    let n = |s: &str| s.parse::<u32>().unwrap();
    for r in &rows {
        let (rank, best, worst) = (n(&r[2]), n(&r[3]), n(&r[4]));
        assert!(best <= rank && rank <= worst, "{r:?}");
        assert_eq!(r[5], "true", "{r:?}");
    }
    // Rows in nominal rank order; with FTRI's equal weights (0.2 each, inside the bounds) the
    // first row can be first.
    assert!(rows.windows(2).all(|w| n(&w[0][2]) <= n(&w[1][2])));
    assert_eq!(n(&rows[0][3]), 1);

    // The JSON gives the shares that reach each bound, within the bounds.
    let (ok, out, err) = index(&[&args[..], &["--format", "json"]].concat());
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["level"], "ftri");
    assert_eq!(v["criteria"].as_array().unwrap().len(), 5);
    let first = &v["units"][0];
    assert_eq!(first["code"].as_str().unwrap(), rows[0][0]);
    for side in ["best", "worst"] {
        let shares = first[side]["shares"].as_object().unwrap();
        let sum: f64 = shares.values().map(|x| x.as_f64().unwrap()).sum();
        assert!((sum - 1.0).abs() < 1e-9);
        assert!(shares
            .values()
            .all(|x| (0.15 - 1e-9..=0.25 + 1e-9).contains(&x.as_f64().unwrap())));
        assert_eq!(first[side]["proven"], true);
    }
}

#[test]
fn bounds_refuse_what_they_cannot_answer() {
    // The HDI is a geometric mean of its dimensions.
    let (ok, _, err) = index(&["bounds", "--bundle", "hdi"]);
    assert!(!ok);
    assert!(err.contains("geometric mean"), "{err}");
    let (ok, _, err) = index(&["bounds", "--bundle", "ftri", "--min-share", "0.3"]);
    assert!(!ok);
    assert!(err.contains("cannot sum to 1 over 5 criteria"), "{err}");
    let (ok, _, err) = index(&["bounds", "--bundle", "ftri", "--level", "nope"]);
    assert!(!ok);
    assert!(err.contains("no node `nope`"), "{err}");
}

#[test]
fn bod_scores_each_unit_under_its_most_favourable_weights() {
    let (ok, out, err) = index(&["bod", "--bundle", "ftri", "--digits", "6"]);
    assert!(ok, "{err}");
    let (header, rows) = csv_rows(&out);
    assert_eq!(
        &header[..5],
        ["code", "name", "rank", "bod_score", "bod_rank"]
    );
    assert_eq!(header.len(), 5 + 5, "one share column per building block");
    assert!(header[5..].iter().all(|h| h.starts_with("w_")));
    let scores: Vec<f64> = rows.iter().map(|r| r[3].parse().unwrap()).collect();
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    // The index's first unit is on the frontier; rows are in BoD rank order, best first.
    let first = rows.iter().find(|r| r[2] == "1").unwrap();
    assert_eq!(first[3], "1.000000");
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    for r in rows.iter().filter(|r| !r[5].is_empty()) {
        let sum: f64 = r[5..].iter().map(|x| x.parse::<f64>().unwrap()).sum();
        assert!((sum - 1.0).abs() < 1e-5, "{r:?}");
    }
    // A least share keeps every block in, and can only lower a score.
    let (ok, out, err) = index(&[
        "bod",
        "--bundle",
        "ftri",
        "--min-share",
        "0.1",
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for u in v["units"].as_array().unwrap() {
        if let Some(shares) = u["shares"].as_object() {
            assert!(
                shares.values().all(|x| x.as_f64().unwrap() >= 0.1 - 1e-7),
                "{u}"
            );
        }
    }
}
