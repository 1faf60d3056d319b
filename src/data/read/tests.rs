//! Reading CSV files of figures: shapes, places, and what is refused.

use super::*;
use crate::data::cell::Marker;

fn context() -> (BTreeMap<String, Indicator>, Config) {
    let (indicators, problems) = crate::data::indicators::parse(
        "cla_count:\n  title: CLA\n  unit: count\ncla_rate:\n  title: Rate\n  unit: rate_per_10k\ncla_share:\n  title: Share\n  unit: percent\n",
    );
    assert!(problems.is_empty());
    let config = Config::parse(
        "title = \"T\"\npublisher = \"P\"\narea = \"Thurrock\"\n[comparators]\nsn = \"Statistical neighbours\"\nengland = \"England\"\n",
    )
    .unwrap();
    (indicators, config)
}

fn read_text(text: &str) -> (Vec<Record>, Vec<String>) {
    let (rows, problems) = read_problems(text);
    (rows, problems.iter().map(|p| p.to_string()).collect())
}

/// Reads `text` as data/x.csv with three indicators and two comparators.
pub(super) fn read_problems(text: &str) -> (Vec<Record>, Vec<Problem>) {
    let (indicators, config) = context();
    let declared = indicators.keys().cloned().collect();
    let cx = ReadContext {
        indicators: &indicators,
        declared: &declared,
        config: &config,
        indicators_read: true,
    };
    read(Path::new("data/x.csv"), text, &cx)
}

#[test]
fn reads_long_shape() {
    let (rows, problems) = read_text(
        "indicator,period,value,area,breakdown,note\ncla_count,2023-06,308,,,\ncla_rate,2023-03,68.3,Statistical neighbours,,benchmark\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].figure.value, Some(308.0));
    assert_eq!(rows[0].area, None);
    assert_eq!(rows[1].area.as_deref(), Some("sn"));
    assert_eq!(rows[1].note.as_deref(), Some("benchmark"));
    assert_eq!((rows[1].line, rows[1].column), (3, 18));
}

#[test]
fn a_comment_is_read_and_kept_nowhere() {
    let (rows, problems) = read_text(
        "indicator,period,value,note,comment\ncla_count,2023-06,308,Provisional,OCR reads 3O8\ncla_count,2023-05,301,,Checked against the return\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].note.as_deref(), Some("Provisional"));
    assert_eq!(rows[1].note, None);
    // Nothing of a row holds the comment, so nothing built from rows can show it.
    let all = format!("{rows:?}");
    assert!(
        !all.contains("OCR reads") && !all.contains("Checked against"),
        "{all}"
    );
}

#[test]
fn a_wide_file_has_no_note_or_comment_column() {
    for column in ["note", "comment"] {
        let (rows, problems) = read_text(&format!(
            "indicator,{column},2023-06\ncla_count,remark,308\n"
        ));
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(&format!(
                "data/x.csv:1:11: error: a wide file has no `{column}` column"
            )),
            "{problems:?}"
        );
        assert!(problems[0].contains("in a long file"), "{problems:?}");
    }
}

#[test]
fn reads_wide_shape_skipping_empty_cells() {
    let (rows, problems) = read_text(
        "indicator,area,2023-04,2023-05,2023-06\ncla_count,,294,,308 [p]\ncla_rate,england,70,,\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1].period.short_label(), "June 2023");
    assert_eq!(rows[1].figure.markers, vec![Marker::Provisional]);
    assert_eq!(rows[2].area.as_deref(), Some("england"));
}

#[test]
fn spreadsheet_exports_read_like_clean_files() {
    let clean = "indicator,period,value\ncla_count,2023-06,308\n";
    let crlf = "indicator,period,value\r\ncla_count,2023-06,308\r\n";
    let (a, _) = read_text(clean);
    let (b, problems) = read_text(crlf);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(a[0].figure, b[0].figure);
    assert_eq!(a[0].line, b[0].line);
}

#[test]
fn names_every_bad_cell() {
    let (rows, problems) = read_text(
        "indicator,period,value\ncla_cuont,2023-06,308\ncla_count,Jnue 2023,308\ncla_count,2023-06,72%\ncla_count,2023-06\n",
    );
    assert!(rows.is_empty());
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems[0].starts_with("data/x.csv:2:1: error: unknown indicator `cla_cuont`"));
    assert!(problems[0].contains("did you mean `cla_count`?"));
    assert!(problems[1].starts_with(
        "data/x.csv:3:11: error: `Jnue 2023` is not a period; write `2023-06` for June 2023"
    ));
    assert!(problems[2].starts_with("data/x.csv:4:19: error: `72%` is not a number"));
    assert!(
        problems[3]
            .starts_with("data/x.csv:5:1: error: this row has 2 fields but the header has 3")
    );
}

#[test]
fn rejects_unknown_areas_and_columns() {
    let (_, problems) = read_text("indicator,period,value,area\ncla_rate,2023-03,70,Englnd\n");
    assert!(
        problems[0].contains("unknown area `Englnd`")
            && problems[0].contains("did you mean `England`?"),
        "{problems:?}"
    );
    let (_, problems) = read_text("indicator,period,value,aera\n");
    assert!(
        problems[0].contains("unknown column `aera`")
            && problems[0].contains("did you mean `area`?"),
        "{problems:?}"
    );
    let (_, problems) = read_text("indicator,2023-06,Q5\ncla_count,1,2\n");
    assert!(
        problems[0].starts_with("data/x.csv:1:19: error: column header `Q5` is not a period"),
        "{problems:?}"
    );
}

/// A long file is read a run of lines at a time, in parallel: rows keep
/// their order and problems their lines, across the runs' edges.
#[test]
fn a_long_file_read_in_parallel_keeps_order_and_lines() {
    let mut text = String::from("indicator,period,value,area,breakdown,note\n");
    let lines = 3 * PARALLEL_LINES;
    for i in 0..lines {
        let line = i + 2;
        if line == PARALLEL_LINES + 1 || line == 2 * PARALLEL_LINES + 2 {
            text.push_str("cla_count,2023-13,1,,,\n");
        } else if line == lines {
            text.push_str("cla_count,2023-06\n");
        } else {
            text.push_str(&format!("cla_count,2023-06,{i},,,\n"));
        }
    }
    let (rows, problems) = read_text(&text);
    assert_eq!(rows.len(), lines - 3);
    assert!(rows.windows(2).all(|w| w[0].line < w[1].line));
    assert!(
        rows.iter()
            .all(|r| r.figure.value == Some((r.line - 2) as f64))
    );
    let at: Vec<&str> = problems
        .iter()
        .map(|p| p.split(": error").next().unwrap())
        .collect();
    assert_eq!(
        at,
        [
            format!("data/x.csv:{}:11", PARALLEL_LINES + 1),
            format!("data/x.csv:{}:11", 2 * PARALLEL_LINES + 2),
            format!("data/x.csv:{lines}:1"),
        ]
    );
}

/// The csv crate places a row after an empty line at that line; the
/// problem belongs to the row's own line and cell.
#[test]
fn a_row_after_an_empty_line_is_placed_on_its_own_line() {
    let (_, problems) =
        read_text("indicator,period,value\ncla_count,2015-06,5\n\ncla_count,2015-13,1\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("data/x.csv:4:11: error"),
        "{problems:?}"
    );
}

/// Read in parallel or not, a long file gives the same rows and the same
/// places: with empty lines before the header and at a run's edge.
#[test]
fn a_long_file_with_empty_lines_reads_as_a_short_one_would() {
    let mut text = String::from("\n\nindicator,period,value\n");
    for i in 0..2 * PARALLEL_LINES + 10 {
        let line = i + 4;
        if line == PARALLEL_LINES + 4 {
            text.push('\n');
        } else if line == PARALLEL_LINES + 5 {
            text.push_str("cla_count,2023-13,1\n");
        } else {
            text.push_str(&format!("cla_count,2023-06,{i}\n"));
        }
    }
    let (rows, problems) = read_text(&text);
    assert_eq!(rows.len(), 2 * PARALLEL_LINES + 8);
    assert_eq!(rows[0].line, 4);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("data/x.csv:{}:11: error", PARALLEL_LINES + 5)),
        "{problems:?}"
    );
}

#[test]
fn a_quote_never_closed_is_an_error_where_it_opens() {
    let (rows, problems) = read_text(
        "indicator,period,value,note\ncla_count,2023-05,1,\ncla_count,2023-06,2,\"oops\ncla_count,2023-07,3,\ncla_count,2023-08,4,\n",
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "data/x.csv:3:21: error: this quote is never closed; the rows after it would be lost"
        ),
        "{problems:?}"
    );
    // The rows before it are read; none after it is taken into a note.
    assert_eq!(rows.len(), 1);
    assert!(rows.iter().all(|r| r.note.is_none()));
}

/// The quote never closed is found however long the file and wherever in
/// it; the rows before it are read (in parallel runs when they hold no
/// quote), and none after it.
#[test]
fn a_quote_never_closed_is_found_in_a_long_file() {
    for at in [7, PARALLEL_LINES + 7, 2 * PARALLEL_LINES + 7] {
        let mut text = String::from("indicator,period,value,note\n");
        for i in 0..3 * PARALLEL_LINES {
            if i == at {
                text.push_str("cla_count,2023-06,1,\"never closed\n");
            } else {
                text.push_str(&format!("cla_count,2023-06,{i},\n"));
            }
        }
        let (rows, problems) = read_text(&text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let line = at + 2;
        assert!(
            problems[0].starts_with(&format!(
                "data/x.csv:{line}:21: error: this quote is never closed"
            )),
            "{problems:?}"
        );
        assert_eq!(rows.len(), at);
        assert_eq!(
            rows.last().map(|r| r.line),
            at.checked_sub(1).map(|i| i + 2)
        );
    }
}

#[test]
fn a_column_named_twice_is_an_error_naming_both() {
    let (rows, problems) = read_text("indicator,period,value,Value\ncla_count,2023-06,1,2\n");
    assert!(rows.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .starts_with("data/x.csv:1:24: error: columns 3 and 4 of the header are both `Value`"),
        "{problems:?}"
    );
    let (_, problems) = read_text("indicator,2023-24 Q1,Q1 2023/24\ncla_count,1,2\n");
    assert!(
        problems[0].starts_with("data/x.csv:1:22: error: columns 2 and 3 of the header, `2023-24 Q1` and `Q1 2023/24`, are both Q1 2023-24"),
        "{problems:?}"
    );
    let (_, problems) = read_text("indicator,area,area,2023-06\ncla_count,,,1\n");
    assert!(
        problems[0].contains("columns 2 and 3 of the header are both `area`"),
        "{problems:?}"
    );
}

#[test]
fn an_empty_file_is_a_warning() {
    for text in ["", "\n\n", "  \n \t\n", " , \n"] {
        let (rows, problems) = read_problems(text);
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 1, "{text:?}: {problems:?}");
        assert_eq!(problems[0].severity, crate::problem::Severity::Warning);
        assert!(problems[0].message.contains("is empty"), "{problems:?}");
    }
    for text in ["indicator,period,value\n", "\nindicator,2023-06\n,\n\n"] {
        let (_, problems) = read_problems(text);
        assert_eq!(problems.len(), 1, "{text:?}: {problems:?}");
        assert_eq!(problems[0].severity, crate::problem::Severity::Warning);
        assert!(
            problems[0].message.contains("has a header but no rows"),
            "{problems:?}"
        );
    }
    let (_, problems) = read_problems("indicator,period,value\ncla_count,2023-06,1\n");
    assert!(problems.is_empty(), "{problems:?}");
}

/// The header is where it is, after any empty lines, and its problems too.
#[test]
fn a_header_after_empty_lines_has_its_problems_on_its_line() {
    let (_, problems) = read_text("\n\nindicator,period,value,aera\n");
    assert!(
        problems[0].starts_with("data/x.csv:3:24: error: unknown column `aera`"),
        "{problems:?}"
    );
    let (_, problems) = read_text("\n  \nindicator,2023-06,Q9\n");
    assert!(
        problems[0].starts_with("data/x.csv:3:19: error: column header `Q9`"),
        "{problems:?}"
    );
}

#[test]
fn without_indicators_yaml_no_row_is_of_an_unknown_indicator() {
    let (_, config) = context();
    let none = BTreeMap::new();
    let declared = BTreeSet::new();
    let cx = ReadContext {
        indicators: &none,
        declared: &declared,
        config: &config,
        indicators_read: false,
    };
    let (rows, problems) = read(
        Path::new("data/x.csv"),
        "indicator,period,value\ncla_count,2023-06,1\ncla_rate,2023-06,2\n",
        &cx,
    );
    assert!(rows.is_empty());
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn odd_figures_for_their_unit_are_warnings_at_their_cell() {
    let (rows, problems) = read_problems(
        "indicator,period,value\ncla_share,2023-06,101\ncla_share,2023-07,-1\ncla_count,2023-06,-3\ncla_share,2023-08,100\ncla_count,2023-07,0\ncla_rate,2023-06,-1\n",
    );
    assert_eq!(rows.len(), 6, "odd figures are still read");
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(
        problems
            .iter()
            .all(|p| p.severity == crate::problem::Severity::Warning)
    );
    assert!(shown[0].starts_with("data/x.csv:2:19: warning[out-of-range]: `101` for `cla_share`, which is a percentage, which runs from 0 to 100"), "{shown:?}");
    assert!(
        shown[1].starts_with("data/x.csv:3:19: warning[out-of-range]: `-1` for `cla_share`"),
        "{shown:?}"
    );
    assert!(shown[2].starts_with("data/x.csv:4:19: warning[out-of-range]: `-3` for `cla_count`, which is a count, which cannot be negative"), "{shown:?}");
    let (_, problems) = read_text("indicator,2023-06,2023-07\ncla_share,50,150\n");
    assert!(
        problems[0].starts_with("data/x.csv:2:14: warning[out-of-range]: `150` for `cla_share`"),
        "{problems:?}"
    );
}

#[test]
fn quoted_user_text_in_messages_is_safe() {
    let (_, problems) = read_text(&format!(
        "indicator,period,value\n\u{1b}[2J{},2023-06,1\n",
        "x".repeat(1_000_000)
    ));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].len() < 400, "{}", problems[0].len());
    assert!(
        problems[0].contains("unknown indicator `\\u{1b}[2Jxxx"),
        "{problems:?}"
    );
}

#[test]
fn reads_months_and_dates_as_excel_saves_them_in_a_csv_file() {
    // Excel's `mmm-yy` month headers, a month written out, and UK dates
    // (day first on an en-GB site) for the month they fall in.
    let (rows, problems) =
        read_text("indicator,Sep-23,October 2023,Nov 2023,31/12/2023\ncla_count,1,2,3,4\n");
    assert!(problems.is_empty(), "{problems:?}");
    let months: Vec<String> = rows.iter().map(|r| r.period.written()).collect();
    assert_eq!(months, ["2023-09", "2023-10", "2023-11", "2023-12"]);
    let (rows, problems) =
        read_text("indicator,period,value\ncla_count,Oct-23,308\ncla_count,01/11/2023,310\n");
    assert!(problems.is_empty(), "{problems:?}");
    let months: Vec<String> = rows.iter().map(|r| r.period.written()).collect();
    assert_eq!(months, ["2023-10", "2023-11"]);
}

#[test]
fn a_month_it_cannot_read_is_named_with_the_spelling_to_write() {
    // A US date on an en-GB site: no month 31.
    let (_, problems) = read_text("indicator,period,value\ncla_count,10/31/2023,308\n");
    assert_eq!(
        problems,
        [
            "data/x.csv:2:11: error: `10/31/2023` is not a period: dates are read day first on this site (31/10/2023); write `2023-10` for October 2023"
        ]
    );
    let (_, problems) = read_text("indicator,2023/10\ncla_count,1\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("data/x.csv:1:11: error: column header `2023/10` is not a period; write `2023-10` for October 2023"),
        "{problems:?}"
    );
}
