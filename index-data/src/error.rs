//! The one error type of the data pipeline. Every variant that comes from a file names the file,
//! the line (1-based, as an editor shows it) and, where there is one, the column and the text at
//! fault, so that a message can be acted on without opening a debugger.

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// A place in an input file: path and 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    /// The file.
    pub file: PathBuf,
    /// 1-based line number, as an editor shows it.
    pub line: u64,
}

impl At {
    /// A place in `file` at `line`.
    pub fn new(file: &Path, line: u64) -> Self {
        At {
            file: file.to_path_buf(),
            line,
        }
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)
    }
}

/// `bytes` as "1 MiB", "64 MiB", "512 KiB".
fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes >> 10)
    }
}

/// Everything that can go wrong between the publishers' files and the written bundles.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A file is larger than the most read for its kind ([`crate::read::read_bounded`]).
    #[error("{} is larger than {}, the most read for a {what}", path.display(), size(*.limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit, in bytes.
        limit: u64,
        /// What the file was read as ("publisher's file", "scenario file"…).
        what: &'static str,
    },
    /// A file could not be written (or a directory created).
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file or directory.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// Bytes that are not valid in the file's declared encoding.
    #[error("{at}: not valid {encoding} text (byte {byte} of the line)")]
    Encoding {
        /// Where.
        at: At,
        /// The encoding expected (e.g. "UTF-8").
        encoding: &'static str,
        /// 1-based byte position within the line.
        byte: usize,
    },
    /// The CSV reader could not split a record (e.g. an unterminated quote).
    #[error("{at}: CSV syntax error: {message}")]
    Csv {
        /// Where.
        at: At,
        /// The CSV reader's message.
        message: String,
    },
    /// A cell that should hold a number does not.
    #[error("{at}, column {column} (`{header}`): `{text}` is not a number")]
    BadNumber {
        /// Where.
        at: At,
        /// 1-based column (field) number.
        column: usize,
        /// The column's header, as written (trimmed).
        header: String,
        /// The offending text.
        text: String,
    },
    /// A country or area name that matches no M49 name, normalised form or documented variant.
    #[error(
        "{at}: unknown country or area `{name}`: it matches no UN M49 name, and no variant in \
         index_data::countries::VARIANTS; add a variant (or a known non-country row) there"
    )]
    UnknownName {
        /// Where.
        at: At,
        /// The name as written.
        name: String,
    },
    /// A row whose name and code columns disagree.
    #[error("{at}: name `{name}` is {by_name} in UN M49, but the code column says `{code}`")]
    NameCodeMismatch {
        /// Where.
        at: At,
        /// The name as written.
        name: String,
        /// The code the name resolves to.
        by_name: String,
        /// The code written in the row.
        code: String,
    },
    /// The same value given twice (same unit, series and year).
    #[error("{at}: {what} given twice (first on line {first})")]
    Duplicate {
        /// Where (the second occurrence).
        at: At,
        /// What was repeated, e.g. "`ICT` for `AFG` in 2008".
        what: String,
        /// Line of the first occurrence.
        first: u64,
    },
    /// The file does not have the layout its reader expects (a missing column, a bad header, a
    /// row of the wrong length, a year that is not a year…).
    #[error("{at}: {problem}")]
    Format {
        /// Where.
        at: At,
        /// What is wrong, naming the column or text at fault.
        problem: String,
    },
    /// A bundle id that is not one of [`crate::BUNDLES`].
    #[error("unknown bundle `{id}`; the bundles are: {known}")]
    UnknownBundle {
        /// The id asked for.
        id: String,
        /// The known ids, comma-separated.
        known: String,
    },
    /// The engine rejected what was assembled (a framework, dataset or bundle).
    #[error("bundle `{bundle}`: {source}")]
    Engine {
        /// The bundle being built.
        bundle: String,
        /// The engine's error.
        #[source]
        source: index_core::Error,
    },
    /// The map's topology cannot be read or drawn (missing, not TopoJSON, a feature without a
    /// code or with an arc that does not exist).
    #[error("{}: {problem}", path.display())]
    Map {
        /// The topology file.
        path: PathBuf,
        /// What is wrong, naming the feature or arc.
        problem: String,
    },
    /// The list of short country names cannot be read (missing, or not the iso-codes JSON).
    #[error("{}: {problem}", path.display())]
    ShortNames {
        /// The list's file.
        path: PathBuf,
        /// What is wrong, and how to install the list.
        problem: String,
    },
    /// Units scored by a bundle that the map cannot draw and `map::WITHOUT_GEOMETRY` does not
    /// list.
    #[error(
        "the map has no shape or circle for {missing}: add the geometry, or list the code with \
         the reason in index-data's map::WITHOUT_GEOMETRY"
    )]
    MapCoverage {
        /// Each code with its bundle, e.g. `GIB (tech)`.
        missing: String,
    },
    /// Something the data should provide but does not (e.g. a default group with no members).
    #[error("bundle `{bundle}`: {problem}")]
    Bundle {
        /// The bundle being built.
        bundle: String,
        /// What is missing.
        problem: String,
    },
}

impl Error {
    /// A [`Error::Format`] at `file:line`.
    pub(crate) fn format(file: &Path, line: u64, problem: impl Into<String>) -> Self {
        Error::Format {
            at: At::new(file, line),
            problem: problem.into(),
        }
    }

    /// Wraps an engine error for bundle `bundle`.
    pub(crate) fn engine(bundle: &str) -> impl FnOnce(index_core::Error) -> Self + '_ {
        move |source| Error::Engine {
            bundle: bundle.to_string(),
            source,
        }
    }
}

/// The data pipeline's result type.
pub type Result<T> = std::result::Result<T, Error>;
