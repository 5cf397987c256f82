//! One's own data (`index_data::import`): the first byte chooses the options (layout,
//! delimiter, decimal comma, encoding, whether the second half of the rest is a framework file),
//! the rest is the file (or the data and framework files). Any bytes import without a panic:
//! an `Err` holds at least one error, each problem names a file given; an `Ok` holds only
//! warnings, a bundle whose JSON reads back equal, values all finite, and its default view
//! prepares and scores soundly (`index_fuzz::import::check_import`).
#![no_main]

use index_data::import::{import, InputFile, Layout, Options};
use index_data::read::Encoding;
use index_fuzz::import::check_import;
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
    check_import(
        &import(&[file], framework, &options(first)),
        &["data.csv", "meta.csv"],
    );
});
