//! Calendar dates: the days a period starts and ends on, and a report's
//! meeting date, written as ISO dates and as GOV.UK writes them.

use super::MONTHS;
use crate::i18n::Language;

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

    /// [`Date::long`] in `language`: Welsh writes `5 Medi 2023`.
    pub fn long_in(&self, language: Language) -> String {
        match language {
            Language::English => self.long(),
            Language::Welsh => format!(
                "{} {} {}",
                self.day,
                super::month_name(self.month, language),
                self.year
            ),
        }
    }
}

pub(super) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_long_dates_in_each_language() {
        let date = Date::parse_iso("2023-09-05").unwrap();
        assert_eq!(date.long_in(Language::English), "5 September 2023");
        assert_eq!(date.long_in(Language::Welsh), "5 Medi 2023");
        let date = Date::parse_iso("2024-12-25").unwrap();
        assert_eq!(date.long_in(Language::Welsh), "25 Rhagfyr 2024");
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
