//! The worker's messages: what the `worker_messages` target does with one input, and its seeds.
//!
//! The first byte chooses the side. Even: the page's reader of the worker's answers
//! (`FromWorker::from_json`) — what reads must write back to the same text's meaning. Odd: the
//! worker's `Session`, holding the small bundle under the key `ftri#1`, handles the rest as a
//! message from the page — it answers every text, a request with progress and then exactly one
//! `Done` or `Failed`, anything else with one `Unreadable`; every answer travels (writes and
//! reads back equal); a finished job holds no infinity.

use std::sync::OnceLock;

use index_core::scenario::Scenario;
use index_core::uncertainty::Plan;
use index_worker::jobs::Session;
use index_worker::protocol::{
    AsDataset, BundleRef, FromWorker, ImportFile, ImportOptions, JobId, Request, Response,
    TargetGoal, ToWorker, WeightRange,
};

use crate::{bundles, debug_has_non_finite, tiny_bundle};

/// The key the session holds the small bundle under.
pub const KEY: &str = "ftri#1";

/// Most draws (and bootstrap replicates) a request may ask for here: the engine's own bounds
/// allow runs of minutes, which the `engine` target covers; this target is about the messages.
const MOST_DRAWS: u32 = 2_000;
const MOST_REPLICATES: u32 = 20;

/// Runs one fuzz input (see the module's docs).
///
/// # Panics
/// When a check fails: that is the finding.
pub fn exercise(data: &[u8]) {
    let Some((&side, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if side % 2 == 0 {
        if let Ok(answer) = FromWorker::from_json(text) {
            travels(&answer);
        }
        return;
    }
    if !bounded(text) {
        return;
    }
    let answers = answer(text);
    let Some((last, progress)) = answers.split_last() else {
        panic!("no answer to {text}");
    };
    for p in progress {
        match p {
            FromWorker::Job(_, Response::Progress { done, total }) => {
                assert!(done <= total, "progress {done} of {total}");
            }
            other => panic!("before the last answer, only progress: {other:?}"),
        }
    }
    match last {
        FromWorker::Job(_, Response::Done(outcome)) => {
            let debug = format!("{outcome:?}");
            assert!(!debug_has_non_finite(&debug, true), "{debug}");
        }
        FromWorker::Job(_, Response::Failed(why)) | FromWorker::Unreadable(why) => {
            assert!(!why.is_empty());
        }
        other => panic!("the last answer is progress: {other:?}"),
    }
    answers.iter().for_each(travels);
}

/// Every answer a new session holding the small bundle under [`KEY`] gives to `text`.
fn answer(text: &str) -> Vec<FromWorker> {
    static JSON: OnceLock<Result<String, String>> = OnceLock::new();
    let json = JSON.get_or_init(|| bundles()[0].to_json().map_err(|e| e.to_string()));
    let mut session = Session::new();
    session.keep(KEY.into(), json.clone());
    let mut answers = Vec::new();
    session.handle(text, &mut |a| answers.push(a));
    answers
}

/// Whether a message asks for no more than [`MOST_DRAWS`] draws and [`MOST_REPLICATES`]
/// replicates (a text that is not a request is always handled).
fn bounded(text: &str) -> bool {
    match serde_json::from_str::<ToWorker>(text) {
        Ok(ToWorker {
            request: Request::Robustness { plan, sensitivity },
            ..
        }) => plan.draws <= MOST_DRAWS && sensitivity.is_none_or(|r| r <= MOST_REPLICATES),
        _ => true,
    }
}

/// An answer written as the worker writes it reads back equal.
fn travels(answer: &FromWorker) {
    let text = answer.to_json();
    match FromWorker::from_json(&text) {
        Ok(back) => assert_eq!(&back, answer, "through {text}"),
        Err(e) => panic!("an answer does not read back: {e}\n{text}"),
    }
}

/// The seeds: one request of each kind on the held bundle (an import on none), one sending a
/// bundle as text, one naming a bundle the session does not hold, and each request's answers (page side), as
/// (file name, bytes).
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    let scenario = Scenario {
        bundle: "ftri".into(),
        ..Scenario::default()
    };
    let held = BundleRef::Url {
        key: KEY.into(),
        url: "data/ftri.json".into(),
    };
    let small_plan = Plan {
        draws: 64,
        ..Plan::default()
    };
    let requests = [
        ("score-years", held.clone(), Request::ScoreYears),
        (
            "robustness",
            held.clone(),
            Request::Robustness {
                plan: small_plan,
                sensitivity: Some(4),
            },
        ),
        (
            "ranges",
            held.clone(),
            Request::Ranges {
                range: WeightRange::HalfToDouble,
                min_share: 0.05,
            },
        ),
        (
            "explain",
            held.clone(),
            Request::Explain {
                from: Some(Scenario {
                    bundle: "ftri".into(),
                    year: Some(2020),
                    ..Scenario::default()
                }),
            },
        ),
        ("health", held.clone(), Request::Health),
        (
            "target",
            held.clone(),
            Request::Target {
                unit: "KEN".into(),
                indicators: vec!["rd".into(), "ict".into()],
                goal: TargetGoal::Past("NOR".into()),
            },
        ),
        (
            "bundle-as-text",
            BundleRef::Text {
                key: "tiny#2".into(),
                json: tiny_bundle().to_json().unwrap_or_default(),
            },
            Request::ScoreYears,
        ),
        (
            "import",
            // An import needs no bundle: this one is not held, and is not fetched.
            BundleRef::Url {
                key: "none#4".into(),
                url: "data/none.json".into(),
            },
            Request::Import {
                files: vec![ImportFile::new(
                    "data.csv",
                    b"code;name;gdp;health\nKEN;Kenya;1,5;0,7\nKEY;Kenia;2,5;n/a\nR1;Region;3;0,2\n",
                )],
                framework: None,
                options: ImportOptions {
                    title: Some("Mine".into()),
                    // The page's relabelling of the bundle (`jobs::relabel`).
                    as_dataset: Some(AsDataset {
                        id: "mine-abc".into(),
                        publisher: "Your data".into(),
                        edition: "imported 2026-12-02".into(),
                        licence: "not published".into(),
                    }),
                    ..ImportOptions::default()
                },
            },
        ),
        (
            "not-held",
            BundleRef::Url {
                key: "other#3".into(),
                url: "data/other.json".into(),
            },
            Request::ScoreYears,
        ),
    ];
    let mut seeds = Vec::new();
    for (n, (name, bundle, request)) in requests.into_iter().enumerate() {
        let scenario = match &bundle {
            BundleRef::Text { .. } => Scenario {
                bundle: "tiny".into(),
                ..Scenario::default()
            },
            BundleRef::Url { .. } => scenario.clone(),
        };
        let message = ToWorker {
            job: JobId(n as u32 + 1),
            bundle,
            scenario,
            request,
        };
        let text = message.to_json().unwrap_or_default();
        if let Some(last) = answer(&text).last() {
            let mut bytes = vec![0];
            bytes.extend(last.to_json().into_bytes());
            seeds.push((format!("answer-{name}"), bytes));
        }
        let mut bytes = vec![1];
        bytes.extend(text.into_bytes());
        seeds.push((format!("request-{name}"), bytes));
    }
    seeds
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The committed seeds are [`seeds`] (`FUZZ_SEEDS=write` rewrites them), and each passes
    /// [`exercise`]: every request seed is answered with `Done`, but the one naming a bundle the
    /// session does not hold, which fails saying so.
    #[test]
    fn worker_seeds_are_current_and_pass() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/worker_messages");
        let seeds = seeds();
        assert_eq!(seeds.len(), 18);
        for (name, bytes) in &seeds {
            let path = dir.join(name);
            if std::env::var_os("FUZZ_SEEDS").is_some_and(|v| v == "write") {
                std::fs::create_dir_all(&dir).expect("the corpus directory is made");
                std::fs::write(&path, bytes).expect("the seed is written");
            }
            let seed = std::fs::read(&path).expect("the seed is there");
            assert!(
                &seed == bytes,
                "{name}: run with FUZZ_SEEDS=write to refresh it"
            );
            exercise(bytes);
            let text = String::from_utf8_lossy(&bytes[1..]);
            if name.starts_with("answer-") {
                // Kind 3 is `Failed` (see `index_worker::protocol`'s wire form).
                let failed = text.starts_with("[3,");
                assert_eq!(failed, name == "answer-not-held", "{name}: {text}");
            }
        }
    }
}
