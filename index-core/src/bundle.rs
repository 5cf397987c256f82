//! A bundle: everything the app or the CLI needs to show one index — dataset, framework, default
//! method and year, the groups compared by default, and the publisher's own scores to compare
//! with. Bundles are built natively from the publishers' files and shipped as JSON.

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::framework::Framework;
use crate::method::Method;
use crate::pipeline;

/// A published score series kept alongside the computed index for comparison (e.g. UNCTAD's own
/// FTRI overall score).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// Dataset indicator holding the published score.
    pub indicator: String,
    /// Label (e.g. "UNCTAD's published FTRI").
    pub label: String,
    /// How it relates to the computed index, in one or two sentences.
    pub note: String,
}

/// The parts of a bundle, as written in its JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleParts {
    /// Short id (`ftri`, `hdi`, …) used in URLs and on the command line.
    pub id: String,
    /// Title shown to people.
    pub title: String,
    /// One-paragraph description.
    pub description: String,
    /// Caveats and facts people must know (shown in the app).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The data.
    pub dataset: Dataset,
    /// The framework.
    pub framework: Framework,
    /// The publisher's (or our documented) method.
    pub method: Method,
    /// The year shown first.
    pub default_year: i32,
    /// The two groups compared by default.
    pub default_groups: [String; 2],
    /// Published scores to compare with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// Dataset indicator with GDP per capita (for over/under-performance views).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gdp_per_capita: Option<String>,
}

/// A validated bundle: the framework fits the dataset, the method is valid, the default year
/// and groups exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "BundleParts", into = "BundleParts")]
pub struct Bundle(BundleParts);

impl TryFrom<BundleParts> for Bundle {
    type Error = Error;
    fn try_from(p: BundleParts) -> Result<Self> {
        Bundle::new(p)
    }
}

impl From<Bundle> for BundleParts {
    fn from(b: Bundle) -> Self {
        b.0
    }
}

impl Bundle {
    /// Validates the parts.
    ///
    /// # Errors
    /// [`Error::UnknownIndicator`] for a framework leaf or denominator not in the dataset, the
    /// method's own errors, [`Error::Unknown`] for a group, reference or GDP indicator that does
    /// not exist, [`Error::NoDataForYear`] for a default year in which the framework has no
    /// data.
    pub fn new(parts: BundleParts) -> Result<Self> {
        pipeline::check_binding(&parts.dataset, &parts.framework)?;
        parts.method.validate(&parts.framework, &parts.dataset)?;
        for g in &parts.default_groups {
            if parts.dataset.group(g).is_none() {
                return Err(Error::Unknown {
                    what: "group",
                    id: g.clone(),
                    by: format!("bundle `{}` default groups", parts.id),
                });
            }
        }
        let indicators = parts
            .reference
            .iter()
            .map(|r| &r.indicator)
            .chain(parts.gdp_per_capita.iter());
        for ind in indicators {
            if parts.dataset.indicator(ind).is_none() {
                return Err(Error::Unknown {
                    what: "indicator",
                    id: ind.clone(),
                    by: format!("bundle `{}`", parts.id),
                });
            }
        }
        // The year a view opens on must be one it can show: the framework has data for it.
        let bundle = Bundle(parts);
        let with_data = bundle.years_with_data();
        if !with_data.contains(&bundle.0.default_year) {
            return Err(Error::NoDataForYear {
                year: bundle.0.default_year,
                with_data: crate::scenario::years_in_short(&with_data),
            });
        }
        Ok(bundle)
    }

    /// Reads a bundle from its JSON text.
    ///
    /// # Errors
    /// [`Error::Parse`] with the line and column of a syntax error, or the validation errors of
    /// [`Bundle::new`] (reported through the same variant, with the reason).
    pub fn from_json(text: &str) -> Result<Self> {
        serde_json::from_str(text).map_err(|e| Error::Parse {
            what: "bundle JSON".into(),
            problem: e.to_string(),
        })
    }

    /// The bundle as JSON text.
    ///
    /// # Errors
    /// [`Error::Parse`] if serialisation fails (it cannot for a valid bundle; reported rather
    /// than hidden).
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string(self).map_err(|e| Error::Parse {
            what: format!("bundle `{}` as JSON", self.id()),
            problem: e.to_string(),
        })
    }

    /// Short id.
    pub fn id(&self) -> &str {
        &self.0.id
    }
    /// Title.
    pub fn title(&self) -> &str {
        &self.0.title
    }
    /// Description.
    pub fn description(&self) -> &str {
        &self.0.description
    }
    /// Notes and caveats.
    pub fn notes(&self) -> &[String] {
        &self.0.notes
    }
    /// The data.
    pub fn dataset(&self) -> &Dataset {
        &self.0.dataset
    }
    /// The framework.
    pub fn framework(&self) -> &Framework {
        &self.0.framework
    }
    /// The default method.
    pub fn method(&self) -> &Method {
        &self.0.method
    }
    /// The year shown first.
    pub fn default_year(&self) -> i32 {
        self.0.default_year
    }
    /// The groups compared by default.
    pub fn default_groups(&self) -> &[String; 2] {
        &self.0.default_groups
    }
    /// Published scores to compare with.
    pub fn reference(&self) -> Option<&Reference> {
        self.0.reference.as_ref()
    }
    /// GDP per capita indicator id.
    pub fn gdp_per_capita(&self) -> Option<&str> {
        self.0.gdp_per_capita.as_deref()
    }
    /// Years in which the framework's indicators have any data, ascending.
    pub fn years_with_data(&self) -> Vec<i32> {
        let ds = &self.0.dataset;
        let inds: Vec<usize> = self
            .0
            .framework
            .leaves()
            .iter()
            .filter_map(|l| self.0.framework.node(*l))
            .filter_map(|spec| ds.indicator_position(&spec.id))
            .collect();
        ds.years()
            .iter()
            .copied()
            .filter(|y| inds.iter().any(|i| ds.coverage(*i, *y) > 0))
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A bundle for tests across the crate.
    use super::*;

    /// A bundle `t` of `dataset`, `framework` and `method`, opening on 2020, comparing group
    /// `g` with itself (the dataset must have it).
    pub fn bundle(dataset: Dataset, framework: Framework, method: Method) -> Bundle {
        Bundle::new(BundleParts {
            id: "t".into(),
            title: "T".into(),
            description: String::new(),
            notes: vec![],
            dataset,
            framework,
            method,
            default_year: 2020,
            default_groups: ["g".into(), "g".into()],
            reference: None,
            gdp_per_capita: None,
        })
        .expect("a valid bundle")
    }
}
