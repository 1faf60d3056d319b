//! Line charts: one line per series over the categories (periods).
//!
//! Each line ends in a direct label (its marker, name and latest figure), so
//! there is no legend to match colours against. A missing figure breaks the
//! line: nothing is interpolated across a gap.

use super::layout::{
    FONT, LINE, Scale, WIDTH, abbreviate, across, axis_title, follows_on, short_value, text_width,
    thin, thin_at, value_axis, widest, wrap,
};
use super::paint::{AXIS, Anchor, GRID, Text, look, plot};
use super::{Chart, Series, close, open};

/// Height of the plotting area.
const PLOT_HEIGHT: i32 = 240;
/// Widest a series name may run before it wraps, in its end label.
const NAME_WIDTH: i32 = 130;
/// Space between the plot edges and the first and last points.
const INSET: i32 = 10;
/// Space before the first point when the value axis is broken, so the break
/// mark stands clear of it.
const BROKEN_INSET: i32 = 26;
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
    let (ticks, broken) = value_axis(chart);
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
    // Periods are placed in time; the first and last inset from the edges.
    // A broken axis keeps its first stretch clear for the break mark.
    let inset = if broken { BROKEN_INSET } else { INSET };
    let places = across(chart, left + inset, right - INSET);
    let x = |i: usize| -> i32 { places[i] };
    // The closest two points, which decides whether every point gets a marker.
    let spacing = places
        .windows(2)
        .map(|w| f64::from(w[1] - w[0]))
        .filter(|&d| d > 0.0)
        .fold(f64::from(right - left), f64::min);

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
        if broken {
            // Two slashes cut the axis near its start: it does not start at zero.
            pen.rule(AXIS, (left, bottom), (left + 4, bottom));
            pen.rule(AXIS, (left + 14, bottom), (right, bottom));
            pen.rule(AXIS, (left, bottom + 7), (left + 8, bottom - 7));
            pen.rule(AXIS, (left + 10, bottom + 7), (left + 18, bottom - 7));
        } else {
            pen.rule(AXIS, (left, bottom), (right, bottom));
        }
        // A tick under each point, so its place in time is plain.
        for i in 0..n {
            pen.rule(AXIS, (x(i), bottom), (x(i), bottom + 5));
        }
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
            for run in runs(chart, series) {
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
            for run in runs(chart, series) {
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

/// The runs of consecutive categories that have a figure, each following on
/// from the one before in time: a line is drawn along a run, never across a
/// missing figure or a stretch of time with no period shown.
fn runs(chart: &Chart, series: &Series) -> Vec<std::ops::Range<usize>> {
    let n = chart.categories.len();
    let mut runs = Vec::new();
    let mut start = None;
    for i in 0..=n {
        let has = i < n && series.value(i).is_some();
        match start {
            Some(s) if !has || !follows_on(chart, i) => {
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
/// when crowded, the last always shown, none overlapping another.
fn category_labels(
    out: &mut String,
    chart: &Chart,
    baseline: i32,
    spacing: f64,
    x: &impl Fn(usize) -> i32,
) {
    let n = chart.categories.len();
    let in_time = chart.spans.is_some();
    // Where each label would be centred: under its point, kept on the drawing.
    let centres = |texts: &[&str]| -> (Vec<i32>, Vec<i32>) {
        let widths: Vec<i32> = texts.iter().map(|l| text_width(l, FONT)).collect();
        let centres = (0..texts.len())
            .map(|i| x(i).clamp(widths[i] / 2 + 2, WIDTH - widths[i] / 2 - 2))
            .collect();
        (centres, widths)
    };
    let choose = |texts: &[&str]| -> (Vec<usize>, Vec<i32>) {
        let (centres, widths) = centres(texts);
        let shown = if in_time {
            thin_at(&centres, &widths)
        } else {
            thin(spacing, &widths)
        };
        (shown, centres)
    };
    let full: Vec<&str> = chart.categories.iter().map(String::as_str).collect();
    let (mut shown, mut at) = choose(&full);
    let short: Vec<String>;
    let texts: Vec<&str> = if shown.len() < n {
        short = chart.categories.iter().map(|c| abbreviate(c)).collect();
        let short: Vec<&str> = short.iter().map(String::as_str).collect();
        (shown, at) = choose(&short);
        short
    } else {
        full
    };
    for i in shown {
        Text::at(at[i], baseline)
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
    use super::super::{Kind, Span, svg};
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

    /// Figure 1 of the example's Q1 2023-24 report: April 2022, then March to
    /// June 2023.
    fn figure_one() -> super::super::Chart {
        let mut chart = chart(
            Kind::Line,
            &[
                "April 2022",
                "March 2023",
                "April 2023",
                "May 2023",
                "June 2023",
            ],
            vec![series(
                "Thurrock",
                &[
                    Some(281.0),
                    Some(292.0),
                    Some(296.0),
                    Some(301.0),
                    Some(308.0),
                ],
            )],
        );
        let month = |year: i32, month: i32| Span {
            start: year * 12 + month - 1,
            end: year * 12 + month,
        };
        chart.spans = Some(vec![
            month(2022, 4),
            month(2023, 3),
            month(2023, 4),
            month(2023, 5),
            month(2023, 6),
        ]);
        chart
    }

    /// The x of each tick under a point on the time axis.
    fn ticks(svg: &str) -> Vec<i32> {
        let axis = &svg[svg.find("<g class=\"axis\">").unwrap()..];
        let axis = &axis[..axis.find("</g>").unwrap()];
        axis.split(" x1=\"")
            .skip(1)
            .filter_map(|l| {
                let x1: i32 = l[..l.find('"')?].parse().ok()?;
                l.contains(&format!("x2=\"{x1}\"")).then_some(x1)
            })
            .collect()
    }

    #[test]
    fn time_is_drawn_to_scale() {
        let svg = svg(&figure_one());
        let x = ticks(&svg);
        assert_eq!(x.len(), 5, "{svg}");
        let eleven = x[1] - x[0];
        let one = x[2] - x[1];
        assert!(one > 0);
        // An eleven-month step is eleven one-month steps (to a unit).
        assert!((eleven - 11 * one).abs() <= 11, "{x:?}");
        // Whole units: equal steps differ by at most one unit of rounding.
        assert!((x[3] - x[2] - one).abs() <= 1, "{x:?}");
    }

    #[test]
    fn a_month_and_the_year_ending_with_it_share_a_place() {
        let mut chart = chart(
            Kind::Line,
            &["2021-22", "March 2022", "June 2022"],
            vec![series("Thurrock", &[Some(1.0), Some(2.0), Some(3.0)])],
        );
        chart.spans = Some(vec![
            Span {
                start: 24255,
                end: 24267,
            },
            Span {
                start: 24266,
                end: 24267,
            },
            Span {
                start: 24269,
                end: 24270,
            },
        ]);
        let x = ticks(&svg(&chart));
        assert_eq!(x[0], x[1], "{x:?}");
    }

    #[test]
    fn a_line_is_not_drawn_across_periods_left_out() {
        let svg = svg(&figure_one());
        // April 2022 stands alone; March to June 2023 is one line.
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
    }

    #[test]
    fn axis_labels_in_time_never_overlap() {
        let svg = svg(&figure_one());
        let labels: Vec<(i32, i32)> = svg
            .split("<text x=\"")
            .skip(1)
            .filter(|t| t.contains("text-anchor=\"middle\"") && t.contains(" 202"))
            .map(|t| {
                let x: i32 = t[..t.find('"').unwrap()].parse().unwrap();
                let text = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
                (
                    x,
                    super::super::layout::text_width(text, super::super::layout::FONT),
                )
            })
            .collect();
        assert!(labels.len() >= 2, "{svg}");
        for pair in labels.windows(2) {
            let ((a, wa), (b, wb)) = (pair[0], pair[1]);
            assert!(b - a >= (wa + wb) / 2, "{labels:?}");
        }
        assert!(svg.contains(">Apr 2022</text>") && svg.contains(">Jun 2023</text>"));
    }

    #[test]
    fn a_narrow_range_breaks_the_axis_and_says_so() {
        let svg = svg(&figure_one());
        // The axis starts at 280, so it is cut by two slashes.
        assert!(svg.contains(">280</text>"), "{svg}");
        assert!(!svg.contains(">0</text>"), "{svg}");
        let axis = &svg[svg.find("<g class=\"axis\">").unwrap()..];
        let axis = &axis[..axis.find("</g>").unwrap()];
        assert_eq!(axis.matches("y1=\"283\" x2=").count(), 2, "{axis}");
        assert!(
            svg.contains("The value axis does not start at zero: it starts at 280."),
            "{svg}"
        );
    }

    #[test]
    fn a_wide_range_starts_at_zero_unbroken() {
        let chart = chart(
            Kind::Line,
            &["2021-22", "2022-23"],
            vec![series("Thurrock", &[Some(40.0), Some(90.0)])],
        );
        let svg = svg(&chart);
        assert!(svg.contains(">0</text>"), "{svg}");
        assert!(!svg.contains("does not start at zero"), "{svg}");
    }

    #[test]
    fn a_gap_shows_its_note_above_the_axis_not_a_mark() {
        let mut chart = figure_one();
        chart.series[0].values[3] = None;
        chart.series[0].markers[3] = Some("[c]".into());
        let svg = svg(&chart);
        assert!(
            svg.contains("text-anchor=\"middle\" font-size=\"14\">[c]</text>"),
            "{svg}"
        );
        // March and April 2023 are one line, June alone: nothing joins across.
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
    }
}
