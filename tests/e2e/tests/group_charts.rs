//! Three groups in the charts and the profile — UNCTAD's LDCs, other developing and developed
//! economies: the gap chart's and the trend chart's table alternatives hold every group's mean,
//! as `index gaps --groups …` gives them for the same bundle (the trend on the index and on a
//! block picked beside it); the profile sets the country followed against all three; hovering
//! a point of the performers scatter names it with the figures of its row in the table; the
//! performers chart's "CSV · shown" follows the table's order.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{shown, Browser, Site};
use serde_json::Value;

const GROUPS: &str = "LDC,developing,developed";

/// The rows of chart `kind`'s table alternative, opened first (it is built only while open).
async fn table_alternative(b: &Browser, kind: &str) -> Vec<Vec<String>> {
    b.js(&format!(
        "const d = document.querySelector('figure[data-chart={kind}] details.table-alt'); \
         d.open = true; d.dispatchEvent(new Event('toggle')); return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.cells(&format!(
        "figure[data-chart={kind}] details.table-alt tbody tr"
    ))
    .await
    .unwrap()
}

/// The trimmed texts of the elements `css` selects.
async fn texts(b: &Browser, css: &str) -> Vec<String> {
    let v = b
        .js(&format!(
            "return [...document.querySelectorAll('{css}')].map(t => t.textContent.trim())"
        ))
        .await
        .unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap().to_string())
        .collect()
}

/// Each group's mean on `node` in the CLI's year, as the page writes it.
fn means(year: &Value, node: &str) -> Vec<String> {
    let n = year["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == node)
        .unwrap_or_else(|| panic!("no node {node}"));
    n["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["mean"].as_f64().map(shown).unwrap_or_else(|| "–".into()))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn three_groups_in_the_charts_are_the_clis() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1000).await.unwrap();
    b.open(&format!("{}?g={GROUPS}&u=KEN", site.url))
        .await
        .unwrap();
    b.js("document.querySelector('.charts').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let bundle = e2e::ftri_bundle();
    let cli = e2e::cli_json(&[
        "gaps", "--bundle", &bundle, "--groups", GROUPS, "--format", "json",
    ])
    .unwrap();
    let year = &cli[0];
    let nodes = year["nodes"].as_array().unwrap();

    // The gap chart: a row per node (the index and its blocks), a column per group.
    let gap = table_alternative(&b, "gap").await;
    assert_eq!(gap.len(), nodes.len());
    for (row, node) in gap.iter().zip(nodes) {
        assert_eq!(row[0], node["name"].as_str().unwrap());
        assert_eq!(
            row[1..4],
            means(year, node["id"].as_str().unwrap())[..],
            "{row:?}"
        );
    }
    let heads = b
        .js("return [...document.querySelectorAll('figure[data-chart=gap] details.table-alt thead tr > *')].map(t => t.textContent)")
        .await
        .unwrap();
    assert_eq!(heads.as_array().unwrap().len(), 4, "{heads}");

    // The trend: the year shown holds the CLI's means on the index, then on a block.
    let year_shown = year["year"].as_i64().unwrap().to_string();
    let root = nodes[0]["id"].as_str().unwrap();
    let trend = table_alternative(&b, "trend").await;
    let row = trend.iter().find(|r| r[0] == year_shown).unwrap();
    assert_eq!(row[1..4], means(year, root)[..], "{row:?}");
    assert_eq!(row.len(), 6, "each group's mean, then two shares: {row:?}");
    let block = nodes[3]["id"].as_str().unwrap();
    b.js(&format!(
        "const s = document.querySelector('#trend-node'); s.value = '{block}'; \
         s.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let trend = table_alternative(&b, "trend").await;
    let row = trend.iter().find(|r| r[0] == year_shown).unwrap();
    assert_eq!(row[1..4], means(year, block)[..], "{block}: {row:?}");
    let title = b
        .text("figure[data-chart=trend] figcaption h3")
        .await
        .unwrap();
    assert!(
        title.contains(nodes[3]["name"].as_str().unwrap()),
        "{title}"
    );
    b.screenshot("group-charts-1280.png").await.unwrap();

    // The profile of the country followed: its column, then one per group.
    let heads = texts(&b, "#profile .profile-pillars thead tr > *").await;
    assert_eq!(heads.len(), 5, "{heads:?}");
    assert!(
        heads[2].ends_with("LDCs") && heads[4].ends_with("Developed"),
        "{heads:?}"
    );
    let first = texts(&b, "#profile .profile-pillars tbody tr:first-child td").await;
    assert_eq!(
        first[1..4],
        means(year, nodes[1]["id"].as_str().unwrap())[..]
    );
    b.js("document.querySelector('#profile').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.screenshot("group-profile-1280.png").await.unwrap();

    // Hover on the scatter: a point is named with its row's figures.
    b.js("document.querySelector('#performers').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let tip = b
        .js(r#"return (async () => {
            const c = document.querySelector('#chart-performers');
            const tip = c.parentElement.querySelector('.chart-tip');
            const r = c.getBoundingClientRect();
            for (let y = 30; y < r.height; y += 4) {
                for (let x = 40; x < r.width; x += 4) {
                    c.dispatchEvent(new PointerEvent('pointermove', {clientX: r.left + x, clientY: r.top + y, bubbles: true}));
                    for (let i = 0; i < 8; i++) await Promise.resolve();
                    if (!tip.hidden && tip.textContent) return tip.textContent;
                }
                await new Promise(ok => setTimeout(ok, 0));
            }
            return null;
        })()"#)
        .await
        .unwrap();
    let tip = tip.as_str().expect("no point named on hover").to_string();
    b.screenshot("group-hover-1280.png").await.unwrap();
    // "Name (CODE): score … · GDP per capita $… · rank R, expected E"
    let code = tip
        .split_once(" (")
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(c, _)| c.to_string())
        .unwrap();
    let rows = b.performer_rows().await.unwrap();
    let row = rows.iter().find(|r| r[0] == code).unwrap();
    assert!(
        tip.ends_with(&format!("rank {}, expected {}", row[1], row[2])),
        "{tip} against {row:?}"
    );
    assert!(tip.contains("GDP per capita $"), "{tip}");
    b.close().await;

    // On a phone: the charts and the profile fit the column.
    let phone = Browser::start(360, 800).await.unwrap();
    phone
        .open(&format!("{}?g={GROUPS}&u=KEN", site.url))
        .await
        .unwrap();
    phone
        .js("document.querySelector('figure[data-chart=gap]').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        phone.past_right_edge().await.unwrap(),
        serde_json::json!([]),
        "no sideways scrolling at 360 px"
    );
    phone.screenshot("group-charts-360.png").await.unwrap();
    phone
        .js("document.querySelector('#profile').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    phone.screenshot("group-profile-360.png").await.unwrap();
    phone.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_performers_csv_shown_follows_the_tables_order() {
    let site = Site::start().unwrap();
    let dir = e2e::fresh_dir("performers-csv");
    let b = Browser::start_with_downloads(1280, 1000, &dir)
        .await
        .unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    b.js("document.querySelector('#performers').scrollIntoView(); return true")
        .await
        .unwrap();
    b.wait_for("#performers-table tbody tr.row", 30)
        .await
        .unwrap();
    // Sort by name, then by expected rank turned round.
    b.click("#performers-table button.sort[data-key=Country]")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    for _ in 0..2 {
        b.click("#performers-table button.sort[data-key=Expected]")
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let table: Vec<String> = b
        .performer_rows()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    b.click("figure[data-chart=performers] .dl-csv-shown")
        .await
        .unwrap();
    let name = "index-explorer-ftri-2021-performers-shown.csv";
    let csv = String::from_utf8(e2e::downloaded(&dir, name).await).unwrap();
    assert!(
        csv.contains("in the performers table's order: by expected rank, turned round"),
        "{csv}"
    );
    let records = e2e::csv_records(&csv);
    let codes: Vec<String> = records
        .iter()
        .filter(|r| !r[0].starts_with('#'))
        .skip(1)
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(codes, table);
    b.close().await;
}
