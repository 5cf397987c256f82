//! # e2e — the built site in a real headless Chromium
//!
//! Helpers for the end-to-end tests in `tests/` and the in-browser benchmark runner
//! (`cargo run -p e2e --bin browser-bench`): a static server on 127.0.0.1 for `dist/` (or for
//! `dist-bench/`, the site with the benchmark harness), a chromedriver started on a free port
//! with Debian's Chromium, the `index` CLI, and small page queries. The site must be built first (`trunk build --release`; `scripts/test.sh`
//! does it): `trunk serve` would inject its live-reload script.

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
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

/// A static host for a built site on 127.0.0.1, as a host serves it: the right `Content-Type`
/// (`application/wasm` for the wasm), compressed when the browser accepts it (see [`encoded`]).
/// Each connection is answered on its own thread and carries one request (`Connection: close`):
/// no request waits on another connection's thread (tiny_http, used before, queued a new
/// connection behind kept-alive ones now and then, and the page's load hung for tens of
/// seconds), and once [`Site::stop`] has returned no connection is left open and every new one
/// is refused — the browser is offline as far as the site goes (the offline tests).
pub struct Site {
    /// Base URL, e.g. `http://127.0.0.1:41234/`.
    pub url: String,
    port: u16,
    down: Arc<AtomicBool>,
    accept: Option<thread::JoinHandle<()>>,
    hits: Arc<Mutex<Vec<String>>>,
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
        Some("webmanifest") => "application/manifest+json",
        Some("ftl") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a static host compresses this type (text and wasm; not images).
fn compressible(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("html" | "js" | "wasm" | "css" | "json" | "svg" | "ftl")
    )
}

/// Whether an `Accept-Encoding` header value accepts `coding` (a token, not refused by `q=0`).
fn accepts(header: &str, coding: &str) -> bool {
    header.split(',').any(|part| {
        let mut it = part.split(';').map(str::trim);
        it.next().is_some_and(|c| c.eq_ignore_ascii_case(coding))
            && !it.any(|p| p.replace(' ', "") == "q=0")
    })
}

/// The body and `Content-Encoding` a static host sends for `file` to a client accepting
/// `accept`: a precompressed `<file>.br` (Brotli) or `<file>.gz` written beside it when there is
/// one and the client accepts it, else gzip made on the fly (level 6, as hosts that compress on
/// request do) for compressible types, else the file as it is.
fn encoded(file: &Path, accept: &str) -> std::io::Result<(Vec<u8>, Option<&'static str>)> {
    let beside = |ext: &str| {
        let mut name = file.as_os_str().to_owned();
        name.push(ext);
        PathBuf::from(name)
    };
    if accepts(accept, "br") {
        if let Ok(bytes) = std::fs::read(beside(".br")) {
            return Ok((bytes, Some("br")));
        }
    }
    if accepts(accept, "gzip") {
        if let Ok(bytes) = std::fs::read(beside(".gz")) {
            return Ok((bytes, Some("gzip")));
        }
        if compressible(file) {
            let raw = std::fs::read(file)?;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
            gz.write_all(&raw)?;
            return Ok((gz.finish()?, Some("gzip")));
        }
    }
    Ok((std::fs::read(file)?, None))
}

impl Site {
    /// Serves the site people get, `root()/dist`, on a free port.
    pub fn start() -> Result<Site> {
        Site::serve("dist", "trunk build --release", true)
    }

    /// Serves the site built with the benchmark harness, `root()/dist-bench`, on a free port.
    pub fn start_bench() -> Result<Site> {
        Site::serve(
            "dist-bench",
            "trunk build --release --features bench --dist dist-bench",
            true,
        )
    }

    /// Serves another build of the site, `root()/<dir>` (e.g. to compare two builds);
    /// `compress: false` sends every file as it is, as a host that does not compress.
    pub fn start_dir(dir: &str, compress: bool) -> Result<Site> {
        Site::serve(dir, "trunk build --release --dist <dir>", compress)
    }

    /// Serves `root()/<dir>` (built by `build`) on a free port.
    fn serve(dir: &str, build: &str, compress: bool) -> Result<Site> {
        let dist = root().join(dir);
        if !dist.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html: run `{build}` first",
                dist.display()
            ));
        }
        Site::at(&dist, 0, compress)
    }

    /// Serves the directory `dir` on `port` (0: a free one; the port of a stopped site to bring
    /// it back on the same origin).
    pub fn at(dir: &Path, port: u16, compress: bool) -> Result<Site> {
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| e.to_string())?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let down = Arc::new(AtomicBool::new(false));
        let (dir, stop) = (Arc::new(dir.to_path_buf()), Arc::clone(&down));
        let hits = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&hits);
        let accept = thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (dir, log) = (Arc::clone(&dir), Arc::clone(&log));
                    thread::spawn(move || answer_once(&dir, stream, &log, compress));
                }
            }
        });
        Ok(Site {
            url: format!("http://127.0.0.1:{port}/"),
            port,
            down,
            accept: Some(accept),
            hits,
        })
    }

    /// The paths asked for so far (with their query), in the order they came.
    pub fn hits(&self) -> Vec<String> {
        self.hits.lock().map(|h| h.clone()).unwrap_or_default()
    }

    /// The port it listens on (to start it again on the same origin).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Stops listening; returns once a connection to the port is refused.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.down.store(true, Ordering::SeqCst);
        // (wakes the accept loop, which then drops the listener)
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.halt();
    }
}

/// Reads one HTTP request from `stream` (its target logged in `hits`), answers it with the file
/// under `dist` it names (compressed as [`encoded`] says, when `compress`; 404 for none, or a
/// path with `..`), then closes.
fn answer_once(dist: &Path, mut stream: TcpStream, hits: &Mutex<Vec<String>>, compress: bool) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.lines();
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (method, target) = (
        first.next().unwrap_or_default(),
        first.next().unwrap_or("/"),
    );
    let accept = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| compress && k.trim().eq_ignore_ascii_case("accept-encoding"))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    if let Ok(mut h) = hits.lock() {
        h.push(target.to_string());
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() { "index.html" } else { rel };
    let file = dist.join(rel);
    let found = if !rel.split('/').any(|p| p == "..") && file.is_file() {
        encoded(&file, &accept).ok()
    } else {
        None
    };
    let (status, body, headers) = match found {
        Some((bytes, coding)) => {
            let mut h = format!(
                "Content-Type: {}\r\nVary: Accept-Encoding\r\n",
                content_type(&file)
            );
            if let Some(c) = coding {
                h.push_str(&format!("Content-Encoding: {c}\r\n"));
            }
            ("200 OK", bytes, h)
        }
        None => ("404 Not Found", b"not found".to_vec(), String::new()),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Both);
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
        Browser::start_with(w, h, None, "normal").await
    }

    /// As [`Browser::start`], but navigation returns at once instead of waiting for the page's
    /// load event (WebDriver page load strategy `none`): for measuring loads, where the page
    /// itself records when things happened.
    pub async fn start_unwaited(w: u32, h: u32) -> Result<Browser> {
        Browser::start_with(w, h, None, "none").await
    }

    /// As [`Browser::start`], saving downloads into `dir` without asking (Chromium's
    /// `download.default_directory` preference).
    pub async fn start_with_downloads(w: u32, h: u32, dir: &Path) -> Result<Browser> {
        Browser::start_with(w, h, Some(dir), "normal").await
    }

    async fn start_with(
        w: u32,
        h: u32,
        downloads: Option<&Path>,
        page_load: &str,
    ) -> Result<Browser> {
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
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start listening within 20 s".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut caps = json!({
            "pageLoadStrategy": page_load,
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
        // Headless Chromium starts no narrower than 500 px whatever `--window-size` says;
        // resizing the window once it is open gives the width asked for (a phone's 360 px).
        client
            .set_window_size(w, h)
            .await
            .map_err(|e| format!("cannot size the window to {w} × {h}: {e}"))?;
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

    /// Sends a Chrome DevTools Protocol command to the page (chromedriver's
    /// `POST /session/{id}/goog/cdp/execute`), e.g. `Network.emulateNetworkConditions`.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .map_err(|e| format!("CDP {cmd} failed: {e}"))
    }

    /// Runs `script` (a function body returning a value) in the page.
    pub async fn js(&self, script: &str) -> Result<Value> {
        self.client
            .execute(script, vec![])
            .await
            .map_err(|e| format!("script failed: {e}\n{script}"))
    }

    /// Opens the explorer at `url` and waits for its ranking (and a moment for Leptos to apply
    /// updates and the charts to draw).
    pub async fn open(&self, url: &str) -> Result<()> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("cannot open {url}: {e}"))?;
        self.wait_for("#rank-table tbody tr.row", 30).await?;
        self.wait_deferred().await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(())
    }

    /// Reloads the page at its current link and waits for its ranking, as [`Browser::open`].
    pub async fn reload(&self) -> Result<()> {
        self.client
            .refresh()
            .await
            .map_err(|e| format!("cannot reload: {e}"))?;
        self.wait_for("#rank-table tbody tr.row", 30).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(())
    }

    /// The query string of the page's current link (without `?`; empty when none).
    pub async fn query(&self) -> Result<String> {
        let url = self
            .client
            .current_url()
            .await
            .map_err(|e| format!("no current URL: {e}"))?;
        Ok(url.query().unwrap_or_default().to_string())
    }

    /// Waits until every deferred part of the page (`app::components::deferred`: the saved
    /// scenarios and everything below the explorer, fetched as a module of their own once the
    /// ranking is on screen) is in place, up to 30 s.
    pub async fn wait_deferred(&self) -> Result<()> {
        for _ in 0..300 {
            let waiting = self
                .js("return document.querySelectorAll('.deferred:not([data-loaded])').length")
                .await?;
            if waiting.as_u64() == Some(0) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // What the parts in waiting say (a failed load shows its line and Retry), for the
        // failure's message: the wait has timed out now and then under load.
        let state = self
            .js(
                "return [...document.querySelectorAll('.deferred:not([data-loaded])')].map(d => \
                 { const f = d.querySelector('.deferred-failed'); \
                   return f && !f.hidden ? 'failed: ' + f.textContent : 'loading' })",
            )
            .await
            .unwrap_or_default();
        Err(format!(
            "the page's deferred parts were not in place within 30 s: {state}; notices: {}",
            self.notices().await.unwrap_or_default()
        ))
    }

    /// Saves the scenario shown under `name` (any text: it is passed as a JSON string), as the
    /// Save button does, and lets the page apply it.
    pub async fn save_scenario(&self, name: &str) -> Result<()> {
        let name = serde_json::to_string(name).map_err(|e| e.to_string())?;
        self.js(&format!(
            "const i = document.querySelector('#scenario-name'); i.value = {name}; \
             i.dispatchEvent(new Event('input', {{bubbles: true}})); \
             document.querySelector('#save-scenario').click(); return true"
        ))
        .await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        Ok(())
    }

    /// The names in the saved-scenarios list, in order.
    pub async fn saved_names(&self) -> Result<Value> {
        self.js("return [...document.querySelectorAll('#saved-list .open-scenario')].map(e => e.textContent)")
            .await
    }

    /// The text of every notice shown.
    pub async fn notices(&self) -> Result<String> {
        Ok(self
            .js("return document.querySelector('.notices').textContent")
            .await?
            .to_string())
    }

    /// Types `value` into the weight field of node `id` (the number input beside its slider)
    /// and lets the page apply it.
    pub async fn set_weight(&self, id: &str, value: &str) -> Result<()> {
        self.js(&format!(
            "const i = document.querySelector('li[data-node=\"{id}\"] .weight-number'); \
             i.value = '{value}'; i.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
        ))
        .await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        Ok(())
    }

    /// The text of the first element matching `css` (empty if none).
    pub async fn text(&self, css: &str) -> Result<String> {
        let v = self
            .js(&format!(
                "const e = document.querySelector({css:?}); return e ? e.textContent : ''"
            ))
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) -> Result<()> {
        let e = self
            .client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("no {css} to click: {e}"))?;
        e.click()
            .await
            .map_err(|e| format!("cannot click {css}: {e}"))?;
        Ok(())
    }

    /// The cells' texts (trimmed) of every table row that `css` selects.
    pub async fn cells(&self, css: &str) -> Result<Vec<Vec<String>>> {
        let v = self
            .js(&format!(
                "return [...document.querySelectorAll({css:?})].map(r => [...r.querySelectorAll('td')].map(td => td.textContent.trim()))"
            ))
            .await?;
        serde_json::from_value(v).map_err(|e| format!("rows of {css}: {e}"))
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

    /// The performers table's rows as shown: `[code, rank, expected rank, difference]` for an
    /// economy compared (the difference with an ASCII minus, without `+`), `[code, note]` for
    /// one without GDP per capita. Only the rows in view are in the document, so the table's
    /// box is scrolled through half a view at a time (then back to the top), each row taken
    /// once, in order; every row is checked to be as tall as the others (the page places them
    /// by one height).
    pub async fn performer_rows(&self) -> Result<Vec<Vec<String>>> {
        let wrap = "document.querySelector('#performers-table').closest('.table-wrap')";
        let mut seen = std::collections::HashSet::new();
        let mut rows = Vec::new();
        let text = |c: &Value| {
            c.as_str()
                .unwrap_or_default()
                .replace('−', "-")
                .trim_start_matches('+')
                .to_string()
        };
        for step in 0..200 {
            let v = self
                .js(&format!(
                    "const w = {wrap}; if ({step} > 0) w.scrollTop += w.clientHeight / 2; \
                     return [w.scrollTop + w.clientHeight >= w.scrollHeight - 1, \
                     [...document.querySelectorAll('#performers-table tbody tr.row')].map(r => \
                     [r.getBoundingClientRect().height, r.dataset.code, \
                      ...[...r.querySelectorAll('td:not([hidden])')].map(td => td.textContent)])]"
                ))
                .await?;
            for r in v[1].as_array().into_iter().flatten() {
                let cells: Vec<String> = r
                    .as_array()
                    .map_or(vec![], |r| r.iter().skip(1).map(text).collect());
                let height = r[0].as_f64().unwrap_or_default();
                if (height - 30.0).abs() > 0.5 {
                    return Err(format!(
                        "a performers row {height} px tall, not 30: {cells:?}"
                    ));
                }
                if seen.insert(cells.first().cloned().unwrap_or_default()) {
                    rows.push(cells);
                }
            }
            if v[0].as_bool() != Some(false) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(120)).await;
        }
        self.js(&format!("{wrap}.scrollTop = 0; return true"))
            .await?;
        tokio::time::sleep(Duration::from_millis(120)).await;
        Ok(rows)
    }

    /// Elements that reach past the window's right edge outside any box that scrolls or clips
    /// — what makes a page scroll sideways —, named by tag, id and class (at most 8; an empty
    /// list when the page fits).
    pub async fn past_right_edge(&self) -> Result<Value> {
        self.js(
            "const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) \
                 if (getComputedStyle(p).overflowX !== 'visible') return true; return false; }; \
             return [...document.querySelectorAll('body *')]\
             .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(e))\
             .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`).slice(0, 8)",
        )
        .await
    }

    /// Runs `script` in every document the browser opens from now on, before the page's own
    /// scripts (CDP `Page.addScriptToEvaluateOnNewDocument`); the answer's `identifier`
    /// removes it again (`Page.removeScriptToEvaluateOnNewDocument`).
    pub async fn before_each_document(&self, script: &str) -> Result<Value> {
        self.cdp("Page.enable", json!({})).await?;
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .await
    }

    /// Waits up to `secs` until the text of `css` passes `ok`, and returns it; else an error
    /// saying what it read, and the notices.
    pub async fn until_text(
        &self,
        css: &str,
        secs: u64,
        ok: impl Fn(&str) -> bool,
    ) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let text = self.text(css).await?;
            if ok(&text) {
                return Ok(text);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "`{css}` reads `{text}` after {secs} s; notices: {}",
                    self.notices().await?
                ));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Renames framework part `id` to `name` through the framework editor: its part picker, name
    /// field and Rename button (the editor shows the imported dataset's framework).
    pub async fn rename_part(&self, id: &str, name: &str) -> Result<()> {
        self.js(&format!(
            "const s = document.querySelector('#fw-node'); s.value = {id:?}; \
             s.dispatchEvent(new Event('change', {{bubbles: true}})); \
             const n = document.querySelector('#fw-name'); n.value = {name:?}; \
             n.dispatchEvent(new Event('input', {{bubbles: true}})); \
             document.querySelector('#fw-rename').click(); return true"
        ))
        .await
        .map(|_| ())
    }

    /// Opens the "Your data" panel (waiting up to 30 s for it: it is a deferred part).
    pub async fn open_import_panel(&self) -> Result<()> {
        self.wait_for("#import-details", 30).await?;
        self.js("document.querySelector('#import-details').open = true; return true")
            .await?;
        Ok(())
    }

    /// Chooses `files` (and a COINr `framework` file) through the "Your data" panel's file
    /// fields — any chosen before removed —, names the import `name` and runs it.
    pub async fn import_files(
        &self,
        files: &[&Path],
        framework: Option<&Path>,
        name: &str,
    ) -> Result<()> {
        // Chromedriver takes canonical paths only.
        let path = |p: &Path| {
            p.canonicalize()
                .map(|c| c.display().to_string())
                .map_err(|e| format!("{}: {e}", p.display()))
        };
        self.js("document.querySelectorAll('#import-chosen button').forEach(x => x.click()); return true")
            .await?;
        let paths = files.iter().map(|p| path(p)).collect::<Result<Vec<_>>>()?;
        let mut choose = vec![("#import-files", paths.join("\n"))];
        if let Some(f) = framework {
            choose.push(("#import-framework", path(f)?));
        }
        for (field, value) in choose {
            self.client
                .find(Locator::Css(field))
                .await
                .map_err(|e| format!("{field}: {e}"))?
                .send_keys(&value)
                .await
                .map_err(|e| format!("{field}: {e}"))?;
        }
        self.js(&format!(
            "const i = document.querySelector('#import-name'); i.value = {name:?}; \
             i.dispatchEvent(new Event('input', {{bubbles: true}})); return true"
        ))
        .await?;
        self.click("#import-run").await
    }

    /// Saves a PNG screenshot under `tests/artifacts/`.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let png = self.client.screenshot().await.map_err(|e| e.to_string())?;
        let path = artifacts().join(name);
        std::fs::write(&path, png).map_err(|e| e.to_string())?;
        Ok(path)
    }
}

/// A Chrome DevTools Protocol command, sent through chromedriver.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The records of a CSV text (as the app writes it: RFC 4180, records of any length), each as
/// its fields.
///
/// # Panics
/// The text is not CSV (a failed test).
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| {
            #[allow(clippy::expect_used)] // a file that is not CSV is a failed test
            let r = r.expect("the text is CSV");
            r.iter().map(String::from).collect()
        })
        .collect()
}

/// A scenario file of the FTRI bundle with R&D's weight at `rd` (as a weight field was set),
/// written as `tests/artifacts/<name>`: its path, for the CLI's `--scenario`.
///
/// # Panics
/// The file cannot be written (a failed test).
#[allow(clippy::expect_used)] // a file that cannot be written is a failed test
pub fn rd_scenario(name: &str, rd: impl std::fmt::Display) -> String {
    let path = artifacts().join(name);
    std::fs::write(
        &path,
        format!(r#"{{"format": 2, "bundle": "ftri", "weights": {{"rd": {rd}}}}}"#),
    )
    .expect("the scenario file is written");
    path.display().to_string()
}

/// The Global Data Lab's three dimension-index files (`$INDEX_DATA_DIR/gdl`, default
/// `../shared/data/gdl`: one file per indicator, wide by year, 1,765 regions): health,
/// education, income.
pub fn gdl_files() -> Vec<PathBuf> {
    let dir = std::env::var("INDEX_DATA_DIR")
        .map_or_else(|_| root().join("../shared/data"), PathBuf::from)
        .join("gdl");
    [
        "GDL-Health-index-data.csv",
        "GDL-Educational-index--data.csv",
        "GDL-Income-index-data.csv",
    ]
    .iter()
    .map(|n| dir.join(n))
    .collect()
}

/// The FTRI bundle as the site serves it (`dist/data/ftri.json`), as a path for the CLI.
pub fn ftri_bundle() -> String {
    root().join("dist/data/ftri.json").display().to_string()
}

/// The name the page shows for unit `code` of the FTRI bundle the site serves: its short name
/// where the bundle has one, else `name` (the CLI writes the publisher's name).
///
/// # Panics
/// The bundle cannot be read (a failed test).
#[allow(clippy::unwrap_used, clippy::expect_used)] // test support: a failed unwrap is a failed test
pub fn ftri_label(code: &str, name: &str) -> String {
    let text = std::fs::read_to_string(ftri_bundle()).expect("the site's FTRI bundle");
    let bundle: Value = serde_json::from_str(&text).expect("bundle JSON");
    bundle["dataset"]["units"]
        .as_array()
        .and_then(|units| units.iter().find(|u| u["code"] == code))
        .and_then(|u| u["short"].as_str())
        .unwrap_or(name)
        .to_string()
}

/// The CLI's ranking of the FTRI bundle the site serves (`index rank --format json`, then
/// `extra`): its units, in ranking order.
///
/// # Panics
/// The CLI fails or does not answer with units (a failed test).
#[allow(clippy::expect_used)] // a CLI that fails is a failed test
pub fn cli_ftri_ranking(extra: &[&str]) -> Vec<Value> {
    let bundle = ftri_bundle();
    let mut args = vec!["rank", "--bundle", bundle.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    let v = cli_json(&args).expect("index rank answers");
    v["units"]
        .as_array()
        .cloned()
        .expect("index rank gives units")
}

/// The CLI's FTRI ranking with `extra` arguments as the page's rows show it: (code, rank), a
/// unit without a rank as "–".
pub fn cli_ftri_ranks(extra: &[&str]) -> Vec<(String, String)> {
    cli_ftri_ranking(extra)
        .iter()
        .map(|u| {
            let rank = u["rank"]
                .as_u64()
                .map_or("–".to_string(), |r| r.to_string());
            let code = u["code"].as_str().unwrap_or_default().to_string();
            (code, rank)
        })
        .collect()
}

/// The CLI's performers against income for the FTRI bundle the site serves (`index performers
/// --format json`, then `extra`).
///
/// # Panics
/// The CLI fails (a failed test).
#[allow(clippy::expect_used)] // a CLI that fails is a failed test
pub fn cli_ftri_performers(extra: &[&str]) -> Value {
    let bundle = ftri_bundle();
    let mut args = vec![
        "performers",
        "--bundle",
        bundle.as_str(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    cli_json(&args).expect("index performers answers")
}

/// An empty directory `name-<pid>` under [`artifacts`] (downloads land there).
///
/// # Panics
/// The directory cannot be created (a test set-up failure).
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = artifacts().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    #[allow(clippy::expect_used)] // test set-up: nowhere to write is a failed test
    std::fs::create_dir_all(&dir).expect("the artifacts directory is writable");
    dir
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

/// Waits for `dir/name` to be fully downloaded and returns its bytes.
pub async fn downloaded(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let partial = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"))
            })
            .unwrap_or(false);
        if path.is_file() && !partial {
            if let Ok(bytes) = std::fs::read(&path) {
                if !bytes.is_empty() {
                    return bytes;
                }
            }
        }
        if Instant::now() > deadline {
            let have: Vec<String> = std::fs::read_dir(dir)
                .map(|d| {
                    d.flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            #[allow(clippy::panic)] // a download that never comes is a failed test
            {
                panic!("{name} was not downloaded within 20 s; the folder holds {have:?}");
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The app's score format (3 decimals below 10, else 1): how the page shows a CLI number.
pub fn shown(x: f64) -> String {
    if x.abs() < 10.0 {
        format!("{x:.3}")
    } else {
        format!("{x:.1}")
    }
}
