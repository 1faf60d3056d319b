//! The build cache (`.outturn-cache/`): a warm build, which takes unchanged
//! pages from the output it replaces, must give exactly the files a cold
//! build of the same site gives, whatever was edited in between.
//!
//! Each case builds the example site cold, makes one edit a council makes,
//! builds again with the cache, and compares the output byte for byte with
//! a cold build of a fresh copy of the edited site. The three ways other
//! generators have shipped stale pages are each here: an input missing from
//! a key (every edit below, one kind of input each), trusting modification
//! times (an edit of the same length with the file's time put back), and a
//! deleted page left behind (a deleted report).

mod common;

use common::{copy_tree, outturn, read_tree};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The example site (the repository's root): its files, not its output.
fn example(into: &Path) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for dir in ["content", "data", "published"] {
        copy_tree(&root.join(dir), &into.join(dir));
    }
    fs::copy(root.join("site.toml"), into.join("site.toml")).unwrap();
}

/// Builds the site at `root` into its `public/`, returning how many outputs
/// were kept from the last build.
fn build(root: &Path) -> usize {
    build_with(root, &[])
}

fn build_with(root: &Path, extra: &[&str]) -> usize {
    let mut args = vec!["build", "--verbose", "--root", root.to_str().unwrap()];
    args.extend(extra);
    let out = outturn(&args);
    let (stdout, stderr) = common::text(&out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("kept "))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count of kept outputs in:\n{stderr}"))
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// An edit that keeps the file's length, with its modification time put
/// back as it was: a cache that trusted times would not see it.
fn edit_keeping_time(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    edit(path, from, to);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(path).unwrap().modified().unwrap(), modified);
    assert_ne!(modified, SystemTime::UNIX_EPOCH);
}

/// The built-in theme written out as the site's own, and used.
fn own_theme(site: &Path) {
    let out = outturn(&[
        "theme",
        "export",
        site.join("themes/ours").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    edit(
        &site.join("site.toml"),
        "theme = \"default\"",
        "theme = \"ours\"",
    );
}

const NEXT_QUARTER: &str = "---
title: Children's Social Care Performance, Q2 2023-24
period: 2023-24 Q2
committee: Corporate Parenting Committee
meeting: 2023-12-05
summary: How Thurrock's children looked after fared from July to September 2023.
draft: false
---
## Summary

At the end of {{ period.label }} the council was looking after {{ value(\"cla_count\") }} children.
";

/// An edit a council makes, by name: what it does to a copy of the example.
type Edit = (&'static str, fn(&Path));

/// Each edit.
fn edits() -> Vec<Edit> {
    vec![
        ("the next quarter's report and figures", |site| {
            fs::write(site.join("content/reports/2023-24-q2.md"), NEXT_QUARTER).unwrap();
            let csv = site.join("data/quarterly.csv");
            let mut text = fs::read_to_string(&csv).unwrap();
            text.push_str("cla_count,2023-09,315,,,,\n");
            fs::write(csv, text).unwrap();
        }),
        ("a revised old figure", |site| {
            edit(&site.join("data/monthly.csv"), ",,294,,292,", ",,294,,290,");
        }),
        ("a figure edited with its file's time put back", |site| {
            edit_keeping_time(&site.join("data/monthly.csv"), ",,,308\n", ",,,309\n");
        }),
        ("an old report's words", |site| {
            edit(
                &site.join("content/reports/2022-23-q2.md"),
                "## ",
                "## Looking back\n\nA sentence added later.\n\n## ",
            );
        }),
        ("an old report's words, same length and time", |site| {
            edit_keeping_time(&site.join("content/reports/2022-23-q2.md"), "## ", "#  ");
        }),
        ("a template", |site| {
            own_theme(site);
            edit(
                &site.join("themes/ours/templates/report.html"),
                "</h1>",
                "</h1><p>Edited.</p>",
            );
        }),
        ("the stylesheet", |site| {
            own_theme(site);
            let css = site.join("themes/ours/static/style.css");
            let mut text = fs::read_to_string(&css).unwrap();
            text.push_str("\nbody { letter-spacing: 0.01em; }\n");
            fs::write(css, text).unwrap();
        }),
        ("site.toml", |site| {
            edit(
                &site.join("site.toml"),
                "title = \"Children's",
                "title = \"Our Children's",
            );
        }),
        ("an indicator's title", |site| {
            edit(
                &site.join("data/indicators.yaml"),
                "title: Children looked after\n",
                "title: Children in care\n",
            );
        }),
        ("a deleted report", |site| {
            fs::remove_file(site.join("content/reports/2022-23-q3.md")).unwrap();
        }),
        ("a national statistics file's figure", |site| {
            edit(
                &site.join("data/national/cla_number_and_rate_per_10k_children.csv"),
                "Children looked after on 31 March each year,46271,276,60",
                "Children looked after on 31 March each year,46271,277,60",
            );
        }),
        ("a renamed data file", |site| {
            fs::rename(
                site.join("data/benchmarks.csv"),
                site.join("data/comparators.csv"),
            )
            .unwrap();
        }),
    ]
}

#[test]
fn a_warm_build_after_any_edit_equals_a_cold_build() {
    for (name, apply) in edits() {
        let warm = tempfile::tempdir().unwrap();
        example(warm.path());
        assert_eq!(build(warm.path()), 0, "{name}: the first build is cold");
        let kept_unchanged = build(warm.path());
        assert!(
            kept_unchanged > 60,
            "{name}: a build with nothing changed keeps every page ({kept_unchanged})"
        );
        apply(warm.path());
        let kept = build(warm.path());

        let cold = tempfile::tempdir().unwrap();
        example(cold.path());
        apply(cold.path());
        assert_eq!(build(cold.path()), 0);

        let (a, b) = (
            read_tree(&warm.path().join("public")),
            read_tree(&cold.path().join("public")),
        );
        let names =
            |t: &std::collections::BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
        assert_eq!(names(&a), names(&b), "{name}: the same files");
        for (path, bytes) in &a {
            assert!(
                bytes == &b[path],
                "{name}: {path} differs from a cold build"
            );
        }
        eprintln!("{name}: kept {kept} outputs");
    }
}

#[test]
fn a_new_quarter_keeps_the_old_reports() {
    let site = tempfile::tempdir().unwrap();
    example(site.path());
    build(site.path());
    let before = read_tree(&site.path().join("public"));
    (edits()[0].1)(site.path());
    build(site.path());
    let manifest = fs::read_to_string(site.path().join(".outturn-cache/manifest.json")).unwrap();
    assert!(manifest.contains("page:reports/2023-24-q2/index.html"));
    // The oldest report neither links to the new one nor reads its figures:
    // kept, as the same file (a hard link to the last output's, where the
    // file system makes one).
    let after = read_tree(&site.path().join("public"));
    let oldest = "reports/2022-23-q2/index.html";
    assert_eq!(before[oldest], after[oldest]);
}

#[test]
fn options_given_on_the_command_line_are_in_every_key() {
    let warm = tempfile::tempdir().unwrap();
    example(warm.path());
    build(warm.path());
    for extra in [
        &["--base-url", "https://example.gov.uk/reports/"][..],
        &["--drafts"],
        &[],
    ] {
        build_with(warm.path(), extra);
        let cold = tempfile::tempdir().unwrap();
        example(cold.path());
        build_with(cold.path(), extra);
        let (a, b) = (
            read_tree(&warm.path().join("public")),
            read_tree(&cold.path().join("public")),
        );
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{extra:?}"
        );
        for (path, bytes) in &a {
            assert!(
                bytes == &b[path],
                "{extra:?}: {path} differs from a cold build"
            );
        }
    }
}

#[test]
fn an_output_edited_by_hand_is_made_again() {
    let site = tempfile::tempdir().unwrap();
    example(site.path());
    build(site.path());
    let page = site.path().join("public/reports/2022-23-q2/index.html");
    let made = fs::read(&page).unwrap();
    let mut edited = made.clone();
    edited[100] ^= 1;
    fs::write(&page, &edited).unwrap();
    build(site.path());
    assert_eq!(fs::read(&page).unwrap(), made);
}

#[test]
fn a_deleted_cache_is_a_cold_build() {
    let site = tempfile::tempdir().unwrap();
    example(site.path());
    build(site.path());
    fs::remove_dir_all(site.path().join(".outturn-cache")).unwrap();
    assert_eq!(build(site.path()), 0);
    assert!(build(site.path()) > 60);
}
