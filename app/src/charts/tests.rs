//! Golden-file tests: each chart drawn to SVG natively and compared with a committed file.
//! Refresh the files with `UPDATE_GOLDEN=1 cargo test -p app`.

use plotters::prelude::*;

use super::heatmap::colour as heatmap_colour;
use super::*;

fn golden(name: &str, svg: &str) {
    let path = format!("{}/tests/golden/{name}.svg", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(format!("{}/tests/golden", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {path}: run with UPDATE_GOLDEN=1 to create it"));
    assert_eq!(
        svg, want,
        "{name}.svg differs; if intended, refresh with UPDATE_GOLDEN=1"
    );
}

fn render(
    w: u32,
    h: u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>),
) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw(&area);
        area.present().unwrap();
    }
    out
}

/// Three bars, one per membership, the middle one selected (also the captioned golden's data).
pub(crate) fn bars() -> RankedBars {
    RankedBars {
        bars: vec![
            Bar {
                code: "CHE".into(),
                name: "Switzerland".into(),
                value: 0.95,
                membership: Membership::B,
                selected: false,
            },
            Bar {
                code: "KEN".into(),
                name: "Kenya".into(),
                value: 0.40,
                membership: Membership::Other,
                selected: true,
            },
            Bar {
                code: "NER".into(),
                name: "Niger".into(),
                value: 0.12,
                membership: Membership::A,
                selected: false,
            },
        ],
        names: ["LDCs".into(), "Developed".into()],
    }
}

#[test]
fn ranked_bars_golden() {
    let svg = render(480, 240, |a| {
        draw_ranked_bars(a, &bars(), &Style::default()).unwrap()
    });
    // The filled (LDC) and outlined (developed) bars differ by more than colour.
    assert!(svg.contains("#D55E00") && svg.contains("#0072B2"), "{svg}");
    assert!(svg.contains("Kenya"), "selected unit labelled");
    golden("ranked_bars", &svg);
}

/// Many bars, as the FTRI's 166: the three first and three last named under the axis, the
/// followed unit above its bar.
#[test]
fn ranked_bars_named_golden() {
    let names = ["United States", "Sweden", "South Korea"];
    let last = ["Chad", "Niger", "Central African Republic"];
    let n = 60;
    let bars = (0..n)
        .map(|i| Bar {
            code: format!("U{i:02}"),
            name: names
                .get(i)
                .or_else(|| last.get((i + last.len()).checked_sub(n)?))
                .map_or_else(|| format!("Unit {i}"), |s| s.to_string()),
            value: 0.9 - 0.8 * i as f64 / n as f64,
            membership: if i % 7 == 0 {
                Membership::A
            } else {
                Membership::Other
            },
            selected: i == 30,
        })
        .collect();
    let data = RankedBars {
        bars,
        names: ["LDCs".into(), "Developed".into()],
    };
    let svg = render(640, 300, |a| {
        draw_ranked_bars(a, &data, &Style::default()).unwrap()
    });
    for name in names.iter().chain(&last).chain(&["Unit 30"]) {
        assert!(svg.contains(name), "{name} named");
    }
    assert!(
        !svg.contains("Unit 3\n"),
        "a bar in the middle is not named"
    );
    golden("ranked_bars_named", &svg);
}

#[test]
fn waterfall_golden() {
    let data = Waterfall {
        steps: vec![
            ("Aggregation".into(), -0.005),
            ("R&D weight".into(), -0.024),
            ("ICT weight".into(), 0.006),
        ],
        total: "Total change".into(),
    };
    let svg = render(480, data.height(), |a| {
        draw_waterfall(a, &data, &Style::default()).unwrap()
    });
    // A rise filled blue, a fall outlined vermillion, the total dark.
    assert!(svg.contains("#0072B2") && svg.contains("#D55E00") && svg.contains("#222B36"));
    assert!(
        svg.contains("R&amp;D weight") && svg.contains("Total change"),
        "{svg}"
    );
    golden("waterfall", &svg);
    // Nothing changed at all: still drawn (around 0), not refused.
    let flat = Waterfall {
        steps: vec![("Year".into(), 0.0)],
        total: "Total change".into(),
    };
    render(480, flat.height(), |a| {
        draw_waterfall(a, &flat, &Style::default()).unwrap()
    });
}

#[test]
fn rank_spans_golden() {
    let span = |code: &str, nominal, median, q05, q95, membership, wide, selected| RankSpan {
        code: code.into(),
        nominal,
        median,
        q05,
        q95,
        membership,
        wide,
        selected,
    };
    let data = RankSpans {
        spans: vec![
            span("AAA", 1, 1, 1, 2, Membership::B, false, false),
            span("BBB", 2, 3, 1, 30, Membership::Other, true, true),
            span("CCC", 3, 3, 2, 4, Membership::A, false, false),
        ],
        names: ["LDCs".into(), "Developed".into()],
    };
    let svg = render(480, 260, |a| {
        draw_rank_spans(a, &data, &Style::default()).unwrap()
    });
    // Group colours, the followed unit named, the axes said.
    assert!(svg.contains("#0072B2") && svg.contains("#D55E00"), "{svg}");
    assert!(svg.contains("BBB") && svg.contains("Nominal rank"), "{svg}");
    // The wide interval is drawn thicker than the others.
    assert!(svg.contains("stroke-width=\"3\""), "{svg}");
    golden("rank_spans", &svg);
}

#[test]
fn heatmap_golden() {
    let data = HeatMap {
        labels: vec!["ICT".into(), "R&D".into(), "Index".into()],
        cells: vec![
            Some(1.0),
            Some(-0.4),
            Some(0.8),
            Some(-0.4),
            Some(1.0),
            None,
            Some(0.8),
            None,
            Some(1.0),
        ],
        flagged: vec![false, true, false, true, false, false, false, false, false],
    };
    let svg = render(480, data.height(), |a| {
        draw_heatmap(a, &data, &Style::default()).unwrap()
    });
    assert!(svg.contains("R&amp;D") && svg.contains("flagged"), "{svg}");
    golden("heatmap", &svg);
    assert_eq!(heatmap_colour(0.0), RGBColor(255, 255, 255));
    assert_eq!(heatmap_colour(1.0), GROUP_B);
    assert_eq!(heatmap_colour(-1.0), GROUP_A);
}

#[test]
fn gap_bars_golden() {
    let data = GapBars {
        rows: vec![
            ("Index".into(), vec![Some(0.2), Some(0.8)]),
            ("ICT".into(), vec![Some(0.1), None]),
        ],
        names: vec!["LDCs".into(), "Developed".into()],
    };
    let svg = render(480, 200, |a| {
        draw_gap_bars(a, &data, &Style::default()).unwrap()
    });
    assert!(svg.contains("ICT") && svg.contains("Index"));
    golden("gap_bars", &svg);
}

/// Three groups and six: each group's bars in its own colour, its own mark at each bar's end
/// and in the legend (shape as well as colour), the legend wrapping on a narrow chart.
#[test]
fn gap_bars_of_many_groups_golden() {
    let names: Vec<String> = ["LDCs", "Other developing", "Developed"]
        .map(String::from)
        .to_vec();
    let data = GapBars {
        rows: vec![
            ("Index".into(), vec![Some(0.27), Some(0.48), Some(0.70)]),
            ("ICT".into(), vec![Some(0.2), Some(0.5), None]),
        ],
        names,
    };
    let svg = render(480, 220, |a| {
        draw_gap_bars(a, &data, &Style::default()).unwrap()
    });
    for colour in ["#D55E00", "#0072B2", "#009E73"] {
        assert!(svg.contains(colour), "{colour}: {svg}");
    }
    assert!(svg.contains("Other developing"));
    golden("gap_bars_three", &svg);
    let six = GapBars {
        rows: vec![(
            "Index".into(),
            (1..=6).map(|i| Some(f64::from(i) / 6.0)).collect(),
        )],
        names: (1..=6).map(|i| format!("Group {i}")).collect(),
    };
    let svg = render(360, GapBars::height(1, 6, 100), |a| {
        draw_gap_bars(a, &six, &Style::default()).unwrap()
    });
    for colour in GROUP_COLOURS {
        let hex = format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
        assert!(svg.contains(&hex), "{hex}: {svg}");
    }
    golden("gap_bars_six", &svg);
    // More groups, a taller chart: room for each bar.
    assert!(GapBars::height(6, 6, 240) > GapBars::height(6, 3, 240));
    assert_eq!(GapBars::height(1, 2, 240), 240);
}

#[test]
fn every_group_has_its_own_colour_shape_symbol_and_class() {
    let marks: Vec<Mark> = (0..MAX_MARKED).map(Mark::group).collect();
    for (i, a) in marks.iter().enumerate() {
        for b in marks.iter().skip(i + 1) {
            assert_ne!(a.colour(), b.colour());
            assert_ne!(a.shape(), b.shape());
            assert_ne!(a.symbol(), b.symbol());
            assert_ne!(a.class(), b.class());
        }
    }
    assert_eq!(Mark::group(MAX_MARKED), Mark::Other);
    assert_eq!(Mark::from(Membership::B), Mark::Group(1));
    assert_eq!(Membership::A.colour(), GROUP_A);
}

#[test]
fn strips_golden() {
    let data = Strips {
        strips: vec![
            Strip {
                label: "LDCs".into(),
                mark: Mark::Group(0),
                values: vec![0.1, 0.2, 0.15],
                names: vec!["A".into(), "B".into(), "C".into()],
                median: Some(0.15),
            },
            Strip {
                label: "Developed".into(),
                mark: Mark::Group(1),
                values: vec![0.7, 0.9],
                names: vec!["D".into(), "E".into()],
                median: Some(0.8),
            },
            Strip {
                label: "Other developing".into(),
                mark: Mark::Group(2),
                values: vec![0.4],
                names: vec!["F".into()],
                median: Some(0.4),
            },
        ],
    };
    let mut hits = Vec::new();
    let svg = render(480, 200, |a| {
        hits = draw_strips(a, &data, &Style::default()).unwrap();
    });
    golden("strips", &svg);
    // Every unit drawn is a hit; hovering it names it.
    assert_eq!(hits.len(), 6);
    let chart = ChartData::Strips(data);
    let last = hits[5];
    assert_eq!(
        nearest(&hits, f64::from(last.x) + 2.0, f64::from(last.y), 8.0),
        Some(last)
    );
    assert_eq!(
        chart.tip(&last).as_deref(),
        Some("F (Other developing): 0.400")
    );
    assert_eq!(nearest(&hits, -100.0, -100.0, 8.0), None);
}

#[test]
fn lines_golden_and_gaps_break_lines() {
    let data = years();
    let mut hits = Vec::new();
    let svg = render(480, 200, |a| {
        hits = draw_lines(a, &data, &Style::default()).unwrap();
    });
    // A point per year with a value; hovering one names the series, year and value.
    assert_eq!(hits.len(), 3);
    assert_eq!(
        ChartData::Lines(data.clone()).tip(&hits[1]).as_deref(),
        Some("Gap, 2019: 0.400")
    );
    // Two runs (2017; 2019–2020) plus the legend swatch: a missing year splits the line.
    assert_eq!(
        svg.matches(r##"stroke="#009E73" stroke-width="2""##)
            .count(),
        3,
        "{svg}"
    );
    golden("lines", &svg);
}

/// Five economies: two LDCs, two developed (one followed), one other, and a fitted line.
fn scatter() -> IncomeScatter {
    let point = |code: &str, gdp: f64, score: f64, membership: Membership| Point {
        code: code.into(),
        name: format!("{code} land"),
        rank: Some(1),
        expected: Some(2),
        gdp,
        score,
        membership,
        selected: code == "KOR",
    };
    IncomeScatter {
        points: vec![
            point("NER", 1_400.0, 0.08, Membership::A),
            point("BGD", 6_500.0, 0.35, Membership::A),
            point("IND", 8_000.0, 0.63, Membership::Other),
            point("KOR", 48_000.0, 0.92, Membership::B),
            point("USA", 70_000.0, 1.0, Membership::B),
        ],
        fit: index_core::performers::fit(&[
            (1_400.0, 0.08),
            (6_500.0, 0.35),
            (8_000.0, 0.63),
            (48_000.0, 0.92),
            (70_000.0, 1.0),
        ]),
        names: ["LDCs".into(), "Developed".into()],
    }
}

#[test]
fn income_scatter_golden() {
    let mut hits = Vec::new();
    let svg = render(560, 360, |a| {
        hits = draw_income_scatter(a, &scatter(), &Style::default()).unwrap();
    });
    // Hovering a point names the economy with its figures, from where it was drawn.
    assert_eq!(hits.len(), 5);
    let usa = hits[4];
    let near = nearest(&hits, f64::from(usa.x) - 3.0, f64::from(usa.y) + 3.0, 12.0).unwrap();
    assert_eq!(
        ChartData::Scatter(scatter()).tip(&near).as_deref(),
        Some("USA land (USA): score 1.000 · GDP per capita $70,000 · rank 1, expected 2")
    );
    // LDCs are filled triangles, developed economies open circles: shape and colour.
    assert!(
        svg.contains(r##"<polygon"##) && svg.contains("#D55E00"),
        "{svg}"
    );
    assert!(svg.contains(r##"fill="none" stroke="#0072B2""##), "{svg}");
    // The legend names the shapes and the line; the axis says it is a log scale of GDP.
    for text in [
        "LDCs",
        "Developed",
        "Others",
        "Fitted line",
        "(log scale)",
        "10k",
    ] {
        assert!(svg.contains(text), "{text}: {svg}");
    }
    // The followed economy has a ring and its code.
    assert!(svg.contains("#009E73") && svg.contains("KOR"), "{svg}");
    golden("income_scatter", &svg);
}

#[test]
fn the_scatter_legend_wraps_on_a_phone_and_ticks_thin_out() {
    // Four items of 100 px from x = 44 with 16 px gaps: three fit in 400 px, two in 300.
    assert_eq!(
        performers::legend_layout(&[100, 100, 100, 100], 44, 16, 400),
        [(44, 0), (160, 0), (276, 0), (44, 1)]
    );
    assert_eq!(
        performers::legend_layout(&[100, 100, 100, 100], 44, 16, 300),
        [(44, 0), (160, 0), (44, 1), (160, 1)]
    );
    // An item wider than the room gets a row of its own, not an empty row before it, moved
    // back to end at the edge (to 0 if wider than everything).
    assert_eq!(performers::legend_layout(&[400], 44, 16, 300), [(0, 0)]);
    assert_eq!(
        performers::legend_layout(&[100, 280], 44, 16, 300),
        [(44, 0), (20, 1)]
    );
    assert_eq!(
        performers::log_ticks(3.0_f64.log10() + 2.0, 5.2, true),
        [500.0, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5]
    );
    assert_eq!(performers::log_ticks(2.9, 5.2, false), [1e3, 1e4, 1e5]);
    assert!(performers::log_ticks(0.0, f64::INFINITY, true).is_empty());
    assert_eq!(
        [1e3, 2e3, 1e5, 1.5e6, 500.0].map(performers::money),
        ["1k", "2k", "100k", "1.5M", "500"]
    );
    let (lo, hi) = performers::x_range([1e3, 1e5].into_iter());
    assert!(
        (lo - 2.92).abs() < 1e-12 && (hi - 5.08).abs() < 1e-12,
        "{lo} {hi}"
    );
    assert_eq!(performers::x_range(std::iter::empty()), (2.0, 5.0));
}

#[test]
fn the_fitted_line_is_clipped_to_the_plot() {
    let line = index_core::performers::Fit {
        slope: 0.5,
        intercept: -1.0,
        r_squared: 0.8,
        n: 10,
    };
    // y = 0.5x − 1 meets y = 0 at x = 2 and y = 1 at x = 4: inside 1..5 × 0..1 it runs 2..4.
    assert_eq!(
        performers::clip_line(&line, (1.0, 5.0), (0.0, 1.0)),
        Some([(2.0, 0.0), (4.0, 1.0)])
    );
    assert_eq!(
        performers::clip_line(&line, (2.5, 3.0), (0.0, 1.0)),
        Some([(2.5, 0.25), (3.0, 0.5)])
    );
    assert_eq!(performers::clip_line(&line, (6.0, 7.0), (0.0, 1.0)), None);
    let flat = index_core::performers::Fit {
        slope: 0.0,
        intercept: 2.0,
        ..line
    };
    assert_eq!(performers::clip_line(&flat, (1.0, 5.0), (0.0, 1.0)), None);
}

#[test]
fn empty_data_draws_without_error() {
    let svg = render(200, 100, |a| {
        draw_ranked_bars(
            a,
            &RankedBars {
                bars: vec![],
                names: [String::new(), String::new()],
            },
            &Style::default(),
        )
        .unwrap();
    });
    assert!(svg.starts_with("<svg"));
    let svg = render(200, 100, |a| {
        draw_lines(
            a,
            &LineChart {
                years: vec![],
                series: vec![],
                inverted: true,
            },
            &Style::default(),
        )
        .unwrap();
    });
    assert!(svg.starts_with("<svg"));
    assert_eq!(nice_max(0.83), 1.0);
    assert_eq!(nice_max(83.0), 100.0);
    assert_eq!(nice_max(0.0), 1.0);
    assert_eq!(nice_max(21.0), 25.0);
}

/// Values no axis can span (a z-score scale of 1e308 made the gap chart's axis infinite and
/// froze the tab for good) are refused with a message, at once, by every chart.
#[test]
fn values_out_of_range_are_refused_not_drawn_forever() {
    assert_eq!(nice_max(1.5e308), 1.5e308);
    assert!(nice_max(f64::MAX).is_finite());
    let huge = GapBars {
        rows: vec![("Index".into(), vec![Some(1.5e308), Some(-1e308)])],
        names: vec!["LDCs".into(), "Developed".into()],
    };
    render(480, 200, |a| {
        let e = draw_gap_bars(a, &huge, &Style::default()).unwrap_err();
        assert!(e.contains("out of the range"), "{e}");
    });
    let mut b = bars();
    b.bars[0].value = -1e308;
    b.bars[1].value = 1e308;
    render(480, 200, |a| {
        assert!(draw_ranked_bars(a, &b, &Style::default()).is_err());
    });
    let lines = LineChart {
        years: vec![2019, 2020],
        series: vec![Line {
            label: "x".into(),
            colour: INK,
            mark: Mark::Other,
            values: vec![Some(-1e308), Some(1e308)],
        }],
        inverted: false,
    };
    render(480, 200, |a| {
        assert!(draw_lines(a, &lines, &Style::default()).is_err());
    });
    assert_eq!(axis(0.0, 100.0), Ok(0.0..100.0));
    assert!(axis(0.0, f64::INFINITY).is_err());
    assert!(axis(1.0, 1.0).is_err());
}

#[test]
fn unit_lines_golden() {
    use std::sync::Arc;
    let b = crate::fixtures::bundle("2023");
    let years = [2019, 2020];
    let r: Vec<_> = years
        .iter()
        .map(|y| Arc::new(crate::fixtures::results(&b, *y)))
        .collect();
    let groups = ["LDC".to_string(), "developed".to_string()];
    let t = crate::view_model::unit_trend::unit_trend(&b, &years, &r, "DDD", &groups).unwrap();
    let Some((_, _, ChartData::UnitLines(d), _, _)) = crate::view_model::unit_trend::view(&b, &t)
    else {
        panic!("no chart of the unit's years");
    };
    let mut hits = Vec::new();
    let svg = render(480, 360, |a| {
        hits = draw_unit_lines(a, &d, &Style::default()).unwrap();
    });
    // Every point of both panels can be hovered, and each names its own panel's series.
    let points = |c: &LineChart| -> usize {
        c.series
            .iter()
            .map(|s| s.values.iter().flatten().count())
            .sum()
    };
    assert_eq!(hits.len(), points(&d.score) + points(&d.rank));
    let last = hits.last().unwrap();
    assert_eq!(
        ChartData::UnitLines(d.clone()).tip(last),
        crate::charts::lines::tip(&d.rank, 0, last.item)
    );
    // Two panels, each with its legend: the unit's line, two groups' means, and the rank.
    for label in ["@Delta", "LDCs", "Developed", "Rank of @Delta"] {
        assert!(
            svg.contains(&format!(">\n{label}\n</text>")),
            "{label} missing: {svg}"
        );
    }
    golden("unit_lines", &svg);
}

/// The made-up map (`fixtures::map_json`) coloured from the test bundle's 2019 scores.
fn test_map() -> crate::view_model::ChartView {
    use crate::view_model::map::{map_view, Binning, MapOptions};
    let b = crate::fixtures::bundle("2023");
    let r = crate::fixtures::results(&b, 2019);
    let g = crate::shared::Shared::new(
        map::MapGeometry::from_json(&crate::fixtures::map_json()).unwrap(),
    );
    let options = MapOptions {
        node: b.framework().root(),
        binning: Binning::Quantiles(5),
        outline_ldcs: true,
    };
    map_view(&b, &r, &r, &g, &options, Some("CCC")).0
}

#[test]
fn map_paths_read_as_written() {
    let rings = map::parse_path("M10 20l5 0 0-5-5 0zM1 1L4 1 4 4z m1 1l2 0 0 2");
    assert_eq!(
        rings,
        vec![
            vec![[10.0, 20.0], [15.0, 20.0], [15.0, 15.0], [10.0, 15.0]],
            vec![[1.0, 1.0], [4.0, 1.0], [4.0, 4.0]],
            // After `z` the current point is the ring's start (1, 1).
            vec![[2.0, 2.0], [4.0, 2.0], [4.0, 4.0]],
        ]
    );
    assert!(map::parse_path("").is_empty());
    assert!(
        map::parse_path("M1 1l2").is_empty(),
        "a ring of one point is dropped"
    );
    assert!(map::MapGeometry::from_json("{}").is_err());
    assert!(map::MapGeometry::from_json(
        &crate::fixtures::map_json().replace("\"format\":1", "\"format\":2")
    )
    .is_err());
}

#[test]
fn map_hits_the_unit_under_the_pointer() {
    let g = map::MapGeometry::from_json(&crate::fixtures::map_json()).unwrap();
    let code =
        |p: [f32; 2], circled: &[bool]| g.hit(p, 4.0, circled).map(|i| g.units[i].code.clone());
    let none = vec![false; g.units.len()];
    let mut circled = none.clone();
    circled[g.units.iter().position(|u| u.code == "DDD").unwrap()] = true;
    assert_eq!(code([30.0, 30.0], &none).as_deref(), Some("AAA"));
    // The enclave, inside AAA's hole.
    assert_eq!(code([90.0, 90.0], &none).as_deref(), Some("BBB"));
    assert_eq!(code([200.0, 120.0], &none).as_deref(), Some("CCC"));
    assert_eq!(code([170.0, 90.0], &none), None, "the sea");
    // A small state's circle is bigger than its shape.
    assert_eq!(code([304.0, 103.0], &none), None);
    assert_eq!(code([304.0, 103.0], &circled).as_deref(), Some("DDD"));
}

#[test]
fn map_rings_keep_one_point_per_pixel() {
    let g = map::MapGeometry::from_json(&crate::fixtures::map_json()).unwrap();
    // 400 grid units on 40 pixels: a tenth of a pixel per unit.
    let fit = map::Fit::new(&g, 0.0, 0.0, 40.0, 20.0);
    let ring = [
        [0.0, 0.0],
        [1.0, 0.0],
        [20.0, 0.0],
        [20.0, 20.0],
        [2.0, 1.0],
    ];
    assert_eq!(fit.ring(&ring), Some(vec![(0, 0), (2, 0), (2, 2)]));
    // A small state's 2-unit square is under a pixel.
    assert_eq!(
        fit.ring(&[
            [300.0, 100.0],
            [302.0, 100.0],
            [302.0, 102.0],
            [300.0, 102.0]
        ]),
        None
    );
}

#[test]
fn map_hatching_stays_inside() {
    let square = vec![vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]];
    let lines = map::hatch(&square, 2.0);
    assert!(!lines.is_empty());
    for (a, b) in &lines {
        for p in [a, b] {
            assert!(
                (-1e-9..=10.0 + 1e-9).contains(&p.0) && (-1e-9..=10.0 + 1e-9).contains(&p.1),
                "{p:?}"
            );
        }
        // 45°: x − y is the same at both ends.
        assert!(((a.0 - a.1) - (b.0 - b.1)).abs() < 1e-9);
    }
    // A hole is left out: a square with a square hole gets more, shorter pieces.
    let holed = vec![
        square[0].clone(),
        vec![(3.0, 3.0), (7.0, 3.0), (7.0, 7.0), (3.0, 7.0)],
    ];
    assert!(map::hatch(&holed, 2.0).len() > lines.len());
    assert!(map::hatch(&square, 0.0).is_empty());
}

#[test]
fn map_golden() {
    let view = test_map();
    let ChartData::Map(chart) = &view.data else {
        panic!("not a map")
    };
    let svg = render(480, 300, |a| {
        map::draw_map(a, chart, &Style::default(), true).unwrap()
    });
    // Viridis fills, hatching for the unit without data (EEE in 2019 has x only), a circle for
    // the small state, the disclaimer under the map.
    assert!(svg.contains("<circle"), "small state drawn as a circle");
    assert!(svg.contains("#8A939E"), "hatching drawn");
    assert!(svg.contains("official endorsement"), "disclaimer drawn");
    assert!(svg.contains("No data"), "legend drawn");
    golden("map", &svg);
}

#[test]
fn map_downloads_carry_the_boundaries_and_the_disclaimer() {
    let view = test_map();
    let meta = crate::export::Metadata::default().with_notes_of(&view);
    let csv = crate::export::csv(&meta, &crate::export::Table::default()).unwrap();
    assert!(
        csv.contains("# boundaries,Boundaries: made up for tests"),
        "{csv}"
    );
    assert!(
        csv.contains("# disclaimer,The boundaries and names shown"),
        "{csv}"
    );
    let svg = crate::export::chart_svg(&view, (640, 480), Direction::Ltr).unwrap();
    assert!(svg.contains("official endorsement"), "{svg}");
    // Other charts get no such lines.
    let bars = crate::export::Metadata::default();
    assert!(bars.notes.is_empty());
}

#[test]
fn map_hatching_kept_draws_the_same() {
    let view = test_map();
    let ChartData::Map(chart) = &view.data else {
        panic!("not a map")
    };
    let draw = |w, h, foot| {
        render(w, h, |a| {
            map::draw_map(a, chart, &Style::default(), foot).unwrap()
        })
    };
    // Drawn again at the same size from the kept hatching; at another size, and with the
    // legend under it (a smaller map), computed anew: each as if drawn first.
    let first = draw(480, 300, true);
    assert_eq!(draw(480, 300, true), first);
    let alone = draw(480, 300, false);
    let wide = draw(640, 300, true);
    assert_eq!(draw(480, 300, true), first);
    let fresh = test_map();
    let ChartData::Map(fresh) = &fresh.data else {
        panic!("not a map")
    };
    let redraw = |w, h, foot| {
        render(w, h, |a| {
            map::draw_map(a, fresh, &Style::default(), foot).unwrap()
        })
    };
    assert_eq!(redraw(480, 300, false), alone);
    assert_eq!(redraw(640, 300, true), wide);
}

#[test]
fn map_captioned_golden() {
    let svg = crate::export::chart_svg(&test_map(), (640, 480), Direction::Ltr).unwrap();
    assert!(svg.contains("Boundaries: made up for tests"));
    assert!(svg.contains("Test index on the world map, 2019"));
}

// ---------------------------------------------------------------------------------------------
// Right to left

/// `draw` on an SVG `w × h` through the app's backend, in `dir`.
fn render_in(
    w: u32,
    h: u32,
    dir: Direction,
    draw: impl FnOnce(&DrawingArea<backend::Backend<'_>, plotters::coord::Shift>, &Style),
) -> String {
    let mut out = String::new();
    {
        let area = backend::Backend::svg(&mut out, (w, h), dir).into_drawing_area();
        draw(&area, &Style { scale: 1.0, dir });
        area.present().unwrap();
    }
    out
}

/// `svg` (as plotters writes it, `w` pixels wide) mirrored as the backend mirrors a drawing:
/// each point's x at `w − 1 − x`, each rectangle's [x, x + width) at [w − x − width, w − x),
/// each text's anchor flipped (start ↔ end; for turned text, its top ↔ bottom).
fn mirrored(svg: &str, w: i32) -> String {
    let flip = |x: &str| (w - 1 - x.parse::<i32>().unwrap()).to_string();
    let mut out = String::new();
    for line in svg.lines() {
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut rest = line;
        let head_end = line.find(' ').filter(|_| line.starts_with('<'));
        let Some(head_end) = head_end.filter(|_| !line.starts_with("<svg")) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let head = &line[..head_end];
        rest = &rest[head_end..];
        while let Some(eq) = rest.find("=\"") {
            let name = rest[..eq].trim().to_string();
            let value_end = rest[eq + 2..].find('"').unwrap() + eq + 2;
            attrs.push((name, rest[eq + 2..value_end].to_string()));
            rest = &rest[value_end + 1..];
        }
        let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let turned = get("transform").is_some();
        let width = get("width");
        for (name, value) in &mut attrs {
            *value = match (name.as_str(), head) {
                ("x", "<rect") => {
                    let (x, wd): (i32, i32) = (
                        value.parse().unwrap(),
                        width.as_deref().unwrap().parse().unwrap(),
                    );
                    (w - x - wd).to_string()
                }
                ("x" | "x1" | "x2" | "cx", _) => flip(value),
                ("points", _) => {
                    value
                        .split_whitespace()
                        .map(|p| {
                            let (x, y) = p.split_once(',').unwrap();
                            format!("{},{y}", flip(x))
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                        + " "
                }
                ("text-anchor", _) if !turned => match value.as_str() {
                    "start" => "end".into(),
                    "end" => "start".into(),
                    v => v.into(),
                },
                ("dy", _) if turned => match value.as_str() {
                    "0.76em" => "-0.5ex".into(),
                    "-0.5ex" => "0.76em".into(),
                    v => v.into(),
                },
                ("transform", _) => {
                    // rotate(a, x, y)
                    let inner = value.trim_start_matches("rotate(").trim_end_matches(')');
                    let parts: Vec<&str> = inner.split(", ").collect();
                    format!("rotate({}, {}, {})", parts[0], flip(parts[1]), parts[2])
                }
                _ => value.clone(),
            };
        }
        out.push_str(head);
        for (name, value) in &attrs {
            out.push_str(&format!(" {name}=\"{value}\""));
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

/// `svg` without its bidirectional marks and isolates (U+200E, U+200F, U+2066–U+2069): how it
/// compares with a left-to-right drawing, where none is written.
fn unmarked(svg: &str) -> String {
    svg.replace(
        [
            '\u{200E}', '\u{200F}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ],
        "",
    )
}

/// A chart drawn right to left is its left-to-right drawing mirrored, whatever the chart:
/// the mirroring is the backend's alone (its texts isolated besides: see
/// `every_text_drawn_right_to_left_is_isolated`).
#[track_caller]
fn check_mirrored(
    name: &str,
    (w, h): (u32, u32),
    draw: impl Fn(&DrawingArea<backend::Backend<'_>, plotters::coord::Shift>, &Style),
) {
    let ltr = render_in(w, h, Direction::Ltr, &draw);
    let rtl = render_in(w, h, Direction::Rtl, &draw);
    assert_ne!(ltr, unmarked(&rtl), "{name}");
    assert_eq!(mirrored(&ltr, w as i32), unmarked(&rtl), "{name}");
}

#[test]
fn every_chart_reads_right_to_left_as_its_mirror() {
    let bars = ChartData::Bars(bars());
    check_mirrored("bars", (480, 240), |a, s| drop(bars.draw(a, s).unwrap()));
    let scatter = ChartData::Scatter(scatter());
    check_mirrored("scatter", (560, 360), |a, s| {
        drop(scatter.draw(a, s).unwrap())
    });
    let lines = ChartData::Lines(years());
    check_mirrored("lines", (480, 200), |a, s| drop(lines.draw(a, s).unwrap()));
    let gap = GapBars {
        rows: vec![
            ("Index".into(), vec![Some(0.2), Some(0.8)]),
            ("ICT".into(), vec![Some(0.1), None]),
        ],
        names: vec!["LDCs".into(), "Developed".into()],
    };
    let gap = ChartData::Gap(gap);
    check_mirrored("gap bars", (480, 200), |a, s| drop(gap.draw(a, s).unwrap()));
    let waterfall = Waterfall {
        steps: vec![("Aggregation".into(), -0.005), ("R&D weight".into(), 0.006)],
        total: "Total change".into(),
    };
    check_mirrored("waterfall", (480, waterfall.height()), |a, s| {
        draw_waterfall(a, &waterfall, s).unwrap()
    });
    let spans = RankSpans {
        spans: vec![RankSpan {
            code: "AAA".into(),
            nominal: 1,
            median: 2,
            q05: 1,
            q95: 3,
            membership: Membership::B,
            wide: false,
            selected: true,
        }],
        names: ["LDCs".into(), "Developed".into()],
    };
    // Its axes' names: the y axis's turned a quarter.
    check_mirrored("rank spans", (480, 260), |a, s| {
        draw_rank_spans(a, &spans, s).unwrap()
    });
}

/// Four years of one line, the second missing.
fn years() -> LineChart {
    LineChart {
        years: vec![2017, 2018, 2019, 2020],
        series: vec![Line {
            label: "Gap".into(),
            colour: ACCENT,
            mark: Mark::Other,
            values: vec![Some(0.5), None, Some(0.4), Some(0.3)],
        }],
        inverted: false,
    }
}

/// `(x, width)` of each `<rect` in `svg` filled or outlined in `colour`.
fn rects(svg: &str, colour: &str) -> Vec<(i32, i32)> {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(colour))
        .map(|l| {
            let attr = |k: &str| -> i32 {
                let at = l.find(&format!(" {k}=\"")).unwrap() + k.len() + 3;
                l[at..at + l[at..].find('"').unwrap()].parse().unwrap()
            };
            (attr("x"), attr("width"))
        })
        .collect()
}

#[test]
fn the_first_bar_starts_at_the_right() {
    let draw = |dir| {
        render_in(480, 240, dir, |a, s| {
            ChartData::Bars(bars()).draw(a, s).unwrap();
        })
    };
    let (ltr, rtl) = (draw(Direction::Ltr), draw(Direction::Rtl));
    // The first bar (Switzerland, outlined blue; after the legend's swatch).
    let (x, w) = rects(&ltr, "#0072B2")[1];
    assert!(x < 240, "{ltr}");
    assert_eq!(rects(&rtl, "#0072B2")[1], (480 - x - w, w));
    // The score axis's labels on the right, ending at the plot; the legend's names after
    // their swatches, to their left.
    assert!(rtl.contains(r#"text-anchor="start""#) && rtl.contains(r#"text-anchor="end""#));
    let label = |svg: &str, text: &str| -> (i32, String) {
        let i = svg.find(&format!(">\n{text}\n</text>")).unwrap();
        let line = &svg[svg[..i].rfind("<text").unwrap()..i];
        let x = line
            .split("x=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let anchor = line
            .split("text-anchor=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next();
        (x.parse().unwrap(), anchor.unwrap().to_string())
    };
    let (x, anchor) = label(&ltr, "LDCs");
    assert_eq!(anchor, "start");
    assert_eq!(
        label(&rtl, "\u{2068}LDCs\u{2069}"),
        (479 - x, "end".to_string())
    );
    // The legend at the plot's start: left to right at its left, right to left at its right.
    assert!(x < 240, "{ltr}");
}

#[test]
fn a_time_axis_reads_right_to_left_and_hits_follow_the_marks() {
    let chart = ChartData::Lines(years());
    let mut hits = [Vec::new(), Vec::new()];
    let svgs = [Direction::Ltr, Direction::Rtl].map(|dir| {
        render_in(480, 200, dir, |a, s| {
            hits[usize::from(dir == Direction::Rtl)] = chart.draw(a, s).unwrap();
        })
    });
    let [ltr, rtl] = &hits;
    // The earliest year at the left, then at the right; every point mirrored.
    assert!(ltr[0].x < ltr[2].x && rtl[0].x > rtl[2].x, "{rtl:?}");
    for (l, r) in ltr.iter().zip(rtl) {
        assert_eq!(
            (r.x, r.y, r.series, r.item),
            (479 - l.x, l.y, l.series, l.item)
        );
        // Where a hit says a point is, its mark was drawn.
        assert!(svgs[1].contains(&format!(r#"<circle cx="{}" cy="{}""#, r.x, r.y)));
    }
    // The pointer on a point's mirror finds the same point, with the same tip.
    for l in ltr {
        let (x, y) = (f64::from(l.x) + 2.0, f64::from(l.y) - 1.0);
        let found = nearest(rtl, 479.0 - x, y, 12.0).unwrap();
        assert_eq!((found.series, found.item), (l.series, l.item));
        assert_eq!(chart.tip(&found), chart.tip(l));
    }
    // The years' labels: 2017 at the right.
    let at = |svg: &str, year: &str| svg.find(&format!(">\n{year}\n</text>")).is_some();
    assert!(at(&svgs[1], "\u{2068}2017\u{2069}"));
}

#[test]
fn the_map_keeps_its_geography_right_to_left() {
    let view = test_map();
    let draw = |dir| {
        render_in(480, 300, dir, |a, s| {
            view.data.draw(a, s).unwrap();
        })
    };
    let (ltr, rtl) = (draw(Direction::Ltr), draw(Direction::Rtl));
    // The same land, sea and circles at the same places…
    let shapes = |svg: &str| -> Vec<String> {
        svg.lines()
            .filter(|l| {
                (l.starts_with("<polygon") || l.starts_with("<circle")) && !l.contains(HATCH_HEX)
            })
            .map(str::to_string)
            .collect()
    };
    assert!(!shapes(&ltr).is_empty());
    assert_eq!(shapes(&ltr), shapes(&rtl));
    // …and the legend under it read right to left: its names end left of their swatches.
    assert!(rtl.contains(r#"text-anchor="end""#) && rtl.contains("No data"));
    assert!(!ltr.contains(r#"text-anchor="end""#));
}

/// Right to left, every text is drawn isolated, so that it reads in its own direction whatever
/// the direction of what it is drawn on (a Latin name's trailing punctuation, a number's sign);
/// left to right, as it is.
#[test]
fn every_text_drawn_right_to_left_is_isolated() {
    let texts = |dir| {
        let svg = render_in(480, 240, dir, |a, s| {
            ChartData::Bars(bars()).draw(a, s).unwrap();
        });
        let lines: Vec<String> = svg.lines().map(str::to_string).collect();
        lines
            .windows(2)
            .filter(|w| w[0].starts_with("<text"))
            .map(|w| w[1].clone())
            .collect::<Vec<_>>()
    };
    let (ltr, rtl) = (texts(Direction::Ltr), texts(Direction::Rtl));
    assert!(ltr.len() > 5 && ltr.len() == rtl.len(), "{rtl:?}");
    for (l, r) in ltr.iter().zip(&rtl) {
        assert_eq!(*r, format!("\u{2068}{l}\u{2069}"));
    }
}

/// The map's hatching colour, as SVG writes it.
const HATCH_HEX: &str = "#8A939E";

#[test]
fn downloads_read_right_to_left_and_golden() {
    let view = super::caption::golden::view();
    let ltr = crate::export::chart_svg(&view, (640, 480), Direction::Ltr).unwrap();
    let rtl = crate::export::chart_svg(&view, (640, 480), Direction::Rtl).unwrap();
    assert_eq!(mirrored(&ltr, 640), unmarked(&rtl));
    // The title at the right, ending at the margin.
    assert!(
        rtl.contains(r#"x="625" y="14" dy="0.76em" text-anchor="end""#),
        "{rtl}"
    );
    golden("captioned_rtl", &rtl);
}

#[test]
fn a_cut_label_ends_with_an_ellipsis() {
    assert_eq!(fit("ICT deployment", 20), "ICT deployment");
    assert_eq!(fit("ICT deployment", 6), "ICT d…");
    assert_eq!(fit("أقل البلدان نموًا", 5), "أقل …");
}

/// The GDP axis's name, too wide for the plot and its margins (as Arabic's on a phone), is
/// centred under the whole chart in a smaller font; where it fits, it keeps 12 px.
#[test]
fn a_long_axis_name_is_made_smaller_and_centred_under_the_chart() {
    let name = |w: u32| -> (i32, f64) {
        let svg = render(w, 300, |a| {
            draw_income_scatter(a, &scatter(), &Style::default()).unwrap();
        });
        let i = svg
            .find(">\nGDP per capita, PPP $ (log scale)\n</text>")
            .unwrap();
        let line = &svg[svg[..i].rfind("<text").unwrap()..i];
        let attr = |k: &str| {
            line.split(&format!(" {k}=\""))
                .nth(1)
                .unwrap()
                .split('"')
                .next()
        };
        (
            attr("x").unwrap().parse().unwrap(),
            attr("font-size").unwrap().parse().unwrap(),
        )
    };
    let (_, size) = name(560);
    assert_eq!(size, 12.0 / 1.24);
    let (x, size) = name(180);
    assert!((8.0 / 1.24..12.0 / 1.24).contains(&size), "{size}");
    assert!((89..=90).contains(&x), "{x}");
}
