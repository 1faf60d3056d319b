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
    assert!(
        stderr.contains("warning[no-base-url]: `base_url` is empty"),
        "{stderr}"
    );
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
            "content/reports/2023-24-q2.md:6:31: warning[typed-figure]: 315 is typed in; {{ value(\"cla_count\") }} gives it"
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
        "---\ntitle: Performance report, Q2 2023-24\nperiod: 2023-24 Q2\nsummary: Children in care rose in June; care leavers in work or training improved.\ndraft: true\n---\nAt the end of June 2023, {{ value(\"cla_count\", latest=true) }} children were looked after.\n\nAs in {{ period.previous }}, the service did well.\n",
    )
    .unwrap();
    let (stdout, stderr) = check(site.path());
    assert!(
        stderr.contains("content/reports/2023-24-q2.md:7:15: warning[stale-period]: this report is for Q2 2023-24; \"June 2023\" names Q1 2023-24, the previous report's period")
            && stderr.contains("help: write {{ period }} or {{ period.previous }}"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/reports/2023-24-q2.md:4:10: warning[stale-summary]: the summary is the same as Q1 2023-24's, the previous report"),
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
        stderr.contains("content/reports/2023-24-q2.md:5:8: warning[no-meeting-date]: this report is to be published (draft: false) but has no meeting date"),
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
        stderr.contains("data/2023-24-q2.csv:2:19: warning[plausibility]: 3,080 for `cla_count` in July 2023 is 10 times the figure before it (308 in June 2023, data/monthly.csv:2)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("data/2023-24-q2.csv:3:22: warning[plausibility]: 0.57 for `eet_19_21` in Q2 2023-24 looks like a share: its other figures are percentages"),
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
            "content/about.md:{}:3: warning[table-caption]: this table has no caption",
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

/// Each problem printed, as `file:line:col kind[id]`: what a test compares,
/// not the prose, which may be reworded.
fn kinds(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| {
            let (_, rest) = line.split_once(". ")?;
            let at = rest.find(": warning[").or_else(|| rest.find(": error"))?;
            let heading = rest[at + 2..].split(": ").next()?;
            Some(format!("{} {heading}", &rest[..at]))
        })
        .collect()
}

#[test]
fn a_warning_allowed_at_its_line_or_in_its_file_is_counted_not_shown() {
    let site = good_site();
    std::fs::write(
        site.path().join("data/2023-24-q2.csv"),
        "indicator,period,value\ncla_count,2023-09,315\n",
    )
    .unwrap();
    let q2 = site.path().join("content/reports/2023-24-q2.md");
    let typed = "---\ntitle: Q2\nperiod: 2023-24 Q2\ndraft: true\n---\n315 children were looked after.\n\n<!-- outturn: allow typed-figure -->\nStill 315 children.\n\nAnd 315 children again. <!-- outturn: allow typed-figure, stale-periods -->\n\nThe last 315 children.\n";
    std::fs::write(&q2, typed).unwrap();
    let (stdout, stderr) = check(site.path());
    assert_eq!(
        kinds(&stderr),
        [
            "content/reports/2023-24-q2.md:6:1 warning[typed-figure]",
            "content/reports/2023-24-q2.md:11:59 warning[unknown-allow]",
            "content/reports/2023-24-q2.md:13:10 warning[typed-figure]",
            "site.toml warning[no-base-url]",
        ],
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `stale-period`?") && stderr.contains("typed-figure, "),
        "{stderr}"
    );
    assert!(
        stdout.starts_with("No errors, 4 warnings (2 warnings allowed): "),
        "{stdout}"
    );
    // Verbose, check lists what was allowed.
    let output = outturn(&["check", "-v", "--root", site.path().to_str().unwrap()]);
    let (_, stderr) = text(&output);
    let (_, allowed) = stderr.split_once("Allowed where they are").unwrap();
    assert_eq!(
        kinds(allowed),
        [
            "content/reports/2023-24-q2.md:9:7 warning[typed-figure]",
            "content/reports/2023-24-q2.md:11:5 warning[typed-figure]",
        ],
        "{stderr}"
    );

    // Allowed in the whole file by its front matter.
    let whole = typed.replace("draft: true\n", "draft: true\nallow: [typed-figure]\n");
    std::fs::write(&q2, whole).unwrap();
    let (stdout, stderr) = check(site.path());
    assert_eq!(
        kinds(&stderr),
        [
            "content/reports/2023-24-q2.md:12:59 warning[unknown-allow]",
            "site.toml warning[no-base-url]",
        ],
        "{stderr}"
    );
    assert!(
        stdout.starts_with("No errors, 2 warnings (4 warnings allowed): "),
        "{stdout}"
    );
}

#[test]
fn a_published_pages_warning_is_allowed_by_a_comment_on_the_line_before() {
    let site = good_site();
    let about = site.path().join("content/about.md");
    let text = std::fs::read_to_string(&about).unwrap();
    let lines = text.lines().count();
    let table = "| Age | Children |\n|---|---|\n| 16 | 1 |\n";
    std::fs::write(&about, format!("{text}\n{table}")).unwrap();
    let (stdout, stderr) = check(site.path());
    assert_eq!(
        kinds(&stderr),
        [
            format!("content/about.md:{}:1 warning[table-caption]", lines + 2),
            "site.toml warning[no-base-url]".to_string(),
        ],
        "{stderr}"
    );
    assert!(stdout.starts_with("No errors, 2 warnings: "), "{stdout}");
    std::fs::write(
        &about,
        format!("{text}\n<!-- outturn: allow table-caption -->\n{table}"),
    )
    .unwrap();
    let (stdout, stderr) = check(site.path());
    assert_eq!(
        kinds(&stderr),
        ["site.toml warning[no-base-url]"],
        "{stderr}"
    );
    assert!(
        stdout.starts_with("No errors, 1 warning (1 warning allowed): "),
        "{stdout}"
    );
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
        stderr.contains("content/reports/2023-24-q2.md:6:14: warning[in-draft]: no figure for `cla_count` in Q2 2023-24 yet")
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
