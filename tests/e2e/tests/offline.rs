//! Offline, and updates never swapped in silently (ARCHITECTURE.md, "Offline"; issue 17). The
//! site is served from a copy of `dist/` by a host that can go down ([`e2e::Site::at`]):
//! after a first visit the service worker controls the page and holds the app and the default
//! view's data; with the host down (connections refused), a reload still shows the ranking and
//! a weight still re-ranks it as the CLI does. With the host back and the shown bundle changed
//! on it, a reload shows the data kept and a notice; its Reload shows the new data. With a new
//! service worker on the host (a new build), a notice again, and its Reload moves the page to
//! the new version's cache. Chromium also finds the site installable (no installability error).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::path::Path;
use std::time::{Duration, Instant};

use e2e::{Browser, Site};
use serde_json::Value;

/// The caches' names once the page is controlled and the caches hold the app's page and the
/// default view's data (fetched before there was a service worker); else null.
const READY: &str = "return (async () => {
  if (!navigator.serviceWorker.controller) return null;
  const keys = await caches.keys();
  const app = keys.find(k => k.startsWith('app-'));
  const data = await caches.open('data');
  const ok = app && await (await caches.open(app)).match('index.html')
    && await data.match('data/catalogue.json') && await data.match('data/ftri.json');
  return ok ? keys : null;
})()";

/// Each cache's entries and the bytes of their bodies, and the origin's storage in use.
const SIZES: &str = "return (async () => {
  const out = {};
  for (const k of await caches.keys()) {
    const c = await caches.open(k);
    let n = 0, bytes = 0;
    for (const r of await c.keys()) { bytes += (await (await c.match(r)).arrayBuffer()).byteLength; n++; }
    out[k] = [n, bytes];
  }
  out.usage = (await navigator.storage.estimate()).usage;
  return out;
})()";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Waits (up to `secs`) until `script` returns something other than null or false.
async fn until(b: &Browser, script: &str, secs: u64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let v = b.js(script).await.unwrap();
        if !v.is_null() && v != Value::Bool(false) {
            return v;
        }
        assert!(Instant::now() < deadline, "not within {secs} s: {script}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn top_name(b: &Browser) -> String {
    b.text("#rank-table tbody tr.row .c-name .uname")
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn after_a_first_visit_it_works_offline_and_updates_only_with_a_notice() {
    let dir = e2e::fresh_dir("offline-site");
    copy_dir(&e2e::root().join("dist"), &dir);
    let site = Site::at(&dir, 0, true).unwrap();
    let (url, port) = (site.url.clone(), site.port());
    let b = Browser::start(1280, 900).await.unwrap();

    // First visit: the ranking, then the service worker takes the page over and caches.
    let t = Instant::now();
    b.open(&url).await.unwrap();
    let cached = until(&b, READY, 30).await;
    println!(
        "offline-ready {:.1} s after the first visit began: {cached}",
        t.elapsed().as_secs_f64()
    );
    // The precache took what the page had fetched from the HTTP cache (hashed names): the host
    // sent the main module once.
    let hits = site.hits();
    let main = hits.iter().filter(|h| h.ends_with("_bg.wasm")).count();
    println!(
        "requests to the host during the first visit: {} ({hits:?})",
        hits.len()
    );
    assert_eq!(main, 1, "the main module fetched once: {hits:?}");
    let sizes = b.js(SIZES).await.unwrap();
    println!("caches after the first visit (entries, body bytes): {sizes}");
    // Installable as an app: Chromium finds nothing missing (manifest, icons, worker).
    let install = b
        .cdp("Page.getInstallabilityErrors", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(
        install["installabilityErrors"],
        serde_json::json!([]),
        "installable: {install}"
    );
    let first = b.rows().await.unwrap();
    assert!(first.len() > 10, "{first:?}");
    let (code, old_name) = (first[0].0.clone(), top_name(&b).await);

    // The host goes down: nothing answers on its port.
    site.stop();
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the host is down"
    );
    let t = Instant::now();
    b.reload().await.unwrap();
    println!(
        "offline reload: ranking on screen in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    b.wait_deferred().await.unwrap();
    assert_eq!(b.rows().await.unwrap(), first, "offline, the same ranking");
    b.wait_for(".notice.info", 10).await.unwrap();
    let notices = b.notices().await.unwrap();
    assert!(
        notices.contains("Offline: this page shows the data saved in this browser"),
        "{notices}"
    );
    assert_eq!(
        b.js("return document.querySelectorAll('.deferred-failed:not([hidden])').length")
            .await
            .unwrap(),
        Value::from(0),
        "every part of the page came from the cache"
    );
    // A weight moved re-ranks, as the CLI does.
    b.js("const s = document.querySelector('#w-rd'); s.value = '5'; s.dispatchEvent(new Event('input', {bubbles: true})); return null")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let moved = b.rows().await.unwrap();
    assert_ne!(moved, first, "the ranking follows the weight offline");
    let cli = e2e::cli_ftri_ranks(&["--scenario", &e2e::rd_scenario("offline-rd5.json", 5)]);
    assert_eq!(
        moved,
        cli[..moved.len()].to_vec(),
        "re-ranked as `index rank` with R&D at 5"
    );
    assert!(
        !b.notices().await.unwrap().contains("Could not"),
        "{}",
        b.notices().await.unwrap()
    );

    // A new revision of the bundle shown on the host: the top unit renamed.
    let file = dir.join("data/ftri.json");
    let mut bundle: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let new_name = format!("{old_name} (revised)");
    for unit in bundle["dataset"]["units"].as_array_mut().unwrap() {
        if unit["code"] == code.as_str() {
            unit["short"] = Value::from(new_name.clone());
        }
    }
    std::fs::write(&file, serde_json::to_string(&bundle).unwrap()).unwrap();
    for ext in ["br", "gz"] {
        let _ = std::fs::remove_file(dir.join(format!("data/ftri.json.{ext}")));
    }
    let site = Site::at(&dir, port, true).unwrap();
    b.open(&url).await.unwrap(); // (the default view again: the link held the weight moved)
    b.wait_for(".notice-reload", 15).await.unwrap();
    let notices = b.notices().await.unwrap();
    assert!(notices.contains("Newer data is on the server"), "{notices}");
    assert!(
        notices.contains("Frontier Technology Readiness Index"),
        "names the dataset: {notices}"
    );
    assert_eq!(
        top_name(&b).await,
        old_name,
        "the data shown stays until the person reloads"
    );
    b.click(".notice-reload").await.unwrap();
    until(
        &b,
        &format!("const e = document.querySelector('#rank-table tbody tr.row .c-name .uname'); return e && e.textContent === {new_name:?}"),
        20,
    )
    .await;
    b.wait_for("#rank-table tbody tr.row", 10).await.unwrap();
    assert!(
        !b.notices().await.unwrap().contains("Newer data"),
        "no notice after the reload"
    );

    // A new build on the host (its service worker changed): a notice, then its version.
    let sw = dir.join("sw.js");
    let text = std::fs::read_to_string(&sw).unwrap();
    let version = text
        .split("const VERSION = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    std::fs::write(&sw, text.replace(&format!("\"{version}\""), "\"next\"")).unwrap();
    for ext in ["br", "gz"] {
        let _ = std::fs::remove_file(dir.join(format!("sw.js.{ext}")));
    }
    b.reload().await.unwrap();
    b.wait_for(".notice-reload", 20).await.unwrap();
    let notices = b.notices().await.unwrap();
    assert!(
        notices.contains("A new version of Index Explorer is ready"),
        "{notices}"
    );
    assert!(
        b.js(
            "return (async () => (await caches.keys()).includes('app-' + VERSION))()"
                .replace("VERSION", &format!("{version:?}"))
                .as_str()
        )
        .await
        .unwrap()
            == Value::Bool(true),
        "the running version's cache stays while the new one waits"
    );
    b.click(".notice-reload").await.unwrap();
    let keys = until(
        &b,
        "return (async () => { const k = await caches.keys(); return k.includes('app-next') && k.every(n => !n.startsWith('app-') || n === 'app-next') && document.querySelector('#rank-table tbody tr.row') ? k : null })()",
        20,
    )
    .await;
    println!("caches after the update: {keys}");
    assert_eq!(top_name(&b).await, new_name);
    b.close().await;
    drop(site);
    let _ = std::fs::remove_dir_all(&dir);
}
