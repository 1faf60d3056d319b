//! Tests of line charts: gaps, time to scale, labels and the value axis.

use super::super::tests::{at_months, chart, over_months, series, wide as svg};
use super::super::{Kind, Span};
use crate::data::indicators::Unit;

fn months() -> [&'static str; 5] {
    [
        "February 2023",
        "March 2023",
        "April 2023",
        "May 2023",
        "June 2023",
    ]
}

#[test]
fn snapshot_two_lines_with_a_gap() {
    let mut chart = chart(
        Kind::Line,
        &months(),
        vec![
            series(
                "Thurrock",
                &[Some(294.0), Some(292.0), None, Some(301.0), Some(308.0)],
            ),
            series(
                "Statistical neighbours",
                &[
                    Some(280.0),
                    Some(285.0),
                    Some(283.0),
                    Some(290.0),
                    Some(296.0),
                ],
            ),
        ],
    );
    chart.series[0].markers[2] = Some("[c]".into());
    chart.series[0].markers[4] = Some("[p]".into());
    insta::assert_snapshot!(svg(&chart));
}

#[test]
fn a_gap_breaks_the_line_in_two() {
    let chart = chart(
        Kind::Line,
        &months(),
        vec![series(
            "Thurrock",
            &[Some(294.0), Some(292.0), None, Some(301.0), Some(308.0)],
        )],
    );
    let svg = svg(&chart);
    assert_eq!(svg.matches("<polyline").count(), 2, "{svg}");
}

#[test]
fn an_isolated_figure_is_a_marker_without_a_line() {
    let chart = chart(
        Kind::Line,
        &months(),
        vec![series(
            "Thurrock",
            &[Some(294.0), None, Some(301.0), None, None],
        )],
    );
    let svg = svg(&chart);
    assert_eq!(svg.matches("<polyline").count(), 0, "{svg}");
    // Two points plus the one in the end label.
    assert_eq!(svg.matches("<circle").count(), 3, "{svg}");
}

#[test]
fn lines_differ_in_dash_and_marker() {
    let chart = chart(
        Kind::Line,
        &months(),
        vec![
            series("A", &[Some(1.0); 5]),
            series("B", &[Some(2.0); 5]),
            series("C", &[Some(3.0); 5]),
        ],
    );
    let svg = svg(&chart);
    assert_eq!(svg.matches("stroke-dasharray=").count(), 2, "{svg}");
    assert!(svg.contains("<circle") && svg.contains("<rect") && svg.contains("<polygon"));
}

#[test]
fn end_labels_give_name_and_latest_figure() {
    let mut chart = chart(
        Kind::Line,
        &["2021-22", "2022-23"],
        vec![series("England", &[Some(67.0), Some(70.0)])],
    );
    chart.unit = Unit::RatePer10k;
    chart.decimals = 1;
    let svg = svg(&chart);
    assert!(svg.contains(">England</text>"), "{svg}");
    assert!(svg.contains(" font-weight=\"bold\">70.0</text>"), "{svg}");
    assert!(svg.contains(">Rate per 10,000</text>"), "{svg}");
}

#[test]
fn crowded_month_labels_are_shortened_and_thinned() {
    let months = [
        "July 2022",
        "August 2022",
        "September 2022",
        "October 2022",
        "November 2022",
        "December 2022",
        "January 2023",
        "February 2023",
        "March 2023",
        "April 2023",
        "May 2023",
        "June 2023",
    ];
    let values: Vec<Option<f64>> = (0..12).map(|i| Some(f64::from(i))).collect();
    let svg = svg(&chart(
        Kind::Line,
        &months,
        vec![series("Thurrock", &values)],
    ));
    assert!(svg.contains(">Jul 2022</text>"), "{svg}");
    assert!(svg.contains(">Jun 2023</text>"), "{svg}");
    assert!(!svg.contains(">Aug 2022</text>"), "{svg}");
}

/// Figure 1 of the example's Q1 2023-24 report: April 2022, then March to
/// June 2023.
fn figure_one() -> super::super::Chart {
    let mut chart = chart(
        Kind::Line,
        &[
            "April 2022",
            "March 2023",
            "April 2023",
            "May 2023",
            "June 2023",
        ],
        vec![series(
            "Thurrock",
            &[
                Some(281.0),
                Some(292.0),
                Some(296.0),
                Some(301.0),
                Some(308.0),
            ],
        )],
    );
    let month = |year: i32, month: i32| Span {
        start: year * 12 + month - 1,
        end: year * 12 + month,
    };
    chart.spans = Some(vec![
        month(2022, 4),
        month(2023, 3),
        month(2023, 4),
        month(2023, 5),
        month(2023, 6),
    ]);
    chart
}

/// The x of each tick under a point on the time axis.
fn ticks(svg: &str) -> Vec<i32> {
    let axis = &svg[svg.find("<g class=\"axis\"").unwrap()..];
    let axis = &axis[..axis.find("</g>").unwrap()];
    axis.split(" x1=\"")
        .skip(1)
        .filter_map(|l| {
            let x1: i32 = l[..l.find('"')?].parse().ok()?;
            l.contains(&format!("x2=\"{x1}\"")).then_some(x1)
        })
        .collect()
}

#[test]
fn time_is_drawn_to_scale() {
    let svg = svg(&figure_one());
    let x = ticks(&svg);
    assert_eq!(x.len(), 5, "{svg}");
    let eleven = x[1] - x[0];
    let one = x[2] - x[1];
    assert!(one > 0);
    // An eleven-month step is eleven one-month steps (to a unit).
    assert!((eleven - 11 * one).abs() <= 11, "{x:?}");
    // Whole units: equal steps differ by at most one unit of rounding.
    assert!((x[3] - x[2] - one).abs() <= 1, "{x:?}");
}

#[test]
fn a_month_and_the_year_ending_with_it_share_a_place() {
    let mut chart = chart(
        Kind::Line,
        &["2021-22", "March 2022", "June 2022"],
        vec![series("Thurrock", &[Some(1.0), Some(2.0), Some(3.0)])],
    );
    chart.spans = Some(vec![
        Span {
            start: 24255,
            end: 24267,
        },
        Span {
            start: 24266,
            end: 24267,
        },
        Span {
            start: 24269,
            end: 24270,
        },
    ]);
    let x = ticks(&svg(&chart));
    // One tick stands for both: three points, two places.
    assert_eq!(x.len(), 2, "{x:?}");
}

#[test]
fn one_close_pair_of_points_keeps_a_tick_under_every_point() {
    // Five points five years apart, the last with the month after it.
    let months = [0, 60, 120, 180, 240, 241];
    let names: Vec<String> = months.iter().map(|m| format!("month {m}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let values = [
        Some(1.0),
        Some(2.0),
        Some(3.0),
        Some(2.0),
        Some(1.0),
        Some(2.0),
    ];
    let chart = chart(Kind::Line, &names, vec![series("Thurrock", &values)]);
    let chart = at_months(chart, months);
    let x = ticks(&svg(&chart));
    assert_eq!(x.len(), 6, "{x:?}");
    assert!(x[5] - x[4] < 4, "the last two are not close: {x:?}");
}

#[test]
fn a_long_history_draws_one_tick_at_each_place() {
    // A hundred years of months: more points than units across the plot.
    let months: Vec<String> = (0..1200).map(|m| format!("month {m}")).collect();
    let names: Vec<&str> = months.iter().map(String::as_str).collect();
    let values: Vec<Option<f64>> = (0..1200).map(|m| Some(f64::from(m % 7))).collect();
    let chart = over_months(chart(Kind::Line, &names, vec![series("Thurrock", &values)]));
    let svg = svg(&chart);
    let x = ticks(&svg);
    let mut places = x.clone();
    places.dedup();
    assert_eq!(places, x, "a tick drawn twice at one place");
    // Too close for a tick each: a tick under each labelled month.
    let labelled = svg
        .split("<text ")
        .filter(|t| t.contains("text-anchor=\"middle\"") && t.contains(">month "))
        .count();
    assert!(labelled >= 2, "{svg}");
    assert_eq!(x.len(), labelled, "{x:?}");
}

#[test]
fn a_line_is_not_drawn_across_periods_left_out() {
    let svg = svg(&figure_one());
    // April 2022 stands alone; March to June 2023 is one line.
    assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
}

#[test]
fn axis_labels_in_time_never_overlap() {
    let svg = svg(&figure_one());
    let labels: Vec<(i32, i32)> = svg
        .split("<text x=\"")
        .skip(1)
        .filter(|t| t.contains("text-anchor=\"middle\"") && t.contains(" 202"))
        .map(|t| {
            let x: i32 = t[..t.find('"').unwrap()].parse().unwrap();
            let text = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
            (
                x,
                super::super::layout::text_width(text, super::super::layout::FONT),
            )
        })
        .collect();
    assert!(labels.len() >= 2, "{svg}");
    for pair in labels.windows(2) {
        let ((a, wa), (b, wb)) = (pair[0], pair[1]);
        assert!(b - a >= (wa + wb) / 2, "{labels:?}");
    }
    assert!(svg.contains(">Apr 2022</text>") && svg.contains(">Jun 2023</text>"));
}

#[test]
fn a_narrow_range_breaks_the_axis_and_says_so() {
    let svg = svg(&figure_one());
    // The axis starts at 280, so it is cut by two slashes.
    assert!(svg.contains(">280</text>"), "{svg}");
    assert!(!svg.contains(">0</text>"), "{svg}");
    let axis = &svg[svg.find("<g class=\"axis\"").unwrap()..];
    let axis = &axis[..axis.find("</g>").unwrap()];
    assert_eq!(axis.matches("y1=\"283\" x2=").count(), 2, "{axis}");
    assert!(
        svg.contains("The value axis does not start at zero: it starts at 280."),
        "{svg}"
    );
}

#[test]
fn a_wide_range_starts_at_zero_unbroken() {
    let chart = chart(
        Kind::Line,
        &["2021-22", "2022-23"],
        vec![series("Thurrock", &[Some(40.0), Some(90.0)])],
    );
    let svg = svg(&chart);
    assert!(svg.contains(">0</text>"), "{svg}");
    assert!(!svg.contains("does not start at zero"), "{svg}");
}

#[test]
fn a_gap_shows_its_note_above_the_axis_not_a_mark() {
    let mut chart = figure_one();
    chart.series[0].values[3] = None;
    chart.series[0].markers[3] = Some("[c]".into());
    let svg = svg(&chart);
    assert!(
        svg.contains("text-anchor=\"middle\" font-size=\"15\">[c]</text>"),
        "{svg}"
    );
    // March and April 2023 are one line, June alone: nothing joins across.
    assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
}

#[test]
fn figures_sampled_each_quarter_are_joined_and_a_lone_early_one_is_not() {
    // The example's Figure 1: April 2022, March 2023, June 2023.
    let mut chart = figure_one();
    chart.categories.drain(2..4);
    chart.series[0].values.drain(2..4);
    chart.series[0].markers.drain(2..4);
    chart.spans.as_mut().unwrap().drain(2..4);
    assert_eq!(chart.categories, ["April 2022", "March 2023", "June 2023"]);
    let svg = svg(&chart);
    assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
    let x = ticks(&svg);
    // March to June 2023 is drawn: three months, against eleven before it.
    let ratio = f64::from(x[1] - x[0]) / f64::from(x[2] - x[1]);
    assert!((ratio - 11.0 / 3.0).abs() < 0.1, "{x:?}");
    assert!(svg.contains("No periods shown between April 2022 and March 2023."));
    assert!(!svg.contains("between March 2023 and June 2023"));
}
