//! Runs the app's in-browser benchmark (`?bench=ftri`, `?bench=synthetic`) in headless Chromium
//! and prints its figures: slider input → table and charts updated and laid out, median and p95
//! over 120 inputs; the first load of the default view from localhost in a fresh browser (first
//! contentful paint, and the ranking on screen), three times; and the same first load on a
//! throttled profile, a mid-range phone on a slow mobile network (Chrome DevTools Protocol:
//! 1.6 Mbps down, 750 kbps up, 150 ms round trip, 4× CPU slowdown), as the median of several
//! loads, each in a fresh browser (nothing cached), with each load's figures; with the harness,
//! one throttled load of the default view in Arabic (`?lang=ar`).
//!
//! With the harness, the import at scale (issue 16): a generated wide CSV of 50,000 units × 100
//! indicators (made-up figures from a fixed sequence, some cells empty — not real data, not
//! presented as such) imported through the "Your data" panel of the site people get: the time
//! from the Import click to the report, and to the imported ranking on screen, whether the
//! progress bar showed; then 20 slider inputs on the imported dataset, each timed from the input
//! to the next frame (median and p95). Then the Global Data Lab's three files (`$INDEX_DATA_DIR/gdl`,
//! real data: 1,765 regions), three imports each in a fresh browser, Import click to ranking.
//!
//! The site is served as a static host serves it (see `e2e::Site`): compressed, Brotli when a
//! `.br` file is written beside the asset. Needs both built sites: the harness runs in
//! `dist-bench/` (`trunk build --release --features bench --dist dist-bench`), the first loads in
//! `dist/`, the site people get (`trunk build --release`).
//!
//! ```text
//! browser-bench [--first-loads-only | --import-scale-only | --harness-only WHICH] [--loads N] [--query Q] [--site DIR] [--uncompressed]
//! ```
//! `--import-scale-only` runs only the imports (at scale, and the GDL files: below); `--harness-only WHICH` one run of
//! the harness (`?bench=WHICH`: `ftri`, `asem`, `synthetic`, or `ftri-groups`, the series with
//! three groups and the performers panel alone);
//! `--first-loads-only` skips the harness; `--loads` sets the throttled loads (default 5); with
//! `BENCH_PROFILE=<file>`, each throttled load writes Chrome's CPU profile to the file (the last
//! load's is kept: use `--loads 1`);
//! `--query` makes the throttled loads open another view (`?lang=ar`);
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
new MutationObserver((_, o) => {
  if (document.querySelector('.controls > .deferred[data-loaded]')) {
    window.__benchControls = performance.now();
    o.disconnect();
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-loaded'] });
";

/// Reads the load's figures from the page: first contentful paint; the prerendered ranking's
/// paint (Element Timing on `[elementtiming=prerendered-ranking]`, if the page has one); the
/// interactive ranking (the app's `ranking-ready` mark, set once its first results are scored,
/// the rows written in the same task) and its first paint (`ranking-painted`, set from a
/// timeout queued by the next frame's callback, so after that frame is drawn: what a person
/// sees); bytes transferred (the document's and every
/// resource's `transferSize`), in all and per resource; when the controls were complete (the
/// method's settings, a deferred part loaded after the ranking's first paint, in place). Waits up
/// to 10 s for the second mark and the controls.
const FIGURES: &str = r"
const done = arguments[arguments.length - 1];
const until = performance.now() + 10000;
const settled = (resolve) => ((performance.getEntriesByName('ranking-painted').length && window.__benchControls)
  || performance.now() > until) ? setTimeout(resolve, 50) : setTimeout(() => settled(resolve), 20);
new Promise(settled).then(() => {
  const elements = window.__benchElementTiming || [];
  const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  const ready = performance.getEntriesByName('ranking-ready')[0];
  const painted = performance.getEntriesByName('ranking-painted')[0];
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
    interactive_ranking_painted_ms: painted ? painted.startTime : null,
    controls_complete_ms: window.__benchControls || null,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    files,
  });
});
";

struct Options {
    harness: bool,
    import_only: bool,
    /// `--harness-only WHICH`: that one harness run (`ftri`, `asem`, `synthetic`, `ftri-groups`).
    only: Option<String>,
    loads: usize,
    site: Option<String>,
    compress: bool,
    /// `--query Q`: the throttled loads open `Q` (`?lang=ar`) rather than the default view.
    query: String,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        harness: true,
        import_only: false,
        only: None,
        loads: 5,
        site: None,
        compress: true,
        query: String::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--first-loads-only" => o.harness = false,
            "--import-scale-only" => o.import_only = true,
            "--harness-only" => {
                o.only = Some(args.next().ok_or(
                    "--harness-only takes a benchmark: ftri, asem, synthetic or ftri-groups",
                )?);
            }
            "--loads" => {
                o.loads = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--loads takes a positive number")?;
            }
            "--site" => o.site = Some(args.next().ok_or("--site takes a folder")?),
            "--uncompressed" => o.compress = false,
            "--query" => o.query = args.next().ok_or("--query takes a query: ?lang=ar")?,
            other => {
                return Err(format!(
                    "unknown argument `{other}` (browser-bench [--first-loads-only | --import-scale-only | --harness-only WHICH] [--loads N] [--query Q] [--site DIR] [--uncompressed])"
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
    if o.import_only {
        import_scale(&site).await?;
        return import_gdl(&site).await;
    }
    if let Some(which) = &o.only {
        return harness(&[which]).await;
    }
    if o.harness {
        harness(&["ftri", "asem", "synthetic"]).await?;
        import_scale(&site).await?;
        import_gdl(&site).await?;
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
        let v = first_load_of(&site, &o.query, true).await?;
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
    // The default view in Arabic, once (its texts, names and the i18n module fetched too).
    if o.harness {
        let v = first_load_of(&site, "?lang=ar", true).await?;
        println!(
            "{}",
            json!({"throttled_first_load": "default view in Arabic (?lang=ar)", "default_view": summary_of(&v)})
        );
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
            "interactive_ranking_painted_ms": med("interactive_ranking_painted_ms"),
            "controls_complete_ms": med("controls_complete_ms"),
            "bytes": med("bytes"),
        })
    );
    Ok(())
}

/// The in-page harness (`dist-bench/`) on each of `runs`: slider inputs on FTRI, the JRC's ASEM
/// example and the synthetic bundle; on the first two, the uncertainty analysis in the worker too.
/// With one run, `BENCH_PROFILE=<file>` writes Chrome's CPU profile of it to the file.
async fn harness(runs: &[&str]) -> Result<(), String> {
    let bench = Site::start_bench()?;
    let b = Browser::start(1400, 1000).await?;
    let mut result = Ok(());
    let profile = std::env::var_os("BENCH_PROFILE").filter(|_| runs.len() == 1);
    for which in runs {
        if profile.is_some() {
            profile_start(&b).await?;
        }
        result = harness_run(&b, &bench, which).await;
        if let Some(file) = &profile {
            profile_stop(&b, file).await?;
        }
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
    first_load_of(site, "", throttled).await
}

/// One first load of the view at `query` (`?lang=ar`; empty for the default view), as
/// [`first_load`].
async fn first_load_of(site: &Site, query: &str, throttled: bool) -> Result<Value, String> {
    let (w, h) = if throttled { PHONE } else { (1400, 1000) };
    let b = Browser::start_unwaited(w, h).await?;
    // `BENCH_PROFILE` with `--first-loads-only --loads 1`: the throttled load's CPU profile.
    let profile = std::env::var_os("BENCH_PROFILE").filter(|_| throttled);
    if profile.is_some() {
        profile_start(&b).await?;
    }
    let v = measure_load(&b, site, query, throttled).await;
    if let Some(file) = &profile {
        profile_stop(&b, file).await?;
    }
    // Closed whatever happened: a browser left running would slow every later load.
    b.close().await;
    v
}

async fn measure_load(
    b: &Browser,
    site: &Site,
    query: &str,
    throttled: bool,
) -> Result<Value, String> {
    b.before_each_document(OBSERVE).await?;
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
    b.client
        .goto(&format!("{}{query}", site.url))
        .await
        .map_err(|e| e.to_string())?;
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
        "interactive_ranking_painted_ms": v["interactive_ranking_painted_ms"],
        "controls_complete_ms": v["controls_complete_ms"],
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

/// Units and indicators of the import at scale.
const SCALE: (usize, usize) = (50_000, 100);

/// Writes the generated wide CSV of the import at scale (made-up figures, see the module's
/// documentation; the same sequence as index-data's `import_timing` example).
fn scale_file(path: &std::path::Path) -> Result<(), String> {
    use std::fmt::Write;
    let (units, indicators) = SCALE;
    let value = |u: usize, i: usize| {
        let x = (u.wrapping_mul(2_654_435_761) ^ i.wrapping_mul(40_503)) % 100_000;
        (x % 97 != 0).then_some(x as f64 / 100.0)
    };
    let mut csv = String::from("code,name");
    for i in 0..indicators {
        let _ = write!(csv, ",x{i}");
    }
    csv.push('\n');
    for u in 0..units {
        let _ = write!(csv, "U{u},Unit {u}");
        for i in 0..indicators {
            csv.push(',');
            if let Some(v) = value(u, i) {
                let _ = write!(csv, "{v}");
            }
        }
        csv.push('\n');
    }
    std::fs::write(path, csv).map_err(|e| format!("{}: {e}", path.display()))
}

/// Records, in the page, when Import is clicked, when the report first says something, when
/// the imported dataset is the one shown, and whether the import's progress bar showed.
const IMPORT_WATCH: &str = r"
const w = window.__import = { shown: false };
document.querySelector('#import-run').addEventListener('click', () => { w.start = performance.now(); }, { capture: true });
const seen = () => {
  const t = performance.now();
  const p = document.querySelector('#import-progress');
  if (p && !p.hidden) w.shown = true;
  if (!w.report && document.querySelector('#import-counts').textContent.trim()) w.report = t;
  const title = document.querySelector('.summary-inner strong');
  if (!w.ranked && title && title.textContent === arguments[0]) w.ranked = t;
};
new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
return true;
";

/// Moves the first weight's slider `n` times, each input timed to the next frame; returns the
/// times in milliseconds.
const SLIDER_STEPS: &str = r"
const done = arguments[arguments.length - 1];
const n = arguments[0];
const slider = document.querySelector('.weight-list input[type=range]');
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  const times = [];
  for (let k = 0; k < n; k++) {
    await frame();
    const t0 = performance.now();
    slider.value = String(0.5 + (k % 10) / 4);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    times.push(performance.now() - t0);
  }
  done(times);
})();
";

/// The import at scale (see the module's documentation).
async fn import_scale(site: &Site) -> Result<(), String> {
    let dir = e2e::fresh_dir("import-scale");
    let path = dir.join(format!("scale-{}x{}.csv", SCALE.0, SCALE.1));
    scale_file(&path)?;
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let b = Browser::start(1400, 1000).await?;
    let result = import_scale_in(&b, site, &path).await;
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    let (import, steps) = result?;
    let ms = |k: &str| since_click(&import, k);
    let mut sorted = steps.clone();
    sorted.sort_by(f64::total_cmp);
    let p95 = sorted
        .get(((sorted.len() as f64) * 0.95).ceil() as usize - 1)
        .copied();
    println!(
        "{}",
        json!({
            "import_scale": format!("{} units x {} indicators, generated wide CSV (made-up figures)", SCALE.0, SCALE.1),
            "file_bytes": bytes,
            "click_to_report_ms": ms("report"),
            "click_to_ranking_ms": ms("ranked"),
            "progress_bar_shown": import["shown"],
            "slider_inputs": steps.len(),
            "slider_to_frame_median_ms": median(steps),
            "slider_to_frame_p95_ms": p95,
        })
    );
    Ok(())
}

/// Imports `paths` through "Your data" of the site people get, named `name`, and returns the
/// page's record of it ([`IMPORT_WATCH`]: when Import was clicked, when the report and the
/// imported ranking were shown, whether the progress bar showed).
async fn import_watched(
    b: &Browser,
    site: &Site,
    paths: &[&std::path::Path],
    name: &str,
) -> Result<Value, String> {
    b.open(&site.url).await?;
    b.open_import_panel().await?;
    b.client
        .execute(IMPORT_WATCH, vec![json!(name)])
        .await
        .map_err(|e| format!("watching the import: {e}"))?;
    b.import_files(paths, None, name).await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(300);
    loop {
        let w = b.js("return window.__import").await?;
        if w["ranked"].is_number() {
            return Ok(w);
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "the import `{name}` was not shown after 300 s: {w}; report: {}",
                b.text("#import-counts").await?
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The milliseconds from the Import click to `key` (`report`, `ranked`) in a record of
/// [`import_watched`].
fn since_click(import: &Value, key: &str) -> Option<f64> {
    import[key]
        .as_f64()
        .zip(import["start"].as_f64())
        .map(|(t, s)| t - s)
}

/// The Global Data Lab's three files (`$INDEX_DATA_DIR/gdl`, 1,765 regions; the issue's
/// "under 1 s"), imported three times, each in a fresh browser: the time from the Import click
/// to the imported ranking on screen, each run and the median.
async fn import_gdl(site: &Site) -> Result<(), String> {
    let files = e2e::gdl_files();
    if let Some(missing) = files.iter().find(|f| !f.is_file()) {
        println!(
            "{}",
            json!({"import_gdl": format!("not measured: {} is missing", missing.display())})
        );
        return Ok(());
    }
    let paths: Vec<&std::path::Path> = files.iter().map(|f| f.as_path()).collect();
    let mut runs = Vec::new();
    for _ in 0..3 {
        let b = Browser::start(1400, 1000).await?;
        let import = import_watched(&b, site, &paths, "GDL regions").await;
        b.close().await;
        runs.extend(since_click(&import?, "ranked"));
    }
    println!(
        "{}",
        json!({
            "import_gdl": "the Global Data Lab's three dimension-index files (1,765 regions, 1990–2018), each run in a fresh browser",
            "click_to_ranking_ms": runs,
            "median_ms": median(runs.clone()),
        })
    );
    Ok(())
}

async fn import_scale_in(
    b: &Browser,
    site: &Site,
    path: &std::path::Path,
) -> Result<(Value, Vec<f64>), String> {
    let import = import_watched(b, site, &[path], "Import at scale").await?;
    b.wait_for("#rank-table tbody tr.row", 60).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    // `BENCH_PROFILE=<file>`: Chrome's CPU profile of the slider steps, written to the file.
    let profile = std::env::var_os("BENCH_PROFILE");
    if profile.is_some() {
        profile_start(b).await?;
    }
    let steps = b
        .client
        .execute_async(SLIDER_STEPS, vec![json!(20)])
        .await
        .map_err(|e| format!("moving the slider: {e}"))?;
    if let Some(file) = profile {
        profile_stop(b, &file).await?;
    }
    let steps = steps
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    Ok((import, steps))
}

/// Starts Chrome's CPU profiler (sampling every 0.5 ms).
async fn profile_start(b: &Browser) -> Result<(), String> {
    b.cdp("Profiler.enable", json!({})).await?;
    b.cdp("Profiler.setSamplingInterval", json!({"interval": 500}))
        .await?;
    b.cdp("Profiler.start", json!({})).await?;
    Ok(())
}

/// Stops the profiler and writes its profile (`.cpuprofile` JSON) to `file`.
async fn profile_stop(b: &Browser, file: &std::ffi::OsStr) -> Result<(), String> {
    let p = b.cdp("Profiler.stop", json!({})).await?;
    std::fs::write(file, p["profile"].to_string()).map_err(|e| e.to_string())
}
