//! Country names in the interface's languages, from a maintained source: Debian's `iso-codes`
//! package (ISO 3166-1 as kept by the Debian iso-codes team and its translators, LGPL-2.1),
//! whose gettext catalogues translate each English name (`/usr/share/locale/<locale>/
//! LC_MESSAGES/iso_3166-1.mo`), installed by `scripts/setup.sh`.
//!
//! A country's name in a language is the translation of its English common name (iso-codes'
//! `common_name`, "South Korea") when the catalogue has one, else of its `name` ("Korea,
//! Republic of"). `index data build` writes one file per language, `names-<lang>.json`
//! (`{"source": …, "names": {ISO3: name}}`), which the app fetches with the language.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::short_names::File;

/// The interface's languages other than English, each with the locale directory its
/// iso-codes catalogue is under.
pub const LANGUAGES: [(&str, &str); 5] = [
    ("ar", "ar"),
    ("es", "es"),
    ("fr", "fr"),
    ("ru", "ru"),
    ("zh", "zh_CN"),
];

/// Where Debian puts the gettext catalogues.
pub const LOCALE_DIR: &str = "/usr/share/locale";

/// What a names file says of its source (shown by the app with the names).
pub const SOURCE: &str =
    "Country names: Debian iso-codes (ISO 3166-1 and its translations), LGPL-2.1";

/// The catalogues' directory: `$INDEX_LOCALE_DIR` if set, else [`LOCALE_DIR`].
pub fn locale_dir() -> PathBuf {
    std::env::var_os("INDEX_LOCALE_DIR").map_or_else(|| PathBuf::from(LOCALE_DIR), PathBuf::from)
}

/// The catalogue of `locale` under `dir`.
pub fn catalogue_file(dir: &Path, locale: &str) -> PathBuf {
    dir.join(locale).join("LC_MESSAGES").join("iso_3166-1.mo")
}

/// The names file of one language, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamesFile {
    /// Where the names come from, and their licence.
    pub source: String,
    /// Each country's name by ISO3 code.
    pub names: BTreeMap<String, String>,
}

/// Each country's name in the language of `catalogue` (a gettext `.mo` file's bytes), from the
/// iso-codes list's JSON text `list`; `path` names the catalogue in errors.
///
/// # Errors
/// [`Error::ShortNames`] when the list or the catalogue cannot be read.
pub fn translate(
    list: &[u8],
    list_path: &Path,
    catalogue: &[u8],
    path: &Path,
) -> Result<NamesFile> {
    let list: File = serde_json::from_slice(list).map_err(|e| Error::ShortNames {
        path: list_path.to_path_buf(),
        problem: format!("not the iso-codes ISO 3166-1 list ({e})"),
    })?;
    let catalogue = gettext::Catalog::parse(catalogue).map_err(|e| Error::ShortNames {
        path: path.to_path_buf(),
        problem: format!("not a gettext catalogue ({e})"),
    })?;
    let names = list
        .countries
        .into_iter()
        .map(|e| {
            let english = e.common_name.as_deref().unwrap_or(&e.name);
            let mut name = catalogue.gettext(english);
            if name == english {
                name = catalogue.gettext(&e.name);
            }
            (e.alpha_3, name.trim().to_string())
        })
        .filter(|(_, name)| !name.is_empty())
        .collect();
    Ok(NamesFile {
        source: SOURCE.into(),
        names,
    })
}

/// Every language's names file, from the list at `list_path` and the catalogues under `dir`.
///
/// # Errors
/// [`Error::ShortNames`] naming a file that cannot be read, and how to install it.
pub fn all(list_path: &Path, dir: &Path) -> Result<Vec<(&'static str, NamesFile)>> {
    let read = |path: &Path| {
        std::fs::read(path).map_err(|e| Error::ShortNames {
            path: path.to_path_buf(),
            problem: format!(
                "{e}: country names come from Debian's iso-codes package, which \
                 `scripts/setup.sh` installs (or give the directory with INDEX_LOCALE_DIR)"
            ),
        })
    };
    let list = read(list_path)?;
    LANGUAGES
        .iter()
        .map(|&(lang, locale)| {
            let path = catalogue_file(dir, locale);
            Ok((lang, translate(&list, list_path, &read(&path)?, &path)?))
        })
        .collect()
}

/// The names file's name for `lang`.
pub fn file_name(lang: &str) -> String {
    format!("names-{lang}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The installed iso-codes (scripts/setup.sh): French and Arabic names of a few countries,
    /// an inverted English name translated through its common name.
    #[test]
    fn installed_catalogues_translate_names() {
        let list = crate::short_names::iso_codes_file();
        let files = all(&list, &locale_dir()).unwrap_or_else(|e| panic!("{e}"));
        let get = |lang: &str, code: &str| {
            files
                .iter()
                .find(|(l, _)| *l == lang)
                .and_then(|(_, f)| f.names.get(code).cloned())
                .unwrap_or_default()
        };
        assert_eq!(get("fr", "DEU"), "Allemagne");
        assert_eq!(get("es", "DEU"), "Alemania");
        assert_eq!(get("ru", "DEU"), "Германия");
        assert_eq!(get("ar", "DEU"), "ألمانيا");
        assert_eq!(get("zh", "DEU"), "德国");
        // "Korea, Republic of" has the common name "South Korea".
        assert!(!get("fr", "KOR").contains(','), "{}", get("fr", "KOR"));
        for (lang, f) in &files {
            assert!(f.names.len() > 240, "{lang}: {} names", f.names.len());
        }
    }
}
