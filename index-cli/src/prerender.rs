//! `index prerender`: the default view's ranking as static HTML, written into the built page
//! so it is on screen before the app's wasm has arrived (the app replaces it when it mounts).
//! Computed by the same engine on the same bundle file the site ships, never written by hand;
//! captioned, like every figure of the app, with its source, edition and licence.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use index_core::bundle::Bundle;
use index_core::display::{escape_html, score, source_line};
use index_core::pipeline::Results;
use index_core::scenario::Scenario;

/// Where the ranking goes in the page: this comment inside the boot element.
pub const MARKER: &str = "<!-- prerendered ranking -->";

/// The `prerender` subcommand's arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bundle of the default view: a bundle id or, better, the bundle JSON file the site
    /// ships (e.g. dist/data/ftri.json).
    #[arg(long, short)]
    bundle: String,
    /// How many of the top rows to show.
    #[arg(long, default_value_t = 20)]
    rows: usize,
    /// A page holding the marker `<!-- prerendered ranking -->`: the marker is replaced in place.
    /// Without it, the HTML is printed.
    #[arg(long, value_name = "HTML")]
    into: Option<PathBuf>,
}

/// Runs `index prerender`.
pub fn run(data_dir: &Path, args: &Args) -> Result<(), String> {
    let bundle = crate::commands::load_bundle(data_dir, &args.bundle)?;
    let r = Scenario::default()
        .resolve(&bundle)
        .map_err(|e| e.to_string())?;
    let results = r.run(&bundle).map_err(|e| e.to_string())?;
    let html = render(&bundle, &results, args.rows);
    match &args.into {
        None => {
            outln!("{html}");
            Ok(())
        }
        Some(page) => {
            let text = std::fs::read_to_string(page)
                .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
            if text.matches(MARKER).count() != 1 {
                return Err(format!(
                    "{} must hold the marker `{MARKER}` exactly once",
                    page.display()
                ));
            }
            std::fs::write(page, text.replacen(MARKER, &html, 1))
                .map_err(|e| format!("cannot write {}: {e}", page.display()))
        }
    }
}

/// The top `rows` of the ranking as an accessible table with its caption.
fn render(bundle: &Bundle, results: &Results, rows: usize) -> String {
    let units = bundle.dataset().units();
    let ranked = results.ranked();
    let mut body = String::new();
    for (i, &u) in results.order().iter().take(rows.min(ranked)).enumerate() {
        let (Some(rank), Some(value)) = (results.rank(u), results.index(u)) else {
            continue;
        };
        // The first row's paint is when the ranking is on screen (the browser benchmark reads
        // it through Element Timing).
        let timing = if i == 0 {
            r#" elementtiming="prerendered-ranking""#
        } else {
            ""
        };
        let _ = write!(
            body,
            r#"<tr><td class="c-rank">{rank}</td><th scope="row" class="c-name"{timing}>{}</th><td class="c-score">{}</td></tr>"#,
            escape_html(units[u].label()),
            score(value),
        );
    }
    let shown = rows.min(ranked);
    format!(
        concat!(
            r#"<section class="prerendered" id="prerendered" aria-labelledby="prerendered-title">"#,
            r#"<h2 id="prerendered-title">{title}, {year}</h2>"#,
            r#"<p class="prerendered-method">Published weights · {method}</p>"#,
            r#"<table class="prerendered-table"><caption>Top {shown} of {ranked} ranked. {source}</caption>"#,
            r#"<thead><tr><th scope="col" class="c-rank">Rank</th><th scope="col" class="c-name">Country</th><th scope="col" class="c-score">Score</th></tr></thead>"#,
            "<tbody>{body}</tbody></table></section>"
        ),
        title = escape_html(bundle.title()),
        year = results.year(),
        method = escape_html(&results.prepared.method.describe()),
        shown = shown,
        ranked = ranked,
        source = escape_html(&source_line(bundle)),
        body = body,
    )
}
