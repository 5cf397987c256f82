//! `hdi`: UNDP's Human Development Index computed by the engine from its four components in
//! the HDR 2023/24 file (`le`, `eys`, `mys`, `gnipc`, 1990–2022). The HDI itself is not in the
//! file and is not added: the engine computes it, and the tests check it against UNDP's
//! published values.
//!
//! The built-in method requires every component (`min_child_share` 1), as UNDP gives no HDI
//! to a country missing one.

use index_core::builtin;

use super::{builtin_indicator, hdro_source, Assembly, DefaultYear, Inputs, Meta};
use crate::error::{Error, Result};
use crate::Built;

/// Builds the bundle.
pub(crate) fn build(inputs: &mut Inputs<'_>) -> Result<Built> {
    let b = builtin::hdi().map_err(Error::engine("hdi"))?;
    let hdr = inputs.hdr()?;
    let years: Vec<i32> = hdr.table.years().into_iter().collect();
    let last = years.last().copied().unwrap_or(0);
    let files = super::inputs("hdi").unwrap_or_default();
    let mut a = Assembly::new("hdi", hdr.table.units.clone(), years, inputs, &files);
    let src = hdro_source();
    a.source(src.clone());
    a.absorb(&hdr.table);
    for id in ["le", "eys", "mys", "gnipc"] {
        a.add_series(&hdr.table, id, builtin_indicator(&b, id, &src.id)?, 1.0)?;
    }
    a.gdppc(inputs)?;
    a.note(
        "The HDI is computed here from its four components with the HDR goalposts; UNDP's \
         published HDI values are not in the data. Computed this way it matches UNDP's \
         published HDI to three decimals.",
    );
    a.note(
        "UNDP computes the HDI only for countries with all four components; so does the \
         default method here (every child required at every level), which leaves out e.g. \
         Monaco and the Democratic People's Republic of Korea. Lower the required share of \
         children to score them on what they have.",
    );
    a.finish(inputs, Meta::from_builtin(b, DefaultYear::Fixed(last)))
}
