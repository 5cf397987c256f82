//! The engine: fuzz bytes → a random framework, dataset, method, weights and year
//! (`index_fuzz::engine`) → `prepare` and `score` give `Ok` or a typed error, never a panic;
//! `Ok` results hold no non-finite number (not even kept inside as "missing"), ranks are the
//! competition ranks of the index scores, `prepare_reusing` gives what `prepare` gives, group
//! comparisons and an uncertainty run of a few draws stay finite and in range.
#![no_main]

use std::sync::Arc;

use arbitrary::Unstructured;
use index_core::groups;
use index_core::method::Method;
use index_core::pipeline;
use index_core::uncertainty::Run;
use index_fuzz::{debug_has_non_finite, engine, score_and_check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(case) = engine::case(&mut u) else {
        return;
    };
    let Ok(framework) = case.framework() else {
        return;
    };
    let Ok(method) = Method::new(case.method.clone()) else {
        return;
    };
    let weights = case
        .weights(&framework)
        .unwrap_or_else(|_| framework.weights());
    let (dataset, year) = (&case.dataset, case.year);
    let prepared = match pipeline::prepare(dataset, &framework, &method, year) {
        Ok(p) => p,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    // Preparing into a spent result's memory gives what a fresh one gives, bit for bit.
    if let Ok(second) = Method::new(case.second.clone()) {
        let fresh = pipeline::prepare(dataset, &framework, &second, year);
        let reused =
            pipeline::prepare_reusing(dataset, &framework, &second, year, prepared.clone());
        match (fresh, reused) {
            (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "prepare_reusing"),
            (Err(a), Err(b)) => assert_eq!(a, b),
            (a, b) => panic!("prepare gave {:?}, prepare_reusing {:?}", a.err(), b.err()),
        }
    }
    let results = score_and_check(prepared, &framework, &weights);
    // Scoring the same prepared data again under the framework's own weights.
    let again = Arc::clone(&results.prepared);
    if let Ok(r) = again.score(&framework, &framework.weights()) {
        index_fuzz::check_results(&framework, &r);
    }
    match groups::compare_groups(dataset, &framework, &results, &["LDC", "developed", "r0"]) {
        Ok(c) => {
            assert!(!debug_has_non_finite(&format!("{c:?}"), false), "{c:?}");
            if let Some(sentence) = c.sentence() {
                assert!(!sentence.is_empty());
            }
        }
        Err(e) => panic!("the groups exist: {e}"),
    }
    if let Some(plan) = &case.plan {
        let groups = ["LDC", "developed"];
        if let Ok(mut run) = Run::new(dataset, &framework, &method, &weights, year, &groups, plan) {
            run.advance(plan.draws);
            let done = run.finish();
            let ranked = results.ranked() as u32;
            for s in done.summary() {
                for r in [s.nominal, s.median, s.q05, s.q95, s.range.0, s.range.1] {
                    assert!(r <= results.units() as u32, "rank {r} of {s:?}");
                }
                assert!(s.nominal >= 1 && s.nominal <= ranked, "{s:?}");
            }
            for g in done.gaps() {
                assert!(!debug_has_non_finite(&format!("{g:?}"), false), "{g:?}");
            }
        }
    }
});
