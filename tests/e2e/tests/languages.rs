//! The six UN languages (issue 17): each opened by its link (`?lang=`) shows its texts (from
//! its Fluent file, `app/i18n/<lang>.ftl`), countries' names in it (`data/names-<lang>.json`,
//! from iso-codes), numbers in its decimal mark (as the browser's `Intl` writes them), `lang`
//! and `dir` on the page (right to left for Arabic), and the same ranking as in English; the
//! language picker reopens the same view in another language; without `lang`, the browser's
//! preferred language of the six; a link naming no language of the six says so and stays
//! English; Arabic's canvas charts mirrored, hover following them, and its PNG downloads' texts
//! reading right to left. Screenshots in Arabic and French, looked at.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use std::time::Duration;

use e2e::{Browser, Site};
use serde_json::{json, Value};

/// Message `id`'s text in language `lang`'s Fluent file (a one-line message).
fn message(lang: &str, id: &str) -> String {
    let path = e2e::root().join("app/i18n").join(format!("{lang}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{}: no one-line message {id}", path.display()))
        .to_string()
}

/// Country `code`'s name in language `lang`, from the names file the data build wrote.
fn country(lang: &str, code: &str) -> String {
    let path = e2e::root()
        .join("public/data")
        .join(format!("names-{lang}.json"));
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file["names"][code].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_language_shows_its_texts_names_and_numbers() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1400).await.unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    let english: Vec<String> = b.rows().await.unwrap().into_iter().map(|r| r.0).collect();
    assert!(english.len() >= 10, "the rows in view: {english:?}");
    for lang in ["fr", "es", "ru", "zh", "ar"] {
        b.open(&format!("{}?b=ftri&lang={lang}", site.url))
            .await
            .unwrap();
        let page = b
            .js("const h = document.documentElement; return [h.lang, h.dir]")
            .await
            .unwrap();
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        assert_eq!(page, json!([lang, dir]), "{lang}");
        // Texts from the language's file.
        assert_eq!(
            b.text("#weights-h").await.unwrap(),
            message(lang, "weights"),
            "{lang}"
        );
        assert_eq!(
            b.text("#method-h").await.unwrap(),
            message(lang, "method"),
            "{lang}"
        );
        // The method line in the language (FTRI: no normalisation, an arithmetic mean; in
        // Arabic between isolates).
        assert_eq!(
            b.text("#method-line")
                .await
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], ""),
            format!(
                "{} · {}",
                message(lang, "no-normalisation"),
                message(lang, "describe-arithmetic")
            ),
            "{lang}"
        );
        // A country's name in the language.
        let deu = b
            .js("return document.querySelector('#rank-table tr[data-code=DEU] .uname').textContent")
            .await
            .unwrap();
        assert_eq!(deu, json!(country(lang, "DEU")), "{lang}");
        // Numbers in the language's decimal mark, as the browser writes 0.5 in it.
        let marks = b
            .js(&format!(
                "const mark = (0.5).toLocaleString('{lang}-u-nu-latn').replace(/[0-9]/g, ''); \
                 const cell = document.querySelector('#gap-table tbody tr .a-mean').textContent; \
                 return [mark, cell.replace(/[0-9]/g, '')]"
            ))
            .await
            .unwrap();
        assert_eq!(marks[0], marks[1], "{lang}: the gap table's mean {marks}");
        // The same ranking as in English (the rows in view: as many as the layout makes room for).
        let order: Vec<String> = b.rows().await.unwrap().into_iter().map(|r| r.0).collect();
        let n = order.len().min(english.len());
        assert!(n >= 10, "{lang}: {order:?}");
        assert_eq!(order[..n], english[..n], "{lang}");
        // The link keeps the language.
        assert!(
            b.query().await.unwrap().ends_with(&format!("lang={lang}")),
            "{lang}"
        );
        if lang == "ar" || lang == "fr" {
            b.screenshot(&format!("lang-{lang}-1280.png"))
                .await
                .unwrap();
        }
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_picker_reopens_the_same_view_in_another_language() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1200).await.unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    b.set_weight("rd", "3").await.unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let before = b.rows().await.unwrap();
    b.js(
        "const s = document.querySelector('#language'); s.value = 'es'; \
         s.dispatchEvent(new Event('change', {bubbles: true})); return true",
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    b.wait_for("#rank-table tbody tr.row", 30).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        b.text("#weights-h").await.unwrap(),
        message("es", "weights")
    );
    let query = b.query().await.unwrap();
    assert!(
        query.contains("w=rd:3") && query.ends_with("lang=es"),
        "{query}"
    );
    assert_eq!(
        b.rows().await.unwrap(),
        before,
        "the same ranking under the same weights"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn arabic_reads_right_to_left_on_a_phone_and_a_wrong_language_is_said() {
    let site = Site::start().unwrap();
    let b = Browser::start(360, 780).await.unwrap();
    b.open(&format!("{}?b=ftri&lang=ar", site.url))
        .await
        .unwrap();
    // Right to left: the ranking's rank column is at the right of the name.
    let sides = b
        .js(
            "const r = document.querySelector('#rank-table tbody tr.row'); \
             return [r.querySelector('.c-rank').getBoundingClientRect().left, \
                     r.querySelector('.c-name').getBoundingClientRect().left]",
        )
        .await
        .unwrap();
    assert!(
        sides[0].as_f64().unwrap() > sides[1].as_f64().unwrap(),
        "{sides}"
    );
    assert_eq!(
        b.past_right_edge().await.unwrap(),
        json!([]),
        "no sideways scrolling"
    );
    // The dataset's English note under the header keeps its closing full stop after its last
    // word (to its right), not at the line's other end.
    let ends = b
        .js(
            "const p = document.querySelector('.reference-note');              const t = p.firstChild; const n = t.textContent.length;              const at = (k) => { const r = document.createRange(); r.setStart(t, k);                r.setEnd(t, k + 1); return r.getBoundingClientRect().left; };              return [t.textContent.slice(-2), at(n - 2), at(n - 1)]",
        )
        .await
        .unwrap();
    assert_eq!(ends[0], json!(")."), "{ends}");
    assert!(
        ends[2].as_f64().unwrap() > ends[1].as_f64().unwrap(),
        "the full stop after the bracket: {ends}"
    );
    b.screenshot("lang-ar-360.png").await.unwrap();

    b.open(&format!("{}?b=ftri&lang=klingon", site.url))
        .await
        .unwrap();
    let notices = b.notices().await.unwrap();
    assert!(
        notices.contains("lang") && notices.contains("klingon"),
        "{notices}"
    );
    assert_eq!(
        b.js("return document.documentElement.lang").await.unwrap(),
        json!("en")
    );
    assert_eq!(b.text("#weights-h").await.unwrap(), "Weights");
    // A part of a link that cannot be read is said in the link's language.
    b.open(&format!("{}?b=ftri&y=oops&lang=fr", site.url))
        .await
        .unwrap();
    let notices = b.notices().await.unwrap();
    let said = message("fr", "link-part-ignored");
    let head = said.split('{').next().unwrap().trim();
    assert!(notices.contains(head), "{notices}");
    b.close().await;
}

/// In Arabic the canvas charts read right to left: the ranked bars' tallest (the first) at the
/// right, and hovering the scatter's top point (the United States, the highest score) finds it
/// at the left, where the mirrored chart draws it; in English, the other way round.
#[tokio::test(flavor = "multi_thread")]
async fn arabic_charts_read_right_to_left_and_hover_follows_them() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1200).await.unwrap();
    for lang in ["en", "ar"] {
        let rtl = lang == "ar";
        b.open(&format!("{}?b=ftri&lang={lang}", site.url))
            .await
            .unwrap();
        b.wait_deferred().await.unwrap();
        b.js("document.querySelector('#chart-bars').scrollIntoView(); return true")
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(800)).await;
        // Inked pixels on a row at 40 % of the chart's height, in each half: tall bars cross it.
        let halves = b
            .js("const c = document.querySelector('#chart-bars'); \
                 const y = Math.round(c.height * 0.4); \
                 const d = c.getContext('2d').getImageData(0, y, c.width, 1).data; \
                 let h = [0, 0]; \
                 for (let x = 0; x < c.width; x++) { \
                   const i = 4 * x; \
                   if (d[i + 3] > 0 && Math.min(d[i], d[i + 1], d[i + 2]) < 200) h[x < c.width / 2 ? 0 : 1]++; \
                 } \
                 return h")
            .await
            .unwrap();
        let (left, right) = (halves[0].as_u64().unwrap(), halves[1].as_u64().unwrap());
        assert_eq!(
            right > left,
            rtl,
            "{lang}: the first bars' half ({left} left, {right} right)"
        );

        b.js("document.querySelector('#performers').scrollIntoView(); return true")
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(800)).await;
        let found = b
            .js(r#"return (async () => {
                const c = document.querySelector('#chart-performers');
                const tip = c.parentElement.querySelector('.chart-tip');
                const r = c.getBoundingClientRect();
                for (let y = 20; y < r.height; y += 4) {
                    for (let x = 4; x < r.width; x += 4) {
                        c.dispatchEvent(new PointerEvent('pointermove', {clientX: r.left + x, clientY: r.top + y, bubbles: true}));
                        for (let i = 0; i < 8; i++) await Promise.resolve();
                        if (!tip.hidden && tip.textContent) return [x / r.width, tip.textContent];
                    }
                    await new Promise(ok => setTimeout(ok, 0));
                }
                return null;
            })()"#)
            .await
            .unwrap();
        let at = found[0].as_f64().expect("no point named on hover");
        let tip = found[1].as_str().unwrap();
        assert!(tip.contains("USA"), "{lang}: {tip}");
        assert_eq!(at < 0.5, rtl, "{lang}: the top point at {at} of the width");
    }
    b.screenshot("lang-ar-charts-1280.png").await.unwrap();
    b.close().await;
}

/// An Arabic PNG download's texts read as they do on the page, right to left: the canvas it is
/// drawn on is not in the page, so it reads left to right, and each text is drawn isolated
/// (its lines of a caption begun with a right-to-left mark) so that it reads the same on it as
/// on a canvas that reads right to left. Checked with the browser's own drawing: each text the
/// download drew, drawn again on a canvas of each direction, gives the same pixels; drawn
/// without its marks, as before, some of the captions' lines do not (the check tells).
#[tokio::test(flavor = "multi_thread")]
async fn an_arabic_png_download_reads_right_to_left() {
    let site = Site::start().unwrap();
    let dir = e2e::fresh_dir("downloads-ar");
    let b = Browser::start_with_downloads(1280, 1000, &dir)
        .await
        .unwrap();
    b.open(&format!("{}?b=ftri&lang=ar", site.url))
        .await
        .unwrap();
    b.wait_deferred().await.unwrap();
    // Every text drawn on a canvas the page does not hold (the download's).
    b.js("window.drawn = []; \
          const fill = CanvasRenderingContext2D.prototype.fillText; \
          CanvasRenderingContext2D.prototype.fillText = function (text, x, y) { \
            if (!this.canvas.isConnected) window.drawn.push([text, this.font]); \
            return fill.apply(this, arguments); \
          }; return true")
        .await
        .unwrap();
    b.js("document.querySelector('figure[data-chart=bars]').scrollIntoView(); return true")
        .await
        .unwrap();
    b.click("figure[data-chart=bars] .dl-png").await.unwrap();
    let png = e2e::downloaded(&dir, "index-explorer-ftri-2021-bars.png").await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    std::fs::write(e2e::artifacts().join("lang-ar-download-bars.png"), &png).unwrap();
    let checked = b
        .js(r#"
            const marks = /[\u200e\u200f\u2066-\u2069]/g;
            const pixels = (text, font, dir) => {
                const c = document.createElement('canvas');
                c.width = 2400; c.height = 60;
                if (dir) { c.dir = dir; document.body.appendChild(c); }
                const x = c.getContext('2d');
                x.font = font; x.textAlign = 'right'; x.textBaseline = 'top';
                x.fillText(text, 2390, 8);
                const d = x.getImageData(0, 0, c.width, c.height).data;
                c.remove();
                let h = 0;
                for (let i = 3; i < d.length; i += 4) h = (Math.imul(h, 31) + d[i]) | 0;
                return h;
            };
            const texts = window.drawn;
            const unisolated = texts.filter(([t]) => !(t.startsWith('\u2068') && t.endsWith('\u2069')));
            const differ = texts.filter(([t, f]) => pixels(t, f, null) !== pixels(t, f, 'rtl'));
            // Captions' lines (bold title, subtitle) drawn as before: unmarked on this canvas.
            const before = texts.filter(([t, f]) => /[\u0600-\u06ff]/.test(t)
                && pixels(t.replace(marks, ''), f, null) !== pixels(t, f, 'rtl'));
            return [texts.length, unisolated.map(([t]) => t), differ.map(([t]) => t),
                    before.length, texts.map(([t]) => t).join(' | ')];
        "#)
        .await
        .unwrap();
    let all = checked[4].as_str().unwrap();
    assert!(checked[0].as_u64().unwrap() > 10, "{all}");
    assert!(
        all.contains(&message("ar", "app-name")),
        "the credit: {all}"
    );
    assert_eq!(checked[1], json!([]), "every text isolated: {all}");
    assert_eq!(
        checked[2],
        json!([]),
        "the same in either direction: {} in {all}",
        checked[2]
    );
    assert!(
        checked[3].as_u64().unwrap() > 0,
        "unmarked, some Arabic line reads otherwise left to right: {all}"
    );
    b.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_browser_that_prefers_spanish_opens_in_spanish_without_saying_so_in_the_link() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 1000).await.unwrap();
    let agent = b.js("return navigator.userAgent").await.unwrap();
    b.cdp(
        "Network.setUserAgentOverride",
        json!({"userAgent": agent, "acceptLanguage": "es-ES"}),
    )
    .await
    .unwrap();
    b.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    assert_eq!(
        b.js("return [navigator.languages[0], document.documentElement.lang]")
            .await
            .unwrap(),
        json!(["es-ES", "es"])
    );
    assert_eq!(
        b.text("#weights-h").await.unwrap(),
        message("es", "weights")
    );
    // The link does not name the language: shared, it opens in its reader's.
    assert!(!b.query().await.unwrap().contains("lang="));
    b.close().await;
}

/// The notices and failures the loader gives at start, before the language's file has arrived,
/// show in the page's language: a first dataset that cannot be fetched (the browser's own words
/// kept within), and a link naming a dataset that does not exist.
#[tokio::test(flavor = "multi_thread")]
async fn the_loaders_notices_at_start_are_in_the_pages_language() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    // The first dataset cannot be fetched (before any service worker could keep a copy):
    // nothing to show, said in French.
    b.cdp("Network.enable", json!({})).await.unwrap();
    b.cdp("Network.setBlockedURLs", json!({"urls": ["*data/ftri*"]}))
        .await
        .unwrap();
    b.client
        .goto(&format!("{}?lang=fr", site.url))
        .await
        .unwrap();
    b.wait_for(".empty-state[role=alert]", 30).await.unwrap();
    let failed = b.text(".empty-state[role=alert] p").await.unwrap();
    let fetch = message("fr", "fetch-failed");
    let fetch = fetch.split("{ $file }").next().unwrap();
    assert!(failed.contains(fetch), "{failed}");
    assert!(failed.contains("data/ftri"), "{failed}");
    b.cdp("Network.setBlockedURLs", json!({"urls": []}))
        .await
        .unwrap();
    // A link naming a dataset that does not exist: the default, and a notice in French.
    b.open(&format!("{}?b=nope&lang=fr", site.url))
        .await
        .unwrap();
    let want = message("fr", "link-no-dataset").replace("{ $dataset }", "nope");
    let notices = b.notices().await.unwrap();
    assert!(notices.contains(&want), "{notices}");
}

/// In Arabic a signed number keeps its sign before it: the gap's change is put between FIRST
/// STRONG ISOLATE and POP DIRECTIONAL ISOLATE (`i18n::isolate`), so "+0.4" does not show as
/// "0.4+"; in French it has none.
#[tokio::test(flavor = "multi_thread")]
async fn signed_numbers_are_isolated_in_arabic() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    for (lang, isolated) in [("ar", true), ("fr", false)] {
        b.open(&format!("{}?b=ftri&lang={lang}", site.url))
            .await
            .unwrap();
        b.set_weight("rd", "5").await.unwrap();
        let change = b
            .until_text("#gap-table tbody tr:first-child .gap-change", 10, |t| {
                !t.is_empty()
            })
            .await
            .unwrap();
        let signed = change.trim_matches(['\u{2068}', '\u{2069}']);
        assert!(signed.starts_with(['+', '−']), "{lang}: {change:?}");
        assert_eq!(
            change.starts_with('\u{2068}') && change.ends_with('\u{2069}'),
            isolated,
            "{lang}: {change:?}"
        );
    }
}
