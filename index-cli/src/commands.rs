//! The subcommands. Each returns `Err(message)` for the person at the terminal.

use std::path::Path;

use index_core::builtin;
use index_core::bundle::Bundle;
use index_core::error::excerpt;
use index_core::framework::Framework;
use index_core::groups::{self, GroupComparison, GroupsComparison};
use index_core::method::NormaliseOver;
use index_core::pipeline;
use index_core::scenario::{Resolved, Scenario};

use crate::output;
use crate::{Format, Selection};

/// A bundle and the scenario resolved against it.
pub struct Job {
    /// The bundle.
    pub bundle: Bundle,
    /// Year, weights, method and groups.
    pub resolved: Resolved,
}

impl Job {
    /// The resolved scenario scored on the bundle ([`Resolved::run`]).
    pub fn run(&self) -> Result<pipeline::Results, String> {
        self.resolved.run(&self.bundle).map_err(|e| e.to_string())
    }
}

/// The largest scenario file read, as in the app ([`index_core::scenario::MAX_FILE_BYTES`]).
pub const SCENARIO_LIMIT: u64 = index_core::scenario::MAX_FILE_BYTES;
/// The largest bundle file read (the largest bundle built is a few MiB).
pub const BUNDLE_LIMIT: u64 = 64 << 20;

/// Reads `path` as UTF-8 text of at most `limit` bytes (so that `/dev/stdin` or `/dev/zero`
/// cannot fill the memory), without a leading byte-order mark (as browsers read files).
pub fn read_file(path: &Path, what: &'static str, limit: u64) -> Result<String, String> {
    let bytes = index_data::read::read_bounded(path, limit, what).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{} is not UTF-8 text: {e}", path.display()))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Loads the scenario file (if any) and the bundle, and resolves one against the other.
pub fn load(data_dir: &Path, sel: &Selection) -> Result<Job, String> {
    let mut scenario = match &sel.scenario {
        None => Scenario::default(),
        Some(path) => read_scenario(path, sel.scenario_name.as_deref())?,
    };
    let bundle = load_bundle(data_dir, &which_bundle(sel.bundle.as_deref(), [&scenario])?)?;
    if sel.bundle.is_some() && !scenario.bundle.is_empty() && scenario.bundle != bundle.id() {
        return Err(format!(
            "the scenario is for bundle `{}`, but --bundle gives `{}`",
            excerpt(&scenario.bundle),
            bundle.id()
        ));
    }
    if let Some(y) = sel.year {
        scenario.year = Some(y);
    }
    if sel.normalise_across_years {
        scenario.method.normalise_over = Some(NormaliseOver::AllYears);
    }
    let resolved = scenario.resolve(&bundle).map_err(|e| e.to_string())?;
    Ok(Job { bundle, resolved })
}

/// The bundle to load: `given` (`--bundle`), else the first bundle one of `scenarios` names.
pub fn which_bundle<'a>(
    given: Option<&str>,
    scenarios: impl IntoIterator<Item = &'a Scenario>,
) -> Result<String, String> {
    given
        .map(str::to_string)
        .or_else(|| {
            scenarios
                .into_iter()
                .map(|s| s.bundle.clone())
                .find(|b| !b.is_empty())
        })
        .ok_or_else(|| {
            format!(
                "say which bundle: --bundle <{}> or a bundle JSON file",
                index_data::BUNDLES.join("|")
            )
        })
}

/// Reads the scenario file at `path` (at most [`SCENARIO_LIMIT`] bytes) and, of the scenarios it
/// holds, the one named `name` (without a name, its only one).
pub fn read_scenario(path: &Path, name: Option<&str>) -> Result<Scenario, String> {
    let text = read_file(path, "scenario file", SCENARIO_LIMIT)?;
    let all = Scenario::many_from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    pick(all, name, path)
}

fn pick(all: Vec<Scenario>, name: Option<&str>, path: &Path) -> Result<Scenario, String> {
    let names = || {
        all.iter()
            .map(|s| format!("`{}`", excerpt(&s.name)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match name {
        Some(n) => all.iter().find(|s| s.name == n).cloned().ok_or_else(|| {
            format!(
                "{} has no scenario named `{}` (it has {})",
                path.display(),
                excerpt(n),
                names()
            )
        }),
        None if all.len() == 1 => Ok(all.into_iter().next().unwrap_or_default()),
        None => Err(format!(
            "{} holds {} scenarios ({}): choose one with --scenario-name",
            path.display(),
            all.len(),
            names()
        )),
    }
}

/// A bundle by id (built from the publishers' files, exactly as `index data build` does) or
/// from a bundle JSON file.
pub fn load_bundle(data_dir: &Path, which: &str) -> Result<Bundle, String> {
    let path = Path::new(which);
    if which.ends_with(".json") || path.is_file() {
        return Bundle::from_json(&read_file(path, "bundle file", BUNDLE_LIMIT)?)
            .map_err(|e| format!("{}: {e}", path.display()));
    }
    index_data::build(data_dir, which)
        .map(|b| b.bundle)
        .map_err(|e| e.to_string())
}

/// `years` of `bundle` scored under the resolved scenario `r`, prepared together (normalising
/// over all years pools the years once, [`pipeline::prepare_years`]).
pub fn score_years(
    bundle: &Bundle,
    r: &Resolved,
    years: &[i32],
) -> Result<Vec<pipeline::Results>, String> {
    let (ds, fw) = (bundle.dataset(), bundle.framework());
    pipeline::prepare_years(ds, fw, &r.method, years)
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|p| {
            std::sync::Arc::new(p)
                .score(fw, &r.weights)
                .map_err(|e| e.to_string())
        })
        .collect()
}

/// `index rank`: the scenario's year, or with `all_years` every year with data (only `unit`'s
/// rows when given).
pub fn rank(
    data_dir: &Path,
    sel: &Selection,
    all_years: bool,
    unit: Option<&str>,
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let job = load(data_dir, sel)?;
    let unit = match unit {
        None => None,
        Some(code) => Some(job.bundle.dataset().unit_position(code).ok_or_else(|| {
            format!(
                "bundle `{}` has no unit `{}`",
                job.bundle.id(),
                excerpt(code)
            )
        })?),
    };
    if !all_years && unit.is_none() {
        return output::ranking(&job.bundle, &job.run()?, format, digits);
    }
    let years = if all_years {
        job.bundle.years_with_data()
    } else {
        vec![job.resolved.year]
    };
    let results = score_years(&job.bundle, &job.resolved, &years)?;
    output::ranking_years(&job.bundle, &results, unit, format, digits)
}

/// `index performers`.
pub fn performers(data_dir: &Path, sel: &Selection, format: Format) -> Result<(), String> {
    let job = load(data_dir, sel)?;
    let table =
        index_core::performers::performers(&job.bundle, &job.run()?).map_err(|e| e.to_string())?;
    output::performers(&job.bundle, &table, format)
}

/// `index gaps`.
pub fn gaps(
    data_dir: &Path,
    sel: &Selection,
    groups: Option<&str>,
    all_years: bool,
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let job = load(data_dir, sel)?;
    let b = &job.bundle;
    let r = &job.resolved;
    let ids: Vec<String> = match groups {
        Some(text) => text.split(',').map(|g| g.trim().to_string()).collect(),
        None => r.groups.to_vec(),
    };
    if ids.len() < 2 || ids.iter().any(String::is_empty) {
        return Err(format!(
            "--groups takes two or more group ids separated by commas, got `{}`",
            excerpt(groups.unwrap_or_default())
        ));
    }
    for id in &ids {
        if b.dataset().group(id).is_none() {
            let known: Vec<&str> = b.dataset().groups().iter().map(|g| g.id.as_str()).collect();
            return Err(format!(
                "bundle `{}` has no group `{}`; it has: {}",
                b.id(),
                excerpt(id),
                known.join(", ")
            ));
        }
    }
    let years = if all_years {
        b.years_with_data()
    } else {
        vec![r.year]
    };
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut two: Vec<GroupComparison> = Vec::new();
    let mut many: Vec<GroupsComparison> = Vec::new();
    for results in score_years(b, r, &years)? {
        match ids.as_slice() {
            [a, g] => two.push(
                groups::compare(b.dataset(), b.framework(), &results, a, g)
                    .map_err(|e| e.to_string())?,
            ),
            _ => many.push(
                groups::compare_groups(b.dataset(), b.framework(), &results, &ids)
                    .map_err(|e| e.to_string())?,
            ),
        }
    }
    if many.is_empty() {
        output::gaps(b, &two, format, digits)
    } else {
        output::gaps_many(&many, format, digits)
    }
}

fn print_tree(framework: &Framework) -> Result<(), String> {
    let mut stack = vec![(framework.root(), 0usize)];
    while let Some((n, depth)) = stack.pop() {
        if let Some(spec) = framework.node(n) {
            let kind = if framework.children(n).is_empty() {
                "indicator"
            } else {
                "aggregate"
            };
            outln!(
                "  {}{} — {} (weight {}, {kind})",
                "  ".repeat(depth),
                spec.id,
                spec.name,
                index_core::scenario::short_number(spec.weight)
            );
        }
        for c in framework.children(n).iter().rev() {
            stack.push((*c, depth + 1));
        }
    }
    Ok(())
}

/// `index compare`.
pub fn compare(
    data_dir: &Path,
    files: &[std::path::PathBuf],
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let mut scenarios = Vec::new();
    for path in files {
        let text = read_file(path, "scenario file", SCENARIO_LIMIT)?;
        let all =
            Scenario::many_from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        for (i, s) in all.into_iter().enumerate() {
            let label = if s.name.is_empty() {
                format!(
                    "{}#{}",
                    path.file_stem()
                        .and_then(|n| n.to_str())
                        .unwrap_or("scenario"),
                    i + 1
                )
            } else {
                s.name.clone()
            };
            scenarios.push((label, s));
        }
    }
    if scenarios.len() < 2 {
        return Err(format!(
            "compare needs two or more scenarios, the files hold {}",
            scenarios.len()
        ));
    }
    let bundle_id = scenarios[0].1.bundle.clone();
    if bundle_id.is_empty() {
        return Err(format!(
            "scenario `{}` does not say which bundle it is for",
            scenarios[0].0
        ));
    }
    if let Some((label, s)) = scenarios.iter().find(|(_, s)| s.bundle != bundle_id) {
        return Err(format!(
            "scenario `{label}` is for bundle `{}`, not `{bundle_id}`: ranks of different bundles do not compare",
            s.bundle
        ));
    }
    let bundle = load_bundle(data_dir, &bundle_id)?;
    let mut runs = Vec::new();
    for (label, s) in &scenarios {
        let r = s
            .resolve(&bundle)
            .map_err(|e| format!("scenario `{label}`: {e}"))?;
        let results = r
            .run(&bundle)
            .map_err(|e| format!("scenario `{label}`: {e}"))?;
        let (a, b) = r.pair();
        let gap = groups::compare(bundle.dataset(), bundle.framework(), &results, a, b)
            .map_err(|e| format!("scenario `{label}`: {e}"))?;
        runs.push((label.clone(), results, gap));
    }
    output::comparison(&bundle, &runs, format, digits)
}

/// `index frameworks`.
pub fn frameworks(data_dir: &Path) -> Result<(), String> {
    for b in builtin::all().map_err(|e| e.to_string())? {
        outln!("{} — {}", b.id, b.title);
        outln!("  {}", b.description);
        outln!("  method: {}", b.method.describe());
        print_tree(&b.framework)?;
        outln!();
    }
    match index_data::build(data_dir, "asem") {
        Ok(asem) => {
            let b = asem.bundle;
            outln!("asem — {} (read from the JRC framework file)", b.title());
            outln!("  method: {}", b.method().describe());
            print_tree(b.framework())?;
        }
        Err(e) => outln!(
            "asem — the JRC ASEM framework could not be read from {}: {e}",
            data_dir.display()
        ),
    }
    Ok(())
}

/// `index data build`.
pub fn data_build(data_dir: &Path, atlas: &Path, out: &Path, force: bool) -> Result<(), String> {
    let summary =
        index_data::write_bundles(data_dir, atlas, out, force).map_err(|e| e.to_string())?;
    outln!("{}", summary.to_string().trim_end());
    Ok(())
}

/// `index data report`.
pub fn data_report(data_dir: &Path, bundle: Option<&str>) -> Result<(), String> {
    let built = match bundle {
        Some(id) => vec![index_data::build(data_dir, id).map_err(|e| e.to_string())?],
        None => index_data::build_all(data_dir).map_err(|e| e.to_string())?,
    };
    for b in built {
        outln!("{}", b.report);
    }
    Ok(())
}
