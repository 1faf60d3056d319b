//! `outturn check`'s verdict: it says what it printed, in counts that read
//! naturally.

mod common;

use common::{good_site, outturn, text};

fn check(root: &std::path::Path) -> (String, String) {
    let output = outturn(&["check", "--root", root.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    text(&output)
}

#[test]
fn check_never_says_no_problems_after_a_warning() {
    let site = good_site();
    // The fixture has no base_url: one warning.
    let (stdout, stderr) = check(site.path());
    assert!(stderr.contains("warning: `base_url` is empty"), "{stderr}");
    assert!(!stdout.contains("No problems found"), "{stdout}");
    assert!(
        stdout.starts_with("No errors, 1 warning: 2 reports, 1 other page, "),
        "{stdout}"
    );

    let toml = site.path().join("site.toml");
    let settings = std::fs::read_to_string(&toml).unwrap();
    let settings = settings.replacen(
        "area = ",
        "base_url = \"https://www.example.gov.uk/performance/\"\narea = ",
        1,
    );
    std::fs::write(&toml, settings).unwrap();
    let (stdout, stderr) = check(site.path());
    assert_eq!(stderr, "");
    assert!(
        stdout.starts_with("No problems found: 2 reports, 1 other page, "),
        "{stdout}"
    );
}

#[test]
fn check_finds_figures_typed_into_a_draft() {
    let site = good_site();
    std::fs::write(
        site.path().join("data/2023-24-q2.csv"),
        "indicator,period,value\ncla_count,2023-09,315\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/reports/2023-24-q2.md"),
        "---\ntitle: Q2\nperiod: 2023-24 Q2\ndraft: true\n---\nAt the end of September 2023, 315 children were looked after.\n",
    )
    .unwrap();
    let (_, stderr) = check(site.path());
    assert!(
        stderr.contains(
            "content/reports/2023-24-q2.md:6:31: warning: 315 is typed in; {{ value(\"cla_count\") }} gives it"
        ),
        "{stderr}"
    );
}

#[test]
fn check_warns_of_last_quarters_words_left_in_a_new_report() {
    let site = good_site();
    let q2 = site.path().join("content/reports/2023-24-q2.md");
    std::fs::write(
        &q2,
        "---\ntitle: Performance report, Q2 2023-24\nperiod: 2023-24 Q2\nsummary: Children in care rose in June; care leavers in work or training improved.\ndraft: true\n---\nAt the end of June 2023, {{ value(\"cla_count\") }} children were looked after.\n\nAs in {{ period.previous }}, the service did well.\n",
    )
    .unwrap();
    let (stdout, stderr) = check(site.path());
    assert!(
        stderr.contains("content/reports/2023-24-q2.md:7:15: warning: this report is for Q2 2023-24; \"June 2023\" names Q1 2023-24, the previous report's period")
            && stderr.contains("help: write {{ period }} or {{ period.previous }}"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/reports/2023-24-q2.md:4:10: warning: the summary is the same as Q1 2023-24's, the previous report"),
        "{stderr}"
    );
    // `base_url`, and these two; what the placeholder shows is not counted.
    assert!(stdout.starts_with("No errors, 3 warnings: "), "{stdout}");

    // About to be published without a meeting date: a warning, and the
    // build goes ahead.
    let text = std::fs::read_to_string(&q2).unwrap();
    std::fs::write(&q2, text.replace("draft: true", "draft: false")).unwrap();
    let (_, stderr) = check(site.path());
    assert!(
        stderr.contains("content/reports/2023-24-q2.md:5:8: warning: this report is to be published (draft: false) but has no meeting date"),
        "{stderr}"
    );
    let out = site.path().join("public");
    let output = common::build(site.path(), &out, &[]);
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn check_warns_of_a_share_for_a_percentage_and_a_figure_ten_times_too_big() {
    let site = good_site();
    std::fs::write(
        site.path().join("data/2023-24-q2.csv"),
        "indicator,period,value,area,breakdown,note\ncla_count,2023-07,3080,,,\neet_19_21,2023-24 Q2,0.57,,,\n",
    )
    .unwrap();
    let (stdout, stderr) = check(site.path());
    assert!(
        stderr.contains("data/2023-24-q2.csv:2:19: warning: 3,080 for `cla_count` in July 2023 is 10 times the figure before it (308 in June 2023, data/monthly.csv:2)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("data/2023-24-q2.csv:3:22: warning: 0.57 for `eet_19_21` in Q2 2023-24 looks like a share: its other figures are percentages"),
        "{stderr}"
    );
    assert!(stdout.starts_with("No errors, 3 warnings: "), "{stdout}");
    // Warnings never stop a build.
    let out = site.path().join("public");
    let output = common::build(site.path(), &out, &[]);
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn check_counts_its_errors_and_says_nothing_of_writing() {
    let site = good_site();
    let report = site.path().join("content/reports/first-quarter.md");
    let body = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        body.replacen("value(\"cla_rate\")", "value(\"cla_rte\")", 1),
    )
    .unwrap();
    let output = outturn(&["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let (_, stderr) = text(&output);
    // check never writes, so it does not say that nothing was written.
    assert!(
        stderr.trim_end().ends_with("\nthe site has 1 error"),
        "{stderr}"
    );
}

#[test]
fn check_warns_of_a_table_without_a_caption_where_it_starts() {
    let site = good_site();
    let about = site.path().join("content/about.md");
    let text = std::fs::read_to_string(&about).unwrap();
    let lines = text.lines().count();
    std::fs::write(
        &about,
        format!("{text}\nTable: Ages\n\n| Age | Children |\n|---|---|\n| 16 | 1 |\n\nBy area:\n\n  | Area | Children |\n  |---|---|\n  | A | 1 |\n"),
    )
    .unwrap();
    let (stdout, stderr) = check(site.path());
    // The captioned table is not named; the other is, at its first line.
    assert_eq!(
        stderr.matches("this table has no caption").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "content/about.md:{}:3: warning: this table has no caption",
            lines + 10
        )) && stderr
            .contains("help: say what it shows in a paragraph just before it that starts `Table:`"),
        "{stderr}"
    );
    assert!(stdout.starts_with("No errors, 2 warnings: "), "{stdout}");
    // A build says nothing of it.
    let out = site.path().join("public");
    let output = common::build(site.path(), &out, &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(!text_of(&output).contains("caption"));
}

fn text_of(output: &std::process::Output) -> String {
    let (stdout, stderr) = text(output);
    stdout + &stderr
}

/// A draft waiting for the quarter's figures: `build` leaves it out and
/// publishes, so `check` reports its gaps as warnings and passes, and
/// `outturn check && outturn build` works in CI. With `--drafts`, as with
/// `build --drafts`, the gap is an error.
#[test]
fn a_drafts_gaps_are_warnings_unless_drafts_are_checked() {
    let site = good_site();
    let root = site.path().to_str().unwrap();
    std::fs::write(
        site.path().join("content/reports/2023-24-q2.md"),
        "---\ntitle: Q2\nperiod: 2023-24 Q2\ndraft: true\n---\nChildren: {{ change(\"cla_count\", vs=\"previous\") }}.\n",
    )
    .unwrap();
    let output = outturn(&["check", "--root", root]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("content/reports/2023-24-q2.md:6:14: warning: no figure for `cla_count` in Q2 2023-24 yet")
            && stderr.contains("(in a draft: `build` leaves it out; `check --drafts` counts this as an error)"),
        "{stderr}"
    );
    assert!(stdout.starts_with("No errors, 2 warnings"), "{stdout}");
    let out = site.path().join("public");
    assert!(common::build(site.path(), &out, &[]).status.success());

    let output = outturn(&["check", "--root", root, "--drafts"]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "content/reports/2023-24-q2.md:6:14: error: no figure for `cla_count` in Q2 2023-24 yet"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("in a draft"), "{stderr}");
    assert_eq!(
        common::build(site.path(), &out, &["--drafts"])
            .status
            .code(),
        Some(1)
    );
}
