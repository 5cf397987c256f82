//! Scenarios: a bundle, a year, weights, method choices, the groups compared and a selected unit
//! — one value that serialises to JSON (files, local storage) and to a short URL query string.
//!
//! Every serialised form carries a format version. Readers accept every version ever written
//! (there is one so far, version 1; `tests/fixtures/scenario_v1.json` pins it) and refuse newer
//! ones with a clear message.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};

use crate::bundle::Bundle;
use crate::error::{Error, Result};
use crate::framework::Weights;
use crate::method::{Aggregation, Imputation, Method, Normalisation, Treatment};

/// The newest scenario format this build writes and reads.
pub const FORMAT: u32 = 1;

/// Changes to a bundle's default method; unset fields keep the default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct MethodChoice {
    /// Normalisation for every indicator (replaces per-indicator choices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalisation: Option<Normalisation>,
    /// Aggregation at every level (replaces per-level choices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<Aggregation>,
    /// Outlier treatment for every indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treatment: Option<Treatment>,
    /// Imputation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imputation: Option<Imputation>,
    /// Screening threshold; 0 turns screening off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screen: Option<f64>,
    /// Years to carry values forward.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carry_forward: Option<u32>,
    /// Whether to denominate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominate: Option<bool>,
}

impl MethodChoice {
    /// `base` with these changes applied.
    pub fn apply(&self, base: &Method) -> Method {
        let mut m = base.clone();
        if let Some(n) = self.normalisation {
            m.set_normalisation_everywhere(n);
        }
        if let Some(a) = self.aggregation {
            m.set_aggregation_everywhere(a);
        }
        if let Some(t) = self.treatment {
            m.treatment = t;
            for i in m.indicators.values_mut() {
                i.treatment = None;
            }
        }
        if let Some(i) = &self.imputation {
            m.imputation = i.clone();
        }
        if let Some(s) = self.screen {
            m.screen = (s > 0.0).then_some(s);
        }
        if let Some(c) = self.carry_forward {
            m.carry_forward = c;
        }
        if let Some(d) = self.denominate {
            m.denominate = d;
        }
        m
    }

    /// Whether nothing is changed.
    pub fn is_empty(&self) -> bool {
        self == &MethodChoice::default()
    }
}

/// A scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Scenario {
    /// Name given by the person who saved it.
    #[serde(skip_serializing_if = "String::is_empty")]
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
    /// The two groups compared (`None`: the bundle's default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<[String; 2]>,
    /// The unit followed (ISO3 code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selection: Option<String>,
}

/// A scenario made concrete for its bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The year.
    pub year: i32,
    /// The weights.
    pub weights: Weights,
    /// The method.
    pub method: Method,
    /// The two groups compared.
    pub groups: [String; 2],
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
        // Migrations from older formats go here, one step per version (`1 => …`); version 1
        // is the current shape.
        check_format(&value, WHAT)?;
        if value.get("scenarios").is_some() {
            return Err(json_err(
                WHAT,
                "this file holds a list of scenarios, not one (read it as a scenario file)",
            ));
        }
        // Parse the text again (not the value) so that errors carry line and column. The
        // `format` field, checked above, is not one of the scenario's and is passed over.
        serde_json::from_str::<Scenario>(text).map_err(|e| json_err(WHAT, e))
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
        match value.get("scenarios") {
            None => Ok(vec![Scenario::from_json(text)?]),
            // From the text again, so that an error carries its line and column (and the wasm
            // has one reader per type: the text's).
            Some(serde_json::Value::Array(_)) => serde_json::from_str::<Collection>(text)
                .map(|c| c.scenarios)
                .map_err(|e| json_err(WHAT, e)),
            Some(_) => Err(json_err(WHAT, "`scenarios` must be a list")),
        }
    }

    /// Makes the scenario concrete for `bundle`.
    ///
    /// # Errors
    /// A scenario for another bundle, a year the bundle does not hold, weights for unknown
    /// nodes or invalid weights, an invalid method, unknown groups.
    pub fn resolve(&self, bundle: &Bundle) -> Result<Resolved> {
        if !self.bundle.is_empty() && self.bundle != bundle.id() {
            return Err(Error::Parse {
                what: "scenario".into(),
                problem: format!("it is for bundle `{}`, not `{}`", self.bundle, bundle.id()),
            });
        }
        let year = self.year.unwrap_or_else(|| bundle.default_year());
        let years = bundle.dataset().years();
        if !years.contains(&year) {
            return Err(Error::UnknownYear {
                year,
                first: years.first().copied().unwrap_or(year),
                last: years.last().copied().unwrap_or(year),
            });
        }
        let weights = Weights::with_overrides(bundle.framework(), &self.weights)?;
        let method = self.method.apply(bundle.method());
        method.validate(bundle.framework(), bundle.dataset())?;
        let groups = match &self.groups {
            Some(g) => g.clone(),
            None => bundle.default_groups().clone(),
        };
        for g in &groups {
            if bundle.dataset().group(g).is_none() {
                return Err(Error::Unknown {
                    what: "group",
                    id: g.clone(),
                    by: "the scenario".into(),
                });
            }
        }
        Ok(Resolved {
            year,
            weights,
            method,
            groups,
        })
    }

    /// The scenario as a URL query string (without `?`), short enough to paste: only what is
    /// set is written, weights as `id:weight` pairs.
    ///
    /// ```
    /// use index_core::scenario::Scenario;
    /// let mut s = Scenario { bundle: "ftri".into(), year: Some(2019), ..Scenario::default() };
    /// s.weights.insert("rd".into(), 2.0);
    /// assert_eq!(s.to_query(), "v=1&b=ftri&y=2019&w=rd:2");
    /// assert_eq!(Scenario::from_query(&s.to_query()).0, s);
    /// ```
    pub fn to_query(&self) -> String {
        let mut q = format!("v={FORMAT}");
        let mut put = |key: &str, value: &str| {
            let _ = write!(q, "&{key}={}", utf8_percent_encode(value, VALUE));
        };
        if !self.bundle.is_empty() {
            put("b", &self.bundle);
        }
        if let Some(y) = self.year {
            put("y", &y.to_string());
        }
        if !self.weights.is_empty() {
            let w: Vec<String> = self
                .weights
                .iter()
                .map(|(id, w)| format!("{id}:{}", short_number(*w)))
                .collect();
            put("w", &w.join(","));
        }
        let m = &self.method;
        if let Some(n) = &m.normalisation {
            put("n", &n.to_string());
        }
        if let Some(a) = &m.aggregation {
            put("a", &a.to_string());
        }
        if let Some(t) = &m.treatment {
            put("o", &t.to_string());
        }
        if let Some(i) = &m.imputation {
            put("i", &i.to_string());
        }
        if let Some(s) = m.screen {
            put("s", &short_number(s));
        }
        if let Some(c) = m.carry_forward {
            put("c", &c.to_string());
        }
        if let Some(d) = m.denominate {
            put("dn", if d { "1" } else { "0" });
        }
        if let Some([a, b]) = &self.groups {
            put("g", &format!("{a},{b}"));
        }
        if let Some(sel) = &self.selection {
            put("u", sel);
        }
        if !self.name.is_empty() {
            put("name", &self.name);
        }
        q
    }

    /// Reads a URL query string (with or without `?`). Each parameter is read on its own: a
    /// malformed one is reported (naming the parameter and its text) and left at its default,
    /// and the rest still apply. Unknown parameters are ignored (other tools add their own).
    pub fn from_query(query: &str) -> (Scenario, Vec<Error>) {
        let mut s = Scenario::default();
        let mut errors = Vec::new();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode_str(&raw.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned();
            if let Err(problem) = apply_param(&mut s, key, &value) {
                errors.push(Error::Parse {
                    what: format!("URL parameter `{key}`"),
                    problem,
                });
            }
        }
        (s, errors)
    }
}

/// Characters percent-encoded in query values: all but letters, digits and `-._~:,`.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b':')
    .remove(b',');

/// A number in as few characters as keep 4 decimals: `2`, `0.25`, `1.3333`.
pub fn short_number(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn apply_param(s: &mut Scenario, key: &str, value: &str) -> std::result::Result<(), String> {
    let text_err = |e: Error| match e {
        Error::Parse { problem, .. } => problem,
        other => other.to_string(),
    };
    match key {
        "v" => match value.parse::<u32>() {
            Ok(v) if (1..=FORMAT).contains(&v) => {}
            Ok(v) if v > FORMAT => {
                return Err(format!(
                    "link made by a newer version (format {v}); this version reads up to {FORMAT}"
                ))
            }
            _ => return Err(format!("`{value}` is not a format version")),
        },
        "b" if !value.is_empty() => s.bundle = value.to_string(),
        "y" => {
            s.year = Some(
                value
                    .parse()
                    .map_err(|_| format!("`{value}` is not a year"))?,
            )
        }
        "w" => {
            let mut weights = BTreeMap::new();
            for part in value.split(',').filter(|p| !p.is_empty()) {
                let (id, w) = part
                    .split_once(':')
                    .ok_or_else(|| format!("`{part}` should be node:weight"))?;
                let w: f64 = w
                    .parse()
                    .ok()
                    .filter(|w: &f64| w.is_finite() && *w >= 0.0)
                    .ok_or_else(|| format!("weight `{w}` of `{id}` is not a number ≥ 0"))?;
                weights.insert(id.to_string(), w);
            }
            s.weights = weights;
        }
        "n" => s.method.normalisation = Some(value.parse().map_err(text_err)?),
        "a" => s.method.aggregation = Some(value.parse().map_err(text_err)?),
        "o" => s.method.treatment = Some(value.parse().map_err(text_err)?),
        "i" => s.method.imputation = Some(value.parse().map_err(text_err)?),
        "s" => {
            s.method.screen = Some(
                value
                    .parse()
                    .ok()
                    .filter(|v: &f64| (0.0..=1.0).contains(v))
                    .ok_or_else(|| format!("`{value}` is not a share between 0 and 1"))?,
            )
        }
        "c" => {
            s.method.carry_forward = Some(
                value
                    .parse()
                    .ok()
                    .filter(|c| *c <= 50)
                    .ok_or_else(|| format!("`{value}` is not a number of years (0–50)"))?,
            )
        }
        "dn" => {
            s.method.denominate = Some(match value {
                "1" => true,
                "0" => false,
                _ => return Err(format!("`{value}` should be 0 or 1")),
            })
        }
        "g" => {
            let (a, b) = value
                .split_once(',')
                .filter(|(a, b)| !a.is_empty() && !b.is_empty())
                .ok_or_else(|| format!("`{value}` should be two group ids, e.g. LDC,developed"))?;
            s.groups = Some([a.to_string(), b.to_string()]);
        }
        "u" if !value.is_empty() => s.selection = Some(value.to_string()),
        "name" => s.name = value.to_string(),
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Scenario {
        let mut s = Scenario {
            name: "R&D ×2 — test".into(),
            bundle: "ftri".into(),
            year: Some(2019),
            groups: Some(["LDC".into(), "developed".into()]),
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

    #[test]
    fn json_round_trip_with_version() {
        let s = sample();
        let json = s.to_json();
        assert!(json.contains("\"format\": 1"), "{json}");
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
                supported: 1
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
    fn query_round_trip_is_short() {
        let s = sample();
        let q = s.to_query();
        assert_eq!(
            q,
            "v=1&b=ftri&y=2019&w=ict:0.3333,rd:2&n=zscore:100:10&a=geometric&o=winsorise:5&s=0.9&g=LDC,developed&u=KEN&name=R%26D%20%C3%972%20%E2%80%94%20test"
        );
        let (back, errors) = Scenario::from_query(&format!("?{q}"));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back.weights["ict"], 0.3333);
        assert_eq!(back.method, s.method);
        assert_eq!(back.name, s.name);
    }

    #[test]
    fn malformed_parameters_are_reported_one_by_one() {
        let (s, errors) =
            Scenario::from_query("b=hdi&y=20x9&w=rd:-1&n=bogus&g=LDC&a=harmonic&v=9&zz=1");
        assert_eq!(s.bundle, "hdi");
        assert_eq!(s.year, None);
        assert!(s.weights.is_empty());
        assert_eq!(
            s.method.aggregation,
            Some(Aggregation::Harmonic),
            "good parameters still apply"
        );
        let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(texts.len(), 5, "{texts:#?}");
        assert!(texts[0].contains("`y`") && texts[0].contains("20x9"));
        assert!(texts[1].contains("`w`") && texts[1].contains("-1"));
        assert!(texts[2].contains("`n`") && texts[2].contains("bogus"));
        assert!(texts[3].contains("`g`"));
        assert!(texts[4].contains("newer version"));
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
        let m = choice.apply(&base);
        assert_eq!(
            m.normalisation_for("gnipc"),
            Normalisation::MinMax {
                low: 0.0,
                high: 100.0
            }
        );
        assert_eq!(m.aggregation_at(3), Aggregation::Arithmetic);
        assert_eq!(m.screen, None);
        assert_eq!(m.floor, 1.0);
        assert_eq!(MethodChoice::default().apply(&base), base);
    }

    #[test]
    fn short_numbers() {
        assert_eq!(short_number(2.0), "2");
        assert_eq!(short_number(0.25), "0.25");
        assert_eq!(short_number(1.0 / 3.0), "0.3333");
        assert_eq!(short_number(-0.00001), "0");
    }
}
