//! The raw text of a CSV file, looked at as the csv crate reads it: where a
//! quoted field opens and never closes, and where each field of a line starts.
//!
//! The csv crate reads a quote that opens a field and never closes as a field
//! running to the end of the file: every row after it becomes one note, and
//! nothing says so. Nor does the crate say where a field starts in a line. Both
//! need the same few rules it follows, which these functions follow too (a
//! property test holds them to the crate).

/// A quoted field that is never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unclosed {
    /// Byte offset of the quote that opens the field.
    pub(crate) quote: usize,
    /// Byte offset where the record holding it starts: what comes before
    /// can still be read.
    pub(crate) record: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    /// Between records, where line breaks are skipped.
    StartRecord,
    /// At the start of a field: only here does a quote open one.
    StartField,
    /// In a field not quoted, where a quote is just a character.
    InField,
    /// In a quoted field.
    InQuoted,
    /// A quote in a quoted field: it closes the field, or doubled is a quote.
    QuoteInQuoted,
}

/// The quote that opens a field never closed, if there is one: the csv
/// crate's rules (`,` between fields, `"` around a field, `""` for a quote in
/// one, `\r` or `\n` between records).
pub(crate) fn unclosed_quote(text: &str) -> Option<Unclosed> {
    let bytes = text.as_bytes();
    // Most files have no quote at all; for them there is nothing to scan.
    memchr::memchr(b'"', bytes)?;
    let mut state = State::StartRecord;
    let mut record = 0;
    let mut quote = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let newline = b == b'\n' || b == b'\r';
        if state == State::StartRecord {
            if newline {
                continue;
            }
            record = i;
            state = State::StartField;
        }
        state = match (state, b) {
            (State::StartField, b'"') => {
                quote = i;
                State::InQuoted
            }
            (State::InQuoted, b'"') => State::QuoteInQuoted,
            (State::InQuoted, _) => State::InQuoted,
            (State::QuoteInQuoted, b'"') => State::InQuoted,
            (_, b',') => State::StartField,
            _ if newline => State::StartRecord,
            _ => State::InField,
        };
    }
    (state == State::InQuoted).then_some(Unclosed { quote, record })
}

/// The 1-based character column where field `index` starts in a raw CSV line.
pub(crate) fn field_column(line: &str, index: usize) -> usize {
    field_columns(line)
        .get(index)
        .copied()
        .unwrap_or(line.chars().count() + 1)
}

/// The 1-based character column where each field starts in a raw CSV line.
pub(crate) fn field_columns(line: &str) -> Vec<usize> {
    let mut columns = vec![1];
    let mut quoted = false;
    for (column, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => columns.push(column + 2),
            _ => {}
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether the csv crate ends `text` inside a quoted field: after such a
    /// text, `\n"\n` closes the field and `\u{1}` is a record of its own;
    /// after any other, the `"` opens a field that holds the rest.
    fn csv_crate_ends_quoted(text: &str) -> bool {
        let probe = format!("{text}\n\"\n\u{1}");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(probe.as_bytes());
        let last = reader.records().filter_map(Result::ok).last();
        last.is_some_and(|r| r.len() == 1 && &r[0] == "\u{1}")
    }

    #[test]
    fn finds_a_quote_never_closed() {
        let text =
            "indicator,period,value,note\ncla_count,2023-06,1,\"oops\ncla_count,2023-07,2,\n";
        let found = unclosed_quote(text).unwrap();
        assert_eq!(&text[found.quote..found.quote + 5], "\"oops");
        assert_eq!(&text[found.record..found.record + 9], "cla_count");
        assert!(csv_crate_ends_quoted(text));
    }

    #[test]
    fn quotes_closed_or_inside_a_field_are_fine() {
        for text in [
            "a,\"b, c\",d\n",
            "a,\"line\nbreak\"\n",
            "a,5\" floppy\n",
            "a,\"say \"\"hi\"\"\"\n",
            "a,\"closed\"",
            "no quotes at all\n",
        ] {
            assert_eq!(unclosed_quote(text), None, "{text:?}");
            assert!(!csv_crate_ends_quoted(text), "{text:?}");
        }
    }

    #[test]
    fn finds_field_columns() {
        assert_eq!(field_columns("a,\"b,c\",d"), vec![1, 3, 9]);
        assert_eq!(field_column("ab,cd", 1), 4);
        assert_eq!(field_column("ab", 3), 3);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The scan agrees with the csv crate on every text made of the
        /// characters that matter to it.
        #[test]
        fn agrees_with_the_csv_crate(
            chars in proptest::collection::vec(
                proptest::sample::select(vec!['"', ',', '\n', '\r', 'a', ' ', 'é']),
                0..40,
            )
        ) {
            let text: String = chars.into_iter().collect();
            let found = unclosed_quote(&text);
            prop_assert_eq!(found.is_some(), csv_crate_ends_quoted(&text), "{:?}", text);
            if let Some(found) = found {
                prop_assert_eq!(text.as_bytes()[found.quote], b'"');
                prop_assert!(found.record <= found.quote);
            }
        }
    }
}
