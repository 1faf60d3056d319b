//! The reader against DfE's files as published (trimmed to the areas read here,
//! in tests/fixtures/ees), and against small files made here for each mistake.

use super::*;
use crate::data::cell::Marker;
use crate::period::Period;
use std::collections::BTreeMap;
use std::path::PathBuf;

mod screen;

fn ees(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ees")
        .join(name)
}

fn p(text: &str) -> Period {
    Period::parse(text, 4).unwrap()
}

/// Thurrock, England, the East of England and Thurrock's ten statistical
/// neighbours (DfE's April 2021 grouping, old council codes).
fn thurrock() -> Areas {
    let mut areas = Areas::default();
    areas.add("E06000034", Whose::Own);
    areas.add("E92000001", Whose::Comparator("england".into()));
    areas.add("E12000006", Whose::Comparator("region".into()));
    for code in NEIGHBOURS {
        areas.add(code, Whose::Member("sn".into()));
    }
    areas
}

const NEIGHBOURS: [&str; 10] = [
    "887", "303", "311", "866", "332", "882", "941", "894", "826", "874",
];

fn eet() -> Extract {
    Extract {
        indicator: "care_leavers_eet_19_21".into(),
        value: "care_leaver_percent".into(),
        filters: vec![
            ("care_leaver_age".into(), "19 to 21 years".into()),
            (
                "breakdown".into(),
                "Total in education, employment or training".into(),
            ),
        ],
        breakdown: None,
        asked_at: None,
    }
}

/// The figure in a small file's `measure` column, with no filters.
fn measure() -> Extract {
    Extract {
        indicator: "m".into(),
        value: "measure".into(),
        filters: vec![],
        breakdown: None,
        asked_at: None,
    }
}

fn read_file(name: &str, extracts: &[Extract], areas: &Areas) -> Reading {
    let path = ees(name);
    let file = std::fs::File::open(&path).unwrap();
    read(Path::new(name), file, extracts, areas, 4)
}

fn figure<'r>(reading: &'r Reading, whose: &Whose, period: &str) -> Option<&'r Figure> {
    reading
        .rows
        .iter()
        .find(|r| &r.whose == whose && r.period == p(period))
        .map(|r| &r.figure)
}

#[test]
fn recognises_national_files_by_their_header() {
    for (name, national) in [
        ("la_care_leavers_activity.csv", true),
        ("cla_number_and_rate_per_10k_children.csv", true),
        ("New_Statistical_Neighbour_Groupings_April_2021.csv", false),
    ] {
        let text = std::fs::read_to_string(ees(name)).unwrap();
        let header = text.lines().next().unwrap();
        assert!(
            header.starts_with('\u{feff}'),
            "{name} keeps its byte order mark"
        );
        assert_eq!(is_national(header), national, "{name}");
    }
    assert!(!is_national("indicator,period,value"));
}

#[test]
fn reads_thurrock_and_its_comparators_from_the_care_leavers_file() {
    let reading = read_file("la_care_leavers_activity.csv", &[eet()], &thurrock());
    assert_eq!(reading.problems, vec![]);
    // Thurrock's published percentages, year to 31 March.
    let own = |period| figure(&reading, &Whose::Own, period).and_then(|f| f.value);
    assert_eq!(own("2020/21"), Some(49.0));
    assert_eq!(own("2022/23"), Some(50.0));
    assert_eq!(own("2024/25"), Some(47.0));
    let england = Whose::Comparator("england".into());
    assert!(figure(&reading, &england, "2024/25").is_some_and(|f| f.value.is_some()));
    // Five years each for Thurrock, England and the region; the rest are neighbours'.
    let count = |whose: &Whose| reading.rows.iter().filter(|r| &r.whose == whose).count();
    assert_eq!(count(&Whose::Own), 5);
    assert_eq!(count(&england), 5);
    assert_eq!(count(&Whose::Comparator("region".into())), 5);
    assert_eq!(count(&Whose::Member("sn".into())), 50);
}

#[test]
fn reads_bare_symbols_as_markers_and_categories_from_a_column() {
    let extract = Extract {
        indicator: "care_leavers_activity".into(),
        value: "care_leaver_percent".into(),
        filters: vec![("care_leaver_age".into(), "19 to 21 years".into())],
        breakdown: Some("breakdown".into()),
        asked_at: None,
    };
    let mut areas = Areas::default();
    areas.add("E06000034", Whose::Own);
    let reading = read_file("la_care_leavers_activity.csv", &[extract], &areas);
    assert_eq!(reading.problems, vec![]);
    let category = |name: &str, period: &str| {
        reading
            .rows
            .iter()
            .find(|r| r.breakdown.as_deref() == Some(name) && r.period == p(period))
            .map(|r| r.figure.clone())
            .unwrap()
    };
    let suppressed = category("Higher education i.e. studies beyond A level", "2024/25");
    assert_eq!(
        (suppressed.value, suppressed.markers),
        (None, vec![Marker::Confidential])
    );
    let not_applicable = category("In training or employment", "2024/25");
    assert_eq!(not_applicable.markers, vec![Marker::NotApplicable]);
    assert_eq!(
        category(
            "Not in education, training or employment, owing to other reasons",
            "2024/25"
        )
        .value,
        Some(36.0)
    );
    // Twelve categories in each of five years.
    assert_eq!(reading.rows.len(), 60);
}

#[test]
fn averages_the_neighbours_that_have_a_figure() {
    let reading = read_file("la_care_leavers_activity.csv", &[eet()], &thurrock());
    let members = BTreeMap::from([(
        "sn".to_string(),
        (
            "Statistical neighbours".to_string(),
            NEIGHBOURS.map(str::to_string).to_vec(),
        ),
    )]);
    let means = average(&reading.rows, &members);
    assert_eq!(means.len(), 5, "one mean a year");
    for mean in &means {
        let members: Vec<f64> = reading
            .rows
            .iter()
            .filter(|r| r.period == mean.period && r.whose == Whose::Member("sn".into()))
            .filter_map(|r| r.figure.value)
            .collect();
        let expected = members.iter().sum::<f64>() / members.len() as f64;
        assert_eq!(mean.figure.value, Some(expected));
        assert_eq!(
            mean.note,
            format!("mean of {} of 10 statistical neighbours", members.len())
        );
    }
}

#[test]
fn a_mean_with_no_member_figure_is_not_available() {
    let text = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,measure\n\
                2023,Reporting year,Local authority,E92000001,England,E12000006,East,801,A,E1,c\n\
                2023,Reporting year,Local authority,E92000001,England,E12000006,East,802,B,E2,x\n";
    let mut areas = Areas::default();
    areas.add("E1", Whose::Member("sn".into()));
    areas.add("E2", Whose::Member("sn".into()));
    let reading = read(Path::new("n.csv"), text.as_bytes(), &[measure()], &areas, 4);
    assert_eq!(reading.problems, vec![]);
    let members = BTreeMap::from([(
        "sn".to_string(),
        (
            "Statistical neighbours".to_string(),
            vec!["E1".into(), "E2".into()],
        ),
    )]);
    let means = average(&reading.rows, &members);
    assert_eq!(means[0].figure.value, None);
    assert_eq!(means[0].figure.markers, vec![Marker::NotAvailable]);
    assert!(means[0].note.contains("none of the 2"));
}

#[test]
fn names_a_missing_column_with_a_suggestion() {
    let mut extract = eet();
    extract.value = "care_leavers_percent".into();
    let reading = read_file("la_care_leavers_activity.csv", &[extract], &thurrock());
    assert_eq!(reading.problems.len(), 1);
    let problem = &reading.problems[0];
    assert!(
        problem.message.contains("`care_leavers_percent`"),
        "{problem:?}"
    );
    assert!(
        problem
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `care_leaver_percent`?"),
        "{problem:?}"
    );
}

#[test]
fn names_a_where_value_no_row_has_with_the_values_there_are() {
    let mut extract = eet();
    extract.filters[0].1 = "19 to 21".into();
    let reading = read_file("la_care_leavers_activity.csv", &[extract], &thurrock());
    assert_eq!(reading.rows, vec![]);
    assert_eq!(reading.problems.len(), 1, "{:?}", reading.problems);
    let problem = &reading.problems[0];
    assert!(problem.message.contains("`care_leaver_age` is `19 to 21`"));
    let help = problem.help.as_deref().unwrap();
    assert!(help.contains("did you mean `19 to 21 years`?"), "{help}");
    assert!(help.contains("17 to 18 years; 19 to 21 years"), "{help}");
}

#[test]
fn names_an_area_code_with_no_rows() {
    let mut areas = thurrock();
    areas.add("E06099999", Whose::Comparator("typo".into()));
    let reading = read_file("la_care_leavers_activity.csv", &[eet()], &areas);
    assert_eq!(reading.problems, vec![]);
    assert_eq!(reading.codes_not_found, vec!["E06099999".to_string()]);
}

#[test]
fn names_two_rows_for_one_figure_and_an_unknown_time_identifier() {
    let text = "time_period,time_identifier,geographic_level,country_code,country_name,measure\n\
                2023,Reporting year,National,E92000001,England,5\n\
                2023,Reporting year,National,E92000001,England,6\n\
                2023,Academic year,National,E92000001,England,7\n\
                2024,Academic year,National,E92000001,England,8\n";
    let mut areas = Areas::default();
    areas.add("E92000001", Whose::Comparator("england".into()));
    let reading = read(Path::new("n.csv"), text.as_bytes(), &[measure()], &areas, 4);
    let lines: Vec<(Option<usize>, &str)> = reading
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].0, Some(3));
    assert!(lines[0].1.contains("a second row"));
    assert_eq!(lines[1].0, Some(4));
    assert!(lines[1].1.contains("`Academic year`"));
    assert_eq!(reading.rows.len(), 1);
}

#[test]
fn a_bad_figure_is_named_at_its_cell() {
    let text = "time_period,time_identifier,geographic_level,country_code,country_name,measure\n\
                2023,Reporting year,National,E92000001,England,12%\n";
    let mut areas = Areas::default();
    areas.add("E92000001", Whose::Own);
    let reading = read(Path::new("n.csv"), text.as_bytes(), &[measure()], &areas, 4);
    assert_eq!(reading.problems.len(), 1);
    assert_eq!(
        (reading.problems[0].line, reading.problems[0].column),
        (Some(2), Some(6))
    );
}

#[test]
fn reads_every_symbol_dfe_writes() {
    let markers = |cell: &str| symbol_or_number(cell).unwrap().markers;
    assert_eq!(markers("c"), vec![Marker::Confidential]);
    assert_eq!(markers("x"), vec![Marker::NotAvailable]);
    assert_eq!(markers(":"), vec![Marker::NotAvailable]);
    assert_eq!(markers("z"), vec![Marker::NotApplicable]);
    assert_eq!(markers("low"), vec![Marker::Low]);
    assert_eq!(markers("k"), vec![Marker::Low]);
    assert_eq!(markers("~"), vec![Marker::Low]);
    assert_eq!(markers("u"), vec![Marker::LowReliability]);
    assert_eq!(symbol_or_number("67.9").unwrap().value, Some(67.9));
    assert!(symbol_or_number("NaN").is_err());
    assert!(symbol_or_number("1,234").is_err());
}

/// A small file of the site's area, England and another council, with
/// `rows` after the header.
fn small(rows: &[&str]) -> String {
    let mut text = "time_period,time_identifier,geographic_level,country_code,country_name,new_la_code,measure\n".to_string();
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

fn read_small(rows: &[&str]) -> Reading {
    let mut areas = Areas::default();
    areas.add("E06000034", Whose::Own);
    areas.add("E92000001", Whose::Comparator("england".into()));
    read(
        Path::new("n.csv"),
        small(rows).as_bytes(),
        &[measure()],
        &areas,
        4,
    )
}

/// Each problem's first line, as `check` shows it.
fn shown(reading: &Reading) -> Vec<String> {
    reading
        .problems
        .iter()
        .map(|p| p.to_string().lines().next().unwrap().to_string())
        .collect()
}

const OWN_2021: &str = "2021,Reporting year,Local authority,E92000001,England,E06000034,49";
const OWN_2022: &str = "2022,Reporting year,Local authority,E92000001,England,E06000034,51";

/// A quote never closed in a DfE file took every later row into one field:
/// the council's 2020-21 rate vanished, and nothing said so. Now it is an
/// error at the quote, and the rows before it are still read.
#[test]
fn a_quote_never_closed_is_an_error_at_the_quote() {
    let opened = "2020,Reporting year,National,E92000001,\"England,,70";
    let reading = read_small(&[OWN_2021, opened, OWN_2022]);
    assert_eq!(
        shown(&reading),
        ["n.csv:3:40: error: this quote is never closed; the rows after it would be lost"]
    );
    assert_eq!(reading.rows.len(), 1, "the row before the quote is read");
    // Read in pieces, as a large file streams, the quote is found the same.
    let text = small(&[OWN_2021, opened, OWN_2022]);
    let mut areas = Areas::default();
    areas.add("E06000034", Whose::Own);
    let trickle = Trickle(text.as_bytes());
    let reading = read(Path::new("n.csv"), trickle, &[measure()], &areas, 4);
    assert_eq!(reading.problems.len(), 1, "{:#?}", reading.problems);
    assert_eq!(
        (reading.problems[0].line, reading.problems[0].column),
        (Some(3), Some(40))
    );
    // In the header, the quote takes the whole file.
    let header = "time_period,time_identifier,geographic_level,country_code,country_name,new_la_code,\"measure\n";
    let text = format!("{header}{OWN_2021}\n");
    let reading = read(Path::new("n.csv"), text.as_bytes(), &[measure()], &areas, 4);
    assert_eq!(
        shown(&reading),
        ["n.csv:1:84: error: this quote is never closed; the rows after it would be lost"]
    );
    // A quote closed is a field like any other.
    let quoted = "2020,Reporting year,National,E92000001,\"England\",,\"70\"";
    let reading = read_small(&[OWN_2021, quoted, OWN_2022]);
    assert_eq!(shown(&reading), Vec::<String>::new());
    assert_eq!(reading.rows.len(), 3);
}

/// A reader that gives three bytes at a time.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(3).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// A row cut short was read as `[x]`, "not available", and published so.
/// Now a row with fewer or more fields than the header is an error at the
/// first field missing (or too many), and is not read.
#[test]
fn a_row_cut_short_or_too_long_is_an_error_not_a_figure() {
    let cut = "2023,Reporting year,Local authority,E92000001,England,E06000034";
    let long = "2024,Reporting year,Local authority,E92000001,England,E06000034,52,9";
    let reading = read_small(&[OWN_2021, cut, long]);
    assert_eq!(
        shown(&reading),
        [
            "n.csv:3:7: error: this row has 6 fields but the header has 7; a row cut short is not read as \"not available\"",
            "n.csv:4:8: error: this row has 8 fields but the header has 7",
        ]
    );
    assert_eq!(reading.rows.len(), 1);
    assert!(reading.rows.iter().all(|r| r.figure.value.is_some()));
    // An empty cell where the figure should be is no figure either.
    let empty = "2023,Reporting year,Local authority,E92000001,England,E06000034,";
    let reading = read_small(&[empty]);
    assert_eq!(shown(&reading), ["n.csv:2:7: error: this cell is empty"]);
    assert_eq!(reading.rows, vec![]);
    // A file cut short throughout is one mistake: ten named, the rest counted.
    let rows = vec![cut; 25];
    let reading = read_small(&rows);
    assert_eq!(reading.problems.len(), 11);
    assert_eq!(
        reading.problems[10].message,
        "and 15 more rows with the wrong number of fields"
    );
}

/// Of two columns of one name only the first would be read.
#[test]
fn a_column_named_twice_is_an_error_at_the_second() {
    let text = "time_period,time_identifier,geographic_level,country_code,country_name,new_la_code,measure,measure\n\
                2023,Reporting year,Local authority,E92000001,England,E06000034,1,2\n";
    let mut areas = Areas::default();
    areas.add("E06000034", Whose::Own);
    let reading = read(Path::new("n.csv"), text.as_bytes(), &[measure()], &areas, 4);
    assert_eq!(
        shown(&reading),
        ["n.csv:1:8: error: columns 7 and 8 of the header are both `measure`"]
    );
    assert_eq!(reading.rows, vec![]);
}

/// A figure is kept exactly as written or refused, in a national file as
/// in any other: 16 significant digits would be silently rounded.
#[test]
fn a_figure_of_more_than_15_significant_digits_is_an_error_at_its_cell() {
    let long = "2023,Reporting year,Local authority,E92000001,England,E06000034,67.94871794871795";
    let tiny = "2024,Reporting year,Local authority,E92000001,England,E06000034,1e-400";
    let fine = "2025,Reporting year,Local authority,E92000001,England,E06000034,67.9487179487179";
    let reading = read_small(&[long, tiny, fine]);
    let shown = shown(&reading);
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown[0].starts_with("n.csv:2:7: error: `67.94871794871795` has 16 significant digits"),
        "{shown:#?}"
    );
    assert!(
        shown[1].starts_with("n.csv:3:7: error: `1e-400` cannot be stored exactly"),
        "{shown:#?}"
    );
    assert_eq!(reading.rows.len(), 1);
    assert_eq!(reading.rows[0].figure.value, Some(67.9487179487179));
    assert_eq!(
        symbol_or_number("-0").unwrap().value.map(f64::to_bits),
        Some(0)
    );
}
