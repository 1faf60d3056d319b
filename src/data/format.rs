//! Numbers as a UK reader expects them: `1,234`, `72%`, `67.9 per 10,000`,
//! `498 days`, `£6,385`, `£34.5m`.

use super::indicators::Unit;

/// `1234.5` with 1 decimal → `1,234.5`.
pub fn number(value: f64, decimals: u8) -> String {
    let text = format!("{:.*}", decimals as usize, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + 4);
    // A value that rounds to zero is shown without a minus sign.
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A figure in its unit.
pub fn with_unit(value: f64, unit: Unit, decimals: u8) -> String {
    match unit {
        Unit::Count | Unit::Score => number(value, decimals),
        Unit::Percent => format!("{}%", number(value, decimals)),
        Unit::RatePer10k => format!("{} per 10,000", number(value, decimals)),
        Unit::Days => {
            let n = number(value, decimals);
            if n == "1" {
                "1 day".into()
            } else {
                format!("{n} days")
            }
        }
        Unit::Money => money(value, decimals),
    }
}

/// A difference in its unit: percentages differ in percentage points.
pub fn difference(delta: f64, unit: Unit, decimals: u8) -> String {
    match unit {
        Unit::Percent => {
            let n = number(delta.abs(), decimals);
            let points = if n == "1" {
                "percentage point"
            } else {
                "percentage points"
            };
            format!("{n} {points}")
        }
        _ => with_unit(delta.abs(), unit, decimals),
    }
}

fn money(value: f64, decimals: u8) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    let abs = value.abs();
    if abs >= 1e9 {
        format!("{sign}£{}bn", number(abs / 1e9, 1))
    } else if abs >= 1e6 {
        format!("{sign}£{}m", number(abs / 1e6, 1))
    } else {
        format!("{sign}£{}", number(abs, decimals))
    }
}

/// Rounds as the figure is shown, so that a change computed from two shown
/// figures agrees with them (67.9 - 64.3 is 3.6, whatever the raw data held).
pub fn round(value: f64, decimals: u8) -> f64 {
    let factor = 10f64.powi(decimals as i32);
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(number(308.0, 0), "308");
        assert_eq!(number(1234.0, 0), "1,234");
        assert_eq!(number(1234567.891, 2), "1,234,567.89");
        assert_eq!(number(-1234.0, 0), "-1,234");
        assert_eq!(number(-0.04, 1), "0.0");
        assert_eq!(number(10.0, 1), "10.0");
    }

    #[test]
    fn formats_each_unit() {
        assert_eq!(with_unit(72.0, Unit::Percent, 0), "72%");
        assert_eq!(with_unit(67.9, Unit::RatePer10k, 1), "67.9 per 10,000");
        assert_eq!(with_unit(498.0, Unit::Days, 0), "498 days");
        assert_eq!(with_unit(1.0, Unit::Days, 0), "1 day");
        assert_eq!(with_unit(6385.0, Unit::Money, 0), "£6,385");
        assert_eq!(with_unit(34_500_000.0, Unit::Money, 0), "£34.5m");
        assert_eq!(with_unit(1_260_000_000.0, Unit::Money, 0), "£1.3bn");
        assert_eq!(with_unit(10.0, Unit::Score, 1), "10.0");
        assert_eq!(with_unit(1234.0, Unit::Count, 0), "1,234");
    }

    #[test]
    fn differences_of_percentages_are_points() {
        assert_eq!(difference(3.0, Unit::Percent, 0), "3 percentage points");
        assert_eq!(difference(-1.0, Unit::Percent, 0), "1 percentage point");
        assert_eq!(difference(-16.0, Unit::Count, 0), "16");
        assert_eq!(difference(62.0, Unit::Days, 0), "62 days");
    }

    #[test]
    fn rounds_as_shown() {
        assert_eq!(round(67.94, 1), 67.9);
        assert_eq!(round(2.5, 0), 3.0);
    }
}
