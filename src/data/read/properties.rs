//! Property tests of reading a CSV file, long or wide: whatever the text,
//! reading does not panic, and every problem names its line (and, for an
//! error, its column) in the file as an editor shows it.

use crate::problem::Severity;
use proptest::prelude::*;

/// One field: mostly the kinds a file holds, right and wrong, and now and
/// then anything at all.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(vec![
            "cla_count", "cla_share", "cla_cuont", "", " ", "2023-06", "2023-24 Q1", "-2023-01",
            "2023-13", "0000-01", "308", "-3", "150", "12 [p]", "[c]", "[c][x]", "12 [p] [p]",
            "1234567890123456", "72%", "England", "Englnd", "\"quoted, with comma\"",
            "\"never closed", "a \"mid\" quote", "\"two\nlines\"", "\"doubled \"\" quote\"", "\u{1b}[2J", "é",
        ])
        .prop_map(str::to_string),
        1 => ".{0,12}",
    ]
}

/// A header: the columns of a long or a wide file, some repeated or unknown.
fn header() -> impl Strategy<Value = Vec<String>> {
    let long = proptest::collection::vec(
        proptest::sample::select(vec![
            "indicator",
            "period",
            "value",
            "area",
            "breakdown",
            "note",
            "comment",
            "value",
            "aera",
        ]),
        1..7,
    )
    .prop_map(|names| {
        let mut header = vec!["indicator", "period", "value"];
        header.extend(names.into_iter().skip(1));
        header.into_iter().map(str::to_string).collect::<Vec<_>>()
    });
    let wide = proptest::collection::vec(
        proptest::sample::select(vec![
            "area",
            "breakdown",
            "2023-06",
            "2023-07",
            "2023-24 Q1",
            "Q1 2023-24",
            "Q9",
            "",
        ]),
        1..6,
    )
    .prop_map(|names| {
        std::iter::once("indicator")
            .chain(names)
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    prop_oneof![long, wide]
}

/// A file: a header, rows of fields, and now and then an empty line, a
/// Windows line end or a missing last line end.
fn csv_text() -> impl Strategy<Value = String> {
    (
        header(),
        proptest::collection::vec(proptest::collection::vec(field(), 0..7), 0..8),
        proptest::sample::select(vec!["\n", "\r\n", "\n\n"]),
        any::<bool>(),
        0usize..3,
    )
        .prop_map(|(header, rows, end, last_end, blank_before)| {
            let mut text = "\n".repeat(blank_before);
            text.push_str(&header.join(","));
            for row in rows {
                text.push_str(end);
                text.push_str(&row.join(","));
            }
            if last_end {
                text.push_str(end);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_problem_names_its_place(text in csv_text()) {
        let (rows, problems) = super::tests::read_problems(&text);
        let normalised = crate::fsutil::normalise_newlines(text.clone());
        let lines: Vec<&str> = normalised.lines().collect();
        for problem in &problems {
            let line = problem.line;
            prop_assert!(line.is_some(), "no line: {}\n{:?}", problem, text);
            let line = line.unwrap_or(0);
            prop_assert!(line >= 1 && line <= lines.len().max(1), "{}\n{:?}", problem, text);
            if problem.severity == Severity::Error {
                let at = lines[line - 1];
                prop_assert!(!at.trim().is_empty(), "an empty line: {}\n{:?}", problem, text);
                let column = problem.column.unwrap_or(0);
                prop_assert!(
                    column >= 1 && column <= at.chars().count() + 1,
                    "column: {}\n{:?}",
                    problem,
                    text
                );
            }
            prop_assert!(!problem.message.contains(char::is_control), "{:?}", problem.message);
        }
        for row in &rows {
            prop_assert!(row.line >= 1 && row.line <= lines.len());
            prop_assert!(!lines[row.line - 1].trim().is_empty());
        }
        // A quote never closed is always reported.
        if super::unclosed_quote(&normalised).is_some() {
            prop_assert!(problems.iter().any(|p| p.message.contains("never closed")));
        }
    }
}
