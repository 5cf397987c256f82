//! One's own data (`index_data::import`): the first byte chooses the options (layout,
//! delimiter, decimal comma, encoding, whether the second half of the rest is a framework file),
//! the rest is the file (or the data and framework files). Any bytes import without a panic:
//! an `Err` holds at least one error, each problem names a file given; an `Ok` holds only
//! warnings, a bundle whose JSON reads back equal, values all finite, and its default view
//! prepares and scores soundly.
#![no_main]

use index_core::bundle::Bundle;
use index_core::pipeline;
use index_data::import::{import, InputFile, Layout, Options, Problem, Severity};
use index_data::read::Encoding;
use index_fuzz::check_results;
use libfuzzer_sys::fuzz_target;

/// The options the first byte `b` chooses.
fn options(b: u8) -> Options {
    let layout = [
        None,
        Some(Layout::Long),
        Some(Layout::Wide),
        Some(Layout::PerIndicator),
    ][usize::from(b & 3)];
    let delimiter = [None, Some(b','), Some(b';'), Some(b'\t')][usize::from((b >> 2) & 3)];
    let decimal_comma = [None, Some(true)][usize::from((b >> 4) & 1)];
    let encoding = [None, Some(Encoding::Latin1)][usize::from((b >> 5) & 1)];
    Options {
        layout,
        delimiter,
        decimal_comma,
        encoding,
        ..Options::default()
    }
}

/// The places a problem names are in the files given.
fn names_a_file(p: &Problem) -> bool {
    let text = p.to_string();
    text.starts_with("data.csv")
        || text.starts_with("meta.csv")
        || matches!(
            p,
            Problem::TooLarge { .. } | Problem::Engine { .. } | Problem::LowCoverage { .. }
        )
}

fn check_bundle(b: &Bundle) {
    let json = b.to_json().expect("a valid bundle writes");
    assert_eq!(&Bundle::from_json(&json).expect("and reads back"), b);
    let ds = b.dataset();
    for u in 0..ds.units().len() {
        for i in 0..ds.indicators().len() {
            for &y in ds.years() {
                if let Some(v) = ds.value(u, i, y) {
                    assert!(v.is_finite(), "unit {u} indicator {i} {y}: {v}");
                }
            }
        }
    }
    let f = b.framework();
    if let Ok(r) = pipeline::run(ds, f, b.method(), &f.weights(), b.default_year()) {
        check_results(f, &r);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let with_framework = first & 0x40 != 0;
    let (bytes, meta) = if with_framework {
        let (a, b) = rest.split_at(rest.len() / 2);
        (a, Some(b))
    } else {
        (rest, None)
    };
    let file = InputFile {
        name: "data.csv",
        bytes,
    };
    let framework = meta.map(|bytes| InputFile {
        name: "meta.csv",
        bytes,
    });
    match import(&[file], framework, &options(first)) {
        Ok(i) => {
            for p in i.report.problems.list() {
                assert_eq!(p.severity(), Severity::Warning, "{p}");
                assert!(names_a_file(p), "{p}");
            }
            check_bundle(&i.bundle);
        }
        Err(report) => {
            assert!(report.problems.has_errors(), "{report}");
            for p in report.problems.list() {
                assert!(names_a_file(p), "{p}");
            }
        }
    }
});
