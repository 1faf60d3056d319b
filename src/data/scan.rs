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

#[derive(Debug, Clone, Copy, PartialEq)]
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
    // Most files have no quote at all; for them there is nothing to scan.
    memchr::memchr(b'"', text.as_bytes())?;
    let mut scan = QuoteScan::default();
    scan.feed(text.as_bytes());
    scan.finish().map(|(unclosed, _)| unclosed)
}

/// [`unclosed_quote`] over text that comes a piece at a time (a file read
/// as it streams), keeping the line and column of the quote as it goes.
#[derive(Debug, Clone)]
pub(crate) struct QuoteScan {
    state: State,
    /// Bytes fed so far.
    offset: usize,
    /// Where the current record starts.
    record: usize,
    /// The quote that opened the field the scan is in, if it is in one,
    /// and its line; its column is worked out only if it is never closed,
    /// from the characters of its line before the piece it is in and the
    /// bytes of its line in that piece.
    quote: usize,
    quote_line: usize,
    quote_column: (usize, Vec<u8>),
    /// The line being read (1-based, counting `\n` as the csv crate does)
    /// and the characters of it read so far.
    line: usize,
    column: usize,
}

impl Default for QuoteScan {
    fn default() -> QuoteScan {
        QuoteScan {
            state: State::StartRecord,
            offset: 0,
            record: 0,
            quote: 0,
            quote_line: 1,
            quote_column: (0, Vec::new()),
            line: 1,
            column: 0,
        }
    }
}

/// The characters in `bytes` (of UTF-8 text, perhaps cut mid-character):
/// every byte but a continuation byte starts one.
fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl QuoteScan {
    /// Reads the next piece of the text.
    ///
    /// Only a quote can open or close a quoted field, so the scan jumps from
    /// quote to quote (memchr), and works out the state between from the
    /// bytes just before each; lines are counted once for the whole piece.
    pub(crate) fn feed(&mut self, bytes: &[u8]) {
        // Lines and columns up to `counted` in this piece are in `line`.
        let mut counted = 0;
        let mut i = 0;
        while i < bytes.len() {
            match self.state {
                State::InQuoted => match memchr::memchr(b'"', &bytes[i..]) {
                    Some(k) => {
                        i += k + 1;
                        self.state = State::QuoteInQuoted;
                    }
                    None => i = bytes.len(),
                },
                // A quote in a quoted field: doubled, or the field's end.
                State::QuoteInQuoted => {
                    self.state = match bytes[i] {
                        b'"' => State::InQuoted,
                        b',' => State::StartField,
                        b'\n' | b'\r' => State::StartRecord,
                        _ => State::InField,
                    };
                    i += 1;
                }
                _ => {
                    let end = memchr::memchr(b'"', &bytes[i..]).map_or(bytes.len(), |k| i + k);
                    self.skim(&bytes[i..end], self.offset + i);
                    if end == bytes.len() {
                        break;
                    }
                    if self.state == State::StartRecord {
                        self.record = self.offset + end;
                        self.state = State::StartField;
                    }
                    if self.state == State::StartField {
                        self.quote = self.offset + end;
                        self.line += newlines(&bytes[counted..end]);
                        counted = end;
                        self.quote_line = self.line;
                        let (before, line) = &mut self.quote_column;
                        line.clear();
                        match memchr::memrchr(b'\n', &bytes[..end]) {
                            Some(n) => {
                                *before = 0;
                                line.extend_from_slice(&bytes[n + 1..end]);
                            }
                            None => {
                                *before = self.column;
                                line.extend_from_slice(&bytes[..end]);
                            }
                        }
                        self.state = State::InQuoted;
                    } else {
                        // A quote inside a field not quoted is a character.
                        self.state = State::InField;
                    }
                    i = end + 1;
                }
            }
        }
        self.line += newlines(&bytes[counted..]);
        self.column = match memchr::memrchr(b'\n', bytes) {
            Some(n) => chars(&bytes[n + 1..]),
            None => self.column + chars(bytes),
        };
        self.offset += bytes.len();
    }

    /// The state and record after `bytes`, which start at `offset` and hold
    /// no quote, from a state outside a quoted field: where the last byte
    /// leaves it.
    fn skim(&mut self, bytes: &[u8], offset: usize) {
        let Some(&last) = bytes.last() else {
            return;
        };
        // The record in progress starts after the last line break, if any;
        // a record that has started carries on.
        match memchr::memrchr2(b'\n', b'\r', bytes) {
            Some(n) if n + 1 < bytes.len() => {
                self.record = offset + n + 1;
                self.state = State::InField;
            }
            Some(_) => self.state = State::StartRecord,
            None if self.state == State::StartRecord => {
                self.record = offset;
                self.state = State::InField;
            }
            None => self.state = State::InField,
        }
        if last == b',' {
            self.state = State::StartField;
        }
    }

    /// One byte, by the csv crate's rules: what [`QuoteScan::feed`] does
    /// in jumps, done a byte at a time, for the tests to hold it to.
    #[cfg(test)]
    fn step(&mut self, b: u8) {
        let newline = b == b'\n' || b == b'\r';
        let i = self.offset;
        self.offset += 1;
        if b == b'\n' {
            self.line += 1;
            self.column = 0;
        } else if (b as i8) >= -0x40 {
            self.column += 1;
        }
        if self.state == State::StartRecord {
            if newline {
                return;
            }
            self.record = i;
            self.state = State::StartField;
        }
        self.state = match (self.state, b) {
            (State::StartField, b'"') => {
                self.quote = i;
                self.quote_line = self.line;
                self.quote_column = (self.column - 1, Vec::new());
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

    /// At the end of the text: the quote never closed, if there is one,
    /// with its line and column.
    pub(crate) fn finish(&self) -> Option<(Unclosed, (usize, usize))> {
        let (before, line) = &self.quote_column;
        (self.state == State::InQuoted).then_some((
            Unclosed {
                quote: self.quote,
                record: self.record,
            },
            (self.quote_line, before + chars(line) + 1),
        ))
    }
}

/// The line breaks (`\n`, as the csv crate counts them) in `bytes`.
fn newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
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

    /// A scan that steps through every byte, never skimming.
    fn stepped(text: &str) -> QuoteScan {
        let mut scan = QuoteScan::default();
        for &b in text.as_bytes() {
            scan.step(b);
        }
        scan
    }

    #[test]
    fn a_quote_never_closed_is_found_in_a_stream_at_its_line_and_column() {
        let text = "a,b\r\nc,d\r\né,\"never closed\r\nf,g\r\n";
        let mut scan = QuoteScan::default();
        for piece in text.as_bytes().chunks(3) {
            scan.feed(piece);
        }
        let (unclosed, at) = scan.finish().unwrap();
        assert_eq!(at, (3, 3));
        assert_eq!(&text[unclosed.record..unclosed.quote], "é,");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Fed in pieces of any size, the scan finds what it finds fed a
        /// byte at a time, and places the quote as an editor does.
        #[test]
        fn pieces_agree_with_the_whole(
            chars in proptest::collection::vec(
                proptest::sample::select(vec!['"', ',', '\n', '\r', 'a', ' ', 'é']),
                0..60,
            ),
            sizes in proptest::collection::vec(1usize..8, 1..6),
        ) {
            let text: String = chars.into_iter().collect();
            let mut scan = QuoteScan::default();
            let (mut at, mut size) = (0, sizes.iter().cycle());
            while at < text.len() {
                let end = (at + size.next().copied().unwrap_or(1)).min(text.len());
                scan.feed(&text.as_bytes()[at..end]);
                at = end;
            }
            let whole = stepped(&text);
            prop_assert_eq!(scan.finish(), whole.finish(), "{:?}", text);
            prop_assert_eq!((scan.line, scan.column), (whole.line, whole.column), "{:?}", text);
            if let Some((unclosed, place)) = scan.finish() {
                prop_assert_eq!(Some(unclosed), unclosed_quote(&text));
                prop_assert_eq!(place, crate::problem::line_col(&text, unclosed.quote));
            }
        }

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
