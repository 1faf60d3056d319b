//! Stacked bars: each category's (period's) whole split among the series
//! (a breakdown's groups).
//!
//! A breakdown published in percentages is drawn as published: a bar totals
//! whatever its rounded figures total (99%, 103%), the axis reaches the largest
//! total, and a note under the key says so rather than letting the bars imply
//! 100%. A breakdown of counts is drawn as each group's share of its period's
//! total, computed here, and a note under the key says the shares are computed
//! from the counts in the table.
//!
//! Columns when the category labels fit beneath them, otherwise rows with each
//! category's name above its bar. The first series is at the top of a column
//! and the left of a row, the order of the key. Segments are parted by a thin
//! white gap and carry their figure where it fits, on a white pill so its
//! contrast never depends on the segment's colour. A suppressed segment is left
//! out of its total and its note (`[c]`) shown beside the bar.

use super::bar::slotted_axis;
use super::layout::{EDGE, FONT, LINE, Scale, Ticks, short_value, text_width, widest, wrap};
use super::paint::{AXIS, Anchor, Key, Look, Text, fills, looks, pattern_defs, pill, rules};
use super::{Chart, Desc, close, open};
use crate::data::indicators::Unit;
use crate::i18n::{Phrase, word};

/// Height of the plotting area of columns.
const PLOT_HEIGHT: i32 = 240;
/// Thickness of a bar drawn as a row.
const ROW_BAR: i32 = 32;

/// Whether the chart's figures are drawn as published (percentages), rather
/// than as shares computed from them (counts and other amounts).
pub(super) fn as_published(chart: &Chart) -> bool {
    chart.unit == Unit::Percent
}

/// Each series' share of category `index`, in percent, computed from its
/// figures: `None` where its figure is missing, and for every series when the
/// category has no positive total. Negative figures count as zero.
pub(super) fn shares(chart: &Chart, index: usize) -> Vec<Option<f64>> {
    let total: f64 = chart
        .series
        .iter()
        .filter_map(|s| s.value(index))
        .map(|v| v.max(0.0))
        .sum();
    chart
        .series
        .iter()
        .map(|s| {
            s.value(index)
                .filter(|_| total > 0.0)
                .map(|v| v.max(0.0) / total * 100.0)
        })
        .collect()
}

/// What each series' segment of category `index` stands for, in percent:
/// the published figure for a percentage breakdown, else the computed share.
pub(super) fn drawn(chart: &Chart, index: usize) -> Vec<Option<f64>> {
    if as_published(chart) {
        chart
            .series
            .iter()
            .map(|s| s.value(index).map(|v| v.max(0.0)))
            .collect()
    } else {
        shares(chart, index)
    }
}

/// The total of category `index`'s drawn segments, if it has any.
pub(super) fn total(chart: &Chart, index: usize) -> Option<f64> {
    let parts: Vec<f64> = drawn(chart, index).into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.iter().sum())
}

/// The lowest and highest totals of the stacks, as printed (for a percentage
/// breakdown whose bars do not all total 100%).
fn total_range(chart: &Chart) -> Option<(f64, f64)> {
    let mut totals = (0..chart.categories.len())
        .filter_map(|i| total(chart, i))
        .map(|t| crate::data::format::round(t, chart.decimals.min(6)));
    let first = totals.next()?;
    Some(totals.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
}

/// How a percentage breakdown's bars total, as printed.
pub(super) enum Totals {
    /// Each exactly 100% (or there are none): nothing to say.
    Hundred,
    /// Each the same other total: `99%`.
    One(String),
    /// Totals from the lowest to the highest: `99%`, `103%`.
    Range(String, String),
}

/// How a percentage breakdown's bars total.
pub(super) fn totals(chart: &Chart) -> Totals {
    let figure = |t: f64| short_value(t, Unit::Percent, chart.decimals, chart.language);
    match total_range(chart) {
        None => Totals::Hundred,
        Some((lo, hi)) if lo == 100.0 && hi == 100.0 => Totals::Hundred,
        Some((lo, hi)) if lo == hi => Totals::One(figure(lo)),
        Some((lo, hi)) => Totals::Range(figure(lo), figure(hi)),
    }
}

/// The note under the key: how the bars relate to the figures in the table.
pub(super) fn note(chart: &Chart) -> Option<String> {
    let say = |id| Phrase::new(chart.language, id);
    if as_published(chart) {
        match totals(chart) {
            Totals::Hundred => None,
            Totals::One(total) => Some(say("chart-note-total").arg("total", total).text()),
            Totals::Range(lowest, highest) => Some(
                say("chart-note-total-range")
                    .arg("lowest", lowest)
                    .arg("highest", highest)
                    .text(),
            ),
        }
    } else {
        (!chart.series.is_empty()).then(|| {
            // A share is computed from counts, or from other figures.
            let id = if chart.unit == Unit::Count {
                "chart-note-counts"
            } else {
                "chart-note-figures"
            };
            word(chart.language, id).to_string()
        })
    }
}

/// A segment's figure as its label.
fn label(chart: &Chart, value: f64) -> String {
    let decimals = if as_published(chart) {
        chart.decimals
    } else {
        0
    };
    short_value(value, Unit::Percent, decimals, chart.language)
}

/// The segments of one stack: series, and where it starts and ends in percent.
fn segments(shares: &[Option<f64>]) -> Vec<(usize, f64, f64)> {
    let mut start = 0.0;
    let mut out = Vec::with_capacity(shares.len());
    for (k, share) in shares.iter().enumerate() {
        if let Some(share) = share.filter(|&s| s > 0.0) {
            out.push((k, start, start + share));
            start += share;
        }
    }
    out
}

/// The notes of a category's missing segments, e.g. `[c]`.
fn gap_notes(chart: &Chart, index: usize) -> String {
    let mut notes = String::new();
    for series in &chart.series {
        if series.value(index).is_none()
            && let Some(note) = series.marker(index)
            && !notes.split(' ').any(|n| n == note)
        {
            if !notes.is_empty() {
                notes.push(' ');
            }
            notes.push_str(note);
        }
    }
    notes
}

pub(super) fn draw(chart: &Chart, width: i32, desc: Desc<'_>) -> String {
    let looks = looks(chart);
    let stacks: Vec<Vec<(usize, f64, f64)>> = (0..chart.categories.len())
        .map(|i| segments(&drawn(chart, i)))
        .collect();
    let key = Key::new(chart.series.iter().map(|s| s.name.as_str()), (0, 2), width);
    let note = note(chart);
    let note_lines = note
        .as_deref()
        .map(|n| wrap(n, FONT, width - 4))
        .unwrap_or_default();
    let head = key.height + note_lines.len() as i32 * LINE;
    // Published percentages may total more than 100: the axis reaches the
    // largest total, and no further than 100 when none is above it.
    let largest = stacks
        .iter()
        .filter_map(|s| s.last().map(|segment| segment.2))
        .fold(0.0, f64::max);
    let reach = if as_published(chart) {
        largest.max(1.0)
    } else {
        100.0
    };
    let ticks = Ticks::new(0.0, reach, 0);
    let tick_labels: Vec<String> = ticks
        .values()
        .map(|v| short_value(v, Unit::Percent, 0, chart.language))
        .collect();
    let left = widest(tick_labels.iter().map(String::as_str)) + 10;
    let n = chart.categories.len().max(1) as i32;
    let slot = (width - left - 4) / n;
    let bar = (slot - (slot / 4).max(8)).min(96);
    let categories: Vec<Vec<&str>> = chart
        .categories
        .iter()
        .map(|c| wrap(c, FONT, slot - 6))
        .collect();
    let fits = bar >= 24
        && categories
            .iter()
            .all(|lines| lines.len() <= 2 && widest(lines.iter().copied()) <= slot - 2);

    let mut out = String::with_capacity(4096 + 384 * chart.series.len() * chart.categories.len());
    if fits {
        let top = head + 26;
        let bottom = top + PLOT_HEIGHT;
        let lines = categories.iter().map(Vec::len).max().unwrap_or(1) as i32;
        open(
            &mut out,
            chart,
            (width, bottom + 24 + (lines - 1) * LINE + 10),
            desc,
        );
        let y = Scale::new(0.0, ticks.hi, bottom, top);
        let x = |i: usize| left + i as i32 * slot + (slot - bar) / 2;
        let height = |i: usize| stacks[i].last().map_or(0.0, |segment| segment.2);
        // Series 0 at the top: boundaries measured down from the stack's total.
        let rect = |i: usize, &(_, start, end): &(usize, f64, f64)| {
            let (y0, y1) = (y.at(height(i) - start), y.at(height(i) - end));
            let gap = i32::from(y1 < bottom);
            ((x(i), y0), (x(i) + bar, y1 - gap))
        };
        let right = left + slot * chart.categories.len() as i32;
        marks(&mut out, chart, &looks, (&key, &note_lines), &stacks, &rect);
        rules(&mut out, "axis", AXIS, |pen| {
            slotted_axis(pen, chart, (left, right), slot, bottom);
        });
        for (value, label) in ticks.values().zip(&tick_labels) {
            Text::at(left - 8, y.at(value) + 5)
                .anchor(Anchor::End)
                .write(&mut out, label);
        }
        for (i, stack) in stacks.iter().enumerate() {
            for segment in stack {
                let ((x0, y0), (x1, y1)) = rect(i, segment);
                let label = label(chart, segment.2 - segment.1);
                if y1 - y0 >= LINE + 4 && x1 - x0 >= text_width(&label, FONT) + 10 {
                    pill(&mut out, ((x0 + x1) / 2, (y0 + y1) / 2), &label);
                }
            }
            let notes = gap_notes(chart, i);
            if !notes.is_empty() {
                let baseline = if stack.is_empty() {
                    bottom - 6
                } else {
                    top - 6
                };
                Text::at(x(i) + bar / 2, baseline)
                    .anchor(Anchor::Middle)
                    .small()
                    .write(&mut out, &notes);
            }
            for (j, line) in categories[i].iter().enumerate() {
                Text::at(
                    left + i as i32 * slot + slot / 2,
                    bottom + 24 + j as i32 * LINE,
                )
                .anchor(Anchor::Middle)
                .write(&mut out, line);
            }
        }
    } else {
        let x = Scale::new(0.0, ticks.hi, 2, width - 2);
        let mut cursor = head + if note_lines.is_empty() { 0 } else { 8 };
        let rows: Vec<(Vec<&str>, i32, i32)> = chart
            .categories
            .iter()
            .map(|category| {
                let lines = wrap(category, FONT, width - 60);
                let top = cursor;
                let bar_top = top + lines.len() as i32 * LINE + 6;
                cursor = bar_top + ROW_BAR + 18;
                (lines, top, bar_top)
            })
            .collect();
        open(&mut out, chart, (width, cursor.max(40)), desc);
        let rect = |i: usize, &(_, start, end): &(usize, f64, f64)| {
            let (x0, x1) = (x.at(start), x.at(end));
            let gap = i32::from(x1 < width - 2);
            ((x0, rows[i].2), (x1 - gap, rows[i].2 + ROW_BAR))
        };
        marks(&mut out, chart, &looks, (&key, &note_lines), &stacks, &rect);
        for (i, stack) in stacks.iter().enumerate() {
            let (lines, top, _) = &rows[i];
            for (j, line) in lines.iter().enumerate() {
                Text::at(EDGE, top + 15 + j as i32 * LINE).write(&mut out, line);
            }
            let notes = gap_notes(chart, i);
            if !notes.is_empty() {
                Text::at(width - 2, top + 15)
                    .anchor(Anchor::End)
                    .small()
                    .write(&mut out, &notes);
            }
            for segment in stack {
                let ((x0, y0), (x1, y1)) = rect(i, segment);
                let label = label(chart, segment.2 - segment.1);
                if x1 - x0 >= text_width(&label, FONT) + 10 {
                    pill(&mut out, ((x0 + x1) / 2, (y0 + y1) / 2), &label);
                }
            }
        }
    }
    close(&mut out);
    out
}

/// The patterns, key, note, and segments (colour, then pattern) of every stack.
fn marks(
    out: &mut String,
    chart: &Chart,
    looks: &[Look],
    (key, note_lines): (&Key<'_>, &[&str]),
    stacks: &[Vec<(usize, f64, f64)>],
    rect: &impl Fn(usize, &(usize, f64, f64)) -> ((i32, i32), (i32, i32)),
) {
    pattern_defs(out, &chart.id, looks);
    key.write(out, &chart.id, looks);
    for (j, line) in note_lines.iter().enumerate() {
        Text::at(EDGE, key.height + 15 + j as i32 * LINE).write(out, line);
    }
    let segments = stacks.iter().enumerate().flat_map(|(i, stack)| {
        stack.iter().map(move |segment| {
            let (from, to) = rect(i, segment);
            (looks[segment.0], from, to)
        })
    });
    fills(out, &chart.id, segments);
}

#[cfg(test)]
#[path = "stacked_tests.rs"]
mod tests;
