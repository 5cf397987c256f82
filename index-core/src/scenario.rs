//! Scenarios: a bundle, a year, weights, method choices, the groups compared and a selected unit
//! — one value that serialises to JSON (files, local storage) and to a short URL query string.
//!
//! Every serialised form carries a format version. Readers accept every version ever written
//! (`tests/fixtures/scenario_v1.json` and `scenario_v2.json` pin them), bring an older one to
//! today's meaning ([`Scenario::upgrade`]: a version-1 `ftri` is the TIR 2021 edition, now
//! `ftri-2021`) and refuse newer ones with a clear message. A link without `v` is read as the
//! current format (links this app writes always carry it).
//!
//! The readers ([`Scenario::from_json`], [`Scenario::from_query`]) check only that numbers are
//! numbers; what they mean is checked once, for both, when a scenario is resolved against a
//! bundle: [`Scenario::resolve_lenient`] applies every part that is valid and returns a typed
//! error for each part that is not (the app), [`Scenario::resolve`] stops at the first (the
//! command line). The bounds are the method's ([`crate::method::limits`]) and the weights'
//! ([`crate::framework::MAX_WEIGHT`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};

use crate::bundle::Bundle;
use crate::dataset::Dataset;
use crate::error::{excerpt, excerpt_quoted, Error, Result, UNKNOWN_EXAMPLES};
use crate::framework::{Framework, Weights};
use crate::method::{
    Aggregation, Imputation, Method, MethodSpec, Normalisation, NormaliseOver, Treatment,
};

pub use crate::error::short_number;

/// The first two of `groups` — the pair a two-group comparison shows — with "" for a missing
/// one.
pub fn pair_of(groups: &[String]) -> (&str, &str) {
    let at = |i: usize| groups.get(i).map_or("", String::as_str);
    (at(0), at(1))
}

/// The most groups a scenario compares at once.
pub const MAX_GROUPS: usize = 6;

/// The newest scenario format this build writes and reads.
///
/// - 1: the first.
/// - 2: bundle and group ids as the FTRI editions named them: `ftri` is UNCTAD's TIR 2023
///   release (in version 1 it was the TIR 2021 edition, now `ftri-2021`); `developed` and
///   `developing` are UNCTAD's classification (in version 1, M49's old notion, now
///   `developed-m49` and `developing-m49`). The shape is unchanged.
pub const FORMAT: u32 = 2;

/// A renamed id: `(its name in an older format, today's)`.
type Renamed = (&'static str, &'static str);

/// Bundle ids that format 2 renamed.
const BUNDLES_RENAMED_IN_2: &[Renamed] = &[("ftri", "ftri-2021")];

/// Group ids that format 2 renamed.
const GROUPS_RENAMED_IN_2: &[Renamed] = &[
    ("developed", "developed-m49"),
    ("developing", "developing-m49"),
];

/// Changes to a bundle's default method; unset fields keep the default. Plain data, as read:
/// [`MethodChoice::apply`] checks the values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct MethodChoice {
    /// Normalisation for every indicator (replaces per-indicator choices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalisation: Option<Normalisation>,
    /// Normalisation within each year or over every year pooled ([`NormaliseOver`]); unset
    /// keeps the bundle's (each year, for every bundle built so far).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalise_over: Option<NormaliseOver>,
    /// Aggregation at every level (replaces per-level choices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<Aggregation>,
    /// Outlier treatment for every indicator (replaces per-indicator choices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treatment: Option<Treatment>,
    /// Imputation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imputation: Option<Imputation>,
    /// Screening threshold, a share in [0, 1]; 0 turns screening off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screen: Option<f64>,
    /// Years to carry values forward (at most [`crate::method::limits::CARRY_FORWARD`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carry_forward: Option<u32>,
    /// Whether to denominate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominate: Option<bool>,
}

/// One change of a [`MethodChoice`], applied to a spec.
type Part<'a> = Box<dyn Fn(&mut MethodSpec) + 'a>;
/// The same change, kept in the choice of what was applied.
type Keep<'a> = Box<dyn Fn(&mut MethodChoice) + 'a>;

impl MethodChoice {
    /// Each part that is set, with a function applying it and a function keeping it in a
    /// choice, in the order they are applied.
    fn parts(&self) -> Vec<(Part<'_>, Keep<'_>)> {
        let mut parts: Vec<(Part<'_>, Keep<'_>)> = Vec::new();
        if let Some(n) = self.normalisation {
            parts.push((
                Box::new(move |s| s.set_normalisation_everywhere(n)),
                Box::new(move |c| c.normalisation = Some(n)),
            ));
        }
        if let Some(o) = self.normalise_over {
            parts.push((
                Box::new(move |s| s.normalise_over = o),
                Box::new(move |c| c.normalise_over = Some(o)),
            ));
        }
        if let Some(a) = self.aggregation {
            parts.push((
                Box::new(move |s| s.set_aggregation_everywhere(a)),
                Box::new(move |c| c.aggregation = Some(a)),
            ));
        }
        if let Some(t) = self.treatment {
            parts.push((
                Box::new(move |s| s.set_treatment_everywhere(t)),
                Box::new(move |c| c.treatment = Some(t)),
            ));
        }
        if let Some(i) = &self.imputation {
            parts.push((
                Box::new(move |s| s.imputation = i.clone()),
                Box::new(move |c| c.imputation = Some(i.clone())),
            ));
        }
        if let Some(x) = self.screen {
            // 0 (or −0) turns screening off; anything else is a share the method checks.
            parts.push((
                Box::new(move |s| s.screen = (x != 0.0).then_some(x)),
                Box::new(move |c| c.screen = Some(x)),
            ));
        }
        if let Some(y) = self.carry_forward {
            parts.push((
                Box::new(move |s| s.carry_forward = y),
                Box::new(move |c| c.carry_forward = Some(y)),
            ));
        }
        if let Some(d) = self.denominate {
            parts.push((
                Box::new(move |s| s.denominate = d),
                Box::new(move |c| c.denominate = Some(d)),
            ));
        }
        parts
    }

    /// `base` with these changes applied, checked as [`Method::new`] checks every method.
    ///
    /// # Errors
    /// [`Error::BadMethod`] naming the first setting out of bounds, its value and the limit.
    ///
    /// ```
    /// use index_core::method::Method;
    /// use index_core::scenario::MethodChoice;
    /// let c = MethodChoice { carry_forward: Some(4_000_000_000), ..MethodChoice::default() };
    /// let e = c.apply(&Method::default()).unwrap_err();
    /// assert_eq!(e.to_string(), "carry_forward: 4000000000 is over the limit of 50 years");
    /// ```
    pub fn apply(&self, base: &Method) -> Result<Method> {
        let mut spec = base.spec().clone();
        for (apply, _) in self.parts() {
            apply(&mut spec);
        }
        Method::new(spec)
    }

    /// `base` with every change that is valid on its own applied, each checked as
    /// [`Method::new`] and [`Method::validate`] (against `framework` and `dataset`) check: the
    /// method, the choice actually applied, and one error per change left out (the default
    /// stays for that part). Parts apply in the order normalisation, normalise_over,
    /// aggregation, treatment, imputation, screen, carry_forward, denominate.
    pub fn apply_lenient(
        &self,
        base: &Method,
        framework: &Framework,
        dataset: &Dataset,
    ) -> (Method, MethodChoice, Vec<Error>) {
        let mut method = base.clone();
        let mut applied = MethodChoice::default();
        let mut errors = Vec::new();
        for (apply, keep) in self.parts() {
            let mut spec = method.spec().clone();
            apply(&mut spec);
            match Method::new(spec).and_then(|m| m.validate(framework, dataset).map(|()| m)) {
                Ok(m) => {
                    method = m;
                    keep(&mut applied);
                }
                Err(e) => errors.push(e),
            }
        }
        (method, applied, errors)
    }

    /// Whether nothing is changed.
    pub fn is_empty(&self) -> bool {
        self == &MethodChoice::default()
    }
}

/// A scenario, as read: plain data. [`Scenario::resolve_lenient`] and [`Scenario::resolve`]
/// check it against a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Scenario {
    /// Name given by the person who saved it (read from a file only up to [`MAX_NAME_CHARS`]).
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "bounded_name"
    )]
    pub name: String,
    /// Bundle id.
    pub bundle: String,
    /// Year (`None`: the bundle's default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Weights that differ from the framework's, by node id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, f64>,
    /// Method changes.
    #[serde(skip_serializing_if = "MethodChoice::is_empty")]
    pub method: MethodChoice,
    /// The groups compared, two or more (`None`: the bundle's default); the first two are the
    /// pair the gap charts show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    /// The unit followed (ISO3 code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selection: Option<String>,
}

/// The largest scenario file read, by the CLI and by the app's import: 1 MiB (a scenario is a
/// few hundred bytes; a file of many is far below this).
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The longest scenario name, in characters: longer ones are refused when a file or a link is
/// read (and by the app when a scenario is saved or renamed).
pub const MAX_NAME_CHARS: usize = 200;

/// Whether `name` is short enough to be a scenario's name; if not, why.
///
/// # Errors
/// The name's length and the limit, for people.
pub fn check_name(name: &str) -> std::result::Result<(), String> {
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(format!(
            "the name is {n} characters long; at most {MAX_NAME_CHARS}"
        ));
    }
    Ok(())
}

/// Reads a scenario's name, refusing one longer than [`MAX_NAME_CHARS`].
fn bounded_name<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let name = String::deserialize(d)?;
    check_name(&name).map_err(serde::de::Error::custom)?;
    Ok(name)
}

/// A scenario made concrete for its bundle: every field valid for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The year (one with data: [`Bundle::years_with_data`]).
    pub year: i32,
    /// The weights, made for the bundle's framework.
    pub weights: Weights,
    /// The method: the bundle's default with `choice` applied.
    pub method: Method,
    /// The changes to the bundle's default method that were applied (what a link keeps).
    pub choice: MethodChoice,
    /// The groups compared: two to [`MAX_GROUPS`], each one of the dataset's.
    pub groups: Vec<String>,
    /// The unit followed, one of the dataset's.
    pub selection: Option<String>,
}

impl Resolved {
    /// The bundle's defaults: default year, published weights, default method, default groups,
    /// no selection.
    pub fn defaults(bundle: &Bundle) -> Resolved {
        Resolved {
            year: bundle.default_year(),
            weights: bundle.framework().weights(),
            method: bundle.method().clone(),
            choice: MethodChoice::default(),
            groups: bundle.default_groups().to_vec(),
            selection: None,
        }
    }

    /// The first two groups compared: the pair a two-group comparison (the gap table, a
    /// scenario comparison) shows. Resolving keeps two or more; "" stands for a missing one.
    pub fn pair(&self) -> (&str, &str) {
        pair_of(&self.groups)
    }

    /// The whole pipeline for the resolved year, method and weights on `bundle` (the bundle
    /// it was resolved against): [`crate::pipeline::run`].
    ///
    /// # Errors
    /// As [`crate::pipeline::run`].
    pub fn run(&self, bundle: &Bundle) -> Result<crate::pipeline::Results> {
        crate::pipeline::run(
            bundle.dataset(),
            bundle.framework(),
            &self.method,
            &self.weights,
            self.year,
        )
    }
}

/// `years` (ascending) in short, for a message: "data for 2000–2019", "data for 1990,
/// 2000–2019", at most three runs ("data for some years from 1990 to 2019" beyond).
pub(crate) fn years_in_short(years: &[i32]) -> String {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match runs.last_mut() {
            Some((_, last)) if y.checked_sub(1) == Some(*last) => *last = y,
            _ => runs.push((y, y)),
        }
    }
    let run = |(a, b): &(i32, i32)| {
        if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        }
    };
    match (runs.first(), runs.last()) {
        (None, _) | (_, None) => "no year has data".into(),
        (Some((first, _)), Some((_, last))) if runs.len() > 3 => {
            format!("data for some years from {first} to {last}")
        }
        _ => format!(
            "data for {}",
            runs.iter().map(run).collect::<Vec<_>>().join(", ")
        ),
    }
}

#[derive(Serialize)]
struct Tagged<'a, T> {
    format: u32,
    #[serde(flatten)]
    inner: &'a T,
}

#[derive(Serialize, Deserialize)]
struct Collection {
    scenarios: Vec<Scenario>,
}

fn json_err(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Parse {
        what: what.to_string(),
        problem: e.to_string(),
    }
}

/// Reads the `format` field of a serialised scenario and checks this build can read it.
fn check_format(value: &serde_json::Value, what: &str) -> Result<u32> {
    let format = value
        .get("format")
        .ok_or_else(|| json_err(what, "it has no `format` field (is it a scenario file?)"))?
        .as_u64()
        .and_then(|f| u32::try_from(f).ok())
        .ok_or_else(|| json_err(what, "`format` must be a whole number"))?;
    match format {
        0 => Err(json_err(
            what,
            "`format` 0 does not exist; the first version is 1",
        )),
        f if f > FORMAT => Err(Error::FutureVersion {
            what: what.to_string(),
            found: f,
            supported: FORMAT,
        }),
        f => Ok(f),
    }
}

impl Scenario {
    /// The scenario as JSON, with its format version.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&Tagged {
            format: FORMAT,
            inner: self,
        })
        .unwrap_or_default()
    }

    /// Reads one scenario from JSON of any format version up to [`FORMAT`].
    ///
    /// # Errors
    /// [`Error::Parse`] naming the problem and position, [`Error::FutureVersion`].
    pub fn from_json(text: &str) -> Result<Scenario> {
        const WHAT: &str = "scenario JSON";
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| json_err(WHAT, e))?;
        let format = check_format(&value, WHAT)?;
        if value.get("scenarios").is_some() {
            return Err(json_err(
                WHAT,
                "this file holds a list of scenarios, not one (read it as a scenario file)",
            ));
        }
        // Parse the text again (not the value) so that errors carry line and column. The
        // `format` field, checked above, is not one of the scenario's and is passed over.
        let mut s = serde_json::from_str::<Scenario>(text).map_err(|e| json_err(WHAT, e))?;
        s.upgrade(format);
        Ok(s)
    }

    /// Brings a scenario written in format `written_in` to today's meaning, one step per
    /// version (see [`FORMAT`]): from version 1, the bundle `ftri` becomes `ftri-2021` and the
    /// groups `developed` and `developing` become `developed-m49` and `developing-m49`, so that
    /// an old file or link opens what it opened. A current (or unknown, newer) version changes
    /// nothing.
    pub fn upgrade(&mut self, written_in: u32) {
        if written_in < 2 {
            let rename = |id: &mut String, table: &[Renamed]| {
                if let Some((_, new)) = table.iter().find(|(old, _)| *old == id.as_str()) {
                    *id = (*new).to_string();
                }
            };
            rename(&mut self.bundle, BUNDLES_RENAMED_IN_2);
            for g in self.groups.iter_mut().flatten() {
                rename(g, GROUPS_RENAMED_IN_2);
            }
        }
    }

    /// Several scenarios as one JSON file (`{"format": 1, "scenarios": [...]}`).
    pub fn many_to_json(scenarios: &[Scenario]) -> String {
        serde_json::to_string_pretty(&Tagged {
            format: FORMAT,
            inner: &Collection {
                scenarios: scenarios.to_vec(),
            },
        })
        .unwrap_or_default()
    }

    /// Reads a file of one scenario or a collection of them.
    ///
    /// # Errors
    /// As [`Scenario::from_json`], with the line and column of the problem.
    pub fn many_from_json(text: &str) -> Result<Vec<Scenario>> {
        const WHAT: &str = "scenario file";
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| json_err(WHAT, e))?;
        check_format(&value, WHAT)?;
        let format = check_format(&value, WHAT)?;
        match value.get("scenarios") {
            None => Ok(vec![Scenario::from_json(text)?]),
            // From the text again, so that an error carries its line and column (and the wasm
            // has one reader per type: the text's).
            Some(serde_json::Value::Array(_)) => {
                let mut all = serde_json::from_str::<Collection>(text)
                    .map(|c| c.scenarios)
                    .map_err(|e| json_err(WHAT, e))?;
                all.iter_mut().for_each(|s| s.upgrade(format));
                Ok(all)
            }
            Some(_) => Err(json_err(WHAT, "`scenarios` must be a list")),
        }
    }

    /// Makes the scenario concrete for `bundle`, part by part: what is valid applies, each part
    /// that is not keeps the bundle's default and gives one error, worded to read inside a
    /// sentence ("The link: <error>; showing the default."). The parts:
    ///
    /// - bundle: a scenario for another bundle applies nothing ([`Error::OtherBundle`]);
    /// - year: one of [`Bundle::years_with_data`] ([`Error::NoDataForYear`]);
    /// - weights: each must name a framework node and be in [0,
    ///   [`crate::framework::MAX_WEIGHT`]] ([`Error::BadWeight`]); the unknown ones give one
    ///   [`Error::UnknownWeights`] with their count and the first few, however many there
    ///   are; if what is left leaves a parent without weight, the published weights stay;
    /// - method: each change on its own ([`MethodChoice::apply_lenient`]);
    /// - groups: two to [`MAX_GROUPS`] ([`Error::GroupCount`]), each must exist
    ///   ([`Error::Unknown`]);
    /// - selection: a unit of the dataset ([`Error::Unknown`]).
    pub fn resolve_lenient(&self, bundle: &Bundle) -> (Resolved, Vec<Error>) {
        let mut r = Resolved::defaults(bundle);
        let mut errors = Vec::new();
        if !self.bundle.is_empty() && self.bundle != bundle.id() {
            errors.push(Error::OtherBundle {
                scenario: excerpt(&self.bundle).into_owned(),
                bundle: bundle.id().to_string(),
            });
            return (r, errors);
        }
        if let Some(year) = self.year {
            let years = bundle.years_with_data();
            if years.contains(&year) {
                r.year = year;
            } else {
                errors.push(Error::NoDataForYear {
                    year,
                    with_data: years_in_short(&years),
                });
            }
        }
        if !self.weights.is_empty() {
            r.weights = lenient_weights(bundle.framework(), &self.weights, &mut errors);
        }
        let (method, choice, method_errors) =
            self.method
                .apply_lenient(bundle.method(), bundle.framework(), bundle.dataset());
        r.method = method;
        r.choice = choice;
        errors.extend(method_errors);
        if let Some(groups) = &self.groups {
            let mut known = (2..=MAX_GROUPS).contains(&groups.len());
            if !known {
                errors.push(Error::GroupCount {
                    count: groups.len(),
                    max: MAX_GROUPS,
                });
            }
            for g in groups.iter().take(MAX_GROUPS) {
                if bundle.dataset().group(g).is_none() {
                    known = false;
                    errors.push(Error::Unknown {
                        what: "group",
                        id: excerpt(g).into_owned(),
                        by: "the groups compared".into(),
                    });
                }
            }
            if known {
                r.groups = groups.clone();
            }
        }
        if let Some(code) = &self.selection {
            if bundle.dataset().unit_position(code).is_some() {
                r.selection = Some(code.clone());
            } else {
                errors.push(Error::Unknown {
                    what: "unit",
                    id: excerpt(code).into_owned(),
                    by: "the selection".into(),
                });
            }
        }
        (r, errors)
    }

    /// Makes the scenario concrete for `bundle`, every part valid: [`Scenario::resolve_lenient`]
    /// failing on its first error.
    ///
    /// # Errors
    /// The first error [`Scenario::resolve_lenient`] reports.
    pub fn resolve(&self, bundle: &Bundle) -> Result<Resolved> {
        let (r, errors) = self.resolve_lenient(bundle);
        match errors.into_iter().next() {
            None => Ok(r),
            Some(e) => Err(e),
        }
    }

    /// The scenario as a URL query string (without `?`), short enough to paste: only what is
    /// set is written, weights as `id:weight` pairs.
    ///
    /// ```
    /// use index_core::scenario::Scenario;
    /// let mut s = Scenario { bundle: "ftri".into(), year: Some(2019), ..Scenario::default() };
    /// s.weights.insert("rd".into(), 2.0);
    /// assert_eq!(s.to_query(), "v=2&b=ftri&y=2019&w=rd:2");
    /// assert_eq!(Scenario::from_query(&s.to_query()).0, s);
    /// ```
    pub fn to_query(&self) -> String {
        let mut q = format!("{}={FORMAT}", Param::Version.key());
        let mut put = |key: &str, value: &str| {
            let _ = write!(q, "&{key}={}", utf8_percent_encode(value, VALUE));
        };
        if !self.bundle.is_empty() {
            put(Param::Bundle.key(), &self.bundle);
        }
        if let Some(y) = self.year {
            put(Param::Year.key(), &y.to_string());
        }
        if !self.weights.is_empty() {
            let w: Vec<String> = self
                .weights
                .iter()
                .map(|(id, w)| format!("{id}:{}", short_number(*w)))
                .collect();
            put(Param::Weights.key(), &w.join(","));
        }
        let m = &self.method;
        if let Some(n) = &m.normalisation {
            put(Param::Normalisation.key(), &n.to_string());
        }
        if let Some(o) = &m.normalise_over {
            put(Param::NormaliseOver.key(), &o.to_string());
        }
        if let Some(a) = &m.aggregation {
            put(Param::Aggregation.key(), &a.to_string());
        }
        if let Some(t) = &m.treatment {
            put(Param::Outliers.key(), &t.to_string());
        }
        if let Some(i) = &m.imputation {
            put(Param::Imputation.key(), &i.to_string());
        }
        if let Some(s) = m.screen {
            put(Param::Screen.key(), &short_number(s));
        }
        if let Some(c) = m.carry_forward {
            put(Param::Carry.key(), &c.to_string());
        }
        if let Some(d) = m.denominate {
            put(Param::Denominate.key(), if d { "1" } else { "0" });
        }
        if let Some(groups) = &self.groups {
            put(Param::Groups.key(), &groups.join(","));
        }
        if let Some(sel) = &self.selection {
            put(Param::Unit.key(), sel);
        }
        if !self.name.is_empty() {
            put(Param::Name.key(), &self.name);
        }
        q
    }

    /// Reads a URL query string (with or without `?`). Each parameter is read on its own: a
    /// malformed one (a number that is not a number, an unknown method name) is reported,
    /// naming the parameter and its text, and left at its default, and the rest still apply.
    /// Values are checked when the scenario is resolved, as for JSON (`s=-1` reads, and
    /// resolving refuses it). Unknown parameters are ignored (other tools add their own).
    pub fn from_query(query: &str) -> (Scenario, Vec<Error>) {
        let mut s = Scenario::default();
        let mut errors = Vec::new();
        let mut format = FORMAT;
        for (key, value) in query_pairs(query) {
            if let Some(param) = Param::from_key(key) {
                match s.set_param(param, &value) {
                    Err(e) => errors.push(e),
                    Ok(()) => format = param.format(&value).unwrap_or(format),
                }
            }
        }
        s.upgrade(format);
        (s, errors)
    }

    /// Sets what URL parameter `param` says, from its (decoded) text. Only the syntax is
    /// checked here; whether the values suit a bundle is [`Scenario::resolve_lenient`]'s to say.
    ///
    /// # Errors
    /// [`Error::Parse`] naming the parameter and (shortened) its text.
    pub fn set_param(&mut self, param: Param, value: &str) -> Result<()> {
        apply_param(self, param, value).map_err(|problem| Error::Parse {
            what: format!("URL parameter `{}`", param.key()),
            problem: excerpt_quoted(&problem).into_owned(),
        })
    }
}

/// The parameters of a scenario's URL query form: the one place their names are spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Param {
    /// `v`: the format version.
    Version,
    /// `b`: the bundle id.
    Bundle,
    /// `y`: the year.
    Year,
    /// `w`: weights as `node:weight` pairs, comma-separated.
    Weights,
    /// `n`: normalisation (its text form, e.g. `zscore:100:10`).
    Normalisation,
    /// `ny`: normalisation over each `year` or over `all` years pooled.
    NormaliseOver,
    /// `a`: aggregation.
    Aggregation,
    /// `o`: outlier treatment.
    Outliers,
    /// `i`: imputation.
    Imputation,
    /// `s`: screening threshold.
    Screen,
    /// `c`: years to carry values forward.
    Carry,
    /// `dn`: denominate (`1`/`0`).
    Denominate,
    /// `g`: the groups compared, `a,b[,c…]`.
    Groups,
    /// `u`: the unit followed.
    Unit,
    /// `name`: the scenario's name (at most [`MAX_NAME_CHARS`] characters, as in a file).
    Name,
}

impl Param {
    /// The format version `value` names when this is [`Param::Version`] (and `value` reads),
    /// for [`Scenario::upgrade`] once the whole link is read.
    pub fn format(self, value: &str) -> Option<u32> {
        (self == Param::Version)
            .then(|| value.parse().ok())
            .flatten()
    }

    /// Every parameter, in the order links write them.
    pub const ALL: [Param; 15] = [
        Param::Version,
        Param::Bundle,
        Param::Year,
        Param::Weights,
        Param::Normalisation,
        Param::NormaliseOver,
        Param::Aggregation,
        Param::Outliers,
        Param::Imputation,
        Param::Screen,
        Param::Carry,
        Param::Denominate,
        Param::Groups,
        Param::Unit,
        Param::Name,
    ];

    /// The parameter's name in a query string.
    pub const fn key(self) -> &'static str {
        match self {
            Param::Version => "v",
            Param::Bundle => "b",
            Param::Year => "y",
            Param::Weights => "w",
            Param::Normalisation => "n",
            Param::NormaliseOver => "ny",
            Param::Aggregation => "a",
            Param::Outliers => "o",
            Param::Imputation => "i",
            Param::Screen => "s",
            Param::Carry => "c",
            Param::Denominate => "dn",
            Param::Groups => "g",
            Param::Unit => "u",
            Param::Name => "name",
        }
    }

    /// The parameter named `key`, if it is one of a scenario's.
    pub fn from_key(key: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The `key=value` pairs of a query string (with or without `?`), values percent-decoded (`+`
/// as a space); empty pairs skipped. Every reader of a link goes through this.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (&str, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode_str(&raw.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned();
            (key, value)
        })
}

/// Characters percent-encoded in query values: all but letters, digits and `-._~:,`.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b':')
    .remove(b',');

/// The framework's weights with each valid override of `overrides` applied; an error in
/// `errors` for each invalid one, one for all unknown ids, and one (with the published weights
/// kept) if what is left leaves a parent without weight.
fn lenient_weights(
    framework: &Framework,
    overrides: &BTreeMap<String, f64>,
    errors: &mut Vec<Error>,
) -> Weights {
    let published = framework.weights();
    let mut values = published.as_slice().to_vec();
    let mut unknown = 0;
    let mut examples = Vec::new();
    for (id, &w) in overrides {
        match framework.position(id).and_then(|p| values.get_mut(p)) {
            None => {
                unknown += 1;
                if examples.len() < UNKNOWN_EXAMPLES {
                    examples.push(excerpt(id).into_owned());
                }
            }
            Some(slot) if crate::framework::weight_ok(w) => *slot = w,
            Some(_) => errors.push(Error::BadWeight {
                node: id.clone(),
                weight: w,
            }),
        }
    }
    if unknown > 0 {
        errors.push(Error::UnknownWeights {
            count: unknown,
            examples,
        });
    }
    match Weights::new(framework, values) {
        Ok(w) => w,
        Err(e) => {
            errors.push(e);
            published
        }
    }
}

/// `text` as a finite number (JSON holds no other; links read the same).
fn number(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Reads one link parameter into `s`: only that it is well formed (numbers are numbers, names
/// are known); what the values mean is checked when the scenario is resolved, as for JSON.
fn apply_param(s: &mut Scenario, param: Param, value: &str) -> std::result::Result<(), String> {
    let text_err = |e: Error| match e {
        Error::Parse { problem, .. } => problem,
        other => other.to_string(),
    };
    match param {
        Param::Version => match value.parse::<u32>() {
            Ok(v) if (1..=FORMAT).contains(&v) => {}
            Ok(v) if v > FORMAT => {
                return Err(format!(
                    "link made by a newer version (format {v}); this version reads up to {FORMAT}"
                ))
            }
            _ => return Err(format!("`{value}` is not a format version")),
        },
        Param::Bundle if !value.is_empty() => s.bundle = value.to_string(),
        Param::Year => {
            s.year = Some(
                value
                    .parse()
                    .map_err(|_| format!("`{value}` is not a year"))?,
            )
        }
        Param::Weights => {
            let mut weights = BTreeMap::new();
            for part in value.split(',').filter(|p| !p.is_empty()) {
                let (id, w) = part
                    .split_once(':')
                    .ok_or_else(|| format!("`{part}` should be node:weight"))?;
                let w: f64 =
                    number(w).ok_or_else(|| format!("weight `{w}` of `{id}` is not a number"))?;
                weights.insert(id.to_string(), w);
            }
            s.weights = weights;
        }
        Param::Normalisation => s.method.normalisation = Some(value.parse().map_err(text_err)?),
        Param::NormaliseOver => s.method.normalise_over = Some(value.parse().map_err(text_err)?),
        Param::Aggregation => s.method.aggregation = Some(value.parse().map_err(text_err)?),
        Param::Outliers => s.method.treatment = Some(value.parse().map_err(text_err)?),
        Param::Imputation => s.method.imputation = Some(value.parse().map_err(text_err)?),
        Param::Screen => {
            s.method.screen =
                Some(number(value).ok_or_else(|| format!("`{value}` is not a number"))?)
        }
        Param::Carry => {
            s.method.carry_forward = Some(
                value
                    .parse()
                    .map_err(|_| format!("`{value}` is not a whole number of years"))?,
            )
        }
        Param::Denominate => {
            s.method.denominate = Some(match value {
                "1" => true,
                "0" => false,
                _ => return Err(format!("`{value}` should be 0 or 1")),
            })
        }
        Param::Groups => {
            let groups: Vec<String> = value.split(',').map(String::from).collect();
            if groups.len() < 2 || groups.iter().any(String::is_empty) {
                return Err(format!(
                    "`{value}` should be two or more group ids, e.g. LDC,developing,developed"
                ));
            }
            // How many is checked when the scenario is resolved; a link with thousands is not
            // kept whole.
            s.groups = Some(groups.into_iter().take(MAX_GROUPS + 1).collect());
        }
        Param::Unit if !value.is_empty() => s.selection = Some(value.to_string()),
        // As a file's name is read (`bounded_name`): a link must not carry a scenario that
        // cannot be saved and read back.
        Param::Name => {
            check_name(value)?;
            s.name = value.to_string();
        }
        Param::Bundle | Param::Unit => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;

    fn sample() -> Scenario {
        let mut s = Scenario {
            name: "R&D ×2 — test".into(),
            bundle: "ftri".into(),
            year: Some(2019),
            groups: Some(vec!["LDC".into(), "developed".into()]),
            selection: Some("KEN".into()),
            ..Scenario::default()
        };
        s.weights.insert("rd".into(), 2.0);
        s.weights.insert("ict".into(), 1.0 / 3.0);
        s.method.normalisation = Some(Normalisation::ZScore {
            mean: 100.0,
            sd: 10.0,
        });
        s.method.aggregation = Some(Aggregation::Geometric);
        s.method.treatment = Some(Treatment::DEFAULT_WINSORISE);
        s.method.screen = Some(0.9);
        s
    }

    /// Found by the `url_state` fuzz target: a value holding backticks threw the quoting of
    /// `excerpt_quoted` out of step, and the message ("cannot read URL parameter `n`: …") came
    /// to 431 characters; every error stays within `MESSAGE_CHARS`.
    #[test]
    fn a_long_value_with_backticks_gives_a_short_error() {
        let junk = "\u{fffd}".repeat(70);
        let query = format!(
            "b=ftri&n=l`ggoalptri&n=l`ggoalpostkalopsts00ri&n=l`ggoalpostkalopsts000ostkalopsts000:0:1{junk}tri:0,0ostkalopsts000:0:1{junk}tri:0,finance:0&y=2019"
        );
        let (_, errors) = Scenario::from_query(&query);
        assert!(!errors.is_empty());
        for e in errors {
            let text = e.to_string();
            assert!(
                text.chars().count() <= crate::error::MESSAGE_CHARS,
                "{} characters: {text}",
                text.chars().count()
            );
        }
        let long = format!("unknown `{}` and `{}`", "x".repeat(1000), "`y".repeat(500));
        let e = Error::Parse {
            what: "URL parameter `n`".into(),
            problem: long,
        };
        assert_eq!(e.to_string().chars().count(), crate::error::MESSAGE_CHARS);
    }

    #[test]
    fn json_round_trip_with_version() {
        let s = sample();
        let json = s.to_json();
        assert!(json.contains("\"format\": 2"), "{json}");
        assert_eq!(Scenario::from_json(&json).unwrap(), s);
        let many = Scenario::many_to_json(&[s.clone(), Scenario::default()]);
        assert_eq!(
            Scenario::many_from_json(&many).unwrap(),
            vec![s.clone(), Scenario::default()]
        );
        assert_eq!(Scenario::many_from_json(&json).unwrap(), vec![s]);
    }

    #[test]
    fn json_keeps_every_weight_bit_for_bit() {
        // serde_json's default float parser can be one ulp off (this weight read back as
        // …408); the `float_roundtrip` feature makes it exact.
        let mut s = Scenario::default();
        s.weights.insert("w".into(), 0.000_117_395_044_488_184_09);
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }

    #[test]
    fn a_name_longer_than_the_limit_is_refused_where_it_is() {
        let named = |n: usize| {
            format!(
                "{{\"format\": 1,\n\"name\": \"{}\", \"bundle\": \"ftri\"}}",
                "é".repeat(n)
            )
        };
        let ok = Scenario::from_json(&named(MAX_NAME_CHARS)).unwrap();
        assert_eq!(
            ok.name.chars().count(),
            MAX_NAME_CHARS,
            "characters, not bytes"
        );
        let e = Scenario::from_json(&named(MAX_NAME_CHARS + 1))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("the name is 201 characters long; at most 200") && e.contains("line 2"),
            "{e}"
        );
        let many = format!(r#"{{"format": 1, "scenarios": [{}]}}"#, named(100_000));
        let e = Scenario::many_from_json(&many).unwrap_err().to_string();
        assert!(e.contains("100000 characters long"), "{e}");
        assert!(e.len() < 300, "the message does not echo the name: {e}");
        assert_eq!(check_name(&"x".repeat(MAX_NAME_CHARS)), Ok(()));
        assert!(check_name(&"x".repeat(MAX_NAME_CHARS + 1)).is_err());
    }

    #[test]
    fn a_link_refuses_a_name_a_file_would_refuse() {
        // Found by the `url_state` fuzz target: a link's 201-character name was read, and the
        // scenario's JSON then did not read back ("the name is 201 characters long").
        let query = format!("b=ftri&name={}", "x".repeat(MAX_NAME_CHARS + 1));
        let (s, errors) = Scenario::from_query(&query);
        assert_eq!(
            (s.bundle.as_str(), s.name.as_str()),
            ("ftri", ""),
            "the rest applies"
        );
        assert_eq!(errors.len(), 1);
        let e = errors[0].to_string();
        assert!(
            e.contains("`name`") && e.contains("the name is 201 characters long; at most 200"),
            "{e}"
        );
        let longest = format!("b=ftri&name={}", "%C3%A9".repeat(MAX_NAME_CHARS));
        let (s, errors) = Scenario::from_query(&longest);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            s.name.chars().count(),
            MAX_NAME_CHARS,
            "characters, not bytes"
        );
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
        assert_eq!(Scenario::from_query(&s.to_query()).0, s);
    }

    #[test]
    fn a_collection_is_not_read_as_one_scenario() {
        let many = Scenario::many_to_json(&[Scenario::default(), Scenario::default()]);
        let e = Scenario::from_json(&many).unwrap_err().to_string();
        assert!(e.contains("list of scenarios"), "{e}");
    }

    #[test]
    fn json_errors_are_clear() {
        let e = Scenario::from_json(r#"{"format": 7, "bundle": "ftri"}"#).unwrap_err();
        assert_eq!(
            e,
            Error::FutureVersion {
                what: "scenario JSON".into(),
                found: 7,
                supported: 2
            }
        );
        let e = Scenario::from_json(r#"{"bundle": "ftri"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("no `format` field"), "{e}");
        let e = Scenario::from_json("{\"format\": 1,\n \"year\": \"soon\"}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line"), "{e}");
        let e = Scenario::many_from_json("{\"format\":1,\"scenarios\":[{},\n {\"year\": \"x\"}]}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("scenario file") && e.contains("line 2"), "{e}");
    }

    #[test]
    fn query_round_trip_is_short_and_exact() {
        let s = sample();
        let q = s.to_query();
        assert_eq!(
            q,
            "v=2&b=ftri&y=2019&w=ict:0.3333333333333333,rd:2&n=zscore:100:10&a=geometric&o=winsorise:5&s=0.9&g=LDC,developed&u=KEN&name=R%26D%20%C3%972%20%E2%80%94%20test"
        );
        let (back, errors) = Scenario::from_query(&format!("?{q}"));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back, s);
    }

    #[test]
    fn small_and_huge_weights_round_trip_through_links() {
        let mut s = Scenario::default();
        s.weights.insert("rd".into(), 0.00001);
        s.weights.insert("ict".into(), 1e-300);
        s.weights.insert("big".into(), 1e308);
        let q = s.to_query();
        assert_eq!(q, "v=2&w=big:1e308,ict:1e-300,rd:0.00001");
        let (back, errors) = Scenario::from_query(&q);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back, s);
    }

    #[test]
    fn malformed_parameters_are_reported_one_by_one() {
        let (s, errors) =
            Scenario::from_query("b=hdi&y=20x9&w=rd:x&n=bogus&g=LDC&a=harmonic&v=9&zz=1&c=-1");
        assert_eq!(s.bundle, "hdi");
        assert_eq!(s.year, None);
        assert!(s.weights.is_empty());
        assert_eq!(
            s.method.aggregation,
            Some(Aggregation::Harmonic),
            "good parameters still apply"
        );
        let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(texts.len(), 6, "{texts:#?}");
        assert!(texts[0].contains("`y`") && texts[0].contains("20x9"));
        assert!(texts[1].contains("`w`") && texts[1].contains("`x`"));
        assert!(texts[2].contains("`n`") && texts[2].contains("bogus"));
        assert!(texts[3].contains("`g`"));
        assert!(texts[4].contains("newer version"));
        assert!(texts[5].contains("`c`") && texts[5].contains("whole number"));
    }

    #[test]
    fn a_huge_parameter_is_echoed_short() {
        let huge = "x".repeat(100_000);
        for q in [
            format!("y={huge}"),
            format!("n={huge}"),
            format!("w={huge}"),
            format!("w=rd:{huge}"),
            format!("{huge}=1&v={huge}"),
            format!("n=minmax:0:{huge}"),
        ] {
            let (_, errors) = Scenario::from_query(&q);
            assert!(!errors.is_empty(), "{q:.20}");
            for e in errors {
                // The echoed text is 41 characters; the rest (the forms expected) is ours.
                let text = e.to_string();
                assert!(text.chars().count() < 300, "{text}");
            }
        }
        let mut s = Scenario {
            bundle: "ftri".into(),
            selection: Some(huge.clone()),
            groups: Some(vec![huge.clone(), "LDC".into()]),
            ..Scenario::default()
        };
        s.weights.insert(huge.clone(), 1.0);
        s.method.imputation = Some(Imputation::GroupMean {
            family: huge.clone(),
        });
        let (_, errors) = s.resolve_lenient(&bundle());
        assert_eq!(errors.len(), 4, "{errors:?}");
        for e in errors {
            let text = e.to_string();
            assert!(text.chars().count() < 200, "{text}");
        }
        let (_, errors) = Scenario {
            bundle: huge,
            ..Scenario::default()
        }
        .resolve_lenient(&bundle());
        assert!(errors[0].to_string().chars().count() < 200);
    }

    #[test]
    fn method_choice_replaces_per_indicator_and_per_level_choices() {
        let base = crate::builtin::hdi().unwrap().method;
        let choice = MethodChoice {
            normalisation: Some(Normalisation::MinMax {
                low: 0.0,
                high: 100.0,
            }),
            aggregation: Some(Aggregation::Arithmetic),
            screen: Some(0.0),
            ..MethodChoice::default()
        };
        let m = choice.apply(&base).unwrap();
        assert_eq!(
            m.normalisation_for("gnipc"),
            Normalisation::MinMax {
                low: 0.0,
                high: 100.0
            }
        );
        assert_eq!(m.aggregation_at(3), Aggregation::Arithmetic);
        assert_eq!(m.screen(), None);
        assert_eq!(m.floor(), 1.0);
        assert_eq!(MethodChoice::default().apply(&base).unwrap(), base);
    }

    /// A bundle shaped like FTRI's, one year (2020), three units.
    fn bundle() -> Bundle {
        Bundle::new(parts()).unwrap()
    }

    #[test]
    fn a_bundle_opens_on_a_year_with_data() {
        let mut p = parts();
        p.default_year = 2019;
        let e = Bundle::new(p).unwrap_err();
        assert_eq!(e.to_string(), "there is no data for 2019 (data for 2020)");
    }

    /// The parts of [`bundle`].
    fn parts() -> crate::bundle::BundleParts {
        use crate::bundle::BundleParts;
        use crate::dataset::fixture::dataset;
        use crate::dataset::Direction::Higher;
        let ftri = crate::builtin::ftri().unwrap();
        let v = |a: f64, b: f64, c: f64| [Some(a), Some(b), Some(c)];
        let cols = [
            ("ict", v(0.2, 0.9, 0.3)),
            ("skills", v(0.1, 0.8, 0.2)),
            ("rd", v(0.3, 0.95, 0.1)),
            ("industry", v(0.4, 0.7, 0.5)),
            ("finance", v(0.2, 0.6, 0.1)),
        ];
        let columns: Vec<(&str, _, &[Option<f64>])> =
            cols.iter().map(|(id, c)| (*id, Higher, &c[..])).collect();
        let d = dataset(
            &[
                ("KEN", &["LDC", "m49-region:Africa"]),
                ("CHE", &["developed", "m49-region:Europe"]),
                ("BGD", &["LDC", "m49-region:Asia"]),
            ],
            &columns,
        );
        BundleParts {
            id: "ftri".into(),
            title: "FTRI".into(),
            description: String::new(),
            notes: vec![],
            dataset: d,
            framework: ftri.framework,
            method: ftri.method,
            default_year: 2020,
            default_groups: ["LDC".into(), "developed".into()],
            reference: None,
            gdp_per_capita: None,
        }
    }

    #[test]
    fn any_number_of_groups_from_two_to_the_limit() {
        let b = bundle();
        // Three groups read from a link, resolve, and are written back as they were.
        let (s, read) = Scenario::from_query("g=LDC,developed,LDC");
        assert!(read.is_empty(), "{read:?}");
        let (r, errors) = s.resolve_lenient(&b);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(r.groups, ["LDC", "developed", "LDC"]);
        assert_eq!(s.to_query(), "v=2&g=LDC,developed,LDC");
        // One group is not a comparison: a reading error naming the parameter.
        let (_, read) = Scenario::from_query("g=LDC");
        assert!(
            read[0].to_string().contains("two or more group ids"),
            "{}",
            read[0]
        );
        // Thousands (a hostile link) are cut on reading and refused on resolving, at once.
        let many = vec!["LDC"; 10_000].join(",");
        let (s, _) = Scenario::from_query(&format!("g={many}"));
        assert_eq!(s.groups.as_ref().map(Vec::len), Some(MAX_GROUPS + 1));
        let (r, errors) = s.resolve_lenient(&b);
        assert_eq!(
            errors,
            [Error::GroupCount {
                count: MAX_GROUPS + 1,
                max: MAX_GROUPS
            }]
        );
        assert_eq!(r.groups, ["LDC", "developed"], "the default stays");
        // A file is read whole (it is at most 1 MiB) and refused the same way.
        let s = Scenario {
            groups: Some(vec!["LDC".into()]),
            ..Scenario::default()
        };
        assert_eq!(
            s.resolve_lenient(&b).1[0].to_string(),
            "groups to compare: 1; from 2 to 6 can be compared"
        );
    }

    #[test]
    fn lenient_resolution_applies_what_it_can_and_names_the_rest() {
        let b = bundle();
        let (s, read) = Scenario::from_query(
            "b=ftri&y=2031&w=rd:3,ict:1e308,zz:1&n=zscore:0:1e308&a=geometric&o=winsorise:7\
             &i=groupmean:nope&s=-1&c=4000000000&dn=1&g=LDC,martians&u=CHE",
        );
        assert!(read.is_empty(), "{read:?}");
        let (r, errors) = s.resolve_lenient(&b);
        let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            [
                "there is no data for 2031 (data for 2020)",
                "weight of `ict` must be a number from 0 to 1000000, got 1e308",
                "weight for unknown node `zz`",
                "normalisation: sd 1e308 is over the limit of ±1e9",
                "group family `nope` is unknown (referred to by imputation)",
                "screen: -1 is not a share in (0, 1]",
                "carry_forward: 4000000000 is over the limit of 50 years",
                "group `martians` is unknown (referred to by the groups compared)",
            ]
        );
        assert_eq!(r.year, 2020);
        let rd = b.framework().position("rd").unwrap();
        let ict = b.framework().position("ict").unwrap();
        assert_eq!((r.weights.get(rd), r.weights.get(ict)), (3.0, 1.0));
        assert_eq!(
            r.choice,
            MethodChoice {
                aggregation: Some(Aggregation::Geometric),
                treatment: Some(Treatment::Winsorise {
                    max_winsorised: 7,
                    skew: 2.0,
                    kurtosis: 3.5,
                    mirror_negative: false
                }),
                denominate: Some(true),
                ..MethodChoice::default()
            }
        );
        assert_eq!(r.choice.apply(b.method()).unwrap(), r.method);
        assert_eq!(r.groups, ["LDC".to_string(), "developed".to_string()]);
        assert_eq!(r.selection.as_deref(), Some("CHE"));
        // The strict resolution stops at the first.
        assert_eq!(s.resolve(&b).unwrap_err(), errors[0]);
        // Another bundle's scenario applies nothing.
        let (r, errors) = Scenario {
            bundle: "hdi".into(),
            year: Some(2020),
            ..Scenario::default()
        }
        .resolve_lenient(&b);
        assert_eq!(r, Resolved::defaults(&b));
        assert_eq!(errors[0].to_string(), "it is for bundle `hdi`, not `ftri`");
    }

    #[test]
    fn carry_forward_over_the_limit_is_refused_from_json_and_from_links() {
        let b = bundle();
        let json = Scenario::from_json(r#"{"format": 1, "method": {"carry_forward": 4000000000}}"#)
            .unwrap();
        let (link, read) = Scenario::from_query("c=4000000000");
        assert!(read.is_empty());
        assert_eq!(json, link);
        let e = json.resolve(&b).unwrap_err();
        assert!(matches!(&e, Error::BadMethod { setting, .. } if setting == "carry_forward"));
        assert_eq!(
            e.to_string(),
            "carry_forward: 4000000000 is over the limit of 50 years"
        );
    }

    #[test]
    fn normalising_over_all_years_reads_the_same_from_json_and_from_links() {
        let b = bundle();
        let json =
            Scenario::from_json(r#"{"format": 2, "method": {"normalise_over": "all_years"}}"#)
                .unwrap();
        let (link, read) = Scenario::from_query("v=2&ny=all");
        assert!(read.is_empty(), "{read:?}");
        assert_eq!(json, link);
        assert_eq!(link.method.normalise_over, Some(NormaliseOver::AllYears));
        assert!(link.to_query().contains("&ny=all"), "{}", link.to_query());
        assert!(link.to_json().contains("\"normalise_over\": \"all_years\""));
        let r = link.resolve(&b).unwrap();
        assert_eq!(r.method.normalise_over(), NormaliseOver::AllYears);
        assert_eq!(r.choice.normalise_over, Some(NormaliseOver::AllYears));
        // Without it, as before: each year, and nothing written.
        let (old, _) = Scenario::from_query("v=2&n=minmax");
        let r = old.resolve(&b).unwrap();
        assert_eq!(r.method.normalise_over(), NormaliseOver::EachYear);
        assert!(!old.to_query().contains("ny="), "{}", old.to_query());
        assert!(
            !old.to_json().contains("normalise_over"),
            "{}",
            old.to_json()
        );
        // A value that is neither is named, and the rest of the link still applies.
        let (s, read) = Scenario::from_query("ny=sometimes&y=2019");
        assert_eq!(s.year, Some(2019));
        assert_eq!(s.method.normalise_over, None);
        let e = read[0].to_string();
        assert!(e.contains("`ny`") && e.contains("`sometimes`"), "{e}");
    }

    #[test]
    fn screen_minus_one_is_the_same_from_json_and_from_links() {
        let b = bundle();
        let json = Scenario::from_json(r#"{"format": 1, "method": {"screen": -1}}"#).unwrap();
        let (link, read) = Scenario::from_query("s=-1");
        assert!(read.is_empty());
        assert_eq!(json, link);
        let (_, from_json) = json.resolve_lenient(&b);
        let (_, from_link) = link.resolve_lenient(&b);
        assert_eq!(from_json, from_link);
        assert_eq!(
            from_json[0].to_string(),
            "screen: -1 is not a share in (0, 1]"
        );
        // 0 turns screening off, from both.
        let (off, _) = Scenario::from_query("s=0");
        assert_eq!(off.resolve(&b).unwrap().method.screen(), None);
    }

    #[test]
    fn a_z_score_with_an_infinite_axis_is_refused() {
        let (s, read) = Scenario::from_query("n=zscore:0:1e308");
        assert!(read.is_empty());
        let e = s.resolve(&bundle()).unwrap_err();
        assert!(matches!(&e, Error::BadMethod { setting, .. } if setting == "normalisation"));
        assert_eq!(
            e.to_string(),
            "normalisation: sd 1e308 is over the limit of ±1e9"
        );
    }

    #[test]
    fn five_huge_weights_are_refused_not_ranked_at_zero() {
        let b = bundle();
        let mut s = Scenario::default();
        for id in ["ict", "skills", "rd", "industry", "finance"] {
            s.weights.insert(id.into(), 1e308);
        }
        let e = s.resolve(&b).unwrap_err();
        assert!(matches!(&e, Error::BadWeight { weight, .. } if *weight == 1e308));
        assert!(Weights::with_overrides(b.framework(), &s.weights).is_err());
        let (r, errors) = s.resolve_lenient(&b);
        assert_eq!(errors.len(), 5);
        assert_eq!(r.weights, b.framework().weights());
    }

    #[test]
    fn many_unknown_weights_give_one_short_error() {
        let b = bundle();
        let mut q = String::from("w=rd:2");
        for i in 0..400_000 {
            let _ = write!(q, ",n{i}:1");
        }
        let (s, read) = Scenario::from_query(&q);
        assert!(read.is_empty());
        let (r, errors) = s.resolve_lenient(&b);
        assert_eq!(errors.len(), 1);
        assert!(matches!(
            &errors[0],
            Error::UnknownWeights { count: 400_000, examples } if examples.len() == 3
        ));
        let text = errors[0].to_string();
        assert!(
            text.starts_with("weights for 400000 unknown nodes: `n0`, `n1`, `n10`")
                && text.ends_with("and 399997 more"),
            "{text}"
        );
        let rd = b.framework().position("rd").unwrap();
        assert_eq!(r.weights.get(rd), 2.0, "the known weight still applies");
        let e = Weights::with_overrides(b.framework(), &s.weights).unwrap_err();
        assert_eq!(e, errors[0]);
    }

    #[test]
    fn years_are_those_with_data() {
        assert_eq!(years_in_short(&[]), "no year has data");
        assert_eq!(years_in_short(&[2020]), "data for 2020");
        assert_eq!(
            years_in_short(&[1990, 2000, 2001, 2002]),
            "data for 1990, 2000–2002"
        );
        assert_eq!(
            years_in_short(&[1, 3, 5, 7]),
            "data for some years from 1 to 7"
        );
    }
}
