//! Reading a period as a person writes it: `2023-24 Q1`, `Q1 2023/24`,
//! `2023-06`, `2022-23`, in any case and with any of `-`, `/`, ` ` or `_`
//! between the parts, and the error that quotes what could not be read.

use super::{ACCEPTED_FORMS, Period};
use std::fmt;

/// Why a period's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    /// The text as written.
    pub text: String,
    /// What is wrong, when it is more than not being in an accepted form.
    pub why: Option<&'static str>,
    /// The period the text surely means, to name its spelling.
    pub write: Option<Period>,
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = crate::problem::quote(&self.text);
        match (self.why, self.write) {
            (why, Some(period)) => {
                let why = why.map(|why| format!(": {why}")).unwrap_or_default();
                let (written, label) = (period.written(), period.label());
                write!(
                    f,
                    "{text} is not a period{why}; write `{written}` for {label}"
                )
            }
            (Some(why), None) => write!(f, "{text} is not a period: {why}"),
            (None, None) => write!(f, "{text} is not a period; write {ACCEPTED_FORMS}"),
        }
    }
}

/// What may stand between the parts of a period.
const SEPARATORS: [char; 4] = ['-', '/', ' ', '_'];

/// The years a period may fall in: four digits, and no year 0.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl std::error::Error for PeriodError {}

impl Period {
    /// Reads any accepted spelling, case-insensitive, with spaces, hyphens or
    /// slashes between the parts.
    ///
    /// `2011-12` could be December 2011 or the financial year 2011-12; it is read
    /// as the month, and `2011/12` as the year.
    pub fn parse(text: &str, year_start_month: u8) -> Result<Period, PeriodError> {
        let trimmed = text.trim();
        let error = |why| PeriodError {
            text: trimmed.to_string(),
            why,
            write: None,
        };
        // `-2023-01` would otherwise read as 2023-01: a sign is not a separator.
        if trimmed.starts_with(SEPARATORS) || trimmed.ends_with(SEPARATORS) {
            return Err(error(Some(
                "it starts or ends with `-`, `/` or `_`; write the period alone, with no sign",
            )));
        }
        let period = parse_parts(trimmed, year_start_month).ok_or_else(|| error(None))?;
        if !YEARS.contains(&period.start_date().year) || !YEARS.contains(&period.end_date().year) {
            return Err(error(Some("years run from 0001 to 9999")));
        }
        Ok(period)
    }
}

/// Splits `2023-24 Q1`, `q1-2023/24`, `2023_06` into its alphanumeric parts and
/// remembers whether a slash was used (which marks a financial year).
fn parse_parts(text: &str, year_start_month: u8) -> Option<Period> {
    let lower = text.trim().to_ascii_lowercase();
    let slash = lower.contains('/');
    let parts: Vec<&str> = lower.split(SEPARATORS).filter(|p| !p.is_empty()).collect();
    let quarter = |p: &str| -> Option<u32> {
        let q = p.strip_prefix('q')?.parse().ok()?;
        (1..=4).contains(&q).then_some(q)
    };
    match parts.as_slice() {
        [q, y1, y2] if quarter(q).is_some() => Some(Period::quarter(
            financial_year(y1, y2)?,
            quarter(q)?,
            year_start_month,
        )),
        [y1, y2, q] if quarter(q).is_some() => Some(Period::quarter(
            financial_year(y1, y2)?,
            quarter(q)?,
            year_start_month,
        )),
        // A financial year that is the calendar year is written as one year:
        // `2023`, `2023 Q3`, `Q3 2023`.
        [q, y] | [y, q] if year_start_month == 1 && quarter(q).is_some() => {
            Some(Period::quarter(year(y)?, quarter(q)?, 1))
        }
        [y, m] if !slash && m.len() == 2 && year(y).is_some() => {
            let month: u32 = m.parse().ok()?;
            if (1..=12).contains(&month) {
                Some(Period::month(year(y)?, month, year_start_month))
            } else {
                Some(Period::financial_year(
                    financial_year(y, m)?,
                    year_start_month,
                ))
            }
        }
        [y] if year_start_month == 1 => Some(Period::financial_year(year(y)?, 1)),
        [y1, y2] => Some(Period::financial_year(
            financial_year(y1, y2)?,
            year_start_month,
        )),
        _ => None,
    }
}

fn year(text: &str) -> Option<i32> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// `2023` and `24` (or `2024`) name the financial year starting in 2023.
fn financial_year(first: &str, second: &str) -> Option<i32> {
    let first = year(first)?;
    let expected = first + 1;
    let ok = match second.len() {
        2 => second.parse::<i32>().ok()? == expected % 100,
        4 => second.parse::<i32>().ok()? == expected,
        _ => false,
    };
    ok.then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::PeriodKind;

    fn p(text: &str) -> Period {
        Period::parse(text, 4).unwrap()
    }

    #[test]
    fn parses_financial_quarter_in_every_spelling() {
        let expected = Period::quarter(2023, 1, 4);
        for text in [
            "2023-24 Q1",
            "Q1 2023-24",
            "2023/24 Q1",
            "q1-2023-24",
            "2023-24-q1",
            " Q1 2023/24 ",
            "2023-2024 Q1",
        ] {
            assert_eq!(p(text), expected, "{text}");
        }
    }

    #[test]
    fn parses_months_and_financial_years() {
        assert_eq!(p("2023-06"), Period::month(2023, 6, 4));
        assert_eq!(p("2022-23"), Period::financial_year(2022, 4));
        assert_eq!(p("2022/23"), Period::financial_year(2022, 4));
        assert_eq!(p("2011/12"), Period::financial_year(2011, 4));
        assert_eq!(p("2011-12").kind(), PeriodKind::Month);
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        for text in [
            "2023-13",
            "2023-25",
            "Q5 2023-24",
            "June 2023",
            "2023",
            "",
            "2023-24 Q1 x",
        ] {
            let err = Period::parse(text, 4).unwrap_err();
            assert!(err.to_string().contains("is not a period"), "{text}");
        }
    }

    #[test]
    fn a_sign_or_a_year_out_of_range_is_no_period() {
        for (text, why) in [
            ("-2023-01", "no sign"),
            ("2023-01-", "no sign"),
            ("/2022/23", "no sign"),
            ("0000-01", "0001 to 9999"),
            ("0000-01 Q1", "0001 to 9999"),
            ("9999-00", "0001 to 9999"),
            ("Q4 9999-00", "0001 to 9999"),
        ] {
            let err = Period::parse(text, 4).unwrap_err().to_string();
            assert!(
                err.contains("is not a period") && err.contains(why),
                "{text}: {err}"
            );
        }
        assert_eq!(p("9999-12").end_date().iso(), "9999-12-31");
        let early = Period::parse("0024", 1).unwrap();
        assert_eq!(Period::parse(&early.written(), 1), Ok(early));
        assert_eq!(p("0024-25 Q2").written(), "0024-25 Q2");
        assert_eq!(p("0001-01").start_date().iso(), "0001-01-01");
        assert!(Period::parse("9999", 1).is_ok());
    }

    #[test]
    fn a_bad_period_is_quoted_safely() {
        let err = Period::parse("2023\u{1b}[2J", 4).unwrap_err().to_string();
        assert!(err.starts_with("`2023\\u{1b}[2J` is not a period"), "{err}");
        let err = Period::parse(&"2".repeat(1_000_000), 4)
            .unwrap_err()
            .to_string();
        assert!(err.len() < 400, "{err}");
    }
    #[test]
    fn every_written_form_reads_back_for_every_start_month() {
        for ysm in 1..=12u8 {
            for period in [
                Period::month(2023, 7, ysm),
                Period::quarter(2023, 3, ysm),
                Period::financial_year(2023, ysm),
            ] {
                assert_eq!(
                    Period::parse(&period.written(), ysm),
                    Ok(period),
                    "{} with year from month {ysm}",
                    period.written()
                );
                assert_eq!(
                    Period::parse(&period.slug(), ysm),
                    Ok(period),
                    "{} with year from month {ysm}",
                    period.slug()
                );
            }
        }
        // A year whose hyphenated label names a month is written with a slash.
        for first in [2000, 2009, 2011, 2012] {
            for ysm in 2..=12u8 {
                let year = Period::financial_year(first, ysm);
                assert_eq!(
                    Period::parse(&year.written(), ysm),
                    Ok(year),
                    "{}",
                    year.written()
                );
            }
        }
        assert_eq!(Period::financial_year(2011, 4).written(), "2011/12");
        assert_eq!(Period::financial_year(2022, 4).written(), "2022-23");
        assert_eq!(
            Period::parse("Q3 2023", 1).unwrap().label(),
            "Q3 2023 (July to September 2023)"
        );
        assert!(
            Period::parse("2023 Q3", 4).is_err(),
            "a single year names no April financial year"
        );
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Text made mostly of what periods are made of.
        fn period_like() -> impl Strategy<Value = String> {
            let parts = proptest::sample::select(vec![
                "2023", "24", "2024", "0000", "9999", "00", "06", "13", "Q1", "q4", "Q5", "-", "/",
                " ", "_", "x", "\u{1b}", "é", "",
            ]);
            prop_oneof![
                proptest::collection::vec(parts, 0..6).prop_map(|p| p.concat()),
                ".{0,30}",
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Nothing panics; a period read is in range and reads back from
            /// how it is written; a refusal quotes the text safely.
            #[test]
            fn any_text_is_a_period_or_a_safe_refusal(text in period_like(), ysm in 1u8..=12) {
                match Period::parse(&text, ysm) {
                    Ok(period) => {
                        prop_assert!(YEARS.contains(&period.start_date().year));
                        prop_assert!(YEARS.contains(&period.end_date().year));
                        prop_assert_eq!(Period::parse(&period.written(), ysm), Ok(period));
                        prop_assert!(!text.trim().starts_with('-'));
                    }
                    Err(e) => {
                        let message = e.to_string();
                        prop_assert!(message.contains("is not a period"));
                        prop_assert!(!message.contains(char::is_control), "{:?}", message);
                    }
                }
            }
        }
    }
}
