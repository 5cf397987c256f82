//! Sharing and embeds in a real headless Chromium: the embed route shows only the chart and its
//! captions (also 320 px wide) and loads only its bundle; the Embed dialog's `<iframe>` code
//! carries the scenario (live, or fixed with year and edition); the Share dialog shows the
//! page's link; CSV, SVG and PNG downloads hold what the page shows; tampered embed links give
//! notices, never a crash.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{downloaded, Browser, Site};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

/// Number of elements matching `css`.
async fn count(b: &Browser, css: &str) -> u64 {
    b.js(&format!("return document.querySelectorAll({css:?}).length"))
        .await
        .unwrap()
        .as_u64()
        .unwrap()
}

async fn open_embed(b: &Browser, url: &str) {
    b.client.goto(url).await.unwrap();
    b.wait_for(".embed-title", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

async fn open_explorer(b: &Browser, url: &str) {
    b.client.goto(url).await.unwrap();
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    b.wait_for("figure[data-chart=bars] .chart-tools", 10)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// Whether the embed's canvas has drawn something (not all white).
async fn canvas_drawn(b: &Browser) -> bool {
    b.js(
        "const c = document.querySelector('#embed-canvas'); if (!c || !c.width) return false; \
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
          for (let i = 0; i < d.length; i += 4) { if (d[i] < 200) return true } return false",
    )
    .await
    .unwrap()
    .as_bool()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_embed_shows_only_the_chart_and_its_captions_down_to_320_px() {
    let site = Site::start().unwrap();
    let b = Browser::start(640, 480).await.unwrap();
    let url = format!("{}?embed=bars&b=ftri&w=rd:2", site.url);
    open_embed(&b, &url).await;

    let title = b.text(".embed-title").await.unwrap();
    assert!(
        title.starts_with(
            "Frontier Technology Readiness Index (TIR 2023 release, 2008–2021) by country, "
        ),
        "{title}"
    );
    // R&D weighs 2 of 6: a third of the index.
    let subtitle = b.text(".embed-subtitle").await.unwrap();
    assert!(
        subtitle.contains("Weights (changed):")
            && subtitle.contains("Research and development 33.3 %"),
        "{subtitle}"
    );
    let source = b.text(".embed-source").await.unwrap();
    assert!(
        source.starts_with("Source: UNCTAD") && source.contains("Sources"),
        "{source}"
    );
    let back = b
        .js("return document.querySelector('.embed-back a').href")
        .await
        .unwrap();
    let back = back.as_str().unwrap();
    assert!(
        back.starts_with(&site.url)
            && back.contains("b=ftri")
            && back.contains("w=rd:2")
            && !back.contains("embed"),
        "link back to the full explorer: {back}"
    );
    assert!(b
        .text(".embed-back")
        .await
        .unwrap()
        .contains("Open in Index Explorer"));

    // Only the chart and its captions: one canvas, no table, panels, header or other charts.
    assert_eq!(count(&b, "canvas").await, 1);
    for absent in [
        "#rank-table",
        ".weights",
        ".site-header",
        ".chart-card",
        ".gap-panel",
        "#sources",
        ".notice",
    ] {
        assert_eq!(count(&b, absent).await, 0, "{absent} must not render");
    }
    assert_eq!(
        b.js("return document.body.className").await.unwrap(),
        Value::from("embed-page")
    );
    assert!(canvas_drawn(&b).await, "the chart is drawn");
    // It loads nothing it does not need: its bundle, no catalogue, no other bundle.
    let data = b
        .js("return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/data/'))")
        .await
        .unwrap();
    let data: Vec<&str> = data
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(data.len(), 1, "{data:?}");
    assert!(data[0].ends_with("/data/ftri.json"), "{data:?}");
    let shot = b.screenshot("embed-640.png").await.unwrap();
    println!("screenshot: {}", shot.display());

    // 320 px wide: everything still fits, nothing scrolls sideways, the chart redraws.
    b.client.set_window_size(320, 480).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let widths = b
        .js("return [window.innerWidth, document.documentElement.scrollWidth, document.querySelector('#embed-canvas').clientWidth, document.querySelector('#embed-canvas').width]")
        .await
        .unwrap();
    let w = |i: usize| widths[i].as_f64().unwrap();
    assert!(w(0) <= 330.0, "window is narrow: {widths}");
    assert!(w(1) <= w(0), "no sideways scrolling: {widths}");
    assert!(w(2) > 200.0 && w(2) <= w(0), "canvas fits: {widths}");
    assert!(w(3) >= w(2), "canvas redrawn at its new width: {widths}");
    let back_visible = b
        .js("const r = document.querySelector('.embed-back a').getBoundingClientRect(); return r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.width > 0")
        .await
        .unwrap();
    assert_eq!(
        back_visible,
        Value::Bool(true),
        "the link back is on screen"
    );
    assert!(canvas_drawn(&b).await);
    let shot = b.screenshot("embed-320.png").await.unwrap();
    println!("screenshot: {}", shot.display());
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tampered_embed_link_gives_notices_and_no_crash() {
    let site = Site::start().unwrap();
    let b = Browser::start(700, 500).await.unwrap();
    // Unknown chart, malformed weights: ranked bars under the published weights, two notices.
    open_embed(&b, &format!("{}?embed=nope&b=ftri&w=x", site.url)).await;
    let notices = b.text(".notices").await.unwrap();
    assert!(notices.contains("`nope`"), "{notices}");
    assert!(notices.contains("`w`"), "{notices}");
    assert!(b
        .text(".embed-subtitle")
        .await
        .unwrap()
        .contains("Published weights"));
    assert!(canvas_drawn(&b).await);
    assert_eq!(
        b.js("return document.querySelector('.embed').dataset.chart")
            .await
            .unwrap(),
        Value::from("bars")
    );

    // An unknown dataset (even one that tries to leave the data folder) falls back to the
    // default, with a notice; a pinned edition that is not the served one says so.
    open_embed(
        &b,
        &format!("{}?embed=gap&b=..%2Fsecret&y=2019&ed=00000000", site.url),
    )
    .await;
    let notices = b.text(".notices").await.unwrap();
    assert!(notices.contains("showing the default"), "{notices}");
    assert!(
        notices.contains("updated since this chart was pinned"),
        "{notices}"
    );
    // Nothing of a link for an unknown dataset applies: the default's own year.
    assert!(b.text(".embed-title").await.unwrap().contains("2021"));
    assert!(canvas_drawn(&b).await);

    // Garbage everywhere still renders a page with notices.
    open_embed(
        &b,
        &format!("{}?embed=&v=99&b=&y=x&w=%FF&n=%&g=,&u=zzz", site.url),
    )
    .await;
    assert!(count(&b, ".notice").await >= 3);
    assert!(canvas_drawn(&b).await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_share_and_embed_dialogs_carry_the_scenario() {
    let site = Site::start().unwrap();
    let b = Browser::start(1400, 1000).await.unwrap();
    open_explorer(&b, &format!("{}?b=ftri&w=rd:2", site.url)).await;
    let page = b.client.current_url().await.unwrap().to_string();

    // Share: the page's link, its length, focus in the dialog, Esc closes.
    b.client
        .find(Locator::Css("figure[data-chart=bars] .share-link"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_for("#share-dialog[open]", 5).await.unwrap();
    let link = b
        .js("return document.querySelector('#share-url').value")
        .await
        .unwrap();
    assert_eq!(link.as_str(), Some(page.as_str()));
    assert!(page.contains("w=rd:2"), "{page}");
    assert_eq!(
        b.text("#share-length").await.unwrap(),
        format!("{} characters", page.chars().count())
    );
    let focus_inside = b
        .js("return document.querySelector('#share-dialog').contains(document.activeElement)")
        .await
        .unwrap();
    assert_eq!(
        focus_inside,
        Value::Bool(true),
        "focus moved into the dialog"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let shot = b.screenshot("share-dialog.png").await.unwrap();
    println!("screenshot: {}", shot.display());
    assert!(
        !b.text("#share-status").await.unwrap().is_empty(),
        "says whether it copied"
    );
    b.client
        .find(Locator::Css("#share-url"))
        .await
        .unwrap()
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(count(&b, "#share-dialog").await, 0, "Esc closes the dialog");

    // Embed: live code by default.
    b.client
        .find(Locator::Css("figure[data-chart=bars] .embed-open"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_for("#embed-dialog[open]", 5).await.unwrap();
    assert_eq!(
        b.js("return document.querySelector('#embed-dialog').getAttribute('role')")
            .await
            .unwrap(),
        Value::from("dialog")
    );
    let code = || async {
        b.js("return document.querySelector('#embed-code').value")
            .await
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    let live = code().await;
    let want_src = format!("{}?embed=bars&amp;v=2&amp;b=ftri&amp;w=rd:2", site.url);
    assert!(
        live.starts_with(&format!("<iframe src=\"{want_src}\"")),
        "{live}"
    );
    for part in [
        "width=\"640\"",
        "height=\"480\"",
        "title=\"Frontier Technology Readiness Index (TIR 2023 release, 2008–2021) by country, ",
        "loading=\"lazy\"",
        "style=\"border:0\"",
    ] {
        assert!(live.contains(part), "{part} in {live}");
    }
    // The preview is the embed itself.
    b.wait_for(".embed-preview iframe", 5).await.unwrap();
    let preview = b
        .js("return document.querySelector('.embed-preview iframe').getAttribute('src')")
        .await
        .unwrap();
    assert_eq!(
        preview.as_str(),
        Some(want_src.replace("&amp;", "&").as_str())
    );

    // Fixed: the year and the edition are pinned; a new size shows in the code.
    b.client
        .find(Locator::Css("#embed-fixed"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.js("const w = document.querySelector('#embed-width'); w.value = '400'; w.dispatchEvent(new Event('change'))")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let fixed = code().await;
    assert!(
        fixed.contains("&amp;y=2021&amp;") && fixed.contains("&amp;ed="),
        "{fixed}"
    );
    assert!(fixed.contains("width=\"400\""), "{fixed}");
    // Let the preview draw, then look at the dialog.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let shot = b.screenshot("embed-dialog.png").await.unwrap();
    println!("screenshot: {}", shot.display());

    // The fixed link, opened, shows the same chart with no "updated" notice.
    let src = fixed.split('"').nth(1).unwrap().replace("&amp;", "&");
    b.client
        .find(Locator::Css(".dialog-close"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        count(&b, "#embed-dialog").await,
        0,
        "the close button closes it"
    );
    open_embed(&b, &src).await;
    assert_eq!(count(&b, ".notice").await, 0, "same edition: no notice");
    assert!(b
        .text(".embed-subtitle")
        .await
        .unwrap()
        .contains("Research and development 33.3 %"));
    b.close().await;
}

/// The text drawn in an SVG, one string (text elements joined by spaces, entities decoded).
fn svg_text(svg: &str) -> String {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').and_then(|(_, r)| r.split_once("</text>")))
        .map(|(t, _)| {
            t.trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test(flavor = "multi_thread")]
async fn downloads_hold_what_the_page_shows() {
    let site = Site::start().unwrap();
    let dir = e2e::fresh_dir("downloads");
    let b = Browser::start_with_downloads(1400, 1000, &dir)
        .await
        .unwrap();
    open_explorer(&b, &format!("{}?b=ftri&w=rd:2", site.url)).await;
    // Show only the LDCs, sorted by rank.
    b.js("const s = document.querySelector('#filter'); s.value = 'LDC'; s.dispatchEvent(new Event('change'))")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let shown = b.rows().await.unwrap();
    assert!(shown.len() >= 5, "{shown:?}");
    let year = "2021";

    // CSV of the rows shown.
    b.click("figure[data-chart=bars] .dl-csv-shown")
        .await
        .unwrap();
    let csv = String::from_utf8(
        downloaded(&dir, &format!("index-explorer-ftri-{year}-bars-shown.csv")).await,
    )
    .unwrap();
    let meta: Vec<&str> = csv.lines().take_while(|l| l.starts_with('#')).collect();
    let meta_text = meta.join("\n");
    assert_eq!(meta[0], "# Index Explorer data export");
    for part in [
        "# scenario,v=2&b=ftri&w=rd:2",
        "# source,UNCTAD,Frontier Technology Readiness Index",
        "# edition,",
        "# year,2021",
        "# link,http://127.0.0.1:",
        "# rows,",
        "group Least developed countries",
    ] {
        assert!(meta_text.contains(part), "{part} in\n{meta_text}");
    }
    let sources: Vec<Vec<String>> = e2e::csv_records(&meta_text)
        .into_iter()
        .filter(|r| r[0] == "# source")
        .collect();
    assert!(!sources.is_empty());
    for s in &sources {
        assert_eq!(
            s.len(),
            6,
            "publisher, title, edition, licence, link: {s:?}"
        );
        assert!(
            !s[3].is_empty() && !s[4].is_empty(),
            "edition and licence named: {s:?}"
        );
    }
    assert!(
        sources
            .iter()
            .any(|s| s[4].contains("attribution") || s[4].contains("CC BY")),
        "{sources:?}"
    );
    let records = e2e::csv_records(&csv);
    let table: Vec<&Vec<String>> = records.iter().filter(|r| !r[0].starts_with('#')).collect();
    assert_eq!(
        &table[0][..6],
        ["Rank", "Change", "Code", "Country", "Group", "Score"]
    );
    for (row, (code, rank)) in table[1..].iter().zip(&shown) {
        assert_eq!(
            (&row[2], &row[0]),
            (code, rank),
            "the CSV's rows are the table's"
        );
        assert_eq!(row[4], "LDCs");
    }
    assert!(
        table.len() > shown.len() - 1,
        "every row of the filtered table"
    );
    assert!(table.iter().all(|r| r.len() == table[0].len()));

    // CSV of everything: every unit, whatever the filter, and it parses.
    b.click("figure[data-chart=bars] .dl-csv-all")
        .await
        .unwrap();
    let all = String::from_utf8(
        downloaded(&dir, &format!("index-explorer-ftri-{year}-all-data.csv")).await,
    )
    .unwrap();
    let records = e2e::csv_records(&all);
    let table: Vec<&Vec<String>> = records.iter().filter(|r| !r[0].starts_with('#')).collect();
    assert_eq!(
        &table[0][..5],
        ["Code", "Country", "Groups", "Rank", "Note"]
    );
    assert!(
        table[0].contains(&"rd raw".to_string()) && table[0].contains(&"ftri score".to_string())
    );
    assert!(
        table.iter().all(|r| r.len() == table[0].len()),
        "rectangular"
    );
    let units = table.len() - 1;
    assert!(
        units > shown.len() * 2,
        "every unit, not only the LDCs: {units}"
    );
    assert!(all.contains("# rows,\"everything:"), "{all:.2000}");
    // Names with commas survive quoting; no text cell is left to run as a formula.
    assert!(table
        .iter()
        .skip(1)
        .all(|r| !r[1].starts_with(['=', '+', '-', '@'])));

    // SVG: the chart's title and source line, and the credit.
    b.click("figure[data-chart=bars] .dl-svg").await.unwrap();
    let svg =
        String::from_utf8(downloaded(&dir, &format!("index-explorer-ftri-{year}-bars.svg")).await)
            .unwrap();
    assert!(svg.starts_with("<svg"), "{svg:.200}");
    let drawn = svg_text(&svg);
    let title = b.text("figure[data-chart=bars] h3").await.unwrap();
    let source = b.text("figure[data-chart=bars] .source").await.unwrap();
    assert!(drawn.contains(&title), "title {title:?} in {drawn}");
    assert!(drawn.contains(&source), "source {source:?} in {drawn}");
    assert!(drawn.contains("Research and development 33.3 %"), "{drawn}");
    assert!(drawn.ends_with("Index Explorer"), "credit: {drawn}");

    // PNG at twice the size.
    b.click("figure[data-chart=bars] .dl-png").await.unwrap();
    let png = downloaded(&dir, &format!("index-explorer-ftri-{year}-bars.png")).await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    std::fs::write(e2e::artifacts().join("download-bars.png"), &png).unwrap();
    std::fs::write(e2e::artifacts().join("download-bars.svg"), &svg).unwrap();
    let dim = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!((dim(16), dim(20)), (1920, 1200));

    b.js("document.querySelector('figure[data-chart=bars]').scrollIntoView()")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let shot = b.screenshot("chart-toolbar.png").await.unwrap();
    println!("screenshot: {}", shot.display());
    b.click("figure[data-chart=bars] a.sources-link")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let shot = b.screenshot("sources.png").await.unwrap();
    println!("screenshot: {}", shot.display());

    // The Sources tab: every indicator with publisher, edition, licence and coverage.
    assert_eq!(
        b.js("return document.querySelector('figure[data-chart=bars] a.sources-link').getAttribute('href')")
            .await
            .unwrap(),
        Value::from("#sources")
    );
    assert_eq!(count(&b, "#sources-table tbody tr").await, 5);
    let rd = b
        .text("#sources-table tr[data-indicator=rd]")
        .await
        .unwrap();
    assert!(
        rd.contains("UNCTAD") && rd.contains("attribution") && rd.contains(" / "),
        "{rd}"
    );
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
