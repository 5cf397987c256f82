//! URL state: any text as a link's query → `query_pairs`, `Scenario::from_query` and the page's
//! own link reader (`app::persist::link::parse`) read it without a panic, and agree on the
//! scenario and its errors (the page's reader adds only an unknown language's); each error is short (a link is echoed at most in part). The
//! scenario is then resolved against two small bundles of the real shape (`ftri`,
//! `ftri-2021`): the strict and lenient readings agree, what lenient resolution keeps resolves
//! again to itself and round-trips through the link and JSON, a scenario that resolves without
//! error round-trips the same way, and what it scores is finite and ranked consistently.
#![no_main]

use index_core::scenario::{query_pairs, Scenario};
use libfuzzer_sys::fuzz_target;

// The page's link reader, compiled from the app's own source: it is pure (index-core and the
// chart names), so the fuzz crate need not build Leptos and the browser bindings for it.
#[allow(dead_code)] // the app's; only `parse` is fuzzed
#[path = "../../app/src/charts/kind.rs"]
mod kind;
mod charts {
    pub use super::kind::ChartKind;
}
#[allow(dead_code)] // the app's; only `parse` is fuzzed
#[path = "../../app/src/i18n/lang.rs"]
mod lang;
mod i18n {
    pub use super::lang::Lang;
}
#[allow(dead_code)] // the app's; only `parse` is fuzzed
#[path = "../../app/src/persist/link.rs"]
mod link;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    for (key, _) in query_pairs(&query) {
        assert!(!key.contains('&'), "{key}");
    }
    let (scenario, errors) = Scenario::from_query(&query);
    for e in &errors {
        let text = e.to_string();
        assert!(text.chars().count() <= 400, "too long an error: {text}");
    }
    let link = link::parse(&query);
    if let Some(embed) = &link.embed {
        if let Err(named) = &embed.chart {
            assert!(
                named.chars().count() <= 41,
                "the embed's text is echoed in part: {named}"
            );
        }
    }
    assert_eq!(
        link.scenario, scenario,
        "the page reads the scenario the engine reads"
    );
    // The page's own parameters add no error but an unknown language's (`lang`), which the
    // engine does not read.
    let (lang_errors, scenario_errors): (Vec<_>, Vec<_>) = link
        .errors
        .iter()
        .cloned()
        .partition(|e| e.to_string().contains("URL parameter `lang`"));
    assert_eq!(scenario_errors, errors);
    assert!(
        lang_errors.is_empty() || query_pairs(&query).any(|(key, _)| key == "lang"),
        "{lang_errors:?}"
    );
    index_fuzz::check_against_bundles(&scenario);
});
