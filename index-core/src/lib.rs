//! # index-core — the composite-index engine
//!
//! Builds composite indices the way the JRC/OECD *Handbook on Constructing Composite Indicators*
//! and the JRC's COINr package do, in pure Rust that runs the same natively (the `index` CLI) and
//! in the browser (the app, compiled to WebAssembly). No I/O, no web types, and no panics: every
//! failure is an [`Error`] naming what was wrong and where.
//!
//! The modules follow the pipeline:
//!
//! | step | module |
//! |---|---|
//! | data model: units, indicators, sources, groups, values per year | [`dataset`] |
//! | the tree of indicators → pillars → index, with weights | [`framework`] |
//! | every methodological choice | [`method`] |
//! | divide by denominators | [`denominate`] |
//! | fill missing values | [`impute`] |
//! | drop units with too little data | [`screen`] |
//! | outlier treatment (winsorise, log) | [`treat`] |
//! | common scale | [`normalise`] |
//! | pillar and index scores | [`aggregate`] |
//! | competition ranking | [`rank`] |
//! | low-discrepancy sample points (Owen-scrambled Sobol) | [`sample`] |
//! | variance-based sensitivity indices (Saltelli design, bootstrap intervals) | [`sensitivity`] |
//! | sorting through one compiled sort (a smaller wasm) | [`order`] |
//! | running the steps, results | [`pipeline`] |
//! | group gaps (LDCs vs developed…) | [`groups`] |
//! | rank changes between scenarios | [`compare`] |
//! | the index's own health: correlations, Cronbach's α, effective weights, leave one out, strengths | [`coherence`] |
//! | why a unit moved between two scenarios: each change's Shapley part | [`attribution`] |
//! | what a unit would need to reach a rank: the smallest improvement of its indicators | [`target`] |
//! | over- and under-performers against income (UNCTAD) | [`performers`] |
//! | how far a rank can be trusted: Monte Carlo over weights and methods | [`uncertainty`] |
//! | exact best and worst rank under any weights within bounds (feature `lp`) | `bounds` |
//! | benefit-of-the-doubt weights (feature `lp`) | `bod` |
//! | saved and shared scenarios | [`scenario`] |
//! | what a bundle ships | [`bundle`] |
//! | the built-in indices (HDI, FTRI, …) | [`builtin`] |
//!
//! Each step module holds the method as the Handbook states it; the fused, vectorised kernels
//! that make 50 000 units fast live in a private `kernels` module, each checked against its
//! step's plain implementation by property tests.
//!
//! ```
//! use index_core::{builtin, dataset::*, pipeline};
//! let hdi = builtin::hdi().unwrap();
//! let source = Source { id: "hdro".into(), publisher: "UNDP".into(), title: "HDR".into(),
//!     edition: "2023/24".into(), licence: "open".into(), url: "https://hdr.undp.org".into() };
//! let indicators = hdi.indicators.iter().map(|i| Indicator { id: i.id.into(), name: i.name.into(),
//!     unit: i.unit.into(), direction: i.direction, source: "hdro".into() }).collect();
//! let units = vec![Unit { short: None, code: "NOR".into(), name: "Norway".into(), groups: vec![] }];
//! let mut b = DatasetBuilder::new(units, indicators, vec![source], vec![], vec![2022]).unwrap();
//! for (id, v) in [("le", 83.39), ("eys", 18.82), ("mys", 13.07), ("gnipc", 69190.1)] {
//!     b.set("NOR", id, 2022, v).unwrap();
//! }
//! let data = b.build();
//! let r = pipeline::run(&data, &hdi.framework, &hdi.method, &hdi.framework.weights(), 2022).unwrap();
//! assert_eq!(format!("{:.3}", r.index(0).unwrap()), "0.966");
//! ```

#![deny(missing_docs)]
// "index-core never panics" (ARCHITECTURE.md, Invariants), enforced: no indexing or slicing that
// can go out of bounds, no unwrap/expect, no explicit panic, unreachable!, todo! or
// unimplemented! in library code. Each justified exception is an `#[allow]` on the smallest item
// with a comment proving it cannot fire (there are none today). Test modules that index allow
// it on their first line; `clippy.toml` allows unwrap, expect and panic in tests. An attribute
// here rather than a `[lints]` table: see ARCHITECTURE.md, Invariants.
#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

pub mod aggregate;
pub mod attribution;
#[cfg(feature = "lp")]
pub mod bod;
#[cfg(feature = "lp")]
pub mod bounds;
pub mod builtin;
pub mod bundle;
pub mod coherence;
pub mod compare;
pub mod dataset;
pub mod denominate;
pub mod display;
pub mod error;
pub mod framework;
pub mod groups;
pub mod impute;
mod kernels;
pub mod matrix;
pub mod method;
pub mod normalise;
pub mod order;
pub mod performers;
pub mod pipeline;
pub mod rank;
pub mod sample;
pub mod scenario;
pub mod screen;
pub mod sensitivity;
pub mod stats;
pub mod target;
pub mod treat;
pub mod uncertainty;

pub use error::{Error, Result};
