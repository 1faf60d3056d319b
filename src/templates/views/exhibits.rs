//! What a chart's or table's partial sees: the figure, its table's rows and
//! cells, and the notes under it.

use super::MarkerView;
use serde::Serialize;

/// One cell of a figures table.
#[derive(Debug, Serialize)]
pub struct TableCellView {
    /// The figure without its markers: `308`, `55%`; empty when suppressed.
    pub text: String,
    /// Its markers, each with its meaning for `<abbr title>`.
    pub markers: Vec<MarkerView>,
    /// No figure at all for this row and column: shown as `[x]`, not available.
    pub empty: bool,
    /// The number of the figure's note, if it has one: its reference links
    /// to `#<table id>-note-<number>`.
    pub note: Option<usize>,
}

/// A note for readers on one or more figures of a table or chart, listed
/// under it and numbered as the figures' references are.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    /// 1, 2…: the notes are listed in this order.
    pub number: usize,
    /// Unique on the page: `figure-3-note-1`.
    pub id: String,
    /// The figures it is about, as a reader finds them: `Q1 2023-24`,
    /// `2021-22 and 2022-23`, or `2021-22, England; 2022-23, England` when the
    /// table has more than one column.
    pub figures: String,
    /// The note.
    pub text: String,
}

/// One row of a figures table.
#[derive(Debug, Serialize)]
pub struct TableRowView {
    /// The row's heading: a period, category or area.
    pub label: String,
    /// One cell per column.
    pub cells: Vec<TableCellView>,
}

/// A table of figures, from `table()` or under a chart.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// Unique on the page: `figure-3`.
    pub id: String,
    /// The caption.
    pub caption: String,
    /// The heading over the row labels: `Period`, `Category`, `Area`.
    pub row_heading: &'static str,
    /// Column headings.
    pub columns: Vec<String>,
    /// Column headings as HTML, escaped, each financial year in them kept on
    /// one line (`<span class="period">2022-23</span>`).
    pub columns_html: Vec<String>,
    /// The rows.
    pub rows: Vec<TableRowView>,
    /// Markers used in the table, for its key.
    pub markers: Vec<MarkerView>,
    /// Notes on its figures, listed under it. Empty under a chart: the
    /// chart lists them itself, outside the closed table.
    pub notes: Vec<NoteView>,
    /// The CSV file with these figures, relative to the page.
    pub csv: String,
    /// Where the figures come from.
    pub source: String,
}

/// A chart with its table, from `chart()`.
#[derive(Debug, Serialize)]
pub struct FigureView {
    /// Unique on the page: `figure-3`.
    pub id: String,
    /// The chart's title, as its author gave it.
    pub title: String,
    /// What the chart shows, in one sentence written from its figures, first
    /// in the caption: `Rose to 308 in June 2023, the highest since April
    /// 2022.`; empty for a single figure.
    pub message: String,
    /// `April 2022 to June 2023`.
    pub range: String,
    /// The chart as inline SVG; empty for a single figure.
    pub svg: String,
    /// One figure for one period, shown as a figure (the table's only cell)
    /// rather than as a chart of one point.
    pub single: bool,
    /// The symbols the chart's figures use, for a key beside it; the table
    /// closed under it keys only what it alone shows (`[x]` for no figure).
    pub markers: Vec<MarkerView>,
    /// Notes on its figures, listed under the chart where they show without
    /// opening the table; the table's cells refer to them.
    pub notes: Vec<NoteView>,
    /// Link to the page of the indicator it shows, or empty on that page itself.
    pub indicator_url: String,
    /// That indicator's title, for the link's text.
    pub indicator_title: String,
    /// The same figures as a table.
    pub table: TableView,
}
