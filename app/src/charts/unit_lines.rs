//! The followed unit over the years: its score beside the groups' means above, its rank below
//! (rank 1 at the top), each a [`LineChart`] drawn by [`draw_lines`] on its own part of the area.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{draw_lines, err, Drawn, LineChart, Style};

/// The two panels of the unit's chart, over the same years.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitLines {
    /// The unit's score and each group's mean score.
    pub score: LineChart,
    /// The unit's rank (drawn with the y axis running downwards).
    pub rank: LineChart,
}

/// Share of the height given to the score panel (the rank panel takes the rest).
const SCORE_SHARE: f64 = 0.6;

/// Draws the score panel above the rank panel; returns where each point was drawn, the rank
/// panel's series numbered after the score panel's (see [`UnitLines::series`]).
pub fn draw_unit_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &UnitLines,
    style: &Style,
) -> Drawn {
    area.fill(&WHITE).map_err(err)?;
    let height = f64::from(area.dim_in_pixel().1);
    let (top, bottom) = area.split_vertically((height * SCORE_SHARE).round() as u32);
    let mut hits = draw_lines(&top, &data.score, style)?;
    let after = data.score.series.len();
    hits.extend(
        draw_lines(&bottom, &data.rank, style)?
            .into_iter()
            .map(|h| super::Hit {
                series: h.series + after,
                ..h
            }),
    );
    Ok(hits)
}

impl UnitLines {
    /// The panel and its series that a hit's `series` number names: the score panel's first,
    /// then the rank panel's.
    pub fn series(&self, series: usize) -> Option<(&LineChart, usize)> {
        let after = self.score.series.len();
        if series < after {
            Some((&self.score, series))
        } else {
            Some((&self.rank, series - after))
        }
    }
}
