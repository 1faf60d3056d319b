//! Charts: pure functions from a chart's spec and figures to an inline SVG.
//!
//! Charts are drawn at build time, so a page needs no JavaScript and makes no
//! request to show one. Each is an `<svg role="img">` named by its `<title>` and
//! described by a `<desc>` written from the figures ([`description`]), so a
//! screen reader hears what a sighted reader sees. Series are told apart by
//! shape, dash and pattern as well as colour, lines are labelled where they end
//! rather than in a legend, and a small embedded style keeps everything visible
//! in forced-colours mode.
//!
//! Shapes (lines, markers, bars, rules) go through plotters' SVG backend; text,
//! fill patterns and the `<svg>` element itself are written here, because
//! plotters has no place for ids, classes, ARIA attributes or patterns, and its
//! text sizes come out with float noise. Everything is laid out on whole units
//! of a fixed-width viewBox, so the same input gives byte-identical output.
//!
//! Each chart is drawn twice, for the width where it is read: a wide drawing
//! for a desktop's text column and a narrow one for a phone, each scaled to
//! the column so its labels show at 12 px or more. A media query in the
//! chart's style shows one and sets the other `display: none`, which takes it
//! out of the accessibility tree too, so a reader meets one accessible name.
//! The narrow drawing's ids carry `-n` after the chart's id.
//!
//! A line or stacked chart of more than [`MOST_SERIES`] series is too many to
//! tell apart: it is drawn instead as sorted bars of its latest period
//! ([`as_drawn`]), and described as drawn.

mod bar;
mod describe;
mod layout;
mod line;
mod metrics;
mod paint;
mod stacked;

use crate::data::indicators::{Polarity, Unit};
use crate::i18n::Language;
use std::borrow::Cow;
use std::fmt::Write as _;

/// The most series a line or stacked chart draws; beyond it, lines and
/// segments are too many to tell apart.
pub const MOST_SERIES: usize = 6;

/// What kind of chart to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line per series over time; the default for a single series.
    Line,
    /// Grouped bars: categories along one axis, one bar per series.
    Bar,
    /// 100% stacked bars: each category's total split into the series' shares.
    Stacked,
}

/// A chart to draw: what it shows and its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Unique on the page, e.g. `chart-3`; every id inside the SVG starts with it.
    pub id: String,
    /// The kind of chart.
    pub kind: Kind,
    /// What the chart shows, e.g. "Children looked after".
    pub title: String,
    /// What the figures are of, to open the chart's message: the
    /// indicator's title ("Children looked after rose to 308 …"), whatever
    /// title an author gave the chart. Empty when the chart shows several
    /// indicators; a message then opens with the series' name.
    pub subject: String,
    /// The unit of every figure.
    pub unit: Unit,
    /// Decimal places shown.
    pub decimals: u8,
    /// Labels along the category axis, in order: periods ("June 2023",
    /// "Q1 2023-24", "2022-23") or the names of a breakdown's groups.
    pub categories: Vec<String>,
    /// One per line, bar in each group, or stack segment.
    pub series: Vec<ChartSeries>,
    /// When the categories are periods, when each one runs, so time is drawn
    /// to scale; `None` when they are groups or areas.
    pub spans: Option<Vec<Span>>,
    /// Whether a higher figure is better, so words can say which way a
    /// difference from a comparator goes.
    pub polarity: Polarity,
    /// The category that is the site's own area, when the categories are
    /// areas (a benchmark chart), so it can be picked out.
    pub own_category: Option<usize>,
    /// The language of the chart's words: its message, description and labels.
    pub language: Language,
}

/// When a category's period runs, in months counted from the start of year 0:
/// `start` is the start of its first month and `end` the end of its last, so
/// June 2023 is `24281..24282` and the financial year 2022-23 `24267..24279`.
/// Months, not days, so a three-month step is exactly three one-month steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The start of the period's first month.
    pub start: i32,
    /// The end of the period's last month.
    pub end: i32,
}

/// One series as drawn on a chart (a line, or one bar per category), with
/// its figures aligned with the chart's categories. The figures it is drawn
/// from, one indicator's for an area and breakdown, are a [`crate::data::Series`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartSeries {
    /// The series' name: "Thurrock", "England", "16 and over".
    pub name: String,
    /// One per category; `None` is missing or suppressed, drawn as a gap, never
    /// as zero.
    pub values: Vec<Option<f64>>,
    /// One per category: a note shown at a gap (`[c]`) or after a value (`[p]`).
    pub markers: Vec<Option<String>>,
    /// A comparator's figures (England, a region, neighbours) rather than the
    /// site's own area's: drawn in a quieter style than the council's.
    pub comparator: bool,
}

impl ChartSeries {
    /// The figure for category `index`, if there is one (non-finite figures
    /// count as missing).
    pub fn value(&self, index: usize) -> Option<f64> {
        self.values
            .get(index)
            .copied()
            .flatten()
            .filter(|v| v.is_finite())
    }

    /// The note for category `index`, if there is one.
    pub fn marker(&self, index: usize) -> Option<&str> {
        self.markers
            .get(index)
            .and_then(Option::as_deref)
            .filter(|m| !m.is_empty())
    }
}

/// The chart's two drawings, wide then narrow, each a complete
/// `<svg>…</svg>`, ready to inline in HTML one after the other.
pub fn svg(chart: &Chart) -> String {
    let drawn = as_drawn(chart);
    let converted = matches!(drawn, Cow::Owned(_));
    let mut narrow = drawn.as_ref().clone();
    narrow.id.push_str("-n");
    // Both drawings show the same figures: described once, in the wide
    // drawing's `<desc>`, which the narrow drawing refers to by its id (a
    // description is read from an element referred to even when it is
    // hidden).
    // The figure's caption opens with the message, and a screen reader
    // reads the caption as the figure's name: the description goes on from
    // there, so the message is heard once (and a chart whose description is
    // its message alone has none of its own).
    let details = describe::details(&drawn);
    let (wide, narrow_desc) = if details.is_empty() {
        (Desc::None, Desc::None)
    } else {
        (Desc::Own(&details), Desc::Wide)
    };
    let mut out = draw(&drawn, (layout::WIDE, wide), converted);
    out.push('\n');
    out.push_str(&draw(&narrow, (layout::NARROW, narrow_desc), converted));
    out
}

/// How a drawing is described.
#[derive(Clone, Copy)]
enum Desc<'a> {
    /// By its own `<desc>`, holding this.
    Own(&'a str),
    /// By the wide drawing's `<desc>` (the narrow drawing, which shows the
    /// same figures).
    Wide,
    /// By its figure's caption alone.
    None,
}

/// One drawing of `chart`, `width` units wide, described by `desc`; `rows`
/// asks a bar chart for horizontal bars.
fn draw(chart: &Chart, (width, desc): (i32, Desc<'_>), rows: bool) -> String {
    match chart.kind {
        Kind::Line => line::draw(chart, width, desc),
        Kind::Bar => bar::draw(chart, (width, desc), rows),
        Kind::Stacked => stacked::draw(chart, width, desc),
    }
}

/// The chart as it is drawn. A line or stacked chart of more than
/// [`MOST_SERIES`] series becomes a bar chart of its latest period with a
/// figure: one bar per series, largest first, so each can be read; a series
/// with no figure then comes last with its note. Every figure stays in the
/// chart's table, which is made from the chart as given.
pub fn as_drawn(chart: &Chart) -> Cow<'_, Chart> {
    if chart.kind == Kind::Bar || chart.series.len() <= MOST_SERIES {
        return Cow::Borrowed(chart);
    }
    let n = chart.categories.len();
    let Some(latest) = (0..n)
        .rev()
        .find(|&i| chart.series.iter().any(|s| s.value(i).is_some()))
    else {
        return Cow::Borrowed(chart);
    };
    let mut order: Vec<usize> = (0..chart.series.len()).collect();
    // Largest first; missing figures last; ties keep the series' order.
    order.sort_by(|&a, &b| {
        let (va, vb) = (chart.series[a].value(latest), chart.series[b].value(latest));
        match (va, vb) {
            (Some(a), Some(b)) => b.total_cmp(&a),
            (a, b) => b.is_some().cmp(&a.is_some()),
        }
    });
    let picked = paint::picks_out_own(chart);
    Cow::Owned(Chart {
        id: chart.id.clone(),
        kind: Kind::Bar,
        title: chart.title.clone(),
        subject: chart.subject.clone(),
        unit: chart.unit,
        decimals: chart.decimals,
        language: chart.language,
        categories: order
            .iter()
            .map(|&k| chart.series[k].name.clone())
            .collect(),
        series: vec![ChartSeries {
            name: chart.categories[latest].clone(),
            values: order
                .iter()
                .map(|&k| chart.series[k].value(latest))
                .collect(),
            markers: order
                .iter()
                .map(|&k| chart.series[k].marker(latest).map(str::to_owned))
                .collect(),
            comparator: false,
        }],
        spans: None,
        polarity: chart.polarity,
        own_category: if picked {
            order.iter().position(|&k| !chart.series[k].comparator)
        } else {
            None
        },
    })
}

/// A plain-English account of what `chart` shows as drawn ([`as_drawn`]), as
/// its `<desc>`: its message first, how the council compares, then what is
/// drawn.
pub fn description(chart: &Chart) -> String {
    describe::describe(&as_drawn(chart))
}

/// What a reader should take from `chart` as drawn, written from its figures
/// for the first line of its caption: "Children looked after rose to 308 in
/// June 2023, the highest since April 2022, when it was 301."
pub fn message(chart: &Chart) -> String {
    describe::message(&as_drawn(chart))
}

/// Writes the `<svg>` start tag, `<title>` and `<desc>` (holding `desc`) of a
/// drawing `width` by `height` units. The narrow drawing (`desc` empty) has no
/// `<desc>` of its own: it is described by the wide drawing's. How charts
/// look in forced colours and which drawing shows at which width are rules
/// of the site's stylesheet (`svg.chart`), written once for every chart, as
/// are the font ([`layout::FONT`] units) and the text's colour
/// ([`paint::TEXT`]). Inline in HTML, the `<svg>` needs no `xmlns`.
fn open(out: &mut String, chart: &Chart, (width, height): (i32, i32), desc: Desc<'_>) {
    let class = if width == layout::NARROW {
        "chart chart-narrow"
    } else {
        "chart chart-wide"
    };
    let _ = write!(
        out,
        "<svg class=\"{class}\" role=\"img\" aria-labelledby=\""
    );
    // The name is the title alone and the description the desc alone: named
    // by both, a screen reader reads the description twice.
    id_into(out, chart, "title");
    match desc {
        Desc::Own(_) => {
            out.push_str("\" aria-describedby=\"");
            id_into(out, chart, "desc");
        }
        Desc::Wide => {
            out.push_str("\" aria-describedby=\"");
            let wide = chart.id.strip_suffix("-n").unwrap_or(&chart.id);
            paint::escape_into(out, wide);
            out.push_str("-desc");
        }
        Desc::None => {}
    }
    let _ = write!(
        out,
        "\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">\n<title id=\"",
    );
    id_into(out, chart, "title");
    out.push_str("\">");
    paint::escape_into(out, &chart.title);
    out.push_str("</title>\n");
    if let Desc::Own(desc) = desc {
        out.push_str("<desc id=\"");
        id_into(out, chart, "desc");
        out.push_str("\">");
        paint::escape_into(out, desc);
        out.push_str("</desc>\n");
    }
}

/// Writes `{id}-{suffix}`, escaped for an attribute.
fn id_into(out: &mut String, chart: &Chart, suffix: &str) {
    paint::escape_into(out, &chart.id);
    out.push('-');
    out.push_str(suffix);
}

/// Ends the `<svg>`.
fn close(out: &mut String) {
    out.push_str("</svg>");
}

#[cfg(test)]
mod fit_tests;

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
pub(crate) mod welsh_tests;
