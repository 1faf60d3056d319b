//! An indicator page's history, built from the good fixture: every frequency
//! it has and every comparator beside the council.

mod common;

use common::*;

/// The history section of `indicators/<id>/index.html`, each chart's SVG
/// reduced to its accessible name: how a chart is drawn is the charts'
/// tests' business; which charts there are, with which figures, is this one's.
fn history_of(site: &std::path::Path, id: &str) -> String {
    let page =
        std::fs::read_to_string(site.join(format!("public/indicators/{id}/index.html"))).unwrap();
    let start = page.find("<h2 id=\"history\">").expect("a history section");
    let end = page.find("<h2 id=\"reports\">").expect("a list of reports");
    let mut section = page[start..end].to_string();
    while let Some(open) = section.find("<svg") {
        let close = section[open..].find("</svg>").expect("svg closes") + open + "</svg>".len();
        let svg = &section[open..close];
        let title = svg
            .find("<title")
            .and_then(|t| {
                let text = &svg[t..];
                let from = text.find('>')? + 1;
                Some(text[from..text.find("</title>")?].to_string())
            })
            .unwrap_or_default();
        section.replace_range(open..close, &format!("[chart: {title}]"));
    }
    section
}

fn built() -> tempfile::TempDir {
    let site = good_site();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    site
}

#[test]
fn a_rate_is_charted_with_every_comparator() {
    let site = built();
    let history = history_of(site.path(), "cla_rate");
    // England's and the neighbours' figures are for 2022-23, the council's
    // for months: all three are on the chart, not only the council's.
    let csv = std::fs::read_to_string(site.path().join("public/indicators/cla_rate/figure-1.csv"))
        .unwrap();
    assert!(
        csv.contains("England") && csv.contains("Statistical neighbours"),
        "{csv}"
    );
    insta::assert_snapshot!(history);
}

#[test]
fn a_count_as_at_a_date_is_one_chart() {
    let site = built();
    insta::assert_snapshot!(history_of(site.path(), "cla_count"));
}
