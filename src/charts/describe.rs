//! The words of a chart: its message, and the `<desc>` a screen reader hears.
//!
//! A description says first what a sighted reader takes from the chart (a
//! series' direction and latest figure, named by what it is a figure of, a
//! breakdown's largest groups) and how the council compares with each
//! comparator: that is the message, shown in the caption. Then it says what
//! is drawn. A superlative ("the highest since") is claimed only across
//! periods that all have a figure. It is
//! written from the figures in plain words, in the chart's language, and kept short: a reader who
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
use crate::data::format::with_unit_in;
use crate::i18n::{Phrase, list, word};
use groups::{breakdown, largest, shares, the_largest};
use wording::{area_and_period, category, figure, figures, groups, plain, relation};

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
        words.message = word(chart.language, "chart-no-figures").to_string();
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
            the_largest(groups(chart, None).period(category(chart, last)), &ranked)
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
    let say = |id| Phrase::new(chart.language, id).arg("subject", who);
    match figures.as_slice() {
        [] => say("chart-no-figures-for").text(),
        [(at, value)] => say("chart-one-figure")
            .arg("figure", figure(chart, series, *at, *value))
            .period(category(chart, *at))
            .text(),
        [.., (before, was), (at, now)] => {
            let latest = say("")
                .arg("figure", figure(chart, series, *at, *now))
                .period(category(chart, *at));
            let then = figure(chart, series, *before, *was);
            if plain(chart, *now) == plain(chart, *was) {
                return latest
                    .id("chart-stayed")
                    .earlier(category(chart, *before))
                    .text();
            }
            let rose = now > was;
            let earlier = &figures[..figures.len() - 1];
            // The most recent earlier figure at least as far out as this one.
            let beyond = earlier
                .iter()
                .rposition(|&(_, v)| if rose { v >= *now } else { v <= *now });
            let id = |rising, falling| if rose { rising } else { falling };
            // A superlative is claimed only over periods that all have a
            // figure: across a gap, an unknown figure may have been higher.
            match beyond {
                // "Since" a period says that period was as high; the first
                // period shown may not have been, so it is named as the start.
                None if earlier.len() >= REACH && unbroken(chart, series, earlier[0].0, *at) => {
                    latest
                        .id(id(
                            "chart-rose-highest-from-start",
                            "chart-fell-lowest-from-start",
                        ))
                        .earlier(category(chart, earlier[0].0))
                        .text()
                }
                Some(k)
                    if earlier.len() - 1 - k >= REACH
                        && unbroken(chart, series, earlier[k].0, *at) =>
                {
                    let (when, then) = earlier[k];
                    latest
                        .id(id("chart-rose-highest-since", "chart-fell-lowest-since"))
                        .earlier(category(chart, when))
                        .arg("earlier_figure", figure(chart, series, when, then))
                        .text()
                }
                _ => latest
                    .id(id("chart-rose-from", "chart-fell-from"))
                    .earlier(category(chart, *before))
                    .arg("earlier_figure", then)
                    .text(),
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
    let compared: Vec<(&'static str, String)> = chart
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
                compared_figure(
                    chart,
                    &other.name,
                    text,
                    (k != at).then(|| category(chart, k)),
                ),
            ))
        })
        .collect();
    if compared.is_empty() {
        return None;
    }
    Some(
        Phrase::new(chart.language, "chart-compared")
            .period(category(chart, at))
            .arg("area", own.name.as_str())
            .arg("relations", relations(chart, compared))
            .text(),
    )
}

/// A comparator's figure in a list of relations: `England (26)`, or with
/// its period when it is not the council's: `England (26 in 2022-23)`.
fn compared_figure(chart: &Chart, area: &str, figure: String, period: Option<&str>) -> String {
    match period {
        Some(period) => Phrase::new(chart.language, "chart-compared-figure-in")
            .arg("area", area)
            .arg("figure", figure)
            .period(period)
            .text(),
        None => format!("{area} ({figure})"),
    }
}

/// "higher than England (26) and the East of England (24), and lower than
/// Statistical neighbours (28)": each relation (a message id) said once, in
/// the order the comparators come.
fn relations(chart: &Chart, compared: Vec<(&'static str, String)>) -> String {
    let mut groups: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (relation, area) in compared {
        match groups.iter_mut().find(|(r, _)| *r == relation) {
            Some((_, areas)) => areas.push(area),
            None => groups.push((relation, vec![area])),
        }
    }
    // A comma before the last "and" only where an earlier group has an
    // "and" of its own.
    let listed = groups[..groups.len().saturating_sub(1)]
        .iter()
        .any(|(_, areas)| areas.len() > 1);
    let groups: Vec<String> = groups
        .into_iter()
        .map(|(relation, areas)| {
            Phrase::new(chart.language, relation)
                .areas(list(chart.language, &areas))
                .text()
        })
        .collect();
    match groups.as_slice() {
        [first @ .., last] if groups.len() > 2 || (groups.len() == 2 && listed) => {
            Phrase::new(chart.language, "list-and-after-list")
                .arg("first", first.join(", "))
                .last(last)
                .text()
        }
        _ => list(chart.language, &groups),
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
    let drawn = || vec![word(chart.language, "chart-drawn-areas").to_string()];
    let (name, period) = area_and_period(category(chart, own));
    let Some(value) = series.value(own) else {
        return Words {
            message: Phrase::new(chart.language, "chart-no-figure-for")
                .arg("area", name)
                .text(),
            rest: drawn(),

            spare: Vec::new(),
        };
    };
    let compared: Vec<(&'static str, String)> = (0..chart.categories.len())
        .filter(|&k| k != own)
        .filter_map(|k| {
            let (area, when) = area_and_period(category(chart, k));
            let theirs = series.value(k)?;
            let text = figure(chart, series, k, theirs);
            let other_period = when.filter(|&when| Some(when) != period);
            Some((
                relation(chart, value, theirs),
                compared_figure(chart, area, text, other_period),
            ))
        })
        .collect();
    let id = match (period.is_some(), compared.is_empty()) {
        (true, true) => "chart-area-in",
        (true, false) => "chart-area-in-compared",
        (false, true) => "chart-area",
        (false, false) => "chart-area-compared",
    };
    let mut message = Phrase::new(chart.language, id)
        .arg("area", name)
        .arg("figure", figure(chart, series, own, value));
    if let Some(period) = period {
        message = message.period(period);
    }
    if !compared.is_empty() {
        message = message.arg("relations", relations(chart, compared));
    }
    Words {
        message: message.text(),
        rest: drawn(),
        spare: Vec::new(),
    }
}

/// What is drawn: the kind of chart and its range, the stretches of time
/// left out, and a value axis that does not start at zero.
fn drawing(chart: &Chart) -> Vec<String> {
    let language = chart.language;
    let kind = word(
        language,
        match chart.kind {
            Kind::Line => "chart-line",
            Kind::Bar => "chart-bar",
            Kind::Stacked => "chart-stacked",
        },
    );
    let say = |id| Phrase::new(language, id).arg("chart", kind);
    let over_time = chart.kind != Kind::Bar || chart.spans.is_some();
    let mut out = vec![match chart.categories.as_slice() {
        [first, .., last] if over_time => say("chart-drawn-range")
            .arg("first", first.as_str())
            .last(last)
            .text(),
        [only] if over_time => say("chart-drawn-one").arg("period", only.as_str()).text(),
        [] => say("chart-drawn").text(),
        categories => say("chart-drawn-groups")
            .arg("count", categories.len())
            .text(),
    }];
    let gaps: Vec<usize> = (1..chart.categories.len())
        .filter(|&i| break_before(chart, i))
        .collect();
    if gaps.len() > 3 {
        out.push(
            Phrase::new(language, "chart-periods-left-out")
                .arg("count", gaps.len())
                .text(),
        );
    } else {
        for i in gaps {
            out.push(
                Phrase::new(language, "chart-no-periods-between")
                    .arg("first", category(chart, i - 1))
                    .last(category(chart, i))
                    .text(),
            );
        }
    }
    if chart.kind == Kind::Line {
        let (ticks, broken) = value_axis(chart);
        if broken {
            out.push(
                Phrase::new(language, "chart-axis-from")
                    .arg(
                        "value",
                        with_unit_in(ticks.lo, chart.unit, ticks.decimals, chart.language),
                    )
                    .text(),
            );
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
    let say = |id| Phrase::new(chart.language, id);
    match gaps.len() {
        0 => None,
        1 => Some(
            say("chart-no-figure-at")
                .arg("period", gaps[0].as_str())
                .text(),
        ),
        2 | 3 => Some(
            say("chart-no-figures-at")
                .arg("periods", list(chart.language, &gaps))
                .text(),
        ),
        n => Some(
            say("chart-no-figures-between")
                .arg("count", n)
                .arg("total", last - first + 1)
                .text(),
        ),
    }
}

#[cfg(test)]
#[path = "describe_tests.rs"]
mod tests;
