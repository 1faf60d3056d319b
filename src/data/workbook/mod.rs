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

/// Bytes a workbook's parts may hold once inflated, all parts together. A
/// workbook of 100,000 rows of figures holds about 20 MB; a "zip bomb" of
/// 4 MB that inflates to 4 GB is refused before any of it is inflated.
pub const MAX_INFLATED_BYTES: u64 = 256 << 20;

/// Cells one sheet may span, from its first used cell to its last (the used
/// range, whatever size the sheet declares): 500,000 rows of 10 columns.
/// A sheet with a value in A1 and one in XFD1048576 spans 17 billion cells,
/// and is refused rather than laid out.
pub const MAX_CELLS: u64 = 5_000_000;

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

/// Refuses a workbook whose parts would inflate past [`MAX_INFLATED_BYTES`],
/// by the sizes its zip directory declares, before inflating any.
fn check_inflated_size(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| e.to_string())?;
        total = total.saturating_add(entry.size());
        if total > MAX_INFLATED_BYTES {
            return Err(format!(
                "it would inflate to more than {} MB (its part `{}` alone is {} MB), and outturn reads at most {} MB of a workbook",
                total >> 20,
                entry.name().unwrap_or_default(),
                entry.size() >> 20,
                MAX_INFLATED_BYTES >> 20
            ));
        }
    }
    Ok(())
}

/// Refuses a sheet whose used range, from `first` to `last` (0-based row,
/// column), spans more than [`MAX_CELLS`].
fn check_span(sheet: &str, first: (u32, u32), last: (u32, u32)) -> Result<(), String> {
    let rows = u64::from(last.0 - first.0) + 1;
    let columns = u64::from(last.1 - first.1) + 1;
    if rows.saturating_mul(columns) > MAX_CELLS {
        return Err(format!(
            "sheet '{sheet}' spans {rows} rows by {columns} columns, from cell {} to cell {}, and outturn reads at most {MAX_CELLS} cells a sheet: is something typed far from the table?",
            cell_name(first),
            cell_name(last)
        ));
    }
    Ok(())
}

/// A cell's name, `C4`, from its 0-based row and column.
fn cell_name((row, column): (u32, u32)) -> String {
    crate::problem::cell_name(row as usize + 1, column as usize + 1)
}

/// Opens a workbook and reads each sheet, in workbook order.
fn open(file: &Path, bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    check_inflated_size(bytes)?;
    if is_one_of(file, &["ods"]) {
        ods::check_spans(bytes)?;
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
            sheets.push(xlsx_sheet(&mut book, name)?);
        }
        Ok(sheets)
    }
}

/// Reads one sheet of an .xlsx workbook cell by cell, with its styles in the
/// same pass: only the cells used, never the range the sheet declares, and
/// no more than [`MAX_CELLS`] of them.
fn xlsx_sheet(book: &mut calamine::Xlsx<Cursor<&[u8]>>, name: String) -> Result<Sheet, String> {
    let mut reader = match book.worksheet_cells_reader(&name) {
        Ok(reader) => reader,
        // A chart sheet or a macro sheet: no cells to read.
        Err(calamine::XlsxError::NotAWorksheet(_)) => {
            return Ok(Sheet {
                name,
                cells: Range::empty(),
                percent: HashSet::new(),
            });
        }
        Err(e) => return Err(e.to_string()),
    };
    let percent_styles: Vec<bool> = reader
        .styles()
        .iter()
        .map(|style| {
            style
                .number_format
                .as_ref()
                .is_some_and(|f| is_percent_format(&f.format_code))
        })
        .collect();
    let mut cells = Vec::new();
    let mut percent = HashSet::new();
    let (mut first, mut last) = ((u32::MAX, u32::MAX), (0, 0));
    while let Some((cell, style)) = reader
        .next_cell_with_style_id()
        .map_err(|e| e.to_string())?
    {
        if matches!(cell.get_value(), calamine::DataRef::Empty) {
            continue;
        }
        let at = cell.get_position();
        first = (first.0.min(at.0), first.1.min(at.1));
        last = (last.0.max(at.0), last.1.max(at.1));
        check_span(&name, first, last)?;
        if percent_styles.get(style).copied().unwrap_or(false) {
            percent.insert(at);
        }
        cells.push(calamine::Cell::new(
            at,
            Data::from(cell.get_value().clone()),
        ));
    }
    Ok(Sheet {
        name,
        cells: Range::from_sparse(cells),
        percent,
    })
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
