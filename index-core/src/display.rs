//! How figures are written for people, the same wherever they are shown: the app, its exports
//! and the page the CLI prerenders.

use crate::bundle::Bundle;
use crate::dataset::Source;

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
    source_line_with(bundle, &[])
}

/// The source line of a figure that draws on the framework's indicators and also on the
/// indicators `also` (e.g. GDP per capita, beside the index): the sources of
/// [`figure_sources`], each as "Publisher, Title (edition), licence".
pub fn source_line_with(bundle: &Bundle, also: &[&str]) -> String {
    let parts: Vec<String> = figure_sources(bundle, also)
        .iter()
        .map(|s| source_text(s))
        .collect();
    format!(
        "Source: {}. Computed with Index Explorer.",
        parts.join("; ")
    )
}

/// One source as a source line names it: "Publisher, Title (edition), licence" (the
/// publisher's own words).
pub fn source_text(s: &Source) -> String {
    format!(
        "{}, {} ({}), {}",
        s.publisher, s.title, s.edition, s.licence
    )
}

/// The sources a figure of `bundle` draws on, each once: those of the framework's indicators
/// (by id), then those of the indicators `also` that are not among them (by id). An id that
/// names no indicator or source adds nothing.
pub fn figure_sources<'a>(bundle: &'a Bundle, also: &[&str]) -> Vec<&'a Source> {
    let ds = bundle.dataset();
    let fw = bundle.framework();
    let source_of = |id: &str| ds.indicator(id).map(|i| i.source.as_str());
    let mut ids: Vec<&str> = fw
        .leaves()
        .iter()
        .filter_map(|l| source_of(&fw.node(*l)?.id))
        .collect();
    crate::order::sort_dedup(&mut ids);
    let mut more: Vec<&str> = also
        .iter()
        .filter_map(|id| source_of(id))
        .filter(|id| !ids.contains(id))
        .collect();
    crate::order::sort_dedup(&mut more);
    ids.extend(more);
    ids.iter().filter_map(|id| ds.source(id)).collect()
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
