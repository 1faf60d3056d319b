//! A site with a workbook in data/, end to end: its figures reach the pages
//! and the downloads as the spreadsheet shows them, from .xlsx and .ods alike.

mod common;

use common::*;

#[test]
fn a_site_builds_with_a_workbook_in_data() {
    for name in ["figures.xlsx", "figures.ods"] {
        let site = good_site();
        std::fs::copy(
            fixtures().join("workbooks").join(name),
            site.path().join("data").join(name),
        )
        .unwrap();
        let out = site.path().join("public");
        let output = build(site.path(), &out, &[]);
        let (_, stderr) = text(&output);
        assert!(output.status.success(), "{name}: {stderr}");
        assert!(!stderr.contains("data/"), "{name}: {stderr}");
        let files = read_tree(&out);
        let page = |path: &str| String::from_utf8(files[path].clone()).unwrap();
        // Shown as 58% in the workbook, stored as 0.58.
        let eet = page("data/eet_19_21.csv");
        assert!(eet.contains(",58,"), "{name}: {eet}");
        assert!(!eet.contains("0.58"), "{name}: {eet}");
        // Read from Table 2, whose periods are headed by dates.
        let count = page("data/cla_count.csv");
        for month in [",July 2023,", ",August 2023,", ",September 2023,"] {
            assert!(count.contains(month), "{name}: {month} in {count}");
        }
        assert!(count.contains(",315,"), "{name}: {count}");
        let adoption = page("indicators/adoption_days/index.html");
        assert!(adoption.contains("471"), "{name}: {adoption}");
    }
}
