//! Workbooks (`index_data::import` on .xlsx): the first byte chooses the options (bit 0: the
//! rest is the workbook's raw bytes, else `arbitrary` reads it into a workbook written by
//! `rust_xlsxwriter` — `fuzz/src/import.rs` — so most inputs reach the layouts; bit 1: only
//! the sheet `Data` is read; bits 2–3: the layout). Any input imports without a panic, with the
//! checks of the `import` target (`check_import`).
#![no_main]

use arbitrary::Unstructured;
use index_data::import::{import, FileKind, InputFile, Layout, Options};
use index_fuzz::import::{check_import, workbook};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let bytes = if first & 1 == 1 {
        rest.to_vec()
    } else {
        match workbook(&mut Unstructured::new(rest)) {
            Ok(b) => b,
            Err(_) => return,
        }
    };
    let options = Options {
        kind: Some(FileKind::Xlsx),
        sheets: if first & 2 == 2 {
            vec!["Data".into()]
        } else {
            Vec::new()
        },
        layout: [
            None,
            Some(Layout::Long),
            Some(Layout::Wide),
            Some(Layout::PerIndicator),
        ][usize::from((first >> 2) & 3)],
        ..Options::default()
    };
    let file = InputFile {
        name: "book.xlsx",
        bytes: &bytes,
    };
    check_import(&import(&[file], None, &options), &["book.xlsx"]);
});
