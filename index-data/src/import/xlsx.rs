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
    let mut rows = Rows::default();
    let mut text = String::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        if *budget == 0 {
            return Err(too_large(MAX_CELLS.saturating_add(1)));
        }
        *budget -= 1;
        let (row, col) = cell.get_position();
        text.clear();
        if write_text(cell.get_value(), &mut text) {
            rows.push(row, col, &text).map_err(too_large)?;
        }
    }
    rows.finish().map_err(too_large)
}

/// A worksheet's rows built as its cells stream in — row by row, left to right, as every
/// writer stores them — each row a record as wide as the widest so far (the rest padded at the
/// end); a cell out of that order (a hand-made file) is set apart, and then the rows are
/// rebuilt from all cells sorted, the first read of a position kept.
#[derive(Default)]
struct Rows {
    records: Vec<Record>,
    /// The row being filled: its number and the next column it expects.
    current: Option<(u32, u32)>,
    fields: csv::StringRecord,
    width: usize,
    stray: Vec<(u32, u32, String)>,
}

impl Rows {
    /// Adds the cell at (`row`, `col`) holding `text`.
    ///
    /// # Errors
    /// The cells the grid would have (rows × the widest row) when over [`MAX_CELLS`].
    fn push(&mut self, row: u32, col: u32, text: &str) -> Result<(), u64> {
        match self.current {
            Some((r, next)) if r == row && col >= next => {}
            Some((r, _)) if row > r => {
                self.end_row();
                self.current = Some((row, 0));
            }
            None => self.current = Some((row, 0)),
            Some(_) => {
                self.stray.push((row, col, text.to_string()));
                return Ok(());
            }
        }
        let next = self.current.map_or(0, |(_, n)| n);
        for _ in next..col {
            self.fields.push_field("");
        }
        self.fields.push_field(text);
        self.current = Some((row, col.saturating_add(1)));
        self.width = self.width.max((col as usize).saturating_add(1));
        let grid = (self.records.len() as u64 + 1).saturating_mul(self.width as u64);
        if grid > MAX_CELLS {
            return Err(grid);
        }
        Ok(())
    }

    fn end_row(&mut self) {
        if let Some((row, _)) = self.current.take() {
            self.records.push(Record {
                line: u64::from(row) + 1,
                fields: std::mem::take(&mut self.fields),
            });
        }
    }

    /// The records, every one as wide as the sheet.
    ///
    /// # Errors
    /// As [`Rows::push`].
    fn finish(mut self) -> Result<Vec<Record>, u64> {
        self.end_row();
        if !self.stray.is_empty() {
            return self.sorted();
        }
        for r in &mut self.records {
            for _ in r.fields.len()..self.width {
                r.fields.push_field("");
            }
        }
        Ok(self.records)
    }

    /// The records rebuilt from every cell, sorted by position (the first read of a position
    /// kept: the rows' cells were read before the stray ones).
    fn sorted(self) -> Result<Vec<Record>, u64> {
        let mut cells: Vec<(u32, u32, String)> = Vec::new();
        for r in &self.records {
            let row = u32::try_from(r.line.saturating_sub(1)).unwrap_or(u32::MAX);
            for (col, text) in (0u32..).zip(r.fields.iter()) {
                if !text.is_empty() {
                    cells.push((row, col, text.to_string()));
                }
            }
        }
        cells.extend(self.stray);
        cells.sort_by_key(|&(r, c, _)| (r, c));
        cells.dedup_by_key(|(r, c, _)| (*r, *c));
        let mut rows = Rows::default();
        for (r, c, text) in cells {
            rows.push(r, c, &text)?;
        }
        // In order now: nothing stray.
        rows.finish()
    }
}

/// Writes a cell's text as a CSV file would hold it into `out` (empty before), `false` for an
/// empty or blank cell (see the module's documentation).
fn write_text(value: &DataRef<'_>, out: &mut String) -> bool {
    use std::fmt::Write as _;
    // Writing to a String cannot fail.
    let _ = match value {
        DataRef::Empty => return false,
        DataRef::Int(i) => write!(out, "{i}"),
        DataRef::Float(f) => write!(out, "{f}"),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            out.push_str(s);
            Ok(())
        }
        DataRef::SharedString(s) => {
            out.push_str(s);
            Ok(())
        }
        DataRef::Bool(b) => {
            out.push_str(if *b { "TRUE" } else { "FALSE" });
            Ok(())
        }
        DataRef::DateTime(d) => write!(out, "date {}", d.as_f64()),
        DataRef::Error(e) => write!(out, "{e}"),
    };
    !out.trim().is_empty()
}

/// A cell's text, `None` for an empty cell ([`write_text`]).
#[cfg(test)]
fn text(value: &DataRef<'_>) -> Option<String> {
    let mut out = String::new();
    write_text(value, &mut out).then_some(out)
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

    /// The records of `cells` pushed in that order: each row's line and fields.
    fn rows(cells: &[(u32, u32, &str)]) -> Vec<(u64, Vec<String>)> {
        let mut rows = Rows::default();
        for &(r, c, t) in cells {
            rows.push(r, c, t).unwrap();
        }
        rows.finish()
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields.iter().map(str::to_string).collect()))
            .collect()
    }

    #[test]
    fn rows_are_built_in_order_or_rebuilt_from_stray_cells() {
        let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let want = vec![(1, s(&["a", "", "c"])), (3, s(&["", "e", ""]))];
        assert_eq!(rows(&[(0, 0, "a"), (0, 2, "c"), (2, 1, "e")]), want);
        // Out of order, and a position given twice (the first read kept).
        assert_eq!(
            rows(&[(2, 1, "e"), (0, 2, "c"), (0, 0, "a"), (2, 1, "x")]),
            want
        );
        assert_eq!(rows(&[]), Vec::<(u64, Vec<String>)>::new());
        // One cell far to the right in each of many rows: refused before it is padded.
        let mut big = Rows::default();
        let refused = (0..2_000u32).find_map(|r| big.push(r, 16_383, "x").err());
        assert_eq!(refused, Some(1_221 * 16_384));
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
