//! Measuring and placing: text widths, line wrapping, axis ticks and scales.
//!
//! Text widths come from font metrics with room for the reader's own text
//! spacing ([`super::metrics`]), so labels placed apart by these widths stay
//! apart and inside the drawing in any common sans-serif face.

use super::metrics;
use super::{Chart, Kind};
use crate::data::format;
use crate::data::indicators::Unit;
use crate::i18n::{Language, welsh, word};

/// Width of the drawing for a desktop's text column, in viewBox units: drawn
/// about as wide as the column (~600 px), labels show at about 16 px, and at
/// the narrowest width it is shown (a 480 px screen) at 12 px.
pub(super) const WIDE: i32 = 600;
/// Width of the drawing for a phone, in viewBox units: on a 320 px screen's
/// ~290 px column its labels show at about 13.6 px.
pub(super) const NARROW: i32 = 340;
/// Font size of every label, in viewBox units.
pub(super) const FONT: i32 = 16;
/// Font size of small notes such as `[c]` at a gap: still 12 px and more where
/// the narrow drawing is shown.
pub(super) const SMALL: i32 = 15;
/// Where text that starts at the drawing's left edge starts: a capital such
/// as "Y" or "W" may reach a pixel left of its origin.
pub(super) const EDGE: i32 = 2;
/// Distance between the baselines of two lines of text.
pub(super) const LINE: i32 = 19;

/// Width of `text` at `size`, in viewBox units, with room for text spacing.
pub(super) fn text_width(text: &str, size: i32) -> i32 {
    metrics::width(text, size, false)
}

/// Width of bold `text` at the chart's font size, with room for text spacing.
pub(super) fn bold_width(text: &str) -> i32 {
    metrics::width(text, FONT, true)
}

/// The widest of `texts` at the chart's font size (0 if there are none).
pub(super) fn widest<'a>(texts: impl IntoIterator<Item = &'a str>) -> i32 {
    texts
        .into_iter()
        .map(|t| text_width(t, FONT))
        .max()
        .unwrap_or(0)
}

/// Splits `text` into lines no wider than `max` (a single long word overflows
/// rather than being broken).
pub(super) fn wrap(text: &str, size: i32, max: i32) -> Vec<&str> {
    wrap_by(text, max, |line| text_width(line, size))
}

/// As [`wrap`], for bold text at the chart's font size.
pub(super) fn wrap_bold(text: &str, max: i32) -> Vec<&str> {
    wrap_by(text, max, bold_width)
}

fn wrap_by(text: &str, max: i32, width: impl Fn(&str) -> i32) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    for (at, word) in words(text) {
        let word_end = at + word.len();
        match start {
            Some(s) if width(&text[s..word_end]) <= max => end = word_end,
            Some(s) => {
                lines.push(&text[s..end]);
                start = Some(at);
                end = word_end;
            }
            None => {
                start = Some(at);
                end = word_end;
            }
        }
    }
    if let Some(s) = start {
        lines.push(&text[s..end]);
    }
    if lines.is_empty() {
        lines.push("");
    }
    lines
}

/// Words with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |offset, word| {
            let at = *offset;
            *offset += word.len() + 1;
            Some((at, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// "June 2023" → "Jun 2023" ("Mehefin 2023" → "Meh 2023"), when full
/// month names make an axis too crowded. Labels that do not start with a
/// month name are returned unchanged.
pub(super) fn abbreviate(label: &str, language: Language) -> String {
    let Some((month, rest)) = label.split_once(' ') else {
        return label.to_owned();
    };
    match language {
        Language::English if month.len() > 3 && crate::period::MONTHS.contains(&month) => {
            format!("{} {rest}", &month[..3])
        }
        Language::Welsh => match welsh::MONTHS.iter().position(|m| *m == month) {
            Some(i) => format!("{} {rest}", welsh::MONTHS_SHORT[i]),
            None => label.to_owned(),
        },
        Language::English => label.to_owned(),
    }
}

/// A figure as a label on or beside a mark: the unit is shown where it is short
/// (`72%`, `£6,385`) and left to the axis title where it is long.
pub(super) fn short_value(value: f64, unit: Unit, decimals: u8, language: Language) -> String {
    match unit {
        Unit::Percent | Unit::Money => format::with_unit_in(value, unit, decimals, language),
        _ => format::number(value, decimals),
    }
}

/// The title of a value axis whose tick labels leave the unit out.
pub(super) fn axis_title(unit: Unit, language: Language) -> Option<&'static str> {
    let id = match unit {
        Unit::Count => "chart-axis-count",
        Unit::RatePer10k => "chart-axis-rate-per-10k",
        Unit::Days => "chart-axis-days",
        Unit::Score => "chart-axis-score",
        Unit::Percent | Unit::Money => return None,
    };
    Some(word(language, id))
}

/// The value axis of a line chart, and whether it is broken (does not start
/// at zero).
///
/// The rule: the axis starts at zero, unless every figure is positive and the
/// lowest is more than half the highest. Then a zero-based axis would squeeze
/// the changes a reader needs to see into a sliver, so the axis starts just
/// below the lowest figure and is drawn broken, and the description says so.
pub(super) fn value_axis(chart: &Chart) -> (Ticks, bool) {
    let mut values = chart
        .series
        .iter()
        .flat_map(|s| (0..chart.categories.len()).filter_map(|i| s.value(i)))
        .peekable();
    if values.peek().is_none() {
        return (Ticks::new(0.0, 1.0, chart.decimals), false);
    }
    let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let ticks = if min > 0.0 && min > max * 0.5 {
        Ticks::new(min, max, chart.decimals)
    } else {
        Ticks::new(min.min(0.0), max.max(0.0), chart.decimals)
    };
    (ticks, ticks.lo > 0.0)
}

/// Where each category sits between `from` and `to`. When the categories are
/// periods, each is placed at its period's end on a linear time axis, so a
/// three-month step is drawn three times as long as a one-month step and a
/// month and the year ending with it share a place. Otherwise they are evenly
/// spaced. A single place (one category, or all ending together) is centred.
pub(super) fn across(chart: &Chart, from: i32, to: i32) -> Vec<i32> {
    let n = chart.categories.len();
    let times: Vec<f64> = match &chart.spans {
        Some(spans) if spans.len() == n => spans.iter().map(|s| f64::from(s.end)).collect(),
        _ => (0..n).map(|i| i as f64).collect(),
    };
    let (first, last) = match (times.first(), times.last()) {
        (Some(&a), Some(&b)) if b > a => (a, b),
        _ => return vec![(from + to) / 2; n],
    };
    let width = f64::from(to - from);
    times
        .iter()
        .map(|t| from + ((t - first) / (last - first) * width).round() as i32)
        .collect()
}

/// Whether category `i` follows on from the one before it in time: false where
/// periods are left out between them. Categories that are not periods always
/// follow on.
pub(super) fn follows_on(chart: &Chart, i: usize) -> bool {
    match &chart.spans {
        Some(spans) if i > 0 && i < spans.len() => spans[i].start <= spans[i - 1].end,
        _ => true,
    }
}

/// Whether the chart shows a break in time before category `i`. Bars sit in
/// equal slots, so any periods left out between two bars are a break in their
/// axis. A line is drawn to scale, so the distance already shows a stretch
/// left out; the line is broken only where the step is more than twice the
/// chart's usual (median) step, so figures sampled every quarter are joined
/// while a lone figure a year before the rest is not.
pub(super) fn break_before(chart: &Chart, i: usize) -> bool {
    if chart.kind != Kind::Line {
        return !follows_on(chart, i);
    }
    let Some(spans) = chart.spans.as_ref().filter(|s| i > 0 && i < s.len()) else {
        return false;
    };
    // The median step is looked for only where there is a step to judge:
    // a long history asks this of every point of every line.
    if follows_on(chart, i) {
        return false;
    }
    let mut steps: Vec<i32> = spans.windows(2).map(|w| w[1].end - w[0].end).collect();
    let middle = (steps.len() - 1) / 2;
    let usual = *steps.select_nth_unstable(middle).1;
    spans[i].end - spans[i - 1].end > 2 * usual
}

/// Which of the labels centred at `centres` (in order along the axis) to
/// show: the last always, then from the first on, each that clears the one
/// shown before it and the last. For labels that are not evenly spaced.
pub(super) fn thin_at(centres: &[i32], widths: &[i32]) -> Vec<usize> {
    let Some(last) = centres.len().checked_sub(1) else {
        return Vec::new();
    };
    let clear = |a: usize, b: usize| 2 * (centres[b] - centres[a]) >= widths[a] + widths[b] + 12;
    let mut shown: Vec<usize> = Vec::new();
    for i in 0..last {
        if shown.last().is_none_or(|&p| clear(p, i)) && clear(i, last) {
            shown.push(i);
        }
    }
    shown.push(last);
    shown
}

/// Evenly spaced round values covering a range: 4 to 6 of them where the
/// figures' precision allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Ticks {
    /// The first tick, at or below the smallest figure.
    pub(super) lo: f64,
    /// The last tick, at or above the largest figure.
    pub(super) hi: f64,
    step: f64,
    count: usize,
    /// Decimals needed to print every tick exactly.
    pub(super) decimals: u8,
}

impl Ticks {
    /// Ticks covering `min..=max`, never finer than the figures' `decimals`.
    pub(super) fn new(min: f64, max: f64, decimals: u8) -> Ticks {
        let (mut lo, mut hi) = (min.min(max), min.max(max));
        if (hi - lo).abs() < f64::EPSILON {
            if lo > 0.0 {
                lo = 0.0;
            } else if hi < 0.0 {
                hi = 0.0;
            } else {
                hi = lo + 1.0;
            }
        }
        let finest = 10f64.powi(-i32::from(decimals.min(6)));
        let exponent = ((hi - lo) / 5.0).log10().floor() as i32;
        for e in exponent - 1..=exponent + 2 {
            for m in [1.0, 2.0, 2.5, 5.0] {
                let step = m * 10f64.powi(e);
                let multiple = step / finest;
                if step < finest * 0.999 || (multiple - multiple.round()).abs() > 1e-6 {
                    continue;
                }
                let first = (lo / step + 1e-9).floor();
                let last = (hi / step - 1e-9).ceil();
                let count = (last - first) as usize + 1;
                if count <= 6 {
                    return Ticks {
                        lo: first * step,
                        hi: last * step,
                        step,
                        count,
                        decimals: decimals_of(step),
                    };
                }
            }
        }
        // Unreachable for finite input: the largest step above spans the range.
        Ticks {
            lo,
            hi,
            step: hi - lo,
            count: 2,
            decimals,
        }
    }

    /// The tick values, lowest first.
    pub(super) fn values(&self) -> impl Iterator<Item = f64> + '_ {
        let first = (self.lo / self.step).round();
        (0..self.count).map(move |i| (first + i as f64) * self.step)
    }
}

/// The fewest decimals that print `step` exactly (2.5 → 1, 25 → 0, 0.25 → 2).
fn decimals_of(step: f64) -> u8 {
    (0u8..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// Maps figures to vertical (or horizontal) positions.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scale {
    lo: f64,
    hi: f64,
    /// Position of `lo`.
    from: i32,
    /// Position of `hi`.
    to: i32,
}

impl Scale {
    /// A scale putting `lo` at `from` and `hi` at `to` (either way round).
    pub(super) fn new(lo: f64, hi: f64, from: i32, to: i32) -> Scale {
        Scale { lo, hi, from, to }
    }

    /// The position of `value`, rounded to a whole unit.
    pub(super) fn at(&self, value: f64) -> i32 {
        let t = if self.hi > self.lo {
            (value - self.lo) / (self.hi - self.lo)
        } else {
            0.0
        };
        (f64::from(self.from) + t * f64::from(self.to - self.from)).round() as i32
    }
}

/// Which category labels to show along an axis whose categories are `spacing`
/// apart, given each label's width: every `step`-th, always the first and the
/// last, none overlapping. A step that divides the axis evenly is preferred, so
/// the last label keeps the rhythm of the others.
pub(super) fn thin(spacing: f64, widths: &[i32]) -> Vec<usize> {
    let Some(last) = widths.len().checked_sub(1) else {
        return Vec::new();
    };
    let clear = |a: usize, b: usize| {
        (b - a) as f64 * spacing >= f64::from(widths[a] + widths[b]) / 2.0 + 6.0
    };
    let widest = widths.iter().copied().max().unwrap_or(0);
    let fewest = if spacing > 0.0 {
        ((f64::from(widest + 6) / spacing).ceil() as usize).max(1)
    } else {
        usize::MAX
    };
    if fewest >= last.max(1) {
        return if last > 0 && clear(0, last) {
            vec![0, last]
        } else {
            vec![last]
        };
    }
    let step = (fewest..=fewest * 2)
        .find(|s| last % s == 0)
        .unwrap_or(fewest);
    let mut shown: Vec<usize> = (0..=last).step_by(step).collect();
    if shown.last() != Some(&last) {
        if let Some(&prev) = shown.last()
            && prev != 0
            && !clear(prev, last)
        {
            shown.pop();
        }
        shown.push(last);
    }
    shown
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
