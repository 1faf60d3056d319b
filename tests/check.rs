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
