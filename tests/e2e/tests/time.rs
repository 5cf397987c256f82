//! Time (issue 13) in a real headless Chromium: the year slider in the header ranks as the CLI
//! does for the year it reaches, by keyboard, and the link keeps the year; Play steps through the
//! years and Pause stops them; normalising across all years ranks as the CLI's
//! `--normalise-across-years`; the followed unit's chart over the years has the CLI's
//! `rank --all-years --unit` figures as its table alternative, and embeds. Screenshots of the header at 1280
//! and 360 px.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{cli_json, shown, Browser, Site};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

/// The years the header offers (the year select's options, ascending).
async fn years(b: &Browser) -> Vec<i32> {
    let v = b
        .js("return [...document.querySelectorAll('#year option')].map(o => o.value)")
        .await
        .unwrap();
    let mut y: Vec<i32> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().parse().unwrap())
        .collect();
    y.sort_unstable();
    y
}

/// The year shown: the select's value, which must be the slider's value text too.
async fn year_shown(b: &Browser) -> i32 {
    let v = b
        .js("return [document.querySelector('#year').value, document.querySelector('#year-slider').getAttribute('aria-valuetext')]")
        .await
        .unwrap();
    assert_eq!(v[0], v[1], "the select and the slider show one year");
    v[0].as_str().unwrap().parse().unwrap()
}

/// Presses `key` on the year slider and lets the page apply it.
async fn press(b: &Browser, key: Key) {
    b.client
        .find(Locator::Css("#year-slider"))
        .await
        .unwrap()
        .send_keys(&key.to_string())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// Whether Play is pressed (the years playing): its `aria-pressed`.
async fn pressed(b: &Browser) -> Value {
    b.js("return document.querySelector('#year-play').getAttribute('aria-pressed')")
        .await
        .unwrap()
}

/// The page's ranking equals the CLI's for `extra` (over the rows rendered).
async fn ranks_as_cli(b: &Browser, extra: &[&str], what: &str) -> Vec<(String, String)> {
    let rows = b.rows().await.unwrap();
    let cli = e2e::cli_ftri_ranks(extra);
    assert!(rows.len() >= 10, "rows rendered: {rows:?}");
    assert_eq!(
        rows,
        cli[..rows.len()],
        "{what}: the ranking differs from the CLI's"
    );
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn the_year_slider_ranks_as_the_cli_and_play_steps_through_the_years() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    let years = years(&b).await;
    assert!(years.len() > 3, "FTRI has many years: {years:?}");
    let (first, last) = (years[0], *years.last().unwrap());
    assert_eq!(year_shown(&b).await, last, "it opens on the latest year");
    let label = b
        .js("const s = document.querySelector('#year-slider'); return [s.min, s.max, document.getElementById(s.getAttribute('aria-labelledby')).textContent]")
        .await
        .unwrap();
    assert_eq!(
        label,
        serde_json::json!(["0", (years.len() - 1).to_string(), "Years"])
    );
    let shot = b.screenshot("time-header-1280.png").await.unwrap();
    println!("screenshot: {}", shot.display());

    // Home, then one step right, by keyboard: the second year, ranked as the CLI ranks it.
    press(&b, Key::Home).await;
    assert_eq!(year_shown(&b).await, first);
    press(&b, Key::Right).await;
    let second = years[1];
    assert_eq!(year_shown(&b).await, second);
    let y = second.to_string();
    let at_second = ranks_as_cli(&b, &["--year", &y], "second year").await;
    let query = b.query().await.unwrap();
    assert!(
        query.contains(&format!("y={second}")),
        "the link keeps the year: {query}"
    );
    // The year changed the ranking (else the test above could not fail for the wrong year).
    assert_ne!(
        at_second,
        e2e::cli_ftri_ranks(&[])[..at_second.len()],
        "{second} ranks otherwise than {last}"
    );

    // Play advances the year, one step every 700 ms; Pause stops it where it is.
    b.click("#year-play").await.unwrap();
    assert_eq!(pressed(&b).await, "true", "pressed while playing");
    tokio::time::sleep(Duration::from_millis(1_600)).await;
    b.click("#year-play").await.unwrap();
    let paused = year_shown(&b).await;
    assert!(
        paused > second && paused < last,
        "two steps or so from {second}: {paused}"
    );
    assert_eq!(pressed(&b).await, "false");
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(year_shown(&b).await, paused, "paused: the year stays");
    let p = paused.to_string();
    ranks_as_cli(&b, &["--year", &p], "the year play stopped at").await;

    // Played to the end it stops at the last year; choosing a year by hand pauses.
    press(&b, Key::End).await;
    press(&b, Key::Left).await;
    b.click("#year-play").await.unwrap();
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(year_shown(&b).await, last);
    assert_eq!(pressed(&b).await, "false", "stopped at the last year");
    b.click("#year-play").await.unwrap();
    assert_eq!(
        year_shown(&b).await,
        first,
        "Play at the last year starts again"
    );
    press(&b, Key::Right).await;
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(year_shown(&b).await, second, "a year chosen by hand pauses");
    assert_eq!(b.text(".notices").await.unwrap().trim(), "", "no notices");

    // The focus ring shows on the slider (keyboard focus).
    let outline = b
        .js("return getComputedStyle(document.querySelector('#year-slider')).outlineStyle")
        .await
        .unwrap();
    assert_eq!(outline, "solid", "visible focus");
    b.close().await;

    // On a phone the slider and its button are 44 px tall targets and nothing runs off the side.
    let phone = Browser::start(360, 800).await.unwrap();
    phone.open(&site.url).await.unwrap();
    let sizes = phone
        .js("return ['#year-play', '#year-slider'].map(s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.width, r.height]; })")
        .await
        .unwrap();
    for s in sizes.as_array().unwrap() {
        assert!(
            s[0].as_f64().unwrap() >= 44.0 && s[1].as_f64().unwrap() >= 44.0,
            "touch target {s}"
        );
    }
    fits_and_shot(phone, "time-header-360.png").await;
}

/// Nothing on the page runs off its right side; a screenshot `name` is kept; the browser closes.
async fn fits_and_shot(b: Browser, name: &str) {
    assert_eq!(b.past_right_edge().await.unwrap(), serde_json::json!([]));
    let shot = b.screenshot(name).await.unwrap();
    println!("screenshot: {}", shot.display());
    b.close().await;
}

/// Picks the option labelled `label` in the method select `id` and lets the page apply it.
async fn choose(b: &Browser, id: &str, label: &str) {
    let done = b
        .js(&format!(
            "const s = document.querySelector('#{id}'); \
             const o = [...s.options].find(o => o.textContent.startsWith({label:?})); \
             if (!o) return false; s.value = o.value; \
             s.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
        ))
        .await
        .unwrap();
    assert_eq!(done, true, "#{id} offers {label}");
    tokio::time::sleep(Duration::from_millis(500)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn normalising_across_years_ranks_as_the_cli() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    // z-scores read every year's values (FTRI's published scores are min-max within each year,
    // so a pooled min-max would change nothing).
    let scenario = e2e::artifacts().join("time-zscore.json");
    std::fs::write(
        &scenario,
        r#"{"format": 2, "bundle": "ftri", "method": {"normalisation": {"type": "z_score", "mean": 100, "sd": 10}}}"#,
    )
    .unwrap();
    let scenario = scenario.display().to_string();
    choose(&b, "normalisation", "z-scores").await;
    let within = ranks_as_cli(&b, &["--scenario", &scenario], "z-scores within each year").await;
    let line = b.text("#method-line").await.unwrap();
    assert!(line.contains("normalised within each year"), "{line}");

    choose(&b, "normalise-over", "Across all years").await;
    let across = ranks_as_cli(
        &b,
        &["--scenario", &scenario, "--normalise-across-years"],
        "z-scores across all years",
    )
    .await;
    assert_ne!(within, across, "pooling the years moves some units");
    let line = b.text("#method-line").await.unwrap();
    assert!(line.contains("normalised over all years"), "{line}");
    let query = b.query().await.unwrap();
    assert!(
        query.contains("ny=all"),
        "the link keeps the choice: {query}"
    );
    // The link opens the same view.
    b.reload().await.unwrap();
    assert_eq!(b.rows().await.unwrap(), across);
    let picked = b
        .js("const s = document.querySelector('#normalise-over'); return s.options[s.selectedIndex].textContent")
        .await
        .unwrap();
    assert!(
        picked.as_str().unwrap().starts_with("Across all years"),
        "{picked}"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_followed_units_chart_over_the_years_is_the_clis() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.wait_for("#unit-trend-none", 30).await.unwrap();
    let hint = b
        .js("const p = document.querySelector('#unit-trend-none'); return [p.hidden, p.textContent]")
        .await
        .unwrap();
    assert_eq!(hint[0], false, "the hint shows while no unit is followed");
    assert!(
        hint[1].as_str().unwrap().contains("Follow a country"),
        "{hint}"
    );

    // Follow Kenya, under changed weights (through the link), then open the chart's table.
    b.open(&format!("{}?w=rd:3&u=KEN", site.url)).await.unwrap();
    let chart = "figure[data-chart='unit-trend']";
    b.wait_for(chart, 10).await.unwrap();
    b.js(&format!(
        "const d = document.querySelector(\"{chart} details\"); d.open = true; \
         d.dispatchEvent(new Event('toggle')); return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rows = b.cells(&format!("{chart} tbody tr")).await.unwrap();

    let scenario = e2e::artifacts().join("time-weights.json");
    std::fs::write(
        &scenario,
        r#"{"format": 2, "bundle": "ftri", "weights": {"rd": 3}}"#,
    )
    .unwrap();
    let scenario = scenario.display().to_string();
    let bundle = e2e::ftri_bundle();
    let cli = cli_json(&[
        "rank",
        "--bundle",
        &bundle,
        "--scenario",
        &scenario,
        "--all-years",
        "--unit",
        "KEN",
        "--format",
        "json",
    ])
    .unwrap();
    let want: Vec<Vec<String>> = cli["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| {
            let u = &y["units"][0];
            let rank = u["rank"]
                .as_u64()
                .map_or("–".to_string(), |r| r.to_string());
            let score = u["score"].as_f64().map_or("–".to_string(), shown);
            vec![y["year"].to_string(), rank, score]
        })
        .collect();
    assert!(want.len() > 3, "{cli}");
    let got: Vec<Vec<String>> = rows.iter().map(|r| r[..3].to_vec()).collect();
    assert_eq!(got, want, "year, rank and score over the years");
    // Each row has both groups' means (LDCs, developed), as numbers.
    assert!(rows.iter().all(|r| r.len() == 5), "{rows:?}");
    let caption = b.text(&format!("{chart} h3")).await.unwrap();
    assert!(caption.starts_with("Kenya: rank and"), "{caption}");
    let source = b.text(&format!("{chart} .source")).await.unwrap();
    assert!(source.contains("UNCTAD"), "{source}");
    let value: Value = b
        .js(&format!(
            "return document.querySelectorAll(\"{chart} canvas\").length"
        ))
        .await
        .unwrap();
    assert_eq!(value, 1, "drawn on a canvas");
    b.js(&format!(
        "document.querySelector(\"{chart}\").scrollIntoView(); return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let shot = b.screenshot("time-unit-trend.png").await.unwrap();
    println!("screenshot: {}", shot.display());

    // Embedded, the chart names the unit, with the source line.
    b.client
        .goto(&format!("{}?embed=unit-trend&w=rd:3&u=KEN", site.url))
        .await
        .unwrap();
    b.wait_for(".embed-title", 30).await.unwrap();
    let title = b.text(".embed-title").await.unwrap();
    assert!(title.starts_with("Kenya: rank and"), "{title}");
    assert!(b.text(".embed-source").await.unwrap().contains("UNCTAD"));
    b.close().await;

    // On a phone the chart fits the screen.
    let phone = Browser::start(360, 800).await.unwrap();
    phone.open(&format!("{}?u=KEN", site.url)).await.unwrap();
    phone.wait_for(chart, 10).await.unwrap();
    phone
        .js(&format!(
            "document.querySelector(\"{chart}\").scrollIntoView(); return true"
        ))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    fits_and_shot(phone, "time-unit-trend-360.png").await;
}
