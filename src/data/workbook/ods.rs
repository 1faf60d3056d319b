//! Which cells of an ODS workbook are percentages.
//!
//! LibreOffice stores a cell shown as `72%` as the fraction 0.72 with the
//! value type `percentage`. calamine reads the fraction and drops the type,
//! so the sheets' XML is read once more here for it, counting rows and
//! columns as calamine does (a repeated row or cell counts as many).

use quick_xml::events::{BytesStart, Event};
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

/// Percentage cells by sheet name, as absolute 0-based (row, column).
pub(super) fn percentage_cells(
    bytes: &[u8],
) -> Result<HashMap<String, HashSet<(u32, u32)>>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .map_err(|e| e.to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| e.to_string())?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    reader.config_mut().expand_empty_elements = true;
    let mut sheets: HashMap<String, HashSet<(u32, u32)>> = HashMap::new();
    let mut sheet = String::new();
    let (mut row, mut column) = (0u32, 0u32);
    let mut row_repeats = 1;
    // The percentage columns of the row being read: a repeated row repeats them.
    let mut in_row: Vec<u32> = Vec::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => match e.name().as_ref() {
                "table:table" => {
                    sheet = attribute(&e, "table:name").unwrap_or_default();
                    row = 0;
                }
                "table:table-row" => {
                    column = 0;
                    in_row.clear();
                    row_repeats = count(&e, "table:number-rows-repeated");
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let repeats = count(&e, "table:number-columns-repeated");
                    if attribute(&e, "office:value-type").as_deref() == Some("percentage") {
                        in_row.extend(column..column.saturating_add(repeats));
                    }
                    column = column.saturating_add(repeats);
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if !in_row.is_empty() {
                    let cells = sheets.entry(sheet.clone()).or_default();
                    for r in row..row.saturating_add(row_repeats.min(MAX_ROWS)) {
                        cells.extend(in_row.iter().map(|&c| (r, c)));
                    }
                }
                row = row.saturating_add(row_repeats);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(sheets)
}

/// As many rows as a sheet can have.
const MAX_ROWS: u32 = 1 << 20;

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let value = e.try_get_attribute(name).ok()??;
    value
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

fn count(e: &BytesStart<'_>, name: &str) -> u32 {
    attribute(e, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Refuses a workbook with a sheet whose used range spans more than
/// [`super::MAX_CELLS`], counting repeated rows and cells as calamine lays
/// them out, before calamine lays any out: a few bytes of `content.xml` can
/// repeat a cell across a whole sheet.
pub(super) fn check_spans(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let content = zip.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    reader.config_mut().expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut sheet = String::new();
    let (mut row, mut column) = (0u32, 0u32);
    let mut row_repeats = 1;
    // The used range of the sheet being read, and of the row being read.
    let mut span: Option<((u32, u32), (u32, u32))> = None;
    let mut in_row: Option<(u32, u32)> = None;
    loop {
        buf.clear();
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?
        {
            Event::Start(e) => match e.name().as_ref() {
                "table:table" => {
                    sheet = attribute(&e, "table:name").unwrap_or_default();
                    (row, span) = (0, None);
                }
                "table:table-row" => {
                    (column, in_row) = (0, None);
                    row_repeats = count(&e, "table:number-rows-repeated");
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let repeats = count(&e, "table:number-columns-repeated");
                    if e.try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some()
                    {
                        let last = column.saturating_add(repeats - 1);
                        in_row = Some(in_row.map_or((column, last), |(f, _)| (f, last)));
                    }
                    column = column.saturating_add(repeats);
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if let Some((first_column, last_column)) = in_row {
                    let last_row = row.saturating_add(row_repeats - 1);
                    let (first, last) = span.unwrap_or(((row, first_column), (last_row, 0)));
                    let first = (first.0, first.1.min(first_column));
                    let last = (last_row, last.1.max(last_column));
                    super::check_span(&sheet, first, last)?;
                    span = Some((first, last));
                }
                row = row.saturating_add(row_repeats);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}
