//! `index import`: the report printed, the bundle written and ranked by `index rank`; the real
//! ASEM pair ranks as the built-in bundle, as CSV files and as one workbook; a file that cannot
//! be used writes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod common;
use common::index;

const FIXTURES: &str = "../index-data/tests/fixtures/import";

fn out_file(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("index-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_str().unwrap().to_string()
}

#[test]
fn a_wide_file_is_imported_with_its_report_and_ranked() {
    let out = out_file("wide.json");
    let file = format!("{FIXTURES}/wide_semicolon_decimal_comma.csv");
    let (ok, report, err) = index(&["import", &file, "--title", "Test", "--out", &out]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = report.lines().collect();
    assert!(
        lines[0].ends_with(
            "wide_semicolon_decimal_comma.csv: UTF-8 (detected), delimiter `;` (detected), \
             decimal comma (detected), layout wide (detected), 4 rows"
        ),
        "{report}"
    );
    assert_eq!(
        lines[1],
        "3 units, 3 indicators, year 2000; framework: every indicator under one index, equal \
         weights"
    );
    assert!(
        lines[4].ends_with(
            ":5, column 1 (`code`): unit `A2` already has a row (line 3): this row is not used"
        ),
        "{report}"
    );
    assert_eq!(lines[5], "0 error(s), 3 warning(s)");
    assert_eq!(lines[6], format!("bundle written to {out}"));
    // gdp and literacy both order A3 < A1 < A2.
    let (ok, ranked, err) = index(&["rank", "--bundle", &out, "--digits", "1"]);
    assert!(ok, "{err}");
    let codes: Vec<&str> = ranked
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(codes, ["A2", "A1", "A3"]);
    assert!(
        ranked
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("A2,Beta,100.0,1,"),
        "{ranked}"
    );
}

#[test]
fn an_empty_file_writes_nothing_and_says_why() {
    let out = out_file("never.json");
    let (ok, report, err) = index(&["import", &format!("{FIXTURES}/empty.csv"), "--out", &out]);
    assert!(!ok);
    assert!(
        report.contains("error: ../index-data/tests/fixtures/import/empty.csv: the file is empty"),
        "{report}"
    );
    assert!(err.contains("nothing imported"), "{err}");
    assert!(!std::path::Path::new(&out).exists());
    let (ok, _, err) = index(&["import", "x.csv", "--delimiter", "ab", "--out", &out]);
    assert!(!ok);
    assert!(err.contains("`ab` is not a delimiter"), "{err}");
}

#[test]
fn the_asem_pair_imported_ranks_as_the_built_in_bundle() {
    let dir = index_data::default_data_dir();
    let out = out_file("asem.json");
    let data = dir.join("jrc/asem_indicators.csv");
    let meta = dir.join("jrc/asem_framework.csv");
    let (ok, report, err) = index(&[
        "import",
        data.to_str().unwrap(),
        "--framework",
        meta.to_str().unwrap(),
        "--method-of",
        "asem",
        "--out",
        &out,
    ]);
    assert!(ok, "{err}");
    assert!(report.contains("0 error(s), 0 warning(s)"), "{report}");
    let rank = |bundle: &str| {
        let (ok, out, err) = index(&["rank", "--bundle", bundle, "--format", "csv"]);
        assert!(ok, "{err}");
        // Every column but the name (the built-in bundle names countries as UN M49 does).
        out.lines()
            .map(|l| {
                let mut f: Vec<&str> = l.split(',').collect();
                f.remove(1);
                f.join(",")
            })
            .collect::<Vec<_>>()
    };
    let (imported, built) = (rank(&out), rank("asem"));
    assert_eq!(imported.len(), 52);
    assert_eq!(imported, built);
}

/// A workbook of `sheets` (name, CSV text): numbers as number cells, the rest as text.
fn workbook(sheets: &[(&str, &str)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, text) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        for (r, rec) in reader.records().enumerate() {
            for (c, f) in rec.unwrap().iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match f.parse::<f64>() {
                    Ok(v) => ws.write_number(r, c, v).map(|_| ()),
                    Err(_) if f.is_empty() => Ok(()),
                    Err(_) => ws.write_string(r, c, f).map(|_| ()),
                }
                .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn the_asem_pair_as_one_workbook_ranks_as_the_built_in_bundle() {
    let dir = index_data::default_data_dir();
    let data = std::fs::read_to_string(dir.join("jrc/asem_indicators.csv")).unwrap();
    let meta = std::fs::read_to_string(dir.join("jrc/asem_framework.csv")).unwrap();
    let book = out_file("asem.xlsx");
    std::fs::write(&book, workbook(&[("iData", &data), ("iMeta", &meta)])).unwrap();
    let out = out_file("asem-xlsx.json");
    let (ok, report, err) = index(&["import", &book, "--method-of", "asem", "--out", &out]);
    assert!(ok, "{err}");
    assert!(
        report.contains("asem.xlsx: sheet `iMeta` of the workbook, framework metadata, 68 rows"),
        "{report}"
    );
    assert!(
        report
            .contains("asem.xlsx: sheet `iData` of the workbook, layout coinr (detected), 51 rows"),
        "{report}"
    );
    assert!(report.contains("0 error(s), 0 warning(s)"), "{report}");
    let (ok, imported, err) = index(&["rank", "--bundle", &out, "--format", "csv"]);
    assert!(ok, "{err}");
    let (ok, built, err) = index(&["rank", "--bundle", "asem", "--format", "csv"]);
    assert!(ok, "{err}");
    let no_names = |t: &str| {
        t.lines()
            .map(|l| {
                let mut f: Vec<&str> = l.split(',').collect();
                f.remove(1);
                f.join(",")
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(no_names(&imported).len(), 52);
    assert_eq!(no_names(&imported), no_names(&built));
    // Only the sheet named is read: the data without its framework.
    let (ok, report, err) = index(&["import", &book, "--sheet", "iData", "--out", &out]);
    assert!(ok, "{err}");
    assert!(
        report.contains("sheet `iMeta`: not read: not one of the sheets named"),
        "{report}"
    );
    assert!(
        report.contains("framework: every indicator under one index"),
        "{report}"
    );
}

#[test]
fn a_text_file_read_as_a_workbook_is_refused_naming_it() {
    let out = out_file("never-xlsx.json");
    let file = format!("{FIXTURES}/long.csv");
    let (ok, report, err) = index(&["import", &file, "--layout", "xlsx", "--out", &out]);
    assert!(!ok);
    assert!(
        report.contains(&format!("error: {file}: not a readable .xlsx workbook (")),
        "{report}"
    );
    assert!(err.contains("nothing imported"), "{err}");
    assert!(!std::path::Path::new(&out).exists());
    let (ok, _, err) = index(&["import", &file, "--layout", "xls", "--out", &out]);
    assert!(!ok);
    assert!(
        err.contains("(long, wide, per-indicator, coinr, xlsx)"),
        "{err}"
    );
}

#[test]
fn a_unit_that_looks_like_a_country_gets_a_suggestion() {
    let out = out_file("countries.json");
    let file = format!("{FIXTURES}/countries_did_you_mean.csv");
    let (ok, report, err) = index(&["import", &file, "--out", &out]);
    assert!(ok, "{err}");
    assert!(
        report.contains(
            ":5, column 1 (`code`): unknown country code `KEY`: did you mean KEN (Kenya)?"
        ),
        "{report}"
    );
    assert!(report.contains("0 error(s), 4 warning(s)"), "{report}");
}

#[test]
fn a_bundle_it_wrote_imports_back_and_a_scenario_sets_the_view() {
    let first = out_file("first.json");
    let file = format!("{FIXTURES}/long.csv");
    let (ok, _, err) = index(&["import", &file, "--out", &first]);
    assert!(ok, "{err}");
    let second = out_file("second.json");
    let (ok, report, err) = index(&["import", &first, "--out", &second]);
    assert!(ok, "{err}");
    assert!(
        report.contains("first.json: a bundle JSON of this app, 3 units"),
        "{report}"
    );
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
    // A scenario given with the data: its weight applies, its unknown one is listed.
    let view = out_file("view.json");
    std::fs::write(
        &view,
        r#"{"format": 2, "bundle": "your-data", "weights": {"health": 3, "gdp": 1}}"#,
    )
    .unwrap();
    let third = out_file("third.json");
    let (ok, report, err) = index(&["import", &file, &view, "--out", &third]);
    assert!(ok, "{err}");
    assert!(
        report.contains("view.json: a scenario file of this app (1 scenario)"),
        "{report}"
    );
    assert!(report.contains("view.json: scenario: "), "{report}");
    assert!(report.contains("`gdp`"), "{report}");
    let bundle =
        index_core::bundle::Bundle::from_json(&std::fs::read_to_string(&third).unwrap()).unwrap();
    let health = bundle
        .framework()
        .nodes()
        .iter()
        .find(|n| n.id == "health")
        .unwrap();
    assert_eq!(health.weight, 3.0);
}
