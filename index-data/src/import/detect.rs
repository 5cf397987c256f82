//! From a file's bytes to its records: the encoding, the delimiter and the decimal comma,
//! each detected unless the options say, and reported either way.

use std::path::Path;

use super::checks::{Place, Problem};
use super::{InputFile, Options};
use crate::read::{self, Encoding, Record};

/// How a file was read, as reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFormat {
    /// The encoding.
    pub encoding: Encoding,
    /// Whether the file starts with a byte-order mark.
    pub bom: bool,
    /// The field delimiter.
    pub delimiter: u8,
    /// Whether numbers are written with a decimal comma.
    pub decimal_comma: bool,
    /// Whether each of encoding, delimiter and decimal comma came from the options (`true`) or
    /// was detected.
    pub given: [bool; 3],
}

/// The delimiters tried, in order of preference when they split a header equally well.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// How many lines the delimiter and decimal comma are guessed from.
const SAMPLE_LINES: usize = 50;

/// Decodes and splits `file`, detecting what `options` leaves open.
///
/// # Errors
/// [`Problem::EmptyFile`], [`Problem::Unreadable`] (an encoding or CSV syntax error, naming
/// the line) or [`Problem::OneColumn`] (the header does not split: a wrong delimiter).
pub fn split(
    file: &InputFile<'_>,
    options: &Options,
) -> Result<(Vec<Record>, TextFormat), Problem> {
    let path = Path::new(file.name);
    if file.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::EmptyFile {
            place: Place::file(file.name),
        });
    }
    let encoding = options
        .encoding
        .unwrap_or_else(|| Encoding::detect(file.bytes));
    let bom = encoding_rs::Encoding::for_bom(file.bytes).is_some();
    let unreadable = |e: crate::Error| Problem::unreadable(file.name, "", &e);
    let text = read::decode(path, file.bytes, encoding).map_err(unreadable)?;
    let delimiter = options.delimiter.unwrap_or_else(|| guess_delimiter(&text));
    let records = read::records(path, &text, delimiter).map_err(unreadable)?;
    let Some(first) = records.iter().find(|r| !r.is_blank()) else {
        return Err(Problem::EmptyFile {
            place: Place::file(file.name),
        });
    };
    if first.fields.len() < 2 {
        return Err(Problem::OneColumn {
            place: Place::line(file.name, first.line),
            delimiter: char::from(delimiter),
            header: first.get(0).chars().take(80).collect(),
        });
    }
    let decimal_comma = options
        .decimal_comma
        .unwrap_or_else(|| delimiter != b',' && guess_decimal_comma(&records));
    Ok((
        records,
        TextFormat {
            encoding,
            bom,
            delimiter,
            decimal_comma,
            given: [
                options.encoding.is_some(),
                options.delimiter.is_some(),
                options.decimal_comma.is_some(),
            ],
        },
    ))
}

/// The delimiter that splits the first lines into the most columns, the same number on every
/// line; `,` when none splits them.
fn guess_delimiter(text: &str) -> u8 {
    let sample: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(SAMPLE_LINES)
        .collect();
    let sample = sample.join("\n");
    let mut best = (0usize, 0usize, b',');
    for d in DELIMITERS {
        let Ok(recs) = read::records(Path::new(""), &sample, d) else {
            continue;
        };
        let widths: Vec<usize> = recs.iter().map(|r| r.fields.len()).collect();
        let Some(&widest) = widths.iter().max() else {
            continue;
        };
        // Lines as wide as the widest (a preamble may be narrower).
        let regular = widths.iter().filter(|w| **w == widest).count();
        if widest > 1 && (regular, widest) > (best.0, best.1) {
            best = (regular, widest, d);
        }
    }
    best.2
}

/// Whether numbers in `records` are written `12,5`: some cells are digits with one comma, none
/// digits with one point.
fn guess_decimal_comma(records: &[Record]) -> bool {
    let (mut comma, mut point) = (0usize, 0usize);
    for r in records.iter().skip(1).take(SAMPLE_LINES * 20) {
        for cell in r.fields.iter() {
            match decimal_mark(cell.trim()) {
                Some(',') => comma += 1,
                Some('.') => point += 1,
                _ => {}
            }
        }
    }
    comma > 0 && point == 0
}

/// `Some(mark)` when `cell` is digits, one `mark` (`,` or `.`) and digits, with an optional sign.
fn decimal_mark(cell: &str) -> Option<char> {
    let body = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let mut marks = body.char_indices().filter(|(_, c)| !c.is_ascii_digit());
    let (i, mark) = marks.next()?;
    let digits_around = i > 0 && i + 1 < body.len();
    (marks.next().is_none() && digits_around && matches!(mark, ',' | '.')).then_some(mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_and_decimal_marks_are_guessed_from_the_first_lines() {
        assert_eq!(guess_delimiter("a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(guess_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(guess_delimiter("a,b;c\n1,2;3\n"), b',');
        assert_eq!(guess_delimiter("one\n"), b',');
        assert_eq!(decimal_mark("-12,5"), Some(','));
        assert_eq!(decimal_mark("0.25"), Some('.'));
        assert_eq!(decimal_mark("1.234,5"), None);
        assert_eq!(decimal_mark(",5"), None);
        assert_eq!(decimal_mark("12"), None);
    }
}
