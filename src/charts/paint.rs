//! Colours, marker shapes, dashes and fill patterns, and the two ways marks
//! reach the SVG: shapes through plotters' SVG backend, text and `<defs>`
//! written here.
//!
//! Every series differs from the others in three ways, so none relies on colour
//! alone (WCAG 1.4.1): its colour, its marker shape or fill pattern, and its
//! dash. No two series of a chart share a colour and pattern. In
//! forced-colours mode the colours collapse to one and the other two remain.
//!
//! In a chart with comparators (England, a region, neighbours), the council's
//! own series keep the palette and a heavier line, and the comparators are
//! drawn quieter: greys that still have 3:1 contrast (WCAG 1.4.11) and a
//! thinner line, so the difference survives forced colours and print.

use super::Chart;
use super::layout::{FONT, LINE, text_width, wrap};
use plotters::backend::{DrawingBackend, SVGBackend};
use plotters::style::{Color, RGBColor};
use std::fmt::Write as _;

mod text;

pub(crate) use text::{Anchor, Text, pill};

/// An sRGB colour.
pub(super) type Rgb = (u8, u8, u8);

/// Series colours: the Okabe–Ito palette (safe for the common colour-vision
/// deficiencies), darkened until each has at least 4.5:1 contrast with white,
/// in the order that keeps the first three apart under each deficiency.
pub(super) const PALETTE: [Rgb; 6] = [
    (0x00, 0x72, 0xb2), // blue
    (0xc2, 0x4e, 0x00), // vermillion
    (0x00, 0x7a, 0x5a), // bluish green
    (0xa8, 0x45, 0x7f), // reddish purple
    (0x8a, 0x6a, 0x00), // ochre
    (0x50, 0x5a, 0x5f), // grey
];

/// Comparators' colours: quieter than the palette, yet 3:1 or more on white
/// (WCAG 1.4.11), and never one of the palette's, so a comparator never shares
/// a colour and pattern with the council's own series.
pub(super) const QUIET: [Rgb; 2] = [
    (0x6f, 0x77, 0x7b), // mid grey, 4.6:1
    (0x87, 0x8c, 0x8f), // light grey, 3.4:1
];

/// Text (19.6:1 on white): set for every chart by the site's stylesheet
/// (`svg.chart`), which a test holds to this.
#[cfg(test)]
pub(super) const TEXT: &str = "#0b0c0c";
/// Axis lines (7.1:1 on white).
pub(super) const AXIS: Rgb = (0x50, 0x5a, 0x5f);
/// Gridlines: decorative, so deliberately faint.
pub(super) const GRID: Rgb = (0xd8, 0xda, 0xdb);

/// How the points of a line are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
}

const MARKERS: [Marker; 5] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
    Marker::TriangleDown,
];

/// `stroke-dasharray` of each line, solid first. With round caps, a zero-length
/// dash draws a dot.
const DASHES: [Option<&str>; 4] = [None, Some("9 6"), Some("0 7"), Some("12 5 0 5")];

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Look {
    pub(super) colour: Rgb,
    pub(super) marker: Marker,
    pub(super) dash: Option<&'static str>,
    /// Pattern laid over a bar's colour; 0 is none (solid).
    pub(super) pattern: usize,
    /// Width of its line.
    pub(super) stroke: u32,
    /// A comparator's, drawn quieter beside the council's own.
    pub(super) quiet: bool,
}

impl Look {
    /// The same look, quieter: for a comparator's bar in a chart of areas.
    pub(super) fn quieter(self) -> Look {
        Look {
            colour: QUIET[0],
            quiet: true,
            ..self
        }
    }
}

/// Whether `chart` has both the council's own series and comparators, so the
/// own are picked out.
pub(super) fn picks_out_own(chart: &Chart) -> bool {
    chart.series.iter().any(|s| s.comparator) && chart.series.iter().any(|s| !s.comparator)
}

/// The look of each of `chart`'s series. Markers and dashes go by the series'
/// place. Patterns go by its place with the council's own series counted
/// first, so the own are solid and the first six series all differ in pattern
/// (which is what tells them apart in forced colours); colours by its place
/// among the own series (the palette) or the comparators (greys). No colour
/// and pattern pair repeats up to 36 series of one kind, or 6 own and 6
/// comparators.
pub(super) fn looks(chart: &Chart) -> Vec<Look> {
    let picked = picks_out_own(chart);
    let own_count = chart
        .series
        .iter()
        .filter(|s| !picked || !s.comparator)
        .count();
    let (mut own, mut quiet) = (0, 0);
    chart
        .series
        .iter()
        .enumerate()
        .map(|(index, series)| {
            let comparator = picked && series.comparator;
            let (colour, order) = if comparator {
                quiet += 1;
                (QUIET[(quiet - 1) % QUIET.len()], own_count + quiet - 1)
            } else {
                own += 1;
                (PALETTE[(own - 1) % PALETTE.len()], own - 1)
            };
            let pattern = (order + order / PATTERNS.len()) % PATTERNS.len();
            Look {
                colour,
                marker: MARKERS[index % MARKERS.len()],
                dash: DASHES[index % DASHES.len()],
                pattern,
                stroke: match (picked, comparator) {
                    (false, _) => 3,
                    (true, true) => 2,
                    (true, false) => 4,
                },
                quiet: comparator,
            }
        })
        .collect()
}

/// White marks over a bar's colour, one per series after the first (solid):
/// diagonal hatch, dots, cross-hatch, horizontal stripes, back-diagonal hatch.
const PATTERNS: [&str; 6] = [
    "",
    r##"width="8" height="8" patternTransform="rotate(45)"><rect width="3" height="8"/>"##,
    r##"width="8" height="8"><circle cx="4" cy="4" r="2"/>"##,
    r##"width="9" height="9" patternTransform="rotate(45)"><rect width="2" height="9"/><rect width="9" height="2"/>"##,
    r##"width="8" height="7"><rect width="8" height="3"/>"##,
    r##"width="8" height="8" patternTransform="rotate(-45)"><rect width="3" height="8"/>"##,
];

/// Writes `<defs>` with the patterns `looks` use, if any use one.
pub(super) fn pattern_defs(out: &mut String, id: &str, looks: &[Look]) {
    let used: std::collections::BTreeSet<usize> = looks
        .iter()
        .map(|l| l.pattern)
        .filter(|&p| p != 0)
        .collect();
    if used.is_empty() {
        return;
    }
    out.push_str("<defs class=\"patterns\">\n");
    for index in used {
        let body = PATTERNS[index];
        out.push_str("<pattern id=\"");
        escape_into(out, id);
        let _ = writeln!(
            out,
            "-p{index}\" patternUnits=\"userSpaceOnUse\" fill=\"#fff\" {body}</pattern>"
        );
    }
    out.push_str("</defs>\n");
}

/// Filled rectangles `(look, from, to)`: each in its look's colour, drawn
/// by plotters in a `marks` group, then its pattern laid over it in a `hatch`
/// group (left out when no rectangle has a pattern). Empty rectangles are
/// skipped.
pub(super) fn fills<I>(out: &mut String, id: &str, rects: I)
where
    I: Iterator<Item = (Look, (i32, i32), (i32, i32))> + Clone,
{
    let drawn = rects.filter(|&(_, (x0, y0), (x1, y1))| x1 > x0 && y1 > y0);
    out.push_str("<g class=\"marks\">\n");
    plot(out, |pen| {
        for (look, from, to) in drawn.clone() {
            pen.rect(look.colour, from, to);
        }
    });
    out.push_str("</g>\n");
    let mut patterned = drawn.filter(|&(look, _, _)| look.pattern != 0).peekable();
    if patterned.peek().is_none() {
        return;
    }
    out.push_str("<g class=\"hatch\">\n");
    for (look, (x0, y0), (x1, y1)) in patterned {
        let _ = write!(
            out,
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" fill=\"url(#",
            x1 - x0,
            y1 - y0
        );
        escape_into(out, id);
        let _ = writeln!(out, "-p{})\"/>", look.pattern);
    }
    out.push_str("</g>\n");
}

/// Draws with plotters' SVG backend straight into `out`, keeping the shapes and
/// dropping the `<svg>` wrapper the backend writes around them (the chart
/// writes its own, with the accessibility attributes plotters has no place for).
pub(super) fn plot(out: &mut String, draw: impl FnOnce(&mut Pen<'_>)) {
    let start = out.len();
    {
        let mut pen = Pen(SVGBackend::with_string(out, (1, 1)));
        draw(&mut pen);
        check(pen.0.present());
    }
    let from = out[start..]
        .find('\n')
        .map_or(start, |header| start + header + 1);
    let mut to = out.len();
    const CLOSE: &str = "</svg>\n";
    if out.ends_with(CLOSE) {
        to -= CLOSE.len();
    }
    let shapes = without_defaults(&out[from..to]);
    out.truncate(start);
    out.push_str(&shapes);
}

/// A group of rules (gridlines, an axis) of class `class`, drawn by `draw`:
/// the group carries `stroke`, the colour most of them are, and a rule of
/// that colour does not repeat it.
pub(super) fn rules(out: &mut String, class: &str, stroke: Rgb, draw: impl FnOnce(&mut Pen<'_>)) {
    let (r, g, b) = stroke;
    let attribute = format!(" stroke=\"#{r:02X}{g:02X}{b:02X}\"");
    out.push_str("<g class=\"");
    out.push_str(class);
    out.push('"');
    out.push_str(&attribute);
    out.push_str(">\n");
    let start = out.len();
    plot(out, draw);
    let drawn = out[start..].replace(&attribute, "");
    out.truncate(start);
    out.push_str(&drawn);
    out.push_str("</g>\n");
}

/// Attributes plotters writes on every shape that say what SVG assumes anyway
/// (`stroke-width` only where no group of a chart sets a stroke width).
const DEFAULTS: [&str; 3] = [" opacity=\"1\"", " stroke=\"none\"", " stroke-width=\"1\""];

/// `shapes` without the attributes in [`DEFAULTS`], in one pass.
pub(super) fn without_defaults(shapes: &str) -> String {
    let mut kept = String::with_capacity(shapes.len());
    let mut rest = shapes;
    while let Some(at) = rest.find(' ') {
        kept.push_str(&rest[..at]);
        rest = &rest[at..];
        match DEFAULTS.iter().find(|d| rest.starts_with(**d)) {
            Some(default) => rest = &rest[default.len()..],
            None => {
                kept.push(' ');
                rest = &rest[1..];
            }
        }
    }
    kept.push_str(rest);
    kept
}

/// plotters' SVG backend, drawing into a String, with the shapes charts use.
///
/// The backend only fails writing to a file, so results are checked in debug
/// builds and otherwise ignored.
pub(super) struct Pen<'a>(SVGBackend<'a>);

impl Pen<'_> {
    /// A filled rectangle from `(x0, y0)` to `(x1, y1)`, in `rgb`.
    pub(super) fn rect(&mut self, rgb: Rgb, from: (i32, i32), to: (i32, i32)) {
        let drawn = self.0.draw_rect(from, to, &colour(rgb).filled(), true);
        check(drawn);
    }

    /// A horizontal or vertical rule, 1 unit wide.
    pub(super) fn rule(&mut self, rgb: Rgb, from: (i32, i32), to: (i32, i32)) {
        let drawn = self.0.draw_line(from, to, &colour(rgb));
        check(drawn);
    }

    /// A polyline through `points` in `look`'s colour and width.
    pub(super) fn line(&mut self, look: Look, points: impl IntoIterator<Item = (i32, i32)>) {
        let style = colour(look.colour).stroke_width(look.stroke);
        let drawn = self.0.draw_path(points, &style);
        check(drawn);
    }

    /// A series marker centred on `(x, y)`.
    pub(super) fn marker(&mut self, look: Look, (x, y): (i32, i32)) {
        let fill = colour(look.colour).filled();
        let drawn = match look.marker {
            Marker::Circle => self.0.draw_circle((x, y), 5, &fill, true),
            Marker::Square => self
                .0
                .draw_rect((x - 4, y - 4), (x + 5, y + 5), &fill, true),
            Marker::Triangle => self
                .0
                .fill_polygon([(x, y - 6), (x + 6, y + 5), (x - 6, y + 5)], &fill),
            Marker::Diamond => self
                .0
                .fill_polygon([(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)], &fill),
            Marker::TriangleDown => self
                .0
                .fill_polygon([(x - 6, y - 5), (x + 6, y - 5), (x, y + 6)], &fill),
        };
        check(drawn);
    }
}

/// Checks, in debug builds, that plotters drew what it was asked to.
fn check<E: std::fmt::Debug>(drawn: Result<(), E>) {
    debug_assert!(drawn.is_ok(), "drawing into a String failed: {drawn:?}");
}

/// plotters' colour for `rgb`.
fn colour((r, g, b): Rgb) -> RGBColor {
    RGBColor(r, g, b)
}

pub(super) use crate::escape::escape_into;

/// Size of the key swatch.
const SWATCH: i32 = 16;

/// Where the key puts each entry: rows of swatch-and-name, wrapping at `width`.
pub(super) struct Key<'a> {
    /// Top left of each entry's swatch, and its name in lines.
    entries: Vec<(i32, i32, Vec<&'a str>)>,
    /// Height taken, including the space below it.
    pub(super) height: i32,
}

impl<'a> Key<'a> {
    /// Lays out entries for `names` from `(x, y)` (top left), within `width`.
    /// A name too long for the width wraps onto more lines.
    pub(super) fn new(
        names: impl Iterator<Item = &'a str>,
        (x, y): (i32, i32),
        width: i32,
    ) -> Key<'a> {
        let mut entries = Vec::new();
        let (mut cx, mut cy) = (x, y);
        // Height of the row so far, in lines.
        let mut row_lines = 1;
        for name in names {
            let lines = wrap(name, FONT, width - SWATCH - 6);
            let w = SWATCH + 6 + lines.iter().map(|l| text_width(l, FONT)).max().unwrap_or(0);
            if cx > x && cx + w > x + width {
                cx = x;
                cy += row_lines * LINE + 6;
                row_lines = 1;
            }
            row_lines = row_lines.max(lines.len() as i32);
            entries.push((cx, cy, lines));
            cx += w + 18;
        }
        let height = if entries.is_empty() {
            0
        } else {
            cy - y + row_lines * LINE + 12
        };
        Key { entries, height }
    }

    /// Draws the swatches (colour and pattern, from `looks`) and names.
    pub(super) fn write(&self, out: &mut String, id: &str, looks: &[Look]) {
        let swatches = self.entries.iter().zip(looks);
        fills(
            out,
            id,
            swatches.map(|(&(x, y, _), &look)| (look, (x, y), (x + SWATCH, y + SWATCH))),
        );
        for (x, y, lines) in &self.entries {
            for (j, line) in lines.iter().enumerate() {
                Text::at(x + SWATCH + 6, y + SWATCH - 2 + j as i32 * LINE).write(out, line);
            }
        }
    }
}

#[cfg(test)]
#[path = "paint_tests.rs"]
mod tests;
