//! The `<desc>` of a chart: what a sighted reader takes from it, in words.
//!
//! A screen reader user hears this instead of seeing the shape, so it gives the
//! facts a glance gives: the range covered, where each series starts and ends,
//! and its highs and lows. Figures are formatted exactly as in the tables.

use super::layout::{break_before, value_axis};
use super::stacked::{as_published, drawn, totals_phrase, what_is_shared};
use super::{Chart, Kind, Series};
use crate::data::format::with_unit;
use crate::data::indicators::Unit;
use std::fmt::Write as _;

/// Bar charts with at most this many categories list every figure.
const LIST_AT_MOST: usize = 8;
/// Stacked charts with at most this many categories describe each one.
const EACH_AT_MOST: usize = 12;

pub(super) fn describe(chart: &Chart) -> String {
    let mut out = String::with_capacity(256);
    out.push_str(match chart.kind {
        Kind::Line => "Line chart of ",
        Kind::Bar => "Bar chart of ",
        Kind::Stacked => "Stacked bar chart of ",
    });
    out.push_str(&chart.title);
    let listed = chart.kind == Kind::Bar && chart.categories.len() <= LIST_AT_MOST;
    match chart.categories.as_slice() {
        [] => {}
        [only] => {
            let _ = write!(out, ", {only}");
        }
        // A listing names every category; a range of a breakdown's groups
        // ("Under 1 to 16 and over") would read oddly.
        [..] if listed => {}
        [first, .., last] => {
            let _ = write!(out, ", {first} to {last}");
        }
    }
    out.push('.');
    time_gaps(&mut out, chart);
    if chart.kind == Kind::Line {
        let (ticks, broken) = value_axis(chart);
        if broken {
            let _ = write!(
                out,
                " The value axis does not start at zero: it starts at {}.",
                with_unit(ticks.lo, chart.unit, ticks.decimals)
            );
        }
    }
    match chart.kind {
        Kind::Stacked => describe_shares(&mut out, chart),
        Kind::Bar if listed => {
            for series in &chart.series {
                list_series(&mut out, chart, series);
            }
        }
        _ => {
            for series in &chart.series {
                sum_up_series(&mut out, chart, series);
            }
        }
    }
    out
}

/// Names each stretch of time left out between two periods shown, which the
/// chart draws as a gap in time (lines) or a break in the axis (bars).
fn time_gaps(out: &mut String, chart: &Chart) {
    let gaps: Vec<usize> = (1..chart.categories.len())
        .filter(|&i| break_before(chart, i))
        .collect();
    if gaps.len() > 3 {
        let _ = write!(
            out,
            " Periods are left out in {} places between the periods shown.",
            gaps.len()
        );
        return;
    }
    for i in gaps {
        let _ = write!(
            out,
            " No periods shown between {} and {}.",
            category(chart, i - 1),
            category(chart, i)
        );
    }
}

/// A figure as the tables show it, with its note: `308 [p]`.
fn figure(chart: &Chart, series: &Series, index: usize, value: f64) -> String {
    let mut text = with_unit(value, chart.unit, chart.decimals);
    if let Some(note) = series.marker(index) {
        text.push(' ');
        text.push_str(note);
    }
    text
}

/// `first 294 (April 2022)`.
fn figure_at(chart: &Chart, series: &Series, what: &str, (index, value): (usize, f64)) -> String {
    format!(
        "{what} {} ({})",
        figure(chart, series, index, value),
        category(chart, index)
    )
}

fn category(chart: &Chart, index: usize) -> &str {
    chart.categories.get(index).map_or("", String::as_str)
}

fn figures(chart: &Chart, series: &Series) -> Vec<(usize, f64)> {
    (0..chart.categories.len())
        .filter_map(|i| series.value(i).map(|v| (i, v)))
        .collect()
}

/// First, latest, highest and lowest, and the gaps between.
fn sum_up_series(out: &mut String, chart: &Chart, series: &Series) {
    let figures = figures(chart, series);
    let _ = write!(out, " {}: ", series.name);
    match figures.as_slice() {
        [] => out.push_str("no figures."),
        [only] => {
            out.push_str(&figure_at(chart, series, "latest", *only));
            out.push('.');
        }
        [first, .., last] => {
            let (high, low) = extremes(&figures);
            let _ = write!(
                out,
                "{}, {}; {}, {}.",
                figure_at(chart, series, "first", *first),
                figure_at(chart, series, "latest", *last),
                figure_at(chart, series, "highest", high),
                figure_at(chart, series, "lowest", low),
            );
            gaps(out, chart, series, first.0, last.0);
        }
    }
}

/// Every figure in order, then the highest and lowest where there are 3 or more.
fn list_series(out: &mut String, chart: &Chart, series: &Series) {
    let figures = figures(chart, series);
    let _ = write!(out, " {}: ", series.name);
    if figures.is_empty() {
        out.push_str("no figures.");
        return;
    }
    let several = chart.categories.len() > 1;
    for index in 0..chart.categories.len() {
        if index > 0 {
            out.push_str(", ");
        }
        match series.value(index) {
            Some(value) => out.push_str(&figure(chart, series, index, value)),
            None => {
                out.push_str("no figure");
                if let Some(note) = series.marker(index) {
                    let _ = write!(out, " {note}");
                }
            }
        }
        if several {
            let _ = write!(out, " ({})", category(chart, index));
        }
    }
    if figures.len() >= 3 {
        let (high, low) = extremes(&figures);
        let _ = write!(
            out,
            "; {}, {}",
            figure_at(chart, series, "highest", high),
            figure_at(chart, series, "lowest", low)
        );
    }
    out.push('.');
}

/// The highest and lowest figures; on a tie, the more recent.
fn extremes(figures: &[(usize, f64)]) -> ((usize, f64), (usize, f64)) {
    let mut high = figures[0];
    let mut low = figures[0];
    for &(index, value) in &figures[1..] {
        if value >= high.1 {
            high = (index, value);
        }
        if value <= low.1 {
            low = (index, value);
        }
    }
    (high, low)
}

/// Names the breaks in a line between its first and latest figures.
fn gaps(out: &mut String, chart: &Chart, series: &Series, first: usize, last: usize) {
    let missing: Vec<usize> = (first..=last)
        .filter(|&i| series.value(i).is_none())
        .collect();
    let name = |i: usize| match series.marker(i) {
        Some(note) => format!("{} {note}", category(chart, i)),
        None => category(chart, i).to_owned(),
    };
    match missing.as_slice() {
        [] => {}
        [only] => {
            let _ = write!(out, " No figure for {}.", name(*only));
        }
        [a, b] => {
            let _ = write!(out, " No figures for {} and {}.", name(*a), name(*b));
        }
        [a, b, c] => {
            let _ = write!(
                out,
                " No figures for {}, {} and {}.",
                name(*a),
                name(*b),
                name(*c)
            );
        }
        more => {
            let _ = write!(
                out,
                " No figures for {} of the {} between.",
                more.len(),
                last - first + 1
            );
        }
    }
}

/// What each stack is made of, its largest part, and how the bars relate to
/// the figures: percentages as published (with their totals when rounding
/// keeps them from 100%), or shares computed from counts, each with its count.
fn describe_shares(out: &mut String, chart: &Chart) {
    if chart.series.is_empty() {
        return;
    }
    let published = as_published(chart);
    if published {
        out.push_str(" Percentages as published of ");
    } else {
        let _ = write!(
            out,
            " Shares, computed from the {}, of ",
            what_is_shared(chart)
        );
    }
    let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    join(out, &names);
    out.push('.');
    if let Some(totals) = totals_phrase(chart).filter(|_| published) {
        let _ = write!(out, " Bars {totals}, as published (rounded figures).");
    }
    let count = chart.categories.len();
    if count == 0 {
        return;
    }
    out.push_str(" Largest: ");
    let each: Vec<usize> = if count <= EACH_AT_MOST {
        (0..count).collect()
    } else {
        vec![0, count - 1]
    };
    for (n, &index) in each.iter().enumerate() {
        if n > 0 {
            out.push_str("; ");
        }
        let _ = write!(out, "{}, ", category(chart, index));
        let split = drawn(chart, index);
        let largest = split
            .iter()
            .enumerate()
            .filter_map(|(k, share)| share.map(|s| (k, s)))
            .fold(None, |best: Option<(usize, f64)>, (k, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((k, s)),
            });
        match largest {
            Some((k, share)) => {
                let series = &chart.series[k];
                let value = series.value(index).unwrap_or(0.0);
                if published {
                    // The figure as the table prints it.
                    let _ = write!(
                        out,
                        "{} {}",
                        series.name,
                        figure(chart, series, index, value)
                    );
                } else {
                    let _ = write!(
                        out,
                        "{} {} ({} of the total)",
                        series.name,
                        figure(chart, series, index, value),
                        with_unit(share, Unit::Percent, 0)
                    );
                }
            }
            None => out.push_str("no figures"),
        }
    }
    out.push('.');
}

/// "A", "A and B", "A, B and C".
fn join(out: &mut String, names: &[&str]) {
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == names.len() { " and " } else { ", " });
        }
        out.push_str(name);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{chart, series};
    use super::*;

    const MONTHS: [&str; 6] = [
        "January 2023",
        "February 2023",
        "March 2023",
        "April 2023",
        "May 2023",
        "June 2023",
    ];

    #[test]
    fn states_first_latest_highest_and_lowest() {
        let mut chart = chart(
            Kind::Line,
            &MONTHS,
            vec![
                series(
                    "Thurrock",
                    &[
                        Some(294.0),
                        Some(299.0),
                        Some(292.0),
                        None,
                        Some(301.0),
                        Some(308.0),
                    ],
                ),
                series("England", &[None, None, None, None, None, Some(70.0)]),
            ],
        );
        chart.series[0].markers[3] = Some("[c]".into());
        chart.series[0].markers[5] = Some("[p]".into());
        assert_eq!(
            describe(&chart),
            "Line chart of Children looked after, January 2023 to June 2023. \
             Thurrock: first 294 (January 2023), latest 308 [p] (June 2023); \
             highest 308 [p] (June 2023), lowest 292 (March 2023). \
             No figure for April 2023 [c]. \
             England: latest 70 (June 2023)."
        );
    }

    #[test]
    fn formats_figures_in_their_unit() {
        let mut chart = chart(
            Kind::Line,
            &["2021-22", "2022-23"],
            vec![series("England", &[Some(67.0), Some(70.04)])],
        );
        chart.unit = Unit::RatePer10k;
        chart.decimals = 1;
        assert!(
            describe(&chart).ends_with(
                "England: first 67.0 per 10,000 (2021-22), latest 70.0 per 10,000 (2022-23); \
                 highest 70.0 per 10,000 (2022-23), lowest 67.0 per 10,000 (2021-22)."
            ),
            "{}",
            describe(&chart)
        );
    }

    #[test]
    fn says_no_figures_for_an_empty_series() {
        let chart = chart(Kind::Line, &["2022-23"], vec![series("England", &[None])]);
        assert_eq!(
            describe(&chart),
            "Line chart of Children looked after, 2022-23. England: no figures."
        );
    }

    #[test]
    fn lists_each_category_of_a_short_bar_chart() {
        let mut chart = chart(
            Kind::Bar,
            &["Under 1", "1 to 4", "5 to 9", "10 to 15"],
            vec![series(
                "Thurrock",
                &[Some(12.0), None, Some(40.0), Some(30.0)],
            )],
        );
        chart.series[0].markers[1] = Some("[c]".into());
        assert_eq!(
            describe(&chart),
            "Bar chart of Children looked after. \
             Thurrock: 12 (Under 1), no figure [c] (1 to 4), 40 (5 to 9), 30 (10 to 15); \
             highest 40 (5 to 9), lowest 12 (Under 1)."
        );
    }

    #[test]
    fn sums_up_a_long_bar_chart() {
        let categories: Vec<String> = (1..=9).map(|i| format!("Group {i}")).collect();
        let categories: Vec<&str> = categories.iter().map(String::as_str).collect();
        let values: Vec<Option<f64>> = (1..=9).map(|i| Some(f64::from(i))).collect();
        let chart = chart(Kind::Bar, &categories, vec![series("Thurrock", &values)]);
        assert!(describe(&chart).contains("Thurrock: first 1 (Group 1), latest 9 (Group 9)"));
    }

    #[test]
    fn names_the_largest_share_of_each_stack() {
        let chart = chart(
            Kind::Stacked,
            &["Q1 2023-24", "Q2 2023-24", "Q3 2023-24"],
            vec![
                series("Under 16", &[Some(30.0), Some(60.0), None]),
                series("16 and over", &[Some(90.0), Some(60.0), None]),
            ],
        );
        assert_eq!(
            describe(&chart),
            "Stacked bar chart of Children looked after, Q1 2023-24 to Q3 2023-24. \
             Shares, computed from the counts, of Under 16 and 16 and over. \
             Largest: Q1 2023-24, 16 and over 90 (75% of the total); \
             Q2 2023-24, Under 16 60 (50% of the total); Q3 2023-24, no figures."
        );
    }

    #[test]
    fn counts_long_runs_of_gaps() {
        let chart = chart(
            Kind::Line,
            &MONTHS,
            vec![series(
                "Thurrock",
                &[Some(1.0), None, None, None, None, Some(2.0)],
            )],
        );
        assert!(describe(&chart).ends_with("No figures for 4 of the 6 between."));
    }

    #[test]
    fn percentages_are_described_as_published_with_their_totals() {
        let mut chart = chart(
            Kind::Stacked,
            &["Q1 2023-24"],
            vec![
                series("White", &[Some(64.0)]),
                series("Black or Black British", &[Some(16.0)]),
                series("Other", &[Some(19.0)]),
            ],
        );
        chart.unit = Unit::Percent;
        assert_eq!(
            describe(&chart),
            "Stacked bar chart of Children looked after, Q1 2023-24. \
             Percentages as published of White, Black or Black British and Other. \
             Bars total 99%, as published (rounded figures). \
             Largest: Q1 2023-24, White 64%."
        );
    }

    #[test]
    fn many_stretches_of_time_left_out_are_counted() {
        let mut chart = chart(
            Kind::Bar,
            &["2018", "2019", "2020", "2021", "2022"],
            vec![series("Thurrock", &[Some(1.0); 5])],
        );
        // One month each, a year apart: four gaps.
        chart.spans = Some(
            (0..5)
                .map(|y| super::super::Span {
                    start: 24216 + 12 * y,
                    end: 24217 + 12 * y,
                })
                .collect(),
        );
        assert!(
            describe(&chart)
                .contains(" Periods are left out in 4 places between the periods shown."),
            "{}",
            describe(&chart)
        );
        chart.spans.as_mut().unwrap().truncate(4);
        chart.categories.truncate(4);
        chart.series[0].values.truncate(4);
        assert!(describe(&chart).contains(
            " No periods shown between 2018 and 2019. No periods shown between 2019 and 2020."
        ));
    }
}
