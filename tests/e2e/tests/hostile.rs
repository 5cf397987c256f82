//! Bad input as a hostile user would give it, in a real headless Chromium: each case once froze
//! the tab, silently gave nonsense, or lost what the person typed. Each now gives a notice naming
//! what was refused, and the page keeps its last good state and stays responsive.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::time::{Duration, Instant};

use e2e::{Browser, Site};
use serde_json::Value;

/// The value of the weight field of node `id`.
async fn weight_field(b: &Browser, id: &str) -> String {
    b.js(&format!(
        "return document.querySelector('li[data-node=\"{id}\"] .weight-number').value"
    ))
    .await
    .unwrap()
    .as_str()
    .unwrap()
    .to_string()
}

/// The page answers a script within a second (a frozen tab would not).
async fn responsive(b: &Browser) {
    let t = Instant::now();
    let v = b.js("return 6 * 7").await.unwrap();
    assert_eq!(v, Value::from(42));
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
}

#[tokio::test(flavor = "multi_thread")]
async fn links_with_numbers_out_of_bounds_are_refused_and_the_tab_stays_alive() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    let published = b.rows().await.unwrap();

    // A z-score scale of 1e308 made the gap chart's axis infinite: the tab hung for good.
    b.open(&format!("{}?n=zscore:0:1e308", site.url))
        .await
        .unwrap();
    responsive(&b).await;
    let text = b.notices().await.unwrap();
    assert!(
        text.contains("`n`") || text.contains("normalisation"),
        "{text}"
    );
    assert_eq!(
        b.rows().await.unwrap(),
        published,
        "the default method applies"
    );

    // The embed of the same link.
    b.client
        .goto(&format!("{}?embed=gap&n=zscore:0:1e308", site.url))
        .await
        .unwrap();
    b.wait_for("canvas", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    responsive(&b).await;

    // Carrying values forward 4 000 000 000 years looped for minutes per year.
    b.open(&format!("{}?c=4000000000", site.url)).await.unwrap();
    responsive(&b).await;
    let text = b.notices().await.unwrap();
    assert!(text.contains("50"), "the notice gives the limit: {text}");

    // Five weights of 1e308 gave every unit rank 1, silently.
    b.open(&format!(
        "{}?w=ict:1e308,skills:1e308,rd:1e308,industry:1e308,finance:1e308",
        site.url
    ))
    .await
    .unwrap();
    let text = b.notices().await.unwrap();
    assert!(text.contains("`w`") || text.contains("weight"), "{text}");
    assert_eq!(
        b.rows().await.unwrap(),
        published,
        "the published weights apply"
    );

    // A 100 KB parameter is echoed in a few words, not across a 942 420 px page.
    let long = "x".repeat(100_000);
    b.open(&format!("{}?n={long}", site.url)).await.unwrap();
    let width = b
        .js("return document.documentElement.scrollWidth")
        .await
        .unwrap();
    assert!(width.as_f64().unwrap() <= 1200.0, "page width {width}");
    let text = b.notices().await.unwrap();
    assert!(text.len() < 2_000, "{} characters of notices", text.len());
    b.close().await;
}

/// Imports a file named `name` whose text is the JavaScript expression `text`, as a person
/// would (through the file field), and lets the page read it.
async fn import(b: &Browser, name: &str, text: &str) {
    b.js(&format!(
        "const dt = new DataTransfer();
         dt.items.add(new File([{text}], {name:?}, {{type: 'application/json'}}));
         const input = document.querySelector('#import-scenarios');
         input.files = dt.files;
         input.dispatchEvent(new Event('change', {{bubbles: true}}));
         return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_scenario_file_out_of_bounds_gives_a_notice_and_the_view_stays() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    b.js("localStorage.clear(); return true").await.unwrap();
    let before = b.rows().await.unwrap();
    let query = b.js("return location.search").await.unwrap();
    import(
        &b,
        "forever.json",
        r#"JSON.stringify({format: 2, name: "Forever", bundle: "ftri",
               method: {carry_forward: 4000000000}})"#,
    )
    .await;
    // Opening it applies what can be applied and says what cannot.
    b.js("document.querySelector('#saved-list .open-scenario').click(); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    responsive(&b).await;
    let text = b.notices().await.unwrap();
    assert!(
        text.contains("carry_forward") && text.contains("50"),
        "the notice names the field and its limit: {text}"
    );
    // The same rows in the same order (as many as the ranking's height holds: it follows the
    // controls beside it, which the saved scenario made taller).
    let after = b.rows().await.unwrap();
    let n = before.len().min(after.len());
    assert!(n >= 15, "{after:?}");
    assert_eq!(after[..n], before[..n], "the view is as it was");
    assert_eq!(b.js("return location.search").await.unwrap(), query);

    // A name of 100 000 characters: the file is refused with its place, the name not echoed,
    // and nothing is saved.
    let saved = "return document.querySelectorAll('#saved-list .open-scenario').length";
    let count = b.js(saved).await.unwrap();
    import(
        &b,
        "long-name.json",
        r#"JSON.stringify({format: 2, name: "x".repeat(100000), bundle: "ftri"})"#,
    )
    .await;
    let text = b.notices().await.unwrap();
    assert!(
        text.contains("long-name.json")
            && text.contains("100000 characters long; at most 200")
            && !text.contains("xxxxxxxxxx"),
        "{text}"
    );
    assert_eq!(b.js(saved).await.unwrap(), count, "nothing saved");
    // A file over 1 MiB is not read at all.
    import(&b, "huge.json", r#"" ".repeat((1 << 20) + 1)"#).await;
    let text = b.notices().await.unwrap();
    assert!(
        text.contains("huge.json was not imported: it is larger than 1 MiB"),
        "{text}"
    );
    assert_eq!(b.js(saved).await.unwrap(), count, "nothing saved");
    // The name field takes at most 200 characters.
    let max = b
        .js("return document.querySelector('#scenario-name').maxLength")
        .await
        .unwrap();
    assert_eq!(max, 200);
    b.js("localStorage.clear(); return true").await.unwrap();
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_weight_is_a_notice_and_the_field_shows_the_weight_in_force() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    let before = weight_field(&b, "rd").await;
    // Each refusal has its own notice: the value refused, or (a number field reads "abc" as
    // empty) that it is not a number.
    for (bad, said) in [
        ("-5", "got -5"),
        ("abc", "not a number"),
        ("1e308", "got 1e308"),
    ] {
        b.set_weight("rd", bad).await.unwrap();
        assert_eq!(weight_field(&b, "rd").await, before, "after {bad}");
        let text = b.notices().await.unwrap();
        assert!(text.contains(said), "after {bad}: {text}");
    }
    // A small weight survives the link: it was written as `rd:0`, and the link then failed.
    b.set_weight("rd", "0.00001").await.unwrap();
    let url = b.js("return location.href").await.unwrap();
    let url = url.as_str().unwrap().to_string();
    assert!(!url.contains("rd:0&") && !url.ends_with("rd:0"), "{url}");
    b.open(&url).await.unwrap();
    let shown: f64 = weight_field(&b, "rd").await.parse().unwrap();
    assert_eq!(shown, 0.00001);
    assert!(!b.notices().await.unwrap().contains("ignored"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dataset_asked_for_last_is_the_one_shown() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&site.url).await.unwrap();
    // HDI arrives late (its response is held back two seconds); FTRI is asked for right after.
    // Which answers arrived, in order: the test is only worth its name if HDI's came last.
    b.js("window.__arrived = []; const real = window.fetch; \
          window.fetch = (input, init) => { \
            const url = String(input && input.url ? input.url : input); \
            const late = url.includes('hdi'); \
            const p = real(input, init).then(r => late \
              ? new Promise(ok => setTimeout(() => ok(r), 2000)) : r); \
            return p.then(r => { if (url.includes('data/')) window.__arrived.push(late ? 'hdi' : 'ftri'); return r; }); }; \
          const pick = v => { const s = document.querySelector('#dataset'); s.value = v; \
            s.dispatchEvent(new Event('change', {bubbles: true})); }; \
          pick('hdi'); setTimeout(() => pick('ftri'), 50); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let arrived = b.js("return window.__arrived").await.unwrap();
    assert_eq!(
        arrived,
        serde_json::json!(["ftri", "hdi"]),
        "HDI answered last"
    );
    let shown = b
        .js("return [document.querySelector('#dataset').value, document.querySelector('.summary-inner strong').textContent]")
        .await
        .unwrap();
    assert_eq!(shown[0].as_str(), Some("ftri"), "{shown}");
    assert!(
        shown[1].as_str().unwrap().contains("Frontier"),
        "FTRI shows, not the late HDI: {shown}"
    );
    b.close().await;
}
