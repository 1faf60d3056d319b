//! One sheet's table: found by its `indicator` header row, turned into CSV
//! records for the CSV reader, and every row and problem it gives placed back
//! at its cell.
//!
//! Cells are turned into the text a CSV file would hold: a date as its month
//! (`2023-06`), a cell shown as `72%` as `72`, a number as the shortest text
//! that reads back as the number stored. A number of more than the 15
//! significant digits the CSV reader keeps (a formula's `=A1/B1`) is given
//! to it rounded to 15, and the figure read is then set to the number stored:
//! it is read exactly as it is, never through its display format.

use super::Sheet;
use crate::data::read::{self, ReadContext, Record};
use crate::data::scan::field_columns;
use crate::problem::{Problem, quote};
use calamine::Data;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Reads the table of a sheet, if it has one: `None` for a sheet without a
/// header row starting with `indicator` (a cover, contents or notes sheet).
pub(super) fn read_sheet(
    file: &Path,
    sheet: &Sheet,
    cx: &ReadContext<'_>,
) -> Option<(Vec<Record>, Vec<Problem>)> {
    let cells = &sheet.cells;
    let (start, end) = (cells.start()?, cells.end()?);
    let at = |row: u32, column: u32| cells.get_value((row, column)).unwrap_or(&Data::Empty);
    let filled = |row: u32, column: u32| !is_blank(at(row, column));
    // Rows above the header (a title, notes) are not part of the table.
    let (header, first) = (start.0..=end.0).find_map(|row| {
        let column = (start.1..=end.1).find(|&c| filled(row, c))?;
        matches!(at(row, column), Data::String(s) if s.trim().eq_ignore_ascii_case("indicator"))
            .then_some((row, column))
    })?;
    let last = (first..=end.1).rev().find(|&c| filled(header, c))?;
    let mut problems = Vec::new();
    let mut text = String::new();
    // Numbers given to the CSV reader rounded, by their cell.
    let mut exact: HashMap<(u32, u32), f64> = HashMap::new();
    let place = Arc::new(sheet.name.clone());
    for row in header..=end.0 {
        for column in (start.1..first).chain(last + 1..=end.1) {
            if filled(row, column) {
                let (shown, _) = cell_text(at(row, column), false);
                let message = format!(
                    "{} is outside the table: no header names its column",
                    quote(shown.trim())
                );
                problems.push(
                    Problem::error(file, message)
                        .in_sheet(Some(place.clone()))
                        .at(row as usize + 1, column as usize + 1)
                        .help("give its column a header in the table's header row, or move it above the header"),
                );
            }
        }
        for column in first..=last {
            if column > first {
                text.push(',');
            }
            let percent = sheet.percent.contains(&(row, column));
            let (field, stored) = cell_text(at(row, column), percent);
            if let Some(stored) = stored {
                exact.insert((row, column), stored);
            }
            push_field(&mut text, &field);
        }
        text.push('\n');
    }
    let (mut rows, found) = read::read(file, &text, cx);
    let lines: Vec<&str> = text.lines().collect();
    // The CSV reader's line is a row of the table and its column a
    // character in that line: both become the cell's row and column.
    let cell = |line: usize, column: usize| -> (u32, u32) {
        let starts = field_columns(lines.get(line.wrapping_sub(1)).copied().unwrap_or(""));
        let field = starts.iter().rposition(|&s| s <= column).unwrap_or(0);
        (header + line as u32 - 1, first + field as u32)
    };
    for row in &mut rows {
        let (r, c) = cell(row.line, row.column);
        if let Some(&stored) = exact.get(&(r, c)) {
            row.figure.value = Some(stored);
        }
        (row.line, row.column) = (r as usize + 1, c as usize + 1);
        row.sheet = Some(place.clone());
    }
    for problem in found {
        let mut problem = problem.in_sheet(Some(place.clone()));
        if let Some(line) = problem.line {
            let (r, c) = cell(line, problem.column.unwrap_or(1));
            problem.line = Some(r as usize + 1);
            problem.column = problem.column.map(|_| c as usize + 1);
        }
        problems.push(problem);
    }
    Some((rows, problems))
}

fn is_blank(data: &Data) -> bool {
    match data {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A field of a CSV record, quoted when it must be.
fn push_field(text: &mut String, field: &str) {
    if field.contains([',', '"']) {
        text.push('"');
        text.push_str(&field.replace('"', "\"\""));
        text.push('"');
    } else {
        text.push_str(field);
    }
}

/// The text a CSV file would hold for a cell, and the number stored when
/// that text is rounded.
fn cell_text(data: &Data, percent: bool) -> (String, Option<f64>) {
    match data {
        Data::Empty => (String::new(), None),
        // A record is one line, so that a line is a row of the sheet.
        Data::String(s) => (s.replace("\r\n", " ").replace(['\r', '\n'], " "), None),
        Data::Float(v) => number_text(*v, percent),
        Data::Int(v) => number_text(*v as f64, percent),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_string(), None),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, ..) = d.to_ymd_hms_milli();
            (format!("{year:04}-{month:02}"), None)
        }
        Data::DateTime(d) => number_text(d.as_f64(), percent),
        Data::DateTimeIso(s) => {
            let month = s.get(..7).filter(|m| {
                m.bytes().enumerate().all(|(i, b)| {
                    if i == 4 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                })
            });
            (month.unwrap_or(s).to_string(), None)
        }
        Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (e.to_string(), None),
    }
}

/// Keeps the CSV reader's limit: a figure of more digits is refused there.
const DIGITS: usize = crate::data::cell::SIGNIFICANT_DIGITS;

/// A number as text: the shortest that reads back as `value`, shifted two
/// places for a percentage (0.725 shown as 72.5% is 72.5, with no sum in
/// binary to add a stray digit). Past 15 significant digits, the text is
/// rounded to 15 and the number itself comes too.
pub(super) fn number_text(value: f64, percent: bool) -> (String, Option<f64>) {
    if value == 0.0 || !value.is_finite() {
        return (
            if value == 0.0 {
                "0".into()
            } else {
                value.to_string()
            },
            None,
        );
    }
    let shift = if percent { 2 } else { 0 };
    let (negative, digits, exponent) = parts(&format!("{value:e}"));
    let text = plain(negative, &digits, exponent + shift);
    if digits.len() <= DIGITS {
        return (text, None);
    }
    let stored: f64 = text.parse().unwrap_or(value);
    let (negative, digits, exponent) = parts(&format!("{stored:.*e}", DIGITS - 1));
    (plain(negative, &digits, exponent), Some(stored))
}

/// The sign, significant digits and power of ten of the first digit of a
/// number written as Rust's `{:e}` writes it: `-6.25e-1` is (true, "625", -1).
fn parts(text: &str) -> (bool, String, i32) {
    let negative = text.starts_with('-');
    let text = text.trim_start_matches('-');
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (negative, digits.to_string(), exponent.parse().unwrap_or(0))
}

/// Digits and a power of ten as a plain decimal (`72.5`, `0.001`), or in
/// exponent form when very large or small.
fn plain(negative: bool, digits: &str, exponent: i32) -> String {
    let sign = if negative { "-" } else { "" };
    if !(-20..=20).contains(&exponent) {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        return format!("{sign}{first}{dot}{rest}e{exponent}");
    }
    if exponent < 0 {
        let zeros = "0".repeat((-exponent - 1) as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let whole = exponent as usize + 1;
    if digits.len() <= whole {
        format!("{sign}{digits}{}", "0".repeat(whole - digits.len()))
    } else {
        format!("{sign}{}.{}", &digits[..whole], &digits[whole..])
    }
}
