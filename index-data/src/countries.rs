//! Country identity: everything is keyed by ISO 3166 alpha-3 code, and the one table of
//! countries is UN M49's ([`crate::read::m49`]).
//!
//! A name in a publisher's file is matched
//! 1. exactly against the M49 name;
//! 2. then in a normalised form — accents folded, case, spaces and punctuation dropped, `&` read
//!    as "and" — so that "Cote dIvoire", "Côte d'Ivoire" and M49's "Côte d’Ivoire" agree;
//! 3. then against [`VARIANTS`], the documented list of other names publishers use.
//!
//! A name that still matches nothing is an error naming file, line and name — never dropped —
//! unless it is in [`NOT_COUNTRIES`], the documented list of aggregate rows. Every match of
//! kind 2 or 3 is recorded ([`NameMatch`]) and shown in the data report.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{At, Error, Result};

/// Other names publishers use for M49 countries, with the code they stand for and the files
/// that need them (every one is used by the data in `shared/data`).
///
/// Names are compared in normalised form (see [`normalise`]), so case, accents and punctuation
/// variants of an entry need no entry of their own.
pub const VARIANTS: &[Variant] = &[
    Variant::new("Bolivia", "BOL", "wipo/gii_2025.csv"),
    Variant::new(
        "China, Hong Kong SAR",
        "HKG",
        "unctad/ftri_unctadstat_export, unctad/tir_2023_table1.csv",
    ),
    Variant::new("Hong Kong (China)", "HKG", "wipo/gii_2011_2022.csv"),
    Variant::new(
        "Hong Kong, China",
        "HKG",
        "wipo/gii_2025.csv, unctad/tir_2025_figure3.csv",
    ),
    Variant::new(
        "Congo, Dem. Rep. of the",
        "COD",
        "unctad/ftri_unctadstat_export",
    ),
    Variant::new(
        "Dem. Rep. of the Congo",
        "COD",
        "unctad/tir_2023_table1.csv, unctad/tir_2025_figure3.csv",
    ),
    Variant::new(
        "Czech Republic",
        "CZE",
        "wipo/gii_2011_2022.csv, wipo/gii_2025.csv, jrc/asem_indicators.csv",
    ),
    Variant::new("Iran", "IRN", "wipo/gii_2025.csv"),
    Variant::new("Korea", "KOR", "jrc/asem_indicators.csv"),
    Variant::new("Korea, Republic of", "KOR", "unctad/ftri_unctadstat_export"),
    Variant::new("Korea (Republic of)", "KOR", "unctad/tir_2023_table1.csv"),
    Variant::new("Republic of Korea (the)", "KOR", "wipo/gii_2011_2022.csv"),
    Variant::new("Lao PDR", "LAO", "jrc/asem_indicators.csv"),
    Variant::new(
        "Lao People's Dem. Rep.",
        "LAO",
        "unctad/ftri_unctadstat_export, unctad/tir_2023_table1.csv, \
         unctad/tir_2025_figure3.csv",
    ),
    Variant::new(
        "Moldova, Republic of",
        "MDA",
        "unctad/ftri_unctadstat_export",
    ),
    Variant::new("Republic of Moldova (the)", "MDA", "wipo/gii_2011_2022.csv"),
    Variant::new("Moldova (Republic of)", "MDA", "unctad/tir_2023_table1.csv"),
    Variant::new(
        "Netherlands",
        "NLD",
        "unctad/ftri_unctadstat_export, wipo/gii_2011_2022.csv, wipo/gii_2025.csv, \
         jrc/asem_indicators.csv",
    ),
    // The former Sudan (before South Sudan's independence in 2011): UNCTADstat's row for
    // 2008–2011; its row "Sudan" holds 2012 on. The two rows never give the same year.
    Variant::new("Sudan (...2011)", "SDN", "unctad/ftri_unctadstat_export"),
    // Written with U+201A (single low-9 quotation mark) for its comma in the TIR 2025 figure
    // data; normalising drops it like a comma.
    Variant::new("Palestine, State of", "PSE", "unctad/tir_2025_figure3.csv"),
    Variant::new("Swaziland - Eswatini", "SWZ", "wipo/gii_2011_2022.csv"),
    // UNCTADstat reports Switzerland together with Liechtenstein.
    Variant::new(
        "Switzerland, Liechtenstein",
        "CHE",
        "unctad/ftri_unctadstat_export, unctad/tir_2023_table1.csv",
    ),
    Variant::new(
        "Tanzania, United Republic of",
        "TZA",
        "unctad/ftri_unctadstat_export",
    ),
    Variant::new(
        "United Republic of Tanzania (the)",
        "TZA",
        "wipo/gii_2011_2022.csv",
    ),
    Variant::new(
        "Turkey",
        "TUR",
        "unctad/ftri_unctadstat_export, wipo/gii_2011_2022.csv",
    ),
    Variant::new(
        "United Kingdom",
        "GBR",
        "unctad/ftri_unctadstat_export, wipo/gii_2011_2022.csv, wipo/gii_2025.csv, \
         jrc/asem_indicators.csv, unctad/tir_2023_table1.csv, unctad/tir_2025_figure3.csv",
    ),
    Variant::new("Venezuela", "VEN", "wipo/gii_2025.csv"),
    // The TIR 2025 figure data label Yemen "Yemen‚ Democratic" (UNCTADstat's name for the
    // former Democratic Yemen, 1967–1990); it is the file's only Yemen row and carries a 2025
    // score and GDP figure, so it is today's Yemen.
    Variant::new("Yemen, Democratic", "YEM", "unctad/tir_2025_figure3.csv"),
    Variant::new(
        "Venezuela (Bolivarian Rep. of)",
        "VEN",
        "unctad/ftri_unctadstat_export, unctad/tir_2023_table1.csv",
    ),
    Variant::new(
        "Vietnam",
        "VNM",
        "wipo/gii_2011_2022.csv, jrc/asem_indicators.csv",
    ),
];

/// Names of rows that are aggregates, not countries, in name-keyed files: set apart, never
/// ranked. (The files in `shared/data` keyed by name hold none; these are the group rows an
/// UNCTADstat export carries when its economy selection includes them.)
pub const NOT_COUNTRIES: &[&str] = &[
    "World",
    "Developing economies",
    "Developed economies",
    "Economies in transition",
    "Least developed countries",
    "LDCs",
];

/// Economies that UN M49 does not list, in name-keyed files: set apart, labelled as economies
/// in the report.
pub const NON_M49_NAMES: &[&str] = &["Kosovo"];

/// UNCTADstat's own economy codes that differ from M49's, with the ISO3 code of the M49 country
/// each is read as and the label UNCTADstat gives it. UNCTADstat uses codes of its own for a
/// few economies (M49 itself gives France 250, Norway 578, Switzerland 756, the United States
/// 840 and the United Kingdom 826), and keeps the former Sudan, before South Sudan's
/// independence in 2011, under a code of its own: its row "Sudan" (729) starts in 2012, so the
/// two never give the same year (a year given by both would be refused as a duplicate).
pub const UNCTADSTAT_CODES: &[(&str, &str, &str)] = &[
    ("251", "FRA", "France"),
    ("579", "NOR", "Norway"),
    ("736", "SDN", "Sudan (...2011)"),
    ("757", "CHE", "Switzerland, Liechtenstein"),
    ("842", "USA", "United States of America"),
    ("926", "GBR", "United Kingdom"),
];

/// Economies with an ISO-like code that UN M49 does not list, found in code-keyed files: set
/// apart like aggregates, but labelled as economies in the report.
pub const NON_M49_ECONOMIES: &[(&str, &str)] = &[
    ("XKX", "Kosovo (World Bank code)"),
    ("CHI", "Channel Islands (World Bank code)"),
    (
        "TWN",
        "Taiwan Province of China (jrc/world_denominators.csv)",
    ),
];

/// A name some publisher uses for an M49 country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    /// The name as the publisher writes it.
    pub name: &'static str,
    /// ISO 3166 alpha-3 code it stands for.
    pub code: &'static str,
    /// Which files need it.
    pub files: &'static str,
}

impl Variant {
    const fn new(name: &'static str, code: &'static str, files: &'static str) -> Self {
        Variant { name, code, files }
    }
}

/// The UN's old notion of developed and developing regions (M49, c.2020).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Development {
    /// "Developed" in the M49 file.
    Developed,
    /// "Developing" in the M49 file.
    Developing,
}

/// A country or area of UN M49.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Country {
    /// ISO 3166 alpha-3 code.
    pub code: String,
    /// Name as M49 writes it.
    pub name: String,
    /// M49 numeric code (three digits, as written).
    pub m49: String,
    /// M49 region (e.g. "Africa"); `None` for Antarctica.
    pub region: Option<String>,
    /// M49 sub-region (e.g. "Sub-Saharan Africa").
    pub subregion: Option<String>,
    /// Least developed country.
    pub ldc: bool,
    /// Landlocked developing country.
    pub lldc: bool,
    /// Small island developing State.
    pub sids: bool,
    /// Developed or developing region (c.2020 notion), when given.
    pub development: Option<Development>,
}

/// How a name was matched to a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MatchKind {
    /// Same name after normalisation (accents, case, punctuation).
    Normalised,
    /// Through an entry of [`VARIANTS`].
    Variant,
}

impl fmt::Display for MatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MatchKind::Normalised => "normalised",
            MatchKind::Variant => "variant",
        })
    }
}

/// A name matched other than exactly, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameMatch {
    /// The file.
    pub file: PathBuf,
    /// First line the name is on.
    pub line: u64,
    /// The name as written.
    pub name: String,
    /// The code it was matched to.
    pub code: String,
    /// How.
    pub kind: MatchKind,
    /// Number of rows with this name.
    pub rows: usize,
}

/// A row that is not an M49 country: an aggregate or an area M49 does not list. Kept out of
/// the units, listed in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetApart {
    /// The file.
    pub file: PathBuf,
    /// First line it is on.
    pub line: u64,
    /// Its code, "" in name-keyed files.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Why it was set apart.
    pub reason: String,
}

/// What a name resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An M49 country, with how it was matched (`None`: exactly).
    Country {
        /// ISO3 code.
        code: String,
        /// How, when not exactly.
        kind: Option<MatchKind>,
    },
    /// A known aggregate row ([`NOT_COUNTRIES`]).
    SetApart {
        /// Why.
        reason: &'static str,
    },
}

/// The country table: M49's countries and areas, looked up by code or by name.
#[derive(Debug, Clone)]
pub struct Countries {
    list: Vec<Country>,
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    by_normalised: HashMap<String, usize>,
    by_m49: HashMap<String, usize>,
    variants: HashMap<String, usize>,
}

impl Countries {
    /// The table for `list` (read from `file`), with [`VARIANTS`] attached. A variant whose
    /// code is not in `list` is left out (its name then stays unknown: an error where it is
    /// met, never a silent drop); the real-data tests check that every variant's code is in M49.
    ///
    /// # Errors
    /// [`Error::Format`] for a code given twice, or a variant whose normalised form is another
    /// country's name.
    pub fn new(file: &Path, list: Vec<Country>) -> Result<Self> {
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        let mut by_normalised = HashMap::new();
        let mut by_m49 = HashMap::new();
        for (i, c) in list.iter().enumerate() {
            by_m49.insert(c.m49.clone(), i);
            if by_code.insert(c.code.clone(), i).is_some() {
                return Err(Error::format(
                    file,
                    0,
                    format!("ISO3 code `{}` appears twice", c.code),
                ));
            }
            by_name.insert(c.name.clone(), i);
            by_normalised.entry(normalise(&c.name)).or_insert(i);
        }
        let mut variants = HashMap::new();
        for v in VARIANTS {
            let Some(&i) = by_code.get(v.code) else {
                continue;
            };
            let key = normalise(v.name);
            if by_normalised.get(&key).is_some_and(|j| *j != i) {
                return Err(Error::format(
                    file,
                    0,
                    format!("variant `{}` is another country's M49 name", v.name),
                ));
            }
            variants.insert(key, i);
        }
        Ok(Countries {
            list,
            by_code,
            by_name,
            by_normalised,
            by_m49,
            variants,
        })
    }

    /// Every country, in M49 file order.
    pub fn all(&self) -> &[Country] {
        &self.list
    }

    /// The country with ISO3 `code`.
    pub fn get(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|i| &self.list[*i])
    }

    /// The country with M49 numeric code `m49` (three digits, e.g. `"004"`), or UNCTADstat's own
    /// code for it ([`UNCTADSTAT_CODES`]).
    pub fn by_m49(&self, m49: &str) -> Option<&Country> {
        let m49 = m49.trim();
        let own = UNCTADSTAT_CODES
            .iter()
            .find(|(code, _, _)| *code == m49)
            .and_then(|(_, iso3, _)| self.by_code.get(*iso3));
        own.or_else(|| self.by_m49.get(m49)).map(|i| &self.list[*i])
    }

    /// Matches `name`: exactly, normalised, then by variant; `None` when nothing matches.
    pub fn lookup(&self, name: &str) -> Option<(&Country, Option<MatchKind>)> {
        let name = name.trim();
        if let Some(i) = self.by_name.get(name) {
            return Some((&self.list[*i], None));
        }
        let key = normalise(name);
        if let Some(i) = self.by_normalised.get(&key) {
            return Some((&self.list[*i], Some(MatchKind::Normalised)));
        }
        self.variants
            .get(&key)
            .map(|i| (&self.list[*i], Some(MatchKind::Variant)))
    }

    /// Resolves a name read at `file:line`: a country, or a known aggregate row.
    ///
    /// # Errors
    /// [`Error::UnknownName`] naming the file, line and name.
    pub fn resolve(&self, file: &Path, line: u64, name: &str) -> Result<Resolved> {
        if let Some((c, kind)) = self.lookup(name) {
            return Ok(Resolved::Country {
                code: c.code.clone(),
                kind,
            });
        }
        let key = normalise(name);
        if NOT_COUNTRIES.iter().any(|n| normalise(n) == key) {
            return Ok(Resolved::SetApart {
                reason: "aggregate (listed in countries::NOT_COUNTRIES)",
            });
        }
        if NON_M49_NAMES.iter().any(|n| normalise(n) == key) {
            return Ok(Resolved::SetApart {
                reason: "economy not listed in UN M49",
            });
        }
        Err(Error::UnknownName {
            at: At::new(file, line),
            name: name.to_string(),
        })
    }

    /// Number of least developed countries.
    pub fn ldc_count(&self) -> usize {
        self.list.iter().filter(|c| c.ldc).count()
    }
}

/// The normalised form of a name used for matching: Latin letters with accents folded to
/// ASCII, lower case, with everything but letters and digits dropped and `&` read as "and".
///
/// ```
/// use index_data::countries::normalise;
/// assert_eq!(normalise("Côte d’Ivoire"), "cotedivoire");
/// assert_eq!(normalise("Cote dIvoire"), normalise("CÔTE D'IVOIRE"));
/// assert_eq!(normalise("Trinidad & Tobago"), "trinidadandtobago");
/// ```
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '&' => out.push_str("and"),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            c => {
                if let Some(folded) = fold(c.to_lowercase().next().unwrap_or(c)) {
                    out.push_str(folded);
                }
            }
        }
    }
    out
}

/// ASCII for an accented Latin lower-case letter; `None` for anything else (dropped,
/// including combining accents of decomposed text).
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Countries {
        let c = |code: &str, name: &str| Country {
            code: code.into(),
            name: name.into(),
            m49: "000".into(),
            region: None,
            subregion: None,
            ldc: false,
            lldc: false,
            sids: false,
            development: None,
        };
        let codes: Vec<&str> = VARIANTS.iter().map(|v| v.code).collect();
        let mut list = vec![
            c("CIV", "Côte d’Ivoire"),
            c("TUR", "Türkiye"),
            c("NLD", "Netherlands (Kingdom of the)"),
        ];
        for code in codes {
            if !list.iter().any(|x| x.code == code) {
                list.push(c(code, &format!("Country {code}")));
            }
        }
        Countries::new(Path::new("m49.csv"), list).unwrap()
    }

    #[track_caller]
    fn check(name: &str, expected: Option<(&str, Option<MatchKind>)>) {
        let t = table();
        assert_eq!(
            t.lookup(name).map(|(c, k)| (c.code.as_str(), k)),
            expected,
            "{name}"
        );
    }

    #[test]
    fn matching_stages() {
        check("Côte d’Ivoire", Some(("CIV", None)));
        check("Côte d'Ivoire", Some(("CIV", Some(MatchKind::Normalised))));
        check("Cote dIvoire", Some(("CIV", Some(MatchKind::Normalised))));
        check(
            "C\u{f4}te D'IVOIRE ",
            Some(("CIV", Some(MatchKind::Normalised))),
        );
        check("Turkey", Some(("TUR", Some(MatchKind::Variant))));
        check("TURKIYE", Some(("TUR", Some(MatchKind::Normalised))));
        check("Netherlands", Some(("NLD", Some(MatchKind::Variant))));
        check("Atlantis", None);
    }

    #[test]
    fn unknown_names_are_errors_and_aggregates_are_set_apart() {
        let t = table();
        let e = t
            .resolve(Path::new("x.csv"), 7, "Atlantis")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("x.csv:7: unknown country or area `Atlantis`"),
            "{e}"
        );
        assert!(matches!(
            t.resolve(Path::new("x.csv"), 8, "WORLD"),
            Ok(Resolved::SetApart { .. })
        ));
    }

    #[test]
    fn a_variant_for_a_missing_code_stays_unknown() {
        let t = Countries::new(Path::new("m49.csv"), vec![]).unwrap();
        assert!(t.resolve(Path::new("x.csv"), 3, "Turkey").is_err());
    }
}
