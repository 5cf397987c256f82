//! "The index's health" in a real headless Chromium: the panel (in the page's deferred module)
//! runs the JRC's audit in the worker, and its table of every part is the CLI's
//! (`index coherence`, same bundle file): each block's correlation with the index, effective
//! share, the index's Cronbach's α, and the median and largest rank change without each block.
//! Moving a weight afterwards marks the result as for an earlier scenario. The panel is looked
//! at on a desktop and on a phone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use e2e::{Browser, Site};

/// The Run button, shown (Cancel replaces it while a run goes on).
const READY: &str = "#health-run:not([hidden])";

/// One table of `index coherence` on the served FTRI bundle, as CSV records keyed by node id.
fn cli_table(what: &str) -> Vec<Vec<String>> {
    let bundle = e2e::ftri_bundle();
    let text = e2e::cli(&[
        "coherence",
        "--bundle",
        &bundle,
        "--what",
        what,
        "--format",
        "csv",
    ])
    .unwrap();
    e2e::csv_records(&text).into_iter().skip(1).collect()
}

/// A CLI figure written as the page writes a coefficient ("0.932", "−0.120").
fn coefficient(text: &str) -> String {
    format!("{:.3}", text.parse::<f64>().unwrap()).replace('-', "−")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_health_check_is_the_clis_audit() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    b.wait_for(READY, 30).await.unwrap();
    b.click("#health-run").await.unwrap();
    b.wait_for("#health-nodes tbody tr", 60).await.unwrap();
    b.wait_for(READY, 10).await.unwrap();

    let rows = b.cells("#health-nodes tbody tr").await.unwrap();
    let weights = cli_table("weights");
    let alpha = cli_table("alpha");
    let removals = cli_table("leave-one-out");
    assert_eq!(
        rows.len(),
        1 + weights.len(),
        "the index, then each block: {rows:?}"
    );
    // The index's row: its α is the CLI's.
    assert_eq!(rows[0][0], alpha[0][1], "the index first");
    assert_eq!(
        rows[0][4],
        coefficient(&alpha[0][5]),
        "Cronbach's α of the index"
    );
    for w in &weights {
        let row = rows
            .iter()
            .find(|r| r[0] == w[1])
            .unwrap_or_else(|| panic!("a row for {}: {rows:?}", w[1]));
        assert_eq!(row[3], coefficient(&w[5]), "{}: r with the index", w[1]);
        let effective: f64 = w[7].parse().unwrap();
        let shown: f64 = row[2].trim_end_matches(" %").parse().unwrap();
        assert!(
            (shown - effective * 100.0).abs() <= 0.05 + 1e-9,
            "{}: effective share {shown} % against the CLI's {effective}",
            w[1]
        );
        let r = removals.iter().find(|r| r[0] == w[0]).unwrap();
        let median: f64 = r[5].parse().unwrap();
        assert_eq!(
            row[5].parse::<f64>().unwrap(),
            median,
            "{}: median rank change",
            w[1]
        );
        assert_eq!(row[6], r[7], "{}: largest rank change", w[1]);
    }
    assert!(
        b.text("#health-summary")
            .await
            .unwrap()
            .contains("correlations flagged"),
        "the sentence"
    );
    b.wait_for("canvas#chart-health", 10).await.unwrap();
    assert!(
        b.js("return document.querySelector('#health-stale').hidden")
            .await
            .unwrap()
            == true,
        "fresh after the run"
    );
    b.js("document.querySelector('#health-summary').scrollIntoView(); return true")
        .await
        .unwrap();
    b.screenshot("health-1280.png").await.unwrap();

    // Moving a weight leaves the result standing, marked as for an earlier scenario.
    b.set_weight("rd", "3").await.unwrap();
    assert!(
        b.js("return document.querySelector('#health-stale').hidden")
            .await
            .unwrap()
            == false,
        "stale once the weights change"
    );
    b.close().await;

    let b = Browser::start(360, 800).await.unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    b.wait_for(READY, 30).await.unwrap();
    b.click("#health-run").await.unwrap();
    b.wait_for("#health-nodes tbody tr", 60).await.unwrap();
    b.js("document.querySelector('#health').scrollIntoView(); return true")
        .await
        .unwrap();
    b.screenshot("health-360.png").await.unwrap();
    assert_eq!(
        b.past_right_edge().await.unwrap(),
        serde_json::json!([]),
        "nothing wider than the phone's screen"
    );
    b.close().await;
}
