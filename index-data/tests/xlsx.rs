//! Workbooks (.xlsx): written by code here (`rust_xlsxwriter`, never committed), read through
//! the same layouts as CSV files, with each message naming the file, the sheet and the cell;
//! the real JRC ASEM pair as two sheets of one workbook ranks exactly as the built-in bundle.

// Test helpers panic on failure, as the tests themselves do.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use index_core::pipeline;
use index_data::import::{
    import, FileKind, Imported, InputFile, Layout, Options, Report, Severity,
};
use rust_xlsxwriter::{Formula, Workbook};

/// A cell of a test workbook.
#[derive(Clone)]
enum C {
    S(&'static str),
    N(f64),
    /// A formula and its cached result.
    F(&'static str, &'static str),
    Blank,
}

/// A workbook of `sheets`, each a name and its rows from A1.
fn workbook(sheets: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    C::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    C::F(f, v) => {
                        ws.write_formula(r, c, Formula::new(*f).set_result(*v))
                            .unwrap();
                    }
                    C::Blank => {}
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn run(name: &str, bytes: &[u8], options: &Options) -> Result<Imported, Box<Report>> {
    import(&[InputFile { name, bytes }], None, options)
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

use C::{Blank, N, S};

fn wide_rows() -> Vec<Vec<C>> {
    vec![
        vec![S("My own data, 2020"), Blank, Blank, Blank],
        vec![Blank],
        vec![S("code"), S("name"), S("gdp"), S("health")],
        vec![S("R1"), S("North"), N(1.5), C::F("=0.5+0.25", "0.75")],
        vec![S("R2"), S("South"), C::F("=1/0", "#DIV/0!"), N(0.5)],
        vec![S("R3"), S("East"), N(2.0), S("n/a")],
        vec![S("R4"), S("West"), S("12,5"), N(0.25)],
    ]
}

#[test]
fn a_wide_sheet_reads_as_a_wide_file_and_names_sheet_and_cell() {
    let bytes = workbook(&[
        (
            "Notes",
            vec![vec![S("Read me first")], vec![S("Sources: ours")]],
        ),
        ("Data", wide_rows()),
    ]);
    assert_eq!(FileKind::detect(&bytes), FileKind::Xlsx);
    let i = run("book.xlsx", &bytes, &Options::default()).unwrap();
    let ds = i.bundle.dataset();
    let codes: Vec<&str> = ds.units().iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["R1", "R2", "R3", "R4"]);
    let health = ds.indicator_position("health").unwrap();
    // The formula's cached value.
    assert_eq!(ds.value(0, health, 2000), Some(0.75));
    assert_eq!(i.report.files.len(), 1);
    assert_eq!(i.report.files[0].sheet(), Some("Data"));
    assert_eq!(i.report.files[0].layout, Some(Layout::Wide));
    assert_eq!(i.report.files[0].rows, 4);
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "book.xlsx: sheet `Data`: 2 line(s) before the header not read",
            "book.xlsx: sheet `Notes`: not read: no unit column (one of ucode, gdlcode, \
             unit_code, unit, code, country_code, countrycode, iso3, iso_code, iso, geo, \
             location, id) in its first rows: not data",
            "book.xlsx: Data!C5 (`gdp`): `#DIV/0!` is not a number: read as missing",
            "book.xlsx: Data!C7 (`gdp`): `12,5` is not a number: read as missing",
        ]
    );
    assert!(
        i.report
            .to_string()
            .contains("book.xlsx: sheet `Data` of the workbook, layout wide (detected), 4 rows"),
        "{}",
        i.report
    );
}

#[test]
fn named_sheets_are_the_only_ones_read() {
    let long = vec![
        vec![S("unit"), S("indicator"), S("year"), S("value")],
        vec![S("A"), S("x"), N(2019.0), N(1.0)],
        vec![S("B"), S("x"), N(2019.0), N(2.0)],
    ];
    let bytes = workbook(&[("Data", wide_rows()), ("Long", long)]);
    let options = Options {
        sheets: vec!["Long".into()],
        ..Options::default()
    };
    let i = run("book.xlsx", &bytes, &options).unwrap();
    assert_eq!(i.report.files[0].layout, Some(Layout::Long));
    assert_eq!(i.bundle.dataset().units().len(), 2);
    assert_eq!(
        messages(&i.report, Severity::Warning),
        ["book.xlsx: sheet `Data`: not read: not one of the sheets named"]
    );
    let options = Options {
        sheets: vec!["Dta".into()],
        ..Options::default()
    };
    let r = run("book.xlsx", &bytes, &options).unwrap_err();
    assert_eq!(
        messages(&r, Severity::Error),
        ["book.xlsx: no worksheet `Dta` with cells in the workbooks given"]
    );
}

#[test]
fn a_truncated_or_foreign_file_is_refused_naming_it() {
    let bytes = workbook(&[("Data", wide_rows())]);
    for (name, cut) in [
        ("cut.xlsx", &bytes[..bytes.len() / 2]),
        ("stub.xlsx", &bytes[..4]),
    ] {
        let r = run(name, cut, &Options::default()).unwrap_err();
        let m = messages(&r, Severity::Error);
        assert_eq!(m.len(), 1);
        assert!(
            m[0].starts_with(&format!("{name}: not a readable .xlsx workbook (")),
            "{m:?}"
        );
    }
    // Text forced through the workbook reader.
    let options = Options {
        kind: Some(FileKind::Xlsx),
        ..Options::default()
    };
    let r = run("data.csv", b"code,x\nA,1\n", &options).unwrap_err();
    assert!(
        messages(&r, Severity::Error)[0].starts_with("data.csv: not a readable .xlsx workbook (")
    );
}

#[test]
fn a_workbook_without_data_says_so() {
    let bytes = workbook(&[("Notes", vec![vec![S("nothing here")]])]);
    let r = run("book.xlsx", &bytes, &Options::default()).unwrap_err();
    assert_eq!(
        messages(&r, Severity::Error),
        ["no data file given besides the framework"]
    );
}

/// A CSV file's rows as workbook cells: numbers as numbers, the rest as text.
fn csv_rows(text: &str) -> Vec<Vec<C>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|f| match f.parse::<f64>() {
                    Ok(v) => N(v),
                    Err(_) if f.is_empty() => Blank,
                    Err(_) => S(Box::leak(f.to_string().into_boxed_str())),
                })
                .collect()
        })
        .collect()
}

/// The real ASEM pair as two sheets of one workbook, as COINr's export writes it (with a later
/// data set beside the raw one), ranks exactly as the built-in bundle under the JRC's method.
#[test]
fn the_jrc_asem_pair_in_one_workbook_ranks_exactly_as_the_built_in_bundle() {
    let dir = index_data::default_data_dir();
    let data = std::fs::read_to_string(dir.join("jrc/asem_indicators.csv")).unwrap();
    let meta = std::fs::read_to_string(dir.join("jrc/asem_framework.csv")).unwrap();
    let bytes = workbook(&[
        ("Data_Normalised", csv_rows(&data)),
        ("Meta_Ind", csv_rows(&meta)),
        ("Data_Raw", csv_rows(&data)),
    ]);
    let options = Options {
        method: Some(index_data::bundles::asem::method().unwrap()),
        ..Options::default()
    };
    let i = run("asem.xlsx", &bytes, &options).unwrap();
    assert_eq!(i.report.files[0].sheet(), Some("Meta_Ind"));
    assert_eq!(i.report.files[1].sheet(), Some("Data_Raw"));
    assert_eq!(i.report.files[1].layout, Some(Layout::Coinr));
    assert_eq!(
        messages(&i.report, Severity::Warning),
        [
            "asem.xlsx: sheet `Data_Normalised`: not read: a COINr workbook's data is one sheet \
          and `Data_Raw` was read (name the sheets to read others)"
        ]
    );
    let built = index_data::build(&dir, "asem").unwrap();
    let (a, b) = (&built.bundle, &i.bundle);
    let year = a.default_year();
    assert_eq!(b.default_year(), year);
    let ranks = |bundle: &index_core::bundle::Bundle| {
        let r = pipeline::run(
            bundle.dataset(),
            bundle.framework(),
            bundle.method(),
            &bundle.framework().weights(),
            year,
        )
        .unwrap();
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
    let (xa, xb) = (ranks(a), ranks(b));
    assert_eq!(xa.len(), 51);
    // The same figures to the bit: a number cell reads back as the same `f64`.
    assert_eq!(xa, xb);
}

/// One sheet per indicator, wide by year (the GDL's layout): each sheet's name is its
/// indicator, the text column a group.
#[test]
fn per_indicator_sheets_take_the_sheet_name_as_the_indicator() {
    let sheet = |a: f64, b: f64| {
        vec![
            vec![S("GDLCODE"), S("ISO_Code"), N(2017.0), N(2018.0)],
            vec![S("AFGr101"), S("AFG"), N(a), N(a + 0.1)],
            vec![S("AFGr102"), S("AFG"), N(b), Blank],
        ]
    };
    let bytes = workbook(&[
        ("healthindex", sheet(0.5, 0.6)),
        ("incindex", sheet(0.2, 0.3)),
    ]);
    let i = run("gdl.xlsx", &bytes, &Options::default()).unwrap();
    let ds = i.bundle.dataset();
    let ids: Vec<&str> = ds.indicators().iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["healthindex", "incindex"]);
    assert_eq!(ds.years(), [2017, 2018]);
    let inc = ds.indicator_position("incindex").unwrap();
    assert_eq!(ds.value(0, inc, 2018), Some(0.30000000000000004));
    assert_eq!(ds.value(1, inc, 2018), None);
    assert!(ds.units()[0].groups.contains(&"ISO_Code:AFG".to_string()));
    assert!(i
        .report
        .files
        .iter()
        .all(|f| f.layout == Some(Layout::PerIndicator)));
}
