//! Months, quarters of the financial year and financial years.
//!
//! Every figure belongs to a period, and every report is resolved "as at" one, so
//! periods must order by the date they end: a March figure is the latest one on
//! or before a Q4 report, whatever kind either period is. A period is stored as
//! its first month and its length, plus the month the financial year starts in,
//! which labels need (`Q1 2023-24` only means April to June when the year starts
//! in April).

mod date;
mod excel;
mod parse;

pub use date::Date;
use date::days_in_month;
pub use excel::DayOrder;
pub use parse::PeriodError;

use crate::i18n::{Language, welsh};
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

/// The name of `month` (1 to 12) in `language`: `September`, `Medi`.
pub fn month_name(month: u32, language: Language) -> &'static str {
    let names = match language {
        Language::English => &MONTHS,
        Language::Welsh => &welsh::MONTHS,
    };
    names[month as usize - 1]
}

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

    /// Which kind of period this is.
    pub fn kind(&self) -> PeriodKind {
        self.kind
    }

    fn end_index(&self) -> i32 {
        self.start + self.kind.months() - 1
    }

    /// The first and last months, counted from year 0, for arithmetic on periods.
    pub(crate) fn month_range(&self) -> (i32, i32) {
        (self.start, self.end_index())
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

    /// The financial year this period falls in: Q1 2023-24's is 2023-24.
    pub fn year(&self) -> Period {
        Period::financial_year(self.financial_year_start(), self.year_start_month)
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

    /// [`Period::short_label`] in `language`: Welsh writes `Mehefin 2023`,
    /// `Chwarter 1 2023-24`, `2022-23`.
    pub fn short_label_in(&self, language: Language) -> String {
        match (language, self.kind) {
            (Language::English, _) => self.short_label(),
            (Language::Welsh, PeriodKind::Month) => {
                let (year, month) = split_index(self.start);
                format!("{} {}", month_name(month, language), year)
            }
            (Language::Welsh, PeriodKind::Quarter) => format!(
                "Chwarter {} {}",
                self.quarter_number(),
                self.financial_year_label()
            ),
            (Language::Welsh, PeriodKind::Year) => self.financial_year_label(),
        }
    }

    /// [`Period::label`] in `language`. Welsh joins a quarter's months with
    /// `i`, which softens the month after it: `Chwarter 3 2024-25 (Hydref i
    /// Ragfyr 2024)`.
    pub fn label_in(&self, language: Language) -> String {
        match (language, self.kind) {
            (Language::English, _) => self.label(),
            (Language::Welsh, PeriodKind::Quarter) => {
                let (start_year, start_month) = split_index(self.start);
                let (end_year, end_month) = split_index(self.end_index());
                let first = month_name(start_month, language);
                let last = welsh::soft_mutation(month_name(end_month, language));
                let short = self.short_label_in(language);
                if start_year == end_year {
                    format!("{short} ({first} i {last} {end_year})")
                } else {
                    format!("{short} ({first} {start_year} i {last} {end_year})")
                }
            }
            (Language::Welsh, _) => self.short_label_in(language),
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
    /// `2023-24 Q1`, `2022-23`; and `2011/12` for a year that `2011-12`
    /// would name a month instead (December 2011), so that it reads back.
    pub fn written(&self) -> String {
        match self.kind {
            PeriodKind::Quarter => {
                format!("{} Q{}", self.financial_year_label(), self.quarter_number())
            }
            PeriodKind::Year => {
                let label = self.financial_year_label();
                match label.split_once('-') {
                    Some((first, second))
                        if (1..=12).contains(&second.parse::<u8>().unwrap_or(0)) =>
                    {
                        format!("{first}/{second}")
                    }
                    _ => label,
                }
            }
            PeriodKind::Month => self.slug(),
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

    /// The periods of `kind` that make up this one, in order (the three
    /// months of a quarter, the four quarters of a year); empty unless `kind`
    /// is shorter.
    pub fn parts(&self, kind: PeriodKind) -> Vec<Period> {
        if kind >= self.kind {
            return Vec::new();
        }
        (0..self.kind.months() / kind.months())
            .map(|i| Period {
                kind,
                start: self.start + i * kind.months(),
                year_start_month: self.year_start_month,
            })
            .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Period {
        Period::parse(text, 4).unwrap()
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
    fn labels_each_kind_in_welsh() {
        let cy = Language::Welsh;
        assert_eq!(p("2023-06").label_in(cy), "Mehefin 2023");
        assert_eq!(p("2023-06").short_label_in(cy), "Mehefin 2023");
        assert_eq!(p("2024-25 Q3").short_label_in(cy), "Chwarter 3 2024-25");
        assert_eq!(
            p("2024-25 Q3").label_in(cy),
            "Chwarter 3 2024-25 (Hydref i Ragfyr 2024)"
        );
        assert_eq!(p("2022-23").label_in(cy), "2022-23");
        assert_eq!(p("2022-23").short_label_in(cy), "2022-23");
        assert_eq!(p("1999-00").label_in(cy), "1999-00");
    }

    #[test]
    fn a_welsh_quarter_softens_its_last_month_after_i() {
        // Each start month of the year gives quarters ending in a different
        // month: together, every month follows `i` once.
        let cases = [
            (4, 1, "Chwarter 1 2023-24 (Ebrill i Fehefin 2023)"),
            (4, 2, "Chwarter 2 2023-24 (Gorffennaf i Fedi 2023)"),
            (4, 3, "Chwarter 3 2023-24 (Hydref i Ragfyr 2023)"),
            (4, 4, "Chwarter 4 2023-24 (Ionawr i Fawrth 2024)"),
            (1, 1, "Chwarter 1 2023 (Ionawr i Fawrth 2023)"),
            (2, 1, "Chwarter 1 2023-24 (Chwefror i Ebrill 2023)"),
            (3, 1, "Chwarter 1 2023-24 (Mawrth i Fai 2023)"),
            (5, 1, "Chwarter 1 2023-24 (Mai i Orffennaf 2023)"),
            (6, 1, "Chwarter 1 2023-24 (Mehefin i Awst 2023)"),
            (8, 1, "Chwarter 1 2023-24 (Awst i Hydref 2023)"),
            (9, 1, "Chwarter 1 2023-24 (Medi i Dachwedd 2023)"),
            (11, 1, "Chwarter 1 2023-24 (Tachwedd 2023 i Ionawr 2024)"),
            (12, 1, "Chwarter 1 2023-24 (Rhagfyr 2023 i Chwefror 2024)"),
        ];
        for (year_start_month, q, label) in cases {
            let quarter = Period::quarter(2023, q, year_start_month);
            assert_eq!(quarter.label_in(Language::Welsh), label);
        }
    }

    #[test]
    fn english_labels_are_the_labels_they_were() {
        for text in ["2023-06", "2023-24 Q1", "2022-23 Q4", "2022-23"] {
            let period = p(text);
            assert_eq!(period.label_in(Language::English), period.label());
            assert_eq!(
                period.short_label_in(Language::English),
                period.short_label()
            );
        }
        assert_eq!(month_name(9, Language::English), "September");
        assert_eq!(month_name(9, Language::Welsh), "Medi");
    }

    #[test]
    fn a_period_is_made_of_shorter_parts() {
        let labels = |p: Period, k| {
            p.parts(k)
                .iter()
                .map(Period::short_label)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels(p("2023-24 Q2"), PeriodKind::Month),
            ["July 2023", "August 2023", "September 2023"]
        );
        assert_eq!(
            labels(p("2023-24"), PeriodKind::Quarter),
            ["Q1 2023-24", "Q2 2023-24", "Q3 2023-24", "Q4 2023-24"]
        );
        assert_eq!(p("2023-24").parts(PeriodKind::Month).len(), 12);
        assert!(p("2023-24 Q2").parts(PeriodKind::Quarter).is_empty());
        assert!(p("2023-06").parts(PeriodKind::Year).is_empty());
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
}
