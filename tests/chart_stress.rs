//! The chart stress site (tests/fixtures/chart-stress) builds without a
//! problem and draws every chart it asks for: CI measures those charts in a
//! browser (.ci/charts.js), so a site that failed to build, or a chart that
//! quietly dropped out, would leave the hardest cases unmeasured.

mod common;

use common::*;

#[test]
fn chart_stress_site_builds_without_problems() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("chart-stress"), site.path());
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        !stderr.contains("warning") && !stderr.contains("error"),
        "{stderr}"
    );
    assert!(
        stdout.contains("17 pages (2 reports, 1 other page)"),
        "{stdout}"
    );

    let check = outturn(&["check", "--root", site.path().to_str().unwrap()]);
    let (check_out, check_err) = text(&check);
    assert!(check.status.success(), "{check_out}{check_err}");
    assert!(
        check_out.contains("No problems found"),
        "{check_out}{check_err}"
    );
}

#[test]
fn chart_stress_site_draws_every_chart_it_asks_for() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("chart-stress"), site.path());
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    // Every chart's SVG has role="img" (the contract), whatever else its
    // markup becomes; one figure for one period is shown as a figure, not
    // drawn, and counts as what was asked for.
    let charts = |page: &str| {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        let drawn = html
            .split("<svg")
            .skip(1)
            .map(|svg| &svg[..svg.find('>').unwrap()])
            // Each chart is drawn twice, for wide and narrow screens.
            .filter(|head| head.contains("role=\"img\"") && !head.contains("chart-narrow"))
            .count();
        drawn + html.matches("<p class=\"single-figure\">").count()
    };
    for (page, written) in [
        (
            "reports/2023-24-q1/index.html",
            "content/reports/2023-24-q1.md",
        ),
        (
            "reports/2022-23-q4/index.html",
            "content/reports/2022-23-q4.md",
        ),
    ] {
        let source = std::fs::read_to_string(site.path().join(written)).unwrap();
        let asked = source.matches("{{ chart(").count();
        assert!(asked > 0);
        assert_eq!(charts(page), asked, "{page}");
    }
    // Each indicator page draws its history.
    let indicators = std::fs::read_to_string(site.path().join("data/indicators.yaml")).unwrap();
    for id in indicators
        .lines()
        .filter(|l| !l.starts_with([' ', '#']) && l.ends_with(':'))
        .map(|l| l.trim_end_matches(':'))
    {
        assert!(
            charts(&format!("indicators/{id}/index.html")) >= 1,
            "{id} has no chart"
        );
    }
}
