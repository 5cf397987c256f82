//! Common short names of countries ("United States", "Bolivia"), from a maintained list:
//! Debian's `iso-codes` package (ISO 3166-1 as kept by the Debian iso-codes team, LGPL-2.1),
//! its `json/iso_3166-1.json`, installed by `scripts/setup.sh` (`apt-get install iso-codes`).
//!
//! Each entry of that file has `alpha_3`, `name` (ISO's short name, sometimes inverted:
//! "Korea, Republic of"), and for some a `common_name` ("South Korea") and an
//! `official_name`. The short name of a country is its `common_name` when there is one, else
//! its `name` when that is not an inverted form (no comma), else none. A bundle keeps the
//! publisher's name (M49's official form) as the unit's `name`, and carries the short name
//! beside it only where it differs ([`ShortNames::short_for`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::countries::normalise;
use crate::error::{Error, Result};

/// Where Debian's `iso-codes` puts the ISO 3166-1 list.
pub const ISO_CODES_FILE: &str = "/usr/share/iso-codes/json/iso_3166-1.json";

/// The list's path: `$INDEX_ISO_CODES` if set, else [`ISO_CODES_FILE`].
pub fn iso_codes_file() -> PathBuf {
    std::env::var_os("INDEX_ISO_CODES").map_or_else(|| PathBuf::from(ISO_CODES_FILE), PathBuf::from)
}

/// Each country's short name by ISO3 code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShortNames(HashMap<String, String>);

/// The iso-codes ISO 3166-1 list as read (also by [`crate::names`]).
#[derive(Deserialize)]
pub(crate) struct File {
    #[serde(rename = "3166-1")]
    pub(crate) countries: Vec<Entry>,
}

/// One country of the list.
#[derive(Deserialize)]
pub(crate) struct Entry {
    pub(crate) alpha_3: String,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) common_name: Option<String>,
}

impl ShortNames {
    /// Reads the list at `path`.
    ///
    /// # Errors
    /// [`Error::ShortNames`] when the file cannot be read (saying how to install it) or is
    /// not the iso-codes JSON.
    pub fn read(path: &Path) -> Result<ShortNames> {
        let bytes = std::fs::read(path).map_err(|e| Error::ShortNames {
            path: path.to_path_buf(),
            problem: format!(
                "{e}: the short country names come from Debian's iso-codes package, which \
                 `scripts/setup.sh` installs (or give the file with INDEX_ISO_CODES)"
            ),
        })?;
        Self::parse(path, &bytes)
    }

    /// The list from its JSON text (`path` names it in errors).
    ///
    /// # Errors
    /// [`Error::ShortNames`] naming `path` when the text is not the iso-codes JSON.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<ShortNames> {
        let file: File = serde_json::from_slice(bytes).map_err(|e| Error::ShortNames {
            path: path.to_path_buf(),
            problem: format!("not the iso-codes ISO 3166-1 list ({e})"),
        })?;
        Ok(ShortNames(
            file.countries
                .into_iter()
                .filter_map(|e| {
                    let short = match e.common_name {
                        Some(c) => c,
                        None if !e.name.contains(',') => e.name,
                        None => return None,
                    };
                    Some((e.alpha_3, short.trim().to_string()))
                })
                .collect(),
        ))
    }

    /// The short name of country `code`, when it differs from `name` (the publisher's) by more
    /// than case, accents or punctuation ([`normalise`]: "Côte d'Ivoire" is M49's
    /// "Côte d’Ivoire").
    pub fn short_for(&self, code: &str, name: &str) -> Option<String> {
        self.0
            .get(code)
            .filter(|s| !s.is_empty() && normalise(s) != normalise(name))
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{"3166-1": [
        {"alpha_2": "US", "alpha_3": "USA", "name": "United States", "numeric": "840", "official_name": "United States of America"},
        {"alpha_3": "KOR", "name": "Korea, Republic of", "common_name": "South Korea"},
        {"alpha_3": "COD", "name": "Congo, The Democratic Republic of the"},
        {"alpha_3": "FRA", "name": "France", "official_name": "French Republic"}
    ]}"#;

    #[track_caller]
    fn check(code: &str, publisher: &str, want: Option<&str>) {
        let names = ShortNames::parse(Path::new("t.json"), SAMPLE.as_bytes()).expect("sample");
        assert_eq!(names.short_for(code, publisher).as_deref(), want);
    }

    #[test]
    fn short_names() {
        check("USA", "United States of America", Some("United States"));
        check("KOR", "Republic of Korea", Some("South Korea"));
        // An inverted name without a common one gives nothing: the publisher's name stays.
        check("COD", "Democratic Republic of the Congo", None);
        // The same as the publisher's: nothing to carry.
        check("FRA", "France", None);
        check("FRA", "france", None);
        check("XKX", "Kosovo", None);
    }

    #[test]
    fn not_the_list() {
        assert!(ShortNames::parse(Path::new("t.json"), b"{}").is_err());
    }

    /// Every country of the real list has a short name or an inverted one; the long forms
    /// the issue named are shortened.
    #[test]
    fn real_list() {
        let path = iso_codes_file();
        let names = ShortNames::read(&path).expect("iso-codes installed (scripts/setup.sh)");
        assert!(names.0.len() > 200, "{}", names.0.len());
        assert_eq!(
            names
                .short_for(
                    "GBR",
                    "United Kingdom of Great Britain and Northern Ireland"
                )
                .as_deref(),
            Some("United Kingdom")
        );
        assert_eq!(
            names
                .short_for("USA", "United States of America")
                .as_deref(),
            Some("United States")
        );
    }
}
