//! "What would it take?" in a real headless Chromium: follow Kenya, ask for rank 50 with every
//! indicator improving together, then with one indicator alone; the worker's answer on the page
//! (status, each indicator's current, needed, change, best and worst observed values, the
//! sentence) is the CLI's (`index target`, same bundle file, same goal) to the decimals shown.
//! Moving a weight afterwards marks the answer as for an earlier view. Without a country followed
//! the panel says how to follow one. The panel is looked at on a desktop and on a phone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed unwrap is a failed test

use e2e::{Browser, Site};
use serde_json::Value;

/// The Run button, shown (Cancel replaces it while a run goes on).
const READY: &str = "#target-run:not([hidden])";

/// A number as the page writes it ("+0.238", "−0.5", "0", "0.345 (2019)").
fn number(text: &str) -> f64 {
    let first = text.split(' ').next().unwrap();
    first.replace('−', "-").replace('+', "").parse().unwrap()
}

/// The decimals of a number as written.
fn decimals(text: &str) -> i32 {
    let first = text.split(' ').next().unwrap();
    first.split('.').nth(1).map_or(0, |d| d.len() as i32)
}

/// `index target` on the served FTRI bundle for Kenya and rank 50, with `indicators` (all when
/// empty), as JSON.
fn cli_target(indicators: &[&str]) -> Value {
    let bundle = e2e::ftri_bundle();
    let list = indicators.join(",");
    let mut args = vec![
        "target", "--bundle", &bundle, "--unit", "KEN", "--rank", "50", "--format", "json",
    ];
    if !indicators.is_empty() {
        args.extend(["--indicators", list.as_str()]);
    }
    e2e::cli_json(&args).unwrap()
}

/// The page's status for the CLI's.
fn status(cli: &str) -> &'static str {
    match cli {
        "reached" => "Reached",
        "already there" => "Already there",
        "out of reach within the observed range" => "Out of reach within the observed range",
        other => panic!("unexpected status {other}"),
    }
}

/// Sets the rank to reach as a person types it.
async fn set_rank(b: &Browser, rank: &str) {
    b.js(&format!(
        "const i = document.querySelector('#target-rank'); i.value = '{rank}'; \
         i.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
}

/// Runs the target and waits for its answer.
async fn run(b: &Browser) {
    b.click("#target-run").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    b.wait_for(READY, 60).await.unwrap();
    b.wait_for("#target-table tbody tr", 10).await.unwrap();
}

/// The table on the page against the CLI's moves, figure by figure to the decimals shown.
async fn check_table(b: &Browser, cli: &Value) -> Vec<Vec<String>> {
    let rows = b.cells("#target-table tbody tr").await.unwrap();
    let moves = cli["moves"].as_array().unwrap();
    assert_eq!(rows.len(), moves.len(), "{rows:?}");
    for (row, m) in rows.iter().zip(moves) {
        assert_eq!(row[0], m["name"].as_str().unwrap());
        assert_eq!(row[1], m["unit"].as_str().unwrap());
        for (cell, field) in [
            (2, "current"),
            (3, "needed"),
            (4, "change"),
            (5, "best_observed"),
            (6, "worst_observed"),
        ] {
            let shown = &row[cell];
            let want = m[field].as_f64().unwrap();
            let tolerance = 0.5 * 10f64.powi(-decimals(shown)) + 1e-12;
            assert!(
                (number(shown) - want).abs() <= tolerance,
                "{} {field}: the page shows {shown}, the CLI {want}",
                row[0]
            );
        }
    }
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn what_it_would_take_is_the_clis_target() {
    let site = Site::start().unwrap();
    let b = Browser::start(1280, 900).await.unwrap();
    b.open(&format!("{}?b=ftri&u=KEN", site.url)).await.unwrap();
    b.wait_for(READY, 30).await.unwrap();
    let hint = b
        .js("return document.querySelector('#targets-none').hidden")
        .await
        .unwrap();
    assert_eq!(hint.as_bool(), Some(true), "a country is followed");
    set_rank(&b, "50").await;
    run(&b).await;

    // Every indicator together.
    let cli = cli_target(&[]);
    assert_eq!(cli["unit"], "KEN");
    let rows = check_table(&b, &cli).await;
    assert_eq!(rows.len(), 5, "the FTRI's five blocks");
    let cli_status = cli["status"].as_str().unwrap();
    assert_eq!(b.text("#target-status").await.unwrap(), status(cli_status));
    let sentence = b.text("#target-sentence").await.unwrap();
    let before = cli["before"]["rank"].as_u64().unwrap();
    if cli_status == "reached" {
        let share = cli["share_of_gaps"].as_f64().unwrap();
        assert!(
            sentence.starts_with(&format!(
                "Kenya would reach rank 50 (now rank {before}) by closing {:.1} % of each indicator's gap",
                100.0 * share
            )),
            "{sentence}"
        );
        // Each change in the sentence as in the table, with its unit and name.
        for row in &rows {
            assert!(
                sentence.contains(&format!("{} {} ({})", row[4], row[1], row[0])),
                "{sentence}"
            );
        }
        let after = cli["after"]["rank"].as_u64().unwrap();
        assert!(after <= 50, "the CLI's answer reaches the rank: {after}");
    }
    let depends = cli["depends"].as_array().unwrap();
    let listed = b
        .js("return [...document.querySelectorAll('#target-depends li')].map(l => l.textContent)")
        .await
        .unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        depends.len(),
        "{listed} against {depends:?}"
    );
    // The same source, edition and licence as every chart of the page.
    let source = b.text("#targets .source").await.unwrap();
    let bars = b.text("figure[data-chart='bars'] .source").await.unwrap();
    assert!(source.contains("UNCTAD"), "{source}");
    assert_eq!(source, bars);
    let stale = b
        .js("return document.querySelector('#target-stale').hidden")
        .await
        .unwrap();
    assert_eq!(stale.as_bool(), Some(true), "of the view shown");
    b.js("document.querySelector('#targets').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    b.screenshot("targets-1280.png").await.unwrap();

    let effort_all = b.text("#target-effort").await.unwrap();
    assert!(
        effort_all.starts_with(&format!("Computed with {} runs", cli["runs"])),
        "{effort_all}"
    );

    // One indicator alone: research and development.
    let others = ["ict", "skills", "industry", "finance"];
    let ids = b
        .js("return [...document.querySelectorAll('.target-indicators input')].map(i => i.id)")
        .await
        .unwrap();
    assert_eq!(
        ids,
        serde_json::json!([
            "target-ind-ict",
            "target-ind-skills",
            "target-ind-rd",
            "target-ind-industry",
            "target-ind-finance"
        ]),
        "the framework's indicators, in order"
    );
    for id in others {
        b.click(&format!("#target-ind-{id}")).await.unwrap();
    }
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let stale = b
        .js("return document.querySelector('#target-stale').hidden")
        .await
        .unwrap();
    assert_eq!(stale.as_bool(), Some(false), "other indicators chosen");
    run(&b).await;
    let cli = cli_target(&["rd"]);
    let rows = check_table(&b, &cli).await;
    assert_eq!(rows[0][0], "Research and development");
    let cli_status = cli["status"].as_str().unwrap();
    assert_eq!(b.text("#target-status").await.unwrap(), status(cli_status));
    let sentence = b.text("#target-sentence").await.unwrap();
    match cli_status {
        "reached" => assert_eq!(
            sentence,
            format!(
                "Kenya would reach rank 50 (now rank {before}) with {} {} (Research and development).",
                rows[0][4], rows[0][1]
            )
        ),
        "out of reach within the observed range" => {
            assert!(
                sentence.starts_with("Kenya would not get rank 50 even with the chosen indicator at the best value any country has: it would be at rank "),
                "{sentence}"
            );
            assert_eq!(rows[0][3], rows[0][5], "needed: the best observed");
        }
        other => panic!("Kenya is not within rank 50 already: {other}"),
    }
    println!(
        "KEN rank 50: all together {} ({effort_all}), R&D alone {cli_status} ({})",
        cli_target(&[])["status"],
        b.text("#target-effort").await.unwrap()
    );

    // Past a rival: the country ten places above Kenya in the CLI's ranking, every indicator.
    let ranking = e2e::cli_ftri_ranking(&[]);
    let at = ranking.iter().position(|u| u["code"] == "KEN").unwrap();
    let rival = ranking[at - 10]["code"].as_str().unwrap().to_string();
    let rival_name = e2e::ftri_label(&rival, ranking[at - 10]["name"].as_str().unwrap());
    for id in others {
        b.click(&format!("#target-ind-{id}")).await.unwrap();
    }
    b.js(&format!(
        "const g = document.querySelector('#target-goal'); g.value = 'past'; \
         g.dispatchEvent(new Event('change', {{bubbles: true}})); \
         const r = document.querySelector('#target-rival'); r.value = '{rival}'; \
         r.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
    ))
    .await
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let shown = b
        .js("return [getComputedStyle(document.querySelector('#target-rank').closest('label')).display, getComputedStyle(document.querySelector('#target-rival').closest('label')).display]")
        .await
        .unwrap();
    assert_eq!(
        shown,
        serde_json::json!(["none", "flex"]),
        "the rival's choice only"
    );
    run(&b).await;
    let bundle = e2e::ftri_bundle();
    let cli = e2e::cli_json(&[
        "target", "--bundle", &bundle, "--unit", "KEN", "--past", &rival, "--format", "json",
    ])
    .unwrap();
    check_table(&b, &cli).await;
    assert_eq!(cli["status"], "reached", "ten places within reach: {cli}");
    let effort = b.text("#target-effort").await.unwrap();
    assert!(
        effort.starts_with(&format!(
            "Computed with {} runs of the whole pipeline in ",
            cli["runs"]
        )),
        "{effort}"
    );
    println!("KEN past {rival}: {effort}");
    assert_eq!(b.text("#target-status").await.unwrap(), "Reached");
    let sentence = b.text("#target-sentence").await.unwrap();
    let after = |k: &str| e2e::shown(cli["after"][k].as_f64().unwrap());
    assert!(
        sentence.starts_with(&format!(
            "Kenya would pass {rival_name} (score {} against {}; now {})",
            after("score"),
            after("rival_score"),
            e2e::shown(cli["before"]["score"].as_f64().unwrap())
        )),
        "{sentence}"
    );

    // Moving a weight: the answer is of the earlier view.
    b.set_weight("rd", "3").await.unwrap();
    let stale = b
        .js("return document.querySelector('#target-stale').hidden")
        .await
        .unwrap();
    assert_eq!(stale.as_bool(), Some(false), "stale after a move");
    b.close().await;

    // On a phone: first without a country followed, then Kenya's answer.
    let phone = Browser::start(360, 780).await.unwrap();
    phone.open(&format!("{}?b=ftri", site.url)).await.unwrap();
    let hint = phone
        .js("return [document.querySelector('#targets-none').hidden, document.querySelector('#targets-none').textContent]")
        .await
        .unwrap();
    assert_eq!(hint[0], false, "not followed: the hint shows");
    assert!(
        hint[1].as_str().unwrap().starts_with("Follow a country"),
        "{hint}"
    );
    phone
        .open(&format!("{}?b=ftri&u=KEN", site.url))
        .await
        .unwrap();
    phone.wait_for(READY, 30).await.unwrap();
    set_rank(&phone, "50").await;
    run(&phone).await;
    phone
        .js("document.querySelector('#targets').scrollIntoView(); return true")
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let past = phone.past_right_edge().await.unwrap();
    assert_eq!(past, serde_json::json!([]), "nothing past the right edge");
    phone.screenshot("targets-360.png").await.unwrap();
    phone.close().await;
}
