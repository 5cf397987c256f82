//! Three groups in the gap panel — UNCTAD's LDCs, other developing and developed economies:
//! every group's mean on the index and each block is `index gaps --groups …`'s for the same
//! bundle, so is the sentence naming the largest and smallest gap; a group is added and removed
//! from the panel, and the address keeps them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{shown, Browser, Site};

const GROUPS: &str = "LDC,developing,developed";

#[tokio::test(flavor = "multi_thread")]
async fn three_groups_are_the_clis_and_stay_in_the_link() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1000).await.unwrap();
    b.open(&format!("{}?g={GROUPS}", site.url)).await.unwrap();
    b.wait_for("#groups-table tbody tr", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let bundle = e2e::ftri_bundle();
    let cli = e2e::cli_json(&[
        "gaps", "--bundle", &bundle, "--groups", GROUPS, "--format", "json",
    ])
    .unwrap();
    let year = &cli[0];
    // Each node's row: the three means as shown.
    let page = b
        .js("return [...document.querySelectorAll('#groups-table tbody tr')].map(r => \
             [r.dataset.node, ...[...r.querySelectorAll('td')].map(td => td.firstChild.textContent.trim())])")
        .await
        .unwrap();
    let page = page.as_array().unwrap();
    let nodes = year["nodes"].as_array().unwrap();
    assert_eq!(page.len(), nodes.len());
    for (row, node) in page.iter().zip(nodes) {
        let row = row.as_array().unwrap();
        assert_eq!(row[0], node["id"]);
        for (i, g) in node["groups"].as_array().unwrap().iter().enumerate() {
            let want = g["mean"].as_f64().map(shown).unwrap_or_default();
            assert_eq!(
                row[i + 1].as_str().unwrap(),
                want,
                "{} group {i}",
                node["id"]
            );
        }
    }
    // Units scored of the members, per group, on every node: "n of N" under each mean.
    let scored = b
        .js(
            "return [...document.querySelectorAll('#groups-table tbody tr')].map(r => \
             [...r.querySelectorAll('td .cov')].map(c => c.textContent))",
        )
        .await
        .unwrap();
    let want: Vec<Vec<String>> = nodes
        .iter()
        .map(|n| {
            n["groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| format!("{} of {}", g["scored"], g["members"]))
                .collect()
        })
        .collect();
    assert_eq!(scored, serde_json::json!(want));
    let sentence = b.text("#groups-sentence").await.unwrap();
    assert_eq!(sentence, year["sentence"].as_str().unwrap());
    b.screenshot("groups-three-1280.png").await.unwrap();

    // Remove the third group: the every-group table goes, the pair stays.
    b.click(".extra-group .remove-group").await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let gone = b
        .js("return !document.querySelector('#groups-table')")
        .await
        .unwrap();
    assert_eq!(gone.as_bool(), Some(true));
    let url = b.client.current_url().await.unwrap().to_string();
    assert!(
        !url.contains("g=LDC%2Cdeveloping%2Cdeveloped")
            && !url.contains("g=LDC,developing,developed"),
        "{url}"
    );

    // Add it back from the panel: the table returns and the address holds the three.
    b.js(
        "const s = document.querySelector('#add-group'); s.value = 'developed'; \
          s.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    b.wait_for("#groups-table tbody tr", 10).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let url = b.client.current_url().await.unwrap().to_string();
    assert!(
        url.contains("g=LDC,developing,developed")
            || url.contains("g=LDC%2Cdeveloping%2Cdeveloped"),
        "{url}"
    );
    b.close().await;

    // On a phone the table fits the column.
    let phone = Browser::start(360, 800).await.unwrap();
    phone
        .open(&format!("{}?g={GROUPS}", site.url))
        .await
        .unwrap();
    phone.wait_for("#groups-table tbody tr", 30).await.unwrap();
    assert_eq!(
        phone.past_right_edge().await.unwrap(),
        serde_json::json!([]),
        "no sideways scrolling at 360 px"
    );
    phone
        .js("document.querySelector('#groups-table').scrollIntoView(); return true")
        .await
        .unwrap();
    phone.screenshot("groups-three-360.png").await.unwrap();
    phone.close().await;
}
