//! Times `index_data::import` on a generated wide table (made-up figures, not real data) as a
//! CSV file and as an .xlsx workbook of one sheet: the median of several runs each, and the
//! workbook's parts (calamine streaming its cells; cells to records).
//!
//! ```text
//! cargo run --profile release-native -p index-data --example import_timing -- 50000 100 3
//! ```

// A measuring tool: a failure is a panic with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use index_data::import::{import, InputFile, Options};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("numbers: units indicators runs"))
        .collect();
    let units = args.first().copied().unwrap_or(50_000);
    let indicators = args.get(1).copied().unwrap_or(100);
    let runs = args.get(2).copied().unwrap_or(3).max(1);
    // A value per cell from a fixed sequence, some cells empty.
    let value = |u: usize, i: usize| {
        let x = (u.wrapping_mul(2_654_435_761) ^ i.wrapping_mul(40_503)) % 100_000;
        (x % 97 != 0).then_some(x as f64 / 100.0)
    };
    let start = Instant::now();
    let mut csv = String::from("code,name");
    for i in 0..indicators {
        csv.push_str(&format!(",x{i}"));
    }
    csv.push('\n');
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Data").unwrap();
    ws.write_string(0, 0, "code").unwrap();
    ws.write_string(0, 1, "name").unwrap();
    for i in 0..indicators {
        ws.write_string(0, (i + 2) as u16, format!("x{i}")).unwrap();
    }
    for u in 0..units {
        let row = (u + 1) as u32;
        csv.push_str(&format!("U{u},Unit {u}"));
        ws.write_string(row, 0, format!("U{u}")).unwrap();
        ws.write_string(row, 1, format!("Unit {u}")).unwrap();
        for i in 0..indicators {
            csv.push(',');
            if let Some(v) = value(u, i) {
                csv.push_str(&v.to_string());
                ws.write_number(row, (i + 2) as u16, v).unwrap();
            }
        }
        csv.push('\n');
    }
    let xlsx = book.save_to_buffer().unwrap();
    println!(
        "generated {units} units × {indicators} indicators in {:.1} s: CSV {:.1} MB, XLSX {:.1} MB",
        start.elapsed().as_secs_f64(),
        csv.len() as f64 / 1e6,
        xlsx.len() as f64 / 1e6
    );
    // calamine's own part: streaming the cells, nothing kept.
    {
        use calamine::Reader;
        let t = Instant::now();
        let mut book: calamine::Xlsx<_> =
            calamine::Xlsx::new(std::io::Cursor::new(&xlsx[..])).unwrap();
        let mut r = book.worksheet_cells_reader("Data").unwrap();
        let mut n = 0usize;
        while let Some(c) = r.next_cell().unwrap() {
            n += usize::from(!matches!(c.get_value(), calamine::DataRef::Empty));
        }
        println!(
            "calamine alone: {n} cells in {:.2} s",
            t.elapsed().as_secs_f64()
        );
    }
    // The workbook's part: its cells to records, before the layouts.
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let book = index_data::import::xlsx::read("data.xlsx", &xlsx).unwrap();
            assert_eq!(book.sheets.len(), 1);
            t.elapsed().as_secs_f64()
        })
        .collect();
    println!(
        "data.xlsx, cells to records only: median {:.2} s",
        median(times)
    );
    for (name, bytes) in [("data.csv", csv.as_bytes()), ("data.xlsx", &xlsx[..])] {
        let times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                let i = import(&[InputFile { name, bytes }], None, &Options::default())
                    .unwrap_or_else(|r| panic!("{r}"));
                assert_eq!(i.bundle.dataset().units().len(), units);
                t.elapsed().as_secs_f64()
            })
            .collect();
        let shown: Vec<String> = times.iter().map(|t| format!("{t:.2}")).collect();
        println!(
            "{name}: median {:.2} s of {runs} runs ({} s)",
            median(times),
            shown.join(", ")
        );
    }
}
