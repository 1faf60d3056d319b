//! Bar charts: for each category, one bar per series, each labelled with its
//! figure.
//!
//! Columns (vertical bars) when every category label and figure fits beneath
//! and above its bar; otherwise rows (horizontal bars) with each category's
//! name on its own line above its bars, which reads best on a phone. Bars start
//! at zero; a missing figure has no bar, and its note (`[c]`) sits at zero.
//!
//! Bars over time keep equal slots rather than being placed to scale: a bar is
//! read by its height and the figure on it, and periods of uneven length placed
//! in time would crowd or overlap bars. Where periods are left out between two
//! bars, the axis is broken between them and the description names the gap.

use super::layout::{
    EDGE, FONT, LINE, Scale, Ticks, axis_title, bold_width, break_before, short_value, text_width,
    widest, wrap, wrap_bold,
};
use super::paint::{AXIS, Anchor, GRID, Key, Look, Pen, Text, fills, looks, pattern_defs, rules};
use super::{Chart, Desc, close, open};

/// Height of the plotting area of columns.
const PLOT_HEIGHT: i32 = 220;
/// Thickness of a bar drawn as a row.
const ROW_BAR: i32 = 24;
/// Space between the bars of one category.
const GAP: i32 = 3;

/// Draws `chart` `width` units wide: columns if they fit and `rows` is not
/// asked for, else rows.
pub(super) fn draw(chart: &Chart, (width, desc): (i32, Desc<'_>), rows: bool) -> String {
    let (lo, hi) = range(chart);
    match ColumnLayout::fit(chart, lo, hi, width).filter(|_| !rows) {
        Some(columns) => columns.draw(chart, width, desc),
        None => self::rows(chart, (lo, hi), width, desc),
    }
}

/// The look of series `k`'s bar for category `i`: quieter when the chart's
/// categories are areas and `i` is not the council's own.
fn bar_look(chart: &Chart, looks: &[Look], k: usize, i: usize) -> Look {
    match chart.own_category {
        Some(own) if own != i => looks[k].quieter(),
        _ => looks[k],
    }
}

/// Whether category `i` is the council's own area, named in bold.
fn is_own(chart: &Chart, i: usize) -> bool {
    chart.own_category == Some(i)
}

/// The smallest and largest figures, stretched to include zero.
fn range(chart: &Chart) -> (f64, f64) {
    let (lo, hi) = chart
        .series
        .iter()
        .flat_map(|s| (0..chart.categories.len()).filter_map(|i| s.value(i)))
        .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if hi > lo { (lo, hi) } else { (0.0, 1.0) }
}

/// The label on series `k`'s bar for category `i`: its figure and any note.
fn bar_label(chart: &Chart, k: usize, i: usize) -> Option<String> {
    let series = &chart.series[k];
    let mut label = short_value(series.value(i)?, chart.unit, chart.decimals, chart.language);
    if let Some(note) = series.marker(i) {
        label.push(' ');
        label.push_str(note);
    }
    Some(label)
}

/// Every bar label, category by category.
fn bar_labels(chart: &Chart) -> Vec<Vec<Option<String>>> {
    (0..chart.categories.len())
        .map(|i| {
            (0..chart.series.len())
                .map(|k| bar_label(chart, k, i))
                .collect()
        })
        .collect()
}

fn names(chart: &Chart) -> impl Iterator<Item = &str> {
    chart.series.iter().map(|s| s.name.as_str())
}

/// A key, when there is more than one series to tell apart.
fn key(chart: &Chart, width: i32) -> Option<Key<'_>> {
    (chart.series.len() > 1).then(|| Key::new(names(chart), (0, 2), width))
}

/// Vertical bars: the layout, once it is known to fit.
struct ColumnLayout<'a> {
    ticks: Ticks,
    tick_labels: Vec<String>,
    left: i32,
    slot: i32,
    group: i32,
    bar: i32,
    categories: Vec<Vec<&'a str>>,
    labels: Vec<Vec<Option<String>>>,
}

impl<'a> ColumnLayout<'a> {
    /// The layout of vertical bars for `chart`, if every label fits.
    fn fit(chart: &'a Chart, lo: f64, hi: f64, width: i32) -> Option<ColumnLayout<'a>> {
        let n = chart.categories.len().max(1) as i32;
        let s = chart.series.len().max(1) as i32;
        let ticks = Ticks::new(lo, hi, chart.decimals);
        let tick_labels: Vec<String> = ticks
            .values()
            .map(|v| short_value(v, chart.unit, ticks.decimals, chart.language))
            .collect();
        let left = widest(tick_labels.iter().map(String::as_str)) + 10;
        let slot = (width - left - 4) / n;
        let group = slot - (slot / 5).max(8);
        let bar = (group - (s - 1) * GAP) / s;
        if bar < 12 {
            return None;
        }
        let room = if s == 1 { slot - 6 } else { bar + GAP };
        let labels = bar_labels(chart);
        let too_wide =
            |label: &Option<String>| label.as_deref().is_some_and(|l| text_width(l, FONT) > room);
        if labels.iter().flatten().any(too_wide) {
            return None;
        }
        let categories: Vec<Vec<&str>> = chart
            .categories
            .iter()
            .map(|c| wrap(c, FONT, slot - 6))
            .collect();
        let fits = |lines: &Vec<&str>| {
            let widest = lines.iter().map(|l| bold_width(l)).max().unwrap_or(0);
            lines.len() <= 2 && widest <= slot - 2
        };
        if !categories.iter().all(fits) {
            return None;
        }
        Some(ColumnLayout {
            ticks,
            tick_labels,
            left,
            slot,
            group,
            bar,
            categories,
            labels,
        })
    }

    fn draw(&self, chart: &Chart, width: i32, desc: Desc<'_>) -> String {
        let looks = looks(chart);
        let key = key(chart, width);
        let key_height = key.as_ref().map_or(0, |k| k.height);
        let title = axis_title(chart.unit, chart.language);
        let top = key_height + if title.is_some() { 24 } else { 0 } + 28;
        let bottom = top + PLOT_HEIGHT;
        let lines = self.categories.iter().map(Vec::len).max().unwrap_or(1) as i32;
        let height = bottom + 24 + (lines - 1) * LINE + 10;
        let y = Scale::new(self.ticks.lo, self.ticks.hi, bottom, top);
        let zero = y.at(0.0);
        let right = self.left + self.slot * chart.categories.len() as i32;
        // Left edge of series k's bar in category i.
        let x = |i: usize, k: usize| -> i32 {
            self.left
                + i as i32 * self.slot
                + (self.slot - self.group) / 2
                + k as i32 * (self.bar + GAP)
        };

        let mut out =
            String::with_capacity(4096 + 256 * chart.series.len() * chart.categories.len());
        open(&mut out, chart, (width, height), desc);
        pattern_defs(&mut out, &chart.id, &looks);
        if let Some(key) = &key {
            key.write(&mut out, &chart.id, &looks);
        }
        rules(&mut out, "grid", GRID, |pen| {
            for value in self.ticks.values().filter(|&v| v != 0.0) {
                pen.rule(GRID, (self.left, y.at(value)), (right, y.at(value)));
            }
        });
        let looks = &looks;
        let bars = chart.series.iter().enumerate().flat_map(|(k, series)| {
            (0..chart.categories.len()).filter_map(move |i| {
                let v = series.value(i)?;
                let x0 = x(i, k);
                let look = bar_look(chart, looks, k, i);
                Some((
                    look,
                    (x0, y.at(v.max(0.0))),
                    (x0 + self.bar, y.at(v.min(0.0))),
                ))
            })
        });
        fills(&mut out, &chart.id, bars);
        rules(&mut out, "axis", AXIS, |pen| {
            slotted_axis(pen, chart, (self.left, right), self.slot, zero);
        });

        if let Some(title) = title {
            Text::at(EDGE, key_height + 18).write(&mut out, title);
        }
        for (value, label) in self.ticks.values().zip(&self.tick_labels) {
            Text::at(self.left - 8, y.at(value) + 5)
                .anchor(Anchor::End)
                .write(&mut out, label);
        }
        for (i, labels) in self.labels.iter().enumerate() {
            for (k, label) in labels.iter().enumerate() {
                let centre = x(i, k) + self.bar / 2;
                let series = &chart.series[k];
                match (series.value(i), label) {
                    (Some(v), Some(label)) => {
                        let baseline = if v < 0.0 { y.at(v) + 18 } else { y.at(v) - 6 };
                        Text::at(centre, baseline)
                            .anchor(Anchor::Middle)
                            .write(&mut out, label);
                    }
                    _ => {
                        if let Some(note) = series.marker(i) {
                            Text::at(centre, zero - 6)
                                .anchor(Anchor::Middle)
                                .small()
                                .write(&mut out, note);
                        }
                    }
                }
            }
        }
        for (i, lines) in self.categories.iter().enumerate() {
            let centre = self.left + i as i32 * self.slot + self.slot / 2;
            for (j, line) in lines.iter().enumerate() {
                let text = Text::at(centre, bottom + 24 + j as i32 * LINE).anchor(Anchor::Middle);
                let text = if is_own(chart, i) { text.bold() } else { text };
                text.write(&mut out, line);
            }
        }
        close(&mut out);
        out
    }
}

/// The axis under bars in equal slots from `left` to `right` at height `y`.
/// Bars keep equal slots, so a stretch of time left out between two periods
/// is a break in the axis between their bars: two slashes across a gap.
pub(super) fn slotted_axis(
    pen: &mut Pen<'_>,
    chart: &Chart,
    (left, right): (i32, i32),
    slot: i32,
    y: i32,
) {
    let mut from = left;
    for i in (1..chart.categories.len()).filter(|&i| break_before(chart, i)) {
        let at = left + i as i32 * slot;
        pen.rule(AXIS, (from, y), (at - 5, y));
        pen.rule(AXIS, (at - 9, y + 7), (at - 3, y - 7));
        pen.rule(AXIS, (at + 3, y + 7), (at + 9, y - 7));
        from = at + 5;
    }
    pen.rule(AXIS, (from, y), (right, y));
}

/// One category drawn as a group of rows: its name, then its bars.
struct BarGroup<'a> {
    lines: Vec<&'a str>,
    /// Top of the category's name.
    top: i32,
    /// Top of its first bar.
    bars: i32,
}

/// Horizontal bars, a category's name above its group.
fn rows(chart: &Chart, (lo, hi): (f64, f64), width: i32, desc: Desc<'_>) -> String {
    let looks = looks(chart);
    let s = chart.series.len() as i32;
    let labels = bar_labels(chart);
    let notes = chart
        .series
        .iter()
        .flat_map(|series| series.markers.iter().flatten().map(String::as_str));
    let right_room = widest(
        labels
            .iter()
            .flatten()
            .flatten()
            .map(String::as_str)
            .chain(notes),
    ) + 8;
    let negative = labels
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            l.iter()
                .enumerate()
                .filter(move |&(k, _)| chart.series[k].value(i).is_some_and(|v| v < 0.0))
        })
        .filter_map(|(_, l)| l.as_deref());
    // Room on the left only for the labels of bars that go left of zero.
    let left = match widest(negative) {
        0 => 2,
        w => w + 8,
    };
    let x = Scale::new(lo, hi, left, width - right_room);
    let zero = x.at(0.0);

    let key = key(chart, width);
    let key_height = key.as_ref().map_or(0, |k| k.height);
    let title = axis_title(chart.unit, chart.language);
    let mut cursor = key_height + if title.is_some() { 28 } else { 0 };
    let rows: Vec<BarGroup<'_>> = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            // The council's own row is named in bold, which is wider.
            let lines = if is_own(chart, i) {
                wrap_bold(category, width - 4)
            } else {
                wrap(category, FONT, width - 4)
            };
            let top = cursor;
            let bars = top + lines.len() as i32 * LINE + 6;
            cursor = bars + s * (ROW_BAR + GAP) - GAP + 18;
            BarGroup { lines, top, bars }
        })
        .collect();
    let height = cursor.max(40);
    let bar_top = |row: &BarGroup<'_>, k: usize| row.bars + k as i32 * (ROW_BAR + GAP);

    let mut out = String::with_capacity(4096 + 256 * chart.series.len() * chart.categories.len());
    open(&mut out, chart, (width, height), desc);
    pattern_defs(&mut out, &chart.id, &looks);
    if let Some(key) = &key {
        key.write(&mut out, &chart.id, &looks);
    }
    let looks = &looks;
    let bars = rows.iter().enumerate().flat_map(|(i, row)| {
        chart
            .series
            .iter()
            .enumerate()
            .filter_map(move |(k, series)| {
                let v = series.value(i)?;
                let y0 = bar_top(row, k);
                let look = bar_look(chart, looks, k, i);
                Some((
                    look,
                    (x.at(v.min(0.0)), y0),
                    (x.at(v.max(0.0)), y0 + ROW_BAR),
                ))
            })
    });
    fills(&mut out, &chart.id, bars);
    rules(&mut out, "axis", AXIS, |pen| {
        for row in &rows {
            let end = bar_top(row, chart.series.len().max(1) - 1) + ROW_BAR;
            pen.rule(AXIS, (zero, row.bars - 2), (zero, end + 2));
        }
    });

    if let Some(title) = title {
        Text::at(EDGE, key_height + 16).write(&mut out, title);
    }
    for (i, row) in rows.iter().enumerate() {
        for (j, line) in row.lines.iter().enumerate() {
            let text = Text::at(EDGE, row.top + 15 + j as i32 * LINE);
            let text = if is_own(chart, i) { text.bold() } else { text };
            text.write(&mut out, line);
        }
        for (k, series) in chart.series.iter().enumerate() {
            let baseline = bar_top(row, k) + ROW_BAR / 2 + 6;
            match (series.value(i), &labels[i][k]) {
                (Some(v), Some(label)) if v < 0.0 => {
                    Text::at(x.at(v) - 6, baseline)
                        .anchor(Anchor::End)
                        .write(&mut out, label);
                }
                (Some(v), Some(label)) => Text::at(x.at(v) + 6, baseline).write(&mut out, label),
                _ => {
                    if let Some(note) = series.marker(i) {
                        Text::at(zero + 6, baseline).small().write(&mut out, note);
                    }
                }
            }
        }
    }
    close(&mut out);
    out
}

#[cfg(test)]
#[path = "bar_tests.rs"]
mod tests;
