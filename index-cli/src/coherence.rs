//! `index coherence`: the index's own health as the JRC audits it ([`index_core::coherence`]) —
//! correlations and their flags, Cronbach's α, effective against nominal weight, leave one out,
//! strengths and weaknesses — one table per `--what` in CSV and text, every table in JSON.

use std::io::Write as _;
use std::path::Path;

use clap::ValueEnum;
use index_core::bundle::Bundle;
use index_core::coherence::{
    self, Coherence, Correlation, Profile, Removal, Standing, Standings, Undefined,
};
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
    let fw = bundle.framework();
    let unit = match &args.unit {
        None => None,
        Some(code) => Some(unit_position(bundle, code)?),
    };
    let e = |e: index_core::Error| e.to_string();
    match args.format {
        Format::Json => {
            let wanted = |w: What| args.what.is_none_or(|a| a == w);
            let mut doc = serde_json::Map::new();
            doc.insert("bundle".into(), json!(bundle.id()));
            doc.insert("year".into(), json!(results.year()));
            doc.insert("method".into(), json!(results.prepared.method.describe()));
            let needs_coherence =
                wanted(What::Correlations) || wanted(What::Alpha) || wanted(What::Weights);
            if needs_coherence {
                let c = coherence::coherence(fw, &results).map_err(e)?;
                if wanted(What::Correlations) {
                    doc.insert("near_duplicate".into(), json!(coherence::NEAR_DUPLICATE));
                    doc.insert("correlations".into(), correlations_json(fw, &c));
                }
                if wanted(What::Alpha) {
                    doc.insert("alpha".into(), alpha_json(fw, &c));
                }
                if wanted(What::Weights) {
                    doc.insert("weights".into(), weights_json(fw, &c));
                }
            }
            if wanted(What::LeaveOneOut) {
                let removals = coherence::leave_one_out(fw, &results).map_err(e)?;
                doc.insert(
                    "leave_one_out".into(),
                    Value::Array(removals.iter().map(|r| removal_json(bundle, r)).collect()),
                );
            }
            if wanted(What::Strengths) {
                let rows = strengths(bundle, &results, unit, args.top)?;
                doc.insert("strengths".into(), Value::Array(rows));
            }
            serde_json::to_writer_pretty(std::io::stdout().lock(), &Value::Object(doc))
                .map_err(|e| e.to_string())?;
            outln!();
            Ok(())
        }
        Format::Csv | Format::Text => {
            let table = match args.what.unwrap_or(What::Correlations) {
                What::Correlations => {
                    let c = coherence::coherence(fw, &results).map_err(e)?;
                    correlations_table(fw, &c, args.digits)
                }
                What::Alpha => {
                    let c = coherence::coherence(fw, &results).map_err(e)?;
                    alpha_table(fw, &c, args.digits)
                }
                What::Weights => {
                    let c = coherence::coherence(fw, &results).map_err(e)?;
                    weights_table(fw, &c, args.digits)
                }
                What::LeaveOneOut => {
                    let removals = coherence::leave_one_out(fw, &results).map_err(e)?;
                    removals_table(bundle, &removals, args.digits)
                }
                What::Strengths => strengths_table(bundle, &results, unit, args.top)?,
            };
            write_table(args.format, &table)
        }
    }
}

/// A table: its header and rows, and a note for stderr.
struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    note: Option<String>,
}

/// Writes `table` as csv or text (tab-separated), its note on stderr.
fn write_table(format: Format, table: &Table) -> Result<(), String> {
    let mut w = rows_writer(format, std::io::stdout().lock());
    w.write_record(&table.header).map_err(|e| e.to_string())?;
    for row in &table.rows {
        w.write_record(row).map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())?;
    if let Some(note) = &table.note {
        writeln!(std::io::stderr().lock(), "note: {note}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Node `n`'s id.
fn id(fw: &Framework, n: usize) -> String {
    fw.node(n).map(|s| s.id.clone()).unwrap_or_default()
}

/// Node `n`'s name.
fn name(fw: &Framework, n: usize) -> String {
    fw.node(n).map(|s| s.name.clone()).unwrap_or_default()
}

/// Why a figure is missing, in words (empty when it is not).
fn why(undefined: Option<Undefined>) -> String {
    undefined
        .map(|u| u.reason().to_string())
        .unwrap_or_default()
}

fn correlations_table(fw: &Framework, c: &Coherence, digits: usize) -> Table {
    let rows = c
        .correlations
        .iter()
        .map(|p| {
            vec![
                id(fw, p.a),
                id(fw, p.b),
                p.relation.name().to_string(),
                p.pearson.n.to_string(),
                round(p.pearson.r, digits),
                round(p.spearman.r, digits),
                flags(&p.flags),
                why(p.pearson.undefined.or(p.spearman.undefined)),
            ]
        })
        .collect();
    let flagged = c.flagged().count();
    Table {
        header: vec![
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

fn flags(flags: &[coherence::Flag]) -> String {
    flags.iter().map(|f| f.name()).collect::<Vec<_>>().join(";")
}

fn correlation_json(c: &Correlation) -> Value {
    json!({ "r": c.r, "n": c.n, "note": c.undefined.map(Undefined::reason) })
}

fn correlations_json(fw: &Framework, c: &Coherence) -> Value {
    Value::Array(
        c.correlations
            .iter()
            .map(|p| {
                json!({
                    "a": id(fw, p.a),
                    "b": id(fw, p.b),
                    "relation": p.relation.name(),
                    "pearson": correlation_json(&p.pearson),
                    "spearman": correlation_json(&p.spearman),
                    "flags": p.flags.iter().map(|f| f.name()).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

fn children(fw: &Framework, node: usize) -> String {
    fw.children(node)
        .iter()
        .map(|&c| id(fw, c))
        .collect::<Vec<_>>()
        .join(";")
}

fn alpha_table(fw: &Framework, c: &Coherence, digits: usize) -> Table {
    let rows = c
        .alphas
        .iter()
        .map(|a| {
            vec![
                id(fw, a.node),
                name(fw, a.node),
                children(fw, a.node),
                a.alpha.k.to_string(),
                a.alpha.n.to_string(),
                round(a.alpha.alpha, digits),
                why(a.alpha.undefined),
            ]
        })
        .collect();
    Table {
        header: vec!["node", "name", "children", "k", "n", "alpha", "note"],
        rows,
        note: None,
    }
}

fn alpha_json(fw: &Framework, c: &Coherence) -> Value {
    Value::Array(
        c.alphas
            .iter()
            .map(|a| {
                json!({
                    "node": id(fw, a.node),
                    "name": name(fw, a.node),
                    "children": fw.children(a.node).iter().map(|&c| id(fw, c)).collect::<Vec<_>>(),
                    "k": a.alpha.k,
                    "n": a.alpha.n,
                    "alpha": a.alpha.alpha,
                    "note": a.alpha.undefined.map(Undefined::reason),
                })
            })
            .collect(),
    )
}

fn parent(fw: &Framework, node: usize) -> String {
    fw.parent(node).map(|p| id(fw, p)).unwrap_or_default()
}

fn weights_table(fw: &Framework, c: &Coherence, digits: usize) -> Table {
    let rows = c
        .weights
        .iter()
        .map(|i| {
            vec![
                id(fw, i.node),
                name(fw, i.node),
                parent(fw, i.node),
                round(Some(i.nominal_share), digits),
                round(Some(i.nominal_overall), digits),
                round(i.with_index.r, digits),
                round(i.importance, digits),
                round(i.effective_share, digits),
                i.with_index.n.to_string(),
                why(i.with_index.undefined),
            ]
        })
        .collect();
    Table {
        header: vec![
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

fn weights_json(fw: &Framework, c: &Coherence) -> Value {
    Value::Array(
        c.weights
            .iter()
            .map(|i| {
                json!({
                    "node": id(fw, i.node),
                    "name": name(fw, i.node),
                    "parent": parent(fw, i.node),
                    "nominal_share": i.nominal_share,
                    "nominal_overall": i.nominal_overall,
                    "with_index": correlation_json(&i.with_index),
                    "importance": i.importance,
                    "effective_share": i.effective_share,
                })
            })
            .collect(),
    )
}

/// Unit `u`'s code.
fn code(bundle: &Bundle, u: usize) -> String {
    bundle
        .dataset()
        .units()
        .get(u)
        .map(|u| u.code.clone())
        .unwrap_or_default()
}

fn removals_table(bundle: &Bundle, removals: &[Removal], digits: usize) -> Table {
    let fw = bundle.framework();
    let rows = removals
        .iter()
        .map(|r| {
            let with = r
                .with
                .iter()
                .map(|&n| id(fw, n))
                .collect::<Vec<_>>()
                .join(";");
            let mut row = vec![id(fw, r.node), name(fw, r.node), with];
            match &r.shift {
                Ok(s) => row.extend([
                    s.compared.to_string(),
                    s.unranked.to_string(),
                    round(Some(s.median), digits),
                    round(Some(s.mean), digits),
                    s.max.to_string(),
                    code(bundle, s.most_moved),
                    format!("{:+}", s.most_moved_by),
                    String::new(),
                ]),
                Err(left) => {
                    row.extend(std::iter::repeat_n(String::new(), 7));
                    row.push(left.reason().to_string());
                }
            }
            row
        })
        .collect();
    Table {
        header: vec![
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

fn removal_json(bundle: &Bundle, r: &Removal) -> Value {
    let fw = bundle.framework();
    let shift = match &r.shift {
        Ok(s) => json!({
            "compared": s.compared,
            "unranked": s.unranked,
            "median_abs_change": s.median,
            "mean_abs_change": s.mean,
            "max_abs_change": s.max,
            "most_moved": code(bundle, s.most_moved),
            "most_moved_by": s.most_moved_by,
        }),
        Err(left) => json!({ "note": left.reason() }),
    };
    json!({
        "node": id(fw, r.node),
        "name": name(fw, r.node),
        "also_removed": r.with.iter().map(|&n| id(fw, n)).collect::<Vec<_>>(),
        "shift": shift,
    })
}

/// The profiles of `unit`, else of every unit in rank order (ranked first).
fn profiles(
    fw: &Framework,
    results: &Results,
    unit: Option<usize>,
    top: usize,
) -> Result<Vec<Profile>, String> {
    let standings = Standings::new(fw, results).map_err(|e| e.to_string())?;
    unit.map_or_else(|| results.order(), |u| vec![u])
        .into_iter()
        .map(|u| standings.profile(u, top).map_err(|e| e.to_string()))
        .collect()
}

/// Unit `u`'s name.
fn unit_name(bundle: &Bundle, u: usize) -> String {
    bundle
        .dataset()
        .units()
        .get(u)
        .map(|u| u.name.clone())
        .unwrap_or_default()
}

fn strengths(
    bundle: &Bundle,
    results: &Results,
    unit: Option<usize>,
    top: usize,
) -> Result<Vec<Value>, String> {
    let fw = bundle.framework();
    let list = |l: &[Standing]| -> Vec<Value> {
        l.iter()
            .map(|s| {
                json!({
                    "indicator": id(fw, s.indicator),
                    "name": name(fw, s.indicator),
                    "rank": s.rank,
                    "of": s.of,
                })
            })
            .collect()
    };
    Ok(profiles(fw, results, unit, top)?
        .iter()
        .map(|p| {
            json!({
                "code": code(bundle, p.unit),
                "name": unit_name(bundle, p.unit),
                "rank": results.rank(p.unit),
                "strengths": list(&p.strengths),
                "weaknesses": list(&p.weaknesses),
            })
        })
        .collect())
}

fn strengths_table(
    bundle: &Bundle,
    results: &Results,
    unit: Option<usize>,
    top: usize,
) -> Result<Table, String> {
    let fw = bundle.framework();
    let mut rows = Vec::new();
    for p in profiles(fw, results, unit, top)? {
        let u = p.unit;
        for (kind, list) in [("strength", &p.strengths), ("weakness", &p.weaknesses)] {
            for s in list {
                rows.push(vec![
                    code(bundle, u),
                    unit_name(bundle, u),
                    results.rank(u).map(|r| r.to_string()).unwrap_or_default(),
                    kind.to_string(),
                    id(fw, s.indicator),
                    name(fw, s.indicator),
                    s.rank.to_string(),
                    s.of.to_string(),
                ]);
            }
        }
    }
    Ok(Table {
        header: vec![
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
