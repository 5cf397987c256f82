//! The UNCTAD indices re-weighted from their published components in a long UNCTADstat file
//! (`ftri`, `ftri-2021`, `pci`): one assembly, described by a [`Spec`] each.

use index_core::builtin::BuiltinIndex;
use index_core::bundle::Reference;
use index_core::dataset::{Direction, Indicator, Source};
use std::path::Path;

use super::{check_mapping, Assembly, DefaultYear, Inputs, Meta};
use crate::countries::Countries;
use crate::error::{Error, Result};
use crate::read::Table;
use crate::Built;

/// What differs between the UNCTAD long-file bundles.
pub struct Spec {
    /// Bundle id.
    pub bundle: &'static str,
    /// Title, naming the edition.
    pub title: &'static str,
    /// The long UNCTADstat file.
    pub file: &'static str,
    /// Its reader ([`crate::read::unctad`]).
    pub read: fn(&Path, &Countries) -> Result<Table>,
    /// Columns of the file (trimmed) → framework indicator ids.
    pub columns: &'static [(&'static str, &'static str)],
    /// UNCTAD's published overall score column.
    pub published_column: &'static str,
    /// Dataset indicator id for the published score.
    pub published_id: &'static str,
    /// Its name.
    pub published_name: &'static str,
    /// Its unit.
    pub published_unit: &'static str,
    /// Label of the reference.
    pub published_label: &'static str,
    /// Why the re-weighted index differs from UNCTAD's score.
    pub note: &'static str,
    /// The source.
    pub source: fn() -> Source,
    /// The built-in framework and method.
    pub builtin: fn() -> index_core::Result<BuiltinIndex>,
}

/// Builds the bundle `spec` describes: the components as framework indicators, the published
/// score as the reference, GDP per capita, the latest year as default.
pub(crate) fn build(inputs: &mut Inputs<'_>, spec: &Spec) -> Result<Built> {
    let b = (spec.builtin)().map_err(Error::engine(spec.bundle))?;
    check_mapping(&b, spec.columns)?;
    let countries = inputs.countries()?;
    let table = (spec.read)(&inputs.path(spec.file), &countries)?;
    let years: Vec<i32> = table.years().into_iter().collect();
    let last = years.last().copied().unwrap_or(0);
    let files = super::inputs(spec.bundle).unwrap_or_default();
    let mut a = Assembly::new(spec.bundle, table.units.clone(), years, inputs, &files);
    let src = (spec.source)();
    a.source(src.clone());
    a.absorb(&table);
    for (column, id) in spec.columns {
        a.add_series(
            &table,
            column,
            super::builtin_indicator(&b, id, &src.id)?,
            1.0,
        )?;
    }
    a.add_series(
        &table,
        spec.published_column,
        Indicator {
            id: spec.published_id.into(),
            name: spec.published_name.into(),
            unit: spec.published_unit.into(),
            direction: Direction::Higher,
            source: src.id.clone(),
        },
        1.0,
    )?;
    a.gdppc(inputs)?;
    a.note(spec.note);
    let mut meta = Meta::from_builtin(b, DefaultYear::Fixed(last));
    meta.title = spec.title.into();
    meta.reference = Some(Reference {
        indicator: spec.published_id.into(),
        label: spec.published_label.into(),
        note: spec.note.into(),
    });
    a.finish(inputs, meta)
}
