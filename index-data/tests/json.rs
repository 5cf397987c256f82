//! This app's own JSON files through the import: a bundle it wrote imports back equal; a
//! scenario file given with data sets the imported view (what does not fit listed); bad JSON,
//! JSON of something else, or a scenario without data are refused naming the file.

// Test helpers panic on failure, as the tests themselves do.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use index_core::scenario::Scenario;
use index_data::import::{import, Format, Imported, InputFile, Options, Report, Severity};

const LONG: &str = "unit,indicator,year,value\nA,x,2020,1\nB,x,2020,2\nC,x,2020,3\n\
                    A,y,2020,3\nB,y,2020,1\nC,y,2020,2\n";

fn run(files: &[(&str, &[u8])]) -> Result<Imported, Box<Report>> {
    let files: Vec<InputFile<'_>> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    import(&files, None, &Options::default())
}

fn messages(report: &Report, severity: Severity) -> Vec<String> {
    report
        .problems
        .list()
        .iter()
        .filter(|p| p.severity() == severity)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_bundle_written_by_the_import_imports_back_equal() {
    let first = run(&[("data.csv", LONG.as_bytes())]).unwrap();
    let json = first.bundle.to_json().unwrap();
    let again = run(&[("bundle.json", json.as_bytes())]).unwrap();
    assert_eq!(again.bundle, first.bundle);
    assert_eq!(again.report.files[0].format, Format::Bundle);
    assert_eq!((again.report.units, again.report.indicators), (3, 2));
    assert!(again
        .report
        .to_string()
        .starts_with("bundle.json: a bundle JSON of this app, 3 units\n"));
    // Not with data files beside it.
    let r = run(&[
        ("bundle.json", json.as_bytes()),
        ("data.csv", LONG.as_bytes()),
    ])
    .unwrap_err();
    assert_eq!(
        messages(&r, Severity::Error),
        [
            "data.csv: `bundle.json` is a bundle JSON, a whole dataset: import it alone (with \
          scenario files if any)"
        ]
    );
}

#[test]
fn a_scenario_given_with_the_data_sets_the_view_and_lists_what_does_not_fit() {
    let s = Scenario {
        name: "x counts double".into(),
        bundle: "elsewhere".into(),
        weights: BTreeMap::from([("x".into(), 2.0), ("nope".into(), 1.0)]),
        ..Scenario::default()
    };
    let json = s.to_json();
    let i = run(&[
        ("data.csv", LONG.as_bytes()),
        ("view.json", json.as_bytes()),
    ])
    .unwrap();
    let fw = i.bundle.framework();
    let x = fw.nodes().iter().position(|n| n.id == "x").unwrap();
    let y = fw.nodes().iter().position(|n| n.id == "y").unwrap();
    // The known weight applies, the unknown one is listed.
    assert_eq!((fw.nodes()[x].weight, fw.nodes()[y].weight), (2.0, 1.0));
    let w = messages(&i.report, Severity::Warning);
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(
        w[0],
        "view.json: scenario: made on bundle `elsewhere`, applied to the data imported \
         (`your-data`)"
    );
    assert!(
        w[1].starts_with("view.json: scenario: ") && w[1].contains("nope"),
        "{w:?}"
    );
    assert_eq!(i.report.files[1].format, Format::Scenarios(1));
    // Every weight known: applied.
    let s = Scenario {
        bundle: "your-data".into(),
        weights: BTreeMap::from([("x".into(), 3.0)]),
        ..Scenario::default()
    };
    let json = s.to_json();
    let i = run(&[
        ("data.csv", LONG.as_bytes()),
        ("view.json", json.as_bytes()),
    ])
    .unwrap();
    let fw = i.bundle.framework();
    let x = fw.nodes().iter().position(|n| n.id == "x").unwrap();
    assert_eq!(fw.nodes()[x].weight, 3.0);
    assert_eq!(messages(&i.report, Severity::Warning), Vec::<String>::new());
}

#[test]
fn json_that_cannot_be_used_is_refused_naming_the_file() {
    let scenario = Scenario::default().to_json();
    for (bytes, want) in [
        (
            &b"{\"dataset\": 1, \"framework\": 2}"[..],
            "b.json: not a bundle this app reads: ",
        ),
        (b"{\"a\": [1, 2", "b.json: not a JSON object: "),
        (
            b"{\"colour\": \"red\"}",
            "b.json: JSON, but neither a bundle (`dataset`, `framework`) nor a scenario file \
             (`bundle` or `scenarios`) of this app",
        ),
        (
            b"{\"bundle\": \"x\", \"weights\": {\"a\": \"heavy\"}}",
            "b.json: not a scenario file this app reads: ",
        ),
        (
            b"{\xff}",
            "b.json: a JSON file must be UTF-8 text (byte 2 is not)",
        ),
        (
            scenario.as_bytes(),
            "b.json: a scenario file holds no data: import it with the data it was made on, \
             or open it in the explorer",
        ),
    ] {
        let r = run(&[("b.json", bytes)]).unwrap_err();
        let m = messages(&r, Severity::Error);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with(want), "{m:?}");
    }
}

#[test]
fn progress_comes_after_each_file_and_ends_at_the_total() {
    let s = Scenario {
        bundle: "your-data".into(),
        ..Scenario::default()
    }
    .to_json();
    let files = [
        InputFile {
            name: "view.json",
            bytes: s.as_bytes(),
        },
        InputFile {
            name: "data.csv",
            bytes: LONG.as_bytes(),
        },
    ];
    let mut seen = Vec::new();
    let i =
        index_data::import::import_with_progress(&files, None, &Options::default(), &mut |d, t| {
            seen.push((d, t));
        });
    assert!(i.is_ok());
    assert_eq!(seen, [(1, 3), (2, 3), (3, 3)]);
    // A failed import never reaches the total.
    let mut seen = Vec::new();
    let r = index_data::import::import_with_progress(
        &[InputFile {
            name: "e.csv",
            bytes: b"",
        }],
        None,
        &Options::default(),
        &mut |d, t| seen.push((d, t)),
    );
    assert!(r.is_err());
    assert!(seen.iter().all(|(d, t)| d < t), "{seen:?}");
}
