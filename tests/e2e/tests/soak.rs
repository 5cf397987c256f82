//! Soak: many random interactions in a real headless Chromium — weight sliders dragged and
//! weight fields typed (good and bad numbers), methods, years, datasets and groups changed,
//! search, filter, sort, a unit followed, scenarios saved, ticked, deleted and brought back,
//! scenario files imported (good and bad), background jobs run and cancelled (robustness, best
//! and worst ranks, why it moved, the comparison's largest causes, the index's health, what it
//! would take) — then back and
//! forward between two views. No console error, no uncaught error, no crash screen; the JS heap,
//! the wasm memory and the DOM stay bounded (printed every 500 interactions).
//!
//! `SOAK_INTERACTIONS` sets how many (default 1 000, what CI runs; the local soak runs 10 000),
//! `SOAK_SEED` the random sequence (default 1): a failure names the interaction, its seed and
//! what it did, so it can be replayed; `SOAK_ONLY=slider,year` draws only the kinds named.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::time::Duration;

use e2e::{Browser, Site};
use serde_json::json;

/// Recorded on every new document, before the page's own scripts: errors (console errors,
/// uncaught errors and rejections, CSP violations) in `window.__soak`, and the wasm module's
/// memory (from the instance the page creates) in `window.__wasmMemory`.
const WATCH: &str = r#"
window.__soak = [];
const say = (kind, text) => window.__soak.push(kind + ': ' + String(text).slice(0, 500));
const error = console.error.bind(console);
console.error = (...a) => { say('console.error', a.join(' ')); error(...a); };
addEventListener('error', e => say('error', e.message || e.type));
addEventListener('unhandledrejection', e => say('unhandledrejection', e.reason));
document.addEventListener('securitypolicyviolation', e => say('csp', e.violatedDirective + ' ' + e.blockedURI));
const keep = r => { const i = r && (r.instance || r); if (i && i.exports && i.exports.memory) window.__wasmMemory = i.exports.memory; return r; };
for (const f of ['instantiate', 'instantiateStreaming']) {
  const orig = WebAssembly[f];
  WebAssembly[f] = function (...a) { return orig.apply(this, a).then(keep); };
}
"#;

/// The page's side of the soak: one function per kind of interaction, each given two random
/// numbers in [0, 1), returning what it did (for the failure message). Installed after each
/// load through WebDriver (the page's CSP does not govern WebDriver's scripts).
const ACTIONS: &str = r#"
const pick = (list, r) => list.length ? list[Math.min(list.length - 1, Math.floor(r * list.length))] : null;
const all = css => [...document.querySelectorAll(css)];
const fire = (el, type) => el.dispatchEvent(new Event(type, {bubbles: true}));
const choose = (sel, r) => {
  if (!sel || sel.disabled || !sel.options.length) return 'nothing to choose';
  const o = pick([...sel.options].filter(o => !o.disabled), r);
  if (!o) return 'nothing to choose';
  sel.value = o.value; fire(sel, 'change'); return (sel.id || sel.name || 'select') + '=' + o.value;
};
const click = (el, what) => { if (!el) return 'no ' + what; el.click(); return 'clicked ' + what; };
const numbers = ['0', '1', '2.5', '0.0001', '1000000', '-1', 'abc', '1e400', '', 'NaN', '3'];
const names = ['Plan A', '<b>bold</b>', '"quoted"', '=1+1', 'Ünïcödé ✓', 'x'.repeat(150), ''];
const files = [
  () => { const k = Object.keys(localStorage).filter(k => k.startsWith('index-explorer:scenario:')); return k.length ? localStorage.getItem(pick(k, Math.random())) : '{"format": 1, "bundle": "ftri"}'; },
  () => '{', () => '[1, 2]', () => '{"format": 99}', () => '{"format": 1, "bundle": "no-such"}',
  () => '{"format": 1, "bundle": "ftri", "carry_forward": 4000000000}', () => 'x'.repeat(5000),
  () => '{"format": 2, "scenarios": [{"bundle": "ftri", "weights": {"rd": 1e308}}]}',
];
window.soakActions = {
  slider: (a, b) => {
    const s = pick(all('.weight-list input[type=range]'), a);
    if (!s) return 'no slider';
    const lo = Number(s.min || 0), hi = Number(s.max || 1);
    for (let i = 1; i <= 5; i++) { s.value = String(lo + (hi - lo) * b * i / 5); fire(s, 'input'); }
    fire(s, 'change');
    return 'slider ' + (s.closest('[data-node]') || {dataset: {}}).dataset.node + '=' + s.value;
  },
  weightField: (a, b) => {
    const f = pick(all('.weight-number'), a);
    if (!f) return 'no weight field';
    f.value = pick(numbers, b); fire(f, 'change');
    return 'weight field=' + f.value;
  },
  weightButtons: (a) => click(pick(all('#equal-weights, #reset-weights, .weight-list .expand'), a), 'weight button'),
  method: (a, b) => choose(pick(all('.panel.method select'), a), b),
  methodReset: (a) => a < 0.5 ? click(document.querySelector('#reset-method'), 'reset method') : click(document.querySelector('#denominate'), 'denominate'),
  year: (a) => choose(document.querySelector('#year'), a),
  dataset: (a) => choose(document.querySelector('#dataset'), a),
  groups: (a, b) => {
    if (a < 0.5) return choose(pick(all('.group-pickers select'), b), Math.random());
    if (a < 0.75) return choose(document.querySelector('#add-group'), b);
    return click(pick(all('.remove-group'), b), 'remove group');
  },
  search: (a) => { const s = document.querySelector('#search'); if (!s) return 'no search'; s.value = pick(['', 'a', 'ke', '<i>x</i>', 'zz', 'united'], a); fire(s, 'input'); return 'search=' + s.value; },
  filter: (a) => choose(document.querySelector('#filter'), a),
  sort: (a) => click(pick(all('#rank-table th button.sort'), a), 'sort'),
  follow: (a) => click(pick(all('#rank-table tbody tr.row'), a), 'a row'),
  save: (a) => {
    if (all('#saved-list li.saved').length >= 12) return click(pick(all('#saved-list .danger'), a), 'delete (list full)');
    const i = document.querySelector('#scenario-name'); if (!i) return 'no name field';
    i.value = pick(names, a); fire(i, 'input');
    return click(document.querySelector('#save-scenario'), 'save "' + i.value.slice(0, 20) + '"');
  },
  compare: (a) => click(pick(all('#saved-list .compare-box:not(:disabled)'), a), 'compare box'),
  remove: (a) => a < 0.5 ? click(pick(all('#saved-list .danger'), Math.random()), 'delete') : click(document.querySelector('#undo-delete button.link'), 'undo'),
  import: (a) => {
    const text = pick(files, a)();
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'soak.json', {type: 'application/json'}));
    const input = document.querySelector('#import-scenarios'); if (!input) return 'no import';
    input.files = dt.files; fire(input, 'change');
    return 'import ' + text.slice(0, 40);
  },
  job: (a) => {
    const jobs = ['rob', 'ranges', 'explain', 'causes', 'health', 'target'];
    const running = all(jobs.map(j => `#${j}-cancel:not([hidden])`).join(', '));
    if (running.length) return click(pick(running, a), 'cancel');
    const idle = all(jobs.map(j => `#${j}-run:not([hidden])`).join(', '));
    const run = pick(idle, a);
    return click(run, 'run ' + (run ? run.id : ''));
  },
  dismiss: (a) => click(pick(all('.notices .dismiss, .notice .dismiss'), a), 'dismiss'),
};
return true;
"#;

/// One interaction: `soakActions[kind](x, y)`, then whether the crash screen is up and how many
/// errors have been recorded.
const STEP: &str = "const did = window.soakActions[arguments[0]](arguments[1], arguments[2]); \
     return [did, !!document.querySelector('#crash'), (window.__soak || []).length]";

/// Interactions and how often each is drawn (relative weights).
const MIX: [(&str, u32); 20] = [
    ("slider", 30),
    ("weightField", 8),
    ("weightButtons", 4),
    ("method", 8),
    ("methodReset", 2),
    ("year", 5),
    ("dataset", 2),
    ("groups", 4),
    ("search", 3),
    ("filter", 3),
    ("sort", 3),
    ("follow", 5),
    ("save", 4),
    ("compare", 3),
    ("remove", 3),
    ("import", 3),
    ("job", 2),
    ("dismiss", 3),
    // Rare: a weight typed and a slider dragged at once, as an impatient person does.
    ("slider", 2),
    ("weightField", 2),
];

/// A small, seeded random sequence (xorshift64*).
struct Random(u64);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One memory reading: after a forced garbage collection, the JS heap in use, the wasm
/// module's memory, and the DOM's nodes and event listeners.
#[derive(Debug, Clone, Copy)]
struct Reading {
    heap: f64,
    wasm: f64,
    nodes: f64,
    listeners: f64,
}

async fn read_memory(b: &Browser) -> Reading {
    b.cdp("HeapProfiler.collectGarbage", json!({}))
        .await
        .unwrap();
    let heap = b.cdp("Runtime.getHeapUsage", json!({})).await.unwrap();
    let dom = b.cdp("Memory.getDOMCounters", json!({})).await.unwrap();
    let wasm = b
        .js("return window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : -1")
        .await
        .unwrap();
    Reading {
        heap: heap["usedSize"].as_f64().unwrap(),
        wasm: wasm.as_f64().unwrap(),
        nodes: dom["nodes"].as_f64().unwrap(),
        listeners: dom["jsEventListeners"].as_f64().unwrap(),
    }
}

fn mib(bytes: f64) -> f64 {
    bytes / (1024.0 * 1024.0)
}

/// Opens `url`, waits for the ranking and installs the actions.
async fn open(b: &Browser, url: &str) {
    b.open(url).await.unwrap();
    b.js(ACTIONS).await.unwrap();
}

/// The errors recorded on the page so far.
async fn errors(b: &Browser) -> Vec<String> {
    serde_json::from_value(
        b.js("return window.__soak || ['the watch did not run']")
            .await
            .unwrap(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn thousands_of_random_interactions_leave_no_error_and_no_growing_memory() {
    let interactions = env_number("SOAK_INTERACTIONS", 1_000);
    let seed = env_number("SOAK_SEED", 1).max(1);
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.before_each_document(WATCH).await.unwrap();
    open(&b, &site.url).await;
    b.js("localStorage.clear(); return true").await.unwrap();
    assert!(
        b.js("return window.__wasmMemory instanceof WebAssembly.Memory")
            .await
            .unwrap()
            .as_bool()
            .unwrap(),
        "the wasm memory is watched"
    );

    // `SOAK_ONLY=slider,year` draws only those kinds (to find which one grows memory).
    let only = std::env::var("SOAK_ONLY").unwrap_or_default();
    let mix: Vec<(&str, u32)> = MIX
        .iter()
        .copied()
        .filter(|(k, _)| only.is_empty() || only.split(',').any(|o| o == *k))
        .collect();
    assert!(!mix.is_empty(), "SOAK_ONLY={only} names no interaction");
    let total: u32 = mix.iter().map(|(_, w)| w).sum();
    let mut random = Random(seed);
    let mut readings = vec![(0, read_memory(&b).await)];
    let started = std::time::Instant::now();
    let mut last = String::new();
    // What each kind of interaction did, and how often it found nothing to act on.
    let mut tally: std::collections::BTreeMap<&str, (u32, u32)> = Default::default();
    for i in 1..=interactions {
        let mut roll = (random.next() * f64::from(total)) as u32;
        let kind = mix
            .iter()
            .find(|(_, w)| {
                let hit = roll < *w;
                roll = roll.saturating_sub(*w);
                hit
            })
            .map_or("slider", |(k, _)| k);
        let (x, y) = (random.next(), random.next());
        // One script text for every step (the numbers are arguments): a text per step would
        // leave each compiled script in the browser's cache and grow the JS heap measured.
        let did = b
            .client
            .execute(STEP, vec![json!(kind), json!(x), json!(y)])
            .await
            .unwrap_or_else(|e| {
                panic!("interaction {i} (seed {seed}, {kind}) failed: {e}; before it: {last}")
            });
        last = format!("{kind}: {}", did[0]);
        let idle = did[0]
            .as_str()
            .is_some_and(|d| d.starts_with("no ") || d.starts_with("nothing"));
        let count = tally.entry(kind).or_default();
        count.0 += 1;
        count.1 += u32::from(idle);
        assert_eq!(
            did[1],
            json!(false),
            "the crash screen after interaction {i} (seed {seed}): {last}"
        );
        assert_eq!(
            did[2],
            json!(0),
            "errors after interaction {i} (seed {seed}): {last}: {:?}",
            errors(&b).await
        );
        // A dataset takes a moment to load; everything else applies within a frame or two.
        let pause = if kind == "dataset" || kind == "import" {
            600
        } else {
            16
        };
        tokio::time::sleep(Duration::from_millis(pause)).await;
        if i % 500 == 0 || i == interactions {
            readings.push((i, read_memory(&b).await));
        }
    }
    let spent = started.elapsed().as_secs_f64();

    println!(
        "soak: {interactions} interactions (seed {seed}) in {spent:.0} s ({:.1} ms each)",
        spent * 1000.0 / interactions as f64
    );
    let tally: Vec<String> = tally
        .iter()
        .map(|(k, (n, idle))| format!("{k} {n} ({idle} idle)"))
        .collect();
    println!("interactions: {}", tally.join(", "));
    println!("after  JS heap MiB  wasm MiB  DOM nodes  listeners");
    for (i, r) in &readings {
        println!(
            "{i:>6}  {:>11.1}  {:>8.1}  {:>9}  {:>9}",
            mib(r.heap),
            mib(r.wasm),
            r.nodes,
            r.listeners
        );
    }
    // Growth is judged from the first reading after warming up (the datasets loaded once, the
    // worker started) to the last: per 1 000 interactions.
    let (warm_at, warm) = readings[1.min(readings.len() - 1)];
    let (end_at, end) = readings[readings.len() - 1];
    let per_thousand = |a: f64, b: f64| {
        if end_at > warm_at {
            (b - a) * 1000.0 / (end_at - warm_at) as f64
        } else {
            0.0
        }
    };
    println!(
        "growth per 1 000 interactions after {warm_at}: JS heap {:+.2} MiB, wasm {:+.2} MiB, DOM nodes {:+.0}, listeners {:+.0}",
        mib(per_thousand(warm.heap, end.heap)),
        mib(per_thousand(warm.wasm, end.wasm)),
        per_thousand(warm.nodes, end.nodes),
        per_thousand(warm.listeners, end.listeners)
    );
    // Bounded: the JS heap, the DOM and its listeners end no larger than twice what they were
    // after warming up, plus a margin; the wasm memory (which never shrinks) stays under
    // 256 MiB.
    assert!(
        end.heap < 2.0 * warm.heap + 8.0 * 1024.0 * 1024.0,
        "{readings:?}"
    );
    assert!(end.nodes < 2.0 * warm.nodes + 2_000.0, "{readings:?}");
    assert!(end.listeners < 2.0 * warm.listeners + 500.0, "{readings:?}");
    assert!(end.wasm < 256.0 * 1024.0 * 1024.0, "{readings:?}");

    // Back and forward between two views, each a page of its own: every return draws the
    // ranking again, with no error.
    let other = format!("{}?b=hdi", site.url);
    let cycles = (interactions / 200).clamp(3, 50);
    open(&b, &other).await;
    open(&b, &site.url).await;
    for c in 0..cycles {
        for (go_back, want) in [(true, "hdi"), (false, "ftri")] {
            if go_back {
                b.client.back().await.unwrap();
            } else {
                b.client.forward().await.unwrap();
            }
            b.wait_for("#rank-table tbody tr.row", 30)
                .await
                .unwrap_or_else(|e| panic!("back/forward {c}: {e}"));
            let shown = b
                .js("return document.querySelector('#dataset').value")
                .await
                .unwrap();
            assert!(
                shown.as_str().unwrap_or_default().starts_with(want),
                "back/forward {c}: {shown}"
            );
            assert_eq!(errors(&b).await, Vec::<String>::new(), "back/forward {c}");
        }
    }
    let end = errors(&b).await;
    assert!(end.is_empty(), "{end:?}");
    b.js("localStorage.clear(); return true").await.unwrap();
    b.close().await;
}
