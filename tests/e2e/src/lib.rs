//! # e2e — the built site in a real headless Chromium
//!
//! Helpers for the end-to-end tests in `tests/` and the in-browser benchmark runner
//! (`cargo run -p e2e --bin browser-bench`): a static server on 127.0.0.1 for `dist/` (or for
//! `dist-bench/`, the site with the benchmark harness), a chromedriver started on a free port
//! with Debian's Chromium, the `index` CLI, and small page queries. The site must be built first (`trunk build --release`; `scripts/test.sh`
//! does it): `trunk serve` would inject its live-reload script.

use std::io::Read as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// Errors of the harness, as text (tests print them).
pub type Result<T> = std::result::Result<T, String>;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

/// Where test artifacts (screenshots) go: `tests/artifacts/`, git-ignored.
pub fn artifacts() -> PathBuf {
    let dir = root().join("tests").join("artifacts");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// A static file server for a built site.
pub struct Site {
    /// Base URL, e.g. `http://127.0.0.1:41234/`.
    pub url: String,
    server: Arc<tiny_http::Server>,
}

impl Drop for Site {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

impl Site {
    /// Serves the site people get, `root()/dist`, on a free port.
    pub fn start() -> Result<Site> {
        Site::serve("dist", "trunk build --release")
    }

    /// Serves the site built with the benchmark harness, `root()/dist-bench`, on a free port.
    pub fn start_bench() -> Result<Site> {
        Site::serve(
            "dist-bench",
            "trunk build --release --features bench --dist dist-bench",
        )
    }

    /// Serves `root()/<dir>` (built by `build`) on a free port.
    fn serve(dir: &str, build: &str) -> Result<Site> {
        let dist = root().join(dir);
        if !dist.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html: run `{build}` first",
                dist.display()
            ));
        }
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").map_err(|e| e.to_string())?);
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or("no port")?;
        let s = Arc::clone(&server);
        thread::spawn(move || {
            for request in s.incoming_requests() {
                let path = request
                    .url()
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("/")
                    .to_string();
                let rel = path.trim_start_matches('/');
                let rel = if rel.is_empty() { "index.html" } else { rel };
                let file = dist.join(rel);
                let safe = !rel.split('/').any(|p| p == "..");
                let response = match (safe, std::fs::read(&file)) {
                    (true, Ok(bytes)) => {
                        let mut r = tiny_http::Response::from_data(bytes);
                        if let Ok(h) =
                            tiny_http::Header::from_bytes("Content-Type", content_type(&file))
                        {
                            r.add_header(h);
                        }
                        r
                    }
                    _ => {
                        tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404)
                    }
                };
                let _ = request.respond(response);
            }
        });
        Ok(Site {
            url: format!("http://127.0.0.1:{port}/"),
            server,
        })
    }
}

fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// A chromedriver process and a WebDriver session in headless Chromium.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile, window `w × h`.
    pub async fn start(w: u32, h: u32) -> Result<Browser> {
        Browser::start_with(w, h, None).await
    }

    /// As [`Browser::start`], saving downloads into `dir` without asking (Chromium's
    /// `download.default_directory` preference).
    pub async fn start_with_downloads(w: u32, h: u32, dir: &Path) -> Result<Browser> {
        Browser::start_with(w, h, Some(dir)).await
    }

    async fn start_with(w: u32, h: u32, downloads: Option<&Path>) -> Result<Browser> {
        let port = free_port()?;
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {chromedriver}: {e} (run scripts/setup.sh)"))?;
        let profile = std::env::temp_dir().join(format!("index-e2e-{port}-{}", std::process::id()));
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start listening within 20 s".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut caps = json!({
            "goog:chromeOptions": {
                "binary": binary,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    format!("--user-data-dir={}", profile.display()),
                    format!("--window-size={w},{h}"),
                ]
            }
        });
        if let Some(dir) = downloads {
            // Chromium leaves downloads at 0 bytes (`.crdownload`) in a directory named with
            // `..` components: give it the canonical path.
            let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
            caps["goog:chromeOptions"]["prefs"] = json!({
                "download.default_directory": dir.display().to_string(),
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
                "profile.default_content_setting_values.automatic_downloads": 1,
            });
        }
        let caps = match caps {
            Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("cannot open a WebDriver session: {e}"))?;
        Ok(Browser {
            client,
            driver,
            profile,
        })
    }

    /// Ends the session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }

    /// Runs `script` (a function body returning a value) in the page.
    pub async fn js(&self, script: &str) -> Result<Value> {
        self.client
            .execute(script, vec![])
            .await
            .map_err(|e| format!("script failed: {e}\n{script}"))
    }

    /// Waits until `css` matches an element (up to `secs`).
    pub async fn wait_for(&self, css: &str, secs: u64) -> Result<()> {
        self.client
            .wait()
            .at_most(Duration::from_secs(secs))
            .for_element(Locator::Css(css))
            .await
            .map(|_| ())
            .map_err(|e| format!("`{css}` did not appear within {secs} s: {e}"))
    }

    /// The ranking rows rendered now: (code, rank text).
    pub async fn rows(&self) -> Result<Vec<(String, String)>> {
        let v = self
            .js("return [...document.querySelectorAll('#rank-table tbody tr.row')].map(r => [r.dataset.code, r.querySelector('.c-rank').textContent])")
            .await?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|r| {
                        Some((
                            r.get(0)?.as_str()?.to_string(),
                            r.get(1)?.as_str()?.to_string(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    /// The gap table's cells for node `id`: (A mean, B mean, gap) as shown.
    pub async fn gap_row(&self, id: &str) -> Result<(String, String, String)> {
        let v = self
            .js(&format!(
                "const r = document.querySelector('#gap-table tr[data-node=\"{id}\"]'); \
                 return r ? [r.querySelector('.a-mean').textContent, r.querySelector('.b-mean').textContent, r.querySelector('.gap').textContent] : null"
            ))
            .await?;
        let cell = |i: usize| {
            v.get(i)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        if v.is_null() {
            return Err(format!("no gap row for `{id}`"));
        }
        Ok((cell(0), cell(1), cell(2)))
    }

    /// Saves a PNG screenshot under `tests/artifacts/`.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let png = self.client.screenshot().await.map_err(|e| e.to_string())?;
        let path = artifacts().join(name);
        std::fs::write(&path, png).map_err(|e| e.to_string())?;
        Ok(path)
    }
}

/// Path of the `index` binary: `$INDEX_BIN`, else the first of the workspace's builds found.
pub fn index_bin() -> Result<PathBuf> {
    if let Ok(p) = std::env::var("INDEX_BIN") {
        return Ok(PathBuf::from(p));
    }
    ["release-native", "release", "debug"]
        .iter()
        .map(|p| root().join("target").join(p).join("index"))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            "no `index` binary: build it with `cargo build -p index-cli` or set INDEX_BIN".into()
        })
}

/// Runs the `index` CLI and returns its standard output.
pub fn cli(args: &[&str]) -> Result<String> {
    let out = Command::new(index_bin()?)
        .args(args)
        .current_dir(root())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        let mut err = String::new();
        let _ = out.stderr.as_slice().read_to_string(&mut err);
        return Err(format!("index {}: {err}", args.join(" ")));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// Runs the CLI with JSON output and parses it.
pub fn cli_json(args: &[&str]) -> Result<Value> {
    serde_json::from_str(&cli(args)?).map_err(|e| e.to_string())
}

/// The app's score format (3 decimals below 10, else 1): how the page shows a CLI number.
pub fn shown(x: f64) -> String {
    if x.abs() < 10.0 {
        format!("{x:.3}")
    } else {
        format!("{x:.1}")
    }
}
