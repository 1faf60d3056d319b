//! What a spreadsheet writes for a month, read in a data file's period cells
//! and headers. A workbook holds the date itself (see `data::workbook`), but a
//! CSV file saved from Excel holds the date as the sheet showed it: `Oct-23`
//! for a month formatted `mmm-yy`, `October 2023`, `Oct 2023`, or a date such
//! as `31/10/2023`, day first or month first as the computer's region writes
//! dates. Each is read as the month it names or falls in.
//!
//! Anything else that names a month (`Octobr 2023`, `2023/10`, `10/2023`, a
//! date that does not exist read in the site's order) is refused with the
//! exact spelling to write instead.

use super::date::days_in_month;
use super::{MONTHS, Period, PeriodError};

/// Which comes first in a date written with slashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// `31/10/2023`, as the UK writes dates.
    DayFirst,
    /// `10/31/2023`, as the United States writes dates.
    MonthFirst,
}

impl DayOrder {
    /// How a site in this language writes dates: month first for `en-US`,
    /// day first everywhere else (`en-GB`, `cy-GB`).
    pub fn of_language(language: &str) -> DayOrder {
        if language.to_ascii_lowercase().ends_with("-us") {
            DayOrder::MonthFirst
        } else {
            DayOrder::DayFirst
        }
    }

    fn example(self) -> &'static str {
        match self {
            DayOrder::DayFirst => "dates are read day first on this site (31/10/2023)",
            DayOrder::MonthFirst => "dates are read month first on this site (10/31/2023)",
        }
    }
}

/// What the text says of a month.
enum Month {
    /// A spelling a spreadsheet writes: read as this month.
    Read(i32, u32),
    /// Not a spelling outturn reads, but surely this month: name it in the error.
    Guess(i32, u32, Option<&'static str>),
}

impl Period {
    /// As [`Period::parse`], and also reading the months and dates a
    /// spreadsheet writes into a CSV file (see the module's documentation).
    pub fn parse_in_data(
        text: &str,
        year_start_month: u8,
        order: DayOrder,
    ) -> Result<Period, PeriodError> {
        let error = match Period::parse(text, year_start_month) {
            Ok(period) => return Ok(period),
            Err(error) => error,
        };
        match month(text.trim(), order) {
            Some(Month::Read(year, month)) => Ok(Period::month(year, month, year_start_month)),
            Some(Month::Guess(year, month, why)) => Err(PeriodError {
                why: why.or(error.why),
                write: Some(Period::month(year, month, year_start_month)),
                ..error
            }),
            None => Err(error),
        }
    }
}

fn month(text: &str, order: DayOrder) -> Option<Month> {
    if text.len() > 40 {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    // A date and time (`31/10/2023 00:00`) is the date's month.
    let lower = match lower.rsplit_once(' ') {
        Some((date, time)) if is_time(time) => date.trim_end().to_string(),
        _ => lower,
    };
    let slashes = lower.matches('/').count();
    let parts: Vec<&str> = lower
        .split(['-', '/', ' ', '_', '.', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let number = |p: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let valid = |year: i32, month: u32, day: u32| {
        (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
    };
    match parts.as_slice() {
        // `Oct-23`, `October 2023`, `Oct 2023`; `2023 Oct` and `Octobr 2023` are guesses.
        [name, year] | [year, name] if name.bytes().all(|b| b.is_ascii_alphabetic()) => {
            let year = full_year(year)?;
            let (month, exact) = month_named(name)?;
            let written_first = parts[0] == *name;
            if exact && written_first && slashes == 0 {
                Some(Month::Read(year, month))
            } else {
                Some(Month::Guess(year, month, None))
            }
        }
        // `31/10/2023`, `31/10/23` in the site's order; `2023-10-31` (ISO).
        [a, b, c] => {
            if let (Some(year), Some(month), Some(day), true) = (
                number(a, 4..=4),
                number(b, 1..=2),
                number(c, 1..=2),
                !lower.contains('/'),
            ) {
                let year = year as i32;
                return valid(year, month, day).then_some(Month::Read(year, month));
            }
            let (first, second) = (number(a, 1..=2)?, number(b, 1..=2)?);
            let year = full_year(c)?;
            let (day, month, other_day, other_month) = match order {
                DayOrder::DayFirst => (first, second, second, first),
                DayOrder::MonthFirst => (second, first, first, second),
            };
            if valid(year, month, day) {
                Some(if slashes == 2 {
                    Month::Read(year, month)
                } else {
                    Month::Guess(year, month, None)
                })
            } else if valid(year, other_month, other_day) {
                Some(Month::Guess(year, other_month, Some(order.example())))
            } else {
                None
            }
        }
        // `2023/10` (no financial year ends in 2010), `10/2023`, `10-2023`.
        [a, b] => {
            let (year, month) = match (number(a, 4..=4), number(b, 4..=4)) {
                (Some(year), None) => (year, number(b, 1..=2)?),
                (None, Some(year)) => (year, number(a, 1..=2)?),
                _ => return None,
            };
            (1..=12)
                .contains(&month)
                .then_some(Month::Guess(year as i32, month, None))
        }
        // `202310`: six digits (six bytes of other letters may not split at 4).
        [a] if a.len() == 6 && a.is_ascii() => {
            let (year, month) = (number(&a[..4], 4..=4)?, number(&a[4..], 2..=2)?);
            (1..=12)
                .contains(&month)
                .then_some(Month::Guess(year as i32, month, None))
        }
        _ => None,
    }
}

/// `00:00` or `00:00:00`.
fn is_time(text: &str) -> bool {
    let parts: Vec<&str> = text.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A four-digit year, or two digits as Excel reads them: `00` to `29` are
/// 2000 to 2029, `30` to `99` are 1930 to 1999.
fn full_year(text: &str) -> Option<i32> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text.parse().ok()?;
    match text.len() {
        4 if year >= 1 => Some(year),
        2 if year < 30 => Some(2000 + year),
        2 => Some(1900 + year),
        _ => None,
    }
}

/// The month a name or abbreviation names (`oct`, `october`, `sept`), and
/// whether it is written as Excel writes it; a misspelt name is a guess.
fn month_named(name: &str) -> Option<(u32, bool)> {
    let numbered = (1..=12u32).zip(MONTHS);
    for (number, month) in numbered.clone() {
        let month = month.to_ascii_lowercase();
        if name == month || name == &month[..3] || (number == 9 && name == "sept") {
            return Some((number, true));
        }
    }
    if name.len() < 3 {
        return None;
    }
    numbered
        .map(|(number, month)| {
            let month = month.to_ascii_lowercase();
            let close = strsim::normalized_damerau_levenshtein(name, &month)
                .max(strsim::normalized_damerau_levenshtein(name, &month[..3]));
            (close, number)
        })
        .filter(|(close, _)| *close >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, number)| (number, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Period, String> {
        Period::parse_in_data(text, 4, DayOrder::DayFirst).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_the_months_excel_writes() {
        let october = Ok(Period::month(2023, 10, 4));
        for text in [
            "Oct-23",
            "oct-23",
            "October 2023",
            "Oct 2023",
            "OCT-2023",
            "31/10/2023",
            "1/10/2023",
            "31/10/23",
            "31/10/2023 00:00",
            "2023-10-31",
        ] {
            assert_eq!(read(text), october, "{text}");
        }
        assert_eq!(read("Sept 2023"), Ok(Period::month(2023, 9, 4)));
        assert_eq!(read("Mar-99"), Ok(Period::month(1999, 3, 4)));
        // The forms outturn has always read are read as before.
        assert_eq!(read("2023-10"), october);
        assert_eq!(read("2023-24 Q1"), Ok(Period::quarter(2023, 1, 4)));
    }

    #[test]
    fn a_date_is_read_in_the_sites_order() {
        let us = |text| Period::parse_in_data(text, 4, DayOrder::MonthFirst);
        assert_eq!(us("10/31/2023"), Ok(Period::month(2023, 10, 4)));
        // 03/10/2023 is 3 October in the UK, 10 March in the United States.
        assert_eq!(read("03/10/2023"), Ok(Period::month(2023, 10, 4)));
        assert_eq!(us("03/10/2023"), Ok(Period::month(2023, 3, 4)));
        assert_eq!(DayOrder::of_language("en-GB"), DayOrder::DayFirst);
        assert_eq!(DayOrder::of_language("cy"), DayOrder::DayFirst);
        assert_eq!(DayOrder::of_language("en-US"), DayOrder::MonthFirst);
    }

    #[test]
    fn names_the_spelling_to_write_for_a_month_it_does_not_read() {
        for (text, message) in [
            (
                "10/31/2023",
                "`10/31/2023` is not a period: dates are read day first on this site (31/10/2023); write `2023-10` for October 2023",
            ),
            (
                "Octobr 2023",
                "`Octobr 2023` is not a period; write `2023-10` for October 2023",
            ),
            (
                "2023 Oct",
                "`2023 Oct` is not a period; write `2023-10` for October 2023",
            ),
            (
                "2023/10",
                "`2023/10` is not a period; write `2023-10` for October 2023",
            ),
            (
                "10/2023",
                "`10/2023` is not a period; write `2023-10` for October 2023",
            ),
            (
                "202310",
                "`202310` is not a period; write `2023-10` for October 2023",
            ),
            (
                "31.10.2023",
                "`31.10.2023` is not a period; write `2023-10` for October 2023",
            ),
        ] {
            assert_eq!(read(text).unwrap_err(), message, "{text}");
        }
        // Six bytes that are not six letters are refused, not cut mid-letter.
        assert!(
            read("A𐀀A")
                .unwrap_err()
                .starts_with("`A𐀀A` is not a period")
        );
        // What names no month still lists the forms.
        let err = read("next year").unwrap_err();
        assert!(err.contains("write a month `2023-06`, a quarter"), "{err}");
        assert!(
            read("31/02/2023")
                .unwrap_err()
                .contains("write a month `2023-06`")
        );
    }

    #[test]
    fn reports_and_commands_read_only_the_forms_outturn_writes() {
        assert!(Period::parse("Oct-23", 4).is_err());
        assert!(Period::parse("31/10/2023", 4).is_err());
    }
}
