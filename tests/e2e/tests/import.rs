//! "Your data" in a real headless Chromium: the JRC's ASEM pair (data and COINr framework
//! file), chosen through the file fields, is imported in the worker and ranks as the CLI's own
//! import of the same files; under the JRC's method (set by the link) it ranks exactly as the
//! built-in `index rank --bundle asem`, and the worker's health check runs on it; it is kept in
//! the browser (IndexedDB), so after a reload it is in the dataset picker and opens; its
//! framework edited (a pillar renamed, an indicator turned, a pillar deleted) ranks as the CLI
//! ranks the dataset as stored; it is deleted after a confirmation. A 0-byte file, then a file
//! dropped on the panel that is one column, each give a report naming it and leave the ranking
//! as it was; a link to data imported in another browser says where the data lives and shows the
//! default view.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::path::PathBuf;
use std::time::{Duration, Instant};

use e2e::{cli, cli_json, Browser, Site};

/// The JRC's ASEM pair (`../shared/data/jrc/`, see `../shared/data/SOURCES.md`).
fn asem_files() -> (PathBuf, PathBuf) {
    let dir = std::env::var("INDEX_DATA_DIR")
        .map_or_else(|_| e2e::root().join("../shared/data"), PathBuf::from)
        .join("jrc");
    (
        dir.join("asem_indicators.csv"),
        dir.join("asem_framework.csv"),
    )
}

/// (code, rank) of the CLI's `index rank --format json` with `args`, as the page's rows show
/// them.
fn cli_ranks(args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["rank", "--format", "json"];
    all.extend_from_slice(args);
    cli_json(&all).unwrap()["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let rank = u["rank"].as_u64().map_or("–".into(), |r| r.to_string());
            (u["code"].as_str().unwrap().to_string(), rank)
        })
        .collect()
}

/// Opens the "Your data" panel.
async fn open_panel(b: &Browser) {
    b.open_import_panel().await.unwrap();
}

/// Chooses `files` (and `framework`) through the panel's file fields, names the import and
/// runs it.
async fn import(b: &Browser, files: &[&PathBuf], framework: Option<&PathBuf>, name: &str) {
    let files: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
    b.import_files(&files, framework.map(PathBuf::as_path), name)
        .await
        .unwrap();
}

/// Waits up to `secs` until the text of `css` passes `ok`, and returns it.
async fn until_text(b: &Browser, css: &str, secs: u64, ok: impl Fn(&str) -> bool) -> String {
    b.until_text(css, secs, ok).await.unwrap()
}

/// Waits until the report's counts say something (the import is over), and returns them.
async fn counts(b: &Browser) -> String {
    until_text(b, "#import-counts", 60, |t| !t.is_empty()).await
}

/// Waits until the dataset shown is titled `title`.
async fn shown(b: &Browser, title: &str) {
    until_text(b, ".summary-inner strong", 30, |t| t == title).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_imported_pair_ranks_as_the_cli_is_kept_and_opens_after_a_reload() {
    let (data, framework) = asem_files();
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1600).await.unwrap();
    b.open(&site.url).await.unwrap();
    open_panel(&b).await;
    import(&b, &[&data], Some(&framework), "ASEM (mine)").await;
    let said = counts(&b).await;
    assert!(
        said.starts_with("0 error(s), 0 warning(s). Imported"),
        "{said}"
    );
    shown(&b, "ASEM (mine)").await;
    let lines = b.text("#import-lines").await.unwrap();
    assert!(
        lines.contains("asem_indicators.csv") && lines.contains("layout coinr (detected)"),
        "{lines}"
    );

    // The CLI's import of the same files, ranked: the page's ranking.
    let out = e2e::artifacts().join("asem-imported.json");
    let (d, f, o) = (
        data.display().to_string(),
        framework.display().to_string(),
        out.display().to_string(),
    );
    cli(&["import", &d, "--framework", &f, "--out", &o]).unwrap();
    let rows = b.rows().await.unwrap();
    assert!(rows.len() >= 20, "rows rendered: {rows:?}");
    assert_eq!(rows, cli_ranks(&["--bundle", &o])[..rows.len()]);
    // Its figures are captioned as the person's data.
    let body = b.js("return document.body.textContent").await.unwrap();
    assert!(
        body.as_str()
            .unwrap()
            .contains("Your data, ASEM (mine) (imported "),
        "no source line for the import"
    );
    // A link to it says that it opens only in this browser.
    b.js("[...document.querySelectorAll('.chart-tools button')] \
          .find(b => b.textContent === 'Share link').click(); return true")
        .await
        .unwrap();
    let hint = until_text(&b, "#share-dialog .mine-hint", 10, |t| !t.is_empty()).await;
    assert!(hint.contains("kept only in this browser"), "{hint}");
    b.js("document.querySelector('#share-dialog').close(); return true")
        .await
        .unwrap();
    b.js("document.querySelector('#your-data').scrollIntoView(); return true")
        .await
        .unwrap();
    let shot = b.screenshot("import-asem.png").await.unwrap();
    println!("screenshot: {}", shot.display());

    // The link names the import; under the JRC's method it ranks as the built-in bundle.
    let query = b.query().await.unwrap();
    assert!(query.contains("b=mine-"), "{query}");
    let jrc = format!(
        "{}?{query}&i=groupmean:EurAsia_group&s=0.9&o=winsorise:5",
        site.url
    );
    b.open(&jrc).await.unwrap();
    shown(&b, "ASEM (mine)").await;
    let rows = b.rows().await.unwrap();
    assert!(rows.len() >= 20, "rows rendered: {rows:?}");
    assert_eq!(rows, cli_ranks(&["--bundle", "asem"])[..rows.len()]);

    // The worker works on it too (it gets the bundle as text: it has no file to fetch).
    b.wait_for("#health-run:not([hidden])", 30).await.unwrap();
    b.click("#health-run").await.unwrap();
    b.wait_for("#health-nodes tbody tr", 60).await.unwrap();
    let nodes = b.cells("#health-nodes tbody tr").await.unwrap();
    // The index, 2 sub-indices, 8 pillars, 49 indicators.
    assert_eq!(nodes.len(), 60, "{nodes:?}");

    // Reloaded, the import is in the picker (from IndexedDB) and the view opens on it again.
    b.reload().await.unwrap();
    shown(&b, "ASEM (mine)").await;
    assert_eq!(b.rows().await.unwrap(), rows);
    let mine = b
        .js("return [...document.querySelectorAll('#dataset optgroup option')].map(o => o.textContent)")
        .await
        .unwrap();
    assert_eq!(mine, serde_json::json!(["ASEM (mine)"]));

    // Another dataset, then the import again from the picker.
    b.js(
        "const s = document.querySelector('#dataset'); s.value = 'ftri'; \
          s.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    shown(
        &b,
        "Frontier Technology Readiness Index (TIR 2023 release, 2008–2021)",
    )
    .await;
    b.js("const s = document.querySelector('#dataset'); \
          s.value = document.querySelector('#dataset optgroup option').value; \
          s.dispatchEvent(new Event('change', {bubbles: true})); return true")
        .await
        .unwrap();
    shown(&b, "ASEM (mine)").await;

    // The framework edited: a pillar renamed, an indicator's direction turned, another pillar
    // deleted (after a confirmation); the ranking is the CLI's of the dataset as stored, which
    // has every change.
    b.rename_part("Conn", "Links").await.unwrap();
    b.wait_for("li[data-node='Conn']", 10).await.unwrap();
    until_text(&b, "li[data-node='Conn']", 10, |t| t.contains("Links")).await;
    // An aggregate has no direction to turn.
    let direction = b
        .js("return document.querySelector('#fw-direction').offsetParent === null")
        .await
        .unwrap();
    assert_eq!(direction, true, "no direction for a sub-index");
    // Trade in goods, lower is better.
    b.js(
        "const s = document.querySelector('#fw-node'); s.value = 'Goods'; \
          s.dispatchEvent(new Event('change', {bubbles: true})); \
          const d = document.querySelector('#fw-direction'); d.value = 'lower'; \
          d.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let before = b.rows().await.unwrap();
    b.js(
        "window.confirm = () => true; const s = document.querySelector('#fw-node'); \
          s.value = 'Physical'; s.dispatchEvent(new Event('change', {bubbles: true})); \
          document.querySelector('#fw-delete').click(); return true",
    )
    .await
    .unwrap();
    let id = query
        .split('&')
        .find_map(|p| p.strip_prefix("b="))
        .unwrap()
        .to_string();
    let deadline = Instant::now() + Duration::from_secs(10);
    let stored = loop {
        let stored = b
            .client
            .execute_async(
                "const [id, done] = arguments; const r = indexedDB.open('index-explorer'); \
                 r.onsuccess = () => { const g = r.result.transaction('your-data-bundles') \
                   .objectStore('your-data-bundles').get(id); \
                   g.onsuccess = () => { r.result.close(); done(g.result); }; };",
                vec![serde_json::Value::from(id.as_str())],
            )
            .await
            .unwrap();
        let stored = stored.as_str().unwrap().to_string();
        if !stored.contains("\"id\":\"Physical\",\"name\"") && b.rows().await.unwrap() != before {
            break stored;
        }
        assert!(
            Instant::now() < deadline,
            "not deleted: {}",
            b.notices().await.unwrap()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(stored.contains("\"name\":\"Links\""), "the rename is kept");
    let bundle: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let goods = bundle["dataset"]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "Goods")
        .unwrap();
    assert_eq!(goods["direction"], "lower", "the direction is kept");
    b.js("document.querySelector('#framework-editor').scrollIntoView(); return true")
        .await
        .unwrap();
    let shot = b.screenshot("import-framework.png").await.unwrap();
    println!("screenshot: {}", shot.display());
    // The part chosen went: the editor shows another, its name beside it.
    let (part, name) = (
        b.js(
            "const s = document.querySelector('#fw-node'); return s.selectedOptions[0].textContent",
        )
        .await
        .unwrap(),
        b.js("return document.querySelector('#fw-name').value")
            .await
            .unwrap(),
    );
    assert!(
        part.as_str().unwrap().ends_with(name.as_str().unwrap()),
        "{part} beside {name}"
    );
    let edited = e2e::artifacts().join("asem-edited.json");
    std::fs::write(&edited, &stored).unwrap();
    // The ranking follows the edits (the last one's view may still be on its way).
    let want = cli_ranks(&["--bundle", &edited.display().to_string()]);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let rows = b.rows().await.unwrap();
        if rows.len() <= want.len() && rows[..] == want[..rows.len()] {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the ranking after the edits: {rows:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // Deleted after a confirmation: gone from the picker and the panel.
    open_panel(&b).await;
    b.js("window.confirm = () => true; document.querySelector('#import-stored .mine-delete').click(); return true")
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while b
        .js("return document.querySelectorAll('#dataset optgroup option, #import-stored li').length")
        .await
        .unwrap()
        != 0
    {
        assert!(Instant::now() < deadline, "not deleted within 10 s");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_file_gives_a_report_and_leaves_the_ranking_as_it_was() {
    let empty = e2e::artifacts().join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let site = Site::start().unwrap();
    // On a phone.
    let b = Browser::start(360, 800).await.unwrap();
    b.open(&site.url).await.unwrap();
    let (title, before, query) = (
        b.text(".summary-inner strong").await.unwrap(),
        b.rows().await.unwrap(),
        b.query().await.unwrap(),
    );
    open_panel(&b).await;
    import(&b, &[&empty], None, "Nothing").await;
    let said = counts(&b).await;
    assert!(
        said.starts_with("1 error(s), 0 warning(s). Nothing imported"),
        "{said}"
    );
    let lines = b.text("#import-lines").await.unwrap();
    assert!(
        lines.contains("empty.csv") && lines.contains("the file is empty"),
        "{lines}"
    );
    assert_eq!(b.text(".summary-inner strong").await.unwrap(), title);
    assert_eq!(b.rows().await.unwrap(), before);
    assert_eq!(b.query().await.unwrap(), query);
    b.js("document.querySelector('#your-data').scrollIntoView(); return true")
        .await
        .unwrap();
    let shot = b.screenshot("import-empty-phone.png").await.unwrap();
    println!("screenshot: {}", shot.display());
    // The file chosen is still there for another try.
    assert!(b
        .text("#import-chosen")
        .await
        .unwrap()
        .contains("empty.csv"));
    let mine = b
        .js("return document.querySelectorAll('#dataset optgroup option').length")
        .await
        .unwrap();
    assert_eq!(mine, 0);

    // A file dropped on the panel joins the one chosen; the empty one removed and the
    // delimiter said, it is one column, which the report says, and the ranking stays.
    b.js("const dt = new DataTransfer(); \
          dt.items.add(new File(['code;a\\nAAA;1\\n'], 'semicolons.csv', {type: 'text/csv'})); \
          document.querySelector('#import-drop').dispatchEvent( \
            new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true})); \
          const d = document.querySelector('#import-delimiter'); d.value = ','; \
          d.dispatchEvent(new Event('change', {bubbles: true})); return true")
        .await
        .unwrap();
    let chosen = b.text("#import-chosen").await.unwrap();
    assert!(
        chosen.contains("empty.csv") && chosen.contains("semicolons.csv"),
        "{chosen}"
    );
    b.click("button[aria-label='Remove empty.csv']")
        .await
        .unwrap();
    b.click("#import-run").await.unwrap();
    let lines = until_text(&b, "#import-lines", 60, |t| t.contains("semicolons.csv")).await;
    assert!(
        lines.contains("split by `,` the header is one column") && !lines.contains("empty.csv"),
        "{lines}"
    );
    assert_eq!(b.rows().await.unwrap(), before);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_to_data_imported_elsewhere_says_where_it_lives() {
    let site = Site::start().unwrap();
    let b = Browser::start(1200, 900).await.unwrap();
    b.open(&format!("{}?b=mine-zzzz&w=rd:2", site.url))
        .await
        .unwrap();
    until_text(&b, ".notices", 10, |t| {
        t.contains("lives only in the browser that imported it")
    })
    .await;
    assert_eq!(
        b.text(".summary-inner strong").await.unwrap(),
        "Frontier Technology Readiness Index (TIR 2023 release, 2008–2021)"
    );
    assert_eq!(
        b.rows().await.unwrap(),
        e2e::cli_ftri_ranks(&[])[..b.rows().await.unwrap().len()]
    );
    b.close().await;
}

/// The Global Data Lab's three dimension-index files (`../shared/data/gdl/`: one file per
/// indicator, wide by year, 1,765 regions), chosen through the file field, import in the
/// worker; under no normalisation and the geometric mean — the sub-national HDI, as UNDP
/// builds the HDI from its dimension indices — the page ranks the regions as `index rank` ranks
/// the CLI's import of the same files under the same method. The time from Import to the
/// report is printed (the issue's "under 1 s" is a figure to report, not a timed test).
#[tokio::test(flavor = "multi_thread")]
async fn the_gdl_files_import_and_rank_as_a_sub_national_hdi() {
    let files = e2e::gdl_files();
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1600).await.unwrap();
    b.open(&site.url).await.unwrap();
    open_panel(&b).await;
    let started = Instant::now();
    import(&b, &files.iter().collect::<Vec<_>>(), None, "GDL regions").await;
    let said = counts(&b).await;
    println!(
        "GDL import, from Import to the report (three files, one run): {} ms",
        started.elapsed().as_millis()
    );
    assert!(said.starts_with("0 error(s)"), "{said}");
    shown(&b, "GDL regions").await;

    // The sub-national HDI: no normalisation, the geometric mean.
    let query = b.query().await.unwrap();
    assert!(query.contains("b=mine-"), "{query}");
    b.open(&format!("{}?{query}&n=none&a=geometric", site.url))
        .await
        .unwrap();
    shown(&b, "GDL regions").await;
    let rows = b.rows().await.unwrap();
    assert!(rows.len() >= 20, "rows rendered: {rows:?}");

    // The CLI's import of the same files, ranked under the same method.
    let out = e2e::artifacts().join("gdl-imported.json");
    let scenario = e2e::artifacts().join("gdl-hdi.json");
    std::fs::write(
        &scenario,
        r#"{"format": 2, "method": {"aggregation": "geometric", "normalisation": {"type": "none"}}}"#,
    )
    .unwrap();
    let mut args: Vec<String> = vec!["import".into()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(["--out".into(), out.display().to_string()]);
    cli(&args.iter().map(String::as_str).collect::<Vec<_>>()).unwrap();
    let (o, s) = (out.display().to_string(), scenario.display().to_string());
    let want = cli_ranks(&["--bundle", &o, "--scenario", &s]);
    assert_eq!(rows, want[..rows.len()]);
    // And both are the sub-national HDI itself: the first region's score is the geometric
    // mean of its three indices in the files, for the year shown (a floor on another scale
    // once raised every index below 1 to 1, and page and CLI agreed on that too).
    let first = b
        .js("const r = document.querySelector('#rank-table tbody tr.row');              return [r.dataset.code, r.querySelector('.c-score').textContent,                      document.querySelector('#year').value]")
        .await
        .unwrap();
    let (code, score, year) = (
        first[0].as_str().unwrap(),
        first[1].as_str().unwrap(),
        first[2].as_str().unwrap(),
    );
    let product: f64 = files
        .iter()
        .map(|f| {
            let mut r = csv::Reader::from_path(f).unwrap();
            let column = r.headers().unwrap().iter().position(|h| h == year).unwrap();
            r.records()
                .map(Result::unwrap)
                .find(|rec| &rec[3] == code)
                .unwrap()[column]
                .parse::<f64>()
                .unwrap()
        })
        .product();
    assert_eq!(score, format!("{:.3}", product.cbrt()), "{code} in {year}");
    let shot = b.screenshot("import-gdl.png").await.unwrap();
    println!("screenshot: {}", shot.display());
    b.close().await;
}

/// A flat import of 100 indicators gives the ranking 100 pillar columns, a handful in view:
/// only those in or near the view carry their mini-bars (a title with the score, a bar), the
/// others are empty; scrolled to the far end, the last columns carry theirs and the first are
/// emptied, while the rank and name cells stay in place over them; a slider step keeps it so.
/// (The file is generated: made-up figures.)
#[tokio::test(flavor = "multi_thread")]
async fn a_wide_import_writes_the_mini_bars_of_the_columns_in_view() {
    let dir = e2e::fresh_dir("import-wide");
    let path = dir.join("wide.csv");
    let mut csv = String::from("code,name");
    for i in 0..100 {
        csv.push_str(&format!(",x{i}"));
    }
    csv.push('\n');
    for u in 0..300usize {
        csv.push_str(&format!("U{u},Unit {u}"));
        for i in 0..100usize {
            let x = (u.wrapping_mul(2_654_435_761) ^ i.wrapping_mul(40_503)) % 100_000;
            csv.push_str(&format!(",{}", x as f64 / 100.0));
        }
        csv.push('\n');
    }
    std::fs::write(&path, csv).unwrap();
    let site = Site::start().unwrap();
    let b = Browser::start(1400, 1000).await.unwrap();
    b.open(&site.url).await.unwrap();
    open_panel(&b).await;
    import(&b, &[&path], None, "Wide").await;
    shown(&b, "Wide").await;
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    // Each column's first row: whether its mini-bar is written (a title), and how many
    // columns there are.
    let written = r"
        const tds = [...document.querySelectorAll('#rank-table tbody tr.row')][0].querySelectorAll('td.c-pillar');
        return [...tds].map(td => td.getAttribute('title') !== '' && td.getAttribute('title') !== null);";
    let columns = |v: serde_json::Value| -> Vec<bool> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_bool().unwrap())
            .collect()
    };
    let at_start = columns(b.js(written).await.unwrap());
    assert_eq!(at_start.len(), 100);
    let shown_at_start: Vec<usize> = (0..100).filter(|k| at_start[*k]).collect();
    assert!(
        !shown_at_start.is_empty() && shown_at_start.len() < 20 && shown_at_start[0] == 0,
        "{shown_at_start:?}"
    );
    // The first row's rank and name cells: where they start, and whether they are what shows
    // at their centre (not a column passing beneath).
    let edge = r"
        document.querySelector('.table-panel').scrollIntoView();
        const row = document.querySelector('#rank-table tbody tr.row');
        return ['c-rank', 'c-name'].map(c => {
          const r = row.querySelector('td.' + c).getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return [Math.round(r.left), !!hit && !!hit.closest('td.' + c)];
        });";
    let edge_at_start = b.js(edge).await.unwrap();
    // Scrolled to the far end: the last column is written, the first emptied.
    b.js("const s = document.querySelector('.table-scroll'); s.scrollLeft = s.scrollWidth; return true")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let at_end = columns(b.js(written).await.unwrap());
    assert!(at_end[99] && !at_end[0], "{at_end:?}");
    // The rank and the name stay where they were, over the columns scrolled beneath them.
    assert_eq!(
        edge_at_start
            .as_array()
            .map(|a| a.iter().all(|c| c[1] == true)),
        Some(true),
        "{edge_at_start}"
    );
    assert_eq!(
        b.js(edge).await.unwrap(),
        edge_at_start,
        "scrolled sideways"
    );
    // A slider step: the same columns are written, with the rows' new scores.
    b.set_weight("x99", "5").await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(columns(b.js(written).await.unwrap()), at_end);
    let title: String = b
        .js("return document.querySelector('#rank-table tbody tr.row td.c-pillar:last-child').getAttribute('title')")
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    assert!(title.parse::<f64>().is_ok(), "{title}");
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
