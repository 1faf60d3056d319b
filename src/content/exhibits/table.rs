//! A grid as a table's view: its cells with their symbols, the numbered
//! notes under it and the key to the symbols it uses. A chart's own table is
//! this same view, so the two never disagree.

use crate::data::cell::Marker;
use crate::query::figures::Grid;
use crate::templates::views::{MarkerView, NoteView, TableCellView, TableRowView, TableView};
use std::collections::HashMap;

pub(super) fn table_view(id: &str, grid: &Grid, csv_name: &str) -> TableView {
    let mut notes = Notes::new(id, grid.columns.len() > 1);
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
                    markers: cell.markers.iter().map(|m| marker_view(*m)).collect(),
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
        row_heading: grid.row_heading,
        columns: grid.columns.iter().map(|c| c.name.clone()).collect(),
        columns_html: grid
            .columns
            .iter()
            .map(|c| crate::escape::escape_keeping_years(&c.name))
            .collect(),
        rows,
        markers,
        notes: notes.views(),
        csv: csv_name.to_string(),
        source: grid.source.clone(),
    }
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
}

impl Notes {
    pub(super) fn new(id: &str, by_column: bool) -> Notes {
        Notes {
            id: id.to_string(),
            by_column,
            list: Vec::new(),
            numbers: HashMap::new(),
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
        self.list
            .into_iter()
            .enumerate()
            .map(|(i, (text, figures))| NoteView {
                number: i + 1,
                id: format!("{id}-note-{}", i + 1),
                figures: if by_column {
                    figures.join("; ")
                } else {
                    match figures.split_last() {
                        Some((last, rest)) if !rest.is_empty() => {
                            format!("{} and {last}", rest.join(", "))
                        }
                        _ => figures.concat(),
                    }
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
    markers.into_iter().map(marker_view).collect()
}

pub(super) fn marker_view(marker: Marker) -> MarkerView {
    MarkerView {
        code: marker.code(),
        meaning: marker.meaning(),
    }
}
