//! A national file's `time_period` and `time_identifier`, as outturn's periods.
//!
//! DfE writes a financial year as `202223`, a quarter of one as
//! `Financial year Q1` with the same year, a month by its name with a calendar
//! year, and the year its looked-after and care-leaver statistics count to 31
//! March as `Reporting year` `2023` (the year 2022-23).

use crate::period::Period;
use crate::problem::Problem;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Maps periods, remembering each pair it has seen so that a file of
/// thousands of rows and a handful of periods is parsed a handful of times,
/// and an identifier it cannot map is reported once, not once a row.
pub(super) struct Mapper {
    year_start_month: u8,
    known: HashMap<(String, String), Option<Period>>,
    reported: BTreeSet<String>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl Mapper {
    pub(super) fn new(year_start_month: u8) -> Mapper {
        Mapper {
            year_start_month,
            known: HashMap::new(),
            reported: BTreeSet::new(),
        }
    }

    /// The period of a row, or `None` with a problem (once per identifier).
    pub(super) fn map(
        &mut self,
        file: &Path,
        time_period: &str,
        identifier: &str,
        line: usize,
        problems: &mut Vec<Problem>,
    ) -> Option<Period> {
        let key = (time_period.to_string(), identifier.to_string());
        if let Some(known) = self.known.get(&key) {
            return *known;
        }
        let mapped = period(time_period, identifier, self.year_start_month);
        let period = match mapped {
            Ok(period) => Some(period),
            Err(message) => {
                if self.reported.insert(identifier.to_ascii_lowercase()) {
                    problems.push(Problem::error(file, message).at(line, 1).help(
                        "outturn reads Reporting year, Financial year, Financial year Q1 to Q4 and the months January to December",
                    ));
                }
                None
            }
        };
        self.known.insert(key, period);
        period
    }
}

/// One row's period.
fn period(time_period: &str, identifier: &str, year_start_month: u8) -> Result<Period, String> {
    let id = identifier.trim().to_ascii_lowercase();
    let bad_year =
        || format!("`{time_period}` is not a year for the time identifier `{identifier}`");
    let year = |text: &str| -> Result<i32, String> {
        text.parse::<i32>()
            .ok()
            .filter(|y| (1..=9999).contains(y))
            .ok_or_else(bad_year)
    };
    // `202223`: the financial year 2022-23; the second year must follow the first.
    let financial = |text: &str| -> Result<i32, String> {
        let first = text.get(..4).ok_or_else(bad_year).and_then(year)?;
        let second: i32 = text
            .get(4..)
            .and_then(|s| s.parse().ok())
            .ok_or_else(bad_year)?;
        if text.len() != 6 || (first + 1) % 100 != second {
            return Err(bad_year());
        }
        Ok(first)
    };
    if id == "reporting year" {
        if year_start_month != 4 {
            return Err(format!(
                "`Reporting year` counts to 31 March, but the site's financial year starts in month {year_start_month}; set year_start_month = 4 in site.toml to read this file"
            ));
        }
        return Ok(Period::financial_year(
            year(time_period)? - 1,
            year_start_month,
        ));
    }
    if id == "financial year" {
        return Ok(Period::financial_year(
            financial(time_period)?,
            year_start_month,
        ));
    }
    if let Some(q) = id.strip_prefix("financial year q") {
        let q: u32 = q
            .parse()
            .ok()
            .filter(|q| (1..=4).contains(q))
            .ok_or_else(|| format!("`{identifier}` is not a quarter of a financial year"))?;
        return Ok(Period::quarter(
            financial(time_period)?,
            q,
            year_start_month,
        ));
    }
    if let Some(m) = MONTHS.iter().position(|m| *m == id) {
        return Ok(Period::month(
            year(time_period)?,
            m as u32 + 1,
            year_start_month,
        ));
    }
    Err(format!(
        "the time identifier `{identifier}` is not one outturn can place in its periods"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Period {
        Period::parse(text, 4).unwrap()
    }

    #[test]
    fn maps_dfe_time_identifiers_to_periods() {
        assert_eq!(period("2023", "Reporting year", 4), Ok(p("2022/23")));
        assert_eq!(period("202223", "Financial year", 4), Ok(p("2022/23")));
        assert_eq!(
            period("202223", "Financial year Q1", 4),
            Ok(p("2022-23 Q1"))
        );
        assert_eq!(period("2023", "June", 4), Ok(p("2023-06")));
        assert_eq!(period("2023", "january", 4), Ok(p("2023-01")));
    }

    #[test]
    fn refuses_what_it_cannot_place() {
        assert!(
            period("2023", "Academic year", 4)
                .unwrap_err()
                .contains("`Academic year`")
        );
        assert!(period("202224", "Financial year", 4).is_err());
        assert!(period("20222", "Financial year", 4).is_err());
        assert!(period("202223", "Financial year Q5", 4).is_err());
        assert!(period("-2023", "June", 4).is_err());
        assert!(
            period("2023", "Reporting year", 1)
                .unwrap_err()
                .contains("year_start_month")
        );
    }

    #[test]
    fn an_unknown_identifier_is_reported_once() {
        let mut mapper = Mapper::new(4);
        let mut problems = Vec::new();
        for line in 2..100 {
            let got = mapper.map(Path::new("x.csv"), "2023", "Week 3", line, &mut problems);
            assert_eq!(got, None);
        }
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
    }
}
