//! Numbers as a UK reader expects them: `1,234`, `72%`, `67.9 per 10,000`,
//! `498 days`, `£6,385`, `£34.5m`.

use super::indicators::{Indicator, Unit};
use crate::i18n::{Around, Language};
use std::sync::LazyLock;

// Formatting knows indicators, and not the other way round: indicators.yaml
// is read without knowing how its figures will be shown.
impl Indicator {
    /// A figure of this indicator, formatted in its unit.
    pub fn format(&self, value: f64) -> String {
        with_unit(value, self.unit, self.decimals)
    }
}

/// `1234.5` with 1 decimal → `1,234.5`.
pub fn number(value: f64, decimals: u8) -> String {
    if let Some(n) = quickly(value, decimals) {
        let unit = 10u64.pow(decimals.into());
        let mut out = String::with_capacity(24);
        if value < 0.0 && n != 0 {
            out.push('-');
        }
        group(&mut out, &(n / unit).to_string());
        if decimals > 0 {
            out.push('.');
            let fraction = (n % unit).to_string();
            out.extend(std::iter::repeat_n('0', decimals as usize - fraction.len()));
            out.push_str(&fraction);
        }
        return out;
    }
    exactly(value, decimals)
}

/// `|value|` scaled by `10^decimals` and rounded to a whole number, when
/// that is quick and sure to round as the decimal text does.
///
/// Rounding from the decimal text is slow, and a build formats millions of
/// figures. Scaled to a whole number, a value not within a hair of a
/// rounding tie rounds the same in integers; ties (and what a u64 cannot
/// hold) go the slow way, [`rounded`].
fn quickly(value: f64, decimals: u8) -> Option<u64> {
    let scaled = value.abs() * 10f64.powi(decimals.into());
    let tie = (scaled - scaled.floor() - 0.5).abs() <= 1e-6 * scaled.max(1.0);
    (decimals <= 9 && scaled.is_finite() && scaled < 1e15 && !tie).then(|| scaled.round() as u64)
}

/// [`number`] by decimal arithmetic: the slow way, for ties and for what
/// the quick way cannot hold.
fn exactly(value: f64, decimals: u8) -> String {
    if !value.is_finite() {
        return format!("{:.*}", decimals as usize, value.abs());
    }
    let digits = rounded(value.abs(), decimals);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits.as_str(), None),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    // A value that rounds to zero is shown without a minus sign.
    if value < 0.0 && digits.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    group(&mut out, whole);
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A magnitude (finite, not negative) rounded to `decimals` places as plain
/// digits (`1234.50`), half away from zero, from its decimal text.
///
/// The rule is Excel's ROUND and the Analysis Function's: a tie rounds away
/// from zero, so 62.5 is 63 and 68.25 is 68.3 at one place. It is applied
/// to the number as written, not to the binary float nearest it (0.125 is a
/// tie, and rounds to 0.13; 1.005 is held as 1.00499999999999989…, and
/// rounds to 1.01 as written).
///
/// Figures are held as f64, and the written text is not kept beside each
/// one: `format!("{}", f)` gives the shortest text that reads back as the
/// same f64, and for any number written with at most 15 significant digits
/// (the most a figure may have: see [`super::cell::SIGNIFICANT_DIGITS`])
/// that text is the number as written, since two different numbers of 15
/// digits never share an f64. So the written decimal reaches the rounding
/// without carrying a second copy of every figure through the data set; a
/// figure computed by outturn (a mean, a sum, a difference) is rounded from
/// its own shortest text in the same way. The text has no exponent and no
/// spurious digits (1e308 is a 1 and 308 zeros).
fn rounded(abs: f64, decimals: u8) -> String {
    let text = format!("{abs}");
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let places = usize::from(decimals);
    let mut digits: Vec<u8> = whole
        .bytes()
        .chain(fraction.bytes().chain(std::iter::repeat(b'0')).take(places))
        .collect();
    let mut whole_len = whole.len();
    if fraction.as_bytes().get(places).is_some_and(|&d| d >= b'5') {
        // Round the magnitude up: carry through the nines.
        let mut carried = true;
        for digit in digits.iter_mut().rev() {
            if *digit == b'9' {
                *digit = b'0';
            } else {
                *digit += 1;
                carried = false;
                break;
            }
        }
        if carried {
            digits.insert(0, b'1');
            whole_len += 1;
        }
    }
    let mut out = String::with_capacity(digits.len() + 1);
    out.extend(digits[..whole_len].iter().map(|&b| char::from(b)));
    if places > 0 {
        out.push('.');
        out.extend(digits[whole_len..].iter().map(|&b| char::from(b)));
    }
    out
}

/// Digits with a comma between each group of three: `1,234,567`.
fn group(out: &mut String, whole: &str) {
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
}

/// The words units put around a figure in one language (the `unit-` messages).
struct UnitWords {
    per_10k: Around,
    /// One day, then any other number of days.
    days: [Around; 2],
    /// One percentage point, then any other number.
    points: [Around; 2],
    /// Pounds, millions and billions of pounds.
    money: [Around; 3],
}

impl UnitWords {
    fn of(language: Language) -> UnitWords {
        let plural = |id| [Around::of(language, id, 1), Around::of(language, id, 2)];
        UnitWords {
            per_10k: Around::of(language, "unit-per-10k", 2),
            days: plural("unit-days"),
            points: plural("unit-points"),
            money: ["unit-money", "unit-money-million", "unit-money-billion"]
                .map(|id| Around::of(language, id, 2)),
        }
    }

    fn get(language: Language) -> &'static UnitWords {
        static WORDS: LazyLock<[UnitWords; 2]> = LazyLock::new(|| Language::ALL.map(UnitWords::of));
        &WORDS[language.index()]
    }
}

/// A figure in its unit, in English.
pub fn with_unit(value: f64, unit: Unit, decimals: u8) -> String {
    with_unit_in(value, unit, decimals, Language::English)
}

/// A figure in its unit, in `language`: `67.9 per 10,000`, `67.9 fesul 10,000`.
pub fn with_unit_in(value: f64, unit: Unit, decimals: u8, language: Language) -> String {
    let words = UnitWords::get(language);
    match unit {
        Unit::Count | Unit::Score => number(value, decimals),
        Unit::Percent => number(value, decimals) + "%",
        Unit::RatePer10k => words.per_10k.around(&number(value, decimals)),
        Unit::Days => {
            let n = number(value, decimals);
            words.days[usize::from(n != "1")].around(&n)
        }
        Unit::Money => money(value, decimals, &words.money),
    }
}

/// A difference in its unit, in English: percentages differ in percentage points.
pub fn difference(delta: f64, unit: Unit, decimals: u8) -> String {
    difference_in(delta, unit, decimals, Language::English)
}

/// A difference in its unit, in `language`.
pub fn difference_in(delta: f64, unit: Unit, decimals: u8, language: Language) -> String {
    match unit {
        Unit::Percent => {
            let n = number(delta.abs(), decimals);
            UnitWords::get(language).points[usize::from(n != "1")].around(&n)
        }
        _ => with_unit_in(delta.abs(), unit, decimals, language),
    }
}

fn money(value: f64, decimals: u8, words: &[Around; 3]) -> String {
    let abs = value.abs();
    let (amount, scale) = if abs >= 1e9 {
        (number(abs / 1e9, 1), 2)
    } else if abs >= 1e6 {
        (number(abs / 1e6, 1), 1)
    } else {
        (number(abs, decimals), 0)
    };
    // As for any number, an amount that rounds to zero has no minus sign.
    let sign = if value < 0.0 && amount.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        "-"
    } else {
        ""
    };
    format!("{sign}{}", words[scale].around(&amount))
}

/// Rounds as the figure is shown, so that a change computed from two shown
/// figures agrees with them (67.9 - 64.3 is 3.6, whatever the raw data held):
/// half away from zero, from the decimal text, as [`number`] shows it.
pub fn round(value: f64, decimals: u8) -> f64 {
    if !value.is_finite() {
        return value;
    }
    let rounded = match quickly(value, decimals) {
        // Both exact, so the division gives the f64 nearest the decimal.
        Some(n) => n as f64 / 10f64.powi(decimals.into()),
        None => rounded(value.abs(), decimals)
            .parse()
            .unwrap_or(value.abs()),
    };
    // -0.04 rounds to -0, which must not show as "-0" wherever it is written.
    if rounded == 0.0 {
        0.0
    } else if value < 0.0 {
        -rounded
    } else {
        rounded
    }
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

    /// The quick way gives exactly what the standard library's formatting
    /// does, over magnitudes, decimals, halves and signs.
    #[test]
    fn the_quick_way_agrees_with_exact_formatting() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            1.005,
            2.675,
            67.85,
            -0.04,
            -0.05,
            1e14,
            999_999.995,
            123_456.5,
            1e15,
            1e16,
            f64::NAN,
            f64::INFINITY,
        ];
        for _ in 0..200_000 {
            let digits = (next() % 12) as i32;
            let value = (next() % 1_000_000) as f64 / 10f64.powi((next() % 7) as i32)
                * 10f64.powi(digits - 5);
            values.push(if next() % 4 == 0 { -value } else { value });
            values.push((next() % 100_000) as f64 / 8.0);
        }
        for value in values {
            for decimals in 0..=3 {
                assert_eq!(
                    number(value, decimals),
                    exactly(value, decimals),
                    "{value:?} to {decimals} decimals"
                );
            }
        }
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
    fn writes_units_in_welsh() {
        let cy = Language::Welsh;
        assert_eq!(
            with_unit_in(67.9, Unit::RatePer10k, 1, cy),
            "67.9 fesul 10,000"
        );
        assert_eq!(with_unit_in(1.0, Unit::Days, 0, cy), "1 diwrnod");
        assert_eq!(with_unit_in(498.0, Unit::Days, 0, cy), "498 diwrnod");
        assert_eq!(with_unit_in(72.0, Unit::Percent, 0, cy), "72%");
        assert_eq!(with_unit_in(-6385.0, Unit::Money, 0, cy), "-£6,385");
        assert_eq!(
            with_unit_in(34_500_000.0, Unit::Money, 0, cy),
            "£34.5 miliwn"
        );
        assert_eq!(difference_in(3.0, Unit::Percent, 0, cy), "3 pwynt canran");
        assert_eq!(difference_in(-1.0, Unit::Percent, 0, cy), "1 pwynt canran");
    }

    #[test]
    fn rounds_as_shown() {
        assert_eq!(round(67.94, 1), 67.9);
        assert_eq!(round(2.5, 0), 3.0);
    }

    /// Ties round half away from zero, as Excel's ROUND and the Analysis
    /// Function's guidance do, and from the number as written, never from
    /// the binary float nearest it: 0.125 and 1.005 are ties as written.
    /// The figure shown and the figure a change is worked from agree.
    #[test]
    fn ties_round_away_from_zero_from_the_number_as_written() {
        for (value, decimals, shown) in [
            (62.5, 0, "63"),
            (2.5, 0, "3"),
            (0.5, 0, "1"),
            (1.5, 0, "2"),
            (68.25, 1, "68.3"),
            (67.85, 1, "67.9"),
            (0.125, 2, "0.13"),
            (0.375, 2, "0.38"),
            (1.005, 2, "1.01"),
            (2.675, 2, "2.68"),
            (0.045, 1, "0.0"),
            (123_456.5, 0, "123,457"),
            (999_999.995, 2, "1,000,000.00"),
            (9.5, 0, "10"),
            (-2.5, 0, "-3"),
            (-62.5, 0, "-63"),
            (-68.25, 1, "-68.3"),
            (-0.125, 2, "-0.13"),
            (-0.05, 1, "-0.1"),
        ] {
            assert_eq!(number(value, decimals), shown, "{value} to {decimals}");
            let as_number: f64 = shown.replace(',', "").parse().unwrap();
            assert_eq!(round(value, decimals), as_number, "{value} to {decimals}");
        }
        assert_eq!(with_unit(62.5, Unit::Percent, 0), "63%");
        assert_eq!(with_unit(68.25, Unit::RatePer10k, 1), "68.3 per 10,000");
        assert_eq!(with_unit(2.5, Unit::Days, 0), "3 days");
        assert_eq!(with_unit(6384.5, Unit::Money, 0), "£6,385");
        assert_eq!(with_unit(34_250_000.0, Unit::Money, 0), "£34.3m");
        assert_eq!(difference(-2.5, Unit::Percent, 0), "3 percentage points");
    }

    /// The largest figure a cell can hold is written as its digits, not as
    /// the binary float's: 1e308 is a 1 and 308 zeros.
    #[test]
    fn the_largest_figures_have_no_spurious_digits() {
        for decimals in [0, 1, 2] {
            let shown = number(1e308, decimals);
            let (whole, fraction) = shown.split_once('.').unwrap_or((&shown, ""));
            let digits: String = whole.chars().filter(|&c| c != ',').collect();
            assert_eq!(digits, format!("1{}", "0".repeat(308)), "{decimals}");
            assert_eq!(fraction, "0".repeat(decimals.into()));
            assert_eq!(round(1e308, decimals), 1e308);
        }
        assert_eq!(number(-1e308, 0).len(), 1 + 309 + 102);
        assert_eq!(number(1.7976931348623157e308, 0)[..6], *"179,76");
        assert_eq!(
            with_unit(1e308, Unit::Money, 0),
            format!("£{}bn", number(1e299, 1))
        );
    }

    #[test]
    fn minus_zero_is_written_as_zero() {
        for value in [-0.0, -0.4, -0.000_01] {
            assert_eq!(number(value, 0), "0");
            assert_eq!(with_unit(value, Unit::Money, 0), "£0");
            assert_eq!(with_unit(value, Unit::Percent, 0), "0%");
            assert_eq!(difference(value, Unit::Count, 0), "0");
        }
        assert_eq!(with_unit(-400.0, Unit::Money, 0), "-£400");
        assert_eq!(with_unit(-0.01, Unit::Money, 2), "-£0.01");
        assert!(round(-0.04, 1).is_sign_positive());
        assert!(round(-0.0, 0).is_sign_positive());
    }
}
