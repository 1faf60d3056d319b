//! The one shape of every CSV download: one figure a row ("tidy" long form),
//! with the period as a code, a label and dates, so a spreadsheet user and a
//! program can both read it. A chart's CSV and `data/all.csv` share it.

use super::cell::Marker;
use super::indicators::Unit;
use crate::escape::csv_text;
use crate::i18n::Language;
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
///
/// The csv crate quotes each field as needed. A download's rows come a series
/// at a time, and its periods repeat across series, so the first four columns
/// are quoted once for each series and a period's four once for each thread;
/// the rest (a number, a unit, markers) never need quotes, and a note is
/// quoted when there is one.
pub struct Writer {
    out: Vec<u8>,
    /// The first four columns of the last row, as given and as written.
    series: [String; 4],
    series_csv: Vec<u8>,
    value: String,
    /// The language of the period labels.
    language: Language,
}

/// A period's four columns as written, by period and language.
type PeriodColumns = HashMap<(Period, Language), Rc<[u8]>>;

thread_local! {
    /// A period's four columns as written, once per thread: every download
    /// repeats the same periods, once for every area, breakdown and report.
    static PERIODS: RefCell<PeriodColumns> = RefCell::default();
}

fn period_csv(period: Period, language: Language) -> Rc<[u8]> {
    PERIODS.with_borrow_mut(|periods| {
        periods
            .entry((period, language))
            .or_insert_with(|| {
                let columns = [
                    period.slug(),
                    period.label_in(language),
                    period.start_date().iso(),
                    period.end_date().iso(),
                ];
                Rc::from(fields(&columns.each_ref().map(String::as_str)))
            })
            .clone()
    })
}

/// `fields` as the csv crate writes them, without the line break.
fn fields(fields: &[&str]) -> Vec<u8> {
    // A few fields at a time: the csv crate's default 8 KB buffer is for files.
    let mut writer = csv::WriterBuilder::new()
        .buffer_capacity(256)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(fields);
    let mut bytes = writer.into_inner().unwrap_or_default();
    bytes.pop();
    bytes
}

impl Writer {
    /// A writer with the header written.
    pub fn new() -> Writer {
        let mut writer = Writer::without_header();
        writer.out = fields(&HEADER);
        writer.out.push(b'\n');
        writer
    }

    /// A writer for rows only, to join after a header.
    pub fn without_header() -> Writer {
        Writer {
            out: Vec::new(),
            series: Default::default(),
            series_csv: Vec::new(),
            value: String::new(),
            language: Language::English,
        }
    }

    /// The same writer, writing period labels in `language`
    /// (`Chwarter 1 2023-24 (Ebrill i Fehefin 2023)`).
    pub fn in_language(self, language: Language) -> Writer {
        Writer { language, ..self }
    }

    /// Writes one row; text that a spreadsheet would take for a formula is defused.
    pub fn write(&mut self, row: &Row<'_>) {
        let series = [row.indicator, row.title, row.area, row.breakdown];
        if self.series_csv.is_empty() || self.series.iter().zip(series).any(|(a, b)| a != b) {
            self.series = series.map(str::to_string);
            self.series_csv = fields(&[
                row.indicator,
                &csv_text(row.title),
                &csv_text(row.area),
                &csv_text(row.breakdown),
            ]);
        }
        self.out.extend_from_slice(&self.series_csv);
        self.out.push(b',');
        self.out
            .extend_from_slice(&period_csv(row.period, self.language));
        self.out.push(b',');
        self.value.clear();
        if let Some(v) = row.value {
            // A figure computed to -0 is written as 0, as it is shown.
            let v = if v == 0.0 { 0.0 } else { v };
            let _ = write!(self.value, "{v}");
        }
        self.out.extend_from_slice(self.value.as_bytes());
        self.out.push(b',');
        self.out.extend_from_slice(row.unit.name().as_bytes());
        self.out.push(b',');
        for (i, m) in row.markers.iter().enumerate() {
            if i > 0 {
                self.out.push(b' ');
            }
            self.out.extend_from_slice(m.code().as_bytes());
        }
        self.out.push(b',');
        if !row.note.is_empty() {
            self.out.extend_from_slice(&fields(&[&csv_text(row.note)]));
        }
        self.out.push(b'\n');
    }

    /// The CSV text.
    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minus_zero_is_written_as_zero() {
        let mut writer = Writer::without_header();
        writer.write(&Row {
            indicator: "x",
            title: "X",
            area: "A",
            breakdown: "",
            period: Period::parse("2023-06", 4).unwrap(),
            value: Some(-0.0),
            unit: Unit::Count,
            markers: &[],
            note: "",
        });
        let text = String::from_utf8(writer.into_bytes()).unwrap();
        assert_eq!(text.split(',').nth(8), Some("0"), "{text}");
    }

    /// Each row as the csv crate writes it, field by field.
    fn by_the_csv_crate(rows: &[Row<'_>]) -> Vec<u8> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(HEADER).unwrap();
        for row in rows {
            let value = row.value.map(|v| v.to_string()).unwrap_or_default();
            let markers: Vec<&str> = row.markers.iter().map(|m| m.code()).collect();
            writer
                .write_record([
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
                    &markers.join(" "),
                    &csv_text(row.note),
                ])
                .unwrap();
        }
        writer.into_inner().unwrap()
    }

    #[test]
    fn rows_are_written_as_the_csv_crate_writes_them() {
        let period = |text| Period::parse(text, 4).unwrap();
        let row = |title, area, breakdown, p, value, markers, note| Row {
            indicator: "cla_rate",
            title,
            area,
            breakdown,
            period: period(p),
            value,
            unit: Unit::RatePer10k,
            markers,
            note,
        };
        let rows = [
            row(
                "Rate, per 10,000",
                "Thurrock",
                "",
                "2023-24 Q1",
                Some(67.9),
                &[][..],
                "",
            ),
            row(
                "Rate, per 10,000",
                "Thurrock",
                "",
                "2023-06",
                Some(-0.5),
                &[Marker::Provisional][..],
                "a \"note\", with\nlines",
            ),
            row(
                "Rate, per 10,000",
                "England",
                "=SUM(A1)",
                "2023-24",
                None,
                &[Marker::Confidential, Marker::Provisional][..],
                "",
            ),
            row(
                "Rate",
                "\"Quoted\" area",
                "16 and over",
                "2023-24 Q1",
                Some(1e-7),
                &[][..],
                "-minus",
            ),
            row(
                "Rate",
                "\"Quoted\" area",
                "16 and over",
                "2023-24 Q2",
                Some(12345678.0),
                &[][..],
                "",
            ),
        ];
        let mut writer = Writer::new();
        for r in &rows {
            writer.write(r);
        }
        let ours = writer.into_bytes();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(by_the_csv_crate(&rows)).unwrap()
        );
    }
}
