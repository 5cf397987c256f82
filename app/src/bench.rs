//! The in-browser benchmark harness, opened with `?bench=ftri` or `?bench=synthetic`: it drives
//! the real page (slider `input` events on the first pillar) and measures, for each input, the
//! time until the table and charts have been updated and the page laid out again (120 inputs,
//! after 20 first ones reported apart: see [`WARM_UP`]); on a bundle
//! with a file (not the synthetic one), the same again while an uncertainty analysis runs in
//! the worker, and the time from request to answer of 10 000 draws, five times. Results are
//! written as JSON, one line per series, into `<pre id="bench-results">` (read by the
//! end-to-end test that reports them) and to the console. `?bench=panic` panics instead, once
//! the page is up, for the end-to-end test of the crash screen; `?bench=ftri-groups` runs one
//! series alone ([`GROUPS_ONLY`]).
//!
//! The synthetic bundle (200 units × 100 indicators in 10 pillars) is generated here from a
//! fixed seed and labelled as synthetic: it is not real data.

use gloo::timers::future::TimeoutFuture;
use index_core::bundle::{Bundle, BundleParts};
use index_core::dataset::{DatasetBuilder, Direction, Group, Indicator, Source, Unit};
use index_core::framework::{Framework, NodeKind, NodeSpec};
use index_core::method::Method;
use index_core::scenario::Scenario;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::loader;
use crate::state::{AppState, Level};

/// Slider inputs measured.
const SAMPLES: usize = 120;

/// Slider inputs first made after the page is up, and reported apart from the measured ones:
/// the first steps after a load are slower while the browser optimises the wasm (its second
/// tier compiles in the background) and fills its caches (text shaping, style sharing).
const WARM_UP: usize = 20;

/// Starts the benchmark for `which` ("ftri" or "synthetic").
pub fn start(state: AppState, which: String) {
    if which == "panic" {
        // `?bench=panic`: a deliberate panic once the page is up, for the end-to-end test of
        // the crash screen (`crate::crash`).
        #[allow(clippy::panic)]
        spawn_local(async {
            TimeoutFuture::new(50).await;
            panic!("a deliberate panic (?bench=panic), to test the crash screen");
        });
        return;
    }
    spawn_local(async move {
        let bundle = if which == "synthetic" {
            synthetic(200, 100, 10)
        } else {
            let id = if which.is_empty() || which == GROUPS_ONLY {
                "ftri".to_string()
            } else {
                which.clone()
            };
            let found = loader::fetch_catalogue()
                .await
                .map(|c| c.into_iter().find(|e| e.id == id));
            match found {
                Ok(Some(entry)) => {
                    state.loading.catalogue.set(vec![entry.clone()]);
                    loader::fetch_bundle(&entry)
                        .await
                        .map_err(|e| e.to_string())
                }
                Ok(None) => Err(format!("no bundle `{id}`")),
                Err(e) => Err(e.to_string()),
            }
        };
        let bundle = match bundle {
            Ok(b) => b,
            Err(e) => {
                state.notify(Level::Error, format!("Benchmark could not start: {e}"));
                return;
            }
        };
        let label = format!(
            "{} ({} units × {} indicators)",
            bundle.id(),
            bundle.dataset().units().len(),
            bundle.framework().leaves().len()
        );
        state.inputs.install(bundle, &Scenario::default());
        state.loading.status.set(crate::state::Status::Ready);
        TimeoutFuture::new(300).await;
        if which == GROUPS_ONLY {
            // The warm-up inputs, unreported, then that series alone (for a profile of it).
            measure(WARM_UP).await;
            publish(&[three_groups_and_performers(state, &label).await]);
            return;
        }
        let first = measure(WARM_UP).await;
        let times = measure(SAMPLES).await;
        let mut report = report(&label, &times);
        report["first_inputs_after_load"] = serde_json::json!({
            "inputs": first.len(),
            "input_to_updated_and_laid_out": summary(first.iter().map(|t| t.total).collect()),
        });
        let mut lines = vec![report];
        if which != "synthetic" {
            lines.extend(worker_figures(state, &label).await);
            lines.extend(map_figures(&label).await);
        }
        if bundle_is_ftri(&which) {
            lines.push(three_groups_and_performers(state, &label).await);
        }
        publish(&lines);
    });
}

/// `?bench=ftri-groups`: FTRI's series with three groups and the performers panel in view alone
/// (after the warm-up inputs), so that a CPU profile of the page covers that series only.
pub const GROUPS_ONLY: &str = "ftri-groups";

/// Whether `which` names the FTRI (`?bench=ftri`, or `?bench` alone).
fn bundle_is_ftri(which: &str) -> bool {
    which.is_empty() || which == "ftri"
}

/// The slider measured again with UNCTAD's three groups compared (LDCs, other developing and
/// developed economies: the gap panel's every-group table, the charts of three groups) and the
/// performers panel scrolled into view (its memo, scatter and table live on each step) — the
/// issue's "the slider budget still holds with three groups and the performers view open". Run
/// last, so that the other series keep their conditions.
async fn three_groups_and_performers(state: AppState, label: &str) -> serde_json::Value {
    state.inputs.set_group(1, "developing".into());
    state.inputs.add_group("developed".into());
    let mut in_view = false;
    // The performers panel is a deferred part: wait for it to be mounted, then bring it in.
    for _ in 0..100 {
        if let Some(panel) = document().get_element_by_id("performers") {
            panel.scroll_into_view();
            in_view = true;
            break;
        }
        TimeoutFuture::new(50).await;
    }
    // Let the observers see it and the panel catch up.
    TimeoutFuture::new(500).await;
    let times = measure(SAMPLES).await;
    serde_json::json!({
        "while": "three groups (LDC, developing, developed) and the performers panel in view",
        "groups": state.inputs.groups().get_untracked(),
        "performers_in_view": in_view,
        "report": report(label, &times),
    })
}

/// The uncertainty analysis in the worker: the slider measured again while a long analysis
/// runs (then cancelled), and the time from the request to the answer of 10 000 draws (weights
/// ±25 %, the panel's default), five times on a worker already started. Needs the bundle's file
/// in the catalogue (not the synthetic bundle).
async fn worker_figures(state: AppState, label: &str) -> Vec<serde_json::Value> {
    use std::cell::Cell;
    use std::rc::Rc;

    use crate::view_model::robustness::Choices;
    use crate::worker_client::{self, Request, Response};

    let (Some(bundle), Some(scenario)) = (state.inputs.bundle().get_untracked(), state.scenario())
    else {
        return Vec::new();
    };
    let Some(url) = state.bundle_url(bundle.id()) else {
        return Vec::new();
    };
    let now = || window().performance().map_or(0.0, |p| p.now());
    // One analysis: its job, and when it ended (ms) or failed.
    let submit = |choices: Choices, ended: Rc<Cell<Option<Result<f64, ()>>>>| {
        let request = Request::Robustness {
            plan: choices.plan(),
            sensitivity: choices.bootstrap(),
        };
        worker_client::submit(
            &bundle,
            url.clone(),
            scenario.clone(),
            request,
            move |r| match r {
                Response::Done(_) => ended.set(Some(Ok(now()))),
                Response::Failed(_) => ended.set(Some(Err(()))),
                Response::Progress { .. } => {}
            },
        )
    };
    let wait = |ended: Rc<Cell<Option<Result<f64, ()>>>>| async move {
        for _ in 0..24_000 {
            if let Some(r) = ended.get() {
                return r.ok();
            }
            TimeoutFuture::new(5).await;
        }
        None
    };
    let mut out = Vec::new();
    // Warm the worker up (fetch, compile, the bundle parsed).
    let ended = Rc::new(Cell::new(None));
    submit(
        Choices {
            draws: 1_000,
            ..Choices::default()
        },
        Rc::clone(&ended),
    );
    if wait(ended).await.is_none() {
        return out;
    }
    // The slider while 50 000 draws and a sensitivity analysis run.
    let ended = Rc::new(Cell::new(None));
    let job = submit(
        Choices {
            draws: 50_000,
            aggregation: true,
            sensitivity: true,
            ..Choices::default()
        },
        Rc::clone(&ended),
    );
    TimeoutFuture::new(100).await;
    let busy = measure(SAMPLES).await;
    let still_running = ended.get().is_none();
    worker_client::cancel(job);
    out.push(serde_json::json!({
        "while": "an uncertainty analysis runs in the worker",
        "still_running_at_the_end": still_running,
        "report": report(label, &busy),
    }));
    // 10 000 draws, five times.
    let mut times = Vec::new();
    for _ in 0..5 {
        let ended = Rc::new(Cell::new(None));
        let t0 = now();
        submit(Choices::default(), Rc::clone(&ended));
        if let Some(t1) = wait(ended).await {
            times.push(t1 - t0);
        }
    }
    out.push(serde_json::json!({
        "bundle": label,
        "uncertainty_10000_draws_request_to_answer": summary(times.clone()),
        "runs_ms": times,
    }));
    // The best and worst ranks of every unit, once under each range of weights.
    for (range, name) in [
        (
            index_worker::protocol::WeightRange::HalfToDouble,
            "half_to_double",
        ),
        (index_worker::protocol::WeightRange::Any, "any_weights"),
    ] {
        let ended = Rc::new(Cell::new(None));
        let t0 = now();
        let request = Request::Ranges {
            range,
            min_share: 0.0,
        };
        let on_end = Rc::clone(&ended);
        worker_client::submit(
            &bundle,
            url.clone(),
            scenario.clone(),
            request,
            move |r| match r {
                Response::Done(_) => on_end.set(Some(Ok(now()))),
                Response::Failed(_) => on_end.set(Some(Err(()))),
                Response::Progress { .. } => {}
            },
        );
        let ms = wait(ended).await.map(|t1| t1 - t0);
        out.push(serde_json::json!({
            "bundle": label,
            "rank_bounds_and_bod_every_unit": name,
            "request_to_answer_ms": ms,
        }));
    }
    out
}

/// Lets queued microtasks run (Leptos runs its effects — table, charts — as microtasks).
async fn microtasks() {
    for _ in 0..4 {
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
            &wasm_bindgen::JsValue::NULL,
        ))
        .await;
    }
}

/// The slider measured again with the world map in view (scrolled to it; its geometry loaded
/// and drawn first): the time to updated and laid out, and of it the map's drawing (its fills
/// recomputed and the canvas repainted). A series of its own, after the others, which it leaves
/// as they were.
async fn map_figures(label: &str) -> Option<serde_json::Value> {
    let map = document().get_element_by_id("map")?;
    let top = map.get_bounding_client_rect().top();
    map.scroll_into_view();
    let mut drawn = false;
    for _ in 0..150 {
        TimeoutFuture::new(100).await;
        if crate::components::map::take_draw().1 > 0 {
            drawn = true;
            break;
        }
    }
    if !drawn {
        return Some(serde_json::json!({ "bundle": label, "map": "not drawn within 15 s" }));
    }
    TimeoutFuture::new(300).await;
    let times = measure(SAMPLES).await;
    Some(serde_json::json!({
        "bundle": label,
        "series": "the world map in view",
        "map_top_before_scrolling_px": top.round(),
        "samples": times.len(),
        "input_to_updated_and_laid_out": summary(times.iter().map(|t| t.total).collect()),
        "of_which_map_drawing": summary(times.iter().map(|t| t.map).collect()),
        "map_draws": times.iter().filter(|t| t.map_draws > 0).count(),
    }))
}

/// Dispatches `inputs` input events on the first weight slider and times each: the script
/// work (event handling, engine, DOM updates, canvas drawing) and then the browser's style and
/// layout of the page (forced by reading `offsetHeight`).
async fn measure(inputs: usize) -> Vec<Step> {
    let doc = document();
    let Some(slider) = doc
        .query_selector(".weight-list input[type=range]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let Some(perf) = window().performance() else {
        return Vec::new();
    };
    let body = doc.body();
    let mut times = Vec::with_capacity(inputs);
    for i in 0..inputs {
        slider.set_value(&format!("{}", 0.5 + (i % 9) as f64 * 0.5));
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) else {
            continue;
        };
        crate::components::chart::take_draw_ms();
        crate::components::chart::take_drawn();
        crate::charts::backend::take_font_sets();
        crate::components::map::take_draw();
        let t0 = perf.now();
        let _ = slider.dispatch_event(&event);
        microtasks().await;
        let t1 = perf.now();
        if let Some(b) = &body {
            let _ = b.offset_height();
        }
        let done = perf.now();
        let (map, map_draws) = crate::components::map::take_draw();
        let (font_sets, fonts) = crate::charts::backend::take_font_sets();
        times.push(Step {
            script: t1 - t0,
            total: done - t0,
            charts: crate::components::chart::take_draw_ms(),
            charts_drawn: crate::components::chart::take_drawn(),
            font_sets,
            fonts,
            map,
            map_draws,
        });
        // Let the browser paint a frame before the next input.
        TimeoutFuture::new(20).await;
    }
    times
}

/// One slider input's figures (milliseconds).
struct Step {
    /// The script's work: event handling, engine, DOM updates, canvas drawing.
    script: f64,
    /// From the input to the page updated and laid out.
    total: f64,
    /// Of which the charts' drawing (the map's apart).
    charts: f64,
    /// The charts drawn, by element id.
    charts_drawn: Vec<&'static str>,
    /// Fonts given to the charts' canvases, and the time that took (part of `charts`).
    font_sets: u32,
    fonts: f64,
    /// The map's drawing, and its draws.
    map: f64,
    map_draws: u32,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn summary(mut values: Vec<f64>) -> serde_json::Value {
    values.sort_by(f64::total_cmp);
    serde_json::json!({
        "median_ms": percentile(&values, 0.5),
        "p95_ms": percentile(&values, 0.95),
        "max_ms": values.last().copied().unwrap_or(f64::NAN),
    })
}

/// The figures of one series of slider inputs.
fn report(label: &str, times: &[Step]) -> serde_json::Value {
    // The five slowest inputs, by their place in the series: do they cluster (a start-up
    // cost, another task) or are they spread out?
    let mut slowest: Vec<(usize, f64)> = times.iter().map(|t| t.total).enumerate().collect();
    slowest.sort_by(|a, b| b.1.total_cmp(&a.1));
    slowest.truncate(5);
    serde_json::json!({
        "slowest_inputs_at": slowest,
        "bundle": label,
        "samples": times.len(),
        "input_to_updated_and_laid_out": summary(times.iter().map(|t| t.total).collect()),
        "of_which_script": summary(times.iter().map(|t| t.script).collect()),
        "of_which_chart_drawing": summary(times.iter().map(|t| t.charts).collect()),
        "of_which_canvas_fonts": summary(times.iter().map(|t| t.fonts).collect()),
        "canvas_fonts_given_last_input": times.last().map(|t| t.font_sets),
        "charts_drawn_last_input": times.last().map(|t| t.charts_drawn.clone()),
    })
}

/// Writes the figures, one JSON per line, into `<pre id="bench-results">` and the console.
fn publish(lines: &[serde_json::Value]) {
    let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let text = text.join("\n");
    leptos::logging::log!("bench {text}");
    let doc = document();
    if let Ok(pre) = doc.create_element("pre") {
        pre.set_id("bench-results");
        pre.set_text_content(Some(&text));
        if let Some(b) = doc.body() {
            let _ = b.append_child(&pre);
        }
    }
}

/// A deterministic pseudo-random sequence (xorshift64*), for the synthetic bundle only.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A synthetic bundle of `units × indicators` in `pillars` pillars, 5 % missing values, 20 % of
/// units in group A and 20 % in group B. Labelled "synthetic" everywhere.
pub fn synthetic(units: usize, indicators: usize, pillars: usize) -> Result<Bundle, String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let groups = vec![
        Group {
            id: "LDC".into(),
            name: "Synthetic group A".into(),
            family: "a".into(),
        },
        Group {
            id: "developed".into(),
            name: "Synthetic group B".into(),
            family: "b".into(),
        },
    ];
    let unit_list: Vec<Unit> = (0..units)
        .map(|i| Unit {
            short: None,
            code: format!("S{i:03}"),
            name: format!("Synthetic unit {i}"),
            groups: match i % 5 {
                0 => vec!["LDC".into()],
                1 => vec!["developed".into()],
                _ => vec![],
            },
        })
        .collect();
    let inds: Vec<Indicator> = (0..indicators)
        .map(|i| Indicator {
            id: format!("i{i}"),
            name: format!("Synthetic indicator {i}"),
            unit: "synthetic".into(),
            direction: if i % 7 == 0 {
                Direction::Lower
            } else {
                Direction::Higher
            },
            source: "synthetic".into(),
        })
        .collect();
    let source = Source {
        id: "synthetic".into(),
        publisher: "Index Explorer".into(),
        title: "Synthetic benchmark data (not real)".into(),
        edition: "seeded".into(),
        licence: "none: generated".into(),
        url: "about:blank".into(),
    };
    let mut b = DatasetBuilder::new(unit_list.clone(), inds, vec![source], groups, vec![2020])
        .map_err(|e| e.to_string())?;
    for (u, unit) in unit_list.iter().enumerate() {
        let level = (u % 5) as f64;
        for i in 0..indicators {
            if rng.next() < 0.05 {
                continue;
            }
            b.set(
                &unit.code,
                &format!("i{i}"),
                2020,
                10.0 * level + 50.0 * rng.next(),
            )
            .map_err(|e| e.to_string())?;
        }
    }
    let mut nodes = vec![NodeSpec {
        id: "index".into(),
        name: "Synthetic index".into(),
        parent: None,
        weight: 1.0,
        kind: NodeKind::Aggregate,
    }];
    for p in 0..pillars {
        nodes.push(NodeSpec {
            id: format!("p{p}"),
            name: format!("Pillar {p}"),
            parent: Some("index".into()),
            weight: 1.0,
            kind: NodeKind::Aggregate,
        });
    }
    for i in 0..indicators {
        nodes.push(NodeSpec {
            id: format!("i{i}"),
            name: format!("Indicator {i}"),
            parent: Some(format!("p{}", i % pillars)),
            weight: 1.0,
            kind: NodeKind::Indicator { denominator: None },
        });
    }
    let framework = Framework::new(nodes).map_err(|e| e.to_string())?;
    Bundle::new(BundleParts {
        id: "synthetic".into(),
        title: "Synthetic benchmark bundle (not real data)".into(),
        description: "Generated from a fixed seed to measure the app's speed.".into(),
        notes: vec!["Synthetic data: not real.".into()],
        dataset: b.build(),
        framework,
        method: Method::default(),
        default_year: 2020,
        default_groups: ["LDC".into(), "developed".into()],
        reference: None,
        gdp_per_capita: None,
    })
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_bundle_has_the_asked_shape() {
        let b = super::synthetic(200, 100, 10).unwrap();
        assert_eq!(b.dataset().units().len(), 200);
        assert_eq!(b.framework().leaves().len(), 100);
        assert_eq!(b.framework().pillars().len(), 10);
        assert!(b.title().contains("not real"));
    }
}
