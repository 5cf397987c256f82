//! "Nothing lost", in a real headless Chromium: an import the browser cannot keep is still
//! shown, says so in plain words and why, and crashes nothing. Without IndexedDB (removed before
//! the page's scripts run, three ways: no `indexedDB` at all, `open` refused at once as storage
//! turned off does, `open` failing later), the panel says imports cannot be kept, and an import
//! is ranked and named by the picker, its report and a notice saying "could not be kept in this
//! browser" and why; the framework editor says its changes last until the page is closed, and an
//! edit (an indicator renamed) is kept with it in memory, so that, another dataset shown
//! meanwhile, the picker opens it as edited; a link to it afterwards says it could not be opened
//! and shows the default view; in French, the reason is French too. With the site's quota
//! lowered (CDP `Storage.overrideQuotaForOrigin`, before anything is written) below what an
//! import needs, the import is ranked with the words about the full storage, whether
//! `navigator.storage.estimate()` says so before writing or the write itself fails
//! (`QuotaExceededError`, with the estimate made to say there is room); the dataset stored
//! before is untouched, nothing of the refused ones is written, and they open again from the
//! picker until the page is closed — the framework editor saying, of each, whether its changes
//! are kept in this browser or last until the page is closed; a change to the stored one that
//! the browser refuses is shown and said, the stored copy untouched, and the changed dataset is
//! listed once and opens as changed until the page is closed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::time::Duration;

use e2e::{Browser, Site};
use serde_json::{json, Value};

/// Records uncaught errors and rejected promises of each document in `window.__errors`.
const WATCH: &str = "window.__errors = []; \
    addEventListener('error', e => window.__errors.push('error: ' + e.message)); \
    addEventListener('unhandledrejection', e => window.__errors.push('rejection: ' + e.reason));";

/// What the page says when it keeps no data (`persist::mine`).
const UNAVAILABLE: &str = "this browser keeps no data for the page (IndexedDB is unavailable or \
                           turned off, as in some private windows)";

/// What the page says when the site's storage is full (`persist::mine`).
const FULL: &str = "the browser's storage for this site is full: delete some of your data, or \
                    free space in the browser's settings";

/// What the framework editor says of changes to data the browser could not keep.
const UNTIL_CLOSED: &str =
    "Changes could not be kept in this browser: they last until the page is closed.";

/// What it says of changes to data stored in this browser.
const CHANGES_KEPT: &str = "Each change is kept with your data in this browser.";

/// A wide CSV of `units` units (`U001`, …) and `indicators` indicators, written as
/// `tests/artifacts/<name>`. Every indicator grows with the unit's number (the digits after it
/// vary, so the text does not compress to nothing), so under any method the last unit ranks
/// first, then the one before it, and so on.
fn fixture(name: &str, units: usize, indicators: usize) -> PathBuf {
    let mut csv = String::from("code,name");
    for j in 1..=indicators {
        csv.push_str(&format!(",ind{j}"));
    }
    csv.push('\n');
    for u in 1..=units {
        csv.push_str(&format!("U{u:03},Unit {u}"));
        for j in 1..=indicators {
            let digits = (u * 7919 + j * 104_729) % 1000;
            csv.push_str(&format!(",{u}.{digits:03}"));
        }
        csv.push('\n');
    }
    let path = e2e::artifacts().join(name);
    std::fs::write(&path, csv).unwrap();
    path
}

/// The first `n` ranking rows a fixture of `units` units shows: the last unit first.
fn fixture_rows(units: usize, n: usize) -> Vec<(String, String)> {
    (0..n.min(units))
        .map(|i| (format!("U{:03}", units - i), (i + 1).to_string()))
        .collect()
}

/// Opens the "Your data" panel.
async fn open_panel(b: &Browser) {
    b.open_import_panel().await.unwrap();
}

/// Chooses `file` through the panel's file field (the one chosen before removed), names the
/// import `name` and runs it.
async fn import(b: &Browser, file: &Path, name: &str) {
    b.import_files(&[file], None, name).await.unwrap();
}

/// Waits up to `secs` until the text of `css` passes `ok`, and returns it.
async fn until_text(b: &Browser, css: &str, secs: u64, ok: impl Fn(&str) -> bool) -> String {
    b.until_text(css, secs, ok).await.unwrap()
}

/// Waits until the dataset shown is titled `title`.
async fn shown(b: &Browser, title: &str) {
    until_text(b, ".summary-inner strong", 30, |t| t == title).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// Chooses the dataset whose picker option has the value or the text `option`, and waits until
/// the dataset titled `title` is shown.
async fn pick(b: &Browser, option: &str, title: &str) {
    b.js(&format!(
        "const s = document.querySelector('#dataset'); \
         s.value = [...s.options].find(o => o.value === {option:?} || o.textContent === {option:?}).value; \
         s.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
    ))
    .await
    .unwrap();
    shown(b, title).await;
}

/// The framework editor's parts, as their names (without the indent of their depth).
async fn parts(b: &Browser) -> Vec<String> {
    let names = b
        .js("return [...document.querySelectorAll('#fw-node option')] \
               .map(o => o.textContent.replace(/^(· )+/, ''))")
        .await
        .unwrap();
    serde_json::from_value(names).unwrap()
}

/// Renames the framework editor's indicator `ind1` "First", waits until the editor shows it, and
/// returns the editor's parts as they now are (`way` names the case in messages).
async fn rename_first(b: &Browser, way: &str) -> Vec<String> {
    let names = parts(b).await;
    assert!(
        names.iter().any(|n| n == "ind1") && !names.iter().any(|n| n == "First"),
        "{way}: {names:?}"
    );
    let renamed: Vec<String> = names
        .iter()
        .map(|n| {
            if n == "ind1" {
                "First".into()
            } else {
                n.clone()
            }
        })
        .collect();
    b.rename_part("ind1", "First").await.unwrap();
    until_text(b, "#fw-node", 10, |t| t.contains("First")).await;
    assert_eq!(parts(b).await, renamed, "{way}");
    renamed
}

/// Fails if the page crashed or threw: the crash screen (`app::crash`), an uncaught error or a
/// rejected promise.
async fn no_crash(b: &Browser, when: &str) {
    let crashed = b
        .js("return !!document.querySelector('#crash')")
        .await
        .unwrap();
    assert_eq!(crashed, false, "the crash screen is up {when}");
    let errors = b.js("return window.__errors").await.unwrap();
    assert_eq!(errors, json!([]), "uncaught errors {when}");
}

/// Every record of IndexedDB store `store` of the page's database, as `[key, value]` pairs.
async fn records(b: &Browser, store: &str) -> Value {
    b.client
        .execute_async(
            "const [store, done] = arguments; const r = indexedDB.open('index-explorer'); \
             r.onsuccess = () => { const t = r.result.transaction(store).objectStore(store); \
               const k = t.getAllKeys(), v = t.getAll(); \
               v.onsuccess = () => { r.result.close(); \
                 done(k.result.map((key, i) => [key, v.result[i]])); }; }; \
             r.onerror = () => done('cannot open: ' + r.error);",
            vec![Value::from(store)],
        )
        .await
        .unwrap()
}

/// The site's origin, as CDP's `Storage` domain names it.
fn origin(site: &Site) -> String {
    site.url.trim_end_matches('/').to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn without_indexeddb_an_import_is_shown_and_says_it_cannot_be_kept() {
    let units = 12;
    let file = fixture("storage-small.csv", units, 4);
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1600).await.unwrap();
    b.before_each_document(WATCH).await.unwrap();
    // Each way a browser keeps no data: no IndexedDB at all; opening refused at once (storage
    // turned off); opening failing once asked (the request's error event).
    let ways = [
        (
            "no indexedDB",
            "Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });",
            UNAVAILABLE.to_string(),
        ),
        (
            "open refused",
            "IDBFactory.prototype.open = function () { throw new DOMException( \
               'The user denied permission to access the database.', 'SecurityError'); };",
            UNAVAILABLE.to_string(),
        ),
        (
            "open failing",
            "IDBFactory.prototype.open = function () { \
               const r = { result: undefined, error: null, readyState: 'pending', \
                 onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null }; \
               setTimeout(() => { r.readyState = 'done'; \
                 r.error = new DOMException('The user denied permission to access the database.', 'UnknownError'); \
                 if (r.onerror) r.onerror(new Event('error')); }, 0); \
               return r; };",
            "the browser's storage refused (UnknownError: The user denied permission to access \
             the database.)"
                .to_string(),
        ),
    ];
    for (way, script, why) in ways {
        let added = b.before_each_document(script).await.unwrap();
        b.open(&site.url).await.unwrap();
        let (title, before, default) = (
            b.text(".summary-inner strong").await.unwrap(),
            b.rows().await.unwrap(),
            b.js("return document.querySelector('#dataset').value")
                .await
                .unwrap(),
        );
        let default = default.as_str().unwrap().to_string();
        open_panel(&b).await;
        // The panel says beforehand that nothing will be kept, and why.
        let said = until_text(&b, "#import-storage", 10, |t| !t.is_empty()).await;
        assert_eq!(said, format!("Imports cannot be kept: {why}."), "{way}");

        import(&b, &file, "Small (mine)").await;
        shown(&b, "Small (mine)").await;
        // The import is ranked all the same.
        let rows = b.rows().await.unwrap();
        assert_eq!(rows, fixture_rows(units, units), "{way}");
        assert!(b.query().await.unwrap().contains("b=mine-"), "{way}");
        // It says, in the panel and at the top, that it could not be kept and why.
        let kept = format!(
            "Your data is shown but could not be kept in this browser: {why}. It will be gone \
             once the page is closed."
        );
        let counts = until_text(&b, "#import-counts", 30, |t| t.contains(&kept)).await;
        assert!(
            counts.starts_with("0 error(s), 0 warning(s)."),
            "{way}: {counts}"
        );
        let notices = b.notices().await.unwrap();
        assert!(notices.contains(&kept), "{way}: {notices}");
        // Not in the list of what is stored, but in the picker (for this visit), chosen.
        assert_eq!(
            b.text("#import-stored").await.unwrap(),
            "",
            "{way}: nothing listed as stored"
        );
        let picker = b
            .js("const s = document.querySelector('#dataset'); \
                 return s.selectedOptions[0] ? s.selectedOptions[0].textContent : null")
            .await
            .unwrap();
        assert_eq!(picker, json!("Small (mine)"), "{way}: the picker names it");
        no_crash(&b, &format!("after the import ({way})")).await;

        // The framework editor says changes last for the visit only; an edit (an indicator
        // renamed) is kept in memory with the import, so the picker opens it as edited.
        let hint = until_text(&b, "#fw-hint", 10, |t| t.ends_with(UNTIL_CLOSED)).await;
        assert!(!hint.contains(CHANGES_KEPT), "{way}: {hint}");
        let renamed = rename_first(&b, way).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let notices = b.notices().await.unwrap();
        assert!(!notices.contains("The change is shown"), "{way}: {notices}");
        pick(&b, &default, &title).await;
        assert_eq!(b.rows().await.unwrap(), before, "{way}");
        pick(&b, "Small (mine)", "Small (mine)").await;
        assert_eq!(
            parts(&b).await,
            renamed,
            "{way}: the edit is kept for the visit"
        );
        assert_eq!(b.rows().await.unwrap(), fixture_rows(units, units), "{way}");
        assert!(b.text("#fw-hint").await.unwrap().ends_with(UNTIL_CLOSED));
        no_crash(&b, &format!("after the edit ({way})")).await;
        if way == "no indexedDB" {
            b.js("document.querySelector('#your-data').scrollIntoView(); return true")
                .await
                .unwrap();
            let shot = b.screenshot("storage-no-indexeddb.png").await.unwrap();
            println!("screenshot: {}", shot.display());
        }

        // Its link, opened again, cannot find it: said, and the default view shown.
        let link = format!("{}?{}", site.url, b.query().await.unwrap());
        b.open(&link).await.unwrap();
        let notices = until_text(&b, ".notices", 10, |t| t.contains("could not be opened")).await;
        assert!(notices.contains(&why), "{way}: {notices}");
        assert_eq!(b.text(".summary-inner strong").await.unwrap(), title);
        assert_eq!(b.rows().await.unwrap(), before);
        no_crash(&b, &format!("after the link ({way})")).await;
        if way == "no indexedDB" {
            // The reason is in the language shown, as the message around it.
            b.open(&format!("{}?lang=fr", site.url)).await.unwrap();
            open_panel(&b).await;
            let said = until_text(&b, "#import-storage", 30, |t| !t.is_empty()).await;
            assert_eq!(
                said,
                "Les imports ne peuvent pas être conservés : ce navigateur ne conserve aucune \
                 donnée pour la page (IndexedDB est indisponible ou désactivé, comme dans \
                 certaines fenêtres privées)."
            );
            no_crash(&b, "in French").await;
        }

        b.cdp(
            "Page.removeScriptToEvaluateOnNewDocument",
            json!({ "identifier": added["identifier"] }),
        )
        .await
        .unwrap();
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn with_the_quota_reached_an_import_is_shown_and_the_stored_data_untouched() {
    let small = fixture("storage-small.csv", 12, 4);
    let (units, large) = (1000, fixture("storage-large.csv", 1000, 12));
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1600).await.unwrap();
    b.before_each_document(WATCH).await.unwrap();
    b.open(&site.url).await.unwrap();
    open_panel(&b).await;

    // The site's quota lowered to 48 KB more than it uses — before anything is written to
    // IndexedDB: Chromium checks a write against the room it last learnt of.
    let before = b
        .cdp(
            "Storage.getUsageAndQuota",
            json!({ "origin": origin(&site) }),
        )
        .await
        .unwrap();
    let quota = before["usage"].as_f64().unwrap() + 48.0 * 1024.0;
    b.cdp(
        "Storage.overrideQuotaForOrigin",
        json!({ "origin": origin(&site), "quotaSize": quota }),
    )
    .await
    .unwrap();
    let now = b
        .cdp(
            "Storage.getUsageAndQuota",
            json!({ "origin": origin(&site) }),
        )
        .await
        .unwrap();
    assert_eq!(now["overrideActive"], true, "{now}");
    assert_eq!(now["quota"].as_f64(), Some(quota), "{now}");

    // A small import is kept.
    import(&b, &small, "Kept (mine)").await;
    shown(&b, "Kept (mine)").await;
    until_text(&b, "#import-stored", 30, |t| t.contains("Kept (mine)")).await;
    assert!(
        b.text("#import-counts")
            .await
            .unwrap()
            .ends_with("Imported: now shown, and listed under “your data”."),
        "the report says it is kept"
    );
    let (list, bundles) = (
        records(&b, "your-data").await,
        records(&b, "your-data-bundles").await,
    );
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(bundles.as_array().map(Vec::len), Some(1), "one bundle");
    let untouched = || async {
        assert_eq!(
            records(&b, "your-data").await,
            list,
            "the list is untouched"
        );
        assert_eq!(
            records(&b, "your-data-bundles").await,
            bundles,
            "the stored bundle is untouched"
        );
        let listed = b
            .js("return [...document.querySelectorAll('#import-stored li .file-name')].map(e => e.textContent)")
            .await
            .unwrap();
        assert_eq!(listed, json!(["Kept (mine)"]));
    };
    let kept = format!(
        "Your data is shown but could not be kept in this browser: {FULL}. It will be gone once \
         the page is closed."
    );

    // `navigator.storage.estimate()` leaves 4 KB, less than the larger import needs: it is not
    // written. (Chromium 156 reports the quota as the usage plus 10 GiB whatever the real room,
    // so there only the write below can fail; other browsers report their limit, as the
    // estimate is made to here.)
    b.js(
        "window.__estimates = 0; const real = navigator.storage.estimate.bind(navigator.storage); \
          navigator.storage.estimate = () => { window.__estimates += 1; \
            return real().then(e => ({ usage: e.usage, quota: e.usage + 4096 })); }; return true",
    )
    .await
    .unwrap();
    import(&b, &large, "Large (mine)").await;
    shown(&b, "Large (mine)").await;
    let rows = b.rows().await.unwrap();
    assert!(rows.len() >= 20, "rows rendered: {rows:?}");
    assert_eq!(rows, fixture_rows(units, rows.len()));
    until_text(&b, "#import-counts", 30, |t| t.contains(&kept)).await;
    until_text(&b, ".notices", 10, |t| t.contains(&kept)).await;
    assert_eq!(b.js("return window.__estimates").await.unwrap(), json!(1));
    untouched().await;
    no_crash(&b, "after the estimate's refusal").await;
    b.js("document.querySelector('#your-data').scrollIntoView(); return true")
        .await
        .unwrap();
    let shot = b.screenshot("storage-quota.png").await.unwrap();
    println!("screenshot: {}", shot.display());

    // The estimate says there is room: the write itself fails (QuotaExceededError, the site's
    // quota), and nothing of it is written.
    b.js(
        "document.querySelectorAll('.notices .dismiss').forEach(x => x.click()); \
          window.__estimates = 0; \
          navigator.storage.estimate = () => { window.__estimates += 1; \
            return Promise.resolve({ quota: 1e12, usage: 0 }); }; return true",
    )
    .await
    .unwrap();
    import(&b, &large, "Larger (mine)").await;
    shown(&b, "Larger (mine)").await;
    assert_eq!(b.rows().await.unwrap(), rows);
    until_text(&b, "#import-counts", 30, |t| t.contains(&kept)).await;
    until_text(&b, ".notices", 10, |t| t.contains(&kept)).await;
    assert_eq!(
        b.js("return window.__estimates").await.unwrap(),
        json!(1),
        "the estimate was asked, and said there was room"
    );
    untouched().await;
    no_crash(&b, "after the write's refusal").await;

    // The picker lists both refused imports for the visit, the one shown chosen, then the one
    // stored; each opens from the picker until the page is closed, and so does the stored one.
    let picker = b
        .js("const s = document.querySelector('#dataset'); \
             return [s.selectedOptions[0].textContent, \
               [...s.querySelectorAll('optgroup option')].map(o => o.textContent)]")
        .await
        .unwrap();
    assert_eq!(
        picker,
        json!([
            "Larger (mine)",
            ["Larger (mine)", "Large (mine)", "Kept (mine)"]
        ])
    );
    for (title, want) in [
        ("Large (mine)", rows.clone()),
        ("Kept (mine)", fixture_rows(12, 12)),
    ] {
        b.js(&format!(
            "const s = document.querySelector('#dataset'); \
             s.value = [...s.querySelectorAll('optgroup option')].find(o => o.textContent === {title:?}).value; \
             s.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
        ))
        .await
        .unwrap();
        shown(&b, title).await;
        assert_eq!(b.rows().await.unwrap(), want, "{title}");
        // The framework editor says where changes are kept.
        let hint = if title == "Kept (mine)" {
            CHANGES_KEPT
        } else {
            UNTIL_CLOSED
        };
        until_text(&b, "#fw-hint", 10, |t| t.ends_with(hint)).await;
    }

    // A change to the stored dataset that the browser refuses (the estimate leaving no room):
    // it is shown and said not kept, the stored copy is untouched, and the picker lists the
    // dataset once and opens it as changed until the page is closed.
    b.js(
        "document.querySelectorAll('.notices .dismiss').forEach(x => x.click()); \
          const real = navigator.storage.estimate.bind(navigator.storage); \
          navigator.storage.estimate = () => real().then(e => ({ usage: e.usage, quota: e.usage })); \
          return true",
    )
    .await
    .unwrap();
    let renamed = rename_first(&b, "a stored dataset, its change refused").await;
    let notices = until_text(&b, ".notices", 10, |t| t.contains("The change is shown")).await;
    assert!(
        notices.contains(&format!(
            "The change is shown but could not be kept in this browser: {FULL}."
        )),
        "{notices}"
    );
    until_text(&b, "#fw-hint", 10, |t| t.ends_with(UNTIL_CLOSED)).await;
    untouched().await;
    let listed = b
        .js("return [...document.querySelectorAll('#dataset optgroup option')].map(o => o.textContent)")
        .await
        .unwrap();
    assert_eq!(
        listed,
        json!(["Kept (mine)", "Larger (mine)", "Large (mine)"]),
        "each listed once, the one held for the visit first"
    );
    pick(&b, "Large (mine)", "Large (mine)").await;
    pick(&b, "Kept (mine)", "Kept (mine)").await;
    assert_eq!(parts(&b).await, renamed, "the change is kept for the visit");
    assert_eq!(b.rows().await.unwrap(), fixture_rows(12, 12));
    until_text(&b, "#fw-hint", 10, |t| t.ends_with(UNTIL_CLOSED)).await;
    untouched().await;
    no_crash(&b, "at the end").await;
    b.close().await;
}
