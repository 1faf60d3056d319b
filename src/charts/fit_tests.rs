//! Tests that charts fit where they are read: every label's box, measured
//! with the reader's text spacing, stays inside its drawing and clear of every
//! other label, in both the wide and the narrow drawing; text reads at 12 px
//! and more on a phone; too many series become sorted bars; the council's own
//! figures are picked out from the comparators'.

use super::layout::{FONT, NARROW, WIDE};
use super::metrics;
use super::tests::{chart, series};
use super::{Chart, ChartSeries, Kind, as_drawn, description, svg};
use crate::data::indicators::Unit;

/// A label's box: left, top, right, bottom.
type Box4 = (i32, i32, i32, i32);
/// A drawing's width, height and labels with their boxes.
type Drawing = (i32, i32, Vec<(String, Box4)>);

/// The value of attribute `name` in the tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let from = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[from..from + tag[from..].find('"')?])
}

/// The drawings in `svg`: each one's width, height and text boxes.
fn drawings(svg: &str) -> Vec<Drawing> {
    svg.split("<svg ")
        .skip(1)
        .map(|drawing| {
            let head = &drawing[..drawing.find('>').unwrap()];
            let size = |name| attr(head, name).unwrap().parse::<i32>().unwrap();
            let (width, height) = (size("width"), size("height"));
            let boxes = drawing
                .split("<text ")
                .skip(1)
                .map(|text| {
                    let end = text.find('>').unwrap();
                    let tag = &format!(" {}", &text[..end]);
                    let content = &text[end + 1..text.find("</text>").unwrap()];
                    let content = content
                        .replace("&amp;", "&")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'");
                    let number = |name| attr(tag, name).map(|v| v.parse::<i32>().unwrap());
                    let (x, y) = (number("x").unwrap(), number("y").unwrap());
                    let font = number("font-size").unwrap_or(FONT);
                    let bold = attr(tag, "font-weight") == Some("bold");
                    let w = metrics::width(&content, font, bold);
                    let left = match attr(tag, "text-anchor") {
                        Some("middle") => x - w / 2,
                        Some("end") => x - w,
                        _ => x,
                    };
                    // Ascent and descent of a sans-serif face, about 0.8 and
                    // 0.2 of the size.
                    let bx = (left, y - font * 4 / 5, left + w, y + font / 5);
                    (content, bx)
                })
                .collect();
            (width, height, boxes)
        })
        .collect()
}

/// Asserts every label in both drawings of `chart` is inside its drawing and
/// overlaps no other.
fn assert_fits(chart: &Chart) {
    let svg = svg(chart);
    let drawings = drawings(&svg);
    assert_eq!(drawings.len(), 2, "{svg}");
    for (width, height, boxes) in drawings {
        for (text, (l, t, r, b)) in &boxes {
            assert!(
                *l >= 0 && *t >= 0 && *r <= width && *b <= height,
                "{text:?} at {:?} leaves the {width}x{height} drawing of {:?}",
                (l, t, r, b),
                chart.kind
            );
        }
        for (i, (a, ba)) in boxes.iter().enumerate() {
            for (b, bb) in &boxes[i + 1..] {
                let apart = ba.2 <= bb.0 || bb.2 <= ba.0 || ba.3 <= bb.1 || bb.3 <= ba.1;
                assert!(
                    apart,
                    "{a:?} {ba:?} overlaps {b:?} {bb:?} in the {width}-wide {:?} chart",
                    chart.kind
                );
            }
        }
    }
}

const LONG: [&str; 3] = [
    "Statistical neighbours average",
    "Thurrock Council",
    "East of England region",
];

fn twelve_periods() -> Vec<String> {
    (1..=12)
        .map(|m| format!("{} 2023", crate::period::MONTHS[m - 1]))
        .collect()
}

fn figures(seed: usize, n: usize) -> Vec<Option<f64>> {
    (0..n)
        .map(|i| Some(((seed * 37 + i * 53) % 90 + 10) as f64 * 1.5))
        .collect()
}

#[test]
fn line_labels_fit_and_keep_clear_with_text_spacing() {
    let periods = twelve_periods();
    let periods: Vec<&str> = periods.iter().map(String::as_str).collect();
    for unit in [Unit::Count, Unit::Percent, Unit::Money] {
        // Lines ending close together, so their end labels must move apart.
        let close: Vec<ChartSeries> = LONG
            .iter()
            .enumerate()
            .map(|(k, name)| {
                let mut values = figures(k, 12);
                values[11] = Some(50.0 + k as f64);
                series(name, &values)
            })
            .collect();
        let mut chart = chart(Kind::Line, &periods, close);
        chart.unit = unit;
        assert_fits(&chart);
    }
}

#[test]
fn end_labels_too_tall_for_the_plot_make_it_taller_rather_than_overlap() {
    // Four long names wrapping to several lines, all ending near the top:
    // stacked, they are taller than the usual plot.
    let names = [
        "England",
        "Statistical neighbours (mean of the ten most similar councils)",
        "Chart Stress Test Borough",
        "East of England region",
    ];
    let lines: Vec<ChartSeries> = names
        .iter()
        .enumerate()
        .map(|(k, name)| series(name, &[Some(60.0), Some(70.0 + k as f64 * 0.5)]))
        .collect();
    let chart = chart(Kind::Line, &["2021-22", "2022-23"], lines);
    assert_fits(&chart);
}

#[test]
fn the_councils_own_row_named_in_bold_fits_its_drawing() {
    let areas = [
        "Chart Stress Test Borough (Q4 2022-23)",
        "Statistical neighbours (mean of the ten most similar councils) (2021-22)",
        "England (2021-22)",
    ];
    let mut chart = chart(
        Kind::Bar,
        &areas,
        vec![series("Rate", &[Some(64.3), Some(70.1), Some(71.0)])],
    );
    chart.own_category = Some(0);
    assert_fits(&chart);
}

#[test]
fn bar_labels_fit_and_keep_clear_with_text_spacing() {
    let groups = [
        "Unaccompanied asylum-seeking children",
        "Placed more than 20 miles from home",
        "Fostered with other foster carer: not long-term or FFA/concurrent planning",
        "Children's home",
        "Placed for adoption",
        "Residential school",
        "Semi-independent living (not subject to Children's Homes Regulations)",
        "Secure children's home",
        "Other placement",
        "Young offender institution or prison",
        "Family centre or mother and baby unit",
        "Placed with own parents",
    ];
    let two = vec![
        series(LONG[1], &figures(1, 12)),
        series(LONG[0], &figures(2, 12)),
    ];
    assert_fits(&chart(Kind::Bar, &groups, two.clone()));
    let years = ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24"];
    let mut chart = chart(Kind::Bar, &years, vec![series(LONG[1], &figures(3, 5))]);
    chart.unit = Unit::Money;
    assert_fits(&chart);
}

#[test]
fn stacked_labels_fit_and_keep_clear_with_text_spacing() {
    let quarters = ["Q1 2023-24", "Q2 2023-24", "Q3 2023-24", "Q4 2023-24"];
    let six: Vec<ChartSeries> = (0..6)
        .map(|k| series(&format!("{} group {k}", LONG[k % 3]), &figures(k, 4)))
        .collect();
    assert_fits(&chart(Kind::Stacked, &quarters, six));
}

#[test]
fn too_many_series_fit_as_sorted_bars() {
    let periods = ["2022-23", "2023-24"];
    let many: Vec<ChartSeries> = (0..14)
        .map(|k| series(&format!("{} {k}", LONG[k % 3]), &figures(k, 2)))
        .collect();
    assert_fits(&chart(Kind::Stacked, &periods, many.clone()));
    assert_fits(&chart(Kind::Line, &periods, many));
}

/// Every font size used in a drawing, in viewBox units.
fn font_sizes(drawing: &str) -> Vec<i32> {
    drawing
        .split("<text ")
        .skip(1)
        .map(|text| {
            let tag = format!(" {}", &text[..text.find('>').unwrap()]);
            attr(&tag, "font-size").map_or(FONT, |s| s.parse().unwrap())
        })
        .collect()
}

#[test]
fn text_reads_at_12px_on_a_phone_and_14px_on_a_desktop() {
    let mut chart = chart(
        Kind::Line,
        &["2022-23", "2023-24"],
        vec![series("Thurrock", &[None, Some(4.0)])],
    );
    chart.series[0].markers[0] = Some("[c]".into());
    let both = svg(&chart);
    let (wide, narrow) = both.split_at(both.find("</svg>").unwrap() + 6);
    assert!(wide.contains(&format!("viewBox=\"0 0 {WIDE} ")), "{wide}");
    assert!(
        narrow.contains(&format!("viewBox=\"0 0 {NARROW} ")),
        "{narrow}"
    );
    // The narrow drawing fills a 320 px screen's column of about 290 px;
    // the wide one a desktop's column of 600 px and more.
    let smallest = |drawing: &str| *font_sizes(drawing).iter().min().unwrap();
    assert!(smallest(narrow) < FONT, "the note is small: {narrow}");
    assert!(f64::from(smallest(narrow)) * 290.0 / f64::from(NARROW) >= 12.0);
    assert!(f64::from(smallest(wide)) * 600.0 / f64::from(WIDE) >= 14.0);
}

#[test]
fn the_narrow_drawing_is_hidden_unless_the_screen_is_narrow() {
    let chart = chart(
        Kind::Bar,
        &["2023-24"],
        vec![series("Thurrock", &[Some(4.0)])],
    );
    let both = svg(&chart);
    let (wide, narrow) = both.split_at(both.find("</svg>").unwrap() + 6);
    assert!(wide.starts_with("<svg class=\"chart chart-wide\""));
    // The narrow drawing is described by the wide one's <desc>: one per chart.
    assert!(narrow.trim_start().starts_with(
        "<svg class=\"chart chart-narrow\" role=\"img\" \
         aria-labelledby=\"chart-1-n-title\" aria-describedby=\"chart-1-desc\""
    ));
    assert_eq!(both.matches("<desc").count(), 1);
    assert!(wide.contains("<desc id=\"chart-1-desc\">"));
    // Hidden by display: none, so out of the accessibility tree as well: a
    // rule of the site's stylesheet, not of each chart.
    assert!(!both.contains("<style"));
    let css = super::tests::stylesheet();
    assert!(css.contains("svg.chart.chart-narrow {\n  display: none;\n"));
    assert!(css.contains(
        "@media (max-width: 35em) {\n  svg.chart.chart-wide {\n    display: none;\n  }\n\n  \
         svg.chart.chart-narrow {\n    display: block;\n  }\n}"
    ));
    // Each drawing is shown no larger than its natural size, where its
    // 16-unit text is the body's (1.1875rem wide, 1.0625rem narrow): in rem,
    // so it follows the reader's font size and zoom.
    for (width, body) in [
        (super::layout::WIDE, 1.1875),
        (super::layout::NARROW, 1.0625),
    ] {
        let natural = format!(
            "max-width: min(100%, {:.2}rem);",
            f64::from(width) / 16.0 * body
        );
        assert!(css.contains(&natural), "{natural}");
    }
    let ids: Vec<&str> = both
        .split(" id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

/// Fourteen placement types over two years, some suppressed in the latest.
fn placements(kind: Kind) -> Chart {
    let mut many: Vec<ChartSeries> = (0..14)
        .map(|k| {
            series(
                &format!("Type {k}"),
                &[Some(1.0), Some((k * 7 % 13) as f64)],
            )
        })
        .collect();
    many[3].values[1] = None;
    many[3].markers[1] = Some("[c]".into());
    chart(kind, &["2022-23", "2023-24"], many)
}

#[test]
fn more_than_six_series_become_sorted_bars_of_the_latest_period() {
    for kind in [Kind::Line, Kind::Stacked] {
        let chart = placements(kind);
        let drawn = as_drawn(&chart);
        assert_eq!(drawn.kind, Kind::Bar);
        assert_eq!(drawn.series.len(), 1);
        assert_eq!(drawn.series[0].name, "2023-24");
        assert_eq!(drawn.categories.len(), 14, "every series is still a bar");
        let values: Vec<f64> = drawn.series[0].values.iter().flatten().copied().collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        // The suppressed figure comes last, with its note.
        assert_eq!(drawn.categories[13], "Type 3");
        assert_eq!(drawn.series[0].marker(13), Some("[c]"));
        // Drawn as rows of bars, and described as drawn.
        let svg = svg(&chart);
        assert!(!svg.contains("<polyline"), "{svg}");
        assert!(
            description(&chart).contains("Bar chart of 14 groups"),
            "{}",
            description(&chart)
        );
    }
    // Six or fewer are drawn as given.
    let mut six = placements(Kind::Stacked);
    six.series.truncate(6);
    assert_eq!(as_drawn(&six).kind, Kind::Stacked);
    let mut bars = placements(Kind::Bar);
    bars.series.truncate(8);
    assert_eq!(as_drawn(&bars).kind, Kind::Bar);
    assert_eq!(as_drawn(&bars).series.len(), 8);
}

/// The stroke widths of the lines in a drawing, in order.
fn stroke_widths(drawing: &str) -> Vec<&str> {
    drawing
        .split("<polyline ")
        .skip(1)
        .map(|line| attr(line, "stroke-width").unwrap())
        .collect()
}

#[test]
fn comparator_lines_are_quieter_than_the_councils_own() {
    let mut chart = chart(
        Kind::Line,
        &["2021-22", "2022-23", "2023-24"],
        vec![
            series("England", &[Some(70.0), Some(71.0), Some(72.0)]),
            series("Thurrock", &[Some(60.0), Some(66.0), Some(75.0)]),
        ],
    );
    chart.series[0].comparator = true;
    let svg = svg(&chart);
    let wide = &svg[..svg.find("</svg>").unwrap()];
    assert_eq!(stroke_widths(wide), ["2", "4"], "{wide}");
    // England in a quiet grey, Thurrock in the palette's blue, named in bold.
    assert!(wide.contains("stroke=\"#6F777B\""), "{wide}");
    assert!(wide.contains("stroke=\"#0072B2\""), "{wide}");
    assert!(
        wide.contains("font-weight=\"bold\">Thurrock</text>"),
        "{wide}"
    );
    assert!(
        !wide.contains("font-weight=\"bold\">England</text>"),
        "{wide}"
    );
    // With no comparator, every line is alike.
    chart.series[0].comparator = false;
    let plain = super::tests::wide(&chart);
    assert_eq!(stroke_widths(&plain), ["3", "3"], "{plain}");
}

#[test]
fn the_councils_own_bar_is_picked_out_among_areas() {
    let mut chart = chart(
        Kind::Bar,
        &["England", "Thurrock", "Essex"],
        vec![series("2023-24", &[Some(70.0), Some(66.0), Some(58.0)])],
    );
    chart.own_category = Some(1);
    let wide = super::tests::wide(&chart);
    let marks = &wide[wide.find("<g class=\"marks\">").unwrap()..];
    let marks = &marks[..marks.find("</g>").unwrap()];
    let fills: Vec<&str> = marks
        .split("<rect ")
        .skip(1)
        .map(|r| attr(r, "fill").unwrap())
        .collect();
    assert_eq!(fills, ["#6F777B", "#0072B2", "#6F777B"], "{wide}");
    assert!(
        wide.contains("font-weight=\"bold\">Thurrock</text>"),
        "{wide}"
    );
    assert!(
        !wide.contains("font-weight=\"bold\">England</text>"),
        "{wide}"
    );
}
