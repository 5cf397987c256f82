//! The scenario formats ever written must load forever, meaning what they meant.
//! `fixtures/scenario_v1.json` is a hand-written version-1 file using every field, for FTRI: it
//! resolves, every field valid, against a bundle of FTRI's framework (checked below). Its
//! `ftri` was the TIR 2021 edition and its `developed` M49's old notion, which format 2 calls
//! `ftri-2021` and `developed-m49`: it loads as those. `fixtures/scenario_v2.json` is the same
//! file in format 2, for the TIR 2023 release (`ftri`) and UNCTAD's developed economies.
//! Neither is ever regenerated; when the format changes, add the next beside them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeMap;

use index_core::builtin;
use index_core::bundle::{Bundle, BundleParts};
use index_core::dataset::{DatasetBuilder, Group, Indicator, Source, Unit};
use index_core::method::{Aggregation, Imputation, Normalisation, Treatment};
use index_core::scenario::{MethodChoice, Scenario};
use index_core::Error;

const V1: &str = include_str!("fixtures/scenario_v1.json");
const V2: &str = include_str!("fixtures/scenario_v2.json");

/// What `scenario_v1.json` says, field by field, in today's ids: its `ftri` is the TIR 2021
/// edition (`ftri-2021`), its `developed` M49's old notion (`developed-m49`).
fn v1_expected() -> Scenario {
    Scenario {
        bundle: "ftri-2021".into(),
        groups: Some(vec!["LDC".into(), "developed-m49".into()]),
        ..v2_expected()
    }
}

/// What `scenario_v2.json` says, field by field.
fn v2_expected() -> Scenario {
    Scenario {
        name: "FTRI, R&D doubled — geometric, z-scores".into(),
        bundle: "ftri".into(),
        year: Some(2019),
        weights: BTreeMap::from([
            ("rd".into(), 2.0),
            ("ict".into(), 0.5),
            ("finance".into(), 0.0),
        ]),
        method: MethodChoice {
            normalisation: Some(Normalisation::ZScore {
                mean: 100.0,
                sd: 10.0,
            }),
            aggregation: Some(Aggregation::Geometric),
            treatment: Some(Treatment::Winsorise {
                max_winsorised: 3,
                skew: 1.5,
                kurtosis: 3.0,
                mirror_negative: true,
            }),
            imputation: Some(Imputation::GroupMean {
                family: "m49-region".into(),
            }),
            screen: Some(0.75),
            carry_forward: Some(2),
            denominate: Some(false),
            // Format 2 files had no such choice: within each year, as they meant.
            normalise_over: None,
        },
        groups: Some(vec!["LDC".into(), "developed".into()]),
        selection: Some("KEN".into()),
    }
}

#[test]
fn v1_file_loads_with_every_field() {
    assert_eq!(Scenario::from_json(V1).unwrap(), v1_expected());
    assert_eq!(Scenario::many_from_json(V1).unwrap(), vec![v1_expected()]);
}

#[test]
fn v2_file_loads_with_every_field() {
    let expected = Scenario {
        name: "FTRI 2023 release, R&D doubled — geometric, z-scores".into(),
        year: Some(2021),
        ..v2_expected()
    };
    assert_eq!(Scenario::from_json(V2).unwrap(), expected);
    assert_eq!(
        Scenario::many_from_json(V2).unwrap(),
        vec![expected.clone()]
    );
    // Written today, it reads back unchanged (no upgrade applies to the current format).
    assert_eq!(Scenario::from_json(&expected.to_json()).unwrap(), expected);
}

#[test]
fn v1_link_loads_with_every_field() {
    // A link as version 1 writes it (`Scenario::to_query`), pinned as text.
    let link = "?v=1&b=ftri&y=2019&w=finance:0,ict:0.5,rd:2&n=zscore:100:10&a=geometric\
                &o=winsorise:3:1.5:3:mirror&i=groupmean:m49-region&s=0.75&c=2&dn=0\
                &g=LDC,developed&u=KEN&name=FTRI,%20R%26D%20doubled%20%E2%80%94%20geometric,%20z-scores";
    // Today the same scenario is written in format 2, with today's ids.
    assert_eq!(
        format!("?{}", v1_expected().to_query()),
        link.replace("v=1&b=ftri&", "v=2&b=ftri-2021&")
            .replace("g=LDC,developed&", "g=LDC,developed-m49&")
    );
    // The same link with every comma encoded, as some tools re-encode links, and spaces as `+`.
    let reencoded = link.replace(',', "%2C").replace("%20", "+");
    for l in [link, reencoded.as_str()] {
        let (s, errors) = Scenario::from_query(l);
        assert!(errors.is_empty(), "{l}: {errors:?}");
        assert_eq!(s, v1_expected(), "{l}");
    }
}

#[test]
fn v2_link_means_todays_ids_and_a_link_without_version_too() {
    for link in ["?v=2&b=ftri&g=LDC,developed", "?b=ftri&g=LDC,developed"] {
        let (s, errors) = Scenario::from_query(link);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(s.bundle, "ftri", "{link}");
        assert_eq!(
            s.groups,
            Some(vec!["LDC".into(), "developed".into()]),
            "{link}"
        );
    }
    // Other bundles and groups are not renamed.
    let (s, _) = Scenario::from_query("?v=1&b=hdi&g=LDC,region:Africa");
    assert_eq!(s.bundle, "hdi");
    assert_eq!(s.groups, Some(vec!["LDC".into(), "region:Africa".into()]));
    let (s, _) = Scenario::from_query("?v=1&b=ftri&g=developing,developed");
    assert_eq!(
        s.groups,
        Some(vec!["developing-m49".into(), "developed-m49".into()])
    );
}

#[test]
fn a_later_format_is_refused_by_name() {
    let v3 = V2.replacen("\"format\": 2", "\"format\": 3", 1);
    assert_ne!(v3, V2);
    assert_eq!(
        Scenario::from_json(&v3).unwrap_err(),
        Error::FutureVersion {
            what: "scenario JSON".into(),
            found: 3,
            supported: 2,
        }
    );
    assert_eq!(
        Scenario::many_from_json(&v3).unwrap_err(),
        Error::FutureVersion {
            what: "scenario file".into(),
            found: 3,
            supported: 2,
        }
    );
    let (s, errors) = Scenario::from_query("v=3&b=ftri");
    assert_eq!(s.bundle, "ftri", "the rest of a newer link still applies");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].to_string().contains("newer version"),
        "{}",
        errors[0]
    );
}

#[test]
fn v1_collection_loads() {
    let collection = r#"{
      "format": 1,
      "scenarios": [
        {
          "name": "FTRI, R&D doubled — geometric, z-scores",
          "bundle": "ftri",
          "year": 2019,
          "weights": { "rd": 2.0, "ict": 0.5, "finance": 0 },
          "method": {
            "normalisation": { "type": "z_score", "mean": 100.0, "sd": 10.0 },
            "aggregation": "geometric",
            "treatment": { "type": "winsorise", "max_winsorised": 3, "skew": 1.5,
                           "kurtosis": 3.0, "mirror_negative": true },
            "imputation": { "type": "group_mean", "family": "m49-region" },
            "screen": 0.75,
            "carry_forward": 2,
            "denominate": false
          },
          "groups": ["LDC", "developed"],
          "selection": "KEN"
        },
        { "bundle": "hdi" },
        {}
      ]
    }"#;
    let hdi = Scenario {
        bundle: "hdi".into(),
        ..Scenario::default()
    };
    assert_eq!(
        Scenario::many_from_json(collection).unwrap(),
        vec![v1_expected(), hdi, Scenario::default()]
    );
}

/// A bundle `id` of FTRI's framework and method, with FTRI's groups (the developed economies
/// under the id `developed`) and a few units in 2019.
fn ftri_shaped(id: &str, developed: &str) -> Bundle {
    let ftri = builtin::ftri().unwrap();
    let group = |id: &str, family: &str| Group {
        id: id.into(),
        name: id.into(),
        family: family.into(),
    };
    let groups = vec![
        group("LDC", "un-status"),
        group(developed, "development"),
        group("region:Africa", "m49-region"),
        group("region:Europe", "m49-region"),
    ];
    let unit = |code: &str, groups: &[&str]| Unit {
        short: None,
        code: code.into(),
        name: code.into(),
        groups: groups.iter().map(|g| g.to_string()).collect(),
    };
    let units = vec![
        unit("KEN", &["region:Africa"]),
        unit("ETH", &["LDC", "region:Africa"]),
        unit("MWI", &["LDC", "region:Africa"]),
        unit("CHE", &[developed, "region:Europe"]),
        unit("DEU", &[developed, "region:Europe"]),
    ];
    let indicators: Vec<Indicator> = ftri
        .indicators
        .iter()
        .map(|i| Indicator {
            id: i.id.into(),
            name: i.name.into(),
            unit: i.unit.into(),
            direction: i.direction,
            source: "unctad".into(),
        })
        .collect();
    let source = Source {
        id: "unctad".into(),
        publisher: "UNCTAD".into(),
        title: "Technology and Innovation Report".into(),
        edition: "2023".into(),
        licence: "test".into(),
        url: String::new(),
    };
    let mut b = DatasetBuilder::new(
        units,
        indicators.clone(),
        vec![source],
        groups,
        vec![2018, 2019],
    )
    .unwrap();
    for (u, code) in ["KEN", "ETH", "MWI", "CHE", "DEU"].iter().enumerate() {
        for (i, ind) in indicators.iter().enumerate() {
            // ETH misses R&D in 2019 (imputed by the mean of its region); KEN's ICT is 2018's.
            let year = if *code == "KEN" && ind.id == "ict" {
                2018
            } else {
                2019
            };
            if !(*code == "ETH" && ind.id == "rd") {
                let v = 0.1 + 0.15 * u as f64 + 0.03 * i as f64;
                b.set(code, &ind.id, year, v).unwrap();
            }
        }
    }
    Bundle::new(BundleParts {
        id: id.into(),
        title: "Frontier Technology Readiness Index".into(),
        description: String::new(),
        notes: vec![],
        dataset: b.build(),
        framework: ftri.framework,
        method: ftri.method,
        default_year: 2019,
        default_groups: ["LDC".into(), developed.into()],
        reference: None,
        gdp_per_capita: None,
    })
    .unwrap()
}

#[test]
fn v1_file_is_valid_for_the_tir_2021_edition_and_v2_for_the_2023_release() {
    // The test bundle holds 2018–2019; the file asks for 2021.
    let v2 = Scenario {
        year: Some(2019),
        ..Scenario::from_json(V2).unwrap()
    };
    let (r, errors) = v2.resolve_lenient(&ftri_shaped("ftri", "developed"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(r.groups, ["LDC".to_string(), "developed".to_string()]);
    let bundle = ftri_shaped("ftri-2021", "developed-m49");
    let (r, errors) = v1_expected().resolve_lenient(&bundle);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        r.choice,
        v1_expected().method,
        "every method change applies"
    );
    assert_eq!(r.selection.as_deref(), Some("KEN"));
    let finance = bundle.framework().position("finance").unwrap();
    assert_eq!(r.weights.get(finance), 0.0);
    let results = index_core::pipeline::run(
        bundle.dataset(),
        bundle.framework(),
        &r.method,
        &r.weights,
        r.year,
    )
    .unwrap();
    assert!(results.ranked() > 0);
}
