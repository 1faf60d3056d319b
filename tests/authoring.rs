//! The analyst's quarter: `new` starts the next report, `check` finds
//! problems without writing anything (`serve` has tests/serve.rs).

mod common;

use common::*;

#[test]
fn new_starts_the_next_report_and_lists_what_it_waits_for() {
    let site = good_site();
    let root = site.path().to_str().unwrap();
    let output = outturn(&["new", "2023-24 Q2", "--root", root]);
    let (stdout, stderr) = text(&output);
    // The good fixture already has a Q2 draft: new refuses to make a second.
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stderr.contains("there is already a report for Q2 2023-24"),
        "{stderr}"
    );

    std::fs::remove_file(site.path().join("content/reports/2023-24-q2.md")).unwrap();
    let output = outturn(&["new", "2023-24 Q2", "--root", root]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    let created = site.path().join("content/reports/2023-24-q2.md");
    let text = std::fs::read_to_string(&created).unwrap();
    assert!(
        text.starts_with("---\ntitle: Performance report, Q2 2023-24\nperiod: 2023-24 Q2\n"),
        "{text}"
    );
    assert!(
        text.contains("draft: true") && !text.contains("meeting:"),
        "{text}"
    );
    // What is waited for is listed once an indicator, with every line that
    // shows it: cla_count is shown on four lines, cla_by_age by a chart of
    // five categories.
    assert!(
        stdout.contains("5 indicators' figures to add to data/ for Q2 2023-24")
            && stdout.contains("\n  cla_count: latest June 2023; lines 11, 12, 39, 45\n")
            && stdout.contains("\n  cla_by_age: latest Q1 2023-24; lines 22, 23, 43\n"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("cla_by_age").count(), 1, "{stdout}");
    // The budget is declared yearly: it is not waited for each quarter.
    assert!(
        stdout.contains("(yearly or occasional figures, shown as they are): budget (April 2023)"),
        "{stdout}"
    );

    let output = outturn(&["new", "Q5 2023-24", "--root", root]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text_of(&output).contains("is not a period"));

    // Never overwrites.
    std::fs::write(&created, "mine").unwrap();
    let output = outturn(&["new", "2023-24 Q2", "--root", root]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&created).unwrap(), "mine");
}

#[test]
fn new_goes_backwards_only_from_a_named_report() {
    let site = good_site();
    let root = site.path().to_str().unwrap();
    let reports = site.path().join("content/reports");
    let before = read_tree(&reports);

    // The latest report is Q2 2023-24: a period ending by then is refused.
    for period in ["2022-23 Q3", "2023-08", "2023-09"] {
        let output = outturn(&["new", period, "--root", root]);
        let stderr = text(&output).1;
        assert_eq!(output.status.code(), Some(1), "{period}: {stderr}");
        assert!(
            stderr.contains(
                "is not after the latest report, content/reports/2023-24-q2.md (Q2 2023-24)"
            ) && stderr.contains("--from content/reports/"),
            "{period}: {stderr}"
        );
        assert_eq!(read_tree(&reports), before, "{period}: nothing written");
    }
    let output = outturn(&["new", "2023-08", "--root", root]);
    assert!(
        text(&output).1.contains(
            "help: to start a report for an earlier period on purpose, name the report to copy: outturn new \"2023-08\" --from content/reports/first-quarter.md"
        ),
        "{}",
        text_of(&output)
    );

    // A report that is not one.
    let output = outturn(&[
        "new",
        "2022-23 Q3",
        "--from",
        "content/reports/nope.md",
        "--root",
        root,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output)
            .1
            .contains("--from content/reports/nope.md is not one of the site's reports"),
        "{}",
        text_of(&output)
    );
    assert_eq!(read_tree(&reports), before);

    // Named on purpose, backwards is allowed.
    let output = outturn(&[
        "new",
        "2022-23 Q3",
        "--from",
        "content/reports/first-quarter.md",
        "--root",
        root,
    ]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains("Created content/reports/2022-23-q3.md for Q3 2022-23")
            && stdout.contains("from content/reports/first-quarter.md"),
        "{stdout}"
    );
    let text = std::fs::read_to_string(reports.join("2022-23-q3.md")).unwrap();
    assert!(
        text.starts_with("---\ntitle: Performance report, Q3 2022-23\nperiod: 2022-23 Q3\n"),
        "{text}"
    );
    // And forwards from a named report, given from the current folder.
    let output = outturn(&[
        "new",
        "2023-24 Q3",
        "--from",
        reports.join("first-quarter.md").to_str().unwrap(),
        "--root",
        root,
    ]);
    assert!(output.status.success(), "{}", text_of(&output));
    let text = std::fs::read_to_string(reports.join("2023-24-q3.md")).unwrap();
    assert!(text.contains("period: 2023-24 Q3\n"), "{text}");
}

fn text_of(output: &std::process::Output) -> String {
    let (a, b) = text(output);
    a + &b
}

#[test]
fn check_reports_every_problem_and_writes_nothing() {
    let site = good_site();
    let root = site.path().to_str().unwrap();
    let output = outturn(&["check", "--root", root]);
    assert!(output.status.success(), "{}", text_of(&output));
    assert!(!site.path().join("public").exists(), "check writes nothing");
    let report = site.path().join("content/reports/first-quarter.md");
    let source = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        source.replace(
            "value(\"cla_rate\") }}, against",
            "value(\"cla_rte\") }}, against",
        ),
    )
    .unwrap();
    let output = outturn(&["check", "--root", root]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output).1.contains(
            "1. content/reports/first-quarter.md:13:4: error: unknown indicator `cla_rte`"
        )
    );
    assert!(!site.path().join("public").exists());
}

#[test]
fn check_warns_about_figures_typed_into_the_text() {
    let site = good_site();
    let report = site.path().join("content/reports/first-quarter.md");
    let source = std::fs::read_to_string(&report).unwrap();
    let source = source.replace(
        "## Care leavers\n",
        "## Care leavers\n\nThen 308 children were in care, 55% of care leavers were in work, and we counted 300 children looked after, aged 16 to 21.\n",
    );
    std::fs::write(&report, source).unwrap();
    let output = outturn(&["check", "--root", site.path().to_str().unwrap()]);
    let (_, stderr) = text(&output);
    assert!(
        output.status.success(),
        "warnings alone do not fail: {stderr}"
    );
    assert!(
        stderr.contains("content/reports/first-quarter.md:27:6: warning[typed-figure]: 308 is typed in; {{ value(\"cla_count\") }} gives it and keeps it right when the data changes"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains(":27:33: warning[typed-figure]: 55% is typed in; {{ value(\"eet_19_21\") }}"),
        "{stderr}"
    );
    assert!(
        stderr.contains(":27:82: warning[typed-figure]: 300 is typed before \"children looked after\", but the figure for Q1 2023-24 is 308"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(" 16 is typed") && !stderr.contains(" 21 is typed"),
        "ages are not figures: {stderr}"
    );
}

#[test]
fn check_sees_the_site_as_build_publishes_it_and_reads_drafts_too() {
    let site = good_site();
    let root = site.path().to_str().unwrap();
    // A link to a draft: build would fail, so check must.
    let about = site.path().join("content/about.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(
        &about,
        text.replace("(/reports/2023-24-q1/)", "(/reports/2023-24-q2/)"),
    )
    .unwrap();
    let output = outturn(&["check", "--root", root]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text_of(&output).contains("the link to `/reports/2023-24-q2/` leads to no page"),
        "{}",
        text_of(&output)
    );
    std::fs::write(&about, text).unwrap();

    // A problem inside a draft is still named; it fails the check only
    // with --drafts, as it fails only `build --drafts`.
    let draft = site.path().join("content/reports/2023-24-q2.md");
    let text = std::fs::read_to_string(&draft).unwrap();
    std::fs::write(
        &draft,
        text.replace("A draft.", "A draft: {{ value(\"cla_cuont\") }}."),
    )
    .unwrap();
    let output = outturn(&["check", "--root", root]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text_of(&output).contains(
            "content/reports/2023-24-q2.md:6:13: warning[in-draft]: unknown indicator `cla_cuont`"
        ),
        "{}",
        text_of(&output)
    );
    let output = outturn(&["check", "--root", root, "--drafts"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text_of(&output)
            .contains("content/reports/2023-24-q2.md:6:13: error: unknown indicator `cla_cuont`"),
        "{}",
        text_of(&output)
    );
    // build leaves drafts out, so it publishes.
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
}

#[test]
fn new_keeps_asking_for_a_figure_that_missed_a_quarter() {
    // The Q2 draft shows June's cla_count: Q2's figure was never added.
    // Starting Q3 from it still asks for cla_count, which comes every month.
    let site = good_site();
    let root = site.path().to_str().unwrap();
    std::fs::write(
        site.path().join("content/reports/2023-24-q2.md"),
        "---\ntitle: Q2\nperiod: 2023-24 Q2\nsummary: S.\ndraft: true\n---\nThere were {{ value(\"cla_count\", latest=true) }} children in care at the end of {{ value(\"cla_count\", latest=true).period }}.\n",
    )
    .unwrap();
    let output = outturn(&["new", "2023-24 Q3", "--root", root]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains("\n  cla_count: latest June 2023;"),
        "{stdout}"
    );
    assert!(!stdout.contains("Not expected to change for Q3 2023-24 (yearly or occasional figures, shown as they are): cla_count"), "{stdout}");
}
