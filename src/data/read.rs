//! Reading one CSV file of figures, in either shape.
//!
//! Long (one figure a row: `indicator,period,value[,area][,breakdown][,note]`) is
//! what databases export; wide (`indicator[,area][,breakdown],<period>,<period>…`)
//! is what analysts keep in spreadsheets. Both become the same [`Row`]s, each
//! remembering its file, line and the column of every field, so any later problem
//! can point at the cell.

use super::cell::{Figure, parse_cell};
use super::indicators::Indicator;
use crate::config::Config;
use crate::period::Period;
use crate::problem::{Problem, suggest};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

/// One figure as read, with where it came from.
#[derive(Debug, Clone)]
pub struct Row {
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
    /// A note on the figure.
    pub note: Option<String>,
    /// The file, relative to the site root.
    pub file: Arc<Path>,
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
        Err((format!("unknown area `{text}`"), help))
    }
}

#[derive(Clone, Copy)]
enum Column {
    Indicator,
    Period,
    Value,
    Area,
    Breakdown,
    Note,
}

const LONG_COLUMNS: [(&str, Column); 6] = [
    ("indicator", Column::Indicator),
    ("period", Column::Period),
    ("value", Column::Value),
    ("area", Column::Area),
    ("breakdown", Column::Breakdown),
    ("note", Column::Note),
];

/// Reads one CSV file's text. Every problem found is returned, not just the first.
pub fn read(file: &Path, text: &str, cx: &ReadContext<'_>) -> (Vec<Row>, Vec<Problem>) {
    let file: Arc<Path> = Arc::from(file);
    // The csv crate counts "\r\n" as two lines; normalised, lines match an editor's.
    let text = crate::fsutil::normalise_newlines(text.to_string());
    let text = text.as_str();
    let lines: Vec<&str> = text.lines().collect();
    let mut reader = csv_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        None => return (Vec::new(), Vec::new()),
        Some(Err(e)) => return (Vec::new(), vec![csv_problem(&file, &e)]),
        Some(Ok(h)) => h,
    };
    let headers: Vec<&str> = header.iter().map(str::trim).collect();
    let names: Vec<String> = headers.iter().map(|h| h.to_ascii_lowercase()).collect();
    let mut file_reader = FileReader::new(&file, &lines, cx);
    let shape = if names.iter().any(|n| n == "value") {
        file_reader.long_shape(&names)
    } else {
        file_reader.wide_shape(&names, &headers)
    };
    let Some(shape) = shape else {
        return (file_reader.rows, file_reader.problems);
    };
    // Without quotes, a record is a line, so a long file can be read in
    // parallel, a run of lines each; rows and problems keep their order.
    if lines.len() > 2 * PARALLEL_LINES && !text.contains('"') {
        let offset = |line: &str| line.as_ptr() as usize - text.as_ptr() as usize;
        // The header is the first line that is not empty.
        let header = lines.iter().position(|l| !l.is_empty()).unwrap_or(0);
        let starts: Vec<usize> = (header + 1..lines.len()).step_by(PARALLEL_LINES).collect();
        let parts: Vec<(Vec<Row>, Vec<Problem>)> = starts
            .par_iter()
            .map(|&first| {
                let end = lines
                    .get(first + PARALLEL_LINES)
                    .map_or(text.len(), |l| offset(l));
                let mut part = FileReader::new(&file, &lines, cx);
                let mut reader = csv_reader(&text.as_bytes()[offset(lines[first])..end]);
                part.records(&shape, names.len(), reader.records(), first);
                (part.rows, part.problems)
            })
            .collect();
        file_reader
            .rows
            .reserve(parts.iter().map(|(rows, _)| rows.len()).sum());
        for (rows, problems) in parts {
            file_reader.rows.extend(rows);
            file_reader.problems.extend(problems);
        }
    } else {
        file_reader.records(&shape, names.len(), records, 0);
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
        }
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
                    self.problems.push(csv_problem(&self.file, &e));
                    continue;
                }
            };
            let mut line = lines_before + record.position().map_or(0, |p| p.line() as usize);
            // The csv crate places a record where its search began: at the
            // empty lines before it, which it skips.
            while self
                .lines
                .get(line.wrapping_sub(1))
                .is_some_and(|l| l.is_empty())
            {
                line += 1;
            }
            let fields: Vec<&str> = record.iter().collect();
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
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

enum Shape {
    Long(Vec<Column>),
    Wide {
        /// (field index, column) for indicator, area, breakdown.
        labels: Vec<(usize, Column)>,
        /// (field index, period) for every period column.
        periods: Vec<(usize, Period)>,
    },
}

struct FileReader<'a> {
    file: Arc<Path>,
    lines: &'a [&'a str],
    cx: &'a ReadContext<'a>,
    rows: Vec<Row>,
    problems: Vec<Problem>,
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

    fn long_shape(&mut self, names: &[String]) -> Option<Shape> {
        let mut columns = Vec::new();
        for (i, name) in names.iter().enumerate() {
            match LONG_COLUMNS.iter().find(|(n, _)| n == name) {
                Some((_, column)) => columns.push(*column),
                None => {
                    let help = suggest(name, LONG_COLUMNS.map(|(n, _)| n)).unwrap_or_else(|| {
                        "the columns are indicator, period, value, and optionally area, breakdown and note".into()
                    });
                    self.problem(1, i, format!("unknown column `{name}`"), Some(help));
                }
            }
        }
        for required in ["indicator", "period", "value"] {
            if !names.iter().any(|n| n == required) {
                self.problem(1, 0, format!("no `{required}` column"), Some("a long-shaped file has the columns indicator, period, value, and optionally area, breakdown and note".into()));
            }
        }
        (self.problems.is_empty() && columns.len() == names.len()).then_some(Shape::Long(columns))
    }

    fn wide_shape(&mut self, names: &[String], headers: &[&str]) -> Option<Shape> {
        if names.first().map(String::as_str) != Some("indicator") {
            self.problem(
                1,
                0,
                "the first column must be `indicator`".into(),
                Some("write either a long file (indicator,period,value,…) or a wide one (indicator,<period>,<period>,…); see the README".into()),
            );
            return None;
        }
        let mut labels = vec![(0, Column::Indicator)];
        let mut periods = Vec::new();
        let before = self.problems.len();
        for (i, name) in names.iter().enumerate().skip(1) {
            match name.as_str() {
                "area" if periods.is_empty() => labels.push((i, Column::Area)),
                "breakdown" if periods.is_empty() => labels.push((i, Column::Breakdown)),
                _ => match Period::parse(headers[i], self.cx.config.year_start_month) {
                    Ok(p) => periods.push((i, p)),
                    Err(e) => self.problem(
                        1,
                        i,
                        format!("column header {e}"),
                        Some("in a wide file every column after indicator (and area, breakdown) is headed by a period".into()),
                    ),
                },
            }
        }
        (self.problems.len() == before).then_some(Shape::Wide { labels, periods })
    }

    fn long_row(&mut self, columns: &[Column], fields: &[&str], line: usize) {
        let get = |c: fn(&Column) -> bool| columns.iter().position(c).map(|i| (i, fields[i]));
        let (ii, indicator) = get(|c| matches!(c, Column::Indicator)).unwrap_or((0, ""));
        let (pi, period) = get(|c| matches!(c, Column::Period)).unwrap_or((0, ""));
        let (vi, value) = get(|c| matches!(c, Column::Value)).unwrap_or((0, ""));
        let area = get(|c| matches!(c, Column::Area));
        let breakdown = get(|c| matches!(c, Column::Breakdown)).map(|(_, b)| b);
        let note = get(|c| matches!(c, Column::Note)).map(|(_, n)| n);
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
        self.rows.push(Row {
            indicator,
            period,
            figure,
            area,
            breakdown: non_empty(breakdown),
            note: non_empty(note),
            file: self.file.clone(),
            line,
            column,
        });
    }

    fn wide_row(
        &mut self,
        labels: &[(usize, Column)],
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
                Column::Area => match self.cx.area(fields[i]) {
                    Ok(a) => area = a,
                    Err((message, help)) => return self.problem(line, i, message, Some(help)),
                },
                Column::Breakdown => breakdown = non_empty(Some(fields[i])),
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
                    self.rows.push(Row {
                        indicator: indicator.clone(),
                        period,
                        figure,
                        area: area.clone(),
                        breakdown: breakdown.clone(),
                        note: None,
                        file: self.file.clone(),
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

    fn indicator(&mut self, text: &str, line: usize, field: usize) -> Option<String> {
        let id = text.trim();
        if self.cx.indicators.contains_key(id) {
            return Some(id.to_string());
        }
        if self.cx.declared.contains(id) {
            return None;
        }
        let (message, help) = if id.is_empty() {
            (
                "no indicator".to_string(),
                "write the indicator's id from data/indicators.yaml".to_string(),
            )
        } else {
            (
                format!("unknown indicator `{id}`"),
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

/// The 1-based character column where field `index` starts in a raw CSV line.
fn field_column(line: &str, index: usize) -> usize {
    field_columns(line)
        .get(index)
        .copied()
        .unwrap_or(line.chars().count() + 1)
}

/// The 1-based character column where each field starts in a raw CSV line.
fn field_columns(line: &str) -> Vec<usize> {
    let mut columns = vec![1];
    let mut quoted = false;
    for (column, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => columns.push(column + 2),
            _ => {}
        }
    }
    columns
}

fn csv_problem(file: &Path, e: &csv::Error) -> Problem {
    let problem = Problem::error(file, format!("cannot read this CSV: {e}"));
    match e.position() {
        Some(p) => problem.at_line(p.line() as usize),
        None => problem,
    }
    .help("save the file as CSV UTF-8; quote fields that contain commas or quotes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::cell::Marker;

    fn context() -> (BTreeMap<String, Indicator>, Config) {
        let (indicators, problems) = crate::data::indicators::parse(
            "cla_count:\n  title: CLA\n  unit: count\ncla_rate:\n  title: Rate\n  unit: rate_per_10k\n",
        );
        assert!(problems.is_empty());
        let config = Config::parse(
            "title = \"T\"\npublisher = \"P\"\narea = \"Thurrock\"\n[comparators]\nsn = \"Statistical neighbours\"\nengland = \"England\"\n",
        )
        .unwrap();
        (indicators, config)
    }

    fn read_text(text: &str) -> (Vec<Row>, Vec<String>) {
        let (indicators, config) = context();
        let declared = indicators.keys().cloned().collect();
        let cx = ReadContext {
            indicators: &indicators,
            declared: &declared,
            config: &config,
        };
        let (rows, problems) = read(Path::new("data/x.csv"), text, &cx);
        (rows, problems.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn reads_long_shape() {
        let (rows, problems) = read_text(
            "indicator,period,value,area,breakdown,note\ncla_count,2023-06,308,,,\ncla_rate,2023-03,68.3,Statistical neighbours,,benchmark\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].figure.value, Some(308.0));
        assert_eq!(rows[0].area, None);
        assert_eq!(rows[1].area.as_deref(), Some("sn"));
        assert_eq!(rows[1].note.as_deref(), Some("benchmark"));
        assert_eq!((rows[1].line, rows[1].column), (3, 18));
    }

    #[test]
    fn reads_wide_shape_skipping_empty_cells() {
        let (rows, problems) = read_text(
            "indicator,area,2023-04,2023-05,2023-06\ncla_count,,294,,308 [p]\ncla_rate,england,70,,\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].period.short_label(), "June 2023");
        assert_eq!(rows[1].figure.markers, vec![Marker::Provisional]);
        assert_eq!(rows[2].area.as_deref(), Some("england"));
    }

    #[test]
    fn spreadsheet_exports_read_like_clean_files() {
        let clean = "indicator,period,value\ncla_count,2023-06,308\n";
        let crlf = "indicator,period,value\r\ncla_count,2023-06,308\r\n";
        let (a, _) = read_text(clean);
        let (b, problems) = read_text(crlf);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(a[0].figure, b[0].figure);
        assert_eq!(a[0].line, b[0].line);
    }

    #[test]
    fn names_every_bad_cell() {
        let (rows, problems) = read_text(
            "indicator,period,value\ncla_cuont,2023-06,308\ncla_count,June 2023,308\ncla_count,2023-06,72%\ncla_count,2023-06\n",
        );
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("data/x.csv:2:1: error: unknown indicator `cla_cuont`"));
        assert!(problems[0].contains("did you mean `cla_count`?"));
        assert!(problems[1].starts_with("data/x.csv:3:11: error: `June 2023` is not a period"));
        assert!(problems[2].starts_with("data/x.csv:4:19: error: `72%` is not a number"));
        assert!(
            problems[3]
                .starts_with("data/x.csv:5:1: error: this row has 2 fields but the header has 3")
        );
    }

    #[test]
    fn rejects_unknown_areas_and_columns() {
        let (_, problems) = read_text("indicator,period,value,area\ncla_rate,2023-03,70,Englnd\n");
        assert!(
            problems[0].contains("unknown area `Englnd`")
                && problems[0].contains("did you mean `England`?"),
            "{problems:?}"
        );
        let (_, problems) = read_text("indicator,period,value,aera\n");
        assert!(
            problems[0].contains("unknown column `aera`")
                && problems[0].contains("did you mean `area`?"),
            "{problems:?}"
        );
        let (_, problems) = read_text("indicator,2023-06,Q5\ncla_count,1,2\n");
        assert!(
            problems[0].starts_with("data/x.csv:1:19: error: column header `Q5` is not a period"),
            "{problems:?}"
        );
    }

    /// A long file is read a run of lines at a time, in parallel: rows keep
    /// their order and problems their lines, across the runs' edges.
    #[test]
    fn a_long_file_read_in_parallel_keeps_order_and_lines() {
        let mut text = String::from("indicator,period,value,area,breakdown,note\n");
        let lines = 3 * PARALLEL_LINES;
        for i in 0..lines {
            let line = i + 2;
            if line == PARALLEL_LINES + 1 || line == 2 * PARALLEL_LINES + 2 {
                text.push_str("cla_count,2023-13,1,,,\n");
            } else if line == lines {
                text.push_str("cla_count,2023-06\n");
            } else {
                text.push_str(&format!("cla_count,2023-06,{i},,,\n"));
            }
        }
        let (rows, problems) = read_text(&text);
        assert_eq!(rows.len(), lines - 3);
        assert!(rows.windows(2).all(|w| w[0].line < w[1].line));
        assert!(
            rows.iter()
                .all(|r| r.figure.value == Some((r.line - 2) as f64))
        );
        let at: Vec<&str> = problems
            .iter()
            .map(|p| p.split(": error").next().unwrap())
            .collect();
        assert_eq!(
            at,
            [
                format!("data/x.csv:{}:11", PARALLEL_LINES + 1),
                format!("data/x.csv:{}:11", 2 * PARALLEL_LINES + 2),
                format!("data/x.csv:{lines}:1"),
            ]
        );
    }

    /// The csv crate places a row after an empty line at that line; the
    /// problem belongs to the row's own line and cell.
    #[test]
    fn a_row_after_an_empty_line_is_placed_on_its_own_line() {
        let (_, problems) =
            read_text("indicator,period,value\ncla_count,2015-06,5\n\ncla_count,2015-13,1\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("data/x.csv:4:11: error"),
            "{problems:?}"
        );
    }

    /// Read in parallel or not, a long file gives the same rows and the same
    /// places: with empty lines before the header and at a run's edge.
    #[test]
    fn a_long_file_with_empty_lines_reads_as_a_short_one_would() {
        let mut text = String::from("\n\nindicator,period,value\n");
        for i in 0..2 * PARALLEL_LINES + 10 {
            let line = i + 4;
            if line == PARALLEL_LINES + 4 {
                text.push('\n');
            } else if line == PARALLEL_LINES + 5 {
                text.push_str("cla_count,2023-13,1\n");
            } else {
                text.push_str(&format!("cla_count,2023-06,{i}\n"));
            }
        }
        let (rows, problems) = read_text(&text);
        assert_eq!(rows.len(), 2 * PARALLEL_LINES + 8);
        assert_eq!(rows[0].line, 4);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(&format!("data/x.csv:{}:11: error", PARALLEL_LINES + 5)),
            "{problems:?}"
        );
    }
}
