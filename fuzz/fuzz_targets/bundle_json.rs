//! Bundle JSON: `Bundle::from_json` (which validates) reads any text without a panic; a bundle
//! that loads writes back to JSON that reads as the same bundle; its default scenario resolves
//! without error and prepares and scores (or fails with a typed error) to finite, consistently
//! ranked results, with every check of `index_fuzz::check_resolving`.
#![no_main]

use index_core::bundle::Bundle;
use index_core::pipeline;
use index_core::scenario::{Resolved, Scenario};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let bundle = match Bundle::from_json(text) {
        Ok(b) => b,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let json = match bundle.to_json() {
        Ok(j) => j,
        Err(e) => panic!("a valid bundle writes: {e}"),
    };
    match Bundle::from_json(&json) {
        Ok(back) => assert_eq!(back, bundle, "through {json}"),
        Err(e) => panic!("a bundle's own JSON does not read back: {e}\n{json}"),
    }
    let defaults = Resolved::defaults(&bundle);
    match pipeline::prepare(
        bundle.dataset(),
        bundle.framework(),
        bundle.method(),
        defaults.year,
    ) {
        Ok(p) => {
            index_fuzz::score_and_check(p, bundle.framework(), &defaults.weights);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let default = Scenario {
        bundle: bundle.id().into(),
        ..Scenario::default()
    };
    match default.resolve(&bundle) {
        Ok(r) => assert_eq!(r, defaults),
        Err(e) => panic!("a bundle's default scenario does not resolve: {e}"),
    }
    index_fuzz::check_resolving(&default, &bundle);
});
