//! National statistics files read through indicators.yaml's `from:`: the
//! site's own area by `area_code`, comparators by code and by the mean of
//! named councils, and every mistake named where it can be fixed. The
//! fixture is tests/fixtures/national laid over the good site; one test reads
//! DfE's care leavers file as published (trimmed), from tests/fixtures/ees.

mod common;

use common::*;
use std::path::Path;

// Counts what each thread allocates, as the `outturn` binary does, so that
// a test can tell how many copies of a file reading it makes.
#[global_allocator]
static ALLOCATOR: outturn::alloc::Counting<std::alloc::System> =
    outturn::alloc::Counting(std::alloc::System);

/// DfE's files start with a byte order mark. Dropping it once copied the
/// whole text, so a build held a national file twice: it is dropped in
/// place, and reading a file allocates about its size once.
#[test]
fn a_file_with_a_byte_order_mark_is_read_without_a_second_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("national.csv");
    let row = "2023,Local authority,E06000034,Thurrock,all,52\n";
    let body = row.repeat((4 << 20) / row.len());
    std::fs::write(&path, format!("\u{feff}{body}")).unwrap();
    let before = outturn::alloc::allocated();
    let text = outturn::fsutil::read_text(&path).unwrap();
    let allocated = outturn::alloc::allocated() - before;
    assert_eq!(text, body);
    assert!(
        allocated < body.len() as u64 * 5 / 4,
        "reading {} bytes allocated {allocated}",
        body.len()
    );
}

/// The good site with the national fixture laid over it.
fn national_site() -> tempfile::TempDir {
    let site = good_site();
    copy_tree(&fixtures().join("national"), site.path());
    site
}

fn edit(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn built(site: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = site.join("public");
    let output = build(site, &out, &[]);
    let (_, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    read_tree(&out)
}

fn fails_with(site: &Path, lines: &[&str]) {
    let output = build(site, &site.join("public"), &[]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for line in lines {
        assert!(stderr.contains(line), "missing {line:?} in:\n{stderr}");
    }
}

#[test]
fn reads_the_area_its_comparators_and_the_mean_of_its_neighbours() {
    let site = national_site();
    let files = built(site.path());
    let csv = String::from_utf8(files["data/dfe_rate.csv"].clone()).unwrap();
    // The neighbours' mean leaves out the suppressed one and says so; a
    // council the site does not name is not read.
    assert!(
        csv.contains(",Statistical neighbours,,2022-23,2022-23,2022-04-01,2023-03-31,65.5,rate_per_10k,,mean of 2 of 3 statistical neighbours\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",England,,2022-23,2022-23,2022-04-01,2023-03-31,70,"),
        "{csv}"
    );
    assert!(csv.contains(",Fixtureshire,,2021-22,"), "{csv}");
    assert!(
        csv.contains(",Fixtureshire,,2022-23,2022-23,2022-04-01,2023-03-31,64,"),
        "{csv}"
    );
    assert!(!csv.contains(",99,"), "{csv}");
    assert_eq!(csv.lines().count(), 5, "{csv}");
    // A filter column's values become categories.
    let activity = String::from_utf8(files["data/dfe_activity.csv"].clone()).unwrap();
    assert!(
        activity.contains(",Fixtureshire,\"In education, employment or training\",2022-23,"),
        "{activity}"
    );
    assert!(
        activity.contains(",Fixtureshire,Not in education,2022-23,"),
        "{activity}"
    );
}

#[test]
fn names_a_file_that_is_not_there_with_the_one_that_is() {
    let site = national_site();
    edit(
        site.path(),
        "data/indicators.yaml",
        "file: national/rates.csv",
        "file: national/rate.csv",
    );
    fails_with(
        site.path(),
        &[
            "data/indicators.yaml:39: error: `dfe_rate` reads from `national/rate.csv`, which is not under data/",
            "did you mean `national/rates.csv`?",
        ],
    );
}

#[test]
fn names_a_column_or_value_the_file_does_not_have() {
    let site = national_site();
    edit(
        site.path(),
        "data/indicators.yaml",
        "value: rate_per_10000",
        "value: rate_per_1000",
    );
    fails_with(
        site.path(),
        &[
            "data/indicators.yaml:39: error: `dfe_rate`: reads its figure from `rate_per_1000`, which is not a column in data/national/rates.csv",
            "did you mean `rate_per_10000`?",
        ],
    );
    let site = national_site();
    edit(
        site.path(),
        "data/indicators.yaml",
        "population_type: Care leavers",
        "population_type: Care leaver",
    );
    fails_with(
        site.path(),
        &[
            "`dfe_activity`: keeps rows whose `population_type` is `Care leaver`, but no row has that value in data/national/rates.csv",
            "did you mean `Care leavers`?",
        ],
    );
}

#[test]
fn names_an_area_code_with_no_rows_at_its_line_in_site_toml() {
    let site = national_site();
    edit(site.path(), "site.toml", "\"E06000001\"", "\"E06000009\"");
    fails_with(
        site.path(),
        &[
            "site.toml:4:14: error: no row of data/national/rates.csv is for `E06000009` (the code of `Fixtureshire`)",
        ],
    );
    let site = national_site();
    edit(site.path(), "site.toml", "area_code = \"E06000001\"\n", "");
    fails_with(
        site.path(),
        &[
            "site.toml:1: error: indicators read from national statistics files need the code of `Fixtureshire` in them",
        ],
    );
}

#[test]
fn names_a_time_identifier_it_cannot_place_and_two_rows_for_one_figure() {
    let site = national_site();
    let file = "data/national/rates.csv";
    edit(
        site.path(),
        file,
        "2022,Reporting year",
        "2022,Academic year",
    );
    fails_with(
        site.path(),
        &[
            "data/national/rates.csv:8:1: error: the time identifier `Academic year` is not one outturn can place in its periods",
        ],
    );
    let site = national_site();
    let path = site.path().join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("2022,Reporting year,Local authority,E92000001,England,E12000006,East of England,801,Fixtureshire,E06000001,Children looked after on 31 March each year,Total,281,63\n");
    std::fs::write(&path, text).unwrap();
    fails_with(
        site.path(),
        &[
            "data/national/rates.csv:11:1: error: a second row for `dfe_rate` in 2021-22",
            "the first is on line 8",
        ],
    );
}

#[test]
fn a_file_that_is_not_national_is_named() {
    let site = national_site();
    edit(
        site.path(),
        "data/indicators.yaml",
        "file: national/rates.csv",
        "file: monthly.csv",
    );
    fails_with(
        site.path(),
        &[
            "data/indicators.yaml:39: error: `dfe_rate` reads from data/monthly.csv, which is not a national statistics file",
        ],
    );
}

/// DfE's care leavers file, as published.
#[test]
fn reads_dfe_care_leavers_file_as_published() {
    let published = fixtures().join("ees/la_care_leavers_activity.csv");
    let site = national_site();
    std::fs::copy(
        &published,
        site.path().join("data/national/care_leavers.csv"),
    )
    .unwrap();
    edit(
        site.path(),
        "site.toml",
        "area_code = \"E06000001\"",
        "area_code = \"883\"",
    );
    edit(
        site.path(),
        "site.toml",
        "average_of = [\"E06000002\", \"E06000003\", \"E06000004\"]",
        "average_of = [\"887\", \"303\", \"311\", \"866\", \"332\", \"882\", \"941\", \"894\", \"826\", \"874\"]",
    );
    let yaml = site.path().join("data/indicators.yaml");
    let mut text = std::fs::read_to_string(&yaml).unwrap();
    // Only the published file is read: the fixture's own is left unused.
    let cut = text.find("dfe_rate:").unwrap();
    text.truncate(cut);
    text.push_str("eet:\n  title: Care leavers aged 19 to 21 in education, employment or training\n  unit: percent\n  from:\n    file: national/care_leavers.csv\n    value: care_leaver_percent\n    where:\n      care_leaver_age: 19 to 21 years\n      breakdown: Total in education, employment or training\n");
    std::fs::write(&yaml, text).unwrap();
    let files = built(site.path());
    let csv = String::from_utf8(files["data/eet.csv"].clone()).unwrap();
    // Thurrock (old code 883) in 2024-25 and 2020-21, as DfE published them.
    assert!(
        csv.contains(",Fixtureshire,,2024-25,2024-25,2024-04-01,2025-03-31,47,percent,,\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",Fixtureshire,,2020-21,2020-21,2020-04-01,2021-03-31,49,percent,,\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",England,,2024-25,2024-25,2024-04-01,2025-03-31,54,percent,,\n"),
        "{csv}"
    );
    assert!(csv.contains("of 10 statistical neighbours"), "{csv}");
    // Five years each for the area, England and the neighbours' mean.
    assert_eq!(csv.lines().count(), 16, "{csv}");
}

/// What DfE's screener would say of rows the site does not read is for
/// `check`: `build` publishes as before, saying nothing of it.
#[test]
fn check_warns_of_a_misnamed_area_the_site_does_not_read_and_build_does_not() {
    let site = national_site();
    let path = site.path().join("data/national/rates.csv");
    let mut csv = std::fs::read_to_string(&path).unwrap();
    csv.push_str("2022,Reporting year,Local authority,E92000001,England,E12000006,East of England,999,Elsewere,E06000099,Children looked after on 31 March each year,Total,110,98\n");
    std::fs::write(&path, csv).unwrap();
    let root = site.path().to_str().unwrap();
    let output = outturn(&["check", "--root", root]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("data/national/rates.csv:11:9: warning[national-screen]: `999` is named `Elsewere` here but `Elsewhere` on line 7"),
        "{stderr}"
    );
    assert!(
        stderr.contains("data/national/rates.csv:11:9: warning[national-screen]: `E06000099` is named `Elsewere`"),
        "{stderr}"
    );
    // And the good site's own: no `base_url`.
    assert!(stdout.contains("No errors, 3 warnings"), "{stdout}");
    let output = build(site.path(), &site.path().join("public"), &[]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("Elsewere"), "{stderr}");
    assert!(!stdout.contains("warning"), "{stdout}");
}

/// A quote never closed in a national file took every later row with it
/// (the council's 2021-22 rate vanished, and the build passed). Now the
/// build fails at the quote, and the last output stays.
#[test]
fn a_quote_never_closed_in_a_national_file_fails_at_the_quote() {
    let site = national_site();
    edit(
        site.path(),
        "data/national/rates.csv",
        "Care leavers,Not in education",
        "Care leavers,\"Not in education",
    );
    fails_with(
        site.path(),
        &[
            "data/national/rates.csv:10:121: error: this quote is never closed; the rows after it would be lost",
        ],
    );
    // A stray quote that a later one closes runs the rows between into
    // one: a row of the wrong shape, at the quote's line.
    let site = national_site();
    edit(
        site.path(),
        "data/national/rates.csv",
        "804,Fourth,",
        "804,\"Fourth,",
    );
    fails_with(
        site.path(),
        &["data/national/rates.csv:6:13: error: this row has 12 fields but the header has 14"],
    );
}

/// A row cut short was published as `[x]`, "not available".
#[test]
fn a_row_cut_short_in_a_national_file_is_an_error_not_a_symbol() {
    let site = national_site();
    edit(
        site.path(),
        "data/national/rates.csv",
        "Children looked after on 31 March each year,Total,280,62\n",
        "Children looked after on 31 March each year,Total,280\n",
    );
    fails_with(
        site.path(),
        &[
            "data/national/rates.csv:8:14: error: this row has 13 fields but the header has 14; a row cut short is not read as \"not available\"",
        ],
    );
}

/// A National row carrying a council's code was read as England's figure
/// (England's rate published as the council's 1), with only a plausibility
/// warning.
#[test]
fn a_national_row_with_a_councils_code_fails_at_the_code() {
    let site = national_site();
    edit(
        site.path(),
        "data/national/rates.csv",
        "2023,Reporting year,National,E92000001,England,,,,,,Children looked after on 31 March each year,Total,83750,70\n",
        "2023,Reporting year,National,E92000001,England,,,,,E06000001,Children looked after on 31 March each year,Total,83750,1\n",
    );
    fails_with(
        site.path(),
        &[
            "data/national/rates.csv:2:10: error: this row's geographic_level is `National`, but its new_la_code is `E06000001`: a National row names no region or council",
        ],
    );
}

/// A comparator given both `code` and `average_of` silently used the code;
/// the site's own code in `average_of` was averaged in silently.
#[test]
fn a_comparator_with_a_code_and_an_average_fails_and_an_average_with_the_council_warns() {
    let site = national_site();
    edit(
        site.path(),
        "site.toml",
        "average_of = [",
        "code = \"E92000001\", average_of = [",
    );
    fails_with(
        site.path(),
        &["site.toml:7:61: error: comparator `sn` has both a `code` and an `average_of`"],
    );
    let site = national_site();
    edit(
        site.path(),
        "site.toml",
        "average_of = [\"E06000002\"",
        "average_of = [\"E06000001\", \"E06000002\"",
    );
    let root = site.path().to_str().unwrap();
    let output = outturn(&["check", "--root", root]);
    let (_, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("site.toml:7:56: warning[own-code-averaged]: comparator `sn` is an average that includes `E06000001`, the code of `Fixtureshire` itself"),
        "{stderr}"
    );
}
