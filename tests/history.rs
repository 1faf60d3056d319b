//! History is stable (promise 3): adding later data, a later report and a new
//! comparator leaves every earlier report's page as it was published. The one
//! change allowed is the new "Next report" link in the report before it.

mod common;

use common::*;
use std::collections::BTreeMap;

fn without_pager(page: &str) -> String {
    match (
        page.find("<nav class=\"pager\""),
        page.find("</nav>\n</main>"),
    ) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &page[..start], &page[end + "</nav>\n".len()..])
        }
        _ => page.to_string(),
    }
}

fn report_files(tree: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    tree.iter()
        .filter(|(name, _)| name.starts_with("reports/"))
        .map(|(name, bytes)| (name.clone(), without_pager(&String::from_utf8_lossy(bytes))))
        .collect()
}

#[test]
fn later_data_reports_and_comparators_leave_earlier_reports_unchanged() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let before = read_tree(&out);

    // A new comparator, with figures.
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    std::fs::write(
        site.path().join("site.toml"),
        format!("{toml}region = \"East of England\"\n"),
    )
    .unwrap();
    // Later figures: a later month, a later quarter, a new age band, the new
    // comparator's figures, and a revision of nothing earlier.
    std::fs::write(
        site.path().join("data/later.csv"),
        "indicator,period,value,area,breakdown\n\
         cla_count,2023-09,331,,\n\
         cla_rate,2023-09,72.9,,\n\
         cla_rate,2022-23,66.0,East of England,\n\
         eet_19_21,2023-24 Q2,58,,\n\
         adoption_days,2023-24 Q2,470,,\n\
         cla_by_age,2023-24 Q2,10,,Under 1\n\
         cla_by_age,2023-24 Q2,35,,16 and over\n\
         cla_by_age,2023-24 Q2,55,,1 to 15\n",
    )
    .unwrap();
    // A later report, published.
    std::fs::write(
        site.path().join("content/reports/2023-24-q2.md"),
        "---\ntitle: Performance report, Q2 2023-24\nperiod: 2023-24 Q2\nkey_figures: [cla_count]\n---\n## Children\n\n{{ value(\"cla_count\") }} children.\n\n{{ chart(\"cla_by_age\") }}\n",
    )
    .unwrap();
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let after = read_tree(&out);

    let (old, new) = (report_files(&before), report_files(&after));
    for (name, page) in &old {
        assert_eq!(
            new.get(name),
            Some(page),
            "{name} changed when later data was added"
        );
    }
    assert!(new.len() > old.len(), "the new report was built");
    // The Q1 report now links to Q2; that is the only difference.
    let q1 = String::from_utf8_lossy(&after["reports/2023-24-q1/index.html"]).to_string();
    assert!(q1.contains("href=\"../../reports/2023-24-q2/index.html\" rel=\"next\""));
    // And the later figures do reach the pages that are about now.
    let q2 = String::from_utf8_lossy(&after["reports/2023-24-q2/index.html"]).to_string();
    assert!(q2.contains("331 children"));
    assert!(
        q2.contains("1 to 15"),
        "the new age band shows in the later report"
    );
}
