//! Accessibility (issue 17, WCAG 2.1 AA): axe-core, vendored by `scripts/setup.sh` into
//! `tools/node_modules/axe-core/axe.min.js` (no network), injected into every view of the site
//! through WebDriver's execute (a DevTools evaluation, which the page's Content-Security-Policy
//! does not govern) and run on the whole document. Every view × width × language is audited;
//! the test fails listing each serious or critical violation (rule, impact, target, snippet),
//! and writes every result of every impact to `tests/artifacts/a11y.json` for the report (with
//! what axe could not decide, its `incomplete` results, for a person to check).
//! Also: the polite live region announcing what a weight change did to the ranking.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{Browser, Site};
use serde_json::{json, Value};

/// The languages each view is audited in, as the value of the page's `lang` query parameter:
/// English (the page's own, no parameter) and Arabic (right to left); every view's link takes
/// it in [`url`], the one place links are made.
const LANGUAGES: &[&str] = &["en", "ar"];

/// The window widths: a phone and a laptop.
const WIDTHS: &[u32] = &[360, 1280];

/// One step towards a view's state once its page is open.
enum Step {
    /// Runs a script (a function body) in the page.
    Js(&'static str),
    /// Clicks the first element matching a selector (through the DOM, wherever it is).
    Click(&'static str),
    /// Waits until a selector matches, up to the seconds given.
    Wait(&'static str, u64),
    /// Waits this many milliseconds.
    Sleep(u64),
}

/// A view of the site: how it is opened (its link's query) and what is done to reach it.
struct View {
    name: &'static str,
    /// The link's query without `?` (empty for the default view).
    query: &'static str,
    /// An embedded chart (`?embed=`): no explorer to wait for, its figure instead.
    embed: bool,
    /// Only at these widths (empty: every width).
    widths: &'static [u32],
    steps: &'static [Step],
}

/// Opens every closed `<details>` (the charts' table alternatives and folded panels) so that
/// what they hold is audited too, and scrolls through the page so that every part that draws
/// only in view (charts, the map, the performers' rows) has drawn.
const UNFOLD_AND_SCROLL: Step = Step::Js(
    "document.querySelectorAll('details').forEach(d => d.open = true); \
     const h = document.documentElement.scrollHeight; \
     for (let y = 0; y < h; y += 400) window.scrollTo(0, y); window.scrollTo(0, 0); return true",
);

const VIEWS: &[View] = &[
    View {
        name: "default",
        query: "",
        embed: false,
        widths: &[],
        steps: &[
            Step::Js(
                "let y = 0; const t = setInterval(() => { y += 500; window.scrollTo(0, y); \
                 if (y > document.documentElement.scrollHeight) { clearInterval(t); window.scrollTo(0, 0); } }, 60); \
                 return true",
            ),
            Step::Sleep(3000),
            Step::Wait("figure[data-chart=map] canvas", 20),
        ],
    },
    View {
        name: "tables-open",
        query: "b=ftri",
        embed: false,
        widths: &[],
        steps: &[UNFOLD_AND_SCROLL, Step::Sleep(1500)],
    },
    View {
        name: "followed-analyses",
        query: "b=ftri&u=KEN&w=rd:2",
        embed: false,
        widths: &[],
        steps: &[
            Step::Wait("#explain-run:not([hidden])", 30),
            Step::Click("#explain-run"),
            Step::Wait("#explain-run:not([hidden])", 60),
            Step::Click("#health-run"),
            Step::Wait("#health-nodes tbody tr", 60),
            Step::Click("#target-run"),
            Step::Wait("#target-run:not([hidden])", 60),
            Step::Click("#rob-run"),
            Step::Wait("#rob-summary", 120),
            Step::Wait("#rob-run:not([hidden])", 120),
            Step::Click("#ranges-run"),
            Step::Wait("#ranges-summary", 180),
            Step::Wait("#ranges-run:not([hidden])", 60),
            UNFOLD_AND_SCROLL,
            Step::Sleep(1500),
        ],
    },
    View {
        name: "compare",
        query: "b=ftri",
        embed: false,
        widths: &[],
        steps: &[
            Step::Js(
                "const i = document.querySelector('#scenario-name'); i.value = 'Published'; \
                 i.dispatchEvent(new Event('input', {bubbles: true})); \
                 document.querySelector('#save-scenario').click(); return true",
            ),
            Step::Sleep(300),
            Step::Js(
                "const s = document.querySelector('li[data-node=\"rd\"] .weight-number'); s.value = '3'; \
                 s.dispatchEvent(new Event('change', {bubbles: true})); return true",
            ),
            Step::Sleep(300),
            Step::Js(
                "const i = document.querySelector('#scenario-name'); i.value = 'More R&D'; \
                 i.dispatchEvent(new Event('input', {bubbles: true})); \
                 document.querySelector('#save-scenario').click(); return true",
            ),
            Step::Sleep(300),
            Step::Js(
                "document.querySelectorAll('#saved-list .compare-box').forEach(c => c.click()); return true",
            ),
            Step::Wait("#compare-table tbody tr", 10),
            Step::Click("#causes-run"),
            Step::Wait("#causes-run:not([hidden])", 60),
            UNFOLD_AND_SCROLL,
            Step::Sleep(1000),
        ],
    },
    View {
        name: "your-data",
        query: "",
        embed: false,
        widths: &[],
        steps: &[
            Step::Wait("#import-details", 30),
            Step::Js(
                "const d = document.querySelector('#import-details'); d.open = true; \
                 d.scrollIntoView(); return true",
            ),
            Step::Sleep(500),
        ],
    },
    View {
        name: "share-dialog",
        query: "b=ftri&w=rd:2",
        embed: false,
        widths: &[],
        steps: &[
            Step::Click("figure[data-chart=bars] .share-link"),
            Step::Wait("#share-dialog[open]", 5),
        ],
    },
    View {
        name: "embed-dialog",
        query: "b=ftri&w=rd:2",
        embed: false,
        widths: &[],
        steps: &[
            Step::Click("figure[data-chart=bars] .embed-open"),
            Step::Wait("#embed-dialog[open]", 5),
            Step::Wait(".embed-preview iframe", 5),
            Step::Sleep(1000),
        ],
    },
    View {
        name: "weights-drawer",
        query: "",
        embed: false,
        widths: &[360],
        steps: &[Step::Click("#weights-drawer"), Step::Sleep(600)],
    },
    View {
        name: "ftri-2025",
        query: "b=ftri-2025",
        embed: false,
        widths: &[],
        steps: &[UNFOLD_AND_SCROLL, Step::Sleep(1000)],
    },
    View {
        name: "bli-ratings",
        query: "b=bli",
        embed: false,
        widths: &[],
        steps: &[Step::Click("#weight-ratings"), Step::Sleep(500)],
    },
    View {
        name: "embed-bars",
        query: "embed=bars",
        embed: true,
        widths: &[],
        steps: &[],
    },
    View {
        name: "embed-gap",
        query: "embed=gap",
        embed: true,
        widths: &[],
        steps: &[],
    },
    View {
        name: "embed-strips",
        query: "embed=strips",
        embed: true,
        widths: &[],
        steps: &[],
    },
    View {
        name: "embed-trend",
        query: "embed=trend",
        embed: true,
        widths: &[],
        steps: &[],
    },
    View {
        name: "embed-performers",
        query: "embed=performers",
        embed: true,
        widths: &[],
        steps: &[],
    },
    View {
        name: "embed-unit-trend",
        query: "embed=unit-trend&u=KEN",
        embed: true,
        widths: &[],
        steps: &[],
    },
    View {
        name: "embed-map",
        query: "embed=map",
        embed: true,
        widths: &[],
        steps: &[],
    },
];

/// A view's link in a language: the one place a language enters the links.
fn url(base: &str, view: &View, lang: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !view.query.is_empty() {
        parts.push(view.query.to_string());
    }
    if lang != "en" {
        parts.push(format!("lang={lang}"));
    }
    if parts.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", parts.join("&"))
    }
}

async fn run_step(b: &Browser, step: &Step) -> Result<(), String> {
    match step {
        Step::Js(script) => b.js(script).await.map(|_| ()),
        Step::Click(css) => {
            b.wait_for(css, 30).await?;
            b.js(&format!(
                "document.querySelector({css:?}).click(); return true"
            ))
            .await
            .map(|_| ())
        }
        Step::Wait(css, secs) => b.wait_for(css, *secs).await,
        Step::Sleep(ms) => {
            tokio::time::sleep(Duration::from_millis(*ms)).await;
            Ok(())
        }
    }
}

/// Injects axe-core and runs it on the whole document: `{violations, incomplete}`, every impact
/// (`incomplete`: what axe could not decide, e.g. the contrast of text over an image).
async fn audit(b: &Browser, axe: &str) -> Result<Value, String> {
    let loaded = b.js(&format!("{axe}\n;return typeof window.axe")).await?;
    if loaded != json!("object") {
        return Err(format!("axe-core did not load: {loaded}"));
    }
    b.js(
        "window.__axe = null; \
         axe.run(document, {resultTypes: ['violations']}) \
           .then(r => { const list = vs => vs.map(v => ({id: v.id, impact: v.impact, \
              help: v.help, tags: v.tags, nodes: v.nodes.map(n => ({target: n.target, impact: n.impact, \
              html: n.html.slice(0, 160), summary: n.failureSummary}))})); \
              window.__axe = JSON.stringify({violations: list(r.violations), incomplete: list(r.incomplete)}); }) \
           .catch(e => { window.__axe = JSON.stringify({error: String(e)}); }); \
         return true",
    )
    .await?;
    for _ in 0..600 {
        let v = b.js("return window.__axe").await?;
        if let Some(text) = v.as_str() {
            let parsed: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
            if let Some(e) = parsed.get("error") {
                return Err(format!("axe.run failed: {e}"));
            }
            return Ok(parsed);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err("axe.run did not finish within 120 s".into())
}

fn serious(impact: &Value) -> bool {
    matches!(impact.as_str(), Some("serious" | "critical"))
}

/// Every view at every width in every language has no serious or critical violation.
#[tokio::test(flavor = "multi_thread")]
async fn every_view_passes_axe() {
    let axe_path = e2e::root()
        .join("tools")
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js");
    let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run scripts/setup.sh: it installs axe-core)",
            axe_path.display()
        )
    });
    let only: Option<String> = std::env::var("A11Y_VIEWS").ok();
    let site = Site::start().unwrap();
    let mut report = serde_json::Map::new();
    let mut failures = Vec::new();
    for &width in WIDTHS {
        let b = Browser::start(width, 900).await.unwrap();
        for view in VIEWS {
            if !view.widths.is_empty() && !view.widths.contains(&width) {
                continue;
            }
            if let Some(only) = &only {
                if !only.split(',').any(|v| v == view.name) {
                    continue;
                }
            }
            for &lang in LANGUAGES {
                let key = format!("{} {width} {lang}", view.name);
                let link = url(&site.url, view, lang);
                let opened = if view.embed {
                    match b.client.goto(&link).await {
                        Ok(()) => match b.wait_for(".embed-title", 30).await {
                            Ok(()) => b.wait_for("canvas", 30).await,
                            Err(e) => Err(e),
                        },
                        Err(e) => Err(e.to_string()),
                    }
                } else {
                    b.open(&link).await
                };
                let mut result = opened;
                for step in view.steps {
                    if result.is_err() {
                        break;
                    }
                    result = run_step(&b, step).await;
                }
                if let Err(e) = result {
                    failures.push(format!("{key}: could not reach the view: {e}"));
                    continue;
                }
                tokio::time::sleep(Duration::from_millis(300)).await;
                let result = match audit(&b, &axe).await {
                    Ok(v) => v,
                    Err(e) => {
                        failures.push(format!("{key}: {e}"));
                        continue;
                    }
                };
                let violations = &result["violations"];
                let mut counts = Vec::new();
                for v in violations.as_array().into_iter().flatten() {
                    counts.push(format!(
                        "{} ({}, {})",
                        v["id"].as_str().unwrap_or("?"),
                        v["impact"].as_str().unwrap_or("?"),
                        v["nodes"].as_array().map_or(0, Vec::len)
                    ));
                    if !serious(&v["impact"]) {
                        continue;
                    }
                    for n in v["nodes"].as_array().into_iter().flatten().take(5) {
                        failures.push(format!(
                            "{key}: {} [{}] {} — {}",
                            v["id"].as_str().unwrap_or("?"),
                            v["impact"].as_str().unwrap_or("?"),
                            n["target"],
                            n["html"].as_str().unwrap_or_default()
                        ));
                    }
                }
                eprintln!(
                    "{key}: {}",
                    if counts.is_empty() {
                        "no violation".to_string()
                    } else {
                        counts.join(", ")
                    }
                );
                report.insert(key, result);
            }
        }
        if width == 360 {
            b.screenshot("a11y-360.png").await.unwrap();
        } else {
            b.screenshot("a11y-1280.png").await.unwrap();
        }
        b.close().await;
    }
    let out = e2e::artifacts().join("a11y.json");
    std::fs::write(
        &out,
        serde_json::to_string_pretty(&Value::Object(report)).unwrap(),
    )
    .unwrap();
    eprintln!("every result: {}", out.display());
    assert!(
        failures.is_empty(),
        "{} serious or critical violations (or views not reached):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The rank of `code` in the ranking as shown (the row is scrolled into the ranking's view).
async fn rank_of(b: &Browser, code: &str) -> String {
    b.js(&format!(
        "const t = document.querySelector('#rank-table'); \
         const r = t.querySelector('tr[data-code=\"{code}\"]'); \
         return r ? r.querySelector('.c-rank').textContent.trim() : ''"
    ))
    .await
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// A drag of a weight slider is announced once, about a second after it stops, by the polite
/// live region: the followed country's move from its rank before the drag to its rank after.
#[tokio::test(flavor = "multi_thread")]
async fn a_weight_change_is_announced_once_it_settles() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    // Korea is followed (its row is among the first, so in the document).
    b.open(&format!("{}?b=ftri&u=KOR", site.url)).await.unwrap();
    let region = "#weights-announce";
    let attrs = b
        .js("const r = document.querySelector('#weights-announce'); \
             return [r.getAttribute('aria-live'), r.getAttribute('role'), r.textContent]")
        .await
        .unwrap();
    assert_eq!(attrs, json!(["polite", "status", ""]));
    let before = rank_of(&b, "KOR").await;
    let name = b
        .text("#rank-table tr[data-code='KOR'] .uname")
        .await
        .unwrap();
    // A drag: many inputs, 50 ms apart; nothing said while it goes on.
    for v in [
        "1.2", "1.6", "2.0", "2.4", "2.8", "3.2", "3.6", "4.0", "4.4", "4.8", "5",
    ] {
        b.js(&format!(
            "const s = document.querySelector('#w-rd'); s.value = '{v}'; \
             s.dispatchEvent(new Event('input', {{bubbles: true}})); return true"
        ))
        .await
        .unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(b.text(region).await.unwrap(), "", "said during the drag");
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let after = rank_of(&b, "KOR").await;
    let said = b.text(region).await.unwrap();
    let expected = if before == after {
        format!("{name} stays at {after}.")
    } else {
        format!("{name} moved from {before} to {after}.")
    };
    assert_eq!(said, expected);
    // Nothing followed: the largest move, from the ranks before this change.
    b.click("#rank-table tbody tr[data-code='KOR']")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.click("#equal-weights").await.unwrap();
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let said = b.text(region).await.unwrap();
    assert!(
        said.contains(" moved from ") && said.contains("the largest of"),
        "{said}"
    );
    b.close().await;
}

/// Presses `keys` together on the page, as a person does (WebDriver actions: not typed into an
/// element, so a focused file field is not given a file name).
async fn press(b: &Browser, keys: &[fantoccini::key::Key]) {
    use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
    let mut actions = KeyActions::new("keyboard".into());
    for k in keys {
        actions = actions.then(KeyAction::Down { value: (*k).into() });
    }
    for k in keys.iter().rev() {
        actions = actions.then(KeyAction::Up { value: (*k).into() });
    }
    b.client.perform_actions(actions).await.unwrap();
}

/// The keyboard reaches the controls in order, and each control it reaches shows a focus ring
/// (`:focus-visible` in style.css: an ink outline with a yellow band inside): at 1280 px the
/// first 120 Tab stops of the default view, at 360 px the phone's weights drawer. Screenshots
/// of a focused slider, button and row go to `tests/artifacts/focus-*.png`.
#[tokio::test(flavor = "multi_thread")]
async fn every_control_the_keyboard_reaches_shows_its_focus() {
    let site = Site::start().unwrap();
    for (width, stops) in [(1280u32, 120usize), (360, 40)] {
        let b = Browser::start(width, 900).await.unwrap();
        b.open(&format!("{}?b=ftri&u=KOR", site.url)).await.unwrap();
        if width == 360 {
            b.click("#weights-drawer").await.unwrap();
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        use fantoccini::key::Key;
        let mut seen = Vec::new();
        let mut unringed = Vec::new();
        for _ in 0..stops {
            press(&b, &[Key::Tab]).await;
            // What has focus, and how its ring looks (a visually hidden file field shows the
            // ring on the label around it).
            let v = b
                .js("const e = document.activeElement; \
                     const r = e.classList.contains('visually-hidden') ? e.parentElement : e; \
                     const s = getComputedStyle(r); const box = r.getBoundingClientRect(); \
                     return [`${e.tagName.toLowerCase()}#${e.id}.${e.className}`, s.outlineStyle, \
                             parseFloat(s.outlineWidth), box.width * box.height, e.matches(':focus-visible')]")
                .await
                .unwrap();
            let name = v[0].as_str().unwrap_or_default().to_string();
            if name.starts_with("body") {
                continue;
            }
            let ringed = v[1] != json!("none")
                && v[2].as_f64().unwrap_or_default() >= 2.0
                && v[3].as_f64().unwrap_or_default() > 0.0
                && v[4] == json!(true);
            if !ringed {
                unringed.push(format!("{name}: {v}"));
            }
            seen.push(name);
        }
        assert!(
            seen.len() >= stops / 2,
            "{width} px: the keyboard reached only {seen:?}"
        );
        assert!(
            unringed.is_empty(),
            "{width} px: focused without a visible ring: {unringed:#?}"
        );
        // Screenshots: a slider, a button, a ranking row, each focused by the keyboard (the
        // ranking, which the Tab stops scrolled, back at its top, where Korea's row is).
        b.js(
            "const s = document.querySelector('.table-scroll'); s.scrollTop = 0; \
              s.dispatchEvent(new Event('scroll')); return true",
        )
        .await
        .unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        for (what, css) in [
            ("slider", "#w-rd"),
            ("button", "#equal-weights"),
            ("row", "#rank-table tbody tr[data-code=KOR]"),
        ] {
            b.js(&format!(
                "const e = document.querySelector({css:?}); e.scrollIntoView({{block: 'center'}}); return true"
            ))
            .await
            .unwrap();
            // Focus by the keyboard: from the element before it, Tab.
            b.js(&format!(
                "const e = document.querySelector({css:?}); e.focus(); return true"
            ))
            .await
            .unwrap();
            press(&b, &[Key::Shift, Key::Tab]).await;
            press(&b, &[Key::Tab]).await;
            tokio::time::sleep(Duration::from_millis(200)).await;
            b.screenshot(&format!("focus-{what}-{width}.png"))
                .await
                .unwrap();
        }
        // A group's mark in a table is an image named by its group, not a bare symbol.
        b.js("document.querySelector('#performers').scrollIntoView(); return true")
            .await
            .unwrap();
        b.wait_for("#performers-table tbody tr.row", 20)
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        let marks = b
            .js(
                "return [...document.querySelectorAll('#rank-table .marker:not([hidden]), \
                 #performers-table tr.row .marker')].filter(m => m.textContent.trim()) \
                 .map(m => [m.getAttribute('role'), m.getAttribute('aria-label')])",
            )
            .await
            .unwrap();
        let marks = marks.as_array().unwrap();
        assert!(!marks.is_empty());
        for m in marks {
            assert_eq!(m[0], json!("img"), "{marks:?}");
            assert!(
                matches!(m[1].as_str(), Some("LDCs" | "Developed")),
                "{marks:?}"
            );
        }
        b.close().await;
    }
}
