//! The one shape of every CSV download: one figure a row ("tidy" long form),
//! with the period as a code, a label and dates, so a spreadsheet user and a
//! program can both read it. A chart's CSV and `data/all.csv` share it.

use super::cell::Marker;
use super::indicators::Unit;
use crate::escape::csv_text;
use crate::period::Period;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

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

/// Writes tidy rows.
pub struct Writer {
    csv: csv::Writer<Vec<u8>>,
    value: String,
    markers: String,
}

thread_local! {
    /// A period's four columns, worked out once per thread: every download
    /// repeats the same periods, once for every area, breakdown and report.
    static PERIODS: RefCell<HashMap<Period, Rc<[String; 4]>>> = RefCell::default();
}

fn period_columns(period: Period) -> Rc<[String; 4]> {
    PERIODS.with_borrow_mut(|periods| {
        periods
            .entry(period)
            .or_insert_with(|| {
                Rc::new([
                    period.slug(),
                    period.label(),
                    period.start_date().iso(),
                    period.end_date().iso(),
                ])
            })
            .clone()
    })
}

impl Writer {
    /// A writer with the header written.
    pub fn new() -> Writer {
        let mut writer = Writer::without_header();
        // Writing to a Vec cannot fail.
        let _ = writer.csv.write_record(HEADER);
        writer
    }

    /// A writer for rows only, to join after a header.
    pub fn without_header() -> Writer {
        Writer {
            csv: csv::Writer::from_writer(Vec::new()),
            value: String::new(),
            markers: String::new(),
        }
    }

    /// Writes one row; text that a spreadsheet would take for a formula is defused.
    pub fn write(&mut self, row: &Row<'_>) {
        let period = period_columns(row.period);
        let [slug, label, start, end] = &*period;
        self.value.clear();
        if let Some(v) = row.value {
            let _ = write!(self.value, "{v}");
        }
        self.markers.clear();
        for (i, m) in row.markers.iter().enumerate() {
            if i > 0 {
                self.markers.push(' ');
            }
            self.markers.push_str(m.code());
        }
        let _ = self.csv.write_record([
            row.indicator,
            &csv_text(row.title),
            &csv_text(row.area),
            &csv_text(row.breakdown),
            slug,
            label,
            start,
            end,
            &self.value,
            row.unit.name(),
            &self.markers,
            &csv_text(row.note),
        ]);
    }

    /// The CSV text.
    pub fn into_bytes(self) -> Vec<u8> {
        self.csv.into_inner().unwrap_or_default()
    }
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}
