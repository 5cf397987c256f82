//! Excel workbooks (.xlsx), read through [`calamine`] from bytes: each worksheet becomes the
//! same records a CSV file gives ([`Record`]: one per row, the row's number as its line, every
//! row as wide as the sheet), so the layouts read a sheet exactly as a file.
//!
//! A cell's text is what the layouts would read in a CSV file: numbers in their shortest form
//! (`2019`, `0.25`), text as is, `TRUE`/`FALSE`, a formula's cached value (a formula without
//! one is an empty cell), an error cell as Excel shows it (`#DIV/0!`, then listed by the layout
//! as not a number at its `Sheet!C14`), a date as `date <serial>` (not a number, so listed
//! rather than read as a day count).
//!
//! Bounded: at most [`MAX_CELLS`] cells in a workbook, counted as they stream in (empty ones
//! too), and at most as many rows × columns in a sheet's grid, so a sheet with one cell at
//! `XFD1048576` is refused instead of allocating 17 billion cells. Not bounded by us: the
//! decompressed size of the workbook's parts, which calamine reads (its shared strings whole).

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, Xlsx, XlsxError};

use super::checks::{Place, Problem};
use super::MAX_CELLS;
use crate::read::Record;

/// The first bytes of a ZIP archive, which every .xlsx file is.
pub const MAGIC: &[u8] = b"PK\x03\x04";

/// Whether `bytes` start as a ZIP archive (an .xlsx workbook, or another ZIP file, which the
/// workbook reader then refuses with a message).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// One worksheet read: its name and its rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The worksheet's name.
    pub name: String,
    /// Its rows with a cell, in order; the line is the row's number (1-based).
    pub records: Vec<Record>,
}

/// What a workbook held: its worksheets read, and the sheets not read with the reason (a chart
/// sheet, an empty sheet).
#[derive(Debug, Clone, Default)]
pub struct Workbook {
    /// The worksheets with cells, in the workbook's order.
    pub sheets: Vec<Sheet>,
    /// The sheets not read and why.
    pub skipped: Vec<(String, String)>,
}

/// Reads every worksheet of the workbook `bytes` (`file` names it in messages).
///
/// # Errors
/// [`Problem::Unreadable`] for bytes that are not a workbook (truncated, another ZIP file,
/// password-protected) or a worksheet that cannot be read, naming the file and the sheet;
/// and past [`MAX_CELLS`] cells.
pub fn read(file: &str, bytes: &[u8]) -> Result<Workbook, Problem> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| Problem::Unreadable {
        place: Place::file(file),
        reason: format!("not a readable .xlsx workbook ({})", reason(&e)),
    })?;
    let sheets: Vec<(String, SheetType)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.typ))
        .collect();
    let mut out = Workbook::default();
    let mut budget = MAX_CELLS;
    for (name, typ) in sheets {
        if typ != SheetType::WorkSheet {
            out.skipped
                .push((name, "not a worksheet (a chart or macro sheet)".into()));
            continue;
        }
        let records = read_sheet(&mut book, file, &name, &mut budget)?;
        if records.is_empty() {
            out.skipped.push((name, "the sheet is empty".into()));
        } else {
            out.sheets.push(Sheet { name, records });
        }
    }
    Ok(out)
}

/// What calamine said, in words a person can act on for the usual cases.
fn reason(e: &XlsxError) -> String {
    match e {
        XlsxError::Zip(z) => format!("not a complete ZIP archive, perhaps truncated: {z}"),
        XlsxError::Password => "the workbook is password-protected".into(),
        XlsxError::FileNotFound(part) => {
            format!("a ZIP archive without the workbook part `{part}`: not an Excel file")
        }
        other => other.to_string(),
    }
}

/// Reads worksheet `name`'s cells into records, spending `budget` cells.
fn read_sheet(
    book: &mut Xlsx<Cursor<&[u8]>>,
    file: &str,
    name: &str,
    budget: &mut u64,
) -> Result<Vec<Record>, Problem> {
    let unreadable = |e: XlsxError| Problem::Unreadable {
        place: Place::file(file).in_sheet(Some(name)),
        reason: format!("the worksheet cannot be read ({})", reason(&e)),
    };
    let too_large = |cells: u64| Problem::Unreadable {
        place: Place::file(file).in_sheet(Some(name)),
        reason: format!("{cells} cells or more, more than the {MAX_CELLS} an import reads"),
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
    // (row, column, text) of each cell with something in it, as read.
    let mut cells: Vec<(u32, u32, String)> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        if *budget == 0 {
            return Err(too_large(MAX_CELLS.saturating_add(1)));
        }
        *budget -= 1;
        let (row, col) = cell.get_position();
        if let Some(text) = text(cell.get_value()) {
            cells.push((row, col, text));
        }
    }
    // Cells come in order; a hand-made file may not keep it (the first of a position wins).
    cells.sort_by_key(|&(r, c, _)| (r, c));
    cells.dedup_by_key(|(r, c, _)| (*r, *c));
    let width = cells
        .iter()
        .map(|&(_, c, _)| (c as usize).saturating_add(1))
        .max()
        .unwrap_or(0);
    let mut rows: Vec<u32> = cells.iter().map(|&(r, _, _)| r).collect();
    rows.dedup();
    let grid = (rows.len() as u64).saturating_mul(width as u64);
    if grid > MAX_CELLS {
        return Err(too_large(grid));
    }
    let mut records = Vec::with_capacity(rows.len());
    let mut cells = cells.into_iter().peekable();
    for row in rows {
        let mut fields = csv::StringRecord::new();
        let mut next_col = 0u32;
        while let Some((_, col, text)) = cells.next_if(|&(r, _, _)| r == row) {
            for _ in next_col..col {
                fields.push_field("");
            }
            fields.push_field(&text);
            next_col = col.saturating_add(1);
        }
        for _ in next_col as usize..width {
            fields.push_field("");
        }
        records.push(Record {
            line: u64::from(row) + 1,
            fields,
        });
    }
    Ok(records)
}

/// A cell's text as a CSV file would hold it, `None` for an empty cell (see the module's
/// documentation).
fn text(value: &DataRef<'_>) -> Option<String> {
    let t = match value {
        DataRef::Empty => return None,
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => f.to_string(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        DataRef::DateTime(d) => format!("date {}", d.as_f64()),
        DataRef::Error(e) => e.to_string(),
    };
    (!t.trim().is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_a_csv_file_would_hold_them() {
        assert_eq!(text(&DataRef::Float(2019.0)).as_deref(), Some("2019"));
        assert_eq!(text(&DataRef::Float(0.25)).as_deref(), Some("0.25"));
        assert_eq!(text(&DataRef::Int(-3)).as_deref(), Some("-3"));
        assert_eq!(text(&DataRef::String("  ".into())), None);
        assert_eq!(
            text(&DataRef::Error(calamine::CellErrorType::Div0)).as_deref(),
            Some("#DIV/0!")
        );
        assert_eq!(text(&DataRef::Empty), None);
    }

    #[test]
    fn bytes_that_are_not_a_workbook_name_the_file() {
        for bytes in [&b"PK\x03\x04 truncated"[..], b"a,b\n1,2\n", b""] {
            let Err(p) = read("book.xlsx", bytes) else {
                panic!("read {bytes:?}")
            };
            let m = p.to_string();
            assert!(
                m.starts_with("book.xlsx: not a readable .xlsx workbook ("),
                "{m}"
            );
        }
    }
}
