//! Saved scenarios in a real headless Chromium: save two, reload, compare them — the
//! rank-change table is the CLI's `index compare` for the same two stored files — unreadable
//! storage entries are listed and kept until removed while everything else saved survives, a
//! deleted scenario comes back with Undo, full storage gives a notice, and without storage
//! scenarios last the visit and still compare.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::time::Duration;

use e2e::{cli_json, Browser, Site};

#[tokio::test(flavor = "multi_thread")]
async fn saved_scenarios_survive_a_reload_and_compare_like_the_cli() {
    let site = Site::start().unwrap();
    let b = Browser::start(1400, 1000).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.js("localStorage.clear(); return true").await.unwrap();

    b.save_scenario("Published").await.unwrap();
    b.set_weight("rd", "3").await.unwrap();
    b.set_weight("finance", "0.5").await.unwrap();
    b.save_scenario("R&D heavy").await.unwrap();

    // Reload: both are still there.
    b.client.refresh().await.unwrap();
    b.wait_for("#saved-list li.saved", 30).await.unwrap();
    let names = b.saved_names().await.unwrap();
    assert_eq!(names, serde_json::json!(["Published", "R&D heavy"]));

    // The stored files, as the CLI reads them.
    let stored = b
        .js("return Object.keys(localStorage).filter(k => k.startsWith('index-explorer:scenario:')).sort().map(k => localStorage.getItem(k))")
        .await
        .unwrap();
    let dir = e2e::artifacts();
    let files: Vec<String> = stored
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.join(format!("stored-scenario-{i}.json"));
            std::fs::write(&path, text.as_str().unwrap()).unwrap();
            path.display().to_string()
        })
        .collect();
    assert_eq!(files.len(), 2);

    // Compare them in the app.
    b.js("document.querySelectorAll('#saved-list .compare-box').forEach(c => c.click()); return true")
        .await
        .unwrap();
    b.wait_for("#compare-table tbody tr", 10).await.unwrap();
    let table = b
        .js("return [...document.querySelectorAll('#compare-table tbody tr')].map(r => [r.dataset.code, ...[...r.querySelectorAll('td')].map(t => t.textContent)])")
        .await
        .unwrap();
    let table = table.as_array().unwrap();
    assert!(table.len() >= 20, "{table:?}");

    // The CLI on the same two stored files, through the same bundle the page uses.
    let cli = cli_json(&[
        "compare", "-s", &files[0], "-s", &files[1], "--format", "json",
    ])
    .unwrap();
    let moves = cli["moves"].as_array().unwrap();
    for (row, m) in table.iter().zip(moves) {
        let row = row.as_array().unwrap();
        assert_eq!(row[0], m["code"], "same order: largest move first");
        let ranks: Vec<String> = m["ranks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_u64().map_or("–".into(), |r| r.to_string()))
            .collect();
        assert_eq!(row[1].as_str().unwrap(), ranks[0]);
        assert_eq!(row[2].as_str().unwrap(), ranks[1]);
    }
    assert!(
        moves[0]["largest_move"].as_u64().unwrap() > 0,
        "the two scenarios rank differently"
    );
    let gaps = b
        .js("return [...document.querySelectorAll('#compare-gaps tbody tr')].map(r => r.querySelector('.gap').textContent)")
        .await
        .unwrap();
    let cli_gaps: Vec<String> = cli["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| e2e::shown(g["comparison"]["nodes"][0]["difference"].as_f64().unwrap()))
        .collect();
    assert_eq!(gaps, serde_json::json!(cli_gaps));
    b.close().await;
}

/// The keys listed as unreadable under Scenarios.
async fn unreadable(b: &Browser) -> serde_json::Value {
    b.js("return [...document.querySelectorAll('#unreadable-entries li')].map(l => l.dataset.key)")
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn unreadable_entries_are_listed_kept_and_removed_only_when_asked() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.js("localStorage.clear(); return true").await.unwrap();
    b.save_scenario("Keep me").await.unwrap();
    // A corrupt entry, and one under a key this app never writes (`0004` for `4`): read as
    // the key `4`, renaming one would have renamed the other.
    b.js("localStorage.setItem('index-explorer:scenario:1', '{\"format\": 1, \"year\": \"garbage'); \
          localStorage.setItem('index-explorer:scenario:0004', '{\"format\": 1, \"bundle\": \"ftri\", \"name\": \"Twin\"}'); \
          return true")
        .await
        .unwrap();
    b.client.refresh().await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let text = b.notices().await.unwrap();
    assert!(
        text.contains("2 saved scenario entries could not be read"),
        "{text}"
    );
    assert_eq!(
        b.saved_names().await.unwrap(),
        serde_json::json!(["Keep me"])
    );
    let mut listed: Vec<String> = unreadable(&b)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        ["index-explorer:scenario:0004", "index-explorer:scenario:1"]
    );
    let kept = b
        .js("return localStorage.getItem('index-explorer:scenario:1')")
        .await
        .unwrap();
    assert!(
        kept.as_str().unwrap().contains("garbage"),
        "the corrupt entry is left as it was"
    );
    // Removing one, when asked, removes that one only.
    b.js("document.querySelector('#unreadable-entries li[data-key=\"index-explorer:scenario:1\"] .remove-unreadable').click(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        unreadable(&b).await,
        serde_json::json!(["index-explorer:scenario:0004"])
    );
    let left = b
        .js("return [localStorage.getItem('index-explorer:scenario:1'), localStorage.getItem('index-explorer:scenario:0004')]")
        .await
        .unwrap();
    assert!(left[0].is_null(), "{left}");
    assert!(left[1].as_str().unwrap().contains("Twin"), "{left}");
    b.js("localStorage.clear(); return true").await.unwrap();
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_scenario_comes_back_with_undo_and_an_untitled_one_can_be_opened() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.js("localStorage.clear(); \
          localStorage.setItem('index-explorer:scenario:5', '{\"format\": 1, \"bundle\": \"ftri\", \"year\": 2015}'); \
          return true")
        .await
        .unwrap();
    b.client.refresh().await.unwrap();
    b.wait_for("#saved-list li.saved", 30).await.unwrap();
    b.save_scenario("Second").await.unwrap();
    assert_eq!(
        b.saved_names().await.unwrap(),
        serde_json::json!(["Untitled scenario #5", "Second"])
    );
    // The untitled one has a button one can see and press.
    let size = b
        .js("const r = document.querySelector('#saved-list .open-scenario').getBoundingClientRect(); return [r.width, r.height]")
        .await
        .unwrap();
    assert!(
        size[0].as_f64().unwrap() > 20.0 && size[1].as_f64().unwrap() > 10.0,
        "{size}"
    );
    b.js("document.querySelector('#saved-list .open-scenario').click(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let year = b
        .js("return document.querySelector('#year').value")
        .await
        .unwrap();
    assert_eq!(year.as_str(), Some("2015"));

    // Delete, then undo: the scenario is back, in storage too, under its own id.
    b.js("document.querySelector('#saved-list li.saved[data-id=\"5\"] .danger').click(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        b.saved_names().await.unwrap(),
        serde_json::json!(["Second"])
    );
    let gone = b
        .js("return localStorage.getItem('index-explorer:scenario:5')")
        .await
        .unwrap();
    assert!(gone.is_null());
    b.js("document.querySelector('#undo-delete button.link').click(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        b.saved_names().await.unwrap(),
        serde_json::json!(["Untitled scenario #5", "Second"])
    );
    let back = b
        .js("return localStorage.getItem('index-explorer:scenario:5')")
        .await
        .unwrap();
    assert!(back.as_str().unwrap().contains("2015"), "{back}");
    b.js("localStorage.clear(); return true").await.unwrap();
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn full_storage_gives_a_notice_and_the_app_keeps_working() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.js("localStorage.clear(); return true").await.unwrap();
    b.save_scenario("Before").await.unwrap();
    // Fill the browser's storage to its quota.
    let filled = b
        .js("let chunk = 'x'.repeat(256 * 1024), i = 0, last = ''; \
             for (const size of [256 * 1024, 1024, 16]) { \
               chunk = 'x'.repeat(size); \
               try { for (;;) { localStorage.setItem('filler-' + size + '-' + i, chunk); i++; } } \
               catch (e) { last = e.name; } } \
             return last;")
        .await
        .unwrap();
    assert_eq!(filled.as_str(), Some("QuotaExceededError"), "{filled:?}");
    b.save_scenario("After").await.unwrap();
    let text = b.notices().await.unwrap();
    assert!(text.contains("storage is full"), "{text}");
    let names = b.saved_names().await.unwrap();
    assert_eq!(
        names,
        serde_json::json!(["Before"]),
        "nothing half-saved, nothing lost"
    );
    // The app still works: a weight change still re-ranks.
    let before = b.rows().await.unwrap();
    b.set_weight("rd", "4").await.unwrap();
    assert_ne!(b.rows().await.unwrap(), before);
    b.js("localStorage.clear(); return true").await.unwrap();
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_storage_scenarios_last_the_visit_and_still_compare() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    // Storage becomes unavailable, as when a setting blocks site data: reading
    // `window.localStorage` throws.
    let denied = b
        .js("Object.defineProperty(window, 'localStorage', { configurable: true, \
               get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } }); \
             try { localStorage.length; return 'allowed'; } catch (e) { return e.name; }")
        .await
        .unwrap();
    assert_eq!(denied.as_str(), Some("SecurityError"), "storage is blocked");

    b.save_scenario("Published").await.unwrap();
    b.set_weight("rd", "3").await.unwrap();
    b.save_scenario("R&D ×3").await.unwrap();
    let names = b.saved_names().await.unwrap();
    assert_eq!(names, serde_json::json!(["Published", "R&D ×3"]));
    let text = b.notices().await.unwrap();
    assert!(text.contains("kept until this page closes"), "{text}");
    assert!(!text.contains("not saved"), "{text}");

    // The two compare like stored ones; deleting one is not an error.
    b.js("document.querySelectorAll('#saved-list .compare-box').forEach(c => c.click()); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let compared = b
        .js("return document.querySelectorAll('#compare-table tbody tr').length")
        .await
        .unwrap();
    assert!(
        compared.as_u64().unwrap_or(0) > 0,
        "a comparison is shown: {compared}"
    );
    b.js("document.querySelector('#saved-list li.saved .danger').click(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let names = b.saved_names().await.unwrap();
    assert_eq!(names, serde_json::json!(["R&D ×3"]));
    let text = b.notices().await.unwrap();
    assert!(!text.contains("Not deleted"), "{text}");
    b.close().await;
}
