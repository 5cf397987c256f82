//! Runs the app's in-browser benchmark (`?bench=ftri`, `?bench=synthetic`) in headless Chromium
//! and prints its figures: slider input → table and charts updated and laid out, median and p95
//! over 120 inputs. Needs the built site (`trunk build --release`).

use e2e::{Browser, Site};

#[tokio::main]
async fn main() -> Result<(), String> {
    let site = Site::start()?;
    let b = Browser::start(1400, 1000).await?;
    for which in ["ftri", "synthetic"] {
        b.client
            .goto(&format!("{}?bench={which}", site.url))
            .await
            .map_err(|e| e.to_string())?;
        b.wait_for("#bench-results", 120).await?;
        let text = b
            .js("return document.querySelector('#bench-results').textContent")
            .await?;
        println!("{}", text.as_str().unwrap_or_default());
    }
    b.close().await;
    Ok(())
}
