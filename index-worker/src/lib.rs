//! # index-worker — the app's background worker
//!
//! Heavy work (every year under a scenario now; the uncertainty analysis, rank bounds and
//! imports later) runs off the page's thread, in a Web Worker with its own wasm module, loaded
//! only when first needed. This crate holds both ends' common ground and the worker itself:
//!
//! - [`protocol`]: the messages (typed, serde, one JSON text each), read and written by the page
//!   (`app::worker_client`) and by the worker;
//! - [`jobs`]: what the worker computes, as pure functions over `index-core` (the same engine
//!   the page and the CLI run), and the [`jobs::Session`] that answers one message;
//! - the `worker` bin (`src/main.rs`): the wasm entry point Trunk builds into
//!   `worker_loader.js` + `worker.js` + `worker_bg.wasm`; it moves text between the browser
//!   and [`jobs::Session`], nothing else.
//!
//! The crate depends on neither Leptos nor plotters, so the worker's module carries the engine,
//! serde and a few browser bindings only; the page's module links [`protocol`] and not the jobs.

#![deny(missing_docs)]

pub mod jobs;
pub mod protocol;
