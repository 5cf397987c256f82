//! A strict page, in a real headless Chromium: the page runs under its Content-Security-Policy
//! (no inline script but its own two, named by hash; no other origin) without a single
//! violation, the worker included; a panic draws the crash screen, whose "Reload with defaults"
//! brings the app back with the saved scenarios kept; names holding markup are shown as text;
//! only the embeds can be framed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::time::Duration;

use e2e::{Browser, Site};
use serde_json::{json, Value};

/// Records every CSP violation of each document the browser opens in `window.__csp`.
async fn watch_csp(b: &Browser) {
    b.before_each_document(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', \
                e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
    )
    .await
    .unwrap();
}

/// The violations recorded on the document shown.
async fn violations(b: &Browser) -> Value {
    b.js("return window.__csp").await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_keeps_to_its_content_security_policy() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    watch_csp(&b).await;
    b.open(&site.url).await.unwrap();
    let policy = b
        .js("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
        .await
        .unwrap();
    let policy = policy.as_str().unwrap();
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "object-src 'none'",
    ] {
        assert!(policy.contains(directive), "{directive}: {policy}");
    }
    let scripts = policy
        .split(';')
        .find(|d| d.trim_start().starts_with("script-src"))
        .unwrap();
    assert!(!scripts.contains("'unsafe-inline'") && !scripts.contains(" 'unsafe-eval'"));
    // The page's own inline scripts are named by hash (scripts/post-build.sh).
    assert!(scripts.matches("'sha256-").count() >= 2, "{scripts}");
    assert_eq!(violations(&b).await, json!([]), "default view");

    // The worker starts, fetches its bundle and answers under the page's policy.
    b.click("#rob-run").await.unwrap();
    b.wait_for("#rob-summary", 90).await.unwrap();
    assert_eq!(violations(&b).await, json!([]), "after a worker job");

    // A link with a query (no prerendered ranking, another dataset), and an embed.
    b.open(&format!("{}?b=hdi", site.url)).await.unwrap();
    assert_eq!(violations(&b).await, json!([]), "a link");
    b.client
        .goto(&format!("{}?embed=gap", site.url))
        .await
        .unwrap();
    b.wait_for("canvas", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(violations(&b).await, json!([]), "an embed");

    // The policy bites: an inline script added now does not run.
    let ran = b
        .js(
            "const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; \
             document.body.appendChild(s); return window.__ran === 1",
        )
        .await
        .unwrap();
    assert_eq!(ran, json!(false));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panic_shows_the_crash_screen_and_reloading_keeps_saved_scenarios() {
    // `?bench=panic` exists only in the build with the benchmark harness.
    let site = Site::start_bench().unwrap();
    let b = Browser::start(360, 800).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.js("localStorage.clear(); return true").await.unwrap();
    b.save_scenario("Before the crash").await.unwrap();

    b.client
        .goto(&format!("{}?bench=panic", site.url))
        .await
        .unwrap();
    b.wait_for("#crash", 30).await.unwrap();
    assert_eq!(b.text("#crash h2").await.unwrap(), "Index Explorer stopped");
    assert!(b
        .text("#crash")
        .await
        .unwrap()
        .contains("Your saved scenarios are kept"));
    assert!(
        b.text("#crash pre")
            .await
            .unwrap()
            .contains("a deliberate panic"),
        "the panic's text, for a bug report"
    );
    let focused = b
        .js("return document.activeElement.textContent")
        .await
        .unwrap();
    assert_eq!(focused, json!("Reload with defaults"));
    let href = b
        .js("return document.querySelector('#crash a').href")
        .await
        .unwrap();
    assert_eq!(href, json!(site.url), "the page without its query");
    b.screenshot("crash-360.png").await.unwrap();

    b.click("#crash a").await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    b.wait_for("#saved-list li.saved", 10).await.unwrap();
    assert_eq!(b.saved_names().await.unwrap(), json!(["Before the crash"]));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn names_holding_markup_are_shown_as_text() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    watch_csp(&b).await;
    b.open(&site.url).await.unwrap();
    b.js("localStorage.clear(); window.__pwned = 0; return true")
        .await
        .unwrap();
    let name = r#"<img src=x onerror="window.__pwned=1">Draft <b>two</b>"#;
    let file = e2e::artifacts().join("markup-scenario.json");
    let scenario = json!({
        "format": 2,
        "scenarios": [
            { "bundle": "ftri", "name": name, "weights": { "rd": 2.0 } },
            { "bundle": "ftri", "name": "Plain" },
        ],
    });
    std::fs::write(&file, scenario.to_string()).unwrap();
    // WebDriver takes a canonical path only.
    let file = file.canonicalize().unwrap();
    b.client
        .find(fantoccini::Locator::Css("#import-scenarios"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    b.wait_for("#saved-list li.saved", 10).await.unwrap();
    assert_eq!(b.saved_names().await.unwrap(), json!([name, "Plain"]));
    // Compared: the names head the comparison's columns.
    b.js(
        "document.querySelectorAll('#saved-list input[type=checkbox]').forEach(c => c.click()); \
          return true",
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let injected = b
        .js("return document.querySelectorAll('img, b, [onerror]').length")
        .await
        .unwrap();
    assert_eq!(injected, json!(0), "no element made from the name");
    assert_eq!(b.js("return window.__pwned").await.unwrap(), json!(0));
    assert_eq!(violations(&b).await, json!([]));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_embeds_can_be_framed() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    // A page of the same origin without the app's policy frames the explorer, then an embed:
    // one frame at a time (two frames of this page loading at once in headless Chromium left
    // one "loading" now and then, on builds before and after the page's split module alike).
    b.client
        .goto(&format!("{}data/catalogue.json", site.url))
        .await
        .unwrap();
    let inside = |id: &str, css: &str| {
        format!(
            "const f = document.getElementById('{id}'); const d = f && f.contentDocument; \
             return !!(d && d.querySelector('{css}'))"
        )
    };
    for (id, src, css) in [
        ("explorer", site.url.clone(), ".framed-note"),
        ("embed", format!("{}?embed=gap", site.url), "canvas"),
    ] {
        b.js(&format!(
            "const f = document.createElement('iframe'); f.id = '{id}'; f.src = '{src}'; \
             f.width = 560; f.height = 400; document.body.prepend(f); return true"
        ))
        .await
        .unwrap();
        let mut seen = false;
        for _ in 0..150 {
            seen = b.js(&inside(id, css)).await.unwrap() == json!(true);
            if seen {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert!(seen, "the {id} frame shows its {css}");
    }
    let controls = b
        .js(&inside("explorer", "input, select, button"))
        .await
        .unwrap();
    assert_eq!(controls, json!(false), "no control to click through");
    b.close().await;
}
