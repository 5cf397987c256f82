//! What the fuzz targets share: a small bundle of the real shape (FTRI's framework and method
//! on made-up figures), the checks every `Ok` result must pass, the country table the readers
//! need (index-data's own test fixture), and [`engine`], which turns fuzz bytes into a random
//! framework, dataset, method and weights; [`worker`], what the worker's messages target does;
//! [`import`], the checks of every import and the workbooks of the `xlsx` target.
//!
//! The targets are in `fuzz_targets/`; ARCHITECTURE.md ("Fuzzing") says what each asserts and
//! how to run them.

pub mod engine;
pub mod import;
pub mod worker;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use index_core::bundle::{Bundle, BundleParts};
use index_core::dataset::{DatasetBuilder, Direction, Group, Indicator, Source, Unit};
use index_core::framework::Framework;
use index_core::pipeline::{Prepared, Results};
use index_core::scenario::{Resolved, Scenario};
use index_data::countries::Countries;

/// The units of [`small_bundle`]: code, name and groups, as the real bundles name them.
const UNITS: &[(&str, &str, &[&str])] = &[
    (
        "KEN",
        "Kenya",
        &["developing", "developing-m49", "region:Africa"],
    ),
    (
        "ETH",
        "Ethiopia",
        &["LDC", "LLDC", "developing-m49", "region:Africa"],
    ),
    (
        "NOR",
        "Norway",
        &["developed", "developed-m49", "region:Europe"],
    ),
    (
        "DEU",
        "Germany",
        &["developed", "developed-m49", "region:Europe"],
    ),
    (
        "BGD",
        "Bangladesh",
        &["LDC", "developing-m49", "region:Asia"],
    ),
    (
        "IND",
        "India",
        &["developing", "developing-m49", "region:Asia"],
    ),
    (
        "JPN",
        "Japan",
        &["developed", "developed-m49", "region:Asia"],
    ),
    (
        "TUV",
        "Tuvalu",
        &["LDC", "SIDS", "developing-m49", "region:Oceania"],
    ),
    (
        "FJI",
        "Fiji",
        &["SIDS", "developing", "developing-m49", "region:Oceania"],
    ),
    (
        "BRA",
        "Brazil",
        &["developing", "developing-m49", "region:Americas"],
    ),
    (
        "USA",
        "United States",
        &["developed", "developed-m49", "region:Americas"],
    ),
    (
        "NPL",
        "Nepal",
        &["LDC", "LLDC", "developing-m49", "region:Asia"],
    ),
];

/// The groups of [`small_bundle`]: id and family.
const GROUPS: &[(&str, &str)] = &[
    ("LDC", "un-ldc"),
    ("LLDC", "un-lldc"),
    ("SIDS", "un-sids"),
    ("developed", "unctad-development"),
    ("developing", "unctad-development"),
    ("developed-m49", "m49-development"),
    ("developing-m49", "m49-development"),
    ("region:Africa", "m49-region"),
    ("region:Americas", "m49-region"),
    ("region:Asia", "m49-region"),
    ("region:Europe", "m49-region"),
    ("region:Oceania", "m49-region"),
];

/// The years of [`small_bundle`]; the last has gaps that carrying forward fills.
const YEARS: [i32; 3] = [2019, 2020, 2021];

/// A bundle of the real shape, small: FTRI's framework (five building blocks, equal weights)
/// and method, 12 economies with the real bundles' groups, 2019–2021, made-up scores with a
/// few gaps, GDP per capita. `id` is its bundle id (`ftri`, `ftri-2021`: a version-1 scenario
/// names the second).
///
/// # Panics
/// Never for the fixed data here (a panic would be a bug in this fixture).
pub fn small_bundle(id: &str) -> Bundle {
    let ftri = index_core::builtin::ftri().expect("FTRI is built in");
    let source = Source {
        id: "fuzz".into(),
        publisher: "made up".into(),
        title: "Fuzz fixture".into(),
        edition: "1".into(),
        licence: "CC0".into(),
        url: String::new(),
    };
    let mut indicators: Vec<Indicator> = ftri
        .indicators
        .iter()
        .map(|i| Indicator {
            id: i.id.into(),
            name: i.name.into(),
            unit: i.unit.into(),
            direction: i.direction,
            source: source.id.clone(),
        })
        .collect();
    indicators.push(Indicator {
        id: "gdppc_ppp".into(),
        name: "GDP per capita, PPP".into(),
        unit: "current international $".into(),
        direction: Direction::Higher,
        source: source.id.clone(),
    });
    let units = UNITS
        .iter()
        .map(|(code, name, groups)| Unit {
            short: None,
            code: (*code).into(),
            name: (*name).into(),
            groups: groups.iter().map(|g| (*g).to_string()).collect(),
        })
        .collect();
    let groups = GROUPS
        .iter()
        .map(|(id, family)| Group {
            id: (*id).into(),
            name: (*id).into(),
            family: (*family).into(),
        })
        .collect();
    let ids: Vec<String> = indicators.iter().map(|i| i.id.clone()).collect();
    let mut b = DatasetBuilder::new(units, indicators, vec![source], groups, YEARS.to_vec())
        .expect("the fixture's metadata is valid");
    for (u, (code, ..)) in UNITS.iter().enumerate() {
        for (i, id) in ids.iter().enumerate() {
            for (y, &year) in YEARS.iter().enumerate() {
                if (u + 2 * i + 3 * y) % 11 == 0 {
                    continue; // a gap
                }
                let v = if id == "gdppc_ppp" {
                    1000.0 * (1 + (u * 37) % 60) as f64
                } else {
                    ((u * 7 + i * 13 + y * 3) % 17) as f64 / 16.0
                };
                b.set(code, id, year, v)
                    .expect("the fixture's values are valid");
            }
        }
    }
    Bundle::new(BundleParts {
        id: id.into(),
        title: "FTRI (fuzz fixture)".into(),
        description: "FTRI's framework and method on made-up figures.".into(),
        notes: vec![],
        dataset: b.build(),
        framework: ftri.framework,
        method: ftri.method,
        default_year: 2021,
        default_groups: ["LDC".into(), "developed".into()],
        reference: None,
        gdp_per_capita: Some("gdppc_ppp".into()),
    })
    .expect("the fixture bundle is valid")
}

/// [`small_bundle`] under the ids `ftri` and `ftri-2021`, built once.
pub fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [small_bundle("ftri"), small_bundle("ftri-2021")])
}

/// The M49 country table of index-data's reader tests (11 countries; a committed fixture of
/// made-up shape, not the publisher's file), read once.
pub fn countries() -> &'static Countries {
    static COUNTRIES: OnceLock<Countries> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        index_data::read::m49::read_bytes(
            Path::new("m49_countries.csv"),
            include_bytes!("../../index-data/tests/fixtures/data/un/m49_countries.csv"),
        )
        .expect("the M49 fixture reads")
    })
}

/// Whether the `Debug` text of a value shows an infinity or a NaN among its numbers: the
/// engine's tables keep missing values as NaN inside, so `nan_ok` says whether NaN is allowed
/// (it is in a table, never in a figure).
pub fn debug_has_non_finite(text: &str, nan_ok: bool) -> bool {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
        .any(|t| t == "inf" || t == "-inf" || (!nan_ok && t == "NaN"))
}

/// Everything a prepared year holds is finite or missing: every value read through the API,
/// and every table inside (no infinity kept as "missing").
///
/// # Panics
/// On a non-finite number: the property the fuzz targets check.
pub fn check_prepared(p: &Prepared) {
    let tables = [("raw", &p.raw.values), ("normalised", p.normalised())];
    for (what, m) in tables {
        for c in 0..m.cols() {
            assert!(
                m.column(c).flatten().all(f64::is_finite),
                "{what} column {c}"
            );
        }
        assert!(
            !debug_has_non_finite(&format!("{m:?}"), true),
            "an infinity is kept in the {what} table: {m:?}"
        );
    }
    for (what, m) in [
        ("denominated", p.denominated()),
        ("imputed", p.imputed()),
        ("treated", p.treated()),
    ] {
        assert!(
            !debug_has_non_finite(&format!("{m:?}"), true),
            "an infinity is kept in the {what} table: {m:?}"
        );
    }
    for s in &p.screened_out {
        assert!(s.share.is_finite() && s.threshold.is_finite(), "{s:?}");
    }
    for t in &p.treatment {
        assert!(!debug_has_non_finite(&format!("{t:?}"), false), "{t:?}");
    }
}

/// An `Ok` scoring is sound: every score and contribution finite (and no infinity inside the
/// tables), ranks present exactly for the units with an index score and each the competition
/// rank of that score, and the order a permutation.
///
/// # Panics
/// When one of these does not hold.
pub fn check_results(framework: &Framework, r: &Results) {
    check_prepared(&r.prepared);
    assert!(
        !debug_has_non_finite(&format!("{r:?}"), true),
        "an infinity is kept in the results"
    );
    let n = r.units();
    let index: Vec<Option<f64>> = (0..n).map(|u| r.index(u)).collect();
    for u in 0..n {
        for node in 0..framework.len() {
            if let Some(x) = r.score(u, node) {
                assert!(x.is_finite(), "unit {u} node {node}: {x}");
            }
        }
        for (node, x) in r.contributions(framework, u) {
            assert!(
                x.is_finite(),
                "contribution of node {node} to unit {u}: {x}"
            );
        }
        match (r.rank(u), index.get(u).copied().flatten()) {
            (None, None) => {}
            (Some(rank), Some(x)) => {
                let above = index.iter().flatten().filter(|y| **y > x).count();
                assert_eq!(rank as usize, above + 1, "unit {u}'s rank");
            }
            (rank, x) => panic!("unit {u}: rank {rank:?} for score {x:?}"),
        }
    }
    let mut order = r.order().to_vec();
    order.sort_unstable();
    assert!(order.iter().copied().eq(0..n), "the order is a permutation");
}

/// The scenario that says exactly what `r` is for `bundle`: resolving it must give `r` again,
/// without errors (what lenient resolution keeps is valid).
pub fn scenario_of(bundle: &Bundle, name: &str, r: &Resolved) -> Scenario {
    Scenario {
        name: name.into(),
        bundle: bundle.id().into(),
        year: Some(r.year),
        weights: r.weights.overrides(bundle.framework()),
        method: r.choice.clone(),
        groups: Some(r.groups.clone()),
        selection: r.selection.clone(),
    }
}

/// Resolves `s` against `bundle` leniently and checks what follows: the strict reading agrees;
/// what was kept resolves again to the same, without errors, and round-trips through JSON and
/// the query form; a scenario that resolved without errors round-trips likewise; and the
/// resolved scenario scores to sound results (or a typed error).
///
/// # Panics
/// When one of these does not hold.
pub fn check_resolving(s: &Scenario, bundle: &Bundle) {
    let (r, errors) = s.resolve_lenient(bundle);
    match s.resolve(bundle) {
        Ok(strict) => {
            assert!(errors.is_empty(), "strict Ok, lenient {errors:?}");
            assert_eq!(strict, r);
        }
        Err(e) => assert_eq!(errors.first(), Some(&e)),
    }
    for e in &errors {
        // Every error can be shown (and is not a wall of text echoing the input).
        let text = e.to_string();
        assert!(!text.is_empty());
    }
    let kept = scenario_of(bundle, "", &r);
    match kept.resolve(bundle) {
        Ok(again) => assert_eq!(again, r, "what resolving kept resolves to itself"),
        Err(e) => panic!("what resolving kept ({kept:?}) does not resolve: {e}"),
    }
    round_trips(&kept);
    if errors.is_empty() && s.bundle == bundle.id() {
        round_trips(s);
    }
    match r.run(bundle) {
        Ok(results) => check_results(bundle.framework(), &results),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// `s` written as a link and as JSON reads back as `s`.
///
/// # Panics
/// When it does not.
pub fn round_trips(s: &Scenario) {
    let query = s.to_query();
    let (back, errors) = Scenario::from_query(&query);
    assert!(errors.is_empty(), "{query}: {errors:?}");
    assert_eq!(&back, s, "through the link {query}");
    let json = s.to_json();
    match Scenario::from_json(&json) {
        Ok(back) => assert_eq!(&back, s, "through JSON {json}"),
        Err(e) => panic!("{json} does not read back: {e}"),
    }
}

/// Resolves `s` against both [`bundles`], and against the one it names as [`check_resolving`]
/// does.
pub fn check_against_bundles(s: &Scenario) {
    for bundle in bundles() {
        check_resolving(s, bundle);
    }
}

/// Scores `prepared` under `weights` and checks the results (the framework is the one prepared
/// for, so scoring cannot fail).
///
/// # Panics
/// When scoring fails or [`check_results`] does not hold.
pub fn score_and_check(
    prepared: Prepared,
    framework: &Framework,
    weights: &index_core::framework::Weights,
) -> Results {
    check_prepared(&prepared);
    let prepared = Arc::new(prepared);
    match prepared.score(framework, weights) {
        Ok(r) => {
            check_results(framework, &r);
            r
        }
        Err(e) => panic!("scoring what was prepared for this framework failed: {e}"),
    }
}

/// A bundle as small as a bundle gets: three units, two indicators under one pillar, one year.
///
/// # Panics
/// Never for the fixed data here.
pub fn tiny_bundle() -> Bundle {
    use index_core::framework::{NodeKind, NodeSpec};
    let node = |id: &str, parent: Option<&str>, kind: NodeKind| NodeSpec {
        id: id.into(),
        name: id.into(),
        parent: parent.map(Into::into),
        weight: 1.0,
        kind,
    };
    let leaf = NodeKind::Indicator { denominator: None };
    let framework = Framework::new(vec![
        node("index", None, NodeKind::Aggregate),
        node("p", Some("index"), NodeKind::Aggregate),
        node("a", Some("p"), leaf.clone()),
        node("b", Some("p"), leaf),
    ])
    .expect("the tiny framework is valid");
    let source = Source {
        id: "s".into(),
        publisher: "P".into(),
        title: "T".into(),
        edition: "E".into(),
        licence: "L".into(),
        url: String::new(),
    };
    let indicator = |id: &str, direction| Indicator {
        id: id.into(),
        name: id.into(),
        unit: "u".into(),
        direction,
        source: "s".into(),
    };
    let unit = |code: &str, groups: &[&str]| Unit {
        short: None,
        code: code.into(),
        name: code.into(),
        groups: groups.iter().map(|g| (*g).to_string()).collect(),
    };
    let group = |id: &str| Group {
        id: id.into(),
        name: id.into(),
        family: "f".into(),
    };
    let mut b = DatasetBuilder::new(
        vec![unit("AAA", &["g1"]), unit("BBB", &["g2"]), unit("CCC", &[])],
        vec![
            indicator("a", Direction::Higher),
            indicator("b", Direction::Lower),
        ],
        vec![source],
        vec![group("g1"), group("g2")],
        vec![2020],
    )
    .expect("the tiny dataset is valid");
    for (code, a, b_) in [("AAA", 1.0, 3.0), ("BBB", 2.0, 2.0), ("CCC", -4.5, 0.0)] {
        b.set(code, "a", 2020, a).expect("valid");
        b.set(code, "b", 2020, b_).expect("valid");
    }
    Bundle::new(BundleParts {
        id: "tiny".into(),
        title: "Tiny".into(),
        description: String::new(),
        notes: vec![],
        dataset: b.build(),
        framework,
        method: index_core::method::Method::default(),
        default_year: 2020,
        default_groups: ["g1".into(), "g2".into()],
        reference: None,
        gdp_per_capita: None,
    })
    .expect("the tiny bundle is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundle target's seeds are these fixtures' JSON (`FUZZ_SEEDS=write` rewrites them).
    #[test]
    fn bundle_seeds_are_the_fixtures() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/bundle_json");
        for (file, bundle) in [
            ("ftri-small.json", small_bundle("ftri")),
            ("tiny.json", tiny_bundle()),
        ] {
            let json = bundle.to_json().expect("a bundle writes");
            let path = dir.join(file);
            if std::env::var_os("FUZZ_SEEDS").is_some_and(|v| v == "write") {
                std::fs::write(&path, &json).expect("the seed is written");
            }
            let seed = std::fs::read_to_string(&path).expect("the seed is there");
            assert_eq!(
                seed, json,
                "{file}: run with FUZZ_SEEDS=write to refresh it"
            );
            assert_eq!(Bundle::from_json(&seed).expect("the seed reads"), bundle);
        }
    }

    /// Every scenario seed reads (as a link or a file) and passes the checks, so the targets
    /// start from inputs that reach resolving and scoring.
    #[test]
    fn scenario_seeds_pass() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut read = 0;
        for entry in std::fs::read_dir(dir.join("url_state")).expect("seeds") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("text");
            let (s, _) = Scenario::from_query(&text);
            check_against_bundles(&s);
            read += 1;
        }
        for entry in std::fs::read_dir(dir.join("scenario_json")).expect("seeds") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("text");
            if let Ok(all) = Scenario::many_from_json(&text) {
                all.iter().for_each(check_against_bundles);
                read += 1;
            }
        }
        assert!(read >= 10, "{read}");
    }

    /// The `xlsx` target's seeds are what `import::xlsx_seeds` makes (`FUZZ_SEEDS=write`
    /// rewrites them), and each imports with the target's checks passing.
    #[test]
    fn xlsx_seeds_are_current_and_pass() {
        use index_data::import::{import, FileKind, InputFile, Options};
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/xlsx");
        let write = std::env::var_os("FUZZ_SEEDS").is_some_and(|v| v == "write");
        if write {
            std::fs::create_dir_all(&dir).expect("the corpus directory");
        }
        let mut imported = 0;
        for (name, input) in crate::import::xlsx_seeds() {
            let path = dir.join(name);
            if write {
                std::fs::write(&path, &input).expect("the seed is written");
            }
            let seed = std::fs::read(&path).expect("the seed is there");
            assert!(
                seed == input,
                "{name}: run with FUZZ_SEEDS=write to refresh it"
            );
            if input.first() == Some(&1) {
                let options = Options {
                    kind: Some(FileKind::Xlsx),
                    ..Options::default()
                };
                let file = InputFile {
                    name: "book.xlsx",
                    bytes: input.get(1..).unwrap_or_default(),
                };
                let result = import(&[file], None, &options);
                crate::import::check_import(&result, &["book.xlsx"]);
                imported += usize::from(result.is_ok());
            }
        }
        // The wide, COINr and long workbooks import; the truncated one does not.
        assert_eq!(imported, 3);
    }

    #[test]
    fn the_small_bundles_score_soundly() {
        for bundle in bundles().iter().chain([&tiny_bundle()]) {
            check_resolving(
                &Scenario {
                    bundle: bundle.id().into(),
                    ..Scenario::default()
                },
                bundle,
            );
        }
    }
}

#[cfg(test)]
mod engine_tests {
    use super::*;
    use arbitrary::Unstructured;
    use index_core::method::Method;
    use index_core::pipeline;

    /// Random inputs mostly make a whole index that prepares, and at least a third one that ranks
    /// units (360 frameworks, 264 methods, 150 ranked of 400 when written): the target spends
    /// its time in the engine, not in refusals (each of which is also exercised). Each refusal is
    /// printed (`-- --nocapture`).
    #[test]
    fn random_bytes_mostly_reach_scoring() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut framework, mut method, mut scored, total) = (0, 0, 0, 400);
        for i in 0..total {
            let bytes: Vec<u8> = (0..64 + (i * 37) % 2048).map(|_| next() as u8).collect();
            let mut u = Unstructured::new(&bytes);
            let case = engine::case(&mut u).expect("a case");
            let f = match case.framework() {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("framework: {e}");
                    continue;
                }
            };
            framework += 1;
            let m = match Method::new(case.method.clone()) {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("method: {e}");
                    continue;
                }
            };
            method += 1;
            let p = pipeline::prepare(&case.dataset, &f, &m, case.year);
            if let Err(e) = &p {
                eprintln!("prepare: {e}");
            }
            if let Ok(p) = p {
                let w = case.weights(&f).unwrap_or_else(|_| f.weights());
                let r = score_and_check(p, &f, &w);
                scored += usize::from(r.ranked() > 0);
            }
        }
        eprintln!("{total} inputs: {framework} frameworks, {method} methods, {scored} ranked");
        assert!(scored * 3 >= total, "{scored} of {total} ranked");
    }
}
