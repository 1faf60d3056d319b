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
