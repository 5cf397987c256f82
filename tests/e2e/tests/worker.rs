//! The background worker in a real headless Chromium: it is not fetched until asked; "Download
//! every year (CSV)" computes every year in it, and its figures are the CLI's (`index rank` for
//! the same scenario, year by year) and the page's own (the ranking shown); Cancel mid-way
//! downloads nothing, the panel is ready again and a new request works on a new worker; a
//! worker that cannot load is reported, never waited on for ever.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use e2e::{Browser, Site};
use serde_json::Value;

/// The download button, shown (Cancel replaces it while a job runs).
const READY: &str = ".every-year-csv:not([hidden])";

/// The scenario of these tests: FTRI with R&D weighing 2.
const QUERY: &str = "?b=ftri&w=rd:2";
const SCENARIO_JSON: &str = r#"{"format": 2, "bundle": "ftri", "weights": {"rd": 2}}"#;

/// Files fully downloaded into `dir` (no `.crdownload` left), by name.
fn files(dir: &Path) -> Vec<String> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    if names.iter().any(|n| n.ends_with(".crdownload")) {
        return Vec::new();
    }
    names
}

/// Waits for one CSV in `dir` and returns its name and text.
async fn downloaded_csv(dir: &Path, secs: u64) -> (String, String) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(name) = files(dir).into_iter().find(|n| n.ends_with(".csv")) {
            if let Ok(text) = std::fs::read_to_string(dir.join(&name)) {
                if !text.is_empty() {
                    return (name, text);
                }
            }
        }
        assert!(
            Instant::now() < deadline,
            "no CSV downloaded within {secs} s; the folder holds {:?}",
            files(dir)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The CSV's table: year → [(code, rank, score)] in file order.
type Years = BTreeMap<i32, Vec<(String, String, String)>>;

fn by_year(csv: &str) -> Years {
    let records = e2e::csv_records(csv);
    let table: Vec<&Vec<String>> = records
        .iter()
        .filter(|r| !r.first().is_some_and(|f| f.starts_with('#')))
        .collect();
    assert_eq!(*table[0], ["Year", "Rank", "Code", "Country", "Score"]);
    let mut out = Years::new();
    for r in &table[1..] {
        assert_eq!(r.len(), 5, "rectangular: {r:?}");
        out.entry(r[0].parse().unwrap()).or_default().push((
            r[2].clone(),
            r[1].clone(),
            r[4].clone(),
        ));
    }
    out
}

/// Names of the resources the page has fetched that contain `part`.
async fn fetched(b: &Browser, part: &str) -> Vec<String> {
    let v = b
        .js(&format!(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes({part:?}))"
        ))
        .await
        .unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

/// Opens `url` and waits until the "Every year" panel is ready.
async fn open(b: &Browser, url: &str) {
    b.open(url).await.unwrap();
    b.wait_for(READY, 10).await.unwrap();
}

/// The CLI's ranking of FTRI under the test scenario in `year`, in its order (ranked by rank,
/// then the others): (code, rank, score).
fn cli_year(scenario: &Path, year: i32) -> Vec<(String, String, Option<f64>)> {
    let (scenario, year) = (scenario.display().to_string(), year.to_string());
    e2e::cli_ftri_ranking(&["--scenario", &scenario, "--year", &year])
        .iter()
        .map(|u| {
            let rank = u["rank"]
                .as_u64()
                .map(|r| r.to_string())
                .unwrap_or_default();
            (
                u["code"].as_str().unwrap().to_string(),
                rank,
                u["score"].as_f64(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_year_comes_from_the_worker_with_the_clis_and_the_pages_figures() {
    let site = Site::start().unwrap();
    let dir = e2e::fresh_dir("every-year");
    let b = Browser::start_with_downloads(1280, 900, &dir)
        .await
        .unwrap();
    open(&b, &format!("{}{QUERY}", site.url)).await;

    // Start-up fetched the page's wasm and nothing of the worker.
    assert!(
        !fetched(&b, "_bg.wasm").await.is_empty(),
        "resource timing sees the page's wasm"
    );
    assert_eq!(fetched(&b, "worker").await, Vec::<String>::new());

    b.click(".every-year-csv").await.unwrap();
    let (name, csv) = downloaded_csv(&dir, 60).await;
    let loaded = fetched(&b, "worker").await;
    assert!(
        loaded.iter().any(|n| n.ends_with("/worker_loader.js")),
        "the worker was started on request: {loaded:?}"
    );
    b.wait_for(READY, 5).await.unwrap();
    assert_eq!(b.text(".every-year-count").await.unwrap(), "", "idle again");

    // The metadata header every CSV of the app carries, for this scenario.
    let meta: Vec<Vec<String>> = e2e::csv_records(&csv)
        .into_iter()
        .filter(|r| r[0].starts_with('#'))
        .collect();
    let line = |label: &str| {
        meta.iter()
            .find(|r| r[0] == format!("# {label}"))
            .map(|r| r[1..].join(","))
            .unwrap_or_else(|| panic!("no `# {label}` line in {meta:?}"))
    };
    assert_eq!(meta[0][0], "# Index Explorer data export");
    assert!(
        line("title").starts_with(
            "Frontier Technology Readiness Index (TIR 2023 release, 2008–2021) by country, every \
             year ("
        ),
        "{}",
        line("title")
    );
    assert!(line("subtitle").contains("Research and development 33.3 %"));
    assert_eq!(line("scenario"), "v=2&b=ftri&w=rd:2");
    assert_eq!(line("edition").len(), 8);
    assert!(line("source").starts_with("UNCTAD"));
    assert!(line("rows").starts_with("every unit, every year with data: "));
    assert!(line("generated by").starts_with("Index Explorer, "));
    let years = by_year(&csv);
    let first = *years.keys().next().unwrap();
    let last = *years.keys().last().unwrap();
    assert!(years.len() >= 3, "several years: {:?}", years.keys());
    assert_eq!(name, format!("index-explorer-ftri-{first}-to-{last}.csv"));
    assert!(
        line("rows").contains(&format!(": {} years, ", years.len())),
        "{}",
        line("rows")
    );

    // Every unit of the first, a middle and the last year is the CLI's, rank and score.
    let scenario = dir.join("scenario.json");
    std::fs::write(&scenario, SCENARIO_JSON).unwrap();
    let middle = *years.keys().nth(years.len() / 2).unwrap();
    for year in [first, middle, last] {
        let cli = cli_year(&scenario, year);
        let rows = &years[&year];
        assert_eq!(rows.len(), cli.len(), "{year}: every unit");
        let mut ranked = 0;
        for ((code, rank, score), (want_code, want_rank, want_score)) in rows.iter().zip(&cli) {
            assert_eq!(code, want_code, "{year}: the same order");
            assert_eq!(rank, want_rank, "{year} {code}: rank");
            match want_score {
                Some(x) => {
                    let got: f64 = score.parse().unwrap();
                    assert!((got - x).abs() < 1e-6, "{year} {code}: {got} vs {x}");
                }
                None => assert_eq!(score, "", "{year} {code}: no score"),
            }
            ranked += usize::from(!rank.is_empty());
        }
        assert!(ranked > 50, "{year}: {ranked} ranked");
    }

    // The page's own ranking (the main thread's figures) of two years is the worker's.
    for year in [middle, last] {
        b.js(&format!(
            "const s = document.querySelector('#year'); s.value = '{year}'; s.dispatchEvent(new Event('change')); return true"
        ))
        .await
        .unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        let shown = b.rows().await.unwrap();
        assert!(shown.len() >= 10, "{shown:?}");
        let worker: Vec<(String, String)> = years[&year]
            .iter()
            .take(shown.len())
            .map(|(c, r, _)| (c.clone(), r.clone()))
            .collect();
        assert_eq!(shown, worker, "{year}: the page's ranking is the worker's");
    }

    b.js("document.querySelector('.every-year').scrollIntoView()")
        .await
        .unwrap();
    let shot = b.screenshot("every-year.png").await.unwrap();
    println!("screenshot: {}", shot.display());
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Makes each message from the worker reach the page 250 ms after the one before (order kept,
/// to whichever handler is set then), so a job is seen running for a while: what a long job
/// looks like from the page.
const SLOW_WORKER: &str = "const W = window.Worker; window.Worker = class extends W { \
      set onmessage(f) { \
        this.slowF = f; this.slowQ = this.slowQ || Promise.resolve(); \
        super.onmessage = f && (e => { this.slowQ = this.slowQ \
          .then(() => new Promise(r => setTimeout(r, 250))) \
          .then(() => this.slowF && this.slowF(e)); }); } \
      get onmessage() { return super.onmessage; } }; return true";

#[tokio::test(flavor = "multi_thread")]
async fn cancel_mid_way_downloads_nothing_and_a_new_request_works() {
    let site = Site::start().unwrap();
    let dir = e2e::fresh_dir("every-year-cancel");
    let b = Browser::start_with_downloads(1280, 900, &dir)
        .await
        .unwrap();
    open(&b, &format!("{}{QUERY}", site.url)).await;
    b.js(SLOW_WORKER).await.unwrap();

    b.click(".every-year-csv").await.unwrap();
    // Wait until the worker has reported some years but not all.
    let deadline = Instant::now() + Duration::from_secs(30);
    let (done, total) = loop {
        let count = b.text(".every-year-count").await.unwrap();
        let parsed = count
            .strip_prefix("Year ")
            .and_then(|r| r.split_once(" of "))
            .and_then(|(d, t)| Some((d.parse::<u32>().ok()?, t.parse::<u32>().ok()?)));
        if let Some((d, t)) = parsed {
            if d >= 1 {
                break (d, t);
            }
        }
        assert!(Instant::now() < deadline, "no progress shown: {count:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(done < total, "mid-way: {done} of {total}");
    let shot = b.screenshot("every-year-running.png").await.unwrap();
    println!("screenshot: {}", shot.display());
    b.click(".every-year-cancel").await.unwrap();

    // Idle again at once, and the answers still on their way are dropped: no file.
    b.wait_for(READY, 2).await.unwrap();
    assert_eq!(
        b.text(".every-year-count").await.unwrap(),
        "",
        "no progress shown"
    );
    assert_eq!(
        b.js("return document.querySelector('.every-year-cancel').hidden")
            .await
            .unwrap(),
        Value::from(true)
    );
    tokio::time::sleep(Duration::from_millis(250 * u64::from(total) + 1500)).await;
    assert_eq!(files(&dir), Vec::<String>::new(), "nothing downloaded");
    assert_eq!(
        b.js("return document.querySelectorAll('.notice').length")
            .await
            .unwrap(),
        Value::from(0),
        "a cancel is not an error"
    );

    // A new request starts a new worker and completes.
    b.click(".every-year-csv").await.unwrap();
    let (_, csv) = downloaded_csv(&dir, 60).await;
    assert_eq!(
        fetched(&b, "worker_loader.js").await.len(),
        2,
        "the cancelled worker was stopped and a new one started"
    );
    let years = by_year(&csv);
    assert_eq!(years.len() as u32, total, "every year");
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_worker_that_cannot_load_is_reported_and_the_next_request_works() {
    let site = Site::start().unwrap();
    let dir = e2e::fresh_dir("every-year-broken");
    let b = Browser::start_with_downloads(1280, 900, &dir)
        .await
        .unwrap();
    open(&b, &format!("{}{QUERY}", site.url)).await;
    // The worker's script is missing (as after a bad deploy).
    b.js("window.RealWorker = window.Worker; \
          window.Worker = class extends window.RealWorker { constructor(u, o) { super('missing_loader.js', o); } }; return true")
        .await
        .unwrap();
    b.click(".every-year-csv").await.unwrap();
    b.wait_for(".notice.error", 10).await.unwrap();
    let notice = b.text(".notice.error").await.unwrap();
    assert!(
        notice.contains("Every year could not be downloaded: the background worker failed"),
        "{notice}"
    );
    b.wait_for(READY, 2).await.unwrap();
    assert!(files(&dir).is_empty());

    b.js("window.Worker = window.RealWorker; return true")
        .await
        .unwrap();
    b.click(".every-year-csv").await.unwrap();
    let (_, csv) = downloaded_csv(&dir, 60).await;
    assert!(by_year(&csv).len() >= 3);
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
