//! The framework of an import: read from a COINr-style metadata file (through
//! [`crate::read::jrc`], the reader of the built-in ASEM bundle), or, without one, every
//! indicator under one index with equal weights.

use std::collections::HashSet;
use std::path::Path;

use index_core::framework::{NodeKind, NodeSpec};

use super::checks::{Place, Problem, Problems};
use super::layout::Collected;
use crate::read::jrc::{read_framework_sheet, AsemFramework};
use crate::read::{Header, Record, Sheet};

/// Reads a COINr metadata file (`Level, iCode, iName, Direction, Weight, Unit, Target,
/// Denominator, Parent, Type`) from its records (`header` first).
///
/// # Errors
/// [`Problem::Unreadable`] naming the line and column the metadata reader refused.
pub fn read_metadata(
    file: &str,
    sheet: Option<&str>,
    records: Vec<Record>,
) -> Result<AsemFramework, Problem> {
    let mut rows = records.into_iter();
    let path = Path::new(file);
    let Some(head) = rows.next() else {
        return Err(Problem::EmptyFile {
            place: Place::file(file).in_sheet(sheet),
        });
    };
    let table = Sheet {
        header: Header::new(path, &head),
        rows: rows.collect(),
    };
    read_framework_sheet(path, &table).map_err(|e| {
        let mut p = Problem::unreadable(file, "not a COINr metadata file", &e);
        if let Problem::Unreadable { place, .. } = &mut p {
            place.sheet = sheet.map(Box::from);
        }
        p
    })
}

/// Checks a metadata framework against itself and the data: every parent is a node, every
/// indicator and denominator a column (errors); a value column the framework does not name is
/// listed (a warning: it stays in the data, outside the index).
pub fn check_metadata(
    file: &str,
    sheet: Option<&str>,
    fw: &AsemFramework,
    data: &Collected,
    problems: &mut Problems,
) {
    let ids: HashSet<&str> = fw.nodes.iter().map(|n| n.id.as_str()).collect();
    for (id, place) in &data.indicators {
        if !ids.contains(id.as_str()) && !fw.denominators.iter().any(|d| d.id == *id) {
            problems.push(Problem::ColumnNotUsed {
                place: place.clone(),
                reason: match sheet {
                    Some(sheet) => format!(
                        "sheet `{sheet}` of `{file}` does not name it: kept in the data, not in \
                         the index"
                    ),
                    None => {
                        format!("`{file}` does not name it: kept in the data, not in the index")
                    }
                },
            });
        }
    }
    for (n, line) in fw.nodes.iter().zip(&fw.node_lines) {
        let place = || Place::line(file, *line).in_sheet(sheet);
        if let Some(p) = n.parent.as_deref().filter(|p| !ids.contains(p)) {
            problems.push(Problem::UnknownParent {
                place: place(),
                node: n.id.clone(),
                parent: p.to_string(),
            });
        }
        if let NodeKind::Indicator { denominator } = &n.kind {
            if data.indicator_position(&n.id).is_none() {
                problems.push(Problem::NotInData {
                    place: place(),
                    indicator: n.id.clone(),
                });
            }
            if let Some(d) = denominator
                .as_deref()
                .filter(|d| data.indicator_position(d).is_none())
            {
                problems.push(Problem::MissingDenominator {
                    place: place(),
                    indicator: n.id.clone(),
                    denominator: d.to_string(),
                });
            }
        }
    }
}

/// Every indicator with at least one value under one root, `root_name`, with equal weights.
/// The root's id is `index` (or `index_1`, `index_2`… if an indicator is called that).
pub fn equal_weights(data: &Collected, root_name: &str) -> Vec<NodeSpec> {
    let taken: HashSet<&str> = data.indicators.iter().map(|(id, _)| id.as_str()).collect();
    let root = std::iter::once("index".to_string())
        .chain((1..).map(|n| format!("index_{n}")))
        .find(|r| !taken.contains(r.as_str()))
        .unwrap_or_default();
    let with_values: HashSet<usize> = data.values.iter().map(|((_, i, _), _)| *i).collect();
    let mut nodes = vec![NodeSpec {
        id: root.clone(),
        name: root_name.to_string(),
        parent: None,
        weight: 1.0,
        kind: NodeKind::Aggregate,
    }];
    for (i, (id, _)) in data.indicators.iter().enumerate() {
        if with_values.contains(&i) {
            nodes.push(NodeSpec {
                id: id.clone(),
                name: id.clone(),
                parent: Some(root.clone()),
                weight: 1.0,
                kind: NodeKind::Indicator { denominator: None },
            });
        }
    }
    nodes
}
