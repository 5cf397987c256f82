//! "How robust is this ranking?" in a real headless Chromium: the uncertainty analysis runs in
//! the worker and its figures are the CLI's (`index uncertainty`, same bundle file, plan and
//! seed) unit by unit; the ranking table shows each interval; moving a weight afterwards marks
//! the result as stale; Cancel stops a long run; the sensitivity table comes with it when asked;
//! and the panel is looked at on a desktop and on a phone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use e2e::{Browser, Site};

/// The Run button, shown (Cancel replaces it while a run goes on).
const READY: &str = "#rob-run:not([hidden])";

/// A panel table's rows (`table` its id): code → the text of each cell, without marks that
/// follow a figure (the interval's ⚠).
async fn table_rows(b: &Browser, table: &str) -> BTreeMap<String, Vec<String>> {
    let v = b
        .js(&format!(
            "return [...document.querySelectorAll('#{table} tbody tr')].map(r => \
             [r.dataset.code, ...[...r.querySelectorAll('td')].map(td => td.firstChild.textContent.trim())])"
        ))
        .await
        .unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let cells: Vec<String> = r
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_string())
                .collect();
            (cells[0].clone(), cells[1..].to_vec())
        })
        .collect()
}

/// "a–b", or "a" when equal, as the page writes an interval.
fn span(a: &serde_json::Value, b: &serde_json::Value) -> String {
    let (a, b) = (a.as_u64().unwrap(), b.as_u64().unwrap());
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

/// Waits until the run is over (the Run button back), up to `secs`.
async fn wait_done(b: &Browser, secs: u64) {
    b.wait_for(READY, secs).await.unwrap();
}

/// `index uncertainty` on the served FTRI bundle with the panel's plan in this test (any
/// weights, 10 000 draws, seed 7) and `extra` arguments, as JSON.
fn cli_simplex(extra: &[&str]) -> serde_json::Value {
    let bundle = e2e::ftri_bundle();
    let mut args = vec![
        "uncertainty",
        "--bundle",
        &bundle,
        "--simplex",
        "--seed",
        "7",
        "--draws",
        "10000",
        "--format",
        "json",
    ];
    args.extend(extra);
    e2e::cli_json(&args).unwrap()
}

/// A share as the page writes it (`format::percent`): "23 %", "22.8 %".
fn percent(x: f64) -> String {
    let p = x * 100.0;
    if (p - p.round()).abs() < 0.05 {
        format!("{p:.0} %")
    } else {
        format!("{p:.1} %")
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_analysis_runs_in_the_worker_with_the_clis_figures() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    b.wait_for(READY, 15).await.unwrap();

    // Any weights (the simplex), 10 000 draws, seed 7.
    b.js(
        "const s = document.querySelector('#rob-weights'); s.value = 'simplex'; \
          s.dispatchEvent(new Event('change', {bubbles: true})); \
          const i = document.querySelector('#rob-seed'); i.value = '7'; \
          i.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    let started = Instant::now();
    b.click("#rob-run").await.unwrap();
    b.wait_for("#rob-summary", 60).await.unwrap();
    let waited = started.elapsed();
    wait_done(&b, 5).await;
    let summary = b.text("#rob-summary").await.unwrap();
    assert!(
        summary
            .starts_with("10\u{202f}000 draws varying weights (uniform on the simplex) (seed 7, "),
        "{summary}"
    );
    eprintln!("10 000 draws on the FTRI, from the click to the table: {waited:?}; the page says: {summary}");

    // Unit by unit, the CLI's figures for the same bundle file, plan and seed.
    let cli = cli_simplex(&[]);
    let want: BTreeMap<String, Vec<String>> = cli["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["code"].as_str().unwrap().to_string(),
                vec![
                    u["rank"].to_string(),
                    u["median_rank"].to_string(),
                    span(&u["q05"], &u["q95"]),
                    span(&u["best_drawn"], &u["worst_drawn"]),
                ],
            )
        })
        .collect();
    let got = table_rows(&b, "rob-table").await;
    assert_eq!(got.len(), want.len(), "every ranked unit");
    for (code, row) in &want {
        assert_eq!(got.get(code), Some(row), "{code}");
    }
    let wide = cli["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["wide"] == true)
        .count();
    assert!(wide > 0, "any weights move some ranks far");
    assert!(
        summary.contains(&format!(": {wide} of {} units", want.len())),
        "{summary}"
    );
    let flagged = b
        .js("return document.querySelectorAll('#rob-table tr.wide .flag').length")
        .await
        .unwrap();
    assert_eq!(flagged.as_u64(), Some(wide as u64));
    // Every rank over the draws, drawn: the chart beside the table.
    b.wait_for("canvas#chart-rank-spans", 5).await.unwrap();
    let gaps = b.text("#rob-gaps").await.unwrap();
    assert!(gaps.starts_with("Gap LDCs − Developed: "), "{gaps}");

    // Follow a country: how likely each rank is, the CLI's rank acceptability.
    assert!(b
        .text("#rob-followed-hint")
        .await
        .unwrap()
        .starts_with("Click a row"));
    b.click("#rob-table tr[data-code='KOR']").await.unwrap();
    b.wait_for("#rob-followed", 5).await.unwrap();
    let kor = cli["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "KOR")
        .unwrap();
    let (likeliest, share) = kor["acceptability"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x[0].as_u64().unwrap(), x[1].as_f64().unwrap()))
        .fold((0, -1.0), |best, x| if x.1 > best.1 { x } else { best });
    let pct = percent(share);
    let said = b.text("#rob-followed p").await.unwrap();
    assert!(
        said.contains(&format!(
            "its most likely rank is {likeliest} ({pct} of draws)"
        )),
        "{said}"
    );
    let bars = b
        .js("return document.querySelectorAll('#rob-followed .rob-bar').length")
        .await
        .unwrap();
    let acc = kor["acceptability"].as_array().unwrap();
    let span = acc.last().unwrap()[0].as_u64().unwrap() - acc[0][0].as_u64().unwrap() + 1;
    assert_eq!(
        bars.as_u64(),
        Some(span),
        "one bar per rank from best to worst drawn"
    );

    // The countries Korea changes places with in some draws: each share is the CLI's
    // (`--pair`), from both sides, and every country listed has a drawn range that meets Korea's.
    let rivals = b.cells("#rob-rivals tbody tr").await.unwrap();
    assert!(!rivals.is_empty(), "any weights turn some pair round");
    let codes = b
        .js("return [...document.querySelectorAll('#rob-rivals tbody tr')].map(r => r.dataset.code)")
        .await
        .unwrap();
    let codes: Vec<String> = serde_json::from_value(codes).unwrap();
    for (code, row) in codes.iter().zip(&rivals).take(3) {
        let share = |a: &str, b: &str| {
            cli_simplex(&["--pair", &format!("{a},{b}")])["pair"]["a_above_b"]
                .as_f64()
                .unwrap()
        };
        assert_eq!(row[2], percent(share("KOR", code)), "Korea above {code}");
        assert_eq!(row[3], percent(share(code, "KOR")), "{code} above Korea");
    }

    // The ranking table shows each unit's interval beside its rank.
    let usa = b
        .text("#rank-table tr[data-code='USA'] .c-interval")
        .await
        .unwrap();
    assert_eq!(usa, want["USA"][2]);

    // A weight moved afterwards: the result says it is for the earlier scenario.
    assert_eq!(
        b.js("return document.querySelector('#rob-stale').hidden")
            .await
            .unwrap(),
        true
    );
    b.set_weight("rd", "2").await.unwrap();
    assert_eq!(
        b.js("return document.querySelector('#rob-stale').hidden")
            .await
            .unwrap(),
        false
    );
    b.js("document.querySelector('#robustness').scrollIntoView(); return true")
        .await
        .unwrap();
    b.screenshot("robustness-1280.png").await.unwrap();

    // A long run with the sensitivity analysis: Cancel stops it and the panel is ready again.
    b.js(
        "for (const id of ['#rob-aggregation', '#rob-sensitivity']) { \
            const c = document.querySelector(id); c.checked = true; \
            c.dispatchEvent(new Event('change', {bubbles: true})); } \
          const d = document.querySelector('#rob-draws'); d.value = '50000'; \
          d.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    b.click("#rob-run").await.unwrap();
    b.wait_for("#rob-cancel:not([hidden])", 5).await.unwrap();
    tokio::time::sleep(Duration::from_millis(700)).await;
    let count = b.text("#rob-count").await.unwrap();
    assert!(count.contains(" of "), "progress is shown: {count:?}");
    b.click("#rob-cancel").await.unwrap();
    wait_done(&b, 5).await;
    assert_eq!(b.text("#rob-count").await.unwrap(), "", "idle again");
    assert!(
        b.notices().await.unwrap().is_empty()
            || !b.notices().await.unwrap().contains("could not run")
    );

    // A short run with the sensitivity analysis gives its table, aggregation first on the FTRI.
    b.js(
        "const d = document.querySelector('#rob-draws'); d.value = '1000'; \
          d.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    b.click("#rob-run").await.unwrap();
    b.wait_for("#rob-sensitivity", 60).await.unwrap();
    wait_done(&b, 5).await;
    assert_eq!(
        b.js("return document.querySelector('#rob-stale').hidden")
            .await
            .unwrap(),
        true,
        "a new run is for the scenario shown"
    );
    let inputs = b
        .js("return [...document.querySelectorAll('#rob-sensitivity tbody th')].map(t => t.textContent)")
        .await
        .unwrap();
    let inputs: Vec<&str> = inputs
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert_eq!(inputs.len(), 2);
    assert!(
        inputs.contains(&"weights") && inputs.contains(&"aggregation"),
        "{inputs:?}"
    );
    b.close().await;

    // On a phone.
    let p = Browser::start(360, 780).await.unwrap();
    p.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    p.wait_for(READY, 15).await.unwrap();
    p.js(
        "const d = document.querySelector('#rob-draws'); d.value = '1000'; \
          d.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    p.click("#rob-run").await.unwrap();
    p.wait_for("#rob-summary", 60).await.unwrap();
    p.js("document.querySelector('#robustness').scrollIntoView(); return true")
        .await
        .unwrap();
    assert_eq!(p.past_right_edge().await.unwrap(), serde_json::json!([]));
    p.screenshot("robustness-360.png").await.unwrap();
    p.js("document.querySelector('#rank-table').scrollIntoView(); return true")
        .await
        .unwrap();
    assert_eq!(p.past_right_edge().await.unwrap(), serde_json::json!([]));
    p.screenshot("robustness-ranking-360.png").await.unwrap();
    p.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn best_and_worst_ranks_are_the_clis_and_the_best_weights_apply() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    b.wait_for("#ranges-run:not([hidden])", 15).await.unwrap();
    b.js(
        "const s = document.querySelector('#ranges-range'); s.value = 'half'; \
          s.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    b.click("#ranges-run").await.unwrap();
    b.wait_for("#ranges-summary", 120).await.unwrap();
    b.wait_for("#ranges-run:not([hidden])", 5).await.unwrap();
    let summary = b.text("#ranges-summary").await.unwrap();
    eprintln!("the page says: {summary}");
    assert!(
        summary.starts_with(
            "Best and worst ranks of 166 units under each weight from half to double of "
        ),
        "{summary}"
    );

    // Unit by unit, `index bounds --half-to-double` and `index bod` on the same bundle file.
    let bundle = e2e::ftri_bundle();
    let bounds = e2e::cli_json(&[
        "bounds",
        "--bundle",
        &bundle,
        "--half-to-double",
        "--format",
        "json",
    ])
    .unwrap();
    let bod = e2e::cli_json(&["bod", "--bundle", &bundle, "--format", "json"]).unwrap();
    let got = table_rows(&b, "ranges-table").await;
    let units = bounds["units"].as_array().unwrap();
    assert_eq!(got.len(), units.len());
    let unproven = units.iter().filter(|u| u["proven"] != true).count();
    for u in units {
        let code = u["code"].as_str().unwrap();
        let row = &got[code];
        assert_eq!(row[0], u["rank"].to_string(), "{code}: rank");
        if u["proven"] == true {
            assert_eq!(row[1], u["best_rank"].to_string(), "{code}: best");
            assert_eq!(row[2], u["worst_rank"].to_string(), "{code}: worst");
        }
        let d = bod["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["code"] == code)
            .unwrap();
        let score = d["bod_score"].as_f64().unwrap();
        let shown = if score.abs() < 10.0 {
            format!("{score:.3}")
        } else {
            format!("{score:.1}")
        };
        assert_eq!(
            row[3],
            format!("{shown} ({})", d["bod_rank"]),
            "{code}: benefit of the doubt"
        );
    }
    // The ranking table shows each unit's best–worst beside its rank.
    let usa = units.iter().find(|u| u["code"] == "USA").unwrap();
    assert_eq!(
        b.text("#rank-table tr[data-code='USA'] .c-bounds")
            .await
            .unwrap(),
        format!("{}–{}", usa["best_rank"], usa["worst_rank"])
    );
    eprintln!(
        "{unproven} of {} units with a bound not proven in the CLI's run",
        units.len()
    );

    // Follow a country whose best rank is better than its rank, and apply its best weights.
    let (code, best) = units
        .iter()
        .filter(|u| u["proven"] == true)
        .map(|u| {
            (
                u["code"].as_str().unwrap().to_string(),
                u["best_rank"].as_u64().unwrap(),
                u["rank"].as_u64().unwrap(),
            )
        })
        .find(|(_, best, rank)| best + 3 <= *rank)
        .map(|(c, best, _)| (c, best))
        .expect("some unit can climb three places");
    b.click(&format!("#ranges-table tr[data-code='{code}']"))
        .await
        .unwrap();
    b.wait_for("#ranges-apply", 5).await.unwrap();
    let said = b.text("#ranges-followed p").await.unwrap();
    assert!(
        said.contains(&format!("its best possible rank is {best}")),
        "{said}"
    );
    // Its benefit of the doubt: `index bod`'s score and rank, and its largest share first.
    let d = bod["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == code.as_str())
        .unwrap();
    let score = d["bod_score"].as_f64().unwrap();
    let bod_said = b.text("#ranges-bod").await.unwrap();
    assert!(
        bod_said.contains(&format!(
            "scores {score:.3} (rank {}) under the weights most favourable",
            d["bod_rank"]
        )),
        "{bod_said}"
    );
    let largest = d["shares"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_f64().unwrap() * 100.0)
        .fold(0.0, f64::max);
    let largest = if (largest - largest.round()).abs() < 0.05 {
        format!("{largest:.0} %")
    } else {
        format!("{largest:.1} %")
    };
    let mix = bod_said
        .split("its score made of ")
        .nth(1)
        .unwrap_or_default();
    let first = mix
        .split([',', ';'])
        .next()
        .unwrap_or_default()
        .trim_end_matches('.');
    assert!(
        first.ends_with(&largest),
        "{bod_said}: the largest share ({largest}) first"
    );
    b.click("#ranges-apply").await.unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let rank = b
        .js(&format!("return document.querySelector('#rank-table tr[data-code=\"{code}\"] .c-rank')?.textContent ?? ''"))
        .await
        .unwrap();
    assert_eq!(
        rank.as_str(),
        Some(best.to_string().as_str()),
        "{code} ranks {best} under its best weights"
    );
    assert_eq!(
        b.js("return document.querySelector('#ranges-stale').hidden")
            .await
            .unwrap(),
        false,
        "the weights changed: the result is for the earlier scenario"
    );
    b.js("document.querySelector('#ranges').scrollIntoView(); return true")
        .await
        .unwrap();
    b.screenshot("ranges-1280.png").await.unwrap();
    b.close().await;

    // On a phone.
    let p = Browser::start(360, 780).await.unwrap();
    p.open(&format!("{}?b=ftri&u=KOR", site.url)).await.unwrap();
    p.wait_for("#ranges-run:not([hidden])", 15).await.unwrap();
    p.js(
        "const s = document.querySelector('#ranges-range'); s.value = 'half'; \
          s.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    p.click("#ranges-run").await.unwrap();
    p.wait_for("#ranges-bod", 120).await.unwrap();
    p.js("document.querySelector('#ranges').scrollIntoView(); return true")
        .await
        .unwrap();
    assert_eq!(p.past_right_edge().await.unwrap(), serde_json::json!([]));
    p.screenshot("ranges-360.png").await.unwrap();
    p.js("document.querySelector('#rank-table').scrollIntoView(); return true")
        .await
        .unwrap();
    assert_eq!(p.past_right_edge().await.unwrap(), serde_json::json!([]));
    p.screenshot("ranges-ranking-360.png").await.unwrap();
    p.close().await;
}
