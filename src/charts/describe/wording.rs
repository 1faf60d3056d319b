//! How a description words what it says: a figure as printed, a relation
//! between two figures, an area's label, a list of names.

use crate::charts::{Chart, ChartSeries};
use crate::data::format::with_unit;
use crate::data::indicators::Polarity;

/// `better than`, `worse than`, or `higher than` when neither is better;
/// `the same as` when the figures print the same.
pub(super) fn relation(chart: &Chart, own: f64, other: f64) -> &'static str {
    if plain(chart, own) == plain(chart, other) {
        return "the same as";
    }
    match (chart.polarity, own > other) {
        (Polarity::HigherIsBetter, true) | (Polarity::LowerIsBetter, false) => "better than",
        (Polarity::HigherIsBetter, false) | (Polarity::LowerIsBetter, true) => "worse than",
        (Polarity::Neutral, true) => "higher than",
        (Polarity::Neutral, false) => "lower than",
    }
}

/// An area's bar label split into area and period: `Thurrock (June 2023)`.
pub(super) fn area_and_period(label: &str) -> (&str, Option<&str>) {
    match label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        Some((area, period)) => (area, Some(period)),
        None => (label, None),
    }
}

/// A figure as printed, without its notes, for comparing two figures as a
/// reader would.
pub(super) fn plain(chart: &Chart, value: f64) -> String {
    with_unit(value, chart.unit, chart.decimals)
}

/// A figure as the tables show it, with its note: `308 [p]`.
pub(super) fn figure(chart: &Chart, series: &ChartSeries, index: usize, value: f64) -> String {
    let mut text = plain(chart, value);
    if let Some(note) = series.marker(index) {
        text.push(' ');
        text.push_str(note);
    }
    text
}

pub(super) fn category(chart: &Chart, index: usize) -> &str {
    chart.categories.get(index).map_or("", String::as_str)
}

pub(super) fn figures(chart: &Chart, series: &ChartSeries) -> Vec<(usize, f64)> {
    (0..chart.categories.len())
        .filter_map(|i| series.value(i).map(|v| (i, v)))
        .collect()
}

/// How a sentence about a breakdown's groups opens, naming what they are
/// groups of: "Children looked after by age: in", or "In" when the chart
/// shows several indicators.
pub(super) fn groups_of(chart: &Chart) -> String {
    if chart.subject.is_empty() {
        "In".to_string()
    } else {
        format!("{}: in", chart.subject)
    }
}

/// "A", "A and B", "A, B and C".
pub(super) fn join(names: &[String]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == names.len() { " and " } else { ", " });
        }
        out.push_str(name);
    }
    out
}
