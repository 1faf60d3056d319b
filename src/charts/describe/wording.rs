//! How a description words what it says: a figure as printed, a relation
//! between two figures, an area's label, a breakdown's groups.

use crate::charts::{Chart, ChartSeries};
use crate::data::format::with_unit_in;
use crate::data::indicators::Polarity;
use crate::i18n::Phrase;

/// The message saying how one figure stands to another: `better than`,
/// `worse than`, or `higher than` when neither is better; `the same as`
/// when the figures print the same.
pub(super) fn relation(chart: &Chart, own: f64, other: f64) -> &'static str {
    if plain(chart, own) == plain(chart, other) {
        return "chart-same-as";
    }
    match (chart.polarity, own > other) {
        (Polarity::HigherIsBetter, true) | (Polarity::LowerIsBetter, false) => "chart-better-than",
        (Polarity::HigherIsBetter, false) | (Polarity::LowerIsBetter, true) => "chart-worse-than",
        (Polarity::Neutral, true) => "chart-higher-than",
        (Polarity::Neutral, false) => "chart-lower-than",
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
    with_unit_in(value, chart.unit, chart.decimals, chart.language)
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

/// The sentence naming a breakdown's largest groups, saying what they are
/// groups of ("Children looked after by age: in June 2023, …") unless the
/// chart shows several indicators, and whose they are when `area` is given.
/// Its period is still to give, and its groups ([`super::the_largest`]).
pub(super) fn groups<'a>(chart: &'a Chart, area: Option<&'a str>) -> Phrase<'a> {
    let of = !chart.subject.is_empty();
    let id = match (area.is_some(), of) {
        (false, false) => "chart-groups",
        (false, true) => "chart-groups-of",
        (true, false) => "chart-groups-for",
        (true, true) => "chart-groups-for-of",
    };
    let mut phrase = Phrase::new(chart.language, id).arg("subject", chart.subject.as_str());
    if let Some(area) = area {
        phrase = phrase.arg("area", area);
    }
    phrase
}
