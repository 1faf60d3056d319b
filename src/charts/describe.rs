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

mod groups;
mod wording;

use super::layout::{break_before, value_axis};
use super::{Chart, ChartSeries, Kind};
use crate::data::format::with_unit;
use groups::{breakdown, largest, shares, the_largest};
use wording::{area_and_period, capital, category, figure, figures, join, plain, relation};

/// A latest figure is called the highest (or lowest) since a period only when
/// that reaches back past at least this many earlier figures: one step up is
/// already said by "rose".
const REACH: usize = 2;
/// A description longer than this many words drops the sentences that can
/// be spared.
const WORDS: usize = 60;

/// The chart's message and the rest of its description, in sentences.
struct Words {
    message: String,
    rest: Vec<String>,
    /// The sentences of `rest` to leave out, first to last, while the whole
    /// is too long.
    spare: Vec<usize>,
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
    for spare in std::mem::take(&mut words.spare) {
        if count(&words) <= WORDS {
            break;
        }
        words.rest[spare].clear();
    }
    let mut out = words.message;
    for sentence in words.rest.into_iter().filter(|s| !s.is_empty()) {
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
    let own: Vec<&ChartSeries> = chart.series.iter().filter(|s| !s.comparator).collect();
    let Some(first) = own.first().copied().or(chart.series.first()) else {
        return Words {
            message: String::new(),
            rest: drawing(chart),
            spare: Vec::new(),
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
            spare: Vec::new(),
        };
    }
    let named = chart.series.len() > 1;
    let message = trend(chart, first, named);
    let mut rest = Vec::new();
    if let Some(&(at, value)) = figures(chart, first).last() {
        rest.extend(against(chart, first, at, value));
    }
    // The kind and range of the chart, which the message mostly says
    // already, go after any gaps when the words are too many.
    let kind = rest.len();
    rest.extend(drawing(chart));
    // The table shows each gap; the words name them while there is room.
    let mut spare: Vec<usize> = missing(chart, first)
        .map(|gaps| {
            rest.push(gaps);
            rest.len() - 1
        })
        .into_iter()
        .collect();
    spare.push(kind);
    Words {
        message,
        rest,
        spare,
    }
}

/// "Rose to 308 in June 2023, the highest since April 2022."
fn trend(chart: &Chart, series: &ChartSeries, named: bool) -> String {
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
fn against(chart: &Chart, own: &ChartSeries, at: usize, value: f64) -> Vec<String> {
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

            spare: Vec::new(),
        };
    };
    let (name, period) = area_and_period(category(chart, own));
    let Some(value) = series.value(own) else {
        return Words {
            message: format!("{name}: no figure."),
            rest: vec!["Bar chart of areas' latest figures.".into()],

            spare: Vec::new(),
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
        spare: Vec::new(),
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
fn missing(chart: &Chart, series: &ChartSeries) -> Option<String> {
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

#[cfg(test)]
#[path = "describe_tests.rs"]
mod tests;
