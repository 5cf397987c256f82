//! The charts by name: plain data, no drawing (the page's link reader names a chart with it,
//! and the fuzz targets compile that reader on its own: see ARCHITECTURE.md, Fuzzing).

/// The charts the app shows (and embeds and downloads), by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Ranked bars of the index.
    Bars,
    /// The two groups' means on the index and each pillar.
    Gap,
    /// Distribution of index scores by group.
    Strips,
    /// The groups' means and the gap over the years.
    Trend,
    /// Index score against GDP per capita (over- and under-performers).
    Performers,
    /// The followed unit's score and rank over the years, with the groups' means.
    UnitTrend,
    /// The world map of the index or a pillar.
    Map,
}

impl ChartKind {
    /// Every chart, in page order.
    pub const ALL: [ChartKind; 7] = [
        ChartKind::Bars,
        ChartKind::Gap,
        ChartKind::Strips,
        ChartKind::Trend,
        ChartKind::Performers,
        ChartKind::UnitTrend,
        ChartKind::Map,
    ];

    /// Name used in URLs and file names.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Bars => "bars",
            ChartKind::Gap => "gap",
            ChartKind::Strips => "strips",
            ChartKind::Trend => "trend",
            ChartKind::Performers => "performers",
            ChartKind::UnitTrend => "unit-trend",
            ChartKind::Map => "map",
        }
    }

    /// The chart called `name`.
    pub fn from_name(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Height in CSS pixels of the plot.
    pub fn height(self) -> u32 {
        match self {
            ChartKind::Bars => 260,
            ChartKind::Gap => 240,
            ChartKind::Strips => 200,
            ChartKind::Trend => 240,
            ChartKind::Performers => 360,
            ChartKind::UnitTrend => 360,
            ChartKind::Map => 420,
        }
    }
}
