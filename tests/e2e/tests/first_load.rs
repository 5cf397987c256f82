//! The page before the app has mounted: the default view's ranking written into `index.html` at
//! build time (`index prerender`, run by Trunk's post-build hook) is the CLI's ranking of the
//! bundle the site ships, captioned with its source, edition and licence; it stays on screen,
//! over the mounted app, until the app's ranking replaces it, with the same rows on top, and
//! the view's data is fetched once, preloaded beside the wasm; a link with a query does not show it; and the site
//! carries precompressed files beside its assets, which the server sends to a browser that
//! accepts them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{shown, Browser, Site};
use serde_json::{json, Value};

/// (rank, name, score) of the CLI's top `n` rows for the bundle the site ships, as shown.
/// The CLI's top `n` rows as the page shows them (each country by its short name where the
/// bundle has one).
fn cli_top(n: usize) -> Vec<Vec<String>> {
    e2e::cli_ftri_ranking(&[])[..n]
        .iter()
        .map(|u| {
            vec![
                u["rank"].as_u64().unwrap().to_string(),
                e2e::ftri_label(u["code"].as_str().unwrap(), u["name"].as_str().unwrap()),
                shown(u["score"].as_f64().unwrap()),
            ]
        })
        .collect()
}

fn cells(v: &Value) -> Vec<Vec<String>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().trim().to_string())
                .collect()
        })
        .collect()
}

const PRERENDERED_ROWS: &str = "return [...document.querySelectorAll('#prerendered tbody tr')]\
     .map(r => [...r.children].map(c => c.textContent))";

#[tokio::test(flavor = "multi_thread")]
async fn prerendered_ranking_is_the_clis_and_is_replaced_by_the_app() {
    let site = Site::start().unwrap();
    // Without the wasm (blocked), the page stays as built.
    let b = Browser::start(360, 800).await.unwrap();
    b.cdp("Network.enable", json!({})).await.unwrap();
    b.cdp("Network.setBlockedURLs", json!({"urls": ["*.wasm"]}))
        .await
        .unwrap();
    b.client.goto(&site.url).await.unwrap();
    let rows = cells(&b.js(PRERENDERED_ROWS).await.unwrap());
    assert_eq!(rows.len(), 20, "the top 20 rows are prerendered");
    assert_eq!(rows, cli_top(20), "the prerendered rows are the CLI's");
    let caption = b
        .js("return document.querySelector('#prerendered caption').textContent")
        .await
        .unwrap();
    let caption = caption.as_str().unwrap();
    let bundle: Value =
        serde_json::from_str(&std::fs::read_to_string(e2e::ftri_bundle()).unwrap()).unwrap();
    // Every source of the framework's indicators (as the app's source line).
    let ds = &bundle["dataset"];
    let leaves: Vec<&Value> = bundle["framework"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "indicator")
        .map(|n| &n["id"])
        .collect();
    for source in ds["sources"].as_array().unwrap() {
        let used = ds["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["source"] == source["id"] && leaves.contains(&&i["id"]));
        for field in ["publisher", "edition", "licence"] {
            let text = source[field].as_str().unwrap();
            assert!(
                !used || caption.contains(text),
                "the caption gives the source's {field} `{text}`: {caption}"
            );
        }
    }
    b.screenshot("prerendered-360.png").await.unwrap();
    // A link with a query is not the default view: the prerendered ranking is not shown.
    b.client
        .goto(&format!("{}?year=2018", site.url))
        .await
        .unwrap();
    let hidden = b
        .js("return document.getElementById('prerendered').hidden")
        .await
        .unwrap();
    assert_eq!(hidden, Value::Bool(true));
    b.close().await;

    // With the wasm, the app replaces it, with the same rows on top.
    let b = Browser::start(1280, 900).await.unwrap();
    b.client.goto(&site.url).await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let gone = b
        .js("return !document.getElementById('boot') && !document.getElementById('prerendered')")
        .await
        .unwrap();
    assert_eq!(gone, Value::Bool(true), "the app removed the boot view");
    let app_rows = cells(
        &b.js("return [...document.querySelectorAll('#rank-table tbody tr.row')].slice(0, 5)\
               .map(r => [r.querySelector('.c-rank').textContent, r.querySelector('.c-name').textContent, r.querySelector('.c-score').textContent])")
            .await
            .unwrap(),
    );
    let top = cli_top(5);
    for (app, cli) in app_rows.iter().zip(&top) {
        assert_eq!(app[0], cli[0], "rank");
        assert!(app[1].starts_with(&cli[1]), "{} vs {}", app[1], cli[1]);
        assert_eq!(app[2], cli[2], "score");
    }
    b.close().await;
}

/// Installed before the page's own scripts: before every frame is painted, once the
/// prerendered ranking has been seen, counts the frames with no ranking on screen (neither the
/// prerendered one nor the app's rows), until the app's rows are there and the boot view is
/// gone. (Frames, not DOM changes: Leptos may take rows out and put them back in one task,
/// which no one sees.)
const WATCH: &str =
    "window.__watch = { seen: false, frames: 0, gaps: [], over: false, done: false };
const tick = () => {
  const w = window.__watch;
  const pre = document.getElementById('prerendered');
  const boot = document.getElementById('boot');
  const app = document.querySelector('#rank-table tbody tr.row');
  if (pre) w.seen = true;
  if (w.seen) {
    w.frames++;
    if (boot && boot.classList.contains('over')) w.over = true;
    if (app && !boot) w.done = true;
    else if (!app && !(pre && !pre.hidden)) w.gaps.push({ boot: !!boot, pre: !!pre });
  }
  if (!w.done) requestAnimationFrame(tick);
};
requestAnimationFrame(tick);";

#[tokio::test(flavor = "multi_thread")]
async fn the_ranking_stays_on_screen_until_the_apps_replaces_it() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.before_each_document(WATCH).await.unwrap();
    b.client.goto(&site.url).await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let w = b.js("return window.__watch").await.unwrap();
    assert_eq!(
        w["done"], true,
        "the app's ranking replaced the boot view: {w}"
    );
    assert!(w["frames"].as_u64().unwrap() > 0, "{w}");
    assert_eq!(
        w["over"], true,
        "the boot view covered the mounted app: {w}"
    );
    assert_eq!(
        w["gaps"],
        json!([]),
        "frames without a ranking on screen: {w}"
    );
    // The default view's data was fetched once, by the page's preloads, not after the wasm.
    let data = b
        .js("return performance.getEntriesByType('resource')\
             .filter(e => e.name.includes('/data/')).map(e => [e.name.split('/').pop(), e.initiatorType])")
        .await
        .unwrap();
    assert_eq!(
        data,
        json!([["catalogue.json", "link"], ["ftri.json", "link"]]),
        "fetched once each, by the preloads"
    );
    b.close().await;
}

/// A first load in another language fetches that language's texts, names and module once each,
/// by the page's preloads beside the main module (not after it), and its texts compressed; the
/// default view's data is preloaded as without `lang`.
#[tokio::test(flavor = "multi_thread")]
async fn a_first_load_in_arabic_preloads_its_language_beside_the_wasm() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&format!("{}?lang=ar", site.url)).await.unwrap();
    let v = b
        .js("const files = performance.getEntriesByType('resource')\
               .filter(e => /i18n|names-|_chunk_|\\/data\\//.test(e.name));\
             return { loaded: files.map(e => [e.name.split('/').pop(), e.initiatorType]),\
               ftl: files.filter(e => e.name.endsWith('ar.ftl')).map(e => [e.encodedBodySize, e.decodedBodySize]) }")
        .await
        .unwrap();
    let loaded = v["loaded"].as_array().unwrap();
    // The files the build names in the boot script (which the app removes once it is up).
    let page = std::fs::read_to_string(e2e::root().join("dist/index.html")).unwrap();
    let named: Vec<&str> = page
        .split_once("data-i18n=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(files, _)| files.split(' ').collect())
        .unwrap_or_default();
    assert!(
        named.iter().any(|f| f.ends_with("_split_i18n.wasm")),
        "the page names the language module: {v}"
    );
    let wanted = ["ar.ftl", "names-ar.json", "catalogue.json", "ftri.json"]
        .into_iter()
        .chain(named.iter().copied());
    for file in wanted {
        let fetched: Vec<&Value> = loaded
            .iter()
            .filter(|e| e[0].as_str() == Some(file))
            .collect();
        assert_eq!(
            fetched,
            [&json!([file, "link"])],
            "{file} fetched once, by the page's preload: {v}"
        );
    }
    let (encoded, decoded) = (v["ftl"][0][0].as_f64(), v["ftl"][0][1].as_f64());
    assert!(
        encoded.zip(decoded).is_some_and(|(e, d)| e < d / 2.0),
        "the Arabic texts arrive compressed: {v}"
    );
    assert_eq!(
        b.js("return document.documentElement.dir").await.unwrap(),
        json!("rtl")
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn site_is_precompressed_and_served_compressed() {
    let dist = e2e::root().join("dist");
    let wasm = std::fs::read_dir(&dist)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        // The main module: a file under 1 KiB (a tiny shared chunk) is not precompressed, and
        // the directory's order is the file system's.
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("app-") && n.ends_with("_bg.wasm"))
        })
        .expect("the main wasm module in dist/");
    for ext in ["br", "gz"] {
        let mut p = wasm.clone().into_os_string();
        p.push(format!(".{ext}"));
        assert!(
            std::path::Path::new(&p).is_file(),
            "{} has a .{ext} beside it",
            wasm.display()
        );
    }
    let site = Site::start().unwrap();
    let b = Browser::start(800, 600).await.unwrap();
    b.client.goto(&site.url).await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    b.wait_deferred().await.unwrap();
    // Over plain HTTP Chromium accepts gzip; every wasm module (the main one, the deferred
    // parts' and any chunk they share) and the bundle arrive compressed.
    let v = b
        .js("return performance.getEntriesByType('resource')\
             .filter(e => /\\.wasm$|ftri\\.json$/.test(e.name))\
             .map(e => [e.name, e.encodedBodySize, e.decodedBodySize])")
        .await
        .unwrap();
    let entries = v.as_array().unwrap();
    let names: Vec<&str> = entries.iter().filter_map(|e| e[0].as_str()).collect();
    for part in ["_bg.wasm", "_split_below.wasm", "ftri.json"] {
        assert_eq!(
            names.iter().filter(|n| n.ends_with(part)).count(),
            1,
            "one {part} fetched: {v}"
        );
    }
    for e in entries {
        let (enc, dec) = (e[1].as_f64().unwrap(), e[2].as_f64().unwrap());
        // Compressed to under half; a file of a few hundred bytes (the smallest shared chunk)
        // to less than it was.
        let enough = if dec < 1024.0 {
            enc < dec
        } else {
            enc < dec / 2.0
        };
        assert!(enough, "{} arrives compressed: {enc} of {dec} B", e[0]);
    }
    b.close().await;
}

/// The parts of the page in the split modules (the saved scenarios and everything below the
/// explorer; the world map, and the method's settings with the every-year download, have
/// modules of their own) come after the explorer: while their
/// modules cannot be fetched, the explorer works
/// and each part says in its place that it could not be loaded, with a Retry that loads it once
/// the module can be fetched again.
#[tokio::test(flavor = "multi_thread")]
async fn a_deferred_part_that_cannot_be_fetched_says_so_and_retries() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.cdp("Network.enable", json!({})).await.unwrap();
    b.cdp(
        "Network.setBlockedURLs",
        json!({"urls": ["*_split_below.wasm", "*_split_map.wasm"]}),
    )
    .await
    .unwrap();
    b.client.goto(&site.url).await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    b.wait_for(".deferred-failed:not([hidden])", 30)
        .await
        .unwrap();
    let failed = b
        .js("return [...document.querySelectorAll('.deferred-failed:not([hidden])')].map(p => p.textContent)")
        .await
        .unwrap();
    let failed = failed.as_array().unwrap();
    assert!(
        failed.iter().any(|t| t
            .as_str()
            .unwrap()
            .starts_with("Could not load the saved scenarios")),
        "{failed:?}"
    );
    // Only the parts of the module not blocked (`side`: the method's settings and the every
    // year download) are in place.
    assert_eq!(
        b.js("return [...document.querySelectorAll('.deferred[data-loaded] h2')].map(h => h.id)")
            .await
            .unwrap(),
        json!(["method-h", "every-year-h"]),
        "no deferred part without its module"
    );
    // The explorer itself works: a weight moves the ranking.
    let before = b.rows().await.unwrap();
    b.set_weight("rd", "5").await.unwrap();
    assert_ne!(
        b.rows().await.unwrap(),
        before,
        "the ranking follows the weights"
    );

    b.cdp("Network.setBlockedURLs", json!({"urls": []}))
        .await
        .unwrap();
    b.click(".deferred-failed:not([hidden]) button")
        .await
        .unwrap();
    // One Retry retries every part: they share their module.
    b.wait_deferred().await.unwrap();
    b.wait_for(".deferred[data-loaded] #saved-list", 5)
        .await
        .unwrap();
    assert_eq!(
        b.js("return document.querySelectorAll('.deferred-failed:not([hidden])').length")
            .await
            .unwrap(),
        json!(0),
        "no failure line left"
    );
    b.close().await;
}
