//! Workbooks under `data/` (`.xlsx` from Excel, `.ods` from LibreOffice),
//! read as they are saved, with no "save as CSV" step.
//!
//! A workbook laid out as the Analysis Function's spreadsheet guidance lays
//! one out has a cover sheet, contents and notes, then one table a sheet with
//! a title and notes above it. Each sheet whose table has a header row
//! starting with `indicator` is read exactly as a CSV file is read, long or
//! wide: the table is turned into CSV records and given to the CSV reader, so
//! the two can never disagree. Everything else is skipped.
//!
//! A spreadsheet user finds a cell by its sheet and its name, not by a line,
//! so every problem says `data/q2.xlsx: sheet 'Table 1', cell C4`. A row read
//! from a sheet carries its sheet ([`Record::sheet`]), so that a problem found
//! later, such as a second figure for a period, names it too.

mod ods;
mod table;

use super::read::{ReadContext, Record};
use crate::fsutil;
use crate::problem::{Id, Problem};
use calamine::{Data, Range, Reader};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The kinds of workbook read, by file extension.
pub const EXTENSIONS: [&str; 2] = ["xlsx", "ods"];

/// Kinds of workbook found but not read: calamine reads no cell formats from
/// them, so a cell shown as 72% would be read as 0.72. Each is a warning.
const NOT_READ: [&str; 3] = ["xls", "xlsb", "xlsm"];

/// Every workbook under `data/`, relative to the site root, with its bytes.
pub fn read_files(root: &Path) -> Vec<(PathBuf, anyhow::Result<Vec<u8>>)> {
    EXTENSIONS
        .iter()
        .chain(&NOT_READ)
        .flat_map(|ext| fsutil::files_with_extension(&root.join("data"), root, ext))
        // Excel keeps `~$name.xlsx` beside a workbook while it is open: it
        // holds who has it open, not figures.
        .filter(|file| {
            !file
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("~$"))
        })
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|file| {
            let bytes = if is_one_of(&file, &NOT_READ) {
                Ok(Vec::new())
            } else {
                fsutil::read_bytes(&root.join(&file))
            };
            (file, bytes)
        })
        .collect()
}

/// Reads every workbook, in parallel: the rows and problems of each.
pub fn read_all(
    files: &[(PathBuf, anyhow::Result<Vec<u8>>)],
    cx: &ReadContext<'_>,
) -> Vec<(Vec<Record>, Vec<Problem>)> {
    files
        .par_iter()
        .map(|(file, bytes)| match bytes {
            Ok(bytes) => read(file, bytes, cx),
            Err(e) => (Vec::new(), vec![fsutil::read_problem(file, e)]),
        })
        .collect()
}

/// One sheet as calamine reads it, with which of its cells are shown as
/// percentages (absolute, 0-based row and column).
struct Sheet {
    name: String,
    cells: Range<Data>,
    percent: HashSet<(u32, u32)>,
}

fn is_one_of(file: &Path, extensions: &[&str]) -> bool {
    file.extension()
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Reads one workbook's bytes. Every problem found is returned.
pub fn read(file: &Path, bytes: &[u8], cx: &ReadContext<'_>) -> (Vec<Record>, Vec<Problem>) {
    if is_one_of(file, &NOT_READ) {
        let warning = Problem::warning(Id::UnreadWorkbook, file, "this kind of workbook is not read, so its figures are left out")
            .help("outturn reads .xlsx and .ods workbooks: open it in Excel or LibreOffice and save it as .xlsx");
        return (Vec::new(), vec![warning]);
    }
    let sheets = match open(file, bytes) {
        Ok(sheets) => sheets,
        Err(why) => {
            return (
                Vec::new(),
                vec![
                    Problem::error(file, format!("cannot read this workbook: {why}"))
                        .help("open it in Excel or LibreOffice and save it again as .xlsx or .ods; a workbook protected by a password cannot be read"),
                ],
            );
        }
    };
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut tables = 0;
    for sheet in sheets {
        let Some(found) = table::read_sheet(file, &sheet, cx) else {
            continue;
        };
        tables += 1;
        rows.extend(found.0);
        problems.extend(found.1);
    }
    if tables == 0 {
        problems.push(
            Problem::warning(Id::UnreadWorkbook, file, "no sheet of this workbook has a table of figures")
                .help("a table's header row starts with a cell `indicator`, then `period`, `value` (long) or a period in each column (wide); see the README"),
        );
    }
    (rows, problems)
}

/// Opens a workbook and reads each sheet, in workbook order.
fn open(file: &Path, bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    if is_one_of(file, &["ods"]) {
        let mut book: calamine::Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|e: calamine::OdsError| e.to_string())?;
        // calamine reads an ODS percentage as the fraction it stores, and
        // keeps no sign of the format: the file itself says which they are.
        let mut percent = ods::percentage_cells(bytes).map_err(|e| e.to_string())?;
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let cells = book.worksheet_range(&name).map_err(|e| e.to_string())?;
            let percent = percent.remove(&name).unwrap_or_default();
            sheets.push(Sheet {
                name,
                cells,
                percent,
            });
        }
        Ok(sheets)
    } else {
        let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|e: calamine::XlsxError| e.to_string())?;
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let cells = book.worksheet_range(&name).map_err(|e| e.to_string())?;
            let styles = book.worksheet_style(&name).map_err(|e| e.to_string())?;
            let percent = styles
                .cells()
                .filter(|(_, _, style)| {
                    style
                        .number_format
                        .as_ref()
                        .is_some_and(|f| is_percent_format(&f.format_code))
                })
                .map(|(row, column, _)| (row, column))
                .collect();
            sheets.push(Sheet {
                name,
                cells,
                percent,
            });
        }
        Ok(sheets)
    }
}

/// Whether an Excel number format shows a number as a percentage: a `%` in
/// its first section that is not quoted or escaped (`0.0"%"` shows a `%`
/// sign but does not multiply by 100).
fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    let mut quoted = false;
    let mut bracket = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            ']' if bracket => bracket = false,
            _ if bracket => {}
            '[' => bracket = true,
            '\\' | '_' | '*' => {
                chars.next();
            }
            ';' => return false,
            '%' => return true,
            _ => {}
        }
    }
    false
}

/// Where a row was read, for a message: `data/x.csv:4`, or
/// `data/q2.xlsx: sheet 'Table 1', cell C4`.
pub fn describe(file: &Path, sheet: Option<&Arc<String>>, line: usize, column: usize) -> String {
    match sheet {
        Some(sheet) => Problem::error(file, "")
            .in_sheet(Some(sheet.clone()))
            .at(line, column)
            .location(),
        None => format!("{}:{line}", file.display()),
    }
}

#[cfg(test)]
mod tests;
