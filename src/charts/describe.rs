//! The words of a chart: its message, and the `<desc>` a screen reader hears.
//!
//! A description says first what a sighted reader takes from the chart (a
//! series' direction and latest figure, named by what it is a figure of, a
//! breakdown's largest groups) and how the council compares with each
//! comparator: that is the message, shown in the caption. Then it says what
//! is drawn. A superlative ("the highest since") is claimed only across
//! periods that all have a figure. It is
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
use wording::{area_and_period, category, figure, figures, groups_of, join, plain, relation};

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
    let (message, details) = parts(chart);
    match (message.is_empty(), details.is_empty()) {
        (_, true) => message,
        (true, false) => details,
        (false, false) => format!("{message} {details}"),
    }
}

/// What the description says after the message (which the chart's caption
/// gives), or nothing if the message is all it says.
pub(super) fn details(chart: &Chart) -> String {
    parts(chart).1
}

/// The message, and the sentences that follow it within the word budget.
fn parts(chart: &Chart) -> (String, String) {
    let mut words = words(chart);
    let count = |w: &Words| {
        w.message.split_whitespace().count()
            + w.rest
                .iter()
                .map(|s| s.split_whitespace().count())
                .sum::<usize>()
    };
    for spare in std::mem::take(&mut words.spare) {
        // The last sentence left is kept whatever the count: the drawing's
        // own description, after the message its figure's caption gives.
        let left = words.rest.iter().filter(|s| !s.is_empty()).count();
        if count(&words) <= WORDS || left <= 1 {
            break;
        }
        words.rest[spare].clear();
    }
    let details: Vec<String> = words.rest.into_iter().filter(|s| !s.is_empty()).collect();
    (words.message, details.join(" "))
}

/// What a reader should take from the chart, for its caption: "Children
/// looked after rose to 308 in June 2023, the highest since April 2022,
/// when it was 301."
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

/// A series over time: its direction and latest figure, and how the
/// council compares with each comparator.
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
            format!(
                "{} {}, {}.",
                groups_of(chart),
                category(chart, last),
                the_largest(&ranked)
            )
        };
        return Words {
            message,
            rest: drawing(chart),
            spare: Vec::new(),
        };
    }
    let mut message = trend(chart, first);
    // A chart of comparators alone has no council to compare.
    let compared = figures(chart, first)
        .last()
        .filter(|_| !first.comparator)
        .and_then(|&(at, value)| against(chart, first, at, value));
    if let Some(compared) = compared {
        message.push(' ');
        message.push_str(&compared);
    }
    let mut rest = drawing(chart);
    // When the words are too many, the gaps the table shows go first, then
    // what is drawn, in order: the kind and range of the chart, which the
    // message mostly says already, before the stretches of time left out
    // and the axis.
    let mut spare: Vec<usize> = (0..rest.len()).collect();
    if let Some(gaps) = missing(chart, first) {
        rest.push(gaps);
        spare.insert(0, rest.len() - 1);
    }
    Words {
        message,
        rest,
        spare,
    }
}

/// What a series' figures are of, to open a sentence: the indicator's
/// title for the council's own, the area for a comparator's.
fn subject<'a>(chart: &'a Chart, series: &'a ChartSeries) -> &'a str {
    if series.comparator || chart.subject.is_empty() {
        &series.name
    } else {
        &chart.subject
    }
}

/// "Children looked after rose to 308 in June 2023, the highest since
/// April 2022, when it was 301."
fn trend(chart: &Chart, series: &ChartSeries) -> String {
    let figures = figures(chart, series);
    let who = subject(chart, series);
    match figures.as_slice() {
        [] => format!("{who}: no figures."),
        [(at, value)] => format!(
            "{who}: {} in {}.",
            figure(chart, series, *at, *value),
            category(chart, *at)
        ),
        [.., (before, was), (at, now)] => {
            let latest = figure(chart, series, *at, *now);
            let then = figure(chart, series, *before, *was);
            if plain(chart, *now) == plain(chart, *was) {
                return format!(
                    "{who} stayed at {latest} in {}, as in {}.",
                    category(chart, *at),
                    category(chart, *before)
                );
            }
            let rose = now > was;
            let verb = if rose { "rose to" } else { "fell to" };
            let head = format!("{who} {verb} {latest} in {}", category(chart, *at));
            let earlier = &figures[..figures.len() - 1];
            // The most recent earlier figure at least as far out as this one.
            let beyond = earlier
                .iter()
                .rposition(|&(_, v)| if rose { v >= *now } else { v <= *now });
            let extreme = if rose { "highest" } else { "lowest" };
            // A superlative is claimed only over periods that all have a
            // figure: across a gap, an unknown figure may have been higher.
            match beyond {
                // "Since" a period says that period was as high; the first
                // period shown may not have been, so it is named as the start.
                None if earlier.len() >= REACH && unbroken(chart, series, earlier[0].0, *at) => {
                    format!(
                        "{head}, the {extreme} since the chart starts in {}.",
                        category(chart, earlier[0].0)
                    )
                }
                Some(k)
                    if earlier.len() - 1 - k >= REACH
                        && unbroken(chart, series, earlier[k].0, *at) =>
                {
                    let (when, then) = earlier[k];
                    format!(
                        "{head}, the {extreme} since {}, when it was {}.",
                        category(chart, when),
                        figure(chart, series, when, then)
                    )
                }
                _ => format!("{head}, from {then} in {}.", category(chart, *before)),
            }
        }
    }
}

/// Whether `series` has a figure for every period from category `from` to
/// category `to`, each as long as the last and each starting where the one
/// before ends: so nothing between them is unknown. Categories that are not
/// periods never are.
fn unbroken(chart: &Chart, series: &ChartSeries, from: usize, to: usize) -> bool {
    let Some(spans) = chart.spans.as_deref() else {
        return false;
    };
    let Some(length) = spans.get(to).map(|s| s.end - s.start) else {
        return false;
    };
    (from..=to).all(|i| series.value(i).is_some() && spans[i].end - spans[i].start == length)
        && (from..to).all(|i| spans[i].end == spans[i + 1].start)
}

/// How the council's latest figure compares with each comparator's: with
/// its figure for the same period, or else with its latest, whose period is
/// said beside it. `None` without comparators.
fn against(chart: &Chart, own: &ChartSeries, at: usize, value: f64) -> Option<String> {
    let compared: Vec<(&str, String)> = chart
        .series
        .iter()
        .filter(|s| s.comparator)
        .filter_map(|other| {
            let (k, theirs) = match other.value(at) {
                Some(theirs) => (at, theirs),
                None => *figures(chart, other).last()?,
            };
            let text = figure(chart, other, k, theirs);
            Some((
                relation(chart, value, theirs),
                if k == at {
                    format!("{} ({text})", other.name)
                } else {
                    format!("{} ({text} in {})", other.name, category(chart, k))
                },
            ))
        })
        .collect();
    if compared.is_empty() {
        return None;
    }
    Some(format!(
        "In {}, {} was {}.",
        category(chart, at),
        own.name,
        relations(compared)
    ))
}

/// "higher than England (26) and the East of England (24), and lower than
/// Statistical neighbours (28)": each relation said once, in the order the
/// comparators come.
fn relations(compared: Vec<(&str, String)>) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for (relation, area) in compared {
        match groups.iter_mut().find(|(r, _)| *r == relation) {
            Some((_, areas)) => areas.push(area),
            None => groups.push((relation, vec![area])),
        }
    }
    let groups: Vec<String> = groups
        .into_iter()
        .map(|(relation, areas)| format!("{relation} {}", join(&areas)))
        .collect();
    match groups.as_slice() {
        [one] => one.clone(),
        // A comma before the last "and" only where an earlier group has
        // an "and" of its own.
        [first, last] if !first.contains(" and ") => format!("{first} and {last}"),
        [first @ .., last] => format!("{}, and {last}", first.join(", ")),
        [] => String::new(),
    }
}

/// Areas side by side: the council's latest figure, and how it compares
/// with each comparator's, whose period is said when it is another.
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
    let compared: Vec<(&str, String)> = (0..chart.categories.len())
        .filter(|&k| k != own)
        .filter_map(|k| {
            let (area, when) = area_and_period(category(chart, k));
            let theirs = series.value(k)?;
            let text = figure(chart, series, k, theirs);
            Some((
                relation(chart, value, theirs),
                match when {
                    Some(when) if Some(when) != period => format!("{area} ({text} in {when})"),
                    _ => format!("{area} ({text})"),
                },
            ))
        })
        .collect();
    let mut message = format!("{name}: {}", figure(chart, series, own, value));
    if let Some(period) = period {
        message.push_str(" in ");
        message.push_str(period);
    }
    if !compared.is_empty() {
        message.push_str(", ");
        message.push_str(&relations(compared));
    }
    message.push('.');
    Words {
        message,
        rest: vec!["Bar chart of areas' latest figures.".into()],
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
