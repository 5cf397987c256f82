//! The messages between the page (the main thread) and the worker.
//!
//! Every message is one JSON text (`postMessage` of a string): the page sends [`ToWorker`], the
//! worker answers with [`FromWorker`]. Both sides read them with serde, so a message is checked
//! field by field, and the same types are read and written natively in tests.
//!
//! ## A job's life
//!
//! ```text
//! worker starts ──▶ Ready(version)
//! page ──ToWorker { job: 7, bundle, scenario, request }──▶ worker
//!      ◀── Job(7, Progress { done: 1, total: 24 }) … (after each step)
//!      ◀── Job(7, Done(Outcome::…))   or   Job(7, Failed("…"))
//! ```
//!
//! Every answer to a request carries its job id, so the page routes it to whoever asked. A
//! message the worker cannot read at all (not JSON, no job id) is answered with
//! [`FromWorker::Unreadable`]; one whose job id it can read but whose rest is malformed gets a
//! [`Response::Failed`] naming the problem. The worker never panics on a message.
//!
//! ## Flat on the wire
//!
//! A [`ToWorker`] is written as serde derives it. A [`FromWorker`] travels as one flat array,
//! `[kind, job, done, total, text, codes, years, skipped]` (`Wire` below says which kind uses
//! which field), and a year as an array too (`[year, scores, ranks]`): the
//! page's module reads them with small sequence code instead of serde's code for three nested
//! enums and named fields, as the app reads its other tagged enums from flat records (see
//! ARCHITECTURE.md, Wasm size). The types on either side are the enums and structs below; only
//! the text is flat.
//!
//! ## The bundle is fetched once
//!
//! A bundle is large (the FTRI's JSON is 190 KB, the technology panel's 700 KB), and later
//! requests (Monte Carlo, rank bounds) come in series over the same bundle. A request names its
//! bundle by a key and says where it comes from ([`BundleRef`]): the URL the page loaded it
//! from (the worker fetches it, so the page neither writes nor copies it), or its JSON text
//! (for a bundle that has no URL, such as an import). The worker keeps the last bundle, parsed,
//! under its key, and a later request with the same key reuses it without fetching or parsing.
//! The page gives a new key to every bundle it loads.
//!
//! ## Versions
//!
//! The worker's files are not content-hashed (its name must be known at run time), so a page
//! could meet a worker cached from another release. The worker says its [`VERSION`] first
//! ([`FromWorker::Ready`]); the page refuses to use a worker that speaks another.

use index_core::scenario::Scenario;
use index_core::target::TargetStatus;
use index_core::uncertainty::Plan;
use serde::{Deserialize, Serialize};

/// The protocol's version: raised on any change to these types' JSON form.
pub const VERSION: u32 = 4;

/// A job's identity, chosen by the page (unique while the page is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JobId(pub u32);

/// A message from the page to the worker: one job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToWorker {
    /// The job's id; every answer carries it.
    pub job: JobId,
    /// The bundle to work on.
    pub bundle: BundleRef,
    /// The scenario (weights, method; resolved against the bundle by the worker).
    pub scenario: Scenario,
    /// What to compute.
    pub request: Request,
}

/// Which bundle a job works on: a key, and where the bundle comes from if the worker does not
/// hold that key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum BundleRef {
    /// The bundle file at `url` (relative URLs resolve against the worker's script, which sits
    /// beside the page).
    Url {
        /// The key the worker keeps it under.
        key: String,
        /// Where the page loaded it from (`data/<id>.json`).
        url: String,
    },
    /// The bundle's JSON text (as [`index_core::bundle::Bundle::to_json`] writes it).
    Text {
        /// The key the worker keeps it under.
        key: String,
        /// The bundle's JSON text.
        json: String,
    },
}

impl BundleRef {
    /// The key.
    pub fn key(&self) -> &str {
        match self {
            BundleRef::Url { key, .. } | BundleRef::Text { key, .. } => key,
        }
    }
}

/// What a job computes. Later features (imports) add variants here and in
/// [`Outcome`] (and a kind in the flat form of [`FromWorker`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Score every year with data under the scenario: per year, every unit's index score and
    /// rank ([`crate::jobs::score_years`]). Progress after each year.
    ScoreYears,
    /// The uncertainty analysis of the scenario's year ([`crate::jobs::robustness`]): the plan's
    /// draws, then, with `sensitivity` bootstrap replicates, the sensitivity analysis of the
    /// same plan. Progress every few draws.
    Robustness {
        /// What varies, how many draws, the seed.
        plan: Plan,
        /// Bootstrap replicates of a sensitivity analysis, if one is asked for.
        sensitivity: Option<u32>,
    },
    /// Each unit's exact best and worst rank under any weights of the pillars within `range`
    /// (`index_core::bounds`), then its benefit-of-the-doubt score (`index_core::bod`) with
    /// each pillar's least share `min_share` ([`crate::jobs::ranges`]). Progress after each
    /// unit's bounds. Needs a worker built with the solver (feature `lp`).
    Ranges {
        /// Which weights the bounds range over.
        range: WeightRange,
        /// The least share of each pillar in a unit's benefit-of-the-doubt score.
        min_share: f64,
    },
    /// Why each unit moved from `from` (the bundle's published scenario when `None`) to the
    /// message's scenario: each change's Shapley part of every unit's change in score and rank
    /// (`index_core::attribution`, exactly up to 12 changes, else from 1 000 sampled orders,
    /// seed 1 — as `index explain` by default) ([`crate::jobs::explain`]). No progress.
    Explain {
        /// The scenario changed from; `None`: the bundle's published weights, method and year.
        from: Option<Scenario>,
    },
    /// The index's own health under the scenario, as the JRC audits it
    /// ([`crate::jobs::health`]): correlations with their flags, Cronbach's α, nominal against
    /// effective weights (`index_core::coherence::coherence`), and each node left out in turn
    /// (`index_core::coherence::leave_one_out`). No progress.
    Health,
    /// One's own files to a bundle and its report (`index_data::import`, the code `index
    /// import` runs; [`crate::jobs::import`]). Progress after each file read. The message's
    /// bundle and scenario are not used (any will do: nothing is fetched).
    Import {
        /// The data files.
        files: Vec<ImportFile>,
        /// A framework in the COINr metadata layout, if given apart.
        framework: Option<ImportFile>,
        /// What the person said instead of letting the import detect it.
        options: ImportOptions,
    },
    /// What it would take: the smallest improvement of `indicators` (framework indicator ids,
    /// several together in proportion to their gaps to the best observed value) that lifts
    /// `unit` (an ISO3 code) to `goal` under the scenario (`index_core::target::target` —
    /// exactly what `index target` computes) ([`crate::jobs::target`]). No progress.
    Target {
        /// The unit (ISO3 code).
        unit: String,
        /// The indicators to improve (framework indicator ids).
        indicators: Vec<String>,
        /// The rank to reach or the rival to pass.
        goal: TargetGoal,
    },
}

/// The most bytes of one imported file (as `index_data::read::MAX_FILE_BYTES`: 64 MiB).
pub const MAX_IMPORT_BYTES: usize = 64 << 20;

/// The most files in one import request.
pub const MAX_IMPORT_FILES: usize = 64;

/// One file of an import: its name and its bytes in base64 (standard alphabet, padded): a
/// message is JSON text, and base64 is a third larger where an array of numbers would be three
/// to four times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportFile {
    /// The file's name, shown in every message about it.
    pub name: String,
    /// Its bytes, in base64.
    pub base64: String,
}

impl ImportFile {
    /// The file `name` holding `bytes`.
    pub fn new(name: &str, bytes: &[u8]) -> ImportFile {
        ImportFile {
            name: name.to_string(),
            base64: base64_encode(bytes),
        }
    }

    /// Its bytes.
    ///
    /// # Errors
    /// Text that is not base64, or more than [`MAX_IMPORT_BYTES`], naming the file.
    pub fn bytes(&self) -> Result<Vec<u8>, String> {
        if self.base64.len() / 4 * 3 > MAX_IMPORT_BYTES + 3 {
            return Err(format!(
                "{}: larger than {} MiB",
                self.name,
                MAX_IMPORT_BYTES >> 20
            ));
        }
        base64_decode(&self.base64).map_err(|e| format!("{}: {e}", self.name))
    }
}

/// The options of an import, each detected when left out.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// `long`, `wide`, `per-indicator`, `coinr`, or `xlsx` (the files are workbooks).
    pub layout: Option<String>,
    /// The field delimiter.
    pub delimiter: Option<char>,
    /// Whether numbers use a decimal comma.
    pub decimal_comma: Option<bool>,
    /// `utf-8`, `latin-1`, `utf-16le` or `utf-16be`.
    pub encoding: Option<String>,
    /// The year of values in files without a year column (default 2000).
    pub year: Option<i32>,
    /// The coverage threshold, a share from 0 to 1 (default 0.5).
    pub coverage: Option<f64>,
    /// The bundle's title (default "Your data"), at most 200 characters.
    pub title: Option<String>,
    /// The worksheets to read in workbooks (empty: as detected).
    pub sheets: Vec<String>,
    /// The bundle made a dataset of the page's (its id, its sources' credit); `None`: as
    /// imported.
    pub as_dataset: Option<AsDataset>,
}

/// What makes an import's bundle a dataset of the page's own: its id, and the publisher,
/// edition and licence every one of its sources is credited with (the app's "Your data",
/// "imported 2026-12-01", "not published").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AsDataset {
    /// The bundle's id.
    pub id: String,
    /// Each source's publisher.
    pub publisher: String,
    /// Each source's edition.
    pub edition: String,
    /// Each source's licence.
    pub licence: String,
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `bytes` in base64 (standard alphabet, padded).
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    let digit = |v: u32| char::from(BASE64.get((v & 63) as usize).copied().unwrap_or(b'A'));
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let v = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(digit(v >> 18));
        out.push(digit(v >> 12));
        out.push(if chunk.len() > 1 { digit(v >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { digit(v) } else { '=' });
    }
    out
}

/// The bytes of base64 `text` (standard alphabet; padding optional; no white space).
///
/// # Errors
/// A character outside the alphabet (naming its position) or a length no base64 has.
pub fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    let body = text.trim_end_matches('=');
    if text.len() - body.len() > 2 || body.len() % 4 == 1 {
        return Err("not base64: its length is not one base64 has".into());
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in body.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => {
                return Err(format!(
                    "not base64: character {} is `{}`",
                    i + 1,
                    char::from(c)
                ))
            }
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// What a [`Request::Target`] is to reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetGoal {
    /// This rank or better (1 is first).
    Rank(u32),
    /// A score above this unit's (ISO3 code).
    Past(String),
}

/// Which weights the rank bounds range over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WeightRange {
    /// Any weights: each pillar's share anywhere from 0 to 1.
    Any,
    /// Each pillar's share between half and double its current share.
    HalfToDouble,
}

/// A message from the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Wire", into = "Wire")]
pub enum FromWorker {
    /// The worker has started and reads requests; sent once, first, with the protocol version
    /// it speaks ([`VERSION`]).
    Ready(u32),
    /// About one job: which, and what happened.
    Job(JobId, Response),
    /// A message the worker could not read enough of to know its job (not JSON, or no job id):
    /// what was wrong with it.
    Unreadable(String),
}

/// How a [`FromWorker`] travels: `[kind, job, done, total, text, codes, years, skipped,
/// robustness, ranges, explanation, health, imported, target]`, the fields a kind does not use
/// left at zero, empty, `[]` or `null`. Kinds: 0 `Ready` (version in `done`), 1 `Progress`, 2
/// `Done(ScoreYears)` (`codes`, `years`, `skipped`), 3 `Failed` (`text`), 4 `Unreadable`
/// (`text`), 5 `Done(Robustness)` (`robustness`), 6 `Done(Ranges)` (`ranges`), 7
/// `Done(Explain)` (`explanation`), 8 `Done(Health)` (`health`), 9 `Done(Import)`
/// (`imported`), 10 `Done(Target)` (`target`).
type Wire = (
    u32,
    u32,
    u32,
    u32,
    String,
    Vec<String>,
    Vec<YearScores>,
    Vec<(i32, String)>,
    Option<Robustness>,
    Option<Ranges>,
    Option<Explanation>,
    Option<Health>,
    Option<Imported>,
    Option<TargetAnswer>,
);

impl From<FromWorker> for Wire {
    fn from(m: FromWorker) -> Wire {
        let mut w: Wire = (
            0,
            0,
            0,
            0,
            String::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            None,
            None,
            None,
            None,
            None,
            None,
        );
        match m {
            FromWorker::Ready(version) => w.2 = version,
            FromWorker::Unreadable(why) => (w.0, w.4) = (4, why),
            FromWorker::Job(JobId(job), response) => {
                w.1 = job;
                match response {
                    Response::Progress { done, total } => (w.0, w.2, w.3) = (1, done, total),
                    Response::Failed(why) => (w.0, w.4) = (3, why),
                    Response::Done(Outcome::ScoreYears(s)) => {
                        (w.0, w.5, w.6, w.7) = (2, s.codes, s.years, s.skipped);
                    }
                    Response::Done(Outcome::Robustness(r)) => (w.0, w.8) = (5, Some(r)),
                    Response::Done(Outcome::Ranges(r)) => (w.0, w.9) = (6, Some(r)),
                    Response::Done(Outcome::Explain(e)) => (w.0, w.10) = (7, Some(e)),
                    Response::Done(Outcome::Health(h)) => (w.0, w.11) = (8, Some(h)),
                    Response::Done(Outcome::Import(i)) => (w.0, w.12) = (9, Some(i)),
                    Response::Done(Outcome::Target(t)) => (w.0, w.13) = (10, Some(t)),
                }
            }
        }
        w
    }
}

impl TryFrom<Wire> for FromWorker {
    type Error = String;
    fn try_from(
        (
            kind,
            job,
            done,
            total,
            text,
            codes,
            years,
            skipped,
            robustness,
            ranges,
            explanation,
            health,
            imported,
            target,
        ): Wire,
    ) -> Result<FromWorker, String> {
        let job = JobId(job);
        Ok(match kind {
            0 => FromWorker::Ready(done),
            1 => FromWorker::Job(job, Response::Progress { done, total }),
            2 => {
                let scored = ScoredYears {
                    codes,
                    years,
                    skipped,
                };
                FromWorker::Job(job, Response::Done(Outcome::ScoreYears(scored)))
            }
            3 => FromWorker::Job(job, Response::Failed(text)),
            4 => FromWorker::Unreadable(text),
            5 => {
                let r = robustness.ok_or("a robustness answer without its result")?;
                FromWorker::Job(job, Response::Done(Outcome::Robustness(r)))
            }
            6 => {
                let r = ranges.ok_or("a rank-bounds answer without its result")?;
                FromWorker::Job(job, Response::Done(Outcome::Ranges(r)))
            }
            7 => {
                let e = explanation.ok_or("an explanation without its result")?;
                FromWorker::Job(job, Response::Done(Outcome::Explain(e)))
            }
            8 => {
                let h = health.ok_or("a health check without its result")?;
                FromWorker::Job(job, Response::Done(Outcome::Health(h)))
            }
            9 => {
                let i = imported.ok_or("an import without its result")?;
                FromWorker::Job(job, Response::Done(Outcome::Import(i)))
            }
            10 => {
                let t = target.ok_or("a target without its result")?;
                FromWorker::Job(job, Response::Done(Outcome::Target(t)))
            }
            k => return Err(format!("unknown kind of message {k}")),
        })
    }
}

/// What happened to a job (it travels inside a [`FromWorker`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// `done` of `total` steps are finished (for [`Request::ScoreYears`], years).
    Progress {
        /// Steps finished.
        done: u32,
        /// Steps in all.
        total: u32,
    },
    /// The job finished.
    Done(Outcome),
    /// The job could not be done: why, for people.
    Failed(String),
}

/// A finished job's result, one variant per [`Request`] (it travels inside a [`FromWorker`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The result of [`Request::ScoreYears`].
    ScoreYears(ScoredYears),
    /// The result of [`Request::Robustness`].
    Robustness(Robustness),
    /// The result of [`Request::Ranges`].
    Ranges(Ranges),
    /// The result of [`Request::Explain`].
    Explain(Explanation),
    /// The result of [`Request::Health`].
    Health(Health),
    /// The result of [`Request::Import`].
    Import(Imported),
    /// The result of [`Request::Target`].
    Target(TargetAnswer),
}

/// An import's result: the bundle's JSON text when the files could be used, and the report
/// `index import` prints (files, what was detected, every problem), with its counts. Travels
/// flat: `[bundle, report, errors, warnings]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "ImportedRow", into = "ImportedRow")]
pub struct Imported {
    /// The bundle as JSON (`None`: an error stopped the import; the report says why).
    pub bundle: Option<String>,
    /// The report, as text.
    pub report: String,
    /// Errors found (listed or not).
    pub errors: u32,
    /// Warnings found (listed or not).
    pub warnings: u32,
}

type ImportedRow = (Option<String>, String, u32, u32);

impl From<ImportedRow> for Imported {
    fn from((bundle, report, errors, warnings): ImportedRow) -> Imported {
        Imported {
            bundle,
            report,
            errors,
            warnings,
        }
    }
}

impl From<Imported> for ImportedRow {
    fn from(i: Imported) -> ImportedRow {
        (i.bundle, i.report, i.errors, i.warnings)
    }
}

/// The index's own health in one scored year ([`index_core::coherence`]). Nodes are framework
/// positions. Travels flat ([`HealthRow`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "HealthRow", into = "HealthRow")]
pub struct Health {
    /// The year audited.
    pub year: i32,
    /// The correlations ([`index_core::coherence::Coherence::correlations`], in its order).
    pub pairs: Vec<PairRow>,
    /// Cronbach's α of each aggregate over its children: `(node, α, children, complete
    /// cases, why undefined — empty when defined)`, the root first.
    pub alphas: Vec<AlphaRow>,
    /// Every node but the root: `(node, nominal share of its parent, nominal share of the
    /// index, Pearson's r with the index, r²'s share among its siblings')`.
    pub weights: Vec<WeightRow>,
    /// Each node left out in turn: `(node, Some((median, mean, largest)) absolute rank change,
    /// why there is none — empty when there is)`.
    pub removals: Vec<RemovalRow>,
}

/// An aggregate's α: `(node, α, children, complete cases, why undefined)`.
pub type AlphaRow = (u32, Option<f64>, u32, u32, String);

/// A node's weight: `(node, nominal share, nominal overall, r with the index, effective share)`.
pub type WeightRow = (u32, f64, f64, Option<f64>, Option<f64>);

/// A node left out: `(node, (median, mean, largest) rank change, why none)`.
pub type RemovalRow = (u32, Option<(f64, f64, u64)>, String);

/// A pair of nodes' correlations: `(a, b, relation, Pearson's r, Spearman's ρ, flags)` —
/// relation 0 siblings, 1 same level, 2 parent, 3 ancestor (`b` the ancestor); flags a bit
/// each, 1 negative within a parent, 2 near-duplicates.
pub type PairRow = (u32, u32, u8, Option<f64>, Option<f64>, u8);

/// [`Health`] as it travels: `[year, pairs, alphas, alpha notes, weights, removals, removal
/// notes]`, each row's numbers one after another in one list of numbers or nulls (6 a pair, 4 an
/// α — node, α, children, cases —, 5 a weight, 4 a removal — node, median, mean, largest, null
/// when none —) and the texts in lists of their own: lists of types the page reads already, so
/// reading a health check adds almost no code to the page's module (see ARCHITECTURE.md, Wasm
/// size).
type HealthRow = (
    i32,
    Vec<Option<f64>>,
    Vec<Option<f64>>,
    Vec<String>,
    Vec<Option<f64>>,
    Vec<Option<f64>>,
    Vec<String>,
);

/// A count or position sent as a number (0 when missing; saturating).
fn whole(x: Option<f64>) -> u32 {
    // (`as` saturates and maps NaN to 0)
    x.unwrap_or(0.0) as u32
}

impl From<HealthRow> for Health {
    fn from(
        (year, pairs, alphas, alpha_notes, weights, removals, removal_notes): HealthRow,
    ) -> Self {
        let mut alpha_notes = alpha_notes.into_iter();
        let mut removal_notes = removal_notes.into_iter();
        Health {
            year,
            pairs: pairs
                .chunks_exact(6)
                .filter_map(|c| match *c {
                    [a, b, rel, r, rho, flags] => Some((
                        whole(a),
                        whole(b),
                        whole(rel) as u8,
                        r,
                        rho,
                        whole(flags) as u8,
                    )),
                    _ => None,
                })
                .collect(),
            alphas: alphas
                .chunks_exact(4)
                .filter_map(|c| match *c {
                    [node, alpha, k, n] => Some((
                        whole(node),
                        alpha,
                        whole(k),
                        whole(n),
                        alpha_notes.next().unwrap_or_default(),
                    )),
                    _ => None,
                })
                .collect(),
            weights: weights
                .chunks_exact(5)
                .filter_map(|c| match *c {
                    [node, share, overall, r, effective] => Some((
                        whole(node),
                        share.unwrap_or(0.0),
                        overall.unwrap_or(0.0),
                        r,
                        effective,
                    )),
                    _ => None,
                })
                .collect(),
            removals: removals
                .chunks_exact(4)
                .filter_map(|c| match *c {
                    [node, median, mean, max] => Some((
                        whole(node),
                        median.map(|m| (m, mean.unwrap_or(0.0), max.unwrap_or(0.0) as u64)),
                        removal_notes.next().unwrap_or_default(),
                    )),
                    _ => None,
                })
                .collect(),
        }
    }
}

impl From<Health> for HealthRow {
    fn from(h: Health) -> Self {
        let n = |x: u32| Some(f64::from(x));
        (
            h.year,
            h.pairs
                .iter()
                .flat_map(|p| [n(p.0), n(p.1), n(p.2.into()), p.3, p.4, n(p.5.into())])
                .collect(),
            h.alphas
                .iter()
                .flat_map(|a| [n(a.0), a.1, n(a.2), n(a.3)])
                .collect(),
            h.alphas.iter().map(|a| a.4.clone()).collect(),
            h.weights
                .iter()
                .flat_map(|w| [n(w.0), Some(w.1), Some(w.2), w.3, w.4])
                .collect(),
            h.removals
                .iter()
                .flat_map(|r| {
                    let (median, mean, max) = match r.1 {
                        Some((a, b, c)) => (Some(a), Some(b), Some(c as f64)),
                        None => (None, None, None),
                    };
                    [n(r.0), median, mean, max]
                })
                .collect(),
            h.removals.iter().map(|r| r.2.clone()).collect(),
        )
    }
}

/// What it would take ([`index_core::target::Target`], units and rivals as ISO3 codes).
/// Travels flat ([`TargetRow`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "TargetRow", into = "TargetRow")]
pub struct TargetAnswer {
    /// The unit (ISO3 code).
    pub unit: String,
    /// The goal.
    pub goal: TargetGoal,
    /// Met already, reached, or out of reach within the observed range.
    pub status: TargetStatus,
    /// The share of each gap to the best observed value closed.
    pub share: f64,
    /// With a share this much smaller the goal is not met (0 when already there or out of
    /// reach).
    pub short_by: f64,
    /// Whether the goal, once met, stayed met at every larger step of the scan.
    pub monotone: bool,
    /// Pipeline runs taken.
    pub runs: u32,
    /// Score, rank and the rival's score now.
    pub before: TargetStanding,
    /// Score, rank and the rival's score with the improvement (out of reach: at the best
    /// observed values).
    pub after: TargetStanding,
    /// Each indicator's improvement, in the order asked.
    pub moves: Vec<TargetMove>,
    /// Why the answer depends on the rest of the data: `(indicator, reason in words)`
    /// ([`index_core::target::Reason::describe`]); empty when it does not.
    pub depends: Vec<(String, String)>,
}

/// A unit's standing: `(score, rank, the rival's score)` ([`index_core::target::Standing`]).
pub type TargetStanding = (Option<f64>, Option<u32>, Option<f64>);

/// One indicator's improvement: `(indicator, current, needed, change, best observed, worst
/// observed, year the current value is carried from)` ([`index_core::target::Move`]).
pub type TargetMove = (String, f64, f64, f64, f64, f64, Option<i32>);

/// [`TargetAnswer`] as it travels: `[codes, numbers, indicators, moves, depends]` — the unit's
/// code and the rival's (empty for a rank); the goal's rank (0 for a rival), the status (0
/// already there, 1 reached, 2 out of reach), share, short by, monotone (0 or 1), runs, then
/// score, rank and rival's score before and after; each move's indicator; each move's six
/// numbers (current, needed, change, best, worst, carried from or null) one after another;
/// each dependence's indicator and words one after another — lists of types the page reads
/// already (see [`HealthRow`]).
type TargetRow = (
    Vec<String>,
    Vec<Option<f64>>,
    Vec<String>,
    Vec<Option<f64>>,
    Vec<String>,
);

impl From<TargetRow> for TargetAnswer {
    fn from((codes, numbers, indicators, moves, depends): TargetRow) -> Self {
        let mut codes = codes.into_iter();
        let unit = codes.next().unwrap_or_default();
        let rival = codes.next().unwrap_or_default();
        let n = |i: usize| numbers.get(i).copied().flatten();
        let rank = |i: usize| n(i).map(|x| whole(Some(x)));
        let standing = |i: usize| (n(i), rank(i + 1), n(i + 2));
        TargetAnswer {
            unit,
            goal: match whole(n(0)) {
                0 => TargetGoal::Past(rival),
                r => TargetGoal::Rank(r),
            },
            status: match whole(n(1)) {
                0 => TargetStatus::AlreadyThere,
                1 => TargetStatus::Reached,
                _ => TargetStatus::OutOfReach,
            },
            share: n(2).unwrap_or(0.0),
            short_by: n(3).unwrap_or(0.0),
            monotone: n(4) != Some(0.0),
            runs: whole(n(5)),
            before: standing(6),
            after: standing(9),
            moves: indicators
                .into_iter()
                .zip(moves.chunks_exact(6))
                .filter_map(|(id, c)| match *c {
                    [current, needed, change, best, worst, from] => Some((
                        id,
                        current.unwrap_or(0.0),
                        needed.unwrap_or(0.0),
                        change.unwrap_or(0.0),
                        best.unwrap_or(0.0),
                        worst.unwrap_or(0.0),
                        // (`as` saturates; a year is well within i32)
                        from.map(|y| y as i32),
                    )),
                    _ => None,
                })
                .collect(),
            depends: depends
                .chunks_exact(2)
                .filter_map(|c| match c {
                    [id, why] => Some((id.clone(), why.clone())),
                    _ => None,
                })
                .collect(),
        }
    }
}

impl From<TargetAnswer> for TargetRow {
    fn from(t: TargetAnswer) -> Self {
        let (rank, rival) = match t.goal {
            TargetGoal::Rank(r) => (r, String::new()),
            TargetGoal::Past(code) => (0, code),
        };
        let status = match t.status {
            TargetStatus::AlreadyThere => 0.0,
            TargetStatus::Reached => 1.0,
            TargetStatus::OutOfReach => 2.0,
        };
        let standing = |s: TargetStanding| [s.0, s.1.map(f64::from), s.2];
        let mut numbers = vec![
            Some(f64::from(rank)),
            Some(status),
            Some(t.share),
            Some(t.short_by),
            Some(if t.monotone { 1.0 } else { 0.0 }),
            Some(f64::from(t.runs)),
        ];
        numbers.extend(standing(t.before));
        numbers.extend(standing(t.after));
        (
            vec![t.unit, rival],
            numbers,
            t.moves.iter().map(|m| m.0.clone()).collect(),
            t.moves
                .iter()
                .flat_map(|m| {
                    [
                        Some(m.1),
                        Some(m.2),
                        Some(m.3),
                        Some(m.4),
                        Some(m.5),
                        m.6.map(f64::from),
                    ]
                })
                .collect(),
            t.depends.into_iter().flat_map(|(a, b)| [a, b]).collect(),
        )
    }
}

/// Every unit's change between two scenarios split among the changes made
/// ([`index_core::attribution::Attribution`]). Travels flat ([`ExplanationRow`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "ExplanationRow", into = "ExplanationRow")]
pub struct Explanation {
    /// The changes, in the order of every unit's parts: `(name, from, to)` — the name as
    /// `index explain` writes it (`weight:rd`, `normalisation`…), the settings as text (empty
    /// for weights and the year).
    pub changes: Vec<(String, String, String)>,
    /// Orders sampled (0: every mixture scored, the parts exact).
    pub sampled: u32,
    /// The dataset's units (ISO3 codes), in dataset order.
    pub codes: Vec<String>,
    /// Entry `u` is unit `codes[u]`'s change and parts.
    pub units: Vec<UnitChange>,
}

/// One unit's change and its parts: `(score_from, score_to, rank_from, rank_to, why no parts
/// (empty when split), score parts, rank parts, score parts' standard errors, rank parts'
/// standard errors)` — the parts in the order of [`Explanation::changes`], the errors empty
/// when exact ([`index_core::attribution::UnitParts`]).
pub type UnitChange = (
    Option<f64>,
    Option<f64>,
    Option<u32>,
    Option<u32>,
    String,
    Vec<f64>,
    Vec<f64>,
    Vec<f64>,
    Vec<f64>,
);

/// [`Explanation`] as it travels: `[changes, sampled, codes, scores, ranks, notes, parts]` —
/// each change's name, from and to one after another; each unit's scores (from, to) and ranks
/// likewise; its note; its four lists of parts (score, rank, their errors) — lists of types the
/// page reads already (see [`HealthRow`]).
type ExplanationRow = (
    Vec<String>,
    u32,
    Vec<String>,
    Vec<Option<f64>>,
    Vec<Option<u32>>,
    Vec<String>,
    Vec<Vec<f64>>,
);

impl From<ExplanationRow> for Explanation {
    fn from((changes, sampled, codes, scores, ranks, notes, parts): ExplanationRow) -> Self {
        let all = changes
            .chunks_exact(3)
            .filter_map(|c| match c {
                [name, from, to] => Some((name.clone(), from.clone(), to.clone())),
                _ => None,
            })
            .collect();
        let mut parts = parts.into_iter();
        let mut part = || parts.next().unwrap_or_default();
        let units = scores
            .chunks_exact(2)
            .zip(ranks.chunks_exact(2))
            .zip(notes)
            .filter_map(|((s, r), note)| match (s, r) {
                (&[s0, s1], &[r0, r1]) => {
                    Some((s0, s1, r0, r1, note, part(), part(), part(), part()))
                }
                _ => None,
            })
            .collect();
        Explanation {
            changes: all,
            sampled,
            codes,
            units,
        }
    }
}

impl From<Explanation> for ExplanationRow {
    fn from(e: Explanation) -> Self {
        (
            e.changes
                .into_iter()
                .flat_map(|(name, from, to)| [name, from, to])
                .collect(),
            e.sampled,
            e.codes,
            e.units.iter().flat_map(|u| [u.0, u.1]).collect(),
            e.units.iter().flat_map(|u| [u.2, u.3]).collect(),
            e.units.iter().map(|u| u.4.clone()).collect(),
            e.units
                .into_iter()
                .flat_map(|u| [u.5, u.6, u.7, u.8])
                .collect(),
        )
    }
}

/// Each unit's best and worst rank under the weights allowed, and its benefit-of-the-doubt
/// score. Travels as `[criteria, codes, rows, best_shares, bod, bod_shares, left_out, note]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "RangesRow", into = "RangesRow")]
pub struct Ranges {
    /// The criteria weighed (the pillars' node ids).
    pub criteria: Vec<String>,
    /// The units taking part, best nominal rank first.
    pub codes: Vec<String>,
    /// Entry `i` is unit `codes[i]`'s `[rank, best, best proven limit, worst, worst proven
    /// limit]` (a bound is proven when it equals its limit).
    pub rows: Vec<[u32; 5]>,
    /// Entry `i`: the criteria's shares that give unit `codes[i]` its best rank.
    pub best_shares: Vec<Vec<f64>>,
    /// Entry `i`: unit `codes[i]`'s benefit-of-the-doubt score and its rank by it (empty when
    /// it could not be computed: see `note`).
    pub bod: Vec<(f64, u32)>,
    /// Entry `i`: each criterion's share of unit `codes[i]`'s benefit-of-the-doubt score
    /// (empty for a score of 0, or when there are no scores).
    pub bod_shares: Vec<Vec<f64>>,
    /// Units left out (no score on some pillar): code and reason.
    pub left_out: Vec<(String, String)>,
    /// Why the benefit-of-the-doubt scores are missing, if they are (e.g. a negative score).
    pub note: String,
}

/// [`Ranges`] as it travels.
type RangesRow = (
    Vec<String>,
    Vec<String>,
    Vec<[u32; 5]>,
    Vec<Vec<f64>>,
    Vec<(f64, u32)>,
    Vec<Vec<f64>>,
    Vec<(String, String)>,
    String,
);

impl From<RangesRow> for Ranges {
    fn from(
        (criteria, codes, rows, best_shares, bod, bod_shares, left_out, note): RangesRow,
    ) -> Self {
        Ranges {
            criteria,
            codes,
            rows,
            best_shares,
            bod,
            bod_shares,
            left_out,
            note,
        }
    }
}

impl From<Ranges> for RangesRow {
    fn from(r: Ranges) -> Self {
        (
            r.criteria,
            r.codes,
            r.rows,
            r.best_shares,
            r.bod,
            r.bod_shares,
            r.left_out,
            r.note,
        )
    }
}

/// The uncertainty (and sensitivity) analysis of one scenario, as the page shows it. Travels as
/// `[draws, failed, codes, ranks, gaps, sensitivity, acceptability, pairs]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "RobustnessRow", into = "RobustnessRow")]
pub struct Robustness {
    /// Draws made.
    pub draws: u32,
    /// Draws the engine could not score (left out of every figure).
    pub failed: u32,
    /// The units taking part (ranked nominally), best nominal rank first.
    pub codes: Vec<String>,
    /// Entry `i` is unit `codes[i]`'s ranks over the draws.
    pub ranks: Vec<RankInterval>,
    /// Per pair of the scenario's groups, the interval of the gap between their means.
    pub gaps: Vec<GapRow>,
    /// Per uncertain input, its sensitivity indices (empty unless asked for).
    pub sensitivity: Vec<InputRow>,
    /// Entry `i` is unit `codes[i]`'s rank acceptability: its best rank drawn, then how many
    /// scored draws gave each rank from it to its worst drawn (empty when the whole table
    /// would exceed [`MAX_ACCEPTABILITY`] counts).
    pub acceptability: Vec<(u32, Vec<u32>)>,
    /// The pairs of units whose order the draws leave open: `(i, j, i above j, j above i)`,
    /// `i < j` positions in `codes`, each share of the draws ranking both in ten-thousandths.
    /// Every pair not listed keeps its nominal order in every draw ranking both (empty when
    /// there would be over [`MAX_PAIRS`]).
    pub pairs: Vec<PairShare>,
}

/// The most rank counts a [`Robustness`] carries (about 1 MB of JSON).
pub const MAX_ACCEPTABILITY: usize = 200_000;

/// The most pairs a [`Robustness`] carries (about 2 MB of JSON; 166 units make 13 695 pairs).
pub const MAX_PAIRS: usize = 100_000;

/// Two units' order over the draws: `(i, j, i above j, j above i)` in ten-thousandths of the
/// draws ranking both (ties make up the rest).
pub type PairShare = (u32, u32, u16, u16);

/// A unit's ranks over the draws: `[nominal, median, q05, q95, best drawn, worst drawn, draws
/// unranked]` ([`index_core::uncertainty::UnitUncertainty`]).
pub type RankInterval = [u32; 7];

/// A pair of groups' gap over the draws: `(a, b, nominal, median, q05, q95, same scale)`
/// ([`index_core::uncertainty::GapInterval`]).
pub type GapRow = (
    String,
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    bool,
);

/// An input's sensitivity: `(name, first, first_q05, first_q95, total, total_q05, total_q95)`.
pub type InputRow = (String, f64, f64, f64, f64, f64, f64);

/// [`Robustness`] as it travels.
type RobustnessRow = (
    u32,
    u32,
    Vec<String>,
    Vec<RankInterval>,
    Vec<GapRow>,
    Vec<InputRow>,
    Vec<(u32, Vec<u32>)>,
    Vec<PairShare>,
);

impl From<RobustnessRow> for Robustness {
    fn from(
        (draws, failed, codes, ranks, gaps, sensitivity, acceptability, pairs): RobustnessRow,
    ) -> Self {
        Robustness {
            draws,
            failed,
            codes,
            ranks,
            gaps,
            sensitivity,
            acceptability,
            pairs,
        }
    }
}

impl From<Robustness> for RobustnessRow {
    fn from(r: Robustness) -> Self {
        (
            r.draws,
            r.failed,
            r.codes,
            r.ranks,
            r.gaps,
            r.sensitivity,
            r.acceptability,
            r.pairs,
        )
    }
}

/// Every year's index scores and ranks under one scenario.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoredYears {
    /// The dataset's units (ISO3 codes), in dataset order: entry `u` of every year's columns is
    /// unit `codes[u]`.
    pub codes: Vec<String>,
    /// Every year the engine could score, ascending.
    pub years: Vec<YearScores>,
    /// Years with data the engine could not score, with its reason (the page leaves them out of
    /// its own years, with a notice).
    pub skipped: Vec<(i32, String)>,
}

/// One year's index scores and ranks, by unit (entry `u` is [`ScoredYears::codes`]`[u]`), as
/// the engine's results keep them. Travels as `[year, scores, ranks]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(from = "YearRow", into = "YearRow")]
pub struct YearScores {
    /// The year.
    pub year: i32,
    /// Index scores (`None`: not scored).
    pub scores: Vec<Option<f64>>,
    /// Ranks, competition style (`None`: not ranked).
    pub ranks: Vec<Option<u32>>,
}

/// [`YearScores`] as it travels.
type YearRow = (i32, Vec<Option<f64>>, Vec<Option<u32>>);

impl From<YearRow> for YearScores {
    fn from((year, scores, ranks): YearRow) -> Self {
        YearScores {
            year,
            scores,
            ranks,
        }
    }
}

impl From<YearScores> for YearRow {
    fn from(y: YearScores) -> Self {
        (y.year, y.scores, y.ranks)
    }
}

impl YearScores {
    /// Units in rank order: ranked ones best first, then the others in dataset order (as the
    /// engine's `Results::order`).
    pub fn order(&self) -> Vec<usize> {
        index_core::order::permutation(self.ranks.len(), &mut |a, b| {
            let rank = |u: usize| self.ranks.get(u).copied().flatten().unwrap_or(u32::MAX);
            rank(a).cmp(&rank(b))
        })
    }
}

impl ToWorker {
    /// The message as JSON text. Indented, as the app writes scenario files: the page's module
    /// then writes the scenario with code it already has (see ARCHITECTURE.md, Wasm size).
    ///
    /// # Errors
    /// serde's message, which writing these types to memory does not produce.
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string_pretty(self).map_err(|e| e.to_string())
    }
}

impl FromWorker {
    /// The message as JSON text (a fixed text in the impossible case that serialising fails,
    /// so the page always gets an answer).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| {
            r#"[4,0,0,0,"the worker could not write its answer",[],[],[],null,null,null,null,null,null]"#
                .to_string()
        })
    }

    /// Reads a message from the worker.
    ///
    /// # Errors
    /// What is wrong with it (serde's message, with line and column).
    pub fn from_json(text: &str) -> Result<FromWorker, String> {
        serde_json::from_str(text).map_err(|e| format!("unreadable message from the worker: {e}"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

    use super::*;

    #[test]
    fn messages_keep_their_shape_through_json() {
        let mut scenario = Scenario {
            bundle: "ftri".into(),
            year: Some(2019),
            ..Scenario::default()
        };
        scenario.weights.insert("rd".into(), 2.0);
        let to = ToWorker {
            job: JobId(7),
            bundle: BundleRef::Url {
                key: "ftri#1".into(),
                url: "data/ftri.json".into(),
            },
            scenario,
            request: Request::ScoreYears,
        };
        let text = to.to_json().unwrap();
        let compact: String = text.split_whitespace().collect();
        assert_eq!(
            compact,
            r#"{"job":7,"bundle":{"Url":{"key":"ftri#1","url":"data/ftri.json"}},"scenario":{"bundle":"ftri","year":2019,"weights":{"rd":2.0}},"request":"ScoreYears"}"#
        );
        assert_eq!(serde_json::from_str::<ToWorker>(&text).unwrap(), to);

        let from = [
            FromWorker::Ready(VERSION),
            FromWorker::Job(JobId(7), Response::Progress { done: 1, total: 2 }),
            FromWorker::Job(
                JobId(7),
                Response::Done(Outcome::ScoreYears(ScoredYears {
                    codes: vec!["CHE".into(), "TUV".into(), "AUT".into()],
                    years: vec![YearScores {
                        year: 2019,
                        scores: vec![Some(0.1 + 0.2), None, Some(-1e-300)],
                        ranks: vec![Some(1), None, Some(2)],
                    }],
                    skipped: vec![(2000, "why".into())],
                })),
            ),
            FromWorker::Job(JobId(8), Response::Failed("no".into())),
            FromWorker::Job(
                JobId(9),
                Response::Done(Outcome::Robustness(Robustness {
                    draws: 100,
                    failed: 1,
                    codes: vec!["CHE".into(), "AUT".into()],
                    ranks: vec![[1, 1, 1, 2, 1, 2, 0], [2, 2, 1, 2, 1, 2, 0]],
                    gaps: vec![(
                        "LDC".into(),
                        "developed".into(),
                        Some(-0.4),
                        Some(-0.41),
                        Some(-0.5),
                        None,
                        true,
                    )],
                    sensitivity: vec![("weights".into(), 0.1 + 0.2, 0.2, 0.4, 0.5, 0.4, 0.6)],
                    acceptability: vec![(1, vec![60, 40]), (1, vec![40, 60])],
                    pairs: vec![(0, 1, 6_000, 4_000)],
                })),
            ),
            FromWorker::Job(
                JobId(10),
                Response::Done(Outcome::Ranges(Ranges {
                    criteria: vec!["ict".into(), "rd".into()],
                    codes: vec!["CHE".into(), "AUT".into()],
                    rows: vec![[1, 1, 1, 2, 2], [2, 1, 1, 2, 2]],
                    best_shares: vec![vec![0.25, 0.75], vec![1.0, 0.0]],
                    bod: vec![(1.0, 1), (0.1 + 0.2, 2)],
                    bod_shares: vec![vec![0.5, 0.5], vec![1.0, 0.0]],
                    left_out: vec![("TUV".into(), "no score for `rd`".into())],
                    note: String::new(),
                })),
            ),
            FromWorker::Job(
                JobId(11),
                Response::Done(Outcome::Explain(Explanation {
                    changes: vec![
                        ("aggregation".into(), "default".into(), "geometric".into()),
                        ("weight:rd".into(), String::new(), String::new()),
                    ],
                    sampled: 0,
                    codes: vec!["CHE".into(), "TUV".into()],
                    units: vec![
                        (
                            Some(0.5),
                            Some(0.1 + 0.2),
                            Some(1),
                            Some(2),
                            String::new(),
                            vec![-0.1, 0.1 + 0.2 - 0.5 + 0.1],
                            vec![0.5, 0.5],
                            vec![],
                            vec![],
                        ),
                        (
                            None,
                            Some(0.2),
                            None,
                            Some(3),
                            "no score in the first scenario".into(),
                            vec![],
                            vec![],
                            vec![],
                            vec![],
                        ),
                    ],
                })),
            ),
            FromWorker::Job(
                JobId(12),
                Response::Done(Outcome::Health(Health {
                    year: 2021,
                    pairs: vec![(3, 4, 0, Some(-0.1 + 0.2), None, 1)],
                    alphas: vec![(0, None, 2, 3, "constant".into())],
                    weights: vec![(1, 0.5, 0.25, Some(0.9), None)],
                    removals: vec![
                        (3, Some((1.0, 1.5, 4)), String::new()),
                        (0, None, "nothing".into()),
                    ],
                })),
            ),
            FromWorker::Job(
                JobId(9),
                Response::Done(Outcome::Import(Imported {
                    bundle: Some("{}".into()),
                    report: "data.csv: …\n0 error(s), 1 warning(s)".into(),
                    errors: 0,
                    warnings: 1,
                })),
            ),
            FromWorker::Job(
                JobId(13),
                Response::Done(Outcome::Target(TargetAnswer {
                    unit: "KEN".into(),
                    goal: TargetGoal::Past("UGA".into()),
                    status: TargetStatus::Reached,
                    share: 0.1 + 0.2,
                    short_by: 1e-7,
                    monotone: false,
                    runs: 40,
                    before: (Some(0.25), Some(111), Some(0.3)),
                    after: (Some(0.31), Some(98), Some(0.3)),
                    moves: vec![
                        ("rd".into(), 0.2, 0.5, 0.3, 1.0, 0.0, Some(2019)),
                        ("ict".into(), -1.5, -2.0, -0.5, -3.0, 4.0, None),
                    ],
                    depends: vec![("rd".into(), "the min–max bounds move".into())],
                })),
            ),
            FromWorker::Job(
                JobId(14),
                Response::Done(Outcome::Target(TargetAnswer {
                    unit: "KEN".into(),
                    goal: TargetGoal::Rank(50),
                    status: TargetStatus::OutOfReach,
                    share: 1.0,
                    short_by: 0.0,
                    monotone: true,
                    runs: 1,
                    before: (Some(0.25), Some(111), None),
                    after: (None, None, None),
                    moves: vec![],
                    depends: vec![],
                })),
            ),
            FromWorker::Unreadable("not JSON".into()),
        ];
        for m in from {
            // Scores survive exactly (0.1 + 0.2 is not 0.3).
            assert_eq!(FromWorker::from_json(&m.to_json()).unwrap(), m);
        }
        assert_eq!(
            FromWorker::Ready(1).to_json(),
            r#"[0,0,1,0,"",[],[],[],null,null,null,null,null,null]"#
        );
        assert_eq!(
            FromWorker::Job(JobId(7), Response::Progress { done: 3, total: 12 }).to_json(),
            r#"[1,7,3,12,"",[],[],[],null,null,null,null,null,null]"#
        );
        assert_eq!(
            FromWorker::Job(JobId(7), Response::Failed("no".into())).to_json(),
            r#"[3,7,0,0,"no",[],[],[],null,null,null,null,null,null]"#
        );
    }

    #[test]
    fn years_come_in_rank_order() {
        let y = YearScores {
            year: 2019,
            scores: vec![Some(1.0), None, Some(3.0), Some(3.0)],
            ranks: vec![Some(3), None, Some(1), Some(1)],
        };
        assert_eq!(
            y.order(),
            [2, 3, 0, 1],
            "ties keep dataset order; unranked last"
        );
    }

    #[track_caller]
    fn check_unreadable(text: &str, names: &str) {
        let e = FromWorker::from_json(text).unwrap_err();
        assert!(e.contains(names), "{text}: {e} should name {names:?}");
    }

    #[test]
    fn a_malformed_answer_is_an_error_naming_the_problem() {
        check_unreadable("[1,7]", "invalid length 2");
        check_unreadable(
            r#"[11,7,0,0,"",[],[],[],null,null,null,null,null,null]"#,
            "unknown kind of message 11",
        );
        check_unreadable(
            r#"[9,7,0,0,"",[],[],[],null,null,null,null,null,null]"#,
            "an import without its result",
        );
        check_unreadable(
            r#"[10,7,0,0,"",[],[],[],null,null,null,null,null,null]"#,
            "a target without its result",
        );
        check_unreadable(
            r#"[5,7,0,0,"",[],[],[],null,null,null,null,null,null]"#,
            "a robustness answer without its result",
        );
        check_unreadable(
            r#"[6,7,0,0,"",[],[],[],null,null,null,null,null,null]"#,
            "a rank-bounds answer without its result",
        );
        check_unreadable(
            r#"[7,7,0,0,"",[],[],[],null,null,null,null,null,null]"#,
            "an explanation without its result",
        );
        check_unreadable(
            r#"[8,7,0,0,"",[],[],[],null,null,null,null,null,null]"#,
            "a health check without its result",
        );
        check_unreadable(
            r#"[5,7,0,0,"",[],[],[],[1,0,["A"],[[1,1,1,1,1]],[],[],[]],null,null,null,null,null]"#,
            "invalid length 5",
        );
        let done = |years: &str| {
            format!(r#"[2,7,0,0,"",["A","B"],[{years}],[],null,null,null,null,null,null]"#)
        };
        check_unreadable(&done("[2019,[1,2]]"), "invalid length 2");
        check_unreadable(
            &done("[2019.5,[1,2],[1,2]]"),
            "invalid type: floating point",
        );
        check_unreadable(&done("[2019,[1,2],[1,-2]]"), "invalid value: integer `-2`");
        check_unreadable(&done(r#"[2019,[1,"x"],[1,2]]"#), "invalid type: string");
        assert!(FromWorker::from_json(&done("[2019,[1,null],[1,null]]")).is_ok());
        assert!(FromWorker::from_json("").is_err());
    }
}
