//! The world map as the page shows it, pure (tested natively): the classes a node's scores fall
//! into (quantiles, equal intervals or the person's own breaks; ties, fewer units than classes
//! and no data at all decided here), the legend, each unit's fill, the table alternative (the
//! ranking's codes, scores and ranks, with each unit's class) and what hovering a unit says.

use index_core::bundle::Bundle;
use index_core::pipeline::Results;
use index_core::rank::competition_ranks;

use super::{source_line, weights_line, ChartView};
use crate::charts::map::{ramp, Fill, LegendClass, MapChart, MapGeometry};
use crate::charts::{ChartData, ChartKind};
use crate::format;
use crate::i18n::messages;
use crate::i18n::{t, t_with, Arg};
use crate::shared::Shared;

/// The most classes a map has (the colour ramp's length).
pub const MAX_CLASSES: usize = 7;
/// The fewest classes one can ask for.
pub const MIN_CLASSES: usize = 2;
/// The one unit drawn as plain land when no dataset has it, rather than hatched as without
/// data: Antarctica, which no index scores.
pub const PLAIN_LAND: &str = "ATA";
/// The group outlined when asked ("LDCs optionally outlined").
pub const OUTLINED_GROUP: &str = "LDC";

/// How scores are put into classes.
#[derive(Debug, Clone, PartialEq)]
pub enum Binning {
    /// Each class holds about as many units (its lower bound is a score some unit has).
    Quantiles(usize),
    /// Classes of equal width, on round numbers, over the scores' range.
    Equal(usize),
    /// The person's own breaks (each the lower bound of a class; sorted, distinct).
    Fixed(Vec<f64>),
}

impl Default for Binning {
    fn default() -> Self {
        Binning::Quantiles(5)
    }
}

/// Reads breaks typed by a person: numbers separated by commas, semicolons or spaces; sorted
/// and each kept once; at most [`MAX_CLASSES`] − 1.
///
/// # Errors
/// A word that is not a finite number, no number at all, or too many.
pub fn parse_breaks(text: &str) -> Result<Vec<f64>, String> {
    let mut out = Vec::new();
    for word in text
        .split([',', ';', ' ', '\t', '\n'])
        .filter(|w| !w.trim().is_empty())
    {
        match word.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => out.push(x),
            _ => {
                return Err(t_with(
                    &messages::NOT_A_NUMBER,
                    &[("word", format::excerpt(word.trim()).into_owned().into())],
                ))
            }
        }
    }
    index_core::order::sort_by(&mut out, f64::total_cmp);
    out.dedup();
    if out.is_empty() {
        return Err(t(&messages::TYPE_A_BREAK));
    }
    if out.len() > MAX_CLASSES - 1 {
        return Err(t_with(
            &messages::TOO_MANY_BREAKS,
            &[
                ("most", (MAX_CLASSES - 1).to_string().into()),
                ("classes", MAX_CLASSES.to_string().into()),
            ],
        ));
    }
    Ok(out)
}

/// The breaks for `values` (finite scores; any order): each the lower bound of a class after
/// the first, strictly increasing. Quantiles take a score as each break, so no class is empty,
/// tied scores share a class, and fewer distinct scores than classes give one class each; equal
/// intervals step by a round width (1, 2, 2.5 or 5 × 10ᵏ) from a multiple of it. No values, or
/// all equal: no breaks (one class).
pub fn breaks(values: &[f64], binning: &Binning) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    index_core::order::sort_by(&mut sorted, f64::total_cmp);
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return match binning {
            Binning::Fixed(b) => b.clone(),
            _ => Vec::new(),
        };
    };
    let mut out: Vec<f64> = match binning {
        Binning::Quantiles(k) => {
            let k = (*k).clamp(MIN_CLASSES, MAX_CLASSES);
            let n = sorted.len();
            (1..k)
                .filter_map(|i| sorted.get(i * n / k).copied())
                .filter(|b| *b > lo)
                .collect()
        }
        Binning::Equal(k) => {
            let k = (*k).clamp(MIN_CLASSES, MAX_CLASSES);
            if hi <= lo {
                Vec::new()
            } else {
                let step = crate::charts::nice_max((hi - lo) / k as f64);
                let start = (lo / step).floor();
                // Written to the step's decimals and read back: 0.6, not 0.6000000000000001.
                let decimals = (2.0 - step.log10().floor()).clamp(0.0, 15.0) as usize;
                (1..MAX_CLASSES)
                    .map(|i| {
                        let b = (start + i as f64) * step;
                        format!("{b:.decimals$}").parse().unwrap_or(b)
                    })
                    .take_while(|b| *b <= hi)
                    .collect()
            }
        }
        Binning::Fixed(b) => b.clone(),
    };
    out.dedup();
    out
}

/// The class of `value` under `breaks`: how many breaks are at or below it.
pub fn class_of(value: f64, breaks: &[f64]) -> usize {
    breaks.partition_point(|b| *b <= value)
}

/// The legend's classes for `values` under `breaks`: colour and range each ("≥ a and < b",
/// written "a – b", the first from the lowest score, the last to the highest; "< b" and "≥ a"
/// when no score bounds it). No values: no class.
pub fn legend(values: &[f64], breaks: &[f64]) -> Vec<LegendClass> {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let lo = finite.clone().min_by(f64::total_cmp);
    let hi = finite.max_by(f64::total_cmp);
    let (Some(lo), Some(hi)) = (lo, hi) else {
        return Vec::new();
    };
    let n = breaks.len() + 1;
    let colours = ramp(n);
    (0..n)
        .map(|i| {
            let from = if i == 0 {
                Some(lo).filter(|lo| breaks.first().is_none_or(|b| lo < b))
            } else {
                breaks.get(i - 1).copied()
            };
            let to = if i + 1 == n {
                Some(hi).filter(|hi| breaks.last().is_none_or(|b| hi >= b))
            } else {
                breaks.get(i).copied()
            };
            let label = match (from, to) {
                (Some(a), Some(b)) => format!("{} – {}", format::score(a), format::score(b)),
                (Some(a), None) => format!("≥ {}", format::score(a)),
                (None, Some(b)) => format!("< {}", format::score(b)),
                (None, None) => "–".into(),
            };
            LegendClass {
                colour: colours.get(i).copied().unwrap_or(crate::charts::INK),
                label,
            }
        })
        .collect()
}

/// What the map shows and how.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// The framework node shown (the root: the index).
    pub node: usize,
    /// How scores are put into classes.
    pub binning: Binning,
    /// Whether LDCs are outlined.
    pub outline_ldcs: bool,
}

/// One unit of the map's table alternative (and hover).
#[derive(Debug, Clone, PartialEq)]
pub struct MapRow {
    /// ISO3 code.
    pub code: String,
    /// Name (the publisher's).
    pub name: String,
    /// Score on the node shown.
    pub score: Option<f64>,
    /// Rank on the node shown (the ranking's rank for the index).
    pub rank: Option<u32>,
    /// Rank change against the published weights (positive = up).
    pub change: Option<i64>,
    /// Class (0 = lowest), `None` without data.
    pub class: Option<usize>,
}

/// Each unit's score, rank and change on `node` (the ranking's for the root), in dataset
/// order.
pub fn node_rows(
    bundle: &Bundle,
    results: &Results,
    baseline: &Results,
    node: usize,
) -> Vec<MapRow> {
    let units = bundle.dataset().units();
    let root = bundle.framework().root();
    let score = |r: &Results, u: usize| {
        if node == root {
            r.index(u)
        } else {
            r.score(u, node)
        }
    };
    let ranks = |r: &Results| -> Vec<Option<u32>> {
        if node == root {
            (0..units.len()).map(|u| r.rank(u)).collect()
        } else {
            competition_ranks(&(0..units.len()).map(|u| score(r, u)).collect::<Vec<_>>())
        }
    };
    let (now, before) = (ranks(results), ranks(baseline));
    units
        .iter()
        .enumerate()
        .map(|(u, unit)| {
            let rank = now.get(u).copied().flatten();
            let was = before.get(u).copied().flatten();
            MapRow {
                code: unit.code.clone(),
                name: crate::i18n::label(unit),
                score: score(results, u),
                rank,
                change: rank.zip(was).map(|(r, w)| i64::from(w) - i64::from(r)),
                class: None,
            }
        })
        .collect()
}

/// What hovering or tapping a unit says: "Kenya: 45.2 · rank 37 of 166 · ▲ 3 since the
/// published weights", or that it has no data, or that the data does not cover it.
pub fn describe(row: Option<&MapRow>, atlas_name: &str, ranked: usize) -> String {
    match row {
        None => t_with(&messages::NOT_IN_DATASET, &[("name", atlas_name.into())]),
        Some(r) => match (r.score, r.rank) {
            (Some(s), Some(k)) => {
                let (change, _) = format::rank_change(r.change);
                let args = [
                    ("name", Arg::from(r.name.clone())),
                    ("score", format::score(s).into()),
                    ("rank", k.to_string().into()),
                    ("count", ranked.into()),
                    ("change", change.into()),
                ];
                t_with(
                    match r.change {
                        Some(0) => &messages::MAP_UNIT_NO_CHANGE,
                        Some(_) => &messages::MAP_UNIT_CHANGE,
                        None => &messages::MAP_UNIT,
                    },
                    &args,
                )
            }
            _ => t_with(&messages::UNIT_NO_DATA, &[("name", r.name.clone().into())]),
        },
    }
}

/// The map's chart: title, captions, fills and legend, and the table alternative (ranked units
/// in rank order, then the units without data), for `node` of `results` under `options`.
pub fn map_view(
    bundle: &Bundle,
    results: &Results,
    baseline: &Results,
    geometry: &Shared<MapGeometry>,
    options: &MapOptions,
    selection: Option<&str>,
) -> (ChartView, Vec<MapRow>) {
    let fw = bundle.framework();
    let ds = bundle.dataset();
    let node = if fw.node(options.node).is_some() {
        options.node
    } else {
        fw.root()
    };
    let mut rows = node_rows(bundle, results, baseline, node);
    let values: Vec<f64> = rows.iter().filter_map(|r| r.score).collect();
    let cuts = breaks(&values, &options.binning);
    let legend = legend(&values, &cuts);
    for r in &mut rows {
        r.class = r.score.map(|s| class_of(s, &cuts));
    }
    let ldc = ds.group(OUTLINED_GROUP).map(|g| g.id.clone());
    let mut fills = Vec::with_capacity(geometry.units.len());
    let mut outlined = Vec::with_capacity(geometry.units.len());
    let mut selected = None;
    for (i, u) in geometry.units.iter().enumerate() {
        let pos = ds.unit_position(&u.code);
        let row = pos.and_then(|p| rows.get(p));
        fills.push(match row {
            None if u.code == PLAIN_LAND => Fill::Outside,
            None => Fill::Absent,
            Some(MapRow { class: Some(k), .. }) => Fill::Class(u8::try_from(*k).unwrap_or(u8::MAX)),
            Some(_) => Fill::NoData,
        });
        outlined.push(
            options.outline_ldcs
                && pos
                    .zip(ldc.as_deref())
                    .is_some_and(|(p, g)| ds.in_group(p, g)),
        );
        if selection == Some(u.code.as_str()) {
            selected = Some(i);
        }
    }
    let name = fw.node(node).map(|n| n.name.clone()).unwrap_or_default();
    let what = if node == fw.root() {
        bundle.title().to_string()
    } else {
        format!("{} ({name})", bundle.title())
    };
    let year = results.year();
    let how = t(match &options.binning {
        Binning::Quantiles(_) => &messages::QUANTILE_CLASSES,
        Binning::Equal(_) => &messages::EQUAL_INTERVALS_LOWER,
        Binning::Fixed(_) => &messages::READERS_BREAKS,
    });
    let no_data = rows.iter().filter(|r| r.score.is_none()).count();
    let mut table: Vec<&MapRow> = rows.iter().collect();
    index_core::order::sort_by(&mut table, |a, b| match (a.rank, b.rank) {
        (Some(x), Some(y)) => x.cmp(&y).then(a.name.cmp(&b.name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.name.cmp(&b.name),
    });
    let table_rows = table
        .iter()
        .map(|r| {
            vec![
                r.rank.map_or_else(|| "–".into(), |k| k.to_string()),
                r.code.clone(),
                r.name.clone(),
                format::opt_score(r.score),
                r.class
                    .and_then(|k| legend.get(k))
                    .map_or_else(|| t(&messages::NO_DATA), |c| c.label.clone()),
            ]
        })
        .collect();
    let outline_label = options
        .outline_ldcs
        .then(|| ds.group(OUTLINED_GROUP).map(|g| g.name.clone()))
        .flatten();
    let chart = MapChart {
        geometry: geometry.clone(),
        fills,
        outlined,
        selected,
        legend,
        outline_label,
    };
    let view = ChartView {
        kind: ChartKind::Map,
        title: t_with(
            &messages::MAP_TITLE,
            &[
                ("what", what.clone().into()),
                ("year", year.to_string().into()),
            ],
        ),
        subtitle: format!(
            "{} · {} · {how}",
            weights_line(bundle, results),
            super::method_line(&results.prepared.method)
        ),
        // The disclaimer is drawn under downloaded maps and written into their CSV; on the
        // page it stands under the map.
        source: format!("{} {}.", source_line(bundle), geometry.source),
        label: t_with(
            &messages::MAP_LABEL,
            &[
                ("what", what.into()),
                ("classes", chart.legend.len().to_string().into()),
                ("count", no_data.into()),
            ],
        ),
        data: ChartData::Map(Shared::new(chart)),
        height: ChartKind::Map.height(),
        header: [
            &messages::RANK,
            &messages::CODE,
            &messages::NAME,
            &messages::SCORE,
            &messages::CLASS,
        ]
        .map(t)
        .to_vec(),
        rows: table_rows,
    };
    (view, rows)
}

#[cfg(test)]
mod tests;
