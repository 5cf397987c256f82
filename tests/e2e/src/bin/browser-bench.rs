//! Runs the app's in-browser benchmark (`?bench=ftri`, `?bench=synthetic`) in headless Chromium
//! and prints its figures: slider input → table and charts updated and laid out, median and p95
//! over 120 inputs; the first load of the default view from localhost in a fresh browser (first
//! contentful paint, and the ranking on screen), three times; and the same first load on a
//! throttled profile, a mid-range phone on a slow mobile network (Chrome DevTools Protocol:
//! 1.6 Mbps down, 750 kbps up, 150 ms round trip, 4× CPU slowdown), as the median of several
//! loads, each in a fresh browser (nothing cached), with each load's figures.
//!
//! The site is served as a static host serves it (see `e2e::Site`): compressed, Brotli when a
//! `.br` file is written beside the asset. Needs both built sites: the harness runs in
//! `dist-bench/` (`trunk build --release --features bench --dist dist-bench`), the first loads in
//! `dist/`, the site people get (`trunk build --release`).
//!
//! ```text
//! browser-bench [--first-loads-only] [--loads N] [--site DIR] [--uncompressed]
//! ```
//! `--first-loads-only` skips the harness; `--loads` sets the throttled loads (default 5);
//! `--site` measures the first loads of another build (a folder under the workspace root);
//! `--uncompressed` serves every file as it is (a host that does not compress).

use std::time::Duration;

use e2e::{Browser, Site};
use serde_json::{json, Value};

/// The throttled profile: 1.6 Mbps down, 750 kbps up (bytes per second), 150 ms round trip.
const DOWN_BYTES_PER_S: u32 = 1_600_000 / 8;
const UP_BYTES_PER_S: u32 = 750_000 / 8;
const LATENCY_MS: u32 = 150;
const CPU_SLOWDOWN: u32 = 4;
/// The phone's window.
const PHONE: (u32, u32) = (360, 800);

/// Records Element Timing entries from the start of the page (given before navigation with
/// `Page.addScriptToEvaluateOnNewDocument`): an observer created later may miss those of
/// elements the app has already removed.
const OBSERVE: &str = r"
window.__benchElementTiming = [];
new PerformanceObserver((l) => window.__benchElementTiming.push(...l.getEntries()))
  .observe({ type: 'element', buffered: true });
";

/// Reads the load's figures from the page: first contentful paint; the prerendered ranking's
/// paint (Element Timing on `[elementtiming=prerendered-ranking]`, if the page has one); the
/// interactive ranking (the app's `ranking-ready` mark); bytes transferred (the document's and
/// every resource's `transferSize`), in all and per resource.
const FIGURES: &str = r"
const done = arguments[arguments.length - 1];
new Promise((resolve) => setTimeout(resolve, 50)).then(() => {
  const elements = window.__benchElementTiming || [];
  const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  const ready = performance.getEntriesByName('ranking-ready')[0];
  const pre = elements.filter((e) => e.identifier === 'prerendered-ranking')
    .map((e) => e.renderTime || e.loadTime);
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const files = [nav, ...resources].filter(Boolean).map((e) => ({
    file: e.name.replace(location.origin + '/', '') || 'index.html',
    bytes: e.transferSize,
    start_ms: Math.round(e.startTime),
    end_ms: Math.round(e.responseEnd),
  }));
  done({
    first_contentful_paint_ms: fcp ? fcp.startTime : null,
    prerendered_ranking_ms: pre.length ? Math.min(...pre) : null,
    interactive_ranking_ms: ready ? ready.startTime : null,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    files,
  });
});
";

struct Options {
    harness: bool,
    loads: usize,
    site: Option<String>,
    compress: bool,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        harness: true,
        loads: 5,
        site: None,
        compress: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--first-loads-only" => o.harness = false,
            "--loads" => {
                o.loads = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--loads takes a positive number")?;
            }
            "--site" => o.site = Some(args.next().ok_or("--site takes a folder")?),
            "--uncompressed" => o.compress = false,
            other => {
                return Err(format!(
                    "unknown argument `{other}` (browser-bench [--first-loads-only] [--loads N] [--site DIR] [--uncompressed])"
                ))
            }
        }
    }
    Ok(o)
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let o = options()?;
    let site = match &o.site {
        Some(dir) => Site::start_dir(dir, o.compress)?,
        None if !o.compress => Site::start_dir("dist", false)?,
        None => Site::start()?,
    };
    if o.harness {
        harness().await?;
        for run in 1..=3 {
            let v = first_load(&site, false).await?;
            println!(
                "{}",
                json!({"first_load": run, "default_view": summary_of(&v)})
            );
        }
    }
    let mut loads = Vec::new();
    for run in 1..=o.loads {
        let v = first_load(&site, true).await?;
        let files: Vec<String> = v["files"]
            .as_array()
            .map(|f| {
                f.iter()
                    .map(|f| {
                        format!(
                            "{} {} B, {}–{} ms",
                            f["file"].as_str().unwrap_or_default(),
                            f["bytes"],
                            f["start_ms"],
                            f["end_ms"]
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        println!(
            "{}",
            json!({"throttled_first_load": run, "default_view": summary_of(&v), "files": files})
        );
        loads.push(v);
    }
    let med = |key: &str| median(loads.iter().filter_map(|v| v[key].as_f64()).collect());
    let ranking: Vec<f64> = loads.iter().filter_map(ranking_on_screen).collect();
    println!(
        "{}",
        json!({
            "throttled_first_load": "median",
            "loads": loads.len(),
            "profile": format!("{} Mbps down, {} kbps up, {LATENCY_MS} ms RTT, {CPU_SLOWDOWN}x CPU slowdown, {}x{} window",
                f64::from(DOWN_BYTES_PER_S) * 8.0 / 1e6, UP_BYTES_PER_S * 8 / 1000, PHONE.0, PHONE.1),
            "first_contentful_paint_ms": med("first_contentful_paint_ms"),
            "ranking_on_screen_ms": median(ranking),
            "prerendered_ranking_ms": med("prerendered_ranking_ms"),
            "interactive_ranking_ms": med("interactive_ranking_ms"),
            "bytes": med("bytes"),
        })
    );
    Ok(())
}

/// The in-page harness: slider inputs on FTRI, the JRC's ASEM example and the synthetic bundle
/// (`dist-bench/`); on the first two, the uncertainty analysis in the worker too.
async fn harness() -> Result<(), String> {
    let bench = Site::start_bench()?;
    let b = Browser::start(1400, 1000).await?;
    let mut result = Ok(());
    for which in ["ftri", "asem", "synthetic"] {
        result = harness_run(&b, &bench, which).await;
        if result.is_err() {
            break;
        }
    }
    b.close().await;
    result
}

async fn harness_run(b: &Browser, bench: &Site, which: &str) -> Result<(), String> {
    b.client
        .goto(&format!("{}?bench={which}", bench.url))
        .await
        .map_err(|e| e.to_string())?;
    b.wait_for("#bench-results", 120).await?;
    let text = b
        .js("return document.querySelector('#bench-results').textContent")
        .await?;
    println!("{}", text.as_str().unwrap_or_default());
    Ok(())
}

/// One first load of the default view in a fresh browser (nothing cached), throttled or not;
/// waits until the interactive ranking is shown and returns the figures (see [`FIGURES`]).
async fn first_load(site: &Site, throttled: bool) -> Result<Value, String> {
    let (w, h) = if throttled { PHONE } else { (1400, 1000) };
    let b = Browser::start_unwaited(w, h).await?;
    let v = measure_load(&b, site, throttled).await;
    // Closed whatever happened: a browser left running would slow every later load.
    b.close().await;
    v
}

async fn measure_load(b: &Browser, site: &Site, throttled: bool) -> Result<Value, String> {
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": OBSERVE }),
    )
    .await?;
    if throttled {
        b.cdp("Network.enable", json!({})).await?;
        b.cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": LATENCY_MS,
                "downloadThroughput": DOWN_BYTES_PER_S,
                "uploadThroughput": UP_BYTES_PER_S,
            }),
        )
        .await?;
        b.cdp(
            "Emulation.setCPUThrottlingRate",
            json!({ "rate": CPU_SLOWDOWN }),
        )
        .await?;
    }
    b.client.goto(&site.url).await.map_err(|e| e.to_string())?;
    b.wait_for("#rank-table tbody tr.row", 60).await?;
    // The mark is set just after the rows are written; give the page a moment to set it.
    tokio::time::sleep(Duration::from_millis(200)).await;
    b.client
        .execute_async(FIGURES, vec![])
        .await
        .map_err(|e| format!("reading the load's figures: {e}"))
}

/// When a ranking was first on screen: the prerendered one if the page has one, else the app's.
fn ranking_on_screen(v: &Value) -> Option<f64> {
    v["prerendered_ranking_ms"]
        .as_f64()
        .or_else(|| v["interactive_ranking_ms"].as_f64())
}

/// One load's figures without the per-file list.
fn summary_of(v: &Value) -> Value {
    json!({
        "first_contentful_paint_ms": v["first_contentful_paint_ms"],
        "ranking_on_screen_ms": ranking_on_screen(v),
        "prerendered_ranking_ms": v["prerendered_ranking_ms"],
        "interactive_ranking_ms": v["interactive_ranking_ms"],
        "bytes": v["bytes"],
    })
}

/// The median (the mean of the middle two for an even count); `None` when empty.
fn median(mut xs: Vec<f64>) -> Option<f64> {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(xs[n / 2]),
        _ => Some((xs[n / 2 - 1] + xs[n / 2]) / 2.0),
    }
}
