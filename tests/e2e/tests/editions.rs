//! The FTRI editions in the browser: the default is the TIR 2023 release, the person switches
//! to the TIR 2025 edition (published score only: the weights panel says weights cannot apply)
//! and back, and a link made before the editions (format 1, `b=ftri`) opens the TIR 2021
//! edition it was made for. Each ranking is the CLI's for the same bundle.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{Browser, Site};

/// Chooses dataset `id` in the picker and waits for its ranking.
async fn pick(b: &Browser, id: &str) {
    b.js(&format!(
        "const s = document.querySelector('#dataset'); s.value = '{id}'; \
         s.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
    ))
    .await
    .unwrap();
    for _ in 0..100 {
        let picked = b
            .js("return document.querySelector('#dataset').value")
            .await
            .unwrap();
        let title = b.text("#rank-table").await.unwrap_or_default();
        if picked.as_str() == Some(id) && !title.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
}

/// The CLI's ranking codes of the bundle the site serves as `data/<id>.json`.
fn cli_codes(id: &str, extra: &[&str]) -> Vec<String> {
    let path = e2e::root().join(format!("dist/data/{id}.json"));
    let path = path.display().to_string();
    let mut args = vec!["rank", "--bundle", path.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    let v = e2e::cli_json(&args).unwrap();
    v["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| !u["rank"].is_null())
        .map(|u| u["code"].as_str().unwrap().to_string())
        .collect()
}

/// Whether the weights panel shows sliders.
async fn has_sliders(b: &Browser) -> bool {
    b.js("return !!document.querySelector('.weight-list input[type=range]')")
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

fn codes(rows: &[(String, String)]) -> Vec<String> {
    rows.iter().map(|(c, _)| c.clone()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_editions_and_an_old_link() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    // The default: the TIR 2023 release, in 2021, re-weightable.
    let rows = b.rows().await.unwrap();
    let cli = cli_codes("ftri", &[]);
    assert_eq!(codes(&rows), cli[..rows.len()]);
    assert!(has_sliders(&b).await);

    // TIR 2025: UNCTAD's ranking as published; no sliders, a sentence instead.
    pick(&b, "ftri-2025").await;
    let rows = b.rows().await.unwrap();
    assert_eq!(codes(&rows), cli_codes("ftri-2025", &[])[..rows.len()]);
    let fixed = b.text("#weights-fixed").await.unwrap();
    assert!(fixed.contains("weights cannot apply"), "{fixed}");
    let buttons = b
        .js("return !!document.querySelector('#equal-weights')")
        .await
        .unwrap();
    assert_eq!(buttons.as_bool(), Some(false), "no weight buttons either");
    assert!(!has_sliders(&b).await);
    b.screenshot("edition-2025-1280.png").await.unwrap();

    // Back to the TIR 2023 release: the sliders return.
    pick(&b, "ftri").await;
    assert!(has_sliders(&b).await);

    // A link from before the editions: format 1's `ftri` is the TIR 2021 edition.
    b.open(&format!("{}?v=1&b=ftri&w=rd:2", site.url))
        .await
        .unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let picked = b
        .js("return document.querySelector('#dataset').value")
        .await
        .unwrap();
    assert_eq!(picked.as_str(), Some("ftri-2021"));
    let scenario = e2e::artifacts().join("edition-v1.json");
    std::fs::write(
        &scenario,
        r#"{"format": 1, "bundle": "ftri", "weights": {"rd": 2}}"#,
    )
    .unwrap();
    let rows = b.rows().await.unwrap();
    let cli = cli_codes(
        "ftri-2021",
        &["--scenario", &scenario.display().to_string()],
    );
    assert_eq!(codes(&rows), cli[..rows.len()]);
    // The address now says what it shows, in today's format.
    let url = b.client.current_url().await.unwrap().to_string();
    assert!(url.contains("v=2") && url.contains("b=ftri-2021"), "{url}");
    b.close().await;

    // On a phone: the 2025 edition's weights sentence fits the column.
    let phone = Browser::start(360, 800).await.unwrap();
    phone
        .open(&format!("{}?b=ftri-2025", site.url))
        .await
        .unwrap();
    phone.wait_for("#weights-fixed", 30).await.unwrap();
    assert_eq!(
        phone.past_right_edge().await.unwrap(),
        serde_json::json!([]),
        "no sideways scrolling at 360 px"
    );
    phone
        .js("document.querySelector('#weights-fixed').scrollIntoView(); return true")
        .await
        .unwrap();
    phone.screenshot("edition-2025-360.png").await.unwrap();
    phone.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_better_life_index_rated_zero_to_five() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&format!("{}?b=bli", site.url)).await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Equal ratings: the OECD's way with every dimension rated the same.
    let rows = b.rows().await.unwrap();
    assert_eq!(codes(&rows), cli_codes("bli", &[])[..rows.len()]);
    // Ratings: the sliders move in whole steps; rating housing 3 and jobs 0 is the CLI's
    // ranking with those weights.
    b.click("#weight-ratings").await.unwrap();
    let step = b
        .js("return document.querySelector('#w-housing').step")
        .await
        .unwrap();
    assert_eq!(step.as_str(), Some("1"));
    b.set_weight("housing", "3").await.unwrap();
    b.set_weight("jobs", "0").await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let scenario = e2e::artifacts().join("bli-ratings.json");
    std::fs::write(
        &scenario,
        r#"{"format": 2, "bundle": "bli", "weights": {"housing": 3, "jobs": 0}}"#,
    )
    .unwrap();
    let rows = b.rows().await.unwrap();
    let cli = cli_codes("bli", &["--scenario", &scenario.display().to_string()]);
    assert_eq!(codes(&rows), cli[..rows.len()]);
    b.screenshot("bli-ratings-1280.png").await.unwrap();
    b.close().await;
}
