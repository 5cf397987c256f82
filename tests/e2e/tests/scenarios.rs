//! Saved scenarios in a real headless Chromium: save two, reload, compare them — the
//! rank-change table is the CLI's `index compare` for the same two stored files — unreadable
//! storage entries are listed and kept until removed while everything else saved survives, a
//! deleted scenario comes back with Undo, full storage gives a notice, and without storage
//! scenarios last the visit and still compare; two tabs keep one list, and a rename never writes
//! over what another tab saved.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::time::Duration;

use e2e::{cli_json, Browser, Site};
use serde_json::json;

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
    // The saved scenarios' part says what was found at start, once it is drawn.
    b.wait_for("#unreadable-entries li", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let text = b.notices().await.unwrap();
    assert!(
        text.contains("Saved scenario entries that could not be read: 2."),
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

/// The ids in the saved-scenarios list, in order.
async fn saved_ids(b: &Browser) -> Vec<String> {
    let ids = b
        .js("return [...document.querySelectorAll('#saved-list li.saved')].map(e => e.dataset.id)")
        .await
        .unwrap();
    serde_json::from_value(ids).unwrap()
}

/// Renames saved scenario `id` to `name` through its menu's Rename and the form's OK.
async fn rename(b: &Browser, id: &str, name: &str) {
    b.js(&format!(
        "document.querySelector('#saved-list li.saved[data-id=\"{id}\"] .more-menu button').click(); return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
    let name = serde_json::to_string(name).unwrap();
    b.js(&format!(
        "const li = document.querySelector('#saved-list li.saved[data-id=\"{id}\"]'); \
         const i = li.querySelector('.rename-input'); i.value = {name}; \
         i.dispatchEvent(new Event('input', {{bubbles: true}})); \
         li.querySelector('form.rename button[type=submit]').click(); return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
}

/// Waits up to 5 s for tab `b`'s list to show `names`; the names it shows last.
async fn names_become(b: &Browser, names: &serde_json::Value) -> serde_json::Value {
    let mut shown = serde_json::Value::Null;
    for _ in 0..50 {
        shown = b.saved_names().await.unwrap();
        if &shown == names {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    shown
}

#[tokio::test(flavor = "multi_thread")]
async fn two_tabs_keep_one_list_and_a_stale_rename_writes_over_nothing() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.js("localStorage.clear(); return true").await.unwrap();
    b.client.refresh().await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    let first = b.client.window().await.unwrap();
    let second = b.client.new_window(true).await.unwrap().handle;
    b.client.switch_to_window(second.clone()).await.unwrap();
    b.open(&site.url).await.unwrap();

    // Saved in the second tab: the first tab's list shows it without a reload, with a notice.
    b.save_scenario("From the second tab").await.unwrap();
    b.client.switch_to_window(first.clone()).await.unwrap();
    let names = json!(["From the second tab"]);
    assert_eq!(names_become(&b, &names).await, names);
    assert!(
        b.notices()
            .await
            .unwrap()
            .contains("changed in another tab"),
        "{}",
        b.notices().await.unwrap()
    );
    let ids = saved_ids(&b).await;
    assert_eq!(ids.len(), 1);
    let id = ids[0].clone();
    let key = format!("index-explorer:scenario:{id}");

    // Saved in the first tab: the second tab lists both.
    b.save_scenario("From the first tab").await.unwrap();
    b.client.switch_to_window(second.clone()).await.unwrap();
    let both = json!(["From the second tab", "From the first tab"]);
    assert_eq!(names_become(&b, &both).await, both);

    // Two tabs saving in the same millisecond would pick the same id: here the second tab's
    // clock is held at an id another tab has just written (its event not yet heard). The save
    // takes the next free id and writes over nothing.
    let taken = "4102444800000";
    b.js(&format!(
        "localStorage.setItem('index-explorer:scenario:{taken}', '{{\"format\": 1, \"bundle\": \"ftri\", \"name\": \"Written elsewhere\"}}'); \
         window.realNow = Date.now; Date.now = () => {taken}; return true"
    ))
    .await
    .unwrap();
    b.save_scenario("Same millisecond").await.unwrap();
    b.js("Date.now = window.realNow; return true")
        .await
        .unwrap();
    let elsewhere = b
        .js(&format!(
            "return localStorage.getItem('index-explorer:scenario:{taken}')"
        ))
        .await
        .unwrap();
    assert!(
        elsewhere.as_str().unwrap().contains("Written elsewhere"),
        "{elsewhere}"
    );
    let next = b
        .js(&format!(
            "return localStorage.getItem('index-explorer:scenario:{}')",
            4102444800001u64
        ))
        .await
        .unwrap();
    assert!(
        next.as_str().unwrap().contains("Same millisecond"),
        "{next}"
    );
    b.js(&format!(
        "localStorage.removeItem('index-explorer:scenario:{taken}'); localStorage.removeItem('index-explorer:scenario:{}'); return true",
        4102444800001u64
    ))
    .await
    .unwrap();

    // Renamed in the second tab: the first tab follows.
    rename(&b, &id, "Renamed in the second tab").await;
    b.client.switch_to_window(first.clone()).await.unwrap();
    let renamed = json!(["Renamed in the second tab", "From the first tab"]);
    assert_eq!(names_become(&b, &renamed).await, renamed);

    // A change the first tab has not heard of (written by a tab whose event has not arrived:
    // a page's own writes raise no storage event in it): the first tab's rename refuses to
    // write over it, says why and shows the entry as stored.
    let stored = b
        .js(&format!("return localStorage.getItem('{key}')"))
        .await
        .unwrap();
    let changed = stored
        .as_str()
        .unwrap()
        .replace("Renamed in the second tab", "Changed meanwhile");
    b.js(&format!(
        "localStorage.setItem('{key}', {}); return true",
        serde_json::to_string(&changed).unwrap()
    ))
    .await
    .unwrap();
    rename(&b, &id, "Stale rename").await;
    let kept = b
        .js(&format!("return localStorage.getItem('{key}')"))
        .await
        .unwrap();
    assert_eq!(kept.as_str(), Some(changed.as_str()));
    let notices = b.notices().await.unwrap();
    assert!(
        notices.contains("not renamed: it was changed in another tab"),
        "{notices}"
    );
    assert_eq!(
        b.saved_names().await.unwrap(),
        json!(["Changed meanwhile", "From the first tab"])
    );

    // Deleted by a tab whose event has not arrived: the rename is refused rather than bringing
    // it back.
    b.js(&format!("localStorage.removeItem('{key}'); return true"))
        .await
        .unwrap();
    rename(&b, &id, "Back from the dead").await;
    let gone = b
        .js(&format!("return localStorage.getItem('{key}')"))
        .await
        .unwrap();
    assert!(gone.is_null(), "{gone}");
    let notices = b.notices().await.unwrap();
    assert!(
        notices.contains("not renamed: it was deleted in another tab"),
        "{notices}"
    );
    assert_eq!(
        b.saved_names().await.unwrap(),
        json!(["From the first tab"])
    );

    // Deleted in the second tab: gone from the first tab's list.
    b.client.switch_to_window(second.clone()).await.unwrap();
    let left = json!(["From the first tab"]);
    assert_eq!(names_become(&b, &left).await, left);
    b.js("document.querySelector('#saved-list li.saved .danger').click(); return true")
        .await
        .unwrap();
    b.client.switch_to_window(first.clone()).await.unwrap();
    assert_eq!(names_become(&b, &json!([])).await, json!([]));
    b.js("localStorage.clear(); return true").await.unwrap();
    b.close().await;
}
