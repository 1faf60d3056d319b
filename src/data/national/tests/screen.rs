//! DfE's data screener's checks on the geography of a national file's rows:
//! errors for rows the site reads, warnings for check about rows it does not.

use super::*;

/// A small file with the geography columns of DfE's, a row a line.
fn geography(rows: &[&str]) -> String {
    let mut text = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,measure\n".to_string();
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

const THURROCK_2023: &str = "2023,Reporting year,Local authority,E92000001,England,E12000006,East of England,883,Thurrock,E06000034,1";

fn screened(rows: &[&str], areas: &Areas) -> Reading {
    let text = geography(rows);
    read(Path::new("n.csv"), text.as_bytes(), &[measure()], areas, 4)
}

fn own_thurrock() -> Areas {
    let mut areas = Areas::default();
    areas.add("E06000034", Whose::Own);
    areas
}

#[test]
fn a_code_named_differently_in_a_row_the_site_reads_is_an_error() {
    let typo = "2024,Reporting year,Local authority,E92000001,England,E12000006,East of England,883,Thurock,E06000034,2";
    let reading = screened(&[THURROCK_2023, typo], &own_thurrock());
    let shown: Vec<String> = reading
        .problems
        .iter()
        .map(|p| p.to_string().lines().next().unwrap().to_string())
        .collect();
    assert!(
        shown.contains(
            &"n.csv:3:9: error: `E06000034` is named `Thurock` here but `Thurrock` on line 2"
                .to_string()
        ),
        "{shown:#?}"
    );
    // The old code is named in the same row: reported too, as a warning (the site reads the new one).
    assert!(reading.problems.iter().all(|p| p.help.is_some()));
    assert_eq!(reading.screened.len(), 1, "{:#?}", reading.screened);
    assert!(
        reading.screened[0]
            .message
            .starts_with("`883` is named `Thurock`")
    );
}

#[test]
fn a_name_with_two_codes_in_one_year_is_named_and_in_two_years_is_not() {
    let other = "2023,Reporting year,Local authority,E92000001,England,E12000006,East of England,884,Thurrock,E06000035,2";
    let reading = screened(&[THURROCK_2023, other], &own_thurrock());
    let shown: Vec<String> = reading
        .problems
        .iter()
        .map(|p| p.to_string().lines().next().unwrap().to_string())
        .collect();
    assert!(
        shown.contains(&"n.csv:3:10: error: `Thurrock` has the new_la_code `E06000035` here but `E06000034` on line 2, both in time_period `2023`".to_string()),
        "{shown:#?}"
    );
    // A council given a new code when its boundary changed keeps its name.
    let recoded = "2024,Reporting year,Local authority,E92000001,England,E12000006,East of England,883,Thurrock,E06000060,2";
    let reading = screened(&[THURROCK_2023, recoded], &own_thurrock());
    assert_eq!(reading.problems, vec![]);
    assert_eq!(reading.screened, vec![]);
}

#[test]
fn a_mismatch_in_rows_the_site_does_not_read_is_a_warning_for_check() {
    let a = "2023,Reporting year,Local authority,E92000001,England,E12000006,East of England,801,Southend,E06000033,1";
    let b = "2024,Reporting year,Local authority,E92000001,England,E12000006,East of England,801,Southend-on-Sea,E06000033,1";
    let reading = screened(&[a, THURROCK_2023, b], &own_thurrock());
    assert_eq!(reading.problems, vec![]);
    let shown: Vec<String> = reading.screened.iter().map(|p| p.to_string()).collect();
    assert!(
        shown[0].starts_with("n.csv:4:9: warning[national-screen]: `E06000033` is named `Southend-on-Sea` here but `Southend` on line 2\n    help: the site does not read this area's rows"),
        "{shown:#?}"
    );
    // Its rows are still not kept.
    assert_eq!(reading.rows.len(), 1);
}

#[test]
fn a_row_whose_level_disagrees_with_its_code_is_named() {
    let england_as_council = "2023,Reporting year,Local authority,E92000001,England,E12000006,East of England,,England,E92000001,9";
    let mut areas = own_thurrock();
    areas.add("E92000001", Whose::Comparator("england".into()));
    let reading = screened(&[THURROCK_2023, england_as_council], &areas);
    let shown: Vec<String> = reading
        .problems
        .iter()
        .map(|p| p.to_string().lines().next().unwrap().to_string())
        .collect();
    assert!(
        shown.contains(&"n.csv:3:10: error: this row's geographic_level is `Local authority`, but its new_la_code `E92000001` is a country's code".to_string()),
        "{shown:#?}"
    );
    let region_as_national = "2023,Reporting year,National,E12000006,England,,,,,,9";
    let reading = screened(&[region_as_national], &own_thurrock());
    assert_eq!(reading.problems, vec![]);
    assert!(
        reading.screened[0]
            .message
            .ends_with("its country_code `E12000006` is a region's code"),
        "{:#?}",
        reading.screened
    );
}

#[test]
fn many_mismatches_in_unread_rows_are_counted_not_listed() {
    let rows: Vec<String> = (0..30)
        .map(|i| format!("2023,Reporting year,Local authority,E92000001,England,E12000006,East of England,,Same name,E060000{i:02},1"))
        .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let reading = screened(&rows, &own_thurrock());
    assert_eq!(reading.screened.len(), 11);
    assert_eq!(reading.screened[10].message, "and 19 more rows like these");
    // And in rows it reads: a file made wrongly throughout is one thing to fix.
    let rows: Vec<String> = (0..30)
        .map(|i| format!("2023,Reporting year,Local authority,E92000001,England,E12000006,East of England,,Thurrock,X{i:02},1"))
        .collect();
    let mut rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    rows.insert(0, THURROCK_2023);
    let reading = screened(&rows, &own_thurrock());
    assert_eq!(reading.problems.len(), 11, "{:#?}", reading.problems);
    assert_eq!(reading.problems[10].message, "and 20 more rows like these");
}

#[test]
fn dfe_files_as_published_pass_the_screen() {
    for name in [
        "la_care_leavers_activity.csv",
        "cla_number_and_rate_per_10k_children.csv",
    ] {
        let extract = Extract {
            indicator: "any".into(),
            value: "time_period".into(),
            filters: vec![],
            breakdown: None,
            asked_at: None,
        };
        let reading = read_file(name, &[extract], &thurrock());
        assert_eq!(reading.screened, vec![], "{name}");
        let screen: Vec<&Problem> = reading
            .problems
            .iter()
            .filter(|p| !p.message.contains("a second row"))
            .collect();
        assert_eq!(screen, Vec::<&Problem>::new(), "{name}");
    }
}

/// A National row carrying a council's code would be read as England's
/// figure (the red team's "England's 2024-25 rate published as 1"): an
/// error at the council's code when the site reads the row, as England's or
/// as the council's; a warning for check when it reads neither.
#[test]
fn a_national_row_with_a_councils_code_is_an_error_where_the_site_reads_it() {
    let england = "2024,Reporting year,National,E92000001,England,,,,,,70";
    let council_as_england =
        "2025,Reporting year,National,E92000001,England,,,883,Thurrock,E06000034,1";
    let mut areas = own_thurrock();
    areas.add("E92000001", Whose::Comparator("england".into()));
    let reading = screened(&[THURROCK_2023, england, council_as_england], &areas);
    let shown: Vec<String> = reading
        .problems
        .iter()
        .map(|p| p.to_string().lines().next().unwrap().to_string())
        .collect();
    assert!(
        shown.contains(&"n.csv:4:10: error: this row's geographic_level is `National`, but its new_la_code is `E06000034`: a National row names no region or council".to_string()),
        "{shown:#?}"
    );
    assert!(
        shown.contains(&"n.csv:4:8: error: this row's geographic_level is `National`, but its old_la_code is `883`: a National row names no region or council".to_string()),
        "{shown:#?}"
    );
    // The site does not read England: the council's own code makes it an
    // error (the old code, which the site does not read by, a warning).
    let reading = screened(&[THURROCK_2023, council_as_england], &own_thurrock());
    assert_eq!(reading.problems.len(), 1, "{:#?}", reading.problems);
    assert_eq!(reading.problems[0].column, Some(10));
    assert_eq!(reading.screened.len(), 1, "{:#?}", reading.screened);
    // A region's code on a National row, or a council's on a Regional one.
    let region_as_england =
        "2025,Reporting year,National,E92000001,England,E12000006,East of England,,,,1";
    let council_as_region =
        "2025,Reporting year,Regional,E92000001,England,E12000006,East of England,,,E06000034,1";
    let mut areas = own_thurrock();
    areas.add("E92000001", Whose::Comparator("england".into()));
    areas.add("E12000006", Whose::Comparator("region".into()));
    let reading = screened(&[region_as_england, council_as_region], &areas);
    let places: Vec<(Option<usize>, Option<usize>)> = reading
        .problems
        .iter()
        .map(|p| (p.line, p.column))
        .collect();
    assert_eq!(places, [(Some(2), Some(6)), (Some(3), Some(10))]);
    // In rows the site reads in no way, a warning for check.
    let other = "2025,Reporting year,National,E92000001,England,,,801,Southend,E06000033,1";
    let reading = screened(&[THURROCK_2023, other], &own_thurrock());
    assert_eq!(reading.problems, vec![]);
    assert_eq!(reading.screened.len(), 2, "{:#?}", reading.screened);
}
