//! Small bundles for the app's native tests (not real data: made up to exercise edge cases).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use std::sync::Arc;

use index_core::bundle::{Bundle, BundleParts};
use index_core::dataset::{Dataset, DatasetBuilder, Direction, Group, Indicator, Source, Unit};
use index_core::framework::{Framework, NodeKind, NodeSpec};
use index_core::method::Method;
use index_core::pipeline::{self, Results};

/// Units, one of them with a name a spreadsheet would run, two indicators from two
/// sources, two years.
pub fn bundle(edition: &str) -> Bundle {
    test_index(dataset(edition, false))
}

/// [`bundle`]`("2023")` with a GDP per capita (PPP) from a third source, in 2020: AAA 1 000,
/// BBB 50 000, CCC 800, DDD none (EEE has no score in 2020).
pub fn bundle_with_gdp() -> Bundle {
    let mut parts = BundleParts::from(test_index(dataset("2023", true)));
    parts.gdp_per_capita = Some("gdppc_ppp".into());
    Bundle::new(parts).unwrap()
}

/// The test index with three groups, as UNCTAD compares them: LDCs (AAA, DDD), other
/// developing (CCC) and developed (BBB); EEE in none.
pub fn bundle_with_three_groups() -> Bundle {
    test_index(dataset_of("2024", false, true))
}

/// The units, indicators `x` and `y` and, with `gdp`, indicator `gdppc_ppp` (World Bank).
fn dataset(edition: &str, gdp: bool) -> Dataset {
    dataset_of(edition, gdp, false)
}

/// [`dataset`], with CCC in a third group `developing` when `three`.
fn dataset_of(edition: &str, gdp: bool, three: bool) -> Dataset {
    let unit = |code: &str, name: &str, groups: &[&str]| Unit {
        short: None,
        code: code.into(),
        name: name.into(),
        groups: groups.iter().map(|g| g.to_string()).collect(),
    };
    let source = |id: &str, publisher: &str, edition: &str| Source {
        id: id.into(),
        publisher: publisher.into(),
        title: format!("{publisher} data, with a comma"),
        edition: edition.into(),
        licence: "CC BY 4.0".into(),
        url: "https://example.org/data".into(),
    };
    let indicator = |id: &str, source: &str| Indicator {
        id: id.into(),
        name: format!("Indicator {id}"),
        unit: "index".into(),
        direction: Direction::Higher,
        source: source.into(),
    };
    let group = |id: &str| Group {
        id: id.into(),
        name: id.into(),
        family: "status".into(),
    };
    let mut indicators = vec![indicator("x", "s1"), indicator("y", "s2")];
    let mut sources = vec![
        source("s1", "Pub One", edition),
        source("s2", "Pub Two", "2024"),
    ];
    if gdp {
        indicators.push(Indicator {
            name: "GDP per capita, PPP".into(),
            unit: "current international $".into(),
            ..indicator("gdppc_ppp", "wb")
        });
        sources.push(Source {
            title: "GDP per capita, PPP".into(),
            ..source("wb", "World Bank", "WDI 2026")
        });
    }
    let mut b = DatasetBuilder::new(
        vec![
            // A short name beside the official one, as built bundles carry for countries.
            Unit {
                short: Some("Alpha".into()),
                ..unit("AAA", "Republic of Alpha", &["LDC"])
            },
            unit("BBB", "=HYPERLINK(\"http://x\")", &["developed"]),
            unit(
                "CCC",
                "-Charlie",
                &[if three { "developing" } else { "developed" }],
            ),
            unit("DDD", "@Delta", &["LDC"]),
            unit("EEE", "Echo", &[]),
        ],
        indicators,
        sources,
        if three {
            vec![group("LDC"), group("developing"), group("developed")]
        } else {
            vec![group("LDC"), group("developed")]
        },
        vec![2019, 2020],
    )
    .unwrap();
    for (u, x, y) in [
        ("AAA", 1.0, 10.0),
        ("BBB", 5.0, 20.0),
        ("CCC", 3.0, 40.0),
        ("DDD", 2.0, 15.0),
    ] {
        for year in [2019, 2020] {
            b.set(u, "x", year, x).unwrap();
            b.set(u, "y", year, y + f64::from(year - 2019)).unwrap();
        }
    }
    b.set("EEE", "x", 2019, 4.0).unwrap();
    if gdp {
        for (u, g) in [("AAA", 1_000.0), ("BBB", 50_000.0), ("CCC", 800.0)] {
            b.set(u, "gdppc_ppp", 2020, g).unwrap();
        }
    }
    b.build()
}

/// The test index over `dataset`'s indicators `x` and `y` (equal weights, the default method),
/// opening on 2020 with LDCs against developed units.
pub fn test_index(dataset: Dataset) -> Bundle {
    let node = |id: &str, parent: Option<&str>, kind: NodeKind| NodeSpec {
        id: id.into(),
        name: format!("Node {id}"),
        parent: parent.map(Into::into),
        weight: 1.0,
        kind,
    };
    let framework = Framework::new(vec![
        node("idx", None, NodeKind::Aggregate),
        node("x", Some("idx"), NodeKind::Indicator { denominator: None }),
        node("y", Some("idx"), NodeKind::Indicator { denominator: None }),
    ])
    .unwrap();
    Bundle::new(BundleParts {
        id: "test".into(),
        title: "Test index".into(),
        description: String::new(),
        notes: vec![],
        dataset,
        framework,
        method: Method::default(),
        default_year: 2020,
        default_groups: ["LDC".into(), "developed".into()],
        reference: None,
        gdp_per_capita: None,
    })
    .unwrap()
}

pub fn results(b: &Bundle, year: i32) -> Results {
    let p = Arc::new(pipeline::prepare(b.dataset(), b.framework(), b.method(), year).unwrap());
    p.score(b.framework(), &b.framework().weights()).unwrap()
}

/// A made-up `map.json` (format 1, a grid 400 × 200) for the map's tests: AAA a square with a
/// hole holding the enclave BBB; CCC two squares; DDD a small state (a tiny square with a
/// circle); EEE a triangle; ZZZ, not in the dataset, a square. Not real geometry.
pub fn map_json() -> String {
    r#"{"format":1,"projection":"test","width":400,"height":200,
    "outline":"M0 0l400 0 0 200-400 0z","source":"Boundaries: made up for tests",
    "disclaimer":"The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.",
    "small_km2":20000,"units":{
    "AAA":{"name":"Alpha land","d":"M20 20l140 0 0 140-140 0zM60 60l0 60 60 0 0-60z","km2":90000},
    "BBB":{"name":"Bravo land","d":"M60 60l60 0 0 60-60 0z","km2":30000},
    "CCC":{"name":"Charlie land","d":"M180 20l80 0 0 60-80 0zM180 100L260 100 260 160 180 160z","km2":60000},
    "DDD":{"name":"Delta isle","d":"M300 100l2 0 0 2-2 0z","c":[301,101],"km2":10},
    "EEE":{"name":"Echo land","d":"M300 20l80 0-40 60z","km2":20000},
    "ZZZ":{"name":"Zulu land","d":"M320 140l60 0 0 40-60 0z","km2":25000}}}"#
        .to_string()
}
