//! "Your data" as the page shows it: the import panel's choices as the worker's
//! [`ImportOptions`], the files checked against the worker's bounds before any is read, the
//! worker's report as a list of lines a person can act on (each naming its file, row and
//! column), and an import's bundle made into a dataset of this browser (its own id, and a source
//! line saying it is the person's data, not published). Pure, so tested natively.

use index_worker::protocol::{AsDataset, ImportOptions, MAX_IMPORT_BYTES, MAX_IMPORT_FILES};

use crate::i18n::messages::{self, Msg};
use crate::i18n::{t, t_with};
use crate::state::MINE_PREFIX;

/// An option's label: a message, or a name that is the same in every language ("UTF-8").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Words, translated.
    Words(Msg),
    /// A name, as it is.
    Name(&'static str),
}

impl Label {
    /// The label in the language shown.
    pub fn text(self) -> String {
        match self {
            Label::Words(m) => t(&m),
            Label::Name(s) => s.to_string(),
        }
    }
}

/// The layouts offered, `(value, label)`; the empty value lets the import detect it (CSV,
/// workbook or this app's JSON, by the file's first bytes).
pub const LAYOUTS: [(&str, Label); 6] = [
    ("", Label::Words(messages::DETECT)),
    ("long", Label::Words(messages::LAYOUT_LONG)),
    ("wide", Label::Words(messages::LAYOUT_WIDE)),
    (
        "per-indicator",
        Label::Words(messages::LAYOUT_PER_INDICATOR),
    ),
    ("coinr", Label::Name("COINr (iData)")),
    ("xlsx", Label::Words(messages::LAYOUT_XLSX)),
];

/// The delimiters offered, `(value, label)`; empty: detected.
pub const DELIMITERS: [(&str, Label); 4] = [
    ("", Label::Words(messages::DETECT)),
    (",", Label::Words(messages::DELIMITER_COMMA)),
    (";", Label::Words(messages::DELIMITER_SEMICOLON)),
    ("\t", Label::Words(messages::DELIMITER_TAB)),
];

/// The decimal marks offered, `(value, label)`; empty: detected.
pub const DECIMALS: [(&str, Label); 3] = [
    ("", Label::Words(messages::DETECT)),
    ("point", Label::Words(messages::DECIMAL_POINT)),
    ("comma", Label::Words(messages::DECIMAL_COMMA)),
];

/// The encodings offered, `(value, label)`; empty: detected.
pub const ENCODINGS: [(&str, Label); 5] = [
    ("", Label::Words(messages::DETECT)),
    ("utf-8", Label::Name("UTF-8")),
    ("latin-1", Label::Name("Latin-1")),
    ("utf-16le", Label::Name("UTF-16 LE")),
    ("utf-16be", Label::Name("UTF-16 BE")),
];

/// The most characters of a name (as the worker's title).
pub const MAX_NAME_CHARS: usize = 200;

/// What the person chose in the panel (each select's value; empty: detected).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choices {
    /// The dataset's name (empty: "Your data").
    pub name: String,
    /// A value of [`LAYOUTS`].
    pub layout: String,
    /// A value of [`DELIMITERS`].
    pub delimiter: String,
    /// A value of [`DECIMALS`].
    pub decimal: String,
    /// A value of [`ENCODINGS`].
    pub encoding: String,
}

impl Choices {
    /// The worker's options: each choice left empty is detected.
    pub fn options(&self) -> ImportOptions {
        let given = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let name = self.name.trim();
        ImportOptions {
            layout: given(&self.layout),
            delimiter: self.delimiter.chars().next(),
            decimal_comma: match self.decimal.as_str() {
                "comma" => Some(true),
                "point" => Some(false),
                _ => None,
            },
            encoding: given(&self.encoding),
            title: (!name.is_empty()).then(|| name.chars().take(MAX_NAME_CHARS).collect()),
            ..ImportOptions::default()
        }
    }
}

/// Checks the files chosen (`(name, size in bytes)`, the framework file among them) against
/// what the worker takes, before any is read into memory.
///
/// # Errors
/// No file, too many, or one too large (naming it), in words for people.
pub fn check_files(files: &[(String, f64)]) -> Result<(), String> {
    if files.is_empty() {
        return Err(t(&messages::CHOOSE_DATA_FILE));
    }
    if files.len() > MAX_IMPORT_FILES {
        return Err(t_with(
            &messages::TOO_MANY_FILES,
            &[
                ("count", files.len().into()),
                ("most", MAX_IMPORT_FILES.to_string().into()),
            ],
        ));
    }
    // Sizes come from the browser: a size that is not a finite count is refused too.
    let limit = MAX_IMPORT_BYTES as f64;
    match files
        .iter()
        .find(|(_, size)| !(size.is_finite() && *size >= 0.0 && *size <= limit))
    {
        Some((name, size)) => Err(t_with(
            &messages::FILE_TOO_LARGE,
            &[
                ("name", name.clone().into()),
                ("size", size_text(*size).into()),
                ("most", (MAX_IMPORT_BYTES >> 20).to_string().into()),
            ],
        )),
        None => Ok(()),
    }
}

/// A size for people: "512 B", "43.0 KB", "1.2 MB".
pub fn size_text(bytes: f64) -> String {
    if !bytes.is_finite() || bytes < 1000.0 {
        format!("{} B", bytes.max(0.0))
    } else if bytes < 1e6 {
        format!("{:.1} KB", bytes / 1e3)
    } else {
        format!("{:.1} MB", bytes / 1e6)
    }
}

/// How serious a line of the report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The files cannot be used as they are: nothing was imported.
    Error,
    /// Listed; the import went on without the row, cell or column named.
    Warning,
    /// What was read and detected.
    Note,
}

impl Severity {
    /// Its word in the language shown, on the line's badge.
    pub fn label(self) -> String {
        t(match self {
            Severity::Error => &messages::SEVERITY_ERROR,
            Severity::Warning => &messages::SEVERITY_WARNING,
            Severity::Note => &messages::SEVERITY_NOTE,
        })
    }

    /// Its CSS class's word.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One line of the import's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    /// How serious it is.
    pub severity: Severity,
    /// Where: file, then row and column or sheet and cell (empty when the line names none).
    pub place: String,
    /// What was found, and what was done about it.
    pub message: String,
}

/// The worker's report text (`index import`'s) as lines: `error: file:12, column 3 (`a`): …`
/// and `warning: …` lines with their place apart, the other lines as notes; the counts' line
/// (shown as counts) and blank lines left out; errors first, then warnings, then notes, each in
/// the report's order.
pub fn report_lines(report: &str) -> Vec<ReportLine> {
    let mut lines: Vec<ReportLine> = report
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_counts(l))
        .map(|l| {
            let (severity, rest) = if let Some(r) = l.strip_prefix("error: ") {
                (Severity::Error, r)
            } else if let Some(r) = l.strip_prefix("warning: ") {
                (Severity::Warning, r)
            } else {
                (Severity::Note, l)
            };
            let (place, message) = match severity {
                Severity::Note => (String::new(), rest.to_string()),
                _ => split_place(rest),
            };
            ReportLine {
                severity,
                place,
                message,
            }
        })
        .collect();
    let rank = |s: Severity| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    };
    lines.sort_by_key(|l| rank(l.severity));
    lines
}

/// Whether a report line is its counts ("0 error(s), 3 warning(s)").
fn is_counts(line: &str) -> bool {
    line.ends_with("warning(s)") && line.contains(" error(s), ")
}

/// A problem's text split into its place and its message. The place is the file, with
/// `:line` and `, column n (`header`)` (a text file) or `: Sheet!C14 (`header`)`, `: Sheet, row
/// n` or `: sheet `name`` (a workbook) — so the part after the file name is taken too when it
/// reads as a sheet's place. A problem of no file ("the data would need … cells") has none.
fn split_place(text: &str) -> (String, String) {
    let Some((file, rest)) = text.split_once(": ") else {
        return (String::new(), text.to_string());
    };
    if file.contains(' ') && !file.contains('.') {
        // Words, not a file name: the problem names no file.
        return (String::new(), text.to_string());
    }
    if let Some((sheet, message)) = rest.split_once(": ") {
        let sheet_place = sheet.starts_with("sheet `")
            || sheet.contains(", row ")
            || sheet
                .split_once('!')
                .is_some_and(|(_, cell)| cell.starts_with(|c: char| c.is_ascii_uppercase()));
        if sheet_place {
            return (format!("{file}: {sheet}"), message.to_string());
        }
    }
    (file.to_string(), rest.to_string())
}

/// An imported dataset's id: [`MINE_PREFIX`] and the time it was made (ms since 1970, base 36),
/// unique in one browser.
pub fn mine_id(now_ms: f64) -> String {
    // Whole milliseconds from 0 to 2^53: a float outside that range is taken as 0.
    let ms = if now_ms.is_finite() && (0.0..9.0e15).contains(&now_ms) {
        now_ms as u64
    } else {
        0
    };
    let mut digits = Vec::new();
    let mut n = ms;
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    format!("{MINE_PREFIX}{}", digits.iter().rev().collect::<String>())
}

/// The source line's parts of an imported dataset: publisher, edition, licence.
const MINE_SOURCE: (&str, &str) = ("Your data", "not published");

/// What makes an import's bundle a dataset of this browser (the worker applies it,
/// `index_worker::jobs::relabel`): its id `id`, its sources published by "Your data", edition
/// "imported `date`", licence "not published" — so every figure's source line reads "Source:
/// Your data, <name> (imported 2026-12-01), not published".
pub fn as_mine(id: &str, date: &str) -> AsDataset {
    AsDataset {
        id: id.to_string(),
        publisher: MINE_SOURCE.0.to_string(),
        edition: format!("imported {date}"),
        licence: MINE_SOURCE.1.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

    use super::*;

    #[track_caller]
    fn check(line: &str, severity: Severity, place: &str, message: &str) {
        let lines = report_lines(line);
        assert_eq!(
            lines,
            [ReportLine {
                severity,
                place: place.into(),
                message: message.into()
            }]
        );
    }

    #[test]
    fn each_problem_names_its_place_apart() {
        check(
            "warning: w.csv:3, column 3 (`a`): `x` is not a number: read as missing",
            Severity::Warning,
            "w.csv:3, column 3 (`a`)",
            "`x` is not a number: read as missing",
        );
        check(
            "error: empty.csv: the file is empty",
            Severity::Error,
            "empty.csv",
            "the file is empty",
        );
        check(
            "warning: book.xlsx: Data!C14 (`gdp`): `#N/A` is not a number: read as missing",
            Severity::Warning,
            "book.xlsx: Data!C14 (`gdp`)",
            "`#N/A` is not a number: read as missing",
        );
        check(
            "warning: book.xlsx: Data, row 4: row not used: no code",
            Severity::Warning,
            "book.xlsx: Data, row 4",
            "row not used: no code",
        );
        check(
            "warning: book.xlsx: sheet `Notes`: not read: no unit column",
            Severity::Warning,
            "book.xlsx: sheet `Notes`",
            "not read: no unit column",
        );
        check(
            "error: the data would need 30000000 cells (units × indicators × years): too many",
            Severity::Error,
            "",
            "the data would need 30000000 cells (units × indicators × years): too many",
        );
    }

    #[test]
    fn errors_come_first_and_the_counts_are_left_out() {
        let report = "w.csv: UTF-8 (detected), layout wide (detected), 5 rows\n\
                      warning: w.csv:4: row not used: 3 fields, the header has 4\n\
                      error: v.csv: the file is empty\n\n\
                      1 error(s), 1 warning(s)\n";
        let lines = report_lines(report);
        let kinds: Vec<Severity> = lines.iter().map(|l| l.severity).collect();
        assert_eq!(kinds, [Severity::Error, Severity::Warning, Severity::Note]);
        assert_eq!(
            lines[2].message,
            "w.csv: UTF-8 (detected), layout wide (detected), 5 rows"
        );
    }

    #[test]
    fn choices_left_empty_are_detected() {
        assert_eq!(Choices::default().options(), ImportOptions::default());
        let o = Choices {
            name: "  Regions 2024 ".into(),
            layout: "long".into(),
            delimiter: ";".into(),
            decimal: "comma".into(),
            encoding: "latin-1".into(),
        }
        .options();
        assert_eq!(o.layout.as_deref(), Some("long"));
        assert_eq!(o.delimiter, Some(';'));
        assert_eq!(o.decimal_comma, Some(true));
        assert_eq!(o.encoding.as_deref(), Some("latin-1"));
        assert_eq!(o.title.as_deref(), Some("Regions 2024"));
        let long = Choices {
            name: "x".repeat(500),
            ..Choices::default()
        };
        assert_eq!(
            long.options().title.unwrap().chars().count(),
            MAX_NAME_CHARS
        );
    }

    #[test]
    fn files_are_checked_before_they_are_read() {
        let f = |name: &str, size: f64| (name.to_string(), size);
        assert!(check_files(&[]).is_err());
        assert!(check_files(&[f("a.csv", 0.0), f("b.csv", 1e6)]).is_ok());
        let big = check_files(&[f("a.csv", 1.0), f("huge.csv", 70.0 * 1048576.0)]).unwrap_err();
        assert!(big.starts_with("huge.csv is 73.4 MB"), "{big}");
        assert!(check_files(&[f("a.csv", f64::NAN)]).is_err());
        let many: Vec<_> = (0..65).map(|i| f(&format!("{i}.csv"), 1.0)).collect();
        assert!(check_files(&many).unwrap_err().contains("at most 64"));
    }

    #[test]
    fn an_import_becomes_a_dataset_of_this_browser() {
        let id = mine_id(1_764_614_400_000.0);
        assert!(id.starts_with("mine-") && id.len() > 6, "{id}");
        assert_ne!(id, mine_id(1_764_614_400_001.0));
        assert_eq!(mine_id(f64::NAN), "mine-0");
        let bundle = crate::fixtures::bundle("2024");
        let json = bundle.to_json().unwrap();
        let mine = index_worker::jobs::relabel(&json, &as_mine(&id, "2026-12-01")).unwrap();
        let read = crate::loader::parse_bundle("mine", &mine).unwrap();
        assert_eq!(read.id(), id);
        let line = index_core::display::source_line(&read);
        assert!(
            line.contains("Your data, ") && line.contains("(imported 2026-12-01), not published"),
            "{line}"
        );
    }
}
