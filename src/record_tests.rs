//! The record's own rules: dates, what counts as the same figure, and how a
//! row is written and read back.

use super::*;

#[test]
fn today_is_the_source_date_when_one_is_given() {
    let days = |y: i64, m: i64, d: i64| {
        // Days from 1970-01-01, the other way round, for a check.
        let a = (14 - m) / 12;
        let (y, m) = (y + 4800 - a, m + 12 * a - 3);
        d + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045 - 2_440_588
    };
    for (y, m, d) in [(2026, 12, 7), (2024, 2, 29), (2000, 1, 1), (1999, 12, 31)] {
        let seconds = days(y, m, d) * 86_400 + 3_600;
        assert_eq!(civil(seconds), format!("{y:04}-{m:02}-{d:02}"));
    }
}

#[test]
fn a_figure_is_the_same_whatever_its_provisional_or_revised_markers() {
    assert!(same("121.5", "121.5 [p]"));
    assert!(same("121.5 [r]", "121.5"));
    assert!(!same("121.5", "122.4"));
    assert!(!same("[c]", "5"));
    assert!(same("[c]", "[c]"));
}

#[test]
fn a_row_with_a_comma_or_quote_reads_back_as_written() {
    let shown = Shown {
        key: Key {
            indicator: "cla_count".into(),
            area: None,
            breakdown: Some("16, 17 and \"over\"".into()),
            period: Period::parse("2023-06", 4).unwrap(),
        },
        figure: "-5".into(),
        note: "Counted, then \"checked\"".into(),
    };
    let text = new_record(std::slice::from_ref(&shown), "2026-12-07");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[4], "16, 17 and \"over\"");
    assert_eq!(&row[6], "-5");
    assert_eq!(&row[7], "Counted, then \"checked\"");
}
