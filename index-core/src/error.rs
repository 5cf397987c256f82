//! The one error type of the engine. Every variant names what was wrong and where, so that a
//! message can be shown to a person as it is — also inside a sentence, e.g. "The link: <error>;
//! showing the default."
//!
//! What a message echoes from its input is shortened: ids and texts by [`excerpt`] (at most
//! [`EXCERPT_CHARS`] characters, then `…`), numbers by [`short_number`] (never a 300-digit
//! decimal), so that no input, however long, makes a long message.

use std::borrow::Cow;

use thiserror::Error;

/// The most characters of an echoed id or text that a message shows (then `…`).
pub const EXCERPT_CHARS: usize = 40;

/// The most characters a composed message (e.g. a JSON reader's, which quotes what it read)
/// shows after each quoted part is shortened: its start and its end (where the position is)
/// are kept, joined by `…`.
pub const MESSAGE_CHARS: usize = 400;

/// `text` as echoed in a message: itself when at most [`EXCERPT_CHARS`] characters long,
/// else its first [`EXCERPT_CHARS`] characters and `…`.
///
/// ```
/// use index_core::error::excerpt;
/// assert_eq!(excerpt("rd"), "rd");
/// assert_eq!(excerpt(&"x".repeat(100_000)).chars().count(), 41);
/// ```
pub fn excerpt(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", text.get(..end).unwrap_or_default())),
    }
}

/// A composed message with every part quoted in backticks or double quotes shortened by
/// [`excerpt`], and the whole kept within [`MESSAGE_CHARS`] characters (its start and end).
/// For messages that quote their input, e.g. serde's ``unknown variant `…` ``.
///
/// ```
/// use index_core::error::excerpt_quoted;
/// let long = format!("unknown variant `{}`, expected `a` at line 1", "x".repeat(100_000));
/// let short = excerpt_quoted(&long);
/// assert!(short.len() < 200 && short.ends_with("expected `a` at line 1"), "{short}");
/// ```
pub fn excerpt_quoted(message: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest.get(open..=open).unwrap_or_default();
        let inner = open + 1;
        let Some(len) = rest.get(inner..).and_then(|r| r.find(quote)) else {
            break;
        };
        out.push_str(rest.get(..inner).unwrap_or_default());
        out.push_str(&excerpt(rest.get(inner..inner + len).unwrap_or_default()));
        out.push_str(quote);
        rest = rest.get(inner + len + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    let chars = out.chars().count();
    if chars > MESSAGE_CHARS {
        // Keep the start and the last quarter (a reader's position is at the end).
        let tail = MESSAGE_CHARS / 4;
        let head: String = out.chars().take(MESSAGE_CHARS - tail - 1).collect();
        let end: String = out.chars().skip(chars - tail).collect();
        out = format!("{head}…{end}");
    }
    if out == message {
        Cow::Borrowed(message)
    } else {
        Cow::Owned(out)
    }
}

/// A number as short text that reads back as the same `f64`: Rust's shortest round-trip
/// digits, written plainly (`2`, `0.25`, `0.00001`, `75000`) unless that takes more than 8
/// characters and the exponent form is shorter (`1e-9`, `1e308`, `4.2e12`). `-0` is written
/// `0`. For links, files, captions and messages alike.
///
/// ```
/// use index_core::error::short_number;
/// for x in [2.0, 0.25, 1e-5, 1.0 / 3.0, 1e308, 5e-324, 75000.0] {
///     assert_eq!(short_number(x).parse::<f64>().unwrap(), x);
/// }
/// assert_eq!(short_number(0.00001), "0.00001");
/// assert_eq!(short_number(1e308), "1e308");
/// ```
pub fn short_number(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let plain = format!("{x}");
    if plain.len() <= 8 {
        return plain;
    }
    let exp = format!("{x:e}");
    if exp.len() < plain.len() {
        exp
    } else {
        plain
    }
}

/// Everything that can go wrong in the engine. Nothing in `index-core` panics: every failure is
/// one of these, carrying the node, unit, indicator or field at fault.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum Error {
    /// Two entries of the same kind share an id.
    #[error("duplicate {kind} id `{}`", excerpt(.id))]
    DuplicateId {
        /// What kind of entry: "unit", "indicator", "node", …
        kind: &'static str,
        /// The repeated id.
        id: String,
    },
    /// A framework leaf names an indicator the dataset does not have.
    #[error("framework node `{}` refers to unknown indicator `{}`", excerpt(.node), excerpt(.indicator))]
    UnknownIndicator {
        /// The framework node.
        node: String,
        /// The missing indicator id.
        indicator: String,
    },
    /// A reference to something that does not exist (a parent node, a source, a group, …).
    #[error("{what} `{}` is unknown (referred to by {})", excerpt(.id), excerpt_quoted(.by))]
    Unknown {
        /// What kind of thing was looked up.
        what: &'static str,
        /// The id that was not found.
        id: String,
        /// Who referred to it.
        by: String,
    },
    /// A weight that is negative, over [`crate::framework::MAX_WEIGHT`], infinite or NaN.
    #[error(
        "weight of `{}` must be a number from 0 to {}, got {}",
        excerpt(.node),
        short_number(crate::framework::MAX_WEIGHT),
        short_number(*.weight)
    )]
    BadWeight {
        /// The node whose weight is wrong.
        node: String,
        /// The weight given.
        weight: f64,
    },
    /// All children of an aggregate have weight zero, so no score can be formed.
    #[error(
        "all children of `{}` have weight 0: at least one must be positive",
        excerpt(.parent)
    )]
    ZeroWeights {
        /// The parent node.
        parent: String,
    },
    /// The framework's parent links loop.
    #[error("the framework has a cycle through node `{}`", excerpt(.node))]
    Cycle {
        /// A node on the cycle.
        node: String,
    },
    /// The framework must have exactly one root (a node without parent).
    #[error(
        "the framework must have exactly one root node, found {found}: {}",
        excerpt_quoted(.roots)
    )]
    Roots {
        /// How many roots were found.
        found: usize,
        /// Their ids, comma-separated.
        roots: String,
    },
    /// A structural problem with a framework node.
    #[error("framework node `{}`: {}", excerpt(.node), excerpt_quoted(.problem))]
    BadNode {
        /// The node at fault.
        node: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A data value that is not a finite number.
    #[error(
        "value of `{}` for `{}` in {year} is not a finite number",
        excerpt(.indicator),
        excerpt(.unit)
    )]
    NonFinite {
        /// The indicator.
        indicator: String,
        /// The unit.
        unit: String,
        /// The year.
        year: i32,
    },
    /// The dataset's value table does not have the declared shape.
    #[error("dataset shape: {}", excerpt_quoted(.0))]
    Shape(String),
    /// A year that the dataset does not hold.
    #[error("year {year} is not in the dataset (it has {first}–{last})")]
    UnknownYear {
        /// The year asked for.
        year: i32,
        /// The first year held.
        first: i32,
        /// The last year held.
        last: i32,
    },
    /// The dataset holds no years at all.
    #[error("the dataset holds no data")]
    EmptyDataset,
    /// A method parameter outside its allowed range (see [`crate::method::limits`]): the message
    /// names the setting, the value and the limit, e.g. "carry_forward: 4000000000 is over the
    /// limit of 50 years".
    #[error("{}", excerpt_quoted(&format!("{setting}: {problem}")))]
    BadMethod {
        /// Which setting (e.g. `normalisation`, `screen`, `indicators[le].normalisation`).
        setting: String,
        /// What is wrong.
        problem: String,
    },
    /// A scenario, URL or JSON text that cannot be read.
    #[error("{}", excerpt_quoted(&format!("cannot read {what}: {problem}")))]
    Parse {
        /// What was being read (e.g. "scenario JSON", "URL parameter `w`").
        what: String,
        /// What went wrong, with position when known.
        problem: String,
    },
    /// A scenario written by a newer version of the software.
    #[error(
        "{} has format version {found}, newer than this software reads ({supported}); update the software",
        excerpt_quoted(.what)
    )]
    FutureVersion {
        /// What was being read.
        what: String,
        /// Version found.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// A scenario made for another bundle than the one it is resolved against.
    #[error("it is for bundle `{}`, not `{}`", excerpt(.scenario), excerpt(.bundle))]
    OtherBundle {
        /// The bundle the scenario names.
        scenario: String,
        /// The bundle it was resolved against.
        bundle: String,
    },
    /// A year in which the bundle's framework has no data.
    #[error("there is no data for {year} ({})", excerpt_quoted(.with_data))]
    NoDataForYear {
        /// The year asked for.
        year: i32,
        /// The years that have data, in short (e.g. "data for 2000–2019").
        with_data: String,
    },
    /// Weights given for nodes the framework does not have. However many there are, the error
    /// keeps their count and the first few ids only.
    #[error("{}", unknown_weights(*.count, .examples))]
    UnknownWeights {
        /// How many weights name an unknown node.
        count: usize,
        /// The first few of those ids (at most [`UNKNOWN_EXAMPLES`]), as given.
        examples: Vec<String>,
    },
    /// Weights used with another framework than the one they were made for.
    #[error("the weights were made for another framework than the one scored")]
    OtherFramework,
    /// Over- and under-performance asked of a bundle that ships no GDP per capita
    /// ([`crate::bundle::Bundle::gdp_per_capita`]).
    #[error(
        "bundle `{}` has no GDP per capita indicator to compare its scores with",
        excerpt(.bundle)
    )]
    NoGdpPerCapita {
        /// The bundle's id.
        bundle: String,
    },
    /// An uncertainty or sensitivity analysis asked for more than its sampler or its bounds
    /// allow (draws, inputs, bootstrap replicates), or for nothing to vary.
    #[error("uncertainty analysis: {0}")]
    Sampling(String),
    /// Rank bounds (`bounds`) or benefit-of-the-doubt weights (`bod`), both with feature `lp`,
    /// asked of inputs they do not apply to (a level that is not an arithmetic mean, share
    /// bounds no weights satisfy, a negative criterion), or a solve the solver could not finish.
    /// Names the analysis and what is wrong, e.g. "rank bounds: shares from 0.3 to 0.5 cannot
    /// sum to 1 over 5 criteria".
    #[error("{analysis}: {}", excerpt_quoted(.problem))]
    Optimisation {
        /// Which analysis: "rank bounds" or "benefit of the doubt".
        analysis: &'static str,
        /// What is wrong, naming the node, unit or setting.
        problem: String,
    },
    /// Attribution of a change between two scenarios ([`crate::attribution`]) or a target for a
    /// unit ([`crate::target`]) asked of inputs it does not apply to: too many changes or
    /// permutations, scenarios that do not fit the bundle, a unit or indicator without a value.
    /// Names the analysis and what is wrong, e.g. "target: `KEN` has no value of `rd` in 2021".
    #[error("{analysis}: {}", excerpt_quoted(.problem))]
    Explanation {
        /// Which analysis: "attribution" or "target".
        analysis: &'static str,
        /// What is wrong, naming the scenario, unit, indicator or setting.
        problem: String,
    },
    /// An audit of the index's own health ([`crate::coherence`]) asked of inputs it does not
    /// apply to: too few scored units, no indicator to list, a unit that is not there. Names the
    /// analysis and what is wrong, e.g. "statistical coherence: 2 units have an index score in
    /// 2021; at least 3 are needed".
    #[error("{analysis}: {}", excerpt_quoted(.problem))]
    Audit {
        /// Which analysis: "statistical coherence", "leave one out", "strengths and weaknesses".
        analysis: &'static str,
        /// What is wrong, naming the unit, year or setting.
        problem: String,
    },
    /// Fewer than two groups, or more than [`crate::scenario::MAX_GROUPS`], to compare.
    #[error("groups to compare: {count}; from 2 to {max} can be compared")]
    GroupCount {
        /// How many were given.
        count: usize,
        /// The most that can be.
        max: usize,
    },
}

/// How many unknown ids an [`Error::UnknownWeights`] keeps.
pub const UNKNOWN_EXAMPLES: usize = 3;

fn unknown_weights(count: usize, examples: &[String]) -> String {
    let ids: Vec<String> = examples
        .iter()
        .take(UNKNOWN_EXAMPLES)
        .map(|id| format!("`{}`", excerpt(id)))
        .collect();
    let more = count.saturating_sub(ids.len());
    let list = ids.join(", ");
    match (count, more) {
        (1, _) => format!("weight for unknown node {list}"),
        (_, 0) => format!("weights for {count} unknown nodes: {list}"),
        _ => format!("weights for {count} unknown nodes: {list} and {more} more"),
    }
}

/// The engine's result type.
pub type Result<T> = std::result::Result<T, Error>;
