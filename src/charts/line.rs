//! Line charts: one line per series over the categories (periods).
//!
//! Each line ends in a direct label (its marker, name and latest figure), so
//! there is no legend to match colours against. A missing figure breaks the
//! line: nothing is interpolated across a gap.

use super::layout::{
    FONT, LINE, Scale, Ticks, WIDTH, abbreviate, axis_title, short_value, text_width, thin, widest,
    wrap,
};
use super::paint::{AXIS, Anchor, GRID, Text, look, plot};
use super::{Chart, close, open};

/// Height of the plotting area.
const PLOT_HEIGHT: i32 = 240;
/// Widest a series name may run before it wraps, in its end label.
const NAME_WIDTH: i32 = 130;
/// Space between the plot edges and the first and last points.
const INSET: i32 = 10;
/// Markers are drawn at every point only when points are this far apart.
const MARKER_SPACING: f64 = 28.0;

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

pub(super) fn draw(chart: &Chart) -> String {
    let n = chart.categories.len();
    let (min, max) = range(chart);
    // Start at zero unless that would flatten the line into the top of the plot.
    let min = if min >= 0.0 && min < max * 0.3 {
        0.0
    } else {
        min
    };
    let ticks = Ticks::new(min, max, chart.decimals);
    let tick_labels: Vec<String> = ticks
        .values()
        .map(|v| short_value(v, chart.unit, ticks.decimals))
        .collect();

    let title = axis_title(chart.unit);
    let top = if title.is_some() { 36 } else { 16 };
    let bottom = top + PLOT_HEIGHT;
    let left = widest(tick_labels.iter().map(String::as_str)) + 10;

    let mut labels = end_labels(chart);
    let label_width = labels
        .iter()
        .map(|l| widest(l.lines.iter().copied()).max(text_width(&l.value, FONT)))
        .max()
        .map_or(0, |w| w + 18);
    let right = WIDTH - label_width - 18;
    let y = Scale::new(ticks.lo, ticks.hi, bottom, top);
    // Categories are evenly spaced, the first and last inset from the edges.
    let spacing = if n < 2 {
        f64::from(right - left)
    } else {
        f64::from(right - left - 2 * INSET) / (n - 1) as f64
    };
    let x = |i: usize| -> i32 {
        if n < 2 {
            (left + right) / 2
        } else {
            left + INSET + (spacing * i as f64).round() as i32
        }
    };

    for label in &mut labels {
        let latest = (0..n)
            .rev()
            .find_map(|i| chart.series[label.series].value(i))
            .unwrap_or(ticks.lo);
        label.y = y.at(latest) + 5;
    }
    let height = place_labels(&mut labels, bottom + 4) + 34;
    let height = height.max(bottom + 34);

    let mut out = String::with_capacity(4096 + 512 * chart.series.len() + 64 * n);
    open(&mut out, chart, height);

    // Gridlines at each tick, the axis along the bottom.
    out.push_str("<g class=\"grid\">\n");
    plot(&mut out, |pen| {
        for value in ticks.values().skip(1) {
            let at = y.at(value);
            let rgb = if value == 0.0 { AXIS } else { GRID };
            pen.rule(rgb, (left, at), (right, at));
        }
    });
    out.push_str("</g>\n<g class=\"axis\">\n");
    plot(&mut out, |pen| {
        pen.rule(AXIS, (left, bottom), (right, bottom))
    });
    out.push_str("</g>\n");

    // One group per line, so its dash applies to every run of it.
    for (index, series) in chart.series.iter().enumerate() {
        let look = look(index);
        out.push_str("<g class=\"marks line\" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
        if let Some(dash) = look.dash {
            out.push_str(" stroke-dasharray=\"");
            out.push_str(dash);
            out.push('"');
        }
        out.push_str(">\n");
        plot(&mut out, |pen| {
            for run in runs(n, |i| series.value(i)) {
                if run.len() > 1 {
                    let points = run
                        .clone()
                        .map(|i| (x(i), y.at(series.value(i).unwrap_or(0.0))));
                    pen.line(look.colour, points);
                }
            }
        });
        out.push_str("</g>\n");
    }

    // Markers: at every point when there is room, else where runs start and end.
    out.push_str("<g class=\"marks\">\n");
    plot(&mut out, |pen| {
        for (index, series) in chart.series.iter().enumerate() {
            for run in runs(n, |i| series.value(i)) {
                let ends = [run.start, run.end - 1];
                for i in run {
                    if spacing >= MARKER_SPACING || ends.contains(&i) {
                        let value = series.value(i).unwrap_or(0.0);
                        pen.marker(look(index), (x(i), y.at(value)));
                    }
                }
            }
        }
        for label in &labels {
            pen.marker(look(label.series), (right + 20, label.y - 5));
        }
    });
    out.push_str("</g>\n");

    // Text: axis title, ticks, categories, notes, end labels.
    if let Some(title) = title {
        Text::at(0, 18).write(&mut out, title);
    }
    for (value, label) in ticks.values().zip(&tick_labels) {
        Text::at(left - 8, y.at(value) + 5)
            .anchor(Anchor::End)
            .write(&mut out, label);
    }
    category_labels(&mut out, chart, bottom + 24, spacing, &x);
    notes(&mut out, chart, bottom, &x, &y);
    for label in &labels {
        for (line, text) in label.lines.iter().enumerate() {
            Text::at(right + 32, label.y + line as i32 * LINE).write(&mut out, text);
        }
        Text::at(right + 32, label.y + label.lines.len() as i32 * LINE)
            .bold()
            .write(&mut out, &label.value);
    }
    close(&mut out);
    out
}

/// The smallest and largest figures of every series (0 and 1 if there are none).
fn range(chart: &Chart) -> (f64, f64) {
    let mut values = chart
        .series
        .iter()
        .flat_map(|s| (0..chart.categories.len()).filter_map(|i| s.value(i)))
        .peekable();
    if values.peek().is_none() {
        return (0.0, 1.0);
    }
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

/// The runs of consecutive categories that have a figure.
fn runs(n: usize, value: impl Fn(usize) -> Option<f64>) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for i in 0..=n {
        match (start, i < n && value(i).is_some()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// A label for each series that has a figure: its name, wrapped, and its latest
/// figure with any note.
fn end_labels(chart: &Chart) -> Vec<EndLabel<'_>> {
    chart
        .series
        .iter()
        .enumerate()
        .filter_map(|(index, series)| {
            let latest = (0..chart.categories.len())
                .rev()
                .find(|&i| series.value(i).is_some())?;
            let mut value = short_value(series.value(latest)?, chart.unit, chart.decimals);
            if let Some(note) = series.marker(latest) {
                value.push(' ');
                value.push_str(note);
            }
            Some(EndLabel {
                series: index,
                lines: wrap(&series.name, FONT, NAME_WIDTH),
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

/// Category labels under the axis: month names shortened and labels thinned
/// when crowded, the first and last always shown.
fn category_labels(
    out: &mut String,
    chart: &Chart,
    baseline: i32,
    spacing: f64,
    x: &impl Fn(usize) -> i32,
) {
    let n = chart.categories.len();
    let widths =
        |labels: &[&str]| -> Vec<i32> { labels.iter().map(|l| text_width(l, FONT)).collect() };
    let full: Vec<&str> = chart.categories.iter().map(String::as_str).collect();
    let mut shown = thin(spacing, &widths(&full));
    let short: Vec<String>;
    let texts: Vec<&str> = if shown.len() < n {
        short = chart.categories.iter().map(|c| abbreviate(c)).collect();
        let short: Vec<&str> = short.iter().map(String::as_str).collect();
        shown = thin(spacing, &widths(&short));
        short
    } else {
        full
    };
    for i in shown {
        let half = text_width(texts[i], FONT) / 2;
        let centre = x(i).clamp(half + 2, WIDTH - half - 2);
        Text::at(centre, baseline)
            .anchor(Anchor::Middle)
            .write(out, texts[i]);
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
mod tests {
    use super::super::tests::{chart, series};
    use super::super::{Kind, svg};
    use crate::data::indicators::Unit;

    fn months() -> [&'static str; 5] {
        [
            "February 2023",
            "March 2023",
            "April 2023",
            "May 2023",
            "June 2023",
        ]
    }

    #[test]
    fn snapshot_two_lines_with_a_gap() {
        let mut chart = chart(
            Kind::Line,
            &months(),
            vec![
                series(
                    "Thurrock",
                    &[Some(294.0), Some(292.0), None, Some(301.0), Some(308.0)],
                ),
                series(
                    "Statistical neighbours",
                    &[
                        Some(280.0),
                        Some(285.0),
                        Some(283.0),
                        Some(290.0),
                        Some(296.0),
                    ],
                ),
            ],
        );
        chart.series[0].markers[2] = Some("[c]".into());
        chart.series[0].markers[4] = Some("[p]".into());
        insta::assert_snapshot!(svg(&chart));
    }

    #[test]
    fn a_gap_breaks_the_line_in_two() {
        let chart = chart(
            Kind::Line,
            &months(),
            vec![series(
                "Thurrock",
                &[Some(294.0), Some(292.0), None, Some(301.0), Some(308.0)],
            )],
        );
        let svg = svg(&chart);
        assert_eq!(svg.matches("<polyline").count(), 2, "{svg}");
    }

    #[test]
    fn an_isolated_figure_is_a_marker_without_a_line() {
        let chart = chart(
            Kind::Line,
            &months(),
            vec![series(
                "Thurrock",
                &[Some(294.0), None, Some(301.0), None, None],
            )],
        );
        let svg = svg(&chart);
        assert_eq!(svg.matches("<polyline").count(), 0, "{svg}");
        // Two points plus the one in the end label.
        assert_eq!(svg.matches("<circle").count(), 3, "{svg}");
    }

    #[test]
    fn lines_differ_in_dash_and_marker() {
        let chart = chart(
            Kind::Line,
            &months(),
            vec![
                series("A", &[Some(1.0); 5]),
                series("B", &[Some(2.0); 5]),
                series("C", &[Some(3.0); 5]),
            ],
        );
        let svg = svg(&chart);
        assert_eq!(svg.matches("stroke-dasharray=").count(), 2, "{svg}");
        assert!(svg.contains("<circle") && svg.contains("<rect") && svg.contains("<polygon"));
    }

    #[test]
    fn end_labels_give_name_and_latest_figure() {
        let mut chart = chart(
            Kind::Line,
            &["2021-22", "2022-23"],
            vec![series("England", &[Some(67.0), Some(70.0)])],
        );
        chart.unit = Unit::RatePer10k;
        chart.decimals = 1;
        let svg = svg(&chart);
        assert!(svg.contains(">England</text>"), "{svg}");
        assert!(svg.contains(" font-weight=\"bold\">70.0</text>"), "{svg}");
        assert!(svg.contains(">Rate per 10,000</text>"), "{svg}");
    }

    #[test]
    fn crowded_month_labels_are_shortened_and_thinned() {
        let months = [
            "July 2022",
            "August 2022",
            "September 2022",
            "October 2022",
            "November 2022",
            "December 2022",
            "January 2023",
            "February 2023",
            "March 2023",
            "April 2023",
            "May 2023",
            "June 2023",
        ];
        let values: Vec<Option<f64>> = (0..12).map(|i| Some(f64::from(i))).collect();
        let svg = svg(&chart(
            Kind::Line,
            &months,
            vec![series("Thurrock", &values)],
        ));
        assert!(svg.contains(">Jul 2022</text>"), "{svg}");
        assert!(svg.contains(">Jun 2023</text>"), "{svg}");
        assert!(!svg.contains(">Aug 2022</text>"), "{svg}");
    }
}
