//! What the worker computes, as pure functions over `index-core` (tested natively), and the
//! [`Session`] that turns one message into answers: it reads the request, finds or parses the
//! bundle, runs the job and reports progress, the result or the failure. The wasm entry point
//! (`src/main.rs`) only moves text between the browser and [`Session::handle`].

use std::sync::Arc;

use index_core::bundle::Bundle;
use index_core::framework::Weights;
use index_core::method::Method;
use index_core::pipeline;
use index_core::scenario::Scenario;
use serde::Deserialize;

use crate::protocol::{
    BundleRef, FromWorker, JobId, Outcome, Request, Response, ScoredYears, SkippedYear, ToWorker,
    UnitScore, YearScores,
};

/// What a scenario sets for a job: the weights and the method, validated for the bundle.
///
/// This is the one place the worker resolves a scenario (so a change to
/// [`Scenario::resolve`]'s form is made here once).
///
/// # Errors
/// The engine's reason, as text: a scenario for another bundle, unknown nodes or groups,
/// invalid weights or method, a year the bundle does not hold.
pub fn resolve(bundle: &Bundle, scenario: &Scenario) -> Result<(Weights, Method), String> {
    scenario
        .resolve(bundle)
        .map(|r| (r.weights, r.method))
        .map_err(|e| format!("the scenario does not apply to {}: {e}", bundle.id()))
}

/// Scores every year with data of `bundle` under `scenario`: for each year, every unit's index
/// score, rank and (when unranked) the reason — exactly what the app computes on the main thread
/// (`pipeline::prepare` for the year, then `Prepared::score` with the scenario's weights).
/// `progress(done, total)` is called after each year. A year the engine cannot prepare is listed
/// in [`ScoredYears::skipped`], as the app leaves it out of its own years.
///
/// # Errors
/// The scenario does not apply to the bundle ([`resolve`]).
pub fn score_years(
    bundle: &Bundle,
    scenario: &Scenario,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<ScoredYears, String> {
    let (weights, method) = resolve(bundle, scenario)?;
    let years = bundle.years_with_data();
    let total = u32::try_from(years.len()).unwrap_or(u32::MAX);
    let ds = bundle.dataset();
    let fw = bundle.framework();
    let mut out = ScoredYears::default();
    for (done, year) in (1..=total).zip(years) {
        match pipeline::prepare(ds, fw, &method, year)
            .and_then(|prepared| Arc::new(prepared).score(fw, &weights))
        {
            Ok(results) => {
                let units = results
                    .order()
                    .into_iter()
                    .filter_map(|u| {
                        Some(UnitScore {
                            code: ds.units().get(u)?.code.clone(),
                            score: results.index(u),
                            rank: results.rank(u),
                            note: results.status(u).reason(),
                        })
                    })
                    .collect();
                out.years.push(YearScores {
                    year,
                    ranked: u32::try_from(results.ranked()).unwrap_or(u32::MAX),
                    units,
                });
            }
            Err(e) => out.skipped.push(SkippedYear {
                year,
                reason: e.to_string(),
            }),
        }
        progress(done, total);
    }
    Ok(out)
}

/// The worker's state between messages: the one bundle it keeps (see the protocol's "The
/// bundle is sent once").
#[derive(Debug, Default)]
pub struct Session {
    bundle: Option<(String, Bundle)>,
}

/// The part of a request read when the whole cannot be: its job id, to answer it.
#[derive(Deserialize)]
struct JobOnly {
    job: JobId,
}

impl Session {
    /// A session holding no bundle.
    pub fn new() -> Session {
        Session::default()
    }

    /// The key of the bundle held, if any.
    pub fn bundle_key(&self) -> Option<&str> {
        self.bundle.as_ref().map(|(k, _)| k.as_str())
    }

    /// Handles one message from the page: every answer goes to `post`, in order (progress
    /// while the job runs, then exactly one `Done` or `Failed`; or one `Unreadable`).
    pub fn handle(&mut self, text: &str, post: &mut dyn FnMut(FromWorker)) {
        let message = match serde_json::from_str::<ToWorker>(text) {
            Ok(m) => m,
            Err(e) => {
                let answer = match serde_json::from_str::<JobOnly>(text) {
                    Ok(JobOnly { job }) => FromWorker::Job {
                        job,
                        response: Response::Failed(format!("malformed request: {e}")),
                    },
                    Err(_) => FromWorker::Unreadable {
                        message: format!("not a request: {e}"),
                    },
                };
                post(answer);
                return;
            }
        };
        let job = message.job;
        let response = match self.run(message, &mut |done, total| {
            post(FromWorker::Job {
                job,
                response: Response::Progress { done, total },
            });
        }) {
            Ok(outcome) => Response::Done(outcome),
            Err(e) => Response::Failed(e),
        };
        post(FromWorker::Job { job, response });
    }

    /// Runs one well-formed request.
    fn run(
        &mut self,
        message: ToWorker,
        progress: &mut dyn FnMut(u32, u32),
    ) -> Result<Outcome, String> {
        let bundle = self.bundle(message.bundle)?;
        match message.request {
            Request::ScoreYears => {
                score_years(bundle, &message.scenario, progress).map(Outcome::ScoreYears)
            }
        }
    }

    /// The bundle a request names: parsed from its text (and kept), or the one kept.
    fn bundle(&mut self, bundle: BundleRef) -> Result<&Bundle, String> {
        match bundle {
            BundleRef::Text { key, json } => {
                // Drop the old bundle first: after a text the worker holds that bundle or none.
                self.bundle = None;
                let parsed =
                    Bundle::from_json(&json).map_err(|e| format!("bundle `{key}`: {e}"))?;
                Ok(&self.bundle.insert((key, parsed)).1)
            }
            BundleRef::Cached { key } => match &self.bundle {
                Some((held, b)) if *held == key => Ok(b),
                _ => Err(format!(
                    "the worker does not hold bundle `{key}` (it holds {}); send its text",
                    self.bundle_key()
                        .map_or("none".to_string(), |k| format!("`{k}`"))
                )),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

    use index_core::bundle::BundleParts;
    use index_core::dataset::{DatasetBuilder, Direction, Group, Indicator, Source, Unit};
    use index_core::framework::{Framework, NodeKind, NodeSpec};
    use index_core::method::{Aggregation, Normalisation};
    use index_core::scenario::MethodChoice;

    use super::*;
    use crate::protocol::VERSION;

    /// Six units in two groups, three indicators under two pillars, four years with data
    /// (2018 with one indicator only, one unit without any data in 2021) and one year without.
    fn bundle() -> Bundle {
        let unit = |code: &str, group: &str| Unit {
            code: code.into(),
            name: format!("Country {code}"),
            groups: vec![group.into()],
        };
        let indicator = |id: &str, direction| Indicator {
            id: id.into(),
            name: format!("Indicator {id}"),
            unit: "index".into(),
            direction,
            source: "s".into(),
        };
        let group = |id: &str| Group {
            id: id.into(),
            name: id.into(),
            family: "status".into(),
        };
        let codes = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"];
        let mut b = DatasetBuilder::new(
            codes
                .iter()
                .enumerate()
                .map(|(i, c)| unit(c, if i % 2 == 0 { "LDC" } else { "developed" }))
                .collect(),
            vec![
                indicator("x", Direction::Higher),
                indicator("y", Direction::Higher),
                indicator("z", Direction::Lower),
            ],
            vec![Source {
                id: "s".into(),
                publisher: "Pub".into(),
                title: "Data".into(),
                edition: "1".into(),
                licence: "CC BY 4.0".into(),
                url: "https://example.org".into(),
            }],
            vec![group("LDC"), group("developed")],
            vec![2017, 2018, 2019, 2020, 2021],
        )
        .unwrap();
        for (i, code) in codes.iter().enumerate() {
            let i = i as f64;
            b.set(code, "x", 2018, 1.0 + i).unwrap();
            for year in [2019, 2020, 2021] {
                if year == 2021 && *code == "FFF" {
                    continue;
                }
                let t = f64::from(year - 2019);
                b.set(code, "x", year, 1.0 + i * i + t).unwrap();
                b.set(code, "y", year, 10.0 - i + 2.0 * t).unwrap();
                b.set(code, "z", year, (i - 2.5).abs() * (1.0 + t)).unwrap();
            }
        }
        let node = |id: &str, parent: Option<&str>, kind: NodeKind| NodeSpec {
            id: id.into(),
            name: format!("Node {id}"),
            parent: parent.map(Into::into),
            weight: 1.0,
            kind,
        };
        let leaf = NodeKind::Indicator { denominator: None };
        let framework = Framework::new(vec![
            node("idx", None, NodeKind::Aggregate),
            node("p1", Some("idx"), NodeKind::Aggregate),
            node("p2", Some("idx"), NodeKind::Aggregate),
            node("x", Some("p1"), leaf.clone()),
            node("y", Some("p1"), leaf.clone()),
            node("z", Some("p2"), leaf),
        ])
        .unwrap();
        Bundle::new(BundleParts {
            id: "test".into(),
            title: "Test index".into(),
            description: String::new(),
            notes: vec![],
            dataset: b.build(),
            framework,
            method: index_core::method::Method::default(),
            default_year: 2020,
            default_groups: ["LDC".into(), "developed".into()],
            reference: None,
            gdp_per_capita: None,
        })
        .unwrap()
    }

    /// A scenario with changed weights and method.
    fn scenario() -> Scenario {
        let mut s = Scenario {
            bundle: "test".into(),
            method: MethodChoice {
                normalisation: Some(Normalisation::MinMax {
                    low: 1.0,
                    high: 100.0,
                }),
                aggregation: Some(Aggregation::Geometric),
                ..MethodChoice::default()
            },
            ..Scenario::default()
        };
        s.weights.insert("p2".into(), 3.0);
        s.weights.insert("y".into(), 0.5);
        s
    }

    /// The main thread's figures for `year`: `pipeline::prepare`, then `score` — as the app's
    /// state does — as (code, score, rank, note) in ranking order.
    fn main_thread(
        b: &Bundle,
        s: &Scenario,
        year: i32,
    ) -> Vec<(String, Option<f64>, Option<u32>, String)> {
        let method = s.method.apply(b.method()).unwrap();
        let weights = Weights::with_overrides(b.framework(), &s.weights).unwrap();
        let p = pipeline::prepare(b.dataset(), b.framework(), &method, year).unwrap();
        let r = Arc::new(p).score(b.framework(), &weights).unwrap();
        r.order()
            .into_iter()
            .map(|u| {
                (
                    b.dataset().units()[u].code.clone(),
                    r.index(u),
                    r.rank(u),
                    r.status(u).reason(),
                )
            })
            .collect()
    }

    #[test]
    fn every_year_matches_the_main_threads_figures_exactly() {
        let b = bundle();
        for s in [scenario(), Scenario::default()] {
            let mut steps = Vec::new();
            let got = score_years(&b, &s, &mut |d, t| steps.push((d, t))).unwrap();
            let years: Vec<i32> = got.years.iter().map(|y| y.year).collect();
            assert_eq!(years, b.years_with_data());
            assert_eq!(years, [2018, 2019, 2020, 2021]);
            assert!(got.skipped.is_empty(), "{:?}", got.skipped);
            assert_eq!(steps, [(1, 4), (2, 4), (3, 4), (4, 4)], "after each year");
            for y in &got.years {
                let want = main_thread(&b, &s, y.year);
                let have: Vec<_> = y
                    .units
                    .iter()
                    .map(|u| (u.code.clone(), u.score, u.rank, u.note.clone()))
                    .collect();
                assert_eq!(have, want, "{}", y.year);
                assert_eq!(
                    y.ranked as usize,
                    want.iter().filter(|u| u.2.is_some()).count()
                );
            }
        }
        // The scenario matters: weights and method change the figures.
        let changed = score_years(&b, &scenario(), &mut |_, _| {}).unwrap();
        let published = score_years(&b, &Scenario::default(), &mut |_, _| {}).unwrap();
        assert_ne!(changed.years[1], published.years[1]);
        // A unit without data in 2021 is listed, unranked, with the reason.
        let fff = changed.years[3]
            .units
            .iter()
            .find(|u| u.code == "FFF")
            .unwrap();
        assert_eq!(
            (fff.rank, fff.note.as_str()),
            (None, "no data for this year")
        );
        assert_eq!(changed.years[3].ranked, 5);
        assert_eq!(changed.years[3].units.last().unwrap().code, "FFF");
    }

    #[test]
    fn a_scenario_that_does_not_apply_fails_with_the_engines_reason() {
        let b = bundle();
        let mut s = scenario();
        s.weights.insert("nope".into(), 1.0);
        let mut called = false;
        let e = score_years(&b, &s, &mut |_, _| called = true).unwrap_err();
        assert!(e.contains("nope"), "{e}");
        assert!(!called, "no progress before the scenario is checked");
        let other = Scenario {
            bundle: "hdi".into(),
            ..Scenario::default()
        };
        let e = score_years(&b, &other, &mut |_, _| {}).unwrap_err();
        assert!(e.contains("hdi"), "{e}");
    }

    /// The answers `session` gives to `message`.
    fn answers(session: &mut Session, message: &str) -> Vec<FromWorker> {
        let mut out = Vec::new();
        session.handle(message, &mut |m| out.push(m));
        out
    }

    fn request(job: u64, bundle: BundleRef) -> String {
        ToWorker {
            job: JobId(job),
            bundle,
            scenario: scenario(),
            request: Request::ScoreYears,
        }
        .to_json()
        .unwrap()
    }

    #[track_caller]
    fn check_failed(answers: &[FromWorker], job: u64, contains: &str) {
        match answers {
            [FromWorker::Job {
                job: j,
                response: Response::Failed(why),
            }] => {
                assert_eq!(*j, JobId(job));
                assert!(why.contains(contains), "{why:?} should name {contains:?}");
            }
            other => panic!("expected one failure, got {other:?}"),
        }
    }

    #[test]
    fn a_session_keeps_the_bundle_sent_once_and_answers_in_order() {
        let b = bundle();
        let mut session = Session::new();
        let text = BundleRef::Text {
            key: "test-1".into(),
            json: b.to_json().unwrap(),
        };
        let first = answers(&mut session, &request(1, text));
        assert_eq!(first.len(), 5, "four progress events, then the result");
        for (i, a) in first.iter().take(4).enumerate() {
            assert_eq!(
                *a,
                FromWorker::Job {
                    job: JobId(1),
                    response: Response::Progress {
                        done: i as u32 + 1,
                        total: 4
                    }
                }
            );
        }
        let want = score_years(&b, &scenario(), &mut |_, _| {}).unwrap();
        assert_eq!(
            first[4],
            FromWorker::Job {
                job: JobId(1),
                response: Response::Done(Outcome::ScoreYears(want.clone()))
            }
        );
        assert_eq!(session.bundle_key(), Some("test-1"));

        // Later requests name the bundle only.
        let cached = BundleRef::Cached {
            key: "test-1".into(),
        };
        let second = answers(&mut session, &request(2, cached));
        assert_eq!(
            second.last(),
            Some(&FromWorker::Job {
                job: JobId(2),
                response: Response::Done(Outcome::ScoreYears(want))
            })
        );
        // A key the worker does not hold.
        let other = BundleRef::Cached {
            key: "test-2".into(),
        };
        check_failed(&answers(&mut session, &request(3, other)), 3, "`test-2`");
        // A text that is not a bundle: failed, and the old bundle is dropped.
        let bad = BundleRef::Text {
            key: "bad".into(),
            json: "{\"id\": 3}".into(),
        };
        check_failed(&answers(&mut session, &request(4, bad)), 4, "bundle `bad`");
        assert_eq!(session.bundle_key(), None);
    }

    #[test]
    fn malformed_messages_get_an_answer_naming_the_problem() {
        let mut session = Session::new();
        check_failed(
            &answers(&mut session, r#"{"job": 9, "request": "ScoreYears"}"#),
            9,
            "missing field `bundle`",
        );
        check_failed(
            &answers(
                &mut session,
                r#"{"job": 9, "bundle": {"Cached": {"key": "k"}}, "scenario": {}, "request": "Shuffle"}"#,
            ),
            9,
            "unknown variant `Shuffle`",
        );
        for text in ["", "null", "[1,2]", r#"{"job": "one"}"#, "{\"job\": 1"] {
            match answers(&mut session, text).as_slice() {
                [FromWorker::Unreadable { message }] => {
                    assert!(message.starts_with("not a request:"), "{message}")
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
        // Ready says the version the page checks.
        assert!(FromWorker::Ready { version: VERSION }
            .to_json()
            .contains(&VERSION.to_string()));
    }
}
