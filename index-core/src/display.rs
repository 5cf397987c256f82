//! How figures are written for people, the same wherever they are shown: the app, its exports
//! and the page the CLI prerenders.

use crate::bundle::Bundle;

/// A score with precision suited to its scale: 3 decimals below 10 (scores 0–1), else 1; in
/// scientific notation from a million up (no 300-digit figures).
///
/// ```
/// use index_core::display::score;
/// assert_eq!(score(0.41234), "0.412");
/// assert_eq!(score(41.234), "41.2");
/// assert_eq!(score(1e308), "1.000e308");
/// ```
pub fn score(x: f64) -> String {
    if x.abs() < 10.0 {
        format!("{x:.3}")
    } else if x.abs() < 1e6 {
        format!("{x:.1}")
    } else {
        format!("{x:.3e}")
    }
}

/// `text` safe as HTML content and inside a quoted attribute value (`&`, `<`, `>`, `"` and `'`
/// escaped).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The source line that captions every figure of `bundle`: each source of the framework's
/// indicators, once, as "Publisher, Title (edition), licence".
pub fn source_line(bundle: &Bundle) -> String {
    let ds = bundle.dataset();
    let fw = bundle.framework();
    let mut ids: Vec<&str> = fw
        .leaves()
        .iter()
        .filter_map(|l| ds.indicator(&fw.node(*l)?.id))
        .map(|i| i.source.as_str())
        .collect();
    crate::order::sort_dedup(&mut ids);
    let parts: Vec<String> = ids
        .iter()
        .filter_map(|id| ds.source(id))
        .map(|s| {
            format!(
                "{}, {} ({}), {}",
                s.publisher, s.title, s.edition, s.licence
            )
        })
        .collect();
    format!(
        "Source: {}. Computed with Index Explorer.",
        parts.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_markup_for_content_and_attributes() {
        assert_eq!(
            escape_html(r#"Côte d'Ivoire <b> & "x""#),
            "Côte d&#39;Ivoire &lt;b&gt; &amp; &quot;x&quot;"
        );
    }
}
