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
        .from_reader(source);
    let mut records = csv.byte_records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            reading.problems.push(Problem::error(file, e.to_string()));
            return reading;
        }
        None => return reading,
    };
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
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                reading.problems.push(Problem::error(file, e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
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
            let cell = field(columns.value);
            let figure = match symbol_or_number(cell) {
                Ok(figure) => figure,
                Err(message) => {
                    reading.problems.push(
                        Problem::error(file, message)
                            .at(line, columns.value + 1)
                            .help("a figure is a plain number or one of DfE's symbols: c, x, z, low, u, k, ~, :"),
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

/// A figure as DfE writes it: a number, or a bare symbol (`c`, `x`, `z`,
/// `low`, `u`; the older `k` and `~` for "rounds to zero" and `:` for "not
/// available").
pub fn symbol_or_number(cell: &str) -> Result<Figure, String> {
    use super::cell::Marker::*;
    let marker = match cell.to_ascii_lowercase().as_str() {
        "c" => Some(Confidential),
        "x" | ":" | "" => Some(NotAvailable),
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
    match cell.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Figure {
            value: Some(value),
            markers: Vec::new(),
        }),
        _ => Err(format!(
            "`{}` is neither a number nor one of DfE's symbols",
            cell.chars().take(40).collect::<String>()
        )),
    }
}
