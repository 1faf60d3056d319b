//! A grid as a table's view: its cells with their symbols, the numbered
//! notes under it and the key to the symbols it uses, and the markup of its
//! rows, the one place a cell's markup is written. A chart's own table is
//! this same view, so the two never disagree.

use crate::data::cell::Marker;
use crate::escape::escape_into;
use crate::i18n::{Language, list, word};
use crate::query::figures::Grid;
use crate::templates::views::{
    Html, MarkerView, NoteView, Rows, TableCellView, TableRowView, TableView,
};
use std::collections::HashMap;
use std::sync::Arc;

pub(super) fn table_view(id: &str, grid: &Grid, csv_name: &str) -> TableView {
    let language = grid.language;
    let mut notes = Notes::new(id, grid.columns.len() > 1, language);
    let mut rows = Vec::with_capacity(grid.rows.len());
    for (r, label) in grid.rows.iter().enumerate() {
        let cells = grid
            .columns
            .iter()
            .map(|column| match &column.cells[r] {
                Some(cell) if cell.value.is_some() || !cell.markers.is_empty() => TableCellView {
                    text: cell
                        .value
                        .map(|_| cell.text.split(" [").next().unwrap_or("").to_string())
                        .unwrap_or_default(),
                    markers: cell
                        .markers
                        .iter()
                        .map(|&m| MarkerView::in_language(m, language))
                        .collect(),
                    empty: false,
                    note: cell
                        .note
                        .as_deref()
                        .map(|note| notes.number(note, label, &column.name)),
                },
                _ => TableCellView {
                    text: String::new(),
                    markers: Vec::new(),
                    empty: true,
                    note: None,
                },
            })
            .collect();
        rows.push(TableRowView {
            label: label.clone(),
            cells,
        });
    }
    let markers = key(grid, &rows);
    TableView {
        id: id.to_string(),
        caption: grid.title.clone(),
        row_heading: row_heading(grid),
        columns: grid.columns.iter().map(|c| c.name.clone()).collect(),
        columns_html: grid
            .columns
            .iter()
            .map(|c| crate::escape::escape_keeping_years(&c.name))
            .collect(),
        rows_html: Html::new(rows_html(id, &rows, language)),
        rows: Arc::new(Rows(rows)),
        markers,
        notes: notes.views(),
        csv: csv_name.to_string(),
        source: grid.source.clone(),
    }
}

/// The heading over a grid's row labels, in its language: `Period`,
/// `Category`, `Area`.
fn row_heading(grid: &Grid) -> &'static str {
    let id = match grid.row_heading {
        "Period" => "table-period",
        "Category" => "table-category",
        "Area" => "table-area",
        // A heading the query layer has not named here is shown as it is.
        other => return other,
    };
    word(grid.language, id)
}

/// A figure as a table's cell shows it: `308 <abbr …>[p]</abbr>`, or `[x]`
/// where there is no figure at all. A single figure is shown so, too.
pub(super) fn cell_html(out: &mut String, cell: &TableCellView, language: Language) {
    if cell.empty {
        out.push_str("<abbr class=\"marker\" title=\"");
        escape_into(out, word(language, "not-available"));
        out.push_str("\">[x]</abbr>");
        return;
    }
    escape_into(out, &cell.text);
    for marker in &cell.markers {
        if !cell.text.is_empty() {
            out.push(' ');
        }
        out.push_str("<abbr class=\"marker\" title=\"");
        escape_into(out, marker.meaning);
        out.push_str("\">");
        escape_into(out, marker.code);
        out.push_str("</abbr>");
    }
}

/// The table's rows, each on a new line: the row's heading, then each cell
/// with its figure, `[x]` said as "no figure", and a figure's note referred
/// to by number. A table of a long history has thousands of cells, which
/// the template engine took a quarter of a build to write one by one.
fn rows_html(id: &str, rows: &[TableRowView], language: Language) -> String {
    let no_figure = word(language, "no-figure");
    let note_word = word(language, "table-note");
    let mut out = String::new();
    for row in rows {
        out.push_str("\n<tr><th scope=\"row\">");
        escape_into(&mut out, &row.label);
        out.push_str("</th>");
        for cell in &row.cells {
            out.push_str("<td class=\"num\">");
            if cell.empty {
                out.push_str("<span class=\"no-figure\">");
                cell_html(&mut out, cell, language);
                out.push_str("<span class=\"visually-hidden\"> ");
                escape_into(&mut out, no_figure);
                out.push_str("</span></span>");
            } else {
                cell_html(&mut out, cell, language);
                if let Some(note) = cell.note {
                    out.push_str("<sup class=\"note-ref\"><a href=\"#");
                    escape_into(&mut out, id);
                    out.push_str(&format!("-note-{note}\"><span class=\"visually-hidden\">"));
                    escape_into(&mut out, note_word);
                    out.push_str(&format!(" </span>{note}</a></sup>"));
                }
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out
}

/// The notes of a table's figures, numbered in reading order. A note on
/// several figures is listed once, naming each of them.
pub(super) struct Notes {
    /// The table's id, which each note's id starts with.
    id: String,
    /// Whether a figure is named by its column as well as its row.
    by_column: bool,
    /// Each note's text and the figures it is about, in order of number.
    list: Vec<(String, Vec<String>)>,
    /// Index in `list` of each note's text.
    numbers: HashMap<String, usize>,
    /// The language the list of figures is written in.
    language: Language,
}

impl Notes {
    pub(super) fn new(id: &str, by_column: bool, language: Language) -> Notes {
        Notes {
            id: id.to_string(),
            by_column,
            list: Vec::new(),
            numbers: HashMap::new(),
            language,
        }
    }

    /// The number of `text`, the note of the figure at `row` and `column`.
    pub(super) fn number(&mut self, text: &str, row: &str, column: &str) -> usize {
        let figure = if self.by_column {
            format!("{row}, {column}")
        } else {
            row.to_string()
        };
        let index = *self.numbers.entry(text.to_string()).or_insert_with(|| {
            self.list.push((text.to_string(), Vec::new()));
            self.list.len() - 1
        });
        self.list[index].1.push(figure);
        index + 1
    }

    /// The notes as listed: `2021-22 and 2022-23: Average for the year`. A
    /// figure named by row and column has a comma, so those are kept apart
    /// by semicolons: `2021-22, England; 2022-23, England`.
    pub(super) fn views(self) -> Vec<NoteView> {
        let id = self.id;
        let by_column = self.by_column;
        let language = self.language;
        self.list
            .into_iter()
            .enumerate()
            .map(|(i, (text, figures))| NoteView {
                number: i + 1,
                id: format!("{id}-note-{}", i + 1),
                figures: if by_column {
                    figures.join("; ")
                } else {
                    list(language, &figures)
                },
                text,
            })
            .collect()
    }
}

/// The symbols a table uses, in key order: its figures' own, and `[x]`
/// where a cell has no figure at all.
fn key(grid: &Grid, rows: &[TableRowView]) -> Vec<MarkerView> {
    let mut markers = grid.markers();
    if rows.iter().flat_map(|r| &r.cells).any(|c| c.empty) {
        markers.push(Marker::NotAvailable);
        markers.sort();
        markers.dedup();
    }
    markers
        .into_iter()
        .map(|m| MarkerView::in_language(m, grid.language))
        .collect()
}
