//! One cell of a data file: a number, a GSS marker, or a number with markers.
//!
//! The UK Government Statistical Service writes suppressed or qualified figures
//! with markers in square brackets (`[c]`, `12 [p]`). A suppressed figure has no
//! number at all, so it can never be drawn or summed as zero by mistake.

use crate::i18n::Language;
use crate::problem::quote;
use std::fmt;
use std::sync::LazyLock;

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

    /// What the marker means, for keys beside tables and charts, in English.
    pub fn meaning(self) -> &'static str {
        self.meaning_in(Language::English)
    }

    /// What the marker means in `language`: its `marker-` message, read from
    /// the message file once.
    pub fn meaning_in(self, language: Language) -> &'static str {
        static MEANINGS: LazyLock<[[String; 8]; 2]> = LazyLock::new(|| {
            Language::ALL.map(|language| {
                ALL_MARKERS.map(|marker| {
                    let id = format!("marker-{}", marker.code().trim_matches(['[', ']']));
                    crate::i18n::message(language, &id, None).unwrap_or_else(|e| panic!("{e}"))
                })
            })
        });
        let index = ALL_MARKERS
            .iter()
            .position(|&m| m == self)
            .unwrap_or_default();
        &MEANINGS[language.index()][index]
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

impl Figure {
    /// The figure as text: its number as `number` writes it, then each of
    /// its markers `shown` keeps, a space between (`12 [p]`, `[c]`).
    pub fn text(&self, number: impl Fn(f64) -> String, shown: impl Fn(Marker) -> bool) -> String {
        let mut text = self.value.map(number).unwrap_or_default();
        for marker in self.markers.iter().filter(|m| shown(**m)) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(marker.code());
        }
        text
    }
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

/// A number as a figure holds it: exactly as written, or refused with why
/// (more than [`SIGNIFICANT_DIGITS`] significant digits, too large or too
/// small to store, or not a plain number).
pub(crate) fn exact_number(text: &str) -> Result<f64, String> {
    parse_number(text)
}

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
    // Too small a number comes back as zero or with digits lost. Written
    // without an exponent in fewer than 300 characters, a number of so few
    // digits is far from that, and comes back exactly: only numbers written
    // with an exponent are checked, which saves formatting every figure.
    let plain = !text.contains(['e', 'E']) && text.len() < 300;
    if !plain && decimal(&format!("{:e}", value.abs())) != Some((digits, exponent)) {
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
mod tests;
