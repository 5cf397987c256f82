//! The messages between the page (the main thread) and the worker.
//!
//! Every message is one JSON text (`postMessage` of a string): the page sends [`ToWorker`], the
//! worker answers with [`FromWorker`]. Both sides read them with serde, so a message is checked
//! field by field, and the same types are read and written natively in tests.
//!
//! ## A job's life
//!
//! ```text
//! worker starts ──▶ Ready { version }
//! page ──ToWorker { job: 7, bundle, scenario, request }──▶ worker
//!      ◀── Job { job: 7, Progress { done: 1, total: 24 } } … (after each step)
//!      ◀── Job { job: 7, Done(Outcome::…) }   or   Job { job: 7, Failed("…") }
//! ```
//!
//! Every answer to a request carries its job id, so the page routes it to whoever asked. A
//! message the worker cannot read at all (not JSON, no job id) is answered with
//! [`FromWorker::Unreadable`]; one whose job id it can read but whose rest is malformed gets a
//! [`Response::Failed`] naming the problem. The worker never panics on a message.
//!
//! ## The bundle is sent once
//!
//! A bundle is large (the FTRI's JSON is about a megabyte), and later requests (Monte Carlo,
//! rank bounds) come in series over the same bundle. A request therefore names its bundle by
//! a key ([`BundleRef`]): the first request over a bundle carries its JSON text as well
//! ([`BundleRef::Text`]); the worker keeps that one bundle, parsed, and later requests say
//! only [`BundleRef::Cached`]. The worker holds at most one bundle (the page shows one at a
//! time); a new text replaces it.
//!
//! ## Versions
//!
//! The worker's files are not content-hashed (its name must be known at run time), so a page
//! could meet a worker cached from another release. The worker says its [`VERSION`] first
//! ([`FromWorker::Ready`]); the page refuses to use a worker that speaks another.

use index_core::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// The protocol's version: raised on any change to these types' JSON form.
pub const VERSION: u32 = 1;

/// A job's identity, chosen by the page (unique while the page is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JobId(pub u64);

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

/// Which bundle a job works on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum BundleRef {
    /// The bundle's JSON text (as [`index_core::bundle::Bundle::to_json`] writes it), to be
    /// kept under `key` for later requests.
    Text {
        /// The name later requests use.
        key: String,
        /// The bundle's JSON text.
        json: String,
    },
    /// The bundle sent earlier under this key.
    Cached {
        /// The key it was sent under.
        key: String,
    },
}

impl BundleRef {
    /// The key.
    pub fn key(&self) -> &str {
        match self {
            BundleRef::Text { key, .. } | BundleRef::Cached { key } => key,
        }
    }
}

/// What a job computes. Later features (uncertainty analysis, rank bounds, imports) add
/// variants here and in [`Outcome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Score every year with data under the scenario: per year, every unit's index score and
    /// rank ([`crate::jobs::score_years`]). Progress after each year.
    ScoreYears,
}

/// A message from the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker has started and reads requests; sent once, first.
    Ready {
        /// The protocol version it speaks ([`VERSION`]).
        version: u32,
    },
    /// About one job.
    Job {
        /// The job.
        job: JobId,
        /// What happened.
        response: Response,
    },
    /// A message the worker could not read enough of to know its job (not JSON, or no job id).
    Unreadable {
        /// What was wrong with it.
        message: String,
    },
}

/// What happened to a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// A finished job's result, one variant per [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// The result of [`Request::ScoreYears`].
    ScoreYears(ScoredYears),
}

/// Every year's index scores and ranks under one scenario.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ScoredYears {
    /// Years scored, ascending.
    pub years: Vec<YearScores>,
    /// Years with data that could not be scored (the engine's reason), as the app leaves them
    /// out of its own per-year results.
    pub skipped: Vec<SkippedYear>,
}

/// One year's index scores and ranks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearScores {
    /// The year.
    pub year: i32,
    /// Units ranked.
    pub ranked: u32,
    /// Every unit of the dataset, ranked ones first by rank, then the others in dataset order.
    pub units: Vec<UnitScore>,
}

/// One unit's index score and rank in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitScore {
    /// ISO3 code.
    pub code: String,
    /// Index score (`None`: not scored).
    pub score: Option<f64>,
    /// Rank, competition style (`None`: not ranked).
    pub rank: Option<u32>,
    /// Why the unit is not ranked, for people; empty when it is.
    pub note: String,
}

/// A year with data that could not be scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkippedYear {
    /// The year.
    pub year: i32,
    /// The engine's reason.
    pub reason: String,
}

impl ToWorker {
    /// The message as JSON text.
    ///
    /// # Errors
    /// serde's message, which writing these types to memory does not produce.
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string(self).map_err(|e| e.to_string())
    }
}

impl FromWorker {
    /// The message as JSON text (a fixed text in the impossible case that serialising fails,
    /// so the page always gets an answer).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| {
            r#"{"Unreadable":{"message":"the worker could not write its answer"}}"#.to_string()
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
            bundle: BundleRef::Cached {
                key: "ftri-1".into(),
            },
            scenario,
            request: Request::ScoreYears,
        };
        let text = to.to_json().unwrap();
        assert_eq!(
            text,
            r#"{"job":7,"bundle":{"Cached":{"key":"ftri-1"}},"scenario":{"bundle":"ftri","year":2019,"weights":{"rd":2.0}},"request":"ScoreYears"}"#
        );
        assert_eq!(serde_json::from_str::<ToWorker>(&text).unwrap(), to);

        let from = [
            FromWorker::Ready { version: VERSION },
            FromWorker::Job {
                job: JobId(7),
                response: Response::Progress { done: 1, total: 2 },
            },
            FromWorker::Job {
                job: JobId(7),
                response: Response::Done(Outcome::ScoreYears(ScoredYears {
                    years: vec![YearScores {
                        year: 2019,
                        ranked: 1,
                        units: vec![
                            UnitScore {
                                code: "CHE".into(),
                                score: Some(0.1 + 0.2),
                                rank: Some(1),
                                note: String::new(),
                            },
                            UnitScore {
                                code: "TUV".into(),
                                score: None,
                                rank: None,
                                note: "no data for this year".into(),
                            },
                        ],
                    }],
                    skipped: vec![SkippedYear {
                        year: 2000,
                        reason: "why".into(),
                    }],
                })),
            },
            FromWorker::Job {
                job: JobId(8),
                response: Response::Failed("no".into()),
            },
            FromWorker::Unreadable {
                message: "not JSON".into(),
            },
        ];
        for m in from {
            // Scores survive exactly (0.1 + 0.2 is not 0.3).
            assert_eq!(FromWorker::from_json(&m.to_json()).unwrap(), m);
        }
        assert_eq!(
            FromWorker::Ready { version: 1 }.to_json(),
            r#"{"Ready":{"version":1}}"#
        );
    }

    #[test]
    fn a_malformed_answer_is_an_error_naming_the_problem() {
        let e = FromWorker::from_json(r#"{"Job":{"job":1}}"#).unwrap_err();
        assert!(e.contains("missing field `response`"), "{e}");
        assert!(FromWorker::from_json("").is_err());
    }
}
