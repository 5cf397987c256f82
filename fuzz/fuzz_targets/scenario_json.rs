//! Scenario JSON of every format version: `Scenario::from_json` and `many_from_json` read any
//! text without a panic (an error otherwise) and agree (a file of one scenario reads as a list
//! of one); a collection written back reads back the same; each scenario, and the same read as
//! format 1 (`Scenario::upgrade`), is resolved against the small bundles with every check of
//! `index_fuzz::check_resolving` (strict and lenient agree, what is kept resolves to itself and
//! round-trips, scores are finite).
#![no_main]

use index_core::scenario::{Scenario, FORMAT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let one = Scenario::from_json(text);
    let many = Scenario::many_from_json(text);
    if let Ok(s) = &one {
        assert_eq!(
            many.as_ref().ok(),
            Some(&vec![s.clone()]),
            "one scenario, or a list of one"
        );
        let mut same = s.clone();
        same.upgrade(FORMAT);
        assert_eq!(&same, s, "upgrading to the current format changes nothing");
    }
    match many {
        Ok(all) => {
            let back = Scenario::many_from_json(&Scenario::many_to_json(&all));
            assert_eq!(back.as_ref().ok(), Some(&all), "{back:?}");
            for s in all.iter().take(3) {
                index_fuzz::check_against_bundles(s);
                let mut old = s.clone();
                old.upgrade(1);
                index_fuzz::check_against_bundles(&old);
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
