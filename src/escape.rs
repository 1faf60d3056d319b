//! HTML escaping, in one place for templates, Markdown output and SVG charts.

/// Appends `text` to `out` with `& < > " '` escaped, safe in element content
/// and in quoted attribute values alike.
pub fn escape_into(out: &mut String, text: &str) {
    // Copies the runs between special characters whole: most text has none.
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// `text` escaped as by [`escape_into`], with each financial year in it
/// ("2022-23") held on one line by a `<span class="period">`, so a heading
/// such as "Q1 2022-23" may wrap at its space but never at its hyphen. The
/// words themselves are unchanged for screen readers and copying.
pub fn escape_keeping_years(text: &str) -> String {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let year_at = |i: usize| {
        (i..i + 4).all(digit)
            && bytes.get(i + 4) == Some(&b'-')
            && digit(i + 5)
            && digit(i + 6)
            && !digit(i + 7)
            && (i == 0 || !digit(i - 1))
    };
    let mut out = String::with_capacity(text.len() + 32);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if year_at(i) {
            escape_into(&mut out, &text[start..i]);
            out.push_str("<span class=\"period\">");
            out.push_str(&text[i..i + 7]);
            out.push_str("</span>");
            i += 7;
            start = i;
        } else {
            i += 1;
        }
    }
    escape_into(&mut out, &text[start..]);
    out
}

/// `text` with `& < > " '` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// A text cell for a CSV file that spreadsheets will open: text starting with
/// `=`, `+`, `-` or `@` is read by Excel as a formula, so it gets a leading `'`.
pub fn csv_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn spreadsheet_formulas_in_text_are_defused() {
        assert_eq!(super::csv_text("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(super::csv_text("16 and over"), "16 and over");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::escape("<a href=\"x\">Tom's & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn a_financial_year_is_kept_whole_and_the_rest_escaped() {
        assert_eq!(
            super::escape_keeping_years("Q1 2022-23 <b>"),
            "Q1 <span class=\"period\">2022-23</span> &lt;b&gt;"
        );
        assert_eq!(
            super::escape_keeping_years("Neighbours (2021-22)"),
            "Neighbours (<span class=\"period\">2021-22</span>)"
        );
        assert_eq!(super::escape_keeping_years("12022-234"), "12022-234");
        assert_eq!(super::escape_keeping_years("June 2023"), "June 2023");
    }
}
