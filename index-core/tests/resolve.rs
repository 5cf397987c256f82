//! Resolving scenarios against a bundle, whatever numbers a link or a file holds (1e308, −1,
//! `NaN` as text, 4e9, 1e-300…): the two readers agree, resolution returns what it could apply
//! and a typed error per part it could not — never a panic — and what it applies prepares and
//! scores to finite numbers in bounded time (the hang of issue 10 was in `prepare`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeMap;
use std::sync::OnceLock;

use index_core::bundle::{Bundle, BundleParts};
use index_core::framework::MAX_WEIGHT;
use index_core::method::{
    limits, Aggregation, Imputation, IndicatorMethod, Method, MethodSpec, Normalisation,
    NormaliseOver, Treatment,
};
use index_core::pipeline;
use index_core::scenario::{MethodChoice, Scenario};
use index_core::Error;
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::select;

#[path = "common/synth.rs"]
#[allow(dead_code)] // shared with the benchmarks and the property tests
mod synth;

/// A small synthetic bundle (40 units, 8 indicators in 3 pillars, every step of the method on).
fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let s = synth::synthetic(40, 8, 3, 11);
        Bundle::new(BundleParts {
            id: "synthetic".into(),
            title: "Synthetic".into(),
            description: String::new(),
            notes: vec![],
            dataset: s.dataset,
            framework: s.framework,
            method: s.method,
            default_year: synth::YEAR,
            default_groups: [synth::GROUPS[0].into(), synth::GROUPS[1].into()],
            reference: None,
            gdp_per_capita: None,
        })
        .unwrap()
    })
}

/// Numbers as links and files hold them: in range, out of range, huge, tiny, negative.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => select(vec![
            1e308, -1e308, f64::MAX, -1.0, 4e9, 1e-300, 5e-324, 0.0, -0.0, 0.5, 1.0, 2.0, 3.5,
            100.0, 1e6, 1.5e6, 1e9, 1.1e9, 1e10, 1e-9, 1e-12, 1e-13, 1000.0, 1001.0,
        ]),
        1 => -1e3..1e3f64,
        1 => any::<f64>().prop_filter("JSON holds finite numbers", |x| x.is_finite()),
    ]
}

fn wild_count() -> impl Strategy<Value = u32> {
    prop_oneof![
        3 => select(vec![0, 1, 5, 50, 51, 100, 101, 4_000_000_000, u32::MAX]),
        1 => any::<u32>(),
    ]
}

fn wild_normalisation() -> impl Strategy<Value = Normalisation> {
    prop_oneof![
        Just(Normalisation::None),
        Just(Normalisation::Rank),
        (wild(), wild()).prop_map(|(low, high)| Normalisation::MinMax { low, high }),
        (wild(), wild()).prop_map(|(mean, sd)| Normalisation::ZScore { mean, sd }),
        (wild(), wild()).prop_map(|(low, high)| Normalisation::PercentileRank { low, high }),
        (wild(), wild()).prop_map(|(low, high)| Normalisation::DistanceToBest { low, high }),
        (wild(), wild(), any::<bool>(), wild(), wild()).prop_map(|(min, max, log, low, high)| {
            Normalisation::Goalposts {
                min,
                max,
                log,
                low,
                high,
            }
        }),
    ]
}

fn wild_treatment() -> impl Strategy<Value = Treatment> {
    prop_oneof![
        Just(Treatment::None),
        (wild_count(), wild(), wild(), any::<bool>()).prop_map(
            |(max_winsorised, skew, kurtosis, mirror_negative)| Treatment::Winsorise {
                max_winsorised,
                skew,
                kurtosis,
                mirror_negative,
            }
        ),
    ]
}

fn imputation() -> impl Strategy<Value = Imputation> {
    prop_oneof![
        Just(Imputation::None),
        Just(Imputation::IndicatorMean),
        select(vec![synth::REGION_FAMILY, "status", "nope"])
            .prop_map(|f| Imputation::GroupMean { family: f.into() }),
    ]
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    select(vec![
        Aggregation::Arithmetic,
        Aggregation::Geometric,
        Aggregation::Harmonic,
    ])
}

/// Node ids of the synthetic framework, and some it does not have.
fn node_id() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..8usize).prop_map(|i| format!("i{i:03}")),
        (0..3usize).prop_map(|p| format!("p{p:02}")),
        Just("index".to_string()),
        "z[a-z0-9]{0,6}",
    ]
}

fn normalise_over() -> impl Strategy<Value = NormaliseOver> {
    prop_oneof![Just(NormaliseOver::EachYear), Just(NormaliseOver::AllYears)]
}

fn wild_choice() -> impl Strategy<Value = MethodChoice> {
    (
        proptest::option::of(wild_normalisation()),
        proptest::option::of(normalise_over()),
        proptest::option::of(aggregation()),
        proptest::option::of(wild_treatment()),
        proptest::option::of(imputation()),
        proptest::option::of(wild()),
        proptest::option::of(wild_count()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(
            |(
                normalisation,
                normalise_over,
                aggregation,
                treatment,
                imputation,
                screen,
                carry_forward,
                denominate,
            )| MethodChoice {
                normalisation,
                normalise_over,
                aggregation,
                treatment,
                imputation,
                screen,
                carry_forward,
                denominate,
            },
        )
}

fn wild_scenario() -> impl Strategy<Value = Scenario> {
    let group = select(vec![
        synth::GROUPS[0],
        synth::GROUPS[1],
        "region:2",
        "martians",
    ]);
    (
        select(vec!["", "synthetic", "other"]),
        proptest::option::of(select(vec![
            synth::YEAR,
            synth::YEAR - 1,
            1999,
            i32::MIN,
            i32::MAX,
        ])),
        btree_map(node_id(), wild(), 0..6),
        wild_choice(),
        proptest::option::of((group.clone(), group)),
        proptest::option::of(select(vec!["U00001", "U00039", "XXX"])),
    )
        .prop_map(
            |(bundle, year, weights, method, groups, selection)| Scenario {
                name: String::new(),
                bundle: bundle.into(),
                year,
                weights,
                method,
                groups: groups.map(|(a, b)| vec![a.to_string(), b.to_string()]),
                selection: selection.map(Into::into),
            },
        )
}

/// Runs `method` with `weights` on the bundle in `year`: it must succeed, with every score
/// finite.
fn runs_finite(method: &Method, weights: &index_core::framework::Weights, year: i32) {
    let b = bundle();
    let r = pipeline::run(b.dataset(), b.framework(), method, weights, year).unwrap();
    for u in 0..r.units() {
        for n in 0..b.framework().len() {
            if let Some(x) = r.score(u, n) {
                assert!(x.is_finite(), "{x} for unit {u}, node {n}");
            }
        }
    }
}

/// Whether `errors` holds a method error for `setting`.
fn refuses(errors: &[Error], setting: &str) -> bool {
    errors
        .iter()
        .any(|e| matches!(e, Error::BadMethod { setting: s, .. } if s == setting))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Both readers read the same scenario; resolving it applies only what is valid, with a
    /// typed error per part that is not (out-of-range numbers among them), and the result
    /// prepares and scores to finite numbers.
    #[test]
    fn any_numbers_resolve_to_valid_parts_and_typed_errors(s in wild_scenario()) {
        let b = bundle();
        let f = b.framework();
        // One scenario, whichever reader: the file's and the link's.
        prop_assert_eq!(&Scenario::from_json(&s.to_json()).unwrap(), &s);
        let (link, read) = Scenario::from_query(&s.to_query());
        prop_assert!(read.is_empty(), "{read:?}");
        prop_assert_eq!(&link, &s);

        let (r, errors) = s.resolve_lenient(b);
        for e in &errors {
            prop_assert!(
                matches!(
                    e,
                    Error::OtherBundle { .. }
                        | Error::NoDataForYear { .. }
                        | Error::BadWeight { .. }
                        | Error::UnknownWeights { .. }
                        | Error::ZeroWeights { .. }
                        | Error::BadMethod { .. }
                        | Error::Unknown { .. }
                ),
                "{e:?}"
            );
            prop_assert!(e.to_string().chars().count() < 200, "{e}");
        }
        // Bounded: at most one error per part (bundle, year, unknown weights, zero weights, seven
        // method parts, two groups, the selection) and one per known weight.
        prop_assert!(errors.len() <= 4 + s.weights.len() + 7 + 3, "{errors:?}");
        // What was applied is valid.
        prop_assert_eq!(&Method::new(r.method.spec().clone()).unwrap(), &r.method);
        prop_assert!(r.method.validate(f, b.dataset()).is_ok());
        prop_assert_eq!(&r.choice.apply(b.method()).unwrap(), &r.method);
        prop_assert!(r.weights.fits(f));
        prop_assert!(r.weights.as_slice().iter().all(|w| (0.0..=MAX_WEIGHT).contains(w)));
        prop_assert!(b.years_with_data().contains(&r.year));
        // The strict form is the lenient one stopping at the first error.
        match s.resolve(b) {
            Ok(strict) => {
                prop_assert!(errors.is_empty());
                prop_assert_eq!(&strict, &r);
            }
            Err(e) => prop_assert_eq!(Some(&e), errors.first()),
        }
        // Out-of-range numbers are refused by name (unless the scenario is another bundle's).
        if s.bundle != "other" {
            let m = &s.method;
            if m.carry_forward.is_some_and(|c| c > limits::CARRY_FORWARD) {
                prop_assert!(refuses(&errors, "carry_forward"), "{errors:?}");
            }
            if m.screen.is_some_and(|x| !(0.0..=1.0).contains(&x)) {
                prop_assert!(refuses(&errors, "screen"), "{errors:?}");
            }
            if let Some(Treatment::Winsorise { max_winsorised, .. }) = m.treatment {
                if max_winsorised > limits::MAX_WINSORISED {
                    prop_assert!(refuses(&errors, "treatment"), "{errors:?}");
                }
            }
            for (id, w) in &s.weights {
                if f.position(id).is_some() && !(0.0..=MAX_WEIGHT).contains(w) {
                    prop_assert!(
                        errors.iter().any(|e| matches!(e, Error::BadWeight { node, .. } if node == id)),
                        "{errors:?}"
                    );
                }
            }
        }
        runs_finite(&r.method, &r.weights, r.year);
    }

    /// Any link, however odd its numbers (`NaN`, `inf`, `-1`, `1e308`, `4000000000`), reads and
    /// resolves without panicking; reading reports only malformed text.
    #[test]
    fn any_link_reads_and_resolves(
        params in vec(
            (
                select(vec!["y", "w", "n", "o", "s", "c", "dn", "g", "u", "a", "i"]),
                select(vec![
                    "NaN", "inf", "-inf", "-1", "0", "1e308", "1e-300", "4000000000", "0.5",
                    "50", "51", "2", "1e9", "1e10", "-0", "",
                ]),
                select(vec![
                    "", "i000:", "zscore:0:", "minmax:", "minmax:0:", "winsorise:",
                    "winsorise:5:", "prank:1:", "dist2max:", "loggoalposts:1:2:0:",
                    "groupmean:", "p01:1,i002:",
                ]),
            ),
            0..8,
        ),
    ) {
        let q = params
            .iter()
            .map(|(k, number, prefix)| format!("{k}={prefix}{number}"))
            .collect::<Vec<_>>()
            .join("&");
        let (s, read) = Scenario::from_query(&q);
        for e in &read {
            prop_assert!(matches!(e, Error::Parse { .. }), "{e:?}");
        }
        let (r, _) = s.resolve_lenient(bundle());
        runs_finite(&r.method, &r.weights, r.year);
    }

    /// Every method that validates prepares and scores the bundle's data to finite numbers:
    /// the bounds keep every step finite, and its cost bounded.
    #[test]
    fn any_method_within_the_limits_runs_finite(
        normalisation in wild_normalisation(),
        per_indicator in vec(proptest::option::of((wild_normalisation(), wild_treatment())), 8),
        treatment in wild_treatment(),
        aggregation in aggregation(),
        levels in btree_map(2u8..=3, aggregation(), 0..2),
        imputation in imputation(),
        screen in proptest::option::of(wild()),
        carry_forward in wild_count(),
        denominate in any::<bool>(),
        normalise_over in normalise_over(),
        floor in wild(),
        min_child_share in wild(),
    ) {
        let indicators: BTreeMap<String, IndicatorMethod> = per_indicator
            .into_iter()
            .enumerate()
            .filter_map(|(i, c)| {
                c.map(|(n, t)| {
                    (
                        format!("i{i:03}"),
                        IndicatorMethod { normalisation: Some(n), treatment: Some(t) },
                    )
                })
            })
            .collect();
        let spec = MethodSpec {
            denominate,
            carry_forward,
            imputation,
            screen,
            treatment,
            normalisation,
            normalise_over,
            aggregation,
            levels,
            indicators,
            floor,
            min_child_share,
        };
        let b = bundle();
        if let Ok(m) = Method::new(spec) {
            if m.validate(b.framework(), b.dataset()).is_ok() {
                runs_finite(&m, &b.framework().weights(), synth::YEAR);
                // The heaviest weights allowed change nothing about finiteness.
                let heavy = index_core::framework::Weights::new(
                    b.framework(),
                    vec![MAX_WEIGHT; b.framework().len()],
                )
                .unwrap();
                runs_finite(&m, &heavy, synth::YEAR);
            }
        }
    }
}

#[test]
fn the_limits_at_their_edges_run() {
    let b = bundle();
    let mut spec = MethodSpec {
        carry_forward: limits::CARRY_FORWARD,
        screen: Some(1e-300),
        treatment: Treatment::Winsorise {
            max_winsorised: limits::MAX_WINSORISED,
            skew: 1e-300,
            kurtosis: limits::THRESHOLD,
            mirror_negative: true,
        },
        normalisation: Normalisation::ZScore {
            mean: -limits::TARGET,
            sd: limits::TARGET,
        },
        aggregation: Aggregation::Harmonic,
        floor: limits::FLOOR_MIN,
        min_child_share: 1.0,
        ..MethodSpec::default()
    };
    spec.indicators.insert(
        "i000".into(),
        IndicatorMethod {
            normalisation: Some(Normalisation::Goalposts {
                min: -limits::GOALPOST,
                max: limits::GOALPOST,
                log: false,
                low: -limits::TARGET,
                high: limits::TARGET,
            }),
            treatment: None,
        },
    );
    let m = Method::new(spec).unwrap();
    for a in [
        Aggregation::Arithmetic,
        Aggregation::Geometric,
        Aggregation::Harmonic,
    ] {
        runs_finite(
            &m.with_aggregation_everywhere(a),
            &b.framework().weights(),
            synth::YEAR,
        );
    }
}
