//! The explorer in a real headless Chromium: it opens on the FTRI ranking the CLI computes,
//! a dragged R&D slider re-ranks and moves the LDC–developed gap to exactly the CLI's figures
//! for the same scenario, the link reproduces the view, a row is followed by mouse and keyboard
//! while the ranking moves, and a tampered link gives notices.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{cli_json, shown, Browser, Site};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

/// (code, rank) of the CLI's ranking for `scenario` (a JSON file path, or none).
fn cli_ranks(scenario: Option<&str>) -> Vec<(String, String)> {
    let extra = scenario.map_or(vec![], |s| vec!["--scenario", s]);
    e2e::cli_ftri_ranks(&extra)
}

/// The CLI's LDC–developed comparison on the index: (A mean, B mean, gap) as the page shows them.
fn cli_gap(scenario: Option<&str>) -> (String, String, String) {
    let bundle = e2e::ftri_bundle();
    let mut args = vec!["gaps", "--bundle", bundle.as_str(), "--format", "json"];
    if let Some(s) = scenario {
        args.extend(["--scenario", s]);
    }
    let v = cli_json(&args).unwrap();
    let idx = &v[0]["nodes"][0];
    let f = |x: &Value| x.as_f64().map(shown).unwrap_or_default();
    (
        f(&idx["a"]["mean"]),
        f(&idx["b"]["mean"]),
        f(&idx["difference"]),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn slider_drag_reranks_and_moves_the_gap_to_the_cli_figures() {
    let site = Site::start().unwrap();
    let b = Browser::start(1400, 1000).await.unwrap();
    b.open(&site.url).await.unwrap();

    // Default view: FTRI, latest year, published (equal) weights — the CLI's ranking.
    let title = b
        .js("return document.querySelector('.summary-inner strong').textContent")
        .await
        .unwrap();
    assert_eq!(
        title.as_str(),
        Some("Frontier Technology Readiness Index (TIR 2023 release, 2008–2021)")
    );
    let before = b.rows().await.unwrap();
    let cli_before = cli_ranks(None);
    assert!(before.len() >= 10, "rows rendered: {before:?}");
    assert_eq!(
        before,
        cli_before[..before.len()],
        "default ranking differs from the CLI's"
    );
    assert_eq!(b.gap_row("ftri").await.unwrap(), cli_gap(None));
    let shot = b.screenshot("default-view.png").await.unwrap();
    println!("screenshot: {}", shot.display());

    // Drag the R&D slider's thumb to the right with the mouse.
    let slider = b.client.find(Locator::Css("#w-rd")).await.unwrap();
    let width = b
        .js("return document.querySelector('#w-rd').getBoundingClientRect().width")
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    let value = |v: Value| v.as_str().and_then(|s| s.parse::<f64>().ok()).unwrap();
    let start = value(
        b.js("return document.querySelector('#w-rd').value")
            .await
            .unwrap(),
    );
    let thumb = (start / 5.0 - 0.5) * width;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: slider,
            duration: None,
            x: thumb,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(200)),
            x: (0.45 * width).round(),
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    b.client.perform_actions(drag).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rd = value(
        b.js("return document.querySelector('#w-rd').value")
            .await
            .unwrap(),
    );
    assert!(
        rd > start + 1.0,
        "the drag moved the slider from {start} to {rd}"
    );

    // The page's new ranking and gap are the CLI's for the same scenario.
    let scenario = e2e::rd_scenario("drag-scenario.json", rd);
    let after = b.rows().await.unwrap();
    let cli_after = cli_ranks(Some(&scenario));
    assert_eq!(
        after,
        cli_after[..after.len()],
        "ranking after the drag differs from the CLI's"
    );
    assert_ne!(after, before, "raising the R&D weight changes the ranking");
    let gap_after = b.gap_row("ftri").await.unwrap();
    assert_eq!(gap_after, cli_gap(Some(&scenario)));
    assert_ne!(gap_after, cli_gap(None), "the LDC–developed gap moved");
    // The change column shows moves against the published weights.
    let moved = b.js("return document.querySelectorAll('#rank-table .c-change.up, #rank-table .c-change.down').length").await.unwrap();
    assert!(moved.as_u64().unwrap() > 0, "some rows show a rank change");

    // The URL holds the state; reloading shows the same view.
    let query = b.query().await.unwrap();
    assert!(query.contains("w=rd:"), "URL query {query}");
    b.reload().await.unwrap();
    assert_eq!(
        b.rows().await.unwrap(),
        after,
        "the reloaded link shows the same ranking"
    );
    let rd_again = value(
        b.js("return document.querySelector('#w-rd').value")
            .await
            .unwrap(),
    );
    assert!((rd_again - rd).abs() < 1e-9);
    b.close().await;
}

/// The codes of the rows marked selected, and the profile's heading.
async fn followed(b: &Browser) -> (Value, Value) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rows = b
        .js("return [...document.querySelectorAll('#rank-table tbody tr.selected')].map(r => [r.dataset.code, r.getAttribute('aria-selected')])")
        .await
        .unwrap();
    let profile = b
        .js("const h = document.querySelector('#profile h2'); return h ? h.textContent : null")
        .await
        .unwrap();
    (rows, profile)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_row_is_followed_by_mouse_and_keyboard_while_the_ranking_moves() {
    let site = Site::start().unwrap();
    let b = Browser::start(1400, 1000).await.unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();

    // A click follows Sweden: its row is marked, its profile opens, the link says so.
    let row = |code: &str| format!("#rank-table tbody tr[data-code='{code}']");
    b.client
        .find(Locator::Css(&row("SWE")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let (rows, profile) = followed(&b).await;
    assert_eq!(rows, serde_json::json!([["SWE", "true"]]));
    assert!(
        profile.as_str().unwrap_or_default().contains("Sweden"),
        "{profile}"
    );
    let url = b.client.current_url().await.unwrap();
    assert!(
        url.query().unwrap_or_default().contains("u=SWE"),
        "URL {url}"
    );

    // Enter on another row follows it instead.
    b.client
        .find(Locator::Css(&row("CHE")))
        .await
        .unwrap()
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    let (rows, profile) = followed(&b).await;
    assert_eq!(rows, serde_json::json!([["CHE", "true"]]));
    assert!(
        profile.as_str().unwrap_or_default().contains("Switzerland"),
        "{profile}"
    );

    // R&D at 5 moves Switzerland from 2nd to 7th; the mark goes with its row.
    let che_rank = || async {
        b.js("return document.querySelector(\"#rank-table tr[data-code='CHE'] .c-rank\").textContent")
            .await
            .unwrap()
    };
    let rank_before = che_rank().await;
    b.js("const s = document.querySelector('#w-rd'); s.value = '5'; s.dispatchEvent(new Event('input', {bubbles: true})); return null")
        .await
        .unwrap();
    let (rows, _) = followed(&b).await;
    assert_eq!(rows, serde_json::json!([["CHE", "true"]]));
    assert_ne!(che_rank().await, rank_before, "Switzerland's rank moved");

    // Space on the followed row lets it go.
    b.client
        .find(Locator::Css(&row("CHE")))
        .await
        .unwrap()
        .send_keys(" ")
        .await
        .unwrap();
    let (rows, profile) = followed(&b).await;
    assert_eq!(rows, serde_json::json!([]));
    assert_eq!(profile, Value::Null);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tampered_link_gives_notices_and_falls_back_without_losing_the_rest() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    // Year and weights malformed, an unknown normalisation; the group choice is valid and kept.
    b.open(&format!(
        "{}?b=ftri&y=20x9&w=rd:x&n=bogus&g=LDC,developing",
        site.url
    ))
    .await
    .unwrap();
    let notices = b
        .js("return [...document.querySelectorAll('.notice')].map(n => n.textContent)")
        .await
        .unwrap();
    let text = notices.to_string();
    for p in ["`y`", "`w`", "`n`"] {
        assert!(text.contains(p), "a notice names parameter {p}: {text}");
    }
    assert_eq!(
        b.rows().await.unwrap(),
        cli_ranks(None)[..b.rows().await.unwrap().len()],
        "defaults apply"
    );
    let group_b = b
        .js("return document.querySelector('#group-b').value")
        .await
        .unwrap();
    assert_eq!(
        group_b.as_str(),
        Some("developing"),
        "the valid part of the link still applies"
    );
    // An unknown dataset falls back to the default, with a notice.
    b.open(&format!("{}?b=nope", site.url)).await.unwrap();
    let text = b
        .js("return document.querySelector('.notices').textContent")
        .await
        .unwrap()
        .to_string();
    assert!(text.contains("nope"), "{text}");
    // The site people get carries no benchmark harness: `?bench` opens the explorer as usual.
    b.open(&format!("{}?bench=synthetic", site.url))
        .await
        .unwrap();
    let harness = b
        .js("return document.querySelector('#bench-results') !== null")
        .await
        .unwrap();
    assert_eq!(harness, Value::Bool(false), "no benchmark in dist/");
    assert_eq!(
        b.rows().await.unwrap(),
        cli_ranks(None)[..b.rows().await.unwrap().len()],
        "the default ranking, not the synthetic bundle"
    );
    b.close().await;
}
