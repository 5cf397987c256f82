//! The look of the default view (issue 17): short country names with the official one on
//! hover, method pickers that say what the default is, a ranking as tall as the column beside
//! it, gap names read whole; and on a 360 px phone: no sideways scrolling, the ranking as rank,
//! name and score with a details line, the weights in a drawer with 44 px sliders.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{Browser, Site};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn the_default_view_reads_well_at_1280_px() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1700).await.unwrap();
    b.open(&site.url).await.unwrap();

    // The short name, the official one in the title (and in exports, tested in the app).
    let usa = b
        .js(
            "const e = document.querySelector('#rank-table tr[data-code=USA] .uname'); \
             return [e.textContent, e.title]",
        )
        .await
        .unwrap();
    assert_eq!(usa, json!(["United States", "United States of America"]));
    let gbr = b
        .js("return document.querySelector('#rank-table tr[data-code=GBR] .uname').textContent")
        .await
        .unwrap();
    assert_eq!(gbr, json!("United Kingdom"));
    // The search finds a country by either name.
    b.js(
        "const s = document.querySelector('#search'); s.value = 'great britain'; \
          s.dispatchEvent(new Event('input', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        b.rows().await.unwrap().len(),
        1,
        "found by the official name"
    );
    b.js(
        "const s = document.querySelector('#search'); s.value = ''; \
          s.dispatchEvent(new Event('input', {bubbles: true})); return true",
    )
    .await
    .unwrap();

    // Each method picker says what the dataset's default is.
    let firsts = b
        .js("return [...document.querySelectorAll('.method select')].map(s => s.options[0].textContent)")
        .await
        .unwrap();
    let firsts: Vec<&str> = firsts
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(firsts.len() >= 6, "{firsts:?}");
    assert_eq!(firsts[0], "Default (no normalisation)");
    assert!(
        firsts
            .iter()
            .all(|f| f.starts_with("Default (") && f.ends_with(')')),
        "{firsts:?}"
    );

    // The ranking uses the column's height: more than the 16 rows of 544 px, and every row in
    // view is there (the virtualisation reads the measured height).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let fill = b
        .js("const s = document.querySelector('.table-scroll'); \
             const c = document.querySelector('.controls').getBoundingClientRect(); \
             const r = document.querySelector('.ranking .table-panel').getBoundingClientRect(); \
             return [s.clientHeight, Math.round(c.bottom - r.bottom)]")
        .await
        .unwrap();
    let height = fill[0].as_f64().unwrap();
    assert!(height > 700.0, "the ranking's body is {height} px tall");
    assert!(
        fill[1].as_f64().unwrap().abs() <= 20.0,
        "the ranking ends with the controls: {fill}"
    );
    let shown = b.rows().await.unwrap().len() as f64;
    assert!(shown >= height / 34.0, "{shown} rows for {height} px");
    // Scrolled to the end, the last rows are there.
    b.js("const s = document.querySelector('.table-scroll'); s.scrollTop = s.scrollHeight; return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let rows = b.rows().await.unwrap();
    let last = b
        .js("return document.querySelectorAll('#rank-table tbody tr.row').length")
        .await
        .unwrap();
    assert!(last.as_u64().unwrap() as f64 >= height / 34.0, "{rows:?}");
    assert_ne!(rows.first().map(|r| r.1.as_str()), Some("1"), "{rows:?}");

    // The gap panel cuts no pillar name and no group's name.
    let cut = b
        .js(
            "return [...document.querySelectorAll('#gap-table tbody th, #gap-table thead th')]\
             .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)",
        )
        .await
        .unwrap();
    assert_eq!(cut, json!([]), "cut in the gap table");
    let pickers = b
        .js("return ['#group-a', '#group-b'].map(id => document.querySelector(id).clientWidth)")
        .await
        .unwrap();
    for w in pickers.as_array().unwrap() {
        assert!(w.as_f64().unwrap() > 250.0, "a group picker {w} px wide");
    }
    b.screenshot("look-1280.png").await.unwrap();
    b.close().await;

    // In a window shorter than the controls, the ranking is no taller than the window.
    let b = Browser::start(1280, 800).await.unwrap();
    b.open(&site.url).await.unwrap();
    let tall = b
        .js("return document.querySelector('.ranking').getBoundingClientRect().height")
        .await
        .unwrap();
    assert!(
        tall.as_f64().unwrap() <= 800.0,
        "the ranking is {tall} px tall"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_phone_at_360_px_has_no_sideways_scrolling_and_a_weights_drawer() {
    let site = Site::start().unwrap();
    let b = Browser::start(360, 780).await.unwrap();
    b.open(&site.url).await.unwrap();
    let wide = "return document.scrollingElement.scrollWidth";
    assert!(b.js(wide).await.unwrap().as_f64().unwrap() <= 360.0);

    // The ranking: rank, name and score.
    let columns = b
        .js(
            "return [...document.querySelector('#rank-table tbody tr.row').children]\
             .filter(td => getComputedStyle(td).display !== 'none').map(td => td.className)",
        )
        .await
        .unwrap();
    assert_eq!(columns, json!(["c-rank", "c-name", "c-score"]));

    // The weights are in a drawer, closed at first, opened by a button in view.
    let shown = "const p = document.querySelector('#weights-panel'); \
                 return getComputedStyle(p).visibility === 'visible' \
                 && p.getBoundingClientRect().bottom <= window.innerHeight + 1 \
                 && p.getBoundingClientRect().top < window.innerHeight";
    assert_eq!(b.js(shown).await.unwrap(), json!(false));
    let before = b.rows().await.unwrap();
    b.click("#weights-drawer").await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(b.js(shown).await.unwrap(), json!(true), "the drawer opens");
    let slider = b
        .js("return document.querySelector('#w-rd').getBoundingClientRect().height")
        .await
        .unwrap();
    assert!(slider.as_f64().unwrap() >= 44.0, "slider {slider} px tall");
    b.js("const s = document.querySelector('#w-rd'); s.value = '5'; \
          s.dispatchEvent(new Event('input', {bubbles: true})); return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_ne!(
        b.rows().await.unwrap(),
        before,
        "the ranking moves under the drawer"
    );
    b.screenshot("look-360-drawer.png").await.unwrap();
    b.click("#weights-panel .drawer-close").await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        b.js(shown).await.unwrap(),
        json!(false),
        "the drawer closes"
    );

    // A tapped row's details: the official name, the change, each pillar.
    b.click("#rank-table tbody tr[data-code='USA'] .uname")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let details = b.text("#rank-details").await.unwrap();
    assert!(
        details.starts_with("United States (United States of America) · "),
        "{details}"
    );
    assert!(details.contains("Skills "), "{details}");
    assert!(b.js(wide).await.unwrap().as_f64().unwrap() <= 360.0);
    assert_eq!(b.past_right_edge().await.unwrap(), json!([]));
    b.screenshot("look-360.png").await.unwrap();
    b.close().await;
}
