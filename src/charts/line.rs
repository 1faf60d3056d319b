//! Line charts: one line per series over the categories (periods).
//!
//! Each line ends in a direct label (its marker, name and latest figure), so
//! there is no legend to match colours against. A missing figure breaks the
//! line: nothing is interpolated across a gap.
//!
//! Periods are placed at their end dates on a linear time axis (see
//! [`across`]), so uneven steps are drawn uneven, and a line is also broken
//! across a stretch much longer than its usual step ([`break_before`]). The
//! value axis starts at zero unless the figures sit high above it; then it is
//! drawn broken ([`value_axis`]).

use std::borrow::Cow;

use super::layout::{
    EDGE, FONT, LINE, Scale, abbreviate, across, axis_title, bold_width, break_before, short_value,
    text_width, thin, thin_at, value_axis, widest, wrap,
};
use super::paint::{AXIS, Anchor, GRID, Text, looks, picks_out_own, plot, rules};
use super::{Chart, ChartSeries, Desc, close, open};

/// Height of the plotting area.
const PLOT_HEIGHT: i32 = 240;
/// Space between the plot edges and the first and last points.
const INSET: i32 = 10;
/// Space before the first point when the value axis is broken, so the break
/// mark stands clear of it.
const BROKEN_INSET: i32 = 26;
/// Markers are drawn at every point only when points are this far apart.
const MARKER_SPACING: f64 = 28.0;
/// Ticks closer than this run together into a band: where most points are
/// this close, a tick is drawn only under each point whose label is shown.
const TICK_SPACING: i32 = 4;

/// A series' label at the end of its line.
struct EndLabel<'a> {
    series: usize,
    lines: Vec<&'a str>,
    value: String,
    /// Baseline of the first line.
    y: i32,
}

impl EndLabel<'_> {
    fn height(&self) -> i32 {
        (self.lines.len() as i32 + 1) * LINE
    }
}

pub(super) fn draw(chart: &Chart, width: i32, desc: Desc<'_>) -> String {
    let n = chart.categories.len();
    let looks = looks(chart);
    // The council's own series are named in bold beside the comparators'.
    let bold_names = picks_out_own(chart);
    let (ticks, broken) = value_axis(chart);
    let tick_labels: Vec<String> = ticks
        .values()
        .map(|v| short_value(v, chart.unit, ticks.decimals, chart.language))
        .collect();

    let title = axis_title(chart.unit, chart.language);
    let top = if title.is_some() { 36 } else { 16 };
    let left = widest(tick_labels.iter().map(String::as_str)) + 10;

    // A series' name wraps at a quarter of the drawing's width.
    let mut labels = end_labels(chart, width / 4);
    // The plot is tall enough for every end label to stand beside it, one
    // under another, however many lines their names wrap to.
    let stacked: i32 = labels.iter().map(|l| l.height() + 4).sum();
    let bottom = (top + PLOT_HEIGHT).max(stacked);
    let label_width = labels
        .iter()
        .map(|l| {
            let name = l.lines.iter().map(|line| bold_width(line)).max();
            name.unwrap_or(0).max(bold_width(&l.value))
        })
        .max()
        .map_or(0, |w| w + 18);
    let right = width - label_width - 18;
    let y = Scale::new(ticks.lo, ticks.hi, bottom, top);
    // Periods are placed in time; the first and last inset from the edges.
    // A broken axis keeps its first stretch clear for the break mark.
    let inset = if broken { BROKEN_INSET } else { INSET };
    let places = across(chart, left + inset, right - INSET);
    let x = |i: usize| -> i32 { places[i] };
    // The steps from one point's place to the next, smallest first (steps
    // of 0, a month and the year ending with it, left out).
    let mut steps: Vec<i32> = (places.windows(2))
        .map(|w| w[1] - w[0])
        .filter(|&d| d > 0)
        .collect();
    steps.sort_unstable();
    // The closest two points, which decides whether every point gets a marker.
    let spacing = f64::from(steps.first().copied().unwrap_or(right - left));
    // The typical step, which decides whether every point gets a tick.
    let typical = steps.get(steps.len() / 2).copied().unwrap_or(i32::MAX);

    for label in &mut labels {
        let latest = (0..n)
            .rev()
            .find_map(|i| chart.series[label.series].value(i))
            .unwrap_or(ticks.lo);
        label.y = y.at(latest) + 5;
    }
    let height = place_labels(&mut labels, bottom + 4) + 34;
    let height = height.max(bottom + 34);

    let labels_under = CategoryLabels::choose(chart, width, spacing, &x);

    let mut out = String::with_capacity(4096 + 512 * chart.series.len() + 64 * n);
    open(&mut out, chart, (width, height), desc);

    // Gridlines at each tick, the axis along the bottom.
    rules(&mut out, "grid", GRID, |pen| {
        for value in ticks.values().skip(1) {
            let at = y.at(value);
            let rgb = if value == 0.0 { AXIS } else { GRID };
            pen.rule(rgb, (left, at), (right, at));
        }
    });
    rules(&mut out, "axis", AXIS, |pen| {
        if broken {
            // Two slashes cut the axis near its start: it does not start at zero.
            pen.rule(AXIS, (left, bottom), (left + 4, bottom));
            pen.rule(AXIS, (left + 14, bottom), (right, bottom));
            pen.rule(AXIS, (left, bottom + 7), (left + 8, bottom - 7));
            pen.rule(AXIS, (left + 10, bottom + 7), (left + 18, bottom - 7));
        } else {
            pen.rule(AXIS, (left, bottom), (right, bottom));
        }
        // A tick under each point, so its place in time is plain; where
        // points are too close for that, under each labelled point. One
        // tick stands for the points at one place.
        let every: Vec<usize>;
        let ticked = if typical >= TICK_SPACING {
            every = (0..n).collect();
            &every
        } else {
            &labels_under.shown
        };
        let mut last = None;
        for &i in ticked {
            if last != Some(x(i)) {
                pen.rule(AXIS, (x(i), bottom), (x(i), bottom + 5));
                last = Some(x(i));
            }
        }
    });

    // One group per line, so its dash applies to every run of it.
    for (series, &look) in chart.series.iter().zip(&looks) {
        out.push_str("<g class=\"marks line\" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
        if let Some(dash) = look.dash {
            out.push_str(" stroke-dasharray=\"");
            out.push_str(dash);
            out.push('"');
        }
        out.push_str(">\n");
        plot(&mut out, |pen| {
            for run in runs(chart, series) {
                if run.len() > 1 {
                    let points = run
                        .clone()
                        .map(|i| (x(i), y.at(series.value(i).unwrap_or(0.0))));
                    pen.line(look, points);
                }
            }
        });
        out.push_str("</g>\n");
    }

    // Markers: at every point when there is room, else where runs start and end.
    out.push_str("<g class=\"marks\">\n");
    plot(&mut out, |pen| {
        for (index, series) in chart.series.iter().enumerate() {
            for run in runs(chart, series) {
                let ends = [run.start, run.end - 1];
                for i in run {
                    if spacing >= MARKER_SPACING || ends.contains(&i) {
                        let value = series.value(i).unwrap_or(0.0);
                        pen.marker(looks[index], (x(i), y.at(value)));
                    }
                }
            }
        }
        for label in &labels {
            pen.marker(looks[label.series], (right + 20, label.y - 5));
        }
    });
    out.push_str("</g>\n");

    // Text: axis title, ticks, categories, notes, end labels.
    if let Some(title) = title {
        Text::at(EDGE, 18).write(&mut out, title);
    }
    for (value, label) in ticks.values().zip(&tick_labels) {
        Text::at(left - 8, y.at(value) + 5)
            .anchor(Anchor::End)
            .write(&mut out, label);
    }
    labels_under.write(&mut out, bottom + 24);
    notes(&mut out, chart, bottom, &x, &y);
    for label in &labels {
        let own = bold_names && !looks[label.series].quiet;
        for (line, text) in label.lines.iter().enumerate() {
            let at = Text::at(right + 32, label.y + line as i32 * LINE);
            let at = if own { at.bold() } else { at };
            at.write(&mut out, text);
        }
        Text::at(right + 32, label.y + label.lines.len() as i32 * LINE)
            .bold()
            .write(&mut out, &label.value);
    }
    close(&mut out);
    out
}

/// The runs of consecutive categories that have a figure with no break in
/// time between them: a line is drawn along a run, never across a missing
/// figure or a long stretch of time with no period shown.
fn runs(chart: &Chart, series: &ChartSeries) -> Vec<std::ops::Range<usize>> {
    let n = chart.categories.len();
    let mut runs = Vec::new();
    let mut start = None;
    for i in 0..=n {
        let has = i < n && series.value(i).is_some();
        match start {
            Some(s) if !has || break_before(chart, i) => {
                runs.push(s..i);
                start = has.then_some(i);
            }
            None if has => start = Some(i),
            _ => {}
        }
    }
    runs
}

/// A label for each series that has a figure: its name, wrapped, and its latest
/// figure with any note.
fn end_labels(chart: &Chart, name_width: i32) -> Vec<EndLabel<'_>> {
    chart
        .series
        .iter()
        .enumerate()
        .filter_map(|(index, series)| {
            let latest = (0..chart.categories.len())
                .rev()
                .find(|&i| series.value(i).is_some())?;
            let mut value = short_value(
                series.value(latest)?,
                chart.unit,
                chart.decimals,
                chart.language,
            );
            if let Some(note) = series.marker(latest) {
                value.push(' ');
                value.push_str(note);
            }
            Some(EndLabel {
                series: index,
                lines: wrap(&series.name, FONT, name_width),
                value,
                y: 0,
            })
        })
        .collect()
}

/// Moves end labels apart so none overlaps another, keeping each as near its
/// line's end as it can and the lowest above `limit`. Returns the lowest
/// baseline used.
fn place_labels(labels: &mut [EndLabel<'_>], limit: i32) -> i32 {
    labels.sort_by_key(|l| (l.y, l.series));
    for i in 1..labels.len() {
        let floor = labels[i - 1].y + labels[i - 1].height() + 4;
        labels[i].y = labels[i].y.max(floor);
    }
    let mut ceiling = limit;
    for label in labels.iter_mut().rev() {
        let last_line = label.height() - LINE;
        label.y = label.y.min(ceiling - last_line).max(LINE);
        ceiling = label.y - 4 - LINE;
    }
    labels
        .iter()
        .map(|l| l.y + l.height() - LINE)
        .max()
        .unwrap_or(0)
}

/// Category labels under the axis: which categories are labelled, where,
/// and in which words. Month names are shortened and labels thinned when
/// crowded, the last always shown, none overlapping another.
struct CategoryLabels<'a> {
    /// The categories labelled, in order.
    shown: Vec<usize>,
    /// Each category's label's centre.
    at: Vec<i32>,
    /// Each category's label: its name, or its name shortened.
    texts: Vec<Cow<'a, str>>,
}

impl<'a> CategoryLabels<'a> {
    fn choose(chart: &'a Chart, width: i32, spacing: f64, x: &impl Fn(usize) -> i32) -> Self {
        let n = chart.categories.len();
        let in_time = chart.spans.is_some();
        // Where each label would be centred: under its point, kept on the drawing.
        let choose = |texts: &[Cow<'_, str>]| -> (Vec<usize>, Vec<i32>) {
            let widths: Vec<i32> = texts.iter().map(|l| text_width(l, FONT)).collect();
            let centres: Vec<i32> = (0..texts.len())
                .map(|i| x(i).clamp(widths[i] / 2 + 2, width - widths[i] / 2 - 2))
                .collect();
            let shown = if in_time {
                thin_at(&centres, &widths)
            } else {
                thin(spacing, &widths)
            };
            (shown, centres)
        };
        let full: Vec<Cow<'a, str>> = (chart.categories.iter())
            .map(|c| Cow::Borrowed(c.as_str()))
            .collect();
        let (shown, at) = choose(&full);
        if shown.len() == n {
            return CategoryLabels {
                shown,
                at,
                texts: full,
            };
        }
        let short: Vec<Cow<'a, str>> = (chart.categories.iter())
            .map(|c| Cow::Owned(abbreviate(c, chart.language)))
            .collect();
        let (shown, at) = choose(&short);
        CategoryLabels {
            shown,
            at,
            texts: short,
        }
    }

    fn write(&self, out: &mut String, baseline: i32) {
        for &i in &self.shown {
            Text::at(self.at[i], baseline)
                .anchor(Anchor::Middle)
                .write(out, &self.texts[i]);
        }
    }
}

/// Notes: at a gap, just above the axis (stacked if several series have one);
/// after a figure, just above its point. The latest figure's note is in its end
/// label instead.
fn notes(out: &mut String, chart: &Chart, bottom: i32, x: &impl Fn(usize) -> i32, y: &Scale) {
    let n = chart.categories.len();
    for i in 0..n {
        let mut at_gap = 0;
        for series in &chart.series {
            let Some(note) = series.marker(i) else {
                continue;
            };
            match series.value(i) {
                None => {
                    Text::at(x(i), bottom - 6 - at_gap * 16)
                        .anchor(Anchor::Middle)
                        .small()
                        .write(out, note);
                    at_gap += 1;
                }
                Some(_) if (i + 1..n).any(|j| series.value(j).is_some()) => {
                    let value = series.value(i).unwrap_or(0.0);
                    Text::at(x(i), y.at(value) - 10)
                        .anchor(Anchor::Middle)
                        .small()
                        .write(out, note);
                }
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
#[path = "line_tests.rs"]
mod tests;
