//! Reading the rows of one CSV file once its header has said its shape:
//! each row's fields checked, cell by cell, and made into [`Record`]s, with
//! a problem at the cell for whatever cannot be read.

use super::header::{HeaderColumn, Shape};
use super::{ReadContext, Record, csv_problem};
use crate::data::cell::{Figure, parse_cell};
use crate::data::indicators::Unit;
use crate::data::scan::{field_column, field_columns};
use crate::period::Period;
use crate::problem::{Id, Problem, quote, suggest};
use std::path::Path;
use std::sync::Arc;

/// A reader of records: the header is read as a record, and a row may have
/// any number of fields (a wrong number is reported, not fatal).
pub(super) fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

impl<'a> FileReader<'a> {
    pub(super) fn new(
        file: &Arc<Path>,
        lines: &'a [&'a str],
        cx: &'a ReadContext<'a>,
    ) -> FileReader<'a> {
        FileReader {
            file: file.clone(),
            lines,
            cx,
            rows: Vec::new(),
            problems: Vec::new(),
            records_read: 0,
        }
    }

    /// The 1-based line of a record that starts `lines_before` lines into the file.
    pub(super) fn line_of(&self, record: &csv::StringRecord, lines_before: usize) -> usize {
        let mut line = lines_before + record.position().map_or(1, |p| p.line() as usize);
        // The csv crate places a record where its search began: at the
        // empty lines before it, which it skips.
        while self
            .lines
            .get(line.wrapping_sub(1))
            .is_some_and(|l| l.is_empty())
        {
            line += 1;
        }
        line
    }

    /// Reads `records`, which start `lines_before` lines into the file.
    pub(super) fn records(
        &mut self,
        shape: &Shape,
        columns: usize,
        records: csv::StringRecordsIter<'_, &[u8]>,
        lines_before: usize,
    ) {
        for record in records {
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    self.problems
                        .push(csv_problem(&self.file, &e, lines_before + 1));
                    continue;
                }
            };
            let line = self.line_of(&record, lines_before);
            let fields: Vec<&str> = record.iter().collect();
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            self.records_read += 1;
            if fields.len() != columns {
                self.problems.push(
                    Problem::error(&self.file, format!("this row has {} fields but the header has {columns}", fields.len()))
                        .at(line, 1)
                        .help("every row needs one field for each column of the header; check for a missing or extra comma, or quote text that contains a comma"),
                );
                continue;
            }
            match shape {
                Shape::Long(columns) => self.long_row(columns, &fields, line),
                Shape::Wide { labels, periods } => self.wide_row(labels, periods, &fields, line),
            }
        }
    }
}

pub(super) struct FileReader<'a> {
    pub(super) file: Arc<Path>,
    pub(super) lines: &'a [&'a str],
    pub(super) cx: &'a ReadContext<'a>,
    pub(super) rows: Vec<Record>,
    pub(super) problems: Vec<Problem>,
    /// Rows with something in them, read or not.
    pub(super) records_read: usize,
}

impl FileReader<'_> {
    pub(super) fn problem(
        &mut self,
        line: usize,
        field: usize,
        message: String,
        help: Option<String>,
    ) {
        let column = field_column(
            self.lines.get(line.wrapping_sub(1)).copied().unwrap_or(""),
            field,
        );
        self.problems.push(
            Problem::error(&self.file, message)
                .at(line, column)
                .maybe_help(help),
        );
    }

    pub(super) fn long_row(&mut self, columns: &[HeaderColumn], fields: &[&str], line: usize) {
        let get = |c: fn(&HeaderColumn) -> bool| columns.iter().position(c).map(|i| (i, fields[i]));
        let (ii, indicator) = get(|c| matches!(c, HeaderColumn::Indicator)).unwrap_or((0, ""));
        let (pi, period) = get(|c| matches!(c, HeaderColumn::Period)).unwrap_or((0, ""));
        let (vi, value) = get(|c| matches!(c, HeaderColumn::Value)).unwrap_or((0, ""));
        let area = get(|c| matches!(c, HeaderColumn::Area));
        let breakdown = get(|c| matches!(c, HeaderColumn::Breakdown)).map(|(_, b)| b);
        let note = get(|c| matches!(c, HeaderColumn::Note)).map(|(_, n)| n);
        let note_cy = get(|c| matches!(c, HeaderColumn::NoteWelsh)).map(|(_, n)| n);
        let Some(indicator) = self.indicator(indicator, line, ii) else {
            return;
        };
        let period = match self.cx.period(period) {
            Ok(p) => p,
            Err(e) => return self.problem(line, pi, e.to_string(), None),
        };
        let area = match area {
            None => None,
            Some((ai, text)) => match self.cx.area(text) {
                Ok(a) => a,
                Err((message, help)) => return self.problem(line, ai, message, Some(help)),
            },
        };
        let figure = match parse_cell(value) {
            Ok(Some(f)) => f,
            Ok(None) => {
                return self.problem(
                    line,
                    vi,
                    "no value".into(),
                    Some("write the figure, or a marker such as [x] (not available) or [c] (confidential)".into()),
                );
            }
            Err(message) => return self.problem(line, vi, message, None),
        };
        let column = field_column(self.lines.get(line - 1).copied().unwrap_or(""), vi);
        self.flag_odd(&indicator, &figure, value, line, column);
        self.rows.push(Record {
            indicator,
            period,
            figure,
            area,
            breakdown: non_empty(breakdown),
            note: non_empty(note),
            note_cy: non_empty(note_cy),
            file: self.file.clone(),
            sheet: None,
            line,
            column,
        });
    }

    pub(super) fn wide_row(
        &mut self,
        labels: &[(usize, HeaderColumn)],
        periods: &[(usize, Period)],
        fields: &[&str],
        line: usize,
    ) {
        let Some(indicator) = self.indicator(fields[0], line, 0) else {
            return;
        };
        let mut area = None;
        let mut breakdown = None;
        for &(i, column) in labels {
            match column {
                HeaderColumn::Area => match self.cx.area(fields[i]) {
                    Ok(a) => area = a,
                    Err((message, help)) => return self.problem(line, i, message, Some(help)),
                },
                HeaderColumn::Breakdown => breakdown = non_empty(Some(fields[i])),
                _ => {}
            }
        }
        // Columns of every field, found in one pass over the line.
        let columns = field_columns(self.lines.get(line - 1).copied().unwrap_or(""));
        for &(i, period) in periods {
            match parse_cell(fields[i]) {
                Ok(None) => {}
                Ok(Some(figure)) => {
                    let column = columns.get(i).copied().unwrap_or(1);
                    self.flag_odd(&indicator, &figure, fields[i], line, column);
                    self.rows.push(Record {
                        indicator: indicator.clone(),
                        period,
                        figure,
                        area: area.clone(),
                        breakdown: breakdown.clone(),
                        note: None,
                        note_cy: None,
                        file: self.file.clone(),
                        sheet: None,
                        line,
                        column,
                    });
                }
                Err(message) => self.problem(
                    line,
                    i,
                    format!("{message} (column {})", period.short_label()),
                    None,
                ),
            }
        }
    }

    /// Warns of a figure its indicator's unit makes unlikely: a percentage
    /// outside 0 to 100, a negative count. It may be right, so it is shown,
    /// not refused.
    pub(super) fn flag_odd(
        &mut self,
        indicator: &str,
        figure: &Figure,
        text: &str,
        line: usize,
        column: usize,
    ) {
        let (Some(value), Some(unit)) = (
            figure.value,
            self.cx.indicators.get(indicator).map(|i| i.unit),
        ) else {
            return;
        };
        let why = match unit {
            Unit::Percent if !(0.0..=100.0).contains(&value) => {
                "is a percentage, which runs from 0 to 100"
            }
            Unit::Count if value < 0.0 => "is a count, which cannot be negative",
            _ => return,
        };
        self.problems.push(
            Problem::warning(
                Id::OutOfRange,
                &self.file,
                format!("{} for `{indicator}`, which {why}", quote(text.trim())),
            )
            .at(line, column)
            .help("check the figure; if it is right, check the indicator's unit in data/indicators.yaml"),
        );
    }

    pub(super) fn indicator(&mut self, text: &str, line: usize, field: usize) -> Option<String> {
        let id = text.trim();
        if self.cx.indicators.contains_key(id) {
            return Some(id.to_string());
        }
        if self.cx.declared.contains(id) || !self.cx.indicators_read {
            return None;
        }
        let (message, help) = if id.is_empty() {
            (
                "no indicator".to_string(),
                "write the indicator's id from data/indicators.yaml".to_string(),
            )
        } else {
            (
                format!("unknown indicator {}", quote(id)),
                suggest(id, self.cx.indicators.keys().map(String::as_str))
                    .unwrap_or_else(|| "describe it in data/indicators.yaml first".into()),
            )
        };
        self.problem(line, field, message, Some(help));
        None
    }
}

fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}
