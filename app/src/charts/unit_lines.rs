//! The followed unit over the years: its score beside the groups' means above, its rank below
//! (rank 1 at the top), each a [`LineChart`] drawn by [`draw_lines`] on its own part of the area.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{draw_lines, err, DrawResult, LineChart, Style};

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

/// Draws the score panel above the rank panel.
pub fn draw_unit_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &UnitLines,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let height = f64::from(area.dim_in_pixel().1);
    let (top, bottom) = area.split_vertically((height * SCORE_SHARE).round() as u32);
    draw_lines(&top, &data.score, style)?;
    draw_lines(&bottom, &data.rank, style)
}
