//! Over- and under-performers against income in the browser: the table's rows (code, rank,
//! expected rank, difference) are the CLI's `index performers` for the same bundle file, in the
//! same order (largest over-performer first), with the economies without GDP per capita listed
//! after, named; again after a weight moves. Each column sorts; a row follows its economy; the
//! chart has its caption (both sources), its buttons and its embed; and the view is looked at
//! on a desktop and on a phone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{cli_ftri_performers, Browser, Site};
use serde_json::Value;

/// The CLI's rows as the page's table shows them: `[code, rank, expected rank, difference]`
/// for each economy compared, largest over-performer first, then `[code, note]` for each
/// scored economy without GDP per capita.
fn cli_rows(v: &Value) -> Vec<Vec<String>> {
    let year = v["year"].as_i64().unwrap();
    let text = |x: &Value| x.as_i64().unwrap().to_string();
    let compared = v["units"].as_array().unwrap().iter().map(|u| {
        vec![
            u["code"].as_str().unwrap().to_string(),
            text(&u["rank"]),
            text(&u["expected_rank"]),
            text(&u["difference"]),
        ]
    });
    let without = v["without_gdp"].as_array().unwrap().iter().map(|u| {
        assert_eq!(u["gdp"]["type"], "missing", "{u}");
        vec![
            u["code"].as_str().unwrap().to_string(),
            format!("no GDP per capita for {year}"),
        ]
    });
    compared.chain(without).collect()
}

/// Waits until the performers table shows `want` (it follows the weights at once; the wait
/// only covers the page's update), then checks it does.
async fn expect_rows(b: &Browser, want: &[Vec<String>]) {
    for _ in 0..50 {
        if b.performer_rows().await.unwrap() == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let got = b.performer_rows().await.unwrap();
    assert_eq!(got.len(), want.len(), "row count");
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g, w, "first row that differs from the CLI's");
    }
}

/// Clicks the performers table's sort button for `key` and returns the page's rows.
async fn sort_by(b: &Browser, key: &str) -> Vec<Vec<String>> {
    b.click(&format!("#performers-table button[data-key='{key}']"))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    b.performer_rows().await.unwrap()
}

/// Column `i` of the compared rows (4 cells each), as numbers.
fn column(rows: &[Vec<String>], i: usize) -> Vec<i64> {
    rows.iter()
        .filter(|r| r.len() == 4)
        .map(|r| r[i].parse().unwrap())
        .collect()
}

/// Scrolls the performers panel to the top of the window.
async fn show_panel(b: &Browser) {
    b.js("document.querySelector('#performers').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_performers_table_is_the_cli_s_before_and_after_a_weight_moves() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    // Out of view the panel computes and writes nothing (a slider step costs what it did
    // without it); brought into view, it fills.
    let empty = b
        .js("return document.querySelectorAll('#performers-table tbody tr').length")
        .await
        .unwrap();
    assert_eq!(empty.as_u64(), Some(0), "nothing written while out of view");
    show_panel(&b).await;
    b.wait_for("#performers-table tbody tr.row", 30)
        .await
        .unwrap();

    // The published weights: the CLI's table, row for row.
    let cli = cli_ftri_performers(&[]);
    let want = cli_rows(&cli);
    expect_rows(&b, &want).await;
    let compared = cli["units"].as_array().unwrap().len();
    let without = cli["without_gdp"].as_array().unwrap().len();
    assert!(
        without > 0,
        "the 2021 data has scored economies without GDP"
    );
    let coverage = b.text("#performers-coverage").await.unwrap();
    assert_eq!(
        coverage,
        format!(
            "GDP per capita for {compared} of {} scored economies in {}.",
            compared + without,
            cli["year"]
        )
    );

    // The chart: title, both sources with edition and licence, its buttons.
    let card = "figure[data-chart='performers']";
    let title = b.text(&format!("{card} h3")).await.unwrap();
    assert!(title.contains("against GDP per capita (PPP)"), "{title}");
    let source = b.text(&format!("{card} .source")).await.unwrap();
    for part in ["UNCTAD", "World Bank", "GDP per capita, PPP", "CC BY 4.0"] {
        assert!(source.contains(part), "{part} in {source}");
    }
    for tool in [
        ".share-link",
        ".embed-open",
        ".dl-png",
        ".dl-svg",
        ".dl-csv-shown",
    ] {
        b.wait_for(&format!("{card} {tool}"), 5).await.unwrap();
    }
    b.wait_for("canvas#chart-performers", 5).await.unwrap();

    // Each column sorts, both ways; the economies without GDP stay last.
    let rows = sort_by(&b, "Expected").await;
    let expected = column(&rows, 2);
    assert!(expected.windows(2).all(|w| w[0] <= w[1]), "{expected:?}");
    assert_eq!(rows.len(), want.len());
    assert!(rows[rows.len() - without..].iter().all(|r| r.len() == 2));
    let rows = sort_by(&b, "Expected").await;
    let expected = column(&rows, 2);
    assert!(expected.windows(2).all(|w| w[0] >= w[1]), "{expected:?}");
    let rows = sort_by(&b, "Rank").await;
    assert!(column(&rows, 1).windows(2).all(|w| w[0] <= w[1]));
    let rows = sort_by(&b, "Country").await;
    assert_ne!(rows, want);
    let rows = sort_by(&b, "Difference").await;
    assert_eq!(rows, want, "back to largest over-performer first");

    // A row follows its economy (the ranking highlights it too).
    let first = want[0][0].clone();
    b.click("#performers-table tbody tr.row").await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let followed = b
        .js("return [...document.querySelectorAll('#performers-table tr.selected')].map(r => r.dataset.code)")
        .await
        .unwrap();
    assert_eq!(followed, serde_json::json!([first]));
    assert!(b
        .client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .contains(&first));

    show_panel(&b).await;
    b.screenshot("performers-1280.png").await.unwrap();

    // A weight moves: the table is the CLI's for the same scenario.
    b.set_weight("rd", "3").await.unwrap();
    let moved = cli_rows(&cli_ftri_performers(&[
        "--scenario",
        &e2e::rd_scenario("performers-scenario.json", 3),
    ]));
    assert_ne!(moved, want, "tripling R&D's weight moves the performers");
    expect_rows(&b, &moved).await;
    b.close().await;

    // The embed route draws the chart alone, with its captions.
    let embed = Browser::start(640, 480).await.unwrap();
    embed
        .client
        .goto(&format!("{}?embed=performers", site.url))
        .await
        .unwrap();
    embed.wait_for(".embed-title", 30).await.unwrap();
    let title = embed.text(".embed-title").await.unwrap();
    assert!(title.contains("against GDP per capita (PPP)"), "{title}");
    assert!(embed
        .text(".embed-source")
        .await
        .unwrap()
        .contains("World Bank"));
    tokio::time::sleep(Duration::from_millis(500)).await;
    embed.screenshot("performers-embed.png").await.unwrap();
    embed.close().await;

    // On a phone: one column, no sideways scrolling, the legend wrapped within the chart.
    let phone = Browser::start(360, 800).await.unwrap();
    phone.open(&site.url).await.unwrap();
    phone
        .wait_for("#rank-table tbody tr.row", 30)
        .await
        .unwrap();
    show_panel(&phone).await;
    phone
        .wait_for("#performers-table tbody tr.row", 30)
        .await
        .unwrap();
    let width = phone.js("return window.innerWidth").await.unwrap();
    assert_eq!(width.as_u64(), Some(360), "a phone's width");
    // Nothing reaches past the window's right edge but inside a box that scrolls or clips.
    let past_edge = phone.past_right_edge().await.unwrap();
    assert_eq!(
        past_edge,
        serde_json::json!([]),
        "no sideways scrolling at 360 px"
    );
    // The performers table fits its column: no sideways scrolling inside it either.
    let fits = phone
        .js("const t = document.querySelector('#performers-table'); \
             return t.getBoundingClientRect().right <= t.closest('.table-wrap').getBoundingClientRect().right + 0.5")
        .await
        .unwrap();
    assert_eq!(fits.as_bool(), Some(true), "the table fits at 360 px");
    phone.screenshot("performers-360.png").await.unwrap();
    phone
        .js("document.querySelector('#performers-table').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    phone.screenshot("performers-360-table.png").await.unwrap();
    // The end of the table: the economies without GDP per capita, each with why.
    phone
        .js("const w = document.querySelector('#performers-table').closest('.table-wrap'); w.scrollTop = w.scrollHeight; return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    phone.screenshot("performers-360-end.png").await.unwrap();
    phone.close().await;
}
