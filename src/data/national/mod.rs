//! National statistics files, read as they are published.
//!
//! The Department for Education, and other departments using the same open-data
//! format (Explore Education Statistics, "EES"), publish each topic as one tidy
//! CSV file for every council, region and England at once: the time and
//! geography columns first (`time_period, time_identifier, geographic_level,
//! country_code, …, new_la_code`), then filter columns (`care_leaver_age`,
//! `breakdown`) and indicator columns (`care_leaver_percent`). A council needs a
//! few hundred of those rows, so the file is streamed once and only the rows of
//! the areas the site asks for are kept, whatever the file's size.
//!
//! What is read is what indicators.yaml's `from:` entries ask for ([`Extract`]);
//! whose rows they are comes from site.toml's area and comparator codes
//! ([`Areas`]). Statistical neighbours' averages are worked out afterwards from
//! the member councils' rows ([`average`]), as DfE works them out.

mod average;
mod layout;
mod load;
mod periods;
mod screen;
mod seen;
#[cfg(test)]
mod tests;

pub use average::{Averaged, average};
pub use load::{Text, is_national_text, rows};

use layout::Layout;

use super::cell::Figure;
use super::scan::QuoteScan;
use crate::problem::Problem;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The columns that make a CSV file a national statistics file: time and the
/// geography every such file has. Region and council columns follow where the
/// file has rows at those levels.
const REQUIRED: [&str; 5] = [
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
];

/// Columns that place a row rather than measure it: never an indicator or a
/// filter, so never suggested for one.
const GEOGRAPHY: [&str; 10] = [
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "la_name",
    "new_la_code",
];

/// Whether a CSV header line is a national statistics file's.
pub fn is_national(header_line: &str) -> bool {
    let names: Vec<String> = header_line
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(|n| n.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    REQUIRED.iter().all(|r| names.iter().any(|n| n == r))
}

/// What one indicator reads from a national file: its `from:` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extract {
    /// The indicator's id.
    pub indicator: String,
    /// The column that holds the figure.
    pub value: String,
    /// Keep only rows whose columns hold these values.
    pub filters: Vec<(String, String)>,
    /// A filter column whose values become the indicator's categories.
    pub breakdown: Option<String>,
    /// Where it was asked for (indicators.yaml and the line of `from:`):
    /// a column or value the file does not have is placed there.
    pub asked_at: Option<(PathBuf, usize)>,
}

/// A problem with what an extract asks of a file: at the place it was asked
/// for, naming the file; or, without one, at the file's header.
fn asked(file: &Path, extract: &Extract, column: usize, message: String) -> Problem {
    match &extract.asked_at {
        Some((yaml, line)) => Problem::error(
            yaml,
            format!("`{}`: {message} in {}", extract.indicator, file.display()),
        )
        .at_line(*line),
        None => Problem::error(file, format!("`{}`: {message}", extract.indicator)).at(1, column),
    }
}

/// Whose figures a row holds, in the site's terms.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Whose {
    /// The site's own area.
    Own,
    /// A comparator with a code of its own (England, a region, a council).
    Comparator(String),
    /// One of the councils a comparator is the mean of.
    Member(String),
}

/// The area codes whose rows are kept, and what each stands for.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    codes: HashMap<String, Vec<Whose>>,
}

impl Areas {
    /// Reads `code`'s rows as `whose` (a code may stand for more than one).
    pub fn add(&mut self, code: &str, whose: Whose) {
        let roles = self.codes.entry(code.trim().to_string()).or_default();
        if !roles.contains(&whose) {
            roles.push(whose);
        }
    }

    fn roles(&self, code: &str) -> &[Whose] {
        self.codes.get(code).map_or(&[], Vec::as_slice)
    }
}

/// One figure kept from a national file.
#[derive(Debug, Clone, PartialEq)]
pub struct NationalFigure {
    /// Which of the extracts asked for it (an index into the slice given to [`read`]).
    pub extract: usize,
    /// Whose figure it is.
    pub whose: Whose,
    /// The area code the row matched, as the site wrote it.
    pub code: String,
    /// The period, mapped from `time_period` and `time_identifier`.
    pub period: crate::period::Period,
    /// The category, for an extract with a breakdown column.
    pub breakdown: Option<String>,
    /// The number, or the symbol that stands in for it.
    pub figure: Figure,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column of the figure's cell.
    pub column: usize,
}

/// What reading a national file found: the rows kept and every problem.
#[derive(Debug, Default)]
pub struct Reading {
    /// Rows of the areas asked for, in file order.
    pub rows: Vec<NationalFigure>,
    /// Problems, each placed in the file or where it was asked for.
    pub problems: Vec<Problem>,
    /// Area codes asked for that no row of the file has.
    pub codes_not_found: Vec<String>,
    /// Warnings DfE's screener would give about rows the site does not read:
    /// `check` shows them, `build` does not.
    pub screened: Vec<Problem>,
}

/// Reads one national file, keeping the rows that `extracts` ask for of the
/// areas in `areas`. Streams: memory grows with the rows kept, not the file.
///
/// The file's own integrity is checked as a CSV file's is
/// ([`crate::data::read`]): a quoted field never closed (which would take
/// every later row into one field), a row with more or fewer fields than
/// the header (a row cut short would otherwise read as "not available"), a
/// header naming a column twice, and a figure of more than 15 significant
/// digits are errors at their line and column.
pub fn read(
    file: &Path,
    source: impl Read,
    extracts: &[Extract],
    areas: &Areas,
    year_start_month: u8,
) -> Reading {
    let mut reading = Reading::default();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(Scanned {
            source,
            scan: QuoteScan::default(),
        });
    let mut records = csv.byte_records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            reading.problems.push(Problem::error(file, e.to_string()));
            return reading;
        }
        None => return reading,
    };
    let mut next = records.next();
    // A quote never closed runs to the end of the file, so the record it
    // opens in is the last one read: everything after the quote is lost.
    let unclosed = |records: &csv::ByteRecordsIter<'_, Scanned<_>>| {
        let (_, (line, column)) = records.reader().get_ref().scan.finish()?;
        Some(
            Problem::error(file, "this quote is never closed; the rows after it would be lost")
                .at(line, column)
                .help("end the quoted text with a `\"`, or download the file again: a file as published has every quote closed"),
        )
    };
    if next.is_none()
        && let Some(problem) = unclosed(&records)
    {
        reading.problems.push(problem);
        return reading;
    }
    let names: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let n = String::from_utf8_lossy(n);
            let n = if i == 0 {
                n.trim_start_matches('\u{feff}')
            } else {
                &n
            };
            n.trim().to_ascii_lowercase()
        })
        .collect();
    if !distinct_columns(file, &names, &mut reading.problems) {
        return reading;
    }
    let Some(layout) = Layout::new(file, &names, extracts, &mut reading.problems) else {
        return reading;
    };
    let mut seen = seen::Seen::new(&layout);
    let mut screen = screen::Screen::new(
        file,
        &screen::GeographyColumns {
            names: &names,
            level: layout.level,
            country: layout.country,
            region: layout.region,
            new_la: layout.new_la,
            old_la: layout.old_la,
        },
    );
    let mut first_line: HashMap<(usize, String, crate::period::Period, Option<String>), usize> =
        HashMap::new();
    let mut periods = periods::Mapper::new(year_start_month);
    let mut misshapen = Misshapen::default();
    while let Some(record) = next {
        next = records.next();
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                reading.problems.push(Problem::error(file, e.to_string()));
                continue;
            }
        };
        if next.is_none()
            && let Some(problem) = unclosed(&records)
        {
            reading.problems.push(problem);
            break;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        // A line of spaces is no row, as in any CSV file.
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if record.len() != names.len() {
            misshapen.row(file, line, record.len(), names.len());
            continue;
        }
        let field = |i: usize| -> &str {
            record
                .get(i)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("")
                .trim()
        };
        seen.note(&layout, &field);
        screen.row(&field, field(layout.time_period), line, areas);
        let Some((code, roles)) = layout.place(&field, areas) else {
            continue;
        };
        seen.codes.insert(code.to_string());
        let Some(period) = periods.map(
            file,
            field(layout.time_period),
            field(layout.time_identifier),
            line,
            &mut reading.problems,
        ) else {
            continue;
        };
        for (e, columns) in layout.extracts.iter().enumerate() {
            if !columns
                .filters
                .iter()
                .all(|(i, wanted)| field(*i) == wanted)
            {
                continue;
            }
            let breakdown = columns.breakdown.map(|i| field(i).to_string());
            let raw = record.get(columns.value).unwrap_or_default();
            let figure = match std::str::from_utf8(raw) {
                Ok(_) => symbol_or_number(field(columns.value)),
                Err(_) => Err("this cell is not UTF-8 text".into()),
            };
            let figure = match figure {
                Ok(figure) => figure,
                Err(message) => {
                    reading.problems.push(
                        Problem::error(file, message)
                            .at(line, columns.value + 1)
                            .help(FIGURE_HELP),
                    );
                    continue;
                }
            };
            let key = (e, code.to_string(), period, breakdown.clone());
            if let Some(first) = first_line.get(&key) {
                reading.problems.push(
                    Problem::error(file, format!(
                        "a second row for `{}` in {} for area {code}{}",
                        extracts[e].indicator,
                        period.short_label(),
                        breakdown.as_deref().map(|b| format!(", {b}")).unwrap_or_default(),
                    ))
                    .at(line, 1)
                    .help(format!("the first is on line {first}; a national file has one row for each figure, so narrow `where:` with another filter column")),
                );
                continue;
            }
            first_line.insert(key, line);
            for whose in roles {
                reading.rows.push(NationalFigure {
                    extract: e,
                    whose: whose.clone(),
                    code: code.to_string(),
                    period,
                    breakdown: breakdown.clone(),
                    figure: figure.clone(),
                    line,
                    column: columns.value + 1,
                });
            }
        }
    }
    reading.problems.extend(misshapen.finish(file));
    let (errors, warned) = screen.finish();
    reading.problems.extend(errors);
    reading.screened = warned;
    seen.report(
        file,
        &layout,
        extracts,
        areas,
        &mut reading.problems,
        &mut reading.codes_not_found,
    );
    reading
}

/// What a figure's cell may hold, for help.
const FIGURE_HELP: &str =
    "a figure is a plain number or one of DfE's symbols: c, x, z, low, u, k, ~, :";

/// The source, read through a scan for a quote never closed.
struct Scanned<R> {
    source: R,
    scan: QuoteScan,
}

impl<R: Read> Read for Scanned<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.source.read(buf)?;
        self.scan.feed(&buf[..n]);
        Ok(n)
    }
}

/// Whether every column of the header has a name of its own: of two
/// columns of one name, only the first would be read.
fn distinct_columns(file: &Path, names: &[String], problems: &mut Vec<Problem>) -> bool {
    let before = problems.len();
    for (i, name) in names.iter().enumerate() {
        let Some(first) = names[..i].iter().position(|n| n == name) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        problems.push(
            Problem::error(
                file,
                format!(
                    "columns {} and {} of the header are both {}",
                    first + 1,
                    i + 1,
                    crate::problem::quote(name)
                ),
            )
            .at(1, i + 1)
            .help("only the first would be read; download the file again, as published, or remove one of them"),
        );
    }
    problems.len() == before
}

/// Rows with more or fewer fields than the header: the first few named,
/// the rest counted, as a file cut short or joined wrongly is one mistake.
#[derive(Default)]
struct Misshapen {
    count: usize,
    shown: Vec<Problem>,
}

impl Misshapen {
    /// How many such rows are named before the rest are counted.
    const SHOWN: usize = 10;

    fn row(&mut self, file: &Path, line: usize, fields: usize, columns: usize) {
        self.count += 1;
        if self.count > Misshapen::SHOWN {
            return;
        }
        // The first field missing, or the first one too many.
        let column = fields.min(columns) + 1;
        let cut = if fields < columns {
            "; a row cut short is not read as \"not available\""
        } else {
            ""
        };
        self.shown.push(
            Problem::error(
                file,
                format!("this row has {fields} fields but the header has {columns}{cut}"),
            )
            .at(line, column)
            .help("every row has one field for each column of the header: download the file again, as published, or mend the row"),
        );
    }

    fn finish(mut self, file: &Path) -> Vec<Problem> {
        if self.count > Misshapen::SHOWN {
            self.shown.push(
                Problem::error(
                    file,
                    format!(
                        "and {} more rows with the wrong number of fields",
                        self.count - Misshapen::SHOWN
                    ),
                )
                .help("download the file again, as published"),
            );
        }
        self.shown
    }
}

/// A figure as DfE writes it: a number, or a bare symbol (`c`, `x`, `z`,
/// `low`, `u`; the older `k` and `~` for "rounds to zero" and `:` for "not
/// available").
pub fn symbol_or_number(cell: &str) -> Result<Figure, String> {
    use super::cell::Marker::*;
    let marker = match cell.to_ascii_lowercase().as_str() {
        "c" => Some(Confidential),
        "x" | ":" => Some(NotAvailable),
        "z" => Some(NotApplicable),
        "low" | "k" | "~" => Some(Low),
        "u" => Some(LowReliability),
        _ => None,
    };
    if let Some(marker) = marker {
        return Ok(Figure {
            value: None,
            markers: vec![marker],
        });
    }
    if cell.is_empty() {
        return Err("this cell is empty".into());
    }
    match cell.parse::<f64>() {
        // Held to the rule of any figure: kept exactly as written, or refused.
        Ok(value) if value.is_finite() => Ok(Figure {
            value: Some(super::cell::exact_number(cell)?),
            markers: Vec::new(),
        }),
        _ => Err(format!(
            "`{}` is neither a number nor one of DfE's symbols",
            cell.chars().take(40).collect::<String>()
        )),
    }
}
