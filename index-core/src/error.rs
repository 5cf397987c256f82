//! The one error type of the engine. Every variant names what was wrong and where, so that a
//! message can be shown to a person as it is.

use thiserror::Error;

/// Everything that can go wrong in the engine. Nothing in `index-core` panics: every failure is
/// one of these, carrying the node, unit, indicator or field at fault.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum Error {
    /// Two entries of the same kind share an id.
    #[error("duplicate {kind} id `{id}`")]
    DuplicateId {
        /// What kind of entry: "unit", "indicator", "node", …
        kind: &'static str,
        /// The repeated id.
        id: String,
    },
    /// A framework leaf names an indicator the dataset does not have.
    #[error("framework node `{node}` refers to unknown indicator `{indicator}`")]
    UnknownIndicator {
        /// The framework node.
        node: String,
        /// The missing indicator id.
        indicator: String,
    },
    /// A reference to something that does not exist (a parent node, a source, a group, …).
    #[error("{what} `{id}` is unknown (referred to by {by})")]
    Unknown {
        /// What kind of thing was looked up.
        what: &'static str,
        /// The id that was not found.
        id: String,
        /// Who referred to it.
        by: String,
    },
    /// A weight that is negative, infinite or NaN.
    #[error("weight of `{node}` must be a finite number ≥ 0, got {weight}")]
    BadWeight {
        /// The node whose weight is wrong.
        node: String,
        /// The weight given.
        weight: f64,
    },
    /// All children of an aggregate have weight zero, so no score can be formed.
    #[error("all children of `{parent}` have weight 0: at least one must be positive")]
    ZeroWeights {
        /// The parent node.
        parent: String,
    },
    /// The framework's parent links loop.
    #[error("the framework has a cycle through node `{node}`")]
    Cycle {
        /// A node on the cycle.
        node: String,
    },
    /// The framework must have exactly one root (a node without parent).
    #[error("the framework must have exactly one root node, found {found}: {roots}")]
    Roots {
        /// How many roots were found.
        found: usize,
        /// Their ids, comma-separated.
        roots: String,
    },
    /// A structural problem with a framework node.
    #[error("framework node `{node}`: {problem}")]
    BadNode {
        /// The node at fault.
        node: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A data value that is not a finite number.
    #[error("value of `{indicator}` for `{unit}` in {year} is not a finite number")]
    NonFinite {
        /// The indicator.
        indicator: String,
        /// The unit.
        unit: String,
        /// The year.
        year: i32,
    },
    /// The dataset's value table does not have the declared shape.
    #[error("dataset shape: {0}")]
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
    /// A method parameter outside its allowed range.
    #[error("method setting `{setting}`: {problem}")]
    BadMethod {
        /// Which setting (e.g. `normalisation`, `screen.min_share`, `indicator[le].normalisation`).
        setting: String,
        /// What is wrong.
        problem: String,
    },
    /// A scenario, URL or JSON text that cannot be read.
    #[error("cannot read {what}: {problem}")]
    Parse {
        /// What was being read (e.g. "scenario JSON", "URL parameter `w`").
        what: String,
        /// What went wrong, with position when known.
        problem: String,
    },
    /// A scenario written by a newer version of the software.
    #[error("{what} has format version {found}, newer than this software reads ({supported}); update the software")]
    FutureVersion {
        /// What was being read.
        what: String,
        /// Version found.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
}

/// The engine's result type.
pub type Result<T> = std::result::Result<T, Error>;
