//! One cell of a data file: a number, a GSS marker, or a number with markers.
//!
//! The UK Government Statistical Service writes suppressed or qualified figures
//! with markers in square brackets (`[c]`, `12 [p]`). A suppressed figure has no
//! number at all, so it can never be drawn or summed as zero by mistake.

use crate::problem::quote;
use std::fmt;

/// A Government Statistical Service marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Marker {
    /// `[c]`: confidential, suppressed to protect individuals.
    Confidential,
    /// `[x]`: not available.
    NotAvailable,
    /// `[z]`: not applicable.
    NotApplicable,
    /// `[low]`: rounds to zero, but is not zero.
    Low,
    /// `[u]`: low reliability.
    LowReliability,
    /// `[p]`: provisional.
    Provisional,
    /// `[r]`: revised.
    Revised,
    /// `[e]`: estimated.
    Estimated,
}

/// Every marker, in the order keys list them.
pub const ALL_MARKERS: [Marker; 8] = [
    Marker::Confidential,
    Marker::NotAvailable,
    Marker::NotApplicable,
    Marker::Low,
    Marker::LowReliability,
    Marker::Provisional,
    Marker::Revised,
    Marker::Estimated,
];

impl Marker {
    /// The marker as written: `[c]`.
    pub fn code(self) -> &'static str {
        match self {
            Marker::Confidential => "[c]",
            Marker::NotAvailable => "[x]",
            Marker::NotApplicable => "[z]",
            Marker::Low => "[low]",
            Marker::LowReliability => "[u]",
            Marker::Provisional => "[p]",
            Marker::Revised => "[r]",
            Marker::Estimated => "[e]",
        }
    }

    /// What the marker means, for keys beside tables and charts.
    pub fn meaning(self) -> &'static str {
        match self {
            Marker::Confidential => "confidential: the figure is withheld to protect individuals",
            Marker::NotAvailable => "not available",
            Marker::NotApplicable => "not applicable",
            Marker::Low => "rounds to zero, but is not zero",
            Marker::LowReliability => "low reliability",
            Marker::Provisional => "provisional: the figure may change",
            Marker::Revised => "revised since it was first published",
            Marker::Estimated => "estimated",
        }
    }

    /// Markers that stand in for a number, rather than qualify one.
    fn replaces_number(self) -> bool {
        matches!(
            self,
            Marker::Confidential | Marker::NotAvailable | Marker::NotApplicable | Marker::Low
        )
    }

    fn from_code(code: &str) -> Option<Marker> {
        ALL_MARKERS
            .into_iter()
            .find(|m| m.code()[1..m.code().len() - 1].eq_ignore_ascii_case(code))
    }
}

impl fmt::Display for Marker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A figure as read from a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The number, absent when a marker stands in for it.
    pub value: Option<f64>,
    /// Markers, in the order written.
    pub markers: Vec<Marker>,
}

/// Reads a cell. `Ok(None)` for an empty cell.
///
/// Errors say what is wrong in words a spreadsheet user knows. A figure is
/// never changed on the way in: a number that cannot be held exactly, a marker
/// written twice and two markers that contradict each other are refused.
pub fn parse_cell(text: &str) -> Result<Option<Figure>, String> {
    let mut rest = text.trim();
    if rest.is_empty() {
        return Ok(None);
    }
    let mut markers = Vec::new();
    while let Some(before) = rest.strip_suffix(']') {
        let Some(open) = before.rfind('[') else {
            return Err(format!("{} has a `]` without a `[`", quote(text.trim())));
        };
        let code = &before[open + 1..];
        let marker = Marker::from_code(code).ok_or_else(|| {
            format!(
                "{} is not a marker; the markers are {}",
                quote(&format!("[{code}]")),
                ALL_MARKERS.map(Marker::code).join(" ")
            )
        })?;
        if markers.contains(&marker) {
            return Err(format!(
                "{} has the marker `{marker}` twice; write it once",
                quote(text.trim())
            ));
        }
        markers.insert(0, marker);
        rest = before[..open].trim_end();
    }
    let mut standing_in = markers.iter().filter(|m| m.replaces_number());
    if let (Some(a), Some(b)) = (standing_in.next(), standing_in.next()) {
        return Err(format!(
            "{} has both `{a}` ({}) and `{b}` ({}), which contradict each other; keep the one that is true",
            quote(text.trim()),
            a.meaning(),
            b.meaning()
        ));
    }
    if rest.is_empty() {
        if let Some(m) = markers.iter().find(|m| !m.replaces_number()) {
            return Err(format!(
                "`{m}` qualifies a figure, so it needs a number before it, e.g. `12 {m}`"
            ));
        }
        return Ok(Some(Figure {
            value: None,
            markers,
        }));
    }
    if let Some(m) = markers
        .iter()
        .find(|m| m.replaces_number() && **m != Marker::Low)
    {
        return Err(format!(
            "`{m}` stands in for a figure, so it cannot follow a number"
        ));
    }
    let value = parse_number(rest)?;
    Ok(Some(Figure {
        value: Some(value),
        markers,
    }))
}

/// The most significant digits a figure keeps exactly: any decimal number of
/// 15 digits survives the trip into a 64-bit float and back.
pub const SIGNIFICANT_DIGITS: usize = 15;

fn parse_number(text: &str) -> Result<f64, String> {
    let ok = !text.is_empty()
        && text.bytes().all(|b| {
            b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+' || b == b'e' || b == b'E'
        });
    let value: f64 = match ok.then(|| text.parse().ok()).flatten() {
        Some(value) if f64::is_finite(value) => value,
        _ => return Err(number_help(text)),
    };
    let Some((digits, exponent)) = decimal(text) else {
        return Err(not_exact(text));
    };
    if digits.len() > SIGNIFICANT_DIGITS {
        return Err(format!(
            "{} has {} significant digits, more than the {SIGNIFICANT_DIGITS} a figure keeps exactly; round it",
            quote(text),
            digits.len()
        ));
    }
    // Too small a number comes back as zero or with digits lost.
    if decimal(&format!("{:e}", value.abs())) != Some((digits, exponent)) {
        return Err(not_exact(text));
    }
    // `-0` is zero: a sign on nothing would show as "-0" in a download.
    Ok(if value == 0.0 { 0.0 } else { value })
}

fn not_exact(text: &str) -> String {
    format!(
        "{} cannot be stored exactly: it is too large or too small; round it",
        quote(text)
    )
}

/// A number's significant digits, without leading or trailing zeros, and the
/// power of ten of the first: `0.0120` is ("12", -2). Zero has no digits.
fn decimal(text: &str) -> Option<(String, i64)> {
    let text = text.trim_start_matches(['+', '-']);
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = || whole.bytes().chain(fraction.bytes());
    let leading = all().take_while(|b| *b == b'0').count();
    let digits: String = all().skip(leading).map(char::from).collect();
    let digits = digits.trim_end_matches('0').to_string();
    if digits.is_empty() {
        return Some((digits, 0));
    }
    let first = (whole.len() as i64) - (leading as i64) - 1;
    Some((digits, first.checked_add(exponent)?))
}

fn number_help(text: &str) -> String {
    let hint = if text.ends_with('%') {
        "write percentages without `%` (72, not 72%)"
    } else if text.contains(',') {
        "write numbers without thousands separators (1234, not 1,234)"
    } else if text.starts_with('£') {
        "write money without `£` (34500000, not £34.5m)"
    } else {
        "write a plain number such as 72 or 67.9, or a marker such as [x] (not available)"
    };
    format!("{} is not a number; {hint}", quote(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(text: &str) -> Figure {
        parse_cell(text).unwrap().unwrap()
    }

    #[test]
    fn reads_plain_numbers() {
        assert_eq!(figure("308").value, Some(308.0));
        assert_eq!(figure(" 67.9 ").value, Some(67.9));
        assert_eq!(figure("-3").value, Some(-3.0));
        assert_eq!(parse_cell("  ").unwrap(), None);
    }

    #[test]
    fn reads_markers_alone_and_after_numbers() {
        let c = figure("[c]");
        assert_eq!((c.value, c.markers), (None, vec![Marker::Confidential]));
        let p = figure("12 [p]");
        assert_eq!(
            (p.value, p.markers),
            (Some(12.0), vec![Marker::Provisional])
        );
        let pr = figure("12[P] [r]");
        assert_eq!(pr.markers, vec![Marker::Provisional, Marker::Revised]);
        for code in ["[c]", "[x]", "[z]", "[low]"] {
            assert_eq!(figure(code).value, None, "{code}");
        }
        assert_eq!(figure("0 [low]").value, Some(0.0));
    }

    #[test]
    fn rejects_non_numbers_with_a_hint() {
        assert!(parse_cell("72%").unwrap_err().contains("without `%`"));
        assert!(
            parse_cell("1,234")
                .unwrap_err()
                .contains("thousands separators")
        );
        assert!(parse_cell("n/a").unwrap_err().contains("is not a number"));
        assert!(parse_cell("NaN").is_err());
        assert!(
            parse_cell("12 [q]")
                .unwrap_err()
                .contains("`[q]` is not a marker")
        );
        assert!(parse_cell("[p]").unwrap_err().contains("needs a number"));
        assert!(
            parse_cell("12 [c]")
                .unwrap_err()
                .contains("cannot follow a number")
        );
    }

    #[test]
    fn refuses_numbers_that_cannot_be_held_exactly() {
        assert_eq!(figure("123456789012345").value, Some(123456789012345.0));
        assert_eq!(figure("0.000000000000001").value, Some(1e-15));
        assert_eq!(figure("1.50000000000000000000").value, Some(1.5));
        assert_eq!(figure("1e300").value, Some(1e300));
        for (text, why) in [
            ("1234567890123456", "16 significant digits"),
            ("0.1234567890123456789", "19 significant digits"),
            ("1e-400", "cannot be stored exactly"),
            ("4.9e-324", "cannot be stored exactly"),
            ("1e400", "is not a number"),
        ] {
            let err = parse_cell(text).unwrap_err();
            assert!(err.contains(why), "{text}: {err}");
        }
    }

    #[test]
    fn minus_zero_is_zero() {
        for text in ["-0", "-0.0", "-0e5", "-0 [low]"] {
            let value = figure(text).value.unwrap();
            assert!(value == 0.0 && value.is_sign_positive(), "{text}");
        }
    }

    #[test]
    fn refuses_repeated_and_contradictory_markers() {
        let err = parse_cell("12 [p] [p]").unwrap_err();
        assert!(err.contains("has the marker `[p]` twice"), "{err}");
        let err = parse_cell("[c][x]").unwrap_err();
        assert!(
            err.contains("`[c]`") && err.contains("`[x]`") && err.contains("contradict"),
            "{err}"
        );
        assert!(parse_cell("[c] [low]").unwrap_err().contains("contradict"));
        assert!(parse_cell("[x][X]").unwrap_err().contains("twice"));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Text made mostly of what cells are made of.
        fn cell_like() -> impl Strategy<Value = String> {
            let parts = proptest::sample::select(vec![
                "1", "0", "9", "12", ".", "-", "+", "e", "E", "5", " ", "[", "]", "[c]", "[x]",
                "[p]", "[low]", "[r]", "[P]", "%", ",", "£", "\u{1b}", "\0", "inf", "NaN",
            ]);
            prop_oneof![
                proptest::collection::vec(parts, 0..8).prop_map(|p| p.concat()),
                ".{0,30}",
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Nothing panics; a figure read is finite, never -0, and has
            /// each marker once and at most one standing in for a number;
            /// a refusal quotes the text safely.
            #[test]
            fn any_text_is_a_figure_or_a_safe_refusal(text in cell_like()) {
                match parse_cell(&text) {
                    Ok(None) => prop_assert!(text.trim().is_empty()),
                    Ok(Some(figure)) => {
                        if let Some(v) = figure.value {
                            prop_assert!(v.is_finite() && !(v == 0.0 && v.is_sign_negative()));
                        }
                        let mut markers = figure.markers.clone();
                        markers.sort();
                        markers.dedup();
                        prop_assert_eq!(markers.len(), figure.markers.len());
                        prop_assert!(figure.markers.iter().filter(|m| m.replaces_number()).count() <= 1);
                    }
                    Err(message) => {
                        prop_assert!(!message.contains(char::is_control), "{:?}", message);
                        prop_assert!(message.chars().count() < 400);
                    }
                }
            }

            /// Every number of at most 15 significant digits is read exactly,
            /// however it is written.
            #[test]
            fn numbers_of_fifteen_digits_read_exactly(
                mantissa in -999_999_999_999_999i64..=999_999_999_999_999,
                exponent in -300i32..=290,
            ) {
                let text = format!("{mantissa}e{exponent}");
                let expected: f64 = text.parse().unwrap();
                let read = parse_cell(&text).map(|f| f.and_then(|f| f.value));
                prop_assert_eq!(read, Ok(Some(if expected == 0.0 { 0.0 } else { expected })), "{}", text);
                let shown = format!("{expected}");
                prop_assert_eq!(parse_cell(&shown).map(|f| f.and_then(|f| f.value)), Ok(Some(expected + 0.0)));
            }
        }
    }

    #[test]
    fn a_huge_bad_number_gives_a_short_message() {
        let err = parse_cell(&format!("{}x", "9".repeat(20_000_000))).unwrap_err();
        assert!(err.len() < 400, "{} bytes", err.len());
        let err = parse_cell("\u{1b}[2J12").unwrap_err();
        assert!(!err.contains('\u{1b}'), "{err}");
    }
}
