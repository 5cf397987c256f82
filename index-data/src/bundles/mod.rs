//! Assembling bundles: one module per bundle says which files it reads and how their series
//! become the dataset's indicators; this module holds what they share — the cache of files
//! read once per run (`Inputs`), the sources and notes every bundle carries, the groups every
//! unit gets, and `Assembly`, which turns units, indicators and values into a validated
//! [`Bundle`] and its [`Report`].

pub mod asem;
pub mod bli;
pub mod ftri;
pub mod gii;
pub mod hdi;
pub mod pci;
pub mod tech;
pub mod unctad_long;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use index_core::builtin::BuiltinIndex;
use index_core::bundle::{Bundle, BundleParts, Reference};
use index_core::dataset::{DatasetBuilder, Direction, Group, Indicator, Source, Unit};
use index_core::framework::Framework;
use index_core::method::{Method, MethodSpec};
use index_core::pipeline;

use crate::countries::{Countries, Development, NameMatch, SetApart};
use crate::error::{Error, Result};
use crate::read::jrc::IncomeGroups;
use crate::read::undp::HdrFile;
use crate::read::worldbank::WdiFile;
use crate::read::{self, Table};
use crate::report::Report;
use crate::short_names::{self, ShortNames};
use crate::Built;

/// The UN M49 file.
pub const M49: &str = "un/m49_countries.csv";
/// The UNDP HDR file.
pub const HDR: &str = "undp/hdr_2023_24_components_1990_2022.csv";
/// The JRC/COINr file with World Bank income groups.
pub const INCOME: &str = "jrc/world_denominators.csv";
/// The World Bank GDP per capita, PPP file (every bundle's `gdppc_ppp`, the income measure of
/// the over-performer analysis, except where a bundle has the publisher's own figures).
pub const GDPPC_PPP: &str = "NY.GDP.PCAP.PP.CD";
/// UNCTAD's TIR 2025 figure data: UNCTAD's country groups (and the FTRI 2025 edition).
pub const TIR2025: &str = "unctad/tir_2025_figure3.csv";
/// UNCTAD's TIR 2023 table 1: UNCTAD's developed economies as of 2023 (an inverted flag).
pub const TIR2023: &str = "unctad/tir_2023_table1.csv";
/// The UNDP columns read (le, eys, mys, gnipc).
const HDR_PREFIXES: &[&str] = &["le", "eys", "mys", "gnipc"];

/// Path of a WDI file relative to the data directory.
pub fn wdi_path(code: &str) -> String {
    format!("worldbank/{code}.csv")
}

/// Files every bundle reads (countries, UNCTAD's groups, HDI groups, income groups).
pub fn common_inputs() -> Vec<String> {
    vec![
        M49.to_string(),
        TIR2025.to_string(),
        TIR2023.to_string(),
        HDR.to_string(),
        INCOME.to_string(),
    ]
}

/// The files bundle `id` reads, relative to the data directory (`None` for an unknown id).
pub fn inputs(id: &str) -> Option<Vec<String>> {
    let own: Vec<String> = match id {
        "ftri" => vec![ftri::SPEC.file.into(), wdi_path(GDPPC_PPP)],
        "ftri-2021" => vec![ftri::SPEC_2021.file.into(), wdi_path(GDPPC_PPP)],
        "ftri-2025" => vec![],
        "tech" => [tech::inputs(), vec![wdi_path(GDPPC_PPP)]].concat(),
        "hdi" => vec![wdi_path(GDPPC_PPP)],
        "pci" => vec![pci::FILE.into(), wdi_path(GDPPC_PPP)],
        "gii" => vec![gii::FILE_2025.into(), wdi_path(GDPPC_PPP)],
        "gii-panel" => vec![gii::FILE_PANEL.into(), wdi_path(GDPPC_PPP)],
        "asem" => vec![
            asem::FRAMEWORK.into(),
            asem::DATA.into(),
            wdi_path(GDPPC_PPP),
        ],
        "bli" => vec![bli::FILE.into(), wdi_path(GDPPC_PPP)],
        _ => return None,
    };
    let mut all = common_inputs();
    all.extend(own);
    Some(all)
}

/// Builds bundle `id` from the files under `inputs`.
pub(crate) fn build(inputs: &mut Inputs<'_>, id: &str) -> Result<Built> {
    match id {
        "ftri" => ftri::build(inputs),
        "ftri-2021" => ftri::build_2021(inputs),
        "ftri-2025" => ftri::build_2025(inputs),
        "tech" => tech::build(inputs),
        "hdi" => hdi::build(inputs),
        "pci" => pci::build(inputs),
        "gii" => gii::build_2025(inputs),
        "gii-panel" => gii::build_panel(inputs),
        "asem" => asem::build(inputs),
        "bli" => bli::build(inputs),
        _ => Err(crate::unknown_bundle(id)),
    }
}

/// The files of one run, each read at most once and shared between bundles.
#[derive(Debug)]
pub(crate) struct Inputs<'a> {
    dir: &'a Path,
    countries: Option<Rc<Countries>>,
    hdr: Option<Rc<HdrFile>>,
    income: Option<Rc<IncomeGroups>>,
    tir2025: Option<Rc<read::unctad::Tir2025>>,
    unctad: Option<Rc<UnctadGroups>>,
    short_names: Option<Rc<ShortNames>>,
    wdi: HashMap<String, Rc<WdiFile>>,
}

impl<'a> Inputs<'a> {
    /// Nothing read yet from `dir`.
    pub fn new(dir: &'a Path) -> Self {
        Inputs {
            dir,
            countries: None,
            hdr: None,
            income: None,
            tir2025: None,
            unctad: None,
            short_names: None,
            wdi: HashMap::new(),
        }
    }

    /// `rel` under the data directory.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// The M49 country table.
    pub fn countries(&mut self) -> Result<Rc<Countries>> {
        if let Some(c) = &self.countries {
            return Ok(Rc::clone(c));
        }
        let c = Rc::new(read::m49::read(&self.path(M49))?);
        self.countries = Some(Rc::clone(&c));
        Ok(c)
    }

    /// The countries' common short names (Debian's iso-codes list, [`crate::short_names`]).
    pub fn short_names(&mut self) -> Result<Rc<ShortNames>> {
        if let Some(s) = &self.short_names {
            return Ok(Rc::clone(s));
        }
        let s = Rc::new(ShortNames::read(&short_names::iso_codes_file())?);
        self.short_names = Some(Rc::clone(&s));
        Ok(s)
    }

    /// The UNDP file (le, eys, mys, gnipc and HDI groups).
    pub fn hdr(&mut self) -> Result<Rc<HdrFile>> {
        if let Some(h) = &self.hdr {
            return Ok(Rc::clone(h));
        }
        let countries = self.countries()?;
        let h = Rc::new(read::undp::read(&self.path(HDR), &countries, HDR_PREFIXES)?);
        self.hdr = Some(Rc::clone(&h));
        Ok(h)
    }

    /// World Bank income groups.
    pub fn income(&mut self) -> Result<Rc<IncomeGroups>> {
        if let Some(i) = &self.income {
            return Ok(Rc::clone(i));
        }
        let countries = self.countries()?;
        let i = Rc::new(read::jrc::read_income_groups(
            &self.path(INCOME),
            &countries,
        )?);
        self.income = Some(Rc::clone(&i));
        Ok(i)
    }

    /// UNCTAD's TIR 2025 figure data (the `ftri-2025` edition and UNCTAD's groups).
    pub fn tir2025(&mut self) -> Result<Rc<read::unctad::Tir2025>> {
        if let Some(t) = &self.tir2025 {
            return Ok(Rc::clone(t));
        }
        let countries = self.countries()?;
        let t = Rc::new(read::unctad::read_tir2025(&self.path(TIR2025), &countries)?);
        self.tir2025 = Some(Rc::clone(&t));
        Ok(t)
    }

    /// UNCTAD's country groups (TIR 2025 figure data, completed by TIR 2023's table 1).
    pub fn unctad(&mut self) -> Result<Rc<UnctadGroups>> {
        if let Some(u) = &self.unctad {
            return Ok(Rc::clone(u));
        }
        let countries = self.countries()?;
        let tir2025 = self.tir2025()?;
        let (_, tir2023) = read::unctad::read_tir2023_groups(&self.path(TIR2023), &countries)?;
        let u = Rc::new(UnctadGroups::new(&countries, &tir2025, &tir2023));
        self.unctad = Some(Rc::clone(&u));
        Ok(u)
    }

    /// The WDI file for indicator `code`.
    pub fn wdi(&mut self, code: &str) -> Result<Rc<WdiFile>> {
        if let Some(w) = self.wdi.get(code) {
            return Ok(Rc::clone(w));
        }
        let countries = self.countries()?;
        let w = Rc::new(read::worldbank::read(
            &self.path(&wdi_path(code)),
            &countries,
        )?);
        if w.code != code {
            return Err(Error::format(
                &w.table.file,
                w.table.header_line + 1,
                format!("the file holds indicator `{}`, not `{code}`", w.code),
            ));
        }
        self.wdi.insert(code.to_string(), Rc::clone(&w));
        Ok(w)
    }
}

/// Notes every bundle carries.
pub const NOTE_DEVELOPED: &str = "“Developed economies” and “other developing economies” are \
     UNCTAD's classification as in its Technology and Innovation Report 2025 (e.g. the Republic \
     of Korea, Israel and Japan developed; Singapore and Türkiye developing), with LDCs taken \
     from the UN's list: an economy on the UN's LDC list is an LDC and not “other developing” \
     even where UNCTAD's figure data label it developing. UN M49's old notion of developed and \
     developing regions (c.2020), which UNCTAD's classification follows except for the \
     Republic of Korea (developed for UNCTAD, developing in M49), stays available as \
     “developed-m49” and “developing-m49”.";
/// Where the groups come from.
pub const NOTE_GROUPS: &str = "Groups: LDC, LLDC and SIDS membership and M49 regions from UN \
     M49 (flags as of 2025); developed and other developing economies from UNCTAD's TIR 2025 \
     figure data (TIR 2023's table 1 for economies it does not list); HDI groups (hdi:…) from \
     UNDP's HDR 2023/24 file; income groups (income:…) are the World Bank classification as \
     compiled for the JRC's COINr package.";

/// UNCTAD's classification of economies, as the groups `developed` and `developing` (other
/// developing economies: developing and not on the UN's LDC list) use it.
#[derive(Debug, Clone, Default)]
pub struct UnctadGroups {
    /// `true` for UNCTAD's developed economies, `false` for its developing ones (LDCs
    /// included), by ISO3 code.
    pub developed: BTreeMap<String, bool>,
    /// Economies whose UNCTAD label disagrees with the UN's LDC list, for the report:
    /// `(code, UNCTAD's label, on the UN's list)`.
    pub ldc_disagreements: Vec<(String, read::unctad::UnctadGroup, bool)>,
    /// Economies classified from TIR 2023's table 1 (absent from the TIR 2025 figure data).
    pub from_2023: Vec<String>,
}

impl UnctadGroups {
    /// The classification: TIR 2025's groups where it lists the economy, else TIR 2023's
    /// developed flag.
    pub fn new(
        countries: &Countries,
        tir2025: &read::unctad::Tir2025,
        tir2023: &BTreeMap<String, bool>,
    ) -> Self {
        use read::unctad::UnctadGroup;
        let mut out = UnctadGroups::default();
        for (code, g) in &tir2025.groups {
            out.developed
                .insert(code.clone(), *g == UnctadGroup::Developed);
            let on_list = countries.get(code).is_some_and(|c| c.ldc);
            if on_list != (*g == UnctadGroup::LeastDeveloped) {
                out.ldc_disagreements.push((code.clone(), *g, on_list));
            }
        }
        for (code, developed) in tir2023 {
            if !out.developed.contains_key(code) {
                out.developed.insert(code.clone(), *developed);
                out.from_2023.push(code.clone());
            }
        }
        out
    }
}

/// The source of a WDI file.
pub fn wdi_source(w: &WdiFile) -> Source {
    Source {
        id: format!("wdi:{}", w.code),
        publisher: "World Bank".into(),
        title: format!("World Development Indicators: {}", w.name),
        edition: format!("WDI, last updated {}", w.last_updated),
        licence: "CC BY 4.0".into(),
        url: format!("https://data.worldbank.org/indicator/{}", w.code),
    }
}

/// The UNDP source.
pub fn hdro_source() -> Source {
    Source {
        id: "hdro".into(),
        publisher: "UNDP Human Development Report Office".into(),
        title: "Human Development Report 2023/24: composite indices time series (components)"
            .into(),
        edition: "HDR 2023/24".into(),
        licence: "HDRO open data, with attribution".into(),
        url: "https://hdr.undp.org/data-center/documentation-and-downloads".into(),
    }
}

/// How the default year is chosen.
#[derive(Debug, Clone, Copy)]
pub(crate) enum DefaultYear {
    /// This year.
    Fixed(i32),
    /// The latest year in which at least half the units get an index score under the default
    /// method (see [`tech`]).
    HalfScored,
}

/// A bundle being put together: units, years, indicators with their values, and what the
/// report needs.
#[derive(Debug)]
pub(crate) struct Assembly {
    id: &'static str,
    years: Vec<i32>,
    units: BTreeSet<String>,
    sources: Vec<Source>,
    indicators: Vec<Indicator>,
    values: Vec<(usize, String, i32, f64)>,
    set_apart: Vec<SetApart>,
    matches: Vec<NameMatch>,
    inputs: Vec<PathBuf>,
    extra_groups: BTreeMap<String, Vec<Group>>,
    notes: Vec<String>,
    gdp_per_capita: Option<String>,
}

/// What [`Assembly::finish`] needs besides the data.
#[derive(Debug)]
pub(crate) struct Meta {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Framework.
    pub framework: Framework,
    /// Default method.
    pub method: Method,
    /// Default year.
    pub default_year: DefaultYear,
    /// Default groups.
    pub default_groups: [&'static str; 2],
    /// Published score to compare with.
    pub reference: Option<Reference>,
}

impl Meta {
    /// Title, description, framework and method of a built-in index; default groups LDC and
    /// developed; no reference.
    pub fn from_builtin(b: BuiltinIndex, default_year: DefaultYear) -> Self {
        Meta {
            title: b.title.into(),
            description: b.description.into(),
            framework: b.framework,
            method: b.method,
            default_year,
            default_groups: ["LDC", "developed"],
            reference: None,
        }
    }
}

impl Assembly {
    /// A bundle `id` over `units` (ISO3 codes) and `years`, reading `inputs` (relative paths).
    pub fn new(
        id: &'static str,
        units: BTreeSet<String>,
        years: Vec<i32>,
        inputs: &Inputs<'_>,
        files: &[String],
    ) -> Self {
        Assembly {
            id,
            years,
            units,
            sources: Vec::new(),
            indicators: Vec::new(),
            values: Vec::new(),
            set_apart: Vec::new(),
            matches: Vec::new(),
            inputs: files.iter().map(|f| inputs.path(f)).collect(),
            extra_groups: BTreeMap::new(),
            notes: Vec::new(),
            gdp_per_capita: None,
        }
    }

    /// Adds a source (once per id).
    pub fn source(&mut self, s: Source) {
        if !self.sources.iter().any(|x| x.id == s.id) {
            self.sources.push(s);
        }
    }

    /// Adds a note.
    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// Keeps `table`'s rows set apart and non-exact name matches for the report.
    pub fn absorb(&mut self, table: &Table) {
        self.set_apart.extend(table.set_apart.iter().cloned());
        self.matches.extend(table.matches.iter().cloned());
    }

    /// Adds groups of the bundle's own (e.g. ASEM's group columns) to unit `code`.
    pub fn extra_group(&mut self, code: &str, group: Group) {
        self.extra_groups
            .entry(code.to_string())
            .or_default()
            .push(group);
    }

    /// Adds an indicator with `values` `(code, year, value)`; values of other units or years
    /// are left out.
    pub fn indicator<'v>(
        &mut self,
        indicator: Indicator,
        values: impl IntoIterator<Item = (&'v str, i32, f64)>,
    ) {
        let i = self.indicators.len();
        self.indicators.push(indicator);
        let (units, years) = (&self.units, &self.years);
        self.values.extend(
            values
                .into_iter()
                .filter(|(c, y, _)| units.contains(*c) && years.contains(y))
                .map(|(c, y, v)| (i, c.to_string(), y, v)),
        );
    }

    /// Adds the series `series` of `table`, multiplied by `scale`, as `indicator`.
    ///
    /// # Errors
    /// [`Error::Format`] when the table has no such series.
    pub fn add_series(
        &mut self,
        table: &Table,
        series: &str,
        indicator: Indicator,
        scale: f64,
    ) -> Result<()> {
        table.require_series(series)?;
        let values: Vec<(&str, i32, f64)> = table
            .series(series)
            .map(|(c, y, v)| (c, y, v * scale))
            .collect();
        self.indicator(indicator, values);
        Ok(())
    }

    /// Adds `gdppc_ppp` (World Bank GDP per capita, PPP, current international $: the bundle's
    /// income measure) for the bundle's years. (Bundles once carried the current-US$ series
    /// too; nothing read it, and it was a quarter of the default view's data.)
    ///
    /// # Errors
    /// Those of reading the WDI file.
    pub fn gdppc(&mut self, inputs: &mut Inputs<'_>) -> Result<()> {
        self.wdi_series(
            inputs,
            GDPPC_PPP,
            "gdppc_ppp",
            "GDP per capita, PPP",
            "current international $",
        )?;
        self.gdp_per_capita = Some("gdppc_ppp".into());
        Ok(())
    }

    /// Adds the WDI series `code` as indicator `id`.
    fn wdi_series(
        &mut self,
        inputs: &mut Inputs<'_>,
        code: &str,
        id: &str,
        name: &str,
        unit: &str,
    ) -> Result<()> {
        let w = inputs.wdi(code)?;
        let source = wdi_source(&w);
        let ind = Indicator {
            id: id.into(),
            name: name.into(),
            unit: unit.into(),
            direction: Direction::Higher,
            source: source.id.clone(),
        };
        self.source(source);
        let values: Vec<(&str, i32, f64)> = w.table.series(code).collect();
        self.indicator(ind, values);
        Ok(())
    }

    /// Names the indicator holding the bundle's GDP per capita (the income measure of the
    /// over-performer analysis), when it is not the World Bank's ([`Assembly::gdppc`]).
    pub fn income_measure(&mut self, id: &str) {
        self.gdp_per_capita = Some(id.into());
    }

    /// The groups of every unit and the groups themselves (only those with members), in a
    /// fixed order: UN status, UNCTAD's developed and other developing economies, M49
    /// development, regions, sub-regions, HDI, income, the bundle's own.
    fn groups(
        &self,
        countries: &Countries,
        unctad: &UnctadGroups,
        hdr: &HdrFile,
        income: &IncomeGroups,
        shorts: &ShortNames,
    ) -> Result<(Vec<Unit>, Vec<Group>)> {
        let mut defs: BTreeMap<(u8, String), Group> = BTreeMap::new();
        let mut units = Vec::with_capacity(self.units.len());
        for code in &self.units {
            let c = countries.get(code).ok_or_else(|| Error::Bundle {
                bundle: self.id.into(),
                problem: format!("unit `{code}` is not in UN M49"),
            })?;
            let mut mine: Vec<(u8, String, Group)> = Vec::new();
            let mut add = |rank: u8, order: String, id: String, name: String, family: &str| {
                mine.push((
                    rank,
                    order,
                    Group {
                        id,
                        name,
                        family: family.into(),
                    },
                ));
            };
            if c.ldc {
                add(
                    0,
                    String::new(),
                    "LDC".into(),
                    "Least developed countries (LDCs)".into(),
                    "un-ldc",
                );
            }
            if c.lldc {
                add(
                    1,
                    String::new(),
                    "LLDC".into(),
                    "Landlocked developing countries (LLDCs)".into(),
                    "un-lldc",
                );
            }
            if c.sids {
                add(
                    2,
                    String::new(),
                    "SIDS".into(),
                    "Small island developing States (SIDS)".into(),
                    "un-sids",
                );
            }
            match unctad.developed.get(code) {
                Some(true) => add(
                    3,
                    "a".into(),
                    "developed".into(),
                    "Developed economies (UNCTAD)".into(),
                    "unctad-development",
                ),
                Some(false) if !c.ldc => add(
                    3,
                    "b".into(),
                    "developing".into(),
                    "Other developing economies (UNCTAD; LDCs apart)".into(),
                    "unctad-development",
                ),
                _ => {}
            }
            match c.development {
                Some(Development::Developed) => add(
                    4,
                    "a".into(),
                    "developed-m49".into(),
                    "Developed regions (UN M49, c.2020 notion)".into(),
                    "m49-development",
                ),
                Some(Development::Developing) => add(
                    4,
                    "b".into(),
                    "developing-m49".into(),
                    "Developing regions (UN M49, c.2020 notion)".into(),
                    "m49-development",
                ),
                None => {}
            }
            if let Some(r) = &c.region {
                add(5, r.clone(), format!("region:{r}"), r.clone(), "m49-region");
            }
            if let Some(s) = &c.subregion {
                add(
                    6,
                    s.clone(),
                    format!("subregion:{s}"),
                    s.clone(),
                    "m49-subregion",
                );
            }
            if let Some(h) = hdr.hdi_groups.get(code) {
                add(
                    7,
                    format!("{}", *h as u8),
                    format!("hdi:{h}"),
                    format!("{h} human development (UNDP HDR 2023/24)"),
                    "undp-hdi",
                );
            }
            if let Some(g) = income.groups.get(code) {
                add(
                    8,
                    income_order(g),
                    format!("income:{g}"),
                    format!("{g} (World Bank income group)"),
                    "wb-income",
                );
            }
            for g in self.extra_groups.get(code).into_iter().flatten() {
                add(9, g.id.clone(), g.id.clone(), g.name.clone(), &g.family);
            }
            let ids = mine.iter().map(|(_, _, g)| g.id.clone()).collect();
            for (rank, order, g) in mine {
                defs.entry((rank, format!("{order}\u{0}{}", g.id)))
                    .or_insert(g);
            }
            units.push(Unit {
                short: shorts.short_for(code, &c.name),
                code: code.clone(),
                name: c.name.clone(),
                groups: ids,
            });
        }
        Ok((units, defs.into_values().collect()))
    }

    /// Builds the dataset, checks it against the framework and method, chooses the default
    /// year, validates the bundle and writes its report.
    ///
    /// # Errors
    /// [`Error::Engine`] for anything the engine rejects; [`Error::Bundle`] when no year
    /// qualifies as default.
    pub fn finish(mut self, inputs: &mut Inputs<'_>, meta: Meta) -> Result<Built> {
        let countries = inputs.countries()?;
        let hdr = inputs.hdr()?;
        let income = inputs.income()?;
        let unctad = inputs.unctad()?;
        self.notes.push(NOTE_DEVELOPED.into());
        self.notes.push(NOTE_GROUPS.into());
        let shorts = inputs.short_names()?;
        let (units, groups) = self.groups(&countries, &unctad, &hdr, &income, &shorts)?;
        if let Some(note) = ldc_note(&countries, &unctad, &self.units) {
            self.notes.push(note);
        }
        let bundle_id = self.id;
        let err = Error::engine(bundle_id);
        let mut b = DatasetBuilder::new(
            units,
            self.indicators.clone(),
            self.sources.clone(),
            groups,
            self.years.clone(),
        )
        .map_err(Error::engine(bundle_id))?;
        for (i, code, year, v) in &self.values {
            let id = &self.indicators[*i].id;
            b.set(code, id, *year, *v)
                .map_err(Error::engine(bundle_id))?;
        }
        let dataset = b.build();
        pipeline::check_binding(&dataset, &meta.framework).map_err(Error::engine(bundle_id))?;
        let default_year = match meta.default_year {
            DefaultYear::Fixed(y) => y,
            DefaultYear::HalfScored => {
                // The latest year that stands on its own data: at least half the units scored
                // from values published that year (carrying forward would otherwise always
                // pick the newest, almost empty year).
                let strict = Method::new(MethodSpec {
                    carry_forward: 0,
                    ..meta.method.spec().clone()
                })
                .map_err(Error::engine(bundle_id))?;
                let own = half_scored_year(&dataset, &meta.framework, &strict)
                    .map_err(Error::engine(bundle_id))?
                    .ok_or_else(|| Error::Bundle {
                        bundle: bundle_id.into(),
                        problem: "no year in which half the units get a score from that \
                                  year's values"
                            .into(),
                    })?;
                let with = pipeline::run(
                    &dataset,
                    &meta.framework,
                    &meta.method,
                    &meta.framework.weights(),
                    own.year,
                )
                .map_err(Error::engine(bundle_id))?;
                self.notes.push(format!(
                    "Default year {}: the latest year in which at least half the units ({} of \
                     {}) get an index score from values published that year. Under the default \
                     method, which carries values up to {} years old forward, {} units are \
                     scored in {}, and {} of the values used are from earlier years (the app \
                     shows each value's year). Later years have too few new values to stand \
                     on their own.",
                    own.year,
                    own.scored,
                    dataset.units().len(),
                    meta.method.carry_forward(),
                    with.ranked(),
                    own.year,
                    with.prepared.raw.carried_forward(),
                ));
                own.year
            }
        };
        if let Some(gdppc) = self
            .gdp_per_capita
            .as_deref()
            .and_then(|id| dataset.indicator_position(id))
        {
            let (have, all) = (dataset.coverage(gdppc, default_year), dataset.units().len());
            if 5 * have < 4 * all {
                self.notes.push(format!(
                    "GDP per capita, PPP is available for {have} of the {all} \
                     units in {default_year}: recent years are filled in over later releases."
                ));
            }
        }
        for g in meta.default_groups {
            if !(0..dataset.units().len()).any(|u| dataset.in_group(u, g)) {
                return Err(Error::Bundle {
                    bundle: bundle_id.into(),
                    problem: format!("default group `{g}` has no members among the units"),
                });
            }
        }
        let parts = BundleParts {
            id: bundle_id.into(),
            title: meta.title,
            description: meta.description,
            notes: self.notes,
            dataset,
            framework: meta.framework,
            method: meta.method,
            default_year,
            default_groups: meta.default_groups.map(String::from),
            reference: meta.reference,
            gdp_per_capita: self.gdp_per_capita,
        };
        let bundle = Bundle::new(parts).map_err(err)?;
        let mut set_apart = self.set_apart;
        set_apart.sort_by(|a, b| (&a.code, &a.name).cmp(&(&b.code, &b.name)));
        // One entry per code (per name in name-keyed files): WDI files of different releases
        // name some aggregates differently.
        set_apart.dedup_by(|a, b| {
            if a.code.is_empty() {
                a.name == b.name
            } else {
                a.code == b.code
            }
        });
        let report = Report::new(&bundle, set_apart, self.matches, self.inputs);
        Ok(Built { bundle, report })
    }
}

/// The note naming the bundle's units whose UNCTAD label disagrees with the UN's LDC list
/// (`None` when none does).
fn ldc_note(
    countries: &Countries,
    unctad: &UnctadGroups,
    units: &BTreeSet<String>,
) -> Option<String> {
    let names = |on_list: bool| -> Vec<String> {
        unctad
            .ldc_disagreements
            .iter()
            .filter(|(code, _, l)| *l == on_list && units.contains(code))
            .filter_map(|(code, _, _)| countries.get(code).map(|c| c.name.clone()))
            .collect()
    };
    let (labelled_developing, labelled_ldc) = (names(true), names(false));
    if labelled_developing.is_empty() && labelled_ldc.is_empty() {
        return None;
    }
    let mut note = String::from(
        "UNCTAD's TIR 2025 figure data and the UN's list of LDCs (M49, 2025) disagree on a few \
         economies; the groups here follow the UN's list.",
    );
    if !labelled_developing.is_empty() {
        note.push_str(&format!(
            " Labelled developing by UNCTAD but on the UN's list (here: LDCs): {}.",
            labelled_developing.join(", ")
        ));
    }
    if !labelled_ldc.is_empty() {
        note.push_str(&format!(
            " Labelled an LDC by UNCTAD but not on the UN's list (here: other developing \
             economies): {}.",
            labelled_ldc.join(", ")
        ));
    }
    Some(note)
}

/// Orders World Bank income groups from high to low.
fn income_order(g: &str) -> String {
    let rank = [
        "High income",
        "Upper middle income",
        "Lower middle income",
        "Low income",
    ]
    .iter()
    .position(|x| *x == g)
    .unwrap_or(9);
    format!("{rank}{g}")
}

/// A year in which at least half the units get a score ([`half_scored_year`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfScored {
    /// The year.
    pub year: i32,
    /// Units with an index score.
    pub scored: usize,
    /// Framework values used (after carrying forward).
    pub values: usize,
    /// Of which carried forward from an earlier year.
    pub carried: usize,
}

/// The latest year in which at least half the dataset's units get an index score under
/// `method` (with the framework's weights).
///
/// # Errors
/// The engine's, for a method or framework that does not fit the dataset.
pub fn half_scored_year(
    dataset: &index_core::dataset::Dataset,
    framework: &Framework,
    method: &Method,
) -> index_core::Result<Option<HalfScored>> {
    let weights = framework.weights();
    let n = dataset.units().len();
    for &year in dataset.years().iter().rev() {
        let r = pipeline::run(dataset, framework, method, &weights, year)?;
        if r.ranked() * 2 >= n && n > 0 {
            let raw = &r.prepared.raw.values;
            let values = (0..raw.cols())
                .map(|c| raw.column(c).filter(Option::is_some).count())
                .sum();
            return Ok(Some(HalfScored {
                year,
                scored: r.ranked(),
                values,
                carried: r.prepared.raw.carried_forward(),
            }));
        }
    }
    Ok(None)
}

/// The dataset indicator for a built-in index's expected indicator `id`, from `source`.
///
/// # Errors
/// [`Error::Bundle`] when the built-in has no indicator `id`.
pub fn builtin_indicator(b: &BuiltinIndex, id: &str, source: &str) -> Result<Indicator> {
    let e = b
        .indicators
        .iter()
        .find(|i| i.id == id)
        .ok_or_else(|| Error::Bundle {
            bundle: b.id.into(),
            problem: format!("the built-in framework has no indicator `{id}`"),
        })?;
    Ok(Indicator {
        id: e.id.into(),
        name: e.name.into(),
        unit: e.unit.into(),
        direction: e.direction,
        source: source.into(),
    })
}

/// Checks that every leaf of a built-in framework is mapped by `map` (`(series, id)` pairs).
///
/// # Errors
/// [`Error::Bundle`] naming a leaf no series maps to.
pub fn check_mapping(b: &BuiltinIndex, map: &[(&str, &str)]) -> Result<()> {
    for i in &b.indicators {
        if !map.iter().any(|(_, id)| *id == i.id) {
            return Err(Error::Bundle {
                bundle: b.id.into(),
                problem: format!("no input series for framework indicator `{}`", i.id),
            });
        }
    }
    Ok(())
}
