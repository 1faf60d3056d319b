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
mod rows;

use super::cell::Figure;
use super::indicators::Indicator;
use super::scan::unclosed_quote;
use crate::config::Config;
use crate::period::{DayOrder, Period, PeriodError};
use crate::problem::{Id, Problem, line_col, quote, suggest};
use rayon::prelude::*;
use rows::{FileReader, csv_reader};
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
    /// The note in Welsh (`note_cy`), shown on a bilingual site's Welsh pages.
    pub note_cy: Option<String>,
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
    /// Whether the site is published in Welsh too, so a `note_cy` column has
    /// a page to be shown on.
    fn welsh(&self) -> bool {
        (self.config)
            .translation_in(crate::i18n::Language::Welsh)
            .is_some()
    }

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

    /// A period cell or header, as written or as a spreadsheet writes a month
    /// (`Oct-23`, `31/10/2023` read in the site's language's date order).
    fn period(&self, text: &str) -> Result<Period, PeriodError> {
        let order = DayOrder::of_language(&self.config.language);
        Period::parse_in_data(text, self.config.year_start_month, order)
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
                        Problem::warning(Id::EmptyDataFile, &file, "this data file is empty")
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
            Problem::warning(
                Id::EmptyDataFile,
                &file,
                "this data file has a header but no rows of figures",
            )
            .at_line(header_line)
            .help("add rows of figures below the header, or delete the file"),
        );
    }
    (file_reader.rows, file_reader.problems)
}

/// How many lines of a long file each thread reads at a time.
const PARALLEL_LINES: usize = 20_000;

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
