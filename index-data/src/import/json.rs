//! This app's own JSON files: a bundle (what `index import --out` and the app's export write)
//! or a scenario file (one scenario or a collection, as the explorer exports them), read by
//! index-core's readers with their bounds — a bundle is validated by `Bundle::new` (within the
//! 64 MiB of any imported file), a scenario file is at most `scenario::MAX_FILE_BYTES` (1 MiB)
//! and brought to today's format by `Scenario::upgrade`.
//!
//! Told apart by their top-level keys, read once without building the document
//! (`dataset` and `framework`: a bundle; `bundle` or `scenarios`: a scenario file).

use index_core::bundle::{Bundle, BundleParts};
use index_core::framework::{Framework, NodeSpec};
use index_core::scenario::{self, Scenario};
use serde::de::IgnoredAny;
use serde::Deserialize;

use super::checks::{Place, Problem, Problems};
use super::InputFile;

/// Whether `bytes` look like JSON: the first byte that is not white space (after a UTF-8
/// byte-order mark) is `{`.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// What a JSON file of this app holds.
#[derive(Debug, Clone)]
pub enum JsonFile {
    /// A whole bundle: data, framework and method.
    Bundle(Box<Bundle>),
    /// One scenario or several: a view on a bundle, applied to the data imported with it.
    Scenarios(Vec<Scenario>),
}

/// The top-level keys that say what a file is, the values skipped unread.
#[derive(Deserialize)]
struct Keys {
    dataset: Option<IgnoredAny>,
    framework: Option<IgnoredAny>,
    bundle: Option<IgnoredAny>,
    scenarios: Option<IgnoredAny>,
}

/// Reads `file` as a bundle or scenario JSON.
///
/// # Errors
/// [`Problem::Unreadable`] naming the file (and the reader's line and column) for text that is
/// not UTF-8, not JSON, or a bundle or scenario file the engine refuses; [`Problem::NoLayout`]
/// for JSON that is neither.
pub fn read(file: &InputFile<'_>) -> Result<JsonFile, Problem> {
    let unreadable = |reason: String| Problem::Unreadable {
        place: Place::file(file.name),
        reason,
    };
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(file.bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "a JSON file must be UTF-8 text (byte {} is not)",
            e.valid_up_to() + 1
        ))
    })?;
    let keys: Keys =
        serde_json::from_str(text).map_err(|e| unreadable(format!("not a JSON object: {e}")))?;
    if keys.dataset.is_some() && keys.framework.is_some() {
        let bundle = Bundle::from_json(text)
            .map_err(|e| unreadable(format!("not a bundle this app reads: {e}")))?;
        Ok(JsonFile::Bundle(Box::new(bundle)))
    } else if keys.bundle.is_some() || keys.scenarios.is_some() {
        if bytes.len() as u64 > scenario::MAX_FILE_BYTES {
            return Err(unreadable(format!(
                "a scenario file larger than {} KiB",
                scenario::MAX_FILE_BYTES >> 10
            )));
        }
        let all = Scenario::many_from_json(text)
            .map_err(|e| unreadable(format!("not a scenario file this app reads: {e}")))?;
        Ok(JsonFile::Scenarios(all))
    } else {
        Err(Problem::NoLayout {
            place: Place::file(file.name),
            reason: "JSON, but neither a bundle (`dataset`, `framework`) nor a scenario file \
                     (`bundle` or `scenarios`) of this app"
                .into(),
        })
    }
}

/// Applies `scenario` (read from `file`) to `bundle`: its year, weights, method and groups
/// become the bundle's defaults. A scenario made on another bundle is applied all the same
/// (the person gave it with this data) and says so; each part that does not fit (an unknown
/// weight, a year without data) is listed and the bundle's own stays, as when the explorer
/// opens a link.
///
/// # Errors
/// [`Problem::Engine`] if the engine refuses the result (it cannot for what resolved).
pub fn apply(
    bundle: Bundle,
    file: &str,
    scenario: &Scenario,
    problems: &mut Problems,
) -> Result<Bundle, Problem> {
    let mut s = scenario.clone();
    if s.bundle != bundle.id() {
        problems.push(Problem::ScenarioPart {
            place: Place::file(file),
            reason: format!(
                "made on bundle `{}`, applied to the data imported (`{}`)",
                s.bundle,
                bundle.id()
            ),
        });
        s.bundle = bundle.id().to_string();
    }
    let (resolved, errors) = s.resolve_lenient(&bundle);
    for e in errors {
        problems.push(Problem::ScenarioPart {
            place: Place::file(file),
            reason: format!("{e}: the data's own kept"),
        });
    }
    let engine = |e: index_core::Error| Problem::Engine {
        reason: e.to_string(),
    };
    let mut parts = BundleParts::from(bundle);
    let nodes: Vec<NodeSpec> = parts
        .framework
        .nodes()
        .iter()
        .zip(resolved.weights.as_slice())
        .map(|(n, &weight)| NodeSpec {
            weight,
            ..n.clone()
        })
        .collect();
    parts.framework = Framework::new(nodes).map_err(engine)?;
    parts.method = resolved.method.clone();
    parts.default_year = resolved.year;
    if let [a, b, ..] = resolved.groups.as_slice() {
        parts.default_groups = [a.clone(), b.clone()];
    }
    Bundle::new(parts).map_err(engine)
}
