//! 100% stacked bars: each category's (period's) total split into the series'
//! (a breakdown's groups') shares.
//!
//! Columns when the category labels fit beneath them, otherwise rows with each
//! category's name above its bar. The first series is at the top of a column
//! and the left of a row, the order of the key. Segments are parted by a thin
//! white gap and carry their percentage where it fits, on a white pill so its
//! contrast never depends on the segment's colour. A suppressed segment is left
//! out of its total and its note (`[c]`) shown beside the bar.

use super::layout::{FONT, LINE, Scale, Ticks, WIDTH, short_value, text_width, widest, wrap};
use super::paint::{AXIS, Anchor, Key, Text, fills, pattern_defs, pill, plot};
use super::{Chart, close, open};
use crate::data::indicators::Unit;

/// Height of the plotting area of columns.
const PLOT_HEIGHT: i32 = 240;
/// Thickness of a bar drawn as a row.
const ROW_BAR: i32 = 32;

/// Each series' share of category `index`, in percent: `None` where its figure
/// is missing, and for every series when the category has no positive total.
/// Negative figures count as zero.
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

fn percent(share: f64) -> String {
    short_value(share, Unit::Percent, 0)
}

pub(super) fn draw(chart: &Chart) -> String {
    let stacks: Vec<Vec<(usize, f64, f64)>> = (0..chart.categories.len())
        .map(|i| segments(&shares(chart, i)))
        .collect();
    let key = Key::new(chart.series.iter().map(|s| s.name.as_str()), (0, 2), WIDTH);
    let ticks = Ticks::new(0.0, 100.0, 0);
    let tick_labels: Vec<String> = ticks.values().map(percent).collect();
    let left = widest(tick_labels.iter().map(String::as_str)) + 10;
    let n = chart.categories.len().max(1) as i32;
    let slot = (WIDTH - left - 4) / n;
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
        let top = key.height + 26;
        let bottom = top + PLOT_HEIGHT;
        let lines = categories.iter().map(Vec::len).max().unwrap_or(1) as i32;
        open(&mut out, chart, bottom + 24 + (lines - 1) * LINE + 10);
        let y = Scale::new(0.0, 100.0, bottom, top);
        let x = |i: usize| left + i as i32 * slot + (slot - bar) / 2;
        // Series 0 at the top: share boundaries measured down from 100%.
        let rect = |i: usize, &(_, start, end): &(usize, f64, f64)| {
            let (y0, y1) = (y.at(100.0 - start), y.at(100.0 - end));
            let gap = i32::from(y1 < bottom);
            ((x(i), y0), (x(i) + bar, y1 - gap))
        };
        let right = left + slot * chart.categories.len() as i32;
        marks(&mut out, chart, &key, &stacks, &rect);
        out.push_str("<g class=\"axis\">\n");
        plot(&mut out, |pen| {
            pen.rule(AXIS, (left, bottom), (right, bottom))
        });
        out.push_str("</g>\n");
        for (value, label) in ticks.values().zip(&tick_labels) {
            Text::at(left - 8, y.at(value) + 5)
                .anchor(Anchor::End)
                .write(&mut out, label);
        }
        for (i, stack) in stacks.iter().enumerate() {
            for segment in stack {
                let ((x0, y0), (x1, y1)) = rect(i, segment);
                let label = percent(segment.2 - segment.1);
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
        let x = Scale::new(0.0, 100.0, 2, WIDTH - 2);
        let mut cursor = key.height;
        let rows: Vec<(Vec<&str>, i32, i32)> = chart
            .categories
            .iter()
            .map(|category| {
                let lines = wrap(category, FONT, WIDTH - 60);
                let top = cursor;
                let bar_top = top + lines.len() as i32 * LINE + 6;
                cursor = bar_top + ROW_BAR + 18;
                (lines, top, bar_top)
            })
            .collect();
        open(&mut out, chart, cursor.max(40));
        let rect = |i: usize, &(_, start, end): &(usize, f64, f64)| {
            let (x0, x1) = (x.at(start), x.at(end));
            let gap = i32::from(x1 < WIDTH - 2);
            ((x0, rows[i].2), (x1 - gap, rows[i].2 + ROW_BAR))
        };
        marks(&mut out, chart, &key, &stacks, &rect);
        for (i, stack) in stacks.iter().enumerate() {
            let (lines, top, _) = &rows[i];
            for (j, line) in lines.iter().enumerate() {
                Text::at(0, top + 15 + j as i32 * LINE).write(&mut out, line);
            }
            let notes = gap_notes(chart, i);
            if !notes.is_empty() {
                Text::at(WIDTH - 2, top + 15)
                    .anchor(Anchor::End)
                    .small()
                    .write(&mut out, &notes);
            }
            for segment in stack {
                let ((x0, y0), (x1, y1)) = rect(i, segment);
                let label = percent(segment.2 - segment.1);
                if x1 - x0 >= text_width(&label, FONT) + 10 {
                    pill(&mut out, ((x0 + x1) / 2, (y0 + y1) / 2), &label);
                }
            }
        }
    }
    close(&mut out);
    out
}

/// The patterns, key, and segments (colour, then pattern) of every stack.
fn marks(
    out: &mut String,
    chart: &Chart,
    key: &Key<'_>,
    stacks: &[Vec<(usize, f64, f64)>],
    rect: &impl Fn(usize, &(usize, f64, f64)) -> ((i32, i32), (i32, i32)),
) {
    pattern_defs(out, &chart.id, chart.series.len());
    key.write(out, &chart.id);
    let segments = stacks.iter().enumerate().flat_map(|(i, stack)| {
        stack.iter().map(move |segment| {
            let (from, to) = rect(i, segment);
            (segment.0, from, to)
        })
    });
    fills(out, &chart.id, segments);
}

#[cfg(test)]
mod tests {
    use super::super::tests::{chart, series};
    use super::super::{Kind, svg};
    use super::*;

    fn quarters() -> [&'static str; 4] {
        ["Q1 2023-24", "Q2 2023-24", "Q3 2023-24", "Q4 2023-24"]
    }

    #[test]
    fn snapshot_shares_by_quarter() {
        let mut chart = chart(
            Kind::Stacked,
            &quarters(),
            vec![
                series("Under 10", &[Some(60.0), Some(55.0), Some(50.0), None]),
                series(
                    "10 to 15",
                    &[Some(120.0), Some(125.0), Some(118.0), Some(130.0)],
                ),
                series(
                    "16 and over",
                    &[Some(114.0), Some(112.0), Some(130.0), Some(140.0)],
                ),
            ],
        );
        chart.series[0].markers[3] = Some("[c]".into());
        let svg = svg(&chart);
        assert!(
            svg.contains("text-anchor=\"middle\">2023-24</text>"),
            "columns expected: {svg}"
        );
        insta::assert_snapshot!(svg);
    }

    #[test]
    fn shares_leave_out_missing_figures() {
        let chart = chart(
            Kind::Stacked,
            &["Q1"],
            vec![
                series("A", &[Some(30.0)]),
                series("B", &[None]),
                series("C", &[Some(90.0)]),
            ],
        );
        assert_eq!(shares(&chart, 0), [Some(25.0), None, Some(75.0)]);
        assert_eq!(
            segments(&shares(&chart, 0)),
            [(0, 0.0, 25.0), (2, 25.0, 100.0)]
        );
    }

    #[test]
    fn a_category_with_no_figures_has_no_bar() {
        let chart = chart(
            Kind::Stacked,
            &["Q1", "Q2"],
            vec![series("A", &[Some(3.0), None])],
        );
        assert_eq!(shares(&chart, 1), [None]);
        let svg = svg(&chart);
        let marks = &svg[svg.find("<g class=\"marks\">\n<rect").unwrap()..];
        let marks = &marks[marks.find("</g>").unwrap() + 4..];
        let marks = &marks[marks.find("<g class=\"marks\">").unwrap()..];
        let marks = &marks[..marks.find("</g>").unwrap()];
        assert_eq!(marks.matches("<rect").count(), 1, "{svg}");
    }

    #[test]
    fn segments_carry_their_percentage() {
        let chart = chart(
            Kind::Stacked,
            &["Q1 2023-24"],
            vec![series("A", &[Some(1.0)]), series("B", &[Some(3.0)])],
        );
        let svg = svg(&chart);
        assert!(
            svg.contains(">25%</text>") && svg.contains(">75%</text>"),
            "{svg}"
        );
        assert!(svg.contains("class=\"pill\""), "{svg}");
    }

    #[test]
    fn long_names_make_rows() {
        let names = [
            "Children in care on 31 March 2021",
            "Children in care on 31 March 2022",
            "Children in care on 31 March 2023",
            "Children in care on 31 March 2024",
        ];
        let chart = chart(
            Kind::Stacked,
            &names,
            vec![
                series("A", &[Some(1.0), Some(2.0), Some(1.0), Some(2.0)]),
                series("B", &[Some(3.0), Some(2.0), Some(3.0), Some(2.0)]),
            ],
        );
        let svg = svg(&chart);
        assert!(
            svg.contains("<text x=\"0\" y=\"46\">Children in care on 31 March 2021</text>"),
            "{svg}"
        );
        assert!(svg.contains(">50%</text>"), "{svg}");
    }
}
