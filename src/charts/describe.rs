//! The words of a chart: its message, and the `<desc>` a screen reader hears.
//!
//! A description says first what a sighted reader takes from the chart (a
//! series' direction and latest figure, a breakdown's largest groups), then
//! how the council compares with each comparator, then what is drawn. It is
//! written from the figures in plain English and kept short: a reader who
//! wants every figure opens the table. Figures are formatted exactly as in
//! the tables, notes (`[p]`) included, so the words and the table agree.
//!
//! Charts are described by what they show, not by the placeholder that made
//! them: a chart over periods is a series, one with the council's own area
//! among its categories compares areas, a stacked chart is shares, and any
//! other bar chart is a breakdown.

use super::layout::{break_before, value_axis};
use super::stacked::{as_published, drawn, totals_phrase, what_is_shared};
use super::{Chart, Kind, Series};
use crate::data::format::with_unit;
use crate::data::indicators::{Polarity, Unit};

/// At most this many groups are named as the largest.
const LARGEST: usize = 3;
/// A latest figure is called the highest (or lowest) since a period only when
/// that reaches back past at least this many earlier figures: one step up is
/// already said by "rose".
const REACH: usize = 2;
/// The largest groups named have at most this many words between them
/// before only two are named.
const LONG_NAMES: usize = 12;
/// A description longer than this many words drops the sentences that can
/// be spared.
const WORDS: usize = 60;

/// The chart's message and the rest of its description, in sentences.
struct Words {
    message: String,
    rest: Vec<String>,
    /// The sentence of `rest` to leave out when the whole is too long.
    spare: Option<usize>,
}

/// The whole description: the message, then the sentences that follow it.
pub(super) fn describe(chart: &Chart) -> String {
    let mut words = words(chart);
    let count = |w: &Words| {
        w.message.split_whitespace().count()
            + w.rest
                .iter()
                .map(|s| s.split_whitespace().count())
                .sum::<usize>()
    };
    if let Some(spare) = words.spare.filter(|_| count(&words) > WORDS) {
        words.rest.remove(spare);
    }
    let mut out = words.message;
    for sentence in words.rest {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&sentence);
    }
    out
}

/// The one sentence a reader should take from the chart, for its caption:
/// "Rose to 308 in June 2023, the highest since April 2022."
pub(super) fn message(chart: &Chart) -> String {
    words(chart).message
}

fn words(chart: &Chart) -> Words {
    let mut words = match chart.kind {
        Kind::Stacked => shares(chart),
        _ if chart.own_category.is_some() => areas(chart),
        Kind::Line => series(chart),
        Kind::Bar if chart.spans.is_some() => series(chart),
        Kind::Bar => breakdown(chart),
    };
    if chart.series.iter().all(|s| figures(chart, s).is_empty()) {
        words.message = "There are no figures.".into();
    }
    words
}

/// A series over time: its direction and latest figure, then each comparator.
fn series(chart: &Chart) -> Words {
    let own: Vec<&Series> = chart.series.iter().filter(|s| !s.comparator).collect();
    let Some(first) = own.first().copied().or(chart.series.first()) else {
        return Words {
            message: String::new(),
            rest: drawing(chart),
            spare: None,
        };
    };
    // Several series of the council's own are a breakdown over time: say
    // how its groups stood at the end.
    if own.len() > 1 {
        let last = chart.categories.len().saturating_sub(1);
        let ranked = largest(chart, &own, last);
        let message = if ranked.is_empty() {
            String::new()
        } else {
            format!("In {}, {}.", category(chart, last), the_largest(&ranked))
        };
        return Words {
            message,
            rest: drawing(chart),
            spare: None,
        };
    }
    let named = chart.series.len() > 1;
    let message = trend(chart, first, named);
    let mut rest = Vec::new();
    if let Some(&(at, value)) = figures(chart, first).last() {
        rest.extend(against(chart, first, at, value));
    }
    rest.extend(drawing(chart));
    // The table shows each gap; the words name them while there is room.
    let spare = missing(chart, first).map(|gaps| {
        rest.push(gaps);
        rest.len() - 1
    });
    Words {
        message,
        rest,
        spare,
    }
}

/// "Rose to 308 in June 2023, the highest since April 2022."
fn trend(chart: &Chart, series: &Series, named: bool) -> String {
    let figures = figures(chart, series);
    let name = |verb: &str| {
        if named {
            format!("{} {verb}", series.name)
        } else {
            capital(verb)
        }
    };
    match figures.as_slice() {
        [] => format!("{}: no figures.", series.name),
        [(at, value)] if named => format!(
            "{}: {} in {}.",
            series.name,
            figure(chart, series, *at, *value),
            category(chart, *at)
        ),
        [(at, value)] => format!(
            "{} in {}.",
            figure(chart, series, *at, *value),
            category(chart, *at)
        ),
        [.., (before, was), (at, now)] => {
            let latest = figure(chart, series, *at, *now);
            let then = figure(chart, series, *before, *was);
            if plain(chart, *now) == plain(chart, *was) {
                return format!(
                    "{} in {}, as in {}.",
                    name(&format!("stayed at {latest}")),
                    category(chart, *at),
                    category(chart, *before)
                );
            }
            let rose = now > was;
            let verb = if rose { "rose to" } else { "fell to" };
            let head = format!(
                "{} in {}",
                name(&format!("{verb} {latest}")),
                category(chart, *at)
            );
            let earlier = &figures[..figures.len() - 1];
            // The most recent earlier figure at least as far out as this one.
            let beyond = earlier
                .iter()
                .rposition(|&(_, v)| if rose { v >= *now } else { v <= *now });
            let extreme = if rose { "highest" } else { "lowest" };
            match beyond {
                // "Since" a period says that period was as high; the first
                // period shown may not have been, so it is named as the start.
                None if earlier.len() >= REACH => format!(
                    "{head}, the {extreme} since the chart starts in {}.",
                    category(chart, earlier[0].0)
                ),
                Some(k) if earlier.len() - 1 - k >= REACH => format!(
                    "{head}, the {extreme} since {}.",
                    category(chart, earlier[k].0)
                ),
                _ => format!("{head}, from {then} in {}.", category(chart, *before)),
            }
        }
    }
}

/// How the council's latest figure compares with each comparator's: like
/// with like (the same period) or not at all, saying the comparator's own
/// latest figure and its period.
fn against(chart: &Chart, own: &Series, at: usize, value: f64) -> Vec<String> {
    let mut compared = Vec::new();
    let mut elsewhere = Vec::new();
    for other in chart.series.iter().filter(|s| s.comparator) {
        if let Some(theirs) = other.value(at) {
            compared.push(format!(
                "{} {} ({})",
                relation(chart, value, theirs),
                other.name,
                figure(chart, other, at, theirs)
            ));
        } else if let Some(&(k, theirs)) = figures(chart, other).last() {
            elsewhere.push(format!(
                "{}: {} in {}",
                other.name,
                figure(chart, other, k, theirs),
                category(chart, k)
            ));
        }
    }
    let mut out = Vec::new();
    if !compared.is_empty() {
        out.push(format!(
            "In {}, {} was {}.",
            category(chart, at),
            own.name,
            join(&compared)
        ));
    }
    if !elsewhere.is_empty() {
        out.push(format!("{}.", elsewhere.join("; ")));
    }
    out
}

/// Areas side by side, each with its latest figure: the council's, and how
/// it compares with each comparator whose figure is for the same period.
fn areas(chart: &Chart) -> Words {
    let own = chart.own_category.unwrap_or(0);
    let Some(series) = chart.series.first() else {
        return Words {
            message: String::new(),
            rest: Vec::new(),

            spare: None,
        };
    };
    let (name, period) = area_and_period(category(chart, own));
    let Some(value) = series.value(own) else {
        return Words {
            message: format!("{name}: no figure."),
            rest: vec!["Bar chart of areas' latest figures.".into()],

            spare: None,
        };
    };
    let mut compared = Vec::new();
    let mut elsewhere = Vec::new();
    for k in (0..chart.categories.len()).filter(|&k| k != own) {
        let (area, when) = area_and_period(category(chart, k));
        let Some(theirs) = series.value(k) else {
            continue;
        };
        let theirs_text = figure(chart, series, k, theirs);
        if when == period {
            compared.push(format!(
                "{} {area} ({theirs_text})",
                relation(chart, value, theirs)
            ));
        } else {
            elsewhere.push(match when {
                Some(when) => format!("{area}: {theirs_text} in {when}"),
                None => format!("{area}: {theirs_text}"),
            });
        }
    }
    let mut message = format!("{name}: {}", figure(chart, series, own, value));
    if let Some(period) = period {
        message.push_str(" in ");
        message.push_str(period);
    }
    if !compared.is_empty() {
        message.push_str(", ");
        message.push_str(&join(&compared));
    }
    message.push('.');
    let mut rest = Vec::new();
    if !elsewhere.is_empty() {
        let other = if compared.is_empty() {
            "Comparators' latest figures are for other periods"
        } else {
            "Others' latest figures are for other periods"
        };
        rest.push(format!("{other}: {}.", elsewhere.join("; ")));
    }
    rest.push("Bar chart of areas' latest figures.".into());
    Words {
        message,
        rest,
        spare: None,
    }
}

/// A breakdown at one time: its largest groups, with their shares.
fn breakdown(chart: &Chart) -> Words {
    let own: Vec<&Series> = chart.series.iter().filter(|s| !s.comparator).collect();
    // With several of the council's own series, they are periods, the last
    // the latest; with one, its name is the area and period.
    let Some(latest) = own.last().copied().or(chart.series.last()) else {
        return Words {
            message: String::new(),
            rest: drawing(chart),
            spare: None,
        };
    };
    let ranked = largest_of(chart, latest);
    let message = if ranked.is_empty() {
        format!("{}: no figures.", latest.name)
    } else {
        let (area, period) = area_and_period(&latest.name);
        match (own.len(), period) {
            (1, Some(period)) => format!("In {period}, for {area}, {}.", the_largest(&ranked)),
            _ => format!("In {area}, {}.", the_largest(&ranked)),
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
                    Some(period) => format!("{area} {} in {period}", figure(chart, s, top, v)),
                    None => format!("{area} {}", figure(chart, s, top, v)),
                })
            })
            .collect();
        if !others.is_empty() {
            rest.push(format!("{}: {}.", category(chart, top), join(&others)));
        }
    }
    rest.extend(drawing(chart));
    Words {
        message,
        rest,
        spare: None,
    }
}

/// A breakdown's shares over time: the latest largest shares, and where the
/// largest stood at the start.
fn shares(chart: &Chart) -> Words {
    let all: Vec<&Series> = chart.series.iter().collect();
    let Some(last) = (0..chart.categories.len())
        .rev()
        .find(|&i| chart.series.iter().any(|s| s.value(i).is_some()))
    else {
        return Words {
            message: String::new(),
            rest: drawing(chart),
            spare: None,
        };
    };
    let ranked = largest(chart, &all, last);
    let message = format!("In {}, {}.", category(chart, last), the_largest(&ranked));
    let mut rest = Vec::new();
    let mut spare = None;
    let first = (0..last).find(|&i| chart.series.iter().any(|s| s.value(i).is_some()));
    if let (Some(first), Some(top)) = (first, ranked.first()) {
        let series = &chart.series[top.series];
        if let Some(then) = share_at(chart, top.series, first) {
            spare = Some(rest.len());
            rest.push(format!(
                "{} was {} in {}.",
                series.name,
                then.alone(),
                category(chart, first)
            ));
        }
    }
    rest.extend(drawing(chart));
    if as_published(chart) {
        let mut said = format!(
            "Percentages as published, for {} groups.",
            chart.series.len()
        );
        if let Some(totals) = totals_phrase(chart) {
            said = format!("{said} Bars {totals}, as published (rounded figures).");
        }
        rest.push(said);
    } else {
        rest.push(format!(
            "Shares, computed from the {}, of {} groups.",
            what_is_shared(chart),
            chart.series.len()
        ));
    }
    Words {
        message,
        rest,
        spare,
    }
}

/// One group's figure, ranked among the others.
struct Ranked {
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
fn largest(chart: &Chart, series: &[&Series], index: usize) -> Vec<Ranked> {
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
fn largest_of(chart: &Chart, series: &Series) -> Vec<Ranked> {
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
            share: total.map(|total| with_unit(value.max(0.0) / total * 100.0, Unit::Percent, 0)),
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
            .map(|share| with_unit(share, Unit::Percent, 0))
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
    fn words(&self, first: bool) -> String {
        match &self.share {
            Some(share) if first => format!("{}, {share} of the total", self.figure),
            Some(share) => format!("{}, {share}", self.figure),
            None => self.figure.clone(),
        }
    }

    /// `150 (75% of the total)`, in a sentence of its own.
    fn alone(&self) -> String {
        match &self.share {
            Some(share) => format!("{} ({share} of the total)", self.figure),
            None => self.figure.clone(),
        }
    }
}

/// "the largest groups were White (64%) and Other (19%)", or "the largest
/// group was White (64%)".
fn the_largest(ranked: &[Ranked]) -> String {
    let named: Vec<String> = ranked
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{} ({})", r.name, r.words(i == 0)))
        .collect();
    if named.len() == 1 {
        format!("the largest group was {}", named[0])
    } else {
        format!("the largest groups were {}", join(&named))
    }
}

/// What is drawn: the kind of chart and its range, the stretches of time
/// left out, and a value axis that does not start at zero.
fn drawing(chart: &Chart) -> Vec<String> {
    let kind = match chart.kind {
        Kind::Line => "Line chart",
        Kind::Bar => "Bar chart",
        Kind::Stacked => "Stacked bar chart",
    };
    let over_time = chart.kind != Kind::Bar || chart.spans.is_some();
    let mut out = vec![match chart.categories.as_slice() {
        [first, .., last] if over_time => format!("{kind}, {first} to {last}."),
        [only] if over_time => format!("{kind}, {only}."),
        [] => format!("{kind}."),
        categories => format!("{kind} of {} groups.", categories.len()),
    }];
    let gaps: Vec<usize> = (1..chart.categories.len())
        .filter(|&i| break_before(chart, i))
        .collect();
    if gaps.len() > 3 {
        out.push(format!(
            "Periods are left out in {} places between the periods shown.",
            gaps.len()
        ));
    } else {
        for i in gaps {
            out.push(format!(
                "No periods shown between {} and {}.",
                category(chart, i - 1),
                category(chart, i)
            ));
        }
    }
    if chart.kind == Kind::Line {
        let (ticks, broken) = value_axis(chart);
        if broken {
            out.push(format!(
                "The value axis does not start at zero: it starts at {}.",
                with_unit(ticks.lo, chart.unit, ticks.decimals)
            ));
        }
    }
    out
}

/// Names the periods without a figure between a series' first and latest.
fn missing(chart: &Chart, series: &Series) -> Option<String> {
    let figures = figures(chart, series);
    let (first, last) = (figures.first()?.0, figures.last()?.0);
    let gaps: Vec<String> = (first..=last)
        .filter(|&i| series.value(i).is_none())
        .map(|i| match series.marker(i) {
            Some(note) => format!("{} {note}", category(chart, i)),
            None => category(chart, i).to_owned(),
        })
        .collect();
    match gaps.len() {
        0 => None,
        1 => Some(format!("No figure for {}.", gaps[0])),
        2 | 3 => Some(format!("No figures for {}.", join(&gaps))),
        n => Some(format!(
            "No figures for {n} of the {} between.",
            last - first + 1
        )),
    }
}

/// `better than`, `worse than`, or `higher than` when neither is better;
/// `the same as` when the figures print the same.
fn relation(chart: &Chart, own: f64, other: f64) -> &'static str {
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
fn area_and_period(label: &str) -> (&str, Option<&str>) {
    match label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        Some((area, period)) => (area, Some(period)),
        None => (label, None),
    }
}

/// A figure as printed, without its notes, for comparing two figures as a
/// reader would.
fn plain(chart: &Chart, value: f64) -> String {
    with_unit(value, chart.unit, chart.decimals)
}

/// A figure as the tables show it, with its note: `308 [p]`.
fn figure(chart: &Chart, series: &Series, index: usize, value: f64) -> String {
    let mut text = plain(chart, value);
    if let Some(note) = series.marker(index) {
        text.push(' ');
        text.push_str(note);
    }
    text
}

fn category(chart: &Chart, index: usize) -> &str {
    chart.categories.get(index).map_or("", String::as_str)
}

fn figures(chart: &Chart, series: &Series) -> Vec<(usize, f64)> {
    (0..chart.categories.len())
        .filter_map(|i| series.value(i).map(|v| (i, v)))
        .collect()
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// "A", "A and B", "A, B and C".
fn join(names: &[String]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == names.len() { " and " } else { ", " });
        }
        out.push_str(name);
    }
    out
}

#[cfg(test)]
#[path = "describe_tests.rs"]
mod tests;
