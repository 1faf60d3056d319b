//! How big a chart prints: its smallest type at 10 pt on paper where a page
//! allows and never under 9 pt, and cut into pieces, one a page, where it would be too
//! tall for a page at that size.
//!
//! A chart's SVG is measured, not drawn: its `viewBox`, the `font-size` of
//! its text (16 units unless it says otherwise, as `standalone_svg` in
//! `mod.rs` sets it), and the rows its marks and labels take, so that a cut
//! falls between two rows and never through a bar or a label.

use html5gum::{DefaultEmitter, Token, Tokenizer};
use serde::Serialize;

/// The text's width on an A4 page, and the most a chart may take of its
/// height, in millimetres (see `report.typ`).
pub(super) const TEXT_WIDTH: f64 = 170.0;
pub(super) const CHART_HEIGHT: f64 = 200.0;

/// The smallest type a chart may print at, in points.
pub(crate) const SMALLEST_TYPE: f64 = 9.0;

/// The size a chart's type prints at where it can, in points: a point
/// under the body's, as a chart's labels are in print. (At the text's width
/// a chart's type of 16 units in 600 would print at nearly 13 points, and
/// take a third more of the page.)
pub(crate) const CHART_TYPE: f64 = 10.0;

/// The type a chart's text has unless it says otherwise, in its units.
const DEFAULT_TYPE: f64 = 16.0;

/// The least space between two rows of a chart to cut it there, in its
/// units.
const LEAST_GAP: f64 = 2.0;

const MM_PER_POINT: f64 = 25.4 / 72.0;

/// How a chart prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Size {
    /// Its width on paper, in millimetres.
    pub(crate) width: f64,
    /// Its pieces, top to bottom, in millimetres on paper: one for a chart
    /// that fits a page.
    pub(crate) pieces: Vec<Piece>,
}

/// A horizontal band of a chart, printed on a page of its own if need be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Piece {
    /// Where it starts, from the drawing's top.
    pub(crate) top: f64,
    pub(crate) height: f64,
}

impl Size {
    /// The size its smallest type prints at, in points.
    pub(crate) fn smallest_type(&self, svg: &str) -> f64 {
        let Some((_, width, _)) = view_box(svg) else {
            return f64::INFINITY;
        };
        let mm_per_unit = self.width / width;
        smallest_font_size(svg) * mm_per_unit / MM_PER_POINT
    }
}

/// How `svg` prints: as wide as prints its smallest type at 10 pt, or the
/// text's width if that is less, unless it would then be too tall for a
/// page; then narrower, to fit a page, unless its type would then print
/// under 9 pt; then at the width its smallest type prints at 9 pt, cut
/// between its rows into pieces that each fit a page. A drawing that cannot
/// be cut (no space between rows, or shapes not measured here) is narrowed
/// to fit a page, whatever its type.
pub(crate) fn size(svg: &str) -> Size {
    let Some((top, width, height)) = view_box(svg) else {
        return Size {
            width: TEXT_WIDTH,
            pieces: Vec::new(),
        };
    };
    let whole = |mm_per_unit: f64| Size {
        width: width * mm_per_unit,
        pieces: vec![Piece {
            top: 0.0,
            height: height * mm_per_unit,
        }],
    };
    let type_size = smallest_font_size(svg);
    // As wide as prints its type at 10 points, or the text's width.
    let full_width = (TEXT_WIDTH / width).min(CHART_TYPE * MM_PER_POINT / type_size);
    let page_high = CHART_HEIGHT / height;
    let legible = SMALLEST_TYPE * MM_PER_POINT / type_size;
    if full_width <= page_high {
        return whole(full_width);
    }
    if page_high >= legible {
        return whole(page_high);
    }
    let mm_per_unit = legible.min(full_width);
    let Some(cuts) =
        rows(svg).and_then(|rows| cuts(&rows, top, height, CHART_HEIGHT / mm_per_unit))
    else {
        return whole(page_high);
    };
    let mut pieces = Vec::new();
    let mut from = top;
    for to in cuts.into_iter().chain([top + height]) {
        pieces.push(Piece {
            top: (from - top) * mm_per_unit,
            height: (to - from) * mm_per_unit,
        });
        from = to;
    }
    Size {
        width: width * mm_per_unit,
        pieces,
    }
}

/// The `viewBox`'s top, width and height.
fn view_box(svg: &str) -> Option<(f64, f64, f64)> {
    let numbers: Vec<f64> = svg
        .split("viewBox=\"")
        .nth(1)?
        .split('"')
        .next()?
        .split_ascii_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers[..] {
        [_, y, w, h] if w > 0.0 && h > 0.0 => Some((y, w, h)),
        _ => None,
    }
}

/// Each start tag's name and attributes, outside `<defs>` (patterns, drawn
/// only where a mark uses them).
fn tags(svg: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut found = Vec::new();
    let mut in_defs = 0usize;
    for token in Tokenizer::new_with_emitter(svg, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "defs" && !tag.self_closing {
                    in_defs += 1;
                } else if in_defs == 0 {
                    let attributes = tag
                        .attributes
                        .iter()
                        .map(|(k, v)| {
                            (
                                String::from_utf8_lossy(k).to_ascii_lowercase(),
                                String::from_utf8_lossy(v).into_owned(),
                            )
                        })
                        .collect();
                    found.push((name, attributes));
                }
            }
            Token::EndTag(tag) if tag.name.eq_ignore_ascii_case(b"defs") => {
                in_defs = in_defs.saturating_sub(1);
            }
            _ => {}
        }
    }
    found
}

fn number(attributes: &[(String, String)], name: &str) -> Option<f64> {
    attributes
        .iter()
        .find(|(k, _)| k == name)
        .and_then(|(_, v)| v.trim().trim_end_matches("px").parse().ok())
}

/// The smallest `font-size` the drawing gives its text, in its units.
fn smallest_font_size(svg: &str) -> f64 {
    tags(svg)
        .iter()
        .filter_map(|(_, attributes)| number(attributes, "font-size"))
        .chain([DEFAULT_TYPE])
        .fold(f64::INFINITY, f64::min)
}

/// The vertical extent of each mark and label, or `None` for a drawing
/// with a shape or a transform this does not measure.
fn rows(svg: &str) -> Option<Vec<(f64, f64)>> {
    let mut extents = Vec::new();
    let mut font_size = DEFAULT_TYPE;
    for (name, attributes) in tags(svg) {
        let n = |a: &str| number(&attributes, a);
        if attributes.iter().any(|(k, _)| k == "transform") {
            return None;
        }
        let extent = match name.as_str() {
            "svg" => {
                font_size = n("font-size").unwrap_or(font_size);
                continue;
            }
            "g" | "title" | "desc" => continue,
            "rect" => (n("y").unwrap_or(0.0), n("y")? + n("height")?),
            "line" => {
                let (y1, y2) = (n("y1").unwrap_or(0.0), n("y2").unwrap_or(0.0));
                (y1.min(y2), y1.max(y2))
            }
            "circle" => (n("cy")? - n("r")?, n("cy")? + n("r")?),
            "polyline" | "polygon" => {
                let points = attributes.iter().find(|(k, _)| k == "points")?.1.clone();
                let ys: Vec<f64> = points
                    .split([' ', ','])
                    .filter(|p| !p.is_empty())
                    .skip(1)
                    .step_by(2)
                    .filter_map(|y| y.parse().ok())
                    .collect();
                let low = ys.iter().copied().fold(f64::INFINITY, f64::min);
                let high = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                (low, high)
            }
            // A label's baseline is its y: capitals above, descenders below.
            "text" | "tspan" => {
                let size = n("font-size").unwrap_or(font_size);
                let y = n("y")?;
                (y - size, y + 0.3 * size)
            }
            _ => return None,
        };
        extents.push(extent);
    }
    Some(extents)
}

/// Where to cut a drawing from `top`, `height` high, into pieces no more
/// than `most` high, each as near the same height as its rows allow: in the
/// middle of a space between rows. `None` when a piece cannot be made that
/// small.
fn cuts(rows: &[(f64, f64)], top: f64, height: f64, most: f64) -> Option<Vec<f64>> {
    let mut rows = rows.to_vec();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The spaces between rows: where a cut may go.
    let mut spaces = Vec::new();
    let mut lowest = top;
    for (from, to) in rows {
        if from - lowest >= LEAST_GAP {
            spaces.push((lowest + from) / 2.0);
        }
        lowest = lowest.max(to);
    }
    let bottom = top + height;
    let pieces = (height / most).ceil();
    let aim = height / pieces;
    let mut found = Vec::new();
    let mut from = top;
    while bottom - from > most {
        let cut = spaces
            .iter()
            .copied()
            .filter(|&s| s > from && s - from <= most)
            .min_by(|a, b| (a - from - aim).abs().total_cmp(&(b - from - aim).abs()))?;
        found.push(cut);
        from = cut;
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(rows: usize, font_size: &str) -> String {
        let mut svg = format!("<svg viewBox=\"0 0 600 {}\">", rows * 50 + 20);
        for row in 0..rows {
            let y = row * 50 + 20;
            svg += &format!(
                "<text x=\"0\" y=\"{y}\"{font_size}>Row {row}</text>\
                 <rect x=\"0\" y=\"{}\" width=\"300\" height=\"24\"/>",
                y + 6
            );
        }
        svg + "</svg>"
    }

    #[test]
    fn a_chart_prints_its_type_at_ten_points_when_it_fits_a_page() {
        let svg = bars(6, "");
        let size = size(&svg);
        assert!((size.smallest_type(&svg) - CHART_TYPE).abs() < 1e-9);
        assert!(size.width < TEXT_WIDTH);
        assert_eq!(size.pieces.len(), 1);
        // A wide drawing prints no wider than the text, its type smaller.
        let wide = "<svg viewBox=\"0 0 1200 300\"><text x=\"0\" y=\"20\">A</text></svg>";
        assert_eq!(super::size(wide).width, TEXT_WIDTH);
    }

    #[test]
    fn a_tall_chart_is_narrowed_to_fit_a_page_while_its_type_stays_legible() {
        // 970 units: 214 mm high with its type at 10 points.
        let svg = bars(19, "");
        let size = size(&svg);
        assert!(size.width < TEXT_WIDTH);
        assert_eq!(size.pieces.len(), 1);
        assert!((size.pieces[0].height - CHART_HEIGHT).abs() < 1e-9);
        assert!(size.smallest_type(&svg) >= SMALLEST_TYPE);
    }

    #[test]
    fn a_chart_too_tall_to_fit_a_page_legibly_is_cut_between_its_rows() {
        // As the 2023-24 Q1 report's Figure 17: about 600 by 1,470 in type
        // of 15 units, which fitted to a page printed at 6 points.
        let svg = bars(29, " font-size=\"15\"");
        let size = size(&svg);
        assert!(size.smallest_type(&svg) >= SMALLEST_TYPE);
        assert!(size.pieces.len() >= 2, "{size:?}");
        let scale = size.width / 600.0;
        let mut bottom = 0.0;
        for piece in &size.pieces {
            assert!(piece.height <= CHART_HEIGHT + 1e-9, "{size:?}");
            assert!(
                (piece.top - bottom).abs() < 1e-9,
                "a gap or an overlap: {size:?}"
            );
            bottom = piece.top + piece.height;
            // Each cut is in a space between a bar and the next row's label.
            let cut = piece.top / scale;
            assert!((cut - 20.0).rem_euclid(50.0) > 30.0 - 1e-9, "cut at {cut}");
        }
        assert!((bottom - 1470.0 * scale).abs() < 1e-9);
    }

    #[test]
    fn a_drawing_that_cannot_be_cut_is_fitted_to_a_page() {
        let svg = "<svg viewBox=\"0 0 600 1470\" font-size=\"15\">\
                   <path d=\"M0 0 L600 1470\"/><text x=\"0\" y=\"20\">A</text></svg>";
        let size = size(svg);
        assert_eq!(size.pieces.len(), 1);
        assert!((size.pieces[0].height - CHART_HEIGHT).abs() < 1e-9);
    }
}
