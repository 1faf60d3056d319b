//! Months, quarters of the financial year and financial years.
//!
//! Every figure belongs to a period, and every report is resolved "as at" one, so
//! periods must order by the date they end: a March figure is the latest one on
//! or before a Q4 report, whatever kind either period is. A period is stored as
//! its first month and its length, plus the month the financial year starts in,
//! which labels need (`Q1 2023-24` only means April to June when the year starts
//! in April).

use std::cmp::Ordering;
use std::fmt;

/// Month names, for labels.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The forms a period may be written in, quoted in every parse error.
pub const ACCEPTED_FORMS: &str = "a month `2023-06`, a quarter `2023-24 Q1` (or `Q1 2023-24`, `2023/24 Q1`) or a financial year `2022-23` (or `2022/23`)";

/// The three kinds of period a figure can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// A quarter of the financial year.
    Quarter,
    /// A financial year.
    Year,
}

impl PeriodKind {
    fn months(self) -> i32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
        }
    }
}

/// A calendar date (no time zone: periods are whole days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, from 1.
    pub day: u32,
}

impl Date {
    /// Parses an ISO date `YYYY-MM-DD`, checking that the day exists.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let valid = (1..=12).contains(&date.month)
            && date.day >= 1
            && date.day <= days_in_month(date.year, date.month);
        valid.then_some(date)
    }

    /// `2023-09-05`, for `datetime` attributes and feeds.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `5 September 2023`, as GOV.UK writes dates.
    pub fn long(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A month, financial quarter or financial year.
///
/// Periods order by their end, then by their start (so the longer of two periods
/// ending together comes first), which is the order "as at" resolution needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    kind: PeriodKind,
    /// The first month, counted as `year * 12 + (month - 1)`.
    start: i32,
    /// The month the financial year starts in (1 to 12).
    year_start_month: u8,
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.end_index(), self.start, self.kind).cmp(&(other.end_index(), other.start, other.kind))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Why a period's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    /// The text as written.
    pub text: String,
    /// What is wrong, when it is more than not being in an accepted form.
    pub why: Option<&'static str>,
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = crate::problem::quote(&self.text);
        match self.why {
            Some(why) => write!(f, "{text} is not a period: {why}"),
            None => write!(f, "{text} is not a period; write {ACCEPTED_FORMS}"),
        }
    }
}

/// What may stand between the parts of a period.
const SEPARATORS: [char; 4] = ['-', '/', ' ', '_'];

/// The years a period may fall in: four digits, and no year 0.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl std::error::Error for PeriodError {}

impl Period {
    /// A calendar month.
    pub fn month(year: i32, month: u32, year_start_month: u8) -> Period {
        Period {
            kind: PeriodKind::Month,
            start: year * 12 + month as i32 - 1,
            year_start_month,
        }
    }

    /// Quarter `q` (1 to 4) of the financial year that starts in `first_year`.
    pub fn quarter(first_year: i32, q: u32, year_start_month: u8) -> Period {
        Period {
            kind: PeriodKind::Quarter,
            start: first_year * 12 + year_start_month as i32 - 1 + (q as i32 - 1) * 3,
            year_start_month,
        }
    }

    /// The financial year that starts in `first_year`.
    pub fn financial_year(first_year: i32, year_start_month: u8) -> Period {
        Period {
            kind: PeriodKind::Year,
            start: first_year * 12 + year_start_month as i32 - 1,
            year_start_month,
        }
    }

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

    /// Which kind of period this is.
    pub fn kind(&self) -> PeriodKind {
        self.kind
    }

    fn end_index(&self) -> i32 {
        self.start + self.kind.months() - 1
    }

    /// The first day of the period.
    pub fn start_date(&self) -> Date {
        let (year, month) = split_index(self.start);
        Date {
            year,
            month,
            day: 1,
        }
    }

    /// The last day of the period.
    pub fn end_date(&self) -> Date {
        let (year, month) = split_index(self.end_index());
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// The calendar year in which this period's financial year starts.
    fn financial_year_start(&self) -> i32 {
        (self.start - (self.year_start_month as i32 - 1)).div_euclid(12)
    }

    /// `2023-24` for the financial year this period falls in.
    pub fn financial_year_label(&self) -> String {
        let first = self.financial_year_start();
        // Four digits, as written: year 24 is `0024`, which reads back.
        if self.year_start_month == 1 {
            format!("{first:04}")
        } else {
            format!("{first:04}-{:02}", (first + 1).rem_euclid(100))
        }
    }

    fn quarter_number(&self) -> i32 {
        (self.start - (self.year_start_month as i32 - 1)).rem_euclid(12) / 3 + 1
    }

    /// The short label: `June 2023`, `Q1 2023-24`, `2022-23`.
    pub fn short_label(&self) -> String {
        match self.kind {
            PeriodKind::Month => {
                let (year, month) = split_index(self.start);
                format!("{} {}", MONTHS[month as usize - 1], year)
            }
            PeriodKind::Quarter => {
                format!("Q{} {}", self.quarter_number(), self.financial_year_label())
            }
            PeriodKind::Year => self.financial_year_label(),
        }
    }

    /// The full label: a quarter names its months, `Q1 2023-24 (April to June 2023)`.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Quarter => {
                let (start_year, start_month) = split_index(self.start);
                let (end_year, end_month) = split_index(self.end_index());
                let first = MONTHS[start_month as usize - 1];
                let last = MONTHS[end_month as usize - 1];
                if start_year == end_year {
                    format!("{} ({first} to {last} {end_year})", self.short_label())
                } else {
                    format!(
                        "{} ({first} {start_year} to {last} {end_year})",
                        self.short_label()
                    )
                }
            }
            _ => self.short_label(),
        }
    }

    /// The form used in addresses and file names: `2023-06`, `2023-24-q1`, `2022-23`.
    pub fn slug(&self) -> String {
        match self.kind {
            PeriodKind::Month => {
                let (year, month) = split_index(self.start);
                format!("{year:04}-{month:02}")
            }
            PeriodKind::Quarter => format!(
                "{}-q{}",
                self.financial_year_label().to_lowercase(),
                self.quarter_number()
            ),
            PeriodKind::Year => self.financial_year_label(),
        }
    }

    /// The period as written in front matter and CSV files: `2023-06`,
    /// `2023-24 Q1`, `2022-23`.
    pub fn written(&self) -> String {
        match self.kind {
            PeriodKind::Quarter => {
                format!("{} Q{}", self.financial_year_label(), self.quarter_number())
            }
            _ => self.slug(),
        }
    }

    /// The period of the same kind just before this one.
    pub fn previous(&self) -> Period {
        self.shifted(-self.kind.months())
    }

    /// The period of the same kind just after this one.
    pub fn next(&self) -> Period {
        self.shifted(self.kind.months())
    }

    /// The same period a year earlier.
    pub fn year_ago(&self) -> Period {
        self.shifted(-12)
    }

    fn shifted(&self, months: i32) -> Period {
        Period {
            start: self.start + months,
            ..*self
        }
    }

    /// Whether this period ends on or before `other` ends.
    pub fn ends_by(&self, other: &Period) -> bool {
        self.end_index() <= other.end_index()
    }

    /// Whether this period ends within `other` (after it starts, by its end).
    pub fn ends_within(&self, other: &Period) -> bool {
        self.end_index() >= other.start && self.ends_by(other)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short_label())
    }
}

fn split_index(index: i32) -> (i32, u32) {
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
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
    fn labels_each_kind() {
        assert_eq!(p("2023-06").label(), "June 2023");
        assert_eq!(p("2023-24 Q1").label(), "Q1 2023-24 (April to June 2023)");
        assert_eq!(
            p("2022-23 Q4").label(),
            "Q4 2022-23 (January to March 2023)"
        );
        assert_eq!(p("2023-24 Q1").short_label(), "Q1 2023-24");
        assert_eq!(p("2022-23").label(), "2022-23");
        assert_eq!(p("1999-00").label(), "1999-00");
    }

    #[test]
    fn slugs_come_from_the_period() {
        assert_eq!(p("Q1 2023/24").slug(), "2023-24-q1");
        assert_eq!(p("2023-06").slug(), "2023-06");
        assert_eq!(p("2022/23").slug(), "2022-23");
    }

    #[test]
    fn start_and_end_dates() {
        let q4 = p("2022-23 Q4");
        assert_eq!(q4.start_date().iso(), "2023-01-01");
        assert_eq!(q4.end_date().iso(), "2023-03-31");
        assert_eq!(p("2024-02").end_date().iso(), "2024-02-29");
        assert_eq!(p("2023-02").end_date().iso(), "2023-02-28");
        assert_eq!(p("2022-23").end_date().long(), "31 March 2023");
    }

    #[test]
    fn previous_and_year_ago() {
        assert_eq!(p("2023-24 Q1").previous(), p("2022-23 Q4"));
        assert_eq!(p("2023-24 Q1").year_ago(), p("2022-23 Q1"));
        assert_eq!(p("2023-01").previous(), p("2022-12"));
        assert_eq!(p("2022-23").previous(), p("2021-22"));
        assert_eq!(p("2022-23 Q4").next(), p("2023-24 Q1"));
    }

    #[test]
    fn orders_by_end_date() {
        let mut periods = [
            p("2023-24 Q1"),
            p("2023-03"),
            p("2022-23"),
            p("2023-06"),
            p("2022-23 Q4"),
        ];
        periods.sort();
        let labels: Vec<String> = periods.iter().map(|p| p.short_label()).collect();
        assert_eq!(
            labels,
            [
                "2022-23",
                "Q4 2022-23",
                "March 2023",
                "Q1 2023-24",
                "June 2023"
            ]
        );
        assert!(p("2023-03").ends_by(&p("2022-23 Q4")));
        assert!(!p("2023-04").ends_by(&p("2022-23 Q4")));
        assert!(p("2023-03").ends_within(&p("2022-23 Q4")));
        assert!(!p("2022-12").ends_within(&p("2022-23 Q4")));
    }

    #[test]
    fn honours_year_start_month() {
        let calendar = Period::parse("2023-24 Q1", 1).unwrap();
        assert_eq!(calendar.start_date().iso(), "2023-01-01");
        let july = Period::parse("2023-24 Q1", 7).unwrap();
        assert_eq!(july.label(), "Q1 2023-24 (July to September 2023)");
        let nov = Period::parse("2023-24 Q1", 11).unwrap();
        assert_eq!(nov.label(), "Q1 2023-24 (November 2023 to January 2024)");
        assert_eq!(p("2023-02").financial_year_label(), "2022-23");
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

    #[test]
    fn parses_iso_dates() {
        assert_eq!(
            Date::parse_iso("2023-09-05").unwrap().long(),
            "5 September 2023"
        );
        assert!(Date::parse_iso("2023-02-30").is_none());
        assert!(Date::parse_iso("5 Sept").is_none());
    }
}
