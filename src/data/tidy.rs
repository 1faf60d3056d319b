//! The one shape of every CSV download: one figure a row ("tidy" long form),
//! with the period as a code, a label and dates, so a spreadsheet user and a
//! program can both read it. A chart's CSV and `data/all.csv` share it.

use super::cell::Marker;
use super::indicators::Unit;
use crate::escape::csv_text;
use crate::period::Period;

/// The columns, in order.
pub const HEADER: [&str; 12] = [
    "indicator",
    "indicator_title",
    "area",
    "breakdown",
    "period",
    "period_label",
    "period_start",
    "period_end",
    "value",
    "unit",
    "markers",
    "note",
];

/// One figure, as a row.
pub struct Row<'a> {
    /// Indicator id.
    pub indicator: &'a str,
    /// Indicator title.
    pub title: &'a str,
    /// The area's name.
    pub area: &'a str,
    /// The breakdown category, or empty.
    pub breakdown: &'a str,
    /// The figure's period.
    pub period: Period,
    /// The number, absent when suppressed.
    pub value: Option<f64>,
    /// The indicator's unit.
    pub unit: Unit,
    /// Its markers.
    pub markers: &'a [Marker],
    /// A note, or empty.
    pub note: &'a str,
}

/// A CSV writer with the header written.
pub fn writer() -> csv::Writer<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(HEADER);
    writer
}

/// Writes one row; text that a spreadsheet would take for a formula is defused.
pub fn write(writer: &mut csv::Writer<Vec<u8>>, row: &Row<'_>) {
    let value = row.value.map(|v| v.to_string()).unwrap_or_default();
    let markers = row
        .markers
        .iter()
        .map(|m| m.code())
        .collect::<Vec<_>>()
        .join(" ");
    let _ = writer.write_record([
        row.indicator,
        &csv_text(row.title),
        &csv_text(row.area),
        &csv_text(row.breakdown),
        &row.period.slug(),
        &row.period.label(),
        &row.period.start_date().iso(),
        &row.period.end_date().iso(),
        &value,
        row.unit.name(),
        &markers,
        &csv_text(row.note),
    ]);
}
