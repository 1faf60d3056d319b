//! The record of what was published: the first build writes it, a later
//! change to a recorded figure is a revision the report lists while it goes
//! on showing what the committee saw, and a correction shows in the report.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output};

/// 7 December 2026, so the dates written are the same on every run.
const TODAY: &str = "1796601600";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_outturn"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", TODAY)
        .output()
        .expect("outturn runs")
}

fn build_site(root: &Path) -> Output {
    let out = root.join("public");
    run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

fn read(root: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join(file)).unwrap()
}

const RECORD: &str = "published/2023-24-q1.csv";

/// The good fixture, built once, with cla_count for June 2023 then revised
/// from 308 to 310 in the data.
fn revised_site() -> tempfile::TempDir {
    let site = good_site();
    let output = build_site(site.path());
    assert!(output.status.success(), "{output:?}");
    let monthly = site.path().join("data/monthly.csv");
    let text = std::fs::read_to_string(&monthly).unwrap();
    std::fs::write(&monthly, text.replace("292,295,301,308", "292,295,301,310")).unwrap();
    site
}

#[test]
fn the_first_build_records_every_figure_and_the_next_changes_nothing() {
    let site = good_site();
    let root = site.path();
    let output = build_site(root);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.contains(
            "Recorded the figures of 2 published reports in published/: commit them with the site."
        ),
        "{stdout}"
    );
    let record = read(root, RECORD);
    assert!(
        record.starts_with("event,date,indicator,area,breakdown,period,figure,note,reason\n"),
        "{record}"
    );
    // A key figure, a chart's history and a comparator's figure.
    for row in [
        "published,2026-12-07,cla_count,,,2023-06,308,,\n",
        "published,2026-12-07,cla_count,,,2023-03,292,,\n",
        "published,2026-12-07,cla_rate,england,,",
    ] {
        assert!(record.contains(row), "{row} is not in\n{record}");
    }
    // Drafts are not recorded.
    assert!(!root.join("published/2023-24-q2.csv").exists());
    let first = read_tree(&root.join("public"));
    let output = build_site(root);
    let (stdout, _) = text(&output);
    assert!(output.status.success());
    assert!(!stdout.contains("Recorded"), "{stdout}");
    assert_eq!(
        read(root, RECORD),
        record,
        "a second build changed the record"
    );
    assert_eq!(
        read_tree(&root.join("public")),
        first,
        "a second build changed the output"
    );
}

#[test]
fn a_revised_figure_is_named_recorded_and_listed_while_the_report_keeps_what_the_committee_saw() {
    let site = revised_site();
    let root = site.path();
    let before = read(root, RECORD);
    // check names the revision, and writes nothing.
    let output = run(&["check", "--root", root.to_str().unwrap()]);
    let (_, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("published/2023-24-q1.csv: warning[revision]: `cla_count`, June 2023: the data now gives 310 (data/monthly.csv:2); the report was published with 308"),
        "{stderr}"
    );
    assert_eq!(read(root, RECORD), before);

    let output = build_site(root);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout
            .contains("Recorded 1 revision in published/2023-24-q1.csv: commit it with the site."),
        "{stdout}"
    );
    let record = read(root, RECORD);
    assert!(record.starts_with(&before), "a recorded row was changed");
    assert_eq!(
        &record[before.len()..],
        "revised,2026-12-07,cla_count,,,2023-06,310,,\n"
    );
    // The report: what the committee saw, and the update.
    let report = read(root, "public/reports/2023-24-q1/index.html");
    assert!(report.contains("Updates to this report"), "{report}");
    assert!(
        report.contains("<time datetime=\"2026-12-07\">7 December 2026</time>: Children looked after, June 2023: revised to 310 in the data since; this report shows 308, the figure the committee saw."),
        "{report}"
    );
    assert!(report.contains("<p class=\"kf-value\">308</p>"), "{report}");
    assert!(
        !report.contains("<td class=\"num\">310"),
        "the report's tables show the revised figure"
    );
    // Everywhere else: the current figure, marked revised, with the earlier one.
    let page = read(root, "public/indicators/cla_count/index.html");
    assert!(page.contains("310"), "{page}");
    assert!(
        page.contains("Revised: the Q1 2023-24 report showed 308."),
        "{page}"
    );
    let csv = read(root, "public/data/cla_count.csv");
    assert!(csv.contains(",310,") && csv.contains("[r]"), "{csv}");
    // Recorded once: the next build adds nothing.
    let output = build_site(root);
    assert!(output.status.success());
    assert_eq!(read(root, RECORD), record);
}

#[test]
fn a_correction_shows_in_the_report_with_its_reason() {
    let site = revised_site();
    let root = site.path();
    assert!(build_site(root).status.success());
    let record = read(root, RECORD).replace(
        "revised,2026-12-07,cla_count,,,2023-06,310,,",
        "corrected,2026-12-07,cla_count,,,2023-06,310,,A child counted twice in June",
    );
    std::fs::write(root.join(RECORD), record).unwrap();
    let output = build_site(root);
    assert!(output.status.success(), "{output:?}");
    let report = read(root, "public/reports/2023-24-q1/index.html");
    assert!(
        report.contains("Children looked after, June 2023: corrected to 310 (A child counted twice in June). This report first showed 308."),
        "{report}"
    );
    assert!(
        report.contains("<p class=\"kf-value\">310 [r]</p>"),
        "{report}"
    );
}

#[test]
fn a_record_that_does_not_read_is_an_error_at_its_line_and_the_site_stays() {
    let site = good_site();
    let root = site.path();
    assert!(build_site(root).status.success());
    let before = read_tree(&root.join("public"));
    let mut record = read(root, RECORD);
    record.push_str("published,2026-12-07,cla_cuont,,,2023-06,308,,\n");
    let line = record.lines().count();
    std::fs::write(root.join(RECORD), &record).unwrap();
    let output = build_site(root);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "published/2023-24-q1.csv:{line}:3: error: unknown indicator `cla_cuont`"
        )),
        "{stderr}"
    );
    assert_eq!(read_tree(&root.join("public")), before);
}

#[test]
fn a_deleted_record_is_named() {
    let site = good_site();
    let root = site.path();
    // A second published report, so that one record stays.
    let q2 = root.join("content/reports/2023-24-q2.md");
    assert!(build_site(root).status.success());
    std::fs::remove_file(root.join(RECORD)).unwrap();
    std::fs::write(
        root.join("published/2022-23-q4.csv"),
        "event,date,indicator,area,breakdown,period,figure,note,reason\n",
    )
    .unwrap();
    let _ = q2;
    let output = build_site(root);
    let (_, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("published/2023-24-q1.csv: warning[record-deleted]: Q1 2023-24 was published, but its record is not there"),
        "{stderr}"
    );
}
