//! Tests of stacked charts: published percentages, computed shares, layout.

use super::super::Kind;
use super::super::tests::{chart, series, wide as svg};
use super::*;

fn quarters() -> [&'static str; 4] {
    ["Q1 2023-24", "Q2 2023-24", "Q3 2023-24", "Q4 2023-24"]
}

#[test]
fn snapshot_shares_by_quarter() {
    let mut chart = chart(
        Kind::Stacked,
        &quarters(),
        vec![
            series("Under 10", &[Some(60.0), Some(55.0), Some(50.0), None]),
            series(
                "10 to 15",
                &[Some(120.0), Some(125.0), Some(118.0), Some(130.0)],
            ),
            series(
                "16 and over",
                &[Some(114.0), Some(112.0), Some(130.0), Some(140.0)],
            ),
        ],
    );
    chart.series[0].markers[3] = Some("[c]".into());
    let svg = svg(&chart);
    assert!(
        svg.contains("text-anchor=\"middle\">Q1 2023-24</text>"),
        "columns expected: {svg}"
    );
    insta::assert_snapshot!(svg);
}

#[test]
fn shares_leave_out_missing_figures() {
    let chart = chart(
        Kind::Stacked,
        &["Q1"],
        vec![
            series("A", &[Some(30.0)]),
            series("B", &[None]),
            series("C", &[Some(90.0)]),
        ],
    );
    assert_eq!(shares(&chart, 0), [Some(25.0), None, Some(75.0)]);
    assert_eq!(
        segments(&shares(&chart, 0)),
        [(0, 0.0, 25.0), (2, 25.0, 100.0)]
    );
}

#[test]
fn a_category_with_no_figures_has_no_bar() {
    let chart = chart(
        Kind::Stacked,
        &["Q1", "Q2"],
        vec![series("A", &[Some(3.0), None])],
    );
    assert_eq!(shares(&chart, 1), [None]);
    let svg = svg(&chart);
    let marks = &svg[svg.find("<g class=\"marks\">\n<rect").unwrap()..];
    let marks = &marks[marks.find("</g>").unwrap() + 4..];
    let marks = &marks[marks.find("<g class=\"marks\">").unwrap()..];
    let marks = &marks[..marks.find("</g>").unwrap()];
    assert_eq!(marks.matches("<rect").count(), 1, "{svg}");
}

#[test]
fn segments_carry_their_percentage() {
    let chart = chart(
        Kind::Stacked,
        &["Q1 2023-24"],
        vec![series("A", &[Some(1.0)]), series("B", &[Some(3.0)])],
    );
    let svg = svg(&chart);
    assert!(
        svg.contains(">25%</text>") && svg.contains(">75%</text>"),
        "{svg}"
    );
    assert!(svg.contains("class=\"pill\""), "{svg}");
}

#[test]
fn long_names_make_rows() {
    let names = [
        "Children in care on 31 March 2021",
        "Children in care on 31 March 2022",
        "Children in care on 31 March 2023",
        "Children in care on 31 March 2024",
    ];
    let chart = chart(
        Kind::Stacked,
        &names,
        vec![
            series("A", &[Some(1.0), Some(2.0), Some(1.0), Some(2.0)]),
            series("B", &[Some(3.0), Some(2.0), Some(3.0), Some(2.0)]),
        ],
    );
    // Too long to sit under columns: rows, each category's name on its own
    // lines above its bar (whole in the wide drawing, wrapped in the narrow).
    let both = super::super::svg(&chart);
    let at = both.find("<svg class=\"chart chart-narrow\"").unwrap();
    let (wide, narrow) = both.split_at(at);
    assert!(
        wide.contains("<text x=\"2\" y=\"73\">Children in care on 31 March 2021</text>"),
        "{wide}"
    );
    assert!(
        narrow.contains("<text x=\"2\" y=\"92\">Children in care on 31</text>"),
        "{narrow}"
    );
    assert!(narrow.contains(">50%</text>"), "{narrow}");
}

/// The example's ethnicity breakdown for Q1 2023-24: five groups
/// published in percentages that total 99.
fn ethnicity() -> Chart {
    let mut chart = chart(
        Kind::Stacked,
        &["Q4 2022-23", "Q1 2023-24"],
        vec![
            series("White", &[Some(70.0), Some(64.0)]),
            series("Black or Black British", &[Some(15.0), Some(16.0)]),
            series("Mixed or dual background", &[Some(10.0), Some(9.0)]),
            series("Asian or Asian British", &[Some(4.0), Some(6.0)]),
            series("Any other ethnic group", &[Some(4.0), Some(4.0)]),
        ],
    );
    chart.unit = Unit::Percent;
    chart
}

#[test]
fn published_percentages_are_drawn_as_published() {
    let chart = ethnicity();
    assert_eq!(
        drawn(&chart, 1),
        [Some(64.0), Some(16.0), Some(9.0), Some(6.0), Some(4.0)]
    );
    let svg = svg(&chart);
    assert!(svg.contains(">64%</text>"), "{svg}");
    assert!(!svg.contains(">65%</text>"), "rescaled to 100: {svg}");
    assert!(
        svg.contains(">Bars total 99% to 103%, as published.</text>"),
        "{svg}"
    );
}

#[test]
fn the_axis_reaches_the_largest_published_total() {
    let chart = ethnicity();
    let svg = svg(&chart);
    // 103% needs an axis past 100%.
    assert!(svg.contains(">125%</text>"), "{svg}");
    // The 99% bar is shorter than the 103% bar: its top is lower.
    let tops: Vec<i32> = (0..2)
        .map(|i| {
            let stack = segments(&drawn(&chart, i));
            let total = stack.last().unwrap().2;
            (total * 1000.0) as i32
        })
        .collect();
    assert_eq!(tops, [103_000, 99_000]);
}

#[test]
fn percentages_totalling_100_need_no_note() {
    let mut chart = chart(
        Kind::Stacked,
        &["Q1 2023-24"],
        vec![series("A", &[Some(40.0)]), series("B", &[Some(60.0)])],
    );
    chart.unit = Unit::Percent;
    assert_eq!(note(&chart), None);
    assert!(!svg(&chart).contains(">125%</text>"));
}

#[test]
fn counts_are_drawn_as_computed_shares_and_say_so() {
    let chart = chart(
        Kind::Stacked,
        &["Q1 2023-24"],
        vec![series("A", &[Some(1.0)]), series("B", &[Some(3.0)])],
    );
    assert_eq!(
        note(&chart).as_deref(),
        Some("Shares computed from the counts in the table.")
    );
    let svg = svg(&chart);
    assert!(svg.contains(">Shares computed from the counts in the table.</text>"));
    assert!(svg.contains(">75%</text>"), "{svg}");
}
