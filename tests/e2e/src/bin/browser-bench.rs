//! Runs the app's in-browser benchmark (`?bench=ftri`, `?bench=synthetic`) in headless Chromium
//! and prints its figures: slider input → table and charts updated and laid out, median and p95
//! over 120 inputs; and the first load of the default view from localhost in a fresh browser
//! (first contentful paint, and the ranking on screen), three times. Needs both built sites: the
//! harness runs in `dist-bench/` (`trunk build --release --features bench --dist dist-bench`),
//! the first loads in `dist/`, the site people get (`trunk build --release`).

use e2e::{Browser, Site};

#[tokio::main]
async fn main() -> Result<(), String> {
    let bench = Site::start_bench()?;
    let site = Site::start()?;
    let b = Browser::start(1400, 1000).await?;
    for which in ["ftri", "synthetic"] {
        b.client
            .goto(&format!("{}?bench={which}", bench.url))
            .await
            .map_err(|e| e.to_string())?;
        b.wait_for("#bench-results", 120).await?;
        let text = b
            .js("return document.querySelector('#bench-results').textContent")
            .await?;
        println!("{}", text.as_str().unwrap_or_default());
    }
    b.close().await;
    for run in 1..=3 {
        // A fresh browser each time: nothing cached.
        let fresh = Browser::start(1400, 1000).await?;
        fresh
            .client
            .goto(&site.url)
            .await
            .map_err(|e| e.to_string())?;
        fresh.wait_for("#rank-table tbody tr.row", 60).await?;
        let v = fresh
            .js("const p = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint'); \
                 const r = performance.getEntriesByName('ranking-ready')[0]; \
                 return {first_contentful_paint_ms: p ? p.startTime : null, ranking_on_screen_ms: r ? r.startTime : null}")
            .await?;
        println!("{{\"first_load\":{run},\"default_view\":{v}}}");
        fresh.close().await;
    }
    Ok(())
}
