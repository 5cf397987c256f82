//! "Why did it move?" in a real headless Chromium: follow a country, move two weights, explain
//! the change in the worker — the waterfall's parts are the CLI's (`index explain`, same bundle
//! file, same scenario) change by change and add up to the whole change; moving a weight
//! afterwards marks the explanation as stale. Then the comparison of two saved scenarios gets
//! each country's largest cause, the CLI's `largest`. The panel is looked at on a desktop and
//! on a phone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::collections::BTreeMap;

use e2e::{Browser, Site};

/// The Run button, shown (Cancel replaces it while a run goes on).
const READY: &str = "#explain-run:not([hidden])";

/// A number as the page writes a part ("+0.0240", "−0.0031", "0").
fn number(text: &str) -> f64 {
    text.replace('−', "-").replace('+', "").parse().unwrap()
}

/// The decimals of a number as written.
fn decimals(text: &str) -> i32 {
    text.split('.').nth(1).map_or(0, |d| d.len() as i32)
}

/// `index explain` of the served FTRI bundle from the published scenario to `to` (a scenario
/// JSON text), as JSON.
fn cli_explain(name: &str, to: &str, extra: &[&str]) -> serde_json::Value {
    let dir = e2e::fresh_dir(name);
    let file = dir.join("to.json");
    std::fs::write(&file, to).unwrap();
    let bundle = e2e::ftri_bundle();
    let file = file.display().to_string();
    let mut args = vec![
        "explain", "--bundle", &bundle, "--to", &file, "--format", "json",
    ];
    args.extend(extra);
    e2e::cli_json(&args).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_followed_units_waterfall_is_the_clis_split() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&format!("{}?b=ftri&u=KOR", site.url)).await.unwrap();
    b.wait_for(READY, 30).await.unwrap();
    b.set_weight("rd", "3").await.unwrap();
    b.set_weight("ict", "0.5").await.unwrap();
    b.click("#explain-run").await.unwrap();
    b.wait_for("#chart-explain", 60).await.unwrap();
    b.wait_for(READY, 10).await.unwrap();

    let cli = cli_explain(
        "explain-kor",
        r#"{"format": 2, "bundle": "ftri", "weights": {"rd": 3, "ict": 0.5}}"#,
        &["--unit", "KOR"],
    );
    assert_eq!(cli["estimate"], "exact");
    let changes: Vec<&str> = cli["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["weight:ict", "weight:rd"]);
    let kor = &cli["units"][0];
    assert_eq!(kor["code"], "KOR");
    let parts: Vec<f64> = kor["score_parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_f64().unwrap())
        .collect();
    let whole = kor["score_to"].as_f64().unwrap() - kor["score_from"].as_f64().unwrap();
    assert!((parts.iter().sum::<f64>() - whole).abs() < 1e-9);

    // The table alternative: one row per change, in the CLI's order, then the total; each part
    // the CLI's to the decimals shown.
    let rows = b.cells("#explain-table tbody tr").await.unwrap();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0][0], "ICT deployment weight");
    assert_eq!(rows[1][0], "Research and development weight");
    assert_eq!(rows[2][0], "Total");
    for (row, want) in rows.iter().zip(parts.iter().chain([&whole])) {
        let shown = &row[3];
        let tolerance = 0.5 * 10f64.powi(-decimals(shown)) + 1e-12;
        assert!(
            (number(shown) - want).abs() <= tolerance,
            "{}: the page shows {shown}, the CLI {want}",
            row[0]
        );
    }
    let rank_parts: Vec<f64> = kor["rank_parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_f64().unwrap())
        .collect();
    for (row, want) in rows.iter().zip(&rank_parts) {
        assert!(
            (number(&row[4]) - want).abs() <= 0.05 + 1e-12,
            "{row:?} {want}"
        );
    }
    let sentence = b.text("#explain-sentence").await.unwrap();
    assert!(
        sentence.starts_with(&format!("Of the {} change in ", rows[2][3])),
        "{sentence}"
    );
    assert!(
        sentence.contains(&format!("rank {} → {}", kor["rank_from"], kor["rank_to"])),
        "{sentence}"
    );
    let source = b.text("#explain .source").await.unwrap();
    // The same source, edition and licence as every chart of the page.
    let bars = b.text("figure[data-chart='bars'] .source").await.unwrap();
    assert!(
        source.contains("UNCTAD") && source.contains("2023"),
        "{source}"
    );
    assert_eq!(source, bars);
    let hidden = b
        .js("return document.querySelector('#explain-stale').hidden")
        .await
        .unwrap();
    assert_eq!(hidden.as_bool(), Some(true), "of the view shown");
    b.js("document.querySelector('#explain').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    b.screenshot("explain-1280.png").await.unwrap();

    // The profile's strengths and weaknesses: the CLI's, two each of the FTRI's five blocks.
    let listed = b
        .js("return [...document.querySelectorAll('#profile-standings li')].map(l => l.textContent)")
        .await
        .unwrap();
    let cli = e2e::cli(&[
        "coherence",
        "--bundle",
        &e2e::ftri_bundle(),
        "--what",
        "strengths",
        "--unit",
        "KOR",
        "--top",
        "2",
    ])
    .unwrap();
    let want: Vec<String> = e2e::csv_records(&cli)
        .iter()
        .skip(1)
        .map(|r| {
            let mark = if r[3] == "strength" { "▲" } else { "▼" };
            format!("{mark} {} · rank {} of {}", r[5], r[6], r[7])
        })
        .collect();
    assert_eq!(listed, serde_json::json!(want));
    b.js("document.querySelector('#profile').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    b.screenshot("profile-strengths-1280.png").await.unwrap();

    // Another country followed (the ranking's first row): no new run, its own waterfall.
    let first = b
        .js("return document.querySelector('#rank-table tbody tr.row').dataset.code")
        .await
        .unwrap();
    let first = first.as_str().unwrap().to_string();
    assert_ne!(first, "KOR");
    b.click(&format!("#rank-table tbody tr[data-code='{first}']"))
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let title = b.text("#explain figcaption h3").await.unwrap();
    let name = e2e::ftri_label(
        &first,
        cli_explain(
            "explain-first",
            r#"{"format": 2, "bundle": "ftri", "weights": {"rd": 3, "ict": 0.5}}"#,
            &["--unit", &first],
        )["units"][0]["name"]
            .as_str()
            .unwrap(),
    );
    assert!(title.starts_with(&format!("Why {name} moved")), "{title}");
    // Moving a weight: the explanation is of the earlier view.
    b.set_weight("rd", "2").await.unwrap();
    let stale = b
        .js("return document.querySelector('#explain-stale').hidden")
        .await
        .unwrap();
    assert_eq!(stale.as_bool(), Some(false), "stale after a move");
    b.close().await;

    // On a phone.
    let phone = Browser::start(360, 780).await.unwrap();
    phone
        .open(&format!("{}?b=ftri&u=KOR&w=rd:3,ict:0.5", site.url))
        .await
        .unwrap();
    phone.wait_for(READY, 30).await.unwrap();
    phone.click("#explain-run").await.unwrap();
    phone.wait_for("#chart-explain", 60).await.unwrap();
    phone
        .js("document.querySelector('#explain').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let past = phone.past_right_edge().await.unwrap();
    assert_eq!(past, serde_json::json!([]), "nothing past the right edge");
    phone.screenshot("explain-360.png").await.unwrap();
    phone.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_comparison_names_each_countrys_largest_cause_as_the_cli() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    b.wait_for("#save-scenario", 30).await.unwrap();
    b.save_scenario("Published").await.unwrap();
    b.set_weight("rd", "3").await.unwrap();
    b.set_weight("ict", "0.5").await.unwrap();
    b.save_scenario("Changed").await.unwrap();
    b.js("document.querySelectorAll('#saved-list .compare-box').forEach(c => c.click()); return true")
        .await
        .unwrap();
    b.wait_for("#causes-run:not([hidden])", 10).await.unwrap();
    b.click("#causes-run").await.unwrap();
    b.wait_for("#compare-table td.c-cause", 60).await.unwrap();
    b.js("document.querySelector('#compare .link').click(); return true")
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let shown = b
        .js("return [...document.querySelectorAll('#compare-table tbody tr')].map(r => [r.dataset.code, r.querySelector('.c-cause').textContent])")
        .await
        .unwrap();
    let shown: BTreeMap<String, String> = shown
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap().to_string(),
                r[1].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let cli = cli_explain(
        "explain-causes",
        r#"{"format": 2, "bundle": "ftri", "weights": {"rd": 3, "ict": 0.5}}"#,
        &[],
    );
    let label = |name: &str| match name {
        "weight:rd" => "Research and development weight",
        "weight:ict" => "ICT deployment weight",
        other => panic!("unexpected change {other}"),
    };
    let mut checked = 0;
    for u in cli["units"].as_array().unwrap() {
        let code = u["code"].as_str().unwrap();
        let Some(got) = shown.get(code) else { continue };
        match u["largest"].as_str() {
            Some(name) => {
                assert!(got.starts_with(label(name)), "{code}: {got} against {name}");
                checked += 1;
            }
            None => assert_eq!(got, "–", "{code}"),
        }
    }
    assert!(checked > 100, "every ranked unit: {checked}");
    b.js("document.querySelector('#compare-table').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    b.screenshot("compare-causes-1280.png").await.unwrap();
    b.close().await;
}
