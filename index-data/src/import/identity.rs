//! Whether the units are countries, and "did you mean" for those that look like a country but
//! are not one of the table ([`Countries`], UN M49's, the one table every bundle uses).
//!
//! The rule: units need not be countries (regions, cities, firms). The import calls the data
//! *country data* when at least half of its units (and two or more) are countries of the table,
//! by ISO3 code or by name (exact, normalised or a documented variant, as the publishers'
//! readers match). Only in country data is a unit that is not a country listed — always as a
//! warning, never an error, since a country file may hold an aggregate or a sub-national row:
//! - a code of three capital letters (an ISO3 look) not in the table: "unknown country code",
//!   with the country the unit's name matches, else the code at edit distance 1 (optimal string
//!   alignment: one letter changed, added, dropped or two swapped), the closer name first;
//! - a code of other shape whose name (or code) is no country's but close to one's (Jaro–Winkler
//!   similarity of the normalised names ≥ [`NAME_SIMILARITY`]): "not a country name".
//!
//! Other units (codes such as `EU27`, `R1`, `Region 7` with names close to no country) are not
//! listed: they are what they are.

use super::checks::{Problem, Problems};
use super::layout::Collected;
use crate::countries::{normalise, Countries, Country};

/// The least Jaro–Winkler similarity of two normalised names for "did you mean".
pub const NAME_SIMILARITY: f64 = 0.9;

/// Whether `code` looks like an ISO3 code: three ASCII capital letters.
fn iso3_like(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The country unit (`code`, `name`) is, if any.
fn country<'c>(countries: &'c Countries, code: &str, name: &str) -> Option<&'c Country> {
    countries
        .get(code)
        .or_else(|| countries.lookup(name).map(|(c, _)| c))
        .or_else(|| countries.lookup(code).map(|(c, _)| c))
}

/// Lists the units of country data that are not countries, with a suggestion (see the
/// module's documentation).
pub fn check(data: &Collected, countries: &Countries, problems: &mut Problems) {
    let known = data
        .units
        .iter()
        .filter(|(code, name)| country(countries, code, name).is_some())
        .count();
    if known < 2 || known * 2 < data.units.len() {
        return;
    }
    for ((code, name), place) in data.units.iter().zip(&data.unit_places) {
        if countries.get(code).is_some() {
            continue;
        }
        if iso3_like(code) {
            // A code of the ISO3 shape must be one: the name's country, else the nearest code.
            let suggestion = countries
                .lookup(name)
                .map(|(c, _)| c)
                .or_else(|| closest_code(countries, code, name));
            problems.push(Problem::UnknownCountry {
                place: place.clone(),
                code: code.clone(),
                suggestion: suggestion.map(|c| Box::new((c.code.clone(), c.name.clone()))),
            });
        } else if country(countries, code, name).is_some() {
            continue;
        } else if let Some(c) =
            closest_name(countries, name).or_else(|| closest_name(countries, code))
        {
            problems.push(Problem::NotACountryName {
                place: place.clone(),
                unit: code.as_str().into(),
                name: if name == code { "" } else { name.as_str() }.into(),
                suggestion: Box::new((c.code.clone(), c.name.clone())),
            });
        }
    }
}

/// The country whose code is at edit distance 1 from `code`, the one whose name is closest to
/// `name` first (then by code).
fn closest_code<'c>(countries: &'c Countries, code: &str, name: &str) -> Option<&'c Country> {
    let key = normalise(name);
    let closeness = |c: &Country| strsim::jaro_winkler(&normalise(&c.name), &key);
    let mut near: Vec<(f64, &Country)> = countries
        .all()
        .iter()
        .filter(|c| strsim::osa_distance(&c.code, code) == 1)
        .map(|c| (closeness(c), c))
        .collect();
    near.sort_by(|(s, x), (t, y)| t.total_cmp(s).then_with(|| x.code.cmp(&y.code)));
    near.first().map(|(_, c)| *c)
}

/// The country whose name is most like `name` (at least [`NAME_SIMILARITY`]), if any.
fn closest_name<'c>(countries: &'c Countries, name: &str) -> Option<&'c Country> {
    let key = normalise(name);
    if key.chars().count() < 4 {
        return None;
    }
    countries
        .all()
        .iter()
        .map(|c| (strsim::jaro_winkler(&normalise(&c.name), &key), c))
        .filter(|(s, _)| *s >= NAME_SIMILARITY)
        .fold(None, |best: Option<(f64, &Country)>, (s, c)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, c)),
        })
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::Country;

    fn table() -> Countries {
        let c = |code: &str, name: &str| Country {
            code: code.into(),
            name: name.into(),
            m49: String::new(),
            region: None,
            subregion: None,
            ldc: false,
            lldc: false,
            sids: false,
            development: None,
        };
        Countries::new(
            std::path::Path::new("t"),
            vec![
                c("KEN", "Kenya"),
                c("KOR", "Republic of Korea"),
                c("AUT", "Austria"),
                c("AUS", "Australia"),
                c("NOR", "Norway"),
            ],
        )
        .unwrap()
    }

    #[test]
    fn codes_and_names_get_the_nearest_country() {
        let t = table();
        let code = |code: &str, name: &str| closest_code(&t, code, name).map(|c| c.code.as_str());
        assert_eq!(code("KEY", ""), Some("KEN"));
        assert_eq!(code("KNE", ""), Some("KEN"));
        // AUT and AUS are both one letter from AUU: the name decides, then the code.
        assert_eq!(code("AUU", "Australia"), Some("AUS"));
        assert_eq!(code("AUU", ""), Some("AUS"));
        assert_eq!(code("XYZ", "Kenya"), None);
        let name = |n: &str| closest_name(&t, n).map(|c| c.code.as_str());
        assert_eq!(name("Kenia"), Some("KEN"));
        assert_eq!(name("Norwey"), Some("NOR"));
        assert_eq!(name("Region 7"), None);
        assert_eq!(name("Acme"), None);
    }
}
