//! Every broken fixture fails with exit status 1, names the file, line and
//! column with the message and help its `expected` file lists, and leaves the
//! previous output exactly as it was. See tests/fixtures/broken/README.md.

mod common;

use common::*;

#[test]
fn good_fixture_builds() {
    let site = good_site();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.contains("pages (2 reports, 1 other page)"),
        "{stdout}"
    );
    let files = read_tree(&out);
    for page in [
        "index.html",
        "404.html",
        "about/index.html",
        "reports/2023-24-q1/index.html",
        "reports/2022-23-q4/index.html",
        "reports/2023-24-q1/figure-1.csv",
        "indicators/index.html",
        "indicators/cla_count/index.html",
        "compare/index.html",
        "compare/all/index.html",
        "data/cla_count.csv",
        "data/all.csv",
        "feed.xml",
        "static/style.css",
    ] {
        assert!(
            files.contains_key(page),
            "{page} missing from {:?}",
            files.keys()
        );
    }
    assert!(
        !files.contains_key("robots.txt"),
        "without base_url the host's own robots.txt governs"
    );
}

#[test]
fn every_broken_fixture_fails_with_its_message_and_keeps_the_old_output() {
    let mut cases: Vec<_> = std::fs::read_dir(fixtures().join("broken"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 12,
        "expected the full set of broken fixtures"
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let site = good_site();
        let out = site.path().join("public");
        let first = build(site.path(), &out, &[]);
        assert!(
            first.status.success(),
            "{name}: the good site must build first: {}",
            text(&first).1
        );
        let before = read_tree(&out);

        copy_tree(case, site.path());
        std::fs::remove_file(site.path().join("expected")).unwrap();
        let output = build(site.path(), &out, &[]);
        let (_, stderr) = text(&output);
        if output.status.code() != Some(1) {
            failures.push(format!(
                "{name}: exit status {:?}, want 1\n{stderr}",
                output.status.code()
            ));
        }
        let expected = std::fs::read_to_string(case.join("expected")).unwrap();
        for line in expected.lines().filter(|l| !l.trim().is_empty()) {
            if !stderr.lines().any(|got| got.contains(line)) {
                failures.push(format!("{name}: missing `{line}` in:\n{stderr}"));
            }
        }
        if read_tree(&out) != before {
            failures.push(format!("{name}: the previous output changed"));
        }
        let leftovers: Vec<String> = std::fs::read_dir(site.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with(".public"))
            .collect();
        if !leftovers.is_empty() {
            failures.push(format!("{name}: a failed build left {leftovers:?} behind"));
        }
        let check = outturn(&["check", "--root", site.path().to_str().unwrap()]);
        if check.status.code() != Some(1) {
            failures.push(format!(
                "{name}: `check` exit status {:?}, want 1",
                check.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
