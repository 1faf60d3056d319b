//! Tests of bar charts: columns, rows, notes, zero and broken axes.

use super::super::tests::{chart, series, wide as svg};
use super::super::{Kind, Span};
use crate::data::indicators::Unit;

#[test]
fn snapshot_columns_for_two_areas() {
    let mut chart = chart(
        Kind::Bar,
        &["2021-22", "2022-23", "2023-24"],
        vec![
            series("Thurrock", &[Some(65.1), Some(70.0), None]),
            series("England", &[Some(67.0), Some(70.0), Some(71.2)]),
        ],
    );
    chart.unit = Unit::RatePer10k;
    chart.decimals = 1;
    chart.series[0].markers[2] = Some("[c]".into());
    let svg = svg(&chart);
    assert!(
        svg.contains("text-anchor=\"middle\">2021-22</text>"),
        "columns expected: {svg}"
    );
    insta::assert_snapshot!(svg);
}

#[test]
fn snapshot_rows_for_long_group_names() {
    let mut chart = chart(
        Kind::Bar,
        &[
            "Unaccompanied asylum-seeking children",
            "Placed more than 20 miles from home",
            "Three or more placements in the year",
        ],
        vec![series("Thurrock", &[Some(12.0), Some(18.5), None])],
    );
    chart.unit = Unit::Percent;
    chart.decimals = 1;
    chart.series[0].markers[2] = Some("[c]".into());
    insta::assert_snapshot!(svg(&chart));
}

#[test]
fn a_missing_figure_has_no_bar_but_its_note() {
    let mut chart = chart(
        Kind::Bar,
        &["2022-23", "2023-24"],
        vec![series("Thurrock", &[Some(70.0), None])],
    );
    chart.series[0].markers[1] = Some("[c]".into());
    let svg = svg(&chart);
    let marks = &svg[svg.find("<g class=\"marks\">").unwrap()..];
    let marks = &marks[..marks.find("</g>").unwrap()];
    assert_eq!(marks.matches("<rect").count(), 1, "{svg}");
    assert!(svg.contains(">[c]</text>"), "{svg}");
}

#[test]
fn bars_start_at_zero() {
    let chart = chart(
        Kind::Bar,
        &["2022-23", "2023-24"],
        vec![series("Thurrock", &[Some(290.0), Some(308.0)])],
    );
    assert!(svg(&chart).contains(">0</text>"));
}

#[test]
fn several_series_have_patterns_and_a_key() {
    let chart = chart(
        Kind::Bar,
        &["2022-23"],
        vec![
            series("Thurrock", &[Some(1.0)]),
            series("England", &[Some(2.0)]),
            series("Neighbours", &[Some(3.0)]),
        ],
    );
    let svg = svg(&chart);
    assert!(svg.contains("<pattern id=\"chart-1-p1\""), "{svg}");
    assert!(svg.contains("<pattern id=\"chart-1-p2\""), "{svg}");
    assert!(svg.contains("fill=\"url(#chart-1-p2)\""), "{svg}");
    assert!(svg.contains(">Neighbours</text>"), "{svg}");
}

/// The lines of the axis group.
fn axis(svg: &str) -> &str {
    let axis = &svg[svg.find("<g class=\"axis\"").unwrap()..];
    &axis[..axis.find("</g>").unwrap()]
}

#[test]
fn periods_left_out_between_bars_break_the_axis() {
    let month = |year: i32, month: i32| Span {
        start: year * 12 + month - 1,
        end: year * 12 + month,
    };
    let mut chart = chart(
        Kind::Bar,
        &["June 2022", "June 2023"],
        vec![series("Thurrock", &[Some(80.0), Some(90.0)])],
    );
    chart.spans = Some(vec![month(2022, 6), month(2023, 6)]);
    let broken = svg(&chart);
    // The axis in two pieces and two slashes between them.
    assert_eq!(axis(&broken).matches("<line").count(), 4, "{broken}");
    assert!(broken.contains("No periods shown between June 2022 and June 2023."));
    chart.spans = Some(vec![month(2023, 5), month(2023, 6)]);
    let whole = svg(&chart);
    assert_eq!(axis(&whole).matches("<line").count(), 1, "{whole}");
    assert!(!whole.contains("No periods shown"));
}
