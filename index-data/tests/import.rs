//! Bring your own data: the small made-up files in `tests/fixtures/import/` (one per layout and
//! per way a file can be broken) with the messages expected, and the real JRC ASEM pair in the
//! shared data directory, which must rank exactly as the built-in `asem` bundle.

// Test helpers panic on failure, as the tests themselves do.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;

use index_core::pipeline;
use index_data::import::{import, Imported, InputFile, Layout, Options, Report, Severity};
use index_data::read::Encoding;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name),
    )
    .unwrap()
}

/// Imports the fixtures `names` (the first `framework:`-prefixed one as the framework).
fn run(names: &[&str], options: &Options) -> Result<Imported, Box<Report>> {
    let files: Vec<(String, Vec<u8>)> = names
        .iter()
        .map(|n| {
            (
                n.trim_start_matches("framework:").to_string(),
                fixture(n.trim_start_matches("framework:")),
            )
        })
        .collect();
    let fw = names
        .iter()
        .position(|n| n.starts_with("framework:"))
        .map(|i| InputFile {
            name: &files[i].0,
            bytes: &files[i].1,
        });
    let data: Vec<InputFile<'_>> = files
        .iter()
        .enumerate()
        .filter(|(i, _)| !names[*i].starts_with("framework:"))
        .map(|(_, (n, b))| InputFile { name: n, bytes: b })
        .collect();
    import(&data, fw, options)
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

#[track_caller]
fn value(i: &Imported, unit: &str, indicator: &str, year: i32) -> Option<f64> {
    let ds = i.bundle.dataset();
    ds.value(
        ds.unit_position(unit).unwrap(),
        ds.indicator_position(indicator).unwrap(),
        year,
    )
}

#[test]
fn a_long_file_lists_every_row_it_does_not_use() {
    let i = run(&["long.csv"], &Options::default()).unwrap();
    let ds = i.bundle.dataset();
    let codes: Vec<&str> = ds.units().iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["R1", "R2", "R3"]);
    assert_eq!(value(&i, "R2", "health", 2020), Some(0.7));
    assert_eq!(value(&i, "R3", "income", 2020), Some(11.0));
    assert_eq!(i.report.files[0].layout, Some(Layout::Long));
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "long.csv:1, column 5 (`Flag`): column not used: not a unit, name, indicator, year \
             or value column",
            "long.csv:7, column 4 (`Value`): `n.a.` is not a number: read as missing",
            "long.csv:9, column 1 (`Unit`): row not used: no unit code",
            "long.csv:10, column 3 (`Year`): row not used: `20x0` is not a year",
        ]
    );
    // Every indicator under one index, equal weights; R1 < R3 < R2 on both.
    let f = i.bundle.framework();
    let r = pipeline::run(ds, f, i.bundle.method(), &f.weights(), 2020).unwrap();
    assert_eq!(r.ranks, [Some(3), Some(1), Some(2)]);
    assert_eq!(
        i.report.framework,
        "every indicator under one index, equal weights"
    );
}

#[test]
fn semicolons_and_decimal_commas_are_detected_and_a_duplicate_unit_listed() {
    let i = run(&["wide_semicolon_decimal_comma.csv"], &Options::default()).unwrap();
    let f = &i.report.files[0];
    assert_eq!(
        (
            f.text().unwrap().delimiter,
            f.text().unwrap().decimal_comma,
            f.layout
        ),
        (b';', true, Some(Layout::Wide))
    );
    assert_eq!(
        f.to_string(),
        "wide_semicolon_decimal_comma.csv: UTF-8 (detected), delimiter `;` (detected), decimal \
         comma (detected), layout wide (detected), 4 rows"
    );
    assert_eq!(value(&i, "A3", "gdp", 2000), Some(9.75));
    assert_eq!(value(&i, "A2", "gdp", 2000), Some(13.0));
    assert_eq!(i.bundle.dataset().units()[1].name, "Beta");
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "wide_semicolon_decimal_comma.csv:1, column 3 (`region`): text only (2 distinct \
             values): read as a group",
            "wide_semicolon_decimal_comma.csv:1, column 6 (`spare`): the column is empty: not an \
             indicator",
            "wide_semicolon_decimal_comma.csv:5, column 1 (`code`): unit `A2` already has a row \
             (line 3): this row is not used",
        ]
    );
    // The region is a group family, compared by default.
    assert_eq!(
        i.bundle.default_groups(),
        &["region:North".to_string(), "region:South".to_string()]
    );
    assert!(i.bundle.dataset().indicator("spare").is_some());
    assert!(i.bundle.framework().nodes().iter().all(|n| n.id != "spare"));
}

#[test]
fn a_wrong_delimiter_given_is_an_error_that_says_so() {
    let options = Options {
        delimiter: Some(b','),
        ..Options::default()
    };
    let r = run(&["wide_semicolon_decimal_comma.csv"], &options).unwrap_err();
    assert_eq!(
        messages(&r, Severity::Error),
        [
            "wide_semicolon_decimal_comma.csv:1: split by `,` the header is one column \
          (`code;name;region;gdp;literacy;spare`): is the delimiter another one (`,` `;` tab)?"
        ]
    );
}

#[test]
fn text_in_numbers_is_listed_and_a_constant_indicator_flagged() {
    let i = run(&["text_in_numbers.csv"], &Options::default()).unwrap();
    assert_eq!(value(&i, "Y", "score", 2000), None);
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "text_in_numbers.csv:3, column 2 (`score`): `abc` is not a number: read as missing",
            "text_in_numbers.csv:1, column 3 (`constant`): indicator `constant` is 5 for all its \
             3 values: it cannot tell units apart",
        ]
    );
}

#[test]
fn latin1_utf16_and_byte_order_marks_are_decoded_and_reported() {
    let i = run(&["latin1.csv"], &Options::default()).unwrap();
    assert_eq!(i.report.files[0].text().unwrap().encoding, Encoding::Latin1);
    assert_eq!(i.bundle.dataset().units()[0].name, "Préfecture");
    let i = run(&["utf16.csv"], &Options::default()).unwrap();
    let f = &i.report.files[0];
    assert_eq!(
        (
            f.text().unwrap().encoding,
            f.text().unwrap().bom,
            f.text().unwrap().delimiter
        ),
        (Encoding::Utf16Le, true, b'\t')
    );
    assert_eq!(i.bundle.dataset().units()[1].name, "Zoë");
    assert!(f.to_string().starts_with(
        "utf16.csv: UTF-16LE with byte-order mark (detected), delimiter tab (detected)"
    ));
    let i = run(&["bom.csv"], &Options::default()).unwrap();
    assert_eq!(
        (
            i.report.files[0].text().unwrap().encoding,
            i.report.files[0].text().unwrap().bom
        ),
        (Encoding::Utf8, true)
    );
    assert_eq!(value(&i, "U1", "a", 2000), Some(1.0));
    // Latin-1 text forced to be read as UTF-8 names the line and byte.
    let options = Options {
        encoding: Some(Encoding::Utf8),
        ..Options::default()
    };
    let r = run(&["latin1.csv"], &options).unwrap_err();
    assert_eq!(
        messages(&r, Severity::Error),
        ["latin1.csv:2: not valid UTF-8 text (byte 6 of the line)"]
    );
}

#[test]
fn a_layout_given_that_does_not_fit_is_an_error() {
    let long = Options {
        layout: Some(Layout::Long),
        ..Options::default()
    };
    let r = run(&["text_in_numbers.csv"], &long).unwrap_err();
    assert_eq!(
        messages(&r, Severity::Error),
        [
            "text_in_numbers.csv:1: no indicator column (one of indicator, icode, indicator_code, \
          variable, series, measure) in the header `id`, `score`, `constant`"
        ]
    );
    let coinr = Options {
        layout: Some(Layout::Coinr),
        ..Options::default()
    };
    let r = run(&["text_in_numbers.csv"], &coinr).unwrap_err();
    assert_eq!(
        messages(&r, Severity::Error),
        [
            "text_in_numbers.csv: the coinr layout needs its framework metadata file \
          (`--framework`)"
        ]
    );
}

#[test]
fn an_empty_file_is_an_error() {
    let r = run(&["empty.csv"], &Options::default()).unwrap_err();
    assert_eq!(
        messages(&r, Severity::Error),
        ["empty.csv: the file is empty"]
    );
    assert!(r.to_string().ends_with("1 error(s), 0 warning(s)"), "{r}");
}

#[test]
fn a_framework_with_an_unknown_parent_and_a_missing_denominator_is_refused() {
    let r = run(
        &["no_pop.csv", "framework:framework_unknown_parent.csv"],
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        messages(&r, Severity::Warning),
        [
            "no_pop.csv:1, column 4 (`c`): column not used: `framework_unknown_parent.csv` does \
          not name it: kept in the data, not in the index"
        ]
    );
    assert_eq!(
        messages(&r, Severity::Error)[..2],
        [
            "framework_unknown_parent.csv:3: the parent of `b`, `Q`, is not in the framework",
            "framework_unknown_parent.csv:3: indicator `b` is divided by `pop`, which is not a \
             column of the data",
        ]
    );
}

#[test]
fn per_indicator_files_keep_the_country_as_a_group() {
    let i = run(&["per_indicator_health.csv"], &Options::default()).unwrap();
    assert_eq!(i.report.files[0].layout, Some(Layout::PerIndicator));
    let ds = i.bundle.dataset();
    assert_eq!(ds.years(), [2017, 2018]);
    assert_eq!(
        value(&i, "ALAr101", "per_indicator_health", 2017),
        Some(0.4)
    );
    assert_eq!(value(&i, "ALAr101", "per_indicator_health", 2018), None);
    assert_eq!(ds.units()[1].name, "North");
    assert!(ds.units()[2].groups.contains(&"ISO_Code:BLA".to_string()));
    assert_eq!(i.bundle.default_year(), 2018);
    assert_eq!(
        messages(&i.report, Severity::Warning),
        ["unit `ALAr101` has 0 of the 1 indicators in 2018, below the coverage threshold of 50%"]
    );
}

/// The real ASEM pair, imported as a person would, ranks exactly as the built-in bundle under
/// the JRC's method.
#[test]
fn the_jrc_asem_pair_ranks_exactly_as_the_built_in_bundle() {
    let dir = index_data::default_data_dir();
    let data = std::fs::read(dir.join("jrc/asem_indicators.csv")).unwrap();
    let meta = std::fs::read(dir.join("jrc/asem_framework.csv")).unwrap();
    let options = Options {
        method: Some(index_data::bundles::asem::method().unwrap()),
        ..Options::default()
    };
    let i = import(
        &[InputFile {
            name: "asem_indicators.csv",
            bytes: &data,
        }],
        Some(InputFile {
            name: "asem_framework.csv",
            bytes: &meta,
        }),
        &options,
    )
    .unwrap();
    assert_eq!(i.report.files[1].layout, Some(Layout::Coinr));
    assert_eq!(
        messages(&i.report, Severity::Warning),
        Vec::<String>::new(),
        "{}",
        i.report
    );
    let built = index_data::build(&dir, "asem").unwrap();
    let (a, b) = (&built.bundle, &i.bundle);
    let year = a.default_year();
    assert_eq!(b.default_year(), year);
    let ra = pipeline::run(
        a.dataset(),
        a.framework(),
        a.method(),
        &a.framework().weights(),
        year,
    )
    .unwrap();
    let rb = pipeline::run(
        b.dataset(),
        b.framework(),
        b.method(),
        &b.framework().weights(),
        year,
    )
    .unwrap();
    let ranked = |bundle: &index_core::bundle::Bundle, r: &pipeline::Results| {
        let mut v: Vec<(String, Option<u32>, Option<f64>)> = bundle
            .dataset()
            .units()
            .iter()
            .enumerate()
            .map(|(u, unit)| (unit.code.clone(), r.ranks[u], r.index(u)))
            .collect();
        v.sort_by(|x, y| x.0.cmp(&y.0));
        v
    };
    let (xa, xb) = (ranked(a, &ra), ranked(b, &rb));
    assert_eq!(xa.len(), 51);
    assert_eq!(xa, xb);
}

#[test]
fn a_wide_file_with_a_year_column_is_a_panel() {
    let i = run(&["wide_with_year.csv"], &Options::default()).unwrap();
    assert_eq!(i.bundle.dataset().years(), [2020, 2021]);
    assert_eq!(value(&i, "U1", "b", 2021), Some(20.0));
    assert_eq!(value(&i, "U2", "b", 2021), None);
    assert_eq!(i.bundle.default_year(), 2021);
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "wide_with_year.csv:6, column 2 (`Code`): unit `U2` already has a row (line 5): this \
          row is not used"
        ]
    );
}

#[test]
fn a_world_bank_file_skips_its_preamble_and_takes_the_indicator_code() {
    let i = run(&["worldbank_style.csv"], &Options::default()).unwrap();
    let f = &i.report.files[0];
    assert_eq!(
        (f.layout, f.text().unwrap().bom, f.rows),
        (Some(Layout::PerIndicator), true, 2)
    );
    assert_eq!(value(&i, "ALA", "XX.TEST.IND", 2021), Some(2.5));
    assert_eq!(value(&i, "BLA", "XX.TEST.IND", 2020), Some(4.0));
    assert_eq!(i.bundle.dataset().units()[1].name, "Bland");
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "worldbank_style.csv: 4 line(s) before the header not read",
            "unit `BLA` has 0 of the 1 indicators in 2021, below the coverage threshold of 50%",
        ]
    );
}

/// The Global Data Lab's three dimension indices: 1,952 regions and national rows, their
/// country kept as a group.
#[test]
fn the_three_gdl_files_import_with_the_country_as_a_group() {
    let dir = index_data::default_data_dir().join("gdl");
    let names = [
        "GDL-Health-index-data.csv",
        "GDL-Educational-index--data.csv",
        "GDL-Income-index-data.csv",
    ];
    let bytes: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(dir.join(n)).unwrap())
        .collect();
    let files: Vec<InputFile<'_>> = names
        .iter()
        .zip(&bytes)
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let i = import(&files, None, &Options::default()).unwrap();
    let ds = i.bundle.dataset();
    assert_eq!((ds.units().len(), ds.indicators().len()), (1952, 3));
    assert_eq!(ds.years().first(), Some(&1990));
    assert_eq!(ds.years().last(), Some(&2018));
    let u = ds.unit_position("AFGr101").unwrap();
    assert!(ds.units()[u].groups.contains(&"ISO_Code:AFG".to_string()));
    // Every row of the three files is used: only coverage warnings.
    let w = messages(&i.report, Severity::Warning);
    assert!(
        w.iter().all(|m| m.contains("below the coverage threshold")),
        "{w:?}"
    );
    assert_eq!(i.bundle.default_groups()[0], "Level:National");
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any long CSV written from a table of values (some missing) imports back to the
        /// same values, whatever the delimiter and decimal mark.
        #[test]
        fn a_long_csv_imports_back_to_its_values(
            values in proptest::collection::vec(
                proptest::collection::vec(proptest::option::of(-1e6f64..1e6), 3),
                2..12,
            ),
            semicolon in any::<bool>(),
        ) {
            let (d, comma) = if semicolon { (';', true) } else { (',', false) };
            let mut csv = format!("unit{d}indicator{d}year{d}value\n");
            for (u, row) in values.iter().enumerate() {
                for (k, v) in row.iter().enumerate() {
                    let text = v.map_or(String::new(), |v| {
                        let t = format!("{v:?}");
                        if comma { t.replace('.', ",") } else { t }
                    });
                    csv.push_str(&format!("u{u}{d}i{k}{d}2020{d}{text}\n"));
                }
            }
            let options = Options { decimal_comma: Some(comma), ..Options::default() };
            let file = InputFile { name: "random.csv", bytes: csv.as_bytes() };
            match import(&[file], None, &options) {
                Ok(i) => {
                    let ds = i.bundle.dataset();
                    for (u, row) in values.iter().enumerate() {
                        for (k, v) in row.iter().enumerate() {
                            let got = ds.indicator_position(&format!("i{k}")).and_then(|ind| {
                                ds.value(ds.unit_position(&format!("u{u}"))?, ind, 2020)
                            });
                            prop_assert_eq!(got, *v);
                        }
                    }
                }
                // Only when no indicator has a value, or a constant one is all there is.
                Err(r) => prop_assert!(
                    values.iter().flatten().filter(|v| v.is_some()).count() < 2,
                    "{}", r
                ),
            }
        }
    }
}

#[test]
fn a_value_given_twice_keeps_the_first_and_lists_the_second() {
    let csv = b"unit,indicator,value\nA,x,1\nB,x,2\nA,x,3\n";
    let file = InputFile {
        name: "twice.csv",
        bytes: csv,
    };
    let i = import(&[file], None, &Options::default()).unwrap();
    assert_eq!(value(&i, "A", "x", 2000), Some(1.0));
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "twice.csv:4, column 3 (`value`): `x` for `A` in 2000 given again (first at \
          twice.csv:2, column 3 (`value`)): not used"
        ]
    );
}

/// The one country table (UN M49's, from the shared data).
fn m49() -> std::sync::Arc<index_data::countries::Countries> {
    let dir = index_data::default_data_dir();
    std::sync::Arc::new(index_data::read::m49::read(&dir.join("un/m49_countries.csv")).unwrap())
}

#[test]
fn in_country_data_a_unit_that_is_no_country_gets_a_suggestion() {
    let options = Options {
        countries: Some(m49()),
        ..Options::default()
    };
    let i = run(&["countries_did_you_mean.csv"], &options).unwrap();
    assert_eq!(i.bundle.dataset().units().len(), 13, "every unit is kept");
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "countries_did_you_mean.csv:5, column 1 (`code`): unknown country code `KEY`: did \
             you mean KEN (Kenya)?",
            "countries_did_you_mean.csv:6, column 1 (`code`): unknown country code `KNE`: did \
             you mean KEN (Kenya)?",
            "countries_did_you_mean.csv:7, column 1 (`code`): unknown country code `XYZ` (kept \
             as a unit of its own)",
            "countries_did_you_mean.csv:9, column 1 (`code`): unit `Norwey`: `Norwey` is not a \
             country name of the table: did you mean Norway (NOR)?",
        ]
    );
    // Without the table, nothing is said about countries.
    let i = run(&["countries_did_you_mean.csv"], &Options::default()).unwrap();
    assert_eq!(messages(&i.report, Severity::Warning), Vec::<String>::new());
}

#[test]
fn units_that_are_mostly_not_countries_are_not_checked_as_countries() {
    let options = Options {
        countries: Some(m49()),
        ..Options::default()
    };
    let i = run(&["regions_not_countries.csv"], &options).unwrap();
    assert_eq!(messages(&i.report, Severity::Warning), Vec::<String>::new());
}
