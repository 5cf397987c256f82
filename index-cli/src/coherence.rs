//! `index coherence`: the index's own health as the JRC audits it ([`index_core::coherence`]) —
//! correlations and their flags, Cronbach's α, effective against nominal weight, leave one out,
//! strengths and weaknesses — one table per `--what` in CSV and text, every table in JSON.

use std::io::Write as _;
use std::path::Path;

use clap::ValueEnum;
use index_core::bundle::Bundle;
use index_core::coherence::{self, Coherence, Profile, Removal, Standings, Undefined};
use index_core::framework::Framework;
use index_core::pipeline::Results;
use serde_json::{json, Value};

use crate::commands::load;
use crate::explain::unit_position;
use crate::output::{round, rows_writer};
use crate::{Format, Selection};

/// The options of `index coherence`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    selection: Selection,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Which table: in csv and text, one (default: correlations); in JSON, every table unless
    /// one is named.
    #[arg(long, short, value_enum)]
    what: Option<What>,
    /// Strengths and weaknesses: how many of each per unit (ties at the edge are kept).
    #[arg(long, default_value_t = 3, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1000))]
    top: usize,
    /// Strengths and weaknesses: only this unit (ISO3 code).
    #[arg(long, short, value_name = "CODE")]
    unit: Option<String>,
    /// Decimals for csv/text output, 0 to 17 (JSON is always full precision).
    #[arg(long, default_value_t = 4, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(0..=17))]
    digits: usize,
}

/// The tables of `index coherence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    /// `a,b,relation,n,pearson,spearman,flags,note`: every pair of nodes of one level, then
    /// each node with each of its ancestors.
    Correlations,
    /// `node,name,children,k,n,alpha,note`: Cronbach's α of each aggregate over its children
    /// (complete cases).
    Alpha,
    /// `node,name,parent,nominal_share,nominal_overall,r_index,importance,effective_share,n,note`.
    Weights,
    /// `node,name,also_removed,compared,unranked,median_abs_change,mean_abs_change,max_abs_change,most_moved,most_moved_by,note`.
    LeaveOneOut,
    /// `code,name,rank,kind,indicator,indicator_name,indicator_rank,of`: each unit's best and
    /// worst indicators by rank.
    Strengths,
}

/// `index coherence`.
pub fn run(data_dir: &Path, args: &Args) -> Result<(), String> {
    let job = load(data_dir, &args.selection)?;
    let results = job.run()?;
    let bundle = &job.bundle;
    let unit = match &args.unit {
        None => None,
        Some(code) => Some(unit_position(bundle, code)?),
    };
    let whats: Vec<What> = match (args.format, args.what) {
        (_, Some(what)) => vec![what],
        (Format::Json, None) => What::value_variants().to_vec(),
        (Format::Csv | Format::Text, None) => vec![What::Correlations],
    };
    let fw = bundle.framework();
    let e = |e: index_core::Error| e.to_string();
    let needs_coherence = whats
        .iter()
        .any(|w| matches!(w, What::Correlations | What::Alpha | What::Weights));
    let c = if needs_coherence {
        Some(coherence::coherence(fw, &results).map_err(e)?)
    } else {
        None
    };
    let mut tables = Vec::new();
    for what in whats {
        let table = match (what, &c) {
            (What::Correlations, Some(c)) => correlations(fw, c),
            (What::Alpha, Some(c)) => alpha(fw, c),
            (What::Weights, Some(c)) => weights(fw, c),
            (What::LeaveOneOut, _) => {
                removals(bundle, &coherence::leave_one_out(fw, &results).map_err(e)?)
            }
            (What::Strengths, _) => strengths(bundle, &results, unit, args.top)?,
            (_, None) => continue, // never: computed when one of its tables is wanted
        };
        tables.push((what, table));
    }
    match args.format {
        Format::Json => {
            let mut doc = serde_json::Map::new();
            doc.insert("bundle".into(), json!(bundle.id()));
            doc.insert("year".into(), json!(results.year()));
            doc.insert("method".into(), json!(results.prepared.method.describe()));
            doc.insert("near_duplicate".into(), json!(coherence::NEAR_DUPLICATE));
            for (what, table) in &tables {
                let key = what
                    .to_possible_value()
                    .map_or_else(String::new, |v| v.get_name().replace('-', "_"));
                doc.insert(key, table.json());
            }
            serde_json::to_writer_pretty(std::io::stdout().lock(), &Value::Object(doc))
                .map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv | Format::Text => {
            for (_, table) in &tables {
                table.write(args.format, args.digits)?;
            }
        }
    }
    Ok(())
}

/// One figure of a table: written rounded to `--digits` in csv and text, in full in JSON.
enum Cell {
    /// Text (an id, a name, a reason: empty when there is none).
    Text(String),
    /// A figure, empty (null) when missing.
    Number(Option<f64>),
    /// A count, a rank or a signed change, empty (null) when missing.
    Integer(Option<i64>),
    /// Ids (`;`-separated in csv and text, an array in JSON).
    List(Vec<String>),
}

impl Cell {
    fn csv(&self, digits: usize) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(x) => round(*x, digits),
            Cell::Integer(i) => i.map(|i| i.to_string()).unwrap_or_default(),
            Cell::List(l) => l.join(";"),
        }
    }
    fn json(&self) -> Value {
        match self {
            Cell::Text(t) if t.is_empty() => Value::Null,
            Cell::Text(t) => json!(t),
            Cell::Number(x) => json!(x),
            Cell::Integer(i) => json!(i),
            Cell::List(l) => json!(l),
        }
    }
}

/// A count as a [`Cell::Integer`].
fn count(n: impl TryInto<i64>) -> Cell {
    Cell::Integer(n.try_into().ok())
}

/// A table: its columns, its rows and a note for stderr (csv and text).
struct Table {
    header: &'static [&'static str],
    rows: Vec<Vec<Cell>>,
    note: Option<String>,
}

impl Table {
    /// Writes the table as csv or text (tab-separated), its note on stderr.
    fn write(&self, format: Format, digits: usize) -> Result<(), String> {
        let mut w = rows_writer(format, std::io::stdout().lock());
        w.write_record(self.header).map_err(|e| e.to_string())?;
        for row in &self.rows {
            w.write_record(row.iter().map(|c| c.csv(digits)))
                .map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
        if let Some(note) = &self.note {
            writeln!(std::io::stderr().lock(), "note: {note}").map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// The rows as JSON objects keyed by the columns.
    fn json(&self) -> Value {
        Value::Array(
            self.rows
                .iter()
                .map(|row| {
                    Value::Object(
                        self.header
                            .iter()
                            .zip(row)
                            .map(|(h, c)| (h.to_string(), c.json()))
                            .collect(),
                    )
                })
                .collect(),
        )
    }
}

/// Node `n`'s id.
fn id(fw: &Framework, n: usize) -> Cell {
    Cell::Text(fw.node(n).map(|s| s.id.clone()).unwrap_or_default())
}

/// Node `n`'s name.
fn name(fw: &Framework, n: usize) -> Cell {
    Cell::Text(fw.node(n).map(|s| s.name.clone()).unwrap_or_default())
}

/// Nodes' ids.
fn ids(fw: &Framework, nodes: &[usize]) -> Cell {
    Cell::List(
        nodes
            .iter()
            .filter_map(|&n| fw.node(n).map(|s| s.id.clone()))
            .collect(),
    )
}

/// Why a figure is missing, in words (empty when it is not).
fn why(undefined: Option<Undefined>) -> Cell {
    Cell::Text(
        undefined
            .map(|u| u.reason().to_string())
            .unwrap_or_default(),
    )
}

fn correlations(fw: &Framework, c: &Coherence) -> Table {
    let rows = c
        .correlations
        .iter()
        .map(|p| {
            vec![
                id(fw, p.a),
                id(fw, p.b),
                Cell::Text(p.relation.name().into()),
                count(p.pearson.n),
                Cell::Number(p.pearson.r),
                Cell::Number(p.spearman.r),
                Cell::List(p.flags.iter().map(|f| f.name().to_string()).collect()),
                why(p.pearson.undefined.or(p.spearman.undefined)),
            ]
        })
        .collect();
    let flagged = c.flagged().count();
    Table {
        header: &[
            "a", "b", "relation", "n", "pearson", "spearman", "flags", "note",
        ],
        rows,
        note: (flagged > 0).then(|| {
            format!(
                "{flagged} pairs flagged (siblings correlated negatively, or |r| > {}: near-duplicates)",
                coherence::NEAR_DUPLICATE
            )
        }),
    }
}

fn alpha(fw: &Framework, c: &Coherence) -> Table {
    let rows = c
        .alphas
        .iter()
        .map(|a| {
            vec![
                id(fw, a.node),
                name(fw, a.node),
                ids(fw, fw.children(a.node)),
                count(a.alpha.k),
                count(a.alpha.n),
                Cell::Number(a.alpha.alpha),
                why(a.alpha.undefined),
            ]
        })
        .collect();
    Table {
        header: &["node", "name", "children", "k", "n", "alpha", "note"],
        rows,
        note: None,
    }
}

fn weights(fw: &Framework, c: &Coherence) -> Table {
    let rows = c
        .weights
        .iter()
        .map(|i| {
            vec![
                id(fw, i.node),
                name(fw, i.node),
                fw.parent(i.node)
                    .map_or(Cell::Text(String::new()), |p| id(fw, p)),
                Cell::Number(Some(i.nominal_share)),
                Cell::Number(Some(i.nominal_overall)),
                Cell::Number(i.with_index.r),
                Cell::Number(i.importance),
                Cell::Number(i.effective_share),
                count(i.with_index.n),
                why(i.with_index.undefined),
            ]
        })
        .collect();
    Table {
        header: &[
            "node",
            "name",
            "parent",
            "nominal_share",
            "nominal_overall",
            "r_index",
            "importance",
            "effective_share",
            "n",
            "note",
        ],
        rows,
        note: None,
    }
}

/// Unit `u`'s code and name.
fn unit(bundle: &Bundle, u: usize) -> [Cell; 2] {
    let unit = bundle.dataset().units().get(u);
    [
        Cell::Text(unit.map(|u| u.code.clone()).unwrap_or_default()),
        Cell::Text(unit.map(|u| u.name.clone()).unwrap_or_default()),
    ]
}

fn removals(bundle: &Bundle, removals: &[Removal]) -> Table {
    let fw = bundle.framework();
    let rows = removals
        .iter()
        .map(|r| {
            let mut row = vec![id(fw, r.node), name(fw, r.node), ids(fw, &r.with)];
            match &r.shift {
                Ok(s) => {
                    let [most_moved, _] = unit(bundle, s.most_moved);
                    row.extend([
                        count(s.compared),
                        count(s.unranked),
                        Cell::Number(Some(s.median)),
                        Cell::Number(Some(s.mean)),
                        count(s.max),
                        most_moved,
                        Cell::Integer(Some(s.most_moved_by)),
                        Cell::Text(String::new()),
                    ]);
                }
                Err(left) => {
                    row.extend([
                        Cell::Integer(None),
                        Cell::Integer(None),
                        Cell::Number(None),
                        Cell::Number(None),
                        Cell::Integer(None),
                        Cell::Text(String::new()),
                        Cell::Integer(None),
                        Cell::Text(left.reason().into()),
                    ]);
                }
            }
            row
        })
        .collect();
    Table {
        header: &[
            "node",
            "name",
            "also_removed",
            "compared",
            "unranked",
            "median_abs_change",
            "mean_abs_change",
            "max_abs_change",
            "most_moved",
            "most_moved_by",
            "note",
        ],
        rows,
        note: None,
    }
}

/// The profiles of `unit`, else of every unit in rank order (ranked first).
fn profiles(
    fw: &Framework,
    results: &Results,
    unit: Option<usize>,
    top: usize,
) -> Result<Vec<Profile>, String> {
    let standings = Standings::new(fw, results).map_err(|e| e.to_string())?;
    unit.map_or_else(|| results.order().to_vec(), |u| vec![u])
        .into_iter()
        .map(|u| standings.profile(u, top).map_err(|e| e.to_string()))
        .collect()
}

fn strengths(
    bundle: &Bundle,
    results: &Results,
    only: Option<usize>,
    top: usize,
) -> Result<Table, String> {
    let fw = bundle.framework();
    let mut rows = Vec::new();
    for p in profiles(fw, results, only, top)? {
        for (kind, list) in [("strength", &p.strengths), ("weakness", &p.weaknesses)] {
            for s in list {
                let mut row: Vec<Cell> = unit(bundle, p.unit).into();
                row.extend([
                    Cell::Integer(results.rank(p.unit).map(i64::from)),
                    Cell::Text(kind.into()),
                    id(fw, s.indicator),
                    name(fw, s.indicator),
                    Cell::Integer(Some(i64::from(s.rank))),
                    count(s.of),
                ]);
                rows.push(row);
            }
        }
    }
    Ok(Table {
        header: &[
            "code",
            "name",
            "rank",
            "kind",
            "indicator",
            "indicator_name",
            "indicator_rank",
            "of",
        ],
        rows,
        note: None,
    })
}
