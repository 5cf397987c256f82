//! Number formatting for people: scores with sensible precision for their scale, shares as
//! percentages, signed rank changes — in the language shown's decimal mark and digit grouping
//! (`i18n::number`; a weight's number field keeps the browser's own, `.`).

pub use index_core::error::excerpt;

use crate::i18n::number;

/// A score with precision for its scale (`index_core::display::score`), in the language shown.
pub fn score(x: f64) -> String {
    number(index_core::display::score(x))
}

/// A weight for a number field: at most 4 decimals (`0.3333`), or every digit when that would
/// show a weight that is not 0 as 0 (`0.00001`).
pub fn weight(x: f64) -> String {
    let short = format!("{x:.4}");
    let short = short.trim_end_matches('0').trim_end_matches('.');
    match short.parse::<f64>() {
        Ok(v) if v != 0.0 || x == 0.0 => short.to_string(),
        _ => index_core::error::short_number(x),
    }
}

/// An optional score, "–" when missing.
pub fn opt_score(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), score)
}

/// A share (0–1) as a percentage.
pub fn percent(x: f64) -> String {
    number(if (x * 100.0 - (x * 100.0).round()).abs() < 0.05 {
        format!("{:.0} %", x * 100.0)
    } else {
        format!("{:.1} %", x * 100.0)
    })
}

/// A whole amount with thousands separated by commas: `5,120`, `71,300`, `800` (rounded to
/// the unit; a value that is not finite as "–").
pub fn thousands(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let digits = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 && digits != "0" {
        out.insert(0, '−');
    }
    number(out)
}

/// A signed difference ("+1.2", "−0.4", "0").
pub fn signed(x: f64) -> String {
    let s = index_core::display::score(x.abs());
    number(if s.trim_start_matches(['0', '.']).is_empty() {
        "0".into()
    } else if x > 0.0 {
        format!("+{s}")
    } else {
        format!("−{s}")
    })
}

/// A rank change with an arrow: "▲ 3", "▼ 2", "–" for no change, "new"/"" when unknown.
pub fn rank_change(change: Option<i64>) -> (String, &'static str) {
    match change {
        Some(0) => ("–".into(), "same"),
        Some(c) if c > 0 => (format!("▲ {c}"), "up"),
        Some(c) => (format!("▼ {}", -c), "down"),
        None => (String::new(), "same"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(score(0.41234), "0.412");
        assert_eq!(score(41.234), "41.2");
        assert_eq!(percent(0.5), "50 %");
        assert_eq!(percent(0.3333), "33.3 %");
        assert_eq!(signed(-0.25), "−0.250");
        assert_eq!(signed(0.0001), "0");
        assert_eq!(rank_change(Some(-2)), ("▼ 2".into(), "down"));
        assert_eq!(score(1e308), "1.000e308");
        assert_eq!(score(-2.5e7), "-2.500e7");
        assert_eq!(thousands(5119.6), "5,120");
        assert_eq!(thousands(800.0), "800");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(-71_300.0), "−71,300");
        assert_eq!(thousands(f64::NAN), "–");
    }

    #[test]
    fn weights_show_four_decimals_but_never_a_false_zero() {
        assert_eq!(weight(1.0 / 3.0), "0.3333");
        assert_eq!(weight(2.0), "2");
        assert_eq!(weight(0.0), "0");
        assert_eq!(weight(0.00001), "0.00001");
        assert_eq!(weight(1e-9), "1e-9");
    }
}
