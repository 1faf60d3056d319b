//! The words for groups: a breakdown's largest groups with their shares, and
//! a breakdown's shares over time.

use super::super::stacked::{Totals, as_published, drawn, totals};
use super::super::{Chart, ChartSeries, Kind};
use super::{Words, area_and_period, category, drawing, figure, figures, groups};
use crate::data::format::with_unit_in;
use crate::data::indicators::Unit;
use crate::i18n::{Language, Phrase, list};

/// At most this many groups are named as the largest.
const LARGEST: usize = 3;
/// The largest groups named have at most this many words between them
/// before only two are named.
const LONG_NAMES: usize = 12;

/// A breakdown at one time: its largest groups, with their shares.
pub(super) fn breakdown(chart: &Chart) -> Words {
    let own: Vec<&ChartSeries> = chart.series.iter().filter(|s| !s.comparator).collect();
    // With several of the council's own series, they are periods, the last
    // the latest; with one, its name is the area and period.
    let Some(latest) = own.last().copied().or(chart.series.last()) else {
        return Words {
            message: String::new(),
            rest: drawing(chart),
            spare: Vec::new(),
        };
    };
    let ranked = largest_of(chart, latest);
    let message = if ranked.is_empty() {
        Phrase::new(chart.language, "chart-no-figures-for")
            .arg("subject", latest.name.as_str())
            .text()
    } else {
        let (area, period) = area_and_period(&latest.name);
        match (own.len(), period) {
            (1, Some(period)) => the_largest(groups(chart, Some(area)).period(period), &ranked),
            _ => the_largest(groups(chart, None).period(area), &ranked),
        }
    };
    let mut rest = Vec::new();
    if let Some(top) = ranked.first().map(|r| r.index) {
        let others: Vec<String> = chart
            .series
            .iter()
            .filter(|s| s.comparator)
            .filter_map(|s| {
                let v = s.value(top)?;
                let (area, period) = area_and_period(&s.name);
                Some(match period {
                    Some(period) => Phrase::new(chart.language, "chart-group-figure-in")
                        .arg("area", area)
                        .arg("figure", figure(chart, s, top, v))
                        .period(period)
                        .text(),
                    None => format!("{area} {}", figure(chart, s, top, v)),
                })
            })
            .collect();
        if !others.is_empty() {
            rest.push(format!(
                "{}: {}.",
                category(chart, top),
                list(chart.language, &others)
            ));
        }
    }
    rest.extend(drawing(chart));
    Words {
        message,
        rest,
        spare: Vec::new(),
    }
}

/// A breakdown's shares over time: the latest largest shares, and where the
/// largest stood at the start.
pub(super) fn shares(chart: &Chart) -> Words {
    let all: Vec<&ChartSeries> = chart.series.iter().collect();
    let Some(last) = (0..chart.categories.len())
        .rev()
        .find(|&i| chart.series.iter().any(|s| s.value(i).is_some()))
    else {
        return Words {
            message: String::new(),
            rest: drawing(chart),
            spare: Vec::new(),
        };
    };
    let ranked = largest(chart, &all, last);
    let message = the_largest(groups(chart, None).period(category(chart, last)), &ranked);
    let mut rest = Vec::new();
    let mut spare = Vec::new();
    let first = (0..last).find(|&i| chart.series.iter().any(|s| s.value(i).is_some()));
    if let (Some(first), Some(top)) = (first, ranked.first()) {
        let series = &chart.series[top.series];
        if let Some(then) = share_at(chart, top.series, first) {
            spare.push(rest.len());
            rest.push(
                Phrase::new(chart.language, "chart-share-was")
                    .arg("subject", series.name.as_str())
                    .arg("figure", then.alone(chart.language))
                    .period(category(chart, first))
                    .text(),
            );
        }
    }
    rest.extend(drawing(chart));
    let count = chart.series.len();
    if as_published(chart) {
        let mut said = Phrase::new(chart.language, "chart-shares-published")
            .arg("count", count)
            .text();
        let rounded = match totals(chart) {
            Totals::Hundred => None,
            Totals::One(total) => {
                Some(Phrase::new(chart.language, "chart-bars-total-rounded").arg("total", total))
            }
            Totals::Range(lowest, highest) => Some(
                Phrase::new(chart.language, "chart-bars-total-range-rounded")
                    .arg("lowest", lowest)
                    .arg("highest", highest),
            ),
        };
        if let Some(rounded) = rounded {
            said.push(' ');
            said.push_str(&rounded.text());
        }
        rest.push(said);
    } else {
        let id = if chart.unit == Unit::Count {
            "chart-shares-of-counts"
        } else {
            "chart-shares-of-figures"
        };
        rest.push(Phrase::new(chart.language, id).arg("count", count).text());
    }
    Words {
        message,
        rest,
        spare,
    }
}

/// One group's figure, ranked among the others.
pub(super) struct Ranked {
    /// The series (in a chart of shares) or category (in a breakdown).
    series: usize,
    /// The category it is for.
    index: usize,
    /// What it is called.
    name: String,
    /// The value, for ranking.
    value: f64,
    /// The figure as printed: `64%`, `180`.
    figure: String,
    /// Its computed share of the total, when shares are computed: `64%`.
    share: Option<String>,
}

/// The largest of `series` at category `index`, largest first.
pub(super) fn largest(chart: &Chart, series: &[&ChartSeries], index: usize) -> Vec<Ranked> {
    let positions: Vec<usize> = series
        .iter()
        .filter_map(|s| chart.series.iter().position(|c| std::ptr::eq(c, *s)))
        .collect();
    let mut ranked: Vec<Ranked> = positions
        .into_iter()
        .filter_map(|k| share_at(chart, k, index))
        .collect();
    top(&mut ranked);
    ranked
}

/// A breakdown's largest categories within one series.
fn largest_of(chart: &Chart, series: &ChartSeries) -> Vec<Ranked> {
    let figures = figures(chart, series);
    let total: Option<f64> = (chart.unit == Unit::Count && figures.len() == chart.categories.len())
        .then(|| figures.iter().map(|&(_, v)| v.max(0.0)).sum())
        .filter(|&t: &f64| t > 0.0);
    let mut ranked: Vec<Ranked> = figures
        .iter()
        .map(|&(index, value)| Ranked {
            series: 0,
            index,
            name: category(chart, index).to_string(),
            value,
            figure: figure(chart, series, index, value),
            share: total.map(|total| {
                with_unit_in(
                    value.max(0.0) / total * 100.0,
                    Unit::Percent,
                    0,
                    chart.language,
                )
            }),
        })
        .collect();
    top(&mut ranked);
    ranked
}

/// Series `k`'s figure at category `index` in a chart of shares (or of
/// several series at once), with its share when shares are computed.
fn share_at(chart: &Chart, k: usize, index: usize) -> Option<Ranked> {
    let series = &chart.series[k];
    let value = series.value(index)?;
    let share = if chart.kind == Kind::Stacked && !as_published(chart) {
        drawn(chart, index)
            .get(k)
            .copied()
            .flatten()
            .map(|share| with_unit_in(share, Unit::Percent, 0, chart.language))
    } else {
        None
    };
    Some(Ranked {
        series: k,
        index,
        name: series.name.clone(),
        value,
        figure: figure(chart, series, index, value),
        share,
    })
}

/// Keeps the largest few, largest first (on a tie, in the chart's order),
/// and only two when the groups' names are long.
fn top(ranked: &mut Vec<Ranked>) {
    ranked.sort_by(|a, b| b.value.total_cmp(&a.value));
    ranked.truncate(LARGEST);
    let words: usize = ranked
        .iter()
        .map(|r| r.name.split_whitespace().count())
        .sum();
    if words > LONG_NAMES {
        ranked.truncate(2);
    }
}

impl Ranked {
    /// `180, 64% of the total` the first time, then `101, 36%`.
    fn words(&self, first: bool, language: Language) -> String {
        match &self.share {
            Some(share) if first => Phrase::new(language, "chart-share-first")
                .arg("figure", self.figure.as_str())
                .arg("share", share.as_str())
                .text(),
            Some(share) => format!("{}, {share}", self.figure),
            None => self.figure.clone(),
        }
    }

    /// `150 (75% of the total)`, in a sentence of its own.
    fn alone(&self, language: Language) -> String {
        match &self.share {
            Some(share) => Phrase::new(language, "chart-share-alone")
                .arg("figure", self.figure.as_str())
                .arg("share", share.as_str())
                .text(),
            None => self.figure.clone(),
        }
    }
}

/// `sentence` ([`groups`], with its period) naming `ranked`, the largest
/// groups: "… the largest groups were White (64%) and Other (19%)", or "…
/// the largest group was White (64%)".
pub(super) fn the_largest(sentence: Phrase<'_>, ranked: &[Ranked]) -> String {
    let language = sentence.language();
    let named: Vec<String> = ranked
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{} ({})", r.name, r.words(i == 0, language)))
        .collect();
    sentence
        .arg("count", named.len())
        .arg("groups", list(language, &named))
        .text()
}
