//! The page's link: one parser for every URL parameter, and [`Param`], the one enum naming
//! them — the scenario's (spelled in `index_core::scenario::Param`) and the page's own (the
//! embed route, a pinned edition, the benchmark). Pure, so it is tested natively.

use index_core::error::excerpt;
use index_core::scenario::{self, query_pairs, Scenario};
use index_core::Error;

use crate::charts::ChartKind;
use crate::i18n::Lang;

/// A URL parameter of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// One of the scenario's (`v`, `b`, `y`, `w`, …).
    Scenario(scenario::Param),
    /// `embed`: the embed route, naming the chart (`?embed=bars&…`).
    Embed,
    /// `ed`: the data edition a fixed embed was made with.
    Edition,
    /// `bench`: the in-browser benchmark (only in builds with the `bench` feature).
    Bench,
    /// `node`: the framework node an embedded trend chart shows (its id; the index without).
    Node,
    /// `lang`: the interface's language (`ar`, `zh`, `en`, `fr`, `ru`, `es`).
    Lang,
}

impl Param {
    /// The parameter's name in a query string.
    pub const fn key(self) -> &'static str {
        match self {
            Param::Scenario(p) => p.key(),
            Param::Embed => "embed",
            Param::Edition => "ed",
            Param::Bench => "bench",
            Param::Node => "node",
            Param::Lang => "lang",
        }
    }

    /// The parameter named `key`, if the page reads it (others' parameters are ignored).
    pub fn from_key(key: &str) -> Option<Param> {
        [
            Param::Embed,
            Param::Edition,
            Param::Bench,
            Param::Node,
            Param::Lang,
        ]
        .into_iter()
        .find(|p| p.key() == key)
        .or_else(|| scenario::Param::from_key(key).map(Param::Scenario))
    }
}

/// What the page's link asks of the embed route: which chart, and the pinned edition if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedRequest {
    /// The chart, or the (shortened) text that named no chart.
    pub chart: Result<ChartKind, String>,
    /// The edition id a fixed embed was pinned to.
    pub edition: Option<String>,
    /// The node an embedded trend chart shows (`None`: the index).
    pub node: Option<String>,
}

/// Everything a link says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    /// The scenario (syntax checked; the bundle's own checks come when it is applied).
    pub scenario: Scenario,
    /// The embed route's request, when the link is an embed's.
    pub embed: Option<EmbedRequest>,
    /// The benchmark asked for (`?bench=ftri`; empty text for `?bench`).
    pub bench: Option<String>,
    /// The language the link asks for (`?lang=fr`).
    pub lang: Option<Lang>,
    /// Parameters that could not be read, each naming the parameter.
    pub errors: Vec<Error>,
}

/// Longest edition id read from a link (they are 8 hex digits; anything longer is not one).
const EDITION_MAX: usize = 16;
/// Longest node id read from a link (longer is cut: it then names no node, and the index shows).
const NODE_MAX: usize = 200;

/// Reads a query string (with or without `?`), each parameter on its own: a malformed one is
/// an error and stays at its default, the rest apply.
pub fn parse(query: &str) -> Link {
    let mut link = Link::default();
    let mut chart = None;
    let mut edition = None;
    let mut node = None;
    let mut format = scenario::FORMAT;
    for (key, value) in query_pairs(query) {
        match Param::from_key(key) {
            Some(Param::Scenario(p)) => match link.scenario.set_param(p, &value) {
                Err(e) => link.errors.push(e),
                Ok(()) => format = p.format(&value).unwrap_or(format),
            },
            Some(Param::Embed) => {
                chart =
                    Some(ChartKind::from_name(&value).ok_or_else(|| excerpt(&value).into_owned()));
            }
            Some(Param::Edition) if !value.is_empty() => {
                edition = Some(value.chars().take(EDITION_MAX).collect());
            }
            Some(Param::Bench) => link.bench = Some(value),
            Some(Param::Node) if !value.is_empty() => {
                node = Some(value.chars().take(NODE_MAX).collect());
            }
            Some(Param::Lang) => match Lang::from_tag(&value) {
                Some(lang) => link.lang = Some(lang),
                None => link.errors.push(Error::Parse {
                    what: "URL parameter `lang`".into(),
                    problem: format!(
                        "“{}” is not one of the languages ({})",
                        excerpt(&value),
                        Lang::ALL.map(Lang::code).join(", ")
                    ),
                }),
            },
            Some(Param::Edition | Param::Node) | None => {}
        }
    }
    link.scenario.upgrade(format);
    link.embed = chart.map(|chart| EmbedRequest {
        chart,
        edition,
        node,
    });
    link
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_is_read_once_by_one_parser() {
        let link = parse("?embed=gap&v=2&b=ftri&y=2017&w=rd:2&ed=abcd1234&utm_source=x");
        assert_eq!(
            link.embed,
            Some(EmbedRequest {
                chart: Ok(ChartKind::Gap),
                edition: Some("abcd1234".into()),
                node: None,
            })
        );
        let trend = parse("?embed=trend&b=ftri&node=rd%20x").embed.unwrap();
        assert_eq!(trend.node.as_deref(), Some("rd x"));
        assert_eq!(link.scenario.bundle, "ftri");
        assert_eq!(link.scenario.year, Some(2017));
        assert_eq!(link.scenario.weights.get("rd"), Some(&2.0));
        assert!(link.errors.is_empty(), "{:?}", link.errors);
        assert_eq!(link.bench, None);
        assert_eq!(parse("bench=synthetic").bench.as_deref(), Some("synthetic"));
        assert_eq!(parse("?b=ftri").embed, None);
        assert_eq!(parse("?b=ftri&lang=ar").lang, Some(Lang::Ar));
        let bad = parse("?lang=klingon&b=hdi");
        assert_eq!((bad.lang, bad.scenario.bundle.as_str()), (None, "hdi"));
        assert!(
            bad.errors[0].to_string().contains("klingon"),
            "{:?}",
            bad.errors
        );
        // A version-1 link opens what it opened: its `ftri` was the TIR 2021 edition and its
        // `developed` M49's old notion.
        let old = parse("?v=1&b=ftri&g=LDC,developed");
        assert_eq!(old.scenario.bundle, "ftri-2021");
        assert_eq!(
            old.scenario.groups,
            Some(vec!["LDC".to_string(), "developed-m49".to_string()])
        );
    }

    #[test]
    fn a_bad_parameter_is_an_error_naming_it_and_the_rest_apply() {
        let link = parse(&format!("?embed={}&y=20x9&b=hdi", "z".repeat(10_000)));
        assert_eq!(link.scenario.bundle, "hdi");
        assert_eq!(link.errors.len(), 1);
        assert!(link.errors[0].to_string().contains("`y`"));
        let Some(Err(named)) = link.embed.map(|e| e.chart) else {
            panic!("the embed names no chart");
        };
        assert!(named.chars().count() <= 41, "{named}");
    }

    #[test]
    fn names_are_spelled_once() {
        for p in scenario::Param::ALL {
            assert_eq!(Param::from_key(p.key()), Some(Param::Scenario(p)));
        }
        for p in [
            Param::Embed,
            Param::Edition,
            Param::Bench,
            Param::Node,
            Param::Lang,
        ] {
            assert_eq!(Param::from_key(p.key()), Some(p));
            assert_eq!(scenario::Param::from_key(p.key()), None, "no clash");
        }
    }
}
