//! Reading one CSV file of figures, in either shape.
//!
//! Long (one figure a row: `indicator,period,value[,area][,breakdown][,note][,comment]`)
//! is what databases export; wide (`indicator[,area][,breakdown],<period>,<period>…`)
//! is what analysts keep in spreadsheets. Both become the same [`Record`]s, each
//! remembering its file, line and the column of every field, so any later problem
//! can point at the cell.
//!
//! A `note` is for readers and is kept with its figure. A `comment` is the
//! team's own remark: it is checked as a column and then dropped here, so no
//! later stage (pages, downloads, feeds) can ever publish it.

mod header;

use super::cell::{Figure, parse_cell};
use super::indicators::{Indicator, Unit};
use super::scan::{field_column, field_columns, unclosed_quote};
use crate::config::Config;
use crate::period::Period;
use crate::problem::{Problem, line_col, quote, suggest};
use header::{HeaderColumn, Shape};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

/// One figure as read from a row of a data file (or a workbook's sheet),
/// with where it came from.
#[derive(Debug, Clone)]
pub struct Record {
    /// Indicator id.
    pub indicator: String,
    /// The period the figure belongs to.
    pub period: Period,
    /// The figure.
    pub figure: Figure,
    /// `None` for the site's own area, else the comparator key.
    pub area: Option<String>,
    /// Category within the indicator, e.g. an age band.
    pub breakdown: Option<String>,
    /// A note on the figure, for readers: shown wherever the figure is.
    pub note: Option<String>,
    /// The file, relative to the site root.
    pub file: Arc<Path>,
    /// The sheet, for a row of a workbook: its line and column are a cell's.
    pub sheet: Option<Arc<String>>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the figure's cell.
    pub column: usize,
}

/// What reading needs to know to check a row.
pub struct ReadContext<'a> {
    /// Indicators from indicators.yaml.
    pub indicators: &'a BTreeMap<String, Indicator>,
    /// Ids indicators.yaml names, valid or not: rows of an entry with a problem
    /// are skipped quietly, the entry's own problem says what to fix.
    pub declared: &'a BTreeSet<String>,
    /// Site settings: the area, comparators and financial year.
    pub config: &'a Config,
    /// Whether indicators.yaml was read and parsed. When it was not, its own
    /// problem is the one to fix: no row is reported as of an unknown
    /// indicator, which would be every row.
    pub indicators_read: bool,
}

impl ReadContext<'_> {
    /// Maps an area cell to `None` (the site's area) or a comparator key.
    fn area(&self, text: &str) -> Result<Option<String>, (String, String)> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case(&self.config.area) {
            return Ok(None);
        }
        for (key, name) in &self.config.comparators {
            if text.eq_ignore_ascii_case(key) || text.eq_ignore_ascii_case(name) {
                return Ok(Some(key.clone()));
            }
        }
        let names = std::iter::once(self.config.area.as_str())
            .chain(self.config.comparators.values().map(String::as_str));
        let help = suggest(text, names).unwrap_or_else(|| {
            format!(
                "leave it empty for {}, or add it under [comparators] in site.toml",
                self.config.area
            )
        });
        Err((format!("unknown area {}", quote(text)), help))
    }
}

/// Reads one CSV file's text. Every problem found is returned, not just the first.
pub fn read(file: &Path, text: &str, cx: &ReadContext<'_>) -> (Vec<Record>, Vec<Problem>) {
    let file: Arc<Path> = Arc::from(file);
    // The csv crate counts "\r\n" as two lines; normalised, lines match an editor's.
    let whole = crate::fsutil::normalise_newlines(text.to_string());
    // The csv crate reads a quote never closed as one field to the end of the
    // file, so the rows after it would vanish into a note: only the records
    // before the one it opens in are read.
    let unclosed = unclosed_quote(&whole);
    let text = unclosed.map_or(whole.as_str(), |u| &whole[..u.record]);
    // The lines of what is read: a parallel run never starts past its end.
    let lines: Vec<&str> = text.lines().collect();
    let mut file_reader = FileReader::new(&file, &lines, cx);
    if let Some(unclosed) = unclosed {
        let (line, column) = line_col(&whole, unclosed.quote);
        file_reader.problems.push(
            Problem::error(&file, "this quote is never closed; the rows after it would be lost")
                .at(line, column)
                .help("end the quoted text with a `\"`; a `\"` inside quoted text is written twice, `\"\"`"),
        );
    }
    let mut reader = csv_reader(text.as_bytes());
    let mut records = reader.records();
    // The header is the first record with something in it.
    let header = loop {
        match records.next() {
            None => {
                if file_reader.problems.is_empty() {
                    file_reader.problems.push(
                        Problem::warning(&file, "this data file is empty")
                            .at_line(1)
                            .help("write a header and rows of figures in it, or delete it"),
                    );
                }
                return (file_reader.rows, file_reader.problems);
            }
            Some(Err(e)) => return (Vec::new(), vec![csv_problem(&file, &e, 1)]),
            Some(Ok(record)) if record.iter().all(|f| f.trim().is_empty()) => continue,
            Some(Ok(record)) => break record,
        }
    };
    let header_line = file_reader.line_of(&header, 0);
    let headers: Vec<&str> = header.iter().map(str::trim).collect();
    let names: Vec<String> = headers.iter().map(|h| h.to_ascii_lowercase()).collect();
    let shape = if !file_reader.distinct_columns(&names, &headers, header_line) {
        None
    } else if names.iter().any(|n| n == "value") {
        file_reader.long_shape(&names, header_line)
    } else {
        file_reader.wide_shape(&names, &headers, header_line)
    };
    let Some(shape) = shape else {
        return (file_reader.rows, file_reader.problems);
    };
    // Without quotes, a record is a line, so a long file can be read in
    // parallel, a run of lines each; rows and problems keep their order.
    if lines.len() > 2 * PARALLEL_LINES && !text.contains('"') {
        let offset = |line: &str| line.as_ptr() as usize - text.as_ptr() as usize;
        let starts: Vec<usize> = (header_line..lines.len()).step_by(PARALLEL_LINES).collect();
        let parts: Vec<(Vec<Record>, Vec<Problem>, usize)> = starts
            .par_iter()
            .map(|&first| {
                let end = lines
                    .get(first + PARALLEL_LINES)
                    .map_or(text.len(), |l| offset(l));
                let mut part = FileReader::new(&file, &lines, cx);
                let mut reader = csv_reader(&text.as_bytes()[offset(lines[first])..end]);
                part.records(&shape, names.len(), reader.records(), first);
                (part.rows, part.problems, part.records_read)
            })
            .collect();
        file_reader
            .rows
            .reserve(parts.iter().map(|(rows, _, _)| rows.len()).sum());
        for (rows, problems, records_read) in parts {
            file_reader.rows.extend(rows);
            file_reader.problems.extend(problems);
            file_reader.records_read += records_read;
        }
    } else {
        file_reader.records(&shape, names.len(), records, 0);
    }
    if file_reader.records_read == 0 && file_reader.problems.is_empty() {
        file_reader.problems.push(
            Problem::warning(&file, "this data file has a header but no rows of figures")
                .at_line(header_line)
                .help("add rows of figures below the header, or delete the file"),
        );
    }
    (file_reader.rows, file_reader.problems)
}

/// How many lines of a long file each thread reads at a time.
const PARALLEL_LINES: usize = 20_000;

/// A reader of records: the header is read as a record, and a row may have
/// any number of fields (a wrong number is reported, not fatal).
fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

impl<'a> FileReader<'a> {
    fn new(file: &Arc<Path>, lines: &'a [&'a str], cx: &'a ReadContext<'a>) -> FileReader<'a> {
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
    fn line_of(&self, record: &csv::StringRecord, lines_before: usize) -> usize {
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
    fn records(
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

struct FileReader<'a> {
    file: Arc<Path>,
    lines: &'a [&'a str],
    cx: &'a ReadContext<'a>,
    rows: Vec<Record>,
    problems: Vec<Problem>,
    /// Rows with something in them, read or not.
    records_read: usize,
}

impl FileReader<'_> {
    fn problem(&mut self, line: usize, field: usize, message: String, help: Option<String>) {
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

    fn long_row(&mut self, columns: &[HeaderColumn], fields: &[&str], line: usize) {
        let get = |c: fn(&HeaderColumn) -> bool| columns.iter().position(c).map(|i| (i, fields[i]));
        let (ii, indicator) = get(|c| matches!(c, HeaderColumn::Indicator)).unwrap_or((0, ""));
        let (pi, period) = get(|c| matches!(c, HeaderColumn::Period)).unwrap_or((0, ""));
        let (vi, value) = get(|c| matches!(c, HeaderColumn::Value)).unwrap_or((0, ""));
        let area = get(|c| matches!(c, HeaderColumn::Area));
        let breakdown = get(|c| matches!(c, HeaderColumn::Breakdown)).map(|(_, b)| b);
        let note = get(|c| matches!(c, HeaderColumn::Note)).map(|(_, n)| n);
        let Some(indicator) = self.indicator(indicator, line, ii) else {
            return;
        };
        let period = match Period::parse(period, self.cx.config.year_start_month) {
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
            file: self.file.clone(),
            sheet: None,
            line,
            column,
        });
    }

    fn wide_row(
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
    fn flag_odd(
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
                &self.file,
                format!("{} for `{indicator}`, which {why}", quote(text.trim())),
            )
            .at(line, column)
            .help("check the figure; if it is right, check the indicator's unit in data/indicators.yaml"),
        );
    }

    fn indicator(&mut self, text: &str, line: usize, field: usize) -> Option<String> {
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

/// A problem the csv crate found, at its line, else at `line`.
fn csv_problem(file: &Path, e: &csv::Error, line: usize) -> Problem {
    Problem::error(file, format!("cannot read this CSV: {e}"))
        .at_line(e.position().map_or(line, |p| p.line() as usize))
        .help("save the file as CSV UTF-8; quote fields that contain commas or quotes")
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
