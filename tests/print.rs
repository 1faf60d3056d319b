//! The printed report: what the default theme writes for paper only. How it
//! prints (A4, page numbers, what is hidden) is checked in a browser by
//! `.ci/print.js`; these tests check the markup that printing relies on.

mod common;

use common::*;

const NOTE: &str = r#"<p class="print-only print-note">Each chart's figures are in the web version of this report"#;

fn built_page(site: &std::path::Path, page: &str) -> String {
    let out = site.join("public");
    let output = build(site, &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    std::fs::read_to_string(out.join(page)).unwrap()
}

#[test]
fn a_report_with_charts_says_on_paper_where_their_figures_are() {
    let site = good_site();
    let page = built_page(site.path(), "reports/2023-24-q1/index.html");
    assert!(
        page.contains(r#"<details class="chart-data">"#),
        "the fixture's Q1 report has charts"
    );
    assert_eq!(
        page.matches(NOTE).count(),
        1,
        "one print-only note in:\n{page}"
    );
}

#[test]
fn a_report_without_charts_has_no_note_about_them() {
    let site = good_site();
    let page = built_page(site.path(), "reports/2022-23-q4/index.html");
    assert!(
        !page.contains("chart-data"),
        "the fixture's Q4 report has no charts"
    );
    assert!(!page.contains("print-note"), "no note in:\n{page}");
}

#[test]
fn with_the_sites_address_the_note_gives_the_reports_web_address() {
    let site = good_site();
    let out = site.path().join("public");
    let output = build(
        site.path(),
        &out,
        &["--base-url", "https://www.example.gov.uk/performance/"],
    );
    assert!(output.status.success(), "{}", text(&output).1);
    let page = std::fs::read_to_string(out.join("reports/2023-24-q1/index.html")).unwrap();
    assert!(
        page.contains(&format!(
            "{NOTE} at https://www.example.gov.uk/performance/reports/2023-24-q1/:"
        )),
        "{page}"
    );
}
