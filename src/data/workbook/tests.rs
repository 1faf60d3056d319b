//! Reading workbooks: tables found among other sheets, cells read as they
//! are shown, and problems named by sheet and cell.

use super::table::{number_text, read_sheet};
use super::*;
use crate::config::Config;
use crate::data::cell::Marker;
use crate::data::indicators::{self, Indicator};
use calamine::{ExcelDateTime, ExcelDateTimeType};
use std::collections::{BTreeMap, BTreeSet};

const INDICATORS: &str = include_str!("../../../tests/fixtures/good/data/indicators.yaml");
const FIGURES_XLSX: &[u8] = include_bytes!("../../../tests/fixtures/workbooks/figures.xlsx");
const FIGURES_ODS: &[u8] = include_bytes!("../../../tests/fixtures/workbooks/figures.ods");
const BROKEN_XLSX: &[u8] = include_bytes!("../../../tests/fixtures/workbooks/broken.xlsx");

struct Context {
    indicators: BTreeMap<String, Indicator>,
    declared: BTreeSet<String>,
    config: Config,
}

fn context() -> Context {
    let (indicators, problems) = indicators::parse(INDICATORS);
    assert!(problems.is_empty(), "{problems:?}");
    Context {
        declared: indicators.keys().cloned().collect(),
        indicators,
        config: crate::testutil::config(),
    }
}

fn with<T>(f: impl FnOnce(&ReadContext<'_>) -> T) -> T {
    let c = context();
    f(&ReadContext {
        indicators: &c.indicators,
        declared: &c.declared,
        config: &c.config,
        indicators_read: true,
    })
}

fn shown(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

fn find<'r>(rows: &'r [Record], indicator: &str, period: &str) -> &'r Record {
    rows.iter()
        .find(|r| r.indicator == indicator && r.period.short_label() == period)
        .unwrap_or_else(|| panic!("no {indicator} {period} in {rows:#?}"))
}

#[test]
fn reads_both_tables_of_a_workbook_and_skips_cover_contents_and_notes() {
    for (name, bytes) in [
        ("data/figures.xlsx", FIGURES_XLSX),
        ("data/figures.ods", FIGURES_ODS),
    ] {
        let (rows, problems) = with(|cx| read(Path::new(name), bytes, cx));
        assert!(problems.is_empty(), "{name}: {:?}", shown(&problems));
        assert_eq!(rows.len(), 7, "{name}: {rows:#?}");
        // Shown as 58%, stored as 0.58: read as 58, never 0.58.
        let eet = find(&rows, "eet_19_21", "Q2 2023-24");
        assert_eq!(eet.figure.value, Some(58.0), "{name}");
        assert_eq!(
            (&*eet.file, eet.sheet.as_deref().map(String::as_str)),
            (Path::new(name), Some("Table 1"))
        );
        assert_eq!((eet.line, eet.column), (4, 3), "{name}: C4");
        let adoption = find(&rows, "adoption_days", "Q2 2023-24");
        assert_eq!(adoption.figure.value, Some(471.0));
        assert_eq!(adoption.note.as_deref(), Some("provisional"));
        let suppressed = find(&rows, "cla_by_age", "Q2 2023-24");
        assert_eq!(suppressed.figure.value, None);
        assert_eq!(suppressed.figure.markers, vec![Marker::Confidential]);
        // Shown as 68.9 by its format; read as stored.
        let rate = find(&rows, "cla_rate", "July 2023");
        assert_eq!(rate.figure.value, Some(68.94871794871795), "{name}");
        // Table 2's header cells are dates: each is read as its month.
        for (month, value) in [
            ("July 2023", 310.0),
            ("August 2023", 312.0),
            ("September 2023", 315.0),
        ] {
            let row = find(&rows, "cla_count", month);
            assert_eq!(row.figure.value, Some(value), "{name}: {month}");
            assert_eq!(
                (&*row.file, row.sheet.as_deref().map(String::as_str)),
                (Path::new(name), Some("Table 2"))
            );
            assert_eq!(row.line, 4, "{name}: {month}");
        }
        let september = find(&rows, "cla_count", "September 2023");
        assert_eq!(september.figure.markers, vec![Marker::Provisional]);
        assert_eq!(september.column, 4, "{name}: D4");
    }
}

#[test]
fn a_bad_cell_is_named_by_file_sheet_and_cell() {
    let (rows, problems) = with(|cx| read(Path::new("data/broken.xlsx"), BROKEN_XLSX, cx));
    assert!(rows.is_empty());
    assert_eq!(
        shown(&problems),
        [
            "data/broken.xlsx: sheet 'Table 1', cell C4: error: `58 percent` is not a number; write a plain number such as 72 or 67.9, or a marker such as [x] (not available)"
        ]
    );
}

#[test]
fn a_second_figure_names_both_cells() {
    // The same figures in two workbooks: each a second figure.
    let (mut rows, problems) = with(|cx| read(Path::new("data/a.xlsx"), FIGURES_XLSX, cx));
    assert!(problems.is_empty());
    rows.extend(with(|cx| read(Path::new("data/b.ods"), FIGURES_ODS, cx)).0);
    let (_, problems) = crate::data::DataSet::from_rows(context().indicators, rows, Vec::new());
    let eet = problems
        .iter()
        .find(|p| p.message.contains("eet_19_21"))
        .expect("a second figure for eet_19_21");
    assert_eq!(
        eet.to_string(),
        "data/b.ods: sheet 'Table 1', cell C4: error: a second figure for `eet_19_21` in Q2 2023-24\n    help: the first is at data/a.xlsx: sheet 'Table 1', cell C4; keep one of them"
    );
}

/// A sheet of text cells, `None` empty, from A1.
fn sheet(name: &str, cells: &[&[Option<&str>]]) -> Sheet {
    let width = cells.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
    let mut range = Range::new((0, 0), (cells.len() as u32 - 1, width - 1));
    for (r, row) in cells.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Some(text) = cell {
                let data = match text.parse::<f64>() {
                    Ok(v) => Data::Float(v),
                    Err(_) => Data::String(text.to_string()),
                };
                range.set_value((r as u32, c as u32), data);
            }
        }
    }
    Sheet {
        name: name.into(),
        cells: range,
        percent: HashSet::new(),
    }
}

fn read_one(sheet: &Sheet) -> Option<(Vec<Record>, Vec<String>)> {
    with(|cx| read_sheet(Path::new("data/q2.xlsx"), sheet, cx))
        .map(|(rows, problems)| (rows, shown(&problems)))
}

#[test]
fn a_sheet_without_an_indicator_header_is_skipped() {
    let notes = sheet(
        "Notes",
        &[
            &[Some("Note number"), Some("Note text")],
            &[Some("Note 1"), Some("The indicator changed in 2023.")],
        ],
    );
    assert!(read_one(&notes).is_none());
}

#[test]
fn a_table_may_start_in_any_column_below_any_title() {
    let table = sheet(
        "Table 3",
        &[
            &[Some("Table 3: days to adoption")],
            &[None, Some("Source: local records")],
            &[],
            &[None, Some("Indicator"), Some("Period"), Some("Value")],
            &[None, Some("adoption_days"), Some("2023-24 Q3"), Some("455")],
            &[None, None, None, None],
            &[
                None,
                Some("adoption_days"),
                Some("2023-24 Q4"),
                Some("nine"),
            ],
        ],
    );
    let (rows, problems) = read_one(&table).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].line, rows[0].column), (5, 4), "D5");
    assert_eq!(
        problems,
        [
            "data/q2.xlsx: sheet 'Table 3', cell D7: error: `nine` is not a number; write a plain number such as 72 or 67.9, or a marker such as [x] (not available)"
        ]
    );
}

#[test]
fn a_cell_beside_the_table_is_an_error_not_dropped() {
    let table = sheet(
        "Table 1",
        &[
            &[Some("indicator"), Some("period"), Some("value")],
            &[
                Some("adoption_days"),
                Some("2023-24 Q3"),
                Some("455"),
                Some("see note 2"),
            ],
        ],
    );
    let (rows, problems) = read_one(&table).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "data/q2.xlsx: sheet 'Table 1', cell D2: error: `see note 2` is outside the table"
        ),
        "{problems:?}"
    );
}

#[test]
fn header_dates_are_months_and_percent_cells_are_shown_values() {
    let mut table = sheet(
        "Table 2",
        &[
            &[Some("indicator"), None, Some("2023-05")],
            &[Some("eet_19_21"), Some("0.725"), Some("0.07")],
        ],
    );
    let june = ExcelDateTime::new(45078.0, ExcelDateTimeType::DateTime, false);
    table.cells.set_value((0, 1), Data::DateTime(june));
    table.percent.extend([(1, 1), (1, 2)]);
    let (rows, problems) = read_one(&table).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let values: Vec<(String, Option<f64>)> = rows
        .iter()
        .map(|r| (r.period.short_label(), r.figure.value))
        .collect();
    assert_eq!(
        values,
        [
            ("June 2023".to_string(), Some(72.5)),
            ("May 2023".to_string(), Some(7.0))
        ]
    );
}

#[test]
fn numbers_are_given_to_the_csv_reader_as_stored() {
    // 0.07 * 100 is 7.000000000000001 in binary; moving the point is not.
    assert_eq!(number_text(0.07, true), ("7".into(), None));
    assert_eq!(number_text(0.725, true), ("72.5".into(), None));
    assert_eq!(number_text(1234.5, false), ("1234.5".into(), None));
    assert_eq!(number_text(-3.0, false), ("-3".into(), None));
    assert_eq!(number_text(1e-7, false), ("0.0000001".into(), None));
    assert_eq!(number_text(1e25, false), ("1e25".into(), None));
    assert_eq!(number_text(-0.0, false), ("0".into(), None));
    // More digits than the CSV reader keeps: rounded text, the stored number.
    assert_eq!(
        number_text(0.1 + 0.2, false),
        ("0.3".into(), Some(0.30000000000000004))
    );
    assert_eq!(
        number_text(0.6794871794871796, true),
        ("67.948717948718".into(), Some(67.94871794871796))
    );
}

#[test]
fn percent_formats_are_told_from_a_literal_percent_sign() {
    for code in ["0%", "0.0%", "0.00%;[Red]-0.00%", "#,##0.0%"] {
        assert!(is_percent_format(code), "{code}");
    }
    for code in [
        "General",
        "0.0",
        "0.0\"%\"",
        "0.0\\%",
        "[$%-809]0.0",
        "0;\"-\"%",
    ] {
        assert!(!is_percent_format(code), "{code}");
    }
}

#[test]
fn workbooks_in_data_are_read_and_excel_lock_files_are_not() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("indicators.yaml"), INDICATORS).unwrap();
    std::fs::write(data.join("figures.xlsx"), FIGURES_XLSX).unwrap();
    // Excel's note of who has figures.xlsx open.
    std::fs::write(data.join("~$figures.xlsx"), b"\x05someone").unwrap();
    let (set, problems) = crate::data::DataSet::load(root.path(), &crate::testutil::config());
    assert!(problems.is_empty(), "{}", problems.report());
    assert_eq!(set.files, [PathBuf::from("data/figures.xlsx")]);
    let series = set.series("eet_19_21", None, None).unwrap();
    assert_eq!(series.observations[0].figure.value, Some(58.0));
}

#[test]
fn an_old_or_binary_workbook_is_a_warning_not_left_out_quietly() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("indicators.yaml"), INDICATORS).unwrap();
    std::fs::write(data.join("old.XLS"), b"\xd0\xcf\x11\xe0").unwrap();
    let (_, problems) = crate::data::DataSet::load(root.path(), &crate::testutil::config());
    let shown: Vec<String> = problems.sorted().iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].starts_with(
            "data/old.XLS: warning[unread-workbook]: this kind of workbook is not read"
        ),
        "{shown:?}"
    );
}

#[test]
fn a_cell_showing_a_formula_error_is_refused_at_its_cell() {
    let mut table = sheet(
        "Table 1",
        &[
            &[Some("indicator"), Some("period"), Some("value")],
            &[Some("adoption_days"), Some("2023-24 Q3"), None],
        ],
    );
    table
        .cells
        .set_value((1, 2), Data::Error(calamine::CellErrorType::Div0));
    let (rows, problems) = read_one(&table).unwrap();
    assert!(rows.is_empty());
    assert_eq!(
        problems,
        [
            "data/q2.xlsx: sheet 'Table 1', cell C2: error: `#DIV/0!` is not a number; write a plain number such as 72 or 67.9, or a marker such as [x] (not available)"
        ]
    );
}

#[test]
fn a_file_that_is_not_a_workbook_is_one_problem() {
    let (rows, problems) = with(|cx| read(Path::new("data/q2.xlsx"), b"indicator,period", cx));
    assert!(rows.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .starts_with("data/q2.xlsx: error: cannot read this workbook"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_workbook_without_a_table_is_a_warning() {
    let mut book = Vec::new();
    {
        // The figures workbook with its tables' headers renamed is a
        // workbook of notes only.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(FIGURES_ODS)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(&mut book));
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            if name == "content.xml" {
                bytes = String::from_utf8(bytes)
                    .unwrap()
                    .replace(">indicator<", ">Indicator name<")
                    .into_bytes();
            }
            let options = zip::write::SimpleFileOptions::default();
            out.start_file(name, options).unwrap();
            std::io::Write::write_all(&mut out, &bytes).unwrap();
        }
        out.finish().unwrap();
    }
    let (rows, problems) = with(|cx| read(Path::new("data/notes.ods"), &book, cx));
    assert!(rows.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().starts_with(
            "data/notes.ods: warning[unread-workbook]: no sheet of this workbook has a table of figures"
        ),
        "{}",
        problems[0]
    );
}

/// A zip file of `parts` (name, text), deflated, made here rather than
/// committed, so that a hostile workbook is a few lines of its test.
fn zipped(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The least .xlsx workbook Excel's format allows: one sheet, `sheet_data`
/// inside its `<sheetData>`, declaring the dimension `dimension`.
fn xlsx(dimension: &str, sheet_data: &str) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    zipped(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Table 1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

/// A long table of one figure, as inline strings and numbers.
const TABLE_ROWS: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c><c r="B1" t="inlineStr"><is><t>period</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>cla_count</t></is></c><c r="B2" t="inlineStr"><is><t>2023-06</t></is></c><c r="C2"><v>308</v></c></row>"#;

#[test]
fn a_sheet_is_read_by_its_used_cells_not_the_range_it_declares() {
    let bytes = xlsx("A1:XFD1048576", TABLE_ROWS);
    let (rows, problems) = with(|cx| read(Path::new("data/q.xlsx"), &bytes, cx));
    assert!(problems.is_empty(), "{:?}", shown(&problems));
    assert_eq!(
        find(&rows, "cla_count", "June 2023").figure.value,
        Some(308.0)
    );
}

/// A value at A1 and one at XFD1048576 once made the reader lay out 17
/// billion cells and abort the process.
#[test]
fn a_sheet_spanning_more_cells_than_the_limit_is_one_error_naming_its_far_cell() {
    let far = format!(r#"{TABLE_ROWS}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#);
    let bytes = xlsx("A1:XFD1048576", &far);
    let (rows, problems) = with(|cx| read(Path::new("data/q.xlsx"), &bytes, cx));
    let problems = shown(&problems);
    assert!(rows.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("data/q.xlsx: error: cannot read this workbook: sheet 'Table 1' spans 1048576 rows by 16384 columns, from cell A1 to cell XFD1048576"),
        "{problems:?}"
    );
    assert_eq!(super::cell_name((3, 2)), "C4");
    assert_eq!(super::cell_name((0, 26)), "AA1");
}

/// The same in an .ods workbook, where a few bytes repeat a cell across the
/// whole sheet.
#[test]
fn an_ods_sheet_repeating_a_cell_past_the_limit_is_one_error() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Table 1"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = zipped(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content),
    ]);
    let (rows, problems) = with(|cx| read(Path::new("data/q.ods"), &bytes, cx));
    let problems = shown(&problems);
    assert!(rows.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("sheet 'Table 1' spans 1000000 rows by 1000 columns"),
        "{problems:?}"
    );
}

/// A zip file's directory says how large each part inflates to: a "zip
/// bomb" (4 MB inflating to 4 GB) is refused by it before anything is
/// inflated. The part here is small and says it is 4 GB, which is what the
/// reader sees of a bomb before inflating it.
#[test]
fn a_workbook_that_would_inflate_past_the_limit_is_refused_before_inflating() {
    for (name, bytes) in [
        ("data/q.xlsx", xlsx("A1:C2", TABLE_ROWS)),
        ("data/q.ods", FIGURES_ODS.to_vec()),
    ] {
        let mut bytes = bytes;
        let part = if name.ends_with("ods") {
            "content.xml"
        } else {
            "xl/worksheets/sheet1.xml"
        };
        declare_size(&mut bytes, part, 0xFFFF_FFF0);
        let (rows, problems) = with(|cx| read(Path::new(name), &bytes, cx));
        let problems = shown(&problems);
        assert!(rows.is_empty(), "{name}");
        assert_eq!(problems.len(), 1, "{name}: {problems:?}");
        assert!(
            problems[0].contains(&format!("its part `{part}` alone is 4095 MB), and outturn reads at most 256 MB of a workbook")),
            "{name}: {problems:?}"
        );
    }
}

/// Sets the inflated size that `part`'s local header and directory entry
/// declare.
fn declare_size(bytes: &mut [u8], part: &str, size: u32) {
    let mut found = 0;
    // A local header's size is at byte 22, its name at 30; a directory
    // entry's at 24 and 46.
    for (signature, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
        for at in 0..bytes.len().saturating_sub(name_at + part.len()) {
            if &bytes[at..at + 4] == signature
                && &bytes[at + name_at..at + name_at + part.len()] == part.as_bytes()
            {
                bytes[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
                found += 1;
            }
        }
    }
    assert_eq!(found, 2, "{part}");
}
