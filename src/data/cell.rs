//! One cell of a data file: a number, a GSS marker, or a number with markers.
//!
//! The UK Government Statistical Service writes suppressed or qualified figures
//! with markers in square brackets (`[c]`, `12 [p]`). A suppressed figure has no
//! number at all, so it can never be drawn or summed as zero by mistake.

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
/// Errors say what is wrong in words a spreadsheet user knows.
pub fn parse_cell(text: &str) -> Result<Option<Figure>, String> {
    let mut rest = text.trim();
    if rest.is_empty() {
        return Ok(None);
    }
    let mut markers = Vec::new();
    while let Some(before) = rest.strip_suffix(']') {
        let Some(open) = before.rfind('[') else {
            return Err(format!("`{text}` has a `]` without a `[`"));
        };
        let code = &before[open + 1..];
        let marker = Marker::from_code(code).ok_or_else(|| {
            format!(
                "`[{code}]` is not a marker; the markers are {}",
                ALL_MARKERS.map(Marker::code).join(" ")
            )
        })?;
        markers.insert(0, marker);
        rest = before[..open].trim_end();
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
    let value = parse_number(rest).ok_or_else(|| number_help(rest))?;
    Ok(Some(Figure {
        value: Some(value),
        markers,
    }))
}

fn parse_number(text: &str) -> Option<f64> {
    let ok = !text.is_empty()
        && text.bytes().all(|b| {
            b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+' || b == b'e' || b == b'E'
        });
    let value: f64 = if ok { text.parse().ok()? } else { return None };
    value.is_finite().then_some(value)
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
    format!("`{text}` is not a number; {hint}")
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
}
