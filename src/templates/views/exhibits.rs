//! What a chart's or table's partial sees: the figure, its table's rows and
//! cells, and the notes under it.

use super::MarkerView;
use minijinja::Value;
use minijinja::value::{Enumerator, Object, ObjectRepr};
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// Markup outturn has written, with any text in it escaped: a template
/// writes it as it is, without `|safe`.
#[derive(Debug, Clone)]
pub struct Html(Value);

impl Html {
    /// `html`, which the caller has written and escaped.
    pub fn new(html: String) -> Html {
        Html(Value::from_safe_string(html))
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        self.0.as_str().unwrap_or_default()
    }
}

impl Serialize for Html {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

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

/// A table's rows, which a template reads as a list. A row becomes a value
/// only when a template reads it: a long history has thousands of cells,
/// and the built-in partial reads none of them (it writes `.rows_html`).
#[derive(Debug)]
pub struct Rows(pub Vec<TableRowView>);

impl std::ops::Deref for Rows {
    type Target = [TableRowView];

    fn deref(&self) -> &[TableRowView] {
        &self.0
    }
}

impl Object for Rows {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        Some(Value::from_serialize(self.0.get(key.as_usize()?)?))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
}

fn rows_as_list<S: Serializer>(rows: &Arc<Rows>, serializer: S) -> Result<S::Ok, S::Error> {
    Value::from_dyn_object(rows.clone()).serialize(serializer)
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
    #[serde(serialize_with = "rows_as_list")]
    pub rows: Arc<Rows>,
    /// The rows as the built-in theme writes them, escaped HTML, each
    /// starting on a new line: `<tr><th scope="row">…</th><td class="num">…`.
    /// A theme that wants other markup for its cells loops over `.rows`.
    pub rows_html: Html,
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
    /// What the chart shows, written from its figures, first in the
    /// caption: `Children looked after rose to 308 in June 2023, from 292 in
    /// March 2023.`; empty for a single figure.
    pub message: String,
    /// `April 2022 to June 2023`.
    pub range: String,
    /// The chart as inline SVG; empty for a single figure.
    pub svg: Html,
    /// One figure for one period, shown as a figure (the table's only cell)
    /// rather than as a chart of one point.
    pub single: bool,
    /// That one figure as a table's cell shows it: `308`, then each marker
    /// as `<abbr class="marker" title="provisional">[p]</abbr>`, or `[x]`,
    /// not available; empty unless `.single`.
    pub single_html: Html,
    /// Whose that one figure is, when it is a comparator's (`England`):
    /// a figure alone must never pass for the council's own; empty for the
    /// site's own area or unless `.single`.
    pub single_area: String,
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
