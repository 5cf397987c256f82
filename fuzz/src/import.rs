//! What the `import` and `xlsx` targets share: the checks every import result must pass, and
//! the workbooks of the `xlsx` target — written by `rust_xlsxwriter` from a small structure
//! that fuzz bytes choose (sheets, their names, where the table starts, each cell a header
//! word, a number, a year, a code, a formula with its cached value or error, a boolean or
//! nothing), so that most inputs reach the layouts rather than the ZIP checksum; the target's
//! other half feeds raw bytes to the workbook reader.

use arbitrary::Unstructured;
use index_core::bundle::Bundle;
use index_core::pipeline;
use index_data::import::{Imported, Problem, Report, Severity};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Formula, Workbook};

use crate::check_results;

/// Checks an import's result: an `Err` holds at least one error, an `Ok` only warnings; every
/// problem names one of `files` (but for the size, engine and coverage ones); an `Ok` bundle's
/// JSON reads back equal, its values are finite and its default view scores soundly.
pub fn check_import(result: &Result<Imported, Box<Report>>, files: &[&str]) {
    let names_a_file = |p: &Problem| {
        let text = p.to_string();
        files.iter().any(|f| text.starts_with(f))
            || matches!(
                p,
                Problem::TooLarge { .. } | Problem::Engine { .. } | Problem::LowCoverage { .. }
            )
    };
    match result {
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

/// Sheet names: COINr's, a cover sheet's, one that needs quoting in a reference.
const SHEETS: &[&str] = &["Data", "iData", "iMeta", "Data_Raw", "Notes", "My sheet"];
/// Header words: every layout's and the COINr metadata's.
const WORDS: &[&str] = &[
    "uCode",
    "uName",
    "code",
    "name",
    "Time",
    "year",
    "indicator",
    "value",
    "iCode",
    "iName",
    "Level",
    "Parent",
    "Type",
    "Weight",
    "Direction",
    "Denominator",
    "Indicator",
    "Aggregate",
    "Group",
    "gdp",
    "health",
    "x",
    "",
];
/// Unit codes, country-like and not.
const CODES: &[&str] = &["AUT", "KEN", "KEY", "R1", "R2", "Region 7", "12"];
/// Formulas' cached results: numbers, errors, text, a boolean.
const RESULTS: &[&str] = &["1.5", "-2", "#DIV/0!", "#N/A", "#VALUE!", "n/a", "TRUE", ""];

/// A workbook from fuzz bytes (see the module's documentation).
///
/// # Errors
/// When the bytes run out (`arbitrary`'s own error).
pub fn workbook(u: &mut Unstructured<'_>) -> arbitrary::Result<Vec<u8>> {
    let mut book = fixed_workbook();
    for _ in 0..u.int_in_range(1..=3)? {
        let ws = book.add_worksheet();
        let name = *u.choose(SHEETS)?;
        // A name taken keeps the default `SheetN`.
        let _ = ws.set_name(name);
        let (r0, c0) = (u.int_in_range(0..=3u32)?, u.int_in_range(0..=2u16)?);
        let (rows, cols) = (u.int_in_range(0..=12u32)?, u.int_in_range(1..=8u16)?);
        for r in r0..r0 + rows {
            for c in c0..c0 + cols {
                // Errors (a NaN number, say) leave the cell empty: any workbook will do.
                let _ = match u.int_in_range(0..=7u8)? {
                    0 => ws.write_string(r, c, *u.choose(WORDS)?),
                    1 => ws.write_number(r, c, u.arbitrary::<f64>()?),
                    2 => ws.write_number(r, c, f64::from(u.int_in_range(-5..=100i32)?)),
                    3 => ws.write_number(r, c, f64::from(u.int_in_range(1995..=2025i32)?)),
                    4 => ws.write_string(r, c, *u.choose(CODES)?),
                    5 => {
                        ws.write_formula(r, c, Formula::new("=A1").set_result(*u.choose(RESULTS)?))
                    }
                    6 => ws.write_boolean(r, c, u.arbitrary()?),
                    _ => continue,
                };
            }
        }
    }
    book.save_to_buffer()
        .map_err(|_| arbitrary::Error::IncorrectFormat)
}

/// A workbook whose bytes depend only on what is written in it (a fixed creation date).
pub fn fixed_workbook() -> Workbook {
    let mut book = Workbook::new();
    if let Ok(date) = ExcelDateTime::from_ymd(2026, 1, 1) {
        book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    }
    book
}

/// A workbook of `sheets`, each a name and rows of cells from A1 (text, or a number where the
/// text reads as one).
pub fn workbook_of(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = fixed_workbook();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).expect("a valid sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let done = match text.parse::<f64>() {
                    _ if text.is_empty() => continue,
                    Ok(v) => ws.write_number(r, c, v),
                    Err(_) if text.starts_with('#') => {
                        ws.write_formula(r, c, Formula::new("=1/0").set_result(*text))
                    }
                    Err(_) => ws.write_string(r, c, *text),
                };
                done.expect("a cell");
            }
        }
    }
    book.save_to_buffer().expect("a workbook")
}

/// The `xlsx` target's seeds: name and input (first byte: the options; bit 0 set: the rest is
/// the workbook's bytes).
pub fn xlsx_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let wide = workbook_of(&[
        ("Notes", &[&["Made-up figures"]]),
        (
            "Data",
            &[
                &["code", "name", "gdp", "health"],
                &["KEN", "Kenya", "1.5", "0.7"],
                &["KEY", "Kenia", "#DIV/0!", "0.5"],
                &["R1", "Region 1", "2", "n/a"],
            ],
        ),
    ]);
    let coinr = workbook_of(&[
        (
            "iData",
            &[
                &["uCode", "uName", "Group_A", "Time", "x1", "x2", "x3"],
                &["AAA", "Aland", "a", "2020", "1", "5", "2"],
                &["BBB", "Bland", "b", "2020", "2", "3", "4"],
                &["CCC", "Cland", "a", "2020", "3", "1", ""],
            ],
        ),
        (
            "iMeta",
            &[
                &[
                    "Level",
                    "iCode",
                    "iName",
                    "Direction",
                    "Weight",
                    "Unit",
                    "Target",
                    "Denominator",
                    "Parent",
                    "Type",
                ],
                &["1", "x1", "X one", "1", "1", "", "", "", "P1", "Indicator"],
                &["1", "x2", "X two", "-1", "1", "", "", "", "P1", "Indicator"],
                &[
                    "1",
                    "x3",
                    "X three",
                    "1",
                    "1",
                    "",
                    "",
                    "",
                    "Index",
                    "Indicator",
                ],
                &[
                    "2",
                    "P1",
                    "Pillar",
                    "1",
                    "1",
                    "",
                    "",
                    "",
                    "Index",
                    "Aggregate",
                ],
                &["3", "Index", "Index", "1", "1", "", "", "", "", "Aggregate"],
                &["", "Group_A", "Group A", "", "", "", "", "", "", "Group"],
            ],
        ),
    ]);
    let long = workbook_of(&[(
        "Long",
        &[
            &["unit", "indicator", "year", "value"],
            &["A", "x", "2019", "1"],
            &["B", "x", "2019", "2"],
            &["A", "y", "2019", "3"],
            &["B", "y", "2019", "#N/A"],
        ],
    )]);
    let truncated = wide.get(..wide.len() / 2).unwrap_or_default().to_vec();
    let raw = |b: u8, bytes: &[u8]| [&[b][..], bytes].concat();
    // Structured seeds: bytes `arbitrary` reads into a workbook of one or two sheets.
    let structured: Vec<u8> = (0u32..600)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    vec![
        ("wide", raw(1, &wide)),
        ("wide-sheet-named", raw(3, &wide)),
        ("coinr-pair", raw(1, &coinr)),
        ("long", raw(1, &long)),
        ("truncated", raw(1, &truncated)),
        ("structured", raw(0, &structured)),
    ]
}
